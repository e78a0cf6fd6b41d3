"""A real Alertmanager on 127.0.0.1 receives faultline's alerts, groups them by incident,
routes them by team, dedups a re-send and resolves them."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from anomaly.export import Outbox, load_alerting_config, send_alerts

BINARY = "prometheus-alertmanager"
T0 = datetime(2026, 3, 1, 11, 0)


def _binary() -> str:
    path = shutil.which(BINARY) or shutil.which("alertmanager")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{BINARY} is missing in CI: run scripts/system-deps.sh (make test does)")
        pytest.skip(f"{BINARY} not installed (Debian package prometheus-alertmanager; "
                    "scripts/system-deps.sh installs it)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Webhook:
    """Alertmanager's webhook receiver: records notifications."""

    def __init__(self):
        self.notifications: list[dict] = []
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                n = int(self.headers.get("Content-Length", 0))
                rec.notifications.append(json.loads(self.rfile.read(n)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def alertmanager(tmp_path):
    binary = _binary()
    hook = Webhook()
    port = _free_port()
    config = tmp_path / "alertmanager.yml"
    receivers = ["default", "payments", "discovery"]
    config.write_text(json.dumps({  # JSON is YAML
        "route": {
            "receiver": "default", "group_by": ["incident_id"],
            "group_wait": "1s", "group_interval": "1s", "repeat_interval": "1h",
            "routes": [{"matchers": [f'team="{t}"'], "receiver": t} for t in receivers[1:]],
        },
        "receivers": [{"name": r, "webhook_configs": [{"url": hook.url, "send_resolved": True}]}
                      for r in receivers],
    }))
    log = open(tmp_path / "alertmanager.log", "wb")  # noqa: SIM115 (closed in teardown)
    proc = subprocess.Popen(
        [binary, f"--config.file={config}", f"--web.listen-address=127.0.0.1:{port}",
         "--cluster.listen-address=", f"--storage.path={tmp_path / 'am-data'}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "/-/ready", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("Alertmanager did not start:\n"
                            + (tmp_path / "alertmanager.log").read_text()[-2000:])
            time.sleep(0.1)
        yield base, hook
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()
        hook.close()


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read())


def _wait(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def ep(**kw):
    base = dict(incident_id="inc-A", episode_id="ep-1", service="checkout", start=T0, end=None,
                is_open=True, severity="P1", team="payments", root_service="checkout",
                kind="cascading", escalation={})
    base.update(kw)
    return base


EPISODES = [
    ep(),
    ep(episode_id="ep-2", service="payments"),
    ep(episode_id="ep-3", service="cart", severity="P3", team="shopping"),  # folded into A
    ep(incident_id="inc-C", episode_id="ep-5", service="search", severity="P2",
       team="discovery", root_service="search", kind="persistent"),
]


def test_alertmanager_receives_groups_dedups_and_resolves(alertmanager, tmp_path):
    base, hook = alertmanager
    cfg = load_alerting_config(overrides={"delivery": {"retries": 2, "backoff_base_seconds": 0.1}})
    url = {"alertmanager": base + "/api/v2/alerts"}
    now = datetime.now(UTC).replace(microsecond=0)
    # episodes that started a little before now (Alertmanager ignores alerts from the future)
    eps = [dict(e, start=(now - timedelta(minutes=10)).replace(tzinfo=None)) for e in EPISODES]

    with Outbox(tmp_path / "o.sqlite") as box:
        _, queued, report = send_alerts(eps, outbox=box, targets=["alertmanager"], config=cfg,
                                        urls=url, now=now)
        assert queued == 3 and report.delivered == {"alertmanager": 3}

        alerts = _get(base + "/api/v2/alerts")
        got = sorted((a["labels"]["incident_id"], a["labels"]["service"], a["labels"]["team"],
                      a["labels"]["severity"], a["labels"]["priority"], a["status"]["state"])
                     for a in alerts)
        assert got == [
            ("inc-A", "checkout", "payments", "critical", "P1", "active"),
            ("inc-A", "payments", "payments", "critical", "P1", "active"),
            ("inc-C", "search", "discovery", "critical", "P2", "active"),
        ]
        assert all(a["labels"]["alertname"] == "FaultlineIncident" for a in alerts)
        checkout = next(a for a in alerts if a["labels"]["service"] == "checkout")
        assert checkout["annotations"]["suppressed"] == "cart (P3)"
        assert [r["name"] for r in checkout["receivers"]] == ["payments"]

        # grouped by incident, routed by team
        groups = _get(base + "/api/v2/alerts/groups")
        shape = sorted((g["labels"]["incident_id"], g["receiver"]["name"],
                        sorted(a["labels"]["service"] for a in g["alerts"])) for g in groups)
        assert shape == [("inc-A", "payments", ["checkout", "payments"]),
                         ("inc-C", "discovery", ["search"])]
        firing = _wait(lambda: {n["groupLabels"]["incident_id"]: n for n in hook.notifications
                                if n["status"] == "firing"}.keys() >= {"inc-A", "inc-C"})
        assert firing, hook.notifications
        note_a = _wait(lambda: [n for n in hook.notifications
                                if n["groupLabels"] == {"incident_id": "inc-A"}
                                and len(n["alerts"]) == 2])
        assert note_a and note_a[0]["receiver"] == "payments", hook.notifications

        # the next run on unchanged episodes sends nothing (the lease is still fresh) ...
        fingerprints = sorted(a["fingerprint"] for a in alerts)
        _, queued, report = send_alerts(eps, outbox=box, targets=["alertmanager"], config=cfg,
                                        urls=url, now=now + timedelta(minutes=5))
        assert queued == 0 and report.delivered == {}
        # ... and once half the lease is used the alerts are re-sent: Alertmanager
        # updates the same alerts, no duplicates
        _, queued, report = send_alerts(eps, outbox=box, targets=["alertmanager"], config=cfg,
                                        urls=url, now=now + timedelta(minutes=31))
        assert report.delivered == {"alertmanager": 3}
        again = _get(base + "/api/v2/alerts")
        assert sorted(a["fingerprint"] for a in again) == fingerprints
        assert {a["endsAt"][:16] for a in again} == {
            (now + timedelta(minutes=91)).strftime("%Y-%m-%dT%H:%M")}

        # the incidents close: the alerts resolve and the receivers hear of it
        end = (now - timedelta(seconds=30)).replace(tzinfo=None)
        closed = [dict(e, is_open=False, end=end) for e in eps]
        _, queued, report = send_alerts(closed, outbox=box, targets=["alertmanager"], config=cfg,
                                        urls=url, now=now + timedelta(minutes=32))
        # closed episodes are never folded: cart's resolve goes out too (harmless there)
        assert report.delivered == {"alertmanager": 4}
        assert _wait(lambda: _get(base + "/api/v2/alerts?active=true") == [])
        resolved = _wait(lambda: {n["groupLabels"]["incident_id"] for n in hook.notifications
                                  if n["status"] == "resolved"} >= {"inc-A", "inc-C"})
        assert resolved, [(n["groupLabels"], n["status"]) for n in hook.notifications]


def test_alert_folded_later_is_retracted(alertmanager, tmp_path):
    """An alert sent on its own, later folded into a cascade, is resolved in Alertmanager
    instead of lingering until its lease runs out."""
    base, _ = alertmanager
    cfg = load_alerting_config(overrides={"delivery": {"retries": 1, "backoff_base_seconds": 0.1}})
    url = {"alertmanager": base + "/api/v2/alerts"}
    now = datetime.now(UTC).replace(microsecond=0)
    start = (now - timedelta(minutes=5)).replace(tzinfo=None)
    lone = [ep(incident_id="inc-B", episode_id="b1", service="cart", severity="P4",
               team="shopping", root_service="cart", start=start)]
    with Outbox(tmp_path / "o.sqlite") as box:
        send_alerts(lone, outbox=box, targets=["alertmanager"], config=cfg, urls=url, now=now)
        assert [a["labels"]["service"] for a in _get(base + "/api/v2/alerts")] == ["cart"]
        cascade = lone + [ep(episode_id="a1", start=start), ep(episode_id="a2", service="cart",
                                                                 team="shopping", start=start)]
        _, _, report = send_alerts(cascade, outbox=box, targets=["alertmanager"], config=cfg,
                                   urls=url, now=now)
        assert report.is_complete
    active = _wait(lambda: sorted(
        (a["labels"]["incident_id"], a["labels"]["service"])
        for a in _get(base + "/api/v2/alerts?active=true")) == [("inc-A", "cart"), ("inc-A", "checkout")])
    assert active, [(a["labels"], a["endsAt"], a["status"]) for a in _get(base + "/api/v2/alerts")]
