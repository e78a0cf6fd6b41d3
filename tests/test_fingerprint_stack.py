"""Stack-aware grouping on real-looking traces (fixtures under tests/fixtures/fingerprint/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from features.fingerprint import (
    StackConfig,
    StackSignature,
    event_fingerprint,
    parse_stack,
    stack_fingerprint,
)

FIXTURES = Path(__file__).parent / "fixtures" / "fingerprint"


def _trace(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _fp(name: str, template_id: str = "t1") -> str:
    return event_fingerprint(service="svc", error_type=None, template_id=template_id,
                             stack_trace=_trace(name))[0]


def test_java_same_bug_different_messages_and_lines_is_one_group() -> None:
    # different NPE messages, line numbers, CGLIB proxy hashes, lambda counters, JDK version
    assert _fp("java_npe_a.txt") == _fp("java_npe_b.txt")


def test_python_same_bug_different_messages_and_deploy_paths_is_one_group() -> None:
    assert _fp("python_keyerror_a.txt") == _fp("python_keyerror_b.txt")


def test_different_bugs_with_the_same_message_are_two_groups() -> None:
    # both print "KeyError: 'XAU'", raised from different code
    assert _trace("python_keyerror_a.txt").strip().endswith("KeyError: 'XAU'")
    assert _trace("python_keyerror_other.txt").strip().endswith("KeyError: 'XAU'")
    assert _fp("python_keyerror_a.txt") != _fp("python_keyerror_other.txt")


def test_stack_fingerprint_ignores_the_message_template() -> None:
    a = event_fingerprint(service="svc", error_type=None, template_id="t1",
                          stack_trace=_trace("java_npe_a.txt"))
    b = event_fingerprint(service="svc", error_type=None, template_id="t2",
                          stack_trace=_trace("java_npe_a.txt"))
    assert a == b
    assert a[1] == "stack"


def test_without_a_trace_service_type_and_template_decide() -> None:
    base = dict(service="cart", error_type="Timeout", template_id="t1", stack_trace=None)
    fp, kind = event_fingerprint(**base)
    assert kind == "template"
    assert fp == event_fingerprint(**base)[0]
    assert fp != event_fingerprint(**{**base, "service": "checkout"})[0]
    assert fp != event_fingerprint(**{**base, "error_type": "Refused"})[0]
    assert fp != event_fingerprint(**{**base, "template_id": "t2"})[0]
    # an unreadable trace falls back to the template
    assert event_fingerprint(**{**base, "stack_trace": "no frames here"}) == (fp, "template")


@pytest.mark.parametrize(
    ("name", "error_type", "frames"),
    [
        ("java_npe_a.txt", "java.lang.NullPointerException",
         ("com.shop.cart.PriceCalculator:total", "com.shop.cart.CartService:checkout",
          "com.shop.web.CheckoutController:lambda$post$")),
        # root cause, library frames (JDK, JDBC driver, Spring) skipped
        ("java_wrapped.txt", "java.net.SocketTimeoutException",
         ("com.shop.orders.OrderRepository:findOpen",)),
        ("python_keyerror_a.txt", "KeyError",
         ("payments.gateway:charge", "payments.views:charge")),
        # chained: the root cause (first block), not the wrapper
        ("python_chained.txt", "requests.exceptions.ReadTimeout", ("inventory.client:fetch",)),
        ("node_typeerror.txt", "TypeError", ("users.service:getUser", "routes.users:<anonymous>")),
        ("go_panic.txt", "panic",
         ("github.com/shop/shipping/internal/quote.(*Calculator):Quote",
          "github.com/shop/shipping/internal/api:handleQuote")),
        ("dotnet_invalidop.txt", "System.InvalidOperationException",
         ("Shop.Billing.InvoiceService:Latest", "Shop.Billing.Api.InvoicesController:Get")),
    ],
)
def test_signatures_by_runtime(name: str, error_type: str, frames: tuple[str, ...]) -> None:
    assert parse_stack(_trace(name)) == StackSignature(error_type, frames)


def test_max_frames_and_in_app_config() -> None:
    trace = _trace("java_npe_a.txt")
    assert parse_stack(trace, StackConfig(max_frames=1)).frames == (
        "com.shop.cart.PriceCalculator:total",)
    only_web = parse_stack(trace, StackConfig(in_app=("com.shop.web.",)))
    assert only_web.frames == ("com.shop.web.CheckoutController:lambda$post$",)


def test_fingerprint_ids_are_pinned() -> None:
    # a change here re-groups every stored event: it must be deliberate
    sig = StackSignature("KeyError", ("cart.api:add",))
    assert stack_fingerprint(sig) == "f8c41f044ddc6e599"


def test_empty_traces_have_no_signature() -> None:
    assert parse_stack(None) is None
    assert parse_stack("   ") is None


_trace_lines = st.sampled_from([
    "Traceback (most recent call last):", '  File "/app/a/b.py", line 3, in f', "    x()",
    "ValueError: bad", "\tat com.x.Y.z(Y.java:1)", "Caused by: java.io.IOException: eof",
    "    at g (/app/src/h.js:1:2)", "goroutine 1 [running]:", "main.run(0x1)", "\t/app/m.go:9 +0x1",
    "panic: boom", "", "... 3 more", "The above exception was the direct cause of the following "
    "exception:", "   at A.B.C() in C:\\s\\x.cs:line 4",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_trace_lines, max_size=12).map("\n".join)))
def test_any_text_parses_or_falls_back_without_raising(trace: str) -> None:
    sig = parse_stack(trace)
    assert sig is None or (isinstance(sig.error_type, str) and 1 <= len(sig.frames) <= 5)
    fp, kind = event_fingerprint(service="s", error_type=None, template_id="t", stack_trace=trace)
    assert kind == ("template" if sig is None else "stack")
    assert fp == event_fingerprint(service="s", error_type=None, template_id="t",
                                   stack_trace=trace)[0]
