"""Property tests of the anonymizer: idempotent, shape-keeping, decoys intact, nothing personal left.

Personal values come from the simulator's generators (the same ones that plant
the benchmark's ground truth), embedded at random places in random text; values
that are only personal because a key names them (passwords, names, dates of
birth, addresses, user and session ids, cookies, bearer tokens) are embedded
with such a key, as real services write them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from features.privacy import Anonymizer, Policy, TokenKey, find_spans
from features.privacy.batch import _gate_bits
from features.privacy.detectors import (
    HINT_PATTERN,
    HINT_PATTERNS,
    SHAPE_PATTERN,
    SHAPE_PATTERNS,
    SMALL_PATTERN,
    SMALL_PATTERNS,
    gate_bits,
    has_hint,
)
from features.simulate.draws import Draws
from features.simulate.personal import GENERATORS

KEY = TokenKey.from_secret("property test key, not a secret")
ANON = Anonymizer(Policy.load(), KEY)
FIXTURES = Path(__file__).parent / "fixtures" / "privacy"
DECOYS = [
    line.split("\t")[1]
    for line in (FIXTURES / "decoys.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

# how each kind is written when only its key makes it personal
CONTEXT = {
    "password": "password={}",
    "person_name": 'customer_name="{}"',
    "dob": "dob={}",
    "address": 'shipping_address="{}"',
    "user_id": "user_id={}",
    "session_id": "session_id={}",
    "cookie": "Cookie: {}",
    "bearer": "Authorization: Bearer {}",
    "geo": "lat/lon={}",
}
WORDS = ["request", "failed", "retry", "upstream", "timeout", "for", "the", "order", "payment",
         "queue", "error", "worker", "in", "after", "status", "cache", "while", "reading"]  # fmt: skip
SEPS = [" ", ", ", ": ", " (", ") ", "\n", "\t", " | ", "; ", " - "]

settings.register_profile("privacy", max_examples=int(__import__("os").environ.get("PRIVACY_EXAMPLES", "60")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
PROFILE = settings.get_profile("privacy")

filler = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join)
sep = st.sampled_from(SEPS)


@st.composite
def planted(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """Random text with 1-4 personal values at random places; returns (text, [(kind, value)])."""
    n = draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**32 - 1))
    d = Draws(np.random.default_rng(seed))
    parts = [draw(filler)]
    values = []
    for _ in range(n):
        kind = draw(st.sampled_from(sorted(GENERATORS)))
        value = GENERATORS[kind](d)
        values.append((kind, value))
        parts += [draw(sep), CONTEXT.get(kind, "{}").format(value), draw(sep), draw(filler)]
    return "".join(parts), values


@PROFILE
@given(planted())
def test_no_personal_value_survives(case: tuple[str, list[tuple[str, str]]]) -> None:
    text, values = case
    out = ANON.anonymize_text(text)
    for _kind, value in values:
        assert value not in out
    assert ANON.anonymize_text(out) == out  # idempotent


@PROFILE
@given(st.sampled_from(DECOYS), filler, sep, filler)
# a decoy that ends in "1:" before ": " gave "1::", once read as an IPv6 address
@example("Channel error on connection <0.28398.2> (vhost: '/', user: 'billing-svc'), channel 1:", "", ": ", "")
# an HL7 segment logged after a word: its coded values (CT HEAD^BRAIN) are no name
@example("OBR|1|ORD-77120384||XCHES^XR Chest PA and Lat^L|||20240722103100\\rOBX|1|CE|CT HEAD^BRAIN WO CONTRAST^L||"
         "POS^POSITIVE", "request", " ", "")
def test_decoys_survive_in_random_text(decoy: str, before: str, s: str, after: str) -> None:
    text = before + s + decoy + s + after
    assert decoy in ANON.anonymize_text(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(WORDS), children, max_size=3),
    max_leaves=10,
)


def _shape(v: object) -> object:
    if isinstance(v, dict):
        return {k: _shape(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_shape(x) for x in v]
    return type(v).__name__


@PROFILE
@given(planted(), json_values, st.sampled_from(["message", "stack_trace", "custom_field"]))
def test_events_keep_shape_and_are_idempotent(case: tuple[str, list], attrs: object, field: str) -> None:
    text, values = case
    event = {"timestamp": "2026-03-01T10:00:00Z", "service": "checkout", field: text,
             "http_status": 503, "attributes": {"extra": attrs, "note": text}}  # fmt: skip
    out = ANON.anonymize_event(event)
    assert list(out) == list(event)
    assert _shape(out["attributes"]["extra"]) == _shape(attrs)
    blob = json.dumps(out, ensure_ascii=False)
    for _kind, value in values:
        assert value not in blob
    assert ANON.anonymize_event(out) == out


@PROFILE
@given(st.one_of(planted().map(lambda c: c[0]), st.text(max_size=80), st.sampled_from(DECOYS)))
def test_hint_gate_is_a_superset_and_matches_polars(text: str) -> None:
    if find_spans(text):
        assert has_hint(text)
    # polars runs the hint in parts (as one alternation it outgrows the Rust engine's DFA cache,
    # and since the name lists its compiled-size limit); Python's re takes it whole
    series = pl.Series([text])
    rust = any(series.str.contains(p).item() for p in HINT_PATTERNS)
    assert rust == has_hint(text) == (re.search(HINT_PATTERN, text) is not None)
    shape = series.str.contains(SHAPE_PATTERN).item()
    assert any(series.str.contains(p).item() for p in SHAPE_PATTERNS) == shape
    small = series.str.contains(SMALL_PATTERN).item()
    assert any(series.str.contains(p).item() for p in SMALL_PATTERNS) == small


@PROFILE
@given(st.lists(st.one_of(planted().map(lambda c: c[0]), st.text(max_size=80), st.sampled_from(DECOYS)),
                min_size=1, max_size=6))  # fmt: skip
def test_gates_in_polars_match_python(texts: list[str]) -> None:
    # the batch path hands find_spans gate answers computed by polars' regex engine
    assert _gate_bits(texts) == [gate_bits(t) for t in texts]
    for t in texts:
        assert find_spans(t, gates=gate_bits(t)) == find_spans(t)


def test_gates_agree_on_edge_cases() -> None:
    texts = ["aa:bb:cc:dd", "aa-bb-cc-dd", "aa:bb-cc:dd", "x.0a1B.y", "1.2.3.4", "a::b", "::1",
             "12-34 56.78/90", "DE89 3704", "de89", "PRIVATE KEY", "PRIVATE  KEY", "SG.x", "SGx",
             "hooks.slack", "hooksXslack", "sk-1", "ghp_", "é1.2.3.4é", "٣.٣.٣.٣", "１.２.３.４"]  # fmt: skip
    assert _gate_bits(texts) == [gate_bits(t) for t in texts]
    assert gate_bits("SGx") == 0 and gate_bits("aa:bb-cc:dd") & 1 << 3 == 0  # no mixed MAC separators


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(planted(), min_size=1, max_size=8))
def test_batch_equals_per_event(cases: list[tuple[str, list]]) -> None:
    rows = [{"message": text, "user_id": f"u-{i % 3}", "client_ip": "84.26.78.87",
             "attributes": {"note": text, "n": i}} for i, (text, _) in enumerate(cases)]  # fmt: skip
    df = pl.DataFrame(rows)
    batch = Anonymizer(Policy.load(), KEY)
    single = Anonymizer(Policy.load(), KEY)
    assert batch.anonymize_batch(df).to_dicts() == [single.anonymize_event(r) for r in df.to_dicts()]
    assert batch.counts == single.counts


def _personal_ip_reference(text: str) -> bool:
    import ipaddress

    try:
        addr = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    resolvers = {"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112", "208.67.222.222",
                 "208.67.220.220"}  # the public DNS resolvers, no one's address
    return not (addr.version == 4 and (text.startswith("255.") or str(addr) in resolvers))


octet = st.one_of(st.integers(0, 300).map(str), st.sampled_from(["0", "00", "01", "1", "8", "127", "224", "239", "240", "255", "",
                                                                  "1a", "٣"]))


@PROFILE
@given(st.lists(octet, min_size=3, max_size=5).map(".".join))
def test_ipv4_fast_path_agrees_with_ipaddress(text: str) -> None:
    from features.privacy.checks import is_personal_ip

    assert is_personal_ip(text) == _personal_ip_reference(text)


@PROFILE
@given(st.lists(st.one_of(planted().map(lambda c: c[0]), st.sampled_from(DECOYS)), min_size=1, max_size=6))
def test_second_pass_check_never_skips_a_finding(texts: list[str]) -> None:
    # the batch path skips the second find_spans pass where polars says it can find nothing
    from features.privacy.batch import _needs_second_pass

    rewritten = [step[0] for t in texts if (step := ANON._pass(t, False)) is not None]
    rewritten += [t + " " + w for t in rewritten for w in ("user_id=42", "<email:k0000:0123456789ab> x")]
    for text, again in zip(rewritten, _needs_second_pass(rewritten), strict=True):
        if again is None:
            assert find_spans(text) == []
        else:  # and the second pass takes the blanked text's gate bits as its own
            for ident in (False, True):
                assert find_spans(text, identifiers=ident, gates=again) == find_spans(text, identifiers=ident)


@PROFILE
@given(st.lists(st.one_of(planted().map(lambda c: c[0]), st.sampled_from(DECOYS)), min_size=1, max_size=6),
       st.sampled_from(SEPS), st.sampled_from(["", "1", "4111", "user ", "password=", "ada@", "10.0.0."]))
def test_tokens_content_never_changes_what_is_found(texts: list[str], s: str, glue: str) -> None:
    # the batch path does the second pass once per canonical form of a text (tokens blanked)
    from features.privacy.anonymizer import _canonical_tokens

    rewritten = [step[0] for t in texts if (step := ANON._pass(t, False)) is not None]
    rewritten += [glue + t + s + glue for t in rewritten]
    for text in rewritten:
        form = _canonical_tokens(text)
        assert len(form) == len(text)
        for ident in (False, True):
            assert find_spans(text, identifiers=ident) == find_spans(form, identifiers=ident)
