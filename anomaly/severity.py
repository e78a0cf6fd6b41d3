"""Severity P1–P5 from an ITIL-style impact × urgency matrix.

*Impact* starts from the service's tier and moves with the blast radius (services in
the incident, distinct user tokens with errors) and with whether the SLO error rate is
breached. *Urgency* comes from the error-budget burn rate (episode error rate divided
by the SLO error rate). The matrix, the SLA response times and the action per severity
(``page``, ``ticket``, ``review``) live in ``anomaly/config/severity.yaml``, the
documented default; :func:`load_severity_config` reads another file and validates it.

Examples
--------
>>> from anomaly.severity import assess_severity, load_severity_config
>>> config = load_severity_config()
>>> a = assess_severity(config, tier=1, count_services=1, count_users=40,
...                     error_rate=0.2, slo_error_rate=0.005, state="degraded")
>>> a["severity"], a["action"], a["impact"], a["urgency"], a["burn_rate"]
('P1', 'page', 1, 1, 40.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "SEVERITIES",
    "SeverityConfig",
    "assess_severity",
    "load_severity_config",
    "load_strict_yaml",
]

SEVERITIES = ("P1", "P2", "P3", "P4", "P5")
ACTIONS = ("page", "ticket", "review")
LEVELS = (1, 2, 3)


def load_strict_yaml(text: str, *, source: str) -> Any:
    """Parse YAML, refusing duplicate keys (PyYAML silently keeps the last one).

    Examples
    --------
    >>> load_strict_yaml("a: 1\\nb: 2", source="x.yaml")
    {'a': 1, 'b': 2}
    >>> load_strict_yaml("a: 1\\na: 2", source="x.yaml")
    Traceback (most recent call last):
    ...
    ValueError: x.yaml: duplicate key 'a' at line 2; each key may appear once
    """
    import yaml

    class StrictLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node)
            if key in seen:
                raise ValueError(
                    f"{source}: duplicate key {key!r} at line {key_node.start_mark.line + 1}; "
                    "each key may appear once"
                )
            seen.add(key)
        return loader.construct_mapping(node)

    StrictLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping
    )
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a SafeLoader subclass


@dataclass(frozen=True)
class SeverityConfig:
    """A validated severity configuration (see ``anomaly/config/severity.yaml``).

    Parameters
    ----------
    impact_by_tier : dict
        Service tier → starting impact level (1 high, 2 medium, 3 low).
    impact_default : int
        Impact level of tiers not listed (and of services missing from the catalog).
    raise_services, raise_users : int
        Blast radius (services in the incident, distinct users) raising impact a level.
    lower_without_slo_breach : bool
        Lower impact a level when the SLO error rate is not breached.
    urgency_high, urgency_medium : float
        Burn-rate thresholds for urgency 1 and 2.
    failed_is_high : bool
        A ``failed`` service is urgency 1 whatever the burn rate.
    matrix : dict
        ``matrix[impact][urgency]`` → ``"P1"`` … ``"P5"``.
    severities : dict
        Per severity: ``respond_minutes``, ``resolve_minutes`` and ``action``.
    source : str
        Where the configuration came from.
    """

    impact_by_tier: dict
    impact_default: int
    raise_services: int
    raise_users: int
    lower_without_slo_breach: bool
    urgency_high: float
    urgency_medium: float
    failed_is_high: bool
    matrix: dict
    severities: dict
    source: str


def _fail(source: str, where: str, rule: str) -> ValueError:
    return ValueError(f"{source}: {where}: {rule}")


def _section(raw: dict, key: str, source: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise _fail(source, key, "missing or not a mapping; see anomaly/config/severity.yaml")
    return value


def _check_keys(section: dict, allowed: set[str], where: str, source: str) -> None:
    unknown = sorted(map(str, set(section) - allowed))
    if unknown:
        raise _fail(source, where, f"unknown key(s) {unknown}; allowed are {sorted(allowed)}")


def _level(value: Any, where: str, source: str) -> int:
    if value not in LEVELS:
        raise _fail(source, where, "must be a level 1, 2 or 3 (1 = highest)")
    return int(value)


def load_severity_config(path: str | Path | None = None) -> SeverityConfig:
    """Read and validate a severity configuration; the packaged default when no path.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file shaped like ``anomaly/config/severity.yaml``.

    Returns
    -------
    SeverityConfig

    Examples
    --------
    >>> config = load_severity_config()
    >>> config.matrix[2][3], config.severities["P3"]["action"]
    ('P4', 'ticket')
    """
    if path is None:
        text = resources.files("anomaly").joinpath("config/severity.yaml").read_text("utf-8")
        source = "anomaly/config/severity.yaml"
    else:
        text = Path(path).read_text("utf-8")
        source = str(path)
    raw = load_strict_yaml(text, source=source)
    if not isinstance(raw, dict):
        raise _fail(source, "top level", "must be a mapping")
    _check_keys(raw, {"version", "impact", "urgency", "matrix", "severities"}, "top level", source)
    impact = _section(raw, "impact", source)
    _check_keys(impact, {"by_tier", "default", "raise_when", "lower_without_slo_breach"},
                "impact", source)
    by_tier = impact.get("by_tier") or {}
    if not isinstance(by_tier, dict) or not all(isinstance(t, int) for t in by_tier):
        raise _fail(source, "impact.by_tier", "must map integer tiers to levels")
    by_tier = {int(t): _level(v, f"impact.by_tier.{t}", source) for t, v in by_tier.items()}
    raise_when = impact.get("raise_when") or {}
    _check_keys(raise_when, {"services", "users"}, "impact.raise_when", source)
    for key in ("services", "users"):
        value = raise_when.get(key, 10**9)
        if not isinstance(value, int) or value < 1:
            raise _fail(source, f"impact.raise_when.{key}", "must be a positive integer")
    urgency = _section(raw, "urgency", source)
    _check_keys(urgency, {"high", "medium", "failed_is_high"}, "urgency", source)
    high, medium = urgency.get("high"), urgency.get("medium")
    if not all(isinstance(v, int | float) and v > 0 for v in (high, medium)) or high < medium:
        raise _fail(source, "urgency", "high and medium must be positive burn rates, high >= medium")
    matrix_raw = _section(raw, "matrix", source)
    matrix: dict = {}
    for i in LEVELS:
        row = matrix_raw.get(i)
        if not isinstance(row, dict) or set(row) != set(LEVELS):
            raise _fail(source, f"matrix.{i}", "must map each urgency 1, 2, 3 to a severity")
        for u in LEVELS:
            if row[u] not in SEVERITIES:
                raise _fail(source, f"matrix.{i}.{u}", f"must be one of {list(SEVERITIES)}")
        matrix[i] = {u: row[u] for u in LEVELS}
    if set(matrix_raw) != set(LEVELS):
        raise _fail(source, "matrix", "must have exactly the impact levels 1, 2, 3")
    severities_raw = _section(raw, "severities", source)
    _check_keys(severities_raw, set(SEVERITIES), "severities", source)
    severities: dict = {}
    for sev in SEVERITIES:
        entry = severities_raw.get(sev)
        if not isinstance(entry, dict):
            raise _fail(source, f"severities.{sev}", "missing; every P1..P5 needs an entry")
        _check_keys(entry, {"respond_minutes", "resolve_minutes", "action"},
                    f"severities.{sev}", source)
        if entry.get("action") not in ACTIONS:
            raise _fail(source, f"severities.{sev}.action", f"must be one of {list(ACTIONS)}")
        for key in ("respond_minutes", "resolve_minutes"):
            if not isinstance(entry.get(key), int) or entry[key] <= 0:
                raise _fail(source, f"severities.{sev}.{key}", "must be a positive integer")
        severities[sev] = dict(entry)
    return SeverityConfig(
        impact_by_tier=by_tier,
        impact_default=_level(impact.get("default", 3), "impact.default", source),
        raise_services=int(raise_when.get("services", 10**9)),
        raise_users=int(raise_when.get("users", 10**9)),
        lower_without_slo_breach=bool(impact.get("lower_without_slo_breach", True)),
        urgency_high=float(high),
        urgency_medium=float(medium),
        failed_is_high=bool(urgency.get("failed_is_high", True)),
        matrix=matrix,
        severities=severities,
        source=source,
    )


def _finite(value: float | None) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def assess_severity(
    config: SeverityConfig,
    *,
    tier: int | None,
    count_services: int,
    count_users: int,
    error_rate: float | None,
    slo_error_rate: float | None,
    state: str,
) -> dict:
    """Severity, action and SLA of one episode, with the reasons.

    Parameters
    ----------
    config : SeverityConfig
    tier : int or None
        The service's tier from the catalog (None: not in the catalog).
    count_services : int
        Services in the incident.
    count_users : int
        Distinct user tokens with errors.
    error_rate : float or None
        Errors / requests over the episode (None without a denominator).
    slo_error_rate : float or None
        The service's SLO error rate (None when unknown).
    state : str
        ``"degraded"`` or ``"failed"``.

    Returns
    -------
    dict
        ``severity, action, impact, urgency, burn_rate, is_slo_breached,
        respond_minutes, resolve_minutes, reasons``.

    Examples
    --------
    >>> config = load_severity_config()
    >>> a = assess_severity(config, tier=3, count_services=1, count_users=2,
    ...                     error_rate=0.001, slo_error_rate=0.01, state="degraded")
    >>> a["severity"], a["action"], a["reasons"]
    ('P5', 'review', ['tier 3 -> impact 3', 'burn rate 0.1 -> urgency 3'])
    """
    reasons: list[str] = []
    impact = config.impact_by_tier.get(tier, config.impact_default) if tier is not None \
        else config.impact_default
    reasons.append(f"tier {tier} -> impact {impact}" if tier is not None
                   else f"service not in catalog -> impact {impact}")
    if count_services >= config.raise_services or count_users >= config.raise_users:
        impact = max(1, impact - 1)
        reasons.append(f"blast radius {count_services} services, {count_users} users "
                       f"-> impact {impact}")
    rate, slo = _finite(error_rate), _finite(slo_error_rate)
    burn = rate / slo if rate is not None and slo else None
    is_breached = burn is not None and burn > 1.0
    if config.lower_without_slo_breach and burn is not None and not is_breached and impact < 3:
        impact += 1
        reasons.append(f"SLO error rate not breached -> impact {impact}")
    if state == "failed" and config.failed_is_high:
        urgency = 1
        reasons.append("service failed -> urgency 1")
    elif burn is None:
        urgency = 2
        reasons.append("no burn rate (no requests or no SLO) -> urgency 2")
    else:
        urgency = 1 if burn >= config.urgency_high else 2 if burn >= config.urgency_medium else 3
        reasons.append(f"burn rate {burn:.3g} -> urgency {urgency}")
    severity = config.matrix[impact][urgency]
    entry = config.severities[severity]
    return {
        "severity": severity,
        "action": entry["action"],
        "impact": impact,
        "urgency": urgency,
        "burn_rate": None if burn is None else round(burn, 3),
        "is_slo_breached": is_breached,
        "respond_minutes": entry["respond_minutes"],
        "resolve_minutes": entry["resolve_minutes"],
        "reasons": reasons,
    }
