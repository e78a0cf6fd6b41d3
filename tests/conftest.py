"""Suite-wide settings: nothing a test does lands in the working tree, and the audit log
is keyed as in a real install."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _default_store_outside_the_repo(tmp_path_factory):
    """Commands run without ``--db`` (and their audit log) default to a temporary store.

    Tests that check the built-in default remove the variable themselves.
    """
    if "FAULTLINE_DB" in os.environ:
        yield
        return
    os.environ["FAULTLINE_DB"] = str(tmp_path_factory.mktemp("default-store") / "faultline.duckdb")
    try:
        yield
    finally:
        os.environ.pop("FAULTLINE_DB", None)


@pytest.fixture(autouse=True, scope="session")
def _audit_key_for_the_suite():
    """Every audit row written by the suite is keyed (HMAC), as after `faultline audit
    init-key` or `faultline demo`; tests of the unkeyed and key-less cases unset it.

    A fixed test secret, never a real one, so no key file is created or looked for.
    """
    if "FAULTLINE_AUDIT_KEY" in os.environ or "FAULTLINE_AUDIT_KEY_FILE" in os.environ:
        yield
        return
    os.environ["FAULTLINE_AUDIT_KEY"] = "test-suite audit key, not a secret"
    try:
        yield
    finally:
        os.environ.pop("FAULTLINE_AUDIT_KEY", None)


# one login per role, for table-driven role tests
USERS_BY_ROLE = {"ana": "analyst", "eng": "engineer", "aud": "auditor", "adm": "admin"}


@pytest.fixture
def default_roles_with_users(tmp_path, monkeypatch):
    """The packaged roles with the users of ``USERS_BY_ROLE`` and no role for anyone
    else, as ``$FAULTLINE_ROLES``; call the fixture's value with a login to act as it."""
    import yaml

    from features.governance.roles import DEFAULT_ROLES_PATH

    data = yaml.safe_load(DEFAULT_ROLES_PATH.read_text(encoding="utf-8"))
    data["users"] = {u: [r] for u, r in USERS_BY_ROLE.items()}
    data["unmapped_role"] = None
    roles = tmp_path / "roles.yaml"
    roles.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)

    def act_as(user: str | None = None) -> None:
        if user is not None:
            monkeypatch.setenv("FAULTLINE_USER", user)

    return act_as


def simulated_events(folder) -> list[dict]:
    """The simulator's events in ``folder`` that are JSON objects (malformed lines skipped)."""
    import json

    rows = []
    with open(folder / "events.jsonl", encoding="utf-8") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                rows.append(obj)
    return rows


def spans_found(text: str) -> list[tuple[str, str]]:
    """What the detectors find in ``text``, as (kind, value) pairs in order."""
    from features.privacy.detectors import find_spans

    return [(s.kind, text[s.start : s.end]) for s in find_spans(text)]


def same_with_gates(text: str) -> None:
    """``text`` passes the batch path's gates, and the gates change nothing it finds."""
    from features.privacy.detectors import could_find, find_spans, gate_bits

    assert could_find(text)
    assert find_spans(text, gates=gate_bits(text)) == find_spans(text)
