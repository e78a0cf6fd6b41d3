"""The privacy stage: the one place where personal data is found and neutralized.

Ingest calls it before anything is written; ``faultline privacy-scan`` proves
afterwards that nothing slipped through.

Public API
----------
Policy
    A validated YAML policy (``Policy.load()`` gives the packaged default), with
    ``version`` and ``hash``.
Anonymizer
    ``anonymize_event(dict)``, ``anonymize_batch(table)``, ``anonymize_text(str)``,
    ``counts`` by kind, ``describe()`` for provenance.
load_key, ensure_key_file, TokenKey, KeyMissingError
    The tokenization key: from ``FAULTLINE_TOKEN_KEY``, ``FAULTLINE_TOKEN_KEY_FILE``
    or ``data/keys/token.key``.
scan_paths, Finding
    Scan written files (DuckDB, Parquet, JSON/JSONL, CSV, HTML, Markdown, MLflow
    stores) for anything personal; findings name file, location and kind, never
    the value.
find_spans, KINDS
    The detectors themselves.

Examples
--------
>>> from features.privacy import Anonymizer, TokenKey
>>> a = Anonymizer(key=TokenKey.from_secret("an example secret, not a real one"))
>>> a.anonymize_text("GET /login?email=ada%40example.com 401")
'GET /login?email=<email:k9a4b:bbd200c6a3af> 401'
"""

# first: the detectors compiled from the current sources, when built (see _native)
from features.privacy._native import activate as _activate

_activate(__path__)

from features.privacy.anonymizer import Anonymizer  # noqa: E402
from features.privacy.detectors import KINDS, Span, find_spans  # noqa: E402
from features.privacy.policy import Policy, PolicyError  # noqa: E402
from features.privacy.scan import Finding, scan_paths  # noqa: E402
from features.privacy.tokens import KeyMissingError, TokenKey, ensure_key_file, load_key  # noqa: E402

__all__ = [
    "KINDS",
    "Anonymizer",
    "Finding",
    "KeyMissingError",
    "Policy",
    "PolicyError",
    "Span",
    "TokenKey",
    "ensure_key_file",
    "find_spans",
    "load_key",
    "scan_paths",
]
