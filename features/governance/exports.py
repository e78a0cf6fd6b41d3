"""Encrypted Parquet exports: the way data leaves the store.

:func:`export_table` writes one store table (or a filtered part of it) to a Parquet
file with Parquet modular encryption (AES-GCM, footer and columns encrypted with the
export key), through the enforcement point (``export`` on the table's object kind, audited
with the row count). :func:`read_export` reads such a file back with the key; without it,
or with another key, the read fails.

The export key is ``key=``, else ``$FAULTLINE_EXPORT_KEY``: either base64 of 16, 24 or 32
random bytes, or a passphrase (stretched to 32 bytes with PBKDF2-SHA256).

Examples
--------
>>> import tempfile, pathlib
>>> from features.store import Store
>>> from features.governance.roles import RoleConfig, resolve_identity
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> with Store.open(tmp / "fl.duckdb") as store:
...     _ = store.con.execute("INSERT INTO requests VALUES ('2026-01-01', 'cart', 5, 'b1')")
>>> who = resolve_identity(RoleConfig.from_dict(
...     {"roles": {"engineer": {"export": ["events"]}}, "users": {"ada": ["engineer"]}}),
...     user="ada")
>>> n = export_table("requests", tmp / "r.parquet", db=tmp / "fl.duckdb",
...                  export_key="correct horse", identity=who)
>>> read_export(tmp / "r.parquet", export_key="correct horse").num_rows
1
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["ExportError", "export_table", "object_of", "read_export"]

_KIND = {
    "events": "events", "requests": "events", "spans": "events", "deployments": "events",
    "incidents": "events", "services": "events", "quarantine": "quarantine",
    "lineage": "lineage", "feature_builds": "lineage", "feature_build_models": "lineage",
    "feature_build_batches": "lineage", "anomalies": "episodes", "episodes": "episodes",
}


class ExportError(RuntimeError):
    """An export cannot be written or read; the message says why."""


def object_of(table: str) -> str:
    """The object kind a table belongs to (what a role's ``export`` list names).

    Examples
    --------
    >>> object_of("feat_service_minute"), object_of("spans"), object_of("quarantine")
    ('features', 'events', 'quarantine')
    """
    if table in _KIND:
        return _KIND[table]
    if table.startswith("feat_"):
        return "features"
    raise ExportError(f"table {table!r} is not exportable; exportable tables are "
                      f"{sorted(_KIND)} and the feat_* feature tables")


def _parquet_key(key: str | None) -> str:
    secret = key or os.environ.get("FAULTLINE_EXPORT_KEY")
    if not secret:
        raise ExportError("exports are always encrypted: set FAULTLINE_EXPORT_KEY (or pass "
                          "--key-file) to base64 of 16/24/32 random bytes or a passphrase")
    try:
        raw = base64.b64decode(secret, validate=True)
        if len(raw) in (16, 24, 32):
            return base64.b64encode(raw).decode()
    except (binascii.Error, ValueError):
        pass
    raw = hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), b"faultline-export-v1",
                              200_000)
    return base64.b64encode(raw).decode()


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_table(
    table: str,
    dest: str | os.PathLike[str],
    *,
    db: Any = None,
    columns: Sequence[str] | None = None,
    where: str | None = None,
    params: Sequence[Any] | None = None,
    key: str | None = None,
    export_key: str | None = None,
    identity: Any = None,
    command: str | None = None,
) -> int:
    """Write a store table to an encrypted Parquet file; returns the rows written.

    Parameters
    ----------
    table : str
        A store table (see :func:`object_of` for which may leave the store).
    dest : path
        The Parquet file; written beside under a temporary name and renamed on success.
    db : path or Store, optional
        The store (default ``$FAULTLINE_DB``), opened read-only when a path.
    columns, where, params
        As in :meth:`features.store.Store.table`; values go in ``params``.
    key : str, optional
        The store's key, when it is encrypted.
    export_key : str, optional
        The Parquet encryption key (default ``$FAULTLINE_EXPORT_KEY``).
    identity : Identity, optional
        The caller; needs ``export`` on the table's object kind.
    """
    from features.governance.audit import owner_only
    from features.governance.roles import guard
    from features.store import Store

    obj = object_of(table)
    pkey = _parquet_key(export_key)
    from features.store import resolve_db_path

    own = not hasattr(db, "con")
    out = Path(dest)
    path = resolve_db_path(db) if own else db.path
    with guard("export", obj, store_path=path, identity=identity, command=command) as access:
        store = Store.open(db, key=key, read_only=True) if own else db
        try:
            rel = store.table(table, as_="arrow", columns=columns, where=where, params=params)
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
            # Its own connection with the httpfs extension (OpenSSL): DuckDB writes
            # encrypted Parquet securely only with it loaded.
            from features.governance.backup import _connect

            con = _connect()
            try:
                con.execute(f"PRAGMA add_parquet_key('faultline_export', {_lit(pkey)})")
                con.register("_faultline_export", rel)
                with owner_only():
                    con.execute(f"COPY (SELECT * FROM _faultline_export) TO {_lit(str(tmp))} "
                                "(FORMAT parquet, ENCRYPTION_CONFIG {footer_key: "
                                "'faultline_export'})")
                os.replace(tmp, out)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            finally:
                con.close()
            access.rows = rel.num_rows
        finally:
            if own:
                store.close()
    return int(rel.num_rows)


def read_export(path: str | os.PathLike[str], *, export_key: str | None = None) -> Any:
    """Read an encrypted export back as an Arrow table.

    Raises
    ------
    ExportError
        Wrong or missing key, or not an encrypted faultline export.
    """
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.execute(f"PRAGMA add_parquet_key('faultline_export', {_lit(_parquet_key(export_key))})")
        return con.execute(
            f"SELECT * FROM read_parquet({_lit(str(path))}, "
            "encryption_config={footer_key: 'faultline_export'})").to_arrow_table()
    except duckdb.Error as exc:
        text = str(exc)
        why = ("the key is not the one it was encrypted with" if "AES tag" in text
               else f"it cannot be read ({type(exc).__name__})")
        raise ExportError(f"cannot read the export {Path(path).name}: {why}") from None
    finally:
        con.close()
