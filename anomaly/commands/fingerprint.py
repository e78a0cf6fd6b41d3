"""``faultline fingerprint``: message templates on the command line.

Two modes:

- default: messages on stdin, one per line; ``template_id<TAB>template`` on stdout,
  one line per input line, same order. With ``--db`` the miner starts from the
  state saved in that store, so ids match the ones stored with events (the state is
  not changed unless ``--save``).
- ``--store``: fingerprint the events of the store that have none yet (what ingest
  runs after each batch) and print how many were done.
"""

from __future__ import annotations

import sys

import click


@click.command("fingerprint")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The faultline store (default $FAULTLINE_DB or data/faultline.duckdb); "
                   "in stdin mode, only used when given.")
@click.option("--store", "run_store", is_flag=True,
              help="Fingerprint the stored events that have no fingerprint yet.")
@click.option("--save", is_flag=True,
              help="Stdin mode with --db: save what the miner learned back to the store.")
@click.option("--window-minutes", type=click.IntRange(min=1), default=60, show_default=True,
              help="--store: a fingerprint first seen this soon after a deploy of its service "
                   "is recorded as introduced by that version.")
def fingerprint(db_path: str | None, run_store: bool, save: bool, window_minutes: int) -> None:
    """Turn messages into (template id, template); or fingerprint stored events.

    \b
    Examples:
      printf 'disk 1 full\\ndisk 2 full\\n' | faultline fingerprint
      faultline fingerprint --store --db data/faultline.duckdb
    """
    from datetime import timedelta

    if run_store:
        from features.fingerprint import fingerprint_store
        from features.store import Store

        with Store.open(db_path) as store:
            done = fingerprint_store(store.con, window=timedelta(minutes=window_minutes))
            row = store.con.execute(
                "SELECT count(*), count(*) FILTER (WHERE introduced_by_version IS NOT NULL) "
                "FROM fingerprints"
            ).fetchone()
        click.echo(f"fingerprinted {done} events; {row[0]} fingerprints, "
                   f"{row[1]} introduced by a deploy", err=True)
        return
    if save and db_path is None:
        raise click.UsageError("--save needs --db: the store to save the miner state in")

    messages = [line.rstrip("\r\n") for line in
                sys.stdin.buffer.read().decode("utf-8", errors="replace").splitlines()]
    if db_path is None:
        from features.fingerprint import TemplateMiner

        miner = TemplateMiner()
        ids = miner.partial_fit_transform(messages)
    else:
        from features.fingerprint import DuckDBState, load_miner, save_miner
        from features.store import Store

        with Store.open(db_path, read_only=not save) as store:
            if not save and "fingerprint_state" not in store.tables():
                raise click.ClickException(
                    "this store has no saved template miner yet; run "
                    "'faultline fingerprint --store' (or ingest) first, or drop --db"
                )
            if save:
                with store.transaction() as con:
                    state = DuckDBState(con)
                    miner = load_miner(state)
                    ids = miner.partial_fit_transform(messages)
                    save_miner(miner, state)
            else:
                row = store.con.execute(
                    "SELECT state FROM fingerprint_state WHERE name = 'default'").fetchone()
                from features.fingerprint import TemplateMiner

                miner = TemplateMiner() if row is None else TemplateMiner.from_state(bytes(row[0]))
                ids = miner.partial_fit_transform(messages)
    templates = miner.templates_
    out = sys.stdout
    for tid in ids:
        out.write(f"{tid}\t{templates[tid]}\n")
    out.flush()
