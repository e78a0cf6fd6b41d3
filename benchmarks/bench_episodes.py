"""Benchmark: episodes, classification, root service and the post-deploy gate.

On simulator runs (14 days, 20 services; seeds that were not used while developing)
the script compares, against the simulator's ``truth.json``:

* **episode detection F1** — a truth episode is found when a classified incident
  overlaps it on one of its services; a predicted incident is a true positive
  when it overlaps a truth episode;
* **classification macro-F1** over ``transient / persistent / cascading /
  retry_storm`` (an incident's label is ``retry_storm`` when flagged so, else its
  kind), on matched episodes;
* **root-service accuracy** for cascades (and retry storms) matched;
* the **gate**: share of deploy regressions caught (exit 1) and share of clean
  deploys failed, over every deployment.

The naive baseline runs in the same process on the same episodes: kind by duration
alone (>= 30 minutes persistent, else transient), root = the first service to alert; gate = "after-window errors above 1.5x the before-window
errors" (no normalization, no test, no fingerprints).

Pipeline per seed: ``features.simulate.simulate`` → an in-memory DuckDB store filled by
:func:`load_simulation` (contract normalization and de-duplication; message text, IPs
and other personal fields are not loaded, user ids are hashed; the real ingest with its
privacy scan is measured by its own benchmark and is too slow to repeat here) →
``features.build.build_features`` (the real feature SQL) → anomalous minutes from
``anomaly.series.score_series`` on per-service error rates, threshold 0.5 on the
calibrated scale (one normal minute in 100,000), scored from the third day on (the
daily seasonal model needs a day of history; the simulator plants no fault in the first
15 % of a run) → ``anomaly.classify.classify`` and ``anomaly.gate.gate``. Fingerprints
are the error type + route + status (the template miner is not run on 500k messages
here), so the gate's new-fingerprint check is coarser than in production.

Run: ``python benchmarks/bench_episodes.py [--seeds 101 202 303] [--scale 0.3]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

KINDS = ["transient", "persistent", "cascading", "retry_storm"]
THRESHOLD = 0.5
WARMUP_DAYS = 2


# -- data -------------------------------------------------------------------------------


def _read_jsonl(path: Path, kind: str) -> list[dict]:
    import hashlib

    from features.contract import ContractError, normalize_record

    rows = []
    with path.open("rb") as fh:
        for line in fh:
            try:
                raw = json.loads(line)
                row, _ = normalize_record(raw, kind)
            except (ValueError, ContractError):
                continue  # malformed lines: counted by the ingest benchmark, not here
            if kind == "events" and not row.get("event_id"):
                # a re-delivered line repeats its bytes: they identify it
                row["event_id"] = hashlib.sha256(line.strip()).hexdigest()[:32]
            rows.append(row)
    return rows


def load_simulation(con, folder: Path) -> None:
    """Load a simulator folder into an (in-memory) store; personal fields are hashed.

    Only what this benchmark needs is loaded: no message text, no IPs; user ids are
    replaced by a hash (they are only counted), so nothing raw is kept.
    """
    import hashlib

    import yaml

    from features.build import create_input_tables

    create_input_tables(con)
    events = _read_jsonl(folder / "events.jsonl", "events")
    keep = ["timestamp", "service", "severity", "error_type", "component", "http_status",
            "trace_id", "span_id", "parent_span_id", "version"]
    frame = pd.DataFrame([{k: e.get(k) for k in keep} | {
        "event_id": e["event_id"],
        "user_id": hashlib.sha256(e["user_id"].encode()).hexdigest()[:12]
        if e.get("user_id") else None,
        # a coarse fingerprint: the error type and route (messages are not loaded)
        "fingerprint": f"{e.get('error_type')}|{e.get('http_route')}|{e.get('http_status')}",
    } for e in events])
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_localize(None)
    frame = frame.drop_duplicates("event_id")
    con.register("bench_events", frame)
    con.execute("INSERT INTO events BY NAME SELECT *, 'bench' AS batch_id FROM bench_events")
    con.unregister("bench_events")
    for kind, time_cols in (("requests", ["timestamp"]), ("spans", ["start"]),
                            ("deployments", ["deployed_at"])):
        rows = pd.DataFrame(_read_jsonl(folder / f"{kind}.jsonl", kind))
        for col in time_cols:
            rows[col] = pd.to_datetime(rows[col], utc=True).dt.tz_localize(None)
        rows = rows.drop_duplicates()
        con.register("bench_rows", rows)
        cols = ", ".join(f'"{c}"' for c in rows.columns)
        con.execute(f"INSERT INTO {kind} ({cols}) SELECT {cols} FROM bench_rows")
        con.unregister("bench_rows")
    catalog = yaml.safe_load((folder / "catalog.yaml").read_text())["services"]
    cat = pd.DataFrame([{
        "service": name, "team": spec.get("team"), "tier": spec.get("tier"),
        "depends_on": list(spec.get("depends_on") or []),
        "slo_error_rate": (spec.get("slo") or {}).get("error_rate"),
        "slo_latency_p99_ms": (spec.get("slo") or {}).get("latency_p99_ms"),
        "escalation": json.dumps(spec.get("escalation") or {}),
    } for name, spec in catalog.items()])
    con.register("bench_catalog", cat)
    con.execute("INSERT INTO services BY NAME SELECT * FROM bench_catalog")
    con.unregister("bench_catalog")


def anomalous_minutes(con) -> pd.DataFrame:
    """Per service per minute scores from ``score_series`` on the error rate."""
    from anomaly.series import score_series

    frame = con.execute(
        "SELECT service, minute, count_errors, requests, "
        "coalesce(error_rate, 0.0) AS error_rate FROM feat_service_minute "
        "ORDER BY service, minute").df()
    parts = []
    for _service, part in frame.groupby("service", sort=True):
        part = part.copy()
        part["score"] = score_series(part, "minute", "error_rate", direction="up")
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out[out["minute"] >= out["minute"].min() + pd.Timedelta(days=WARMUP_DAYS)]
    # one normal minute in 100,000 reaches 0.5 on the calibrated scale
    out["threshold"] = THRESHOLD
    return out[["service", "minute", "score", "threshold"]]


# -- scoring ----------------------------------------------------------------------------


def _ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC").tz_localize(None)


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def match(truth: list[dict], incidents: list[dict]) -> tuple[list[tuple[int, int]], int, int]:
    """Greedy matching of truth episodes and predicted incidents by service overlap."""
    pairs, used = [], set()
    for ti, t in enumerate(truth):
        t0, t1 = _ts(t["start"]), _ts(t["end"])
        best, best_overlap = None, 0.0
        for pi, p in enumerate(incidents):
            if pi in used or not set(p["services"]) & set(t["services"]):
                continue
            if _overlaps(t0, t1, p["start"], p["end"]):
                ov = (min(t1, p["end"]) - max(t0, p["start"])).total_seconds()
                if ov > best_overlap:
                    best, best_overlap = pi, ov
        if best is not None:
            used.add(best)
            pairs.append((ti, best))
    matched_pred = {p for _, p in pairs}
    # a predicted incident overlapping a truth episode matched elsewhere is not a FP
    extra_tp = 0
    for pi, p in enumerate(incidents):
        if pi in matched_pred:
            continue
        for t in truth:
            if set(p["services"]) & set(t["services"]) and _overlaps(
                    _ts(t["start"]), _ts(t["end"]), p["start"], p["end"]):
                extra_tp += 1
                break
    fp = len(incidents) - len(matched_pred) - extra_tp
    return pairs, fp, extra_tp


def macro_f1(true: list[str], pred: list[str]) -> float:
    f1s = []
    for k in KINDS:
        tp = sum(t == k and p == k for t, p in zip(true, pred, strict=True))
        fp = sum(t != k and p == k for t, p in zip(true, pred, strict=True))
        fn = sum(t == k and p != k for t, p in zip(true, pred, strict=True))
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else float("nan")


def incidents_of(rows: pd.DataFrame, data_end: pd.Timestamp) -> list[dict]:
    out = []
    for inc_id, g in rows.groupby("incident_id"):
        start = pd.to_datetime(g["start"]).min()
        end = pd.to_datetime(g["end"]).fillna(data_end).max()
        first = g.sort_values(["start", "service"]).iloc[0]
        out.append({
            "incident_id": inc_id, "services": sorted(set(g["service"])),
            "start": start, "end": end, "kind": g["kind"].iloc[0],
            "is_retry_storm": bool(g["is_retry_storm"].iloc[0]),
            "root_service": g["root_service"].iloc[0],
            "first_alert": first["service"],
            # the naive baseline: kind by duration alone
            "naive_kind": "persistent" if (end - start) >= pd.Timedelta(minutes=30)
            else "transient",
        })
    return out


def run_seed(seed: int, *, days: int, services: int, scale: float, work: Path) -> dict:
    import duckdb

    from anomaly.classify import classify
    from anomaly.gate import GateSettings, gate
    from features.build import build_features
    from features.simulate import simulate

    folder = work / f"sim-{seed}"
    t0 = time.perf_counter()
    simulate(folder, days=days, services=services, seed=seed, scale=scale, value_truth=False)
    truth = json.loads((folder / "truth.json").read_text())
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    load_simulation(con, folder)
    build_features(con)
    t_prep = time.perf_counter() - t0
    anomalies = anomalous_minutes(con)
    data_end = pd.to_datetime(anomalies["minute"]).max() + pd.Timedelta(minutes=1)
    t1 = time.perf_counter()
    rows = classify(con, anomalies=anomalies, write=True)
    t_classify = time.perf_counter() - t1
    incidents = incidents_of(rows, data_end)
    episodes = truth["episodes"]
    pairs, fp, extra_tp = match(episodes, incidents)
    result = {"seed": seed, "truth_episodes": len(episodes), "incidents": len(incidents),
              "matched": len(pairs), "fp": fp, "extra_tp": extra_tp,
              "true_kind": [], "pred_kind": [], "naive_kind": [],
              "root_kind": [], "root_true": [], "root_pred": [], "root_naive": [],
              "t_prep_s": t_prep, "t_classify_s": t_classify}
    for ti, pi in pairs:
        t, p = episodes[ti], incidents[pi]
        result["true_kind"].append(t["kind"])
        result["pred_kind"].append("retry_storm" if p["is_retry_storm"] else p["kind"])
        result["naive_kind"].append(p["naive_kind"])
        if t["kind"] in ("cascading", "retry_storm"):
            result["root_kind"].append(t["kind"])
            result["root_true"].append(t["root_service"])
            result["root_pred"].append(p["root_service"])
            result["root_naive"].append(p["first_alert"])
    # the gate, on every deployment whose after window is inside the data
    gate_rows = []
    settings = GateSettings()
    for dep in truth["deployments"]:
        at = _ts(dep["deployed_at"])
        if at + pd.Timedelta(minutes=settings.window_minutes) > data_end:
            continue
        verdict = gate(con, dep["service"], dep["version"], settings=settings)
        before, after = verdict["before"], verdict["after"]
        naive_before = before["count_errors"] + before["count_errors_propagated"]
        naive_after = after["count_errors"] + after["count_errors_propagated"]
        gate_rows.append({"is_regression": bool(dep["is_regression"]),
                          "exit": verdict["exit_code"],
                          "naive_fail": naive_after > 1.5 * max(naive_before, 1)})
    result["gate"] = gate_rows
    con.close()
    return result


def summarize(results: list[dict]) -> dict:
    true = [k for r in results for k in r["true_kind"]]
    pred = [k for r in results for k in r["pred_kind"]]
    naive = [k for r in results for k in r["naive_kind"]]
    tp = sum(r["matched"] for r in results)
    n_truth = sum(r["truth_episodes"] for r in results)
    n_pred_tp = tp + sum(r["extra_tp"] for r in results)
    n_fp = sum(r["fp"] for r in results)
    recall = tp / n_truth if n_truth else float("nan")
    precision = n_pred_tp / (n_pred_tp + n_fp) if n_pred_tp + n_fp else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    roots = [(k, t, p, n) for r in results for k, t, p, n in zip(
        r["root_kind"], r["root_true"], r["root_pred"], r["root_naive"], strict=True)]
    cascades = [x for x in roots if x[0] == "cascading"]
    storms = [x for x in roots if x[0] == "retry_storm"]

    def share(rows: list, i: int) -> float:
        return float(np.mean([x[1] == x[i] for x in rows])) if rows else float("nan")

    gates = [g for r in results for g in r["gate"]]
    regs = [g for g in gates if g["is_regression"]]
    clean = [g for g in gates if not g["is_regression"]]
    return {
        "seeds": [r["seed"] for r in results],
        "episode_precision": precision, "episode_recall": recall, "episode_f1": f1,
        "classification_macro_f1": macro_f1(true, pred),
        "naive_classification_macro_f1": macro_f1(true, naive),
        "confusion": Counter(zip(true, pred, strict=True)),
        "root_accuracy": share(cascades, 2), "naive_root_accuracy": share(cascades, 3),
        "count_roots": len(cascades),
        "storm_root_accuracy": share(storms, 2), "naive_storm_root_accuracy": share(storms, 3),
        "count_storm_roots": len(storms),
        "gate_regressions": len(regs), "gate_clean": len(clean),
        "gate_caught": float(np.mean([g["exit"] == 1 for g in regs])) if regs else float("nan"),
        "gate_clean_failed": float(np.mean([g["exit"] == 1 for g in clean]))
        if clean else float("nan"),
        "gate_clean_insufficient": float(np.mean([g["exit"] == 2 for g in clean]))
        if clean else float("nan"),
        "naive_gate_caught": float(np.mean([g["naive_fail"] for g in regs]))
        if regs else float("nan"),
        "naive_gate_clean_failed": float(np.mean([g["naive_fail"] for g in clean]))
        if clean else float("nan"),
        "seconds_prep": sum(r["t_prep_s"] for r in results),
        "seconds_classify": sum(r["t_classify_s"] for r in results),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[4242, 5151, 6060, 7373])
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--scale", type=float, default=0.3)
    parser.add_argument("--work", type=Path, default=None,
                        help="Folder for simulator output (default: a temporary one).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        results = []
        for seed in args.seeds:
            results.append(run_seed(seed, days=args.days, services=args.services,
                                    scale=args.scale, work=work))
            print(f"seed {seed}: {results[-1]['matched']}/{results[-1]['truth_episodes']} "
                  f"episodes matched, {results[-1]['fp']} false incidents", file=sys.stderr)
        if args.work is not None:
            (work / "results.json").write_text(json.dumps(results, default=str))
    s = summarize(results)
    print(f"## bench_episodes: {len(args.seeds)} runs x {args.days} days x {args.services} "
          f"services (scale {args.scale}), seeds {s['seeds']}")
    print("| metric | faultline | naive baseline | target |")
    print("| --- | --- | --- | --- |")
    print(f"| episode detection F1 (P {s['episode_precision']:.3f}, R {s['episode_recall']:.3f})"
          f" | {s['episode_f1']:.3f} | same episodes | - |")
    print(f"| classification macro-F1 | {s['classification_macro_f1']:.3f} | "
          f"{s['naive_classification_macro_f1']:.3f} | >= 0.85 |")
    print(f"| root-service accuracy, cascades ({s['count_roots']}) | "
          f"{s['root_accuracy']:.3f} | {s['naive_root_accuracy']:.3f} | >= 0.85 |")
    print(f"| root-service accuracy, retry storms ({s['count_storm_roots']}) | "
          f"{s['storm_root_accuracy']:.3f} | {s['naive_storm_root_accuracy']:.3f} | - |")
    print(f"| gate: regressions caught ({s['gate_regressions']}) | {s['gate_caught']:.3f} | "
          f"{s['naive_gate_caught']:.3f} | >= 0.95 |")
    print(f"| gate: clean deploys failed ({s['gate_clean']}) | {s['gate_clean_failed']:.3f} | "
          f"{s['naive_gate_clean_failed']:.3f} | <= 0.05 |")
    print(f"\nclean deploys judged 'insufficient data': {s['gate_clean_insufficient']:.3f}")
    print("confusion (truth, predicted):", dict(s["confusion"]))
    print(f"seconds: prepare {s['seconds_prep']:.0f}, classify {s['seconds_classify']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
