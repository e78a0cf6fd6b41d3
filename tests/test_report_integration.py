"""Integration: the report and the postmortem drafts from a real store built from the
committed sample the way the demo builds it (ingest → fingerprints → features →
anomalous minutes → classify), checked against the analytics functions and scanned
for personal data."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
TOKEN_KEY = "test-only token key for the report tests"
SECTIONS = ["Summary", "Error rate timelines", "Volume", "Top recurring patterns",
            "MTTD and MTTR", "SLO error budgets", "On-call load", "Per-team tables",
            "Telemetry cost", "Improvement items", "P1 postmortems"]
FIGURES = ["timeline", "categories", "mttx", "budget", "oncall", "cost"]


def _anomalous_minutes(con) -> pd.DataFrame:
    """Per-service scores of the error rate (the series detector; the first day warms
    the daily seasonal model)."""
    from anomaly.series import score_series

    frame = con.execute(
        "SELECT service, minute, coalesce(error_rate, 0.0) AS error_rate "
        "FROM feat_service_minute ORDER BY service, minute").df()
    parts = []
    for _, part in frame.groupby("service", sort=True):
        part = part.copy()
        part["score"] = score_series(part, "minute", "error_rate", direction="up")
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out[out["minute"] >= out["minute"].min() + pd.Timedelta(days=1)]
    return out.assign(threshold=0.5)[["service", "minute", "score", "threshold"]]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    from anomaly.classify import classify
    from features.build import build_features
    from features.fingerprint import fingerprint_store
    from features.ingest import ingest
    from features.store import Store

    old = os.environ.get("FAULTLINE_TOKEN_KEY")
    os.environ["FAULTLINE_TOKEN_KEY"] = TOKEN_KEY
    path = tmp_path_factory.mktemp("report") / "faultline.duckdb"
    try:
        with Store.open(path) as store:
            report = ingest([SAMPLE], store=store)
            assert report.is_reconciled
            fingerprint_store(store.con)
            build_features(store)
            classify(store, anomalies=_anomalous_minutes(store.con))
    finally:
        if old is None:
            os.environ.pop("FAULTLINE_TOKEN_KEY", None)
        else:
            os.environ["FAULTLINE_TOKEN_KEY"] = old
    return path


@pytest.fixture(scope="module")
def built(store_path, tmp_path_factory):
    from anomaly.report import build_report, write_postmortems
    from features.store import Store

    out = tmp_path_factory.mktemp("out")
    steps = []
    with Store.open(store_path, read_only=True) as store:
        written, _ = write_postmortems(store, out / "postmortems")
        result = build_report(store, out_dir=out, progress=lambda s, i, n: steps.append(s))
    return result, written, steps


def test_report_has_every_section_and_plot(built):
    result, _, steps = built
    html = result.html_path.read_text(encoding="utf-8")
    md = result.markdown_path.read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f">{title}</h2>" in html, title
        assert f"\n## {title}\n" in md, title
    assert html.count("data:image/png;base64,") == len(FIGURES)
    for name in FIGURES:
        assert f'id="fig-{name}"' in html
        png = result.markdown_path.parent / "report_files" / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"(report_files/{name}.png)" in md
    assert "http://" not in html and "https://" not in html  # opens offline
    assert steps[0] == "read store" and steps[-1] == "write"


def test_report_numbers_match_the_store_and_the_analytics(built, store_path):
    import duckdb

    from anomaly import analytics as an

    result, _, _ = built
    a = result.analytics
    summary = a["summary"].set_index("metric")["value"]
    con = duckdb.connect(str(store_path), read_only=True)
    try:
        (events,) = con.execute("SELECT count(*) FROM events").fetchone()
        (incidents,) = con.execute("SELECT count(DISTINCT incident_id) FROM episodes").fetchone()
        (history,) = con.execute("SELECT count(*) FROM incidents").fetchone()
        inputs = an.load_inputs(con)
    finally:
        con.close()
    assert summary["error events stored"] == events > 0
    assert summary["detected incidents"] == incidents > 0
    assert summary["recorded incidents (history)"] == history
    # independent recomputation of the frames behind the tables
    top = an.top_categories(inputs.episodes, error_counts=inputs.error_counts)
    assert summary["top recurring category"] == top["category"].iloc[0]
    pd.testing.assert_frame_equal(a["budget"], an.error_budget_burn(inputs.service_minute,
                                                                     inputs.catalog))
    timings = an.incident_timings(inputs.incidents, inputs.catalog)
    pd.testing.assert_frame_equal(a["mttx_team"], an.mttx_summary(timings, by="team"))
    median_ttr = an.percentile(timings["ttr_minutes"], 50)
    assert summary["median time to resolve, recorded (min)"] == round(median_ttr, 1)
    # and the rendered tables show them
    html = result.html_path.read_text(encoding="utf-8")
    md = result.markdown_path.read_text(encoding="utf-8")
    from anomaly.report.document import format_value

    for row in a["budget"].itertuples(index=False):
        cell = f"<td>{row.service}</td><td>{format_value(row.requests)}</td>"
        assert cell in html
    for row in a["mttx_team"].itertuples(index=False):
        assert f"| {row.team} | {row.count_incidents} | {format_value(row.mttd_median_min)} |" in md
    first_action = a["improvements"]["action"].iloc[0]
    assert first_action in md
    assert len(a["improvements"]) >= 3


def test_postmortem_drafts_for_every_p1(built):
    result, written, _ = built
    status = result.analytics["postmortems"]
    assert len(written) == len(status) > 0
    assert set(status["status"]) == {"draft"}
    assert not status["is_complete"].any()
    history = [p for p in written if p.name.startswith("INC-")]
    assert history, "the sample's P1 incidents are in its history"
    text = history[0].read_text(encoding="utf-8")
    assert "## Timeline (UTC)" in text and "distinct user tokens" in text
    users = re.search(r"Users affected: (\d+) distinct user tokens", text)
    assert users and int(users.group(1)) >= 0


def test_report_and_drafts_hold_no_personal_data(built):
    from features.privacy import scan_paths

    result, _, _ = built
    assert scan_paths([result.html_path.parent]) == []


def test_commands_report_and_postmortem_check(store_path, tmp_path):
    from anomaly.cli import main

    runner = CliRunner()
    out = tmp_path / "reports"
    res = runner.invoke(main, ["report", "--db", str(store_path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert str(out / "report.html") in res.output
    assert (out / "report.md").is_file()
    pm = tmp_path / "pm"
    res = runner.invoke(main, ["postmortems", "--db", str(store_path), "--dir", str(pm)])
    assert res.exit_code == 0, res.output
    drafts = sorted(pm.glob("*.md"))
    assert drafts and f"{len(drafts)} lack a completed postmortem" in res.output
    res = runner.invoke(main, ["postmortems", "--db", str(store_path), "--dir", str(pm),
                               "--check"])
    assert res.exit_code == 1
    for path in drafts:  # the team finishes them
        text = path.read_text(encoding="utf-8").replace("status: draft", "status: complete")
        path.write_text(text.replace("TODO(team)", "written"), encoding="utf-8")
    res = runner.invoke(main, ["postmortems", "--db", str(store_path), "--dir", str(pm),
                               "--check"])
    assert res.exit_code == 0, res.output
    assert "0 lack a completed postmortem" in res.output
    # a rerun never overwrites a postmortem
    runner.invoke(main, ["postmortems", "--db", str(store_path), "--dir", str(pm)])
    assert "status: complete" in drafts[0].read_text(encoding="utf-8")


def test_report_on_a_missing_store_explains(tmp_path):
    from anomaly.cli import main

    res = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code != 0 and "no database at" in res.output


def test_report_records_its_lineage(built, store_path):
    from anomaly.lineage import report_lineage

    result, _, _ = built
    record = report_lineage(result.html_path.parent, db=store_path)
    assert {"report.html", "report.md"} <= set(record["files"])
    assert all(f["is_unchanged"] for f in record["files"].values())
    assert record["batches"] and all(b["sha256"] for b in record["batches"])
