"""`faultline alerts` against a real DuckDB store holding the real `episodes` table."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from anomaly.cli import main
from anomaly.episodes import ensure_episodes_table
from anomaly.export import read_alert_episodes
from features.store import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _fill(db):
    with Store.open(db) as store:
        ensure_episodes_table(store.con)
        esc = json.dumps({"pagerduty": "pd-payments-primary", "opsgenie": "payments-team"})
        rows = [
            # open cascade: checkout (P1, root) and payments (P2)
            ("inc-A", "ep-1", "checkout", None, "2026-03-01 11:00:00", None, True, "P1", esc),
            ("inc-A", "ep-2", "payments", "db", "2026-03-01 11:02:00", None, True, "P2", esc),
            # closed an hour ago: a resolve
            ("inc-B", "ep-3", "cart", None, "2026-03-01 09:00:00", "2026-03-01 11:00:00", False,
             "P3", esc),
            # closed two days ago: outside the 24 h lookback
            ("inc-C", "ep-4", "search", None, "2026-02-27 09:00:00", "2026-02-27 10:00:00", False,
             "P2", esc),
        ]
        for inc, epi, svc, comp, start, end, is_open, sev, e in rows:
            store.con.execute(
                'INSERT INTO episodes (incident_id, episode_id, service, component, start, "end", '
                "is_open, kind, is_retry_storm, is_flapping, state, severity, action, root_service, "
                "team, escalation, fingerprints, version, score, evidence, count_errors, "
                "count_users_affected, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'cascading', false, "
                "false, 'failed', ?, 'page', 'checkout', 'payments', ?, ['fp-1'], '2.1.0', 0.9, "
                "'{\"top_features\": [\"rate_5xx\"]}', 42, 7, ?)",
                [inc, epi, svc, comp, start, end, is_open, sev, e, start])


def test_read_alert_episodes_applies_the_lookback(tmp_path):
    db = tmp_path / "fl.duckdb"
    _fill(db)
    with Store.open(db, read_only=True) as store:
        frame = read_alert_episodes(store, now=NOW)
    assert frame["episode_id"].to_list() == ["ep-1", "ep-2", "ep-3"]
    with Store.open(db, read_only=True) as store:
        frame = read_alert_episodes(store, now=NOW, lookback_hours=24 * 3)
    assert frame["episode_id"].to_list() == ["ep-1", "ep-2", "ep-3", "ep-4"]


def test_cli_dry_run_from_the_store(tmp_path):
    db = tmp_path / "fl.duckdb"
    _fill(db)
    res = CliRunner().invoke(main, ["alerts", "--db", str(db), "--now", NOW.isoformat()])
    assert res.exit_code == 0, res.output
    got = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(m["target"], m["action"], m["dedup_key"]) for m in got] == [
        ("alertmanager", "trigger", "faultline-inc-A-checkout"),
        ("alertmanager", "resolve", "faultline-inc-B-cart"),
        ("pagerduty", "trigger", "faultline-inc-A"),
        ("pagerduty", "resolve", "faultline-inc-B"),
        ("opsgenie", "trigger", "faultline-inc-A"),
        ("opsgenie", "resolve", "faultline-inc-B"),
    ]
    # payments (P2) is folded into the P1 cascade
    pd = got[2]["body"]
    assert [s["service"] for s in pd["payload"]["custom_details"]["suppressed"]] == ["payments"]
    assert pd["payload"]["custom_details"]["evidence"] == {"top_features": ["rate_5xx"]}
    assert "6 payloads (1 lower-severity alerts folded into incident alerts)" in res.stderr


def test_cli_without_an_episodes_table_says_what_to_run(tmp_path):
    db = tmp_path / "fl.duckdb"
    Store.open(db).close()
    res = CliRunner().invoke(main, ["alerts", "--db", str(db)])
    assert res.exit_code == 1 and "no episodes table yet" in res.output


def test_outbox_lives_where_asked_and_holds_no_api_key(tmp_path, monkeypatch):
    db = tmp_path / "fl.duckdb"
    _fill(db)
    monkeypatch.setenv("OPSGENIE_API_KEY", "very-secret-key")
    box = tmp_path / "box.sqlite"
    cfg = tmp_path / "a.yaml"
    cfg.write_text("delivery: {retries: 0, timeout_seconds: 1}\n")
    res = CliRunner().invoke(main, [
        "alerts", "--db", str(db), "--send", "--target", "opsgenie", "--config", str(cfg),
        "--outbox", str(box), "--url", "opsgenie=http://127.0.0.1:9/v2/alerts",
        "--now", (NOW + timedelta(minutes=1)).isoformat()])
    assert res.exit_code == 1 and "stay in the outbox" in res.output
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("box.sqlite*"))
    assert b"faultline-inc-A" in raw and b"very-secret-key" not in raw
