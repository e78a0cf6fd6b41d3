"""The check suite every faultline detector passes (run by the tests on each one).

:func:`check_detector` builds a small data set with a planted anomaly and checks
the estimator contract: settings only in ``__init__`` (``clone`` round-trips),
``NotFittedError`` naming the estimator before ``fit``, ``fit`` returns ``self``,
``scores_`` and ``score`` in [0, 1], the same scores on a second call, the planted
anomaly scoring above the typical row, and, for causal series detectors, prefix
invariance (scoring a prefix gives the same scores for that prefix).

Examples
--------
>>> from anomaly.checks import check_detector
>>> from anomaly.seasonal import SeasonalBaseline
>>> check_detector(SeasonalBaseline())
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["check_detector", "series_fixture", "table_fixture"]


def series_fixture(n: int = 600, seed: int = 0) -> Any:
    """A 1-minute count series with an hourly cycle and a planted 10-minute burst at n - 50."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    i = np.arange(n)
    x = rng.poisson(20 + 10 * np.sin(2 * np.pi * i / 60)).astype(float)
    x[n - 50 : n - 40] += 60
    return pd.DataFrame({"timestamp": pd.date_range("2026-03-01", periods=n, freq="min"),
                         "value": x})


def table_fixture(n: int = 400, seed: int = 0) -> Any:
    """Correlated numeric features with a planted outlier in the last row."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    base = rng.normal(size=(n, 1))
    X = np.hstack([base + 0.1 * rng.normal(size=(n, 1)), rng.normal(size=(n, 2))])
    X[-1] = [6.0, -6.0, 6.0]
    return pd.DataFrame(X, columns=["count_errors", "error_rate", "latency_p95_ms"])


def _is_series(detector: Any) -> bool:
    from anomaly.causal import CausalDetector

    return isinstance(detector, CausalDetector)


def check_detector(detector: Any) -> None:
    """Raise ``AssertionError`` (with a reason) if a detector breaks the contract."""
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    params = detector.get_params(deep=False)
    twin = clone(detector)
    if twin.get_params(deep=False).keys() != params.keys():
        raise AssertionError("clone() does not round-trip the settings")
    if any(k.endswith("_") and not k.startswith("_") for k in vars(detector)):
        raise AssertionError("unfitted detector already has learned attributes")
    series = _is_series(detector)
    data = series_fixture() if series else table_fixture()
    planted = len(data) - 50 if series else len(data) - 1
    try:
        twin.score(data)
    except NotFittedError as error:
        if type(detector).__name__ not in str(error):
            raise AssertionError("NotFittedError does not name the estimator") from error
    else:
        raise AssertionError("score() before fit() did not raise NotFittedError")
    fitted = twin.fit(data)
    if fitted is not twin:
        raise AssertionError("fit() must return self")
    scores = np.asarray(twin.scores_)
    if scores.shape != (len(data),) or scores.min() < 0 or scores.max() > 1:
        raise AssertionError("scores_ must hold one score in [0, 1] per training row")
    hit = scores[planted : planted + 10].max() if series else scores[planted]
    if not hit > np.quantile(scores, 0.9):
        raise AssertionError("the planted anomaly does not score above 90% of the rows")
    if series:
        prefix = clone(detector).fit(data.iloc[: planted + 1]).scores_
        if not np.allclose(prefix, scores[: planted + 1], rtol=1e-9, atol=1e-9):
            raise AssertionError("scores are not prefix invariant (the detector is not causal)")
        later = data.iloc[planted + 1 :]
        head = clone(detector).fit(data.iloc[: planted + 1])
        again = head.score(later)
        if not np.allclose(again, head.score(later)) or not np.allclose(
            again, scores[planted + 1 :], rtol=1e-7, atol=1e-7
        ):
            raise AssertionError("score() after fit() on a prefix differs from one-go scoring")
    else:
        first = twin.score(data)
        if not np.allclose(first, twin.score(data)):
            raise AssertionError("score() is not deterministic")
        if first.min() < 0 or first.max() > 1:
            raise AssertionError("score() must return values in [0, 1]")
        if not first[planted] >= np.quantile(first, 0.99):
            raise AssertionError("the planted outlier is not in the top 1% of scores")
