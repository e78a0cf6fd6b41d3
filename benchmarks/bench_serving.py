"""Benchmark: latency of the served scoring model for a 100-row request.

The model is a ``MinuteScorer`` fitted on the first 70 % of the simulator store of
``bench_detection.py`` (seed 2718, 14 days x 20 services), saved as the MLflow pyfunc
folder ``faultline export model`` writes, and served by a real ``mlflow models serve
--env-manager local`` on 127.0.0.1 (one worker). A request is what alerting sends every
minute: the last 5 minutes (the model's window) of each of the 20 services = 100 rows of
``feat_model_input``, as ``dataframe_split`` JSON over one kept-alive HTTP connection.

Baseline, in the same process on the same 100 rows: the same pyfunc model loaded
in-process (``mlflow.pyfunc.load_model(folder).predict(frame)``), so the ratio is what
HTTP, JSON and the server add.

Run: ``python benchmarks/bench_serving.py [--requests 300]``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
SEED = 2718


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(folder: Path, port: int, log: Path) -> subprocess.Popen:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.Popen(
        [os.path.join(bin_dir, "mlflow"), "models", "serve", "-m", str(folder),
         "--env-manager", "local", "-h", "127.0.0.1", "-p", str(port), "-w", "1"],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/ping")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    _stop(proc)
    raise RuntimeError("mlflow models serve did not start:\n" + log.read_text()[-2000:])


def _stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _stats(seconds: list[float]) -> tuple[float, float]:
    ms = np.asarray(seconds) * 1000.0
    return float(np.median(ms)), float(np.percentile(ms, 99))


def main(argv: list[str] | None = None) -> int:
    import mlflow
    import pandas as pd
    from bench_detection import VALIDATION_SHARE, prepare

    from anomaly.model import INPUT_COLUMNS, MinuteScorer
    from anomaly.pyfunc import input_example, minute_text
    from anomaly.train import save_scoring_model, split_by_time
    from features.frames import feature_frame

    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args(argv)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    db, _ = prepare(SEED)
    frame = feature_frame(db, "feat_model_input", as_="pandas")
    train, val, _ = split_by_time(frame, validation_share=VALIDATION_SHARE)
    scorer = MinuteScorer().fit(train)
    rows = (val.sort_values(["service", "minute"]).groupby("service").tail(scorer.window_)
            [list(INPUT_COLUMNS)].astype({c: "float64" for c in INPUT_COLUMNS[2:]}))
    rows["minute"] = minute_text(rows["minute"]).to_numpy()
    rows = rows.reset_index(drop=True)
    assert len(rows) == 100, len(rows)
    body = json.dumps({"dataframe_split": {"columns": list(rows.columns),
                                           "data": rows.to_numpy().tolist()}}).encode()
    with tempfile.TemporaryDirectory() as tmp:
        folder = save_scoring_model(scorer, input_example(train, scorer.window_),
                                    Path(tmp) / "model")
        # baseline: the same pyfunc model in this process
        model = mlflow.pyfunc.load_model(str(folder))
        expected = model.predict(rows)
        local = []
        for _ in range(args.requests):
            began = time.perf_counter()
            model.predict(rows)
            local.append(time.perf_counter() - began)
        port = _free_port()
        proc = _start(folder, port, Path(tmp) / "serve.log")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            served = []
            for i in range(args.requests + 10):
                began = time.perf_counter()
                conn.request("POST", "/invocations", body=body,
                             headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - began
                if response.status != 200:
                    raise RuntimeError(f"served model answered {response.status}")
                if i >= 10:  # the first requests warm the server up
                    served.append(elapsed)
            conn.close()
        finally:
            _stop(proc)
    answer = pd.DataFrame(json.loads(payload)["predictions"])
    if not np.allclose(answer["score"].to_numpy(), expected["score"].to_numpy()):
        raise RuntimeError("served scores differ from in-process scores")
    s_med, s_p99 = _stats(served)
    l_med, l_p99 = _stats(local)
    print(f"## bench_serving: 100-row request (5 minutes x 20 services), {args.requests} "
          f"requests, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| | served (`mlflow models serve`, HTTP + JSON) | in-process pyfunc predict "
          "(baseline) | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| median latency | {s_med:.1f} ms | {l_med:.1f} ms | {s_med / l_med:.1f}x |")
    print(f"| p99 latency | {s_p99:.1f} ms | {l_p99:.1f} ms | {s_p99 / l_p99:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
