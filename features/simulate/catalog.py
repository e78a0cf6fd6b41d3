"""The simulated service catalog: services, teams, tiers, the ``depends_on`` graph
(callers → callees), SLOs, escalation keys, and what each service runs on.

Services come from a pool of realistic roles (an edge gateway, checkout, payments,
a Kafka-fed ledger, ...) taken in an order that keeps even small catalogs connected;
past the pool, generic ``svc-NN`` services are added. The graph is a DAG: a service
only calls services later in a fixed depth order.

Examples
--------
>>> import numpy as np
>>> services = build_catalog(5, np.random.default_rng(7))
>>> [s.name for s in services]
['api-gateway', 'checkout', 'payments', 'cart', 'inventory']
>>> services[1].depends_on
('payments', 'cart', 'inventory')
>>> sorted(callers_of(services)["payments"])
['checkout']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from features.simulate.identifiers import pod_name


@dataclass(frozen=True)
class Role:
    team: str
    tier: int
    runtime: str  # java, python, go, node
    features: tuple[str, ...]  # http, edge, db, kafka, gateway, grpc, redis, smtp
    routes: tuple[str, ...]  # "METHOD /route"
    prefers: tuple[str, ...] = ()


# Depth order: a service may only depend on services after it in this table.
ROLES: dict[str, Role] = {
    "api-gateway": Role("platform", 1, "go", ("http", "edge", "nginx"),
                        ("GET /api/v1/products", "POST /api/v1/checkout", "GET /api/v1/cart",
                         "POST /api/v1/login", "GET /api/v1/orders/{id}"),
                        ("checkout", "cart", "orders", "search", "users", "catalog", "auth")),
    "web-bff": Role("web", 1, "node", ("http", "edge", "redis"),
                    ("GET /", "GET /product/:slug", "POST /cart/items", "GET /account"),
                    ("cart", "catalog", "search", "users", "recommendations", "reviews")),
    "mobile-bff": Role("mobile", 2, "node", ("http", "edge"),
                       ("GET /m/v2/feed", "POST /m/v2/orders", "GET /m/v2/profile"),
                       ("orders", "users", "cart", "search", "auth")),
    "checkout": Role("payments", 1, "java", ("http", "db", "grpc"),
                     ("POST /checkout", "POST /checkout/{id}/confirm", "GET /checkout/{id}"),
                     ("payments", "cart", "inventory", "pricing", "fraud-detection", "tax")),
    "orders": Role("fulfilment", 1, "python", ("http", "db", "kafka"),
                   ("POST /orders/", "GET /orders/<int:order_id>/", "PATCH /orders/<int:order_id>/"),
                   ("payments", "inventory", "shipping", "notifications", "ledger")),
    "cart": Role("shopping", 1, "go", ("http", "redis", "grpc"),
                 ("GET /cart/{cart_id}", "POST /cart/{cart_id}/items", "DELETE /cart/{cart_id}/items/{sku}"),
                 ("inventory", "pricing", "promotions")),
    "search": Role("discovery", 2, "go", ("http", "grpc"),
                   ("GET /search", "GET /search/suggest"), ("catalog", "media")),
    "users": Role("identity", 1, "python", ("http", "db"),
                  ("GET /users/<str:user_id>/", "POST /users/", "POST /users/password-reset/"),
                  ("auth", "notifications", "audit-log")),
    "catalog": Role("discovery", 2, "java", ("http", "db"),
                    ("GET /products/{sku}", "GET /categories/{slug}/products"),
                    ("inventory", "pricing", "media")),
    "recommendations": Role("discovery", 3, "python", ("http", "redis"),
                            ("GET /recommendations/<str:user_id>/",), ("catalog", "feature-flags")),
    "reviews": Role("discovery", 3, "node", ("http", "db"),
                    ("GET /reviews/:sku", "POST /reviews"), ("users", "media")),
    "payments": Role("payments", 1, "java", ("http", "db", "gateway", "grpc"),
                     ("POST /payments/authorize", "POST /payments/{id}/capture", "POST /refunds"),
                     ("ledger", "fraud-detection", "notifications")),
    "inventory": Role("fulfilment", 1, "go", ("http", "db", "grpc"),
                      ("POST /inventory/reserve", "GET /inventory/{sku}"), ("audit-log",)),
    "pricing": Role("shopping", 2, "java", ("http", "redis", "grpc"),
                    ("GET /prices/{sku}", "POST /prices/quote"), ("tax", "feature-flags")),
    "auth": Role("identity", 1, "go", ("http", "redis", "grpc"),
                 ("POST /oauth/token", "POST /sessions", "GET /.well-known/jwks.json"),
                 ("audit-log", "feature-flags")),
    "shipping": Role("fulfilment", 2, "python", ("http", "db", "kafka"),
                     ("POST /shipments/", "GET /shipments/<uuid:shipment_id>/track/"),
                     ("notifications", "geo-lookup")),
    "fraud-detection": Role("risk", 2, "python", ("http", "grpc"),
                            ("POST /score",), ("geo-lookup", "feature-flags")),
    "loyalty": Role("shopping", 3, "node", ("http", "db"),
                    ("GET /loyalty/:userId/points", "POST /loyalty/redeem"), ("ledger", "notifications")),
    "promotions": Role("shopping", 3, "java", ("http", "db"),
                       ("POST /promotions/apply", "GET /promotions/active"), ("feature-flags",)),
    "notifications": Role("messaging", 2, "node", ("kafka", "http"),
                          ("POST /notify",), ("email-sender",)),
    "ledger": Role("finance", 1, "java", ("kafka", "db"), ("POST /ledger/entries",), ("audit-log",)),
    "tax": Role("finance", 2, "java", ("http",), ("POST /tax/calculate",)),
    "email-sender": Role("messaging", 3, "python", ("kafka", "smtp"), ("POST /send",)),
    "media": Role("discovery", 3, "go", ("http",), ("GET /img/{id}", "POST /upload")),
    "geo-lookup": Role("risk", 3, "go", ("http", "grpc"), ("GET /geo/ip/{ip}",)),
    "audit-log": Role("platform", 3, "go", ("kafka", "db"), ("POST /audit",)),
    "feature-flags": Role("platform", 2, "go", ("http", "grpc", "redis"), ("GET /flags/{env}",)),
}

#: The order services are taken in, so that small catalogs stay a meaningful graph.
PRIORITY = (
    "api-gateway", "checkout", "payments", "cart", "inventory", "orders", "users", "auth",
    "notifications", "search", "catalog", "pricing", "shipping", "ledger", "fraud-detection",
    "web-bff", "recommendations", "email-sender", "promotions", "tax", "mobile-bff", "reviews",
    "loyalty", "media", "geo-lookup", "audit-log", "feature-flags",
)
_DEPTH = {name: i for i, name in enumerate(ROLES)}
_RUNTIMES = ("java", "python", "go", "node")
_REGIONS = ("eu-west-1", "us-east-1")
# Timestamp styles (see features.simulate.clock), dealt round-robin so that even a
# small catalog mixes them, as a real fleet of loggers and shippers does.
_TS_STYLES = ("z_ms", "offset_ms", "epoch_ms", "iso_micro", "z_nano", "space_comma")


@dataclass(frozen=True)
class Service:
    """One simulated service: its catalog entry plus what the simulator needs to
    write realistic telemetry for it."""

    name: str
    team: str
    tier: int
    runtime: str
    features: tuple[str, ...]
    routes: tuple[str, ...]
    depends_on: tuple[str, ...]
    slo_error_rate: float
    slo_latency_p99_ms: int
    base_rpm: float
    error_rate: float
    pods: tuple[str, ...]
    pod_zones: tuple[str, ...]
    region: str
    ts_style: str
    package: str
    escalation: dict[str, str] = field(default_factory=dict)

    def has(self, feature: str) -> bool:
        """Whether the service has a feature (``db``, ``kafka``, ``edge``, ...)."""
        return feature in self.features


def build_catalog(n_services: int, rng: np.random.Generator) -> list[Service]:
    """Build ``n_services`` services with a connected ``depends_on`` DAG.

    Parameters
    ----------
    n_services : int
        How many services (at least 1).
    rng : numpy.random.Generator
        The seeded source for SLOs, traffic weights and styles.

    Returns
    -------
    list of Service
        In priority order; ``base_rpm`` is a relative weight here (the traffic
        module scales it).
    """
    if n_services < 1:
        raise ValueError(f"services must be at least 1, got {n_services}")
    names = list(PRIORITY[:n_services])
    extra = n_services - len(names)
    roles = dict(ROLES)
    for i in range(extra):
        name = f"svc-{i + 1:02d}"
        runtime = _RUNTIMES[int(rng.integers(len(_RUNTIMES)))]
        roles[name] = Role(f"team-{i % 7 + 1}", int(rng.integers(2, 4)), runtime, ("http", "db"),
                           (f"GET /{name}/items/{{id}}", f"POST /{name}/jobs"))
        names.append(name)
    depth = {n: _DEPTH.get(n, len(_DEPTH) - 3) + (0.5 if n.startswith("svc-") else 0) for n in names}
    chosen = set(names)
    deps: dict[str, list[str]] = {}
    for n in names:
        deps[n] = [p for p in roles[n].prefers if p in chosen and depth[p] > depth[n]]
        deps[n] = deps[n][: 6 if "edge" in roles[n].features else 4]
    # every service that is not an edge gets at least one caller
    edge = [n for n in names if "edge" in roles[n].features] or names[:1]
    for n in names:
        if n in edge or any(n in v for v in deps.values()):
            continue
        callers = [c for c in names if depth[c] < depth[n]]
        if callers:
            deps[callers[int(rng.integers(len(callers)))]].append(n)
    services = []
    for n in names:
        role = roles[n]
        tier = role.tier
        slo = {1: 0.001, 2: 0.005, 3: 0.01}[tier] * float(rng.choice([0.5, 1.0, 2.0]))
        n_pods = int(rng.integers(2, 5)) + (2 if tier == 1 else 0)
        region = _REGIONS[0] if rng.random() < 0.75 else _REGIONS[1]
        pods = tuple(pod_name(n, i) for i in range(n_pods))
        zones = tuple(f"{region}{'abc'[i % 3]}" for i in range(n_pods))
        weight = {1: 3.0, 2: 1.5, 3: 0.7}[tier] * float(rng.lognormal(0, 0.35))
        error_rate = float(np.clip(rng.lognormal(np.log(0.004), 0.4), 0.001, 0.02))
        team = role.team
        services.append(Service(
            name=n, team=team, tier=tier, runtime=role.runtime, features=role.features,
            routes=role.routes, depends_on=tuple(deps[n]), slo_error_rate=round(slo, 4),
            slo_latency_p99_ms=int(rng.choice([200, 300, 400, 800, 1500])), base_rpm=weight,
            error_rate=error_rate, pods=pods, pod_zones=zones, region=region,
            ts_style=_TS_STYLES[len(services) % len(_TS_STYLES)],
            package=f"com.shopfront.{n.replace('-', '')}",
            escalation={"pagerduty": f"pd-{team}-primary", "opsgenie": f"{team}-team",
                        "slack": f"#{team}-oncall"},
        ))
    return services


def callers_of(services: list[Service]) -> dict[str, list[str]]:
    """Reverse the graph: service name -> the services that call it."""
    out: dict[str, list[str]] = {s.name: [] for s in services}
    for s in services:
        for callee in s.depends_on:
            out[callee].append(s.name)
    return out


def catalog_document(services: list[Service]) -> dict[str, Any]:
    """The ``catalog.yaml`` document (the contract's catalog shape)."""
    return {
        "services": {
            s.name: {
                "team": s.team,
                "tier": s.tier,
                "depends_on": list(s.depends_on),
                "slo": {"error_rate": s.slo_error_rate, "latency_p99_ms": s.slo_latency_p99_ms},
                "escalation": dict(s.escalation),
            }
            for s in services
        }
    }
