"""Keyed tokenization: the secret key, where it comes from, and the tokens it makes.

A token is ``<kind:kid:digest>``: the kind of value, a key id (``k`` and four hex
characters derived from the key, so rotated keys give recognisably different
tokens) and the first 12 hex characters of HMAC-SHA256(key, value). The same
value gives the same token under the same key, in any event, batch or run, so
distinct counts and joins still work; nothing stores the way back.

The key is read from, in order: the ``FAULTLINE_TOKEN_KEY`` environment
variable (the secret itself, at least 16 characters), the file named by
``FAULTLINE_TOKEN_KEY_FILE``, or ``data/keys/token.key`` under the current
directory. ``faultline keys init`` (or :func:`ensure_key_file`) writes a fresh
random key file readable by its owner only.

Examples
--------
>>> key = TokenKey.from_secret("correct horse battery staple")
>>> tok = Tokenizer(key)
>>> tok.token("email", "ada@example.com") == tok.token("email", "ada@example.com")
True
>>> tok.token("email", "ada@example.com").startswith("<email:" + key.key_id + ":")
True
>>> tok.token("email", "ada@example.com") != tok.token("email", "bob@example.com")
True
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from features.privacy.checks import parse_ip

__all__ = [
    "DEFAULT_KEY_PATH",
    "ENV_KEY",
    "ENV_KEY_FILE",
    "KeyMissingError",
    "TokenKey",
    "Tokenizer",
    "ensure_key_file",
    "load_key",
]

ENV_KEY = "FAULTLINE_TOKEN_KEY"
ENV_KEY_FILE = "FAULTLINE_TOKEN_KEY_FILE"
DEFAULT_KEY_PATH = Path("data/keys/token.key")
_MIN_SECRET = 16
_HOW = (
    "create one with `faultline keys init` (writes data/keys/token.key, mode 0600), "
    f"or set {ENV_KEY} to a secret of at least {_MIN_SECRET} characters, "
    f"or point {ENV_KEY_FILE} at a key file"
)


class KeyMissingError(RuntimeError):
    """No usable tokenization key; the message says how to make one."""


@dataclass(frozen=True)
class TokenKey:
    """A tokenization secret and its public id.

    Parameters
    ----------
    secret : bytes
        The HMAC key. Never printed: ``repr`` shows only the id and source.
    key_id : str
        ``k`` plus four hex characters of a hash of the secret.
    source : str
        Where it came from (``env``, or the key file's path).
    """

    secret: bytes = field(repr=False)
    key_id: str
    source: str = "memory"

    @classmethod
    def from_secret(cls, secret: str | bytes, source: str = "memory") -> TokenKey:
        """Build a key from a secret string or bytes (at least 16 characters)."""
        raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
        raw = raw.strip()
        if len(raw) < _MIN_SECRET:
            raise KeyMissingError(
                f"the tokenization key from {source} is shorter than {_MIN_SECRET} characters; {_HOW}"
            )
        kid = "k" + hashlib.sha256(b"faultline-key-id:" + raw).hexdigest()[:4]
        return cls(raw, kid, source)


def _read_key_file(path: Path) -> TokenKey:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise KeyMissingError(f"no tokenization key file at {path}; {_HOW}") from exc
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyMissingError(
            f"the key file {path} is readable by other users; run `chmod 600 {path}` "
            "(or create a new one with `faultline keys init`)"
        )
    return TokenKey.from_secret(path.read_bytes(), source=str(path))


def load_key(*, required: bool = True) -> TokenKey | None:
    """Load the tokenization key from the environment or the key file.

    Parameters
    ----------
    required : bool
        When True (the default) a missing key raises :class:`KeyMissingError`
        naming how to create one; when False, None is returned instead.

    Returns
    -------
    TokenKey or None

    Examples
    --------
    >>> import os
    >>> os.environ["FAULTLINE_TOKEN_KEY"] = "an example secret, not a real one"
    >>> load_key().source
    'env'
    >>> del os.environ["FAULTLINE_TOKEN_KEY"]
    """
    env = os.environ.get(ENV_KEY)
    if env:
        return TokenKey.from_secret(env, source="env")
    named = os.environ.get(ENV_KEY_FILE)
    path = Path(named) if named else DEFAULT_KEY_PATH
    if not path.exists():
        if not required:
            return None
        where = f"{ENV_KEY_FILE}={named}" if named else str(DEFAULT_KEY_PATH.resolve())
        raise KeyMissingError(f"no tokenization key: {ENV_KEY} is not set and {where} does not exist; {_HOW}")
    return _read_key_file(path)


def ensure_key_file(path: str | Path = DEFAULT_KEY_PATH) -> Path:
    """Create a random key file with mode 0600 unless one exists; return its path.

    The parent directory is created with mode 0700. An existing file is never
    overwritten (tokens made with it would stop joining).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = ensure_key_file(pathlib.Path(tempfile.mkdtemp()) / "keys" / "token.key")
    >>> oct(p.stat().st_mode & 0o777), len(p.read_text().strip())
    ('0o600', 64)
    """
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    os.chmod(path, 0o600)
    return path


_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_ZONED = frozenset({"ipv6", "client_ip", "ip", "mac"})


def _unquoted(value: str) -> str:
    """``value`` URL-decoded, or as it is where its escapes are not UTF-8."""
    try:
        return unquote(value, errors="strict")
    except UnicodeDecodeError:
        return value


def _canonical(kind: str, value: str) -> str:
    """The form that is hashed: equal values written differently give one token.

    Decided by the value's shape as well as its kind, so that an e-mail address
    found as ``user=ada%40example.com`` joins the same address found in a message.
    """
    v = value.strip()
    if "%" in v and kind not in _ZONED and _PERCENT_ESCAPE.search(v) is not None:
        # found in URL-encoded text: Garc%C3%ADa is García, %2B49… is +49…; in an address
        # '%' starts a zone id (fe80::1%11), not an escape
        v = _unquoted(v)
    if "@" in v:
        return v.lower()
    if kind in ("card", "phone"):
        digits = "".join(c for c in v if c.isdigit())
        return digits or v
    if kind == "ssn":
        # separators go, letters stay: 123-45-6789 is 123456789, but NINO QQ123456C and
        # passport ABC123456 are two values (digits alone gave both one token)
        return "".join(c for c in v if c.isalnum()).upper() or v
    if kind in ("iban", "mac"):
        return "".join(c for c in v if c.isalnum()).lower()
    if ":" in v and kind in ("ipv6", "client_ip", "ip"):
        addr = parse_ip(v.split("%", 1)[0])
        return v if addr is None else addr.compressed
    return v


class Tokenizer:
    """Turns values into typed tokens under one key.

    Parameters
    ----------
    key : TokenKey
        The secret.

    Notes
    -----
    A token keeps 12 hex characters (48 bits) of the HMAC: among a million
    distinct values, the odds that any two share a token are about 1 in 500.
    """

    digest_chars = 12

    def __init__(self, key: TokenKey) -> None:
        self.key = key
        self._cache: dict[str, str] = {}
        # HMAC-SHA256 by its definition (RFC 2104): sha256(K^opad || sha256(K^ipad || m)), K
        # hashed first when longer than the 64-byte block and padded with zeros. Keyed once;
        # copying the two sha256 states per value is cheaper than copying an hmac object, with
        # the same digest (a test holds it against hmac.new).
        block = key.secret if len(key.secret) <= 64 else hashlib.sha256(key.secret).digest()
        block = block.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    def digest(self, kind: str, value: str) -> str:
        """The hex digest for ``value`` (after per-kind canonical form: e-mails lower-cased,
        card and phone numbers reduced to digits)."""
        canon = _canonical(kind, value)
        hit = self._cache.get(canon)
        if hit is None:
            inner = self._inner.copy()
            inner.update(canon.encode("utf-8"))
            outer = self._outer.copy()
            outer.update(inner.digest())
            hit = outer.hexdigest()[: self.digest_chars]
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[canon] = hit
        return hit

    def token(self, kind: str, value: str) -> str:
        """``<kind:kid:digest>`` for ``value``."""
        return f"<{kind}:{self.key.key_id}:{self.digest(kind, value)}>"
