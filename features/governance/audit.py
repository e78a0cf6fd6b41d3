"""The audit log: one hash-chained row per access, in its own DuckDB file.

Reads must be audited even when several readers share the store read-only, so the log
lives beside the store in ``<store>.audit.duckdb`` (owner-only permissions). Each
append is a short transaction (retried while another process holds the file) that
reads the last row's hash and writes

``row_hash = HMAC-SHA256(audit key, prev_hash || canonical JSON of the row's fields)``

so that :meth:`AuditLog.verify` can recompute the chain and name the first bad row:
an edited row fails its own hash, a deleted row leaves a gap in ``seq`` (or, for the
last row, disagrees with the ``audit_head`` row written in the same transaction), and
a reordered pair fails the hash of the first row moved.

The chain is keyed: without the audit key (``$FAULTLINE_AUDIT_KEY``, else the key file
``$FAULTLINE_AUDIT_KEY_FILE``, else ``audit.key`` beside the tokenization key, by
default ``data/keys/audit.key``; see :func:`load_audit_key`) nobody can recompute a
consistent chain after editing a row. Each row says how it was hashed
(``chain_version``): 1 is the plain ``sha256(prev_hash || JSON)`` of logs written before
the key existed (or by a process that had none, while the log had no keyed row yet),
2 is the keyed HMAC (with the key's id, ``key_id``, in the hashed JSON). Unkeyed rows
may only precede keyed ones: once a log has a keyed row, appending needs the key, and
an unkeyed row after a keyed one is reported as a rewrite. Logs created before the key
columns existed gain them (as unkeyed rows) the first time they are opened for writing.

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
>>> keyed = AuditLog(log.path.with_name("k.audit.duckdb"),
...                  key=AuditKey.from_secret("an example audit key, not a real one"))
>>> keyed.append(user="ada", role="auditor", action="read", obj="audit")["chain_version"]
2
>>> AuditLog(keyed.path, key=None, use_env_key=False).verify().count_unchecked
1
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = [
    "AUDIT_KEY_ENV",
    "AUDIT_KEY_FILE_ENV",
    "GENESIS_HASH",
    "AuditKey",
    "AuditLog",
    "AuditLogError",
    "VerifyResult",
    "audit_path_for",
    "default_audit_key_path",
    "ensure_audit_key_file",
    "load_audit_key",
    "owner_only",
    "secure_file",
]

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first row of a log."""

FIELDS = (
    "seq", "accessed_at", "user_name", "role", "action", "object", "outcome", "count_rows",
    "range_start", "range_end", "command", "reason",
)

UNKEYED, KEYED = 1, 2
"""``chain_version`` of a row hashed with plain sha256, and of one keyed with HMAC."""

_COLUMNS = (*FIELDS, "prev_hash", "row_hash", "chain_version", "key_id")

_DDL = (
    """CREATE TABLE IF NOT EXISTS audit_log (
        seq BIGINT, accessed_at TIMESTAMP, user_name VARCHAR, role VARCHAR, action VARCHAR,
        object VARCHAR, outcome VARCHAR, count_rows BIGINT, range_start TIMESTAMP,
        range_end TIMESTAMP, command VARCHAR, reason VARCHAR, prev_hash VARCHAR,
        row_hash VARCHAR)""",
    # Migration of logs written before the chain was keyed: their rows read as
    # chain_version NULL, which means unkeyed (1).
    "ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS chain_version SMALLINT",
    "ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS key_id VARCHAR",
    # The last row written, updated in the same transaction as each append: deleting
    # the newest rows of the log then shows as a disagreement with the head.
    "CREATE TABLE IF NOT EXISTS audit_head (seq BIGINT, row_hash VARCHAR)",
    # Where the chain starts after retention removed its oldest rows.
    """CREATE TABLE IF NOT EXISTS audit_anchor (
        seq BIGINT, prev_hash VARCHAR, set_at TIMESTAMP, reason VARCHAR)""",
)


class AuditLogError(RuntimeError):
    """The audit log cannot be written or read; the message says why."""


AUDIT_KEY_ENV = "FAULTLINE_AUDIT_KEY"
"""Environment variable holding the audit key itself (at least 16 characters)."""
AUDIT_KEY_FILE_ENV = "FAULTLINE_AUDIT_KEY_FILE"
"""Environment variable naming the audit key file."""
_MIN_SECRET = 16


def default_audit_key_path() -> Path:
    """The audit key file: ``$FAULTLINE_AUDIT_KEY_FILE``, else ``audit.key`` beside the
    tokenization key file (``$FAULTLINE_TOKEN_KEY_FILE``, else ``data/keys/token.key``).

    Examples
    --------
    >>> import os
    >>> if not os.environ.get("FAULTLINE_AUDIT_KEY_FILE") and not os.environ.get(
    ...         "FAULTLINE_TOKEN_KEY_FILE"):
    ...     assert default_audit_key_path().as_posix() == "data/keys/audit.key"
    """
    from features.privacy.tokens import DEFAULT_KEY_PATH, ENV_KEY_FILE

    named = os.environ.get(AUDIT_KEY_FILE_ENV)
    if named:
        return Path(named)
    token_file = os.environ.get(ENV_KEY_FILE)
    return (Path(token_file) if token_file else DEFAULT_KEY_PATH).with_name("audit.key")


def _how_to_key(*, new: bool = True) -> str:
    how = (f"set {AUDIT_KEY_ENV} to the audit key, or point {AUDIT_KEY_FILE_ENV} at its file "
           f"(default {default_audit_key_path()})")
    if new:
        return how + "; `faultline audit init-key` creates one (mode 0600)"
    return how + " holding the key the log was written with"


@dataclass(frozen=True)
class AuditKey:
    """The secret of the keyed audit chain and its public id.

    Parameters
    ----------
    secret : bytes
        The HMAC key; ``repr`` never shows it.
    key_id : str
        ``k`` plus four hex characters of a hash of the secret (as for the tokenization
        key), recorded in each keyed row.
    source : str
        Where it came from (``env``, a file path, or ``memory``).
    """

    secret: bytes = field(repr=False)
    key_id: str
    source: str = "memory"

    @classmethod
    def from_secret(cls, secret: str | bytes, source: str = "memory") -> AuditKey:
        """Build a key from a secret of at least 16 characters.

        Examples
        --------
        >>> AuditKey.from_secret("an example audit key, not a real one").key_id[:1]
        'k'
        """
        from features.privacy.tokens import TokenKey

        raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
        if len(raw.strip()) < _MIN_SECRET:
            raise AuditLogError(f"the audit key from {source} is shorter than {_MIN_SECRET} "
                                f"characters; {_how_to_key()}")
        token = TokenKey.from_secret(raw, source=source)  # one key-id rule for all keys
        return cls(token.secret, token.key_id, source)


def load_audit_key(*, required: bool = False) -> AuditKey | None:
    """The audit key from ``$FAULTLINE_AUDIT_KEY`` or the key file (see
    :func:`default_audit_key_path`); None when there is none and not ``required``.

    A key file readable by group or others is refused, as for the tokenization key.

    Examples
    --------
    >>> import os
    >>> os.environ["FAULTLINE_AUDIT_KEY"] = "an example audit key, not a real one"
    >>> load_audit_key().source
    'env'
    >>> del os.environ["FAULTLINE_AUDIT_KEY"]
    """
    import stat

    env = os.environ.get(AUDIT_KEY_ENV)
    if env:
        return AuditKey.from_secret(env, source="env")
    path = default_audit_key_path()
    if not path.exists():
        if required:
            raise AuditLogError(f"no audit key: {AUDIT_KEY_ENV} is not set and {path} does "
                                f"not exist; {_how_to_key()}")
        return None
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise AuditLogError(f"the audit key file {path} is readable by other users; run "
                            f"`chmod 600 {path}`")
    return AuditKey.from_secret(path.read_bytes(), source=str(path))


def ensure_audit_key_file(path: str | os.PathLike[str] | None = None) -> Path:
    """Create a random audit key file (mode 0600, folder 0700) unless one exists; never
    overwrites (the log's keyed rows could no longer be checked). Returns its path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = ensure_audit_key_file(pathlib.Path(tempfile.mkdtemp()) / "keys" / "audit.key")
    >>> oct(p.stat().st_mode & 0o777)
    '0o600'
    """
    from features.privacy.tokens import ensure_key_file

    return ensure_key_file(Path(path) if path is not None else default_audit_key_path())


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



def _chain_tail(con: Any) -> tuple[int, str, bool]:
    """The next sequence number, the hash it chains to, and whether the chain is keyed:
    after the newest row, or after the anchor retention left, or the genesis hash of an
    empty log."""
    last = con.execute("SELECT seq, row_hash, coalesce(chain_version, 1) FROM audit_log "
                       "ORDER BY seq DESC LIMIT 1").fetchone()
    if last is not None:
        return int(last[0]) + 1, last[1], int(last[2]) == KEYED
    anchor = con.execute(
        "SELECT seq, prev_hash FROM audit_anchor ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(anchor[0]), anchor[1], False) if anchor else (1, GENESIS_HASH, False)

def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def row_hash(prev_hash: str, row: dict[str, Any], key: AuditKey | None = None) -> str:
    """The row's hash as hex: ``sha256(prev_hash || canonical JSON of the row's fields)``
    without a key (chain version 1), ``HMAC-SHA256(key, prev_hash || canonical JSON)``
    with one (version 2, whose JSON also holds ``chain_version`` and ``key_id``).

    Examples
    --------
    >>> len(row_hash(GENESIS_HASH, {"seq": 1}))
    64
    >>> key = AuditKey.from_secret("an example audit key, not a real one")
    >>> row_hash(GENESIS_HASH, {"seq": 1}, key) != row_hash(GENESIS_HASH, {"seq": 1})
    True
    """
    fields: dict[str, Any] = {k: _canonical(row.get(k)) for k in FIELDS}
    if key is not None:
        fields["chain_version"] = KEYED
        fields["key_id"] = key.key_id
    body = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    message = (prev_hash + body).encode("utf-8")
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key.secret, message, hashlib.sha256).hexdigest()


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
    count_keyed : int
        Rows hashed with the audit key (the others predate it).
    count_unchecked : int
        Keyed rows whose hash could not be recomputed for want of the key (or because
        the key given is another one); their order and links were still checked.
        ``is_valid`` is False while any row is unchecked.
    key_problem : str
        Why rows went unchecked and how to provide the key ("" when none did).
    """

    is_valid: bool
    count_rows: int
    first_bad_seq: int | None
    problem: str
    head_hash: str
    count_keyed: int = 0
    count_unchecked: int = 0
    key_problem: str = ""

    @property
    def is_broken(self) -> bool:
        """A row was found edited, deleted, moved or rewritten without the key."""
        return self.first_bad_seq is not None


class AuditLog:
    """The hash-chained audit log file.

    Parameters
    ----------
    path : str or Path
        The log's DuckDB file (see :func:`audit_path_for`); created on first append.
    lock_timeout : float
        Seconds to keep retrying while another process holds the file.
    key : AuditKey, optional
        The audit key; default :func:`load_audit_key` (the environment or the key file)
        at each append and verify.
    use_env_key : bool
        False: use ``key`` only, even when it is None (verify without any key).
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 30.0,
                 key: AuditKey | None = None, use_env_key: bool = True) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._key = key
        self._use_env_key = use_env_key and key is None

    def key(self) -> AuditKey | None:
        """The audit key this log appends and verifies with (None: none found)."""
        return load_audit_key() if self._use_env_key else self._key

    def _append_key(self, is_keyed: bool) -> AuditKey | None:
        key = self.key()
        if key is None and is_keyed:
            raise AuditLogError(f"the audit log {self.path} is keyed and no audit key was "
                                f"found, so nothing can be recorded; {_how_to_key(new=False)}")
        return key

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
        """Append one row to the chain and return it (with ``prev_hash``, ``row_hash``,
        ``chain_version`` and ``key_id``).

        The row is keyed when an audit key is found; a log that already has keyed rows
        refuses an append without one (:class:`AuditLogError` saying how to provide it).

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
                seq, prev, is_keyed = _chain_tail(con)
                key = self._append_key(is_keyed)
                row["seq"] = seq
                row["prev_hash"] = prev
                row["row_hash"] = row_hash(prev, row, key)
                row["chain_version"] = UNKEYED if key is None else KEYED
                row["key_id"] = None if key is None else key.key_id
                con.execute(
                    f"INSERT INTO audit_log ({', '.join(_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [row[k] for k in _COLUMNS],
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
                seq, prev, is_keyed = _chain_tail(con)
                key = self._append_key(is_keyed)
                version = UNKEYED if key is None else KEYED
                key_id = None if key is None else key.key_id
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
                    digest = row_hash(prev, row, key)
                    values.append([row[k] for k in FIELDS] + [prev, digest, version, key_id])
                    prev, seq = digest, seq + 1
                import pyarrow as pa

                _arrow_types()
                names = _COLUMNS
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

            return pd.DataFrame(columns=list(_COLUMNS))
        with self.connect(read_only=True) as con:
            return con.execute(
                f"SELECT {_select_columns(con)} FROM audit_log WHERE (? IS NULL OR accessed_at >= ?) AND (? IS NULL OR accessed_at < ?) "
                "ORDER BY seq",
                [_naive(start), _naive(start), _naive(end), _naive(end)],
            ).df()

    def verify(self) -> VerifyResult:
        """Recompute the chain and name the first bad row.

        Unkeyed rows (``chain_version`` 1) are checked with plain sha256 and may only come
        before the first keyed row; keyed rows are checked with the audit key. Without
        the key, keyed rows' links and order are still checked but not their contents:
        the result is then not valid, ``count_unchecked`` says how many rows were left
        and ``key_problem`` how to provide the key.

        Returns
        -------
        VerifyResult
            ``first_bad_seq`` is the sequence number of the first edited or moved row,
            or of the first missing one.
        """
        if not self.path.exists():
            return VerifyResult(True, 0, None, "", GENESIS_HASH)
        key = self.key()
        with self.connect(read_only=True) as con:
            anchor = con.execute(
                "SELECT seq, prev_hash FROM audit_anchor ORDER BY seq DESC LIMIT 1").fetchone()
            head = con.execute("SELECT seq, row_hash FROM audit_head").fetchall()
            cursor = con.execute(f"SELECT {_select_columns(con)} FROM audit_log ORDER BY seq")
            expected_seq, prev = (int(anchor[0]), anchor[1]) if anchor else (1, GENESIS_HASH)
            n = count_keyed = 0
            unchecked: list[int] = []
            checked_with_key = False
            other_key_id: str | None = None

            def bad(seq: int, problem: str) -> VerifyResult:
                return VerifyResult(False, n, seq, problem, prev, count_keyed, len(unchecked))

            while batch := cursor.fetchmany(10_000):
                for values in batch:
                    row = dict(zip(_COLUMNS, values, strict=True))
                    seq = int(row["seq"])
                    if seq != expected_seq:
                        what = ("is missing (deleted)" if seq > expected_seq
                                else "appears twice or out of order")
                        return bad(expected_seq, f"row {expected_seq} {what}")
                    if row["prev_hash"] != prev:
                        return bad(seq, f"row {seq} does not follow row {seq - 1} (prev_hash "
                                        "differs): a row before it was deleted or rows were "
                                        "reordered")
                    version = int(row["chain_version"] or UNKEYED)
                    if version == UNKEYED:
                        if count_keyed:
                            return bad(seq, f"row {seq} is not keyed but follows keyed rows: "
                                            "the log was rewritten from it on without the "
                                            "audit key")
                        if row_hash(prev, row) != row["row_hash"]:
                            return bad(seq, f"row {seq} was edited or moved (its hash does "
                                            "not recompute)")
                    elif version == KEYED:
                        count_keyed += 1
                        if key is None:
                            unchecked.append(seq)
                        elif row["key_id"] != key.key_id:
                            if checked_with_key:
                                return bad(seq, f"row {seq} names another audit key "
                                                f"({row['key_id']}) than the rows before it "
                                                f"({key.key_id}): it was rewritten")
                            unchecked.append(seq)
                            other_key_id = other_key_id or str(row["key_id"])
                        elif row_hash(prev, row, key) != row["row_hash"]:
                            return bad(seq, f"row {seq} was edited, moved or rewritten "
                                            "without the audit key (its keyed hash does not "
                                            "recompute)")
                        else:
                            checked_with_key = True
                    else:
                        return bad(seq, f"row {seq} has an unknown chain_version {version}")
                    prev = row["row_hash"]
                    expected_seq += 1
                    n += 1
        if head:
            head_seq, head_hash = int(head[0][0]), head[0][1]
            if head_seq != expected_seq - 1 or head_hash != prev:
                return bad(min(head_seq, expected_seq),
                           f"the log ends at row {expected_seq - 1} but its head records row "
                           f"{head_seq}: the newest rows were deleted or the head was edited")
        elif n:
            return bad(1, "the log has rows but no head row")
        if unchecked:
            span = (f"rows {unchecked[0]}-{unchecked[-1]}" if len(unchecked) > 1
                    else f"row {unchecked[0]}")
            why = (f"they were keyed with audit key {other_key_id}, and the key found "
                   f"({key.source}) is {key.key_id}" if key is not None
                   else "no audit key was found")
            return VerifyResult(
                False, n, None, "", prev, count_keyed, len(unchecked),
                f"cannot check {span} ({len(unchecked)} keyed rows): {why}. Their order and "
                f"links were checked, their contents were not; {_how_to_key(new=False)}")
        return VerifyResult(True, n, None, "", prev, count_keyed, 0)

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
                         "range_end": pa.timestamp("us"), "chain_version": pa.int16()})


def _select_columns(con: Any) -> str:
    """The select list of every column, reading a log not yet migrated to the keyed
    chain (opened read-only) as unkeyed rows."""
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'audit_log'").fetchall()}
    return ", ".join(c if c in have else f"NULL AS {c}" for c in _COLUMNS)


def _naive(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value
