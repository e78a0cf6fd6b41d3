"""``faultline features``: build the feature tables of ``features/sql/`` in the store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from anomaly.commands.governance import audited

_TIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%d %H:%M:%S"]


@click.command("features")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Store file (default $FAULTLINE_DB, else data/faultline.duckdb); "
                   "an encrypted store takes its key from $FAULTLINE_DB_KEY.")
@click.option("--full", is_flag=True,
              help="Drop and rebuild every feature table over all the data.")
@click.option("--since", type=click.DateTime(_TIME_FORMATS), default=None,
              help="With --until: rebuild exactly this range of minutes (UTC).")
@click.option("--until", type=click.DateTime(_TIME_FORMATS), default=None,
              help="End of the range to rebuild (exclusive, UTC).")
@click.option("--list", "list_only", is_flag=True,
              help="List the feature tables with their grain, and exit.")
@audited("write", "features")
def features(db_path: Path | None, full: bool, since: datetime | None, until: datetime | None,
             list_only: bool) -> None:
    """Fingerprint new events, then build the feature tables (feat_*) from the store's
    events, requests, spans, deployments and catalog.

    By default the build is incremental: it covers the minutes after the last build, and
    earlier minutes when newly ingested batches hold older rows. Every build is recorded
    (SQL hashes, ingest batches read) in feature_builds, feature_build_models and
    feature_build_batches.

    Example: faultline features --db data/faultline.duckdb
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from features.build import build_features, load_models

    console = Console()
    if list_only:
        table = Table("table", "grain")
        for model in load_models():
            table.add_row(model.name, str(model.spec["grain"]))
        console.print(table)
        return
    if (since is None) != (until is None):
        raise click.UsageError("--since and --until go together")
    if full and since is not None:
        raise click.UsageError("--full rebuilds everything; leave out --since/--until")

    from features.store import Store, StoreError

    try:
        store = Store.open(db_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    with store, Progress(TextColumn("{task.description}"), BarColumn(),
                         TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                         console=console, transient=True) as progress:
        task = progress.add_task("features", total=None)

        def report(name: str, index: int, total: int) -> None:
            progress.update(task, description=name or "recording lineage", completed=index,
                            total=total)

        from features.fingerprint import fingerprint_store

        # the fingerprint features read events.fingerprint: fill it for new events first
        progress.update(task, description="fingerprints")
        n_fingerprinted = fingerprint_store(store.con)
        try:
            result = build_features(store, full=full, since=since, until=until,
                                    progress=report)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    if n_fingerprinted:
        console.print(f"fingerprinted {n_fingerprinted:,} new events")
    if result.build_id is None:
        console.print(f"features are up to date ({result.reason})")
        return
    summary = Table("table", "rows", "seconds", title=(
        f"{result.mode} build {result.build_id[:12]}: {result.range_start} to "
        f"{result.range_end} ({result.reason})"))
    for name, rows in result.rows.items():
        summary.add_row(name, f"{rows:,}", f"{result.seconds.get(name, 0.0):.2f}")
    console.print(summary)
    console.print(f"read {len(result.batches)} ingest batches; lineage in feature_builds")
