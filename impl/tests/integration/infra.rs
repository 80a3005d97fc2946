//! The deployment in `infra/template.yaml` matches what the code expects:
//! the table's keys, indexes and time-to-live attribute, and environment
//! variables that the configuration reads (and none that it would refuse).

#![cfg(feature = "aws")]

use auth_service::adapters::aws::table::{
    DIRECTORY_INDEX, EMAIL_ATTRIBUTE, EMAIL_INDEX, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE, USER_ATTRIBUTE, USER_INDEX,
};
use auth_service::config::{Backend, Config, KeySettings, MailTransport};
use figment::Jail;
use serde_norway::Value;

fn template() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../infra/template.yaml");
    serde_norway::from_str(&std::fs::read_to_string(path).expect("infra/template.yaml")).expect("YAML")
}

fn str_at<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    let mut at = value;
    for step in path {
        at = &at[*step];
    }
    at.as_str().unwrap_or_else(|| panic!("{} is not a string", path.join(".")))
}

/// A function's variable as deployed: its text; for a reference to a
/// parameter, the parameter's default; for any other reference, resolved
/// at deployment, a plausible stand-in.
fn deployed(template: &Value, name: &str, value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Tagged(tagged) if tagged.tag == "Ref" => {
            let parameter = tagged.value.as_str().expect("a reference's name");
            match &template["Parameters"][parameter]["Default"] {
                Value::String(default) => default.clone(),
                _ => format!("deployed-{}", name.to_ascii_lowercase()),
            }
        }
        _ if name == "AUTH_TOKENS__REFRESH_TTL_SECS" => "2592000".to_owned(),
        _ => format!("deployed-{}", name.to_ascii_lowercase()),
    }
}

/// `(AttributeName, KeyType)` of a key schema.
fn key_schema(schema: &Value) -> Vec<(&str, &str)> {
    schema
        .as_sequence()
        .expect("a key schema")
        .iter()
        .map(|element| (str_at(element, &["AttributeName"]), str_at(element, &["KeyType"])))
        .collect()
}

#[test]
fn the_table_has_the_keys_indexes_and_ttl_the_store_uses() {
    let template = template();
    let table = &template["Resources"]["Table"]["Properties"];
    assert_eq!(key_schema(&table["KeySchema"]), [(PARTITION_KEY, "HASH"), (SORT_KEY, "RANGE")]);
    // Each index as (name, its keys, projection).
    type Index<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let indexes: Vec<Index<'_>> = table["GlobalSecondaryIndexes"]
        .as_sequence()
        .expect("indexes")
        .iter()
        .map(|index| {
            (
                str_at(index, &["IndexName"]),
                key_schema(&index["KeySchema"]),
                str_at(index, &["Projection", "ProjectionType"]),
            )
        })
        .collect();
    assert_eq!(
        indexes,
        [
            (EMAIL_INDEX, vec![(EMAIL_ATTRIBUTE, "HASH")], "KEYS_ONLY"),
            (USER_INDEX, vec![(USER_ATTRIBUTE, "HASH")], "KEYS_ONLY"),
            (DIRECTORY_INDEX, vec![(SORT_KEY, "HASH"), (EMAIL_ATTRIBUTE, "RANGE")], "ALL"),
        ]
    );
    assert_eq!(str_at(table, &["TimeToLiveSpecification", "AttributeName"]), TTL_ATTRIBUTE);
    assert_eq!(table["TimeToLiveSpecification"]["Enabled"], Value::Bool(true));
    let definitions: Vec<(&str, &str)> = table["AttributeDefinitions"]
        .as_sequence()
        .expect("attribute definitions")
        .iter()
        .map(|definition| (str_at(definition, &["AttributeName"]), str_at(definition, &["AttributeType"])))
        .collect();
    assert_eq!(definitions, [(PARTITION_KEY, "S"), (SORT_KEY, "S"), (EMAIL_ATTRIBUTE, "S"), (USER_ATTRIBUTE, "S")]);
}

#[test]
#[allow(clippy::result_large_err)] // figment's Jail closures return its large error type
fn the_functions_environment_is_a_valid_aws_configuration() {
    let template = template();
    // The API function's: the shared ones, then its own (the pool's).
    let mut variables =
        template["Globals"]["Function"]["Environment"]["Variables"].as_mapping().expect("variables").clone();
    let own = template["Resources"]["ApiFunction"]["Properties"]["Environment"]["Variables"].as_mapping();
    variables.extend(own.expect("the API function's variables").clone());
    let names: Vec<String> = variables.keys().map(|key| key.as_str().expect("a name").to_owned()).collect();
    for required in ["AUTH_BACKEND", "AUTH_AWS__USER_POOL_ID", "AUTH_AWS__CLIENT_ID", "AUTH_AWS__TABLE_NAME"] {
        assert!(names.iter().any(|name| name == required), "{required} is set");
    }
    Jail::expect_with(|jail| {
        jail.set_env("AWS_REGION", "eu-west-1");
        for (name, value) in &variables {
            let name = name.as_str().expect("a name");
            jail.set_env(name, deployed(&template, name, value));
        }
        let config = Config::load(None).map_err(|error| error.to_string())?;
        assert!(config.federation.providers.is_empty(), "no provider by default");
        // The federation parameters as an operator fills them in.
        jail.set_env("AUTH_FEDERATION__CALLBACK_URL", "https://auth.example.com/auth/federation/callback");
        jail.set_env(
            "AUTH_FEDERATION__REDIRECT_URIS",
            r#"["https://app.example.com/signed-in", "com.example.app:/oauth"]"#,
        );
        jail.set_env("AUTH_FEDERATION__PROVIDERS", r#"{google = {client_id = "1234.apps.googleusercontent.com"}}"#);
        let federated = Config::load(None).map_err(|error| error.to_string())?;
        assert_eq!(federated.federation.providers["google"].client_id, "1234.apps.googleusercontent.com");
        assert_eq!(federated.federation.redirect_uris.len(), 2);
        let secret = federated.federation.client_secrets_secret.as_deref();
        assert_eq!(secret, Some("deployed-auth_federation__client_secrets_secret"));
        assert_eq!(config.backend, Backend::Aws);
        assert_eq!(config.aws.table_name, "deployed-auth_aws__table_name");
        // The keys are read from the secret; none is in the environment.
        assert_eq!(config.mfa.encryption_key_secret.as_deref(), Some("deployed-auth_mfa__encryption_key_secret"));
        assert!(config.mfa.encryption_key.is_none());
        assert!(!config.signup.auto_confirm);
        assert_eq!(config.mail.transport, MailTransport::Ses);
        assert_eq!(config.mail.ses.map(|ses| ses.sender), Some("deployed-auth_mail__ses__sender".to_owned()));
        // Every configured role is a group of the pool, and every
        // configured attribute a custom attribute of its schema.
        let rules = config.accounts.rules().map_err(|error| error.to_string())?;
        let mut groups: Vec<&str> = template["Resources"]
            .as_mapping()
            .expect("resources")
            .values()
            .filter(|resource| resource["Type"].as_str() == Some("AWS::Cognito::UserPoolGroup"))
            .map(|group| str_at(group, &["Properties", "GroupName"]))
            .collect();
        groups.sort_unstable();
        let roles: Vec<&str> = rules.known_roles().iter().map(|role| role.as_str()).collect();
        assert_eq!(groups, roles);
        assert_eq!(roles, ["admin", "employee"]);
        let schema = template["Resources"]["UserPool"]["Properties"]["Schema"].as_sequence().expect("schema");
        let custom: Vec<&str> =
            schema.iter().map(|attribute| str_at(attribute, &["Name"])).filter(|name| *name != "name").collect();
        assert_eq!(custom, rules.attribute_names().collect::<Vec<_>>());
        Ok(())
    });
}

#[test]
#[allow(clippy::result_large_err)] // figment's Jail closures return its large error type
fn the_pool_triggers_environment_names_its_key_and_not_the_pool() {
    let template = template();
    let trigger = &template["Resources"]["ChallengeFunction"]["Properties"];
    assert!(trigger.get("Environment").is_none(), "the trigger's variables are the shared ones");
    let variables = template["Globals"]["Function"]["Environment"]["Variables"].as_mapping().expect("variables");
    Jail::expect_with(|jail| {
        for (name, value) in variables {
            let name = name.as_str().expect("a name");
            jail.set_env(name, deployed(&template, name, value));
        }
        // Without the pool, the service's settings are incomplete, and the
        // trigger's own are what it needs.
        assert!(Config::load(None).is_err());
        let settings = KeySettings::load(None).map_err(|error| error.to_string())?;
        let secret = settings.aws.custom_auth_key_secret.as_deref();
        assert_eq!(secret, Some("deployed-auth_aws__custom_auth_key_secret"));
        Ok(())
    });
}
