"""Turn one simulated error into a contract v1 JSON line (and its spans).

Lines are assembled from pre-escaped pieces rather than through ``json.dumps``: this
is the simulator's hot path. Slot values never need escaping (see
:mod:`features.simulate.slots`), so every planted value appears verbatim in the line
and the ground truth can name it exactly.

Examples
--------
>>> import json, numpy as np
>>> from features.simulate.catalog import build_catalog
>>> from features.simulate.draws import Draws
>>> services = build_catalog(3, np.random.default_rng(0))
>>> r = Renderer(services, Draws(np.random.default_rng(1)))
>>> line, plants, event_id = r.event(0, "go.grpc.deadline", 1772445225123, "1.2.3")
>>> ev = json.loads(line)
>>> ev["service"], ev["http_status"], ev["error_type"]
('api-gateway', 504, 'grpc.DeadlineExceeded')
"""

from __future__ import annotations

import numpy as np

from features.simulate import identifiers as ids
from features.simulate.catalog import Service
from features.simulate.clock import Clock
from features.simulate.draws import Draws
from features.simulate.slots import SLOTS, Ctx
from features.simulate.stacks import StackBook
from features.simulate.templates import Template, by_key, compile_text

_CANON = {"ERROR": "ERROR", "WARN": "WARN", "WARNING": "WARN", "FATAL": "FATAL", "CRIT": "FATAL",
          "CRITICAL": "FATAL"}
_SPELLING = {
    "java": {"ERROR": "ERROR", "WARN": "WARN", "FATAL": "FATAL"},
    "python": {"ERROR": "ERROR", "WARN": "WARNING", "FATAL": "CRITICAL"},
    "go": {"ERROR": "error", "WARN": "warn", "FATAL": "fatal"},
    "node": {"ERROR": "error", "WARN": "warn", "FATAL": "fatal"},
}
_TIMEOUT_WORDS = ("timeout", "timed out", "deadline", "Timeout")
_TWO64 = 2**64


def _p(probability: float) -> int:
    """A threshold ``t`` such that ``word() < t`` has the given probability."""
    return int(probability * _TWO64)


_P50, _P60, _P10, _P80, _P15 = _p(0.5), _p(0.6), _p(0.1), _p(0.8), _p(0.15)


class _Compiled:
    __slots__ = ("t", "message", "attrs", "severity", "is_timeout", "error_type_json",
                 "key_is_nginx")

    def __init__(self, t: Template) -> None:
        self.t = t
        self.message = compile_text(t.message)
        self.attrs = tuple((k, v.startswith("="), compile_text(v.lstrip("="))) for k, v in t.attrs)
        self.severity = _CANON[t.severity.upper()]
        self.is_timeout = any(w in t.message for w in _TIMEOUT_WORDS)
        self.error_type_json = compile_text(t.error_type)[0] if t.error_type else None
        self.key_is_nginx = t.key.startswith("nginx.")


class _ServiceState:
    __slots__ = ("svc", "name", "spelling", "ts_style", "event_id_rate", "no_severity_rate",
                 "epoch_rate", "fixed_tail", "pods", "zones", "routes", "peers", "is_edge",
                 "is_kafka", "ctx")

    def __init__(self, svc: Service, d: Draws) -> None:
        self.svc = svc
        self.name = svc.name
        self.spelling = _SPELLING[svc.runtime]
        self.ts_style = svc.ts_style
        # some services never send event ids; most always do
        self.event_id_rate = 0 if d.chance(0.15) else _p(0.9 + 0.1 * d.uniform())
        self.no_severity_rate = _p(0.05) if d.chance(0.3) else 0
        self.epoch_rate = _p(0.03) if svc.ts_style != "epoch_ms" else 0
        self.pods = svc.pods
        self.zones = svc.pod_zones
        self.routes = tuple(r.split(" ", 1) for r in svc.routes)
        self.peers = svc.depends_on or ("partner-api",)
        self.is_edge = svc.has("edge")
        self.is_kafka = svc.has("kafka")
        self.fixed_tail = f',"environment":"production","region":"{svc.region}"'
        ctx = Ctx()
        ctx.service = svc.name
        ctx.package = svc.package
        ctx.file_prefix = f"/app/{svc.name.replace('-', '_')}"
        ctx.runtime = svc.runtime
        self.ctx = ctx


def _fill(parts: tuple, d: Draws, ctx: Ctx, field: str, plants: list | None,
          values: dict[str, str]) -> str:
    out = []
    for p in parts:
        if p.__class__ is str:
            out.append(p)
            continue
        name, fn, kind = p
        v = values.get(name)
        if v is None:
            v = fn(d, ctx)
            values[name] = v
            if kind is not None and plants is not None:
                plants.append((kind, v, field, SLOTS[name][2]))
        elif kind is not None and plants is not None and field != "message":
            plants.append((kind, v, field, SLOTS[name][2]))
        out.append(v)
    return "".join(out)


class Renderer:
    """Renders events and spans for a catalog; holds per-service styles and caches.

    Parameters
    ----------
    services : list of Service
        The catalog (index order is the service index used by :meth:`event`).
    d : Draws
        The seeded source for everything rendered.
    """

    def __init__(self, services: list[Service], d: Draws) -> None:
        self.d = d
        self.clock = Clock()
        self.stacks = StackBook()
        self.states = [_ServiceState(s, d) for s in services]
        self.templates = {k: _Compiled(t) for k, t in by_key().items()}
        self._stack_cache: dict[tuple[int, str, str], tuple] = {}
        # durations of ordinary failed requests: log-normal around 45 ms, pre-formatted
        table = np.exp(d.rng.normal(np.log(45.0), 1.1, size=4096))
        self._durations = [f"{x:.1f}" for x in table.tolist()]

    def _stack_parts(self, si: int, c: _Compiled, version: str) -> tuple:
        key = (si, c.t.key, version)
        parts = self._stack_cache.get(key)
        if parts is None:
            st = self.states[si]
            text = self.stacks.frames(st.svc.runtime, st.name, st.svc.package, c.t.key, version)
            parts = compile_text(text)
            self._stack_cache[key] = parts
        return parts

    def event(self, si: int, key: str, t_ms: int, version: str, *, trace_id: str | None = None,
              span_id: str | None = None, parent_span_id: str | None = None,
              peer: str | None = None, attempt: int = 1, max_attempts: int = 3,
              is_traced: bool = True) -> tuple[str, list, str | None]:
        """Render one error event.

        Returns
        -------
        (str, list, str or None)
            The JSON line (no newline), the planted values as
            ``(kind, value, field, is_personal)`` tuples, and the event id if any.
        """
        d = self.d
        w = d.word
        st = self.states[si]
        c = self.templates[key]
        t = c.t
        ctx = st.ctx
        pod_i = w() % len(st.pods)
        pod = st.pods[pod_i]
        if is_traced and trace_id is None:
            trace_id = ids.trace_id(d)
            span_id = ids.span_id(d)
        ctx.trace_id = trace_id or ""
        ctx.span_id = span_id or ""
        ctx.peer = peer or st.peers[w() % len(st.peers)]
        ctx.status = t.status or 500
        ctx.version = version
        ctx.pod = pod
        ctx.attempt = attempt
        ctx.max_attempts = max_attempts
        ctx.t_ms = t_ms
        ctx.error_type = t.error_type or "Error"
        plants: list = []
        values: dict[str, str] = {}
        msg = _fill(c.message, d, ctx, "message", plants, values)
        style = "epoch_ms" if st.epoch_rate and w() < st.epoch_rate else st.ts_style
        extra = w() if style in ("iso_micro", "z_nano") else 0
        parts = ['{"timestamp":', self.clock.json_value(t_ms, style, extra),
                 ',"service":"', st.name, '"']
        if not (st.no_severity_rate and w() < st.no_severity_rate):
            sev = t.severity if c.key_is_nginx else st.spelling[c.severity]
            parts += [',"severity":"', sev, '"']
        parts += [',"message":"', msg, '"']
        if c.error_type_json is not None:
            parts += [',"error_type":"', c.error_type_json, '"']
        if t.stack is not None:
            frames = _fill(self._stack_parts(si, c, version), d, ctx, "stack_trace", None, values)
            n_msg = len(plants)
            if t.stack == "python":
                head = c.error_type_json or "Exception"
                stack = f"{frames}\\n{head}: {msg}"
            elif t.stack == "go":
                stack = f"{msg}\\n\\n{frames}"
            else:
                head = c.error_type_json or "Error"
                stack = f"{msg}\\n{frames}" if msg.startswith(head) else f"{head}: {msg}\\n{frames}"
            plants.extend((k, v, "stack_trace", p) for k, v, _f, p in plants[:n_msg])
            parts += [',"stack_trace":"', stack, '"']
        status = t.status
        if status is not None and st.routes:
            method, route = st.routes[w() % len(st.routes)]
            parts += [',"component":"', method, " ", route, '","http_method":"', method,
                      '","http_route":"', route, '","http_status":', str(status)]
            if c.is_timeout:
                dur = f"{1000 * (1, 2, 3, 5, 10, 30)[w() % 6] + w() % 400}.0"
            else:
                dur = self._durations[w() % 4096]
            parts += [',"duration_ms":', dur]
        elif st.is_kafka and "kafka" in t.needs:
            parts += [',"component":"', st.name, '-consumer"']
        if trace_id:
            parts += [',"trace_id":"', trace_id, '","span_id":"', span_id, '"']
            if parent_span_id:
                parts += [',"parent_span_id":"', parent_span_id, '"']
        parts += [st.fixed_tail, ',"zone":"', st.zones[pod_i], '","host":"', pod,
                  '","version":"', version, '"']
        if status is not None:
            if w() < _P50:
                uid = SLOTS["user_id"][0](d, ctx)
                parts += [',"user_id":"', uid, '"']
                plants.append(("user_id", uid, "user_id", True))
            if st.is_edge and w() < _P60:
                sid = SLOTS["session_id"][0](d, ctx)
                parts += [',"session_id":"', sid, '"']
                plants.append(("session_id", sid, "session_id", True))
            if w() < (_P80 if st.is_edge else _P10):
                ip = SLOTS["ip6"][0](d, ctx) if w() < _P15 else SLOTS["ip"][0](d, ctx)
                parts += [',"client_ip":"', ip, '"']
                plants.append(("client_ip", ip, "client_ip", True))
        if c.attrs:
            items = []
            for k, is_raw, aparts in c.attrs:
                v = _fill(aparts, d, ctx, f"attributes.{k}", plants, values)
                items.append(f'"{k}":{v}' if is_raw else f'"{k}":"{v}"')
            parts += [',"attributes":{', ",".join(items), "}"]
        event_id = None
        if st.event_id_rate and w() < st.event_id_rate:
            event_id = ids.uuid4(d)
            parts += [',"event_id":"', event_id, '"']
        parts.append("}")
        return "".join(parts), plants, event_id

    def span(self, si: int, trace_id: str, span_id: str, parent_span_id: str | None,
             start_ms: int, duration_ms: float, is_error: bool, error_type: str | None = None,
             operation: str | None = None) -> str:
        """Render one span line of ``spans.jsonl``."""
        st = self.states[si]
        if operation is None:
            operation = " ".join(st.routes[self.d.below(len(st.routes))]) if st.routes else "process"
        parts = ['{"trace_id":"', trace_id, '","span_id":"', span_id, '"']
        if parent_span_id:
            parts += [',"parent_span_id":"', parent_span_id, '"']
        parts += [',"service":"', st.name, '","operation":"', operation, '","start":"',
                  self.clock.text(start_ms, "z_ms", 0), '","duration_ms":', f"{duration_ms:.1f}",
                  ',"status":"', "ERROR" if is_error else "OK", '"']
        if is_error and error_type:
            parts += [',"error_type":"', error_type, '"']
        parts.append("}")
        return "".join(parts)
