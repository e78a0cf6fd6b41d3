"""The simulator: determinism, contract acceptance, reconciling counts, and a ground
truth that is visible in the data it describes."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from features.contract import (
    COMPANION_FIELDS,
    ContractError,
    content_hash,
    normalize_event,
    normalize_record,
    parse_timestamp,
)
from features.simulate import SimulationSummary, simulate
from features.simulate.templates import LIBRARY, by_key

SMALL = {"days": 2, "services": 6, "seed": 11, "scale": 0.05}


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> SimulationSummary:
    return simulate(tmp_path_factory.mktemp("sim"), **SMALL)


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def _truth(run: SimulationSummary) -> dict:
    return json.loads((run.out_dir / "truth.json").read_text())


def _valid_events(run: SimulationSummary) -> list[dict]:
    truth = _truth(run)
    skip = {m["line_no"] for m in truth["malformed"]} | {d["line_no"] for d in truth["duplicates"]}
    out = []
    for i, line in enumerate(_lines(run.out_dir / "events.jsonl"), 1):
        if i not in skip:
            ev, _ = normalize_event(json.loads(line))
            ev["_line_no"] = i
            out.append(ev)
    return out


def _message_regex(key: str) -> re.Pattern[str]:
    parts = re.split(r"\$\{\w+\}", by_key()[key].message)
    return re.compile(".*?".join(re.escape(p) for p in parts), re.DOTALL)


# -- files, determinism ------------------------------------------------------------------


def test_writes_every_contract_file_and_the_truth(run):
    names = {p.name for p in run.out_dir.iterdir()}
    assert names == {"events.jsonl", "requests.jsonl", "spans.jsonl", "deployments.jsonl",
                     "incidents.jsonl", "catalog.yaml", "truth.json", "truth_values.jsonl"}
    assert set(run.paths) == names


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    args = {"days": 1, "services": 4, "scale": 0.03}
    a = simulate(tmp_path / "a", seed=5, **args)
    b = simulate(tmp_path / "b", seed=5, **args)
    c = simulate(tmp_path / "c", seed=6, **args)
    for name in a.paths:
        assert (a.out_dir / name).read_bytes() == (b.out_dir / name).read_bytes(), name
    assert (a.out_dir / "events.jsonl").read_bytes() != (c.out_dir / "events.jsonl").read_bytes()


def test_no_value_truth_skips_the_file(tmp_path):
    summary = simulate(tmp_path, days=1, services=3, seed=1, scale=0.02, value_truth=False)
    assert not (tmp_path / "truth_values.jsonl").exists()
    assert "truth_values.jsonl" not in summary.paths
    assert not list(tmp_path.glob(".*partial"))


def test_bad_arguments_teach(tmp_path):
    with pytest.raises(ValueError, match="days must be at least 1"):
        simulate(tmp_path, days=0)
    with pytest.raises(ValueError, match="scale must be positive"):
        simulate(tmp_path, scale=0)


# -- contract acceptance and reconciliation ------------------------------------------------


def test_every_unlisted_line_meets_the_contract_and_listed_ones_fail_as_listed(run):
    truth = _truth(run)
    malformed = {m["line_no"]: m["reason"] for m in truth["malformed"]}
    lines = _lines(run.out_dir / "events.jsonl")
    for i, line in enumerate(lines, 1):
        try:
            normalize_event(json.loads(line))
            reason = None
        except json.JSONDecodeError:
            reason = "invalid_json"
        except ContractError as exc:
            reason = exc.reason
        assert reason == malformed.get(i), (i, reason, malformed.get(i))
    assert malformed, "the run should contain malformed lines"


def test_duplicates_are_redeliveries_of_earlier_valid_lines(run):
    truth = _truth(run)
    lines = _lines(run.out_dir / "events.jsonl")
    malformed = {m["line_no"] for m in truth["malformed"]}
    dup_lines = {d["line_no"] for d in truth["duplicates"]}
    assert truth["duplicates"]
    for d in truth["duplicates"]:
        assert d["duplicate_of_line_no"] < d["line_no"]
        assert d["duplicate_of_line_no"] not in malformed | dup_lines
        assert lines[d["line_no"] - 1] == lines[d["duplicate_of_line_no"] - 1]


def test_counts_reconcile_and_unique_events_are_unique(run):
    truth = _truth(run)
    c = truth["counts"]
    lines = _lines(run.out_dir / "events.jsonl")
    assert c["events_lines"] == len(lines)
    assert c["events_lines"] == c["events_valid_unique"] + c["malformed"] + c["duplicates"]
    assert c["malformed"] == len(truth["malformed"]) and c["duplicates"] == len(truth["duplicates"])
    events = _valid_events(run)
    assert len(events) == c["events_valid_unique"]
    ids = [ev.get("event_id") or content_hash({k: v for k, v in ev.items() if k != "_line_no"})
           for ev in events]
    assert len(set(ids)) == len(ids)
    assert c["requests_rows"] == len(_lines(run.out_dir / "requests.jsonl"))
    assert c["spans_rows"] == len(_lines(run.out_dir / "spans.jsonl"))
    assert c["deployments"] == len(_lines(run.out_dir / "deployments.jsonl"))


def test_companion_files_meet_the_contract(run):
    for kind in ("requests", "spans", "deployments", "incidents"):
        for line in _lines(run.out_dir / f"{kind}.jsonl"):
            row, _ = normalize_record(json.loads(line), kind)
            assert {f.name for f in COMPANION_FIELDS[kind] if f.required} <= set(row)
    catalog = yaml.safe_load((run.out_dir / "catalog.yaml").read_text())["services"]
    assert len(catalog) == SMALL["services"]
    for name, entry in catalog.items():
        assert set(entry) == {"team", "tier", "depends_on", "slo", "escalation"}
        assert entry["tier"] in (1, 2, 3) and set(entry["depends_on"]) <= set(catalog) - {name}


def test_messy_but_valid_variety(run):
    truth = _truth(run)
    skip = {m["line_no"] for m in truth["malformed"]} | {d["line_no"] for d in truth["duplicates"]}
    lines = _lines(run.out_dir / "events.jsonl")
    raw = [json.loads(line) for i, line in enumerate(lines, 1) if i not in skip]
    stamps = [r["timestamp"] for r in raw]
    assert any(isinstance(s, int) for s in stamps)
    assert any(isinstance(s, str) and s.endswith("Z") for s in stamps)
    assert any(isinstance(s, str) and s.endswith("+02:00") for s in stamps)
    sev = Counter(r.get("severity") for r in raw)
    assert None in sev and any(s and s.islower() for s in sev if s)
    assert any("event_id" not in r for r in raw) and any("event_id" in r for r in raw)
    assert any("\n\tat " in r.get("stack_trace", "") for r in raw)  # Java frames
    assert any("Traceback (most recent call last)" in r.get("stack_trace", "") for r in raw)
    # slightly out of order (re-delivered duplicates aside), never by much
    times = [parse_timestamp(s) for s in stamps]
    backwards = [a - b for a, b in zip(times, times[1:], strict=False) if b < a]
    assert backwards and max(backwards) < timedelta(minutes=2)


def test_variable_parts_vary(run):
    by_template = defaultdict(set)
    events = _valid_events(run)
    regexes = {t.key: _message_regex(t.key) for t in LIBRARY if "${" in t.message}
    for ev in events[:3000]:
        for key, rx in regexes.items():
            if rx.fullmatch(ev["message"]):
                by_template[key].add(ev["message"])
                break
    common = [k for k, msgs in by_template.items() if len(msgs) >= 5]
    assert common, "expected frequent templates"


# -- ground truth visible in the data ------------------------------------------------------


def test_every_episode_is_visible_in_the_events(run):
    truth = _truth(run)
    events = _valid_events(run)
    assert {e["kind"] for e in truth["episodes"]} == {"transient", "persistent", "cascading",
                                                      "retry_storm"}
    for ep in truth["episodes"]:
        start, end = parse_timestamp(ep["start"]), parse_timestamp(ep["end"])
        regexes = [_message_regex(k) for k in ep["templates"]]
        hits = [ev for ev in events if ev["service"] in ep["services"]
                and start <= ev["timestamp"] <= end + timedelta(seconds=10)
                and any(rx.fullmatch(ev["message"]) for rx in regexes)]
        assert len(hits) >= 1, ep["episode_id"]
        assert ep["root_service"] in {ev["service"] for ev in hits}
        # background errors may share a template, and a cascade's last callers may fail a
        # few seconds after its end: the episode's own events are (nearly) all there
        assert len(hits) >= 0.9 * ep["event_count"] > 0


def test_cascades_share_traces_along_the_call_graph(run):
    truth = _truth(run)
    catalog = yaml.safe_load((run.out_dir / "catalog.yaml").read_text())["services"]
    events_by_trace = defaultdict(list)
    for ev in _valid_events(run):
        if "trace_id" in ev:
            events_by_trace[ev["trace_id"]].append(ev)
    spans_by_trace = defaultdict(list)
    for line in _lines(run.out_dir / "spans.jsonl"):
        sp = json.loads(line)
        spans_by_trace[sp["trace_id"]].append(sp)
    cascades = [e for e in truth["episodes"] if e["kind"] == "cascading"]
    assert cascades
    for ep in cascades:
        assert ep["trace_ids_sample"], ep["episode_id"]
        for trace in ep["trace_ids_sample"]:
            services = {ev["service"] for ev in events_by_trace[trace]}
            assert len(services) >= 2 and ep["root_service"] in services
            spans = {sp["span_id"]: sp for sp in spans_by_trace[trace]}
            # every caller -> callee span edge follows depends_on
            edges = [(spans[sp["parent_span_id"]]["service"], sp["service"])
                     for sp in spans.values() if sp.get("parent_span_id") in spans]
            assert edges
            for caller, callee in edges:
                assert callee in catalog[caller]["depends_on"]
            # the callers fail after the root
            root_t = min(ev["timestamp"] for ev in events_by_trace[trace]
                         if ev["service"] == ep["root_service"])
            assert all(ev["timestamp"] >= root_t for ev in events_by_trace[trace])


def test_retry_storms_repeat_trace_ids_and_multiply_traffic(run):
    truth = _truth(run)
    events = _valid_events(run)
    requests = defaultdict(dict)
    for line in _lines(run.out_dir / "requests.jsonl"):
        row = json.loads(line)
        requests[row["service"]][parse_timestamp(row["timestamp"])] = row["requests"]
    storms = [e for e in truth["episodes"] if e["kind"] == "retry_storm"]
    assert storms
    for ep in storms:
        root = ep["root_service"]
        for trace in ep["trace_ids_sample"]:
            attempts = [ev for ev in events if ev.get("trace_id") == trace and ev["service"] == root]
            assert len(attempts) >= 1
        assert max(sum(1 for ev in events if ev.get("trace_id") == t and ev["service"] == root)
                   for t in ep["trace_ids_sample"]) >= 2
        start, end = parse_timestamp(ep["start"]), parse_timestamp(ep["end"])
        during = [n for t, n in requests[root].items() if start + timedelta(minutes=5) <= t < end]
        before = [n for t, n in requests[root].items()
                  if start - timedelta(days=1) - timedelta(hours=1) <= t < start - timedelta(days=1)
                  + (end - start)]
        if during and before:
            assert sum(during) / len(during) > 1.5 * sum(before) / len(before)


def test_deploy_regressions_bring_a_new_template_after_their_deploy(run):
    truth = _truth(run)
    events = _valid_events(run)
    deployments = [json.loads(line) for line in _lines(run.out_dir / "deployments.jsonl")]
    regressions = [e for e in truth["episodes"] if e["is_deploy_regression"]]
    assert regressions
    for ep in regressions:
        svc = ep["root_service"]
        dep = [d for d in deployments if d["service"] == svc and d["version"] == ep["deploy_version"]]
        assert len(dep) == 1
        deployed_at = parse_timestamp(dep[0]["deployed_at"])
        assert deployed_at <= parse_timestamp(ep["start"])
        rx = _message_regex(ep["new_template"])
        matching = [ev for ev in events if ev["service"] == svc and rx.fullmatch(ev["message"])]
        assert matching
        assert all(ev["timestamp"] >= deployed_at for ev in matching)
        assert all(ev["version"] == ep["deploy_version"] for ev in matching)
        assert ep["new_template"] not in {t.key for t in LIBRARY if "bg" in t.uses}
    truth_deps = {(d["service"], d["version"]) for d in truth["deployments"] if d["is_regression"]}
    assert {(e["root_service"], e["deploy_version"]) for e in regressions} <= truth_deps


def test_traffic_surges_raise_counts_not_rates(run):
    truth = _truth(run)
    req, err = Counter(), Counter()
    for line in _lines(run.out_dir / "requests.jsonl"):
        row = json.loads(line)
        req[(row["service"], row["timestamp"])] = row["requests"]
    for ev in _valid_events(run):
        minute = ev["timestamp"].replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        err[(ev["service"], minute)] += 1
    surges = [n for n in truth["negatives"] if n["kind"] == "traffic_surge"]
    assert surges and any(n["kind"] == "clean_deploy" for n in truth["negatives"])
    for neg in surges:
        svc = neg["services"][0]
        start, end = parse_timestamp(neg["start"]), parse_timestamp(neg["end"])

        def window(a, b, svc=svc):
            keys = [k for k in req if k[0] == svc and a <= parse_timestamp(k[1]) < b]
            return sum(req[k] for k in keys), sum(err[k] for k in keys)

        mid = start + (end - start) / 2
        r_in, e_in = window(mid - timedelta(minutes=10), mid + timedelta(minutes=10))
        r_out, e_out = window(mid - timedelta(days=1, minutes=10), mid - timedelta(days=1) + timedelta(minutes=10))
        if r_out == 0 or mid - timedelta(days=1) < parse_timestamp(truth["params"]["start"]):
            continue
        assert r_in > 1.8 * r_out
        if e_out >= 10:
            assert e_in / r_in < 3 * e_out / r_out


def test_incidents_follow_episodes(run):
    truth = _truth(run)
    incidents = {json.loads(line)["incident_id"]: json.loads(line)
                 for line in _lines(run.out_dir / "incidents.jsonl")}
    linked = [e for e in truth["episodes"] if e["incident_id"]]
    assert linked and len(linked) == len(incidents)
    for ep in linked:
        inc = incidents[ep["incident_id"]]
        assert set(inc["services"]) == set(ep["services"])
        t = {k: parse_timestamp(inc[k]) for k in ("started_at", "detected_at", "acknowledged_at",
                                                  "resolved_at")}
        assert t["started_at"] <= t["detected_at"] <= t["acknowledged_at"] <= t["resolved_at"]
        assert t["resolved_at"] >= parse_timestamp(ep["end"])
        assert inc["severity"] in {"P1", "P2", "P3", "P4", "P5"}


# -- the value truth -----------------------------------------------------------------------


def test_value_truth_names_exact_substrings_of_their_fields(run):
    lines = _lines(run.out_dir / "events.jsonl")
    rows = [json.loads(line) for line in _lines(run.out_dir / "truth_values.jsonl")]
    assert rows
    kinds = Counter()
    for row in rows:
        line = lines[row["line_no"] - 1]
        parsed = None
        for item in row["personal"] + row["decoys"]:
            kinds[item["kind"]] += 1
            field = item["field"]
            if field == "line":
                assert item["value"] in line
                continue
            parsed = parsed or json.loads(line)
            if "event_id" in row:
                assert parsed["event_id"] == row["event_id"]
            value = (parsed["attributes"][field.split(".", 1)[1]] if field.startswith("attributes.")
                     else parsed[field])
            assert item["value"] in str(value), (row["line_no"], item)
    assert {"email", "client_ip", "user_id", "trace_id", "uuid", "duration"} <= set(kinds)


def test_cli_explains_itself_and_runs(tmp_path):
    from click.testing import CliRunner

    from anomaly.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "simulate" in result.output
    result = runner.invoke(main, ["simulate", "--help"])
    assert result.exit_code == 0 and "--scale" in result.output and "truth.json" in result.output
    result = runner.invoke(main, ["simulate", "--days", "1", "--services", "3", "--seed", "2",
                                  "--scale", "0.02", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "truth.json").exists()
    result = runner.invoke(main, ["simulate", "--start", "not a date", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "not a date" not in result.output.split("Error:")[1]
