"""The MLflow pyfunc wrapper of :class:`anomaly.model.MinuteScorer`.

This is the model that ``faultline train`` logs and registers, that ``faultline
score`` loads for batch jobs and that ``mlflow models serve`` answers requests with.
It reads rows of ``feat_model_input`` — the last ``window`` minutes per service are
enough (``window`` is in the model's metadata) — and returns per row ``service``,
``minute`` (ISO 8601 text, UTC), ``score``, ``threshold``, ``is_anomaly``,
``severity_hint`` and ``top_features`` (comma-separated).

Input is validated before scoring: an empty payload, a missing column, a value of
the wrong type (text in a count, an unreadable minute, a negative count) or a missing
service raises ``MlflowException`` with ``INVALID_PARAMETER_VALUE``, which
``mlflow models serve`` answers with HTTP 400. Messages name the column and how many
rows are bad, never the values (they could be personal data).

The fitted model is stored as a JSON artifact (``scorer.json``): no pickle of learned
state. Serving needs the ``faultline`` package installed (``--env-manager local``
from the project's environment).

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"service": ["api", "api"], "minute": ["2026-03-02T10:00:00Z",
...     "2026-03-02T10:01:00Z"], "count_errors": [0, 3]})
>>> validate_input(frame)[["service", "count_errors"]].to_dict("list")
{'service': ['api', 'api'], 'count_errors': [0.0, 3.0]}
>>> try:
...     validate_input(frame.drop(columns="count_errors"))
... except Exception as exc:
...     print(str(exc)[:51] + '...')
input lacks required columns ['count_errors']; send...
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

with warnings.catch_warnings():
    # MLflow 3.17 warns about type hints of its own classes while importing mlflow.pyfunc
    warnings.filterwarnings("ignore", message=".*Any type hint is inferred", category=UserWarning)
    import mlflow.pyfunc

from anomaly.model import INPUT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, MinuteScorer
from features.governance.roles import audited_api

__all__ = [
    "SCORER_ARTIFACT",
    "ExportedModel",
    "FaultlineModel",
    "export_model",
    "input_example",
    "minute_text",
    "model_signature",
    "validate_input",
]

SCORER_ARTIFACT = "scorer"
"""Artifact key of the fitted model's JSON file."""

_NUMERIC = tuple(c for c in INPUT_COLUMNS if c not in ("service", "minute"))
_COUNTS = ("count_errors", "count_5xx", "requests", "count_fingerprints_first_seen",
           "count_span_retries")


def _invalid(message: str) -> Exception:
    from mlflow.exceptions import MlflowException
    from mlflow.protos.databricks_pb2 import INVALID_PARAMETER_VALUE

    return MlflowException(message, error_code=INVALID_PARAMETER_VALUE)


def validate_input(model_input: Any) -> pd.DataFrame:
    """Check scoring input and return it as a clean frame (numbers as float, naive UTC).

    Parameters
    ----------
    model_input : pandas.DataFrame, dict of lists or list of dicts
        Feature rows: ``service``, ``minute``, ``count_errors`` required; the other
        columns of :data:`anomaly.model.INPUT_COLUMNS` optional.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    mlflow.exceptions.MlflowException
        With ``INVALID_PARAMETER_VALUE``, saying what is wrong and what is expected.
    """
    expected = (f"send rows with columns {list(REQUIRED_COLUMNS)} and optionally "
                f"{list(OPTIONAL_COLUMNS)} (one row per service per minute)")
    if model_input is None:
        raise _invalid(f"empty payload: no rows to score; {expected}")
    if isinstance(model_input, dict | list):
        try:
            model_input = pd.DataFrame(model_input)
        except (ValueError, TypeError):
            raise _invalid(f"input is not a table of rows; {expected}") from None
    if not isinstance(model_input, pd.DataFrame):
        raise _invalid(f"input must be a table (pandas DataFrame or JSON rows), not "
                       f"{type(model_input).__name__}; {expected}")
    if len(model_input) == 0:
        raise _invalid(f"empty payload: no rows to score; {expected}")
    missing = [c for c in REQUIRED_COLUMNS if c not in model_input.columns]
    if missing:
        raise _invalid(f"input lacks required columns {missing}; {expected}")
    out: dict[str, Any] = {}
    service = model_input["service"]
    if isinstance(service.dtype, pd.StringDtype) or service.dtype == "str":
        bad = service.isna() | (service == "")
    else:
        kinds = pd.api.types.infer_dtype(service, skipna=True)
        bad = service.isna() | (service.astype("str") == "")
        if kinds not in ("string", "empty"):
            bad |= ~service.map(lambda v: isinstance(v, str))
    if bad.any():
        raise _invalid(f"column 'service' must be a non-empty string in every row; "
                       f"{int(bad.sum())} of {len(service)} rows are not")
    out["service"] = service.astype("str").reset_index(drop=True)
    minute = model_input["minute"]
    if not pd.api.types.is_datetime64_any_dtype(minute):
        minute = minute.astype("str").where(minute.notna())
    minute = pd.to_datetime(minute, errors="coerce", utc=True, format="ISO8601")
    if minute.isna().any():
        raise _invalid("column 'minute' must be a timestamp (ISO 8601, UTC) in every row; "
                       f"{int(minute.isna().sum())} of {len(minute)} rows are not")
    out["minute"] = minute.dt.tz_localize(None).dt.floor("min").to_numpy()
    for col in _NUMERIC:
        if col not in model_input.columns:
            continue
        raw = model_input[col]
        if raw.dtype == object or pd.api.types.is_string_dtype(raw):
            bad = raw.map(lambda v: v is not None and not isinstance(v, int | float | np.number)
                          or isinstance(v, bool))
            if bad.any():
                raise _invalid(f"column {col!r} must be a number; {int(bad.sum())} of "
                               f"{len(raw)} rows hold text or another type")
        values = pd.to_numeric(raw, errors="coerce").astype("float64")
        if col in _COUNTS and (values < 0).any():
            raise _invalid(f"column {col!r} is a count and cannot be negative; "
                           f"{int((values < 0).sum())} of {len(values)} rows are")
        if col == "count_errors" and values.isna().any():
            raise _invalid(f"column 'count_errors' must be a number in every row; "
                           f"{int(values.isna().sum())} of {len(values)} rows are missing")
        out[col] = values.to_numpy()
    return pd.DataFrame(out)


@dataclass(frozen=True)
class ExportedModel:
    """What :func:`export_model` wrote."""

    path: Path
    model_uri: str
    name: str | None
    version: str | None
    run_id: str | None


@audited_api("export", "models")
def export_model(model_uri: str = "models:/faultline@champion",
                 out_dir: str | os.PathLike[str] = "models/export/faultline", *,
                 db: str | os.PathLike[str] | None = None) -> ExportedModel:
    """Copy a registered scoring model to a plain MLflow model folder.

    The folder (``MLmodel``, ``python_model.pkl``, ``artifacts/scorer.json``, the
    signature and input example, plus ``faultline-export.json`` naming the registry
    version it came from) is what ``mlflow models serve -m <folder> --env-manager
    local`` serves. The model stays in the registry. The folder is written beside its
    final place and swapped in, so a failed export leaves the previous one intact.

    Parameters
    ----------
    model_uri : str
        Registry (``models:/name@alias``, ``models:/name/N``) or run URI; the tracking
        store must be configured (:func:`anomaly.tracking.configure_tracking`).
    out_dir : path
        The model folder to write (replaced when it exists).
    db : path, optional
        The store whose audit log records the export (default ``$FAULTLINE_DB`` or
        ``data/faultline.duckdb``). The export goes through the governance enforcement
        point as an ``export`` of ``models``: the caller's role must allow it.

    Returns
    -------
    ExportedModel

    Raises
    ------
    features.governance.AccessDenied
        The caller's role may not export models (the denial is audited).
    ValueError
        The URI names no MLflow model.

    Examples
    --------
    >>> from features.governance import AccessDenied
    >>> import os, tempfile, pathlib
    >>> os.environ["FAULTLINE_ROLE"] = "nobody"  # not a granted role: denied, audited
    >>> try:
    ...     export_model(db=pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb")
    ... except AccessDenied as exc:
    ...     print(str(exc).split(" (")[0][:40])
    FAULTLINE_ROLE asks for role 'nobody', w
    >>> del os.environ["FAULTLINE_ROLE"]
    """
    import shutil
    import tempfile

    import mlflow
    from mlflow.exceptions import MlflowException

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    name = version = run_id = None
    client = mlflow.MlflowClient()
    try:
        if model_uri.startswith("models:/"):
            ref = model_uri.removeprefix("models:/")
            if "@" in ref:
                name, alias = ref.split("@", 1)
                mv = client.get_model_version_by_alias(name, alias)
            else:
                name, number = ref.split("/", 1)
                mv = client.get_model_version(name, number)
            version, run_id = str(mv.version), mv.run_id
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        try:
            local = Path(mlflow.artifacts.download_artifacts(artifact_uri=model_uri,
                                                             dst_path=str(staging)))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except (MlflowException, OSError, ValueError) as exc:
        raise ValueError(f"cannot export {model_uri}: {type(exc).__name__}; train and "
                         "promote a model first (`faultline train`), or check the URI"
                         ) from None
    if not (local / "MLmodel").exists():
        shutil.rmtree(staging, ignore_errors=True)
        raise ValueError(f"{model_uri} is not an MLflow model (no MLmodel file)")
    (local / "faultline-export.json").write_text(json.dumps(
        {"model_uri": model_uri, "name": name, "version": version, "run_id": run_id},
        indent=2), encoding="utf-8")
    previous = out.with_name(f".{out.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if out.exists():
        out.rename(previous)
    local.rename(out)
    shutil.rmtree(staging, ignore_errors=True)
    if previous.exists():
        shutil.rmtree(previous)
    return ExportedModel(out, model_uri, name, version, run_id)


def model_signature() -> Any:
    """The MLflow signature: required and optional input columns, and the outputs."""
    from mlflow.models import ModelSignature
    from mlflow.types.schema import ColSpec, Schema

    # minute is ISO 8601 text: MLflow's datetime type refuses offsets such as "Z"
    inputs = [ColSpec("string", "service"), ColSpec("string", "minute"),
              ColSpec("double", "count_errors")]
    inputs += [ColSpec("double", c, required=False) for c in OPTIONAL_COLUMNS]
    outputs = [ColSpec("string", "service"), ColSpec("string", "minute"),
               ColSpec("double", "score"), ColSpec("double", "threshold"),
               ColSpec("boolean", "is_anomaly"), ColSpec("string", "severity_hint"),
               ColSpec("string", "top_features")]
    return ModelSignature(inputs=Schema(inputs), outputs=Schema(outputs))


def input_example(frame: pd.DataFrame, window: int, *, services: int = 2) -> pd.DataFrame:
    """The last ``window`` minutes of the first ``services`` services of ``frame``.

    Examples
    --------
    >>> frame = pd.DataFrame({"service": ["a"] * 4 + ["b"] * 4, "count_errors": range(8),
    ...     "minute": list(pd.date_range("2026-03-02", periods=4, freq="min")) * 2})
    >>> example = input_example(frame, 2)
    >>> example["count_errors"].tolist(), example["minute"].iloc[0]
    ([2.0, 3.0, 6.0, 7.0], '2026-03-02T00:02:00Z')
    """
    cols = [c for c in INPUT_COLUMNS if c in frame.columns]
    parts = []
    for _, part in list(frame[cols].groupby("service", sort=True))[:services]:
        parts.append(part.sort_values("minute").tail(window))
    example = pd.concat(parts, ignore_index=True)
    for col in cols[2:]:
        example[col] = pd.to_numeric(example[col]).astype("float64")
    example["minute"] = minute_text(example["minute"])
    return example


def minute_text(minute: Any) -> pd.Series:
    """Naive-UTC timestamps as ISO 8601 text with a ``Z``, the model's ``minute`` input.

    Examples
    --------
    >>> minute_text(pd.Series(pd.to_datetime(["2026-03-02 10:00"]))).tolist()
    ['2026-03-02T10:00:00Z']
    """
    values = pd.to_datetime(pd.Series(minute)).to_numpy(dtype="datetime64[s]")
    return pd.Series(np.char.add(np.datetime_as_string(values, unit="s"), "Z"), dtype="str")


class FaultlineModel(mlflow.pyfunc.PythonModel):
    """pyfunc model: :func:`validate_input`, then :meth:`MinuteScorer.predict`.

    Log it with ``mlflow.pyfunc.log_model(name="model", python_model=FaultlineModel(),
    artifacts={"scorer": <path of MinuteScorer.to_dict() as JSON>}, ...)``
    (:func:`anomaly.train.log_scoring_model` does).
    """

    def __init__(self) -> None:
        self.scorer: MinuteScorer | None = None

    def load_context(self, context: Any) -> None:
        """Read the fitted model from the ``scorer`` artifact."""
        path = Path(context.artifacts[SCORER_ARTIFACT])
        self.scorer = MinuteScorer.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def score_frame(self, model_input: Any) -> pd.DataFrame:
        """Validate and score rows; ``minute`` stays a naive-UTC timestamp.

        What :meth:`predict` returns before ``minute`` becomes text; batch scoring calls
        it directly (same validation, same model, no text round trip).
        """
        if self.scorer is None:
            raise _invalid("the model's scorer artifact is not loaded; load the model with "
                           "mlflow.pyfunc.load_model")
        frame = validate_input(model_input)
        out = self.scorer.predict(frame).reset_index(drop=True)
        out.insert(3, "threshold", self.scorer.threshold_)
        return out

    def predict(self, context: Any, model_input: pd.DataFrame,
                params: dict[str, Any] | None = None) -> pd.DataFrame:
        """Score feature rows (see the module docstring for columns and errors)."""
        if self.scorer is None:
            self.load_context(context)
        out = self.score_frame(model_input)
        out["minute"] = minute_text(out["minute"]).to_numpy()
        return out
