"""Roles, the caller's identity, and the one enforcement point.

Roles come from a YAML file (``$FAULTLINE_ROLES``, else the packaged ``roles.yaml``):
each role lists the objects it may ``read``, ``write``, ``export`` or ``admin``. The
caller is ``$FAULTLINE_USER`` (else the OS login name); the roles granted to them are
the ``users`` entry, else ``unmapped_role``; ``$FAULTLINE_ROLE`` may pick one of the
granted roles and nothing else.

Every access goes through :func:`guard` (or its one-shot form :func:`enforce`): it
checks the permission, writes one hash-chained row to the audit log beside the store
(:mod:`features.governance.audit`), and on denial raises :class:`AccessDenied` after
recording the denial.

Examples
--------
>>> import tempfile, pathlib
>>> store = pathlib.Path(tempfile.mkdtemp()) / "fl.duckdb"
>>> roles = RoleConfig.from_dict({"roles": {"analyst": {"read": ["features"]}},
...                               "users": {"ada": ["analyst"]}})
>>> who = resolve_identity(roles, user="ada")
>>> with guard("read", "features", store_path=store, identity=who) as access:
...     access.rows = 12
>>> try:
...     enforce("export", "features", store_path=store, identity=who)
... except AccessDenied as exc:
...     print(str(exc).split(";")[0])
user 'ada' acting as 'analyst' may not export features
>>> AuditLog.for_store(store).records()[["action", "outcome"]].values.tolist()
[['read', 'ok'], ['export', 'denied']]
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from features.governance.audit import AuditLog, secure_file

__all__ = [
    "ACTIONS",
    "OBJECTS",
    "Access",
    "AccessDenied",
    "Identity",
    "RoleConfig",
    "audited_api",
    "connection_file",
    "current_identity",
    "enforce",
    "guard",
    "load_roles",
    "resolve_identity",
]

ACTIONS = ("read", "write", "export", "admin")
"""What can be done to an object."""

OBJECTS = (
    "events", "features", "episodes", "reports", "models", "quarantine", "lineage",
    "audit", "retention", "holds", "keys", "roles", "backup",
)
"""The kinds of object a permission names (see ``roles.yaml``)."""

DEFAULT_ROLES_PATH = Path(__file__).with_name("roles.yaml")


class AccessDenied(PermissionError):
    """The caller's role does not allow the action; the denial has been audited."""


@dataclass(frozen=True)
class RoleConfig:
    """Roles, users and the role of unmapped users.

    Parameters
    ----------
    roles : dict
        Role name -> action -> frozenset of objects.
    users : dict
        Login name -> tuple of granted roles (the first is the default).
    unmapped_role : str or None
        Role of users not in ``users``; None denies them everything.
    source : str
        Where the config came from (for messages).
    """

    roles: dict[str, dict[str, frozenset[str]]]
    users: dict[str, tuple[str, ...]]
    unmapped_role: str | None = None
    source: str = "<dict>"
    descriptions: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> RoleConfig:
        """Validate a parsed roles file; every bad key gets its own message.

        Examples
        --------
        >>> RoleConfig.from_dict({"roles": {"x": {"reed": ["events"]}}})
        Traceback (most recent call last):
        ...
        ValueError: <dict>: role 'x' has unknown key 'reed'; keys are ['admin', 'description', 'export', 'read', 'write']
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"{source}: a roles file is a mapping with 'roles' and 'users'")
        unknown = sorted(set(data) - {"version", "roles", "users", "unmapped_role"})
        if unknown:
            raise ValueError(f"{source}: unknown top-level keys {unknown}; keys are "
                             "['roles', 'unmapped_role', 'users', 'version']")
        raw_roles = data.get("roles") or {}
        if not isinstance(raw_roles, Mapping) or not raw_roles:
            raise ValueError(f"{source}: 'roles' must map role names to permissions")
        roles: dict[str, dict[str, frozenset[str]]] = {}
        descriptions: dict[str, str] = {}
        allowed_keys = sorted((*ACTIONS, "description"))
        for name, spec in raw_roles.items():
            spec = spec or {}
            if not isinstance(spec, Mapping):
                raise ValueError(f"{source}: role {name!r} must be a mapping of action -> "
                                 "list of objects")
            perms: dict[str, frozenset[str]] = {}
            for key, objs in spec.items():
                if key == "description":
                    descriptions[str(name)] = str(objs)
                    continue
                if key not in ACTIONS:
                    raise ValueError(f"{source}: role {name!r} has unknown key {key!r}; "
                                     f"keys are {allowed_keys}")
                if not isinstance(objs, list):
                    raise ValueError(f"{source}: role {name!r} {key}: must be a list of objects")
                bad = sorted(set(map(str, objs)) - set(OBJECTS))
                if bad:
                    raise ValueError(f"{source}: role {name!r} {key}: unknown objects {bad}; "
                                     f"objects are {sorted(OBJECTS)}")
                perms[key] = frozenset(map(str, objs))
            roles[str(name)] = perms
        raw_users = data.get("users") or {}
        if not isinstance(raw_users, Mapping):
            raise ValueError(f"{source}: 'users' must map login names to lists of roles")
        users: dict[str, tuple[str, ...]] = {}
        for user, granted in raw_users.items():
            granted = [granted] if isinstance(granted, str) else list(granted or [])
            bad = [g for g in granted if g not in roles]
            if bad or not granted:
                raise ValueError(f"{source}: user entry #{list(raw_users).index(user) + 1} "
                                 f"grants unknown or no roles; roles are {sorted(roles)}")
            users[str(user)] = tuple(map(str, granted))
        unmapped = data.get("unmapped_role")
        if unmapped is not None and unmapped not in roles:
            raise ValueError(f"{source}: unmapped_role {unmapped!r} is not a role; roles are "
                             f"{sorted(roles)} (or null to deny unmapped users)")
        return cls(roles, users, unmapped, source, descriptions)

    def allowed(self, role: str, action: str) -> frozenset[str]:
        """Objects ``role`` may ``action``."""
        return self.roles.get(role, {}).get(action, frozenset())


def load_roles(path: str | os.PathLike[str] | None = None) -> RoleConfig:
    """Read the roles file: ``path``, else ``$FAULTLINE_ROLES``, else the packaged default.

    Examples
    --------
    >>> sorted(load_roles(DEFAULT_ROLES_PATH).roles)
    ['admin', 'analyst', 'auditor', 'engineer']
    """
    import yaml

    chosen = path or os.environ.get("FAULTLINE_ROLES") or DEFAULT_ROLES_PATH
    p = Path(chosen)
    if not p.is_file():
        raise ValueError(f"roles file {p} does not exist; unset FAULTLINE_ROLES to use the "
                         "packaged default, or point it at a copy of it")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"roles file {p} is not valid YAML ({type(exc).__name__})") from None
    return RoleConfig.from_dict(data, source=str(p))


@dataclass(frozen=True)
class Identity:
    """Who is acting, in which role, under which roles config.

    ``role`` is None when the user may not use faultline at all (unmapped with
    ``unmapped_role: null``, or ``FAULTLINE_ROLE`` naming a role not granted);
    ``problem`` then says why.
    """

    user: str
    role: str | None
    granted: tuple[str, ...]
    config: RoleConfig
    problem: str = ""

    def may(self, action: str, obj: str) -> bool:
        """Whether this identity may ``action`` the object ``obj``."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {list(ACTIONS)}, not {action!r}")
        if obj not in OBJECTS:
            raise ValueError(f"object must be one of {sorted(OBJECTS)}, not {obj!r}")
        return self.role is not None and obj in self.config.allowed(self.role, action)

    def permissions(self) -> dict[str, list[str]]:
        """Action -> sorted objects allowed in the current role."""
        if self.role is None:
            return {}
        return {a: sorted(self.config.allowed(self.role, a)) for a in ACTIONS
                if self.config.allowed(self.role, a)}


def resolve_identity(config: RoleConfig, *, user: str | None = None,
                     role: str | None = None) -> Identity:
    """The identity of ``user`` (default ``$FAULTLINE_USER`` or the OS user) acting in
    ``role`` (default ``$FAULTLINE_ROLE`` or the first granted role)."""
    name = user or os.environ.get("FAULTLINE_USER") or _os_user()
    wanted = role or os.environ.get("FAULTLINE_ROLE") or None
    granted = config.users.get(name)
    if granted is None:
        granted = (config.unmapped_role,) if config.unmapped_role else ()
    if not granted:
        return Identity(name, None, (), config,
                        f"user {name!r} has no role in {config.source} and unmapped users "
                        "are denied (unmapped_role: null); ask an admin to add you")
    if wanted is None:
        return Identity(name, granted[0], granted, config)
    if wanted not in granted:
        return Identity(name, None, granted, config,
                        f"FAULTLINE_ROLE asks for role {wanted!r}, which is not granted to "
                        f"user {name!r} (granted: {list(granted)}); unset it or ask an admin")
    return Identity(name, wanted, granted, config)


def current_identity(roles_path: str | os.PathLike[str] | None = None) -> Identity:
    """The caller's identity from the environment and the roles file."""
    return resolve_identity(load_roles(roles_path))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid-{os.getuid()}"


@dataclass
class Access:
    """One allowed access in progress: set ``rows`` (and the range) before the block ends."""

    identity: Identity
    action: str
    obj: str
    rows: int | None = None
    range_start: datetime | None = None
    range_end: datetime | None = None


def _store_path(store_path: str | os.PathLike[str] | None) -> Path:
    from features.store import resolve_db_path

    return resolve_db_path(store_path)


def _denial(identity: Identity, action: str, obj: str) -> str:
    if identity.role is None:
        return identity.problem
    allowed = sorted(identity.config.allowed(identity.role, action))
    can = f"role {identity.role!r} may {action} {allowed}" if allowed else (
        f"role {identity.role!r} may not {action} anything")
    return (f"user {identity.user!r} acting as {identity.role!r} may not {action} {obj}; "
            f"{can}. Ask an admin for a role that may (roles file: {identity.config.source}); "
            "this denial is recorded in the audit log")


# The access being audited in this context, so that nested guards (a command and the
# stage function it calls) write one audit row, not two.
_ACTIVE: ContextVar[tuple[str, str] | None] = ContextVar("faultline_access", default=None)


def audited_api(action: str, obj: str) -> Any:
    """Put a stage function of the Python API behind :func:`guard`.

    The store is found in the call: a ``store`` (or ``con``) argument, else the first
    positional one, that is a :class:`~features.store.Store` (its ``path``) or a DuckDB
    connection to a database file (that file, as DuckDB reports it); else a ``db``
    argument, else ``$FAULTLINE_DB``. A connection to an in-memory database (tests,
    scratch work) holds no store data and is not audited.

    Examples
    --------
    >>> @audited_api("write", "features")
    ... def stage(con):
    ...     return "ran"
    >>> import duckdb
    >>> stage(duckdb.connect())  # in memory: not the store, not audited
    'ran'
    """
    import functools

    def wrap(fn: Any) -> Any:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            store = kwargs.get("store", kwargs.get("con"))
            if store is None and args:
                store = args[0]
            path = getattr(store, "path", None)
            is_bare_connection = store is not None and "duckdb" in type(store).__module__
            if path is None and is_bare_connection:
                path = connection_file(store)
            if path is None and kwargs.get("db") is None and is_bare_connection:
                return fn(*args, **kwargs)
            if path is None:
                path = kwargs.get("db")
            with guard(action, obj, store_path=path, command=f"python {fn.__name__}()"):
                return fn(*args, **kwargs)

        return inner

    return wrap


def connection_file(con: Any) -> Path | None:
    """The database file a DuckDB connection works in (its current database), or None
    for an in-memory database.

    Examples
    --------
    >>> import duckdb
    >>> connection_file(duckdb.connect()) is None
    True
    """
    row = con.execute("SELECT path FROM duckdb_databases() "
                      "WHERE database_name = current_database()").fetchone()
    if row is None or not row[0] or row[0] == ":memory:":
        return None
    return Path(row[0])


@contextmanager
def guard(
    action: str,
    obj: str,
    *,
    store_path: str | os.PathLike[str] | None = None,
    command: str | None = None,
    identity: Identity | None = None,
    range_start: datetime | None = None,
    range_end: datetime | None = None,
) -> Iterator[Access]:
    """The enforcement point: check, run the block, and audit the access.

    Parameters
    ----------
    action : {"read", "write", "export", "admin"}
    obj : str
        One of :data:`OBJECTS`.
    store_path : path, optional
        The store (default ``$FAULTLINE_DB`` or ``data/faultline.duckdb``); the audit
        log is the file beside it.
    command : str, optional
        Subcommand and option names (never option values).
    identity : Identity, optional
        Default :func:`current_identity`.
    range_start, range_end : datetime, optional
        The time range touched, when known up front (or set them on the yielded access).

    Yields
    ------
    Access
        Set ``access.rows`` to the rows touched.

    Raises
    ------
    AccessDenied
        The role may not; one ``denied`` row has been appended to the audit log.
    """
    who = identity or current_identity()
    path = _store_path(store_path)
    log = AuditLog.for_store(path)
    outer = _ACTIVE.get()
    if outer is not None and who.may(action, obj):
        # inside an access already being audited (a command calling its stage function):
        # the permission still holds, and the outer guard writes the one audit row
        yield Access(who, action, obj, range_start=range_start, range_end=range_end)
        return
    if not who.may(action, obj):
        log.append(user=who.user, role=who.role, action=action, obj=obj, outcome="denied",
                   command=command, reason="role not granted" if who.role is None
                   else "permission not in role", range_start=range_start,
                   range_end=range_end)
        raise AccessDenied(_denial(who, action, obj))
    access = Access(who, action, obj, range_start=range_start, range_end=range_end)
    token = _ACTIVE.set((action, obj))
    try:
        yield access
    except BaseException as exc:
        log.append(user=who.user, role=who.role, action=action, obj=obj, outcome="failed",
                   rows=access.rows, range_start=access.range_start,
                   range_end=access.range_end, command=command, reason=type(exc).__name__)
        raise
    finally:
        _ACTIVE.reset(token)
    if action != "read":
        secure_file(path)
    log.append(user=who.user, role=who.role, action=action, obj=obj, outcome="ok",
               rows=access.rows, range_start=access.range_start, range_end=access.range_end,
               command=command)


def enforce(
    action: str,
    obj: str,
    *,
    store_path: str | os.PathLike[str] | None = None,
    rows: int | None = None,
    command: str | None = None,
    identity: Identity | None = None,
    range_start: datetime | None = None,
    range_end: datetime | None = None,
) -> Identity:
    """The one-shot form of :func:`guard`: check and audit an access in one call.

    Returns the identity when allowed; raises :class:`AccessDenied` (audited) otherwise.
    """
    with guard(action, obj, store_path=store_path, command=command, identity=identity,
               range_start=range_start, range_end=range_end) as access:
        access.rows = rows
    return access.identity
