"""Lazy re-exports for a package's ``__init__``: names load on first use.

``import anomaly`` and ``import features`` stay fast (scikit-learn, PyOD, MLflow and
DuckDB load only when a name that needs them is used), and a test checks each package's
``__all__`` against the modules behind it.

Examples
--------
>>> __getattr__, __dir__ = lazy_exports("pkg", {"sqrt": "math"}, {})
>>> __getattr__("sqrt")(9.0)
3.0
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, names: dict[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Module ``__getattr__`` and ``__dir__`` serving ``names`` (name -> defining module).

    Parameters
    ----------
    package : str
        The package's name, for the error message.
    names : dict
        Public name -> the module that defines it.
    namespace : dict
        The package's ``globals()``; a loaded name is cached there.
    """

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__
