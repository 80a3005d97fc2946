//! The user pool's custom authentication triggers, which the
//! `auth-challenge` function answers: how the AWS backend gets Cognito's
//! tokens for a federated sign-in, whose person has no password at Cognito
//! (or one the service must not use). The service starts Cognito's
//! `CUSTOM_AUTH` flow as it starts the password flow (admin-initiated, with
//! the client secret's hash), and Cognito asks the triggers:
//!
//! - **DefineAuthChallenge**: the next step, by [`next_step`]: one
//!   [`CUSTOM_CHALLENGE`], then tokens for its right answer; anything else
//!   fails.
//! - **CreateAuthChallenge**: the challenge, a fresh nonce, handed to the
//!   service (public parameters) and kept by Cognito for the check
//!   (private parameters).
//! - **VerifyAuthChallengeResponse**: whether the answer is the service's
//!   MAC of the username and that nonce under the key it shares with the
//!   service, and with nothing else ([`ChallengeKey::verifies`]).
//!
//! Each answer is the event with its `response` filled in, as Cognito
//! expects.

use aws_lambda_events::event::cognito::{
    CognitoEventUserPoolsCreateAuthChallenge, CognitoEventUserPoolsDefineAuthChallenge,
    CognitoEventUserPoolsVerifyAuthChallenge,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::federation::{CUSTOM_CHALLENGE, ChallengeKey, NextStep, challenge_nonce, next_step};

/// The challenge parameter that carries the nonce.
pub const NONCE: &str = "nonce";

/// Why an event was not answered; names what was wrong, never a value.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TriggerError(&'static str);

/// The answer to one trigger event (see the module's documentation).
pub fn respond(key: &ChallengeKey, event: Value) -> Result<Value, TriggerError> {
    let source = event.get("triggerSource").and_then(Value::as_str).unwrap_or_default();
    match source {
        "DefineAuthChallenge_Authentication" => answer(event, |mut event: CognitoEventUserPoolsDefineAuthChallenge| {
            let request = &event.request;
            let answered: Vec<(Option<&str>, bool)> = request
                .session
                .iter()
                .map(|step| {
                    step.as_ref().map_or((None, false), |step| (step.challenge_name.as_deref(), step.challenge_result))
                })
                .collect();
            let step = next_step(&answered, !request.user_not_found);
            event.response.challenge_name = (step == NextStep::Challenge).then(|| CUSTOM_CHALLENGE.to_owned());
            event.response.issue_tokens = step == NextStep::IssueTokens;
            event.response.fail_authentication = step == NextStep::Fail;
            event
        }),
        "CreateAuthChallenge_Authentication" => answer(event, |mut event: CognitoEventUserPoolsCreateAuthChallenge| {
            // Every challenge gets a nonce; DefineAuthChallenge never asks
            // for another kind, and its answer could not verify.
            let nonce = challenge_nonce();
            event.response.public_challenge_parameters.insert(NONCE.to_owned(), nonce.clone());
            event.response.private_challenge_parameters.insert(NONCE.to_owned(), nonce);
            event
        }),
        "VerifyAuthChallengeResponse_Authentication" => {
            answer(event, |mut event: CognitoEventUserPoolsVerifyAuthChallenge| {
                let username = event.cognito_event_user_pools_header.user_name.as_deref();
                let nonce = event.request.private_challenge_parameters.get(NONCE);
                let given = event.request.challenge_answer.as_ref().and_then(Value::as_str);
                event.response.answer_correct = match (username, nonce, given) {
                    (Some(username), Some(nonce), Some(given)) => {
                        !event.request.user_not_found && key.verifies(username, nonce, given)
                    }
                    _ => false,
                };
                event
            })
        }
        _ => Err(TriggerError("not a custom authentication trigger event")),
    }
}

fn answer<E: DeserializeOwned + Serialize>(event: Value, fill: impl FnOnce(E) -> E) -> Result<Value, TriggerError> {
    // serde's message could quote the event: none is passed on.
    let event: E =
        serde_json::from_value(event).map_err(|_| TriggerError("the event does not have its trigger's shape"))?;
    serde_json::to_value(fill(event)).map_err(|_| TriggerError("the answer could not be encoded"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn event(source: &str, request: Value) -> Value {
        json!({
            "version": "1",
            "triggerSource": source,
            "region": "eu-central-1",
            "userPoolId": "eu-central-1_pool",
            "userName": "9f6f6b36-7c0b-4d8e-9f2e-3c1d2b0a1f00",
            "callerContext": {"awsSdkVersion": "aws-sdk-rust", "clientId": "client"},
            "request": request,
            "response": {}
        })
    }

    fn key() -> ChallengeKey {
        ChallengeKey::from_text(&"3".repeat(32).into()).unwrap()
    }

    fn define(session: Value, user_not_found: bool) -> Value {
        let request = json!({"userAttributes": {}, "session": session, "userNotFound": user_not_found});
        respond(&key(), event("DefineAuthChallenge_Authentication", request)).unwrap()["response"].clone()
    }

    #[test]
    fn define_poses_the_challenge_then_issues_tokens_for_its_right_answer() {
        assert_eq!(
            define(json!([]), false),
            json!({"challengeName": "CUSTOM_CHALLENGE", "issueTokens": false, "failAuthentication": false})
        );
        let right = json!([{"challengeName": "CUSTOM_CHALLENGE", "challengeResult": true}]);
        assert_eq!(
            define(right.clone(), false),
            json!({"challengeName": null, "issueTokens": true, "failAuthentication": false})
        );
        let wrong = json!([{"challengeName": "CUSTOM_CHALLENGE", "challengeResult": false}]);
        assert_eq!(define(wrong, false)["failAuthentication"], true);
        assert_eq!(define(json!([]), true)["failAuthentication"], true, "unknown user");
        assert_eq!(define(right, true)["failAuthentication"], true, "unknown user");
    }

    fn create() -> (String, String) {
        let request = json!({"userAttributes": {}, "challengeName": "CUSTOM_CHALLENGE", "session": []});
        let answered = respond(&key(), event("CreateAuthChallenge_Authentication", request)).unwrap();
        let response = &answered["response"];
        let public = response["publicChallengeParameters"][NONCE].as_str().unwrap().to_owned();
        let private = response["privateChallengeParameters"][NONCE].as_str().unwrap().to_owned();
        (public, private)
    }

    #[test]
    fn create_hands_out_a_fresh_nonce_each_time() {
        let (public, private) = create();
        assert_eq!(public, private);
        assert_eq!(public.len(), 43);
        assert_ne!(create().0, public);
    }

    fn verify(user_name: &str, nonce: &str, answer: Value) -> bool {
        let request = json!({
            "userAttributes": {},
            "privateChallengeParameters": {NONCE: nonce},
            "challengeAnswer": answer,
            "userNotFound": false
        });
        let mut event = event("VerifyAuthChallengeResponse_Authentication", request);
        event["userName"] = json!(user_name);
        respond(&key(), event).unwrap()["response"]["answerCorrect"].as_bool().unwrap()
    }

    #[test]
    fn verify_takes_only_the_keys_answer_for_that_user_and_nonce() {
        let user = "9f6f6b36-7c0b-4d8e-9f2e-3c1d2b0a1f00";
        let (_, nonce) = create();
        let answer = key().answer(user, &nonce);
        assert!(verify(user, &nonce, json!(answer)));
        assert!(!verify("another-user", &nonce, json!(answer)));
        assert!(!verify(user, &create().1, json!(answer)), "another challenge's nonce");
        let other_key = ChallengeKey::from_text(&"4".repeat(32).into()).unwrap().answer(user, &nonce);
        assert!(!verify(user, &nonce, json!(other_key)));
        assert!(!verify(user, &nonce, json!(null)));
        assert!(!verify(user, &nonce, json!(42)));
    }

    #[test]
    fn other_events_are_refused_without_quoting_them() {
        let error = respond(&key(), json!({"triggerSource": "PreSignUp_SignUp", "secret": "hunter2"})).unwrap_err();
        assert!(!error.to_string().contains("hunter2"));
        let malformed = json!({"triggerSource": "DefineAuthChallenge_Authentication", "request": "hunter2"});
        let error = respond(&key(), malformed).unwrap_err();
        assert!(!error.to_string().contains("hunter2"), "{error}");
    }
}
