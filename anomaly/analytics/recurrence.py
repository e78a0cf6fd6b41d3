"""Recurring failure patterns: fingerprints and episode kinds that come back across
deploys and weeks, week-over-week trends, and the top recurring categories.

A fingerprint *recurs* when it is part of episodes of at least ``min_incidents``
different incidents; the frame says across how many deploys (versions), days and
weeks, so "it came back after the fix shipped" is visible as ``count_versions > 1``.

Examples
--------
>>> import pandas as pd
>>> eps = pd.DataFrame({"incident_id": ["i1", "i2", "i3"], "episode_id": ["a", "b", "c"],
...     "service": ["cart"] * 3, "kind": ["transient"] * 3, "version": ["1", "2", "2"],
...     "start": pd.to_datetime(["2026-03-02 10:00", "2026-03-10 10:00", "2026-03-11 10:00"]),
...     "end": pd.to_datetime(["2026-03-02 10:05", "2026-03-10 10:05", "2026-03-11 10:05"]),
...     "fingerprints": [["fa"], ["fa", "fb"], ["fa"]], "count_errors": [3, 4, 5]})
>>> rec = recurring_fingerprints(eps)
>>> rec[["fingerprint", "count_incidents", "count_versions", "count_weeks", "is_recurring"]
...     ].to_dict("records")[0]
{'fingerprint': 'fa', 'count_incidents': 3, 'count_versions': 2, 'count_weeks': 2, 'is_recurring': True}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc, week_start

__all__ = [
    "categorize_errors",
    "recurring_fingerprints",
    "recurring_kinds",
    "top_categories",
    "weekly_trend",
]


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs columns {missing}; it has {list(frame.columns)}")


def _with_calendar(episodes: pd.DataFrame) -> pd.DataFrame:
    start = naive_utc(episodes["start"])
    out = episodes.assign(start=start, day=start.dt.normalize(), week=week_start(start))
    if "end" in out:
        out["minutes"] = (naive_utc(out["end"]) - start).dt.total_seconds() / 60.0
    return out


def _sorted_unique(values: pd.Series) -> list:
    return sorted({str(v) for v in values if v is not None and not pd.isna(v)})


def recurring_fingerprints(episodes: pd.DataFrame, *,
                           error_counts: pd.DataFrame | None = None,
                           min_incidents: int = 2) -> pd.DataFrame:
    """Fingerprints seen in episodes, with how often and across what they came back.

    Parameters
    ----------
    episodes : pandas.DataFrame
        ``incident_id, episode_id, service, kind, version, start, fingerprints``
        (a list per episode).
    error_counts : pandas.DataFrame, optional
        ``fingerprint, count_errors``: adds each fingerprint's total errors (in and
        out of episodes).
    min_incidents : int
        Incidents a fingerprint must be part of to count as recurring.

    Returns
    -------
    pandas.DataFrame
        ``fingerprint, services, kinds, count_incidents, count_episodes, count_versions,
        versions, count_days, count_weeks, first_at, last_at, count_errors,
        is_recurring``; recurring first, then by incidents, versions and weeks.
    """
    _require(episodes, ["incident_id", "episode_id", "service", "kind", "version", "start",
                        "fingerprints"], "recurring_fingerprints")
    columns = ["fingerprint", "services", "kinds", "count_incidents", "count_episodes",
               "count_versions", "versions", "count_days", "count_weeks", "first_at",
               "last_at", "count_errors", "is_recurring"]
    if episodes.empty:
        return pd.DataFrame(columns=columns)
    frame = _with_calendar(episodes)
    frame = frame.assign(fingerprint=[list(f) if isinstance(f, list | tuple | np.ndarray)
                                      else [] for f in frame["fingerprints"]])
    frame = frame.explode("fingerprint").dropna(subset=["fingerprint"])
    if frame.empty:
        return pd.DataFrame(columns=columns)
    out = frame.groupby("fingerprint").agg(
        services=("service", _sorted_unique),
        kinds=("kind", _sorted_unique),
        count_incidents=("incident_id", "nunique"),
        count_episodes=("episode_id", "nunique"),
        count_versions=("version", "nunique"),
        versions=("version", _sorted_unique),
        count_days=("day", "nunique"),
        count_weeks=("week", "nunique"),
        first_at=("start", "min"),
        last_at=("start", "max"),
    ).reset_index()
    if error_counts is not None and len(error_counts):
        totals = error_counts.groupby("fingerprint")["count_errors"].sum()
        out["count_errors"] = totals.reindex(out["fingerprint"]).fillna(0).astype(
            "int64").to_numpy()
    else:
        out["count_errors"] = 0
    out["is_recurring"] = out["count_incidents"] >= min_incidents
    out = out.sort_values(
        ["is_recurring", "count_incidents", "count_versions", "count_weeks", "count_errors",
         "fingerprint"], ascending=[False, False, False, False, False, True], kind="stable")
    return out[columns].reset_index(drop=True)


def recurring_kinds(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episode kinds per service: how often each comes back, across deploys and weeks.

    Returns
    -------
    pandas.DataFrame
        ``service, kind, count_incidents, count_versions, count_days, count_weeks,
        median_minutes, count_errors``; most incidents first.

    Examples
    --------
    >>> eps = pd.DataFrame({"incident_id": ["i1", "i2"], "episode_id": ["a", "b"],
    ...     "service": ["cart"] * 2, "kind": ["transient"] * 2, "version": ["1", "2"],
    ...     "start": pd.to_datetime(["2026-03-02 10:00", "2026-03-03 10:00"]),
    ...     "end": pd.to_datetime(["2026-03-02 10:04", "2026-03-03 10:10"]),
    ...     "count_errors": [1, 2]})
    >>> recurring_kinds(eps).to_dict("records")[0]["median_minutes"]
    7.0
    """
    _require(episodes, ["incident_id", "service", "kind", "version", "start", "end",
                        "count_errors"], "recurring_kinds")
    columns = ["service", "kind", "count_incidents", "count_versions", "count_days",
               "count_weeks", "median_minutes", "count_errors"]
    if episodes.empty:
        return pd.DataFrame(columns=columns)
    frame = _with_calendar(episodes)
    out = frame.groupby(["service", "kind"]).agg(
        count_incidents=("incident_id", "nunique"),
        count_versions=("version", "nunique"),
        count_days=("day", "nunique"),
        count_weeks=("week", "nunique"),
        median_minutes=("minutes", "median"),
        count_errors=("count_errors", "sum"),
    ).reset_index()
    return out.sort_values(["count_incidents", "count_errors", "service", "kind"],
                           ascending=[False, False, True, True], kind="stable"
                           ).reset_index(drop=True)[columns]


def weekly_trend(frame: pd.DataFrame, *, key: str, time_col: str = "hour",
                 value: str = "count_errors") -> pd.DataFrame:
    """Week-over-week totals of ``value`` per ``key`` with the change from the week before.

    Weeks start on Monday (UTC). A key absent in a week counts 0 there, so a pattern
    that disappears shows as a drop, one that appears as a rise from 0.

    Returns
    -------
    pandas.DataFrame
        ``week, <key>, <value>, previous, change, pct_change`` (NaN when the previous
        week had 0); by week and key.

    Examples
    --------
    >>> counts = pd.DataFrame({"fingerprint": ["fa", "fa", "fb"], "count_errors": [4, 6, 2],
    ...     "hour": pd.to_datetime(["2026-03-02 10:00", "2026-03-09 10:00", "2026-03-09 11:00"])})
    >>> weekly_trend(counts, key="fingerprint").query("fingerprint == 'fa'")[
    ...     ["count_errors", "change", "pct_change"]].to_dict("records")[1]
    {'count_errors': 6, 'change': 2, 'pct_change': 0.5}
    """
    _require(frame, [key, time_col, value], "weekly_trend")
    columns = ["week", key, value, "previous", "change", "pct_change"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    data = frame.assign(week=week_start(frame[time_col]))
    table = data.pivot_table(index="week", columns=key, values=value, aggfunc="sum",
                             fill_value=0)
    weeks = pd.date_range(table.index.min(), table.index.max(), freq="7D")
    table = table.reindex(weeks, fill_value=0)
    table.index.name = "week"
    out = table.stack().rename(value).reset_index()
    out[value] = out[value].astype("int64") if np.issubdtype(out[value].dtype, np.integer) \
        else out[value]
    out["previous"] = out.groupby(key)[value].shift(1).fillna(0).astype(out[value].dtype)
    out["change"] = out[value] - out["previous"]
    prev = out["previous"].astype("float64")
    out["pct_change"] = (out["change"] / prev.where(prev > 0)).round(4)
    return out.sort_values(["week", key], kind="stable").reset_index(drop=True)[columns]


def categorize_errors(error_counts: pd.DataFrame, categories=None) -> pd.DataFrame:
    """``error_counts`` with a ``category`` column from the incident categories
    (:mod:`anomaly.categories`: error type and HTTP status → ITIL category).

    Examples
    --------
    >>> counts = pd.DataFrame({"error_type": ["java.net.SocketTimeoutException", None],
    ...                        "http_status": [None, 503]})
    >>> categorize_errors(counts)["category"].tolist()
    ['network.timeout', 'network.connection']
    """
    from anomaly.categories import load_categories

    _require(error_counts, ["error_type", "http_status"], "categorize_errors")
    cmap = categories or load_categories()
    cache: dict = {}
    out = []
    for et, st in zip(error_counts["error_type"], error_counts["http_status"], strict=True):
        et = None if et is None or pd.isna(et) else str(et)
        st = None if st is None or pd.isna(st) else int(st)
        if (et, st) not in cache:
            cache[(et, st)] = cmap.categorize(et, http_status=st)
        out.append(cache[(et, st)])
    return error_counts.assign(category=out)


def top_categories(episodes: pd.DataFrame, *, error_counts: pd.DataFrame | None = None,
                   categories=None, min_incidents: int = 2) -> pd.DataFrame:
    """Incident categories ranked by how often they come back.

    An incident's category is that of its episodes (classification puts the dominant
    category of the episode's errors into ``evidence``; :func:`load_inputs` lifts it
    into the ``category`` column).

    Parameters
    ----------
    episodes : pandas.DataFrame
        ``incident_id, episode_id, service, kind, version, start, end, count_errors,
        category``.
    error_counts : pandas.DataFrame, optional
        ``error_type, http_status, count_errors``: adds ``count_errors_all``, the
        category's errors in and out of episodes.
    categories : anomaly.categories.CategoryMap, optional
        For descriptions and for categorizing ``error_counts``.
    min_incidents : int
        Incidents a category needs to be ``is_recurring``.

    Returns
    -------
    pandas.DataFrame
        ``category, description, count_incidents, count_episodes, count_services,
        services, count_versions, count_days, count_weeks, kinds (kind → incidents),
        minutes_in_episode, count_errors, count_errors_all, is_recurring``.

    Examples
    --------
    >>> eps = pd.DataFrame({"incident_id": ["i1", "i2"], "episode_id": ["a", "b"],
    ...     "service": ["cart", "auth"], "kind": ["transient", "transient"],
    ...     "version": ["1", "7"], "count_errors": [3, 4], "category": ["network.timeout"] * 2,
    ...     "start": pd.to_datetime(["2026-03-02 10:00", "2026-03-03 10:00"]),
    ...     "end": pd.to_datetime(["2026-03-02 10:05", "2026-03-03 10:05"])})
    >>> top_categories(eps)[["category", "count_incidents", "count_days", "kinds"]
    ...     ].to_dict("records")
    [{'category': 'network.timeout', 'count_incidents': 2, 'count_days': 2, 'kinds': {'transient': 2}}]
    """
    from anomaly.categories import load_categories

    _require(episodes, ["incident_id", "episode_id", "service", "kind", "version", "start",
                        "end", "count_errors", "category"], "top_categories")
    cmap = categories or load_categories()
    columns = ["category", "description", "count_incidents", "count_episodes",
               "count_services", "services", "count_versions", "count_days", "count_weeks",
               "kinds", "minutes_in_episode", "count_errors", "count_errors_all",
               "is_recurring"]
    if episodes.empty:
        return pd.DataFrame(columns=columns)
    frame = _with_calendar(episodes.assign(
        category=episodes["category"].fillna("uncategorized")))
    out = frame.groupby("category").agg(
        count_incidents=("incident_id", "nunique"),
        count_episodes=("episode_id", "nunique"),
        count_services=("service", "nunique"),
        services=("service", _sorted_unique),
        count_versions=("version", "nunique"),
        count_days=("day", "nunique"),
        count_weeks=("week", "nunique"),
        minutes_in_episode=("minutes", "sum"),
        count_errors=("count_errors", "sum"),
    ).reset_index()
    kinds = (frame.drop_duplicates(["category", "incident_id", "kind"])
             .groupby(["category", "kind"])["incident_id"].nunique())
    out["kinds"] = [{str(k): int(n) for k, n in kinds.loc[c].items()} if c in kinds.index
                    else {} for c in out["category"]]
    known = {c.id for c in cmap.categories} if hasattr(cmap, "categories") else set()
    out["description"] = [cmap.describe(c) if (not known or c in known) else c
                          for c in out["category"]]
    if error_counts is not None and len(error_counts):
        all_errors = categorize_errors(error_counts, cmap).groupby("category")[
            "count_errors"].sum()
        out["count_errors_all"] = all_errors.reindex(out["category"]).fillna(0).astype(
            "int64").to_numpy()
    else:
        out["count_errors_all"] = out["count_errors"]
    out["is_recurring"] = out["count_incidents"] >= min_incidents
    out = out.sort_values(["count_incidents", "count_days", "count_errors", "category"],
                          ascending=[False, False, False, True], kind="stable")
    return out[columns].reset_index(drop=True)
