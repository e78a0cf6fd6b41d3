"""Simulator -> real ingest -> fingerprint stage -> features, on a real store file."""

from __future__ import annotations

from features.build import build_features
from features.fingerprint import fingerprint_store
from features.frames import feature_frame
from features.ingest import ingest
from features.simulate import simulate
from features.store import Store


def test_features_from_ingested_simulation(tmp_path, monkeypatch):
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "features-test-key-0123456789")
    simulate(tmp_path / "sim", days=1, services=4, seed=5, scale=0.01, value_truth=False)
    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        ingest(tmp_path / "sim", store=store)
        fingerprint_store(store.con)
        result = build_features(store)
        assert result.mode == "full"
        (events,) = store.con.execute("SELECT count(*) FROM events").fetchone()
        (counted,) = store.con.execute("SELECT sum(count_events) FROM feat_service_minute"
                                       ).fetchone()
        assert counted == events  # every stored event lands in exactly one service-minute
        (fingerprinted,) = store.con.execute(
            "SELECT sum(count_events) FROM feat_fingerprint_minute").fetchone()
        (with_fp,) = store.con.execute(
            "SELECT count(*) FROM events WHERE fingerprint IS NOT NULL").fetchone()
        assert fingerprinted == with_fp > 0
    frame = feature_frame(db)  # feat_model_input, read back by path
    assert frame.height == 4 * 1440  # 4 services, every minute of the simulated day
    assert frame["count_fingerprints_first_seen"].sum() > 0
    assert frame["requests"].null_count() < frame.height
