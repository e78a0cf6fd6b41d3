"""Batch scoring: a registered model over a time range of the store → ``anomalies``.

:func:`score_store` loads the pyfunc model (default ``models:/faultline@champion``),
reads ``feat_model_input`` one chunk of minutes at a time — each chunk with the
``window - 1`` minutes before it, so its first rows are scored with the same context as
in one pass — and writes one row per service per minute to the ``anomalies`` table:
``service, component (NULL: service level), minute, score, threshold, is_anomaly,
severity_hint, top_features, model_uri, model_version, scored_at``; optionally the
same rows to a Parquet file.

The rows of the range are replaced in one transaction: a rerun gives the same rows,
never duplicates, and a failure (or an interrupt) leaves the table as it was. The
Parquet file is written under a temporary name and moved into place after the
commit.

Examples
--------
>>> import pandas as pd
>>> chunks = list(time_chunks(pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03 12:00"),
...                           minutes=1440))
>>> [(str(a), str(b)) for a, b in chunks]  # doctest: +NORMALIZE_WHITESPACE
[('2026-03-02 00:00:00', '2026-03-03 00:00:00'),
 ('2026-03-03 00:00:00', '2026-03-03 12:00:00')]
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from features.governance.roles import audited_api

__all__ = ["ANOMALIES_DDL", "ScoreResult", "score_store", "time_chunks"]

ANOMALIES_DDL = """CREATE TABLE IF NOT EXISTS anomalies (
    service VARCHAR, component VARCHAR, minute TIMESTAMP, score DOUBLE, threshold DOUBLE,
    is_anomaly BOOLEAN, severity_hint VARCHAR, top_features VARCHAR, model_uri VARCHAR,
    model_version VARCHAR, scored_at TIMESTAMP)"""
"""The ``anomalies`` table (read by ``faultline classify`` and the exports)."""


@dataclass(frozen=True)
class ScoreResult:
    """What :func:`score_store` wrote."""

    model_uri: str
    model_version: str | None
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    n_rows: int
    n_anomalies: int
    seconds: float
    scoring_seconds: float
    parquet: Path | None

    @property
    def rows_per_second(self) -> float:
        """Rows scored per second of model time (reading and writing left out)."""
        return self.n_rows / self.scoring_seconds if self.scoring_seconds else float("nan")


def time_chunks(start: pd.Timestamp, end: pd.Timestamp, *, minutes: int
                ) -> Iterator[tuple[pd.Timestamp, pd.Timestamp]]:
    """Consecutive ``[a, b)`` ranges of at most ``minutes`` covering ``[start, end)``."""
    if minutes < 1:
        raise ValueError(f"chunk minutes must be at least 1, got {minutes}")
    step = pd.Timedelta(minutes=minutes)
    a = start
    while a < end:
        b = min(a + step, end)
        yield a, b
        a = b


def _resolve_version(model_uri: str) -> str | None:
    """The registry version behind a ``models:/name@alias`` or ``models:/name/N`` URI."""
    import mlflow
    from mlflow.exceptions import MlflowException

    if not model_uri.startswith("models:/"):
        return None
    ref = model_uri.removeprefix("models:/")
    client = mlflow.MlflowClient()
    try:
        if "@" in ref:
            name, alias = ref.split("@", 1)
            return str(client.get_model_version_by_alias(name, alias).version)
        if "/" in ref:
            return ref.split("/", 1)[1]
    except MlflowException:
        return None
    return None


def load_scoring_model(model_uri: str) -> Any:
    """Load the pyfunc model, with a message that says what to do when there is none."""
    import mlflow
    from mlflow.exceptions import MlflowException

    try:
        return mlflow.pyfunc.load_model(model_uri)
    except (MlflowException, OSError) as exc:
        hint = ("train one with `faultline train` (a model becomes champion when it beats "
                "the current one on validation F1)" if "@" in model_uri else
                "check the URI (models:/faultline@champion, models:/faultline/3, runs:/...)")
        raise ValueError(f"cannot load model {model_uri}: {type(exc).__name__}; {hint}"
                         ) from None


@audited_api("write", "episodes")
def score_store(
    store: Any = None,
    *,
    db: str | os.PathLike[str] | None = None,
    model_uri: str = "models:/faultline@champion",
    start: Any = None,
    end: Any = None,
    parquet: str | os.PathLike[str] | None = None,
    chunk_minutes: int | None = None,
    tracking_uri: str | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ScoreResult:
    """Score ``feat_model_input`` over ``[start, end)`` and write the ``anomalies`` table.

    Parameters
    ----------
    store : features.store.Store, optional
        An open writable store; by default ``db`` (or ``$FAULTLINE_DB``) is opened.
    db : path, optional
    model_uri : str
        Any MLflow model URI of a faultline pyfunc model.
    start, end : datetime or str, optional
        Minutes to score (naive UTC, end exclusive); default all feature minutes.
    parquet : path, optional
        Also write the scored rows to this Parquet file.
    chunk_minutes : int, optional
        Minutes read and scored at a time (bounds memory; progress per chunk); default
        about 250,000 rows' worth (a week at most, an hour at least).
    tracking_uri, models_dir
        Where the registry is (see :func:`anomaly.tracking.configure_tracking`).
    on_progress : callable, optional
        Called as ``on_progress(chunks_done, chunks_total)``.

    Returns
    -------
    ScoreResult
    """
    import numpy as np

    from anomaly.model import INPUT_COLUMNS
    from anomaly.tracking import configure_tracking
    from features.store import Store

    began = time.perf_counter()
    if model_uri.startswith(("models:/", "runs:/")):
        configure_tracking(tracking_uri, models_dir=models_dir)
    model = load_scoring_model(model_uri)
    version = _resolve_version(model_uri)
    window = int((model.metadata.metadata or {}).get("window", 1))
    own = store is None
    if own:
        store = Store.open(db)
    parquet_path = Path(parquet) if parquet is not None else None
    writer = None
    tmp_parquet = None
    n_rows = n_anomalies = 0
    scoring_seconds = 0.0
    try:
        if "feat_model_input" not in store.tables():
            raise ValueError("feat_model_input has not been built in this store; run "
                             "`faultline features` first")
        lo, hi = store.con.execute(
            "SELECT min(minute), max(minute) FROM feat_model_input").fetchone()
        if lo is None:
            return ScoreResult(model_uri, version, None, None, 0, 0,
                               time.perf_counter() - began, 0.0, None)
        first = pd.Timestamp(start).floor("min") if start is not None else pd.Timestamp(lo)
        stop = (pd.Timestamp(end).ceil("min") if end is not None
                else pd.Timestamp(hi) + pd.Timedelta(minutes=1))
        if first.tzinfo is not None:
            first = first.tz_convert("UTC").tz_localize(None)
        if stop.tzinfo is not None:
            stop = stop.tz_convert("UTC").tz_localize(None)
        if stop <= first:
            raise ValueError(f"nothing to score: the range {first} to {stop} is empty")
        if chunk_minutes is None:
            n_services = store.con.execute(
                "SELECT count(DISTINCT service) FROM feat_model_input").fetchone()[0]
            chunk_minutes = int(np.clip(250_000 // max(n_services, 1), 60, 10_080))
        chunks = list(time_chunks(first, stop, minutes=chunk_minutes))
        scored_at = pd.Timestamp.now(tz="UTC").tz_localize(None).floor("s")
        context = pd.Timedelta(minutes=max(window - 1, 0))
        with store.transaction() as con:
            con.execute(ANOMALIES_DDL)
            con.execute("DELETE FROM anomalies WHERE component IS NULL AND minute >= ? "
                        "AND minute < ?", [first.to_pydatetime(), stop.to_pydatetime()])
            present = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_catalog = current_database() AND table_name = 'feat_model_input'"
            ).fetchall()}
            columns = [c for c in INPUT_COLUMNS if c in present]
            # only the columns the model reads; names come from the model, not from input
            query = ("SELECT " + ", ".join(f'"{c}"' for c in columns) + " FROM feat_model_input "
                     "WHERE minute >= ? AND minute < ? ORDER BY service, minute")
            for i, (a, b) in enumerate(chunks):
                rows = con.execute(query, [(a - context).to_pydatetime(),
                                           b.to_pydatetime()]).df()
                if len(rows):
                    frame = rows.astype({c: "float64" for c in columns[2:]})
                    t0 = time.perf_counter()
                    out = _predict(model, frame)
                    scoring_seconds += time.perf_counter() - t0
                    out = out[(out["minute"] >= a).to_numpy()].reset_index(drop=True)
                    out.insert(1, "component", pd.Series([None] * len(out), dtype="string"))
                    out["model_uri"] = model_uri
                    out["model_version"] = version
                    out["scored_at"] = scored_at
                    con.register("_faultline_scored", out)
                    try:
                        con.execute("INSERT INTO anomalies BY NAME SELECT * FROM _faultline_scored")
                    finally:
                        con.unregister("_faultline_scored")
                    n_rows += len(out)
                    n_anomalies += int(np.sum(out["is_anomaly"].to_numpy()))
                    if parquet_path is not None:
                        writer, tmp_parquet = _append_parquet(out, parquet_path, writer)
                if on_progress is not None:
                    on_progress(i + 1, len(chunks))
        if writer is not None:
            writer.close()
            writer = None
            os.replace(tmp_parquet, parquet_path)
        elif parquet_path is not None:
            raise ValueError("no feature rows in the range, so no Parquet file was written")
    finally:
        if writer is not None:
            writer.close()
        if tmp_parquet is not None and tmp_parquet.exists():
            tmp_parquet.unlink()
        if own:
            store.close()
    return ScoreResult(model_uri, version, first, stop, n_rows, n_anomalies,
                       time.perf_counter() - began, scoring_seconds, parquet_path)


def _predict(model: Any, frame: pd.DataFrame) -> pd.DataFrame:
    """Score with the loaded model: a faultline model's own validated path, else pyfunc."""
    from anomaly.pyfunc import FaultlineModel, minute_text

    inner = model.unwrap_python_model() if hasattr(model, "unwrap_python_model") else None
    if isinstance(inner, FaultlineModel) and inner.scorer is not None:
        out = inner.score_frame(frame)
    else:
        out = model.predict(frame.assign(minute=minute_text(frame["minute"]).to_numpy()))
    minute = pd.to_datetime(out["minute"], utc=True, format="ISO8601")
    return out.assign(minute=minute.dt.tz_localize(None))


def _append_parquet(frame: pd.DataFrame, path: Path, writer: Any) -> tuple[Any, Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.partial")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    if writer is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = pq.ParquetWriter(tmp, table.schema)
    writer.write_table(table.cast(writer.schema))
    return writer, tmp
