"""The service catalog (``catalog.yaml``) read, checked and turned into ``services`` rows.

Examples
--------
>>> rows = catalog_rows({"services": {"checkout": {"team": "payments", "tier": 1,
...     "depends_on": ["cart"], "slo": {"error_rate": 0.005, "latency_p99_ms": 400},
...     "escalation": {"slack": "#payments-oncall"}}}})
>>> rows[0]["service"], rows[0]["tier"], rows[0]["slo_error_rate"], rows[0]["escalation"]
('checkout', 1, 0.005, '{"slack": "#payments-oncall"}')
>>> catalog_rows({"services": {"cart": {"owner": "x"}}})
Traceback (most recent call last):
...
ValueError: catalog service 'cart' has unknown key 'owner'; known keys are ['team', 'tier', 'depends_on', 'slo', 'escalation']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from features.contract import CATALOG_SERVICE_KEYS

__all__ = ["catalog_rows", "read_catalog"]

_SLO_KEYS = ("error_rate", "latency_p99_ms")


def read_catalog(path: Path) -> dict[str, Any]:
    """Parse ``catalog.yaml``; the error names the file, never its contents."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"{path.name} is not valid YAML{where}") from None
    return data if data is not None else {}


def catalog_rows(data: Any) -> list[dict[str, Any]]:
    """Check a parsed catalog and return one ``services`` row per service."""
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        raise ValueError("a catalog is a mapping with a 'services' mapping of service name -> settings")
    extra = sorted(set(data) - {"services"})
    if extra:
        raise ValueError(f"catalog has unknown top-level keys {extra}; only 'services' is read")
    rows = []
    for name, spec in data["services"].items():
        spec = spec or {}
        if not isinstance(spec, dict):
            raise ValueError(f"catalog service {str(name)!r} must be a mapping of settings")
        for key in spec:
            if key not in CATALOG_SERVICE_KEYS:
                raise ValueError(
                    f"catalog service {str(name)!r} has unknown key {key!r}; "
                    f"known keys are {list(CATALOG_SERVICE_KEYS)}"
                )
        tier = spec.get("tier")
        if tier is not None and (isinstance(tier, bool) or not isinstance(tier, int) or tier < 1):
            raise ValueError(f"catalog service {str(name)!r}: tier must be a whole number >= 1")
        depends = spec.get("depends_on") or []
        if not isinstance(depends, list):
            raise ValueError(f"catalog service {str(name)!r}: depends_on must be a list")
        slo = spec.get("slo") or {}
        if not isinstance(slo, dict) or set(slo) - set(_SLO_KEYS):
            raise ValueError(
                f"catalog service {str(name)!r}: slo takes only {list(_SLO_KEYS)}"
            )
        escalation = spec.get("escalation")
        if escalation is not None and not isinstance(escalation, dict):
            raise ValueError(f"catalog service {str(name)!r}: escalation must be a mapping")
        rows.append({
            "service": str(name),
            "team": None if spec.get("team") is None else str(spec["team"]),
            "tier": tier,
            "depends_on": [str(d) for d in depends],
            "slo_error_rate": None if slo.get("error_rate") is None else float(slo["error_rate"]),
            "slo_latency_p99_ms": (
                None if slo.get("latency_p99_ms") is None else float(slo["latency_p99_ms"])
            ),
            "escalation": None if escalation is None else json.dumps(escalation, sort_keys=True),
        })
    return rows
