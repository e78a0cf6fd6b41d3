"""Retention periods per table, legal holds, and the deletion that honours both.

:data:`DEFAULT_RETENTION` says how long each table's rows are kept and which
regulation the period was chosen for (``docs/governance.md`` explains each);
a YAML file (``$FAULTLINE_RETENTION`` or ``path=``) may override periods. Rows older
than their period are deleted by :func:`apply_retention` unless a legal hold covers
them. A hold names a scope (a service, a time range, an incident, or a combination:
every part given must match) and a reason; holds are never deleted, only released.

Legal holds live in the store table ``legal_holds`` (created with ``CREATE TABLE IF NOT
EXISTS`` by this module on first use). The audit log's own rows are pruned as a prefix
of the chain, with an anchor so that ``faultline audit verify`` still holds.

Examples
--------
>>> import tempfile, pathlib
>>> from datetime import datetime
>>> from features.store import Store
>>> from features.governance.roles import RoleConfig, resolve_identity
>>> db = pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb"
>>> with Store.open(db) as store:
...     _ = store.con.execute("INSERT INTO requests VALUES "
...         "('2026-01-01 10:00', 'cart', 5, 'b1'), ('2026-01-01 10:00', 'pay', 5, 'b1'), "
...         "('2026-06-01 10:00', 'cart', 5, 'b2')")
>>> admin = resolve_identity(RoleConfig.from_dict({
...     "roles": {"admin": {"admin": ["retention", "holds"]}}, "users": {"root": ["admin"]}}),
...     user="root")
>>> _ = add_hold(db, service="pay", reason="litigation 17", identity=admin)
>>> policy = RetentionPolicy({"requests": TableRetention("timestamp", 30, "test")})
>>> report = apply_retention(db, policy=policy, now=datetime(2026, 6, 2), identity=admin)
>>> [(r.table, r.count_expired, r.count_deleted, r.count_held) for r in report.tables]
[('requests', 2, 1, 1)]
"""

from __future__ import annotations

import fnmatch
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_RETENTION",
    "HOLDS_DDL",
    "RetentionPolicy",
    "RetentionReport",
    "TableResult",
    "TableRetention",
    "add_hold",
    "apply_retention",
    "list_holds",
    "release_hold",
]

HOLDS_DDL = """CREATE TABLE IF NOT EXISTS legal_holds (
    hold_id VARCHAR, scope_service VARCHAR, scope_start TIMESTAMP, scope_end TIMESTAMP,
    scope_incident_id VARCHAR, reason VARCHAR, created_by VARCHAR, created_at TIMESTAMP,
    released_by VARCHAR, released_at TIMESTAMP)"""
"""The legal holds table in the store (released holds are kept, with who and when)."""


@dataclass(frozen=True)
class TableRetention:
    """How long one table's rows are kept.

    Parameters
    ----------
    time_column : str
        The column whose age decides.
    days : int
        Rows with ``time_column`` older than ``now - days`` are expired.
    regulation : str
        Why this period (shown in reports and the docs).
    """

    time_column: str
    days: int
    regulation: str


_Y = 365
DEFAULT_RETENTION: dict[str, TableRetention] = {
    "events": TableRetention("timestamp", 90, "GDPR Art. 5(1)(e) storage limitation"),
    "spans": TableRetention("start", 90, "GDPR Art. 5(1)(e) storage limitation"),
    "quarantine": TableRetention("quarantined_at", 30, "GDPR Art. 5(1)(c) data minimisation"),
    "requests": TableRetention("timestamp", 400, "aggregate counts, no personal data"),
    "feat_*": TableRetention("minute", 400, "aggregates; a year of seasonal baselines"),
    "anomalies": TableRetention("minute", 400, "aggregates; a year of seasonal baselines"),
    "episodes": TableRetention("start", 3 * _Y, "SOX ITGC / PCI-DSS 12.10 incident evidence"),
    "incidents": TableRetention("started_at", 3 * _Y,
                                "SOX ITGC / PCI-DSS 12.10 incident evidence"),
    "deployments": TableRetention("deployed_at", 3 * _Y, "SOX ITGC change management"),
    "lineage": TableRetention("finished_at", 7 * _Y, "SOX s.802 record retention"),
    "feature_builds": TableRetention("finished_at", 7 * _Y, "SOX s.802 record retention"),
    "audit_log": TableRetention("accessed_at", 7 * _Y,
                                "SOX s.802 (7 y); covers HIPAA 6 y and PCI-DSS 10.5.1 1 y"),
}
"""Default periods; ``feat_*`` applies to every feature table."""


@dataclass(frozen=True)
class RetentionPolicy:
    """Retention per table name (``fnmatch`` patterns allowed, exact names first).

    Examples
    --------
    >>> RetentionPolicy().for_table("feat_service_minute").days
    400
    """

    tables: dict[str, TableRetention] = field(default_factory=lambda: dict(DEFAULT_RETENTION))

    def for_table(self, name: str) -> TableRetention | None:
        """The rule for ``name``, or None when the table is kept indefinitely."""
        if name in self.tables:
            return self.tables[name]
        for pattern, rule in self.tables.items():
            if fnmatch.fnmatchcase(name, pattern):
                return rule
        return None

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> RetentionPolicy:
        """The defaults, overridden by a YAML file (``path`` or ``$FAULTLINE_RETENTION``)::

            tables:
              events: {days: 30}                       # keep the default column
              my_table: {time_column: ts, days: 10, regulation: internal}
        """
        import yaml

        chosen = path or os.environ.get("FAULTLINE_RETENTION")
        tables = dict(DEFAULT_RETENTION)
        if not chosen:
            return cls(tables)
        p = Path(chosen)
        if not p.is_file():
            raise ValueError(f"retention policy file {p} does not exist; unset "
                             "FAULTLINE_RETENTION to use the defaults")
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or set(data) - {"version", "tables"}:
            raise ValueError(f"{p}: a retention policy has the keys 'version' and 'tables'")
        for name, spec in (data.get("tables") or {}).items():
            if not isinstance(spec, dict) or set(spec) - {"time_column", "days", "regulation"}:
                raise ValueError(f"{p}: table {name!r} takes the keys time_column, days, "
                                 "regulation")
            base = tables.get(name)
            column = spec.get("time_column", base.time_column if base else None)
            if column is None:
                raise ValueError(f"{p}: table {name!r} is not in the defaults; give its "
                                 "time_column")
            days = spec.get("days", base.days if base else None)
            if not isinstance(days, int) or days < 1:
                raise ValueError(f"{p}: table {name!r}: days must be a positive integer")
            regulation = str(spec.get("regulation", base.regulation if base else "policy"))
            tables[name] = TableRetention(str(column), days, regulation)
        return cls(tables)


@dataclass(frozen=True)
class TableResult:
    """What retention did (or would do) to one table."""

    table: str
    time_column: str
    days: int
    cutoff: datetime
    count_expired: int
    count_deleted: int
    count_held: int
    count_remaining: int
    regulation: str


@dataclass(frozen=True)
class RetentionReport:
    """Per-table results of one :func:`apply_retention` run."""

    now: datetime
    is_dry_run: bool
    tables: list[TableResult]
    skipped: dict[str, str]

    def as_rows(self) -> list[dict[str, Any]]:
        """One dict per table (for printing or JSON)."""
        return [r.__dict__ | {"cutoff": r.cutoff.isoformat()} for r in self.tables]


def _now(now: datetime | None) -> datetime:
    value = now or datetime.now(UTC)
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _scrub(text: str) -> str:
    """A hold reason with personal values replaced by their kind (``<email>``)."""
    from features.privacy.detectors import find_spans

    out, last = [], 0
    for span in find_spans(text):
        out.append(text[last:span.start])
        out.append(f"<{span.kind}>")
        last = span.end
    out.append(text[last:])
    return "".join(out)[:500]


def _open(db: Any, key: str | None, *, read_only: bool = False) -> tuple[Any, bool]:
    from features.store import Store

    if hasattr(db, "con"):
        return db, False
    return Store.open(db, key=key, read_only=read_only), True


def _path_of(db: Any) -> Path:
    from features.store import resolve_db_path

    return db.path if hasattr(db, "path") else resolve_db_path(db)


def _columns(con: Any, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_name = ?", [table]).fetchall()}


def add_hold(
    db: Any = None,
    *,
    reason: str,
    service: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    incident_id: str | None = None,
    key: str | None = None,
    identity: Any = None,
    command: str | None = None,
) -> str:
    """Place a legal hold; returns its id.

    Parameters
    ----------
    db : path or Store, optional
        The store (default ``$FAULTLINE_DB``).
    reason : str
        Why (a matter or ticket number); personal values in it are masked.
    service, start, end, incident_id
        The scope; at least one. Every part given must match for a row to be held.
    identity : Identity, optional
        The caller (default from the environment); needs ``admin`` on ``holds``.
    """
    from features.governance.roles import guard

    if not reason or not reason.strip():
        raise ValueError("a legal hold needs a reason, such as a matter or ticket number")
    if service is None and start is None and end is None and incident_id is None:
        raise ValueError("a legal hold needs a scope: a service, a time range (start/end) "
                         "or an incident id")
    if start is not None and end is not None and _now(start) >= _now(end):
        raise ValueError("the hold's start must be before its end")
    with guard("admin", "holds", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db, key)
        try:
            con = store.con
            if incident_id is not None:
                known = False
                for table in ("incidents", "episodes"):
                    if table in store.tables() and con.execute(
                            f"SELECT count(*) FROM {table} WHERE incident_id = ?",
                            [incident_id]).fetchone()[0]:
                        known = True
                if not known:
                    raise ValueError("no incident or episode has the given incident id; "
                                     "check it with `faultline classify` output")
            hold_id = uuid.uuid4().hex[:12]
            with store.transaction():
                con.execute(HOLDS_DDL)
                con.execute(
                    "INSERT INTO legal_holds VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                    [hold_id, service, None if start is None else _now(start),
                     None if end is None else _now(end), incident_id, _scrub(reason.strip()),
                     access.identity.user, _now(None)])
            access.rows = 1
        finally:
            if own:
                store.close()
    return hold_id


def list_holds(db: Any = None, *, include_released: bool = False, key: str | None = None,
               identity: Any = None, command: str | None = None) -> Any:
    """The legal holds as a pandas frame (active ones unless ``include_released``)."""
    import pandas as pd

    from features.governance.roles import guard

    with guard("admin", "holds", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db, key, read_only=True)
        try:
            if "legal_holds" not in store.tables():
                frame = pd.DataFrame(columns=["hold_id", "scope_service", "scope_start",
                                              "scope_end", "scope_incident_id", "reason",
                                              "created_by", "created_at", "released_by",
                                              "released_at"])
            else:
                frame = store.con.execute(
                    "SELECT * FROM legal_holds WHERE ? OR released_at IS NULL "
                    "ORDER BY created_at, hold_id", [include_released]).df()
            access.rows = len(frame)
        finally:
            if own:
                store.close()
    return frame


def release_hold(db: Any = None, hold_id: str = "", *, key: str | None = None,
                 identity: Any = None, command: str | None = None) -> None:
    """Release an active hold (the row stays, with who released it and when)."""
    from features.governance.roles import guard

    with guard("admin", "holds", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db, key)
        try:
            store.con.execute(HOLDS_DDL)
            n = store.con.execute(
                "SELECT count(*) FROM legal_holds WHERE hold_id = ? AND released_at IS NULL",
                [hold_id]).fetchone()[0]
            if not n:
                raise ValueError("no active legal hold has that id; see `faultline hold list`")
            with store.transaction() as con:
                con.execute("UPDATE legal_holds SET released_by = ?, released_at = ? "
                            "WHERE hold_id = ?", [access.identity.user, _now(None), hold_id])
            access.rows = 1
        finally:
            if own:
                store.close()


def _hold_predicate(con: Any, table: str, column: str, cols: set[str],
                    holds: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    """SQL that is true for rows of ``table`` under any active hold (bound parameters)."""
    clauses: list[str] = []
    params: list[Any] = []
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()}
    time = f'"{column}"'
    for service, start, end, incident_id in holds:
        parts: list[str] = []
        windows: list[tuple[list[str], Any, Any]] = []
        if incident_id is not None:
            # An incident holds its own row and, elsewhere, its services during it.
            parts_id = "incident_id = ?" if "incident_id" in cols else None
            if "incidents" in tables:
                for services, s, e in con.execute(
                        "SELECT services, started_at, resolved_at FROM incidents "
                        "WHERE incident_id = ?", [incident_id]).fetchall():
                    windows.append((list(services or []), s, e))
            if "episodes" in tables:
                for svc, s, e in con.execute(
                        'SELECT service, start, "end" FROM episodes WHERE incident_id = ?',
                        [incident_id]).fetchall():
                    windows.append(([svc] if svc else [], s, e))
            alts: list[str] = []
            if parts_id:
                alts.append(parts_id)
                params.append(incident_id)
            for services, s, e in windows:
                sub = [f"{time} >= ?" if s is not None else "TRUE",
                       f"{time} <= ?" if e is not None else "TRUE"]
                sub_params = [v for v in (s, e) if v is not None]
                if services and "service" in cols:
                    sub.append("list_contains(?, service)")
                    sub_params.append(services)
                elif services and "services" in cols:
                    sub.append("len(list_intersect(?, services)) > 0")
                    sub_params.append(services)
                alts.append("(" + " AND ".join(sub) + ")")
                params.extend(sub_params)
            parts.append("(" + (" OR ".join(alts) if alts else "FALSE") + ")")
        if service is not None:
            if "service" in cols:
                parts.append("service = ?")
                params.append(service)
            elif "services" in cols:
                parts.append("list_contains(services, ?)")
                params.append(service)
            # A table without a service column: held by the rest of the scope (keep more).
        if start is not None:
            parts.append(f"{time} >= ?")
            params.append(start)
        if end is not None:
            parts.append(f"{time} < ?")
            params.append(end)
        clauses.append("(" + (" AND ".join(parts) if parts else "TRUE") + ")")
    return ("(" + " OR ".join(clauses) + ")" if clauses else "FALSE"), params


def apply_retention(
    db: Any = None,
    *,
    policy: RetentionPolicy | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
    key: str | None = None,
    identity: Any = None,
    command: str | None = None,
) -> RetentionReport:
    """Delete expired rows that no legal hold covers, in one transaction.

    Parameters
    ----------
    db : path or Store, optional
        The store (default ``$FAULTLINE_DB``).
    policy : RetentionPolicy, optional
        Default :meth:`RetentionPolicy.load`.
    now : datetime, optional
        The reference time (default now, UTC); rows older than ``now - days`` expire.
    dry_run : bool
        Count only; delete nothing.
    identity : Identity, optional
        The caller; needs ``admin`` on ``retention``.

    Returns
    -------
    RetentionReport
        Per table: expired, deleted, held back by a hold, and remaining rows.
    """
    from features.governance.audit import AuditLog
    from features.governance.roles import guard

    policy = policy or RetentionPolicy.load()
    ref = _now(now)
    with guard("admin", "retention", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db, key, read_only=dry_run)
        try:
            con = store.con
            tables = store.tables()
            holds: list[tuple[Any, ...]] = []
            if "legal_holds" in tables:
                holds = con.execute(
                    "SELECT scope_service, scope_start, scope_end, scope_incident_id "
                    "FROM legal_holds WHERE released_at IS NULL").fetchall()
            results: list[TableResult] = []
            skipped: dict[str, str] = {}
            if not dry_run:
                con.execute("BEGIN TRANSACTION")
            try:
                for table in tables:
                    rule = policy.for_table(table)
                    if rule is None or table == "legal_holds":
                        continue
                    cols = _columns(con, table)
                    if rule.time_column not in cols:
                        skipped[table] = f"no column {rule.time_column!r}; kept"
                        continue
                    cutoff = ref - timedelta(days=rule.days)
                    held, held_params = _hold_predicate(con, table, rule.time_column, cols,
                                                        holds)
                    col = f'"{rule.time_column}"'
                    expired, deleted, total = con.execute(
                        f"SELECT count(*) FILTER (WHERE {col} < ?), "
                        f"count(*) FILTER (WHERE {col} < ? AND NOT coalesce({held}, TRUE)), "
                        f'count(*) FROM "{table}"',
                        [cutoff, cutoff, *held_params]).fetchone()
                    if deleted and not dry_run:
                        con.execute(f'DELETE FROM "{table}" WHERE {col} < ? '
                                    f"AND NOT coalesce({held}, TRUE)", [cutoff, *held_params])
                    results.append(TableResult(table, rule.time_column, rule.days, cutoff,
                                               int(expired), int(deleted),
                                               int(expired - deleted), int(total - deleted),
                                               rule.regulation))
                if not dry_run:
                    con.execute("COMMIT")
            except BaseException:
                if not dry_run:
                    con.execute("ROLLBACK")
                raise
            rule = policy.for_table("audit_log")
            log = AuditLog.for_store(store.path)
            if rule is not None and log.path.exists():
                cutoff = ref - timedelta(days=rule.days)
                n = log.prune_before(cutoff, dry_run=dry_run)
                total = len(log.records())
                results.append(TableResult("audit_log", rule.time_column, rule.days, cutoff,
                                           n, 0 if dry_run else n, 0,
                                           total if not dry_run else total - n,
                                           rule.regulation))
            access.rows = sum(r.count_deleted for r in results)
        finally:
            if own:
                store.close()
    return RetentionReport(ref, dry_run, results, skipped)
