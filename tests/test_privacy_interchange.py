"""What interchange formats and bank files write about people, as their errors print them:
EDIFACT segments, X12 segments logged after a key, SWIFT MT accounts, MT940 counterparties,
NACHA entries; names under abbreviated keys (pat_name_l, PatNr); Chinese, Japanese and Korean
names under a bare ``name`` key. And what looks alike and must stay."""

from __future__ import annotations

import pytest
from conftest import same_with_gates, spans_found

from features.privacy.detectors import find_spans, gate_bits
from features.privacy.keys import classify_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PAXLST rejected: NAD+FL+++HARTMANN:KLAUS JOACHIM' ATT+2++M' DTM+329:690823' LOC+178+FRA' "
            "DOC+P:110:111+C4RJ7PL29' DTM+36:330114'",
            [("person_name", "HARTMANN"), ("person_name", "KLAUS JOACHIM"), ("dob", "690823"), ("ssn", "C4RJ7PL29")],
        ),
        (
            "ORDERS D96A: NAD+CN+++Dr. Jürgen Weber+Lindenstr. 4+Dresden++01099+DE' x",
            [("person_name", "Jürgen Weber"), ("address", "Lindenstr. 4"), ("address", "Dresden"),
             ("address", "01099")],
        ),
        (  # the name in C058's lines, the street where C080 would be
            "NAD+DP++MME CLAIRE VASSEUR+12 ALLEE DES TILLEULS+VILLEURBANNE++69100' x",
            [("person_name", "CLAIRE VASSEUR"), ("address", "12 ALLEE DES TILLEULS"), ("address", "VILLEURBANNE"),
             ("address", "69100")],
        ),
        ("Zustellung fehlgeschlagen COM+0176 55318824:TE' LOC+8", [("phone", "0176 55318824")]),
    ],
)
def test_edifact_segments_about_a_person(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    same_with_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "NAD+SU+4012345500004::9++ACME Industries+Street 7+Köln++50667+DE'",  # no listed name: a business
        "NAD+IV+4304567000018::9++Baumarkt Süd GmbH+Ringweg 4+Augsburg++86156+DE'",  # a legal form
        "UNH+1+ORDERS:D:96A:UN' BGM+220+PO123+9' DTM+137:20240301:102'",  # a document date, not a birth date
        "NAD+BY+5412345000013::9' NAD+DP+5412345000020::9'",  # parties by their GLN only
    ],
)
def test_edifact_businesses_and_dates_stay(text: str) -> None:
    # (a street's own shape may still be read: "Ringweg 4" is one wherever it stands)
    assert [f for f in spans_found(text) if f[0] != "address" or not f[1].startswith("Ringweg")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # after a key, without the segment terminator
            "AAA rejection subscriber=NM1*IL*1*KOWALCZYK*PETER****MI*ZGP812004519 payer=BCBSIL",
            [("person_name", "KOWALCZYK"), ("person_name", "PETER"), ("user_id", "ZGP812004519")],
        ),
        (  # a named contact's numbers (no NM1 of a person before it)
            "PO 4500127731: PER*BD*Mary Johnson*TE*6145550187*EM*mary.johnson@example.com~ N1*ST*STORE 114~",
            [("person_name", "Mary Johnson"), ("phone", "6145550187"), ("email", "mary.johnson@example.com")],
        ),
    ],
)
def test_x12_segments_logged_after_a_key(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    same_with_gates(text)


def test_x12_unnamed_contacts_and_departments() -> None:
    text = "PER*IC*BILLING DEPT*TE*8005551234~"
    assert spans_found(text) == [("phone", "8005551234")]  # a department is no person


def test_swift_accounts_and_businesses() -> None:
    text = (":20:PAY-0000884172\n:50K:/0041827733\nJOHN SMITH\n12 HIGH STREET\n10117 BERLIN\n"
            ":59:/0718842195\nACME PAYROLL LTD\nSOME ROAD 1\n:70:TUITION")
    assert spans_found(text) == [("iban", "0041827733"), ("person_name", "JOHN SMITH"), ("address", "12 HIGH STREET"),
                            ("iban", "0718842195")]
    same_with_gates(text)


def test_nacha_entry_detail_record() -> None:
    text = ("ACH return: Entry 0000014 returned R03\n"
            "6220910000194418203991       0000184250EMP00442       ANDERSEN KRISTOFER      0091000010000014")
    assert spans_found(text) == [("iban", "4418203991"), ("user_id", "EMP00442"), ("person_name", "ANDERSEN KRISTOFER")]
    same_with_gates(text)
    assert spans_found("trace 6123456789012345 ok") == []


def test_mt940_counterparty_name() -> None:
    text = "unbekanntes Subfeld :86:166?00SEPA-UEBERWEISUNG?20EREF+RE-2024-1187?30SOLADEST600?32Dominik Jablonski?35XY"
    assert spans_found(text) == [("person_name", "Dominik Jablonski")]
    same_with_gates(text)
    assert spans_found(":86:166?00SEPA-LASTSCHRIFT?32AMAZON PAYMENTS EUROPE SCA?20REF") == []


@pytest.mark.parametrize(
    ("key", "cls"),
    [("pat_name_l", "person_name"), ("pat_name_f", "person_name"), ("mbr_name", "person_name"),
     ("guar_name", "person_name"), ("PatNr", "user_id"), ("Kd-Nr", "user_id"), ("mbr_id", "user_id"),
     ("name_l", None), ("pt_name", None), ("app_name", None)],
)
def test_abbreviated_keys(key: str, cls: str | None) -> None:
    assert classify_key(key) == cls


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实名认证失败 name=陈思远 idCard=<ssn:k1a2b:0123456789ab>", [("person_name", "陈思远")]),
        ("地址解析失败: receiver=李晓燕, reason=AREA_CODE_MISMATCH", [("person_name", "李晓燕")]),
        ('{"name":"陈思远","level":3}', [("person_name", "陈思远")]),
        ("[NICE] 본인확인 실패 name=이서연 gender=0", [("person_name", "이서연")]),
        ("配達失敗 name=佐藤 健 code=E1", [("person_name", "佐藤 健")]),
    ],
)
def test_cjk_names_under_a_bare_name_key(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    same_with_gates(text)


@pytest.mark.parametrize(
    "text",
    ["name=高级 level=2", "name=金额不足", '{"name": "高级会员"}', "name=订单服务 status=UP", "label=王芳"],
)
def test_words_under_a_bare_name_key_stay(text: str) -> None:
    assert spans_found(text) == []
    assert find_spans(text, gates=gate_bits(text)) == []
