"""Input validation of the pyfunc wrapper: clear errors, INVALID_PARAMETER_VALUE, no values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:mlflow.*")

SECRET = "user-4711@example.com"  # a value that must never come back in an error


def _rows(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({
        "service": ["api"] * n,
        "minute": [f"2026-03-02T10:0{i}:00Z" for i in range(n)],
        "count_errors": [0, 1, 2][:n],
        "requests": [100.0] * n,
    })


def _error(model_input: object) -> str:
    from mlflow.exceptions import MlflowException
    from mlflow.protos.databricks_pb2 import INVALID_PARAMETER_VALUE, ErrorCode

    from anomaly.pyfunc import validate_input

    with pytest.raises(MlflowException) as info:
        validate_input(model_input)
    assert info.value.error_code == ErrorCode.Name(INVALID_PARAMETER_VALUE)
    message = info.value.message
    assert SECRET not in message
    return message


def test_valid_rows_come_back_clean() -> None:
    from anomaly.pyfunc import validate_input

    out = validate_input(_rows())
    assert out["count_errors"].dtype == "float64"
    assert out["minute"].iloc[1] == pd.Timestamp("2026-03-02 10:01")
    # a list of records works too, and offsets are turned into UTC
    rec = validate_input([{"service": "a", "minute": "2026-03-02T12:00:00+02:00",
                           "count_errors": 1}])
    assert rec["minute"].iloc[0] == pd.Timestamp("2026-03-02 10:00")


@pytest.mark.parametrize("payload", [None, [], pd.DataFrame(), _rows().iloc[:0]])
def test_empty_payload(payload: object) -> None:
    assert "empty payload" in _error(payload)


def test_missing_column_names_it_and_what_is_expected() -> None:
    message = _error(_rows().drop(columns="count_errors"))
    assert "lacks required columns ['count_errors']" in message
    assert "'service', 'minute', 'count_errors'" in message


def test_wrong_types_are_counted_not_echoed() -> None:
    rows = _rows().astype({"count_errors": object})
    rows.loc[1, "count_errors"] = SECRET
    assert "column 'count_errors' must be a number; 1 of 3 rows" in _error(rows)
    rows = _rows()
    rows.loc[2, "minute"] = SECRET
    assert "column 'minute' must be a timestamp" in _error(rows)
    rows = _rows().astype({"service": object})
    rows.loc[0, "service"] = None
    assert "column 'service' must be a non-empty string" in _error(rows)
    rows = _rows()
    rows.loc[0, "count_errors"] = -1
    assert "cannot be negative" in _error(rows)
    rows = _rows()
    rows["count_errors"] = [np.nan, 1.0, 2.0]
    assert "1 of 3 rows are missing" in _error(rows)


def test_signature_lists_required_and_optional_columns() -> None:
    from anomaly.model import INPUT_COLUMNS, REQUIRED_COLUMNS
    from anomaly.pyfunc import model_signature

    inputs = model_signature().inputs
    assert inputs.input_names() == list(INPUT_COLUMNS)
    assert [c.name for c in inputs.inputs if c.required] == list(REQUIRED_COLUMNS)
