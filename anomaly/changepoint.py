"""Level shifts and rate changes: a moving-sum (MOSUM) test on deseasonalized values.

A persistent fault moves the level of a series, or makes its spikes denser,
without any single row being extreme. For every row this detector compares the
mean of the last ``level_window`` deseasonalized values (value minus the seasonal
profile of the forecast in use) with their median over the ``error_window`` rows
*before* that window. The difference is standardized by the larger of

* the standard error of that difference for independent noise (residual scale
  times ``sqrt(1 / level_window + (pi / 2) / n_reference)``), and
* the tail scale of the difference itself (its past 99.5th percentile mapped onto a
  Gaussian's), which absorbs autocorrelation and routine bursts,

and the tail probability is Student-t in that z-score (degrees of freedom from
the number of residuals behind the scale).

On count series (see :func:`anomaly.counts.is_count_prefix`) a Gaussian test of a
sum of sparse counts is far too optimistic in the tail, so the window's total
count is tested instead against a negative binomial: mean = the expected counts of
the window (exposure times the seasonal rate profile plus the mean level before
the window; exposure is 1 unless ``exposure_col`` is set), dispersion =
the past mean Pearson ratio of window totals (which absorbs bursts), two-sided.

Everything is vectorized and causal (the window ends at the scored row).

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.changepoint import LevelShift
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=900)
>>> x[700:] += 1.5                     # a persistent shift of 1.5 sigma
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=900, freq="min"),
...                       "value": x})
>>> s = LevelShift().fit(frame).scores_
>>> bool(s[:700].max() < 0.4), bool(s[700:720].max() > 0.4)
(True, True)
"""

from __future__ import annotations

import numpy as np

from anomaly.baseline import BaselineSettings, Forecast, forecast, tail_scale
from anomaly.causal import CausalDetector
from anomaly.counts import _lower_tail, _upper_tail, is_count_prefix
from anomaly.rolling import past_mean, past_median

__all__ = ["LevelShift"]

_DIRECTIONS = ("both", "up", "down")


class LevelShift(CausalDetector):
    """Causal moving-sum detector for level shifts and changes in burst rate.

    Parameters
    ----------
    timestamp_col, value_col : str
        Column names.
    settings : BaselineSettings, optional
        ``level_window`` is the moving window, ``error_window`` the reference.
    exposure_col : str, optional
        Exposure per row (``requests``): values are compared as rates, and window
        error counts against exposure times the expected rate.
    direction : {"both", "up", "down"}
        Which shifts count: ``"up"`` for error counts and rates, where fewer errors
        is not an incident.

    Attributes
    ----------
    scores_ : numpy.ndarray
        Scores of the rows passed to ``fit``.
    state_t_, state_x_ : numpy.ndarray
        The trailing rows kept for scoring later rows exactly.
    """

    def __init__(
        self,
        timestamp_col: str = "timestamp",
        value_col: str = "value",
        settings: BaselineSettings | None = None,
        exposure_col: str | None = None,
        direction: str = "both",
    ) -> None:
        super().__init__(timestamp_col=timestamp_col, value_col=value_col, settings=settings,
                         exposure_col=exposure_col)
        self.direction = direction

    def _pvalues(
        self, t: np.ndarray, x: np.ndarray, e: np.ndarray, fc: Forecast | None = None
    ) -> np.ndarray:
        import pandas as pd

        s = self._settings()
        w = s.level_window
        rate = x / e
        fc = fc if fc is not None else forecast(t, rate, s)
        d = rate - np.nan_to_num(fc.profile)
        moving = pd.Series(d).rolling(w, min_periods=w).mean().to_numpy()
        reference = past_median(d, s.error_window, s.min_rows)
        # the reference ends where the moving window starts
        lagged = np.full_like(reference, np.nan)
        if reference.size > w - 1:
            lagged[w - 1 :] = reference[: reference.size - (w - 1)]
        diff = moving - lagged
        # variance of a mean of w rows plus that of a median of n_ref rows
        n_ref = np.minimum(np.arange(x.size) - w + 1, s.error_window).clip(1)
        noise = fc.scale * np.sqrt(1.0 / w + 1.571 / n_ref)
        tail = tail_scale(diff, s.tail_window, s.error_window)
        z = diff / np.where(np.isfinite(noise), np.fmax(noise, np.nan_to_num(tail, nan=0.0)), np.nan)
        if self.direction not in _DIRECTIONS:
            raise ValueError(f"direction must be one of {list(_DIRECTIONS)}")
        p = fc.tail_pvalue(z, self.direction)
        counts = is_count_prefix(x)
        if counts.any():
            p = np.where(counts, self._count_pvalues(x, e, d, np.nan_to_num(fc.profile)), p)
        return p

    def _count_pvalues(
        self, x: np.ndarray, e: np.ndarray, d: np.ndarray, profile: np.ndarray
    ) -> np.ndarray:
        """Two-sided negative-binomial test of the window's error count (count series)."""
        import pandas as pd

        s = self._settings()
        w = s.level_window

        def lag(values: np.ndarray) -> np.ndarray:  # value at the row before the window
            out = np.full_like(values, np.nan)
            if values.size > w - 1:
                out[w - 1 :] = values[: values.size - (w - 1)]
            return out

        window_sum = pd.Series(x).rolling(w, min_periods=w).sum().to_numpy()
        level = lag(past_mean(d, s.error_window, s.min_rows))
        # expected count per row: exposure times (seasonal rate + level before window)
        expected_rows = e * np.maximum(profile + level, 0.0)  # NaN until the level is known
        expected = pd.Series(expected_rows).rolling(w, min_periods=w).sum().to_numpy()
        expected = np.maximum(expected, w / s.error_window)  # NaN stays NaN
        # dispersion of window sums (bursts make them wider than w independent rows)
        pearson = (window_sum - expected) ** 2 / expected
        phi = lag(past_mean(pearson, s.error_window, s.min_rows))
        known = np.isfinite(phi)  # no test before the dispersion is known
        phi = np.clip(np.nan_to_num(phi, nan=1.0), 1.0, 1e4)
        k = np.rint(window_sum)
        valid = np.isfinite(k) & np.isfinite(expected) & np.isfinite(level) & known
        # a tail below 1/2 exists only on the side the window total lies on
        above = valid & (k > expected) & (self.direction != "down")
        below = valid & (k < expected) & (self.direction != "up")
        sides = 1.0 if self.direction in ("up", "down") else 2.0
        p = np.ones_like(expected)
        p[above] = sides * _upper_tail(k[above], expected[above], phi[above])
        p[below] = sides * _lower_tail(k[below], expected[below], phi[below])
        p = np.minimum(p, 1.0)
        return np.where(np.isfinite(p) & np.isfinite(level) & known, p, 1.0)
