"""Checksums and shape checks that turn a pattern match into a finding.

A regular expression alone cannot tell a card number from a 16-digit order id,
an IBAN from a part number, or an IPv4 address from a version string. These
small functions carry the arithmetic that does.

Examples
--------
>>> is_luhn_valid("4111 1111 1111 1111"), is_luhn_valid("4111 1111 1111 1112")
(True, False)
>>> is_iban_valid("GB82 WEST 1234 5698 7654 32")
True
>>> round(shannon_entropy("aaaa"), 3), round(shannon_entropy("abcd"), 3)
(0.0, 2.0)
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from collections import Counter
from functools import lru_cache

__all__ = [
    "IBAN_LENGTHS",
    "card_issuer_matches",
    "is_aadhaar_valid",
    "is_base58check_valid",
    "is_bech32_valid",
    "is_cn_resident_id_valid",
    "is_codice_fiscale_valid",
    "is_cpf_valid",
    "is_dni_valid",
    "is_iban_valid",
    "is_luhn_valid",
    "is_nino_valid",
    "is_nir_valid",
    "is_nric_valid",
    "is_personal_ip",
    "is_ssn_valid",
    "is_vin_valid",
    "shannon_entropy",
]

# ISO 13616 registry: country code -> IBAN length.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31,
    "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def is_luhn_valid(text: str) -> bool:
    """Whether the ASCII digits of ``text`` pass the Luhn (mod 10) check.

    Examples
    --------
    >>> is_luhn_valid("79927398713")
    True
    """
    digits = _digits(text)
    if len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_issuer_matches(digits: str) -> bool:
    """Whether a digit string has the prefix and length of a real card scheme.

    Visa, Mastercard (51-55 and 2221-2720), American Express, Discover, JCB,
    Diners Club, UnionPay, Maestro, Elo, Mir, RuPay and Troy. This removes most Luhn-valid accidents
    (epoch timestamps start with 1, for instance).

    Examples
    --------
    >>> card_issuer_matches("4111111111111111"), card_issuer_matches("1772359200000")
    (True, False)
    """
    n = len(digits)
    if n < 12 or n > 19 or not digits.isdigit():
        return False
    first = digits[0]
    if first == "4":
        return n in (13, 16, 19)
    if first == "5":
        return 16 <= n <= 19 if digits[1] in "12345" else 12 <= n <= 19
    if first == "2":  # Mastercard's 2-series; Mir (2200-2204, Russia)
        return n == 16 and 2221 <= int(digits[:4]) <= 2720 or 16 <= n <= 19 and 2200 <= int(digits[:4]) <= 2204
    if first == "3":
        two = digits[:2]
        if two in ("34", "37"):
            return n == 15
        if two == "35":
            return 3528 <= int(digits[:4]) <= 3589 and 16 <= n <= 19
        return two in ("30", "36", "38", "39") and 14 <= n <= 19
    if first == "6":
        return 12 <= n <= 19
    if first == "8":  # RuPay (India) 81, 82
        return n == 16 and digits[1] in "12"
    if first == "9":  # Troy (Turkey)
        return n == 16 and digits[:4] == "9792"
    return False


def is_iban_valid(text: str) -> bool:
    """Whether ``text`` (spaces allowed) is an IBAN of the right length for its country
    that passes the ISO 7064 mod-97 check.

    Examples
    --------
    >>> is_iban_valid("DE89370400440532013000"), is_iban_valid("DE89370400440532013001")
    (True, False)
    """
    compact = text.replace(" ", "").upper()
    if len(compact) < 15 or IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if not compact[2:4].isdigit() or not compact.isalnum() or not compact.isascii():
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def is_ssn_valid(area: str, group: str, serial: str) -> bool:
    """Whether the three parts of a US SSN are in issued ranges.

    Examples
    --------
    >>> is_ssn_valid("123", "45", "6789"), is_ssn_valid("666", "45", "6789")
    (True, False)
    """
    if area in ("000", "666") or area[0] == "9":
        return False
    return group != "00" and serial != "0000"


# --- national identity numbers other than the US SSN ----------------------------------
# Each has a check digit or letter (the UK's National Insurance number has only rules on
# its letters), so that a detector can read them in free text without a key naming them.


def is_cpf_valid(text: str) -> bool:
    """Whether ``text`` (``123.456.789-09``, punctuation ignored) is a Brazilian CPF whose
    two mod-11 check digits match (and whose digits are not all the same).

    Examples
    --------
    >>> is_cpf_valid("529.982.247-25"), is_cpf_valid("529.982.247-26"), is_cpf_valid("111.111.111-11")
    (True, False, False)
    """
    d = [int(c) for c in text if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        check = sum(v * (n + 1 - i) for i, v in enumerate(d[:n])) * 10 % 11 % 10
        if check != d[n]:
            return False
    return True


_NINO_FIRST = frozenset("ABCEGHJKLMNOPRSTWXYZ")
_NINO_SECOND = frozenset("ABCEGHJKLMNPRSTWXYZ")
_NINO_NOT = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def is_nino_valid(text: str) -> bool:
    """Whether ``text`` (spaces ignored) is a UK National Insurance number: two letters
    allowed as a prefix (not D, F, I, Q, U or V; not O second; not BG, GB, KN, NK, NT, TN or
    ZZ), six digits and a suffix A-D.

    Examples
    --------
    >>> is_nino_valid("QQ 12 34 56 C"), is_nino_valid("AB 12 34 56 C"), is_nino_valid("GB123456A")
    (False, True, False)
    """
    t = text.replace(" ", "")
    return (
        len(t) == 9 and t[0] in _NINO_FIRST and t[1] in _NINO_SECOND and t[:2] not in _NINO_NOT
        and t[2:8].isdigit() and t[2:8].isascii() and t[8] in "ABCD"
    )


_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20,
                    11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23], strict=True))  # fmt: skip


def is_codice_fiscale_valid(text: str) -> bool:
    """Whether ``text`` is an Italian codice fiscale (16 characters) whose last letter is
    its check character.

    Examples
    --------
    >>> is_codice_fiscale_valid("RSSMRA85T10A562S"), is_codice_fiscale_valid("RSSMRA85T10A562T")
    (True, False)
    """
    t = text.upper()
    if len(t) != 16 or not t.isalnum() or not t.isascii():
        return False
    total = 0
    for i, c in enumerate(t[:15]):
        if i % 2 == 0:
            total += _CF_ODD[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return chr(65 + total % 26) == t[15]


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def is_dni_valid(text: str) -> bool:
    """Whether ``text`` is a Spanish DNI (``12345678Z``) or NIE (``X1234567L``), a dash
    before the letter allowed, whose letter is its check letter (the number mod 23).

    Examples
    --------
    >>> is_dni_valid("12345678Z"), is_dni_valid("12345678-Z"), is_dni_valid("X1234567L"), is_dni_valid("12345678A")
    (True, True, True, False)
    """
    t = text.replace("-", "").upper()
    if len(t) != 9 or not t.isascii():
        return False
    head = t[:8]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if not head.isdigit():
        return False
    return _DNI_LETTERS[int(head) % 23] == t[8]


def is_nir_valid(text: str) -> bool:
    """Whether ``text`` (spaces ignored) is a French social security number (NIR, 13 digits
    and a two-digit key, 97 minus the number mod 97; Corsica's 2A and 2B count as 19 and 18).

    Examples
    --------
    >>> is_nir_valid("1 84 12 76 451 089 46"), is_nir_valid("1 84 12 76 451 089 47")
    (True, False)
    """
    t = text.replace(" ", "").upper()
    if len(t) != 15 or t[0] not in "12":
        return False
    body = t[:13].replace("2A", "19", 1) if t[5:7] == "2A" else t[:13]
    if t[5:7] == "2B":
        body = t[:5] + "18" + t[7:13]
    if not body.isdigit() or not t[13:].isdigit() or not body.isascii():
        return False
    return 97 - int(body) % 97 == int(t[13:])


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def is_cn_resident_id_valid(text: str) -> bool:
    """Whether ``text`` is a Chinese resident identity card number (GB 11643-1999): 18
    characters, a region code, a date of birth, a sequence and an ISO 7064 MOD 11-2 check
    character (0-9 or X).

    Examples
    --------
    >>> is_cn_resident_id_valid("11010519491231002X"), is_cn_resident_id_valid("110105194912310021")
    (True, False)
    """
    if len(text) != 18 or not text[:17].isdigit() or text[0] == "0" or text[0] == "9":
        return False
    year, month, day = int(text[6:10]), int(text[10:12]), int(text[12:14])
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    total = sum(int(c) * w for c, w in zip(text[:17], _CN_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == text[17].upper()


def is_aadhaar_valid(text: str) -> bool:
    """Whether ``text`` (spaces or dashes ignored) is an Indian Aadhaar number: 12 digits,
    the first 2-9, passing the Verhoeff check.

    Examples
    --------
    >>> is_aadhaar_valid("2345 6789 0124"), is_aadhaar_valid("2345 6789 0123")
    (True, False)
    """
    d = [c for c in text if c not in " -"]
    if len(d) != 12 or not all(c.isdigit() and c.isascii() for c in d) or d[0] in "01":
        return False
    c = 0
    for i, v in enumerate(reversed(d)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(v)]]
    return c == 0


def is_nric_valid(text: str) -> bool:
    """Whether ``text`` is a Singapore NRIC or FIN (S, T, F or G, seven digits, the check
    letter of its weighted sum).

    Examples
    --------
    >>> is_nric_valid("S1234567D"), is_nric_valid("S1234567A")
    (True, False)
    """
    if len(text) != 9 or text[0] not in "STFG" or not text[1:8].isdigit() or not text[1:8].isascii():
        return False
    total = sum(int(d) * w for d, w in zip(text[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    total += 4 if text[0] in "TG" else 0
    letters = "JZIHGFEDCBA" if text[0] in "ST" else "XWUTRQPNMLK"
    return text[8] == letters[total % 11]


_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_VALUES = {c: i for i, c in enumerate(_BASE58)}


def is_base58check_valid(text: str) -> bool:
    """Whether ``text`` is Base58Check-encoded, as Bitcoin's, Litecoin's and Tron's legacy
    addresses are: its last four bytes are the first four of the double SHA-256 of the rest.

    Examples
    --------
    >>> is_base58check_valid("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
    True
    >>> is_base58check_valid("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")
    False
    """
    n = 0
    for c in text:
        v = _BASE58_VALUES.get(c)
        if v is None:
            return False
        n = n * 58 + v
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(text) - len(text.lstrip("1"))) + raw  # each leading 1 is a zero byte
    if len(raw) < 5:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def is_bech32_valid(text: str) -> bool:
    """Whether ``text`` (one case) is a Bech32 or Bech32m string with a valid checksum
    (BIP 173 and 350: Bitcoin's and Litecoin's segwit addresses, ``bc1q…``).

    Examples
    --------
    >>> is_bech32_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    True
    >>> is_bech32_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")
    False
    """
    text = text.lower()
    hrp, sep, data = text.rpartition("1")
    if not sep or not hrp or len(data) < 6 or any(c not in _BECH32 for c in data):
        return False
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + [_BECH32.index(c) for c in data]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _BECH32_GEN[i]
    return chk in (1, 0x2BC830A3)


_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
               **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def is_vin_valid(text: str) -> bool:
    """Whether ``text`` is a vehicle identification number whose ninth character is the
    check digit of ISO 3779's North American scheme (mandatory there; many European
    makers write one too).

    Examples
    --------
    >>> is_vin_valid("1M8GDM9AXKP042788"), is_vin_valid("1M8GDM9A1KP042788")
    (True, False)
    """
    if len(text) != 17 or any(c not in _VIN_VALUES for c in text):
        return False
    total = sum(_VIN_VALUES[c] * w for c, w in zip(text, _VIN_WEIGHTS, strict=True)) % 11
    return text[8] == ("X" if total == 10 else str(total))


def shannon_entropy(text: str) -> float:
    """Shannon entropy of the characters of ``text``, in bits per character."""
    if not text:
        return 0.0
    n = len(text)
    return abs(-sum(c / n * math.log2(c / n) for c in Counter(text).values()))


def _dotted_quad(text: str) -> tuple[int, int, int, int] | None:
    """The four octets of a valid IPv4 address as ``ipaddress`` reads it, else None."""
    parts = text.split(".")
    if len(parts) != 4:
        return None
    out = []
    for p in parts:
        if not (1 <= len(p) <= 3 and p.isascii() and p.isdigit()) or (len(p) > 1 and p[0] == "0"):
            return None
        v = int(p)
        if v > 255:
            return None
        out.append(v)
    return out[0], out[1], out[2], out[3]


@lru_cache(maxsize=65536)
def parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``ipaddress.ip_address(text)``, or None where it raises ValueError; remembered, since
    one address found in a text is read by the detector, the token's kind and its canonical
    form (address objects are immutable, so sharing them changes nothing)."""
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


# The public DNS resolvers everyone configures (Cloudflare, Google, Quad9, OpenDNS): a
# resolver's address in a log says which one failed, and names no one
_PUBLIC_RESOLVERS = frozenset({(1, 1, 1, 1), (1, 0, 0, 1), (8, 8, 8, 8), (8, 8, 4, 4), (9, 9, 9, 9),
                               (149, 112, 112, 112), (208, 67, 222, 222), (208, 67, 220, 220)})


def is_personal_ip(text: str, prefix: int | None = None) -> bool:
    """Whether an address (optionally with a ``/prefix``) identifies a host.

    Loopback, unspecified, multicast and netmask-like addresses and the well-known public
    DNS resolvers (1.1.1.1, 8.8.8.8, 9.9.9.9...) are not personal; neither is a network written as its network address with a short
    prefix (``203.0.113.0/24``, ``2001:db8:85a3::/48``), which is what the
    ``generalize`` action produces.

    Examples
    --------
    >>> is_personal_ip("203.0.113.7"), is_personal_ip("203.0.113.0", 24)
    (True, False)
    >>> is_personal_ip("127.0.0.1"), is_personal_ip("255.255.255.0"), is_personal_ip("8.8.8.8")
    (False, False, False)
    """
    if prefix is None:
        quad = _dotted_quad(text)
        if quad is not None:
            # the common case without building an ipaddress object; same answers
            first = quad[0]
            return not (first == 127 or first == 255 or 224 <= first <= 239 or quad == (0, 0, 0, 0)
                        or quad in _PUBLIC_RESOLVERS)
    addr = parse_ip(text.split("%", 1)[0])
    if addr is None:
        return False
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return is_personal_ip(str(addr.ipv4_mapped))
    if isinstance(addr, ipaddress.IPv4Address) and (text.startswith("255.") or tuple(addr.packed) in _PUBLIC_RESOLVERS):
        return False
    if prefix is not None:
        limit = 24 if addr.version == 4 else 64
        if prefix <= limit:
            try:
                ipaddress.ip_network(f"{addr}/{prefix}", strict=True)
            except ValueError:
                return True  # host bits set: an interface address, still a host
            return False
    return True


# --- compiled twin (features.privacy._native) ---
# The build compiles this file up to the line above; when a build for this source is
# loaded, its functions and classes take the place of the ones defined above.
from features.privacy._native import adopt as _adopt  # noqa: E402

_adopt(globals())
