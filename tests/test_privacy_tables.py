"""Tables printed with their header (a loader's rejected rows, Spark's ``show()``, psql's
output): each value is read under its column's name once anything personal was found in
the rows; and the batch path's gate gives the same answer on them."""

from __future__ import annotations

from features.privacy import Anonymizer, Policy, TokenKey, find_spans
from features.privacy.detectors import _cells, could_find, gate_bits

KEY = TokenKey.from_secret("unit test key, not a secret")

CSV_ROWS = (
    "rejected_rows.csv written (2 rows) for job customer_load#5521\n"
    "reason,row,customer_no,first_name,last_name,email\n"
    "INVALID_IBAN,118,K-2291045,Hans,Meier,hans.meier@example.com\n"
    "MISSING_EMAIL,407,K-2291301,Ayşe,Demir,\n"
)
ASCII_TABLE = (
    "dq_check null_or_invalid_phone FAILED: 2 of 1884210 rows\n"
    "+--------+---------+--------------------+\n"
    "|cust_id |name     |email               |\n"
    "+--------+---------+--------------------+\n"
    "|C-100482|Wei Zhang|wz@example.com      |\n"
    "|C-100497|Li Na    |li.na@example.org   |\n"
    "+--------+---------+--------------------+"
)
SEMICOLONS = (
    "export failed\r\n"
    "nummer;vorname;nachname;email;ort\r\n"
    '4411;"Jürgen";Hoffmann;jh@example.de;Köln\r\n'
    "4412;Petra;Schulz;ps@example.de;Bonn\r\n"
)
# no personal column, or nothing personal found in the rows: the table stays as it is
NO_PERSON = "job summary\nid,name,status,duration\n1,Alpha Build,ok,3s\n2,Beta,failed,4s\n"
NOTHING_FOUND = "report\nservice,owner_team,first_name,errors\ncheckout,payments,Retry,4\nsearch,core,Backoff,2\n"


def _out(text: str) -> str:
    return Anonymizer(Policy.load(), KEY).anonymize_text(text)


def test_csv_rows_under_their_header() -> None:
    out = _out(CSV_ROWS)
    for raw in ("K-2291045", "K-2291301", "Hans", "Meier", "Ayşe", "Demir", "hans.meier@example.com"):
        assert raw not in out
    assert "INVALID_IBAN,118," in out and "MISSING_EMAIL,407," in out
    assert "reason,row,customer_no,first_name,last_name,email" in out


def test_ascii_table_under_its_header() -> None:
    out = _out(ASCII_TABLE)
    for raw in ("Wei Zhang", "Li Na", "wz@example.com", "C-100482"):  # cust_id: a customer's, like customer_no
        assert raw not in out
    assert "+--------+---------+" in out


def test_semicolon_rows_with_quotes() -> None:
    out = _out(SEMICOLONS)
    for raw in ("Jürgen", "Hoffmann", "Petra", "Schulz"):
        assert raw not in out
    assert "4411;" in out and "4412;" in out


def test_tables_without_a_person_stay() -> None:
    assert _out(NO_PERSON) == NO_PERSON
    assert _out(NOTHING_FOUND) == NOTHING_FOUND


def test_cells() -> None:
    line = '|a |b  | c|'
    assert [line[a:b] for a, b in _cells(line, "|")] == ["a", "b", "c"]
    line = 'x,"y, z",w'
    assert [line[a:b] for a, b in _cells(line, ",")] == ["x", "y, z", "w"]
    line = "a,,b"
    assert [line[a:b] for a, b in _cells(line, ",")] == ["a", "", "b"]


def test_gate_is_exact_on_tables() -> None:
    for text in (CSV_ROWS, ASCII_TABLE, SEMICOLONS, NO_PERSON, NOTHING_FOUND):
        spans = find_spans(text)
        assert spans == find_spans(text, gates=gate_bits(text))
        assert could_find(text) or not spans


# --- beside a finding, what must stay (session 26's forms) ----------------------------

BESIDE = [
    # (text, the raw value that must go, what must stay)
    ("E OkHttp  : <-- 401 Unauthorized https://api.example.com/v2/riders/me?phone=%2B447700900123 (312ms)",
     "%2B447700900123", "(312ms)"),
    ("LEEF:2.0|Microsoft|Windows Security Event Log|10.0|4625|^|usrName=v.ionescu^domain=CORP^reason=0xC000006A",
     "v.ionescu", "^domain=CORP^reason=0xC000006A"),
    ("Caused by request: POST https://hec.example.com:8088/services/collector/event "
     "(Authorization: Splunk 7c1e4a92-5b3d-4f08-9e61-2d7a8c0b5f34)",
     "7c1e4a92-5b3d-4f08-9e61-2d7a8c0b5f34", "Authorization: Splunk "),
    ("Mnesia('emqx@emqx-core-1.emqx-headless.iot.svc.cluster.local'): ** ERROR ** mail from ana.lima@example.com",
     "ana.lima@example.com", "emqx@emqx-core-1.emqx-headless.iot.svc.cluster.local"),
    ("FreeSWITCH: Session 8812 (sofia/internal/gateway-b) Ended for session s3ss-8Kq2xYz91LmN4",
     "s3ss-8Kq2xYz91LmN4", "Session 8812 (sofia"),
]


def test_found_beside_what_stays() -> None:
    for text, raw, kept in BESIDE:
        out = _out(text)
        assert raw not in out, text
        assert kept in out, out
