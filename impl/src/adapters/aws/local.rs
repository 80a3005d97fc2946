//! A user pool, app client and table in an AWS emulator (moto), set up as
//! `infra/template.yaml` sets them up in AWS: for local runs and tests.

use anyhow::Context;
use aws_sdk_cognitoidentityprovider::types::{
    ExplicitAuthFlowsType, PasswordPolicyType, PreventUserExistenceErrorTypes, UserPoolPolicyType,
    UsernameAttributeType, UsernameConfigurationType, VerifiedAttributeType,
};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection, ProjectionType,
    ScalarAttributeType,
};

use super::table::{EMAIL_ATTRIBUTE, EMAIL_INDEX, PARTITION_KEY, SORT_KEY};
use super::{AwsConfig, Clients};

/// Creates a pool, a confidential client and a table named after `name`
/// at `endpoint`, and answers the configuration that uses them.
pub async fn provision(endpoint: &str, region: &str, name: &str) -> anyhow::Result<AwsConfig> {
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
    let pool = clients
        .cognito
        .create_user_pool()
        .pool_name(name)
        .username_attributes(UsernameAttributeType::Email)
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .username_configuration(UsernameConfigurationType::builder().case_sensitive(false).build()?)
        .policies(UserPoolPolicyType::builder().password_policy(policy).build())
        .send()
        .await
        .context("creating the user pool")?;
    config.user_pool_id = pool.user_pool.and_then(|pool| pool.id).context("the new pool has no id")?;
    let client = clients
        .cognito
        .create_user_pool_client()
        .user_pool_id(&config.user_pool_id)
        .client_name(name)
        .generate_secret(true)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowAdminUserPasswordAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
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
        .key_schema(key(PARTITION_KEY, KeyType::Hash)?)
        .key_schema(key(SORT_KEY, KeyType::Range)?)
        .global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(EMAIL_INDEX)
                .key_schema(key(EMAIL_ATTRIBUTE, KeyType::Hash)?)
                .projection(Projection::builder().projection_type(ProjectionType::KeysOnly).build())
                .build()?,
        )
        .send()
        .await
        .context("creating the table")?;
    Ok(config)
}
