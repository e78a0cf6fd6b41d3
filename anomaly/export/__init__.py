"""Exports for alerting: Prometheus rules, alert payloads, durable delivery.

* :func:`build_prometheus_rules` / :func:`write_prometheus_rules` — error-rate and
  burn-rate alerting rules from :func:`learn_baselines` (per-service typical error
  rate) and the catalog's SLOs (``faultline export prometheus``).
* :func:`build_alerts` — episodes → Alertmanager v2, PagerDuty Events v2 and Opsgenie
  payloads with stable dedup keys, per-target severity and ownership routing, and
  alert-fatigue control (:func:`plan_suppression`) (``faultline alerts --dry-run``).
* :class:`Outbox`, :func:`send_alerts`, :func:`deliver_pending`, :func:`post_json` —
  a durable local outbox and HTTP delivery with retries, exponential backoff with
  jitter and a timeout (``faultline alerts --send``).
* :func:`load_alerting_config` — the defaults in ``anomaly/config/alerting.yaml``
  merged with a file of your own (metric names, label names, severity maps, URLs).

Examples
--------
>>> from anomaly.export import build_alerts
>>> plan = build_alerts([], targets=["pagerduty"])
>>> plan.messages
[]
"""

from anomaly.export.config import AlertingConfig, AlertingConfigError, load_alerting_config
from anomaly.export.dispatch import queue_alerts, read_alert_episodes, send_alerts
from anomaly.export.fatigue import Suppression, plan_suppression
from anomaly.export.outbox import Outbox
from anomaly.export.payloads import AlertMessage, AlertPlan, build_alerts, dedup_key
from anomaly.export.prometheus import (
    build_prometheus_rules,
    learn_baselines,
    read_baselines,
    write_prometheus_rules,
)
from anomaly.export.send import DeliveryReport, deliver_pending, post_json

__all__ = [
    "AlertMessage",
    "AlertPlan",
    "AlertingConfig",
    "AlertingConfigError",
    "DeliveryReport",
    "Outbox",
    "Suppression",
    "build_alerts",
    "build_prometheus_rules",
    "dedup_key",
    "deliver_pending",
    "learn_baselines",
    "load_alerting_config",
    "plan_suppression",
    "post_json",
    "queue_alerts",
    "read_alert_episodes",
    "read_baselines",
    "send_alerts",
    "write_prometheus_rules",
]
