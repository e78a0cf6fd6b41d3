"""Thin readers of the store tables the analytics use.

Each reader returns a pandas frame with fixed columns; a table the store does not
have yet (no spans ingested, no episodes classified) gives an empty frame of the same
columns, so every analytic runs on whatever stage the store has reached. Aggregating
queries live in ``anomaly/analytics/sql/*.sql``.

Examples
--------
>>> import tempfile, pathlib
>>> from features.store import Store
>>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb") as store:
...     inputs = load_inputs(store)
>>> inputs.episodes.empty, list(inputs.error_counts.columns)[:3]
(True, ['hour', 'service', 'version'])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

import pandas as pd

from features.governance.roles import audited_api

__all__ = ["AnalyticsInputs", "load_inputs", "read_sql"]

_COLUMNS = {
    "error_counts": ["hour", "service", "version", "fingerprint", "error_type", "http_status",
                     "count_errors", "estimated_errors"],
    "call_latency": ["caller", "callee", "count_calls", "count_error_calls",
                     "error_call_ratio", "count_ok_calls", "ok_latency_p50_ms",
                     "ok_latency_p99_ms", "error_latency_p50_ms", "error_latency_max_ms"],
    "service_minute": ["service", "minute", "count_errors", "requests"],
    "episodes": ["incident_id", "episode_id", "service", "component", "start", "end",
                 "is_open", "kind", "is_retry_storm", "is_flapping", "state", "severity",
                 "action", "root_service", "team", "escalation", "fingerprints", "version",
                 "score", "evidence", "count_errors", "count_users_affected", "category"],
    "incidents": ["incident_id", "title", "severity", "services", "started_at",
                  "detected_at", "acknowledged_at", "resolved_at", "category"],
    "catalog": ["service", "team", "tier", "depends_on", "slo_error_rate",
                "slo_latency_p99_ms", "escalation"],
    "deployments": ["service", "version", "deployed_at", "environment"],
    "fingerprints": ["fingerprint", "service", "error_type", "template_id", "first_seen_at",
                     "last_seen_at", "count_events", "versions", "introduced_by_version"],
    "templates": ["template_id", "template"],
}

_SOURCES = {
    "episodes": ("episodes", None),
    "incidents": ("incidents", None),
    "catalog": ("services", None),
    "deployments": ("deployments", None),
    "fingerprints": ("fingerprints", None),
    "templates": ("templates", None),
    "error_counts": ("events", "error_counts.sql"),
    "call_latency": ("spans", "call_latency.sql"),
    "service_minute": ("feat_service_minute", "service_minute.sql"),
}


def read_sql(name: str) -> str:
    """The text of ``anomaly/analytics/sql/<name>``.

    Examples
    --------
    >>> "GROUP BY" in read_sql("error_counts.sql")
    True
    """
    return resources.files("anomaly.analytics").joinpath("sql").joinpath(name).read_text("utf-8")


@dataclass
class AnalyticsInputs:
    """The frames the analytics and the report read, one per store table or summary.

    Attributes
    ----------
    error_counts : pandas.DataFrame
        Events per hour, service, version, fingerprint, error type and HTTP status.
    service_minute : pandas.DataFrame
        ``service, minute, count_errors, requests``.
    call_latency : pandas.DataFrame
        Caller → callee call counts, error ratio and latency percentiles from spans.
    episodes : pandas.DataFrame
        The classified ``episodes`` table, ``evidence`` parsed into dicts and its
        ``category`` lifted into a column.
    incidents : pandas.DataFrame
        The incident history as recorded by people.
    catalog : pandas.DataFrame
        The service catalog (``services`` table), ``escalation`` parsed into dicts.
    deployments, fingerprints, templates : pandas.DataFrame
    """

    error_counts: pd.DataFrame
    service_minute: pd.DataFrame
    call_latency: pd.DataFrame
    episodes: pd.DataFrame
    incidents: pd.DataFrame
    catalog: pd.DataFrame
    deployments: pd.DataFrame
    fingerprints: pd.DataFrame
    templates: pd.DataFrame


def _parse_json(value: Any) -> dict:
    if isinstance(value, dict):
        return value
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return {}
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _read(con: Any, name: str, tables: set[str]) -> pd.DataFrame:
    table, sql_file = _SOURCES[name]
    columns = _COLUMNS[name]
    if table not in tables:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    if sql_file is not None:
        return con.execute(read_sql(sql_file)).df()
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_name = ?", [table]).fetchall()}
    select = ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in columns)
    return con.execute(f'SELECT {select} FROM "{table}"').df()


@audited_api("read", "events")
def load_inputs(store: Any) -> AnalyticsInputs:
    """Read every analytics input from a store.

    Parameters
    ----------
    store : features.store.Store or duckdb.DuckDBPyConnection
        An open store (read-only is enough).

    Returns
    -------
    AnalyticsInputs
    """
    con = getattr(store, "con", store)
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()}
    frames = {f.name: _read(con, f.name, tables) for f in fields(AnalyticsInputs)}
    episodes = frames["episodes"]
    if "evidence" in episodes:
        episodes["evidence"] = [_parse_json(v) for v in episodes["evidence"]]
        episodes["category"] = [e.get("category") for e in episodes["evidence"]]
        episodes["escalation"] = [_parse_json(v) for v in episodes["escalation"]]
    catalog = frames["catalog"]
    catalog["escalation"] = [_parse_json(v) for v in catalog["escalation"]]
    return AnalyticsInputs(**frames)
