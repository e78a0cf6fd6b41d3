"""Multi-line stack traces with in-app and framework frames, per runtime.

Frames are fixed for a given service, template and deployed version (the same bug
throws from the same lines) and move when a new version ships, as line numbers do.
They are built once and cached; the caller prepends or appends the exception line.

Examples
--------
>>> s = StackBook()
>>> frames = s.frames("java", "checkout", "com.shopfront.checkout", "java.cb.open", "2.3.1")
>>> frames.splitlines()[0].startswith("\\tat com.shopfront.checkout.")
True
>>> frames == s.frames("java", "checkout", "com.shopfront.checkout", "java.cb.open", "2.3.1")
True
"""

from __future__ import annotations

import zlib

_DOMAINS = ("Order", "Payment", "Cart", "Stock", "Price", "Customer", "Shipment", "Ledger",
            "Session", "Promotion", "Notification", "Quote")
_VERBS = ("create", "confirm", "reserve", "apply", "load", "handle", "process", "resolve",
          "calculate", "publish")

_JAVA_FRAMEWORK = (
    "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
    "\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)",
    "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
    "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)",
    "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)",
    "\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205)",
    "\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)",
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
)
_JAVA_CAUSE = (
    "Caused by: java.net.SocketTimeoutException: Read timed out",
    "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
    "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)",
)
_PY_FRAMEWORK = (
    ('/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py', 55, 'inner',
     'response = get_response(request)'),
    ('/usr/local/lib/python3.11/site-packages/django/core/handlers/base.py', 197, '_get_response',
     'response = wrapped_callback(request, *callback_args, **callback_kwargs)'),
    ('/usr/local/lib/python3.11/site-packages/rest_framework/views.py', 506, 'dispatch',
     'response = handler(request, *args, **kwargs)'),
)
_GO_RUNTIME = (
    "net/http.HandlerFunc.ServeHTTP(0xc000{a}?, {{0x1c2e4a0?, 0xc000{b}?}}, 0xc000{c}?)\n"
    "\t/usr/local/go/src/net/http/server.go:2171 +0x29",
    "net/http.serverHandler.ServeHTTP({{0xc000{a}?}}, {{0x1c2e4a0?, 0xc000{b}?}}, 0xc000{c})\n"
    "\t/usr/local/go/src/net/http/server.go:3142 +0x8e",
    "created by net/http.(*Server).Serve in goroutine 1\n\t/usr/local/go/src/net/http/server.go:3290 +0x4b4",
)
_NODE_FRAMEWORK = (
    "    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)",
    "    at next (/app/node_modules/express/lib/router/route.js:149:13)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
)


def _h(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode())


def _camel(name: str) -> str:
    return "".join(p.capitalize() for p in name.replace("_", "-").split("-"))


class StackBook:
    """Builds and caches the frame block of each (service, template, version)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str, str], str] = {}

    def frames(self, runtime: str, service: str, package: str, key: str, version: str) -> str:
        """The frames of a stack trace, without the exception line."""
        cache_key = (runtime, service, key, version)
        text = self._cache.get(cache_key)
        if text is None:
            text = self._build(runtime, service, package, key, version)
            self._cache[cache_key] = text
        return text

    def _build(self, runtime: str, service: str, package: str, key: str, version: str) -> str:
        seed = _h(service, key)
        shift = _h(service, key, version) % 17  # lines move between versions
        n_app = 2 + (seed >> 16) % 3
        lines: list[str] = []
        if runtime == "java":
            # the deepest frame (where it was thrown) first: repository/client, service, controller
            layers = (("repository", "Repository") if seed % 2 else ("client", "Client"),
                      ("service", "Service"), ("api", "Controller"), ("service", "Facade"))
            for i in range(n_app):
                sub, suffix = layers[min(i, len(layers) - 1)]
                dom = _DOMAINS[(seed >> (3 * i + 1)) % len(_DOMAINS)]
                v = _VERBS[(seed >> (3 * i + 2)) % len(_VERBS)]
                simple = f"{dom}{suffix}"
                lines.append(f"\tat {package}.{sub}.{simple}.{v}{dom if i else ''}"
                             f"({simple}.java:{40 + (seed >> i) % 400 + shift})")
            lines.extend(_JAVA_FRAMEWORK[: 4 + seed % 5])
            if seed % 3 == 0:
                lines.extend(_JAVA_CAUSE)
                lines.append(f"\t... {30 + seed % 40} more")
            return "\n".join(lines)
        if runtime == "python":
            app = service.replace("-", "_")
            lines.append("Traceback (most recent call last):")
            for path, line, func, code in _PY_FRAMEWORK[: 1 + seed % 3]:
                lines.append(f'  File "{path}", line {line}, in {func}\n    {code}')
            for i in range(n_app):  # outermost first, as Python prints them
                module = ("views", "services", "repositories", "clients")[min(i, 3)]
                v = _VERBS[(seed >> (5 * i + 1)) % len(_VERBS)]
                dom = _DOMAINS[(seed >> (5 * i + 3)) % len(_DOMAINS)].lower()
                lines.append(f'  File "/app/{app}/{module}.py", line {20 + (seed >> i) % 300 + shift}, '
                             f'in {v}_{dom}\n    result = self.{v}(payload)')
            return "\n".join(lines)
        if runtime == "go":
            a, b, c = f"{seed % 0xFFFFFF:06x}", f"{(seed >> 3) % 0xFFFFFF:06x}", f"{(seed >> 5) % 0xFFFFFF:06x}"
            module = f"github.com/shopfront/{service}"
            lines.append("goroutine ${goroutine} [running]:")
            layers = (("internal/store", "Store"), ("internal/service", "Service"),
                      ("internal/handler", "Handler"))
            for i in range(n_app):
                pkg, suffix = layers[min(i, 2)]
                dom = _DOMAINS[(seed >> (3 * i + 1)) % len(_DOMAINS)]
                v = _camel(_VERBS[(seed >> (3 * i + 2)) % len(_VERBS)])
                lines.append(f"{module}/{pkg}.(*{dom}{suffix}).{v}(0xc000{a}, {{0x1c2e4a0, 0xc000{b}}})\n"
                             f"\t/app/{pkg}/{dom.lower()}.go:{30 + (seed >> i) % 250 + shift} "
                             f"+0x{(seed >> (i + 4)) % 0x3ff:x}")
            lines.extend(f.format(a=a, b=b, c=c) for f in _GO_RUNTIME[: 1 + seed % 3])
            return "\n".join(lines)
        # node: innermost first
        for i in range(n_app):
            folder = ("clients", "services", "routes")[min(i, 2)]
            dom = _DOMAINS[(seed >> (3 * i + 1)) % len(_DOMAINS)]
            v = _VERBS[(seed >> (3 * i + 2)) % len(_VERBS)]
            prefix = "async " if i and (seed >> i) % 2 else ""
            lines.append(f"    at {prefix}{v}{dom} (/app/src/{folder}/{dom.lower()}.js:"
                         f"{10 + (seed >> i) % 200 + shift}:{5 + (seed >> i) % 30})")
        lines.extend(_NODE_FRAMEWORK[: 1 + seed % 3])
        return "\n".join(lines)
