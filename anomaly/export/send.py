"""HTTP delivery: POST a JSON body with a timeout, retrying with exponential backoff
and full jitter, and drain the outbox through it.

Retried: network errors, timeouts, 408, 429 and 5xx answers. Not retried: other 4xx
(the request itself is wrong; retrying cannot help), which leave the message
``rejected`` in the outbox for inspection. A plain ``http://`` URL is refused unless
its host is the loopback interface or ``allow_insecure_http`` is given: alert payloads
and routing keys should not cross a network in clear text.

Error texts name the status code or the kind of network failure only, never a body.

Examples
--------
>>> check_url("http://127.0.0.1:9093/api/v2/alerts")
>>> try:
...     check_url("http://alerts.example.net/api/v2/alerts")
... except ValueError as exc:
...     print(str(exc).split(";")[0])
refusing plain HTTP to a host that is not this machine
>>> backoff_delays(4, base=0.5, cap=30.0, jitter=False)
[0.5, 1.0, 2.0, 4.0]
"""

from __future__ import annotations

import ipaddress
import json
import os
import random
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from anomaly.export.config import AlertingConfig, load_alerting_config
from anomaly.export.outbox import Outbox

__all__ = [
    "Delivery",
    "DeliveryReport",
    "backoff_delays",
    "check_url",
    "deliver_pending",
    "post_json",
]

_RETRY_STATUS = {408, 429}
_USER_AGENT = "faultline-alerts/1"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, allow_insecure_http: bool = False) -> None:
    """Refuse URLs that are not http(s), and plain HTTP beyond loopback unless allowed.

    Raises
    ------
    ValueError
        With what to do instead.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            "alert target URLs must be http:// or https:// URLs with a host; check the "
            "target's url in the alerting config or --url"
        )
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise ValueError(
            "refusing plain HTTP to a host that is not this machine; use https://, or pass "
            "--allow-insecure-http (allow_insecure_http=True) if the network path is trusted"
        )


def backoff_delays(
    retries: int, *, base: float, cap: float, jitter: bool = True, rng: random.Random | None = None
) -> list[float]:
    """Sleeps before each retry: ``min(cap, base * 2**i)``, with full jitter a uniform
    draw in ``[0, that]`` (so clients that failed together do not retry together)."""
    out = []
    for i in range(retries):
        ceiling = min(cap, base * 2**i)
        out.append((rng or random).uniform(0, ceiling) if jitter else ceiling)
    return out


@dataclass(frozen=True)
class Delivery:
    """The outcome of one :func:`post_json` call.

    Attributes
    ----------
    is_ok : bool
        A 2xx answer was received.
    status : int or None
        The last HTTP status (None when no answer came).
    attempts : int
        Requests made.
    error : str or None
        What went wrong (status code or network failure kind), without any body.
    is_permanent : bool
        The target refused the request itself (a 4xx that is not 408/429).
    """

    is_ok: bool
    status: int | None
    attempts: int
    error: str | None = None
    is_permanent: bool = False


def post_json(
    url: str,
    body: Any,
    *,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10.0,
    retries: int = 4,
    backoff_base: float = 0.5,
    backoff_max: float = 30.0,
    allow_insecure_http: bool = False,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> Delivery:
    """POST ``body`` as JSON, retrying transient failures with backoff and jitter.

    Parameters
    ----------
    url : str
        The endpoint.
    body : object
        JSON-serialisable body.
    headers : Mapping, optional
        Extra headers (an ``Authorization`` header, say).
    timeout : float
        Seconds for each request (connect and read).
    retries : int
        Retries after the first attempt.
    backoff_base, backoff_max : float
        The backoff's first ceiling and its cap, in seconds.
    allow_insecure_http : bool
        Allow plain HTTP to hosts other than loopback.
    sleep, rng
        Injected in tests.

    Returns
    -------
    Delivery
    """
    check_url(url, allow_insecure_http=allow_insecure_http)
    data = json.dumps(body, separators=(",", ":"), default=str).encode("utf-8")
    hdrs = {"Content-Type": "application/json", "Accept": "application/json",
            "User-Agent": _USER_AGENT}
    hdrs.update(headers or {})
    delays = backoff_delays(retries, base=backoff_base, cap=backoff_max, rng=rng)
    status: int | None = None
    error: str | None = None
    for attempt in range(retries + 1):
        req = urllib.request.Request(url, data=data, headers=hdrs, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (checked)
                resp.read()
                status = resp.status
            if 200 <= status < 300:
                return Delivery(True, status, attempt + 1)
            error = f"HTTP {status}"
        except urllib.error.HTTPError as exc:
            status = exc.code
            exc.close()
            error = f"HTTP {status}"
            if 400 <= status < 500 and status not in _RETRY_STATUS:
                return Delivery(False, status, attempt + 1, error, is_permanent=True)
        except TimeoutError:
            status, error = None, f"timed out after {timeout:g} s"
        except urllib.error.URLError as exc:
            status = None
            reason = exc.reason
            error = f"network error: {type(reason).__name__}" if not isinstance(reason, str) else "network error"
            if isinstance(reason, TimeoutError):
                error = f"timed out after {timeout:g} s"
        except (ConnectionError, OSError) as exc:
            status, error = None, f"network error: {type(exc).__name__}"
        if attempt < retries:
            sleep(delays[attempt])
    return Delivery(False, status, retries + 1, error)


@dataclass
class DeliveryReport:
    """What :func:`deliver_pending` did, per target.

    Attributes
    ----------
    delivered, failed, rejected, deferred : dict
        target -> number of messages. ``failed`` messages stay pending for the next
        run; ``deferred`` ones were not tried this run because their target was
        unreachable; ``rejected`` ones were refused by the target (kept, not retried).
    errors : dict
        target -> the last error text.
    """

    delivered: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    deferred: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def is_complete(self) -> bool:
        """Whether every pending message was delivered."""
        return not (self.failed or self.rejected or self.deferred)


def _bump(d: dict[str, int], key: str) -> None:
    d[key] = d.get(key, 0) + 1


def _headers(target: str, cfg: AlertingConfig, env: Mapping[str, str]) -> dict[str, str]:
    if target == "opsgenie":
        var = cfg.targets["opsgenie"]["api_key_env"]
        key = env.get(var)
        if not key:
            raise ValueError(
                f"sending to Opsgenie needs its API key in the environment variable {var}; "
                "set it (or targets.opsgenie.api_key_env in the alerting config)"
            )
        return {"Authorization": f"GenieKey {key}"}
    return {}


def deliver_pending(
    outbox: Outbox,
    *,
    config: AlertingConfig | None = None,
    urls: Mapping[str, str] | None = None,
    targets: Any = None,
    allow_insecure_http: bool = False,
    post: Callable[..., Delivery] = post_json,
    env: Mapping[str, str] | None = None,
) -> DeliveryReport:
    """Send the outbox's pending messages, oldest first, and record each outcome.

    A target whose message failed after all retries is not tried again this run (its
    remaining messages are ``deferred``), so an endpoint that is down costs one
    message's retries, not all of them. Alertmanager messages go in batches of
    ``delivery.alertmanager_batch_size`` alerts per request (its API takes a list). Nothing is dropped: what was not delivered
    stays pending for the next run.

    Parameters
    ----------
    outbox : Outbox
        The outbox to drain.
    config : AlertingConfig, optional
        URLs (``targets.<name>.url``) and delivery settings.
    urls : Mapping, optional
        target -> URL, overriding the config.
    targets : collection of str, optional
        Only these targets (default all that have pending messages).
    allow_insecure_http : bool
        Allow plain HTTP beyond loopback.
    post : callable
        :func:`post_json` or a stand-in with its signature (tests).
    env : Mapping, optional
        Where API keys are read from (default ``os.environ``).

    Returns
    -------
    DeliveryReport
    """
    cfg = config or load_alerting_config()
    env = os.environ if env is None else env
    d = cfg.delivery
    report = DeliveryReport()
    down: set[str] = set()
    checked: dict[str, str] = {}
    batch_size = max(1, int(d["alertmanager_batch_size"]))
    rows = [r for r in outbox.pending() if targets is None or r.target in targets]
    # Everything a target needs (URL policy, API key) is checked before anything is sent.
    headers: dict[str, dict[str, str]] = {}
    for target in dict.fromkeys(r.target for r in rows):
        url = (urls or {}).get(target) or cfg.targets[target]["url"]
        check_url(url, allow_insecure_http=allow_insecure_http)
        checked[target] = url
        headers[target] = _headers(target, cfg, env)
    # Alertmanager takes a list of alerts per request: send its messages in batches.
    units: list[list[Any]] = []
    am: list[Any] = []
    for row in rows:
        if row.target == "alertmanager":
            if len(am) == batch_size:
                am = []
            if not am:
                units.append(am)
            am.append(row)
        else:
            units.append([row])
    for unit in units:
        target = unit[0].target
        if target in down:
            report.deferred[target] = report.deferred.get(target, 0) + len(unit)
            continue
        body = [a for r in unit for a in r.body] if target == "alertmanager" else unit[0].body
        result = post(
            checked[target] + unit[0].path,
            body,
            headers=headers[target],
            timeout=float(d["timeout_seconds"]),
            retries=int(d["retries"]),
            backoff_base=float(d["backoff_base_seconds"]),
            backoff_max=float(d["backoff_max_seconds"]),
            allow_insecure_http=allow_insecure_http,
        )
        for row in unit:
            if result.is_ok:
                outbox.mark_delivered(row.id)
                _bump(report.delivered, target)
                continue
            outbox.mark_failed(row.id, result.error or "failed", is_permanent=result.is_permanent)
            _bump(report.rejected if result.is_permanent else report.failed, target)
        if not result.is_ok:
            report.errors[target] = result.error or "failed"
            if not result.is_permanent:
                down.add(target)
    return report
