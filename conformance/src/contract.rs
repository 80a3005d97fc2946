//! The contract as the harness reads it at run time: every operation with
//! its request body, security and declared responses, `$ref`s inlined.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use serde_json::Value;

/// One declared response of an operation.
#[derive(Debug, Clone)]
pub struct Declared {
    /// Content type → body schema (inlined).
    pub content: BTreeMap<String, Value>,
    /// Names (lower case) of the headers the response must carry.
    pub required_headers: Vec<String>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
}

/// A path or query parameter of an operation.
#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: String,
    pub location: Location,
    pub required: bool,
    /// Its schema (inlined).
    pub schema: Value,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    pub method: reqwest::Method,
    pub path: String,
    /// Whether it needs a bearer token.
    pub protected: bool,
    /// The JSON body schema (inlined), when the operation takes a body.
    pub body: Option<Value>,
    /// Its path and query parameters (header and cookie ones are not read).
    pub parameters: Vec<Parameter>,
    /// Status code (e.g. "200", "4XX", "default") → what it declares.
    pub responses: BTreeMap<String, Declared>,
    /// The operations its 2xx responses link to (by operationId).
    pub links: Vec<String>,
}

impl Operation {
    /// What the operation declares for `status` (the exact code, else its
    /// class `4XX`, else `default`), with the key it is declared under.
    pub fn declared(&self, status: u16) -> Option<(&str, &Declared)> {
        let class = format!("{}XX", status / 100);
        [status.to_string(), class, "default".to_owned()]
            .into_iter()
            .find_map(|key| self.responses.get_key_value(&key))
            .map(|(key, declared)| (key.as_str(), declared))
    }

    /// The declared statuses, for messages.
    pub fn statuses(&self) -> String {
        self.responses.keys().cloned().collect::<Vec<_>>().join(", ")
    }
}

pub struct Contract {
    pub operations: Vec<Operation>,
}

impl Contract {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let document: Value = serde_norway::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        Self::from_document(&document)
    }

    pub fn from_document(document: &Value) -> anyhow::Result<Self> {
        let document = inline(document, document, 0)?;
        let global_security = document.get("security").cloned().unwrap_or(Value::Array(Vec::new()));
        let paths = document["paths"].as_object().ok_or_else(|| anyhow!("the contract has no paths"))?;
        let mut operations = Vec::new();
        for (path, item) in paths {
            let item = item.as_object().ok_or_else(|| anyhow!("path {path} is not an object"))?;
            for (method, operation) in item {
                let Ok(method) = method.to_uppercase().parse::<reqwest::Method>() else { continue };
                if !matches!(
                    method,
                    reqwest::Method::GET
                        | reqwest::Method::POST
                        | reqwest::Method::PUT
                        | reqwest::Method::PATCH
                        | reqwest::Method::DELETE
                ) {
                    continue;
                }
                let shared = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
                operations.push(operation_of(method, path, operation, &shared, &global_security)?);
            }
        }
        if operations.is_empty() {
            bail!("the contract declares no operations");
        }
        Ok(Self { operations })
    }
}

fn operation_of(
    method: reqwest::Method,
    path: &str,
    operation: &Value,
    shared_parameters: &[Value],
    global_security: &Value,
) -> anyhow::Result<Operation> {
    let id = operation["operationId"].as_str().ok_or_else(|| anyhow!("{method} {path} has no operationId"))?.to_owned();
    let security = operation.get("security").unwrap_or(global_security);
    let protected = security.as_array().is_some_and(|requirements| {
        !requirements.is_empty()
            && requirements.iter().all(|requirement| requirement.as_object().is_some_and(|r| !r.is_empty()))
    });
    let body = operation.pointer("/requestBody/content/application~1json/schema").cloned();
    let own = operation.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut parameters: Vec<Parameter> = Vec::new();
    // An operation's own parameter overrides the path item's of the same name and place.
    for parameter in own.iter().chain(shared_parameters) {
        let location = match parameter["in"].as_str() {
            Some("path") => Location::Path,
            Some("query") => Location::Query,
            _ => continue,
        };
        let name = parameter["name"].as_str().ok_or_else(|| anyhow!("{id} has a parameter without a name"))?;
        if parameters.iter().any(|known| known.name == name && known.location == location) {
            continue;
        }
        parameters.push(Parameter {
            name: name.to_owned(),
            location,
            required: location == Location::Path || parameter["required"] == true,
            schema: parameter.get("schema").cloned().unwrap_or(Value::Bool(true)),
        });
    }
    let mut responses = BTreeMap::new();
    let mut links = Vec::new();
    for (status, response) in operation["responses"].as_object().ok_or_else(|| anyhow!("{id} has no responses"))? {
        let content = response
            .get("content")
            .and_then(Value::as_object)
            .map(|content| {
                content
                    .iter()
                    .map(|(media, body)| (media.clone(), body.get("schema").cloned().unwrap_or(Value::Bool(true))))
                    .collect()
            })
            .unwrap_or_default();
        let required_headers = response
            .get("headers")
            .and_then(Value::as_object)
            .map(|headers| {
                headers
                    .iter()
                    .filter(|(_, header)| header["required"] == true)
                    .map(|(name, _)| name.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        if status.starts_with('2')
            && let Some(declared) = response.get("links").and_then(Value::as_object)
        {
            links.extend(declared.values().filter_map(|link| link["operationId"].as_str().map(str::to_owned)));
        }
        responses.insert(status.clone(), Declared { content, required_headers });
    }
    Ok(Operation { id, method, path: path.to_owned(), protected, body, parameters, responses, links })
}

/// `value` with every local `$ref` replaced by what it points to. Refs in
/// this contract are acyclic; a depth limit turns a cycle into an error.
fn inline(value: &Value, document: &Value, depth: usize) -> anyhow::Result<Value> {
    if depth > 64 {
        bail!("$ref nesting deeper than 64; is there a cycle?");
    }
    Ok(match value {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                let pointer = reference
                    .strip_prefix('#')
                    .ok_or_else(|| anyhow!("only local $refs are supported, not {reference}"))?;
                let target = document.pointer(pointer).ok_or_else(|| anyhow!("{reference} points nowhere"))?;
                return inline(target, document, depth + 1);
            }
            Value::Object(
                map.iter()
                    .map(|(key, value)| Ok((key.clone(), inline(value, document, depth)?)))
                    .collect::<anyhow::Result<_>>()?,
            )
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| inline(item, document, depth)).collect::<anyhow::Result<_>>()?)
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contract() -> Contract {
        Contract::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../contract/openapi.yaml")).unwrap()
    }

    #[test]
    fn every_operation_is_read_with_its_security_body_and_responses() {
        let contract = contract();
        let login = contract.operations.iter().find(|operation| operation.id == "loginUser").unwrap();
        assert_eq!((login.method.as_str(), login.path.as_str(), login.protected), ("POST", "/auth/login", false));
        assert_eq!(login.body.as_ref().unwrap()["required"], serde_json::json!(["email", "password"]));
        assert_eq!(login.body.as_ref().unwrap()["properties"]["email"]["format"], "email");
        assert!(login.declared(401).unwrap().1.required_headers.contains(&"www-authenticate".to_owned()));
        assert!(login.declared(418).is_none());
        assert!(login.links.contains(&"verifyMfa".to_owned()));
        let me = contract.operations.iter().find(|operation| operation.id == "getCurrentUser").unwrap();
        assert!(me.protected && me.body.is_none());
        let schema = &me.declared(200).unwrap().1.content["application/json"];
        assert!(schema["required"].as_array().unwrap().contains(&"mfaEnabled".into()));
        let revoke = contract.operations.iter().find(|operation| operation.id == "revokeSession").unwrap();
        let id = &revoke.parameters[0];
        assert_eq!((id.name.as_str(), id.location, id.required), ("sessionId", Location::Path, true));
        assert!(id.schema["pattern"].is_string(), "the $ref is inlined: {}", id.schema);
        let logout = contract.operations.iter().find(|operation| operation.id == "logoutUser").unwrap();
        let scope = &logout.parameters[0];
        assert_eq!((scope.name.as_str(), scope.location, scope.required), ("scope", Location::Query, false));
    }

    #[test]
    fn a_ref_cycle_is_an_error_not_a_hang() {
        let document = serde_json::json!({ "a": { "$ref": "#/b" }, "b": { "$ref": "#/a" } });
        assert!(inline(&document, &document, 0).is_err());
    }
}
