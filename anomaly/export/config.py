"""Alerting settings: the defaults in ``anomaly/config/alerting.yaml`` merged with a
file of the user's own.

The defaults file is the single source of default values; a user file only names the
keys it changes. Every key of the user file is checked against the defaults (unknown
keys and wrong types are errors that name the valid keys), so a typo never silently
falls back to a default.

Examples
--------
>>> cfg = load_alerting_config()
>>> cfg.prometheus["requests_metric"], cfg.severity("pagerduty", "P2")
('http_requests_total', 'error')
>>> cfg = load_alerting_config(overrides={"prometheus": {"service_label": "job"}})
>>> cfg.prometheus["service_label"]
'job'
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["PRIORITIES", "TARGETS", "AlertingConfig", "AlertingConfigError", "load_alerting_config"]

PRIORITIES = ("P1", "P2", "P3", "P4", "P5")
"""faultline's severity scale, most severe first."""

TARGETS = ("alertmanager", "pagerduty", "opsgenie")
"""The alerting systems payloads are built for."""

_SECTIONS = ("prometheus", "alerts", "targets", "delivery")

# Keys whose value is a list of mappings, checked item by item.
_LIST_ITEM_KEYS = {
    ("prometheus", "burn_rates"): {
        "name": str, "burn_rate": (int, float), "long_window": str, "short_window": str,
        "for": str, "action": str,
    },
}


class AlertingConfigError(ValueError):
    """The alerting configuration has an unknown key or a value of the wrong type."""


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class AlertingConfig:
    """Read-only alerting settings, one mapping per section.

    Attributes
    ----------
    prometheus : Mapping
        Metric and label names, thresholds and windows of the generated rules.
    alerts : Mapping
        Severity maps per target, fatigue control, payload limits.
    targets : Mapping
        Per target: ``url`` and routing defaults.
    delivery : Mapping
        Timeout, retries and backoff of ``--send``.
    """

    prometheus: Mapping[str, Any]
    alerts: Mapping[str, Any]
    targets: Mapping[str, Any]
    delivery: Mapping[str, Any]

    def severity(self, target: str, priority: str) -> str:
        """``priority`` (P1..P5) on ``target``'s own scale.

        Examples
        --------
        >>> load_alerting_config().severity("alertmanager", "P4")
        'warning'
        """
        scale = self.alerts["severity"].get(target)
        if scale is None:
            raise AlertingConfigError(
                f"no severity map for target {target!r}; targets are {sorted(self.alerts['severity'])}"
            )
        if priority not in scale:
            raise AlertingConfigError(
                f"severity must be one of {list(PRIORITIES)}; the severity map of {target} "
                f"has no entry for the value given"
            )
        return str(scale[priority])


def _defaults() -> dict[str, Any]:
    import yaml

    text = resources.files("anomaly").joinpath("config/alerting.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _merge(base: dict[str, Any], override: Mapping[str, Any], where: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        path = f"{where}.{key}" if where else str(key)
        if key not in base:
            raise AlertingConfigError(
                f"unknown alerting setting {path!r}; valid keys here are {sorted(base)}"
            )
        default = base[key]
        if isinstance(default, dict):
            if not isinstance(value, Mapping):
                raise AlertingConfigError(f"alerting setting {path!r} must be a mapping")
            # Severity maps and targets may name new entries only under known shapes:
            # keep them strict too.
            out[key] = _merge(default, value, path)
        elif isinstance(default, list):
            if not isinstance(value, list):
                raise AlertingConfigError(f"alerting setting {path!r} must be a list")
            spec = _LIST_ITEM_KEYS.get(tuple(path.split(".")))
            if spec is not None:
                for i, item in enumerate(value):
                    _check_item(item, spec, f"{path}[{i}]")
            out[key] = copy.deepcopy(value)
        else:
            expected: tuple[type, ...] = (int, float) if isinstance(default, int | float) and not isinstance(default, bool) else (type(default),)
            if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, expected):
                raise AlertingConfigError(
                    f"alerting setting {path!r} must be of type {type(default).__name__}, "
                    f"got {type(value).__name__}"
                )
            out[key] = value
    return out


def _check_item(item: Any, spec: Mapping[str, Any], path: str) -> None:
    if not isinstance(item, Mapping):
        raise AlertingConfigError(f"{path} must be a mapping with keys {sorted(spec)}")
    missing = sorted(set(spec) - set(item))
    unknown = sorted(set(item) - set(spec))
    if missing or unknown:
        raise AlertingConfigError(
            f"{path} must have exactly the keys {sorted(spec)}; missing {missing}, unknown {unknown}"
        )
    for key, typ in spec.items():
        if not isinstance(item[key], typ) or isinstance(item[key], bool):
            raise AlertingConfigError(f"{path}.{key} has the wrong type")


def load_alerting_config(
    path: str | os.PathLike[str] | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
) -> AlertingConfig:
    """The defaults merged with the YAML file at ``path`` and then ``overrides``.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with any subset of the sections ``prometheus``, ``alerts``,
        ``targets``, ``delivery``.
    overrides : Mapping, optional
        The same shape as the file, applied after it (used by the command line).

    Returns
    -------
    AlertingConfig

    Raises
    ------
    AlertingConfigError
        An unknown key, a value of the wrong type, or a file that is not a mapping.

    Examples
    --------
    >>> load_alerting_config(overrides={"alerts": {"fatigue_min_services": 3}}).alerts[
    ...     "fatigue_min_services"]
    3
    >>> try:
    ...     load_alerting_config(overrides={"alerts": {"fatige": 3}})
    ... except AlertingConfigError as exc:
    ...     print(str(exc).split(";")[0])
    unknown alerting setting 'alerts.fatige'
    """
    merged = _defaults()
    if path is not None:
        import yaml

        p = Path(path)
        if not p.is_file():
            raise AlertingConfigError(f"alerting config file {p} does not exist")
        try:
            doc = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise AlertingConfigError(f"alerting config file {p} is not valid YAML{where}") from None
        if not isinstance(doc, Mapping):
            raise AlertingConfigError(
                f"alerting config file {p} must be a mapping with sections {list(_SECTIONS)}"
            )
        merged = _merge(merged, doc, "")
    if overrides:
        merged = _merge(merged, overrides, "")
    for target in TARGETS:
        scale = merged["alerts"]["severity"][target]
        missing = [p for p in PRIORITIES if p not in scale]
        if missing:
            raise AlertingConfigError(f"alerts.severity.{target} lacks {missing}")
    return AlertingConfig(**{s: _freeze(merged[s]) for s in _SECTIONS})
