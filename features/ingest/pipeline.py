"""``ingest()``: files or frames in, reconciled anonymized rows in the store.

Per file, in one DuckDB transaction together with its lineage row: read in chunks →
normalize to contract v1 → validate (Great Expectations) → anonymize (privacy
stage) → quarantine what failed (anonymized content only) → drop duplicates (same
``event_id``, or content hash, in this file or any earlier batch) → optional
sampling → insert. A file whose sha256 is already committed is skipped; a file
interrupted mid-way leaves nothing and is done again on the next run.

Every input row ends as exactly one of accepted, quarantined or duplicate, and the
lineage row's counts add up to ``count_input``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from features.contract import CONTRACT_VERSION
from features.governance.roles import audited_api
from features.ingest.catalog import catalog_rows, read_catalog
from features.ingest.chunks import Prepared, RawChunk, prepare, prepare_in_worker
from features.ingest.normalize import Normalizer
from features.ingest.readers import (
    LineChunk,
    Source,
    discover,
    read_csv_records,
    read_lines,
    read_parquet_records,
)
from features.ingest.sampling import Sampling
from features.ingest.validation import Validator
from features.workers import lean_malloc

__all__ = ["FileResult", "IngestReport", "ingest"]

_TABLE_FOR_KIND = {"events": "events", "requests": "requests", "spans": "spans",
                   "deployments": "deployments", "incidents": "incidents"}


@dataclass
class FileResult:
    """What happened to one input (a lineage row, as returned to the caller)."""

    source_path: str
    kind: str
    batch_id: str | None
    status: str  # committed | already_ingested
    count_input: int = 0
    count_accepted: int = 0
    count_quarantined: int = 0
    count_duplicate: int = 0
    count_sampled_out: int = 0
    notes: dict[str, int] = field(default_factory=dict)

    @property
    def is_reconciled(self) -> bool:
        """Whether input = accepted + quarantined + duplicate."""
        return self.count_input == (
            self.count_accepted + self.count_quarantined + self.count_duplicate
        )


@dataclass
class IngestReport:
    """The outcome of one :func:`ingest` call, file by file."""

    files: list[FileResult] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        """Sums of the counts over all files."""
        keys = ("count_input", "count_accepted", "count_quarantined", "count_duplicate",
                "count_sampled_out")
        return {k: sum(getattr(f, k) for f in self.files) for k in keys}

    @property
    def is_reconciled(self) -> bool:
        """Whether every file reconciles."""
        return all(f.is_reconciled for f in self.files)


def _faultline_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("faultline")
    except PackageNotFoundError:
        return "0+unknown"


def _digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            h.update(block)
            size += len(block)
    return size, h.hexdigest()


def _default_anonymizer() -> Any:
    try:
        from features.privacy import Anonymizer, Policy
    except ImportError as exc:
        raise RuntimeError(
            "ingest needs the privacy stage (features.privacy.Anonymizer) to anonymize rows "
            "before they are written; it is not importable in this installation"
        ) from exc
    return Anonymizer(policy=Policy.load())


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# files smaller than this are done in-process: starting worker processes (each imports
# Great Expectations, DuckDB and polars) costs more than it saves below about 30,000 events
_PARALLEL_MIN_BYTES = 32 << 20


@dataclass
class _Pending:
    """A chunk read and not yet committed: its raw rows, the worker's task once handed
    out, and the prepared chunk once made here."""

    raw: RawChunk
    future: Any
    done: Prepared | None = None


class _Run:
    """State shared by the files of one ingest call."""

    def __init__(self, store: Any, anonymizer: Any, sampling: Sampling | None,
                 chunk_rows: int, on_progress: Callable[[str, int], None] | None,
                 jobs: int = 1, pool: Any = None) -> None:
        self.store = store
        self.anonymizer = anonymizer
        self.sampling = sampling
        self.chunk_rows = chunk_rows
        self.on_progress = on_progress
        self.jobs = jobs
        self._pool: Any = pool  # started by ingest() when a file is large enough
        self.normalizer = Normalizer(threads=1 if jobs > 1 else None)
        # ingest reports its own progress; DuckDB's bar would interleave with it
        import duckdb

        # inside Jupyter without ipywidgets DuckDB refuses this setting (its bar is off
        # there anyway)
        with contextlib.suppress(duckdb.Error):
            store.con.execute("SET enable_progress_bar = false")
        policy = getattr(anonymizer, "policy", None)
        self.policy_version = str(getattr(policy, "version", "")) or None
        self.policy_hash = str(getattr(policy, "hash", "")) or None
        self.version = _faultline_version()
        services = [r[0] for r in store.con.execute("SELECT service FROM services").fetchall()]
        self._set_catalog(services)

    def _set_catalog(self, services: list[str]) -> None:
        self.services = tuple(services) or None
        self.validator = Validator(catalog_services=services or None)

    # -- worker processes -------------------------------------------------------

    def _workers(self, size: int) -> Any:
        """The pool of ``jobs - 1`` worker processes for a file of ``size`` bytes, or None to
        work in this process alone (``jobs=1``; a small file, where starting workers costs
        more than it saves; or an anonymizer that is not faultline's own, which workers
        cannot rebuild)."""
        from features.privacy import Anonymizer

        if self.jobs < 2 or size < _PARALLEL_MIN_BYTES or type(self.anonymizer) is not Anonymizer:
            return None
        if self._pool is None:
            from features.workers import process_pool

            self._pool = process_pool(self.jobs - 1)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _prepared(self, chunks: Iterable[RawChunk], size: int) -> Iterator[Prepared]:
        """Prepared chunks in input order: here, or shared between this process and
        ``jobs - 1`` workers.

        The workers get the oldest chunks, at most two each at a time (one running, one
        queued, so that none waits for this process between two chunks); this process
        commits the chunks in order and, whenever the next one is not ready, prepares the
        newest chunk read and not handed out, reading one more if it has none, so that it
        works instead of waiting. At most ``jobs + 2`` chunks are read and not yet
        committed, ``jobs + 4`` when this process reads ahead for itself (memory stays
        that of a few chunks). One process fewer than ``jobs`` workers plus a committing
        process: the same CPUs kept busy, one process's libraries and buffers less in
        memory.
        """
        pool = self._workers(size)
        if pool is None:
            for raw in chunks:
                yield prepare(raw, self.normalizer, self.validator, self.anonymizer)
            return
        from collections import deque

        policy, key = self.anonymizer.policy, self.anonymizer.key
        # chunks read and not yet committed (1 million events, jobs=2, when the workers
        # could hold every chunk handed out: 4 ahead 10,883 events/s and 1,773 MiB at the
        # peak, 6 ahead 11,700 and 1,847, 9 ahead 11,918 and 1,957; runs vary by +-10% here)
        ahead = self.jobs + 2
        in_pool = 2 * (self.jobs - 1)  # chunks handed to the workers and not yet done
        source = iter(chunks)
        pending: deque[_Pending] = deque()

        def read() -> bool:
            raw = next(source, None)
            if raw is not None:
                pending.append(_Pending(raw, None))
            return raw is not None

        try:
            more = True
            while True:
                while more and len(pending) < ahead:
                    more = read()
                busy = sum(1 for item in pending if item.future is not None and not item.future.done())
                for item in pending:
                    if busy >= in_pool:
                        break
                    if item.future is None and item.done is None:
                        item.future = pool.submit(prepare_in_worker, item.raw, policy, key, self.services)
                        busy += 1
                if not pending:
                    return
                head = pending[0]
                if head.done is None and (head.future is None or not head.future.done()):
                    for item in reversed(pending):
                        if item.done is None and item.future is None:
                            item.done = self._prepare_here(item.raw)
                            break
                    else:
                        if more and len(pending) < ahead + 2:  # nothing to take: read one more
                            more = read()
                            if more:
                                pending[-1].done = self._prepare_here(pending[-1].raw)
                        else:
                            head.future.result()  # wait for the worker
                    continue
                pending.popleft()
                done = head.done
                if done is None:
                    done = head.future.result()
                    self.anonymizer.counts.update(done.found)
                del head
                yield done
        finally:
            for item in pending:
                if item.future is not None:
                    item.future.cancel()

    def _prepare_here(self, raw: RawChunk) -> Prepared:
        return prepare(raw, self.normalizer, self.validator, self.anonymizer)

    # -- per file ---------------------------------------------------------------

    def ingest_source(self, src: Source) -> FileResult:
        size, sha = _digest(src.path)
        done = self.store.con.execute(
            "SELECT batch_id FROM lineage WHERE sha256 = ? AND kind = ? AND status = 'committed' "
            "LIMIT 1", [sha, src.kind]
        ).fetchone()
        if done:
            return FileResult(str(src.path), src.kind, done[0], "already_ingested")
        if src.kind == "catalog":
            return self._ingest_catalog(src, size, sha)
        return self._ingest_chunks(str(src.path), src.kind, size, sha,
                                   self._prepared(self._chunks(src, size), size))

    def ingest_frame(self, frame: Any, kind: str, name: str) -> FileResult:
        import pyarrow as pa

        table = frame if isinstance(frame, pa.Table) else _to_arrow(frame)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        buf = sink.getvalue()
        sha = hashlib.sha256(buf).hexdigest()
        done = self.store.con.execute(
            "SELECT batch_id FROM lineage WHERE sha256 = ? AND kind = ? AND status = 'committed' "
            "LIMIT 1", [sha, kind]
        ).fetchone()
        if done:
            return FileResult(name, kind, done[0], "already_ingested")

        def chunks() -> Iterator[RawChunk]:
            for start in range(0, table.num_rows, self.chunk_rows):
                part = table.slice(start, self.chunk_rows).to_pylist()
                yield RawChunk(kind, list(range(start + 1, start + 1 + len(part))), records=part)

        return self._ingest_chunks(name, kind, buf.size, sha, self._prepared(chunks(), 0))

    def _chunks(self, src: Source, size: int) -> Iterator[RawChunk]:
        """The raw chunks of ``src`` (a file of ``size`` bytes), in order."""
        if src.fmt == "otlp":
            from features.ingest.otlp import read_otlp

            for kind, rc in read_otlp(src.path, chunk_rows=self.chunk_rows):
                yield RawChunk(kind, rc.line_nos, records=rc.records, unreadable=rc.unreadable)
            return
        if src.fmt == "jsonl":
            lines: Iterable[LineChunk] = read_lines(src.path, chunk_rows=self.chunk_rows)
            if self.jobs > 1 and size >= _PARALLEL_MIN_BYTES and not src.path.name.lower().endswith(".gz"):
                lines = _cut_tail(lines, size, self.jobs + 2)
            for lc in lines:
                yield RawChunk(src.kind, lc.line_nos, texts=lc.texts)
            return
        reader = read_parquet_records if src.fmt == "parquet" else read_csv_records
        for rc in reader(src.path, chunk_rows=self.chunk_rows):
            yield RawChunk(src.kind, rc.line_nos, records=rc.records, unreadable=rc.unreadable)

    def _ingest_chunks(self, source_path: str, file_kind: str, size: int, sha: str,
                       chunks: Iterable[Prepared]) -> FileResult:
        batch_id = uuid.uuid4().hex[:16]
        result = FileResult(source_path, file_kind, batch_id, "committed")
        notes: Counter[str] = Counter()
        started = _now()
        con = self.store.con
        with self.store.transaction():
            for done in chunks:
                result.count_input += done.n_input
                notes.update(done.notes)
                self._write_chunk(done, source_path, batch_id, result)
                n_input = done.n_input
                del done
                _release_arrow_memory()
                if self.on_progress is not None:
                    self.on_progress(source_path, n_input)
            sampling = None
            if self.sampling is not None and file_kind in ("events", "otlp"):
                sampling = {**self.sampling.describe(), "count_kept":
                            result.count_accepted - result.count_sampled_out,
                            "count_sampled_out": result.count_sampled_out}
            result.notes = dict(sorted(notes.items()))
            con.execute(
                "INSERT INTO lineage (batch_id, source_path, kind, size_bytes, sha256, count_input,"
                " count_accepted, count_quarantined, count_duplicate, contract_version,"
                " policy_version, policy_hash, faultline_version, sampling, started_at,"
                " finished_at, status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, 'committed', ?)",
                [batch_id, source_path, file_kind, size, sha, result.count_input,
                 result.count_accepted, result.count_quarantined, result.count_duplicate,
                 CONTRACT_VERSION, self.policy_version, self.policy_hash, self.version,
                 None if sampling is None else json.dumps(sampling), started, _now(),
                 json.dumps(result.notes)],
            )
        return result

    def _write_chunk(self, done: Prepared, source_path: str, batch_id: str,
                     result: FileResult) -> None:
        import pyarrow as pa

        con = self.store.con
        if done.valid is not None:
            self._insert_new(done.kind, done.valid, batch_id, result)
        quarantine = done.quarantine
        if quarantine:
            q = pa.table({
                "batch_id": pa.array([batch_id] * len(quarantine), pa.string()),
                "source_path": pa.array([source_path] * len(quarantine), pa.string()),
                "line_no": pa.array([x[0] for x in quarantine], pa.int64()),
                "reason": pa.array([x[1] for x in quarantine], pa.string()),
                "field": pa.array([x[2] for x in quarantine], pa.string()),
                "record": pa.array([x[3] for x in quarantine], pa.string()),
            })
            fl_quarantine = q  # noqa: F841 - read by DuckDB by name (no catalog entry)
            con.execute(
                "INSERT INTO quarantine SELECT *, CAST(now() AS TIMESTAMP) FROM fl_quarantine"
            )
            result.count_quarantined += len(quarantine)

    def _insert_new(self, kind: str, valid: Any, batch_id: str, result: FileResult) -> None:
        """Insert the rows of ``valid`` not seen before (in this chunk or any batch).

        Arrow data is read through DuckDB's replacement scans of local variables: no
        view or temporary table is created inside the file's transaction (DuckDB keeps
        a dropped catalog entry, and the data it references, until the transaction
        ends, which would grow memory with the size of the file).
        """
        import pyarrow.compute as pc

        con = self.store.con
        table = _TABLE_FOR_KIND[kind]
        cols = [c for c in valid.column_names if not c.startswith("_")]
        col_list = ", ".join(f'"{c}"' for c in cols)
        fl_chunk = valid  # noqa: F841 - read by DuckDB by name
        # the keys seen before are looked up with the chunk's keys as the hash table's
        # build side: memory stays that of a chunk however many keys the store holds (an
        # anti join that builds on ingest_keys ran out of memory at ~6 million keys)
        fl_new = con.execute(
            "WITH c AS (SELECT _line_no, md5_number(_key) AS _h FROM fl_chunk), "
            "f AS MATERIALIZED (SELECT * FROM c QUALIFY row_number() OVER (PARTITION BY _h "
            "ORDER BY _line_no) = 1), "
            "seen AS MATERIALIZED (SELECT key_hash FROM ingest_keys "
            "WHERE kind = $kind AND key_hash IN (SELECT _h FROM f)) "
            "SELECT f._line_no FROM f ANTI JOIN seen ON f._h = seen.key_hash",
            {"kind": kind},
        ).to_arrow_table()
        n_new = fl_new.num_rows
        result.count_accepted += n_new
        result.count_duplicate += valid.num_rows - n_new
        # The new rows are picked out here, in Arrow, so that every INSERT below is a plain
        # scan: DuckDB then writes a large transaction's row groups to the database file as
        # they fill; an INSERT with a filter keeps them in memory (and spills them to
        # temporary files), which ran out of memory on a 12-million-event file.
        fl_rows = valid.filter(pc.is_in(valid.column("_line_no"),  # noqa: F841 - read by name
                                        value_set=fl_new.column("_line_no")))
        if kind == "events" and self.sampling is not None:
            source = "(SELECT *, md5_number(_key) AS _h FROM fl_rows)"
            fl_weights = con.execute(
                f"SELECT _line_no, _keep, _weight FROM ({self.sampling.sql(source)})"
            ).to_arrow_table()
            kept = int(pc.sum(fl_weights.column("_keep")).as_py() or 0)
            result.count_sampled_out += n_new - kept
            fl_kept = (fl_rows.join(fl_weights.filter(fl_weights.column("_keep")), "_line_no",  # noqa: F841
                                    join_type="inner")
                       .sort_by("_line_no"))
            con.execute(
                f"INSERT INTO events ({col_list}, sample_weight, batch_id) "
                f"SELECT {col_list}, _weight, ? FROM fl_kept", [batch_id])
        else:
            con.execute(
                f'INSERT INTO "{table}" ({col_list}, batch_id) SELECT {col_list}, ? '
                "FROM fl_rows", [batch_id])
        con.execute(
            "INSERT INTO ingest_keys SELECT ?, md5_number(_key), ? FROM fl_rows",
            [kind, batch_id])

    # -- catalog ----------------------------------------------------------------

    def _ingest_catalog(self, src: Source, size: int, sha: str) -> FileResult:
        rows = catalog_rows(read_catalog(src.path))
        for row in rows:
            if row["escalation"] is not None:
                esc = json.loads(row["escalation"])
                row["escalation"] = json.dumps(
                    {k: self.anonymizer.anonymize_text(str(v)) for k, v in esc.items()},
                    sort_keys=True,
                )
        batch_id = uuid.uuid4().hex[:16]
        started = _now()
        con = self.store.con
        with self.store.transaction():
            con.execute("DELETE FROM services")
            for r in rows:
                con.execute(
                    "INSERT INTO services VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [r["service"], r["team"], r["tier"], r["depends_on"], r["slo_error_rate"],
                     r["slo_latency_p99_ms"], r["escalation"]],
                )
            con.execute(
                "INSERT INTO lineage (batch_id, source_path, kind, size_bytes, sha256, count_input,"
                " count_accepted, count_quarantined, count_duplicate, contract_version,"
                " policy_version, policy_hash, faultline_version, started_at, finished_at,"
                " status, notes) VALUES (?, ?, 'catalog', ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?,"
                " 'committed', '{}')",
                [batch_id, str(src.path), size, sha, len(rows), len(rows), CONTRACT_VERSION,
                 self.policy_version, self.policy_hash, self.version, started, _now()],
            )
        self._set_catalog([r["service"] for r in rows])
        return FileResult(str(src.path), "catalog", batch_id, "committed", len(rows), len(rows))


def _release_arrow_memory() -> None:
    """Hand memory freed by the last chunk back to the system (bounded RSS)."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _to_arrow(frame: Any) -> Any:
    import pyarrow as pa

    if hasattr(frame, "to_arrow"):  # polars
        return frame.to_arrow()
    return pa.Table.from_pandas(frame, preserve_index=False)


@audited_api("write", "events")
def ingest(
    source: Any,
    *,
    store: Any = None,
    db: str | Path | None = None,
    key: str | None = None,
    kind: str = "events",
    anonymizer: Any = None,
    sampling: Sampling | None = None,
    chunk_rows: int = 20_000,
    on_progress: Callable[[str, int], None] | None = None,
    memory_limit: str | None = "128MB",
    jobs: int = 1,
) -> IngestReport:
    """Ingest files, folders or a DataFrame into the store.

    Parameters
    ----------
    source : path, list of paths, pandas.DataFrame, polars.DataFrame or pyarrow.Table
        Files or folders (read by file name, see :mod:`features.ingest.readers`), or
        a frame of rows of ``kind``.
    store : Store, optional
        An open writable :class:`features.store.Store`; by default one is opened at
        ``db`` (or ``$FAULTLINE_DB``) with ``key`` and closed at the end.
    db, key : optional
        Passed to :meth:`features.store.Store.open` when ``store`` is None.
    kind : str
        The kind of rows in a frame ``source`` (``events`` or a companion kind).
    anonymizer : optional
        An object with ``anonymize_batch``, ``anonymize_event`` and ``anonymize_text``
        (default: ``features.privacy.Anonymizer`` with the default policy).
    sampling : Sampling, optional
        Stratified sampling of events (default: keep everything).
    chunk_rows : int
        Rows per chunk: bounds memory; larger chunks amortize validation overhead.
    on_progress : callable, optional
        Called as ``on_progress(source_path, rows_done_in_chunk)`` after each chunk.
    memory_limit : str, optional
        DuckDB's memory limit when ``ingest`` opens the store itself (a file is one
        transaction; DuckDB writes large transactions to the file as they grow, so
        this bounds memory, not file size). Its buffer pool fills to this limit over a
        large file and stays there (the written blocks are kept cached): at ten million
        simulator events the committing process peaked 220 MiB lower with 128 MB than
        with 256 MB (``benchmarks/README.md``, *Ingest*).
    jobs : int
        Processes that normalize, validate and anonymize chunks of files of 32 MiB or
        more, this one included: ``jobs - 1`` workers, and this process, which commits
        the chunks in order and prepares those no worker has started yet (same result
        as ``jobs=1``, the default). A script that uses workers needs the
        ``if __name__ == "__main__":`` guard (they are started with ``spawn``).

    Returns
    -------
    IngestReport

    Notes
    -----
    Sets glibc's malloc in this process to give freed memory back to the system
    (:func:`features.workers.lean_malloc`; a chunk's buffers are large and short-lived).

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from features.store import Store
    >>> class KeepAll:  # a stand-in anonymizer for this example only
    ...     def anonymize_batch(self, t): return t
    ...     def anonymize_event(self, e): return {}
    ...     def anonymize_text(self, s): return s
    >>> frame = pd.DataFrame({"event_id": ["a", "a", "b"], "service": ["api"] * 3,
    ...     "timestamp": ["2026-03-01T10:00:00Z"] * 3, "message": ["x", "x", "y"],
    ...     "http_status": [503, 503, 42]})
    >>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb") as store:
    ...     report = ingest(frame, store=store, anonymizer=KeepAll())
    ...     store.table("quarantine")["reason"].to_list()
    ['bad_http_status']
    >>> report.totals()["count_accepted"], report.totals()["count_duplicate"], report.is_reconciled
    (1, 1, True)
    """
    from features.store import Store

    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be at least 1, got {chunk_rows}")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    sources = None
    if not _is_frame(source):
        sources = discover([source] if isinstance(source, (str, Path)) else list(source))
    pool = None
    if jobs > 1 and anonymizer is None and sources and any(
            _size(src.path) >= _PARALLEL_MIN_BYTES for src in sources):
        # the workers start now, importing while this process does (each takes seconds)
        pool = _start_workers(jobs - 1)
    run = None
    own = store is None
    try:
        if anonymizer is None:
            anonymizer = _default_anonymizer()
        lean_malloc()
        if own:
            store = Store.open(db, key=key, memory_limit=memory_limit)
        run = _Run(store, anonymizer, sampling, chunk_rows, on_progress, jobs, pool)
        pool = None  # the run owns it now
        report = IngestReport()
        if sources is None:
            if kind not in _TABLE_FOR_KIND:
                raise ValueError(f"kind must be one of {sorted(_TABLE_FOR_KIND)}, not {kind!r}")
            report.files.append(run.ingest_frame(source, kind, f"<{type(source).__name__}>"))
            return report
        for src in sources:
            report.files.append(run.ingest_source(src))
        return report
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if run is not None:
            run.close()
        if own and store is not None:
            store.close()


def _cut_tail(chunks: Iterable[LineChunk], size: int, last: int) -> Iterator[LineChunk]:
    """The chunks of a file of ``size`` bytes, with about the ``last`` ones cut in four.

    Processes that share a file's chunks finish their last ones at different times; a
    whole chunk left to one of them at the end leaves the others idle for its length
    (about 3 of the 110 seconds of a million simulator events on 2 processes). The text
    read so far, counted in characters, stands for the bytes read.

    Examples
    --------
    >>> from features.ingest.readers import LineChunk
    >>> chunks = [LineChunk([i * 8 + j for j in range(8)], ["x" * 9] * 8) for i in range(4)]
    >>> [len(c.line_nos) for c in _cut_tail(chunks, 4 * 8 * 10, 2)]
    [8, 8, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    done = count = 0
    for lc in chunks:
        count += 1
        done += sum(len(t) for t in lc.texts if t is not None) + len(lc.texts)
        n = len(lc.line_nos)
        if size - done >= last * done / count or n < 4:
            yield lc
            continue
        step = -(-n // 4)
        for i in range(0, n, step):
            nos = lc.line_nos[i:i + step]
            yield LineChunk(nos, lc.texts[i:i + step], [x for x in lc.undecodable if nos[0] <= x <= nos[-1]])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _start_workers(n: int) -> Any:
    """A pool of ``n`` worker processes, each loading the detectors and Great Expectations
    from the start (see :func:`features.ingest.chunks.warm_up`)."""
    from features.ingest.chunks import warm_up
    from features.workers import process_pool

    pool = process_pool(n)
    for _ in range(n):
        pool.submit(warm_up)
    return pool


def _is_frame(obj: Any) -> bool:
    return hasattr(obj, "columns") and (hasattr(obj, "to_pylist") or hasattr(obj, "to_arrow")
                                        or hasattr(obj, "to_numpy"))
