"""The DuckDB store: schema, migrations, encryption at rest, locking, frame access."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from features.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SchemaVersionError,
    Store,
    StoreError,
    StoreKeyError,
    StoreLockedError,
    resolve_db_key,
    resolve_db_path,
)

AGREED_TABLES = {
    "events", "requests", "spans", "deployments", "incidents", "services",
    "quarantine", "lineage", "schema_migrations",
}
MARKER = "PLAINTEXT-MARKER-7f3a9c1e"
SERVICE_MARKER = "cart-service-7f3a9c1e"


def _columns(store: Store, table: str) -> list[tuple[str, str]]:
    return store.con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()


def _make_v1_file(path: Path) -> None:
    """A file exactly as the first release wrote it."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER, applied_at TIMESTAMP)")
    for stmt in MIGRATIONS[0].statements:
        con.execute(stmt)
    con.execute("INSERT INTO schema_migrations VALUES (1, TIMESTAMP '2026-01-01 00:00:00')")
    con.execute(
        "INSERT INTO events (event_id, timestamp, service, message) "
        "VALUES ('e1', TIMESTAMP '2026-01-01 00:00:00', 'cart', 'boom')"
    )
    con.close()


def test_fresh_file_has_the_agreed_schema(tmp_path):
    with Store.open(tmp_path / "a.duckdb") as store:
        assert set(store.tables()) >= AGREED_TABLES
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        cols = dict(_columns(store, "events"))
        assert cols["timestamp"] == "TIMESTAMP"
        assert cols["http_status"] == "INTEGER"
        assert cols["sample_weight"] == "DOUBLE"
        assert cols["attributes"] == "JSON"
        assert dict(_columns(store, "incidents"))["services"] == "VARCHAR[]"
        versions = store.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        assert [v[0] for v in versions] == list(range(1, SCHEMA_VERSION + 1))


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "a.duckdb"
    Store.open(path).close()
    with Store.open(path) as store:
        n = store.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert n == SCHEMA_VERSION


def test_v1_file_is_upgraded_and_equals_a_fresh_file(tmp_path):
    old = tmp_path / "old.duckdb"
    _make_v1_file(old)
    with Store.open(old) as store:
        assert store.schema_version == SCHEMA_VERSION
        upgraded = {t: _columns(store, t) for t in store.tables() if t != "schema_migrations"}
        kept = store.con.execute("SELECT event_id FROM events").fetchall()
    with Store.open(tmp_path / "new.duckdb") as fresh:
        expected = {t: _columns(fresh, t) for t in fresh.tables() if t != "schema_migrations"}
    assert upgraded == expected
    assert kept == [("e1",)]


def test_read_only_open_of_old_file_refuses_instead_of_misreading(tmp_path):
    old = tmp_path / "old.duckdb"
    _make_v1_file(old)
    with pytest.raises(SchemaVersionError, match="needs an upgrade"):
        Store.open(old, read_only=True)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "a.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(SchemaVersionError, match="newer than this faultline"):
        Store.open(path)


def test_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (name VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="not a faultline database"):
        Store.open(path)


def test_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FAULTLINE_DB", str(tmp_path / "env.duckdb"))
    assert resolve_db_path() == tmp_path / "env.duckdb"
    assert resolve_db_path(tmp_path / "arg.duckdb") == tmp_path / "arg.duckdb"
    monkeypatch.delenv("FAULTLINE_DB")
    assert resolve_db_path() == Path("data/faultline.duckdb")


def test_table_frames_and_bound_filters(tmp_path):
    with Store.open(tmp_path / "a.duckdb") as store:
        store.con.execute(
            "INSERT INTO requests VALUES (TIMESTAMP '2026-03-01 10:00', 'cart', 5, 'b'),"
            " (TIMESTAMP '2026-03-01 10:01', 'cart', 7, 'b'), (TIMESTAMP '2026-03-01 10:00', 'api', 1, 'b')"
        )
        pl_frame = store.table("requests", where="service = ? AND requests > ?", params=["cart", 5])
        assert pl_frame["requests"].to_list() == [7]
        pd_frame = store.table("requests", as_="pandas", columns=["service"])
        assert sorted(pd_frame["service"]) == ["api", "cart", "cart"]
        assert store.table("requests", as_="arrow", limit=1).num_rows == 1
        with pytest.raises(ValueError, match="no table named 'nope'"):
            store.table("nope")
        with pytest.raises(ValueError, match="has no columns"):
            store.table("requests", columns=["bogus"])


# -- encryption at rest ----------------------------------------------------------


def _write_marker(store: Store) -> None:
    store.con.execute(
        "INSERT INTO events (event_id, timestamp, service, message) "
        "VALUES ('e1', TIMESTAMP '2026-03-01 10:00:00', ?, ?)",
        [SERVICE_MARKER, MARKER * 50],
    )
    store.con.execute("CHECKPOINT")


def _bytes_on_disk(path: Path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + ".wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_plaintext_control_shows_marker(tmp_path):
    # Control for the encryption test below: the marker is findable when not encrypted.
    path = tmp_path / "plain.duckdb"
    with Store.open(path) as store:
        _write_marker(store)
    assert MARKER.encode() in _bytes_on_disk(path)


def test_encrypted_file_has_no_plaintext_and_reopens_with_key(tmp_path):
    path = tmp_path / "enc.duckdb"
    with Store.open(path, key="correct horse battery") as store:
        assert store.is_encrypted
        _write_marker(store)
        # and a second, uncheckpointed write that lives in the WAL
        store.con.execute(
            "INSERT INTO quarantine (reason, record) VALUES ('x', ?)", [MARKER + "-wal"]
        )
    raw = _bytes_on_disk(path)
    assert MARKER.encode() not in raw
    # A short string such as a 4-byte service name turns up by chance in a megabyte of
    # ciphertext about once in 4,000 runs; a 21-byte one never does.
    assert SERVICE_MARKER.encode() not in raw
    with Store.open(path, key="correct horse battery", read_only=True) as store:
        assert store.table("events")["message"].to_list() == [MARKER * 50]
        assert store.table("quarantine")["record"].to_list() == [MARKER + "-wal"]


def test_missing_wrong_and_unneeded_keys_fail_clearly(tmp_path, monkeypatch):
    monkeypatch.delenv("FAULTLINE_DB_KEY", raising=False)
    monkeypatch.delenv("FAULTLINE_DB_KEY_FILE", raising=False)
    enc = tmp_path / "enc.duckdb"
    Store.open(enc, key="k-one").close()
    with pytest.raises(StoreKeyError, match="is encrypted; set FAULTLINE_DB_KEY"):
        Store.open(enc)
    with pytest.raises(StoreKeyError, match="not the one it was encrypted with") as info:
        Store.open(enc, key="k-two-wrong")
    assert "k-two-wrong" not in str(info.value)
    plain = tmp_path / "plain.duckdb"
    Store.open(plain).close()
    with pytest.raises(StoreKeyError, match="is not encrypted"):
        Store.open(plain, key="k-one")


def test_key_from_environment_and_key_file(tmp_path, monkeypatch):
    monkeypatch.delenv("FAULTLINE_DB_KEY", raising=False)
    key_file = tmp_path / "db.key"
    key_file.write_text("from-file\n")
    monkeypatch.setenv("FAULTLINE_DB_KEY_FILE", str(key_file))
    assert resolve_db_key() == "from-file"
    monkeypatch.setenv("FAULTLINE_DB_KEY", "from-env")
    assert resolve_db_key() == "from-env"
    assert resolve_db_key("from-arg") == "from-arg"
    monkeypatch.delenv("FAULTLINE_DB_KEY")
    monkeypatch.setenv("FAULTLINE_DB_KEY_FILE", str(tmp_path / "absent.key"))
    with pytest.raises(StoreKeyError, match="does not exist"):
        resolve_db_key()


def test_key_with_quote_characters(tmp_path):
    path = tmp_path / "q.duckdb"
    Store.open(path, key="it's a 'key'").close()
    with Store.open(path, key="it's a 'key'", read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION


# -- locking -------------------------------------------------------------------


def _hold(path: Path, *, read_only: bool) -> subprocess.Popen[str]:
    code = textwrap.dedent(
        f"""
        import sys, time
        from features.store import Store
        s = Store.open({str(path)!r}, read_only={read_only})
        print("ready", flush=True)
        sys.stdin.readline()
        s.close()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.communicate("\n", timeout=30)


def test_second_writer_gets_a_locked_error(tmp_path):
    path = tmp_path / "a.duckdb"
    Store.open(path).close()
    holder = _hold(path, read_only=False)
    try:
        with pytest.raises(StoreLockedError, match=rf"locked by process {holder.pid}"):
            Store.open(path)
        with pytest.raises(StoreLockedError):
            Store.open(path, read_only=True)
    finally:
        _release(holder)
    Store.open(path).close()  # free again once the writer is gone


def test_readers_share_the_file_but_block_a_writer(tmp_path):
    path = tmp_path / "a.duckdb"
    Store.open(path).close()
    reader = _hold(path, read_only=True)
    try:
        with Store.open(path, read_only=True) as store:
            assert store.schema_version == SCHEMA_VERSION
        with pytest.raises(StoreLockedError, match="Only one writer"):
            Store.open(path)
    finally:
        _release(reader)
