"""Decoys: values that look like identifiers or secrets but are not personal data,
so a good anonymizer must leave them intact (trace ids, request UUIDs, error codes,
versions, pod names, file paths with line numbers, durations, SQL, plain numbers).

Examples
--------
>>> import numpy as np
>>> from features.simulate.draws import Draws
>>> d = Draws(np.random.default_rng(3))
>>> import re
>>> bool(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", uuid4(d)))
True
>>> pod_name("checkout", 7).count("-")
2
"""

from __future__ import annotations

from features.simulate.draws import Draws

_POD_CHARS = "bcdfghjklmnpqrstvwxz2456789"  # the alphabet Kubernetes uses for suffixes

ERROR_CODES = (
    "ERR_PAYMENT_4021", "ERR_PAYMENT_4102", "ERR_CART_1007", "ERR_INVENTORY_2203",
    "ERR_AUTH_0401", "ERR_RATE_LIMITED", "E_UPSTREAM_TIMEOUT", "ORD-5003", "INV-0042",
    "SHP-3310", "ECONNRESET", "ETIMEDOUT", "ECONNREFUSED", "EPIPE", "40001", "40P01",
    "23505", "57014", "53300", "card_declined", "insufficient_funds", "processing_error",
    "do_not_honor", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "UNAVAILABLE",
)


def trace_id(d: Draws) -> str:
    """A W3C trace id (32 lower-case hex chars, non-zero)."""
    return f"{d.word() | 1:016x}{d.word():016x}"


def span_id(d: Draws) -> str:
    """A W3C span id (16 lower-case hex chars, non-zero)."""
    return f"{d.word() | 1:016x}"


def uuid4(d: Draws) -> str:
    """A random (version 4) UUID string."""
    h = f"{d.word():016x}{d.word():016x}"
    variant = "89ab"[int(h[16], 16) % 4]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"


def pod_suffix(d: Draws) -> str:
    """The ``<replicaset>-<pod>`` suffix of a Deployment's pod name."""
    rs = "".join(d.pick(_POD_CHARS) for _ in range(d.pick((9, 10))))
    return f"{rs}-{''.join(d.pick(_POD_CHARS) for _ in range(5))}"


def pod_name(service: str, index: int) -> str:
    """A stable pod name for replica ``index`` of ``service``.

    Deterministic from its inputs, like ``checkout-7d9f8b6c5-x2k4q``.
    """
    seed = sum((i + 1) * ord(c) for i, c in enumerate(service)) * 7919 + index * 104729
    rs, pod = [], []
    for _ in range(9):
        rs.append(_POD_CHARS[seed % len(_POD_CHARS)])
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    for _ in range(5):
        pod.append(_POD_CHARS[(seed >> 33) % len(_POD_CHARS)])
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return f"{service}-{''.join(rs)}-{''.join(pod)}"


def version_after(previous: str, d: Draws) -> str:
    """The next semantic version after ``previous``: mostly patches, some minors,
    a few pre-releases (``2.4.1-beta``, ``3.0.0-rc.1``)."""
    core = previous.split("-")[0].lstrip("v")
    major, minor, patch = (int(x) for x in core.split("."))
    roll = d.below(20)
    if roll == 0:
        return f"{major + 1}.0.0-rc.1"
    if roll < 5:
        return f"{major}.{minor + 1}.0"
    if roll == 5:
        return f"{major}.{minor}.{patch + 1}-beta"
    return f"{major}.{minor}.{patch + 1}"


def duration_text(d: Draws, style: int) -> str:
    """A duration the way logs spell it: ``30000ms``, ``1.532s``, ``2m3.5s``, ``PT30S``."""
    if style == 0:
        return f"{d.pick((1000, 2000, 3000, 5000, 10000, 30000, 60000))}ms"
    if style == 1:
        return f"{d.between(1, 30)}.{d.below(1000):03d}s"
    if style == 2:
        return f"{d.between(1, 4)}m{d.between(0, 59)}.{d.below(10)}s"
    return f"{d.between(100, 9999)}ms"
