"""Every feature SQL file against the hand-made fixtures of its .yml (given rows -> expect rows).

The expected values are worked out by hand in each .yml, next to the rows (comments).
"""

from __future__ import annotations

import math
from datetime import datetime

import duckdb
import pytest

from features.build import INPUT_TABLES, build_features, create_input_tables, load_models

MODELS = load_models()
CASES = [
    pytest.param(model, case, id=f"{model.name}:{case['name']}")
    for model in MODELS
    for case in model.spec.get("tests", [])
]


def _load_given(con: duckdb.DuckDBPyConnection, given: dict) -> None:
    for table, rows in given.items():
        assert table in INPUT_TABLES, f"fixture names unknown input table {table}"
        for row in rows:
            columns = list(row)
            values = [_as_text(row[c]) for c in columns]
            placeholders = ", ".join("?" for _ in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            con.execute(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", values)


def _as_text(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value


def _same(actual, expected) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(actual, datetime):
        return actual.strftime("%Y-%m-%d %H:%M:%S") == _as_text(expected)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return math.isclose(float(actual), float(expected), rel_tol=1e-9, abs_tol=1e-12)
    return actual == expected


def test_every_model_has_a_yml_test():
    untested = [m.name for m in MODELS if not m.spec.get("tests")]
    assert untested == []


@pytest.mark.parametrize(("model", "case"), CASES)
def test_model_fixture(model, case):
    con = duckdb.connect()
    create_input_tables(con)
    _load_given(con, case["given"])
    build_features(con, full=True)
    expected = case["expect"]
    columns = sorted({c for row in expected for c in row})
    key = list(model.unique_key)
    got = con.execute(
        f"SELECT {', '.join(columns)} FROM {model.name} ORDER BY {', '.join(key)}"
    ).fetchall()
    got_rows = [dict(zip(columns, r, strict=True)) for r in got]
    if case.get("match") == "subset":
        wanted = {tuple(_as_text(row[k]) for k in key) for row in expected}
        got_rows = [r for r in got_rows if tuple(_as_text(_key(r[k])) for k in key) in wanted]
    assert len(got_rows) == len(expected), (
        f"{model.name}: {len(got_rows)} rows, expected {len(expected)}: {got_rows}"
    )
    for actual, want in zip(got_rows, expected, strict=True):
        wrong = {c: (actual[c], want[c]) for c in want if not _same(actual[c], want[c])}
        assert not wrong, f"{model.name} row {want}: (actual, expected) {wrong}"


def _key(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value
