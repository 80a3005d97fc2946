#![allow(unused_qualifications)]

use http::HeaderValue;
use validator::Validate;

#[cfg(feature = "server")]
use crate::header;
use crate::{models, types::*};

#[allow(dead_code)]
pub type SSE = std::pin::Pin<std::boxed::Box<dyn futures_util::Stream<Item = std::result::Result<axum::response::sse::Event, std::convert::Infallible>> + std::marker::Send + std::marker::Sync>>;

#[allow(dead_code)]
fn from_validation_error(e: validator::ValidationError) -> validator::ValidationErrors {
    let mut errs = validator::ValidationErrors::new();
    errs.add("na", e);
    errs
}

/// An optional value as sent. A query parameter `name=` is `Some("")`, for
/// the handler to refuse (OpenAPI's `allowEmptyValue` is false by default),
/// where the form decoder alone would make it `None`, as if absent; an
/// optional JSON property sent as `null` is refused, since the contract
/// does not make it nullable, where serde alone would take it as absent.
#[allow(dead_code)]
fn deserialize_present<'de, D, T>(deserializer: D) -> std::result::Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <T as serde::Deserialize>::deserialize(deserializer).map(Some)
}




    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminDeleteUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINDELETEUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINDELETEUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminDisableUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINDISABLEUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINDISABLEUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminEnableUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINENABLEUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINENABLEUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminGetUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINGETUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINGETUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminListSecurityEventsPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINLISTSECURITYEVENTSPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINLISTSECURITYEVENTSPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminListSecurityEventsQueryParams {
            /// Events per page.
                #[serde(rename = "limit")]
                #[validate(
                        range(min = 1u32, max = 100u32),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub limit: Option<u32>,
            /// The `nextCursor` of the previous page.
                #[serde(rename = "cursor")]
                #[validate(
                          regex(path = *RE_ADMINLISTSECURITYEVENTSQUERYPARAMS_CURSOR),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub cursor: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINLISTSECURITYEVENTSQUERYPARAMS_CURSOR: regex::Regex = regex::Regex::new("^[0-9]{1,15}-[0-9a-f]{1,64}$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminListUsersQueryParams {
            /// Accounts per page.
                #[serde(rename = "limit")]
                #[validate(
                        range(min = 1u32, max = 100u32),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub limit: Option<u32>,
            /// The `nextCursor` of the previous page.
                #[serde(rename = "cursor")]
                #[validate(
                        length(min = 1, max = 254),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub cursor: Option<String>,
            /// Only addresses that start with this text, compared in the canonical (lower-case) spelling.
                #[serde(rename = "emailPrefix")]
                #[validate(
                        length(min = 1, max = 254),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub email_prefix: Option<String>,
            /// Only accounts with this status.
                #[serde(rename = "status")]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub status: Option<models::AccountStatus>,
            /// Only accounts holding this role.
                #[serde(rename = "role")]
                #[validate(
                          regex(path = *RE_ADMINLISTUSERSQUERYPARAMS_ROLE),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub role: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINLISTUSERSQUERYPARAMS_ROLE: regex::Regex = regex::Regex::new("^[a-z][a-z0-9_-]{0,31}$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminLogoutUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINLOGOUTUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINLOGOUTUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminResetMfaPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINRESETMFAPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINRESETMFAPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct AdminUpdateUserPathParams {
            /// The account's `id`.
                #[validate(
                          regex(path = *RE_ADMINUPDATEUSERPATHPARAMS_USER_ID),
            )]
                pub user_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_ADMINUPDATEUSERPATHPARAMS_USER_ID: regex::Regex = regex::Regex::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
    }





    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct LogoutUserQueryParams {
            /// Note: inline enums are not fully supported by openapi-generator
                #[serde(rename = "scope")]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub scope: Option<String>,
    }







    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct CompleteFederatedSignInQueryParams {
                #[serde(rename = "state")]
                #[validate(
                        length(max = 1024),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub state: Option<String>,
                #[serde(rename = "code")]
                #[validate(
                        length(max = 4096),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub code: Option<String>,
            /// The provider's, when the person did not sign in there.
                #[serde(rename = "error")]
                #[validate(
                        length(max = 256),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub error: Option<String>,
            /// The provider's issuer identifier (RFC 9207); when present it must be the issuer the sign-in started with, or the app gets `error=access_denied` (a defence against mix-up attacks). 
                #[serde(rename = "iss")]
                #[validate(
                        length(max = 2048),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub iss: Option<String>,
    }




    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct StartFederatedSignInPathParams {
            /// An `id` from `listIdentityProviders`.
                #[validate(
                          regex(path = *RE_STARTFEDERATEDSIGNINPATHPARAMS_PROVIDER),
            )]
                pub provider: String,
    }

    lazy_static::lazy_static! {
        static ref RE_STARTFEDERATEDSIGNINPATHPARAMS_PROVIDER: regex::Regex = regex::Regex::new("^[a-z0-9-]{1,32}$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct StartFederatedSignInQueryParams {
            /// Where the app gets the outcome; one of the registered redirect URIs, exactly.
                #[serde(rename = "redirect_uri")]
                #[validate(
                        length(min = 1, max = 2048),
              )]
                    pub redirect_uri: String,
            /// BASE64URL(SHA256(code_verifier)) of a verifier the app keeps (RFC 7636).
                #[serde(rename = "code_challenge")]
                #[validate(
                          regex(path = *RE_STARTFEDERATEDSIGNINQUERYPARAMS_CODE_CHALLENGE),
              )]
                    pub code_challenge: String,
            /// Note: inline enums are not fully supported by openapi-generator
                #[serde(rename = "code_challenge_method")]
                    pub code_challenge_method: String,
            /// Returned to the app unchanged; printable ASCII.
                #[serde(rename = "state")]
                #[validate(
                        length(max = 512),
                          regex(path = *RE_STARTFEDERATEDSIGNINQUERYPARAMS_STATE),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub state: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_STARTFEDERATEDSIGNINQUERYPARAMS_CODE_CHALLENGE: regex::Regex = regex::Regex::new("^[A-Za-z0-9_-]{43}$").unwrap();
    }
    lazy_static::lazy_static! {
        static ref RE_STARTFEDERATEDSIGNINQUERYPARAMS_STATE: regex::Regex = regex::Regex::new("^[\\x20-\\x7E]*$").unwrap();
    }











    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListSecurityEventsQueryParams {
            /// Events per page.
                #[serde(rename = "limit")]
                #[validate(
                        range(min = 1u32, max = 100u32),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub limit: Option<u32>,
            /// The `nextCursor` of the previous page.
                #[serde(rename = "cursor")]
                #[validate(
                          regex(path = *RE_LISTSECURITYEVENTSQUERYPARAMS_CURSOR),
              )]
                    #[serde(default, deserialize_with = "deserialize_present")]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub cursor: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_LISTSECURITYEVENTSQUERYPARAMS_CURSOR: regex::Regex = regex::Regex::new("^[0-9]{1,15}-[0-9a-f]{1,64}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct RevokeSessionPathParams {
            /// The `id` of a session from `listSessions`.
                #[validate(
                          regex(path = *RE_REVOKESESSIONPATHPARAMS_SESSION_ID),
            )]
                pub session_id: String,
    }

    lazy_static::lazy_static! {
        static ref RE_REVOKESESSIONPATHPARAMS_SESSION_ID: regex::Regex = regex::Regex::new("^[A-Za-z0-9_-]{1,128}$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct UnlinkIdentityPathParams {
            /// The `id` of a linked identity from `listLinkedIdentities`.
                pub identity_id: uuid::Uuid,
    }





/// `unconfirmed`: the address awaits its mailed code; `active`: the account can sign in; `disabled`: an administrator disabled it, and signing in answers 403 `account_disabled`. 
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum AccountStatus {
    #[serde(rename = "unconfirmed")]
    Unconfirmed,
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "disabled")]
    Disabled,
}

impl validator::Validate for AccountStatus
{
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for AccountStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            AccountStatus::Unconfirmed => write!(f, "unconfirmed"),
            AccountStatus::Active => write!(f, "active"),
            AccountStatus::Disabled => write!(f, "disabled"),
        }
    }
}

impl std::str::FromStr for AccountStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "unconfirmed" => std::result::Result::Ok(AccountStatus::Unconfirmed),
            "active" => std::result::Result::Ok(AccountStatus::Active),
            "disabled" => std::result::Result::Ok(AccountStatus::Disabled),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}


/// A position in the caller's own history; a page's `nextCursor`, present when there are older events, is the next page's `cursor`.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ActivityCursor(pub String);

impl validator::Validate for ActivityCursor {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for ActivityCursor {
    fn from(x: String) -> Self {
        ActivityCursor(x)
    }
}

impl std::fmt::Display for ActivityCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for ActivityCursor {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(ActivityCursor(x.to_string()))
    }
}

impl std::convert::From<ActivityCursor> for String {
    fn from(x: ActivityCursor) -> Self {
        x.0
    }
}

impl std::ops::Deref for ActivityCursor {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for ActivityCursor {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminCreateUserRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

    /// A person's name: words of letters, separated by one space, hyphen, apostrophe or period, or by a period and a space (\"José Núñez\", \"Zoë O'Brien\", \"J. R. R. Tolkien\"). Letters are those of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, kana, CJK and Hangul blocks, with combining accents; the pattern spells them out as code point ranges so that every regular expression engine reads it alike. Digits, control characters and markup are refused. Stored in Unicode NFC. 
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_ADMINCREATEUSERREQUEST_NAME),
    )]
    pub name: String,

    /// The new account's roles; none when absent.
    #[serde(rename = "roles")]
    #[validate(
            length(max = 32),
          nested,
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub roles: Option<Vec<models::Role>>,

    /// Custom attributes set by an administrator, by name (1 to 20 of `a-z0-9_`), each declared in the service's configuration with its own rule. Id tokens carry each as a `custom:NAME` claim on both backends. 
    #[serde(rename = "attributes")]
    #[validate(
            length(max = 50),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub attributes: Option<std::collections::HashMap<String, String>>,

}


lazy_static::lazy_static! {
    static ref RE_ADMINCREATEUSERREQUEST_NAME: regex::Regex = regex::Regex::new("^[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+(?:(?:[ '\\u2019.-]|\\. )[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+)*\\.?$").unwrap();
}

impl AdminCreateUserRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, name: String, ) -> AdminCreateUserRequest {
        AdminCreateUserRequest {
 email,
 name,
 roles: None,
 attributes: None,
        }
    }
}

/// Converts the AdminCreateUserRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminCreateUserRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("name".to_string()),
            Some(self.name.to_string()),


            self.roles.as_ref().map(|roles| {
                [
                    "roles".to_string(),
                    roles.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(","),
                ].join(",")
            }),

            // Skipping attributes in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminCreateUserRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminCreateUserRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub name: Vec<String>,
            pub roles: Vec<Vec<models::Role>>,
            pub attributes: Vec<std::collections::HashMap<String, String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminCreateUserRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "roles" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminCreateUserRequest".to_string()),
                    "attributes" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminCreateUserRequest".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminCreateUserRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminCreateUserRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in AdminCreateUserRequest".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in AdminCreateUserRequest".to_string())?,
            roles: intermediate_rep.roles.into_iter().next(),
            attributes: intermediate_rep.attributes.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminCreateUserRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminCreateUserRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminCreateUserRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AdminCreateUserRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminCreateUserRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AdminCreateUserRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AdminCreateUserRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminUpdateUserRequest {
    /// A person's name: words of letters, separated by one space, hyphen, apostrophe or period, or by a period and a space (\"José Núñez\", \"Zoë O'Brien\", \"J. R. R. Tolkien\"). Letters are those of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, kana, CJK and Hangul blocks, with combining accents; the pattern spells them out as code point ranges so that every regular expression engine reads it alike. Digits, control characters and markup are refused. Stored in Unicode NFC. 
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_ADMINUPDATEUSERREQUEST_NAME),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub name: Option<String>,

    /// The account's roles from now on; `[]` takes every role away.
    #[serde(rename = "roles")]
    #[validate(
            length(max = 32),
          nested,
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub roles: Option<Vec<models::Role>>,

    /// Custom attributes set by an administrator, by name (1 to 20 of `a-z0-9_`), each declared in the service's configuration with its own rule. Id tokens carry each as a `custom:NAME` claim on both backends. 
    #[serde(rename = "attributes")]
    #[validate(
            length(max = 50),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub attributes: Option<std::collections::HashMap<String, String>>,

}


lazy_static::lazy_static! {
    static ref RE_ADMINUPDATEUSERREQUEST_NAME: regex::Regex = regex::Regex::new("^[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+(?:(?:[ '\\u2019.-]|\\. )[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+)*\\.?$").unwrap();
}

impl AdminUpdateUserRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> AdminUpdateUserRequest {
        AdminUpdateUserRequest {
 name: None,
 roles: None,
 attributes: None,
        }
    }
}

/// Converts the AdminUpdateUserRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminUpdateUserRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.name.as_ref().map(|name| {
                [
                    "name".to_string(),
                    name.to_string(),
                ].join(",")
            }),


            self.roles.as_ref().map(|roles| {
                [
                    "roles".to_string(),
                    roles.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(","),
                ].join(",")
            }),

            // Skipping attributes in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminUpdateUserRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminUpdateUserRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
            pub roles: Vec<Vec<models::Role>>,
            pub attributes: Vec<std::collections::HashMap<String, String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminUpdateUserRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "roles" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminUpdateUserRequest".to_string()),
                    "attributes" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminUpdateUserRequest".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminUpdateUserRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminUpdateUserRequest {
            name: intermediate_rep.name.into_iter().next(),
            roles: intermediate_rep.roles.into_iter().next(),
            attributes: intermediate_rep.attributes.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminUpdateUserRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminUpdateUserRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminUpdateUserRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AdminUpdateUserRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminUpdateUserRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AdminUpdateUserRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AdminUpdateUserRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminUser {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "email")]
    pub email: String,

    #[serde(rename = "name")]
    pub name: String,

    #[serde(rename = "emailVerified")]
    pub email_verified: bool,

    #[serde(rename = "mfaEnabled")]
    pub mfa_enabled: bool,

    #[serde(rename = "roles")]
    #[validate(
            length(max = 32),
          nested,
    )]
    pub roles: Vec<models::Role>,

    /// Custom attributes set by an administrator, by name (1 to 20 of `a-z0-9_`), each declared in the service's configuration with its own rule. Id tokens carry each as a `custom:NAME` claim on both backends. 
    #[serde(rename = "attributes")]
    #[validate(
            length(max = 50),
    )]
    pub attributes: std::collections::HashMap<String, String>,

    #[serde(rename = "status")]
          #[validate(nested)]
    pub status: models::AccountStatus,

    #[serde(rename = "createdAt")]
    pub created_at: chrono::DateTime::<chrono::Utc>,

    /// The last change to the profile, its roles or attributes.
    #[serde(rename = "updatedAt")]
    pub updated_at: chrono::DateTime::<chrono::Utc>,

}



impl AdminUser {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: uuid::Uuid, email: String, name: String, email_verified: bool, mfa_enabled: bool, roles: Vec<models::Role>, attributes: std::collections::HashMap<String, String>, status: models::AccountStatus, created_at: chrono::DateTime::<chrono::Utc>, updated_at: chrono::DateTime::<chrono::Utc>, ) -> AdminUser {
        AdminUser {
 id,
 email,
 name,
 email_verified,
 mfa_enabled,
 roles,
 attributes,
 status,
 created_at,
 updated_at,
        }
    }
}

/// Converts the AdminUser value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization


            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("name".to_string()),
            Some(self.name.to_string()),


            Some("emailVerified".to_string()),
            Some(self.email_verified.to_string()),


            Some("mfaEnabled".to_string()),
            Some(self.mfa_enabled.to_string()),


            Some("roles".to_string()),
            Some(self.roles.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),

            // Skipping attributes in query parameter serialization

            // Skipping status in query parameter serialization

            // Skipping createdAt in query parameter serialization

            // Skipping updatedAt in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminUser value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminUser {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub email: Vec<String>,
            pub name: Vec<String>,
            pub email_verified: Vec<bool>,
            pub mfa_enabled: Vec<bool>,
            pub roles: Vec<Vec<models::Role>>,
            pub attributes: Vec<std::collections::HashMap<String, String>>,
            pub status: Vec<models::AccountStatus>,
            pub created_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub updated_at: Vec<chrono::DateTime::<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminUser".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "emailVerified" => intermediate_rep.email_verified.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfaEnabled" => intermediate_rep.mfa_enabled.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "roles" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminUser".to_string()),
                    "attributes" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminUser".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep.status.push(<models::AccountStatus as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "createdAt" => intermediate_rep.created_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "updatedAt" => intermediate_rep.updated_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminUser".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminUser {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in AdminUser".to_string())?,
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in AdminUser".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in AdminUser".to_string())?,
            email_verified: intermediate_rep.email_verified.into_iter().next().ok_or_else(|| "emailVerified missing in AdminUser".to_string())?,
            mfa_enabled: intermediate_rep.mfa_enabled.into_iter().next().ok_or_else(|| "mfaEnabled missing in AdminUser".to_string())?,
            roles: intermediate_rep.roles.into_iter().next().ok_or_else(|| "roles missing in AdminUser".to_string())?,
            attributes: intermediate_rep.attributes.into_iter().next().ok_or_else(|| "attributes missing in AdminUser".to_string())?,
            status: intermediate_rep.status.into_iter().next().ok_or_else(|| "status missing in AdminUser".to_string())?,
            created_at: intermediate_rep.created_at.into_iter().next().ok_or_else(|| "createdAt missing in AdminUser".to_string())?,
            updated_at: intermediate_rep.updated_at.into_iter().next().ok_or_else(|| "updatedAt missing in AdminUser".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminUser> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminUser>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminUser>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AdminUser - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminUser> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AdminUser as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AdminUser - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminUserPage {
    #[serde(rename = "users")]
    #[validate(
            length(max = 100),
          nested,
    )]
    pub users: Vec<models::AdminUser>,

    /// A position in the address-ordered list of accounts (the last address of a page); a page's `nextCursor`, present when there may be more, is the next page's `cursor`, which lists the addresses after it.
    #[serde(rename = "nextCursor")]
    #[validate(
            length(min = 1, max = 254),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub next_cursor: Option<String>,

}



impl AdminUserPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(users: Vec<models::AdminUser>, ) -> AdminUserPage {
        AdminUserPage {
 users,
 next_cursor: None,
        }
    }
}

/// Converts the AdminUserPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminUserPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping users in query parameter serialization


            self.next_cursor.as_ref().map(|next_cursor| {
                [
                    "nextCursor".to_string(),
                    next_cursor.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminUserPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminUserPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub users: Vec<Vec<models::AdminUser>>,
            pub next_cursor: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminUserPage".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "users" => return std::result::Result::Err("Parsing a container in this style is not supported in AdminUserPage".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "nextCursor" => intermediate_rep.next_cursor.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminUserPage".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminUserPage {
            users: intermediate_rep.users.into_iter().next().ok_or_else(|| "users missing in AdminUserPage".to_string())?,
            next_cursor: intermediate_rep.next_cursor.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminUserPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminUserPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminUserPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AdminUserPage - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminUserPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AdminUserPage as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AdminUserPage - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct BackupCodes {
    /// Single-use codes for when the authenticator is not at hand. Shown only once.
    #[serde(rename = "backupCodes")]
    #[validate(
            length(min = 10, max = 10),
    )]
    pub backup_codes: Vec<String>,

}



impl BackupCodes {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(backup_codes: Vec<String>, ) -> BackupCodes {
        BackupCodes {
 backup_codes,
        }
    }
}

/// Converts the BackupCodes value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for BackupCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("backupCodes".to_string()),
            Some(self.backup_codes.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a BackupCodes value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for BackupCodes {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub backup_codes: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing BackupCodes".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "backupCodes" => return std::result::Result::Err("Parsing a container in this style is not supported in BackupCodes".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing BackupCodes".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(BackupCodes {
            backup_codes: intermediate_rep.backup_codes.into_iter().next().ok_or_else(|| "backupCodes missing in BackupCodes".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<BackupCodes> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<BackupCodes>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<BackupCodes>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for BackupCodes - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<BackupCodes> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <BackupCodes as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into BackupCodes - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ChangePasswordRequest {
    /// A password as the user typed it; any characters.
    #[serde(rename = "currentPassword")]
    #[validate(
            length(min = 1, max = 256),
    )]
    pub current_password: String,

    /// A password being set. Any characters, never truncated. The server's policy may ask for more than this schema can say: by default it refuses the most common breached passwords, and it can be set to require a longer password or lowercase, uppercase, digit and symbol characters. A refusal is a 400 `weak_password` naming the rule. 
    #[serde(rename = "newPassword")]
    #[validate(
            length(min = 8, max = 256),
    )]
    pub new_password: String,

}



impl ChangePasswordRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(current_password: String, new_password: String, ) -> ChangePasswordRequest {
        ChangePasswordRequest {
 current_password,
 new_password,
        }
    }
}

/// Converts the ChangePasswordRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ChangePasswordRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("currentPassword".to_string()),
            Some(self.current_password.to_string()),


            Some("newPassword".to_string()),
            Some(self.new_password.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ChangePasswordRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ChangePasswordRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub current_password: Vec<String>,
            pub new_password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ChangePasswordRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "currentPassword" => intermediate_rep.current_password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "newPassword" => intermediate_rep.new_password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ChangePasswordRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ChangePasswordRequest {
            current_password: intermediate_rep.current_password.into_iter().next().ok_or_else(|| "currentPassword missing in ChangePasswordRequest".to_string())?,
            new_password: intermediate_rep.new_password.into_iter().next().ok_or_else(|| "newPassword missing in ChangePasswordRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ChangePasswordRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ChangePasswordRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ChangePasswordRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for ChangePasswordRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ChangePasswordRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <ChangePasswordRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into ChangePasswordRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConfirmPasswordResetRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

    /// The digits from a confirmation or password reset mail.
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_CONFIRMPASSWORDRESETREQUEST_CODE),
    )]
    pub code: String,

    /// A password being set. Any characters, never truncated. The server's policy may ask for more than this schema can say: by default it refuses the most common breached passwords, and it can be set to require a longer password or lowercase, uppercase, digit and symbol characters. A refusal is a 400 `weak_password` naming the rule. 
    #[serde(rename = "newPassword")]
    #[validate(
            length(min = 8, max = 256),
    )]
    pub new_password: String,

}


lazy_static::lazy_static! {
    static ref RE_CONFIRMPASSWORDRESETREQUEST_CODE: regex::Regex = regex::Regex::new("^[0-9]{6,10}$").unwrap();
}

impl ConfirmPasswordResetRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, code: String, new_password: String, ) -> ConfirmPasswordResetRequest {
        ConfirmPasswordResetRequest {
 email,
 code,
 new_password,
        }
    }
}

/// Converts the ConfirmPasswordResetRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConfirmPasswordResetRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("newPassword".to_string()),
            Some(self.new_password.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConfirmPasswordResetRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConfirmPasswordResetRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub code: Vec<String>,
            pub new_password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConfirmPasswordResetRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "newPassword" => intermediate_rep.new_password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ConfirmPasswordResetRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConfirmPasswordResetRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in ConfirmPasswordResetRequest".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in ConfirmPasswordResetRequest".to_string())?,
            new_password: intermediate_rep.new_password.into_iter().next().ok_or_else(|| "newPassword missing in ConfirmPasswordResetRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConfirmPasswordResetRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConfirmPasswordResetRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConfirmPasswordResetRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for ConfirmPasswordResetRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConfirmPasswordResetRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <ConfirmPasswordResetRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into ConfirmPasswordResetRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConfirmSignUpRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

    /// The digits from a confirmation or password reset mail.
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_CONFIRMSIGNUPREQUEST_CODE),
    )]
    pub code: String,

}


lazy_static::lazy_static! {
    static ref RE_CONFIRMSIGNUPREQUEST_CODE: regex::Regex = regex::Regex::new("^[0-9]{6,10}$").unwrap();
}

impl ConfirmSignUpRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, code: String, ) -> ConfirmSignUpRequest {
        ConfirmSignUpRequest {
 email,
 code,
        }
    }
}

/// Converts the ConfirmSignUpRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConfirmSignUpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConfirmSignUpRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConfirmSignUpRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConfirmSignUpRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ConfirmSignUpRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConfirmSignUpRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in ConfirmSignUpRequest".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in ConfirmSignUpRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConfirmSignUpRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConfirmSignUpRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConfirmSignUpRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for ConfirmSignUpRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConfirmSignUpRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <ConfirmSignUpRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into ConfirmSignUpRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The digits from a confirmation or password reset mail.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConfirmationCode(pub String);

impl validator::Validate for ConfirmationCode {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for ConfirmationCode {
    fn from(x: String) -> Self {
        ConfirmationCode(x)
    }
}

impl std::fmt::Display for ConfirmationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for ConfirmationCode {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(ConfirmationCode(x.to_string()))
    }
}

impl std::convert::From<ConfirmationCode> for String {
    fn from(x: ConfirmationCode) -> Self {
        x.0
    }
}

impl std::ops::Deref for ConfirmationCode {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for ConfirmationCode {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



/// The password (required unless the account has none), and a current authenticator or backup code when multi-factor authentication is on. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DeleteAccountRequest {
    /// A password as the user typed it; any characters.
    #[serde(rename = "password")]
    #[validate(
            length(min = 1, max = 256),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub password: Option<String>,

    /// Either the six digits an authenticator app shows now or a backup code (ten letters and digits, the hyphen optional, letter case ignored). 
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_DELETEACCOUNTREQUEST_CODE),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub code: Option<String>,

}


lazy_static::lazy_static! {
    static ref RE_DELETEACCOUNTREQUEST_CODE: regex::Regex = regex::Regex::new("^(?:[0-9]{6}|[0-9A-Za-z]{5}-?[0-9A-Za-z]{5})$").unwrap();
}

impl DeleteAccountRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> DeleteAccountRequest {
        DeleteAccountRequest {
 password: None,
 code: None,
        }
    }
}

/// Converts the DeleteAccountRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for DeleteAccountRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.password.as_ref().map(|password| {
                [
                    "password".to_string(),
                    password.to_string(),
                ].join(",")
            }),


            self.code.as_ref().map(|code| {
                [
                    "code".to_string(),
                    code.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a DeleteAccountRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for DeleteAccountRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub password: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing DeleteAccountRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep.password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing DeleteAccountRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(DeleteAccountRequest {
            password: intermediate_rep.password.into_iter().next(),
            code: intermediate_rep.code.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<DeleteAccountRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<DeleteAccountRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<DeleteAccountRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for DeleteAccountRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<DeleteAccountRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <DeleteAccountRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into DeleteAccountRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// An email address with a dotted domain; compared without regard to letter case.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Email(pub String);

impl validator::Validate for Email {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for Email {
    fn from(x: String) -> Self {
        Email(x)
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Email {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Email(x.to_string()))
    }
}

impl std::convert::From<Email> for String {
    fn from(x: Email) -> Self {
        x.0
    }
}

impl std::ops::Deref for Email {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Email {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Error {
    /// Stable machine-readable error code.
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_ERROR_CODE),
    )]
    pub code: String,

    /// Human-readable explanation; not for matching.
    #[serde(rename = "message")]
    pub message: String,

    /// The request id, also in the `X-Request-Id` header.
    #[serde(rename = "requestId")]
    pub request_id: String,

    /// Per-field problems, for validation failures.
    #[serde(rename = "details")]
          #[validate(nested)]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub details: Option<Vec<models::FieldError>>,

}


lazy_static::lazy_static! {
    static ref RE_ERROR_CODE: regex::Regex = regex::Regex::new("^[a-z][a-z0-9_]*$").unwrap();
}

impl Error {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String, message: String, request_id: String, ) -> Error {
        Error {
 code,
 message,
 request_id,
 details: None,
        }
    }
}

/// Converts the Error value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("message".to_string()),
            Some(self.message.to_string()),


            Some("requestId".to_string()),
            Some(self.request_id.to_string()),

            // Skipping details in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Error value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Error {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
            pub message: Vec<String>,
            pub request_id: Vec<String>,
            pub details: Vec<Vec<models::FieldError>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Error".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "message" => intermediate_rep.message.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "requestId" => intermediate_rep.request_id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "details" => return std::result::Result::Err("Parsing a container in this style is not supported in Error".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing Error".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Error {
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in Error".to_string())?,
            message: intermediate_rep.message.into_iter().next().ok_or_else(|| "message missing in Error".to_string())?,
            request_id: intermediate_rep.request_id.into_iter().next().ok_or_else(|| "requestId missing in Error".to_string())?,
            details: intermediate_rep.details.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Error> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Error>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Error>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Error - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Error> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Error as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Error - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FederatedCodeExchange {
    /// The `code` the app's redirect URI received.
    #[serde(rename = "code")]
    #[validate(
            length(min = 1, max = 256),
    )]
    pub code: String,

    /// The PKCE verifier whose challenge started the sign-in.
    #[serde(rename = "codeVerifier")]
    #[validate(
            length(min = 43, max = 128),
            regex(path = *RE_FEDERATEDCODEEXCHANGE_CODE_VERIFIER),
    )]
    pub code_verifier: String,

    /// The redirect URI the sign-in started with.
    #[serde(rename = "redirectUri")]
    #[validate(
            length(min = 1, max = 2048),
    )]
    pub redirect_uri: String,

}


lazy_static::lazy_static! {
    static ref RE_FEDERATEDCODEEXCHANGE_CODE_VERIFIER: regex::Regex = regex::Regex::new("^[A-Za-z0-9._~-]{43,128}$").unwrap();
}

impl FederatedCodeExchange {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String, code_verifier: String, redirect_uri: String, ) -> FederatedCodeExchange {
        FederatedCodeExchange {
 code,
 code_verifier,
 redirect_uri,
        }
    }
}

/// Converts the FederatedCodeExchange value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FederatedCodeExchange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("codeVerifier".to_string()),
            Some(self.code_verifier.to_string()),


            Some("redirectUri".to_string()),
            Some(self.redirect_uri.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FederatedCodeExchange value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FederatedCodeExchange {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
            pub code_verifier: Vec<String>,
            pub redirect_uri: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FederatedCodeExchange".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "codeVerifier" => intermediate_rep.code_verifier.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "redirectUri" => intermediate_rep.redirect_uri.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FederatedCodeExchange".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FederatedCodeExchange {
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in FederatedCodeExchange".to_string())?,
            code_verifier: intermediate_rep.code_verifier.into_iter().next().ok_or_else(|| "codeVerifier missing in FederatedCodeExchange".to_string())?,
            redirect_uri: intermediate_rep.redirect_uri.into_iter().next().ok_or_else(|| "redirectUri missing in FederatedCodeExchange".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FederatedCodeExchange> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FederatedCodeExchange>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FederatedCodeExchange>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FederatedCodeExchange - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FederatedCodeExchange> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FederatedCodeExchange as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FederatedCodeExchange - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FieldError {
    /// The JSON field the problem is about.
    #[serde(rename = "field")]
    pub field: String,

    /// Stable machine-readable rule name.
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_FIELDERROR_CODE),
    )]
    pub code: String,

    #[serde(rename = "message")]
    pub message: String,

}


lazy_static::lazy_static! {
    static ref RE_FIELDERROR_CODE: regex::Regex = regex::Regex::new("^[a-z][a-z0-9_]*$").unwrap();
}

impl FieldError {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(field: String, code: String, message: String, ) -> FieldError {
        FieldError {
 field,
 code,
 message,
        }
    }
}

/// Converts the FieldError value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("field".to_string()),
            Some(self.field.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("message".to_string()),
            Some(self.message.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FieldError value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FieldError {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub field: Vec<String>,
            pub code: Vec<String>,
            pub message: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FieldError".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "field" => intermediate_rep.field.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "message" => intermediate_rep.message.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FieldError".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FieldError {
            field: intermediate_rep.field.into_iter().next().ok_or_else(|| "field missing in FieldError".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in FieldError".to_string())?,
            message: intermediate_rep.message.into_iter().next().ok_or_else(|| "message missing in FieldError".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FieldError> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FieldError>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FieldError>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FieldError - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FieldError> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FieldError as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FieldError - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Health {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "status")]
    pub status: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "store")]
    pub store: String,

}



impl Health {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(status: String, store: String, ) -> Health {
        Health {
 status,
 store,
        }
    }
}

/// Converts the Health value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Health {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("status".to_string()),
            Some(self.status.to_string()),


            Some("store".to_string()),
            Some(self.store.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Health value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Health {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub status: Vec<String>,
            pub store: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Health".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep.status.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "store" => intermediate_rep.store.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Health".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Health {
            status: intermediate_rep.status.into_iter().next().ok_or_else(|| "status missing in Health".to_string())?,
            store: intermediate_rep.store.into_iter().next().ok_or_else(|| "store missing in Health".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Health> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Health>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Health>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Health - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Health> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Health as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Health - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct IdentityProvider {
    /// A configured provider's id.
    #[serde(rename = "id")]
    #[validate(
            regex(path = *RE_IDENTITYPROVIDER_ID),
    )]
    pub id: String,

    /// What the app shows on its button.
    #[serde(rename = "name")]
    #[validate(
            length(max = 100),
    )]
    pub name: String,

}


lazy_static::lazy_static! {
    static ref RE_IDENTITYPROVIDER_ID: regex::Regex = regex::Regex::new("^[a-z0-9-]{1,32}$").unwrap();
}

impl IdentityProvider {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: String, name: String, ) -> IdentityProvider {
        IdentityProvider {
 id,
 name,
        }
    }
}

/// Converts the IdentityProvider value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for IdentityProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("id".to_string()),
            Some(self.id.to_string()),


            Some("name".to_string()),
            Some(self.name.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a IdentityProvider value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for IdentityProvider {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<String>,
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing IdentityProvider".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing IdentityProvider".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(IdentityProvider {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in IdentityProvider".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in IdentityProvider".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<IdentityProvider> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<IdentityProvider>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<IdentityProvider>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for IdentityProvider - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<IdentityProvider> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <IdentityProvider as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into IdentityProvider - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct IdentityProviderList {
    #[serde(rename = "providers")]
    #[validate(
            length(max = 100),
          nested,
    )]
    pub providers: Vec<models::IdentityProvider>,

}



impl IdentityProviderList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(providers: Vec<models::IdentityProvider>, ) -> IdentityProviderList {
        IdentityProviderList {
 providers,
        }
    }
}

/// Converts the IdentityProviderList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for IdentityProviderList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping providers in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a IdentityProviderList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for IdentityProviderList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub providers: Vec<Vec<models::IdentityProvider>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing IdentityProviderList".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "providers" => return std::result::Result::Err("Parsing a container in this style is not supported in IdentityProviderList".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing IdentityProviderList".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(IdentityProviderList {
            providers: intermediate_rep.providers.into_iter().next().ok_or_else(|| "providers missing in IdentityProviderList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<IdentityProviderList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<IdentityProviderList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<IdentityProviderList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for IdentityProviderList - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<IdentityProviderList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <IdentityProviderList as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into IdentityProviderList - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A public signing key (RFC 7517): a P-256 key for ES256 (`crv`, `x`, `y`; RFC 7518 section 6.2) when the service signs its own tokens, an RSA key for RS256 (`n`, `e`; section 6.3) when Cognito does. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Jwk {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "kty")]
    pub kty: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "crv")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub crv: Option<String>,

    /// Base64url-encoded x coordinate (EC).
    #[serde(rename = "x")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub x: Option<String>,

    /// Base64url-encoded y coordinate (EC).
    #[serde(rename = "y")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub y: Option<String>,

    /// Base64url-encoded modulus (RSA).
    #[serde(rename = "n")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub n: Option<String>,

    /// Base64url-encoded exponent (RSA).
    #[serde(rename = "e")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub e: Option<String>,

    #[serde(rename = "kid")]
    pub kid: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "use")]
    pub r_use: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "alg")]
    pub alg: String,

}



impl Jwk {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(kty: String, kid: String, r_use: String, alg: String, ) -> Jwk {
        Jwk {
 kty,
 crv: None,
 x: None,
 y: None,
 n: None,
 e: None,
 kid,
 r_use,
 alg,
        }
    }
}

/// Converts the Jwk value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Jwk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("kty".to_string()),
            Some(self.kty.to_string()),


            self.crv.as_ref().map(|crv| {
                [
                    "crv".to_string(),
                    crv.to_string(),
                ].join(",")
            }),


            self.x.as_ref().map(|x| {
                [
                    "x".to_string(),
                    x.to_string(),
                ].join(",")
            }),


            self.y.as_ref().map(|y| {
                [
                    "y".to_string(),
                    y.to_string(),
                ].join(",")
            }),


            self.n.as_ref().map(|n| {
                [
                    "n".to_string(),
                    n.to_string(),
                ].join(",")
            }),


            self.e.as_ref().map(|e| {
                [
                    "e".to_string(),
                    e.to_string(),
                ].join(",")
            }),


            Some("kid".to_string()),
            Some(self.kid.to_string()),


            Some("use".to_string()),
            Some(self.r_use.to_string()),


            Some("alg".to_string()),
            Some(self.alg.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Jwk value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Jwk {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub kty: Vec<String>,
            pub crv: Vec<String>,
            pub x: Vec<String>,
            pub y: Vec<String>,
            pub n: Vec<String>,
            pub e: Vec<String>,
            pub kid: Vec<String>,
            pub r_use: Vec<String>,
            pub alg: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Jwk".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "kty" => intermediate_rep.kty.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "crv" => intermediate_rep.crv.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "x" => intermediate_rep.x.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "y" => intermediate_rep.y.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "n" => intermediate_rep.n.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "e" => intermediate_rep.e.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "kid" => intermediate_rep.kid.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep.r_use.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "alg" => intermediate_rep.alg.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Jwk".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Jwk {
            kty: intermediate_rep.kty.into_iter().next().ok_or_else(|| "kty missing in Jwk".to_string())?,
            crv: intermediate_rep.crv.into_iter().next(),
            x: intermediate_rep.x.into_iter().next(),
            y: intermediate_rep.y.into_iter().next(),
            n: intermediate_rep.n.into_iter().next(),
            e: intermediate_rep.e.into_iter().next(),
            kid: intermediate_rep.kid.into_iter().next().ok_or_else(|| "kid missing in Jwk".to_string())?,
            r_use: intermediate_rep.r_use.into_iter().next().ok_or_else(|| "use missing in Jwk".to_string())?,
            alg: intermediate_rep.alg.into_iter().next().ok_or_else(|| "alg missing in Jwk".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Jwk> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Jwk>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Jwk>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Jwk - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Jwk> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Jwk as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Jwk - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Jwks {
    #[serde(rename = "keys")]
          #[validate(nested)]
    pub keys: Vec<models::Jwk>,

}



impl Jwks {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(keys: Vec<models::Jwk>, ) -> Jwks {
        Jwks {
 keys,
        }
    }
}

/// Converts the Jwks value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Jwks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping keys in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Jwks value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Jwks {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub keys: Vec<Vec<models::Jwk>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Jwks".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "keys" => return std::result::Result::Err("Parsing a container in this style is not supported in Jwks".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing Jwks".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Jwks {
            keys: intermediate_rep.keys.into_iter().next().ok_or_else(|| "keys missing in Jwks".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Jwks> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Jwks>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Jwks>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Jwks - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Jwks> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Jwks as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Jwks - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LinkedIdentity {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    /// A configured provider's id.
    #[serde(rename = "provider")]
    #[validate(
            regex(path = *RE_LINKEDIDENTITY_PROVIDER),
    )]
    pub provider: String,

    /// The address the provider gave when the identity was linked.
    #[serde(rename = "email")]
    #[validate(
            length(max = 320),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub email: Option<String>,

    #[serde(rename = "linkedAt")]
    pub linked_at: chrono::DateTime::<chrono::Utc>,

}


lazy_static::lazy_static! {
    static ref RE_LINKEDIDENTITY_PROVIDER: regex::Regex = regex::Regex::new("^[a-z0-9-]{1,32}$").unwrap();
}

impl LinkedIdentity {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: uuid::Uuid, provider: String, linked_at: chrono::DateTime::<chrono::Utc>, ) -> LinkedIdentity {
        LinkedIdentity {
 id,
 provider,
 email: None,
 linked_at,
        }
    }
}

/// Converts the LinkedIdentity value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LinkedIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization


            Some("provider".to_string()),
            Some(self.provider.to_string()),


            self.email.as_ref().map(|email| {
                [
                    "email".to_string(),
                    email.to_string(),
                ].join(",")
            }),

            // Skipping linkedAt in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LinkedIdentity value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LinkedIdentity {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub provider: Vec<String>,
            pub email: Vec<String>,
            pub linked_at: Vec<chrono::DateTime::<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LinkedIdentity".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "provider" => intermediate_rep.provider.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "linkedAt" => intermediate_rep.linked_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing LinkedIdentity".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LinkedIdentity {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in LinkedIdentity".to_string())?,
            provider: intermediate_rep.provider.into_iter().next().ok_or_else(|| "provider missing in LinkedIdentity".to_string())?,
            email: intermediate_rep.email.into_iter().next(),
            linked_at: intermediate_rep.linked_at.into_iter().next().ok_or_else(|| "linkedAt missing in LinkedIdentity".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LinkedIdentity> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LinkedIdentity>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LinkedIdentity>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for LinkedIdentity - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LinkedIdentity> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <LinkedIdentity as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into LinkedIdentity - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LinkedIdentityList {
    #[serde(rename = "identities")]
          #[validate(nested)]
    pub identities: Vec<models::LinkedIdentity>,

}



impl LinkedIdentityList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(identities: Vec<models::LinkedIdentity>, ) -> LinkedIdentityList {
        LinkedIdentityList {
 identities,
        }
    }
}

/// Converts the LinkedIdentityList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LinkedIdentityList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping identities in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LinkedIdentityList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LinkedIdentityList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub identities: Vec<Vec<models::LinkedIdentity>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LinkedIdentityList".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "identities" => return std::result::Result::Err("Parsing a container in this style is not supported in LinkedIdentityList".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing LinkedIdentityList".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LinkedIdentityList {
            identities: intermediate_rep.identities.into_iter().next().ok_or_else(|| "identities missing in LinkedIdentityList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LinkedIdentityList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LinkedIdentityList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LinkedIdentityList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for LinkedIdentityList - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LinkedIdentityList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <LinkedIdentityList as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into LinkedIdentityList - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LoginRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

    /// A password as the user typed it; any characters.
    #[serde(rename = "password")]
    #[validate(
            length(min = 1, max = 256),
    )]
    pub password: String,

}



impl LoginRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, password: String, ) -> LoginRequest {
        LoginRequest {
 email,
 password,
        }
    }
}

/// Converts the LoginRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("password".to_string()),
            Some(self.password.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LoginRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LoginRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LoginRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep.password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing LoginRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LoginRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in LoginRequest".to_string())?,
            password: intermediate_rep.password.into_iter().next().ok_or_else(|| "password missing in LoginRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LoginRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LoginRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LoginRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for LoginRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LoginRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <LoginRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into LoginRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The outcome of a sign-in. When `mfaRequired` is false, the token fields and `user` are present. When it is true, only `mfaSession` and `mfaSessionExpiresIn` are: pass the session to `verifyMfa` with a code to get the tokens. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LoginResponse {
    #[serde(rename = "mfaRequired")]
    pub mfa_required: bool,

    /// Opaque and single use; bound to the account that signed in.
    #[serde(rename = "mfaSession")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub mfa_session: Option<String>,

    /// Seconds left to finish the sign-in with `verifyMfa`.
    #[serde(rename = "mfaSessionExpiresIn")]
    #[validate(
            range(min = 1u32),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub mfa_session_expires_in: Option<u32>,

    #[serde(rename = "accessToken")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub access_token: Option<String>,

    #[serde(rename = "idToken")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub id_token: Option<String>,

    #[serde(rename = "refreshToken")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub refresh_token: Option<String>,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "tokenType")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub token_type: Option<String>,

    #[serde(rename = "expiresIn")]
    #[validate(
            range(min = 1u32),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub expires_in: Option<u32>,

    #[serde(rename = "user")]
          #[validate(nested)]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub user: Option<models::User>,

}



impl LoginResponse {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(mfa_required: bool, ) -> LoginResponse {
        LoginResponse {
 mfa_required,
 mfa_session: None,
 mfa_session_expires_in: None,
 access_token: None,
 id_token: None,
 refresh_token: None,
 token_type: None,
 expires_in: None,
 user: None,
        }
    }
}

/// Converts the LoginResponse value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LoginResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("mfaRequired".to_string()),
            Some(self.mfa_required.to_string()),


            self.mfa_session.as_ref().map(|mfa_session| {
                [
                    "mfaSession".to_string(),
                    mfa_session.to_string(),
                ].join(",")
            }),


            self.mfa_session_expires_in.as_ref().map(|mfa_session_expires_in| {
                [
                    "mfaSessionExpiresIn".to_string(),
                    mfa_session_expires_in.to_string(),
                ].join(",")
            }),


            self.access_token.as_ref().map(|access_token| {
                [
                    "accessToken".to_string(),
                    access_token.to_string(),
                ].join(",")
            }),


            self.id_token.as_ref().map(|id_token| {
                [
                    "idToken".to_string(),
                    id_token.to_string(),
                ].join(",")
            }),


            self.refresh_token.as_ref().map(|refresh_token| {
                [
                    "refreshToken".to_string(),
                    refresh_token.to_string(),
                ].join(",")
            }),


            self.token_type.as_ref().map(|token_type| {
                [
                    "tokenType".to_string(),
                    token_type.to_string(),
                ].join(",")
            }),


            self.expires_in.as_ref().map(|expires_in| {
                [
                    "expiresIn".to_string(),
                    expires_in.to_string(),
                ].join(",")
            }),

            // Skipping user in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LoginResponse value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LoginResponse {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub mfa_required: Vec<bool>,
            pub mfa_session: Vec<String>,
            pub mfa_session_expires_in: Vec<u32>,
            pub access_token: Vec<String>,
            pub id_token: Vec<String>,
            pub refresh_token: Vec<String>,
            pub token_type: Vec<String>,
            pub expires_in: Vec<u32>,
            pub user: Vec<models::User>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LoginResponse".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "mfaRequired" => intermediate_rep.mfa_required.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfaSession" => intermediate_rep.mfa_session.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfaSessionExpiresIn" => intermediate_rep.mfa_session_expires_in.push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "accessToken" => intermediate_rep.access_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "idToken" => intermediate_rep.id_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refreshToken" => intermediate_rep.refresh_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "tokenType" => intermediate_rep.token_type.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expiresIn" => intermediate_rep.expires_in.push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "user" => intermediate_rep.user.push(<models::User as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing LoginResponse".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LoginResponse {
            mfa_required: intermediate_rep.mfa_required.into_iter().next().ok_or_else(|| "mfaRequired missing in LoginResponse".to_string())?,
            mfa_session: intermediate_rep.mfa_session.into_iter().next(),
            mfa_session_expires_in: intermediate_rep.mfa_session_expires_in.into_iter().next(),
            access_token: intermediate_rep.access_token.into_iter().next(),
            id_token: intermediate_rep.id_token.into_iter().next(),
            refresh_token: intermediate_rep.refresh_token.into_iter().next(),
            token_type: intermediate_rep.token_type.into_iter().next(),
            expires_in: intermediate_rep.expires_in.into_iter().next(),
            user: intermediate_rep.user.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LoginResponse> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LoginResponse>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LoginResponse>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for LoginResponse - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LoginResponse> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <LoginResponse as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into LoginResponse - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// Either the six digits an authenticator app shows now or a backup code (ten letters and digits, the hyphen optional, letter case ignored). 
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct MfaCode(pub String);

impl validator::Validate for MfaCode {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for MfaCode {
    fn from(x: String) -> Self {
        MfaCode(x)
    }
}

impl std::fmt::Display for MfaCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for MfaCode {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(MfaCode(x.to_string()))
    }
}

impl std::convert::From<MfaCode> for String {
    fn from(x: MfaCode) -> Self {
        x.0
    }
}

impl std::ops::Deref for MfaCode {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for MfaCode {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct MfaSetup {
    /// The 160-bit secret in base32, for typing into an authenticator app.
    #[serde(rename = "secret")]
    #[validate(
            regex(path = *RE_MFASETUP_SECRET),
    )]
    pub secret: String,

    /// The secret with issuer and account label, as authenticator apps read it from a QR code.
    #[serde(rename = "otpauthUri")]
    #[validate(
            regex(path = *RE_MFASETUP_OTPAUTH_URI),
    )]
    pub otpauth_uri: String,

    /// A QR code of `otpauthUri` as a PNG data URI, ready for an `img` element.
    #[serde(rename = "qrCodePng")]
    #[validate(
            regex(path = *RE_MFASETUP_QR_CODE_PNG),
    )]
    pub qr_code_png: String,

}


lazy_static::lazy_static! {
    static ref RE_MFASETUP_SECRET: regex::Regex = regex::Regex::new("^[A-Z2-7]{32}$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_MFASETUP_OTPAUTH_URI: regex::Regex = regex::Regex::new("^otpauth://totp/").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_MFASETUP_QR_CODE_PNG: regex::Regex = regex::Regex::new("^data:image/png;base64,").unwrap();
}

impl MfaSetup {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(secret: String, otpauth_uri: String, qr_code_png: String, ) -> MfaSetup {
        MfaSetup {
 secret,
 otpauth_uri,
 qr_code_png,
        }
    }
}

/// Converts the MfaSetup value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for MfaSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("secret".to_string()),
            Some(self.secret.to_string()),


            Some("otpauthUri".to_string()),
            Some(self.otpauth_uri.to_string()),


            Some("qrCodePng".to_string()),
            Some(self.qr_code_png.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a MfaSetup value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for MfaSetup {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub secret: Vec<String>,
            pub otpauth_uri: Vec<String>,
            pub qr_code_png: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing MfaSetup".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "secret" => intermediate_rep.secret.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otpauthUri" => intermediate_rep.otpauth_uri.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "qrCodePng" => intermediate_rep.qr_code_png.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing MfaSetup".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(MfaSetup {
            secret: intermediate_rep.secret.into_iter().next().ok_or_else(|| "secret missing in MfaSetup".to_string())?,
            otpauth_uri: intermediate_rep.otpauth_uri.into_iter().next().ok_or_else(|| "otpauthUri missing in MfaSetup".to_string())?,
            qr_code_png: intermediate_rep.qr_code_png.into_iter().next().ok_or_else(|| "qrCodePng missing in MfaSetup".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<MfaSetup> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<MfaSetup>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<MfaSetup>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for MfaSetup - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<MfaSetup> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <MfaSetup as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into MfaSetup - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A person's name: words of letters, separated by one space, hyphen, apostrophe or period, or by a period and a space (\"José Núñez\", \"Zoë O'Brien\", \"J. R. R. Tolkien\"). Letters are those of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, kana, CJK and Hangul blocks, with combining accents; the pattern spells them out as code point ranges so that every regular expression engine reads it alike. Digits, control characters and markup are refused. Stored in Unicode NFC. 
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Name(pub String);

impl validator::Validate for Name {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for Name {
    fn from(x: String) -> Self {
        Name(x)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Name {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Name(x.to_string()))
    }
}

impl std::convert::From<Name> for String {
    fn from(x: Name) -> Self {
        x.0
    }
}

impl std::ops::Deref for Name {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Name {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



/// A password being set. Any characters, never truncated. The server's policy may ask for more than this schema can say: by default it refuses the most common breached passwords, and it can be set to require a longer password or lowercase, uppercase, digit and symbol characters. A refusal is a 400 `weak_password` naming the rule. 
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct NewPassword(pub String);

impl validator::Validate for NewPassword {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for NewPassword {
    fn from(x: String) -> Self {
        NewPassword(x)
    }
}

impl std::fmt::Display for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for NewPassword {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(NewPassword(x.to_string()))
    }
}

impl std::convert::From<NewPassword> for String {
    fn from(x: NewPassword) -> Self {
        x.0
    }
}

impl std::ops::Deref for NewPassword {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for NewPassword {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



/// A password as the user typed it; any characters.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Password(pub String);

impl validator::Validate for Password {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for Password {
    fn from(x: String) -> Self {
        Password(x)
    }
}

impl std::fmt::Display for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Password {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Password(x.to_string()))
    }
}

impl std::convert::From<Password> for String {
    fn from(x: Password) -> Self {
        x.0
    }
}

impl std::ops::Deref for Password {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Password {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasswordResetRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

}



impl PasswordResetRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, ) -> PasswordResetRequest {
        PasswordResetRequest {
 email,
        }
    }
}

/// Converts the PasswordResetRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasswordResetRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasswordResetRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasswordResetRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PasswordResetRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing PasswordResetRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasswordResetRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in PasswordResetRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasswordResetRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasswordResetRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasswordResetRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for PasswordResetRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasswordResetRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <PasswordResetRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into PasswordResetRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A configured provider's id.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ProviderId(pub String);

impl validator::Validate for ProviderId {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for ProviderId {
    fn from(x: String) -> Self {
        ProviderId(x)
    }
}

impl std::fmt::Display for ProviderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for ProviderId {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(ProviderId(x.to_string()))
    }
}

impl std::convert::From<ProviderId> for String {
    fn from(x: ProviderId) -> Self {
        x.0
    }
}

impl std::ops::Deref for ProviderId {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for ProviderId {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RefreshRequest {
    #[serde(rename = "refreshToken")]
    #[validate(
            length(min = 1, max = 512),
    )]
    pub refresh_token: String,

}



impl RefreshRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(refresh_token: String, ) -> RefreshRequest {
        RefreshRequest {
 refresh_token,
        }
    }
}

/// Converts the RefreshRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RefreshRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("refreshToken".to_string()),
            Some(self.refresh_token.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RefreshRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RefreshRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub refresh_token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RefreshRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "refreshToken" => intermediate_rep.refresh_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing RefreshRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RefreshRequest {
            refresh_token: intermediate_rep.refresh_token.into_iter().next().ok_or_else(|| "refreshToken missing in RefreshRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RefreshRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RefreshRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RefreshRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for RefreshRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RefreshRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <RefreshRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into RefreshRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RegisterRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

    /// A password being set. Any characters, never truncated. The server's policy may ask for more than this schema can say: by default it refuses the most common breached passwords, and it can be set to require a longer password or lowercase, uppercase, digit and symbol characters. A refusal is a 400 `weak_password` naming the rule. 
    #[serde(rename = "password")]
    #[validate(
            length(min = 8, max = 256),
    )]
    pub password: String,

    /// A person's name: words of letters, separated by one space, hyphen, apostrophe or period, or by a period and a space (\"José Núñez\", \"Zoë O'Brien\", \"J. R. R. Tolkien\"). Letters are those of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, kana, CJK and Hangul blocks, with combining accents; the pattern spells them out as code point ranges so that every regular expression engine reads it alike. Digits, control characters and markup are refused. Stored in Unicode NFC. 
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_REGISTERREQUEST_NAME),
    )]
    pub name: String,

}


lazy_static::lazy_static! {
    static ref RE_REGISTERREQUEST_NAME: regex::Regex = regex::Regex::new("^[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+(?:(?:[ '\\u2019.-]|\\. )[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+)*\\.?$").unwrap();
}

impl RegisterRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, password: String, name: String, ) -> RegisterRequest {
        RegisterRequest {
 email,
 password,
 name,
        }
    }
}

/// Converts the RegisterRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RegisterRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("password".to_string()),
            Some(self.password.to_string()),


            Some("name".to_string()),
            Some(self.name.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RegisterRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RegisterRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub password: Vec<String>,
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RegisterRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep.password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing RegisterRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RegisterRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in RegisterRequest".to_string())?,
            password: intermediate_rep.password.into_iter().next().ok_or_else(|| "password missing in RegisterRequest".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in RegisterRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RegisterRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RegisterRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RegisterRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for RegisterRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RegisterRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <RegisterRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into RegisterRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ResendConfirmationRequest {
    /// An email address with a dotted domain; compared without regard to letter case.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
    )]
    pub email: String,

}



impl ResendConfirmationRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, ) -> ResendConfirmationRequest {
        ResendConfirmationRequest {
 email,
        }
    }
}

/// Converts the ResendConfirmationRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ResendConfirmationRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("email".to_string()),
            Some(self.email.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ResendConfirmationRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ResendConfirmationRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ResendConfirmationRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ResendConfirmationRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ResendConfirmationRequest {
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in ResendConfirmationRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ResendConfirmationRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ResendConfirmationRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ResendConfirmationRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for ResendConfirmationRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ResendConfirmationRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <ResendConfirmationRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into ResendConfirmationRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A role name such as `admin` or `employee`, one of those the service is configured with.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Role(pub String);

impl validator::Validate for Role {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for Role {
    fn from(x: String) -> Self {
        Role(x)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Role {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(Role(x.to_string()))
    }
}

impl std::convert::From<Role> for String {
    fn from(x: Role) -> Self {
        x.0
    }
}

impl std::ops::Deref for Role {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for Role {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SecurityEvent {
    /// What happened: `sign_in_failed` is a wrong password, `second_factor_failed` a wrong authenticator or backup code at sign-in, `signed_out` a sign-out everywhere, `session_ended` one session ended by its user, `refresh_token_reused` a rotated refresh token presented again, which ended its session; `invited` an account an administrator created; `roles_changed`, `attributes_changed`, `name_changed`, `account_disabled` and `account_enabled` are an administrator's (or, for roles, the operator's) changes; events an administrator caused (`signed_out` and `mfa_disabled` among them) name them in `actorId`. 
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "type")]
    pub r_type: String,

    #[serde(rename = "at")]
    pub at: chrono::DateTime::<chrono::Utc>,

    /// The client's address, when known.
    #[serde(rename = "ipAddress")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub ip_address: Option<String>,

    /// A readable label from the client's `User-Agent`, as in `Session`; `Unknown device` without one.
    #[serde(rename = "device")]
    #[validate(
            length(max = 100),
    )]
    pub device: String,

    /// The administrator who acted on the account, for what one did; absent for the account's own actions and for the operator's command line.
    #[serde(rename = "actorId")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub actor_id: Option<uuid::Uuid>,

}



impl SecurityEvent {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(r_type: String, at: chrono::DateTime::<chrono::Utc>, device: String, ) -> SecurityEvent {
        SecurityEvent {
 r_type,
 at,
 ip_address: None,
 device,
 actor_id: None,
        }
    }
}

/// Converts the SecurityEvent value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SecurityEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("type".to_string()),
            Some(self.r_type.to_string()),

            // Skipping at in query parameter serialization


            self.ip_address.as_ref().map(|ip_address| {
                [
                    "ipAddress".to_string(),
                    ip_address.to_string(),
                ].join(",")
            }),


            Some("device".to_string()),
            Some(self.device.to_string()),

            // Skipping actorId in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SecurityEvent value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SecurityEvent {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_type: Vec<String>,
            pub at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub ip_address: Vec<String>,
            pub device: Vec<String>,
            pub actor_id: Vec<uuid::Uuid>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SecurityEvent".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep.r_type.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "at" => intermediate_rep.at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "ipAddress" => intermediate_rep.ip_address.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "device" => intermediate_rep.device.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "actorId" => intermediate_rep.actor_id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing SecurityEvent".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SecurityEvent {
            r_type: intermediate_rep.r_type.into_iter().next().ok_or_else(|| "type missing in SecurityEvent".to_string())?,
            at: intermediate_rep.at.into_iter().next().ok_or_else(|| "at missing in SecurityEvent".to_string())?,
            ip_address: intermediate_rep.ip_address.into_iter().next(),
            device: intermediate_rep.device.into_iter().next().ok_or_else(|| "device missing in SecurityEvent".to_string())?,
            actor_id: intermediate_rep.actor_id.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SecurityEvent> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SecurityEvent>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SecurityEvent>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for SecurityEvent - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SecurityEvent> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <SecurityEvent as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into SecurityEvent - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SecurityEventPage {
    #[serde(rename = "events")]
    #[validate(
            length(max = 100),
          nested,
    )]
    pub events: Vec<models::SecurityEvent>,

    /// A position in the caller's own history; a page's `nextCursor`, present when there are older events, is the next page's `cursor`.
    #[serde(rename = "nextCursor")]
    #[validate(
            regex(path = *RE_SECURITYEVENTPAGE_NEXT_CURSOR),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub next_cursor: Option<String>,

}


lazy_static::lazy_static! {
    static ref RE_SECURITYEVENTPAGE_NEXT_CURSOR: regex::Regex = regex::Regex::new("^[0-9]{1,15}-[0-9a-f]{1,64}$").unwrap();
}

impl SecurityEventPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(events: Vec<models::SecurityEvent>, ) -> SecurityEventPage {
        SecurityEventPage {
 events,
 next_cursor: None,
        }
    }
}

/// Converts the SecurityEventPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SecurityEventPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping events in query parameter serialization


            self.next_cursor.as_ref().map(|next_cursor| {
                [
                    "nextCursor".to_string(),
                    next_cursor.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SecurityEventPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SecurityEventPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub events: Vec<Vec<models::SecurityEvent>>,
            pub next_cursor: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SecurityEventPage".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "events" => return std::result::Result::Err("Parsing a container in this style is not supported in SecurityEventPage".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "nextCursor" => intermediate_rep.next_cursor.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing SecurityEventPage".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SecurityEventPage {
            events: intermediate_rep.events.into_iter().next().ok_or_else(|| "events missing in SecurityEventPage".to_string())?,
            next_cursor: intermediate_rep.next_cursor.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SecurityEventPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SecurityEventPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SecurityEventPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for SecurityEventPage - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SecurityEventPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <SecurityEventPage as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into SecurityEventPage - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Session {
    /// Names one session (a UUID on both backends today; treat it as opaque).
    #[serde(rename = "id")]
    #[validate(
            regex(path = *RE_SESSION_ID),
    )]
    pub id: String,

    /// When the sign-in happened.
    #[serde(rename = "startedAt")]
    pub started_at: chrono::DateTime::<chrono::Utc>,

    /// The last refresh, or the start.
    #[serde(rename = "lastUsedAt")]
    pub last_used_at: chrono::DateTime::<chrono::Utc>,

    /// When the session ends unless refreshed first (the idle lifetime), or for good (the absolute one), whichever is sooner.
    #[serde(rename = "expiresAt")]
    pub expires_at: chrono::DateTime::<chrono::Utc>,

    /// The client's address at the start, when known.
    #[serde(rename = "ipAddress")]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub ip_address: Option<String>,

    /// A readable label from the client's `User-Agent` at the start, such as `Firefox on macOS`; `Unknown device` without one.
    #[serde(rename = "device")]
    #[validate(
            length(max = 100),
    )]
    pub device: String,

    /// Whether this is the session of the access token that asked.
    #[serde(rename = "current")]
    pub current: bool,

}


lazy_static::lazy_static! {
    static ref RE_SESSION_ID: regex::Regex = regex::Regex::new("^[A-Za-z0-9_-]{1,128}$").unwrap();
}

impl Session {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: String, started_at: chrono::DateTime::<chrono::Utc>, last_used_at: chrono::DateTime::<chrono::Utc>, expires_at: chrono::DateTime::<chrono::Utc>, device: String, current: bool, ) -> Session {
        Session {
 id,
 started_at,
 last_used_at,
 expires_at,
 ip_address: None,
 device,
 current,
        }
    }
}

/// Converts the Session value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("id".to_string()),
            Some(self.id.to_string()),

            // Skipping startedAt in query parameter serialization

            // Skipping lastUsedAt in query parameter serialization

            // Skipping expiresAt in query parameter serialization


            self.ip_address.as_ref().map(|ip_address| {
                [
                    "ipAddress".to_string(),
                    ip_address.to_string(),
                ].join(",")
            }),


            Some("device".to_string()),
            Some(self.device.to_string()),


            Some("current".to_string()),
            Some(self.current.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Session value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Session {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<String>,
            pub started_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub last_used_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub expires_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub ip_address: Vec<String>,
            pub device: Vec<String>,
            pub current: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Session".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "startedAt" => intermediate_rep.started_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "lastUsedAt" => intermediate_rep.last_used_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expiresAt" => intermediate_rep.expires_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "ipAddress" => intermediate_rep.ip_address.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "device" => intermediate_rep.device.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "current" => intermediate_rep.current.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Session".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Session {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in Session".to_string())?,
            started_at: intermediate_rep.started_at.into_iter().next().ok_or_else(|| "startedAt missing in Session".to_string())?,
            last_used_at: intermediate_rep.last_used_at.into_iter().next().ok_or_else(|| "lastUsedAt missing in Session".to_string())?,
            expires_at: intermediate_rep.expires_at.into_iter().next().ok_or_else(|| "expiresAt missing in Session".to_string())?,
            ip_address: intermediate_rep.ip_address.into_iter().next(),
            device: intermediate_rep.device.into_iter().next().ok_or_else(|| "device missing in Session".to_string())?,
            current: intermediate_rep.current.into_iter().next().ok_or_else(|| "current missing in Session".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Session> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Session>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Session>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Session - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Session> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Session as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Session - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// Names one session (a UUID on both backends today; treat it as opaque).
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SessionId(pub String);

impl validator::Validate for SessionId {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for SessionId {
    fn from(x: String) -> Self {
        SessionId(x)
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for SessionId {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(SessionId(x.to_string()))
    }
}

impl std::convert::From<SessionId> for String {
    fn from(x: SessionId) -> Self {
        x.0
    }
}

impl std::ops::Deref for SessionId {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for SessionId {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SessionList {
    #[serde(rename = "sessions")]
    #[validate(
            length(max = 100),
          nested,
    )]
    pub sessions: Vec<models::Session>,

}



impl SessionList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(sessions: Vec<models::Session>, ) -> SessionList {
        SessionList {
 sessions,
        }
    }
}

/// Converts the SessionList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SessionList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping sessions in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SessionList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SessionList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub sessions: Vec<Vec<models::Session>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SessionList".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "sessions" => return std::result::Result::Err("Parsing a container in this style is not supported in SessionList".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing SessionList".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SessionList {
            sessions: intermediate_rep.sessions.into_iter().next().ok_or_else(|| "sessions missing in SessionList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SessionList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SessionList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SessionList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for SessionList - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SessionList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <SessionList as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into SessionList - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The password (required unless the account has none), and a current authenticator or backup code.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct StepUpRequest {
    /// A password as the user typed it; any characters.
    #[serde(rename = "password")]
    #[validate(
            length(min = 1, max = 256),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub password: Option<String>,

    /// Either the six digits an authenticator app shows now or a backup code (ten letters and digits, the hyphen optional, letter case ignored). 
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_STEPUPREQUEST_CODE),
    )]
    pub code: String,

}


lazy_static::lazy_static! {
    static ref RE_STEPUPREQUEST_CODE: regex::Regex = regex::Regex::new("^(?:[0-9]{6}|[0-9A-Za-z]{5}-?[0-9A-Za-z]{5})$").unwrap();
}

impl StepUpRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String, ) -> StepUpRequest {
        StepUpRequest {
 password: None,
 code,
        }
    }
}

/// Converts the StepUpRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for StepUpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.password.as_ref().map(|password| {
                [
                    "password".to_string(),
                    password.to_string(),
                ].join(",")
            }),


            Some("code".to_string()),
            Some(self.code.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a StepUpRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for StepUpRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub password: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing StepUpRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep.password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing StepUpRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(StepUpRequest {
            password: intermediate_rep.password.into_iter().next(),
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in StepUpRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<StepUpRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<StepUpRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<StepUpRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for StepUpRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<StepUpRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <StepUpRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into StepUpRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenSet {
    /// JWT with `token_use` = `access`; send it as `Authorization: Bearer`.
    #[serde(rename = "accessToken")]
    pub access_token: String,

    /// JWT with `token_use` = `id`, carrying the profile claims.
    #[serde(rename = "idToken")]
    pub id_token: String,

    /// Opaque; exchange it at `refreshToken`. It rotates on every use.
    #[serde(rename = "refreshToken")]
    pub refresh_token: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "tokenType")]
    pub token_type: String,

    /// Lifetime of the access token in seconds.
    #[serde(rename = "expiresIn")]
    #[validate(
            range(min = 1u32),
    )]
    pub expires_in: u32,

}



impl TokenSet {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(access_token: String, id_token: String, refresh_token: String, token_type: String, expires_in: u32, ) -> TokenSet {
        TokenSet {
 access_token,
 id_token,
 refresh_token,
 token_type,
 expires_in,
        }
    }
}

/// Converts the TokenSet value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("accessToken".to_string()),
            Some(self.access_token.to_string()),


            Some("idToken".to_string()),
            Some(self.id_token.to_string()),


            Some("refreshToken".to_string()),
            Some(self.refresh_token.to_string()),


            Some("tokenType".to_string()),
            Some(self.token_type.to_string()),


            Some("expiresIn".to_string()),
            Some(self.expires_in.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenSet value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenSet {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub access_token: Vec<String>,
            pub id_token: Vec<String>,
            pub refresh_token: Vec<String>,
            pub token_type: Vec<String>,
            pub expires_in: Vec<u32>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenSet".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "accessToken" => intermediate_rep.access_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "idToken" => intermediate_rep.id_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refreshToken" => intermediate_rep.refresh_token.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "tokenType" => intermediate_rep.token_type.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expiresIn" => intermediate_rep.expires_in.push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenSet".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenSet {
            access_token: intermediate_rep.access_token.into_iter().next().ok_or_else(|| "accessToken missing in TokenSet".to_string())?,
            id_token: intermediate_rep.id_token.into_iter().next().ok_or_else(|| "idToken missing in TokenSet".to_string())?,
            refresh_token: intermediate_rep.refresh_token.into_iter().next().ok_or_else(|| "refreshToken missing in TokenSet".to_string())?,
            token_type: intermediate_rep.token_type.into_iter().next().ok_or_else(|| "tokenType missing in TokenSet".to_string())?,
            expires_in: intermediate_rep.expires_in.into_iter().next().ok_or_else(|| "expiresIn missing in TokenSet".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenSet> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenSet>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenSet>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for TokenSet - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<TokenSet> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <TokenSet as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into TokenSet - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The six digits an authenticator app shows now.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TotpCode(pub String);

impl validator::Validate for TotpCode {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for TotpCode {
    fn from(x: String) -> Self {
        TotpCode(x)
    }
}

impl std::fmt::Display for TotpCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for TotpCode {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(TotpCode(x.to_string()))
    }
}

impl std::convert::From<TotpCode> for String {
    fn from(x: TotpCode) -> Self {
        x.0
    }
}

impl std::ops::Deref for TotpCode {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for TotpCode {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UpdateUserRequest {
    /// A person's name: words of letters, separated by one space, hyphen, apostrophe or period, or by a period and a space (\"José Núñez\", \"Zoë O'Brien\", \"J. R. R. Tolkien\"). Letters are those of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Ethiopic, kana, CJK and Hangul blocks, with combining accents; the pattern spells them out as code point ranges so that every regular expression engine reads it alike. Digits, control characters and markup are refused. Stored in Unicode NFC. 
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_UPDATEUSERREQUEST_NAME),
    )]
    pub name: String,

}


lazy_static::lazy_static! {
    static ref RE_UPDATEUSERREQUEST_NAME: regex::Regex = regex::Regex::new("^[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+(?:(?:[ '\\u2019.-]|\\. )[\\u0041-\\u005A\\u0061-\\u007A\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0386\\u0388-\\u03FF\\u0400-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u0561-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u0900-\\u0963\\u0980-\\u09E3\\u0B80-\\u0BE5\\u0E01-\\u0E3A\\u0E40-\\u0E4E\\u10A0-\\u10FF\\u1200-\\u135A\\u1E00-\\u1FFF\\u3041-\\u3096\\u30A1-\\u30FA\\u4E00-\\u9FFF\\uAC00-\\uD7A3]+)*\\.?$").unwrap();
}

impl UpdateUserRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(name: String, ) -> UpdateUserRequest {
        UpdateUserRequest {
 name,
        }
    }
}

/// Converts the UpdateUserRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for UpdateUserRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("name".to_string()),
            Some(self.name.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UpdateUserRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for UpdateUserRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing UpdateUserRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing UpdateUserRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(UpdateUserRequest {
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in UpdateUserRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<UpdateUserRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<UpdateUserRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UpdateUserRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for UpdateUserRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<UpdateUserRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <UpdateUserRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into UpdateUserRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct User {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "email")]
    pub email: String,

    #[serde(rename = "name")]
    pub name: String,

    #[serde(rename = "emailVerified")]
    pub email_verified: bool,

    /// Whether signing in asks for an authenticator or backup code.
    #[serde(rename = "mfaEnabled")]
    pub mfa_enabled: bool,

    /// Granted by an administrator, in name order. Access and id tokens carry them: as the `roles` claim (RFC 9068 §2.2.3.1) when the service signs them, as `cognito:groups` when Cognito does. A change reaches the tokens at the next refresh at the latest. 
    #[serde(rename = "roles")]
    #[validate(
            length(max = 32),
          nested,
    )]
    pub roles: Vec<models::Role>,

    /// Custom attributes set by an administrator, by name (1 to 20 of `a-z0-9_`), each declared in the service's configuration with its own rule. Id tokens carry each as a `custom:NAME` claim on both backends. 
    #[serde(rename = "attributes")]
    #[validate(
            length(max = 50),
    )]
    pub attributes: std::collections::HashMap<String, String>,

    #[serde(rename = "createdAt")]
    pub created_at: chrono::DateTime::<chrono::Utc>,

}



impl User {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: uuid::Uuid, email: String, name: String, email_verified: bool, mfa_enabled: bool, roles: Vec<models::Role>, attributes: std::collections::HashMap<String, String>, created_at: chrono::DateTime::<chrono::Utc>, ) -> User {
        User {
 id,
 email,
 name,
 email_verified,
 mfa_enabled,
 roles,
 attributes,
 created_at,
        }
    }
}

/// Converts the User value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization


            Some("email".to_string()),
            Some(self.email.to_string()),


            Some("name".to_string()),
            Some(self.name.to_string()),


            Some("emailVerified".to_string()),
            Some(self.email_verified.to_string()),


            Some("mfaEnabled".to_string()),
            Some(self.mfa_enabled.to_string()),


            Some("roles".to_string()),
            Some(self.roles.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),

            // Skipping attributes in query parameter serialization

            // Skipping createdAt in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a User value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for User {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub email: Vec<String>,
            pub name: Vec<String>,
            pub email_verified: Vec<bool>,
            pub mfa_enabled: Vec<bool>,
            pub roles: Vec<Vec<models::Role>>,
            pub attributes: Vec<std::collections::HashMap<String, String>>,
            pub created_at: Vec<chrono::DateTime::<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing User".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep.name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "emailVerified" => intermediate_rep.email_verified.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfaEnabled" => intermediate_rep.mfa_enabled.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "roles" => return std::result::Result::Err("Parsing a container in this style is not supported in User".to_string()),
                    "attributes" => return std::result::Result::Err("Parsing a container in this style is not supported in User".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "createdAt" => intermediate_rep.created_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing User".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(User {
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in User".to_string())?,
            email: intermediate_rep.email.into_iter().next().ok_or_else(|| "email missing in User".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in User".to_string())?,
            email_verified: intermediate_rep.email_verified.into_iter().next().ok_or_else(|| "emailVerified missing in User".to_string())?,
            mfa_enabled: intermediate_rep.mfa_enabled.into_iter().next().ok_or_else(|| "mfaEnabled missing in User".to_string())?,
            roles: intermediate_rep.roles.into_iter().next().ok_or_else(|| "roles missing in User".to_string())?,
            attributes: intermediate_rep.attributes.into_iter().next().ok_or_else(|| "attributes missing in User".to_string())?,
            created_at: intermediate_rep.created_at.into_iter().next().ok_or_else(|| "createdAt missing in User".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<User> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<User>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<User>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for User - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<User> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <User as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into User - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A position in the address-ordered list of accounts (the last address of a page); a page's `nextCursor`, present when there may be more, is the next page's `cursor`, which lists the addresses after it.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UserCursor(pub String);

impl validator::Validate for UserCursor {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for UserCursor {
    fn from(x: String) -> Self {
        UserCursor(x)
    }
}

impl std::fmt::Display for UserCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for UserCursor {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(UserCursor(x.to_string()))
    }
}

impl std::convert::From<UserCursor> for String {
    fn from(x: UserCursor) -> Self {
        x.0
    }
}

impl std::ops::Deref for UserCursor {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for UserCursor {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



/// An account's id, a UUID.
#[derive(Debug, Clone, PartialEq, PartialOrd,  serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UserId(pub String);

impl validator::Validate for UserId {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {

        std::result::Result::Ok(())
    }
}

impl std::convert::From<String> for UserId {
    fn from(x: String) -> Self {
        UserId(x)
    }
}

impl std::fmt::Display for UserId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
       write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for UserId {
    type Err = std::string::ParseError;
    fn from_str(x: &str) -> std::result::Result<Self, Self::Err> {
        std::result::Result::Ok(UserId(x.to_string()))
    }
}

impl std::convert::From<UserId> for String {
    fn from(x: UserId) -> Self {
        x.0
    }
}

impl std::ops::Deref for UserId {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl std::ops::DerefMut for UserId {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct VerifyMfaRequest {
    /// The `mfaSession` from `loginUser`.
    #[serde(rename = "session")]
    #[validate(
            length(min = 1, max = 512),
    )]
    pub session: String,

    /// Either the six digits an authenticator app shows now or a backup code (ten letters and digits, the hyphen optional, letter case ignored). 
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_VERIFYMFAREQUEST_CODE),
    )]
    pub code: String,

}


lazy_static::lazy_static! {
    static ref RE_VERIFYMFAREQUEST_CODE: regex::Regex = regex::Regex::new("^(?:[0-9]{6}|[0-9A-Za-z]{5}-?[0-9A-Za-z]{5})$").unwrap();
}

impl VerifyMfaRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(session: String, code: String, ) -> VerifyMfaRequest {
        VerifyMfaRequest {
 session,
 code,
        }
    }
}

/// Converts the VerifyMfaRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for VerifyMfaRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("session".to_string()),
            Some(self.session.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a VerifyMfaRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for VerifyMfaRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub session: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing VerifyMfaRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "session" => intermediate_rep.session.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing VerifyMfaRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(VerifyMfaRequest {
            session: intermediate_rep.session.into_iter().next().ok_or_else(|| "session missing in VerifyMfaRequest".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in VerifyMfaRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<VerifyMfaRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<VerifyMfaRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<VerifyMfaRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for VerifyMfaRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<VerifyMfaRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <VerifyMfaRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into VerifyMfaRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The password (required unless the account has none), and a code of the new authenticator.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct VerifyMfaSetupRequest {
    /// A password as the user typed it; any characters.
    #[serde(rename = "password")]
    #[validate(
            length(min = 1, max = 256),
    )]
    #[serde(default, deserialize_with = "deserialize_present")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub password: Option<String>,

    /// The six digits an authenticator app shows now.
    #[serde(rename = "code")]
    #[validate(
            regex(path = *RE_VERIFYMFASETUPREQUEST_CODE),
    )]
    pub code: String,

}


lazy_static::lazy_static! {
    static ref RE_VERIFYMFASETUPREQUEST_CODE: regex::Regex = regex::Regex::new("^[0-9]{6}$").unwrap();
}

impl VerifyMfaSetupRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String, ) -> VerifyMfaSetupRequest {
        VerifyMfaSetupRequest {
 password: None,
 code,
        }
    }
}

/// Converts the VerifyMfaSetupRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for VerifyMfaSetupRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.password.as_ref().map(|password| {
                [
                    "password".to_string(),
                    password.to_string(),
                ].join(",")
            }),


            Some("code".to_string()),
            Some(self.code.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a VerifyMfaSetupRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for VerifyMfaSetupRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub password: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing VerifyMfaSetupRequest".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep.password.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing VerifyMfaSetupRequest".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(VerifyMfaSetupRequest {
            password: intermediate_rep.password.into_iter().next(),
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in VerifyMfaSetupRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<VerifyMfaSetupRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<VerifyMfaSetupRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<VerifyMfaSetupRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for VerifyMfaSetupRequest - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<VerifyMfaSetupRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <VerifyMfaSetupRequest as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into VerifyMfaSetupRequest - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}


