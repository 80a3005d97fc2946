# Starts a throwaway auth-server for a script: a debug build on a free port
# of 127.0.0.1, with a fresh data directory that is deleted on exit.
# Source this file, then call
#   start_server LOG_FILE [NAME=VALUE ...]
# with extra environment settings for the server. It sets `base_url` and
# `server_pid`, and stops the server when the calling script exits.

source "$(dirname "${BASH_SOURCE[0]}")/cleanup.sh"

start_server() {
    local log=$1
    shift
    cargo build --locked --quiet -p auth-service --bin auth-server || return 1
    _server_data=$(mktemp -d "${TMPDIR:-/tmp}/auth-server.XXXXXX")
    trap _stop_all EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    base_url="http://127.0.0.1:$port"
    mkdir -p "$(dirname "$log")"
    env AUTH_SERVER__HOST=127.0.0.1 AUTH_SERVER__PORT="$port" AUTH_STORAGE__DATA_DIR="$_server_data" "$@" \
        target/debug/auth-server >"$log" 2>&1 &
    server_pid=$!
    echo "waiting for the server at $base_url (log: $log)"
    for _ in $(seq 300); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the server exited before answering; last lines of $log:" >&2
            tail -n 20 "$log" >&2
            return 1
        fi
        if curl --silent --fail --max-time 1 "$base_url/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    echo "the server did not answer GET /health within 30 s; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
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
