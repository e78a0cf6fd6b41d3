"""Retention deletes exactly the expired rows no active legal hold covers (hand-computed
fixture in a real DuckDB file), reports them by table, and a dry run deletes nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from features.governance import (
    AccessDenied,
    RoleConfig,
    add_hold,
    apply_retention,
    list_holds,
    release_hold,
    resolve_identity,
)
from features.store import Store

NOW = datetime(2026, 7, 1)  # events: 90 days -> cutoff 2026-04-02; quarantine: 30 -> 06-01

CONFIG = RoleConfig.from_dict({
    "roles": {"admin": {"admin": ["retention", "holds"]}, "analyst": {"read": ["events"]}},
    "users": {"adm": ["admin"], "ana": ["analyst"]}})
ADMIN = resolve_identity(CONFIG, user="adm")


def _store(path: Path) -> Path:
    with Store.open(path) as store:
        con = store.con
        con.execute("INSERT INTO events (event_id, service, timestamp) VALUES "
                    "('e1', 'cart', '2026-03-01 10:00'),"     # expired, unheld
                    "('e2', 'cart', '2026-03-20 10:00'),"     # expired, held by time range
                    "('e3', 'pay', '2026-03-10 10:00'),"      # expired, held by service
                    "('e4', 'pay', '2026-05-01 10:00'),"      # fresh
                    "('e5', 'search', '2026-01-15 10:00'),"   # expired, held by incident
                    "('e6', 'search', '2026-04-10 10:00'),"   # fresh
                    "('e7', 'cart', '2026-04-01 12:00')")     # expired, unheld
        con.execute("INSERT INTO incidents (incident_id, services, started_at, resolved_at) "
                    "VALUES ('INC-1', ['search'], '2026-01-15 00:00', '2026-01-16 00:00'),"
                    "('INC-0', ['cart'], '2022-01-01 00:00', '2022-01-02 00:00')")
        con.execute("INSERT INTO requests VALUES ('2025-01-01', 'cart', 3, 'b'),"
                    "('2025-01-01', 'pay', 3, 'b'), ('2026-06-30', 'cart', 3, 'b')")
        con.execute("INSERT INTO quarantine (batch_id, reason, quarantined_at) VALUES "
                    "('b', 'r1', '2026-05-01'), ('b', 'r2', '2026-06-15'), "
                    "('b', 'r3', '2026-03-18')")
    add_hold(path, service="pay", reason="LIT-7 payments dispute", identity=ADMIN)
    add_hold(path, start=datetime(2026, 3, 15), end=datetime(2026, 3, 25),
             reason="regulator request", identity=ADMIN)
    add_hold(path, incident_id="INC-1", reason="postmortem for ada@example.com",
             identity=ADMIN)
    released = add_hold(path, service="cart", reason="old matter", identity=ADMIN)
    release_hold(path, released, identity=ADMIN)
    return path


def _counts(report) -> dict[str, tuple[int, int, int, int]]:
    return {r.table: (r.count_expired, r.count_deleted, r.count_held, r.count_remaining)
            for r in report.tables}


EXPECTED = {
    "events": (5, 2, 3, 5),        # e1, e7 deleted; e2, e3, e5 held
    "incidents": (1, 1, 0, 1),     # INC-0 older than 3 years
    "requests": (2, 1, 1, 2),      # the old cart row deleted, the pay row held
    # No service column: a service-only hold keeps every expired row (keep more when
    # unsure), so r1 and r3 stay.
    "quarantine": (2, 0, 2, 3),
}


def test_dry_run_then_apply(tmp_path: Path) -> None:
    db = _store(tmp_path / "fl.duckdb")
    dry = apply_retention(db, now=NOW, dry_run=True, identity=ADMIN)
    # A dry run reports what would be deleted and what would remain.
    assert {k: v for k, v in _counts(dry).items() if k in EXPECTED} == EXPECTED
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 7
    report = apply_retention(db, now=NOW, identity=ADMIN)
    assert {k: v for k, v in _counts(report).items() if k in EXPECTED} == EXPECTED
    with Store.open(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute(
            "SELECT event_id FROM events ORDER BY event_id").fetchall()]
        incidents = [r[0] for r in store.con.execute(
            "SELECT incident_id FROM incidents").fetchall()]
    assert ids == ["e2", "e3", "e4", "e5", "e6"]
    assert incidents == ["INC-1"]
    again = apply_retention(db, now=NOW, identity=ADMIN)  # idempotent
    assert _counts(again)["events"] == (3, 0, 3, 5)


def test_released_hold_no_longer_protects(tmp_path: Path) -> None:
    db = _store(tmp_path / "fl.duckdb")
    holds = list_holds(db, identity=ADMIN)
    pay = holds.loc[holds["scope_service"] == "pay", "hold_id"].item()
    release_hold(db, pay, identity=ADMIN)
    report = apply_retention(db, now=NOW, identity=ADMIN)
    assert _counts(report)["events"] == (5, 3, 2, 4)  # e3 goes now
    all_holds = list_holds(db, include_released=True, identity=ADMIN)
    assert len(all_holds) == 4 and all_holds["released_at"].notna().sum() == 2


def test_hold_reason_is_masked_and_scope_required(tmp_path: Path) -> None:
    db = _store(tmp_path / "fl.duckdb")
    reasons = list_holds(db, identity=ADMIN)["reason"].tolist()
    assert "postmortem for <email>" in reasons
    assert not any("ada@example.com" in r for r in reasons)
    with pytest.raises(ValueError, match="needs a scope"):
        add_hold(db, reason="x", identity=ADMIN)
    with pytest.raises(ValueError, match="no incident"):
        add_hold(db, incident_id="INC-404", reason="x", identity=ADMIN)


def test_only_admin_applies_retention(tmp_path: Path) -> None:
    db = _store(tmp_path / "fl.duckdb")
    analyst = resolve_identity(CONFIG, user="ana")
    with pytest.raises(AccessDenied, match="may not admin retention"):
        apply_retention(db, now=NOW, identity=analyst)
    with pytest.raises(AccessDenied, match="may not admin holds"):
        add_hold(db, service="x", reason="y", identity=analyst)
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 7


def test_retention_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from anomaly.cli import main

    db = _store(tmp_path / "fl.duckdb")
    roles = tmp_path / "roles.yaml"
    roles.write_text("roles:\n  admin:\n    admin: [retention, holds]\n"
                     "users:\n  adm: [admin]\n", encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.setenv("FAULTLINE_USER", "adm")
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    monkeypatch.delenv("FAULTLINE_RETENTION", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["retention", "apply", "--dry-run", "--now", "2026-07-01",
                                  "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "would delete" in result.output and "GDPR" in result.output
    result = runner.invoke(main, ["hold", "add", "--service", "cart", "--reason", "LIT-9",
                                  "--db", str(db)])
    assert result.exit_code == 0 and "placed" in result.output
    result = runner.invoke(main, ["retention", "apply", "--now", "2026-07-01", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:  # cart is held now: only nothing goes
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 7
    result = runner.invoke(main, ["hold", "list", "--db", str(db)])
    assert "LIT-9" in result.output
