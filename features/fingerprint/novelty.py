"""Novelty: what each fingerprint has done so far, and which deploy brought it.

The ``fingerprints`` table keeps, per fingerprint: first and last time seen, how
many events, the services and versions where it appeared, and
``introduced_by_version`` — the version of the deploy of the fingerprint's
service that went live at most ``window`` before the fingerprint was first seen
(the latest such deploy). A fingerprint first seen long after any deploy has no
introducing version.

:func:`record_batch` folds one batch of fingerprinted events into the table. It
runs inside the caller's transaction (see :func:`features.fingerprint.fingerprint_store`),
so a crash leaves the counts as they were, and a batch is counted once.

Examples
--------
>>> import duckdb
>>> con = duckdb.connect()
>>> _ = con.execute("CREATE TABLE deployments (service VARCHAR, version VARCHAR, "
...                 "deployed_at TIMESTAMP, environment VARCHAR, batch_id VARCHAR)")
>>> _ = con.execute("INSERT INTO deployments VALUES ('cart', '2.4.0', '2026-03-01 10:00', 'prod', 'b')")
>>> ensure_tables(con)
>>> _ = con.execute("CREATE TEMP TABLE batch AS SELECT * FROM (VALUES "
...     "('f1', 'template', 'cart', 'Timeout', 't1', TIMESTAMP '2026-03-01 10:20', '2.4.0'), "
...     "('f1', 'template', 'cart', 'Timeout', 't1', TIMESTAMP '2026-03-01 11:00', '2.4.0')) "
...     "AS b(fingerprint, kind, service, error_type, template_id, timestamp, version)")
>>> record_batch(con, "batch")
1
>>> con.execute("SELECT count_events, introduced_by_version FROM fingerprints").fetchall()
[(2, '2.4.0')]
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = ["DEFAULT_INTRODUCED_WINDOW", "ensure_tables", "record_batch"]

DEFAULT_INTRODUCED_WINDOW = timedelta(minutes=60)

TEMPLATES_DDL = """
CREATE TABLE IF NOT EXISTS templates (
    template_id VARCHAR PRIMARY KEY,  -- hash of the template text at creation; never changes
    template VARCHAR NOT NULL,        -- current text (it may generalize over time)
    created_at TIMESTAMP,             -- event time of the first message it matched
    last_seen_at TIMESTAMP,
    count_events BIGINT NOT NULL
)"""

FINGERPRINTS_DDL = """
CREATE TABLE IF NOT EXISTS fingerprints (
    fingerprint VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,            -- stack | template
    service VARCHAR,                  -- service of the first event
    error_type VARCHAR,               -- error type of the first event
    template_id VARCHAR,              -- template of the first event
    first_seen_at TIMESTAMP,
    last_seen_at TIMESTAMP,
    count_events BIGINT NOT NULL,
    services VARCHAR[],
    versions VARCHAR[],
    introduced_by_version VARCHAR,    -- version of the deploy it followed within the window
    introduced_deployed_at TIMESTAMP  -- when that deploy went live
)"""

_UPSERT = """
INSERT INTO fingerprints AS f
SELECT
    fingerprint,
    arg_min(kind, timestamp),
    arg_min(service, timestamp),
    arg_min(error_type, timestamp),
    arg_min(template_id, timestamp),
    min(timestamp),
    max(timestamp),
    count(*),
    list_sort(list_distinct(list(service) FILTER (WHERE service IS NOT NULL))),
    list_sort(list_distinct(list(version) FILTER (WHERE version IS NOT NULL))),
    NULL,
    NULL
FROM {batch}
GROUP BY fingerprint
ON CONFLICT (fingerprint) DO UPDATE SET
    service = CASE WHEN excluded.first_seen_at < f.first_seen_at
                   THEN excluded.service ELSE f.service END,
    error_type = CASE WHEN excluded.first_seen_at < f.first_seen_at
                      THEN excluded.error_type ELSE f.error_type END,
    template_id = CASE WHEN excluded.first_seen_at < f.first_seen_at
                       THEN excluded.template_id ELSE f.template_id END,
    first_seen_at = least(f.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(f.last_seen_at, excluded.last_seen_at),
    count_events = f.count_events + excluded.count_events,
    services = list_sort(list_distinct(list_concat(f.services, excluded.services))),
    versions = list_sort(list_distinct(list_concat(f.versions, excluded.versions)))
"""

_INTRODUCED = """
UPDATE fingerprints SET
    introduced_by_version = d.version,
    introduced_deployed_at = d.deployed_at
FROM (
    SELECT f.fingerprint,
           arg_max(dep.version, dep.deployed_at) AS version,
           max(dep.deployed_at) AS deployed_at
    FROM fingerprints f
    JOIN deployments dep
      ON dep.service = f.service
     AND dep.deployed_at <= f.first_seen_at
     AND f.first_seen_at < dep.deployed_at + to_microseconds(CAST(? AS BIGINT))
    WHERE f.fingerprint IN (SELECT DISTINCT fingerprint FROM {batch})
    GROUP BY f.fingerprint
) AS d
WHERE fingerprints.fingerprint = d.fingerprint
"""

_RESET_INTRODUCED = """
UPDATE fingerprints SET introduced_by_version = NULL, introduced_deployed_at = NULL
WHERE fingerprint IN (SELECT DISTINCT fingerprint FROM {batch})
"""

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``templates`` and ``fingerprints`` when missing (idempotent)."""
    con.execute(TEMPLATES_DDL)
    con.execute(FINGERPRINTS_DDL)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_name = ?",
        [name],
    ).fetchone()
    return bool(row and row[0])


def record_batch(
    con: duckdb.DuckDBPyConnection,
    batch: str,
    *,
    window: timedelta = DEFAULT_INTRODUCED_WINDOW,
) -> int:
    """Fold a batch of fingerprinted events into ``fingerprints``.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        The store, with :func:`ensure_tables` applied.
    batch : str
        Name of a registered relation with columns ``fingerprint``, ``kind``,
        ``service``, ``error_type``, ``template_id``, ``timestamp``, ``version``.
    window : timedelta
        How soon after a deploy of its service a fingerprint must first appear to
        count as introduced by that deploy's version.

    Returns
    -------
    int
        Distinct fingerprints in the batch.
    """
    if not _IDENT.match(batch):
        raise ValueError("batch must name a registered relation (letters, digits, '_')")
    if window <= timedelta(0):
        raise ValueError("window must be a positive duration, e.g. timedelta(minutes=60)")
    con.execute(_UPSERT.format(batch=batch))
    con.execute(_RESET_INTRODUCED.format(batch=batch))
    if _has_table(con, "deployments"):
        micros = int(window / timedelta(microseconds=1))
        con.execute(_INTRODUCED.format(batch=batch), [micros])
    row = con.execute(f"SELECT count(DISTINCT fingerprint) FROM {batch}").fetchone()
    return int(row[0]) if row else 0
