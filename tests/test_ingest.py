"""Ingest on small hand-made inputs: outcomes per line, reconciliation, dedup, formats."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from features.ingest import Sampling, discover, ingest
from features.ingest.readers import read_csv_records, read_lines
from features.store import Store

TOKEN_KEY = "test-only token key, not a secret"


@pytest.fixture(autouse=True)
def _token_key(monkeypatch):
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", TOKEN_KEY)
    monkeypatch.delenv("FAULTLINE_DB_KEY", raising=False)
    monkeypatch.delenv("FAULTLINE_DB_KEY_FILE", raising=False)


def ev(**kw):
    base = {"timestamp": "2026-03-01T10:00:00Z", "service": "checkout", "message": "boom"}
    base.update(kw)
    return base


def write_jsonl(path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Lines of the main fixture and what must become of each (hand-assigned).
FIXTURE = [
    (ev(event_id="e1", severity="error"), "accepted"),                        # 1
    (ev(event_id="e1", severity="error"), "duplicate"),                       # 2 same id
    (ev(event_id="e2", message="mail bob.smith@example.com now"), "accepted"),  # 3
    ('{"event_id": "e3", "timestamp": ', "bad_json"),                         # 4
    ("", "empty_line"),                                                       # 5
    (ev(event_id="e4", service=""), "missing_required"),                      # 6
    (ev(event_id="e5", trace_id="XYZ"), "bad_trace_id"),                      # 7
    (ev(event_id="e6", http_status=42), "bad_http_status"),                   # 8
    (ev(event_id="e7", timestamp="1999-12-31T23:59:59Z"), "timestamp_out_of_window"),  # 9
    (ev(message="no id", timestamp="2026-03-01T12:00:00+02:00"), "accepted"),  # 10 content hash
    (ev(message="no id", timestamp="2026-03-01T10:00:00Z"), "duplicate"),     # 11 same instant
    (ev(event_id="e8", severity="bogus"), "bad_severity"),                    # 12
    (ev(event_id="e9", http_status="503", extra_field="kept"), "accepted"),   # 13 repaired
    ('[1, 2, 3]', "not_an_object"),                                           # 14
    (ev(event_id="e10", trace_id="4BF92F35-77B3-4DA6-A3CE-929D0E0E4736"), "accepted"),  # 15
]


def expected_counts(fixture):
    outcomes = [o for _, o in fixture]
    acc = outcomes.count("accepted")
    dup = outcomes.count("duplicate")
    return len(outcomes), acc, len(outcomes) - acc - dup, dup


@pytest.fixture
def main_file(tmp_path):
    (tmp_path / "in").mkdir()
    return write_jsonl(tmp_path / "in" / "events.jsonl", [r for r, _ in FIXTURE])


def test_every_line_has_exactly_one_outcome(tmp_path, main_file):
    db = tmp_path / "fl.duckdb"
    report = ingest(main_file, db=db)
    (f,) = report.files
    n, acc, quar, dup = expected_counts(FIXTURE)
    assert (f.count_input, f.count_accepted, f.count_quarantined, f.count_duplicate) == (
        n, acc, quar, dup)
    assert (n, acc, quar, dup) == (15, 5, 8, 2)
    assert f.is_reconciled
    with Store.open(db, read_only=True) as store:
        q = store.table("quarantine", as_="pandas").sort_values("line_no")
        expected_q = [(i + 1, o) for i, (_, o) in enumerate(FIXTURE)
                      if o not in ("accepted", "duplicate")]
        assert list(zip(q["line_no"], q["reason"], strict=True)) == expected_q
        # unparseable lines keep no content at all
        assert q.set_index("line_no").loc[[4, 5, 14], "record"].isna().all()
        events = store.table("events", as_="pandas")
        assert len(events) == acc
        assert set(events["event_id"]) >= {"e1", "e2", "e9", "e10"}
        lineage = store.table("lineage", as_="pandas").iloc[0]
        assert (lineage.count_input, lineage.count_accepted, lineage.count_quarantined,
                lineage.count_duplicate) == (n, acc, quar, dup)
        assert lineage.status == "committed" and lineage.contract_version == "1"
        assert len(lineage.sha256) == 64 and lineage.size_bytes == main_file.stat().st_size
        assert lineage.policy_version and lineage.policy_hash
        notes = json.loads(lineage.notes)
        assert notes["unknown_keys_to_attributes"] == 1
        assert notes["trace_id_repaired"] == 2  # lines 7 and 15 (repairs are counted before validation)


def test_rows_are_normalized_and_anonymized(tmp_path, main_file):
    db = tmp_path / "fl.duckdb"
    ingest(main_file, db=db)
    with Store.open(db, read_only=True) as store:
        rows = {r["event_id"]: r for r in store.table("events").to_dicts()}
        all_text = " ".join(
            str(v) for t in ("events", "quarantine") for r in store.table(t).to_dicts()
            for v in r.values())
    assert rows["e1"]["severity"] == "ERROR"
    assert rows["e9"]["http_status"] == 503
    assert json.loads(rows["e9"]["attributes"]) == {"extra_field": "kept"}
    assert rows["e10"]["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert "bob.smith@example.com" not in all_text
    assert "<email:" in rows["e2"]["message"]
    # without an event_id, the id is the content hash (32 hex chars)
    (no_id,) = [r for k, r in rows.items() if not k.startswith("e")]
    assert len(no_id["event_id"]) == 32 and no_id["message"] == "no id"
    assert no_id["timestamp"].isoformat() == "2026-03-01T10:00:00"


def test_reingest_adds_nothing_and_says_so(tmp_path, main_file):
    db = tmp_path / "fl.duckdb"
    ingest(main_file, db=db)
    again = ingest(main_file, db=db)
    assert [f.status for f in again.files] == ["already_ingested"]
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 5
        assert store.con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 8
        assert store.con.execute("SELECT count(*) FROM lineage").fetchone()[0] == 1


def test_redelivery_in_a_later_file_is_a_duplicate(tmp_path, main_file):
    db = tmp_path / "fl.duckdb"
    ingest(main_file, db=db)
    later = write_jsonl(tmp_path / "events-later.jsonl.gz.tmp", [
        ev(event_id="e1", severity="error"),                           # seen before
        ev(message="no id", timestamp="2026-03-01T10:00:00.000Z"),     # seen before (content)
        ev(event_id="new-1"),
    ])
    gz = tmp_path / "events-later.jsonl.gz"
    gz.write_bytes(gzip.compress(later.read_bytes()))
    report = ingest(gz, db=db)
    (f,) = report.files
    assert (f.count_input, f.count_accepted, f.count_duplicate) == (3, 1, 2)


def test_frames_from_pandas_and_polars(tmp_path):
    db = tmp_path / "fl.duckdb"
    frame = pd.DataFrame([ev(event_id="p1"), ev(event_id="p2", http_status=700)])
    r1 = ingest(frame, db=db)
    r2 = ingest(pl.DataFrame([ev(event_id="p1"), ev(event_id="p3")]), db=db)
    assert (r1.files[0].count_accepted, r1.files[0].count_quarantined) == (1, 1)
    assert (r2.files[0].count_accepted, r2.files[0].count_duplicate) == (1, 1)
    with Store.open(db, read_only=True) as store:
        assert sorted(store.table("events")["event_id"].to_list()) == ["p1", "p3"]


def test_catalog_and_companions_in_csv_and_parquet(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "catalog.yaml").write_text(
        "services:\n  checkout:\n    team: payments\n    tier: 1\n    depends_on: [cart]\n"
        "    slo: {error_rate: 0.005, latency_p99_ms: 400}\n"
        "    escalation: {slack: '#payments-oncall'}\n  cart: {team: shop, tier: 2}\n")
    (folder / "requests.csv").write_text(
        "timestamp,service,requests\n2026-03-01T10:00:00Z,checkout,120\n"
        "2026-03-01T10:01:00Z,checkout\n2026-03-01T10:01:00Z,checkout,130\n"
        "2026-03-01T10:01:00Z,checkout,130\n2026-03-01T10:02:00Z,checkout,-5\n")
    pq.write_table(pa.table({
        "trace_id": ["4bf92f3577b34da6a3ce929d0e0e4736"] * 2,
        "span_id": ["00f067aa0ba902b7", "zz"],
        "service": ["checkout", "checkout"], "operation": ["POST /pay", "GET /x"],
        "start": ["2026-03-01T10:00:00Z"] * 2, "duration_ms": [12.5, 3.0],
        "status": ["error", "OK"]}), folder / "spans.parquet")
    write_jsonl(folder / "events.jsonl", [ev(event_id="a"), ev(event_id="b", service="ghost")])
    db = tmp_path / "fl.duckdb"
    report = ingest(folder, db=db)
    by_kind = {f.kind: f for f in report.files}
    assert [f.kind for f in report.files] == ["catalog", "requests", "spans", "events"]
    req = by_kind["requests"]
    # row 2 has too few cells, row 4 repeats row 3, row 5 is negative
    assert (req.count_input, req.count_accepted, req.count_quarantined, req.count_duplicate) == (
        5, 2, 2, 1)
    assert by_kind["spans"].count_quarantined == 1
    assert by_kind["events"].notes == {"service_not_in_catalog": 1, "severity_default": 2}
    assert report.is_reconciled
    with Store.open(db, read_only=True) as store:
        services = store.table("services").sort("service").to_dicts()
        spans = store.table("spans").to_dicts()
        reasons = store.table("quarantine").sort("line_no")["reason"].to_list()
    assert [s["service"] for s in services] == ["cart", "checkout"]
    assert services[1]["depends_on"] == ["cart"] and services[1]["slo_latency_p99_ms"] == 400.0
    assert spans[0]["status"] == "ERROR"
    assert sorted(reasons) == ["bad_span_id", "csv_column_count", "negative_count"]


def test_sampling_keeps_rare_strata_and_reweights_exactly(tmp_path):
    rows = [ev(event_id=f"c{i}", error_type="Timeout") for i in range(400)]
    rows += [ev(event_id=f"r{i}", error_type="RareBug") for i in range(3)]
    rows += [ev(event_id=f"f{i}", error_type="Timeout", severity="FATAL") for i in range(30)]
    path = write_jsonl(tmp_path / "events.jsonl", rows)
    db = tmp_path / "fl.duckdb"
    report = ingest(path, db=db, sampling=Sampling(rate=0.1, min_keep=5))
    (f,) = report.files
    assert f.count_accepted == 433 and f.is_reconciled
    with Store.open(db, read_only=True) as store:
        got = store.con.execute(
            "SELECT error_type, severity, count(*), sum(sample_weight) FROM events "
            "GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
        sampling = json.loads(store.table("lineage")["sampling"][0])
    by = {(e, s): (n, w) for e, s, n, w in got}
    assert by[("RareBug", "ERROR")] == (3, 3.0)            # rare: kept whole
    assert by[("Timeout", "FATAL")] == (30, 30.0)          # FATAL: never sampled
    kept, weight = by[("Timeout", "ERROR")]
    assert 5 < kept < 120 and weight == pytest.approx(400.0)
    assert sampling["rate"] == 0.1 and sampling["count_sampled_out"] == 400 - kept
    assert f.count_sampled_out == 400 - kept


def test_readers_number_lines_exactly(tmp_path):
    p = tmp_path / "events.jsonl"
    p.write_bytes(b'{"a":1}\r\n\n{"b":2}\n\xff\xfe\n{"c":3}')
    (chunk,) = list(read_lines(p, chunk_rows=100))
    assert chunk.line_nos == [1, 2, 3, 4, 5]
    assert chunk.texts[:3] == ['{"a":1}', "", '{"b":2}'] and chunk.texts[4] == '{"c":3}'
    assert chunk.undecodable == [4]
    two = list(read_lines(p, chunk_rows=2))
    assert [c.line_nos for c in two] == [[1, 2], [3, 4], [5]]
    c = tmp_path / "requests.csv"
    c.write_text('timestamp,service,requests\n1,"a,b",3\n\n1,x\n')
    (rc,) = list(read_csv_records(c))
    assert rc.records == [{"timestamp": "1", "service": "a,b", "requests": "3"}]
    assert rc.unreadable == [(2, "empty_line"), (3, "csv_column_count")]


def test_discover_orders_and_rejects_unknown_names(tmp_path):
    (tmp_path / "events-2.jsonl").write_text("")
    (tmp_path / "events-1.jsonl").write_text("")
    (tmp_path / "spans.csv").write_text("")
    (tmp_path / "catalog.yaml").write_text("services: {}\n")
    (tmp_path / "README.txt").write_text("skip me")
    assert [s.path.name for s in discover([tmp_path])] == [
        "catalog.yaml", "spans.csv", "events-1.jsonl", "events-2.jsonl"]
    with pytest.raises(ValueError, match="cannot tell what README.txt holds"):
        discover([tmp_path / "README.txt"])


def test_cli_prints_reconciliation_and_reports_errors_without_traceback(tmp_path, main_file):
    from anomaly.cli import main

    db = tmp_path / "fl.duckdb"
    runner = CliRunner()
    out = runner.invoke(main, ["ingest", str(main_file), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "ingest reconciliation" in out.output and "15" in out.output
    again = runner.invoke(main, ["ingest", str(main_file), "--db", str(db)])
    assert "already ingested" in again.output
    enc = tmp_path / "enc.duckdb"
    ok = runner.invoke(main, ["ingest", str(main_file), "--db", str(enc)],
                       env={"FAULTLINE_DB_KEY": "right key"})
    assert ok.exit_code == 0, ok.output
    wrong = runner.invoke(main, ["ingest", str(main_file), "--db", str(enc)],
                          env={"FAULTLINE_DB_KEY": "wrong key"})
    assert wrong.exit_code == 1
    assert "not the one it was encrypted with" in wrong.output
    assert "Traceback" not in wrong.output and "wrong key" not in wrong.output
    missing = runner.invoke(main, ["ingest", str(main_file), "--db", str(enc)])
    assert missing.exit_code == 1 and "is encrypted; set FAULTLINE_DB_KEY" in missing.output


def test_encrypted_ingest_leaves_no_plaintext(tmp_path):
    marker = "PLAINTEXT-CANARY-93c1"
    path = write_jsonl(tmp_path / "events.jsonl",
                       [ev(event_id=f"k{i}", message=f"{marker} {i}") for i in range(50)])
    db = tmp_path / "enc.duckdb"
    ingest(path, db=db, key="an encryption key")
    data = db.read_bytes()
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        data += wal.read_bytes()
    assert marker.encode() not in data and b"checkout" not in data
    with Store.open(db, key="an encryption key", read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 50


def test_a_column_the_policy_drops_is_stored_as_null(tmp_path):
    from features.privacy import Anonymizer

    class DropsSessions:
        """The real anonymizer, with a policy that drops session_id (as 'drop' does)."""

        def __init__(self):
            self.inner = Anonymizer()
            self.policy = self.inner.policy

        def anonymize_batch(self, table):
            out = self.inner.anonymize_batch(table)
            return out.drop_columns(["session_id"])

        def anonymize_event(self, event):
            return self.inner.anonymize_event(event)

        def anonymize_text(self, text):
            return self.inner.anonymize_text(text)

    path = write_jsonl(tmp_path / "events.jsonl", [ev(event_id="s1", session_id="sess-abc")])
    db = tmp_path / "fl.duckdb"
    ingest(path, db=db, anonymizer=DropsSessions())
    with Store.open(db, read_only=True) as store:
        row = store.table("events").to_dicts()[0]
    assert row["event_id"] == "s1" and row["session_id"] is None


def test_the_tail_cut_keeps_every_line_once_in_order():
    from features.ingest.pipeline import _cut_tail
    from features.ingest.readers import LineChunk

    chunks = [LineChunk(list(range(i * 10 + 1, i * 10 + 11)),
                        [None if n % 7 == 0 else "y" * 19 for n in range(i * 10 + 1, i * 10 + 11)],
                        [n for n in range(i * 10 + 1, i * 10 + 11) if n % 7 == 0])
              for i in range(6)]
    out = list(_cut_tail(chunks, 6 * 10 * 20, 3))
    assert [n for c in out for n in c.line_nos] == list(range(1, 61))
    assert [t for c in out for t in c.texts] == [t for c in chunks for t in c.texts]
    assert [n for c in out for n in c.undecodable] == [n for c in chunks for n in c.undecodable]
    assert [len(c.line_nos) for c in out][:3] == [10, 10, 10] and len(out) > 6
    assert all(set(c.undecodable) <= set(c.line_nos) for c in out)
