"""Alert-fatigue control: fold lower-severity alerts into the incident that explains them.

During an *active* incident (at least one open episode) that spans at least
``min_services`` distinct services, an open episode of one of those services whose
severity is lower than the incident's is not alerted on its own: it is listed in the
incident's alert instead. That holds for the incident's own lower-severity episodes
(the downstream symptoms of a cascade) and for episodes of *other* incidents on the
same services (a separate, weaker detection of the same trouble).

The incident's severity is the most severe (lowest P number) of its episodes; an
episode at the same or a higher severity is never suppressed, so the people owning a
service that is itself paging are still paged. When several active incidents could
suppress an episode, the most severe wins, then the earliest start, then the smallest
incident id, so the outcome never depends on row order; an incident whose open episodes
are all folded into another absorbs nothing itself. Closed episodes are never
suppressed: their resolve events always go out.

Examples
--------
>>> from datetime import datetime
>>> t = datetime(2026, 3, 1, 10)
>>> rows = [
...     dict(incident_id="A", episode_id="a1", service="checkout", severity="P1",
...          is_open=True, start=t, team="payments"),
...     dict(incident_id="A", episode_id="a2", service="payments", severity="P3",
...          is_open=True, start=t, team="payments"),
...     dict(incident_id="B", episode_id="b1", service="payments", severity="P4",
...          is_open=True, start=t, team="payments"),
... ]
>>> s = plan_suppression(rows)
>>> sorted(s.suppressed_by.items())
[('a2', 'A'), ('b1', 'A')]
>>> [e["episode_id"] for e in s.listed["A"]]
['a2', 'b1']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Suppression", "plan_suppression", "severity_rank"]


def severity_rank(priority: str) -> int:
    """1 for P1 (most severe) to 5 for P5.

    Examples
    --------
    >>> severity_rank("P2")
    2
    """
    return int(priority[1:])


@dataclass(frozen=True)
class Suppression:
    """The outcome of :func:`plan_suppression`.

    Attributes
    ----------
    suppressed_by : dict
        episode_id -> incident_id of the active incident whose alert lists it.
    listed : dict
        incident_id -> the suppressed episodes (records) listed in its alert, sorted by
        severity then service.
    """

    suppressed_by: dict[str, str] = field(default_factory=dict)
    listed: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)

    def is_suppressed(self, episode_id: str) -> bool:
        """Whether the episode is folded into another alert."""
        return episode_id in self.suppressed_by


def plan_suppression(
    episodes: Sequence[Mapping[str, Any]], *, min_services: int = 2
) -> Suppression:
    """Decide which open episodes are folded into an active multi-service incident.

    Parameters
    ----------
    episodes : sequence of mappings
        Episode records with ``incident_id``, ``episode_id``, ``service``,
        ``severity`` (P1..P5), ``is_open`` and ``start``.
    min_services : int
        How many distinct services an incident must span for its alert to absorb
        lower-severity alerts (at least 2).

    Returns
    -------
    Suppression
    """
    if min_services < 2:
        raise ValueError(f"min_services must be at least 2, got {min_services}")
    by_incident: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for ep in episodes:
        by_incident[ep["incident_id"]].append(ep)

    # Active incidents spanning enough services: (rank, start, id, services).
    suppressors = []
    for incident_id, eps in by_incident.items():
        if not any(e["is_open"] for e in eps):
            continue
        services = {e["service"] for e in eps}
        if len(services) < min_services:
            continue
        rank = min(severity_rank(e["severity"]) for e in eps)
        start = min(e["start"] for e in eps)
        suppressors.append((rank, start, incident_id, services))
    suppressors.sort(key=lambda s: (s[0], s[1], s[2]))

    suppressed_by: dict[str, str] = {}
    listed: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    open_eps = [e for e in episodes if e["is_open"]]
    for s_rank, _start, incident_id, services in suppressors:
        # An incident folded entirely into a more severe one absorbs nothing itself:
        # what it would list goes to the incident that absorbed it.
        own_open = [e for e in by_incident[incident_id] if e["is_open"]]
        if all(e["episode_id"] in suppressed_by for e in own_open):
            continue
        for ep in open_eps:
            if ep["episode_id"] in suppressed_by:
                continue
            if ep["service"] in services and severity_rank(ep["severity"]) > s_rank:
                suppressed_by[ep["episode_id"]] = incident_id
                listed[incident_id].append(ep)
    for eps in listed.values():
        eps.sort(key=lambda e: (severity_rank(e["severity"]), e["service"], e["episode_id"]))
    return Suppression(suppressed_by, dict(listed))
