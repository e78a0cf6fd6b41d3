"""The curated public surface of ``anomaly`` and ``features`` stays honest."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["anomaly", "features"])
def test_all_is_sorted_and_every_name_resolves(package):
    mod = importlib.import_module(package)
    assert mod.__all__ == sorted(mod.__all__)
    for name in mod.__all__:
        value = getattr(mod, name)
        assert value is not None, name
        # the lazy name is the object its defining module exports
        home = importlib.import_module(mod._LAZY[name])
        assert getattr(home, name) is value
        assert name in getattr(home, "__all__", [name])


@pytest.mark.parametrize("package", ["anomaly", "features"])
def test_unknown_name_is_an_attribute_error(package):
    mod = importlib.import_module(package)
    with pytest.raises(AttributeError, match="no attribute"):
        mod.not_a_public_name  # noqa: B018


def test_import_stays_light():
    """Importing the packages and the CLI must not pull in the heavy libraries."""
    code = (
        "import sys, anomaly, features, anomaly.cli; "
        "heavy = [m for m in ('mlflow', 'sklearn', 'pyod', 'great_expectations', 'duckdb') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
