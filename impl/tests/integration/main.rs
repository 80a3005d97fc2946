//! The service's integration tests: one binary, so that the shared support
//! code and the AWS SDK are compiled and linked once.
//!
//! Each module tests one area over HTTP against a real server (or the real
//! binaries as child processes). `TEST_BACKEND=aws` runs the tests on
//! Cognito and DynamoDB as moto emulates them; the test command does so for
//! the modules whose operations behave alike on both backends, selected by
//! name (`scripts/test`, `rust_tests_on_aws`).

#[path = "../support/mod.rs"]
mod support;

// Alike on both backends.
mod admin;
mod auth_flows;
mod edges;
mod federated_sign_in;
mod federation_store;
mod invalidation;
mod mfa;
mod protection;
mod security_events;
mod seed;

// The embedded backend's own mailed codes, faults injected into its ports,
// the real binaries; what only the AWS backend has, the AWS deployment and
// event decoding.
mod aws_backend;
mod failures;
mod federation;
mod infra;
mod lambda_events;
mod mail;
mod process;
mod reset;
mod verification;
