"""MTTD and MTTR: how fast failures are noticed and fixed.

Two sources:

* the **incident history** (``incidents`` table, as people recorded it): time to
  detect ``detected_at - started_at``, to acknowledge ``acknowledged_at -
  detected_at``, to resolve ``resolved_at - started_at`` (MTTR counts from the start
  of impact, the customer's view);
* **detected episodes against ground truth** (the incident history, or the
  simulator's ``truth.json``): when faultline would have raised the alarm. An
  episode's score for a minute exists once that minute is over, so faultline's
  detection time is the episode's first anomalous minute plus one minute.

Summaries give the count, the median and the 90th percentile in minutes
(:func:`anomaly.analytics.periods.percentile`: linear interpolation between ranks).

Examples
--------
>>> import pandas as pd
>>> inc = pd.DataFrame({"incident_id": ["a", "b", "c"], "severity": ["P1", "P1", "P2"],
...     "services": [["cart"], ["cart"], ["auth"]],
...     "started_at": pd.to_datetime(["2026-03-02 10:00"] * 3),
...     "detected_at": pd.to_datetime(["2026-03-02 10:05", "2026-03-02 10:15",
...                                    "2026-03-02 10:02"]),
...     "acknowledged_at": pd.NaT, "resolved_at": pd.to_datetime(["2026-03-02 11:00"] * 3)})
>>> t = incident_timings(inc)
>>> mttx_summary(t, by="severity")[["severity", "count_incidents", "mttd_median_min"]
...     ].to_dict("records")
[{'severity': 'P1', 'count_incidents': 2, 'mttd_median_min': 10.0}, {'severity': 'P2', 'count_incidents': 1, 'mttd_median_min': 2.0}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc, percentile, week_start

__all__ = [
    "detection_delays",
    "detection_summary",
    "incident_timings",
    "mttx_summary",
    "mttx_trend",
    "truth_from_incidents",
]

_TIMING_COLUMNS = ["incident_id", "severity", "services", "service", "team", "category",
                   "started_at", "detected_at", "acknowledged_at", "resolved_at",
                   "ttd_minutes", "tta_minutes", "ttr_minutes"]


def _minutes(later: pd.Series, earlier: pd.Series) -> pd.Series:
    out = (later - earlier).dt.total_seconds() / 60.0
    # a negative span is a recording error (clock skew, swapped fields): not a time
    return out.where(out >= 0)


def _service_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple | np.ndarray):
        return [str(v) for v in value]
    if isinstance(value, str):
        return [value]
    return []


def incident_timings(incidents: pd.DataFrame, catalog: pd.DataFrame | None = None
                     ) -> pd.DataFrame:
    """Per incident: time to detect, acknowledge and resolve, in minutes.

    Parameters
    ----------
    incidents : pandas.DataFrame
        ``incident_id, severity, services (list), started_at, detected_at,
        acknowledged_at, resolved_at`` (``category`` optional).
    catalog : pandas.DataFrame, optional
        ``service, team``: the owning team is the team of the first listed service.

    Returns
    -------
    pandas.DataFrame
        The incident columns plus ``service`` (first listed), ``team``,
        ``ttd_minutes``, ``tta_minutes``, ``ttr_minutes``. A missing time, or one
        before the time it is measured from, gives NaN.
    """
    need = ["incident_id", "severity", "services", "started_at", "detected_at",
            "acknowledged_at", "resolved_at"]
    missing = [c for c in need if c not in incidents.columns]
    if missing:
        raise ValueError(f"incident_timings needs columns {missing}; it has "
                         f"{list(incidents.columns)}")
    if incidents.empty:
        return pd.DataFrame(columns=_TIMING_COLUMNS)
    out = incidents.copy()
    for col in ("started_at", "detected_at", "acknowledged_at", "resolved_at"):
        out[col] = naive_utc(out[col].astype("datetime64[us]") if out[col].isna().all()
                             else out[col])
    out["services"] = [_service_list(s) for s in out["services"]]
    out["service"] = [s[0] if s else "unknown" for s in out["services"]]
    teams = {}
    if catalog is not None and len(catalog):
        teams = dict(zip(catalog["service"], catalog["team"], strict=False))
    out["team"] = [teams.get(s) or "unowned" for s in out["service"]]
    if "category" not in out:
        out["category"] = None
    out["ttd_minutes"] = _minutes(out["detected_at"], out["started_at"])
    out["tta_minutes"] = _minutes(out["acknowledged_at"], out["detected_at"])
    out["ttr_minutes"] = _minutes(out["resolved_at"], out["started_at"])
    return out[_TIMING_COLUMNS].reset_index(drop=True)


def _summarize(group: pd.DataFrame, measures: Mapping[str, str]) -> dict[str, float]:
    row: dict[str, float] = {}
    for name, col in measures.items():
        values = group[col].to_numpy(dtype=float)
        row[f"{name}_median_min"] = round(percentile(values, 50), 2)
        row[f"{name}_p90_min"] = round(percentile(values, 90), 2)
    return row


_MEASURES = {"mttd": "ttd_minutes", "mtta": "tta_minutes", "mttr": "ttr_minutes"}


def mttx_summary(timings: pd.DataFrame, *, by: str = "team") -> pd.DataFrame:
    """Median and p90 of time to detect, acknowledge and resolve per ``by``.

    Parameters
    ----------
    timings : pandas.DataFrame
        From :func:`incident_timings`.
    by : {"team", "service", "severity", "category"}
        With ``"service"`` an incident counts for every service it lists.

    Returns
    -------
    pandas.DataFrame
        ``<by>, count_incidents, mttd_median_min, mttd_p90_min, mtta_median_min,
        mtta_p90_min, mttr_median_min, mttr_p90_min``.
    """
    if by not in ("team", "service", "severity", "category"):
        raise ValueError(f"by must be 'team', 'service', 'severity' or 'category', not {by!r}")
    columns = [by, "count_incidents"] + [f"{m}_{s}_min" for m in _MEASURES
                                         for s in ("median", "p90")]
    if timings.empty:
        return pd.DataFrame(columns=columns)
    frame = timings
    if by == "service":
        frame = timings.drop(columns="service").explode("services").rename(
            columns={"services": "service"}).dropna(subset=["service"])
    rows = []
    for key, group in frame.groupby(by, dropna=False, sort=True):
        rows.append({by: key, "count_incidents": int(group["incident_id"].nunique()),
                     **_summarize(group, _MEASURES)})
    return pd.DataFrame(rows, columns=columns)


def mttx_trend(timings: pd.DataFrame) -> pd.DataFrame:
    """Weekly median and p90 of time to detect and resolve (week of the incident start).

    Returns
    -------
    pandas.DataFrame
        ``week, count_incidents, mttd_median_min, mttd_p90_min, mtta_median_min,
        mtta_p90_min, mttr_median_min, mttr_p90_min``.

    Examples
    --------
    >>> t = pd.DataFrame({"incident_id": ["a", "b"], "ttd_minutes": [4.0, 8.0],
    ...     "tta_minutes": [1.0, 1.0], "ttr_minutes": [30.0, 60.0],
    ...     "started_at": pd.to_datetime(["2026-03-02", "2026-03-10"])})
    >>> mttx_trend(t)[["week", "mttr_median_min"]].to_dict("records")
    [{'week': Timestamp('2026-03-02 00:00:00'), 'mttr_median_min': 30.0}, {'week': Timestamp('2026-03-09 00:00:00'), 'mttr_median_min': 60.0}]
    """
    columns = ["week", "count_incidents"] + [f"{m}_{s}_min" for m in _MEASURES
                                             for s in ("median", "p90")]
    if timings.empty:
        return pd.DataFrame(columns=columns)
    frame = timings.assign(week=week_start(timings["started_at"]))
    rows = [{"week": week, "count_incidents": int(g["incident_id"].nunique()),
             **_summarize(g, _MEASURES)} for week, g in frame.groupby("week", sort=True)]
    return pd.DataFrame(rows, columns=columns)


def truth_from_incidents(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incident history as ground truth for :func:`detection_delays`:
    ``truth_id, kind (category), services, start, end, recorded_detected_at``.

    Examples
    --------
    >>> inc = pd.DataFrame({"incident_id": ["a"], "category": ["deploy"],
    ...     "services": [["cart"]], "started_at": pd.to_datetime(["2026-03-02 10:00"]),
    ...     "detected_at": pd.to_datetime(["2026-03-02 10:09"]),
    ...     "resolved_at": pd.to_datetime(["2026-03-02 11:00"])})
    >>> truth_from_incidents(inc)[["truth_id", "kind"]].to_dict("records")
    [{'truth_id': 'a', 'kind': 'deploy'}]
    """
    return pd.DataFrame({
        "truth_id": incidents["incident_id"].to_numpy(),
        "kind": (incidents["category"] if "category" in incidents else
                 pd.Series(["incident"] * len(incidents))).fillna("incident").to_numpy(),
        "services": [_service_list(s) for s in incidents["services"]],
        "start": naive_utc(incidents["started_at"]).to_numpy(),
        "end": naive_utc(incidents["resolved_at"].fillna(incidents["started_at"])).to_numpy(),
        "recorded_detected_at": naive_utc(incidents["detected_at"]).to_numpy()
        if "detected_at" in incidents else pd.NaT,
    })


def detection_delays(episodes: pd.DataFrame,
                     truth: pd.DataFrame | Iterable[Mapping[str, Any]], *,
                     slack_minutes: float = 15.0) -> pd.DataFrame:
    """For each ground-truth failure, when faultline detected it (if at all).

    A truth failure is detected by the earliest episode on one of its services that
    overlaps ``[start - slack, end + slack]``.

    Parameters
    ----------
    episodes : pandas.DataFrame
        ``service, start, end, incident_id`` (the classified ``episodes`` table).
    truth : pandas.DataFrame or iterable of dict
        ``services (list), start, end`` plus optional ``truth_id``/``episode_id``,
        ``kind`` and ``recorded_detected_at`` (the simulator's ``truth.json``
        episodes, or :func:`truth_from_incidents`).
    slack_minutes : float
        Tolerance around the truth interval (recorded times are often rounded).

    Returns
    -------
    pandas.DataFrame
        ``truth_id, kind, services, start, end, is_detected, detected_at,
        ttd_minutes`` (faultline; negative when the episode began before the recorded
        start), ``recorded_ttd_minutes`` (people, when given), ``incident_id``.

    Examples
    --------
    >>> eps = pd.DataFrame({"incident_id": ["i1"], "service": ["cart"],
    ...     "start": pd.to_datetime(["2026-03-02 10:03"]),
    ...     "end": pd.to_datetime(["2026-03-02 10:30"])})
    >>> truth = [{"episode_id": "t1", "kind": "transient", "services": ["cart"],
    ...           "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T10:20:00Z"},
    ...          {"episode_id": "t2", "kind": "transient", "services": ["auth"],
    ...           "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T10:20:00Z"}]
    >>> detection_delays(eps, truth)[["truth_id", "is_detected", "ttd_minutes"]
    ...     ].to_dict("records")
    [{'truth_id': 't1', 'is_detected': True, 'ttd_minutes': 4.0}, {'truth_id': 't2', 'is_detected': False, 'ttd_minutes': nan}]
    """
    frame = truth.copy() if isinstance(truth, pd.DataFrame) else pd.DataFrame(list(truth))
    columns = ["truth_id", "kind", "services", "start", "end", "is_detected", "detected_at",
               "ttd_minutes", "recorded_ttd_minutes", "recovered_at", "ttr_minutes",
               "incident_id"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    if "truth_id" not in frame:
        frame["truth_id"] = frame.get("episode_id", pd.Series(range(len(frame)))).astype(str)
    if "kind" not in frame:
        frame["kind"] = "failure"
    frame["start"] = naive_utc(frame["start"])
    frame["end"] = naive_utc(frame["end"])
    frame["services"] = [_service_list(s) for s in frame["services"]]
    slack = pd.Timedelta(minutes=slack_minutes)
    eps = episodes.assign(start=naive_utc(episodes["start"]), end=naive_utc(episodes["end"]))
    eps = eps.sort_values("start", kind="stable")
    rows = []
    for t in frame.itertuples(index=False):
        hit = eps[eps["service"].isin(t.services) & (eps["start"] <= t.end + slack)
                  & (eps["end"] >= t.start - slack)]
        detected_at = hit["start"].iloc[0] + pd.Timedelta(minutes=1) if len(hit) else pd.NaT
        recorded = getattr(t, "recorded_detected_at", pd.NaT)
        recorded = pd.Timestamp(recorded) if recorded is not None else pd.NaT
        # recovery as faultline saw it: the last matching episode's end (NaT while open)
        recovered = hit["end"].max() if len(hit) and hit["end"].notna().all() else pd.NaT
        rows.append({
            "truth_id": t.truth_id, "kind": t.kind, "services": t.services,
            "start": t.start, "end": t.end, "is_detected": bool(len(hit)),
            "detected_at": detected_at,
            "ttd_minutes": (detected_at - t.start).total_seconds() / 60.0
            if len(hit) else float("nan"),
            "recorded_ttd_minutes": (recorded - t.start).total_seconds() / 60.0
            if not pd.isna(recorded) else float("nan"),
            "recovered_at": recovered,
            "ttr_minutes": (recovered - t.start).total_seconds() / 60.0
            if not pd.isna(recovered) else float("nan"),
            "incident_id": hit["incident_id"].iloc[0] if len(hit) else None,
        })
    return pd.DataFrame(rows, columns=columns)


def detection_summary(delays: pd.DataFrame, *, by: str = "kind") -> pd.DataFrame:
    """Recall, time to detect and to recover of faultline (and people's time to detect,
    when recorded) per ``by``.

    Returns
    -------
    pandas.DataFrame
        ``<by>, count_failures, count_detected, recall, mttd_median_min, mttd_p90_min,
        recorded_mttd_median_min, mttr_median_min, mttr_p90_min``.

    Examples
    --------
    >>> d = pd.DataFrame({"kind": ["a", "a", "a"], "is_detected": [True, True, False],
    ...     "ttd_minutes": [2.0, 4.0, None], "recorded_ttd_minutes": [10.0, 12.0, 9.0],
    ...     "ttr_minutes": [30.0, 50.0, None]})
    >>> detection_summary(d).to_dict("records")
    [{'kind': 'a', 'count_failures': 3, 'count_detected': 2, 'recall': 0.667, 'mttd_median_min': 3.0, 'mttd_p90_min': 3.8, 'recorded_mttd_median_min': 10.0, 'mttr_median_min': 40.0, 'mttr_p90_min': 48.0}]
    """
    columns = [by, "count_failures", "count_detected", "recall", "mttd_median_min",
               "mttd_p90_min", "recorded_mttd_median_min", "mttr_median_min", "mttr_p90_min"]
    if delays.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for key, g in delays.groupby(by, sort=True):
        n, k = len(g), int(g["is_detected"].sum())
        ttd = g.loc[g["is_detected"], "ttd_minutes"].to_numpy(dtype=float)
        ttr = (g.loc[g["is_detected"], "ttr_minutes"].to_numpy(dtype=float)
               if "ttr_minutes" in g else np.array([]))
        rows.append({by: key, "count_failures": n, "count_detected": k,
                     "recall": round(k / n, 3) if n else float("nan"),
                     "mttd_median_min": round(percentile(ttd, 50), 2),
                     "mttd_p90_min": round(percentile(ttd, 90), 2),
                     "recorded_mttd_median_min": round(percentile(
                         g["recorded_ttd_minutes"].to_numpy(dtype=float), 50), 2),
                     "mttr_median_min": round(percentile(ttr, 50), 2),
                     "mttr_p90_min": round(percentile(ttr, 90), 2)})
    return pd.DataFrame(rows, columns=columns)
