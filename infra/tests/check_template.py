"""Checks infra/template.yaml against the contract and the seed definition.

- the REST API has a route for every operation of contract/openapi.yaml, plus
  the documentation routes the service serves, and no other;
- the web ACL guards the API's stage, and each of its rate-based rules
  matches the paths of exactly the operations it is for, on the stage;
- the functions get exactly the service's environment, the API and seed
  functions with the pool and client, the pool's trigger without them;
- the MFA keys are in Secrets Manager, never in a function's environment, and
  the functions may read that one secret and no other;
- the refresh token lifetime of the app client and of the service come from
  one mapping, in seconds;
- the state machine's DefinitionSubstitutions fill exactly the placeholders
  of infra/statemachine/seed.asl.json.

Run with the Python of the pinned tools (it needs cfn-lint and PyYAML).
"""

import json
import re
import sys
from pathlib import Path

import yaml
from cfnlint.decode import decode

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
CONTRACT = ROOT / "contract" / "openapi.yaml"
DEFINITION = ROOT / "infra" / "statemachine" / "seed.asl.json"

# Served by impl/src/http/docs.rs: the contract as YAML and JSON, Swagger UI.
DOCS_ROUTES = {
    ("GET", "/openapi.yaml"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/{proxy+}"),
}

REFRESH = {"Fn::FindInMap": ["Tokens", "Refresh", "Seconds"]}

# The pool and its client: set on the functions that use them, not on the
# pool's own trigger, which would make a dependency cycle.
POOL = {
    "AUTH_AWS__USER_POOL_ID": {"Ref": "UserPool"},
    "AUTH_AWS__CLIENT_ID": {"Ref": "UserPoolClient"},
}

ENVIRONMENT = {
    "AUTH_BACKEND": "aws",
    "AUTH_AWS__TABLE_NAME": {"Ref": "Table"},
    "AUTH_MFA__ENCRYPTION_KEY_SECRET": {"Ref": "MfaKeys"},
    "AUTH_AWS__CUSTOM_AUTH_KEY_SECRET": {"Ref": "CustomAuthKeys"},
    "AUTH_FEDERATION__CALLBACK_URL": {"Ref": "FederationCallbackUrl"},
    "AUTH_FEDERATION__REDIRECT_URIS": {"Ref": "FederationRedirectUris"},
    "AUTH_FEDERATION__PROVIDERS": {"Ref": "FederationProviders"},
    "AUTH_FEDERATION__CLIENT_SECRETS_SECRET": {"Ref": "FederationClientSecrets"},
    "AUTH_SIGNUP__AUTO_CONFIRM": "false",
    "AUTH_TOKENS__REFRESH_TTL_SECS": REFRESH,
    "AUTH_LOG__FORMAT": "json",
    "AUTH_METRICS__CLOUDWATCH_NAMESPACE": {"Ref": "AWS::StackName"},
    "AUTH_MAIL__TRANSPORT": "ses",
    "AUTH_MAIL__SES__SENDER": {"Ref": "NoticeSender"},
    "AUTH_ACCOUNTS__ROLES": "[admin, employee]",
    "AUTH_ACCOUNTS__ATTRIBUTES__DEPARTMENT__MAX_CHARS": "64",
    "AUTH_ACCOUNTS__ATTRIBUTES__EMPLOYEE_ID__MAX_CHARS": "16",
    "AUTH_ACCOUNTS__ATTRIBUTES__EMPLOYEE_ID__PATTERN": "E[0-9]{6}",
}


def plain(value):
    """The decoded template's nodes as plain dicts and lists."""
    return json.loads(json.dumps(value))


def check_routes(template):
    contract = yaml.safe_load(CONTRACT.read_text())
    methods = {"get", "put", "post", "patch", "delete", "head", "options"}
    operations = {
        (method.upper(), path)
        for path, item in contract["paths"].items()
        for method in item
        if method in methods
    }
    events = template["Resources"]["ApiFunction"]["Properties"]["Events"]
    routes = set()
    for name, event in events.items():
        props = event["Properties"]
        assert event["Type"] == "Api", f"{name}: not a REST API event"
        assert props["RestApiId"] == {"Ref": "Api"}, f"{name}: not on Api"
        route = (props["Method"], props["Path"])
        assert route not in routes, f"{name}: route {route} twice"
        routes.add(route)
    missing = (operations | DOCS_ROUTES) - routes
    extra = routes - operations - DOCS_ROUTES
    assert not missing, f"operations without a route: {sorted(missing)}"
    assert not extra, f"routes the contract does not have: {sorted(extra)}"
    return len(operations)


# The operations each rate-based rule of the web ACL is for.
RATE_RULES = {
    "sign-in-rate": {"loginUser", "verifyMfa"},
    "sign-up-rate": {"registerUser", "resendConfirmationCode"},
    "password-reset-rate": {"requestPasswordReset", "confirmPasswordReset"},
    "federation-rate": {"startFederatedSignIn", "completeFederatedSignIn", "exchangeFederatedCode"},
}

# The operations on which the core rule set's query-string rules do not block.
QUERY_RULES_EXEMPT = {"startFederatedSignIn", "completeFederatedSignIn"}


def regex_matches(node):
    """Every RegexMatchStatement under a statement."""
    if isinstance(node, dict):
        if "RegexMatchStatement" in node:
            yield node["RegexMatchStatement"]
        for value in node.values():
            yield from regex_matches(value)
    elif isinstance(node, list):
        for value in node:
            yield from regex_matches(value)


def check_web_acl(template):
    resources = template["Resources"]
    stage = resources["Api"]["Properties"]["StageName"]
    association = resources["WebAclAssociation"]["Properties"]
    assert association["WebACLArn"] == {"Fn::GetAtt": ["WebAcl", "Arn"]}
    arn = association["ResourceArn"]["Fn::Sub"]
    assert arn.endswith(f"/restapis/${{Api}}/stages/{stage}"), f"the association guards {arn}"
    acl = resources["WebAcl"]["Properties"]
    assert acl["Scope"] == "REGIONAL" and acl["DefaultAction"] == {"Allow": {}}
    for key, body in acl["CustomResponseBodies"].items():
        error = json.loads(body["Content"])
        assert set(error) == {"code", "message", "requestId"}, f"{key}: not the contract's Error schema"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", error["code"]), f"{key}: code {error['code']}"
    contract = yaml.safe_load(CONTRACT.read_text())
    paths = {
        item[method]["operationId"]: path
        for path, item in contract["paths"].items()
        for method in item
        if isinstance(item[method], dict) and "operationId" in item[method]
    }
    rules = {rule["Name"]: rule for rule in acl["Rules"]}
    priorities = [rule["Priority"] for rule in acl["Rules"]]
    assert len(set(priorities)) == len(priorities), "two rules share a priority"

    def matched(match, name):
        """The operations a path regex matches, as AWS WAF sees their paths:
        on the stage, after URL decoding and lower-casing."""
        assert match["FieldToMatch"] == {"UriPath": {}}, f"{name}: not on the path"
        pattern = re.compile(match["RegexString"])
        return {
            operation
            for operation, path in paths.items()
            for variant in (path, path + "/")
            if pattern.search(f"/{stage}{variant}".lower())
        }

    for name, operations in RATE_RULES.items():
        rule = rules[name]
        assert rule["Action"]["Block"]["CustomResponse"]["ResponseCode"] == 429, f"{name}: not a 429"
        statement = rule["Statement"]["RateBasedStatement"]
        found = matched(statement["ScopeDownStatement"]["RegexMatchStatement"], name)
        assert found == operations, f"{name} matches {sorted(found)}, not {sorted(operations)}"
    exemptions = list(regex_matches(rules["block-managed-matches"]["Statement"]))
    assert len(exemptions) == 1, "the block rule has one path exemption"
    found = matched(exemptions[0], "block-managed-matches")
    assert found == QUERY_RULES_EXEMPT, f"the query rules' exemption matches {sorted(found)}"
    return f"{len(acl['Rules'])} rules, {len(RATE_RULES)} rate-based rules and the exemption on the right operations"


def check_environment(template):
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    assert variables == ENVIRONMENT, f"environment differs: {variables}"
    for name in ("ApiFunction", "SeedFunction"):
        props = template["Resources"][name]["Properties"]
        assert props["Environment"] == {"Variables": POOL}, f"{name} sets more than the pool: {props['Environment']}"
        assert props["Role"] == {"Fn::GetAtt": ["FunctionRole", "Arn"]}, f"{name}: role"
    trigger = template["Resources"]["ChallengeFunction"]["Properties"]
    assert "Environment" not in trigger, "the pool's trigger sets variables of its own"
    assert trigger["Role"] == {"Fn::GetAtt": ["ChallengeFunctionRole", "Arn"]}, "ChallengeFunction: role"
    pool = template["Resources"]["UserPool"]["Properties"]["LambdaConfig"]
    arn = {"Fn::GetAtt": ["ChallengeFunction", "Arn"]}
    assert pool == {
        "DefineAuthChallenge": arn,
        "CreateAuthChallenge": arn,
        "VerifyAuthChallengeResponse": arn,
    }, f"the pool's triggers: {pool}"


def actions(statement):
    action = statement["Action"]
    return action if isinstance(action, list) else [action]


def check_mfa_keys(template):
    resources = template["Resources"]
    secret = resources["MfaKeys"]
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    assert secret["DeletionPolicy"] == secret["UpdateReplacePolicy"] == "Retain", "the keys must outlive the stack"
    assert secret["Properties"]["SecretString"] == {"Fn::Sub": '{"current": "${MfaEncryptionKey}"}'}
    # The key parameter reaches nothing but the secret.
    uses = [name for name, resource in resources.items() if "MfaEncryptionKey" in json.dumps(resource)]
    assert uses == ["MfaKeys"], f"MfaEncryptionKey is used by {uses}"
    assert "MfaEncryptionKey" not in json.dumps(template["Globals"]), "the key is in the functions' environment"
    assert template["Parameters"]["MfaEncryptionKey"]["NoEcho"] is True
    def read(secret):
        return {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": {"Ref": secret}}

    # The service reads both keys; the pool's trigger only the one it shares
    # with the service, never the MFA keys.
    readable = {
        "FunctionRole": [
            ("mfa-keys", read("MfaKeys")),
            ("custom-auth-keys", read("CustomAuthKeys")),
            ("federation-client-secrets", read("FederationClientSecrets")),
        ],
        "ChallengeFunctionRole": [("custom-auth-keys", read("CustomAuthKeys"))],
    }
    for role, expected in readable.items():
        grants = [
            (policy["PolicyName"], statement)
            for policy in resources[role]["Properties"]["Policies"]
            for statement in policy["PolicyDocument"]["Statement"]
            if any(action.startswith(("secretsmanager:", "kms:")) for action in actions(statement))
        ]
        assert grants == expected, f"{role}: {grants}"
    # The trigger's role may do nothing but log, trace and read its key.
    trigger = [policy["PolicyName"] for policy in resources["ChallengeFunctionRole"]["Properties"]["Policies"]]
    assert trigger == ["logs", "tracing", "custom-auth-keys"], trigger
    generated = resources["CustomAuthKeys"]["Properties"]["GenerateSecretString"]
    assert generated["GenerateStringKey"] == "current" and generated["PasswordLength"] >= 32, generated
    return "in Secrets Manager, each readable with GetSecretValue by the functions that need it only"


def check_refresh_lifetime(template):
    client = template["Resources"]["UserPoolClient"]["Properties"]
    assert client["RefreshTokenValidity"] == REFRESH
    assert client["TokenValidityUnits"]["RefreshToken"] == "seconds"
    assert template["Mappings"]["Tokens"]["Refresh"]["Seconds"] == 30 * 24 * 3600


def check_substitutions(template):
    props = template["Resources"]["SeedStateMachine"]["Properties"]
    placeholders = set(re.findall(r"\$\{([A-Za-z0-9_]+)\}", DEFINITION.read_text()))
    assert props["DefinitionUri"] == "statemachine/seed.asl.json"
    assert set(props["DefinitionSubstitutions"]) == placeholders, (
        f"substitutions {sorted(props['DefinitionSubstitutions'])} != placeholders {sorted(placeholders)}"
    )


def main():
    decoded, problems = decode(str(TEMPLATE))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    template = plain(decoded)
    checks = [
        ("routes", lambda: f"{check_routes(template)} operations and {len(DOCS_ROUTES)} documentation routes"),
        ("web ACL", lambda: check_web_acl(template)),
        ("environment", lambda: check_environment(template)),
        ("MFA keys", lambda: check_mfa_keys(template)),
        ("refresh token lifetime", lambda: check_refresh_lifetime(template)),
        ("definition substitutions", lambda: check_substitutions(template)),
    ]
    failed = 0
    for name, check in checks:
        try:
            detail = check()
        except AssertionError as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        else:
            print(f"ok   {name}" + (f": {detail}" if detail else ""))
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
