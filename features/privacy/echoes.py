"""Values an event names, replaced where its free text repeats them.

A value that a field or a key names is replaced whole by one token: ``"user_id":
"user-5531-ab"``, ``{"customer": {"id": "C-2093381"}}``, ``"dateOfBirth": "1994-11-31"``.
Real events repeat such values where nothing names them: a validation error quotes the
value it rejected (``invalid value "1994-11-31" at "input.dateOfBirth"``), a log line
names the account it served (``context user-5531-ab: MALFORMED_FLAG``). For one event,
:func:`echo_event` takes every value that was replaced whole by a single token (its
*named values*, from any field) and replaces its other occurrences, as whole words, in
the event's free-text fields (those the policy scans) with the same token.

Only values of six characters or more with a digit, a space or one of ``@._-+`` are
named values, as for the echoes within one text (a full name, an account, an id, a
date; not a single word such as a first name, which may be any word elsewhere).

The batch path finds, in polars, the rows in which a named value occurs in a scanned
field at all (:func:`echo_frame`), and runs :func:`echo_event` on those rows only, so
that a row of a batch and the same event alone give the same result.

Examples
--------
>>> from features.privacy import Anonymizer, TokenKey
>>> a = Anonymizer(key=TokenKey.from_secret("an example secret, not a real one"))
>>> out = a.anonymize_event({"timestamp": "2026-03-01T10:00:00Z", "service": "flags",
...     "message": "evaluation failed for context user-5531-ab", "user_id": "user-5531-ab"})
>>> out["message"].endswith(out["user_id"])
True
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from features.privacy.detectors import TOKEN_PATTERN

if TYPE_CHECKING:
    import polars as pl

    from features.privacy.anonymizer import Anonymizer
    from features.privacy.policy import FieldRule

__all__ = ["echo_event", "echo_frame", "named_values"]

_TOKEN = re.compile(TOKEN_PATTERN)
_MARKS = frozenset("0123456789@._-+ ")
_WORTHY = r"[0-9@._+ -]"  # the same marks, for polars
_WHOLE_TOKEN = "^(?:" + TOKEN_PATTERN + ")$"
# a value under a bare "key" (a Kafka record's, an experiment's, a cache's) is tokenized to be
# safe, not because it is known to be personal: it is not looked for elsewhere
_WEAK = "<record_key"


def _worthy(raw: str) -> bool:
    return len(raw) >= 6 and not _MARKS.isdisjoint(raw)


def _raw(before: Any) -> str | None:
    """The text a scalar was read as (as :meth:`Anonymizer._value` reads it), or None."""
    if isinstance(before, str):
        return before
    if isinstance(before, (int, float)) and not isinstance(before, bool):
        return str(before)
    return None


def named_values(before: Any, after: Any, out: dict[str, str]) -> None:
    """Add to ``out`` each value of ``before`` (walked with ``after``, its anonymized
    form: the same shape, keys maybe renamed) that ``after`` replaced whole by one token,
    mapped to that token (the first one seen, if a value was named twice).

    Examples
    --------
    >>> found = {}
    >>> named_values({"id": "C-2093381", "tier": "gold"},
    ...              {"id": "<user_id:k1a2b:0123456789ab>", "tier": "gold"}, found)
    >>> found
    {'C-2093381': '<user_id:k1a2b:0123456789ab>'}
    """
    if isinstance(after, str):
        raw = _raw(before)
        if raw is not None and raw != after and _TOKEN.fullmatch(after) and _worthy(raw) and not after.startswith(_WEAK):
            out.setdefault(raw, after)
    elif isinstance(before, dict) and isinstance(after, dict):
        for b, a in zip(before.values(), after.values(), strict=False):
            named_values(b, a, out)
    elif isinstance(before, (list, tuple)) and isinstance(after, (list, tuple)):
        for b, a in zip(before, after, strict=False):
            named_values(b, a, out)


def _kind(token: str) -> str:
    cut = token.find(":")
    return token[1:cut] if cut > 0 else token[1:-1]


def _echo_text(text: str, named: list[tuple[str, str]], counts: Counter[str]) -> str:
    hits: list[tuple[int, int, str]] = []
    n = len(text)
    for raw, token in named:
        i = text.find(raw)
        while i >= 0:
            e = i + len(raw)
            if (i == 0 or not text[i - 1].isalnum()) and (e == n or not text[e].isalnum()):
                hits.append((i, e, token))
            i = text.find(raw, i + 1)
    if not hits:
        return text
    protect = [m.span() for m in _TOKEN.finditer(text)] if "<" in text else []
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))  # leftmost, then longest
    parts: list[str] = []
    pos = 0
    for i, e, token in hits:
        if i < pos or any(i < b and a < e for a, b in protect):
            continue
        parts += [text[pos:i], token]
        counts[_kind(token)] += 1
        pos = e
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _apply(value: Any, named: list[tuple[str, str]], counts: Counter[str]) -> Any:
    if isinstance(value, str):
        return _echo_text(value, named, counts) if value else value
    if isinstance(value, dict):
        return {k: _apply(v, named, counts) for k, v in value.items()}
    if isinstance(value, list):
        return [_apply(v, named, counts) for v in value]
    if isinstance(value, tuple):
        return tuple(_apply(v, named, counts) for v in value)
    return value


def _plan(anon: Anonymizer, names: Any) -> list[tuple[Any, str, FieldRule]]:
    """(input key, output key, rule) of each field kept, as anonymize_event names them
    (remembered per set of keys: events of one source share theirs)."""
    names = tuple(names)
    plans = anon.__dict__.setdefault("_echo_plans", {})
    hit = plans.get(names)
    if hit is None:
        hit = _make_plan(anon, names)
        if len(plans) < 4096:
            plans[names] = hit
    return hit


def _make_plan(anon: Anonymizer, names: tuple[Any, ...]) -> list[tuple[Any, str, FieldRule]]:
    fields = anon.policy.fields
    plan = []
    for k in names:
        name = k if isinstance(k, str) else str(k)
        rule = fields.get(name, anon.policy.unknown)
        if rule.action != "drop":
            plan.append((k, name if name in fields else anon._key_name(name), rule))
    return plan


def echo_event(anon: Anonymizer, before: dict[Any, Any], after: dict[Any, Any]) -> dict[Any, Any]:
    """``after`` (``anon``'s result for the event ``before``) with its named values replaced
    where its scanned fields repeat them, counted in ``anon.counts``; ``after`` itself
    when nothing repeats."""
    named: dict[str, str] = {}
    targets = []
    for k, nk, rule in _plan(anon, before.keys()):
        if nk not in after:
            continue
        named_values(before[k], after[nk], named)
        if rule.action == "scan":
            targets.append(nk)
    if not named or not targets:
        return after
    pairs = sorted(named.items(), key=lambda kv: -len(kv[0]))
    out = dict(after)
    for nk in targets:
        out[nk] = _apply(out[nk], pairs, anon.counts)
    return out


# --- the batch path ------------------------------------------------------------------


def _leaves(before: pl.Series, after: pl.Series) -> list[tuple[pl.Series, pl.Series]]:
    """The scalar columns of ``before`` and ``after`` side by side (structs unnested
    field by field, in order); other nested columns whole."""
    import polars as pl

    if isinstance(before.dtype, pl.Struct) and isinstance(after.dtype, pl.Struct):
        out = []
        for fb, fa in zip(before.dtype.fields, after.dtype.fields, strict=False):
            out += _leaves(before.struct.field(fb.name), after.struct.field(fa.name))
        return out
    return [(before, after)]


def _sources(before: pl.Series, after: pl.Series) -> pl.DataFrame:
    """Rows ``row`` and named values ``raw`` of one column (see :func:`named_values`)."""
    import polars as pl

    empty = pl.DataFrame(schema={"row": pl.UInt32, "raw": pl.String})
    rows: list[int] = []
    raws: list[str] = []
    if after.dtype == pl.String and (before.dtype == pl.String or before.dtype.is_numeric()):
        frame = pl.DataFrame([before.alias("b"), after.alias("a")]).with_row_index("row")
        # a value replaced by one token: first what is cheap to test (most values are kept)
        a = pl.col("a")
        frame = frame.filter(a.str.starts_with("<") & a.str.ends_with(">"))
        if before.dtype == pl.String:
            b = pl.col("b")
            frame = frame.filter((b != a) & (b.str.len_chars() >= 6) & ~a.str.starts_with(_WEAK))
            picked = frame.filter(b.str.contains(_WORTHY) & a.str.contains(_WHOLE_TOKEN))
            return picked.select("row", pl.col("b").alias("raw"))
        picked = frame.filter(a.str.contains(_WHOLE_TOKEN) & ~a.str.starts_with(_WEAK))
        for row, value in zip(picked.get_column("row").to_list(), picked.get_column("b").to_list(), strict=True):
            raw = _raw(value)
            if raw is not None and _worthy(raw):
                rows.append(row)
                raws.append(raw)
    elif before.dtype != pl.String and (before.dtype.is_nested() or before.dtype == pl.Object or after.dtype.is_nested()):
        for row, (b, a) in enumerate(zip(before.to_list(), after.to_list(), strict=True)):
            if a is not None and a != b:
                found: dict[str, str] = {}
                named_values(b, a, found)
                rows += [row] * len(found)
                raws += list(found)
    if not rows:
        return empty
    return pl.DataFrame({"row": rows, "raw": raws}, schema={"row": pl.UInt32, "raw": pl.String})


def _texts(after: pl.Series) -> list[pl.Expr]:
    """Expressions of the strings in one scanned output column (a frame of its leaves)."""
    import polars as pl

    if after.dtype == pl.String:
        return [pl.lit(after)]
    if isinstance(after.dtype, pl.Struct):
        out = []
        for f in after.dtype.fields:
            out += _texts(after.struct.field(f.name))
        return out
    if isinstance(after.dtype, pl.List) and after.dtype.inner == pl.String:
        return [pl.lit(after.list.join("\u0000"))]
    if after.dtype.is_nested() or after.dtype == pl.Object:  # lists of objects or lists: their strings
        return [pl.lit(pl.Series([_strings(v) for v in after.to_list()], dtype=pl.String))]
    return []


def _strings(value: Any) -> str | None:
    """The strings inside ``value``, joined (None when there are none)."""
    found: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return "\u0000".join(found) if found else None


def _patched(s: pl.Series, fixes: list[tuple[int, Any]]) -> pl.Series:
    """``s`` with the values at some rows replaced (``scatter`` where polars has it)."""
    import polars as pl

    if s.dtype == pl.String:
        return s.scatter([i for i, _ in fixes], pl.Series(s.name, [v for _, v in fixes], dtype=pl.String))
    full: list[Any] = [None] * s.len()
    mask = [False] * s.len()
    for i, v in fixes:
        full[i] = v
        mask[i] = True
    new = pl.Series(s.name, full, dtype=s.dtype, strict=False)
    return pl.select(pl.when(pl.Series(mask)).then(new).otherwise(s).alias(s.name)).to_series()


def echo_frame(anon: Anonymizer, before: pl.DataFrame, after: pl.DataFrame) -> pl.DataFrame:
    """``after`` (``anon``'s result for ``before``, row by row) with :func:`echo_event`
    applied to every row whose scanned fields hold one of its named values at all (a
    substring test in polars); the other rows cannot change."""
    import polars as pl

    plan = [(k, nk, rule) for k, nk, rule in _plan(anon, before.columns) if nk in after.columns]
    targets = [nk for _, nk, rule in plan if rule.action == "scan"]
    if not targets or before.height == 0:
        return after
    parts = [
        _sources(b, a) for k, nk, rule in plan
        # a kept field is the same after, unless a value of the wrong type was read as text
        if not (rule.action == "keep" and after.get_column(nk).equals(before.get_column(k), check_dtypes=False))
        for b, a in _leaves(before.get_column(k), after.get_column(nk))
    ]
    sources = pl.concat([p for p in parts if p.height], how="vertical") if any(p.height for p in parts) else None
    if sources is None:
        return after
    # the scanned fields' strings of the rows that have a named value, joined (only those rows)
    rows = sources.get_column("row").unique().sort()
    targets_of_rows = after.select(targets)[rows]
    texts = [e for nk in targets for e in _texts(targets_of_rows.get_column(nk))]
    if not texts:
        return after
    scanned = pl.select(pl.concat_str(texts, separator="\u0000", ignore_nulls=True).alias("t")).get_column("t")
    at = pl.Series(range(len(rows)), dtype=pl.UInt32)  # row -> its place among `rows`
    place = pl.DataFrame({"row": rows, "at": at})
    matched = sources.join(place, on="row", how="inner")
    found = scanned.gather(matched.get_column("at")).str.contains(matched.get_column("raw"), literal=True)
    hits = matched.get_column("row").filter(found.fill_null(False)).unique().sort().to_list()
    if not hits:
        return after
    changed: dict[str, list[tuple[int, Any]]] = {nk: [] for nk in targets}
    for i in hits:
        row_after = after.row(i, named=True)
        new = echo_event(anon, before.row(i, named=True), row_after)
        for nk in targets:
            if new[nk] is not row_after[nk] and new[nk] != row_after[nk]:
                changed[nk].append((i, new[nk]))
    cols = []
    for name in after.columns:
        s = after.get_column(name)
        fixes = changed.get(name)
        if fixes:
            s = _patched(s, fixes)
        cols.append(s)
    return pl.DataFrame(cols)
