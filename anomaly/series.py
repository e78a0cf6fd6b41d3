"""``score_series``: one calibrated anomaly score per row of any univariate series.

The default series scorer combines three causal detectors with a Bonferroni rule
(the combined tail probability is the smallest one times the number of detectors):

* :class:`~anomaly.seasonal.SeasonalBaseline` for single unusual rows, on
  series that are not counts;
* :class:`~anomaly.counts.CountTail` instead, for rows of a count series (all
  values so far are non-negative integers with no common divisor above 1), so
  sparse error counts are judged by a negative-binomial tail, not a z-score on zeros;
* :class:`~anomaly.changepoint.LevelShift` for persistent shifts and denser bursts.

Scores follow :mod:`anomaly.calibration`: ``score >= s`` is expected on a share
``10 ** (-10 * s)`` of normal rows. The sampling interval is detected from the
timestamps; daily and weekly seasonality is used once a full period is there.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.series import score_series
>>> rng = np.random.default_rng(3)
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=500, freq="min"),
...                       "value": rng.poisson(3, size=500)})
>>> frame.loc[450, "value"] = 30
>>> scores = score_series(frame)
>>> scores.shape, int(np.argmax(scores)), bool(scores[:450].max() < 0.4)
((500,), 450, True)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from anomaly.baseline import BaselineSettings, forecast
from anomaly.causal import CausalDetector
from anomaly.changepoint import LevelShift
from anomaly.counts import CountTail, is_count_prefix
from anomaly.seasonal import SeasonalBaseline

__all__ = ["SeriesScorer", "score_series"]


class SeriesScorer(CausalDetector):
    """The default causal series scorer: point, count and level-shift detectors combined.

    Parameters
    ----------
    timestamp_col, value_col : str
        Column names.
    settings : BaselineSettings, optional
        Shared by the member detectors.
    exposure_col : str, optional
        Exposure per row, such as ``requests`` for error counts (see
        :class:`~anomaly.counts.CountTail`).
    direction : {"both", "up", "down"}
        Passed to the point and level-shift detectors; ``"up"`` for error counts
        and rates (fewer errors is not an incident).

    Attributes
    ----------
    scores_ : numpy.ndarray
        Scores of the rows passed to ``fit``.
    state_t_, state_x_ : numpy.ndarray
        The trailing rows kept for scoring later rows exactly.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=60, freq="min"),
    ...                       "value": [5.0] * 59 + [40.0]})
    >>> scorer = SeriesScorer().fit(frame.iloc[:50])
    >>> bool(scorer.score(frame.iloc[50:])[-1] == 1.0)
    True
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

    def _pvalues(self, t: np.ndarray, x: np.ndarray, e: np.ndarray) -> np.ndarray:
        settings = self._settings()
        fc = forecast(t, x / e, settings)  # shared by the members
        point = SeasonalBaseline(settings=settings, direction=self.direction)._pvalues(t, x, e, fc)
        counts = CountTail(settings=settings)._pvalues(t, x, e, fc)
        shift = LevelShift(settings=settings, direction=self.direction)._pvalues(t, x, e, fc)
        single = np.where(is_count_prefix(x), counts, point)
        return np.minimum(1.0, 2.0 * np.minimum(single, shift))


def score_series(
    frame: Any,
    timestamp_col: str = "timestamp",
    value_col: str = "value",
    *,
    exposure_col: str | None = None,
    direction: str = "both",
) -> np.ndarray:
    """Score every row of a univariate series causally; one score in [0, 1] per row.

    Parameters
    ----------
    frame : pandas.DataFrame or polars.DataFrame
        One row per observation, regular or irregular, in any order.
    timestamp_col, value_col : str
        Column names.
    exposure_col : str, optional
        Exposure per row: with ``value_col="count_errors", exposure_col="requests"``
        errors are judged against traffic (a surge with a steady error rate is
        normal), with count-aware tails on sparse services.
    direction : {"both", "up", "down"}
        Which deviations of single rows count (``"up"`` for error counts and rates).

    Returns
    -------
    numpy.ndarray
        Scores in the frame's row order; the score of a row depends only on rows
        with an earlier or equal timestamp (and, for equal timestamps, earlier rows).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"ts": pd.date_range("2026-01-01", periods=40, freq="5min"),
    ...                       "errors": [2.0, 3.0] * 19 + [2.0, 60.0]})
    >>> scores = score_series(frame, "ts", "errors")
    >>> bool(scores[-1] > 0.9), bool(scores[:-1].max() < 0.2)
    (True, True)
    """
    scorer = SeriesScorer(timestamp_col=timestamp_col, value_col=value_col,
                          exposure_col=exposure_col, direction=direction)
    return scorer.fit(frame).scores_
