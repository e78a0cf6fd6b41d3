"""P1 postmortem drafts in a blameless format, and the check that lists P1 incidents
still lacking a completed postmortem.

The P1 incidents are those of the incident history (the system of record) with
severity P1, plus incidents faultline detected and rated P1 that no recorded incident
covers (same service, overlapping time). A draft holds what the data can say:

* **timeline** — start, detect (recorded and faultline's), acknowledge, resolve;
* **impact** — affected services, errors, distinct user *tokens* (counts only);
* **root-cause candidates** — the root service and why, the top fingerprints in the
  window (new ones marked, with the version that introduced them), deploys of the
  affected services shortly before the start, and the cascade path in onset order;
* **detection quality** — recorded versus faultline time to detect, kind and severity;

and leaves the rest to the team: narrative, contributing factors, what went well or
wrong, action items (suggestions from :func:`anomaly.analytics.improvement_items` for
these services are listed to pick from). Those places are marked ``TODO(team)``.

A postmortem is **complete** when its front matter says ``status: complete`` and no
``TODO(team)`` marker is left. Drafts never overwrite an existing file unless asked.

Examples
--------
>>> import pandas as pd
>>> text = "---\\nincident: INC-1\\nstatus: complete\\n---\\n# Postmortem\\nAll done.\\n"
>>> completion(text)
('complete', 0, True)
>>> completion("---\\nstatus: draft\\n---\\nTODO(team): write this")
('draft', 1, False)
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc

__all__ = ["PostmortemSettings", "completion", "p1_incidents", "postmortem_draft",
           "postmortem_status", "write_postmortems"]

TODO = "TODO(team)"
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class PostmortemSettings:
    """Windows used when gathering evidence for a draft.

    Parameters
    ----------
    match_slack_minutes : float
        A detected incident covers a recorded one when they share a service and overlap
        within this slack.
    deploy_lookback_minutes : float
        Deploys of the affected services this long before the start are candidates.
    new_fingerprint_minutes : float
        A fingerprint first seen this long before the start (or later) is new.
    top_fingerprints : int
        Fingerprints listed among the root-cause candidates.
    """

    match_slack_minutes: float = 15.0
    deploy_lookback_minutes: float = 120.0
    new_fingerprint_minutes: float = 30.0
    top_fingerprints: int = 5


def _safe_name(incident_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", str(incident_id))[:100] or "incident"


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple | np.ndarray):
        return [str(v) for v in value]
    return [] if value is None else [str(value)]


def _ts(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    ts = pd.Timestamp(value)
    return ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts


def p1_incidents(inputs: Any, *, settings: PostmortemSettings | None = None) -> pd.DataFrame:
    """The P1 incidents a postmortem is owed for.

    Parameters
    ----------
    inputs : anomaly.analytics.AnalyticsInputs
        ``incidents`` (history) and ``episodes`` (detected).

    Returns
    -------
    pandas.DataFrame
        ``incident_id, source (history / detected), title, services, started_at,
        detected_at, acknowledged_at, resolved_at, detected_incident_ids,
        faultline_detected_at``; by start.
    """
    cfg = settings or PostmortemSettings()
    slack = pd.Timedelta(minutes=cfg.match_slack_minutes)
    eps = inputs.episodes
    det = pd.DataFrame(columns=["incident_id", "services", "start", "end", "severity"])
    if len(eps):
        e = eps.assign(start=naive_utc(eps["start"]), end=naive_utc(eps["end"]))
        det = e.groupby("incident_id").agg(
            services=("service", lambda s: sorted(set(s))), start=("start", "min"),
            end=("end", "max"),
            severity=("severity", lambda s: sorted(s.dropna())[0] if s.notna().any() else None),
        ).reset_index()
    rows, claimed = [], set()
    hist = inputs.incidents
    for r in hist.itertuples(index=False):
        services = _as_list(r.services)
        start, resolved = _ts(r.started_at), _ts(r.resolved_at)
        end = resolved or start
        matched = det[[bool(set(s) & set(services)) and start is not None
                       and d0 <= end + slack and d1 >= start - slack
                       for s, d0, d1 in zip(det["services"], det["start"], det["end"],
                                            strict=True)]] if len(det) else det
        claimed |= set(matched["incident_id"])
        if str(r.severity) != "P1":
            continue
        rows.append({"incident_id": str(r.incident_id), "source": "history",
                     "title": r.title if isinstance(r.title, str) else "",
                     "services": services, "started_at": start,
                     "detected_at": _ts(r.detected_at), "acknowledged_at": _ts(
                         r.acknowledged_at), "resolved_at": resolved,
                     "detected_incident_ids": sorted(matched["incident_id"]),
                     "faultline_detected_at": matched["start"].min() + pd.Timedelta(minutes=1)
                     if len(matched) else None})
    for d in det.itertuples(index=False):
        if d.severity != "P1" or d.incident_id in claimed:
            continue
        open_ = bool(eps.loc[eps["incident_id"] == d.incident_id, "is_open"].fillna(False)
                     .astype(bool).any()) if "is_open" in eps else False
        rows.append({"incident_id": str(d.incident_id), "source": "detected",
                     "title": f"{', '.join(d.services)}: detected P1 incident",
                     "services": list(d.services), "started_at": d.start,
                     "detected_at": None, "acknowledged_at": None,
                     "resolved_at": None if open_ else d.end,
                     "detected_incident_ids": [d.incident_id],
                     "faultline_detected_at": d.start + pd.Timedelta(minutes=1)})
    columns = ["incident_id", "source", "title", "services", "started_at", "detected_at",
               "acknowledged_at", "resolved_at", "detected_incident_ids",
               "faultline_detected_at"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["started_at", "incident_id"], kind="stable").reset_index(drop=True)


def completion(text: str) -> tuple[str, int, bool]:
    """``(status, TODO(team) markers left, is_complete)`` of a postmortem's text."""
    status = "missing"
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "status":
                status = value.strip().lower() or "missing"
    todo = text.count(TODO)
    return status, todo, status == "complete" and todo == 0


def postmortem_status(inputs: Any, folder: str | os.PathLike[str] | None, *,
                      settings: PostmortemSettings | None = None) -> pd.DataFrame:
    """Every P1 incident with the state of its postmortem in ``folder``.

    Returns
    -------
    pandas.DataFrame
        ``incident_id, source, started_at, services, file, status, todo_left,
        is_complete, reason``; incomplete ones are the check's findings.
    """
    p1 = p1_incidents(inputs, settings=settings)
    base = Path(folder) if folder is not None else None
    rows = []
    for r in p1.itertuples(index=False):
        name = f"{_safe_name(r.incident_id)}.md"
        path = base / name if base is not None else None
        if path is None or not path.is_file():
            status, todo, done, reason = "missing", 0, False, "no postmortem written"
        else:
            status, todo, done = completion(path.read_text(encoding="utf-8"))
            reason = ("complete" if done else
                      f"status is {status}" + (f", {todo} TODO(team) left" if todo else ""))
        rows.append({"incident_id": r.incident_id, "source": r.source,
                     "started_at": r.started_at, "services": r.services, "file": name,
                     "status": status, "todo_left": todo, "is_complete": done,
                     "reason": reason})
    return pd.DataFrame(rows, columns=["incident_id", "source", "started_at", "services",
                                       "file", "status", "todo_left", "is_complete",
                                       "reason"])


def _md(text: str) -> str:
    """Text safe in Markdown: angle brackets would be read as HTML (hiding <TOKEN>)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fmt(ts: pd.Timestamp | None) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S") if ts is not None and not pd.isna(ts) else "not recorded"


def _mins(a: pd.Timestamp | None, b: pd.Timestamp | None) -> str:
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return ""
    return f"{(a - b).total_seconds() / 60.0:+.1f} min"


@dataclass
class _Evidence:
    errors: int = 0
    users: int = 0
    fingerprints: list[dict] = field(default_factory=list)
    deploys: list[dict] = field(default_factory=list)


def _gather(con: Any, services: Sequence[str], start: pd.Timestamp, end: pd.Timestamp,
            inputs: Any, cfg: PostmortemSettings) -> _Evidence:
    ev = _Evidence()
    if not services:
        return ev
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()} if con is not None else set()
    params = [list(services), start.to_pydatetime(), end.to_pydatetime()]
    if "events" in tables:
        row = con.execute(
            "SELECT count(*), count(DISTINCT user_id) FROM events "
            "WHERE list_contains(?, service) AND timestamp >= ? AND timestamp <= ?",
            params).fetchone()
        ev.errors, ev.users = int(row[0]), int(row[1])
        fps = con.execute(
            "SELECT fingerprint, any_value(service), any_value(error_type), count(*) AS n "
            "FROM events WHERE list_contains(?, service) AND timestamp >= ? AND timestamp <= ? "
            "AND fingerprint IS NOT NULL GROUP BY fingerprint ORDER BY n DESC, fingerprint "
            "LIMIT ?", [*params, cfg.top_fingerprints]).fetchall()
        info = inputs.fingerprints.set_index("fingerprint") if len(inputs.fingerprints) else None
        text = dict(zip(inputs.templates["template_id"], inputs.templates["template"],
                        strict=False))
        for fp, service, etype, n in fps:
            first, introduced, template = None, None, ""
            if info is not None and fp in info.index:
                first = _ts(info.loc[fp, "first_seen_at"])
                introduced = info.loc[fp, "introduced_by_version"]
                t = text.get(info.loc[fp, "template_id"])
                template = (t[:87] + "...") if isinstance(t, str) and len(t) > 90 else (t or "")
            is_new = first is not None and first >= start - pd.Timedelta(
                minutes=cfg.new_fingerprint_minutes)
            ev.fingerprints.append({
                "fingerprint": fp, "service": service, "error_type": etype or "",
                "count": int(n), "is_new": is_new,
                "introduced_by": introduced if isinstance(introduced, str) else "",
                "template": template})
    deps = inputs.deployments
    if len(deps):
        d = deps.assign(deployed_at=naive_utc(deps["deployed_at"]))
        lo = start - pd.Timedelta(minutes=cfg.deploy_lookback_minutes)
        d = d[d["service"].isin(services) & (d["deployed_at"] >= lo)
              & (d["deployed_at"] <= end)].sort_values("deployed_at")
        ev.deploys = [{"service": x.service, "version": x.version, "deployed_at": x.deployed_at}
                      for x in d.itertuples(index=False)]
    return ev


def _cascade(eps: pd.DataFrame, catalog: pd.DataFrame) -> list[str]:
    if eps.empty:
        return []
    first = eps.assign(start=naive_utc(eps["start"])).groupby("service")["start"].min()
    first = first.sort_values(kind="stable")
    root = eps["root_service"].dropna().mode()
    order = list(first.index)
    if len(root) and root.iloc[0] in order:
        order.remove(root.iloc[0])
        order.insert(0, root.iloc[0])
    t0 = first.min()
    deps = {s: set(_as_list(d)) for s, d in zip(catalog["service"], catalog["depends_on"],
                                               strict=False)} if len(catalog) else {}
    lines = []
    for s in order:
        calls = sorted(deps.get(s, set()) & set(order))
        via = f", calls {', '.join(calls)}" if calls else ""
        lines.append(f"{s} (errors from {_fmt(first.get(s))}, "
                     f"{(first.get(s) - t0).total_seconds() / 60.0:+.0f} min{via})")
    return lines


def postmortem_draft(incident: Any, inputs: Any, store: Any = None, *,
                     settings: PostmortemSettings | None = None) -> str:
    """The Markdown draft of one P1 incident (a row of :func:`p1_incidents`).

    Parameters
    ----------
    incident : row of p1_incidents (namedtuple or dict)
    inputs : anomaly.analytics.AnalyticsInputs
    store : features.store.Store, optional
        For error and user-token counts and fingerprints in the window.
    """
    from anomaly.analytics.improvements import improvement_items

    cfg = settings or PostmortemSettings()
    r = incident if isinstance(incident, dict) else incident._asdict()
    con = getattr(store, "con", store)
    start = _ts(r["started_at"])
    end = _ts(r["resolved_at"]) or start
    services = list(r["services"])
    eps = inputs.episodes
    mine = eps[eps["incident_id"].isin(r["detected_incident_ids"])] if len(eps) else eps
    all_services = sorted(set(services) | set(mine["service"])) if len(mine) else services
    ev = _gather(con, all_services, start, max(end, start), inputs, cfg)
    fl_detect = _ts(r["faultline_detected_at"])
    lines = [
        "---", f"incident: {r['incident_id']}", "severity: P1", "status: draft",
        "generated_by: faultline postmortems", "---", "",
        f"# Postmortem: {r['incident_id']} — {_md(r['title'])}", "",
        "_Blameless format: this document is about systems and decisions, not people. "
        "Numbers below come from the telemetry store; identities are never shown (users "
        "are counted by token)._", "",
        "## Summary", "",
        f"{TODO}: two or three sentences — what failed, for whom, for how long.", "",
        "## Timeline (UTC)", "",
        "| event | time | since start |", "| --- | --- | --- |",
        f"| impact started | {_fmt(start)} | |",
        f"| detected (recorded) | {_fmt(_ts(r['detected_at']))} | "
        f"{_mins(_ts(r['detected_at']), start)} |",
        f"| detected by faultline | {_fmt(fl_detect)} | {_mins(fl_detect, start)} |",
        f"| acknowledged | {_fmt(_ts(r['acknowledged_at']))} | "
        f"{_mins(_ts(r['acknowledged_at']), start)} |",
        f"| resolved | {_fmt(_ts(r['resolved_at']))} | {_mins(_ts(r['resolved_at']), start)} |",
        "",
        f"{TODO}: add the key decisions and actions between detection and resolution.", "",
        "## Impact", "",
        f"- Affected services: {', '.join(all_services) or 'unknown'}",
        f"- Error events in the window: {ev.errors}",
        f"- Users affected: {ev.users} distinct user tokens (counts only)",
    ]
    if len(mine):
        lines.append(f"- Detected episodes: {len(mine)}, kinds: "
                     f"{', '.join(sorted(set(mine['kind'].dropna())))}")
    lines += ["", "## Root-cause candidates", ""]
    if len(mine) and mine["root_service"].notna().any():
        root = mine["root_service"].dropna().mode().iloc[0]
        rule = ""
        evid = mine["evidence"].iloc[0] if "evidence" in mine else {}
        if isinstance(evid, dict):
            rule = (evid.get("root") or {}).get("rule", "")
        lines.append(f"- Root service (classification): **{root}**" + (f" — {rule}" if rule else ""))
    if ev.fingerprints:
        lines += ["- Top fingerprints in the window:", "",
                  "  | fingerprint | service | error type | events | new | introduced by | template |",
                  "  | --- | --- | --- | --- | --- | --- | --- |"]
        for f in ev.fingerprints:
            tpl = _md(f["template"]).replace("|", "\\|")
            lines.append(f"  | {f['fingerprint']} | {f['service']} | {f['error_type']} | "
                         f"{f['count']} | {'yes' if f['is_new'] else 'no'} | "
                         f"{f['introduced_by']} | {tpl} |")
        lines.append("")
    if ev.deploys:
        lines.append(f"- Deploys of the affected services from "
                     f"{cfg.deploy_lookback_minutes:.0f} min before the start:")
        lines += [f"  - {d['service']} {d['version']} at {_fmt(d['deployed_at'])} "
                  f"({_mins(d['deployed_at'], start)})" for d in ev.deploys]
    else:
        lines.append(f"- No deploy of the affected services in the "
                     f"{cfg.deploy_lookback_minutes:.0f} min before the start.")
    path = _cascade(mine, inputs.catalog)
    if len(path) > 1:
        lines.append("- Cascade path (root first, then by onset):")
        lines += [f"  {i + 1}. {p}" for i, p in enumerate(path)]
    lines += ["", f"{TODO}: confirm the root cause and the contributing factors.", "",
              "## Detection quality", ""]
    recorded = _ts(r["detected_at"])
    if fl_detect is not None:
        lines.append(f"- faultline detected it {_mins(fl_detect, start)} after the start"
                     + (f"; people recorded detection {_mins(recorded, start)} after the start"
                        f" ({_mins(fl_detect, recorded)} relative to the record)"
                        if recorded is not None else "") + ".")
    else:
        lines.append("- faultline did not detect this incident: no episode on its services "
                     "overlapped it. Check the detector's coverage of these services.")
    if len(mine):
        sev = ", ".join(sorted(set(mine["severity"].dropna())))
        lines.append(f"- Classified as {', '.join(sorted(set(mine['kind'].dropna())))}; "
                     f"severity {sev}.")
    lines += ["", "## What went well", "", f"{TODO}", "",
              "## What went wrong", "", f"{TODO}", "",
              "## Where we got lucky", "", f"{TODO}", "",
              "## Action items", "",
              "| action | type (prevent / detect / mitigate) | owner | due | ticket |",
              "| --- | --- | --- | --- | --- |",
              f"| {TODO} | | | | |", ""]
    items = improvement_items(mine, error_counts=None, call_latency=inputs.call_latency,
                              catalog=inputs.catalog, deployments=inputs.deployments) \
        if len(mine) else pd.DataFrame()
    if len(items):
        lines += ["Suggested from the data (pick, adapt or discard):", ""]
        lines += [f"- {x.action}: {x.expected_effect} (evidence: {x.evidence})"
                  for x in items.head(5).itertuples(index=False)]
        lines.append("")
    lines += ["## Lessons learned", "", f"{TODO}", "",
              "_When every section is written, set `status: complete` in the header._", ""]
    return "\n".join(lines)


def write_postmortems(store: Any, out_dir: str | os.PathLike[str], *, inputs: Any = None,
                      overwrite: bool = False, settings: PostmortemSettings | None = None
                      ) -> tuple[list[Path], pd.DataFrame]:
    """Write a draft for every P1 incident without a postmortem file, then check them all.

    Parameters
    ----------
    store : features.store.Store
    out_dir : path
        One ``<incident_id>.md`` per P1 incident.
    inputs : anomaly.analytics.AnalyticsInputs, optional
        Default: read from ``store``.
    overwrite : bool
        Replace existing files (default: never touch a postmortem someone may be editing).

    Returns
    -------
    (list of Path, pandas.DataFrame)
        The drafts written now, and :func:`postmortem_status` after writing.
    """
    from anomaly.analytics.tables import load_inputs

    inputs = inputs if inputs is not None else load_inputs(store)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for r in p1_incidents(inputs, settings=settings).itertuples(index=False):
        path = folder / f"{_safe_name(r.incident_id)}.md"
        if path.exists() and not overwrite:
            continue
        text = postmortem_draft(r, inputs, store, settings=settings)
        tmp = path.with_suffix(".md.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    return written, postmortem_status(inputs, folder, settings=settings)
