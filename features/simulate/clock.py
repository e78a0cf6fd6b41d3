"""Timestamps the way real services write them.

Each service has one style (its logging library's), so one file mixes RFC 3339 with
``Z``, with a ``+02:00`` offset, with micro- or nanoseconds, and epoch milliseconds.
Formatting is on the hot path, so the text up to the minute is cached.

Examples
--------
>>> c = Clock()
>>> t = 1772445225123  # 2026-03-02T09:53:45.123Z
>>> c.json_value(t, "z_ms", 0)
'"2026-03-02T09:53:45.123Z"'
>>> c.json_value(t, "offset_ms", 0)
'"2026-03-02T11:53:45.123+02:00"'
>>> c.json_value(t, "epoch_ms", 0)
'1772445225123'
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

STYLES = ("z_ms", "offset_ms", "iso_micro", "z_nano", "epoch_ms", "space_comma")
_OFFSET = timedelta(hours=2)


def iso_utc(t_ms: int) -> str:
    """RFC 3339 UTC with milliseconds and ``Z``, e.g. for truth files.

    Examples
    --------
    >>> iso_utc(0)
    '1970-01-01T00:00:00.000Z'
    """
    dt = datetime.fromtimestamp(t_ms / 1000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t_ms % 1000:03d}Z"


def iso_seconds(t_ms: int) -> str:
    """RFC 3339 UTC to the second, e.g. ``2026-03-02T10:00:00Z``."""
    return datetime.fromtimestamp(t_ms // 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Clock:
    """Format epoch-millisecond instants in the styles of ``STYLES``."""

    def __init__(self) -> None:
        self._prefix: dict[tuple[int, str], str] = {}

    def _minute_prefix(self, minute: int, style: str) -> str:
        key = (minute, style)
        text = self._prefix.get(key)
        if text is None:
            dt = datetime.fromtimestamp(minute * 60, tz=UTC)
            if style == "offset_ms":
                dt = dt + _OFFSET
            sep = " " if style == "space_comma" else "T"
            text = dt.strftime(f"%Y-%m-%d{sep}%H:%M:")
            if len(self._prefix) > 200_000:
                self._prefix.clear()
            self._prefix[key] = text
        return text

    def text(self, t_ms: int, style: str, extra: int) -> str:
        """The instant as text (no quotes); ``extra`` fills sub-millisecond digits."""
        if style == "epoch_ms":
            return str(t_ms)
        minute, rest = divmod(t_ms, 60_000)
        sec, ms = divmod(rest, 1000)
        prefix = self._minute_prefix(minute, style)
        if style == "z_ms":
            return f"{prefix}{sec:02d}.{ms:03d}Z"
        if style == "offset_ms":
            return f"{prefix}{sec:02d}.{ms:03d}+02:00"
        if style == "iso_micro":
            return f"{prefix}{sec:02d}.{ms:03d}{extra % 1000:03d}+00:00"
        if style == "z_nano":
            return f"{prefix}{sec:02d}.{ms:03d}{extra % 1_000_000:06d}Z"
        return f"{prefix}{sec:02d},{ms:03d}"  # space_comma: Python logging's default, no zone

    def json_value(self, t_ms: int, style: str, extra: int) -> str:
        """The instant as a JSON value: a number for ``epoch_ms``, else a string."""
        if style == "epoch_ms":
            return str(t_ms)
        return f'"{self.text(t_ms, style, extra)}"'
