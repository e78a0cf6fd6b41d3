"""Property tests for the simulator's value generators and message rendering."""

from __future__ import annotations

import ipaddress
import json
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from features.contract import is_span_id, is_trace_id, normalize_event
from features.simulate import identifiers as ids
from features.simulate import personal
from features.simulate.catalog import build_catalog
from features.simulate.draws import Draws
from features.simulate.render import Renderer
from features.simulate.templates import LIBRARY, eligible

seeds = st.integers(min_value=0, max_value=2**32 - 1)
_SERVICES = build_catalog(27, np.random.default_rng(0))


def _d(seed: int) -> Draws:
    return Draws(np.random.default_rng(seed))


@settings(deadline=None)
@given(seeds)
def test_draws_are_a_function_of_the_seed(seed):
    a, b = _d(seed), _d(seed)
    assert [a.word() for _ in range(50)] == [b.word() for _ in range(50)]
    assert a.alnum(20) == b.alnum(20) and len(a.alnum(7)) == 7


@given(seeds, st.integers(min_value=1, max_value=1000))
def test_draws_stay_in_range(seed, n):
    d = _d(seed)
    for _ in range(20):
        assert 0 <= d.below(n) < n
        assert 0.0 <= d.uniform() < 1.0
        assert len(d.digits(12)) == 12 and d.digits(12)[0] != "0"


@given(seeds)
def test_cards_pass_luhn_and_ibans_their_check_digits(seed):
    d = _d(seed)
    for _ in range(5):
        card = re.sub(r"[ -]", "", personal.card(d))
        assert card.isdigit() and len(card) in (15, 16) and personal.luhn_ok(card)
        iban = personal.iban(d).replace(" ", "")
        assert re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", iban) and personal.iban_ok(iban)


@given(seeds)
def test_client_addresses_are_public(seed):
    d = _d(seed)
    for _ in range(10):
        v4 = ipaddress.ip_address(personal.ipv4(d))
        assert v4.is_global
        v6 = ipaddress.ip_address(personal.ipv6(d))
        assert v6.version == 6 and not v6.is_private


@given(seeds)
def test_personal_values_have_their_shape(seed):
    d = _d(seed)
    assert re.fullmatch(r"[a-z0-9._+]+@[a-z0-9.-]+\.[a-z]{2,}", personal.email(d))
    assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", personal.ssn(d))
    assert personal.aws_key(d)[:4] in ("AKIA", "ASIA") and len(personal.aws_key(d)) == 20
    assert re.fullmatch(r"gh[pos]_[A-Za-z0-9]{36}", personal.github_token(d))
    assert re.fullmatch(r"xoxb-\d{11}-\d{13}-[A-Za-z0-9]{24}", personal.slack_token(d))
    header, payload, _sig = personal.jwt(d).split(".")
    import base64

    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert "sub" in claims and header.startswith("eyJ")
    assert re.fullmatch(r"([0-9a-f]{2}:){5}[0-9a-f]{2}", personal.mac(d))


@given(seeds)
def test_decoys_have_their_shape(seed):
    d = _d(seed)
    assert is_trace_id(ids.trace_id(d)) and is_span_id(ids.span_id(d))
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        ids.uuid4(d))
    assert re.fullmatch(r"checkout-[a-z0-9]{9}-[a-z0-9]{5}", ids.pod_name("checkout", d.below(9)))
    v = ids.version_after("2.4.1", d)
    assert re.fullmatch(r"\d+\.\d+\.\d+(-beta|-rc\.1)?", v) and v != "2.4.1"


@settings(max_examples=8, deadline=None)
@given(seeds, st.integers(min_value=1_700_000_000_000, max_value=1_900_000_000_000))
def test_every_template_renders_a_contract_event_naming_its_plants(seed, t_ms):
    r = Renderer(_SERVICES, _d(seed))
    for si, svc in enumerate(_SERVICES):
        for t in LIBRARY:
            if svc.runtime not in t.runtimes or not all(n in svc.features for n in t.needs):
                continue
            line, plants, event_id = r.event(si, t.key, t_ms, "1.2.3")
            ev, _ = normalize_event(json.loads(line))
            assert ev["service"] == svc.name
            if event_id:
                assert ev["event_id"] == event_id
            for kind, value, field, _is_personal in plants:
                where = (ev["attributes"][field.split(".", 1)[1]] if field.startswith("attributes.")
                         else ev[field])
                assert value in str(where), (t.key, kind, field)
        break_after = si >= 8  # a third of the catalog per example keeps this fast
        if break_after:
            break


def test_every_runtime_has_templates_for_every_fault_role():
    for runtime in ("java", "python", "go", "node"):
        for use in ("bg", "timeout", "unavailable", "db_outage", "overload", "retry", "giveup",
                    "regression", "persistent"):
            assert eligible(runtime, (), use), (runtime, use)
    regression = {t.key for t in LIBRARY if "regression" in t.uses}
    assert not regression & {t.key for t in LIBRARY if "bg" in t.uses}
