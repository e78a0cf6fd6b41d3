"""Find input files, tell their kind and format, and read them in bounded chunks.

A folder is read by file name (``events*``, ``requests*``, ``spans*``,
``deployments*``, ``incidents*`` with a ``.jsonl``, ``.jsonl.gz``, ``.ndjson``,
``.json``, ``.parquet`` or ``.csv`` ending, and ``catalog.yaml``); a JSON file whose
first record has a ``resourceLogs`` or ``resourceSpans`` top level is OTLP/JSON as the
OpenTelemetry Collector's file exporter writes it, whatever its name.

Readers never hold more than one chunk in memory. Every chunk carries the 1-based
line (or row) number of each record, so a rejected record can be named exactly.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "events-01.jsonl").write_text('{"a": 1}\\n\\n{"a": 2}\\n')
>>> [(s.kind, s.fmt) for s in discover([d])]
[('events', 'jsonl')]
>>> chunk = next(read_lines(d / "events-01.jsonl", chunk_rows=10))
>>> chunk.line_nos, chunk.texts
([1, 2, 3], ['{"a": 1}', '', '{"a": 2}'])
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

__all__ = [
    "KINDS",
    "LineChunk",
    "RecordChunk",
    "Source",
    "classify",
    "discover",
    "read_csv_records",
    "read_lines",
    "read_parquet_records",
]

KINDS = ("events", "requests", "spans", "deployments", "incidents")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".json.gz": "jsonl",
    ".parquet": "parquet",
    ".csv": "csv",
    ".csv.gz": "csv",
}


@dataclass(frozen=True)
class Source:
    """One input file and how to read it.

    Attributes
    ----------
    path : Path
        The file.
    kind : str
        ``events``, a companion kind, ``catalog``, or ``otlp`` (logs and traces).
    fmt : str
        ``jsonl``, ``parquet``, ``csv``, ``yaml`` or ``otlp``.
    """

    path: Path
    kind: str
    fmt: str


@dataclass
class LineChunk:
    """Raw text lines with their 1-based line numbers (JSON lines inputs).

    ``undecodable`` holds the numbers of lines that were not valid UTF-8; their
    text is ``None``.
    """

    line_nos: list[int]
    texts: list[str | None]
    undecodable: list[int] = field(default_factory=list)


@dataclass
class RecordChunk:
    """Parsed records (dicts) with their 1-based row numbers, plus rows that could
    not be read at all as ``(row_no, reason)``."""

    line_nos: list[int]
    records: list[dict[str, Any]]
    unreadable: list[tuple[int, str]] = field(default_factory=list)


def _suffix_format(name: str) -> str | None:
    lowered = name.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def _open_text(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it


def _is_otlp(path: Path) -> bool:
    """Whether the first non-blank line is an OTLP/JSON export request."""
    try:
        with _open_text(path) as fh:
            for raw in fh:
                if raw.strip():
                    head = raw[:4096].decode("utf-8", errors="replace")
                    return '"resourceLogs"' in head or '"resourceSpans"' in head
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    return False


def classify(path: Path) -> Source | None:
    """The :class:`Source` for one file, or None when faultline does not read it.

    Examples
    --------
    >>> classify(Path("in/spans.2026-03-01.parquet"))
    Source(path=PosixPath('in/spans.2026-03-01.parquet'), kind='spans', fmt='parquet')
    >>> classify(Path("in/notes.txt")) is None
    True
    """
    name = path.name
    lowered = name.lower()
    if lowered in ("catalog.yaml", "catalog.yml"):
        return Source(path, "catalog", "yaml")
    fmt = _suffix_format(name)
    if fmt is None:
        return None
    if fmt == "jsonl" and path.exists() and _is_otlp(path):
        return Source(path, "otlp", "otlp")
    for kind in KINDS:
        if lowered.startswith(kind):
            return Source(path, kind, fmt)
    return None


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """The readable inputs under ``paths`` (files or folders, folders recursively).

    A file named on the command line must be readable by faultline; files in a
    folder that faultline does not read are skipped. The catalog comes first (it
    feeds the validation of ``service``), then companions, then events, each group
    in name order.

    Raises
    ------
    FileNotFoundError
        A path does not exist.
    ValueError
        A file given directly has a name faultline cannot classify.
    """
    found: list[Source] = []
    for p in map(Path, paths):
        if not p.exists():
            raise FileNotFoundError(f"input path {p} does not exist")
        if p.is_dir():
            for child in sorted(x for x in p.rglob("*") if x.is_file()):
                src = classify(child)
                if src is not None:
                    found.append(src)
        else:
            src = classify(p)
            if src is None:
                raise ValueError(
                    f"cannot tell what {p.name} holds: name it events*, requests*, spans*, "
                    "deployments* or incidents* with a .jsonl, .jsonl.gz, .parquet or .csv "
                    "ending, catalog.yaml, or give OTLP/JSON (resourceLogs/resourceSpans)"
                )
            found.append(src)
    order = {"catalog": 0, "deployments": 1, "incidents": 2, "requests": 3, "spans": 4,
             "otlp": 5, "events": 6}
    unique = {s.path.resolve(): s for s in found}
    return sorted(unique.values(), key=lambda s: (order[s.kind], str(s.path)))


def read_lines(path: Path, *, chunk_rows: int = 100_000) -> Iterator[LineChunk]:
    """Yield the lines of a (possibly gzipped) text file, ``chunk_rows`` at a time.

    Line endings (``\\n`` or ``\\r\\n``) are removed; a final line without a newline
    counts; a trailing newline does not add an empty line. Lines that are not UTF-8
    are reported in ``undecodable``.
    """
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be at least 1, got {chunk_rows}")
    with _open_text(path) as fh:
        nos: list[int] = []
        texts: list[str | None] = []
        bad: list[int] = []
        for line_no, raw in enumerate(fh, start=1):
            if raw.endswith(b"\n"):
                raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
            try:
                texts.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(None)
                bad.append(line_no)
            nos.append(line_no)
            if len(nos) >= chunk_rows:
                yield LineChunk(nos, texts, bad)
                nos, texts, bad = [], [], []
        if nos:
            yield LineChunk(nos, texts, bad)


def read_parquet_records(path: Path, *, chunk_rows: int = 100_000) -> Iterator[RecordChunk]:
    """Yield the rows of a Parquet file as dicts, one row group slice at a time."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    row = 0
    for batch in pf.iter_batches(batch_size=chunk_rows):
        records = batch.to_pylist()
        nos = list(range(row + 1, row + 1 + len(records)))
        row += len(records)
        yield RecordChunk(nos, records)


def read_csv_records(path: Path, *, chunk_rows: int = 100_000) -> Iterator[RecordChunk]:
    """Yield the data rows of a CSV file (header first) as dicts of strings.

    Row numbers count data rows from 1 (the header is not a row). Empty cells are
    treated as absent. A row with more or fewer cells than the header is reported
    as unreadable (``csv_column_count``) rather than guessed at.
    """
    with _open_text(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ValueError(f"{path.name}: the CSV header cannot be read ({type(exc).__name__})") from None
        width = len(header)
        chunk = RecordChunk([], [])
        row_no = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError:
                # the rest of the file is unreadable as text: nothing further can be
                # split into rows with confidence
                row_no += 1
                chunk.unreadable.append((row_no, "bad_encoding"))
                break
            except csv.Error:
                row_no += 1
                chunk.unreadable.append((row_no, "csv_unparseable"))
                continue
            row_no += 1
            if len(cells) != width:
                if not any(c.strip() for c in cells):
                    chunk.unreadable.append((row_no, "empty_line"))
                else:
                    chunk.unreadable.append((row_no, "csv_column_count"))
            else:
                chunk.line_nos.append(row_no)
                chunk.records.append({k: v for k, v in zip(header, cells, strict=True) if v != ""})
            if len(chunk.line_nos) + len(chunk.unreadable) >= chunk_rows:
                yield chunk
                chunk = RecordChunk([], [])
        if chunk.line_nos or chunk.unreadable:
            yield chunk


def parse_json_line(text: str | None) -> tuple[Any, str | None]:
    """Parse one JSON line; returns ``(value, None)`` or ``(None, reason)``.

    Examples
    --------
    >>> parse_json_line('{"a": 1}')
    ({'a': 1}, None)
    >>> parse_json_line('{"a": ')
    (None, 'bad_json')
    >>> parse_json_line('   ')
    (None, 'empty_line')
    """
    if text is None:
        return None, "bad_encoding"
    if not text.strip():
        return None, "empty_line"
    try:
        return json.loads(text), None
    except (json.JSONDecodeError, RecursionError):
        return None, "bad_json"
