"""Prometheus rules: thresholds from baselines and SLOs, configurable names, and the
real promtool checking and unit-testing the generated file."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, timedelta

import polars as pl
import pytest
import yaml
from click.testing import CliRunner

from anomaly.export import (
    build_prometheus_rules,
    learn_baselines,
    load_alerting_config,
    write_prometheus_rules,
)

BASELINES = pl.DataFrame({
    "service": ["checkout", "cart", "search", "batch"],
    "typical_error_rate": [0.004, 0.002, 0.005, 0.01],
})
CATALOG = pl.DataFrame({
    "service": ["checkout", "cart", "search", "batch", "ledger"],
    "team": ["payments", "shopping", "discovery", "platform", "finance"],
    "tier": [1, 1, 2, 3, 1],
    "slo_error_rate": [0.005, 0.001, 0.01, 0.02, None],
})


def _promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("promtool is missing in CI: run scripts/system-deps.sh (make test does)")
        pytest.skip("promtool not installed (Debian package prometheus; scripts/system-deps.sh)")
    return path


def _alerts(doc):
    return doc["groups"][1]["rules"]


def test_thresholds_are_computed_from_baseline_and_slo():
    rules = _alerts(build_prometheus_rules(BASELINES, CATALOG))
    rate = {r["expr"].split('"')[1]: r for r in rules if r["alert"] == "FaultlineErrorRateHigh"}
    # max(typical * 2, slo, 0.001)
    assert rate["checkout"]["expr"].startswith(
        'faultline:service_error_ratio:rate5m{service="checkout"} > 0.008 and ')
    assert " > 0.004 and " in rate["cart"]["expr"]
    assert " > 0.01 and " in rate["search"]["expr"]
    assert " > 0.02 and " in rate["batch"]["expr"]
    assert rate["checkout"]["for"] == "10m"
    assert rate["checkout"]["labels"] == {"severity": "warning", "team": "payments"}
    burn = [(r["expr"].split('"')[1], r["labels"]["window"], r["expr"].split(" > ")[1].split(" ")[0],
             r["for"], r["labels"]["severity"]) for r in rules if r["alert"] == "FaultlineErrorBudgetBurn"]
    assert ("checkout", "fast", "0.072", "2m", "critical") in burn
    assert ("checkout", "medium", "0.03", "15m", "critical") in burn
    assert ("checkout", "slow", "0.005", "1h", "warning") in burn
    assert ("cart", "fast", "0.0144", "2m", "critical") in burn
    # 14.4 * 0.1 >= 1 can never fire: left out; ledger has no SLO and no baseline
    big = build_prometheus_rules([], [{"service": "x", "team": "t", "slo_error_rate": 0.1}])
    assert [r["labels"]["window"] for r in _alerts(big)] == ["medium", "slow"]
    assert not any('"ledger"' in r["expr"] for r in rules)


def test_names_follow_the_users_instrumentation():
    cfg = load_alerting_config(overrides={"prometheus": {
        "requests_metric": "http_server_request_duration_seconds_count",
        "service_label": "service_name", "status_label": "http_response_status_code",
        "extra_selector": 'deployment_environment="prod"', "team_label": "owner",
        "severity_label": "level"}})
    doc = build_prometheus_rules(BASELINES, CATALOG, config=cfg)
    rec = doc["groups"][0]["rules"]
    assert rec[1]["expr"].startswith(
        "(sum by (service_name) (rate(http_server_request_duration_seconds_count"
        '{http_response_status_code=~"5..", deployment_environment="prod"}[5m]))')
    alert = _alerts(doc)[0]
    assert 'service_name="batch"' in alert["expr"]
    assert set(alert["labels"]) == {"level", "owner"}


def test_service_names_are_quoted_safely():
    doc = build_prometheus_rules([{"service": 'we"ird\\name', "typical_error_rate": 0.01}], None)
    assert '{service="we\\"ird\\\\name"}' in _alerts(doc)[0]["expr"]


@pytest.mark.parametrize("override, message", [
    ({"service_label": "service-name"}, "service_label is not a valid"),
    ({"requests_metric": "http requests"}, "requests_metric is not a valid"),
    ({"error_rate_for": "ten minutes"}, "error_rate_for must be a Prometheus duration"),
    ({"error_status_regex": "5(("}, "not a valid regular expression"),
])
def test_bad_names_are_refused(override, message):
    cfg = load_alerting_config(overrides={"prometheus": override})
    with pytest.raises(ValueError, match=message):
        build_prometheus_rules(BASELINES, CATALOG, config=cfg)


def test_learn_baselines_leaves_out_flagged_and_undefined_minutes():
    t0 = datetime(2026, 3, 1)
    n = 200
    rates = [0.001 * (i % 5) for i in range(n)]  # 0 .. 0.004
    frame = pl.DataFrame({
        "service": ["a"] * n + ["b"] * 10 + ["c"] * n,
        "minute": [t0 + timedelta(minutes=i) for i in range(n)] + [t0] * 10
        + [t0 + timedelta(minutes=i) for i in range(n)],
        "error_rate": rates + [0.5] * 10 + [None] * n,
    })
    spikes = frame.filter(pl.col("service") == "a").head(3).with_columns(
        pl.lit(0.9).alias("error_rate"))
    frame = pl.concat([frame.filter(~((pl.col("service") == "a")
                                      & (pl.col("minute") < t0 + timedelta(minutes=3)))), spikes])
    anomalies = pl.DataFrame({"service": ["a"] * 3, "component": [None] * 3,
                              "minute": [t0 + timedelta(minutes=i) for i in range(3)],
                              "is_anomaly": [True] * 3})
    got = learn_baselines(frame, anomalies=anomalies, quantile=0.5, min_minutes=60)
    # b has 10 minutes (< 60) and c none with a rate: no baseline
    assert got["service"].to_list() == ["a"]
    assert got["count_minutes"].to_list() == [197]
    assert got["typical_error_rate"].to_list() == pytest.approx([0.002])
    # without the anomalies the three spikes count
    assert learn_baselines(frame, quantile=0.999)["typical_error_rate"][0] == pytest.approx(0.9)


def test_promtool_checks_the_written_file(tmp_path):
    promtool = _promtool()
    for cfg in (load_alerting_config(), load_alerting_config(overrides={"prometheus": {
            "requests_metric": "http_server_request_duration_seconds_count",
            "service_label": "service_name", "status_label": "http_response_status_code"}})):
        path = write_prometheus_rules(build_prometheus_rules(BASELINES, CATALOG, config=cfg),
                                      tmp_path / "rules.yml")
        proc = subprocess.run([promtool, "check", "rules", str(path)], capture_output=True,
                              text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "SUCCESS" in proc.stdout


def _alert(name, service, team, severity, summary, description, window=None):
    labels = {"service": service, "severity": severity, "team": team}
    if window:
        labels["window"] = window
    anchor = name.lower()
    return {"exp_labels": labels, "exp_annotations": {
        "summary": summary, "description": description,
        "runbook_url": f"docs/alerting.md#{anchor}"}}


def test_promtool_unit_tests_fire_and_do_not_fire(tmp_path):
    """Input series with hand-computed error ratios:

    * checkout: 100 errors per 1100 requests a minute = 9.091%: above its error-rate
      threshold (0.8%), the fast (7.2%) and medium (3%) burn limits, so those fire; the
      slow burn (0.5%, for 1h) is still pending at 30m and fires by 90m.
    * cart: 3 per 1003 = 0.299%: under its error-rate threshold (0.4%) and the fast
      (1.44%) and medium (0.6%) limits; above the slow limit (0.1%): only that fires.
    * search: 1 per 1001 = 0.0999%: nothing fires.
    * batch: half its requests fail, but at 0.1 requests a minute (under the 0.1/s
      guard): nothing fires.
    """
    promtool = _promtool()
    write_prometheus_rules(build_prometheus_rules(BASELINES, CATALOG), tmp_path / "rules.yml")
    series = [
        ('http_requests_total{service="checkout",code="200"}', "0+1000x180"),
        ('http_requests_total{service="checkout",code="503"}', "0+100x180"),
        ('http_requests_total{service="cart",code="200"}', "0+1000x180"),
        ('http_requests_total{service="cart",code="500"}', "0+3x180"),
        ('http_requests_total{service="search",code="200"}', "0+1000x180"),
        ('http_requests_total{service="search",code="500"}', "0+1x180"),
        ('http_requests_total{service="batch",code="200"}', "0+0.05x180"),
        ('http_requests_total{service="batch",code="500"}', "0+0.05x180"),
    ]
    rate_high = "FaultlineErrorRateHigh"
    burn = "FaultlineErrorBudgetBurn"
    checkout_rate = _alert(
        rate_high, "checkout", "payments", "warning",
        "checkout: error ratio 9.091% over 5m, above its usual 0.400% (threshold 0.800%)",
        "The share of failed requests of checkout has stayed above 0.800% for 10m; faultline "
        "learned 0.400% as its usual level.")

    def checkout_burn(window, factor, limit, long_w, short_w, severity):
        return _alert(burn, "checkout", "payments", severity,
                      f"checkout is burning its error budget {factor}x faster than its SLO "
                      f"allows ({long_w} error ratio 9.091%)",
                      f"Error ratio above {limit} ({factor} x the SLO of 0.500%) over both "
                      f"{long_w} and {short_w}.", window)

    cart_slow = _alert(burn, "cart", "shopping", "warning",
                       "cart is burning its error budget 1x faster than its SLO allows "
                       "(3d error ratio 0.2991%)",
                       "Error ratio above 0.001 (1 x the SLO of 0.100%) over both 3d and 6h.",
                       "slow")
    fast = checkout_burn("fast", "14.4", "0.072", "1h", "5m", "critical")
    medium = checkout_burn("medium", "6", "0.03", "6h", "30m", "critical")
    slow = checkout_burn("slow", "1", "0.005", "3d", "6h", "warning")
    tests = {
        "rule_files": ["rules.yml"],
        "evaluation_interval": "1m",
        "tests": [{
            "interval": "1m",
            "input_series": [{"series": s, "values": v} for s, v in series],
            "alert_rule_test": [
                {"eval_time": "30m", "alertname": rate_high, "exp_alerts": [checkout_rate]},
                {"eval_time": "30m", "alertname": burn, "exp_alerts": [fast, medium]},
                {"eval_time": "90m", "alertname": rate_high, "exp_alerts": [checkout_rate]},
                {"eval_time": "90m", "alertname": burn,
                 "exp_alerts": [fast, medium, slow, cart_slow]},
                # before the `for` durations have passed nothing fires
                {"eval_time": "5m", "alertname": rate_high, "exp_alerts": []},
                {"eval_time": "1m", "alertname": burn, "exp_alerts": []},
            ],
        }],
    }
    (tmp_path / "tests.yml").write_text(yaml.safe_dump(tests, sort_keys=False))
    proc = subprocess.run([promtool, "test", "rules", "tests.yml"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SUCCESS" in proc.stdout


def test_cli_exports_rules_from_the_store(tmp_path):
    from anomaly.cli import main
    from features.store import Store

    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        store.con.execute(
            "INSERT INTO services VALUES ('checkout', 'payments', 1, ['cart'], 0.005, 400, "
            "'{\"pagerduty\": \"pd-payments-primary\"}'), ('cart', 'shopping', 1, [], 0.001, 300, NULL)")
    out = tmp_path / "rules.yml"
    res = CliRunner().invoke(main, ["export", "prometheus", "--db", str(db), "--out", str(out),
                                    "--no-check"])
    assert res.exit_code == 0, res.output
    assert "6 alerting rules for 2 services (0 with a learned baseline)" in res.output
    doc = yaml.safe_load(out.read_text())
    assert {r["alert"] for r in doc["groups"][1]["rules"]} == {"FaultlineErrorBudgetBurn"}
    if shutil.which("promtool"):
        res = CliRunner().invoke(main, ["export", "prometheus", "--db", str(db), "--out", str(out)])
        assert res.exit_code == 0 and "promtool check rules: OK" in res.output


def test_cli_learns_baselines_from_the_feature_table(tmp_path):
    from anomaly.cli import main
    from features.store import Store

    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        store.con.execute(
            "INSERT INTO services VALUES ('checkout', 'payments', 1, [], 0.005, 400, NULL)")
        # 100 minutes at 0.2% .. 0.6% errors, and one flagged outage minute at 50%
        store.con.execute(
            "CREATE TABLE feat_service_minute AS SELECT 'checkout' AS service, "
            "TIMESTAMP '2026-03-01 00:00:00' + INTERVAL (i) MINUTE AS minute, "
            "CASE WHEN i = 7 THEN 0.5 ELSE 0.002 + 0.001 * (i % 5) END AS error_rate "
            "FROM range(100) t(i)")
        store.con.execute(
            "CREATE TABLE anomalies AS SELECT 'checkout' AS service, NULL::VARCHAR AS component, "
            "TIMESTAMP '2026-03-01 00:07:00' AS minute, 0.99 AS score, 0.9 AS threshold, "
            "true AS is_anomaly")
    out = tmp_path / "rules.yml"
    res = CliRunner().invoke(main, ["export", "prometheus", "--db", str(db), "--out", str(out),
                                    "--quantile", "0.5", "--no-check"])
    assert res.exit_code == 0, res.output
    assert "(1 with a learned baseline)" in res.output
    rule = yaml.safe_load(out.read_text())["groups"][1]["rules"][0]
    # median of the 99 normal minutes = 0.4%; x2 = 0.8% > SLO 0.5%
    assert rule["alert"] == "FaultlineErrorRateHigh" and " > 0.008 and " in rule["expr"]
