"""Telemetry cost report: what each field and attribute key costs to store, and what it
is worth for diagnosis.

Per field of the ``events`` table and per key inside ``attributes``: rows carrying
it, distinct values (approximate, HyperLogLog), bytes stored (uncompressed: string
bytes, or the type's width for numbers and times) and its share of all bytes. Whether
the pipeline *uses* it is read from the code, not assumed: a field is used when a
feature definition (``features/sql/*.sql``) names it, when fingerprinting reads it, or
when it identifies rows. The suggestion column says what to do where cardinality or
cost outweighs diagnostic use: ``drop``, ``bucket``, ``sample`` or ``keep``.

Only counts and sizes are reported — never a value, so the report holds no data of
its own. Attribute key names that do not look like identifiers are masked.

Examples
--------
>>> import pandas as pd
>>> cost = pd.DataFrame({"field": ["message", "attributes.request_id", "service"],
...     "kind": ["column", "attribute", "column"], "type": ["VARCHAR"] * 3,
...     "count_present": [1000, 1000, 1000], "count_distinct": [300, 990, 4],
...     "bytes_stored": [60000, 20000, 8000], "used_by": ["fingerprints", "", "features"]})
>>> suggest(cost)[["field", "suggestion"]].to_dict("records")
[{'field': 'message', 'suggestion': 'sample'}, {'field': 'service', 'suggestion': 'keep'}, {'field': 'attributes.request_id', 'suggestion': 'drop'}]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["CostSettings", "features_fields", "suggest", "telemetry_cost"]

# read by fingerprinting (template mining and stack signatures)
FINGERPRINT_FIELDS = frozenset({"message", "stack_trace", "error_type", "service"})
# identify, order or weight rows; dropping them breaks dedup, lineage or traces
IDENTITY_FIELDS = frozenset({"event_id", "timestamp", "trace_id", "span_id", "parent_span_id",
                             "fingerprint", "template_id", "sample_weight", "batch_id"})
# read by classification: distinct user tokens give the users affected
CLASSIFICATION_FIELDS = frozenset({"user_id"})
FREE_TEXT_FIELDS = frozenset({"message", "stack_trace"})
_FIXED_WIDTH = {"BOOLEAN": 1, "TINYINT": 1, "SMALLINT": 2, "INTEGER": 4, "BIGINT": 8,
                "HUGEINT": 16, "UHUGEINT": 16, "FLOAT": 4, "DOUBLE": 8, "DATE": 4,
                "TIMESTAMP": 8, "TIMESTAMP WITH TIME ZONE": 8, "UUID": 16}
_NUMERIC_JSON = {"BIGINT", "UBIGINT", "DOUBLE"}
_SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-:/\[\]]{0,79}$")


@dataclass(frozen=True)
class CostSettings:
    """Thresholds of the suggestions.

    Parameters
    ----------
    min_rows : int
        Fields present in fewer rows are too rare to judge (always ``keep``).
    near_unique : float
        Distinct values per row at or above which an unused field groups nothing.
    bucket_min_distinct : int
        An unused numeric field with at least this many distinct values is bucketed.
    sample_share : float
        A free-text field holding at least this share of all bytes is sampled (the
        fingerprint keeps the grouping; full text is kept for a sample per fingerprint).
    unused_share : float
        An unused field holding at least this share of bytes is sampled.
    """

    min_rows: int = 50
    near_unique: float = 0.9
    bucket_min_distinct: int = 50
    sample_share: float = 0.2
    unused_share: float = 0.05


def features_fields(sql_text: str | None = None) -> set[str]:
    """Identifiers named in the feature definitions (``features/sql/*.sql``).

    Examples
    --------
    >>> {"service", "http_status"} <= features_fields("SELECT service, http_status FROM events")
    True
    """
    if sql_text is None:
        folder = resources.files("features").joinpath("sql")
        sql_text = "\n".join(p.read_text("utf-8") for p in folder.iterdir()
                             if p.name.endswith(".sql"))
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", sql_text.lower()))


def _safe_key(key: str) -> str:
    if _SAFE_KEY.match(key) and "@" not in key and not re.search(r"\d{6,}", key):
        return key
    return "<key masked>"


def _used_by(field: str, kind: str, used_in_sql: set[str]) -> str:
    name = field.split(".", 1)[1] if kind == "attribute" else field
    uses = []
    if (kind == "column" and name in used_in_sql) or (kind == "attribute" and (
            name.lower() in used_in_sql or f"'{name.lower()}'" in used_in_sql)):
        uses.append("features")
    if kind == "column" and name in FINGERPRINT_FIELDS:
        uses.append("fingerprints")
    if kind == "column" and name in CLASSIFICATION_FIELDS:
        uses.append("classification")
    if kind == "column" and name in IDENTITY_FIELDS:
        uses.append("identity")
    return ",".join(uses)


def telemetry_cost(store: Any, *, table: str = "events",
                   settings: CostSettings | None = None) -> pd.DataFrame:
    """Cost per field and attribute key of a store table, with suggestions.

    Parameters
    ----------
    store : features.store.Store or duckdb.DuckDBPyConnection
    table : str
        The table to measure (``events`` has ``attributes``; others are measured by
        column only).
    settings : CostSettings, optional

    Returns
    -------
    pandas.DataFrame
        ``field, kind (column/attribute), type, count_present, count_distinct,
        distinct_ratio, bytes_stored, share_of_bytes, used_by, suggestion, reason``;
        most bytes first.

    Examples
    --------
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE events AS SELECT 'svc' AS service, i AS http_status, "
    ...                 "'{\\"k\\": 1}'::JSON AS attributes FROM range(3) t(i)")
    >>> telemetry_cost(con)[["field", "count_distinct", "bytes_stored"]].to_dict("records")
    [{'field': 'attributes', 'count_distinct': 1, 'bytes_stored': 24}, {'field': 'http_status', 'count_distinct': 3, 'bytes_stored': 24}, {'field': 'service', 'count_distinct': 1, 'bytes_stored': 9}, {'field': 'attributes.k', 'count_distinct': 1, 'bytes_stored': 6}]
    """
    con = getattr(store, "con", store)
    cols = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()
    if not cols:
        raise ValueError(f"the store has no table {table!r} to measure; ingest data first")
    parts = []
    for name, dtype in cols:
        q = '"' + name.replace('"', '""') + '"'
        width = _FIXED_WIDTH.get(dtype.upper())
        size = (f"count({q}) * {width}" if width else
                f"coalesce(sum(strlen(CAST({q} AS VARCHAR))), 0)")
        parts.append(f"SELECT {len(parts)} AS pos, count({q}) AS count_present, "
                     f"approx_count_distinct({q}) AS count_distinct, {size} AS bytes_stored "
                     f'FROM "{table}"')
    stats = con.execute(" UNION ALL ".join(parts)).fetchall()
    by_pos = {int(r[0]): r[1:] for r in stats}
    rows = [{"field": name, "kind": "column", "type": dtype,
             "count_present": int(by_pos[i][0]), "count_distinct": int(by_pos[i][1]),
             "bytes_stored": int(by_pos[i][2] or 0)} for i, (name, dtype) in enumerate(cols)]
    if table == "events" and any(name == "attributes" for name, _ in cols):
        from anomaly.analytics.tables import read_sql

        for key, present, distinct, jtype, size in con.execute(
                read_sql("attribute_cost.sql")).fetchall():
            rows.append({"field": f"attributes.{_safe_key(str(key))}", "kind": "attribute",
                         "type": f"JSON {jtype}" if jtype else "JSON",
                         "count_present": int(present), "count_distinct": int(distinct),
                         "bytes_stored": int(size or 0)})
    frame = pd.DataFrame(rows)
    used = features_fields()
    frame["used_by"] = [_used_by(f, k, used) for f, k in zip(frame["field"], frame["kind"],
                                                              strict=True)]
    # attribute bytes are part of the attributes column: shares are of the columns' total
    return suggest(frame, settings=settings)


def suggest(cost: pd.DataFrame, *, settings: CostSettings | None = None) -> pd.DataFrame:
    """Add ``distinct_ratio``, ``share_of_bytes``, ``suggestion`` and ``reason``.

    Shares are of the bytes of all columns (attribute keys are part of the
    ``attributes`` column, so their shares overlap its share). Rules, first match wins:
    empty → drop; rare → keep; free text holding ``sample_share`` of bytes → sample;
    used by the pipeline → keep; one value only → drop; near-unique → drop; numeric with
    many values → bucket; ``unused_share`` of bytes → sample; else keep.
    """
    cfg = settings or CostSettings()
    out = cost.copy()
    present = out["count_present"].astype("float64")
    out["count_distinct"] = np.minimum(out["count_distinct"], out["count_present"])
    out["distinct_ratio"] = (out["count_distinct"] / present.where(present > 0)).round(4)
    total = float(out.loc[out["kind"] == "column", "bytes_stored"].sum()) or float(
        out["bytes_stored"].sum())
    out["share_of_bytes"] = (out["bytes_stored"] / total).round(4) if total else 0.0
    suggestions, reasons = [], []
    for r in out.itertuples(index=False):
        name = r.field
        is_numeric = (str(r.type).upper() in _FIXED_WIDTH and str(r.type).upper() not in (
            "TIMESTAMP", "DATE", "BOOLEAN")) or str(r.type).removeprefix("JSON ") in (
            _NUMERIC_JSON)
        pct = f"{100 * r.share_of_bytes:.1f}% of bytes"
        if r.count_present == 0:
            s, why = "drop", "always empty"
        elif r.count_present < cfg.min_rows:
            s, why = "keep", f"present in {r.count_present} rows only: too rare to judge"
        elif name in FREE_TEXT_FIELDS and r.share_of_bytes >= cfg.sample_share:
            s, why = "sample", (f"free text, {pct}; the fingerprint carries the grouping: "
                                "keep full text for a sample per fingerprint")
        elif r.used_by:
            s, why = "keep", f"used by {r.used_by}"
        elif r.count_distinct <= 1:
            s, why = "drop", "a single value in every row carries no information"
        elif r.distinct_ratio >= cfg.near_unique:
            s, why = "drop", (f"{r.distinct_ratio:.0%} distinct per row: groups nothing and "
                              "no feature reads it (keep it in a sample if needed for lookups)")
        elif is_numeric and r.count_distinct >= cfg.bucket_min_distinct:
            s, why = "bucket", (f"{r.count_distinct} distinct numbers and no feature reads "
                                "them: store ranges (such as powers of two)")
        elif r.share_of_bytes >= cfg.unused_share:
            s, why = "sample", f"no feature reads it and it holds {pct}"
        else:
            s, why = "keep", "cheap"
        suggestions.append(s)
        reasons.append(why)
    out["suggestion"] = suggestions
    out["reason"] = reasons
    columns = ["field", "kind", "type", "count_present", "count_distinct", "distinct_ratio",
               "bytes_stored", "share_of_bytes", "used_by", "suggestion", "reason"]
    out = out.sort_values(["kind", "bytes_stored", "field"], ascending=[False, False, True],
                          kind="stable")
    return out.reset_index(drop=True)[columns]
