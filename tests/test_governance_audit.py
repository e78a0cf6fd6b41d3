"""The hash-chained audit log in a real DuckDB file: verify catches an edited row, a
deleted row, a reordered pair and deleted newest rows, and names the first bad row."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from features.governance import AuditLog
from features.governance.audit import GENESIS_HASH, row_hash


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
    assert row_hash(GENESIS_HASH, first) == rows["row_hash"].iloc[0]
    assert result.head_hash == rows["row_hash"].iloc[-1]


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
