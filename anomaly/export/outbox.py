"""A durable local outbox: alert messages are written here before any delivery, so a
target that is down, a timeout or a crash never loses one.

The outbox is one SQLite file (standard library, transactional, safe against a crash
mid-write). Each message row is ``pending`` until delivered, then ``delivered``;
``rejected`` when the target refused it for good (a 4xx other than 408/429: kept for
inspection, never retried); ``superseded`` when a newer message for the same alert
(same target and dedup key) was queued before it went out: only the newest state of
an alert is worth sending, and sending it once is enough.

Enqueueing is idempotent: a message whose content equals the last one queued for the
same alert is not queued again, so re-running ``faultline alerts`` on unchanged
episodes sends nothing, and a run after an outage delivers each change once.

Delivery is at least once: a crash between a target's answer and the row's update
re-sends that one message on the next run, which the target absorbs through the
dedup key (PagerDuty ``dedup_key``, Opsgenie ``alias``, Alertmanager's label set).

Messages hold only what the payload builders put in them (no API keys: those are
added at send time).

Examples
--------
>>> import tempfile, pathlib
>>> from anomaly.export.payloads import AlertMessage
>>> box = Outbox(pathlib.Path(tempfile.mkdtemp()) / "outbox.sqlite")
>>> m = AlertMessage("pagerduty", "trigger", "faultline-i1", "i1", "", {"a": 1})
>>> box.enqueue([m, m])
1
>>> [p.dedup_key for p in box.pending()]
['faultline-i1']
>>> box.enqueue([m])  # unchanged: nothing new to send
0
>>> box.mark_delivered(box.pending()[0].id)
>>> box.counts()
{'delivered': 1}
>>> box.close()
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from anomaly.export.payloads import AlertMessage

__all__ = ["DEFAULT_OUTBOX_PATH", "OutboxRow", "Outbox", "content_hash"]

DEFAULT_OUTBOX_PATH = Path("data/alerts-outbox.sqlite")
"""Where ``faultline alerts --send`` keeps its outbox unless told otherwise."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL,
    dedup_key TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    last_attempt_at TEXT,
    delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_alert ON outbox (target, dedup_key, id);
CREATE INDEX IF NOT EXISTS outbox_status ON outbox (status, id);
"""


def content_hash(message: AlertMessage) -> str:
    """A hash of what the message says (target, key, action, path and body).

    Examples
    --------
    >>> from anomaly.export.payloads import AlertMessage
    >>> a = AlertMessage("opsgenie", "trigger", "k", "i", "", {"x": 1, "y": 2})
    >>> b = AlertMessage("opsgenie", "trigger", "k", "i", "", {"y": 2, "x": 1})
    >>> content_hash(a) == content_hash(b)
    True
    """
    doc = json.dumps(
        [message.target, message.dedup_key, message.action, message.path, message.body],
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class OutboxRow:
    """A queued message and its delivery state."""

    id: int
    target: str
    dedup_key: str
    incident_id: str
    action: str
    path: str
    body: Any
    status: str
    attempts: int
    last_error: str | None

    def message(self) -> AlertMessage:
        """The message as built."""
        return AlertMessage(self.target, self.action, self.dedup_key, self.incident_id,
                            self.path, self.body)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Outbox:
    """The outbox file. Open it, use it, :meth:`close` it (or use ``with``).

    Parameters
    ----------
    path : str or Path
        The SQLite file; created with its folder when missing.
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_OUTBOX_PATH) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._con.execute("PRAGMA journal_mode=WAL")
            self._con.execute("PRAGMA synchronous=FULL")
            self._con.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise RuntimeError(
                f"the alert outbox {self.path} cannot be opened ({exc.__class__.__name__}); "
                "if it is not an outbox file, pass another path with --outbox"
            ) from None

    def close(self) -> None:
        """Close the file."""
        self._con.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def enqueue(self, messages: Iterable[AlertMessage]) -> int:
        """Queue messages that say something new, in one transaction.

        A message equal to the last one queued for the same alert is skipped; older
        pending messages of an alert that gets a new one are marked ``superseded``.

        Returns
        -------
        int
            How many messages were queued.
        """
        queued = 0
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            for m in messages:
                h = content_hash(m)
                last = con.execute(
                    "SELECT content_hash FROM outbox WHERE target = ? AND dedup_key = ? "
                    "AND status != 'superseded' ORDER BY id DESC LIMIT 1",
                    (m.target, m.dedup_key),
                ).fetchone()
                if last is not None and last[0] == h:
                    continue
                con.execute(
                    "UPDATE outbox SET status = 'superseded' WHERE target = ? AND dedup_key = ? "
                    "AND status = 'pending'",
                    (m.target, m.dedup_key),
                )
                con.execute(
                    "INSERT INTO outbox (target, dedup_key, incident_id, action, path, body, "
                    "content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (m.target, m.dedup_key, m.incident_id, m.action, m.path,
                     json.dumps(m.body, sort_keys=True, default=str), h, _now()),
                )
                queued += 1
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return queued

    def mark_delivered(self, row_id: int) -> None:
        """Record a successful delivery."""
        self._con.execute(
            "UPDATE outbox SET status = 'delivered', attempts = attempts + 1, "
            "delivered_at = ?, last_attempt_at = ?, last_error = NULL WHERE id = ?",
            (_now(), _now(), row_id),
        )

    def mark_failed(self, row_id: int, error: str, *, is_permanent: bool = False) -> None:
        """Record a failed attempt; a permanent failure is ``rejected`` (kept, not retried).

        ``error`` must not hold payload values: the senders pass a status code or the
        kind of network error only.
        """
        self._con.execute(
            "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, "
            "last_attempt_at = ? WHERE id = ?",
            ("rejected" if is_permanent else "pending", error[:500], _now(), row_id),
        )

    # -- reading -------------------------------------------------------------------

    def pending(self, target: str | None = None) -> list[OutboxRow]:
        """Messages waiting for delivery, oldest first."""
        q = ("SELECT id, target, dedup_key, incident_id, action, path, body, status, attempts, "
             "last_error FROM outbox WHERE status = 'pending'")
        params: tuple[Any, ...] = ()
        if target is not None:
            q += " AND target = ?"
            params = (target,)
        rows = self._con.execute(q + " ORDER BY id", params).fetchall()
        return [OutboxRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), *r[7:]) for r in rows]

    def last(self, target: str, dedup_key: str) -> OutboxRow | None:
        """The newest queued (not superseded) message of an alert, if any."""
        r = self._con.execute(
            "SELECT id, target, dedup_key, incident_id, action, path, body, status, attempts, "
            "last_error FROM outbox WHERE target = ? AND dedup_key = ? AND status != 'superseded' "
            "ORDER BY id DESC LIMIT 1",
            (target, dedup_key),
        ).fetchone()
        if r is None:
            return None
        return OutboxRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), *r[7:])

    def open_alerts(self, target: str) -> list[OutboxRow]:
        """Alerts of ``target`` whose newest message is a trigger."""
        rows = self._con.execute(
            "SELECT max(id) FROM outbox WHERE target = ? AND status != 'superseded' "
            "GROUP BY dedup_key",
            (target,),
        ).fetchall()
        out = []
        for (row_id,) in rows:
            r = self._con.execute(
                "SELECT id, target, dedup_key, incident_id, action, path, body, status, "
                "attempts, last_error FROM outbox WHERE id = ?", (row_id,),
            ).fetchone()
            if r[4] == "trigger":
                out.append(OutboxRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), *r[7:]))
        return out

    def counts(self) -> dict[str, int]:
        """Messages per status."""
        rows = self._con.execute(
            "SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status"
        ).fetchall()
        return {s: int(n) for s, n in rows}
