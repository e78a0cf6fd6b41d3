"""Every detector passes the shared check suite; calibration meets the alert budget."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.metrics import roc_auc_score

from anomaly.calibration import EmpiricalCalibrator, score_to_pvalue, threshold_for_budget
from anomaly.changepoint import LevelShift
from anomaly.checks import check_detector
from anomaly.counts import CountTail
from anomaly.ensemble import RankEnsemble
from anomaly.multivariate import (
    COPODDetector,
    ECODDetector,
    HBOSDetector,
    IForestDetector,
    LOFDetector,
)
from anomaly.seasonal import SeasonalBaseline
from anomaly.series import SeriesScorer
from anomaly.wrappers import AlertBudget, PerService, add_series_scores

ALL = [
    SeasonalBaseline(), CountTail(), LevelShift(), SeriesScorer(),
    IForestDetector(), ECODDetector(), COPODDetector(), HBOSDetector(), LOFDetector(),
    RankEnsemble([IForestDetector(), COPODDetector()]),
]


@pytest.mark.parametrize("detector", ALL, ids=lambda d: type(d).__name__)
def test_check_suite(detector):
    check_detector(detector)


def _planted(n=3000, n_out=30, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    X[:, 1] += 0.8 * X[:, 0]
    y = np.zeros(n, dtype=bool)
    idx = rng.choice(n, n_out, replace=False)
    X[idx] += rng.choice([-1, 1], size=(n_out, 4)) * rng.uniform(4, 7, size=(n_out, 4))
    y[idx] = True
    return X, y


@pytest.mark.parametrize(
    "detector",
    [IForestDetector(), ECODDetector(), COPODDetector(), HBOSDetector(), LOFDetector(),
     RankEnsemble()],
    ids=lambda d: type(d).__name__,
)
def test_planted_outliers_rank_high(detector):
    X_train, _ = _planted(seed=1)
    X_test, y_test = _planted(n=1000, n_out=20, seed=2)
    scores = detector.fit(X_train).score(X_test)
    assert roc_auc_score(y_test, scores) > 0.95


@pytest.mark.parametrize("rate", [0.01, 0.002])
def test_calibration_share_over_threshold_matches_budget(rate):
    # Clean data only: the share of new rows at or over the budget threshold should
    # be close to the budget's row rate.
    rng = np.random.default_rng(3)
    train = rng.standard_t(5, size=(20_000, 3))
    test = rng.standard_t(5, size=(20_000, 3))
    det = IForestDetector().fit(train)
    threshold = threshold_for_budget(rate * 1440, "1min")
    share = float(np.mean(det.score(test) >= threshold))
    assert share == pytest.approx(rate, rel=0.35)


def test_empirical_calibrator_by_hand():
    cal = EmpiricalCalibrator().fit(np.arange(1.0, 10.0))  # 9 scores 1..9
    # score 9 has one training score >= it: p = (1 + 1) / 10
    np.testing.assert_allclose(cal.pvalues(np.array([9.0, 1.0])), [0.2, 1.0])
    beyond = cal.pvalues(np.array([20.0, 50.0]))
    assert beyond[0] <= 0.1 and beyond[1] < beyond[0]  # ordered past the maximum


def test_alert_budget_holds_on_training_rows_even_for_optimistic_detectors():
    rng = np.random.default_rng(4)
    x = rng.standard_t(3, size=3000)  # heavier tails than the Gaussian model assumes
    frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=3000, freq="min"),
                          "value": x})
    model = AlertBudget(SeasonalBaseline(), alerts_per_day=2, interval="1min").fit(frame)
    assert model.training_alert_share_ <= 2 / 1440 + 1e-12
    assert model.threshold_ >= threshold_for_budget(2, "1min")
    assert score_to_pvalue(model.threshold_) <= 2 / 1440


def test_per_service_scores_each_service_by_its_own_history_and_falls_back():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"service": np.repeat(["api", "db"], 1500),
                          "errors": np.r_[rng.normal(5, 1, 1500), rng.normal(50, 5, 1500)],
                          "latency_p95_ms": rng.normal(100, 10, 3000)})
    model = PerService(ECODDetector()).fit(frame)
    assert set(model.detectors_) == {"api", "db"}
    new = pd.DataFrame({"service": ["api", "db", "unseen"], "errors": [50.0, 50.0, 5.0],
                        "latency_p95_ms": [100.0, 100.0, 100.0]})
    s = model.score(new)
    assert s[0] >= 0.2 and s[0] > s[1] + 0.15
    assert 0 <= s[2] <= 1
    with pytest.raises(NotFittedError, match="PerService"):
        PerService(ECODDetector()).score(new)
    with pytest.raises(ValueError, match="service column 'svc' not found"):
        PerService(ECODDetector(), service_col="svc").fit(frame)


def test_series_scores_and_novelty_as_multivariate_inputs():
    # a new fingerprint after a deploy, with a modest error bump that alone is normal
    rng = np.random.default_rng(6)
    n = 2000
    frame = pd.DataFrame({
        "service": "api",
        "minute": pd.date_range("2026-01-01", periods=n, freq="min"),
        "count_errors": rng.poisson(5, n),
        "count_fingerprints_first_seen": (rng.random(n) < 0.002).astype(int),
        "is_post_deploy_30m": 0,
    })
    frame.loc[1900:1910, "count_errors"] += 25
    frame.loc[1900, "count_fingerprints_first_seen"] = 3
    frame.loc[1890:1920, "is_post_deploy_30m"] = 1
    table = add_series_scores(frame, ["count_errors"])
    assert table["score_count_errors"].iloc[1900] > 0.5
    features = table.drop(columns=["minute"])
    model = PerService(RankEnsemble()).fit(features.iloc[:1500])
    scores = model.score(features.iloc[1500:])
    assert int(np.argmax(scores)) + 1500 in range(1900, 1911)
