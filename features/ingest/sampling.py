"""Optional stratified sampling of high-volume event streams, recorded for re-weighting.

Within each chunk, events are grouped into strata by ``(service, error_type,
severity)``. A stratum with at most ``min_keep`` new events (a rare kind of error)
is kept whole; of a larger stratum the first ``min_keep`` events are kept (every
error class stays visible) and each other event is kept with probability ``rate``,
decided by a hash of its identity so that a rerun keeps the same events. Events of
the severities in ``keep_severities`` are always kept. Every kept event's
``sample_weight`` is ``stratum size / kept in stratum``, so ``sum(sample_weight)``
over any group of strata equals the number of events accepted.

Examples
--------
>>> s = Sampling(rate=0.1, min_keep=2)
>>> s.describe()["strata"]
['service', 'error_type', 'severity']
>>> Sampling(rate=1.5)
Traceback (most recent call last):
...
ValueError: sampling rate must be in (0, 1], got 1.5
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Sampling"]

_STRATA = ("service", "error_type", "severity")


@dataclass(frozen=True)
class Sampling:
    """Settings for stratified sampling.

    Parameters
    ----------
    rate : float
        Share of the non-rare part of each stratum that is kept, in (0, 1].
    min_keep : int
        Strata with at most this many events per chunk are kept whole, and every
        stratum keeps at least this many.
    keep_severities : tuple of str
        Severities never sampled out.
    """

    rate: float
    min_keep: int = 20
    keep_severities: tuple[str, ...] = ("FATAL",)

    def __post_init__(self) -> None:
        if not 0 < self.rate <= 1:
            raise ValueError(f"sampling rate must be in (0, 1], got {self.rate}")
        if self.min_keep < 0:
            raise ValueError(f"min_keep must be 0 or more, got {self.min_keep}")

    def describe(self) -> dict[str, Any]:
        """The settings as recorded in the lineage row."""
        return {
            "rate": self.rate,
            "min_keep": self.min_keep,
            "keep_severities": list(self.keep_severities),
            "strata": list(_STRATA),
            "weight": "stratum_size / kept_in_stratum, per chunk",
        }

    def sql(self, table: str) -> str:
        """A SELECT over ``table`` (new events with ``_line_no``, ``_h``) adding
        ``_keep`` (bool) and ``_weight`` (double)."""
        strata = ", ".join(_STRATA)
        threshold = int(round(self.rate * 1_000_000))
        keep_sev = ", ".join("'" + s.replace("'", "''") + "'" for s in self.keep_severities) or "NULL"
        return f"""
WITH ranked AS (
  SELECT *, count(*) OVER (PARTITION BY {strata}) AS _n,
         row_number() OVER (PARTITION BY {strata} ORDER BY _line_no) AS _rank
  FROM {table}
), decided AS (
  SELECT *, (_n <= {self.min_keep} OR _rank <= {self.min_keep}
             OR severity IN ({keep_sev})
             OR CAST(_h % 1000000 AS BIGINT) < {threshold}) AS _keep
  FROM ranked
)
SELECT * EXCLUDE (_n, _rank),
       CASE WHEN _keep THEN _n / sum(CAST(_keep AS INTEGER)) OVER (PARTITION BY {strata})
       END AS _weight
FROM decided
"""
