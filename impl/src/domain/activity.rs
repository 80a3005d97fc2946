//! An account's activity: its security history as its user reads it,
//! newest first, a page at a time (cursor pagination).

use chrono::{DateTime, Utc};

use super::error::{AuthError, FieldProblem};
use super::model::Principal;
use super::service::AuthService;
use super::session::device_label;
use crate::ports::{EventPosition, SecurityEventKind};

/// Events a page holds when the caller does not say.
pub const ACTIVITY_PAGE_DEFAULT: usize = 20;
/// The most events a page holds.
pub const ACTIVITY_PAGE_MAX: usize = 100;

/// One entry of the account's activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub kind: SecurityEventKind,
    pub at: DateTime<Utc>,
    pub ip: Option<std::net::IpAddr>,
    /// A readable label of the client's device (see [`device_label`]).
    pub device: String,
    /// The administrator who acted, for what one did.
    pub actor: Option<super::model::UserId>,
}

/// A page of activity, and the cursor of the next one when there is more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityPage {
    pub events: Vec<Activity>,
    pub next_cursor: Option<String>,
}

/// Where a page starts: after the event at this position. Sent to clients
/// as `<milliseconds>-<id>` (the contract's pattern, so that every value
/// it allows is a position); a position in the caller's own history only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityCursor(EventPosition);

impl ActivityCursor {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        let invalid = || FieldProblem::new(field, "invalid_cursor", "must be a nextCursor from an earlier page");
        let (millis, id) = raw.split_once('-').ok_or_else(invalid)?;
        if millis.is_empty() || millis.len() > 15 || !millis.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(invalid());
        }
        let at = millis.parse::<i64>().ok().and_then(DateTime::from_timestamp_millis).ok_or_else(invalid)?;
        let hexadecimal = |byte: u8| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte);
        if id.is_empty() || id.len() > 64 || !id.bytes().all(hexadecimal) {
            return Err(invalid());
        }
        Ok(Self(EventPosition { at, id: id.to_owned() }))
    }

    fn encode(position: &EventPosition) -> String {
        format!("{}-{}", position.at.timestamp_millis().max(0), position.id)
    }
}

impl AuthService {
    /// The caller's account's activity, newest first: `limit` events
    /// (1 to [`ACTIVITY_PAGE_MAX`]) after `cursor`, or from the newest.
    /// Events are kept for 90 days.
    pub async fn activity(
        &self,
        principal: &Principal,
        cursor: Option<&ActivityCursor>,
        limit: usize,
    ) -> Result<ActivityPage, AuthError> {
        self.activity_of(principal.user_id, cursor, limit).await
    }

    /// The activity of the account `user_id`, as [`Self::activity`] pages it.
    pub(super) async fn activity_of(
        &self,
        user_id: super::model::UserId,
        cursor: Option<&ActivityCursor>,
        limit: usize,
    ) -> Result<ActivityPage, AuthError> {
        if !(1..=ACTIVITY_PAGE_MAX).contains(&limit) {
            return Err(FieldProblem::new("limit", "out_of_range", format!("must be 1 to {ACTIVITY_PAGE_MAX}")).into());
        }
        // One more than asked tells whether there is a next page.
        let mut page = self.events.page(user_id, cursor.map(|cursor| &cursor.0), limit + 1).await?;
        let more = page.len() > limit;
        page.truncate(limit);
        let next_cursor = page.last().filter(|_| more).map(|(position, _)| ActivityCursor::encode(position));
        let events = page
            .into_iter()
            .map(|(_, event)| Activity {
                kind: event.kind,
                at: event.at,
                ip: event.ip,
                device: device_label(event.user_agent.as_deref()),
                actor: event.actor,
            })
            .collect();
        Ok(ActivityPage { events, next_cursor })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_the_position_it_encodes() {
        let position =
            EventPosition { at: DateTime::from_timestamp_millis(1_796_000_000_123).unwrap(), id: "1f3a".into() };
        let encoded = ActivityCursor::encode(&position);
        assert_eq!(encoded, "1796000000123-1f3a");
        assert_eq!(ActivityCursor::parse("cursor", &encoded).unwrap(), ActivityCursor(position));
    }

    #[test]
    fn malformed_cursors_are_refused() {
        for raw in ["", "0", "-1f", "12-", "12-XY", "x-1f", "1234567890123456-1f", "12-1f-2", "12.1f"] {
            assert_eq!(ActivityCursor::parse("cursor", raw).unwrap_err().code, "invalid_cursor", "{raw}");
        }
    }
}
