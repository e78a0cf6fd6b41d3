"""What a SQL statement does to the store, as DuckDB itself reads it.

:func:`classify_sql` decides whether one statement only reads or also writes, and
which store tables (and so which governance objects) it touches, so that
:meth:`features.store.Store.sql` can put raw SQL through the enforcement point.

The rule is conservative:

- a **read** is a statement DuckDB parses as ``SELECT`` (which covers ``WITH``,
  ``FROM``-first queries, ``DESCRIBE``, ``SHOW``, ``SUMMARIZE`` and ``PIVOT``) or a plain
  ``EXPLAIN``, and whose bound plan writes nothing;
- everything else is a **write** (``INSERT``, ``UPDATE``, ``DELETE``, ``CREATE``,
  ``DROP``, ``ALTER``, ``SET``, ``CALL``/``PRAGMA``, ``EXPLAIN ANALYZE`` of a write...);
- statements that move data in or out of the store or change what the connection can
  reach (``COPY``, ``EXPORT``/``IMPORT DATABASE``, ``ATTACH``/``DETACH``,
  ``INSTALL``/``LOAD``) and transaction control are refused: data enters through
  ingest, leaves through the encrypted :func:`features.governance.export_table`, and
  transactions are :meth:`features.store.Store.transaction`.

The tables come from DuckDB's binder (``json_serialize_plan``): every base table the
bound plan scans (views are expanded to the tables under them, CTE names are not
tables) and every table it creates, inserts into, drops or alters. A ``SELECT`` whose
plan DuckDB cannot serialize (one reading a CSV file, say) is still a read, its tables
those DuckDB's parser finds (``json_serialize_sql``, CTE names left out). A write that
names no store table counts as a write of ``events``; any other statement DuckDB cannot
serialize a plan for is a write, its objects those of every store table its
identifiers (or string literals, as in ``PRAGMA table_info('events')``) name.

Examples
--------
>>> import duckdb
>>> con = duckdb.connect()
>>> _ = con.execute("CREATE TABLE events (service VARCHAR); "
...                 "CREATE TABLE feat_service_minute (service VARCHAR)")
>>> classify_sql(con, "WITH e AS (SELECT * FROM events) SELECT count(*) FROM e")
SqlAccess(action='read', statement='SELECT', tables=('events',), objects=('events',))
>>> classify_sql(con, "INSERT INTO feat_service_minute SELECT service FROM events").objects
('events', 'features')
>>> classify_sql(con, "COPY events TO 'out.csv'")
Traceback (most recent call last):
...
ValueError: COPY statements are not run through Store.sql: data leaves the store only through features.governance.export_table (encrypted) and enters through ingest
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["SqlAccess", "classify_sql", "table_object"]

_READ_TYPES = frozenset({"SELECT", "EXPLAIN"})
_REFUSED = {
    "COPY": "data leaves the store only through features.governance.export_table "
            "(encrypted) and enters through ingest",
    "EXPORT": "data leaves the store only through features.governance.export_table "
              "(encrypted); whole copies are `faultline backup` (encrypted)",
    "COPY_DATABASE": "whole copies of the store are `faultline backup` (encrypted)",
    "ATTACH": "a Store works on its own database only",
    "DETACH": "a Store works on its own database only",
    "LOAD": "extensions are not installed or loaded through Store.sql",
    "TRANSACTION": "use `with store.transaction():` around Store.sql calls",
}
# Plan operators that change something: a statement whose plan holds one is a write.
_WRITE_OPERATORS = ("INSERT", "DELETE", "UPDATE", "CREATE", "DROP", "ALTER", "MERGE",
                    "COPY", "EXPORT", "ATTACH", "DETACH", "SET", "RESET", "PRAGMA",
                    "VACUUM", "LOAD", "TRANSACTION", "PREPARE", "EXECUTE", "SIMPLE")


@dataclass(frozen=True)
class SqlAccess:
    """What one statement does.

    Parameters
    ----------
    action : {"read", "write"}
        What the caller's role must allow on every object.
    statement : str
        DuckDB's statement type (``SELECT``, ``INSERT``, ...).
    tables : tuple of str
        Tables the statement reads or writes, sorted.
    objects : tuple of str
        Their governance objects (see :func:`table_object`), sorted.
    """

    action: str
    statement: str
    tables: tuple[str, ...]
    objects: tuple[str, ...]


def table_object(table: str) -> str:
    """The governance object a store table belongs to (what a role's lists name).

    Examples
    --------
    >>> table_object("feat_service_minute"), table_object("legal_holds"), table_object("spans")
    ('features', 'holds', 'events')
    """
    from features.governance.exports import ExportError, object_of

    if table == "legal_holds":
        return "holds"
    try:
        return object_of(table)
    except ExportError:
        return "features" if table in ("templates", "fingerprints") else "events"


def classify_sql(con: Any, query: str) -> SqlAccess:
    """Classify one SQL statement (see the module docstring for the rule).

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        The connection the statement will run on (its catalog binds the names).
    query : str
        Exactly one statement; ``?`` and ``$n`` placeholders are fine.

    Returns
    -------
    SqlAccess

    Raises
    ------
    ValueError
        Not exactly one statement, a refused kind of statement, or SQL DuckDB cannot
        parse or bind (its message is kept).
    """
    import duckdb

    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise ValueError(f"cannot parse the statement: {exc}") from None
    if len(statements) != 1:
        raise ValueError(f"give exactly one SQL statement (got {len(statements)}); run "
                         "several with one call each, inside store.transaction() if they "
                         "belong together")
    kind = statements[0].type.name
    if kind in _REFUSED:
        raise ValueError(f"{kind} statements are not run through Store.sql: {_REFUSED[kind]}")
    if kind == "EXPLAIN":
        inner, analyze = _explained(query)
        if inner is not None:
            access = classify_sql(con, inner)
            action = access.action if analyze else "read"
            return SqlAccess(action, kind, access.tables, access.objects)
    found = _plan_tables(con, query)
    parsed = _parsed_tables(con, query) if found is None and kind == "SELECT" else None
    if parsed is not None:  # a plain query whose plan cannot be serialized (read_csv...)
        tables, action = parsed, "read"
    elif found is None:  # no serializable plan: conservative
        tables = _named_tables(con, query)
        action = "write"
    else:
        operators, tables = found
        writes = any(op.removeprefix("LOGICAL_").startswith(_WRITE_OPERATORS)
                     for op in operators)
        action = "read" if kind in _READ_TYPES and not writes else "write"
    objects = sorted({table_object(t) for t in tables})
    if action == "write" and not objects:
        objects = ["events"]
    return SqlAccess(action, kind, tuple(sorted(tables)), tuple(objects))


def _plan_tables(con: Any, query: str) -> tuple[set[str], set[str]] | None:
    """Operator types and table names of the bound plan, or None when DuckDB cannot
    serialize one for this statement."""
    import duckdb

    try:
        text = con.execute("SELECT json_serialize_plan(?)", [query]).fetchone()[0]
    except duckdb.Error:
        return None
    plan = json.loads(text)
    if plan.get("error"):
        if plan.get("error_type") == "catalog":  # it names a table that does not exist
            raise ValueError(f"cannot bind the statement: {plan.get('error_message')}")
        return None
    operators: set[str] = set()
    tables: set[str] = set()
    _walk(plan.get("plans", []), operators, tables)
    return operators, tables


def _walk(node: Any, operators: set[str], tables: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, operators, tables)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if isinstance(kind, str) and kind.startswith("LOGICAL_"):
        operators.add(kind)
    data = node.get("function_data")
    if isinstance(data, dict) and isinstance(data.get("table"), str):
        tables.add(data["table"])  # a scan of a base table
    for info_key in ("table_info", "info"):  # the target of INSERT / CREATE / DROP / ALTER
        info = node.get(info_key)
        if isinstance(info, dict):
            for name_key in ("table", "name", "view_name"):
                name = info.get(name_key)
                if isinstance(name, str) and name:
                    tables.add(name)
    for value in node.values():
        if isinstance(value, dict | list):
            _walk(value, operators, tables)


def _parsed_tables(con: Any, query: str) -> set[str] | None:
    """Base tables a SELECT names, from DuckDB's parser (``json_serialize_sql``), CTE
    names left out; None when it cannot serialize the statement."""
    import duckdb

    try:
        text = con.execute("SELECT json_serialize_sql(?)", [query]).fetchone()[0]
    except duckdb.Error:
        return None
    tree = json.loads(text)
    if tree.get("error"):
        return None
    names: set[str] = set()
    ctes: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("type") == "BASE_TABLE" and isinstance(node.get("table_name"), str):
                names.add(node["table_name"])
            cte_map = node.get("cte_map")
            if isinstance(cte_map, dict):
                ctes.update(str(e.get("key")) for e in cte_map.get("map", []))
            for value in node.values():
                walk(value)

    walk(tree.get("statements", []))
    return names - ctes


def _explained(query: str) -> tuple[str | None, bool]:
    """The statement after ``EXPLAIN [ANALYZE] [(options)]`` and whether it is run."""
    import duckdb

    tokens = duckdb.tokenize(query)
    words = [(pos, query[pos:tokens[i + 1][0] if i + 1 < len(tokens) else len(query)]
              .strip().lower()) for i, (pos, _kind) in enumerate(tokens)]
    i = 1
    analyze = False
    if i < len(words) and words[i][1] in ("analyze", "analyse"):
        analyze, i = True, i + 1
    if i < len(words) and words[i][1].startswith("("):
        depth = 0
        while i < len(words):
            depth += words[i][1].count("(") - words[i][1].count(")")
            i += 1
            if depth <= 0:
                break
        analyze = analyze or any("analyze" in w for _, w in words[1:i])
    if i >= len(words):
        return None, analyze
    return query[words[i][0]:], analyze


def _named_tables(con: Any, query: str) -> set[str]:
    """Store tables named by any identifier of the statement (over-inclusive)."""
    import duckdb

    known = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    out = set()
    tokens = duckdb.tokenize(query)
    for i, (pos, kind) in enumerate(tokens):
        end = tokens[i + 1][0] if i + 1 < len(tokens) else len(query)
        word = query[pos:end].strip().rstrip(",;()").strip('"')
        if kind == duckdb.token_type.identifier and word in known:
            out.add(word)
        elif kind == duckdb.token_type.string_const and word.strip("'") in known:
            out.add(word.strip("'"))  # pragma table_info('events')
    return out
