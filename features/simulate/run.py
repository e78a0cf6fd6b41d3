"""``simulate()``: run the whole simulator and write a telemetry folder.

Files are written under temporary names and moved into place at the end, ``truth.json``
last, so an interrupted run never leaves a folder that looks complete.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from features.contract import CONTRACT_VERSION
from features.simulate import traffic
from features.simulate.catalog import build_catalog, catalog_document
from features.simulate.clock import iso_seconds, iso_utc
from features.simulate.draws import Draws
from features.simulate.faults import DAY, MINUTE, plan_faults, record_incidents
from features.simulate.render import Renderer
from features.simulate.timeline import Timeline
from features.simulate.writer import EventWriter

DEFAULT_START = "2026-03-02T00:00:00Z"
FILES = ("events.jsonl", "requests.jsonl", "spans.jsonl", "deployments.jsonl", "incidents.jsonl",
         "catalog.yaml", "truth.json", "truth_values.jsonl")
_BUFFER = 1 << 20
_WINDOW_MINUTES = 1  # memory is bounded by one window's events (see Timeline.window)


@dataclass(frozen=True)
class SimulationSummary:
    """What a simulation wrote.

    Attributes
    ----------
    out_dir : Path
        The folder written.
    paths : dict of str to Path
        File name -> path, for every file written.
    counts : dict of str to int
        The ``counts`` block of ``truth.json``.
    seed : int
        The seed used.
    params : dict
        The parameters used (as recorded in ``truth.json``).
    """

    out_dir: Path
    paths: dict[str, Path] = field(hash=False)
    counts: dict[str, int] = field(hash=False)
    seed: int = 7
    params: dict[str, Any] = field(default_factory=dict, hash=False)


def _parse_start(start: str | datetime) -> int:
    from features.contract import parse_timestamp

    dt = parse_timestamp(start, field="start")
    midnight = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    return int(midnight.timestamp() * 1000)


def simulate(out_dir: str | os.PathLike[str], *, days: int = 14, services: int = 20, seed: int = 7,
             scale: float = 1.0, start: str | datetime = DEFAULT_START, value_truth: bool = True
             ) -> SimulationSummary:
    """Simulate a microservice system's error telemetry into ``out_dir``.

    Writes the contract files (``events.jsonl``, ``requests.jsonl``, ``spans.jsonl``,
    ``deployments.jsonl``, ``incidents.jsonl``, ``catalog.yaml``), the ground truth
    ``truth.json`` and, unless ``value_truth`` is False, ``truth_values.jsonl``. The same
    arguments give the same bytes. Memory stays bounded at any scale: events are
    generated and written one hour at a time.

    Parameters
    ----------
    out_dir : path
        Folder to write (created if missing; files of a previous run are replaced).
    days : int
        Length of the simulated period (starts at midnight UTC of ``start``).
    services : int
        Number of services in the catalog.
    seed : int
        Seed of every random choice.
    scale : float
        Traffic multiplier: ``scale=1`` with 14 days and 20 services gives about one
        million error events; events grow linearly with days, services and scale.
    start : str or datetime
        First day (RFC 3339); only its date is used.
    value_truth : bool
        Write ``truth_values.jsonl`` (planted personal data and decoys per line).

    Returns
    -------
    SimulationSummary

    Examples
    --------
    >>> import tempfile, json
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     summary = simulate(tmp, days=1, services=3, seed=1, scale=0.01)
    ...     truth = json.loads((summary.out_dir / "truth.json").read_text())
    >>> summary.counts["events_lines"] == truth["counts"]["events_lines"] > 0
    True
    """
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    if services < 1:
        raise ValueError(f"services must be at least 1, got {services}")
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    start_ms = _parse_start(start)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = {"days": days, "services": services, "scale": scale,
              "start": iso_seconds(start_ms), "value_truth": value_truth}
    seq = np.random.SeedSequence(seed)
    rng_catalog, rng_traffic, rng_faults, rng_render, rng_writer, rng_incidents = (
        np.random.default_rng(s) for s in seq.spawn(6))

    catalog = build_catalog(services, rng_catalog)
    plan = plan_faults(catalog, start_ms=start_ms, days=days, rng=rng_faults)
    n_minutes = days * 1440
    first_weekday = int(((start_ms // DAY) + 3) % 7)
    weights = np.array([s.base_rpm for s in catalog])
    error_rates = np.array([s.error_rate for s in catalog])
    rates = traffic.request_rates(weights, error_rates, n_minutes, first_weekday, scale, rng_traffic)
    index = {s.name: i for i, s in enumerate(catalog)}
    for neg in plan.negatives:
        if neg.kind == "traffic_surge":
            a = (neg.start_ms - start_ms) // MINUTE
            b = (neg.end_ms - start_ms) // MINUTE
            bump = traffic.ramp(b - a, neg.factor, 10, 15)
            for name in neg.services:
                rates[index[name], a:b] *= bump
    for ep in plan.episodes:
        if ep.kind == "retry_storm":
            a = (ep.start_ms - start_ms) // MINUTE
            b = (ep.end_ms - start_ms) // MINUTE
            rates[index[ep.root_service], a:b] *= traffic.ramp(b - a, ep.request_multiplier, 3, 2)
    requests, errors = traffic.draw_counts(rates, error_rates, rng_traffic)
    del rates

    tmp = {name: out / f".{name}.partial" for name in FILES}
    renderer = Renderer(catalog, Draws(rng_render))
    timeline = Timeline(catalog, plan, renderer, errors, requests, start_ms=start_ms)

    def open_(name: str):
        return open(tmp[name], "w", encoding="utf-8", newline="\n", buffering=_BUFFER)

    n_requests = n_spans = 0
    with open_("events.jsonl") as ev_f, open_("requests.jsonl") as rq_f, \
            open_("spans.jsonl") as sp_f, open_("truth_values.jsonl") as tv_f:
        writer = EventWriter(ev_f, tv_f if value_truth else None, Draws(rng_writer))
        names = [s.name for s in catalog]
        for m0 in range(0, n_minutes, _WINDOW_MINUTES):
            m1 = min(n_minutes, m0 + _WINDOW_MINUTES)
            records, spans = timeline.window(m0, m1)
            writer.write(records)
            if spans:
                sp_f.write("\n".join(spans))
                sp_f.write("\n")
                n_spans += len(spans)
            rows = []
            block = requests[:, m0:m1].T.tolist()
            for k, row in enumerate(block):
                ts = iso_seconds(start_ms + (m0 + k) * MINUTE)
                for name, n in zip(names, row, strict=True):
                    rows.append(f'{{"timestamp":"{ts}","service":"{name}","requests":{n}}}')
            rq_f.write("\n".join(rows))
            rq_f.write("\n")
            n_requests += len(rows)
        writer.write(timeline.flush())
        writer.finish()

    with open_("deployments.jsonl") as f:
        for dep in plan.deployments:
            f.write(json.dumps({"service": dep.service, "version": dep.version,
                                "deployed_at": iso_utc(dep.deployed_at_ms),
                                "environment": "production"}) + "\n")
    incidents = record_incidents(plan, catalog, rng_incidents)
    with open_("incidents.jsonl") as f:
        for inc in incidents:
            f.write(json.dumps({
                "incident_id": inc.incident_id, "title": inc.title, "severity": inc.severity,
                "services": inc.services, "started_at": iso_seconds(inc.started_at_ms),
                "detected_at": iso_seconds(inc.detected_at_ms),
                "acknowledged_at": iso_seconds(inc.acknowledged_at_ms),
                "resolved_at": iso_seconds(inc.resolved_at_ms), "category": inc.category,
            }) + "\n")
    import yaml

    with open_("catalog.yaml") as f:
        yaml.safe_dump(catalog_document(catalog), f, sort_keys=False, default_flow_style=None)

    counts = {
        "events_lines": writer.line_no,
        "events_valid_unique": writer.valid,
        "malformed": len(writer.malformed),
        "duplicates": len(writer.duplicates),
        "events_with_personal": writer.lines_with_personal,
        "requests_rows": n_requests,
        "spans_rows": n_spans,
        "deployments": len(plan.deployments),
        "incidents": len(incidents),
        "episodes": len(plan.episodes),
        "negatives": len(plan.negatives),
        "services": len(catalog),
    }
    truth = {
        "seed": seed,
        "params": params,
        "contract_version": CONTRACT_VERSION,
        "counts": counts,
        "malformed": writer.malformed,
        "duplicates": writer.duplicates,
        "episodes": [{
            "episode_id": ep.episode_id, "kind": ep.kind, "services": ep.services,
            "root_service": ep.root_service, "start": iso_seconds(ep.start_ms),
            "end": iso_seconds(ep.end_ms), "deploy_version": ep.deploy_version,
            "is_deploy_regression": ep.is_deploy_regression, "new_template": ep.new_template,
            "trace_ids_sample": ep.trace_ids_sample, "event_count": ep.event_count,
            "templates": sorted({k for e in ep.effects for k in e.templates}),
            "incident_id": next((i.incident_id for i in incidents if i.episode_id == ep.episode_id),
                                None),
        } for ep in plan.episodes],
        "negatives": [{
            "kind": n.kind, "services": n.services, "start": iso_seconds(n.start_ms),
            "end": iso_seconds(n.end_ms), **({"version": n.version} if n.version else {}),
        } for n in plan.negatives],
        "deployments": [{
            "service": dep.service, "version": dep.version, "deployed_at": iso_utc(dep.deployed_at_ms),
            "is_regression": dep.is_regression,
        } for dep in plan.deployments],
    }
    with open_("truth.json") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    written = [n for n in FILES if n != "truth.json" and (value_truth or n != "truth_values.jsonl")]
    for name in [*written, "truth.json"]:
        os.replace(tmp[name], out / name)
    if not value_truth:
        tmp["truth_values.jsonl"].unlink(missing_ok=True)
        (out / "truth_values.jsonl").unlink(missing_ok=True)
    paths = {name: out / name for name in [*written, "truth.json"]}
    return SimulationSummary(out, paths, counts, seed, params)
