"""The detectors compiled by mypyc find exactly what the pure-Python ones find, and a build
is used only for the sources it was compiled from (``features.privacy._native``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import simulated_events

from features.privacy import _native

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "privacy"

# What the other process prints for each text: every span find_spans returns (plain and
# as an identifier), its gate bits and whether it could find anything.
_DUMP = """
import json, sys
from features.privacy import _native, detectors
texts = json.load(open(sys.argv[1], encoding="utf-8"))
out = [[[(s.start, s.end, s.kind, s.priority) for s in detectors.find_spans(t)],
        [(s.start, s.end, s.kind, s.priority) for s in detectors.find_spans(t, identifiers=True)],
        detectors.gate_bits(t), detectors.could_find(t)] for t in texts]
json.dump({"native": _native.native_info()["active"], "out": out}, sys.stdout)
"""


def _fixture_texts() -> list[str]:
    texts = []
    for name in ("personal.tsv", "decoys.tsv"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.append(line.split("\t")[1].replace("\\n", "\n"))
    return texts


def _dump(texts_file: Path, native: bool) -> dict:
    env = {**os.environ, "FAULTLINE_NATIVE": "1" if native else "0"}
    done = subprocess.run([sys.executable, "-c", _DUMP, str(texts_file)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, timeout=600)
    return json.loads(done.stdout)


@pytest.mark.skipif(not _native.native_info()["active"],
                    reason="no compiled detectors for these sources (make install builds them)")
def test_compiled_detectors_find_what_the_pure_ones_find(tmp_path: Path) -> None:
    from features.simulate.run import simulate

    simulate(tmp_path, days=1, services=4, seed=23, scale=0.05)
    texts = _fixture_texts()
    for row in simulated_events(tmp_path):
        for field in ("message", "stack_trace"):
            if isinstance(row.get(field), str):
                texts.append(row[field])
        if isinstance(row.get("attributes"), dict):
            texts.append(json.dumps(row["attributes"]))
    texts = list(dict.fromkeys(texts))
    assert len(texts) > 1000
    corpus = tmp_path / "texts.json"
    corpus.write_text(json.dumps(texts), encoding="utf-8")
    pure, compiled = _dump(corpus, native=False), _dump(corpus, native=True)
    assert pure["native"] is False and compiled["native"] is True
    found = sum(bool(o[0]) for o in pure["out"])
    assert found > 200  # the corpus holds personal data to find
    assert compiled["out"] == pure["out"]


def test_a_build_is_used_only_for_its_own_sources(tmp_path: Path) -> None:
    for name in _native.MODULES:
        (tmp_path / f"{name}.py").write_bytes((ROOT / "features" / "privacy" / f"{name}.py").read_bytes())
    same = _native.source_tag(tmp_path)
    assert same == _native.source_tag(ROOT / "features" / "privacy")
    with open(tmp_path / "detectors.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert _native.source_tag(tmp_path) != same


def test_native_can_be_turned_off_and_a_missing_build_is_not_loaded(monkeypatch) -> None:
    monkeypatch.setenv("FAULTLINE_NATIVE", "0")
    path: list[str] = []
    assert _native.activate(path) is False and path == []
    monkeypatch.setenv("FAULTLINE_NATIVE", "1")
    monkeypatch.setattr(_native, "_COMPILED", Path("/nonexistent/faultline/compiled"))
    assert _native.activate(path) is False and path == []


def test_a_broken_build_warns_and_is_not_used(tmp_path: Path) -> None:
    """A build for the current sources whose files cannot be loaded leaves the pure-Python
    detectors in use, with a warning that says how to rebuild (in another process: on
    failure activate forgets the modules it tried)."""
    probe = f"""
import json, warnings
from pathlib import Path
import features.privacy._native as n
n._COMPILED = Path({str(tmp_path)!r})
folder = n._COMPILED / n.source_tag()
(folder / "pkg").mkdir(parents=True)
(folder / "manifest.json").write_text(json.dumps({{"group": "gone__mypyc", "group_file": "gone.so"}}))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    path = []
    ok = n.activate(path)
print(json.dumps({{"ok": ok, "path": path, "warned": [str(w.message) for w in caught]}}))
"""
    env = {**os.environ, "FAULTLINE_NATIVE": "1"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    got = json.loads(done.stdout)
    assert got["ok"] is False and got["path"] == []
    assert len(got["warned"]) == 1 and "could not be loaded" in got["warned"][0]
    assert "python -m features.privacy.compile" in got["warned"][0]


def test_the_modules_read_as_python_whether_compiled_or_not() -> None:
    """Public functions keep their docstrings and signatures, ``Span`` pickles and
    compares as before (in the running process, compiled when built)."""
    import inspect
    import pickle

    from features.privacy import checks, detectors, keys

    for module in (checks, keys, detectors):
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj) and not isinstance(obj, type):
                assert obj.__doc__ and obj.__module__ == module.__name__, name
    assert list(inspect.signature(detectors.find_spans).parameters) == ["text", "identifiers", "gates"]
    spans = detectors.find_spans("login failed for ada@example.com from 203.0.113.9")
    assert [s.kind for s in spans] == ["email", "ipv4"]
    assert pickle.loads(pickle.dumps(spans)) == spans
    assert spans[0] == detectors.Span(spans[0].start, spans[0].end, "email", spans[0].priority)
    assert detectors.Span.__module__ == "features.privacy.detectors" and detectors.Span.__doc__


def test_two_builds_at_once_keep_one(tmp_path: Path) -> None:
    def finished(name: str, mark: str) -> Path:
        folder = tmp_path / name
        (folder / "pkg").mkdir(parents=True)
        (folder / "manifest.json").write_text(mark)
        return folder

    dest = tmp_path / "tag"
    _native._move_into_place(finished("a", "first"), dest, force=False)
    _native._move_into_place(finished("b", "second"), dest, force=False)  # the other run's
    assert (dest / "manifest.json").read_text() == "first" and not (tmp_path / "b").exists()
    _native._move_into_place(finished("c", "forced"), dest, force=True)
    assert (dest / "manifest.json").read_text() == "forced"
