#![allow(unused_imports)]
// Generated code: its style is the generator's, not this project's.
#![allow(clippy::all)]

extern crate serde_repr;
extern crate serde;
extern crate serde_json;
extern crate url;
extern crate reqwest;

pub mod apis;
pub mod models;
