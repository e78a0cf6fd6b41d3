"""TemplateMiner: online, persistent log-template mining (the job Drain does).

How one message is handled:

1. **Mask** the variable parts with typed placeholders (:mod:`.masking`).
2. **Look up** the message, then its *shape* (its text with every ASCII digit made
   "1", see ``_SHAPE``), then its masked text in caches: real logs repeat heavily,
   and lines that differ only in numbers share a shape, so most messages end here in
   one or two dictionary lookups without being masked.
3. **Tokenize** on whitespace and collapse runs of the same placeholder token
   (``blk_<NUM> blk_<NUM> blk_<NUM>`` → ``blk_<NUM>``), so a list of variable
   length does not make a new template per length.
4. **Bucket** by token count and the first word (the name a token starts with,
   usually the "verb" of a message; leading tokens holding a digit or only
   placeholders are skipped), like the first levels of Drain's prefix tree.
5. **Match** against the bucket's templates: similarity is the share of
   positions that are equal (two digit-bearing tokens count as equal, being
   values the masks did not name). A template whose every constant the message
   shares (differences only at its ``<*>``) is always a match, the one with most
   equal positions first; otherwise the best template at or above ``similarity``
   wins (ties go to the oldest). A token that differs keeps the head and tail it
   shares with the message up to punctuation (``host='<*>',``), or becomes ``<*>``.
   Without a match the message starts a new template.

A template's id is a hash of its text when it was created and it keeps that id
forever, even after it generalizes. Templates are never merged or renumbered, so
an id handed out once stays valid, and a message seen before maps to the same id
however long the stream runs (the cache pins it).

Examples
--------
>>> miner = TemplateMiner().fit(["conn 10.0.0.1 closed by peer alice",
...                              "conn 10.0.0.2 closed by peer bob"])
>>> sorted(miner.templates_.values())
['conn <IP> closed by peer <*>']
"""

from __future__ import annotations

import hashlib
import json
import operator
import re
from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator

from features.fingerprint.masking import mask

__all__ = ["WILDCARD", "TemplateMiner", "mine_templates"]

WILDCARD = "<*>"
_STATE_VERSION = 1


class _Template:
    __slots__ = ("count", "key", "template_id", "tokens")

    def __init__(self, template_id: str, tokens: list[str], key: tuple[int, str],
                 count: int = 0) -> None:
        self.template_id = template_id
        self.tokens = tokens
        self.key = key  # the bucket it was created in; kept even if its tokens generalize
        self.count = count

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)


def _tokenize(masked: str) -> list[str]:
    tokens = masked.split()
    if len(tokens) < 2:
        return tokens
    out = [tokens[0]]
    for tok in tokens[1:]:
        # collapse a run of the same placeholder-bearing token (variable-length lists)
        if tok == out[-1] and "<" in tok:
            continue
        out.append(tok)
    return out


_PLACEHOLDER = re.compile(r"<[A-Z]+>|<\*>")


# A match of these rules may hold a space ("12 ms", "2026-03-01 10:00:00"); every other
# rule matches inside one whitespace-separated token, with the same result on the token
# alone as in the whole message (its boundaries treat a space like the string's end).
# The test is a superset of where a space-holding match can start: a digit, a space and a
# whole time unit ("5 size" and "8 src:" are not), or a date and a space before a digit.
# (Written to start with the space, which the engine finds fast.)
_SPANS_SPACE = re.compile(
    r" (?:(?<=\d )(?:[nuµm]?s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?)(?![A-Za-z0-9])"
    r"|(?<=-\d\d-\d\d )\d)"
)
# A whole token that is a number or an IPv4 address (with port), maybe after a bracket or
# slash, a name and a separator, and before trailing punctuation: "42", "0).",
# "/10.0.0.1:80,", "blk_-42", "part-00590.", "core.2275", "(uid=0)".
_WHOLE_VALUE = re.compile(
    r"([/(\[=]?(?:[A-Za-z][A-Za-z_]*(?:[_.:=]|(?<=[A-Za-z])-))?)"
    r"(?:([-+]?\d+(?:[.,]\d+)?)|(\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?))([,.;)\]]*)"
)

# The *shape* of a text: its UTF-8 bytes with every ASCII digit made "1". The default
# masking rules treat the ten ASCII digits alike (each character class holds all ten or
# none of them); the one digit written literally is the 0 of "0x", so texts holding "0x" or
# "0X" get no shape. Two texts of one shape therefore get their matches at the same places
# and differ only in the digits no rule took (the *kept* digits, as the 2 of "jk2_init"):
# the masked text is a function of the shape and the kept digits. ("blk_-42 of size 91178"
# and "blk_7 of size 67108" differ in shape, "blk_-42 of size 91178" and "blk_-97 of size
# 10354" do not.) Real logs hold far fewer shapes than lines, so a new line of a known shape
# costs one bytes translation and a lookup or two. A property test checks the claim on
# random texts.
_SHAPE = bytes.maketrans(b"0123456789", b"1111111111")
_ASCII_DIGIT = re.compile(r"[0-9]").search
_ASCII_DIGITS = re.compile(r"[0-9]").findall


def _shape(text: str) -> bytes | None:
    """The shape of ``text`` (None when it holds ``0x``/``0X``)."""
    # a one-character test is far cheaper than a two-character one, and "x" is rare
    if ("x" in text and "0x" in text) or ("X" in text and "0X" in text):
        return None
    return text.encode("utf-8", "surrogatepass").translate(_SHAPE)


def _kept_digits(message: str, masked: str | None = None) -> tuple[int, ...] | None:
    """Positions in ``message`` of the ASCII digits :func:`mask` keeps, in order.

    A kept digit is copied to the masked text, masked ones are not; the kept ones
    appear there in their order. So mask copies of the message whose digits are
    rewritten to spell each digit's index in base 9 (digits 1-9, never writing a 0 that
    could make "0x"), one copy per base-9 place: the k-th digit of each masked copy
    spells the index of the k-th kept digit. The shape stays the same, so the copies
    mask alike; None if they do not (the shape claim would be broken: no caching).
    ``masked``, when known, is ``mask(message)`` up to whitespace.

    >>> message = "jk2_init() Found child 6725 in scoreboard slot 10"
    >>> [message[i] for i in _kept_digits(message)]
    ['2']
    """
    where = [i for i, c in enumerate(message) if "0" <= c <= "9"]
    kept = len(_ASCII_DIGITS(mask(message) if masked is None else masked))
    places = 1
    while 9**places < len(where):
        places += 1
    index = [0] * kept
    chars = list(message)
    for place in range(places):
        unit = 9**place
        for k, i in enumerate(where):
            chars[i] = "123456789"[(k // unit) % 9]
        got = _ASCII_DIGITS(mask("".join(chars)))
        if len(got) != kept:
            return None
        for j, digit in enumerate(got):
            index[j] += (int(digit) - 1) * unit
    if any(k >= len(where) for k in index):
        return None
    return tuple(where[k] for k in index)


class _Kept:
    """A line shape whose masked text keeps digits of the message: the map from kept
    digits to template lives under ``(shape, kept digits)`` in the same dictionary."""

    __slots__ = ("digits",)

    def __init__(self, positions: tuple[int, ...]) -> None:
        self.digits = operator.itemgetter(*positions)


def _by_shape(line_shapes: dict[Any, Any], message: str) -> _Template | None:
    """The template the shape table pins for ``message``, if any."""
    shape = _shape(message)
    if shape is None:
        return None
    entry = line_shapes.get(shape)
    if entry.__class__ is _Kept:
        entry = line_shapes.get((shape, entry.digits(message)))
    return entry


def _pin_shape(line_shapes: dict[Any, Any], shape: bytes, message: str, masked: str,
               tpl: _Template, room: int) -> None:
    """Remember that messages of ``shape`` (and these kept digits) get ``tpl``."""
    if not _ASCII_DIGIT(masked):
        if len(line_shapes) < room:
            line_shapes[shape] = tpl
        return
    entry = line_shapes.get(shape)
    if entry is None:
        positions = _kept_digits(message, masked)
        if positions is None or len(line_shapes) >= room:
            return
        entry = line_shapes[shape] = _Kept(positions)
    if entry.__class__ is _Kept and len(line_shapes) < room:
        line_shapes[(shape, entry.digits(message))] = tpl


def _mask_tokens(message: str, rules: Any, token_cache: dict[str, str], room: int,
                 shapes: dict[bytes, str] | None = None) -> str:
    """``" ".join(mask(message).split())``, computed token by token with caches.

    Words repeat across messages far more than whole messages do, so most tokens
    cost one dictionary lookup. A new token made of letters only is kept as it is
    (no rule matches without a digit or punctuation); one holding digits is looked up
    by its shape in ``shapes`` (when given, default rules only), so ``blk_-42`` named
    once names every ``blk_`` and minus and two digits; a new token that is a plain
    number or IPv4 address (maybe bracketed) is named without running the rules.
    Tokens named by their shape stay out of ``token_cache``, which keeps its room for
    words. Equality with :func:`mask` is property-tested.
    """
    if _SPANS_SPACE.search(message):
        return " ".join(mask(message, rules).split())
    out = []
    default = rules is None
    if not default:
        shapes = None  # shapes hold for the default rules only
    for token in message.split():
        masked = token_cache.get(token)
        if masked is None:
            if default and token.isalpha():
                masked = token
            else:
                shape = None
                if shapes is not None and not (("x" in token and "0x" in token)
                                               or ("X" in token and "0X" in token)):
                    shape = token.encode("utf-8", "surrogatepass").translate(_SHAPE)
                if shape is not None:
                    masked = shapes.get(shape)
                    if masked is not None:
                        out.append(masked)
                        continue
                whole = _WHOLE_VALUE.fullmatch(token) if default else None
                if whole is not None:
                    pre, number, _, post = whole.groups()
                    masked = f"{pre}{'<NUM>' if number is not None else '<IP>'}{post}"
                else:
                    masked = mask(token, rules)
                if shape is not None and not _ASCII_DIGIT(masked):
                    if len(shapes) < room:  # type: ignore[arg-type]
                        shapes[shape] = masked  # type: ignore[index]
                    out.append(masked)
                    continue
            if len(token_cache) < room:
                token_cache[token] = masked
        out.append(masked)
    return " ".join(out)


_LEADING_WORD = re.compile(r"[^A-Za-z]*([A-Za-z][A-Za-z_.]*[A-Za-z_]|[A-Za-z])")


def _bucket_key(tokens: list[str]) -> tuple[int, str]:
    """Token count and the first word among the first three tokens.

    A token's word is the name it starts with once its placeholders are taken out
    (``onExtend:<NUM>`` → ``onExtend``, ``HTTPConnectionPool(host='db',`` →
    ``HTTPConnectionPool``, ``[client`` → ``client``), so a value glued to the
    name does not split the bucket. A token holding a digit the masks left
    (``user42``) or nothing but placeholders (``<IP>``) says nothing about the kind
    of message, so the next token is tried.
    """
    for i, token in enumerate(tokens[:3]):
        if _has_digit(token):
            continue
        word = _PLACEHOLDER.sub(" ", token) if "<" in token else token
        m = _LEADING_WORD.match(word)
        if m is not None:
            return (len(tokens), f"{i}:{m.group(1)}")
    return (len(tokens), WILDCARD)


def _last_cut(prefix: str) -> int:
    """Length of the longest head of ``prefix`` that ends just after punctuation outside
    a placeholder (0 when there is none)."""
    depth = 0
    cut = 0
    for i, c in enumerate(prefix):
        if c == "<":
            depth += 1
        elif c == ">":
            depth = max(depth - 1, 0)
            if depth == 0:
                cut = i + 1
        elif depth == 0 and not c.isalnum():
            cut = i + 1
    return cut


def _first_cut(suffix: str) -> int:
    """Start of the longest tail of ``suffix`` that begins with punctuation outside a
    placeholder (``len(suffix)`` when there is none)."""
    depth = 0
    cut = len(suffix)
    for i in range(len(suffix) - 1, -1, -1):
        c = suffix[i]
        if c == ">":
            depth += 1
        elif c == "<":
            depth = max(depth - 1, 0)
            if depth == 0:
                cut = i
        elif depth == 0 and not c.isalnum():
            cut = i
    return cut


def _generalize(old: str, new: str) -> str:
    """The pattern covering two different tokens: common prefix + ``<*>`` + common suffix.

    ``HTTPConnectionPool(host='db',`` and ``HTTPConnectionPool(host='cache',`` give
    ``HTTPConnectionPool(host='<*>',``; without a common part (or when the common
    part would cut through a placeholder) the token becomes ``<*>``.
    """
    if old == WILDCARD:
        return WILDCARD
    limit = min(len(old), len(new))
    p = 0
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[-1 - s] == new[-1 - s]:
        s += 1
    prefix = old[:p]
    suffix = old[len(old) - s:] if s else ""
    # keep whole pieces only: cut at punctuation, never inside a word or a placeholder
    prefix = prefix[: _last_cut(prefix)]
    suffix = suffix[_first_cut(suffix):]
    if not prefix and not suffix:
        return WILDCARD
    return f"{prefix}{WILDCARD}{suffix}"


def _template_id(text: str, taken: dict[str, Any]) -> str:
    salt = 0
    while True:
        payload = text if salt == 0 else f"{text}\x00{salt}"
        tid = "t" + hashlib.blake2b(payload.encode("utf-8"), digest_size=6).hexdigest()
        if tid not in taken:
            return tid
        salt += 1


class TemplateMiner(BaseEstimator):
    """Mine message templates online and map each message to a stable template id.

    Parameters
    ----------
    similarity : float, default=0.5
        Share of token positions that must agree for a message to join a
        template (wildcard positions do not count as agreeing). One default for
        all sources; lower merges more.
    cache_size : int, default=200_000
        Entries per cache: messages as written, message shapes (lines that differ
        only in numbers) and masked messages, each with its template, plus words
        and word shapes with their masked form (real logs repeat heavily; a repeat
        costs one or two dictionary lookups). When full, known entries stay and new
        ones are matched each time, so the id a message got does not drift.

    Attributes
    ----------
    templates_ : dict of str to str
        Template id → template text, in creation order.
    counts_ : dict of str to int
        Template id → number of messages it matched.

    Examples
    --------
    >>> miner = TemplateMiner()
    >>> ids = miner.partial_fit_transform(["took 12ms to flush 3 pages",
    ...                                     "took 950ms to flush 17 pages"])
    >>> ids[0] == ids[1], miner.templates_[ids[0]]
    (True, 'took <DURATION> to flush <NUM> pages')
    """

    def __init__(self, similarity: float = 0.5, cache_size: int = 200_000) -> None:
        self.similarity = similarity
        self.cache_size = cache_size

    # ------------------------------------------------------------------ learning
    def fit(self, X: Iterable[str], y: None = None) -> TemplateMiner:
        """Forget everything and learn templates from ``X``.

        Parameters
        ----------
        X : iterable of str
            Messages.
        y : None
            Ignored.

        Returns
        -------
        TemplateMiner
            self.
        """
        self._reset()
        self.partial_fit_transform(X)
        return self

    def partial_fit(self, X: Iterable[str], y: None = None) -> TemplateMiner:
        """Learn from ``X`` on top of what is already known (one pass, online).

        Examples
        --------
        >>> m = TemplateMiner().partial_fit(["disk 1 full"]).partial_fit(["disk 2 full"])
        >>> list(m.templates_.values())
        ['disk <NUM> full']
        """
        self.partial_fit_transform(X)
        return self

    def fit_transform(self, X: Iterable[str], y: None = None) -> list[str]:
        """Forget everything, learn from ``X`` and return each message's template id."""
        self._reset()
        return self.partial_fit_transform(X)

    def partial_fit_transform(self, X: Iterable[str]) -> list[str]:
        """Learn from ``X`` online and return the template id each message got on arrival.

        Ids are final: templates are never merged or renamed.

        Parameters
        ----------
        X : iterable of str
            Messages, in arrival order.

        Returns
        -------
        list of str
            One template id per message.
        """
        self._check_params()
        if not hasattr(self, "_by_id"):
            self._reset()
        raw_cache = self._raw_cache
        cache = self._cache
        room = int(self.cache_size)
        out: list[str] = []
        append = out.append
        rules = self._rules
        token_cache = self._token_cache
        fast = rules is None  # shapes hold for the default rules only
        token_shapes = self._token_shapes if fast else None
        line_shapes = self._line_shapes
        for i, message in enumerate(X):
            tpl = raw_cache.get(message)
            if tpl is None:
                if not isinstance(message, str):
                    raise TypeError(
                        f"message at position {i} is {type(message).__name__}, not str; "
                        "convert missing messages to '' before mining"
                    )
                # a new line of a known shape (same text up to digits no rule left)
                shape = None
                if fast and not (("x" in message and "0x" in message)
                                 or ("X" in message and "0X" in message)):
                    shape = message.encode("utf-8", "surrogatepass").translate(_SHAPE)
                    tpl = line_shapes.get(shape)
                    if tpl.__class__ is _Kept:
                        tpl = line_shapes.get((shape, tpl.digits(message)))  # type: ignore[union-attr]
                if tpl is None:
                    masked = _mask_tokens(message, rules, token_cache, room, token_shapes)
                    tpl = cache.get(masked)
                    if tpl is None:
                        tpl = self._learn(masked)
                    # only a pinned assignment (masked text in the cache) is shared by shape
                    if shape is not None and cache.get(masked) is tpl:
                        _pin_shape(line_shapes, shape, message, masked, tpl, room)
                if len(raw_cache) < room:
                    raw_cache[message] = tpl
            tpl.count += 1
            append(tpl.template_id)
        return out

    # ------------------------------------------------------------------ inference
    def transform(self, X: Iterable[str]) -> list[str | None]:
        """Template id of the best known template for each message, without learning.

        Returns None for a message that matches no template.

        Examples
        --------
        >>> m = TemplateMiner().fit(["disk 1 full", "disk 2 full"])
        >>> m.transform(["disk 9 full", "fan stopped"])[1] is None
        True
        """
        self._check_fitted()
        out: list[str | None] = []
        for message in X:
            tpl = self._raw_cache.get(message)
            if tpl is not None:
                out.append(tpl.template_id)
                continue
            message = str(message)
            tpl = _by_shape(self._line_shapes, message) if self._rules is None else None
            if tpl is not None:
                out.append(tpl.template_id)
                continue
            masked = _mask_tokens(message, self._rules, {}, 0)
            tpl = self._cache.get(masked)
            if tpl is None:
                tokens = _tokenize(masked)
                tpl = self._best(tokens, self._buckets.get(_bucket_key(tokens), ()))
            out.append(None if tpl is None else tpl.template_id)
        return out

    def template_of(self, template_id: str) -> str:
        """The current text of template ``template_id``."""
        self._check_fitted()
        try:
            return self._by_id[template_id].text
        except KeyError:
            raise KeyError(f"no template with id {template_id!r}") from None

    @property
    def templates_(self) -> dict[str, str]:
        self._check_fitted()
        return {tid: tpl.text for tid, tpl in self._by_id.items()}

    @property
    def counts_(self) -> dict[str, int]:
        self._check_fitted()
        return {tid: tpl.count for tid, tpl in self._by_id.items()}

    # ------------------------------------------------------------------ state
    def to_state(self) -> bytes:
        """Serialize the learned templates (not the cache) to bytes.

        Examples
        --------
        >>> m = TemplateMiner().fit(["disk 1 full"])
        >>> TemplateMiner.from_state(m.to_state()).templates_ == m.templates_
        True
        """
        self._check_fitted()
        state = {
            "version": _STATE_VERSION,
            "params": self.get_params(),
            "templates": [[t.template_id, t.tokens, t.count, list(t.key)]
                          for t in self._by_id.values()],
        }
        return json.dumps(state, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_state(cls, state: bytes) -> TemplateMiner:
        """Rebuild a miner saved with :meth:`to_state`; ids are kept exactly."""
        try:
            data = json.loads(state.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("template miner state is not valid JSON; was it saved by "
                             "TemplateMiner.to_state?") from exc
        if not isinstance(data, dict) or data.get("version") != _STATE_VERSION:
            raise ValueError(
                f"template miner state has version {data.get('version') if isinstance(data, dict) else None!r}; "
                f"this faultline reads version {_STATE_VERSION}"
            )
        miner = cls(**data["params"])
        miner._reset()
        for tid, tokens, count, (length, word) in data["templates"]:
            miner._add(_Template(tid, list(tokens), (int(length), str(word)), int(count)))
        return miner

    # ------------------------------------------------------------------ internals
    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = True
        return tags

    def _check_params(self) -> None:
        if not 0.0 < float(self.similarity) <= 1.0:
            raise ValueError(f"similarity must be in (0, 1]; got {self.similarity!r}")
        if int(self.cache_size) < 0:
            raise ValueError(f"cache_size must be >= 0; got {self.cache_size!r}")

    def _check_fitted(self) -> None:
        if not hasattr(self, "_by_id"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError(
                "This TemplateMiner is not fitted yet; call fit, partial_fit or "
                "TemplateMiner.from_state first"
            )

    def _reset(self) -> None:
        self._rules = None  # the default masking rules
        self._by_id: dict[str, _Template] = {}
        self._buckets: dict[tuple[int, str], list[_Template]] = {}
        self._cache: dict[str, _Template] = {}
        self._raw_cache: dict[str, _Template] = {}
        self._token_cache: dict[str, str] = {}
        self._token_shapes: dict[bytes, str] = {}  # token shape -> masked token
        # message shape -> template, or -> _Kept and (shape, kept digits) -> template
        self._line_shapes: dict[Any, Any] = {}

    def _add(self, tpl: _Template) -> None:
        self._by_id[tpl.template_id] = tpl
        self._buckets.setdefault(tpl.key, []).append(tpl)

    def _best(self, tokens: list[str], candidates: Iterable[_Template]) -> _Template | None:
        n = len(tokens)
        if n == 0:
            for tpl in candidates:
                return tpl
            return None
        need = float(self.similarity) * n
        digit = [_has_digit(t) for t in tokens]
        best: _Template | None = None
        best_rank = (False, -1)
        for tpl in candidates:
            score = 0
            wild = 0
            for a, b, d in zip(tpl.tokens, tokens, digit, strict=True):
                if a == b or (d and "<*>" not in a and _has_digit(a)):
                    score += 1
                elif "<*>" in a:
                    wild += 1
            # A message that agrees with every constant of a template is an instance of
            # it, however many wildcards the template has gathered: so a template that
            # generalized keeps matching new values instead of spawning near-copies.
            fits = score + wild == n
            rank = (fits, score)
            if (fits or score >= need) and rank > best_rank:
                best, best_rank = tpl, rank
                if score == n:
                    break
        return best

    def _learn(self, masked: str) -> _Template:
        tokens = _tokenize(masked)
        key = _bucket_key(tokens)
        bucket = self._buckets.get(key)
        tpl = self._best(tokens, bucket) if bucket else None
        if tpl is None:
            tpl = _Template(_template_id(" ".join(tokens), self._by_id), tokens, key)
            self._add(tpl)
        else:
            old = tpl.tokens
            for i, (a, b) in enumerate(zip(old, tokens, strict=True)):
                if a != b and a != WILDCARD:
                    old[i] = _generalize(a, b)
        if len(self._cache) < int(self.cache_size):
            self._cache[masked] = tpl
        return tpl


def mine_templates(messages: list[str]) -> list[tuple[str, str]]:
    """Mine templates from ``messages`` and return ``(template_id, template)`` per message.

    One pass with a fresh :class:`TemplateMiner` at its defaults; the template
    text is the template's final form after all messages were seen.

    Parameters
    ----------
    messages : list of str
        Log messages, in order.

    Returns
    -------
    list of (str, str)
        Template id and template text for each message, same order.

    Examples
    --------
    >>> pairs = mine_templates(["GET /a/b took 5ms", "GET /c/d took 17ms", "cache miss"])
    >>> [t for _, t in pairs]
    ['GET <PATH> took <DURATION>', 'GET <PATH> took <DURATION>', 'cache miss']
    >>> pairs[0][0] == pairs[1][0] != pairs[2][0]
    True
    """
    miner = TemplateMiner()
    ids = miner.fit_transform(messages)
    texts = miner.templates_
    return [(tid, texts[tid]) for tid in ids]
