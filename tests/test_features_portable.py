"""Every feature file transpiles to Spark SQL, with functions Spark knows."""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from features.build import load_models, spark_sql

MODELS = load_models()
# Functions with no Spark counterpart, per model. Keep this list honest and short.
SPARK_GAPS = {"feat_baseline_minute": {"MAD"}}
# Spark SQL functions sqlglot reads back as unknown: PERCENTILE and XXHASH64 (written by
# spark_sql), TIMESTAMP_MICROS (Spark 3.1+; sqlglot writes it for DuckDB's make_timestamp)
SPARK_ONLY_FUNCTIONS = {"PERCENTILE", "XXHASH64", "TIMESTAMP_MICROS"}


@pytest.mark.parametrize("model", MODELS, ids=[m.name for m in MODELS])
def test_transpiles_to_spark(model):
    text = spark_sql(model)
    tree = sqlglot.parse_one(text, read="spark")  # Spark SQL that parses as Spark SQL
    unknown = {a.name.upper() for a in tree.find_all(exp.Anonymous)} - SPARK_ONLY_FUNCTIONS
    assert unknown == SPARK_GAPS.get(model.name, set())
    upper = tree.sql(dialect="spark", comments=False).upper()
    for construct in ("DATE_BIN", "TIME_BUCKET", "PERCENTILE_CONT(", "GENERATE_SERIES", "$RANGE",
                      "MATERIALIZED"):
        assert construct not in upper, f"{model.name}: {construct} does not run on Spark"
    assert ":RANGE_START" in upper and ":RANGE_END" in upper


def test_plain_sqlglot_transpile_raises_nothing():
    for model in MODELS:
        sqlglot.transpile(model.sql, read="duckdb", write="spark",
                          unsupported_level=sqlglot.ErrorLevel.RAISE)


def test_unknown_model_name_is_explained():
    with pytest.raises(ValueError, match="features are"):
        spark_sql("feat_nope")
