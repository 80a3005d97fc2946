//! The domain: values parsed at the edge, the authentication use cases and
//! their errors. Nothing here knows about HTTP or a particular store.

mod activity;
mod admin;
mod attempt;
mod client;
mod clock;
mod deletion;
mod error;
pub mod federated_sign_in;
pub mod federation;
mod mfa;
mod model;
mod notice;
mod policy;
mod roles;
mod second_factor;
mod service;
mod session;
mod values;
mod voiding;

pub use activity::{ACTIVITY_PAGE_DEFAULT, ACTIVITY_PAGE_MAX, Activity, ActivityCursor, ActivityPage};
pub use admin::{
    AccountStatus, AccountUpdate, Admin, Invitation, USERS_PAGE_DEFAULT, USERS_PAGE_MAX, UserCursor, UserPage,
    UserQuery, parse_user_id,
};
pub use client::{AddressGrouping, ClientAddress, DEFAULT_IPV6_PREFIX};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AuthError, FieldProblem, PortError, parse_both, parse_three};
pub use federated_sign_in::{
    APP_STATE_MAX_CHARS, AUTHORIZATION_LIFETIME, BrowserBinding, CODE_LIFETIME, Callback, Exchange, FederatedProvider,
    FederationSettings, StartRequest, Started,
};
pub use mfa::{BackupCodes, MfaEnrollment, MfaSettings, REAUTHENTICATION_MAX_AGE};
pub use model::{Account, Principal, PublicKey, SessionId, TokenSet, User, UserId};
pub use policy::PasswordPolicy;
pub use roles::{
    ATTRIBUTE_VALUE_MAX_CHARS, AccountRules, AccountSettings, Actor, AttributeRule, Attributes, Role, Roles,
};
pub use second_factor::{MfaKey, Sealed};
pub use service::{
    AuthService, Client, Login, LoginLimits, Ports, Registration, ResetSettings, Settings, SignedIn, SignupSettings,
    parse_registration,
};
pub use session::{ActiveSession, LogoutScope, SESSIONS_LISTED, SessionPolicy, device_label};
pub use values::{
    ConfirmationCode, DisplayName, EMAIL_MAX_CHARS, Email, MfaCode, MfaSession, NAME_MAX_CHARS, PASSWORD_MAX_CHARS,
    Password, RefreshToken, TotpCode,
};
