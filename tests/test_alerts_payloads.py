"""Alert payloads: dedup keys, severity maps, routing, fatigue control, schemas, no leaks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anomaly.export import build_alerts, load_alerting_config, plan_suppression
from anomaly.export.episodes import read_episodes
from anomaly.export.payloads import ALERTNAME, alertmanager_key, dedup_key

SCHEMAS = Path(__file__).parent / "schemas"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
T0 = datetime(2026, 3, 1, 11, 0)


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


PD = _validator("pagerduty_events_v2.json")
OG = _validator("opsgenie_alert.json")


def ep(**kw):
    base = dict(
        incident_id="inc-A", episode_id="ep-1", service="checkout", component=None,
        start=T0, end=None, is_open=True, kind="cascading", is_retry_storm=False,
        is_flapping=False, state="failed", severity="P1", action="page",
        root_service="checkout", team="payments",
        escalation=json.dumps({"pagerduty": "pd-payments-primary", "opsgenie": "payments-team",
                               "slack": "#payments-oncall"}),
        fingerprints=["fp1", "fp2"], version="1.4.2", score=0.97,
        evidence=json.dumps({"top_features": ["rate_5xx"]}), count_errors=120,
        count_users_affected=40, updated_at=T0,
    )
    base.update(kw)
    return base


def cascade():
    """Incident A: checkout (P1, root) -> payments (P1) and cart (P3); incident B is a
    separate weaker detection on cart (P4); incident C a lone P2 on search."""
    return [
        ep(),
        ep(episode_id="ep-2", service="payments", severity="P1", team="payments",
           escalation=json.dumps({"pagerduty": "pd-payments-primary", "opsgenie": "payments-team"})),
        ep(episode_id="ep-3", service="cart", severity="P3", team="shopping", action="ticket",
           escalation=json.dumps({"pagerduty": "pd-shopping-primary", "opsgenie": "shopping-team"})),
        ep(incident_id="inc-B", episode_id="ep-4", service="cart", severity="P4", kind="transient",
           root_service="cart", team="shopping", start=T0 + timedelta(minutes=5),
           escalation=json.dumps({"pagerduty": "pd-shopping-primary", "opsgenie": "shopping-team"})),
        ep(incident_id="inc-C", episode_id="ep-5", service="search", severity="P2",
           kind="persistent", root_service="search", team="discovery",
           escalation=json.dumps({"pagerduty": "pd-discovery-primary", "opsgenie": "discovery-team"})),
    ]


# -- fatigue ------------------------------------------------------------------------


def test_fatigue_folds_lower_severity_services_of_an_active_cascade():
    s = plan_suppression(read_episodes(cascade()))
    # cart's P3 (own incident) and cart's P4 (other incident) fold into A (P1);
    # payments is P1 like A: never suppressed; search is outside A.
    assert s.suppressed_by == {"ep-3": "inc-A", "ep-4": "inc-A"}
    assert [e["episode_id"] for e in s.listed["inc-A"]] == ["ep-3", "ep-4"]


def test_fatigue_needs_an_active_multi_service_incident():
    rows = cascade()
    closed = [dict(r, is_open=False, end=T0 + timedelta(minutes=30)) if r["incident_id"] == "inc-A"
              else r for r in rows]
    assert plan_suppression(read_episodes(closed)).suppressed_by == {}
    single = [r for r in rows if r["service"] != "payments" and r["service"] != "checkout"]
    # incident A is now cart alone: one service does not absorb anything
    assert plan_suppression(read_episodes(single)).suppressed_by == {}
    # a threshold of three services: A (3 services) still absorbs
    assert plan_suppression(read_episodes(rows), min_services=3).suppressed_by == {
        "ep-3": "inc-A", "ep-4": "inc-A"}
    assert plan_suppression(read_episodes(rows), min_services=4).suppressed_by == {}


def test_fatigue_is_independent_of_row_order():
    rows = cascade()
    a = plan_suppression(read_episodes(rows))
    b = plan_suppression(read_episodes(list(reversed(rows))))
    assert a.suppressed_by == b.suppressed_by


def test_incident_folded_into_a_worse_one_passes_its_items_on():
    # D (P2, cart+inventory) lies inside E (P1, cart+inventory+checkout): D's P2 lead is
    # folded into E, so D's P4 inventory episode goes to E as well, not to D.
    rows = [
        ep(incident_id="E", episode_id="e1", service="checkout", severity="P1"),
        ep(incident_id="E", episode_id="e2", service="cart", severity="P1"),
        ep(incident_id="E", episode_id="e3", service="inventory", severity="P1"),
        ep(incident_id="D", episode_id="d1", service="cart", severity="P2"),
        ep(incident_id="D", episode_id="d2", service="inventory", severity="P4"),
    ]
    s = plan_suppression(read_episodes(rows))
    assert s.suppressed_by == {"d1": "E", "d2": "E"}
    assert "D" not in s.listed


# -- Alertmanager ---------------------------------------------------------------------


def test_alertmanager_one_alert_per_visible_episode_with_incident_labels():
    plan = build_alerts(cascade(), targets=["alertmanager"], now=NOW)
    got = {(m.body[0]["labels"]["incident_id"], m.body[0]["labels"]["service"]):
           m.body[0]["labels"] for m in plan.messages}
    assert set(got) == {("inc-A", "checkout"), ("inc-A", "payments"), ("inc-C", "search")}
    assert got[("inc-A", "checkout")] == {
        "alertname": ALERTNAME, "incident_id": "inc-A", "service": "checkout",
        "team": "payments", "severity": "critical", "priority": "P1"}
    assert got[("inc-C", "search")]["severity"] == "critical"  # P2 -> critical
    ann = plan.messages[0].body[0]["annotations"]
    assert ann["suppressed"] == "cart (P3), cart (P4)"
    assert ann["incident_services"] == "checkout, payments"
    assert ann["runbook_url"].endswith("#faultlineincident")
    # open: endsAt is now + the 60-minute lease; startsAt the episode start
    assert plan.messages[0].body[0]["startsAt"] == "2026-03-01T11:00:00Z"
    assert plan.messages[0].body[0]["endsAt"] == "2026-03-01T13:00:00Z"


def test_alertmanager_resolve_carries_the_real_end_and_the_same_labels():
    rows = cascade()
    open_plan = build_alerts(rows, targets=["alertmanager"], now=NOW)
    end = T0 + timedelta(minutes=42)
    closed = [dict(r, is_open=False, end=end) for r in rows]
    closed_plan = build_alerts(closed, targets=["alertmanager"], now=NOW)
    by_key = {m.dedup_key: m for m in closed_plan.messages}
    for m in open_plan.messages:
        r = by_key[m.dedup_key]
        assert r.action == "resolve"
        assert r.body[0]["labels"] == m.body[0]["labels"]
        assert r.body[0]["endsAt"] == "2026-03-01T11:42:00Z"


def test_keys_are_stable_across_runs_and_row_order():
    rows = cascade()
    a = build_alerts(rows, now=NOW)
    b = build_alerts(list(reversed(rows)), now=NOW + timedelta(minutes=5))
    assert [(m.target, m.dedup_key) for m in a.messages] == [
        (m.target, m.dedup_key) for m in b.messages]
    assert alertmanager_key({"incident_id": "i", "service": "s", "component": "db"}) == "faultline-i-s-db"


# -- PagerDuty ------------------------------------------------------------------------


def test_pagerduty_one_trigger_per_incident_routed_by_ownership():
    plan = build_alerts(cascade(), targets=["pagerduty"], now=NOW)
    assert [m.dedup_key for m in plan.messages] == ["faultline-inc-A", "faultline-inc-C"]
    a, c = (m.body for m in plan.messages)
    assert a["routing_key"] == "pd-payments-primary" and c["routing_key"] == "pd-discovery-primary"
    assert a["event_action"] == "trigger" and a["dedup_key"] == dedup_key("inc-A")
    assert a["payload"]["severity"] == "critical" and c["payload"]["severity"] == "error"
    assert a["payload"]["source"] == "checkout" and a["payload"]["group"] == "payments"
    assert a["payload"]["timestamp"] == "2026-03-01T11:00:00Z"
    details = a["payload"]["custom_details"]
    assert [s["service"] for s in details["services"]] == ["checkout", "payments"]
    assert [(s["service"], s["severity"], s["incident_id"]) for s in details["suppressed"]] == [
        ("cart", "P3", "inc-A"), ("cart", "P4", "inc-B")]
    assert details["count_errors"] == 240 and details["fingerprints"] == ["fp1", "fp2"]
    assert "folded in" in a["payload"]["summary"]
    for m in plan.messages:
        PD.validate(m.body)


def test_pagerduty_resolves_when_every_episode_closed():
    end = T0 + timedelta(hours=1)
    rows = [dict(r, is_open=False, end=end) for r in cascade()]
    plan = build_alerts(rows, targets=["pagerduty"], now=NOW)
    assert sorted((m.dedup_key, m.action) for m in plan.messages) == [
        ("faultline-inc-A", "resolve"), ("faultline-inc-B", "resolve"), ("faultline-inc-C", "resolve")]
    for m in plan.messages:
        assert set(m.body) == {"routing_key", "event_action", "dedup_key"}
        PD.validate(m.body)


def test_pagerduty_without_routing_key_is_reported_not_sent():
    rows = [ep(escalation=None)]
    plan = build_alerts(rows, targets=["pagerduty"], now=NOW)
    assert plan.messages == [] and plan.unroutable == [("pagerduty", "inc-A", "payments")]
    cfg = load_alerting_config(overrides={"targets": {"pagerduty": {"default_routing_key": "pd-x"}}})
    plan = build_alerts(rows, targets=["pagerduty"], now=NOW, config=cfg)
    assert plan.messages[0].body["routing_key"] == "pd-x"


# -- Opsgenie -------------------------------------------------------------------------


def test_opsgenie_create_and_close():
    plan = build_alerts(cascade(), targets=["opsgenie"], now=NOW)
    a = plan.messages[0].body
    assert a["alias"] == "faultline-inc-A" and a["priority"] == "P1"
    assert a["responders"] == [{"type": "team", "name": "payments-team"}]
    assert a["entity"] == "checkout" and len(a["message"]) <= 130
    assert {"faultline", "P1", "cascading", "checkout", "payments"} <= set(a["tags"])
    assert json.loads(a["details"]["suppressed"])[0]["service"] == "cart"
    for m in plan.messages:
        OG.validate(m.body)
    rows = [dict(r, is_open=False, end=T0 + timedelta(hours=1)) for r in cascade()]
    closes = build_alerts(rows, targets=["opsgenie"], now=NOW).messages
    assert closes[0].path == "/faultline-inc-A/close?identifierType=alias"
    for m in closes:
        OG.validate(m.body)
        assert "message" not in m.body


def test_opsgenie_details_fit_the_8000_character_limit():
    many = [ep(episode_id=f"e{i}", service=f"svc-{i:03d}", severity="P1",
               fingerprints=[f"fingerprint-{i}-{j}" for j in range(20)]) for i in range(120)]
    body = build_alerts(many, targets=["opsgenie"], now=NOW).messages[0].body
    assert sum(len(k) + len(v) for k, v in body["details"].items()) <= 8000
    assert len(body["tags"]) <= 20
    OG.validate(body)


def test_severity_maps_per_target():
    cfg = load_alerting_config()
    got = {p: (cfg.severity("alertmanager", p), cfg.severity("pagerduty", p),
               cfg.severity("opsgenie", p)) for p in ("P1", "P2", "P3", "P4", "P5")}
    assert got == {
        "P1": ("critical", "critical", "P1"), "P2": ("critical", "error", "P2"),
        "P3": ("warning", "warning", "P3"), "P4": ("warning", "info", "P4"),
        "P5": ("info", "info", "P5")}
    cfg = load_alerting_config(overrides={"alerts": {"severity": {"pagerduty": {"P3": "error"}}}})
    plan = build_alerts([ep(severity="P3")], targets=["pagerduty"], now=NOW, config=cfg)
    assert plan.messages[0].body["payload"]["severity"] == "error"


# -- nothing outside the episode row ----------------------------------------------------


def test_payloads_hold_nothing_outside_the_episode_row():
    secret = "jane.doe@example.com"
    rows = [dict(r, user_email=secret, client_ip="203.0.113.9") for r in cascade()]
    plan = build_alerts(pl.DataFrame(rows), now=NOW)
    text = json.dumps([m.to_dict() for m in plan.messages])
    assert secret not in text and "203.0.113.9" not in text
    assert "#payments-oncall" not in text  # escalation keys other than the target's stay out


def test_bad_rows_get_errors_that_do_not_echo_values():
    with pytest.raises(ValueError, match="lack the columns") as exc:
        build_alerts([{"incident_id": "x"}])
    with pytest.raises(ValueError, match="severity must be one of") as exc:
        build_alerts([ep(severity="jane.doe@example.com")])
    assert "jane.doe" not in str(exc.value)
    with pytest.raises(ValueError, match="closed episode needs an end"):
        build_alerts([ep(is_open=False, end=None)])
    with pytest.raises(ValueError, match="unknown alert targets"):
        build_alerts([ep()], targets=["slack"])


def test_pandas_and_arrow_frames_read_like_lists():
    rows = cascade()
    want = [m.to_dict() for m in build_alerts(rows, now=NOW).messages]
    df = pl.DataFrame(rows)
    assert [m.to_dict() for m in build_alerts(df.to_pandas(), now=NOW).messages] == want
    assert [m.to_dict() for m in build_alerts(df.to_arrow(), now=NOW).messages] == want


# -- property: whatever the episodes, payloads validate -------------------------------

_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=80)


@st.composite
def episode_sets(draw):
    n = draw(st.integers(1, 12))
    rows = []
    for i in range(n):
        is_open = draw(st.booleans())
        start = T0 + timedelta(minutes=draw(st.integers(0, 600)))
        rows.append(ep(
            incident_id=f"inc-{draw(st.integers(0, 3))}", episode_id=f"ep-{i}",
            service=draw(_names), component=draw(st.none() | _names),
            severity=draw(st.sampled_from(["P1", "P2", "P3", "P4", "P5"])),
            is_open=is_open, start=start,
            end=None if is_open else start + timedelta(minutes=draw(st.integers(1, 300))),
            kind=draw(st.sampled_from(["transient", "persistent", "cascading", None])),
            root_service=draw(_names), team=draw(st.none() | _names),
            fingerprints=draw(st.lists(_names, max_size=30)),
            evidence=json.dumps({"note": draw(st.text(max_size=3000))}),
            score=draw(st.none() | st.floats(0, 1)), count_errors=draw(st.none() | st.integers(0, 10**9)),
        ))
    return rows


@settings(max_examples=40, deadline=None)
@given(episode_sets())
def test_any_episodes_give_schema_valid_payloads(rows):
    plan = build_alerts(rows, now=NOW)
    for m in plan.messages:
        if m.target == "pagerduty":
            PD.validate(m.body)
        elif m.target == "opsgenie":
            OG.validate(m.body)
            if m.action == "trigger":
                assert sum(len(k) + len(v) for k, v in m.body["details"].items()) <= 8000
        else:
            alert = m.body[0]
            assert all(isinstance(v, str) for v in alert["labels"].values())
            assert all(isinstance(v, str) for v in alert["annotations"].values())
    # every open episode is either alerted on (Alertmanager) or listed in an alert
    am_keys = {m.dedup_key for m in plan.messages if m.target == "alertmanager"}
    records = read_episodes(rows)
    for r in records:
        if r["is_open"]:
            assert alertmanager_key(r) in am_keys or plan.suppression.is_suppressed(r["episode_id"])
    # an episode is folded only into an active incident of several services that holds
    # its service at a strictly higher severity, and only while it is open itself
    for r in records:
        by = plan.suppression.suppressed_by.get(r["episode_id"])
        if by is None:
            continue
        members = [e for e in records if e["incident_id"] == by]
        assert r["is_open"] and any(e["is_open"] for e in members)
        assert len({e["service"] for e in members}) >= 2
        assert r["service"] in {e["service"] for e in members}
        assert int(r["severity"][1]) > min(int(e["severity"][1]) for e in members)
        assert r in plan.suppression.listed[by]


def test_trigger_and_resolve_take_the_same_route_when_the_root_is_folded():
    # the root (checkout, P3) is less severe than payments (P1) inside its own incident:
    # it is folded in, yet the incident stays routed to the root's owner both ways
    rows = [
        ep(severity="P3"),
        ep(episode_id="ep-2", service="payments", severity="P1", team="risk",
           escalation=json.dumps({"pagerduty": "pd-risk", "opsgenie": "risk-team"})),
    ]
    trig = build_alerts(rows, targets=["pagerduty"], now=NOW).messages[0].body
    closed = [dict(r, is_open=False, end=T0 + timedelta(hours=1)) for r in rows]
    res = build_alerts(closed, targets=["pagerduty"], now=NOW).messages[0].body
    assert trig["routing_key"] == res["routing_key"] == "pd-payments-primary"
    assert trig["payload"]["severity"] == "critical"
    assert [s["service"] for s in trig["payload"]["custom_details"]["suppressed"]] == ["checkout"]
