# One EXIT trap for whatever helpers a script started (scripts/server.sh,
# scripts/moto.sh): each stops what it started, in reverse order.
_stop_all() {
    if declare -F _stop_server >/dev/null; then _stop_server; fi
    if declare -F _stop_moto >/dev/null; then _stop_moto; fi
}
