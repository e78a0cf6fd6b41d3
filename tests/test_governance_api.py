"""The Python API's stage functions go through the same enforcement point as the CLI."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from anomaly.cli import main
from features.build import build_features
from features.governance import AccessDenied
from features.governance.audit import audit_path_for
from features.store import Store


def _audit_rows(db):
    con = duckdb.connect(str(audit_path_for(db)), read_only=True)
    try:
        return con.execute(
            "SELECT action, object, outcome, command FROM audit_log "
            "WHERE command IS NOT NULL ORDER BY seq"
        ).fetchall()
    finally:
        con.close()


def test_api_call_is_audited_once(tmp_path, monkeypatch):
    monkeypatch.setenv("FAULTLINE_USER", "analyst-on-laptop")
    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        build_features(store)
    assert _audit_rows(db) == [("write", "features", "ok", "python build_features()")]


def test_command_and_its_function_write_one_row(tmp_path):
    db = tmp_path / "fl.duckdb"
    with Store.open(db):
        pass
    result = CliRunner().invoke(main, ["features", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = _audit_rows(db)
    assert len(rows) == 1 and rows[0][:3] == ("write", "features", "ok")
    assert rows[0][3].endswith("features --db")  # the command, never the function


def test_api_denial_is_audited(tmp_path, monkeypatch):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "version: 1\n"
        "roles:\n"
        "  analyst:\n"
        "    description: read only\n"
        "    read: [events, features, episodes, reports, models]\n"
        "users:\n"
        "  ana: [analyst]\n"
        "unmapped_role: null\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.setenv("FAULTLINE_USER", "ana")
    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store, pytest.raises(AccessDenied):
        build_features(store)
    assert _audit_rows(db)[-1][:3] == ("write", "features", "denied")


def test_bare_connection_is_not_the_store():
    con = duckdb.connect()
    from features.build import create_input_tables

    create_input_tables(con)
    con.execute("INSERT INTO events (timestamp, service, severity) VALUES "
                "('2026-03-01 10:00:05', 'api', 'ERROR')")
    build_features(con)
    assert con.execute("SELECT count(*) FROM feat_service_minute").fetchone()[0] >= 1
    assert isinstance(con.execute("SELECT 1").df(), pd.DataFrame)


def test_store_reads_follow_the_role(tmp_path, monkeypatch):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "version: 1\n"
        "roles:\n"
        "  analyst:\n"
        "    description: anonymized data only\n"
        "    read: [events, features, episodes, reports, models]\n"
        "users:\n"
        "  ana: [analyst]\n"
        "unmapped_role: null\n",
        encoding="utf-8",
    )
    db = tmp_path / "fl.duckdb"
    with Store.open(db):
        pass
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.setenv("FAULTLINE_USER", "ana")
    with Store.open(db, read_only=True) as store:
        assert store.table("events").height == 0
        with pytest.raises(AccessDenied):
            store.table("quarantine")  # quarantine reasons are for engineers
    outcomes = [r[:3] for r in _audit_rows(db)]
    assert outcomes == [("read", "events", "ok"), ("read", "quarantine", "denied")]
