"""NAB artificial series: faultline's series scorer against a naive rolling z-score.

Runs both detectors in the same process on every CSV under
``../shared/data/nab-artificial/`` (or the folder given as the first argument),
with the same causal rule (a row's score uses rows up to it) and the same
threshold, chosen on principle from an alert budget: at most one alert per series
per week at the detected sampling interval (``threshold_for_budget(1/7, interval)``).

The naive baseline: z = (x - mean) / std over the previous 4 hours of rows, with a
Gaussian two-sided tail probability mapped to the same score scale.

Per series it prints: windows detected, alerts (runs of rows over the threshold)
starting outside windows, the delay of the first alert in each window from the
window start and from the labelled anomaly (NAB centres windows on it), and a
NAB-like score (standard profile: TP 1, FP -0.11, FN -1, scaled sigmoid; our own
implementation of NAB's rules, computed on alert onsets). The first 15% of each
series is probation: no scoring there. Throughput is reported as rows per second
of each detector on the whole set, and as a ratio to the naive baseline.

Run: ``python benchmarks/bench_nab.py [DATA_DIR]``.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from anomaly.calibration import pvalue_to_score, threshold_for_budget
from anomaly.series import score_series
from anomaly.timeline import infer_interval, read_series

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "nab-artificial"
PROBATION = 0.15
ALERTS_PER_DAY = 1 / 7
A_TP, A_FP, A_FN = 1.0, -0.11, -1.0


def naive_rolling_z(frame: pd.DataFrame) -> np.ndarray:
    """Causal rolling z-score over the previous 4 hours, on faultline's score scale."""
    from scipy.stats import norm

    series = frame.set_index(pd.to_datetime(frame["timestamp"]))["value"].astype(float)
    past = series.rolling("4h", closed="left", min_periods=4)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = ((series - past.mean()) / past.std()).to_numpy()
        p = 2.0 * norm.sf(np.abs(z))
    return pvalue_to_score(np.where(np.isfinite(p), p, 1.0))


def _sigmoid(y: float) -> float:
    return 2.0 / (1.0 + math.exp(5.0 * y)) - 1.0


def evaluate(t: np.ndarray, alerts: np.ndarray, windows: list[tuple[int, int]]) -> dict:
    """Per-series figures from boolean alert rows (after probation) and windows (ns)."""
    n = t.size
    start = int(PROBATION * n)
    alerts = alerts.copy()
    alerts[:start] = False
    onset = alerts & ~np.r_[False, alerts[:-1]]
    onset_idx = np.flatnonzero(onset)
    in_window = np.zeros(n, dtype=bool)
    win_rows = []
    for a, b in windows:
        rows = np.flatnonzero((t >= a) & (t <= b))
        win_rows.append(rows)
        in_window[rows] = True
    detected, delays, centre_delays = 0, [], []
    raw = 0.0
    for rows in win_rows:
        hits = rows[alerts[rows]]
        if hits.size:
            detected += 1
            first = hits[0]
            delays.append((t[first] - t[rows[0]]) / 6e10)
            centre = rows[rows.size // 2]
            centre_delays.append((t[first] - t[centre]) / 6e10)
            y = -(rows[-1] - first + 1) / rows.size
            raw += A_TP * _sigmoid(y)
        else:
            raw += A_FN
    outside = onset_idx[~in_window[onset_idx]]
    for i in outside:
        previous = [rows for rows in win_rows if rows.size and rows[-1] < i]
        if previous:
            rows = previous[-1]
            y = (i - rows[-1]) / rows.size
            raw += A_FP * -_sigmoid(y) if _sigmoid(y) < 0 else A_FP
        else:
            raw += A_FP
    null = A_FN * len(windows)
    perfect = A_TP * _sigmoid(-1.0) * len(windows)
    return {
        "windows": len(windows),
        "detected": detected,
        "outside": int(outside.size),
        "delay_min": delays,
        "delay_from_centre_min": centre_delays,
        "raw": raw,
        "null": null,
        "perfect": perfect,
    }


def main(data_dir: Path) -> int:
    labels = json.loads((data_dir / "windows.json").read_text())
    files = sorted(data_dir.glob("*/*.csv"))
    if not files:
        print(f"no CSV files under {data_dir}")
        return 1
    results: dict[str, dict[str, dict]] = {"faultline": {}, "naive": {}}
    seconds = {"faultline": 0.0, "naive": 0.0}
    rows_total = 0
    for path in files:
        key = f"{path.parent.name}/{path.name}"
        frame = pd.read_csv(path)
        t, _ = read_series(frame, "timestamp", "value")
        rows_total += t.size
        threshold = threshold_for_budget(ALERTS_PER_DAY, infer_interval(np.sort(t)))
        windows = [(pd.Timestamp(a).value, pd.Timestamp(b).value) for a, b in labels.get(key, [])]
        for name, scorer in (("faultline", score_series), ("naive", naive_rolling_z)):
            began = time.perf_counter()
            scores = scorer(frame)
            seconds[name] += time.perf_counter() - began
            results[name][key] = evaluate(t, scores >= threshold, windows)
            results[name][key]["threshold"] = threshold

    for name in results:
        print(f"\n== {name}")
        print(f"{'series':52s} {'windows':>8s} {'outside':>8s}  delay from start / centre (min)")
        for key, r in results[name].items():
            delays = ", ".join(
                f"{d:.0f}/{c:+.0f}" for d, c in zip(r["delay_min"], r["delay_from_centre_min"],
                                                    strict=True)
            )
            print(f"{key:52s} {r['detected']:>3d}/{r['windows']:<4d} {r['outside']:>8d}  {delays}")
        total = results[name].values()
        raw = sum(r["raw"] for r in total)
        null = sum(r["null"] for r in total)
        perfect = sum(r["perfect"] for r in total)
        detected = sum(r["detected"] for r in total)
        windows = sum(r["windows"] for r in total)
        outside = sum(r["outside"] for r in total)
        clean_outside = sum(
            r["outside"] for k, r in results[name].items() if k.startswith("artificialNoAnomaly")
        )
        nab = 100.0 * (raw - null) / (perfect - null)
        print(
            f"{name}: windows detected {detected}/{windows}; alerts outside windows {outside} "
            f"(on series without anomalies: {clean_outside}); NAB-like score {nab:.1f}; "
            f"{rows_total / seconds[name]:,.0f} rows/s"
        )
    ratio = seconds["naive"] / seconds["faultline"]
    print(f"\nthroughput faultline / naive: {ratio:.2f}x (same process, {rows_total} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR))
