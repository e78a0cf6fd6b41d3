"""What front ends, mobile SDKs and validation libraries print about people: a validation
error's rejected value under its field's name, the ids
and keys that analytics and push SDKs name, a person's resource without a leading slash.
And what looks alike and must stay."""

from __future__ import annotations

import pytest
from conftest import spans_found

from features.privacy.detectors import could_find, find_spans
from features.privacy.keys import classify_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # express-validator: the value, then the field it was read from
        ('[{"type":"field","value":"Passwort123","msg":"Password must contain a symbol","path":"password",'
         '"location":"body"}] POST /api/register 400', [("password", "Passwort123")]),
        # Spring's FieldError as JSON, a field before its value
        ('{"field":"email","rejectedValue":"ana.ruiz@example.com","defaultMessage":"must be unique"}',
         [("email", "ana.ruiz@example.com")]),
        # Joi's context: label, value, key
        ("{'label': 'dob', 'value': '1979-11-03', 'key': 'dob'}", [("dob", "1979-11-03")]),
        # Angular's pattern error under the form control's name, its pattern holding braces
        ('FormGroup invalid: {"licensePlate":{"pattern":{"requiredPattern":"^[A-Z]{1,3}-[A-Z]{1,2} \\\\d{1,4}$",'
         '"actualValue":"M-AB 1234X"}}}', [("user_id", "M-AB 1234X")]),
    ],
)
def test_a_validation_error_s_rejected_value_is_read_under_its_field(text: str, expected: list) -> None:
    assert spans_found(text) == expected
    assert could_find(text)


def test_a_validation_error_about_no_personal_field_keeps_its_value() -> None:
    for text in ('{"value":"42","path":"quantity","msg":"must be at most 10"}',
                 '{"key":"retries","value":"3"}', '{"field":"sort","rejectedValue":"price_desc"}'):
        assert spans_found(text) == []


def test_ids_and_keys_that_sdks_name() -> None:
    assert spans_found("advertiserId=6D92078A-8246-4BA4-AE5B-76104861E7DC sdk=6.12.2") == [
        ("user_id", "6D92078A-8246-4BA4-AE5B-76104861E7DC")]
    assert spans_found("android_uuid=f2c1e0d9-8b7a-4c6d-9e5f-1a2b3c4d5e6f, response 'timeout'") == [
        ("user_id", "f2c1e0d9-8b7a-4c6d-9e5f-1a2b3c4d5e6f")]
    assert [k for k, _ in spans_found("mobileKey=mob-3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9 writeKey=Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Q "
                                 "af_dev_key=Xk9pQ2rT7vLm4nB8cZ1aWe")] == ["secret"] * 3
    assert classify_key("sdkKey") == "secret" and classify_key("userIdentifier") == "user_id"
    # a request's own id is no one's: it stays, in the same layouts
    assert spans_found("request_id=6c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f8 advertiser=acme") == []


def test_a_quoted_id_after_the_sdk_s_name_for_it() -> None:
    text = 'Segment track call dropped (event "Order Completed", userId "8a7b6c5d-4e3f-4a1b-8c9d-8e7f6a5b4c3d")'
    assert spans_found(text) == [("user_id", "8a7b6c5d-4e3f-4a1b-8c9d-8e7f6a5b4c3d")]
    assert spans_found('people.set failed for distinct_id "$device:18e2f3a4b5c-0d1e2f3a4b5c6d"') == [
        ("user_id", "$device:18e2f3a4b5c-0d1e2f3a4b5c6d")]
    assert spans_found('request_id "8a7b6c5d-4e3f-4a1b-8c9d-8e7f6a5b4c3d" trace_id "abc"') == []


def test_push_tokens_and_resource_names() -> None:
    text = '{"message":"\\"ExponentPushToken[xK3mP9qL2vN7rT4wY1aB6c]\\" is not a registered push notification recipient"}'
    assert spans_found(text) == [("secret", "ExponentPushToken[xK3mP9qL2vN7rT4wY1aB6c]")]
    text = "PERMISSION_DENIED: caller lacks permission 'users.read' on resource users/8812-4471-0093"
    assert spans_found(text) == [("user_id", "8812-4471-0093")]
    # a collection's name inside a word or a file's name is no resource
    assert spans_found("loaded poweruser/2024 and app.users/v2 from cache") == []


def test_a_postal_code_ends_before_the_status_after_it() -> None:
    text = "GET /v2/customers/search?dob=1988-02-14&zip=75011 500 (Internal Server Error)    xhr.js:247"
    assert ("address", "75011") in spans_found(text)
    assert "500 (Internal Server Error)" in text[max(s.end for s in find_spans(text)):]
    assert spans_found("postcode=114 55 Stockholm") == [("address", "114 55 Stockholm")]  # a Swedish code, then the town


def test_a_base64_id_keeps_its_padding() -> None:
    assert spans_found('variables={"userId":"VXNlcjo0NDgyMQ==","first":10}') == [("user_id", "VXNlcjo0NDgyMQ==")]
    # a user key whose value is the next pair still leaves that pair to be read on its own
    assert spans_found("Failed Login: username=jdoe from 10.0.0.1") == [("user_id", "jdoe"), ("ipv4", "10.0.0.1")]


def test_a_name_in_brackets_has_no_digits() -> None:
    assert spans_found("Kennzeichen ungültig für Zone 4711 (Fehler PV-422)") == []
    assert spans_found("student s4412087 (Isabella García López)") == [
        ("user_id", "s4412087"), ("person_name", "Isabella García López")]


def test_values_in_corner_brackets_after_their_key() -> None:
    text = "入力エラー: 郵便番号「150-0002」と住所「東京都渋谷区渋谷2-21-1」が一致しません"
    assert spans_found(text) == [("address", "150-0002"), ("address", "東京都渋谷区渋谷2-21-1")]
    assert spans_found("ファイル「config.yaml」が見つかりません。エラーコード「E1234」") == []


def test_names_under_bare_and_role_keys() -> None:
    assert spans_found('SSN verification failed: name="DeShawn M. Pruitt" result=NO_MATCH') == [
        ("person_name", "DeShawn M. Pruitt")]
    assert spans_found("CNIS lookup failed: nome=Ana Lúcia Ferreira dos Santos - timeout") == [
        ("person_name", "Ana Lúcia Ferreira dos Santos")]
    assert spans_found('deceased="Harold Whitfield" executor="Margaret Whitfield" caseId=PRB-2025-33871') == [
        ("person_name", "Harold Whitfield"), ("person_name", "Margaret Whitfield")]
    # a thread pool's executor, a service's name: not a person's
    assert spans_found("executor=ForkJoinPool-1-worker-3 name=Checkout Service witness=none") == []


def test_addresses_by_their_parts() -> None:
    text = '{"receiver":{"streetName":"Lindenweg","houseNumber":"14a","postalCode":"53111"}}'
    assert spans_found(text) == [("address", "Lindenweg"), ("address", "14a"), ("address", "53111")]
    assert spans_found("panic: addr=0x18 pc=0x4a2b3c") == []


def test_a_login_quoted_after_its_word() -> None:
    assert spans_found('Filing rejected: filer login "dkhalil_esq" password expired') == [("user_id", "dkhalil_esq")]
    assert spans_found('login "admin" failed; file "config.yaml" not found') == []


def test_a_value_quoted_for_the_field_it_was_given_for() -> None:
    assert spans_found("Invalid value 'Moira Kowalski' for field 'full_name' (status 400)") == [
        ("person_name", "Moira Kowalski")]
    assert spans_found("invalid value '+44 20 7946 0958' for column 'mobile_phone'") == [("phone", "+44 20 7946 0958")]
    assert spans_found("Invalid value 'abc' for field 'quantity'; invalid value 'x' for column 'sort_order'") == []
    assert spans_found("prior auth status=PENDED provider_npi=1295847361 cpt=70553") == [("user_id", "1295847361")]
