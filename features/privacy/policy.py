"""The privacy policy: what happens to each field, and to what the scan finds.

A policy is YAML (the default ships as ``default_policy.yaml`` next to this
module), validated on load with a message for every bad key. Its ``version``
and ``hash`` (sha256 of the canonical policy, so any change shows) are recorded
with everything anonymized under it.

Examples
--------
>>> p = Policy.load()
>>> p.version, len(p.hash)
('1.0.0', 64)
>>> p.rule_for("user_id").action, p.rule_for("message").action, p.rule_for("x-custom").action
('tokenize', 'scan', 'scan')
>>> Policy.from_dict({"version": "2", "fields": {"message": "shred"}})
Traceback (most recent call last):
...
features.privacy.policy.PolicyError: policy fields.message: unknown action 'shred'; use one of keep, drop, mask, tokenize, generalize, scan
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from features.contract import EVENT_FIELDS
from features.privacy.detectors import DEFAULT_ACTIONS, KINDS

__all__ = ["ACTIONS", "FieldRule", "Policy", "PolicyError"]

ACTIONS = ("keep", "drop", "mask", "tokenize", "generalize", "scan")
_PARAMS = {
    "keep": set(),
    "drop": set(),
    "scan": set(),
    "mask": {"kind"},
    "tokenize": {"kind"},
    "generalize": {"kind", "ipv4_prefix", "ipv6_prefix", "precision"},
}
_PRECISIONS = ("s", "min", "h", "d")
_TOP_KEYS = {"name", "version", "fields", "unknown_fields", "free_text", "description"}


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the key and the fix."""


@dataclass(frozen=True)
class FieldRule:
    """The action for one field, with its parameters.

    Parameters
    ----------
    action : str
        One of :data:`ACTIONS`.
    kind : str
        The kind written in tokens and masks (defaults to the field name).
    ipv4_prefix, ipv6_prefix : int
        Network sizes for ``generalize`` on addresses.
    precision : str or None
        ``s``, ``min``, ``h`` or ``d`` for ``generalize`` on timestamps.
    """

    action: str
    kind: str = ""
    ipv4_prefix: int = 24
    ipv6_prefix: int = 48
    precision: str | None = None


@dataclass(frozen=True)
class Policy:
    """A validated privacy policy.

    Use :meth:`load` (a YAML file, or the packaged default) or :meth:`from_dict`.

    Attributes
    ----------
    name, version : str
        As written in the policy.
    hash : str
        sha256 hex of the canonical (sorted, defaults filled in) policy.
    fields : dict of str to FieldRule
        The rule of each named field.
    unknown : FieldRule
        The rule for fields the policy does not name.
    free_text : dict of str to str
        The action for each detector kind.
    source : str
        The file it came from, or ``<default>`` / ``<dict>``.
    """

    name: str
    version: str
    hash: str
    fields: dict[str, FieldRule]
    unknown: FieldRule
    free_text: dict[str, str]
    source: str = field(default="<dict>", compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Policy:
        """Load and validate a policy; ``None`` loads the packaged default.

        Raises
        ------
        PolicyError
            When the file is missing, is not YAML, or has a bad key or value.
        """
        import yaml

        if path is None:
            text = resources.files("features.privacy").joinpath("default_policy.yaml").read_text("utf-8")
            source = "<default>"
        else:
            p = Path(path)
            if not p.is_file():
                raise PolicyError(f"policy file {p} not found; pass an existing YAML file or omit --policy")
            text = p.read_text("utf-8")
            source = str(p)
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise PolicyError(f"policy {source} is not valid YAML ({type(exc).__name__})") from exc
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "<dict>") -> Policy:
        """Validate a policy given as a mapping (the parsed YAML)."""
        if not isinstance(data, dict):
            raise PolicyError("a policy must be a mapping with at least 'version' and 'fields'")
        extra = sorted(set(data) - _TOP_KEYS)
        if extra:
            raise PolicyError(f"policy has unknown top-level keys {extra}; allowed are {sorted(_TOP_KEYS)}")
        version = data.get("version")
        if version is None or not str(version).strip():
            raise PolicyError("policy needs a 'version' (a string such as \"1.0.0\")")
        raw_fields = data.get("fields") or {}
        if not isinstance(raw_fields, dict):
            raise PolicyError("policy 'fields' must map field names to actions")
        fields = {str(k): _rule(f"fields.{k}", str(k), v) for k, v in raw_fields.items()}
        unknown = _rule("unknown_fields", "", data.get("unknown_fields", "scan"))
        raw_text = data.get("free_text") or {}
        if not isinstance(raw_text, dict):
            raise PolicyError("policy 'free_text' must map detector kinds to actions")
        free_text = dict(DEFAULT_ACTIONS)
        for kind, action in raw_text.items():
            if kind not in DEFAULT_ACTIONS:
                raise PolicyError(f"policy free_text.{kind}: unknown kind; known kinds are {list(KINDS)}")
            allowed = ("tokenize", "mask", "keep") + (("generalize",) if kind in ("ipv4", "ipv6") else ())
            if action not in allowed:
                raise PolicyError(f"policy free_text.{kind}: action {action!r} not allowed; use one of {allowed}")
            free_text[kind] = action
        canonical = {
            "name": str(data.get("name", "")),
            "version": str(version),
            "fields": {k: vars(r) for k, r in sorted(fields.items())},
            "unknown_fields": vars(unknown),
            "free_text": dict(sorted(free_text.items())),
        }
        digest = hashlib.sha256(json.dumps(canonical, sort_keys=True).encode("utf-8")).hexdigest()
        return cls(str(data.get("name", "")), str(version), digest, fields, unknown, free_text, source)

    def rule_for(self, field_name: str) -> FieldRule:
        """The rule for a field (the ``unknown_fields`` rule when it is not named)."""
        return self.fields.get(field_name, self.unknown)

    def describe(self) -> dict[str, str]:
        """What to record with an output: ``{"policy_name", "policy_version", "policy_hash"}``."""
        return {"policy_name": self.name, "policy_version": self.version, "policy_hash": self.hash}


_FIELD_TYPES = {f.name: f.type for f in EVENT_FIELDS}


def _rule(where: str, name: str, spec: Any) -> FieldRule:
    if isinstance(spec, str):
        spec = {"action": spec}
    if not isinstance(spec, dict) or "action" not in spec:
        raise PolicyError(f"policy {where}: give an action name or a mapping with 'action'")
    action = spec["action"]
    if action not in ACTIONS:
        raise PolicyError(f"policy {where}: unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    extra = sorted(set(spec) - {"action"} - _PARAMS[action])
    if extra:
        raise PolicyError(f"policy {where}: {extra} not allowed with {action}; allowed: {sorted(_PARAMS[action])}")
    kind = str(spec.get("kind") or name or "value")
    if not kind.replace("_", "").isalnum() or not kind.isascii() or kind != kind.lower():
        raise PolicyError(f"policy {where}: kind must be lower-case letters, digits and '_'")
    precision = spec.get("precision")
    if precision is not None and precision not in _PRECISIONS:
        raise PolicyError(f"policy {where}: precision must be one of {_PRECISIONS}")
    if action == "generalize" and precision is None and _FIELD_TYPES.get(name) == "timestamp":
        raise PolicyError(f"policy {where}: generalizing a timestamp needs a precision {_PRECISIONS}")
    v4 = spec.get("ipv4_prefix", 24)
    v6 = spec.get("ipv6_prefix", 48)
    if not (isinstance(v4, int) and 0 <= v4 <= 32 and isinstance(v6, int) and 0 <= v6 <= 128):
        raise PolicyError(f"policy {where}: ipv4_prefix must be 0-32 and ipv6_prefix 0-128")
    return FieldRule(action, kind[:24], v4, v6, precision)
