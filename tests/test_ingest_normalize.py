"""The vectorized normalization path agrees with the contract's exact path, row for row."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from features.ingest.normalize import Normalizer

FAST = Normalizer()
EXACT = Normalizer(use_fast_path=False)

_hex = "0123456789abcdefABCDEF"
_ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:"


def mostly(valid, weird):
    """Valid values four times out of five, so that both paths see plenty of rows."""
    return st.one_of(valid, valid, valid, valid, weird)


good_ts = st.builds(
    lambda y, mo, d, h, mi, s, frac, tz, sep: (
        f"{y:04d}-{mo:02d}-{d:02d}{sep}{h:02d}:{mi:02d}:{s:02d}{frac}{tz}"),
    st.integers(2001, 2026), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23),
    st.integers(0, 59), st.integers(0, 59),
    st.sampled_from(["", ".5", ".123", ",250", ".123456", ".123456789"]),
    st.sampled_from(["", "Z", "z", "+02:00", "-05:30", "+00:00"]),
    st.sampled_from(["T", " ", "t"]),
)
odd_ts = st.one_of(
    st.builds(lambda d, h, s, tz: f"2026-02-{d:02d}T{h:02d}:00:{s:02d}{tz}",
              st.integers(27, 31), st.integers(22, 24), st.integers(58, 60),
              st.sampled_from(["+24:00", " UTC", "+0200", "+23:59", "-00:61"])),
    st.integers(0, 4 * 10**17), st.floats(0, 2e12, allow_nan=False),
    st.sampled_from(["1772359200000", "", "  ", "yesterday", None, True]),
)
timestamps = mostly(st.one_of(good_ts, st.integers(10**9, 2 * 10**15)), odd_ts)
words = st.text(_ascii, min_size=1, max_size=12)
strings = mostly(words, st.one_of(
    st.text(max_size=6), st.sampled_from(["", "  ", "\t", "\u00a0x", "x ", " y"]),
    st.integers(-5, 5), st.none(), st.booleans()))
ids = mostly(st.text(_hex + "-", min_size=1, max_size=34),
             st.one_of(st.text(max_size=5), st.none(), st.integers(0, 10), st.just("  ")))
severities = mostly(
    st.sampled_from(["error", "ERROR", " warn ", "Warning", "critical", "Err", "FATAL", "info"]),
    st.one_of(st.sampled_from(["bogus", "", "  ", "fatal\n", "\u0131nfo"]), st.none(),
              st.integers(0, 3)))
numbers = mostly(st.one_of(st.integers(0, 600), st.floats(0, 1e6, allow_nan=False)),
                 st.one_of(st.integers(-10, 10**20),
                           st.floats(allow_nan=True, allow_infinity=True),
                           st.sampled_from(["503", "12.5", "", "x"]), st.none(), st.booleans()))
optional = {
    "severity": severities,
    "error_type": strings,
    "host": strings,
    "user_id": strings,
    "http_status": numbers,
    "duration_ms": numbers,
    "http_method": mostly(st.sampled_from(["GET", "post", "Delete"]),
                          st.one_of(st.sampled_from([" POST ", "\u00df", ""]), strings)),
    "trace_id": ids,
    "span_id": ids,
    "parent_span_id": ids,
    "attributes": mostly(st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
                         st.sampled_from(['{"a": 1}', "[1]", "x", None])),
}
messy = st.fixed_dictionaries(
    {"event_id": mostly(words, st.one_of(st.text(max_size=4), st.integers(0, 99), st.none())),
     "timestamp": timestamps, "service": strings, "message": strings},
    optional={**optional, "unknown_key": st.integers()},
)
clean = st.fixed_dictionaries(
    {"event_id": words, "timestamp": st.one_of(good_ts, st.integers(10**9, 2 * 10**15)),
     "service": words, "message": st.text(max_size=20)},
    optional={
        "severity": st.sampled_from(["error", "ERROR", " warn ", "Warning", "critical", "Err"]),
        "error_type": words, "host": st.one_of(words, st.just("  ")), "user_id": words,
        "http_status": st.integers(0, 700), "duration_ms": st.floats(0, 1e6),
        "http_method": st.sampled_from(["GET", "post", "Delete"]),
        "trace_id": st.text(_hex + "-", min_size=1, max_size=34),
        "span_id": st.text(_hex, min_size=16, max_size=16),
        "attributes": st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
    },
)
events = st.one_of(clean, messy)


def _comparable(table):
    rows = table.to_pylist()
    for r in rows:
        if r["attributes"] is not None:
            r["attributes"] = json.loads(r["attributes"])
    return rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(events, st.sampled_from(["{", "[]", "", "null", '{"a":1,"a":2}'])),
                min_size=1, max_size=25))
def test_fast_and_exact_paths_agree(rows):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    nos = list(range(1, len(lines) + 1))
    fast, exact = FAST.events_from_lines(nos, lines), EXACT.events_from_lines(nos, lines)
    assert _comparable(fast.table) == _comparable(exact.table)
    assert [(r.line_no, r.reason, r.field) for r in fast.rejected] == [
        (r.line_no, r.reason, r.field) for r in exact.rejected]
    assert fast.notes == exact.notes


def test_fast_path_takes_the_common_shape():
    line = json.dumps({"event_id": "e-1", "timestamp": "2026-03-01T10:00:00.250+01:00",
                       "service": "api", "message": "m", "severity": "Warning",
                       "http_status": 503, "duration_ms": 12, "trace_id": "AB" * 16,
                       "attributes": {"k": [1, 2]}})
    out = FAST.events_from_lines([7], [line])
    assert out.count_fast == 1
    (row,) = out.table.to_pylist()
    assert row["timestamp"].isoformat() == "2026-03-01T09:00:00.250000"
    assert (row["severity"], row["http_status"], row["duration_ms"]) == ("WARN", 503, 12.0)
    assert row["trace_id"] == "ab" * 16 and json.loads(row["attributes"]) == {"k": [1, 2]}
    assert (row["_line_no"], row["_key"]) == (7, "id:e-1")
    assert out.notes == {"severity_alias": 1, "trace_id_repaired": 1}


def test_lines_normalized_in_pieces_equal_one_piece(monkeypatch, tmp_path):
    from features.ingest import chunks
    from features.ingest.chunks import RawChunk, normalize_chunk
    from features.simulate import simulate

    simulate(tmp_path, days=1, services=2, seed=3, scale=0.01)
    texts = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[:700]
    raw = RawChunk("events", list(range(1, len(texts) + 1)), texts=texts)
    whole = normalize_chunk(Normalizer(), raw)
    monkeypatch.setattr(chunks, "NORMALIZE_ROWS", 97)
    pieces = normalize_chunk(Normalizer(), raw)
    assert pieces.table.equals(whole.table)
    assert [(r.line_no, r.reason) for r in pieces.rejected] == \
        [(r.line_no, r.reason) for r in whole.rejected]
    assert pieces.notes == whole.notes and pieces.count_fast == whole.count_fast
    assert whole.table.num_rows + len(whole.rejected) == len(texts)


def test_repeated_or_unknown_keys_take_the_exact_path():
    base = '"event_id": "e-1", "timestamp": "2026-03-01T10:00:00Z", "message": "m"'
    lines = [
        '{' + base + ', "service": "api", "service": "web"}',
        '{' + base + ', "service": "api", "host": null, "host": "h1"}',
        '{' + base + ', "service": "api", "extra": 1}',
        '{' + base + ', "service": "api", "attributes": {"service": "x", "service": "y"}}',
    ]
    nos = [1, 2, 3, 4]
    fast, exact = FAST.events_from_lines(nos, lines), EXACT.events_from_lines(nos, lines)
    assert fast.count_fast == 1  # only the last: repeated keys inside attributes are its own
    assert _comparable(fast.table) == _comparable(exact.table)
    assert [(r.line_no, r.reason) for r in fast.rejected] == \
        [(r.line_no, r.reason) for r in exact.rejected]
