"""Benchmark: alert generation over 14 days of simulator episodes.

Pipeline: ``features.simulate.simulate`` (14 days, 20 services) → ``features.ingest``
into a store file → ``features.build.build_features`` → per-service scores
(``anomaly.series.score_series`` on the error rate, one anomalous minute per service per
day) → ``anomaly.classify.classify`` → the episodes table. The 14 days are then
replayed the way a scheduler would run ``faultline alerts --send``: every 5 minutes,
the episodes as they stood at that moment (started by then; open unless ended by
then; closed ones within the 24-hour lookback) go through :func:`build_alerts` for
Alertmanager, PagerDuty and Opsgenie and are queued into a real outbox file
(:func:`queue_alerts`; delivery is left out: it measures the network, not us).

Figures, each against a baseline run in the same process on the same ticks:

* **time per run** (median and p99 over the runs, one every 5 minutes over the span of
  the episodes) of build + queue, against
  ``json.dumps`` of the same episode rows (the floor: forwarding the rows as they are);
* **messages queued over 14 days** against the naive sender that posts every open
  episode to every target on every run (no dedup keys, no outbox, no fatigue control);
* **pages** (PagerDuty triggers that open an alert: distinct dedup keys triggered)
  against one page per episode (no incident grouping, no fatigue control).

Run: ``python benchmarks/bench_alerts.py [--seed 4242] [--scale 0.3] [--every 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import tempfile
import time
from datetime import UTC
from pathlib import Path

import pandas as pd


def simulator_episodes(seed: int, *, days: int, services: int, scale: float, work: Path) -> pd.DataFrame:
    """The episodes of one simulator run, through the project's own stages: simulate →
    ingest (validated, anonymized, into a real store file) → features → per-service
    scores on the error rate with an alert budget of one anomalous minute per service
    per day → classify."""
    from anomaly.calibration import threshold_for_budget
    from anomaly.classify import classify
    from anomaly.series import score_series
    from features.build import build_features
    from features.ingest import ingest
    from features.simulate import simulate
    from features.store import Store

    folder = work / f"sim-{seed}"
    simulate(folder, days=days, services=services, seed=seed, scale=scale, value_truth=False)
    # a throwaway tokenization key for this run's temporary store
    os.environ.setdefault("FAULTLINE_TOKEN_KEY", secrets.token_hex(16))
    with Store.open(work / "bench.duckdb") as store:
        ingest(folder, store=store)
        build_features(store)
        frame = store.con.execute(
            "SELECT service, minute, coalesce(error_rate, 0.0) AS error_rate "
            "FROM feat_service_minute ORDER BY service, minute").df()
        parts = []
        for _service, part in frame.groupby("service", sort=True):
            part = part.copy()
            part["score"] = score_series(part, "minute", "error_rate", direction="up")
            parts.append(part)
        anomalies = pd.concat(parts, ignore_index=True)
        anomalies["threshold"] = threshold_for_budget(alerts_per_day=1.0, interval="1min")
        return classify(store, anomalies=anomalies[["service", "minute", "score", "threshold"]],
                        write=False)


def state_at(frame: pd.DataFrame, t: pd.Timestamp, lookback: pd.Timedelta) -> list[dict]:
    """The episodes table as it stood at ``t``."""
    started = frame[frame["start"] <= t]
    ended = started["end"].notna() & (started["end"] <= t)
    keep = started[~ended | (started["end"] >= t - lookback)].copy()
    is_closed = keep["end"].notna() & (keep["end"] <= t)
    keep["is_open"] = ~is_closed
    keep.loc[~is_closed, "end"] = pd.NaT
    return keep.to_dict("records")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--scale", type=float, default=0.3)
    parser.add_argument("--every", type=int, default=5, help="Minutes between runs.")
    args = parser.parse_args(argv)

    from anomaly.export import Outbox, build_alerts, load_alerting_config
    from anomaly.export.dispatch import queue_alerts

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        frame = simulator_episodes(args.seed, days=args.days, services=args.services,
                                   scale=args.scale, work=Path(tmp))
        t_prep = time.perf_counter() - t0
        for col in ("start", "end", "updated_at"):
            frame[col] = pd.to_datetime(frame[col])
        cfg = load_alerting_config()
        lookback = pd.Timedelta(hours=float(cfg.alerts["resolve_lookback_hours"]))
        first = frame["start"].min().floor("min")
        last = max(frame["start"].max(), frame["end"].max()) + pd.Timedelta(minutes=args.every)
        ticks = pd.date_range(first, last, freq=f"{args.every}min")

        ours: list[float] = []
        floor: list[float] = []
        queued = naive_messages = 0
        paged: set[str] = set()
        with Outbox(Path(tmp) / "outbox.sqlite") as box:
            for t in ticks:
                rows = state_at(frame, t, lookback)
                now = t.to_pydatetime().replace(tzinfo=UTC)
                # baseline: forward the rows as they are
                s = time.perf_counter()
                json.dumps(rows, default=str)
                floor.append(time.perf_counter() - s)
                # faultline: build for three targets and queue (dedup in the outbox)
                s = time.perf_counter()
                plan = build_alerts(rows, config=cfg, now=now)
                queued += queue_alerts(plan, box, now=now, config=cfg)
                ours.append(time.perf_counter() - s)
                naive_messages += 3 * sum(1 for r in rows if r["is_open"])
                paged |= {m.dedup_key for m in plan.messages
                          if m.target == "pagerduty" and m.action == "trigger"}
            counts = box.counts()
        n_episodes = len(frame)
        n_incidents = frame["incident_id"].nunique()

    def p(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if q < 100 else max(values)

    med_ours, med_floor = statistics.median(ours), statistics.median(floor)
    p99_ours, p99_floor = p(ours, 99), p(floor, 99)
    print(f"## bench_alerts: {args.days} days x {args.services} services (scale {args.scale}), "
          f"seed {args.seed}; {n_episodes} episodes in {n_incidents} incidents; "
          f"{len(ticks)} runs, one every {args.every} min (simulation + classify: {t_prep:.0f} s)")
    print("| metric | faultline | baseline | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| time per run, median (build 3 targets + queue) | {med_ours * 1e3:.2f} ms | "
          f"{med_floor * 1e3:.3f} ms (json.dumps of the rows) | {med_ours / med_floor:.1f}x |")
    print(f"| time per run, p99 | {p99_ours * 1e3:.2f} ms | {p99_floor * 1e3:.3f} ms | "
          f"{p99_ours / p99_floor:.1f}x |")
    print(f"| messages queued over {args.days} days (3 targets) | {queued} | {naive_messages} "
          f"(every open episode, every target, every run) | {naive_messages / max(queued, 1):.0f}x fewer |")
    print(f"| PagerDuty alerts opened | {len(paged)} | {n_episodes} (one per episode) | "
          f"{n_episodes / max(len(paged), 1):.2f}x fewer |")
    print(f"| outbox after the replay | {json.dumps(counts)} | - | - |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
