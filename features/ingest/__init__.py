"""Ingest: raw telemetry files (or frames) into the DuckDB store, anonymized and reconciled.

``ingest(paths)`` reads JSONL, JSONL.gz, Parquet, CSV and OTLP/JSON in chunks,
normalizes rows to contract v1, validates them with the shipped Great Expectations
suites, anonymizes them through the privacy stage and writes each file in one
transaction with its lineage row. See ``docs/store.md``.
"""

from features.ingest.pipeline import FileResult, IngestReport, ingest
from features.ingest.readers import Source, discover
from features.ingest.sampling import Sampling

__all__ = ["FileResult", "IngestReport", "Sampling", "Source", "discover", "ingest"]
