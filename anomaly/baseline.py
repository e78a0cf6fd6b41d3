"""The causal robust forecast that the series detectors share.

For every row the forecast is built from the past only, from up to three candidate
models, and the one that has forecast best lately is used:

* **local level**: the median of the previous ``level_window`` values;
* **daily** and **weekly seasonal**: the median of the values at the same phase in
  the previous ``cycles`` days (weeks), plus the median recent offset from that
  profile, so a slow drift in level does not look like an anomaly.

A candidate exists only once one full period of history is there, so a series
shorter than a day is forecast by its local level alone (graceful degradation).
The candidate used at row ``i`` is the one with the smallest mean absolute error
over the longest period before it (a week by default), so that a day-long anomaly
does not make the seasonal model look worse than one that simply follows it. The residual scale is a robust spread of
the used forecast's past residuals: ``1.4826 * median |r|``, but at least half the
mean absolute residual (so a mostly exact forecast with rare misses still has a
scale) and a tiny floor relative to the level.

Everything is vectorized and causal: the forecast at row ``i`` depends only on
rows before ``i``. :func:`state_start` says how many trailing rows a streaming
detector must keep to reproduce the same numbers later.

Examples
--------
>>> import numpy as np
>>> from anomaly.baseline import BaselineSettings, forecast
>>> t = np.arange(48) * 60 * 1_000_000_000
>>> x = np.r_[np.full(40, 10.0), 30.0, np.full(7, 10.0)]
>>> fc = forecast(t, x, BaselineSettings(level_window=6, min_rows=6))
>>> float(fc.expected[40]), float(fc.residual[40])
(10.0, 20.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from anomaly.rolling import (
    median_of_rows,
    past_mean,
    past_mean_over,
    past_median,
    past_quantile,
)
from anomaly.timeline import NS_PER_DAY, causal_gap, lagged_values, regular_step

__all__ = ["BaselineSettings", "Forecast", "forecast", "state_start", "tail_scale"]

MAD_TO_SIGMA = 1.4826
MEAN_ABS_TO_SIGMA = 1.2533
GAUSS_Q995_TWO_SIDED = 2.807


@dataclass(frozen=True)
class BaselineSettings:
    """Settings of the shared forecast. The defaults need no per-series tuning.

    Parameters
    ----------
    periods : tuple of int
        Seasonal periods in nanoseconds (default: one day, one week).
    cycles : tuple of int
        How many past cycles of each period the seasonal median uses.
    level_window : int
        Rows in the local level and in the seasonal offset.
    error_window : int
        Rows over which candidates are compared and the residual scale is taken.
    min_rows : int
        Past rows needed before a candidate is compared or a scale is trusted.
    tail_window : int
        Rows over which detectors measure how heavy the tail of their statistic is.
    """

    periods: tuple[int, ...] = (NS_PER_DAY, 7 * NS_PER_DAY)
    cycles: tuple[int, ...] = (7, 4)
    level_window: int = 12
    error_window: int = 288
    min_rows: int = 12
    tail_window: int = 2016

    def __post_init__(self) -> None:
        if len(self.periods) != len(self.cycles):
            raise ValueError(
                f"periods and cycles must have the same length; got {len(self.periods)} "
                f"periods and {len(self.cycles)} cycles"
            )
        if min(self.level_window, self.error_window, self.min_rows) < 1:
            raise ValueError("level_window, error_window and min_rows must be at least 1")
        if any(p <= 0 for p in self.periods) or any(c < 1 for c in self.cycles):
            raise ValueError("periods must be positive durations and cycles at least 1")


@dataclass(frozen=True)
class Forecast:
    """Per-row arrays of a causal forecast (NaN where there is not enough history)."""

    expected: np.ndarray
    residual: np.ndarray
    scale: np.ndarray
    model: np.ndarray  # 0 = local level, 1.. = index of the seasonal period + 1, -1 = none
    profile: np.ndarray  # seasonal profile of the model used, without level (0 for local)
    dof: np.ndarray  # degrees of freedom of the scale: past residuals it was taken from

    def tail_pvalue(self, z: np.ndarray, direction: str = "both") -> np.ndarray:
        """Student-t tail probability of ``z`` with this forecast's degrees of freedom.

        Early in a series the scale comes from few residuals, so its t tail is wider
        than a Gaussian's; with a full window the two agree closely.
        """
        from scipy.stats import t as student

        df = np.fmax(np.nan_to_num(self.dof, nan=1.0), 1.0)
        if direction == "both":
            p = 2.0 * student.sf(np.abs(z), df)
        elif direction == "up":
            p = student.sf(z, df)
        else:
            p = student.cdf(z, df)
        return np.where(np.isfinite(p), np.minimum(p, 1.0), 1.0)


def _seasonal_profile(
    t: np.ndarray, x: np.ndarray, period: int, cycles: int, tolerance: np.ndarray,
    step: int | None,
) -> np.ndarray:
    stack = np.vstack(
        [lagged_values(t, x, k * period, tolerance, step) for k in range(1, cycles + 1)]
    )
    return median_of_rows(stack)


def forecast(t: np.ndarray, x: np.ndarray, settings: BaselineSettings | None = None) -> Forecast:
    """Forecast every row of a sorted series from the rows before it.

    Parameters
    ----------
    t : numpy.ndarray
        Sorted ``int64`` nanosecond timestamps.
    x : numpy.ndarray
        ``float64`` values; NaN values are skipped by every statistic.
    settings : BaselineSettings, optional
        Defaults to ``BaselineSettings()``.

    Returns
    -------
    Forecast
        ``expected``, ``residual = x - expected``, ``scale`` and the ``model`` used.

    Examples
    --------
    >>> t = np.arange(30) * 60 * 1_000_000_000
    >>> fc = forecast(t, np.full(30, 5.0))
    >>> float(fc.expected[-1]), float(fc.residual[-1])
    (5.0, 0.0)
    """
    s = settings or BaselineSettings()
    t = np.asarray(t, dtype=np.int64)
    x = np.asarray(x, dtype="float64")
    n = x.size
    if n == 0:
        empty = np.empty(0)
        return Forecast(empty, empty, empty, np.empty(0, dtype=np.int64), empty, empty)
    lw, ew, mr = s.level_window, s.error_window, s.min_rows
    gap = causal_gap(t)
    tolerance = gap // 2
    step = regular_step(t)  # a regular grid turns lag lookups into shifts

    candidates = [past_median(x, lw, min(lw, mr))]
    offsets = []
    for period, cycles in zip(s.periods, s.cycles, strict=True):
        seasonal = _seasonal_profile(t, x, period, cycles, tolerance, step)
        offsets.append(past_median(x - seasonal, lw, min(lw, mr)))
        candidates.append(seasonal + offsets[-1])
    expected_all = np.vstack(candidates)
    residual_all = x - expected_all
    # candidates are compared over the longest period (a week): a day-long anomaly
    # must not make the seasonal model look worse than a model that follows it
    if s.periods:
        span = max(s.periods)
        by_time = np.vstack([past_mean_over(t, np.abs(r), span, mr) for r in residual_all])
        by_rows = np.vstack([past_mean(np.abs(r), ew, mr) for r in residual_all])
        # coarse series (a row a day) have too few rows in a week: use the last rows
        rows_in_span = np.arange(n) - np.searchsorted(t, t - span, side="left")
        error_all = np.where(rows_in_span >= ew, by_time, by_rows)
    else:
        error_all = np.vstack([past_mean(np.abs(r), ew, mr) for r in residual_all])

    usable = np.isfinite(error_all) & np.isfinite(expected_all)
    ranked = np.where(usable, error_all, np.inf)
    model = np.argmin(ranked, axis=0)
    has_model = usable.any(axis=0)
    cols = np.arange(n)
    expected = np.where(has_model, expected_all[model, cols], np.nan)
    model = np.where(has_model, model, -1)
    residual = x - expected

    profiles = (e - o for e, o in zip(expected_all[1:], offsets, strict=True))
    profile_all = np.vstack([np.zeros(n), *profiles])
    profile = np.where(has_model, profile_all[np.clip(model, 0, None), cols], np.nan)

    abs_residual = np.abs(residual)
    mad = MAD_TO_SIGMA * past_median(abs_residual, ew, mr)
    mean_abs = 0.5 * MEAN_ABS_TO_SIGMA * past_mean(abs_residual, ew, mr)
    level = np.abs(past_median(x, lw, 1))
    floor = 1e-6 * (1.0 + np.nan_to_num(level))
    scale = np.fmax(np.fmax(mad, mean_abs), floor)
    if s.periods:
        # Spread is often seasonal too (busy hours are noisier): where a seasonal
        # model is used, the scale is at least the spread of past residuals at the
        # same phase (+- two rows) of the previous cycles of the shortest period.
        period, cycles = s.periods[0], s.cycles[0]
        near = gap if step is None else step  # row 0 differs, but has no history
        # at least one gap back, so a period shorter than two gaps never looks ahead
        lags = [
            np.maximum(k * period + j * near, near) for k in range(1, cycles + 1)
            for j in range(-2, 3)
        ]
        stack = np.vstack(
            [lagged_values(t, abs_residual, lag, tolerance, step) for lag in lags]
        )
        phase = MAD_TO_SIGMA * median_of_rows(stack, min_count=5)
        scale = np.where((model >= 1) & np.isfinite(phase), np.fmax(scale, phase), scale)
    scale = np.where(np.isfinite(mad), scale, np.nan)
    seen = np.cumsum(np.isfinite(abs_residual)) - np.isfinite(abs_residual)
    dof = np.minimum(seen, ew) - 1.0
    return Forecast(
        expected=expected, residual=residual, scale=scale, model=model, profile=profile, dof=dof
    )


def tail_scale(stat: np.ndarray, window: int, min_periods: int) -> np.ndarray:
    """Scale that maps the past 99.5th percentile of ``|stat|`` onto a Gaussian's.

    For Gaussian statistics it equals the standard deviation; for heavy-tailed ones
    (spiky series, where spikes are routine) it grows, so routine spikes stop
    looking extreme. Causal: uses the previous ``window`` rows only.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> round(float(tail_scale(rng.normal(size=5000), 5000, 100)[-1]), 1)
    1.0
    """
    return past_quantile(np.abs(stat), 0.995, window, min_periods) / GAUSS_Q995_TWO_SIDED


def state_start(t: np.ndarray, settings: BaselineSettings | None = None) -> int:
    """Index of the first row a streaming detector must keep to forecast new rows exactly.

    The statistics of a new row look back up to ``tail_window + 2 * error_window +
    2 * level_window`` rows, and each of those looks back the longest seasonal lag,
    the phase-scale lag and the model-selection span (the longest period).

    Examples
    --------
    >>> t = np.arange(10_000) * 60 * 1_000_000_000
    >>> state_start(t, BaselineSettings(periods=(3_600_000_000_000,), cycles=(2,)))
    7076
    """
    s = settings or BaselineSettings()
    t = np.asarray(t, dtype=np.int64)
    n = t.size
    rows_back = s.tail_window + 2 * s.error_window + 2 * s.level_window + 4
    if n <= rows_back:
        return 0
    max_lag = max((p * c for p, c in zip(s.periods, s.cycles, strict=True)), default=0)
    phase_lag = s.periods[0] * s.cycles[0] if s.periods else 0
    gap = int(causal_gap(t[-64:])[-1]) if n > 1 else 0
    selection = max(s.periods, default=0)
    cut = t[n - rows_back] - max_lag - phase_lag - selection - 4 * gap
    return int(np.searchsorted(t, cut, side="left"))
