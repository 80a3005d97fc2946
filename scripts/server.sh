# Starts a throwaway auth-server for a script: a debug build (with the AWS
# backend, which the settings may choose) on a free port
# of 127.0.0.1, with a fresh data directory that is deleted on exit.
# Source this file, then call
#   start_server LOG_FILE [NAME=VALUE ...]
# with extra environment settings for the server. It sets `base_url` and
# `server_pid`, and stops the server when the calling script exits. Then
#   make_admin EMAIL PASSWORD
# registers an account and grants it the admin role, as an operator does.

source "$(dirname "${BASH_SOURCE[0]}")/background.sh"
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"

start_server() {
    local log=$1
    shift
    # With the AWS backend, as the tests build it: nothing is built twice.
    build_debug || return 1
    _server_data=$(mktemp -d "${TMPDIR:-/tmp}/auth-server.XXXXXX")
    trap _stop_all EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    local port
    port=$(free_port)
    base_url="http://127.0.0.1:$port"
    mkdir -p "$(dirname "$log")"
    _server_env=(AUTH_STORAGE__DATA_DIR="$_server_data" "$@")
    env AUTH_SERVER__HOST=127.0.0.1 AUTH_SERVER__PORT="$port" "${_server_env[@]}" \
        target/debug/auth-server >"$log" 2>&1 &
    server_pid=$!
    echo "waiting for the server at $base_url (log: $log)"
    wait_until_answering "the server" "$server_pid" "$base_url/health" "$log"
}

make_admin() {
    local email=$1 password=$2 status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Administrator\"}" \
        "$base_url/auth/register")
    if [ "$status" != 201 ]; then
        echo "could not register the administrator $email: HTTP $status" >&2
        return 1
    fi
    # The same store as the server's: its data directory, or its backend.
    env "${_server_env[@]}" AUTH_LOG__LEVEL=warn target/debug/auth-server admin grant "$email" >/dev/null
}

_stop_server() {
    if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        # The server gives in-flight requests a grace period; don't wait for all of it.
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "${_server_data:-}"
}
