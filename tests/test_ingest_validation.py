"""The Great Expectations suite: which rows fail, at the edges of each check."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest

from features.ingest.validation import Validator


def _frame(timestamps: list[object], **cols: list[object]) -> pd.DataFrame:
    n = len(timestamps)
    base = {
        "timestamp": timestamps,
        "service": ["checkout"] * n,
        "message": ["m"] * n,
        "severity": ["ERROR"] * n,
        "http_status": [503] * n,
        "trace_id": [None] * n,
        "span_id": [None] * n,
        "parent_span_id": [None] * n,
        "duration_ms": [1.0] * n,
        "stack_trace": ["not checked, any text"] * n,
    }
    base.update(cols)
    return pd.DataFrame(base)


@pytest.mark.parametrize("tz", [None, "UTC", "Europe/Paris"])
def test_timestamp_window_edges(tz):
    stamps = pd.to_datetime([
        "1999-12-31 23:59:59.999999", "2000-01-01 00:00:00", "2026-03-01 10:00:00",
        None, (datetime.now() + timedelta(days=2)).isoformat(),
    ], format="ISO8601")
    if tz is not None:
        stamps = stamps.tz_localize("UTC").tz_convert(tz)
    out = Validator().validate("events", _frame(list(stamps)))
    assert out.failed == {
        0: ("timestamp_out_of_window", "timestamp"),
        3: ("missing_required", "timestamp"),
        4: ("timestamp_out_of_window", "timestamp"),
    }


def test_configured_window_is_honoured():
    v = Validator(not_before=datetime(2026, 3, 1), max_future=timedelta(0))
    stamps = pd.to_datetime(["2026-02-28 23:59:59", "2026-03-01 00:00:00"])
    assert v.validate("events", _frame(list(stamps))).failed == {0: ("timestamp_out_of_window", "timestamp")}


def test_each_check_names_its_row_and_column():
    frame = _frame(
        list(pd.to_datetime(["2026-03-01"] * 6)),
        severity=["ERROR", "LOUD", "ERROR", "ERROR", "ERROR", "ERROR"],
        http_status=[503, 503, 99, 600, 503, 503],
        trace_id=[None, None, None, None, "0" * 32, "4bf92f3577b34da6a3ce929d0e0e4736"],
        duration_ms=[1.0, 1.0, 1.0, 1.0, 1.0, -1.0],
    )
    out = Validator(catalog_services=["cart"]).validate("events", frame)
    assert {i: reason for i, (reason, _col) in out.failed.items()} == {
        1: "bad_severity", 2: "bad_http_status", 3: "bad_http_status", 4: "bad_trace_id",
        5: "negative_duration",
    }
    assert out.warnings == {"service_not_in_catalog": 6}


def test_null_only_columns_keep_their_nulls_and_nothing_else_matters():
    # message is checked only for nulls and reaches GE as 1.0/NaN: a missing, empty, odd or
    # very long message gives the same rows as the real values would
    messages = [None, "", "x" * 100_000, float("nan"), "ok", "null"]
    frame = _frame(list(pd.to_datetime(["2026-03-01"] * 6)), message=messages,
                   severity=["ERROR", "ERROR", "LOUD", "ERROR", "ERROR", "ERROR"])
    out = Validator().validate("events", frame)
    assert out.failed == {0: ("missing_required", "message"), 2: ("bad_severity", "severity"),
                          3: ("missing_required", "message")}


def test_unused_great_expectations_dependencies_are_deferred():
    # in a fresh process (this one may have imported scipy already): validating leaves
    # scipy.stats and altair as stand-ins, and reading one gives the real module
    import subprocess
    import sys

    code = """
import sys
import pandas as pd
from features.ingest.validation import Validator, _Deferred
frame = pd.DataFrame({"timestamp": pd.to_datetime(["2026-03-01 10:00", "1999-01-01 00:00"]),
                      "service": ["a", "b"], "message": ["x", "y"]})
out = Validator().validate("events", frame)
assert out.failed == {1: ("timestamp_out_of_window", "timestamp")}, out.failed
assert all(isinstance(sys.modules[m], _Deferred) for m in ("scipy.stats", "altair"))
stats = sys.modules["scipy.stats"]
assert abs(stats.entropy([0.5, 0.5]) - 0.6931471805599453) < 1e-12
assert not isinstance(sys.modules["scipy.stats"], _Deferred)
print("ok")
"""
    env = {**__import__("os").environ, "GX_ANALYTICS_ENABLED": "false"}
    env.pop("FAULTLINE_EAGER_IMPORTS", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
