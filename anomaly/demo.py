"""``faultline demo``: the whole flow on the committed sample, with embedded defaults.

Each step calls the same public function its own subcommand calls, in flow order:
tokenization key → ingest (validate, anonymize, quarantine, dedupe) → fingerprints →
features → train (MLflow) → score → classify → Prometheus rules → alert payloads
(dry run) → report and postmortem drafts → privacy scan of everything written.

Everything lands under one working folder (default: the current directory):
``data/faultline.duckdb``, ``data/keys/token.key`` and ``data/keys/audit.key`` (the
audit log's HMAC key; each created once, mode 0600),
``models/`` (MLflow store, rules, exported payloads) and ``reports/``. A rerun is
safe: ingest skips files it has, fingerprints and features are incremental, and a
newly trained model only becomes champion when it beats the current one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["DemoResult", "run_demo"]


@dataclass
class DemoResult:
    """What the demo did: one line per step, and where things were written."""

    steps: list[tuple[str, float, str]] = field(default_factory=list)
    db_path: Path | None = None
    report_path: Path | None = None
    findings: int = 0


def _sample_dir() -> Path:
    here = Path(__file__).resolve().parents[1] / "data" / "sample"
    return here


def run_demo(
    sample_dir: str | os.PathLike[str] | None = None,
    *,
    workdir: str | os.PathLike[str] = ".",
    echo: Callable[[str], None] = print,
) -> DemoResult:
    """Run every stage on ``sample_dir`` and return a summary.

    Parameters
    ----------
    sample_dir : path, optional
        A folder in the input contract's layout (default: the repository's
        ``data/sample``).
    workdir : path
        Where ``data/``, ``models/`` and ``reports/`` are written.
    echo : callable
        Receives one human line per step.

    Returns
    -------
    DemoResult

    Raises
    ------
    RuntimeError
        When a step fails its own check (an unreconciled ingest, findings of the
        privacy scan); the message names the step.
    """
    # MLflow's download progress bars and INFO lines would drown the demo's own lines
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    import logging

    logging.getLogger("mlflow").setLevel(logging.WARNING)
    sample = Path(sample_dir) if sample_dir is not None else _sample_dir()
    if not (sample / "events.jsonl").exists() and not any(sample.glob("events*")):
        raise FileNotFoundError(
            f"no events file in {sample}; pass a folder in the contract layout "
            "(events*.jsonl, requests*, spans*, deployments*, incidents*, catalog.yaml)"
        )
    work = Path(workdir).resolve()
    data_dir, models_dir, reports_dir = work / "data", work / "models", work / "reports"
    db_path = data_dir / "faultline.duckdb"
    result = DemoResult(db_path=db_path)

    def step(name: str, fn: Callable[[], str]) -> Any:
        echo(f"[{len(result.steps) + 1:>2}] {name} ...")
        t0 = time.perf_counter()
        summary = fn()
        took = time.perf_counter() - t0
        result.steps.append((name, took, summary))
        echo(f"     {summary}  ({took:.1f} s)")

    # 1. the tokenization key: the demo may create one, every other command refuses
    def make_key() -> str:
        from features.privacy import ensure_key_file

        if os.environ.get("FAULTLINE_TOKEN_KEY"):
            return f"using FAULTLINE_TOKEN_KEY from the environment; {make_audit_key()}"
        path = Path(os.environ.get("FAULTLINE_TOKEN_KEY_FILE") or data_dir / "keys" / "token.key")
        existed = path.exists()
        ensure_key_file(path)
        os.environ["FAULTLINE_TOKEN_KEY_FILE"] = str(path)
        return (f"{'reusing' if existed else 'created'} key file {_rel(path, work)} (mode "
                f"0600); {make_audit_key()}")

    # the audit key, beside it: every audit row the demo writes is keyed (HMAC)
    def make_audit_key() -> str:
        from features.governance.audit import ensure_audit_key_file

        if os.environ.get("FAULTLINE_AUDIT_KEY"):
            return "audit key from FAULTLINE_AUDIT_KEY"
        path = Path(os.environ.get("FAULTLINE_AUDIT_KEY_FILE") or data_dir / "keys" / "audit.key")
        existed = path.exists()
        ensure_audit_key_file(path)
        os.environ["FAULTLINE_AUDIT_KEY_FILE"] = str(path)
        return f"{'reusing' if existed else 'created'} audit key {_rel(path, work)}"

    step("tokenization key", make_key)

    from features.store import Store

    with Store.open(db_path) as store:

        def do_ingest() -> str:
            from features.ingest import ingest

            report = ingest([sample], store=store)
            if not report.is_reconciled:
                raise RuntimeError("ingest: input rows != accepted + quarantined + duplicate")
            t = report.totals()
            skipped = sum(1 for f in report.files if "already" in f.status)
            return (
                f"{len(report.files)} files ({skipped} already ingested): "
                f"{t['count_input']:,} rows = {t['count_accepted']:,} accepted + "
                f"{t['count_quarantined']:,} quarantined + {t['count_duplicate']:,} duplicate"
            )

        step("ingest (validate, anonymize, dedupe)", do_ingest)

        def do_fingerprint() -> str:
            from features.fingerprint import fingerprint_store

            n = fingerprint_store(store.con)
            (templates,) = store.con.execute("SELECT count(*) FROM templates").fetchone()
            (fps,) = store.con.execute("SELECT count(*) FROM fingerprints").fetchone()
            return f"{n:,} events fingerprinted; {templates:,} templates, {fps:,} fingerprints"

        step("fingerprints", do_fingerprint)

        def do_features() -> str:
            from features.build import build_features

            res = build_features(store)
            (rows,) = store.con.execute("SELECT count(*) FROM feat_model_input").fetchone()
            return (f"{res.mode} build of {len(res.sql_sha256)} SQL files; "
                    f"feat_model_input has {rows:,} rows")

        step("features", do_features)

        def do_train() -> str:
            from anomaly.train import train

            truth = sample / "truth.json"
            res = train(store=store, models_dir=models_dir,
                        truth=truth if truth.exists() else None)
            m = res.metrics
            verdict = "champion" if res.is_promoted else "not promoted"
            return (f"model v{res.version} ({verdict}: {res.promotion_reason}); validation "
                    f"episode F1 {m.get('val_episode_f1', float('nan')):.3f}, median delay "
                    f"{m.get('val_delay_median_min', float('nan')):.1f} min, "
                    f"truth from {res.truth_source}")

        step("train (tracked in MLflow, registered)", do_train)

        def do_score() -> str:
            from anomaly.scoring import score_store

            res = score_store(store=store, models_dir=models_dir)
            return (f"{res.n_rows:,} service-minutes scored with {res.model_uri}; "
                    f"{res.n_anomalies:,} anomalous")

        step("batch scoring → anomalies", do_score)

        def do_classify() -> str:
            from anomaly.classify import classify

            rows = classify(store)
            if rows.empty:
                return "no episodes"
            kinds = rows.drop_duplicates("incident_id")["kind"].value_counts().to_dict()
            sev = rows["severity"].value_counts().sort_index().to_dict()
            return (f"{rows['incident_id'].nunique()} incidents over {len(rows)} service "
                    f"episodes; kinds {kinds}; severities {sev}")

        step("classify → episodes", do_classify)

        def do_alerts() -> str:
            import json

            from anomaly.export import build_alerts

            episodes = store.table("episodes")
            now = episodes["end"].max() if len(episodes) else None
            plan = build_alerts(episodes, now=now)
            out = models_dir / "alerts" / "dry-run.jsonl"
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8") as fh:
                for msg in plan.messages:
                    fh.write(json.dumps({"target": msg.target, "action": msg.action,
                                         "dedup_key": msg.dedup_key, "body": msg.body},
                                        default=str) + "\n")
            targets = {}
            for msg in plan.messages:
                targets[msg.target] = targets.get(msg.target, 0) + 1
            return f"{len(plan.messages)} payloads {targets} written to {_rel(out, work)} (dry run)"

        step("alert payloads (dry run)", do_alerts)

        def do_prometheus() -> str:
            from anomaly.export import (
                build_prometheus_rules,
                read_baselines,
                write_prometheus_rules,
            )

            doc = build_prometheus_rules(read_baselines(store), store.table("services"))
            path = write_prometheus_rules(doc, models_dir / "prometheus" / "faultline-rules.yml")
            n_rules = sum(len(g.get("rules", [])) for g in doc.get("groups", []))
            return f"{n_rules} rules in {_rel(path, work)}"

        step("Prometheus rules", do_prometheus)

        def do_report() -> str:
            from anomaly.report import build_report, write_postmortems

            # drafts first, so the report shows their status
            drafts, status = write_postmortems(store, reports_dir / "postmortems")
            truth = sample / "truth.json"
            res = build_report(store, out_dir=reports_dir,
                               truth=truth if truth.exists() else None,
                               postmortem_dir=reports_dir / "postmortems")
            result.report_path = res.html_path
            return (f"{_rel(res.html_path, work)} and {_rel(res.markdown_path, work)} "
                    f"({len(res.figure_paths)} plots); {len(drafts)} new P1 postmortem drafts, "
                    f"{len(status)} P1 incidents checked")

        step("report and P1 postmortem drafts", do_report)

    def do_export_model() -> str:
        from anomaly.pyfunc import export_model
        from anomaly.tracking import configure_tracking

        configure_tracking(models_dir=models_dir)
        exported = export_model(out_dir=models_dir / "export" / "faultline", db=db_path)
        return (f"champion v{exported.version} exported to {_rel(exported.path, work)}; serve it "
                f"with: mlflow models serve -m {exported.path} --env-manager local")

    step("export the served model", do_export_model)

    def do_scan() -> str:
        from features.privacy import scan_paths

        targets = [p for p in (data_dir / "faultline.duckdb", models_dir, reports_dir) if p.exists()]
        findings = scan_paths(targets)
        result.findings = len(findings)
        if findings:
            where = ", ".join(sorted({f"{Path(f.path).name}:{f.location}:{f.kind}" for f in findings})[:10])
            raise RuntimeError(f"privacy scan found personal data in what the demo wrote: {where}")
        return f"nothing found in {', '.join(_rel(p, work) for p in targets)}"

    step("privacy scan of everything written", do_scan)
    return result


def _rel(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
