"""Prometheus alerting rules from learned per-service baselines and the catalog's SLOs.

Two kinds of alert per service, on the ratio of error responses to all responses as
the user's HTTP server metrics report it:

* ``FaultlineErrorRateHigh`` (ticket severity): the short-window error ratio stays
  above ``max(typical * baseline_multiplier, slo, min_error_ratio)`` for
  ``error_rate_for``, where *typical* is a high quantile of the service's per-minute
  error rate over the training window (what faultline learned is normal for it).
* ``FaultlineErrorBudgetBurn`` (one rule per ``burn_rates`` row, label ``window``):
  the multiwindow, multi-burn-rate alert on the SLO's error budget: the error ratio
  exceeds ``burn_rate * slo`` over both a long and a short window.

Both are guarded by a minimum request rate so that a nearly idle service does not page
on one failed request. Error ratios and request rates are recording rules
(``faultline:service_error_ratio:rate<window>``), evaluated once for all services.
Metric names, label names, the error-status pattern and extra matchers come from the
``prometheus`` section of the alerting config, so the rules match the user's
instrumentation.

Examples
--------
>>> import polars as pl
>>> baselines = pl.DataFrame({"service": ["checkout"], "typical_error_rate": [0.004]})
>>> catalog = pl.DataFrame({"service": ["checkout"], "team": ["payments"], "tier": [1],
...                         "slo_error_rate": [0.005]})
>>> doc = build_prometheus_rules(baselines, catalog)
>>> rules = doc["groups"][1]["rules"]
>>> [(r["alert"], r["labels"].get("window"), r["labels"]["severity"]) for r in rules]
... # doctest: +NORMALIZE_WHITESPACE
[('FaultlineErrorRateHigh', None, 'warning'), ('FaultlineErrorBudgetBurn', 'fast', 'critical'),
 ('FaultlineErrorBudgetBurn', 'medium', 'critical'), ('FaultlineErrorBudgetBurn', 'slow', 'warning')]
>>> rules[0]["expr"].split(" and ")[0]
'faultline:service_error_ratio:rate5m{service="checkout"} > 0.008'
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from anomaly.export.config import AlertingConfig, load_alerting_config
from anomaly.export.episodes import to_records

__all__ = [
    "build_prometheus_rules",
    "learn_baselines",
    "read_baselines",
    "write_prometheus_rules",
]

_DURATION = re.compile(r"^(\d+)(ms|s|m|h|d|w|y)$")
_LABEL_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
_METRIC_NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
_RECORD_PREFIX = "faultline:service_"


def _check_duration(value: str, key: str) -> str:
    if not _DURATION.match(value):
        raise ValueError(
            f"prometheus.{key} must be a Prometheus duration such as 5m, 1h or 3d"
        )
    return value


def _quote(value: str) -> str:
    """A PromQL string literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _num(x: float) -> str:
    """A threshold as a short, exact-enough PromQL number."""
    return f"{x:.6g}"


def _selector(cfg: Mapping[str, Any], *, errors: bool) -> str:
    matchers = []
    if errors:
        matchers.append(f"{cfg['status_label']}=~{_quote(cfg['error_status_regex'])}")
    if cfg["extra_selector"].strip():
        matchers.append(cfg["extra_selector"].strip())
    return cfg["requests_metric"] + ("{" + ", ".join(matchers) + "}" if matchers else "")


def _validate(cfg: Mapping[str, Any]) -> None:
    if not _METRIC_NAME.match(cfg["requests_metric"]):
        raise ValueError("prometheus.requests_metric is not a valid Prometheus metric name")
    for key in ("service_label", "status_label", "severity_label", "team_label"):
        if not _LABEL_NAME.match(cfg[key]):
            raise ValueError(f"prometheus.{key} is not a valid Prometheus label name")
    for key in ("error_rate_window", "error_rate_for", "group_interval"):
        _check_duration(cfg[key], key)
    for i, row in enumerate(cfg["burn_rates"]):
        for key in ("long_window", "short_window", "for"):
            _check_duration(row[key], f"burn_rates[{i}].{key}")
        if row["action"] not in ("page", "ticket"):
            raise ValueError(f"prometheus.burn_rates[{i}].action must be 'page' or 'ticket'")
        if not row["burn_rate"] > 0:
            raise ValueError(f"prometheus.burn_rates[{i}].burn_rate must be positive")
    try:
        re.compile(cfg["error_status_regex"])
    except re.error:
        raise ValueError("prometheus.error_status_regex is not a valid regular expression") from None


def _recording_rules(cfg: Mapping[str, Any], windows: list[str]) -> list[dict[str, Any]]:
    by = cfg["service_label"]
    total, errors = _selector(cfg, errors=False), _selector(cfg, errors=True)
    rules = []
    for w in windows:
        rules.append({
            "record": f"{_RECORD_PREFIX}request_rate:rate{w}",
            "expr": f"sum by ({by}) (rate({total}[{w}]))",
        })
        # Services with traffic but no errors get an explicit 0 (not a missing series).
        rules.append({
            "record": f"{_RECORD_PREFIX}error_ratio:rate{w}",
            "expr": (
                f"(sum by ({by}) (rate({errors}[{w}])) or sum by ({by}) (rate({total}[{w}])) * 0)"
                f" / sum by ({by}) (rate({total}[{w}]))"
            ),
        })
    return rules


def _service_catalog(catalog: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for row in to_records(catalog) if catalog is not None else []:
        if "service" not in row:
            raise ValueError("the catalog needs a 'service' column (the store's services table)")
        out[str(row["service"])] = row
    return out


def build_prometheus_rules(
    baselines: Any,
    catalog: Any,
    *,
    config: AlertingConfig | None = None,
) -> dict[str, Any]:
    """The rules file (as a document) for every service with a baseline or an SLO.

    Parameters
    ----------
    baselines : DataFrame or list of mappings
        Columns ``service`` and ``typical_error_rate`` (a fraction of requests; see
        :func:`learn_baselines`). May be empty: SLO rules are still written.
    catalog : DataFrame or list of mappings
        The store's ``services`` table: ``service``, ``team``, ``slo_error_rate``
        (``tier`` and others are ignored). May be None.
    config : AlertingConfig, optional
        Its ``prometheus`` section names metrics and labels.

    Returns
    -------
    dict
        ``{"groups": [recording group, alerting group]}``, ready for YAML.

    Raises
    ------
    ValueError
        A bad metric or label name, duration or regex in the config, or baselines
        without the needed columns.
    """
    cfg = (config or load_alerting_config()).prometheus
    _validate(cfg)
    services = _service_catalog(catalog)
    typical: dict[str, float] = {}
    for row in to_records(baselines) if baselines is not None else []:
        if "service" not in row or "typical_error_rate" not in row:
            raise ValueError(
                "baselines need the columns 'service' and 'typical_error_rate'; build them "
                "with anomaly.export.learn_baselines"
            )
        value = row["typical_error_rate"]
        if value is not None and math.isfinite(float(value)):
            typical[str(row["service"])] = float(value)

    sev, team_label, svc_label = cfg["severity_label"], cfg["team_label"], cfg["service_label"]
    window = cfg["error_rate_window"]
    min_rate = float(cfg["min_request_rate"])
    rules: list[dict[str, Any]] = []
    windows = {window}
    for name in sorted(set(typical) | set(services)):
        entry = services.get(name, {})
        team = str(entry.get("team") or "unknown")
        slo = entry.get("slo_error_rate")
        slo = float(slo) if slo is not None and math.isfinite(float(slo)) and float(slo) > 0 else None
        match = "{" + f"{svc_label}={_quote(name)}" + "}"
        runbook = cfg["runbook_url"]
        if name in typical:
            threshold = max(typical[name] * float(cfg["baseline_multiplier"]),
                            slo or 0.0, float(cfg["min_error_ratio"]))
            if threshold < 1:
                rules.append({
                    "alert": "FaultlineErrorRateHigh",
                    "expr": (
                        f"{_RECORD_PREFIX}error_ratio:rate{window}{match} > {_num(threshold)}"
                        f" and {_RECORD_PREFIX}request_rate:rate{window}{match} > {_num(min_rate)}"
                    ),
                    "for": cfg["error_rate_for"],
                    "labels": {sev: cfg["severity_ticket"], team_label: team},
                    "annotations": {
                        "summary": (
                            f"{name}: error ratio {{{{ $value | humanizePercentage }}}} over {window}, "
                            f"above its usual {typical[name]:.3%} (threshold {threshold:.3%})"
                        ),
                        "description": (
                            f"The share of failed requests of {name} has stayed above "
                            f"{threshold:.3%} for {cfg['error_rate_for']}; faultline learned "
                            f"{typical[name]:.3%} as its usual level."
                        ),
                        "runbook_url": runbook.format(alert="faultlineerrorratehigh"),
                    },
                })
        if slo is None:
            continue
        for row in cfg["burn_rates"]:
            limit = float(row["burn_rate"]) * slo
            if limit >= 1:
                continue  # an error ratio above 100% cannot happen: the rule could never fire
            long_w, short_w = row["long_window"], row["short_window"]
            windows |= {long_w, short_w}
            rules.append({
                "alert": "FaultlineErrorBudgetBurn",
                "expr": (
                    f"{_RECORD_PREFIX}error_ratio:rate{long_w}{match} > {_num(limit)}"
                    f" and {_RECORD_PREFIX}error_ratio:rate{short_w}{match} > {_num(limit)}"
                    f" and {_RECORD_PREFIX}request_rate:rate{long_w}{match} > {_num(min_rate)}"
                ),
                "for": row["for"],
                "labels": {
                    sev: cfg["severity_page"] if row["action"] == "page" else cfg["severity_ticket"],
                    team_label: team,
                    "window": row["name"],
                },
                "annotations": {
                    "summary": (
                        f"{name} is burning its error budget {row['burn_rate']:g}x faster than "
                        f"its SLO allows ({long_w} error ratio {{{{ $value | humanizePercentage }}}})"
                    ),
                    "description": (
                        f"Error ratio above {_num(limit)} ({row['burn_rate']:g} x the SLO of "
                        f"{slo:.3%}) over both {long_w} and {short_w}."
                    ),
                    "runbook_url": runbook.format(alert="faultlineerrorbudgetburn"),
                },
            })
    def _seconds(d: str) -> float:
        n, unit = _DURATION.match(d).groups()  # type: ignore[union-attr]
        return int(n) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800,
                         "y": 31536000}[unit]

    ordered = sorted(windows, key=_seconds)
    return {
        "groups": [
            {
                "name": f"{cfg['group_name']}:recording",
                "interval": cfg["group_interval"],
                "rules": _recording_rules(cfg, ordered),
            },
            {
                "name": cfg["group_name"],
                "interval": cfg["group_interval"],
                "rules": rules,
            },
        ]
    }


def write_prometheus_rules(doc: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write a rules document as YAML (atomically: a crash never leaves half a file).

    Examples
    --------
    >>> import tempfile, pathlib, yaml
    >>> p = write_prometheus_rules({"groups": []}, pathlib.Path(tempfile.mkdtemp()) / "r.yml")
    >>> yaml.safe_load(p.read_text().split("\\n", 2)[2])
    {'groups': []}
    """
    import yaml

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "# Prometheus alerting rules generated by `faultline export prometheus`.\n"
        "# Check with: promtool check rules <this file>\n"
        + yaml.safe_dump(dict(doc), sort_keys=False, width=1000)
    )
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    return out


def learn_baselines(
    minutes: Any,
    *,
    anomalies: Any = None,
    quantile: float = 0.99,
    min_minutes: int = 60,
) -> Any:
    """Each service's typical error rate: a high quantile of its per-minute error rate.

    Minutes flagged anomalous by detection (when ``anomalies`` is given) and minutes
    without a request count are left out, so the baseline describes normal operation.

    Parameters
    ----------
    minutes : DataFrame
        Per service per minute (``feat_service_minute``): ``service``, ``minute``,
        ``error_rate`` (NULL without a denominator).
    anomalies : DataFrame, optional
        The detection stage's ``anomalies`` frame (``service``, ``minute``,
        ``is_anomaly``; rows with a ``component`` are per component and ignored here).
    quantile : float
        Which quantile is "typical" (default 0.99: 1 minute in 100 may be above it).
    min_minutes : int
        Services with fewer usable minutes get no baseline (and so only SLO rules).

    Returns
    -------
    polars.DataFrame
        ``service``, ``typical_error_rate``, ``count_minutes``, sorted by service.

    Examples
    --------
    >>> import polars as pl
    >>> from datetime import datetime, timedelta
    >>> t0 = datetime(2026, 3, 1)
    >>> minutes = pl.DataFrame({
    ...     "service": ["a"] * 100,
    ...     "minute": [t0 + timedelta(minutes=i) for i in range(100)],
    ...     "error_rate": [0.01] * 99 + [0.9]})
    >>> anomalies = pl.DataFrame({"service": ["a"], "minute": [t0 + timedelta(minutes=99)],
    ...                           "is_anomaly": [True]})
    >>> learn_baselines(minutes, anomalies=anomalies, quantile=0.99).rows()
    [('a', 0.01, 99)]
    """
    import polars as pl

    if not 0 < quantile < 1:
        raise ValueError(f"quantile must be between 0 and 1, got {quantile}")
    frame = pl.DataFrame(to_records(minutes)) if not isinstance(minutes, pl.DataFrame) else minutes
    missing = [c for c in ("service", "minute", "error_rate") if c not in frame.columns]
    if missing:
        raise ValueError(
            f"per-minute frame lacks {missing}; pass feat_service_minute "
            f"(columns are {frame.columns[:12]})"
        )
    frame = frame.select("service", "minute", pl.col("error_rate").cast(pl.Float64))
    frame = frame.filter(pl.col("error_rate").is_not_null() & pl.col("error_rate").is_finite())
    if anomalies is not None:
        an = anomalies if isinstance(anomalies, pl.DataFrame) else pl.DataFrame(to_records(anomalies))
        if len(an):
            if "component" in an.columns:
                an = an.filter(pl.col("component").is_null())
            flagged = an.filter(pl.col("is_anomaly")).select(
                "service", pl.col("minute").cast(frame.schema["minute"])
            ).unique()
            frame = frame.join(flagged, on=["service", "minute"], how="anti")
    out = (
        frame.group_by("service")
        .agg(
            pl.col("error_rate").quantile(quantile, interpolation="linear").alias("typical_error_rate"),
            pl.len().cast(pl.Int64).alias("count_minutes"),
        )
        .filter(pl.col("count_minutes") >= min_minutes)
        .sort("service")
    )
    return out


def read_baselines(store: Any, **kwargs: Any) -> Any:
    """:func:`learn_baselines` over the store's ``feat_service_minute`` (and its
    ``anomalies``, when detection has run). Returns an empty frame when the feature
    table is not there yet, so SLO rules can still be exported."""
    import polars as pl

    tables = set(store.tables())
    if "feat_service_minute" not in tables:
        return pl.DataFrame(
            schema={"service": pl.String, "typical_error_rate": pl.Float64, "count_minutes": pl.Int64}
        )
    minutes = store.con.sql(
        "SELECT service, minute, error_rate FROM feat_service_minute"
    ).pl()
    anomalies = None
    if "anomalies" in tables:
        anomalies = store.con.sql(
            "SELECT service, component, minute, is_anomaly FROM anomalies"
        ).pl()
    return learn_baselines(minutes, anomalies=anomalies, **kwargs)
