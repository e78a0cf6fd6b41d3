"""Delivery: the outbox, retries with backoff, endpoint down, the command line.

PagerDuty and Opsgenie are cloud APIs: a local HTTP server stands in for them and
records what it receives.
"""

from __future__ import annotations

import json
import random
import socket
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from anomaly.cli import main
from anomaly.export import Outbox, build_alerts, deliver_pending, post_json, send_alerts
from anomaly.export.dispatch import queue_alerts
from anomaly.export.send import backoff_delays, check_url

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
T0 = datetime(2026, 3, 1, 11, 0)


def ep(**kw):
    base = dict(incident_id="inc-A", episode_id="ep-1", service="checkout", start=T0, end=None,
                is_open=True, severity="P1", team="payments", root_service="checkout",
                kind="cascading", escalation={"pagerduty": "pd-payments", "opsgenie": "payments-team"})
    base.update(kw)
    return base


EPISODES = [
    ep(),
    ep(episode_id="ep-2", service="payments"),
    ep(incident_id="inc-C", episode_id="ep-5", service="search", severity="P2", team="discovery",
       root_service="search", escalation={"pagerduty": "pd-discovery", "opsgenie": "discovery-team"}),
]


class Recorder:
    """A local stand-in for a cloud alert API: records requests, answers with a status
    from a script (default 202)."""

    def __init__(self, statuses=None, port=0):
        self.requests: list[tuple[str, dict, dict]] = []
        self.statuses = list(statuses or [])
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                n = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(n) or b"null")
                status = rec.statuses.pop(0) if rec.statuses else 202
                if status < 300:
                    rec.requests.append((self.path, body, dict(self.headers)))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"status": "success"}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fast(cfg_overrides=None):
    from anomaly.export import load_alerting_config

    over = {"delivery": {"retries": 2, "backoff_base_seconds": 0.01, "backoff_max_seconds": 0.02,
                         "timeout_seconds": 2}}
    over.update(cfg_overrides or {})
    return load_alerting_config(overrides=over)


# -- backoff and URL policy -------------------------------------------------------------


def test_backoff_doubles_to_a_cap_and_jitter_stays_below_it():
    assert backoff_delays(6, base=0.5, cap=4.0, jitter=False) == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    rng = random.Random(3)
    got = backoff_delays(6, base=0.5, cap=4.0, rng=rng)
    assert all(0 <= d <= c for d, c in zip(got, [0.5, 1.0, 2.0, 4.0, 4.0, 4.0], strict=True))
    assert len(set(got)) == 6


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://[::1]:9/x",
                                 "https://events.pagerduty.com/v2/enqueue"])
def test_allowed_urls(url):
    check_url(url)


@pytest.mark.parametrize("url", ["http://10.0.0.5:9093/api/v2/alerts", "http://alerts.corp/x",
                                 "ftp://127.0.0.1/x", "127.0.0.1:9093"])
def test_refused_urls(url):
    with pytest.raises(ValueError):
        check_url(url)
    if url.startswith("http://"):
        check_url(url, allow_insecure_http=True)


# -- post_json --------------------------------------------------------------------------


def test_post_retries_5xx_and_429_then_succeeds():
    sleeps: list[float] = []
    with Recorder(statuses=[503, 429, 202]) as api:
        d = post_json(api.url + "/v2/enqueue", {"a": 1}, retries=3, backoff_base=0.1,
                      sleep=sleeps.append, rng=random.Random(0))
    assert d.is_ok and d.attempts == 3 and d.status == 202
    assert len(sleeps) == 2 and sleeps[0] <= 0.1 and sleeps[1] <= 0.2
    assert api.requests == [("/v2/enqueue", {"a": 1}, api.requests[0][2])]


def test_post_does_not_retry_a_400():
    sleeps: list[float] = []
    with Recorder(statuses=[400]) as api:
        d = post_json(api.url, {"a": 1}, retries=3, sleep=sleeps.append)
    assert not d.is_ok and d.is_permanent and d.attempts == 1 and d.error == "HTTP 400"
    assert sleeps == []


def test_post_to_a_closed_port_fails_after_retries_without_raising():
    sleeps: list[float] = []
    d = post_json(f"http://127.0.0.1:{_free_port()}/x", {"a": 1}, retries=2, sleep=sleeps.append,
                  timeout=1)
    assert not d.is_ok and d.status is None and d.attempts == 3 and len(sleeps) == 2
    assert d.error.startswith("network error")


def test_post_times_out():
    hang = socket.socket()
    hang.bind(("127.0.0.1", 0))
    hang.listen(1)  # accepts the connection, never answers
    try:
        d = post_json(f"http://127.0.0.1:{hang.getsockname()[1]}/x", {}, retries=0, timeout=0.3)
    finally:
        hang.close()
    assert not d.is_ok and "timed out" in d.error


# -- outbox -----------------------------------------------------------------------------


def test_outbox_supersedes_and_skips_unchanged(tmp_path):
    box = Outbox(tmp_path / "o.sqlite")
    plan = build_alerts(EPISODES, targets=["pagerduty"], now=NOW)
    assert queue_alerts(plan, box, now=NOW) == 2
    assert queue_alerts(plan, box, now=NOW) == 0  # unchanged
    closed = [dict(e, is_open=False, end=T0 + timedelta(minutes=30)) for e in EPISODES]
    plan2 = build_alerts(closed, targets=["pagerduty"], now=NOW)
    assert queue_alerts(plan2, box, now=NOW) == 2
    # the undelivered triggers were superseded by the resolves: one pending per alert
    assert [(r.dedup_key, r.action) for r in box.pending()] == [
        ("faultline-inc-A", "resolve"), ("faultline-inc-C", "resolve")]
    assert box.counts() == {"pending": 2, "superseded": 2}
    box.close()


def test_endpoint_down_nothing_lost_next_run_delivers_once(tmp_path):
    cfg = _fast()
    port = _free_port()
    urls = {"pagerduty": f"http://127.0.0.1:{port}/v2/enqueue",
            "opsgenie": f"http://127.0.0.1:{port}/v2/alerts"}
    env = {"OPSGENIE_API_KEY": "test-key"}
    with Outbox(tmp_path / "o.sqlite") as box:
        plan, queued, report = send_alerts(EPISODES, outbox=box, targets=["pagerduty", "opsgenie"],
                                           config=cfg, urls=urls, now=NOW, env=env)
        assert queued == 4 and not report.is_complete
        # one message per target was tried (and failed), the rest deferred: none lost
        assert report.failed == {"pagerduty": 1, "opsgenie": 1}
        assert report.deferred == {"pagerduty": 1, "opsgenie": 1}
        assert box.counts() == {"pending": 4}
        assert all("network error" in (r.last_error or "network error") for r in box.pending())

    # the endpoint comes back (same port); the next run, on unchanged episodes, sends
    # each message exactly once
    with Recorder(port=port) as api, Outbox(tmp_path / "o.sqlite") as box:
        _, queued, report = send_alerts(EPISODES, outbox=box, targets=["pagerduty", "opsgenie"],
                                        config=cfg, urls=urls, now=NOW + timedelta(minutes=5),
                                        env=env)
        assert queued == 0 and report.is_complete
        assert report.delivered == {"pagerduty": 2, "opsgenie": 2}
        assert box.counts() == {"delivered": 4}
        # a third run sends nothing more
        _, queued, report = send_alerts(EPISODES, outbox=box, targets=["pagerduty", "opsgenie"],
                                        config=cfg, urls=urls, now=NOW + timedelta(minutes=10),
                                        env=env)
        assert queued == 0 and report.delivered == {}
    keys = sorted((p.split("/")[2], b.get("dedup_key") or b.get("alias")) for p, b, _ in api.requests)
    assert keys == [("alerts", "faultline-inc-A"), ("alerts", "faultline-inc-C"),
                    ("enqueue", "faultline-inc-A"), ("enqueue", "faultline-inc-C")]
    og_headers = [h for p, _, h in api.requests if p.endswith("/alerts")]
    assert all(h["Authorization"] == "GenieKey test-key" for h in og_headers)


def test_resolve_follows_trigger_and_rejected_messages_are_kept(tmp_path):
    cfg = _fast()
    with Recorder(statuses=[202, 202, 400]) as api, Outbox(tmp_path / "o.sqlite") as box:
        urls = {"pagerduty": api.url + "/v2/enqueue"}
        send_alerts(EPISODES[:2], outbox=box, targets=["pagerduty"], config=cfg, urls=urls, now=NOW)
        closed = [dict(e, is_open=False, end=T0 + timedelta(minutes=20)) for e in EPISODES[:2]]
        _, _, report = send_alerts(closed, outbox=box, targets=["pagerduty"], config=cfg, urls=urls,
                                   now=NOW)
        assert [b["event_action"] for _, b, _ in api.requests] == ["trigger", "resolve"]
        # a 400 is kept as rejected, not retried, and reported
        plan = build_alerts([ep(incident_id="inc-Z")], targets=["pagerduty"], now=NOW)
        queue_alerts(plan, box, now=NOW)
        report = deliver_pending(box, config=cfg, urls=urls)
        assert report.rejected == {"pagerduty": 1} and report.errors["pagerduty"] == "HTTP 400"
        assert box.counts() == {"delivered": 2, "rejected": 1}


def test_opsgenie_without_api_key_says_which_variable(tmp_path):
    with Outbox(tmp_path / "o.sqlite") as box, pytest.raises(ValueError, match="OPSGENIE_API_KEY"):
        send_alerts(EPISODES, outbox=box, targets=["opsgenie"], config=_fast(),
                    urls={"opsgenie": "http://127.0.0.1:9/v2/alerts"}, now=NOW, env={})


# -- command line ---------------------------------------------------------------------


def _episode_file(tmp_path, rows):
    import polars as pl

    frame = pl.DataFrame([dict(r, escalation=json.dumps(r["escalation"])) for r in rows])
    path = tmp_path / "episodes.parquet"
    frame.write_parquet(path)
    return path


def test_cli_dry_run_prints_payloads(tmp_path):
    path = _episode_file(tmp_path, EPISODES)
    res = CliRunner().invoke(main, ["alerts", "--episodes", str(path), "--target", "pagerduty",
                                    "--now", "2026-03-01T12:00:00Z"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(x["target"], x["dedup_key"], x["action"]) for x in lines] == [
        ("pagerduty", "faultline-inc-A", "trigger"), ("pagerduty", "faultline-inc-C", "trigger")]
    assert not (tmp_path / "outbox.sqlite").exists()


def test_cli_send_refuses_plain_http_beyond_loopback(tmp_path):
    path = _episode_file(tmp_path, EPISODES)
    res = CliRunner().invoke(main, ["alerts", "--episodes", str(path), "--send", "--target",
                                    "alertmanager", "--url",
                                    "alertmanager=http://alerts.corp.invalid/api/v2/alerts",
                                    "--outbox", str(tmp_path / "o.sqlite")])
    assert res.exit_code != 0 and "refusing plain HTTP" in res.output
    assert not (tmp_path / "o.sqlite").exists()


def test_cli_send_reports_failure_and_keeps_the_outbox(tmp_path):
    path = _episode_file(tmp_path, EPISODES)
    cfg = tmp_path / "alerting.yaml"
    cfg.write_text("delivery: {retries: 1, backoff_base_seconds: 0.01, timeout_seconds: 1}\n")
    args = ["alerts", "--episodes", str(path), "--send", "--target", "pagerduty", "--config",
            str(cfg), "--outbox", str(tmp_path / "o.sqlite"), "--now", "2026-03-01T12:00:00Z"]
    port = _free_port()
    res = CliRunner().invoke(main, [*args, "--url", f"pagerduty=http://127.0.0.1:{port}/v2/enqueue"])
    assert res.exit_code == 1 and "stay in the outbox" in res.output
    assert "outbox: pending 2" in res.output
    with Recorder() as api:
        res = CliRunner().invoke(main, [*args, "--url", f"pagerduty={api.url}/v2/enqueue"])
    assert res.exit_code == 0, res.output
    assert "pagerduty: delivered 2" in res.output and len(api.requests) == 2


def test_alertmanager_messages_go_in_batches(tmp_path):
    cfg = _fast({"delivery": {"alertmanager_batch_size": 2, "retries": 0}})
    eps = [ep(episode_id=f"e{i}", service=f"svc-{i}") for i in range(3)]
    with Recorder() as api, Outbox(tmp_path / "o.sqlite") as box:
        _, queued, report = send_alerts(eps, outbox=box, targets=["alertmanager"], config=cfg,
                                        urls={"alertmanager": api.url + "/api/v2/alerts"}, now=NOW)
    assert queued == 3 and report.delivered == {"alertmanager": 3}
    assert [len(b) for _, b, _ in api.requests] == [2, 1]
    assert sorted(a["labels"]["service"] for _, b, _ in api.requests for a in b) == [
        "svc-0", "svc-1", "svc-2"]


def test_severity_change_retracts_the_old_alertmanager_label_set(tmp_path):
    with Outbox(tmp_path / "o.sqlite") as box:
        queue_alerts(build_alerts([ep(severity="P3")], targets=["alertmanager"], now=NOW), box,
                     now=NOW)
        for r in box.pending():
            box.mark_delivered(r.id)
        later = NOW + timedelta(minutes=5)
        queue_alerts(build_alerts([ep(severity="P1")], targets=["alertmanager"], now=later), box,
                     now=later)
        got = [(r.action, r.body[0]["labels"]["severity"], r.body[0]["endsAt"]) for r in box.pending()]
    # the warning-labelled alert is resolved (a minute back, against clock skew); the
    # critical one fires
    assert got == [("resolve", "warning", "2026-03-01T12:04:00Z"),
                   ("trigger", "critical", "2026-03-01T13:05:00Z")]


def test_open_alertmanager_alerts_are_renewed_once_half_the_lease_is_used(tmp_path):
    eps = [ep()]
    with Outbox(tmp_path / "o.sqlite") as box:
        def run(minutes):
            t = NOW + timedelta(minutes=minutes)
            n = queue_alerts(build_alerts(eps, targets=["alertmanager"], now=t), box, now=t)
            for r in box.pending():
                box.mark_delivered(r.id)
            return n

        # lease 60 min: sent at 0, fresh until 30, renewed at 31, fresh again until 61
        assert [run(m) for m in (0, 5, 29, 31, 45, 60, 62)] == [1, 0, 0, 1, 0, 0, 1]
        # a change (severity) goes out at once, with a retraction of the old label set
        eps[0]["severity"] = "P3"
        assert run(63) == 2


def test_a_resolved_alertmanager_alert_is_not_resent_when_its_incident_moves_on(tmp_path):
    end = T0 + timedelta(minutes=30)
    eps = [ep(is_open=False, end=end), ep(episode_id="ep-2", service="payments")]
    with Outbox(tmp_path / "o.sqlite") as box:
        assert queue_alerts(build_alerts(eps, targets=["alertmanager"], now=NOW), box, now=NOW) == 2
        # payments joins a new service in the incident: checkout's resolve annotations
        # would change, but it is resolved already: only the open alerts are re-queued
        eps.append(ep(episode_id="ep-3", service="cart"))
        plan = build_alerts(eps, targets=["alertmanager"], now=NOW)
        assert queue_alerts(plan, box, now=NOW) == 2
        assert sorted((r.dedup_key, r.action) for r in box.pending()) == [
            ("faultline-inc-A-cart", "trigger"), ("faultline-inc-A-checkout", "resolve"),
            ("faultline-inc-A-payments", "trigger")]


def test_a_missing_api_key_stops_the_run_before_anything_is_sent(tmp_path):
    with Recorder() as api, Outbox(tmp_path / "o.sqlite") as box:
        urls = {"pagerduty": api.url + "/v2/enqueue", "opsgenie": api.url + "/v2/alerts"}
        with pytest.raises(ValueError, match="OPSGENIE_API_KEY"):
            send_alerts(EPISODES, outbox=box, targets=["pagerduty", "opsgenie"], config=_fast(),
                        urls=urls, now=NOW, env={})
        assert api.requests == [] and box.counts() == {"pending": 4}
