"""Stack-aware grouping: one bug, one fingerprint, whatever its message says.

When an event carries a stack trace, its fingerprint comes from the exception
type and the top in-app frames (closest to the crash), each reduced to
``module:function`` — no line numbers, no memory addresses, no lambda or proxy
counters, no deploy-specific path prefixes. So the same bug with different
messages is one group, and two bugs that happen to print the same message are
two. Without a usable trace the fingerprint comes from service, error type and
the message template (see :func:`event_fingerprint`).

Understood trace formats: Python tracebacks, Java/Kotlin/Scala (JVM), .NET,
JavaScript (Node/V8) and Go panics. With chained exceptions the *root cause* is
used (Python's first block, the JVM's last ``Caused by:``): a wrapper raised in a
different place around the same failure is the same bug.

Examples
--------
>>> trace = '''Traceback (most recent call last):
...   File "/srv/app/orders/api.py", line 40, in create
...     return place(cart)
...   File "/srv/app/orders/pricing.py", line 12, in place
...     raise ValueError("cart 8812 is empty")
... ValueError: cart 8812 is empty'''
>>> sig = parse_stack(trace)
>>> sig.error_type, sig.frames
('ValueError', ('orders.pricing:place', 'orders.api:create'))
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

__all__ = [
    "StackConfig",
    "StackSignature",
    "event_fingerprint",
    "parse_stack",
    "stack_fingerprint",
    "template_fingerprint",
]

_NOT_IN_APP_PREFIXES = (
    # JVM
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.",
    "org.springframework.", "org.apache.catalina.", "org.apache.tomcat.",
    "org.apache.coyote.", "org.eclipse.jetty.", "io.netty.", "reactor.", "org.hibernate.",
    "com.fasterxml.", "io.grpc.", "okhttp3.", "akka.", "org.junit.", "com.zaxxer.",
    "org.apache.", "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.",
    "com.microsoft.sqlserver.", "redis.clients.", "io.lettuce.", "com.datastax.",
    "software.amazon.awssdk.", "com.amazonaws.", "com.google.common.", "com.google.protobuf.",
    "io.micrometer.", "io.opentelemetry.", "ch.qos.logback.", "org.slf4j.",
    # .NET
    "System.", "Microsoft.",
    # Go
    "runtime.", "net/http.", "reflect.", "testing.",
)


@dataclass(frozen=True)
class StackConfig:
    """How traces are reduced to a signature.

    Parameters
    ----------
    max_frames : int
        In-app frames (closest to the crash first) that make the signature.
    not_in_app : tuple of str
        Module prefixes of runtime, framework and driver code (JVM, .NET, Go).
        Python and JavaScript frames are not in-app when their file lies under
        ``site-packages``, ``dist-packages``, the Python standard library or
        ``node_modules``.
    in_app : tuple of str
        When given, only JVM/.NET/Go frames under these prefixes are in-app
        (your own packages, e.g. ``("com.shop.",)``); ``not_in_app`` still applies.
    """

    max_frames: int = 5
    not_in_app: tuple[str, ...] = _NOT_IN_APP_PREFIXES
    in_app: tuple[str, ...] = ()

    def is_in_app(self, qualified: str) -> bool:
        """Whether a JVM/.NET/Go qualified function name is application code."""
        if qualified.startswith(self.not_in_app):
            return False
        return not self.in_app or qualified.startswith(self.in_app)


DEFAULT_STACK_CONFIG = StackConfig()


@dataclass(frozen=True)
class StackSignature:
    """What a trace says about where it failed.

    Parameters
    ----------
    error_type : str
        The (root cause's) exception type, or ``""`` when the trace does not say.
    frames : tuple of str
        ``module:function`` of the top in-app frames, closest to the crash first.
    """

    error_type: str
    frames: tuple[str, ...]


# --- frame line formats ------------------------------------------------------
_PY_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line \d+, in (?P<func>\S+)')
_JVM_FRAME = re.compile(
    r"^\s*at\s+(?:[\w.-]+(?:@[\w.-]+)?/)?(?P<qual>[\w$.<>/\[\]`,-]+?)\((?P<src>[^)]*)\)"
    r"(?:\s+in\s+(?P<path>.+?)(?::line \d+)?)?\s*$"
)
_JS_FRAME = re.compile(
    r"^\s*at\s+(?:async\s+)?(?:new\s+)?(?:(?P<func>[^\s()]+)(?:\s+\[as [^\]]+\])?\s+\()?"
    r"(?P<path>[^()\s]+?):\d+:\d+\)?\s*$"
)
_GO_FUNC = re.compile(r"^(?P<func>[\w./*()\[\]-]+?)\((?:[^()]*)\)$")
_GO_PATH = re.compile(r"^\t(?P<path>\S+\.go):\d+")

# --- exception header lines --------------------------------------------------
_HEADER = re.compile(
    r"^(?:Exception in thread \"[^\"]*\"\s+|Caused by:\s+|Unhandled exception\.\s+|"
    r"Uncaught\s+)?(?P<type>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?::\s|:$|$)"
)
_PY_CHAIN = re.compile(
    r"\n\s*(?:The above exception was the direct cause of the following exception:|"
    r"During handling of the above exception, another exception occurred:)\s*\n"
)
_GO_PANIC = re.compile(r"^panic:\s")

# --- normalization -----------------------------------------------------------
_GENERATED = re.compile(
    r"\$\$(?:EnhancerBy|FastClassBy|Lambda|SpringCGLIB)\w*(?:\$\$[0-9a-fA-F]+)?"
    r"|\$\$Lambda(?:\$\d+)?(?:/0x[0-9a-fA-F]+)?|/0x[0-9a-fA-F]+"
)
_DIGIT_SUFFIX = re.compile(r"(\$|_|\b)\d+\b")
_HEXADDR = re.compile(r"0x[0-9a-fA-F]+")
_NOT_APP_PATH = re.compile(
    r"(?:site-packages|dist-packages|/lib/python\d|\\lib\\python|node_modules|^node:|"
    r"^internal/|^<frozen|^<string>|/usr/local/go/|/go/pkg/mod/|/runtime/)"
)


def _clean(name: str) -> str:
    name = _GENERATED.sub("", name)
    name = _HEXADDR.sub("", name)
    return _DIGIT_SUFFIX.sub(r"\1", name)


def _path_module(path: str) -> str:
    """A deploy-independent module name: the last two path parts without extension."""
    path = path.replace("\\", "/").split("?")[0]
    for marker in ("site-packages/", "dist-packages/", "node_modules/"):
        if marker in path:
            path = path.rsplit(marker, 1)[1]
            parts = [p for p in path.split("/") if p]
            break
    else:
        parts = [p for p in path.split("/") if p][-2:]
    if parts:
        parts[-1] = re.sub(r"\.(?:py|pyc|js|mjs|cjs|ts|tsx|go|cs|rb)$", "", parts[-1])
    return ".".join(parts)


def _split_blocks(trace: str) -> list[str]:
    """Exception blocks of a trace, root cause first."""
    if "Traceback (most recent call last)" in trace:
        return [b for b in _PY_CHAIN.split(trace) if b.strip()]
    lines = trace.splitlines()
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.lstrip().startswith("Caused by:") or line.lstrip().startswith("---> "):
            blocks.append([])
        blocks[-1].append(line)
    # JVM / .NET print the outermost first: reverse so the root cause comes first
    return ["\n".join(b) for b in reversed(blocks) if any(s.strip() for s in b)]


def _frames(block: str, config: StackConfig) -> tuple[list[tuple[str, bool]], str]:
    """(frames closest-to-crash first as (module:function, is_in_app), error type)."""
    frames: list[tuple[str, bool]] = []
    error_type = ""
    is_python = False
    lines = block.splitlines()
    go_func: str | None = None
    for line in lines:
        m = _PY_FRAME.match(line)
        if m:
            is_python = True
            path = m.group("path")
            frames.append((f"{_path_module(path)}:{_clean(m.group('func'))}",
                           _NOT_APP_PATH.search(path) is None))
            continue
        m = _JS_FRAME.match(line)
        if m and "(" not in (m.group("func") or "") and (":" in m.group("path")
                                                        or "/" in m.group("path")):
            path = m.group("path")
            func = _clean(m.group("func") or "<anonymous>")
            frames.append((f"{_path_module(path)}:{func}", _NOT_APP_PATH.search(path) is None))
            continue
        m = _JVM_FRAME.match(line)
        if m:
            qual = _clean(m.group("qual"))
            module, _, func = qual.rpartition(".")
            in_app = config.is_in_app(qual)
            frames.append((f"{module}:{func}", in_app))
            continue
        m = _GO_PATH.match(line)
        if m and go_func is not None:
            path = m.group("path")
            module, _, func = go_func.rpartition(".")
            in_app = _NOT_APP_PATH.search(path) is None and config.is_in_app(go_func)
            frames.append((f"{_clean(module)}:{_clean(func)}", in_app))
            go_func = None
            continue
        m = _GO_FUNC.match(line)
        go_func = m.group("func") if m else None
    # exception type: Python prints it last, everyone else first
    header_lines = reversed(lines) if is_python else lines
    for line in header_lines:
        text = line.strip()
        if not text or text.startswith(("at ", "File ", "Traceback", "...", "goroutine")):
            continue
        if _GO_PANIC.match(text):
            error_type = "panic"
            break
        m = _HEADER.match(text)
        if m and not _PY_FRAME.match(line):
            error_type = m.group("type")
            break
        if is_python:
            continue
        break
    if is_python:
        frames.reverse()  # Python prints the crash site last
    return frames, error_type


def parse_stack(trace: str | None, config: StackConfig = DEFAULT_STACK_CONFIG
                ) -> StackSignature | None:
    """Reduce a stack trace to its signature, or None when no frame can be read.

    Parameters
    ----------
    trace : str or None
        The stack trace as the runtime printed it.
    config : StackConfig
        Frame count and in-app rules.

    Returns
    -------
    StackSignature or None

    Examples
    --------
    >>> trace = '''java.lang.IllegalStateException: order 42 not found
    ... \\tat com.shop.orders.OrderService.load(OrderService.java:88)
    ... \\tat com.shop.orders.OrderService$$EnhancerBySpringCGLIB$$1a2b3c.load(<generated>)
    ... \\tat java.base/java.lang.Thread.run(Thread.java:833)'''
    >>> parse_stack(trace)
    StackSignature(error_type='java.lang.IllegalStateException', frames=('com.shop.orders.OrderService:load',))
    """
    if not trace or not trace.strip():
        return None
    blocks = _split_blocks(trace)
    all_in_app: list[str] = []
    root_frames: list[tuple[str, bool]] = []
    root_type = ""
    for i, block in enumerate(blocks):
        frames, error_type = _frames(block, config)
        if i == 0:
            root_frames, root_type = frames, error_type
        elif not root_type:
            root_type = error_type
        all_in_app.extend(f for f, in_app in frames if in_app)
    chosen = [f for f, in_app in root_frames if in_app] or all_in_app \
        or [f for f, _ in root_frames]
    if not chosen:
        return None
    deduped: list[str] = []
    for frame in chosen:  # recursion repeats a frame: keep one
        if not deduped or deduped[-1] != frame:
            deduped.append(frame)
    return StackSignature(root_type, tuple(deduped[: config.max_frames]))


def _digest(*parts: str) -> str:
    payload = "\x1f".join(parts).encode("utf-8")
    return "f" + hashlib.blake2b(payload, digest_size=8).hexdigest()


def stack_fingerprint(signature: StackSignature, error_type: str | None = None) -> str:
    """The fingerprint id of a stack signature (stable across runs and machines).

    ``error_type`` (the event's own) is used when the trace does not name one.

    Examples
    --------
    >>> stack_fingerprint(StackSignature("KeyError", ("cart.api:add",)))
    'f8c41f044ddc6e599'
    """
    return _digest("stack", signature.error_type or (error_type or ""), *signature.frames)


def template_fingerprint(service: str, error_type: str | None, template_id: str) -> str:
    """The fingerprint id of an event without a usable trace.

    Examples
    --------
    >>> template_fingerprint("checkout", "Timeout", "t0123456789ab") == \\
    ...     template_fingerprint("checkout", "Timeout", "t0123456789ab")
    True
    """
    return _digest("template", service or "", error_type or "", template_id)


def event_fingerprint(
    *,
    service: str,
    error_type: str | None,
    template_id: str,
    stack_trace: str | None,
    config: StackConfig = DEFAULT_STACK_CONFIG,
) -> tuple[str, str]:
    """Fingerprint one event: ``(fingerprint, kind)`` with kind ``stack`` or ``template``.

    Examples
    --------
    >>> event_fingerprint(service="cart", error_type="Timeout", template_id="t1",
    ...                   stack_trace=None)[1]
    'template'
    """
    signature = parse_stack(stack_trace, config) if stack_trace else None
    if signature is not None:
        return stack_fingerprint(signature, error_type), "stack"
    return template_fingerprint(service, error_type, template_id), "template"
