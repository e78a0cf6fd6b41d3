"""The fault plan: deployments, injected episodes with ground truth, negatives, and
the incident history people recorded.

Episode kinds:

- ``transient``: one service fails for minutes and recovers on its own;
- ``persistent``: failures last until fixed; some start at a deploy and bring a new
  error template (a deploy regression), fixed by the next deploy;
- ``cascading``: a root service fails; its callers up the ``depends_on`` graph start
  failing seconds to minutes later, on the same traces (spans show the path);
- ``retry_storm``: a service sheds load, its callers retry, its traffic multiplies
  and the same trace ids come back attempt after attempt.

Negatives must not be flagged: ``traffic_surge`` (traffic and error counts rise,
error rates don't) and ``clean_deploy`` (a new version, nothing else).

Examples
--------
>>> import numpy as np
>>> from features.simulate.catalog import build_catalog
>>> services = build_catalog(6, np.random.default_rng(0))
>>> plan = plan_faults(services, start_ms=1772409600000, days=2, rng=np.random.default_rng(1))
>>> sorted({e.kind for e in plan.episodes})
['cascading', 'persistent', 'retry_storm', 'transient']
>>> any(e.is_deploy_regression for e in plan.episodes)
True
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np

from features.simulate.catalog import Service, callers_of
from features.simulate.draws import Draws
from features.simulate.identifiers import version_after
from features.simulate.templates import eligible

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR

#: episodes per 14 days x 20 services; at least two of each kind are planted.
EPISODE_RATES = {"cascading": 6, "retry_storm": 5, "persistent": 8, "transient": 24}
SURGE_RATE = 10


@dataclass
class Effect:
    """How one service misbehaves during an episode."""

    service: str
    start_ms: int
    end_ms: int
    fraction: float  # share of the service's requests that fail
    templates: tuple[str, ...]
    peers: tuple[str, ...] = ()
    role: str = "own"  # own, caller, retry_target, retry_caller


@dataclass
class Episode:
    """One injected fault and its ground truth."""

    episode_id: str
    kind: str
    services: list[str]
    root_service: str
    start_ms: int
    end_ms: int
    effects: list[Effect]
    deploy_version: str | None = None
    is_deploy_regression: bool = False
    new_template: str | None = None
    callers: dict[str, list[str]] = field(default_factory=dict)  # cascade: callee -> callers hit
    request_multiplier: float = 1.0
    max_attempts: int = 3
    trace_ids_sample: list[str] = field(default_factory=list)
    event_count: int = 0


@dataclass
class Deployment:
    service: str
    version: str
    deployed_at_ms: int
    is_regression: bool = False
    is_fix: bool = False


@dataclass
class Negative:
    kind: str
    services: list[str]
    start_ms: int
    end_ms: int
    version: str | None = None
    factor: float = 1.0


@dataclass
class FaultPlan:
    episodes: list[Episode]
    negatives: list[Negative]
    deployments: list[Deployment]
    initial_versions: dict[str, str]

    def version_index(self) -> dict[str, tuple[list[int], list[str]]]:
        """Per service: deploy times and the version live from each (for bisect)."""
        out: dict[str, tuple[list[int], list[str]]] = {
            s: ([-(2**62)], [v]) for s, v in self.initial_versions.items()}
        for dep in sorted(self.deployments, key=lambda x: x.deployed_at_ms):
            times, versions = out[dep.service]
            times.append(dep.deployed_at_ms)
            versions.append(dep.version)
        return out


def version_at(index: tuple[list[int], list[str]], t_ms: int) -> str:
    """The version live at ``t_ms`` given one service's ``version_index`` entry."""
    times, versions = index
    return versions[bisect_right(times, t_ms) - 1]


class _Occupancy:
    """Keeps episodes on the same service from overlapping (with a margin)."""

    def __init__(self, margin_ms: int) -> None:
        self.margin = margin_ms
        self.busy: dict[str, list[tuple[int, int]]] = {}

    def free(self, services: list[str], start: int, end: int) -> bool:
        for s in services:
            for a, b in self.busy.get(s, ()):
                if start < b + self.margin and a < end + self.margin:
                    return False
        return True

    def take(self, services: list[str], start: int, end: int) -> None:
        for s in services:
            self.busy.setdefault(s, []).append((start, end))


def _pick_templates(d: Draws, svc: Service, use: str, k: int = 2, avoid: set[str] | None = None
                    ) -> tuple[str, ...]:
    pool = [t.key for t in eligible(svc.runtime, svc.features, use)]
    if avoid:
        pool = [p for p in pool if p not in avoid] or pool
    if not pool:
        pool = [t.key for t in eligible(svc.runtime, svc.features, "unavailable")]
    chosen: list[str] = []
    for _ in range(k):
        key = d.pick(pool)
        if key not in chosen:
            chosen.append(key)
    return tuple(chosen)


def _schedule_deploys(services: list[Service], start_ms: int, days: int, d: Draws) -> list[Deployment]:
    deps: list[Deployment] = []
    first_weekday = int(((start_ms // DAY) + 3) % 7)  # 1970-01-01 was a Thursday
    for svc in services:
        for day in range(days):
            if (first_weekday + day) % 7 >= 5:
                continue  # no deploys at weekends
            for _ in range(2):
                if d.chance(0.35 if svc.tier == 1 else 0.25):
                    t = start_ms + day * DAY + d.between(8 * HOUR, 17 * HOUR)
                    deps.append(Deployment(svc.name, "", t))
    return deps


def plan_faults(services: list[Service], *, start_ms: int, days: int, rng: np.random.Generator
                ) -> FaultPlan:
    """Plan deployments, episodes and negatives for a run.

    Parameters
    ----------
    services : list of Service
        The catalog.
    start_ms : int
        Simulation start, epoch milliseconds (a midnight UTC).
    days : int
        Length of the run.
    rng : numpy.random.Generator
        The seeded source.
    """
    d = Draws(rng)
    by_name = {s.name: s for s in services}
    callers = callers_of(services)
    end_ms = start_ms + days * DAY
    span = end_ms - start_ms
    lo = start_ms + int(0.15 * span)  # a quiet baseline before any fault
    occ = _Occupancy(margin_ms=45 * MINUTE)
    factor = days * len(services) / (14 * 20)
    counts = {k: max(2, round(v * factor)) for k, v in EPISODE_RATES.items()}
    max_long = max(2 * HOUR, int(0.2 * span))
    deploys = _schedule_deploys(services, start_ms, days, d)
    episodes: list[Episode] = []

    def when(duration: int) -> int | None:
        latest = end_ms - duration - 10 * MINUTE
        if latest <= lo:
            return None
        return lo + d.below(latest - lo)

    # cascading: a root with callers; callers up to depth 3 fail after a delay
    roots = [s for s in services if callers[s.name]]
    for _ in range(counts["cascading"]):
        for _attempt in range(60):
            if not roots:
                break
            # prefer roots with several callers: those are the cascades that hurt
            wide = [r for r in roots if len(callers[r.name]) >= 2]
            root = d.pick(wide) if wide and d.chance(0.75) else d.pick(roots)
            duration = d.between(10, 60) * MINUTE
            t0 = when(duration)
            if t0 is None:
                break
            hit: dict[str, list[str]] = {}
            onset = {root.name: t0}
            frontier = [root.name]
            for _depth in range(3):
                nxt = []
                for callee in frontier:
                    ups = [c for c in callers[callee] if c not in onset]
                    ups = ups[: 1 + d.below(2)] if len(ups) > 2 else ups
                    if ups:
                        hit[callee] = ups
                    for c in ups:
                        onset[c] = onset[callee] + d.between(5, 180) * 1000
                        nxt.append(c)
                frontier = nxt
            names = list(onset)
            if len(names) < 2 or not occ.free(names, t0, t0 + duration):
                continue
            occ.take(names, t0, t0 + duration)
            effects = [Effect(root.name, t0, t0 + duration, 0.2 + 0.4 * d.uniform(),
                              _pick_templates(d, root, "db_outage"), role="own")]
            for callee, ups in hit.items():
                for c in ups:
                    use = "unavailable" if d.chance(0.6) else "timeout"
                    effects.append(Effect(c, onset[c], t0 + duration, 0.0,
                                          _pick_templates(d, by_name[c], use), (callee,), "caller"))
            episodes.append(Episode("", "cascading", names, root.name, t0, t0 + duration, effects,
                                    callers=hit))
            break

    # retry storms: a target with callers; its traffic multiplies
    for _ in range(counts["retry_storm"]):
        for _attempt in range(60):
            if not roots:
                break
            target = d.pick(roots)
            duration = d.between(10, 40) * MINUTE
            t0 = when(duration)
            if t0 is None:
                break
            ups = callers[target.name][:3]
            names = [target.name, *ups]
            if not occ.free(names, t0, t0 + duration):
                continue
            occ.take(names, t0, t0 + duration)
            effects = [Effect(target.name, t0, t0 + duration, 0.12 + 0.2 * d.uniform(),
                              _pick_templates(d, target, "overload"), role="retry_target")]
            for c in ups:
                svc = by_name[c]
                effects.append(Effect(c, t0, t0 + duration, 0.0,
                                      _pick_templates(d, svc, "retry", 1) + _pick_templates(d, svc, "giveup", 1),
                                      (target.name,), "retry_caller"))
            episodes.append(Episode("", "retry_storm", names, target.name, t0, t0 + duration, effects,
                                    request_multiplier=float(2.5 + 2.5 * d.uniform()),
                                    max_attempts=d.between(3, 5)))
            break

    # persistent: half of them deploy regressions, fixed by the next deploy
    n_regressions = (counts["persistent"] + 1) // 2
    used_new: dict[str, set[str]] = {}
    for i in range(counts["persistent"]):
        is_regression = i < n_regressions
        for _attempt in range(60):
            svc = d.pick(services)
            duration = min(d.between(60, 360) * MINUTE, max_long)
            if is_regression:
                t_dep = when(duration)
                if t_dep is None:
                    break
                # use a scheduled deploy when one falls in range, else add one
                own = [x for x in deploys if x.service == svc.name and lo <= x.deployed_at_ms
                       and x.deployed_at_ms + duration < end_ms - 10 * MINUTE and not x.is_fix]
                dep = own[d.below(len(own))] if own and d.chance(0.7) else None
                if dep is None:
                    dep = Deployment(svc.name, "", t_dep)
                t0 = dep.deployed_at_ms + d.between(30, 180) * 1000
                later = [x.deployed_at_ms for x in deploys
                         if x.service == svc.name and x.deployed_at_ms > dep.deployed_at_ms]
                fix_at = min([t0 + duration, *later])
                if fix_at - t0 < 20 * MINUTE or not occ.free([svc.name], dep.deployed_at_ms, fix_at):
                    continue
                if dep not in deploys:
                    deploys.append(dep)
                dep.is_regression = True
                if fix_at == t0 + duration:
                    deploys.append(Deployment(svc.name, "", fix_at, is_fix=True))
                else:
                    next(x for x in deploys if x.service == svc.name and x.deployed_at_ms == fix_at).is_fix = True
                occ.take([svc.name], dep.deployed_at_ms, fix_at)
                new = _pick_templates(d, svc, "regression", 1, used_new.setdefault(svc.runtime, set()))
                used_new[svc.runtime].add(new[0])
                eff = Effect(svc.name, t0, fix_at, 0.02 + 0.06 * d.uniform(), new)
                ep = Episode("", "persistent", [svc.name], svc.name, t0, fix_at, [eff],
                             is_deploy_regression=True, new_template=new[0])
                ep.deploy_version = f"@{dep.deployed_at_ms}"  # resolved once versions exist
            else:
                t0 = when(duration)
                if t0 is None or not occ.free([svc.name], t0, t0 + duration):
                    continue
                occ.take([svc.name], t0, t0 + duration)
                eff = Effect(svc.name, t0, t0 + duration, 0.02 + 0.05 * d.uniform(),
                             _pick_templates(d, svc, "persistent", 1))
                ep = Episode("", "persistent", [svc.name], svc.name, t0, t0 + duration, [eff])
            episodes.append(ep)
            break

    # transient: minutes, one service, resolves by itself
    for _ in range(counts["transient"]):
        for _attempt in range(60):
            svc = d.pick(services)
            duration = d.between(2, 15) * MINUTE
            t0 = when(duration)
            if t0 is None or not occ.free([svc.name], t0, t0 + duration):
                continue
            occ.take([svc.name], t0, t0 + duration)
            use = d.pick(("db_outage", "timeout", "unavailable")) if svc.depends_on else "db_outage"
            peers = svc.depends_on if use != "db_outage" else ()
            eff = Effect(svc.name, t0, t0 + duration, 0.05 + 0.35 * d.uniform(),
                         _pick_templates(d, svc, use), tuple(peers))
            episodes.append(Episode("", "transient", [svc.name], svc.name, t0, t0 + duration, [eff]))
            break

    # versions, in time order per service
    initial = {s.name: f"{1 + d.below(4)}.{d.below(20)}.{d.below(15)}" for s in services}
    deploys.sort(key=lambda x: (x.deployed_at_ms, x.service))
    current = dict(initial)
    for dep in deploys:
        dep.version = version_after(current[dep.service], d)
        current[dep.service] = dep.version
    for ep in episodes:
        if ep.deploy_version and ep.deploy_version.startswith("@"):
            t = int(ep.deploy_version[1:])
            ep.deploy_version = next(x.version for x in deploys
                                     if x.service == ep.root_service and x.deployed_at_ms == t)

    # negatives: surges (an edge-ish service and its callees) and clean deploys
    negatives: list[Negative] = []
    n_surges = max(2, round(SURGE_RATE * factor))
    for _ in range(n_surges):
        for _attempt in range(60):
            svc = d.pick(services[: max(2, len(services) // 2)])
            duration = d.between(30, 120) * MINUTE
            t0 = when(duration)
            names = [svc.name, *svc.depends_on[:2]]
            if t0 is None or not occ.free(names, t0, t0 + duration):
                continue
            occ.take(names, t0, t0 + duration)
            negatives.append(Negative("traffic_surge", names, t0, t0 + duration,
                                      factor=float(2.5 + 1.5 * d.uniform())))
            break
    for dep in deploys:
        if dep.is_regression or dep.is_fix:
            continue
        if occ.free([dep.service], dep.deployed_at_ms, dep.deployed_at_ms + 30 * MINUTE):
            negatives.append(Negative("clean_deploy", [dep.service], dep.deployed_at_ms,
                                      dep.deployed_at_ms + 30 * MINUTE, version=dep.version))
    episodes.sort(key=lambda e: (e.start_ms, e.root_service))
    for i, ep in enumerate(episodes):
        ep.episode_id = f"ep-{i + 1:04d}"
    negatives.sort(key=lambda n: (n.start_ms, n.kind))
    return FaultPlan(episodes, negatives, deploys, initial)


@dataclass
class Incident:
    incident_id: str
    title: str
    severity: str
    services: list[str]
    started_at_ms: int
    detected_at_ms: int
    acknowledged_at_ms: int
    resolved_at_ms: int
    category: str
    episode_id: str


_CATEGORY = {"cascading": "dependency", "retry_storm": "capacity", "transient": "infrastructure"}


def record_incidents(plan: FaultPlan, services: list[Service], rng: np.random.Generator
                     ) -> list[Incident]:
    """The incident history as people recorded it: not every episode became an
    incident, and people's timestamps are rounded, late and approximate."""
    d = Draws(rng)
    tiers = {s.name: s.tier for s in services}
    out: list[Incident] = []
    chance = {"cascading": 1.0, "retry_storm": 0.7, "persistent": 0.85, "transient": 0.25}
    for ep in plan.episodes:
        if not (ep.is_deploy_regression or d.chance(chance[ep.kind])):
            continue
        tier = min(tiers[s] for s in ep.services)
        sev = 1 + tier - 1 + (0 if ep.kind in ("cascading", "persistent") else 1)
        sev = min(5, max(1, sev + (1 if d.chance(0.2) else 0)))
        started = (ep.start_ms // MINUTE - d.below(4)) * MINUTE  # people round and guess
        detected = ep.start_ms + int(d.lognormal(6, 0.6) * MINUTE)
        acked = detected + int(d.lognormal(3, 0.7) * MINUTE)
        resolved = max(ep.end_ms + int(d.lognormal(8, 0.8) * MINUTE), acked + MINUTE)
        root = ep.root_service
        if ep.is_deploy_regression:
            title = f"{root}: 5xx after deploy {ep.deploy_version}"
            category = "deploy"
        elif ep.kind == "cascading":
            others = ", ".join(s for s in ep.services if s != root)
            title = f"{root} outage, errors in {others}"
            category = _CATEGORY[ep.kind]
        elif ep.kind == "retry_storm":
            title = f"{root} overloaded by retries"
            category = _CATEGORY[ep.kind]
        elif ep.kind == "persistent":
            title = f"{root} elevated error rate"
            category = "config"
        else:
            title = f"{root} error spike"
            category = _CATEGORY[ep.kind]
        out.append(Incident("", title, f"P{sev}", list(ep.services), started, detected, acked,
                            resolved, category, ep.episode_id))
    out.sort(key=lambda i: i.started_at_ms)
    for i, inc in enumerate(out):
        inc.incident_id = f"INC-{1001 + i}"
    return out
