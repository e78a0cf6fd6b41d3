"""National identity numbers other than the US SSN, read in free text by their check digits.

Brazil's CPF, the UK's National Insurance number, Italy's codice fiscale, Spain's DNI and
NIE, France's NIR and India's Aadhaar number: valid ones are found (kind ``ssn``) wherever
they are written in random text, and the same shapes with a wrong check are left alone.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from features.privacy import Anonymizer, Policy, TokenKey, find_spans
from features.privacy.checks import (
    is_aadhaar_valid,
    is_codice_fiscale_valid,
    is_cpf_valid,
    is_dni_valid,
    is_nino_valid,
    is_nir_valid,
)

ANON = Anonymizer(Policy.load(), TokenKey.from_secret("national id test key, not a secret"))
DIGITS = string.digits
UPPER = string.ascii_uppercase


def test_published_examples() -> None:
    # values printed in the issuers' or well-known public examples
    assert is_cpf_valid("529.982.247-25") and not is_cpf_valid("529.982.247-52")
    assert is_codice_fiscale_valid("RSSMRA85T10A562S") and not is_codice_fiscale_valid("RSSMRA85T10A562Z")
    assert is_dni_valid("12345678Z") and is_dni_valid("X1234567L") and not is_dni_valid("X1234567K")
    assert is_nino_valid("AB 12 34 56 C") and not is_nino_valid("AB 12 34 56 E") and not is_nino_valid("DA123456A")
    # a twelve-digit number whose Verhoeff check fails
    assert is_aadhaar_valid("2000 0000 0000") is False
    assert not is_cpf_valid("000.000.000-00")


def _complete(body: str, tail: str, check: object) -> str:
    """``body`` + the one character of ``tail`` that makes ``check`` pass (asserting there is one)."""
    good = [body + c for c in tail if check(body + c)]  # type: ignore[operator]
    assert len(good) == 1, (body, good)
    return good[0]


@st.composite
def national_ids(draw: st.DrawFn) -> tuple[str, str]:
    """(valid id as written, a copy with a wrong check character)."""
    kind = draw(st.sampled_from(["cpf", "nino", "cf", "dni", "nie", "nir", "aadhaar"]))
    digits = lambda n: "".join(draw(st.lists(st.sampled_from(DIGITS), min_size=n, max_size=n)))  # noqa: E731
    letters = lambda n: "".join(draw(st.lists(st.sampled_from(UPPER), min_size=n, max_size=n)))  # noqa: E731
    if kind == "cpf":
        body = digits(9)
        if len(set(body)) == 1:
            body = "1" + body[1:] if body[0] != "1" else "2" + body[1:]
        for d1 in DIGITS:
            for d2 in DIGITS:
                text = f"{body[:3]}.{body[3:6]}.{body[6:]}-{d1}{d2}"
                if is_cpf_valid(text):
                    bad = f"{text[:-1]}{(int(d2) + 1) % 10}"
                    return text, bad
        raise AssertionError(body)
    if kind == "nino":
        first = draw(st.sampled_from("ABCEGHJKLMNOPRSTWXYZ"))
        second = draw(st.sampled_from("ABCEGHJKLMNPRSTWXYZ").filter(
            lambda c: first + c not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")))
        n = digits(6)
        sep = draw(st.sampled_from(["", " "]))
        suffix = draw(st.sampled_from("ABCD"))
        text = sep.join([first + second, n[:2], n[2:4], n[4:], suffix])
        return text, text[:-1] + "E"
    if kind == "cf":
        body = letters(6) + digits(2) + draw(st.sampled_from("ABCDEHLMPRST")) + digits(2) + letters(1) + digits(3)
        text = _complete(body, UPPER, is_codice_fiscale_valid)
        return text, body + UPPER[(UPPER.index(text[-1]) + 1) % 26]
    if kind in ("dni", "nie"):
        body = digits(8) if kind == "dni" else draw(st.sampled_from("XYZ")) + digits(7)
        dash = draw(st.sampled_from(["", "-"]))
        text = _complete(body + dash, UPPER, is_dni_valid)
        return text, text[:-1] + UPPER[(UPPER.index(text[-1]) + 1) % 26]
    if kind == "nir":
        body = draw(st.sampled_from("12")) + digits(12)
        corsica = draw(st.sampled_from(["", "2A", "2B"]))  # Corsica's departments count as 19 and 18
        number = body[:5] + {"2A": "19", "2B": "18"}[corsica] + body[7:] if corsica else body
        key = 97 - int(number) % 97
        if corsica:
            body = body[:5] + corsica + body[7:]
        spaced = f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]}"
        text = f"{spaced} {key:02d}"
        assert is_nir_valid(text)
        return text, f"{spaced} {(key % 97) + 1:02d}"
    body = draw(st.sampled_from("23456789")) + digits(10)
    sep = draw(st.sampled_from([" ", "-"]))
    whole = _complete(body, DIGITS, is_aadhaar_valid)
    text = sep.join([whole[:4], whole[4:8], whole[8:]])
    return text, text[:-1] + str((int(text[-1]) + 1) % 10)


WORDS = st.lists(st.sampled_from(["lookup", "failed", "for", "doc", "id", "KYC", "check", "(", ")", ":", "="]),
                 max_size=5).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(national_ids(), WORDS, WORDS, st.sampled_from([" ", ": ", " [", '"', "="]))
def test_valid_ids_are_found_anywhere(ids: tuple[str, str], before: str, after: str, sep: str) -> None:
    value, _ = ids
    text = f"{before}{sep}{value} {after}".strip()
    spans = [(s.kind, text[s.start:s.end]) for s in find_spans(text)]
    # a twelve-digit Aadhaar number can pass Luhn with a card issuer's prefix too (Maestro)
    assert ("ssn", value) in spans or ("card", value) in spans, (text, spans)
    assert value not in ANON.anonymize_text(text)


@settings(max_examples=300, deadline=None)
@given(national_ids(), WORDS)
def test_a_wrong_check_is_left_alone(ids: tuple[str, str], before: str) -> None:
    _, bad = ids
    text = f"{before} {bad} done".strip()
    assert not [s for s in find_spans(text) if s.kind == "ssn"], text


@pytest.mark.parametrize("text", [
    "card 4111 1111 1111 1111 declined",  # a card's last twelve digits are no Aadhaar number
    "snapshot 20241203T101010Z",  # a compact timestamp is no DNI
    "AWS account 123456789012",  # twelve digits without the printed grouping
    "firmware 123.456.789-12",  # a CPF's shape without its check digits
])  # fmt: skip
def test_look_alikes_are_no_national_id(text: str) -> None:
    assert not [s for s in find_spans(text) if s.kind == "ssn"], text
