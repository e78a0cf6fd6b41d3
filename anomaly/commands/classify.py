"""``faultline classify``: anomalous minutes → classified episodes in the store.

Reads the store's ``anomalies`` table (or ``--anomalies FILE``, Parquet or CSV),
writes the ``episodes`` table and, on request, the same rows as Parquet and/or CSV.
"""

from __future__ import annotations

import click

from anomaly.commands.governance import audited

EXPORT_COLUMNS = ["incident_id", "episode_id", "service", "start", "end", "kind",
                  "is_retry_storm", "is_flapping", "state", "severity", "action",
                  "root_service", "team", "fingerprints", "version", "score", "evidence"]


@click.command("classify")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--anomalies", "anomalies_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Per-minute scores (Parquet or CSV: service, minute, score, "
                                 "threshold[, is_anomaly, component]) instead of the store's "
                                 "anomalies table.")
@click.option("--parquet", "parquet_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the episodes as Parquet here.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the episodes as CSV here (fingerprints as a JSON list).")
@click.option("--severity-config", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Severity matrix YAML (default: the packaged severity.yaml).")
@click.option("--categories", "categories_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Incident categories YAML (default: categories.yaml).")
@audited("write", "episodes")
def classify(db_path: str | None, anomalies_path: str | None, parquet_path: str | None,
             csv_path: str | None, severity_config: str | None,
             categories_path: str | None) -> None:
    """Group anomalous minutes into episodes and incidents; classify, rate, route.

    \b
    Examples:
      faultline classify --db data/faultline.duckdb
      faultline classify --anomalies scores.parquet --csv episodes.csv
    """
    import json
    from pathlib import Path

    import pandas as pd

    from anomaly.categories import load_categories
    from anomaly.classify import classify as run_classify
    from anomaly.severity import load_severity_config
    from features.store import Store

    try:
        severity = load_severity_config(severity_config)
        categories = load_categories(categories_path)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    anomalies = None
    if anomalies_path is not None:
        suffix = Path(anomalies_path).suffix.lower()
        if suffix == ".parquet":
            anomalies = pd.read_parquet(anomalies_path)
        elif suffix == ".csv":
            anomalies = pd.read_csv(anomalies_path)
        else:
            raise click.UsageError("--anomalies must be a .parquet or .csv file")
    with Store.open(db_path) as store:
        try:
            rows = run_classify(store, anomalies=anomalies, severity_config=severity,
                                categories=categories)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    export = rows[EXPORT_COLUMNS].copy()
    if parquet_path:
        Path(parquet_path).parent.mkdir(parents=True, exist_ok=True)
        export.to_parquet(parquet_path, index=False)
    if csv_path:
        Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
        flat = export.copy()
        flat["fingerprints"] = [json.dumps(list(f)) for f in flat["fingerprints"]]
        flat.to_csv(csv_path, index=False)
    incidents = rows["incident_id"].nunique() if len(rows) else 0
    by_kind = rows.groupby("kind").size().to_dict() if len(rows) else {}
    by_sev = rows.groupby("severity").size().to_dict() if len(rows) else {}
    click.echo(f"{len(rows)} episodes in {incidents} incidents; kinds {by_kind}; "
               f"severities {by_sev}", err=True)
