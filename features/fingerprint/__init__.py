"""Error fingerprints: stable ids for "the same error".

- :mod:`.masking` — typed placeholders for the variable parts of a message.
- :mod:`.miner` — :class:`TemplateMiner`, online template mining, and :func:`mine_templates`.
"""

from features.fingerprint.masking import mask
from features.fingerprint.miner import TemplateMiner, mine_templates

__all__ = ["TemplateMiner", "mask", "mine_templates"]
