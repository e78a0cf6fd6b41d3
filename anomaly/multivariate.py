"""Multivariate detectors over feature tables: PyOD models as calibrated estimators.

Each class wraps one PyOD detector in faultline's estimator shape. ``fit(X)``
learns a per-column median (to fill missing values), a robust scaler, the PyOD
model, and an :class:`~anomaly.calibration.EmpiricalCalibrator` on the model's
training scores, so ``score(X)`` returns scores in [0, 1] on faultline's scale:
``score >= s`` on a share ``10 ** (-10 * s)`` of rows like the training rows.
Thresholds come from an alert budget through :class:`~anomaly.wrappers.AlertBudget`.

Inputs are numeric columns of a pandas frame or an array: the per-service
per-minute feature table, novelty signals such as ``count_fingerprints_first_seen``
or ``is_post_deploy_30m``, and series scores (:func:`anomaly.wrappers.add_series_scores`).
Non-numeric columns must be dropped first (``PerService`` does that for the service).

Notes on PyOD 3 (checked against the installed source): the classic ``fit`` /
``decision_function`` / ``decision_scores_`` API is unchanged; HBOS compiles with
numba on first use in a process; ECOD and COPOD rank new rows against the whole
training set on every call (slow for small batches); LOF is O(n^2) in memory for
large training sets, so it fits on a sample of at most ``max_train_rows``.

Examples
--------
>>> import numpy as np
>>> from anomaly.multivariate import IForestDetector
>>> rng = np.random.default_rng(0)
>>> X = rng.normal(size=(500, 3))
>>> det = IForestDetector(random_state=0).fit(X)
>>> scores = det.score(np.array([[0.0, 0.0, 0.0], [8.0, 8.0, 8.0]]))
>>> bool(scores[1] > 0.25 > scores[0])
True
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted, validate_data

from anomaly.calibration import EmpiricalCalibrator

__all__ = [
    "COPODDetector",
    "ECODDetector",
    "HBOSDetector",
    "IForestDetector",
    "LOFDetector",
    "PyODDetector",
]


class PyODDetector(BaseEstimator):
    """Base of the PyOD wrappers (subclasses set ``_pyod`` and ``_pyod_params``).

    Attributes
    ----------
    fill_ : numpy.ndarray
        Per-column training medians used for missing values.
    model_ : pyod detector
        The fitted PyOD model.
    calibrator_ : EmpiricalCalibrator
        Maps raw PyOD scores to faultline scores.
    scores_ : numpy.ndarray
        Calibrated scores of the training rows.
    """

    _pyod = ""
    max_train_rows: int | None = None

    def _pyod_params(self) -> dict[str, Any]:
        return {}

    def _make_model(self) -> Any:
        module, name = self._pyod.split(":")
        return getattr(importlib.import_module(module), name)(**self._pyod_params())

    def _prepare(self, X: Any, *, reset: bool) -> np.ndarray:
        X = validate_data(self, X, reset=reset, dtype="float64", ensure_all_finite="allow-nan")
        if reset:
            with np.errstate(all="ignore"):
                fill = np.nanmedian(np.where(np.isfinite(X), X, np.nan), axis=0) if X.size else 0
            self.fill_ = np.nan_to_num(np.asarray(fill, dtype="float64"), nan=0.0)
        X = np.where(np.isfinite(X), X, self.fill_)
        return X

    def fit(self, X: Any, y: Any = None) -> PyODDetector:
        """Fit the scaler, the PyOD model and the calibration on training rows.

        Parameters
        ----------
        X : array-like or pandas.DataFrame of shape (n_rows, n_features)
            Numeric features; missing values are filled with training medians.

        Returns
        -------
        self
        """
        from sklearn.preprocessing import RobustScaler

        X = self._prepare(X, reset=True)
        if X.shape[0] < 10:
            raise ValueError(
                f"{type(self).__name__} needs at least 10 training rows; got {X.shape[0]}"
            )
        self.scaler_ = RobustScaler().fit(X)
        Z = self.scaler_.transform(X)
        train = Z
        if self.max_train_rows is not None and Z.shape[0] > self.max_train_rows:
            pick = np.random.default_rng(0).choice(Z.shape[0], self.max_train_rows, replace=False)
            train = Z[np.sort(pick)]
        self.model_ = self._make_model().fit(train)
        raw = self.model_.decision_function(Z) if train is not Z else self.model_.decision_scores_
        self.calibrator_ = EmpiricalCalibrator().fit(raw)
        self.scores_ = self.calibrator_.transform(raw)
        return self

    def score(self, X: Any) -> np.ndarray:
        """Calibrated anomaly scores in [0, 1], higher = more anomalous."""
        check_is_fitted(self, "model_")
        Z = self.scaler_.transform(self._prepare(X, reset=False))
        return self.calibrator_.transform(self.model_.decision_function(Z))

    def decision_function(self, X: Any) -> np.ndarray:
        """Same as :meth:`score` (scikit-learn's name for it)."""
        return self.score(X)

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        return tags


class IForestDetector(PyODDetector):
    """Isolation forest (PyOD ``IForest``): fast, good default for many features.

    Parameters
    ----------
    n_estimators : int
        Number of trees.
    max_samples : int or "auto"
        Rows per tree.
    random_state : int or None
        Seed, for reproducible scores.
    """

    _pyod = "pyod.models.iforest:IForest"

    def __init__(self, n_estimators: int = 100, max_samples: Any = "auto",
                 random_state: int | None = 0) -> None:
        self.n_estimators = n_estimators
        self.max_samples = max_samples
        self.random_state = random_state

    def _pyod_params(self) -> dict[str, Any]:
        return {"n_estimators": self.n_estimators, "max_samples": self.max_samples,
                "random_state": self.random_state}


class ECODDetector(PyODDetector):
    """Empirical-CDF outlier detection (PyOD ``ECOD``): parameter free, slow on small batches.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.random.default_rng(1).normal(size=(300, 2))
    >>> bool(ECODDetector().fit(X).score(np.array([[6.0, -6.0]]))[0] > 0.2)
    True
    """

    _pyod = "pyod.models.ecod:ECOD"

    def __init__(self) -> None:
        pass


class COPODDetector(PyODDetector):
    """Copula-based outlier detection (PyOD ``COPOD``): parameter free.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.random.default_rng(2).normal(size=(300, 2))
    >>> bool(COPODDetector().fit(X).score(np.array([[6.0, 6.0]]))[0] > 0.2)
    True
    """

    _pyod = "pyod.models.copod:COPOD"

    def __init__(self) -> None:
        pass


class HBOSDetector(PyODDetector):
    """Histogram-based outlier score (PyOD ``HBOS``): fastest; numba compiles on first use.

    Parameters
    ----------
    n_bins : int
        Bins per feature histogram.
    """

    _pyod = "pyod.models.hbos:HBOS"

    def __init__(self, n_bins: int = 20) -> None:
        self.n_bins = n_bins

    def _pyod_params(self) -> dict[str, Any]:
        return {"n_bins": self.n_bins}


class LOFDetector(PyODDetector):
    """Local outlier factor (PyOD ``LOF``) fitted on at most ``max_train_rows`` rows.

    Parameters
    ----------
    n_neighbors : int
        Neighbourhood size.
    max_train_rows : int
        Training rows are sampled down to this many (LOF is quadratic).
    """

    _pyod = "pyod.models.lof:LOF"

    def __init__(self, n_neighbors: int = 20, max_train_rows: int = 5000) -> None:
        self.n_neighbors = n_neighbors
        self.max_train_rows = max_train_rows

    def _pyod_params(self) -> dict[str, Any]:
        return {"n_neighbors": self.n_neighbors}
