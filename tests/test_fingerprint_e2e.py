"""Simulator → ingest → fingerprint_store on a real DuckDB file: every event fingerprinted,
counts reconcile, and the simulator's planted deploy regression is flagged as introduced by
the version that brought it."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest

from features.fingerprint import fingerprint_store
from features.store import Store

TOKEN_KEY = "test-only token key, not a secret"


@pytest.fixture(scope="module")
def fingerprinted(tmp_path_factory):
    from features.ingest import ingest
    from features.simulate import simulate

    old = os.environ.get("FAULTLINE_TOKEN_KEY")
    os.environ["FAULTLINE_TOKEN_KEY"] = TOKEN_KEY
    try:
        out = tmp_path_factory.mktemp("fpsim")
        simulate(out, days=1, services=4, seed=3, scale=0.02)
        db = out.parent / "fpsim.duckdb"
        ingest(out, db=db)
    finally:
        if old is None:
            del os.environ["FAULTLINE_TOKEN_KEY"]
        else:
            os.environ["FAULTLINE_TOKEN_KEY"] = old
    with Store.open(db) as store:
        done = fingerprint_store(store.con)
    return db, done, json.loads((out / "truth.json").read_text())


def test_every_stored_event_is_fingerprinted_once(fingerprinted) -> None:
    db, done, _ = fingerprinted
    with Store.open(db, read_only=True) as store:
        con = store.con
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert done == n_events > 0
        assert con.execute("SELECT count(*) FROM events WHERE fingerprint IS NULL").fetchone()[0] == 0
        assert con.execute("SELECT sum(count_events) FROM fingerprints").fetchone()[0] == n_events
        assert con.execute("SELECT sum(count_events) FROM templates").fetchone()[0] == n_events
        # stack traces group by bug: fewer stack fingerprints than distinct stack traces
        n_traces, n_stack = con.execute(
            "SELECT count(DISTINCT stack_trace), count(DISTINCT fingerprint) FILTER "
            "(WHERE stack_trace IS NOT NULL) FROM events").fetchone()
        assert 0 < n_stack < n_traces


def test_the_planted_regression_is_introduced_by_its_version(fingerprinted) -> None:
    db, _, truth = fingerprinted
    regression = next(d for d in truth["deployments"] if d["is_regression"])
    deployed_at = datetime.fromisoformat(regression["deployed_at"].replace("Z", "+00:00"))
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT kind, count_events, first_seen_at FROM fingerprints "
            "WHERE service = ? AND introduced_by_version = ? ORDER BY count_events DESC",
            [regression["service"], regression["version"]],
        ).fetchall()
    assert rows, "no fingerprint was flagged as introduced by the regression deploy"
    kind, count, first_seen = rows[0]
    assert kind == "stack"
    assert count >= 10
    assert first_seen >= deployed_at.replace(tzinfo=None)
