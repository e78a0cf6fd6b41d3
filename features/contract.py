"""Input contract, version 1: the one place that says what an input row is.

Every reader (ingest, the simulator, the anonymizer, the validation suite, the
JSON Schema in ``features/schemas/``) takes field names, types and formats from
here. See ``docs/contract.md`` for the prose version.

Examples
--------
>>> from features.contract import normalize_event
>>> ev, notes = normalize_event({"timestamp": "2026-03-01T10:00:00+02:00",
...                              "service": "checkout", "message": "boom",
...                              "severity": "err", "http_status": "503"})
>>> ev["timestamp"].isoformat(), ev["severity"], ev["http_status"]
('2026-03-01T08:00:00+00:00', 'ERROR', 503)
>>> notes
['severity_alias']
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

CONTRACT_VERSION = "1"

__all__ = [
    "CATALOG_SERVICE_KEYS",
    "COMPANION_FIELDS",
    "CONTRACT_VERSION",
    "EVENT_FIELDS",
    "SEVERITIES",
    "ContractError",
    "Field",
    "content_hash",
    "event_json_schema",
    "field_names",
    "is_span_id",
    "is_trace_id",
    "normalize_event",
    "normalize_record",
    "parse_timestamp",
    "write_json_schemas",
]


class ContractError(ValueError):
    """A row that does not meet the contract.

    The message names the field and the rule, never the offending value (it may be
    personal data).

    Parameters
    ----------
    field : str or None
        The field at fault, or None when the row as a whole is wrong.
    reason : str
        A short machine-friendly reason code, such as ``missing_required``.
    detail : str
        A human explanation that never contains the raw value.
    """

    def __init__(self, field: str | None, reason: str, detail: str = "") -> None:
        self.field = field
        self.reason = reason
        self.detail = detail
        where = f"field '{field}': " if field else ""
        super().__init__(f"{where}{reason}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class Field:
    """One column of a contract input.

    Parameters
    ----------
    name : str
        Column name as it appears in the input.
    type : str
        One of ``string``, ``integer``, ``number``, ``timestamp``, ``object``, ``list``.
    required : bool
        Whether a row without it is rejected.
    description : str
        What it means, with the OpenTelemetry attribute it maps to where one exists.
    pattern : str or None
        A regular expression a non-empty value must match (ids).
    is_personal : bool
        Personal data: the default privacy policy never keeps it raw.
    """

    name: str
    type: str
    required: bool = False
    description: str = ""
    pattern: str | None = None
    is_personal: bool = False


SEVERITIES = ("DEBUG", "INFO", "WARN", "ERROR", "FATAL")
_SEVERITY_ALIASES = {
    "TRACE": "DEBUG",
    "DEBUG": "DEBUG",
    "INFO": "INFO",
    "INFORMATION": "INFO",
    "NOTICE": "INFO",
    "WARN": "WARN",
    "WARNING": "WARN",
    "ERR": "ERROR",
    "ERROR": "ERROR",
    "SEVERE": "ERROR",
    "FATAL": "FATAL",
    "CRITICAL": "FATAL",
    "CRIT": "FATAL",
    "ALERT": "FATAL",
    "EMERG": "FATAL",
    "EMERGENCY": "FATAL",
    "PANIC": "FATAL",
}

TRACE_ID_PATTERN = r"^[0-9a-f]{32}$"
SPAN_ID_PATTERN = r"^[0-9a-f]{16}$"
_TRACE_RE = re.compile(TRACE_ID_PATTERN)
_SPAN_RE = re.compile(SPAN_ID_PATTERN)

EVENT_FIELDS: tuple[Field, ...] = (
    Field("timestamp", "timestamp", True, "When the error happened: RFC 3339 (any offset) or epoch milliseconds."),
    Field("service", "string", True, "OTel `service.name`."),
    Field("message", "string", True, "OTel `exception.message` or the log body; may be empty."),
    Field("severity", "string", False, "OTel severity text (DEBUG, INFO, WARN, ERROR, FATAL); ERROR when absent."),
    Field("error_type", "string", False, "OTel `exception.type` or `error.type`."),
    Field("stack_trace", "string", False, "OTel `exception.stacktrace`."),
    Field("component", "string", False, "Endpoint, module or consumer within the service."),
    Field("http_status", "integer", False, "OTel `http.response.status_code`."),
    Field("http_method", "string", False, "OTel `http.request.method`."),
    Field("http_route", "string", False, "OTel `http.route`."),
    Field("duration_ms", "number", False, "Duration of the failed operation in milliseconds."),
    Field("trace_id", "string", False, "W3C trace id, 32 lower-case hex chars.", TRACE_ID_PATTERN),
    Field("span_id", "string", False, "W3C span id, 16 lower-case hex chars.", SPAN_ID_PATTERN),
    Field("parent_span_id", "string", False, "Parent span id, 16 hex chars.", SPAN_ID_PATTERN),
    Field("environment", "string", False, "OTel `deployment.environment.name`."),
    Field("region", "string", False, "OTel `cloud.region`."),
    Field("zone", "string", False, "OTel `cloud.availability_zone`."),
    Field("host", "string", False, "OTel `host.name`."),
    Field("version", "string", False, "OTel `service.version`: which deploy produced it."),
    Field("user_id", "string", False, "OTel `user.id`; personal data.", is_personal=True),
    Field("session_id", "string", False, "OTel `session.id`; personal data.", is_personal=True),
    Field("client_ip", "string", False, "OTel `client.address`; personal data.", is_personal=True),
    Field("attributes", "object", False, "Free-form; every string inside is scanned for personal data."),
    Field("event_id", "string", False, "Unique id; when absent, a hash of the event's content."),
)

COMPANION_FIELDS: dict[str, tuple[Field, ...]] = {
    "requests": (
        Field("timestamp", "timestamp", True, "Start of the minute."),
        Field("service", "string", True, "OTel `service.name`."),
        Field("requests", "integer", True, "Requests served in that minute (the denominator for rates)."),
    ),
    "spans": (
        Field("trace_id", "string", True, "W3C trace id.", TRACE_ID_PATTERN),
        Field("span_id", "string", True, "W3C span id.", SPAN_ID_PATTERN),
        Field("parent_span_id", "string", False, "Parent span id; empty for a root span.", SPAN_ID_PATTERN),
        Field("service", "string", True, "OTel `service.name`."),
        Field("operation", "string", True, "Span name."),
        Field("start", "timestamp", True, "Span start."),
        Field("duration_ms", "number", True, "Span duration in milliseconds."),
        Field("status", "string", True, "OK or ERROR."),
        Field("error_type", "string", False, "Exception type when status is ERROR."),
    ),
    "deployments": (
        Field("service", "string", True, "OTel `service.name`."),
        Field("version", "string", True, "The version deployed."),
        Field("deployed_at", "timestamp", True, "When it went live."),
        Field("environment", "string", False, "Where it went live."),
    ),
    "incidents": (
        Field("incident_id", "string", True, "The incident's id in the tracker."),
        Field("title", "string", True, "Title as people wrote it (scanned for personal data)."),
        Field("severity", "string", True, "P1 (worst) to P5."),
        Field("services", "list", True, "Services affected."),
        Field("started_at", "timestamp", True, "When impact began."),
        Field("detected_at", "timestamp", False, "When someone or something noticed."),
        Field("acknowledged_at", "timestamp", False, "When on-call acknowledged."),
        Field("resolved_at", "timestamp", False, "When impact ended."),
        Field("category", "string", False, "Incident category."),
    ),
}

CATALOG_SERVICE_KEYS = ("team", "tier", "depends_on", "slo", "escalation")


def field_names(kind: str = "events") -> list[str]:
    """Return the contract's column names for ``kind``.

    Parameters
    ----------
    kind : str
        ``events`` or one of the companion inputs (``requests``, ``spans``,
        ``deployments``, ``incidents``).

    Examples
    --------
    >>> field_names("requests")
    ['timestamp', 'service', 'requests']
    """
    return [f.name for f in _fields(kind)]


def _fields(kind: str) -> tuple[Field, ...]:
    if kind == "events":
        return EVENT_FIELDS
    if kind in COMPANION_FIELDS:
        return COMPANION_FIELDS[kind]
    known = ["events", *COMPANION_FIELDS]
    raise ValueError(f"unknown input kind {kind!r}; known kinds are {known}")


def is_trace_id(value: str) -> bool:
    """Whether ``value`` is a valid, non-zero W3C trace id (32 lower-case hex chars)."""
    return bool(_TRACE_RE.match(value)) and value.strip("0") != ""


def is_span_id(value: str) -> bool:
    """Whether ``value`` is a valid, non-zero W3C span id (16 lower-case hex chars)."""
    return bool(_SPAN_RE.match(value)) and value.strip("0") != ""


# --- timestamps ------------------------------------------------------------------

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$"
)
_EPOCH_FLOOR = datetime(1970, 1, 1, tzinfo=UTC)


def parse_timestamp(value: Any, *, field: str = "timestamp") -> datetime:
    """Parse a contract timestamp into an aware UTC ``datetime``.

    Accepted: RFC 3339 / ISO 8601 strings with ``Z`` or any ``±hh:mm`` offset
    (``T`` or a space between date and time, fractional seconds up to
    nanoseconds, which are truncated to microseconds); strings without an offset
    are read as UTC (real logs often omit it); epoch numbers or numeric strings,
    whose unit is read from their magnitude: seconds below 1e11, milliseconds
    (the contract's unit) below 1e14, microseconds below 1e17, nanoseconds above.

    Parameters
    ----------
    value : str, int, float or datetime
        The raw value.
    field : str
        Field name used in the error message.

    Returns
    -------
    datetime
        Timezone-aware, in UTC.

    Raises
    ------
    ContractError
        When the value is missing or cannot be read; the message never repeats it.

    Examples
    --------
    >>> parse_timestamp("2026-03-01T10:00:00.5-05:00").isoformat()
    '2026-03-01T15:00:00.500000+00:00'
    >>> parse_timestamp(1772359200000).isoformat()
    '2026-03-01T10:00:00+00:00'
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ContractError(field, "missing_timestamp", "empty or null")
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, bool):
        raise ContractError(field, "bad_timestamp", "a boolean is not a timestamp")
    if isinstance(value, int):
        return _from_epoch_int(value, field)
    if isinstance(value, float):
        return _from_epoch(value, field)
    if not isinstance(value, str):
        raise ContractError(field, "bad_timestamp", f"type {type(value).__name__} is not a timestamp")
    text = value.strip()
    if re.fullmatch(r"\d{1,20}", text):
        return _from_epoch_int(int(text), field)
    if _looks_numeric(text):
        return _from_epoch(float(text), field)
    m = _RFC3339.match(text)
    if not m:
        raise ContractError(field, "bad_timestamp", "not RFC 3339 and not an epoch number")
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    second = int(m.group(6) or 0)
    frac = m.group(7) or ""
    micro = int((frac + "000000")[:6]) if frac else 0
    tz = m.group(8)
    leap = second == 60  # RFC 3339 allows a leap second; fold it onto the next second
    try:
        dt = datetime(year, month, day, hour, minute, 59 if leap else second, micro, tzinfo=UTC)
    except ValueError as exc:
        raise ContractError(field, "bad_timestamp", "date or time out of range") from exc
    if leap:
        dt += timedelta(seconds=1)
    if tz and tz not in ("Z", "z", "UTC"):
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        hh, mm = int(digits[:2]), int(digits[2:4] or 0)
        if hh > 23 or mm > 59:
            raise ContractError(field, "bad_timestamp", "offset out of range")
        dt -= sign * timedelta(hours=hh, minutes=mm)
    return dt


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _from_epoch_int(number: int, field: str) -> datetime:
    """Integer epochs exactly (no float rounding), unit read from the magnitude."""
    if number < 0:
        raise ContractError(field, "bad_timestamp", "epoch value negative")
    if number < 10**11:
        delta = timedelta(seconds=number)
    elif number < 10**14:
        delta = timedelta(milliseconds=number)
    elif number < 10**17:
        delta = timedelta(microseconds=number)
    else:
        delta = timedelta(microseconds=number // 1000)
    try:
        return _EPOCH_FLOOR + delta
    except OverflowError as exc:
        raise ContractError(field, "bad_timestamp", "epoch value out of range") from exc


def _from_epoch(number: float, field: str) -> datetime:
    if not math.isfinite(number) or number < 0:
        raise ContractError(field, "bad_timestamp", "epoch value not finite or negative")
    magnitude = abs(number)
    if magnitude < 1e11:
        seconds = number
    elif magnitude < 1e14:
        seconds = number / 1e3
    elif magnitude < 1e17:
        seconds = number / 1e6
    else:
        seconds = number / 1e9
    try:
        return _EPOCH_FLOOR + timedelta(seconds=seconds)
    except OverflowError as exc:
        raise ContractError(field, "bad_timestamp", "epoch value out of range") from exc


# --- rows ------------------------------------------------------------------------


def _coerce(f: Field, value: Any) -> Any:
    """Coerce one non-null value to the field's type, or raise ContractError."""
    if f.type == "timestamp":
        return parse_timestamp(value, field=f.name)
    if f.type == "string":
        if isinstance(value, str):
            return value
        if isinstance(value, (bool, dict, list)):
            raise ContractError(f.name, "bad_type", f"expected a string, got {type(value).__name__}")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if f.type == "integer":
        if isinstance(value, bool):
            raise ContractError(f.name, "bad_type", "expected an integer, got a boolean")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+(\.0+)?\s*", value):
            return int(float(value))
        raise ContractError(f.name, "bad_type", "expected an integer")
    if f.type == "number":
        if isinstance(value, bool):
            raise ContractError(f.name, "bad_type", "expected a number, got a boolean")
        if isinstance(value, (int, float)) or isinstance(value, str) and _looks_numeric(value.strip()):
            number = float(value)
        else:
            raise ContractError(f.name, "bad_type", "expected a number")
        if not math.isfinite(number):
            raise ContractError(f.name, "bad_type", "number is not finite")
        return number
    if f.type == "object":
        if isinstance(value, dict):
            return value
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                parsed = None
            if isinstance(parsed, dict):
                return parsed
        raise ContractError(f.name, "bad_type", "expected a JSON object")
    if f.type == "list":
        if isinstance(value, list):
            return [str(v) for v in value]
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    parsed = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ContractError(f.name, "bad_type", "expected a list") from exc
                if isinstance(parsed, list):
                    return [str(v) for v in parsed]
            return [s.strip() for s in re.split(r"[,;|]", text) if s.strip()]
        raise ContractError(f.name, "bad_type", "expected a list")
    raise ValueError(f"field {f.name!r} has unknown type {f.type!r}")  # programming error


def _is_null(value: Any) -> bool:
    if value is None:
        return True
    return isinstance(value, float) and math.isnan(value)


def normalize_record(raw: Any, kind: str = "events") -> tuple[dict[str, Any], list[str]]:
    """Normalize one input row of ``kind`` to the contract's types.

    Unknown keys are kept as they are (the anonymizer scans them); known keys are
    coerced to their type. Null values of optional fields are dropped.

    Parameters
    ----------
    raw : dict
        One parsed input row.
    kind : str
        ``events`` or a companion input name.

    Returns
    -------
    (dict, list of str)
        The normalized row and notes about what was repaired (never values).

    Raises
    ------
    ContractError
        When the row is not an object, a required field is missing, or a value
        cannot be coerced to its type.
    """
    if kind == "events":
        return normalize_event(raw)
    fields = _fields(kind)
    if not isinstance(raw, dict):
        raise ContractError(None, "not_an_object", f"a {kind} row must be a JSON object")
    out: dict[str, Any] = {}
    notes: list[str] = []
    known = {f.name: f for f in fields}
    for key, value in raw.items():
        f = known.get(key)
        if f is None:
            out[key] = value
            continue
        if _is_null(value) or (isinstance(value, str) and value == "" and f.type != "string"):
            continue
        out[key] = _coerce(f, value)
    for f in fields:
        if f.required and f.name not in out:
            raise ContractError(f.name, "missing_required", f"{kind} rows need '{f.name}'")
    for f in fields:
        if f.pattern and isinstance(out.get(f.name), str):
            lowered = out[f.name].strip().lower()
            if lowered == "":
                del out[f.name]
                continue
            if lowered != out[f.name]:
                notes.append(f"{f.name}_case")
            out[f.name] = lowered
    return out, notes


def normalize_event(raw: Any) -> tuple[dict[str, Any], list[str]]:
    """Normalize one error event to contract v1.

    What it repairs (each repair adds a note): severity case and aliases
    (``warning`` → ``WARN``, ``critical`` → ``FATAL``), a missing severity
    (→ ``ERROR``), numeric strings in numeric fields, upper-case or dashed hex ids,
    ``attributes`` given as a JSON string. Format rules (id shapes, HTTP status
    range, timestamp window) are checked by the validation suite, not here.

    Parameters
    ----------
    raw : dict
        One parsed event.

    Returns
    -------
    (dict, list of str)
        The normalized event and the repair notes.

    Raises
    ------
    ContractError
        When the event is not an object, lacks ``timestamp``, ``service`` or
        ``message``, or has a value that cannot be read as its type.
    """
    if not isinstance(raw, dict):
        raise ContractError(None, "not_an_object", "an event must be a JSON object")
    out: dict[str, Any] = {}
    notes: list[str] = []
    known = _EVENT_BY_NAME
    for key, value in raw.items():
        f = known.get(key)
        if f is None:
            out[key] = value
            continue
        if _is_null(value):
            continue
        if isinstance(value, str) and value.strip() == "" and f.name != "message":
            continue
        out[key] = _coerce(f, value)
    if "message" not in out and "message" in raw and raw["message"] is None:
        out["message"] = ""
        notes.append("message_null")
    for name in ("timestamp", "service", "message"):
        if name not in out:
            raise ContractError(name, "missing_required", f"events need '{name}'")
    if not out["service"].strip():
        raise ContractError("service", "missing_required", "service is empty")
    out["service"] = out["service"].strip()
    sev = out.get("severity")
    if sev is None:
        out["severity"] = "ERROR"
        notes.append("severity_default")
    else:
        canon = _SEVERITY_ALIASES.get(sev.strip().upper())
        if canon is None:
            raise ContractError("severity", "bad_severity", f"not one of {list(SEVERITIES)} or a known alias")
        if canon != sev:
            notes.append("severity_alias")
        out["severity"] = canon
    for name in ("trace_id", "span_id", "parent_span_id"):
        value = out.get(name)
        if isinstance(value, str):
            cleaned = value.strip().lower().replace("-", "")
            if cleaned != value:
                notes.append(f"{name}_repaired")
            out[name] = cleaned
    if isinstance(out.get("http_method"), str):
        out["http_method"] = out["http_method"].strip().upper()
    return out, notes


_EVENT_BY_NAME = {f.name: f for f in EVENT_FIELDS}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def content_hash(event: dict[str, Any]) -> str:
    """A stable id for an event without ``event_id``: sha256 of its canonical JSON.

    Computed on the normalized event (so ``"+02:00"`` and ``"Z"`` spellings of the
    same instant hash the same), excluding ``event_id``. Only the hash is kept.

    Examples
    --------
    >>> a = {"timestamp": parse_timestamp("2026-01-01T00:00:00Z"), "service": "s", "message": "m"}
    >>> b = {"message": "m", "service": "s", "timestamp": parse_timestamp(1767225600000)}
    >>> content_hash(a) == content_hash(b)
    True
    """
    return hash_jsonable({k: _jsonable(v) for k, v in event.items() if k != "event_id"})


def hash_jsonable(body: dict[str, Any]) -> str:
    """:func:`content_hash` of an event already in JSON types (no datetimes; timestamps
    as ``isoformat()`` strings of UTC datetimes), without ``event_id``.

    Examples
    --------
    >>> e = {"timestamp": parse_timestamp("2026-01-01T00:00:00Z"), "service": "s", "message": "m"}
    >>> hash_jsonable({"timestamp": "2026-01-01T00:00:00+00:00", "service": "s",
    ...                "message": "m"}) == content_hash(e)
    True
    """
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


# --- JSON Schema -----------------------------------------------------------------

_JSON_TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "object": {"type": "object"},
    "list": {"type": "array", "items": {"type": "string"}},
    "timestamp": {
        "oneOf": [
            {"type": "string", "format": "date-time"},
            {"type": "integer", "minimum": 0, "description": "epoch milliseconds"},
        ]
    },
}


def event_json_schema(kind: str = "events") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one input row of ``kind``.

    ``features/schemas/<kind>.v1.schema.json`` is this function's output; a test
    keeps the committed files equal to it.

    Examples
    --------
    >>> event_json_schema()["required"]
    ['timestamp', 'service', 'message']
    """
    fields = _fields(kind)
    props: dict[str, Any] = {}
    for f in fields:
        prop = dict(_JSON_TYPES[f.type])
        prop["description"] = f.description
        if f.pattern:
            prop["pattern"] = f.pattern
        if f.name == "severity" and kind == "events":
            prop["enum"] = list(SEVERITIES)
        if f.name == "http_status":
            prop.update({"minimum": 100, "maximum": 599})
        if kind == "incidents" and f.name == "severity":
            prop["enum"] = ["P1", "P2", "P3", "P4", "P5"]
        if kind == "spans" and f.name == "status":
            prop["enum"] = ["OK", "ERROR"]
        props[f.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://faultline.dev/schemas/{kind}.v{CONTRACT_VERSION}.schema.json",
        "title": f"faultline {kind} row, contract v{CONTRACT_VERSION}",
        "type": "object",
        "required": [f.name for f in fields if f.required],
        "properties": props,
        "additionalProperties": True,
    }


def write_json_schemas(directory: str | None = None) -> list[str]:
    """Write ``<kind>.v1.schema.json`` for events and every companion input.

    Run ``python -m features.contract`` after changing a field; a test keeps the
    committed files equal to :func:`event_json_schema`.
    """
    from pathlib import Path

    target = Path(directory) if directory else Path(__file__).parent / "schemas"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ["events", *COMPANION_FIELDS]:
        path = target / f"{kind}.v{CONTRACT_VERSION}.schema.json"
        path.write_text(json.dumps(event_json_schema(kind), indent=2) + "\n", encoding="utf-8")
        written.append(str(path))
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    for p in write_json_schemas():
        print(p)
