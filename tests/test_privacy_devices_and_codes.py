"""What IT departments' and business software's logs write about people: devices named after
their owners, one-time codes, a card's expiry date, addresses with the "@" spelt out, a login
under a key of a role, a given name the lists do not know before a listed surname. And what
looks alike and must stay."""

from __future__ import annotations

import pytest

from features.privacy.detectors import could_find, find_spans, gate_bits, role_kind
from features.privacy.keys import classify_key


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_spans(text)]


def _same_with_gates(text: str) -> None:
    assert could_find(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not giving name thinkpad-kbauer to the DHCP lease", [("user_id", "thinkpad-kbauer")]),
        ("Unable to backup computer NB-LISA-WEBER (owner unknown)", [("user_id", "NB-LISA-WEBER")]),
        ("DHCPACK(br-lan) Galaxy-S23-Marta", [("user_id", "Galaxy-S23-Marta")]),
        ("DNS Update Failed,DESKTOP-JMARTIN.corp.example.com,,9005", [("user_id", "DESKTOP-JMARTIN")]),
        ("smbd_audit: ALICE-PC|Projekte|unlinkat|fail", [("user_id", "ALICE-PC")]),
        ("lease renewed for Laptop-FSANTOS", [("user_id", "Laptop-FSANTOS")]),
        ("peer iphone-kemal re-keyed", [("user_id", "iphone-kemal")]),
    ],
)
def test_devices_named_after_their_owners(text: str, expected: list) -> None:
    assert _found(text) == expected
    _same_with_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "host DESKTOP-7F3K2LQ joined the domain",  # Windows' own name: no name in its letters
        "model Galaxy-S23-Ultra not supported",
        "iPhone-15-Pro rollout paused",
        "android-sdk-tools 34.0.5 missing",
        "pixel-service restarted",
        "desktop-notifications failed to load",
        "PC-CONTAB-03 offline",
    ],
)
def test_devices_named_otherwise_stay(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('short_message="Ihr Code lautet 482913"', [("secret", "482913")]),
        ("VerificationCheck status=pending code=093145 attempts=5", [("secret", "093145")]),
        ('{"template":"otp","vars":{"code":"482913"}}', [("secret", "482913")]),
        ('body="Ihr Bestätigungscode für das Bürgerportal lautet 739204" status=queued', [("secret", "739204")]),
        ("OTP: 553311", [("secret", "553311")]),
    ],
)
def test_one_time_codes(text: str, expected: list) -> None:
    assert _found(text) == expected
    _same_with_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "certificate verify failed code=20 depth=1",
        "verification failed error_code=400123",
        "reset password failed with code 500",
        "Your code is 404",  # too short for a one-time code after "code"
        "mfa enrolment: status_code=2001",
    ],
)
def test_codes_of_errors_stay(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card=4111111111111111, exp 11/27, holder x", [("card", "4111111111111111"), ("card", "11/27")]),
        ('lastInput={number:"4111", expirationDate:"11/26", cardholderName:"x"}', [("card", "11/26")]),
        ("SIS0093 PAN=4548812049400004 caducidad=2712", [("card", "4548812049400004"), ("card", "2712")]),
    ],
)
def test_a_cards_expiry(text: str, expected: list) -> None:
    assert _found(text) == expected
    _same_with_gates(text)


@pytest.mark.parametrize("text", ["cert expiry 12/2025 renewal", "Expires: 06/30", "token exp=1710250000"])
def test_other_expiry_dates_stay(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("value: 'gabriela.silva[at]uol.com.br', origin", [("email", "gabriela.silva[at]uol.com.br")]),
        ("mail: jan.novak (at) seznam (dot) cz ok", [("email", "jan.novak (at) seznam (dot) cz")]),
        ("write to info[at]example.com", [("email", "info[at]example.com")]),
    ],
)
def test_addresses_with_the_at_spelt_out(text: str, expected: list) -> None:
    assert _found(text) == expected
    _same_with_gates(text)


@pytest.mark.parametrize("text", ["see docs [at] line 4", "x = foo(at)", "Array(at) index 3"])
def test_at_in_brackets_alone_stays(text: str) -> None:
    assert _found(text) == []


def test_a_login_under_a_role_and_login_id() -> None:
    assert classify_key("login_id") == classify_key("loginId") == "user_id"
    assert classify_key("logon_id") != "user_id"  # Windows' Logon ID: a session's number
    assert role_kind("named_person", "yuki.tanabe") == "user_id"
    assert role_kind("named_person", "marco_ricci7") == "user_id"
    assert role_kind("named_person", "platform.team") is None
    assert _found("assignee: yuki.tanabe escalated") == [("user_id", "yuki.tanabe")]


def test_a_mac_address_under_an_ids_key() -> None:
    text = "Anrufende Stations-ID:\t\t2C-F0-5D-81-6E-3A"
    assert _found(text) == [("mac", "2C-F0-5D-81-6E-3A")]
    assert _found("trace_id=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cannot be before 'Date of Birth'. Worker: Amara Okonkwo", [("person_name", "Amara Okonkwo")]),
        ("Supplier: Chandra Venkataraman (Individual)", [("person_name", "Chandra Venkataraman")]),
    ],
)
def test_an_unlisted_given_name_before_a_listed_surname(text: str, expected: list) -> None:
    assert _found(text) == expected
    _same_with_gates(text)


@pytest.mark.parametrize("text", ["Using Chen's method", "Payment Service Kowalski", "Dear Kowalski,"])
def test_words_before_a_surname_that_are_no_given_name(text: str) -> None:
    assert [k for k, v in _found(text) if v.split(" ")[0] in ("Using", "Payment", "Service", "Dear")] == []
