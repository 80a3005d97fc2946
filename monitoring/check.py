"""The monitoring of monitoring/ against a running server, through Prometheus.

With Prometheus scraping the server's metrics listener (scripts/monitoring
starts both), this script:

1. waits for Prometheus's first scrape of the server, and reads the
   counters there;
2. sends three sign-ins with a wrong password and two health checks, and
   waits until Prometheus has scraped them: the sign-in and request
   counters have moved by exactly those requests;
3. checks that Prometheus evaluates every alert rule of the rules file
   without error, and that none is pending or firing;
4. runs every query of the Grafana dashboard, with Grafana's variables
   given values, and checks that each one is valid and that the panels
   over sign-ins and requests show data.

Exits 0 when all of it holds, 1 otherwise, saying what did not.
"""

import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

# What Grafana substitutes in the dashboard's queries.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "15s", "$__range": "1h"}
# Panels that must show data after the requests this script sends.
MUST_SHOW_DATA = {
    "Requests by operation",
    "Client errors by status",
    "Sign-ins by outcome",
    "Port calls: p99 by port and call",
}
WRONG_SIGN_INS = 3


def request(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"content-type": "application/json"} if body is not None else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def query(prometheus, promql):
    status, body = request(f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": promql}))
    answer = json.loads(body)
    if status != 200 or answer.get("status") != "success":
        raise AssertionError(f"{promql}: {answer.get('error', status)}")
    return answer["data"]["result"]


def scalar(prometheus, promql):
    result = query(prometheus, promql)
    return float(result[0]["value"][1]) if result else None


def drive(server):
    for i in range(WRONG_SIGN_INS):
        status, _ = request(
            f"{server}/auth/login",
            {"email": f"nobody-{i}@example.com", "password": "not the password at all"},
        )
        assert status == 401, f"a wrong sign-in answered {status}, not 401"
    for _ in range(2):
        status, _ = request(f"{server}/health")
        assert status == 200, f"getHealth answered {status}"


# What the requests of `drive` add to the series Prometheus scrapes.
MOVED = {
    'sum(auth_sign_ins_total{outcome="invalid_credentials"})': WRONG_SIGN_INS,
    'sum(auth_http_request_duration_seconds_count{operation="loginUser",status="401"})': WRONG_SIGN_INS,
    'sum(auth_http_request_duration_seconds_count{operation="getHealth",status="200"})': 2,
}


def wait_until(prometheus, expected, what):
    deadline = time.monotonic() + 30
    while True:
        seen = {promql: scalar(prometheus, promql) or 0 for promql in expected}
        if seen == expected:
            return seen
        if time.monotonic() > deadline:
            raise AssertionError(f"after 30 s, {what}: Prometheus has {seen}, not {expected}")
        time.sleep(0.5)


def first_scrape(prometheus):
    wait_until(prometheus, {'up{job="auth-service"}': 1}, "the server is not up")
    return {promql: scalar(prometheus, promql) or 0 for promql in MOVED}


def scrape_after(prometheus, before):
    expected = {promql: before[promql] + moved for promql, moved in MOVED.items()}
    wait_until(prometheus, expected, "the counters did not move by the requests")
    return [f"{promql} +{moved}" for promql, moved in MOVED.items()]


def check_rules(prometheus, rules_file):
    declared = {rule["alert"] for group in yaml.safe_load(open(rules_file))["groups"] for rule in group["rules"]}
    deadline = time.monotonic() + 30
    while True:
        _, body = request(f"{prometheus}/api/v1/rules")
        loaded = [rule for group in json.loads(body)["data"]["groups"] for rule in group["rules"]]
        # Prometheus gives a rule not evaluated yet the zero time, year 1.
        evaluated = [rule for rule in loaded if not rule.get("lastEvaluation", "0001").startswith("0001")]
        if {rule["name"] for rule in loaded} == declared and len(evaluated) == len(declared):
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"Prometheus loaded {sorted(r['name'] for r in loaded)}, not {sorted(declared)}")
        time.sleep(0.5)
    broken = [f"{rule['name']}: {rule.get('lastError')}" for rule in loaded if rule["health"] != "ok"]
    assert not broken, f"rules Prometheus cannot evaluate: {broken}"
    active = [f"{rule['name']} ({alert['state']})" for rule in loaded for alert in rule.get("alerts", [])]
    assert not active, f"alerts active after a handful of requests: {active}"
    return f"{len(declared)} rules evaluated, none active"


def check_dashboard(prometheus, dashboard_file):
    dashboard = json.load(open(dashboard_file))
    checked = 0
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            promql = target["expr"]
            for variable, value in GRAFANA_VARIABLES.items():
                promql = promql.replace(variable, value)
            assert "$" not in promql, f"{panel['title']}: unknown variable in {promql}"
            result = query(prometheus, promql)
            # A rate needs two scrapes of a series: the first ones come
            # after the requests.
            deadline = time.monotonic() + 10
            while panel["title"] in MUST_SHOW_DATA and not result and time.monotonic() < deadline:
                time.sleep(0.5)
                result = query(prometheus, promql)
            if panel["title"] in MUST_SHOW_DATA:
                assert result, f"{panel['title']}: no data for {promql}"
            checked += 1
    missing = MUST_SHOW_DATA - {panel["title"] for panel in dashboard["panels"]}
    assert not missing, f"the dashboard has no panel {sorted(missing)}"
    return f"{checked} queries of {len(dashboard['panels'])} panels valid"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--prometheus", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--dashboard", required=True)
    args = parser.parse_args()
    before = {}
    checks = [
        ("first scrape", lambda: before.update(first_scrape(args.prometheus))),
        ("requests", lambda: drive(args.server)),
        ("scrape", lambda: "; ".join(scrape_after(args.prometheus, before))),
        ("alert rules", lambda: check_rules(args.prometheus, args.rules)),
        ("dashboard", lambda: check_dashboard(args.prometheus, args.dashboard)),
    ]
    for name, check in checks:
        try:
            detail = check()
        except AssertionError as error:
            print(f"FAIL {name}: {error}")
            return 1
        print(f"ok   {name}" + (f": {detail}" if detail else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
