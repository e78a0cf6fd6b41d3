"""Causal rolling statistics over the *past* rows of a series (the current row excluded).

All functions are vectorized (pandas' compiled rolling windows) and causal: the
value at row ``i`` depends only on rows ``< i``. Missing values (NaN) are skipped
and do not count toward ``min_periods``.

Examples
--------
>>> import numpy as np
>>> from anomaly.rolling import past_median
>>> past_median(np.array([1.0, 5.0, 2.0, 8.0]), window=2, min_periods=1).tolist()
[nan, 1.0, 3.0, 3.5]
"""

from __future__ import annotations

import numpy as np

__all__ = ["median_of_rows", "past_mean", "past_mean_over", "past_median", "past_quantile"]


def _shift_one(values: np.ndarray) -> np.ndarray:
    out = np.empty_like(values)
    if values.size:
        out[0] = np.nan
        out[1:] = values[:-1]
    return out


def past_median(x: np.ndarray, window: int, min_periods: int) -> np.ndarray:
    """Median of the previous ``window`` rows (NaN until ``min_periods`` are seen).

    Examples
    --------
    >>> past_median(np.array([3.0, 1.0, 2.0]), window=5, min_periods=2).tolist()
    [nan, nan, 2.0]
    """
    import pandas as pd

    rolled = pd.Series(x, dtype="float64").rolling(window, min_periods=min_periods).median()
    return _shift_one(rolled.to_numpy())


def past_mean(x: np.ndarray, window: int, min_periods: int) -> np.ndarray:
    """Mean of the previous ``window`` rows (NaN until ``min_periods`` are seen).

    Examples
    --------
    >>> past_mean(np.array([3.0, 1.0, 2.0]), window=2, min_periods=1).tolist()
    [nan, 3.0, 2.0]
    """
    import pandas as pd

    rolled = pd.Series(x, dtype="float64").rolling(window, min_periods=min_periods).mean()
    return _shift_one(rolled.to_numpy())


def past_mean_over(t: np.ndarray, x: np.ndarray, duration: int, min_periods: int) -> np.ndarray:
    """Mean of the rows in the ``duration`` (ns) before each row, the row excluded.

    Rows are those with ``t[i] - duration <= t[j] < t[i]``; ``t`` must be sorted.
    NaN until ``min_periods`` finite rows are in the window. Cumulative sums make it
    O(n) for any duration.

    Examples
    --------
    >>> t = np.array([0, 10, 20, 30])
    >>> past_mean_over(t, np.array([1.0, 3.0, 5.0, 7.0]), 20, 1).tolist()
    [nan, 1.0, 2.0, 4.0]
    """
    t = np.asarray(t, dtype=np.int64)
    x = np.asarray(x, dtype="float64")
    finite = np.isfinite(x)
    total = np.concatenate([[0.0], np.cumsum(np.where(finite, x, 0.0))])
    count = np.concatenate([[0], np.cumsum(finite)])
    first = np.searchsorted(t, t - duration, side="left")
    last = np.searchsorted(t, t, side="left")  # rows strictly before t[i]
    n = count[last] - count[first]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (total[last] - total[first]) / n
    return np.where(n >= max(min_periods, 1), mean, np.nan)


def past_quantile(x: np.ndarray, q: float, window: int, min_periods: int) -> np.ndarray:
    """The ``q`` quantile (linear interpolation) of the previous ``window`` rows.

    Examples
    --------
    >>> past_quantile(np.array([1.0, 2.0, 3.0, 4.0]), 0.5, window=3, min_periods=1).tolist()
    [nan, 1.0, 1.5, 2.0]
    """
    import pandas as pd

    rolled = pd.Series(x, dtype="float64").rolling(window, min_periods=min_periods).quantile(q)
    return _shift_one(rolled.to_numpy())


def median_of_rows(stack: np.ndarray, min_count: int = 1) -> np.ndarray:
    """Column-wise median of a ``(k, n)`` stack, ignoring NaN, without warnings.

    Columns with fewer than ``min_count`` finite entries give NaN.

    Examples
    --------
    >>> median_of_rows(np.array([[1.0, np.nan], [3.0, np.nan], [np.nan, 2.0]])).tolist()
    [2.0, 2.0]
    """
    ordered = np.sort(stack, axis=0)  # NaN sort last
    count = np.isfinite(stack).sum(axis=0)
    lo = np.clip((count - 1) // 2, 0, None)
    hi = np.clip(count // 2, 0, None)
    cols = np.arange(stack.shape[1])
    med = 0.5 * (ordered[lo, cols] + ordered[hi, cols])
    return np.where(count >= max(min_count, 1), med, np.nan)
