"""``faultline ingest``: telemetry files in, anonymized reconciled rows in the DuckDB store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from anomaly.commands.governance import audited


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Database file (default $FAULTLINE_DB or data/faultline.duckdb). Encrypted "
                   "at rest when FAULTLINE_DB_KEY or FAULTLINE_DB_KEY_FILE is set.")
@click.option("--sample-rate", type=click.FloatRange(0, 1, min_open=True), default=None,
              help="Keep this share of common events (stratified by service, error_type, "
                   "severity; rare strata and FATAL kept whole; weights recorded).")
@click.option("--min-keep", type=click.IntRange(min=0), default=20, show_default=True,
              help="With --sample-rate: strata this small are kept whole, and every stratum "
                   "keeps at least this many events per chunk.")
@click.option("--chunk-rows", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Rows per chunk (bounds memory).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for large files, this one included (default: the number of "
                   "CPUs, at most 4; 1 works in this process alone).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only on a terminal).")
@audited("write", "events")
def ingest(paths: tuple[Path, ...], db: Path | None, sample_rate: float | None, min_keep: int,
           chunk_rows: int, jobs: int | None, progress: bool | None) -> None:
    """Ingest PATHS (files or folders) into the store.

    Folders are read by file name: events*, requests*, spans*, deployments*,
    incidents* (.jsonl, .jsonl.gz, .parquet, .csv) and catalog.yaml; OTLP/JSON logs
    and traces (the Collector's file exporter) are recognized by content. Every row
    ends accepted, quarantined (with a reason, anonymized) or duplicate; each file is
    one transaction, and a file already ingested is skipped.

    Example: faultline ingest data/generated/sim --db data/faultline.duckdb
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    from features.ingest import Sampling
    from features.ingest import ingest as run
    from features.ingest.readers import discover
    from features.store import StoreError

    is_tty = sys.stdout.isatty()
    console = Console(width=None if is_tty else 120)
    show = is_tty if progress is None else progress
    sampling = Sampling(rate=sample_rate, min_keep=min_keep) if sample_rate else None
    if jobs is None:
        jobs = max(1, min(4, os.cpu_count() or 1))
    try:
        sources = discover(paths)
        if show:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True) as bar:
                task = bar.add_task("ingesting", total=len(sources))
                seen: set[str] = set()

                def on_progress(source: str, rows: int) -> None:
                    if source not in seen:
                        seen.add(source)
                        bar.update(task, advance=1, description=f"{Path(source).name}")

                report = run(list(paths), db=db, sampling=sampling, chunk_rows=chunk_rows,
                             on_progress=on_progress, jobs=jobs)
                bar.update(task, completed=len(sources))
        else:
            report = run(list(paths), db=db, sampling=sampling, chunk_rows=chunk_rows, jobs=jobs)
    except (StoreError, ValueError, FileNotFoundError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from None
    table = Table(title="ingest reconciliation")
    for col in ("file", "kind", "status", "input", "accepted", "quarantined", "duplicate",
                "sampled out", "reconciled"):
        table.add_column(col, no_wrap=True,
                         justify="left" if col in ("file", "kind", "status") else "right")
    for f in report.files:
        table.add_row(Path(f.source_path).name, f.kind, f.status.replace("_", " "),
                      f"{f.count_input:,}", f"{f.count_accepted:,}", f"{f.count_quarantined:,}",
                      f"{f.count_duplicate:,}", f"{f.count_sampled_out:,}",
                      "yes" if f.is_reconciled else "NO")
    t = report.totals()
    table.add_row("total", "", "", f"{t['count_input']:,}", f"{t['count_accepted']:,}",
                  f"{t['count_quarantined']:,}", f"{t['count_duplicate']:,}",
                  f"{t['count_sampled_out']:,}", "yes" if report.is_reconciled else "NO")
    console.print(table)
    skipped = [f for f in report.files if f.status == "already_ingested"]
    if skipped:
        console.print(f"{len(skipped)} file(s) already ingested: nothing added for them.")
    if not report.is_reconciled:
        raise click.ClickException("counts do not reconcile; this is a faultline bug")
