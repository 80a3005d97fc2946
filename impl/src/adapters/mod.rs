//! Adapters behind the ports.

pub mod aws;
pub mod embedded;
pub mod mail;
pub mod observed;
pub mod oidc;
