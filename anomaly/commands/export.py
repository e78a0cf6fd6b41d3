"""``faultline export``: what the analysis learned, in the formats alerting systems read.

``faultline export prometheus`` writes Prometheus alerting rules from the learned
per-service baselines and the catalog's SLOs.
"""

from __future__ import annotations

import click


@click.group("export")
def export() -> None:
    """Export what the analysis learned for alerting systems (Prometheus rules)."""


@export.command("prometheus")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              default="models/prometheus/faultline-rules.yml", show_default=True,
              help="Where to write the rules file.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Alerting config YAML merged over the packaged defaults "
                                 "(metric and label names, thresholds).")
@click.option("--quantile", type=float, default=0.99, show_default=True,
              help="Which quantile of a service's per-minute error rate is its typical level.")
@click.option("--check/--no-check", default=True, show_default=True,
              help="Run `promtool check rules` on the file when promtool is installed.")
def prometheus(db_path: str | None, out_path: str, config_path: str | None, quantile: float,
               check: bool) -> None:
    """Write Prometheus error-rate and burn-rate alerting rules.

    Baselines come from the store's feat_service_minute (minutes flagged by detection
    left out); SLOs, teams and services from its catalog (services table).

    \b
    Examples:
      faultline export prometheus --out models/prometheus/faultline-rules.yml
      faultline export prometheus --config my-metrics.yaml --quantile 0.995
    """
    import shutil
    import subprocess

    from anomaly.export.config import AlertingConfigError, load_alerting_config
    from anomaly.export.prometheus import (
        build_prometheus_rules,
        read_baselines,
        write_prometheus_rules,
    )
    from features.store import Store, StoreError

    try:
        cfg = load_alerting_config(config_path)
        with Store.open(db_path, read_only=True) as store:
            baselines = read_baselines(store, quantile=quantile)
            catalog = store.table("services")
        doc = build_prometheus_rules(baselines, catalog, config=cfg)
    except (AlertingConfigError, StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    path = write_prometheus_rules(doc, out_path)
    alerts = doc["groups"][1]["rules"]
    services = {r["expr"].split("{", 1)[1].split("}", 1)[0] for r in alerts}
    click.echo(f"wrote {len(alerts)} alerting rules for {len(services)} services "
               f"({len(baselines)} with a learned baseline) to {path}")
    if check:
        promtool = shutil.which("promtool")
        if promtool is None:
            click.echo("promtool not found: rules not checked (install the prometheus package)")
            return
        proc = subprocess.run([promtool, "check", "rules", str(path)], capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            raise click.ClickException(f"promtool check rules failed:\n{proc.stdout}{proc.stderr}")
        click.echo("promtool check rules: OK")
