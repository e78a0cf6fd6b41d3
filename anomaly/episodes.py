"""Anomalous minutes → episodes per service → incidents across services.

An on-call engineer acts on incidents, not on minutes. This module owns the two steps
that get there, as plain functions over pandas frames:

* :func:`find_episodes` opens an episode on a service when a minute is anomalous, keeps
  it alive while scores stay above a lower *hysteresis* threshold, and closes it after
  ``quiet_minutes`` without such a minute. A series that keeps crossing the threshold
  is one episode, marked ``is_flapping``, not a string of pages.
* :func:`group_incidents` joins episodes on different services into one incident when
  erroring calls in traces, or the ``depends_on`` graph, link them within a time window.

The ``episodes`` table the ``classify`` stage writes is created here
(:data:`EPISODES_DDL`, :func:`ensure_episodes_table`).

Examples
--------
>>> import pandas as pd
>>> from anomaly.episodes import find_episodes
>>> minutes = pd.date_range("2026-03-02 10:00", periods=30, freq="min")
>>> flags = [m in (5, 6, 8, 10, 11) for m in range(30)]
>>> frame = pd.DataFrame({"service": "cart", "minute": minutes,
...                       "score": [0.9 if f else 0.1 for f in flags], "threshold": 0.5})
>>> eps = find_episodes(frame)
>>> eps[["service", "start", "end", "count_bursts", "is_flapping"]].to_dict("records")[0]
... # doctest: +NORMALIZE_WHITESPACE
{'service': 'cart', 'start': Timestamp('2026-03-02 10:05:00'),
 'end': Timestamp('2026-03-02 10:12:00'), 'count_bursts': 3, 'is_flapping': True}
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "EPISODES_DDL",
    "EpisodeSettings",
    "ensure_episodes_table",
    "episode_id",
    "extend_to_recovery",
    "find_episodes",
    "group_incidents",
    "incident_id",
]

EPISODE_COLUMNS = [
    "episode_id", "service", "component", "start", "end", "last_active", "is_open",
    "count_minutes_anomalous", "count_bursts", "is_flapping", "score", "threshold",
]

EPISODES_DDL = """
CREATE TABLE IF NOT EXISTS episodes (
    incident_id VARCHAR,
    episode_id VARCHAR,
    service VARCHAR,
    component VARCHAR,
    start TIMESTAMP,
    "end" TIMESTAMP,
    is_open BOOLEAN,
    kind VARCHAR,
    is_retry_storm BOOLEAN,
    is_flapping BOOLEAN,
    state VARCHAR,
    severity VARCHAR,
    action VARCHAR,
    root_service VARCHAR,
    team VARCHAR,
    escalation JSON,
    fingerprints VARCHAR[],
    version VARCHAR,
    score DOUBLE,
    evidence JSON,
    count_errors BIGINT,
    count_users_affected BIGINT,
    updated_at TIMESTAMP
)
"""


@dataclass(frozen=True)
class EpisodeSettings:
    """How minutes become episodes and episodes become incidents.

    Parameters
    ----------
    quiet_minutes : int
        An episode closes after this many minutes without a minute at or above the
        hysteresis threshold; the episode ends after its last such minute.
    hysteresis : float
        The keep-alive threshold as a share of the opening threshold: a minute scoring
        ``>= hysteresis * threshold`` keeps an open episode alive but never opens one.
    flapping_bursts : int
        An episode with at least this many separate runs of anomalous minutes is
        marked ``is_flapping``.
    link_window_minutes : int
        Episodes on different services are candidates for one incident when their
        time spans, widened by this many minutes, overlap.
    min_error_calls : int
        Erroring calls between two services (directly or through other services)
        within the window needed for traces to link them.
    min_minutes : int
        Anomalous minutes an episode needs to be kept (like an alert rule's
        ``for: 3m``): a lone noisy minute of a quiet service is not an episode.
    recovery_block_minutes : int
        :func:`extend_to_recovery` checks the error rate after an episode in blocks
        of this many minutes.
    recovery_alpha : float
        A block whose errors are significantly above the rate before the episode
        (one-sided Poisson test at this level, and at least 1.5 times the expected
        count) means the service has not recovered yet.
    max_extension_minutes : int
        How far :func:`extend_to_recovery` may extend an episode.
    """

    quiet_minutes: int = 10
    hysteresis: float = 0.7
    flapping_bursts: int = 3
    link_window_minutes: int = 10
    min_error_calls: int = 3
    min_minutes: int = 3
    recovery_block_minutes: int = 10
    recovery_alpha: float = 0.001
    max_extension_minutes: int = 24 * 60

    def __post_init__(self) -> None:
        if self.quiet_minutes < 1:
            raise ValueError(f"quiet_minutes must be at least 1, got {self.quiet_minutes}")
        if not 0.0 < self.hysteresis <= 1.0:
            raise ValueError(
                f"hysteresis must be in (0, 1] (a share of the opening threshold), "
                f"got {self.hysteresis}"
            )
        if self.flapping_bursts < 2:
            raise ValueError(f"flapping_bursts must be at least 2, got {self.flapping_bursts}")
        if self.link_window_minutes < 0 or self.min_error_calls < 1:
            raise ValueError("link_window_minutes must be >= 0 and min_error_calls >= 1")
        if self.min_minutes < 1 or self.recovery_block_minutes < 1:
            raise ValueError("min_minutes and recovery_block_minutes must be at least 1")
        if not 0.0 < self.recovery_alpha < 0.5:
            raise ValueError(f"recovery_alpha must be in (0, 0.5), got {self.recovery_alpha}")


def _short_hash(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def episode_id(service: str, start: pd.Timestamp) -> str:
    """Stable id of an episode: a hash of its service and start minute.

    Examples
    --------
    >>> import pandas as pd
    >>> a = episode_id("cart", pd.Timestamp("2026-03-02 10:05"))
    >>> a == episode_id("cart", pd.Timestamp("2026-03-02 10:05")), a.startswith("ep-"), len(a)
    (True, True, 19)
    """
    return "ep-" + _short_hash("episode", service, pd.Timestamp(start).isoformat())


def incident_id(root_service: str, start: pd.Timestamp) -> str:
    """Stable id of an incident: a hash of its root service and start minute.

    Examples
    --------
    >>> import pandas as pd
    >>> a = incident_id("db", pd.Timestamp("2026-03-02 10:05"))
    >>> a == incident_id("db", pd.Timestamp("2026-03-02 10:05")), a.startswith("inc-")
    (True, True)
    """
    return "inc-" + _short_hash("incident", root_service, pd.Timestamp(start).isoformat())


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} frame lacks column(s) {missing}; columns are {sorted(map(str, frame.columns))}"
        )


def _per_service_minute(anomalies: pd.DataFrame) -> pd.DataFrame:
    """One row per (service, minute): the highest-scoring row of that minute."""
    frame = anomalies.copy()
    minute = pd.to_datetime(frame["minute"])
    if minute.dt.tz is not None:  # the store holds naive UTC
        minute = minute.dt.tz_convert("UTC").dt.tz_localize(None)
    frame["minute"] = minute.dt.floor("min")
    if "threshold" not in frame.columns:
        frame["threshold"] = 0.5
    if "is_anomaly" not in frame.columns:
        frame["is_anomaly"] = frame["score"] >= frame["threshold"]
    if "component" not in frame.columns:
        frame["component"] = None
    frame["is_anomaly"] = frame["is_anomaly"].fillna(False).astype(bool)
    frame["score"] = frame["score"].astype(float).fillna(0.0)
    frame["threshold"] = frame["threshold"].astype(float).fillna(0.5)
    frame = frame.sort_values(["service", "minute", "is_anomaly", "score"], kind="stable")
    grouped = frame.groupby(["service", "minute"], sort=True)
    out = grouped.tail(1).copy()
    out["is_anomaly"] = grouped["is_anomaly"].transform("max").loc[out.index]
    return out.reset_index(drop=True)


def find_episodes(
    anomalies: pd.DataFrame,
    settings: EpisodeSettings | None = None,
    *,
    data_end: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Turn per-minute anomaly scores into episodes per service, with hysteresis.

    Parameters
    ----------
    anomalies : pandas.DataFrame
        Columns ``service``, ``minute``, ``score`` (in [0, 1]) and ``threshold``;
        ``is_anomaly`` (defaults to ``score >= threshold``) and ``component`` are used
        when present. Several rows of one service and minute (say, per component) are
        reduced to the highest-scoring one. Minutes without a row count as quiet.
    settings : EpisodeSettings, optional
        Defaults to ``EpisodeSettings()``.
    data_end : pandas.Timestamp, optional
        The first minute not yet observed. An episode whose quiet period is not over
        by then stays open (``is_open``, ``end`` missing). Defaults to one minute after
        the last minute in ``anomalies``.

    Returns
    -------
    pandas.DataFrame
        One row per episode: ``episode_id, service, component, start, end`` (exclusive:
        one minute after the last active minute; missing while open), ``last_active``,
        ``is_open, count_minutes_anomalous, count_bursts`` (separate runs of anomalous
        minutes), ``is_flapping, score`` (max) and ``threshold``.

    Examples
    --------
    >>> import pandas as pd
    >>> minutes = pd.date_range("2026-03-02 10:00", periods=20, freq="min")
    >>> scores = [0.1] * 3 + [0.8, 0.9, 0.4, 0.8] + [0.1] * 13
    >>> eps = find_episodes(pd.DataFrame({"service": "db", "minute": minutes,
    ...                                   "score": scores, "threshold": 0.5}))
    >>> str(eps.loc[0, "start"]), str(eps.loc[0, "end"]), int(eps.loc[0, "count_bursts"])
    ('2026-03-02 10:03:00', '2026-03-02 10:07:00', 2)
    """
    settings = settings or EpisodeSettings()
    _require(anomalies, ["service", "minute", "score"], "anomalies")
    if anomalies.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EPISODE_COLUMNS})
    frame = _per_service_minute(anomalies)
    end_of_data = (
        pd.Timestamp(data_end).floor("min")
        if data_end is not None
        else frame["minute"].max() + pd.Timedelta(minutes=1)
    )
    end_index = int(end_of_data.value // 60_000_000_000)
    rows: list[dict] = []
    for service, part in frame.groupby("service", sort=True):
        minute_index = (part["minute"].to_numpy("datetime64[ns]").astype("int64")
                        // 60_000_000_000)
        score = part["score"].to_numpy(float)
        threshold = part["threshold"].to_numpy(float)
        is_open_minute = part["is_anomaly"].to_numpy(bool)
        is_alive = is_open_minute | (score >= settings.hysteresis * threshold)
        components = part["component"].to_numpy(object)
        current: dict | None = None
        for i in np.flatnonzero(is_alive):
            m = int(minute_index[i])
            if current is not None and m - current["last"] > settings.quiet_minutes:
                rows.append(_close(current, service, settings, is_open=False))
                current = None
            if current is None:
                if not is_open_minute[i]:
                    continue
                current = {"start": m, "last": m, "last_open": None, "bursts": 0,
                           "n_anom": 0, "score": 0.0, "threshold": threshold[i],
                           "components": {}}
            current["last"] = m
            current["score"] = max(current["score"], float(score[i]))
            if is_open_minute[i]:
                if current["last_open"] is None or m - current["last_open"] > 1:
                    current["bursts"] += 1
                current["last_open"] = m
                current["n_anom"] += 1
                comp = components[i]
                if isinstance(comp, str) and comp:
                    current["components"][comp] = current["components"].get(comp, 0) + 1
        if current is not None:
            still_open = end_index - 1 - current["last"] < settings.quiet_minutes
            rows.append(_close(current, service, settings, is_open=still_open))
    out = pd.DataFrame(rows, columns=EPISODE_COLUMNS)
    out = out[out["count_minutes_anomalous"] >= settings.min_minutes]
    return out.sort_values(["start", "service"], kind="stable").reset_index(drop=True)


def extend_to_recovery(
    episodes: pd.DataFrame,
    service_minute: pd.DataFrame | None,
    settings: EpisodeSettings | None = None,
    *,
    data_end: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Extend episodes until the service's error rate is back to its level before.

    Detectors that adapt to a new level stop scoring a sustained rise after a while;
    the episode then closes although the service still fails more than before. This
    step checks the minutes after each episode in blocks of
    ``recovery_block_minutes``: while a block's errors are significantly above the
    rate of the ``60`` minutes before the episode (one-sided Poisson test at
    ``recovery_alpha`` and at least 1.5 times the expected count, with requests as
    exposure where known), the episode goes on. Episodes of one service that then
    overlap are merged (the earlier one's id is kept).

    Parameters
    ----------
    episodes : pandas.DataFrame
        From :func:`find_episodes`.
    service_minute : pandas.DataFrame or None
        ``service, minute, count_errors`` and optionally ``requests``
        (``feat_service_minute``). Without it episodes are returned unchanged.
    settings : EpisodeSettings, optional
    data_end : pandas.Timestamp, optional
        First minute not observed; an episode extended up to it is open.

    Returns
    -------
    pandas.DataFrame
        ``episodes`` with ``end``/``last_active``/``is_open`` updated and
        ``count_minutes_extended`` added.

    Examples
    --------
    >>> import pandas as pd
    >>> minutes = pd.date_range("2026-03-02 10:00", periods=180, freq="min")
    >>> errors = [1] * 60 + [30] * 60 + [1] * 60     # a level shift for an hour
    >>> sm = pd.DataFrame({"service": "ledger", "minute": minutes, "count_errors": errors,
    ...                    "requests": 1000})
    >>> eps = pd.DataFrame({"episode_id": ["e1"], "service": ["ledger"],
    ...     "start": [minutes[60]], "end": [minutes[75]], "last_active": [minutes[74]],
    ...     "is_open": [False], "count_minutes_anomalous": [10], "count_bursts": [1],
    ...     "is_flapping": [False], "score": [1.0]})
    >>> out = extend_to_recovery(eps, sm)
    >>> str(out.loc[0, "end"]), int(out.loc[0, "count_minutes_extended"])
    ('2026-03-02 12:05:00', 50)
    """
    from scipy.stats import poisson

    settings = settings or EpisodeSettings()
    out = episodes.reset_index(drop=True).copy()
    out["count_minutes_extended"] = 0
    if out.empty or service_minute is None or service_minute.empty:
        return out
    _require(service_minute, ["service", "minute", "count_errors"], "service_minute")
    ns_min = 60_000_000_000
    block = settings.recovery_block_minutes
    if data_end is None:
        data_end = pd.to_datetime(service_minute["minute"]).max() + pd.Timedelta(minutes=1)
    end_idx = int(pd.Timestamp(data_end).value // ns_min)
    sm = service_minute.assign(minute=pd.to_datetime(service_minute["minute"]))
    for service, rows in out.groupby("service").groups.items():
        part = sm[sm["service"] == service]
        if part.empty:
            continue
        idx = part["minute"].to_numpy("datetime64[ns]").astype("int64") // ns_min
        first = int(idx.min())
        size = max(end_idx, int(idx.max()) + 1) - first
        errors = np.zeros(size)
        requests = np.zeros(size)
        has_req = np.zeros(size)
        np.add.at(errors, idx - first, part["count_errors"].fillna(0).to_numpy(float))
        if "requests" in part.columns:
            req = part["requests"].to_numpy(float)
            ok = ~np.isnan(req)
            np.add.at(requests, idx[ok] - first, req[ok])
            np.add.at(has_req, idx[ok] - first, 1.0)
        cum = {name: np.r_[0.0, np.cumsum(a)] for name, a in
               (("e", errors), ("r", requests), ("h", has_req))}

        def total(name: str, lo: int, hi: int, c=cum, f=first, n=size) -> float:
            lo, hi = min(max(lo - f, 0), n), min(max(hi - f, 0), n)
            return float(c[name][hi] - c[name][lo])

        for i in rows:
            if bool(out.at[i, "is_open"]):
                continue
            start = int(pd.Timestamp(out.at[i, "start"]).value // ns_min)
            end = int(pd.Timestamp(out.at[i, "end"]).value // ns_min)
            b_lo = max(start - 60, first)
            if start - b_lo < block:
                continue
            e0 = total("e", b_lo, start)
            use_req = total("h", b_lo, start) == start - b_lo
            n0 = total("r", b_lo, start) if use_req else float(start - b_lo)
            if n0 <= 0:
                continue
            rate0 = (e0 + 1.0) / n0
            t = end
            limit = min(end_idx, end + settings.max_extension_minutes)
            while t < limit:
                hi = min(t + block, limit)
                k = total("e", t, hi)
                if use_req and total("h", t, hi) == hi - t:
                    mu = rate0 * total("r", t, hi)
                else:
                    mu = (e0 + 1.0) / (start - b_lo) * (hi - t)
                if mu > 0 and k >= 1.5 * mu and poisson.sf(k - 1, mu) < settings.recovery_alpha:
                    t = hi
                else:
                    break
            if t > end:
                out.at[i, "count_minutes_extended"] = t - end
                out.at[i, "last_active"] = pd.Timestamp((t - 1) * ns_min)
                if t >= end_idx:
                    out.at[i, "is_open"] = True
                    out.at[i, "end"] = pd.NaT
                else:
                    out.at[i, "end"] = pd.Timestamp(t * ns_min)
    return _merge_overlapping(out, settings)


def _merge_overlapping(episodes: pd.DataFrame, settings: EpisodeSettings) -> pd.DataFrame:
    if episodes.empty:
        return episodes
    merged: list[dict] = []
    for _service, part in episodes.sort_values(["service", "start"], kind="stable").groupby(
            "service", sort=True):
        current: dict | None = None
        for row in part.to_dict("records"):
            if current is not None and (current["is_open"] or row["start"] < current["end"]):
                current["is_open"] = current["is_open"] or row["is_open"]
                current["end"] = pd.NaT if current["is_open"] else max(current["end"], row["end"])
                current["last_active"] = max(current["last_active"], row["last_active"])
                for col in ("count_minutes_anomalous", "count_bursts", "count_minutes_extended"):
                    current[col] = current[col] + row[col]
                current["score"] = max(current["score"], row["score"])
                current["is_flapping"] = current["count_bursts"] >= settings.flapping_bursts
                continue
            if current is not None:
                merged.append(current)
            current = dict(row)
        merged.append(current)
    out = pd.DataFrame(merged, columns=episodes.columns)
    return out.sort_values(["start", "service"], kind="stable").reset_index(drop=True)


def _close(current: dict, service: str, settings: EpisodeSettings, *, is_open: bool) -> dict:
    start = pd.Timestamp(current["start"] * 60_000_000_000)
    last = pd.Timestamp(current["last"] * 60_000_000_000)
    comps = current["components"]
    component = max(sorted(comps), key=comps.get) if comps else None
    return {
        "episode_id": episode_id(service, start),
        "service": service,
        "component": component,
        "start": start,
        "end": pd.NaT if is_open else last + pd.Timedelta(minutes=1),
        "last_active": last,
        "is_open": is_open,
        "count_minutes_anomalous": current["n_anom"],
        "count_bursts": current["bursts"],
        "is_flapping": current["bursts"] >= settings.flapping_bursts,
        "score": current["score"],
        "threshold": float(current["threshold"]),
    }


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _connected(graph: dict[str, set[str]], a: str, b: str) -> bool:
    seen, todo = {a}, [a]
    while todo:
        node = todo.pop()
        if node == b:
            return True
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def group_incidents(
    episodes: pd.DataFrame,
    *,
    edges: pd.DataFrame | None = None,
    depends_on: Mapping[str, Sequence[str]] | None = None,
    settings: EpisodeSettings | None = None,
) -> pd.DataFrame:
    """Group episodes on different services into incidents.

    Two episodes are linked when their spans, widened by ``link_window_minutes`` on
    each side, overlap and either

    * **traces** link them: within the overlap there are at least ``min_error_calls``
      erroring calls on a path of caller → callee edges between the two services
      (through any services, alerting or not), or
    * the **depends_on** graph links them: one service calls the other, directly or
      through one intermediate service, and their starts are within
      ``link_window_minutes`` of each other.

    Linked episodes form one incident (transitively).

    Parameters
    ----------
    episodes : pandas.DataFrame
        As returned by :func:`find_episodes`.
    edges : pandas.DataFrame, optional
        Columns ``caller, callee, minute, count_error_calls`` (``feat_call_edge_minute``).
    depends_on : mapping of str to sequence of str, optional
        The catalog: service → the services it calls.
    settings : EpisodeSettings, optional

    Returns
    -------
    pandas.DataFrame
        ``episodes`` with ``incident_key`` (an integer shared by the episodes of one
        incident) and ``link_evidence`` (per episode, a list of ``{"service", "via"}``).

    Examples
    --------
    >>> import pandas as pd
    >>> eps = pd.DataFrame({
    ...     "service": ["checkout", "payments", "search"],
    ...     "start": pd.to_datetime(["2026-03-02 10:03", "2026-03-02 10:01", "2026-03-02 10:02"]),
    ...     "end": pd.to_datetime(["2026-03-02 10:20", "2026-03-02 10:25", "2026-03-02 10:09"]),
    ... })
    >>> out = group_incidents(eps, depends_on={"checkout": ["payments"], "search": []})
    >>> out["incident_key"].tolist()
    [0, 0, 2]
    """
    settings = settings or EpisodeSettings()
    _require(episodes, ["service", "start", "end"], "episodes")
    out = episodes.reset_index(drop=True).copy()
    n = len(out)
    window = pd.Timedelta(minutes=settings.link_window_minutes)
    starts = pd.to_datetime(out["start"])
    last = out["last_active"] if "last_active" in out.columns else out["end"]
    ends = pd.to_datetime(last).fillna(pd.to_datetime(out["end"])).fillna(pd.Timestamp.max)
    lo = (starts - window).to_numpy()
    hi = (ends + window).to_numpy() if ends.max() < pd.Timestamp.max - window else ends.to_numpy()

    neighbours: dict[str, set[str]] = {}
    for caller, callees in (depends_on or {}).items():
        for callee in callees:
            neighbours.setdefault(caller, set()).add(callee)
            neighbours.setdefault(callee, set()).add(caller)

    def near_in_graph(a: str, b: str) -> bool:
        first = neighbours.get(a, set())
        return b in first or any(b in neighbours.get(mid, set()) for mid in first)

    edge_frame = None
    if edges is not None and not edges.empty:
        _require(edges, ["caller", "callee", "minute", "count_error_calls"], "edges")
        edge_frame = edges.loc[edges["count_error_calls"] > 0,
                               ["caller", "callee", "minute", "count_error_calls"]].copy()
        edge_frame["minute"] = pd.to_datetime(edge_frame["minute"])

    union = _Union(n)
    links: list[list[dict]] = [[] for _ in range(n)]
    services = out["service"].astype(str).tolist()
    order = np.argsort(lo, kind="stable")
    for pos, i in enumerate(order):
        for j in order[pos + 1:]:
            if lo[j] > hi[i]:
                break
            if services[i] == services[j] or hi[j] < lo[i]:
                continue
            via = None
            if edge_frame is not None:
                w_lo, w_hi = max(lo[i], lo[j]), min(hi[i], hi[j])
                sel = edge_frame[(edge_frame["minute"] >= w_lo) & (edge_frame["minute"] <= w_hi)]
                graph: dict[str, set[str]] = {}
                weights = sel.groupby(["caller", "callee"])["count_error_calls"].sum()
                for (caller, callee), count in weights.items():
                    if count >= settings.min_error_calls:
                        graph.setdefault(caller, set()).add(callee)
                        graph.setdefault(callee, set()).add(caller)
                if _connected(graph, services[i], services[j]):
                    via = "traces"
            if via is None and abs(starts.iloc[i] - starts.iloc[j]) <= window and near_in_graph(
                services[i], services[j]
            ):
                via = "depends_on"
            if via is not None:
                union.join(int(i), int(j))
                links[i].append({"service": services[j], "via": via})
                links[j].append({"service": services[i], "via": via})
    out["incident_key"] = [union.find(i) for i in range(n)]
    out["link_evidence"] = links
    return out


def ensure_episodes_table(con) -> None:
    """Create the ``episodes`` table in a DuckDB connection if it does not exist.

    Examples
    --------
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> ensure_episodes_table(con)
    >>> len(con.execute("DESCRIBE episodes").fetchall())
    23
    """
    con.execute(EPISODES_DDL)
