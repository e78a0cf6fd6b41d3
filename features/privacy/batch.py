"""Column-wise anonymization of tables (Arrow, pandas, polars).

Each column gets its field's action; string columns under ``scan`` are gated by
:func:`~features.privacy.detectors.could_find`, which polars runs over the column's
distinct strings in native code, and only the strings that pass are handed to the
per-string anonymizer, once each (shared with worker processes when the anonymizer
has ``n_jobs`` above 1). Results are identical to the per-event path (a test holds
this), and counts are per occurrence, as if each row had been done alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from features.privacy.anonymizer import (
    _FIELD_TYPES,
    _LABEL_KEYS,
    _LABELLED_KEYS,
    _NUM_OK,
    _PLAIN_ID,
    _TS_OK,
)
from features.privacy.detectors import (
    G_KEYS,
    G_NAMES,
    G_OTHER_SHAPES,
    G_SMALL,
    GATE_PATTERNS,
    HINT_PATTERNS,
    KEY_RUN_PATTERN,
    NAME_GATE_PATTERNS,
    NAME_TOKEN_PATTERN,
    NAME_TOKENS,
    PERSON_OBJECT_GATE,
    SHAPE_PATTERNS,
    SMALL_PATTERN,
    SMALL_PATTERNS,
    TOKEN_PATTERN,
    key_run_matters,
    record_of,
)
from features.privacy.echoes import echo_event, echo_frame
from features.privacy.keys import (
    ROLE_CLASSES,
    child_class,
    classify_key,
    normalize_key,
    record_class,
    record_role,
)

if TYPE_CHECKING:
    import polars as pl

    from features.privacy.anonymizer import Anonymizer
    from features.privacy.policy import FieldRule

__all__ = ["anonymize_table"]

_WHOLE = frozenset({"weak_secret", "record_key", "cookie"})
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_LETTERS_TO_X = str.maketrans(dict.fromkeys("abcdefghijklmnopqrstuvwxyz", "x"))  # each of a-z to x


def anonymize_table(anon: Anonymizer, table: Any) -> Any:
    """Anonymize ``table`` with ``anon``; see :meth:`Anonymizer.anonymize_batch`."""
    import polars as pl

    if isinstance(table, pl.DataFrame):
        return _frame(anon, table)
    module = type(table).__module__
    if module.startswith("pyarrow"):
        import pyarrow as pa

        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        if not isinstance(table, pa.Table):
            raise TypeError(f"expected a pyarrow.Table, got {type(table).__name__}")
        out = _frame(anon, pl.from_arrow(table)).to_arrow()
        return _restore_types(out, table.schema)
    if module.startswith("pandas"):
        return _pandas(anon, table)
    raise TypeError(
        f"anonymize_batch takes a pyarrow.Table, pandas.DataFrame or polars.DataFrame, "
        f"not {type(table).__name__}; use anonymize_event for a dict"
    )


def _restore_types(out: Any, schema: Any) -> Any:
    """Give unchanged columns back their original Arrow types (string, not string_view)."""
    import pyarrow as pa

    fields = []
    for f in out.schema:
        try:
            orig = schema.field(f.name)
        except KeyError:
            fields.append(f)
            continue
        same_family = (pa.types.is_string(orig.type) or pa.types.is_large_string(orig.type)) and (
            pa.types.is_string(f.type) or pa.types.is_large_string(f.type) or pa.types.is_string_view(f.type)
        )
        fields.append(pa.field(f.name, orig.type) if same_family or orig.type == f.type else f)
    try:
        return out.cast(pa.schema(fields))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return out


def _frame(anon: Anonymizer, df: pl.DataFrame) -> pl.DataFrame:
    """Each column by its rule. In three steps: every column is started first (the free
    text that needs reading goes to the worker processes, when there are any), then the
    work that needs no worker is done (tokenized columns, personal keys' values), then the
    columns are finished in order; so this process works while the workers read, and
    takes its share of the free text (:func:`_start_texts`) only after that."""
    import polars as pl

    fields = anon.policy.fields
    started = []
    local: list[_Once] = []
    for name in df.columns:
        rule = fields.get(name, anon.policy.unknown)
        if rule.action == "drop":
            continue
        new_name = name if name in fields else anon._key_name(name)
        started.append((new_name, _column(anon, rule, name, df.get_column(name), local)))
    for work in local:  # while the workers read the free text
        work()
    cols = [finish().alias(new_name) for new_name, finish in started]
    out = pl.DataFrame(cols, height=df.height) if cols else pl.DataFrame(height=df.height)
    return echo_frame(anon, df, out)  # the rows whose free text repeats a value a key named


def _counted(anon: Anonymizer, fn: Any, value: Any, times: int, local: Counter[str] | None = None) -> Any:
    """``fn(value)`` with what it counts multiplied by ``times``; ``local`` is an empty
    Counter to count into (the caller's, reused), else a new one."""
    saved = anon.counts
    if local is None:
        local = Counter()
    anon.counts = local
    try:
        out = fn(value)
    finally:
        anon.counts = saved
    for k, n in local.items():
        saved[k] += n * times
    local.clear()
    return out


def _map_distinct(anon: Anonymizer, s: pl.Series, fn: Any) -> pl.Series:
    """Apply ``fn`` once per distinct non-null value of ``s`` and map the results back."""
    import polars as pl

    present = s.drop_nulls()
    if present.len() == 0:
        return s
    vc = present.value_counts()
    values = vc.get_column(s.name).to_list()
    counts = vc.get_column("count").to_list()
    old: list[Any] = []
    new: list[Any] = []
    local: Counter[str] = Counter()
    for v, n in zip(values, counts, strict=True):
        out = _counted(anon, fn, v, n, local)
        if out != v or type(out) is not type(v):
            old.append(v)
            new.append(out)
    if not old:
        return s
    if all(isinstance(x, str) for x in new):
        if s.dtype == pl.String:
            return s.replace(old, new)
        if s.dtype.is_numeric():
            return s.cast(pl.String).replace([_as_text(v) for v in old], new)
    mapping = dict(zip(old, new, strict=True))
    return pl.Series(s.name, [mapping.get(v, v) for v in s.to_list()], strict=False)


def _gate_bits(values: list[str] | pl.Series) -> list[int]:
    """The detectors' gates over many strings at once, run by polars in native code:
    bit ``i`` of entry ``j`` says whether pattern ``i`` of :data:`GATE_PATTERNS` occurs in
    ``values[j]``, and the last bit (:data:`G_KEYS`) whether a key in it could name personal data,
    which is what ``find_spans(..., gates=)`` takes (the same as :func:`gate_bits` one at a
    time). ``values`` is a list of strings or a string Series without nulls (used as it
    is, not copied)."""
    if len(values) == 0:
        return []
    frame = _keys_frame(values)
    return frame.select(_bits(frame)).get_column("g").to_list()


def _keys_frame(values: list[str] | pl.Series) -> pl.DataFrame:
    """Columns ``v`` (the values), ``shape`` (:data:`SHAPE_PATTERN` occurs, run in parts: :data:`SHAPE_PATTERNS`) and ``keys``
    (a key in it could name personal data: bit :data:`G_KEYS`). The key bit is decided
    once per distinct key run (:data:`KEY_RUN_PATTERN`, extracted by polars) in Python,
    then mapped back to the rows in polars."""
    import polars as pl

    if isinstance(values, pl.Series):
        frame = pl.DataFrame([values.alias("v")])
    else:
        frame = pl.DataFrame({"v": pl.Series("v", values, dtype=pl.String)})
    v = pl.col("v")
    frame = frame.with_columns(  # the last shape part is also gate bit G_OTHER_SHAPES (kept as "other"),
        # and the part SMALL_PATTERN gate bit G_SMALL (kept as "small")
        pl.any_horizontal([v.str.contains(p) for p in SHAPE_PATTERNS[:-1] if p != SMALL_PATTERN]).alias("shape"),
        v.str.contains(SHAPE_PATTERNS[-1]).alias("other"),
        pl.any_horizontal([v.str.contains(p) for p in SMALL_PATTERNS]).alias("small"),  # (SMALL_PATTERN in parts)
        _names(v).alias("names"),
        v.str.extract_all(KEY_RUN_PATTERN).alias("runs"),
    )
    runs = frame.get_column("runs").explode().drop_nulls().unique()
    relevant = pl.Series("r", [r for r in runs.to_list() if key_run_matters(r)], dtype=pl.String)
    keys = pl.col("runs").list.eval(pl.element().is_in(relevant.implode())).list.any().fill_null(False)
    keys = keys | pl.col("v").str.contains(PERSON_OBJECT_GATE)  # a person's object by its toString()
    return frame.select("v", pl.col("shape") | pl.col("other") | pl.col("small") | pl.col("names"), "other", "small",
                        "names", keys.alias("keys"))


def _bits(frame: pl.DataFrame) -> Any:
    import polars as pl

    v = pl.col("v")
    return pl.sum_horizontal(
        [v.str.contains(p).cast(pl.Int64) * (1 << i) for i, p in enumerate(GATE_PATTERNS) if 1 << i != G_OTHER_SHAPES]
        + [pl.col("other").cast(pl.Int64) * G_OTHER_SHAPES, pl.col("keys").cast(pl.Int64) * G_KEYS,
           pl.col("small").cast(pl.Int64) * G_SMALL, pl.col("names").cast(pl.Int64) * G_NAMES]
    ).alias("g")


@lru_cache(maxsize=1)
def _name_tokens() -> pl.Expr:
    """NAME_TOKENS as a polars list literal, built once (16,000 strings)."""
    import polars as pl

    return pl.Series("t", sorted(NAME_TOKENS), dtype=pl.String).implode()


def _names(v: pl.Expr) -> pl.Expr:
    """Gate bit G_NAMES of the strings ``v``: one of NAME_GATE_PATTERNS, or a run of letters
    in NAME_TOKENS (``detectors._names_gate``)."""
    import polars as pl

    listed = (v.str.extract_all(NAME_TOKEN_PATTERN).list.eval(pl.element().is_in(_name_tokens()))
              .list.any().fill_null(False))
    return pl.any_horizontal([v.str.contains(p) for p in NAME_GATE_PATTERNS]) | listed


def _could_find(values: list[str] | pl.Series) -> tuple[pl.Series, list[int]]:
    """For each of ``values``, whether ``find_spans`` could find anything in it
    (:func:`could_find`), and the gate bits (:func:`_gate_bits`) of those that pass."""
    frame = _keys_frame(values)
    could = frame.get_column("shape") | frame.get_column("keys")
    passing = frame.filter(could)
    return could, passing.select(_bits(passing)).get_column("g").to_list()


def _blank_kind(m: re.Match[str]) -> str:
    tok = m.group()
    cut = tok.find(":")
    if cut < 0:
        cut = len(tok) - 1
    return "<" + tok[1:cut].translate(_LETTERS_TO_X) + tok[cut:]


def _needs_second_pass(texts: list[str]) -> list[int | None]:
    """Whether ``find_spans`` could find anything in each rewritten text, decided for all of
    them at once by polars: :func:`could_find` of the text with the letters of each token's
    kind turned to ``x`` (``<email:k9a4b:b219ec617379>`` -> ``<xxxxx:k9a4b:b219ec617379>``);
    None where it could not, else the gate bits of that text, which the second pass uses as
    the first pass uses the column's.

    Why this is exact: a token is a protected span, so what ``find_spans`` returns cannot
    depend on the letters inside one (a candidate overlapping a token is dropped, and no
    detector's match can cross its ``<`` or ``>``; lengths, digits and separators are
    unchanged); and where :func:`could_find` is False, ``find_spans`` finds nothing (the
    gate every column already goes through; property tests hold both). The same holds of
    each gate bit: a detector gated off in the blanked text could find there nothing, so
    in the rewritten text only what overlaps a token (``tests/test_privacy_gates.py``).
    """

    blanked = [_TOKEN_RE.sub(_blank_kind, t) if "<" in t else t for t in texts]
    could, bits = _could_find(blanked)
    passing = iter(bits)
    return [next(passing) if c else None for c in could.to_list()]


def _free_texts(
    anon: Anonymizer, values: list[str], cls: str | None, gates: list[int]
) -> list[tuple[str, tuple[str, ...]]]:
    """``anon``'s free-text result (text, kinds found) for distinct strings under key class
    ``cls`` (None or ``id``), the same as ``anon._text`` one at a time: the first pass with
    the gates from polars, the second pass only where polars says it could find anything."""
    ident = cls == "id"
    results: list[Any] = [None] * len(values)
    todo: list[tuple[int, str, list[str]]] = []
    for i, (v, g) in enumerate(zip(values, gates, strict=True)):
        hit = anon._cache.get((cls, ident, v))
        if hit is not None:
            results[i] = hit
        elif ident and _PLAIN_ID.fullmatch(v):
            results[i] = (v, ())
        else:
            step = anon._pass(v, ident, g)
            if step is None:
                results[i] = (v, ())
            else:
                todo.append((i, step[0], step[1]))
    if todo:
        for (i, text, found), again in zip(todo, _needs_second_pass([t[1] for t in todo]), strict=True):
            if again is not None:
                more_text, more = anon._replace(text, ident, again, passes=3, rewritten=True)
                text, found = more_text, found + more
            results[i] = (text, tuple(found))
    for v, hit in zip(values, results, strict=True):
        anon._remember((cls, ident, v), hit)
    return results


_SHARED_MIN_TEXTS = 1000  # fewer distinct strings to read are read in this process
_PARTS_PER_JOB = 8


def _start_texts(
    anon: Anonymizer, values: list[str], cls: str | None, gates: list[int]
) -> Callable[[], list[tuple[str, tuple[str, ...]]]]:
    """Start :func:`_free_texts` on ``values``; the function returned gives its results.

    With ``anon.n_jobs`` above 1, the strings not in the cache are cut into parts of
    about the same total length and handed to the worker processes now; when the results
    are asked for, this process reads the parts no worker has started yet (the pool lets
    a queued task be cancelled), then takes the workers' results. Only those strings and
    their results cross between processes, not the table."""
    if anon.n_jobs == 1 or len(values) < _SHARED_MIN_TEXTS:
        return lambda: _free_texts(anon, values, cls, gates)
    ident = cls == "id"
    results: list[Any] = [anon._cache.get((cls, ident, v)) for v in values]
    todo = [i for i, hit in enumerate(results) if hit is None]
    if len(todo) < _SHARED_MIN_TEXTS:
        return lambda: _free_texts(anon, values, cls, gates)
    n_parts = max(1, min(_PARTS_PER_JOB * anon.n_jobs, len(todo) // 100))
    total = sum(len(values[i]) for i in todo)
    bounds = [0]
    acc = 0
    for k, i in enumerate(todo):
        acc += len(values[i])
        if acc * n_parts >= total * len(bounds) and len(bounds) < n_parts:
            bounds.append(k + 1)
    bounds.append(len(todo))
    parts = [todo[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    pool = anon._process_pool()
    futures = [
        pool.submit(_work_texts, [values[i] for i in part], cls, [gates[i] for i in part], anon.policy, anon.key)
        for part in parts
    ]

    def finish() -> list[tuple[str, tuple[str, ...]]]:
        try:
            for part, future in zip(reversed(parts), reversed(futures), strict=True):
                if future.cancel():  # not started by a worker: read it here
                    done = _free_texts(anon, [values[i] for i in part], cls, [gates[i] for i in part])
                    for i, hit in zip(part, done, strict=True):
                        results[i] = hit
            for part, future in zip(parts, futures, strict=True):
                if future.cancelled():
                    continue
                for i, hit in zip(part, future.result(), strict=True):
                    results[i] = hit
                    anon._remember((cls, ident, values[i]), hit)
        finally:
            for future in futures:
                future.cancel()
        return results

    return finish


def _work_texts(
    values: list[str], cls: str | None, gates: list[int], policy: Any, key: Any
) -> list[tuple[str, tuple[str, ...]]]:
    """Worker side of :func:`_start_texts` (runs in a subprocess)."""
    from features.privacy.anonymizer import Anonymizer
    from features.workers import per_process

    anon = per_process("anonymizer", (policy.hash, key.key_id), lambda: Anonymizer(policy, key))
    return _free_texts(anon, values, cls, gates)


def _text_column(anon: Anonymizer, s: pl.Series, cls: str | None) -> Callable[[], pl.Series]:
    """Start reading a free-text column (see :func:`_start_texts`); the function returned
    gives the column. Like ``_map_distinct(anon, s, anon._text)`` for the strings in which
    ``find_spans`` could find anything (:func:`could_find`; the others are clean), with
    that gate, the detectors' gates and the second-pass check computed for all the
    distinct strings at once."""
    vc = s.drop_nulls().value_counts()
    if vc.height == 0:
        return lambda: s
    could, gates = _could_find(vc.get_column(s.name))
    vc = vc.filter(could)
    if vc.height == 0:
        return lambda: s
    values = vc.get_column(s.name).to_list()
    counts = vc.get_column("count").to_list()
    results = _start_texts(anon, values, cls, gates)

    def finish() -> pl.Series:
        old: list[str] = []
        new: list[str] = []
        for v, n, (out, kinds) in zip(values, counts, results(), strict=True):
            for k in kinds:
                anon.counts[k] += n
            if out != v:
                old.append(v)
                new.append(out)
        return s.replace(old, new) if old else s

    return finish


def _as_text(v: Any) -> str:
    return v if isinstance(v, str) else str(v)


Finish = Callable[[], "pl.Series"]


class _Once:
    """A column's work that needs no worker process: done when first asked for, once.
    :func:`_frame` asks for all of them before it finishes any column."""

    __slots__ = ("fn", "out")

    def __init__(self, fn: Finish) -> None:
        self.fn: Finish | None = fn
        self.out: Any = None

    def __call__(self) -> pl.Series:
        if self.fn is not None:
            self.out = self.fn()
            self.fn = None
        return self.out


def _local(local: list[_Once], fn: Finish) -> Finish:
    work = _Once(fn)
    local.append(work)
    return work


def _column(anon: Anonymizer, rule: FieldRule, name: str, s: pl.Series, local: list[_Once]) -> Finish:
    """Start anonymizing column ``s`` under ``rule``; the function returned gives it. The
    work that needs no worker process is appended to ``local`` (see :class:`_Once`)."""
    import polars as pl

    if s.dtype == pl.Null:
        return lambda: s
    action = rule.action
    if action == "scan":
        return _scan(anon, s, classify_key(name), name, None, local)
    if action == "keep":
        ftype = _FIELD_TYPES.get(name)
        if s.dtype == pl.String and ftype in ("timestamp", "integer", "number"):
            ok = _TS_OK if ftype == "timestamp" else _NUM_OK
            bad = s.filter(s.is_not_null() & ~s.str.contains(ok.pattern))
            if bad.len():
                cls = classify_key(name)
                return _local(local, lambda: _patch(
                    s, bad, _map_distinct(anon, bad, lambda v: anon._value(v, cls, name))))
        return lambda: s
    return _local(local, lambda: _map_distinct(anon, s, lambda v: anon._apply(rule, name, v)))


def _patch(s: pl.Series, old: pl.Series, new: pl.Series) -> pl.Series:
    pairs = {a: b for a, b in zip(old.to_list(), new.to_list(), strict=True) if a != b}
    if not pairs:
        return s
    return s.replace(list(pairs), list(pairs.values()))


def _scan(
    anon: Anonymizer, s: pl.Series, cls: str | None, key: str, parent: str | None, local: list[_Once]
) -> Finish:
    """Start scanning ``s`` (values under key ``key`` of class ``cls``); the function
    returned gives the result. Free text is started at once (:func:`_text_column`), the
    rest is done when the result is asked for."""
    import polars as pl

    dtype = s.dtype
    personal = cls not in (None, "id", *ROLE_CLASSES) and cls not in _WHOLE
    if dtype == pl.String:
        if cls in (None, "id"):
            if s.name == "count":  # value_counts refuses this name; the row-wise gate first, as before
                hint = pl.any_horizontal([pl.col(s.name).str.contains(p) for p in HINT_PATTERNS]) | _names(pl.col(s.name))
                cand = s.filter(s.to_frame().select(hint.fill_null(False)).to_series())
                if cand.len() == 0:
                    return lambda: s
                texts = _text_column(anon, cand, cls)
                return lambda: _patch(s, cand, texts())
            return _text_column(anon, s, cls)
        return _local(local, lambda: _map_distinct(anon, s, lambda v: anon._text(v, cls)))
    if isinstance(dtype, pl.Struct) and _labelled(dtype):
        # an object that names its value in another key: row by row, as anonymize_event does
        return _local(local, lambda: pl.Series(s.name, [anon._value(v, cls, key) for v in s.to_list()], strict=False))
    if isinstance(dtype, pl.Struct):
        names = [f.name for f in dtype.fields]
        parts = s.struct.unnest()
        records = _record_rows(parts, names)
        children = []
        for f in names:
            own = child_class(f, key, cls)
            if records is not None and (record_class(f, own, 2) != own or record_class(f, own, -1) != own):
                # a name or an id that is a person's in the rows that are a person's record
                children.append((anon._key_name(f), _local(local, _in_records(anon, parts.get_column(f), own, records))))
            else:
                children.append((anon._key_name(f), _scan(anon, parts.get_column(f), own, f, key, local)))

        def rebuild() -> pl.Series:
            new_cols = [finish().alias(new_name) for new_name, finish in children]
            rebuilt = pl.DataFrame(new_cols, height=s.len()).to_struct(s.name)
            if s.null_count():
                rebuilt = pl.select(
                    pl.when(pl.lit(s.is_not_null())).then(pl.lit(rebuilt)).otherwise(None).alias(s.name)
                ).to_series()
            return rebuilt

        return rebuild
    return _local(local, lambda: _scan_other(anon, s, cls, key, personal))


def _record_rows(parts: pl.DataFrame, names: list[str]) -> list[int] | None:
    """:func:`~features.privacy.detectors.person_record` of each row of a struct column (its
    fields unnested in ``parts``), or None when no row is a person's record."""
    import polars as pl

    roles = [(record_role(f), f) for f in names]
    if not any(r in (1, 3, 5) for r, _ in roles):
        return None
    cols = [(r, parts.get_column(f).to_list()) for r, f in roles if r and parts.get_column(f).dtype == pl.String]
    records = [record_of((r, values[i]) for r, values in cols) for i in range(parts.height)]
    return records if any(records) else None


def _in_records(anon: Anonymizer, col: pl.Series, own: str | None, records: list[int]) -> Finish:
    """The column of a field whose class a person's record changes, row by row as
    ``anonymize_event`` reads it (see :func:`~features.privacy.keys.record_class`)."""
    import polars as pl

    name = col.name

    def run() -> pl.Series:
        values = [anon._value(v, record_class(name, own, r), name) for v, r in zip(col.to_list(), records, strict=True)]
        return pl.Series(name, values, strict=False)

    return run


def _labelled(dtype: Any) -> bool:
    """Whether a struct's fields include a label key and a labelled one (see
    :func:`~features.privacy.anonymizer.labelled_value`): its rows may name their values."""
    keys = {normalize_key(f.name) for f in dtype.fields}
    return bool(keys & _LABEL_KEYS) and bool(keys & _LABELLED_KEYS)


def _scan_other(anon: Anonymizer, s: pl.Series, cls: str | None, key: str, personal: bool) -> pl.Series:
    """:func:`_scan` of a column that is neither text nor a struct."""
    import polars as pl

    dtype = s.dtype
    if dtype.is_integer():
        if personal:
            return _map_distinct(anon, s, lambda v: anon._value(v, cls, key))
        if cls is None:
            big = s.filter((s.abs() >= 10**11).fill_null(False))
            if big.len() == 0:
                return s
            fixed = _map_distinct(anon, big, lambda v: anon._value(v, cls, key))
            if fixed.dtype == big.dtype:
                return s
            return _patch(s.cast(pl.String), big.cast(pl.String), fixed.cast(pl.String))
        return s
    if dtype.is_float() or dtype == pl.Boolean or dtype.is_temporal():
        if personal and dtype != pl.Boolean:
            values = [anon._value(v, cls, key) for v in s.to_list()]
            return pl.Series(s.name, values, strict=False)
        return s
    # lists, objects, binary: one value at a time
    values = [anon._value(v, cls, key) for v in s.to_list()]
    return pl.Series(s.name, values, strict=False)


def _pandas(anon: Anonymizer, df: Any) -> Any:
    import pandas as pd
    import polars as pl

    fields = anon.policy.fields
    out: dict[Any, Any] = {}
    started: list[tuple[Any, Finish]] = []  # finished after all are started, as in _frame
    local: list[_Once] = []
    for name in df.columns:
        key = name if isinstance(name, str) else str(name)
        rule = fields.get(key, anon.policy.unknown)
        if rule.action == "drop":
            continue
        new_name = key if key in fields else anon._key_name(key)
        col = df[name]
        nested = col.dtype == object and any(isinstance(v, (dict, list, tuple, bytes)) for v in col)
        if not nested:
            try:
                series = pl.from_pandas(col)
            except (TypeError, ValueError, pl.exceptions.PolarsError):
                nested = True
        if nested:
            values = [None if _is_na(v) else anon._apply(rule, key, v) for v in col.tolist()]
            out[new_name] = pd.Series(values, index=df.index, dtype=object)
            continue
        out[new_name] = None  # keeps the column order
        started.append((new_name, _column(anon, rule, key, series.alias(key), local)))
    for work in local:
        work()
    for new_name, finish in started:
        converted = finish().to_pandas()
        converted.index = df.index
        out[new_name] = converted
    result = pd.DataFrame(out, index=df.index)
    # the rows whose free text repeats a value a key named (echoes.echo_event), one by one
    for pos, (before, after) in enumerate(zip(df.to_dict("records"), result.to_dict("records"), strict=True)):
        new = echo_event(anon, before, after)
        if new is not after:
            for j, name in enumerate(result.columns):
                if new[name] is not after[name]:
                    result.iat[pos, j] = new[name]
    return result


def _is_na(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)
