"""Error fingerprints: every event gets a stable id for "the same error".

- :mod:`.masking` — typed placeholders (``<NUM>``, ``<IP>``, ``<TOKEN>``...) for the
  variable parts of a message; :func:`mask`.
- :mod:`.miner` — :class:`TemplateMiner`, online template mining with ids that never
  change, and :func:`mine_templates`.
- :mod:`.stack` — stack-trace signatures (exception type + top in-app frames) and
  the fingerprint ids built from them or from the message template.
- :mod:`.state` — the miner's persistence: :class:`DuckDBState` in the store,
  :class:`MemoryState` for tests.
- :mod:`.novelty` — first/last seen, counts, services, versions, introducing deploy.
- :mod:`.apply` — :func:`fingerprint_store`, which fingerprints stored events.

Examples
--------
>>> from features.fingerprint import mine_templates
>>> [t for _, t in mine_templates(["user <user:k1:7f3a9c1e02> logged in from 10.1.2.3"])]
['user <TOKEN> logged in from <IP>']
"""

from features.fingerprint.apply import fingerprint_store
from features.fingerprint.masking import MaskRule, mask
from features.fingerprint.miner import TemplateMiner, mine_templates
from features.fingerprint.novelty import DEFAULT_INTRODUCED_WINDOW
from features.fingerprint.stack import (
    StackConfig,
    StackSignature,
    event_fingerprint,
    parse_stack,
    stack_fingerprint,
    template_fingerprint,
)
from features.fingerprint.state import (
    DuckDBState,
    MemoryState,
    StateStore,
    load_miner,
    save_miner,
)

__all__ = [
    "DEFAULT_INTRODUCED_WINDOW",
    "DuckDBState",
    "MaskRule",
    "MemoryState",
    "StackConfig",
    "StackSignature",
    "StateStore",
    "TemplateMiner",
    "event_fingerprint",
    "fingerprint_store",
    "load_miner",
    "mask",
    "mine_templates",
    "parse_stack",
    "save_miner",
    "stack_fingerprint",
    "template_fingerprint",
]
