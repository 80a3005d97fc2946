//! The domain: values parsed at the edge, the authentication use cases and
//! their errors. Nothing here knows about HTTP or a particular store.

mod clock;
mod error;
mod model;
mod policy;
mod service;
mod values;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AuthError, FieldProblem, PortError, parse_both, parse_three};
pub use model::{Principal, PublicKey, SessionId, TokenSet, User, UserId};
pub use policy::PasswordPolicy;
pub use service::{
    AuthService, Client, LoginLimits, Registration, ResetSettings, SignedIn, SignupSettings, parse_registration,
};
pub use values::{
    ConfirmationCode, DisplayName, EMAIL_MAX_CHARS, Email, NAME_MAX_CHARS, PASSWORD_MAX_CHARS, Password, RefreshToken,
};
