# What the helpers that start a server in the background for a script
# (scripts/server.sh, scripts/moto.sh) share: a free port, a wait for the
# first answer, and one EXIT trap.

# Prints a port of 127.0.0.1 that nothing listens on.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_until_answering NAME PID URL LOG
# Waits up to 30 s for URL to answer with a 2xx while process PID runs;
# otherwise says why, with the last lines of LOG, and fails.
wait_until_answering() {
    local name=$1 pid=$2 url=$3 log=$4
    for _ in $(seq 300); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "$name exited before answering; last lines of $log:" >&2
            tail -n 20 "$log" >&2
            return 1
        fi
        if curl --silent --fail --max-time 1 "$url" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    echo "$name did not answer $url within 30 s; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
}

# One EXIT trap for whatever the helpers started: each stops what it
# started, in reverse order.
_stop_all() {
    if declare -F _stop_server >/dev/null; then _stop_server; fi
    if declare -F _stop_moto >/dev/null; then _stop_moto; fi
}
