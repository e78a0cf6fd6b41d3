"""Names in quotes and in "Surname, Given" form, the city of an address, ids under keys a
person's record uses (abbreviated, in other languages, after a colon), national numbers named
before them; and what looks alike and must stay."""

from __future__ import annotations

import pytest
from conftest import same_with_gates, spans_found

from features.privacy.keys import classify_key, is_plausible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name: the opening quote is no O'Neil's apostrophe, the closing one stays
        ("Failed record: 88231,'Marcus Whitley','x'", [("person_name", "Marcus Whitley")]),
        ("DDI ref GYM-004421 payer 'Priya Raman' new sort code", [("person_name", "Priya Raman")]),
        # "Surname, Given": either part listed, the family name in capitals too
        ("to payee 'Jensen, Mette' routed", [("person_name", "Jensen, Mette")]),
        ("failed rows sample: ('Kowalski, Jan', 'x')", [("person_name", "Kowalski, Jan")]),
        ("beneficiary 1EG4 (LOPEZ, ROSA M): HETS", [("person_name", "LOPEZ, ROSA M")]),
        ('ocr_name mismatch "WONG, Ka Yan" x', [("person_name", "WONG, Ka Yan")]),
        ('expected "AKINYEMI, OLUWASEUN" got', [("person_name", "AKINYEMI, OLUWASEUN")]),
        # the city beside a street or postcode under its own key; the next key ends it
        ('{"address":"1420 Larkspur Ln","city":"Boise","zip":"83702"}',
         [("address", "1420 Larkspur Ln"), ("address", "Boise"), ("address", "83702")]),
        ('street="221B Baker Street" city=London postcode="NW1 6XE" country=GB',
         [("address", "221B Baker Street"), ("address", "London"), ("address", "NW1 6XE")]),
        ("<Street>Storgatan 12</Street><City>Uppsala</City>", [("address", "Storgatan 12"), ("address", "Uppsala")]),
        # a Japanese family name and an unspaced given name under a bare name key
        ("GET /mypage/order?name=山田太郎&x=1", [("person_name", "山田太郎")]),
        ("name=田中さくら x", [("person_name", "田中さくら")]),
        # a national number that fails its check, when its name is the last thing before it
        ("saldo insuficiente do cliente (CPF 527.384.190-06): saldo", [("ssn", "527.384.190-06")]),
        ("CodiceFiscale del cessionario non valido (MRTLCU85T10F205Z) - x", [("ssn", "MRTLCU85T10F205Z")]),
        # a person's id after a colon, by a key that says so; a cache key's user segment
        ("RequestId:0HMQ8VB3F1L2M:00000002 => CustomerId:48812 => done", [("user_id", "48812")]),
        ('"cart_key":"cart:user:88213"', [("user_id", "88213")]),
        # keys the key classes name, read in free text
        ("Cek BPJS gagal nik=3515076111930006 status=TIDAK", [("ssn", "3515076111930006")]),
        ("binds: bene_acct=9704128831029 amount=5000000", [("user_id", "9704128831029")]),
        ("debtorAcct=024-518-2-338872 ms", [("user_id", "024-518-2-338872")]),
        ("file=Lohnabrechnung.pdf emp_id=E-20931 443", [("user_id", "E-20931")]),
        ("mbrId=M-4471920 plan=gold", [("user_id", "M-4471920")]),
        ("custNo=C-100482 ok", [("user_id", "C-100482")]),
        ("ic_no=900101-14-5678 name=x", [("ssn", "900101-14-5678")]),
        ("收件人=黃柏翰 手機=0978123456 寄件", [("person_name", "黃柏翰"), ("phone", "0978123456")]),
        ('"geburtsdatum":"1962-04-19","kvnr":"A123456780"', [("dob", "1962-04-19"), ("ssn", "A123456780")]),
        ("pagador=x documento=39053344705 y", [("ssn", "39053344705")]),
        # a postal code's key, its value two words at most, to a comma
        ("applicant=x, postal=H2X 1Y4, session 7", [("address", "H2X 1Y4")]),
        ("SET PostCode = N'LS6 2QT' WHERE x", [("address", "LS6 2QT")]),
        ("postcode=114 55 Stockholm", [("address", "114 55 Stockholm")]),
        ("Undefined index: address_city=Berlin in /var/www/shop/ipn.php on line 77", [("address", "Berlin")]),
        # names after role words in other languages and Italian courtesy titles
        ("onbekend; ontvanger Lieselot Van den Broeck, x", [("person_name", "Lieselot Van den Broeck")]),
        ("Referente: sig.ra Chiara Bellandi, PEC x", [("person_name", "Chiara Bellandi")]),
        ("(titular declarado: Agustín Pereyra Iraola, CUIT x", [("person_name", "Agustín Pereyra Iraola")]),
        ("— contribuable DUPONT-MOREAU Claire, courriel x", [("person_name", "DUPONT-MOREAU Claire")]),
        ("TCKN=x, Ad=AYŞE, Soyad=KARA; y", [("person_name", "AYŞE"), ("person_name", "KARA")]),
        # identity numbers after their acronym in lower case, a phone after its cue and link
        ("COV check: bsn 739201840 not insured", [("ssn", "739201840")]),
        ("coretax DJP: NPWP 09.254.294.3-407.000 atas nama", [("ssn", "09.254.294.3-407.000")]),
        ("短信发送失败: 手机号 13812345678 已被拦截", [("phone", "13812345678")]),
        # a client's address: its own port is an ephemeral one, or there is none
        ("login from 10.20.1.5:41822 failed", [("ipv4", "10.20.1.5")]),
        ("sshd: Accepted key from 203.0.113.50 port 51234", [("ipv4", "203.0.113.50")]),
        # a SIP URI's number, not its host; a business's contact mailbox is read
        ("INVITE sip:+4930123456789@sip.carrier.de SIP/2.0", [("phone", "+4930123456789")]),
        ("reply to info@boulangerie-martin.fr", [("email", "info@boulangerie-martin.fr")]),
        ('{"bssid":"f4:e2:c6:0a:11:31"}', [("mac", "f4:e2:c6:0a:11:31")]),
    ],
)
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_found(text) == expected
    same_with_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Austin, Texas'",  # a city and its state
        "'Paris, France'",
        "'Hello, World'",
        "\"Marcus O'Whitley\" x",  # no listed given name before the apostrophe's word
        '{"city":"Lyon","region":"eu-west-3"}',  # a city alone names no one
        "name=山田商店 x",  # a business: the family name and its trade
        "version 527.384.190-06 ok",  # a number in a CPF's shape that fails its check, unnamed
        'data {"uinfin":{"value":"S1234567D"}} and order S1234567A',  # the name is an earlier number's
        "at main.go:42 userId:12:30:01 paid:2024 orderId:5512",  # file:line, a time, no person's key
        "binds: src_acct=0071000882739",  # a transfer's source account: whose is not said
        "k8s system:serviceaccount:default:builder-7",
        '{"documento":"fatura.pdf"}',  # a file under a document key
        "Schuldner: Max Mustermann GmbH, x",  # a business after a debtor's cue
        "order id number 20240517 x",  # an id number is no identity number
        # a server's address, by the port it listens on
        "dial tcp 10.3.0.17:5432: connect: connection refused",
        'upstream: "http://10.20.3.14:8443/api/v2/claims/status"',
        "[10.0.3.5]:443 is unreachable",
        # a mail system's own mailboxes; an access point's address
        "bounce from MAILER-DAEMON@mx.example.com to postmaster@example.com, noreply@shop.example",
        '{"ap_mac":"f4:e2:c6:0a:11:30"}',
    ],
)
def test_left_alone(text: str) -> None:
    assert [f for f in spans_found(text) if f[0] != "ssn" or "S1234567D" not in f[1]] == []


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("custId", "user_id"), ("clnt_id", "id"), ("receiverTel", "phone"), ("ngay_sinh", "dob"), ("ho_ten", "person_name"),
        ("so_dien_thoai", "phone"), ("cccd", "ssn"), ("身分證", "ssn"), ("DogumYili", "dob"), ("debtorAcct", "user_id"),
        ("payer.document", "ssn"), ("documento", "ssn"), ("kvnr", "ssn"), ("src_acct", None),
    ],
)
def test_key_classes(key: str, kind: str | None) -> None:
    assert classify_key(key) == kind


def test_an_identity_number_has_digits_or_capitals() -> None:
    assert not is_plausible("ssn", "fatura.pdf") and not is_plausible("ssn", "Contrato")
    assert is_plausible("ssn", "QQ") and is_plausible("ssn", "39053344705")
