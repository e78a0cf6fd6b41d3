"""features.frames: feature tables as polars or pandas frames, filtered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import duckdb
import pandas as pd
import polars as pl
import pytest

from features.build import build_features, create_input_tables
from features.frames import feature_frame, feature_names
from features.store import Store


@pytest.fixture
def con():
    con = duckdb.connect()
    create_input_tables(con)
    con.execute("""INSERT INTO events (timestamp, service, severity, trace_id, span_id,
                                       parent_span_id) VALUES
        ('2026-03-01 10:00:05', 'api', 'ERROR', 't', 'a', NULL),
        ('2026-03-01 10:00:06', 'db', 'ERROR', 't', 'b', 'a'),
        ('2026-03-01 10:03:00', 'web', 'ERROR', NULL, NULL, NULL)""")
    con.execute("""INSERT INTO spans (trace_id, span_id, parent_span_id, service, operation,
                                      start, duration_ms, status) VALUES
        ('t', 'a', NULL, 'api', 'GET /', '2026-03-01 10:00:04', 9.0, 'ERROR'),
        ('t', 'b', 'a', 'db', 'query', '2026-03-01 10:00:05', 3.0, 'ERROR')""")
    build_features(con)
    return con


def test_service_and_time_filters(con):
    frame = feature_frame(con, "feat_service_minute", service=["api", "web"],
                          start=datetime(2026, 3, 1, 10, 1), end="2026-03-01T10:04")
    assert isinstance(frame, pl.DataFrame)
    # api exists from 10:00, web from 10:03; rows 10:01..10:03 for api, 10:03 for web
    assert frame.select("service", "minute", "count_errors").rows() == [
        ("api", datetime(2026, 3, 1, 10, 1), 0),
        ("api", datetime(2026, 3, 1, 10, 2), 0),
        ("api", datetime(2026, 3, 1, 10, 3), 0),
        ("web", datetime(2026, 3, 1, 10, 3), 1),
    ]


def test_aware_times_are_converted_to_utc(con):
    plus_two = timezone(timedelta(hours=2))
    frame = feature_frame(con, "feat_service_minute", service="api",
                          start=datetime(2026, 3, 1, 12, 0, tzinfo=plus_two),
                          end=datetime(2026, 3, 1, 10, 1, tzinfo=UTC))
    assert frame["minute"].to_list() == [datetime(2026, 3, 1, 10, 0)]


def test_pandas_and_edges(con):
    frame = feature_frame(con, "feat_call_edge_minute", service="db", as_="pandas")
    assert isinstance(frame, pd.DataFrame)
    assert frame[["caller", "callee", "count_error_calls"]].values.tolist() == [["api", "db", 1]]
    assert feature_frame(con, "feat_call_edge_minute", service="web").height == 0


def test_model_input_is_the_default(con):
    frame = feature_frame(con)
    assert "errors_ewma" in frame.columns and frame.height == 4 + 4 + 1  # api, db, web


def test_errors_teach(con):
    with pytest.raises(ValueError, match="feature tables are"):
        feature_frame(con, "events")
    with pytest.raises(ValueError, match="as_ must be"):
        feature_frame(con, as_="arrow")
    with pytest.raises(ValueError, match="ISO 8601") as info:
        feature_frame(con, start="yesterday-ish secret")
    assert "secret" not in str(info.value)  # never echo the value
    fresh = duckdb.connect()
    create_input_tables(fresh)
    with pytest.raises(ValueError, match="has not been built"):
        feature_frame(fresh, "feat_model_input")


def test_reads_a_store_file_by_path(tmp_path):
    path = tmp_path / "fl.duckdb"
    with Store.open(path) as store:
        store.con.execute("INSERT INTO events (timestamp, service, severity) "
                          "VALUES ('2026-03-01 10:00:05', 'api', 'FATAL')")
        build_features(store)
    frame = feature_frame(path, "feat_service_minute")
    assert frame.select("count_fatal").item() == 1
    assert feature_names()[-1] == "feat_model_input"
