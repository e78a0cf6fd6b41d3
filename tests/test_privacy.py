"""Unit tests of the privacy stage: detectors, checks, tokens, keys, policy, anonymizer, CLI."""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import simulated_events

from anomaly.cli import main as cli
from features.contract import normalize_event
from features.privacy import (
    Anonymizer,
    KeyMissingError,
    Policy,
    PolicyError,
    TokenKey,
    ensure_key_file,
    find_spans,
    load_key,
)
from features.privacy.checks import card_issuer_matches, is_iban_valid, is_luhn_valid, is_ssn_valid
from features.privacy.keys import classify_key, looks_random
from features.privacy.tokens import Tokenizer

FIXTURES = Path(__file__).parent / "fixtures" / "privacy"
KEY = TokenKey.from_secret("unit test key, not a secret")
TOKEN_RE = re.compile(r"<([a-z][a-z0-9_]+):(k[0-9a-f]{4}):([0-9a-f]{12})>")


def _rows(name: str) -> list[list[str]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


DECOYS = _rows("decoys.tsv")
PERSONAL = _rows("personal.tsv")


@pytest.fixture
def anon() -> Anonymizer:
    return Anonymizer(Policy.load(), KEY)


def _batch_equals_single(frame: Any) -> list[dict[str, Any]]:
    """Assert that the batch API gives ``frame`` what the per-event API gives its rows, with
    the same counts; return the per-event results."""
    single = Anonymizer(Policy.load(), KEY)
    want = [single.anonymize_event(r) for r in frame.to_dicts()]
    batch = Anonymizer(Policy.load(), KEY)
    assert batch.anonymize_batch(frame).to_dicts() == want and batch.counts == single.counts
    return want


# --- checks ------------------------------------------------------------------------


def test_luhn_by_hand() -> None:
    # 79927398713: doubled digits 1,8,9,7,9 -> 2,16->7,18->9,14->5,18->9; sum 70
    assert is_luhn_valid("79927398713")
    assert not is_luhn_valid("79927398710")
    assert is_luhn_valid("4111 1111 1111 1111")


def test_card_issuers() -> None:
    assert card_issuer_matches("4111111111111111")  # Visa 16
    assert card_issuer_matches("378282246310005")  # Amex 15
    assert card_issuer_matches("2221000000000009")  # Mastercard 2-series
    assert not card_issuer_matches("1772359200000")  # an epoch in ms
    assert not card_issuer_matches("371449635398431000")  # Amex prefix, wrong length


def test_iban_and_ssn() -> None:
    assert is_iban_valid("GB82 WEST 1234 5698 7654 32")
    assert not is_iban_valid("GB82 WEST 1234 5698 7654 33")
    assert not is_iban_valid("DE89370400440532013000X")
    assert is_ssn_valid("514", "71", "7880")
    assert not is_ssn_valid("000", "12", "3456")
    assert not is_ssn_valid("923", "12", "3456")


def test_key_classes() -> None:
    assert classify_key("customer_name") == "person_name"
    assert classify_key("billingAddress") == "address"
    assert classify_key("ip_address") is None
    assert classify_key("name") is None
    assert classify_key("name", parent="billing_details") == "person_name"
    assert classify_key("X-Api-Key") == "secret"
    assert classify_key("dedup_key") is None
    assert classify_key("order_id") == "id"
    assert classify_key("customer_id") == "user_id"
    assert looks_random("f3Kx9QpL2vWz8RtY")
    assert not looks_random("ERR_PAYMENT_4021")


# --- detectors ---------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "text"), DECOYS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(DECOYS)])
def test_decoys_survive(anon: Anonymizer, kind: str, text: str) -> None:
    assert anon.anonymize_text(text) == text


@pytest.mark.parametrize(
    ("kind", "text", "value"), PERSONAL, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(PERSONAL)]
)
def test_personal_values_are_gone(anon: Anonymizer, kind: str, text: str, value: str) -> None:
    out = anon.anonymize_text(text)
    assert value not in out
    assert anon.counts  # something was counted


def test_spans_name_the_kind() -> None:
    text = "refund to DE89 3704 0044 0532 0130 00 for +1 (415) 555-0132, ssn 514-71-7880"
    kinds = [(s.kind, text[s.start : s.end]) for s in find_spans(text)]
    assert kinds == [("iban", "DE89 3704 0044 0532 0130 00"), ("phone", "+1 (415) 555-0132"),
                     ("ssn", "514-71-7880")]  # fmt: skip


def test_identifier_context_keeps_numbers() -> None:
    assert find_spans("4111111111111111", identifiers=True) == []
    assert [s.kind for s in find_spans("4111111111111111")] == ["card"]
    assert find_spans("order_id=4111111111111111 failed") == []


def test_networks_are_not_hosts() -> None:
    assert find_spans("deny 203.0.113.0/24 and 2001:db8:85a3::/48") == []
    assert [s.kind for s in find_spans("iface 203.0.113.7/24 down")] == ["ipv4"]


# --- tokens and keys ---------------------------------------------------------------


def test_tokens_are_stable_typed_and_keyed() -> None:
    tok = Tokenizer(KEY)
    a = tok.token("email", "Ada@Example.com")
    assert a == tok.token("email", "ada@example.com") == tok.token("email", "ada%40example.com")
    kind, kid, digest = TOKEN_RE.fullmatch(a).groups()
    assert (kind, kid) == ("email", KEY.key_id)
    assert a != tok.token("email", "bob@example.com")
    other = Tokenizer(TokenKey.from_secret("a different key, not a secret"))
    b = other.token("email", "ada@example.com")
    assert b != a and TOKEN_RE.fullmatch(b).group(2) != kid
    assert "secret" not in repr(KEY)


def test_identity_numbers_join_across_separators_but_keep_their_letters() -> None:
    tok = Tokenizer(KEY)
    assert tok.token("ssn", "123-45-6789") == tok.token("ssn", "123 45 6789") == tok.token("ssn", "123456789")
    assert tok.token("ssn", "230591-284h") == tok.token("ssn", "230591-284H")
    # a NINO and a passport number with the same digits are two values (digits alone joined them)
    assert tok.token("ssn", "QQ123456C") != tok.token("ssn", "ABC123456")


def test_load_key_from_env_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FAULTLINE_TOKEN_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FAULTLINE_TOKEN_KEY_FILE", raising=False)
    with pytest.raises(KeyMissingError, match="faultline keys init"):
        load_key()
    assert load_key(required=False) is None
    path = ensure_key_file(tmp_path / "k" / "token.key")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_text()
    assert ensure_key_file(path).read_text() == before  # never overwritten
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY_FILE", str(path))
    assert load_key().source == str(path)
    os.chmod(path, 0o644)
    with pytest.raises(KeyMissingError, match="chmod 600"):
        load_key()
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "short")
    with pytest.raises(KeyMissingError, match="shorter than 16"):
        load_key()
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "long enough to be a key, not a secret")
    assert load_key().source == "env"


# --- policy ------------------------------------------------------------------------


def test_default_policy_and_hash() -> None:
    p = Policy.load()
    assert p.version == "1.0.0" and re.fullmatch(r"[0-9a-f]{64}", p.hash)
    assert p.rule_for("user_id").action == "tokenize"
    assert p.rule_for("some_unknown_field").action == "scan"
    changed = Policy.from_dict({"version": "1.0.0", "fields": {"message": "drop"}})
    assert changed.hash != p.hash


def test_policy_file_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("version: '7'\nfields:\n  message: scan\n  host: drop\nfree_text:\n  email: mask\n")
    p = Policy.load(f)
    assert p.version == "7" and p.free_text["email"] == "mask"
    with pytest.raises(PolicyError, match="unknown action 'shred'"):
        Policy.from_dict({"version": "1", "fields": {"message": "shred"}})
    with pytest.raises(PolicyError, match="unknown kind"):
        Policy.from_dict({"version": "1", "free_text": {"emails": "mask"}})
    with pytest.raises(PolicyError, match="needs a 'version'"):
        Policy.from_dict({"fields": {}})
    with pytest.raises(PolicyError, match="needs a precision"):
        Policy.from_dict({"version": "1", "fields": {"timestamp": "generalize"}})
    with pytest.raises(PolicyError, match="not found"):
        Policy.load(tmp_path / "missing.yaml")


def test_field_actions() -> None:
    policy = Policy.from_dict({
        "version": "t",
        "fields": {
            "timestamp": {"action": "generalize", "precision": "h"},
            "client_ip": {"action": "generalize", "ipv4_prefix": 24, "ipv6_prefix": 48},
            "host": "drop",
            "region": {"action": "mask", "kind": "region"},
            "user_id": "tokenize",
        },
    })  # fmt: skip
    a = Anonymizer(policy, KEY)
    out = a.anonymize_event({"timestamp": "2026-03-01T10:37:12+02:00", "client_ip": "203.0.113.77",
                             "host": "db-7", "region": "eu-west-1", "user_id": 42})  # fmt: skip
    assert out["timestamp"] == "2026-03-01T08:00:00Z"
    assert out["client_ip"] == "203.0.113.0/24"
    assert "host" not in out
    assert out["region"] == "<region>"
    assert TOKEN_RE.fullmatch(out["user_id"])
    v6 = a.anonymize_event({"client_ip": "2a02:6b8:b010:a4fc::1b", "timestamp": 1772359200000})
    assert v6["client_ip"] == "2a02:6b8:b010::/48"
    assert v6["timestamp"] == 1772359200000  # already on the hour
    assert a.anonymize_event(out) == out  # generalized values are stable


# --- the anonymizer ----------------------------------------------------------------


def test_normalized_event_and_shape(anon: Anonymizer) -> None:
    ev, _ = normalize_event({
        "timestamp": "2026-03-01T10:00:00Z", "service": "checkout", "severity": "error",
        "message": "card 4111 1111 1111 1111 declined for ada@example.com",
        "user_id": "u-1842", "session_id": "s-9", "client_ip": "84.26.78.87",
        "attributes": {"http.url": "/v1/pay?email=ada%40example.com", "retry": 2,
                       "customer": {"name": "Ada Lovelace", "tier": "gold"}},
        "x_custom": ["bob@example.com", 7],
    })  # fmt: skip
    out = anon.anonymize_event(ev)
    assert list(out) == list(ev)
    assert isinstance(out["timestamp"], datetime) and out["timestamp"].tzinfo == UTC
    assert out["severity"] == "ERROR" and out["service"] == "checkout"
    assert "4111" not in out["message"] and "ada@" not in out["message"]
    assert out["attributes"]["retry"] == 2
    assert out["attributes"]["customer"]["tier"] == "gold"
    assert TOKEN_RE.fullmatch(out["attributes"]["customer"]["name"]).group(1) == "person_name"
    assert out["x_custom"][1] == 7 and "bob@" not in out["x_custom"][0]
    # the same e-mail address gets one token wherever it appears
    msg_tok = TOKEN_RE.search(out["message"].split("for ")[1]).group(0)
    assert msg_tok in out["attributes"]["http.url"]
    assert anon.anonymize_event(out) == out


def test_odd_types_never_raise(anon: Anonymizer) -> None:
    ev = {"message": b"mail ada@example.com", "n": Decimal("1.5"), "s": {1, 2}, "none": None,
          "nan": float("nan"), "big": 4111111111111111, "when": datetime(2026, 1, 1, tzinfo=UTC),
          "nested": [[{"phone": 4155550132}]], 5: "five", "ada@example.com": True}  # fmt: skip
    out = anon.anonymize_event(ev)  # type: ignore[arg-type]
    assert "ada@" not in out["message"]
    assert out["n"] == Decimal("1.5") and out["none"] is None
    assert TOKEN_RE.fullmatch(out["big"])
    assert TOKEN_RE.fullmatch(out["nested"][0][0]["phone"])
    assert not any("ada@" in str(k) for k in out)
    with pytest.raises(TypeError, match="must be a dict"):
        anon.anonymize_event(["not", "a", "dict"])  # type: ignore[arg-type]


def test_counts_hold_kinds_not_values(anon: Anonymizer) -> None:
    anon.anonymize_event({"message": "ada@example.com and bob@example.com", "user_id": "u1"})
    anon.anonymize_event({"message": "ada@example.com"})  # cached string still counts
    assert anon.counts["email"] == 3 and anon.counts["user_id"] == 1
    assert all("@" not in k for k in anon.counts)


# --- the command line --------------------------------------------------------------


def test_cli_anonymize_streams_line_for_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "cli test key, not a secret")
    lines = [
        json.dumps({"timestamp": "2026-03-01T10:00:00Z", "service": "a", "message": "to ada@example.com"}),
        '{"message": "broken ada@example.com',
        "[1, 2]",
        "",
        json.dumps({"message": "ok", "attributes": {"password": "hunter2"}}),
    ]
    result = CliRunner().invoke(cli, ["anonymize"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert len(out) == len(lines)
    first, bad, arr, empty, last = (json.loads(x) for x in out)
    assert list(first) == ["timestamp", "service", "message"] and "ada@" not in first["message"]
    assert bad["_quarantine"]["reason"] == "invalid_json" and bad["_quarantine"]["line_no"] == 2
    assert arr["_quarantine"]["reason"] == "not_an_object"
    assert empty["_quarantine"]["reason"] == "empty_line"
    assert last["attributes"]["password"] == "<password>"
    assert "ada@" not in result.stdout and "hunter2" not in result.stdout
    summary = json.loads(result.stderr.strip().splitlines()[-1])["anonymize"]
    assert summary["lines"] == 5 and summary["events"] == 2 and summary["quarantined"] == 3
    assert summary["found"] == {"email": 1, "password": 1}
    assert summary["policy_hash"] == Policy.load().hash
    assert "ada@" not in result.stderr


def test_cli_refuses_without_key_and_keys_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FAULTLINE_TOKEN_KEY", raising=False)
    monkeypatch.delenv("FAULTLINE_TOKEN_KEY_FILE", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["anonymize"], input="{}\n")
    assert result.exit_code != 0 and "faultline keys init" in result.output
    result = CliRunner().invoke(cli, ["keys", "init"])
    assert result.exit_code == 0, result.output
    key_file = tmp_path / "data" / "keys" / "token.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    monkeypatch.delenv("FAULTLINE_TOKEN_KEY_FILE", raising=False)
    result = CliRunner().invoke(cli, ["anonymize"], input='{"message": "x"}\n')
    assert result.exit_code == 0 and json.loads(result.stdout) == {"message": "x"}
    shown = CliRunner().invoke(cli, ["keys", "show"])
    assert key_file.read_text().strip() not in shown.output


def test_cli_long_line_is_quarantined_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "cli test key, not a secret")
    long_line = json.dumps({"message": "ada@example.com " + "x" * 5000})
    result = CliRunner().invoke(cli, ["anonymize", "--max-line-bytes", "1024"],
                                input=long_line + '\n{"message": "ok"}\n')  # fmt: skip
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert out[0]["_quarantine"]["reason"] == "line_too_long"
    assert out[1] == {"message": "ok"}


def test_batch_types_equal_per_event(tmp_path: Path) -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from features.simulate.run import simulate

    simulate(tmp_path, days=1, services=3, seed=9, scale=0.02)
    frame = pl.DataFrame(simulated_events(tmp_path), infer_schema_length=None)
    reference = Anonymizer(Policy.load(), KEY)
    expected = [reference.anonymize_event(r) for r in frame.to_dicts()]

    got_pl = Anonymizer(Policy.load(), KEY).anonymize_batch(frame)
    assert isinstance(got_pl, pl.DataFrame) and got_pl.to_dicts() == expected

    table = frame.to_arrow()
    got_pa = Anonymizer(Policy.load(), KEY).anonymize_batch(table)
    assert isinstance(got_pa, pa.Table) and got_pa.to_pylist() == expected
    assert got_pa.schema.field("message").type == table.schema.field("message").type

    flat = frame.drop("attributes").to_pandas()
    single = Anonymizer(Policy.load(), KEY)
    want = [single.anonymize_event(r) for r in flat.to_dict("records")]
    batch = Anonymizer(Policy.load(), KEY)
    got_pd = batch.anonymize_batch(flat)
    assert isinstance(got_pd, pd.DataFrame) and list(got_pd.index) == list(flat.index)
    assert _nan_to_none(got_pd.to_dict("records")) == _nan_to_none(want)
    assert batch.counts == single.counts

    objects = pd.DataFrame({"message": ["mail ada@example.com", None], "attributes": [{"email": "b@x.io"}, None]})
    got_obj = Anonymizer(Policy.load(), KEY).anonymize_batch(objects)
    assert "ada@" not in got_obj.loc[0, "message"] and got_obj.loc[1, "attributes"] is None
    assert TOKEN_RE.fullmatch(got_obj.loc[0, "attributes"]["email"])


def _nan_to_none(records: list[dict]) -> list[dict]:
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in records]


@pytest.mark.parametrize("shared_min", [1000, 1])
def test_batch_with_workers_equals_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               shared_min: int) -> None:
    import polars as pl

    from features.privacy import batch
    from features.simulate.run import simulate

    # 1: every text column's strings are shared with the worker, in parts, some of which
    # this process takes back and reads itself
    monkeypatch.setattr(batch, "_SHARED_MIN_TEXTS", shared_min)

    simulate(tmp_path, days=1, services=3, seed=5, scale=0.02)
    frame = pl.DataFrame(simulated_events(tmp_path), infer_schema_length=None)
    frame = pl.concat([frame] * (-(-4500 // frame.height)), how="vertical").head(4500)
    # a number column tokenized in the second half only: text in the result, as in one pass
    amounts = [7] * 4000 + [4111111111111111] * 500
    frame = frame.with_columns(pl.Series("order_amount", amounts))
    one = Anonymizer(Policy.load(), KEY)
    expected = one.anonymize_batch(frame)
    with Anonymizer(Policy.load(), KEY, n_jobs=2) as two:
        got = two.anonymize_batch(frame)
        assert got.schema == expected.schema and got.equals(expected)
        assert two.counts == one.counts and two.counts["card"] >= 500
    assert expected.get_column("order_amount").dtype == pl.String
    assert "4111111111111111" not in expected.get_column("order_amount").to_list()


def test_cli_workers_give_the_same_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from features.simulate.run import simulate

    monkeypatch.setenv("FAULTLINE_TOKEN_KEY", "cli test key, not a secret")
    simulate(tmp_path, days=1, services=3, seed=4, scale=0.02)
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    lines = (lines * (-(-4500 // len(lines))))[:4500] + ["[1, 2]", "not json"]
    stdin = "\n".join(lines) + "\n"
    one = CliRunner().invoke(cli, ["anonymize", "--jobs", "1"], input=stdin)
    two = CliRunner().invoke(cli, ["anonymize", "--jobs", "2"], input=stdin)
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert len(one.stdout.splitlines()) == len(lines)
    assert two.stdout == one.stdout
    assert two.stderr.strip().splitlines()[-1] == one.stderr.strip().splitlines()[-1]
    summary = json.loads(one.stderr.strip().splitlines()[-1])["anonymize"]
    assert summary["quarantine_reasons"]["not_an_object"] >= 1 and summary["found"]["email"] > 0


def test_cli_blocks_are_bounded_by_lines_and_bytes() -> None:
    from anomaly.commands.privacy import _blocks

    small = [(i, b"x" * 10) for i in range(1, 4502)]
    assert [len(b) for b in _blocks(iter(small), 2000)] == [2000, 2000, 501]
    big = [(i, b"y" * 3_000_000) for i in range(1, 8)] + [(8, None)]
    sizes = [len(b) for b in _blocks(iter(big), 2000)]
    assert sum(sizes) == 8 and max(sizes) == 3  # 3 lines pass 8 MiB: the block ends there


def test_url_encoded_json_keeps_its_delimiters_out_of_an_email() -> None:
    # a JSON object URL-encoded in a query string: the address starts after %22, so the
    # structure around it survives and its token is the address's own
    anon = Anonymizer(Policy.load(), KEY)
    out = anon.anonymize_text("GET /track?data=%7B%22email%22%3A%22a.b%40example.com%22%2C%22plan%22%3A%22pro%22%7D 204")
    alone = anon.anonymize_text("a.b%40example.com")
    assert out == f"GET /track?data=%7B%22email%22%3A%22{alone}%22%2C%22plan%22%3A%22pro%22%7D 204"
    assert alone.startswith("<email:")


@pytest.mark.parametrize("text", [
    "alert from Payment Failed (ops@example.com) routed to Billing Service (billing@example.com)",
    "owner: Platform Eng (platform@example.com)",
])
def test_words_before_an_address_in_brackets_that_name_no_one_stay(text: str) -> None:
    out = Anonymizer(Policy.load(), KEY).anonymize_text(text)
    for words in ("Payment Failed", "Billing Service", "Platform Eng"):
        if words in text:
            assert words in out
    assert "@example.com" not in out


def test_a_value_found_once_is_replaced_where_the_text_repeats_it() -> None:
    anon = Anonymizer(Policy.load(), KEY)
    out = anon.anonymize_text("uid=Xj3k9LmN0pQ2 path=/users/Xj3k9LmN0pQ2/profile")
    token = out.split()[0].removeprefix("uid=")
    assert token.startswith("<user_id:") and out == f"uid={token} path=/users/{token}/profile"
    # short or single-word values are not looked for elsewhere: they may be any word
    assert anon.anonymize_text("user=jdoe job jdoe-sync").endswith("job jdoe-sync")


def test_pydantic_errors_read_the_input_under_its_field() -> None:
    text = ("2 validation errors for CustomerCreate\n"
            "date_of_birth\n  Input should be a valid date [type=date_from_datetime_parsing, "
            "input_value='04/23/1987', input_type=str]\n"
            "plan\n  Input should be 'free' or 'pro' [type=enum, input_value='gold', input_type=str]\n"
            "contacts.0.full_name\n  String should have at most 40 characters [type=string_too_long, "
            "input_value='Maria Fernanda da Silva', input_type=str]")
    found = [(s.kind, text[s.start:s.end]) for s in find_spans(text)]
    assert found == [("dob", "04/23/1987"), ("person_name", "Maria Fernanda da Silva")]


def test_sql_parameters_are_read_under_their_columns() -> None:
    # positional (SQLAlchemy), named (EF Core, PostgreSQL); a row that does not line up with
    # its columns, and columns that name nothing personal, give nothing
    text = ("[SQL: INSERT INTO customers (email, full_name, tier) VALUES (%s, %s, %s)] "
            "[parameters: ('a@example.org', \"Nora O'Brien\", 'gold')]")
    assert [(s.kind, text[s.start:s.end]) for s in find_spans(text)] == [
        ("email", "a@example.org"), ("person_name", "Nora O'Brien")]
    uneven = "INSERT INTO customers (full_name, tier) VALUES (%s) [parameters: ('Quiet Harbor', 'gold')]"
    assert find_spans(uneven) == []
    named = "VALUES (@p0, @p1)] @p1='Ian Wright' @p0='ORD-7' INSERT INTO t (order_ref, full_name) VALUES (@p0, @p1)"
    assert [named[s.start:s.end] for s in find_spans(named)] == ["Ian Wright"]


def test_chat_mentions_xml_elements_and_aligned_env_values() -> None:
    text = 'Hi <@U0LAN0Z89|jdoe>, see <Status>FAILED</Status><Email>k.o@example.com</Email>'
    assert [(s.kind, text[s.start:s.end]) for s in find_spans(text)] == [
        ("user_id", "U0LAN0Z89"), ("user_id", "jdoe"), ("email", "k.o@example.com")]
    env = ("      DB_PASSWORD:           hunter2-Prod\n"
           "      SENDGRID_API_KEY:      <set to the key 'api-key' in secret 'mail'>  Optional: false")
    out = Anonymizer(Policy.load(), KEY).anonymize_text(env)
    assert "hunter2-Prod" not in out and "<set to the key 'api-key' in secret 'mail'>" in out
    # an idempotent rewrite: the mention's token is not read as a mention again
    anon = Anonymizer(Policy.load(), KEY)
    once = anon.anonymize_text(text)
    assert anon.anonymize_text(once) == once and "U0LAN0Z89" not in once


# --- keys and cues in other languages (session 13) -----------------------------------


def test_keys_in_other_languages_and_scripts() -> None:
    from features.privacy.keys import child_class, normalize_key

    assert normalize_key("Teléfono Móvil") == "telefono_movil"
    assert normalize_key("Straße") == "strasse" and normalize_key("soyadı") == "soyadi"
    assert classify_key("Vorname") == classify_key("apellidos") == classify_key("姓名") == "person_name"
    assert classify_key("Geburtsdatum") == classify_key("data_nascita") == "dob"
    assert classify_key("PLZ") == classify_key("code_postal") == classify_key("endereço") == "address"
    assert classify_key("手机号") == classify_key("用户手机号") == classify_key("gsmNumber") == "phone"
    assert classify_key("identityNumber") == classify_key("身份证号") == "ssn"
    assert classify_key("Kundennummer") == classify_key("ClientUsername") == classify_key("anonymousId") == "user_id"
    # a bare "nom" or "nombre" is a name only inside an object that describes a person, like "name"
    assert classify_key("nombre") is None and classify_key("nom", parent="abonne") == "person_name"
    assert classify_key("Nm", parent="Cdtr") == "person_name"  # ISO 20022
    assert classify_key("shipping.address.line1") == "address"
    assert classify_key("PublicKeyToken") == "id"  # a .NET assembly's strong name is public
    # a card object's brand and last four digits are no card number
    assert child_class("last4", "card", "card") is None and child_class("brand", "card", "card") is None
    assert child_class("number", "card", "card") == "card"


def test_structured_event_in_other_languages(anon: Anonymizer) -> None:
    event = {
        "timestamp": "2026-03-01T10:00:00Z", "service": "abo", "message": "SEPA return AC04",
        "attributes": {
            "kunde": {"Kundennummer": "K-0043517", "Vorname": "Jürgen", "Nachname": "Schäfer", "PLZ": "50674",
                      "Geburtsdatum": "12.07.1968", "tarif": "premium"},
            "card": {"brand": "visa", "last4": "4242", "number": "4242424242424242"},
            "zip": 94107,
        },
    }
    out = anon.anonymize_event(event)
    kunde, card = out["attributes"]["kunde"], out["attributes"]["card"]
    for key in ("Kundennummer", "Vorname", "Nachname", "PLZ", "Geburtsdatum"):
        assert TOKEN_RE.fullmatch(kunde[key]), (key, kunde[key])
    assert kunde["tarif"] == "premium"
    assert card["brand"] == "visa" and card["last4"] == "4242" and TOKEN_RE.fullmatch(card["number"])
    assert TOKEN_RE.fullmatch(out["attributes"]["zip"])  # a postal code's digits, as a number too


def test_free_text_keys_in_other_scripts_and_camel_case(anon: Anonymizer) -> None:
    out = anon.anonymize_text("退款失败，用户：王芳，手机号：13812345678，订单号：202406041822318841")
    assert "王芳" not in out and "13812345678" not in out and "202406041822318841" in out
    out = anon.anonymize_text("buyer[registrationAddress=Bagdat Cad. 214 Kadikoy,city=Istanbul]")
    # the city beside the street is the same person's address (a city alone stays: see below)
    assert "Bagdat" not in out and "Istanbul" not in out and "city=<address:" in out
    # a key word after a camelCase boundary is read; an address's value stops at an em dash
    out = anon.anonymize_text("adresse : 12 rue de la Paix, 75002 Paris — colis 6A12345678901 retourné")
    assert "rue de la Paix" not in out and "6A12345678901 retourné" in out


def test_numbers_after_the_word_that_names_them(anon: Anonymizer) -> None:
    cases = {
        "Skipping T4 slip: SIN 527 184 634 already assigned": "527 184 634",
        "ATO rejected payee (TFN 459 817 622)": "459 817 622",
        "CPR-nummer 170392-3328 er allerede registreret": "170392-3328",
        "r. č. 905715/5008, účet": "905715/5008",
        "telemóvel 912 345 678: código de erro": "912 345 678",
        "T.C. Kimlik No: 48291736550, tel: 0532 555 12 34": "48291736550",
    }
    for text, value in cases.items():
        assert value not in anon.anonymize_text(text), text
    for text in ("see RFC 7231 section 6.5.1", "SIN 2024-06-11 rollout", "mobile app 4.12.0 build 20240611",
                 "hotel 1234567 booking", "cell 3 of 12", "phone: 10:32:07 callback"):
        assert anon.anonymize_text(text) == text, text


def test_objects_printed_by_their_to_string(anon: Anonymizer) -> None:
    out = anon.anonymize_text("Cannot onboard Customer{id=77812, firstName='Matteo'} and Rider(id=RDR-99120)")
    assert "77812" not in out and "Matteo" not in out and "RDR-99120" not in out
    out = anon.anonymize_text("buyer=com.iyzipay.model.Buyer@1c7f4b2e[id=BY7789,name=Elif Yildiz]")
    assert "BY7789" not in out and "Elif" not in out
    for text in ("Order{id=5, status=PAID}", "UserService(id=12) failed", "at com.acme.User(User.java:10)"):
        assert anon.anonymize_text(text) == text, text


def test_name_cues_in_other_languages_and_sign_offs(anon: Anonymizer) -> None:
    for text, name in {
        "Échec du prélèvement pour l'abonné Camille Lefebvre": "Camille Lefebvre",
        "mesaj: \"Sayın Mehmet Demir, ödemeniz alındı\"": "Mehmet Demir",
        "misslyckades för kund Johan Ekström (ref 12)": "Johan Ekström",
        "Receptor: LUCIA GOMEZ MARTINEZ, DomicilioFiscal": "LUCIA GOMEZ MARTINEZ",
        "Please refund to my account. Thanks, Rachel Greenwood": "Rachel Greenwood",
        "Hi this is Linda Park, my order never arrived": "Linda Park",
    }.items():
        assert name not in anon.anonymize_text(text), text
    for text in ("Thanks, Team", "Cheers, The Payments Team", "Regards, Support"):
        assert anon.anonymize_text(text) == text, text


def test_cookie_jars_and_header_pairs(anon: Anonymizer) -> None:
    out = anon.anonymize_event({
        "timestamp": "2026-03-01T10:00:00Z", "service": "web", "message": "",
        "attributes": {"cookies": {"csrftoken": "nlNy5yX0Y3rNJdqL2kVF8thrxFeUZCRj"},
                       "headers": [["host", "reports.internal"], ["cookie", "_ga=GA1.2.1148231198.1716200000"]]},
    })
    assert "nlNy5y" not in str(out) and "GA1.2" not in str(out)
    assert out["attributes"]["headers"][0] == ["host", "reports.internal"]


def test_a_name_in_brackets_after_a_person_s_id(anon: Anonymizer) -> None:
    out = anon.anonymize_text("ATO rejected payee 000142 (Jack O'Brien, TFN 459 817 622)")
    assert "000142" not in out and "Jack O'Brien" not in out
    out = anon.anonymize_text("user 4411 (Payment Service) timed out")
    assert "4411" not in out and "(Payment Service) timed out" in out


def test_more_keys_of_people(anon: Anonymizer) -> None:
    for key in ("vehicleRegistration", "plaka", "deviceId", "identifierForVendor", "LoyaltyNumber", "cnh", "suser",
                "profileId"):
        assert classify_key(key) == "user_id", key
    assert classify_key("profileName") == "person_name" and classify_key("enlem") == classify_key("boylam") == "geo"
    assert classify_key("郵便番号") == "address" and classify_key("フリガナ") == "person_name"
    out = anon.anonymize_text("CEF:0|CyberArk|Vault|13.2|295|Retrieve password|5|act=Retrieve password suser=a.marchetti")
    assert "a.marchetti" not in out
    out = anon.anonymize_text("DeviceLogonEvents: LogonFailed corp S-1-5-21-3623811015-3361044348-30300820-21487 S-1-5-18")
    assert "30300820-21487" not in out and "S-1-5-18" in out
    out = anon.anonymize_text("Kela: hakijan henkilötunnus 230591-284H, nimi: Aino Mäkelä, tila HYLÄTTY")
    assert "230591-284H" not in out and "Aino Mäkelä" not in out


# --- session 14: a fresh probe of everyday telemetry ---------------------------------


def test_keys_of_roles_versions_forms_and_aliases() -> None:
    from features.privacy.keys import child_class, is_plausible

    assert classify_key("target_user") == classify_key("impersonated_user") == "user_id"
    assert classify_key("max_user") is None and classify_key("user_agent") is None
    assert classify_key("rails_version") == classify_key("os_version") == "id"
    assert classify_key("principalId") == classify_key("installation_uuid") == "user_id"
    assert classify_key("requester_id") == classify_key("author_id") == "user_id"
    assert classify_key("personal_number") == "ssn"
    assert classify_key("nameKana") == classify_key("furigana") == "person_name"
    # zap's and logrus' caller is code, no person's role; a call's caller is a person (Asterisk's ARI):
    # their name when it is shaped like one
    assert classify_key("caller") is None and classify_key("name", "caller") == "named_person"
    assert classify_key("created_by") == classify_key("owner") == "named_person"
    # a form's nested field, and an SQL table's alias
    assert classify_key("billing_details[name]") == "person_name"
    assert classify_key("user[email]") == "email"
    assert classify_key("card[number]") == "card"  # the flat name when the inner one says nothing
    assert classify_key("c.postal_code") == "address" and classify_key("server.address") == "id"  # a server's: kept
    # a person's object's compound keys: only those that qualify the person's own
    assert classify_key("delivery_id", "delivery") == "id"
    assert classify_key("employeeNumber", "employee") == classify_key("employee_id") == "user_id"  # a person's number
    assert classify_key("mobile_number", "customer") == "phone"
    assert classify_key("external_id", "contacts") == "user_id"
    assert classify_key("national_identification_number", "customer") == "ssn"
    # an application's display name, an API client's name
    assert classify_key("appDisplayName") is None and classify_key("userDisplayName") == "person_name"
    assert classify_key("apollo.client.name") is None and classify_key("policyHolderName") == "person_name"
    assert not is_plausible("user_id", "system:serviceaccount:ci:argo-workflow")
    # a Kubernetes object's uid is the object's
    assert child_class("uid", "involvedObject", None) == "id"
    assert child_class("uid", "user", None) == "user_id"
    # a validation error under a field's key, a repository's full name: no value of the kind
    assert not is_plausible("address", "is not a valid UK postcode")
    assert not is_plausible("person_name", "can't be blank")
    assert not is_plausible("person_name", "harborlight/checkout-service")
    assert is_plausible("person_name", "Isabel Hasan") and is_plausible("address", "12 Main Street")


def test_role_keys_take_a_name_only(anon: Anonymizer) -> None:
    event = {"message": "payout failed", "attributes": {
        "owner": "Piotr Kowalski", "approved_by": "Ada Lovelace", "assignee": "team-payments",
        "reporter": "Platform Team", "author": {"name": "Jane Roe", "type": "User"}, "passenger": 2,
        "created_by": "ops@example.com"}}
    out = anon.anonymize_event(event)["attributes"]
    assert TOKEN_RE.fullmatch(out["owner"]).group(1) == "person_name"
    assert TOKEN_RE.fullmatch(out["approved_by"]).group(1) == "person_name"
    assert out["assignee"] == "team-payments" and out["reporter"] == "Platform Team"
    assert TOKEN_RE.fullmatch(out["author"]["name"]) and out["author"]["type"] == "User"
    assert out["passenger"] == 2
    assert TOKEN_RE.fullmatch(out["created_by"]).group(1) == "email"


def test_versions_errors_and_object_ids_survive_an_event() -> None:
    import polars as pl

    events = [
        {"message": "Validation failed: Postcode is not a valid UK postcode",
         "stack_trace": "activerecord (7.1.3.4) lib/active_record/validations.rb:84:in `save!'",
         "attributes": {"rails_version": "7.1.3.4", "errors": {"postcode": ["is not a valid UK postcode"]},
                        "repository": {"full_name": "acme/checkout-service"}}},
        {"message": "Back-off restarting failed container in pod web-5c8d7b9f4-lq2zt_billing"
                    "(0f4d83f9-2151-4e73-8e0d-4e14bd9549b4)",
         "stack_trace": "",
         "attributes": {"rails_version": "", "errors": {"postcode": []},
                        "repository": {"full_name": ""},
                        "involvedObject": {"kind": "Pod", "uid": "0f4d83f9-2151-4e73-8e0d-4e14bd9549b4"}}},
    ]
    one = Anonymizer(Policy.load(), KEY)
    outs = [one.anonymize_event(e) for e in events]
    assert outs[0]["message"] == events[0]["message"]
    assert outs[0]["stack_trace"] == events[0]["stack_trace"]
    assert outs[0]["attributes"]["rails_version"] == "7.1.3.4"
    assert outs[0]["attributes"]["errors"] == {"postcode": ["is not a valid UK postcode"]}
    assert outs[0]["attributes"]["repository"]["full_name"] == "acme/checkout-service"
    assert outs[1]["message"] == events[1]["message"]
    assert outs[1]["attributes"]["involvedObject"]["uid"] == "0f4d83f9-2151-4e73-8e0d-4e14bd9549b4"
    frame = pl.DataFrame(events, infer_schema_length=None)
    want = [Anonymizer(Policy.load(), KEY).anonymize_event(r) for r in frame.to_dicts()]
    assert Anonymizer(Policy.load(), KEY).anonymize_batch(frame).to_dicts() == want


def test_format_slots_and_code_are_no_values(anon: Anonymizer) -> None:
    assert anon.anonymize_text("for user {UserId}") == "for user {UserId}"
    out = anon.anonymize_text("git clone https://oauth2:${GITLAB_TOKEN}@gitlab.example.com/acme/infra.git")
    assert ":${GITLAB_TOKEN}@gitlab.example.com" in out
    assert anon.anonymize_text("git clone https://oauth2:s3cr3tPa55@gitlab.example.com/a.git").count("s3cr3t") == 0
    code = 'Profile.objects.create(user=user, cpf=form.cleaned_data["cpf"])'
    assert anon.anonymize_text(code) == code
    assert "12345678909" not in anon.anonymize_text("create(user=u, cpf=12345678909)")
    # no postal code without a digit, nor a machine address under a postal key
    assert anon.anonymize_text("postcode: is not a valid UK postcode") == "postcode: is not a valid UK postcode"
    assert anon.anonymize_text("zip_code = 0x18") == "zip_code = 0x18"
    # a private key's whole block, also after a key that names it
    out = anon.anonymize_text("SFTP_KEY=-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n"
                              "-----END OPENSSH PRIVATE KEY-----\nconnected")
    assert "b3BlbnNz" not in out and out.endswith("\nconnected")


def test_a_persons_record_by_what_it_holds() -> None:
    # an object with a bare contact key filled in is a person's: its name-shaped "name" is
    # theirs, and with a name besides, its "id"; a Shopify order's "#2291", a charge's
    # receipt_email beside a bank's name, and their ids stay
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "job failed", "attributes": {
        "args": [{"email": "noah.fischer@gmx.ch", "name": "Noah Fischer", "type": "customer.updated"}],
        "row": {"id": 73310, "first_name": "Amélie", "email": "amelie.lefevre@orange.fr"},
        "order": {"id": 5630127489213, "name": "#2291", "email": "t.molefe@mweb.co.za"},
        "charge": {"id": "ch_1OtKq2", "name": "Chase Bank", "receipt_email": "ada@example.org"},
        "plan": {"id": "plan_pro", "name": "Premium Plan", "email": "billing@example.org"},
    }}
    out = anon.anonymize_event(event)
    text = json.dumps(out, ensure_ascii=False)
    assert "Noah Fischer" not in text and "73310" not in text and "Amélie" not in text
    attrs = out["attributes"]
    assert attrs["order"]["id"] == 5630127489213 and attrs["order"]["name"] == "#2291"
    assert attrs["charge"] == {**event["attributes"]["charge"], "receipt_email": attrs["charge"]["receipt_email"]}
    assert attrs["plan"]["name"] == "Premium Plan" and attrs["plan"]["id"] == "plan_pro"
    # the batch path reads a struct column's rows the same way, row by row
    import polars as pl

    rows = [{"payload": {"id": "c-1", "name": "Noah Fischer", "email": "noah.fischer@gmx.ch"}},
            {"payload": {"id": "c-2", "name": "Grace Hopper", "email": None}},
            {"payload": {"id": "c-3", "name": "Order Completed", "email": "x@example.org"}}]
    frame = pl.DataFrame(rows)
    want = _batch_equals_single(frame)
    assert want[1]["payload"]["name"] == "Grace Hopper" and want[2]["payload"]["name"] == "Order Completed"
    assert "Noah Fischer" not in json.dumps(want[0]) and "c-1" not in json.dumps(want[0])


# --- sessions 15-16: fresh probes of identity, directory and healthcare telemetry --------


def test_typed_records_claim_uris_and_grants() -> None:
    # Okta's actor and targets say what they are: a "User"'s alternateId and displayName are
    # a person's, a "PublicClientApp"'s are not; a SAML claim's URI key is read by its last
    # part; what Azure's "authorization" object says of a grant is no secret
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "user.session.start FAILURE", "attributes": {
        "actor": {"id": "00u7k2m4n6", "type": "User", "alternateId": "k.nowak@example.pl",
                  "displayName": "Katarzyna Nowak"},
        "target": {"type": "PublicClientApp", "displayName": "Azure CLI", "id": "0oa4xq2m"},
        "claims": {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": "Katarzyna",
                   "http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod": "pwd"},
        "authorization": {"scope": "/subscriptions/7c1e/resourceGroups/rg-payments",
                          "action": "Microsoft.Storage/storageAccounts/delete"},
    }}
    out = anon.anonymize_event(event)
    text = json.dumps(out, ensure_ascii=False)
    assert "k.nowak" not in text and "Katarzyna" not in text and "00u7k2m4n6" not in text
    attrs = out["attributes"]
    assert attrs["actor"]["type"] == "User"
    assert attrs["target"] == event["attributes"]["target"]
    assert attrs["authorization"] == event["attributes"]["authorization"]
    claims = attrs["claims"]
    assert claims["http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod"] == "pwd"
    assert TOKEN_RE.fullmatch(claims["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"])
    # the batch path reads a struct column's rows by their type the same way, row by row
    import polars as pl

    rows = [{"actor": {"type": "User", "id": "00u9a1b2c3", "displayName": "Ines Duarte"}},
            {"actor": {"type": "PublicClientApp", "id": "0oa4xq2m", "displayName": "Azure CLI"}},
            {"actor": {"type": "ServicePrincipal", "id": "svc-42", "displayName": "Nightly Export"}}]
    frame = pl.DataFrame(rows)
    want = _batch_equals_single(frame)
    assert "Ines Duarte" not in json.dumps(want[0]) and "00u9a1b2c3" not in json.dumps(want[0])
    assert want[1] == rows[1] and want[2] == rows[2]


def test_machine_accounts_and_public_resolvers_stay() -> None:
    assert find_spans("Account Name: DC01$ Logon Type: 3") == []
    assert find_spans("lookup via 8.8.8.8 and 9.9.9.9 timed out") == []
    assert [s.kind for s in find_spans("Account Name: k.nowak Logon Type: 3")] == ["user_id"]
    assert [s.kind for s in find_spans("lookup from 8.8.4.5 timed out")] == ["ipv4"]


# --- session 17: a fresh probe of mobile, analytics and messaging telemetry -------------


def test_mobile_analytics_and_messaging_events() -> None:
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "mailgun webhook failed", "attributes": {
        "headers": {"message-id": "20240718103555.b6f1a9c2e3d4@mg.example.ru",
                    "to": "Дмитрий Волков <dmitri.volkov@yandex.ru>"},
        "device": {"id": "4f1c9a2e7b3d8e05", "model": "2201117TG", "osVersion": "12"},
        "firebase_uid": "Qm7Zp2Lx9Rk4Tw1Vy8Sn3Bc6Hd0J", "invalid_player_ids": ["7a1e3c5b-9d2f-4a6e-8c0b-1f3d5e7a9c2b"],
        "appsflyer_id": "1719402213057-4829173650182736451", "code_attempt": "771204",
        "payout": {"consumerName": "Lukas Hofer", "consumerAccount": "DE44500105175407324931"},
        "kafka": {"consumerName": "orders-consumer-1"}, "pod_uid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "item": {"type": "contact", "external_id": "usr_55029184", "email": "ingrid.halvorsen@online.no",
                 "name": "Ingrid Halvorsen"},
    }}
    out = anon.anonymize_event(event)
    text = json.dumps(out, ensure_ascii=False)
    for value in ("Дмитрий Волков", "4f1c9a2e7b3d8e05", "Qm7Zp2Lx9Rk4Tw1Vy8Sn3Bc6Hd0J", "7a1e3c5b-9d2f", "1719402213057-",
                  "771204", "Lukas Hofer", "usr_55029184"):
        assert value not in text, value
    attrs = out["attributes"]
    assert attrs["headers"]["message-id"] == "20240718103555.b6f1a9c2e3d4@mg.example.ru"  # machine-made, under an id
    assert attrs["device"]["model"] == "2201117TG" and attrs["kafka"]["consumerName"] == "orders-consumer-1"
    assert attrs["pod_uid"] == event["attributes"]["pod_uid"]
    frame_rows = [{"attributes": event["attributes"]}]
    import polars as pl

    single = Anonymizer(Policy.load(), KEY)
    want = [single.anonymize_event(r) for r in frame_rows]
    batch = Anonymizer(Policy.load(), KEY)
    assert batch.anonymize_batch(pl.DataFrame(frame_rows)).to_dicts() == want


def test_keys_of_sdks_custom_fields_and_headers() -> None:
    assert classify_key("custom_field_codice_fiscale") == "ssn" and classify_key("appDisplayName") is None
    assert classify_key("X-Device-Id") == "user_id" and classify_key("x_request_id") == "id"
    assert classify_key("firebase_uid") == "user_id" and classify_key("pod_uid") is None
    assert classify_key("ticket_requester_name") == "person_name" and classify_key("consumerName") == "named_person"
    assert classify_key("id", "device") == "user_id" and classify_key("wa_id") == "phone"
    assert find_spans("cc=Ana") == [] and [s.kind for s in find_spans("cc: ana@example.es")] == ["email"]


def test_payment_and_edge_diagnostics_stay() -> None:
    # a fresh probe of edge, security and payment telemetry: what a masked card, a firewall's
    # session number and a certificate's subject say is no one's
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "PAN-OS THREAT", "attributes": {
        "SessionID": "1283391", "sub": "CN=*.corp-proxy.local,O=Internal",
        "credit_card": {"bin": "520082", "last_4": "1049", "number": "4929********1237"},
        "customer": {"first_name": "Étienne", "psu_id": "AB2847193", "customer_ref": "ng-cus-55812"},
        "sessionid": "ab12cd34ef56ab78cd90ef12ab34cd56",
    }}
    out = anon.anonymize_event(event)["attributes"]
    assert out["SessionID"] == "1283391" and out["sub"] == event["attributes"]["sub"]
    assert out["credit_card"] == event["attributes"]["credit_card"]
    assert "Étienne" not in json.dumps(out, ensure_ascii=False)
    assert TOKEN_RE.fullmatch(out["customer"]["psu_id"]) and TOKEN_RE.fullmatch(out["customer"]["customer_ref"])
    assert TOKEN_RE.fullmatch(out["sessionid"])  # a web session's id is still one


def test_bank_messages_and_server_addresses() -> None:
    anon = Anonymizer(Policy.load(), KEY)
    mt103 = ("NAK received for MIR 240514DEUTDEFFAXXX0000123456, error code T27, message follows:\n"
             ":20:PAY240514-00982\n:50K:/DE50370400440532013411\nKLAUS-DIETER WEBER\nHAUPTSTRASSE 12\n"
             "69117 HEIDELBERG\n:57A:BNPAFRPPXX\n:59F:/FR7630004008190001234567879\n1/ELODIE MARCHAND\n"
             "2/14 RUE DES CARMES\n3/FR/75005 PARIS\n:70:INV 2024-118\n:71A:SHA\n-}")
    out = anon.anonymize_text(mt103)
    for value in ("KLAUS-DIETER WEBER", "HAUPTSTRASSE 12", "ELODIE MARCHAND", "14 RUE DES CARMES", "DE5037"):
        assert value not in out, value
    for value in (":20:PAY240514-00982", "69117 HEIDELBERG", ":57A:BNPAFRPPXX", "3/FR/75005 PARIS", ":71A:SHA"):
        assert value in out, value
    assert anon.anonymize_text(out) == out
    event = {"message": "3DS2 RReq", "attributes": {
        "mobilePhone": {"cc": "49", "subscriber": "1704432198"}, "edgeIP": "23.52.171.84",
        "id.resp_h": "185.199.110.153", "id.orig_h": "203.0.113.64", "cliIP": "198.51.100.23",
        "CreditorAccount": {"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "40051231842690"},
    }}
    attrs = anon.anonymize_event(event)["attributes"]
    assert attrs["mobilePhone"]["cc"] == "49" and attrs["mobilePhone"]["subscriber"].startswith("<phone:")
    assert attrs["edgeIP"] == "23.52.171.84" and attrs["id.resp_h"] == "185.199.110.153"
    assert attrs["id.orig_h"].startswith("<ipv4:") and attrs["cliIP"].startswith("<ipv4:")
    assert attrs["CreditorAccount"]["Identification"].startswith("<iban:")


# --- session 17: fresh probes of platform operations and business applications ----------


def test_business_apps_and_platform_keys() -> None:
    assert classify_key("setSecret") is None and classify_key("getToken") is None
    assert classify_key("reset_token") == "secret" and classify_key("ClientRequestToken") == "id"
    assert classify_key("Ship_To_Contact__c") == "named_person" and classify_key("pernr") == "user_id"
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "Order_Sync__e failed", "attributes": {
        "Account_Name__c": "Bergmann Maschinenbau AG", "Ship_To_Contact__c": "Stefanie Oberhuber",
        "customer": {"entity_id": 30417, "email": "k.yilmaz@t-online.de", "taxvat": "DE318274665",
                     "firstname": "Kemal"},
        "cookie": {"form_key": "Xq9Lr2Tz7pKmW4vN"},
        "principalEmail": "terraform-ci@ledger-prod-4821.iam.gserviceaccount.com",
        "userName": "repo:nordlicht-ag/ops-bots:ref:refs/heads/main",
        "request": {"isperson": "T", "firstname": "Declan", "email": "d.osullivan@eircom.net", "externalid": "SHOP-CUST-55812"},
    }}
    out = anon.anonymize_event(event)["attributes"]
    text = json.dumps(out, ensure_ascii=False)
    for value in ("Stefanie Oberhuber", "DE318274665", "Xq9Lr2Tz7pKmW4vN", "SHOP-CUST-55812", "Kemal"):
        assert value not in text, value
    assert out["Account_Name__c"] == "Bergmann Maschinenbau AG"
    assert out["principalEmail"] == event["attributes"]["principalEmail"]
    assert out["userName"] == event["attributes"]["userName"]
    text = "employee #4471 (Tobi Okonkwo) duplicates a work e-mail; step=setSecret: Unable to log in"
    out_text = anon.anonymize_text(text)
    assert "#4471" not in out_text and "Tobi Okonkwo" not in out_text and "setSecret: Unable to log in" in out_text


def test_framework_errors_in_other_languages() -> None:
    # a fresh probe of web frameworks' errors in many locales: records keyed in Spanish or
    # Portuguese, roles in other languages, validation messages under a field's key
    anon = Anonymizer(Policy.load(), KEY)
    event = {"message": "422", "attributes": {
        "input": {"nombre": "Javier Moreno Sáez", "telefono": "+34 612 48 93 07", "email": "javier.moreno@gmail.com"},
        "envio": {"destinatario": "Pablo Herrera Ruiz", "peso_kg": None},
        "metadata": {"name_on_pan": "Rohit Verma"},
        "errors": {"cpf": ["CPF inválido"], "telefone": ["já está em uso"]},
        "request.user": "AnonymousUser", "resident_number": "880415-1234563",
        "plan": {"nombre": "Premium Anual", "precio": 120},
    }}
    out = anon.anonymize_event(event)["attributes"]
    text = json.dumps(out, ensure_ascii=False)
    for value in ("Javier Moreno Sáez", "Pablo Herrera Ruiz", "Rohit Verma", "880415-1234563"):
        assert value not in text, value
    assert out["errors"] == event["attributes"]["errors"] and out["request.user"] == "AnonymousUser"
    assert out["plan"] == event["attributes"]["plan"]  # no contact key: no person's record


def test_orm_binds_are_read_under_their_insert_columns(anon: Anonymizer) -> None:
    hibernate = (
        "o.h.SQL : insert into clientes (apellidos, dni, email, nombre, id) values (?, ?, ?, ?, ?)\n"
        "o.h.t.d.s.BasicBinder : binding parameter [1] as [VARCHAR] - [Gutiérrez Ortega]\n"
        "o.h.t.d.s.BasicBinder : binding parameter [4] as [VARCHAR] - [María José]\n"
        "o.h.t.d.s.BasicBinder : binding parameter [5] as [BIGINT] - [100482]\n"
        "o.h.e.j.s.SqlExceptionHelper : SQL Error: 1406, SQLState: 22001")
    out = anon.anonymize_text(hibernate)
    assert "Gutiérrez Ortega" not in out and "María José" not in out
    assert "binding parameter [5] as [BIGINT] - [100482]" in out  # the row's id column stays
    hibernate6 = ("insert into faktura (adres,nip,id) values (?,?,?)\n"
                  "binding parameter (1:VARCHAR) <- [ul. Długa 17/3, 80-827 Gdańsk]\n"
                  "binding parameter (2:VARCHAR) <- [584-219-37-06]\nbinding parameter (3:BIGINT) <- [3301]")
    out = anon.anonymize_text(hibernate6)
    assert "Długa" not in out and "584-219-37-06" not in out and "<- [3301]" in out
    ef = ("Failed executing DbCommand (14ms) [Parameters=[@p0='Jan Kowalski' (Nullable = false) (Size = 4000), "
          "@p1='Standard' (Size = 20)], CommandType='Text']\n"
          "INSERT INTO [Klienci] ([ImieNazwisko], [Plan])\nOUTPUT INSERTED.[Id]\nVALUES (@p0, @p1);")
    out = anon.anonymize_text(ef)
    assert "Jan Kowalski" not in out and "@p1='Standard'" in out


def test_people_in_roles_calls_and_boards_session_18() -> None:
    # roles only people have take an id or a login; roles that name machines too do not
    assert classify_key("rider") == classify_key("member") == "person_role"
    assert classify_key("driver") == classify_key("owner") == "named_person"
    assert classify_key("athlete_id") == classify_key("employeeid") == classify_key("kunde_nr") == "user_id"
    assert classify_key("payroll_id") == "id" and classify_key("name", "caller") == "named_person"
    import polars as pl

    frame = pl.DataFrame([
        {"message": "offer sent", "attributes": {
            "rider": "usr_51f0b7a9c3", "member": "worker-3", "driver": "drv_90e2d4f6a1",
            "caller_name": {"caller_name": "TREMBLAY GENEVIEVE", "caller_type": "CONSUMER"},
            "card": {"id": "891273645", "title": "Onboarding checklist"},
            "fields": [{"property": "firstname", "value": "Sanne"}, {"property": "plan", "value": "gold"}]}},
        {"message": "FIX 8=FIX.4.4|9=131|35=A|49=HF-ALPHA01|553=alpha_ops|554=Sp!ng3r-2024#q|10=201|",
         "attributes": {"rider": "Jonas Weber", "member": "LY-DE-0093318842", "driver": "org.postgresql",
                        "caller_name": {"caller_name": "Ana Lima", "caller_type": "BUSINESS"},
                        "card": {"id": "5521", "title": "Q3 plan"},
                        "fields": [{"property": "firstname", "value": "Piet"}, {"property": "plan", "value": "free"}]}},
    ])
    rows = _batch_equals_single(frame)
    text = json.dumps(rows, ensure_ascii=False)
    for value in ("usr_51f0b7a9c3", "LY-DE-0093318842", "Jonas Weber", "TREMBLAY GENEVIEVE", "Sanne", "Piet",
                  "alpha_ops", "Sp!ng3r-2024#q", "Ana Lima"):
        assert value not in text, value
    first, second = rows[0]["attributes"], rows[1]["attributes"]
    assert first["member"] == "worker-3" and first["driver"] == "drv_90e2d4f6a1"
    assert second["driver"] == "org.postgresql" and "HF-ALPHA01" in rows[1]["message"]
    assert first["caller_name"]["caller_type"] == "CONSUMER" and first["card"] == {
        "id": "891273645", "title": "Onboarding checklist"}
    assert first["fields"][1] == {"property": "plan", "value": "gold"}


def test_parties_players_and_sessions_session_19() -> None:
    # an SMS's or a WhatsApp message's party is its number, + left out; a route's or a time
    # range's "from" and "to" are not numbers of anyone
    assert classify_key("to") == classify_key("from") == "party" and classify_key("wa_id") == "phone"
    assert classify_key("steamId") == classify_key("xuid") == classify_key("epicAccountId") == "user_id"
    assert classify_key("id", "session") == "session_id" and classify_key("id", "player") == "user_id"
    assert classify_key("num_doc") == classify_key("licenceNumber") == "ssn"
    import polars as pl

    frame = pl.DataFrame([
        {"message": "sinch inbound sms", "attributes": {
            "from": "4915773301928", "to": "FRA", "range": {"from": 1710252901388, "to": "1710256501388"},
            "player": {"id": "cas_220193", "firstName": "Linnea", "currency": "SEK"},
            "session": {"id": "sess_Q2w9Er5tY1uI8oP3aS6dF0gH", "started": "2024-04-17T21:55:02Z"},
            "partnerSteamId": "76561198166554433", "tradeofferid": "6891234577"}},
        {"message": "vonage inbound", "attributes": {
            "from": "+44 7418 310920", "to": "Berlin Tegel", "range": {"from": "2024-01-01", "to": "2024-02-01"},
            "player": {"id": "video-player-1", "firstName": "Jonas", "currency": "EUR"},
            "session": {"id": "8f14e45fceea167a", "started": "2024-04-17T21:56:02Z"},
            "partnerSteamId": "76561198990011223", "tradeofferid": "6891234578"}},
    ])
    rows = _batch_equals_single(frame)
    text = json.dumps(rows, ensure_ascii=False)
    for value in ("4915773301928", "cas_220193", "Linnea", "sess_Q2w9Er5tY1uI8oP3aS6dF0gH", "76561198166554433",
                  "7418 310920", "Jonas", "8f14e45fceea167a", "76561198990011223"):
        assert value not in text, value
    first, second = rows[0]["attributes"], rows[1]["attributes"]
    assert first["to"] == "FRA" and second["to"] == "Berlin Tegel" and first["tradeofferid"] == "6891234577"
    assert first["range"]["to"] == "1710256501388" and second["range"] == {"from": "2024-01-01", "to": "2024-02-01"}
    assert first["player"]["currency"] == "SEK" and second["session"]["started"] == "2024-04-17T21:56:02Z"


def test_one_word_logins_echo_only_as_words(anon: Anonymizer) -> None:
    # a login found once (sshd's "for X from") is replaced where the text repeats it as a word,
    # not inside a host, a path or a name (mysql-ledger.db.svc, /ledger?)
    ssh = ("sshd[7711]: Failed password for rcarvalho from 177.43.211.9 port 61502 ssh2\n"
           "sshd[7711]: Disconnecting authenticating user rcarvalho 177.43.211.9 port 61502: Too many failures")
    assert "rcarvalho" not in anon.anonymize_text(ssh)
    jdbc = ("Access denied for user 'ledger'@'10.244.5.33' (using password: YES) "
            "jdbcUrl=jdbc:mysql://mysql-ledger.db.svc:3306/ledger?useSSL=true")
    out = anon.anonymize_text(jdbc)
    assert "'ledger'" not in out and "mysql-ledger.db.svc:3306/ledger?useSSL" in out
