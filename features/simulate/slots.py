"""The variable parts of message templates (``${name}`` in a template).

Each slot has a generator and, when its value is personal data or a decoy, the
ground-truth kind it is recorded under in ``truth_values.jsonl``. Slot values never
contain characters that JSON would escape, so the rendered text and the raw value are
the same substring.

Examples
--------
>>> import numpy as np
>>> from features.simulate.draws import Draws
>>> d = Draws(np.random.default_rng(0))
>>> fn, kind, is_personal = SLOTS["email_url"]
>>> value = fn(d, Ctx())
>>> "%40" in value, kind, is_personal
(True, 'email', True)
"""

from __future__ import annotations

from collections.abc import Callable

from features.simulate import identifiers as ids
from features.simulate import personal
from features.simulate.clock import Clock
from features.simulate.draws import Draws

_CLOCK = Clock()


class Ctx:
    """What a slot may read about the event being rendered."""

    __slots__ = ("service", "peer", "trace_id", "span_id", "status", "version",
                 "pod", "attempt", "max_attempts", "package", "file_prefix", "runtime",
                 "error_type", "t_ms")

    def __init__(self) -> None:
        self.service = "svc"
        self.peer = "peer"
        self.trace_id = ""
        self.span_id = ""
        self.status = 500
        self.version = "1.0.0"
        self.pod = "svc-7d9f8b6c5-x2k4q"
        self.attempt = 1
        self.max_attempts = 3
        self.package = "com.shopfront.svc"
        self.file_prefix = "/app/svc"
        self.runtime = "python"
        self.error_type = "Exception"
        self.t_ms = 0


_EXCEPTIONS = (
    "java.net.SocketTimeoutException", "java.io.IOException", "java.lang.IllegalArgumentException",
    "org.postgresql.util.PSQLException", "redis.clients.jedis.exceptions.JedisConnectionException",
    "requests.exceptions.ConnectionError", "psycopg2.OperationalError", "KeyError", "ValueError",
)
_TOPICS = ("orders.v1", "payments.events", "inventory.reservations", "notifications.outbox",
           "ledger.entries", "users.changes", "shipments.status")
_TABLES = ("orders", "order_items", "payments", "stock_levels", "users", "sessions", "shipments",
           "ledger_entries", "carts", "promotions")
_SQL = (
    "SELECT id, status, total_cents FROM orders WHERE id = $1 FOR UPDATE",
    "UPDATE stock_levels SET reserved = reserved + $1 WHERE sku = $2 AND warehouse_id = $3",
    "INSERT INTO payments (id, order_id, amount_cents, currency, state) VALUES ($1, $2, $3, $4, $5)",
    "SELECT u.id, u.locale FROM users u WHERE u.id = $1",
    "DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2",
    "UPDATE orders SET status = 'PAID', updated_at = now() WHERE id = $1 AND status = 'PENDING'",
    "SELECT count(*) FROM ledger_entries WHERE account_id = $1 AND posted_at > $2",
    "INSERT INTO shipments (order_id, carrier, state) VALUES ($1, $2, 'CREATED') RETURNING id",
)


def _iso_ms(t_ms: int) -> str:
    return _CLOCK.text(t_ms, "z_ms", 0)


def _internal_ip(d: Draws, c: Ctx) -> str:
    return f"10.{d.between(0, 31)}.{d.below(256)}.{d.between(2, 254)}"


def _fileline(d: Draws, c: Ctx) -> str:
    module = d.pick(("handler", "service", "client", "repository"))
    line = d.between(20, 480)
    if c.runtime == "go":
        return f"{module}.go:{line}"
    if c.runtime == "java":
        return f"{module.capitalize()}Impl.java:{line}"
    if c.runtime == "node":
        return f"{c.file_prefix}/src/{module}.js:{line}:{d.between(5, 40)}"
    return f"{c.file_prefix}/{module}.py:{line}"


def _libversion(d: Draws, c: Ctx) -> str:
    v = f"{d.between(1, 4)}.{d.between(0, 12)}.{d.between(0, 20)}"
    return v + "-beta" if d.chance(0.1) else v


def _sku(d: Draws, c: Ctx) -> str:
    return f"SKU-{d.between(10000, 99999)}-{d.pick(('BLK', 'WHT', 'RED', 'XL', 'M'))}"


def _p(kind: str) -> Callable[[Draws, Ctx], str]:
    gen = personal.GENERATORS[kind]
    return lambda d, c: gen(d)


#: slot name -> (generator, ground-truth kind or None, is personal data)
SLOTS: dict[str, tuple[Callable[[Draws, Ctx], str], str | None, bool]] = {
    # personal data
    "email": (_p("email"), "email", True),
    "email_url": (lambda d, c: personal.email(d).replace("@", "%40").replace("+", "%2B"), "email", True),
    "name": (_p("person_name"), "person_name", True),
    "phone": (_p("phone"), "phone", True),
    "card": (_p("card"), "card", True),
    "iban": (_p("iban"), "iban", True),
    "ssn": (_p("ssn"), "ssn", True),
    "jwt": (_p("jwt"), "jwt", True),
    "bearer": (_p("bearer"), "bearer", True),
    "aws_key": (_p("aws_key"), "aws_key", True),
    "api_key": (_p("api_key"), "api_key", True),
    "github_token": (_p("github_token"), "github_token", True),
    "slack_token": (_p("slack_token"), "slack_token", True),
    "password": (_p("password"), "password", True),
    "dob": (_p("dob"), "dob", True),
    "address": (_p("address"), "address", True),
    "mac": (_p("mac"), "mac", True),
    "geo": (_p("geo"), "geo", True),
    "user_id": (_p("user_id"), "user_id", True),
    "session_id": (_p("session_id"), "session_id", True),
    "cookie": (_p("cookie"), "cookie", True),
    "ip": (_p("ipv4"), "ipv4", True),
    "ip6": (_p("ipv6"), "ipv6", True),
    # decoys: look like identifiers, must survive anonymization
    "trace": (lambda d, c: c.trace_id or ids.trace_id(d), "trace_id", False),
    "span": (lambda d, c: c.span_id or ids.span_id(d), "span_id", False),
    "uuid": (lambda d, c: ids.uuid4(d), "uuid", False),
    "errcode": (lambda d, c: d.pick(ids.ERROR_CODES), "error_code", False),
    "status": (lambda d, c: str(c.status), "http_status", False),
    "exc": (lambda d, c: d.pick(_EXCEPTIONS), "exception_class", False),
    "etype": (lambda d, c: c.error_type, "exception_class", False),
    "fileline": (_fileline, "file_path_line", False),
    "version": (lambda d, c: c.version, "version", False),
    "libversion": (_libversion, "version", False),
    "ts": (lambda d, c: _iso_ms(c.t_ms), "timestamp", False),
    "dur": (lambda d, c: ids.duration_text(d, d.below(4)), "duration", False),
    "pod": (lambda d, c: c.pod, "pod_name", False),
    "peer_pod": (lambda d, c: ids.pod_name(c.peer, d.below(4)), "pod_name", False),
    "sql": (lambda d, c: d.pick(_SQL), "sql", False),
    "order_id": (lambda d, c: str(d.between(1_000_000, 99_999_999)), "number", False),
    "offset": (lambda d, c: str(d.between(100_000, 99_999_999)), "number", False),
    # plain variable parts (not recorded)
    "peer": (lambda d, c: c.peer, None, False),
    "svc": (lambda d, c: c.service, None, False),
    "pkg": (lambda d, c: c.package, None, False),
    "topic": (lambda d, c: d.pick(_TOPICS), None, False),
    "table": (lambda d, c: d.pick(_TABLES), None, False),
    "internal_ip": (_internal_ip, None, False),
    "db_host": (lambda d, c: f"pg-{c.service}-{d.pick(('primary', 'replica-1', 'replica-2'))}.db.internal", None, False),
    "port": (lambda d, c: str(d.between(32768, 60999)), None, False),
    "partition": (lambda d, c: str(d.below(24)), None, False),
    "n": (lambda d, c: str(d.between(2, 64)), None, False),
    "ms": (lambda d, c: str(d.pick((1000, 2000, 2500, 3000, 5000, 10000))), None, False),
    "sec": (lambda d, c: d.pick(("2", "3", "5", "10", "30")), None, False),
    "amount": (lambda d, c: f"{d.between(1, 2500)}.{d.below(100):02d}", None, False),
    "alnum": (lambda d, c: d.alnum(14), None, False),
    "sku": (_sku, None, False),
    "attempt": (lambda d, c: str(c.attempt), None, False),
    "max_attempts": (lambda d, c: str(c.max_attempts), None, False),
    "goroutine": (lambda d, c: str(d.between(40, 90000)), None, False),
    "conn": (lambda d, c: str(d.between(1, 99999)), None, False),
}
