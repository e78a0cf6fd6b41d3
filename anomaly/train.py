"""Training: time-based split, fit, evaluate, log to MLflow, register, promote.

:func:`train` reads ``feat_model_input`` from the store, fits a
:class:`anomaly.model.MinuteScorer` on the earlier part of the period and evaluates it
on the later part (never the other way round: a model is judged on minutes after the
ones it learned from). Ground truth, when there is some, is either a list of episodes
(the simulator's ``truth.json``) or the store's ``incidents`` table (services,
``started_at`` to ``resolved_at``, kind = category); the validation metrics are the
episode-level ones of :func:`anomaly.evaluation.evaluate_episodes`, logged with a
``val_`` prefix.

Everything goes to one MLflow run: settings and split dates (params), the SHA-256 of
every feature SQL file of the latest feature build and the ingest batches with their
source SHA-256 (tags, plus ``lineage.json``), the privacy policy version and hash,
validation metrics, a score timeline per fault kind with the truth shaded (PNG), and
the pyfunc model (:class:`anomaly.pyfunc.FaultlineModel`) with a signature and an
input example. The model is registered under ``faultline`` and becomes ``champion``
only when its ``val_episode_f1`` beats the current champion's
(:func:`anomaly.tracking.promote_if_better`).

Nothing raw reaches MLflow: store strings are already anonymized, and no message text
is read.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"service": "a",
...     "minute": pd.date_range("2026-03-02", periods=10, freq="min")})
>>> train_part, val_part, split_at = split_by_time(frame, validation_share=0.3)
>>> len(train_part), len(val_part), str(split_at)
(7, 3, '2026-03-02 00:07:00')
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from features.governance.roles import audited_api

__all__ = [
    "TrainResult",
    "TrainSettings",
    "log_scoring_model",
    "read_truth",
    "save_scoring_model",
    "split_by_time",
    "train",
]


@dataclass(frozen=True)
class TrainSettings:
    """Settings of a training run.

    Parameters
    ----------
    window, burst, alerts_per_week, min_rows
        Passed to :class:`anomaly.model.MinuteScorer`.
    validation_share : float
        Share of the period (by time) held out for validation, at its end.
    model_name : str
        Registered model name.
    """

    window: int = 5
    burst: int = 3
    alerts_per_week: float = 1.0
    min_rows: int = 1440
    validation_share: float = 0.3
    model_name: str = "faultline"

    def scorer(self) -> Any:
        from anomaly.model import MinuteScorer

        return MinuteScorer(window=self.window, burst=self.burst,
                            alerts_per_week=self.alerts_per_week, min_rows=self.min_rows)


@dataclass(frozen=True)
class TrainResult:
    """What :func:`train` did."""

    run_id: str
    model_uri: str
    version: str | None
    is_promoted: bool
    promotion_reason: str
    metrics: dict[str, float]
    split_at: pd.Timestamp
    n_train_rows: int
    n_validation_rows: int
    truth_source: str
    plots: list[str] = field(default_factory=list)


def split_by_time(frame: pd.DataFrame, *, validation_share: float = 0.3,
                  time_col: str = "minute") -> tuple[pd.DataFrame, pd.DataFrame, pd.Timestamp]:
    """Split rows at one minute: the earlier ``1 - validation_share`` of the period trains.

    Returns
    -------
    (train, validation, split_at)
        ``split_at`` is the first validation minute.
    """
    if not 0 < validation_share < 1:
        raise ValueError(f"validation_share must be between 0 and 1 (exclusive), such as "
                         f"0.3; got {validation_share}")
    if len(frame) == 0:
        raise ValueError("no feature rows to split; build features first (`faultline "
                         "features`) or widen --start/--end")
    minutes = pd.to_datetime(frame[time_col])
    lo, hi = minutes.min(), minutes.max() + pd.Timedelta(minutes=1)
    split_at = (lo + (hi - lo) * (1 - validation_share)).floor("min")
    is_train = minutes < split_at
    if is_train.all() or not is_train.any():
        raise ValueError("the period is too short to split into training and validation "
                         f"minutes ({lo} to {hi}); train on more data")
    return frame[is_train.to_numpy()], frame[~is_train.to_numpy()], split_at


def read_truth(source: str | os.PathLike[str] | Iterable[Mapping[str, Any]] | None,
               store: Any = None) -> tuple[list[dict[str, Any]], str]:
    """Ground-truth episodes and where they came from.

    ``source`` may be a ``truth.json`` path (its ``episodes``), a list of episodes, or
    None: then the store's ``incidents`` table is used when it has rows (kind = the
    incident's category), else there is no truth (``[]``, ``"none"``).
    """
    if source is not None and not isinstance(source, str | os.PathLike):
        return [dict(e) for e in source], "episodes"
    if source is not None:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read ground truth from {path}: {type(exc).__name__}; "
                             "pass the simulator's truth.json") from None
        episodes = data.get("episodes") if isinstance(data, dict) else data
        if not isinstance(episodes, list):
            raise ValueError(f"{path} has no list of episodes (key 'episodes')")
        return episodes, f"file:{path.name}"
    con = getattr(store, "con", store)
    if con is None:
        return [], "none"
    rows = con.execute(
        "SELECT incident_id, services, started_at, resolved_at, "
        "coalesce(category, 'incident') FROM incidents "
        "WHERE started_at IS NOT NULL AND len(services) > 0").fetchall()
    episodes = [{"episode_id": r[0], "services": list(r[1]), "start": r[2],
                 "end": r[3] if r[3] is not None else r[2], "kind": r[4]} for r in rows]
    return episodes, ("incidents" if episodes else "none")


def _overlapping(episodes: list[dict[str, Any]], lo: pd.Timestamp, hi: pd.Timestamp
                 ) -> list[dict[str, Any]]:
    out = []
    for ep in episodes:
        start = pd.Timestamp(ep["start"])
        end = pd.Timestamp(ep["end"])
        start = start.tz_convert("UTC").tz_localize(None) if start.tzinfo else start
        end = end.tz_convert("UTC").tz_localize(None) if end.tzinfo else end
        if end >= lo and start < hi:
            out.append(ep)
    return out


def _lineage(con: Any) -> dict[str, Any]:
    """Feature SQL hashes of the latest build and the ingest batches behind it."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()}
    out: dict[str, Any] = {"feature_build_id": None, "feature_sql_sha256": {}, "batches": []}
    if "feature_builds" in tables:
        row = con.execute("SELECT build_id FROM feature_builds "
                          "ORDER BY finished_at DESC LIMIT 1").fetchone()
        if row:
            out["feature_build_id"] = row[0]
            out["feature_sql_sha256"] = dict(con.execute(
                "SELECT model, sql_sha256 FROM feature_build_models WHERE build_id = ? "
                "ORDER BY model", [row[0]]).fetchall())
    if "lineage" in tables:
        out["batches"] = [
            {"batch_id": r[0], "kind": r[1], "sha256": r[2], "count_accepted": r[3],
             "policy_version": r[4], "policy_hash": r[5]}
            for r in con.execute(
                "SELECT batch_id, kind, sha256, count_accepted, policy_version, policy_hash "
                "FROM lineage ORDER BY started_at, batch_id").fetchall()]
    return out


def log_scoring_model(scorer: Any, example: pd.DataFrame, *, registered_model_name: str | None
                      ) -> Any:
    """Log a fitted scorer as the pyfunc model ``model`` of the active run.

    Returns the ``ModelInfo`` (``registered_model_version`` set when registered).
    """
    import logging

    # MLflow warns that the python_model object is cloudpickled: only the class reference
    # is; the learned state is the JSON artifact
    pyfunc_logger = logging.getLogger("mlflow.pyfunc")
    level = pyfunc_logger.level
    pyfunc_logger.setLevel(logging.ERROR)
    try:
        return _log_model(scorer, example, registered_model_name)
    finally:
        pyfunc_logger.setLevel(level)


def save_scoring_model(scorer: Any, example: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Save a fitted scorer as an MLflow pyfunc model folder (no tracking store needed).

    The same model :func:`log_scoring_model` logs: for tests, and to serve a model
    that was never registered.
    """
    import mlflow

    with tempfile.TemporaryDirectory() as tmp:
        mlflow.pyfunc.save_model(str(path), **_model_kwargs(scorer, example, Path(tmp)))
    return Path(path)


def _model_kwargs(scorer: Any, example: pd.DataFrame, tmp: Path) -> dict[str, Any]:
    import mlflow
    import scipy
    import sklearn

    from anomaly.pyfunc import SCORER_ARTIFACT, FaultlineModel, model_signature

    path = tmp / "scorer.json"
    path.write_text(json.dumps(scorer.to_dict()), encoding="utf-8")
    return {
        "python_model": FaultlineModel(),
        "artifacts": {SCORER_ARTIFACT: str(path)},
        "signature": model_signature(),
        "input_example": example,
        "metadata": {"window": scorer.window_, "threshold": scorer.threshold_,
                     "input": "feat_model_input rows: the last `window` minutes per service"},
        "pip_requirements": [f"mlflow=={mlflow.__version__}", f"numpy=={np.__version__}",
                             f"pandas=={pd.__version__}", f"scipy=={scipy.__version__}",
                             f"scikit-learn=={sklearn.__version__}"],
    }


def _log_model(scorer: Any, example: pd.DataFrame, registered_model_name: str | None) -> Any:
    import mlflow

    with tempfile.TemporaryDirectory() as tmp:
        return mlflow.pyfunc.log_model(name="model",
                                       registered_model_name=registered_model_name,
                                       **_model_kwargs(scorer, example, Path(tmp)))


def _timeline_plots(frame: pd.DataFrame, scores: pd.DataFrame, episodes: list[dict[str, Any]],
                    threshold: float, folder: Path) -> list[Path]:
    """One PNG per kind: the score of the first validation episode's first service."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_kind: dict[str, dict[str, Any]] = {}
    for ep in episodes:
        by_kind.setdefault(ep["kind"], ep)
    paths = []
    series = scores.assign(minute=pd.to_datetime(scores["minute"]))
    for kind, ep in sorted(by_kind.items()):
        service = sorted(ep["services"])[0]
        start = pd.Timestamp(ep["start"])
        end = pd.Timestamp(ep["end"])
        start = start.tz_convert("UTC").tz_localize(None) if start.tzinfo else start
        end = end.tz_convert("UTC").tz_localize(None) if end.tzinfo else end
        lo, hi = start - pd.Timedelta(hours=2), end + pd.Timedelta(hours=2)
        part = series[(series["service"] == service) & (series["minute"] >= lo)
                      & (series["minute"] < hi)]
        fig, ax = plt.subplots(figsize=(9, 3))
        ax.plot(part["minute"], part["score"], lw=0.8, color="tab:blue", label="score")
        ax.axhline(threshold, color="tab:red", lw=0.8, ls="--", label="threshold")
        for other in episodes:
            if service in other["services"]:
                o_start = pd.Timestamp(other["start"])
                o_end = pd.Timestamp(other["end"])
                o_start = o_start.tz_convert("UTC").tz_localize(None) if o_start.tzinfo else o_start
                o_end = o_end.tz_convert("UTC").tz_localize(None) if o_end.tzinfo else o_end
                if o_end >= lo and o_start < hi:
                    ax.axvspan(o_start, o_end, color="tab:orange", alpha=0.3)
        ax.set_ylim(0, 1.02)
        ax.set_title(f"{kind}: service {service} (truth shaded)")
        ax.legend(loc="upper left", fontsize=7)
        fig.autofmt_xdate()
        path = folder / f"timeline_{kind}.png"
        fig.savefig(path, dpi=90, bbox_inches="tight")
        plt.close(fig)
        paths.append(path)
    return paths


@audited_api("write", "models")
def train(
    store: Any = None,
    *,
    db: str | os.PathLike[str] | None = None,
    start: Any = None,
    end: Any = None,
    truth: str | os.PathLike[str] | Iterable[Mapping[str, Any]] | None = None,
    settings: TrainSettings | None = None,
    tracking_uri: str | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    experiment: str = "faultline",
    on_progress: Callable[[str], None] | None = None,
) -> TrainResult:
    """Fit, evaluate, log, register and maybe promote a scoring model.

    Parameters
    ----------
    store : features.store.Store, optional
        An open store; by default ``db`` (or ``$FAULTLINE_DB``) is opened read-only.
    db : path, optional
        The store file when ``store`` is None.
    start, end : datetime or str, optional
        Period of ``feat_model_input`` to use (default all of it).
    truth : path or list of episodes, optional
        Ground truth; default the store's ``incidents`` table (see :func:`read_truth`).
    settings : TrainSettings, optional
    tracking_uri, models_dir, experiment
        Where MLflow writes (see :func:`anomaly.tracking.configure_tracking`).
    on_progress : callable, optional
        Called with a short message after each step.

    Returns
    -------
    TrainResult
    """
    import mlflow

    from anomaly.evaluation import evaluate_episodes
    from anomaly.pyfunc import input_example
    from anomaly.tracking import configure_tracking, promote_if_better
    from features.frames import feature_frame
    from features.privacy import Policy
    from features.store import Store

    settings = settings or TrainSettings()
    say = on_progress or (lambda _msg: None)
    own = store is None
    if own:
        store = Store.open(db, read_only=True)
    try:
        frame = feature_frame(store, "feat_model_input", start=start, end=end, as_="pandas")
        episodes, truth_source = read_truth(truth, store)
        lineage = _lineage(store.con)
    finally:
        if own:
            store.close()
    say(f"read {len(frame):,} feature rows")
    train_rows, val_rows, split_at = split_by_time(frame,
                                                   validation_share=settings.validation_share)
    scorer = settings.scorer().fit(train_rows)
    say(f"fitted on {len(train_rows):,} rows before {split_at}")
    val_scores = scorer.predict(val_rows)
    val_lo = split_at
    val_hi = pd.to_datetime(val_rows["minute"]).max() + pd.Timedelta(minutes=1)
    days = (val_hi - val_lo) / pd.Timedelta(days=1)
    n_services = int(val_rows["service"].nunique())
    metrics: dict[str, float] = {
        "val_alert_minute_share": float(val_scores["is_anomaly"].mean()),
        "train_alert_minute_share": float(np.mean(scorer.scores_ >= scorer.threshold_)),
    }
    val_episodes = _overlapping(episodes, val_lo, val_hi)
    if val_episodes:
        alerts = val_scores.loc[val_scores["is_anomaly"], ["service", "minute"]]
        result = evaluate_episodes(alerts, val_episodes, days=days, n_services=n_services)
        metrics.update({f"val_{k}": v for k, v in result.as_metrics().items()})
    say("evaluated on the validation period" + (
        f" against {len(val_episodes)} truth episodes" if val_episodes else " (no truth)"))

    configure_tracking(tracking_uri, models_dir=models_dir, experiment=experiment)
    policy = Policy.load()
    params = {f"model_{k}": v for k, v in scorer.get_params().items()}
    params.update({
        "validation_share": settings.validation_share,
        "train_start": str(pd.to_datetime(train_rows["minute"]).min()),
        "split_at": str(split_at), "validation_end": str(val_hi),
        "n_train_rows": len(train_rows), "n_validation_rows": len(val_rows),
        "n_services": int(frame["service"].nunique()), "threshold": scorer.threshold_,
        "truth_source": truth_source, "n_truth_episodes_validation": len(val_episodes),
        "feature_build_id": lineage["feature_build_id"],
        "privacy_policy_version": policy.version, "privacy_policy_hash": policy.hash,
    })
    tags = {f"feature_sql_sha256.{k}": v for k, v in lineage["feature_sql_sha256"].items()}
    tags["ingest_batches"] = ",".join(b["batch_id"] for b in lineage["batches"])[:4000]
    tags["privacy_policy_version"] = policy.version
    # MLflow would record the OS account name as the run's user, a person's name
    with mlflow.start_run(tags={"mlflow.user": "anonymous",
                                "mlflow.source.name": "faultline train"}) as run:
        mlflow.log_params(params)
        mlflow.set_tags(tags)
        finite = {k: v for k, v in metrics.items() if np.isfinite(v)}
        mlflow.log_metrics(finite)
        mlflow.log_dict(lineage, "lineage.json")
        mlflow.log_dict({"settings": asdict(settings)}, "settings.json")
        plots: list[str] = []
        if val_episodes:
            with tempfile.TemporaryDirectory() as tmp:
                paths = _timeline_plots(val_rows, val_scores, val_episodes, scorer.threshold_,
                                        Path(tmp))
                for p in paths:
                    mlflow.log_artifact(str(p), artifact_path="plots")
                plots = [f"plots/{p.name}" for p in paths]
        say("logged params, metrics, lineage and plots")
        info = log_scoring_model(scorer, input_example(train_rows, scorer.window_),
                                 registered_model_name=settings.model_name)
        version = info.registered_model_version
        say(f"logged the model and registered {settings.model_name} v{version}")
        if version is not None and "val_episode_f1" in finite:
            promotion = promote_if_better(str(version), finite["val_episode_f1"],
                                          name=settings.model_name)
            is_promoted, reason = promotion.is_promoted, promotion.reason
        elif version is not None:
            promotion = promote_if_better(str(version), float("nan"), name=settings.model_name)
            is_promoted, reason = promotion.is_promoted, (
                "no ground truth overlaps the validation period, so val_episode_f1 is "
                "undefined; the model is registered but not promoted")
        else:
            is_promoted, reason = False, "not registered"
        mlflow.set_tag("faultline.promotion", reason)
    say(reason)
    return TrainResult(
        run_id=run.info.run_id, model_uri=info.model_uri,
        version=None if version is None else str(version), is_promoted=is_promoted,
        promotion_reason=reason, metrics=metrics, split_at=split_at,
        n_train_rows=len(train_rows), n_validation_rows=len(val_rows),
        truth_source=truth_source, plots=plots)
