"""Incremental builds give exactly what a full rebuild gives (hypothesis, random splits).

Two ways of building in pieces are compared with one full build over the same data:

- explicit ranges: all data loaded, then ``build_features(since=..., until=...)`` over
  consecutive ranges cut at random minutes;
- arriving data: the data is loaded batch by batch (cut at random instants, optionally with
  some rows arriving one batch late), with a default (incremental) build after each batch.
"""

from __future__ import annotations

import importlib.util
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from features.build import build_features, create_input_tables, load_models

T0 = datetime(2026, 3, 1)
MINUTES = 26 * 60  # long enough for "same minute yesterday"
MODELS = load_models()


def _bench_module():
    """The benchmark's simulator loader (benchmarks/ is not a package)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_features.py"
    spec = importlib.util.spec_from_file_location("bench_features", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def simulate_rows(seed: int) -> list[tuple[str, datetime, dict]]:
    """A small random system: (input table, time, row) triples, in no particular order."""
    rng = random.Random(seed)
    rows: list[tuple[str, datetime, dict]] = []

    def at(minute: float) -> datetime:
        return T0 + timedelta(seconds=round(minute * 60, 3))

    def event(t: datetime, service: str, **extra) -> None:
        row = {
            "event_id": f"e{len(rows)}",
            "timestamp": t,
            "service": service,
            "severity": rng.choice(["ERROR", "ERROR", "WARN", "FATAL"]),
            "http_status": rng.choice([None, 500, 503, 404]),
            "duration_ms": rng.choice([None, rng.uniform(1, 900)]),
            "component": rng.choice([None, "GET /a", "POST /b"]),
            "error_type": rng.choice([None, "Timeout", "IOError"]),
            "fingerprint": rng.choice([None, "f1", "f2", "f3", "f4"]),
            "sample_weight": rng.choice([1.0, 1.0, 4.0]),
        }
        row.update(extra)
        rows.append(("events", t, row))

    web_start = rng.uniform(0, MINUTES)
    for _ in range(rng.randint(60, 160)):
        service = rng.choice(["api", "db", "web"])
        minute = rng.uniform(web_start if service == "web" else 0, MINUTES)
        event(at(minute), service)
    # bursts so that rolling windows and "yesterday" see non-zero history
    for centre in (rng.uniform(0, 200), rng.uniform(1440, MINUTES)):
        for _ in range(rng.randint(5, 20)):
            event(at(centre + rng.uniform(0, 3)), "api")
    for trace in range(rng.randint(60, 120)):
        tid = f"t{trace}"
        root_min = rng.uniform(0, MINUTES - 5)
        root_err = rng.random() < 0.6
        rows.append(("spans", at(root_min), {
            "trace_id": tid, "span_id": f"{tid}a", "parent_span_id": None, "service": "api",
            "operation": "GET /x", "start": at(root_min), "duration_ms": rng.uniform(5, 500),
            "status": "ERROR" if root_err else "OK", "error_type": None,
        }))
        for attempt in range(rng.choice([1, 1, 2, 3])):
            child_min = root_min + rng.uniform(0, 3) + attempt * rng.uniform(0, 2)
            child_err = root_err and rng.random() < 0.7
            span_id = f"{tid}b{attempt}"
            rows.append(("spans", at(child_min), {
                "trace_id": tid, "span_id": span_id, "parent_span_id": f"{tid}a",
                "service": "db", "operation": "query", "start": at(child_min),
                "duration_ms": rng.uniform(1, 300), "status": "ERROR" if child_err else "OK",
                "error_type": "Timeout" if child_err else None,
            }))
            if child_err and rng.random() < 0.7:
                event(at(child_min + 0.01), "db", trace_id=tid, span_id=span_id,
                      parent_span_id=f"{tid}a", severity="ERROR")
        if rng.random() < 0.3:  # an event-only error span in another service
            event(at(root_min + rng.uniform(0, 2)), "web", trace_id=tid, span_id=f"{tid}w",
                  parent_span_id=f"{tid}a", severity="ERROR")
    for minute in range(MINUTES):
        rows.append(("requests", at(minute), {
            "timestamp": at(minute), "service": "api", "requests": rng.randint(50, 150)}))
        if rng.random() < 0.5:
            rows.append(("requests", at(minute), {
                "timestamp": at(minute), "service": "db", "requests": rng.choice([0, 20, 40])}))
    for i in range(rng.randint(1, 4)):
        t = at(rng.uniform(0, MINUTES))
        rows.append(("deployments", t, {
            "service": rng.choice(["api", "db"]), "version": f"v{i}", "deployed_at": t,
            "environment": "prod"}))
    return rows


def load(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, datetime, dict]], batch: str):
    by_table: dict[str, list[dict]] = {}
    for table, _, row in rows:
        by_table.setdefault(table, []).append({**row, "batch_id": batch})
    for table, items in by_table.items():
        # every row with every key: from_pylist takes its columns from the first row only
        keys = sorted({k for item in items for k in item})
        frame = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB below
            [{k: item.get(k) for k in keys} for item in items])
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")


def fresh(catalog: bool = True) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_input_tables(con)
    if catalog:
        con.execute("INSERT INTO services (service, tier) VALUES ('api', 1), ('pay', 2)")
    return con


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    out = {}
    for model in MODELS:
        key = ", ".join(model.unique_key)
        out[model.name] = con.execute(f"SELECT * FROM {model.name} ORDER BY {key}").fetchall()
    return out


def assert_same(full: dict[str, list[tuple]], pieces: dict[str, list[tuple]]) -> None:
    for name, expected in full.items():
        got = pieces[name]
        assert len(got) == len(expected), f"{name}: {len(got)} rows, full build has {len(expected)}"
        for a, b in zip(got, expected, strict=True):
            for x, y in zip(a, b, strict=True):
                if isinstance(x, float) and isinstance(y, float):
                    assert math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9), (name, a, b)
                else:
                    assert x == y, (name, a, b)


def cut_points(fractions: list[float], rng: random.Random) -> list[datetime]:
    """Random instants (not whole minutes) inside the simulated period, sorted."""
    return sorted(T0 + timedelta(minutes=f * MINUTES, seconds=rng.uniform(0, 59))
                  for f in fractions)


split_strategy = st.lists(st.floats(0.02, 0.98), min_size=1, max_size=3)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), fractions=split_strategy)
def test_range_builds_equal_full_build(seed, fractions):
    rows = simulate_rows(seed)
    full = fresh()
    load(full, rows, "b1")
    result = build_features(full, full=True)
    expected = snapshot(full)

    pieces = fresh()
    load(pieces, rows, "b1")
    cuts = [result.range_start] + [
        c.replace(second=0, microsecond=0) for c in cut_points(fractions, random.Random(seed))
    ] + [result.range_end]
    for since, until in zip(cuts, cuts[1:], strict=False):
        if until > since:
            build_features(pieces, since=since, until=until)
    assert_same(expected, snapshot(pieces))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), fractions=split_strategy, late=st.booleans())
def test_incremental_builds_as_data_arrives_equal_full_build(seed, fractions, late):
    rows = simulate_rows(seed)
    full = fresh()
    load(full, rows, "all")
    build_features(full, full=True)
    expected = snapshot(full)

    rng = random.Random(seed + 1)
    cuts = cut_points(fractions, rng)
    batches: list[list[tuple[str, datetime, dict]]] = [[] for _ in range(len(cuts) + 1)]
    for row in rows:
        index = sum(row[1] >= c for c in cuts)
        if late and index < len(cuts) and rng.random() < 0.1:
            index += 1  # arrives one batch late, older than what is already built
        batches[index].append(row)
    pieces = fresh()
    modes = []
    for number, batch in enumerate(batches):
        load(pieces, batch, f"b{number}")
        modes.append(build_features(pieces).mode)
    assert modes[0] == "full"
    assert set(modes[1:]) <= {"incremental", "up_to_date"}
    assert_same(expected, snapshot(pieces))


def test_feature_keys_are_unique():
    con = fresh()
    load(con, simulate_rows(11), "b1")
    build_features(con, full=True)
    for model in MODELS:
        key = ", ".join(model.unique_key)
        (dupes,) = con.execute(
            f"SELECT count(*) FROM (SELECT {key} FROM {model.name} GROUP BY ALL "
            "HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == 0, model.name


def test_dense_tables_share_the_grid():
    con = fresh()
    load(con, simulate_rows(5), "b1")
    build_features(con, full=True)
    (grid,) = con.execute("SELECT count(*) FROM feat_service_minute").fetchone()
    # 'pay' is catalog-only: rows for every minute, all zero
    (pay,) = con.execute(
        "SELECT count(*) FROM feat_service_minute WHERE service = 'pay' AND count_events = 0"
    ).fetchone()
    assert pay == MINUTES
    for model in MODELS:
        if model.unique_key == ("service", "minute"):
            (n,) = con.execute(f"SELECT count(*) FROM {model.name}").fetchone()
            assert n == grid, model.name


@pytest.mark.parametrize("seed", [3])
def test_simulator_data_incremental_equals_full(seed, tmp_path):
    """The project's simulator, loaded in two time batches, built incrementally."""
    from features.simulate import simulate

    load_simulation = _bench_module().load_simulation

    simulate(tmp_path / "sim", days=1, services=4, seed=seed, scale=0.02)
    full = duckdb.connect()
    create_input_tables(full)
    load_simulation(full, tmp_path / "sim")
    build_features(full, full=True)
    expected = snapshot(full)

    (middle,) = full.execute(
        "SELECT min(timestamp) + (max(timestamp) - min(timestamp)) / 2 FROM events"
    ).fetchone()
    pieces = duckdb.connect()
    create_input_tables(pieces)
    load_simulation(pieces, tmp_path / "sim", before=middle)
    assert build_features(pieces).mode == "full"
    load_simulation(pieces, tmp_path / "sim", since=middle)
    assert build_features(pieces).mode == "incremental"
    assert_same(expected, snapshot(pieces))


def test_child_span_arriving_in_the_next_batch_reclassifies_its_parent():
    """The parent's minute was built before its erroring child arrived: rebuilt later."""
    con = fresh(catalog=False)
    parent = {"trace_id": "t", "span_id": "p", "parent_span_id": None, "service": "api",
              "operation": "GET /", "start": datetime(2026, 3, 1, 10, 0, 50),
              "duration_ms": 30.0, "status": "ERROR", "error_type": None}
    child = {"trace_id": "t", "span_id": "c", "parent_span_id": "p", "service": "db",
             "operation": "query", "start": datetime(2026, 3, 1, 10, 1, 10),
             "duration_ms": 20.0, "status": "ERROR", "error_type": "Timeout"}
    load(con, [("spans", parent["start"], parent)], "b1")
    build_features(con)
    query = ("SELECT count_errors_originated, count_errors_propagated FROM "
             "feat_trace_propagation WHERE service = 'api' AND minute = TIMESTAMP "
             "'2026-03-01 10:00:00'")
    assert con.execute(query).fetchall() == [(1, 0)]  # nothing below it yet
    load(con, [("spans", child["start"], child)], "b2")
    assert build_features(con).mode == "incremental"
    assert con.execute(query).fetchall() == [(0, 1)]  # the error came from db
    (edges,) = con.execute("SELECT count(*) FROM feat_call_edge_minute").fetchone()
    assert edges == 1
