//! Bringing what earlier versions stored up to this one, on demand
//! (`auth-server migrate`): DynamoDB has no schema to migrate when an
//! instance starts, and a scan of the table at every cold start would cost
//! every instance. Each step is idempotent and safe beside a running
//! service: every write is conditional on what was read.

use aws_sdk_cognitoidentityprovider::types::AttributeType;
use aws_sdk_dynamodb::types::{TransactWriteItem, Update};

use super::store::{DynamoStore, PROFILE, email_claim};
use super::table::{
    EMAIL_ATTRIBUTE, Item, SORT_KEY, aws_error, error_code, get_s, get_user_id, internal, key, s, user_pk,
};
use super::{AwsConfig, Clients};
use crate::config::Config;
use crate::domain::{Email, PortError, UserId};

/// What [`canonicalise_addresses`] found and did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Respelled {
    /// Profiles read.
    pub profiles: usize,
    /// Addresses the table now keeps in their canonical spelling.
    pub rewritten: usize,
    /// Cognito users whose `email` is now the canonical address's ASCII form.
    pub cognito_updated: usize,
    /// Addresses left alone, reported: their canonical spelling belongs to
    /// another account, and the two accounts are one person's to reconcile.
    pub clashes: usize,
}

/// Rewrites addresses stored before domains were canonicalised (UTS #46,
/// see [`Email::parse`]): a profile and its address claim in another
/// spelling (`x@xn--bcher-kva.example` for `x@bücher.example`), and a
/// Cognito `email` attribute that is not the ASCII form the service signs
/// in with.
pub async fn canonicalise_addresses(clients: &Clients, config: &Config) -> Result<Respelled, PortError> {
    let session_ttl = std::time::Duration::from_secs(config.tokens.refresh_ttl_secs);
    let store = DynamoStore::new(clients.dynamodb.clone(), &config.aws.table_name, session_ttl);
    let config = &config.aws;
    let mut done = Respelled::default();
    let mut start: Option<Item> = None;
    loop {
        let page = store
            .client
            .scan()
            .table_name(store.table.as_ref())
            .filter_expression("#sk = :profile")
            .expression_attribute_names("#sk", SORT_KEY)
            .expression_attribute_values(":profile", s(PROFILE))
            .consistent_read(true)
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .map_err(|error| aws_error("reading profiles", error))?;
        for item in page.items() {
            done.profiles += 1;
            let user_id = get_user_id(item, "userId")?;
            let stored = get_s(item, EMAIL_ATTRIBUTE)?;
            let Ok(canonical) = Email::parse("email", stored) else {
                tracing::warn!(user_id = %user_id, "a stored address does not parse; left alone");
                continue;
            };
            if canonical.as_str() != stored {
                match store.respell(user_id, stored, &canonical).await? {
                    Respell::Done => done.rewritten += 1,
                    Respell::Clash => {
                        tracing::warn!(user_id = %user_id, "an address stored in another spelling belongs to another account too");
                        done.clashes += 1;
                        continue;
                    }
                    Respell::Changed => continue,
                }
            }
            // Cognito was given the address as stored; it now gets the ASCII form.
            let ascii = canonical.with_ascii_domain();
            if stored != ascii {
                match set_cognito_address(clients, config, user_id, &ascii).await? {
                    CognitoAddress::Unchanged => {}
                    CognitoAddress::Updated => done.cognito_updated += 1,
                    CognitoAddress::Clash => {
                        tracing::warn!(user_id = %user_id, "Cognito has the ASCII form of an address on another user");
                        done.clashes += 1;
                    }
                }
            }
        }
        match page.last_evaluated_key {
            Some(next) if !next.is_empty() => start = Some(next),
            _ => return Ok(done),
        }
    }
}

enum Respell {
    Done,
    /// The canonical spelling is claimed by another account.
    Clash,
    /// The profile changed since it was read; nothing written.
    Changed,
}

impl DynamoStore {
    /// Moves a profile's address and its claim from `stored` to
    /// `canonical`, in one transaction.
    async fn respell(&self, user_id: UserId, stored: &str, canonical: &Email) -> Result<Respell, PortError> {
        let mut claim = email_claim(canonical);
        claim.insert("userId".to_owned(), s(user_id.to_string()));
        let profile = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(key(user_pk(user_id), PROFILE)))
            .update_expression("SET #email = :canonical")
            .condition_expression("#email = :stored")
            .expression_attribute_names("#email", EMAIL_ATTRIBUTE)
            .expression_attribute_values(":canonical", s(canonical.as_str()))
            .expression_attribute_values(":stored", s(stored))
            .build()
            .map_err(internal)?;
        let old_claim = key(format!("EMAIL#{stored}"), "EMAIL");
        let items = vec![
            self.transact_put(claim, Some("attribute_not_exists(pk)"))?,
            TransactWriteItem::builder().update(profile).build(),
            self.transact_delete(old_claim, None)?,
        ];
        Ok(match self.transact("rewriting an address", items).await? {
            None => Respell::Done,
            Some(failed) if failed.first() == Some(&true) => Respell::Clash,
            Some(_) => Respell::Changed,
        })
    }
}

enum CognitoAddress {
    Unchanged,
    Updated,
    /// Another Cognito user has the address.
    Clash,
}

/// Sets the Cognito user's `email` to `ascii` when it differs, keeping
/// whether it is verified.
async fn set_cognito_address(
    clients: &Clients,
    config: &AwsConfig,
    user_id: UserId,
    ascii: &str,
) -> Result<CognitoAddress, PortError> {
    let found =
        clients.cognito.admin_get_user().user_pool_id(&config.user_pool_id).username(user_id.to_string()).send().await;
    let user = match found {
        Ok(user) => user,
        Err(error) if error_code(&error) == Some("UserNotFoundException") => {
            tracing::warn!(user_id = %user_id, "a profile has no Cognito user");
            return Ok(CognitoAddress::Unchanged);
        }
        Err(error) => return Err(aws_error("looking up a Cognito user", error)),
    };
    let attribute = |name: &str| user.user_attributes().iter().find(|a| a.name() == name).and_then(|a| a.value());
    if attribute("email") == Some(ascii) {
        return Ok(CognitoAddress::Unchanged);
    }
    let verified = attribute("email_verified").unwrap_or("false").to_owned();
    let attributes = [("email", ascii.to_owned()), ("email_verified", verified)]
        .into_iter()
        .map(|(name, value)| AttributeType::builder().name(name).value(value).build().map_err(internal))
        .collect::<Result<Vec<_>, _>>()?;
    let updated = clients
        .cognito
        .admin_update_user_attributes()
        .user_pool_id(&config.user_pool_id)
        .username(user_id.to_string())
        .set_user_attributes(Some(attributes))
        .send()
        .await;
    match updated {
        Ok(_) => Ok(CognitoAddress::Updated),
        Err(error) if error_code(&error) == Some("AliasExistsException") => Ok(CognitoAddress::Clash),
        Err(error) => Err(aws_error("setting a Cognito user's address", error)),
    }
}
