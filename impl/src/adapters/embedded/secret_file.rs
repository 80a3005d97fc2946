//! Secrets kept in the data directory: created once, readable by the owner only.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::{Context, bail};

/// The contents of the secret at `path`, created from `generate` if the
/// file does not exist. Refuses a file that other users can read.
pub fn load_or_create(path: &Path, generate: impl FnOnce() -> anyhow::Result<Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    if !path.exists() {
        create(path, &generate()?)?;
    }
    let mode = fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        bail!("{} is readable by other users (mode {:o}); run chmod 600 on it", path.display(), mode & 0o777);
    }
    fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Writes the secret next to `path` and links it into place, so that a
/// crash never leaves half a secret behind; if another process created the
/// file meanwhile, its secret wins.
fn create(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let partial = path.with_extension("partial");
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&partial)
        .with_context(|| format!("creating {}", partial.display()))?;
    file.write_all(contents)?;
    file.sync_all()?;
    let linked = fs::hard_link(&partial, path);
    fs::remove_file(&partial)?;
    match linked {
        Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => return Err(error.into()),
        _ => {}
    }
    if let Some(dir) = path.parent() {
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}
