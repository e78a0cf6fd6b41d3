"""Episode-level evaluation of detections against ground truth.

Per-minute accuracy flatters detectors (a long outage holds most minutes); what
on-call cares about is whether each fault was caught, how fast, and how many
alerts were false. This module scores *alert runs* (contiguous anomalous minutes
of one service) against *truth episodes* (the simulator's ``truth.json`` or any
labelled incident list).

Rules
-----
- An alert run starts at the first anomalous minute of a service and ends when the
  service has been quiet for ``merge_gap`` minutes.
- A truth episode is detected when any of its services has an alert run that
  overlaps ``[start - early, end + grace]``; its detection delay is the first such
  alert minute minus ``start`` (floored at 0).
- An alert run that overlaps no truth episode of its service is a false alarm.
- Precision is over alert runs, recall over truth episodes, per kind and overall.

Examples
--------
>>> import pandas as pd
>>> alerts = pd.DataFrame({"service": ["a", "a", "b"],
...     "minute": pd.to_datetime(["2026-01-01 10:02", "2026-01-01 10:03", "2026-01-01 15:00"])})
>>> truth = [{"episode_id": "e1", "kind": "transient", "services": ["a"],
...           "start": "2026-01-01T10:00:00Z", "end": "2026-01-01T10:10:00Z"}]
>>> r = evaluate_episodes(alerts, truth, days=1.0, n_services=2)
>>> r.overall.recall, r.overall.precision, r.median_delay_min, r.false_alarms
(1.0, 0.5, 2.0, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["EpisodeMetrics", "EvaluationResult", "alert_runs", "evaluate_episodes"]


@dataclass(frozen=True)
class EpisodeMetrics:
    """Precision, recall and F1 for one kind (or overall)."""

    kind: str
    n_truth: int
    n_detected: int
    n_alert_runs: int
    n_true_alert_runs: int

    @property
    def recall(self) -> float:
        return self.n_detected / self.n_truth if self.n_truth else float("nan")

    @property
    def precision(self) -> float:
        if not self.n_alert_runs:
            return float("nan")
        return self.n_true_alert_runs / self.n_alert_runs

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if np.isnan(p) or np.isnan(r) or p + r == 0:
            return 0.0 if not np.isnan(r) else float("nan")
        return 2 * p * r / (p + r)


@dataclass(frozen=True)
class EvaluationResult:
    """What :func:`evaluate_episodes` measured."""

    overall: EpisodeMetrics
    by_kind: dict[str, EpisodeMetrics]
    delays_min: list[float]
    false_alarms: int
    days: float
    n_services: int
    matches: pd.DataFrame = field(repr=False)

    @property
    def median_delay_min(self) -> float:
        return float(np.median(self.delays_min)) if self.delays_min else float("nan")

    @property
    def p90_delay_min(self) -> float:
        return float(np.percentile(self.delays_min, 90)) if self.delays_min else float("nan")

    @property
    def false_alarms_per_day(self) -> float:
        return self.false_alarms / self.days if self.days else float("nan")

    @property
    def false_alarms_per_service_week(self) -> float:
        if not self.days or not self.n_services:
            return float("nan")
        return self.false_alarms / self.n_services / (self.days / 7.0)

    def as_metrics(self) -> dict[str, float]:
        """Flat ``name -> value`` dict, ready for ``mlflow.log_metrics``."""
        out = {
            "episode_precision": self.overall.precision,
            "episode_recall": self.overall.recall,
            "episode_f1": self.overall.f1,
            "delay_median_min": self.median_delay_min,
            "delay_p90_min": self.p90_delay_min,
            "false_alarms": float(self.false_alarms),
            "false_alarms_per_day": self.false_alarms_per_day,
            "false_alarms_per_service_week": self.false_alarms_per_service_week,
        }
        for kind, m in self.by_kind.items():
            out[f"recall_{kind}"] = m.recall
            out[f"f1_{kind}"] = m.f1
        return {k: float(v) for k, v in out.items()}


def alert_runs(alerts: pd.DataFrame, *, merge_gap: int = 10) -> pd.DataFrame:
    """Group anomalous minutes into runs per service.

    Parameters
    ----------
    alerts : DataFrame
        Columns ``service`` and ``minute`` (one row per anomalous minute).
    merge_gap : int
        Minutes of quiet after which the next alert starts a new run.

    Returns
    -------
    DataFrame
        ``service, run_start, run_end, n_minutes``.
    """
    if alerts.empty:
        return pd.DataFrame(columns=["service", "run_start", "run_end", "n_minutes"])
    df = alerts[["service", "minute"]].copy()
    df["minute"] = _naive_utc(df["minute"])
    df = df.drop_duplicates().sort_values(["service", "minute"])
    gap = df.groupby("service")["minute"].diff() > pd.Timedelta(minutes=merge_gap)
    new_service = df["service"] != df["service"].shift()
    df["run"] = (gap | new_service).cumsum()
    runs = df.groupby("run").agg(
        service=("service", "first"),
        run_start=("minute", "min"),
        run_end=("minute", "max"),
        n_minutes=("minute", "size"),
    )
    return runs.reset_index(drop=True)


def _naive_utc(values: Any) -> pd.Series:
    ts = pd.to_datetime(values, utc=True)
    if isinstance(ts, pd.Series):
        return ts.dt.tz_convert("UTC").dt.tz_localize(None)
    return pd.Series(ts.tz_convert("UTC").tz_localize(None))


def evaluate_episodes(
    alerts: pd.DataFrame,
    truth: Iterable[Mapping[str, Any]],
    *,
    days: float,
    n_services: int,
    merge_gap: int = 10,
    early: int = 5,
    grace: int = 15,
) -> EvaluationResult:
    """Score alerts against labelled episodes.

    Parameters
    ----------
    alerts : DataFrame
        One row per anomalous minute: ``service``, ``minute``.
    truth : iterable of mappings
        Episodes with ``kind``, ``services``, ``start``, ``end`` (and optionally
        ``episode_id``), as in the simulator's ``truth.json``.
    days : float
        Length of the evaluated period, for false alarms per day.
    n_services : int
        Services in the evaluated period, for false alarms per service-week.
    merge_gap, early, grace : int
        Minutes: quiet gap that splits alert runs; how early before a truth start an
        alert still counts; how long after a truth end an alert still belongs to it.

    Returns
    -------
    EvaluationResult
    """
    runs = alert_runs(alerts, merge_gap=merge_gap)
    episodes = list(truth)
    rows = []
    run_is_true = np.zeros(len(runs), dtype=bool)
    run_kinds: list[set[str]] = [set() for _ in range(len(runs))]
    delays: list[float] = []
    for i, ep in enumerate(episodes):
        start = _naive_utc([ep["start"]]).iloc[0]
        end = _naive_utc([ep["end"]]).iloc[0]
        lo = start - pd.Timedelta(minutes=early)
        hi = end + pd.Timedelta(minutes=grace)
        services = set(ep.get("services") or [])
        hit = (
            runs["service"].isin(services) & (runs["run_start"] <= hi) & (runs["run_end"] >= lo)
            if len(runs)
            else pd.Series([], dtype=bool)
        )
        idx = np.flatnonzero(hit.to_numpy()) if len(runs) else np.array([], dtype=int)
        detected = len(idx) > 0
        delay = float("nan")
        if detected:
            run_is_true[idx] = True
            for j in idx:
                run_kinds[j].add(ep["kind"])
            first = max(runs["run_start"].iloc[idx].min(), lo)
            delay = max(0.0, (first - start).total_seconds() / 60.0)
            delays.append(delay)
        rows.append(
            {
                "episode_id": ep.get("episode_id", str(i)),
                "kind": ep["kind"],
                "is_detected": detected,
                "delay_min": delay,
            }
        )
    matches = pd.DataFrame(rows, columns=["episode_id", "kind", "is_detected", "delay_min"])
    n_false = int((~run_is_true).sum())
    kinds = sorted({ep["kind"] for ep in episodes})
    by_kind = {}
    for kind in kinds:
        sub = matches[matches["kind"] == kind]
        true_runs = sum(1 for ks in run_kinds if kind in ks)
        by_kind[kind] = EpisodeMetrics(
            kind=kind,
            n_truth=len(sub),
            n_detected=int(sub["is_detected"].sum()),
            # per kind, precision counts that kind's true runs plus every false run
            n_alert_runs=true_runs + n_false,
            n_true_alert_runs=true_runs,
        )
    overall = EpisodeMetrics(
        kind="all",
        n_truth=len(matches),
        n_detected=int(matches["is_detected"].sum()) if len(matches) else 0,
        n_alert_runs=len(runs),
        n_true_alert_runs=int(run_is_true.sum()),
    )
    return EvaluationResult(
        overall=overall,
        by_kind=by_kind,
        delays_min=delays,
        false_alarms=n_false,
        days=days,
        n_services=n_services,
        matches=matches,
    )
