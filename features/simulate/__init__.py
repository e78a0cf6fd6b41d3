"""A seeded simulator of a microservice system's error telemetry.

``simulate(out_dir, days=14, services=20, seed=7, scale=1.0)`` writes the contract
files (``events.jsonl``, ``requests.jsonl``, ``spans.jsonl``, ``deployments.jsonl``,
``incidents.jsonl``, ``catalog.yaml``) plus the ground truth (``truth.json``,
``truth_values.jsonl``) for tests, notebooks, demos and fault-injection exercises.

Modules: ``catalog`` (services and the call graph), ``traffic`` (requests and
background error counts), ``faults`` (episodes, negatives, deployments, incidents),
``templates`` / ``slots`` / ``stacks`` (what messages look like), ``personal`` and
``identifiers`` (planted personal data and decoys), ``render`` (JSON lines),
``timeline`` (events per hour), ``writer`` (malformed lines, duplicates, value truth),
``run`` (:func:`simulate`).

Examples
--------
>>> import tempfile
>>> from features.simulate import simulate
>>> with tempfile.TemporaryDirectory() as tmp:
...     summary = simulate(tmp, days=1, services=4, seed=3, scale=0.01)
>>> sorted(summary.paths)[:3]
['catalog.yaml', 'deployments.jsonl', 'events.jsonl']
"""

from features.simulate.run import DEFAULT_START, SimulationSummary, simulate

__all__ = ["DEFAULT_START", "SimulationSummary", "simulate"]
