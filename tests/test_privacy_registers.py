"""Identity numbers after the word that names them, names as registers, airlines and SAP
write them, and logins with no separator: what is found, and exactly where it ends."""

from __future__ import annotations

import re

import pytest
from conftest import spans_found
from hypothesis import given, settings
from hypothesis import strategies as st

from features.privacy.detectors import find_spans, is_person_name
from features.privacy.gazetteer import JOINED_WORDS, SURNAMES
from features.privacy.keys import classify_key, is_role_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KVNR T481927365 stimmt nicht", [("ssn", "T481927365")]),
        ("CURP HERG850922MDFRZD09, NSS 12-34-56-7890-1", [("ssn", "HERG850922MDFRZD09"), ("ssn", "12-34-56-7890-1")]),
        ("codice fiscale: SPSGLI90E52F839K non valido", [("ssn", "SPSGLI90E52F839K")]),
        # a word that is also a library's, a field's or a product's: no code after it
        ("NSS error -8179 in NSS 3.90; PAN offset 12; KVNR field missing; TSI ABC123; PAN-OS 10.2.4", []),
    ],
)
def test_codes_after_the_word_that_names_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_found(text) == expected


def test_a_date_of_birth_ends_with_its_digits() -> None:
    assert spans_found("CLAIM RSP DOB=19490112 Rx#6281940") == [("dob", "19490112")]
    assert spans_found("dob=2011-07-23 below minimum age") == [("dob", "2011-07-23")]
    assert spans_found("dob=12 March 1990") == [("dob", "12 March 1990")]  # a date in words goes on


def test_register_names_surname_comma_given() -> None:
    assert is_person_name("LEBLANC,JOSEPH") and is_person_name("BECKER, TRAVIS L")
    assert not is_person_name("ERROR, WARN") and not is_person_name("GET,POST") and not is_person_name("HTTP,HTTPS")
    assert spans_found("for patient BECKER, TRAVIS L DOB 07/22/1985")[0] == ("person_name", "BECKER, TRAVIS L")
    assert ("person_name", "GARCIA,ROSA") in spans_found("Multiple matches for Name=GARCIA,ROSA | RequestId=1b7e")


def test_an_id_in_brackets_after_a_name() -> None:
    assert spans_found("EOB for member Aleksandra Kozłowska (ID 4471-220918) failed") == [
        ("person_name", "Aleksandra Kozłowska"), ("user_id", "4471-220918")]  # fmt: skip
    assert spans_found("Benutzer Jürgen Hoffmann (ID 558201)")[-1] == ("user_id", "558201")
    assert spans_found("job Nightly Export (ID 558201)") == []  # no name before it


def test_a_title_initial_is_not_taken_for_a_given_name() -> None:
    assert spans_found("refusé pour (M. Olivier Lambert) - motif AC01") == [("person_name", "M. Olivier Lambert")]
    assert spans_found("patiënt J. Bakker-de Vries") == spans_found("patiënt J. Bakker-de Vries")  # (unchanged form)


def test_keys_of_people_that_no_key_word_starts() -> None:
    assert classify_key("patient_mrn") == classify_key("patientAccount") == classify_key("EMPLID") == "user_id"
    assert is_role_id("MEM-4471-8820-19")
    assert spans_found("x-err=0x8015DC0B xuid=2535412873491022 gamertag=\"SirPuddington\"") == [
        ("user_id", "2535412873491022"), ("user_id", "SirPuddington")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1KOWALCZYK/AGNIESZKAMRS-A2 .L/ZK4T8P", [("person_name", "KOWALCZYK/AGNIESZKAMRS")]),
        ("NM STRAUSS/KONSTANTIN PA Heinrich-Heine-Allee", [("person_name", "STRAUSS/KONSTANTIN")]),
        ("pasajero GARCIA LOPEZ/ALEJANDRO MR, FQTV", [("person_name", "GARCIA LOPEZ/ALEJANDRO")]),
        ("FRA/JFK TCP/IP EUR/USD READ/WRITE CLIENT/SERVER MARTIN/ASSOCIATES ANIA/SITA", []),
    ],
)
def test_airline_names_surname_slash_given(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_found(text) == expected


def test_logins_with_no_separator() -> None:
    assert spans_found("100 JSCHNEIDER  ZHR_PAYSLIP R68") == [("user_id", "JSCHNEIDER")]
    assert spans_found("OPERATOR=mrossi CARD=Guest and mschulze7 logged") == [("user_id", "mrossi"), ("user_id", "mschulze7")]
    # words that are a letter and a surname, glyph names, a login inside a module path
    assert spans_found("atomic slopes halves swimmer zcaron com.jkowalski.app") == []
    # inside an address or a path, the address's and the home directory's detectors take it whole
    assert spans_found("mail jkowalski@example.com") == [("email", "jkowalski@example.com")]


_JOINED = sorted(s for s in SURNAMES if len(s) >= 5 and s.isascii() and s.isalpha() and s != "caron")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), st.sampled_from(_JOINED), st.booleans())
def test_every_initial_and_surname_is_a_login_unless_a_word(initial: str, surname: str, caps: bool) -> None:
    token = (initial + surname).upper() if caps else initial + surname
    found = spans_found(f"locked by {token} at 10:00")
    if (initial + surname) in JOINED_WORDS:
        assert found == []
    else:
        assert found == [("user_id", token)]


def test_names_of_the_wider_lists_pass_the_gate_by_lookup() -> None:
    from features.privacy.detectors import G_NAMES, NAME_GATE_PATTERNS, NAME_TOKENS, gate_bits

    text = "Freigabe durch Tuukka Mustonen"
    assert "Mustonen" in NAME_TOKENS and "Tuukka" in NAME_TOKENS
    assert not any(re.search(p, text) for p in NAME_GATE_PATTERNS)  # not in the prefix trees
    assert gate_bits(text) & G_NAMES
    assert [text[s.start:s.end] for s in find_spans(text)] == ["Tuukka Mustonen"]
    assert not gate_bits("Jan 12 10:00:01 host sshd[42]: session opened") & G_NAMES


def test_wider_names_are_written_in_the_gate_s_letters() -> None:
    # NAME_TOKENS is exact only if every name of the wider lists is made of NAME_TOKEN_PATTERN's
    # letters and its separators (was an assert at import)
    from features.privacy.gazetteer import MORE_GIVEN_NAMES, MORE_SURNAMES

    assert all(re.fullmatch("(?:[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]|['’-])+", w) for w in MORE_GIVEN_NAMES | MORE_SURNAMES)
