"""On-call load per team: pages per week, out-of-hours pages, and the share carried by
each escalation target — to show where the rotation is uneven.

A *page* is one incident paging one team: the classified episodes whose ``action`` is
``page`` (severity P1/P2 by default, see ``anomaly/config/severity.yaml``), one per
incident and team, at the incident's first episode start on that team's services.

Examples
--------
>>> import pandas as pd
>>> eps = pd.DataFrame({"incident_id": ["i1", "i1", "i2"], "team": ["t1", "t1", "t2"],
...     "service": ["a", "b", "c"], "severity": ["P1", "P1", "P2"],
...     "action": ["page", "page", "page"],
...     "escalation": [{"pagerduty": "pd-t1"}, {"pagerduty": "pd-t1"}, {"pagerduty": "pd-t2"}],
...     "start": pd.to_datetime(["2026-03-02 03:00", "2026-03-02 03:05", "2026-03-02 11:00"])})
>>> p = pages(eps)
>>> p[["incident_id", "team", "target", "is_out_of_hours"]].to_dict("records")
[{'incident_id': 'i1', 'team': 't1', 'target': 'pd-t1', 'is_out_of_hours': True}, {'incident_id': 'i2', 'team': 't2', 'target': 'pd-t2', 'is_out_of_hours': False}]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from anomaly.analytics.periods import WorkingHours, naive_utc, week_start

__all__ = ["escalation_load", "oncall_load", "pages"]

_SEVERITY_ORDER = {f"P{i}": i for i in range(1, 6)}


def _target(escalation: object, key: str) -> str:
    if isinstance(escalation, dict) and escalation:
        value = escalation.get(key)
        if value:
            return str(value)
        return str(next(iter(escalation.values())))
    return "unrouted"


def pages(episodes: pd.DataFrame, *, page_actions: Sequence[str] = ("page",),
          target_key: str = "pagerduty", hours: WorkingHours | None = None) -> pd.DataFrame:
    """One row per page: an incident paging a team.

    Parameters
    ----------
    episodes : pandas.DataFrame
        ``incident_id, team, service, severity, action, escalation (dict), start``.
    page_actions : sequence of str
        Episode actions that page someone.
    target_key : str
        Which escalation key names the on-call target (``pagerduty``, ``opsgenie``…);
        the first listed key when a service has no such key.
    hours : WorkingHours, optional
        What counts as in hours (default Monday–Friday 09–18 UTC).

    Returns
    -------
    pandas.DataFrame
        ``incident_id, team, target, paged_at, week, severity (highest), services,
        is_out_of_hours``, by time.
    """
    need = ["incident_id", "team", "service", "severity", "action", "escalation", "start"]
    missing = [c for c in need if c not in episodes.columns]
    if missing:
        raise ValueError(f"pages needs columns {missing}; it has {list(episodes.columns)}")
    columns = ["incident_id", "team", "target", "paged_at", "week", "severity", "services",
               "is_out_of_hours"]
    frame = episodes[episodes["action"].isin(list(page_actions))]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(start=naive_utc(frame["start"]),
                         team=frame["team"].fillna("unowned"),
                         rank=frame["severity"].map(_SEVERITY_ORDER).fillna(9))
    frame = frame.sort_values(["start", "rank"], kind="stable")
    rows = []
    for (incident, team), g in frame.groupby(["incident_id", "team"], sort=False):
        rows.append({"incident_id": incident, "team": team,
                     "target": _target(g["escalation"].iloc[0], target_key),
                     "paged_at": g["start"].min(),
                     "severity": g.sort_values("rank")["severity"].iloc[0],
                     "services": sorted(set(g["service"]))})
    out = pd.DataFrame(rows)
    out["week"] = week_start(out["paged_at"])
    out["is_out_of_hours"] = (hours or WorkingHours()).is_out_of_hours(out["paged_at"])
    return out.sort_values(["paged_at", "team"], kind="stable").reset_index(drop=True)[columns]


def oncall_load(page_rows: pd.DataFrame) -> pd.DataFrame:
    """Pages per team per week, with out-of-hours pages and each team's share.

    Weeks with no page for a team appear with 0 between the first and last week.

    Returns
    -------
    pandas.DataFrame
        ``team, week, count_pages, count_out_of_hours, share_out_of_hours,
        share_of_all_pages`` (of that week's pages).

    Examples
    --------
    >>> p = pd.DataFrame({"team": ["t1", "t1", "t2"], "is_out_of_hours": [True, False, False],
    ...     "week": pd.to_datetime(["2026-03-02"] * 3)})
    >>> oncall_load(p)[["team", "count_pages", "share_out_of_hours", "share_of_all_pages"]
    ...     ].to_dict("records")
    [{'team': 't1', 'count_pages': 2, 'share_out_of_hours': 0.5, 'share_of_all_pages': 0.6667}, {'team': 't2', 'count_pages': 1, 'share_out_of_hours': 0.0, 'share_of_all_pages': 0.3333}]
    """
    columns = ["team", "week", "count_pages", "count_out_of_hours", "share_out_of_hours",
               "share_of_all_pages"]
    if page_rows.empty:
        return pd.DataFrame(columns=columns)
    weeks = pd.date_range(page_rows["week"].min(), page_rows["week"].max(), freq="7D")
    teams = sorted(page_rows["team"].unique())
    grid = pd.MultiIndex.from_product([teams, weeks], names=["team", "week"])
    g = page_rows.groupby(["team", "week"])
    out = pd.DataFrame({
        "count_pages": g.size(),
        "count_out_of_hours": g["is_out_of_hours"].sum(),
    }).reindex(grid, fill_value=0).reset_index()
    out["count_pages"] = out["count_pages"].astype("int64")
    out["count_out_of_hours"] = out["count_out_of_hours"].astype("int64")
    pages_ = out["count_pages"].astype("float64")
    out["share_out_of_hours"] = (out["count_out_of_hours"] / pages_.where(pages_ > 0)).round(4)
    week_total = out.groupby("week")["count_pages"].transform("sum").astype("float64")
    out["share_of_all_pages"] = (pages_ / week_total.where(week_total > 0)).round(4)
    return out[columns]


def escalation_load(page_rows: pd.DataFrame) -> pd.DataFrame:
    """Share of pages carried by each escalation target, within its team and overall,
    and how far each team's weekly load sits from the median team's.

    Returns
    -------
    pandas.DataFrame
        ``team, target, count_pages, count_out_of_hours, share_of_team, share_of_all,
        pages_per_week, load_vs_median_team`` (the team's pages per week over the
        median team's; 2.0 = twice the typical load); heaviest first.

    Examples
    --------
    >>> p = pd.DataFrame({"team": ["t1", "t1", "t1", "t2"],
    ...     "target": ["pd-a", "pd-a", "pd-b", "pd-c"],
    ...     "is_out_of_hours": [True, False, False, False],
    ...     "week": pd.to_datetime(["2026-03-02"] * 4)})
    >>> escalation_load(p)[["target", "share_of_team", "share_of_all"]].to_dict("records")
    [{'target': 'pd-a', 'share_of_team': 0.6667, 'share_of_all': 0.5}, {'target': 'pd-b', 'share_of_team': 0.3333, 'share_of_all': 0.25}, {'target': 'pd-c', 'share_of_team': 1.0, 'share_of_all': 0.25}]
    """
    columns = ["team", "target", "count_pages", "count_out_of_hours", "share_of_team",
               "share_of_all", "pages_per_week", "load_vs_median_team"]
    if page_rows.empty:
        return pd.DataFrame(columns=columns)
    n_weeks = max(1, int(page_rows["week"].nunique()))
    g = page_rows.groupby(["team", "target"])
    out = pd.DataFrame({"count_pages": g.size(),
                        "count_out_of_hours": g["is_out_of_hours"].sum().astype("int64")}
                       ).reset_index()
    team_total = out.groupby("team")["count_pages"].transform("sum")
    out["share_of_team"] = (out["count_pages"] / team_total).round(4)
    out["share_of_all"] = (out["count_pages"] / out["count_pages"].sum()).round(4)
    per_week = page_rows.groupby("team").size() / n_weeks
    out["pages_per_week"] = out["team"].map(per_week).round(3)
    median = float(np.median(per_week.to_numpy()))
    out["load_vs_median_team"] = (out["pages_per_week"] / median).round(3) if median > 0 \
        else np.nan
    return out.sort_values(["pages_per_week", "team", "count_pages"],
                           ascending=[False, True, False], kind="stable"
                           ).reset_index(drop=True)[columns]
