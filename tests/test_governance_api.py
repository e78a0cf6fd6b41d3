"""The Python API's stage functions go through the same enforcement point as the CLI."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import USERS_BY_ROLE

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


# --- fingerprint_store and export_model behind the enforcement point -----------------

ROLES_WITH_USERS = USERS_BY_ROLE


def _run_fingerprint_store(db):
    from features.fingerprint import fingerprint_store

    with Store.open(db) as store:
        return fingerprint_store(store.con)


def _run_export_model(db):
    from anomaly.pyfunc import export_model

    # no such model: an allowed caller gets past the check and fails in MLflow
    return export_model("runs:/0123456789abcdef/model", db.parent / "export", db=db)


# (function, action, object, roles that may): fingerprints are derived data of the
# features stage; exporting the model is an export of models.
API_CASES = [
    (_run_fingerprint_store, "write", "features", {"analyst", "engineer"}),
    (_run_export_model, "export", "models", {"engineer"}),
]


@pytest.mark.parametrize(("run", "action", "obj", "allowed", "user"), [
    (*case, user) for case in API_CASES for user in ROLES_WITH_USERS],
    ids=[f"{case[0].__name__.removeprefix('_run_')}-{ROLES_WITH_USERS[u]}"
         for case in API_CASES for u in ROLES_WITH_USERS])
def test_stage_function_allowed_and_denied(tmp_path, monkeypatch, default_roles_with_users,
                                           run, action, obj, allowed, user):
    db = tmp_path / "fl.duckdb"
    with Store.open(db):
        pass
    default_roles_with_users(user)
    role = ROLES_WITH_USERS[user]
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    if role in allowed:
        if run is _run_export_model:
            with pytest.raises(ValueError, match="cannot export"):
                run(db)
            outcome = "failed"
        else:
            assert run(db) == 0
            outcome = "ok"
    else:
        with pytest.raises(AccessDenied, match=f"may not {action} {obj}"):
            run(db)
        outcome = "denied"
    name = run.__name__.removeprefix("_run_")
    assert _audit_rows(db) == [(action, obj, outcome, f"python {name}()")]


def test_fingerprint_in_memory_is_not_audited(monkeypatch, tmp_path):
    from features.fingerprint import fingerprint_store

    monkeypatch.setenv("FAULTLINE_DB", str(tmp_path / "fl.duckdb"))
    con = duckdb.connect()
    con.execute("CREATE TABLE events (event_id VARCHAR, timestamp TIMESTAMP, service VARCHAR, "
                "message VARCHAR, error_type VARCHAR, stack_trace VARCHAR, version VARCHAR, "
                "fingerprint VARCHAR, template_id VARCHAR)")
    assert fingerprint_store(con) == 0
    assert not audit_path_for(tmp_path / "fl.duckdb").exists()


def test_fingerprint_command_writes_one_row(tmp_path):
    db = tmp_path / "fl.duckdb"
    with Store.open(db):
        pass
    result = CliRunner().invoke(main, ["fingerprint", "--store", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert _audit_rows(db) == [("write", "features", "ok", "python fingerprint_store()")]


def test_export_model_command_writes_one_row(tmp_path, monkeypatch):
    db = tmp_path / "fl.duckdb"
    monkeypatch.setenv("FAULTLINE_DB", str(db))
    result = CliRunner().invoke(main, ["export", "model", "--model", "runs:/0123abcd/model",
                                       "--models-dir", str(tmp_path / "models"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "cannot export" in result.output
    rows = _audit_rows(db)
    assert len(rows) == 1 and rows[0][:2] == ("export", "models")
    assert rows[0][3].startswith("main export model")  # the command, not the function


@pytest.mark.parametrize("role, allowed", [("analyst", True), ("auditor", False)])
def test_read_functions_follow_the_role(tmp_path, monkeypatch, role, allowed):
    from anomaly.analytics import load_inputs
    from anomaly.export.dispatch import read_alert_episodes
    from features.frames import feature_frame

    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        store.con.execute("INSERT INTO events (event_id, timestamp, service, severity) VALUES "
                          "('e1', '2026-03-01 10:00:05', 'api', 'ERROR')")
        build_features(store)
    monkeypatch.setenv("FAULTLINE_ROLE", role)
    monkeypatch.setenv("FAULTLINE_USER", "someone")
    roles = tmp_path / "roles.yaml"
    roles.write_text("version: 1\nroles:\n  analyst:\n    description: reads\n"
                     "    read: [events, features, episodes, reports, models]\n"
                     "  auditor:\n    description: audit only\n    read: [audit, lineage]\n"
                     "users:\n  someone: [analyst, auditor]\nunmapped_role: null\n",
                     encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    def on_store(fn):
        def call():
            with Store.open(db, read_only=True) as store:
                return fn(store)
        return call

    calls = [
        ("features", lambda: feature_frame(db, "feat_service_minute")),
        ("events", on_store(load_inputs)),
        ("episodes", on_store(read_alert_episodes)),
    ]
    for obj, call in calls:
        if not allowed:
            with pytest.raises(AccessDenied):
                call()
            outcome = "denied"
        elif obj == "episodes":  # allowed in, then told the stage has not run yet
            with pytest.raises(ValueError, match="no episodes table"):
                call()
            outcome = "failed"
        else:
            call()
            outcome = "ok"
        assert _audit_rows(db)[-1][:3] == ("read", obj, outcome)
