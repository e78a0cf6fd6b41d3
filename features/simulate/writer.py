"""Streams ``events.jsonl`` with the messiness of real delivery: deliberately
malformed lines and re-delivered duplicates, each listed in the ground truth, plus the
per-line personal-data and decoy truth (``truth_values.jsonl``).

Every line the writer emits is exactly one of: a valid unique event, a malformed line
(with the contract's reason code), or a byte-identical re-delivery of an earlier valid
line. Line numbers are 1-based.

Examples
--------
>>> import io, json, numpy as np
>>> from features.simulate.draws import Draws
>>> out = io.StringIO()
>>> w = EventWriter(out, None, Draws(np.random.default_rng(0)), malformed_rate=0.0,
...                 duplicate_rate=0.0)
>>> w.write([(0, '{"timestamp":0,"service":"s","message":"m"}', [], None, "s", 0)])
>>> w.finish(); w.line_no, out.getvalue().count("\\n")
(1, 1)
"""

from __future__ import annotations

import heapq
import json
from typing import IO, Any

from features.simulate.clock import iso_utc
from features.simulate.draws import Draws

MALFORMED_REASONS = ("invalid_json", "not_an_object", "missing_required", "bad_timestamp",
                     "bad_type", "bad_severity")
_BAD_TIMESTAMPS = ("N/A", "yesterday 10:14", "2026-13-45T99:61:00Z", "32/13/2026 25:61:00", "-")


class EventWriter:
    """Writes event lines, injecting malformed lines and duplicates.

    Parameters
    ----------
    out : text file
        ``events.jsonl``, opened for writing.
    values_out : text file or None
        ``truth_values.jsonl``, or None to skip the value truth.
    d : Draws
        The seeded source for the injections.
    malformed_rate, duplicate_rate : float
        Chance, per valid line, of a malformed line after it / of re-delivering it later.
    """

    def __init__(self, out: IO[str], values_out: IO[str] | None, d: Draws, *,
                 malformed_rate: float = 0.002, duplicate_rate: float = 0.003) -> None:
        self.out = out
        self.values_out = values_out
        self.d = d
        self.malformed_rate = malformed_rate
        self.duplicate_rate = duplicate_rate
        self.line_no = 0
        self.valid = 0
        self.malformed: list[dict[str, Any]] = []
        self.duplicates: list[dict[str, Any]] = []
        self.lines_with_personal = 0
        self._pending: list[tuple[int, int, str, list, str | None]] = []
        self._buf: list[str] = []
        self._vbuf: list[str] = []

    # -- value truth ---------------------------------------------------------------
    def _truth(self, line_no: int, plants: list, event_id: str | None, field: str | None = None
               ) -> None:
        if self.values_out is None or not plants:
            return
        personal, decoys = [], []
        seen = set()
        for kind, value, f, is_personal in plants:
            f = field or f
            key = (kind, value, f)
            if key in seen:
                continue
            seen.add(key)
            # values never need JSON escaping (see features.simulate.slots)
            item = f'{{"kind":"{kind}","value":"{value}","field":"{f}"}}'
            (personal if is_personal else decoys).append(item)
        eid = f'"event_id":"{event_id}",' if event_id else ""
        if personal:
            self.lines_with_personal += 1
        self._vbuf.append(f'{{"line_no":{line_no},{eid}"personal":[{",".join(personal)}],'
                          f'"decoys":[{",".join(decoys)}]}}')

    # -- injections ----------------------------------------------------------------
    def _malformed(self, line: str, plants: list, service: str, t_ms: int) -> tuple[str, str]:
        d = self.d
        shape = len(self.malformed) % 7  # round-robin: every reason shows up early
        if shape == 0:
            cut = int(len(line) * (0.2 + 0.7 * d.uniform()))
            return line[:cut], "invalid_json"
        ev = json.loads(line)
        if shape == 1:
            msg = str(ev.get("message", "")).replace("\n", " | ")
            return f"{iso_utc(t_ms)} ERROR [{service}] {msg}", "invalid_json"
        if shape == 2:
            return json.dumps([service, iso_utc(t_ms), "ERROR", ev.get("message", "")],
                              ensure_ascii=False), "not_an_object"
        if shape == 3:
            ev.pop(d.pick(("service", "message", "timestamp")), None)
            reason = "missing_required"
        elif shape == 4:
            ev["timestamp"] = d.pick(_BAD_TIMESTAMPS)
            reason = "bad_timestamp"
        elif shape == 5:
            if "http_status" in ev:
                ev["http_status"] = d.pick(("five hundred", "5xx", "error"))
            else:
                ev["duration_ms"] = d.pick(("slow", "n/a", "30s"))
            reason = "bad_type"
        else:
            ev["severity"] = d.pick(("VERBOSE", "E", "SEV2", "bad"))
            reason = "bad_severity"
        ev.pop("event_id", None)
        return json.dumps(ev, ensure_ascii=False, separators=(",", ":")), reason

    def _emit(self, line: str) -> None:
        self.line_no += 1
        self._buf.append(line)

    def _flush_due(self, upto: int) -> None:
        pending = self._pending
        while pending and pending[0][0] <= upto:
            _, orig, line, plants, event_id = heapq.heappop(pending)
            self._emit(line)
            self.duplicates.append({"file": "events.jsonl", "line_no": self.line_no,
                                    "duplicate_of_line_no": orig})
            self._truth(self.line_no, plants, event_id)

    def write(self, records: list[tuple]) -> None:
        """Write records ``(arrival_ms, line, plants, event_id, service, t_ms)`` in order."""
        d = self.d
        for rec in records:
            line, plants, event_id = rec[1], rec[2], rec[3]
            if self._pending:
                self._flush_due(self.line_no + 1)
            self._emit(line)
            self.valid += 1
            self._truth(self.line_no, plants, event_id)
            if d.chance(self.duplicate_rate):
                due = self.line_no + d.between(1, 400)
                heapq.heappush(self._pending, (due, self.line_no, line, plants, event_id))
            if d.chance(self.malformed_rate):
                bad, reason = self._malformed(line, plants, rec[4], rec[5])
                self._emit(bad)
                self.malformed.append({"file": "events.jsonl", "line_no": self.line_no,
                                       "reason": reason})
                leaked = [p for p in plants if p[1] in bad]
                self._truth(self.line_no, leaked, None, field="line")
        self._drain()

    def _drain(self) -> None:
        if self._buf:
            self.out.write("\n".join(self._buf))
            self.out.write("\n")
            self._buf.clear()
        if self._vbuf and self.values_out is not None:
            self.values_out.write("\n".join(self._vbuf))
            self.values_out.write("\n")
            self._vbuf.clear()

    def finish(self) -> None:
        """Deliver the duplicates still pending and flush."""
        self._flush_due(2**62)
        self._drain()
