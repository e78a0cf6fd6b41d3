"""OTLP/JSON logs and traces, as the OpenTelemetry Collector's file exporter writes
them (one ``ExportLogsServiceRequest`` / ``ExportTraceServiceRequest`` per line),
mapped onto contract v1.

* a log record becomes an event: ``body`` → ``message``, ``severityText`` (or
  ``severityNumber``) → ``severity``, resource ``service.name`` / ``service.version``
  / ``deployment.environment(.name)`` / ``host.name`` / ``cloud.region`` /
  ``cloud.availability_zone``, attributes by their OTel semantic-convention names
  (``exception.*``, ``http.*``, ``user.id``, ``session.id``, ``client.address``,
  ``log.record.uid`` → ``event_id``), the rest into ``attributes``;
* a span becomes a ``spans`` row (status code 2 → ``ERROR``), and each of its
  ``exception`` span events becomes an event carrying the span's trace context.

The line number of every record is the line of the export request it came from.

Examples
--------
>>> line = ('{"resourceLogs": [{"resource": {"attributes": [{"key": "service.name", '
...         '"value": {"stringValue": "cart"}}]}, "scopeLogs": [{"logRecords": [{'
...         '"timeUnixNano": "1772359200000000000", "severityNumber": 17, '
...         '"body": {"stringValue": "boom"}, "attributes": [{"key": '
...         '"http.response.status_code", "value": {"intValue": "503"}}]}]}]}]}')
>>> [(kind, rec) for kind, rec in records_from_request(__import__("json").loads(line))]
[('events', {'timestamp': '2026-03-01T10:00:00.000000Z', 'service': 'cart', 'http_status': 503, 'message': 'boom', 'severity': 'ERROR'})]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from features.ingest.readers import RecordChunk, parse_json_line, read_lines

__all__ = ["read_otlp", "records_from_request"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_RESOURCE_MAP = {
    "service.name": "service",
    "service.version": "version",
    "deployment.environment": "environment",
    "deployment.environment.name": "environment",
    "host.name": "host",
    "cloud.region": "region",
    "cloud.availability_zone": "zone",
}
_ATTRIBUTE_MAP = {
    "exception.type": "error_type",
    "error.type": "error_type",
    "exception.message": "_exception_message",
    "exception.stacktrace": "stack_trace",
    "http.response.status_code": "http_status",
    "http.status_code": "http_status",
    "http.request.method": "http_method",
    "http.method": "http_method",
    "http.route": "http_route",
    "user.id": "user_id",
    "enduser.id": "user_id",
    "session.id": "session_id",
    "client.address": "client_ip",
    "log.record.uid": "event_id",
    "event.id": "event_id",
    "component": "component",
}
_SEVERITY_BY_NUMBER = [(4, "DEBUG"), (8, "DEBUG"), (12, "INFO"), (16, "WARN"), (20, "ERROR"),
                       (24, "FATAL")]


def _any_value(value: Any) -> Any:
    """Decode an OTLP ``AnyValue``."""
    if not isinstance(value, dict):
        return value
    if "stringValue" in value:
        return value["stringValue"]
    if "intValue" in value:
        try:
            return int(value["intValue"])
        except (TypeError, ValueError):
            return value["intValue"]
    if "doubleValue" in value:
        return value["doubleValue"]
    if "boolValue" in value:
        return value["boolValue"]
    if "arrayValue" in value:
        return [_any_value(v) for v in (value["arrayValue"] or {}).get("values", [])]
    if "kvlistValue" in value:
        return _attributes((value["kvlistValue"] or {}).get("values", []))
    if "bytesValue" in value:
        return value["bytesValue"]
    return None


def _attributes(items: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items or []:
        if isinstance(item, dict) and "key" in item:
            out[str(item["key"])] = _any_value(item.get("value"))
    return out


def _nanos_to_rfc3339(value: Any) -> str | None:
    try:
        nanos = int(value)
    except (TypeError, ValueError):
        return None
    if nanos <= 0:
        return None
    dt = _EPOCH + timedelta(microseconds=nanos // 1000)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _severity(record: dict[str, Any]) -> str | None:
    text = record.get("severityText")
    if text:
        return str(text)
    number = record.get("severityNumber")
    if isinstance(number, str) and number.startswith("SEVERITY_NUMBER_"):
        return number.removeprefix("SEVERITY_NUMBER_").rstrip("0123456789") or None
    try:
        n = int(number)
    except (TypeError, ValueError):
        return None
    for upper, name in _SEVERITY_BY_NUMBER:
        if 1 <= n <= upper:
            return name
    return None


def _split(attrs: dict[str, Any], into: dict[str, Any]) -> dict[str, Any]:
    """Move semantic-convention attributes onto contract fields; return the rest."""
    rest: dict[str, Any] = {}
    for k, v in attrs.items():
        target = _ATTRIBUTE_MAP.get(k)
        if target and target not in into and v is not None:
            into[target] = v
        else:
            rest[k] = v
    return rest


def _resource_fields(resource: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for k, v in _attributes((resource or {}).get("attributes")).items():
        target = _RESOURCE_MAP.get(k)
        if target and target not in fields:
            fields[target] = v
    return fields


def _hex_id(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _log_event(res: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    event: dict[str, Any] = {}
    ts = _nanos_to_rfc3339(record.get("timeUnixNano")) or _nanos_to_rfc3339(
        record.get("observedTimeUnixNano")
    )
    if ts:
        event["timestamp"] = ts
    event.update(res)
    body = _any_value(record.get("body"))
    rest = _split(_attributes(record.get("attributes")), event)
    exc_message = event.pop("_exception_message", None)
    if body is None or body == "":
        body = exc_message if exc_message is not None else ""
    event["message"] = body if isinstance(body, str) else json.dumps(body, sort_keys=True)
    sev = _severity(record)
    if sev:
        event["severity"] = sev
    for src, dst in (("traceId", "trace_id"), ("spanId", "span_id")):
        hex_id = _hex_id(record.get(src))
        if hex_id:
            event[dst] = hex_id
    if rest:
        event["attributes"] = rest
    return event


def _span_rows(res: dict[str, Any], span: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    start_ns, end_ns = span.get("startTimeUnixNano"), span.get("endTimeUnixNano")
    try:
        duration_ms: float | None = (int(end_ns) - int(start_ns)) / 1e6
    except (TypeError, ValueError):
        duration_ms = None
    status = span.get("status") or {}
    code = status.get("code")
    is_error = code in (2, "2", "STATUS_CODE_ERROR")
    attrs = _attributes(span.get("attributes"))
    exceptions = [e for e in span.get("events") or [] if isinstance(e, dict)
                  and e.get("name") == "exception"]
    first_type = None
    if exceptions:
        first_type = _attributes(exceptions[0].get("attributes")).get("exception.type")
    row: dict[str, Any] = {
        "trace_id": span.get("traceId"),
        "span_id": span.get("spanId"),
        "service": res.get("service"),
        "operation": span.get("name"),
        "start": _nanos_to_rfc3339(start_ns),
        "duration_ms": duration_ms,
        "status": "ERROR" if is_error else "OK",
    }
    if _hex_id(span.get("parentSpanId")):
        row["parent_span_id"] = span["parentSpanId"]
    error_type = first_type or attrs.get("error.type")
    if error_type:
        row["error_type"] = error_type
    yield "spans", {k: v for k, v in row.items() if v is not None}
    for exc in exceptions:
        event: dict[str, Any] = {}
        ts = _nanos_to_rfc3339(exc.get("timeUnixNano")) or row.get("start")
        if ts:
            event["timestamp"] = ts
        event.update(res)
        exc_attrs = _attributes(exc.get("attributes"))
        rest = _split(exc_attrs, event)
        span_rest = _split(attrs, event)
        event["message"] = event.pop("_exception_message", None) or span.get("name") or ""
        event["severity"] = "ERROR"
        event["component"] = event.get("component") or span.get("name")
        for src, dst in (("traceId", "trace_id"), ("spanId", "span_id"),
                         ("parentSpanId", "parent_span_id")):
            if _hex_id(span.get(src)):
                event[dst] = span[src]
        if duration_ms is not None:
            event["duration_ms"] = duration_ms
        merged = {**span_rest, **rest}
        if merged:
            event["attributes"] = merged
        yield "events", event


def records_from_request(request: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """The contract records (``(kind, record)``) of one OTLP export request."""
    if not isinstance(request, dict):
        return
    for rl in request.get("resourceLogs") or []:
        res = _resource_fields((rl or {}).get("resource"))
        for sl in (rl or {}).get("scopeLogs") or []:
            for record in (sl or {}).get("logRecords") or []:
                if isinstance(record, dict):
                    yield "events", _log_event(res, record)
    for rs in request.get("resourceSpans") or []:
        res = _resource_fields((rs or {}).get("resource"))
        for ss in (rs or {}).get("scopeSpans") or []:
            for span in (ss or {}).get("spans") or []:
                if isinstance(span, dict):
                    yield from _span_rows(res, span)


def read_otlp(path: Path, *, chunk_rows: int = 100_000) -> Iterator[tuple[str, RecordChunk]]:
    """Yield ``(kind, chunk)`` pairs of contract records from an OTLP/JSON file.

    A line that is not JSON, or not an export request, is one unreadable record
    (reported under the ``events`` kind).
    """
    for lines in read_lines(path, chunk_rows=max(1, chunk_rows // 10)):
        by_kind: dict[str, RecordChunk] = {}
        for n, text in zip(lines.line_nos, lines.texts, strict=True):
            value, reason = parse_json_line(text)
            if reason is None and not (isinstance(value, dict) and (
                    "resourceLogs" in value or "resourceSpans" in value)):
                reason = "not_otlp"
            if reason is not None:
                by_kind.setdefault("events", RecordChunk([], [])).unreadable.append((n, reason))
                continue
            for kind, record in records_from_request(value):
                chunk = by_kind.setdefault(kind, RecordChunk([], []))
                chunk.line_nos.append(n)
                chunk.records.append(record)
        for kind in sorted(by_kind):
            yield kind, by_kind[kind]
