"""Where the template miner's state lives: a two-method interface and two stores.

Like Drain3's persistence handlers: :class:`DuckDBState` keeps the state in the
faultline DuckDB store (table ``fingerprint_state``) so it survives restarts and
travels with the data; :class:`MemoryState` is its in-memory twin for tests.
Both hold opaque bytes written by :meth:`TemplateMiner.to_state`.

Examples
--------
>>> from features.fingerprint.miner import TemplateMiner
>>> state = MemoryState()
>>> save_miner(TemplateMiner().fit(["disk 1 full"]), state)
>>> list(load_miner(state).templates_.values())
['disk <NUM> full']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from features.fingerprint.miner import TemplateMiner

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

__all__ = ["DuckDBState", "MemoryState", "StateStore", "load_miner", "save_miner"]

STATE_TABLE_DDL = """
CREATE TABLE IF NOT EXISTS fingerprint_state (
    name VARCHAR PRIMARY KEY,
    state BLOB NOT NULL,
    saved_at TIMESTAMP NOT NULL
)"""


@runtime_checkable
class StateStore(Protocol):
    """Persistence for the miner's state: ``load`` what ``save`` last wrote."""

    def load(self) -> bytes | None:
        """The last saved state, or None when nothing was saved yet."""

    def save(self, state: bytes) -> None:
        """Replace the saved state."""


class MemoryState:
    """The in-memory twin of :class:`DuckDBState` (for tests).

    Examples
    --------
    >>> s = MemoryState(); s.save(b"x"); s.load()
    b'x'
    """

    def __init__(self) -> None:
        self._state: bytes | None = None

    def load(self) -> bytes | None:
        return self._state

    def save(self, state: bytes) -> None:
        self._state = bytes(state)


class DuckDBState:
    """Miner state in the DuckDB store, one row per ``name`` in ``fingerprint_state``.

    It writes through ``con`` without opening a transaction of its own, so a
    caller that saves inside its transaction gets the state and the fingerprints
    it produced committed together (or neither).

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        A writable connection to the store.
    name : str
        Which state (one miner per name).

    Examples
    --------
    >>> import duckdb
    >>> con = duckdb.connect()
    >>> st = DuckDBState(con); st.load() is None
    True
    >>> st.save(b"abc"); DuckDBState(con).load()
    b'abc'
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, name: str = "default") -> None:
        self.con = con
        self.name = name
        con.execute(STATE_TABLE_DDL)

    def load(self) -> bytes | None:
        row = self.con.execute(
            "SELECT state FROM fingerprint_state WHERE name = ?", [self.name]
        ).fetchone()
        return None if row is None else bytes(row[0])

    def save(self, state: bytes) -> None:
        self.con.execute(
            "INSERT INTO fingerprint_state (name, state, saved_at) "
            "VALUES (?, ?, now()::TIMESTAMP) "
            "ON CONFLICT (name) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at",
            [self.name, state],
        )


def load_miner(store: StateStore, **params: Any) -> TemplateMiner:
    """The miner saved in ``store``, or a new one with ``params`` when none was saved.

    A saved miner keeps its own parameters (ids depend on them); passing
    different ``params`` for an existing state raises ``ValueError``.
    """
    state = store.load()
    if state is None:
        miner = TemplateMiner(**params)
        miner.partial_fit([])
        return miner
    miner = TemplateMiner.from_state(state)
    saved = miner.get_params()
    clash = {k: v for k, v in params.items() if k in saved and saved[k] != v}
    if clash:
        raise ValueError(
            f"the saved template miner was built with {saved}; it cannot be reopened with "
            f"{clash} (template ids would no longer be comparable); use a new state name"
        )
    return miner


def save_miner(miner: TemplateMiner, store: StateStore) -> None:
    """Write ``miner``'s templates and ids to ``store``."""
    store.save(miner.to_state())
