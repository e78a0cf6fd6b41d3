"""Read a feature table as a polars or pandas frame, for some services and a time range.

This is how notebooks and the models see the features built by
:func:`features.build.build_features`.

Examples
--------
>>> import duckdb
>>> from features.build import build_features, create_input_tables
>>> con = duckdb.connect()
>>> create_input_tables(con)
>>> _ = con.execute("INSERT INTO events (timestamp, service, severity) VALUES "
...                 "('2026-03-01 10:00:05', 'api', 'ERROR'), ('2026-03-01 10:02:00', 'web', 'WARN')")
>>> _ = build_features(con)
>>> frame = feature_frame(con, "feat_service_minute", service="api",
...                       start="2026-03-01 10:00", end="2026-03-01 10:02")
>>> frame.select("service", "count_errors").rows()
[('api', 1), ('api', 0)]
>>> feature_frame(con, "feat_service_minute", as_="pandas").shape
(4, 13)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from features.governance.roles import audited_api

__all__ = ["feature_frame", "feature_names"]


def feature_names() -> list[str]:
    """Names of the feature tables, in build order.

    Examples
    --------
    >>> "feat_model_input" in feature_names()
    True
    """
    from features.build import load_models

    return [m.name for m in load_models()]


def feature_frame(
    source: Any,
    name: str = "feat_model_input",
    *,
    service: str | Sequence[str] | None = None,
    start: datetime | str | None = None,
    end: datetime | str | None = None,
    as_: Literal["polars", "pandas"] = "polars",
) -> Any:
    """Return one feature table, filtered, ordered by its key.

    Parameters
    ----------
    source : features.store.Store, duckdb.DuckDBPyConnection or path
        Where the features were built; a path is opened read-only with
        :meth:`features.store.Store.open` and closed again.
    name : str
        A feature table (see :func:`feature_names`); default the model input table.
    service : str or sequence of str, optional
        Keep these services only. For ``feat_call_edge_minute`` a row is kept when its
        caller or its callee is one of them.
    start, end : datetime or str, optional
        Keep rows whose time column (``minute`` for per-minute tables) is at or after
        ``start`` and before ``end``; naive UTC, or ISO 8601 text.
    as_ : {"polars", "pandas"}
        The frame type returned.

    Returns
    -------
    polars.DataFrame or pandas.DataFrame

    Raises
    ------
    ValueError
        Unknown table or frame type, a table not built yet, or an unreadable time.
    """
    from features.build import load_models

    if as_ not in ("polars", "pandas"):
        raise ValueError(f"as_ must be 'polars' or 'pandas', not {as_!r}")
    models = {m.name: m for m in load_models()}
    if name not in models:
        raise ValueError(f"no feature table named {name!r}; feature tables are {sorted(models)}")
    model = models[name]
    if isinstance(source, (str, os.PathLike)):
        from features.store import Store

        with Store.open(source, read_only=True) as store:
            return _feature_frame(store, model, service, start, end, as_)
    return _feature_frame(source, model, service, start, end, as_)


@audited_api("read", "features")
def _feature_frame(store: Any, model: Any, service: Any, start: Any, end: Any, as_: str) -> Any:
    """:func:`_read` behind the enforcement point (the store is the first argument)."""
    return _read(getattr(store, "con", store), model, service, start, end, as_)


def _read(con: Any, model: Any, service: Any, start: Any, end: Any, as_: str) -> Any:
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()}
    if model.name not in tables:
        raise ValueError(f"{model.name} has not been built in this store; run "
                         "`faultline features` (or features.build.build_features) first")
    columns = set(model.spec["columns"])
    where, params = [], {}
    if service is not None:
        services = [service] if isinstance(service, str) else list(service)
        params["services"] = services
        keys = ["service"] if "service" in columns else ["caller", "callee"]
        where.append("(" + " OR ".join(f"list_contains($services, {k})" for k in keys) + ")")
    time_column = model.time_column
    if start is not None:
        params["start"] = _as_time(start, "start")
        where.append(f'"{time_column}" >= $start')
    if end is not None:
        params["end"] = _as_time(end, "end")
        where.append(f'"{time_column}" < $end')
    query = f"SELECT * FROM {model.name}"
    if where:
        query += " WHERE " + " AND ".join(where)
    query += " ORDER BY " + ", ".join(f'"{k}"' for k in model.unique_key)
    relation = con.execute(query, params)
    return relation.pl() if as_ == "polars" else relation.df()


def _as_time(value: datetime | str, label: str) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from datetime import UTC

            value = value.astimezone(UTC).replace(tzinfo=None)
        return value
    if isinstance(value, str):
        try:
            return _as_time(datetime.fromisoformat(value), label)
        except ValueError:
            pass
    raise ValueError(f"{label} must be a datetime or ISO 8601 text such as '2026-03-01 10:00'")
