"""Analytics: plain functions over frames that answer "what keeps failing, where, after
which deploys, how fast we notice and fix it".

Every function takes pandas frames and returns a frame, so it runs the same on
hand-made data in a test, in a notebook, and in the report. :func:`load_inputs` reads
the frames from a store (``error_counts``, ``episodes``, ``incidents``, ``catalog``…);
:func:`telemetry_cost` is the one analytic that measures the store itself.

=========================  ==========================================================
module                     owns
=========================  ==========================================================
``volume``                 errors and episodes by service, team, fingerprint, deploy
``recurrence``             recurring fingerprints and kinds, weekly trends, categories
``mttx``                   MTTD / MTTA / MTTR from the incident history and detection
                           delays of detected episodes against ground truth
``slo``                    error-budget burn per service
``oncall``                 pages per team and week, out of hours, escalation targets
``cost``                   telemetry cost per field and attribute key, with suggestions
``improvements``           ranked engineering actions with evidence
=========================  ==========================================================

Examples
--------
>>> import pandas as pd
>>> from anomaly.analytics import error_volume
>>> counts = pd.DataFrame({"hour": pd.to_datetime(["2026-03-02 10:00"] * 2),
...     "service": ["cart", "auth"], "count_errors": [3, 1]})
>>> error_volume(counts)["service"].tolist()
['cart', 'auth']
"""

from anomaly.analytics.cost import CostSettings, telemetry_cost
from anomaly.analytics.improvements import ImprovementSettings, improvement_items
from anomaly.analytics.mttx import (
    detection_delays,
    detection_summary,
    incident_timings,
    mttx_summary,
    mttx_trend,
    truth_from_incidents,
)
from anomaly.analytics.oncall import escalation_load, oncall_load, pages
from anomaly.analytics.periods import WorkingHours, percentile, week_start
from anomaly.analytics.recurrence import (
    categorize_errors,
    recurring_fingerprints,
    recurring_kinds,
    top_categories,
    weekly_trend,
)
from anomaly.analytics.slo import BurnSettings, budget_burn_daily, error_budget_burn
from anomaly.analytics.tables import AnalyticsInputs, load_inputs
from anomaly.analytics.volume import (
    deploy_cycles,
    episode_volume,
    error_rate_timeline,
    error_volume,
    with_team,
)

__all__ = [
    "AnalyticsInputs",
    "BurnSettings",
    "CostSettings",
    "ImprovementSettings",
    "WorkingHours",
    "budget_burn_daily",
    "categorize_errors",
    "deploy_cycles",
    "detection_delays",
    "detection_summary",
    "episode_volume",
    "error_budget_burn",
    "error_rate_timeline",
    "error_volume",
    "escalation_load",
    "improvement_items",
    "incident_timings",
    "load_inputs",
    "mttx_summary",
    "mttx_trend",
    "oncall_load",
    "pages",
    "percentile",
    "recurring_fingerprints",
    "recurring_kinds",
    "telemetry_cost",
    "top_categories",
    "truth_from_incidents",
    "week_start",
    "weekly_trend",
    "with_team",
]
