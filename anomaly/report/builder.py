"""``build_report``: the analytics of a store as one HTML file and the same content as
Markdown.

Sections: summary, error-rate timelines with episodes marked, volume by service /
team / deploy, top recurring patterns, MTTD / MTTR, SLO error budgets, on-call load,
per-team tables, telemetry cost, improvement items, P1 postmortems, method notes.
Every number in it comes from a function of :mod:`anomaly.analytics`, and the
frames are returned with the paths, so a test (or a notebook) can check them.

Examples
--------
>>> import tempfile, pathlib
>>> from features.store import Store
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> with Store.open(tmp / "fl.duckdb") as store:
...     result = build_report(store, out_dir=tmp / "reports")
>>> result.html_path.name, result.markdown_path.name
('report.html', 'report.md')
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from anomaly.report.document import (
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    to_html,
    to_markdown,
    write_figures,
)
from features.governance.roles import audited_api

__all__ = ["ReportResult", "build_report", "compute_analytics"]

STEPS = ["read store", "volume", "recurrence", "mttd/mttr", "slo", "on-call", "cost",
         "improvements", "postmortems", "figures", "write"]


@dataclass
class ReportResult:
    """What :func:`build_report` wrote and the frames behind it.

    Attributes
    ----------
    html_path, markdown_path : Path
    figure_paths : list of Path
        The PNG files beside the Markdown (the HTML embeds the same images).
    analytics : dict of str to pandas.DataFrame
        Every frame the report shows, by name (see :func:`compute_analytics`).
    document : Document
    """

    html_path: Path
    markdown_path: Path
    figure_paths: list[Path] = field(default_factory=list)
    analytics: dict[str, pd.DataFrame] = field(default_factory=dict)
    document: Document | None = None


def _timeline_freq(service_minute: pd.DataFrame) -> str:
    if service_minute.empty:
        return "1h"
    minutes = pd.to_datetime(service_minute["minute"])
    days = (minutes.max() - minutes.min()).total_seconds() / 86400.0
    if days <= 4:
        return "10min"
    if days <= 30:
        return "1h"
    return "1D"


def _templates_of(fingerprints: pd.DataFrame, templates: pd.DataFrame) -> dict[str, str]:
    if fingerprints.empty or templates.empty:
        return {}
    text = dict(zip(templates["template_id"], templates["template"], strict=False))
    out = {}
    for fp, tid in zip(fingerprints["fingerprint"], fingerprints["template_id"], strict=False):
        t = text.get(tid)
        if isinstance(t, str):
            out[fp] = t if len(t) <= 90 else t[:87] + "..."
    return out


def compute_analytics(inputs: Any, store: Any = None, *,
                      truth: str | os.PathLike[str] | Iterable[Mapping[str, Any]] | None = None,
                      postmortem_dir: str | os.PathLike[str] | None = None,
                      progress: Callable[[str, int, int], None] | None = None
                      ) -> dict[str, pd.DataFrame]:
    """Every analytics frame of the report, by name.

    Parameters
    ----------
    inputs : anomaly.analytics.AnalyticsInputs
    store : features.store.Store, optional
        Needed for the telemetry cost report (which measures the store itself).
    truth : path or list of dict, optional
        Ground truth for detection delays (the simulator's ``truth.json``); default
        the incident history.
    postmortem_dir : path, optional
        Where postmortems live, for the completion check.
    progress : callable, optional
        ``progress(step, index, total)``.
    """
    from anomaly import analytics as an
    from anomaly.report.postmortem import postmortem_status

    def tick(name: str) -> None:
        if progress is not None:
            progress(name, STEPS.index(name), len(STEPS))

    out: dict[str, pd.DataFrame] = {}
    eps = inputs.episodes
    tick("volume")
    out["timeline"] = an.error_rate_timeline(inputs.service_minute,
                                             freq=_timeline_freq(inputs.service_minute))
    out["volume_service"] = an.error_volume(inputs.error_counts, by="service")
    out["volume_team"] = an.error_volume(inputs.error_counts, by="team",
                                         catalog=inputs.catalog)
    out["episodes_team"] = an.episode_volume(eps, by="team")
    out["episodes_kind"] = an.episode_volume(eps, by="kind")
    out["deploy_cycles"] = an.deploy_cycles(inputs.error_counts, inputs.deployments,
                                            episodes=eps)
    tick("recurrence")
    rec = an.recurring_fingerprints(eps, error_counts=inputs.error_counts)
    names = _templates_of(inputs.fingerprints, inputs.templates)
    rec.insert(1, "template", [names.get(f, "") for f in rec["fingerprint"]])
    out["recurring_fingerprints"] = rec
    out["recurring_kinds"] = an.recurring_kinds(eps)
    out["top_categories"] = an.top_categories(eps, error_counts=inputs.error_counts)
    incidents_per_cat = (eps.drop_duplicates(["incident_id", "category"])
                         .assign(count_incidents=1) if len(eps) else
                         pd.DataFrame(columns=["category", "start", "count_incidents"]))
    out["category_trend"] = an.weekly_trend(
        incidents_per_cat.assign(category=incidents_per_cat["category"].fillna("uncategorized")),
        key="category", time_col="start", value="count_incidents")
    tick("mttd/mttr")
    timings = an.incident_timings(inputs.incidents, inputs.catalog)
    out["timings"] = timings
    for by in ("team", "service", "severity"):
        out[f"mttx_{by}"] = an.mttx_summary(timings, by=by)
    out["mttx_trend"] = an.mttx_trend(timings)
    if truth is None:
        truth_frame = an.truth_from_incidents(inputs.incidents)
    else:
        from anomaly.train import read_truth

        truth_frame = pd.DataFrame(read_truth(truth)[0])
    out["detection"] = an.detection_delays(eps, truth_frame) if len(eps) else \
        an.detection_delays(eps.assign(start=pd.Series(dtype="datetime64[us]"),
                                       end=pd.Series(dtype="datetime64[us]")), truth_frame)
    out["detection_summary"] = an.detection_summary(out["detection"])
    tick("slo")
    out["budget"] = an.error_budget_burn(inputs.service_minute, inputs.catalog)
    tick("on-call")
    page_rows = an.pages(eps)
    out["pages"] = page_rows
    out["oncall"] = an.oncall_load(page_rows)
    out["escalation"] = an.escalation_load(page_rows)
    tick("cost")
    if store is not None:
        out["cost"] = an.telemetry_cost(store)
    else:
        out["cost"] = pd.DataFrame(columns=["field", "kind", "share_of_bytes", "suggestion"])
    tick("improvements")
    out["improvements"] = an.improvement_items(
        eps, error_counts=inputs.error_counts, call_latency=inputs.call_latency,
        catalog=inputs.catalog, deployments=inputs.deployments, templates=inputs.templates,
        fingerprints=inputs.fingerprints)
    tick("postmortems")
    out["postmortems"] = postmortem_status(inputs, postmortem_dir)
    out["teams"] = _team_overview(out, inputs)
    out["summary"] = _summary(out, inputs)
    return out


def _team_overview(a: dict[str, pd.DataFrame], inputs: Any) -> pd.DataFrame:
    teams = sorted(set(inputs.catalog["team"].dropna()) | set(a["volume_team"]["team"])
                   | set(a["episodes_team"]["team"].dropna()))
    vol = a["volume_team"].set_index("team") if len(a["volume_team"]) else None
    eps = a["episodes_team"].set_index("team") if len(a["episodes_team"]) else None
    mttx = a["mttx_team"].set_index("team") if len(a["mttx_team"]) else None
    pages = a["pages"]
    budget = a["budget"]
    owner = dict(zip(inputs.catalog["service"], inputs.catalog["team"], strict=False))
    rows = []
    for team in teams:
        services = sorted(s for s, t in owner.items() if t == team)
        b = budget[budget["service"].isin(services)]
        p = pages[pages["team"] == team] if len(pages) else pages
        rows.append({
            "team": team, "services": services,
            "count_errors": int(vol.loc[team, "count_errors"]) if vol is not None
            and team in vol.index else 0,
            "count_incidents": int(eps.loc[team, "count_incidents"]) if eps is not None
            and team in eps.index else 0,
            "count_pages": len(p),
            "count_out_of_hours": int(p["is_out_of_hours"].sum()) if len(p) else 0,
            "mttr_median_min": mttx.loc[team, "mttr_median_min"] if mttx is not None
            and team in mttx.index else float("nan"),
            "max_burn_rate": float(b["burn_rate"].max()) if len(b) else float("nan"),
        })
    return pd.DataFrame(rows, columns=["team", "services", "count_errors", "count_incidents",
                                       "count_pages", "count_out_of_hours", "mttr_median_min",
                                       "max_burn_rate"])


def _summary(a: dict[str, pd.DataFrame], inputs: Any) -> pd.DataFrame:
    eps = inputs.episodes
    counts = inputs.error_counts
    hours = pd.to_datetime(counts["hour"]) if len(counts) else pd.Series(dtype="datetime64[us]")
    p1 = eps[eps["severity"] == "P1"]["incident_id"].nunique() if len(eps) else 0
    top = a["top_categories"]
    burn = a["budget"].dropna(subset=["burn_rate"])
    missing = a["postmortems"]
    rows = [
        ("period start", hours.min() if len(hours) else None),
        ("period end", hours.max() + pd.Timedelta(hours=1) if len(hours) else None),
        ("error events stored", int(counts["count_errors"].sum()) if len(counts) else 0),
        ("services with errors", int(counts["service"].nunique()) if len(counts) else 0),
        ("detected incidents", int(eps["incident_id"].nunique()) if len(eps) else 0),
        ("detected episodes", len(eps)),
        ("detected P1 incidents", int(p1)),
        ("recorded incidents (history)", len(inputs.incidents)),
        ("recurring fingerprints", int(a["recurring_fingerprints"]["is_recurring"].sum())
         if len(a["recurring_fingerprints"]) else 0),
        ("top recurring category", top["category"].iloc[0] if len(top) else None),
        ("median time to detect, recorded (min)",
         _median(a["timings"]["ttd_minutes"]) if len(a["timings"]) else None),
        ("median time to resolve, recorded (min)",
         _median(a["timings"]["ttr_minutes"]) if len(a["timings"]) else None),
        ("median time to detect, faultline (min)",
         _median(a["detection"].loc[a["detection"]["is_detected"], "ttd_minutes"])
         if len(a["detection"]) else None),
        ("median time to recover, faultline (min)",
         _median(a["detection"].loc[a["detection"]["is_detected"], "ttr_minutes"])
         if len(a["detection"]) else None),
        ("highest burn rate", f"{burn['service'].iloc[0]} ({burn['burn_rate'].iloc[0]:g})"
         if len(burn) else None),
        ("pages", len(a["pages"])),
        ("improvement items", len(a["improvements"])),
        ("P1 incidents lacking a completed postmortem",
         int((~missing["is_complete"]).sum()) if len(missing) else 0),
    ]
    return pd.DataFrame(rows, columns=["metric", "value"])


def _median(values: pd.Series) -> float | None:
    from anomaly.analytics.periods import percentile

    v = percentile(values.to_numpy(dtype=float), 50)
    return None if v != v else round(v, 1)


def _document(a: dict[str, pd.DataFrame], inputs: Any, title: str) -> Document:
    from anomaly.report import plots

    s = a["summary"].set_index("metric")["value"]
    subtitle = (f"Error telemetry from {s['period start']} to {s['period end']} (UTC). "
                "All identities in the store are tokenized; this report shows counts only.")
    eps = inputs.episodes
    sections: list[Section] = []

    sections.append(Section("Summary", [
        Paragraph(f"{s['error events stored']} error events from {s['services with errors']} "
                  f"services; faultline detected {s['detected incidents']} incidents "
                  f"({s['detected P1 incidents']} P1) in {s['detected episodes']} episodes; "
                  f"{s['recorded incidents (history)']} incidents are in the recorded history. "
                  f"The category that recurs most is {s['top recurring category'] or 'none'}."),
        Table(a["summary"], "Key figures", max_rows=50),
    ]))

    top_services = a["volume_service"]["service"].head(6).tolist()
    with_eps = [x for x in eps["service"].value_counts().index if x not in top_services][:2] \
        if len(eps) else []
    services = top_services + with_eps
    sections.append(Section("Error rate timelines", [
        Paragraph("Errors per request over time for the services with the most errors (and "
                  "services with episodes); shaded spans are detected episodes, coloured by "
                  "kind."),
        Figure("timeline", plots.plot_error_rate_timeline(a["timeline"], eps, services),
               "Error rate (%) per service with detected episodes shaded by kind"),
    ]))

    sections.append(Section("Volume", [
        Table(a["volume_service"], "Errors by service"),
        Table(a["volume_team"], "Errors by team"),
        Table(a["episodes_team"], "Episodes and incidents by team"),
        Table(a["episodes_kind"], "Episodes and incidents by kind"),
        Table(a["deploy_cycles"].sort_values("errors_per_hour", ascending=False,
                                             na_position="last"),
              "Deploy cycles, most errors per hour first (a cycle runs until the next deploy)",
              max_rows=15),
    ]))

    rec = a["recurring_fingerprints"]
    sections.append(Section("Top recurring patterns", [
        Paragraph("Fingerprints and episode kinds that come back across incidents, deploys "
                  "(versions) and weeks, and the incident categories that recur most."),
        Figure("categories", plots.plot_top_categories(a["top_categories"]),
               "Incidents per category (errors in their episodes annotated)"),
        Table(a["top_categories"].drop(columns=["services"]), "Top recurring categories"),
        Table(rec.drop(columns=["first_at"]), "Recurring fingerprints (recurring first)",
              max_rows=15),
        Table(a["recurring_kinds"], "Episode kinds per service"),
        Table(a["category_trend"], "Incidents per category, week over week"),
    ]))

    sections.append(Section("MTTD and MTTR", [
        Paragraph("From the incident history: time to detect (detected - started), to "
                  "acknowledge (acknowledged - detected) and to resolve (resolved - started), "
                  "in minutes: medians and 90th percentiles. Faultline's own time to detect "
                  "is measured on detected episodes against the same ground truth."),
        Figure("mttx", plots.plot_mttx(a["timings"], a["detection"]),
               "Time to detect and to resolve per incident"),
        Table(a["mttx_team"], "By team"),
        Table(a["mttx_service"], "By service"),
        Table(a["mttx_severity"], "By severity"),
        Table(a["mttx_trend"], "Weekly trend"),
        Table(a["detection_summary"], "Faultline detection against ground truth"),
        Table(a["detection"].drop(columns=["end"]), "Detection per ground-truth failure"),
    ]))

    sections.append(Section("SLO error budgets", [
        Paragraph("Burn rate = errors / (SLO error rate x requests); 1 spends the budget "
                  "exactly over the SLO period. Share spent is of a 30-day budget; fast-burn "
                  "minutes are minutes whose trailing hour burned at 14.4 or more."),
        Figure("budget", plots.plot_budget_burn(a["budget"]), "Burn rate per service"),
        Table(a["budget"], "Error-budget burn per service"),
    ]))

    sections.append(Section("On-call load", [
        Paragraph("A page is one incident paging one team (episodes whose action is page). "
                  "Out of hours: outside Monday-Friday 09:00-18:00 UTC. load_vs_median_team "
                  "compares a team's pages per week with the median team's."),
        Figure("oncall", plots.plot_oncall(a["oncall"]), "Pages per team"),
        Table(a["oncall"], "Pages per team and week"),
        Table(a["escalation"], "Share carried by each escalation target"),
    ]))

    team_blocks: list[Any] = [Table(a["teams"], "Teams at a glance")]
    sections.append(Section("Per-team tables", team_blocks))
    owner = dict(zip(inputs.catalog["service"], inputs.catalog["team"], strict=False))
    for team in a["teams"]["team"]:
        mine = [x for x, t in owner.items() if t == team]
        vol = a["volume_service"][a["volume_service"]["service"].isin(mine)][
            ["service", "count_errors", "share_errors", "count_fingerprints"]]
        bud = a["budget"][a["budget"]["service"].isin(mine)][
            ["service", "burn_rate", "share_budget_spent", "minutes_fast_burn"]]
        table = vol.merge(bud, on="service", how="outer")
        team_eps = eps[eps["team"] == team] if len(eps) else eps
        sections.append(Section(f"Team {team}", [
            Table(table, f"{team}: services"),
            Table(team_eps[["incident_id", "service", "start", "end", "kind", "severity",
                            "category", "count_errors"]] if len(team_eps) else
                  pd.DataFrame(columns=["incident_id"]), f"{team}: episodes", max_rows=10),
        ], level=3))

    sections.append(Section("Telemetry cost", [
        Paragraph("For each field and each key inside attributes: the distinct values "
                  "(approximate), the bytes stored (uncompressed) and the share of storage, "
                  "whether the pipeline uses the field, and a suggestion where cardinality or "
                  "cost outweighs diagnostic use."),
        Figure("cost", plots.plot_cost(a["cost"]), "Share of stored bytes per field"),
        Table(a["cost"], "Cost per field and attribute key", max_rows=60),
    ]))

    sections.append(Section("Improvement items", [
        Paragraph("Engineering actions derived from the data, ranked by the errors they "
                  "address; each with its evidence and the effect to expect. Use them in the "
                  "sprint retrospective and to update the service design standards."),
        Table(a["improvements"], "Ranked improvement items", max_rows=30),
    ]))

    pm = a["postmortems"]
    sections.append(Section("P1 postmortems", [
        Paragraph("P1 incidents and the state of their postmortem (drafts are written by "
                  "`faultline postmortems`; a postmortem is complete when its status is "
                  "complete and no section is left to the team)."),
        Table(pm, "P1 incidents and postmortem status", max_rows=50),
    ]))

    sections.append(Section("Method notes", [
        Paragraph("Percentiles interpolate linearly between ranks (numpy's default). Weeks "
                  "start on Monday, UTC. Errors are stored events (sampled events count once "
                  "each). Faultline's detection time is an episode's first anomalous minute "
                  "plus one minute (the minute's score exists once it is over). Users affected "
                  "are counts of distinct user tokens, never identities."),
    ]))
    return Document(title, sections, subtitle)


@audited_api("write", "reports")
def build_report(store: Any = None, *, db: str | os.PathLike[str] | None = None,
                 out_dir: str | os.PathLike[str] = "reports",
                 truth: str | os.PathLike[str] | Iterable[Mapping[str, Any]] | None = None,
                 postmortem_dir: str | os.PathLike[str] | None = None,
                 title: str = "faultline report",
                 progress: Callable[[str, int, int], None] | None = None) -> ReportResult:
    """Build the HTML and Markdown report of a store.

    Parameters
    ----------
    store : features.store.Store, optional
        An open store; by default ``db`` (or ``$FAULTLINE_DB``) is opened read-only.
    db : path, optional
    out_dir : path
        Where ``report.html``, ``report.md`` and ``report_files/*.png`` are written.
    truth : path or list of dict, optional
        Ground truth for faultline's detection delays (default: the incident history).
    postmortem_dir : path, optional
        Postmortem folder for the completion check (default ``<out_dir>/postmortems``).
    title : str
    progress : callable, optional
        ``progress(step, index, total)`` before each step.

    Returns
    -------
    ReportResult
    """
    from anomaly.analytics import load_inputs
    from features.store import Store

    out = Path(out_dir)
    own = store is None
    if own:
        store = Store.open(db, read_only=True)
    try:
        if progress is not None:
            progress("read store", 0, len(STEPS))
        inputs = load_inputs(store)
        pm_dir = Path(postmortem_dir) if postmortem_dir is not None else out / "postmortems"
        analytics = compute_analytics(inputs, store, truth=truth, postmortem_dir=pm_dir,
                                      progress=progress)
    finally:
        if own:
            store.close()
    if progress is not None:
        progress("figures", STEPS.index("figures"), len(STEPS))
    doc = _document(analytics, inputs, title)
    if progress is not None:
        progress("write", STEPS.index("write"), len(STEPS))
    out.mkdir(parents=True, exist_ok=True)
    html_path, md_path = out / "report.html", out / "report.md"
    figure_paths = write_figures(doc, out / "report_files")
    _write_atomic(html_path, to_html(doc))
    _write_atomic(md_path, to_markdown(doc, image_dir="report_files"))
    # what the report was built from, for `faultline lineage --report DIR`
    from anomaly.lineage import write_report_lineage

    write_report_lineage([html_path, md_path, *figure_paths], db=db if own else store)
    return ReportResult(html_path, md_path, figure_paths, analytics, doc)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def summary_json(result: ReportResult) -> str:
    """The key figures as JSON (for scripts)."""
    rows = result.analytics["summary"]
    return json.dumps({m: (str(v) if v is not None else None)
                       for m, v in zip(rows["metric"], rows["value"], strict=True)})
