"""The post-deploy gate: did the deploy of version V make service S worse?

The gate compares a window after the deploy with the window before it:

* the **error rate**, errors per request (per minute when the service reports no
  requests), with a one-sided *conditional Poisson test*: given ``k = k_before +
  k_after`` errors, under "no change" ``k_after`` is Binomial(``k``, ``e_after /
  (e_before + e_after)``) where ``e`` are the exposures (requests or minutes). A
  regression needs both a small p-value and a rate ratio of practical size;
* **new fingerprints**: errors the service never logged before the deploy that fire
  at least ``min_new_fingerprint_errors`` times in the after window.

Errors that a callee propagated into the service (an erroring child span of another
service in the same trace) are counted apart and left out of both checks, so an
unrelated outage downstream does not fail a clean deploy.

The verdict is ``pass`` (exit 0), ``regression`` (exit 1: roll back) or
``insufficient_data`` (exit 2: the after window is not complete yet, or there is too
little history before the deploy). See ``docs/episodes.md`` for a CI/CD job.

Examples
--------
>>> from anomaly.gate import poisson_rate_test
>>> round(poisson_rate_test(10, 1000, 30, 1000), 5)   # 3x the errors, same traffic
0.00111
>>> round(poisson_rate_test(10, 1000, 30, 3000), 3)   # same rate, 3x the traffic
0.584
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

__all__ = [
    "EXIT_CODES",
    "GateError",
    "GateSettings",
    "decide",
    "gate",
    "poisson_rate_test",
]

EXIT_CODES = {"pass": 0, "regression": 1, "insufficient_data": 2}


class GateError(ValueError):
    """The gate cannot run: unknown deployment, no data at all."""


@dataclass(frozen=True)
class GateSettings:
    """How the gate judges a deploy.

    Parameters
    ----------
    window_minutes : int
        Length of the windows before and after the deploy.
    alpha : float
        Significance level of the one-sided conditional Poisson test.
    min_rate_ratio : float
        The after/before error rate ratio needed as well (a tiny but significant
        rise on a busy service is not a reason to roll back).
    min_new_fingerprint_errors : int
        Errors of fingerprints new with the deploy needed to call a regression.
    min_history_minutes : int
        Minutes of the service's data before the deploy needed to call a
        fingerprint new (with less, a fingerprint may only look new).
    min_before_share : float
        Share of the before window that must hold data; with less the verdict is
        ``insufficient_data``.
    """

    window_minutes: int = 60
    alpha: float = 0.001
    min_rate_ratio: float = 1.5
    min_new_fingerprint_errors: int = 10
    min_history_minutes: int = 24 * 60
    min_before_share: float = 0.5

    def __post_init__(self) -> None:
        if self.window_minutes < 5:
            raise ValueError(f"window_minutes must be at least 5, got {self.window_minutes}")
        if not 0.0 < self.alpha < 0.5:
            raise ValueError(f"alpha must be in (0, 0.5), got {self.alpha}")
        if self.min_rate_ratio < 1.0:
            raise ValueError(f"min_rate_ratio must be >= 1, got {self.min_rate_ratio}")


def poisson_rate_test(
    count_before: int, exposure_before: float, count_after: int, exposure_after: float
) -> float:
    """One-sided p-value that the after rate exceeds the before rate.

    The conditional test for two Poisson rates (Przyborowski and Wilenski, 1940):
    given the total count, the after count is binomial with success probability the
    after share of the exposure. Exact, no normal approximation.

    Parameters
    ----------
    count_before, count_after : int
        Event counts in the two windows.
    exposure_before, exposure_after : float
        Their exposures (requests, or minutes), both positive.

    Returns
    -------
    float
        ``P(X >= count_after)`` for ``X ~ Binomial(total, share_after)``; 1.0 when no
        events at all.

    Examples
    --------
    >>> poisson_rate_test(0, 10, 2, 10)   # 2 of 2 after, p = 0.5 ** 2
    0.25
    """
    from scipy.stats import binom

    if exposure_before <= 0 or exposure_after <= 0:
        raise ValueError("exposures must be positive; with no exposure there is no rate")
    if count_before < 0 or count_after < 0:
        raise ValueError("counts must be non-negative")
    total = int(count_before) + int(count_after)
    if total == 0:
        return 1.0
    share = exposure_after / (exposure_before + exposure_after)
    return float(binom.sf(int(count_after) - 1, total, share))


def decide(
    before: dict,
    after: dict,
    new_fingerprints: list[dict],
    *,
    settings: GateSettings | None = None,
    is_after_complete: bool = True,
    history_minutes: float = float("inf"),
) -> dict:
    """The verdict from window statistics (pure; :func:`gate` reads them from the store).

    Parameters
    ----------
    before, after : dict
        ``count_errors`` (propagated errors already left out), ``exposure``
        (requests or minutes, see ``exposure_unit``) and ``minutes`` (minutes the
        window holds data for).
    new_fingerprints : list of dict
        ``{"fingerprint", "count"}`` for fingerprints first seen after the deploy.
    settings : GateSettings, optional
    is_after_complete : bool
        Whether the after window has fully elapsed in the data.
    history_minutes : float
        Minutes of the service's data before the deploy.

    Returns
    -------
    dict
        ``verdict, exit_code, p_value, rate_ratio, reasons``.

    Examples
    --------
    >>> d = decide({"count_errors": 12, "exposure": 6000.0, "minutes": 60},
    ...            {"count_errors": 60, "exposure": 6000.0, "minutes": 60}, [])
    >>> d["verdict"], d["exit_code"], d["rate_ratio"]
    ('regression', 1, 5.0)
    """
    settings = settings or GateSettings()
    reasons: list[str] = []
    window = settings.window_minutes
    p_value = None
    ratio = None
    if before["minutes"] < settings.min_before_share * window or before["exposure"] <= 0:
        reasons.append(
            f"only {before['minutes']} of {window} minutes before the deploy hold data"
        )
        return {"verdict": "insufficient_data", "exit_code": 2, "p_value": None,
                "rate_ratio": None, "reasons": reasons}
    is_regression = False
    if after["exposure"] > 0:
        rate_before = before["count_errors"] / before["exposure"]
        rate_after = after["count_errors"] / after["exposure"]
        p_value = poisson_rate_test(before["count_errors"], before["exposure"],
                                    after["count_errors"], after["exposure"])
        ratio = rate_after / rate_before if rate_before > 0 else (
            float("inf") if rate_after > 0 else 1.0)
        if p_value < settings.alpha and ratio >= settings.min_rate_ratio:
            is_regression = True
            reasons.append(
                f"error rate up {ratio:.3g}x after the deploy (one-sided conditional Poisson "
                f"test p = {p_value:.3g} < {settings.alpha})"
            )
        else:
            reasons.append(
                f"error rate ratio {ratio:.3g}, p = {p_value:.3g}: no significant rise "
                f"(needs p < {settings.alpha} and ratio >= {settings.min_rate_ratio})"
            )
    loud_new = [f for f in new_fingerprints if f["count"] >= settings.min_new_fingerprint_errors]
    if loud_new:
        if history_minutes >= settings.min_history_minutes:
            is_regression = True
            reasons.append(
                f"{len(loud_new)} new fingerprint(s) with at least "
                f"{settings.min_new_fingerprint_errors} errors each after the deploy"
            )
        else:
            reasons.append(
                f"{len(loud_new)} fingerprint(s) look new, but only {history_minutes:.0f} "
                f"minutes of history (< {settings.min_history_minutes}): not decisive"
            )
    if is_regression:
        verdict = "regression"
    elif not is_after_complete:
        verdict = "insufficient_data"
        reasons.append(f"the {window}-minute window after the deploy has not elapsed yet")
    else:
        verdict = "pass"
    return {"verdict": verdict, "exit_code": EXIT_CODES[verdict],
            "p_value": None if p_value is None else float(p_value),
            "rate_ratio": None if ratio is None else round(float(ratio), 4),
            "reasons": reasons}


_DEPLOY_SQL = """
SELECT deployed_at, lag(deployed_at) OVER (ORDER BY deployed_at) AS previous_at, version
FROM (SELECT DISTINCT deployed_at, version FROM deployments WHERE service = $service)
QUALIFY version = $version
ORDER BY deployed_at DESC
"""

_DATA_RANGE_SQL = """
SELECT min(seen_at), max(seen_at) FROM (
    SELECT timestamp AS seen_at FROM events WHERE service = $service
    UNION ALL SELECT timestamp AS seen_at FROM requests WHERE service = $service
)
"""

_LAST_SQL = """
SELECT greatest(
    (SELECT max(timestamp) FROM events),
    (SELECT max(timestamp) + INTERVAL 1 MINUTE FROM requests)
)
"""

# Errors of the service in [lo, hi): per event its fingerprint (the error type when the
# fingerprint stage has not run), and whether a direct callee span of another service in
# the same trace errored (then the error was propagated into the service).
_ERRORS_SQL = """
WITH own_spans AS (
    SELECT trace_id, span_id FROM spans
    WHERE service = $service
      AND start >= $lo - INTERVAL 15 MINUTE AND start < $hi + INTERVAL 15 MINUTE
),
propagated_traces AS (
    SELECT DISTINCT c.trace_id
    FROM spans AS c
    JOIN own_spans AS p ON c.trace_id = p.trace_id AND c.parent_span_id = p.span_id
    WHERE c.status = 'ERROR' AND c.service <> $service
      AND c.start >= $lo - INTERVAL 15 MINUTE AND c.start < $hi + INTERVAL 15 MINUTE
)
SELECT
    e.timestamp >= $deployed_at AS is_after,
    coalesce(e.fingerprint, 'type:' || coalesce(e.error_type, '?')) AS fingerprint,
    e.fingerprint IS NOT NULL AS has_fingerprint,
    pt.trace_id IS NOT NULL AS is_propagated,
    count(*) AS count_errors
FROM events AS e
LEFT JOIN propagated_traces AS pt ON pt.trace_id = e.trace_id
WHERE e.service = $service AND e.severity IN ('ERROR', 'FATAL')
  AND e.timestamp >= $lo AND e.timestamp < $hi
GROUP BY ALL
"""

_SEEN_BEFORE_SQL = """
SELECT DISTINCT coalesce(fingerprint, 'type:' || coalesce(error_type, '?')) AS fingerprint
FROM events
WHERE service = $service AND timestamp < $deployed_at
  AND coalesce(fingerprint, 'type:' || coalesce(error_type, '?')) IN (SELECT unnest($fps))
"""

_REQUESTS_SQL = """
SELECT timestamp >= $deployed_at AS is_after, sum(requests) AS requests,
       count(DISTINCT date_trunc('minute', timestamp)) AS minutes
FROM requests
WHERE service = $service AND timestamp >= $lo AND timestamp < $hi
GROUP BY ALL
"""

_EVENT_MINUTES_SQL = """
SELECT count(DISTINCT date_trunc('minute', timestamp)) FILTER (WHERE timestamp < $deployed_at),
       count(DISTINCT date_trunc('minute', timestamp)) FILTER (WHERE timestamp >= $deployed_at)
FROM events WHERE service = $service AND timestamp >= $lo AND timestamp < $hi
"""


def _iso(ts: Any) -> str | None:
    return None if ts is None or pd.isna(ts) else pd.Timestamp(ts).isoformat()


def gate(
    con: Any,
    service: str,
    version: str,
    *,
    settings: GateSettings | None = None,
    now: pd.Timestamp | None = None,
) -> dict:
    """Judge the deploy of ``version`` on ``service`` from the store.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or features.store.Store
        The store (tables events, requests, spans, deployments).
    service, version : str
        The deploy to judge (the latest deploy of that version on that service).
    settings : GateSettings, optional
    now : pandas.Timestamp, optional
        The end of the data; default the latest event or request in the store.

    Returns
    -------
    dict
        A JSON-ready verdict: ``verdict, exit_code, service, version, deployed_at,
        before, after, p_value, rate_ratio, new_fingerprints, reasons, settings``.

    Raises
    ------
    GateError
        When the deployment is not in the store.
    """
    settings = settings or GateSettings()
    con = getattr(con, "con", con)
    deploys = con.execute(_DEPLOY_SQL, {"service": service, "version": version}).fetchall()
    if not deploys:
        known = con.execute(
            "SELECT count(*) FROM deployments WHERE service = $service", {"service": service}
        ).fetchone()[0]
        raise GateError(
            "no deployment of that version on that service in the store "
            f"(the service has {known} deployment(s)); ingest the deployments input first "
            "or check --service/--version"
        )
    deployed_at, previous_at, _ = deploys[0]
    deployed_at = pd.Timestamp(deployed_at)
    window = pd.Timedelta(minutes=settings.window_minutes)
    if now is None:
        last = con.execute(_LAST_SQL).fetchone()[0]
        now = pd.Timestamp(last) if last is not None else deployed_at
    now = pd.Timestamp(now)
    lo = deployed_at - window
    hi = min(deployed_at + window, max(now, deployed_at))
    first_at, _last_at = con.execute(_DATA_RANGE_SQL, {"service": service}).fetchone()
    if first_at is None:
        raise GateError("the service has no events and no requests in the store")
    data_lo = max(lo, pd.Timestamp(first_at))
    params = {"service": service, "deployed_at": deployed_at.to_pydatetime(),
              "lo": data_lo.to_pydatetime(), "hi": hi.to_pydatetime()}
    errors = con.execute(_ERRORS_SQL, params).df()
    requests = con.execute(_REQUESTS_SQL, params).df()
    minutes_before = max(0.0, (deployed_at - data_lo).total_seconds() / 60)
    minutes_after = max(0.0, (hi - deployed_at).total_seconds() / 60)
    by_req = {bool(r.is_after): r.requests for r in requests.itertuples()}
    req_of = {k: int(v) for k, v in by_req.items() if v is not None and pd.notna(v) and v > 0}
    has_requests = False in req_of and (True in req_of or minutes_after == 0)
    windows: dict[str, dict] = {}
    for name, is_after, minutes in (("before", False, minutes_before),
                                    ("after", True, minutes_after)):
        part = errors[errors["is_after"] == is_after] if not errors.empty else errors
        own = int(part.loc[~part["is_propagated"], "count_errors"].sum()) if len(part) else 0
        propagated = int(part.loc[part["is_propagated"], "count_errors"].sum()) if len(part) else 0
        count_requests = req_of.get(is_after)
        exposure = float(count_requests) if has_requests and count_requests else float(minutes)
        windows[name] = {
            "start": _iso(data_lo if not is_after else deployed_at),
            "end": _iso(deployed_at if not is_after else hi),
            "minutes": round(minutes, 2),
            "count_errors": own,
            "count_errors_propagated": propagated,
            "requests": count_requests,
            "exposure": exposure,
            "error_rate": (own / exposure) if exposure > 0 else None,
        }
    after_errors = errors[errors["is_after"]] if not errors.empty else errors
    new_fingerprints: list[dict] = []
    if len(after_errors):
        own_after = after_errors[~after_errors["is_propagated"]]
        counts = own_after.groupby("fingerprint")["count_errors"].sum()
        candidates = [fp for fp, n in counts.items() if n > 0]
        seen = set()
        if candidates:
            seen = {r[0] for r in con.execute(
                _SEEN_BEFORE_SQL, {"service": service, "deployed_at": params["deployed_at"],
                                   "fps": candidates}).fetchall()}
        new_fingerprints = sorted(
            ({"fingerprint": fp, "count": int(counts[fp])} for fp in candidates if fp not in seen),
            key=lambda f: (-f["count"], f["fingerprint"]),
        )
    history_minutes = (deployed_at - pd.Timestamp(first_at)).total_seconds() / 60
    is_complete = now >= deployed_at + window
    decision = decide(windows["before"], windows["after"], new_fingerprints, settings=settings,
                      is_after_complete=is_complete, history_minutes=history_minutes)
    uses_types = bool(len(errors)) and not bool(errors["has_fingerprint"].all())
    return {
        "verdict": decision["verdict"],
        "exit_code": decision["exit_code"],
        "service": service,
        "version": version,
        "deployed_at": _iso(deployed_at),
        "exposure_unit": "requests" if has_requests else "minutes",
        "test": "one-sided conditional Poisson test (binomial on the after share)",
        "p_value": decision["p_value"],
        "rate_ratio": decision["rate_ratio"],
        "before": windows["before"],
        "after": windows["after"],
        "is_after_complete": bool(is_complete),
        "previous_deploy_at": _iso(previous_at),
        "new_fingerprints": new_fingerprints[:20],
        "fingerprint_source": "error_type (fingerprint stage not run)" if uses_types
        else "fingerprint",
        "reasons": decision["reasons"],
        "settings": asdict(settings),
    }


def to_json(verdict: dict) -> str:
    """The verdict as indented JSON (what ``faultline gate`` prints)."""
    return json.dumps(verdict, indent=2, sort_keys=False, default=str)
