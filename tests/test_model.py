"""Unit tests of the scoring model (anomaly.model.MinuteScorer), hand-computed where possible."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from anomaly.model import OUTPUT_COLUMNS, MinuteScorer, _fit_signal, _nb_sf


def _frame(n: int = 3000, *, seed: int = 0, service: str = "api", rate: float = 0.005,
           requests: float = 100.0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    req = rng.poisson(requests, n)
    return pd.DataFrame({
        "service": service,
        "minute": pd.date_range("2026-03-02", periods=n, freq="min"),
        "requests": req,
        "count_errors": rng.poisson(req * rate),
        "count_5xx": np.zeros(n, dtype=int),
    })


def test_poisson_tail_matches_hand_computation() -> None:
    # P(X >= 2 | mu = 1) = 1 - e^-1 (1 + 1)
    p = _nb_sf(np.array([2.0, 0.0]), np.array([1.0, 1.0]), np.array([0.0, 0.0]))
    assert p[0] == pytest.approx(1 - 2 * math.exp(-1), rel=1e-12)
    assert p[1] == 1.0


def test_negative_binomial_tail_matches_scipy() -> None:
    from scipy.stats import nbinom

    x, mu, phi = np.array([3.0, 10.0]), np.array([2.0, 2.0]), np.array([0.5, 0.5])
    n = 1 / 0.5
    expected = nbinom.sf(x - 1, n, n / (n + mu))
    assert _nb_sf(x, mu, phi) == pytest.approx(expected, rel=1e-9)


def test_fit_signal_rate_level_and_no_dispersion_for_a_constant_count() -> None:
    x = np.ones(200)
    rate, level, phi = _fit_signal(x, np.full(200, 100.0))
    assert (rate, level, phi) == (pytest.approx(0.01), pytest.approx(1.0), 0.0)


def test_fit_signal_leaves_an_incident_out_of_the_normal_level() -> None:
    x = np.ones(1000)
    x[500:510] = 50.0  # a 10-minute incident in the training period
    _, level, _ = _fit_signal(x, np.full(1000, np.nan))
    assert level == pytest.approx(1.0)


def test_planted_burst_is_found_and_normal_minutes_stay_quiet() -> None:
    frame = _frame()
    frame.loc[2900:2909, "count_errors"] = 8  # 8 in 100 requests against 0.5%
    model = MinuteScorer().fit(frame.iloc[:2500])
    out = model.predict(frame)
    assert list(out.columns) == list(OUTPUT_COLUMNS)
    assert out.loc[2900:2909, "is_anomaly"].all()
    assert out.loc[:2899, "is_anomaly"].sum() <= 3
    assert out.loc[2905, "top_features"].split(",")[0] == "count_errors"
    assert set(out["severity_hint"]) <= {"none", "low", "medium", "high"}
    assert (out.loc[~out["is_anomaly"], "severity_hint"] == "none").all()


def test_traffic_surge_at_a_steady_error_rate_is_normal() -> None:
    frame = _frame(seed=1)
    model = MinuteScorer().fit(frame)
    surge = _frame(120, seed=2, requests=600.0)  # six times the traffic, same 0.5 % rate
    surge["minute"] = surge["minute"] + pd.Timedelta(days=3)
    assert not model.predict(surge)["is_anomaly"].any()


def test_last_window_minutes_score_the_latest_row_as_the_whole_series_does() -> None:
    frame = _frame(seed=3)
    frame.loc[2990:, "count_errors"] = 4
    model = MinuteScorer(window=5, burst=3).fit(frame.iloc[:2500])
    whole = model.predict(frame)
    tail = model.predict(frame.iloc[-model.window_:])
    assert tail["score"].iloc[-1] == whole["score"].iloc[-1]


def test_rows_in_any_order_get_the_same_scores() -> None:
    a, b = _frame(seed=4, service="a"), _frame(seed=5, service="b")
    frame = pd.concat([a, b], ignore_index=True)
    frame.loc[2950:2953, "count_errors"] = 6
    model = MinuteScorer().fit(frame)
    shuffled = frame.sample(frac=1.0, random_state=0)
    assert np.array_equal(model.predict(shuffled)["score"].to_numpy(),
                          model.predict(frame)["score"].reindex(shuffled.index).to_numpy())


def test_a_service_unseen_in_training_uses_pooled_parameters() -> None:
    model = MinuteScorer().fit(_frame(seed=6))
    new = _frame(60, seed=7, service="brand-new")
    new.loc[50:, "count_errors"] = 30
    out = model.predict(new)
    assert model.services_ == ["api"]
    assert out.loc[50:, "is_anomaly"].all() and not out.loc[:40, "is_anomaly"].any()


def test_round_trip_through_json() -> None:
    frame = _frame(seed=8)
    model = MinuteScorer(alerts_per_week=0.5).fit(frame)
    twin = MinuteScorer.from_dict(json.loads(json.dumps(model.to_dict())))
    assert twin.get_params() == model.get_params()
    assert np.array_equal(twin.score(frame), model.score(frame))
    with pytest.raises(ValueError, match="not a saved MinuteScorer"):
        MinuteScorer.from_dict({"format": "something else"})


def test_estimator_contract() -> None:
    model = MinuteScorer(window=7)
    assert clone(model).get_params() == model.get_params()
    with pytest.raises(NotFittedError, match="MinuteScorer"):
        model.predict(_frame(10))
    assert model.fit(_frame(100)) is model
    assert model.scores_.shape == (100,) and 0 <= model.scores_.min() <= model.scores_.max() <= 1
    assert model.threshold_ == pytest.approx(0.4, abs=0.01)  # one alert per week of minutes


@pytest.mark.parametrize("settings, message", [
    ({"burst": 0}, "burst must be"),
    ({"window": 2, "burst": 3}, "window must be"),
    ({"alerts_per_week": 0}, "alerts_per_week"),
])
def test_bad_settings_are_explained(settings: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MinuteScorer(**settings).fit(_frame(50))


def test_missing_columns_are_named_without_values() -> None:
    with pytest.raises(ValueError, match=r"lack columns \['count_errors'\]"):
        MinuteScorer().fit(_frame(50).drop(columns="count_errors"))
