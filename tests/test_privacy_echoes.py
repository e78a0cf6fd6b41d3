"""Values an event names (a field's or a key's, replaced whole), replaced where its free text
repeats them; the batch path gives the same rows as the per-event path (features.privacy.echoes)."""

from __future__ import annotations

import json
import re

import pandas as pd
import polars as pl
import pytest

from features.privacy import Anonymizer, Policy, TokenKey
from features.privacy.echoes import named_values

KEY = TokenKey.from_secret("echo test key, not a secret")
TOKEN = re.compile(r"<([a-z_]+):k[0-9a-f]{4}:[0-9a-f]{12}>")


def _event(**fields: object) -> dict:
    return {"timestamp": "2026-03-01T10:00:00Z", "service": "api", "message": "", **fields}


EVENTS = [
    # the user id field, repeated in the message (a feature-flag SDK's error)
    _event(message="Flag evaluation failed for context user-5531-ab: MALFORMED_FLAG", user_id="user-5531-ab"),
    # a GraphQL variable named by its key, quoted by the validation error and its stack trace
    _event(message='Variable "$input" got invalid value "1994-11-31" at "input.dateOfBirth"',
           stack_trace='GraphQLError: invalid value "1994-11-31"\n    at coerceVariableValues (values.js:96:11)',
           attributes={"variables": {"input": {"dateOfBirth": "1994-11-31", "plan": "pro"}}}),
    # a support ticket: the requester's name signs the description
    _event(message="ticket created",
           attributes={"ticket": {"description": "My card was charged twice. Rachel Greenwood",
                                  "requester": {"name": "Rachel Greenwood", "tier": "gold"}}}),
    # a customer id under its object, in the consumer's error
    _event(message="cannot deserialize record of C-2093381 at offset 1182734",
           attributes={"customer": {"id": "C-2093381"}, "messaging.kafka.offset": 1182734}),
    # not a whole word: stays; a short value (5 characters): stays
    _event(message="user-5531-abc and 48213 are other values", user_id="user-5531-ab",
           attributes={"customer": {"id": "48213"}}),
    # nothing named: unchanged
    _event(message="GET /healthz 200 in 3ms", attributes={"route": "/healthz"}),
    # headers as [name, value] pairs (ASGI): the cookie's values are read under its name
    _event(message="upstream timeout",
           attributes={"asgi": {"headers": [["host", "reports.internal"], ["cookie", "_ga=GA1.2.11482.17162; sid=Zq8f"]]}}),
]


def test_named_values_walks_both_shapes() -> None:
    found: dict[str, str] = {}
    named_values({"a": ["x@example.com", 7], "b": {"c": 40.416775}},
                 {"a": ["<email:k1a2b:0123456789ab>", 7], "b": {"c": "<geo:k1a2b:0123456789ab>"}}, found)
    assert found == {"x@example.com": "<email:k1a2b:0123456789ab>", "40.416775": "<geo:k1a2b:0123456789ab>"}


def test_a_named_value_is_replaced_where_the_free_text_repeats_it() -> None:
    anon = Anonymizer(Policy.load(), KEY)
    out = [anon.anonymize_event(e) for e in EVENTS]
    assert out[0]["message"] == f"Flag evaluation failed for context {out[0]['user_id']}: MALFORMED_FLAG"
    dob = out[1]["attributes"]["variables"]["input"]["dateOfBirth"]
    assert TOKEN.fullmatch(dob) and "1994-11-31" not in json.dumps(out[1])
    assert out[1]["message"].count(dob) == 1 and dob in out[1]["stack_trace"]
    assert "values.js:96:11" in out[1]["stack_trace"] and out[1]["attributes"]["variables"]["input"]["plan"] == "pro"
    assert "Rachel Greenwood" not in json.dumps(out[2])
    assert "C-2093381" not in out[3]["message"] and "offset 1182734" in out[3]["message"]
    assert out[4]["message"] == EVENTS[4]["message"]
    assert out[5] == EVENTS[5]
    headers = out[6]["attributes"]["asgi"]["headers"]
    assert headers[0] == ["host", "reports.internal"] and "GA1.2" not in headers[1][1] and "Zq8f" not in headers[1][1]


def test_echoes_are_counted() -> None:
    anon = Anonymizer(Policy.load(), KEY)
    anon.anonymize_event(EVENTS[0])
    assert anon.counts["user_id"] == 2  # the field, and its echo in the message


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_batch_equals_per_event(n_jobs: int) -> None:
    rows = [{**e, "attributes": json.dumps(e.get("attributes", {}))} for e in EVENTS]  # one schema
    structured = [e for e in EVENTS if "attributes" in e][1:4]  # structs that unify
    for events in (rows, structured):
        frame = pl.DataFrame(events, infer_schema_length=None, strict=False)
        single = Anonymizer(Policy.load(), KEY)
        want = [single.anonymize_event(r) for r in frame.to_dicts()]
        with Anonymizer(Policy.load(), KEY, n_jobs=n_jobs) as batch:
            got = batch.anonymize_batch(frame)
            assert got.to_dicts() == want
            assert batch.counts == single.counts
        table = Anonymizer(Policy.load(), KEY).anonymize_batch(frame.to_arrow())
        assert table.to_pylist() == want


def test_pandas_batch_equals_per_event() -> None:
    frame = pd.DataFrame([{k: v for k, v in e.items() if k != "attributes"} for e in EVENTS[:2]])
    single = Anonymizer(Policy.load(), KEY)
    want = [single.anonymize_event(r) for r in frame.to_dict("records")]
    batch = Anonymizer(Policy.load(), KEY)
    got = batch.anonymize_batch(frame)
    assert got.to_dict("records") == want and batch.counts == single.counts
    assert "user-5531-ab" not in got.loc[0, "message"]


def test_objects_that_name_their_value() -> None:
    event = _event(attributes={
        "env": [{"name": "DB_PASSWORD", "value": "Ledg3r-Pr0d-2024!"}, {"name": "LOG_LEVEL", "value": "debug"}],
        "documents": [{"documentType": "PASSPORT", "number": "TZ1184392", "expiryDate": "2031-03-02"}],
        "phones": [{"deviceType": "MOBILE", "number": "8034417729"}],
        "tag": {"key": "team", "value": "payments"},
    })
    out = Anonymizer(Policy.load(), KEY).anonymize_event(event)
    blob = json.dumps(out)
    for raw in ("Ledg3r-Pr0d-2024!", "TZ1184392", "8034417729"):
        assert raw not in blob, raw
    assert out["attributes"]["env"][1] == {"name": "LOG_LEVEL", "value": "debug"}
    assert out["attributes"]["tag"] == {"key": "team", "value": "payments"}
    assert out["attributes"]["documents"][0]["expiryDate"] == "2031-03-02"
    # a struct column of such objects gives the same rows in the batch path
    frame = pl.DataFrame([{**event, "attributes": {"cred": {"name": "DB_PASSWORD", "value": "x9!Pq2"}}},
                          {**event, "attributes": {"cred": {"name": "REGION", "value": "eu-west-1"}}}])
    single = Anonymizer(Policy.load(), KEY)
    assert Anonymizer(Policy.load(), KEY).anonymize_batch(frame).to_dicts() == [
        single.anonymize_event(r) for r in frame.to_dicts()]


def test_a_bare_key_s_value_is_not_looked_for_elsewhere() -> None:
    # an experiment's "key" is tokenized to be safe, not known to be personal: no echo
    event = _event(message="exposure failed for checkout-redesign-v3", attributes={"experiment": {"key": "checkout-redesign-v3"}})
    out = Anonymizer(Policy.load(), KEY).anonymize_event(event)
    assert out["message"] == event["message"]


def test_a_person_s_object_is_no_labelled_value() -> None:
    # {"id", "name"} describes a person: its name is the person's, not a label for the id
    out = Anonymizer(Policy.load(), KEY).anonymize_event(_event(attributes={"user": {"id": "u1", "name": "jdoe"}}))
    assert TOKEN.fullmatch(out["attributes"]["user"]["name"]) and TOKEN.fullmatch(out["attributes"]["user"]["id"])
