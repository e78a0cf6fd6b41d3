"""The shape every causal series detector shares: ``fit``, ``partial_fit``, ``score``.

A causal detector scores each row of a univariate series from that row and the
rows before it, never later ones. Subclasses implement one method,
``_pvalues(t, x, e)``: per-row tail probabilities for a sorted series without
missing values (and ``e``, the exposure per row, all ones unless
``exposure_col`` is set). This base class handles the rest:

* ``fit(history)`` validates the frame, keeps the trailing rows that later
  scoring needs (``state_t_``, ``state_x_``, ``state_e_``) and stores the training scores in
  ``scores_``;
* ``score(frame)`` scores rows that come after the stored state, as if the whole
  series had been scored in one go (the stored state makes this exact);
* ``partial_fit(frame)`` appends rows to the state (streaming), so a scoring job
  can keep the state and score the last few minutes each time.

Rows with a missing value score 0 and are left out of every statistic. Rows may
come in any order; scores come back in the frame's order.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from anomaly.seasonal import SeasonalBaseline
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=300, freq="min"),
...                       "value": np.r_[np.tile([1.0, 2.0, 3.0], 99), 50.0, 2.0, 3.0]})
>>> det = SeasonalBaseline().fit(frame.iloc[:200])
>>> scores = det.score(frame.iloc[200:])
>>> int(np.argmax(scores)) + 200, bool(scores.max() > 0.5)
(297, True)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from anomaly.baseline import BaselineSettings, state_start
from anomaly.calibration import pvalue_to_score
from anomaly.timeline import infer_interval, read_series

__all__ = ["CausalDetector"]


class CausalDetector(BaseEstimator):
    """Base class of the causal series detectors (see the module docstring).

    Parameters
    ----------
    timestamp_col, value_col : str
        Column names in the frames passed to ``fit``, ``partial_fit`` and ``score``.
    settings : BaselineSettings, optional
        Window and seasonality settings; the defaults need no per-series tuning.
    exposure_col : str, optional
        Column of the exposure behind each count (``requests`` for error counts):
        count detectors then expect errors in proportion to it, and value detectors
        score the rate ``value / exposure``. Exposure below 1 counts as 1.
    """

    def __init__(
        self,
        timestamp_col: str = "timestamp",
        value_col: str = "value",
        settings: BaselineSettings | None = None,
        exposure_col: str | None = None,
    ) -> None:
        self.timestamp_col = timestamp_col
        self.value_col = value_col
        self.settings = settings
        self.exposure_col = exposure_col

    # -- subclasses implement this -------------------------------------------------
    def _pvalues(
        self, t: np.ndarray, x: np.ndarray, e: np.ndarray
    ) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    # -- shared machinery ----------------------------------------------------------
    def _settings(self) -> BaselineSettings:
        settings = self.settings if self.settings is not None else BaselineSettings()
        if not isinstance(settings, BaselineSettings):
            raise TypeError("settings must be a BaselineSettings instance or None")
        return settings

    def _read(self, frame: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        t, x = read_series(frame, self.timestamp_col, self.value_col)
        if self.exposure_col is None:
            e = np.ones_like(x)
        else:
            _, e = read_series(frame, self.timestamp_col, self.exposure_col)
            # no recorded exposure (e.g. zero requests in a minute) counts as one unit
            e = np.where(np.isfinite(e) & (e >= 1.0), e, 1.0)
        order = np.argsort(t, kind="stable")
        return t, x, e, order

    def _scores_for(
        self, new: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
        state: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Score new rows (any order) after a sorted finite state; scores in frame order."""
        t, x, e, order = new
        t0, x0, e0 = state
        ts, xs, es = t[order], x[order], e[order]
        finite = np.isfinite(xs)
        all_t = np.concatenate([t0, ts[finite]])
        all_x = np.concatenate([x0, xs[finite]])
        all_e = np.concatenate([e0, es[finite]])
        # statistics are NaN or infinite before enough history; they become p = 1
        with np.errstate(divide="ignore", invalid="ignore"):
            p = self._pvalues(all_t, all_x, all_e) if all_t.size else np.empty(0)
        sorted_scores = np.zeros(ts.size)
        sorted_scores[finite] = pvalue_to_score(p[t0.size:])
        scores = np.empty_like(sorted_scores)
        scores[order] = sorted_scores
        return scores, (all_t, all_x, all_e)

    def _keep(self, t: np.ndarray, x: np.ndarray, e: np.ndarray) -> None:
        start = state_start(t, self._settings())
        self.state_t_ = t[start:].copy()
        self.state_x_ = x[start:].copy()
        self.state_e_ = e[start:].copy()

    def _state(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.state_t_, self.state_x_, self.state_e_

    def fit(self, history: Any, y: Any = None) -> CausalDetector:
        """Learn the state from a history frame and score it (``scores_``).

        Parameters
        ----------
        history : pandas.DataFrame or polars.DataFrame
            Rows of one series with ``timestamp_col`` and ``value_col`` (and
            ``exposure_col`` when set).

        Returns
        -------
        self
        """
        self._settings()
        empty = (np.empty(0, dtype=np.int64), np.empty(0), np.empty(0))
        self.scores_, kept = self._scores_for(self._read(history), empty)
        self.interval_ = infer_interval(kept[0])
        self.n_rows_seen_ = int(kept[0].size)
        self._keep(*kept)
        return self

    def _check_after_state(self, t: np.ndarray) -> None:
        if t.size and self.state_t_.size and t.min() <= self.state_t_[-1]:
            name = type(self).__name__
            raise ValueError(
                f"{name} scores rows that come after the fitted history, but this frame "
                "starts at or before its last timestamp; fit on the whole series, or "
                "pass only newer rows (partial_fit keeps the state moving forward)"
            )

    def score(self, frame: Any) -> np.ndarray:
        """Score rows that follow the stored state; returns one score in [0, 1] per row.

        The state is not changed: calling ``score`` twice gives the same result.
        """
        check_is_fitted(self, "state_t_")
        new = self._read(frame)
        self._check_after_state(new[0])
        scores, _ = self._scores_for(new, self._state())
        return scores

    def partial_fit(self, frame: Any, y: Any = None) -> CausalDetector:
        """Append newer rows to the state (fits from scratch when not fitted yet)."""
        if not hasattr(self, "state_t_"):
            return self.fit(frame)
        t, x, e, order = self._read(frame)
        self._check_after_state(t)
        ts, xs, es = t[order], x[order], e[order]
        finite = np.isfinite(xs)
        self.n_rows_seen_ += int(finite.sum())
        self._keep(
            np.concatenate([self.state_t_, ts[finite]]),
            np.concatenate([self.state_x_, xs[finite]]),
            np.concatenate([self.state_e_, es[finite]]),
        )
        return self

    def score_partial_fit(self, frame: Any) -> np.ndarray:
        """Score newer rows, then append them to the state (one streaming step)."""
        scores = self.score(frame)
        self.partial_fit(frame)
        return scores

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.non_deterministic = False
        tags.requires_fit = True
        return tags
