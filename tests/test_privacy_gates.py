"""The batch path's gate (:func:`could_find` and the key bit of :func:`gate_bits`) is exact.

The batch path hands ``find_spans`` only the strings :func:`could_find` passes, and
skips reading keys where no key could name personal data (bit ``G_KEYS``). Both are
optimizations, so they must never change a result: a string with a finding must pass
the gate, and ``find_spans`` must give the same answer with the gate bits as without.
Checked on random text built from the pieces the key reader branches on, on the
fixture sets of personal values and decoys, on the probe sets' lines, and on the
simulator's messages and stack traces; polars (Rust regex) and Python must agree on
every bit.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
from conftest import simulated_events
from hypothesis import example, given, settings
from hypothesis import strategies as st

from features.privacy import find_spans
from features.privacy.batch import _could_find, _gate_bits
from features.privacy.detectors import (
    G_KEYS,
    KEY_RUN_PATTERN,
    could_find,
    gate_bits,
    has_hint,
    key_run_matters,
    key_runs,
)
from features.simulate.run import simulate

FIXTURES = Path(__file__).parent / "fixtures" / "privacy"

PIECES = [
    "addr", "address", "=", ":", "=>", " ", "\t", ",", "0x18", "0xc000012345", " pc=", " sp=", "]", "[",
    "{", "}", '"', "'", "\\", "\n", "customer", "billing", "email", "name", "user", "_id", "order_id",
    "password", "token", "KeyError", "panic", "Main Street", "221B Baker St", "4111111111111111",
    "4111 1111 1111 1111", "+1 415 555 0199", "ada@example.com", "203.0.113.9", "x" * 70, "a", "Z", "9",
    "-", ".", "_", "ſ", "K", "%40", "key", "sess", "cookie", "Account Name:", "lat", "dob",
    "sudo[42]: ", " : TTY=", "Name", "Anna Kowalczyk", "José", "date of birth ", "born on ", "1985-07-04",
    "4 July 1985", "221B", " Baker Street", "Hauptstraße 5", "12, rue de Rivoli", "Service",
    "PID|", "NK1|", "|", "^", "\r", "INSERT INTO users (", "email, full_name) VALUES (", "'", "), (",
    "$2b$12$" + "K" * 53, "Provided username ", " and/or password", "authentication of [", "actor=",
    '"name":[{"family":"', '"given":["', "[", '", "',
    "--password ", "-token=", " -pS3cret", "mysql ", "curl -u ", "deploy:", "John's iPhone", "’s Pixel",
    "shipped to: ", "X-Forwarded-User: ", "$",
    "Login incorrect: [", "jdoe/", "] (from client", "CN=", ",OU=People", ",CN=Users",
    "529.982.247-25", "AB 12 34 56 C", "AB123456C", "RSSMRA85T10A562S", "12345678Z", "X1234567L",
    "1 84 12 76 451 089 46", "2345 6789 0124", "2345-6789-0124",
    "From=%2B14155550123", "%2b", "MRN ", "passport ", " number ", "beneficiary ", "Payee ", "billing_zip",
    ", London SW1A 2AA", ", IL 62704", ", Apt 4B", ", 10115 Berlin", "imei",
    "Kontoinhaber: ", "titulaire du compte: ", "Empfänger ", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI ", "noah@laptop",
    " $1 AND ", "zip_code = ",
    "token ", "Token\t", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "ATATT3", "lin_api_", "employee ", "acknowledged by ",
    "approved by ", "escalated to ",
    # other languages and scripts, cued numbers, objects printed by their toString()
    "SIN ", "personnummer ", "T.C. Kimlik No: ", "tel ", "Teléfono de contacto ", "tlf. ", "527 184 634",
    "070-555 12 34", "811218-9876", "姓名=", "手机号：", "，", "王小明", "13812345678", "Vorname=", "prénom:",
    "registrationAddress=", "ClientUsername", "Customer{", "Rider(", "Buyer@1c7f4b2e[", "User { ", "id=", "id: ",
    "Thanks, ", "Hi, this is ", "l'abonné ", "Sayın ", "Mitarbeiter ", "—", "RFC 7231",
    '"Helga Brandt" <sip:', "+49305550123@sip.example.net>", " (Gagnon, Marie-Ève)", "0532 123 45 67",
    "0048 601 234 567", "Patient?family=", "/customers?email=", "110105198807143512", "〒154-0024 ",
    "東京都世田谷区三軒茶屋2-14-9", " 様", "Storgatan 12", "pan_name=",
    # names and logins from the lists of given names and surnames
    "Hannah", " Schmid", "SCHMID", " Sabine", "L. ", "van der ", "Berg", "yuki", ".sato", "a.", "benali", "-asante",
    # names of the wider lists (a gate of their own: NAME_TOKENS), and streets
    "Tuukka", " Mustonen", "KOIVISTO", "Anna-Liisa", "Harriet", " Cole", ", Keeley", "Hauptstr. 5", "C/ de Alcalá 214",
    "Rue de la Loi 175", "Am Stadtpark 3", ", 90409 Nürnberg", "Bağdat Cad. No:215", "2150 N CLARK ST", ", 3º B",
    "7", "é",
    # session 25: other scripts and languages, healthcare, telecom and command-line formats
    "плательщик: ", "Иванов Сергей Петрович", "由用户 ", "陈伟", "사용자 ", "김민준", " (", "Tài xế ", "Nguyễn Văn An",
    "Benutzer ", "sabine.keller", 'Passwort "', "mot de passe: ", "användare \"", "BSN '", "111222333",
    "klantnummer ", "KL-0048812", "NM1*IL*1*", "DOE*JANE", "~DMG*D8*", "19690411", "Ramirez^Jose", "<PID.5.1>",
    "NACHN=", "statement_", "Krause_Maximilian.pdf", "lat ", "52.37403", " lon ", '"to":"', "447418343001",
    "Message to ", "&{ID:7731 ", "Username:jdoe ", "targa ", "FG 123 HK", "cvv ", "3GPP-IMSI = ", "carte ",
    "4970 1012 3456 7890", '"senha":"', "-u ", "-p ", "DNI ", "31.456.789", "Klient[", "(SĐT ", "0987654321", ' surname "', "Patel", 'name "', "Kim, Soo-ah",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def _check(batch: list[str]) -> None:
    bits = [gate_bits(t) for t in batch]
    assert _gate_bits(batch) == bits
    could, passing = _could_find(batch)
    could_here = [could_find(t) for t in batch]
    assert could.to_list() == could_here
    assert passing == [b for b, c in zip(bits, could_here, strict=True) if c]
    for t, b, c in zip(batch, bits, could_here, strict=True):
        spans = find_spans(t)
        if spans:
            assert c, t
            assert has_hint(t), t
        assert find_spans(t, gates=b) == spans, t


def _check_second_pass(batch: list[str]) -> None:
    # the batch path's second pass takes the gate bits of the rewritten text with its tokens'
    # kinds blanked (_needs_second_pass) as its own
    from features.privacy import Anonymizer, Policy, TokenKey
    from features.privacy.batch import _needs_second_pass

    anon = Anonymizer(Policy.load(), TokenKey.from_secret("gate test key, not a secret"))
    rewritten = [step[0] for t in batch if (step := anon._pass(t, False)) is not None]
    assert rewritten
    for text, again in zip(rewritten, _needs_second_pass(rewritten), strict=True):
        if again is None:
            assert find_spans(text) == [], text
        else:
            assert find_spans(text, gates=again) == find_spans(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts, st.text(max_size=60)), min_size=1, max_size=8))
@example(["Storgatan 12Vorname=addr", '3GPP-IMSI = "286011234567890"'])  # a key after digits
def test_gate_is_exact_on_random_key_text(batch: list[str]) -> None:
    _check(batch)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts, st.text(max_size=40)), min_size=1, max_size=6))
def test_key_runs_are_the_pattern_s_matches(batch: list[str]) -> None:
    # the linear-time reader, Python's regex engine and polars' find the same runs
    rust = pl.Series(batch, dtype=pl.String).str.extract_all(KEY_RUN_PATTERN).to_list()
    assert [key_runs(t) for t in batch] == [re.findall(KEY_RUN_PATTERN, t) for t in batch] == rust


def test_gate_is_exact_on_fixtures() -> None:
    batch = []
    for name in ("personal.tsv", "decoys.tsv"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                batch.append(line.split("\t")[1])
    assert len(batch) > 100
    _check(batch)
    _check_second_pass(batch)


def test_gate_is_exact_on_probe_sets() -> None:
    # the probe sets' lines (benchmarks/probes): realistic telemetry of many domains and
    # languages, where a gate that misses a detector's cue shows (手机号 13812345678, Ad=AYŞE)
    import json

    batch = []
    for path in sorted((Path(__file__).parents[1] / "benchmarks" / "probes").glob("*.jsonl")):
        batch += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(batch) > 4000
    _check(batch[::2])  # (every other line: all of them took a minute, most of it Python's gate)
    _check(batch[1::2][:400])


def test_gate_is_exact_on_simulated_text(tmp_path: Path) -> None:
    simulate(tmp_path, days=1, services=8, seed=21, scale=0.1)
    batch = sorted({
        v for e in simulated_events(tmp_path) for v in (e.get("message"), e.get("stack_trace"))
        if isinstance(v, str)
    })  # fmt: skip
    assert len(batch) > 1000
    _check(batch)
    _check_second_pass(batch)
    # and the gate does its work: most strings that only have key words before colons
    # (panic:, KeyError:, addr=0x18) are not read at all
    passed = sum(could_find(t) for t in batch)
    hinted = sum(has_hint(t) for t in batch)
    assert passed < hinted


def test_key_runs() -> None:
    assert not key_run_matters("panic:") and not key_run_matters("KeyError:")
    assert not key_run_matters("addr=0x18 ") and not key_run_matters("addr=0x18 pc=")
    assert key_run_matters("addr=0x18 password=")  # the next key the hex value took in
    assert key_run_matters("customer={") and key_run_matters('"billing_details": {')
    assert key_run_matters("email=") and key_run_matters("x-user-email:")
    assert not key_run_matters("order_id=")  # identifiers only keep numbers from detectors
    # a Go panic's memory address is no street address; a street address after addr= is
    t = "panic: runtime error: invalid memory address [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x4a2b3c]"
    assert not could_find(t) and has_hint(t)
    assert could_find("addr=0x18 Main Street")
    # (the gate lets it through; the value's hexadecimal first word makes it a machine address:
    # "Address: 0xc000123456 (heap)")
    assert not find_spans("addr=0x18 Main Street") and find_spans("addr=18 Main Street")


def test_identifier_keys_still_guard_numbers() -> None:
    # no key names personal data, yet order_id's value must not be read as a card
    t = "refund failed order_id=4111111111111111 amount=12.00"
    bits = gate_bits(t)
    assert not bits & G_KEYS
    assert find_spans(t, gates=bits) == find_spans(t) == []
    t2 = "refund failed card 4111111111111111 order_id=77"
    assert [s.kind for s in find_spans(t2, gates=gate_bits(t2))] == ["card"]


def test_polars_series_input_is_used_as_is() -> None:
    s = pl.Series("message", ["email=a@b.io", "panic: x", "plain"])
    could, bits = _could_find(s)
    assert could.to_list() == [True, False, False] and bits == [gate_bits("email=a@b.io")]
