"""The feature build runner: modes, lineage, late data, failures, and causal baselines."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime

import duckdb
import pytest

from features.build import SQL_DIR, build_features, create_input_tables, load_models
from features.store import Store


def _con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_input_tables(con)
    return con


def _errors(con, service: str, stamps: list[str], batch: str) -> None:
    for stamp in stamps:
        con.execute(
            "INSERT INTO events (timestamp, service, severity, batch_id) VALUES (?, ?, 'ERROR', ?)",
            [stamp, service, batch],
        )


def test_lineage_records_sql_hashes_and_batches(tmp_path):
    with Store.open(tmp_path / "fl.duckdb") as store:
        _errors(store.con, "api", ["2026-03-01 10:00:10", "2026-03-01 10:03:00"], "b1")
        store.con.execute("INSERT INTO requests VALUES ('2026-03-01 10:00:00', 'api', 10, 'r1')")
        result = build_features(store)
        assert result.mode == "full" and result.reason == "first build"
        assert (result.range_start, result.range_end) == (
            datetime(2026, 3, 1, 10, 0), datetime(2026, 3, 1, 10, 4))
    # reopen the real file: everything is on disk
    with Store.open(tmp_path / "fl.duckdb", read_only=True) as store:
        con = store.con
        builds = con.execute("SELECT build_id, mode, range_start, range_end "
                             "FROM feature_builds").fetchall()
        assert builds == [(result.build_id, "full", datetime(2026, 3, 1, 10, 0),
                           datetime(2026, 3, 1, 10, 4))]
        hashes = dict(con.execute("SELECT model, sql_sha256 FROM feature_build_models").fetchall())
        for path in SQL_DIR.glob("feat_*.sql"):
            assert hashes[path.stem] == hashlib.sha256(path.read_bytes()).hexdigest()
        batches = con.execute("SELECT source_table, batch_id FROM feature_build_batches "
                              "ORDER BY 1, 2").fetchall()
        assert batches == [("events", "b1"), ("requests", "r1")]
        rows = dict(con.execute("SELECT model, count_rows FROM feature_build_models").fetchall())
        assert rows["feat_service_minute"] == 4  # api, 10:00..10:03


def test_up_to_date_then_new_minutes_then_late_rows():
    con = _con()
    _errors(con, "api", ["2026-03-01 10:00:10", "2026-03-01 11:00:00"], "b1")
    assert build_features(con).mode == "full"
    assert build_features(con).mode == "up_to_date"

    _errors(con, "api", ["2026-03-01 11:30:00"], "b2")  # new minutes
    result = build_features(con)
    assert result.mode == "incremental" and result.reason == "new minutes"
    # from the previous end (11:01) less the 15-minute trace lookahead, to after 11:30
    assert (result.range_start, result.range_end) == (
        datetime(2026, 3, 1, 10, 46), datetime(2026, 3, 1, 11, 31))

    _errors(con, "api", ["2026-03-01 10:20:30"], "b3")  # late: older than what was built
    result = build_features(con)
    assert result.mode == "incremental" and result.reason == "late rows in unread batches"
    assert result.range_start == datetime(2026, 3, 1, 10, 5)
    (late,) = con.execute("SELECT count_errors FROM feat_service_minute "
                          "WHERE minute = TIMESTAMP '2026-03-01 10:20:00'").fetchone()
    assert late == 1
    assert con.execute("SELECT count(*) FROM feature_builds").fetchone()[0] == 3


def test_changed_sql_forces_a_full_build(tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    con = _con()
    _errors(con, "api", ["2026-03-01 10:00:10"], "b1")
    build_features(con, sql_dir=sql_dir)
    path = sql_dir / "feat_latency_minute.sql"
    path.write_text(path.read_text() + "\n-- a comment changes the hash\n")
    result = build_features(con, sql_dir=sql_dir)
    assert result.mode == "full"
    assert "feat_latency_minute" in result.reason


def test_a_failing_build_leaves_tables_and_lineage_untouched(tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    con = _con()
    _errors(con, "api", ["2026-03-01 10:00:10"], "b1")
    build_features(con, sql_dir=sql_dir)
    before = con.execute("SELECT * FROM feat_service_minute").fetchall()
    _errors(con, "api", ["2026-03-01 10:05:00"], "b2")
    # a model that fails at run time (division by a string), placed last in the order
    (sql_dir / "feat_zz_broken.sql").write_text(
        "-- broken\nSELECT service, minute, CAST('x' AS INTEGER) AS boom FROM feat_model_input "
        "WHERE minute >= $range_start AND minute < $range_end\n")
    (sql_dir / "feat_zz_broken.yml").write_text(
        "name: feat_zz_broken\ngrain: x\ntime_column: minute\nunique_key: [service, minute]\n"
        "columns: {service: s, minute: m, boom: b}\n")
    with pytest.raises(duckdb.ConversionException):
        build_features(con, sql_dir=sql_dir)
    assert con.execute("SELECT * FROM feat_service_minute").fetchall() == before
    assert con.execute("SELECT count(*) FROM feature_builds").fetchone()[0] == 1
    assert "feat_zz_broken" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}


def test_explicit_range_rebuild():
    con = _con()
    _errors(con, "api", ["2026-03-01 10:00:10", "2026-03-01 10:09:00"], "b1")
    build_features(con)
    result = build_features(con, since=datetime(2026, 3, 1, 10, 2, 30),
                            until=datetime(2026, 3, 1, 10, 4, 10))
    assert result.mode == "range"
    assert (result.range_start, result.range_end) == (
        datetime(2026, 3, 1, 10, 2), datetime(2026, 3, 1, 10, 5))
    assert result.rows["feat_service_minute"] == 3
    with pytest.raises(ValueError, match="both since and until"):
        build_features(con, since=datetime(2026, 3, 1))
    with pytest.raises(ValueError, match="either full=True or since/until"):
        build_features(con, full=True, since=datetime(2026, 3, 1), until=datetime(2026, 3, 2))


def test_missing_inputs_and_bad_specs_are_explained(tmp_path):
    with pytest.raises(ValueError, match="lacks input tables"):
        build_features(duckdb.connect())
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    (sql_dir / "feat_a.sql").write_text("SELECT 1 AS minute FROM events")
    with pytest.raises(ValueError, match="has no feat_a.yml"):
        load_models(sql_dir)
    (sql_dir / "feat_a.yml").write_text("name: feat_a\ngrain: g\ntime_column: minute\n"
                                        "unique_key: [minute]\ncolumns: {minute: m}\ncolour: red\n")
    with pytest.raises(ValueError, match="unknown keys \\['colour'\\]"):
        load_models(sql_dir)
    (sql_dir / "feat_a.yml").write_text("name: feat_a\ngrain: g\ntime_column: minute\n"
                                        "unique_key: [minute]\ncolumns: {minute: m}\n")
    (sql_dir / "feat_a.sql").write_text("SELECT 1 AS minute FROM feat_missing")
    with pytest.raises(ValueError, match="no feat_\\*.sql file defines"):
        load_models(sql_dir)
    (sql_dir / "feat_a.sql").write_text("SELECT 1 AS minute FROM secrets")
    with pytest.raises(ValueError, match="may read only"):
        load_models(sql_dir)


def test_baselines_same_minute_yesterday_and_last_week():
    """Hand-computed: 8 days of one service, values planted at 10:00 on days 0, 1, 6, 7."""
    con = _con()
    # 100 requests every minute of 8 days, except at 10:00 of day 0 (200) and day 6 (50) and
    # day 7 (250)
    con.execute("""
        INSERT INTO requests
        SELECT TIMESTAMP '2026-03-01 00:00' + INTERVAL (m) MINUTE, 'api',
               CASE m WHEN 600 THEN 200 WHEN 6 * 1440 + 600 THEN 50
                      WHEN 7 * 1440 + 600 THEN 250 ELSE 100 END, 'r'
        FROM range(8 * 1440) AS t(m)""")
    _errors(con, "api", ["2026-03-01 10:00:01"] * 3 + ["2026-03-02 10:00:01"]
            + ["2026-03-08 10:00:01"] * 5, "e")
    build_features(con)
    got = con.execute("""
        SELECT minute, count_errors, errors_yesterday, errors_last_week, requests_yesterday,
               requests_last_week, requests_expected, requests_seasonal_ratio
        FROM feat_baseline_minute
        WHERE minute IN ('2026-03-01 10:00', '2026-03-02 10:00', '2026-03-08 10:00',
                         '2026-03-08 10:01')
        ORDER BY minute""").fetchall()
    assert got == [
        # day 0: no history at all
        (datetime(2026, 3, 1, 10, 0), 3, None, None, None, None, None, None),
        # day 1: yesterday had 3 errors and 200 requests; no last week -> expected 200
        (datetime(2026, 3, 2, 10, 0), 1, 3, None, 200, None, 200.0, 0.5),
        # day 7: yesterday (day 6) 0 errors, 50 requests; last week (day 0) 3 errors, 200
        # requests -> expected (50 + 200) / 2 = 125, ratio 250 / 125 = 2
        (datetime(2026, 3, 8, 10, 0), 5, 0, 3, 50, 200, 125.0, 2.0),
        # the next minute: everything 100 -> ratio 1
        (datetime(2026, 3, 8, 10, 1), 0, 0, 0, 100, 100, 100.0, 1.0),
    ]


def test_docs_name_every_feature_table():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "features.md").read_text()
    missing = [m.name for m in load_models() if f"`{m.name}`" not in text]
    assert missing == []


@pytest.mark.parametrize("keep_order", [True, False])
def test_the_callers_insertion_order_setting_comes_back(tmp_path, keep_order):
    con = _con()
    con.execute(f"SET preserve_insertion_order = {str(keep_order).lower()}")
    _errors(con, "api", ["2026-03-01 10:00:10"], "b1")
    assert build_features(con).mode == "full"
    setting = "SELECT current_setting('preserve_insertion_order')"
    assert con.execute(setting).fetchone()[0] is keep_order
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    (sql_dir / "feat_service_minute.sql").write_text(
        "SELECT CAST('x' AS INTEGER) AS minute WHERE $range_start < $range_end")
    _errors(con, "api", ["2026-03-01 10:05:00"], "b2")
    with pytest.raises(duckdb.ConversionException):
        build_features(con, sql_dir=sql_dir)  # a failed build restores it too
    assert con.execute(setting).fetchone()[0] is keep_order
