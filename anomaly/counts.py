"""Tail probabilities for counts: a negative-binomial view of sparse error counts.

A service that logs a handful of errors a minute is mostly zeros; a z-score on
zeros calls every single error an outlier. This detector treats the value as a
count with a causal expected value ``lam``: the row's exposure (1, or
``exposure_col`` such as requests) times the expected rate, the largest of the
robust forecast of ``value / exposure`` and the total-count-over-total-exposure of
the last ``level_window`` and of the last ``error_window`` rows (and ``lam`` at
least ``1 / error_window``) and an over-dispersion
``phi`` (the past mean Pearson ratio ``(x - lam)**2 / lam``, at least 1). The tail
probability is ``P(X >= x)`` under a negative binomial with mean ``lam`` and
variance ``phi * lam`` (Poisson when ``phi == 1``). Only more errors than expected
are anomalous. Rows of a series that does not look like event counts so far
(see :func:`is_count_prefix`) get probability 1.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.counts import CountTail
>>> rng = np.random.default_rng(2)
>>> x = rng.poisson(0.2, size=600).astype(float)
>>> x[550] = 9
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=600, freq="min"),
...                       "value": x})
>>> s = CountTail().fit(frame).scores_
>>> int(np.argmax(s)), bool(s[:550].max() < 0.4)
(550, True)
"""

from __future__ import annotations

import numpy as np

from anomaly.baseline import Forecast, forecast
from anomaly.causal import CausalDetector
from anomaly.rolling import past_mean

__all__ = ["CountTail", "is_count_prefix"]


def is_count_prefix(x: np.ndarray) -> np.ndarray:
    """Per row: do this and all earlier values look like event counts?

    Counts are non-negative integers that move by single events: their greatest
    common divisor is 1 (or nothing but zeros was seen yet). A series of 0 and 20
    is integer but not a count of events; it is scored as a measurement.

    Examples
    --------
    >>> is_count_prefix(np.array([0.0, 1.0, 3.0, 1.5, 2.0])).tolist()
    [True, True, True, False, False]
    >>> is_count_prefix(np.array([0.0, 20.0, 40.0, 20.0, 1.0])).tolist()
    [True, False, False, False, True]
    """
    x = np.asarray(x, dtype="float64")
    ok = (x >= 0) & (np.floor(x) == x) & (x < 2.0**62)
    if not ok.size:
        return ok
    integers = np.where(ok, x, 0.0).astype(np.int64)
    divisor = np.gcd.accumulate(integers)
    return np.logical_and.accumulate(ok) & (divisor <= 1)


def _upper_tail(k: np.ndarray, mean: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """``P(X >= k)`` for a negative binomial of this mean and variance ``phi * mean``.

    Poisson where ``phi`` is 1 (no over-dispersion).

    Examples
    --------
    >>> _upper_tail(np.array([3.0]), np.array([1.0]), np.array([1.0])).round(4).tolist()
    [0.0803]
    """
    from scipy.stats import nbinom, poisson

    p = np.empty_like(mean)
    over = phi > 1.0 + 1e-9
    p[~over] = poisson.sf(k[~over] - 1, mean[~over])
    p[over] = nbinom.sf(k[over] - 1, mean[over] / (phi[over] - 1.0), 1.0 / phi[over])
    return p


def _lower_tail(k: np.ndarray, mean: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """``P(X <= k)`` for the same negative binomial (Poisson where ``phi`` is 1).

    Examples
    --------
    >>> _lower_tail(np.array([0.0]), np.array([1.0]), np.array([1.0])).round(4).tolist()
    [0.3679]
    """
    from scipy.stats import nbinom, poisson

    p = np.empty_like(mean)
    over = phi > 1.0 + 1e-9
    p[~over] = poisson.cdf(k[~over], mean[~over])
    p[over] = nbinom.cdf(k[over], mean[over] / (phi[over] - 1.0), 1.0 / phi[over])
    return p


class CountTail(CausalDetector):
    """Causal negative-binomial upper-tail detector for (sparse) count series.

    Parameters
    ----------
    timestamp_col, value_col : str
        Column names.
    settings : BaselineSettings, optional
        Forecast windows and seasonal periods.
    exposure_col : str, optional
        Exposure per row (``requests``): the expected count is the expected rate
        per unit exposure times the row's exposure, so a traffic surge with an
        unchanged error rate is not an anomaly.

    Attributes
    ----------
    scores_ : numpy.ndarray
        Scores of the rows passed to ``fit``.
    state_t_, state_x_ : numpy.ndarray
        The trailing rows kept for scoring later rows exactly.
    """

    def _pvalues(
        self, t: np.ndarray, x: np.ndarray, e: np.ndarray, fc: Forecast | None = None
    ) -> np.ndarray:
        s = self._settings()
        fc = fc if fc is not None else forecast(t, x / e, s)
        # expected rate per unit exposure: the forecast, or the recent and the longer
        # past rate (total counts over total exposure), whichever is highest
        rate = np.fmax(
            np.nan_to_num(fc.expected),
            np.fmax(
                np.nan_to_num(past_mean(x, s.level_window, 1) / past_mean(e, s.level_window, 1)),
                np.nan_to_num(past_mean(x, s.error_window, 1) / past_mean(e, s.error_window, 1)),
            ),
        )
        lam = np.fmax(rate * e, 1.0 / s.error_window)
        pearson = (x - lam) ** 2 / lam
        pearson[: s.min_rows] = np.nan  # rates guessed from too little history
        phi = np.clip(np.nan_to_num(past_mean(pearson, s.error_window, s.min_rows), nan=1.0), 1, 1e4)
        p = np.ones_like(x)
        # only rows above their expectation can be anomalous, and a trusted dispersion
        # needs min_rows of history: evaluate the tails there only (they are costly)
        rows = is_count_prefix(x) & (x > lam)
        rows[: s.min_rows] = False
        p[rows] = _upper_tail(x[rows], lam[rows], phi[rows])
        return np.where(np.isfinite(p), np.clip(p, 0.0, 1.0), 1.0)
