"""Batch scoring throughput of the detectors, each against a named baseline.

1. Series: ``score_series`` on per-service per-minute error counts (Poisson with a
   daily cycle), one call per service, against the naive baseline, a causal
   rolling z-score over the previous 60 rows (pandas), on the same series in the
   same process.
2. Multivariate: ``RankEnsemble`` (default: HBOS, isolation forest) scoring feature
   rows, against a single ``IForestDetector``, both fitted on the same rows.

Prints rows per second and the ratio to the baseline. The machine is shared: run
it alone for stable numbers. Run: ``python benchmarks/bench_detector_throughput.py
[SERVICES] [DAYS]``.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from anomaly.ensemble import RankEnsemble
from anomaly.multivariate import IForestDetector
from anomaly.series import score_series


def _series(services: int, days: int, seed: int = 0) -> list[pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = days * 1440
    minute = pd.date_range("2026-03-01", periods=n, freq="min")
    daily = 1 + 0.8 * np.sin(2 * np.pi * np.arange(n) / 1440)
    return [
        pd.DataFrame({"minute": minute,
                      "count_errors": rng.poisson(rng.uniform(0.2, 50) * daily).astype(float)})
        for _ in range(services)
    ]


def naive_rolling_z(frame: pd.DataFrame) -> np.ndarray:
    """Causal rolling z-score over the previous 60 rows (the naive baseline)."""
    x = frame["count_errors"]
    past = x.rolling(60, min_periods=10)
    return ((x - past.mean().shift(1)) / past.std().shift(1)).to_numpy()


def _best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best


def main(services: int = 20, days: int = 14) -> int:
    frames = _series(services, days)
    rows = sum(len(f) for f in frames)
    t_faultline = _best_of(2, lambda: [score_series(f, "minute", "count_errors") for f in frames])
    t_naive = _best_of(2, lambda: [naive_rolling_z(f) for f in frames])
    print(f"series: {services} services x {days} days = {rows:,} rows")
    print(f"  score_series     {rows / t_faultline:>12,.0f} rows/s")
    print(f"  naive rolling z  {rows / t_naive:>12,.0f} rows/s")
    print(f"  ratio faultline / naive: {t_naive / t_faultline:.3f}")

    rng = np.random.default_rng(1)
    train = rng.normal(size=(20_000, 12))
    test = rng.normal(size=(200_000, 12))
    ensemble = RankEnsemble().fit(train)
    single = IForestDetector().fit(train)
    t_ens = _best_of(2, lambda: ensemble.score(test))
    t_single = _best_of(2, lambda: single.score(test))
    print(f"multivariate: {len(test):,} rows x {test.shape[1]} features")
    print(f"  RankEnsemble     {len(test) / t_ens:>12,.0f} rows/s")
    print(f"  IForestDetector  {len(test) / t_single:>12,.0f} rows/s")
    print(f"  ratio ensemble / single IForest: {t_single / t_ens:.3f}")
    return 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    sys.exit(main(*args))
