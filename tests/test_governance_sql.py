"""Raw SQL through Store.sql: classified by DuckDB's parser and binder, checked against
the caller's role, audited per object; store.con stays the unguarded escape hatch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import USERS_BY_ROLE

from features.governance import AccessDenied, guard
from features.governance.audit import audit_path_for
from features.governance.sql import classify_sql
from features.store import Store

USERS = USERS_BY_ROLE


@pytest.fixture
def db(tmp_path: Path, default_roles_with_users: Any) -> Path:
    path = tmp_path / "fl.duckdb"
    with Store.open(path) as store:
        store.con.execute("INSERT INTO requests VALUES ('2026-03-01 10:00', 'cart', 5, 'b1'), "
                          "('2026-03-01 10:01', 'cart', 7, 'b1')")
        store.con.execute("CREATE TABLE feat_demo AS SELECT 1 AS x")
        store.con.execute("CREATE TABLE legal_holds (hold_id VARCHAR)")
    default_roles_with_users()
    return path


def _audit(db: Path) -> list[tuple]:
    if not audit_path_for(db).exists():
        return []
    con = duckdb.connect(str(audit_path_for(db)), read_only=True)
    try:
        return con.execute("SELECT user_name, action, object, outcome, count_rows "
                           "FROM audit_log ORDER BY seq").fetchall()
    finally:
        con.close()


CLASSIFIED = [
    ("SELECT * FROM requests", "read", ("events",)),
    ("WITH r AS (SELECT * FROM requests) SELECT * FROM r JOIN feat_demo ON true", "read",
     ("events", "features")),
    ("FROM feat_demo", "read", ("features",)),
    ("SUMMARIZE requests", "read", ("events",)),
    ("EXPLAIN SELECT * FROM quarantine", "read", ("quarantine",)),
    ("EXPLAIN ANALYZE DELETE FROM requests", "write", ("events",)),
    ("DESCRIBE requests", "read", ()),
    ("SELECT 42", "read", ()),
    ("INSERT INTO feat_demo SELECT requests FROM requests", "write", ("events", "features")),
    ("UPDATE requests SET requests = 0", "write", ("events",)),
    ("DELETE FROM legal_holds", "write", ("holds",)),
    ("CREATE TABLE feat_new AS SELECT * FROM feat_demo", "write", ("features",)),
    ("DROP TABLE feat_demo", "write", ("features",)),
    ("ALTER TABLE quarantine ADD COLUMN note VARCHAR", "write", ("quarantine",)),
    ("SET threads = 1", "write", ("events",)),
    ("CHECKPOINT", "write", ("events",)),
    ("PRAGMA table_info('legal_holds')", "write", ("holds",)),
]


@pytest.mark.parametrize(("query", "action", "objects"), CLASSIFIED,
                         ids=[q.split()[0] + "-" + str(i) for i, (q, _, _) in
                              enumerate(CLASSIFIED)])
def test_statements_are_classified_by_duckdb(db: Path, query: str, action: str,
                                             objects: tuple[str, ...]) -> None:
    with Store.open(db) as store:
        got = classify_sql(store.con, query)
    assert (got.action, got.objects) == (action, objects)


@pytest.mark.parametrize("query", [
    "COPY requests TO 'out.csv'", "EXPORT DATABASE 'dump'", "ATTACH ':memory:' AS other",
    "INSTALL httpfs", "BEGIN TRANSACTION", "SELECT 1; DROP TABLE requests"])
def test_refused_statements_run_nothing(db: Path, query: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_USER", "eng")
    with Store.open(db) as store:
        with pytest.raises(ValueError, match="Store.sql|exactly one"):
            store.sql(query)
        assert store.con.execute("SELECT count(*) FROM requests").fetchone()[0] == 2
    assert _audit(db) == []


# (query, role -> allowed): a read needs read, a write needs write, on every object
ROLE_CASES = [
    ("SELECT * FROM requests", {"analyst", "engineer"}),
    ("SELECT * FROM quarantine", {"engineer"}),
    ("INSERT INTO requests VALUES ('2026-03-01 10:02', 'cart', 1, 'b2')", {"engineer"}),
    ("CREATE TABLE feat_mine AS SELECT * FROM feat_demo", {"analyst", "engineer"}),
    ("DELETE FROM legal_holds", set()),  # holds change only through `faultline hold`
]


@pytest.mark.parametrize(("query", "allowed", "user"),
                         [(q, a, u) for q, a in ROLE_CASES for u in USERS],
                         ids=[f"{q.split()[0]}-{i // 4}-{USERS[u]}" for i, (q, _, u) in
                              enumerate((q, a, u) for q, a in ROLE_CASES for u in USERS)])
def test_each_role_allowed_and_denied(db: Path, monkeypatch: pytest.MonkeyPatch, query: str,
                                      allowed: set[str], user: str) -> None:
    monkeypatch.setenv("FAULTLINE_USER", user)
    with Store.open(db) as store:
        access = classify_sql(store.con, query)
        before = store.con.execute("SELECT count(*) FROM requests").fetchone()[0]
        if USERS[user] in allowed:
            store.sql(query)
            outcome = "ok"
        else:
            with pytest.raises(AccessDenied, match=f"may not {access.action}"):
                store.sql(query)
            # nothing ran
            assert store.con.execute("SELECT count(*) FROM requests").fetchone()[0] == before
            outcome = "denied"
    rows = _audit(db)
    assert [r[3] for r in rows] == ([outcome] * len(access.objects) if outcome == "ok"
                                    else ["denied"])
    assert {(r[0], r[1]) for r in rows} == {(user, access.action)}


def test_rows_are_counted_per_object(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_USER", "eng")
    with Store.open(db) as store:
        frame = store.sql("SELECT r.service, f.x FROM requests r, feat_demo f WHERE "
                          "r.requests > ?", [1], as_="pandas")
        assert len(frame) == 2
        assert store.sql("UPDATE requests SET requests = 0 WHERE requests = ?", [5],
                         as_="arrow").num_rows == 1
        assert store.sql("SELECT 1 AS one")["one"].to_list() == [1]  # no table: not audited
    assert _audit(db) == [("eng", "read", "events", "ok", 2),
                          ("eng", "read", "features", "ok", 2),
                          ("eng", "write", "events", "ok", 1)]


def test_inside_an_audited_stage_only_the_permission_is_checked(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_USER", "ana")
    with Store.open(db) as store, guard("write", "features", store_path=db,
                                        command="faultline features"):
        store.sql("CREATE TABLE feat_more AS SELECT * FROM feat_demo")
        with pytest.raises(AccessDenied):
            store.sql("SELECT * FROM quarantine")
    assert [r[1:4] for r in _audit(db)] == [("read", "quarantine", "denied"),
                                            ("write", "features", "ok")]


def test_store_con_stays_the_unguarded_escape_hatch(db: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_USER", "aud")  # may read no store data at all
    with Store.open(db) as store:
        assert store.con.execute("SELECT count(*) FROM requests").fetchone()[0] == 2
        with pytest.raises(AccessDenied):
            store.sql("SELECT count(*) FROM requests")
    assert [r[1:4] for r in _audit(db)] == [("read", "events", "denied")]


def test_a_missing_table_is_a_plain_error(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_USER", "ana")
    with Store.open(db) as store, pytest.raises(ValueError, match="does not exist"):
        store.sql("SELECT * FROM no_such_table")
    assert _audit(db) == []
