"""Causal series detectors on the simulator's per-service per-minute features.

Pipeline per seed: ``features.simulate.simulate`` (14 days, 20 services) → the
store → ``features.build.build_features`` (loading reuses ``load_simulation`` from
``bench_episodes.py``) → per service, a score per minute → alert minutes at the
threshold of an alert budget of one alert per service per week
(``threshold_for_budget(1/7, "1min")``) → ``anomaly.evaluation.evaluate_episodes``
against the simulator's ``truth.json``.

Detectors, all causal and run in the same process on the same rows:

* faultline: ``score_series(value_col="count_errors", exposure_col="requests",
  direction="up")`` — count-aware tails judged against traffic;
* faultline on the error rate: ``score_series(value_col="error_rate")``;
* the same counts scorer, alerting only from the second consecutive minute over
  the threshold (a confirmation rule for the alerting stage: not a detector change);
* naive baseline: z-score of ``count_errors`` against the previous 60 minutes'
  mean and standard deviation, Gaussian tail, same score scale and threshold.

Targets (issue 7): episode F1 >= 0.9, median detection delay <= 3 minutes,
<= 1 false alarm per service per week. Seeds here were not used while developing.

Run: ``python benchmarks/bench_series_simulated.py [--seeds 2024 9090]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

DAYS, SERVICES, SCALE = 14, 20, 0.3


def naive_z(part: pd.DataFrame) -> np.ndarray:
    from scipy.stats import norm

    from anomaly.calibration import pvalue_to_score

    x = part["count_errors"].astype(float)
    past = x.rolling(60, min_periods=10)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = ((x - past.mean().shift(1)) / past.std().shift(1)).to_numpy()
        p = norm.sf(z)
    return pvalue_to_score(np.where(np.isfinite(p), p, 1.0))


def _confirmed(scores: np.ndarray, threshold: float) -> np.ndarray:
    """Scores kept only from the second consecutive minute at or over the threshold."""
    over = scores >= threshold
    return np.where(over & np.r_[False, over[:-1]], scores, 0.0)


def detectors(threshold: float) -> dict:
    from anomaly.series import score_series

    def counts(p: pd.DataFrame) -> np.ndarray:
        return score_series(p, "minute", "count_errors", exposure_col="requests",
                            direction="up")

    return {
        "faultline counts+requests": counts,
        "faultline counts+requests, 2-minute confirmation": lambda p: _confirmed(
            counts(p), threshold),
        "faultline error_rate": lambda p: score_series(
            p.assign(error_rate=p["error_rate"].fillna(0.0)), "minute", "error_rate",
            direction="up"),
        "naive rolling z (60 min)": naive_z,
    }


def prepare(seed: int, work: Path) -> tuple[pd.DataFrame, dict]:
    import duckdb
    from bench_episodes import load_simulation

    from features.build import build_features
    from features.simulate import simulate

    folder = work / f"sim-{seed}"
    simulate(folder, days=DAYS, services=SERVICES, seed=seed, scale=SCALE, value_truth=False)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    load_simulation(con, folder)
    build_features(con)
    frame = con.execute(
        "SELECT service, minute, count_errors, requests, error_rate "
        "FROM feat_service_minute ORDER BY service, minute").df()
    con.close()
    return frame, json.loads((folder / "truth.json").read_text())


def evaluate(frame: pd.DataFrame, truth: dict, scorer, threshold: float) -> dict:
    from anomaly.evaluation import evaluate_episodes

    parts, seconds = [], 0.0
    for _service, part in frame.groupby("service", sort=True):
        began = time.perf_counter()
        scores = scorer(part)
        seconds += time.perf_counter() - began
        parts.append(part.loc[scores >= threshold, ["service", "minute"]])
    alerts = pd.concat(parts, ignore_index=True)
    r = evaluate_episodes(alerts, truth["episodes"], days=DAYS, n_services=SERVICES)
    return {"precision": r.overall.precision, "recall": r.overall.recall,
            "delay": r.median_delay_min, "false_alarms": r.false_alarms,
            "rows_per_s": len(frame) / seconds}


def main(argv: list[str] | None = None) -> int:
    from anomaly.calibration import threshold_for_budget

    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[2024, 9090])
    args = parser.parse_args(argv)
    threshold = threshold_for_budget(1 / 7, "1min")
    totals: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            frame, truth = prepare(seed, Path(tmp))
            for name, scorer in detectors(threshold).items():
                totals.setdefault(name, []).append(evaluate(frame, truth, scorer, threshold))
    weeks = len(args.seeds) * SERVICES * DAYS / 7
    print(f"## bench_series_simulated: seeds {args.seeds}, {DAYS} days x {SERVICES} services, "
          f"threshold {threshold:.3f} (1 alert / service / week)")
    print("| detector | episode F1 (P, R) | median delay (min) | false alarms / service / week "
          "| rows/s |")
    print("| --- | --- | --- | --- | --- |")
    for name, runs in totals.items():
        p = float(np.nanmean([r["precision"] for r in runs]))
        r = float(np.nanmean([r["recall"] for r in runs]))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        delay = float(np.nanmedian([x["delay"] for x in runs]))
        fa = sum(x["false_alarms"] for x in runs) / weeks
        speed = float(np.mean([x["rows_per_s"] for x in runs]))
        print(f"| {name} | {f1:.3f} ({p:.3f}, {r:.3f}) | {delay:.1f} | {fa:.2f} | {speed:,.0f} |")
    print("| target | >= 0.9 | <= 3 | <= 1 | >= 200,000 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
