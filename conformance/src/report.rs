//! The results: a table per operation, each failure as a curl command, and
//! a JUnit XML report.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::contract::Contract;
use crate::run::{Outcome, Request};

/// Bodies longer than this are shown cut short in reproductions.
const SHOWN_BODY_BYTES: usize = 2048;

/// Cases run and failed per operation, in contract order; an operation of
/// the contract that ran no case counts as a failure of its own.
pub struct Summary {
    pub rows: Vec<(String, usize, usize)>,
    pub uncovered: Vec<String>,
}

impl Summary {
    pub fn new(contract: &Contract, outcomes: &[Outcome], selected: &[String]) -> Self {
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for outcome in outcomes {
            let entry = counts.entry(outcome.case.operation.as_str()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(!outcome.violations.is_empty());
        }
        let mut rows = Vec::new();
        let mut uncovered = Vec::new();
        for operation in &contract.operations {
            if !selected.is_empty() && !selected.contains(&operation.id) {
                continue;
            }
            match counts.get(operation.id.as_str()) {
                Some(&(run, failed)) => rows.push((operation.id.clone(), run, failed)),
                None => uncovered.push(operation.id.clone()),
            }
        }
        Self { rows, uncovered }
    }

    pub fn failures(&self) -> usize {
        self.rows.iter().map(|row| row.2).sum::<usize>() + self.uncovered.len()
    }

    pub fn table(&self) -> String {
        let width = self
            .rows
            .iter()
            .map(|row| row.0.len())
            .chain(self.uncovered.iter().map(String::len))
            .max()
            .unwrap_or(9)
            .max(9);
        let mut out = format!("{:width$}  {:>6}  {:>8}\n", "operation", "cases", "failures");
        for (operation, run, failed) in &self.rows {
            let _ = writeln!(out, "{operation:width$}  {run:>6}  {failed:>8}");
        }
        for operation in &self.uncovered {
            let _ = writeln!(out, "{operation:width$}  {:>6}  {:>8}  (no case ran: not covered)", 0, 1);
        }
        let run: usize = self.rows.iter().map(|row| row.1).sum();
        let _ = writeln!(out, "{:width$}  {run:>6}  {:>8}", "total", self.failures());
        out
    }
}

/// Every failed case with its violations and a curl command that sends the
/// same request again.
pub fn failures(outcomes: &[Outcome], seed: u64) -> String {
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|outcome| !outcome.violations.is_empty()) {
        let status = outcome.status.map(|status| format!(" → {status}")).unwrap_or_default();
        let _ = writeln!(out, "FAIL {} — {}{status} (seed {seed})", outcome.case.operation, outcome.case.label);
        for violation in &outcome.violations {
            let _ = writeln!(out, "  - {violation}");
        }
        let _ = writeln!(out, "  {}\n", curl(&outcome.case.request));
    }
    out
}

/// The request as a shell command.
pub fn curl(request: &Request) -> String {
    let mut command = format!("curl -i -X {} {}", request.method, quote(&request.url));
    for (name, value) in &request.headers {
        let _ = write!(command, " -H {}", quote(&format!("{name}: {value}")));
    }
    if let Some(body) = &request.body {
        let text = String::from_utf8_lossy(body);
        if body.len() > SHOWN_BODY_BYTES {
            let _ = write!(
                command,
                " --data-binary {}  # body cut short, {} bytes in all",
                quote(&text[..text.floor_char_boundary(SHOWN_BODY_BYTES)]),
                body.len()
            );
        } else {
            let _ = write!(command, " --data-binary {}", quote(&text));
        }
    }
    command
}

/// Single-quoted for a POSIX shell.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Writes one test case per request, grouped in one suite per operation.
pub fn write_junit(path: &Path, outcomes: &[Outcome], seed: u64) -> anyhow::Result<()> {
    let mut report = Report::new("conformance");
    let mut suites: BTreeMap<&str, TestSuite> = BTreeMap::new();
    for outcome in outcomes {
        let operation = outcome.case.operation.as_str();
        let suite = suites.entry(operation).or_insert_with(|| TestSuite::new(operation));
        let status = if outcome.violations.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(outcome.violations.join("; "));
            status.set_description(format!("seed {seed}\n{}", curl(&outcome.case.request)));
            status
        };
        suite.add_test_case(TestCase::new(outcome.case.label.clone(), status));
    }
    report.add_test_suites(suites.into_values());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    report.serialize(file).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_commands_quote_what_the_shell_would_expand() {
        let request = Request {
            method: reqwest::Method::POST,
            url: "http://127.0.0.1:1/auth/login".to_owned(),
            headers: vec![("content-type".to_owned(), "application/json".to_owned())],
            body: Some(br#"{"name":"Zo\u00eb O'Brien $HOME"}"#.to_vec()),
        };
        assert_eq!(
            curl(&request),
            r#"curl -i -X POST 'http://127.0.0.1:1/auth/login' -H 'content-type: application/json' --data-binary '{"name":"Zo\u00eb O'\''Brien $HOME"}'"#
        );
    }
}
