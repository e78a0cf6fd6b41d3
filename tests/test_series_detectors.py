"""Causal series detectors: prefix invariance, streaming state, hand-computed tails."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.exceptions import NotFittedError

from anomaly.baseline import BaselineSettings
from anomaly.calibration import pvalue_to_score, threshold_for_budget
from anomaly.changepoint import LevelShift
from anomaly.counts import CountTail
from anomaly.seasonal import SeasonalBaseline
from anomaly.series import SeriesScorer, score_series

HOUR = 3_600_000_000_000
SMALL = BaselineSettings(
    periods=(HOUR, 3 * HOUR), cycles=(3, 2), level_window=6, error_window=30, min_rows=6,
    tail_window=60,
)
DETECTORS = [SeasonalBaseline, CountTail, LevelShift, SeriesScorer]


def _seasonal_frame(n: int = 900, seed: int = 0, counts: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    level = 20 + 10 * np.sin(2 * np.pi * i / 60)  # hourly cycle at 1-minute steps
    x = rng.poisson(level).astype(float) if counts else level + rng.normal(0, 1, n)
    x[int(0.8 * n)] += 40
    return pd.DataFrame({"timestamp": pd.date_range("2026-03-01", periods=n, freq="min"),
                         "value": x})


@pytest.mark.parametrize("detector", DETECTORS)
@pytest.mark.parametrize("counts", [False, True])
def test_prefix_invariance(detector, counts):
    frame = _seasonal_frame(counts=counts)
    full = detector(settings=SMALL).fit(frame).scores_
    for cut in (50, 333, 700):
        prefix = detector(settings=SMALL).fit(frame.iloc[:cut]).scores_
        np.testing.assert_allclose(prefix, full[:cut], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("detector", DETECTORS)
def test_streaming_state_gives_the_same_scores(detector):
    frame = _seasonal_frame(n=2200, counts=detector is CountTail)
    full = detector(settings=SMALL).fit(frame).scores_
    streamed = detector(settings=SMALL).fit(frame.iloc[:1200])
    assert streamed.state_t_.size < 1200  # the state was trimmed to what scoring needs
    parts = []
    for lo in range(1200, 2200, 250):
        parts.append(streamed.score_partial_fit(frame.iloc[lo : lo + 250]))
    assert streamed.state_t_.size < 1200
    np.testing.assert_allclose(np.concatenate(parts), full[1200:], rtol=1e-7, atol=1e-7)


@pytest.mark.parametrize("detector", DETECTORS)
def test_score_before_fit_names_the_estimator(detector):
    with pytest.raises(NotFittedError, match=detector.__name__):
        detector().score(_seasonal_frame(n=10))


def test_score_rejects_rows_before_the_state():
    frame = _seasonal_frame(n=200)
    det = SeasonalBaseline(settings=SMALL).fit(frame)
    with pytest.raises(ValueError, match="after the fitted history"):
        det.score(frame.iloc[100:])


def test_missing_column_teaches_the_fix():
    frame = pd.DataFrame({"time": pd.date_range("2026-01-01", periods=3, freq="min"),
                          "v": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match=r"timestamp column 'timestamp' not found.*'time'"):
        score_series(frame)


def test_non_numeric_values_do_not_echo_the_value():
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=2, freq="min"),
                          "value": ["1", "alice@example.com"]})
    with pytest.raises(ValueError) as info:
        score_series(frame)
    assert "alice" not in str(info.value)


def test_row_order_and_missing_values():
    frame = _seasonal_frame(n=300)
    frame.loc[100, "value"] = np.nan
    ordered = score_series(frame)
    shuffled = frame.sample(frac=1.0, random_state=3)
    again = score_series(shuffled)
    np.testing.assert_allclose(again, ordered[shuffled.index.to_numpy()])
    assert ordered[100] == 0.0


def test_irregular_series_scores_in_range_and_finds_spike():
    rng = np.random.default_rng(5)
    gaps = rng.integers(20, 100, size=800)  # seconds
    t = pd.Timestamp("2026-01-01") + pd.to_timedelta(np.cumsum(gaps), unit="s")
    x = rng.normal(50, 2, size=800)
    x[700] = 90
    scores = score_series(pd.DataFrame({"timestamp": t, "value": x}))
    assert scores.shape == (800,)
    assert scores.min() >= 0 and scores.max() <= 1
    assert int(np.argmax(scores)) == 700


def test_count_tail_matches_poisson_by_hand():
    # 40 rows of exactly 2 errors: expected rate 2, dispersion 1 (Poisson), then 7.
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=41, freq="min"),
                          "value": [2.0] * 40 + [7.0]})
    scores = CountTail(settings=SMALL).fit(frame).scores_
    p = 1.0 - sum(math.exp(-2) * 2**k / math.factorial(k) for k in range(7))  # P(X >= 7)
    assert scores[-1] == pytest.approx(-math.log10(p) / 10, rel=1e-9)
    assert scores[:-1].max() == 0.0


def test_count_tail_ignores_non_count_series():
    frame = _seasonal_frame(n=200)
    assert CountTail(settings=SMALL).fit(frame).scores_.max() == 0.0


def test_level_shift_detects_persistent_small_shift_fast():
    rng = np.random.default_rng(7)
    x = rng.normal(size=1500)
    x[1200:] += 1.5
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=1500, freq="min"),
                          "value": x})
    scores = LevelShift().fit(frame).scores_
    threshold = threshold_for_budget(1, "1min")
    assert scores[:1200].max() < threshold
    first = np.flatnonzero(scores[1200:] >= threshold)
    assert first.size and first[0] <= 12


def test_seasonal_profile_catches_a_missing_daily_burst():
    # 5-minute steps, a daily plateau between 09:00 and 18:00, missing on day 9
    t = pd.date_range("2026-01-01", periods=288 * 10, freq="5min")
    hour = t.hour
    rng = np.random.default_rng(11)
    x = np.where((hour >= 9) & (hour < 18), 80.0, 20.0) + rng.normal(0, 1, t.size)
    day9 = (t >= "2026-01-09") & (hour >= 9) & (hour < 18)
    x[day9] = 20 + rng.normal(0, 1, day9.sum())
    scores = score_series(pd.DataFrame({"timestamp": t, "value": x}))
    threshold = threshold_for_budget(1 / 7, "5min")
    onset = np.flatnonzero(day9)[0]
    assert scores[288 * 2 : onset].max() < threshold  # the daily steps themselves are normal
    assert scores[onset : onset + 3].max() >= threshold


def test_pvalue_scale_by_hand():
    np.testing.assert_allclose(pvalue_to_score([1.0, 1e-3, 1e-5, 1e-20, np.nan]),
                               [0.0, 0.3, 0.5, 1.0, 0.0])
    assert threshold_for_budget(1.44, "1min") == pytest.approx(0.3)


@settings(max_examples=15, deadline=None)
@given(
    values=st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=5, max_size=120),
    cut=st.integers(1, 119),
)
def test_property_prefix_invariance_any_values(values, cut):
    cut = min(cut, len(values))
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=len(values),
                                                     freq="min"), "value": values})
    full = SeriesScorer(settings=SMALL).fit(frame).scores_
    part = SeriesScorer(settings=SMALL).fit(frame.iloc[:cut]).scores_
    assert np.all((full >= 0) & (full <= 1))
    np.testing.assert_allclose(part, full[:cut], rtol=1e-9, atol=1e-9)


def test_level_shift_on_counts_is_a_poisson_test_of_the_window_total_by_hand():
    # 60 minutes of exactly 1 error (dispersion 1: Poisson), then 6 minutes of 3.
    # The last window (6 rows in SMALL) holds 18 errors where 6 are expected.
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=66, freq="min"),
                          "value": [1.0] * 60 + [3.0] * 6})
    scores = LevelShift(settings=SMALL).fit(frame).scores_
    upper = 1.0 - sum(math.exp(-6) * 6.0**k / math.factorial(k) for k in range(18))
    assert scores[-1] == pytest.approx(-math.log10(2 * upper) / 10, rel=1e-6)
    assert scores[:60].max() == 0.0


def test_scaled_integer_series_is_not_treated_as_counts():
    from anomaly.counts import is_count_prefix

    assert not is_count_prefix(np.array([0.0, 20.0, 0.0, 40.0]))[-1]
    assert is_count_prefix(np.array([0.0, 2.0, 1.0, 7.0]))[-1]


def _traffic_frame(n: int = 1500, seed: int = 8) -> pd.DataFrame:
    # steady 0.5% error rate; traffic triples for an hour at row 1200 (a surge)
    rng = np.random.default_rng(seed)
    requests = np.full(n, 400.0)
    requests[1200:1260] = 1200.0
    errors = rng.poisson(0.005 * requests).astype(float)
    return pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=n, freq="min"),
                         "count_errors": errors, "requests": requests})


def test_exposure_makes_a_traffic_surge_normal_and_a_rate_jump_not():
    frame = _traffic_frame()
    threshold = threshold_for_budget(1 / 7, "1min")
    with_requests = score_series(frame, value_col="count_errors", exposure_col="requests")
    assert with_requests[1200:1260].max() < threshold
    plain = score_series(frame, value_col="count_errors")
    assert plain[1200:1260].max() >= threshold  # without exposure the surge looks like errors
    jump = frame.copy()
    jump.loc[1300:1320, "count_errors"] = np.random.default_rng(9).poisson(0.03 * 400, 21)
    scores = score_series(jump, value_col="count_errors", exposure_col="requests")
    assert scores[1300:1306].max() >= threshold


def test_exposure_is_kept_in_the_streaming_state():
    frame = _traffic_frame()
    full = SeriesScorer(value_col="count_errors", exposure_col="requests",
                        settings=SMALL).fit(frame).scores_
    det = SeriesScorer(value_col="count_errors", exposure_col="requests",
                       settings=SMALL).fit(frame.iloc[:1000])
    np.testing.assert_allclose(det.score(frame.iloc[1000:]), full[1000:], rtol=1e-7, atol=1e-7)
    assert det.state_e_.size == det.state_x_.size


def test_level_shift_direction_up_ignores_a_drop_in_errors():
    rng = np.random.default_rng(12)
    x = rng.poisson(20, 900).astype(float)
    x[700:] = rng.poisson(2, 200)  # errors fall away: not an error incident
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=900, freq="min"),
                          "value": x})
    threshold = threshold_for_budget(1 / 7, "1min")
    assert LevelShift(direction="both").fit(frame).scores_[700:720].max() >= threshold
    assert LevelShift(direction="up").fit(frame).scores_[700:].max() < threshold


@pytest.mark.parametrize("detector", DETECTORS)
def test_prefix_invariance_with_exposure(detector):
    frame = _traffic_frame(n=900)
    kwargs = {"value_col": "count_errors", "exposure_col": "requests", "settings": SMALL}
    full = detector(**kwargs).fit(frame).scores_
    for cut in (100, 650):
        prefix = detector(**kwargs).fit(frame.iloc[:cut]).scores_
        np.testing.assert_allclose(prefix, full[:cut], rtol=1e-9, atol=1e-9)


def test_regular_and_irregular_lookups_agree():
    # regular for 700 rows (fast shift lookups), then one late row (searchsorted path):
    # the prefix must score exactly as the whole series does on those rows
    frame = _seasonal_frame(n=800)
    stamps = frame["timestamp"].copy()
    stamps.iloc[700:] = stamps.iloc[700:] + pd.Timedelta(seconds=17)
    frame["timestamp"] = stamps
    full = SeriesScorer(settings=SMALL).fit(frame).scores_
    prefix = SeriesScorer(settings=SMALL).fit(frame.iloc[:700]).scores_
    np.testing.assert_allclose(prefix, full[:700], rtol=1e-9, atol=1e-9)


def test_daily_sampled_series_with_a_daily_period_stays_causal():
    # one row a day: the phase-scale lookups (+-2 rows around a day back) must never
    # reach ahead, and the model comparison must still find enough rows
    from anomaly.baseline import forecast

    rng = np.random.default_rng(13)
    t = np.arange(200, dtype=np.int64) * 86_400 * 10**9
    x = rng.normal(size=200) * (1 + (np.arange(200) % 7 == 3) * 5)
    full = forecast(t, x)
    assert np.isfinite(full.scale[50:]).all()
    for cut in (60, 150):
        part = forecast(t[:cut], x[:cut])
        np.testing.assert_allclose(part.scale, full.scale[:cut], atol=1e-12)
        np.testing.assert_allclose(part.expected, full.expected[:cut], atol=1e-12)
