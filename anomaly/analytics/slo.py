"""SLO error-budget burn per service.

An SLO error rate ``s`` allows ``s × requests`` errors: that is the error budget. Over
any window the **burn rate** is ``errors / (s × requests)`` — 1.0 spends the budget
exactly as fast as the SLO period allows; the Google SRE workbook pages on a 1-hour
burn rate of 14.4 (2 % of a 30-day budget in an hour). Over the data's span of ``D``
days the share of a ``period_days`` budget spent is ``burn_rate × D / period_days``.

Examples
--------
>>> import pandas as pd
>>> sm = pd.DataFrame({"service": ["cart"] * 2, "count_errors": [3, 1],
...     "minute": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 10:01"]),
...     "requests": [1000, 1000]})
>>> cat = pd.DataFrame({"service": ["cart"], "slo_error_rate": [0.001]})
>>> error_budget_burn(sm, cat)[["service", "error_rate", "burn_rate"]].to_dict("records")
[{'service': 'cart', 'error_rate': 0.002, 'burn_rate': 2.0}]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from anomaly.analytics.periods import naive_utc

__all__ = ["BurnSettings", "budget_burn_daily", "error_budget_burn"]


@dataclass(frozen=True)
class BurnSettings:
    """Windows and thresholds of the burn-rate report.

    Parameters
    ----------
    period_days : float
        The SLO period the budget is defined over (30 days is the common choice).
    fast_window_minutes : int
        Window of the fast-burn check.
    fast_burn_rate : float
        Burn rate over the fast window that would page (14.4: 2 % of a 30-day budget
        in one hour, the SRE workbook's first multi-window threshold).
    """

    period_days: float = 30.0
    fast_window_minutes: int = 60
    fast_burn_rate: float = 14.4


def _slo_of(catalog: pd.DataFrame | None) -> dict[str, float]:
    if catalog is None or catalog.empty or "slo_error_rate" not in catalog:
        return {}
    return {s: float(v) for s, v in zip(catalog["service"], catalog["slo_error_rate"],
                                        strict=False) if v is not None and not pd.isna(v)
            and float(v) > 0}


def _check(service_minute: pd.DataFrame) -> None:
    missing = [c for c in ("service", "minute", "count_errors", "requests")
               if c not in service_minute.columns]
    if missing:
        raise ValueError(f"error_budget_burn needs columns {missing}; it has "
                         f"{list(service_minute.columns)} (feat_service_minute has them)")


def error_budget_burn(service_minute: pd.DataFrame, catalog: pd.DataFrame | None, *,
                      settings: BurnSettings | None = None) -> pd.DataFrame:
    """Error-budget burn per service over the data's span.

    Parameters
    ----------
    service_minute : pandas.DataFrame
        ``service, minute, count_errors, requests`` (one row per service and minute;
        minutes without request counts are left out of rates).
    catalog : pandas.DataFrame
        ``service, slo_error_rate``; a service without an SLO gets NaN burn.
    settings : BurnSettings, optional

    Returns
    -------
    pandas.DataFrame
        ``service, requests, count_errors, error_rate, slo_error_rate, burn_rate,
        days_observed, share_budget_spent`` (of a ``period_days`` budget),
        ``max_burn_rate_fast`` (worst ``fast_window_minutes`` window),
        ``minutes_fast_burn`` (minutes whose trailing window burns at or above
        ``fast_burn_rate``); highest burn first.
    """
    _check(service_minute)
    cfg = settings or BurnSettings()
    slo = _slo_of(catalog)
    columns = ["service", "requests", "count_errors", "error_rate", "slo_error_rate",
               "burn_rate", "days_observed", "share_budget_spent", "max_burn_rate_fast",
               "minutes_fast_burn"]
    frame = service_minute.dropna(subset=["requests"])
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(minute=naive_utc(frame["minute"]))
    rows = []
    for service, g in frame.groupby("service", sort=True):
        g = g.sort_values("minute")
        requests = float(g["requests"].sum())
        errors = float(g["count_errors"].sum())
        days = ((g["minute"].max() - g["minute"].min()).total_seconds() + 60.0) / 86400.0
        s = slo.get(service, float("nan"))
        rate = errors / requests if requests > 0 else float("nan")
        burn = rate / s if s == s else float("nan")
        # trailing window over time (missing minutes count as no traffic)
        series = g.set_index("minute")[["count_errors", "requests"]].astype("float64")
        win = series.rolling(f"{cfg.fast_window_minutes}min").sum()
        fast = (win["count_errors"] / win["requests"].where(win["requests"] > 0)) / s
        rows.append({
            "service": service, "requests": int(requests), "count_errors": int(errors),
            "error_rate": round(rate, 6), "slo_error_rate": s, "burn_rate": round(burn, 3),
            "days_observed": round(days, 3),
            "share_budget_spent": round(burn * days / cfg.period_days, 4),
            "max_burn_rate_fast": round(float(fast.max()), 3) if fast.notna().any()
            else float("nan"),
            "minutes_fast_burn": int((fast >= cfg.fast_burn_rate).sum()),
        })
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["burn_rate", "service"], ascending=[False, True],
                           na_position="last", kind="stable").reset_index(drop=True)


def budget_burn_daily(service_minute: pd.DataFrame, catalog: pd.DataFrame | None, *,
                      settings: BurnSettings | None = None) -> pd.DataFrame:
    """Burn rate per service per day and the cumulative share of the period's budget.

    Returns
    -------
    pandas.DataFrame
        ``service, day, requests, count_errors, burn_rate, cumulative_share_spent``.

    Examples
    --------
    >>> sm = pd.DataFrame({"service": ["a"] * 2, "count_errors": [10, 20],
    ...     "minute": pd.to_datetime(["2026-03-02 10:00", "2026-03-03 10:00"]),
    ...     "requests": [1000, 1000]})
    >>> cat = pd.DataFrame({"service": ["a"], "slo_error_rate": [0.01]})
    >>> budget_burn_daily(sm, cat)[["burn_rate", "cumulative_share_spent"]].to_dict("records")
    [{'burn_rate': 1.0, 'cumulative_share_spent': 0.0333}, {'burn_rate': 2.0, 'cumulative_share_spent': 0.1}]
    """
    _check(service_minute)
    cfg = settings or BurnSettings()
    slo = _slo_of(catalog)
    columns = ["service", "day", "requests", "count_errors", "burn_rate",
               "cumulative_share_spent"]
    frame = service_minute.dropna(subset=["requests"])
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(day=naive_utc(frame["minute"]).dt.normalize())
    out = frame.groupby(["service", "day"]).agg(
        requests=("requests", "sum"), count_errors=("count_errors", "sum")).reset_index()
    s = out["service"].map(slo).astype("float64")
    req = out["requests"].astype("float64")
    out["burn_rate"] = (out["count_errors"] / req.where(req > 0) / s).round(3)
    # each day is 1/period_days of the period: its share is burn_rate / period_days
    daily_share = (out["count_errors"] / (req.where(req > 0) * s)) / cfg.period_days
    out["cumulative_share_spent"] = daily_share.groupby(out["service"]).cumsum().round(4)
    out.loc[np.isnan(s.to_numpy()), "cumulative_share_spent"] = np.nan
    return out[columns]
