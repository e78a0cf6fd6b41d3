"""The post-deploy gate: the rate test, the decision, and the gate on a real store + CLI."""

from __future__ import annotations

import json
from math import comb

import pandas as pd
import pytest

from anomaly.gate import GateError, GateSettings, decide, gate, poisson_rate_test

T0 = pd.Timestamp("2026-03-02 00:00")
DEPLOY = T0 + pd.Timedelta(days=1, hours=2)


def binom_tail(k: int, n: int, p: float) -> float:
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def test_conditional_poisson_test_hand_computed():
    assert poisson_rate_test(0, 10, 2, 10) == pytest.approx(0.25)
    assert poisson_rate_test(1, 10, 1, 10) == pytest.approx(0.75)
    assert poisson_rate_test(0, 5, 0, 5) == 1.0
    assert poisson_rate_test(10, 1000, 30, 1000) == pytest.approx(binom_tail(30, 40, 0.5))
    # exposure matters: 3x the traffic, same rate -> share 0.75
    assert poisson_rate_test(10, 1000, 30, 3000) == pytest.approx(binom_tail(30, 40, 0.75))
    with pytest.raises(ValueError, match="exposures must be positive"):
        poisson_rate_test(1, 0, 1, 10)


W = {"minutes": 60}


def test_decide_cases():
    s = GateSettings()
    up = decide({"count_errors": 20, "exposure": 60000.0} | W,
                {"count_errors": 80, "exposure": 60000.0} | W, [], settings=s)
    assert (up["verdict"], up["exit_code"], up["rate_ratio"]) == ("regression", 1, 4.0)
    # significant but small: a busy service 10% worse is not a rollback
    small = decide({"count_errors": 100000, "exposure": 1e7} | W,
                   {"count_errors": 110000, "exposure": 1e7} | W, [], settings=s)
    assert small["p_value"] < 1e-6 and small["verdict"] == "pass"
    # not enough before the deploy
    short = decide({"count_errors": 1, "exposure": 100.0, "minutes": 10},
                   {"count_errors": 1, "exposure": 600.0} | W, [], settings=s)
    assert (short["verdict"], short["exit_code"]) == ("insufficient_data", 2)
    # after window incomplete: wait, unless it is already clearly a regression
    wait = decide({"count_errors": 20, "exposure": 60000.0} | W,
                  {"count_errors": 5, "exposure": 15000.0, "minutes": 15}, [], settings=s,
                  is_after_complete=False)
    assert wait["exit_code"] == 2
    early = decide({"count_errors": 20, "exposure": 60000.0} | W,
                   {"count_errors": 60, "exposure": 15000.0, "minutes": 15}, [], settings=s,
                   is_after_complete=False)
    assert early["exit_code"] == 1
    # a loud new fingerprint fails the deploy even at an unchanged total rate ...
    fp = [{"fingerprint": "fp-new", "count": 12}]
    same = {"count_errors": 60, "exposure": 60000.0} | W
    assert decide(same, same, fp, settings=s)["exit_code"] == 1
    # ... but not a quiet one, nor one on a service with too little history to tell
    assert decide(same, same, [{"fingerprint": "x", "count": 3}], settings=s)["exit_code"] == 0
    young = decide(same, same, fp, settings=s, history_minutes=120)
    assert young["exit_code"] == 0 and "not decisive" in young["reasons"][-1]


# -- against a real store -------------------------------------------------------------------


def _store(tmp_path, *, errors_after: int = 2, fingerprint_after: str = "fp-old",
           requests_after: int = 1000, propagated_after: bool = False, hours: int = 30):
    from features.store import Store

    path = tmp_path / "fl.duckdb"
    store = Store.open(path)
    con = store.con
    minutes = pd.date_range(T0, DEPLOY + pd.Timedelta(hours=hours - 26), freq="min",
                            inclusive="left")
    requests = pd.DataFrame({"timestamp": minutes, "service": "api",
                             "requests": [requests_after if m >= DEPLOY else 1000
                                          for m in minutes], "batch_id": "b"})
    con.register("r", requests.astype({"timestamp": "datetime64[us]"}))
    con.execute("INSERT INTO requests SELECT * FROM r")
    events, spans = [], []
    for m in minutes:
        after = m >= DEPLOY
        n = errors_after if after else 2
        for k in range(n):
            fp = fingerprint_after if after and k >= 2 else "fp-old"
            trace = f"{int(m.timestamp()):024x}{k:08x}"
            events.append({"event_id": f"{m}-{k}", "timestamp": m + pd.Timedelta(seconds=k),
                           "service": "api", "severity": "ERROR", "message": "x",
                           "fingerprint": fp, "trace_id": trace, "span_id": f"{k:016x}",
                           "batch_id": "b"})
            if after and propagated_after and k >= 2:
                spans.append({"trace_id": trace, "span_id": f"{k:016x}", "parent_span_id": None,
                              "service": "api", "operation": "GET /", "start": m,
                              "duration_ms": 5.0, "status": "ERROR", "batch_id": "b"})
                spans.append({"trace_id": trace, "span_id": f"{k + 1000:016x}",
                              "parent_span_id": f"{k:016x}", "service": "db",
                              "operation": "query", "start": m, "duration_ms": 4.0,
                              "status": "ERROR", "batch_id": "b"})
    ev = pd.DataFrame(events).astype({"timestamp": "datetime64[us]"})
    con.register("e", ev)
    con.execute("INSERT INTO events BY NAME SELECT * FROM e")
    if spans:
        con.register("s", pd.DataFrame(spans).astype({"start": "datetime64[us]"}))
        con.execute("INSERT INTO spans BY NAME SELECT * FROM s")
    con.execute("INSERT INTO deployments VALUES ('api', '1.0.0', ?, 'prod', 'b'), "
                "('api', '1.1.0', ?, 'prod', 'b')",
                [(T0 + pd.Timedelta(hours=1)).to_pydatetime(), DEPLOY.to_pydatetime()])
    return store


def test_gate_passes_a_clean_deploy(tmp_path):
    with _store(tmp_path) as store:
        v = gate(store, "api", "1.1.0")
    assert (v["verdict"], v["exit_code"]) == ("pass", 0)
    assert v["before"]["count_errors"] == v["after"]["count_errors"] == 120
    assert v["exposure_unit"] == "requests"
    assert v["before"]["requests"] == 60000
    assert v["new_fingerprints"] == []


def test_gate_fails_a_regression_with_its_new_fingerprint(tmp_path):
    with _store(tmp_path, errors_after=6, fingerprint_after="fp-new") as store:
        v = gate(store, "api", "1.1.0")
    assert (v["verdict"], v["exit_code"]) == ("regression", 1)
    assert v["rate_ratio"] == pytest.approx(3.0)
    assert v["new_fingerprints"] == [{"fingerprint": "fp-new", "count": 240}]
    assert v["p_value"] < 1e-10


def test_gate_normalizes_by_requests(tmp_path):
    # twice the traffic, twice the errors: the same rate
    with _store(tmp_path, errors_after=4, requests_after=2000) as store:
        v = gate(store, "api", "1.1.0")
    assert v["verdict"] == "pass" and v["rate_ratio"] == pytest.approx(1.0)


def test_gate_leaves_out_errors_propagated_from_a_callee(tmp_path):
    with _store(tmp_path, errors_after=8, propagated_after=True) as store:
        v = gate(store, "api", "1.1.0")
    assert v["after"]["count_errors"] == 120
    assert v["after"]["count_errors_propagated"] == 360
    assert v["verdict"] == "pass"


def test_gate_waits_while_the_after_window_is_open(tmp_path):
    with _store(tmp_path) as store:
        v = gate(store, "api", "1.1.0", now=DEPLOY + pd.Timedelta(minutes=20))
    assert (v["verdict"], v["exit_code"], v["is_after_complete"]) == (
        "insufficient_data", 2, False)
    assert v["after"]["minutes"] == 20


def test_gate_unknown_deploy_is_an_error(tmp_path):
    with _store(tmp_path) as store, pytest.raises(GateError, match="no deployment"):
        gate(store, "api", "9.9.9")


def test_gate_command_exit_codes_and_json(tmp_path):
    from click.testing import CliRunner

    from anomaly.cli import main

    _store(tmp_path, errors_after=6, fingerprint_after="fp-new").close()
    db = str(tmp_path / "fl.duckdb")
    runner = CliRunner()
    failed = runner.invoke(main, ["gate", "--service", "api", "--version", "1.1.0", "--db", db])
    assert failed.exit_code == 1
    verdict = json.loads(failed.stdout)
    assert verdict["verdict"] == "regression" and verdict["service"] == "api"
    # ten minutes in, the regression is already clear: no need to wait
    early = runner.invoke(main, ["gate", "--service", "api", "--version", "1.1.0", "--db", db,
                                 "--now", "2026-03-03T02:10:00Z"])
    assert early.exit_code == 1
    (tmp_path / "clean").mkdir()
    _store(tmp_path / "clean").close()
    waiting = runner.invoke(main, ["gate", "--service", "api", "--version", "1.1.0",
                                   "--db", str(tmp_path / "clean" / "fl.duckdb"),
                                   "--now", "2026-03-03T02:10:00Z"])
    assert waiting.exit_code == 2
    assert json.loads(waiting.stdout)["verdict"] == "insufficient_data"
    unknown = runner.invoke(main, ["gate", "--service", "api", "--version", "0.0.0", "--db", db])
    assert unknown.exit_code == 3
    assert "no deployment" in unknown.stderr
