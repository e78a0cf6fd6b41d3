"""Ingest end to end on the simulator's output and hand-written OTLP/JSON, against real
DuckDB files: ground truth, reruns, a SIGKILL mid-file, privacy-scan."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from features.ingest import ingest
from features.store import Store

TOKEN_KEY = "test-only token key, not a secret"
ROOT = Path(__file__).resolve().parents[1]
OTLP = ROOT / "tests" / "fixtures" / "otlp"
CONTENT_COLUMNS = (
    "event_id, timestamp, service, message, severity, error_type, stack_trace, component, "
    "http_status, http_method, http_route, duration_ms, trace_id, span_id, parent_span_id, "
    "environment, region, zone, host, version, user_id, session_id, client_ip, "
    "attributes::VARCHAR, sample_weight"
)


@pytest.fixture(scope="module")
def token_env():
    old = os.environ.get("FAULTLINE_TOKEN_KEY")
    os.environ["FAULTLINE_TOKEN_KEY"] = TOKEN_KEY
    yield
    if old is None:
        del os.environ["FAULTLINE_TOKEN_KEY"]
    else:
        os.environ["FAULTLINE_TOKEN_KEY"] = old


@pytest.fixture(scope="module")
def sim(tmp_path_factory, token_env):
    from features.simulate import simulate

    out = tmp_path_factory.mktemp("sim")
    simulate(out, days=1, services=4, seed=11, scale=0.03)
    db = out.parent / "sim.duckdb"
    report = ingest(out, db=db)
    return out, db, report, json.loads((out / "truth.json").read_text())


def test_simulator_truth_is_reproduced_exactly(sim):
    folder, db, report, truth = sim
    assert report.is_reconciled
    events = next(f for f in report.files if f.kind == "events")
    counts = truth["counts"]
    assert events.count_input == counts["events_lines"]
    assert events.count_accepted == counts["events_valid_unique"]
    assert events.count_duplicate == counts["duplicates"]
    assert events.count_quarantined == counts["malformed"]
    with Store.open(db, read_only=True) as store:
        q_lines = [r[0] for r in store.con.execute(
            "SELECT line_no FROM quarantine WHERE source_path LIKE '%events.jsonl' ORDER BY 1"
        ).fetchall()]
        n_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        lineage = store.table("lineage", as_="pandas")
        n_requests = store.con.execute("SELECT count(*) FROM requests").fetchone()[0]
    assert q_lines == sorted(m["line_no"] for m in truth["malformed"])
    assert n_events == counts["events_valid_unique"]
    assert n_requests == counts["requests_rows"]
    recon = lineage.count_accepted + lineage.count_quarantined + lineage.count_duplicate
    assert (recon == lineage.count_input).all()
    assert set(lineage.kind) == {"catalog", "requests", "spans", "deployments", "incidents",
                                 "events"}


def test_reingest_adds_zero_rows(sim):
    folder, db, _, _ = sim
    with Store.open(db, read_only=True) as store:
        before = {t: store.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in store.tables()}
    again = ingest(folder, db=db)
    assert {f.status for f in again.files} == {"already_ingested"}
    with Store.open(db, read_only=True) as store:
        after = {t: store.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                 for t in store.tables()}
    assert after == before


def _rows(db: Path) -> list[tuple]:
    with Store.open(db, read_only=True) as store:
        return store.con.execute(f"SELECT {CONTENT_COLUMNS} FROM events ORDER BY event_id").fetchall()


@pytest.mark.parametrize("jobs", [2, 3])
def test_worker_processes_give_the_same_store(sim, tmp_path, monkeypatch, jobs):
    from features.ingest import chunks as chunk_module
    from features.ingest import pipeline
    from features.privacy import Anonymizer

    folder, db, report, _ = sim
    monkeypatch.setattr(pipeline, "_PARALLEL_MIN_BYTES", 0)
    here = []  # chunks this process prepared itself, besides committing them all
    monkeypatch.setattr(pipeline, "prepare", lambda raw, *a: here.append(raw) or chunk_module.prepare(raw, *a))
    made = []  # every chunk read (the last ones of a file are cut smaller)
    read = pipeline._Run._chunks
    monkeypatch.setattr(pipeline._Run, "_chunks", lambda self, *a: (made.append(raw) or raw for raw in read(self, *a)))
    anon = Anonymizer()
    parallel = tmp_path / "parallel.duckdb"
    got = ingest(folder, db=parallel, jobs=jobs, chunk_rows=400, anonymizer=anon)
    n_chunks = sum(raw.kind == "events" for raw in made)
    assert n_chunks > sum(-(-f.count_input // 400) for f in got.files if f.kind == "events")
    mine = sum(raw.kind == "events" for raw in here)
    assert 0 < mine < n_chunks  # shared with the workers
    assert got.totals() == report.totals() and got.is_reconciled
    serial = Anonymizer()
    again = ingest(folder, db=tmp_path / "serial.duckdb", chunk_rows=400, anonymizer=serial)
    assert again.totals() == report.totals()
    assert anon.counts == serial.counts and anon.counts["email"] > 0
    assert _rows(parallel) == _rows(db)
    query = "SELECT source_path, line_no, reason, field, record FROM quarantine ORDER BY 1, 2"
    with Store.open(parallel, read_only=True) as a, Store.open(db, read_only=True) as b:
        qa = [(Path(r[0]).name, *r[1:]) for r in a.con.execute(query).fetchall()]
        qb = [(Path(r[0]).name, *r[1:]) for r in b.con.execute(query).fetchall()]
    assert qa == qb and len(qa) > 0


def test_workers_start_before_the_anonymizer_is_made(sim, tmp_path, monkeypatch):
    """With the default anonymizer the worker processes are started first, so that their
    imports overlap this process's own; the store is the same as a serial run's."""
    from features.ingest import pipeline

    folder, db, report, _ = sim
    monkeypatch.setattr(pipeline, "_PARALLEL_MIN_BYTES", 0)
    order: list[str] = []
    start, make = pipeline._start_workers, pipeline._default_anonymizer
    monkeypatch.setattr(pipeline, "_start_workers", lambda n: order.append(f"workers {n}") or start(n))
    monkeypatch.setattr(pipeline, "_default_anonymizer", lambda: order.append("anonymizer") or make())
    parallel = tmp_path / "parallel.duckdb"
    got = ingest(folder, db=parallel, jobs=3, chunk_rows=400)
    assert order == ["workers 2", "anonymizer"]
    assert got.totals() == report.totals() and got.is_reconciled
    assert _rows(parallel) == _rows(db)


def test_small_inputs_start_no_workers(sim, tmp_path, monkeypatch):
    from features.ingest import pipeline

    folder, _, report, _ = sim
    monkeypatch.setattr(pipeline, "_start_workers", lambda n: pytest.fail("workers started"))
    got = ingest(folder, db=tmp_path / "small.duckdb", jobs=2)  # every file under 32 MiB
    assert got.totals() == report.totals()


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_mid_file_leaves_nothing_and_rerun_matches(sim, tmp_path, jobs):
    folder, _, _, _ = sim
    # the first 1,500 lines (with their malformed lines and duplicates), in 6 chunks
    events = tmp_path / "events.jsonl"
    with open(folder / "events.jsonl", encoding="utf-8") as fh:
        events.write_text("".join(line for _, line in zip(range(1500), fh, strict=False)))
    reference = tmp_path / "reference.duckdb"
    expected = ingest(events, db=reference, chunk_rows=250).files[0]
    killed = tmp_path / "killed.duckdb"
    code = textwrap.dedent(f"""
        import sys
        from features.ingest import ingest, pipeline
        pipeline._PARALLEL_MIN_BYTES = 0
        def progress(path, rows):
            print("chunk", rows, flush=True)
        if __name__ == "__main__":
            ingest({str(events)!r}, db={str(killed)!r}, chunk_rows=250, on_progress=progress,
                   jobs={jobs})
            print("finished", flush=True)
    """)
    env = {**os.environ, "FAULTLINE_TOKEN_KEY": TOKEN_KEY, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        if line.startswith("chunk"):
            seen += 1
            if seen == 3:  # three chunks written inside the open transaction
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(killed, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM lineage").fetchone()[0] == 0
    rerun = ingest(events, db=killed, chunk_rows=250).files[0]
    assert rerun.status == "committed"
    assert (rerun.count_input, rerun.count_accepted, rerun.count_quarantined,
            rerun.count_duplicate) == (1500, expected.count_accepted,
                                       expected.count_quarantined, expected.count_duplicate)
    got, want = _rows(killed), _rows(reference)
    assert len(got) == len(want) == expected.count_accepted > 1000
    assert got == want


def test_otlp_logs_and_traces_map_onto_the_contract(tmp_path, token_env):
    db = tmp_path / "otlp.duckdb"
    report = ingest(OTLP, db=db)
    by_name = {Path(f.source_path).name: f for f in report.files}
    logs, traces = by_name["logs.jsonl"], by_name["traces.jsonl"]
    # logs: 3 records on line 1, an unparseable line 2, a record without service on line 3
    assert (logs.count_input, logs.count_accepted, logs.count_quarantined) == (5, 3, 2)
    # traces: two spans and one exception event
    assert (traces.count_input, traces.count_accepted) == (3, 3)
    with Store.open(db, read_only=True) as store:
        ev = {r["service"] + ":" + r["severity"]: r for r in store.table("events").to_dicts()}
        spans = store.table("spans").sort("start").to_dicts()
        q = store.table("quarantine").sort("line_no").to_dicts()
    pay = ev["checkout:ERROR"]
    assert pay["timestamp"].isoformat() == "2026-03-01T10:00:00.123456"
    assert (pay["error_type"], pay["http_status"], pay["http_method"], pay["http_route"]) == (
        "PaymentDeclined", 502, "POST", "/api/v1/pay")
    assert (pay["version"], pay["environment"], pay["region"]) == ("2.4.1", "production",
                                                                   "eu-west-1")
    assert pay["trace_id"] == "5b8efff798038103d269b633813fc60c"
    assert "ada@example.com" not in pay["message"] and pay["user_id"] != "u_1234567"
    assert json.loads(pay["attributes"]) == {"retry.count": 3}
    slow = ev["checkout:WARN"]
    assert slow["event_id"] == "01JNQ7Z5V3K8X2M4P6R9T0W1Y2"
    assert slow["timestamp"].isoformat() == "2026-03-01T10:01:00"  # observed time used
    assert ev["cart:FATAL"]["message"] == '{"msg": "out of memory"}'
    exc = ev["payments:ERROR"]
    assert (exc["error_type"], exc["message"], exc["component"], exc["duration_ms"]) == (
        "UpstreamTimeout", "bank gateway timed out", "POST /charge", 250.0)
    assert [s["status"] for s in spans] == ["ERROR", "OK"]
    assert spans[1]["parent_span_id"] == "eee19b7ec3c1b174" and spans[1]["duration_ms"] == 5.5
    assert spans[0]["parent_span_id"] is None and spans[0]["error_type"] == "UpstreamTimeout"
    assert [(r["line_no"], r["reason"]) for r in q] == [(2, "bad_json"), (3, "missing_required")]


def test_privacy_scan_finds_nothing_in_the_store(sim):
    from features.privacy import scan_paths

    _, db, _, _ = sim
    findings = scan_paths([db])
    assert [(f.location, f.kind, f.count) for f in findings] == []
