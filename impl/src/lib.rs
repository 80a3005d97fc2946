//! An authentication service whose contract is `contract/openapi.yaml`.
//!
//! - [`domain`]: values, use cases and errors, free of HTTP and storage.
//! - [`ports`]: the traits the domain needs from the outside world.
//! - [`adapters`]: implementations of the ports (the embedded SQLite backend).
//! - [`http`]: the generated server's traits implemented over the domain.
//! - [`app`]: wiring, from a [`config::Config`] to a router.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod adapters;
pub mod app;
pub mod config;
pub mod domain;
pub mod http;
pub mod ports;
pub mod telemetry;
