"""Contract v1: timestamps, ids, types, the generated JSON Schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from features.contract import (
    COMPANION_FIELDS,
    EVENT_FIELDS,
    ContractError,
    content_hash,
    event_json_schema,
    field_names,
    is_span_id,
    is_trace_id,
    normalize_event,
    normalize_record,
    parse_timestamp,
)

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "features" / "schemas"

BASE = {"timestamp": "2026-03-01T10:00:00Z", "service": "checkout", "message": "boom"}


# --- timestamps ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-03-01T10:00:00Z", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        ("2026-03-01T10:00:00z", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        ("2026-03-01T12:00:00+02:00", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        ("2026-03-01T05:30:00-04:30", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        ("2026-03-01 10:00:00+0000", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        ("2026-03-01T10:00:00.123456789Z", datetime(2026, 3, 1, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2026-03-01T10:00:00,5Z", datetime(2026, 3, 1, 10, 0, 0, 500000, tzinfo=UTC)),
        ("2026-03-01T10:00", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # naive: read as UTC
        ("2026-12-31T23:59:60Z", datetime(2027, 1, 1, 0, 0, tzinfo=UTC)),  # leap second
        (1772359200000, datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # epoch ms (the contract's unit)
        ("1772359200000", datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),
        (1772359200, datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # epoch seconds
        (1772359200.5, datetime(2026, 3, 1, 10, 0, 0, 500000, tzinfo=UTC)),
        (1772359200000000, datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # microseconds
        (1772359200000000000, datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # nanoseconds
    ],
)
def test_parse_timestamp_accepts_real_styles(raw, expected):
    assert parse_timestamp(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "   ", None, "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
     "2026-03-01T25:00:00Z", "2026-03-01T10:00:00+25:00", -5, float("nan"), float("inf"),
     True, [1], {"t": 1}],
)
def test_parse_timestamp_rejects_bad_values(raw):
    with pytest.raises(ContractError) as err:
        parse_timestamp(raw)
    assert err.value.field == "timestamp"


def test_error_message_never_echoes_value():
    secret = "jane.doe@example.com"
    with pytest.raises(ContractError) as err:
        parse_timestamp(secret)
    assert secret not in str(err.value)
    with pytest.raises(ContractError) as err:
        normalize_event({**BASE, "http_status": secret})
    assert secret not in str(err.value)


# Epoch units are read from the magnitude, which is unambiguous for instants between
# 1973-03-03 (1e11 ms) and 5138 (1e11 s): the range any error telemetry lives in.
@given(st.datetimes(min_value=datetime(1973, 3, 4), max_value=datetime(2200, 1, 1),
                    timezones=st.just(UTC)))
def test_rfc3339_and_epoch_ms_round_trip(dt):
    dt = dt.replace(microsecond=(dt.microsecond // 1000) * 1000)
    assert parse_timestamp(dt.isoformat()) == dt
    assert parse_timestamp(dt.isoformat().replace("+00:00", "Z")) == dt
    epoch_ms = (dt - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    assert parse_timestamp(epoch_ms) == dt
    assert parse_timestamp(str(epoch_ms)) == dt


@given(st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_any_offset_gives_same_instant(offset_minutes):
    from datetime import timedelta, timezone

    instant = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    local = instant.astimezone(timezone(timedelta(minutes=offset_minutes)))
    assert parse_timestamp(local.isoformat()) == instant


# --- ids -------------------------------------------------------------------------

def test_id_formats():
    assert is_trace_id("4bf92f3577b34da6a3ce929d0e0e4736")
    assert not is_trace_id("0" * 32)  # W3C: all-zero is invalid
    assert not is_trace_id("4bf92f3577b34da6a3ce929d0e0e473")  # 31 chars
    assert not is_trace_id("4BF92F3577B34DA6A3CE929D0E0E4736")  # upper case is repaired earlier
    assert is_span_id("00f067aa0ba902b7")
    assert not is_span_id("00f067aa0ba902bz")


def test_ids_are_repaired_not_rejected():
    ev, notes = normalize_event({**BASE, "trace_id": "4BF92F35-77B3-4DA6-A3CE-929D0E0E4736"})
    assert ev["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert "trace_id_repaired" in notes


# --- events ----------------------------------------------------------------------

def test_normalize_event_types_and_defaults():
    ev, notes = normalize_event(
        {**BASE, "http_status": "503", "duration_ms": "12.5", "severity": None,
         "attributes": '{"k": "v"}', "region": "", "custom_field": 3}
    )
    assert ev["http_status"] == 503
    assert ev["duration_ms"] == 12.5
    assert ev["severity"] == "ERROR" and "severity_default" in notes
    assert ev["attributes"] == {"k": "v"}
    assert "region" not in ev  # empty optional values are dropped
    assert ev["custom_field"] == 3  # unknown keys are kept for the anonymizer to scan


@pytest.mark.parametrize(
    ("sev", "canon"),
    [("error", "ERROR"), ("Warning", "WARN"), ("CRITICAL", "FATAL"), ("fatal", "FATAL"),
     ("err", "ERROR"), ("info", "INFO")],
)
def test_severity_aliases(sev, canon):
    assert normalize_event({**BASE, "severity": sev})[0]["severity"] == canon


@pytest.mark.parametrize(
    ("patch", "field", "reason"),
    [
        ({"timestamp": None}, "timestamp", "missing_required"),
        ({"service": "  "}, "service", "missing_required"),
        ({"severity": "LOUD"}, "severity", "bad_severity"),
        ({"http_status": "five hundred"}, "http_status", "bad_type"),
        ({"http_status": True}, "http_status", "bad_type"),
        ({"duration_ms": "fast"}, "duration_ms", "bad_type"),
        ({"attributes": "[1, 2]"}, "attributes", "bad_type"),
        ({"message": {"nested": 1}}, "message", "bad_type"),
        ({"timestamp": "not a time"}, "timestamp", "bad_timestamp"),
    ],
)
def test_normalize_event_rejects(patch, field, reason):
    raw = {**BASE, **patch}
    raw = {k: v for k, v in raw.items() if not (k == "timestamp" and v is None)}
    with pytest.raises(ContractError) as err:
        normalize_event(raw)
    assert err.value.field == field
    assert err.value.reason == reason


def test_missing_message_rejected_but_null_message_is_empty():
    with pytest.raises(ContractError):
        normalize_event({"timestamp": BASE["timestamp"], "service": "s"})
    ev, notes = normalize_event({**BASE, "message": None})
    assert ev["message"] == "" and "message_null" in notes
    assert normalize_event({**BASE, "message": ""})[0]["message"] == ""


def test_not_an_object():
    for raw in ([1, 2], "text", 3, None):
        with pytest.raises(ContractError) as err:
            normalize_event(raw)
        assert err.value.reason == "not_an_object"


def test_content_hash_ignores_spelling_and_event_id():
    a, _ = normalize_event({**BASE, "timestamp": "2026-03-01T12:00:00+02:00", "event_id": "x"})
    b, _ = normalize_event({**BASE, "timestamp": 1772359200000})
    assert content_hash(a) == content_hash(b)
    c, _ = normalize_event({**BASE, "message": "other"})
    assert content_hash(a) != content_hash(c)


# --- companions ------------------------------------------------------------------

def test_companion_records():
    row, _ = normalize_record({"timestamp": "2026-03-01T10:00:00Z", "service": "s", "requests": "42"},
                              "requests")
    assert row["requests"] == 42
    inc, _ = normalize_record(
        {"incident_id": "INC-1", "title": "t", "severity": "P2", "services": "a, b",
         "started_at": 1772359200000, "resolved_at": ""}, "incidents")
    assert inc["services"] == ["a", "b"] and "resolved_at" not in inc
    span, notes = normalize_record(
        {"trace_id": "4BF92F3577B34DA6A3CE929D0E0E4736", "span_id": "00f067aa0ba902b7",
         "service": "s", "operation": "GET /", "start": "2026-03-01T10:00:00Z",
         "duration_ms": 3, "status": "OK"}, "spans")
    assert span["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736" and "trace_id_case" in notes
    with pytest.raises(ContractError) as err:
        normalize_record({"service": "s", "version": "1"}, "deployments")
    assert err.value.field == "deployed_at"
    with pytest.raises(ValueError, match="known kinds"):
        field_names("metrics")


# --- JSON Schema -----------------------------------------------------------------

@pytest.mark.parametrize("kind", ["events", *COMPANION_FIELDS])
def test_committed_schema_matches_generated(kind):
    committed = json.loads((SCHEMA_DIR / f"{kind}.v1.schema.json").read_text())
    assert committed == event_json_schema(kind), (
        "regenerate with: python -m features.contract"
    )


def test_schema_accepts_valid_and_rejects_invalid_event():
    schema = event_json_schema()
    jsonschema.validate({**BASE, "http_status": 503, "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"},
                        schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"service": "s", "message": "m"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**BASE, "http_status": 700}, schema)


def test_event_fields_cover_design_table():
    names = [f.name for f in EVENT_FIELDS]
    assert names[:3] == ["timestamp", "service", "message"]
    assert {"user_id", "session_id", "client_ip"} == {f.name for f in EVENT_FIELDS if f.is_personal}
    assert len(names) == len(set(names)) == 24
