"""faultline's ``anomaly`` package: from feature tables to decisions.

The public surface, imported lazily so ``import anomaly`` (and ``faultline --help``)
stays fast — scikit-learn, PyOD and MLflow load only when a name that needs them is
first used:

* series detectors — :func:`score_series`, :class:`SeriesScorer`,
  :class:`SeasonalBaseline`, :class:`CountTail`, :class:`LevelShift`
* calibration — scores in [0, 1], :func:`threshold_for_budget`,
  :class:`EmpiricalCalibrator`
* multivariate detectors — :class:`IForestDetector`, :class:`ECODDetector`,
  :class:`COPODDetector`, :class:`HBOSDetector`, :class:`LOFDetector`,
  :class:`RankEnsemble`; wrappers :class:`PerService`, :class:`AlertBudget`
* the scoring model and MLflow — :class:`MinuteScorer`, ``anomaly.train.train``,
  :func:`score_store`, :func:`export_model`, :func:`configure_tracking`,
  :func:`evaluate_episodes`
* episodes — :func:`find_episodes`, ``anomaly.classify.classify``,
  :func:`assess_severity`, ``anomaly.gate.gate``
* analytics and reports — :func:`build_report`, :func:`write_postmortems`
* alerting exports — ``anomaly.export`` (Prometheus rules, alert payloads, outbox)
* governance — :func:`review_quarter`, :func:`model_lineage`

(``train``, ``classify`` and ``gate`` share their names with their modules, so they are
reached through the module.)

Examples
--------
>>> import numpy as np, pandas as pd, anomaly
>>> frame = pd.DataFrame({"timestamp": pd.date_range("2026-01-01", periods=300, freq="min"),
...                       "value": np.r_[np.zeros(299), 40.0]})
>>> float(anomaly.score_series(frame)[-1]) > 0.5
True
"""

from __future__ import annotations

from features.lazy import lazy_exports

# name -> module that defines it
_LAZY = {
    "AlertBudget": "anomaly.wrappers",
    "COPODDetector": "anomaly.multivariate",
    "CountTail": "anomaly.counts",
    "ECODDetector": "anomaly.multivariate",
    "EmpiricalCalibrator": "anomaly.calibration",
    "EpisodeSettings": "anomaly.episodes",
    "HBOSDetector": "anomaly.multivariate",
    "IForestDetector": "anomaly.multivariate",
    "LOFDetector": "anomaly.multivariate",
    "LevelShift": "anomaly.changepoint",
    "MinuteScorer": "anomaly.model",
    "PerService": "anomaly.wrappers",
    "RankEnsemble": "anomaly.ensemble",
    "SeasonalBaseline": "anomaly.seasonal",
    "SeriesScorer": "anomaly.series",
    "assess_severity": "anomaly.severity",
    "build_report": "anomaly.report",
    "check_detector": "anomaly.checks",
    "configure_tracking": "anomaly.tracking",
    "evaluate_episodes": "anomaly.evaluation",
    "export_model": "anomaly.pyfunc",
    "find_episodes": "anomaly.episodes",
    "model_lineage": "anomaly.lineage",
    "review_quarter": "anomaly.audit_review",
    "score_series": "anomaly.series",
    "score_store": "anomaly.scoring",
    "threshold_for_budget": "anomaly.calibration",
    "write_postmortems": "anomaly.report",
}

__all__ = sorted(_LAZY)


__getattr__, __dir__ = lazy_exports("anomaly", _LAZY, globals())
