//! An authentication service whose contract is `contract/openapi.yaml`.
//!
//! - [`domain`]: values, use cases and errors, free of HTTP and storage.
//! - [`ports`]: the traits the domain needs from the outside world.
//! - [`adapters`]: implementations of the ports: the embedded backend
//!   (SQLite, own password hashes and tokens) and, with the `aws` feature,
//!   the AWS one (Cognito, DynamoDB).
//! - [`http`]: the generated server's traits implemented over the domain.
//! - [`app`]: wiring, from a [`config::Config`] to a service and a router.
//! - `lambda` (feature `aws`): the router and the binaries on AWS Lambda.
//! - [`seed`]: the seed workflow's task handler.
//! - [`metrics`]: what the service counts and measures, and its exporter.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod adapters;
pub mod app;
pub mod config;
pub mod domain;
pub mod http;
#[cfg(feature = "aws")]
pub mod lambda;
pub mod metrics;
pub mod ports;
pub mod seed;
pub mod telemetry;
