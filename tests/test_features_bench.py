"""The pandas twin of feat_service_minute in benchmarks/bench_features.py computes the same table.

The benchmark reports DuckDB against pandas only after checking both results equal; these tests
check on a small hand-made store that the twin agrees with the SQL (so the check passes for the
right reason) and that the check does stop on a difference.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from features.build import build_features, create_input_tables

T = datetime(2026, 3, 1, 10, 0)


def _bench_module():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_features.py"
    spec = importlib.util.spec_from_file_location("bench_features_twin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def store():
    con = duckdb.connect()
    create_input_tables(con)
    con.execute("INSERT INTO services (service) VALUES ('billing')")  # catalog, no data
    con.execute("""
        INSERT INTO events (timestamp, service, severity, http_status, sample_weight) VALUES
        (TIMESTAMP '2026-03-01 10:00:05', 'api', 'ERROR', 503, 4.0),
        (TIMESTAMP '2026-03-01 10:00:59', 'api', 'WARN', NULL, 1.0),
        (TIMESTAMP '2026-03-01 10:02:10', 'api', 'FATAL', 500, NULL),
        (TIMESTAMP '2026-03-01 10:03:00', 'db', 'ERROR', 404, 2.0)
    """)
    con.execute("""
        INSERT INTO requests (timestamp, service, requests) VALUES
        (TIMESTAMP '2026-03-01 10:00:00', 'api', 100),
        (TIMESTAMP '2026-03-01 10:02:00', 'api', 0),
        (TIMESTAMP '2026-03-01 10:03:00', 'db', 50)
    """)
    # 'web' exists only in spans, from 10:01: its grid starts there
    con.execute("INSERT INTO spans (trace_id, span_id, service, start, status) VALUES "
                "('t1', 's1', 'web', TIMESTAMP '2026-03-01 10:01:30', 'OK')")
    build_features(con)
    yield con
    con.close()


def _frames(con):
    events = con.sql("SELECT timestamp, service, severity, http_status, sample_weight "
                     "FROM events").df()
    requests = con.sql("SELECT timestamp, service, requests FROM requests").df()
    spans = con.sql("SELECT start, service FROM spans").df()
    return events, requests, spans


def test_pandas_twin_equals_the_sql(store):
    bench = _bench_module()
    events, requests, spans = _frames(store)
    frame = bench.service_minute_pandas(events, requests, spans, {"billing"}, T,
                                        datetime(2026, 3, 1, 10, 4))
    duck = store.sql("SELECT * FROM feat_service_minute").df()
    bench._check_same(duck, frame)  # raises SystemExit on any difference
    # hand-computed: api 10:00 has one ERROR of weight 4 over 100 requests
    api = frame[(frame["service"] == "api")].sort_values("minute").reset_index(drop=True)
    assert list(api["count_events"]) == [2, 0, 1, 0]
    assert api.loc[0, "error_rate"] == pytest.approx(0.04)
    assert api.loc[0, "count_warn"] == 1 and api.loc[2, "count_fatal"] == 1
    # 10:02 has zero requests: no rate; 10:01 has no requests row
    assert not bool(api.loc[1, "has_requests"]) and bool(api.loc[2, "has_requests"])
    assert frame[frame["service"] == "web"]["minute"].min() == datetime(2026, 3, 1, 10, 1)
    assert len(frame[frame["service"] == "billing"]) == 4
    assert len(duck) == 4 + 4 + 3 + 1  # api, billing, web from 10:01, db from 10:03


@pytest.mark.parametrize("column", ["count_fatal", "estimated_5xx", "has_requests", "minute"])
def test_check_same_stops_on_a_difference(store, column):
    bench = _bench_module()
    events, requests, spans = _frames(store)
    frame = bench.service_minute_pandas(events, requests, spans, {"billing"}, T,
                                        datetime(2026, 3, 1, 10, 4))
    duck = store.sql("SELECT * FROM feat_service_minute").df()
    row = frame.index[(frame["service"] == "api")][0]
    if column == "minute":
        frame.loc[row, "minute"] = datetime(2026, 3, 1, 9, 0)
    elif column == "has_requests":
        frame.loc[row, column] = not frame.loc[row, column]
    else:
        frame.loc[row, column] = frame.loc[row, column] + 1
    with pytest.raises(SystemExit, match="disagree"):
        bench._check_same(duck, frame)
