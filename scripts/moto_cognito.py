"""Brings moto's Cognito closer to Cognito where the service depends on it.

moto 5.2.5 accepts any confirmation code, lacks ResendConfirmationCode,
checks password reset codes only when they carry its own prefix, answers
ResourceNotFound for a reset of an unknown user and signs in accounts that
are not confirmed. Cognito, with PreventUserExistenceErrors on as
infra/template.yaml sets it, does none of that. Here, as in Cognito:

- sign-up, resend and forgot-password mail a 6-digit code (written as an
  .eml file to the directory in MOTO_OUTBOX, when set; see moto_outbox.py);
- ConfirmSignUp and ConfirmForgotPassword take only that code, once, and
  answer CodeMismatchException otherwise, unknown users included;
  ConfirmSignUp of a confirmed account is NotAuthorizedException;
- ResendConfirmationCode exists;
- a right password for an unconfirmed account is UserNotConfirmedException;
- AdminInitiateAuth's CUSTOM_AUTH flow and its CUSTOM_CHALLENGE answer
  (AdminRespondToAuthChallenge) exist, for a client that allows
  ALLOW_CUSTOM_AUTH, with the client secret's hash, and run the pool's
  DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse
  triggers as Cognito does: one event each, answered by the command in
  MOTO_COGNITO_TRIGGER (`auth-challenge invoke`), which reads the event on
  stdin and writes it back with its response filled in.
"""

import json
import os
import secrets
import shlex
import subprocess
import uuid

from moto.cognitoidp import responses
from moto.cognitoidp.exceptions import (
    CodeMismatchException,
    InvalidParameterException,
    NotAuthorizedError,
    ResourceNotFoundError,
    UserNotConfirmedException,
)
from moto.cognitoidp.models import CognitoIdpBackend, UserStatus
from moto.cognitoidp.utils import check_secret_hash
from moto.core.exceptions import JsonRESTError
from moto.core.responses import ActionResult, EmptyResult

import moto_outbox

CONFIRM_LEAD = "Your confirmation code is"
RESET_LEAD = "Your password reset code is"
MISMATCH = "Invalid verification code provided, please try again."


def _mail(user, subject, lead, code):
    email = user.attribute_lookup.get("email")
    if email:
        moto_outbox.deliver(
            f"From: no-reply@verificationemail.com\r\nTo: {email}\r\nSubject: {subject}\r\n\r\n{lead} {code}.\r\n"
        )


def _new_code():
    return f"{secrets.randbelow(1_000_000):06d}"


def _send_confirmation(user):
    user.signup_code = _new_code()
    _mail(user, "Your verification code", CONFIRM_LEAD, user.signup_code)


def _pool_and_user(backend, client_id, username):
    for pool in backend.user_pools.values():
        if client_id in pool.clients:
            return pool, pool._get_user(username)
    raise ResourceNotFoundError(client_id)


def _backend(response):
    return response._get_region_agnostic_backend()._find_backend_for_clientid(response._get_param("ClientId"))


_original_sign_up = CognitoIdpBackend.sign_up


def sign_up(self, client_id, username, password, attributes):
    user, details = _original_sign_up(self, client_id, username, password, attributes)
    if user.status == UserStatus.UNCONFIRMED:
        _send_confirmation(user)
    return user, details


def confirm_sign_up_response(self):
    backend = _backend(self)
    _, user = _pool_and_user(backend, self._get_param("ClientId"), self._get_param("Username"))
    if user is None:
        raise CodeMismatchException(MISMATCH)
    if user.status == UserStatus.CONFIRMED:
        raise NotAuthorizedError("User cannot be confirmed. Current status is CONFIRMED")
    expected = getattr(user, "signup_code", None)
    if expected is None or not secrets.compare_digest(expected, self._get_param("ConfirmationCode") or ""):
        raise CodeMismatchException(MISMATCH)
    user.status = UserStatus.CONFIRMED
    user.signup_code = None
    return EmptyResult()


def resend_confirmation_code_response(self):
    backend = _backend(self)
    _, user = _pool_and_user(backend, self._get_param("ClientId"), self._get_param("Username"))
    details = {"Destination": "u***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    if user is not None:
        if user.status == UserStatus.CONFIRMED:
            raise InvalidParameterException("User is already confirmed.")
        _send_confirmation(user)
    return ActionResult({"CodeDeliveryDetails": details})


_original_forgot_password = CognitoIdpBackend.forgot_password


def forgot_password(self, client_id, username):
    _, response = _original_forgot_password(self, client_id, username)
    _, user = _pool_and_user(self, client_id, username)
    if user is not None:
        user.confirmation_code = _new_code()
        _mail(user, "Your password reset code", RESET_LEAD, user.confirmation_code)
    return None, response


def confirm_forgot_password(self, client_id, username, password, confirmation_code):
    pool, user = _pool_and_user(self, client_id, username)
    expected = getattr(user, "confirmation_code", None) if user is not None else None
    if expected is None or not secrets.compare_digest(expected, confirmation_code or ""):
        raise CodeMismatchException(MISMATCH)
    self._validate_password(pool.id, password)
    user.password = password
    user.confirmation_code = None


class UnexpectedLambdaException(JsonRESTError):
    def __init__(self, message):
        super().__init__("UnexpectedLambdaException", message)


TRIGGER_SOURCES = {
    "DefineAuthChallenge": "DefineAuthChallenge_Authentication",
    "CreateAuthChallenge": "CreateAuthChallenge_Authentication",
    "VerifyAuthChallengeResponse": "VerifyAuthChallengeResponse_Authentication",
}
FAILED = "Incorrect username or password."

# Open custom challenges by session: pool, client id, user and the
# challenge's private parameters. A session is answered once.
_custom_sessions = {}


def _run_trigger(pool, trigger, user, client_id, request):
    if not pool.extended_config.get("LambdaConfig", {}).get(trigger):
        raise InvalidParameterException(f"{trigger} lambda trigger is not configured for the user pool.")
    command = os.environ.get("MOTO_COGNITO_TRIGGER")
    if not command:
        raise UnexpectedLambdaException("MOTO_COGNITO_TRIGGER names no command that runs the pool's triggers")
    attributes = {attribute["Name"]: attribute["Value"] for attribute in user.attributes}
    event = {
        "version": "1",
        "triggerSource": TRIGGER_SOURCES[trigger],
        "region": pool.region,
        "userPoolId": pool.id,
        "userName": user.username,
        "callerContext": {"awsSdkVersion": "moto", "clientId": client_id},
        "request": {"userAttributes": attributes, "userNotFound": False, **request},
        "response": {},
    }
    done = subprocess.run(
        shlex.split(command), input=json.dumps(event), capture_output=True, text=True, timeout=30, check=False
    )
    if done.returncode != 0:
        raise UnexpectedLambdaException(f"{trigger} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)["response"]


def _custom_client(self, pool, client_id, username, secret_hash):
    client = pool.clients.get(client_id)
    if client is None:
        raise ResourceNotFoundError(client_id)
    if "ALLOW_CUSTOM_AUTH" not in client.extended_config.get("ExplicitAuthFlows", []):
        raise InvalidParameterException("Custom auth flow is not enabled for this client.")
    if client.generate_secret and not check_secret_hash(client.secret, client.id, username or "", secret_hash):
        raise NotAuthorizedError(f"Client {client_id} is configured with secret but SECRET_HASH was not received")
    return client


def _start_custom_auth(self, user_pool_id, client_id, auth_parameters):
    pool = self.describe_user_pool(user_pool_id)
    username = auth_parameters.get("USERNAME")
    client = _custom_client(self, pool, client_id, username, auth_parameters.get("SECRET_HASH"))
    user = pool._get_user(username)
    if user is None or not user.enabled:
        raise NotAuthorizedError(FAILED)
    if user.status != UserStatus.CONFIRMED:
        raise UserNotConfirmedException("User is not confirmed.")
    define = _run_trigger(pool, "DefineAuthChallenge", user, client_id, {"session": []})
    if define.get("issueTokens") and not define.get("failAuthentication"):
        return self._log_user_in(pool, client, user.username)
    if define.get("failAuthentication") or define.get("challengeName") != "CUSTOM_CHALLENGE":
        raise NotAuthorizedError(FAILED)
    create = _run_trigger(
        pool, "CreateAuthChallenge", user, client_id, {"challengeName": "CUSTOM_CHALLENGE", "session": []}
    )
    session = str(uuid.uuid4())
    _custom_sessions[session] = (pool, client_id, user, create.get("privateChallengeParameters") or {})
    parameters = {**(create.get("publicChallengeParameters") or {}), "USERNAME": user.username}
    return {"ChallengeName": "CUSTOM_CHALLENGE", "Session": session, "ChallengeParameters": parameters}


_original_admin_respond_to_auth_challenge = CognitoIdpBackend.admin_respond_to_auth_challenge


def admin_respond_to_auth_challenge(self, session, client_id, challenge_name, challenge_responses):
    if challenge_name != "CUSTOM_CHALLENGE":
        return _original_admin_respond_to_auth_challenge(self, session, client_id, challenge_name, challenge_responses)
    opened = _custom_sessions.pop(session, None)
    if opened is None:
        raise NotAuthorizedError("Invalid session for the user.")
    pool, opened_for, user, private = opened
    username = challenge_responses.get("USERNAME")
    client = _custom_client(self, pool, client_id, username, challenge_responses.get("SECRET_HASH"))
    if client_id != opened_for or pool._get_user(username) is not user:
        raise NotAuthorizedError("Invalid session for the user.")
    verify = _run_trigger(
        pool,
        "VerifyAuthChallengeResponse",
        user,
        client_id,
        {"privateChallengeParameters": private, "challengeAnswer": challenge_responses.get("ANSWER")},
    )
    answered = [{"challengeName": "CUSTOM_CHALLENGE", "challengeResult": bool(verify.get("answerCorrect"))}]
    define = _run_trigger(pool, "DefineAuthChallenge", user, client_id, {"session": answered})
    if define.get("issueTokens") and not define.get("failAuthentication"):
        return self._log_user_in(pool, client, user.username)
    raise NotAuthorizedError(FAILED)


_original_admin_initiate_auth = CognitoIdpBackend.admin_initiate_auth


def admin_initiate_auth(self, user_pool_id, client_id, auth_flow, auth_parameters):
    if auth_flow == "CUSTOM_AUTH":
        return _start_custom_auth(self, user_pool_id, client_id, auth_parameters)
    if auth_flow in ("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"):
        pool = self.describe_user_pool(user_pool_id)
        user = pool._get_user(auth_parameters.get("USERNAME"))
        if user is not None and user.password == auth_parameters.get("PASSWORD"):
            if user.status == UserStatus.UNCONFIRMED:
                raise UserNotConfirmedException("User is not confirmed.")
    return _original_admin_initiate_auth(self, user_pool_id, client_id, auth_flow, auth_parameters)


def install():
    CognitoIdpBackend.sign_up = sign_up
    CognitoIdpBackend.forgot_password = forgot_password
    CognitoIdpBackend.confirm_forgot_password = confirm_forgot_password
    CognitoIdpBackend.admin_initiate_auth = admin_initiate_auth
    CognitoIdpBackend.admin_respond_to_auth_challenge = admin_respond_to_auth_challenge
    responses.CognitoIdpResponse.confirm_sign_up = confirm_sign_up_response
    responses.CognitoIdpResponse.resend_confirmation_code = resend_confirmation_code_response
