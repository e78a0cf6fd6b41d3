"""Benchmark: build every feature table for the simulator's data; DuckDB against pandas.

Run (from the repository root)::

    python benchmarks/bench_features.py --scale 10      # about 10 million events
    python benchmarks/bench_features.py --scale 0.5     # a quick look

Steps, each reported separately:

1. ``features.simulate.simulate`` writes 14 days of telemetry for 20 services into
   ``benchmarks/out/sim-<scale>/`` (reused when already there).
2. :func:`load_simulation` loads it into a fresh DuckDB file. This is benchmark setup, not
   faultline's ingest: it keeps only the columns the features read (no message, user,
   session, IP or attributes, so no personal data lands in the file), drops malformed and
   duplicate lines, and fills ``fingerprint`` with a stand-in (a hash of service, error
   type and route) because the fingerprint stage is benchmarked on its own.
3. **Full feature build** (``build_features(full=True)``) in a child process with 2 DuckDB
   threads: wall time, CPU time (less sensitive than wall time to other work on the
   machine), seconds per table and the child's peak resident memory; ``--builds N``
   repeats it.
4. **Main per-minute aggregate** (the ``feat_service_minute`` SQL: one grouped scan of the
   range's events, the requests, and the first minute of every service from events,
   requests and spans) in DuckDB against the same computation in pandas (``groupby`` +
   ``resample``, the same first minutes from the same three inputs) on frames already in
   memory, in this process, ``--repeat`` times interleaved. Every column of both results
   is checked equal before the ratio of the medians is reported.

Figures are printed as a Markdown table row, ready for ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "benchmarks" / "out"

_SEVERITY_SQL = """
CASE upper(coalesce(nullif(trim(severity), ''), 'ERROR'))
    WHEN 'WARNING' THEN 'WARN' WHEN 'ERR' THEN 'ERROR' WHEN 'SEVERE' THEN 'ERROR'
    WHEN 'CRITICAL' THEN 'FATAL' WHEN 'CRIT' THEN 'FATAL' WHEN 'PANIC' THEN 'FATAL'
    WHEN 'INFORMATION' THEN 'INFO' WHEN 'TRACE' THEN 'DEBUG'
    ELSE upper(trim(severity))
END"""


def _utc(column: str) -> str:
    """SQL turning a JSON timestamp (RFC 3339 with any offset, or epoch ms) into UTC."""
    return (
        f"CASE WHEN regexp_full_match(CAST({column} AS VARCHAR), '[0-9]+(\\.[0-9]+)?') "
        f"THEN make_timestamp(CAST(CAST(CAST({column} AS VARCHAR) AS DOUBLE) * 1000 AS BIGINT)) "
        f"ELSE CAST(TRY_CAST(replace(CAST({column} AS VARCHAR), ',', '.') AS TIMESTAMPTZ) "
        "AT TIME ZONE 'UTC' "
        "AS TIMESTAMP) END"
    )


def load_simulation(con, folder, *, before: datetime | None = None,
                    since: datetime | None = None) -> dict[str, int]:
    """Load a simulator folder into the store tables (benchmark and test setup only).

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        A connection whose input tables exist (``create_input_tables`` or the Store).
    folder : path
        Output of ``features.simulate.simulate``.
    before, since : datetime, optional
        Load only rows earlier than ``before`` / at or after ``since`` (naive UTC): loading
        a simulation in time slices, as data would arrive.

    Returns
    -------
    dict
        Rows loaded per table.
    """
    folder = Path(folder)
    con.execute("SET TimeZone = 'UTC'")
    part = "all" if before is None and since is None else (
        f"before-{before:%Y%m%d%H%M%S}" if before is not None else f"since-{since:%Y%m%d%H%M%S}")
    window = "TRUE"
    params: list = []
    if before is not None:
        window += " AND t < ?"
        params.append(before)
    if since is not None:
        window += " AND t >= ?"
        params.append(since)
    counts = {}

    def run(table: str, select: str, source: str, columns: dict[str, str]) -> None:
        spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
        path = str(folder / source).replace("'", "''")
        before_n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute(
            f"INSERT INTO {table} BY NAME SELECT * EXCLUDE (t) FROM ("
            f"SELECT DISTINCT {select}, '{part}' AS batch_id FROM read_json('{path}', "
            f"format = 'newline_delimited', ignore_errors = true, columns = {spec})"
            f") WHERE t IS NOT NULL AND {window}",
            params,
        )
        counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before_n

    ts = _utc("timestamp")
    run("events", f"""
        {ts} AS t, {ts} AS timestamp, service, {_SEVERITY_SQL} AS severity, error_type,
        component, TRY_CAST(http_status AS INTEGER) AS http_status, http_method, http_route,
        TRY_CAST(duration_ms AS DOUBLE) AS duration_ms,
        CASE WHEN regexp_full_match(trace_id, '[0-9a-f]{{32}}') THEN trace_id END AS trace_id,
        CASE WHEN regexp_full_match(span_id, '[0-9a-f]{{16}}') THEN span_id END AS span_id,
        CASE WHEN regexp_full_match(parent_span_id, '[0-9a-f]{{16}}') THEN parent_span_id END
            AS parent_span_id,
        environment, region, zone, version,
        coalesce(event_id, md5(concat_ws('|', timestamp, service, message))) AS event_id,
        'sim:' || substr(md5(concat_ws('|', service, error_type, http_route)), 1, 12)
            AS fingerprint""",
        "events.jsonl",
        {"timestamp": "VARCHAR", "service": "VARCHAR", "severity": "VARCHAR",
         "message": "VARCHAR", "error_type": "VARCHAR", "component": "VARCHAR",
         "http_status": "VARCHAR", "http_method": "VARCHAR", "http_route": "VARCHAR",
         "duration_ms": "VARCHAR", "trace_id": "VARCHAR", "span_id": "VARCHAR",
         "parent_span_id": "VARCHAR", "environment": "VARCHAR", "region": "VARCHAR",
         "zone": "VARCHAR", "version": "VARCHAR", "event_id": "VARCHAR"})
    # a row's service must be present and its severity one of the contract's
    con.execute("DELETE FROM events WHERE service IS NULL OR severity NOT IN "
                "('DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL')")
    ts = _utc("timestamp")
    run("requests", f"{ts} AS t, {ts} AS timestamp, service, "
        "TRY_CAST(requests AS BIGINT) AS requests", "requests.jsonl",
        {"timestamp": "VARCHAR", "service": "VARCHAR", "requests": "VARCHAR"})
    ts = _utc("start")
    run("spans", f"{ts} AS t, {ts} AS start, trace_id, span_id, parent_span_id, service, "
        "operation, TRY_CAST(duration_ms AS DOUBLE) AS duration_ms, upper(status) AS status, "
        "error_type", "spans.jsonl",
        {"trace_id": "VARCHAR", "span_id": "VARCHAR", "parent_span_id": "VARCHAR",
         "service": "VARCHAR", "operation": "VARCHAR", "start": "VARCHAR",
         "duration_ms": "VARCHAR", "status": "VARCHAR", "error_type": "VARCHAR"})
    ts = _utc("deployed_at")
    run("deployments", f"{ts} AS t, {ts} AS deployed_at, service, version, environment",
        "deployments.jsonl",
        {"service": "VARCHAR", "version": "VARCHAR", "deployed_at": "VARCHAR",
         "environment": "VARCHAR"})
    if con.execute("SELECT count(*) FROM services").fetchone()[0] == 0:
        import yaml

        catalog = yaml.safe_load((folder / "catalog.yaml").read_text(encoding="utf-8"))
        rows = [(name, spec.get("team"), spec.get("tier"))
                for name, spec in (catalog.get("services") or {}).items()]
        con.executemany("INSERT INTO services (service, team, tier) VALUES (?, ?, ?)", rows)
        counts["services"] = len(rows)
    return counts


# --- the pandas twin of feat_service_minute ------------------------------------------------


def service_minute_pandas(events, requests, spans, services, start, end):
    """feat_service_minute computed with pandas groupby + resample (the baseline).

    The same work as the SQL: error counts per service and minute (``resample``), requests
    per minute, and the dense grid from each service's first minute in events, requests or
    spans (catalog services from ``start``).
    """
    import numpy as np
    import pandas as pd

    ev = events.copy()
    is_error = ev["severity"].isin(["ERROR", "FATAL"])
    is_5xx = ev["http_status"].between(500, 599).fillna(False).astype(bool)
    weight = ev["sample_weight"].fillna(1.0)
    ev["count_events"] = 1
    ev["count_warn"] = (ev["severity"] == "WARN").astype("int64")
    ev["count_errors"] = is_error.astype("int64")
    ev["count_fatal"] = (ev["severity"] == "FATAL").astype("int64")
    ev["count_5xx"] = is_5xx.astype("int64")
    ev["estimated_errors"] = np.where(is_error, weight, 0.0)
    ev["estimated_5xx"] = np.where(is_5xx, weight, 0.0)
    ev = ev.set_index("timestamp")
    grouped = ev.groupby("service").resample("1min")
    sums = grouped[["count_events", "count_warn", "count_errors", "count_fatal", "count_5xx",
                    "estimated_errors", "estimated_5xx"]].sum()
    sums = sums.reset_index().rename(columns={"timestamp": "minute"})

    req = requests.copy()
    req["minute"] = req["timestamp"].dt.floor("min")
    req = req.groupby(["service", "minute"], as_index=False)["requests"].sum()

    firsts = pd.concat([
        events.groupby("service")["timestamp"].min(),
        requests.groupby("service")["timestamp"].min(),
        spans.groupby("service")["start"].min(),
    ]).groupby(level=0).min().dt.floor("min")
    minutes = pd.date_range(start, end, freq="1min", inclusive="left")
    grids = []
    for service in sorted(set(firsts.index) | set(services)):
        first = minutes[0] if service in services else firsts[service]
        grids.append(pd.DataFrame({"service": service, "minute": minutes[minutes >= first]}))
    grid = pd.concat(grids, ignore_index=True)
    grid["minute"] = grid["minute"].astype(sums["minute"].dtype)
    out = grid.merge(sums, on=["service", "minute"], how="left")
    out = out.merge(req, on=["service", "minute"], how="left")
    for col in ["count_events", "count_warn", "count_errors", "count_fatal", "count_5xx"]:
        out[col] = out[col].fillna(0).astype("int64")
    for col in ["estimated_errors", "estimated_5xx"]:
        out[col] = out[col].fillna(0.0)
    out["has_requests"] = out["requests"].notna()
    positive = out["requests"] > 0
    out["error_rate"] = np.where(positive, out["estimated_errors"] / out["requests"], np.nan)
    out["rate_5xx"] = np.where(positive, out["estimated_5xx"] / out["requests"], np.nan)
    return out


SERVICE_MINUTE_COLUMNS = [
    "service", "minute", "count_events", "count_warn", "count_errors", "count_fatal",
    "count_5xx", "estimated_errors", "estimated_5xx", "requests", "has_requests",
    "error_rate", "rate_5xx",
]


def _check_same(duck, frame) -> None:
    """Stop unless both computations agree (a ratio between different results means nothing)."""
    import numpy as np

    frame = frame.sort_values(["service", "minute"]).reset_index(drop=True)
    duck = duck.sort_values(["service", "minute"]).reset_index(drop=True)
    if list(duck.columns) != SERVICE_MINUTE_COLUMNS:
        raise SystemExit(f"feat_service_minute has columns {list(duck.columns)}, "
                         f"the pandas twin computes {SERVICE_MINUTE_COLUMNS}")
    if len(duck) != len(frame) or list(duck["service"]) != list(frame["service"]):
        raise SystemExit("pandas and DuckDB disagree on the grid")
    if not (duck["minute"].to_numpy(dtype="datetime64[us]")
            == frame["minute"].to_numpy(dtype="datetime64[us]")).all():
        raise SystemExit("pandas and DuckDB disagree on the minutes")
    for column in SERVICE_MINUTE_COLUMNS[2:]:
        a = duck[column].to_numpy(dtype="float64", na_value=np.nan)
        b = frame[column].to_numpy(dtype="float64", na_value=np.nan)
        if not np.allclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True):
            raise SystemExit(f"pandas and DuckDB disagree on {column}")


# --- the benchmark -----------------------------------------------------------------------


def _child_build(db: str, memory_limit: str, sql_dir: str | None = None) -> None:
    """Run in a child process: one full feature build, then print its figures as JSON."""
    import duckdb

    from features.build import build_features

    con = duckdb.connect(db, config={"threads": 2, "memory_limit": memory_limit,
                                     "preserve_insertion_order": False})
    started = time.perf_counter()
    cpu_started = time.process_time()
    result = build_features(con, full=True, sql_dir=sql_dir)
    con.close()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_kb / 1024,
                      "rows": result.rows, "table_seconds": result.seconds,
                      "range": [str(result.range_start), str(result.range_end)]}))


def _median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--memory-limit", default="3GB",
                        help="DuckDB memory_limit for the feature build (it spills beyond it)")
    parser.add_argument("--builds", type=int, default=1,
                        help="full builds to run, each in a fresh child process")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each side of the DuckDB / pandas comparison (interleaved)")
    parser.add_argument("--sql-dir", default=None,
                        help="build from these feature definitions instead of features/sql "
                             "(an A/B against an older version: git archive it into a folder)")
    parser.add_argument("--reload", action="store_true",
                        help="reload the simulation even if a loaded database exists")
    args = parser.parse_args(argv)

    import duckdb

    from features.build import create_input_tables, load_models
    from features.simulate import simulate

    OUT.mkdir(parents=True, exist_ok=True)
    sim = OUT / f"sim-{args.scale:g}-{args.days}d-{args.services}s-{args.seed}"
    if not (sim / "truth.json").exists():
        started = time.perf_counter()
        simulate(sim, days=args.days, services=args.services, seed=args.seed,
                 scale=args.scale, value_truth=False)
        print(f"simulate: {time.perf_counter() - started:.1f} s", flush=True)
    db = OUT / f"features-{sim.name}.duckdb"
    loaded = db.with_suffix(".loaded.json")
    if args.reload or not loaded.exists():
        for path in (db, db.with_suffix(".duckdb.wal"), loaded):
            path.unlink(missing_ok=True)
        con = duckdb.connect(str(db))
        con.execute("SET threads = 2")
        create_input_tables(con)
        started = time.perf_counter()
        counts = load_simulation(con, sim)
        print(f"load: {time.perf_counter() - started:.1f} s, rows {counts}", flush=True)
        con.close()
        loaded.write_text(json.dumps(counts))
    counts = json.loads(loaded.read_text())

    builds = []
    for _ in range(max(1, args.builds)):
        load_before = os.getloadavg()[0]
        child = subprocess.run(
            [sys.executable, __file__, "--child-build", str(db), args.memory_limit,
             *([str(Path(args.sql_dir).resolve())] if args.sql_dir else [])],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )
        build = json.loads(child.stdout.strip().splitlines()[-1])
        build["load"] = (load_before, os.getloadavg()[0])
        builds.append(build)
        print(f"full feature build{' from ' + args.sql_dir if args.sql_dir else ''}: "
              f"{build['seconds']:.1f} s wall, {build['cpu_seconds']:.1f} s "
              f"CPU, peak {build['peak_mb']:.0f} MB, {sum(build['rows'].values())} rows in "
              f"{len(build['rows'])} tables (memory_limit {args.memory_limit}, load average "
              f"{build['load'][0]:.1f} before, {build['load'][1]:.1f} after)", flush=True)
        slowest = sorted(build["table_seconds"].items(), key=lambda kv: -kv[1])
        print("  per table: " + ", ".join(f"{k} {v:.1f} s" for k, v in slowest), flush=True)
    build = min(builds, key=lambda b: b["seconds"])

    # main aggregate: DuckDB SQL against pandas groupby + resample, same process, interleaved
    con = duckdb.connect(str(db), config={"threads": 2, "preserve_insertion_order": False})
    model = next(m for m in load_models(args.sql_dir) if m.name == "feat_service_minute")
    start, end = (datetime.fromisoformat(x) for x in build["range"])
    params = {"range_start": start, "range_end": end}
    events = con.sql("SELECT timestamp, service, severity, http_status, sample_weight "
                     "FROM events").df()
    requests = con.sql("SELECT timestamp, service, requests FROM requests").df()
    spans = con.sql("SELECT start, service FROM spans").df()
    services = {r[0] for r in con.execute("SELECT service FROM services").fetchall()}
    duck_runs: list[float] = []
    pandas_runs: list[float] = []
    load_before = os.getloadavg()[0]
    for run in range(max(1, args.repeat)):
        con.execute("DROP TABLE IF EXISTS duck_minute")
        started = time.perf_counter()
        con.execute(f"CREATE TEMP TABLE duck_minute AS SELECT * FROM (\n{model.sql}\n)", params)
        duck_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        frame = service_minute_pandas(events, requests, spans, services, start, end)
        pandas_runs.append(time.perf_counter() - started)
        if run == 0:
            _check_same(con.sql("SELECT * FROM duck_minute").df(), frame)
        del frame
    load_after = os.getloadavg()[0]
    (n_rows,) = con.execute("SELECT count(*) FROM duck_minute").fetchone()
    con.close()
    duck_seconds, pandas_seconds = _median(duck_runs), _median(pandas_runs)
    ratio = pandas_seconds / duck_seconds
    print(f"main per-minute aggregate ({n_rows} rows, every column equal): DuckDB "
          f"{', '.join(f'{x:.2f}' for x in duck_runs)} s, pandas "
          f"{', '.join(f'{x:.2f}' for x in pandas_runs)} s -> medians {duck_seconds:.2f} s vs "
          f"{pandas_seconds:.2f} s, DuckDB {ratio:.1f}x faster (best of each: "
          f"{min(pandas_runs) / min(duck_runs):.1f}x; load average {load_before:.1f} before, "
          f"{load_after:.1f} after)", flush=True)
    print()
    print("| scale | events | services x days | full build (12 tables) | build CPU | peak memory "
          "| feat_service_minute DuckDB | pandas groupby+resample | ratio | load avg |")
    print(f"| {args.scale:g} | {counts['events']:,} | {args.services} x {args.days} "
          f"| {build['seconds']:.1f} s | {build['cpu_seconds']:.1f} s | {build['peak_mb']:,.0f} MB "
          f"| {duck_seconds:.2f} s | {pandas_seconds:.2f} s | {ratio:.1f}x "
          f"| {build['load'][0]:.1f} / {load_before:.1f} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--child-build":
        os.environ.setdefault("OMP_NUM_THREADS", "2")
        _child_build(*sys.argv[2:])
        raise SystemExit(0)
    raise SystemExit(main())
