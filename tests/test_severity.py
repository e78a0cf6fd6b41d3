"""Severity matrix (ITIL impact x urgency), its YAML validation, and incident categories."""

from __future__ import annotations

import pytest

from anomaly.categories import load_categories
from anomaly.severity import SEVERITIES, assess_severity, load_severity_config

DEFAULT = load_severity_config()


def sev(**kw) -> dict:
    base = {"tier": 2, "count_services": 1, "count_users": 0, "error_rate": 0.01,
            "slo_error_rate": 0.001, "state": "degraded"}
    return assess_severity(DEFAULT, **(base | kw))


def test_default_matrix_is_the_itil_priority_matrix():
    assert DEFAULT.matrix == {1: {1: "P1", 2: "P2", 3: "P3"},
                              2: {1: "P2", 2: "P3", 3: "P4"},
                              3: {1: "P3", 2: "P4", 3: "P5"}}
    assert [DEFAULT.severities[s]["action"] for s in SEVERITIES] == [
        "page", "page", "ticket", "ticket", "review"]
    responds = [DEFAULT.severities[s]["respond_minutes"] for s in SEVERITIES]
    assert responds == sorted(responds)


def test_hand_computed_cells():
    # tier 2 -> impact 2; burn 0.01 / 0.001 = 10: >= 6, < 14.4 -> urgency 2 -> P3
    a = sev()
    assert (a["impact"], a["urgency"], a["severity"], a["action"]) == (2, 2, "P3", "ticket")
    assert a["burn_rate"] == 10.0 and a["is_slo_breached"]
    # burn 20 -> urgency 1 -> P2
    assert sev(error_rate=0.02)["severity"] == "P2"
    # blast radius: 3 services raise impact 2 -> 1; with burn 20 -> P1
    assert sev(error_rate=0.02, count_services=3)["severity"] == "P1"
    assert sev(error_rate=0.02, count_users=100)["impact"] == 1
    # SLO not breached lowers impact: tier 1 -> 1 -> 2; burn 0.5 -> urgency 3 -> P4
    a = sev(tier=1, error_rate=0.0005)
    assert (a["impact"], a["urgency"], a["severity"]) == (2, 3, "P4")
    # failed is urgency 1 whatever the burn rate
    assert sev(state="failed", error_rate=None)["urgency"] == 1
    # unknown burn rate (no requests) is medium urgency
    assert sev(error_rate=None)["urgency"] == 2
    # a service missing from the catalog gets the default impact, said so
    a = sev(tier=None)
    assert a["impact"] == 3 and "not in catalog" in a["reasons"][0]


def write(tmp_path, text: str):
    path = tmp_path / "c.yaml"
    path.write_text(text)
    return path


def default_text() -> str:
    from importlib import resources

    return resources.files("anomaly").joinpath("config/severity.yaml").read_text()


def test_config_errors_teach(tmp_path):
    text = default_text()
    with pytest.raises(ValueError, match="duplicate key 'matrix'"):
        load_severity_config(write(tmp_path, text + "\nmatrix: {}\n"))
    with pytest.raises(ValueError, match=r"matrix.2.3: must be one of \['P1'"):
        load_severity_config(write(tmp_path, text.replace("2: {1: P2, 2: P3, 3: P4}",
                                                          "2: {1: P2, 2: P3, 3: P9}")))
    with pytest.raises(ValueError, match="severities.P5.action: must be one of"):
        load_severity_config(write(tmp_path, text.replace("action: review", "action: email")))
    with pytest.raises(ValueError, match=r"unknown key\(s\) \['colour'\]"):
        load_severity_config(write(tmp_path, text + "\ncolour: red\n"))
    with pytest.raises(ValueError, match="high >= medium"):
        load_severity_config(write(tmp_path, text.replace("high: 14.4", "high: 2")))


def test_custom_config_is_used(tmp_path):
    text = default_text().replace("P5: {respond_minutes: 4320, resolve_minutes: 20160, "
                                  "action: review}",
                                  "P5: {respond_minutes: 4320, resolve_minutes: 20160, "
                                  "action: ticket}")
    config = load_severity_config(write(tmp_path, text))
    a = assess_severity(config, tier=3, count_services=1, count_users=0, error_rate=0.0,
                        slo_error_rate=0.01, state="degraded")
    assert (a["severity"], a["action"]) == ("P5", "ticket")


CATEGORIES = load_categories()


@pytest.mark.parametrize(("error_type", "status", "expected"), [
    ("java.net.SocketTimeoutException", None, "network.timeout"),
    ("context deadline exceeded", None, "network.timeout"),
    ("org.postgresql.util.PSQLException", 500, "database.connection"),
    ("psycopg2.errors.UniqueViolation IntegrityError", None, "database.query"),
    ("requests.exceptions.ConnectionError", None, "network.connection"),
    ("java.lang.OutOfMemoryError", None, "hardware.capacity"),
    ("io.jsonwebtoken.ExpiredJwtException TokenExpired", None, "security.access"),
    ("java.lang.NullPointerException", None, "software.application_error"),
    ("KeyError", None, "software.data_validation"),
    (None, 429, "hardware.capacity"),
    (None, 404, "inquiry.not_found"),
    (None, None, "software.application_error"),
])
def test_categorize(error_type, status, expected):
    assert CATEGORIES.categorize(error_type, http_status=status) == expected


def test_categories_have_no_duplicates_and_follow_the_taxonomy():
    ids = [c.id for c in CATEGORIES.categories]
    pairs = [(c.category, c.subcategory) for c in CATEGORIES.categories]
    assert len(ids) == len(set(ids)) and len(pairs) == len(set(pairs))
    assert {c.category for c in CATEGORIES.categories} <= {
        "Software", "Hardware", "Network", "Database", "Inquiry / Help", "Security"}
    assert CATEGORIES.describe("network.timeout") == "Network / Timeout"


def test_duplicate_categories_are_refused(tmp_path):
    text = """
taxonomy: t
default: a.b
categories:
  - {id: a.b, category: Network, subcategory: Timeout, error_type: [x]}
  - {id: a.c, category: network, subcategory: timeout, error_type: [y]}
"""
    with pytest.raises(ValueError, match="duplicate category 'network / timeout'"):
        load_categories(write(tmp_path, text))
    with pytest.raises(ValueError, match="duplicate category id 'a.b'"):
        load_categories(write(tmp_path, text.replace("id: a.c", "id: a.b")))
    with pytest.raises(ValueError, match="does not compile"):
        load_categories(write(tmp_path, text.replace("[y]", "['(']").replace(
            "subcategory: timeout", "subcategory: other")))
    with pytest.raises(ValueError, match="'default' must be one of"):
        load_categories(write(tmp_path, text.replace("default: a.b", "default: z").replace(
            "subcategory: timeout", "subcategory: other")))
