"""From episodes to delivered alerts: read, build, queue, send.

:func:`read_alert_episodes` reads the ``episodes`` table (open episodes and those closed
within the lookback); :func:`queue_alerts` writes a plan's messages to the outbox, plus
the resolves Alertmanager needs for alerts that were open and are now folded into an
incident's alert or changed their label set; :func:`send_alerts` does both and then
drains the outbox.

Examples
--------
>>> import tempfile, pathlib
>>> from datetime import datetime, UTC
>>> from anomaly.export.outbox import Outbox
>>> from anomaly.export.payloads import build_alerts
>>> eps = [dict(incident_id="i1", episode_id="e1", service="cart", start="2026-03-01T10:00:00",
...     end=None, is_open=True, severity="P3", team="shopping")]
>>> plan = build_alerts(eps, targets=["alertmanager"], now=datetime(2026, 3, 1, 10, 5, tzinfo=UTC))
>>> with Outbox(pathlib.Path(tempfile.mkdtemp()) / "o.sqlite") as box:
...     queue_alerts(plan, box, now=datetime(2026, 3, 1, 10, 5, tzinfo=UTC)), box.counts()
(1, {'pending': 1})
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from anomaly.export.config import TARGETS, AlertingConfig, load_alerting_config
from anomaly.export.episodes import EPISODE_COLUMNS
from anomaly.export.outbox import Outbox
from anomaly.export.payloads import AlertMessage, AlertPlan, alertmanager_key, build_alerts
from anomaly.export.send import DeliveryReport, deliver_pending, post_json
from features.governance.roles import audited_api

__all__ = ["queue_alerts", "read_alert_episodes", "send_alerts"]


@audited_api("read", "episodes")
def read_alert_episodes(
    store: Any, *, now: datetime | None = None, lookback_hours: float | None = None,
    config: AlertingConfig | None = None,
) -> Any:
    """Episodes worth alerting on: open ones and those closed within the lookback.

    Parameters
    ----------
    store : features.store.Store
        An open store (read-only is enough).
    now : datetime, optional
        Default the clock.
    lookback_hours : float, optional
        Default ``alerts.resolve_lookback_hours`` of the config.

    Returns
    -------
    polars.DataFrame
        The episode rows (the columns of the agreed ``episodes`` table that exist).

    Raises
    ------
    ValueError
        The store has no ``episodes`` table yet.
    """
    cfg = config or load_alerting_config()
    if "episodes" not in store.tables():
        raise ValueError(
            f"the store {store.path} has no episodes table yet; run the detection and "
            "episode stages first (faultline score / classify)"
        )
    hours = float(cfg.alerts["resolve_lookback_hours"] if lookback_hours is None else lookback_hours)
    now = now or datetime.now(UTC)
    since = (now.astimezone(UTC) - timedelta(hours=hours)).replace(tzinfo=None)
    have = [r[0] for r in store.con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_name = 'episodes'"
    ).fetchall()]
    cols = [c for c in EPISODE_COLUMNS if c in have]
    select = ", ".join(f'"{c}"' for c in cols)
    return store.con.execute(
        f'SELECT {select} FROM episodes WHERE is_open OR "end" IS NULL OR "end" >= ? '
        'ORDER BY incident_id, service, episode_id',
        [since],
    ).pl()


def _am_retractions(plan: AlertPlan, outbox: Outbox, now: datetime) -> list[AlertMessage]:
    """Resolves for Alertmanager alerts that were sent open and are no longer in the plan
    as open alerts with the same labels (folded into an incident's alert, or a label
    such as severity changed), so they do not linger until their lease runs out."""
    current = {m.dedup_key: m for m in plan.messages if m.target == "alertmanager"}
    folded = {
        alertmanager_key(e) for eps in plan.suppression.listed.values() for e in eps
    }
    out = []
    # Alertmanager keeps the later endsAt unless the update is already resolved by its
    # own clock: stamp retractions a minute back so a little clock skew cannot undo them.
    stamp = (now.astimezone(UTC) - timedelta(seconds=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for row in outbox.open_alerts("alertmanager"):
        new = current.get(row.dedup_key)
        old_alert = row.body[0]
        if new is not None and new.body[0]["labels"] == old_alert["labels"]:
            continue
        if new is None and row.dedup_key not in folded:
            continue  # not among the episodes read (older than the lookback): leave it
        resolved = dict(old_alert, endsAt=max(stamp, old_alert["startsAt"]))
        key = row.dedup_key if new is None else row.dedup_key + "-previous"
        out.append(AlertMessage("alertmanager", "resolve", key, row.incident_id, "", [resolved]))
    return out


def _is_redundant(message: AlertMessage, outbox: Outbox, now: datetime, lease: timedelta) -> bool:
    """Whether an Alertmanager message adds nothing to the last one queued for its alert:
    an open alert with the same content (all but ``endsAt``) and more than half its
    lease left, or a resolve of an alert already resolved with the same labels and end
    (its annotations may still change as the rest of the incident moves: irrelevant
    once resolved)."""
    if message.target != "alertmanager":
        return False
    last = outbox.last(message.target, message.dedup_key)
    if last is None or last.action != message.action or last.status == "rejected":
        return False
    old, new = last.body[0], message.body[0]
    if message.action == "resolve":
        return old["labels"] == new["labels"] and old["endsAt"] == new["endsAt"]
    if {k: v for k, v in old.items() if k != "endsAt"} != {
            k: v for k, v in new.items() if k != "endsAt"}:
        return False
    ends = datetime.fromisoformat(old["endsAt"].replace("Z", "+00:00"))
    return ends - now > lease / 2


def queue_alerts(
    plan: AlertPlan, outbox: Outbox, *, now: datetime | None = None,
    config: AlertingConfig | None = None,
) -> int:
    """Queue a plan's messages (and the Alertmanager retractions it implies).

    An open Alertmanager alert is re-sent (its lease renewed) only when what it says
    changed or less than half its lease is left, like a heartbeat; an Alertmanager
    resolve only once per end; every other message only when it changed.

    Returns
    -------
    int
        Messages queued (unchanged ones are not queued again).
    """
    cfg = config or load_alerting_config()
    now = now or datetime.now(UTC)
    lease = timedelta(minutes=int(cfg.alerts["alertmanager_lease_minutes"]))
    retract = _am_retractions(plan, outbox, now)
    fresh = [m for m in plan.messages if not _is_redundant(m, outbox, now, lease)]
    return outbox.enqueue(retract + fresh)


def send_alerts(
    episodes: Any,
    *,
    outbox: Outbox,
    targets: Collection[str] = TARGETS,
    config: AlertingConfig | None = None,
    urls: Mapping[str, str] | None = None,
    allow_insecure_http: bool = False,
    now: datetime | None = None,
    post: Any = post_json,
    env: Mapping[str, str] | None = None,
) -> tuple[AlertPlan, int, DeliveryReport]:
    """Build alerts from ``episodes``, queue them in ``outbox`` and deliver everything
    pending there (including what earlier runs could not deliver).

    Returns
    -------
    (AlertPlan, int, DeliveryReport)
        The plan, how many messages were newly queued, and the delivery outcome.
    """
    cfg = config or load_alerting_config()
    now = now or datetime.now(UTC)
    plan = build_alerts(episodes, targets=list(targets), config=cfg, now=now)
    queued = queue_alerts(plan, outbox, now=now, config=cfg)
    report = deliver_pending(
        outbox, config=cfg, urls=urls, targets=set(targets),
        allow_insecure_http=allow_insecure_http, post=post,
        env=os.environ if env is None else env,
    )
    return plan, queued, report
