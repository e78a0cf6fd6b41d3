"""faultline's ``features`` package: from raw telemetry to privacy-safe feature tables.

The public surface, imported lazily so ``import features`` stays fast:

* contract v1 — :func:`normalize_event`, :func:`parse_timestamp`, :class:`ContractError`
* simulator — ``features.simulate.simulate``
* privacy — :class:`Anonymizer`, :class:`Policy`, :func:`load_key`,
  :func:`ensure_key_file`, :func:`scan_paths`
* the store and ingest — :class:`Store`, ``features.ingest.ingest``, :class:`Sampling`
* fingerprints — :class:`TemplateMiner`, :func:`mine_templates`, :func:`fingerprint_store`
* feature tables — :func:`build_features`, :func:`feature_frame`

Examples
--------
>>> import features
>>> features.mine_templates(["user 1 logged in", "user 22 logged in"])[1][1]
'user <NUM> logged in'

(``ingest`` and ``simulate`` are subpackages, so their functions are reached as
``features.ingest.ingest`` and ``features.simulate.simulate``.)
"""

from __future__ import annotations

from features.lazy import lazy_exports

# name -> module that defines it
_LAZY = {
    "Anonymizer": "features.privacy",
    "ContractError": "features.contract",
    "Policy": "features.privacy",
    "Sampling": "features.ingest",
    "Store": "features.store",
    "TemplateMiner": "features.fingerprint",
    "build_features": "features.build",
    "ensure_key_file": "features.privacy",
    "feature_frame": "features.frames",
    "fingerprint_store": "features.fingerprint",
    "load_key": "features.privacy",
    "mine_templates": "features.fingerprint",
    "normalize_event": "features.contract",
    "parse_timestamp": "features.contract",
    "scan_paths": "features.privacy",
}

__all__ = sorted(_LAZY)


__getattr__, __dir__ = lazy_exports("features", _LAZY, globals())
