"""Build the feature tables of ``features/sql/`` against the store, in full or incrementally.

Each ``features/sql/feat_<name>.sql`` holds one SELECT that yields the rows of table
``feat_<name>`` for a range of minutes, bound as ``$range_start`` / ``$range_end``; the
same-named ``.yml`` gives its grain, its time column and its key. The runner orders the
files by the ``feat_*`` tables each one reads, then, in one transaction:

- a **full** build drops every feature table and recreates it over the whole extent of
  the data (first minute of any event, request or span to the minute after the last);
- an **incremental** build deletes the rows of the range and inserts them again. The range
  starts at the end of the previous build, or earlier when ingest batches that no build has
  read yet hold older rows (late data), and ends after the last minute of data. Every
  file reads enough history before its range (its declared lookback) that an incremental
  build gives exactly the rows of a full rebuild.

Each build is recorded in ``feature_builds`` (range, mode, reason), with the SHA-256 of
every SQL file in ``feature_build_models`` and the ingest batches it could read in
``feature_build_batches``. A change to any SQL file turns the next incremental build
into a full one.

Examples
--------
>>> import duckdb
>>> from datetime import datetime
>>> from features.build import build_features, create_input_tables
>>> con = duckdb.connect()
>>> create_input_tables(con)
>>> _ = con.execute("INSERT INTO requests VALUES (TIMESTAMP '2026-03-01 10:00', 'api', 200, 'b1'),"
...                 " (TIMESTAMP '2026-03-01 10:01', 'api', 100, 'b1')")
>>> _ = con.execute("INSERT INTO events (timestamp, service, severity, batch_id) VALUES "
...                 "(TIMESTAMP '2026-03-01 10:00:30', 'api', 'ERROR', 'b2')")
>>> result = build_features(con)
>>> result.mode, result.range_start, result.range_end
('full', datetime.datetime(2026, 3, 1, 10, 0), datetime.datetime(2026, 3, 1, 10, 2))
>>> con.execute("SELECT minute, count_errors, error_rate FROM feat_service_minute "
...             "ORDER BY minute").fetchall()  # doctest: +NORMALIZE_WHITESPACE
[(datetime.datetime(2026, 3, 1, 10, 0), 1, 0.005),
 (datetime.datetime(2026, 3, 1, 10, 1), 0, 0.0)]
>>> build_features(con).mode  # nothing new since
'up_to_date'
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from features.governance.roles import audited_api

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = [
    "INPUT_TABLES",
    "SQL_DIR",
    "BuildResult",
    "FeatureModel",
    "build_features",
    "create_input_tables",
    "load_models",
    "spark_sql",
]

SQL_DIR = Path(__file__).parent / "sql"
"""Where the feature definitions live."""

INPUT_TABLES: dict[str, str | None] = {
    "events": "timestamp",
    "requests": "timestamp",
    "spans": "start",
    "deployments": "deployed_at",
    "services": None,
}
"""Store tables the feature SQL reads, with the time column of each (None: no time)."""

# Tables whose extent defines the minutes a full build covers.
_EXTENT_TABLES = ("events", "requests", "spans")
_LINEAGE_DDL = SQL_DIR / "lineage_tables.sql"
_SPEC_KEYS = {"name", "description", "grain", "time_column", "unique_key", "lookback",
              "lookahead_minutes", "columns", "tests"}


@dataclass(frozen=True)
class FeatureModel:
    """One feature table: its SQL, where it comes from and how it is keyed.

    Parameters
    ----------
    name : str
        Table name, the file's stem (``feat_service_minute``).
    sql : str
        The SELECT, with ``$range_start`` and ``$range_end`` parameters.
    sql_sha256 : str
        SHA-256 of the SQL file's bytes, recorded by every build.
    time_column : str
        The column whose value places a row in a build range.
    unique_key : tuple of str
        Columns that identify a row.
    depends_on : tuple of str
        Feature tables the SQL reads (found by parsing it).
    lookahead_minutes : int
        How far past a row's minute the SQL reads inputs (spans of one trace): an
        incremental build starts this much before the new data, so rows whose later
        inputs have just arrived are rebuilt.
    inputs : tuple of str
        Store tables the SQL reads.
    spec : dict
        The parsed YAML: grain, lookback, column docs and tests.
    """

    name: str
    sql: str
    sql_sha256: str
    time_column: str
    unique_key: tuple[str, ...]
    depends_on: tuple[str, ...]
    inputs: tuple[str, ...]
    lookahead_minutes: int
    spec: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class BuildResult:
    """What a build did.

    Parameters
    ----------
    build_id : str or None
        Id of the ``feature_builds`` row (None when nothing was built).
    mode : str
        ``full``, ``incremental``, ``range`` (explicit since/until) or ``up_to_date``.
    reason : str
        Why this mode was chosen.
    range_start, range_end : datetime or None
        The minutes built, end exclusive.
    rows : dict
        Rows written per feature table.
    sql_sha256 : dict
        Hash of every SQL file used.
    batches : tuple of (str, str)
        ``(input table, batch_id)`` of every ingest batch the build could read.
    seconds : dict
        Wall time spent on each feature table.
    """

    build_id: str | None
    mode: str
    reason: str
    range_start: datetime | None
    range_end: datetime | None
    rows: dict[str, int]
    sql_sha256: dict[str, str]
    batches: tuple[tuple[str, str], ...]
    seconds: dict[str, float] = field(default_factory=dict)


# --- models ---------------------------------------------------------------------------


def load_models(sql_dir: str | Path | None = None) -> list[FeatureModel]:
    """Read every ``feat_*.sql`` with its ``.yml`` and return them in dependency order.

    Parameters
    ----------
    sql_dir : str or Path, optional
        Folder of definitions; default the package's ``features/sql``.

    Returns
    -------
    list of FeatureModel
        Every model after the models it reads; ties in file-name order.

    Raises
    ------
    ValueError
        A ``.yml`` is missing or malformed, a model reads a feature table that has no
        file, or two models read each other.

    Examples
    --------
    >>> models = load_models()
    >>> [m.name for m in models].index("feat_service_minute") < [
    ...     m.name for m in models].index("feat_model_input")
    True
    >>> next(m for m in models if m.name == "feat_latency_minute").depends_on
    ('feat_service_minute',)
    """
    import sqlglot
    import yaml
    from sqlglot import exp

    folder = Path(sql_dir) if sql_dir is not None else SQL_DIR
    paths = sorted(folder.glob("feat_*.sql"))
    if not paths:
        raise ValueError(f"no feat_*.sql files in {folder}")
    names = {p.stem for p in paths}
    found: dict[str, FeatureModel] = {}
    for path in paths:
        raw = path.read_bytes()
        sql = raw.decode("utf-8")
        spec_path = path.with_suffix(".yml")
        if not spec_path.exists():
            raise ValueError(f"{path.name} has no {spec_path.name}: every feature file needs "
                             "one with its grain, time_column, unique_key and columns")
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}
        _check_spec(spec, path.stem, spec_path.name)
        tree = sqlglot.parse_one(sql, read="duckdb")
        ctes = {c.alias_or_name for c in tree.find_all(exp.CTE)}
        tables = {t.name for t in tree.find_all(exp.Table) if t.name and t.name not in ctes}
        tables.discard("generate_series")
        unknown = sorted(t for t in tables if t.startswith("feat_") and t not in names)
        if unknown:
            raise ValueError(f"{path.name} reads {unknown}, which no feat_*.sql file defines")
        other = sorted(t for t in tables if not t.startswith("feat_") and t not in INPUT_TABLES)
        if other:
            raise ValueError(f"{path.name} reads {other}; feature SQL may read only "
                             f"{sorted(INPUT_TABLES)} and feat_* tables")
        found[path.stem] = FeatureModel(
            name=path.stem,
            sql=sql,
            sql_sha256=hashlib.sha256(raw).hexdigest(),
            time_column=spec["time_column"],
            unique_key=tuple(spec["unique_key"]),
            depends_on=tuple(sorted(t for t in tables if t.startswith("feat_"))),
            inputs=tuple(sorted(t for t in tables if t in INPUT_TABLES)),
            lookahead_minutes=int(spec.get("lookahead_minutes", 0)),
            spec=spec,
        )
    sorter = TopologicalSorter({n: found[n].depends_on for n in sorted(found)})
    try:
        sorter.prepare()
    except CycleError as exc:
        raise ValueError(f"feature files read each other in a cycle: {exc.args[1]}") from None
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        order.extend(ready)
        sorter.done(*ready)
    return [found[n] for n in order]


def _check_spec(spec: Any, name: str, file_name: str) -> None:
    if not isinstance(spec, dict):
        raise ValueError(f"{file_name} must be a mapping with keys {sorted(_SPEC_KEYS)}")
    unknown = sorted(set(spec) - _SPEC_KEYS)
    if unknown:
        raise ValueError(f"{file_name} has unknown keys {unknown}; allowed are {sorted(_SPEC_KEYS)}")
    missing = sorted({"name", "grain", "time_column", "unique_key", "columns"} - set(spec))
    if missing:
        raise ValueError(f"{file_name} lacks {missing}")
    if spec["name"] != name:
        raise ValueError(f"{file_name} names the table {spec['name']!r}; the file is {name!r}")
    columns = spec["columns"]
    if not isinstance(columns, dict) or not columns:
        raise ValueError(f"{file_name}: 'columns' must map each column name to its description")
    for key in [spec["time_column"], *spec["unique_key"]]:
        if key not in columns:
            raise ValueError(f"{file_name}: key column {key!r} is not among its columns")


def spark_sql(model: FeatureModel | str) -> str:
    """Transpile a feature definition to Spark SQL with sqlglot.

    The same definitions can then run on Spark when one machine is not enough.
    ``quantile_cont(x, p)`` becomes Spark's exact ``percentile(x, p)`` (sqlglot alone
    would write ``PERCENTILE_CONT(x, p)``, which Spark does not accept), and DuckDB's 64-bit
    ``hash(...)`` becomes Spark's ``xxhash64(...)`` (Spark's ``hash`` has 32 bits), and the
    ``[NOT] MATERIALIZED`` hints of common table expressions, which only steer DuckDB's
    planner, are left out. DuckDB's ``mad``
    has no Spark counterpart and is left as is (``feat_baseline_minute`` only).

    Parameters
    ----------
    model : FeatureModel or str
        A model or a model name.

    Returns
    -------
    str
        Spark SQL with ``:range_start`` / ``:range_end`` parameter markers.

    Examples
    --------
    >>> text = spark_sql("feat_latency_minute")
    >>> "PERCENTILE(duration_ms, ARRAY(0.5, 0.95, 0.99))" in text, "latencies_ms[0]" in text
    (True, True)
    """
    import sqlglot
    from sqlglot import exp

    if isinstance(model, str):
        by_name = {m.name: m for m in load_models()}
        if model not in by_name:
            raise ValueError(f"no feature named {model!r}; features are {sorted(by_name)}")
        model = by_name[model]

    def to_spark(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.PercentileCont) and node.expression is not None:
            return exp.Anonymous(this="PERCENTILE", expressions=[node.this, node.expression])
        if isinstance(node, exp.Anonymous) and node.name.lower() == "hash":
            return exp.Anonymous(this="XXHASH64", expressions=node.expressions)
        if isinstance(node, exp.CTE) and node.args.get("materialized") is not None:
            node.set("materialized", None)  # a DuckDB planner hint; Spark has no such syntax
        return node

    tree = sqlglot.parse_one(model.sql, read="duckdb").transform(to_spark)
    return tree.sql(dialect="spark", unsupported_level=sqlglot.ErrorLevel.RAISE, pretty=True)


# --- inputs ---------------------------------------------------------------------------


def create_input_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create empty store input tables that do not exist yet (agreed store schema).

    The store's migrations create these in a real database file; this helper gives tests,
    examples and benchmarks the same tables on a bare DuckDB connection.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection

    Examples
    --------
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> create_input_tables(con)
    >>> sorted(r[0] for r in con.execute("SHOW TABLES").fetchall())
    ['deployments', 'events', 'requests', 'services', 'spans']
    """
    from features.store import MIGRATIONS

    wanted = set(INPUT_TABLES)
    for statement in MIGRATIONS[0].statements:
        table = statement.split("(")[0].split()[-1]
        if table in wanted:
            con.execute(statement.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))


def _connection(source: Any) -> duckdb.DuckDBPyConnection:
    con = getattr(source, "con", source)
    if not hasattr(con, "execute"):
        raise TypeError("pass a features.store.Store or a duckdb connection, "
                        f"not {type(source).__name__}")
    return con


def _existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_schema = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}


def _floor_minute(ts: datetime) -> datetime:
    return ts.replace(second=0, microsecond=0)


def _ceil_minute(ts: datetime) -> datetime:
    floor = _floor_minute(ts)
    return floor if floor == ts else floor + timedelta(minutes=1)


def _data_extent(con: duckdb.DuckDBPyConnection) -> tuple[datetime | None, datetime | None]:
    lows, highs = [], []
    for table in _EXTENT_TABLES:
        column = INPUT_TABLES[table]
        low, high = con.execute(f'SELECT min("{column}"), max("{column}") FROM {table}').fetchone()
        if low is not None:
            lows.append(low)
            highs.append(high)
    if not lows:
        return None, None
    return _floor_minute(min(lows)), _floor_minute(max(highs)) + timedelta(minutes=1)


def _visible_batches(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for table, column in INPUT_TABLES.items():
        if column is None:
            continue
        rows = con.execute(
            f"SELECT DISTINCT batch_id FROM {table} WHERE batch_id IS NOT NULL ORDER BY 1"
        ).fetchall()
        out.extend((table, r[0]) for r in rows)
    return out


def _earliest_unread(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """Earliest time among rows of batches that no recorded build has read."""
    earliest: list[datetime] = []
    for table, column in INPUT_TABLES.items():
        if column is None:
            continue
        (low,) = con.execute(
            f'SELECT min("{column}") FROM {table} AS t WHERE t.batch_id IS NOT NULL '
            "AND t.batch_id NOT IN (SELECT b.batch_id FROM feature_build_batches AS b "
            "WHERE b.source_table = ?)",
            [table],
        ).fetchone()
        if low is not None:
            earliest.append(low)
    return _floor_minute(min(earliest)) if earliest else None


# --- building -------------------------------------------------------------------------


@audited_api("write", "features")
def build_features(
    source: Any,
    *,
    full: bool = False,
    since: datetime | None = None,
    until: datetime | None = None,
    sql_dir: str | Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildResult:
    """Build (or bring up to date) every ``feat_*`` table.

    Parameters
    ----------
    source : features.store.Store or duckdb.DuckDBPyConnection
        The store to read inputs from and write feature tables to.
    full : bool
        Drop and rebuild every feature table over the whole data extent.
    since, until : datetime, optional
        Rebuild exactly this range of minutes (naive UTC; ``since`` is floored and
        ``until`` ceiled to whole minutes). Rows after ``until`` that look back into the
        range (baselines) are not refreshed: prefer the default incremental mode.
    sql_dir : str or Path, optional
        Folder of definitions; default the package's ``features/sql``.
    progress : callable, optional
        Called as ``progress(table, index, total)`` before each table is built.

    Returns
    -------
    BuildResult

    Raises
    ------
    ValueError
        Store input tables are missing, or ``since``/``until`` are inconsistent.
    """
    con = _connection(source)
    models = load_models(sql_dir)
    existing = _existing_tables(con)
    missing = sorted(t for t in INPUT_TABLES if t not in existing)
    if missing:
        raise ValueError(f"the store lacks input tables {missing}; open it with "
                         "features.store.Store.open (which creates them) and ingest first")
    con.execute(_LINEAGE_DDL.read_text(encoding="utf-8"))
    hashes = {m.name: m.sql_sha256 for m in models}

    data_start, data_end = _data_extent(con)
    mode, reason, start, end = _plan(con, models, existing, hashes, full=full, since=since,
                                     until=until, data_start=data_start, data_end=data_end)
    if mode == "up_to_date":
        return BuildResult(None, mode, reason, None, None, {}, hashes, ())

    batches = _visible_batches(con)
    build_id = uuid.uuid4().hex
    started_at = _utc_now()
    rows: dict[str, int] = {}
    seconds: dict[str, float] = {}
    params = {"range_start": start, "range_end": end}
    # Feature tables are keyed, never read in insertion order: letting DuckDB write them in
    # any order makes CREATE TABLE AS parallel and lighter. The caller's setting comes back.
    (keep_order,) = con.execute(
        "SELECT current_setting('preserve_insertion_order')").fetchone()
    con.execute("SET preserve_insertion_order = false")
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            for index, model in enumerate(models):
                if progress is not None:
                    progress(model.name, index, len(models))
                clock = time.perf_counter()
                body = f"SELECT * FROM (\n{model.sql}\n)"
                if mode == "full":
                    con.execute(f"DROP TABLE IF EXISTS {model.name}")
                    con.execute(f"CREATE TABLE {model.name} AS {body}", params)
                    (count,) = con.execute(f"SELECT count(*) FROM {model.name}").fetchone()
                else:
                    if model.name not in existing:
                        con.execute(f"CREATE TABLE {model.name} AS {body} LIMIT 0", params)
                    con.execute(
                        f'DELETE FROM {model.name} WHERE "{model.time_column}" >= $range_start '
                        f'AND "{model.time_column}" < $range_end',
                        params,
                    )
                    (count,) = con.execute(f"INSERT INTO {model.name} {body}", params).fetchone()
                rows[model.name] = int(count)
                seconds[model.name] = time.perf_counter() - clock
            if progress is not None:
                progress("", len(models), len(models))
            con.execute(
                "INSERT INTO feature_builds VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [build_id, mode, reason, start, end, started_at, _utc_now(), _version()],
            )
            con.executemany(
                "INSERT INTO feature_build_models VALUES (?, ?, ?, ?)",
                [[build_id, m.name, m.sql_sha256, rows[m.name]] for m in models],
            )
            if batches:
                con.executemany(
                    "INSERT INTO feature_build_batches VALUES (?, ?, ?)",
                    [[build_id, table, batch] for table, batch in batches],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if keep_order else 'false'}")
    return BuildResult(build_id, mode, reason, start, end, rows, hashes, tuple(batches), seconds)


def _plan(
    con: duckdb.DuckDBPyConnection,
    models: Sequence[FeatureModel],
    existing: set[str],
    hashes: dict[str, str],
    *,
    full: bool,
    since: datetime | None,
    until: datetime | None,
    data_start: datetime | None,
    data_end: datetime | None,
) -> tuple[str, str, datetime | None, datetime | None]:
    """Choose the mode and the range of minutes of a build."""
    if since is not None or until is not None:
        if full:
            raise ValueError("pass either full=True or since/until, not both")
        if since is None or until is None:
            raise ValueError("a range rebuild needs both since and until")
        start, end = _floor_minute(since), _ceil_minute(until)
        if end <= start:
            raise ValueError("until must be later than since")
        return "range", "explicit range", start, end
    if data_start is None or data_end is None:
        return "up_to_date", "no events, requests or spans in the store", None, None
    if full:
        return "full", "requested", data_start, data_end
    last = con.execute(
        "SELECT build_id, range_end FROM feature_builds ORDER BY finished_at DESC LIMIT 1"
    ).fetchone()
    if last is None:
        return "full", "first build", data_start, data_end
    absent = [m.name for m in models if m.name not in existing]
    if absent:
        return "full", f"feature tables missing: {absent}", data_start, data_end
    recorded = dict(con.execute(
        "SELECT model, sql_sha256 FROM feature_build_models WHERE build_id = ?", [last[0]]
    ).fetchall())
    changed = sorted(n for n, h in hashes.items() if recorded.get(n) != h)
    if changed:
        return "full", f"SQL changed since the last build: {changed}", data_start, data_end
    (watermark,) = con.execute("SELECT max(range_end) FROM feature_builds").fetchone()
    unread = _earliest_unread(con)
    end = max(data_end, watermark)
    start = watermark if unread is None else min(watermark, unread)
    if start >= end:
        return "up_to_date", "no new minutes and no unread batches", None, None
    # Rows just before the new data may read it (a child span after its parent): rebuild them.
    # (Never before the data's first minute, where a full build would start too.)
    start = max(data_start, start - timedelta(minutes=max(m.lookahead_minutes for m in models)))
    why = "new minutes" if unread is None or unread >= watermark else "late rows in unread batches"
    return "incremental", why, start, end


def _utc_now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC).replace(tzinfo=None)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("faultline")
    except PackageNotFoundError:
        return "unknown"
