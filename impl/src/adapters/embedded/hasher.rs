//! Argon2id hashing on a fixed pool of worker threads, one per core.
//!
//! Each worker owns argon2's working memory (`m_cost` KiB) for its whole
//! life and reuses it for every hash, so the process holds at most
//! `workers × m_cost` of it however many sign-ins arrive; the rest wait in
//! the queue, which costs a few bytes each. Hashing on workers of its own
//! also keeps the async runtime free to answer other requests.
//!
//! The memory is not allocated per hash because argon2 asks for it as
//! 64-byte-aligned blocks, and glibc (2.36, Debian 12) does not reuse a
//! freed aligned chunk of that size for the next aligned allocation:
//! resident memory grew by `m_cost` with every hash, to 4.4 GiB after five
//! seconds of concurrent sign-ins.

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::Instant;

use anyhow::anyhow;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::oneshot;

use crate::domain::{Password, PortError};

/// OWASP's minimum for argon2id: 19 MiB, two passes, one lane.
pub const OWASP_MEMORY_KIB: u32 = 19 * 1024;
pub const OWASP_ITERATIONS: u32 = 2;
pub const OWASP_PARALLELISM: u32 = 1;

/// Work for a hashing worker, given the worker's memory.
type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// A worker's argon2 working memory, allocated on first use and kept.
struct Memory {
    blocks: Vec<Block>,
    /// The size it is kept at: the configured `m_cost`, in 1 KiB blocks.
    kept: usize,
}

impl Memory {
    /// Runs `work` over at least `needed` blocks: the kept ones, or for a
    /// hash stored under a larger `m_cost` than configured, blocks
    /// allocated for this one hash.
    fn with<T>(&mut self, needed: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
        if needed > self.kept {
            return work(&mut vec![Block::default(); needed]);
        }
        if self.blocks.len() < self.kept {
            self.blocks = vec![Block::default(); self.kept];
        }
        work(&mut self.blocks)
    }
}

/// What [`PasswordHasher::verify`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// The password does not match, or there was no stored hash.
    No,
    /// It matches. `rehash` is a new PHC string of the normalised password
    /// when the stored one should be replaced: it hashed the password as
    /// typed, or used other parameters than the current ones.
    Yes { rehash: Option<String> },
}

impl Verified {
    pub fn matched(&self) -> bool {
        matches!(self, Self::Yes { .. })
    }
}

/// Hashes and verifies passwords as PHC strings
/// (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, RFC 9106 argon2id
/// with OWASP's parameters).
#[derive(Clone)]
pub struct PasswordHasher {
    jobs: mpsc::Sender<Job>,
    argon2: Argon2<'static>,
    /// A hash of a random password, verified against when an email is
    /// unknown so that the answer takes as long as for a wrong password.
    dummy_hash: Arc<str>,
}

impl PasswordHasher {
    /// A hasher with OWASP's parameters on `workers` threads (at least one),
    /// holding at most `workers × 19 MiB` of argon2 memory.
    pub fn new(workers: usize) -> anyhow::Result<Self> {
        let params = Params::new(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM, None)
            .map_err(|error| anyhow!("argon2 parameters: {error}"))?;
        let kept = params.block_count();
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        metrics::gauge!(crate::metrics::HASHER_WORKERS).set(workers.max(1) as f64);
        for index in 0..workers.max(1) {
            let queue = Arc::clone(&queue);
            thread::Builder::new()
                .name(format!("argon2-{index}"))
                .spawn(move || work(&queue, Memory { blocks: Vec::new(), kept }))
                .map_err(|error| anyhow!("starting a password hashing thread: {error}"))?;
        }
        let mut random = [0u8; 32];
        rand::RngCore::fill_bytes(&mut OsRng, &mut random);
        let dummy_hash = Memory { blocks: Vec::new(), kept }
            .with(kept, |memory| hash(&argon2, &random, &SaltString::generate(&mut OsRng), memory))
            .map_err(|error| anyhow!("hashing the dummy password: {error}"))?;
        Ok(Self { jobs, argon2, dummy_hash: dummy_hash.into() })
    }

    /// A PHC string for `password` with a new random salt.
    pub async fn hash(&self, password: &Password) -> Result<String, PortError> {
        let password = password.clone();
        let argon2 = self.argon2.clone();
        let blocks = argon2.params().block_count();
        self.run(move |memory| {
            let salt = SaltString::generate(&mut OsRng);
            memory
                .with(blocks, |memory| hash(&argon2, password.expose().as_bytes(), &salt, memory))
                .map_err(|error| PortError::Internal(anyhow!("hashing a password: {error}")))
        })
        .await
    }

    /// Whether `password` matches `stored`, a PHC string; with `None`, the
    /// same work is spent on a dummy hash and the answer is
    /// [`Verified::No`]. The normalised password is tried, and the password
    /// as typed too whenever it differs (a hash stored before passwords were
    /// normalised), so that the work depends on the input alone. A match
    /// that needs a new hash (of the password as typed, or under other
    /// parameters than the current ones) answers one. Outputs are compared
    /// in constant time. Errors: a stored string that is not an argon2 PHC
    /// string.
    pub async fn verify(&self, password: &Password, stored: Option<String>) -> Result<Verified, PortError> {
        let password = password.clone();
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy_hash.to_string());
        let argon2 = self.argon2.clone();
        self.run(move |memory| {
            let stored_error = |error| PortError::Internal(anyhow!("stored password hash: {error}"));
            let normalised = verify(password.expose().as_bytes(), &stored, memory).map_err(stored_error)?;
            let as_typed = match password.as_typed() {
                Some(as_typed) => verify(as_typed.as_bytes(), &stored, memory).map_err(stored_error)?,
                None => false,
            };
            if !known || !(normalised || as_typed) {
                return Ok(Verified::No);
            }
            if normalised && is_current(&stored, &argon2) {
                return Ok(Verified::Yes { rehash: None });
            }
            let salt = SaltString::generate(&mut OsRng);
            let blocks = argon2.params().block_count();
            let rehash = memory
                .with(blocks, |memory| hash(&argon2, password.expose().as_bytes(), &salt, memory))
                .map_err(|error| PortError::Internal(anyhow!("hashing a password: {error}")))?;
            Ok(Verified::Yes { rehash: Some(rehash) })
        })
        .await
    }

    /// Queues `work` for the next free worker and waits for its answer. A
    /// caller that gives up (a timed-out request) leaves its work undone if
    /// no worker has started it yet.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> Result<T, PortError> + Send + 'static,
    ) -> Result<T, PortError> {
        let (answer, answered) = oneshot::channel();
        let queued = Instant::now();
        let job: Job = Box::new(move |memory| {
            if !answer.is_closed() {
                metrics::histogram!(crate::metrics::HASHER_QUEUE_WAIT).record(queued.elapsed().as_secs_f64());
                let _busy = Busy::start();
                let _ = answer.send(work(memory));
            }
        });
        self.jobs.send(job).map_err(|_| PortError::Internal(anyhow!("the password hashing threads have stopped")))?;
        answered.await.map_err(|_| PortError::Internal(anyhow!("a password hashing job failed")))?
    }
}

/// A worker counted busy (in [`crate::metrics::HASHER_BUSY_WORKERS`]) for
/// as long as this lives, a panicking job included.
struct Busy(metrics::Gauge);

impl Busy {
    fn start() -> Self {
        let gauge = metrics::gauge!(crate::metrics::HASHER_BUSY_WORKERS);
        gauge.increment(1.0);
        Self(gauge)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.decrement(1.0);
    }
}

/// A worker: takes jobs until every [`PasswordHasher`] is dropped.
fn work(queue: &Mutex<mpsc::Receiver<Job>>, mut memory: Memory) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        // A job that panics drops its answer, which its caller sees as an
        // error; the worker and its memory stay.
        if std::panic::catch_unwind(AssertUnwindSafe(|| job(&mut memory))).is_err() {
            tracing::error!("a password hashing job panicked");
        }
    }
}

/// The PHC string of `password` under `argon2` and `salt`, computed in
/// `memory` (at least `argon2.params().block_count()` blocks).
fn hash(
    argon2: &Argon2<'_>,
    password: &[u8],
    salt: &SaltString,
    memory: &mut [Block],
) -> argon2::password_hash::Result<String> {
    let salt: Salt<'_> = salt.as_salt();
    Ok(hash_with(argon2, password, salt, memory)?.to_string())
}

fn hash_with<'a>(
    argon2: &Argon2<'_>,
    password: &[u8],
    salt: Salt<'a>,
    memory: &mut [Block],
) -> argon2::password_hash::Result<PasswordHash<'a>> {
    let mut salt_bytes = [0u8; Salt::MAX_LENGTH];
    let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
    let output_len = argon2.params().output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let output = Output::init_with(output_len, |out| {
        Ok(argon2.hash_password_into_with_memory(password, salt_bytes, out, &mut *memory)?)
    })?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon2.params())?,
        salt: Some(salt),
        hash: Some(output),
    })
}

/// Whether the PHC string `stored` was made with `argon2`'s algorithm,
/// version and parameters.
fn is_current(stored: &str, argon2: &Argon2<'_>) -> bool {
    let Ok(stored) = PasswordHash::new(stored) else { return false };
    let same_algorithm = Algorithm::try_from(stored.algorithm).is_ok_and(|algorithm| algorithm == Algorithm::Argon2id);
    let same_version = stored.version.map(Version::try_from).transpose().ok().flatten() == Some(Version::V0x13);
    let same_params = Params::try_from(&stored).is_ok_and(|params| {
        (params.m_cost(), params.t_cost(), params.p_cost())
            == (argon2.params().m_cost(), argon2.params().t_cost(), argon2.params().p_cost())
    });
    same_algorithm && same_version && same_params
}

/// Whether `password` matches the PHC string `stored`, recomputed with the
/// algorithm, version and parameters `stored` names.
fn verify(password: &[u8], stored: &str, memory: &mut Memory) -> argon2::password_hash::Result<bool> {
    let stored = PasswordHash::new(stored)?;
    let (Some(salt), Some(expected)) = (stored.salt, stored.hash) else {
        return Err(argon2::password_hash::Error::PhcStringField);
    };
    let algorithm = Algorithm::try_from(stored.algorithm)?;
    let version = stored.version.map(Version::try_from).transpose()?.unwrap_or_default();
    let params = Params::try_from(&stored)?;
    let blocks = params.block_count();
    let argon2 = Argon2::new(algorithm, version, params);
    let computed = memory.with(blocks, |memory| hash_with(&argon2, password, salt, memory))?;
    // `Output`'s equality is constant-time.
    Ok(computed.hash.is_some_and(|computed| computed == expected))
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};

    use super::*;

    fn password(raw: &str) -> Password {
        Password::parse("password", raw).unwrap()
    }

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hasher = PasswordHasher::new(2).unwrap();
        let hash = hasher.hash(&password("correct horse")).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        let verified = hasher.verify(&password("correct horse"), Some(hash.clone())).await.unwrap();
        assert_eq!(verified, Verified::Yes { rehash: None }, "a current hash needs no new one");
        assert!(!hasher.verify(&password("correct horsE"), Some(hash)).await.unwrap().matched());
    }

    #[tokio::test]
    async fn hashes_agree_with_the_argon2_crate_both_ways() {
        let hasher = PasswordHasher::new(1).unwrap();
        let ours = hasher.hash(&password("correct horse")).await.unwrap();
        let library = Argon2::default();
        assert!(library.verify_password(b"correct horse", &PasswordHash::new(&ours).unwrap()).is_ok());
        let theirs = library.hash_password(b"correct horse", &SaltString::generate(&mut OsRng)).unwrap().to_string();
        assert!(hasher.verify(&password("correct horse"), Some(theirs.clone())).await.unwrap().matched());
        assert!(!hasher.verify(&password("correct horsE"), Some(theirs)).await.unwrap().matched());
    }

    #[tokio::test]
    async fn hashes_under_other_parameters_still_verify() {
        let hasher = PasswordHasher::new(1).unwrap();
        for (m_cost, t_cost) in [(8 * 1024, 3), (32 * 1024, 1)] {
            let params = Params::new(m_cost, t_cost, 1, None).unwrap();
            let other = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
            let stored = other.hash_password(b"correct horse", &SaltString::generate(&mut OsRng)).unwrap().to_string();
            let Verified::Yes { rehash: Some(rehash) } =
                hasher.verify(&password("correct horse"), Some(stored.clone())).await.unwrap()
            else {
                panic!("{stored} did not verify with a new hash under the current parameters");
            };
            assert!(rehash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{rehash}");
            assert_eq!(
                hasher.verify(&password("correct horse"), Some(rehash)).await.unwrap(),
                Verified::Yes { rehash: None }
            );
            assert!(!hasher.verify(&password("correct horsE"), Some(stored)).await.unwrap().matched());
        }
    }

    #[tokio::test]
    async fn a_hash_of_the_password_as_typed_verifies_and_is_replaced_by_one_of_its_normal_form() {
        let hasher = PasswordHasher::new(1).unwrap();
        let (composed, decomposed) = ("Ma\u{f1}ana-\u{c7}af\u{e9}", "Man\u{303}ana-C\u{327}afe\u{301}");
        let library = Argon2::default();
        // Stored before passwords were normalised: the decomposed bytes as typed.
        let legacy =
            library.hash_password(decomposed.as_bytes(), &SaltString::generate(&mut OsRng)).unwrap().to_string();
        let Verified::Yes { rehash: Some(rehash) } =
            hasher.verify(&password(decomposed), Some(legacy.clone())).await.unwrap()
        else {
            panic!("the password as typed did not verify with a new hash");
        };
        for spelling in [composed, decomposed] {
            let verified = hasher.verify(&password(spelling), Some(rehash.clone())).await.unwrap();
            assert_eq!(verified, Verified::Yes { rehash: None }, "{spelling:?}");
        }
        // Another spelling of the same characters never matched the bytes as typed.
        assert!(!hasher.verify(&password(composed), Some(legacy)).await.unwrap().matched());
    }

    #[tokio::test]
    async fn a_malformed_stored_hash_is_an_error() {
        let hasher = PasswordHasher::new(1).unwrap();
        for stored in ["", "plain text", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ"] {
            assert!(hasher.verify(&password("anything"), Some(stored.to_owned())).await.is_err(), "{stored}");
        }
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let hasher = PasswordHasher::new(1).unwrap();
        assert_eq!(hasher.verify(&password("anything"), None).await.unwrap(), Verified::No);
        assert_eq!(hasher.verify(&password("ａｎｙｔｈｉｎｇ"), None).await.unwrap(), Verified::No);
    }

    #[tokio::test]
    async fn the_whole_password_counts_not_a_prefix() {
        let hasher = PasswordHasher::new(1).unwrap();
        let long = "a".repeat(200);
        let hash = hasher.hash(&password(&long)).await.unwrap();
        assert!(!hasher.verify(&password(&"a".repeat(199)), Some(hash.clone())).await.unwrap().matched());
        assert!(hasher.verify(&password(&long), Some(hash)).await.unwrap().matched());
    }

    #[tokio::test]
    async fn work_a_caller_gave_up_on_is_skipped() {
        use futures::FutureExt as _;
        let hasher = PasswordHasher::new(1).unwrap();
        // Hold the only worker until the abandoned job is queued behind it.
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let (started, has_started) = std::sync::mpsc::channel::<()>();
        let blocker = tokio::spawn({
            let hasher = hasher.clone();
            async move {
                hasher
                    .run(move |_| {
                        let _ = started.send(());
                        let _ = gate.recv();
                        Ok(())
                    })
                    .await
            }
        });
        while has_started.try_recv().is_err() {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        let (ran, has_run) = std::sync::mpsc::channel::<()>();
        let abandoned = hasher.run(move |_| {
            let _ = ran.send(());
            Ok(())
        });
        // Polled once, which queues it, then dropped.
        assert!(abandoned.now_or_never().is_none());
        release.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        // Jobs run in order, so the abandoned one has had its turn by now.
        hasher.hash(&password("after")).await.unwrap();
        assert!(has_run.try_recv().is_err(), "work for a caller that gave up ran");
    }
}
