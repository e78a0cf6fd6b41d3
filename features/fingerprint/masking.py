"""Typed placeholders: replace the variable parts of a log message.

Masking runs before template mining. Each rule is one precompiled regular
expression applied with ``re.sub`` (C speed, no Python callback), in an order that
lets the more specific shapes win: an anonymizer token before anything else, a
URL before the path inside it, an IP address before its numbers, a duration
before a bare number.

The rules are about the *shape* of a token, never about one data set: numbers,
hex, UUIDs, IPv4/IPv6 addresses (with port), MAC addresses, file paths, URLs,
timestamps, durations with a unit, and the anonymizer's keyed tokens such as
``<email:k1:7f3a9c1e02>``. A digit run glued to letters (``jk2_init``,
``workers2``) is left alone: it is more often a name than a value; the miner
treats such tokens as variable only when they differ between messages.

Masking is idempotent: ``mask(mask(m)) == mask(m)`` (a property test checks it).

Examples
--------
>>> mask("Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6")
'Received block blk_<NUM> of size <NUM> from /<IP>'
>>> mask("user <user:k1:7f3a9c1e02> timed out after 1500ms on 0x7ffe3a2b")
'user <TOKEN> timed out after <DURATION> on <HEX>'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PLACEHOLDERS", "MaskRule", "compile_rules", "default_rules", "mask"]


@dataclass(frozen=True)
class MaskRule:
    """One masking rule: a regular expression and the placeholder it writes.

    Parameters
    ----------
    name : str
        The placeholder type, written as ``<NAME>``.
    pattern : str
        A regular expression matching the variable part.
    gate : str
        A cheap regular expression that any match of ``pattern`` implies (best
        starting with a literal character, which the engine finds fast); the rule
        runs only on messages where the gate is found. Empty to always run it.
    """

    name: str
    pattern: str
    gate: str = ""

    @property
    def placeholder(self) -> str:
        """The text that replaces a match, e.g. ``<NUM>``."""
        return f"<{self.name}>"


# Boundaries: a value must not be glued to a letter or digit on the left (so the
# "2" in "jk2_init" stays) but may follow punctuation ("blk_-42", "/10.0.0.1").
# A placeholder written by an earlier rule ("<NUM>") stands for letters or digits, so the
# boundaries also refuse one as a neighbour: that keeps masking idempotent.
_L = r"(?<![A-Za-z0-9_])(?<![A-Z>]>)"
_L_NUM = r"(?<![A-Za-z0-9])(?<![A-Z>]>)"
_R = r"(?![A-Za-z0-9])(?!<[A-Z])"
_DIGITS = r"\d"

_DEFAULT_RULES: tuple[MaskRule, ...] = (
    # anonymizer tokens: <kind:key:hex> (and already-typed placeholders stay as they are)
    MaskRule("TOKEN", r"<[A-Za-z][\w.-]*:[\w.-]+:[0-9A-Fa-f]{6,}>", "<"),
    MaskRule("URL", _L + r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"']+", "://"),
    # the last label starts with a letter: "pkg@1.2.3" is a package version, not a mailbox
    MaskRule("EMAIL", r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*\b", "@"),
    MaskRule(
        "UUID",
        _L + r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}" + _R,
        r"-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-",
    ),
    MaskRule(
        "TS",
        _L + r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?" + _R,
        r"-\d\d-\d\d[T ]",
    ),
    MaskRule("MAC", _L + r"(?=[0-9A-Fa-f:]*\d)[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}" + _R,
             r":[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:"),
    MaskRule("IP", _L_NUM + r"(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?" + _R, r"\.\d{1,3}\.\d{1,3}\."),
    MaskRule("IP", _L + r"(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}" + _R,
             r":[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:"),
    MaskRule(
        "IP",
        _L + r"(?=[0-9A-Fa-f:]*\d)(?:[0-9A-Fa-f]{1,4}:){1,6}:"
        + r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?" + _R,
        "::",
    ),
    # absolute paths (unix, home, windows); at least two segments so "a/b" words survive
    MaskRule(
        "PATH",
        r"(?<![\w./:<>-])(?:~|[A-Za-z]:)?(?:/[\w.@%+~$-]+){2,}/?"
        + r"|(?<![\w./:<>-])(?:[A-Za-z]:)?(?:\\[\w.@%+~$-]+){2,}\\?",
        r"[/\\][\w.@%+~$-]+[/\\]",
    ),
    MaskRule("HEX", _L_NUM + r"0[xX][0-9A-Fa-f]+" + _R
             + r"|" + _L + r"(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{8,}" + _R, _DIGITS),
    MaskRule(
        "DURATION",
        _L_NUM + r"\d+(?:\.\d+)?[ ]?(?:ns|us|µs|ms|sec|secs|seconds?|s|mins?|minutes?|h|hrs?|hours?)"
        + _R,
        r"\d[ ]?[nuµmsh]",
    ),
    MaskRule("NUM", _L_NUM + r"[-+]?\d+(?:[.,]\d+)*", _DIGITS),
)

PLACEHOLDERS: tuple[str, ...] = tuple(dict.fromkeys(r.placeholder for r in _DEFAULT_RULES))


def default_rules() -> tuple[MaskRule, ...]:
    """The built-in masking rules, in the order they are applied.

    Examples
    --------
    >>> [r.name for r in default_rules()][:3]
    ['TOKEN', 'URL', 'EMAIL']
    """
    return _DEFAULT_RULES


Compiled = tuple[tuple[re.Pattern[str], str, re.Pattern[str] | None], ...]


def _compile(rules: tuple[MaskRule, ...]) -> Compiled:
    return tuple((re.compile(r.pattern), r.placeholder, re.compile(r.gate) if r.gate else None)
                 for r in rules)


_COMPILED = _compile(_DEFAULT_RULES)


def compile_rules(rules: tuple[MaskRule, ...] | None) -> Compiled:
    """Compile ``rules`` (the defaults when None) for :func:`mask`.

    Examples
    --------
    >>> rules = compile_rules((MaskRule("TICKET", "JIRA-[0-9]+"),))
    >>> mask("see JIRA-123", rules)
    'see <TICKET>'
    """
    return _COMPILED if rules is None else _compile(rules)


def mask(message: str, rules: Compiled | None = None) -> str:
    """Replace the variable parts of ``message`` with typed placeholders.

    Parameters
    ----------
    message : str
        One log message (already anonymized when it comes from the store).
    rules : tuple, optional
        Compiled rules from :func:`compile_rules`; the defaults when None.

    Returns
    -------
    str
        The masked message.

    Examples
    --------
    >>> mask("GET /api/v1/orders/8812 took 2.5s from 10.0.0.7:443")
    'GET <PATH> took <DURATION> from <IP>'
    >>> mask("job 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed")
    'job <UUID> failed'
    """
    if rules is None or rules is _COMPILED:
        return _mask_default(message)
    for pattern, placeholder, gate in rules:
        if gate is None or gate.search(message):
            message = pattern.sub(placeholder, message)
    return message


(_TOKEN, _URL, _EMAIL, _UUID, _TS, _MAC, _IP4, _IP6, _IP6C, _PATH, _HEXR, _DUR, _NUMR) = (
    (pattern.sub, placeholder, gate.search if gate is not None else None)
    for pattern, placeholder, gate in _COMPILED
)
_HAS_DIGIT = re.compile(r"\d").search
# Every default rule needs a digit or one of these characters to match (UUID and full IPv6
# can be all letters a-f, with "-" or ":"); text without any of them is left as it is.
_MAY_MATCH = re.compile(r"[\d<:@/\\-]").search


def _mask_default(m: str) -> str:
    """The default rules in their order, each behind its gate and a cheaper substring test
    the gate implies (a plain ``in`` costs far less than a regex call)."""
    if not _MAY_MATCH(m):
        return m
    if "<" in m:
        m = _TOKEN[0](_TOKEN[1], m)
    if "://" in m:
        m = _URL[0](_URL[1], m)
    if "@" in m:
        m = _EMAIL[0](_EMAIL[1], m)
    if "-" in m:
        if _UUID[2](m):
            m = _UUID[0](_UUID[1], m)
        if _TS[2](m):
            m = _TS[0](_TS[1], m)
    if ":" in m and _MAC[2](m):
        m = _MAC[0](_MAC[1], m)
    if "." in m and _IP4[2](m):
        m = _IP4[0](_IP4[1], m)
    if ":" in m:
        if _IP6[2](m):
            m = _IP6[0](_IP6[1], m)
        if "::" in m:
            m = _IP6C[0](_IP6C[1], m)
    if ("/" in m or "\\" in m) and _PATH[2](m):
        m = _PATH[0](_PATH[1], m)
    if _HAS_DIGIT(m):
        m = _HEXR[0](_HEXR[1], m)
        if _DUR[2](m):
            m = _DUR[0](_DUR[1], m)
        m = _NUMR[0](_NUMR[1], m)
    return m
