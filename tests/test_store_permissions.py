"""The store file is created readable and writable by its owner only."""

from __future__ import annotations

import stat

from features.store import Store


def test_new_store_file_is_owner_only(tmp_path):
    path = tmp_path / "fl.duckdb"
    with Store.open(path):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_existing_store_is_tightened_on_a_writable_open(tmp_path):
    path = tmp_path / "fl.duckdb"
    with Store.open(path):
        pass
    path.chmod(0o644)
    with Store.open(path, read_only=True):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # a reader changes nothing
    with Store.open(path):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
