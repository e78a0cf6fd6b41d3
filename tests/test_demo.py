"""`faultline demo` runs the whole flow on the committed sample, and a rerun is safe."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from anomaly.cli import main
from features.privacy import scan_paths


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, monkeypatch_module):
    work = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(main, ["demo", "--workdir", str(work)])
    assert result.exit_code == 0, result.output
    return work, result.output


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    for name in ("FAULTLINE_TOKEN_KEY", "FAULTLINE_TOKEN_KEY_FILE", "FAULTLINE_DB",
                 "MLFLOW_TRACKING_URI"):
        mp.delenv(name, raising=False)
    yield mp
    mp.undo()


def test_demo_runs_every_stage(demo_dir):
    work, output = demo_dir
    for stage in ("ingest", "fingerprints", "features", "train", "scoring", "classify",
                  "alert payloads", "Prometheus rules", "report", "export the served model",
                  "privacy scan"):
        assert stage in output
    con = duckdb.connect(str(work / "data" / "faultline.duckdb"), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "quarantine", "feat_model_input", "anomalies", "episodes")}
    finally:
        con.close()
    assert all(n > 0 for n in counts.values()), counts
    key = work / "data" / "keys" / "token.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert (work / "models" / "export" / "faultline" / "MLmodel").exists()
    assert (work / "models" / "prometheus" / "faultline-rules.yml").exists()
    html = work / "reports" / "report.html"
    assert html.exists() and f"report: {html}" in output
    assert "<img" in html.read_text(encoding="utf-8")


def test_nothing_raw_in_anything_the_demo_wrote(demo_dir):
    work, _ = demo_dir
    written = [p for p in (work / "data" / "faultline.duckdb", work / "models", work / "reports")
               if p.exists()]
    assert scan_paths(written) == []


def test_rerun_adds_no_rows(demo_dir):
    work, _ = demo_dir
    db = work / "data" / "faultline.duckdb"

    def snapshot():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("events", "quarantine", "lineage", "episodes")}
        finally:
            con.close()

    before = snapshot()
    result = CliRunner().invoke(main, ["demo", "--workdir", str(work)])
    assert result.exit_code == 0, result.output
    assert "6 already ingested" in result.output
    assert snapshot() == before
