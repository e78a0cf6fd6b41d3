"""The event timeline, one window (an hour) at a time: background errors drawn from
per-minute counts, plus the events and spans of every episode active in the window,
sorted by arrival time (event time plus a small, sometimes larger, shipping delay, so
the file is almost but not quite time-ordered).

Examples
--------
>>> import numpy as np
>>> from features.simulate.catalog import build_catalog
>>> from features.simulate.draws import Draws
>>> from features.simulate.faults import plan_faults
>>> from features.simulate.render import Renderer
>>> services = build_catalog(3, np.random.default_rng(0))
>>> plan = plan_faults(services, start_ms=1772409600000, days=1, rng=np.random.default_rng(1))
>>> counts = np.ones((3, 1440), dtype=np.int64)
>>> tl = Timeline(services, plan, Renderer(services, Draws(np.random.default_rng(2))),
...               counts, counts * 100, start_ms=1772409600000)
>>> records, spans = tl.window(0, 60)
>>> len(records) + len(tl.flush()) >= 3 * 60
True
"""

from __future__ import annotations

from bisect import bisect_left

from features.simulate import identifiers as ids
from features.simulate.catalog import Service
from features.simulate.faults import MINUTE, Effect, Episode, FaultPlan, version_at
from features.simulate.render import Renderer
from features.simulate.templates import by_key, eligible

_BG_TABLE = 1000
_TRACE_SAMPLE = 5
_P02, _P60, _P85 = int(0.02 * 2**64), int(0.6 * 2**64), int(0.85 * 2**64)


class Timeline:
    """Generates the records of each time window.

    Parameters
    ----------
    services : list of Service
    plan : FaultPlan
    renderer : Renderer
    errors, requests : ndarray of int, shape (services, minutes)
        Background error counts and request counts per minute.
    start_ms : int
        Epoch milliseconds of minute 0.
    span_sample : float
        Share of traced background errors whose spans are written (tail sampling keeps
        every episode trace).
    """

    def __init__(self, services: list[Service], plan: FaultPlan, renderer: Renderer, errors,
                 requests, *, start_ms: int, span_sample: float = 0.2) -> None:
        self.services = services
        self.index = {s.name: i for i, s in enumerate(services)}
        self.plan = plan
        self.r = renderer
        self.d = renderer.d
        self.errors = errors
        self.requests = requests
        self.start_ms = start_ms
        self.span_sample = span_sample
        self.versions = plan.version_index()
        has_callers = set()
        for s in services:
            has_callers.update(s.depends_on)
        self.has_callers = [s.name in has_callers for s in services]
        self.tables = [self._bg_table(s) for s in services]
        self.error_types = {k: t.error_type for k, t in by_key().items()}
        self._carry: list = []

    def _bg_table(self, svc: Service) -> list[str]:
        """Background templates with Zipf-like weights: a few common, a long tail."""
        d = self.d
        pool = eligible(svc.runtime, svc.features, "bg")
        order = sorted(pool, key=lambda t: d.uniform())
        weights = [t.weight / (rank + 1) ** 0.6 for rank, t in enumerate(order)]
        total = sum(weights)
        table: list[str] = []
        for t, w in zip(order, weights, strict=True):
            table.extend([t.key] * max(1, round(_BG_TABLE * w / total)))
        return table

    def _delay(self) -> int:
        w = self.d.word
        return w() % 30_000 if w() < _P02 else w() % 1500

    # -- background --------------------------------------------------------------------
    def _background(self, m0: int, m1: int, records: list, spans: list) -> None:
        d, r = self.d, self.r
        w = d.word
        p_span = int(self.span_sample * 2**64)
        for si, svc in enumerate(self.services):
            counts = self.errors[si, m0:m1].tolist()
            table = self.tables[si]
            n_table = len(table)
            vidx = self.versions[svc.name]
            has_callers = self.has_callers[si]
            name = svc.name
            for k, c in enumerate(counts):
                if not c:
                    continue
                base = self.start_ms + (m0 + k) * MINUTE
                for _ in range(c):
                    t = base + w() % MINUTE
                    key = table[w() % n_table]
                    version = version_at(vidx, t)
                    if w() < _P85:
                        trace = f"{w() | 1:016x}{w():016x}"
                        span = f"{w() | 1:016x}"
                        parent = f"{w() | 1:016x}" if has_callers and w() < _P60 else None
                        line, plants, eid = r.event(si, key, t, version, trace_id=trace,
                                                    span_id=span, parent_span_id=parent)
                        if w() < p_span:
                            spans.append(r.span(si, trace, span, parent, t - 40, 40.0 + w() % 900,
                                                True, self.error_types[key]))
                    else:
                        line, plants, eid = r.event(si, key, t, version, is_traced=False)
                    delay = w() % 30_000 if w() < _P02 else w() % 1500
                    records.append((t + delay, line, plants, eid, name, t))

    # -- episodes ----------------------------------------------------------------------
    def _n_failures(self, si: int, minute: int, fraction: float, multiplier: float = 1.0) -> int:
        req = int(self.requests[si, minute])
        expected = req * fraction * self.d.lognormal(1.0, 0.2)
        return max(1, round(expected))

    def _own(self, ep: Episode, eff: Effect, t_lo: int, t_hi: int, records: list, spans: list) -> None:
        d, r = self.d, self.r
        si = self.index[eff.service]
        vidx = self.versions[eff.service]
        a, b = max(eff.start_ms, t_lo), min(eff.end_ms, t_hi)
        minute = (a - self.start_ms) // MINUTE
        while a < b:
            m_end = min(b, self.start_ms + (minute + 1) * MINUTE)
            n = self._n_failures(si, minute, eff.fraction)
            n = max(1, round(n * (m_end - a) / MINUTE))
            for _ in range(n):
                t = a + d.below(max(1, m_end - a))
                key = d.pick(eff.templates)
                trace, span = ids.trace_id(d), ids.span_id(d)
                peer = d.pick(eff.peers) if eff.peers else None
                version = version_at(vidx, t)
                line, plants, eid = r.event(si, key, t, version, trace_id=trace, span_id=span,
                                            peer=peer)
                records.append((t + self._delay(), line, plants, eid, eff.service, t))
                spans.append(r.span(si, trace, span, None, t - 900, 900.0 + d.below(4000), True,
                                    self.error_types[key]))
                ep.event_count += 1
                if len(ep.trace_ids_sample) < _TRACE_SAMPLE and ep.kind != "cascading":
                    ep.trace_ids_sample.append(trace)
                if ep.kind == "cascading":
                    self._propagate(ep, eff.service, t, trace, span, key, records, spans)
            a = m_end
            minute += 1

    def _propagate(self, ep: Episode, root: str, t: int, trace: str, root_span: str, root_key: str,
                   records: list, spans: list) -> None:
        """Walk one failing trace up the callers of a cascade: each caller fails a
        little later, on the same trace, as the parent of the span below it."""
        d, r = self.d, self.r
        effects = {e.service: e for e in ep.effects if e.role == "caller"}
        child, child_span, t_child = root, root_span, t
        path = [root]
        child_key = root_key
        child_si = self.index[root]
        spans_out = []
        while True:
            ups = [c for c in ep.callers.get(child, ()) if effects[c].start_ms <= t_child]
            if not ups or d.chance(0.1):
                break
            caller = d.pick(ups)
            eff = effects[caller]
            si = self.index[caller]
            span = ids.span_id(d)
            t_caller = t_child + 5 + d.below(3000)
            key = d.pick(eff.templates)
            version = version_at(self.versions[caller], t_caller)
            line, plants, eid = r.event(si, key, t_caller, version, trace_id=trace, span_id=span,
                                        peer=child)
            records.append((t_caller + self._delay(), line, plants, eid, caller, t_caller))
            ep.event_count += 1
            spans_out.append((child_si, child_span, span, t_child, child_key))
            child, child_span, t_child, child_key, child_si = caller, span, t_caller, key, si
            path.append(caller)
        # the spans: each callee's span is a child of its caller's span
        for callee_si, callee_span, parent_span, t_callee, key in spans_out:
            spans.append(r.span(callee_si, trace, callee_span, parent_span, t_callee - 800,
                                800.0 + d.below(2000), True, self.error_types[key]))
        spans.append(r.span(child_si, trace, child_span, None, t - 1200,
                            1200.0 + (t_child - t) + d.below(500), True, self.error_types[child_key]))
        if len(path) > 1 and len(ep.trace_ids_sample) < _TRACE_SAMPLE:
            ep.trace_ids_sample.append(trace)

    def _retry_storm(self, ep: Episode, t_lo: int, t_hi: int, records: list, spans: list) -> None:
        """The target sheds load; callers retry every failed call up to ``max_attempts``
        times on the same trace, which multiplies the target's traffic."""
        d, r = self.d, self.r
        target = next(e for e in ep.effects if e.role == "retry_target")
        callers = [e for e in ep.effects if e.role == "retry_caller"]
        tsi = self.index[target.service]
        a, b = max(target.start_ms, t_lo), min(target.end_ms, t_hi)
        minute = (a - self.start_ms) // MINUTE
        attempts_max = ep.max_attempts
        while a < b:
            m_end = min(b, self.start_ms + (minute + 1) * MINUTE)
            n_fail = self._n_failures(tsi, minute, target.fraction)
            n_traces = max(1, round(n_fail / attempts_max * (m_end - a) / MINUTE))
            for _ in range(n_traces):
                t = a + d.below(max(1, m_end - a))
                trace = ids.trace_id(d)
                caller = d.pick(callers)
                csi = self.index[caller.service]
                caller_span = ids.span_id(d)
                c_version = version_at(self.versions[caller.service], t)
                t_version = version_at(self.versions[target.service], t)
                n_attempts = attempts_max if d.chance(0.8) else d.between(1, attempts_max)
                ta = t
                for attempt in range(1, n_attempts + 1):
                    span = ids.span_id(d)
                    key = d.pick(target.templates)
                    line, plants, eid = r.event(tsi, key, ta, t_version, trace_id=trace,
                                                span_id=span, parent_span_id=caller_span,
                                                peer=caller.service)
                    records.append((ta + self._delay(), line, plants, eid, target.service, ta))
                    spans.append(r.span(tsi, trace, span, caller_span, ta, 5.0 + d.below(200),
                                        True, self.error_types[key]))
                    ep.event_count += 1
                    is_last = attempt == n_attempts and n_attempts == attempts_max
                    ckey = caller.templates[-1] if is_last else caller.templates[0]
                    tc = ta + 6 + d.below(300)
                    line, plants, eid = r.event(csi, ckey, tc, c_version, trace_id=trace,
                                                span_id=caller_span, peer=target.service,
                                                attempt=attempt, max_attempts=attempts_max)
                    records.append((tc + self._delay(), line, plants, eid, caller.service, tc))
                    ep.event_count += 1
                    ta = tc + d.between(20, 400)  # retries with little or no backoff
                spans.append(r.span(csi, trace, caller_span, None, t - 3, float(ta - t + 5), True,
                                    self.error_types[caller.templates[-1]]))
                if len(ep.trace_ids_sample) < _TRACE_SAMPLE:
                    ep.trace_ids_sample.append(trace)
            a = m_end
            minute += 1

    def window(self, m0: int, m1: int) -> tuple[list, list]:
        """Event records that arrive in minutes ``[m0, m1)``, sorted by arrival, and the
        span lines of the errors that happened in them.

        Records that happen in the window but arrive after it (shipping delays, the
        tail of a retry chain) are held back and returned by the next window, so the
        stream is in arrival order and memory is bounded by one window's traffic.
        """
        records: list = self._carry
        spans: list = []
        self._background(m0, m1, records, spans)
        t_lo = self.start_ms + m0 * MINUTE
        t_hi = self.start_ms + m1 * MINUTE
        for ep in self.plan.episodes:
            if ep.end_ms <= t_lo or ep.start_ms >= t_hi:
                continue
            if ep.kind == "retry_storm":
                self._retry_storm(ep, t_lo, t_hi, records, spans)
                continue
            for eff in ep.effects:
                if eff.role == "own":
                    self._own(ep, eff, t_lo, t_hi, records, spans)
        records.sort(key=_arrival)
        cut = bisect_left(records, t_hi, key=_arrival)
        self._carry = records[cut:]
        return records[:cut], spans

    def flush(self) -> list:
        """Records still held back after the last window, in arrival order."""
        out, self._carry = self._carry, []
        return out


def _arrival(rec: tuple) -> int:
    return rec[0]
