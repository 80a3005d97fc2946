//! Adapters behind the ports.

pub mod embedded;
