"""Train → register → load by alias → score, against a real store and a real MLflow store.

One session fixture runs the real flow once: the simulator (3 days, 4 services), the
real ingest (privacy included) into a DuckDB file, the real feature build, and a first
training run into a SQLite MLflow store in a temporary folder (a fresh store takes
seconds to migrate, so every test here shares it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:mlflow.*")

TOKEN_KEY = "test-only token key for the training tests, not a secret"


@pytest.fixture(scope="session")
def trained(tmp_path_factory: pytest.TempPathFactory):
    from anomaly.train import train
    from features.build import build_features
    from features.ingest import ingest
    from features.simulate import simulate
    from features.store import Store

    saved = {k: os.environ.get(k) for k in ("FAULTLINE_TOKEN_KEY", "MLFLOW_TRACKING_URI",
                                            "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR")}
    os.environ["FAULTLINE_TOKEN_KEY"] = TOKEN_KEY
    os.environ.pop("MLFLOW_TRACKING_URI", None)
    os.environ["MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR"] = "false"
    root = tmp_path_factory.mktemp("train")
    sim = root / "sim"
    simulate(sim, days=3, services=4, seed=5, scale=0.03, value_truth=False)
    db = root / "fl.duckdb"
    with Store.open(db) as store:
        ingest(sim, store=store)
        build_features(store)
    models = root / "models"
    first = train(db=db, truth=sim / "truth.json", models_dir=models)
    yield {"root": root, "db": db, "truth": sim / "truth.json", "models": models,
           "first": first}
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _client(trained: dict):
    import mlflow

    from anomaly.tracking import configure_tracking

    configure_tracking(models_dir=trained["models"])
    return mlflow.MlflowClient()


def test_split_by_time_never_validates_on_earlier_minutes() -> None:
    from anomaly.train import split_by_time

    minutes = pd.date_range("2026-03-02", periods=100, freq="min")
    frame = pd.DataFrame({"service": ["a", "b"] * 50, "minute": minutes})
    train_rows, val_rows, split_at = split_by_time(frame, validation_share=0.25)
    assert split_at == pd.Timestamp("2026-03-02 01:15")
    assert train_rows["minute"].max() < split_at <= val_rows["minute"].min()
    assert len(train_rows) + len(val_rows) == 100
    with pytest.raises(ValueError, match="validation_share"):
        split_by_time(frame, validation_share=1.0)
    with pytest.raises(ValueError, match="too short"):
        split_by_time(frame.iloc[:1], validation_share=0.3)


def test_first_model_is_champion_and_its_run_records_lineage(trained: dict) -> None:
    from features.privacy import Policy

    first = trained["first"]
    assert first.version == "1" and first.is_promoted
    assert first.truth_source == "file:truth.json"
    assert 0.0 <= first.metrics["val_episode_f1"] <= 1.0
    client = _client(trained)
    run = client.get_run(first.run_id)
    params, tags, metrics = run.data.params, run.data.tags, run.data.metrics
    assert params["model_window"] == "5" and params["split_at"] == str(first.split_at)
    policy = Policy.load()
    assert params["privacy_policy_version"] == policy.version
    assert params["privacy_policy_hash"] == policy.hash
    # the SQL hash of the feature build that made the rows
    import duckdb

    con = duckdb.connect(str(trained["db"]), read_only=True)
    sha = con.execute("SELECT sql_sha256 FROM feature_build_models "
                      "WHERE model = 'feat_model_input'").fetchone()[0]
    batches = {r[0] for r in con.execute("SELECT batch_id FROM lineage").fetchall()}
    con.close()
    assert tags["feature_sql_sha256.feat_model_input"] == sha
    assert set(tags["ingest_batches"].split(",")) == batches and batches
    for name in ("val_episode_f1", "val_delay_median_min", "val_false_alarms_per_day"):
        assert name in metrics
    artifacts = {a.path for a in client.list_artifacts(first.run_id)}
    assert {"lineage.json", "plots"} <= artifacts
    plots = {a.path for a in client.list_artifacts(first.run_id, "plots")}
    assert plots and all(p.endswith(".png") for p in plots)
    assert str(client.get_model_version_by_alias("faultline", "champion").version) == "1"


def test_promotion_refuses_a_worse_model(trained: dict) -> None:
    from click.testing import CliRunner

    from anomaly.cli import main

    result = CliRunner().invoke(main, [
        "train", "--db", str(trained["db"]), "--truth", str(trained["truth"]),
        "--models-dir", str(trained["models"]), "--alerts-per-week", "2000"])
    assert result.exit_code == 0, result.output
    assert "model faultline v2: not promoted" in result.output
    client = _client(trained)
    v2 = client.get_model_version("faultline", "2")
    worse = client.get_run(v2.run_id).data.metrics["val_episode_f1"]
    assert worse < trained["first"].metrics["val_episode_f1"]
    assert "does not beat champion v1" in v2.tags["faultline.promotion"]
    assert str(client.get_model_version_by_alias("faultline", "champion").version) == "1"


def test_load_by_alias_and_score_the_store(trained: dict) -> None:
    import duckdb

    from anomaly.scoring import score_store

    parquet = trained["root"] / "scores" / "scores.parquet"
    # odd chunks: each chunk's first rows must get the context of the minutes before it
    result = score_store(db=trained["db"], models_dir=trained["models"], parquet=parquet,
                         chunk_minutes=997)
    again = score_store(db=trained["db"], models_dir=trained["models"], chunk_minutes=5000)
    con = duckdb.connect(str(trained["db"]), read_only=True)
    n_features = con.execute("SELECT count(*) FROM feat_model_input").fetchone()[0]
    table = con.execute("SELECT * FROM anomalies ORDER BY service, minute").df()
    con.close()
    assert result.model_version == "1" and result.n_rows == n_features == again.n_rows
    assert len(table) == n_features  # the rerun replaced its rows, no duplicates
    assert table[["service", "minute"]].duplicated().sum() == 0
    assert table["component"].isna().all() and (table["model_version"] == "1").all()
    assert table["is_anomaly"].sum() == result.n_anomalies == again.n_anomalies
    written = pd.read_parquet(parquet).sort_values(["service", "minute"]).reset_index(drop=True)
    assert len(written) == n_features
    assert (written["score"].to_numpy() == table["score"].to_numpy()).all()


def test_a_served_row_scores_as_in_the_batch_job(trained: dict) -> None:
    import duckdb
    import mlflow

    from anomaly.model import INPUT_COLUMNS
    from anomaly.scoring import score_store

    _client(trained)
    model = mlflow.pyfunc.load_model("models:/faultline@champion")
    window = int(model.metadata.metadata["window"])
    con = duckdb.connect(str(trained["db"]), read_only=True)
    service, last = con.execute("SELECT service, max(minute) FROM feat_model_input "
                                "GROUP BY service ORDER BY service LIMIT 1").fetchone()
    rows = con.execute("SELECT * FROM feat_model_input WHERE service = ? "
                       "ORDER BY minute DESC LIMIT ?", [service, window]).df()
    con.close()
    payload = rows.sort_values("minute")[list(INPUT_COLUMNS)].astype(
        {c: "float64" for c in INPUT_COLUMNS[2:]})
    payload["minute"] = payload["minute"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    served = model.predict(payload)
    score_store(db=trained["db"], models_dir=trained["models"], start=last,
                end=last + pd.Timedelta(minutes=1))
    con = duckdb.connect(str(trained["db"]), read_only=True)
    batch = con.execute("SELECT score FROM anomalies WHERE service = ? AND minute = ?",
                        [service, last]).fetchone()[0]
    con.close()
    assert served["score"].iloc[-1] == pytest.approx(batch, abs=1e-12)


def test_export_model_writes_a_servable_folder(trained: dict) -> None:
    import mlflow
    from click.testing import CliRunner

    from anomaly.cli import main

    out = trained["root"] / "export" / "faultline"
    for _ in range(2):  # a second export replaces the first
        result = CliRunner().invoke(main, ["export", "model", "--models-dir",
                                           str(trained["models"]), "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert "registered faultline v1" in result.output
    meta = json.loads((out / "faultline-export.json").read_text())
    assert meta["version"] == "1" and meta["name"] == "faultline"
    assert sorted(p.name for p in out.parent.iterdir()) == ["faultline"]
    model = mlflow.pyfunc.load_model(str(out))
    example = json.loads((out / "serving_input_example.json").read_text())["dataframe_split"]
    rows = pd.DataFrame(example["data"], columns=example["columns"])
    assert len(model.predict(rows)) == len(rows)
    # the registry keeps the model
    assert str(_client(trained).get_model_version_by_alias("faultline", "champion").version) == "1"
    missing = CliRunner().invoke(main, ["export", "model", "--models-dir",
                                        str(trained["models"]), "--model",
                                        "models:/faultline@nope", "--out", str(out)])
    assert missing.exit_code != 0 and "cannot export" in missing.output
    assert (out / "MLmodel").exists()  # the failed export left the previous one intact


def test_truth_defaults_to_the_incidents_table(trained: dict) -> None:
    from anomaly.train import read_truth
    from features.store import Store

    with Store.open(trained["db"], read_only=True) as store:
        episodes, source = read_truth(None, store)
        n = store.con.execute("SELECT count(*) FROM incidents").fetchone()[0]
    assert source == "incidents" and len(episodes) == n > 0
    assert {"services", "start", "end", "kind"} <= set(episodes[0])


def test_nothing_personal_in_the_mlflow_store(trained: dict) -> None:
    from features.privacy import scan_paths

    findings = scan_paths([trained["models"]])
    # MLflow's own schema names params, metrics and tags in columns called `key`, which
    # the scanner reads as record keys by the column name alone: not data of ours
    findings = [f for f in findings if not (f.kind == "record_key" and
                                            f.location.endswith(".key"))]
    assert findings == []


def test_scoring_without_a_champion_says_what_to_do(tmp_path: Path, trained: dict) -> None:
    from anomaly.scoring import score_store

    with pytest.raises(ValueError, match="faultline train"):
        score_store(db=trained["db"], models_dir=trained["models"],
                    model_uri="models:/no-such-model@champion")
