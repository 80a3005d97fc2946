//! The service's metrics, read as Prometheus reads them: a scrape of the
//! metrics listener before and after a scripted flow, each series moved by
//! exactly what the flow did. A binary of its own, because the recorder is
//! the process's and other tests' requests would move it too.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use auth_service::domain::Clock;
use auth_service::metrics;
use reqwest::StatusCode;
use serde_json::json;
use support::{PASSWORD, TestApp, str_field};

/// The series of a scrape in Prometheus's text format, by name and labels.
#[derive(Debug, Default)]
struct Scrape(Vec<(String, BTreeMap<String, String>, f64)>);

impl Scrape {
    fn parse(text: &str) -> Self {
        let series = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| {
                let (series, value) = line.rsplit_once(' ').expect("a series and its value");
                let (name, labels) = match series.split_once('{') {
                    Some((name, labels)) => (name, labels.trim_end_matches('}')),
                    None => (series, ""),
                };
                let labels = labels
                    .split(',')
                    .filter(|pair| !pair.is_empty())
                    .map(|pair| {
                        let (key, value) = pair.split_once('=').expect("a label");
                        (key.to_owned(), value.trim_matches('"').to_owned())
                    })
                    .collect();
                (name.to_owned(), labels, value.parse().expect("a number"))
            })
            .collect();
        Self(series)
    }

    /// The value of the series `name` with exactly `labels`; 0 when absent.
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        let wanted: BTreeMap<String, String> =
            labels.iter().map(|(key, value)| ((*key).to_owned(), (*value).to_owned())).collect();
        self.0.iter().find(|(series, found, _)| series == name && *found == wanted).map_or(0.0, |(_, _, value)| *value)
    }
}

struct Metrics {
    http: reqwest::Client,
    url: String,
}

impl Metrics {
    async fn serve() -> Self {
        let handle = metrics::install().expect("the recorder");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/metrics", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, metrics::router(handle)).await });
        Self { http: reqwest::Client::new(), url }
    }

    async fn scrape(&self) -> Scrape {
        let response = self.http.get(&self.url).send().await.expect("a scrape");
        assert_eq!(response.status(), StatusCode::OK);
        let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
        Scrape::parse(&response.text().await.unwrap())
    }
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.login(email, password).await
}

fn outbox_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.config.storage.data_dir.join("outbox"))
        .map(|entries| {
            entries.filter_map(Result::ok).filter(|entry| entry.file_name().to_string_lossy().ends_with(".eml")).count()
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn each_series_moves_by_exactly_what_the_flow_did() {
    if support::not_on_aws("the embedded backend's hasher and mail are counted") {
        return;
    }
    let metrics = Metrics::serve().await;
    let (app, _) = support::spawn_app_and_service_with(|config| {
        config.login.max_failures_per_account = 3;
        config.login.max_failures_per_ip = 100;
    })
    .await;
    let before = metrics.scrape().await;
    let moved =
        |after: &Scrape, name: &str, labels: &[(&str, &str)]| after.value(name, labels) - before.value(name, labels);

    // Two accounts signed in with their passwords: 2 hashes, 2 checks.
    let ada = app.signed_in_user("ada@example.com").await;
    let grace = app.signed_in_user("grace@example.com").await;
    // Three wrong passwords (3 checks), then the account is locked out (no check).
    for _ in 0..3 {
        assert_eq!(login(&app, "ada@example.com", "a wrong guess").await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(login(&app, "ada@example.com", PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);

    // Grace turns MFA on (a step-up check, and a notice mailed), then
    // signs in with it (a check): one wrong code, then the right one.
    let token = str_field(&grace, "accessToken");
    let setup: serde_json::Value = app.post_authed("/users/me/mfa/setup", token, None).await.json().await.unwrap();
    let totp = totp_rs::Totp::from_url(str_field(&setup, "otpauthUri")).unwrap();
    let code = || totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string();
    let enabled = app.post_authed("/users/me/mfa/verify", token, Some(json!({ "password": PASSWORD, "code": code() })));
    assert_eq!(enabled.await.status(), StatusCode::OK);
    // The next time step: a code works once.
    app.clock.advance(chrono::Duration::seconds(30));
    let challenge: serde_json::Value = login(&app, "grace@example.com", PASSWORD).await.json().await.unwrap();
    let session = str_field(&challenge, "mfaSession");
    let wrong = app.post("/auth/mfa/verify", json!({ "session": session, "code": "000000" })).await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let right = app.post("/auth/mfa/verify", json!({ "session": session, "code": code() })).await;
    assert_eq!(right.status(), StatusCode::OK);

    // Ada's refresh token, rotated and then replayed after the grace window
    // (a notice mailed).
    let stolen = str_field(&ada, "refreshToken");
    assert_eq!(app.refresh(stolen).await.status(), StatusCode::OK);
    app.clock.advance(chrono::Duration::seconds(11));
    assert_eq!(app.refresh(stolen).await.status(), StatusCode::UNAUTHORIZED);

    // A federated sign-in's made-up code, and a callback with a made-up state.
    let verifier = "v".repeat(43);
    let exchange = json!({ "code": "made-up", "codeVerifier": verifier, "redirectUri": "https://app.example/done" });
    assert_eq!(app.post("/auth/federation/token", exchange).await.status(), StatusCode::BAD_REQUEST);
    let callback = app.http.get(app.url("/auth/federation/callback?state=made-up&code=made-up")).send().await.unwrap();
    assert_eq!(callback.status(), StatusCode::BAD_REQUEST);

    // The notices go out after the answers: wait for both.
    let mut after = metrics.scrape().await;
    for _ in 0..100 {
        if outbox_files(&app) == 2 && moved(&after, metrics::MAILS, &[("result", "sent")]) == 2.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        after = metrics.scrape().await;
    }
    assert_eq!(outbox_files(&app), 2);

    let sign_ins = |outcome| moved(&after, metrics::SIGN_INS, &[("outcome", outcome)]);
    assert_eq!(sign_ins("signed_in"), 2.0);
    assert_eq!(sign_ins("invalid_credentials"), 3.0);
    assert_eq!(sign_ins("locked_out"), 1.0);
    assert_eq!(sign_ins("mfa_required"), 1.0);
    assert_eq!(sign_ins("mfa_failed"), 1.0);
    assert_eq!(sign_ins("mfa_passed"), 1.0);
    assert_eq!(sign_ins("invalid_grant"), 1.0);
    assert_eq!(sign_ins("other"), 0.0);
    let callbacks = |outcome| moved(&after, metrics::FEDERATED_CALLBACKS, &[("outcome", outcome)]);
    assert_eq!(callbacks("invalid_state"), 1.0);
    assert_eq!(callbacks("code_issued"), 0.0);
    assert_eq!(moved(&after, metrics::RATE_LIMITED, &[("limit", "password")]), 1.0);
    assert_eq!(moved(&after, metrics::RATE_LIMITED, &[("limit", "second_factor")]), 0.0);
    assert_eq!(moved(&after, metrics::REFRESH_TOKEN_REUSES, &[]), 1.0);
    assert_eq!(moved(&after, metrics::MAILS, &[("result", "sent")]), 2.0);
    assert_eq!(moved(&after, metrics::MAILS, &[("result", "failed")]), 0.0);

    // Port calls: each mail is one call of the mailer, each sign-up one of
    // the identity provider's sign_up, each password checked at sign-in
    // (not the one refused by the lockout) one of its sign_in; nothing failed.
    let port_calls = format!("{}_count", metrics::PORT_CALL_DURATION);
    let calls = |port, call, result| moved(&after, &port_calls, &[("port", port), ("call", call), ("result", result)]);
    assert_eq!(calls("mailer", "send", "ok"), 2.0);
    assert_eq!(calls("identity_provider", "sign_up", "ok"), 2.0);
    let passwords_checked = sign_ins("signed_in") + sign_ins("invalid_credentials") + sign_ins("mfa_required");
    assert_eq!(calls("identity_provider", "sign_in", "ok"), passwords_checked);
    let failed: f64 = after
        .0
        .iter()
        .filter(|(name, labels, _)| *name == port_calls && labels["result"] != "ok")
        .map(|(_, labels, _)| {
            let labels: Vec<(&str, &str)> = labels.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            moved(&after, &port_calls, &labels)
        })
        .sum();
    assert_eq!(failed, 0.0);

    let requests = |operation, status| {
        moved(
            &after,
            &format!("{}_count", metrics::HTTP_REQUEST_DURATION),
            &[("operation", operation), ("status", status)],
        )
    };
    assert_eq!(requests("loginUser", "200"), 3.0);
    assert_eq!(requests("loginUser", "401"), 3.0);
    assert_eq!(requests("loginUser", "429"), 1.0);
    assert_eq!(requests("registerUser", "201"), 2.0);
    assert_eq!(requests("verifyMfa", "400"), 1.0);
    assert_eq!(requests("verifyMfa", "200"), 1.0);
    assert_eq!(requests("refreshToken", "200"), 1.0);
    assert_eq!(requests("refreshToken", "401"), 1.0);
    // Labels come from fixed sets (operationIds, outcomes, ...), never a path.
    for (name, labels, _) in &after.0 {
        for (label, value) in labels {
            if let Some(values) = declared_values(name, label).unwrap() {
                assert!(values.contains(&value.as_str()), "{name}: {label}={value} is not a declared value");
            }
        }
    }

    // 2 hashes and 7 checks (2 sign-ins, 3 wrong passwords, the step-up
    // and Grace's sign-in), each waited for once.
    assert_eq!(moved(&after, &format!("{}_count", metrics::HASHER_QUEUE_WAIT), &[]), 9.0);
    assert_eq!(after.value(metrics::HASHER_BUSY_WORKERS, &[]), 0.0);
    assert!(after.value(metrics::HASHER_WORKERS, &[]) >= 1.0);

    // Every series the scrape has is one the service declares.
    let declared = metrics::series_names();
    for (name, _, _) in &after.0 {
        assert!(declared.contains(name), "{name} is not among metrics::ALL");
    }
}

/// The self-hosting alert rules and Grafana dashboard in `monitoring/`
/// read only series the service exports, and select label values it gives:
/// a misspelt name or value would leave a panel empty and an alert silent
/// (Prometheus answers an empty result, not an error). `scripts/monitoring`
/// runs them against a real Prometheus.
#[test]
fn dashboards_and_alert_rules_read_what_the_service_exports() {
    let rules: serde_json::Value = serde_norway::from_str(&read("monitoring/prometheus/alerts.yml")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&read("monitoring/grafana/auth-service.json")).unwrap();
    let alerts: Vec<(String, String)> = rules["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|group| group["rules"].as_array().unwrap())
        .map(|rule| (str_field(rule, "alert").to_owned(), str_field(rule, "expr").to_owned()))
        .collect();
    let panels: Vec<(String, String)> = dashboard["panels"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|panel| panel["targets"].as_array().unwrap().iter().map(move |target| (panel, target)))
        .map(|(panel, target)| (str_field(panel, "title").to_owned(), str_field(target, "expr").to_owned()))
        .collect();
    assert!(alerts.len() >= 8 && panels.len() >= 11, "{} alerts, {} panel queries", alerts.len(), panels.len());

    let series = metrics::series_names();
    let metric = regex::Regex::new(r"\bauth_[a-z0-9_]+\b").unwrap();
    let selector = regex::Regex::new(r"\b(auth_[a-z0-9_]+)\{([^}]*)\}").unwrap();
    let matcher = regex::Regex::new(r#"([a-z_]+)\s*(=~|!~|!=|=)\s*"([^"]*)""#).unwrap();
    for (name, expr) in alerts.iter().chain(&panels) {
        let used: Vec<&str> = metric.find_iter(expr).map(|found| found.as_str()).collect();
        assert!(!used.is_empty() || expr.starts_with("up{"), "{name}: reads no series of the service: {expr}");
        for used in used {
            assert!(series.iter().any(|known| known == used), "{name}: {used} is not a series the service exports");
        }
        for selected in selector.captures_iter(expr) {
            let read = &selected[1];
            for matched in matcher.captures_iter(&selected[2]) {
                let (label, value) = (&matched[1], &matched[3]);
                let Some(values) = declared_values(read, label).unwrap_or_else(|problem| panic!("{name}: {problem}"))
                else {
                    continue;
                };
                // Each alternative of a regular expression selects some value.
                for alternative in value.split('|') {
                    let pattern = regex::Regex::new(&format!("^(?:{alternative})$")).unwrap();
                    assert!(
                        values.iter().any(|known| pattern.is_match(known)),
                        "{name}: {read}{{{label}={alternative}}} selects no value the service gives"
                    );
                }
            }
        }
    }
}

/// The values `label` takes on `series` (a metric, or a histogram's
/// `_bucket`, `_sum` or `_count`): `None` for the labels that take free
/// values (a request's `status`, a bucket's `le`), an error for a label the
/// metric does not have.
fn declared_values(series: &str, label: &str) -> Result<Option<Vec<&'static str>>, String> {
    let metric = metrics::HISTOGRAMS
        .into_iter()
        .find(|histogram| ["_bucket", "_sum", "_count"].iter().any(|suffix| series == format!("{histogram}{suffix}")))
        .unwrap_or(series);
    if (label == "le" && metrics::HISTOGRAMS.contains(&metric))
        || (label == "status" && metric == metrics::HTTP_REQUEST_DURATION)
    {
        return Ok(None);
    }
    metrics::label_values()
        .into_iter()
        .find(|(known, known_label, _)| *known == metric && *known_label == label)
        .map(|(_, _, values)| Some(values))
        .ok_or_else(|| format!("{series} has no label {label}"))
}

/// The AWS deployment's CloudWatch dashboard reads the functions' own
/// metrics (Embedded Metric Format, in the namespace the template gives
/// them) by names and dimensions the service writes: each dimension is a
/// label.
#[test]
fn the_cloudwatch_dashboard_reads_what_the_functions_write() {
    let template: serde_norway::Value = serde_norway::from_str(&read("infra/template.yaml")).unwrap();
    let namespace = "${AWS::StackName}";
    let configured = &template["Globals"]["Function"]["Environment"]["Variables"]["AUTH_METRICS__CLOUDWATCH_NAMESPACE"];
    assert_eq!(serde_norway::to_string(configured).unwrap().trim(), "!Ref AWS::StackName");
    let serde_norway::Value::Tagged(body) = &template["Resources"]["Dashboard"]["Properties"]["DashboardBody"] else {
        panic!("the dashboard's body is not a !Sub");
    };
    let dashboard: serde_json::Value = serde_json::from_str(body.value.as_str().unwrap()).unwrap();

    let search = regex::Regex::new(r#"^SEARCH\('\{\$\{AWS::StackName\},([a-z_,]+)\} MetricName="([a-z_]+)"'"#).unwrap();
    let mut read_series = Vec::new();
    for widget in dashboard["widgets"].as_array().unwrap() {
        for metric in widget["properties"]["metrics"].as_array().unwrap() {
            let metric = metric.as_array().unwrap();
            let (name, dimensions): (String, Vec<String>) = match &metric[0] {
                serde_json::Value::Object(query) => {
                    let expression = query["expression"].as_str().unwrap();
                    let Some(found) = search.captures(expression) else {
                        assert!(
                            !expression.contains(namespace),
                            "an expression over the service's metrics: {expression}"
                        );
                        continue;
                    };
                    (found[2].to_owned(), found[1].split(',').map(str::to_owned).collect())
                }
                serde_json::Value::String(metric_namespace) if metric_namespace == namespace => {
                    let pairs: Vec<&str> = metric[2..].iter().filter_map(|part| part.as_str()).collect();
                    let name = metric[1].as_str().expect("a metric name");
                    (name.to_owned(), pairs.chunks(2).map(|pair| pair[0].to_owned()).collect())
                }
                _ => continue,
            };
            assert!(
                metrics::ALL.contains(&name.as_str()),
                "the dashboard reads {name}, which the service does not write"
            );
            for dimension in &dimensions {
                declared_values(&name, dimension).unwrap_or_else(|problem| panic!("the dashboard: {problem}"));
            }
            read_series.push(name);
        }
    }
    for name in [
        metrics::SIGN_INS,
        metrics::HTTP_REQUEST_DURATION,
        metrics::RATE_LIMITED,
        metrics::REFRESH_TOKEN_REUSES,
        metrics::MAILS,
    ] {
        assert!(read_series.iter().any(|read| read == name), "the dashboard does not show {name}");
    }
}

fn read(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}
