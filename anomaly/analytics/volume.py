"""Error volume and episodes aggregated by service, team, fingerprint and deploy cycle.

Inputs are the frames of :mod:`anomaly.analytics.tables` (``error_counts``: events per
hour and key; ``episodes``: the classified episodes table). A *deploy cycle* is the time
one version of a service was live: from its deploy to the next deploy of that service
(or the end of the data).

Examples
--------
>>> import pandas as pd
>>> counts = pd.DataFrame({"hour": pd.to_datetime(["2026-03-02 10:00"] * 3),
...     "service": ["cart", "cart", "auth"], "version": ["1.0", "1.0", "2.0"],
...     "fingerprint": ["fa", "fb", "fc"], "count_errors": [6, 2, 2]})
>>> error_volume(counts, by="service")[["service", "count_errors", "share_errors"]].to_dict("records")
[{'service': 'cart', 'count_errors': 8, 'share_errors': 0.8}, {'service': 'auth', 'count_errors': 2, 'share_errors': 0.2}]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc

__all__ = ["deploy_cycles", "episode_volume", "error_rate_timeline", "error_volume", "with_team"]


def _as_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs columns {missing}; it has {list(frame.columns)}")


def with_team(frame: pd.DataFrame, catalog: pd.DataFrame | None, *,
              service_col: str = "service") -> pd.DataFrame:
    """``frame`` with a ``team`` column from the catalog (``"unowned"`` for services the
    catalog does not list).

    Examples
    --------
    >>> cat = pd.DataFrame({"service": ["cart"], "team": ["shopping"]})
    >>> with_team(pd.DataFrame({"service": ["cart", "x"]}), cat)["team"].tolist()
    ['shopping', 'unowned']
    """
    out = frame.copy()
    teams: dict = {}
    if catalog is not None and len(catalog):
        teams = dict(zip(catalog["service"], catalog["team"], strict=False))
    out["team"] = [teams.get(s) or "unowned" for s in out[service_col]]
    return out


def error_volume(error_counts: pd.DataFrame, *, by: str | Sequence[str] = "service",
                 catalog: pd.DataFrame | None = None) -> pd.DataFrame:
    """Errors grouped by one or more keys, largest first.

    Parameters
    ----------
    error_counts : pandas.DataFrame
        ``hour, service, version, fingerprint, count_errors`` (one row per key and hour).
    by : str or sequence of str
        Columns to group by; ``"team"`` is looked up in ``catalog``.
    catalog : pandas.DataFrame, optional
        ``service, team``; needed when grouping by team.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, ``count_errors``, ``share_errors`` (of all errors),
        ``count_fingerprints`` (distinct), ``count_hours`` (hours with errors),
        ``first_at`` and ``last_at`` (hours).
    """
    keys = _as_list(by)
    frame = error_counts
    if "team" in keys and "team" not in frame.columns:
        frame = with_team(frame, catalog)
    _require(frame, [*keys, "hour", "count_errors"], "error_volume")
    if frame.empty:
        return pd.DataFrame(columns=[*keys, "count_errors", "share_errors",
                                     "count_fingerprints", "count_hours", "first_at",
                                     "last_at"])
    frame = frame.assign(fingerprint=frame.get("fingerprint", pd.Series(index=frame.index)))
    out = frame.groupby(keys, dropna=False).agg(
        count_errors=("count_errors", "sum"),
        count_fingerprints=("fingerprint", "nunique"),
        count_hours=("hour", "nunique"),
        first_at=("hour", "min"),
        last_at=("hour", "max"),
    ).reset_index()
    total = out["count_errors"].sum()
    out.insert(len(keys) + 1, "share_errors",
               (out["count_errors"] / total).round(4) if total else 0.0)
    return out.sort_values(["count_errors", *keys], ascending=[False] + [True] * len(keys),
                           kind="stable").reset_index(drop=True)


def episode_volume(episodes: pd.DataFrame, *, by: str | Sequence[str] = "service"
                   ) -> pd.DataFrame:
    """Episodes and incidents grouped by keys (service, team, version, kind, category…).

    Parameters
    ----------
    episodes : pandas.DataFrame
        The ``episodes`` table: ``incident_id, episode_id, start, end, count_errors``
        plus the ``by`` columns.
    by : str or sequence of str

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, ``count_incidents``, ``count_episodes``,
        ``minutes_in_episode`` (sum of episode durations), ``count_errors``, most first.

    Examples
    --------
    >>> eps = pd.DataFrame({"incident_id": ["i1", "i1", "i2"], "episode_id": ["a", "b", "c"],
    ...     "team": ["t1", "t1", "t2"], "count_errors": [5, 3, 1],
    ...     "start": pd.to_datetime(["2026-03-02 10:00"] * 3),
    ...     "end": pd.to_datetime(["2026-03-02 10:30", "2026-03-02 10:10", "2026-03-02 10:05"])})
    >>> episode_volume(eps, by="team").to_dict("records")[0]
    {'team': 't1', 'count_incidents': 1, 'count_episodes': 2, 'minutes_in_episode': 40.0, 'count_errors': 8}
    """
    keys = _as_list(by)
    _require(episodes, [*keys, "incident_id", "episode_id", "start", "end", "count_errors"],
             "episode_volume")
    columns = [*keys, "count_incidents", "count_episodes", "minutes_in_episode", "count_errors"]
    if episodes.empty:
        return pd.DataFrame(columns=columns)
    frame = episodes.assign(minutes=(naive_utc(episodes["end"]) - naive_utc(episodes["start"]))
                            .dt.total_seconds() / 60.0)
    out = frame.groupby(keys, dropna=False).agg(
        count_incidents=("incident_id", "nunique"),
        count_episodes=("episode_id", "nunique"),
        minutes_in_episode=("minutes", "sum"),
        count_errors=("count_errors", "sum"),
    ).reset_index()
    return out.sort_values(["count_incidents", "count_errors"], ascending=False,
                           kind="stable").reset_index(drop=True)[columns]


def deploy_cycles(error_counts: pd.DataFrame, deployments: pd.DataFrame, *,
                  episodes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Errors and episodes per deploy cycle (service and version).

    A cycle runs from the version's deploy to the next deploy of the same service; the
    last cycle ends at the end of the data. Errors are attributed by the version the
    event carries (``service.version``), so late or canary traffic lands in the right
    cycle.

    Parameters
    ----------
    error_counts : pandas.DataFrame
        ``hour, service, version, fingerprint, count_errors``.
    deployments : pandas.DataFrame
        ``service, version, deployed_at``.
    episodes : pandas.DataFrame, optional
        ``service, version, episode_id``: episodes per cycle.

    Returns
    -------
    pandas.DataFrame
        ``service, version, deployed_at, cycle_end, hours_live, count_errors,
        errors_per_hour, count_new_fingerprints`` (fingerprints first seen in this
        version of the service), ``count_episodes``; by service and deploy time.

    Examples
    --------
    >>> counts = pd.DataFrame({"hour": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 13:00"]),
    ...     "service": ["cart", "cart"], "version": ["1", "2"],
    ...     "fingerprint": ["fa", "fb"], "count_errors": [4, 9]})
    >>> deps = pd.DataFrame({"service": ["cart", "cart"], "version": ["1", "2"],
    ...     "deployed_at": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 12:00"])})
    >>> deploy_cycles(counts, deps)[["version", "hours_live", "errors_per_hour",
    ...     "count_new_fingerprints"]].to_dict("records")
    [{'version': '1', 'hours_live': 2.0, 'errors_per_hour': 2.0, 'count_new_fingerprints': 1}, {'version': '2', 'hours_live': 2.0, 'errors_per_hour': 4.5, 'count_new_fingerprints': 1}]
    """
    _require(deployments, ["service", "version", "deployed_at"], "deploy_cycles")
    columns = ["service", "version", "deployed_at", "cycle_end", "hours_live", "count_errors",
               "errors_per_hour", "count_new_fingerprints", "count_episodes"]
    if deployments.empty:
        return pd.DataFrame(columns=columns)
    deps = deployments[["service", "version", "deployed_at"]].copy()
    deps["deployed_at"] = naive_utc(deps["deployed_at"])
    deps = deps.sort_values(["service", "deployed_at"], kind="stable")
    deps = deps.drop_duplicates(["service", "version"], keep="first")
    data_end = (naive_utc(error_counts["hour"]).max() + pd.Timedelta(hours=1)
                if len(error_counts) else deps["deployed_at"].max())
    deps["cycle_end"] = deps.groupby("service")["deployed_at"].shift(-1).fillna(data_end)
    deps["hours_live"] = ((deps["cycle_end"] - deps["deployed_at"]).dt.total_seconds()
                          / 3600.0).clip(lower=0.0)
    if len(error_counts):
        counts = error_counts.groupby(["service", "version"], dropna=True)["count_errors"].sum()
        first = (error_counts.dropna(subset=["fingerprint"])
                 .sort_values("hour", kind="stable")
                 .drop_duplicates(["service", "fingerprint"])
                 .groupby(["service", "version"]).size())
    else:
        counts = first = pd.Series(dtype="int64")
    idx = pd.MultiIndex.from_frame(deps[["service", "version"]])
    deps["count_errors"] = counts.reindex(idx).fillna(0).astype("int64").to_numpy()
    deps["count_new_fingerprints"] = first.reindex(idx).fillna(0).astype("int64").to_numpy()
    hours = deps["hours_live"].to_numpy()
    deps["errors_per_hour"] = np.where(hours > 0, deps["count_errors"] / np.where(
        hours > 0, hours, 1.0), np.nan).round(3)
    if episodes is not None and len(episodes):
        per = episodes.groupby(["service", "version"])["episode_id"].nunique()
        deps["count_episodes"] = per.reindex(idx).fillna(0).astype("int64").to_numpy()
    else:
        deps["count_episodes"] = 0
    return deps[columns].reset_index(drop=True)


def error_rate_timeline(service_minute: pd.DataFrame, *, freq: str = "1h") -> pd.DataFrame:
    """Errors, requests and error rate per service per period (for timelines).

    Parameters
    ----------
    service_minute : pandas.DataFrame
        ``service, minute, count_errors, requests``.
    freq : str
        A pandas frequency such as ``"1h"`` or ``"15min"``.

    Returns
    -------
    pandas.DataFrame
        ``service, period, count_errors, requests, error_rate`` (NaN without requests).

    Examples
    --------
    >>> sm = pd.DataFrame({"service": ["a"] * 3, "count_errors": [1, 2, 0],
    ...     "minute": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 10:01", "2026-03-02 11:00"]),
    ...     "requests": [100, 100, 50]})
    >>> error_rate_timeline(sm)["error_rate"].tolist()
    [0.015, 0.0]
    """
    _require(service_minute, ["service", "minute", "count_errors", "requests"],
             "error_rate_timeline")
    frame = service_minute.assign(period=naive_utc(service_minute["minute"]).dt.floor(freq))
    out = frame.groupby(["service", "period"]).agg(
        count_errors=("count_errors", "sum"), requests=("requests", "sum")).reset_index()
    req = out["requests"].astype("float64")
    out["error_rate"] = (out["count_errors"] / req.where(req > 0)).astype("float64")
    return out
