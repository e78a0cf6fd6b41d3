"""Compositions around any detector: per-service models, alert budgets, series scores.

Faultline composes rather than flags: splitting by service and choosing a
threshold from an alert budget are wrappers around a detector, not options of it.

* :class:`PerService` fits one clone of a detector per service (and one on all rows
  for services never seen in training).
* :class:`AlertBudget` adds ``threshold_`` and ``predict``: the threshold is the
  score of the budget's row rate on faultline's scale, raised if the detector's
  training scores exceed it more often than the budget allows. Empirically
  calibrated detectors cannot score a row rarer than one in ``n_train + 1`` much
  above ``log10(n_train + 1) / 10`` when their raw score saturates (isolation
  forest, ECOD beyond the training range), so train on at least as many rows per
  service as the budget's row rate implies (a day of minutes for one alert a day).
* :func:`add_series_scores` adds causal per-service series scores of chosen columns,
  for use as inputs of a multivariate detector.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.multivariate import ECODDetector
>>> from anomaly.wrappers import AlertBudget, PerService
>>> rng = np.random.default_rng(0)
>>> frame = pd.DataFrame({"service": np.repeat(["api", "db"], 1000),
...                       "errors": np.r_[rng.normal(5, 1, 1000), rng.normal(50, 5, 1000)]})
>>> model = AlertBudget(PerService(ECODDetector()), alerts_per_day=4, interval="1min")
>>> model = model.fit(frame)
>>> new = pd.DataFrame({"service": ["api", "db"], "errors": [50.0, 50.0]})
>>> model.predict(new).tolist()       # 50 errors is normal for db, not for api
[True, False]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.utils.validation import check_is_fitted

from anomaly.calibration import score_to_pvalue, threshold_for_budget

__all__ = ["AlertBudget", "PerService", "add_series_scores"]


def _require(frame: Any, column: str, role: str) -> None:
    columns = list(getattr(frame, "columns", []))
    if column not in columns:
        raise ValueError(
            f"{role} column '{column}' not found; columns are {columns[:20]}; "
            f"pass {role}_col='<name>'"
        )


class PerService(BaseEstimator):
    """One detector per service, plus a fallback fitted on all rows.

    Parameters
    ----------
    detector : estimator
        Unfitted detector with ``fit(frame)``, ``score(frame)`` and ``scores_``.
    service_col : str
        Column that names the service; it is dropped before the detector sees rows.
    min_rows : int
        Services with fewer training rows are scored by the fallback.

    Attributes
    ----------
    detectors_ : dict
        Fitted detector per service.
    fallback_ : estimator
        Detector fitted on all rows.
    scores_ : numpy.ndarray
        Training scores, in the training frame's row order.
    """

    def __init__(self, detector: Any, service_col: str = "service", min_rows: int = 30) -> None:
        self.detector = detector
        self.service_col = service_col
        self.min_rows = min_rows

    def fit(self, frame: Any, y: Any = None) -> PerService:
        """Fit one clone per service with at least ``min_rows`` rows, and the fallback."""
        _require(frame, self.service_col, "service")
        services = frame[self.service_col].astype(str).to_numpy()
        features = frame.drop(columns=[self.service_col])
        self.fallback_ = clone(self.detector).fit(features)
        self.detectors_ = {}
        self.scores_ = np.asarray(self.fallback_.scores_, dtype="float64").copy()
        for name in np.unique(services):
            rows = np.flatnonzero(services == name)
            if rows.size >= self.min_rows:
                fitted = clone(self.detector).fit(features.iloc[rows])
                self.detectors_[name] = fitted
                self.scores_[rows] = fitted.scores_
        return self

    def score(self, frame: Any) -> np.ndarray:
        """Score each row with its service's detector (or the fallback)."""
        check_is_fitted(self, "detectors_")
        _require(frame, self.service_col, "service")
        services = frame[self.service_col].astype(str).to_numpy()
        features = frame.drop(columns=[self.service_col])
        out = np.zeros(len(frame))
        for name in np.unique(services):
            rows = np.flatnonzero(services == name)
            detector = self.detectors_.get(name, self.fallback_)
            out[rows] = detector.score(features.iloc[rows])
        return out


class AlertBudget(BaseEstimator):
    """Threshold a calibrated detector so it stays within an alert budget.

    Parameters
    ----------
    detector : estimator
        Unfitted detector with ``fit``, ``score`` and ``scores_`` on faultline's scale.
    alerts_per_day : float
        Most alerts per service per day.
    interval : str or int
        Sampling interval of the scored rows (one row per service per interval).

    Attributes
    ----------
    detector_ : estimator
        The fitted detector.
    threshold_ : float
        Alert when ``score >= threshold_``.
    training_alert_share_ : float
        Share of training rows at or over the threshold.
    """

    def __init__(self, detector: Any, alerts_per_day: float = 1.0, interval: Any = "1min") -> None:
        self.detector = detector
        self.alerts_per_day = alerts_per_day
        self.interval = interval

    def fit(self, X: Any, y: Any = None) -> AlertBudget:
        """Fit the detector, then choose the threshold from the budget."""
        threshold = threshold_for_budget(self.alerts_per_day, self.interval)
        self.detector_ = clone(self.detector).fit(X)
        train = np.asarray(self.detector_.scores_, dtype="float64")
        rate = float(score_to_pvalue(threshold))
        if train.size and np.mean(train >= threshold) > rate:
            # the detector's scale is optimistic on these rows: keep the budget
            allowed = int(np.floor(rate * train.size))  # rows that may alert
            ranked = np.sort(train)
            threshold = float(np.nextafter(ranked[train.size - allowed - 1], 2.0))
        self.threshold_ = min(threshold, 1.0)
        self.training_alert_share_ = float(np.mean(train >= self.threshold_)) if train.size else 0.0
        return self

    def score(self, X: Any) -> np.ndarray:
        """The detector's calibrated scores."""
        check_is_fitted(self, "detector_")
        return self.detector_.score(X)

    def predict(self, X: Any) -> np.ndarray:
        """Boolean alert per row: ``score >= threshold_``."""
        return self.score(X) >= self.threshold_


def add_series_scores(
    frame: Any,
    columns: list[str],
    *,
    service_col: str = "service",
    timestamp_col: str = "minute",
    exposure_col: str | None = None,
    direction: str = "up",
) -> Any:
    """Return a copy of a feature table with causal series scores ``score_<column>``.

    Each column is scored per service with :func:`anomaly.series.score_series`, so
    a row's score uses only that service's rows up to its minute. With
    ``exposure_col="requests"``, counts are judged against traffic.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"service": ["a"] * 30,
    ...                       "minute": pd.date_range("2026-01-01", periods=30, freq="min"),
    ...                       "count_errors": [1, 2] * 14 + [1, 40]})
    >>> out = add_series_scores(frame, ["count_errors"])
    >>> bool(out["score_count_errors"].iloc[-1] > 0.5)
    True
    """
    from anomaly.series import score_series

    _require(frame, service_col, "service")
    out = frame.copy()
    services = frame[service_col].astype(str).to_numpy()
    for column in columns:
        _require(frame, column, "value")
        scores = np.zeros(len(frame))
        for name in np.unique(services):
            rows = np.flatnonzero(services == name)
            keep = [timestamp_col, column] + ([exposure_col] if exposure_col else [])
            part = frame.iloc[rows][keep]
            scores[rows] = score_series(part, timestamp_col, column, exposure_col=exposure_col,
                                        direction=direction)
        out[f"score_{column}"] = scores
    return out
