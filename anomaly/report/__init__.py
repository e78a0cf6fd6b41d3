"""Reports: the HTML + Markdown report of a store, and P1 postmortem drafts.

Examples
--------
>>> from anomaly.report import build_report, write_postmortems
>>> callable(build_report) and callable(write_postmortems)
True
"""

from anomaly.report.builder import ReportResult, build_report, compute_analytics
from anomaly.report.postmortem import (
    PostmortemSettings,
    completion,
    p1_incidents,
    postmortem_draft,
    postmortem_status,
    write_postmortems,
)

__all__ = [
    "PostmortemSettings",
    "ReportResult",
    "build_report",
    "completion",
    "compute_analytics",
    "p1_incidents",
    "postmortem_draft",
    "postmortem_status",
    "write_postmortems",
]
