"""Reading episode rows (the ``episodes`` table's shape) into plain records.

Alerting works on a handful of rows at a time, so rows are plain dictionaries: the
payload builders stay independent of the frame library the caller used. Any of a
polars or pandas DataFrame, a pyarrow Table or a list of mappings is accepted.

Examples
--------
>>> rows = read_episodes([{
...     "incident_id": "inc1", "episode_id": "ep1", "service": "checkout",
...     "start": "2026-03-01T10:00:00", "end": None, "is_open": True,
...     "severity": "P2", "team": "payments",
...     "escalation": '{"pagerduty": "pd-payments-primary"}'}])
>>> rows[0]["start"].isoformat(), rows[0]["escalation"]["pagerduty"], rows[0]["kind"]
('2026-03-01T10:00:00+00:00', 'pd-payments-primary', None)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from anomaly.export.config import PRIORITIES

__all__ = ["EPISODE_COLUMNS", "REQUIRED_COLUMNS", "read_episodes", "to_records"]

REQUIRED_COLUMNS = (
    "incident_id", "episode_id", "service", "start", "end", "is_open", "severity", "team",
)
"""Columns alerting cannot do without."""

EPISODE_COLUMNS = REQUIRED_COLUMNS + (
    "component", "kind", "is_retry_storm", "is_flapping", "state", "action", "root_service",
    "escalation", "fingerprints", "version", "score", "evidence", "count_errors",
    "count_users_affected", "updated_at",
)
"""Every column of the agreed ``episodes`` table; payloads read nothing else."""

_TIME_COLUMNS = ("start", "end", "updated_at")
_JSON_COLUMNS = ("escalation", "evidence")


def to_records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a polars/pandas DataFrame, a pyarrow Table or a list of mappings.

    Examples
    --------
    >>> import polars as pl
    >>> to_records(pl.DataFrame({"a": [1, 2]}))
    [{'a': 1}, {'a': 2}]
    """
    if isinstance(frame, list | tuple):
        rows = []
        for i, r in enumerate(frame):
            if not isinstance(r, Mapping):
                raise TypeError(f"row {i} is a {type(r).__name__}, expected a mapping")
            rows.append(dict(r))
        return rows
    if hasattr(frame, "to_dicts"):  # polars
        return frame.to_dicts()
    if hasattr(frame, "to_pylist"):  # pyarrow
        return frame.to_pylist()
    if hasattr(frame, "to_dict") and hasattr(frame, "columns"):  # pandas
        return [
            {k: _from_pandas(v) for k, v in row.items()} for row in frame.to_dict("records")
        ]
    raise TypeError(
        f"expected a polars or pandas DataFrame, a pyarrow Table or a list of mappings, "
        f"got {type(frame).__name__}"
    )


def _from_pandas(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        try:
            return value.to_pydatetime()
        except ValueError:  # NaT
            return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):
        return value.tolist()
    return value


def _timestamp(value: Any, column: str, index: int) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, str):
        try:
            ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"episode row {index}: column {column!r} is not an ISO 8601 timestamp"
            ) from None
        return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)
    raise ValueError(
        f"episode row {index}: column {column!r} must be a timestamp, got {type(value).__name__}"
    )


def _json(value: Any, column: str, index: int) -> Any:
    if value is None or isinstance(value, Mapping | list):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ValueError(f"episode row {index}: column {column!r} is not valid JSON") from None
    raise ValueError(f"episode row {index}: column {column!r} must be JSON, got {type(value).__name__}")


def read_episodes(frame: Any) -> list[dict[str, Any]]:
    """Episode rows as records with UTC-aware timestamps and parsed JSON columns.

    Columns outside :data:`EPISODE_COLUMNS` are dropped (payloads must not carry
    anything the episode row does not hold); optional columns that are absent read as
    ``None``.

    Parameters
    ----------
    frame : DataFrame, pyarrow.Table or list of mappings
        Rows of the ``episodes`` table.

    Returns
    -------
    list of dict

    Raises
    ------
    ValueError
        A required column is missing, a severity is not P1..P5, a timestamp or JSON
        value cannot be read, or an open episode has no start.
    """
    rows = to_records(frame)
    if rows:
        have = set().union(*(r.keys() for r in rows))
        missing = [c for c in REQUIRED_COLUMNS if c not in have]
        if missing:
            raise ValueError(
                f"episodes lack the columns {missing}; the episodes table needs "
                f"{list(REQUIRED_COLUMNS)} (see anomaly/episodes.py)"
            )
    out = []
    for i, row in enumerate(rows):
        rec = {c: row.get(c) for c in EPISODE_COLUMNS}
        for c in _TIME_COLUMNS:
            rec[c] = _timestamp(rec[c], c, i)
        for c in _JSON_COLUMNS:
            rec[c] = _json(rec[c], c, i)
        if rec["severity"] not in PRIORITIES:
            raise ValueError(
                f"episode row {i}: severity must be one of {list(PRIORITIES)} "
                f"(got a value of type {type(rec['severity']).__name__} outside that set)"
            )
        for c in ("incident_id", "episode_id", "service"):
            if not isinstance(rec[c], str) or not rec[c]:
                raise ValueError(f"episode row {i}: column {c!r} must be a non-empty string")
        if rec["start"] is None:
            raise ValueError(f"episode row {i}: column 'start' is empty")
        rec["is_open"] = bool(rec["is_open"]) if rec["is_open"] is not None else rec["end"] is None
        if not rec["is_open"] and rec["end"] is None:
            raise ValueError(
                f"episode row {i}: is_open is false but 'end' is empty; a closed episode needs an end"
            )
        if rec["escalation"] is not None and not isinstance(rec["escalation"], Mapping):
            raise ValueError(f"episode row {i}: column 'escalation' must be a JSON object")
        rec["escalation"] = dict(rec["escalation"] or {})
        rec["fingerprints"] = list(rec["fingerprints"] or [])
        out.append(rec)
    return out
