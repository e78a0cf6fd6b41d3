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

Both read through the enforcement point (``read`` on ``lineage``), so every lineage
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

__all__ = ["batch_sources", "episode_lineage", "model_lineage"]


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
