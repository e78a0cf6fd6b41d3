"""Row validation with the Great Expectations suites shipped in ``expectations.json``.

GE runs once per chunk (tens of thousands of rows) with vectorized column-map
expectations and ``result_format="COMPLETE"``; the rows each failed expectation
names (``unexpected_index_list``) are quarantined with that expectation's
``meta.reason``. GE's result also lists the unexpected *values*: they stay in
memory and are never logged or written.

Examples
--------
>>> import pandas as pd
>>> v = Validator(catalog_services=["checkout"])
>>> frame = pd.DataFrame({
...     "timestamp": pd.to_datetime(["2026-03-01 10:00", "1999-01-01 00:00"]),
...     "service": ["checkout", "cart"], "message": ["a", "b"],
...     "severity": ["ERROR", "ERROR"], "http_status": [503, 503],
...     "trace_id": [None, None], "span_id": [None, None], "parent_span_id": [None, None],
...     "duration_ms": [1.0, 2.0]})
>>> outcome = v.validate("events", frame)
>>> outcome.failed
{1: ('timestamp_out_of_window', 'timestamp')}
>>> dict(outcome.warnings)
{'service_not_in_catalog': 1}
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import types
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

__all__ = ["SUITE_FILE", "ValidationOutcome", "Validator", "load_suites"]

SUITE_FILE = "expectations.json"
DEFAULT_NOT_BEFORE = datetime(2000, 1, 1)
DEFAULT_MAX_FUTURE = timedelta(days=1)


def load_suites() -> dict[str, list[dict[str, Any]]]:
    """The shipped suites: ``{kind: [expectation config, ...]}``."""
    text = resources.files("features.ingest").joinpath(SUITE_FILE).read_text(encoding="utf-8")
    return json.loads(text)["suites"]


@dataclass
class ValidationOutcome:
    """Rows to quarantine (position -> (reason, field)) and warning counts."""

    failed: dict[int, tuple[str, str]] = field(default_factory=dict)
    warnings: Counter[str] = field(default_factory=Counter)


class Validator:
    """Applies the shipped suites to pandas chunks.

    Parameters
    ----------
    catalog_services : sequence of str, optional
        Known services; without them the catalog-membership warning is skipped.
    not_before : datetime, optional
        Earliest plausible timestamp (naive UTC); default 2000-01-01.
    max_future : timedelta, optional
        How far past the current time a timestamp may lie; default one day (clock skew).
    """

    def __init__(
        self,
        *,
        catalog_services: list[str] | None = None,
        not_before: datetime | None = None,
        max_future: timedelta | None = None,
    ) -> None:
        self.catalog_services = catalog_services
        self.not_before = not_before
        self.max_future = max_future
        self._suites: dict[tuple[str, tuple[str, ...]], tuple[Any, list[dict[str, Any]]]] = {}

    def _params(self) -> dict[str, Any]:
        not_after = datetime.now(UTC).replace(tzinfo=None) + (self.max_future or DEFAULT_MAX_FUTURE)
        params: dict[str, Any] = {
            "not_before": self.not_before or DEFAULT_NOT_BEFORE,
            "not_after": not_after,
        }
        if self.catalog_services:
            params["catalog_services"] = sorted(set(self.catalog_services))
        return params

    def _suite(self, kind: str, columns: list[str]) -> tuple[Any, list[dict[str, Any]]]:
        _defer_unused_dependencies()
        import great_expectations as gx
        import great_expectations.expectations as gxe

        params = self._params()
        suite = gx.ExpectationSuite(name=f"faultline_{kind}")
        used: list[dict[str, Any]] = []
        for config in load_suites()[kind]:
            kwargs = dict(config["kwargs"])
            if kwargs.get("column") not in columns:
                continue
            missing = False
            for k, v in list(kwargs.items()):
                if isinstance(v, dict) and "$param" in v:
                    if v["$param"] not in params:
                        missing = True
                    else:
                        kwargs[k] = params[v["$param"]]
            if missing:
                continue
            kwargs = {k: _micros(v) if isinstance(v, datetime) else v for k, v in kwargs.items()}
            cls_name = "".join(part.title() for part in config["type"].split("_"))
            expectation = getattr(gxe, cls_name)(
                **kwargs,
                meta=config.get("meta", {}),
                severity=config.get("severity", "critical"),
            )
            suite.add_expectation(expectation)
            used.append(config)
        return suite, used

    def validate(self, kind: str, frame: Any) -> ValidationOutcome:
        """Validate one chunk (a pandas DataFrame with a 0..n-1 index).

        Returns
        -------
        ValidationOutcome
            ``failed`` maps row positions to the first failed critical expectation's
            ``(reason, column)``; ``warnings`` counts failed warning expectations by reason.
        """
        outcome = ValidationOutcome()
        if len(frame) == 0:
            return outcome
        definition = _batch_definition()
        cache_key = (kind, tuple(frame.columns))
        if cache_key not in self._suites:
            self._suites[cache_key] = self._suite(kind, list(frame.columns))
        suite, used = self._suites[cache_key]
        if not used:
            return outcome
        batch = definition.get_batch(batch_parameters={"dataframe": _checked_columns(frame, used)})
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
        for res in result.results:
            config = res.expectation_config
            if res.success:
                continue
            if res.exception_info and res.exception_info.get("raised_exception"):
                raise RuntimeError(
                    f"the Great Expectations check {config.type} on column "
                    f"{config.kwargs.get('column')!r} could not run; this is a faultline bug"
                )
            reason = (config.meta or {}).get("reason", config.type)
            column = config.kwargs.get("column")
            indices = res.result.get("unexpected_index_list") or []
            if str(getattr(config, "severity", "critical")).lower().endswith("warning"):
                outcome.warnings[reason] += len(indices)
                continue
            for idx in indices:
                outcome.failed.setdefault(int(idx), (reason, column))
        return outcome


def _micros(value: datetime) -> float:
    """A naive-UTC (or aware) datetime as microseconds since the epoch."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1.0


def _checked_columns(frame: Any, used: list[dict[str, Any]]) -> Any:
    """The columns the suite checks, with datetimes as microseconds since the epoch, and a
    column checked only for nulls as 1.0 or NaN.

    GE copies every column of the frame for each failed expectation's row list and
    compares datetimes one row at a time in Python; numbers it compares with numpy, and
    microseconds below 2**53 are exact as floats (NaT becomes NaN, which the
    between-expectations skip like a null). The suite's datetime bounds are converted
    the same way (:meth:`Validator._suite`), so the answers are the same, about three
    times faster.
    """
    import numpy as np
    import pandas as pd

    checks: dict[str, set[str]] = {}
    for cfg in used:
        checks.setdefault(cfg["kwargs"].get("column"), set()).add(cfg["type"])
    names = [c for c in frame.columns if c in checks]
    out = frame[names]
    converted = {}
    for c in names:
        col = out[c]
        if checks[c] == {"expect_column_values_to_not_be_null"}:
            # only its nulls matter (message): 1.0 or NaN in its place, so that GE does not
            # copy long strings for each failed expectation's row list
            values = np.where(col.isna().to_numpy(), np.nan, 1.0)
            converted[c] = pd.Series(values, index=frame.index, name=c)
            continue
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            col = col.dt.tz_convert("UTC").dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(col.dtype):
            values = col.to_numpy(dtype="datetime64[us]").astype(np.int64).astype(np.float64)
            values[col.isna().to_numpy()] = np.nan
            converted[c] = pd.Series(values, index=frame.index, name=c)
    return out.assign(**converted) if converted else out


# Modules Great Expectations imports when it starts, for expectations and renderers the
# shipped suites never use (KL divergence and KS tests, charts): about 90 MB of resident
# memory per process that validates (scipy.stats 59 MB, altair 28 MB), and ingest
# validates in every one of its processes.
_UNUSED_BY_SUITES = ("scipy.stats", "altair")


class _Deferred(types.ModuleType):
    """Stands in for a module in ``sys.modules`` until something reads from it; then the
    real module is imported and answers (and takes its place in ``sys.modules``)."""

    def __getattr__(self, attr: str) -> Any:
        real = self.__dict__.get("_faultline_real")
        if real is None:
            name = self.__name__
            if sys.modules.get(name) is self:
                del sys.modules[name]
            real = importlib.import_module(name)
            self.__dict__["_faultline_real"] = real
        return getattr(real, attr)


def _defer_unused_dependencies() -> None:
    """Before Great Expectations is first imported, put :class:`_Deferred` stand-ins for
    :data:`_UNUSED_BY_SUITES` (those not imported yet) in ``sys.modules``: GE binds them
    at import and never reads them while it runs the shipped suites. Anything that does
    read one gets the real module. ``FAULTLINE_EAGER_IMPORTS=1`` turns this off."""
    if "great_expectations" in sys.modules or os.environ.get("FAULTLINE_EAGER_IMPORTS") == "1":
        return
    for name in _UNUSED_BY_SUITES:
        if name not in sys.modules and importlib.util.find_spec(name.split(".")[0]) is not None:
            sys.modules[name] = _Deferred(name)


_BATCH_DEFINITION: Any = None


def ready() -> None:
    """Import Great Expectations and make this process's context now (a few seconds the
    first time), so that a worker process started ahead of its first chunk does it while
    it waits.

    Examples
    --------
    >>> ready()
    """
    _batch_definition()


def _batch_definition() -> Any:
    """One ephemeral GE context per process, with progress bars off."""
    global _BATCH_DEFINITION
    if _BATCH_DEFINITION is None:
        _defer_unused_dependencies()
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig
        from great_expectations.execution_engine import pandas_execution_engine

        # GE fingerprints every batch below HASH_THRESHOLD bytes by hashing all its rows (for
        # its Data Docs, which faultline never builds): ~2 µs per row, a fifth of validation
        if hasattr(pandas_execution_engine, "HASH_THRESHOLD"):
            pandas_execution_engine.HASH_THRESHOLD = 0
        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(
            globally=False, metric_calculations=False
        )
        source = context.data_sources.add_pandas("faultline_ingest")
        asset = source.add_dataframe_asset("chunk")
        _BATCH_DEFINITION = asset.add_batch_definition_whole_dataframe("whole_chunk")
    return _BATCH_DEFINITION
