"""``faultline report`` and ``faultline postmortems``.

``report`` writes ``report.html`` (self-contained: plots embedded, opens offline) and
``report.md`` (plots beside it in ``report_files/``) from a store, with progress.
``postmortems`` writes a blameless draft for every P1 incident that has none yet and
lists the P1 incidents still lacking a completed postmortem (``--check`` exits 1 when
there are any, for CI).
"""

from __future__ import annotations

from pathlib import Path

import click

from anomaly.commands.governance import audited


@click.command("report")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("reports"), show_default=True,
              help="Folder for report.html, report.md and report_files/.")
@click.option("--truth", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Ground truth for faultline's detection delays (the simulator's "
                   "truth.json); default: the store's incident history.")
@click.option("--postmortems", "postmortem_dir", type=click.Path(file_okay=False),
              default=None, help="Postmortem folder for the completion check "
                                 "(default: <out>/postmortems).")
@click.option("--title", default="faultline report", show_default=True)
def report(db_path: str | None, out_dir: Path, truth: str | None,
           postmortem_dir: str | None, title: str) -> None:
    """Build the HTML and Markdown report: summary, timelines, recurring patterns,
    MTTD/MTTR, SLO budgets, on-call load, per-team tables, telemetry cost and
    improvement items.

    \b
    Examples:
      faultline report --db data/faultline.duckdb --out reports
      faultline report --truth data/sample/truth.json
    """
    from rich.progress import Progress

    from anomaly.report import build_report
    from features.store import Store, StoreError

    try:
        store = Store.open(db_path, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        with Progress(transient=True) as bar:
            task = bar.add_task("report", total=None)

            def progress(step: str, index: int, total: int) -> None:
                bar.update(task, description=f"report: {step}", completed=index, total=total)

            try:
                result = build_report(store, out_dir=out_dir, truth=truth,
                                      postmortem_dir=postmortem_dir, title=title,
                                      progress=progress)
            except ValueError as exc:
                raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    figures = len(result.figure_paths)
    click.echo(f"report: {result.html_path} (and {result.markdown_path.name}, "
               f"{figures} figures)")


@click.command("postmortems")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--dir", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("reports/postmortems"), show_default=True,
              help="One <incident_id>.md per P1 incident.")
@click.option("--overwrite", is_flag=True,
              help="Rewrite existing drafts (default: never touch an existing file).")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 when a P1 incident lacks a completed postmortem.")
@audited("write", "reports")
def postmortems(db_path: str | None, out_dir: Path, overwrite: bool, check_only: bool) -> None:
    """Write P1 postmortem drafts (blameless) and list P1 incidents lacking a completed
    postmortem.

    \b
    Examples:
      faultline postmortems --db data/faultline.duckdb
      faultline postmortems --check     # in CI: fails while any P1 lacks one
    """
    from anomaly.analytics import load_inputs
    from anomaly.report import postmortem_status, write_postmortems
    from features.store import Store, StoreError

    try:
        store = Store.open(db_path, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        inputs = load_inputs(store)
        if check_only:
            written, status = [], postmortem_status(inputs, out_dir)
        else:
            written, status = write_postmortems(store, out_dir, inputs=inputs,
                                                overwrite=overwrite)
    finally:
        store.close()
    for path in written:
        click.echo(f"draft: {path}")
    missing = status[~status["is_complete"]] if len(status) else status
    click.echo(f"{len(status)} P1 incidents; {len(missing)} lack a completed postmortem")
    for r in missing.itertuples(index=False):
        click.echo(f"  {r.incident_id}  {r.started_at:%Y-%m-%d %H:%M}  {r.reason}")
    if check_only and len(missing):
        raise SystemExit(1)
