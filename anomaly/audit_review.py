"""The quarterly access review: who read and exported what, and which days look wrong.

:func:`access_features` turns audit-log rows into one row per user and day (accesses,
rows touched, accesses out of hours, objects never touched before, exports, rows
exported, denials). :func:`review_quarter` scores each user's daily series with the
project's own series detector (:func:`anomaly.series.score_series`, direction up, on
the user's whole history so far: a day is judged against the same user's earlier days,
weekly seasonality included) and adds two explicit rules:

* **first export**: a user with at least ``min_history_days`` of history exports for
  the first time ever (never-before-seen export);
* **new object at an odd time**: an object the user never touched before, touched out
  of hours or exported on the same day.

A user-day is flagged when any scored metric reaches ``threshold`` (on faultline's
calibrated scale: a share of about ``10 ** (-10 * threshold)`` of normal days) or a
rule fires; every flag says why.

:func:`simulate_access` writes a quarter (plus history) of ordinary access to a real
audit log, optionally with a planted exfiltration: a bulk export at 3 a.m. by a user
who never exported.

Examples
--------
>>> import tempfile, pathlib
>>> from features.governance.audit import AuditLog
>>> log = AuditLog(pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb.audit.duckdb")
>>> _ = simulate_access(log, "2026Q3", seed=1, plant_exfiltration=True)
>>> review = review_quarter(log, "2026Q3")
>>> review.flags[["user", "day"]].astype(str).values.tolist()
[['carol', '2026-08-19']]
>>> review.flags.iloc[0]["reasons"]
['volume', 'bulk export', 'first export', 'new object at an odd time']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "ReviewResult",
    "access_features",
    "quarter_bounds",
    "review_quarter",
    "simulate_access",
]

SCORED = {
    "count_accesses": "access count",
    "count_rows": "volume",
    "count_out_of_hours": "time of day",
    "count_exports": "export count",
}
"""Daily metrics scored per user, and the reason a high score gives."""


def quarter_bounds(quarter: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``"2026Q3"`` -> (2026-07-01, 2026-10-01), end exclusive.

    Examples
    --------
    >>> [str(t.date()) for t in quarter_bounds("2026Q3")]
    ['2026-07-01', '2026-10-01']
    """
    m = re.fullmatch(r"(\d{4})-?Q([1-4])", quarter.strip().upper())
    if not m:
        raise ValueError(f"a quarter is written like 2026Q3, not {quarter!r}")
    start = pd.Timestamp(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    return start, start + pd.DateOffset(months=3)


def access_features(records: pd.DataFrame, *, work_hours: tuple[int, int] = (7, 20)
                    ) -> pd.DataFrame:
    """One row per user and day from audit-log rows.

    Parameters
    ----------
    records : pandas.DataFrame
        Audit-log rows (``AuditLog.records()``): ``accessed_at``, ``user_name``,
        ``action``, ``object``, ``outcome``, ``count_rows``.
    work_hours : (int, int)
        UTC hours ``[start, end)`` counted as working time; the detectors judge each
        user against their own history, so a user in another time zone is not flagged
        for their normal hours.

    Returns
    -------
    pandas.DataFrame
        ``user, day, count_accesses, count_rows, count_out_of_hours, count_new_objects,
        count_exports, count_rows_exported, count_denied, is_first_export,
        is_new_object_odd`` (dense: every day from the user's first to the last day of
        the log).

    Examples
    --------
    >>> recs = pd.DataFrame({"accessed_at": pd.to_datetime(["2026-01-05 10:00",
    ...     "2026-01-06 03:00"]), "user_name": "ada", "action": ["read", "export"],
    ...     "object": ["features", "events"], "outcome": "ok", "count_rows": [5, 900]})
    >>> access_features(recs)[["day", "count_rows", "count_out_of_hours",
    ...     "count_new_objects", "is_first_export"]].values.tolist()[1][1:]
    [900, 1, 1, True]
    """
    cols = ["user", "day", "count_accesses", "count_rows", "count_out_of_hours",
            "count_new_objects", "count_exports", "count_rows_exported", "count_denied",
            "is_first_export", "is_new_object_odd"]
    if len(records) == 0:
        return pd.DataFrame(columns=cols)
    r = records.sort_values("accessed_at", kind="stable").copy()
    at = pd.to_datetime(r["accessed_at"])
    r["day"] = at.dt.floor("D")
    hour = at.dt.hour
    ok = r["outcome"].eq("ok")
    rows = pd.to_numeric(r["count_rows"], errors="coerce").fillna(0).astype("int64")
    r["rows"] = rows.where(ok, 0)
    r["is_odd_hour"] = ((hour < work_hours[0]) | (hour >= work_hours[1])) & ok
    r["is_export"] = r["action"].eq("export") & ok
    r["rows_exported"] = r["rows"].where(r["is_export"], 0)
    r["is_denied"] = r["outcome"].eq("denied")
    target = r["action"].astype(str) + ":" + r["object"].astype(str)
    r["is_new_object"] = ok & ~pd.Series(
        list(zip(r["user_name"], target, strict=True)), index=r.index).where(ok).duplicated()
    r["is_first_export"] = r["is_export"] & ~r["user_name"].where(r["is_export"]).duplicated()
    g = r.groupby(["user_name", "day"])
    daily = pd.DataFrame({
        "count_accesses": g.size(),
        "count_rows": g["rows"].sum(),
        "count_out_of_hours": g["is_odd_hour"].sum(),
        "count_new_objects": g["is_new_object"].sum(),
        "count_exports": g["is_export"].sum(),
        "count_rows_exported": g["rows_exported"].sum(),
        "count_denied": g["is_denied"].sum(),
        "is_first_export": g["is_first_export"].any(),
        "has_odd_or_export": (g["is_odd_hour"].any() | g["is_export"].any()),
    })
    last_day = r["day"].max()
    frames = []
    for user, part in daily.groupby(level=0):
        part = part.droplevel(0)
        days = pd.date_range(part.index.min(), last_day, freq="D")
        part = part.reindex(days)
        part = part.fillna({c: 0 for c in part.columns if c.startswith("count_")})
        part = part.fillna(False).infer_objects()
        part.insert(0, "user", user)
        frames.append(part.rename_axis("day").reset_index())
    out = pd.concat(frames, ignore_index=True)
    for c in cols:
        if c.startswith("count_"):
            out[c] = out[c].astype("int64")
    out["is_first_export"] = out["is_first_export"].astype(bool)
    out["is_new_object_odd"] = (out["count_new_objects"] > 0) & out["has_odd_or_export"].astype(
        bool)
    return out[cols]


@dataclass(frozen=True)
class ReviewResult:
    """The quarterly review.

    Parameters
    ----------
    quarter : str
    users : pandas.DataFrame
        One row per user active in the quarter: accesses, rows, exports, rows
        exported, denials, out-of-hours share, objects touched, new objects, flagged days.
    flags : pandas.DataFrame
        One row per flagged user-day: ``user, day, score, reasons`` (list of str).
    daily : pandas.DataFrame
        The scored user-days of the quarter (features plus one ``score_*`` per metric).
    """

    quarter: str
    users: pd.DataFrame
    flags: pd.DataFrame
    daily: pd.DataFrame


def review_quarter(
    log: Any,
    quarter: str,
    *,
    threshold: float = 0.5,
    min_history_days: int = 28,
    work_hours: tuple[int, int] = (7, 20),
) -> ReviewResult:
    """Summarize a quarter's access per user and flag unusual user-days.

    Parameters
    ----------
    log : AuditLog or pandas.DataFrame
        The audit log (all of it is read: earlier quarters are each user's baseline).
    quarter : str
        Such as ``"2026Q3"``.
    threshold : float
        Calibrated score at which a user-day is flagged (0.5: about one normal day in
        100,000 per metric).
    min_history_days : int
        History a user needs before their first export is flagged as never-before-seen.
    work_hours : (int, int)
        UTC working hours (see :func:`access_features`).

    Returns
    -------
    ReviewResult
    """
    from anomaly.series import score_series

    records = log if isinstance(log, pd.DataFrame) else log.records()
    start, end = quarter_bounds(quarter)
    records = records[pd.to_datetime(records["accessed_at"]) < end]
    daily = access_features(records, work_hours=work_hours)
    scored = []
    for _user, part in daily.groupby("user", sort=True):
        part = part.sort_values("day").copy()
        for metric in SCORED:
            score = score_series(part, "day", metric, direction="up")
            # A day is unusual by its own value, not only by being in a window after one
            # (the level-shift detector keeps a spike in its window for days).
            prior = part[metric].expanding().quantile(0.99).shift(1)
            is_own = (part[metric] > prior).fillna(True).to_numpy()
            part[f"score_{metric}"] = np.where(is_own, score, 0.0)
        part["days_of_history"] = (part["day"] - part["day"].min()).dt.days
        scored.append(part)
    cols = ["user", "day", "score", "reasons"]
    if not scored:
        empty = pd.DataFrame(columns=cols)
        return ReviewResult(quarter, pd.DataFrame(), empty, daily)
    daily = pd.concat(scored, ignore_index=True)
    daily = daily[(daily["day"] >= start) & (daily["day"] < end)].reset_index(drop=True)
    flags = []
    for row in daily.itertuples(index=False):
        reasons = [why for metric, why in SCORED.items()
                   if getattr(row, f"score_{metric}") >= threshold]
        if "volume" in reasons and 2 * row.count_rows_exported > row.count_rows:
            reasons.append("bulk export")
        if row.is_first_export and row.days_of_history >= min_history_days:
            reasons.append("first export")
        if row.is_new_object_odd and row.days_of_history >= min_history_days and (
                reasons or row.count_out_of_hours or row.count_exports):
            reasons.append("new object at an odd time")
        if reasons:
            score = max(getattr(row, f"score_{m}") for m in SCORED)
            flags.append({"user": row.user, "day": row.day, "score": float(score),
                          "reasons": reasons})
    flags_frame = pd.DataFrame(flags, columns=cols)
    g = daily.groupby("user")
    users = pd.DataFrame({
        "count_accesses": g["count_accesses"].sum(),
        "count_rows": g["count_rows"].sum(),
        "count_exports": g["count_exports"].sum(),
        "count_rows_exported": g["count_rows_exported"].sum(),
        "count_denied": g["count_denied"].sum(),
        "share_out_of_hours": g["count_out_of_hours"].sum() / g["count_accesses"].sum().clip(1),
        "count_new_objects": g["count_new_objects"].sum(),
    })
    users = users[users["count_accesses"] > 0]
    users["count_flagged_days"] = (flags_frame.groupby("user").size()
                                   .reindex(users.index, fill_value=0).astype("int64"))
    return ReviewResult(quarter, users.reset_index(), flags_frame, daily)


_OBJECTS = {
    "analyst": ["features", "episodes", "reports", "events", "models"],
    "engineer": ["events", "features", "episodes", "quarantine", "lineage"],
    "auditor": ["audit", "lineage"],
}


def simulate_access(
    log: Any,
    quarter: str,
    *,
    seed: int = 0,
    history_quarters: int = 1,
    plant_exfiltration: bool = False,
) -> dict[str, Any]:
    """Write a quarter of ordinary access (and ``history_quarters`` before it) to a log.

    Eight users in three roles work weekdays (fewer accesses at weekends), each in their
    own hours (one user works from another time zone, so mostly outside 07-20 UTC),
    read the objects of their role with log-normal row counts, and the engineers export
    now and then. With ``plant_exfiltration`` the analyst ``carol``, who never exported,
    exports about 2 million feature rows at 03:10 UTC on the 50th day of the quarter.

    Returns
    -------
    dict
        ``rows`` written and, when planted, the ``planted`` user and day.
    """
    rng = np.random.default_rng(seed)
    q_start, q_end = quarter_bounds(quarter)
    start = q_start - pd.DateOffset(months=3 * history_quarters)
    users = {
        "alice": ("engineer", 9, True), "bob": ("engineer", 8, True),
        "carol": ("analyst", 9, False), "dan": ("analyst", 10, False),
        "erin": ("analyst", 15, False),  # another time zone: 15:00-24:00 UTC
        "frank": ("engineer", 9, True), "grace": ("auditor", 9, False),
        "heidi": ("analyst", 8, False),
    }
    rows: list[dict[str, Any]] = []
    for day in pd.date_range(start, q_end - pd.Timedelta(days=1), freq="D"):
        is_weekend = day.day_of_week >= 5
        for user, (role, first_hour, exports) in users.items():
            n = rng.poisson(0.3 if is_weekend else (3 if role == "auditor" else 10))
            objects = _OBJECTS[role]
            for _ in range(n):
                at = day + timedelta(hours=first_hour + rng.uniform(0, 9))
                obj = objects[int(rng.integers(len(objects)))]
                rows.append({"at": at.to_pydatetime(), "user": user, "role": role,
                             "action": "read", "obj": obj,
                             "rows": int(rng.lognormal(6, 1)), "command": "faultline report"})
            if exports and not is_weekend and rng.random() < 0.2:
                at = day + timedelta(hours=first_hour + rng.uniform(0, 9))
                rows.append({"at": at.to_pydatetime(), "user": user, "role": role,
                             "action": "export", "obj": "features",
                             "rows": int(rng.lognormal(8, 1)),
                             "command": "faultline export parquet --table --out"})
    out: dict[str, Any] = {}
    if plant_exfiltration:
        day = q_start + pd.Timedelta(days=49)
        rows.append({"at": (day + pd.Timedelta(hours=3, minutes=10)).to_pydatetime(),
                     "user": "carol", "role": "analyst", "action": "export", "obj": "features",
                     "rows": 2_000_000, "command": "faultline export parquet --table --out"})
        out["planted"] = ("carol", day)
    rows.sort(key=lambda r: r["at"])
    out["rows"] = log.append_many(rows)
    return out
