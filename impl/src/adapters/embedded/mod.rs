//! The embedded backend: one SQLite database in the data directory, argon2id
//! password hashes and ES256 tokens signed with a key kept beside it.

mod db;
mod federation;
mod hasher;
mod identity;
mod mfa;
pub mod secret_file;
mod sessions;
mod signing;
mod store;

pub use db::Db;
pub use hasher::{OWASP_MEMORY_KIB, PasswordHasher};
pub use identity::{CodeKey, EmbeddedIdentity, IdentitySettings};
pub use signing::SigningKey;
pub use store::SqliteStore;
