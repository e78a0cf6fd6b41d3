"""privacy-scan: finds personal data in every format faultline writes, and nothing in anonymized output.

Integration tests against real DuckDB, Parquet, SQLite and MLflow stores in tmp_path,
built from the project's simulator.
"""

from __future__ import annotations

import html
import json
import shutil
import sqlite3
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner
from conftest import simulated_events

from anomaly.cli import main as cli
from features.privacy import Anonymizer, Policy, TokenKey, scan_paths
from features.simulate.run import simulate

KEY = TokenKey.from_secret("scan test key, not a secret")
RAW_EMAIL = "ada.lovelace@example.com"


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sim")
    simulate(out, days=1, services=4, seed=5, scale=0.05)
    return out


_events = simulated_events


@pytest.fixture(scope="module")
def outputs(sim: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything an anonymized run would write: DuckDB, Parquet, JSONL, CSV, HTML, Markdown."""
    out = tmp_path_factory.mktemp("outputs")
    anon = Anonymizer(Policy.load(), KEY)
    rows = _events(sim)
    assert len(rows) > 500
    frame = anon.anonymize_batch(pl.DataFrame(rows, infer_schema_length=None))
    con = duckdb.connect(str(out / "faultline.duckdb"))
    arrow_events = frame.to_arrow()
    con.register("frame_view", arrow_events)
    con.execute("CREATE TABLE events AS SELECT * FROM frame_view")
    con.execute("CREATE TABLE lineage AS SELECT ? AS policy_hash, ? AS policy_version",
                [anon.policy.hash, anon.policy.version])  # fmt: skip
    con.close()
    frame.write_parquet(out / "events.parquet")
    with open(out / "events.jsonl", "w", encoding="utf-8") as fh:
        for r in rows[:300]:
            fh.write(json.dumps(anon.anonymize_event(r), ensure_ascii=False) + "\n")
    frame.select([c for c, t in frame.schema.items() if t == pl.String]).head(300).write_csv(out / "events.csv")
    messages = frame.get_column("message").head(50).to_list()
    (out / "report.html").write_text(
        "<html><body><ul>" + "".join(f"<li>{html.escape(m)}</li>" for m in messages) + "</ul></body></html>"
    )
    (out / "report.md").write_text("# Top errors\n\n" + "\n".join(f"- `{m}`" for m in messages) + "\n")
    return out


def test_raw_simulator_output_is_full_of_findings(sim: Path) -> None:
    kinds = {f.kind for f in scan_paths([sim / "events.jsonl"])}
    assert {"email", "ipv4", "card", "phone", "jwt", "password"} <= kinds


def test_anonymized_outputs_scan_clean(outputs: Path) -> None:
    assert scan_paths([outputs]) == []


def test_planted_email_in_a_copied_duckdb_file_is_found(outputs: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(outputs / "faultline.duckdb", copy)
    con = duckdb.connect(str(copy))
    con.execute(
        "UPDATE events SET message = message || ' contact ' || ? WHERE rowid = (SELECT min(rowid) FROM events)",
        [RAW_EMAIL],
    )
    con.close()
    findings = scan_paths([copy])
    assert [(f.location, f.kind, f.count) for f in findings] == [("events.message", "email", 1)]
    result = CliRunner().invoke(cli, ["privacy-scan", str(copy)])
    assert result.exit_code == 1
    assert "events.message\temail\t1" in result.stdout
    assert RAW_EMAIL not in result.output
    clean = CliRunner().invoke(cli, ["privacy-scan", str(outputs / "faultline.duckdb")])
    assert clean.exit_code == 0, clean.output


def test_formats(tmp_path: Path) -> None:
    token = "<email:k1a2b:0123456789ab>"
    (tmp_path / "a.csv").write_text(f"service,customer_name,note\ncheckout,Ada Lovelace,{token}\n")
    (tmp_path / "b.html").write_text(f"<p>{html.escape(token)} and {RAW_EMAIL}</p>\n")
    (tmp_path / "c.md").write_text(f"| x |\n| --- |\n| card 4111 1111 1111 1111 |\n| {token} |\n")
    pl.DataFrame({"attributes": [{"phone": "+44 20 7946 0958", "ok": "fine"}], "n": [1]}).write_parquet(
        tmp_path / "d.parquet"
    )
    db = sqlite3.connect(tmp_path / "e.db")
    db.execute("CREATE TABLE params (key TEXT, value TEXT)")
    db.execute("INSERT INTO params VALUES ('api', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc')")
    db.commit()
    db.close()
    (tmp_path / "f.bin").write_bytes(b"\x00\x01\x02ip=84.26.78.87\x00\xff\xfe" + bytes(range(256)))
    got = {(Path(f.path).name, f.location, f.kind) for f in scan_paths([tmp_path])}
    assert got == {
        ("a.csv", "customer_name", "person_name"),
        ("b.html", "line 1", "email"),
        ("c.md", "line 3", "card"),
        ("d.parquet", "attributes.phone", "phone"),
        ("e.db", "params.value", "api_key"),
        ("f.bin", "strings", "ipv4"),
    }


def test_mlflow_run_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mlflow = pytest.importorskip("mlflow")
    monkeypatch.chdir(tmp_path)
    mlflow.set_tracking_uri(f"sqlite:///{tmp_path / 'mlflow.db'}")
    exp = mlflow.create_experiment("privacy", artifact_location=str(tmp_path / "artifacts"))
    with mlflow.start_run(experiment_id=exp):
        mlflow.log_param("owner", RAW_EMAIL)
        mlflow.set_tag("note", "clean tag")
        mlflow.log_text("top message: <email:k1a2b:0123456789ab>", "report.txt")
        mlflow.log_dict({"contact": {"phone": "+1 (415) 555-0132"}}, "meta.json")
    found = {(Path(f.path).name, f.location, f.kind) for f in scan_paths([tmp_path])}
    assert ("mlflow.db", "params.value", "email") in found
    assert ("meta.json", "$.contact.phone", "phone") in found
    assert not any(name == "report.txt" for name, _, _ in found)


def test_unreadable_paths_fail_the_scan(tmp_path: Path) -> None:
    findings = scan_paths([tmp_path / "missing.duckdb"])
    assert [f.kind for f in findings] == ["unreadable"]
    result = CliRunner().invoke(cli, ["privacy-scan", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2


def test_encrypted_store_is_scanned_with_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from features.store import Store

    path = tmp_path / "enc.duckdb"
    monkeypatch.delenv("FAULTLINE_DB_KEY_FILE", raising=False)
    with Store.open(path, key="store test key, not a secret") as store:
        store.con.execute("INSERT INTO requests VALUES (TIMESTAMP '2026-03-01 10:00:00', ?, 1, 'b1')", [RAW_EMAIL])
    assert RAW_EMAIL.encode() not in path.read_bytes()
    monkeypatch.delenv("FAULTLINE_DB_KEY", raising=False)
    assert [f.kind for f in scan_paths([path])] == ["unreadable"]
    monkeypatch.setenv("FAULTLINE_DB_KEY", "store test key, not a secret")
    found = [(f.location, f.kind) for f in scan_paths([path])]
    assert found == [("requests.service", "email")]


def test_a_real_ingest_store_scans_clean(sim: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """simulate -> faultline ingest (which anonymizes) -> privacy-scan of the DuckDB file: nothing."""
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "ingest test key, not a secret")
    monkeypatch.delenv("FAULTLINE_DB_KEY", raising=False)
    monkeypatch.delenv("FAULTLINE_DB_KEY_FILE", raising=False)
    db = tmp_path / "fl.duckdb"
    ingested = CliRunner().invoke(cli, ["ingest", str(sim), "--db", str(db), "--no-progress"])
    assert ingested.exit_code == 0, ingested.output
    result = CliRunner().invoke(cli, ["privacy-scan", str(db)])
    assert result.exit_code == 0, result.output
    assert "0 personal or secret values found" in result.stderr
