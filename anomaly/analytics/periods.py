"""Calendar helpers shared by the analytics: weeks, days and working hours.

Every timestamp in the store is naive UTC; these helpers keep it that way.

Examples
--------
>>> import pandas as pd
>>> week_start(pd.Series(pd.to_datetime(["2026-03-04 10:00", "2026-03-09 00:00"]))).tolist()
[Timestamp('2026-03-02 00:00:00'), Timestamp('2026-03-09 00:00:00')]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["WorkingHours", "naive_utc", "percentile", "week_start"]


def naive_utc(values: pd.Series) -> pd.Series:
    """Timestamps as naive UTC ``datetime64`` (aware values are converted to UTC first).

    Examples
    --------
    >>> naive_utc(pd.Series(["2026-03-02T10:00:00+02:00"])).tolist()
    [Timestamp('2026-03-02 08:00:00')]
    """
    if values.dtype == object or pd.api.types.is_string_dtype(values):
        out = pd.to_datetime(values, utc=True, format="mixed")
    else:
        out = pd.to_datetime(values)
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_convert("UTC").dt.tz_localize(None)
    return out


def week_start(values: pd.Series) -> pd.Series:
    """The Monday 00:00 (UTC) that starts each timestamp's ISO week."""
    ts = naive_utc(values)
    return (ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")).dt.normalize()


def percentile(values: pd.Series | np.ndarray, q: float) -> float:
    """The ``q``-th percentile (0–100) with linear interpolation between ranks; NaN when
    there are no values. Missing values are ignored.

    This is numpy's default method (type 7 of Hyndman and Fan): for n sorted values
    the percentile sits at rank ``(n - 1) * q / 100``.

    Examples
    --------
    >>> percentile([10.0, 20.0, 30.0, 40.0], 90)
    37.0
    >>> percentile([], 50)
    nan
    """
    arr = np.asarray(values, dtype=float)
    arr = arr[~np.isnan(arr)]
    if arr.size == 0:
        return float("nan")
    return float(np.percentile(arr, q))


@dataclass(frozen=True)
class WorkingHours:
    """When a page is *in hours*: weekdays between ``start_hour`` and ``end_hour``
    in the time zone ``tz``; everything else is out of hours.

    Parameters
    ----------
    start_hour, end_hour : int
        Local hours; a page at ``start_hour:00`` is in hours, at ``end_hour:00`` not.
    weekdays : tuple of int
        Working days, Monday = 0.
    tz : str
        IANA time zone of the rotation (default UTC).

    Examples
    --------
    >>> hours = WorkingHours()
    >>> hours.is_out_of_hours(pd.Series(pd.to_datetime(
    ...     ["2026-03-02 10:00", "2026-03-02 20:00", "2026-03-07 10:00"]))).tolist()
    [False, True, True]
    """

    start_hour: int = 9
    end_hour: int = 18
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    tz: str = "UTC"

    def is_out_of_hours(self, values: pd.Series) -> pd.Series:
        """True for each (naive UTC) timestamp outside working hours."""
        local = naive_utc(values).dt.tz_localize("UTC").dt.tz_convert(self.tz)
        in_hours = (local.dt.day_of_week.isin(self.weekdays)
                    & (local.dt.hour >= self.start_hour) & (local.dt.hour < self.end_hour))
        return ~in_hours
