"""Simulator throughput and memory.

Two measurements, each a ratio against a baseline run in the same process:

1. Throughput. ``simulate(days=14, services=20, seed=7, scale=S)`` in this process,
   in events per second, against the baseline "plain serializer": ``json.dumps`` of
   the same events (already built as dicts, not timed) written to a file. The ratio
   says what the whole simulation costs relative to only serializing its output.
2. Memory. ``faultline``'s ``simulate`` at ``--scale 1`` and ``--scale BIG`` in child
   processes (each reports its own peak RSS): the ratio peak(BIG) / peak(1) says
   whether memory grows with scale (streaming means it should stay near 1).

Usage::

    python benchmarks/bench_simulate.py                 # throughput at scale 1, memory at 1 and 10
    python benchmarks/bench_simulate.py --scale 0.2 --big 2   # a quicker run

Outputs go to ``benchmarks/out/simulate/`` (ignored by git) and are deleted at the end
unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The child reads its peak RSS from /proc (VmHWM): getrusage's ru_maxrss would include
# the parent's footprint inherited at fork.
_CHILD = """
import json, sys, time
from features.simulate import simulate
t0, c0 = time.perf_counter(), time.process_time()
s = simulate(sys.argv[1], days=14, services=20, seed=7, scale=float(sys.argv[2]))
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"events": s.counts["events_lines"], "seconds": elapsed, "cpu_seconds": cpu,
                  "peak_rss_mb": int(hwm.split()[1]) / 1024}))
"""


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir())


def throughput(out: Path, scale: float, n_baseline: int) -> dict:
    from features.simulate import simulate

    t0, c0 = time.perf_counter(), time.process_time()
    summary = simulate(out, days=14, services=20, seed=7, scale=scale)
    sim_s, sim_cpu = time.perf_counter() - t0, time.process_time() - c0
    events = summary.counts["events_lines"]
    truth = json.loads((out / "truth.json").read_text())
    skip = {m["line_no"] for m in truth["malformed"]}
    dicts = []
    with open(out / "events.jsonl", encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if i not in skip:
                dicts.append(json.loads(line))
            if len(dicts) >= n_baseline:
                break
    t0, c0 = time.perf_counter(), time.process_time()
    with open(out / "baseline.jsonl", "w", encoding="utf-8", buffering=1 << 20) as f:
        for ev in dicts:
            f.write(json.dumps(ev, ensure_ascii=False))
            f.write("\n")
    base_s, base_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"scale": scale, "events": events, "sim_seconds": sim_s, "sim_eps": events / sim_s,
            "sim_eps_cpu": events / sim_cpu, "baseline_events": len(dicts),
            "baseline_eps": len(dicts) / base_s, "baseline_eps_cpu": len(dicts) / base_cpu,
            "ratio": (events / sim_s) / (len(dicts) / base_s),
            "ratio_cpu": (events / sim_cpu) / (len(dicts) / base_cpu), "bytes": _dir_bytes(out)}


def memory(out: Path, scale: float) -> dict:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(out), str(scale)], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    row = json.loads(result.stdout.strip().splitlines()[-1])
    row["scale"] = scale
    row["eps"] = row["events"] / row["seconds"]
    row["eps_cpu"] = row["events"] / row["cpu_seconds"]
    row["bytes"] = _dir_bytes(out)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="scale of the throughput run")
    ap.add_argument("--big", type=float, default=10.0, help="scale of the large memory run")
    ap.add_argument("--baseline-events", type=int, default=200_000)
    ap.add_argument("--keep", action="store_true", help="keep the generated folders")
    args = ap.parse_args()
    base = ROOT / "benchmarks" / "out" / "simulate"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)

    t = throughput(base / "throughput", args.scale, args.baseline_events)
    print(f"throughput  scale={t['scale']}: {t['events']:,} events in {t['sim_seconds']:.1f} s = "
          f"{t['sim_eps']:,.0f} events/s wall ({t['sim_eps_cpu']:,.0f} per CPU-second); baseline "
          f"json.dumps writer {t['baseline_eps']:,.0f} events/s wall ({t['baseline_eps_cpu']:,.0f} per "
          f"CPU-second); ratio {t['ratio']:.2f} wall, {t['ratio_cpu']:.2f} CPU; "
          f"{t['bytes'] / 1e9:.2f} GB on disk", flush=True)
    if not args.keep:
        shutil.rmtree(base / "throughput")
    small = memory(base / "mem_small", 1.0)
    print(f"memory      scale=1: {small['events']:,} events, peak RSS {small['peak_rss_mb']:.0f} MB, "
          f"{small['eps']:,.0f} events/s wall, {small['eps_cpu']:,.0f} per CPU-second", flush=True)
    if not args.keep:
        shutil.rmtree(base / "mem_small")
    big = memory(base / "mem_big", args.big)
    print(f"memory      scale={args.big:g}: {big['events']:,} events, peak RSS {big['peak_rss_mb']:.0f} MB, "
          f"{big['eps']:,.0f} events/s wall, {big['eps_cpu']:,.0f} per CPU-second, "
          f"{big['bytes'] / 1e9:.1f} GB on disk; "
          f"peak RSS ratio vs scale 1: {big['peak_rss_mb'] / small['peak_rss_mb']:.2f}", flush=True)
    if not args.keep:
        shutil.rmtree(base)
    print(json.dumps({"throughput": t, "memory_small": small, "memory_big": big}))


if __name__ == "__main__":
    main()
