"""Classify incidents: kind, retry storm, root service, health state, with evidence.

Input is the frame of :func:`anomaly.episodes.group_incidents` (episodes with an
``incident_key``) and an :class:`IncidentContext` of per-minute frames. Every decision
is written into the row's ``evidence`` so an engineer can check it.

* **kind** — ``cascading`` when the incident spans several services linked by traces
  or the ``depends_on`` graph; otherwise ``persistent`` when the episode lasted at
  least ``persistent_minutes`` or ended by a change (a deploy or rollback of the
  service around its end), else ``transient`` (short, resolved by itself).
* **retry storm** — retried attempts within traces (``feat_retry_minute``) make up a
  large share of the incident's errors, or the traffic of a service in the incident
  multiplies while it fails: retries feed the failure. Named in the evidence.
* **root service** (for every incident, decisive for cascades) — the *deepest callee
  whose own errors started first*: services whose errors mostly originate in
  themselves (trace propagation: an error span with no erroring child) are the
  candidates; a candidate that calls another candidate (``depends_on`` or erroring
  calls) is not the deepest and drops out; among the rest the earliest onset of own
  errors wins. Alert order does not enter, so a root that alerts last is still found.
* **state** — ``failed`` when most requests fail over the episode
  (``failed_error_rate``), else ``degraded``.
* **recurrence** — fingerprints seen in other episodes, with the number of distinct
  days: a transient that recurs on ``pattern_days`` days is a pattern, not noise.

Examples
--------
>>> from anomaly.classify import find_root
>>> find_root(["gateway", "orders", "db"], depends_on={"gateway": ["orders"], "orders": ["db"]},
...           originated={"gateway": 2, "orders": 3, "db": 400},
...           propagated={"gateway": 350, "orders": 380, "db": 0},
...           onsets={"db": 10, "orders": 11, "gateway": 11})["root_service"]
'db'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from anomaly.categories import CategoryMap, load_categories
from anomaly.episodes import incident_id
from anomaly.severity import SeverityConfig, assess_severity, load_severity_config
from features.governance.roles import audited_api

__all__ = [
    "OUTPUT_COLUMNS",
    "ClassifySettings",
    "IncidentContext",
    "classify",
    "classify_incidents",
    "event_stats",
    "find_root",
    "load_context",
]

OUTPUT_COLUMNS = [
    "incident_id", "episode_id", "service", "component", "start", "end", "is_open", "kind",
    "is_retry_storm", "is_flapping", "state", "severity", "action", "root_service", "team",
    "escalation", "fingerprints", "version", "score", "evidence", "count_errors",
    "count_users_affected", "updated_at",
]


@dataclass(frozen=True)
class ClassifySettings:
    """Thresholds of the classification. Defaults are generic operations practice.

    Parameters
    ----------
    persistent_minutes : int
        An episode on one service lasting at least this long is ``persistent``.
    change_slack_minutes : int
        A deploy of the service from this long before the episode's last active
        minute to this long after its end counts as the change that ended it.
    failed_error_rate : float
        Errors per request over the episode at or above which the service is
        ``failed`` rather than ``degraded``.
    retry_share : float
        Retried attempts per error in the incident that make it a retry storm.
    min_retries : int
        At least this many retried attempts in the incident for a retry storm.
    traffic_surge : float
        Requests per minute during the incident over the hour before it, on a
        failing service, that make a retry storm (callers retrying multiply traffic).
    min_origin_errors : int
        Originated errors a service needs in the incident to be a root candidate.
    origin_share : float
        Share of a service's error spans that must originate in it for a candidate.
    pattern_days : int
        A fingerprint recurring in episodes on this many distinct days is a pattern.
    baseline_minutes : int
        History before the incident used for baselines (traffic, own errors).
    min_caller_error_calls : int
        Erroring calls between a service and the incident's services (traces, either
        direction) needed to add it to the incident even when it did not alert.
    caller_surge : float
        ... and they must run at this multiple of that pair's rate of erroring calls
        in the hour before.
    """

    persistent_minutes: int = 30
    change_slack_minutes: int = 10
    failed_error_rate: float = 0.5
    retry_share: float = 0.5
    min_retries: int = 20
    traffic_surge: float = 2.0
    min_origin_errors: int = 5
    origin_share: float = 0.5
    pattern_days: int = 3
    baseline_minutes: int = 60
    min_caller_error_calls: int = 10
    caller_surge: float = 5.0


@dataclass
class IncidentContext:
    """Per-minute frames and the catalog that classification reads.

    Every frame is optional; a missing one leaves its decision to the fallbacks
    named in the evidence.

    Parameters
    ----------
    service_minute : pandas.DataFrame
        ``service, minute, count_errors, requests`` (``feat_service_minute``).
    propagation : pandas.DataFrame
        ``service, minute, count_errors_originated, count_errors_propagated``.
    edges : pandas.DataFrame
        ``caller, callee, minute, count_error_calls`` (``feat_call_edge_minute``).
    retries : pandas.DataFrame
        ``service, minute, count_span_retries, count_error_repeats``.
    deployments : pandas.DataFrame
        ``service, version, deployed_at``.
    catalog : pandas.DataFrame
        ``service, team, tier, depends_on, slo_error_rate, escalation``.
    event_stats : pandas.DataFrame
        Per ``episode_id``: ``fingerprints`` (list), ``version``, ``count_errors``,
        ``count_users_affected``, ``error_types`` (list of ``(type, status, count)``).
    data_end : pandas.Timestamp, optional
        First minute not observed yet (for open episodes).
    history : pandas.DataFrame
        Earlier episodes (``episode_id, start, fingerprints``) for recurrence.
    latency : pandas.DataFrame
        ``service, minute, latency_p99_ms`` (``feat_latency_minute``).
    """

    service_minute: pd.DataFrame | None = None
    propagation: pd.DataFrame | None = None
    edges: pd.DataFrame | None = None
    retries: pd.DataFrame | None = None
    deployments: pd.DataFrame | None = None
    catalog: pd.DataFrame | None = None
    event_stats: pd.DataFrame | None = None
    data_end: pd.Timestamp | None = None
    history: pd.DataFrame | None = None
    latency: pd.DataFrame | None = None
    _by_service: dict = field(default_factory=dict, repr=False)

    def depends_on(self) -> dict[str, list[str]]:
        """The catalog's ``depends_on`` as a dict."""
        if self.catalog is None or self.catalog.empty or "depends_on" not in self.catalog:
            return {}
        out: dict[str, list[str]] = {}
        for service, deps in zip(self.catalog["service"], self.catalog["depends_on"], strict=True):
            out[str(service)] = [str(d) for d in (deps if deps is not None else [])]
        return out

    def series(self, name: str, service: str) -> pd.DataFrame | None:
        """Rows of one frame for one service, indexed by minute (cached)."""
        key = (name, service)
        if key not in self._by_service:
            frame = getattr(self, name)
            if frame is None or frame.empty:
                self._by_service[key] = None
            else:
                if name not in self._by_service:
                    grouped = {s: g.set_index("minute").sort_index()
                               for s, g in frame.assign(
                                   minute=pd.to_datetime(frame["minute"])).groupby("service")}
                    self._by_service[name] = grouped
                self._by_service[key] = self._by_service[name].get(service)
        return self._by_service[key]


def _window_sum(series: pd.DataFrame | None, column: str, lo: pd.Timestamp,
                hi: pd.Timestamp) -> float | None:
    if series is None or column not in series.columns:
        return None
    values = series.loc[(series.index >= lo) & (series.index < hi), column]
    return float(values.fillna(0).sum())


def _downstream(start: str, graph: Mapping[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def find_root(
    services: Sequence[str],
    *,
    depends_on: Mapping[str, Sequence[str]] | None = None,
    originated: Mapping[str, float] | None = None,
    propagated: Mapping[str, float] | None = None,
    onsets: Mapping[str, Any] | None = None,
    error_edges: Sequence[tuple[str, str]] = (),
    settings: ClassifySettings | None = None,
) -> dict:
    """The service where an incident's failure originated, with the reasoning.

    Parameters
    ----------
    services : sequence of str
        Services in the incident.
    depends_on : mapping, optional
        Catalog: caller → callees.
    originated, propagated : mapping, optional
        Error spans per service in the incident window that originate in the service
        (no erroring child span) or were passed up from a callee.
    onsets : mapping, optional
        Per service, when its own errors started (any comparable value); episode
        starts when no trace data exists.
    error_edges : sequence of (caller, callee)
        Calls that errored during the incident.
    settings : ClassifySettings, optional

    Returns
    -------
    dict
        ``root_service``, ``rule`` and ``candidates``.

    Examples
    --------
    A root that alerts last is still found: ``db`` is the deepest callee.

    >>> find_root(["api", "db"], depends_on={"api": ["db"]},
    ...           onsets={"api": 5, "db": 9})["root_service"]
    'db'
    """
    settings = settings or ClassifySettings()
    services = sorted(set(services))
    if len(services) == 1:
        return {"root_service": services[0], "rule": "single service", "candidates": services}
    graph: dict[str, set[str]] = {}
    for caller, callees in (depends_on or {}).items():
        graph.setdefault(caller, set()).update(callees)
    for caller, callee in error_edges:
        graph.setdefault(caller, set()).add(callee)
    rule = []
    candidates = list(services)
    if originated:
        own = []
        for s in services:
            o = float(originated.get(s, 0) or 0)
            p = float((propagated or {}).get(s, 0) or 0)
            if o >= settings.min_origin_errors and o / max(o + p, 1.0) >= settings.origin_share:
                own.append(s)
        if own:
            candidates = own
            rule.append("errors mostly originate here (trace propagation)")
        else:
            rule.append("no service with mostly own errors; all services considered")
    deepest = [c for c in candidates
               if not any(o != c and o in _downstream(c, graph) for o in candidates)]
    if deepest and len(deepest) < len(candidates):
        rule.append("deepest callee (depends_on / erroring calls)")
        candidates = deepest
    def sort_key(s: str) -> tuple:
        onset = (onsets or {}).get(s)
        return (onset is None, onset if onset is not None else 0,
                -float((originated or {}).get(s, 0) or 0), s)

    root = sorted(candidates, key=sort_key)[0]
    if len(candidates) > 1:
        rule.append("earliest onset of own errors")
    return {"root_service": root, "rule": "; ".join(rule) or "only candidate",
            "candidates": candidates}


def _onset(series: pd.DataFrame | None, column: str, lo: pd.Timestamp, hi: pd.Timestamp,
           baseline_lo: pd.Timestamp) -> pd.Timestamp | None:
    """First minute in [lo, hi) where ``column`` clearly exceeds its level before ``lo``."""
    if series is None or column not in series.columns:
        return None
    before = series.loc[(series.index >= baseline_lo) & (series.index < lo), column].fillna(0)
    level = float(before.median()) if len(before) else 0.0
    spread = float((before - level).abs().median()) if len(before) else 0.0
    limit = level + max(2.0, 4.0 * spread, 0.5 * level)
    window = series.loc[(series.index >= lo) & (series.index < hi), column].fillna(0)
    above = window[window > limit]
    return None if above.empty else pd.Timestamp(above.index[0])


def _linked_by_calls(edges: pd.DataFrame | None, services: Sequence[str], lo: pd.Timestamp,
                     hi: pd.Timestamp, base_lo: pd.Timestamp,
                     settings: ClassifySettings) -> list[str]:
    """Services outside ``services`` whose erroring calls with them surged in [lo, hi).

    Both directions count: a caller whose calls into the incident fail (the failure
    propagated up to it), and a callee whose answers to the incident fail (the failure
    may come from it, even if it never alerted). Followed transitively.
    """
    if edges is None or edges.empty:
        return []
    minute = pd.to_datetime(edges["minute"])
    during_mask = (minute >= lo) & (minute < hi) & (edges["count_error_calls"] > 0)
    before_mask = (minute >= base_lo) & (minute < lo)
    minutes_during = max((hi - lo).total_seconds() / 60, 1.0)
    minutes_before = max((lo - base_lo).total_seconds() / 60, 1.0)
    pairs_during = edges[during_mask].groupby(["caller", "callee"])["count_error_calls"].sum()
    pairs_before = edges[before_mask].groupby(["caller", "callee"])["count_error_calls"].sum()
    surged: list[tuple[str, str]] = []
    for (caller, callee), n in pairs_during.items():
        rate_before = (float(pairs_before.get((caller, callee), 0)) + 1.0) / minutes_before
        if n >= settings.min_caller_error_calls and (
                n / minutes_during >= settings.caller_surge * rate_before):
            surged.append((str(caller), str(callee)))
    members = set(services)
    for _ in range(len(surged) + 1):
        grown = {x for a, b in surged if a in members or b in members for x in (a, b)}
        if grown <= members:
            break
        members |= grown
    return sorted(members - set(services))


def _nonneg(x: float | None) -> float:
    return 0.0 if x is None or not np.isfinite(x) else float(x)


def classify_incidents(
    grouped: pd.DataFrame,
    context: IncidentContext | None = None,
    *,
    settings: ClassifySettings | None = None,
    severity_config: SeverityConfig | None = None,
    categories: CategoryMap | None = None,
    now: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Classify every episode of every incident; one output row per episode.

    Parameters
    ----------
    grouped : pandas.DataFrame
        From :func:`anomaly.episodes.group_incidents`.
    context : IncidentContext, optional
    settings : ClassifySettings, optional
    severity_config : SeverityConfig, optional
        Default: the packaged ``severity.yaml``.
    categories : CategoryMap, optional
        Default: the packaged ``categories.yaml``.
    now : pandas.Timestamp, optional
        ``updated_at`` of the rows (default: the current time, UTC).

    Returns
    -------
    pandas.DataFrame
        The columns of the ``episodes`` table (:data:`OUTPUT_COLUMNS`); ``evidence``
        is a JSON string.

    Examples
    --------
    >>> import pandas as pd
    >>> from anomaly.episodes import find_episodes, group_incidents
    >>> minutes = pd.date_range("2026-03-02 10:00", periods=60, freq="min")
    >>> frame = pd.DataFrame({"service": "cart", "minute": minutes, "threshold": 0.5,
    ...                       "score": [0.9 if 10 <= i < 14 else 0.0 for i in range(60)]})
    >>> rows = classify_incidents(group_incidents(find_episodes(frame)),
    ...                           now=pd.Timestamp("2026-03-02 12:00"))
    >>> rows.loc[0, ["kind", "state", "severity", "root_service"]].tolist()
    ['transient', 'degraded', 'P4', 'cart']
    """
    settings = settings or ClassifySettings()
    context = context or IncidentContext()
    severity_config = severity_config or load_severity_config()
    categories = categories or load_categories()
    now = pd.Timestamp.now(tz="UTC").tz_localize(None) if now is None else pd.Timestamp(now)
    if grouped.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OUTPUT_COLUMNS})
    depends_on = context.depends_on()
    catalog = ({r["service"]: r for r in context.catalog.to_dict("records")}
               if context.catalog is not None and not context.catalog.empty else {})
    stats = ({r["episode_id"]: r for r in context.event_stats.to_dict("records")}
             if context.event_stats is not None and not context.event_stats.empty else {})
    deployments = context.deployments
    if deployments is not None and not deployments.empty:
        deployments = deployments.assign(deployed_at=pd.to_datetime(deployments["deployed_at"]))
    data_end = pd.Timestamp(context.data_end) if context.data_end is not None else None
    baseline = pd.Timedelta(minutes=settings.baseline_minutes)
    slack = pd.Timedelta(minutes=settings.change_slack_minutes)

    frame = grouped.reset_index(drop=True).copy()
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    last_active = frame["last_active"] if "last_active" in frame else frame["end"]
    frame["last_active"] = pd.to_datetime(last_active).fillna(frame["end"]).fillna(frame["start"])
    horizon = data_end if data_end is not None else frame["last_active"].max() + pd.Timedelta(
        minutes=1)
    frame["effective_end"] = frame["end"].fillna(horizon)

    # recurrence of fingerprints across episodes
    fp_days: dict[str, set] = {}
    fp_episodes: dict[str, set] = {}
    if context.history is not None and not context.history.empty:
        for eid, start, fps in zip(context.history["episode_id"], context.history["start"],
                                   context.history["fingerprints"], strict=True):
            for fp in (fps if fps is not None else []):
                fp_days.setdefault(fp, set()).add(pd.Timestamp(start).normalize())
                fp_episodes.setdefault(fp, set()).add(eid)
    for row in frame.itertuples():
        for fp in (stats.get(row.episode_id, {}).get("fingerprints") or []):
            fp_days.setdefault(fp, set()).add(row.start.normalize())
            fp_episodes.setdefault(fp, set()).add(row.episode_id)

    rows: list[dict] = []
    for _key, inc in frame.groupby("incident_key", sort=True):
        services = sorted(set(inc["service"]))
        inc_start, inc_end = inc["start"].min(), inc["effective_end"].max()
        base_lo = inc_start - baseline
        # root
        originated, propagated, onsets = {}, {}, {}
        for s in services:
            prop = context.series("propagation", s)
            o = _window_sum(prop, "count_errors_originated", inc_start - slack, inc_end)
            p = _window_sum(prop, "count_errors_propagated", inc_start - slack, inc_end)
            if o is not None:
                originated[s], propagated[s] = o, p or 0.0
            onset = _onset(prop, "count_errors_originated", inc_start - slack, inc_end, base_lo)
            if onset is None:
                onset = inc.loc[inc["service"] == s, "start"].min()
            onsets[s] = onset
        error_edges: list[tuple[str, str]] = []
        if context.edges is not None and not context.edges.empty:
            e = context.edges
            em = pd.to_datetime(e["minute"])
            sel = e[(em >= inc_start - slack) & (em < inc_end) & (e["count_error_calls"] > 0)]
            error_edges = sorted(set(zip(sel["caller"], sel["callee"], strict=True)))
        callers = _linked_by_calls(context.edges, services, inc_start - slack, inc_end,
                                   base_lo, settings)
        for c in callers:
            prop = context.series("propagation", c)
            o = _window_sum(prop, "count_errors_originated", inc_start - slack, inc_end)
            p = _window_sum(prop, "count_errors_propagated", inc_start - slack, inc_end)
            if o is not None:
                originated[c], propagated[c] = o, p or 0.0
        affected = sorted(set(services) | set(callers))
        root = find_root(affected, depends_on=depends_on, originated=originated or None,
                         propagated=propagated or None, onsets=onsets,
                         error_edges=error_edges, settings=settings)
        root_service = root["root_service"]
        inc_id = incident_id(root_service, inc_start.floor("min"))
        # retry storm
        retries_total, errors_total, surge = 0.0, 0.0, {}
        for s in affected:
            r = context.series("retries", s)
            retries_total += _nonneg(_window_sum(r, "count_span_retries", inc_start, inc_end))
            retries_total += _nonneg(_window_sum(r, "count_error_repeats", inc_start, inc_end))
            sm = context.series("service_minute", s)
            errors_total += _nonneg(_window_sum(sm, "count_errors", inc_start, inc_end))
            if sm is not None and "requests" in sm.columns:
                during = sm.loc[(sm.index >= inc_start) & (sm.index < inc_end), "requests"]
                before = sm.loc[(sm.index >= base_lo) & (sm.index < inc_start), "requests"]
                if during.notna().any() and before.notna().any() and before.mean() > 0:
                    surge[s] = round(float(during.mean() / before.mean()), 3)
        retry_share = retries_total / errors_total if errors_total > 0 else 0.0
        surging = sorted(s for s, v in surge.items() if v >= settings.traffic_surge)
        is_retry_storm = bool(
            (retries_total >= settings.min_retries and retry_share >= settings.retry_share)
            or surging
        )
        retry_evidence = {
            "is_retry_storm": is_retry_storm,
            "count_retries": int(retries_total),
            "retries_per_error": round(retry_share, 3),
            "traffic_ratio": surge,
        }
        if is_retry_storm:
            why = []
            if retries_total >= settings.min_retries and retry_share >= settings.retry_share:
                why.append(f"{int(retries_total)} retried attempts, "
                           f"{retry_share:.2f} per error")
            if surging:
                why.append(f"traffic x{max(surge[s] for s in surging):.1f} on failing "
                           f"{', '.join(surging)}")
            retry_evidence["summary"] = "retry storm: " + "; ".join(why)
        users_total = sum(int(stats.get(r.episode_id, {}).get("count_users_affected") or 0)
                          for r in inc.itertuples())
        links = [lk for lks in inc.get("link_evidence", pd.Series([[]] * len(inc)))
                 for lk in (lks or [])]
        for row in inc.itertuples():
            s = row.service
            st = stats.get(row.episode_id, {})
            duration = (row.effective_end - row.start).total_seconds() / 60
            sm = context.series("service_minute", s)
            err = _window_sum(sm, "count_errors", row.start, row.effective_end)
            req = _window_sum(sm, "requests", row.start, row.effective_end)
            error_rate = err / req if err is not None and req else None
            # kind
            change = None
            if deployments is not None and not deployments.empty:
                d = deployments[(deployments["service"] == s)
                                & (deployments["deployed_at"] >= row.last_active - slack)
                                & (deployments["deployed_at"] <= row.effective_end + slack)]
                if not d.empty:
                    first = d.sort_values("deployed_at").iloc[0]
                    change = {"version": str(first["version"]),
                              "deployed_at": pd.Timestamp(first["deployed_at"]).isoformat()}
            if len(affected) > 1:
                kind = "cascading"
                vias = sorted({lk["via"] for lk in links} | ({"traces"} if callers else set()))
                kind_reason = f"{len(affected)} services linked by propagation ({', '.join(vias)})"
            elif change is not None:
                kind = "persistent"
                kind_reason = "sustained until a change: deploy of the service at its end"
            elif duration >= settings.persistent_minutes:
                kind = "persistent"
                kind_reason = (f"lasted {duration:.0f} min >= {settings.persistent_minutes}"
                               + (" and still open" if row.is_open else ""))
            else:
                kind = "transient"
                kind_reason = (f"lasted {duration:.0f} min < {settings.persistent_minutes}, "
                               "no change near its end" + (" (so far: still open)"
                                                           if row.is_open else ""))
            # state
            if error_rate is None:
                state = "degraded"
                state_reason = "no requests denominator: assumed still serving"
            elif error_rate >= settings.failed_error_rate:
                state = "failed"
                state_reason = f"error rate {error_rate:.3f} >= {settings.failed_error_rate}"
            else:
                state = "degraded"
                state_reason = f"error rate {error_rate:.3f} < {settings.failed_error_rate}"
            cat = catalog.get(s, {})
            latency = None
            lat = context.series("latency", s)
            if lat is not None and "latency_p99_ms" in lat.columns:
                window = lat.loc[(lat.index >= row.start) & (lat.index < row.effective_end),
                                 "latency_p99_ms"].dropna()
                if len(window):
                    latency = float(window.median())
            slo_latency = cat.get("slo_latency_p99_ms")
            slo_latency = None if slo_latency is None or pd.isna(slo_latency) else float(
                slo_latency)
            is_slow = latency is not None and slo_latency is not None and latency > slo_latency
            if is_slow and state == "degraded":
                state_reason += f"; p99 latency {latency:.0f} ms over the SLO {slo_latency:.0f} ms"
            # severity and ownership
            tier = cat.get("tier")
            tier = int(tier) if tier is not None and not pd.isna(tier) else None
            slo = cat.get("slo_error_rate")
            sev = assess_severity(
                severity_config, tier=tier, count_services=len(affected),
                count_users=users_total, error_rate=error_rate,
                slo_error_rate=None if slo is None or pd.isna(slo) else float(slo), state=state,
            )
            fingerprints = list(st.get("fingerprints") or [])
            recurrence = []
            for fp in fingerprints:
                others = fp_episodes.get(fp, set()) - {row.episode_id}
                if others:
                    recurrence.append({"fingerprint": fp, "count_episodes": len(others) + 1,
                                       "count_days": len(fp_days[fp])})
            is_pattern = any(r["count_days"] >= settings.pattern_days for r in recurrence)
            error_types = st.get("error_types") or []
            evidence = {
                "kind": {"kind": kind, "reason": kind_reason,
                         "duration_minutes": round(duration, 1), "change": change,
                         "minutes_extended_to_recovery": int(
                             getattr(row, "count_minutes_extended", 0) or 0)},
                "incident": {"services": affected, "alerting": services, "links": links,
                             "linked_not_alerting": callers},
                "root": root,
                "retry_storm": retry_evidence,
                "state": {"state": state, "reason": state_reason,
                          "error_rate": None if error_rate is None else round(error_rate, 5),
                          "count_errors": err, "requests": req,
                          "latency_p99_ms": None if latency is None else round(latency, 1),
                          "is_latency_over_slo": bool(is_slow)},
                "severity": sev,
                "flapping": {"is_flapping": bool(row.is_flapping),
                             "count_bursts": int(getattr(row, "count_bursts", 1) or 1)},
                "recurrence": {"is_pattern": is_pattern, "fingerprints": recurrence[:10]},
                "category": categories.dominant(
                    (t[0], t[1], t[2]) for t in error_types) if error_types else None,
                "is_open": bool(row.is_open),
            }
            escalation = cat.get("escalation")
            if isinstance(escalation, str):
                escalation_json = escalation
            else:
                escalation_json = json.dumps(escalation) if escalation is not None else None
            rows.append({
                "incident_id": inc_id,
                "episode_id": row.episode_id,
                "service": s,
                "component": row.component if isinstance(row.component, str)
                else st.get("component"),
                "start": row.start,
                "end": row.end,
                "is_open": bool(row.is_open),
                "kind": kind,
                "is_retry_storm": is_retry_storm,
                "is_flapping": bool(row.is_flapping),
                "state": state,
                "severity": sev["severity"],
                "action": sev["action"],
                "root_service": root_service,
                "team": cat.get("team"),
                "escalation": escalation_json,
                "fingerprints": fingerprints,
                "version": st.get("version"),
                "score": float(row.score),
                "evidence": json.dumps(evidence, default=str, sort_keys=True),
                "count_errors": int(st.get("count_errors") or (err or 0)),
                "count_users_affected": int(st.get("count_users_affected") or 0),
                "updated_at": now,
            })
    return pd.DataFrame(rows, columns=OUTPUT_COLUMNS)


# -- the stage over the store -----------------------------------------------------------

_EVENT_STATS_SQL = """
SELECT ep.episode_id,
       count(*) AS count_errors,
       count(DISTINCT e.user_id) AS count_users_affected,
       mode(e.version) AS version,
       mode(e.component) AS component
FROM classify_episodes AS ep
JOIN events AS e
  ON e.service = ep.service AND e.timestamp >= ep.start AND e.timestamp < ep.end_at
WHERE e.severity IN ('ERROR', 'FATAL')
GROUP BY ep.episode_id
"""

_EVENT_FINGERPRINTS_SQL = """
SELECT episode_id, list(fingerprint ORDER BY n DESC, fingerprint)[1:5] AS fingerprints
FROM (
    SELECT ep.episode_id, e.fingerprint, count(*) AS n
    FROM classify_episodes AS ep
    JOIN events AS e
      ON e.service = ep.service AND e.timestamp >= ep.start AND e.timestamp < ep.end_at
    WHERE e.severity IN ('ERROR', 'FATAL') AND e.fingerprint IS NOT NULL
    GROUP BY ALL
)
GROUP BY episode_id
"""

_EVENT_TYPES_SQL = """
SELECT ep.episode_id, e.error_type, e.http_status, count(*) AS n
FROM classify_episodes AS ep
JOIN events AS e
  ON e.service = ep.service AND e.timestamp >= ep.start AND e.timestamp < ep.end_at
WHERE e.severity IN ('ERROR', 'FATAL')
GROUP BY ALL
"""

_FEATURE_COLUMNS = {
    "service_minute": ("feat_service_minute", ["service", "minute", "count_errors", "requests"]),
    "propagation": ("feat_trace_propagation",
                    ["service", "minute", "count_errors_originated", "count_errors_propagated"]),
    "edges": ("feat_call_edge_minute", ["caller", "callee", "minute", "count_error_calls"]),
    "retries": ("feat_retry_minute",
                ["service", "minute", "count_span_retries", "count_error_repeats"]),
    "latency": ("feat_latency_minute", ["service", "minute", "latency_p99_ms", "count_spans"]),
}


def _tables(con: Any) -> set[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables "
                       "WHERE table_catalog = current_database()").fetchall()
    return {r[0] for r in rows}


def load_context(con: Any, episodes: pd.DataFrame, *, data_end: pd.Timestamp,
                 settings: ClassifySettings | None = None,
                 with_events: bool = True) -> IncidentContext:
    """Read what classification needs around ``episodes`` from the store.

    Feature tables that do not exist (the ``features`` stage has not run) are left
    out; classification then falls back and says so in the evidence.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or features.store.Store
    episodes : pandas.DataFrame
        From :func:`anomaly.episodes.find_episodes`.
    data_end : pandas.Timestamp
        First minute not observed yet.
    settings : ClassifySettings, optional
    with_events : bool
        Also compute the per-episode event statistics (:func:`event_stats`).

    Returns
    -------
    IncidentContext
    """
    settings = settings or ClassifySettings()
    con = getattr(con, "con", con)
    tables = _tables(con)
    context = IncidentContext(data_end=data_end)
    if episodes.empty:
        return context
    margin = pd.Timedelta(minutes=settings.baseline_minutes + settings.change_slack_minutes)
    lo = (pd.to_datetime(episodes["start"]).min() - margin).to_pydatetime()
    hi = (pd.Timestamp(data_end) + pd.Timedelta(minutes=1)).to_pydatetime()
    for attr, (table, wanted) in _FEATURE_COLUMNS.items():
        if table in tables:
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_catalog = current_database() AND table_name = ?", [table]
            ).fetchall()}
            columns = [c for c in wanted if c in have]  # a missing signal is left out
            if "minute" not in columns or len(columns) < 3:
                continue
            select = ", ".join(f'"{c}"' for c in columns)
            frame = con.execute(
                f'SELECT {select} FROM "{table}" WHERE minute >= ? AND minute < ?', [lo, hi]
            ).df()
            setattr(context, attr, frame)
    if "deployments" in tables:
        context.deployments = con.execute(
            "SELECT DISTINCT service, version, deployed_at FROM deployments").df()
    if "services" in tables:
        context.catalog = con.execute(
            "SELECT service, team, tier, depends_on, slo_error_rate, slo_latency_p99_ms, "
            "CAST(escalation AS VARCHAR) AS escalation FROM services").df()
    if with_events and "events" in tables:
        context.event_stats = event_stats(con, episodes, data_end=data_end)
    return context


def event_stats(con: Any, episodes: pd.DataFrame, *, data_end: pd.Timestamp) -> pd.DataFrame:
    """Per episode, from the stored events: errors, distinct user tokens, version,
    top fingerprints and ``(error_type, http_status, count)``.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or features.store.Store
    episodes : pandas.DataFrame
        ``episode_id, service, start, end`` (``end`` missing while open).
    data_end : pandas.Timestamp
        End of open episodes.

    Returns
    -------
    pandas.DataFrame
    """
    con = getattr(con, "con", con)
    eps = pd.DataFrame({
        "episode_id": episodes["episode_id"].astype(str),
        "service": episodes["service"].astype(str),
        "start": pd.to_datetime(episodes["start"]).astype("datetime64[us]"),
        "end_at": pd.to_datetime(episodes["end"]).fillna(pd.Timestamp(data_end))
        .astype("datetime64[us]"),
    })
    con.register("classify_episodes", eps)
    try:
        stats = con.execute(_EVENT_STATS_SQL).df()
        fps = con.execute(_EVENT_FINGERPRINTS_SQL).df()
        types = con.execute(_EVENT_TYPES_SQL).df()
    finally:
        con.unregister("classify_episodes")
    stats = stats.merge(fps, on="episode_id", how="left")
    grouped_types = {
        eid: [(None if pd.isna(t) else str(t), None if pd.isna(h) else int(h), int(n))
              for t, h, n in zip(g["error_type"], g["http_status"], g["n"], strict=True)]
        for eid, g in types.groupby("episode_id")
    }
    stats["error_types"] = [grouped_types.get(e, []) for e in stats["episode_id"]]
    stats["fingerprints"] = [list(f) if isinstance(f, list | np.ndarray) else []
                             for f in stats["fingerprints"]]
    return stats


@audited_api("write", "episodes")
def classify(
    store: Any,
    *,
    anomalies: pd.DataFrame | None = None,
    episode_settings: Any = None,
    settings: ClassifySettings | None = None,
    severity_config: SeverityConfig | None = None,
    categories: CategoryMap | None = None,
    write: bool = True,
    now: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """The ``classify`` stage: anomalies → episodes → incidents → classified rows.

    Reads the ``anomalies`` table (or the frame given), builds episodes and
    incidents, classifies them and, with ``write``, replaces the rows of the
    ``episodes`` table for the classified range in one transaction (a rerun gives the
    same rows, never duplicates).

    Parameters
    ----------
    store : features.store.Store or duckdb.DuckDBPyConnection
    anomalies : pandas.DataFrame, optional
        Per-minute scores; default the store's ``anomalies`` table.
    episode_settings : anomaly.episodes.EpisodeSettings, optional
    settings : ClassifySettings, optional
    severity_config : SeverityConfig, optional
    categories : CategoryMap, optional
    write : bool
        Write the ``episodes`` table.
    now : pandas.Timestamp, optional
        ``updated_at`` of the rows.

    Returns
    -------
    pandas.DataFrame
        The rows of the ``episodes`` table (:data:`OUTPUT_COLUMNS`).
    """
    from anomaly.episodes import (
        ensure_episodes_table,
        extend_to_recovery,
        find_episodes,
        group_incidents,
    )

    con = getattr(store, "con", store)
    if anomalies is None:
        if "anomalies" not in _tables(con):
            raise ValueError(
                "the store has no 'anomalies' table; run `faultline score` first, or pass "
                "an anomalies frame (service, minute, score, threshold[, is_anomaly])"
            )
        anomalies = con.execute(
            "SELECT service, component, minute, score, threshold, is_anomaly FROM anomalies"
        ).df()
    if not anomalies.empty:
        minute = pd.to_datetime(anomalies["minute"])
        if minute.dt.tz is not None:  # the store holds naive UTC
            anomalies = anomalies.assign(
                minute=minute.dt.tz_convert("UTC").dt.tz_localize(None))
    if anomalies.empty:
        episodes = find_episodes(anomalies, episode_settings)
        data_end = pd.Timestamp.now(tz="UTC").tz_localize(None).floor("min")
        range_lo = range_hi = None
    else:
        minutes = pd.to_datetime(anomalies["minute"])
        data_end = minutes.max().floor("min") + pd.Timedelta(minutes=1)
        range_lo, range_hi = minutes.min().floor("min"), data_end
        episodes = find_episodes(anomalies, episode_settings, data_end=data_end)
    context = load_context(con, episodes, data_end=data_end, settings=settings,
                           with_events=False)
    episodes = extend_to_recovery(episodes, context.service_minute, episode_settings,
                                  data_end=data_end)
    if len(episodes) and "events" in _tables(con):
        # statistics over the extended spans
        context.event_stats = event_stats(con, episodes, data_end=data_end)
    if range_lo is not None and "episodes" in _tables(con):
        # earlier episodes outside this range, for recurrence
        context.history = con.execute(
            "SELECT episode_id, start, fingerprints FROM episodes "
            "WHERE start < ? OR start >= ?",
            [range_lo.to_pydatetime(), range_hi.to_pydatetime()]).df()
    grouped = group_incidents(episodes, edges=context.edges, depends_on=context.depends_on(),
                              settings=episode_settings)
    rows = classify_incidents(grouped, context, settings=settings,
                              severity_config=severity_config, categories=categories, now=now)
    if write:
        ensure_episodes_table(con)
        out = rows.copy()
        for col in ("start", "end", "updated_at"):
            out[col] = pd.to_datetime(out[col]).astype("datetime64[us]")
        con.register("classify_rows", out)
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                if range_lo is not None:
                    con.execute('DELETE FROM episodes WHERE start >= ? AND start < ?',
                                [range_lo.to_pydatetime(), range_hi.to_pydatetime()])
                con.execute("DELETE FROM episodes WHERE episode_id IN "
                            "(SELECT episode_id FROM classify_rows)")
                cols = ", ".join(f'"{c}"' for c in OUTPUT_COLUMNS)
                con.execute(f"INSERT INTO episodes ({cols}) SELECT {cols} FROM classify_rows")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            con.unregister("classify_rows")
    return rows
