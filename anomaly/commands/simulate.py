"""``faultline simulate``: write a seeded, simulated telemetry folder with ground truth."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("simulate")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write (created if missing; a previous run's files are replaced).")
@click.option("--days", default=14, show_default=True, type=click.IntRange(min=1),
              help="Days of telemetry, starting at midnight UTC of --start.")
@click.option("--services", default=20, show_default=True, type=click.IntRange(min=1),
              help="Services in the catalog (a connected depends_on graph).")
@click.option("--seed", default=7, show_default=True, type=int,
              help="Seed: the same seed and options give the same bytes.")
@click.option("--scale", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Traffic multiplier: 1 with 14 days and 20 services is about 1 million error "
                   "events; events grow linearly with days, services and scale (10 = ~10 million).")
@click.option("--start", default="2026-03-02T00:00:00Z", show_default=True,
              help="First day, RFC 3339 (only the date is used).")
@click.option("--no-value-truth", "no_value_truth", is_flag=True,
              help="Skip truth_values.jsonl (planted personal data and decoys per event line).")
def simulate(out_dir: Path, days: int, services: int, seed: int, scale: float, start: str,
             no_value_truth: bool) -> None:
    """Simulate a microservice system's error telemetry, with ground truth.

    Writes the contract files events.jsonl, requests.jsonl, spans.jsonl,
    deployments.jsonl, incidents.jsonl and catalog.yaml, plus truth.json (injected
    transient, persistent, cascading and retry-storm episodes; negatives; deploys;
    every malformed and duplicate line) and truth_values.jsonl (the personal data
    and decoys planted in each event line). Output streams to disk, so large
    --scale values run in bounded memory.

    Example: faultline simulate --days 14 --services 20 --seed 7 --out data/generated/sim
    """
    from features.contract import ContractError
    from features.simulate import simulate as run

    try:
        summary = run(out_dir, days=days, services=services, seed=seed, scale=scale, start=start,
                      value_truth=not no_value_truth)
    except ContractError as exc:
        raise click.BadParameter(f"--start is not a timestamp ({exc.reason})", param_hint="--start") from exc
    c = summary.counts
    click.echo(f"wrote {summary.out_dir}")
    click.echo(f"  events.jsonl      {c['events_lines']:>10,} lines ({c['events_valid_unique']:,} valid "
               f"unique, {c['malformed']:,} malformed, {c['duplicates']:,} duplicates)")
    click.echo(f"  requests.jsonl    {c['requests_rows']:>10,} rows")
    click.echo(f"  spans.jsonl       {c['spans_rows']:>10,} rows")
    click.echo(f"  deployments.jsonl {c['deployments']:>10,} rows")
    click.echo(f"  incidents.jsonl   {c['incidents']:>10,} rows")
    click.echo(f"  truth.json        {c['episodes']:,} episodes, {c['negatives']:,} negatives")
