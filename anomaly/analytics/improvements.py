"""Improvement items: ranked engineering actions derived from the data, each with the
evidence behind it and the effect to expect — for sprint retrospectives and for the
service design standards.

Each rule looks for one pattern and proposes one action:

============================  =====================================================
pattern in the data           action
============================  =====================================================
transient dependency errors   retry with exponential backoff and full jitter
(timeouts, connection, DNS)
cascades and persistent       circuit breaker at the callers, thresholds from the
dependency failures           observed error rates and failure durations
calls with a latency p99      timeout contract per caller → callee from the
                              observed p99
validation errors recur       schema validation at the boundary
duplicate-request errors      idempotency keys on writes
(unique violations, 409)
retry storms                  retry budget, retries at one layer only
incidents after deploys       canary plus the post-deploy gate
capacity errors               load shedding and autoscaling on saturation
============================  =====================================================

Items are ranked by the errors they address (errors in the episodes or calls the
evidence counts), then by the incidents behind them.

Examples
--------
>>> import pandas as pd
>>> eps = pd.DataFrame({"incident_id": ["i1", "i2"], "episode_id": ["a", "b"],
...     "service": ["cart", "cart"], "kind": ["transient", "transient"],
...     "is_retry_storm": [False, False], "version": ["1", "2"],
...     "category": ["network.timeout"] * 2, "count_errors": [30, 50],
...     "start": pd.to_datetime(["2026-03-02 10:00", "2026-03-03 10:00"]),
...     "end": pd.to_datetime(["2026-03-02 10:04", "2026-03-03 10:08"]),
...     "root_service": ["cart", "cart"], "evidence": [{}, {}]})
>>> items = improvement_items(eps)
>>> items[["rank", "action", "count_errors_addressed"]].to_dict("records")[0]
{'rank': 1, 'action': 'retry with exponential backoff and full jitter', 'count_errors_addressed': 80}
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc, percentile

__all__ = ["ImprovementSettings", "improvement_items"]

TRANSIENT_DEPENDENCY = ("network.timeout", "network.connection", "network.dns",
                        "database.connection")
_DUPLICATE = re.compile(r"unique|duplicate|integrity|already ?exists|constraint", re.I)


@dataclass(frozen=True)
class ImprovementSettings:
    """Knobs of the improvement rules.

    Parameters
    ----------
    min_incidents : int
        Incidents a pattern needs before an action is proposed.
    timeout_headroom : float
        A timeout contract is the observed p99 times this (rounded up to 50 ms).
    min_calls : int
        Calls between two services needed to propose a timeout from their latency.
    min_duplicate_errors : int
        Duplicate-request errors needed to propose idempotency.
    deploy_window_minutes : int
        An incident starting this soon after a deploy of its service counts as
        deploy-related.
    """

    min_incidents: int = 1
    timeout_headroom: float = 1.5
    min_calls: int = 20
    min_duplicate_errors: int = 10
    deploy_window_minutes: int = 60


def _minutes(frame: pd.DataFrame) -> np.ndarray:
    return ((naive_utc(frame["end"]) - naive_utc(frame["start"])).dt.total_seconds()
            / 60.0).to_numpy()


def _fmt_services(services) -> str:
    items = sorted({str(s) for s in services})
    return ", ".join(items[:6]) + (f" and {len(items) - 6} more" if len(items) > 6 else "")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _state(evidence: object, key: str) -> float:
    if isinstance(evidence, dict):
        value = (evidence.get("state") or {}).get(key)
        if isinstance(value, int | float):
            return float(value)
    return float("nan")


def _item(action: str, category: str, services, evidence: str, effect: str, standard: str,
          incidents: int, errors: int) -> dict:
    return {"action": action, "category": category, "services": _fmt_services(services),
            "evidence": evidence, "expected_effect": effect, "standard": standard,
            "count_incidents": int(incidents), "count_errors_addressed": int(errors)}


def _retry(eps: pd.DataFrame, cfg: ImprovementSettings) -> list[dict]:
    out = []
    sel = eps[eps["category"].isin(TRANSIENT_DEPENDENCY) & (eps["kind"] == "transient")]
    for category, g in sel.groupby("category"):
        n = g["incident_id"].nunique()
        if n < cfg.min_incidents:
            continue
        minutes = _minutes(g)
        errors = int(g["count_errors"].sum())
        days = naive_utc(g["start"]).dt.normalize().nunique()
        out.append(_item(
            "retry with exponential backoff and full jitter", category, g["service"],
            f"{n} transient {_plural(n, 'incident')} of {category} on {days} day(s) across "
            f"{g['version'].nunique()} version(s); median {percentile(minutes, 50):.0f} min, "
            f"longest {np.nanmax(minutes):.0f} min; {errors} errors",
            f"failures shorter than the retry window (about {percentile(minutes, 50):.0f} min "
            f"here) turn into slow successes instead of {errors} {_plural(errors, 'error')}; cap at 3 attempts "
            "with a retry budget so retries cannot become a storm",
            "calls to dependencies retry idempotent requests with capped exponential backoff "
            "and full jitter", n, errors))
    return out


def _breaker(eps: pd.DataFrame, cfg: ImprovementSettings) -> list[dict]:
    from anomaly.categories import load_categories

    cmap = load_categories()
    out = []
    sel = eps[eps["kind"].isin(["cascading", "persistent"])]
    for root, g in sel.groupby(sel["root_service"].fillna(sel["service"])):
        n = g["incident_id"].nunique()
        root_eps = g[g["service"] == root]
        callers = g[g["service"] != root]
        category = (root_eps if len(root_eps) else g)["category"].dropna()
        category = category.mode().iloc[0] if len(category) else "n/a"
        if n < cfg.min_incidents or (callers.empty and category not in TRANSIENT_DEPENDENCY):
            continue
        base = root_eps if len(root_eps) else g
        rates = np.array([_state(e, "error_rate") for e in base["evidence"]])
        minutes = _minutes(base)
        rate = percentile(rates, 50)
        median_min = percentile(minutes, 50)
        # probe often relative to the failures seen (a tenth of the median), 30 s to 5 min
        probe_s = int(min(300.0, max(30.0, 6.0 * median_min)))
        threshold = (f"open when more than {max(rate / 2, 0.01):.0%} of calls fail over "
                     f"a 1-minute window (the failures ran at a median {rate:.0%})"
                     if rate == rate else "open on a failure ratio over a 1-minute window")
        if len(callers):
            action = f"circuit breaker in the callers of {root}"
            services = callers["service"]
            errors = int(callers["count_errors"].sum())
            where = f"{len(callers)} caller episode(s) with {errors} errors"
        else:
            action = f"circuit breaker in {root} on its {cmap.describe(category)} dependency"
            services = g["service"]
            errors = int(g["count_errors"].sum())
            where = f"{errors} errors in {root}"
        out.append(_item(
            action, category, services,
            f"{n} {_plural(n, 'incident')} rooted in {root} "
            f"({', '.join(sorted(set(g['kind'])))}); {where}; failures lasted a median "
            f"{percentile(minutes, 50):.0f} min",
            f"{threshold}; half-open probe every {probe_s} s; for the median "
            f"{median_min:.0f} min of a failure callers fail fast instead of queueing "
            "behind the failing dependency",
            "every remote call sits behind a circuit breaker with thresholds from observed "
            "failure rates and durations", n, errors))
    return out


def _timeouts(eps: pd.DataFrame, call_latency: pd.DataFrame | None,
              catalog: pd.DataFrame | None, cfg: ImprovementSettings) -> list[dict]:
    if call_latency is None or call_latency.empty:
        return []
    slo_latency = {}
    if catalog is not None and len(catalog) and "slo_latency_p99_ms" in catalog:
        slo_latency = dict(zip(catalog["service"], catalog["slo_latency_p99_ms"], strict=False))
    involved = set(eps["service"]) | set(eps["root_service"].dropna())
    out = []
    for r in call_latency.itertuples(index=False):
        # the contract comes from healthy calls; failed calls show what waiting cost
        if r.count_ok_calls < cfg.min_calls or pd.isna(r.ok_latency_p99_ms):
            continue
        if r.callee not in involved and r.caller not in involved:
            continue
        timeout = 50 * math.ceil(r.ok_latency_p99_ms * cfg.timeout_headroom / 50)
        waited = (f"failed calls waited a median {r.error_latency_p50_ms:.0f} ms, up to "
                  f"{r.error_latency_max_ms:.0f} ms" if r.count_error_calls
                  and not pd.isna(r.error_latency_max_ms) else "no failed calls traced")
        effect = f"{r.caller} gives up on {r.callee} after {timeout} ms"
        if r.count_error_calls and not pd.isna(r.error_latency_max_ms) and (
                r.error_latency_max_ms > timeout):
            effect += (f" instead of waiting up to {r.error_latency_max_ms:.0f} ms on failing "
                       "calls, freeing its threads and connections sooner")
        budget = slo_latency.get(r.caller)
        if budget is not None and not pd.isna(budget) and timeout > float(budget):
            effect += (f"; the timeout exceeds the latency SLO of {r.caller} "
                       f"({float(budget):.0f} ms): the call must get faster, or {r.caller} "
                       "must answer without it")
        n = eps[eps["service"].isin([r.callee, r.caller])]["incident_id"].nunique()
        out.append(_item(
            f"timeout contract {r.caller} → {r.callee}: {timeout} ms", "latency",
            [r.caller, r.callee],
            f"{r.count_ok_calls} successful traced calls: p50 {r.ok_latency_p50_ms:.0f} ms, "
            f"p99 {r.ok_latency_p99_ms:.0f} ms; {r.count_error_calls} failed calls "
            f"({r.error_call_ratio:.0%}); {waited}",
            effect,
            "every caller → callee pair has a written timeout from the callee's healthy "
            "p99 plus headroom", n, int(r.count_error_calls)))
    return out


def _validation(eps: pd.DataFrame, error_counts: pd.DataFrame | None,
                cfg: ImprovementSettings) -> list[dict]:
    sel = eps[eps["category"] == "software.data_validation"]
    errors_all = 0
    services: set = set(sel["service"])
    if error_counts is not None and len(error_counts) and "category" in error_counts:
        ec = error_counts[error_counts["category"] == "software.data_validation"]
        errors_all = int(ec["count_errors"].sum())
        services |= set(ec.groupby("service")["count_errors"].sum().nlargest(5).index)
    n = sel["incident_id"].nunique()
    if n < cfg.min_incidents and errors_all == 0:
        return []
    errors = max(errors_all, int(sel["count_errors"].sum()))
    return [_item(
        "schema validation at the boundary", "software.data_validation", services,
        f"{n} {_plural(n, 'incident')} and {errors} validation errors in all",
        "malformed input is refused at the edge with a 4xx and a reason instead of failing "
        f"deeper in the service; up to {errors} errors become client errors the sender can fix",
        "every API and consumer validates its input against a published schema", n, errors)]


def _idempotency(eps: pd.DataFrame, error_counts: pd.DataFrame | None,
                 templates: pd.DataFrame | None, fingerprints: pd.DataFrame | None,
                 cfg: ImprovementSettings) -> list[dict]:
    if error_counts is None or error_counts.empty:
        return []
    text = error_counts["error_type"].fillna("").astype(str)
    is_dup = text.str.contains(_DUPLICATE) | (error_counts["http_status"] == 409).fillna(False)
    if templates is not None and fingerprints is not None and len(templates) and len(
            fingerprints):
        dup_templates = set(templates.loc[templates["template"].fillna("").str.contains(
            _DUPLICATE), "template_id"])
        dup_fps = set(fingerprints.loc[fingerprints["template_id"].isin(dup_templates),
                                       "fingerprint"])
        is_dup = is_dup | error_counts["fingerprint"].isin(dup_fps)
    dup = error_counts[is_dup.to_numpy(dtype=bool)]
    errors = int(dup["count_errors"].sum())
    if errors < cfg.min_duplicate_errors:
        return []
    per = dup.groupby("service")["count_errors"].sum().sort_values(ascending=False)
    storms = eps[eps["is_retry_storm"].fillna(False).astype(bool)]
    storm_note = (f"; {storms['incident_id'].nunique()} retry storm incident(s) resend "
                  "writes" if len(storms) else "")
    return [_item(
        "idempotency keys on writes", "duplicate requests", per.index[:5],
        f"{errors} duplicate-request errors (unique violations, 409 Conflict) on "
        f"{len(per)} {_plural(len(per), 'service')}, most on {per.index[0]} ({int(per.iloc[0])}){storm_note}",
        "a retried or re-delivered write returns the first result instead of an error; "
        f"up to {errors} errors disappear and retries become safe",
        "writes accept an idempotency key and store the result for the retry window",
        storms["incident_id"].nunique(), errors)]


def _retry_budget(eps: pd.DataFrame, cfg: ImprovementSettings) -> list[dict]:
    storms = eps[eps["is_retry_storm"].fillna(False).astype(bool)]
    n = storms["incident_id"].nunique()
    if n < cfg.min_incidents:
        return []
    ratios = []
    for e in storms["evidence"]:
        rs = e.get("retry_storm") if isinstance(e, dict) else None
        if isinstance(rs, dict) and isinstance(rs.get("retries_per_error"), int | float):
            ratios.append(float(rs["retries_per_error"]))
    roots = storms["root_service"].fillna(storms["service"])
    errors = int(storms["count_errors"].sum())
    ratio = f"; median {percentile(ratios, 50):.2f} retried attempts per error" if ratios else ""
    return [_item(
        f"retry budget and one retrying layer for calls to {_fmt_services(roots)}",
        "retry storm", storms["service"],
        f"{n} retry storm incident(s), {errors} errors{ratio}",
        "retries stay under ~10% of traffic, so a struggling dependency is not buried under "
        "retried calls and recovers sooner",
        "only the outermost caller retries, under a retry budget", n, errors)]


def _deploys(eps: pd.DataFrame, deployments: pd.DataFrame | None,
             cfg: ImprovementSettings) -> list[dict]:
    if deployments is None or deployments.empty:
        return []
    deps = deployments.assign(deployed_at=naive_utc(deployments["deployed_at"]))
    window = pd.Timedelta(minutes=cfg.deploy_window_minutes)
    hits = []
    for r in eps.itertuples(index=False):
        start = pd.Timestamp(r.start)
        d = deps[(deps["service"] == r.service) & (deps["deployed_at"] <= start)
                 & (deps["deployed_at"] >= start - window)]
        if len(d):
            hits.append((r.incident_id, r.service, int(r.count_errors)))
    if not hits:
        return []
    incidents = {h[0] for h in hits}
    if len(incidents) < cfg.min_incidents:
        return []
    errors = sum(h[2] for h in hits)
    return [_item(
        "canary releases gated by `faultline gate`", "change", [h[1] for h in hits],
        f"{len(incidents)} incident(s) began within {cfg.deploy_window_minutes} min after a "
        f"deploy of the failing service ({errors} errors)",
        "a regressing version is stopped on a canary and rolled back before full rollout",
        "every deploy goes through a canary and the post-deploy gate", len(incidents), errors)]


def _capacity(eps: pd.DataFrame, cfg: ImprovementSettings) -> list[dict]:
    sel = eps[eps["category"] == "hardware.capacity"]
    n = sel["incident_id"].nunique()
    if n < cfg.min_incidents:
        return []
    errors = int(sel["count_errors"].sum())
    return [_item(
        "load shedding and autoscaling on saturation", "hardware.capacity", sel["service"],
        f"{n} capacity incident(s), {errors} errors",
        "excess load is refused early (429 with Retry-After) instead of exhausting memory, "
        "threads or connections", "services shed load before saturation", n, errors)]


def improvement_items(episodes: pd.DataFrame, *, error_counts: pd.DataFrame | None = None,
                      call_latency: pd.DataFrame | None = None,
                      catalog: pd.DataFrame | None = None,
                      deployments: pd.DataFrame | None = None,
                      templates: pd.DataFrame | None = None,
                      fingerprints: pd.DataFrame | None = None,
                      settings: ImprovementSettings | None = None) -> pd.DataFrame:
    """Ranked engineering actions with their evidence and expected effect.

    Parameters
    ----------
    episodes : pandas.DataFrame
        The classified episodes: ``incident_id, episode_id, service, kind,
        is_retry_storm, version, category, count_errors, start, end, root_service,
        evidence`` (dicts).
    error_counts : pandas.DataFrame, optional
        ``service, fingerprint, error_type, http_status, count_errors`` (with a
        ``category`` column, see :func:`anomaly.analytics.categorize_errors`, for the
        validation rule).
    call_latency : pandas.DataFrame, optional
        Caller → callee latency (:func:`anomaly.analytics.load_inputs`).
    catalog, deployments, templates, fingerprints : pandas.DataFrame, optional
    settings : ImprovementSettings, optional

    Returns
    -------
    pandas.DataFrame
        ``rank, action, category, services, evidence, expected_effect, standard,
        count_incidents, count_errors_addressed``.
    """
    cfg = settings or ImprovementSettings()
    columns = ["rank", "action", "category", "services", "evidence", "expected_effect",
               "standard", "count_incidents", "count_errors_addressed"]
    need = ["incident_id", "service", "kind", "category", "count_errors", "start", "end"]
    missing = [c for c in need if c not in episodes.columns]
    if missing:
        raise ValueError(f"improvement_items needs episode columns {missing}; it has "
                         f"{list(episodes.columns)}")
    eps = episodes.copy()
    for col, default in (("is_retry_storm", False), ("root_service", None),
                         ("version", None), ("evidence", None)):
        if col not in eps:
            eps[col] = default
    eps["evidence"] = [e if isinstance(e, dict) else {} for e in eps["evidence"]]
    if error_counts is not None and len(error_counts) and "category" not in error_counts:
        from anomaly.analytics.recurrence import categorize_errors

        error_counts = categorize_errors(error_counts)
    items: list[dict] = []
    if len(eps):
        items += _retry(eps, cfg) + _breaker(eps, cfg) + _retry_budget(eps, cfg)
        items += _deploys(eps, deployments, cfg) + _capacity(eps, cfg)
        items += _timeouts(eps, call_latency, catalog, cfg)
    items += _validation(eps, error_counts, cfg)
    items += _idempotency(eps, error_counts, templates, fingerprints, cfg)
    if not items:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(items).sort_values(
        ["count_errors_addressed", "count_incidents", "action"],
        ascending=[False, False, True], kind="stable").reset_index(drop=True)
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    return out[columns]
