"""Encrypted, checksummed backup and restore of the store.

:func:`backup` copies every table of the store (``COPY FROM DATABASE``) into a new
DuckDB file encrypted with the backup key, then writes a manifest beside it
(``<backup>.manifest.json``: SHA-256 and size of the file, schema version, row count per
table). :func:`restore` checks the SHA-256 first, opens the backup with the key, copies
it into a temporary file next to the target (encrypted with the store key when one is
given), checks the row counts against the manifest, and only then renames the copy
onto the target: a corrupted file, a wrong key or any error leaves the target as it was.

The backup key is ``key=``, else ``$FAULTLINE_BACKUP_KEY``, else the file named by
``$FAULTLINE_BACKUP_KEY_FILE``; there is no unencrypted backup.

Examples
--------
>>> import tempfile, pathlib
>>> from features.store import Store
>>> from features.governance.roles import RoleConfig, resolve_identity
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> with Store.open(tmp / "fl.duckdb") as store:
...     _ = store.con.execute("INSERT INTO requests VALUES ('2026-01-01', 'cart', 5, 'b1')")
>>> admin = resolve_identity(RoleConfig.from_dict(
...     {"roles": {"admin": {"admin": ["backup"]}}, "users": {"root": ["admin"]}}), user="root")
>>> result = backup(tmp / "fl.duckdb", tmp / "fl.backup", backup_key="b-key", identity=admin)
>>> result.tables["requests"]
1
>>> _ = restore(tmp / "fl.backup", tmp / "restored.duckdb", backup_key="b-key", identity=admin)
>>> with Store.open(tmp / "restored.duckdb", read_only=True) as store:
...     store.table("requests").height
1
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["BackupError", "BackupResult", "backup", "manifest_path", "resolve_backup_key",
           "restore"]

_FORMAT = 1


class BackupError(RuntimeError):
    """A backup cannot be written or restored; nothing was changed."""


@dataclass(frozen=True)
class BackupResult:
    """A backup file (or a restored store) and what it holds."""

    path: Path
    sha256: str
    size_bytes: int
    schema_version: int
    tables: dict[str, int]


def manifest_path(backup_path: str | os.PathLike[str]) -> Path:
    """The manifest beside a backup file.

    Examples
    --------
    >>> manifest_path("b/fl.backup").as_posix()
    'b/fl.backup.manifest.json'
    """
    p = Path(backup_path)
    return p.with_name(p.name + ".manifest.json")


def resolve_backup_key(key: str | None = None) -> str:
    """The backup key: ``key``, else ``$FAULTLINE_BACKUP_KEY``, else the file named by
    ``$FAULTLINE_BACKUP_KEY_FILE``.

    Examples
    --------
    >>> resolve_backup_key("k1")
    'k1'
    """
    if key:
        return key
    if os.environ.get("FAULTLINE_BACKUP_KEY"):
        return os.environ["FAULTLINE_BACKUP_KEY"]
    key_file = os.environ.get("FAULTLINE_BACKUP_KEY_FILE")
    if key_file:
        p = Path(key_file)
        text = p.read_text(encoding="utf-8").strip() if p.is_file() else ""
        if text:
            return text
        raise BackupError("FAULTLINE_BACKUP_KEY_FILE names a missing or empty file")
    raise BackupError("backups are always encrypted: set FAULTLINE_BACKUP_KEY (or "
                      "FAULTLINE_BACKUP_KEY_FILE, or pass --key-file) to the backup key")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _connect() -> Any:
    import duckdb

    from features.store import _httpfs_extension_path

    con = duckdb.connect(":memory:")
    con.execute(f"LOAD {_lit(_httpfs_extension_path())}")
    con.execute("SET TimeZone = 'UTC'")
    return con


def _attach(con: Any, path: Path, alias: str, key: str | None, *, read_only: bool,
            what: str) -> None:
    import duckdb

    options = [f"ENCRYPTION_KEY {_lit(key)}"] if key else []
    if read_only:
        options.append("READ_ONLY")
    opts = f" ({', '.join(options)})" if options else ""
    try:
        con.execute(f"ATTACH {_lit(str(path))} AS {alias}{opts}")
    except duckdb.Error as exc:
        text = str(exc)
        if "Wrong encryption key" in text:
            raise BackupError(f"the key given for the {what} {path} is not the one it was "
                              "encrypted with; nothing was changed") from None
        if "without a key" in text or "encrypted" in text:
            raise BackupError(f"the {what} {path} is encrypted: give its key "
                              "(FAULTLINE_DB_KEY for a store, FAULTLINE_BACKUP_KEY for a "
                              "backup); nothing was changed") from None
        raise BackupError(f"cannot open the {what} {path} ({type(exc).__name__}); "
                          "nothing was changed") from None


def _counts(con: Any, alias: str) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? "
        "AND table_type = 'BASE TABLE' ORDER BY table_name", [alias]).fetchall()]
    return {n: int(con.execute(f'SELECT count(*) FROM {alias}."{n}"').fetchone()[0])
            for n in names}


def _schema_version(con: Any, alias: str, counts: dict[str, int]) -> int:
    if "schema_migrations" not in counts:
        return 0
    row = con.execute(f"SELECT max(version) FROM {alias}.schema_migrations").fetchone()
    return int(row[0] or 0)


def _cleanup(*paths: Path) -> None:
    for p in paths:
        for q in (p, Path(str(p) + ".wal")):
            q.unlink(missing_ok=True)


def backup(
    db: str | os.PathLike[str] | None = None,
    dest: str | os.PathLike[str] | None = None,
    *,
    key: str | None = None,
    backup_key: str | None = None,
    identity: Any = None,
    command: str | None = None,
) -> BackupResult:
    """Write an encrypted copy of the store and its checksum manifest.

    Parameters
    ----------
    db : path, optional
        The store (default ``$FAULTLINE_DB``); it is only read.
    dest : path
        The backup file to write; an existing file is replaced only after success.
    key : str, optional
        The store's own key (default ``$FAULTLINE_DB_KEY``), when it is encrypted.
    backup_key : str, optional
        The key the backup is encrypted with (see :func:`resolve_backup_key`).
    identity : Identity, optional
        The caller; needs ``admin`` on ``backup``.

    Returns
    -------
    BackupResult
    """
    from features.governance.audit import owner_only, secure_file
    from features.governance.roles import guard
    from features.store import resolve_db_key, resolve_db_path

    if dest is None:
        raise ValueError("give the backup file to write (dest / --out)")
    src, out = resolve_db_path(db), Path(dest)
    bkey = resolve_backup_key(backup_key)
    with guard("admin", "backup", store_path=src, identity=identity,
               command=command) as access:
        if not src.is_file():
            raise BackupError(f"no store at {src} to back up")
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
        con = _connect()
        try:
            with owner_only():
                _attach(con, src, "src", resolve_db_key(key), read_only=True, what="store")
                _attach(con, tmp, "dst", bkey, read_only=False, what="backup")
                con.execute("COPY FROM DATABASE src TO dst")
                counts = _counts(con, "dst")
                if counts != _counts(con, "src"):
                    raise BackupError("the copy's row counts differ from the store's; "
                                      "the backup was not written")
                version = _schema_version(con, "dst", counts)
                con.execute("DETACH dst")
        except BaseException:
            con.close()
            _cleanup(tmp)
            raise
        con.close()
        secure_file(tmp)
        digest, size = _sha256(tmp), tmp.stat().st_size
        manifest = {"format": _FORMAT, "sha256": digest, "size_bytes": size,
                    "schema_version": version, "tables": counts,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
        mtmp = manifest_path(tmp)
        with owner_only():
            mtmp.write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, out)
        os.replace(mtmp, manifest_path(out))
        access.rows = sum(counts.values())
    return BackupResult(out, digest, size, version, counts)


def restore(
    source: str | os.PathLike[str],
    db: str | os.PathLike[str] | None = None,
    *,
    key: str | None = None,
    backup_key: str | None = None,
    identity: Any = None,
    command: str | None = None,
) -> BackupResult:
    """Restore a backup onto the store file, atomically.

    Parameters
    ----------
    source : path
        The backup file (its manifest beside it).
    db : path, optional
        The store to replace (default ``$FAULTLINE_DB``); it must not be open.
    key : str, optional
        Key to encrypt the restored store with (default ``$FAULTLINE_DB_KEY``); without
        one the restored store is plaintext.
    backup_key : str, optional
        The backup's key (see :func:`resolve_backup_key`).
    identity : Identity, optional
        The caller; needs ``admin`` on ``backup``.

    Raises
    ------
    BackupError
        Missing manifest, checksum mismatch, wrong key, or a copy that does not match
        the manifest; the target is untouched in every case.
    """
    from features.governance.audit import owner_only, secure_file
    from features.governance.roles import guard
    from features.store import resolve_db_key, resolve_db_path

    src, target = Path(source), resolve_db_path(db)
    bkey = resolve_backup_key(backup_key)
    with guard("admin", "backup", store_path=target, identity=identity,
               command=command) as access:
        mpath = manifest_path(src)
        if not src.is_file() or not mpath.is_file():
            raise BackupError(f"the backup {src} or its manifest {mpath.name} is missing; "
                              "nothing was changed")
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
            expected, tables = manifest["sha256"], dict(manifest["tables"])
        except (ValueError, KeyError, TypeError):
            raise BackupError(f"the manifest {mpath} is not a faultline backup manifest; "
                              "nothing was changed") from None
        if _sha256(src) != expected:
            raise BackupError(f"the backup {src} does not match its manifest's SHA-256: the "
                              "file is corrupted or was changed; nothing was changed")
        if Path(str(target) + ".wal").exists():
            raise BackupError(f"the store {target} has a write-ahead log: it is open or was "
                              "not closed cleanly; close every faultline process using it "
                              "and retry; nothing was changed")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.restore")
        con = _connect()
        try:
            with owner_only():
                _attach(con, src, "bak", bkey, read_only=True, what="backup")
                _attach(con, tmp, "dst", resolve_db_key(key), read_only=False,
                        what="restored store")
                con.execute("COPY FROM DATABASE bak TO dst")
                counts = _counts(con, "dst")
                if counts != tables:
                    raise BackupError("the restored copy's row counts differ from the "
                                      "manifest; nothing was changed")
                version = _schema_version(con, "dst", counts)
                con.execute("DETACH dst")
        except BaseException:
            con.close()
            _cleanup(tmp)
            raise
        con.close()
        secure_file(tmp)
        os.replace(tmp, target)
        access.rows = sum(counts.values())
    return BackupResult(target, _sha256(target), target.stat().st_size, version, counts)
