# Starts moto's server on a free port of 127.0.0.1, emulating Cognito,
# DynamoDB and SES for the AWS backend. Source this file (after scripts/tools.sh),
# then call
#   start_moto LOG_FILE
# It sets and exports `TEST_MOTO_URL`, `MOTO_OUTBOX` (where the mail of
# Cognito and SES lands; see scripts/moto_outbox.py) and dummy AWS credentials and
# region (moto accepts any), and stops the server when the calling script
# exits.
#
# Cognito's custom authentication triggers run as `auth-challenge invoke`
# (scripts/moto_cognito.py), from `MOTO_COGNITO_TRIGGER` if set, else the
# debug build's, with the key they share with the service in
# `MOTO_CUSTOM_AUTH_KEY` (a new one unless set), which start_moto exports:
# the service must use the same key (`aws.custom_auth_key`).

source "$(dirname "${BASH_SOURCE[0]}")/background.sh"
_moto_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

start_moto() {
    local log=$1 bin port
    bin=$(tools_python) || return 1
    port=$(free_port)
    mkdir -p "$(dirname "$log")"
    MOTO_OUTBOX=$(mktemp -d "${TMPDIR:-/tmp}/moto-outbox.XXXXXX")
    export MOTO_OUTBOX
    MOTO_CUSTOM_AUTH_KEY=${MOTO_CUSTOM_AUTH_KEY:-$(head -c 32 /dev/urandom | base64)}
    export MOTO_CUSTOM_AUTH_KEY
    AUTH_AWS__CUSTOM_AUTH_KEY="$MOTO_CUSTOM_AUTH_KEY" \
        MOTO_COGNITO_TRIGGER="${MOTO_COGNITO_TRIGGER:-$_moto_root/target/debug/auth-challenge invoke}" \
        "$bin/python" scripts/moto_server.py "$port" >"$log" 2>&1 &
    _moto_pid=$!
    trap _stop_all EXIT
    export TEST_MOTO_URL="http://127.0.0.1:$port"
    export AWS_ACCESS_KEY_ID=moto AWS_SECRET_ACCESS_KEY=moto AWS_REGION=us-east-1
    unset AWS_PROFILE AWS_SESSION_TOKEN
    wait_until_answering moto "$_moto_pid" "$TEST_MOTO_URL/moto-api/" "$log" || return 1
    echo "moto is serving at $TEST_MOTO_URL (log: $log)"
}

_stop_moto() {
    if [ -n "${_moto_pid:-}" ]; then
        kill -TERM "$_moto_pid" 2>/dev/null || true
        wait "$_moto_pid" 2>/dev/null || true
    fi
    rm -rf "${MOTO_OUTBOX:-}"
}
