//! Request bodies generated from JSON schemas: valid ones ([`positive`]) and
//! ones that each break one rule ([`negatives`]), for the contract tests to
//! send; [`string_problems`] checks a string against a schema's string rules.
//!
//! Schemas are `serde_json` values with every `$ref` already inlined, in the
//! OpenAPI 3.0 subset the contract uses: `type` object, string, integer,
//! number, boolean or array; `properties` and `required`; `minLength`,
//! `maxLength`, `pattern` and `format` (email, password, uuid, date-time);
//! `enum`; `minimum`, `maximum` and their boolean `exclusive` forms; `items`,
//! `minItems`, `maxItems` and `uniqueItems`. Other keywords are ignored.
//!
//! Patterns are read with `regex` crate semantics and applied as written, as
//! a search the way JSON Schema does; the contract's patterns carry their own
//! `^` and `$`. Lengths are counted in Unicode scalar values (`char`s).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use anyhow::{Context as _, Result, anyhow, bail};
use rand::{Rng, RngExt};
use regex_syntax::hir::{Capture, Class, ClassUnicode, Hir, HirKind, Look, Repetition};
use serde_json::{Map, Value};

/// A value that satisfies `schema`. Deterministic for a given RNG state.
///
/// Strings respect `minLength`, `maxLength` and `pattern` at once; `format`
/// email gives `u` and 12 random letters and digits at `example.com`, uuid a
/// random version 4 UUID, date-time an RFC 3339 UTC time, and password a
/// phrase that starts with a word of 12 random letters (so it is never on a
/// list of common passwords) and holds lowercase and uppercase letters, a
/// digit, a symbol and a space when its length allows. `enum` picks a member.
/// Objects get every required property and each optional one with
/// probability 1/2; arrays get `minItems` to `minItems + 3` items.
///
/// Fails when the schema uses something outside the supported subset, when
/// its bounds contradict each other, or when no value was found that meets
/// the string rules together (for instance a pattern whose matches never have
/// a length in range) after a bounded number of tries.
pub fn positive(schema: &Value, rng: &mut impl Rng) -> Result<Value> {
    generate(schema, "", rng)
}

/// One invalid variant of a valid object body, and which rule it breaks.
#[derive(Debug, Clone)]
pub struct Mutation {
    /// Short, stable, human-readable: e.g. "email: missing (required)",
    /// "name: too long (maxLength 100)", "code: does not match pattern",
    /// "email: not an email (format)", "password: wrong type (number instead
    /// of string)", "body: not an object (array)". Nested fields are named
    /// with dots ("user.name", "tags.0").
    pub description: String,
    /// The JSON pointer of the broken field, e.g. "/email", or "" for the whole body.
    pub pointer: String,
    pub body: serde_json::Value,
}

/// Every single-rule violation of `schema` derived from the valid `base`
/// (produced by [`positive`]), in a deterministic order.
///
/// For each property in schema order: its removal when required; a value of
/// a wrong JSON type (a number and `null` for strings, a string otherwise); a
/// string one character shorter than `minLength` (when above 0) and one
/// longer than `maxLength`; a string of valid length that does not match
/// `pattern`; a string that is not of its `format`; a value outside `enum`;
/// for integers and numbers, values beyond `minimum` and `maximum`; for
/// arrays, too few, too many and duplicate items; nested objects and the
/// first item of arrays are mutated the same way. Last, the body as an array
/// instead of an object. Optional properties missing from `base` get a
/// generated value to break.
///
/// Each mutation keeps every other rule of `base` valid and, where any
/// string could, every other rule of the broken field too. When none can (an
/// empty string never matches a pattern that needs a letter; no email
/// address has fewer than 5 characters), the length mutation is kept and its
/// description lists every rule it breaks, separated by "; ", most relevant
/// first. A rule no value can break (a pattern everything matches) yields no
/// mutation, nor does a `maxLength` or `maxItems` of 100,000 or more. Never
/// fails: parts of the schema that cannot be generated are skipped.
pub fn negatives(schema: &Value, base: &Value, rng: &mut impl Rng) -> Vec<Mutation> {
    node_mutations(schema, base, "", rng)
}

/// The rules of `schema`'s string constraints that `value` breaks, empty when
/// it is valid: `minLength` and `maxLength` (in chars), `pattern` (with
/// `regex` crate semantics, as written), `format` email (loosely: one local
/// part, a dotted domain of letter, digit and hyphen labels, no spaces),
/// uuid and date-time (RFC 3339), and string `enum` members. A pattern that
/// does not compile is reported as a problem too.
pub fn string_problems(schema: &Value, value: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let chars = value.chars().count();
    if let Some(min) = schema.get("minLength").and_then(Value::as_u64)
        && (chars as u64) < min
    {
        problems.push(too_short(min));
    }
    if let Some(max) = schema.get("maxLength").and_then(Value::as_u64)
        && (chars as u64) > max
    {
        problems.push(too_long(max));
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        match matches_pattern(pattern, value) {
            Ok(true) => {}
            Ok(false) => problems.push(NO_MATCH.to_owned()),
            Err(error) => problems.push(format!("pattern does not compile ({error})")),
        }
    }
    let format = schema.get("format").and_then(Value::as_str);
    match format {
        Some("email") if !is_email(value) => problems.push(not_of_format("an email")),
        Some("uuid") if !is_uuid(value) => problems.push(not_of_format("a uuid")),
        Some("date-time") if !is_date_time(value) => problems.push(not_of_format("a date-time")),
        _ => {}
    }
    if let Some(Value::Array(members)) = schema.get("enum")
        && !members.iter().any(|member| member.as_str() == Some(value))
    {
        problems.push(NOT_IN_ENUM.to_owned());
    }
    problems
}

/// How many extra times `*`, `+` and `{n,}` may repeat, tried from many to
/// none: many gives short patterns variety, few lets long ones (a name of
/// many words) fit their `maxLength`.
const REPEAT_LADDER: [u32; 7] = [32, 16, 8, 4, 2, 1, 0];
/// Samples drawn at each step of [`REPEAT_LADDER`].
const TRIES_PER_REPEAT: usize = 6;
/// Samples drawn, then cut to a length in range, once the ladder has failed.
const TRIM_TRIES: usize = 64;
/// Samples drawn from a pattern when looking for a string of a given length.
const LENGTH_SAMPLES: usize = 24;
/// The longest string or array a mutation builds; a longer `maxLength` or
/// `maxItems` gets no mutation past it.
const MUTATION_SIZE_MAX: usize = 100_000;
/// Letters of the random word that starts every generated password.
const PASSWORD_WORD_LETTERS: usize = 12;
/// Random letters and digits in a generated email's local part, after `u`.
const EMAIL_RANDOM_CHARS: usize = 12;
const EMAIL_DOMAIN: &str = "example.com";
/// The longest local part RFC 5321 allows.
const EMAIL_LOCAL_MAX: usize = 64;
/// The longest domain label RFC 1035 allows.
const DNS_LABEL_MAX: usize = 63;

const LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const LOWER_ALNUM: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const SYMBOLS: &str = "!#$%&*+-./:;=?@^_~";
const UNICODE_LETTERS: &str = "äöüßéñçøåłжлдπλωא";
/// What fills a password after its fixed start; letters weigh most.
const PASSWORD_FILL: &str = concat!(
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789   !#$%&*+-./:;=?@^_~äöüßéñжπλ",
);

const NO_MATCH: &str = "does not match pattern";
const NOT_IN_ENUM: &str = "not in enum";

fn too_short(min: u64) -> String {
    format!("too short (minLength {min})")
}

fn too_long(max: u64) -> String {
    format!("too long (maxLength {max})")
}

fn not_of_format(what: &str) -> String {
    format!("not {what} (format)")
}

fn generate<R: Rng>(schema: &Value, pointer: &str, rng: &mut R) -> Result<Value> {
    if let Some(members) = schema.get("enum") {
        let members = members
            .as_array()
            .filter(|members| !members.is_empty())
            .ok_or_else(|| anyhow!("{}: `enum` is not a non-empty array", at(pointer)))?;
        return Ok(members[rng.random_range(0..members.len())].clone());
    }
    match schema_type(schema) {
        Some("object") => object(schema, pointer, rng),
        Some("string") => string(schema, rng).map(Value::String).with_context(|| at(pointer)),
        Some("integer") => integer(schema, rng).with_context(|| at(pointer)),
        Some("number") => number(schema, rng).with_context(|| at(pointer)),
        Some("boolean") => Ok(Value::Bool(rng.random_bool(0.5))),
        Some("array") => array(schema, pointer, rng),
        Some(other) => bail!("{}: unsupported type {other:?}", at(pointer)),
        None => bail!("{}: schema has no `type` and no keyword that implies one", at(pointer)),
    }
}

/// The schema's `type`, or the one its keywords imply when it has none.
fn schema_type(schema: &Value) -> Option<&str> {
    if let Some(kind) = schema.get("type") {
        return kind.as_str();
    }
    if schema.get("properties").is_some() || schema.get("required").is_some() {
        Some("object")
    } else if schema.get("items").is_some() {
        Some("array")
    } else if ["minLength", "maxLength", "pattern", "format"].iter().any(|key| schema.get(key).is_some()) {
        Some("string")
    } else {
        None
    }
}

/// How errors and descriptions name the value at `pointer`.
fn at(pointer: &str) -> String {
    if pointer.is_empty() {
        "body".to_owned()
    } else {
        pointer[1..].split('/').map(|part| part.replace("~1", "/").replace("~0", "~")).collect::<Vec<_>>().join(".")
    }
}

fn child(pointer: &str, name: &str) -> String {
    format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"))
}

fn properties(schema: &Value) -> Result<Option<&Map<String, Value>>> {
    match schema.get("properties") {
        None => Ok(None),
        Some(Value::Object(properties)) => Ok(Some(properties)),
        Some(_) => bail!("`properties` is not an object"),
    }
}

fn required(schema: &Value) -> Result<Vec<&str>> {
    match schema.get("required") {
        None => Ok(Vec::new()),
        Some(Value::Array(names)) => {
            names.iter().map(|name| name.as_str().ok_or_else(|| anyhow!("`required` holds a non-string"))).collect()
        }
        Some(_) => bail!("`required` is not an array"),
    }
}

fn object<R: Rng>(schema: &Value, pointer: &str, rng: &mut R) -> Result<Value> {
    let properties = properties(schema).with_context(|| at(pointer))?;
    let required = required(schema).with_context(|| at(pointer))?;
    if let Some(name) = required.iter().find(|name| !properties.is_some_and(|known| known.contains_key(**name))) {
        bail!("{}: required property {name:?} has no schema", at(pointer));
    }
    let mut fields = Map::new();
    for (name, property) in properties.into_iter().flatten() {
        if required.contains(&name.as_str()) || rng.random_bool(0.5) {
            fields.insert(name.clone(), generate(property, &child(pointer, name), rng)?);
        }
    }
    Ok(Value::Object(fields))
}

fn array<R: Rng>(schema: &Value, pointer: &str, rng: &mut R) -> Result<Value> {
    let items = schema.get("items").ok_or_else(|| anyhow!("{}: array schema has no `items`", at(pointer)))?;
    let min = count(schema, "minItems").with_context(|| at(pointer))?.unwrap_or(0);
    let max = count(schema, "maxItems").with_context(|| at(pointer))?;
    if max.is_some_and(|max| max < min) {
        bail!("{}: minItems exceeds maxItems", at(pointer));
    }
    let wanted = rng.random_range(min..=max.map_or(min.saturating_add(3), |max| max.min(min.saturating_add(3))));
    let unique = schema.get("uniqueItems").and_then(Value::as_bool) == Some(true);
    let mut values: Vec<Value> = Vec::with_capacity(wanted);
    // Duplicates are redrawn; a small item space must not loop for ever.
    let mut redraws_left = wanted.saturating_mul(64);
    while values.len() < wanted {
        let item = generate(items, &child(pointer, &values.len().to_string()), rng)?;
        if unique && values.contains(&item) {
            if redraws_left == 0 {
                bail!("{}: could not draw {wanted} distinct items", at(pointer));
            }
            redraws_left -= 1;
            continue;
        }
        values.push(item);
    }
    Ok(Value::Array(values))
}

/// A non-negative integer keyword such as `minLength`, if present.
fn count(schema: &Value, key: &str) -> Result<Option<usize>> {
    match schema.get(key) {
        None => Ok(None),
        Some(value) => value
            .as_u64()
            .and_then(|value| usize::try_from(value).ok())
            .map(Some)
            .ok_or_else(|| anyhow!("`{key}` is not a non-negative integer")),
    }
}

/// The inclusive integer range allowed by `minimum`, `maximum` and their
/// OpenAPI 3.0 boolean `exclusiveMinimum` and `exclusiveMaximum`.
fn integer_bounds(schema: &Value) -> (Option<i64>, Option<i64>) {
    let exclusive = |key: &str| schema.get(key).and_then(Value::as_bool) == Some(true);
    // `as` saturates, which is what out-of-range bounds should do here.
    let min = schema
        .get("minimum")
        .and_then(Value::as_f64)
        .map(|min| if exclusive("exclusiveMinimum") { min.floor() as i64 + 1 } else { min.ceil() as i64 });
    let max = schema
        .get("maximum")
        .and_then(Value::as_f64)
        .map(|max| if exclusive("exclusiveMaximum") { max.ceil() as i64 - 1 } else { max.floor() as i64 });
    (min, max)
}

fn integer<R: Rng>(schema: &Value, rng: &mut R) -> Result<Value> {
    let (lo, hi) = match integer_bounds(schema) {
        (Some(lo), Some(hi)) => (lo, hi),
        (Some(lo), None) => (lo, lo.saturating_add(1000)),
        (None, Some(hi)) => (hi.saturating_sub(1000), hi),
        (None, None) => (0, 1000),
    };
    if lo > hi {
        bail!("no integer lies between minimum and maximum");
    }
    Ok(Value::from(rng.random_range(lo..=hi)))
}

fn number<R: Rng>(schema: &Value, rng: &mut R) -> Result<Value> {
    let min = schema.get("minimum").and_then(Value::as_f64);
    let max = schema.get("maximum").and_then(Value::as_f64);
    let (lo, hi) = match (min, max) {
        (Some(lo), Some(hi)) => (lo, hi),
        (Some(lo), None) => (lo, lo + 1000.0),
        (None, Some(hi)) => (hi - 1000.0, hi),
        (None, None) => (0.0, 1000.0),
    };
    if lo > hi || !(hi - lo).is_finite() {
        bail!("no number lies between minimum and maximum, or the range is too wide");
    }
    let exclusive = |key: &str| schema.get(key).and_then(Value::as_bool) == Some(true);
    // Redraw the rare hit on an excluded bound rather than nudge it.
    for _ in 0..64 {
        let value = if lo < hi { rng.random_range(lo..=hi) } else { lo };
        let excluded = (exclusive("exclusiveMinimum") && value == lo) || (exclusive("exclusiveMaximum") && value == hi);
        if !excluded && let Some(number) = serde_json::Number::from_f64(value) {
            return Ok(Value::Number(number));
        }
    }
    bail!("no number lies strictly between minimum and maximum")
}

/// `minLength` and `maxLength`; fails when they are malformed or contradict.
fn length_bounds(schema: &Value) -> Result<(usize, Option<usize>)> {
    let min = count(schema, "minLength")?.unwrap_or(0);
    let max = count(schema, "maxLength")?;
    if max.is_some_and(|max| max < min) {
        bail!("minLength {min} exceeds maxLength");
    }
    Ok((min, max))
}

fn string<R: Rng>(schema: &Value, rng: &mut R) -> Result<String> {
    let (min, max) = length_bounds(schema)?;
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        return from_pattern(schema, pattern, min, max, rng);
    }
    let value = match schema.get("format").and_then(Value::as_str) {
        Some("email") => {
            let natural = 1 + EMAIL_RANDOM_CHARS + 1 + EMAIL_DOMAIN.len();
            let length = natural.clamp(min, max.unwrap_or(usize::MAX));
            email_of_length(length, rng).ok_or_else(|| anyhow!("no email address has {length} characters"))?
        }
        Some("uuid") => uuid(rng),
        Some("date-time") => date_time(rng),
        Some("password") => password(min, max, rng),
        _ => plain(min, max, rng),
    };
    let problems = string_problems(schema, &value);
    if !problems.is_empty() {
        bail!("no string satisfies the schema: {value:?} is {}", problems.join("; "));
    }
    Ok(value)
}

/// A match of `pattern` that also meets the rest of `schema`: drawn with
/// shorter and shorter repetitions until one fits, then, failing that, drawn
/// long and cut to a length in range (which keeps many patterns matched).
fn from_pattern<R: Rng>(schema: &Value, pattern: &str, min: usize, max: Option<usize>, rng: &mut R) -> Result<String> {
    let fits = |value: &str| string_problems(schema, value).is_empty();
    // A long minLength needs repetitions that can reach it.
    let top = u32::try_from(min.saturating_mul(2)).unwrap_or(u32::MAX).clamp(REPEAT_LADDER[0], 4096);
    let ladder = std::iter::once(top).chain(REPEAT_LADDER.into_iter().filter(|&repeat| repeat < top));
    for repeat in ladder {
        let generator = generator(pattern, repeat)?;
        for _ in 0..TRIES_PER_REPEAT {
            let value = sample(&generator, rng)?;
            if fits(&value) {
                return Ok(value);
            }
        }
    }
    let generator = generator(pattern, top.max(64))?;
    for _ in 0..TRIM_TRIES {
        let value = sample(&generator, rng)?;
        let length = value.chars().count();
        if length < min {
            continue;
        }
        let keep = rng.random_range(min..=max.map_or(length, |max| max.min(length)));
        let trimmed: String = value.chars().take(keep).collect();
        if fits(&trimmed) {
            return Ok(trimmed);
        }
    }
    let range = match max {
        Some(max) => format!("{min} to {max}"),
        None => format!("at least {min}"),
    };
    bail!("found no match of pattern {pattern:?} with {range} characters that meets the schema")
}

fn sample<R: Rng>(generator: &rand_regex::Regex, rng: &mut R) -> Result<String> {
    let bytes: Vec<u8> = rng.sample(generator);
    String::from_utf8(bytes).context("pattern generated invalid UTF-8")
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The maps only cache compiled patterns; one left half-updated is fine.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

type GeneratorCache = HashMap<(String, u32), Arc<rand_regex::Regex>>;
static GENERATORS: LazyLock<Mutex<GeneratorCache>> = LazyLock::new(Mutex::default);

/// A generator for the strings `pattern` matches, with `*`, `+` and `{n,}`
/// repeating at most `max_repeat` extra times. Fails when the pattern does
/// not parse, or has anchors or word boundaries anywhere but at its ends.
fn generator(pattern: &str, max_repeat: u32) -> Result<Arc<rand_regex::Regex>> {
    let key = (pattern.to_owned(), max_repeat);
    if let Some(generator) = lock(&GENERATORS).get(&key) {
        return Ok(Arc::clone(generator));
    }
    let hir = regex_syntax::Parser::new().parse(pattern).with_context(|| format!("pattern {pattern:?}"))?;
    let hir = spread_classes(strip_anchors(hir));
    let generator = Arc::new(
        rand_regex::Regex::with_hir(hir, max_repeat)
            .with_context(|| format!("cannot generate from pattern {pattern:?}"))?,
    );
    lock(&GENERATORS).insert(key, Arc::clone(&generator));
    Ok(generator)
}

fn is_start(hir: &Hir) -> bool {
    matches!(hir.kind(), HirKind::Look(Look::Start | Look::StartLF | Look::StartCRLF))
}

fn is_end(hir: &Hir) -> bool {
    matches!(hir.kind(), HirKind::Look(Look::End | Look::EndLF | Look::EndCRLF))
}

/// The pattern without its leading `^` and trailing `$`, which `rand_regex`
/// refuses; what it generates then matches with or without them.
fn strip_anchors(hir: Hir) -> Hir {
    if is_start(&hir) || is_end(&hir) {
        return Hir::empty();
    }
    match hir.into_kind() {
        HirKind::Concat(mut subs) => {
            let leading = subs.iter().take_while(|sub| is_start(sub)).count();
            subs.drain(..leading);
            while subs.last().is_some_and(is_end) {
                subs.pop();
            }
            Hir::concat(subs)
        }
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(strip_anchors).collect()),
        HirKind::Capture(capture) => Hir::capture(Capture { sub: Box::new(strip_anchors(*capture.sub)), ..capture }),
        kind => rebuild(kind),
    }
}

/// The pattern with each character class of several ranges turned into a
/// choice between its ranges. `rand_regex` draws a class's code points
/// uniformly, so the 32,000 CJK and Hangul code points of the `Name` class
/// would crowd out its 52 ASCII letters and most other scripts; choosing a
/// range first gives every script a fair share.
fn spread_classes(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) if class.ranges().len() > 1 => Hir::alternation(
            class
                .ranges()
                .iter()
                .map(|range| {
                    // Wrapped so that `Hir::alternation` does not merge the
                    // ranges straight back into one class.
                    Hir::capture(Capture {
                        index: 0,
                        name: None,
                        sub: Box::new(Hir::class(Class::Unicode(ClassUnicode::new([*range])))),
                    })
                })
                .collect(),
        ),
        HirKind::Repetition(repetition) => {
            Hir::repetition(Repetition { sub: Box::new(spread_classes(*repetition.sub)), ..repetition })
        }
        HirKind::Capture(capture) => Hir::capture(Capture { sub: Box::new(spread_classes(*capture.sub)), ..capture }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(spread_classes).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(spread_classes).collect()),
        kind => rebuild(kind),
    }
}

fn rebuild(kind: HirKind) -> Hir {
    match kind {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(repetition) => Hir::repetition(repetition),
        HirKind::Capture(capture) => Hir::capture(capture),
        HirKind::Concat(subs) => Hir::concat(subs),
        HirKind::Alternation(subs) => Hir::alternation(subs),
    }
}

type MatcherCache = HashMap<String, Result<Arc<regex::Regex>, String>>;
static MATCHERS: LazyLock<Mutex<MatcherCache>> = LazyLock::new(Mutex::default);

/// Whether `pattern` matches somewhere in `value`; the error when it does
/// not compile.
fn matches_pattern(pattern: &str, value: &str) -> Result<bool, String> {
    let matcher = lock(&MATCHERS)
        .entry(pattern.to_owned())
        .or_insert_with(|| regex::Regex::new(pattern).map(Arc::new).map_err(|error| error.to_string()))
        .clone()?;
    Ok(matcher.is_match(value))
}

/// A loose check for an email address as a server would take it: a local
/// part without `@` (unless quoted) and a dotted domain of letter, digit and
/// hyphen labels or an address literal, nothing blank or a control anywhere.
fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    let quoted = local.len() >= 2 && local.starts_with('"') && local.ends_with('"');
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let domain_ok = (domain.starts_with('[') && domain.ends_with(']') && domain.len() > 2)
        || (domain.contains('.') && domain.split('.').all(label_ok));
    !local.is_empty()
        && (quoted || !local.contains('@'))
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain_ok
}

fn is_uuid(value: &str) -> bool {
    value.len() == 36
        && value.bytes().enumerate().all(|(index, byte)| match index {
            8 | 13 | 18 | 23 => byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// An RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then
/// `Z` or an offset; letter case of `T` and `Z` ignored; fields in range.
fn is_date_time(value: &str) -> bool {
    let bytes = value.as_bytes();
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = bytes.get(from..to)?;
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let byte = |index: usize| bytes.get(index).copied();
    let date_ok = number(0, 4).is_some()
        && byte(4) == Some(b'-')
        && number(5, 7).is_some_and(|month| (1..=12).contains(&month))
        && byte(7) == Some(b'-')
        && number(8, 10).is_some_and(|day| (1..=31).contains(&day));
    let time_ok = matches!(byte(10), Some(b'T' | b't'))
        && number(11, 13).is_some_and(|hour| hour <= 23)
        && byte(13) == Some(b':')
        && number(14, 16).is_some_and(|minute| minute <= 59)
        && byte(16) == Some(b':')
        && number(17, 19).is_some_and(|second| second <= 60);
    if !date_ok || !time_ok {
        return false;
    }
    let mut rest = &bytes[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && (m1 - b'0') * 10 + (m2 - b'0') <= 59
        }
        _ => false,
    }
}

fn pick<R: Rng>(alphabet: &str, rng: &mut R) -> char {
    let chars: Vec<char> = alphabet.chars().collect();
    chars[rng.random_range(0..chars.len())]
}

fn random_text<R: Rng>(alphabet: &str, length: usize, rng: &mut R) -> String {
    (0..length).map(|_| pick(alphabet, rng)).collect()
}

/// A plausible address of exactly `length` characters: `u` and random
/// letters and digits, at `example.com` (with random labels in front when
/// the local part is full), or at `x.io` when that is too long. `None` below
/// 6 characters.
fn email_of_length<R: Rng>(length: usize, rng: &mut R) -> Option<String> {
    let domain = if length > 1 + EMAIL_DOMAIN.len() + 1 { EMAIL_DOMAIN } else { "x.io" };
    let mut local = length.checked_sub(1 + domain.len()).filter(|&local| local >= 1)?.min(EMAIL_LOCAL_MAX);
    let mut spare = length - 1 - domain.len() - local;
    // Spare characters go into `label.` prefixes of 2 to 64 characters; a
    // single one left over cannot, so the local part gives one up.
    if spare == 1 {
        local -= 1;
        spare += 1;
    }
    let mut labels = String::new();
    while spare > 0 {
        let mut take = spare.min(DNS_LABEL_MAX + 1);
        if spare - take == 1 {
            take -= 1;
        }
        labels.push_str(&random_text(LOWERCASE, take - 1, rng));
        labels.push('.');
        spare -= take;
    }
    let local = format!("u{}", random_text(LOWER_ALNUM, local - 1, rng));
    Some(format!("{local}@{labels}{domain}"))
}

/// A random version 4 UUID in lowercase hex.
fn uuid<R: Rng>(rng: &mut R) -> String {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A UTC time this century, whole seconds; days stop at 28 so that every
/// month has them.
fn date_time<R: Rng>(rng: &mut R) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        rng.random_range(2000..=2099),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
        rng.random_range(0..=23),
        rng.random_range(0..=59),
        rng.random_range(0..=59),
    )
}

/// A password of 20 to 40 characters (or as near as the bounds allow): a
/// capitalised word of 12 random letters, a space, a digit, a symbol, a
/// non-ASCII letter, then a random mix, never ending in a space, which some
/// clients trim. Bounds under 16 characters cut it short, losing the later
/// parts first.
fn password<R: Rng>(min: usize, max: Option<usize>, rng: &mut R) -> String {
    let max = max.unwrap_or(usize::MAX);
    let length = rng.random_range(20.clamp(min, max)..=40.clamp(min, max));
    let mut chars = vec![pick(UPPERCASE, rng)];
    chars.extend((1..PASSWORD_WORD_LETTERS).map(|_| pick(LOWERCASE, rng)));
    chars.extend([' ', pick(DIGITS, rng), pick(SYMBOLS, rng), pick(UNICODE_LETTERS, rng)]);
    while chars.len() < length {
        chars.push(pick(PASSWORD_FILL, rng));
    }
    chars.truncate(length);
    if let Some(last) = chars.last_mut()
        && *last == ' '
    {
        *last = pick(LOWERCASE, rng);
    }
    chars.into_iter().collect()
}

/// Random ASCII letters and digits: `min` of them (at least one unless `max`
/// is 0) to 31 more, within `max`.
fn plain<R: Rng>(min: usize, max: Option<usize>, rng: &mut R) -> String {
    let lo = if max == Some(0) { 0 } else { min.max(1) };
    let hi = max.map_or(lo.saturating_add(31), |max| max.min(lo.saturating_add(31)));
    let length = rng.random_range(lo..=hi);
    random_text(ALNUM, length, rng)
}

fn mutation(pointer: &str, problem: &str, body: Value) -> Mutation {
    Mutation { description: format!("{}: {problem}", at(pointer)), pointer: pointer.to_owned(), body }
}

/// The mutations of `value` (valid for `schema`, at `pointer`); each
/// mutation's `body` is the whole mutated `value`.
fn node_mutations<R: Rng>(schema: &Value, value: &Value, pointer: &str, rng: &mut R) -> Vec<Mutation> {
    let kind = schema_type(schema);
    let mut out = Vec::new();
    if pointer.is_empty() && kind == Some("object") {
        out.extend(property_mutations(schema, value, pointer, rng));
        out.extend(unknown_property(schema, value, pointer));
        out.push(mutation(pointer, "not an object (array)", Value::Array(vec![value.clone()])));
        return out;
    }
    match (kind, value) {
        (Some("string"), Value::String(current)) => {
            out.extend(string_mutations(schema, current, pointer, rng));
        }
        (Some("integer" | "number"), Value::Number(current)) => {
            out.push(mutation(pointer, &wrong_type("string", kind), Value::String(current.to_string())));
            out.extend(number_mutations(schema, pointer, kind == Some("integer")));
        }
        (Some("boolean"), Value::Bool(current)) => {
            out.push(mutation(pointer, &wrong_type("string", kind), Value::String(current.to_string())));
        }
        (Some("array"), Value::Array(items)) => {
            out.push(mutation(pointer, &wrong_type("string", kind), Value::String(value.to_string())));
            out.extend(array_mutations(schema, items, pointer, rng));
        }
        (Some("object"), Value::Object(_)) => {
            out.push(mutation(pointer, &wrong_type("string", kind), Value::String(value.to_string())));
            out.extend(property_mutations(schema, value, pointer, rng));
            out.extend(unknown_property(schema, value, pointer));
        }
        _ => {}
    }
    out
}

/// For an object that forbids properties it does not name
/// (`additionalProperties: false`), the value with one more.
fn unknown_property(schema: &Value, value: &Value, pointer: &str) -> Option<Mutation> {
    if schema.get("additionalProperties") != Some(&Value::Bool(false)) {
        return None;
    }
    let mut extended = value.as_object()?.clone();
    let name = (0..).map(|n| format!("unexpected{n}")).find(|name| !extended.contains_key(name))?;
    extended.insert(name, Value::from("x"));
    Some(mutation(pointer, "unknown property (additionalProperties false)", Value::Object(extended)))
}

fn wrong_type(sent: &str, wanted: Option<&str>) -> String {
    format!("wrong type ({sent} instead of {})", wanted.unwrap_or("?"))
}

/// Removal of each required property, then each property's own mutations.
fn property_mutations<R: Rng>(schema: &Value, value: &Value, pointer: &str, rng: &mut R) -> Vec<Mutation> {
    let mut out = Vec::new();
    let (Ok(Some(properties)), Value::Object(fields)) = (properties(schema), value) else {
        return out;
    };
    let required = required(schema).unwrap_or_default();
    for (name, property) in properties {
        let pointer = child(pointer, name);
        if required.contains(&name.as_str()) {
            let mut without = fields.clone();
            without.remove(name);
            out.push(mutation(&pointer, "missing (required)", Value::Object(without)));
        }
        let current = match fields.get(name) {
            Some(current) => current.clone(),
            None => match generate(property, &pointer, rng) {
                Ok(generated) => generated,
                Err(_) => continue,
            },
        };
        for broken in node_mutations(property, &current, &pointer, rng) {
            let mut with = fields.clone();
            with.insert(name.clone(), broken.body);
            out.push(Mutation { body: Value::Object(with), ..broken });
        }
    }
    out
}

fn string_mutations<R: Rng>(schema: &Value, current: &str, pointer: &str, rng: &mut R) -> Vec<Mutation> {
    let mut out = Vec::new();
    // A string of digits sent as that number catches servers that coerce.
    let number = match current.parse::<u64>() {
        Ok(number) if current.bytes().all(|b| b.is_ascii_digit()) => Value::from(number),
        _ => Value::from(12345),
    };
    out.push(mutation(pointer, &wrong_type("number", Some("string")), number));
    if schema.get("nullable").and_then(Value::as_bool) != Some(true) {
        out.push(mutation(pointer, &wrong_type("null", Some("string")), Value::Null));
    }
    let Ok((min, max)) = length_bounds(schema) else {
        return out;
    };
    let mut lengths = Vec::new();
    if min > 0 {
        lengths.push((min - 1, too_short(min as u64)));
    }
    if let Some(max) = max.filter(|&max| max < MUTATION_SIZE_MAX) {
        lengths.push((max + 1, too_long(max as u64)));
    }
    for (length, wanted) in lengths {
        let candidates = length_candidates(schema, current, length, rng);
        let exact = candidates.iter().find(|candidate| string_problems(schema, candidate) == [wanted.as_str()]);
        // No string of this length keeps the other rules: send the one that
        // breaks fewest besides, and say so.
        let chosen = exact.or_else(|| {
            candidates
                .iter()
                .filter(|candidate| string_problems(schema, candidate).first() == Some(&wanted))
                .min_by_key(|candidate| string_problems(schema, candidate).len())
        });
        if let Some(chosen) = chosen {
            let problems = string_problems(schema, chosen).join("; ");
            out.push(mutation(pointer, &problems, Value::String(chosen.clone())));
        }
    }
    let mut rules: Vec<(String, Vec<String>)> = Vec::new();
    if schema.get("pattern").and_then(Value::as_str).is_some() {
        rules.push((NO_MATCH.to_owned(), pattern_breakers(current, min, max)));
    }
    match schema.get("format").and_then(Value::as_str) {
        Some("email") => rules.push((not_of_format("an email"), email_breakers(current, min))),
        Some("uuid") => rules.push((not_of_format("a uuid"), uuid_breakers(current))),
        Some("date-time") => rules.push((not_of_format("a date-time"), date_time_breakers(current))),
        _ => {}
    }
    if let Some(Value::Array(members)) = schema.get("enum") {
        rules.push((NOT_IN_ENUM.to_owned(), enum_breakers(members, min)));
    }
    for (wanted, candidates) in rules {
        if let Some(chosen) =
            candidates.into_iter().find(|candidate| string_problems(schema, candidate) == [wanted.as_str()])
        {
            out.push(mutation(pointer, &wanted, Value::String(chosen)));
        }
    }
    out
}

/// Strings of exactly `length` chars, those most likely to keep every other
/// rule first: the valid value cut or repeated, an email address, matches of
/// the pattern cut to length, then runs of one letter or digit.
fn length_candidates<R: Rng>(schema: &Value, current: &str, length: usize, rng: &mut R) -> Vec<String> {
    let chars: Vec<char> = current.chars().collect();
    let mut candidates = Vec::new();
    if chars.len() >= length {
        candidates.push(chars[..length].iter().collect());
        candidates.push(chars[chars.len() - length..].iter().collect());
    } else if !chars.is_empty() {
        candidates.push(chars.iter().cycle().take(length).collect());
    }
    if schema.get("format").and_then(Value::as_str) == Some("email")
        && let Some(email) = email_of_length(length, rng)
    {
        candidates.push(email);
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        let repeat = u32::try_from(length).unwrap_or(u32::MAX).saturating_add(1).max(REPEAT_LADDER[0]);
        if let Ok(generator) = generator(pattern, repeat) {
            for _ in 0..LENGTH_SAMPLES {
                let Ok(sampled) = sample(&generator, rng) else { break };
                if sampled.chars().count() >= length {
                    candidates.push(sampled.chars().take(length).collect());
                }
            }
        }
    }
    candidates.extend(["a", "0"].map(|fill| fill.repeat(length)));
    candidates
}

/// Strings that should fail a pattern, near misses of the valid value first.
fn pattern_breakers(current: &str, min: usize, max: Option<usize>) -> Vec<String> {
    let chars: Vec<char> = current.chars().collect();
    let mut candidates = Vec::new();
    if let Some((_, rest)) = chars.split_last() {
        candidates.push(rest.iter().chain(['!'].iter()).collect());
    }
    if let Some((_, rest)) = chars.split_first() {
        candidates.push(['!'].iter().chain(rest).collect());
    }
    candidates.push(format!("{current}!"));
    candidates.push(format!("!{current}"));
    candidates.extend(["", " ", "!", "a", "A", "0", "é", "中", "<b>"].map(str::to_owned));
    let mut lengths = vec![min.max(1), min.max(1) + 5];
    lengths.extend(max);
    for length in lengths {
        candidates.extend(["a", "Z", "0", "!", " ", "é", "中", "-"].map(|fill| fill.repeat(length)));
    }
    candidates
}

fn email_breakers(current: &str, min: usize) -> Vec<String> {
    let mut candidates: Vec<String> =
        ["not-an-email", "not-an-email@", "@example.com", "user@localhost", "a b@example.com"]
            .map(str::to_owned)
            .into();
    candidates.push(current.replace('@', "-at-"));
    candidates.push(format!("not-an-email{}", "x".repeat(min.saturating_sub(12))));
    candidates
}

fn uuid_breakers(current: &str) -> Vec<String> {
    vec!["not-a-uuid".to_owned(), current.replace('-', ""), format!("g{}", current.get(1..).unwrap_or(""))]
}

fn date_time_breakers(current: &str) -> Vec<String> {
    vec![
        "not-a-date-time".to_owned(),
        current.trim_end_matches(['Z', 'z']).to_owned(),
        "2024-13-01T00:00:00Z".to_owned(),
    ]
}

fn enum_breakers(members: &[Value], min: usize) -> Vec<String> {
    let first = members.iter().find_map(Value::as_str).unwrap_or("value");
    let mut candidates = vec![format!("not-{first}"), format!("{first}x"), first.to_uppercase(), first.to_lowercase()];
    candidates.extend(["x", ""].map(str::to_owned));
    candidates.push("x".repeat(min.max(1)));
    candidates
}

/// Values beyond `minimum` and `maximum`, and outside an `enum`.
fn number_mutations(schema: &Value, pointer: &str, integer: bool) -> Vec<Mutation> {
    let mut out = Vec::new();
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    let exclusive = |key: &str| schema.get(key).and_then(Value::as_bool) == Some(true);
    if let Some(minimum) = schema.get("minimum").filter(|m| m.is_number()) {
        let exclusive = exclusive("exclusiveMinimum");
        let beyond = if integer {
            integer_bounds(schema).0.and_then(|lo| lo.checked_sub(1)).map(Value::from)
        } else {
            bound("minimum")
                .and_then(|min| serde_json::Number::from_f64(if exclusive { min } else { min - 1.0 }))
                .map(Value::Number)
        };
        if let Some(beyond) = beyond {
            let keyword = if exclusive { "exclusiveMinimum" } else { "minimum" };
            out.push(mutation(pointer, &format!("below minimum ({keyword} {minimum})"), beyond));
        }
    }
    if let Some(maximum) = schema.get("maximum").filter(|m| m.is_number()) {
        let exclusive = exclusive("exclusiveMaximum");
        let beyond = if integer {
            integer_bounds(schema).1.and_then(|hi| hi.checked_add(1)).map(Value::from)
        } else {
            bound("maximum")
                .and_then(|max| serde_json::Number::from_f64(if exclusive { max } else { max + 1.0 }))
                .map(Value::Number)
        };
        if let Some(beyond) = beyond {
            let keyword = if exclusive { "exclusiveMaximum" } else { "maximum" };
            out.push(mutation(pointer, &format!("above maximum ({keyword} {maximum})"), beyond));
        }
    }
    if let Some(Value::Array(members)) = schema.get("enum") {
        let members: Vec<f64> = members.iter().filter_map(Value::as_f64).collect();
        let (lo, hi) = integer_bounds(schema);
        // Whole numbers near the members, within the bounds, so that only
        // `enum` is broken.
        let top = members.iter().copied().fold(0.0, f64::max) as i64;
        let bottom = members.iter().copied().fold(0.0, f64::min) as i64;
        let outside = [top.saturating_add(1), bottom.saturating_sub(1), 0, 1, -1].into_iter().find(|&candidate| {
            !members.contains(&(candidate as f64))
                && lo.is_none_or(|lo| candidate >= lo)
                && hi.is_none_or(|hi| candidate <= hi)
        });
        if let Some(outside) = outside {
            out.push(mutation(pointer, NOT_IN_ENUM, Value::from(outside)));
        }
    }
    out
}

fn array_mutations<R: Rng>(schema: &Value, items: &[Value], pointer: &str, rng: &mut R) -> Vec<Mutation> {
    let mut out = Vec::new();
    let min = count(schema, "minItems").ok().flatten().unwrap_or(0);
    let max = count(schema, "maxItems").ok().flatten();
    let unique = schema.get("uniqueItems").and_then(Value::as_bool) == Some(true);
    let item_schema = schema.get("items");
    if min > 0 && items.len() >= min {
        out.push(mutation(
            pointer,
            &format!("too few items (minItems {min})"),
            Value::Array(items[..min - 1].to_vec()),
        ));
    }
    if let (Some(max), Some(item_schema)) = (max.filter(|&max| max < MUTATION_SIZE_MAX), item_schema) {
        let mut more = items.to_vec();
        let mut redraws_left = (max + 1).saturating_mul(64);
        while more.len() <= max && redraws_left > 0 {
            redraws_left -= 1;
            match generate(item_schema, &child(pointer, &more.len().to_string()), rng) {
                Ok(item) if !(unique && more.contains(&item)) => more.push(item),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        if more.len() == max + 1 {
            out.push(mutation(pointer, &format!("too many items (maxItems {max})"), Value::Array(more)));
        }
    }
    if unique && let Some(first) = items.first() {
        let mut duplicated = items.to_vec();
        if items.len() >= 2 {
            duplicated[items.len() - 1] = first.clone();
        } else if max.is_none_or(|max| max >= 2) {
            duplicated.push(first.clone());
        }
        if duplicated.len() >= 2 {
            out.push(mutation(pointer, "duplicate items (uniqueItems)", Value::Array(duplicated)));
        }
    }
    if let (Some(item_schema), Some(first)) = (item_schema, items.first()) {
        for broken in node_mutations(item_schema, first, &child(pointer, "0"), rng) {
            let mut changed = items.to_vec();
            changed[0] = broken.body;
            out.push(Mutation { body: Value::Array(changed), ..broken });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::LazyLock;

    use rand::SeedableRng;
    use rand::rngs::StdRng;
    use serde_json::json;

    use super::*;

    const REQUEST_SCHEMAS: [&str; 15] = [
        "RegisterRequest",
        "LoginRequest",
        "ConfirmSignUpRequest",
        "ResendConfirmationRequest",
        "PasswordResetRequest",
        "ConfirmPasswordResetRequest",
        "VerifyMfaRequest",
        "VerifyMfaSetupRequest",
        "StepUpRequest",
        "DeleteAccountRequest",
        "RefreshRequest",
        "UpdateUserRequest",
        "ChangePasswordRequest",
        "AdminUpdateUserRequest",
        "AdminCreateUserRequest",
    ];

    /// The only mutations that cannot help breaking two rules: no email
    /// address has 2 characters, and the name pattern needs a letter.
    const UNAVOIDABLY_COMPOUND: [&str; 2] = [
        "email: too short (minLength 3); not an email (format)",
        "name: too short (minLength 1); does not match pattern",
    ];

    static CONTRACT: LazyLock<Value> = LazyLock::new(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../contract/openapi.yaml");
        let text = std::fs::read_to_string(path).expect("contract/openapi.yaml is readable");
        serde_norway::from_str(&text).expect("contract/openapi.yaml parses")
    });

    /// `value` with every local `$ref` replaced by what it points at.
    fn inline(value: &Value, root: &Value) -> Value {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    let pointer = reference.strip_prefix('#').expect("a local $ref");
                    return inline(root.pointer(pointer).expect("the $ref resolves"), root);
                }
                Value::Object(map.iter().map(|(key, value)| (key.clone(), inline(value, root))).collect())
            }
            Value::Array(items) => Value::Array(items.iter().map(|item| inline(item, root)).collect()),
            other => other.clone(),
        }
    }

    fn schema(name: &str) -> Value {
        let raw = CONTRACT.pointer(&format!("/components/schemas/{name}")).expect("the schema exists");
        inline(raw, &CONTRACT)
    }

    fn rng(seed: u64) -> StdRng {
        StdRng::seed_from_u64(seed)
    }

    fn json_type(value: &Value) -> &'static str {
        match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// An independent validator for the supported subset: every broken rule
    /// as (pointer, problem), in the words `negatives` uses.
    fn validate(schema: &Value, value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
        let kind = schema_type(schema).expect("schemas under test have a type");
        let mut report = |problem: String| out.push((pointer.to_owned(), problem));
        let type_ok = match kind {
            "object" => value.is_object(),
            "string" => value.is_string() || (value.is_null() && schema["nullable"] == json!(true)),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            other => panic!("unexpected type {other}"),
        };
        if !type_ok {
            if pointer.is_empty() && kind == "object" {
                report(format!("not an object ({})", json_type(value)));
            } else {
                report(format!("wrong type ({} instead of {kind})", json_type(value)));
            }
            return;
        }
        if let Some(Value::Array(members)) = schema.get("enum")
            && !value.is_string()
            && !members.contains(value)
        {
            report(NOT_IN_ENUM.to_owned());
        }
        match value {
            Value::String(text) => string_problems(schema, text).into_iter().for_each(report),
            Value::Number(number) => {
                let number = number.as_f64().expect("finite");
                let exclusive = |key: &str| schema[key] == json!(true);
                if let Some(min) = schema["minimum"].as_f64() {
                    if exclusive("exclusiveMinimum") && number <= min {
                        report(format!("below minimum (exclusiveMinimum {})", schema["minimum"]));
                    } else if number < min {
                        report(format!("below minimum (minimum {})", schema["minimum"]));
                    }
                }
                if let Some(max) = schema["maximum"].as_f64() {
                    if exclusive("exclusiveMaximum") && number >= max {
                        report(format!("above maximum (exclusiveMaximum {})", schema["maximum"]));
                    } else if number > max {
                        report(format!("above maximum (maximum {})", schema["maximum"]));
                    }
                }
            }
            Value::Array(items) => {
                if let Some(min) = schema["minItems"].as_u64()
                    && (items.len() as u64) < min
                {
                    report(format!("too few items (minItems {min})"));
                }
                if let Some(max) = schema["maxItems"].as_u64()
                    && (items.len() as u64) > max
                {
                    report(format!("too many items (maxItems {max})"));
                }
                let distinct: BTreeSet<String> = items.iter().map(Value::to_string).collect();
                if schema["uniqueItems"] == json!(true) && distinct.len() < items.len() {
                    report("duplicate items (uniqueItems)".to_owned());
                }
                for (index, item) in items.iter().enumerate() {
                    validate(&schema["items"], item, &child(pointer, &index.to_string()), out);
                }
            }
            Value::Object(fields) => {
                for name in required(schema).expect("well-formed required") {
                    if !fields.contains_key(name) {
                        out.push((child(pointer, name), "missing (required)".to_owned()));
                    }
                }
                for (name, property) in properties(schema).expect("well-formed properties").into_iter().flatten() {
                    if let Some(field) = fields.get(name) {
                        validate(property, field, &child(pointer, name), out);
                    }
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }

    fn problems(schema: &Value, value: &Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        validate(schema, value, "", &mut out);
        out
    }

    fn positives(schema: &Value, seed: u64, count: usize) -> Vec<Value> {
        let mut rng = rng(seed);
        (0..count).map(|_| positive(schema, &mut rng).expect("the schema can be satisfied")).collect()
    }

    /// Checks that each mutation breaks what its description says and
    /// nothing else; returns the descriptions.
    fn check_mutations(name: &str, schema: &Value, base: &Value, mutations: &[Mutation]) -> Vec<String> {
        assert!(problems(schema, base).is_empty(), "{name}: base {base} is valid");
        for mutation in mutations {
            let found = problems(schema, &mutation.body);
            assert!(!found.is_empty(), "{name}: {} leaves {} valid", mutation.description, mutation.body);
            for (pointer, problem) in &found {
                assert_eq!(
                    pointer, &mutation.pointer,
                    "{name}: {} also breaks {problem} elsewhere in {}",
                    mutation.description, mutation.body
                );
            }
            let said = found.iter().map(|(_, problem)| problem.as_str()).collect::<Vec<_>>().join("; ");
            assert_eq!(format!("{}: {said}", at(&mutation.pointer)), mutation.description, "{name}: {}", mutation.body);
            if found.len() > 1 {
                assert!(
                    UNAVOIDABLY_COMPOUND.contains(&mutation.description.as_str()),
                    "{name}: {} breaks more than one rule",
                    mutation.description
                );
            }
        }
        mutations.iter().map(|mutation| mutation.description.clone()).collect()
    }

    #[test]
    fn every_request_body_of_the_contract_is_under_test() {
        let schemas = CONTRACT["components"]["schemas"].as_object().unwrap();
        let requests: BTreeSet<&str> =
            schemas.keys().map(String::as_str).filter(|name| name.ends_with("Request")).collect();
        assert_eq!(requests, REQUEST_SCHEMAS.into_iter().collect());
    }

    #[test]
    fn positives_of_every_request_body_are_valid_and_reproducible() {
        for name in REQUEST_SCHEMAS {
            let schema = schema(name);
            let values = positives(&schema, 7, 200);
            for value in &values {
                assert_eq!(problems(&schema, value), Vec::<(String, String)>::new(), "{name}: {value}");
                for required in required(&schema).unwrap() {
                    assert!(value.get(required).is_some(), "{name}: {value} lacks {required}");
                }
            }
            assert_eq!(values, positives(&schema, 7, 200), "{name}: same seed, same values");
            assert_ne!(values, positives(&schema, 8, 200), "{name}: another seed, other values");
        }
    }

    #[test]
    fn negatives_of_every_request_body_break_exactly_the_rule_they_name() {
        for name in REQUEST_SCHEMAS {
            let schema = schema(name);
            for seed in 0..20 {
                let mut rng = rng(seed);
                let base = positive(&schema, &mut rng).unwrap();
                let mutations = negatives(&schema, &base, &mut rng);
                let descriptions = check_mutations(name, &schema, &base, &mutations);
                assert_eq!(descriptions.last().map(String::as_str), Some("body: not an object (array)"));

                let properties = schema["properties"].as_object().unwrap();
                let required = required(&schema).unwrap();
                let has = |wanted: &str| descriptions.iter().any(|description| description == wanted);
                let has_prefix = |wanted: &str| descriptions.iter().any(|description| description.starts_with(wanted));
                for (property, rules) in properties {
                    if required.contains(&property.as_str()) {
                        assert!(has(&format!("{property}: missing (required)")), "{name}.{property}");
                    }
                    let kind = rules["type"].as_str().unwrap_or("string");
                    let other = if kind == "string" { "number" } else { "string" };
                    assert!(has(&format!("{property}: wrong type ({other} instead of {kind})")), "{name}.{property}");
                    if kind == "string" {
                        assert!(has(&format!("{property}: wrong type (null instead of string)")), "{name}.{property}");
                    }
                    if rules["minLength"].as_u64().is_some_and(|min| min > 0) {
                        let min = &rules["minLength"];
                        assert!(has_prefix(&format!("{property}: too short (minLength {min})")), "{name}.{property}");
                    }
                    if let Some(max) = rules["maxLength"].as_u64() {
                        assert!(has(&format!("{property}: too long (maxLength {max})")), "{name}.{property}");
                    }
                    if rules.get("pattern").is_some() {
                        assert!(has(&format!("{property}: does not match pattern")), "{name}.{property}");
                    }
                    if rules["format"] == "email" {
                        assert!(has(&format!("{property}: not an email (format)")), "{name}.{property}");
                    }
                }
            }
        }
    }

    #[test]
    fn negatives_are_reproducible() {
        let schema = schema("RegisterRequest");
        let run = |seed| {
            let mut rng = rng(seed);
            let base = positive(&schema, &mut rng).unwrap();
            negatives(&schema, &base, &mut rng)
                .into_iter()
                .map(|m| (m.description, m.pointer, m.body))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(3), run(3));
    }

    #[test]
    fn register_request_mutations_include_the_documented_examples() {
        let schema = schema("RegisterRequest");
        let mut rng = rng(1);
        let base = positive(&schema, &mut rng).unwrap();
        let mutations = negatives(&schema, &base, &mut rng);
        let find = |description: &str| {
            mutations
                .iter()
                .find(|mutation| mutation.description == description)
                .unwrap_or_else(|| panic!("no mutation {description}"))
        };
        assert_eq!(find("email: missing (required)").pointer, "/email");
        assert!(find("email: missing (required)").body.get("email").is_none());
        let long = find("name: too long (maxLength 100)");
        assert_eq!(long.body["name"].as_str().unwrap().chars().count(), 101);
        let long_email = find("email: too long (maxLength 254)");
        assert_eq!(long_email.body["email"].as_str().unwrap().chars().count(), 255);
        let short_password = find("password: too short (minLength 8)");
        assert_eq!(short_password.body["password"].as_str().unwrap().chars().count(), 7);
        assert!(find("email: not an email (format)").body["email"].is_string());
        assert!(find("password: wrong type (number instead of string)").body["password"].is_number());
        let body = find("body: not an object (array)");
        assert_eq!((body.pointer.as_str(), &body.body), ("", &json!([base])));
    }

    #[test]
    fn a_digit_code_sent_as_a_number_keeps_its_digits() {
        let schema = schema("ConfirmSignUpRequest");
        let base = json!({"email": "ada@example.com", "code": "493817"});
        let mutations = negatives(&schema, &base, &mut rng(0));
        let number = mutations.iter().find(|m| m.description == "code: wrong type (number instead of string)").unwrap();
        assert_eq!(number.body["code"], json!(493817));
        let pattern = mutations.iter().find(|m| m.description == "code: does not match pattern").unwrap();
        assert_eq!(pattern.body["code"], json!("49381!"));
    }

    /// The script of a letter of the `Name` pattern, by the blocks it lists.
    fn script(c: char) -> &'static str {
        match u32::from(c) {
            0x41..=0x24F | 0x1E00..=0x1EFF => "Latin",
            0x300..=0x36F => "combining",
            0x386..=0x3FF | 0x1F00..=0x1FFF => "Greek",
            0x400..=0x52F => "Cyrillic",
            0x531..=0x587 => "Armenian",
            0x5D0..=0x5EA => "Hebrew",
            0x620..=0x64A => "Arabic",
            0x900..=0x963 => "Devanagari",
            0x980..=0x9E3 => "Bengali",
            0xB80..=0xBE5 => "Tamil",
            0xE01..=0xE4E => "Thai",
            0x10A0..=0x10FF => "Georgian",
            0x1200..=0x135A => "Ethiopic",
            0x3041..=0x30FA => "kana",
            0x4E00..=0x9FFF => "CJK",
            0xAC00..=0xD7A3 => "Hangul",
            _ => "separator",
        }
    }

    #[test]
    fn names_come_from_many_scripts() {
        let schema = schema("Name");
        let mut scripts = BTreeSet::new();
        let mut names_with_two_words = 0;
        for value in positives(&schema, 11, 300) {
            let name = value.as_str().unwrap();
            assert_eq!(string_problems(&schema, name), Vec::<String>::new(), "{name}");
            scripts.extend(name.chars().map(script));
            if name.contains([' ', '-', '\'', '\u{2019}', '.']) {
                names_with_two_words += 1;
            }
        }
        scripts.remove("separator");
        assert!(scripts.len() >= 12, "scripts seen: {scripts:?}");
        assert!(scripts.contains("Latin"), "scripts seen: {scripts:?}");
        assert!(names_with_two_words > 30, "{names_with_two_words} of 300 names have separators");
    }

    #[test]
    fn mfa_codes_come_in_both_shapes() {
        let schema = schema("MfaCode");
        let totp = regex::Regex::new("^[0-9]{6}$").unwrap();
        let backup = regex::Regex::new("^[0-9A-Za-z]{5}-?[0-9A-Za-z]{5}$").unwrap();
        let values = positives(&schema, 5, 200);
        let codes: Vec<&str> = values.iter().map(|value| value.as_str().unwrap()).collect();
        assert!(codes.iter().any(|code| totp.is_match(code)));
        assert!(codes.iter().any(|code| backup.is_match(code) && code.contains('-')));
        assert!(codes.iter().any(|code| backup.is_match(code) && !code.contains('-')));
        assert!(codes.iter().all(|code| totp.is_match(code) || backup.is_match(code)));
    }

    #[test]
    fn emails_are_plain_unique_ascii_addresses() {
        let schema = schema("Email");
        let shape = regex::Regex::new(r"^u[a-z0-9]{12}@example\.com$").unwrap();
        let values = positives(&schema, 2, 200);
        let distinct: BTreeSet<&str> = values.iter().map(|value| value.as_str().unwrap()).collect();
        assert_eq!(distinct.len(), 200);
        assert!(distinct.iter().all(|email| shape.is_match(email)), "{distinct:?}");
    }

    #[test]
    fn emails_of_any_feasible_length_are_addresses() {
        let mut rng = rng(4);
        assert_eq!(email_of_length(5, &mut rng), None);
        for length in 6..=300 {
            let email = email_of_length(length, &mut rng).unwrap();
            assert_eq!(email.chars().count(), length, "{email}");
            assert!(is_email(&email), "{email}");
            let (local, domain) = email.split_once('@').unwrap();
            assert!(local.len() <= EMAIL_LOCAL_MAX, "{email}");
            assert!(domain.split('.').all(|label| !label.is_empty() && label.len() <= DNS_LABEL_MAX), "{email}");
        }
    }

    #[test]
    fn new_passwords_are_long_mixed_and_uncommon() {
        let schema = schema("NewPassword");
        for value in positives(&schema, 9, 200) {
            let password = value.as_str().unwrap();
            let length = password.chars().count();
            assert!((20..=40).contains(&length), "{password:?}");
            assert!(password.chars().take(PASSWORD_WORD_LETTERS).all(char::is_alphabetic), "{password:?}");
            assert!(password.chars().any(char::is_lowercase), "{password:?}");
            assert!(password.chars().any(char::is_uppercase), "{password:?}");
            assert!(password.chars().any(|c| c.is_ascii_digit()), "{password:?}");
            assert!(password.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace()), "{password:?}");
            assert!(!password.ends_with(' ') && !password.chars().any(char::is_control), "{password:?}");
        }
        let tight = json!({"type": "string", "format": "password", "minLength": 8, "maxLength": 10});
        for value in positives(&tight, 9, 50) {
            let length = value.as_str().unwrap().chars().count();
            assert!((8..=10).contains(&length), "{value}");
        }
    }

    #[test]
    fn uuids_and_date_times_are_well_formed() {
        let schema = json!({
            "type": "object",
            "required": ["id", "at"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "at": {"type": "string", "format": "date-time"},
            },
        });
        for value in positives(&schema, 6, 100) {
            assert_eq!(problems(&schema, &value), Vec::<(String, String)>::new(), "{value}");
            let id = value["id"].as_str().unwrap();
            assert_eq!(&id[14..15], "4", "{id}");
            assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        }
        let mut rng = rng(6);
        let base = positive(&schema, &mut rng).unwrap();
        let descriptions = check_mutations("formats", &schema, &base, &negatives(&schema, &base, &mut rng));
        assert!(descriptions.contains(&"id: not a uuid (format)".to_owned()));
        assert!(descriptions.contains(&"at: not a date-time (format)".to_owned()));
    }

    #[test]
    fn string_problems_names_each_broken_rule() {
        let code = schema("ConfirmationCode");
        assert_eq!(string_problems(&code, "493817"), Vec::<String>::new());
        assert_eq!(string_problems(&code, "49381"), vec![NO_MATCH]);
        let name = schema("Name");
        assert_eq!(string_problems(&name, "Zoë O'Brien"), Vec::<String>::new());
        assert_eq!(string_problems(&name, "J. R. R. Tolkien"), Vec::<String>::new());
        assert_eq!(string_problems(&name, "Zoë O\u{2019}Brien"), Vec::<String>::new());
        assert_eq!(string_problems(&name, "Robert'); DROP TABLE"), vec![NO_MATCH]);
        assert_eq!(string_problems(&name, ""), vec!["too short (minLength 1)", NO_MATCH]);
        assert_eq!(string_problems(&name, &"a".repeat(101)), vec!["too long (maxLength 100)"]);
        let email = schema("Email");
        assert_eq!(string_problems(&email, "ada@example.com"), Vec::<String>::new());
        for bad in
            ["ada", "ada@example", "ada@@example.com", "a da@example.com", "@example.com", "ada@.com", "ada@-x.com"]
        {
            assert_eq!(string_problems(&email, bad), vec!["not an email (format)"], "{bad}");
        }
        assert_eq!(string_problems(&email, "ab"), vec!["too short (minLength 3)", "not an email (format)"]);
        let token = json!({"type": "string", "enum": ["Bearer"]});
        assert_eq!(string_problems(&token, "Bearer"), Vec::<String>::new());
        assert_eq!(string_problems(&token, "bearer"), vec![NOT_IN_ENUM]);
        let broken = json!({"type": "string", "pattern": "("});
        assert!(string_problems(&broken, "x")[0].starts_with("pattern does not compile"));
        for good in ["2024-02-29T23:59:60Z", "2024-02-29t00:00:00.123+05:30", "1999-12-31T23:59:59-00:00"] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "2024-02-29",
            "2024-13-01T00:00:00Z",
            "2024-01-01T00:00:00",
            "2024-01-01T00:00:00.Z",
            "2024-01-01 00:00:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
        assert!(is_uuid("123e4567-e89b-42d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b42d3a456426614174000"));
    }

    #[test]
    fn pattern_and_length_are_met_together() {
        let long_words = json!({"type": "string", "pattern": "^[a-z]+$", "minLength": 50, "maxLength": 60});
        for value in positives(&long_words, 1, 100) {
            let text = value.as_str().unwrap();
            assert_eq!(string_problems(&long_words, text), Vec::<String>::new(), "{text}");
        }
        let unanchored = json!({"type": "string", "pattern": "[a-z]{3}"});
        assert_eq!(positives(&unanchored, 1, 1)[0].as_str().unwrap().len(), 3);
        let prefix = json!({"type": "string", "pattern": "^otpauth://totp/"});
        assert_eq!(positives(&prefix, 1, 1)[0], json!("otpauth://totp/"));
    }

    #[test]
    fn impossible_strings_are_errors_not_invalid_values() {
        let impossible = [
            json!({"type": "string", "pattern": "^[0-9]{6}$", "maxLength": 3}),
            json!({"type": "string", "pattern": "^[0-9]{6}$", "minLength": 7}),
            json!({"type": "string", "format": "uuid", "maxLength": 10}),
            json!({"type": "string", "format": "email", "maxLength": 4}),
            json!({"type": "string", "minLength": 5, "maxLength": 4}),
            json!({"type": "string", "pattern": "^a\\bb$"}),
            json!({"type": "object", "required": ["ghost"], "properties": {}}),
        ];
        for schema in impossible {
            assert!(positive(&schema, &mut rng(0)).is_err(), "{schema}");
        }
    }

    #[test]
    fn optional_properties_appear_about_half_the_time() {
        let schema = json!({
            "type": "object",
            "required": ["a"],
            "properties": {
                "a": {"type": "string"},
                "b": {"type": "string"},
                "c": {"type": "boolean"},
            },
        });
        let values = positives(&schema, 12, 400);
        for optional in ["b", "c"] {
            let present = values.iter().filter(|value| value.get(optional).is_some()).count();
            assert!((140..=260).contains(&present), "{optional} present in {present} of 400");
        }
        let mut rng = rng(12);
        let base = json!({"a": "x"});
        let descriptions = check_mutations("optional", &schema, &base, &negatives(&schema, &base, &mut rng));
        assert!(!descriptions.iter().any(|description| description == "b: missing (required)"));
        assert!(descriptions.iter().any(|description| description == "c: wrong type (string instead of boolean)"));
    }

    #[test]
    fn other_types_and_nesting_are_generated_and_broken() {
        let schema = json!({
            "type": "object",
            "required": ["count", "tags", "inner", "kind"],
            "properties": {
                "count": {"type": "integer", "minimum": 1, "maximum": 5},
                "ratio": {"type": "number", "minimum": 0, "maximum": 1, "exclusiveMaximum": true},
                "flag": {"type": "boolean"},
                "kind": {"type": "string", "enum": ["a", "b"]},
                "level": {"type": "integer", "enum": [1, 2, 3]},
                "tags": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 3,
                    "uniqueItems": true,
                    "items": {"type": "string", "pattern": "^[a-z]{2}$"},
                },
                "inner": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string", "format": "uuid"}},
                },
            },
        });
        for value in positives(&schema, 13, 200) {
            assert_eq!(problems(&schema, &value), Vec::<(String, String)>::new(), "{value}");
        }
        for seed in 0..10 {
            let mut rng = rng(seed);
            let base = positive(&schema, &mut rng).unwrap();
            let descriptions = check_mutations("types", &schema, &base, &negatives(&schema, &base, &mut rng));
            for wanted in [
                "count: below minimum (minimum 1)",
                "count: above maximum (maximum 5)",
                "ratio: above maximum (exclusiveMaximum 1)",
                "kind: not in enum",
                "level: not in enum",
                "tags: too few items (minItems 1)",
                "tags: too many items (maxItems 3)",
                "tags.0: does not match pattern",
                "inner: wrong type (string instead of object)",
                "inner.id: missing (required)",
                "inner.id: not a uuid (format)",
            ] {
                assert!(descriptions.iter().any(|description| description == wanted), "{wanted} in {descriptions:?}");
            }
        }
    }

    #[test]
    fn objects_closed_to_other_properties_get_one_more() {
        let schema = serde_json::json!({
            "type": "object",
            "required": ["a"],
            "additionalProperties": false,
            "properties": { "a": { "type": "string", "minLength": 1, "maxLength": 5 } }
        });
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let base = positive(&schema, &mut rng).unwrap();
        let mutations = negatives(&schema, &base, &mut rng);
        let extra = mutations.iter().find(|m| m.description == "body: unknown property (additionalProperties false)");
        let extra = extra.expect("an unknown-property mutation");
        assert_eq!(extra.body["a"], base["a"]);
        assert_eq!(extra.body["unexpected0"], "x");
        let open = serde_json::json!({ "type": "object", "properties": { "a": { "type": "string" } } });
        assert!(negatives(&open, &base, &mut rng).iter().all(|m| !m.description.contains("unknown property")));
    }
}
