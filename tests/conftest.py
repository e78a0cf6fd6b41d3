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
