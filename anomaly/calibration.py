"""One score scale for every detector: tail probability on a log scale, in [0, 1].

A detector first produces a tail probability ``p`` per row: how often a row at
least this unusual is expected when nothing is wrong. faultline's score is

    score = min(1, -log10(p) / 10)

so ``score >= s`` is expected on a share ``10 ** (-10 * s)`` of normal rows:
0.3 is one row in a thousand, 0.5 one in 100,000, 1.0 one in 10**10 or rarer.
Scores of different detectors are therefore comparable and a threshold is an
expected alert rate. :func:`threshold_for_budget` turns an alert budget (alerts
per service per day) into such a threshold.

Series detectors get ``p`` from a model of the series (Gaussian, negative binomial).
Multivariate detectors get it empirically: :class:`EmpiricalCalibrator` learns the
distribution of raw scores on training data (rank = tail probability, with an
exponential tail beyond the training maximum so large scores keep their order).

Examples
--------
>>> from anomaly.calibration import pvalue_to_score, threshold_for_budget
>>> float(pvalue_to_score(1e-3))
0.3
>>> round(threshold_for_budget(alerts_per_day=1.44, interval="1min"), 3)
0.3
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

__all__ = [
    "MAX_DECADES",
    "EmpiricalCalibrator",
    "pvalue_to_score",
    "score_to_pvalue",
    "threshold_for_budget",
]

MAX_DECADES = 10.0
_TINY = 10.0 ** (-MAX_DECADES)


def pvalue_to_score(p: Any) -> np.ndarray:
    """Map tail probabilities to faultline scores in [0, 1] (NaN counts as 1).

    Examples
    --------
    >>> pvalue_to_score([1.0, 0.1, 1e-12]).tolist()
    [0.0, 0.1, 1.0]
    """
    p = np.asarray(p, dtype="float64")
    p = np.where(np.isfinite(p), p, 1.0)
    score = -np.log10(np.clip(p, _TINY, 1.0)) / MAX_DECADES
    return np.clip(np.round(score, 12), 0.0, 1.0) + 0.0  # + 0.0 turns -0.0 into 0.0


def score_to_pvalue(score: Any) -> np.ndarray:
    """Inverse of :func:`pvalue_to_score` (scores of 1 map to ``1e-10``).

    Examples
    --------
    >>> score_to_pvalue([0.0, 0.5]).round(8).tolist()
    [1.0, 1e-05]
    """
    return 10.0 ** (-MAX_DECADES * np.clip(np.asarray(score, dtype="float64"), 0.0, 1.0))


def _interval_ns(interval: Any) -> int:
    import pandas as pd

    if isinstance(interval, int | np.integer):
        ns = int(interval)
    else:
        try:
            ns = int(pd.Timedelta(interval).value)
        except (ValueError, TypeError) as error:
            raise ValueError(
                "interval must be a duration such as '1min' or '5min', "
                "a pandas Timedelta, or an int of nanoseconds"
            ) from error
    if ns <= 0:
        raise ValueError("interval must be a positive duration")
    return ns


def threshold_for_budget(alerts_per_day: float, interval: Any = "1min") -> float:
    """Score threshold whose expected share of alerting rows fits an alert budget.

    A service scored once per ``interval`` has ``rows = 1 day / interval`` rows a
    day; the threshold is the score of tail probability ``alerts_per_day / rows``.
    Consecutive alerting rows form one alert, so this bounds the alert count from
    above.

    Parameters
    ----------
    alerts_per_day : float
        Most alerts per service per day (> 0).
    interval : str, pandas.Timedelta or int
        Sampling interval of the scored rows (int: nanoseconds).

    Returns
    -------
    float
        A threshold in [0, 1]: alert when ``score >= threshold``.

    Examples
    --------
    >>> round(threshold_for_budget(1 / 7, "5min"), 3)
    0.33
    """
    if not alerts_per_day > 0:
        raise ValueError("alerts_per_day must be a positive number, such as 1 or 0.5")
    rows_per_day = 86_400 * 1_000_000_000 / _interval_ns(interval)
    rate = min(1.0, alerts_per_day / rows_per_day)
    return float(pvalue_to_score(rate))


class EmpiricalCalibrator(BaseEstimator):
    """Calibrate raw anomaly scores (higher = more anomalous) to faultline scores.

    ``fit`` stores the sorted training scores; ``transform`` gives each score its
    empirical upper-tail probability ``(1 + #train >= s) / (n + 1)`` and maps it with
    :func:`pvalue_to_score`. Beyond the ``tail_share`` highest training scores the
    tail is exponential, fitted to them, so scores above the training maximum are
    still ordered (up to 1.0) instead of all equal.

    Parameters
    ----------
    tail_share : float
        Share of the highest training scores used to fit the exponential tail.

    Attributes
    ----------
    reference_ : numpy.ndarray
        Sorted finite training scores.
    tail_start_, tail_rate_ : float
        Where the exponential tail starts and its decay per unit of raw score.

    Examples
    --------
    >>> import numpy as np
    >>> cal = EmpiricalCalibrator().fit(np.arange(1000.0))
    >>> cal.transform(np.array([0.0, 998.0, 5000.0])).round(2).tolist()
    [0.0, 0.25, 1.0]
    """

    def __init__(self, tail_share: float = 0.05) -> None:
        self.tail_share = tail_share

    def fit(self, raw: Any, y: Any = None) -> EmpiricalCalibrator:
        """Learn the distribution of training scores."""
        if not 0 < self.tail_share < 1:
            raise ValueError("tail_share must be between 0 and 1, such as 0.05")
        values = np.asarray(raw, dtype="float64").ravel()
        values = np.sort(values[np.isfinite(values)])
        if values.size < 2:
            raise ValueError(
                f"EmpiricalCalibrator needs at least 2 finite training scores; got {values.size}"
            )
        self.reference_ = values
        k = max(2, int(np.ceil(self.tail_share * values.size)))
        top = values[-k:]
        self.tail_start_ = float(top[0])
        excess = float(np.mean(top - top[0]))
        spread = float(values[-1] - values[0])
        self.tail_rate_ = 1.0 / max(excess, 1e-12 * (1.0 + spread), 1e-300)
        return self

    def pvalues(self, raw: Any) -> np.ndarray:
        """Upper-tail probability of each raw score under the training distribution."""
        check_is_fitted(self, "reference_")
        raw = np.asarray(raw, dtype="float64")
        ref = self.reference_
        n = ref.size
        at_least = n - np.searchsorted(ref, raw, side="left")
        p = (1.0 + at_least) / (n + 1.0)
        k = max(2, int(np.ceil(self.tail_share * n)))
        tail_p = (k / (n + 1.0)) * np.exp(-self.tail_rate_ * (raw - self.tail_start_))
        beyond = raw > ref[-1]
        p = np.where(beyond, np.minimum(tail_p, 1.0 / (n + 1.0)), p)
        return np.where(np.isfinite(raw), p, 1.0)

    def transform(self, raw: Any) -> np.ndarray:
        """Faultline scores in [0, 1] for raw scores."""
        return pvalue_to_score(self.pvalues(raw))
