"""Unit tests of anomaly.analytics on hand-made frames with hand-computed answers."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from anomaly import analytics as an


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def incidents_frame() -> pd.DataFrame:
    # TTD 2, 4, 6, 8, 100 min; TTA 1 each; TTR 10, 20, 30, 40, 500 min
    start = ts("2026-03-02 10:00")
    ttd = [2, 4, 6, 8, 100]
    ttr = [10, 20, 30, 40, 500]
    return pd.DataFrame({
        "incident_id": [f"I{i}" for i in range(5)],
        "title": "t", "severity": ["P1", "P1", "P2", "P2", "P2"],
        "services": [["cart"], ["cart", "auth"], ["auth"], ["auth"], ["search"]],
        "started_at": [start] * 5,
        "detected_at": [start + pd.Timedelta(minutes=m) for m in ttd],
        "acknowledged_at": [start + pd.Timedelta(minutes=m + 1) for m in ttd],
        "resolved_at": [start + pd.Timedelta(minutes=m) for m in ttr],
        "category": "x",
    })


CATALOG = pd.DataFrame({"service": ["cart", "auth", "search"],
                        "team": ["shop", "identity", "discovery"],
                        "slo_error_rate": [0.01, 0.001, None],
                        "slo_latency_p99_ms": [400.0, 200.0, 300.0],
                        "depends_on": [["auth"], [], []],
                        "escalation": [{"pagerduty": "pd-shop"}, {"pagerduty": "pd-id"}, {}]})


# -- MTTD / MTTR -------------------------------------------------------------------------


def test_percentiles_interpolate_between_ranks():
    # rank (n-1)*q: 4*0.9 = 3.6 -> 8 + 0.6*(100-8) = 63.2
    assert an.percentile([2, 4, 6, 8, 100], 90) == pytest.approx(63.2)
    assert an.percentile([2, 4, 6, 8, 100], 50) == 6
    assert np.isnan(an.percentile([np.nan], 50))


def test_mttx_by_severity_median_and_p90():
    t = an.incident_timings(incidents_frame(), CATALOG)
    s = an.mttx_summary(t, by="severity").set_index("severity")
    # P1: TTD 2, 4 -> median 3, p90 2 + 0.9*2 = 3.8; TTR 10, 20 -> 15, 19
    assert s.loc["P1", "count_incidents"] == 2
    assert s.loc["P1", "mttd_median_min"] == 3.0
    assert s.loc["P1", "mttd_p90_min"] == pytest.approx(3.8)
    assert s.loc["P1", "mttr_p90_min"] == pytest.approx(19.0)
    # P2: TTD 6, 8, 100 -> median 8, p90 rank 1.8 -> 8 + 0.8*92 = 81.6
    assert s.loc["P2", "mttd_median_min"] == 8.0
    assert s.loc["P2", "mttd_p90_min"] == pytest.approx(81.6)
    assert s.loc["P2", "mtta_median_min"] == 1.0


def test_mttx_by_team_and_by_service_counts_every_listed_service():
    t = an.incident_timings(incidents_frame(), CATALOG)
    by_team = an.mttx_summary(t, by="team").set_index("team")
    # team = team of the first listed service: shop I0, I1; identity I2, I3; discovery I4
    assert by_team["count_incidents"].to_dict() == {"discovery": 1, "identity": 2, "shop": 2}
    by_service = an.mttx_summary(t, by="service").set_index("service")
    assert by_service.loc["auth", "count_incidents"] == 3  # I1 lists auth second
    # auth TTR: 20, 30, 40 -> median 30
    assert by_service.loc["auth", "mttr_median_min"] == 30.0


def test_negative_or_missing_durations_are_not_times():
    inc = incidents_frame().head(2)
    inc.loc[0, "detected_at"] = ts("2026-03-02 09:00")  # before the start: recording error
    inc.loc[1, "resolved_at"] = pd.NaT
    t = an.incident_timings(inc)
    assert np.isnan(t.loc[0, "ttd_minutes"])
    assert np.isnan(t.loc[1, "ttr_minutes"])
    assert t["team"].tolist() == ["unowned", "unowned"]


def test_mttx_trend_by_week():
    inc = incidents_frame()
    inc.loc[4, "started_at"] = ts("2026-03-09 10:00")  # next week; its times shift too
    inc.loc[4, "detected_at"] = ts("2026-03-09 10:30")
    inc.loc[4, "acknowledged_at"] = ts("2026-03-09 10:31")
    inc.loc[4, "resolved_at"] = ts("2026-03-09 11:00")
    trend = an.mttx_trend(an.incident_timings(inc))
    assert trend["week"].tolist() == [ts("2026-03-02"), ts("2026-03-09")]
    assert trend["count_incidents"].tolist() == [4, 1]
    assert trend["mttd_median_min"].tolist() == [5.0, 30.0]


def test_detection_delays_against_truth():
    eps = pd.DataFrame({"incident_id": ["i1", "i2"], "service": ["cart", "auth"],
                        "start": [ts("2026-03-02 10:04"), ts("2026-03-02 13:00")],
                        "end": [ts("2026-03-02 10:30"), ts("2026-03-02 13:10")]})
    truth = pd.DataFrame({"truth_id": ["a", "b", "c"], "kind": ["k", "k", "j"],
                          "services": [["cart", "x"], ["auth"], ["search"]],
                          "start": [ts("2026-03-02 10:00"), ts("2026-03-02 12:58"),
                                    ts("2026-03-02 10:00")],
                          "end": [ts("2026-03-02 10:20"), ts("2026-03-02 13:05"),
                                  ts("2026-03-02 10:20")],
                          "recorded_detected_at": [ts("2026-03-02 10:10"), pd.NaT, pd.NaT]})
    d = an.detection_delays(eps, truth).set_index("truth_id")
    assert d.loc["a", "ttd_minutes"] == 5.0  # 10:04 + 1 min - 10:00
    assert d.loc["a", "recorded_ttd_minutes"] == 10.0
    assert d.loc["a", "ttr_minutes"] == 30.0  # episode ended 10:30
    assert d.loc["b", "ttd_minutes"] == 3.0
    assert not d.loc["c", "is_detected"]
    s = an.detection_summary(d.reset_index()).set_index("kind")
    assert s.loc["k", "recall"] == 1.0 and s.loc["k", "mttd_median_min"] == 4.0
    # recoveries 30 and 12 min after the truth starts -> median 21
    assert s.loc["k", "mttr_median_min"] == 21.0
    assert s.loc["j", "recall"] == 0.0


# -- recurrence --------------------------------------------------------------------------


def episodes_frame() -> pd.DataFrame:
    rows = [
        # incident, service, kind, version, start, minutes, fingerprints, errors, category
        ("i1", "cart", "transient", "1.0", "2026-03-02 10:00", 5, ["fa"], 10, "network.timeout"),
        ("i2", "cart", "transient", "1.1", "2026-03-04 10:00", 7, ["fa", "fb"], 20,
         "network.timeout"),
        ("i3", "cart", "transient", "1.2", "2026-03-10 10:00", 9, ["fa"], 30, "network.timeout"),
        ("i4", "auth", "persistent", "7", "2026-03-10 12:00", 60, ["fc"], 100,
         "software.data_validation"),
    ]
    out = pd.DataFrame(rows, columns=["incident_id", "service", "kind", "version", "start",
                                      "minutes", "fingerprints", "count_errors", "category"])
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = out["start"] + pd.to_timedelta(out.pop("minutes"), unit="min")
    out["episode_id"] = ["e" + i for i in out["incident_id"]]
    out["team"] = out["service"].map({"cart": "shop", "auth": "identity"})
    out["is_retry_storm"] = False
    out["root_service"] = out["service"]
    out["evidence"] = [{} for _ in range(len(out))]
    return out


def test_recurring_fingerprint_across_deploys_and_weeks():
    counts = pd.DataFrame({"fingerprint": ["fa", "fa", "fc"], "count_errors": [5, 6, 7]})
    rec = an.recurring_fingerprints(episodes_frame(), error_counts=counts).set_index(
        "fingerprint")
    assert rec.loc["fa", "count_incidents"] == 3
    assert rec.loc["fa", "count_versions"] == 3  # came back after two deploys
    assert rec.loc["fa", "versions"] == ["1.0", "1.1", "1.2"]
    assert rec.loc["fa", "count_weeks"] == 2 and rec.loc["fa", "count_days"] == 3
    assert rec.loc["fa", "count_errors"] == 11
    assert bool(rec.loc["fa", "is_recurring"]) and not bool(rec.loc["fb", "is_recurring"])
    assert rec.index[0] == "fa"


def test_recurring_kinds_and_top_categories():
    kinds = an.recurring_kinds(episodes_frame())
    first = kinds.iloc[0]
    assert (first["service"], first["kind"], first["count_incidents"]) == ("cart", "transient", 3)
    assert first["median_minutes"] == 7.0 and first["count_versions"] == 3
    top = an.top_categories(episodes_frame())
    assert top["category"].tolist() == ["network.timeout", "software.data_validation"]
    assert top.loc[0, "count_errors"] == 60 and top.loc[0, "count_weeks"] == 2
    assert top.loc[0, "description"] == "Network / Timeout"
    assert top.loc[0, "kinds"] == {"transient": 3}
    assert bool(top.loc[0, "is_recurring"]) and not bool(top.loc[1, "is_recurring"])


def test_weekly_trend_fills_missing_weeks_with_zero():
    counts = pd.DataFrame({"fingerprint": ["fa", "fa"], "count_errors": [4, 10],
                           "hour": [ts("2026-03-02 10:00"), ts("2026-03-16 10:00")]})
    trend = an.weekly_trend(counts, key="fingerprint")
    assert trend["count_errors"].tolist() == [4, 0, 10]
    assert trend["change"].tolist() == [4, -4, 10]
    assert np.isnan(trend["pct_change"].iloc[2])  # from 0: no percentage
    assert trend["pct_change"].iloc[1] == -1.0


# -- volume ------------------------------------------------------------------------------


def test_error_and_episode_volume_by_team():
    counts = pd.DataFrame({"hour": [ts("2026-03-02 10:00"), ts("2026-03-02 11:00"),
                                    ts("2026-03-02 10:00")],
                           "service": ["cart", "cart", "ghost"], "version": ["1", "1", "1"],
                           "fingerprint": ["fa", "fb", "fa"], "count_errors": [3, 5, 2]})
    vol = an.error_volume(counts, by="team", catalog=CATALOG).set_index("team")
    assert vol.loc["shop", "count_errors"] == 8 and vol.loc["shop", "share_errors"] == 0.8
    assert vol.loc["shop", "count_fingerprints"] == 2 and vol.loc["shop", "count_hours"] == 2
    assert vol.loc["unowned", "count_errors"] == 2
    ev = an.episode_volume(episodes_frame(), by="team").set_index("team")
    assert ev.loc["shop", "count_incidents"] == 3
    assert ev.loc["shop", "minutes_in_episode"] == 21.0


def test_deploy_cycles_attribute_errors_to_versions():
    counts = pd.DataFrame({
        "hour": [ts("2026-03-02 10:00"), ts("2026-03-02 11:00"), ts("2026-03-02 13:00"),
                 ts("2026-03-02 13:00")],
        "service": ["cart"] * 4, "version": ["1", "1", "2", "2"],
        "fingerprint": ["fa", "fa", "fa", "fnew"], "count_errors": [2, 4, 8, 4]})
    deps = pd.DataFrame({"service": ["cart", "cart"], "version": ["1", "2"],
                         "deployed_at": [ts("2026-03-02 10:00"), ts("2026-03-02 12:00")]})
    cyc = an.deploy_cycles(counts, deps, episodes=episodes_frame()).set_index("version")
    # data ends at 14:00 (last hour + 1): cycle 1 is 2 h, cycle 2 is 2 h
    assert cyc.loc["1", "hours_live"] == 2.0 and cyc.loc["2", "hours_live"] == 2.0
    assert cyc.loc["1", "errors_per_hour"] == 3.0 and cyc.loc["2", "errors_per_hour"] == 6.0
    assert cyc.loc["2", "count_new_fingerprints"] == 1  # fnew appeared with version 2


# -- SLO burn ----------------------------------------------------------------------------


def test_error_budget_burn_hand_computed():
    minutes = pd.date_range("2026-03-02 00:00", periods=120, freq="min")
    errors = np.zeros(120, dtype=int)
    errors[60:70] = 100  # ten bad minutes: every request fails
    sm = pd.DataFrame({"service": "cart", "minute": minutes, "count_errors": errors,
                       "requests": 100})
    burn = an.error_budget_burn(sm, CATALOG).set_index("service")
    # 1,000 errors / 12,000 requests = 1/12; SLO 0.01 -> burn 8.333
    assert burn.loc["cart", "error_rate"] == pytest.approx(1 / 12, abs=1e-6)
    assert burn.loc["cart", "burn_rate"] == pytest.approx(8.333, abs=1e-3)
    # 2 hours of data out of a 30-day period
    assert burn.loc["cart", "share_budget_spent"] == pytest.approx(
        (1000 / (0.01 * 12000)) * (2 / 24) / 30, abs=1e-4)
    # worst trailing hour holds all 1,000 errors over 6,000 requests: 1000 / 60 = 16.67
    assert burn.loc["cart", "max_burn_rate_fast"] == pytest.approx(1000 / 60, abs=1e-3)
    # a trailing hour burns >= 14.4 with >= 864 errors, i.e. 9 bad minutes in the window:
    # windows ending at minute 68 through 119 (the last still holds minutes 60..69)
    assert burn.loc["cart", "minutes_fast_burn"] == 52


def test_budget_without_slo_is_nan_not_zero():
    sm = pd.DataFrame({"service": "search", "minute": pd.date_range("2026-03-02", periods=3,
                       freq="min"), "count_errors": [1, 1, 1], "requests": [10, 10, 10]})
    burn = an.error_budget_burn(sm, CATALOG)
    assert np.isnan(burn.loc[0, "burn_rate"])
    daily = an.budget_burn_daily(sm, CATALOG)
    assert np.isnan(daily.loc[0, "cumulative_share_spent"])


# -- on-call -----------------------------------------------------------------------------


def test_pages_out_of_hours_and_escalation_shares():
    eps = pd.DataFrame({
        "incident_id": ["i1", "i1", "i2", "i3", "i4"],
        "team": ["shop", "shop", "shop", "identity", "shop"],
        "service": ["cart", "cart", "cart", "auth", "cart"],
        "severity": ["P2", "P1", "P1", "P2", "P4"],
        "action": ["page", "page", "page", "page", "ticket"],
        "escalation": [{"pagerduty": "pd-shop"}, {"pagerduty": "pd-shop"},
                       {"opsgenie": "og-shop"}, {"pagerduty": "pd-id"}, {"pagerduty": "x"}],
        # Monday 02:00 (out), Monday 10:00 (in), Saturday 12:00 (out), ticket ignored
        "start": [ts("2026-03-02 02:00"), ts("2026-03-02 02:05"), ts("2026-03-02 10:00"),
                  ts("2026-03-07 12:00"), ts("2026-03-02 11:00")]})
    p = an.pages(eps)
    assert p["incident_id"].tolist() == ["i1", "i2", "i3"]
    assert p["severity"].tolist() == ["P1", "P1", "P2"]  # highest of the incident
    assert p["is_out_of_hours"].tolist() == [True, False, True]
    assert p["target"].tolist() == ["pd-shop", "og-shop", "pd-id"]  # falls back to 1st key
    load = an.oncall_load(p).set_index("team")
    assert load.loc["shop", "count_pages"] == 2 and load.loc["shop", "count_out_of_hours"] == 1
    assert load.loc["shop", "share_of_all_pages"] == pytest.approx(2 / 3, abs=1e-4)
    esc = an.escalation_load(p).set_index("target")
    assert esc.loc["pd-shop", "share_of_team"] == 0.5 and esc.loc["pd-id", "share_of_all"] == (
        pytest.approx(1 / 3, abs=1e-4))
    # shop 2 pages/week, identity 1: median team 1.5 -> shop at 1.333x
    assert esc.loc["pd-shop", "load_vs_median_team"] == pytest.approx(1.333, abs=1e-3)


def test_working_hours_in_another_time_zone():
    hours = an.WorkingHours(tz="America/New_York")
    # 14:00 UTC on a Monday is 09:00 in New York (EST, UTC-5): in hours
    out = hours.is_out_of_hours(pd.Series([ts("2026-03-02 14:00"), ts("2026-03-02 13:59")]))
    assert out.tolist() == [False, True]


# -- cost --------------------------------------------------------------------------------


def test_telemetry_cost_bytes_cardinality_and_suggestions():
    con = duckdb.connect()
    con.execute("""CREATE TABLE events AS SELECT
        'svc' AS service,
        'x' || i AS message,
        i::INTEGER AS http_status,
        'constant' AS region,
        json_object('request_id', 'r' || i, 'size', i, 'db', 'pg') AS attributes
        FROM range(100) t(i)""")
    cost = an.telemetry_cost(con).set_index("field")
    # 100 rows of 'svc' = 300 bytes; INTEGER = 4 bytes each
    assert cost.loc["service", "bytes_stored"] == 300
    assert cost.loc["http_status", "bytes_stored"] == 400
    assert cost.loc["message", "count_distinct"] == pytest.approx(100, rel=0.1)
    total = cost.loc[cost["kind"] == "column", "bytes_stored"].sum()
    assert cost.loc["service", "share_of_bytes"] == pytest.approx(300 / total, abs=1e-4)
    assert cost.loc["service", "used_by"] == "features,fingerprints"
    assert cost.loc["region", "suggestion"] == "drop"  # one value, no feature reads it
    assert cost.loc["attributes.request_id", "suggestion"] == "drop"  # near-unique, unused
    assert cost.loc["attributes.size", "suggestion"] == "bucket"  # 100 distinct numbers
    assert cost.loc["attributes.db", "suggestion"] == "drop"  # one value
    # the report carries no values, only counts
    assert not cost.astype(str).apply(lambda c: c.str.contains("r42")).any().any()


def test_cost_masks_attribute_keys_that_are_not_identifiers():
    con = duckdb.connect()
    con.execute("""CREATE TABLE events AS SELECT
        json_object('someone@example.com', 1) AS attributes FROM range(3)""")
    fields = an.telemetry_cost(con)["field"].tolist()
    assert "attributes.<key masked>" in fields
    assert not any("example.com" in f for f in fields)


def test_cost_without_table_explains():
    with pytest.raises(ValueError, match="no table 'events'"):
        an.telemetry_cost(duckdb.connect())


# -- improvements ------------------------------------------------------------------------


def test_improvement_items_ranked_with_evidence():
    eps = episodes_frame()
    counts = pd.DataFrame({
        "service": ["cart", "auth", "auth"], "fingerprint": ["fa", "fd", "fe"],
        "error_type": ["SocketTimeoutException", "psycopg2.errors.UniqueViolation",
                       "ValidationError"],
        "http_status": [504, 409, 422], "count_errors": [60, 40, 300]})
    items = an.improvement_items(eps, error_counts=counts)
    actions = items["action"].tolist()
    assert items["rank"].tolist() == list(range(1, len(items) + 1))
    retry = items[items["action"].str.startswith("retry with")].iloc[0]
    assert retry["count_errors_addressed"] == 60  # the three transient timeouts
    assert "3 transient incidents" in retry["evidence"]
    assert "across 3 version(s)" in retry["evidence"]
    validation = items[items["action"] == "schema validation at the boundary"].iloc[0]
    # 300 validation errors + 40 with status 409, which categories.yaml files under
    # software.data_validation too
    assert validation["count_errors_addressed"] == 340
    idem = items[items["action"] == "idempotency keys on writes"].iloc[0]
    assert idem["count_errors_addressed"] == 40
    # ranked by errors addressed: validation (340) before retry (60) before idempotency (40)
    assert actions.index("schema validation at the boundary") < actions.index(
        retry["action"]) < actions.index("idempotency keys on writes")


def test_timeout_contract_from_healthy_call_latency():
    eps = episodes_frame()
    calls = pd.DataFrame({"caller": ["cart"], "callee": ["auth"], "count_calls": [500],
                          "count_error_calls": [50], "error_call_ratio": [0.1],
                          "count_ok_calls": [450], "ok_latency_p50_ms": [40.0],
                          "ok_latency_p99_ms": [180.0], "error_latency_p50_ms": [2000.0],
                          "error_latency_max_ms": [5000.0]})
    items = an.improvement_items(eps, call_latency=calls, catalog=CATALOG)
    row = items[items["action"].str.startswith("timeout contract")].iloc[0]
    # 180 ms x 1.5 = 270 -> rounded up to 300 ms
    assert row["action"] == "timeout contract cart → auth: 300 ms"
    assert "instead of waiting up to 5000 ms" in row["expected_effect"]


def test_no_pattern_no_item():
    eps = episodes_frame().iloc[:0]
    assert an.improvement_items(eps).empty


# -- store readers -----------------------------------------------------------------------


def test_load_inputs_on_a_fresh_store_gives_empty_frames(tmp_path):
    from features.store import Store

    with Store.open(tmp_path / "fl.duckdb") as store:
        inputs = an.load_inputs(store)
    assert inputs.episodes.empty and inputs.error_counts.empty and inputs.incidents.empty
    assert "category" in inputs.episodes.columns


def test_public_surface_sorted():
    assert an.__all__ == sorted(an.__all__)
    assert all(hasattr(an, name) for name in an.__all__)
