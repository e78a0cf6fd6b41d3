"""The audit log: one hash-chained row per access, in its own DuckDB file.

Reads must be audited even when several readers share the store read-only, so the log
lives beside the store in ``<store>.audit.duckdb`` (owner-only permissions). Each
append is a short transaction (retried while another process holds the file) that
reads the last row's hash and writes

``row_hash = sha256(prev_hash || canonical JSON of the row's other fields)``

so that :meth:`AuditLog.verify` can recompute the chain and name the first bad row:
an edited row fails its own hash, a deleted row leaves a gap in ``seq`` (or, for the
last row, disagrees with the ``audit_head`` row written in the same transaction), and
a reordered pair fails the hash of the first row moved.

Nothing raw is recorded: the command is the subcommand and the names of the options
given, never their values; objects are table kinds; reasons are fixed phrases or
exception class names.

Examples
--------
>>> import tempfile, pathlib
>>> log = AuditLog(pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb.audit.duckdb")
>>> _ = log.append(user="ada", role="analyst", action="read", obj="features", rows=10)
>>> _ = log.append(user="ada", role="analyst", action="export", obj="quarantine",
...                outcome="denied")
>>> result = log.verify()
>>> result.is_valid, result.count_rows, result.first_bad_seq
(True, 2, None)
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = [
    "GENESIS_HASH",
    "AuditLog",
    "AuditLogError",
    "VerifyResult",
    "audit_path_for",
    "owner_only",
    "secure_file",
]

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first row of a log."""

FIELDS = (
    "seq", "accessed_at", "user_name", "role", "action", "object", "outcome", "count_rows",
    "range_start", "range_end", "command", "reason",
)

_DDL = (
    """CREATE TABLE IF NOT EXISTS audit_log (
        seq BIGINT, accessed_at TIMESTAMP, user_name VARCHAR, role VARCHAR, action VARCHAR,
        object VARCHAR, outcome VARCHAR, count_rows BIGINT, range_start TIMESTAMP,
        range_end TIMESTAMP, command VARCHAR, reason VARCHAR, prev_hash VARCHAR,
        row_hash VARCHAR)""",
    # The last row written, updated in the same transaction as each append: deleting
    # the newest rows of the log then shows as a disagreement with the head.
    "CREATE TABLE IF NOT EXISTS audit_head (seq BIGINT, row_hash VARCHAR)",
    # Where the chain starts after retention removed its oldest rows.
    """CREATE TABLE IF NOT EXISTS audit_anchor (
        seq BIGINT, prev_hash VARCHAR, set_at TIMESTAMP, reason VARCHAR)""",
)


class AuditLogError(RuntimeError):
    """The audit log cannot be written or read; the message says why."""


def audit_path_for(store_path: str | os.PathLike[str]) -> Path:
    """The audit log file of a store: ``<store>.audit.duckdb`` beside it.

    Examples
    --------
    >>> audit_path_for("data/faultline.duckdb").as_posix()
    'data/faultline.duckdb.audit.duckdb'
    """
    p = Path(store_path)
    return p.with_name(p.name + ".audit.duckdb")


def secure_file(path: str | os.PathLike[str]) -> None:
    """Make an existing file (and its DuckDB ``.wal``) readable and writable by its owner
    only; files owned by someone else are left alone.

    Examples
    --------
    >>> import tempfile, pathlib, stat
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "k.key"
    >>> _ = p.write_text("x")
    >>> secure_file(p)
    >>> oct(stat.S_IMODE(p.stat().st_mode))
    '0o600'
    """
    for p in (Path(path), Path(str(path) + ".wal")):
        try:
            if p.exists() and p.stat().st_uid == os.getuid():
                p.chmod(0o600)
        except OSError:
            pass


@contextmanager
def owner_only() -> Iterator[None]:
    """Create files with owner-only permissions inside the block (umask 077)."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)



def _chain_tail(con: Any) -> tuple[int, str]:
    """The next sequence number and the hash it chains to: after the newest row, or
    after the anchor retention left, or the genesis hash of an empty log."""
    last = con.execute(
        "SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if last is not None:
        return int(last[0]) + 1, last[1]
    anchor = con.execute(
        "SELECT seq, prev_hash FROM audit_anchor ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(anchor[0]), anchor[1]) if anchor else (1, GENESIS_HASH)

def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def row_hash(prev_hash: str, row: dict[str, Any]) -> str:
    """``sha256(prev_hash || canonical JSON of the row's fields)`` as hex.

    Examples
    --------
    >>> len(row_hash(GENESIS_HASH, {"seq": 1}))
    64
    """
    body = json.dumps({k: _canonical(row.get(k)) for k in FIELDS}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    """What :meth:`AuditLog.verify` found.

    Parameters
    ----------
    is_valid : bool
        The whole chain recomputes.
    count_rows : int
        Rows checked.
    first_bad_seq : int or None
        Sequence number of the first bad row (or of the first missing one).
    problem : str
        What is wrong with it, in a sentence ("" when valid).
    head_hash : str
        Hash of the last row: record it elsewhere to detect a rewritten chain.
    """

    is_valid: bool
    count_rows: int
    first_bad_seq: int | None
    problem: str
    head_hash: str


class AuditLog:
    """The hash-chained audit log file.

    Parameters
    ----------
    path : str or Path
        The log's DuckDB file (see :func:`audit_path_for`); created on first append.
    lock_timeout : float
        Seconds to keep retrying while another process holds the file.
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    @classmethod
    def for_store(cls, store_path: str | os.PathLike[str]) -> AuditLog:
        """The log beside a store file."""
        return cls(audit_path_for(store_path))

    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the log file, retried while another process holds it."""
        import duckdb

        if read_only and not self.path.exists():
            raise AuditLogError(f"no audit log at {self.path}; nothing has been recorded yet")
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.01
        while True:
            try:
                with owner_only():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise AuditLogError(
                        f"cannot open the audit log {self.path}: another process has held "
                        f"it for {self.lock_timeout:.0f} s; retry when it is done"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        try:
            con.execute("SET TimeZone = 'UTC'")
            if not read_only:
                for stmt in _DDL:
                    con.execute(stmt)
            yield con
        finally:
            con.close()
            if not read_only:
                secure_file(self.path)

    def append(
        self,
        *,
        user: str,
        role: str | None,
        action: str,
        obj: str,
        outcome: str = "ok",
        rows: int | None = None,
        range_start: datetime | None = None,
        range_end: datetime | None = None,
        command: str | None = None,
        reason: str | None = None,
        at: datetime | None = None,
    ) -> dict[str, Any]:
        """Append one row to the chain and return it (with ``prev_hash`` and ``row_hash``).

        Parameters
        ----------
        user, role : str
            Who acted, and in which role (None when no role could be resolved).
        action, obj : str
            What was done (read, write, export, admin) to which object kind.
        outcome : {"ok", "denied", "failed"}
            Whether the access happened.
        rows : int, optional
            Rows read, written, exported or deleted.
        range_start, range_end : datetime, optional
            The time range of the data touched, when the caller knows it.
        command : str, optional
            The command line as subcommand and option names (never values).
        reason : str, optional
            Why it was denied or failed (a fixed phrase or an exception class name).
        at : datetime, optional
            When; default now (UTC). Tests and simulations pass their own.
        """
        when = at or datetime.now(UTC)
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        row: dict[str, Any] = {
            "accessed_at": when, "user_name": user, "role": role, "action": action, "object": obj,
            "outcome": outcome, "count_rows": None if rows is None else int(rows),
            "range_start": _naive(range_start), "range_end": _naive(range_end),
            "command": command, "reason": reason,
        }
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                seq, prev = _chain_tail(con)
                row["seq"] = seq
                row["prev_hash"] = prev
                row["row_hash"] = row_hash(prev, row)
                con.execute(
                    f"INSERT INTO audit_log ({', '.join((*FIELDS, 'prev_hash', 'row_hash'))}) "
                    f"VALUES ({', '.join('?' * (len(FIELDS) + 2))})",
                    [row[k] for k in (*FIELDS, "prev_hash", "row_hash")],
                )
                con.execute("DELETE FROM audit_head")
                con.execute("INSERT INTO audit_head VALUES (?, ?)", [seq, row["row_hash"]])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return row

    def append_many(self, rows: list[dict[str, Any]]) -> int:
        """Append many rows (dicts with the keyword arguments of :meth:`append`, ``obj``
        included) in one transaction, in the order given; returns how many."""
        if not rows:
            return 0
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                seq, prev = _chain_tail(con)
                values = []
                for item in rows:
                    when = _naive(item.get("at")) or datetime.now(UTC).replace(tzinfo=None)
                    row = {
                        "seq": seq, "accessed_at": when, "user_name": item["user"],
                        "role": item.get("role"), "action": item["action"],
                        "object": item["obj"], "outcome": item.get("outcome", "ok"),
                        "count_rows": None if item.get("rows") is None else int(item["rows"]),
                        "range_start": _naive(item.get("range_start")),
                        "range_end": _naive(item.get("range_end")),
                        "command": item.get("command"), "reason": item.get("reason"),
                    }
                    digest = row_hash(prev, row)
                    values.append([row[k] for k in FIELDS] + [prev, digest])
                    prev, seq = digest, seq + 1
                import pyarrow as pa

                _arrow_types()
                names = (*FIELDS, "prev_hash", "row_hash")
                schema = pa.schema([(n, _ARROW_TYPES.get(n, pa.string())) for n in names])
                frame = pa.Table.from_pylist([dict(zip(names, v, strict=True))
                                              for v in values], schema=schema)
                con.register("_audit_rows", frame)
                con.execute(f"INSERT INTO audit_log ({', '.join(names)}) "
                            f"SELECT {', '.join(names)} FROM _audit_rows")
                con.unregister("_audit_rows")
                con.execute("DELETE FROM audit_head")
                con.execute("INSERT INTO audit_head VALUES (?, ?)", [seq - 1, prev])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return len(values)

    def records(self, *, start: datetime | None = None, end: datetime | None = None) -> Any:
        """The log as a pandas frame in ``seq`` order, optionally ``start <= accessed_at < end``."""
        if not self.path.exists():
            import pandas as pd

            return pd.DataFrame(columns=[*FIELDS, "prev_hash", "row_hash"])
        with self.connect(read_only=True) as con:
            return con.execute(
                "SELECT * FROM audit_log WHERE (? IS NULL OR accessed_at >= ?) AND (? IS NULL OR accessed_at < ?) "
                "ORDER BY seq",
                [_naive(start), _naive(start), _naive(end), _naive(end)],
            ).df()

    def verify(self) -> VerifyResult:
        """Recompute the chain and name the first bad row.

        Returns
        -------
        VerifyResult
            ``first_bad_seq`` is the sequence number of the first edited or moved row,
            or of the first missing one.
        """
        if not self.path.exists():
            return VerifyResult(True, 0, None, "", GENESIS_HASH)
        with self.connect(read_only=True) as con:
            anchor = con.execute(
                "SELECT seq, prev_hash FROM audit_anchor ORDER BY seq DESC LIMIT 1").fetchone()
            head = con.execute("SELECT seq, row_hash FROM audit_head").fetchall()
            cursor = con.execute(
                f"SELECT {', '.join(FIELDS)}, prev_hash, row_hash FROM audit_log ORDER BY seq")
            expected_seq, prev = (int(anchor[0]), anchor[1]) if anchor else (1, GENESIS_HASH)
            names = (*FIELDS, "prev_hash", "row_hash")
            n = 0
            while batch := cursor.fetchmany(10_000):
                for values in batch:
                    row = dict(zip(names, values, strict=True))
                    seq = int(row["seq"])
                    if seq != expected_seq:
                        what = ("is missing (deleted)" if seq > expected_seq
                                else "appears twice or out of order")
                        return VerifyResult(False, n, expected_seq,
                                            f"row {expected_seq} {what}", prev)
                    if row["prev_hash"] != prev:
                        return VerifyResult(
                            False, n, seq,
                            f"row {seq} does not follow row {seq - 1} (prev_hash differs): "
                            "a row before it was deleted or rows were reordered", prev)
                    if row_hash(prev, row) != row["row_hash"]:
                        return VerifyResult(
                            False, n, seq,
                            f"row {seq} was edited or moved (its hash does not recompute)",
                            prev)
                    prev = row["row_hash"]
                    expected_seq += 1
                    n += 1
        if head:
            head_seq, head_hash = int(head[0][0]), head[0][1]
            if head_seq != expected_seq - 1 or head_hash != prev:
                bad = min(head_seq, expected_seq)
                return VerifyResult(
                    False, n, bad,
                    f"the log ends at row {expected_seq - 1} but its head records row "
                    f"{head_seq}: the newest rows were deleted or the head was edited", prev)
        elif n:
            return VerifyResult(False, n, 1, "the log has rows but no head row", prev)
        return VerifyResult(True, n, None, "", prev)

    def prune_before(self, cutoff: datetime, *, dry_run: bool = False) -> int:
        """Delete the oldest rows with ``at < cutoff`` (a prefix of the chain) and record
        where the remaining chain starts; returns the rows deleted (or that would be)."""
        if not self.path.exists():
            return 0
        cutoff = _naive(cutoff)
        with self.connect(read_only=dry_run) as con:
            # Only a prefix: the first row at or after the cutoff ends the deletion, so
            # out-of-order clocks never punch holes in the chain.
            first_kept = con.execute(
                "SELECT min(seq) FROM audit_log WHERE accessed_at >= ?", [cutoff]).fetchone()[0]
            last = con.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
            if last is None:
                return 0
            stop = int(first_kept) if first_kept is not None else int(last) + 1
            count = con.execute(
                "SELECT count(*) FROM audit_log WHERE seq < ?", [stop]).fetchone()[0]
            if dry_run or count == 0:
                return int(count)
            con.execute("BEGIN TRANSACTION")
            try:
                prev = con.execute("SELECT row_hash FROM audit_log WHERE seq = ?",
                                   [stop - 1]).fetchone()[0]
                con.execute("INSERT INTO audit_anchor VALUES (?, ?, ?, ?)",
                            [stop, prev, datetime.now(UTC).replace(tzinfo=None), "retention"])
                con.execute("DELETE FROM audit_log WHERE seq < ?", [stop])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            return int(count)


_ARROW_TYPES: dict[str, Any] = {}


def _arrow_types() -> None:
    import pyarrow as pa

    _ARROW_TYPES.update({"seq": pa.int64(), "accessed_at": pa.timestamp("us"),
                         "count_rows": pa.int64(), "range_start": pa.timestamp("us"),
                         "range_end": pa.timestamp("us")})


def _naive(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value
