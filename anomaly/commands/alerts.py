"""``faultline alerts``: episodes → Alertmanager / PagerDuty / Opsgenie payloads.

``--dry-run`` (the default) prints the payloads as JSON lines; ``--send`` queues them
in the local outbox and delivers everything pending there, with retries.
"""

from __future__ import annotations

from typing import Any

import click

from anomaly.commands.governance import audited

_TARGETS = ("alertmanager", "pagerduty", "opsgenie")


def _read_episode_file(path: str) -> Any:
    """A polars frame of episode rows from Parquet or JSON (lines)."""
    from pathlib import Path

    import polars as pl

    suffix = "".join(Path(path).suffixes[-2:]).lower()
    if suffix.endswith(".parquet"):
        return pl.read_parquet(path)
    if suffix.endswith(".jsonl") or suffix.endswith(".ndjson"):
        return pl.read_ndjson(path)
    if suffix.endswith(".json"):
        return pl.read_json(path)
    raise click.BadParameter("episodes files must be .parquet, .jsonl or .json",
                             param_hint="--episodes")


@click.command("alerts")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--episodes", "episodes_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Episode rows (Parquet or JSON lines) instead of the store's "
                                 "episodes table.")
@click.option("--target", "targets", type=click.Choice(_TARGETS), multiple=True,
              help="Targets to build for (repeatable; default all three).")
@click.option("--dry-run/--send", "dry_run", default=True, show_default=True,
              help="Print the payloads, or queue and deliver them.")
@click.option("--url", "urls", multiple=True, metavar="TARGET=URL",
              help="Override a target's URL, e.g. alertmanager=http://127.0.0.1:9093/api/v2/alerts.")
@click.option("--allow-insecure-http", is_flag=True, default=False,
              help="Allow plain http:// to hosts other than this machine.")
@click.option("--outbox", "outbox_path", type=click.Path(dir_okay=False),
              default="data/alerts-outbox.sqlite", show_default=True,
              help="The durable outbox of --send.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Alerting config YAML merged over the packaged defaults.")
@click.option("--now", "now_text", default=None, metavar="ISO8601",
              help="Evaluate as of this UTC time (default: now); for replays.")
@audited("export", "episodes")
def alerts(db_path: str | None, episodes_path: str | None, targets: tuple[str, ...],
           dry_run: bool, urls: tuple[str, ...], allow_insecure_http: bool, outbox_path: str,
           config_path: str | None, now_text: str | None) -> None:
    """Turn episodes into alerts with stable dedup keys, routed by team ownership.

    \b
    Examples:
      faultline alerts --dry-run --target pagerduty
      faultline alerts --send --url alertmanager=http://127.0.0.1:9093/api/v2/alerts
    """
    import json
    from datetime import UTC, datetime

    from anomaly.export.config import AlertingConfigError, load_alerting_config
    from anomaly.export.dispatch import read_alert_episodes, send_alerts
    from anomaly.export.outbox import Outbox
    from anomaly.export.payloads import build_alerts
    from anomaly.export.send import check_url
    from features.store import Store, StoreError

    chosen = list(targets) or list(_TARGETS)
    url_map: dict[str, str] = {}
    for item in urls:
        name, sep, url = item.partition("=")
        if not sep or name not in _TARGETS:
            raise click.BadParameter(f"expected TARGET=URL with TARGET one of {list(_TARGETS)}",
                                     param_hint="--url")
        url_map[name] = url
    try:
        now = datetime.fromisoformat(now_text.replace("Z", "+00:00")) if now_text else None
    except ValueError:
        raise click.BadParameter("not an ISO 8601 time", param_hint="--now") from None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    try:
        cfg = load_alerting_config(config_path)
        if episodes_path is not None:
            episodes = _read_episode_file(episodes_path)
        else:
            with Store.open(db_path, read_only=True) as store:
                episodes = read_alert_episodes(store, now=now, config=cfg)
        if dry_run:
            plan = build_alerts(episodes, targets=chosen, config=cfg, now=now)
        else:
            for t in chosen:
                check_url(url_map.get(t) or cfg.targets[t]["url"],
                          allow_insecure_http=allow_insecure_http)
            with Outbox(outbox_path) as box:
                plan, queued, report = send_alerts(
                    episodes, outbox=box, targets=chosen, config=cfg, urls=url_map,
                    allow_insecure_http=allow_insecure_http, now=now)
                counts = box.counts()
    except (AlertingConfigError, StoreError, ValueError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from None

    for target, incident_id, team in plan.unroutable:
        click.echo(f"warning: no {target} routing for incident {incident_id} (team {team}); "
                   "add it to the catalog's escalation or the target's default", err=True)
    n_folded = len(plan.suppression.suppressed_by)
    if dry_run:
        for m in plan.messages:
            click.echo(json.dumps(m.to_dict(), sort_keys=True))
        click.echo(f"{len(plan.messages)} payloads ({n_folded} lower-severity alerts folded "
                   "into incident alerts); nothing sent (--dry-run)", err=True)
        return
    click.echo(f"queued {queued} new of {len(plan.messages)} payloads "
               f"({n_folded} alerts folded into incident alerts)")
    for t in chosen:
        parts = [f"{name} {getattr(report, name).get(t, 0)}"
                 for name in ("delivered", "failed", "deferred", "rejected")]
        line = f"{t}: " + ", ".join(parts)
        if t in report.errors:
            line += f" (last error: {report.errors[t]})"
        click.echo(line)
    click.echo("outbox: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if not report.is_complete:
        raise click.ClickException(
            "some alerts were not delivered; they stay in the outbox "
            f"({outbox_path}) and are retried on the next --send"
        )
