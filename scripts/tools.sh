# Pinned developer tools, installed on first use under .tools/ (git-ignored).
# Source this file; it defines functions and changes nothing until one is called.

TOOLS_DIR="${TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools}"

OPENAPI_GENERATOR_VERSION=7.26.0

# A Python virtual environment with the pinned Python tools.
tools_python() {
    local venv="$TOOLS_DIR/venv" want="$TOOLS_DIR/../scripts/requirements-tools.txt"
    if [ ! -x "$venv/bin/python" ] || ! cmp -s "$want" "$venv/.requirements"; then
        echo "installing Python tools into $venv" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$want"
        cp "$want" "$venv/.requirements"
    fi
    echo "$venv/bin"
}

# The openapi-generator jar shipped by the pinned PyPI package.
tools_openapi_generator_jar() {
    local bin
    bin=$(tools_python) || return 1
    "$bin/python" -c 'import openapi_generator_cli, os; print(os.path.join(os.path.dirname(openapi_generator_cli.__file__), "openapi-generator.jar"))'
}

# Node tools pinned by scripts/package.json and its lock file.
tools_node() {
    local dir="$TOOLS_DIR/node" root="$TOOLS_DIR/.."
    if [ ! -d "$dir/node_modules" ] || ! cmp -s "$root/scripts/package-lock.json" "$dir/package-lock.json"; then
        echo "installing Node tools into $dir" >&2
        mkdir -p "$dir"
        cp "$root/scripts/package.json" "$root/scripts/package-lock.json" "$dir/"
        # playwright-core drives the system's Chromium (tools_chromium):
        # nothing is downloaded beside the npm packages.
        (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund) >&2
    fi
    echo "$dir/node_modules/.bin"
}

CHROMIUM_VERSION=156.0.8078.114-1~deb12u1

# Chromium from Debian's packages (installing it needs root), for the
# federated sign-in's browser test; prints the browser's path.
tools_chromium() {
    if [ "$(dpkg-query -W -f '${Version}' chromium 2>/dev/null)" != "$CHROMIUM_VERSION" ]; then
        echo "installing chromium $CHROMIUM_VERSION from Debian's packages" >&2
        { apt-get update -qq && apt-get install -qq -y --no-install-recommends "chromium=$CHROMIUM_VERSION"; } >&2 || return 1
    fi
    command -v chromium
}

WRK_VERSION=4.1.0-3+b2

# wrk, the HTTP load generator, from Debian's packages (installing it needs root).
tools_wrk() {
    if [ "$(dpkg-query -W -f '${Version}' wrk 2>/dev/null)" != "$WRK_VERSION" ]; then
        echo "installing wrk $WRK_VERSION from Debian's packages" >&2
        { apt-get update -qq && apt-get install -qq -y --no-install-recommends "wrk=$WRK_VERSION"; } >&2 || return 1
    fi
    command -v wrk
}

PROMETHEUS_VERSION=2.42.0+ds-5+deb12u1

# Prometheus and promtool from Debian's packages (installing them needs root);
# prints the directory that holds both.
tools_prometheus() {
    if [ "$(dpkg-query -W -f '${Version}' prometheus 2>/dev/null)" != "$PROMETHEUS_VERSION" ]; then
        echo "installing Prometheus $PROMETHEUS_VERSION from Debian's packages" >&2
        { apt-get update -qq && apt-get install -qq -y --no-install-recommends "prometheus=$PROMETHEUS_VERSION"; } >&2 || return 1
    fi
    dirname "$(command -v promtool)"
}
