"""``faultline train``: fit, evaluate, log to MLflow, register, and promote when better."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from anomaly.commands.governance import audited

_TIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%d %H:%M:%S"]


@click.command("train")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Store file (default $FAULTLINE_DB, else data/faultline.duckdb).")
@click.option("--truth", "truth_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Ground truth episodes (the simulator's truth.json); default the store's "
                   "incidents table, when it has rows.")
@click.option("--start", type=click.DateTime(_TIME_FORMATS), default=None,
              help="First minute of feat_model_input to use (UTC; default all).")
@click.option("--end", type=click.DateTime(_TIME_FORMATS), default=None,
              help="End of the period (exclusive, UTC).")
@click.option("--validation-share", type=click.FloatRange(0.05, 0.9), default=0.3,
              show_default=True, help="Share of the period, at its end, held out to validate.")
@click.option("--window", type=click.IntRange(1, 1440), default=5, show_default=True,
              help="Minutes per service the model reads to score the latest one.")
@click.option("--burst", type=click.IntRange(1, 1440), default=3, show_default=True,
              help="Minutes summed by the short-window test (at most --window).")
@click.option("--alerts-per-week", type=click.FloatRange(min=0.001), default=1.0,
              show_default=True, help="Alert budget per service, which sets the threshold.")
@click.option("--tracking-uri", default=None,
              help="MLflow tracking URI (default $MLFLOW_TRACKING_URI, else a SQLite store "
                   "under --models-dir).")
@click.option("--models-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models"), show_default=True,
              help="Folder of the local MLflow store and its artifacts.")
@click.option("--name", "model_name", default="faultline", show_default=True,
              help="Registered model name.")
@audited("write", "models")
def train(db_path: Path | None, truth_path: str | None, start: datetime | None,
          end: datetime | None, validation_share: float, window: int, burst: int,
          alerts_per_week: float, tracking_uri: str | None, models_dir: Path,
          model_name: str) -> None:
    """Train the scoring model on feat_model_input and track the run in MLflow.

    The earlier part of the period trains, the later part validates (episode F1 per
    fault kind, detection delay, false alarms per day). The model is registered and
    becomes the `champion` only when it beats the current champion on validation F1.

    \b
    Examples:
      faultline train --db data/faultline.duckdb
      faultline train --truth data/generated/sim/truth.json --alerts-per-week 0.5
    """
    import os

    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    from anomaly.train import TrainSettings
    from anomaly.train import train as run_training
    from features.store import StoreError

    if burst > window:
        raise click.UsageError(f"--burst ({burst}) cannot exceed --window ({window})")
    settings = TrainSettings(window=window, burst=burst, alerts_per_week=alerts_per_week,
                             validation_share=validation_share, model_name=model_name)
    try:
        result = run_training(db=db_path, start=start, end=end, truth=truth_path,
                              settings=settings, tracking_uri=tracking_uri,
                              models_dir=models_dir, on_progress=click.echo)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    m = result.metrics
    click.echo(f"run {result.run_id}: {result.n_train_rows:,} training rows, "
               f"{result.n_validation_rows:,} validation rows from {result.split_at}")
    if "val_episode_f1" in m:
        click.echo(f"validation: episode F1 {m['val_episode_f1']:.3f} (precision "
                   f"{m['val_episode_precision']:.3f}, recall {m['val_episode_recall']:.3f}), "
                   f"median delay {m['val_delay_median_min']:.1f} min, "
                   f"{m['val_false_alarms_per_day']:.2f} false alarms/day "
                   f"(truth: {result.truth_source})")
    else:
        click.echo("validation: no ground truth in the validation period "
                   f"(alerting minutes: {m['val_alert_minute_share']:.2%})")
    status = "champion" if result.is_promoted else "not promoted"
    click.echo(f"model {model_name} v{result.version}: {status} ({result.promotion_reason})")
