"""The DuckDB store: the one module that opens faultline's database file.

It owns the schema (created and upgraded through numbered migrations, recorded in
``schema_migrations``), encryption at rest (DuckDB's own database encryption, with
the httpfs extension loaded from its installed file so that writes are securely
encrypted without any download), and the errors a user sees when the file is
locked, encrypted, of a newer schema or not a faultline database at all.

Every string written here has already been anonymized by the privacy stage; the
store adds no personal data of its own.

Examples
--------
>>> import tempfile, pathlib
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> with Store.open(tmp / "fl.duckdb") as store:
...     store.schema_version == SCHEMA_VERSION, "events" in store.tables()
(True, True)
>>> with Store.open(tmp / "fl.duckdb", read_only=True) as store:
...     store.table("events", as_="pandas").shape[0]
0
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = [
    "DEFAULT_DB_PATH",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Migration",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreKeyError",
    "StoreLockedError",
    "resolve_db_key",
    "resolve_db_path",
]

DEFAULT_DB_PATH = Path("data/faultline.duckdb")
"""Where the store lives unless ``path`` or ``FAULTLINE_DB`` says otherwise."""

_ALIAS = "faultline"  # catalog name of an attached (encrypted) database


class StoreError(RuntimeError):
    """The database file cannot be used; the message says why and what to do."""


class StoreLockedError(StoreError):
    """Another process is writing the file (or reading it while we want to write)."""


class StoreKeyError(StoreError):
    """The file is encrypted and the key is missing or wrong, or a key was given for a
    plaintext file."""


class SchemaVersionError(StoreError):
    """The file's schema is newer than this faultline, or needs an upgrade that a
    read-only open cannot apply."""


@dataclass(frozen=True)
class Migration:
    """One step of the schema history.

    Parameters
    ----------
    version : int
        Schema version after this step; versions start at 1 and have no gaps.
    description : str
        What the step changes, in a sentence.
    statements : tuple of str
        DDL run in one transaction together with the ``schema_migrations`` row.
    """

    version: int
    description: str
    statements: tuple[str, ...]


# Never edit a released migration: add a new one. Tests upgrade a file made at every
# earlier version and check the result equals a fresh file.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "contract v1 tables: events, companions, catalog, quarantine, lineage",
        (
            """CREATE TABLE events (
                event_id VARCHAR, timestamp TIMESTAMP, service VARCHAR, message VARCHAR,
                severity VARCHAR, error_type VARCHAR, stack_trace VARCHAR, component VARCHAR,
                http_status INTEGER, http_method VARCHAR, http_route VARCHAR,
                duration_ms DOUBLE, trace_id VARCHAR, span_id VARCHAR, parent_span_id VARCHAR,
                environment VARCHAR, region VARCHAR, zone VARCHAR, host VARCHAR,
                version VARCHAR, user_id VARCHAR, session_id VARCHAR, client_ip VARCHAR,
                attributes JSON, fingerprint VARCHAR, template_id VARCHAR,
                sample_weight DOUBLE DEFAULT 1.0, batch_id VARCHAR)""",
            """CREATE TABLE requests (
                timestamp TIMESTAMP, service VARCHAR, requests BIGINT, batch_id VARCHAR)""",
            """CREATE TABLE spans (
                trace_id VARCHAR, span_id VARCHAR, parent_span_id VARCHAR, service VARCHAR,
                operation VARCHAR, start TIMESTAMP, duration_ms DOUBLE, status VARCHAR,
                error_type VARCHAR, batch_id VARCHAR)""",
            """CREATE TABLE deployments (
                service VARCHAR, version VARCHAR, deployed_at TIMESTAMP, environment VARCHAR,
                batch_id VARCHAR)""",
            """CREATE TABLE incidents (
                incident_id VARCHAR, title VARCHAR, severity VARCHAR, services VARCHAR[],
                started_at TIMESTAMP, detected_at TIMESTAMP, acknowledged_at TIMESTAMP,
                resolved_at TIMESTAMP, category VARCHAR, batch_id VARCHAR)""",
            """CREATE TABLE services (
                service VARCHAR, team VARCHAR, tier INTEGER, depends_on VARCHAR[],
                slo_error_rate DOUBLE, slo_latency_p99_ms DOUBLE, escalation JSON)""",
            """CREATE TABLE quarantine (
                batch_id VARCHAR, source_path VARCHAR, line_no BIGINT, reason VARCHAR,
                field VARCHAR, record VARCHAR, quarantined_at TIMESTAMP)""",
            """CREATE TABLE lineage (
                batch_id VARCHAR, source_path VARCHAR, kind VARCHAR, size_bytes BIGINT,
                sha256 VARCHAR, count_input BIGINT, count_accepted BIGINT,
                count_quarantined BIGINT, count_duplicate BIGINT, contract_version VARCHAR,
                policy_version VARCHAR, policy_hash VARCHAR, faultline_version VARCHAR,
                sampling JSON, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR)""",
        ),
    ),
    Migration(
        2,
        "ingest bookkeeping: a dedup ledger of row keys and per-batch repair notes",
        (
            # 128-bit hashes of each accepted row's identity (event_id, or its content
            # hash): a re-delivered row is a duplicate even after its first copy was
            # deleted by retention.
            """CREATE TABLE ingest_keys (
                kind VARCHAR, key_hash UHUGEINT, batch_id VARCHAR)""",
            "ALTER TABLE lineage ADD COLUMN notes JSON",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this faultline writes and reads."""


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The database path: ``path``, else ``$FAULTLINE_DB``, else ``data/faultline.duckdb``.

    Examples
    --------
    >>> resolve_db_path("x/y.duckdb").as_posix()
    'x/y.duckdb'
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("FAULTLINE_DB")
    return Path(env) if env else DEFAULT_DB_PATH


def resolve_db_key(key: str | None = None) -> str | None:
    """The encryption key: ``key``, else ``$FAULTLINE_DB_KEY``, else the contents of the
    file named by ``$FAULTLINE_DB_KEY_FILE``; None means "no encryption".

    Raises
    ------
    StoreKeyError
        When the key file is named but missing or empty.

    Examples
    --------
    >>> resolve_db_key("s3cret")
    's3cret'
    """
    if key:
        return key
    env = os.environ.get("FAULTLINE_DB_KEY")
    if env:
        return env
    key_file = os.environ.get("FAULTLINE_DB_KEY_FILE")
    if key_file:
        p = Path(key_file)
        if not p.is_file():
            raise StoreKeyError(
                "FAULTLINE_DB_KEY_FILE names a file that does not exist; create it with "
                "the database key on one line, or unset the variable"
            )
        text = p.read_text(encoding="utf-8").strip()
        if not text:
            raise StoreKeyError("the file named by FAULTLINE_DB_KEY_FILE is empty")
        return text
    return None


def _httpfs_extension_path() -> str:
    """The installed httpfs extension file (package ``duckdb-extension-httpfs``)."""
    import duckdb

    try:
        import duckdb_extension_httpfs
    except ImportError as exc:
        raise StoreError(
            "encryption at rest needs the httpfs extension from the package "
            f"'duckdb-extension-httpfs=={duckdb.__version__}'; install it with pip"
        ) from exc
    base = Path(duckdb_extension_httpfs.__file__).parent / "extensions"
    candidates = sorted(base.glob(f"v{duckdb.__version__}/httpfs.duckdb_extension"))
    if not candidates:
        found = sorted(p.parent.name for p in base.glob("*/httpfs.duckdb_extension"))
        raise StoreError(
            f"the installed duckdb-extension-httpfs ships {found}, but duckdb is "
            f"v{duckdb.__version__}; install duckdb-extension-httpfs=={duckdb.__version__}"
        )
    return str(candidates[0])


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_LOCK_PID = re.compile(r"\(PID (\d+)\)")


def _translate_open_error(exc: Exception, path: Path) -> StoreError:
    """Turn DuckDB's open errors into messages that say what to do (never the key)."""
    text = str(exc)
    if "Could not set lock" in text or "Conflicting lock" in text:
        m = _LOCK_PID.search(text)
        who = f"process {m.group(1)}" if m else "another process"
        return StoreLockedError(
            f"the database {path} is locked by {who}: it is being written (or read while "
            "you asked to write). Only one writer at a time; readers can open it with "
            "read_only=True / --read-only when no ingest is running. Wait for the other "
            "process to finish and retry."
        )
    if "without a key" in text:
        return StoreKeyError(
            f"the database {path} is encrypted; set FAULTLINE_DB_KEY (or "
            "FAULTLINE_DB_KEY_FILE) or pass key= to open it"
        )
    if "Wrong encryption key" in text:
        return StoreKeyError(
            f"the key given for {path} is not the one it was encrypted with; check "
            "FAULTLINE_DB_KEY / FAULTLINE_DB_KEY_FILE"
        )
    if "is not encrypted" in text:
        return StoreKeyError(
            f"a key was given but the database {path} is not encrypted; open it without "
            "a key (unset FAULTLINE_DB_KEY), or ingest into a new file to encrypt"
        )
    if "not a valid DuckDB database file" in text:
        return StoreError(f"{path} is not a DuckDB database file; point FAULTLINE_DB elsewhere")
    return StoreError(f"cannot open the database {path}: {text}")


class Store:
    """faultline's DuckDB database: schema, encryption, and frame access.

    Open it with :meth:`Store.open`; use it as a context manager so the file is
    released (and its lock dropped) when you are done. Run SQL of your own with
    :meth:`sql` (checked against your role and audited); ``.con`` is the raw DuckDB
    connection, the unguarded escape hatch the package's own stages use inside their
    audited calls.

    Attributes
    ----------
    con : duckdb.DuckDBPyConnection
        The connection; its default catalog is the faultline database.
    path : Path
        The database file.
    is_encrypted : bool
        Whether the file is encrypted at rest.
    read_only : bool
        Whether this handle can write.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb"
    >>> with Store.open(path) as store:
    ...     _ = store.con.execute(
    ...         "INSERT INTO requests VALUES (TIMESTAMP '2026-03-01 10:00:00', 'cart', 42, 'b1')")
    ...     store.table("requests", where="service = ?", params=["cart"])["requests"].to_list()
    [42]
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: Path,
        *,
        is_encrypted: bool,
        read_only: bool,
    ) -> None:
        self.con = con
        self.path = path
        self.is_encrypted = is_encrypted
        self.read_only = read_only

    # -- opening ----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        key: str | None = None,
        read_only: bool = False,
        memory_limit: str | None = None,
    ) -> Store:
        """Open (and, when writable, create or upgrade) the database file.

        Parameters
        ----------
        path : str or Path, optional
            The file; default ``$FAULTLINE_DB`` or ``data/faultline.duckdb``.
        key : str, optional
            Encryption key; default ``$FAULTLINE_DB_KEY`` or the file named by
            ``$FAULTLINE_DB_KEY_FILE``. With a key a new file is created encrypted and
            an existing one must have been encrypted with the same key.
        read_only : bool
            Open for reading only; several readers may share the file while no
            writer holds it.
        memory_limit : str, optional
            DuckDB ``memory_limit`` for this connection, such as ``"1GB"``.

        Returns
        -------
        Store

        Raises
        ------
        StoreLockedError
            Another process holds the file.
        StoreKeyError
            The key is missing, wrong, or given for a plaintext file.
        SchemaVersionError
            The file is of a newer schema, or needs an upgrade but ``read_only``.
        StoreError
            The file is missing (read-only) or is not a faultline database.
        """
        import duckdb

        db_path = resolve_db_path(path)
        db_key = resolve_db_key(key)
        if read_only and not db_path.exists():
            raise StoreError(
                f"no database at {db_path}; create one with `faultline ingest` first "
                "(or open it without read_only)"
            )
        if not read_only:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        config: dict[str, Any] = {}
        if memory_limit:
            config["memory_limit"] = memory_limit
        try:
            if db_key is None:
                con = duckdb.connect(str(db_path), read_only=read_only, config=config)
            else:
                con = duckdb.connect(":memory:", config=config)
                try:
                    con.execute(f"LOAD {_sql_literal(_httpfs_extension_path())}")
                    options = f"ENCRYPTION_KEY {_sql_literal(db_key)}"
                    if read_only:
                        options += ", READ_ONLY"
                    con.execute(
                        f"ATTACH {_sql_literal(str(db_path))} AS {_ALIAS} ({options})"
                    )
                    con.execute(f"USE {_ALIAS}")
                    # Spilled intermediate results are encrypted too.
                    con.execute("SET temp_file_encryption = true")
                except Exception:
                    con.close()
                    raise
        except StoreError:
            raise
        except duckdb.Error as exc:
            raise _translate_open_error(exc, db_path) from None
        if not read_only:
            # Error data is regulated data: the file (and its WAL) is the owner's alone.
            from features.governance.audit import secure_file

            secure_file(db_path)
        # Timestamps are UTC throughout; make the session agree.
        con.execute("SET TimeZone = 'UTC'")
        store = cls(con, db_path, is_encrypted=db_key is not None, read_only=read_only)
        try:
            store._migrate()
        except Exception:
            con.close()
            raise
        return store

    def close(self) -> None:
        """Close the connection and release the file."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The version recorded in ``schema_migrations`` (0 for an empty file)."""
        if "schema_migrations" not in self.tables():
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def tables(self) -> list[str]:
        """Names of the tables in the faultline database, sorted."""
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = 'main' "
            "ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def _migrate(self, *, target: int = SCHEMA_VERSION) -> None:
        tables = self.tables()
        current = self.schema_version
        if current == 0 and tables:
            raise StoreError(
                f"{self.path} holds tables {tables[:5]} but no faultline schema_migrations "
                "table: it is not a faultline database; point FAULTLINE_DB at another file"
            )
        if current > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {current}, newer than this faultline "
                f"(which knows up to {SCHEMA_VERSION}); upgrade faultline to read it"
            )
        pending = [m for m in MIGRATIONS if current < m.version <= target]
        if not pending:
            return
        if self.read_only:
            raise SchemaVersionError(
                f"{self.path} has schema version {current} and needs an upgrade to "
                f"{SCHEMA_VERSION}; open it once without read_only (or run `faultline "
                "ingest`) to upgrade it"
            )
        for m in pending:
            self.con.execute("BEGIN TRANSACTION")
            try:
                if m.version == 1:
                    self.con.execute(
                        "CREATE TABLE schema_migrations (version INTEGER, applied_at TIMESTAMP)"
                    )
                for stmt in m.statements:
                    self.con.execute(stmt)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, CAST(now() AS TIMESTAMP))",
                    [m.version],
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    # -- access -----------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A transaction that commits on success and rolls back on any exception.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "t.duckdb") as store:
        ...     try:
        ...         with store.transaction() as con:
        ...             _ = con.execute("INSERT INTO requests (service) VALUES ('a')")
        ...             raise KeyboardInterrupt
        ...     except KeyboardInterrupt:
        ...         pass
        ...     store.con.execute("SELECT count(*) FROM requests").fetchone()[0]
        0
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def table(
        self,
        name: str,
        *,
        as_: Literal["polars", "pandas", "arrow"] = "polars",
        columns: Sequence[str] | None = None,
        where: str | None = None,
        params: Sequence[Any] | None = None,
        limit: int | None = None,
    ) -> Any:
        """Read a table as a polars (default), pandas or Arrow frame.

        Parameters
        ----------
        name : str
            A table or view in the database (see :meth:`tables`).
        as_ : {"polars", "pandas", "arrow"}
            The frame type returned.
        columns : sequence of str, optional
            Columns to read (default all).
        where : str, optional
            A SQL condition with ``?`` placeholders; values go in ``params``, never
            into the string.
        params : sequence, optional
            Values bound to the placeholders of ``where``.
        limit : int, optional
            At most this many rows.

        Returns
        -------
        polars.DataFrame, pandas.DataFrame or pyarrow.Table
        """
        known = set(self._relations())
        if name not in known:
            raise ValueError(f"no table named {name!r}; tables are {sorted(known)}")
        if columns:
            cols = self.con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_catalog = current_database() AND table_name = ?",
                [name],
            ).fetchall()
            have = [c[0] for c in cols]
            missing = [c for c in columns if c not in have]
            if missing:
                raise ValueError(f"{name} has no columns {missing}; its columns are {have}")
            select = ", ".join(_quote_ident(c) for c in columns)
        else:
            select = "*"
        query = f"SELECT {select} FROM {_quote_ident(name)}"
        if where:
            query += f" WHERE {where}"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        if as_ not in ("polars", "pandas", "arrow"):
            raise ValueError(f"as_ must be 'polars', 'pandas' or 'arrow', not {as_!r}")
        from features.governance.roles import guard

        # a read through the Python API is checked against the caller's role and audited
        # (inside a stage that is already audited, only the permission is checked)
        with guard("read", _object_kind(name), store_path=self.path,
                   command="python Store.table()") as access:
            result = self.con.execute(query, list(params or []))
            if as_ == "polars":
                out = result.pl()
            elif as_ == "pandas":
                out = result.df()
            else:
                out = result.to_arrow_table()
            access.rows = len(out)
        return out

    def sql(
        self,
        query: str,
        params: Sequence[Any] | None = None,
        *,
        as_: Literal["polars", "pandas", "arrow"] = "polars",
    ) -> Any:
        """Run one SQL statement of your own through the governance enforcement point.

        The statement is classified by DuckDB's own parser and binder
        (:func:`features.governance.sql.classify_sql`): a plain query (``SELECT``,
        ``WITH``, ``DESCRIBE``, ``SHOW``, ``SUMMARIZE``, ``EXPLAIN``) is a ``read`` of the
        objects of the tables it reads; anything else is a ``write`` of the objects of
        every table it touches (``events`` when it names none). The caller's role must
        allow the action on every one of them; a denial is audited and nothing runs.
        Each object read or written gets one audit row with the row count (inside an
        audited stage, the permission is only checked). ``COPY``, ``EXPORT``,
        ``ATTACH``, ``INSTALL``/``LOAD`` and transaction statements are refused. A
        statement that touches no store table (``SELECT 1``, ``DESCRIBE events``) runs
        without a check.

        ``store.con`` stays the unguarded connection the package's own stages use
        inside their audited calls; see ``docs/governance.md``.

        Parameters
        ----------
        query : str
            Exactly one statement, with ``?`` placeholders for values.
        params : sequence, optional
            Values bound to the placeholders, never pasted into the string.
        as_ : {"polars", "pandas", "arrow"}
            The frame type returned (a write returns DuckDB's ``Count`` frame).

        Returns
        -------
        polars.DataFrame, pandas.DataFrame or pyarrow.Table

        Raises
        ------
        features.governance.AccessDenied
            The caller's role may not (the denial is in the audit log).
        ValueError
            Not one statement, a refused kind of statement, or a table that does not
            exist.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb") as store:
        ...     _ = store.sql("INSERT INTO requests VALUES ('2026-03-01 10:00', 'cart', 5, 'b1')")
        ...     store.sql("SELECT count(*) AS n FROM requests WHERE service = ?",
        ...               ["cart"])["n"].to_list()
        [1]
        """
        if as_ not in ("polars", "pandas", "arrow"):
            raise ValueError(f"as_ must be 'polars', 'pandas' or 'arrow', not {as_!r}")
        from features.governance.roles import current_identity, enforce, guard
        from features.governance.sql import classify_sql

        access = classify_sql(self.con, query)
        if not access.objects:  # no store table: nothing of the store's data
            return _frame(self.con.execute(query, list(params or [])), as_)
        who = current_identity()
        command = "python Store.sql()"
        for obj in access.objects:  # a denial is audited before anything runs
            if not who.may(access.action, obj):
                enforce(access.action, obj, store_path=self.path, command=command,
                        identity=who)
        first, *rest = access.objects
        with guard(access.action, first, store_path=self.path, command=command,
                   identity=who) as done:
            out = _frame(self.con.execute(query, list(params or [])), as_)
            done.rows = _count(out, access.action)
        for obj in rest:
            enforce(access.action, obj, store_path=self.path, rows=done.rows,
                    command=command, identity=who)
        return out

    def _relations(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database()"
        ).fetchall()
        return [r[0] for r in rows]


def _object_kind(table: str) -> str:
    """The governance object a table belongs to (what a role's ``read`` list names)."""
    from features.governance.sql import table_object

    return table_object(table)


def _frame(result: Any, as_: str) -> Any:
    if as_ == "polars":
        return result.pl()
    if as_ == "pandas":
        return result.df()
    return result.to_arrow_table()


def _count(frame: Any, action: str) -> int:
    """Rows read, or rows changed as DuckDB's ``Count`` column reports them."""
    columns = list(frame.column_names if hasattr(frame, "column_names") else frame.columns)
    if action == "write" and columns == ["Count"] and len(frame) == 1:
        value = frame["Count"][0]
        return int(value.as_py() if hasattr(value, "as_py") else value)
    return len(frame) if hasattr(frame, "__len__") else frame.num_rows


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
