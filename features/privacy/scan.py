"""``privacy-scan``: prove that nothing personal reached the disk.

Scans what faultline writes, with the same detectors and key-name rules the
anonymizer uses: DuckDB files (every text, JSON, nested and large-integer column
of every table), Parquet, JSON and JSONL (also gzipped), CSV, HTML, Markdown and
other text, SQLite files (MLflow's tracking store), MLflow run directories
(params, tags, artifacts) and, for any other binary file, its printable strings.
Findings name the file, the location (``table.column``, a JSON path, ``line N``)
and the kind, with a count, never the value.

Examples
--------
>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "out.jsonl").write_text(json.dumps({"message": "mail ada@example.com",
...                                               "user_id": "<user_id:k9a4b:737f3632e152>"}) + "\\n")
>>> [(f.location, f.kind, f.count) for f in scan_paths([d])]
[('$.message', 'email', 1)]
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from features.privacy.checks import card_issuer_matches, is_luhn_valid
from features.privacy.detectors import (
    cookie_spans,
    find_spans,
    has_hint,
    is_neutral,
    role_kind,
)
from features.privacy.keys import ROLE_CLASSES, child_class, classify_key, looks_random

__all__ = ["Finding", "ScanReport", "scan_paths", "scan_report"]

_TEXT_EXT = {
    ".md", ".markdown", ".txt", ".log", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf",
    ".py", ".sql", ".rst", ".tsv", ".env", ".properties", ".out", ".err", ".prom", ".rules",
}  # fmt: skip
_HTML_EXT = {".html", ".htm", ".xml", ".svg"}
_JSON_EXT = {".json", ".ipynb"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_SKIP_EXT = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".pdf", ".woff", ".woff2"}
_SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules", ".hypothesis", ".pytest_cache"}
_PRINTABLE = re.compile(rb"[\x20-\x7e]{6,}")
_NOT_PERSONAL = (None, "id", "weak_secret", "record_key", "cookie", *ROLE_CLASSES)


@dataclass(frozen=True, order=True)
class Finding:
    """Personal or secret data found on disk: where and what, never the value.

    Attributes
    ----------
    path : str
        The file.
    location : str
        ``table.column`` (DuckDB, SQLite), ``column`` (Parquet, CSV), a JSON path
        such as ``$.attributes.email``, ``line N`` for text, ``strings`` for
        binary files, or ``file`` when the file could not be read.
    kind : str
        A detector kind (``email``, ``card``...) or ``unreadable``.
    count : int
        How many values of that kind at that location.
    """

    path: str
    location: str
    kind: str
    count: int


@dataclass
class ScanReport:
    """Findings plus what was looked at."""

    findings: list[Finding] = field(default_factory=list)
    files_scanned: int = 0
    values_scanned: int = 0
    skipped: list[str] = field(default_factory=list)


def _kinds(text: str, cls: str | None) -> list[str]:
    if cls is None or cls == "id":
        if not has_hint(text):
            return []
        return [s.kind for s in find_spans(text, identifiers=cls == "id")]
    if cls == "record_key":
        # the anonymizer tokenizes every record key; a "key" column written by another
        # stage (a template id, a hash) is judged by what is in it, not by its name
        return [s.kind for s in find_spans(text)] if has_hint(text) else []
    if cls == "weak_secret":
        if looks_random(text) and not is_neutral(text):
            return ["secret"]
        return [s.kind for s in find_spans(text)]
    if cls == "cookie":
        return ["cookie"] * len(cookie_spans(text)) + [s.kind for s in find_spans(text)]
    if cls in ROLE_CLASSES:
        kind = role_kind(cls, text)
        if kind is not None:
            return [kind]
        return [s.kind for s in find_spans(text)] if has_hint(text) else []
    if is_neutral(text):
        return []
    return [cls]


class _Collector:
    def __init__(self) -> None:
        self.hits: Counter[tuple[str, str, str]] = Counter()
        self.values = 0
        self._seen: dict[tuple[str | None, str], tuple[str, ...]] = {}

    def text(self, path: str, location: str, text: str, cls: str | None = None, times: int = 1) -> None:
        self.values += times
        key = (cls, text)
        kinds = self._seen.get(key)
        if kinds is None:
            kinds = tuple(_kinds(text, cls))
            if len(self._seen) < 200_000:
                self._seen[key] = kinds
        for k in kinds:
            self.hits[(path, location, k)] += times

    def value(self, path: str, location: str, value: Any, cls: str | None, parent: str | None) -> None:
        """Walk any decoded JSON-like value."""
        if value is None or isinstance(value, bool):
            return
        if isinstance(value, str):
            self.text(path, location, value, cls)
        elif isinstance(value, dict):
            for k, v in value.items():
                name = str(k)
                self.text(path, f"{location}.{name} (key)", name)
                self.value(path, f"{location}.{name}", v, child_class(name, parent, cls), name)
        elif isinstance(value, (list, tuple)):
            for v in value:
                self.value(path, f"{location}[*]", v, cls, parent)
        elif isinstance(value, int):
            self.number(path, location, value, cls)
        elif isinstance(value, float):
            if cls not in _NOT_PERSONAL:
                self.hits[(path, location, cls)] += 1
        else:
            self.text(path, location, str(value), cls)

    def number(self, path: str, location: str, value: int, cls: str | None, times: int = 1) -> None:
        self.values += times
        if cls not in _NOT_PERSONAL:
            self.hits[(path, location, cls)] += times
        elif cls is None and 10**11 <= abs(value) < 10**19:
            digits = str(abs(value))
            if card_issuer_matches(digits) and is_luhn_valid(digits):
                self.hits[(path, location, "card")] += times

    def findings(self) -> list[Finding]:
        return sorted(Finding(p, loc, k, n) for (p, loc, k), n in self.hits.items())


# --- file kinds ------------------------------------------------------------------


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _magic(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except OSError:
        return b""


def _scan_jsonl(c: _Collector, path: Path) -> None:
    p = str(path)
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                c.text(p, f"line {n}", line)
                continue
            c.value(p, "$", obj, None, None)


def _scan_json(c: _Collector, path: Path) -> None:
    p = str(path)
    try:
        with _open_text(path) as fh:
            obj = json.load(fh)
    except json.JSONDecodeError:
        _scan_jsonl(c, path)  # JSON lines saved as .json
        return
    c.value(p, "$", obj, None, None)


def _scan_csv(c: _Collector, path: Path) -> None:
    p = str(path)
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        for name in header:
            c.text(p, f"{name} (column name)", name)
        classes = [classify_key(h) for h in header]
        for row in reader:
            for i, v in enumerate(row):
                if not v:
                    continue
                name = header[i] if i < len(header) else f"column_{i + 1}"
                cls = classes[i] if i < len(classes) else None
                c.text(p, name, v, cls)


def _scan_text(c: _Collector, path: Path, *, is_html: bool = False) -> None:
    p = str(path)
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if is_html:
                line = html.unescape(line)
            if line.strip():
                c.text(p, f"line {n}", line.rstrip("\r\n"))


def _scan_strings(c: _Collector, path: Path) -> None:
    p = str(path)
    with open(path, "rb") as fh:
        tail = b""
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            data = tail + chunk
            cut = max(data.rfind(b"\x00"), len(data) - 4096)
            for m in _PRINTABLE.finditer(data, 0, cut):
                c.text(p, "strings", m.group().decode("ascii"))
            tail = data[cut:]
        for m in _PRINTABLE.finditer(tail):
            c.text(p, "strings", m.group().decode("ascii"))


def _scan_parquet(c: _Collector, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = str(path)
    pf = pq.ParquetFile(path)
    for name in pf.schema_arrow.names:
        c.text(p, f"{name} (column name)", name)
    for batch in pf.iter_batches(batch_size=65536):
        for name, col in zip(batch.schema.names, batch.columns, strict=True):
            t = col.type
            cls = classify_key(name)
            if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
                counts = Counter(v for v in col.to_pylist() if v is not None)
                for v, n in counts.items():
                    c.text(p, name, v, cls, n)
            elif pa.types.is_integer(t):
                for v in col.to_pylist():
                    if v is not None:
                        c.number(p, name, v, cls)
            elif pa.types.is_nested(t) or pa.types.is_dictionary(t):
                for v in col.to_pylist():
                    c.value(p, name, v, cls, name)


def _quote(ident: str) -> str:
    return '"' + ident.replace('"', '""') + '"'


def _scan_duckdb(c: _Collector, path: Path) -> None:
    import duckdb

    p = str(path)
    tmp: str | None = None
    try:
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.IOException:
            # locked by a writer: scan a copy
            fd, tmp = tempfile.mkstemp(suffix=".duckdb")
            os.close(fd)
            shutil.copyfile(path, tmp)
            con = _connect_any(Path(tmp))
        except duckdb.Error as exc:
            if "key" not in str(exc).lower() and "encrypt" not in str(exc).lower():
                raise
            con = _connect_any(path)
        try:
            _scan_duckdb_tables(c, con, p)
        finally:
            con.close()
    finally:
        if tmp is not None:
            for f in (tmp, tmp + ".wal"):
                if os.path.exists(f):
                    os.remove(f)


def _connect_any(path: Path) -> Any:
    """A read-only connection to a DuckDB file, encrypted ones included (with the
    store's key from ``FAULTLINE_DB_KEY`` / ``FAULTLINE_DB_KEY_FILE``)."""
    import duckdb

    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        if "key" not in str(exc).lower() and "encrypt" not in str(exc).lower():
            raise
    from features.store import Store

    return _StoreConnection(Store.open(path, read_only=True))


class _StoreConnection:
    """The store's connection, closed with the store."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def execute(self, *args: Any) -> Any:
        return self._store.con.execute(*args)

    def close(self) -> None:
        self._store.close()


def _scan_duckdb_tables(c: _Collector, con: Any, p: str) -> None:
    rows = con.execute(
        "SELECT c.table_schema, c.table_name, c.column_name, c.data_type "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema "
        "AND c.table_name = t.table_name "
        "WHERE t.table_type = 'BASE TABLE' ORDER BY 1, 2, c.ordinal_position"
    ).fetchall()
    for schema, table, column, dtype in rows:
        where = f"{table}.{column}" if schema == "main" else f"{schema}.{table}.{column}"
        c.text(p, f"{table} (table name)", table)
        c.text(p, f"{where} (column name)", column)
        cls = classify_key(column)
        src = f"{_quote(schema)}.{_quote(table)}"
        col = _quote(column)
        upper = dtype.upper()
        if upper in ("VARCHAR", "JSON") or re.fullmatch(r"VARCHAR\(\d+\)", upper):
            cur = con.execute(f"SELECT {col}, count(*) FROM {src} WHERE {col} IS NOT NULL GROUP BY 1")
            while batch := cur.fetchmany(10000):
                for v, n in batch:
                    if not isinstance(v, str):
                        c.value(p, where, v, cls, column)
                        continue
                    if upper == "JSON":
                        try:
                            c.value(p, where, json.loads(v), cls, column)
                            continue
                        except json.JSONDecodeError:
                            pass
                    c.text(p, where, v, cls, n)
        elif upper in ("BIGINT", "HUGEINT", "UBIGINT", "UHUGEINT", "INTEGER", "DECIMAL(38,0)"):
            cond = f"abs({col}) >= 100000000000" if cls in _NOT_PERSONAL else f"{col} IS NOT NULL"
            cur = con.execute(f"SELECT {col}, count(*) FROM {src} WHERE {cond} GROUP BY 1")
            while batch := cur.fetchmany(10000):
                for v, n in batch:
                    c.number(p, where, int(v), cls, n)
        elif any(t in upper for t in ("STRUCT", "MAP", "[]", "UNION")):
            cur = con.execute(f"SELECT to_json({col})::VARCHAR FROM {src} WHERE {col} IS NOT NULL")
            while batch := cur.fetchmany(10000):
                for (v,) in batch:
                    c.value(p, where, json.loads(v), cls, column)


def _scan_sqlite(c: _Collector, path: Path) -> None:
    p = str(path)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({_quote(table)})")]
            if "key" in cols and "value" in cols:
                # a key-value table (MLflow params, tags, metrics): the key column holds
                # names, and each value is judged by the name beside it
                cur = con.execute(
                    f"SELECT key, value, count(*) FROM {_quote(table)} GROUP BY 1, 2"
                )
                while batch := cur.fetchmany(10000):
                    for k, v, n in batch:
                        if isinstance(k, str):
                            c.text(p, f"{table}.key", k, None, n)
                        if isinstance(v, str):
                            c.text(p, f"{table}.value", v,
                                   classify_key(k) if isinstance(k, str) else None, n)
                        elif isinstance(v, int) and not isinstance(v, bool):
                            c.number(p, f"{table}.value", v, None, n)
                cols = [col for col in cols if col not in ("key", "value")]
            for column in cols:
                cls = classify_key(column)
                cur = con.execute(
                    f"SELECT {_quote(column)}, count(*) FROM {_quote(table)} "
                    f"WHERE {_quote(column)} IS NOT NULL GROUP BY 1"
                )
                while batch := cur.fetchmany(10000):
                    for v, n in batch:
                        if isinstance(v, str):
                            c.text(p, f"{table}.{column}", v, cls, n)
                        elif isinstance(v, int) and not isinstance(v, bool):
                            c.number(p, f"{table}.{column}", v, cls, n)
                        elif isinstance(v, bytes):
                            for m in _PRINTABLE.finditer(v):
                                c.text(p, f"{table}.{column}", m.group().decode("ascii"), cls, n)
    finally:
        con.close()


def _dispatch(c: _Collector, path: Path, report: ScanReport) -> None:
    suffix = _inner_suffix(path)
    magic = _magic(path)
    if path.suffix.lower() in _SKIP_EXT:
        report.skipped.append(str(path))
        return
    if magic[8:12] == b"DUCK" or suffix in (".duckdb", ".ddb"):
        _scan_duckdb(c, path)
    elif magic.startswith(b"SQLite format 3"):
        _scan_sqlite(c, path)
    elif magic.startswith(b"PAR1") or suffix == ".parquet":
        _scan_parquet(c, path)
    elif suffix in _JSONL_EXT:
        _scan_jsonl(c, path)
    elif suffix in _JSON_EXT:
        _scan_json(c, path)
    elif suffix == ".csv":
        _scan_csv(c, path)
    elif suffix in _HTML_EXT:
        _scan_text(c, path, is_html=True)
    elif suffix in _TEXT_EXT or _is_text(path):
        _scan_text(c, path)
    else:
        _scan_strings(c, path)
    report.files_scanned += 1


def _is_text(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a multi-byte character cut at the edge
    return True


def _walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
                for name in sorted(filenames):
                    if name.endswith((".wal", ".lock")):
                        continue
                    yield Path(dirpath) / name
        else:
            yield root


def scan_report(paths: Iterable[str | os.PathLike[str]]) -> ScanReport:
    """Scan files and directories; return findings and what was scanned.

    A path that does not exist, or a file that cannot be read (an encrypted
    DuckDB file, a corrupt Parquet file), is reported as kind ``unreadable``:
    a scan that could not look is not a clean scan.
    """
    report = ScanReport()
    c = _Collector()
    for path in _walk(paths):
        if not path.exists():
            c.hits[(str(path), "file", "unreadable")] += 1
            continue
        try:
            _dispatch(c, path, report)
        except Exception as exc:  # noqa: BLE001 - any failure to read is a finding
            c.hits[(str(path), f"file ({type(exc).__name__})", "unreadable")] += 1
    report.findings = c.findings()
    report.values_scanned = c.values
    return report


def scan_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Finding]:
    """Scan files and directories for personal or secret data.

    Parameters
    ----------
    paths : iterable of str or Path
        Files or directories (walked recursively).

    Returns
    -------
    list of Finding
        Sorted; empty when nothing was found.
    """
    return scan_report(paths).findings
