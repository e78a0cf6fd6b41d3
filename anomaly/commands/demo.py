"""``faultline demo``: the whole flow on the committed sample data."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("demo")
@click.option("--sample", "sample_dir", type=click.Path(exists=True, file_okay=False,
              path_type=Path), default=None,
              help="Input folder in the contract layout (default: the repository's data/sample).")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Where data/, models/ and reports/ are written.")
def demo(sample_dir: Path | None, workdir: Path) -> None:
    """Run every stage on the sample: ingest → fingerprints → features → train →
    score → classify → alerting exports → report → privacy scan.

    Creates a local tokenization key file (data/keys/token.key, mode 0600) when none
    is configured. Safe to rerun.
    """
    from anomaly.demo import run_demo

    try:
        result = run_demo(sample_dir, workdir=workdir, echo=click.echo)
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    total = sum(t for _, t, _ in result.steps)
    click.echo(f"demo finished in {total:.0f} s; store: {result.db_path}")
    if result.report_path:
        click.echo(f"report: {result.report_path}")
