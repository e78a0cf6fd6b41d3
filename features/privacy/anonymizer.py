"""The anonymizer: applies a policy to events, one at a time or a table at once.

Per field, the policy's action (keep, drop, mask, tokenize, generalize, scan);
inside scanned values, the detectors of :mod:`features.privacy.detectors` and
the key names of :mod:`features.privacy.keys`. The batch path gives the same
result as the per-event path, column by column: a vectorized gate (the
detectors' hint pattern, run by polars over the whole column) picks the few
strings that need a closer look, and each distinct string is worked on once.

Anonymizing is idempotent: tokens, masks and generalized networks are
recognised and left alone, so anonymizing an output changes nothing.

Examples
--------
>>> from features.privacy import Anonymizer, TokenKey
>>> anon = Anonymizer(key=TokenKey.from_secret("an example secret, not a real one"))
>>> out = anon.anonymize_event({
...     "timestamp": "2026-03-01T10:00:00Z", "service": "checkout",
...     "message": "card 4111 1111 1111 1111 declined (ERR_PAYMENT_4021)",
...     "user_id": "u-1842", "client_ip": "203.0.113.77",
...     "attributes": {"customer_email": "Ada@Example.com", "retry": 2}})
>>> out["message"]
'card <card:k9a4b:dfefe2a7331b> declined (ERR_PAYMENT_4021)'
>>> out["user_id"], out["client_ip"], out["attributes"]["retry"]
('<user_id:k9a4b:737f3632e152>', '<ipv4:k9a4b:ac2c958bcd5d>', 2)
>>> anon.anonymize_event(out) == out
True
>>> sorted(anon.counts.items())
[('card', 1), ('client_ip', 1), ('email', 1), ('user_id', 1)]
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from features.contract import EVENT_FIELDS, ContractError, parse_timestamp
from features.privacy.checks import card_issuer_matches, is_luhn_valid, parse_ip
from features.privacy.detectors import (
    TOKEN_PATTERN,
    cookie_spans,
    find_spans,
    is_neutral,
    person_record,
    role_kind,
)
from features.privacy.echoes import echo_event
from features.privacy.keys import (
    ROLE_CLASSES,
    child_class,
    classify_key,
    is_plausible,
    looks_random,
    normalize_key,
    record_class,
)
from features.privacy.policy import FieldRule, Policy
from features.privacy.tokens import Tokenizer, TokenKey, load_key

__all__ = ["Anonymizer"]

_FIELD_TYPES = {f.name: f.type for f in EVENT_FIELDS}
_NOT_PERSONAL = (None, "id", "weak_secret", "record_key", "cookie", *ROLE_CLASSES)
_TS_OK = re.compile(
    r"^\s*(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?"
    r"\s*(?:Z|z|UTC|[+-][0-9]{2}(?::?[0-9]{2})?)?)?|[0-9]+(?:\.[0-9]+)?)\s*$"
)
_NUM_OK = re.compile(r"^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$")
_PLAIN_ID = re.compile(r"[0-9a-f]{8,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KIND_SAFE = re.compile(r"[^a-z0-9_]+")
_CACHE_LIMIT = 100_000  # distinct strings remembered (they repeat in real logs); bounds memory
# ... and at most this many characters of them and their results: filled with the 14-day
# simulator's messages and stack traces, the cache and the clean forms held 107 MB
# (sys.getsizeof) without this bound and 41 MB with it
_CACHE_CHARS = 16_000_000
_TOKEN_RE = re.compile(TOKEN_PATTERN)


def _kind_for(name: str) -> str:
    kind = _KIND_SAFE.sub("_", name.lower()).strip("_")[:24]
    if not kind or not kind[0].isalpha():
        kind = "value"
    return kind if len(kind) >= 2 else kind + "_"


class Anonymizer:
    """Neutralizes personal data in events under a policy and a tokenization key.

    Parameters
    ----------
    policy : Policy or None
        The policy; None loads the packaged default.
    key : TokenKey or None
        The tokenization key; None loads it with :func:`load_key` (which raises,
        saying how to create one, when there is none).
    n_jobs : int
        Processes for :meth:`anonymize_batch`, this one included: where a table's
        free-text columns hold at least 1,000 distinct strings to read, those strings
        (not the table) are shared with ``n_jobs - 1`` worker processes while this one
        does the other columns (the result and the counts are the same as in one
        process). 1 (the default) works in-process; call :meth:`close` (or use the
        anonymizer as a context manager) to stop the workers. A script that uses
        workers needs the ``if __name__ == "__main__":`` guard (they are started with
        ``spawn``).

    Attributes
    ----------
    counts : collections.Counter
        What was neutralized so far, by kind (``email``, ``card``...). Never values.
    policy : Policy
    """

    def __init__(self, policy: Policy | None = None, key: TokenKey | None = None, *, n_jobs: int = 1) -> None:
        self.policy = policy if policy is not None else Policy.load()
        self.key = key if key is not None else load_key()
        if n_jobs < 1:
            raise ValueError(f"n_jobs must be at least 1, got {n_jobs}")
        self.n_jobs = n_jobs
        self._pool: Any = None
        self.counts: Counter[str] = Counter()
        self._tok = Tokenizer(self.key)
        self._cache: dict[tuple[str | None, bool, str], tuple[str, tuple[str, ...]]] = {}
        self._keys: dict[str, str] = {}
        self._clean_forms: set[tuple[bool, str]] = set()
        self._cache_chars = 0
        self._forms_chars = 0

    # --- worker processes ------------------------------------------------------

    def _process_pool(self) -> Any:
        if self._pool is None:
            from features.workers import process_pool

            self._pool = process_pool(max(1, self.n_jobs - 1))
        return self._pool

    def close(self) -> None:
        """Stop worker processes started by :meth:`anonymize_batch` (if any)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> Anonymizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- provenance ------------------------------------------------------------

    def describe(self) -> dict[str, str]:
        """What to record with every output: policy name, version and hash, and key id."""
        return {**self.policy.describe(), "key_id": self.key.key_id}

    # --- strings ---------------------------------------------------------------

    def anonymize_text(self, text: str) -> str:
        """Neutralize personal data in one free-text string.

        Examples
        --------
        >>> from features.privacy import TokenKey
        >>> a = Anonymizer(key=TokenKey.from_secret("an example secret, not a real one"))
        >>> a.anonymize_text("retry 3 for bob@example.com: password=hunter2 status=503")
        'retry 3 for <email:k9a4b:b219ec617379>: password=<password> status=503'
        """
        return self._text(text, None)

    def _render(self, kind: str, value: str) -> str:
        kind = _shape_kind(value) or kind
        action = self.policy.free_text.get(kind, "tokenize")
        if action == "mask":
            return f"<{kind}>"
        if action == "generalize":
            net = _generalize_ip(value, 24, 48)
            if net is not None:
                return net
        return self._tok.token(kind, value)

    def _pass(self, text: str, identifiers: bool, gates: int | None = None) -> tuple[str, list[str]] | None:
        """One detection pass: ``text`` with its findings rendered and their kinds, or None."""
        spans = find_spans(text, identifiers=identifiers, gates=gates)
        spans = [s for s in spans if self.policy.free_text.get(s.kind, "tokenize") != "keep"]
        if not spans:
            return None
        parts: list[str] = []
        found: list[str] = []
        pos = 0
        for s in spans:
            parts.append(text[pos : s.start])
            parts.append(self._render(s.kind, text[s.start : s.end]))
            found.append(s.kind)
            pos = s.end
        parts.append(text[pos:])
        return "".join(parts), found

    def _replace(
        self, text: str, identifiers: bool, gates: int | None = None, *, passes: int = 4,
        rewritten: bool = False,
    ) -> tuple[str, list[str]]:
        """Detection passes until one finds nothing (at most ``passes``): what one pass
        rewrites can reveal more (idempotence). A rewritten text (``rewritten``: one pass
        has already run on it) whose canonical form (:func:`_canonical_tokens`) is known to
        give nothing is not read again."""
        found: list[str] = []
        for _ in range(passes):
            form = None
            if rewritten:
                form = (identifiers, _canonical_tokens(text))
                if form in self._clean_forms:
                    break
            step = self._pass(text, identifiers, gates)
            gates = None  # the answers were for the text as it came in
            if step is None:
                if form is not None:
                    if len(self._clean_forms) >= _CACHE_LIMIT or self._forms_chars > _CACHE_CHARS:
                        self._clean_forms.clear()
                        self._forms_chars = 0
                    self._clean_forms.add(form)
                    self._forms_chars += len(form[1])
                break
            text = step[0]
            found += step[1]
            rewritten = True
        return text, found

    def _text(self, text: str, cls: str | None, gates: int | None = None) -> str:
        ident = cls == "id"
        ck = (cls, ident, text)
        hit = self._cache.get(ck)
        if hit is None:
            hit = self._text_uncached(text, cls, gates)
            self._remember(ck, hit)
        if hit[1]:
            self.counts.update(hit[1])
        return hit[0]

    def _remember(self, key: tuple[str | None, bool, str], hit: tuple[str, tuple[str, ...]]) -> None:
        """Keep ``hit`` for ``key`` in the cache of texts, within its bounds (entries and
        characters: when either is reached, the cache starts again)."""
        size = len(key[2]) + len(hit[0])
        if len(self._cache) >= _CACHE_LIMIT or self._cache_chars + size > _CACHE_CHARS:
            self._cache.clear()
            self._cache_chars = 0
        self._cache[key] = hit
        self._cache_chars += size

    def _text_uncached(
        self, text: str, cls: str | None, gates: int | None = None
    ) -> tuple[str, tuple[str, ...]]:
        if cls == "id" and _PLAIN_ID.fullmatch(text):
            return text, ()  # a hex or UUID identifier: nothing a detector could find
        if cls is None or cls == "id":
            out, found = self._replace(text, cls == "id", gates)
            return out, tuple(found)
        if cls == "record_key" and not is_neutral(text):
            return self._render("record_key", text), ("record_key",)
        if cls == "weak_secret":
            if looks_random(text) and not is_neutral(text):
                return self._render("secret", text), ("secret",)
            out, found = self._replace(text, False)
            return out, tuple(found)
        if cls == "cookie" and "=" not in text:
            # one cookie's value (a cookie jar's entry), not a header: the whole of it
            if is_neutral(text) or not text.strip() or self.policy.free_text.get("cookie") == "keep":
                out, found = self._replace(text, False)
                return out, tuple(found)
            return self._render("cookie", text), ("cookie",)
        if cls == "cookie":
            spans = cookie_spans(text)
            if self.policy.free_text.get("cookie") == "keep":
                spans = []
            parts, pos = [], 0
            for s in spans:
                parts += [text[pos : s.start], self._render("cookie", text[s.start : s.end])]
                pos = s.end
            parts.append(text[pos:])
            out, found = self._replace("".join(parts), False)
            return out, tuple(["cookie"] * len(spans) + found)
        if cls in ROLE_CLASSES:
            # a person's role: their name or id if the value is shaped like one, else free text
            kind = role_kind(cls, text)
            if kind is not None and self.policy.free_text.get(kind, "tokenize") != "keep":
                return self._render(kind, text), (kind,)
            out, found = self._replace(text, False)
            return out, tuple(found)
        # a key names the value: the whole value is personal data of that kind
        if (
            is_neutral(text)
            or not is_plausible(cls, text)
            or self.policy.free_text.get(cls, "tokenize") == "keep"
        ):
            out, found = self._replace(text, False)
            return out, tuple(found)
        return self._render(cls, text), (cls,)

    def _key_name(self, key: str) -> str:
        hit = self._keys.get(key)
        if hit is None:
            hit, _ = self._replace(key, False) if isinstance(key, str) else (key, [])
            if len(self._keys) < _CACHE_LIMIT:
                self._keys[key] = hit
        return hit

    # --- values ----------------------------------------------------------------

    def _value(self, value: Any, cls: str | None, key: str | None = None) -> Any:
        """Scan one value found under ``key``, whose class is ``cls`` (walks dicts and lists)."""
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self._text(value, cls)
        if isinstance(value, dict):
            return self._mapping(value, cls, key)
        if isinstance(value, (list, tuple)):
            if value and all(_is_pair(v) for v in value):
                # [name, value] pairs: ASGI's and http.client's headers, [["cookie", "sid=…"], …]
                return [[v[0], self._value(v[1], child_class(v[0], key, cls), v[0])] for v in value]
            return [self._value(v, cls, key) for v in value]
        if isinstance(value, int):
            if cls not in _NOT_PERSONAL:
                return self._text(str(value), cls)
            if cls is None and 10**11 <= abs(value) < 10**19:
                digits = str(abs(value))
                if card_issuer_matches(digits) and is_luhn_valid(digits):
                    self.counts["card"] += 1
                    return self._render("card", digits)
            return value
        if isinstance(value, float):
            if cls not in _NOT_PERSONAL and math.isfinite(value):
                return self._text(str(value), cls)
            return value
        if isinstance(value, (datetime, date)):
            if cls not in _NOT_PERSONAL:
                return self._text(value.isoformat(), cls)
            return value
        if isinstance(value, (bytes, bytearray)):
            return self._text(bytes(value).decode("utf-8", "replace"), cls)
        text = str(value)
        out = self._text(text, cls)
        return value if out == text else out

    def _mapping(self, value: dict[Any, Any], inherited: str | None, parent: str | None) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        pair = labelled_value(value)
        record = person_record(value)  # a person's record by what it holds: its name, its id
        for k, v in value.items():
            name = k if isinstance(k, str) else str(k)
            nk = self._key_name(k) if isinstance(k, str) else k
            if pair is not None and k == pair[1]:
                out[nk] = self._value(v, None, name)  # the label is a name, read as text
            elif pair is not None and k == pair[0] and pair[2] is not None:
                out[nk] = self._value(v, pair[2], name)
            else:
                cls = child_class(name, parent, inherited)
                if record:
                    cls = record_class(name, cls, record)
                out[nk] = self._value(v, cls, name)
        return out

    def _apply(self, rule: FieldRule, name: str, value: Any) -> Any:
        if value is None or _is_missing(value):
            return value
        action = rule.action
        kind = rule.kind or _kind_for(name)
        if action == "keep":
            ftype = _FIELD_TYPES.get(name)
            if isinstance(value, str) and ftype in ("timestamp", "integer", "number"):
                ok = _TS_OK if ftype == "timestamp" else _NUM_OK
                if not ok.match(value):
                    return self._value(value, classify_key(name), name)
            return value
        if action == "mask":
            self.counts[kind] += 1
            return f"<{kind}>"
        if action == "tokenize":
            return self._tokenize(value, kind)
        if action == "generalize":
            return self._generalize(rule, name, kind, value)
        return self._value(value, classify_key(name), name)

    def _tokenize(self, value: Any, kind: str) -> Any:
        if isinstance(value, dict):
            return {k: self._tokenize(v, kind) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._tokenize(v, kind) for v in value]
        if isinstance(value, bool):
            return value
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        text = value if isinstance(value, str) else str(value)
        if is_neutral(text):
            return text
        self.counts[kind] += 1
        return self._tok.token(_shape_kind(text) or kind, text)

    def _generalize(self, rule: FieldRule, name: str, kind: str, value: Any) -> Any:
        if rule.precision is not None:
            return _truncate_time(value, rule.precision, lambda v: self._value(v, None))
        if isinstance(value, str):
            net = _generalize_ip(value, rule.ipv4_prefix, rule.ipv6_prefix)
            if net is not None:
                if net != value.strip():
                    self.counts[kind] += 1
                return net
        return self._tokenize(value, kind)

    # --- events ----------------------------------------------------------------

    def anonymize_event(self, event: dict[str, Any]) -> dict[str, Any]:
        """Anonymize one event (a normalized contract event or any raw dict).

        Field order and JSON shape are kept; dropped fields are removed; unknown
        fields get the policy's ``unknown_fields`` action and their key names
        are scanned too. Values of any type are accepted.

        Raises
        ------
        TypeError
            When ``event`` is not a mapping.
        """
        if not isinstance(event, dict):
            raise TypeError(f"an event must be a dict, got {type(event).__name__}")
        out: dict[str, Any] = {}
        fields = self.policy.fields
        for k, v in event.items():
            name = k if isinstance(k, str) else str(k)
            rule = fields.get(name, self.policy.unknown)
            if rule.action == "drop":
                continue
            nk = name if name in fields else self._key_name(name)
            out[nk] = self._apply(rule, name, v)
        return echo_event(self, event, out)  # named values where the free text repeats them

    def anonymize_batch(self, table: Any) -> Any:
        """Anonymize a table of events column by column; returns the same type.

        Accepts a ``pyarrow.Table``, a ``pandas.DataFrame`` or a
        ``polars.DataFrame``. Row ``i`` of the result equals
        ``anonymize_event(row i)`` (a column whose numbers were tokenized becomes
        a string column).

        Examples
        --------
        >>> import polars as pl
        >>> from features.privacy import TokenKey
        >>> a = Anonymizer(key=TokenKey.from_secret("an example secret, not a real one"))
        >>> df = pl.DataFrame({"message": ["ok", "mail bob@example.com"], "user_id": ["u1", "u1"]})
        >>> a.anonymize_batch(df).to_dicts()[1]
        {'message': 'mail <email:k9a4b:b219ec617379>', 'user_id': '<user_id:k9a4b:bd1f1da1c03b>'}
        """
        from features.privacy.batch import anonymize_table

        return anonymize_table(self, table)


def _canonical_token(m: re.Match[str]) -> str:
    tok = m.group()
    cut = tok.find(":")
    if cut < 0:
        return "<" + "x" * (len(tok) - 2) + ">"
    return "<" + "x" * (cut - 1) + _CANON_TAIL


_CANON_TAIL = ":k0000:000000000000>"


def _canonical_tokens(text: str) -> str:
    """``text`` with every token and mask this package wrote replaced by a canonical one of
    the same length and shape (``<email:k9a4b:b219ec617379>`` -> ``<xxxxx:k0000:000000000000>``,
    ``<password>`` -> ``<xxxxxxxx>``).

    ``find_spans`` gives the same answer for both, for the reason given in
    :func:`features.privacy.batch._needs_second_pass` (a token is a protected span whose
    content no detector can see past its ``<`` and ``>``); texts that differ only in their
    tokens (the same message template with different users) then share one second pass.
    A property test holds it.
    """
    return _TOKEN_RE.sub(_canonical_token, text) if "<" in text else text


_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4_SHAPE = re.compile(rf"(?:{_OCTET}\.){{3}}{_OCTET}")
_EMAIL_SHAPE = re.compile(r"[\w.%+-]{1,64}(?:@|%40)[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,24}")


def _shape_kind(value: str) -> str | None:
    """``email``, ``ipv4`` or ``ipv6`` when the whole value is one, so that a value
    gets the same token wherever it is found (``user=ada@x.io`` and a message)."""
    v = value.strip()
    if "@" in v or "%40" in v:
        return "email" if _EMAIL_SHAPE.fullmatch(v) else None
    if _IPV4_SHAPE.fullmatch(v):
        return "ipv4"  # a dotted quad ipaddress accepts (ASCII digits, no leading zeros, <= 255)
    if v[:1].isdigit() and v.count(".") == 3 or v.count(":") >= 2:
        addr = parse_ip(v)
        if addr is None:
            return None
        return "ipv4" if addr.version == 4 else "ipv6"
    return None


_PAIR_NAME = re.compile(r"[A-Za-z][\w.:-]{0,63}")
# An object that says what its value is in another of its keys: Kubernetes' env and AWS's
# tags ({"name": "DB_PASSWORD", "value": …}), HAR's headers, typed ids and contacts
# ({"type": "PASSPORT", "number": …}, {"deviceType": "MOBILE", "number": …}, FHIR's
# {"system": "phone", "value": …})
_LABEL_KEYS = frozenset({"name", "key", "type", "document_type", "id_type", "kind", "system", "device_type",
                         "identifier_type", "tax_id_type", "label",
                         "property", "field", "attribute", "param"})  # fmt: skip (HubSpot's {property, value})
# (not "id": {"id": 7, "name": "jdoe"} is a person's object, whose name is no label)
_LABELLED_KEYS = frozenset({"value", "number"})


def labelled_value(obj: dict[Any, Any]) -> tuple[Any, Any, str | None] | None:
    """``(key of the value, key of its label, the value's class)`` when ``obj`` names what
    its value is in a label key (the class None when the label names nothing personal);
    None when ``obj`` is no such object.

    Examples
    --------
    >>> labelled_value({"name": "DB_PASSWORD", "value": "s3cr3t"})
    ('value', 'name', 'password')
    >>> labelled_value({"documentType": "PASSPORT", "number": "TZ1184392"})
    ('number', 'documentType', 'ssn')
    >>> labelled_value({"Key": "team", "Value": "payments"}), labelled_value({"id": 7, "tier": "gold"})
    (('Value', 'Key', None), None)
    """
    label = label_key = target = None
    for k, v in obj.items():
        if not isinstance(k, str) or v is None:
            continue
        nk = normalize_key(k)
        if nk in _LABEL_KEYS and isinstance(v, str) and label is None:
            label, label_key = v, k
        elif nk in _LABELLED_KEYS and target is None:
            target = k
    if label is None or target is None or not _PAIR_NAME.fullmatch(label):
        return None
    cls = classify_key(label)
    return target, label_key, (None if cls == "id" else cls)


def _is_pair(value: Any) -> bool:
    """A ``[name, value]`` pair: two items, the first a header's or a key's name."""
    return (isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[0], str)
            and _PAIR_NAME.fullmatch(value[0]) is not None)


def _is_missing(value: Any) -> bool:
    """NaN, NaT and pandas' NA: a missing value, never tokenized as text."""
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _generalize_ip(value: str, v4: int, v6: int) -> str | None:
    text = value.strip()
    host = text
    if host.startswith("[") and "]" in host:
        host = host[1 : host.index("]")]
    elif host.count(":") == 1 and "." in host:
        host = host.split(":", 1)[0]  # 203.0.113.7:443
    try:
        net = ipaddress.ip_network(host, strict=False)
    except ValueError:
        return None
    limit = v4 if net.version == 4 else v6
    if net.prefixlen <= limit:
        return str(net)
    return str(net.supernet(new_prefix=limit))


_STEPS = {"s": 1, "min": 60, "h": 3600, "d": 86400}


def _truncate_time(value: Any, precision: str, fallback: Any) -> Any:
    step = _STEPS[precision]
    try:
        dt = parse_timestamp(value)
    except ContractError:
        return fallback(value)
    epoch = int(dt.timestamp()) // step * step
    cut = datetime.fromtimestamp(epoch, tz=UTC)
    if isinstance(value, datetime):
        return cut
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return epoch * 1000
    return cut.isoformat().replace("+00:00", "Z")
