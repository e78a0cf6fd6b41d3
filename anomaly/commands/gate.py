"""``faultline gate``: the post-deploy gate for CI/CD.

Prints a JSON verdict and exits 0 (pass), 1 (regression: roll back), 2 (not enough
data yet: run again later) or 3 (the gate cannot run: unknown deploy, bad store).
"""

from __future__ import annotations

import sys

import click

from anomaly.commands.governance import audited


@click.command("gate")
@click.option("--service", required=True, help="The deployed service.")
@click.option("--version", "version", required=True, help="The deployed version.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb).")
@click.option("--window-minutes", type=click.IntRange(min=5), default=60, show_default=True,
              help="Length of the windows compared before and after the deploy.")
@click.option("--alpha", type=click.FloatRange(min=1e-9, max=0.5, max_open=True),
              default=0.001, show_default=True,
              help="Significance level of the one-sided conditional Poisson test.")
@click.option("--min-rate-ratio", type=click.FloatRange(min=1.0), default=1.5,
              show_default=True, help="After/before error rate ratio also needed to fail.")
@click.option("--now", default=None,
              help="End of the data to judge by (RFC 3339); default the latest data.")
@audited("read", "episodes")
def gate(service: str, version: str, db_path: str | None, window_minutes: int, alpha: float,
         min_rate_ratio: float, now: str | None) -> None:
    """Did the deploy of VERSION make SERVICE worse? JSON verdict; exit 0/1/2.

    \b
    Exit codes: 0 pass, 1 regression (roll back), 2 not enough data yet, 3 error.
    Example:
      faultline gate --service checkout --version 2.4.1 --db data/faultline.duckdb
    """
    import pandas as pd

    from anomaly.gate import GateError, GateSettings, to_json
    from anomaly.gate import gate as run_gate
    from features.contract import parse_timestamp
    from features.store import Store, StoreError

    try:
        settings = GateSettings(window_minutes=window_minutes, alpha=alpha,
                                min_rate_ratio=min_rate_ratio)
        at = None
        if now is not None:
            at = pd.Timestamp(parse_timestamp(now)).tz_convert("UTC").tz_localize(None)
        with Store.open(db_path, read_only=True) as store:
            verdict = run_gate(store, service, version, settings=settings, now=at)
    except (GateError, StoreError, ValueError) as exc:
        click.echo(f"faultline gate: {exc}", err=True)
        sys.exit(3)
    click.echo(to_json(verdict))
    sys.exit(verdict["exit_code"])
