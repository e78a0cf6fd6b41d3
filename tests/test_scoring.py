"""Batch scoring (anomaly.scoring.score_store) on a small real store with a saved model.

The model is saved as an MLflow pyfunc folder (no tracking store needed); the store is a
real DuckDB file whose features were built by the real feature SQL from hand-made rows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:mlflow.*")


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    from anomaly.model import MinuteScorer
    from anomaly.pyfunc import input_example
    from anomaly.train import save_scoring_model
    from features.build import build_features
    from features.frames import feature_frame
    from features.store import Store

    root = tmp_path_factory.mktemp("scoring")
    db = root / "fl.duckdb"
    rng = np.random.default_rng(3)
    minutes = pd.date_range("2026-03-02", periods=1500, freq="min")
    requests, events = [], []
    for service in ("api", "web"):
        requests.append(pd.DataFrame({"timestamp": minutes, "service": service,
                                      "requests": rng.poisson(120, len(minutes)),
                                      "batch_id": "b1"}))
        errors = rng.poisson(0.3, len(minutes))
        if service == "api":
            errors[1400:1410] += 25  # a 10-minute burst
        stamps = np.repeat(minutes.to_numpy(), errors) + np.timedelta64(5, "s")
        events.append(pd.DataFrame({"timestamp": stamps, "service": service,
                                    "severity": "ERROR", "batch_id": "b2"}))
    with Store.open(db) as store:
        store.con.register("req", pd.concat(requests))
        store.con.register("ev", pd.concat(events))
        store.con.execute("INSERT INTO requests BY NAME SELECT * FROM req")
        store.con.execute("INSERT INTO events BY NAME SELECT * FROM ev")
        store.con.unregister("req")
        store.con.unregister("ev")
        build_features(store)
        frame = feature_frame(store, "feat_model_input", as_="pandas")
    train = frame[frame["minute"] < minutes[1200]]
    scorer = MinuteScorer(min_rows=600).fit(train)
    model = save_scoring_model(scorer, input_example(train, scorer.window_), root / "model")
    return {"db": db, "model": str(model), "root": root, "minutes": minutes}


def _table(db: Path) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT * FROM anomalies ORDER BY service, minute").df()
    finally:
        con.close()


def test_time_chunks_cover_the_range_without_gaps() -> None:
    from anomaly.scoring import time_chunks

    start, end = pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-02 01:40")
    chunks = list(time_chunks(start, end, minutes=30))
    assert [b - a for a, b in chunks] == [pd.Timedelta(minutes=30)] * 3 + [
        pd.Timedelta(minutes=10)]
    assert chunks[0][0] == start and chunks[-1][1] == end
    assert all(chunks[i][1] == chunks[i + 1][0] for i in range(len(chunks) - 1))
    with pytest.raises(ValueError, match="at least 1"):
        list(time_chunks(start, end, minutes=0))


def test_scores_a_range_and_finds_the_burst(setup: dict) -> None:
    from anomaly.scoring import score_store

    minutes = setup["minutes"]
    result = score_store(db=setup["db"], model_uri=setup["model"], start=minutes[1300],
                         end=minutes[1500 - 1] + pd.Timedelta(minutes=1), chunk_minutes=37)
    table = _table(setup["db"])
    assert result.n_rows == len(table) == 2 * 200 and result.model_version is None
    burst = table[(table["service"] == "api") & table["minute"].between(minutes[1400],
                                                                        minutes[1409])]
    assert burst["is_anomaly"].all()
    assert (burst["top_features"].str.split(",").str[0] == "count_errors").all()
    assert table.loc[table["service"] == "web", "is_anomaly"].sum() <= 1
    assert (table["model_uri"] == setup["model"]).all()


def test_an_interrupted_run_leaves_the_table_and_no_parquet(setup: dict) -> None:
    from anomaly.scoring import score_store

    score_store(db=setup["db"], model_uri=setup["model"])
    before = _table(setup["db"])
    parquet = setup["root"] / "out" / "scores.parquet"

    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        score_store(db=setup["db"], model_uri=setup["model"], chunk_minutes=200,
                    parquet=parquet, on_progress=interrupt)
    after = _table(setup["db"])
    pd.testing.assert_frame_equal(before, after)
    assert not parquet.exists() and not list(parquet.parent.glob(".*partial"))


def test_a_store_without_features_is_explained(tmp_path: Path, setup: dict) -> None:
    from anomaly.scoring import score_store
    from features.store import Store

    Store.open(tmp_path / "empty.duckdb").close()
    with pytest.raises(ValueError, match="faultline features"):
        score_store(db=tmp_path / "empty.duckdb", model_uri=setup["model"])
