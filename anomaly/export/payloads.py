"""Alert payloads for Alertmanager (API v2), PagerDuty Events API v2 and Opsgenie.

What goes out, per target:

* **Alertmanager**: one alert per non-suppressed episode (one service of an incident),
  labelled ``alertname="FaultlineIncident"``, ``incident_id``, ``service``, ``team``,
  ``severity`` (Alertmanager's scale) and ``priority`` (P1..P5). Route and group on
  ``incident_id`` in Alertmanager to get one notification per incident; the label set is
  the alert's identity there, so a re-send updates the same alert. An open episode is
  sent with ``endsAt`` = now + a lease; a closed one with its real end (the resolve).
* **PagerDuty**: one alert per incident, ``dedup_key = "faultline-<incident_id>"``:
  ``trigger`` while any of its episodes is open (re-sent when what it says changes),
  ``resolve`` once all are closed. The routing key comes from the lead episode's
  ``escalation.pagerduty`` (the catalog's ownership).
* **Opsgenie**: the same unit with ``alias = "faultline-<incident_id>"``: create
  (``POST /v2/alerts``) while open, close (``POST /v2/alerts/<alias>/close``) once
  closed; responders from ``escalation.opsgenie`` (a team name).

Severity is mapped from P1..P5 onto each target's scale (``alerts.severity`` in the
config). Lower-severity alerts inside an active multi-service incident are folded
into its alert (:mod:`anomaly.export.fatigue`). A payload holds only values of the
episode rows (service, team, counts, fingerprints, ...) and fixed text: nothing else
is looked up, so nothing raw can leak in.

Examples
--------
>>> from datetime import datetime, UTC
>>> eps = [dict(incident_id="i1", episode_id="e1", service="checkout", start=
...     "2026-03-01T10:00:00", end=None, is_open=True, severity="P2", team="payments",
...     kind="persistent", escalation={"pagerduty": "pd-payments-primary"})]
>>> plan = build_alerts(eps, targets=["pagerduty"], now=datetime(2026, 3, 1, 10, 5, tzinfo=UTC))
>>> m = plan.messages[0]
>>> m.action, m.dedup_key, m.body["routing_key"], m.body["payload"]["severity"]
('trigger', 'faultline-i1', 'pd-payments-primary', 'error')
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from anomaly.export.config import TARGETS, AlertingConfig, load_alerting_config
from anomaly.export.episodes import read_episodes
from anomaly.export.fatigue import Suppression, plan_suppression, severity_rank

__all__ = [
    "ALERTNAME", "AlertMessage", "AlertPlan", "alertmanager_key", "build_alerts", "dedup_key",
]

ALERTNAME = "FaultlineIncident"
"""The ``alertname`` label of every Alertmanager alert faultline sends."""

_PD_SUMMARY_MAX = 1024
_OG_MESSAGE_MAX = 130
_OG_DESCRIPTION_MAX = 15000
_OG_DETAILS_MAX = 8000
_OG_TAG_MAX = 50
_OG_TAGS_MAX = 20
_MAX_FINGERPRINTS = 10


@dataclass(frozen=True)
class AlertMessage:
    """One request to one alerting target.

    Attributes
    ----------
    target : str
        ``alertmanager``, ``pagerduty`` or ``opsgenie``.
    action : str
        ``trigger`` or ``resolve``.
    dedup_key : str
        The alert's identity at the target: the same key updates the same alert.
    incident_id : str
        The incident the message is about.
    path : str
        Appended to the target's URL (Opsgenie's close endpoint); usually empty.
    body : object
        The JSON body.
    """

    target: str
    action: str
    dedup_key: str
    incident_id: str
    path: str
    body: Any

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (what ``--dry-run`` prints)."""
        return {
            "target": self.target, "action": self.action, "dedup_key": self.dedup_key,
            "incident_id": self.incident_id, "path": self.path, "body": self.body,
        }


@dataclass(frozen=True)
class AlertPlan:
    """What :func:`build_alerts` decided.

    Attributes
    ----------
    messages : list of AlertMessage
        In a stable order: by target, incident, then service.
    suppression : Suppression
        Which episodes were folded into which incident's alert.
    unroutable : list of (target, incident_id, team)
        Incidents left out for a target because no routing (PagerDuty routing key,
        Opsgenie team) is known for them: add it to the catalog's ``escalation`` or set
        the target's default in the config.
    """

    messages: list[AlertMessage]
    suppression: Suppression
    unroutable: list[tuple[str, str, str]] = field(default_factory=list)


def dedup_key(incident_id: str) -> str:
    """The stable key of an incident's alert (PagerDuty ``dedup_key``, Opsgenie ``alias``).

    Examples
    --------
    >>> dedup_key("3f2a9c")
    'faultline-3f2a9c'
    """
    return f"faultline-{incident_id}"


def alertmanager_key(episode: Mapping[str, Any]) -> str:
    """The outbox key of an episode's Alertmanager alert (incident, service, component).

    Examples
    --------
    >>> alertmanager_key({"incident_id": "i1", "service": "cart", "component": None})
    'faultline-i1-cart'
    """
    parts = [episode["incident_id"], episode["service"]]
    if episode.get("component"):
        parts.append(str(episode["component"]))
    return "faultline-" + "-".join(parts)


def _iso(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lead(eps: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The episode an incident's alert is written around: the root service's when it is
    among ``eps``, else the most severe, earliest, then by service name."""
    roots = {e.get("root_service") for e in eps}
    for e in sorted(eps, key=lambda e: (severity_rank(e["severity"]), e["start"], e["service"])):
        if e["service"] in roots:
            return e
    return min(eps, key=lambda e: (severity_rank(e["severity"]), e["start"], e["service"]))


def _summary_line(lead: Mapping[str, Any], priority: str, services: list[str], n_suppressed: int) -> str:
    kind = lead.get("kind") or "error"
    where = lead["service"] + (f"/{lead['component']}" if lead.get("component") else "")
    text = f"[{priority}] {kind} error incident on {where}"
    others = [s for s in services if s != lead["service"]]
    if others:
        text += f" (+{len(others)} service{'s' if len(others) > 1 else ''}: {', '.join(others)})"
    if n_suppressed:
        text += f"; {n_suppressed} lower-severity alert{'s' if n_suppressed > 1 else ''} folded in"
    return text


def _suppressed_entry(e: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "service": e["service"], "severity": e["severity"], "incident_id": e["incident_id"],
        "episode_id": e["episode_id"], "start": _iso(e["start"]),
    }


def _incident_details(
    eps: Sequence[Mapping[str, Any]], lead: Mapping[str, Any], listed: Sequence[Mapping[str, Any]],
    max_evidence_chars: int,
) -> dict[str, Any]:
    fingerprints: list[str] = []
    for e in eps:
        for f in e.get("fingerprints") or []:
            if f not in fingerprints:
                fingerprints.append(f)
    counts = [e.get("count_errors") for e in eps if e.get("count_errors") is not None]
    users = [e.get("count_users_affected") for e in eps if e.get("count_users_affected") is not None]
    scores = [float(e["score"]) for e in eps if e.get("score") is not None]
    details: dict[str, Any] = {
        "incident_id": lead["incident_id"],
        "root_service": lead.get("root_service") or lead["service"],
        "kind": lead.get("kind"),
        "state": lead.get("state"),
        "action": lead.get("action"),
        "started_at": _iso(min(e["start"] for e in eps)),
        "services": [
            {"service": e["service"], "component": e.get("component"), "severity": e["severity"],
             "team": e.get("team"), "state": e.get("state"), "is_open": e["is_open"],
             "version": e.get("version")}
            for e in sorted(eps, key=lambda e: (severity_rank(e["severity"]), e["service"]))
        ],
        "suppressed": [_suppressed_entry(e) for e in listed],
        "is_retry_storm": any(bool(e.get("is_retry_storm")) for e in eps),
        "is_flapping": any(bool(e.get("is_flapping")) for e in eps),
        "score": max(scores) if scores else None,
        "count_errors": int(sum(counts)) if counts else None,
        "count_users_affected": int(max(users)) if users else None,
        "fingerprints": fingerprints[:_MAX_FINGERPRINTS],
    }
    evidence = lead.get("evidence")
    if evidence is not None:
        text = json.dumps(evidence, sort_keys=True, default=str)
        if len(text) <= max_evidence_chars:
            details["evidence"] = evidence
        else:
            details["evidence_omitted"] = f"{len(text)} characters, over the limit of {max_evidence_chars}"
    return details


def _alertmanager(
    eps: Sequence[Mapping[str, Any]], supp: Suppression, cfg: AlertingConfig, now: datetime
) -> list[AlertMessage]:
    lease = timedelta(minutes=int(cfg.alerts["alertmanager_lease_minutes"]))
    runbook = cfg.prometheus["runbook_url"].format(alert=ALERTNAME.lower())
    by_incident: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in eps:
        by_incident[e["incident_id"]].append(e)
    out = []
    for incident_id in sorted(by_incident):
        members = by_incident[incident_id]
        visible = [e for e in members if not supp.is_suppressed(e["episode_id"])]
        if not visible:
            continue
        lead = _lead(visible)
        services = sorted({e["service"] for e in visible})
        listed = supp.listed.get(incident_id, [])
        folded = ", ".join(f"{e['service']} ({e['severity']})" for e in listed)
        for e in sorted(visible, key=lambda e: (e["service"], e["episode_id"])):
            labels = {
                "alertname": ALERTNAME,
                "incident_id": incident_id,
                "service": e["service"],
                "team": e.get("team") or "unknown",
                "severity": cfg.severity("alertmanager", e["severity"]),
                "priority": e["severity"],
            }
            if e.get("component"):
                labels["component"] = str(e["component"])
            annotations = {
                "summary": _summary_line(lead, e["severity"], services, len(listed)),
                "description": (
                    f"{e.get('kind') or 'error'} episode of {e['service']} "
                    f"({e.get('state') or 'degraded'}), part of incident {incident_id} rooted at "
                    f"{lead.get('root_service') or lead['service']}"
                ),
                "runbook_url": runbook,
                "incident_services": ", ".join(services),
                "root_service": str(lead.get("root_service") or lead["service"]),
            }
            if folded:
                annotations["suppressed"] = folded
            for key in ("kind", "action", "version"):
                if e.get(key):
                    annotations[key] = str(e[key])
            if e.get("score") is not None:
                annotations["score"] = f"{float(e['score']):.3f}"
            if e.get("count_errors") is not None:
                annotations["count_errors"] = str(int(e["count_errors"]))
            if e.get("fingerprints"):
                annotations["fingerprints"] = ", ".join(list(e["fingerprints"])[:_MAX_FINGERPRINTS])
            is_open = e["is_open"]
            ends = now + lease if is_open else e["end"]
            body = [{
                "labels": labels,
                "annotations": annotations,
                "startsAt": _iso(e["start"]),
                "endsAt": _iso(ends),
            }]
            key = alertmanager_key(e)
            out.append(AlertMessage(
                "alertmanager", "trigger" if is_open else "resolve", key, incident_id, "", body
            ))
    return out


def _incident_units(
    eps: Sequence[Mapping[str, Any]], supp: Suppression
) -> Iterable[tuple[str, Mapping[str, Any], list[Mapping[str, Any]], bool]]:
    """(incident_id, lead episode, the episodes its alert is about, is_open) for
    PagerDuty/Opsgenie. The lead (which routes the alert) is chosen among all the
    incident's episodes, so a trigger and its resolve always take the same route."""
    by_incident: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in eps:
        by_incident[e["incident_id"]].append(e)
    for incident_id in sorted(by_incident):
        members = by_incident[incident_id]
        lead = _lead(members)
        if not any(e["is_open"] for e in members):
            yield incident_id, lead, members, False
            continue
        visible = [e for e in members if not supp.is_suppressed(e["episode_id"])]
        if not any(e["is_open"] for e in visible):
            continue  # folded entirely into another incident's alert
        yield incident_id, lead, visible, True


def _pagerduty(
    eps: Sequence[Mapping[str, Any]], supp: Suppression, cfg: AlertingConfig,
    unroutable: list[tuple[str, str, str]],
) -> list[AlertMessage]:
    default_key = cfg.targets["pagerduty"]["default_routing_key"]
    max_ev = int(cfg.alerts["max_evidence_chars"])
    out = []
    for incident_id, lead, members, is_open in _incident_units(eps, supp):
        routing_key = lead["escalation"].get("pagerduty") or default_key
        if not routing_key:
            unroutable.append(("pagerduty", incident_id, lead.get("team") or "unknown"))
            continue
        key = dedup_key(incident_id)
        if not is_open:
            body: dict[str, Any] = {
                "routing_key": routing_key, "event_action": "resolve", "dedup_key": key,
            }
            out.append(AlertMessage("pagerduty", "resolve", key, incident_id, "", body))
            continue
        priority = min((e["severity"] for e in members), key=severity_rank)
        listed = supp.listed.get(incident_id, [])
        services = sorted({e["service"] for e in members})
        payload: dict[str, Any] = {
            "summary": _clip(_summary_line(lead, priority, services, len(listed)), _PD_SUMMARY_MAX),
            "source": str(lead.get("root_service") or lead["service"]),
            "severity": cfg.severity("pagerduty", priority),
            "timestamp": _iso(min(e["start"] for e in members)),
            "class": f"{lead.get('kind') or 'error'} errors",
            "custom_details": _incident_details(members, lead, listed, max_ev),
        }
        if lead.get("team"):
            payload["group"] = str(lead["team"])
        if lead.get("component"):
            payload["component"] = str(lead["component"])
        body = {
            "routing_key": routing_key, "event_action": "trigger", "dedup_key": key,
            "payload": payload, "client": str(cfg.alerts["source"]),
        }
        out.append(AlertMessage("pagerduty", "trigger", key, incident_id, "", body))
    return out


def _og_details(details: Mapping[str, Any]) -> dict[str, str]:
    """Opsgenie details are a string map of at most 8000 characters in total: the
    largest values go first when it does not fit."""
    flat = {
        k: (v if isinstance(v, str) else json.dumps(v, sort_keys=True, default=str))
        for k, v in details.items() if v is not None and v != []
    }
    for victim in ("evidence", "fingerprints", "services", "suppressed"):
        if sum(len(k) + len(v) for k, v in flat.items()) <= _OG_DETAILS_MAX:
            break
        if victim in flat:
            flat[victim] = "(left out: over Opsgenie's 8000-character limit on details)"
    return flat


def _opsgenie(
    eps: Sequence[Mapping[str, Any]], supp: Suppression, cfg: AlertingConfig,
    unroutable: list[tuple[str, str, str]],
) -> list[AlertMessage]:
    default_team = cfg.targets["opsgenie"]["default_team"]
    source = str(cfg.alerts["source"])[:100]
    max_ev = int(cfg.alerts["max_evidence_chars"])
    out = []
    for incident_id, lead, members, is_open in _incident_units(eps, supp):
        alias = dedup_key(incident_id)
        if not is_open:
            end = max(e["end"] for e in members)
            body: dict[str, Any] = {
                "source": source, "note": f"all episodes of the incident closed by {_iso(end)}",
            }
            path = f"/{quote(alias, safe='')}/close?identifierType=alias"
            out.append(AlertMessage("opsgenie", "resolve", alias, incident_id, path, body))
            continue
        team = lead["escalation"].get("opsgenie") or default_team
        if not team:
            unroutable.append(("opsgenie", incident_id, lead.get("team") or "unknown"))
            continue
        priority = min((e["severity"] for e in members), key=severity_rank)
        listed = supp.listed.get(incident_id, [])
        services = sorted({e["service"] for e in members})
        details = _incident_details(members, lead, listed, max_ev)
        tags = ["faultline", priority, str(lead.get("kind") or "error")]
        tags += [s for s in services if s not in tags]
        tags = [t[:_OG_TAG_MAX] for t in tags][:_OG_TAGS_MAX]
        description = "\n".join(
            [_summary_line(lead, priority, services, len(listed)), ""]
            + [f"- {e['service']}: {e['severity']}, {e.get('state') or 'degraded'}, since {_iso(e['start'])}"
               for e in sorted(members, key=lambda e: (severity_rank(e["severity"]), e["service"]))]
            + ([""] + [f"- folded in: {e['service']} ({e['severity']}, incident {e['incident_id']})"
                       for e in listed] if listed else [])
        )
        body = {
            "message": _clip(_summary_line(lead, priority, services, len(listed)), _OG_MESSAGE_MAX),
            "alias": alias,
            "description": _clip(description, _OG_DESCRIPTION_MAX),
            "responders": [{"type": "team", "name": str(team)}],
            "tags": tags,
            "details": _og_details(details),
            "entity": str(lead.get("root_service") or lead["service"])[:512],
            "source": source,
            "priority": cfg.severity("opsgenie", priority),
        }
        out.append(AlertMessage("opsgenie", "trigger", alias, incident_id, "", body))
    return out


def build_alerts(
    episodes: Any,
    *,
    targets: Sequence[str] = TARGETS,
    config: AlertingConfig | None = None,
    now: datetime | None = None,
) -> AlertPlan:
    """Turn episode rows into the messages each alerting target needs.

    Parameters
    ----------
    episodes : DataFrame, pyarrow.Table or list of mappings
        Rows of the ``episodes`` table (see :mod:`anomaly.export.episodes`).
    targets : sequence of str
        Any of ``alertmanager``, ``pagerduty``, ``opsgenie``.
    config : AlertingConfig, optional
        Default :func:`~anomaly.export.config.load_alerting_config`.
    now : datetime, optional
        The current time (UTC); sets Alertmanager's lease on open alerts and which
        closed episodes are still worth a resolve. Default: the clock.

    Returns
    -------
    AlertPlan

    Examples
    --------
    >>> from datetime import datetime, UTC
    >>> t = "2026-03-01T10:00:00"
    >>> eps = [
    ...     dict(incident_id="i1", episode_id="e1", service="checkout", start=t, end=None,
    ...          is_open=True, severity="P1", team="payments", root_service="checkout"),
    ...     dict(incident_id="i1", episode_id="e2", service="cart", start=t, end=None,
    ...          is_open=True, severity="P3", team="shopping", root_service="checkout"),
    ... ]
    >>> plan = build_alerts(eps, targets=["alertmanager"], now=datetime(2026, 3, 1, 10, 5, tzinfo=UTC))
    >>> [(m.body[0]["labels"]["service"], m.body[0]["labels"]["severity"]) for m in plan.messages]
    [('checkout', 'critical')]
    >>> plan.messages[0].body[0]["annotations"]["suppressed"]
    'cart (P3)'
    """
    cfg = config or load_alerting_config()
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise ValueError(f"unknown alert targets {unknown}; targets are {list(TARGETS)}")
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    eps = read_episodes(episodes)
    supp = plan_suppression(eps, min_services=int(cfg.alerts["fatigue_min_services"]))
    messages: list[AlertMessage] = []
    unroutable: list[tuple[str, str, str]] = []
    for target in TARGETS:
        if target not in targets:
            continue
        if target == "alertmanager":
            messages += _alertmanager(eps, supp, cfg, now)
        elif target == "pagerduty":
            messages += _pagerduty(eps, supp, cfg, unroutable)
        else:
            messages += _opsgenie(eps, supp, cfg, unroutable)
    return AlertPlan(messages, supp, unroutable)
