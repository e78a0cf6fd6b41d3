"""Fast, seeded scalar random draws for the simulator's hot loop.

A numpy ``Generator`` is the source of all randomness (so one seed gives the same
bytes), but calling it once per value costs about a microsecond. ``Draws`` pulls raw
64-bit words from the generator's bit generator in blocks and hands them out one at a
time, which is what the per-event rendering needs.

Examples
--------
>>> import numpy as np
>>> d = Draws(np.random.default_rng(7))
>>> a = [d.below(10) for _ in range(5)]
>>> b = Draws(np.random.default_rng(7))
>>> a == [b.below(10) for _ in range(5)]
True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")

_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_TWO64 = float(2**64)


class Draws:
    """Scalar draws from blocks of raw 64-bit words of a numpy ``Generator``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The seeded source.
    block : int
        How many words to pull at a time.
    """

    def __init__(self, rng: np.random.Generator, block: int = 1 << 15) -> None:
        self.rng = rng
        self._block = block
        #: One uniform integer in [0, 2**64): a C-level iterator, the hot path's fastest call.
        self.word = itertools.chain.from_iterable(self._blocks()).__next__
        self._pools: dict[str, str] = {}

    def _blocks(self) -> Iterator[list[int]]:
        while True:
            yield self.rng.bit_generator.random_raw(self._block).tolist()

    def below(self, n: int) -> int:
        """One integer in [0, n)."""
        return self.word() % n

    def between(self, lo: int, hi: int) -> int:
        """One integer in [lo, hi] (both ends included)."""
        return lo + self.word() % (hi - lo + 1)

    def uniform(self) -> float:
        """One float in [0, 1)."""
        return self.word() / _TWO64

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.word() < p * _TWO64

    def pick(self, seq: Sequence[T]) -> T:
        """One element of ``seq``, uniformly."""
        return seq[self.word() % len(seq)]

    def hex(self, n_chars: int) -> str:
        """``n_chars`` lower-case hex characters (at most 32)."""
        if n_chars <= 16:
            return f"{self.word():016x}"[:n_chars]
        return f"{self.word():016x}{self.word():016x}"[:n_chars]

    def alnum(self, n_chars: int, alphabet: str = _ALNUM) -> str:
        """``n_chars`` characters from ``alphabet`` (default: letters and digits)."""
        pool = self._pools.get(alphabet)
        if pool is None:
            # one block of random characters per alphabet; values are slices at random offsets
            codes = self.rng.integers(0, len(alphabet), size=1 << 18)
            table = np.frombuffer(alphabet.encode("ascii"), dtype=np.uint8)
            pool = self._pools[alphabet] = table[codes].tobytes().decode("ascii")
        start = self.word() % (len(pool) - n_chars)
        return pool[start : start + n_chars]

    def digits(self, n_chars: int) -> str:
        """``n_chars`` decimal digits, the first one non-zero."""
        out = str(1 + self.word() % 9)
        while len(out) < n_chars:
            out += f"{self.word():020d}"[1:]
        return out[:n_chars]

    def lognormal(self, median: float, sigma: float) -> float:
        """A log-normal draw with the given median and log-space ``sigma``."""
        # Box-Muller from two words; cheap and deterministic.
        u1 = max(self.uniform(), 1e-12)
        u2 = self.uniform()
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        return median * math.exp(sigma * z)
