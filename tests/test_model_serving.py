"""The scoring model behind a real ``mlflow models serve --env-manager local`` on 127.0.0.1.

The model folder is what ``faultline export model`` writes (an MLflow pyfunc folder of
:class:`anomaly.pyfunc.FaultlineModel`), here saved straight from a fitted scorer so no
tracking store is needed. The server is started once for the module and stopped at the
end (its whole process group: it execs uvicorn).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:mlflow.*")


def _features(n: int = 2000, service: str = "checkout") -> pd.DataFrame:
    rng = np.random.default_rng(1)
    requests = rng.poisson(200, n)
    return pd.DataFrame({
        "service": service,
        "minute": pd.date_range("2026-03-02", periods=n, freq="min"),
        "requests": requests,
        "count_errors": rng.poisson(requests * 0.002),
        "count_5xx": rng.poisson(requests * 0.001),
    })


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    from anomaly.model import MinuteScorer
    from anomaly.pyfunc import input_example
    from anomaly.train import save_scoring_model

    root = tmp_path_factory.mktemp("serve")
    frame = _features()
    scorer = MinuteScorer().fit(frame)
    folder = save_scoring_model(scorer, input_example(frame, scorer.window_), root / "model")
    port = _free_port()
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               MLFLOW_TRACKING_URI=f"sqlite:///{root / 'unused.db'}")
    log = (root / "serve.log").open("wb")
    proc = subprocess.Popen(
        [os.path.join(bin_dir, "mlflow"), "models", "serve", "-m", str(folder),
         "--env-manager", "local", "-h", "127.0.0.1", "-p", str(port), "-w", "1"],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True, cwd=root)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/ping", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("mlflow models serve did not come up:\n"
                            + (root / "serve.log").read_text(errors="replace")[-3000:])
            time.sleep(0.5)
        yield {"url": f"{base}/invocations", "scorer": scorer, "frame": frame}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def _split(frame: pd.DataFrame) -> bytes:
    rows = frame.assign(minute=frame["minute"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return json.dumps({"dataframe_split": {"columns": list(rows.columns),
                                           "data": rows.to_numpy().tolist()}},
                      default=int).encode()


def test_served_scores_match_the_model_in_process(server: dict) -> None:
    frame = server["frame"].tail(5).copy()
    frame.loc[frame.index[-1], "count_errors"] = 40  # a burst in the latest minute
    status, body = _post(server["url"], _split(frame))
    assert status == 200, body
    served = pd.DataFrame(body["predictions"])
    assert list(served.columns) == ["service", "minute", "score", "threshold", "is_anomaly",
                                    "severity_hint", "top_features"]
    expected = server["scorer"].predict(frame)
    assert served["score"].to_numpy() == pytest.approx(expected["score"].to_numpy())
    assert served["is_anomaly"].tolist() == expected["is_anomaly"].tolist()
    assert served["is_anomaly"].iloc[-1] and "count_errors" in served["top_features"].iloc[-1]
    assert served["minute"].iloc[-1] == frame["minute"].iloc[-1].strftime("%Y-%m-%dT%H:%M:%SZ")


def test_records_with_only_the_required_columns(server: dict) -> None:
    body = json.dumps({"dataframe_records": [
        {"service": "new-service", "minute": "2026-03-03T10:00:00+01:00", "count_errors": 0}]})
    status, out = _post(server["url"], body.encode())
    assert status == 200, out
    assert out["predictions"][0]["minute"] == "2026-03-03T09:00:00Z"


@pytest.mark.parametrize("payload, words", [
    ({"dataframe_split": {"columns": ["service", "minute", "requests"],
                          "data": [["checkout", "2026-03-03T10:00:00Z", 10]]}},
     ["count_errors"]),
    ({"dataframe_split": {"columns": ["service", "minute", "count_errors"],
                          "data": [["checkout", "2026-03-03T10:00:00Z", "many"]]}},
     ["count_errors"]),
    ({"dataframe_split": {"columns": ["service", "minute", "count_errors"],
                          "data": [["checkout", "not a time", 1]]}},
     ["minute"]),
    ({"dataframe_split": {"columns": ["service", "minute", "count_errors"],
                          "data": [["checkout", "2026-03-03T10:00:00Z", -2]]}},
     ["count_errors", "negative"]),
    ({"dataframe_split": {"columns": ["service", "minute", "count_errors"], "data": []}},
     ["empty payload"]),
    ({}, ["dataframe_split"]),
])
def test_malformed_requests_get_a_4xx_and_a_clear_message(server: dict, payload: dict,
                                                           words: list[str]) -> None:
    status, body = _post(server["url"], json.dumps(payload).encode())
    assert 400 <= status < 500, body
    for word in words:
        assert word in body["message"]
