"""Personal data as it leaks into real telemetry: generators for every kind the
ground truth knows (``truth_values.jsonl``).

Every value is synthetic but shaped like the real thing: card numbers pass the Luhn
check, IBANs carry valid mod-97 check digits, client IPs are public (not private or
documentation ranges), JWTs decode to JSON. Values are drawn from :class:`Draws`, so
a seed fixes them.

Examples
--------
>>> import numpy as np
>>> from features.simulate.draws import Draws
>>> d = Draws(np.random.default_rng(1))
>>> card = GENERATORS["card"](d)
>>> luhn_ok(card.replace(" ", "").replace("-", ""))
True
>>> iban_ok(GENERATORS["iban"](d).replace(" ", ""))
True
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

from features.simulate.draws import Draws

FIRST_NAMES = (
    "James", "Maria", "Wei", "Aisha", "John", "Olga", "Mohammed", "Sofia", "Hiroshi", "Fatima",
    "David", "Priya", "Lucas", "Chloé", "Kwame", "Ana", "Michael", "Yuki", "Emma", "Raj",
    "Isabella", "Mateo", "Sarah", "Ivan", "Nkechi", "Thomas", "Mei", "Omar", "Laura", "Pedro",
    "Jennifer", "Lars", "Zainab", "Daniel", "Elena", "Arjun", "Grace", "Björn", "Amara", "Kevin",
    "Siobhan", "Tariq", "Natalia", "Jorge", "Hannah", "Dmitri", "Leila", "Samuel", "Ingrid", "Chen",
)
LAST_NAMES = (
    "Smith", "Garcia", "Zhang", "Khan", "Müller", "Ivanova", "Hassan", "Rossi", "Tanaka", "Ali",
    "Johnson", "Patel", "Silva", "Dubois", "Mensah", "Kowalski", "Brown", "Sato", "Wilson", "Singh",
    "Martinez", "Lopez", "O'Brien", "Petrov", "Okafor", "Anderson", "Wang", "Farouk", "Schmidt",
    "Fernandes", "Taylor", "Nielsen", "Abubakar", "Cohen", "Popescu", "Gupta", "Nguyen", "Larsen",
    "Eze", "Murphy", "Kelly", "Haddad", "Novak", "Ramirez", "Fischer", "Moreau", "Kim", "Lee",
)
_EMAIL_DOMAINS = (
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com", "proton.me",
    "web.de", "gmx.net", "orange.fr", "qq.com", "acme-corp.io", "globex.com", "mail.ru",
)
_STREETS = (
    "Baker Street", "Main St", "Oak Avenue", "Maple Drive", "Hauptstraße", "Rue de Rivoli",
    "Elm Street", "High Street", "Sunset Blvd", "Market Street", "Königsallee", "Church Road",
    "Calle Mayor", "Park Lane", "Lake Shore Dr", "Victoria Road",
)
_CITIES = (
    ("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Portland", "OR", "972"),
    ("Denver", "CO", "802"), ("Brooklyn", "NY", "112"), ("Seattle", "WA", "981"),
)
_EU_CITIES = (("London", "NW1 6XE"), ("Berlin", "10115"), ("Paris", "75001"), ("Madrid", "28013"),
              ("Dublin", "D02 X285"), ("Amsterdam", "1012 JS"))
_PASSWORDS = ("Summer2026!", "P@ssw0rd123", "letmein", "Welcome1", "qwerty123", "hunter2",
              "Tr0ub4dor&3", "changeme", "Passw0rd!", "iloveyou2")
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_PW_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%*-_"


def luhn_ok(number: str) -> bool:
    """Whether a digit string passes the Luhn check (card numbers)."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    """Whether an IBAN (no spaces) has valid mod-97 check digits."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _luhn_complete(partial: str) -> str:
    for check in "0123456789":
        if luhn_ok(partial + check):
            return partial + check
    raise RuntimeError("unreachable")  # pragma: no cover


def person_name(d: Draws) -> str:
    return f"{d.pick(FIRST_NAMES)} {d.pick(LAST_NAMES)}"


def _ascii(text: str) -> str:
    table = str.maketrans({"é": "e", "ü": "u", "ö": "o", "'": ""})
    return text.translate(table).lower()


def email(d: Draws) -> str:
    first, last = _ascii(d.pick(FIRST_NAMES)), _ascii(d.pick(LAST_NAMES))
    style = d.below(5)
    if style == 0:
        local = f"{first}.{last}"
    elif style == 1:
        local = f"{first[0]}{last}"
    elif style == 2:
        local = f"{first}_{last}{d.below(100)}"
    elif style == 3:
        local = f"{first}+{d.pick(('shop', 'orders', 'promo', 'test'))}"
    else:
        local = f"{last}.{first[0]}{d.between(1970, 2005)}"
    return f"{local}@{d.pick(_EMAIL_DOMAINS)}"


def phone(d: Draws) -> str:
    style = d.below(5)
    if style == 0:
        return f"+1-{d.between(201, 989)}-{d.between(200, 999)}-{d.between(1000, 9999)}"
    if style == 1:
        return f"+44 20 {d.between(7000, 8999)} {d.between(1000, 9999)}"
    if style == 2:
        return f"({d.between(201, 989)}) {d.between(200, 999)}-{d.between(1000, 9999)}"
    if style == 3:
        return f"+49 15{d.below(10)} {d.digits(8)}"
    return f"+33 6 {d.between(10, 99)} {d.between(10, 99)} {d.between(10, 99)} {d.between(10, 99)}"


def card(d: Draws) -> str:
    brand = d.below(4)
    if brand == 3:  # Amex: 15 digits, 4-6-5 grouping
        number = _luhn_complete(d.pick(("34", "37")) + d.digits(12))
        groups = (number[:4], number[4:10], number[10:])
    else:
        prefix = "4" if brand < 2 else str(d.between(51, 55))
        number = _luhn_complete(prefix + d.digits(15 - len(prefix)))
        groups = (number[:4], number[4:8], number[8:12], number[12:])
    style = d.below(4)
    if style == 0:
        return " ".join(groups)
    if style == 1:
        return "-".join(groups)
    return number


def iban(d: Draws) -> str:
    country = d.pick(("DE", "GB", "FR", "NL", "ES"))
    if country == "DE":
        bban = d.digits(18)
    elif country == "GB":
        bban = d.alnum(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + d.digits(14)
    elif country == "FR":
        bban = d.digits(23)
    elif country == "NL":
        bban = d.alnum(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + d.digits(10)
    else:
        bban = d.digits(20)
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    value = f"{country}{check:02d}{bban}"
    if d.chance(0.3):
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def ssn(d: Draws) -> str:
    area = d.between(1, 665) if d.chance(0.9) else d.between(667, 899)
    return f"{area:03d}-{d.between(1, 99):02d}-{d.between(1, 9999):04d}"


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def jwt(d: Draws) -> str:
    header = d.pick(("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9",
                     "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ"))
    iat = 1_767_000_000 + d.below(20_000_000)
    payload = json.dumps({"sub": user_id(d), "iat": iat, "exp": iat + 3600,
                          "scope": d.pick(("read write", "orders:write", "openid profile"))},
                         separators=(",", ":"))
    signature = d.alnum(43, _B64URL)
    return f"{header}.{_b64url(payload.encode())}.{signature}"


def bearer(d: Draws) -> str:
    return d.alnum(d.pick((32, 40, 48)), _B64URL.replace("-", "").replace("_", ""))


def aws_key(d: Draws) -> str:
    return d.pick(("AKIA", "ASIA")) + d.alnum(16, _B32)


def api_key(d: Draws) -> str:
    style = d.below(4)
    if style == 0:
        return "sk_live_" + d.alnum(24)
    if style == 1:
        return "rk_live_" + d.alnum(24)
    if style == 2:
        return "key-" + d.hex(32)
    return "AIza" + d.alnum(35, _B64URL)


def github_token(d: Draws) -> str:
    return d.pick(("ghp_", "gho_", "ghs_")) + d.alnum(36)


def slack_token(d: Draws) -> str:
    return f"xoxb-{d.digits(11)}-{d.digits(13)}-{d.alnum(24)}"


def password(d: Draws) -> str:
    if d.chance(0.4):
        return d.pick(_PASSWORDS)
    return d.alnum(d.between(10, 16), _PW_CHARS)


def dob(d: Draws) -> str:
    y, m, day = d.between(1945, 2006), d.between(1, 12), d.between(1, 28)
    return f"{y}-{m:02d}-{day:02d}" if d.chance(0.6) else f"{day:02d}/{m:02d}/{y}"


def address(d: Draws) -> str:
    if d.chance(0.5):
        city, state, zip3 = d.pick(_CITIES)
        return f"{d.between(1, 9999)} {d.pick(_STREETS)}, {city}, {state} {zip3}{d.between(10, 99)}"
    city, postcode = d.pick(_EU_CITIES)
    return f"{d.pick(_STREETS)} {d.between(1, 220)}, {postcode} {city}"


def mac(d: Draws) -> str:
    w = d.word()
    return ":".join(f"{(w >> (8 * i)) & 0xFF:02x}" for i in range(6))


def geo(d: Draws) -> str:
    lat = -60 + d.uniform() * 130
    lon = -170 + d.uniform() * 340
    return f"{lat:.6f},{lon:.6f}"


def user_id(d: Draws) -> str:
    style = d.below(5)
    if style == 0:
        return f"u_{d.hex(10)}"
    if style == 1:
        return f"usr-{d.between(10000, 9999999)}"
    if style == 2:
        return str(d.between(100000, 99999999))
    if style == 3:
        return f"auth0|{d.hex(24)}"
    return f"cus_{d.alnum(14)}"


def session_id(d: Draws) -> str:
    style = d.below(3)
    if style == 0:
        return d.alnum(32, "abcdefghijklmnopqrstuvwxyz0123456789")
    if style == 1:
        return "sess_" + d.alnum(24)
    return d.alnum(26, _B32)


def _public_octet1(d: Draws) -> int:
    while True:
        o = d.between(1, 223)
        if o not in (10, 100, 127, 169, 172, 192, 198, 203):
            return o


def ipv4(d: Draws) -> str:
    return f"{_public_octet1(d)}.{d.below(256)}.{d.below(256)}.{d.between(1, 254)}"


def ipv6(d: Draws) -> str:
    w1, w2 = d.word(), d.word()
    groups = [f"{0x2001 + d.below(0x0DFF):x}"]  # global unicast 2000::/3, not 2001:db8
    groups += [f"{(w1 >> (16 * i)) & 0xFFFF:x}" for i in range(3)]
    groups += [f"{(w2 >> (16 * i)) & 0xFFFF:x}" for i in range(4)]
    if groups[0] == "2db8":
        groups[0] = "2a02"
    return ":".join(groups)


def cookie(d: Draws) -> str:
    return (f"sessionid={session_id(d)}; csrftoken={d.alnum(32)}; "
            f"_ga=GA1.2.{d.digits(9)}.{d.digits(10)}")


#: kind -> generator, for every personal kind of ``truth_values.jsonl``.
GENERATORS: dict[str, Callable[[Draws], str]] = {
    "email": email,
    "ipv4": ipv4,
    "ipv6": ipv6,
    "card": card,
    "iban": iban,
    "ssn": ssn,
    "phone": phone,
    "jwt": jwt,
    "bearer": bearer,
    "aws_key": aws_key,
    "api_key": api_key,
    "github_token": github_token,
    "slack_token": slack_token,
    "password": password,
    "person_name": person_name,
    "dob": dob,
    "address": address,
    "mac": mac,
    "geo": geo,
    "user_id": user_id,
    "session_id": session_id,
    "client_ip": ipv4,
    "cookie": cookie,
}

PERSONAL_KINDS: tuple[str, ...] = tuple(GENERATORS)
