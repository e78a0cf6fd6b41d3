"""Fingerprint the stored events: fill ``events.template_id`` and ``events.fingerprint``.

:func:`fingerprint_store` is what ingest calls after each batch and what
``faultline features`` runs first. It works in chunks, in timestamp order, on
events whose ``fingerprint`` is still NULL. Each chunk is one transaction: the
event updates, the ``templates`` and ``fingerprints`` rows and the saved miner
state commit together or not at all, so a crash or a rerun never counts an event
twice or leaves half a chunk fingerprinted.

It goes through the governance enforcement point as a ``write`` of ``features``: the
template ids and fingerprints it fills in on ``events`` and the ``templates`` and
``fingerprints`` tables are derived data of the features stage (the roles that may
build features may fingerprint; ``faultline features`` runs it under the one audit row
of the command). A connection to a store file is audited in that store's log; an
in-memory connection is not (see :func:`features.governance.roles.audited_api`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from features.fingerprint.novelty import DEFAULT_INTRODUCED_WINDOW, ensure_tables, record_batch
from features.fingerprint.stack import DEFAULT_STACK_CONFIG, StackConfig, event_fingerprint
from features.fingerprint.state import DuckDBState, load_miner, save_miner
from features.governance.roles import audited_api

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = ["fingerprint_store"]

_SELECT = """
SELECT rowid, timestamp, service, coalesce(message, ''), error_type, stack_trace, version
FROM events
WHERE fingerprint IS NULL
ORDER BY timestamp NULLS LAST, rowid
LIMIT ?
"""

_UPDATE_EVENTS = """
UPDATE events SET template_id = b.template_id, fingerprint = b.fingerprint
FROM fp_batch AS b
WHERE events.rowid = b.rid
"""

_UPSERT_TEMPLATES = """
INSERT INTO templates AS t
SELECT template_id, any_value(template), min(timestamp), max(timestamp), count(*)
FROM fp_batch
GROUP BY template_id
ON CONFLICT (template_id) DO UPDATE SET
    template = excluded.template,
    created_at = least(t.created_at, excluded.created_at),
    last_seen_at = greatest(t.last_seen_at, excluded.last_seen_at),
    count_events = t.count_events + excluded.count_events
"""


@audited_api("write", "features")
def fingerprint_store(
    con: duckdb.DuckDBPyConnection,
    *,
    window: timedelta = DEFAULT_INTRODUCED_WINDOW,
    stack_config: StackConfig = DEFAULT_STACK_CONFIG,
    state_name: str = "default",
    chunk_size: int = 100_000,
    own_transaction: bool = True,
) -> int:
    """Assign template ids and fingerprints to stored events that have none.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        A writable connection to the store (``features.store.Store(...).con``). The
        caller's role must allow ``write`` on ``features``; the call is audited in the
        log beside the store file (in-memory connections are not audited).
    window : timedelta
        A fingerprint first seen within this long after a deploy of its service is
        recorded as introduced by that deploy's version.
    stack_config : StackConfig
        How stack traces are reduced to a signature.
    state_name : str
        Which saved miner state to use (one per store is the norm).
    chunk_size : int
        Events per transaction.
    own_transaction : bool
        True (default): each chunk is its own transaction, and ``con`` must not be
        inside one. False: the caller has opened a transaction (say, the ingest of a
        batch) and all chunks commit or roll back with it.

    Returns
    -------
    int
        Events fingerprinted by this call (0 when all already were).

    Raises
    ------
    features.governance.AccessDenied
        The caller's role may not write features (the denial is audited).

    Examples
    --------
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE events (event_id VARCHAR, timestamp TIMESTAMP, "
    ...     "service VARCHAR, message VARCHAR, error_type VARCHAR, stack_trace VARCHAR, "
    ...     "version VARCHAR, fingerprint VARCHAR, template_id VARCHAR)")
    >>> _ = con.execute("INSERT INTO events (event_id, timestamp, service, message) VALUES "
    ...     "('a', '2026-03-01 10:00', 'cart', 'timeout after 500ms'), "
    ...     "('b', '2026-03-01 10:01', 'cart', 'timeout after 750ms')")
    >>> fingerprint_store(con), fingerprint_store(con)
    (2, 0)
    >>> con.execute("SELECT count(DISTINCT fingerprint), any_value(template) "
    ...             "FROM events JOIN templates USING (template_id)").fetchone()
    (1, 'timeout after <DURATION>')
    """
    import pyarrow as pa

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1; got {chunk_size!r}")
    ensure_tables(con)
    state = DuckDBState(con, state_name)
    total = 0
    while True:
        owned = own_transaction
        if owned:
            con.execute("BEGIN TRANSACTION")
        try:
            rows = con.execute(_SELECT, [chunk_size]).fetchall()
            if not rows:
                if owned:
                    con.execute("ROLLBACK")
                break
            miner = load_miner(state)
            batch = _fingerprint_rows(rows, miner, stack_config)
            templates = miner.templates_
            batch["template"] = [templates[t] for t in batch["template_id"]]
            table = pa.table(batch)
            con.register("fp_batch", table)
            try:
                con.execute(_UPDATE_EVENTS)
                con.execute(_UPSERT_TEMPLATES)
                record_batch(con, "fp_batch", window=window)
            finally:
                con.unregister("fp_batch")
            save_miner(miner, state)
            if owned:
                con.execute("COMMIT")
        except BaseException:
            if owned:
                con.execute("ROLLBACK")
            raise
        total += len(rows)
        if len(rows) < chunk_size:
            break
    return total


def _fingerprint_rows(rows: list[tuple[Any, ...]], miner: Any,
                      stack_config: StackConfig) -> dict[str, list[Any]]:
    messages = [r[3] for r in rows]
    template_ids = miner.partial_fit_transform(messages)
    out: dict[str, list[Any]] = {k: [] for k in (
        "rid", "timestamp", "service", "error_type", "version", "template_id",
        "fingerprint", "kind")}
    memo: dict[tuple[Any, ...], tuple[str, str]] = {}  # repeated traces are parsed once
    for (rid, ts, service, _msg, error_type, stack_trace, version), tid in zip(
            rows, template_ids, strict=True):
        key = (service, error_type, tid, stack_trace)
        found = memo.get(key)
        if found is None:
            found = memo[key] = event_fingerprint(
                service=service or "", error_type=error_type, template_id=tid,
                stack_trace=stack_trace, config=stack_config)
        fingerprint, kind = found
        out["rid"].append(rid)
        out["timestamp"].append(ts)
        out["service"].append(service)
        out["error_type"].append(error_type)
        out["version"].append(version)
        out["template_id"].append(tid)
        out["fingerprint"].append(fingerprint)
        out["kind"].append(kind)
    return out
