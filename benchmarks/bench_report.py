"""Benchmark: analytics and report on a two-week, twenty-service simulator run.

Pipeline: ``features.simulate.simulate`` (14 days, 20 services, seed 4242, not used while
developing) → an in-memory DuckDB store filled by ``bench_episodes.load_simulation``
(contract normalization and de-duplication; no message text; user ids hashed; the real
ingest is measured by its own benchmark) plus the simulator's incident history →
``build_features`` → ``score_series`` per service → ``classify``. Then, in the same
process:

* **reading the analytics inputs** — ``anomaly.analytics.load_inputs`` (aggregating SQL)
  against the *naive baseline*: read the ``events`` table into pandas and aggregate the
  same error counts there (totals are checked equal);
* **the whole report** — ``build_report`` (all analytics, six figures, HTML and
  Markdown, postmortem check) against the same naive read of ``events``: how many naive
  reads one full report costs;
* **time to detect** — faultline's detection delay on the simulator's ground truth
  (``detection_delays``) against the *recorded* time to detect of the incident history
  the simulator writes (people: rounded, late timestamps), on the same failures (truth
  episodes that have an incident record), both measured from the true start.

Run: ``python benchmarks/bench_report.py [--scale 0.3] [--seed 4242]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))


def load_incidents(con, folder: Path) -> int:
    from features.store import MIGRATIONS

    ddl = next(stmt for m in MIGRATIONS for stmt in m.statements
               if stmt.startswith("CREATE TABLE incidents"))
    con.execute(ddl)
    rows = [json.loads(line) for line in (folder / "incidents.jsonl").read_text().splitlines()
            if line.strip()]
    frame = pd.DataFrame(rows)
    for col in ("started_at", "detected_at", "acknowledged_at", "resolved_at"):
        frame[col] = pd.to_datetime(frame[col], utc=True).dt.tz_localize(None)
    con.register("bench_incidents", frame)
    con.execute("INSERT INTO incidents BY NAME SELECT * FROM bench_incidents")
    con.unregister("bench_incidents")
    return len(frame)


def main() -> None:
    import duckdb
    from bench_episodes import anomalous_minutes, load_simulation

    from anomaly import analytics as an
    from anomaly.classify import classify
    from anomaly.report import build_report
    from features.build import build_features
    from features.simulate import simulate

    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=4242)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    t0 = time.perf_counter()
    folder = work / "sim"
    simulate(folder, days=14, services=20, seed=args.seed, scale=args.scale, value_truth=False)
    truth = json.loads((folder / "truth.json").read_text())
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    load_simulation(con, folder)
    n_incidents = load_incidents(con, folder)
    build_features(con)
    classify(con, anomalies=anomalous_minutes(con))
    (n_events,) = con.execute("SELECT count(*) FROM events").fetchone()
    print(f"prepared {n_events:,} events, {n_incidents} recorded incidents in "
          f"{time.perf_counter() - t0:.0f} s")

    # naive baseline: raw events into pandas, aggregate there
    t = time.perf_counter()
    raw = con.execute("SELECT * FROM events").df()
    t_raw = time.perf_counter() - t
    t = time.perf_counter()
    naive = (raw.assign(hour=raw["timestamp"].dt.floor("h"))
             .groupby(["hour", "service", "version", "fingerprint", "error_type", "http_status"],
                      dropna=False).size().rename("count_errors").reset_index())
    t_naive = t_raw + time.perf_counter() - t
    del raw
    t = time.perf_counter()
    inputs = an.load_inputs(con)
    t_inputs = time.perf_counter() - t
    assert int(inputs.error_counts["count_errors"].sum()) == int(naive["count_errors"].sum())
    t = time.perf_counter()
    result = build_report(con, out_dir=work / "reports")
    t_report = time.perf_counter() - t

    delays = an.detection_delays(inputs.episodes, truth["episodes"])
    fl_ttd_all = delays.loc[delays["is_detected"], "ttd_minutes"]
    # the same failures both ways: truth episodes that people recorded as incidents
    recorded = an.truth_from_incidents(inputs.incidents).set_index("truth_id")
    incident_of = {e["episode_id"]: e.get("incident_id") for e in truth["episodes"]}
    paired = delays[[incident_of.get(t) in recorded.index for t in delays["truth_id"]]]
    # both measured from the true start (the recorded start is rounded by people)
    paired = paired.assign(recorded_ttd=[
        (recorded.loc[incident_of[t], "recorded_detected_at"] - start).total_seconds() / 60.0
        for t, start in zip(paired["truth_id"], paired["start"], strict=True)])
    fl_ttd = paired.loc[paired["is_detected"], "ttd_minutes"]
    recorded_ttd = paired["recorded_ttd"]
    rows = {
        "events": n_events,
        "inputs_s": round(t_inputs, 2), "naive_inputs_s": round(t_naive, 2),
        "inputs_speedup": round(t_naive / t_inputs, 2),
        "report_s": round(t_report, 2), "raw_read_s": round(t_raw, 2),
        "report_over_raw_read": round(t_report / t_raw, 2),
        "figures": len(result.figure_paths),
        "html_kb": round(result.html_path.stat().st_size / 1024),
        "truth_episodes": len(delays), "detected": int(delays["is_detected"].sum()),
        "faultline_ttd_median_min_all": round(an.percentile(fl_ttd_all, 50), 2),
        "recorded_incidents": len(recorded), "paired_failures": len(paired),
        "paired_detected": int(paired["is_detected"].sum()),
        "faultline_ttd_median_min": round(an.percentile(fl_ttd, 50), 2),
        "faultline_ttd_p90_min": round(an.percentile(fl_ttd, 90), 2),
        "recorded_ttd_median_min": round(an.percentile(recorded_ttd, 50), 2),
        "recorded_ttd_p90_min": round(an.percentile(recorded_ttd, 90), 2),
    }
    rows["ttd_median_ratio"] = round(rows["faultline_ttd_median_min"]
                                     / rows["recorded_ttd_median_min"], 3)
    print(json.dumps(rows, indent=2))
    out = Path(__file__).resolve().parent / "out" / "report"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"bench_report-{args.seed}-{args.scale}.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
