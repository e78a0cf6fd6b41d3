"""Governance commands: ``audit``, ``retention``, ``hold``, ``backup``, ``restore``,
``lineage`` and ``roles``. Each is a thin layer over :mod:`features.governance`,
:mod:`anomaly.audit_review` and :mod:`anomaly.lineage`; every one passes the
enforcement point and is recorded in the audit log beside the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click

_DB_HELP = "Database file (default $FAULTLINE_DB or data/faultline.duckdb)."


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=_DB_HELP)(fn)


def command_signature(ctx: click.Context) -> str:
    """The command as recorded in the audit log: its path and the names of the options
    given on the command line, never their values."""
    from click.core import ParameterSource

    names = []
    for param in ctx.command.params:
        if param.name is None:
            continue
        source = ctx.get_parameter_source(param.name)
        if source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT):
            names.append(param.opts[0] if isinstance(param, click.Option) else param.name.upper())
    return " ".join([ctx.command_path, *names])


def audited(action: str, obj: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Put a click command of another stage behind the enforcement point, in one line.

    Place it directly above the function (below ``@click.command`` and the options)::

        @click.command("ingest")
        @click.option("--db", ...)
        @audited("write", "events")
        def ingest(db, ...): ...

    The command's ``db`` or ``db_path`` parameter (else ``$FAULTLINE_DB``) locates the
    audit log; an integer returned by the command is recorded as its row count. A denied
    caller gets a one-line error (exit 1) and the denial is audited.
    """
    import functools

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            from features.governance import AccessDenied, AuditLogError, guard

            ctx = click.get_current_context()
            exit_with: SystemExit | None = None
            try:
                db = kwargs.get("db", kwargs.get("db_path"))
                with guard(action, obj, store_path=db,
                           command=command_signature(ctx)) as access:
                    try:
                        result = fn(*args, **kwargs)
                    except SystemExit as exc:
                        # a command that exits with a verdict (gate: 0/1/2) completed its
                        # access; record it as done and exit with its code afterwards
                        exit_with, result = exc, None
                    if isinstance(result, int) and not isinstance(result, bool):
                        access.rows = result
            except (AccessDenied, AuditLogError) as exc:
                raise click.ClickException(str(exc)) from None
            if exit_with is not None:
                raise exit_with
            return result

        return inner

    return wrap


def _run(fn: Callable[[], Any]) -> Any:
    """Run ``fn``, turning the errors a user can fix into one clear line (exit 1)."""
    from features.governance import (
        AccessDenied,
        AuditLogError,
        BackupError,
        ExportError,
    )
    from features.store import StoreError

    try:
        return fn()
    except (AccessDenied, AuditLogError, BackupError, ExportError, StoreError,
            ValueError) as exc:
        raise click.ClickException(str(exc)) from None


def _key(path: Path | None) -> str | None:
    if path is None:
        return None
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise click.ClickException(f"the key file {path} is empty")
    return text


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    from features.contract import parse_timestamp

    try:
        return datetime.fromisoformat(value)  # also a bare date: 2026-07-01
    except ValueError:
        pass
    try:
        return parse_timestamp(value)
    except (TypeError, ValueError):
        raise click.BadParameter("give a time as RFC 3339, such as 2026-03-01T00:00:00Z") from None


# --- audit ------------------------------------------------------------------------


@click.group("audit")
def audit() -> None:
    """Verify the hash-chained audit log and run the quarterly access review."""


@audit.command("verify")
@_db_option
@click.pass_context
def audit_verify(ctx: click.Context, db: Path | None) -> None:
    """Recompute the audit log's keyed hash chain; name the first edited, deleted, moved
    or rewritten row.

    Exits 1 when the chain is broken, 2 when keyed rows could not be checked because the
    audit key is missing ($FAULTLINE_AUDIT_KEY or $FAULTLINE_AUDIT_KEY_FILE, default
    data/keys/audit.key). Needs read on audit (the auditor role).

    Example: faultline audit verify --db data/faultline.duckdb
    """
    from features.governance import AuditLog, guard
    from features.store import resolve_db_path

    path = resolve_db_path(db)
    found: list[Any] = []

    def run() -> Any:
        with guard("read", "audit", store_path=path, command=command_signature(ctx)) as access:
            found.append(AuditLog.for_store(path).verify())
            access.rows = found[0].count_rows
        return found[0]

    not_recorded = ""
    try:
        result = _run(run)
    except click.ClickException:
        if not found or not found[0].count_unchecked:
            raise
        # without the key: verified what can be, but the keyed log cannot record it
        result = found[0]
        not_recorded = "this verification could not be recorded in the keyed audit log"
    keyed = (f", {result.count_keyed} keyed" if result.count_keyed < result.count_rows
             else "")
    if result.is_valid:
        click.echo(f"audit log OK: {result.count_rows} rows{keyed}, head {result.head_hash}")
        if result.count_keyed < result.count_rows:
            click.echo(f"note: {result.count_rows - result.count_keyed} rows predate the "
                       "audit key (plain sha256): a consistent rewrite of those cannot be "
                       "detected; record the head hash elsewhere", err=True)
        return
    if result.is_broken:
        click.echo(f"audit log BROKEN at row {result.first_bad_seq}: {result.problem} "
                   f"({result.count_rows} rows verified before it)", err=True)
        ctx.exit(1)
    click.echo(f"audit log NOT FULLY CHECKED: {result.key_problem}", err=True)
    if not_recorded:
        click.echo(not_recorded, err=True)
    ctx.exit(2)


@audit.command("init-key")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write it (default $FAULTLINE_AUDIT_KEY_FILE, else audit.key "
                   "beside the tokenization key: data/keys/audit.key).")
def audit_init_key(path: Path | None) -> None:
    """Create the audit key file (random, mode 0600) unless one exists; never overwrites.

    From then on every audit row is keyed (HMAC-SHA256): without the key nobody can
    rewrite the log consistently. Keep the key out of version control and out of the
    store's backups; auditors need it to run `faultline audit verify`.

    Example: faultline audit init-key
    """
    from features.governance.audit import (
        default_audit_key_path,
        ensure_audit_key_file,
        load_audit_key,
    )

    target = path or default_audit_key_path()
    existed = target.exists()
    ensure_audit_key_file(target)
    import os

    os.environ["FAULTLINE_AUDIT_KEY_FILE"] = str(target)
    os.environ.pop("FAULTLINE_AUDIT_KEY", None)
    key = _run(load_audit_key)
    state = "exists, kept" if existed else "created"
    click.echo(f"{target}: {state} (key id {key.key_id}); keep it out of version control")


@audit.command("review")
@click.option("--quarter", required=True, help="The quarter to review, such as 2026Q3.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Calibrated score at which a user-day is flagged.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@_db_option
@click.pass_context
def audit_review(ctx: click.Context, quarter: str, threshold: float, as_json: bool,
                 db: Path | None) -> None:
    """Summarize access per user for a quarter and flag unusual user-days (volume, time of
    day, objects never touched before, first and bulk exports).

    Example: faultline audit review --quarter 2026Q3
    """
    from anomaly.audit_review import review_quarter
    from features.governance import AuditLog, guard
    from features.store import resolve_db_path

    path = resolve_db_path(db)

    def run() -> Any:
        with guard("read", "audit", store_path=path, command=command_signature(ctx)) as access:
            log = AuditLog.for_store(path)
            review = review_quarter(log, quarter, threshold=threshold)
            access.rows = int(review.users["count_accesses"].sum()) if len(review.users) else 0
        return review

    review = _run(run)
    if as_json:
        flags = review.flags.assign(day=review.flags["day"].astype(str))
        click.echo(json.dumps({"quarter": quarter,
                               "users": review.users.to_dict(orient="records"),
                               "flags": flags.to_dict(orient="records")}, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=120)
    table = Table(title=f"access in {quarter}")
    for col in ("user", "accesses", "rows", "exports", "rows exported", "denied",
                "out of hours", "new objects", "flagged days"):
        table.add_column(col, justify="left" if col == "user" else "right")
    for r in review.users.itertuples(index=False):
        table.add_row(r.user, f"{r.count_accesses:,}", f"{r.count_rows:,}",
                      f"{r.count_exports:,}", f"{r.count_rows_exported:,}",
                      f"{r.count_denied:,}", f"{r.share_out_of_hours:.0%}",
                      f"{r.count_new_objects:,}", f"{r.count_flagged_days:,}")
    console.print(table)
    if len(review.flags) == 0:
        console.print("no unusual access flagged")
        return
    flags = Table(title="flagged user-days")
    for col in ("user", "day", "score", "why"):
        flags.add_column(col)
    for r in review.flags.itertuples(index=False):
        flags.add_row(r.user, str(r.day.date()), f"{r.score:.2f}", ", ".join(r.reasons))
    console.print(flags)


# --- retention and holds -------------------------------------------------------------


@click.group("retention")
def retention() -> None:
    """Delete rows past their retention period (legal holds excepted)."""


@retention.command("apply")
@click.option("--dry-run", is_flag=True, help="Report what would be deleted; delete nothing.")
@click.option("--policy", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Retention policy YAML (default $FAULTLINE_RETENTION or the "
                                 "documented defaults).")
@click.option("--now", "now", default=None,
              help="Reference time (RFC 3339; default now): rows older than now - period "
                   "expire.")
@_db_option
@click.pass_context
def retention_apply(ctx: click.Context, dry_run: bool, policy: Path | None, now: str | None,
                    db: Path | None) -> None:
    """Delete expired rows not under a legal hold and report, per table, what was deleted
    and kept. Needs admin on retention.

    Example: faultline retention apply --dry-run
    """
    from features.governance import RetentionPolicy, apply_retention

    report = _run(lambda: apply_retention(
        db, policy=RetentionPolicy.load(policy), now=_when(now), dry_run=dry_run,
        command=command_signature(ctx)))
    from rich.console import Console
    from rich.table import Table

    verb = "would delete" if dry_run else "deleted"
    table = Table(title=f"retention at {report.now:%Y-%m-%d %H:%M} UTC"
                        + (" (dry run)" if dry_run else ""))
    for col in ("table", "keep days", "expired", verb, "kept by hold", "remaining",
                "chosen for"):
        table.add_column(col, justify="left" if col in ("table", "chosen for") else "right")
    for r in report.tables:
        table.add_row(r.table, str(r.days), f"{r.count_expired:,}", f"{r.count_deleted:,}",
                      f"{r.count_held:,}", f"{r.count_remaining:,}", r.regulation)
    Console(width=140).print(table)
    for name, why in sorted(report.skipped.items()):
        click.echo(f"skipped {name}: {why}")


@click.group("hold")
def hold() -> None:
    """Legal holds: rows in their scope are never deleted by retention."""


@hold.command("add")
@click.option("--service", default=None, help="Hold this service's rows.")
@click.option("--start", default=None, help="Hold rows from this time (RFC 3339).")
@click.option("--end", default=None, help="Hold rows before this time (RFC 3339).")
@click.option("--incident", "incident_id", default=None,
              help="Hold an incident: its row, its episodes, and its services' rows during it.")
@click.option("--reason", required=True, help="Matter or ticket number (personal data in it "
                                              "is masked).")
@_db_option
@click.pass_context
def hold_add(ctx: click.Context, service: str | None, start: str | None, end: str | None,
             incident_id: str | None, reason: str, db: Path | None) -> None:
    """Place a legal hold; every scope part given must match. Needs admin on holds.

    Example: faultline hold add --service checkout --start 2026-03-01 --reason "LIT-42"
    """
    from features.governance import add_hold

    hold_id = _run(lambda: add_hold(db, reason=reason, service=service, start=_when(start),
                                    end=_when(end), incident_id=incident_id,
                                    command=command_signature(ctx)))
    click.echo(f"legal hold {hold_id} placed")


@hold.command("list")
@click.option("--all", "include_released", is_flag=True, help="Include released holds.")
@_db_option
@click.pass_context
def hold_list(ctx: click.Context, include_released: bool, db: Path | None) -> None:
    """List legal holds. Needs admin on holds.

    Example: faultline hold list --all
    """
    from features.governance import list_holds

    frame = _run(lambda: list_holds(db, include_released=include_released,
                                    command=command_signature(ctx)))
    if len(frame) == 0:
        click.echo("no legal holds" + ("" if include_released else " active"))
        return
    click.echo(frame.to_string(index=False))


@hold.command("release")
@click.argument("hold_id")
@_db_option
@click.pass_context
def hold_release(ctx: click.Context, hold_id: str, db: Path | None) -> None:
    """Release legal hold HOLD_ID (it stays listed with --all). Needs admin on holds.

    Example: faultline hold release 3f2a9c1b7d04
    """
    from features.governance import release_hold

    _run(lambda: release_hold(db, hold_id, command=command_signature(ctx)))
    click.echo(f"legal hold {hold_id} released")


# --- backup and restore ----------------------------------------------------------------


@click.command("backup")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Backup file to write (a manifest .manifest.json is written beside it).")
@click.option("--key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="File holding the backup key (default "
                                 "$FAULTLINE_BACKUP_KEY / $FAULTLINE_BACKUP_KEY_FILE).")
@_db_option
@click.pass_context
def backup(ctx: click.Context, out: Path, key_file: Path | None, db: Path | None) -> None:
    """Write an encrypted, checksummed copy of the store. Needs admin on backup.

    Example: FAULTLINE_BACKUP_KEY_FILE=~/.fl-backup.key faultline backup --out b/fl.backup
    """
    from features.governance import backup as run

    result = _run(lambda: run(db, out, backup_key=_key(key_file),
                              command=command_signature(ctx)))
    click.echo(f"backup {result.path}: {sum(result.tables.values()):,} rows in "
               f"{len(result.tables)} tables, sha256 {result.sha256}")


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="File holding the backup key (default "
                                 "$FAULTLINE_BACKUP_KEY / $FAULTLINE_BACKUP_KEY_FILE).")
@_db_option
@click.pass_context
def restore(ctx: click.Context, source: Path, key_file: Path | None, db: Path | None) -> None:
    """Restore backup SOURCE onto the store: checksum first, then a copy renamed into
    place only on success (a wrong key or a corrupted file changes nothing). The restored
    store is encrypted with FAULTLINE_DB_KEY when set. Needs admin on backup.

    Example: faultline restore b/fl.backup --db data/faultline.duckdb
    """
    from features.governance import restore as run

    result = _run(lambda: run(source, db, backup_key=_key(key_file),
                              command=command_signature(ctx)))
    click.echo(f"restored {result.path}: {sum(result.tables.values()):,} rows in "
               f"{len(result.tables)} tables")


# --- lineage and roles -------------------------------------------------------------------


@click.command("lineage")
@click.option("--model", "model_version", default=None,
              help="A registered model version or alias (such as 3 or champion).")
@click.option("--name", default="faultline", show_default=True, help="Registered model name.")
@click.option("--episode", "episode_id", default=None, help="An episode or incident id.")
@click.option("--report", "report_dir", type=click.Path(exists=True, path_type=Path),
              default=None, help="A report folder (with report.lineage.json).")
@click.option("--models-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Local MLflow store folder (default models/ or $MLFLOW_TRACKING_URI).")
@_db_option
@click.pass_context
def lineage(ctx: click.Context, model_version: str | None, name: str,
            episode_id: str | None, report_dir: Path | None, models_dir: Path | None,
            db: Path | None) -> None:
    """Which runs, feature SQL hashes, ingest batches, source files (path, sha256) and
    privacy policy version produced a model version, an episode or a report (JSON). Needs
    read on lineage (engineer or auditor).

    Example: faultline lineage --model champion
    """
    from anomaly.lineage import episode_lineage, model_lineage, report_lineage

    if sum(x is not None for x in (model_version, episode_id, report_dir)) != 1:
        raise click.UsageError("give exactly one of --model, --episode or --report")
    if model_version is not None:
        out = _run(lambda: model_lineage(model_version, name=name, db=db, models_dir=models_dir,
                                         command=command_signature(ctx)))
    elif episode_id is not None:
        out = _run(lambda: episode_lineage(episode_id, db=db, command=command_signature(ctx)))
    else:
        out = _run(lambda: report_lineage(report_dir, db=db, command=command_signature(ctx)))
    click.echo(json.dumps(out, indent=2, default=str))


@click.command("roles")
@click.option("--all", "show_all", is_flag=True, help="Also list every role in the config.")
def roles(show_all: bool) -> None:
    """Show who you are, your role, and what it may do (from $FAULTLINE_USER,
    $FAULTLINE_ROLE and the roles file $FAULTLINE_ROLES or the packaged default).

    Example: FAULTLINE_ROLE=auditor faultline roles
    """
    from features.governance import current_identity

    who = _run(current_identity)
    click.echo(f"user: {who.user}")
    click.echo(f"roles file: {who.config.source}")
    click.echo(f"granted roles: {', '.join(who.granted) or '(none)'}")
    if who.role is None:
        click.echo(f"acting as: nobody: {who.problem}")
    else:
        click.echo(f"acting as: {who.role}")
        for action, objs in who.permissions().items():
            click.echo(f"  may {action}: {', '.join(objs)}")
    if show_all:
        for role, perms in sorted(who.config.roles.items()):
            text = "; ".join(f"{a}: {', '.join(sorted(o))}" for a, o in perms.items())
            click.echo(f"role {role}: {text}")
