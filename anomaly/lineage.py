"""Lineage for compliance audits: what produced a model version or an episode.

:func:`model_lineage` follows a registered model version to its MLflow run and reads
what :func:`anomaly.train.train` recorded there (the feature build, the SHA-256 of every
feature SQL file, the ingest batches, the privacy policy version and hash), then
resolves every batch in the store's ``lineage`` table to its source file (path and
SHA-256), kind, counts and policy version.

:func:`episode_lineage` starts from an episode in the store: the ingest batches whose
events of the episode's service fall in its time range, their source files, the feature
builds whose range covers it (with their SQL hashes), and the models that scored its
minutes (``anomalies.model_uri`` / ``model_version``).

:func:`write_report_lineage` records, beside a report's files, their SHA-256 and what the
store held when the report was built (feature build and SQL hashes, ingest batches, the
episodes and scoring models); :func:`report_lineage` reads it back, checks the files are
unchanged and resolves the batches to source files in the store.

All of them go through the enforcement point (``read`` on ``lineage``), so every lineage
question is in the audit log.

Examples
--------
>>> import tempfile, pathlib
>>> from features.store import Store
>>> from features.governance import RoleConfig, resolve_identity
>>> db = pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb"
>>> with Store.open(db) as store:
...     _ = store.con.execute("INSERT INTO lineage (batch_id, source_path, kind, sha256, "
...         "policy_version) VALUES ('b1', 'in/events.jsonl', 'events', 'ab12', '1')")
>>> who = resolve_identity(RoleConfig.from_dict(
...     {"roles": {"auditor": {"read": ["lineage"]}}, "users": {"eve": ["auditor"]}}),
...     user="eve")
>>> [b["source_path"] for b in batch_sources(db, ["b1", "b9"], identity=who)]
['in/events.jsonl', None]
"""

from __future__ import annotations

import os
from typing import Any

__all__ = [
    "REPORT_LINEAGE_FILE",
    "batch_sources",
    "episode_lineage",
    "model_lineage",
    "report_lineage",
    "write_report_lineage",
]

REPORT_LINEAGE_FILE = "report.lineage.json"
"""Written beside a report's files by :func:`write_report_lineage`."""


def _open(db: Any) -> tuple[Any, bool]:
    from features.store import Store

    if hasattr(db, "con"):
        return db, False
    return Store.open(db, read_only=True), True


def _path_of(db: Any) -> Any:
    from features.store import resolve_db_path

    return db.path if hasattr(db, "path") else resolve_db_path(db)


def _tables(con: Any) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()}


def _batches(con: Any, batch_ids: list[str]) -> list[dict[str, Any]]:
    known: dict[str, dict[str, Any]] = {}
    if batch_ids and "lineage" in _tables(con):
        cols = ["batch_id", "source_path", "kind", "sha256", "size_bytes", "count_input",
                "count_accepted", "count_quarantined", "count_duplicate", "policy_version",
                "policy_hash", "contract_version", "status", "finished_at"]
        rows = con.execute(
            f"SELECT {', '.join(cols)} FROM lineage WHERE list_contains(?, batch_id)",
            [batch_ids]).fetchall()
        for r in rows:
            item = dict(zip(cols, r, strict=True))
            item["finished_at"] = None if r[-1] is None else str(r[-1])
            known[item["batch_id"]] = item
    return [known.get(b, {"batch_id": b, "source_path": None, "sha256": None,
                          "status": "not in the store (deleted by retention?)"})
            for b in batch_ids]


def batch_sources(db: Any, batch_ids: list[str], *, identity: Any = None,
                  command: str | None = None) -> list[dict[str, Any]]:
    """Each ingest batch's source file (path, SHA-256), kind, counts and policy version,
    in the order given; unknown batches have ``source_path`` None."""
    from features.governance import guard

    with guard("read", "lineage", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db)
        try:
            out = _batches(store.con, list(batch_ids))
            access.rows = len(out)
        finally:
            if own:
                store.close()
    return out


def model_lineage(
    version: str | int,
    *,
    name: str = "faultline",
    db: Any = None,
    tracking_uri: str | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    identity: Any = None,
    command: str | None = None,
) -> dict[str, Any]:
    """What produced a registered model version.

    Parameters
    ----------
    version : str or int
        The registered version, or an alias such as ``"champion"``.
    name : str
        Registered model name.
    db : path or Store, optional
        The store the model was trained from (default ``$FAULTLINE_DB``), to resolve
        batches to source files; when it is missing, batches are listed unresolved.
    tracking_uri, models_dir
        Where MLflow is (see :func:`anomaly.tracking.configure_tracking`).
    identity : Identity, optional
        The caller; needs ``read`` on ``lineage``.

    Returns
    -------
    dict
        ``model, version, run_id, run_start, feature_build_id, feature_sql_sha256 (dict),
        privacy_policy_version, privacy_policy_hash, batches (list of dicts with
        source_path, sha256, kind, counts, policy_version)``.
    """
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    from anomaly.tracking import configure_tracking
    from features.governance import guard

    store_path = _path_of(db)
    with guard("read", "lineage", store_path=store_path, identity=identity,
               command=command) as access:
        configure_tracking(tracking_uri, models_dir=models_dir)
        client = MlflowClient()
        try:
            mv = (client.get_model_version(name, str(version)) if str(version).isdigit()
                  else client.get_model_version_by_alias(name, str(version)))
        except MlflowException:
            raise ValueError(f"no registered model {name!r} version or alias {str(version)!r}; "
                             "list them in MLflow or with `faultline train`") from None
        run = client.get_run(mv.run_id)
        params, tags = run.data.params, run.data.tags
        recorded: dict[str, Any] = {}
        try:
            import mlflow

            recorded = mlflow.artifacts.load_dict(f"runs:/{mv.run_id}/lineage.json")
        except (MlflowException, OSError, ValueError):
            recorded = {}
        sql = dict(recorded.get("feature_sql_sha256") or {
            k.removeprefix("feature_sql_sha256."): v for k, v in tags.items()
            if k.startswith("feature_sql_sha256.")})
        batch_ids = [b["batch_id"] for b in recorded.get("batches", [])] or [
            b for b in tags.get("ingest_batches", "").split(",") if b]
        if store_path.exists():
            store, own = _open(db if hasattr(db, "con") else store_path)
            try:
                batches = _batches(store.con, batch_ids)
            finally:
                if own:
                    store.close()
        else:
            batches = [{"batch_id": b, "source_path": None, "sha256": None,
                        "status": "store not found"} for b in batch_ids]
        recorded_sha = {b["batch_id"]: b.get("sha256") for b in recorded.get("batches", [])}
        for b in batches:
            want = recorded_sha.get(b["batch_id"])
            b["is_sha256_consistent"] = None if want is None or b.get("sha256") is None else (
                want == b["sha256"])
        out = {
            "model": name, "version": str(mv.version), "run_id": mv.run_id,
            "run_start": run.info.start_time, "model_source": mv.source,
            "feature_build_id": recorded.get("feature_build_id",
                                             params.get("feature_build_id")),
            "feature_sql_sha256": dict(sorted(sql.items())),
            "privacy_policy_version": params.get("privacy_policy_version",
                                                 tags.get("privacy_policy_version")),
            "privacy_policy_hash": params.get("privacy_policy_hash"),
            "batches": batches,
        }
        access.rows = len(batches)
    return out


def episode_lineage(
    episode_id: str,
    *,
    db: Any = None,
    identity: Any = None,
    command: str | None = None,
) -> dict[str, Any]:
    """What produced an episode: batches and source files of its service's events in its
    time range, the feature builds covering it (with SQL hashes), and the scoring models.

    Parameters
    ----------
    episode_id : str
        ``episodes.episode_id`` (or an ``incident_id`` of the episodes table).
    db : path or Store, optional
        The store (default ``$FAULTLINE_DB``).
    identity : Identity, optional
        The caller; needs ``read`` on ``lineage``.
    """
    from features.governance import guard

    with guard("read", "lineage", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db)
        try:
            con = store.con
            tables = _tables(con)
            if "episodes" not in tables:
                raise ValueError("the store has no episodes table; run `faultline classify`")
            row = con.execute(
                'SELECT episode_id, incident_id, service, start, "end" FROM episodes '
                "WHERE episode_id = ? OR incident_id = ? ORDER BY start LIMIT 1",
                [episode_id, episode_id]).fetchone()
            if row is None:
                raise ValueError("no episode has that id; list episodes with "
                                 "`faultline classify`")
            ep_id, incident_id, service, start, end = row
            batch_ids = [r[0] for r in con.execute(
                "SELECT DISTINCT batch_id FROM events WHERE service = ? AND timestamp >= ? "
                "AND timestamp <= ? AND batch_id IS NOT NULL ORDER BY 1",
                [service, start, end]).fetchall()]
            builds: list[dict[str, Any]] = []
            if "feature_builds" in tables:
                for build_id, mode, r0, r1 in con.execute(
                        "SELECT build_id, mode, range_start, range_end FROM feature_builds "
                        "WHERE range_start <= ? AND range_end > ? ORDER BY finished_at",
                        [end, start]).fetchall():
                    sql = dict(con.execute(
                        "SELECT model, sql_sha256 FROM feature_build_models "
                        "WHERE build_id = ? ORDER BY model", [build_id]).fetchall())
                    builds.append({"build_id": build_id, "mode": mode,
                                   "range_start": str(r0), "range_end": str(r1),
                                   "feature_sql_sha256": sql})
            models: list[dict[str, Any]] = []
            if "anomalies" in tables:
                models = [{"model_uri": u, "model_version": v} for u, v in con.execute(
                    "SELECT DISTINCT model_uri, model_version FROM anomalies "
                    "WHERE service = ? AND minute >= ? AND minute <= ? ORDER BY 1, 2",
                    [service, start, end]).fetchall()]
            batches = _batches(con, batch_ids)
            policies = sorted({b.get("policy_version") for b in batches
                               if b.get("policy_version")})
            out = {"episode_id": ep_id, "incident_id": incident_id, "service": service,
                   "start": str(start), "end": str(end), "batches": batches,
                   "feature_builds": builds, "models": models,
                   "privacy_policy_versions": policies}
            access.rows = len(batches)
        finally:
            if own:
                store.close()
    return out


def _sha256(path: Any) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_report_lineage(
    files: list[str | os.PathLike[str]],
    *,
    db: Any = None,
    identity: Any = None,
    command: str | None = None,
) -> Any:
    """Record what a report was built from, as ``report.lineage.json`` beside its files.

    Parameters
    ----------
    files : list of path
        The report's files (HTML, Markdown, figures); the first one's folder gets the
        lineage file.
    db : path or Store, optional
        The store the report was built from (default ``$FAULTLINE_DB``).
    identity : Identity, optional
        The caller; needs ``write`` on ``reports``.

    Returns
    -------
    Path
        The lineage file.
    """
    import json
    from datetime import UTC, datetime
    from pathlib import Path

    from features.governance import guard
    from features.governance.audit import owner_only

    paths = [Path(f) for f in files]
    if not paths:
        raise ValueError("give the report's files")
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise ValueError(f"report files not found: {missing}")
    with guard("write", "reports", store_path=_path_of(db), identity=identity,
               command=command) as access:
        store, own = _open(db)
        try:
            con = store.con
            tables = _tables(con)
            build: dict[str, Any] = {"build_id": None, "feature_sql_sha256": {}}
            if "feature_builds" in tables:
                row = con.execute("SELECT build_id FROM feature_builds "
                                  "ORDER BY finished_at DESC LIMIT 1").fetchone()
                if row:
                    build = {"build_id": row[0], "feature_sql_sha256": dict(con.execute(
                        "SELECT model, sql_sha256 FROM feature_build_models "
                        "WHERE build_id = ? ORDER BY model", [row[0]]).fetchall())}
            batches = [] if "lineage" not in tables else [
                {"batch_id": b, "source_path": p, "sha256": h, "policy_version": v}
                for b, p, h, v in con.execute(
                    "SELECT batch_id, source_path, sha256, policy_version FROM lineage "
                    "WHERE status = 'committed' ORDER BY started_at, batch_id").fetchall()]
            episodes = [] if "episodes" not in tables else [r[0] for r in con.execute(
                "SELECT DISTINCT episode_id FROM episodes ORDER BY 1").fetchall()]
            models = [] if "anomalies" not in tables else [
                {"model_uri": u, "model_version": v} for u, v in con.execute(
                    "SELECT DISTINCT model_uri, model_version FROM anomalies "
                    "ORDER BY 1, 2").fetchall()]
        finally:
            if own:
                store.close()
        folder = paths[0].parent
        record = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": {str(p.resolve().relative_to(folder.resolve())) if p.resolve()
                      .is_relative_to(folder.resolve()) else str(p): _sha256(p)
                      for p in paths},
            "feature_build": build, "batches": batches, "episodes": episodes,
            "models": models,
            "privacy_policy_versions": sorted({b["policy_version"] for b in batches
                                               if b["policy_version"]}),
        }
        out = folder / REPORT_LINEAGE_FILE
        tmp = out.with_suffix(".json.tmp")
        with owner_only():
            tmp.write_text(json.dumps(record, indent=2), encoding="utf-8")
        os.replace(tmp, out)
        access.rows = len(batches)
    return out


def report_lineage(
    report: str | os.PathLike[str],
    *,
    db: Any = None,
    identity: Any = None,
    command: str | None = None,
) -> dict[str, Any]:
    """What produced a report: its recorded lineage, with every file's SHA-256 checked
    (``is_unchanged``) and every batch resolved in the store as it is now.

    Parameters
    ----------
    report : path
        The report folder (holding ``report.lineage.json``) or the lineage file itself.
    db : path or Store, optional
        The store (default ``$FAULTLINE_DB``); batches deleted since are marked so.
    identity : Identity, optional
        The caller; needs ``read`` on ``lineage``.
    """
    import json
    from pathlib import Path

    from features.governance import guard

    path = Path(report)
    path = path / REPORT_LINEAGE_FILE if path.is_dir() else path
    if not path.is_file():
        raise ValueError(f"no {REPORT_LINEAGE_FILE} at {path.parent}; the report was built "
                         "without lineage (write_report_lineage)")
    with guard("read", "lineage", store_path=_path_of(db), identity=identity,
               command=command) as access:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            files = dict(record["files"])
        except (ValueError, KeyError, TypeError):
            raise ValueError(f"{path} is not a faultline report lineage file") from None
        checked = {}
        for name, digest in files.items():
            f = Path(name) if Path(name).is_absolute() else path.parent / name
            checked[name] = {"sha256": digest,
                             "is_unchanged": f.is_file() and _sha256(f) == digest}
        record["files"] = checked
        ids = [b["batch_id"] for b in record.get("batches", [])]
        if _path_of(db).exists():
            store, own = _open(db)
            try:
                now = {b["batch_id"]: b for b in _batches(store.con, ids)}
            finally:
                if own:
                    store.close()
            for b in record.get("batches", []):
                b["is_in_store"] = now[b["batch_id"]].get("sha256") == b["sha256"]
        access.rows = len(ids)
    return record
