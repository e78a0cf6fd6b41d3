"""fingerprint_store against a real DuckDB store file (features.store.Store)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from features.fingerprint import apply as apply_module
from features.fingerprint import fingerprint_store
from features.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "fingerprint"
T0 = datetime(2026, 3, 1, 10, 0)


def _insert(store: Store, rows: list[tuple]) -> None:
    store.con.executemany(
        "INSERT INTO events (event_id, timestamp, service, message, error_type, stack_trace, "
        "version, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'b1')",
        rows,
    )


def _events(minutes: int = 0, prefix: str = "e") -> list[tuple]:
    npe_a = (FIXTURES / "java_npe_a.txt").read_text()
    npe_b = (FIXTURES / "java_npe_b.txt").read_text()
    t = T0 + timedelta(minutes=minutes)
    return [
        (f"{prefix}1", t + timedelta(minutes=5), "cart", "timeout after 500ms", "Timeout", None, "2.0"),
        (f"{prefix}2", t + timedelta(minutes=6), "cart", "timeout after 750ms", "Timeout", None, "2.0"),
        (f"{prefix}3", t + timedelta(minutes=7), "checkout", "timeout after 90ms", "Timeout", None, "7.1"),
        (f"{prefix}4", t + timedelta(minutes=8), "cart", "Cannot invoke getPrice", None, npe_a, "2.0"),
        (f"{prefix}5", t + timedelta(minutes=9), "cart", "item is null", None, npe_b, "2.0"),
        (f"{prefix}6", t + timedelta(hours=3), "cart", "user <user:k1:7f3a9c1e02> locked out", None, None, "2.0"),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "fl.duckdb") as s:
        s.con.execute("INSERT INTO deployments VALUES ('cart', '2.0', ?, 'prod', 'd1')", [T0])
        yield s


def test_every_event_gets_a_fingerprint_and_counts_reconcile(store: Store) -> None:
    _insert(store, _events())
    assert fingerprint_store(store.con) == 6
    con = store.con
    assert con.execute("SELECT count(*) FROM events WHERE fingerprint IS NULL "
                       "OR template_id IS NULL").fetchone()[0] == 0
    assert con.execute("SELECT sum(count_events) FROM fingerprints").fetchone()[0] == 6
    assert con.execute("SELECT sum(count_events) FROM templates").fetchone()[0] == 6
    fp = dict(con.execute("SELECT event_id, fingerprint FROM events").fetchall())
    assert fp["e1"] == fp["e2"]  # same template, service and type
    assert fp["e1"] != fp["e3"]  # same template, other service
    assert fp["e4"] == fp["e5"]  # same bug, different messages
    row = con.execute("SELECT kind, count_events, services, versions FROM fingerprints "
                      "WHERE fingerprint = ?", [fp["e4"]]).fetchone()
    assert row == ("stack", 2, ["cart"], ["2.0"])
    templates = [r[0] for r in con.execute("SELECT template FROM templates ORDER BY 1").fetchall()]
    assert "timeout after <DURATION>" in templates
    assert "user <TOKEN> locked out" in templates


def test_rerun_is_a_no_op(store: Store) -> None:
    _insert(store, _events())
    fingerprint_store(store.con)
    snapshot = store.con.execute("SELECT * FROM fingerprints ORDER BY fingerprint").fetchall()
    assert fingerprint_store(store.con) == 0
    assert store.con.execute("SELECT * FROM fingerprints ORDER BY fingerprint").fetchall() == snapshot


def test_introduced_by_the_deploy_it_followed(store: Store) -> None:
    _insert(store, _events())
    fingerprint_store(store.con, window=timedelta(minutes=60))
    rows = dict(store.con.execute(
        "SELECT e.event_id, f.introduced_by_version FROM events e "
        "JOIN fingerprints f USING (fingerprint)").fetchall())
    assert rows["e1"] == "2.0"  # cart, 5 minutes after cart 2.0 went live
    assert rows["e4"] == "2.0"
    assert rows["e3"] is None  # checkout had no deploy
    assert rows["e6"] is None  # three hours later: outside the window


def test_ids_stable_across_restart_and_later_batches(tmp_path: Path) -> None:
    path = tmp_path / "fl.duckdb"
    with Store.open(path) as s:
        _insert(s, _events())
        fingerprint_store(s.con)
        first = dict(s.con.execute("SELECT event_id, fingerprint FROM events").fetchall())
    with Store.open(path) as s:  # a new process: state comes from the file
        _insert(s, _events(minutes=600, prefix="n"))
        assert fingerprint_store(s.con) == 6
        later = dict(s.con.execute("SELECT event_id, fingerprint FROM events").fetchall())
        counts = dict(s.con.execute(
            "SELECT fingerprint, count_events FROM fingerprints").fetchall())
        first_seen = s.con.execute("SELECT first_seen_at FROM fingerprints WHERE fingerprint = ?",
                                   [first["e1"]]).fetchone()[0]
    for i in range(1, 7):
        assert later[f"n{i}"] == first[f"e{i}"]
        assert later[f"e{i}"] == first[f"e{i}"]
    assert counts[first["e1"]] == 4
    assert first_seen == T0 + timedelta(minutes=5)


def test_small_chunks_give_the_same_result(tmp_path: Path) -> None:
    results = []
    for chunk in (2, 1000):
        with Store.open(tmp_path / f"c{chunk}.duckdb") as s:
            _insert(s, _events())
            fingerprint_store(s.con, chunk_size=chunk)
            results.append((
                s.con.execute("SELECT event_id, template_id, fingerprint FROM events "
                              "ORDER BY event_id").fetchall(),
                s.con.execute("SELECT fingerprint, count_events, first_seen_at, last_seen_at "
                              "FROM fingerprints ORDER BY 1").fetchall(),
            ))
    assert results[0] == results[1]


def test_a_crash_mid_chunk_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _insert(store, _events())

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply_module, "record_batch", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        fingerprint_store(store.con)
    con = store.con
    assert con.execute("SELECT count(*) FROM events WHERE fingerprint IS NOT NULL").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM templates").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM fingerprint_state").fetchone()[0] == 0
    monkeypatch.undo()
    assert fingerprint_store(store.con) == 6
    assert con.execute("SELECT sum(count_events) FROM fingerprints").fetchone()[0] == 6


def test_bad_arguments_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        fingerprint_store(store.con, chunk_size=0)


def test_inside_a_callers_transaction_it_commits_or_rolls_back_with_it(store: Store) -> None:
    _insert(store, _events())
    with pytest.raises(RuntimeError, match="ingest failed"), store.transaction() as con:
        assert fingerprint_store(con, chunk_size=2, own_transaction=False) == 6
        raise RuntimeError("ingest failed")
    con = store.con
    assert con.execute("SELECT count(*) FROM events WHERE fingerprint IS NOT NULL").fetchone()[0] == 0
    assert "fingerprints" not in store.tables()  # even its DDL rolled back with the caller
    with store.transaction() as con:
        assert fingerprint_store(con, chunk_size=2, own_transaction=False) == 6
    assert store.con.execute("SELECT sum(count_events) FROM fingerprints").fetchone()[0] == 6
