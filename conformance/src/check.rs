//! What every answer must satisfy, whatever the request was.

use std::collections::HashMap;

use anyhow::anyhow;
use jsonschema::{Draft, Validator};
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::contract::{Contract, Operation};

/// An answer as received.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// What the request was meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Valid as far as the schema can tell; any declared status will do.
    Valid,
    /// Breaks the contract; a 2xx would accept bad input.
    Invalid,
    /// Carries no usable credentials for a protected operation; only 401 will do.
    Unauthenticated,
    /// Carries a valid token of an account without the right to the
    /// operation (a plain user's, for an admin operation); only 403 will do.
    Forbidden,
}

/// Whether a header's value is acceptable.
type HeaderRule = fn(&str) -> bool;

/// Headers every answer carries, with a check of the value.
const SECURITY_HEADERS: &[(&str, HeaderRule)] = &[
    ("x-content-type-options", |value| value.eq_ignore_ascii_case("nosniff")),
    ("x-frame-options", |value| !value.is_empty()),
    ("referrer-policy", |value| !value.is_empty()),
    ("content-security-policy", |value| !value.is_empty()),
    ("cache-control", |value| value.contains("no-store")),
];

/// The compiled body schemas of every declared response.
pub struct Checker {
    validators: HashMap<(String, String, String), Validator>,
}

impl Checker {
    pub fn new(contract: &Contract) -> anyhow::Result<Self> {
        let mut validators = HashMap::new();
        for operation in &contract.operations {
            for (status, declared) in &operation.responses {
                for (media, schema) in &declared.content {
                    let validator = jsonschema::options()
                        .with_draft(Draft::Draft4)
                        .should_validate_formats(true)
                        .build(schema)
                        .map_err(|error| anyhow!("the schema of {} {status} {media}: {error}", operation.id))?;
                    validators.insert((operation.id.clone(), status.clone(), media.clone()), validator);
                }
            }
        }
        Ok(Self { validators })
    }

    /// Every way `answer` breaks the contract for `operation`; empty when it conforms.
    pub fn violations(&self, operation: &Operation, intent: Intent, answer: &Answer) -> Vec<String> {
        let mut found = Vec::new();
        let status = answer.status;
        if status >= 500 {
            found.push(format!("server error {status}"));
        }
        match intent {
            Intent::Invalid if (200..300).contains(&status) => {
                found.push(format!("invalid input accepted with {status}"));
            }
            Intent::Unauthenticated if status != 401 => {
                found.push(format!("missing or bad credentials answered {status}, not 401"));
            }
            Intent::Forbidden if status != 403 => {
                found.push(format!("a token without the right to the operation answered {status}, not 403"));
            }
            _ => {}
        }
        let header = |name: &str| answer.headers.get(name).and_then(|value| value.to_str().ok());
        if header("x-request-id").is_none_or(str::is_empty) {
            found.push("no X-Request-Id header".to_owned());
        }
        for (name, ok) in SECURITY_HEADERS {
            match header(name) {
                None => found.push(format!("no {name} header")),
                Some(value) if !ok(value) => found.push(format!("{name} is {value:?}")),
                Some(_) => {}
            }
        }
        if status == 401 && !header("www-authenticate").is_some_and(|value| value.starts_with("Bearer")) {
            found.push("401 without WWW-Authenticate: Bearer".to_owned());
        }
        if status == 429 && header("retry-after").is_none_or(|value| value.parse::<u64>().is_err()) {
            found.push("429 without a Retry-After in seconds".to_owned());
        }
        let Some((declared_status, declared)) = operation.declared(status) else {
            found.push(format!("status {status} is not declared (declared: {})", operation.statuses()));
            return found;
        };
        for name in &declared.required_headers {
            if header(name).is_none() {
                found.push(format!("no {name} header, which {status} requires"));
            }
        }
        if declared.content.is_empty() {
            if !answer.body.is_empty() {
                found.push(format!("{status} declares no body but has {} bytes", answer.body.len()));
            }
            return found;
        }
        let media =
            header("content-type").map(|value| value.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
        let Some(media) = media.filter(|media| declared.content.contains_key(media)) else {
            found.push(format!(
                "content type {:?} is not one declared for {status} ({})",
                header("content-type").unwrap_or("none"),
                declared.content.keys().cloned().collect::<Vec<_>>().join(", ")
            ));
            return found;
        };
        let body: Value = match serde_json::from_slice(&answer.body) {
            Ok(body) => body,
            Err(_) => {
                found.push(format!("{status} body is not JSON"));
                return found;
            }
        };
        if let Some(validator) = self.validators.get(&(operation.id.clone(), declared_status.to_owned(), media)) {
            for error in validator.iter_errors(&body) {
                found.push(format!(
                    "body does not match the schema at /{}: {error}",
                    error.instance_path().as_str().trim_start_matches('/')
                ));
            }
        }
        found
    }
}
