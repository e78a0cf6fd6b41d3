"""Classification on hand-built scenarios: every kind, retry storms, root service, state."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from anomaly.classify import ClassifySettings, IncidentContext, classify_incidents, find_root
from anomaly.episodes import group_incidents, incident_id

T0 = pd.Timestamp("2026-03-02 10:00")
N = 240  # minutes of context
NOW = pd.Timestamp("2026-03-03 00:00")


def at(i: int) -> pd.Timestamp:
    return T0 + pd.Timedelta(minutes=i)


def service_minute(spec: dict[str, dict]) -> pd.DataFrame:
    """spec: service -> {"errors": base, "requests": base, "bursts": [(lo, hi, errors, reqs)]}"""
    rows = []
    for service, s in spec.items():
        for i in range(N):
            errors, requests = s.get("errors", 1), s.get("requests", 1000)
            for lo, hi, e, r in s.get("bursts", []):
                if lo <= i < hi:
                    errors, requests = e, r
            rows.append({"service": service, "minute": at(i), "count_errors": errors,
                         "requests": requests})
    return pd.DataFrame(rows)


def episode(service: str, start: int, end: int, *, score: float = 0.9) -> dict:
    return {"episode_id": f"ep-{service}-{start}", "service": service, "component": None,
            "start": at(start), "end": at(end), "last_active": at(end - 1), "is_open": False,
            "count_minutes_anomalous": end - start, "count_bursts": 1, "is_flapping": False,
            "score": score, "threshold": 0.5}


CATALOG = pd.DataFrame([
    {"service": "gateway", "team": "platform", "tier": 1, "depends_on": ["orders"],
     "slo_error_rate": 0.001, "escalation": json.dumps({"pagerduty": "pd-platform"})},
    {"service": "orders", "team": "fulfilment", "tier": 1, "depends_on": ["db"],
     "slo_error_rate": 0.001, "escalation": json.dumps({"slack": "#orders"})},
    {"service": "db", "team": "storage", "tier": 2, "depends_on": [],
     "slo_error_rate": 0.001, "escalation": json.dumps({"opsgenie": "storage"})},
    {"service": "tax", "team": "pricing", "tier": 3, "depends_on": [],
     "slo_error_rate": 0.01, "escalation": None},
    {"service": "pricing", "team": "pricing", "tier": 2, "depends_on": ["tax"],
     "slo_error_rate": 0.01, "escalation": None},
])


def run(episodes: list[dict], context: IncidentContext, **kw) -> pd.DataFrame:
    grouped = group_incidents(pd.DataFrame(episodes), edges=context.edges,
                              depends_on=context.depends_on())
    return classify_incidents(grouped, context, now=NOW, **kw)


def evidence(rows: pd.DataFrame, service: str) -> dict:
    return json.loads(rows.loc[rows["service"] == service, "evidence"].iloc[0])


def test_transient_short_and_self_resolved():
    ctx = IncidentContext(service_minute=service_minute(
        {"tax": {"bursts": [(100, 110, 50, 1000)]}}), catalog=CATALOG)
    rows = run([episode("tax", 100, 110)], ctx)
    row = rows.iloc[0]
    assert (row["kind"], row["state"], row["root_service"]) == ("transient", "degraded", "tax")
    assert not row["is_retry_storm"]
    ev = evidence(rows, "tax")
    assert ev["kind"]["duration_minutes"] == 10.0
    assert "no change near its end" in ev["kind"]["reason"]
    assert ev["state"]["error_rate"] == pytest.approx(0.05)
    assert row["team"] == "pricing"
    assert row["incident_id"] == incident_id("tax", at(100))


def test_persistent_by_duration():
    ctx = IncidentContext(service_minute=service_minute(
        {"tax": {"bursts": [(60, 120, 30, 1000)]}}), catalog=CATALOG)
    rows = run([episode("tax", 60, 120)], ctx)
    assert rows.loc[0, "kind"] == "persistent"
    assert "lasted 60 min >= 30" in evidence(rows, "tax")["kind"]["reason"]


def test_persistent_when_a_deploy_ends_it_even_if_short():
    deployments = pd.DataFrame({"service": ["tax"], "version": ["2.0.1"],
                                "deployed_at": [at(114)]})
    ctx = IncidentContext(service_minute=service_minute(
        {"tax": {"bursts": [(100, 115, 30, 1000)]}}), deployments=deployments, catalog=CATALOG)
    rows = run([episode("tax", 100, 115)], ctx)
    assert rows.loc[0, "kind"] == "persistent"
    change = evidence(rows, "tax")["kind"]["change"]
    assert change["version"] == "2.0.1"
    # the same episode with a deploy of another service: transient
    other = deployments.assign(service="pricing")
    ctx2 = IncidentContext(service_minute=ctx.service_minute, deployments=other, catalog=CATALOG)
    assert run([episode("tax", 100, 115)], ctx2).loc[0, "kind"] == "transient"


def _cascade_context(*, with_retries: bool = False, traffic: float = 1.0) -> IncidentContext:
    sm = service_minute({
        "gateway": {"bursts": [(62, 90, 300, 1000)]},
        "orders": {"bursts": [(61, 90, 320, 1000)]},
        "db": {"bursts": [(60, 90, 400, int(1000 * traffic))]},
    })
    prop = []
    for i in range(N):
        inside = 60 <= i < 90
        prop += [
            {"service": "db", "minute": at(i), "count_errors_originated": 400 if inside else 1,
             "count_errors_propagated": 0},
            {"service": "orders", "minute": at(i), "count_errors_originated": 1,
             "count_errors_propagated": 320 if inside else 0},
            {"service": "gateway", "minute": at(i), "count_errors_originated": 1,
             "count_errors_propagated": 300 if inside else 0},
        ]
    edges = pd.DataFrame([
        {"caller": c, "callee": d, "minute": at(i), "count_error_calls": 300}
        for i in range(60, 90) for c, d in (("gateway", "orders"), ("orders", "db"))
    ])
    retries = pd.DataFrame([
        {"service": s, "minute": at(i), "count_span_retries": 500 if with_retries else 5,
         "count_error_repeats": 0}
        for i in range(60, 90) for s in ("gateway", "orders", "db")
    ])
    return IncidentContext(service_minute=sm, propagation=pd.DataFrame(prop), edges=edges,
                           retries=retries, catalog=CATALOG)


def test_cascade_where_the_root_alerts_last():
    ctx = _cascade_context()
    # alert order: gateway first, orders, db (the root) last
    eps = [episode("gateway", 62, 90), episode("orders", 64, 90), episode("db", 69, 90)]
    rows = run(eps, ctx)
    assert set(rows["kind"]) == {"cascading"}
    assert set(rows["root_service"]) == {"db"}
    assert rows["incident_id"].nunique() == 1
    assert rows.loc[0, "incident_id"] == incident_id("db", at(62))
    ev = evidence(rows, "gateway")
    assert "deepest callee" in ev["root"]["rule"] or ev["root"]["candidates"] == ["db"]
    assert ev["root"]["candidates"] == ["db"]
    assert not rows["is_retry_storm"].any()
    # first-to-alert would have said gateway
    assert rows.sort_values("start").iloc[0]["service"] == "gateway"


def test_cascade_root_found_when_it_never_alerts():
    ctx = _cascade_context()
    rows = run([episode("gateway", 62, 90)], ctx)
    assert rows.loc[0, "kind"] == "cascading"
    assert rows.loc[0, "root_service"] == "db"
    ev = evidence(rows, "gateway")
    assert ev["incident"]["linked_not_alerting"] == ["db", "orders"]


def test_retry_storm_recognized_and_named():
    ctx = _cascade_context(with_retries=True, traffic=4.0)
    rows = run([episode("orders", 61, 90), episode("db", 60, 90)], ctx)
    assert rows["is_retry_storm"].all()
    ev = evidence(rows, "db")["retry_storm"]
    assert ev["summary"].startswith("retry storm:")
    assert ev["traffic_ratio"]["db"] == pytest.approx(4.0)
    assert rows.loc[0, "root_service"] == "db"


def test_failed_versus_degraded_and_severity():
    ctx = IncidentContext(service_minute=service_minute({
        "gateway": {"bursts": [(100, 110, 700, 1000)]},
        "tax": {"bursts": [(100, 110, 30, 1000)]},
    }), catalog=CATALOG)
    failed = run([episode("gateway", 100, 110)], ctx).iloc[0]
    assert failed["state"] == "failed"
    # tier 1 -> impact 1; failed -> urgency 1 -> P1, page
    assert (failed["severity"], failed["action"]) == ("P1", "page")
    assert json.loads(failed["escalation"]) == {"pagerduty": "pd-platform"}
    degraded = run([episode("tax", 100, 110)], ctx).iloc[0]
    assert degraded["state"] == "degraded"
    # tier 3 -> impact 3; burn 0.03 / 0.01 = 3 < 6 -> urgency 3 -> P5, review
    assert (degraded["severity"], degraded["action"]) == ("P5", "review")


def test_recurring_fingerprint_is_a_pattern():
    days = [0, 1, 2]
    eps = [episode("tax", 100, 105) | {"episode_id": f"e{d}", "start": at(100) + pd.Timedelta(days=d),
                                        "end": at(105) + pd.Timedelta(days=d),
                                        "last_active": at(104) + pd.Timedelta(days=d)}
           for d in days]
    stats = pd.DataFrame({"episode_id": [f"e{d}" for d in days],
                          "fingerprints": [["fp-nightly-batch"]] * 3, "version": "1.0",
                          "count_errors": 10, "count_users_affected": 3,
                          "error_types": [[("TimeoutError", 504, 10)]] * 3})
    rows = run(eps, IncidentContext(event_stats=stats, catalog=CATALOG))
    assert set(rows["kind"]) == {"transient"}
    ev = evidence(rows.iloc[[2]], "tax")
    assert ev["recurrence"]["is_pattern"]
    assert ev["recurrence"]["fingerprints"][0] == {"fingerprint": "fp-nightly-batch",
                                                   "count_episodes": 3, "count_days": 3}
    assert ev["category"] == "network.timeout"
    assert rows.loc[0, "fingerprints"] == ["fp-nightly-batch"]


def test_find_root_rules():
    graph = {"gateway": ["orders"], "orders": ["db", "cache"]}
    # no trace data: deepest callees db and cache; the earlier onset wins
    r = find_root(["gateway", "orders", "db", "cache"], depends_on=graph,
                  onsets={"gateway": 1, "orders": 2, "db": 7, "cache": 5})
    assert r["root_service"] == "cache"
    # trace data: only db's errors originate in itself
    r = find_root(["gateway", "orders", "db", "cache"], depends_on=graph,
                  originated={"gateway": 3, "orders": 2, "db": 500, "cache": 1},
                  propagated={"gateway": 400, "orders": 450, "db": 0, "cache": 0},
                  onsets={"gateway": 1, "orders": 2, "db": 7, "cache": 5})
    assert r["root_service"] == "db"
    # erroring calls count as edges even where the catalog is silent
    r = find_root(["a", "b"], error_edges=[("b", "a")], onsets={"a": 9, "b": 1})
    assert r["root_service"] == "a"


def test_empty_input_gives_the_table_columns():
    from anomaly.classify import OUTPUT_COLUMNS

    out = classify_incidents(pd.DataFrame(columns=["service", "start", "end"]))
    assert list(out.columns) == OUTPUT_COLUMNS and out.empty


def test_settings_default_documented():
    s = ClassifySettings()
    assert s.persistent_minutes == 30 and s.failed_error_rate == 0.5


# -- the stage against a real DuckDB store ------------------------------------------------


def _fill_store(con) -> pd.DataFrame:
    """Two services, one hour of traffic, an error burst on db propagating to orders."""
    import numpy as np

    con.execute("""INSERT INTO services VALUES
        ('orders', 'fulfilment', 1, ['db'], 0.001, 300, '{"slack": "#orders"}'),
        ('db', 'storage', 2, [], 0.001, 100, '{"pagerduty": "pd-storage"}')""")
    rows, events = [], []
    for i in range(120):
        for service in ("orders", "db"):
            rows.append((at(i), service, 1000, "b1"))
    con.executemany("INSERT INTO requests VALUES (?, ?, ?, ?)", rows)
    rng = np.random.default_rng(0)
    for i in range(120):
        burst = 70 <= i < 85
        for service, n in (("db", 60 if burst else 1), ("orders", 40 if burst else 1)):
            for k in range(n):
                events.append({
                    "event_id": f"{service}-{i}-{k}", "timestamp": at(i) + pd.Timedelta(
                        seconds=int(rng.integers(0, 60))),
                    "service": service, "message": "boom", "severity": "ERROR",
                    "error_type": "PSQLException" if service == "db" else "UpstreamError",
                    "http_status": 503, "version": "1.2.3",
                    "user_id": f"<user:k1:{k % 7:010d}>", "fingerprint": f"fp-{service}",
                    "batch_id": "b1",
                })
    frame = pd.DataFrame(events)
    frame["timestamp"] = frame["timestamp"].astype("datetime64[us]")
    con.register("test_events", frame)
    con.execute("INSERT INTO events BY NAME SELECT * FROM test_events")
    con.unregister("test_events")
    scores = []
    for i in range(120):
        for service, lo in (("db", 71), ("orders", 70)):
            scores.append({"service": service, "minute": at(i), "threshold": 0.5,
                           "score": 0.95 if lo <= i < 85 else 0.05})
    return pd.DataFrame(scores)


def test_classify_stage_writes_the_episodes_table_idempotently(tmp_path):
    from anomaly.classify import classify
    from features.build import build_features
    from features.store import Store

    path = tmp_path / "fl.duckdb"
    with Store.open(path) as store:
        anomalies = _fill_store(store.con)
        build_features(store)
        rows = classify(store, anomalies=anomalies, now=NOW)
        again = classify(store, anomalies=anomalies, now=NOW)
        table = store.con.execute(
            'SELECT service, kind, root_service, team, state, severity, action, version, '
            'fingerprints, count_errors, count_users_affected, "end", escalation '
            "FROM episodes ORDER BY service").fetchall()
    assert len(rows) == len(again) == len(table) == 2
    by_service = {r[0]: r for r in table}
    assert by_service["db"][1:4] == ("cascading", "db", "storage")
    assert by_service["orders"][1:4] == ("cascading", "db", "fulfilment")
    assert by_service["db"][7] == "1.2.3"
    assert by_service["db"][8] == ["fp-db"]
    assert by_service["db"][9] >= 60 * 14  # the burst's errors
    assert by_service["db"][10] == 7  # distinct user tokens
    assert json.loads(by_service["db"][12]) == {"pagerduty": "pd-storage"}


def test_classify_command_exports_csv_and_parquet(tmp_path):
    from click.testing import CliRunner

    from anomaly.cli import main
    from features.build import build_features
    from features.store import Store

    path = tmp_path / "fl.duckdb"
    with Store.open(path) as store:
        anomalies = _fill_store(store.con)
        build_features(store)
    scores = tmp_path / "scores.parquet"
    anomalies.to_parquet(scores)
    result = CliRunner().invoke(main, [
        "classify", "--db", str(path), "--anomalies", str(scores),
        "--csv", str(tmp_path / "out" / "episodes.csv"),
        "--parquet", str(tmp_path / "out" / "episodes.parquet")])
    assert result.exit_code == 0, result.output
    csv = pd.read_csv(tmp_path / "out" / "episodes.csv")
    parquet = pd.read_parquet(tmp_path / "out" / "episodes.parquet")
    for col in ("service", "start", "end", "kind", "state", "severity", "action",
                "root_service", "team", "fingerprints", "version", "score", "evidence",
                "incident_id"):
        assert col in csv.columns and col in parquet.columns
    assert json.loads(csv.loc[0, "fingerprints"]) in (["fp-db"], ["fp-orders"])
    assert "2 episodes in 1 incidents" in result.output


def test_classify_without_anomalies_table_explains(tmp_path):
    from click.testing import CliRunner

    from anomaly.cli import main

    result = CliRunner().invoke(main, ["classify", "--db", str(tmp_path / "fl.duckdb")])
    assert result.exit_code == 1
    assert "run `faultline score` first" in result.output


def test_recurrence_counts_earlier_runs():
    history = pd.DataFrame({"episode_id": ["old-1", "old-2"],
                            "start": [at(0) - pd.Timedelta(days=2), at(0) - pd.Timedelta(days=1)],
                            "fingerprints": [["fp-cron"], ["fp-cron", "fp-other"]]})
    stats = pd.DataFrame({"episode_id": ["ep-tax-100"], "fingerprints": [["fp-cron"]],
                          "version": "1", "count_errors": 5, "count_users_affected": 0,
                          "error_types": [[]]})
    rows = run([episode("tax", 100, 105)],
               IncidentContext(event_stats=stats, history=history, catalog=CATALOG))
    rec = evidence(rows, "tax")["recurrence"]
    assert rec["is_pattern"]
    assert rec["fingerprints"] == [{"fingerprint": "fp-cron", "count_episodes": 3,
                                    "count_days": 3}]


def test_degraded_names_latency_over_the_slo():
    catalog = CATALOG.assign(slo_latency_p99_ms=200.0)
    latency = pd.DataFrame({"service": "tax", "minute": [at(i) for i in range(N)],
                            "latency_p99_ms": [900.0 if 100 <= i < 110 else 80.0
                                               for i in range(N)]})
    ctx = IncidentContext(service_minute=service_minute(
        {"tax": {"bursts": [(100, 110, 30, 1000)]}}), catalog=catalog, latency=latency)
    rows = run([episode("tax", 100, 110)], ctx)
    state = evidence(rows, "tax")["state"]
    assert rows.loc[0, "state"] == "degraded"
    assert state["latency_p99_ms"] == 900.0 and state["is_latency_over_slo"]
    assert "p99 latency 900 ms over the SLO 200 ms" in state["reason"]
