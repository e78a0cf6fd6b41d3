"""Contract v1 normalization of whole chunks, fast where it can be exact.

Two paths give the same rows:

* the **vectorized path** (DuckDB's JSON functions over a chunk of raw lines) takes
  the clean, common shape of an event: a JSON object with only contract keys, strings
  where strings belong, an RFC 3339 timestamp with ``Z`` or a ``±hh:mm`` offset or an
  integer epoch, a known severity spelling; without an ``event_id`` the content hash
  is computed from the normalized values, as the contract does;
* the **exact path** (:func:`features.contract.normalize_event`, row by row) takes
  everything else: unknown keys, wrong JSON types, unusual timestamp spellings, and
  every error, with the contract's reason codes.

A property test checks that both paths agree on every row the vectorized path
accepts. Output is an Arrow table in :data:`EVENT_SCHEMA` order plus ``_line_no``
and ``_key`` (the identity used for de-duplication).

Examples
--------
>>> n = Normalizer()
>>> lines = ['{"event_id": "e1", "timestamp": "2026-03-01T10:00:00+02:00", '
...          '"service": "api", "message": "boom", "severity": "warning"}',
...          '{"timestamp": 1772359200000, "service": "api", "message": "x"}',
...          '{"service": "api"}', '{oops']
>>> out = n.events_from_lines([1, 2, 3, 4], lines)
>>> out.table.column("timestamp").to_pylist()[0].isoformat(), out.table["severity"].to_pylist()
('2026-03-01T08:00:00', ['WARN', 'ERROR'])
>>> [(q.line_no, q.reason, q.field) for q in out.rejected]
[(3, 'missing_required', 'timestamp'), (4, 'bad_json', None)]
>>> out.count_fast, sorted(out.notes.items())  # rows 1 and 2 took the vectorized path
(2, [('event_id_from_content', 1), ('severity_alias', 1), ('severity_default', 1)])
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from features.contract import (
    COMPANION_FIELDS,
    ContractError,
    content_hash,
    hash_jsonable,
    normalize_event,
    normalize_record,
)
from features.ingest.readers import parse_json_line

__all__ = [
    "COMPANION_COLUMNS",
    "EVENT_COLUMNS",
    "Normalized",
    "Normalizer",
    "Rejected",
    "arrow_schema",
]

EVENT_COLUMNS = (
    "event_id", "timestamp", "service", "message", "severity", "error_type", "stack_trace",
    "component", "http_status", "http_method", "http_route", "duration_ms", "trace_id",
    "span_id", "parent_span_id", "environment", "region", "zone", "host", "version",
    "user_id", "session_id", "client_ip", "attributes",
)
COMPANION_COLUMNS = {kind: tuple(f.name for f in fs) for kind, fs in COMPANION_FIELDS.items()}
_TS_COLUMNS = {"timestamp", "start", "deployed_at", "started_at", "detected_at",
               "acknowledged_at", "resolved_at"}
_INT_COLUMNS = {"http_status", "requests"}
_FLOAT_COLUMNS = {"duration_ms"}
_LIST_COLUMNS = {"services"}
_STRING_OPTIONAL = ("error_type", "stack_trace", "component", "http_route", "environment",
                    "region", "zone", "host", "version", "user_id", "session_id", "client_ip")
_IDS = ("trace_id", "span_id", "parent_span_id")


def arrow_schema(kind: str) -> Any:
    """The Arrow schema of normalized rows of ``kind`` (without ``_line_no``/``_key``)."""
    import pyarrow as pa

    cols = EVENT_COLUMNS if kind == "events" else COMPANION_COLUMNS[kind]
    fields = []
    for c in cols:
        if c in _TS_COLUMNS:
            t = pa.timestamp("us")
        elif c in _INT_COLUMNS:
            t = pa.int64()
        elif c in _FLOAT_COLUMNS:
            t = pa.float64()
        elif c in _LIST_COLUMNS:
            t = pa.list_(pa.string())
        else:
            t = pa.string()
        fields.append(pa.field(c, t))
    return pa.schema(fields)


@dataclass
class Rejected:
    """A row that failed before validation: parse or contract error."""

    line_no: int
    reason: str
    field: str | None
    raw: dict[str, Any] | None  # the parsed (raw, not yet anonymized) object, if any


@dataclass
class Normalized:
    """One chunk after normalization."""

    table: Any  # pyarrow.Table: schema columns + _line_no + _key
    rejected: list[Rejected] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    count_fast: int = 0


# Python's str.isspace() set, as an RE2 class (RE2's \s is ASCII only).
_WS = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_SEVERITY_MAP = {
    "TRACE": "DEBUG", "DEBUG": "DEBUG", "INFO": "INFO", "INFORMATION": "INFO",
    "NOTICE": "INFO", "WARN": "WARN", "WARNING": "WARN", "ERR": "ERROR", "ERROR": "ERROR",
    "SEVERE": "ERROR", "FATAL": "FATAL", "CRITICAL": "FATAL", "CRIT": "FATAL",
    "ALERT": "FATAL", "EMERG": "FATAL", "EMERGENCY": "FATAL", "PANIC": "FATAL",
}
_TS_RE = (r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?"
          r"(Z|z|[+-]\d{2}:\d{2})?$")


def _fast_sql() -> str:
    paths = ", ".join(f"'$.{c}'" for c in EVENT_COLUMNS)
    idx = {c: i + 1 for i, c in enumerate(EVENT_COLUMNS)}

    def v(c: str) -> str:
        return f"v[{idx[c]}]"

    def t(c: str) -> str:
        return f"t[{idx[c]}]"

    def absent(c: str) -> str:
        return f"({t(c)} IS NULL OR {t(c)} = 'NULL')"

    def blank(c: str) -> str:
        return f"regexp_full_match({v(c)}, '{_WS}*')"

    sev_cases = " ".join(f"WHEN '{k}' THEN '{val}'" for k, val in _SEVERITY_MAP.items())
    string_checks = " AND ".join(
        f"({absent(c)} OR {t(c)} = 'VARCHAR')" for c in _STRING_OPTIONAL
    )
    string_values = ",\n".join(
        f"CASE WHEN {absent(c)} OR {blank(c)} THEN NULL ELSE {v(c)} END AS {c}"
        for c in _STRING_OPTIONAL
    )
    id_checks = " AND ".join(
        f"({absent(c)} OR ({t(c)} = 'VARCHAR' AND (regexp_full_match({v(c)}, '[0-9A-Fa-f-]+') "
        f"OR {blank(c)})))" for c in _IDS
    )
    id_values = ",\n".join(
        f"CASE WHEN {absent(c)} OR {blank(c)} THEN NULL "
        f"ELSE replace(lower({v(c)}), '-', '') END AS {c},\n"
        f"coalesce({t(c)} = 'VARCHAR' AND NOT {blank(c)} "
        f"AND replace(lower({v(c)}), '-', '') <> {v(c)}, false) AS _n_{c}_repaired"
        for c in _IDS
    )
    ts = v("timestamp")
    return f"""
WITH parsed AS (
  SELECT _line_no, line,
         coalesce(CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' END, false)
           AS is_object
  FROM raw
), typed AS (
  SELECT _line_no,
         json_type(line, [{paths}]) AS t,
         json_extract_string(line, [{paths}]) AS v,
         json_keys(line) AS keys
  FROM parsed WHERE is_object
), shaped AS (
  SELECT *,
    regexp_extract({ts}, '{_TS_RE}', ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'tz']) AS tsp,
    CASE WHEN {t("severity")} = 'VARCHAR' AND NOT {blank("severity")}
         THEN CASE upper(trim({v("severity")}, ' ')) {sev_cases} END END AS sev
  FROM typed
), checked AS (
  SELECT *,
    CASE WHEN {t("timestamp")} = 'VARCHAR' AND tsp.y <> '' THEN
           try_cast(tsp.y || '-' || tsp.mo || '-' || tsp.d || ' ' || tsp.h || ':' || tsp.mi
                    || ':' || tsp.s AS TIMESTAMP)
           + to_microseconds(CASE WHEN tsp.f = '' THEN 0
                                  ELSE CAST(rpad(left(tsp.f, 6), 6, '0') AS BIGINT) END)
           - to_minutes(CASE WHEN tsp.tz IN ('', 'Z', 'z') THEN 0
                             ELSE (CASE WHEN left(tsp.tz, 1) = '-' THEN -1 ELSE 1 END)
                                  * (try_cast(substr(tsp.tz, 2, 2) AS BIGINT) * 60
                                     + try_cast(substr(tsp.tz, 5, 2) AS BIGINT)) END)
         -- epoch integers: seconds, or milli/microseconds up to 2^32 s (year 2106), where
         -- the contract's float arithmetic is exact to the microsecond
         WHEN {t("timestamp")} IN ('BIGINT', 'UBIGINT')
              AND (try_cast({ts} AS BIGINT) BETWEEN 0 AND 99999999999
                   OR try_cast({ts} AS BIGINT) BETWEEN 100000000000 AND 4294967295999
                   OR try_cast({ts} AS BIGINT) BETWEEN 100000000000000 AND 4294967295999999)
              THEN
           make_timestamp(CASE WHEN try_cast({ts} AS BIGINT) < 100000000000
                                 THEN try_cast({ts} AS BIGINT) * 1000000
                               WHEN try_cast({ts} AS BIGINT) < 100000000000000
                                 THEN try_cast({ts} AS BIGINT) * 1000
                               ELSE try_cast({ts} AS BIGINT) END)
    END AS ts_value
  FROM shaped
)
SELECT
  _line_no,
  (
    -- only contract keys, each once: every present key has a type in t (the first
    -- of duplicates), so the counts agree only when no key is unknown or repeated
    len(keys) = list_aggregate(t, 'count')
    AND (({t("event_id")} = 'VARCHAR' AND regexp_full_match({v("event_id")}, '[\\x21-\\x7e]+'))
         -- no event_id: the id is the content hash, computed in Python from these very
         -- values; numbers inside attributes must read back exactly (no fractions,
         -- exponents or long integers, which JSON re-serialization could alter)
         OR ({absent("event_id")} AND ({absent("attributes")}
             OR NOT regexp_matches({v("attributes")}, '[0-9][.eE]|[0-9]{{16,}}'))))
    AND ts_value IS NOT NULL
    AND ({t("timestamp")} <> 'VARCHAR' OR (
         tsp.h < '24' AND tsp.mi < '60' AND tsp.s < '60' AND
         (tsp.tz IN ('', 'Z', 'z') OR (try_cast(substr(tsp.tz, 2, 2) AS INTEGER) <= 23
                                      AND try_cast(substr(tsp.tz, 5, 2) AS INTEGER) <= 59))))
    AND {t("service")} = 'VARCHAR' AND {v("service")} <> ''
    AND NOT regexp_matches({v("service")}, '^{_WS}|{_WS}$')
    AND {t("message")} IN ('VARCHAR', 'NULL')
    AND ({absent("severity")} OR ({t("severity")} = 'VARCHAR'
         AND ({blank("severity")} OR (sev IS NOT NULL
              AND regexp_full_match({v("severity")}, ' *[A-Za-z]+ *')))))
    AND {string_checks}
    AND ({absent("http_method")} OR ({t("http_method")} = 'VARCHAR'
         AND (regexp_full_match({v("http_method")}, '[A-Za-z]+') OR {blank("http_method")})))
    AND ({absent("http_status")} OR ({t("http_status")} IN ('BIGINT', 'UBIGINT')
         AND try_cast({v("http_status")} AS BIGINT) IS NOT NULL))
    AND ({absent("duration_ms")} OR ({t("duration_ms")} IN ('BIGINT', 'UBIGINT', 'DOUBLE')
         AND isfinite(try_cast({v("duration_ms")} AS DOUBLE))))
    AND {id_checks}
    AND ({absent("attributes")} OR {t("attributes")} = 'OBJECT')
  ) IS TRUE AS _fast,
  {v("event_id")} AS event_id,
  ts_value AS timestamp,
  {v("service")} AS service,
  coalesce({v("message")}, '') AS message,
  coalesce(sev, 'ERROR') AS severity,
  {string_values},
  try_cast({v("http_status")} AS BIGINT) AS http_status,
  CASE WHEN {absent("http_method")} OR {blank("http_method")} THEN NULL
       ELSE upper({v("http_method")}) END AS http_method,
  try_cast({v("duration_ms")} AS DOUBLE) AS duration_ms,
  {id_values},
  CASE WHEN {t("attributes")} = 'OBJECT' THEN {v("attributes")} END AS attributes,
  {t("message")} = 'NULL' AS _n_message_null,
  sev IS NULL AS _n_severity_default,
  sev IS NOT NULL AND sev <> {v("severity")} AS _n_severity_alias
FROM checked
"""


_FAST_SQL: str | None = None
_NOTE_COLUMNS = ("message_null", "severity_default", "severity_alias",
                 "trace_id_repaired", "span_id_repaired", "parent_span_id_repaired")


class Normalizer:
    """Normalizes chunks of one input kind to Arrow tables of contract rows.

    It owns a private in-memory DuckDB connection for the vectorized path, so it
    never touches the store's transaction.

    Parameters
    ----------
    use_fast_path : bool
        Use the vectorized path for clean JSON lines (default). False sends every
        row through the exact path (used by tests that compare the two).
    threads : int or None
        DuckDB threads for the vectorized path; None leaves DuckDB's default (one per
        CPU). Ingest's worker processes use 1: the workers already share the CPUs.
    """

    def __init__(self, *, use_fast_path: bool = True, threads: int | None = None) -> None:
        self.use_fast_path = use_fast_path
        self.threads = threads
        self._con: Any = None

    def _connection(self) -> Any:
        if self._con is None:
            import duckdb

            # Raw (not yet anonymized) lines pass through this connection: it must never
            # spill them to a temporary file, so offloading is off and memory is capped
            # (a chunk that does not fit fails loudly instead of writing to disk).
            config: dict[str, Any] = {"temp_directory": "", "memory_limit": "1GB"}
            if self.threads is not None:
                config["threads"] = self.threads
            self._con = duckdb.connect(":memory:", config=config)
            # inside Jupyter without ipywidgets DuckDB refuses this setting (its bar is off
            # there anyway)
            with contextlib.suppress(duckdb.Error):
                self._con.execute("SET enable_progress_bar = false")
        return self._con

    # -- events from JSON lines -------------------------------------------------

    def events_from_lines(self, line_nos: list[int], texts: list[str | None]) -> Normalized:
        """Normalize a chunk of JSON lines holding events."""
        import pyarrow as pa
        import pyarrow.compute as pc

        global _FAST_SQL
        pieces = []
        notes: Counter[str] = Counter()
        slow_nos: list[int] = []
        slow_texts: list[str | None] = []
        count_fast = 0
        if self.use_fast_path:
            candidates = [(n, s) for n, s in zip(line_nos, texts, strict=True) if s is not None]
            raw = pa.table({
                "_line_no": pa.array([n for n, _ in candidates], pa.int64()),
                "line": pa.array([s for _, s in candidates], pa.string()),
            })
            if _FAST_SQL is None:
                _FAST_SQL = _fast_sql()
            con = self._connection()
            con.register("raw", raw)
            try:
                result = con.execute(_FAST_SQL).to_arrow_table()
            finally:
                con.unregister("raw")
            fast_mask = result.column("_fast")
            fast = result.filter(fast_mask)
            count_fast = fast.num_rows
            if count_fast:
                for name in _NOTE_COLUMNS:
                    n = pc.sum(fast.column(f"_n_{name}")).as_py() or 0
                    if n:
                        notes[name] += n
                keys = pc.binary_join_element_wise(pa.scalar("id:"), fast.column("event_id"), "")
                cols = {c: fast.column(c) for c in EVENT_COLUMNS}
                if fast.column("event_id").null_count:
                    ids, keys = _content_ids(fast)
                    notes["event_id_from_content"] += fast.column("event_id").null_count
                    cols["event_id"] = ids
                cols["_line_no"] = fast.column("_line_no")
                cols["_key"] = keys
                pieces.append(_conform(pa.table(cols), "events"))
            fast_nos = set(fast.column("_line_no").to_pylist())
            for n, s in zip(line_nos, texts, strict=True):
                if n not in fast_nos:
                    slow_nos.append(n)
                    slow_texts.append(s)
        else:
            slow_nos, slow_texts = list(line_nos), list(texts)
        parsed: list[tuple[int, Any]] = []
        rejected: list[Rejected] = []
        for n, s in zip(slow_nos, slow_texts, strict=True):
            value, reason = parse_json_line(s)
            if reason is not None:
                rejected.append(Rejected(n, reason, None, None))
            else:
                parsed.append((n, value))
        slow = self.records("events", [n for n, _ in parsed], [v for _, v in parsed])
        rejected.extend(slow.rejected)
        notes.update(slow.notes)
        pieces.append(slow.table)
        table = pa.concat_tables(pieces) if len(pieces) > 1 else pieces[0]
        table = table.sort_by("_line_no")
        rejected.sort(key=lambda r: r.line_no)
        return Normalized(table, rejected, notes, count_fast)

    # -- any kind, row by row ---------------------------------------------------

    def records(self, kind: str, line_nos: list[int], records: list[Any]) -> Normalized:
        """Normalize parsed records of ``kind`` with the exact (contract) path."""
        import pyarrow as pa

        schema = arrow_schema(kind)
        names = schema.names
        rows: dict[str, list[Any]] = {c: [] for c in names}
        out_nos: list[int] = []
        keys: list[str] = []
        rejected: list[Rejected] = []
        notes: Counter[str] = Counter()
        for n, raw in zip(line_nos, records, strict=True):
            try:
                if kind == "events":
                    norm, row_notes = normalize_event(raw)
                else:
                    norm, row_notes = normalize_record(raw, kind)
                row, key, extra = _row(kind, norm, names)
                json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
            except ContractError as exc:
                rejected.append(Rejected(n, exc.reason, exc.field, raw if isinstance(raw, dict) else None))
                continue
            except UnicodeEncodeError:
                rejected.append(Rejected(n, "bad_encoding", None, None))
                continue
            except (ValueError, OverflowError, TypeError, RecursionError):
                rejected.append(Rejected(n, "unreadable", None, raw if isinstance(raw, dict) else None))
                continue
            notes.update(row_notes)
            notes.update(extra)
            for c in names:
                rows[c].append(row.get(c))
            out_nos.append(n)
            keys.append(key)
        cols = {c: pa.array(rows[c], schema.field(c).type) for c in names}
        cols["_line_no"] = pa.array(out_nos, pa.int64())
        cols["_key"] = pa.array(keys, pa.string())
        return Normalized(pa.table(cols), rejected, notes, 0)


def _content_ids(fast: Any) -> tuple[Any, Any]:
    """Event ids and keys of fast-path rows, with the content hash where the id is
    missing (the same dict ``normalize_event`` would have produced is rebuilt here)."""
    import pyarrow as pa

    ids = fast.column("event_id").to_pylist()
    missing = [i for i, x in enumerate(ids) if x is None]
    rows = fast.select(list(EVENT_COLUMNS)).take(pa.array(missing, pa.int64())).to_pylist()
    for i, row in zip(missing, rows, strict=True):
        # the JSON form content_hash gives the dict normalize_event would build: the
        # naive-UTC timestamp as an aware isoformat, attributes as parsed JSON (which
        # holds no datetimes)
        body = {k: v for k, v in row.items() if v is not None and k != "event_id"}
        body["timestamp"] = body["timestamp"].isoformat() + "+00:00"
        if "attributes" in body:
            body["attributes"] = json.loads(body["attributes"])
        ids[i] = hash_jsonable(body)
    missing_set = set(missing)
    keys = [f"ch:{x}" if i in missing_set else f"id:{x}" for i, x in enumerate(ids)]
    return pa.array(ids, pa.string()), pa.array(keys, pa.string())


def _conform(table: Any, kind: str) -> Any:
    import pyarrow as pa

    schema = arrow_schema(kind)
    fields = list(schema) + [pa.field("_line_no", pa.int64()), pa.field("_key", pa.string())]
    return table.select([f.name for f in fields]).cast(pa.schema(fields))


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _row(kind: str, norm: dict[str, Any], names: list[str]) -> tuple[dict[str, Any], str, Counter[str]]:
    """A normalized dict as a table row, its identity key, and extra repair notes."""
    extra: Counter[str] = Counter()
    row: dict[str, Any] = {}
    for c in names:
        value = norm.get(c)
        if isinstance(value, datetime):
            value = _naive_utc(value)
        elif c in _INT_COLUMNS and isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise ContractError(c, "bad_type", "integer out of the 64-bit range")
        row[c] = value
    if kind == "events":
        unknown = {k: v for k, v in norm.items() if k not in row}
        attrs = dict(norm.get("attributes") or {})
        if unknown:
            extra["unknown_keys_to_attributes"] += 1
            for k, v in unknown.items():
                attrs[k if k not in attrs else f"_top.{k}"] = v
        row["attributes"] = (
            json.dumps(attrs, ensure_ascii=False, default=str, sort_keys=True)
            if attrs or "attributes" in norm else None
        )
        event_id = norm.get("event_id")
        if event_id:
            key = f"id:{event_id}"
        else:
            # the contract: without an event_id, the event's id is its content hash
            row["event_id"] = content_hash(norm)
            key = f"ch:{row['event_id']}"
            extra["event_id_from_content"] += 1
    else:
        if any(k not in row for k in norm):
            extra["unknown_keys_dropped"] += 1
        if kind == "spans" and isinstance(row.get("status"), str):
            canon = row["status"].strip().upper().removeprefix("STATUS_CODE_")
            canon = {"UNSET": "OK"}.get(canon, canon)
            if canon != row["status"]:
                extra["status_case"] += 1
            row["status"] = canon
        if kind == "incidents" and isinstance(row.get("severity"), str):
            canon = row["severity"].strip().upper()
            if canon != row["severity"]:
                extra["severity_case"] += 1
            row["severity"] = canon
        key = f"ch:{content_hash({k: v for k, v in norm.items() if k in row})}"
    return row, key, extra
