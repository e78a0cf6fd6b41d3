"""The committed sample in data/sample/ is what its documented command writes."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from features.simulate import simulate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def _documented_command() -> dict:
    text = (ROOT / "data" / "README.md").read_text()
    m = re.search(r"faultline simulate --days (\d+) --services (\d+) --seed (\d+) --scale ([\d.]+) "
                  r"--out data/sample", text)
    assert m, "data/README.md must give the exact command that wrote data/sample"
    return {"days": int(m[1]), "services": int(m[2]), "seed": int(m[3]), "scale": float(m[4])}


@pytest.mark.skipif(not SAMPLE.exists(), reason="no committed sample")
def test_sample_is_reproduced_by_its_command(tmp_path):
    summary = simulate(tmp_path, **_documented_command())
    for name in summary.paths:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name


@pytest.mark.skipif(not SAMPLE.exists(), reason="no committed sample")
def test_sample_is_small_and_has_every_kind_of_episode():
    total = sum(p.stat().st_size for p in SAMPLE.iterdir())
    assert total <= 10 * 1024 * 1024
    truth = json.loads((SAMPLE / "truth.json").read_text())
    kinds = Counter(e["kind"] for e in truth["episodes"])
    assert all(kinds[k] >= 2 for k in ("transient", "persistent", "cascading", "retry_storm"))
    assert any(e["is_deploy_regression"] for e in truth["episodes"])
    assert {n["kind"] for n in truth["negatives"]} == {"traffic_surge", "clean_deploy"}
    assert truth["malformed"] and truth["duplicates"]
    planted = Counter()
    for line in (SAMPLE / "truth_values.jsonl").read_text().splitlines():
        for item in json.loads(line)["personal"]:
            planted[item["kind"]] += 1
    assert len(planted) == 23
