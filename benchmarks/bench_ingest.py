"""Ingest throughput end to end: simulator JSONL on disk to committed anonymized rows.

Three runs on the same simulator output, each in its own spawned child process (so
each peak RSS is its own), started by this script:

- **faultline** — ``features.ingest.ingest(events.jsonl)`` with the real privacy
  stage: chunked read, contract normalization, Great Expectations validation,
  anonymization, quarantine, dedup, one transaction per file, lineage.
- **faultline, no anonymization** — the same with an identity anonymizer, to show
  how the time splits between ingest and the privacy stage (never a way to run
  faultline: ``ingest`` refuses to run without the privacy stage).
- **naive baseline** — what a user would write: ``pandas.read_json(path,
  lines=True)`` and ``CREATE TABLE events AS SELECT * FROM df`` in DuckDB, without
  validation, dedup or anonymization. pandas cannot read a file with a malformed
  line, so the baseline reads a copy without the simulator's malformed lines (the
  copy is made before timing). It holds the whole file in memory (several times its
  size), so it reads the first ``--naive-events`` lines (default: all up to 1 million);
  the comparison is of rates, events per second.

Figures: events per second (input lines / wall seconds), peak RSS per run (the run's
main process, and the largest sum over the main process and its worker processes,
sampled every 0.2 s; the same sum of PSS, proportional set size, which counts a page that
several processes share, such as a shared library's code, once in all rather than once in
each), and the ratio of faultline's rate to the baseline's.

Run: ``python benchmarks/bench_ingest.py [--events 10000000] [--jobs 2] [--json out.json]``
(``--events`` sets the simulator's scale; the issue's target size is 10 million;
the folder is written under ``benchmarks/out/`` and reused when it exists).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BENCH_TOKEN_KEY = "benchmark token key, not a secret"


class _Identity:
    """Stand-in anonymizer for the split measurement only."""

    def anonymize_batch(self, table):
        return table

    def anonymize_event(self, event):
        return {}

    def anonymize_text(self, text):
        return text


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tree_memory_mb(pid: int) -> tuple[float, float]:
    """Resident memory of ``pid`` and all its descendants now (Linux /proc), in MiB: the sum
    of their RSS (which counts a page shared by several processes, such as a shared
    library's code, once in each) and of their PSS (which splits such a page among them)."""
    total = 0
    pss_kib = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss_kib += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total / 2**20, pss_kib / 1024


class _TreeMemory:
    """Samples the process tree's resident memory every 0.2 s; ``peak`` is the largest sum of
    RSS, ``peak_pss`` the largest sum of PSS."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self.peak_pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            rss, pss = _tree_memory_mb(os.getpid())
            self.peak = max(self.peak, rss)
            self.peak_pss = max(self.peak_pss, pss)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def _run_faultline(path: str, db: str, anonymize: bool, chunk_rows: int, jobs: int,
                   queue) -> None:
    os.environ["FAULTLINE_TOKEN_KEY"] = BENCH_TOKEN_KEY
    # validation runs in this process too (with workers, on the chunks it takes itself):
    # import it before timing, like a warm process, the way the validator does
    from features.ingest.validation import _defer_unused_dependencies

    _defer_unused_dependencies()
    import great_expectations  # noqa: F401

    import features.privacy  # noqa: F401
    from features.ingest import ingest

    tree = _TreeMemory()
    t0 = time.perf_counter()
    report = ingest(path, db=db, chunk_rows=chunk_rows,
                    anonymizer=None if anonymize else _Identity(), jobs=jobs)
    seconds = time.perf_counter() - t0
    f = report.files[0]
    queue.put({"seconds": seconds, "rows": f.count_input, "accepted": f.count_accepted,
               "quarantined": f.count_quarantined, "duplicate": f.count_duplicate,
               "jobs": jobs if anonymize else 1,  # workers rebuild only faultline's anonymizer
               "peak_rss_mb": _peak_rss_mb(),
               "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
               "peak_tree_rss_mb": max(tree.stop(), _peak_rss_mb()),
               "peak_tree_pss_mb": tree.peak_pss})


def _run_naive(path: str, db: str, queue) -> None:
    import duckdb
    import pandas as pd

    t0 = time.perf_counter()
    df = pd.read_json(path, lines=True)
    con = duckdb.connect(db)
    con.execute("CREATE TABLE events AS SELECT * FROM df")
    con.close()
    seconds = time.perf_counter() - t0
    queue.put({"seconds": seconds, "rows": len(df), "peak_rss_mb": _peak_rss_mb()})


def _child(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    import queue as queues

    while True:  # a child that dies (out of memory, a bug) must not leave this waiting
        try:
            result = queue.get(timeout=5)
            break
        except queues.Empty:
            if not proc.is_alive():
                raise RuntimeError(f"{target.__name__} died with exit code {proc.exitcode}; "
                                   "see its traceback above") from None
    proc.join()
    if proc.exitcode != 0:
        raise RuntimeError(f"{target.__name__} exited with {proc.exitcode}")
    return result


def prepare(events: int, naive_events: int) -> tuple[Path, Path]:
    from features.simulate import simulate

    out = REPO / "benchmarks" / "out" / f"ingest_{events}"
    src = out / "sim" / "events.jsonl"
    clean = out / f"events_clean_{naive_events}.jsonl"
    if not src.exists():
        # events grow linearly with days x services x scale; 14 d x 20 services x 1 = ~1M
        scale = events / 1_000_000
        simulate(out / "sim", days=14, services=20, seed=7, scale=scale, value_truth=False)
    if not clean.exists():
        truth = json.loads((out / "sim" / "truth.json").read_text())
        bad = {m["line_no"] for m in truth["malformed"]}
        with open(src, encoding="utf-8") as fin, open(clean, "w", encoding="utf-8") as fout:
            for n, line in enumerate(fin, start=1):
                if n > naive_events:
                    break
                if n not in bad:
                    fout.write(line)
    return src, clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--chunk-rows", type=int, default=20_000)
    parser.add_argument("--naive-events", type=int, default=None,
                        help="lines the baseline reads (default: min(events, 1,000,000))")
    parser.add_argument("--skip-naive", action="store_true",
                        help="skip the baseline (it needs memory for the whole file)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="worker processes for faultline's ingest (ingest(..., jobs=))")
    parser.add_argument("--skip-identity", action="store_true",
                        help="skip the identity-anonymizer run (where the time goes)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    naive_events = args.naive_events or min(args.events, 1_000_000)
    src, clean = prepare(args.events, naive_events)
    out = src.parent.parent
    for name in ("faultline.duckdb", "identity.duckdb", "naive.duckdb"):
        for suffix in ("", ".wal"):
            p = out / (name + suffix)
            if p.exists():
                p.unlink()
    size_mb = src.stat().st_size / 2**20
    from features.privacy._native import native_info

    compiled = native_info()["active"]  # before the runs: the children import the same build
    results = {}
    results["faultline"] = _child(_run_faultline, str(src), str(out / "faultline.duckdb"), True,
                                  args.chunk_rows, args.jobs)
    if not args.skip_identity:
        results["faultline_no_anonymization"] = _child(
            _run_faultline, str(src), str(out / "identity.duckdb"), False, args.chunk_rows, 1)
    if not args.skip_naive:
        results["naive_pandas_duckdb"] = _child(_run_naive, str(clean),
                                                str(out / "naive.duckdb"))
    print(f"input: {src} ({size_mb:,.0f} MiB), cpus: {os.cpu_count()}, compiled detectors: "
          f"{'yes' if compiled else 'no (FAULTLINE_NATIVE=0 or not built)'}")
    print(f"{'run':32} {'rows':>12} {'seconds':>9} {'events/s':>10} {'peak RSS MiB':>13}"
          f" {'all processes':>14} {'all, PSS':>9}")
    for name, r in results.items():
        r["events_per_second"] = r["rows"] / r["seconds"]
        print(f"{name:32} {r['rows']:>12,} {r['seconds']:>9.1f} {r['events_per_second']:>10,.0f}"
              f" {r['peak_rss_mb']:>13,.0f} {r.get('peak_tree_rss_mb', r['peak_rss_mb']):>14,.0f}"
              f" {r.get('peak_tree_pss_mb', float('nan')):>9,.0f}")
    if "naive_pandas_duckdb" in results:
        base = results["naive_pandas_duckdb"]["events_per_second"]
        for name in ("faultline", "faultline_no_anonymization"):
            if name not in results:
                continue
            ratio = results[name]["events_per_second"] / base
            results[name]["ratio_vs_naive"] = ratio
            print(f"{name} / naive: {ratio:.2f}x events per second")
    if args.json:
        args.json.write_text(json.dumps({**results, "compiled_detectors": compiled}, indent=2))


if __name__ == "__main__":
    main()
