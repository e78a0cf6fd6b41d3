"""One chunk of input, from raw lines or records to rows ready to commit.

:func:`prepare` is everything ingest does to a chunk before it touches the store:
normalize to the contract, validate with Great Expectations, anonymize, and turn
rejected and failed rows into anonymized quarantine records. It needs no store, so
:func:`features.ingest.ingest` runs it either in its own process or in worker
processes (``jobs > 1``) while it commits the previous chunks in order; the result
is the same either way (a test holds this).

Raw content exists only in memory here: worker processes receive the lines through
a pipe and return only anonymized rows (and the dedup keys, which the store keeps
as hashes).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from features.ingest.normalize import Normalized, Normalizer, Rejected, arrow_schema
from features.ingest.readers import parse_json_line
from features.ingest.validation import Validator

__all__ = ["Prepared", "RawChunk", "normalize_chunk", "prepare"]


@dataclass
class RawChunk:
    """Input rows of one ``kind``: JSON ``texts`` (lines) or parsed ``records``.

    ``unreadable`` lists rows that could not be read at all, as ``(row_no, reason)``;
    ``n_input`` counts every input row the chunk stands for.
    """

    kind: str
    line_nos: list[int]
    texts: list[str | None] | None = None
    records: list[Any] | None = None
    unreadable: list[tuple[int, str]] = field(default_factory=list)

    @property
    def n_input(self) -> int:
        return len(self.line_nos) + len(self.unreadable)


@dataclass
class Prepared:
    """A chunk ready to commit: ``valid`` rows (anonymized, in the store's schema, plus
    ``_line_no`` and ``_key``), anonymized ``quarantine`` records as
    ``(line_no, reason, field, record_json)``, notes, and what the anonymizer found."""

    kind: str
    n_input: int
    valid: Any
    quarantine: list[tuple[int, str, str | None, str | None]]
    notes: Counter[str]
    found: Counter[str] = field(default_factory=Counter)


# JSON lines are normalized this many at a time: DuckDB's JSON functions hold about 16
# times the text in memory while they work (about 300 MB for 20,000 simulator events);
# 5,000 at a time took the same time per line as 20,000 (37-40 against 40-41 µs in one
# process on 200,000 lines) with 100 MB less at the peak, and 2,000 took 13% longer
NORMALIZE_ROWS = 5_000


def normalize_chunk(normalizer: Normalizer, raw: RawChunk) -> Normalized:
    """Normalize ``raw`` to contract rows (parse errors become rejections)."""
    if raw.texts is not None:
        if raw.kind == "events":
            norm = _events_in_pieces(normalizer, raw.line_nos, raw.texts)
        else:
            nos, recs, bad = [], [], []
            for n, text in zip(raw.line_nos, raw.texts, strict=True):
                value, reason = parse_json_line(text)
                if reason is None:
                    nos.append(n)
                    recs.append(value)
                else:
                    bad.append(Rejected(n, reason, None, None))
            norm = normalizer.records(raw.kind, nos, recs)
            norm.rejected.extend(bad)
    else:
        norm = normalizer.records(raw.kind, raw.line_nos, raw.records or [])
    norm.rejected.extend(Rejected(n, r, None, None) for n, r in raw.unreadable)
    return norm


def _events_in_pieces(normalizer: Normalizer, line_nos: list[int],
                      texts: list[str | None]) -> Normalized:
    if len(line_nos) <= NORMALIZE_ROWS:
        return normalizer.events_from_lines(line_nos, texts)
    import pyarrow as pa

    parts = [normalizer.events_from_lines(line_nos[i:i + NORMALIZE_ROWS],
                                          texts[i:i + NORMALIZE_ROWS])
             for i in range(0, len(line_nos), NORMALIZE_ROWS)]
    notes: Counter[str] = Counter()
    for p in parts:
        notes.update(p.notes)
    return Normalized(pa.concat_tables([p.table for p in parts]),
                      [r for p in parts for r in p.rejected], notes,
                      sum(p.count_fast for p in parts))


def _dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, default=str, sort_keys=True)


def _anon_record(anonymizer: Any, raw: dict[str, Any] | None) -> str | None:
    if raw is None:
        return None
    try:
        return _dumps(anonymizer.anonymize_event(raw))
    except Exception:  # noqa: BLE001 - unanonymizable content is dropped, never kept raw
        return None


def conform_anonymized(anon: Any, kind: str) -> Any:
    """The anonymizer's output in the store's column order and types; a column the
    policy drops is written as NULL."""
    import pyarrow as pa

    schema = arrow_schema(kind)
    have = set(anon.column_names)
    cols = [anon.column(f.name).cast(f.type) if f.name in have
            else pa.nulls(anon.num_rows, f.type) for f in schema]
    return pa.Table.from_arrays(cols, schema=schema)


def prepare(raw: RawChunk, normalizer: Normalizer, validator: Validator, anonymizer: Any) -> Prepared:
    """Normalize, validate and anonymize one chunk (see the module docstring)."""
    import pyarrow as pa

    norm = normalize_chunk(normalizer, raw)
    notes: Counter[str] = Counter(norm.notes)
    quarantine = [(rej.line_no, rej.reason, rej.field, _anon_record(anonymizer, rej.raw))
                  for rej in norm.rejected]
    table = norm.table
    valid = None
    if table.num_rows:
        names = arrow_schema(raw.kind).names
        frame = table.select([c for c in names if c != "attributes"]).to_pandas()
        outcome = validator.validate(raw.kind, frame)
        del frame
        notes.update(outcome.warnings)
        anon = anonymizer.anonymize_batch(table.select(names))
        if anon.num_rows != table.num_rows:
            raise RuntimeError("the anonymizer changed the number of rows; this is a bug")
        anon = conform_anonymized(anon, raw.kind)
        if outcome.failed:
            bad = sorted(outcome.failed)
            bad_rows = anon.take(pa.array(bad, pa.int64())).to_pylist()
            line_nos = table.column("_line_no").to_pylist()
            for pos, row in zip(bad, bad_rows, strict=True):
                reason, col = outcome.failed[pos]
                quarantine.append((line_nos[pos], reason, col, _dumps(row)))
            keep = pa.array([i not in outcome.failed for i in range(table.num_rows)])
            anon = anon.filter(keep)
            table = table.filter(keep)
        valid = anon.append_column("_line_no", table.column("_line_no")).append_column(
            "_key", table.column("_key"))
    return Prepared(raw.kind, raw.n_input, valid, quarantine, notes)


# --- worker processes ----------------------------------------------------------------


def warm_up() -> None:
    """Load what :func:`prepare_in_worker` needs (the detectors, Great Expectations):
    handed to a worker process as soon as it is started, so that its imports (several
    seconds) overlap this process's own and the hashing of the first file."""
    import features.privacy  # noqa: F401
    from features.ingest.validation import ready

    ready()


def prepare_in_worker(raw: RawChunk, policy: Any, key: Any, services: tuple[str, ...] | None) -> Prepared:
    """:func:`prepare` in a worker process, with its own normalizer, validator and
    anonymizer (made once per process for a policy, key and catalog)."""
    from features.privacy import Anonymizer
    from features.workers import per_process

    normalizer, validator, anonymizer = per_process(
        "ingest", (policy.hash, key.key_id, services),
        lambda: (Normalizer(threads=1), Validator(catalog_services=list(services) if services else None),
                 Anonymizer(policy, key)))
    anonymizer.counts = Counter()
    out = prepare(raw, normalizer, validator, anonymizer)
    out.found = anonymizer.counts
    return out
