"""faultline: from raw telemetry to privacy-safe feature tables."""


# Public functions re-exported lazily (``import features`` stays fast): name -> module.
_LAZY = {
    "mine_templates": "features.fingerprint.miner",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'features' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
