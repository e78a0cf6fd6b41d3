"""Backup and restore in real DuckDB files: an identical round trip, and failures (wrong
key, corrupted file, open store) that leave the target untouched; encrypted exports."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from features.governance import (
    BackupError,
    ExportError,
    RoleConfig,
    backup,
    export_table,
    read_export,
    resolve_identity,
    restore,
)
from features.governance.backup import manifest_path
from features.store import Store

ADMIN = resolve_identity(RoleConfig.from_dict({
    "roles": {"admin": {"admin": ["backup"]}, "engineer": {"export": ["events"]}},
    "users": {"adm": ["admin"], "eng": ["engineer"]}}), user="adm")
STORE_KEY = "store-key-0123456789"


def _store(path: Path, *, key: str | None = STORE_KEY) -> Path:
    with Store.open(path, key=key) as store:
        store.con.execute("INSERT INTO events (event_id, service, timestamp, message, attributes) "
                          "SELECT 'e' || i, 'svc' || (i % 3), TIMESTAMP '2026-01-01' + "
                          "INTERVAL (i) MINUTE, 'timeout calling <tok:abc>', '{\"k\": 1}' "
                          "FROM range(500) t(i)")
        store.con.execute("INSERT INTO requests VALUES ('2026-01-01', 'svc0', 9, 'b1')")
    return path


def _dump(path: Path, key: str | None) -> dict[str, list]:
    with Store.open(path, key=key, read_only=True) as store:
        return {t: sorted(map(repr, store.con.execute(f'SELECT * FROM "{t}"').fetchall()))
                for t in store.tables()}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_is_identical(tmp_path: Path) -> None:
    src = _store(tmp_path / "fl.duckdb")
    result = backup(src, tmp_path / "b" / "fl.backup", key=STORE_KEY, backup_key="bk-1",
                    identity=ADMIN)
    assert result.tables["events"] == 500
    manifest = json.loads(manifest_path(result.path).read_text())
    assert manifest["sha256"] == _sha(result.path) and manifest["tables"]["requests"] == 1
    assert b"timeout calling" not in result.path.read_bytes()  # encrypted
    assert oct(result.path.stat().st_mode & 0o777) == "0o600"
    target = tmp_path / "restored.duckdb"
    restore(result.path, target, key=STORE_KEY, backup_key="bk-1", identity=ADMIN)
    assert _dump(target, STORE_KEY) == _dump(src, STORE_KEY)
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_plaintext_store_backup_is_still_encrypted(tmp_path: Path) -> None:
    src = _store(tmp_path / "fl.duckdb", key=None)
    result = backup(src, tmp_path / "fl.backup", backup_key="bk-2", identity=ADMIN)
    assert b"timeout calling" not in result.path.read_bytes()
    restore(result.path, tmp_path / "r.duckdb", backup_key="bk-2", identity=ADMIN)
    assert _dump(tmp_path / "r.duckdb", None) == _dump(src, None)


def test_failures_leave_the_target_untouched(tmp_path: Path) -> None:
    src = _store(tmp_path / "fl.duckdb")
    bak = backup(src, tmp_path / "fl.backup", key=STORE_KEY, backup_key="bk-1",
                 identity=ADMIN).path
    target = _store(tmp_path / "target.duckdb", key="other-key-0123456")
    with Store.open(target, key="other-key-0123456") as store:
        store.con.execute("DELETE FROM events WHERE event_id = 'e1'")
    before = _sha(target)
    listing = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(BackupError, match="not the one it was encrypted with"):
        restore(bak, target, key=STORE_KEY, backup_key="wrong", identity=ADMIN)
    assert _sha(target) == before

    corrupted = tmp_path / "corrupt.backup"
    data = bytearray(bak.read_bytes())
    data[len(data) // 2] ^= 0xFF
    corrupted.write_bytes(bytes(data))
    manifest_path(corrupted).write_bytes(manifest_path(bak).read_bytes())
    with pytest.raises(BackupError, match="SHA-256"):
        restore(corrupted, target, key=STORE_KEY, backup_key="bk-1", identity=ADMIN)
    assert _sha(target) == before

    manifest_path(corrupted).unlink()
    with pytest.raises(BackupError, match="manifest"):
        restore(corrupted, target, key=STORE_KEY, backup_key="bk-1", identity=ADMIN)
    assert _sha(target) == before
    corrupted.unlink()
    # No temporary file left over; the only new file is the target's audit log, which
    # records the three failed attempts.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*listing, "target.duckdb.audit.duckdb"])
    from features.governance import AuditLog

    assert AuditLog.for_store(target).records()["outcome"].tolist() == ["failed"] * 3
    with Store.open(target, key="other-key-0123456", read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 499


def test_backup_needs_a_key_and_admin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from features.governance import AccessDenied

    monkeypatch.delenv("FAULTLINE_BACKUP_KEY", raising=False)
    monkeypatch.delenv("FAULTLINE_BACKUP_KEY_FILE", raising=False)
    src = _store(tmp_path / "fl.duckdb", key=None)
    with pytest.raises(BackupError, match="always encrypted"):
        backup(src, tmp_path / "x.backup", identity=ADMIN)
    engineer = resolve_identity(ADMIN.config, user="eng")
    with pytest.raises(AccessDenied, match="may not admin backup"):
        backup(src, tmp_path / "x.backup", backup_key="k", identity=engineer)
    assert not (tmp_path / "x.backup").exists()


def test_backup_and_restore_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from anomaly.cli import main

    src = _store(tmp_path / "fl.duckdb", key=None)
    roles = tmp_path / "roles.yaml"
    roles.write_text("roles:\n  admin:\n    admin: [backup]\nusers:\n  adm: [admin]\n",
                     encoding="utf-8")
    key_file = tmp_path / "backup.key"
    key_file.write_text("file-key-123\n", encoding="utf-8")
    for var in ("FAULTLINE_DB_KEY", "FAULTLINE_DB_KEY_FILE", "FAULTLINE_ROLE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.setenv("FAULTLINE_USER", "adm")
    runner = CliRunner()
    result = runner.invoke(main, ["backup", "--out", str(tmp_path / "b.backup"),
                                  "--key-file", str(key_file), "--db", str(src)])
    assert result.exit_code == 0, result.output
    wrong = tmp_path / "wrong.key"
    wrong.write_text("nope", encoding="utf-8")
    result = runner.invoke(main, ["restore", str(tmp_path / "b.backup"), "--key-file",
                                  str(wrong), "--db", str(tmp_path / "new.duckdb")])
    assert result.exit_code == 1 and "not the one it was encrypted with" in result.output
    assert not (tmp_path / "new.duckdb").exists()
    result = runner.invoke(main, ["restore", str(tmp_path / "b.backup"), "--key-file",
                                  str(key_file), "--db", str(tmp_path / "new.duckdb")])
    assert result.exit_code == 0, result.output
    assert _dump(tmp_path / "new.duckdb", None) == _dump(src, None)


def test_encrypted_export_needs_its_key(tmp_path: Path) -> None:
    src = _store(tmp_path / "fl.duckdb")
    engineer = resolve_identity(ADMIN.config, user="eng")
    out = tmp_path / "events.parquet"
    n = export_table("events", out, db=src, key=STORE_KEY, export_key="passphrase-1",
                     where="service = ?", params=["svc1"], identity=engineer)
    assert n == 167
    assert b"timeout calling" not in out.read_bytes() and b"svc1" not in out.read_bytes()
    assert read_export(out, export_key="passphrase-1").num_rows == 167
    with pytest.raises(ExportError, match="not the one"):
        read_export(out, export_key="passphrase-2")
    with pytest.raises(ExportError, match="not exportable"):
        export_table("schema_migrations", out, db=src, key=STORE_KEY, export_key="p",
                     identity=engineer)
