"""MLflow tracking and registry: where runs go, and when a model becomes champion.

The default tracking store is a local SQLite file, ``models/mlflow.db``, with
artifacts in ``models/mlruns/`` — no server needed. ``MLFLOW_TRACKING_URI``
overrides it, as does the ``tracking_uri`` argument.

MLflow is imported inside the functions (it takes seconds to import), so
``import anomaly`` stays fast.

Examples
--------
>>> uri = default_tracking_uri("/tmp/faultline-doc")
>>> uri.startswith("sqlite:///") and uri.endswith("/tmp/faultline-doc/mlflow.db")
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "CHAMPION_ALIAS",
    "DEFAULT_MODEL_NAME",
    "Promotion",
    "champion_metric",
    "configure_tracking",
    "default_tracking_uri",
    "promote_if_better",
]

CHAMPION_ALIAS = "champion"
DEFAULT_MODEL_NAME = "faultline"
DEFAULT_MODELS_DIR = Path("models")
SELECTION_METRIC = "val_episode_f1"


def default_tracking_uri(models_dir: str | os.PathLike[str] | None = None) -> str:
    """The local SQLite tracking URI under ``models_dir`` (default ``models/``)."""
    base = Path(models_dir) if models_dir is not None else DEFAULT_MODELS_DIR
    return f"sqlite:///{base.resolve() / 'mlflow.db'}"


def configure_tracking(
    tracking_uri: str | None = None,
    *,
    models_dir: str | os.PathLike[str] | None = None,
    experiment: str = "faultline",
) -> str:
    """Point MLflow at the tracking store and make sure the experiment exists.

    Parameters
    ----------
    tracking_uri : str, optional
        Explicit URI; else ``MLFLOW_TRACKING_URI``; else the local SQLite store.
    models_dir : path, optional
        Folder of the local store and its artifacts (default ``models/``).
    experiment : str
        Experiment name; created with its artifacts under ``models_dir/mlruns``
        when the store is local.

    Returns
    -------
    str
        The tracking URI in use.
    """
    import mlflow

    uri = tracking_uri or os.environ.get("MLFLOW_TRACKING_URI") or default_tracking_uri(models_dir)
    if uri.startswith("sqlite:///"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    client = mlflow.MlflowClient()
    if client.get_experiment_by_name(experiment) is None:
        artifact_location = None
        if uri.startswith("sqlite:///"):
            artifacts = Path(uri.removeprefix("sqlite:///")).parent / "mlruns"
            artifacts.mkdir(parents=True, exist_ok=True)
            artifact_location = artifacts.resolve().as_uri()
        client.create_experiment(experiment, artifact_location=artifact_location)
    mlflow.set_experiment(experiment)
    return uri


def champion_metric(
    name: str = DEFAULT_MODEL_NAME, metric: str = SELECTION_METRIC
) -> tuple[str | None, float | None]:
    """The current champion's version and its value of ``metric`` (None, None if none)."""
    import mlflow
    from mlflow.exceptions import MlflowException

    client = mlflow.MlflowClient()
    try:
        mv = client.get_model_version_by_alias(name, CHAMPION_ALIAS)
    except MlflowException:
        return None, None
    run = client.get_run(mv.run_id)
    value = run.data.metrics.get(metric)
    return str(mv.version), value


@dataclass(frozen=True)
class Promotion:
    """The outcome of :func:`promote_if_better`."""

    is_promoted: bool
    version: str
    previous_version: str | None
    value: float
    previous_value: float | None
    reason: str


def promote_if_better(
    version: str,
    value: float,
    *,
    name: str = DEFAULT_MODEL_NAME,
    metric: str = SELECTION_METRIC,
    min_improvement: float = 0.0,
) -> Promotion:
    """Give ``version`` the ``champion`` alias only if it beats the current champion.

    A candidate that ties or loses keeps the old champion; the first model of a
    name always becomes champion. The decision is written on the model version as
    tags (``faultline.promotion``), so the registry explains itself.

    Parameters
    ----------
    version : str
        Registered model version to consider.
    value : float
        Its value of ``metric`` on the validation period (higher is better).
    name, metric : str
        Registered model name and selection metric.
    min_improvement : float
        How much better than the champion the candidate must be.
    """
    import math

    import mlflow

    client = mlflow.MlflowClient()
    prev_version, prev_value = champion_metric(name, metric)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        is_promoted, reason = False, f"{metric} is undefined for the candidate"
    elif prev_version is None:
        is_promoted, reason = True, "no champion yet"
    elif prev_value is None or value > prev_value + min_improvement:
        is_promoted = True
        reason = f"{metric} {value:.4f} beats champion v{prev_version} ({_fmt(prev_value)})"
    else:
        is_promoted = False
        reason = f"{metric} {value:.4f} does not beat champion v{prev_version} ({_fmt(prev_value)})"
    if is_promoted:
        client.set_registered_model_alias(name, CHAMPION_ALIAS, version)
    client.set_model_version_tag(name, version, "faultline.promotion", reason)
    return Promotion(is_promoted, str(version), prev_version, value, prev_value, reason)


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.4f}"
