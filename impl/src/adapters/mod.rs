//! Adapters behind the ports.

pub mod embedded;
pub mod mail;
