"""Timestamps and values of one univariate series, as the detectors read them.

Every series detector turns its input frame into two aligned numpy arrays: the
timestamps as ``int64`` nanoseconds and the values as ``float64``. This module owns
that conversion, the detection of the sampling interval, and the causal lookup of
"the value one period ago" that the seasonal baseline needs.

Examples
--------
>>> import pandas as pd
>>> from anomaly.timeline import read_series, infer_interval
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=4, freq="5min"),
...                       "value": [1.0, 2.0, 3.0, 4.0]})
>>> t, x = read_series(frame, "timestamp", "value")
>>> infer_interval(t) // 1_000_000_000
300
"""

from __future__ import annotations

from typing import Any

import numpy as np

NS_PER_SECOND = 1_000_000_000
NS_PER_MINUTE = 60 * NS_PER_SECOND
NS_PER_DAY = 86_400 * NS_PER_SECOND

__all__ = [
    "NS_PER_DAY",
    "NS_PER_MINUTE",
    "NS_PER_SECOND",
    "causal_gap",
    "infer_interval",
    "lagged_values",
    "read_series",
    "regular_step",
    "to_nanoseconds",
]


def _column(frame: Any, name: str, role: str) -> Any:
    columns = list(getattr(frame, "columns", []))
    if name not in columns:
        shown = columns[:20]
        raise ValueError(
            f"{role} column '{name}' not found; columns are {shown}; "
            f"pass {role}_col='<name>' to choose another"
        )
    column = frame[name]
    if hasattr(column, "to_pandas"):  # polars
        column = column.to_pandas()
    return column


def to_nanoseconds(values: Any) -> np.ndarray:
    """Convert timestamps to ``int64`` nanoseconds since the epoch (UTC if zoned).

    Parameters
    ----------
    values : array-like
        ``datetime64`` values (naive or zoned), RFC 3339 / ISO 8601 strings, or
        numbers read as epoch milliseconds (the contract's convention).

    Returns
    -------
    numpy.ndarray
        ``int64`` nanoseconds, one per input value.

    Examples
    --------
    >>> to_nanoseconds(["1970-01-01T00:00:01Z"])[0]
    np.int64(1000000000)
    >>> to_nanoseconds([1500])[0]
    np.int64(1500000000)
    """
    import pandas as pd

    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(
        series.dtype
    ):
        numbers = series.to_numpy(dtype="float64")
        if not np.all(np.isfinite(numbers)):
            raise ValueError("timestamp column has missing or non-finite epoch values")
        return (numbers * 1_000_000).astype(np.int64)
    try:
        stamps = pd.to_datetime(series, utc=None, format="mixed")
    except (ValueError, TypeError) as error:
        raise ValueError(
            "timestamp column holds values that are not timestamps; use datetime64, "
            "RFC 3339 strings or epoch milliseconds"
        ) from error
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    if stamps.isna().any():
        raise ValueError(
            f"timestamp column has {int(stamps.isna().sum())} missing timestamps; "
            "drop or fill them before scoring"
        )
    return stamps.astype("datetime64[ns]").to_numpy().view(np.int64)


def read_series(frame: Any, timestamp_col: str, value_col: str) -> tuple[np.ndarray, np.ndarray]:
    """Read one univariate series from a pandas or polars frame.

    Parameters
    ----------
    frame : pandas.DataFrame or polars.DataFrame
        The series, one row per observation, in any order.
    timestamp_col, value_col : str
        Column names.

    Returns
    -------
    t : numpy.ndarray
        ``int64`` nanoseconds, in the frame's row order.
    x : numpy.ndarray
        ``float64`` values (missing values become NaN).

    Examples
    --------
    >>> import pandas as pd
    >>> t, x = read_series(pd.DataFrame({"ts": [0, 60_000], "v": [1, 2]}), "ts", "v")
    >>> t.tolist(), x.tolist()
    ([0, 60000000000], [1.0, 2.0])
    """
    import pandas as pd

    t = to_nanoseconds(_column(frame, timestamp_col, "timestamp"))
    raw = _column(frame, value_col, "value")
    values = pd.to_numeric(pd.Series(raw), errors="coerce")
    if values.isna().sum() > pd.Series(raw).isna().sum():
        raise ValueError(
            f"value column '{value_col}' holds non-numeric entries; "
            "convert it to numbers (missing values may be NaN)"
        )
    x = values.to_numpy(dtype="float64", na_value=np.nan)
    return t, x


def infer_interval(t: np.ndarray) -> int:
    """Return the typical sampling interval in nanoseconds: the median positive gap.

    Parameters
    ----------
    t : numpy.ndarray
        Sorted ``int64`` nanosecond timestamps.

    Returns
    -------
    int
        The median of the positive gaps, or one minute when there are fewer than
        two distinct timestamps.

    Examples
    --------
    >>> infer_interval(np.array([0, 60, 120, 300]) * NS_PER_SECOND) // NS_PER_SECOND
    60
    """
    gaps = np.diff(np.asarray(t, dtype=np.int64))
    gaps = gaps[gaps > 0]
    if gaps.size == 0:
        return NS_PER_MINUTE
    return int(np.median(gaps))


def causal_gap(t: np.ndarray, window: int = 32) -> np.ndarray:
    """Return, per row, the median gap between the last ``window`` distinct timestamps.

    Causal: the value at row ``i`` depends only on ``t[: i + 1]``. Rows before the
    first positive gap (no history to look up anyway) get one minute.

    Examples
    --------
    >>> (causal_gap(np.array([0, 60, 120, 180]) * NS_PER_SECOND) // NS_PER_SECOND).tolist()
    [60, 60, 60, 60]
    """
    import pandas as pd

    t = np.asarray(t, dtype=np.int64)
    gaps = np.empty(t.size, dtype="float64")
    if t.size == 0:
        return gaps.astype(np.int64)
    gaps[0] = np.nan
    gaps[1:] = np.diff(t).astype("float64")
    gaps[gaps <= 0] = np.nan
    median = pd.Series(gaps).rolling(window, min_periods=1).median().to_numpy()
    median = pd.Series(median).ffill().to_numpy().copy()
    # Row 0 has no gap yet; it has no history to look up either.
    median[np.isnan(median)] = NS_PER_MINUTE
    return median.astype(np.int64)


def regular_step(t: np.ndarray) -> int | None:
    """The constant step of a strictly regular series, or None.

    Examples
    --------
    >>> regular_step(np.array([0, 5, 10])), regular_step(np.array([0, 5, 11]))
    (5, None)
    """
    t = np.asarray(t, dtype=np.int64)
    if t.size < 2:
        return None
    gaps = np.diff(t)
    step = int(gaps[0])
    return step if step > 0 and bool(np.all(gaps == step)) else None


def lagged_values(
    t: np.ndarray, x: np.ndarray, lag: Any, tolerance: np.ndarray, step: int | None = None
) -> np.ndarray:
    """Return, per row, the value observed ``lag`` nanoseconds earlier, or NaN.

    The match is the last observation at or before ``t - lag + tolerance`` that is
    no earlier than ``t - lag - tolerance``. With ``tolerance < lag`` the match is
    always in the past, so the result is causal. When the series is strictly
    regular with ``step`` (see :func:`regular_step`), ``tolerance`` is below the
    step and ``lag`` is a whole number of steps, the match is a plain shift.

    Examples
    --------
    >>> t = np.array([0, 10, 20, 30])
    >>> lagged_values(t, np.array([1.0, 2.0, 3.0, 4.0]), 20, np.full(4, 4)).tolist()
    [nan, nan, 1.0, 2.0]
    >>> lagged_values(t, np.array([1.0, 2.0, 3.0, 4.0]), 20, np.full(4, 4), step=10).tolist()
    [nan, nan, 1.0, 2.0]
    """
    if step is not None and np.ndim(lag) == 0 and int(lag) % step == 0 and int(lag) > 0:
        shift = int(lag) // step
        out = np.full(x.shape, np.nan)
        if shift < x.size:
            out[shift:] = x[: x.size - shift]
        return out
    target = t - lag
    idx = np.searchsorted(t, target + tolerance, side="right") - 1
    ok = idx >= 0
    safe = np.where(ok, idx, 0)
    ok &= t[safe] >= target - tolerance
    return np.where(ok, x[safe], np.nan)
