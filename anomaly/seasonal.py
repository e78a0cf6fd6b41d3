"""Robust seasonal baseline: how far a row is from its causal daily/weekly forecast.

The forecast (see :mod:`anomaly.baseline`) is the best of a local level and daily
and weekly seasonal medians; the residual is standardized by a robust scale that
follows seasonal changes of spread. Spiky series whose spikes are routine are
handled by a tail correction: the scale is at least what maps the past 99.5th
percentile of the standardized residual onto a Gaussian's, so only spikes rarer
than about 1 in 200 rows can score high. The tail probability is Gaussian in the
corrected z-score.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.seasonal import SeasonalBaseline
>>> rng = np.random.default_rng(0)
>>> x = 10 + rng.normal(size=600)
>>> x[500] = 25.0
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=600, freq="min"),
...                       "value": x})
>>> det = SeasonalBaseline().fit(frame)
>>> int(np.argmax(det.scores_)), bool(det.scores_[500] > 0.5), bool(det.scores_[:499].max() < 0.5)
(500, True, True)
"""

from __future__ import annotations

import numpy as np

from anomaly.baseline import BaselineSettings, Forecast, forecast, tail_scale
from anomaly.causal import CausalDetector

__all__ = ["SeasonalBaseline"]

_DIRECTIONS = ("both", "up", "down")


class SeasonalBaseline(CausalDetector):
    """Causal point detector on residuals from a robust daily/weekly forecast.

    Parameters
    ----------
    timestamp_col, value_col : str
        Column names.
    settings : BaselineSettings, optional
        Forecast windows and seasonal periods.
    exposure_col : str, optional
        When set, the detector scores ``value / exposure`` (a rate).
    direction : {"both", "up", "down"}
        Which deviations count: ``"up"`` for error counts and rates, where only
        more is bad.

    Attributes
    ----------
    scores_ : numpy.ndarray
        Scores of the rows passed to ``fit``.
    state_t_, state_x_ : numpy.ndarray
        The trailing rows kept for scoring later rows exactly.
    interval_ : int
        Detected sampling interval in nanoseconds.
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
        if self.direction not in _DIRECTIONS:
            raise ValueError(f"direction must be one of {list(_DIRECTIONS)}")
        s = self._settings()
        fc = fc if fc is not None else forecast(t, x / e, s)  # the rate per unit exposure
        z = fc.residual / fc.scale
        tail = tail_scale(z, s.tail_window, s.error_window)
        z = z / np.fmax(1.0, np.nan_to_num(tail, nan=1.0))
        return fc.tail_pvalue(z, self.direction)
