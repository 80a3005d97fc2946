//! A user pool, app client, table and SES sender in an AWS emulator (moto),
//! set up as `infra/template.yaml` sets them up in AWS: for local runs and
//! tests.

use anyhow::Context;
use aws_sdk_cognitoidentityprovider::types::{
    AttributeDataType, ExplicitAuthFlowsType, LambdaConfigType, PasswordPolicyType, PreventUserExistenceErrorTypes,
    SchemaAttributeType, StringAttributeConstraintsType, UserPoolPolicyType, UsernameAttributeType,
    UsernameConfigurationType, VerifiedAttributeType,
};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection, ProjectionType,
    ScalarAttributeType,
};

use super::table::{
    DIRECTORY_INDEX, EMAIL_ATTRIBUTE, EMAIL_INDEX, PARTITION_KEY, SORT_KEY, USER_ATTRIBUTE, USER_INDEX, error_code,
};
use super::{AwsConfig, Clients};
use crate::domain::{ATTRIBUTE_VALUE_MAX_CHARS, AccountRules};

/// The pool's custom authentication triggers, as the template wires them:
/// all three are the function `{name}-challenge` (`auth-challenge`). An
/// emulator runs it as `scripts/moto_cognito.py` does.
fn custom_auth_triggers(region: &str, name: &str) -> LambdaConfigType {
    let function = format!("arn:aws:lambda:{region}:123456789012:function:{name}-challenge");
    LambdaConfigType::builder()
        .define_auth_challenge(&function)
        .create_auth_challenge(&function)
        .verify_auth_challenge_response(function)
        .build()
}

/// Creates a pool, a confidential client and a table named after `name`
/// at `endpoint`, and answers the configuration that uses them. The pool
/// has a group for each role of `accounts` and a custom attribute for each
/// of its attributes, as the template declares them.
pub async fn provision(endpoint: &str, region: &str, name: &str, accounts: &AccountRules) -> anyhow::Result<AwsConfig> {
    let mut config = AwsConfig {
        region: Some(region.to_owned()),
        endpoint_url: Some(endpoint.to_owned()),
        table_name: name.to_owned(),
        ..AwsConfig::default()
    };
    let clients = Clients::new(&config).await?;
    let policy = PasswordPolicyType::builder()
        .minimum_length(8)
        .require_lowercase(false)
        .require_uppercase(false)
        .require_numbers(false)
        .require_symbols(false)
        .build();
    let custom_attributes = accounts
        .attribute_names()
        .map(|attribute| {
            let constraints =
                StringAttributeConstraintsType::builder().max_length(ATTRIBUTE_VALUE_MAX_CHARS.to_string()).build();
            SchemaAttributeType::builder()
                .name(attribute)
                .attribute_data_type(AttributeDataType::String)
                .mutable(true)
                .string_attribute_constraints(constraints)
                .build()
        })
        .collect();
    let pool = clients
        .cognito
        .create_user_pool()
        .pool_name(name)
        .set_schema(Some(custom_attributes))
        .username_attributes(UsernameAttributeType::Email)
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .username_configuration(UsernameConfigurationType::builder().case_sensitive(false).build()?)
        .policies(UserPoolPolicyType::builder().password_policy(policy).build())
        .lambda_config(custom_auth_triggers(region, name))
        .send()
        .await
        .context("creating the user pool")?;
    config.user_pool_id = pool.user_pool.and_then(|pool| pool.id).context("the new pool has no id")?;
    for role in accounts.known_roles() {
        clients
            .cognito
            .create_group()
            .user_pool_id(&config.user_pool_id)
            .group_name(role.as_str())
            .send()
            .await
            .with_context(|| format!("creating the group {role}"))?;
    }
    let client = clients
        .cognito
        .create_user_pool_client()
        .user_pool_id(&config.user_pool_id)
        .client_name(name)
        .generate_secret(true)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowAdminUserPasswordAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowCustomAuth)
        .prevent_user_existence_errors(PreventUserExistenceErrorTypes::Enabled)
        .enable_token_revocation(true)
        .send()
        .await
        .context("creating the app client")?;
    config.client_id = client.user_pool_client.and_then(|client| client.client_id).context("the client has no id")?;

    let attribute =
        |name: &str| AttributeDefinition::builder().attribute_name(name).attribute_type(ScalarAttributeType::S).build();
    let key = |name: &str, kind: KeyType| KeySchemaElement::builder().attribute_name(name).key_type(kind).build();
    clients
        .dynamodb
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(attribute(PARTITION_KEY)?)
        .attribute_definitions(attribute(SORT_KEY)?)
        .attribute_definitions(attribute(EMAIL_ATTRIBUTE)?)
        .attribute_definitions(attribute(USER_ATTRIBUTE)?)
        .key_schema(key(PARTITION_KEY, KeyType::Hash)?)
        .key_schema(key(SORT_KEY, KeyType::Range)?)
        .global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(EMAIL_INDEX)
                .key_schema(key(EMAIL_ATTRIBUTE, KeyType::Hash)?)
                .projection(Projection::builder().projection_type(ProjectionType::KeysOnly).build())
                .build()?,
        )
        .global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(USER_INDEX)
                .key_schema(key(USER_ATTRIBUTE, KeyType::Hash)?)
                .projection(Projection::builder().projection_type(ProjectionType::KeysOnly).build())
                .build()?,
        )
        .global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(DIRECTORY_INDEX)
                .key_schema(key(SORT_KEY, KeyType::Hash)?)
                .key_schema(key(EMAIL_ATTRIBUTE, KeyType::Range)?)
                .projection(Projection::builder().projection_type(ProjectionType::All).build())
                .build()?,
        )
        .send()
        .await
        .context("creating the table")?;
    Ok(config)
}

/// Makes `address` a verified SES identity at `config`'s endpoint, as the
/// sender of mail through SES must be; one verified already stays.
pub async fn verify_sender(config: &AwsConfig, address: &str) -> anyhow::Result<()> {
    let clients = Clients::new(config).await?;
    let created = clients.ses.create_email_identity().email_identity(address).send().await;
    match created {
        Ok(_) => Ok(()),
        Err(error) if error_code(&error) == Some("AlreadyExistsException") => Ok(()),
        Err(error) => Err(anyhow::Error::new(error).context("creating the SES identity")),
    }
}
