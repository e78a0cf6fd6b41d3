"""Per-minute request traffic and background error counts.

Traffic has a daily cycle (trough near 04:00 UTC, peak mid-afternoon), a weekly
cycle (quieter weekends), a slow per-service drift and per-minute noise. Surges and
retry storms multiply it for a while; background errors are drawn in proportion to
requests, so a benign surge raises error *counts* but not error *rates*.

``scale`` multiplies traffic. It is calibrated so that the defaults (14 days,
20 services, ``scale=1``) give about one million error events; error volume grows
linearly with days, services and scale.

Examples
--------
>>> import numpy as np
>>> minutes = np.arange(0, 7 * 1440, 60)
>>> f = seasonality(minutes, first_weekday=0)
>>> bool(f.max() <= 1.0) and bool(f.min() > 0.2)
True
>>> int(np.argmax(f[:24]))  # the hour of the daily peak (UTC)
16
"""

from __future__ import annotations

import numpy as np

#: Background error events per service-minute at ``scale=1`` (episodes add ~5-10 %).
ERRORS_PER_SERVICE_MINUTE = 1.65
_WEEKLY = np.array([1.0, 1.0, 1.0, 1.0, 0.95, 0.75, 0.7])  # Monday .. Sunday
_MEAN_SEASON = 0.66 * float(_WEEKLY.mean())


def seasonality(minutes: np.ndarray, first_weekday: int) -> np.ndarray:
    """Relative traffic at each minute offset (0..1): daily times weekly cycle.

    Parameters
    ----------
    minutes : ndarray of int
        Minutes since the start of the simulation (which starts at 00:00 UTC).
    first_weekday : int
        Weekday of the first day, Monday = 0.
    """
    hour = (minutes % 1440) / 60.0
    daily = 0.32 + 0.68 * (0.5 - 0.5 * np.cos(2 * np.pi * (hour - 4.0) / 24.0))
    weekday = (first_weekday + minutes // 1440) % 7
    return daily * _WEEKLY[weekday]


def request_rates(base_weights: np.ndarray, error_rates: np.ndarray, n_minutes: int,
                  first_weekday: int, scale: float, rng: np.random.Generator) -> np.ndarray:
    """Expected requests per minute, shape (services, minutes), before surges.

    Each service's level is set so that its expected background errors are its share
    (by ``base_weights``) of ``ERRORS_PER_SERVICE_MINUTE * n_services * scale``.
    """
    n = len(base_weights)
    share = base_weights / base_weights.sum()
    errors_per_minute = ERRORS_PER_SERVICE_MINUTE * n * scale * share
    level = errors_per_minute / (error_rates * _MEAN_SEASON)
    minutes = np.arange(n_minutes)
    season = seasonality(minutes, first_weekday)
    # slow drift: a smoothed random walk per service, in log space
    steps = rng.normal(0.0, 0.01, size=(n, n_minutes))
    drift = np.cumsum(steps, axis=1)
    drift -= drift.mean(axis=1, keepdims=True)
    drift = np.clip(drift, -0.3, 0.3)
    noise = rng.lognormal(0.0, 0.08, size=(n, n_minutes))
    return level[:, None] * season[None, :] * np.exp(drift) * noise


def draw_counts(rates: np.ndarray, error_rates: np.ndarray, rng: np.random.Generator
                ) -> tuple[np.ndarray, np.ndarray]:
    """Draw requests and background error counts per service-minute.

    Errors are bursty: the per-minute error probability has log-normal noise.
    Returns ``(requests, errors)``, both int64 arrays shaped like ``rates``.
    """
    requests = rng.poisson(rates)
    burst = rng.lognormal(0.0, 0.35, size=rates.shape)
    p = np.clip(error_rates[:, None] * burst, 0.0, 1.0)
    errors = rng.binomial(requests, p)
    return requests.astype(np.int64), errors.astype(np.int64)


def ramp(n_minutes: int, peak: float, up: int, down: int) -> np.ndarray:
    """A trapezoid multiplier: 1 → ``peak`` over ``up`` minutes, back over ``down``.

    Examples
    --------
    >>> ramp(6, 3.0, 2, 2).round(2).tolist()
    [2.0, 3.0, 3.0, 3.0, 3.0, 2.0]
    """
    t = np.arange(n_minutes, dtype=float)
    rise = np.minimum(1.0, (t + 1) / max(up, 1))
    fall = np.minimum(1.0, (n_minutes - t) / max(down, 1))
    return 1.0 + (peak - 1.0) * np.minimum(rise, fall)
