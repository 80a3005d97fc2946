# Starts moto's server on a free port of 127.0.0.1, emulating Cognito and
# DynamoDB for the AWS backend. Source this file (after scripts/tools.sh),
# then call
#   start_moto LOG_FILE
# It sets and exports `TEST_MOTO_URL`, `MOTO_COGNITO_OUTBOX` (where Cognito's
# mail lands; see scripts/moto_cognito.py) and dummy AWS credentials and
# region (moto accepts any), and stops the server when the calling script
# exits.

source "$(dirname "${BASH_SOURCE[0]}")/cleanup.sh"

start_moto() {
    local log=$1 bin port
    bin=$(tools_python) || return 1
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    mkdir -p "$(dirname "$log")"
    MOTO_COGNITO_OUTBOX=$(mktemp -d "${TMPDIR:-/tmp}/moto-outbox.XXXXXX")
    export MOTO_COGNITO_OUTBOX
    "$bin/python" scripts/moto_server.py "$port" >"$log" 2>&1 &
    _moto_pid=$!
    trap _stop_all EXIT
    export TEST_MOTO_URL="http://127.0.0.1:$port"
    export AWS_ACCESS_KEY_ID=moto AWS_SECRET_ACCESS_KEY=moto AWS_REGION=us-east-1
    unset AWS_PROFILE AWS_SESSION_TOKEN
    for _ in $(seq 300); do
        if ! kill -0 "$_moto_pid" 2>/dev/null; then
            echo "moto exited before answering; last lines of $log:" >&2
            tail -n 20 "$log" >&2
            return 1
        fi
        if curl --silent --fail --max-time 1 "$TEST_MOTO_URL/moto-api/" >/dev/null 2>&1; then
            echo "moto is serving at $TEST_MOTO_URL (log: $log)"
            return 0
        fi
        sleep 0.1
    done
    echo "moto did not answer within 30 s; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
}

_stop_moto() {
    if [ -n "${_moto_pid:-}" ]; then
        kill -TERM "$_moto_pid" 2>/dev/null || true
        wait "$_moto_pid" 2>/dev/null || true
    fi
    rm -rf "${MOTO_COGNITO_OUTBOX:-}"
}
