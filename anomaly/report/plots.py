"""The report's figures, each a function from analytics frames to PNG bytes.

Figures are drawn on ``matplotlib.figure.Figure`` objects (no pyplot, no global
state, no display needed) and saved without time stamps, so the same data gives the
same bytes.

Examples
--------
>>> import pandas as pd
>>> top = pd.DataFrame({"category": ["network.timeout"], "count_incidents": [3],
...                     "count_errors": [40]})
>>> plot_top_categories(top)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

__all__ = ["plot_budget_burn", "plot_cost", "plot_error_rate_timeline", "plot_mttx",
           "plot_oncall", "plot_top_categories"]

KIND_COLORS = {"transient": "#f2b134", "persistent": "#d1495b", "cascading": "#8e44ad",
               "retry_storm": "#2e86ab"}


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _empty(fig, ax, text: str) -> bytes:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_axis_off()
    return _png(fig)


def plot_error_rate_timeline(timeline: pd.DataFrame, episodes: pd.DataFrame,
                             services: list[str]) -> bytes:
    """Error rate per service over time (one panel each), episodes shaded by kind.

    Parameters
    ----------
    timeline : pandas.DataFrame
        ``service, period, error_rate`` (:func:`anomaly.analytics.error_rate_timeline`).
    episodes : pandas.DataFrame
        ``service, start, end, kind``.
    services : list of str
        Which services to draw, top to bottom.
    """
    n = max(1, len(services))
    fig = _figure(11, 1.55 * n + 0.6)
    axes = fig.subplots(n, 1, sharex=True, squeeze=False)[:, 0]
    if not services:
        return _empty(fig, axes[0], "no error-rate data")
    seen_kinds: set[str] = set()
    for ax, service in zip(axes, services, strict=False):
        part = timeline[timeline["service"] == service].sort_values("period")
        ax.plot(part["period"], part["error_rate"].astype(float) * 100, color="#333", lw=0.8)
        for ep in episodes[episodes["service"] == service].itertuples(index=False):
            color = KIND_COLORS.get(str(ep.kind), "#999")
            ax.axvspan(pd.Timestamp(ep.start), pd.Timestamp(ep.end), color=color, alpha=0.35,
                       lw=0)
            seen_kinds.add(str(ep.kind))
        ax.set_ylabel("% errors", fontsize=8)
        ax.set_title(service, loc="left", fontsize=9)
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
    if seen_kinds:
        from matplotlib.patches import Patch

        handles = [Patch(color=KIND_COLORS.get(k, "#999"), alpha=0.5, label=k)
                   for k in sorted(seen_kinds)]
        axes[0].legend(handles=handles, loc="upper right", fontsize=8, ncols=len(handles))
    return _png(fig)


def plot_top_categories(top: pd.DataFrame, *, limit: int = 10) -> bytes:
    """Incidents per category (bars), most recurring on top."""
    fig = _figure(8, 0.45 * max(3, min(limit, len(top))) + 1.0)
    ax = fig.subplots()
    if top.empty:
        return _empty(fig, ax, "no incidents")
    part = top.head(limit).iloc[::-1]
    ax.barh(part["category"].astype(str), part["count_incidents"], color="#2e86ab")
    for y, (n, e) in enumerate(zip(part["count_incidents"], part["count_errors"], strict=True)):
        ax.text(n, y, f"  {int(e)} errors", va="center", fontsize=8, color="#444")
    ax.set_xlabel("incidents")
    ax.margins(x=0.25)
    ax.tick_params(labelsize=8)
    return _png(fig)


def plot_mttx(timings: pd.DataFrame, delays: pd.DataFrame | None = None) -> bytes:
    """Time to detect and to resolve per incident over time (recorded by people), with
    faultline's detection delay where ground truth matched a detected episode."""
    fig = _figure(10, 3.6)
    ax1, ax2 = fig.subplots(1, 2)
    if timings.empty:
        return _empty(fig, ax1, "no incident history")
    t = timings.sort_values("started_at")
    ax1.plot(t["started_at"], t["ttd_minutes"], "o-", color="#d1495b", label="recorded TTD")
    if delays is not None and len(delays) and delays["is_detected"].any():
        d = delays[delays["is_detected"]].sort_values("start")
        ax1.plot(d["start"], d["ttd_minutes"], "s--", color="#2e86ab", label="faultline TTD")
    ax1.set_title("time to detect (min)", fontsize=9, loc="left")
    ax1.legend(fontsize=8)
    ax2.plot(t["started_at"], t["ttr_minutes"], "o-", color="#8e44ad")
    ax2.set_title("time to resolve (min)", fontsize=9, loc="left")
    for ax in (ax1, ax2):
        ax.tick_params(labelsize=7, axis="both")
        ax.tick_params(axis="x", rotation=30)
        ax.grid(alpha=0.3)
        ax.set_ylim(bottom=0)
    return _png(fig)


def plot_budget_burn(burn: pd.DataFrame) -> bytes:
    """Burn rate per service (log scale); 1.0 spends the budget exactly on time."""
    fig = _figure(8, 0.35 * max(4, len(burn)) + 1.0)
    ax = fig.subplots()
    part = burn.dropna(subset=["burn_rate"]).iloc[::-1]
    if part.empty:
        return _empty(fig, ax, "no SLO or no request counts")
    colors = ["#d1495b" if b >= 1 else "#66a182" for b in part["burn_rate"]]
    ax.barh(part["service"].astype(str), part["burn_rate"].clip(lower=1e-3), color=colors)
    ax.axvline(1.0, color="#333", lw=1, ls="--")
    ax.set_xscale("log")
    ax.set_xlabel("burn rate over the data (1 = budget spent exactly over the SLO period)")
    ax.tick_params(labelsize=8)
    return _png(fig)


def plot_oncall(load: pd.DataFrame) -> bytes:
    """Pages per team, split into in hours and out of hours."""
    fig = _figure(8, 3.2)
    ax = fig.subplots()
    if load.empty:
        return _empty(fig, ax, "no pages")
    per = load.groupby("team")[["count_pages", "count_out_of_hours"]].sum().sort_values(
        "count_pages")
    in_hours = per["count_pages"] - per["count_out_of_hours"]
    y = np.arange(len(per))
    ax.barh(y, in_hours, color="#66a182", label="in hours")
    ax.barh(y, per["count_out_of_hours"], left=in_hours, color="#d1495b", label="out of hours")
    ax.set_yticks(y, per.index.astype(str))
    ax.set_xlabel("pages")
    ax.legend(fontsize=8)
    ax.tick_params(labelsize=8)
    return _png(fig)


def plot_cost(cost: pd.DataFrame, *, limit: int = 14) -> bytes:
    """Share of stored bytes per field, coloured by suggestion."""
    colors = {"keep": "#66a182", "sample": "#f2b134", "bucket": "#2e86ab", "drop": "#d1495b"}
    part = cost[cost["kind"] == "column"].head(limit).iloc[::-1]
    fig = _figure(8, 0.3 * max(4, len(part)) + 1.0)
    ax = fig.subplots()
    if part.empty:
        return _empty(fig, ax, "no stored events")
    ax.barh(part["field"].astype(str), part["share_of_bytes"] * 100,
            color=[colors.get(s, "#999") for s in part["suggestion"]])
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=s) for s, c in colors.items()], fontsize=8)
    ax.set_xlabel("% of stored bytes (uncompressed)")
    ax.tick_params(labelsize=8)
    return _png(fig)
