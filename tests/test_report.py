"""Unit tests of the report document, its renderings and the postmortem logic."""

from __future__ import annotations

import pandas as pd

from anomaly.analytics.tables import AnalyticsInputs
from anomaly.report import completion, p1_incidents, postmortem_draft, postmortem_status
from anomaly.report.document import (
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    format_value,
    to_html,
    to_markdown,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 16


def doc() -> Document:
    frame = pd.DataFrame({"service": ["<b>cart</b>", "a|b"], "burn_rate": [1.23456, None]})
    return Document("Report <x>", [
        Section("Summary & more", [Paragraph("Errors <script>alert(1)</script>"),
                                   Table(frame, "Burn", max_rows=1)]),
        Section("Plots", [Figure("timeline", PNG, "Error rate")]),
    ])


def test_html_escapes_text_and_embeds_figures():
    page = to_html(doc())
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;cart&lt;/b&gt;" in page
    assert 'id="summary-more"' in page and 'href="#plots"' in page
    assert page.count("data:image/png;base64,") == 1
    # opens offline: nothing is fetched
    assert "src=\"http" not in page and "<link" not in page and "<script" not in page
    assert "… and 1 more rows" in page


def test_markdown_links_figures_and_escapes_pipes():
    text = to_markdown(doc(), image_dir="files")
    assert "![Error rate](files/timeline.png)" in text
    assert "## Summary & more" in text
    assert "| &lt;b&gt;cart&lt;/b&gt; | 1.2 |" in text
    assert "<script>" not in text
    assert "a\\|b" not in text  # second row is cut by max_rows
    assert "… and 1 more rows" in text


def test_format_value():
    assert format_value(pd.Timestamp("2026-03-02 10:05:59")) == "2026-03-02 10:05"
    assert format_value(float("nan")) == ""
    assert format_value(pd.NaT) == ""
    assert format_value(True) == "yes"
    assert format_value(0.0004567) == "0.000457"
    assert format_value(123456.0) == "123456"


# -- postmortems -------------------------------------------------------------------------


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def inputs() -> AnalyticsInputs:
    incidents = pd.DataFrame({
        "incident_id": ["INC-1", "INC-2"], "title": ["cart down", "auth slow"],
        "severity": ["P1", "P3"], "services": [["cart"], ["auth"]],
        "started_at": [ts("2026-03-02 10:00"), ts("2026-03-02 14:00")],
        "detected_at": [ts("2026-03-02 10:08"), ts("2026-03-02 14:05")],
        "acknowledged_at": [ts("2026-03-02 10:10"), pd.NaT],
        "resolved_at": [ts("2026-03-02 11:00"), ts("2026-03-02 15:00")],
        "category": ["deploy", "capacity"]})
    episodes = pd.DataFrame({
        "incident_id": ["d1", "d1", "d2", "d3"], "episode_id": ["e1", "e2", "e3", "e4"],
        "service": ["cart", "gateway", "auth", "search"],
        "start": [ts("2026-03-02 10:03"), ts("2026-03-02 10:05"), ts("2026-03-02 14:02"),
                  ts("2026-03-02 20:00")],
        "end": [ts("2026-03-02 10:40"), ts("2026-03-02 10:40"), ts("2026-03-02 14:30"),
                ts("2026-03-02 20:20")],
        "is_open": [False, False, False, False],
        "kind": ["cascading", "cascading", "persistent", "transient"],
        "severity": ["P1", "P2", "P1", "P1"], "root_service": ["cart", "cart", "auth", "search"],
        "category": ["network.timeout"] * 4, "count_errors": [50, 20, 30, 5],
        "is_retry_storm": [False] * 4, "version": ["1"] * 4,
        "evidence": [{"root": {"rule": "errors mostly originate here"}}, {}, {}, {}],
        "team": ["shop", "edge", "identity", "discovery"]})
    empty = pd.DataFrame()
    return AnalyticsInputs(
        error_counts=pd.DataFrame(columns=["hour", "service", "version", "fingerprint",
                                           "error_type", "http_status", "count_errors"]),
        service_minute=empty, call_latency=pd.DataFrame(), episodes=episodes,
        incidents=incidents,
        catalog=pd.DataFrame({"service": ["cart", "gateway"], "team": ["shop", "edge"],
                              "depends_on": [[], ["cart"]]}),
        deployments=pd.DataFrame({"service": ["cart"], "version": ["2.0"],
                                  "deployed_at": [ts("2026-03-02 09:30")]}),
        fingerprints=pd.DataFrame(columns=["fingerprint", "template_id", "first_seen_at",
                                           "introduced_by_version"]),
        templates=pd.DataFrame(columns=["template_id", "template"]))


def test_p1_incidents_from_history_and_unrecorded_detections():
    p1 = p1_incidents(inputs())
    # INC-1 (history P1, covered by d1); d2 is claimed by INC-2 (a P3): no postmortem;
    # d3 was detected as P1 and never recorded: it is owed one
    assert p1["incident_id"].tolist() == ["INC-1", "d3"]
    assert p1.loc[0, "detected_incident_ids"] == ["d1"]
    assert p1.loc[0, "faultline_detected_at"] == ts("2026-03-02 10:04")
    assert p1.loc[1, "source"] == "detected"


def test_draft_is_blameless_and_says_what_the_data_knows():
    row = p1_incidents(inputs()).iloc[0].to_dict()
    text = postmortem_draft(row, inputs(), None)
    assert text.startswith("---\nincident: INC-1\nseverity: P1\nstatus: draft\n")
    for heading in ("## Timeline (UTC)", "## Impact", "## Root-cause candidates",
                    "## Detection quality", "## Action items", "## Lessons learned"):
        assert heading in text
    assert "| detected (recorded) | 2026-03-02 10:08:00 | +8.0 min |" in text
    assert "| detected by faultline | 2026-03-02 10:04:00 | +4.0 min |" in text
    assert "**cart** — errors mostly originate here" in text
    assert "cart 2.0 at 2026-03-02 09:30" in text  # deploy 30 min before the start
    assert "gateway (errors from 2026-03-02 10:05:00, +2 min, calls cart)" in text
    assert "-4.0 min relative to the record" in text
    assert "Blameless" in text
    assert completion(text)[2] is False


def test_status_check_reasons(tmp_path):
    folder = tmp_path / "pm"
    folder.mkdir()
    status = postmortem_status(inputs(), folder).set_index("incident_id")
    assert status.loc["INC-1", "reason"] == "no postmortem written"
    (folder / "INC-1.md").write_text("---\nstatus: draft\n---\nTODO(team)\nTODO(team)\n")
    (folder / "d3.md").write_text("---\nincident: d3\nstatus: complete\n---\nDone.\n")
    status = postmortem_status(inputs(), folder).set_index("incident_id")
    assert status.loc["INC-1", "reason"] == "status is draft, 2 TODO(team) left"
    assert bool(status.loc["d3", "is_complete"])
    # complete in name only: markers left
    (folder / "d3.md").write_text("---\nstatus: complete\n---\nTODO(team)\n")
    assert not postmortem_status(inputs(), folder).set_index("incident_id").loc[
        "d3", "is_complete"]


def test_completion_needs_front_matter():
    assert completion("status: complete\n") == ("missing", 0, False)
