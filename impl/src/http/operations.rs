//! The contract's operations by method and path template, to name a
//! request by its operationId (in metrics) without reading the contract
//! at run time; a test holds the table to `contract/openapi.yaml`.

/// Method, path template and operationId of every operation.
pub const OPERATIONS: [(&str, &str, &str); 38] = [
    ("GET", "/health", "getHealth"),
    ("GET", "/.well-known/jwks.json", "getJwks"),
    ("POST", "/auth/register", "registerUser"),
    ("POST", "/auth/login", "loginUser"),
    ("POST", "/auth/mfa/verify", "verifyMfa"),
    ("POST", "/auth/confirm", "confirmSignUp"),
    ("POST", "/auth/confirm/resend", "resendConfirmationCode"),
    ("POST", "/auth/password/forgot", "requestPasswordReset"),
    ("POST", "/auth/password/reset", "confirmPasswordReset"),
    ("POST", "/auth/token/refresh", "refreshToken"),
    ("POST", "/auth/logout", "logoutUser"),
    ("GET", "/auth/federation/providers", "listIdentityProviders"),
    ("GET", "/auth/federation/{provider}/authorize", "startFederatedSignIn"),
    ("GET", "/auth/federation/callback", "completeFederatedSignIn"),
    ("POST", "/auth/federation/token", "exchangeFederatedCode"),
    ("GET", "/users/me", "getCurrentUser"),
    ("PATCH", "/users/me", "updateCurrentUser"),
    ("POST", "/users/me/delete", "deleteCurrentUser"),
    ("GET", "/users/me/sessions", "listSessions"),
    ("GET", "/users/me/security-events", "listSecurityEvents"),
    ("GET", "/users/me/identities", "listLinkedIdentities"),
    ("DELETE", "/users/me/identities/{identityId}", "unlinkIdentity"),
    ("DELETE", "/users/me/sessions/{sessionId}", "revokeSession"),
    ("POST", "/users/me/password", "changePassword"),
    ("POST", "/users/me/mfa/setup", "setupMfa"),
    ("POST", "/users/me/mfa/verify", "verifyMfaSetup"),
    ("POST", "/users/me/mfa/disable", "disableMfa"),
    ("POST", "/users/me/mfa/backup-codes", "regenerateBackupCodes"),
    ("GET", "/admin/users", "adminListUsers"),
    ("POST", "/admin/users", "adminCreateUser"),
    ("GET", "/admin/users/{userId}", "adminGetUser"),
    ("PATCH", "/admin/users/{userId}", "adminUpdateUser"),
    ("DELETE", "/admin/users/{userId}", "adminDeleteUser"),
    ("POST", "/admin/users/{userId}/disable", "adminDisableUser"),
    ("POST", "/admin/users/{userId}/enable", "adminEnableUser"),
    ("POST", "/admin/users/{userId}/mfa/reset", "adminResetMfa"),
    ("POST", "/admin/users/{userId}/logout", "adminLogoutUser"),
    ("GET", "/admin/users/{userId}/security-events", "adminListSecurityEvents"),
];

/// The name of a request for the contract or Swagger UI.
pub const DOCS: &str = "docs";
/// The name of a request no operation serves.
pub const UNKNOWN: &str = "unknown";

/// Every name [`operation`] gives: the operationIds, [`DOCS`] and [`UNKNOWN`].
pub fn names() -> impl Iterator<Item = &'static str> {
    OPERATIONS.iter().map(|(_, _, operation_id)| *operation_id).chain([DOCS, UNKNOWN])
}

/// What serves a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The operationId: [`DOCS`] for the contract and Swagger UI, [`UNKNOWN`]
    /// for a request no operation serves.
    pub id: &'static str,
    /// The contract's path template (a trace's `http.route`); `None` for
    /// [`DOCS`] and [`UNKNOWN`].
    pub route: Option<&'static str>,
}

/// The operation that serves a `method` request for `path`.
pub fn operation(method: &str, path: &str) -> Operation {
    let found = OPERATIONS
        .iter()
        .find(|(operation_method, template, _)| *operation_method == method && matches(template, path));
    match found {
        Some((_, template, id)) => Operation { id, route: Some(template) },
        None if path.starts_with("/docs") || path.starts_with("/openapi.") => Operation { id: DOCS, route: None },
        None => Operation { id: UNKNOWN, route: None },
    }
}

/// Whether `path` fits `template`, whose `{name}` segments take any one
/// non-empty segment.
fn matches(template: &str, path: &str) -> bool {
    let mut segments = path.split('/');
    let fits = template.split('/').all(|expected| {
        segments.next().is_some_and(|segment| {
            segment == expected || (expected.starts_with('{') && expected.ends_with('}') && !segment.is_empty())
        })
    });
    fits && segments.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_named_by_the_operation_that_serves_them() {
        let operation_id = |method, path| operation(method, path).id;
        assert_eq!(
            operation("GET", "/admin/users/x"),
            Operation { id: "adminGetUser", route: Some("/admin/users/{userId}") }
        );
        assert_eq!(operation("GET", "/docs/"), Operation { id: DOCS, route: None });
        assert_eq!(operation_id("POST", "/auth/login"), "loginUser");
        assert_eq!(operation_id("GET", "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11"), "adminGetUser");
        assert_eq!(operation_id("POST", "/admin/users/x/mfa/reset"), "adminResetMfa");
        assert_eq!(operation_id("DELETE", "/users/me/sessions/abc"), "revokeSession");
        assert_eq!(operation_id("GET", "/docs/index.html"), "docs");
        for (method, path) in
            [("GET", "/auth/login"), ("POST", "/admin/users//disable"), ("GET", "/users/me/"), ("GET", "/nowhere")]
        {
            assert_eq!(operation_id(method, path), "unknown", "{method} {path}");
        }
    }

    #[test]
    fn the_table_is_the_contracts() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../contract/openapi.yaml");
        let contract: serde_json::Value = serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut declared: Vec<(String, String, String)> = Vec::new();
        for (template, item) in contract["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                if let Some(id) = operation.get("operationId").and_then(|id| id.as_str()) {
                    declared.push((method.to_uppercase(), template.clone(), id.to_owned()));
                }
            }
        }
        let mut tabled: Vec<(String, String, String)> = OPERATIONS
            .iter()
            .map(|(method, template, id)| ((*method).to_owned(), (*template).to_owned(), (*id).to_owned()))
            .collect();
        declared.sort();
        tabled.sort();
        assert_eq!(tabled, declared);
    }
}
