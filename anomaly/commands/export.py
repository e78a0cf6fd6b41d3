"""``faultline export``: what the analysis learned, in the formats alerting systems read.

``faultline export prometheus`` writes Prometheus alerting rules from the learned
per-service baselines and the catalog's SLOs.
"""

from __future__ import annotations

import click

from anomaly.commands.governance import audited


@click.group("export")
def export() -> None:
    """Export what the analysis learned for alerting systems (Prometheus rules, the
    scoring model)."""


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
@audited("export", "episodes")
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


@export.command("model")
@click.option("--model", "model_uri", default="models:/faultline@champion", show_default=True,
              help="MLflow model URI to export (registry alias or version, or a run).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              default="models/export/faultline", show_default=True,
              help="The MLflow model folder to write (replaced when it exists).")
@click.option("--tracking-uri", default=None,
              help="MLflow tracking/registry URI (default $MLFLOW_TRACKING_URI, else the "
                   "SQLite store under --models-dir).")
@click.option("--models-dir", type=click.Path(file_okay=False), default="models",
              show_default=True, help="Folder of the local MLflow store.")
@audited("export", "models")
def model(model_uri: str, out_dir: str, tracking_uri: str | None, models_dir: str) -> None:
    """Write the scoring model as an MLflow model folder, ready for `mlflow models serve`.

    The model stays in the registry; the folder holds the pyfunc model, its signature,
    an input example and faultline-export.json (the registry version it came from).

    \b
    Examples:
      faultline export model
      mlflow models serve -m models/export/faultline --env-manager local -h 127.0.0.1 -p 5001
    """
    import os

    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    from anomaly.pyfunc import export_model
    from anomaly.tracking import configure_tracking

    try:
        configure_tracking(tracking_uri, models_dir=models_dir)
        exported = export_model(model_uri, out_dir)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    version = f" (registered {exported.name} v{exported.version})" if exported.version else ""
    click.echo(f"exported {model_uri}{version} to {exported.path}")
    click.echo(f"serve it with: mlflow models serve -m {exported.path} --env-manager local "
               "-h 127.0.0.1 -p 5001")
