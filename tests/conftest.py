"""Suite-wide settings: nothing a test does lands in the working tree."""

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
