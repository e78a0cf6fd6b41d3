"""Lineage in real files: a model trained from simulated telemetry names the ingest
batches and source files (path and sha256) it came from; an episode names its batches,
feature builds and scoring models."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from features.governance import AccessDenied, AuditLog, RoleConfig, resolve_identity
from features.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:mlflow.*")

CONFIG = RoleConfig.from_dict({
    "roles": {"engineer": {"read": ["events", "features", "lineage"],
                           "write": ["events", "features", "models"]},
              "auditor": {"read": ["audit", "lineage"]},
              "analyst": {"read": ["events", "features"]}},
    "users": {"eng": ["engineer"], "aud": ["auditor"], "ana": ["analyst"]}})


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from anomaly.train import TrainSettings, train
    from features.build import build_features
    from features.ingest import ingest
    from features.simulate.run import simulate

    tmp = tmp_path_factory.mktemp("lineage")
    mp = pytest.MonkeyPatch()
    mp.setenv("FAULTLINE_TOKEN_KEY", "lineage-test-token-key-0123")
    mp.setenv("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    mp.delenv("MLFLOW_TRACKING_URI", raising=False)
    raw = tmp / "raw"
    simulate(raw, days=3, services=3, scale=0.05, seed=1)
    db = tmp / "fl.duckdb"
    ingest(raw, db=db)
    with Store.open(db) as store:
        build_features(store)
    result = train(db=db, truth=raw / "truth.json", settings=TrainSettings(min_rows=60),
                   models_dir=tmp / "models")
    yield {"db": db, "raw": raw, "models": tmp / "models", "version": result.version}
    mp.undo()


def test_model_lineage_names_batches_and_files(trained: dict) -> None:
    from anomaly.lineage import model_lineage

    auditor = resolve_identity(CONFIG, user="aud")
    out = model_lineage(trained["version"], db=trained["db"], models_dir=trained["models"],
                        identity=auditor)
    with Store.open(trained["db"], read_only=True) as store:
        expected = dict(store.con.execute(
            "SELECT batch_id, source_path FROM lineage WHERE status = 'committed'").fetchall())
        sql = dict(store.con.execute(
            "SELECT model, sql_sha256 FROM feature_build_models").fetchall())
    got = {b["batch_id"]: b for b in out["batches"]}
    assert set(got) == set(expected)
    names = sorted(Path(b["source_path"]).name for b in out["batches"])
    assert "events.jsonl" in names and "requests.jsonl" in names
    for b in out["batches"]:
        path = Path(b["source_path"])
        assert path.parent == trained["raw"]
        assert b["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert b["is_sha256_consistent"] is True
    assert out["feature_sql_sha256"] == dict(sorted(sql.items()))
    assert out["privacy_policy_version"] and len(out["privacy_policy_hash"]) == 64
    assert out["run_id"] and out["version"] == trained["version"]
    rows = AuditLog.for_store(trained["db"]).records()
    last = rows.iloc[-1]
    assert (last["user_name"], last["action"], last["object"], last["outcome"]) == (
        "aud", "read", "lineage", "ok")
    assert last["count_rows"] == len(expected)


def test_model_lineage_by_alias_and_denied(trained: dict) -> None:
    from anomaly.lineage import model_lineage

    analyst = resolve_identity(CONFIG, user="ana")
    with pytest.raises(AccessDenied, match="may not read lineage"):
        model_lineage(trained["version"], db=trained["db"], models_dir=trained["models"],
                      identity=analyst)
    with pytest.raises(ValueError, match="no registered model"):
        model_lineage("999", db=trained["db"], models_dir=trained["models"],
                      identity=resolve_identity(CONFIG, user="eng"))


def test_episode_lineage(trained: dict, tmp_path: Path) -> None:
    from anomaly.episodes import EPISODES_DDL
    from anomaly.lineage import episode_lineage

    db = tmp_path / "copy.duckdb"
    db.write_bytes(trained["db"].read_bytes())
    with Store.open(db) as store:
        con = store.con
        service, start = con.execute(
            "SELECT service, min(timestamp) FROM events GROUP BY 1 ORDER BY 1 LIMIT 1"
        ).fetchone()
        con.execute(EPISODES_DDL)
        con.execute('INSERT INTO episodes (episode_id, incident_id, service, start, "end") '
                    "VALUES ('ep-1', 'INC-9', ?, ?, ? + INTERVAL 2 HOUR)",
                    [service, start, start])
        expected = {r[0] for r in con.execute(
            "SELECT DISTINCT batch_id FROM events WHERE service = ? AND timestamp >= ? "
            "AND timestamp <= ? + INTERVAL 2 HOUR", [service, start, start]).fetchall()}
    out = episode_lineage("ep-1", db=db, identity=resolve_identity(CONFIG, user="eng"))
    assert {b["batch_id"] for b in out["batches"]} == expected and expected
    assert all(Path(b["source_path"]).name.startswith("events") for b in out["batches"])
    assert out["feature_builds"] and out["feature_builds"][0]["feature_sql_sha256"]
    assert out["privacy_policy_versions"]
    assert episode_lineage("INC-9", db=db, identity=resolve_identity(
        CONFIG, user="eng"))["episode_id"] == "ep-1"
    with pytest.raises(ValueError, match="no episode"):
        episode_lineage("nope", db=db, identity=resolve_identity(CONFIG, user="eng"))


def test_lineage_command(trained: dict, monkeypatch: pytest.MonkeyPatch,
                         tmp_path: Path, default_roles_with_users: Any) -> None:
    import json

    from click.testing import CliRunner

    from anomaly.cli import main

    default_roles_with_users("aud")
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    result = CliRunner().invoke(main, ["lineage", "--model", str(trained["version"]),
                                       "--db", str(trained["db"]),
                                       "--models-dir", str(trained["models"])])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{"):])
    assert {Path(b["source_path"]).name for b in out["batches"]} >= {"events.jsonl"}
    result = CliRunner().invoke(main, ["lineage", "--db", str(trained["db"])])
    assert result.exit_code == 2 and "exactly one of --model, --episode" in result.output


def test_report_lineage(trained: dict, tmp_path: Path) -> None:
    from anomaly.lineage import report_lineage, write_report_lineage

    writer = resolve_identity(RoleConfig.from_dict({
        "roles": {"analyst": {"write": ["reports"]}, "auditor": {"read": ["lineage"]}},
        "users": {"ana": ["analyst"], "aud": ["auditor"]}}), user="ana")
    auditor = resolve_identity(writer.config, user="aud")
    html = tmp_path / "report.html"
    html.write_text("<h1>errors</h1>", encoding="utf-8")
    (tmp_path / "report_files").mkdir()
    png = tmp_path / "report_files" / "a.png"
    png.write_bytes(b"png")
    out = write_report_lineage([html, png], db=trained["db"], identity=writer)
    assert out.name == "report.lineage.json"
    got = report_lineage(tmp_path, db=trained["db"], identity=auditor)
    assert got["files"] == {
        "report.html": {"sha256": hashlib.sha256(b"<h1>errors</h1>").hexdigest(),
                        "is_unchanged": True},
        "report_files/a.png": {"sha256": hashlib.sha256(b"png").hexdigest(),
                               "is_unchanged": True}}
    with Store.open(trained["db"], read_only=True) as store:
        n = store.con.execute("SELECT count(*) FROM lineage WHERE status = 'committed'"
                              ).fetchone()[0]
    assert len(got["batches"]) == n and all(b["is_in_store"] for b in got["batches"])
    assert got["feature_build"]["feature_sql_sha256"]
    html.write_text("<h1>edited</h1>", encoding="utf-8")
    assert report_lineage(tmp_path, db=trained["db"], identity=auditor)["files"][
        "report.html"]["is_unchanged"] is False
    with pytest.raises(AccessDenied):
        write_report_lineage([html], db=trained["db"], identity=auditor)
