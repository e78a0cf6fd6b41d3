"""What crypto exchanges, car dealers, tenant screening and services in many countries
write about people: wallet addresses, vehicle identification numbers, a listed given name
before a surname no list holds, identity numbers after their local names. And what looks
alike and must stay."""

from __future__ import annotations

import polars as pl
import pytest
from conftest import spans_found

from features.privacy.anonymizer import Anonymizer
from features.privacy.checks import is_base58check_valid, is_bech32_valid, is_vin_valid
from features.privacy.detectors import could_find, find_spans, gate_bits
from features.privacy.keys import classify_key
from features.privacy.policy import Policy
from features.privacy.tokens import TokenKey


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bech32 (BIP 173), Base58Check, an Ethereum address
        ("withdrawal held asset=BTC to=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 rule=NEW_ADDRESS_24H",
         [("user_id", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]),
        ('{"code":"ADDRESS_NOT_WHITELISTED","message":"Withdrawal address 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 '
         'is not whitelisted"}', [("user_id", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")]),
        ("insufficient funds for gas * price + value: address 0x9e7710dd8e40ebb27c63439e24652eafccc2a7ab have 12",
         [("user_id", "0x9e7710dd8e40ebb27c63439e24652eafccc2a7ab")]),
        # a VIN with its check digit, and one after the word that names it (no check digit)
        ("recall-notifier: letter failed for campaign 24V-331 (vin 1M8GDM9AXKP042788)",
         [("user_id", "1M8GDM9AXKP042788")]),
        ("Termin WT-30918 storniert: FIN WVWZZZ1KZ8W139204, Ersatzteil nicht lieferbar",
         [("user_id", "WVWZZZ1KZ8W139204")]),
    ],
)
def test_wallets_and_vehicles(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    assert could_find(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        # a transaction hash (64 hex digits), a memory address, a 17-digit number, a checksum
        # that fails, a git commit's 40 hex digits without 0x
        "txid=0x7be4c0a1f2d39e85b6a01c4d27f3e9b8d5a6c2e10f4b3a9d8c7e6f5a4b3c2d1e confirmed",
        "panic: runtime error: invalid memory address addr=0x18 pc=0x4a2b3c",
        "order 12345678901234567 shipped",
        "address 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 rejected",
        "built from commit 9e7710dd8e40ebb27c63439e24652eafccc2a7ab",
        "part 1M8GDM9A1KP042788 out of stock",
    ],
)
def test_what_only_looks_like_a_wallet_or_a_vin_stays(text: str) -> None:
    assert spans_found(text) == []


def test_the_checks() -> None:
    assert is_base58check_valid("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")
    assert not is_base58check_valid("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")
    assert is_bech32_valid("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")  # either case
    assert not is_bech32_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")
    assert is_vin_valid("1HGCM82633A004352") and not is_vin_valid("1HGCM82643A004352")
    assert not is_vin_valid("1HGCM8263IA004352")  # (I, O and Q are never in a VIN)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Interview scorecard submitted for candidate Aisha Bello (application 774120, stage onsite)",
         "Aisha Bello"),
        ("maintenance ticket created: tenant Harold Fitch says call before entering", "Harold Fitch"),
        ("Legacy pledge import: line 204 skipped for supporter Reginald Ashworth-Hughes (NI number on file)",
         "Reginald Ashworth-Hughes"),
        ("Source of funds review: player deposited (Mads Kristian Holm, CPR on file)", "Mads Kristian Holm"),
    ],
)
def test_a_listed_given_name_before_a_surname_no_list_holds(text: str, name: str) -> None:
    assert ("person_name", name) in spans_found(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


def test_a_given_name_before_a_word_of_messages_stays() -> None:
    # the word after the given name is one of services, statuses and products
    for text in ("Diana Service Unavailable after 3 retries", "deploy of Neil Gateway failed"):
        assert not any(kind == "person_name" for kind, _ in spans_found(text)), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("KSeF: faktura odrzucona — NIP nabywcy 7743128592 (JDG), numer referencyjny 20240314-SE",
         "7743128592"),
        ("ANAF e-Factura: eroare BR-RO-110 — CNP cumpărător 2890423123453 nu este acceptat", "2890423123453"),
        ("itsme : échec de l'identification pour le numéro national 03091828410", "03091828410"),
        ("Yakeen: Identity not found for iqama 2457183909 (Hijri)", "2457183909"),
        ("customer-svc ERROR מספר תעודת זהות 312456783 כבר רשום", "312456783"),
        ("clave_unica: intento fallido RUN 20134587-1 (3/5)", "20134587-1"),
        ("persona natural con CC 1018472635 no registra correo", "1018472635"),
    ],
)
def test_an_identity_number_after_its_local_name(text: str, value: str) -> None:
    assert ("ssn", value) in spans_found(text)


def test_an_acronym_that_names_other_things_keeps_its_number() -> None:
    # a UK Penalty Charge Notice is a PCN too; a request id after "id" stays
    assert spans_found("pcn-payments WARN challenge failed PCN ZY48213977 acs=ACS-TIMEOUT") == []
    assert spans_found("request id 20240314 retried") == []


def test_identity_numbers_under_their_registries_keys() -> None:
    for key in ("alien_number", "bvn", "cnp", "DocNro", "TCKimlikNo"):
        assert classify_key(key) == "ssn", key
    assert spans_found("everify.case.result status=TNC alien_number=A208417736 hire_date=05/06/2024") == [
        ("ssn", "A208417736")]
    assert spans_found("NIBSS BVN validation: responseCode=01 bvn=22184736591 bankCode=058") == [
        ("ssn", "22184736591")]


def test_the_batch_path_finds_the_same() -> None:
    texts = [
        "to=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 rule=NEW_ADDRESS_24H",
        "recall (vin 1M8GDM9AXKP042788) owner unknown",
        "for candidate Aisha Bello (application 774120)",
        "NIP nabywcy 7743128592 (JDG)",
        "connection reset by peer",
    ]
    anon = Anonymizer(Policy.load(), TokenKey.from_secret("wallet test key, not a secret at all"))
    one = [anon.anonymize_text(t) for t in texts]
    frame = anon.anonymize_batch(pl.DataFrame({"message": texts}))
    assert frame["message"].to_list() == one
    for raw in ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1M8GDM9AXKP042788", "Aisha Bello", "7743128592"):
        assert not any(raw in t for t in one)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the word IBAN, an account number whatever its check digits
        ("Auszahlung an IBAN DE68370400440532013374 (Kontoinhaber: unbekannt) zurückgehalten",
         [("iban", "DE68370400440532013374")]),
        # a trunk 0 and three pairs (Germany), a Dutch mobile number
        ("Termin storniert, Rückruf unter 089 41 28 39 17 — Ersatzteil nicht lieferbar", [("phone", "089 41 28 39 17")]),
        ("Herinnering verstuurd naar eigenaar (06-48213974), dier Max", [("phone", "06-48213974")]),
        # a UK driving licence, a licence after DL and its state
        ("driver verification failed — licence WHITF862037GW9AB (name mismatch)", [("ssn", "WHITF862037GW9AB")]),
        ("Sterling::ApiError 503 (screening 1102938, DL CA D4829175)", [("ssn", "D4829175")]),
        # a name after a word for a child's, a care home's or a family's people
        ("subsidy authorization expired (guardian Tanisha Brooks), copay recalculated", [("person_name", "Tanisha Brooks")]),
        ("EVV check-in outside geofence: carer Joy Abiodun at the client's", [("person_name", "Joy Abiodun")]),
    ],
)
def test_accounts_phones_licences_and_people_in_prose(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    assert could_find(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "batch ref 06-20240314 closed",  # a date after 06-, not a phone
        "candidate Release Build promoted",  # words of builds and services after the new cues
        "buyer Service Unavailable (503)",
        "GET /downloads 200 DL 4.2 MB",  # DL before a size, not a licence
        "no IBAN in request body",
    ],
)
def test_what_only_looks_like_them_stays(text: str) -> None:
    assert spans_found(text) == []


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("Colissimo WS 30000 : Mme Ada Lovelace, 12 rue de la Paix, Bât. C, 69008 Lyon — colis 6A23918455027",
         "69008"),
        ('bpost: adres "Kerkstraat 12 bus 3, 9000 Gent" onbekend (code 12)', "9000"),
        ('Morada inválida: "Rua das Flores 12", 4000-457 Porto — objeto EA123948576PT', "4000-457"),
    ],
)
def test_a_postal_code_after_an_address(text: str, postcode: str) -> None:
    assert ("address", postcode) in spans_found(text)


def test_numbers_after_an_address_that_are_no_postal_code_stay() -> None:
    # an amount, a count and a date after the address, no town after them
    text = "delivered to 221B Baker Street, 2 items, 1500 units, total 4410, on 20240314"
    assert spans_found(text) == [("address", "221B Baker Street")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ICP API: منتهي الصلاحية، الاسم: فاطمة سعيد المنصوري، رمز الخطأ EID-EXP-02", "فاطمة سعيد المنصوري"),
        ("customer-svc ERROR כבר רשום במערכת עבור יוסי כהן (לקוח 44821), קוד ERR_DUP_ID", "יוסי כהן"),
        ("[ekyc-th] ตรวจสอบไม่ผ่าน ชื่อ นายสมชาย ใจดี (DOPA code 4)", "สมชาย ใจดี"),  # without the title
        ("NovaPoshta API: errors для ТТН 20450918273641, отримувач Ірина Шевчук, відділення №112", "Ірина Шевчук"),
    ],
)
def test_names_after_their_cue_in_arabic_hebrew_thai_and_ukrainian(text: str, name: str) -> None:
    assert ("person_name", name) in spans_found(text)
    assert could_find(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


def test_names_under_other_languages_bare_keys_and_their_registers_capitals() -> None:
    assert spans_found('{"nome":"MARIANA CONCEICAO DOS SANTOS","situacao":{"codigo":"2"}}') == [
        ("person_name", "MARIANA CONCEICAO DOS SANTOS")]
    assert spans_found('{"nume":"Bianca Munteanu","ts":"2024-03-14T09:12:05Z"}') == [("person_name", "Bianca Munteanu")]
    # capitals under a bare name key with no listed name in them stay: a service, a pool
    for text in ("name=PAYMENT SERVICE", "name: DEFAULT POOL", 'nome="FATTURA ELETTRONICA"'):
        assert spans_found(text) == [], text


def test_birth_dates_logins_and_passwords_under_their_keys_in_other_languages() -> None:
    assert spans_found('{"utilizador":"ritamarques","palavraPasse":"Benfica#1904","lembrar":true}') == [
        ("user_id", "ritamarques"), ("password", "Benfica#1904")]
    assert spans_found("renapo-client consultaPorCurp fechNac=27/11/1993 http=200") == [("dob", "27/11/1993")]
    assert spans_found('Dukcapil: verifikasi gagal TGL_LHR=12-05-1992 kode=13') == [("dob", "12-05-1992")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dayforce: pay statement error for XRefCode 'X-1' (Nakashima, Kenji): YTD CPP exceeds maximum",
         "Nakashima, Kenji"),
        ("SEPA pain.001 EndToEndId=SAL-2403-00812 Cdtr/Nm='Van den Broeck, Lotte' creditor name truncated",
         "Van den Broeck, Lotte"),
    ],
)
def test_a_family_name_a_comma_and_a_listed_given_name_in_quotes_or_brackets(text: str, name: str) -> None:
    assert ("person_name", name) in spans_found(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)


def test_words_with_a_comma_in_quotes_that_are_no_name_stay() -> None:
    assert spans_found("error ('Payments, Refund') in (Timeout, Retry)") == []


def test_singapore_nric_with_its_check_letter() -> None:
    text = 'SingPass MyInfo person data {"uinfin":{"value":"S1234567D"}} and order S1234567A'
    assert spans_found(text) == [("ssn", "S1234567D")]
    assert could_find("SingPass S1234567D ok")
    assert classify_key("uinfin") == "ssn"
