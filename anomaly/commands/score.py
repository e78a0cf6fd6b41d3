"""``faultline score``: batch scoring of a time range of the store → ``anomalies``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from anomaly.commands.governance import audited

_TIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%d %H:%M:%S"]


@click.command("score")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Store file (default $FAULTLINE_DB, else data/faultline.duckdb).")
@click.option("--model", "model_uri", default="models:/faultline@champion", show_default=True,
              help="MLflow model URI of a faultline scoring model.")
@click.option("--start", type=click.DateTime(_TIME_FORMATS), default=None,
              help="First minute to score (UTC; default the first feature minute).")
@click.option("--end", type=click.DateTime(_TIME_FORMATS), default=None,
              help="End of the range (exclusive, UTC; default after the last feature minute).")
@click.option("--parquet", "parquet_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the scored rows to this Parquet file.")
@click.option("--chunk-minutes", type=click.IntRange(min=1), default=None,
              help="Minutes scored at a time (bounds memory; default about 250,000 rows).")
@click.option("--tracking-uri", default=None,
              help="MLflow tracking/registry URI (default $MLFLOW_TRACKING_URI, else the "
                   "SQLite store under --models-dir).")
@click.option("--models-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models"), show_default=True,
              help="Folder of the local MLflow store.")
@audited("write", "episodes")
def score(db_path: Path | None, model_uri: str, start: datetime | None, end: datetime | None,
          parquet_path: Path | None, chunk_minutes: int | None, tracking_uri: str | None,
          models_dir: Path) -> None:
    """Score feat_model_input over a time range and write the anomalies table.

    The rows of the range are replaced in one transaction, so a rerun never duplicates
    and an interrupted run leaves the table as it was.

    \b
    Examples:
      faultline score --model models:/faultline@champion
      faultline score --start 2026-03-04 --end 2026-03-05 --parquet reports/scores.parquet
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from anomaly.scoring import score_store
    from features.store import StoreError

    if start is not None and end is not None and end <= start:
        raise click.UsageError("--end must be after --start")
    console = Console(stderr=True)
    try:
        with Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("chunks"), console=console, transient=True) as progress:
            task = progress.add_task("score", total=None)

            def report(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            result = score_store(db=db_path, model_uri=model_uri, start=start, end=end,
                                 parquet=parquet_path, chunk_minutes=chunk_minutes,
                                 tracking_uri=tracking_uri, models_dir=models_dir,
                                 on_progress=report)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    version = f" v{result.model_version}" if result.model_version else ""
    click.echo(f"scored {result.n_rows:,} rows ({result.start} to {result.end}) with "
               f"{result.model_uri}{version}: {result.n_anomalies:,} anomalous minutes; "
               f"{result.rows_per_second:,.0f} rows/s of model time")
    if result.parquet is not None:
        click.echo(f"wrote {result.parquet}")
