"""Column-wise anonymization of tables (Arrow, pandas, polars).

Each column gets its field's action; string columns under ``scan`` are gated by
the detectors' hint pattern, which polars runs over the whole column in native
code, and only the distinct strings that pass are handed to the per-string
anonymizer, once each. Results are identical to the per-event path (a test
holds this), and counts are per occurrence, as if each row had been done alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from features.privacy.anonymizer import _CACHE_LIMIT, _FIELD_TYPES, _NUM_OK, _PLAIN_ID, _TS_OK
from features.privacy.detectors import (
    G_KEYS,
    GATE_PATTERNS,
    HINT_PATTERN,
    KEY_RUN_PATTERN,
    SHAPE_PATTERN,
    TOKEN_PATTERN,
    key_run_matters,
)
from features.privacy.keys import child_class, classify_key

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
    if anon.n_jobs > 1 and df.height >= _PARALLEL_MIN_ROWS:
        return _frame_parallel(anon, df)
    return _frame_serial(anon, df)


def _frame_serial(anon: Anonymizer, df: pl.DataFrame) -> pl.DataFrame:
    import polars as pl

    fields = anon.policy.fields
    cols = []
    for name in df.columns:
        rule = fields.get(name, anon.policy.unknown)
        if rule.action == "drop":
            continue
        new_name = name if name in fields else anon._key_name(name)
        cols.append(_column(anon, rule, name, df.get_column(name)).alias(new_name))
    return pl.DataFrame(cols, height=df.height) if cols else pl.DataFrame(height=df.height)


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


_PARALLEL_MIN_ROWS = 4000  # smaller tables are done in this process


def _gate_bits(values: list[str] | pl.Series) -> list[int]:
    """The detectors' gates over many strings at once, run by polars in native code:
    bit ``i`` of entry ``j`` says whether pattern ``i`` of :data:`GATE_PATTERNS` occurs in
    ``values[j]``, and bit 7 (:data:`G_KEYS`) whether a key in it could name personal data,
    which is what ``find_spans(..., gates=)`` takes (the same as :func:`gate_bits` one at a
    time). ``values`` is a list of strings or a string Series without nulls (used as it
    is, not copied)."""
    if len(values) == 0:
        return []
    return _gates_frame(values).get_column("g").to_list()


def _gates_frame(values: list[str] | pl.Series) -> pl.DataFrame:
    """Columns ``g`` (the gate bits, see :func:`_gate_bits`) and ``could`` (whether
    ``find_spans`` could find anything: :func:`could_find`) for each of ``values``.

    The key bit is decided once per distinct key run (:data:`KEY_RUN_PATTERN`, extracted
    by polars) in Python, then mapped back to the rows in polars."""
    import polars as pl

    if isinstance(values, pl.Series):
        frame = pl.DataFrame([values.alias("v")])
    else:
        frame = pl.DataFrame({"v": pl.Series("v", values, dtype=pl.String)})
    v = pl.col("v")
    frame = frame.select(
        pl.sum_horizontal(
            [v.str.contains(p).cast(pl.Int64) * (1 << i) for i, p in enumerate(GATE_PATTERNS)]
        ).alias("g"),
        v.str.contains(SHAPE_PATTERN).alias("shape"),
        v.str.extract_all(KEY_RUN_PATTERN).alias("runs"),
    )
    runs = frame.get_column("runs").explode().drop_nulls().unique()
    relevant = pl.Series("r", [r for r in runs.to_list() if key_run_matters(r)], dtype=pl.String)
    keys = pl.col("runs").list.eval(pl.element().is_in(relevant)).list.any().fill_null(False)
    return frame.select(
        (pl.col("g") + keys.cast(pl.Int64) * G_KEYS).alias("g"),
        (pl.col("shape") | keys).alias("could"),
    )


def _blank_kind(m: re.Match[str]) -> str:
    tok = m.group()
    cut = tok.find(":")
    if cut < 0:
        cut = len(tok) - 1
    return "<" + tok[1:cut].translate(_LETTERS_TO_X) + tok[cut:]


def _needs_second_pass(texts: list[str]) -> list[bool]:
    """Whether ``find_spans`` could find anything in each rewritten text, decided for all of
    them at once by polars: the hint pattern over the text with the letters of each token's
    kind turned to ``x`` (``<email:k9a4b:b219ec617379>`` -> ``<xxxxx:k9a4b:b219ec617379>``).

    Why this is exact: a token is a protected span, so what ``find_spans`` returns cannot
    depend on the letters inside one (a candidate overlapping a token is dropped, and no
    detector's match can cross its ``<`` or ``>``; lengths, digits and separators are
    unchanged); and where the hint pattern does not match, ``find_spans`` finds nothing
    (the gate every column already goes through; a property test holds both).
    """
    import polars as pl

    blanked = [_TOKEN_RE.sub(_blank_kind, t) if "<" in t else t for t in texts]
    return pl.Series("t", blanked, dtype=pl.String).str.contains(HINT_PATTERN).to_list()


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
            if again:
                more_text, more = anon._replace(text, ident, passes=3, rewritten=True)
                text, found = more_text, found + more
            results[i] = (text, tuple(found))
    for v, hit in zip(values, results, strict=True):
        if len(anon._cache) >= _CACHE_LIMIT:
            anon._cache.clear()
        anon._cache[(cls, ident, v)] = hit
    return results


def _texts_serial(anon: Anonymizer, s: pl.Series, cls: str | None) -> pl.Series:
    """Like ``_map_distinct(anon, s, anon._text)`` for the strings in which ``find_spans``
    could find anything (:func:`could_find`; the others are clean), with that gate, the
    detectors' gates and the second-pass check computed for all the distinct strings at
    once."""
    vc = s.drop_nulls().value_counts()
    if vc.height == 0:
        return s
    gates = _gates_frame(vc.get_column(s.name))
    could = gates.get_column("could")
    vc = vc.filter(could)
    if vc.height == 0:
        return s
    values = vc.get_column(s.name).to_list()
    counts = vc.get_column("count").to_list()
    bits = gates.get_column("g").filter(could).to_list()
    old: list[str] = []
    new: list[str] = []
    for v, n, (out, kinds) in zip(values, counts, _free_texts(anon, values, cls, bits), strict=True):
        for k in kinds:
            anon.counts[k] += n
        if out != v:
            old.append(v)
            new.append(out)
    return s.replace(old, new) if old else s


def _work_frame(df: pl.DataFrame, policy: Any, key: Any) -> tuple[pl.DataFrame, Counter[str]]:
    """Worker side: anonymize a slice of rows (runs in a subprocess)."""
    from features.privacy.anonymizer import Anonymizer
    from features.workers import per_process

    anon = per_process("anonymizer", (policy.hash, key.key_id), lambda: Anonymizer(policy, key))
    anon.counts = Counter()
    return _frame_serial(anon, df), anon.counts


def _frame_parallel(anon: Anonymizer, df: pl.DataFrame) -> pl.DataFrame:
    """Like ``_frame_serial``, with the rows shared among ``anon.n_jobs`` worker processes.

    Every row's result depends only on the row (tokens are keyed hashes, caches only
    save work), so the slices can be done apart. A column whose values became text in
    one slice (a tokenized number) is text in all of them, as in a single pass.
    """
    import polars as pl

    from features.workers import in_order

    size = -(-df.height // anon.n_jobs)
    slices = (df.slice(i, size) for i in range(0, df.height, size))
    parts = []
    for part, counts in in_order(anon._process_pool(), _work_frame, slices, anon.policy,
                                 anon.key, ahead=anon.n_jobs):
        anon.counts.update(counts)
        parts.append(part)
    try:
        return pl.concat(parts, how="vertical")
    except (pl.exceptions.SchemaError, pl.exceptions.ComputeError, pl.exceptions.InvalidOperationError):
        return pl.concat(parts, how="vertical_relaxed")


def _as_text(v: Any) -> str:
    return v if isinstance(v, str) else str(v)


def _column(anon: Anonymizer, rule: FieldRule, name: str, s: pl.Series) -> pl.Series:
    import polars as pl

    if s.dtype == pl.Null:
        return s
    action = rule.action
    if action == "scan":
        return _scan(anon, s, classify_key(name), name, None)
    if action == "keep":
        ftype = _FIELD_TYPES.get(name)
        if s.dtype == pl.String and ftype in ("timestamp", "integer", "number"):
            ok = _TS_OK if ftype == "timestamp" else _NUM_OK
            bad = s.filter(s.is_not_null() & ~s.str.contains(ok.pattern))
            if bad.len():
                cls = classify_key(name)
                fixed = _map_distinct(anon, bad, lambda v: anon._value(v, cls, name))
                return _patch(s, bad, fixed)
        return s
    return _map_distinct(anon, s, lambda v: anon._apply(rule, name, v))


def _patch(s: pl.Series, old: pl.Series, new: pl.Series) -> pl.Series:
    pairs = {a: b for a, b in zip(old.to_list(), new.to_list(), strict=True) if a != b}
    if not pairs:
        return s
    return s.replace(list(pairs), list(pairs.values()))


def _scan(anon: Anonymizer, s: pl.Series, cls: str | None, key: str, parent: str | None) -> pl.Series:
    import polars as pl

    dtype = s.dtype
    personal = cls not in (None, "id") and cls not in _WHOLE
    if dtype == pl.String:
        if cls in (None, "id"):
            if s.name == "count":  # value_counts refuses this name; the row-wise gate first, as before
                cand = s.filter(s.str.contains(HINT_PATTERN).fill_null(False))
                if cand.len() == 0:
                    return s
                return _patch(s, cand, _texts_serial(anon, cand, cls))
            return _texts_serial(anon, s, cls)
        return _map_distinct(anon, s, lambda v: anon._text(v, cls))
    if isinstance(dtype, pl.Struct):
        names = [f.name for f in dtype.fields]
        parts = s.struct.unnest()
        new_cols = []
        for f in names:
            child = child_class(f, key, cls)
            new_cols.append(_scan(anon, parts.get_column(f), child, f, key).alias(anon._key_name(f)))
        rebuilt = pl.DataFrame(new_cols, height=s.len()).to_struct(s.name)
        if s.null_count():
            rebuilt = pl.select(
                pl.when(pl.lit(s.is_not_null())).then(pl.lit(rebuilt)).otherwise(None).alias(s.name)
            ).to_series()
        return rebuilt
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
        result = _column(anon, rule, key, series.alias(key))
        converted = result.to_pandas()
        converted.index = df.index
        out[new_name] = converted
    return pd.DataFrame(out, index=df.index)


def _is_na(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)
