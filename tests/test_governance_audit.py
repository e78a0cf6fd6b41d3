"""The hash-chained audit log in a real DuckDB file: verify catches an edited row, a
deleted row, a reordered pair and deleted newest rows, and names the first bad row."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from features.governance import AuditLog
from features.governance.audit import (
    FIELDS,
    GENESIS_HASH,
    KEYED,
    AuditKey,
    AuditLogError,
    ensure_audit_key_file,
    load_audit_key,
    row_hash,
)


def _log(tmp_path: Path, n: int = 6) -> AuditLog:
    log = AuditLog(tmp_path / "fl.duckdb.audit.duckdb")
    t0 = datetime(2026, 7, 1, 9)
    for i in range(n):
        log.append(user=f"u{i % 2}", role="analyst", action="read", obj="features",
                   rows=10 * i, at=t0 + timedelta(minutes=i), command="faultline features")
    return log


def _sql(log: AuditLog, *statements: str) -> None:
    con = duckdb.connect(str(log.path))
    for s in statements:
        con.execute(s)
    con.close()


def test_chain_is_valid_and_hash_is_as_specified(tmp_path: Path) -> None:
    log = _log(tmp_path)
    result = log.verify()
    assert (result.is_valid, result.count_rows, result.first_bad_seq) == (True, 6, None)
    rows = log.records()
    assert rows["seq"].tolist() == [1, 2, 3, 4, 5, 6]
    assert rows["prev_hash"].iloc[0] == GENESIS_HASH
    assert rows["prev_hash"].iloc[1:].tolist() == rows["row_hash"].iloc[:-1].tolist()
    first = rows.iloc[0].to_dict()
    first["accessed_at"] = first["accessed_at"].to_pydatetime()
    first["count_rows"] = int(first["count_rows"])
    first["range_start"] = first["range_end"] = None
    first["reason"] = None
    # keyed (the suite's audit key): HMAC-SHA256, not a plain hash anyone could recompute
    key = load_audit_key(required=True)
    assert rows["chain_version"].tolist() == [KEYED] * 6
    assert set(rows["key_id"]) == {key.key_id}
    assert row_hash(GENESIS_HASH, first, key) == rows["row_hash"].iloc[0]
    assert row_hash(GENESIS_HASH, first) != rows["row_hash"].iloc[0]
    body = json.dumps({**{k: first[k] if k != "accessed_at" else first[k].isoformat(
        timespec="microseconds") for k in FIELDS}, "chain_version": 2,
        "key_id": key.key_id}, sort_keys=True, separators=(",", ":"))
    assert rows["row_hash"].iloc[0] == hmac.new(key.secret, (GENESIS_HASH + body).encode(),
                                                hashlib.sha256).hexdigest()
    assert result.head_hash == rows["row_hash"].iloc[-1]
    assert (result.count_keyed, result.count_unchecked) == (6, 0)


def test_edited_row(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _sql(log, "UPDATE audit_log SET count_rows = 1 WHERE seq = 4")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 4)
    assert "edited" in result.problem


def test_deleted_row(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _sql(log, "DELETE FROM audit_log WHERE seq = 3")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 3)
    assert "missing" in result.problem


def test_deleted_row_with_renumbering(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _sql(log, "DELETE FROM audit_log WHERE seq = 3",
         "UPDATE audit_log SET seq = seq - 1 WHERE seq > 3",
         "UPDATE audit_head SET seq = seq - 1")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 3)


def test_reordered_pair(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _sql(log, "UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 WHEN 3 THEN 2 END "
              "WHERE seq IN (2, 3)")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 2)


def test_reordered_pair_with_hashes_moved_along(tmp_path: Path) -> None:
    log = _log(tmp_path)
    # Swap the contents of rows 4 and 5 but leave seq, prev_hash and row_hash in place.
    _sql(log,
         "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (4, 5)",
         "UPDATE audit_log SET user_name = t.user_name, count_rows = t.count_rows, "
         "accessed_at = t.accessed_at FROM t WHERE t.seq = 9 - audit_log.seq "
         "AND audit_log.seq IN (4, 5)")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 4)


def test_deleted_newest_rows(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _sql(log, "DELETE FROM audit_log WHERE seq >= 5")
    result = log.verify()
    assert (result.is_valid, result.first_bad_seq) == (False, 5)
    assert "newest rows" in result.problem


def test_prune_keeps_the_chain_verifiable(tmp_path: Path) -> None:
    log = _log(tmp_path)
    assert log.prune_before(datetime(2026, 7, 1, 9, 2), dry_run=True) == 2
    assert len(log.records()) == 6
    assert log.prune_before(datetime(2026, 7, 1, 9, 2)) == 2
    assert log.records()["seq"].tolist() == [3, 4, 5, 6]
    assert log.verify().is_valid
    log.append(user="u0", role="analyst", action="read", obj="events")
    assert log.verify().is_valid and log.records()["seq"].tolist()[-1] == 7
    _sql(log, "DELETE FROM audit_log WHERE seq = 3")
    assert log.verify().first_bad_seq == 3


def test_append_many_continues_the_chain(tmp_path: Path) -> None:
    log = _log(tmp_path, n=2)
    log.append_many([{"user": "x", "role": "engineer", "action": "export", "obj": "events",
                      "rows": 5, "at": datetime(2026, 7, 2)}] * 3)
    assert log.records()["seq"].tolist() == [1, 2, 3, 4, 5]
    assert log.verify().is_valid


def test_verify_command_names_the_bad_row(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from anomaly.cli import main

    monkeypatch.setenv("FAULTLINE_USER", "aud")
    monkeypatch.delenv("FAULTLINE_ROLES", raising=False)
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    db = tmp_path / "fl.duckdb"
    log = _log(tmp_path)
    runner = CliRunner()
    # The default unmapped role (engineer) may not read the audit log: denied and audited.
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 1 and "may not read audit" in result.output
    roles = tmp_path / "roles.yaml"
    roles.write_text("roles:\n  auditor:\n    read: [audit, lineage]\nusers:\n  aud: [auditor]\n",
                     encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 0 and "audit log OK: 7 rows" in result.output
    _sql(log, "UPDATE audit_log SET object = 'events' WHERE seq = 2")
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 1
    assert "BROKEN at row 2" in result.output
    rows = log.records()
    assert rows["command"].tolist()[-1] == "main audit verify --db"  # option names only
    assert str(db) not in " ".join(rows["command"].dropna())


def test_concurrent_appenders_keep_one_chain(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "fl.duckdb.audit.duckdb"
    script = ("import sys\nfrom features.governance.audit import AuditLog\n"
              "log = AuditLog(sys.argv[1])\n"
              "for i in range(10):\n"
              "    log.append(user=sys.argv[2], role='analyst', action='read', obj='events',"
              " rows=i)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), user])
             for user in ("p1", "p2", "p3")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    log = AuditLog(path)
    result = log.verify()
    assert (result.is_valid, result.count_rows) == (True, 30)
    assert log.records().groupby("user_name").size().to_dict() == {"p1": 10, "p2": 10,
                                                                   "p3": 10}


# --- the keyed chain -------------------------------------------------------------------


def _rewrite_without_key(log: AuditLog, from_seq: int, *, downgrade: bool) -> None:
    """What someone with write access but no key can do: edit a row, then recompute a
    consistent chain (prev_hash, row_hash, head) from it on with plain sha256."""
    con = duckdb.connect(str(log.path))
    try:
        con.execute("UPDATE audit_log SET count_rows = 0 WHERE seq = ?", [from_seq])
        names = [d[0] for d in con.execute("SELECT * FROM audit_log LIMIT 0").description]
        rows = [dict(zip(names, r, strict=True)) for r in con.execute(
            "SELECT * FROM audit_log ORDER BY seq").fetchall()]
        prev = GENESIS_HASH
        for row in rows:
            if row["seq"] >= from_seq:
                digest = row_hash(prev, row)
                con.execute("UPDATE audit_log SET prev_hash = ?, row_hash = ?, "
                            "chain_version = ?, key_id = ? WHERE seq = ?",
                            [prev, digest, 1 if downgrade else row["chain_version"],
                             None if downgrade else row["key_id"], row["seq"]])
                prev = digest
            else:
                prev = row["row_hash"]
        con.execute("UPDATE audit_head SET row_hash = ?", [prev])
    finally:
        con.close()


@pytest.mark.parametrize("downgrade", [False, True], ids=["kept-keyed", "marked-unkeyed"])
def test_rewrite_without_the_key_is_caught(tmp_path: Path, downgrade: bool) -> None:
    log = _log(tmp_path)
    _rewrite_without_key(log, 3, downgrade=downgrade)
    result = log.verify()
    assert (result.is_valid, result.is_broken, result.first_bad_seq) == (False, True, 3)
    assert ("not keyed but follows keyed rows" if downgrade else "without the audit key"
            ) in result.problem
    # the plain chain alone would have passed: the key is what catches it
    assert AuditLog(log.path, key=None, use_env_key=False).verify().is_broken is downgrade


def test_verify_without_the_key_says_what_it_cannot_check(tmp_path: Path) -> None:
    log = _log(tmp_path)
    result = AuditLog(log.path, key=None, use_env_key=False).verify()
    assert (result.is_valid, result.is_broken) == (False, False)
    assert (result.count_rows, result.count_keyed, result.count_unchecked) == (6, 6, 6)
    assert "cannot check rows 1-6" in result.key_problem
    assert "FAULTLINE_AUDIT_KEY" in result.key_problem
    # links and order are still checked without the key
    _sql(log, "DELETE FROM audit_log WHERE seq = 3")
    assert AuditLog(log.path, key=None, use_env_key=False).verify().first_bad_seq == 3


def test_verify_with_another_key(tmp_path: Path) -> None:
    log = _log(tmp_path)
    other = AuditKey.from_secret("some other audit key, not the one")
    result = AuditLog(log.path, key=other).verify()
    assert not result.is_valid and not result.is_broken and result.count_unchecked == 6
    assert load_audit_key().key_id in result.key_problem and other.key_id in result.key_problem


def test_keyed_log_refuses_appends_without_the_key(tmp_path: Path) -> None:
    log = _log(tmp_path, n=2)
    with pytest.raises(AuditLogError, match="is keyed and no audit key was found"):
        AuditLog(log.path, key=None, use_env_key=False).append(
            user="x", role="analyst", action="read", obj="events")
    assert log.verify().is_valid and len(log.records()) == 2


_OLD_DDL = """CREATE TABLE audit_log (
    seq BIGINT, accessed_at TIMESTAMP, user_name VARCHAR, role VARCHAR, action VARCHAR,
    object VARCHAR, outcome VARCHAR, count_rows BIGINT, range_start TIMESTAMP,
    range_end TIMESTAMP, command VARCHAR, reason VARCHAR, prev_hash VARCHAR,
    row_hash VARCHAR)"""


def _old_unkeyed_log(path: Path, n: int = 3) -> None:
    """A log as written before the chain was keyed: no chain_version or key_id columns."""
    con = duckdb.connect(str(path))
    con.execute(_OLD_DDL)
    con.execute("CREATE TABLE audit_head (seq BIGINT, row_hash VARCHAR)")
    con.execute("CREATE TABLE audit_anchor (seq BIGINT, prev_hash VARCHAR, set_at TIMESTAMP, "
                "reason VARCHAR)")
    prev = GENESIS_HASH
    for i in range(1, n + 1):
        row = {"seq": i, "accessed_at": datetime(2026, 1, 1, 9, i), "user_name": "old",
               "role": "engineer", "action": "write", "object": "events", "outcome": "ok",
               "count_rows": i, "range_start": None, "range_end": None,
               "command": "faultline ingest", "reason": None}
        digest = row_hash(prev, row)
        con.execute(f"INSERT INTO audit_log VALUES ({', '.join('?' * 14)})",
                    [*(row[k] for k in FIELDS), prev, digest])
        prev = digest
    con.execute("INSERT INTO audit_head VALUES (?, ?)", [n, prev])
    con.close()


def test_old_unkeyed_log_stays_verifiable_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "fl.duckdb.audit.duckdb"
    _old_unkeyed_log(path)
    log = AuditLog(path)
    result = log.verify()  # read-only: not migrated, read as unkeyed rows
    assert (result.is_valid, result.count_rows, result.count_keyed) == (True, 3, 0)
    log.append(user="new", role="engineer", action="read", obj="events")  # migrates
    rows = log.records()
    assert rows["chain_version"].fillna(1).astype(int).tolist() == [1, 1, 1, 2]
    result = log.verify()
    assert (result.is_valid, result.count_rows, result.count_keyed) == (True, 4, 1)
    _sql(log, "UPDATE audit_log SET count_rows = 99 WHERE seq = 2")
    assert log.verify().first_bad_seq == 2


def test_unkeyed_log_without_any_key_keeps_working(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "a.audit.duckdb", key=None, use_env_key=False)
    log.append(user="x", role="analyst", action="read", obj="events")
    assert log.records()["chain_version"].tolist() == [1]
    assert log.verify().is_valid
    keyed = AuditLog(log.path)  # the key appears: rows from now on are keyed
    keyed.append(user="x", role="analyst", action="read", obj="events")
    assert keyed.records()["chain_version"].tolist() == [1, 2] and keyed.verify().is_valid


def test_audit_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FAULTLINE_AUDIT_KEY", raising=False)
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY_FILE", str(tmp_path / "keys" / "token.key"))
    monkeypatch.delenv("FAULTLINE_AUDIT_KEY_FILE", raising=False)
    assert load_audit_key() is None
    with pytest.raises(AuditLogError, match="faultline audit init-key"):
        load_audit_key(required=True)
    path = ensure_audit_key_file()
    assert path == tmp_path / "keys" / "audit.key"  # beside the tokenization key
    assert path.stat().st_mode & 0o777 == 0o600
    key = load_audit_key()
    assert key is not None and key.source == str(path) and "secret" not in repr(key)
    text = path.read_text()
    assert ensure_audit_key_file() == path and path.read_text() == text  # never overwritten
    os.chmod(path, 0o644)
    with pytest.raises(AuditLogError, match="readable by other users"):
        load_audit_key()


def test_verify_and_init_key_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      default_roles_with_users: Any) -> None:
    from anomaly.cli import main

    default_roles_with_users("aud")
    db = tmp_path / "fl.duckdb"
    log = _log(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 0 and "audit log OK: 6 rows" in result.output
    # without the key: says what it cannot check and how to give the key (exit 2)
    monkeypatch.delenv("FAULTLINE_AUDIT_KEY")
    monkeypatch.setenv("FAULTLINE_AUDIT_KEY_FILE", str(tmp_path / "keys" / "audit.key"))
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "NOT FULLY CHECKED" in result.output and "cannot check rows 1-7" in result.output
    assert "FAULTLINE_AUDIT_KEY" in result.output
    # a rewrite without the key, caught once the key is back
    monkeypatch.setenv("FAULTLINE_AUDIT_KEY", "test-suite audit key, not a secret")
    _rewrite_without_key(log, 2, downgrade=False)
    result = runner.invoke(main, ["audit", "verify", "--db", str(db)])
    assert result.exit_code == 1 and "BROKEN at row 2" in result.output
    # init-key: creates the file once, mode 0600
    monkeypatch.delenv("FAULTLINE_AUDIT_KEY")
    result = runner.invoke(main, ["audit", "init-key"])
    assert result.exit_code == 0 and "created" in result.output, result.output
    assert (tmp_path / "keys" / "audit.key").stat().st_mode & 0o777 == 0o600
    result = runner.invoke(main, ["audit", "init-key"])
    assert "exists, kept" in result.output
