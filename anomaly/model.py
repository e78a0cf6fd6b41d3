"""The scoring model: per-service per-minute feature rows in, per-row decisions out.

:class:`MinuteScorer` reads rows of ``feat_model_input`` (one per service per minute)
and returns, per row, a ``score`` in [0, 1], ``is_anomaly`` (``score >= threshold_``),
a ``severity_hint`` and the ``top_features`` that drove the score. It is the one
model object behind ``faultline train``, ``faultline score`` and the served MLflow
model.

How a row is scored
-------------------
Each signal is a count with an expected value for that minute:

- ``count_errors`` and ``count_5xx``: expected ``requests x rate``, where the rate is
  the larger of the service's learned normal rate and the SQL's causal
  ``error_rate_median_60m`` (for errors); without requests, the larger of the
  learned per-minute level and ``errors_median_60m``. Errors are judged against
  traffic, so a traffic surge with a steady error rate is normal.
- ``count_fingerprints_first_seen`` (novel error templates) and
  ``count_span_retries``: expected the service's learned per-minute level.

Each count gets a negative-binomial upper tail probability, with an over-dispersion
learned per service from its training minutes (Poisson when there is none), on the
minute itself and on the sum of the last ``burst`` minutes of the row's window (so a
moderate rise that lasts a few minutes is found as well as a spike). A per-service
calibration factor, learned from how often the training minutes look rare at the 1%
level, corrects services whose counts are burstier than the model. The row's tail
probability is the smallest over signals and windows times their number
(Bonferroni), and its score is ``-log10(p) / 10`` as for every faultline detector.
``threshold_`` comes from an alert budget (default one alert per service per week).

Per-feature contributions are the tail probabilities as one-sided z-values
(``norm.isf(p)``): ``top_features`` names those at or above 3 (one in 740 minutes),
largest first.

A row's score uses only that row and the rows of the same service up to ``window - 1``
minutes before it that are present in the input: the last ``window_`` minutes per
service are enough to score the latest one, which is what a served model receives.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> minutes = pd.date_range("2026-03-02", periods=2000, freq="min")
>>> frame = pd.DataFrame({"service": "api", "minute": minutes,
...     "requests": rng.poisson(100, 2000), "count_errors": rng.poisson(0.5, 2000)})
>>> frame.loc[1990:, "count_errors"] = 20
>>> model = MinuteScorer().fit(frame.iloc[:1900])
>>> out = model.predict(frame)
>>> bool(out["is_anomaly"].iloc[:1900].mean() < 0.01), bool(out["is_anomaly"].iloc[1990:].all())
(True, True)
>>> out["top_features"].iloc[-1]
'count_errors'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError

__all__ = [
    "INPUT_COLUMNS",
    "OPTIONAL_COLUMNS",
    "OUTPUT_COLUMNS",
    "REQUIRED_COLUMNS",
    "SEVERITY_HINTS",
    "MinuteScorer",
]

REQUIRED_COLUMNS: tuple[str, ...] = ("service", "minute", "count_errors")
"""Columns every scored row must have."""

OPTIONAL_COLUMNS: tuple[str, ...] = (
    "requests",
    "count_5xx",
    "errors_median_60m",
    "error_rate_median_60m",
    "count_fingerprints_first_seen",
    "count_span_retries",
)
"""Columns read when present (a missing one counts as unknown: no evidence)."""

INPUT_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
"""Every column the model reads, in signature order."""

OUTPUT_COLUMNS: tuple[str, ...] = (
    "service", "minute", "score", "is_anomaly", "severity_hint", "top_features",
)
"""Columns of :meth:`MinuteScorer.predict`."""

SEVERITY_HINTS: tuple[str, ...] = ("none", "low", "medium", "high")
"""``none`` below the threshold; then ``low``, ``medium`` and ``high`` at 1 and 3
decades of tail probability above it."""

# Signals: name -> (input column, kind of expectation). "exposure" signals are judged
# against requests; "level" signals against a learned per-minute level.
_SIGNALS: tuple[tuple[str, str], ...] = (
    ("count_errors", "exposure"),
    ("count_5xx", "exposure"),
    ("count_fingerprints_first_seen", "level"),
    ("count_span_retries", "level"),
)
_FALLBACK = "__all_services__"
# a training minute with P(X >= x) below _TRIM_P at _TRIM_SLACK times the expected count is
# left out of the normal level (an incident in the training period)
_TRIM_P = 1e-4
_TRIM_SLACK = 3.0
_MAX_PHI = 5.0
_CONTRIBUTION_FLOOR = 3.0
_Z_CAP = 8.5  # norm.isf(1e-17): beyond what float64 tail probabilities resolve


@dataclass(frozen=True)
class _Params:
    """Learned per-service parameters, one array entry per service (last: fallback)."""

    services: tuple[str, ...]
    rate: np.ndarray  # (n_services, n_signals) events per request (exposure signals)
    level: np.ndarray  # (n_services, n_signals) events per minute
    phi: np.ndarray  # (n_services, n_signals) NB over-dispersion
    calibration: np.ndarray  # (n_services,) >= 1, multiplies tail probabilities


class MinuteScorer(BaseEstimator):
    """Anomaly scores for per-service per-minute feature rows (see the module docstring).

    Parameters
    ----------
    window : int
        Minutes per service the model reads to score the latest one (``window_``);
        must be at least ``burst``.
    burst : int
        Minutes summed for the short-window test.
    alerts_per_week : float
        Alert budget per service, turned into ``threshold_``.
    min_rows : int
        Training minutes a service needs for parameters of its own; others (and
        services first seen at scoring time) use parameters pooled over all services.

    Attributes
    ----------
    threshold_ : float
        ``is_anomaly`` is ``score >= threshold_``.
    window_ : int
        The window recorded in the model.
    services_ : list of str
        Services with parameters of their own.
    n_train_rows_ : int
        Training rows seen by ``fit``.
    scores_ : ndarray
        Scores of the training rows, in input order.
    """

    def __init__(self, window: int = 5, burst: int = 3, alerts_per_week: float = 1.0,
                 min_rows: int = 1440) -> None:
        self.window = window
        self.burst = burst
        self.alerts_per_week = alerts_per_week
        self.min_rows = min_rows

    # -- fitting ------------------------------------------------------------------------

    def fit(self, X: pd.DataFrame, y: Any = None) -> MinuteScorer:
        """Learn per-service normal levels, dispersion and calibration from ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            Rows of ``feat_model_input`` (at least ``service``, ``minute``,
            ``count_errors``); the training period should be mostly normal.
        y : ignored

        Returns
        -------
        MinuteScorer
        """
        from anomaly.calibration import threshold_for_budget

        self._check_settings()
        frame = _prepare(X)
        if len(frame["minute"]) == 0:
            raise ValueError("MinuteScorer.fit needs at least one row; the frame is empty")
        counts = _signal_matrix(frame)
        requests = frame["requests"]
        codes, uniques = pd.factorize(frame["service"], sort=True)
        sizes = np.bincount(codes, minlength=len(uniques))
        own = [s for s, n in zip(uniques, sizes, strict=True) if n >= self.min_rows]
        services = tuple(own) + (_FALLBACK,)
        n_sig = len(_SIGNALS)
        rate = np.zeros((len(services), n_sig))
        level = np.zeros((len(services), n_sig))
        phi = np.zeros((len(services), n_sig))
        groups = [np.flatnonzero(codes == uniques.get_loc(s)) for s in own]
        groups.append(np.arange(len(codes)))
        for i, rows in enumerate(groups):
            for j in range(n_sig):
                rate[i, j], level[i, j], phi[i, j] = _fit_signal(counts[rows, j], requests[rows])
        self.params_ = _Params(services, rate, level, phi, np.ones(len(services)))
        self.threshold_ = float(threshold_for_budget(self.alerts_per_week / 7.0, "1min"))
        self.window_ = int(self.window)
        self.services_ = list(own)
        self.n_train_rows_ = len(frame["minute"])
        # per-service calibration: the share of training minutes rarer than 1%
        p, _ = self._pvalues(frame)
        index = self._service_index(frame["service"])
        share = np.bincount(index, weights=(p < 0.01), minlength=len(services)) / np.maximum(
            np.bincount(index, minlength=len(services)), 1)
        self.params_ = _Params(services, rate, level, phi,
                               np.clip(share / 0.01, 1.0, 100.0))
        self.scores_ = self.predict(X)["score"].to_numpy()
        return self

    # -- scoring ------------------------------------------------------------------------

    def score(self, X: pd.DataFrame) -> np.ndarray:
        """Scores in [0, 1] of the rows of ``X``, in input order."""
        return self.predict(X)["score"].to_numpy()

    def predict(self, X: pd.DataFrame) -> pd.DataFrame:
        """Per-row decisions for the rows of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            Rows with at least ``service``, ``minute`` and ``count_errors`` (see
            :data:`INPUT_COLUMNS`); rows of a service a minute apart are read together
            up to ``window_`` minutes.

        Returns
        -------
        pandas.DataFrame
            :data:`OUTPUT_COLUMNS`, one row per input row, in input order.
        """
        self._check_fitted()
        frame = _prepare(X)
        p, z = self._pvalues(frame)
        from anomaly.calibration import pvalue_to_score

        score = pvalue_to_score(p)
        is_anomaly = score >= self.threshold_
        decades = (score - self.threshold_) * 10.0
        severity = np.select([~is_anomaly, decades < 1.0, decades < 3.0], SEVERITY_HINTS[:3],
                             SEVERITY_HINTS[3])
        return pd.DataFrame({
            "service": frame["service"].array,
            "minute": frame["minute"],
            "score": score,
            "is_anomaly": is_anomaly,
            "severity_hint": severity,
            "top_features": _top_features(z),
        }, index=X.index)

    # -- persistence --------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The fitted model as plain JSON-ready data (see :meth:`from_dict`)."""
        self._check_fitted()
        p = self.params_
        return {
            "format": "faultline.MinuteScorer/1",
            "settings": self.get_params(),
            "threshold": self.threshold_,
            "window": self.window_,
            "n_train_rows": self.n_train_rows_,
            "signals": [name for name, _ in _SIGNALS],
            "services": list(p.services),
            "rate": p.rate.tolist(),
            "level": p.level.tolist(),
            "phi": p.phi.tolist(),
            "calibration": p.calibration.tolist(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MinuteScorer:
        """Rebuild a fitted model from :meth:`to_dict` output.

        Examples
        --------
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"service": "a", "count_errors": [0, 1, 0, 2] * 10,
        ...     "minute": pd.date_range("2026-03-02", periods=40, freq="min")})
        >>> model = MinuteScorer(min_rows=10).fit(frame)
        >>> twin = MinuteScorer.from_dict(model.to_dict())
        >>> bool((twin.score(frame) == model.score(frame)).all())
        True
        """
        if data.get("format") != "faultline.MinuteScorer/1":
            raise ValueError("not a saved MinuteScorer (format faultline.MinuteScorer/1 "
                             "expected); save one with MinuteScorer.to_dict()")
        if data.get("signals") != [name for name, _ in _SIGNALS]:
            raise ValueError("the saved model was trained on other signals than this "
                             "faultline reads; retrain it with `faultline train`")
        model = cls(**data["settings"])
        model.threshold_ = float(data["threshold"])
        model.window_ = int(data["window"])
        model.n_train_rows_ = int(data["n_train_rows"])
        services = tuple(data["services"])
        model.services_ = [s for s in services if s != _FALLBACK]
        model.params_ = _Params(services, np.asarray(data["rate"], dtype=float),
                                np.asarray(data["level"], dtype=float),
                                np.asarray(data["phi"], dtype=float),
                                np.asarray(data["calibration"], dtype=float))
        return model

    # -- internals ----------------------------------------------------------------------

    def _check_settings(self) -> None:
        if not (isinstance(self.burst, int | np.integer) and self.burst >= 1):
            raise ValueError(f"burst must be a whole number of minutes >= 1, got {self.burst!r}")
        if not (isinstance(self.window, int | np.integer) and self.window >= self.burst):
            raise ValueError(f"window must be a whole number of minutes >= burst "
                             f"({self.burst}), got {self.window!r}")
        if not self.alerts_per_week > 0:
            raise ValueError("alerts_per_week must be positive, such as 1 or 0.5")

    def _check_fitted(self) -> None:
        if not hasattr(self, "params_"):
            raise NotFittedError(f"This {type(self).__name__} instance is not fitted yet; "
                                 "call fit() with training rows first")

    def _service_index(self, service: pd.Series) -> np.ndarray:
        services = self.params_.services
        lookup = pd.Index(services[:-1])
        index = lookup.get_indexer(service)
        return np.where(index < 0, len(services) - 1, index)

    def _pvalues(self, frame: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """Row tail probabilities and per-signal contribution z-values."""
        from scipy.special import ndtri

        prm = self.params_
        idx = self._service_index(frame["service"])
        counts = _signal_matrix(frame)
        requests = frame["requests"]
        has_requests = np.isfinite(requests) & (requests > 0)
        mu = np.empty_like(counts)
        for j, (name, kind) in enumerate(_SIGNALS):
            level = prm.level[idx, j]
            if kind == "exposure":
                rate = prm.rate[idx, j]
                if name == "count_errors":
                    recent_rate = np.nan_to_num(frame["error_rate_median_60m"])
                    recent_level = np.nan_to_num(frame["errors_median_60m"])
                    rate = np.maximum(rate, recent_rate)
                    level = np.maximum(level, recent_level)
                mu[:, j] = np.where(has_requests, np.nan_to_num(requests) * rate, level)
            else:
                mu[:, j] = level
        mu = np.maximum(mu, 1e-6)
        phi = prm.phi[idx]
        known = np.isfinite(counts)
        x = np.where(known, counts, 0.0)
        p_minute = _nb_sf(x, mu, phi)
        # the last `burst` minutes of the same service present in the input
        same = _window_mask(frame, self.burst)
        xs, mus, mu2 = (_rolling_sum(a, same) for a in (x, mu, mu * mu))
        p_burst = _nb_sf(xs, mus, phi * mu2 / np.maximum(mus * mus, 1e-12))
        p_minute = np.where(known, p_minute, 1.0)
        p_burst = np.where(known, p_burst, 1.0)
        calibration = prm.calibration[idx][:, None]
        p_sig = np.minimum(1.0, np.minimum(p_minute, p_burst) * 2.0 * calibration)
        n_tests = 2 * p_sig.shape[1]
        p_row = np.minimum(1.0, np.min(p_minute.clip(None, p_burst), axis=1) * n_tests
                           * calibration[:, 0])
        z = np.clip(-ndtri(np.clip(p_sig, 1e-300, 1.0)), 0.0, _Z_CAP)  # norm.isf(p)
        return p_row, z


def _prepare(X: Any) -> dict[str, Any]:
    """Required columns checked, optional ones filled, numbers as float arrays."""
    if not isinstance(X, pd.DataFrame):
        raise TypeError(f"MinuteScorer reads a pandas DataFrame of feature rows, not "
                        f"{type(X).__name__}; polars frames convert with .to_pandas()")
    missing = [c for c in REQUIRED_COLUMNS if c not in X.columns]
    if missing:
        raise ValueError(f"feature rows lack columns {missing}; the model reads "
                         f"{list(INPUT_COLUMNS)} (from feat_model_input)")
    service = X["service"]
    if not pd.api.types.is_string_dtype(service) or service.dtype == object:
        service = service.astype("str")
    minute = pd.to_datetime(X["minute"])
    if getattr(minute.dt, "tz", None) is not None:
        minute = minute.dt.tz_convert("UTC").dt.tz_localize(None)
    out: dict[str, Any] = {"service": service.reset_index(drop=True),
                           "minute": minute.to_numpy()}
    for col in INPUT_COLUMNS[2:]:
        if col in X.columns:
            values = X[col]
            if values.dtype != "float64":
                values = pd.to_numeric(values, errors="raise").astype("float64")
            out[col] = values.to_numpy(dtype="float64", na_value=np.nan)
        else:
            out[col] = np.full(len(X), np.nan)
    return out


def _signal_matrix(frame: dict[str, Any]) -> np.ndarray:
    return np.column_stack([frame[name] for name, _ in _SIGNALS])


def _fit_signal(x: np.ndarray, requests: np.ndarray) -> tuple[float, float, float]:
    """Normal rate per request, level per minute and NB over-dispersion of one signal."""
    known = np.isfinite(x)
    x = x[known]
    req = requests[known]
    if len(x) == 0:
        return 0.0, 0.0, 0.0
    has_req = np.isfinite(req) & (req > 0)
    prior = 0.5 / len(x)  # half an event over the whole period: never exactly zero
    keep = np.ones(len(x), dtype=bool)
    rate, level, mu = 0.0, prior, np.full(len(x), prior)
    # two passes: the second leaves out minutes far beyond the first pass's expectation
    # (training periods hold some incidents); sporadic small counts stay in
    for _ in range(2):
        level = max(float(x[keep].mean()), prior)
        if has_req.any():
            rows = keep & has_req
            rate = max(float(x[rows].sum() / max(req[rows].sum(), 1.0)),
                       prior / max(float(np.median(req[has_req])), 1.0))
            mu = np.where(has_req, np.nan_to_num(req) * rate, level)
        else:
            mu = np.full(len(x), level)
        keep = _nb_sf(x, _TRIM_SLACK * mu, np.zeros(len(x))) >= _TRIM_P
    # method of moments: E[(x - mu)^2 - x] = phi * E[mu^2], on the trimmed minutes
    num = float(np.sum((x[keep] - mu[keep]) ** 2 - x[keep]))
    den = float(np.sum(mu[keep] ** 2))
    phi = float(np.clip(num / den, 0.0, _MAX_PHI)) if den > 0 else 0.0
    return rate, level, phi


def _nb_sf(x: np.ndarray, mu: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """P(X >= x) for a negative binomial of mean mu and over-dispersion phi (Poisson at 0)."""
    from scipy.special import betainc, gammainc

    x = np.asarray(x, dtype="float64")
    out = np.ones_like(x)
    pos = x > 0
    if not pos.any():
        return out
    xp, mp, fp = x[pos], mu[pos], phi[pos]
    poisson = fp < 1e-9
    res = np.empty_like(xp)
    # Poisson: P(X >= k) = P(k, mu), the regularized lower incomplete gamma
    res[poisson] = gammainc(xp[poisson], mp[poisson])
    nb = ~poisson
    if nb.any():
        n = 1.0 / fp[nb]
        prob = n / (n + mp[nb])
        # P(X >= k) = I_{1-p}(k, n)
        res[nb] = betainc(xp[nb], n, 1.0 - prob)
    out[pos] = np.clip(res, 0.0, 1.0)
    return out


def _window_mask(frame: dict[str, Any], burst: int) -> list[np.ndarray]:
    """A sort order by service and minute, then for lag 1..burst-1 whether the row that
    many places earlier is the same service and at most that many minutes earlier."""
    codes = pd.factorize(frame["service"])[0]
    minute = frame["minute"].astype("datetime64[m]").astype("int64")
    n = len(codes)
    is_sorted = n < 2 or bool(np.all((codes[1:] > codes[:-1]) | (
        (codes[1:] == codes[:-1]) & (minute[1:] >= minute[:-1]))))
    order = np.arange(n) if is_sorted else np.lexsort((minute, codes))
    codes, minute = codes[order], minute[order]
    masks = []
    for lag in range(1, burst):
        ok = np.zeros(n, dtype=bool)
        if lag < n:
            ok[lag:] = (codes[lag:] == codes[:-lag]) & (minute[lag:] - minute[:-lag] <= lag)
        masks.append(ok)
    return [order] + masks


def _rolling_sum(values: np.ndarray, same: list[np.ndarray]) -> np.ndarray:
    """Sum of each row and the rows of ``same``'s lags (per :func:`_window_mask`)."""
    order, masks = same[0], same[1:]
    is_sorted = bool(len(order) == 0 or (order[0] == 0 and np.all(np.diff(order) == 1)))
    v = values if is_sorted else values[order]
    total = v.copy()
    for lag, ok in enumerate(masks, start=1):
        if lag >= len(v):
            break
        keep = ok[lag:, None] if v.ndim == 2 else ok[lag:]
        total[lag:] += np.where(keep, v[:-lag], 0.0)
    if is_sorted:
        return total
    out = np.empty_like(total)
    out[order] = total
    return out


def _top_features(z: np.ndarray) -> np.ndarray:
    """Comma-separated names of the signals with z >= the floor, largest first."""
    names = [name for name, _ in _SIGNALS]
    base = len(names) + 1
    ranked = np.argsort(-z, axis=1, kind="stable")
    picked = np.take_along_axis(z, ranked, axis=1) >= _CONTRIBUTION_FLOOR
    # one integer per (ranked, picked) pattern, then one string per distinct pattern
    code = np.zeros(len(z), dtype="int64")
    for k in range(len(names)):
        code = code * base + np.where(picked[:, k], ranked[:, k] + 1, 0)
    uniq, inverse = np.unique(code, return_inverse=True)
    labels = []
    for c in uniq.tolist():
        digits = []
        for _ in names:
            c, d = divmod(c, base)
            digits.append(d)
        labels.append(",".join(names[d - 1] for d in reversed(digits) if d))
    return np.asarray(labels, dtype=object)[inverse]
