"""Detectors for personal and secret data in free text.

:func:`find_spans` returns where personal or secret values sit in a string and
what kind each is; the anonymizer decides what to put there. Every detector is
a pattern plus a check that keeps diagnostics intact: Luhn and issuer prefixes
for cards, mod-97 for IBANs, issued ranges for SSNs, address validity and
version/OID context for IP addresses, separators for phone numbers, entropy
for secrets named only ``key=`` or ``token=``. Values that a key names
(``customer_name=``, ``"dob":``, ``X-Api-Key:``, ``Cookie:``) are found whatever
they look like (see :mod:`features.privacy.keys`).

A cheap gate comes first: :data:`HINT_PATTERN` is one regular expression that
matches every string any detector could fire on, written in the syntax shared
by Python's ``re`` and the Rust ``regex`` crate so that polars can apply it to a
whole column at once, in the parts of :data:`HINT_PATTERNS` (whole, it outgrows
the Rust engine's DFA cache and, with the name lists, its compiled-size limit).
A string it does not match is clean, at almost no cost.

Examples
--------
>>> text = "card 4111-1111-1111-1111 declined for ada@example.com (trace 4bf92f3577b34da6)"
>>> [(s.kind, text[s.start:s.end]) for s in find_spans(text)]
[('card', '4111-1111-1111-1111'), ('email', 'ada@example.com')]
>>> find_spans("upgrade to 1.2.3.4-beta failed with ERR_PAYMENT_4021 after 1532 ms")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any
from urllib.parse import unquote_plus

from features.privacy.checks import (
    IBAN_LENGTHS,
    card_issuer_matches,
    is_aadhaar_valid,
    is_base58check_valid,
    is_bech32_valid,
    is_cn_resident_id_valid,
    is_codice_fiscale_valid,
    is_cpf_valid,
    is_dni_valid,
    is_luhn_valid,
    is_nino_valid,
    is_nir_valid,
    is_nric_valid,
    is_personal_ip,
    is_ssn_valid,
    is_vin_valid,
    parse_ip,
)
from features.privacy.gazetteer import (
    COMMON_WORD_SURNAMES,
    GIVEN_NAMES,
    JOINED_WORDS,
    MORE_GIVEN_NAMES,
    MORE_SURNAMES,
    NAME_PARTICLES,
    SURNAMES,
    WORD_SURNAMES,
    is_given_name,
    is_surname,
    word_pattern,
    written_forms,
)
from features.privacy.keys import (
    CAPS_NAME,
    FHIR_PEOPLE,
    HL7_FIELDS,
    ROLE_CLASSES,
    classify_key,
    is_machine_account,
    is_person_type,
    is_personal_parent,
    is_placeholder,
    is_plausible,
    is_role_id,
    is_service_account,
    looks_random,
    normalize_key,
    record_role,
)

__all__ = [
    "DEFAULT_ACTIONS",
    "GATE_PATTERNS",
    "G_KEYS",
    "G_SMALL",
    "G_NAMES",
    "NAME_GATE_PATTERNS",
    "NAME_TOKEN_PATTERN",
    "NAME_TOKENS",
    "G_OTHER_SHAPES",
    "PERSON_OBJECT_GATE",
    "HINT_PATTERN",
    "HINT_PATTERNS",
    "KEY_RUN_PATTERN",
    "KINDS",
    "PLACEHOLDERS",
    "SHAPE_PATTERN",
    "SHAPE_PATTERNS",
    "SMALL_PATTERN",
    "SMALL_PATTERNS",
    "TOKEN_PATTERN",
    "Span",
    "cookie_spans",
    "could_find",
    "find_spans",
    "gate_bits",
    "has_hint",
    "is_neutral",
    "is_person_name",
    "key_run_matters",
    "role_kind",
    "key_runs",
]

# kind -> default free-text action. Secrets are masked (they have no analytic
# value); everything else is tokenized so that equal values still join.
DEFAULT_ACTIONS: dict[str, str] = {
    "email": "tokenize", "ipv4": "tokenize", "ipv6": "tokenize", "mac": "tokenize",
    "card": "tokenize", "iban": "tokenize", "ssn": "tokenize", "phone": "tokenize",
    "geo": "tokenize", "person_name": "tokenize", "dob": "tokenize", "address": "tokenize",
    "user_id": "tokenize", "session_id": "tokenize",
    "jwt": "mask", "bearer": "mask", "aws_key": "mask", "api_key": "mask",
    "github_token": "mask", "slack_token": "mask", "secret": "mask", "password": "mask",
    "cookie": "mask", "record_key": "tokenize",
}  # fmt: skip
KINDS: tuple[str, ...] = tuple(DEFAULT_ACTIONS)

_NUMERIC_KINDS = frozenset({"card", "iban", "ssn", "phone", "geo", "ipv4", "ipv6", "mac"})

# A token or mask this package wrote: <email:k1a2b:7f3a9c1e02ab>, <password>.
TOKEN_PATTERN = r"<[a-z][a-z0-9_]{1,23}(?::k[0-9a-f]{4}:[0-9a-f]{12})?>"
_TOKEN = re.compile(TOKEN_PATTERN)
_TOKEN_FULL = re.compile(TOKEN_PATTERN + r"|(?:[0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}")

# What the template miner writes for a variable part (``<TOKEN>``, ``<NUM>``, ``<*>``...),
# alone or run together: a slot in a template, never a value.
_TEMPLATE_SLOTS = re.compile(r"(?:<(?:\*|[A-Z][A-Z_]{1,15})>)+")

PLACEHOLDERS = frozenset({
    "", "-", "--", "null", "none", "nil", "n/a", "na", "undefined", "unknown", "redacted",
    "[redacted]", "<redacted>", "[filtered]", "filtered", "masked", "hidden", "anonymous",
    "anon", "true", "false", "0", "[]", "{}", "empty", "***", "xxx",
    # what frameworks write in a secret's place: Spring Security's [PROTECTED], Apple's unified
    # log's <private>, scrubbers' [Scrubbed], [Removed], [Sensitive]
    "[protected]", "protected", "<private>", "[private]", "private", "<hidden>", "[hidden]", "[masked]", "<masked>",
    "[removed]", "<removed>", "[scrubbed]", "scrubbed", "[sensitive]", "<sensitive>", "[omitted]", "<omitted>",
    "[secret]", "<secret>", "[censored]", "(redacted)", "{redacted}", "***redacted***", "[obfuscated]",
})  # fmt: skip
_FILLER = frozenset("*xX#•.-_ ")


@dataclass(frozen=True, slots=True)
class Span:
    """One personal or secret value in a string: ``text[start:end]`` is of ``kind``.

    ``priority`` breaks overlaps: a value a key names (3) beats a secret pattern
    (2), which beats a shape pattern (1), which beats a loose phrase (0).
    """

    start: int
    end: int
    kind: str
    priority: int = 1

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, str, int]]:
        # pickles the same as Python's frozen dataclass, compiled or not (see _native)
        return (Span, (self.start, self.end, self.kind, self.priority))


def is_neutral(value: str) -> bool:
    """Whether a value is already safe: a token or mask we wrote, a generalized IPv4
    network, or a placeholder such as ``null``, ``***`` or ``[REDACTED]``.

    Examples
    --------
    >>> is_neutral("<email:k1a2b:7f3a9c1e02ab>"), is_neutral("***"), is_neutral("bob")
    (True, True, False)
    >>> is_neutral("<TOKEN><*>"), is_neutral("<Bob>")
    (True, False)
    """
    v = value.strip()
    if v.lower() in PLACEHOLDERS or (v and v[0] in _FILLER and set(v) <= _FILLER):
        return True
    first = v[:1]
    if first != "<" and not "0" <= first <= "9":
        return False  # every token, network and template slot starts with < or a digit
    return bool(_TOKEN_FULL.fullmatch(v) or _TEMPLATE_SLOTS.fullmatch(v))


# --- the gate --------------------------------------------------------------------

# Dovecot's mail processes and passdbs, which name the account in brackets: "imap(jdoe)",
# "passwd-file(jdoe,203.0.113.5)" (the shape, the gate and the login branches all use these)
_DOVECOT_PROCESSES = ("imap", "pop3", "lmtp", "submission", "managesieve", "doveadm")
_DOVECOT_PASSDBS = ("pam", "passwd-file", "passwd", "shadow", "ldap", "sql", "checkpassword", "bsdauth",
                    "static", "oauth2", "lua")  # fmt: skip
_DOVECOT_NAMES = r"(?:" + "|".join(_DOVECOT_PROCESSES + _DOVECOT_PASSDBS) + r")\("

# one title-cased word of a person's name (Ángel, O'Neill, Müller-Lüdenscheidt)
_NAME_WORD = r"[A-ZÀ-ÞĀ-Ž](?:['’][A-ZÀ-Þ])?[a-zß-ÿā-žḀ-ỿ'’]+(?:-[A-ZÀ-ÞĀ-Ž]?[a-zß-ÿā-žḀ-ỿ'’]+)?"  # (Ḁ-ỿ: Vietnamese, Nguyễn)
# "name" in other languages, read like a bare name key (two or three title-cased words):
# Finnish, Norwegian and Danish, Swedish, Hungarian, Czech, Dutch, Portuguese and Italian,
# Spanish, French, Turkish
_OTHER_NAME_KEYS = r"(?:[Nn]imi|[Nn]avn|[Nn]amn|[Nn]év|[Jj]méno|[Nn]aam|[Nn]ome|[Nn]ombre|[Nn]om|NOM|[Ii]sim|[Nn]ume|[Nn]ama|Ad)"
# Street types that end a street's name in English addresses ("221B Baker Street")
_STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|"
    r"Parkway|Pkwy|Highway|Hwy|Way|Square|Sq|Crescent|Close|Grove|Gardens|Mews|Walk|Rise"
)
# The same as the US Postal Service and old registers write them, in capitals ("2150 N CLARK ST APT 3R")
_STREET_TYPES_CAPS = r"STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|COURT|CT|PLACE|PL|PARKWAY|PKWY|HIGHWAY|HWY|WAY"
# The words that start a street's name in the Romance languages ("Calle Mayor 5", "C/ de Alcalá
# 214", "Av. Corrientes 1847", "Rua Augusta 220"), in the case they are written in
_ROMANCE_STREET_WORDS = ("Calle", "CALLE", "C/", "Avenida", "AVENIDA", "Avda.", "Av.", "Rua", "RUA", "Via", "Viale",
                         "Piazza", "Piazzale", "Plaza", "Paseo", "Carrer", "Camino", "Praça", "Largo", "Travessa",
                         "Alameda", "Rambla", "Corso", "Ronda", "Plaça", "Estrada")
# French (and Belgian, Swiss) street words, before the name: "27 Rue de Rivoli", "Rue de la Loi 175"
_FRENCH_STREET_WORDS = ("rue", "Rue", "RUE", "avenue", "Avenue", "AVENUE", "boulevard", "Boulevard", "BOULEVARD",
                        "chemin", "Chemin", "allée", "Allée", "impasse", "Impasse", "quai", "Quai", "QUAI",
                        "chaussée", "Chaussée")
# and those that are English words too, taken only with an article after them ("2 Place de la Gare")
_FRENCH_STREET_ARTICLED = ("Place", "PLACE", "Route", "ROUTE")
# Turkish street words after the name, with the house number after "No" ("Bağdat Cad. No:215 D:7")
_TURKISH_STREET_WORDS = ("Cad.", "Caddesi", "Cd.", "Sok.", "Sokak", "Sokağı", "Sk.", "Bulvarı", "Blv.")
# German street names that start with a preposition ("Am Stadtpark 3", "An der Alster 12"):
# taken only with the postal code and town after them
_GERMAN_STREET_PREPOSITIONS = ("Am", "An der", "An den", "Im", "In der", "Auf der", "Auf dem", "Zum", "Zur",
                               "Unter den", "Hinter der")
# The words before a person's name in prose (_names: "account holder Ada Lovelace"); the
# batch path's shape branch and _NAME_PHRASE are both built from them.
_NAME_CUES = (
    r"(?:[Aa]ccount holder:?|[Cc]ard ?holder:?|[Rr]ecipient:?|[Pp]assenger|[Pp]atient|[Dd]ear|"
    r"[Cc]ustomer|[Nn]ame is|[Uu]ser|[Mm]ember|[Cc]ontact|[Oo]wner|[Bb]eneficiary:?|[Pp]ayee:?|[Aa]pplicant|"
    r"[Pp]olicyholder|[Gg]uarantor|[Ee]mployee|[Gg]uest|[Ss]ubscriber|[Cc]ourier|[Hh]older|[Dd]ebtor|[Cc]reditor|"
    r"[Cc]laimant|[Ss]tudent|[Vv]isitor|(?:[Aa]cknowledg|[Aa]pprov)ed by|[Ee]scalated to|"
    # who writes, to whom, and a doctor: "Hi, I am Ines Carvalho", "Hi Jürgen,", "Dr. Isabela Ferreira"
    r"[Hh]i,?|[Hh]ello,?|[Hh]ey,?|[Hh]ola,?|[Cc]iao,?|[Bb]onjour,?|[Hh]allo,?|[Oo]lá,?|[Hh]ej,?|I am|I'm|Dr\.|Prof\.|"
    # the same in the languages of European banking: account holder, recipient, beneficiary
    r"(?:[Kk]onto|[Kk]arten)?[Ii]nhaber:?|[Ee]mpfänger:?|[Tt]itulaire(?: du compte| de la carte)?:?|"
    r"[Bb]énéficiaire:?|[Dd]estinataire:?|[Tt]itular(?: de la cuenta| de la tarjeta)?:?|[Bb]eneficiario:?|"
    r"[Ii]ntestatario:?|"
    # the customer: German, Spanish / Portuguese / Italian, Polish, Dutch
    r"[Kk]und(?:e|in)|[Cc]liente:?|[Kk]lient(?:a|ki|ku|em|owi)?:?|[Kk]lant:?|"
    # whom money or goods went to, whom work was given to: "Refund issued to Ada Lovelace"
    r"(?:[Ii]ssu|[Ss]hipp|[Dd]eliver|[Rr]efund|[Tt]ransferr|[Aa]ssign)ed to:?|[Pp]aid to:?|on behalf of|"
    # a child's and a care home's people, a family, the parties of hiring, giving, selling and
    # signing ("guardian Tanisha Brooks", "carer Joy Abiodun", "father Luc Lefebvre")
    r"[Gg]uardian|[Cc]arer|[Cc]aregiver|[Pp]upil|[Ff]ather|[Mm]other|[Dd]aughter|[Dd]onor|[Ss]upporter|[Cc]andidate|"
    r"[Ee]xecutor|[Bb]uyer|[Ss]eller|[Ss]igner|"
    # the rest of a family ("spoke with their son Daniel", "his wife Maria"): a listed given
    # name alone after one of these is taken (_FAMILY_WORDS)
    r"[Ss]on|[Ww]ife|[Hh]usband|[Bb]rother|[Ss]ister|[Gg]randmother|[Gg]randfather|[Ss]pouse)"
)
# The same cues in other languages, and who wrote a message: kept apart from _NAME_CUES
# in the batch path's shape parts (one alternation of both made polars' pass over a column
# 1.7 times slower); the detector reads both (_NAME_PHRASE).
_NAME_CUES_OTHER = (
    r"(?:" +
    # Swedish, Turkish, Finnish and Czech customers; an employee, a payer, a subscriber, a
    # recipient, a patient, a user in the languages above; "Dear" in Turkish, Spanish,
    # Dutch and Polish
    r"[Kk]und|[Mm][üu][şs]teri(?:si)?:?|[Aa]siakas|[Zz][áa]kazn[íi]k(?:a|em)?|[Cc]lient(?:a|ul|ului):?|"
    r"[Mm]edarbejder:?|[Mm]edarbetare:?|[Cc]omprador(?:a)?:?|"
    r"[Mm]itarbeiter(?:in)?|[Ee]mplead[oa]|[Ee]mploy[ée]e?|[Ff]uncion[áa]ri[oa]|[Dd]ipendente|"
    r"[Pp]racownik(?:a|iem)?|[Mm]edewerker|[Pp]agador(?:a)?:?|[Zz]ahler(?:in)?|[Pp]ayeur|[Pp]agatore|"
    r"[Aa]bonn[ée]e?|[Aa]bonnent(?:in)?|[Ss]uscriptor(?:a)?|[Aa]ssinante|[Aa]bbonat[oa]|"
    r"[Dd]estinat[áa]ri[oa]:?|[Rr]eceptor:?|[Pp]atientin|[Pp]aciente|[Pp]aziente|[Pp]acjent(?:ka|a)?|"
    r"[Pp]ati[ëe]nt|[Bb]enutzer(?:in)?|[Uu]suari[oa]|[Uu]tilisat(?:eur|rice)|[Uu]tente|"
    r"[Uu]żytkownik(?:a)?|[Gg]ebruiker|[Kk]ullan[ıi]c[ıi]|[Ss]ayın|[Ee]stimad[oa]|[Gg]eachte|[Ss]zanown[ya]|[Bb]este|[Ll]ieber?|[Qq]uerid[oa]|"
    r"[Aa]lıcı:|l'assuré(?:e)?|[Ee]mpfänger(?:in)?:|[Oo]dbiorca:|[Dd]estinataire:|"
    # an applicant, a worker, a traveller, an injured party, a citizen (Danish "borger")
    r"[Aa]ntragsteller(?:in)?:?|[Hh]akija:?|[Bb]orger:?|[Ss]ökande:?|[Aa]nsøger:?|[Ww]nioskodawca:?|"
    r"[Rr]ichiedente:?|[Ss]olicitante:?|[Rr]equerente:?|[Dd]emandeur:?|[Aa]anvrager:?|"
    r"[Tt]rabajador(?:a)?:?|[Tt]rabalhador(?:a)?:?|[Vv]iajer[oa]:?|[Bb]enefici[áa]ri[oa]:?|[Dd]anneggiat[oa]:?|"
    # the insured, a policy's holder, a tenant, a vehicle's keeper, a buyer, an employee in
    # French, German, Spanish, Italian, Polish, Turkish and Dutch
    r"[Aa]ssur[ée]e?|[Uu]bezpieczon[ya]|[Tt]omador(?:a)?|[Aa]segurad[oa]|[Vv]ersicherungsnehmer(?:in)?|"
    r"[Vv]ersicherte[rn]?|[Cc]ontraente|[Aa]ssicurat[oa]|[Ss]igortal[ıi]|[Mm]ieter(?:in)?|[Ll]ocataire|"
    r"[Ii]nquilin[oa]|[Hh]uurder|[Nn]ajemca|[Hh]alter(?:in)?|[Ss]ürücü|[Kk]äufer(?:in)?|[Aa]cheteu(?:r|se)|"
    r"[Ss]alari[ée]e?|[Hh]ouder|"
    # a recipient, a debtor, a taxpayer, an insured person and an account's holder in Dutch,
    # French, Spanish, Portuguese and German; Italian courtesy titles ("Referente: sig.ra Chiara
    # Bellandi", "ontvanger Lieselot Van den Broeck", "contribuable DUPONT-MOREAU Claire")
    r"[Oo]ntvanger:?|[Aa]fzender:?|[Vv]erzekerde:?|[Dd]ebiteur:?|[Cc]rediteur:?|[Cc]ontribuable:?|[Dd][ée]biteur:?|"
    r"[Cc]r[ée]ancier:?|[Ss]ouscripteur:?|[Tt]itular(?: declarad[oa])?:|[Dd]eudor(?:a)?:?|[Aa]filiad[oa]:?|"
    r"[Cc]ontribuyente:?|[Dd]evedor(?:a)?:?|[Cc]ontribuinte:?|[Ss]chuldner(?:in)?:?|[Kk]ontoinhaber(?:in)?:?|"
    r"[Aa]bsender(?:in)?:|[Ss]ig\.(?:ra)?|[Dd]ott\.(?:ssa)?|[Aa]vv\.|"
    # a payer, a buyer, a driver and a courier in Czech, Hungarian, Italian, Polish, German,
    # French, Portuguese and Spanish ("plátce Jan Novák", "vásárló: Nagy Zsófia", "conducente …")
    r"[Pp]látce|[Vv]ásárló:?|[Cc]onducente|[Kk]ierowca|[Ff]ahrer(?:in)?:?|[Cc]hauffeur|[Mm]otorista|"
    r"[Ee]ntregador(?:a)?|[Rr]epartidor(?:a)?|[Ll]ivreur|[Kk]urier(?:a)?|[Ff]attorino|[Bb]ezorger|"
    # who introduces themselves in a chat, an SMS or a voicemail: "Hola, soy Lucía Fernández",
    # "meu nome é Beatriz Souza", "me llamo Martina López", "je m'appelle …", "ich heiße …"
    r"[Ss]oy|[Mm]e llamo|[Mm]i nombre es|[Mm]eu nome é|[Mm]eu nome e|[Jj]e m'appelle|[Ii]ch heiße|[Ii]ch heisse|"
    r"[Mm]ein Name ist|[Mm]i chiamo|[Ii]l mio nome è|[Mm]ijn naam is|[Nn]azywam się|[Jj]menuji se|"
    r"[Bb]enim adım|[Ii]smim|[Hh]i,? it's|"  # (not a bare "adım": a step too, "Adım 3")
    # who wrote a message: "Hi, this is Linda Park", a sign-off ("Thanks, Rachel Greenwood")
    r"(?:Hi|Hello|Hey),? this is|(?:Thanks|Thank you|Many thanks|Regards|Best regards|Kind regards|"
    r"Cheers|Sincerely|Best wishes),)"
)
# A courtesy title, which needs no cue before it ("Versand an Herrn Jürgen Müller", "pago de
# la Sra. María Fernández"); "Dr" is left out (a street type too: "12 Main Dr"), as is "Miss"
# (a cache miss)
_TITLES_ALONE = r"(?:(?:Mr|Mrs|Ms|Mx|Sra|Srta)\. |(?:Mr|Mrs|Herrn?|Frau|Mme|Mlle) )"
# What a date of birth or a street address in prose needs (_dob_phrases, _street_addresses):
# a birth word, or a street type as a word, or a German or French street. Literals first,
# so that both regex engines find it quickly.
# the words before a date of birth (_dob_phrases), lower-cased: English, German ("geb.
# 14.03.1979"), French, Spanish, Portuguese, Polish, Dutch
_BIRTH_WORDS = ("birth", "dob", "d.o.b", "born", "geb", "naissance", "né le", "née le", "nacimiento", "nasci",
                "urodzenia", "nato il", "nata il", "data di nascita", "doğum", "födelse", "fødsel", "syntymä",
                "narození", "narodenia", "生年月日", "出生日期", "생년월일", "дата рождения", "дата народження")
_PROSE_GATE_PATTERN = (
    r"(?i:" + "|".join(re.escape(w).replace("\\ ", " ") for w in _BIRTH_WORDS) + r")| (?:" + _STREET_TYPES + r")(?:[^A-Za-z]|$)"
    r"|(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|markt|straat|gracht|laan|plein|gatan|gata|gaten"
    r"|gade|vägen|vegen|vej|veien|katu|Straße|Strasse|Str\.|Allee|Platz|Weg|Gasse|Damm|Ufer|Chaussee|STRASSE|STR\.|WEG"
    r"|GASSE|ALLEE|PLATZ|DAMM|STRAAT|GRACHT|LAAN|GATAN|GADE|VEJ|VEIEN) [0-9]"
    r"| (?:" + _STREET_TYPES_CAPS + r")(?:[^A-Za-z]|$)"
    r"| (?:" + "|".join(w for w in _FRENCH_STREET_WORDS if w.islower()) + r") "
    r"|(?:" + "|".join(w for w in _FRENCH_STREET_WORDS + _FRENCH_STREET_ARTICLED if not w.islower()) + r") "
    r"|(?:ul|UL)\. [A-ZĄĆĘŁŃÓŚŹŻ]"
    r"|(?:" + "|".join(re.escape(w) for w in _ROMANCE_STREET_WORDS) + r") "
    r"|(?:" + "|".join(re.escape(w) for w in _TURKISH_STREET_WORDS) + r") No"
    r"|(?:" + "|".join(_GERMAN_STREET_PREPOSITIONS) + r") [A-ZÄÖÜ]"
    r"|(?i:zip[ -]?code|postal code|post ?code|cep[ :])"
)
# The shapes of national identity numbers other than the US SSN, for the batch path's gate
# (_national_ids reads them with _NATIONAL_DIGITS and _NATIONAL_LETTERS): a Brazilian CPF, a UK
# National Insurance number, an Italian codice fiscale, a Spanish DNI or NIE, a French NIR
# (spaced, as it is written), an Indian Aadhaar number (spaced or dashed, as it is written).
_NATIONAL_GATE_PATTERN = (
    r"[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]"
    r"|[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]"
    r"|(?:^|[^0-9A-Za-z_-])[0-9XYZ][0-9]{7}-?[A-Z](?:[^0-9A-Za-z_-]|$)"
    r"|[12] [0-9]{2} [0-9]{2} [0-9][0-9AB] [0-9]{3} [0-9]{3} [0-9]{2}|[2-9][0-9]{3}[ -][0-9]{4}[ -][0-9]{4}"
)
# Letters of other scripts in a key (Straße=, teléfono:, 姓名=): Latin with accents, Greek,
# Cyrillic, ..., kana, CJK, Hangul; not the general, CJK and fullwidth punctuation between
# them (U+2000-U+303F, U+FF00-: "，", "：", "、"). Written so that Python's and polars' regex
# engines read it alike.
_UNI = r"\xC0-\u1FFF\u3040-\uFEFF"
_KEY_WORDS = (
    "mail|name|phone|mobile|tel|cell|msisdn|fax|dob|birth|born|addr|street|zip|post|house|"
    "apartment|city|pass|pgpass|pwd|pin|otp|totp|secret|token|idtoken|key|auth|cred|sig|cookie|"
    "sess|sid|jsessionid|phpsessid|asp|connect|user|uid|login|customer|member|patient|employee|"
    "account|ssn|social|national|tax|passport|driver|licen|iban|bank|routing|card|pan|cc|cvv|"
    "cvc|credit|debit|security|lat|lon|lng|geo|gps|coord|holder|recipient|sender|contact|"
    "billing|shipping|delivery|surname|first|last|full|given|family|middle|display|nick|real|"
    "legal|maiden|principal|actor|subscriber|player|buyer|payer|shopper|guest|passenger|"
    "person|citizen|owner|client|profile|beneficiary|applicant|student|rider|travel|enduser|"
    "end_user|api|access|refresh|private|master|shared|signing|encryption|app|consumer|"
    "webhook|proxy|csrf|xsrf|reply|bearer|nonce|hash|identity|author|assignee|reporter|advertis|android|"
    "requester|debtor|creditor|courier|claimant|borrower|visitor|payee|candidate|practitioner|physician|doctor|"
    "executor|deceased|decedent|testator|heir|guardian|proprietor|plaintiff|defendant|petitioner|appellant|juror|"
    "witness|spouse|filer|intestatario|eigent|halter|besitzer|vrm|patente|所有者|参保人|npi|"
    "clinician|therapist|nurse|dentist|caregiver|organi[sz]er|interviewer|instructor|teacher|tutor|prescriber|"
    "taxpayer|tenant|landlord|lessee|prospect|forename|given|resident|fnr|pickup|dropoff|distinct|appsflyer|amplitude|"
    "braze|firebase|registration|obfuscated|wa_id|idnumber|id_number|technician|inviter|verification|sms_code|"
    "login_code|code_attempt|one_time|mfa|psu|vin|bcc|set-cookie|e-mail|email|sub|field|date|logname|ruser|upn|samaccountname|uname|acct|ship_to|bill_to|shipto|billto|sold_to|deliver_to|line1|line2|"
    "cpf|nif|nie|dni|codice|fiscal|aadha|nir|insee|bsn|pesel|personnummer|curp|ni_|tfn|steuer|"
    "stras|pstlz|kunnr|stcd|telf|smtp_addr|mac|calling|alternate|"
    "mrn|medical|health|nhs|imei|imsi|iccid|meid|advertising|idfa|gaid|adid|aaid|usr|participant|"
    "attendee|invitee|suser|duser|device|identifier|plate|plaka|placa|kenteken|kennzeichen|immatricul|targa|"
    "matricula|cnh|loyalty|frequent|membership|policy|enlem|boylam|latitud|longitud|breitengrad|"
    # session 18's keys that the words above do not hold, only those its probes met in text (every
    # word here costs polars' key-run pass over every string: 110 more words made it 2.2 times
    # slower; the rest are read in structured fields, where no key word is needed)
    "athlete|viewer|receiver|caller|cashier|rfc|livreur|fname|lname|cif|ifa|tdid|rdid|buyeruid|open_id|union_id|"
    "listener|creator|lahir|alamat|clabe|mnemonic|serialnumber|serial_number|residenza|ausweis|emirates|nasc|"
    "fecha_nac|insur|"
    # session 23's: keys the key classes name that no word above starts (players' and devices'
    # ids on game platforms, PeopleSoft's employee and operator ids, Latin America's cédula)
    "xuid|steamid|gamertag|battletag|puuid|hwid|emplid|oprid|cedula|"
    # session 20's: Brazil's eSocial and NF-e, Spain's and Mexico's payroll, Dutch holders
    "nmtrab|nm_trab|emplead|houder|fone|matricule|nss|"
    # the same in other languages (see keys.py): names, e-mail, phones, birth dates, addresses,
    # accounts, national ids, bank accounts; one person's app installation
    "vorname|nachname|familienname|voornaam|achternaam|naam|nom|pr[eé]nom|apellido|cognome|sobrenome|"
    "imi[eę]|nazwisko|f[oö]rnamn|efternamn|fornavn|etternavn|soyad|isim|titular|correo|courriel|posta|"
    "t[eé]l[eé]phone|handy|mobil|m[oó]vil|celular|portable|gsm|cep|tlf|puhelin|geburt|naissance|"
    "nacimiento|nascita|nascimento|geboorte|urodzenia|f[oö]delse|f[oø]dsel|do[gğ]um|adr|anschrift|"
    "stra[sß]e|hausnummer|plz|wohnort|direcci[oó]n|domicilio|calle|endere[cç]o|logradouro|indirizzo|"
    "civico|straat|huisnummer|ulica|gatuadress|kunde|pagador|beneficiario|ordenante|benutzer|nutzer|utilisateur|identifi|usuario|"
    "utente|gebruiker|klant|mitarbeiter|kullan|anonymous|android|install|idfv|idnr|sozialvers|secu|"
    "beneficiar|destinat|odbiorca|"
    "rut|cuit|cuil|tckn|kimlik|cpr|hetu|henkil|rodne|sofinummer|burgerservicenummer|ppsn|amka|egn|"
    "oib|jmbg|medicare|konto|cuenta|compte|rib|conto|rekening|rachun|hesap|strt|pst_cd|twn_nm|bldg|"
    "姓名|名字|氏名|名前|이름|성명|邮箱|电子邮件|メール|이메일|手机|电话|電話|携帯|전화|出生|生日|生年月日|"
    "생년월일|地址|住址|住所|주소|用户|客户|顾客|顧客|会员|患者|ユーザー|身份证|マイナンバー|주민등록번호|фио|имя|фамилия|телефон|адрес|"
    "郵便番号|邮编|邮政编码|우편번호|カード番号|クレジットカード番号|卡号|银行卡号|信用卡号|카드번호|デバイストークン|アクセストークン|访问令牌|액세스토큰|"
    # session 25's: SAP HR's fields, HL7 v2 fields' paths (PID.5.1, PID-19), China's and
    # Russia's identity card and tax numbers
    "pernr|nachn|vorna|gbdat|pid[.-][0-9]|nk1[.-][0-9]|gt1[.-][0-9]|in1[.-][0-9]|certif_id|idcard|id_card|sfzh|"
    "инн|снилс|паспорт|nip|geb|会員|osoite|postinumero|"
    # "password" in other languages (pass covers passwort and passord)
    "kennwort|l[oö]senord|contrase|senha|wachtwoord|has[lł]o|salasana|heslo|[sş]ifre|parola|jelsz|adgangskode|"
    "пароль|mot_de_passe|motdepasse|パスワード|密码|密碼|비밀번호|"
    # session 26's: keys the key classes name that no word above starts, met in free text
    # (openid=…, document_number=…) or as common as those (a person's document, party,
    # addressee and insured person in other languages); stra(ss|ß)e spelt both ways
    "openid|unionid|document|doc_n|num_doc|numero_doc|nro_doc|snils|nino|worker_n|assigned|reviewer|party|"
    "crm_id|whatsapp|sms_n|mobiel|etunimi|sukunimi|strasse|svnr|sv_n|kundin|klient|musteri|abonne|adherent|"
    "assure|asegurado|segurado|assicurato|versichert|furigana|apelido|remitente|absender|empf|expediteur|"
    "nadawca|ontvanger|afzender|fec_nac|dtnasc|eposta|numer_konta|numer_dowodu|nr_dowodu|seed_phrase|"
    "recovery_phrase|hapikey|google_ad|browser_fingerprint|anon_id|"
    # session 28's (alien_number, bvn, cnp, DocNro, TGL_LHR, fechNac, utilizador, palavraPasse, data_nasterii)
    "alien|bvn|cnp|docnro|tgl_|fech|utiliz|palavra|data_nast|"
    # session 31's: keys the key classes name that no word above started, met in its probes
    # (an Indonesian NIK, Singapore's NRIC, a guarantor, emp_id and empId, mbrId, PatId,
    # custNo, a payment's bene_acct and DbtrAcct, id_no and idNo, Vietnamese, Indonesian,
    # Malaysian and Philippine keys, a Taiwanese phone and identity card, Germany's KVNR). More
    # words (110 tried) made the key runs' pass over the simulator's messages twice as slow:
    # these 27 cost 10% of it
    "nik|nric|tckimlik|guarantor|pupil|emp_|emp-|empid|mbr|patid|cust|bene_|dbtr|cdtr|id_no|idno|ngay_sinh|ho_ten|"
    "cccd|no_hp|ic_n|sss_n|手機|身分證|工号|従業員番号|kvnr"
)
# Every branch of the hint but the key-word one: the shapes and phrases its detectors
# start from. The batch path puts these, and the key runs below, in place of the key-word
# branch (which passes any text with a key word before a colon: panic:, KeyError:).
# a logon name DOMAIN\user, ASA's User <x>, a person's id in a REST path (_logins_and_cache_keys)
# the collections of people a REST path names (/users/…, /kunden/…)
_PERSON_COLLECTIONS = (r"(?:users|customers|members|patients|employees|people|persons|contacts|kunden|clientes|"
                       r"clients|usuarios|utilisateurs|benutzer|patienten|pacientes|mitarbeiter)")
_DOWNLEVEL_GATE_PATTERN = r"(?:[A-Z][A-Z0-9-]{1,14}|(?i:corp|ad|intra|internal))\\{1,2}[a-z]"
_REST_GATE_PATTERN = r"(?:^|[^\w.-])" + _PERSON_COLLECTIONS + r"/[A-Za-z0-9_.@%+-]*[0-9@]"
_LOGIN_FORMS_GATE = "User <|" + _REST_GATE_PATTERN  # (and _DOWNLEVEL_GATE_PATTERN: see SHAPE_PATTERNS)
# a name in brackets after an id or before contact details, a FHIR reference (_paren_names)
_PAREN_GATE_PATTERN = (r"[0-9] \([A-ZÀ-ÞĀ-Ž]|\([A-ZÀ-ÞĀ-Ž][^()\n]{2,80}, ?(?:[A-Za-z0-9._%+-]+@|\+?[0-9]|born|b\. |dob|DOB|n[ée]e? )|"
                       r"(?:Patient|Person|Practitioner|RelatedPerson)/[A-Za-z0-9.-]")
# the same without the FHIR branch (find_spans looks for those apart), written to start with
# its bracket so that the search skips to each "(" (polars' engine has no look-behind)
_PAREN_GATE = re.compile(r"\((?:(?<=[0-9] \()[A-ZÀ-ÞĀ-Ž]|[A-ZÀ-ÞĀ-Ž][^()\n]{2,80}, ?(?:[A-Za-z0-9._%+-]+@|\+?[0-9]|born|b\. |dob|DOB|n[ée]e? ))")
# a cache's key with a person's id in it (_logins_and_cache_keys)
_CACHE_KEY_GATE = r"(?:user|customer|member|account|session|sess|patient|employee|uid)s?:[A-Za-z0-9_@.+-]*[0-9]"
# Roles only people have, before a person's id in prose (courier au_cour_11842, rider 8812,
# Kunde 48213): read like "user 4821" (_phrases)
_ROLE_WHO_WORDS = ("rider", "courier", "passenger", "subscriber", "student", "athlete", "viewer", "player",
                   "traveler", "traveller", "applicant", "claimant", "kunde", "kundin", "cliente", "klant",
                   "usuario", "utilisateur", "utente", "benutzer", "gebruiker",
                   # an employee's or an insured person's number (Personalnummer 1042, matricule 00457,
                   # Mitarbeiter 2231, pracownika 00001873, PNR 100233, Versichertennummer A123456789)
                   "personalnummer", "matricule", "mitarbeiter", "mitarbeiterin", "pracownik", "pracownika",
                   "medewerker", "pnr", "versichertennummer",
                   # and as HR and payroll systems write it (Personnel number 00104472, payroll ID 88213,
                   # PersonNumber 88120: Oracle HCM, Worker ID, Associate ID: ADP)
                   "personnel number", "personnel no", "payroll id", "payroll no", "person number",
                   "personnumber", "person id", "worker id", "associate id", "associateoid",
                   # who delivers, in the languages couriers' apps write (Fahrer-ID 77120, coursier 4471)
                   "fahrer", "fahrerin", "kurier", "coursier", "livreur", "bezorger", "koerier", "repartidor",
                   "entregador", "kierowca", "fattorino")
_ROLE_WHO = "|".join(_ROLE_WHO_WORDS)
# what follows a phrase word or a role in the gates: "user 4821", "employee no. 77", "courier au_cour_11842"
_PHRASE_GATE_TAIL = r"(?:(?:[ _-]?id| no\.?| number)?\s+|(?: id| no\.?| number)[ \t]*[=:#][ \t]*)[A-Za-z_-]*[0-9]"
# Someone's device, named after them by its maker's default: "John's iPhone" (the name only)
_DEVICES = (r"(?:iPhone|iPad|iMac|Mac|MacBook|Galaxy|Pixel|Phone|Laptop|PC|Computer|Android|Watch|AirPods|Kindle|"
            r"Surface|ThinkPad|Chromebook)")
# a device named after its owner in other languages: "MacBook-Pro-de-Camille", "iPhone-von-Jonas" (the owner after it),
# also as the phone shows it and in a host name in lower case ("Pixel 8 von Aylin", "iPhone van Dirk", "ipad-von-lukas")
_DEVICE_OF = (r"(?:" + _DEVICES + "|" + _DEVICES.lower()[3:-1]  # (lower case spelt out: "(?i:" made it 10x slower)
              + r")(?:[- ][A-Za-z0-9]{1,12}){0,3}[- ](?:de|von|di|van|da|do|du)[- ]")
# the devices' names in lower case, where find_spans looks for them before the pattern
_DEVICE_WORDS = ("phone", "pad", "mac", "galaxy", "pixel", "laptop", "pc", "computer", "android", "watch", "airpods",
                 "kindle", "surface", "thinkpad", "chromebook")
# a home network or computer named after the family ("FRITZ!Box-Familie-Schmidt", "Casa-Esposito", "famiglia-rossi-77")
_FAMILY_HOST = r"(?:[Ff]amilie|[Ff]amille|[Ff]amilia|[Ff]amiglia|[Ff]amily|[Cc]asa|FAMILIE|FAMILY|CASA)[- _]"
# The keys and the words before a number a message went to or came from (_party_numbers and
# its part of the shapes)
_PARTY_KEYS = (r"(?i:from|to|dst|src|dest|destination|sender|recipient|originator|source_addr|dest_addr|"
               r"destination_addr|msisdn|a_number|b_number|calling_number|called_number|subscription-id-data)")
_PARTY_KEY_SEP = r"(?:\\?[\"'])?[ \t]*[:=][ \t]*(?:\\?[\"'])?"
_SUBSCRIBER_WORDS = r"(?i:subscriber|abonent(?:a|u)?|abonné|teilnehmer|assinante|suscriptor)"
# The ids analytics and messaging SDKs name in their messages, before a quoted value
# (Segment's 'userId "…"', Mixpanel's 'distinct_id "…"'; _quoted_ids)
_QUOTED_ID_KEYS = (r"(?i:user_?id|distinct_?id|customer_?id|member_?id|anonymous_?id|account_?id|device_?id|"
                   r"player_?id|subscriber_?id|login|user_?name)")
_SHAPE_BRANCHES = (
    # (8=FIX: a FIX message, _fix_fields; iCalendar's people, _ical_names; a Windows logon name,
    # _logins_and_cache_keys, here rather than with the login forms: see SHAPE_PATTERNS)
    # (an address with its "@" spelt out: _SPELT_EMAIL)
    # (and a travel document's machine-readable zone: _mrz)
    r"@|%40|8=FIX|ATTENDEE;|ORGANIZER;|[\[({<](?:at|AT|At)[\])}>]|[A-Z0-9]<<|M[1-4][A-Z]{2,}/|" + _DOWNLEVEL_GATE_PATTERN,
    # a name under a key of two words (_spaced_name_keys)
    r"(?i:first|last|given|family|middle) name[ \t]*[=:]",
    r"[0-9]\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]",
    r"::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}",
    r"[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-",
    r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}",
    r"[0-9](?:[ -]?[0-9]){11}",
    r"\+[1-9]|%2[Bb][1-9]",
    r"[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{4}|\([1-9][0-9]\) ?[0-9]{4,5}-[0-9]{4}",
    r"\([0-9]{3}\)",
    r"0[1-9][0-9]{1,3}[ -][0-9]{3}|06-[1-9][0-9]{7}|0[1-9][0-9]{1,3} [0-9]{2} [0-9]{2} [0-9]{2}",
    r"0[1-9][ .-][0-9]{2}[ .-][0-9]{2}[ .-][0-9]{2}",
    r"[0-9]{3}-[0-9]{2}-[0-9]{4}",
    r"[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4}|[STFG][0-9]{7}[A-Z]",  # (and Singapore's NRIC)
    r"[0-9]\.[0-9]{3,} ?, ?-?[0-9]{1,3}\.[0-9]{3}",
    r"eyJ|A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|ROA|PKA)[A-Z0-9]{16}|[spr]k_(?:live|test)_",
    r"sk-|key-[0-9a-z]{32}|AIza|SG\.|glpat-|npm_|shp(?:at|ss|ca|pa)_|dop_v1_|whsec_|gh[pousr]_|github_pat_|:APA91b|"
    r"ATATT3|lin_api_|_secret_|pat-(?:na|eu|ap)|\.eJ|(?:token|Token|TOKEN)[ \t]+[\"']?[A-Za-z0-9_.=+/-]{20}",
    r"hf_[A-Za-z0-9]{30}|dckr_pat_|GOCSPX-|hv[sbr]\.[A-Za-z0-9_-]{24}|pypi-AgEI|[0-9]:AA[A-Za-z0-9_-]{33}|"
    r"/api/webhooks/[0-9]|[?&]code=[A-Za-z0-9._~/%-]{20}",
    r"xox[abposr]-|xapp-|hooks\.slack\.com|PRIVATE KEY|AUTH (?:PLAIN|XOAUTH2) |\$2[abxy]\$[0-9]{2}\$|\$argon2|\$[56PH]\$",
    r"(?i:bearer|basic)\s",
    _NAME_CUES + r" ['\"]?[A-ZÀ-Þ]|" + _TITLES_ALONE + r"[A-ZÀ-Þ]",
    # a password or token on a command line (_command_lines), someone's device (_possessives)
    r"--?(?:password|passwd|pass|pwd|token|secret|api-key|apikey|client-secret|access-token|auth-token)[ =]|"
    r"mysql|curl|wget|[A-Z][a-z]+(?:['’]s |s-)" + _DEVICES + "|" + _DEVICE_OF + "[A-Za-z]|" + _FAMILY_HOST + "[A-Za-z]",
    r"rejected value \[|(?i:password|passwd|passphrase|securestring(?: -string)?) ['\"]|(?i:name) ['\"][A-ZÀ-ÞĀ-Ž]|Couldn't find [A-Z]|\)=\(|Duplicate entry '|"
    r"Preview of field's value: '|gid://|\[\[\\?\"|parameters: \$|The duplicate key value is \(|Truncated value: '",
    # a login named in prose, a cache's key with a person's id in it (_logins_and_cache_keys)
    r"(?i:user ?name|login|user ?id) is |" + _CACHE_KEY_GATE + "|" + _LOGIN_FORMS_GATE,
    _PAREN_GATE_PATTERN,
    # a party's name in ISO 20022 XML, a SWIFT MT103's ordering customer and beneficiary (_bank_messages)
    r"<(?:Cdtr|Dbtr|UltmtCdtr|UltmtDbtr|InitgPty)>|(?:^|\n):5[09][FK]?:",
    # what airlines write of a passenger (IATA names with a title, SSR DOCS, APE, FP CC) and a
    # Salesforce record of a user, contact or lead (_travel_and_crm)
    r"SSR DOCS|APE [A-Z0-9]|FP CC[A-Z]{2}[0-9]|[A-Z]/[A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*){0,2} ?(?:MRS|MR|MS|MSTR|MISS)(?:[^A-Za-z]|$)"
    r"|(?:005|003|00Q)[A-Za-z0-9]{12}",
    # Mosquitto's client user, Steam and Xbox ids, coordinates with their hemispheres (_players_and_places)
    r"New client connected from|7656119[0-9]{10}|2533274[0-9]{9}|[0-9]\.[0-9]{4,8} ?[NS][ ,/]",
    # an ORM's bound parameters, logged apart from their INSERT's columns (_sql_binds)
    r"binding parameter [\[(][0-9]|\[Parameters=\[@",
    # a sign-in code sent to a person, a push service's device token (_sign_in_codes)
    r"(?i: code|passcode|otp)(?: is)?[ \t]*[:=]?[ \t]*[0-9]{4}|/3/device/|(?i:device|push|apns) token",
    r"(?i:user) |(?i:user(?:name)?)[ :=]{0,3}[\"']|(?i:(?:password|publickey|keyboard-interactive|hostbased|gssapi-with-mic) for )"
    r"|attempts exceeded for |(?i:authentication)(?: finally)? failed for | failed for peer ",
    r" \[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:",
    r"home/|/Users/|(?i:users)\\|sudo(?:\[[0-9]{1,10}\])?:[ \t]",
    r"\(to [^\s)]{1,32}\) |\(uid=[0-9]|arn:aws|\" does not exist",
    r"(?i:(?:log[io]n|sign[- ]?in|authentication|auth)(?: attempt)? "
    r"(?:failed|failure|error|denied|rejected|succeeded|successful|ok) for [\"'])",
    r"(?i:(?:user|customer|member|account|acct|client|session|patient|employee|payee|mrn|passport|imsi|imei|iccid|msisdn|pesel)"
    + _PHRASE_GATE_TAIL + r")|(?i:imsi|imei)(?i:sv)?[\[-][0-9]",
    # Dovecot, vsftpd and OpenVPN account names (OpenVPN's user/address:port has an address)
    r"user=<|" + _DOVECOT_NAMES + r"|pid [0-9]{1,10}\] \[|\] Peer Connection Initiated|"
    r"SENT CONTROL \[|Login (?:OK|incorrect)| from client|UserName\">|Provided username |authentication of \[",
    # an LDAP distinguished name
    r"(?i:cn=)",
    # pydantic's validation errors, sudo's line without its prefix, an XML element named for
    # personal data (_pydantic_errors, _sudo_bare, _xml_elements)
    # (and a validation error's object with the value it rejected, _validation_objects; Expo's push
    # token; a value in corner brackets after its key, _corner_values)
    r", input_value=| : TTY=|[\"']input[\"']: ?[\"']|"
    r"[\"'](?:value|rejectedValue|actualValue|invalidValue)[\"']: ?[\"']|Expo(?:nent)?PushToken\[|" + _QUOTED_ID_KEYS + " [\"']|" + r"[^\x00-\x7f]「|(?i:value) ['\"][^'\"\n]{1,128}['\"] for ",
    # a date of birth or a street address in prose (_dob_phrases, _street_addresses)
    _PROSE_GATE_PATTERN,
    # national identity numbers (_national_ids)
    _NATIONAL_GATE_PATTERN,
    # HL7 v2 segments about a person (_hl7_segments), an SQL INSERT's values (_sql_inserts)
    r"(?:PID|NK1|GT1|IN1|EVN|PV1|PD1|ORC|OBR|OBX|MRG|ROL)\||(?i:insert)\s",
    # two title-cased words under a bare name or holder key (_bare_names), or a register's
    # SURNAME,GIVEN (Name=GARCIA,ROSA)
    r"(?:name|Name|NAME|holder|Holder|HOLDER|" + _OTHER_NAME_KEYS + r")\\?[\"'\]]?[ \t]{0,3}(?:=>?|:)[ \t]{0,3}\\?[\"']?"
    r"[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž]|, ?[A-ZÀ-ÞĀ-Ž]|\+[A-ZÀ-ÞĀ-Ž]|%20[A-ZÀ-ÞĀ-Ž])",
    # a position in words (_geo_words), a number a message went to or came from (_party_numbers)
    r"(?i:lat(?:itude)?)[ \t]*[:=]?[ \t]*[-+]?[0-9]{1,2}\.[0-9]{3}|"
    r"(?i:from|to|dst|src|dest|destination|sender|recipient|originator|addr|msisdn|a_number|b_number|"
    r"calling_number|called_number|subscription-id-data)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?\+?[1-9][0-9]{9}|"
    r"(?:[Mm]essage|SMS|sms) (?:to|from) \+?[1-9][0-9]{10}|(?:dst|src):? \+?[1-9][0-9]{10}|\((?:from|to) \+?[1-9][0-9]{10}|"
    + _SUBSCRIBER_WORDS + r" \+?[1-9][0-9]{10}",
    # a database's user as DDL names it (_ddl_users): in the last part, where it costs nothing
    # (beside the first branch it took that part from 0.64 to 2.2 s over 1,012,605 strings)
    r"CREATE USER |CREATE ROLE |ALTER USER |ALTER ROLE |create user |create role |alter user |alter role ",
)
# An object that describes a person, printed by its toString(): Java's records and Lombok
# ("Customer[id=77812, …]", "Rider(id=RDR-99120, name=…)"), Apache's ToStringBuilder
# ("com.acme.Buyer@1c7f4b2e[id=BY7789,name=Elif,…]"), Kotlin's data classes, Rust's Debug
# ("User { name: …, … }"): the keys inside it are read as inside a person's object, so its
# bare id and name are the person's. The batch path's key bit includes the gate.
_PERSON_CLASSES = (
    r"(?:Customer|User|Member|Patient|Employee|Person|Buyer|Payer|Shopper|Rider|Driver|Passenger|Guest|"
    r"Subscriber|Client|Contact|Owner|Applicant|Student|Recipient|Sender|Cardholder|Beneficiary|"
    r"Consumer|Traveler|Traveller|Participant|Attendee|Invitee|Author|Kunde|Cliente|Usuario|Utente|"
    # the same in other languages (Versicherungsnehmer{id=77120, vorname=…}, Klient[id=66120, imie=…])
    r"Klient|Klant|Kund|Asiakas|Benutzer|Nutzer|Gebruiker|Utilisateur|Mitarbeiter|Empleado|Paciente|Paziente|"
    r"Versicherungsnehmer|Versicherter|Fahrer|Kurier|Abonnent|Abonne|Pracownik|Uzytkownik)"
)
_PERSON_CLASS_SUFFIX = r"(?:Dto|DTO|Entity|Record|Model|Data|Info|Details|Profile|Vo|VO|Bean|Impl)?"
# and a search for people in a URL, whose query's keys are a person's: FHIR's
# "Patient?family=Nwosu&birthdate=…", a REST API's "/customers?email=…"
_SEARCH_WORDS = ("users", "customers", "patients", "members", "employees", "contacts", "persons", "people", "clients",
                 "subscribers", "Patient", "Person", "Practitioner", "RelatedPerson")  # fmt: skip
_PERSON_SEARCHES = "(?:" + "|".join(_SEARCH_WORDS) + ")"
PERSON_OBJECT_GATE = (
    _PERSON_CLASSES + _PERSON_CLASS_SUFFIX + r"(?:@[0-9a-f]+)? ?[{(\[] ?[A-Za-z_]+ ?[=:]"
    r"|" + _PERSON_SEARCHES + r"\?[A-Za-z_][\w.-]* ?="
)
# A number after the word that names it, in prose (_cued_values): a national identity number
# ("SIN 527 184 634", "personnummer 811218-9876", "T.C. Kimlik No: 48291736550", "BSN
# 305715926"), or a phone number in a national format ("tel 070-555 12 34", "Teléfono de
# contacto 612 345 678", "tlf. 21 55 01 23"). The acronyms in capitals only (the Spanish
# "sin" stays); a value has seven digits or more (RFC 7231 stays).
_ID_CUE_ACRONYMS = (
    "SIN", "TFN", "BSN", "NIF", "NIE", "CPF", "NIR", "PESEL", "RUT", "CUIT", "CUIL", "SSN", "TCKN", "OIB",
    "EGN", "JMBG", "AMKA", "PPSN", "CPR", "HETU", "NHS", "IdNr", "NINO", "NRIC", "HKID", "CNP", "TAJ", "ΑΜΚΑ",
    "ΑΦΜ", "СНИЛС", "ИНН", "РНОКПП",
    # health insurance, social security and student numbers (Germany's KVNR, Austria's SVNR,
    # Canada's HCN and PHN, the US Medicare MBI, Mexico's CURP and NSS, Spain's TSI and DNI,
    # Brazil's CNS, Switzerland's AHV, Belgium's NISS/INSZ, India's PAN and ABHA, France's INE,
    # the Netherlands' UZI, New Zealand's NHI, Australia's IHI)
    "KVNR", "SVNR", "HCN", "PHN", "MBI", "CURP", "NSS", "TSI", "DNI", "CNS", "AHV", "NISS", "INSZ", "PAN",
    "ABHA", "INE", "UZI", "NHI", "IHI", "NIN",
    # social insurance, tax and identity numbers in more countries, met in session 26's probes:
    # Austria's VSNR, Spain's NAF and NUSS, India's UAN, Brazil's NIT and NIS and CNH and
    # RENAVAM, Nigeria's BVN, Australia's CRN, Belgium's RRN, Vietnam's BHXH and CCCD and
    # CMND, Ghana's SSNIT, Indonesia's NIK and KTP, Singapore's UIN, Colombia's NUIP
    "VSNR", "NAF", "NUSS", "UAN", "NIT", "NIS", "CNH", "RENAVAM", "BVN", "CRN", "RRN", "BHXH", "CCCD",
    "CMND", "SSNIT", "NIK", "KTP", "UIN", "NUIP",
    # Brazil's company number (a sole trader's names them: MEI), Chile's RUN, Colombia's
    # cédula (CC), Indonesia's NPWP, the Philippines' TIN (not PCN: a parking ticket's too),
    # Ukraine's taxpayer number (ІПН), Poland's and Indonesia's tax numbers (NIP)
    "CNPJ", "RUN", "CC", "NPWP", "TIN", "ІПН", "NIP",
    # a household's supply point: Britain's electricity and gas meter point numbers (MPAN,
    # MPRN), France's delivery point (PDL, PRM): a home's, so its people's
    "MPAN", "MPRN", "PDL", "PRM",
)  # fmt: skip
_ID_CUE_WORDS = (
    "personnummer", "personnr", "fødselsnummeret", "fødselsnummer", "fodselsnummer", "henkilötunnus", "henkilotunnus",
    "rodné číslo", "rodne cislo", "r. č.", "r.č.", "identifikationsnummer", "steuer-id", "steuerid",
    "steuernummer", "sozialversicherungsnummer", "codice fiscale", "sécurité sociale", "securite sociale",
    "t.c. kimlik", "kimlik", "social security", "national insurance", "aadhaar", "aadhar", "medicare",
    "passport", "national id", "burgerservicenummer", "sofinummer", "身份证", "マイナンバー", "주민등록번호",
    "matrikelnummer", "matricola", "studentnummer", "student number", "student id", "versichertennummer",
    "krankenversichertennummer", "verzekerdennummer", "carteirinha", "número de utente", "numero de utente",
    "personidentifikator", "rijksregisternummer", "health card", "member id", "member number", "個人番号",
    "被保険者番号", "医保卡号", "社会保障号",
    # the acronyms above that are no word in lower case either, as logs write them ("bsn 739201840"),
    # and an identity number named in English words
    "bsn", "cpf", "nif", "pesel", "cuit", "cuil", "ssn", "tckn", "nino", "nric", "hkid", "curp", "npwp", "cnpj",
    "kvnr", "svnr", "amka", "ppsn", "jmbg", "hetu", "dni", "identity number", "identification number",
    # a passport, an identity card and a driving licence in other languages, and Germany's
    # social insurance number ("паспорт 4510 123456", "Führerscheinnummer B072RRE2I55")
    "паспорт", "passeport", "pasaporte", "passaporto", "paszport", "dowodu", "dowód osobisty", "personalausweis",
    "ausweisnummer", "führerscheinnummer", "führerschein", "license number", "licence number", "driver license",
    "driver's license", "driving licence", "rijbewijs", "sv-nummer", "rentenversicherungsnummer",
    "cédula de ciudadanía", "cédula de identidad", "cédula", "cedula",
    # a tax number in French, Japan's basic pension number, the Arab world's "identity number"
    "numéro fiscal", "numero fiscal", "基礎年金番号", "رقم الهوية",
    # Belgium's national number, Saudi Arabia's residence permit, the identity numbers of
    # India (Aadhaar in Hindi), Egypt, Israel and Thailand in their own scripts
    "numéro national", "numéro de registre national", "iqama", "आधार", "الرقم القومي", "תעודת זהות", "ת.ז.",
    "เลขประจำตัวประชาชน",
    # a home's meter and supply point (see MPAN above)
    "meter point", "meter number", "meter id", "meter serial", "zählernummer", "zählpunkt", "numéro de compteur",
    "número de contador", "numero contatore", "meternummer",
)  # fmt: skip
_PHONE_CUE_WORDS = (
    "phone", "tel", "téléphone", "telephone", "tél", "mobile", "mob", "cell", "cellphone", "handy", "telefon",
    "telefono", "teléfono", "telefone", "telemóvel", "telemovel", "tlf", "móvil", "movil", "celular",
    "cellulare", "gsm", "puhelin", "tfn", "电话", "電話", "手机", "携帯", "전화",
    # Dutch, Polish, Russian, Vietnamese, Hindi, Arabic and Korean: "(SĐT 0912345678)",
    # "(मोबाइल 9876543210)", "رقم الجوال 0551234567", "телефон: 8 912 345-67-89"
    "telefoon", "mobiel", "komórka", "komórki", "телефон", "тел", "моб", "мобильный", "sđt", "điện thoại",
    "मोबाइल", "फ़ोन", "फोन", "الجوال", "جوال", "الهاتف", "هاتف", "휴대폰", "핸드폰", "携帯電話", "msisdn",
)  # fmt: skip
# what may stand between the word and the number: "No:", "-nummer", "de contacto", " is "
_CUE_LINKS = ("-nummer", "nummer", "-numero", "numero", "number", "no.", "no", "nr.", "nr", "n°", "nº", "#",
              "号码", "号")  # fmt: skip
_CUE_PHRASES = ("de contacto", "de contato", "di contatto", "de contact")
_CUE_VERBS = ("is", "est", "ist", "es", "é", "è")


def _alternation(words: tuple[str, ...], reverse: bool = False) -> str:
    ordered = sorted(words, key=len, reverse=True)  # the longest first: "telefono" before "tel"
    return "|".join(re.escape(w[::-1] if reverse else w).replace("\\ ", " ") for w in ordered)


# the gate (polars runs it over whole columns, could_find): a cue, perhaps its link ("号",
# "nummer": 手机号 13812345678), then a blank or a separator
_CUE_GATE = re.compile(
    r"(?:" + _alternation(_ID_CUE_ACRONYMS) + r"|(?i:" + _alternation(_ID_CUE_WORDS + _PHONE_CUE_WORDS) + r"))"
    r"(?i:" + _alternation(_CUE_LINKS) + r")?[ \t.:=#：-]"
)
# a key word, then key characters, then = or : (a colon before a digit is a file:line or
# a time, not a key: Foo.java:42, 10:00; but a quoted key's colon is a key's before
# anything: "lat":48.85 in compact JSON, and so is one before a decimal's point, Lat:52.37)
_KEY_WORD_BRANCH = (
    r"(?i:(?:" + _KEY_WORDS + r")[a-z0-9_.\-\[\]" + _UNI + r"]*"
    r"(?:\\?[\"'][ \t]*:|\\?[\"']?[ \t]*(?:=|：|:[^0-9]|:$|:[0-9]{1,3}\.)))"  # (and Go's {Lat:52.37022})
)
# An XML element whose tag holds a key word (_xml_elements): the key word first, no bounded
# repetition, and a part of its own in the batch path ("<[\w:-]{0,64}" before the key words,
# or in a part with nine other branches, made polars' regex engine 30-100 times slower)
_XML_BRANCH = r"(?i:" + _KEY_WORDS + r")[^<>\n]*>[^<>\n]+</"
# a name and a value in attributes (_xml_attributes): <param name="password" value="…"/> (a part
# of its own in the batch path: an alternative of _XML_BRANCH made the pass 5% slower)
_ATTRIBUTE_ROLE_BRANCH = r"(?:name|key)=[\"'][^\"'<>\n]+[\"'][ \t]+value="
# and with it, the roles before an id in prose (_phrases: courier au_cour_11842), apart from the
# other phrase words' branch (in its part of ten, they made polars' pass over it 2.2 times slower)
_ATTRIBUTE_ROLE_BRANCH += r"|(?i:(?:" + _ROLE_WHO + ")" + _PHRASE_GATE_TAIL + ")"
# URL-encoded text (a form body, a redirect_uri or a JSON object in a query string, an
# escaped cookie): a delimiter the detectors read, percent-encoded once or twice; find_spans
# reads such a text decoded as well (_decoded_spans). A part of its own in the batch path.
_ENCODED_BRANCH = r"%(?:25)?(?:2[267Cc]|3[AaBbDd]|5[Bb]|7[Bb])"  # (not %40 alone: e-mails read it as it is)
# a caller's quoted display name before their extension or number, as Asterisk and SIP write
# it: clid="Jane Doe" <1001> (_quoted_callers); with the encoded delimiters, one part
_QUOTED_CALLER_BRANCH = r"\" <\+?[0-9]{2,15}>"
# what game servers write of their players (_game_servers): Steam's ids, the Source engine's
# "Name<uid><[U:1:…]><team>", Minecraft's and BattlEye's join and chat lines
_GAME_BRANCH = (r"UUID of player |\] logged in with entity id | (?:joined|left) the game|INFO\]: <[A-Za-z0-9_]{3,16}> "
                r"| lost connection: |\[connected player\] |ZDOID from |Player #[0-9]|Player \"|STEAM_[0-5]:[01]:[0-9]"
                r"|\[U:1:[0-9]|7656119[0-9]{10}")
# the Windows Security log's account, workstation and display names as Event Viewer writes
# them in other languages, and the workstation and display names in English (_windows_names)
_WINDOWS_ACCOUNT_KEYS = ("Kontoname", "Nom du compte", "Nombre de cuenta", "Nome account", "Nome dell'account",
                         "Nome da conta", "Accountnaam", "Nazwa konta", "Kontonamn", "Kontonavn", "Tilin nimi",
                         "アカウント名", "帐户名", "帳戶名稱", "계정 이름")
_WINDOWS_HOST_KEYS = ("Workstation Name", "Arbeitsstationsname", "Nom de la station de travail",
                      "Nombre de estación de trabajo", "Nome workstation", "Nome da estação de trabalho",
                      "Werkstationnaam", "ワークステーション名")
_WINDOWS_DISPLAY_KEYS = ("Display Name", "Anzeigename", "Nom d'affichage", "Nombre para mostrar", "Nome visualizzato",
                         "Nome de exibição", "Weergavenaam", "表示名")
_WINDOWS_BRANCH = ("(?:" + "|".join(re.escape(k) for k in _WINDOWS_ACCOUNT_KEYS + _WINDOWS_HOST_KEYS
                                    + _WINDOWS_DISPLAY_KEYS) + r")(?: SAM)?[ \t]*[:：]")
# a DICOM data element of a person as dcmdump and pydicom print it: (0010,0010) PN [Müller^Anna]
_DICOM_BRANCH = r"\((?:0010|0008|0032|0040),[ ]?[0-9A-Fa-f]{4}\)"
# a name as HL7, DICOM and ASTM write it, family^given, in prose: "prior MRN 00431877
# (KOWALCZYK^ZOFIA)"; and an ASTM E1394 patient record (a laboratory analyser's "P|1||…")
_CARET_NAME_BRANCH = r"[A-ZÀ-Þ][A-ZÀ-Þ'-]+\^[A-ZÀ-Þ][A-ZÀ-Þ'-][A-ZÀ-Þ]|[A-ZÀ-Þ][a-zß-ÿ'’]+\^[A-ZÀ-Þ][a-zß-ÿ]"
_ASTM_BRANCH = r"(?:>|\x02|\n|^)[0-7]?P\|[0-9]{1,4}\|"
# a person's name after the word that says whose it is, in Japanese, Chinese and Korean
# (氏名 中村 美咲, 契約者: 鈴木 一郎, 收件人李雪梅, 성명 정수빈, 예약자=이지은, 名義 HIROSHI TANAKA):
# in their script, or in capitals as a card carries it (_cjk_names)
_CJK_CUES = (
    "氏名|お名前|名前|名義|契約者|被保険者|受取人|宛名|顧客名|会員名|患者名|担当者|申込者|利用者|購入者|依頼人|予約者|"
    "所有者|申請者|姓名|收件人|收货人|联系人|聯絡人|入住人|客户姓名|持卡人|申请人|投保人|被保险人|参保人|车主|車主|"
    "성명|이름|고객명|예약자|담당자|수신자|수령인|받는 ?분|보내는 ?분|신청자|가입자|명의자|예금주|환자명|소유자"
)
_CJK_CUE_BRANCH = r"(?:" + _CJK_CUES + r")[ \t]*[:：=]?[ \t　]*[가-힣\u4e00-\u9fffA-Z]"
# A payment platform's customer or connected account (Stripe's cus_OaB3rTq8Lm1xYz, acct_1OxYq2QmR7bT4sVz)
_VENDOR_PERSON_ID = re.compile(
    r"(?<![\w-])(?:cus|acct)_(?=[A-Za-z]*[0-9])(?=[a-z0-9]*[A-Z])[A-Za-z0-9]{12,32}(?![\w-])"
)
_VENDOR_BRANCH = r"(?:cus|acct)_[A-Za-z0-9]{12}"
# a Salesforce id of a contact, a lead or a user (_salesforce_people)
_SALESFORCE_BRANCH = r"(?:^|[^0-9A-Za-z_-])(?:003|00Q|005)[A-Za-z0-9]{12}"
# A person's id as applications prefix it: cust-88214077, CUST-5011882734, usr_tm_41729,
# ply_K2m8Lq0Wd, acc_90f1e2d3c4, player_4419203 (three digits or more in it; a service's or
# a pod's name, customer-svc-6c9f7b8d4-qx2kz, has a longer word after the prefix or more parts)
_PERSON_PREFIX_WORDS = ("cust", "customer", "cus", "usr", "user", "member", "mbr", "ply", "player", "acc", "acct", "account",
                        "emp", "employee", "pax", "guest", "rider", "student", "stu", "learner", "subscriber", "buyer",
                        "shopper", "client", "kunde", "cliente")
# (in lower case, title case and capitals spelt out: "(?i:" made the search several times slower)
_PERSON_PREFIXES = "(?:" + "|".join(sorted({f(w) for w in _PERSON_PREFIX_WORDS for f in (str.lower, str.title, str.upper)},
                                          key=lambda w: (-len(w), w))) + ")"
_PREFIXED_PERSON_ID = re.compile(
    r"(?<![\w.@-])" + _PERSON_PREFIXES + r"[_-](?:[A-Za-z]{1,2}[_-])?(?P<t>[A-Za-z0-9]{4,40})(?![\w-]|\.\w)"
)
_PREFIXED_BRANCH = (_PERSON_PREFIXES + r"[_-](?:[A-Za-z]{1,2}[_-])?[A-Za-z0-9]*[0-9][A-Za-z0-9]*[0-9][A-Za-z0-9]*[0-9]")
_VENDOR_BRANCH += "|" + _PREFIXED_BRANCH  # (with the small shapes: a gate bit of its own made polars' regex
# cache, which holds 32 patterns, overflow; recompiling the name lists for each column doubled the gates' time)


def _prefixed_person_id(m: re.Match[str] | None) -> bool:
    return m is not None and sum(c.isdigit() for c in m.group("t")) >= 3
# an ASC X12 transaction's person (healthcare claims, eligibility, enrolment: 837, 270/271, 834,
# 835): NM1 with entity type 1, a person, and its date of birth (DMG*D8*)
_X12_BRANCH = r"NM1\*[A-Z0-9]{2,3}\*1\*|DMG\*D8\*|PER\*[A-Z]{2}\*[^*~]|NAD\+|COM\+|DTM\+329:|DOC\+"
# (and UN/EDIFACT's segments about a person, _edifact_segments; SWIFT's parties, MT940's
# counterparties and NACHA's entries, _bank_files)
_X12_BRANCH += r"|\?3[23]|(?:^|[\s'\"])6[0-9]{12}"
# a vehicle's registration after the word that names it ("targa FG 123 HK", "Kennzeichen
# M-AB 1234", "veículo AA-12-BB", vehicle: "KA-01-AB-1234"), and a card's security code after
# its word ("cvv 719")
_ONE_RUN_PLATE_WORDS = (r"(?i:targa|kennzeichen|kenteken|license plate|licence plate|number plate|plate|placa|"
                         r"immatriculation|plaka|vrm|regn_no|registration number|registrationnumber)")
_PLATE_WORDS = (r"(?i:targa|kennzeichen|kenteken|license plate|licence plate|number plate|plate|matr[ií]cula|placa|"
                r"immatriculation|rejestracja|rekisterinumero|registreringsnummer|ve[ií]culo|veh[ií]culo|vehicle|plaka)")
_PLATE_BRANCH = (_PLATE_WORDS + r"\\?[\"']?[ \t]*[:=]?[ \t]*\\?[\"']?[A-Z0-9]{1,4}[- ][A-Z0-9]|"
                 # a vehicle identification number after its word (VIN 1HGCM82633A004352)
                 r"VIN[ \t]*[:=#]?[ \t]*[\"']?[A-HJ-NPR-Z0-9]{17}|"
                 # a plate written in one run after a plate's own word (plate 8KMZ214, placa BRA2E19)
                 + _ONE_RUN_PLATE_WORDS + r"[ \t]*[:=]?[ \t]*[\"']?[A-Z0-9]{5}|"
                 r"(?i:cvv2?|cvc2?|csc)[ \t]*[:=]?[ \t]*[0-9]{3}")
# Go's %+v of a struct: two fields, Name:value Name: (&{ID:7731 Username:jdoe …})
_GO_STRUCT_BRANCH = r"\{[A-Z][A-Za-z0-9]*:[^ {}]+ [A-Z][A-Za-z0-9]*:"
# a document named after a person (umowa_Kowalczyk_Anna.pdf, statement_2024-02_Olsen_Mette.pdf)
_FILE_EXTENSIONS = r"(?:pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|csv|txt|jpe?g|JPE?G|png|PNG|heic|zip|odt|rtf|msg|eml|p7m)"
_FILE_NAME_BRANCH = r"[a-zß-ÿ][_-][A-ZÀ-Þ][a-zß-ÿā-ž]+\." + _FILE_EXTENSIONS
# a crypto-currency address (Ethereum's 0x and forty hex digits, Base58Check, Bech32) and a
# vehicle identification number (_wallets_and_vins)
# (boundaries spelt out rather than \b: the same time in polars, 0.04 s over 314,514 strings)
_WALLET_BRANCH = (r"0x[0-9a-fA-F]{40}|(?:bc|tb|ltc)1[02-9ac-hj-np-z]{8}|"
                  r"(?:^|[^0-9A-Za-z])[13LMT][1-9A-HJ-NP-Za-km-z]{25,34}(?:[^0-9A-Za-z]|$)|"
                  r"(?:^|[^0-9A-Za-z])[A-HJ-NPR-Z0-9]{14}[0-9]{3}(?:[^0-9A-Za-z]|$)|"
                  # a UK driving licence number, a licence after "DL" (_driving_licences)
                  r"[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z]{2}|DL(?:#|:)? ")
# A card's expiry date after its word (_card_expiry), and a text about one-time codes
# (_one_time_codes)
_EXPIRY_WORDS = (r"(?i:exp(?:iry|iration|ires)?(?:[ _-]?(?:date|month|my|mmyy))?|valid(?: thru| until| to)|"
                 r"caducidad|vencimiento|validade|validit[eé]|ablauf(?:datum)?|g[uü]ltig bis|scadenza|"
                 r"date d'expiration|verval(?:datum)?|有効期限|有效期)")
_EXPIRY_BRANCH = (_EXPIRY_WORDS + r"\\?[\"']?[ \t]?[=:]?[ \t]?\\?[\"']?(?:0[1-9]|1[0-2]) ?/ ?(?:20)?[0-9]{2}|"
                  r"(?i:caducidad|exp(?:iry)?_?(?:date|yymm|mmyy)?)\\?[\"']?[=:]\\?[\"']?[0-9]{4}(?:[^0-9]|$)")
_OTP_WORDS = ("otp", "one-time", "one time", "passcode", "verif", "2fa", "mfa", "totp", "bestätigung", "einmal",
              "sms code", "login code", "sign-in code", "security code", "reset code", "reset-password",
              "reset_password", "reset password", "password reset code", "código de acceso", "código de verificación",
              "code de vérification", "codice di verifica", "kod weryfik", "kod sms", "kod odbioru", "認証", "验证", "인증",
              "your code", "ihr code", "votre code", "tu código", "seu código", "il tuo codice", "twój kod", "uw code",
              "your pin", "ihre pin", "votre pin")
_OTP_BRANCH = r"(?:^|[^0-9A-Za-z])(?i:2fa|mfa)(?:[^0-9A-Za-z]|$)|(?i:otp|one.time|passcode|verif|totp|best[aä]tigung|einmal|sms code|" \
              r"login code|sign-in code|security code|reset.?code|reset.password|c[oó]digo de (?:acceso|verificaci[oó]n)|code de v[eé]rification|codice di verifica|" \
              r"kod (?:weryfik|sms|odbioru)|(?:your|ihre?|votre|tu|seu|il tuo|tw[oó]j|uw) (?:code|c[oó]digo|codice|kod|pin))|認証|验证|인증"
# A device named after its owner (_device_names): a kind of device and a name, or a name and -PC
_DEVICE_KINDS = (r"(?:[Ll]aptop|LAPTOP|[Dd]esktop|DESKTOP|[Nn]otebook|NOTEBOOK|NB|PC|LT|LPT|WKS|[Tt]hink[Pp]ad|THINKPAD|"
                 r"[Mm]ac[Bb]ook(?:-?(?:[Pp]ro|[Aa]ir))?|MBP|MBA|i[Mm]ac|i[Pp]hone|IPHONE|i[Pp]ad|IPAD|[Gg]alaxy|"
                 r"[Pp]ixel|[Ss]urface|[Aa]ndroid|XPS|[Ee]lite[Bb]ook|[Ll]atitude|[Pp]hone|[Tt]ablet)")
_DEVICE_BRANCH = _DEVICE_KINDS + r"[-_][A-Za-z0-9]|-(?:PC|LAPTOP|MBP|MAC)(?:[^A-Za-z0-9-]|$)"
_SMALL_PARTS = (_ENCODED_BRANCH, _QUOTED_CALLER_BRANCH, _GAME_BRANCH, _WINDOWS_BRANCH, _DICOM_BRANCH,
                _CARET_NAME_BRANCH, _ASTM_BRANCH, _CJK_CUE_BRANCH, _VENDOR_BRANCH, _OTP_BRANCH,
                _X12_BRANCH, _FILE_NAME_BRANCH, _GO_STRUCT_BRANCH, _PLATE_BRANCH, _WALLET_BRANCH,
                _EXPIRY_BRANCH, _DEVICE_BRANCH, _SALESFORCE_BRANCH)
_SMALL_BRANCHES = "|".join(_SMALL_PARTS)
# The same in two parts for polars, ORed: as one alternation its engine outgrew its DFA cache
# (session 28: 9.8 s over 314,514 distinct strings of the ingest benchmark's events, against
# 0.09 + 0.06 s for these two parts; the caret names' branch beside the ones after it was what
# blew it up: 8.3 s for the last nine branches together). Each part alone is checked in a test.
# (Session 29: the one-time codes' branch went in the first part, the expiry's, the devices' and
# Salesforce's in the second, 0.29 + 0.42 s over 1,012,605 strings against 0.24 + 0.17 before;
# the devices' branch in the first part, Salesforce's beside the vendors' ids, or the expiry's and
# the one-time codes' together, took over 20 s.)
SMALL_PATTERNS: tuple[str, ...] = ("|".join(_SMALL_PARTS[:10]), "|".join(_SMALL_PARTS[10:]))
# Names in other scripts (_script_names). The families that start most Chinese names (the
# hundred most frequent, simplified and traditional) and Korean ones (the thirty most
# frequent): a Han or Hangul name is taken only after one of them, and after a word that says
# it is a person's (用户 陈伟, 사용자 김민준 (…)) or under a key that does (buyer: 王芳).
_HAN_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                 "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                 "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯")
# the hundred most frequent Japanese family names: a family and a given name with a space
# between them (佐藤 健) is taken after one of them only ("用户 登录 失败" is no name)
_JP_SURNAMES = "|".join((
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "渡邊", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
    "松本", "井上", "木村", "斎藤", "斉藤", "清水", "山崎", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井",
    "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "福田", "太田", "西村",
    "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川", "松田", "竹内", "小野", "田村", "中山", "和田",
    "石田", "森田", "上田", "柴田", "酒井", "工藤", "横山", "宮崎", "宮本", "内田", "高木", "安藤", "島田", "谷口",
    "大野", "高田", "丸山", "今井", "河野", "藤本", "村田", "武田", "上野", "杉山", "増田", "小山", "大塚", "平野",
    "菅原", "久保", "松井", "千葉", "岩崎", "桜井", "木下", "野口", "松尾", "菊地", "野村", "新井", "渡部", "森", "林",
))
_HANGUL_SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노"
_CYR_WORD = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)?"
_GREEK_WORD = r"[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]+"
# a whole name in one of these scripts: two or three Cyrillic or Greek words, a Chinese family
# and one or two given characters, a Japanese family and given name with a space, a Korean
# name, two Arabic or Devanagari words
_SCRIPT_NAME = (
    _CYR_WORD + r"(?: " + _CYR_WORD + r"){1,2}|" + _GREEK_WORD + r"(?: " + _GREEK_WORD + r"){1,2}"
    r"|[" + _HAN_SURNAMES + r"][\u4e00-\u9fff]{1,2}|(?:" + _JP_SURNAMES + r"|[" + _HAN_SURNAMES + r"])"
    r"[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3}"
    r"|[" + _HANGUL_SURNAMES + r"][가-힣]{1,3}"
    r"|[\u0621-\u0652]{2,}(?: [\u0621-\u0652]{2,}){1,2}|[\u0900-\u0963]{2,}(?: [\u0900-\u0963]{2,}){1,2}"
)
# The words before a person's name in prose in these scripts and in Vietnamese: a customer, a
# payer, a recipient, a user, a driver, a courier, a subscriber, a patient, an employee
_SCRIPT_CUES = (
    r"[Кк]лиент(?:а|у|ом)?|[Пп]лательщик(?:а|у)?|[Пп]олучател[ьяю]|[Пп]ользовател[ьяю]|[Вв]одител[ьяю]|"
    r"[Кк]урьер(?:а|у)?|[Аа]бонент(?:а|у)?|[Пп]ациент(?:а|у)?|[Сс]отрудник(?:а|у)?|ФИО|"
    r"للعميل|العميل|للمستخدم|المستخدم|السائق|للسائق|الزبون|للزبون|المريض|للمريض|"
    r"ग्राहक|उपयोगकर्ता|ड्राइवर|मरीज़|मरीज|"
    r"사용자|고객|회원|기사님|기사|환자|"
    r"[Kk]hách hàng|[Tt]ài xế|[Nn]gười dùng|[Bb]ệnh nhân|[Nn]gười nhận|"
    # Ukrainian (a recipient, a client, a user), Arabic (a name, an owner, a beneficiary),
    # Hebrew (for, a customer, to the recipient) and Thai (a name, a recipient)
    r"[Оо]тримувач(?:а|у)?|[Кк]лієнт(?:а|у|ом)?|[Кк]ористувач(?:а|у)?|"
    r"الاسم|المالك|المستفيد|עבור|לקוח|הלקוח|לנמען|ชื่อ|ผู้รับ"
)
# (the Han and kana ones apart: a word before them is no boundary, 由用户 陈伟 启动)
_HAN_CUES = r"用户|用戶|ユーザー|ユーザ|客户|客戶|顾客|顧客|买家|買家|会员|會員|司机|司機|乘客|ドライバー|患者"
# Russian (and Ukrainian) patronymics, which only a person's full name holds (Иванов Сергей
# Петрович), and the Vietnamese family names written with their marks (Nguyễn Văn An)
_PATRONYMIC_ENDS = ("вич", "вна", "ична", "ьич", "івна", "ївна")
_VIET_SURNAMES = ("Nguyễn", "Trần", "Phạm", "Huỳnh", "Võ", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh",
                  "Trịnh", "Lê", "Hoàng", "Lý")  # fmt: skip
# An account and a password in prose in other languages (_accounts_in_prose): PostgreSQL's,
# MySQL's and the applications' own translated messages ('lösenordsautentisering misslyckades
# för användare "karin.lund"', "Benutzer sabine.keller konnte nicht angemeldet werden,
# Passwort "Sommer#2024" abgelehnt", "(mot de passe: Pain2024!Frais)")
_ACCOUNT_WORDS_OTHER = (
    "benutzer", "usuario", "usuário", "utilizador", "utilisateur", "utente", "användare", "gebruiker", "użytkownik", "kullanıcı",
    "пользовател", "用户", "用戶", "ユーザ", "사용자", "identifiant",
)  # fmt: skip
_PASSWORD_WORDS_OTHER = (
    "passwort", "kennwort", "mot de passe", "contraseña", "contrasena", "senha", "wachtwoord", "hasło", "haslo",
    "lösenord", "salasana", "heslo", "şifre", "пароль", "パスワード", "密码", "密碼", "비밀번호",
    'password \\"', "password \\'", 'passwd \\"', "passwd \\'",
)  # fmt: skip
# A customer's, a member's, a patient's or an employee's number after its word in other
# languages (_customer_numbers): "klantnummer KL-0048812", "client n° CLI-004821", "ID klienta:
# 558210", "会員番号 M0048213", "matrícula 000487"
_CUSTOMER_NUMBER_WORDS = (
    "klantnummer", "klantnr", "kundennummer", "kundennr", "kundnummer", "kundnr", "asiakasnumero", "numéro client",
    "numéro de client", "n° client", "client n°", "client nº", "número de cliente", "numero de cliente",
    "numero cliente", "nº cliente", "n° cliente", "numer klienta", "nr klienta", "id klienta", "müşteri no",
    "müşteri numarası", "会員id", "会員番号", "顧客番号", "客户号", "客户编号", "고객번호", "회원번호", "patiëntnummer",
    "patiëntnr", "patientennummer", "personalnummer", "personeelsnummer", "matrícula", "mitgliedsnummer",
    "lidnummer", "vers.-nr", "versichertennr", "polisnummer", "policennummer",
    "mitglied nr", "mitglieds-nr", "adhérent n°", "adhérent nº", "numéro d'adhérent", "socio n°", "socio nº",
    "número de socio", "numero de socio", "numero socio", "lidnr",
    # an access badge's number (a door controller's, a time clock's): its holder's
    "badge", "badgenummer", "kartennummer", "ausweisnummer", "ausweis-nr", "crachá", "numéro de badge",
    "pasnummer",
)  # fmt: skip
_CUSTOMER_NUMBER_GATE = "(?i:" + "|".join(re.escape(w).replace("\\ ", " ") for w in _CUSTOMER_NUMBER_WORDS) + ")"
_PROSE_ACCOUNT_GATE = "(?i:" + "|".join(re.escape(w).replace("\\ ", " ") for w in
                                         _ACCOUNT_WORDS_OTHER + _PASSWORD_WORDS_OTHER) + ")"
_SCRIPT_GATE = (_CUSTOMER_NUMBER_GATE + "|" + "|".join(_PATRONYMIC_ENDS) + "|" + _SCRIPT_CUES + "|" + _HAN_CUES + "|(?:" + "|".join(_VIET_SURNAMES) + ") [A-ZÀ-ÞĀ-Ž]")
# the shapes added for other languages: one part of their own in the batch path
_OTHER_SHAPES = (_NAME_CUES_OTHER + r":? [A-ZÀ-Þ]|" + _CUE_GATE.pattern + r"|〒|様|さま|殿|東京都|北海道|京都府|大阪府|県|"
                 + _OTHER_NAME_KEYS + r"\\?[\"'\]]?[ \t]{0,3}[=:]|S-1-5-21-|" + _PROSE_ACCOUNT_GATE + "|" + _SCRIPT_GATE)
# Names from the word lists of given names and surnames (features.privacy.gazetteer), with
# no cue before them: "declined for Hannah Schmid", "PRIYA SHARMA", "Müller, Sabine",
# "J. de Vries", and logins built from them ("yuki.sato", "a.benali", "kwame-asante").
# Five gate patterns, in the syntax Python and polars share: a given name, a space (or a
# query string's + or %20, or a row's next field), perhaps a particle, and a surname; a
# surname, a comma (or a row's next field) and a given name; a surname in capitals and a
# given name; an initial and a surname; and a separator before a surname in lower case that
# no letter follows. Every name and login the detector takes holds one of them.
_GIVEN_FORMS = word_pattern(written_forms(GIVEN_NAMES))
_GIVEN_TITLED = word_pattern(written_forms(GIVEN_NAMES, capitals=False))
_SURNAME_FORMS = word_pattern(written_forms(SURNAMES))
# after a given name (and before one, with a comma), also the surnames that are common words
_SURNAME_WIDE = word_pattern(written_forms(SURNAMES | COMMON_WORD_SURNAMES))
_SURNAME_CAPS = word_pattern(frozenset(s.upper() for s in SURNAMES))
_PARTICLE_FORMS = word_pattern(NAME_PARTICLES | written_forms(frozenset(p for p in NAME_PARTICLES if len(p) > 1),
                                                               capitals=False))
_LOGIN_SURNAMES = word_pattern(frozenset(s for s in SURNAMES if len(s) >= 4))
_NAME_SPACE = r"(?: |\+|%20)"  # (and in a query string: Emil+Huber, Emil%20Huber)
_CSV_SEP = "[\"']?[,;][\"']?"  # a row's next field: "Jürgen","Hoffmann" or "Kaya";"Deniz"
_NAME_GATE_PARTS = (
    # (or a listed given name and any title-cased word: _GIVEN_THEN_WORD)
    "(?:" + _GIVEN_FORMS + ")(?:(?:" + _NAME_SPACE + "(?:(?:" + _PARTICLE_FORMS + ")" + _NAME_SPACE + ")?|" + _CSV_SEP
    + ")(?:" + _SURNAME_WIDE + ")| [A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]{2})",
    # (a listed surname and any capital after the comma, or any word before a listed given
    # name: _SURNAME_COMMA_GIVEN; a listed surname and given name in a row's fields: _NAME_FIELDS)
    "(?:" + _SURNAME_WIDE + ")(?:, |" + _CSV_SEP + ")[A-ZÀ-ÞĀ-Ž]|[A-Za-zß-ÿā-žÀ-ÞĀ-Ž'’]{2}, (?:" + _GIVEN_FORMS + ")",
    "(?:" + _SURNAME_CAPS + ") (?:" + _GIVEN_TITLED + ")",
    # (or any title-cased word before the surname: _WORD_THEN_SURNAME)
    "(?:[A-Z]\\.|[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]{2,20}) (?:(?:" + _PARTICLE_FORMS + ") )?(?:" + _SURNAME_FORMS + ")",
)
# (what may follow a login, as the detector says: not an e-mail's "@", not a domain's next
# label; e-mail addresses were two thirds of what the gate let through before)
_LOGIN_END = "[0-9]{0,4}(?:[^A-Za-z0-9@.%-]|[.-](?:[^A-Za-z]|$)|%(?:[^4]|4[^0]|4?$)|$)"  # (%40: an encoded "@")
_LOGIN_GATE_PATTERN = "[._-](?:" + _LOGIN_SURNAMES + ")" + _LOGIN_END
# A login with no separator, an initial and a surname of five letters or more, in lower case
# or in capitals as SAP and mainframes write them (jkowalski, MROSSI; not atomic = a + tomic:
# gazetteer.JOINED_WORDS); and an airline's or a card's SURNAME/GIVEN, the surname or the given
# name listed (KOWALCZYK/AGNIESZKA MRS, GARCIA LOPEZ/ALEJANDRO)
_JOINED_SURNAMES = frozenset(s for s in SURNAMES if len(s) >= 5 and s != "caron")  # (zcaron: a glyph's name)
_JOINED_LOWER = word_pattern(_JOINED_SURNAMES)
_JOINED_CAPS = word_pattern(frozenset(s.upper() for s in _JOINED_SURNAMES))
_JOINED_GATE_PATTERN = ("(?:^|[^A-Za-z0-9_.@/-])(?:[a-z](?:" + _JOINED_LOWER + ")|[A-Z](?:" + _JOINED_CAPS + "))"
                        "[0-9]{0,4}(?:[^A-Za-z0-9_@.%-]|[.-](?:[^A-Za-z0-9_]|$)|%(?:[^4]|4[^0]|4?$)|$)")
_SURNAME_CAPS_SET = frozenset(s.upper() for s in SURNAMES)
_GIVEN_CAPS_SET = frozenset(g.upper() for g in GIVEN_NAMES)
_SLASH_GATE_PATTERN = "(?:" + _SURNAME_CAPS + ")/|/(?:" + word_pattern(_GIVEN_CAPS_SET) + ")"
# (in parts: as one alternation, polars' engine outgrew its DFA cache and took 30 s over
# 120,000 simulator strings where the five parts take 0.3 s together)
# (seven parts in five patterns: polars' regex cache holds 32, and the gates use all but a few
# of them; the initial form with the capitals' form, and the joined logins with the slash
# names, cost as one what they cost apart, measured over the simulator's 152,000 strings)
NAME_GATE_PATTERNS: tuple[str, ...] = (
    _NAME_GATE_PARTS[0], _NAME_GATE_PARTS[1], _NAME_GATE_PARTS[2] + "|" + _NAME_GATE_PARTS[3], _LOGIN_GATE_PATTERN,
    _JOINED_GATE_PATTERN + "|" + _SLASH_GATE_PATTERN,
)
# The names of the wider lists (gazetteer.MORE_GIVEN_NAMES, MORE_SURNAMES) are in the name
# sequences (_NAME_SEQUENCES) but not in the gate's prefix trees, which they would double in
# size (polars' engine then outgrew its cache: each name pattern took 25 times longer). The gate looks
# them up instead: a text passes when one of its runs of Latin letters (NAME_TOKEN_PATTERN, the
# same letters in both engines) is in NAME_TOKENS, the names as they are written (Koivisto,
# KOIVISTO; of Anna-Liisa its Liisa). Every listed name that a sequence takes is written so
# in the text, its runs whole, so the gate passes it.
NAME_TOKEN_PATTERN = "[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]{2,}"
_NAME_TOKEN = re.compile(NAME_TOKEN_PATTERN)
NAME_TOKENS: frozenset[str] = frozenset(  # (of a compound, its longest run: the text holds them all)
    max(_NAME_TOKEN.findall(w), key=len) for w in written_forms(MORE_GIVEN_NAMES | MORE_SURNAMES)
)
# The prefix trees of the name sequences: both lists
_SEQ_GIVEN_FORMS = word_pattern(written_forms(GIVEN_NAMES | MORE_GIVEN_NAMES))
_SEQ_GIVEN_TITLED = word_pattern(written_forms(GIVEN_NAMES | MORE_GIVEN_NAMES, capitals=False))
_SEQ_SURNAME_FORMS = word_pattern(written_forms(SURNAMES | MORE_SURNAMES))
_SEQ_SURNAME_WIDE = word_pattern(written_forms(SURNAMES | MORE_SURNAMES | COMMON_WORD_SURNAMES))
_SEQ_SURNAME_CAPS = word_pattern(frozenset(s.upper() for s in SURNAMES | MORE_SURNAMES))
HINT_PATTERN = "|".join(_SHAPE_BRANCHES + (_XML_BRANCH, _ATTRIBUTE_ROLE_BRANCH, _SMALL_BRANCHES, _OTHER_SHAPES,
                                            PERSON_OBJECT_GATE, _KEY_WORD_BRANCH, *NAME_GATE_PATTERNS))
# (compiled without the name patterns, which _names_gate answers: Python took 0.5 s to compile
# them into this one)
_HINT = re.compile("|".join(_SHAPE_BRANCHES + (_XML_BRANCH, _ATTRIBUTE_ROLE_BRANCH, _SMALL_BRANCHES, _OTHER_SHAPES,
                                               PERSON_OBJECT_GATE, _KEY_WORD_BRANCH)))
# The shapes, and the Windows Security log's "Account Name:" (the login detector's only
# branch that the shapes above do not announce).
SHAPE_PATTERN = "|".join(_SHAPE_BRANCHES + (r"(?i:account name):", _XML_BRANCH, _ATTRIBUTE_ROLE_BRANCH, _SMALL_BRANCHES,
                                             _OTHER_SHAPES))
_SHAPES = re.compile(SHAPE_PATTERN)


def _in_parts(branches: tuple[str, ...], size: int = 10) -> tuple[str, ...]:
    return tuple("|".join(branches[i:i + size]) for i in range(0, len(branches), size))


# The same two patterns as alternations of at most ten branches each, which the batch path
# runs one by one over a column and ORs: as one alternation, polars' (Rust) regex engine
# outgrew its DFA cache and slowed several-fold (session 8: 1.04 s for SHAPE_PATTERN over
# 307,353 distinct simulator strings, 0.24 s in three parts; HINT_PATTERN 6.2 s).
# (The down-level logon name, DOMAIN\user, is in the first branch, not with the login forms
# in the third part: beside that part's other branches the engine took 2.0 s over the
# simulator's 880,000 distinct strings, where the third part without it takes 0.4 s and the
# first 0.12 s more with it.)
SHAPE_PATTERNS = _in_parts(_SHAPE_BRANCHES + (r"(?i:account name):",)) + (_XML_BRANCH, _ATTRIBUTE_ROLE_BRANCH,
                                                                           _SMALL_BRANCHES, _OTHER_SHAPES)
HINT_PATTERNS = _in_parts(_SHAPE_BRANCHES) + (_XML_BRANCH, _ATTRIBUTE_ROLE_BRANCH, _SMALL_BRANCHES, _OTHER_SHAPES,
                                              PERSON_OBJECT_GATE, _KEY_WORD_BRANCH, *NAME_GATE_PATTERNS)


def has_hint(text: str) -> bool:
    """Whether any detector could fire on ``text`` (False means it is clean).

    Examples
    --------
    >>> has_hint("connection reset by peer after 30s"), has_hint("mail me: a@b.io")
    (False, True)
    """
    return _HINT.search(text) is not None or _names_gate(text)


# --- patterns --------------------------------------------------------------------

_OCT = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# (after an ellipsis too: strongSwan's "between 10.0.0.1[gw]...92.40.183.6[peer]")
_IPV4 = re.compile(rf"(?:(?<![\w.])|(?<=[^.]\.\.\.))(?:{_OCT}\.){{3}}{_OCT}(?!\.?[0-9]|[A-Za-z_]|-[A-Za-z0-9])")
_VERSION_CTX = re.compile(
    r"(?i)(?:\bv|version|ver|release|build|firmware|fw|rev|revision|sdk)\s*[:=]?\s*[\"']?$"
    r"|[A-Za-z][\w.-]*/$"
)
# ... except a path segment that names an address: a lookup API's /v2/ip/84.22.101.7,
# /json/…, /geoip/…, /hosts/…
_ADDRESS_SEGMENT = re.compile(
    r"(?i)/(?:ip|ips|ipv4|ip[_-]?addr(?:ess)?|addr|address(?:es)?|host|hosts|client|clients|lookup|geo|geoip|"
    r"json|whois|reputation|blocklist|blacklist|allowlist|whitelist|ban|bans|peer|peers|source|src|"
    r"remote|origin|query|check|intel|indicator|indicators|observable)/$"
)
# A version after the name of a product (an interpreter, a framework, a browser, an OS, a
# server: "Rails 7.1.3.2", "Chrome 124.0.6367.91"), or a gem's in a Ruby backtrace
# ("activerecord (7.1.3.4) lib/active_record/…"): a dotted quad there is no address
_PRODUCT_BEFORE = re.compile(
    r"(?i)(?<![\w.-])(?:rails|ruby|jruby|python|pypy|node(?:\.?js)?|php|perl|java|jdk|jre|openjdk|"
    r"kotlin|scala|golang|rustc|dotnet|\.net|\.net core|\.net framework|asp\.net|mono|erlang|elixir|"
    r"chrome|chromium|firefox|safari|edge|opera|webkit|electron|windows|windows nt|android|ios|ipados|"
    r"macos|mac os x|os x|darwin|django|laravel|spring boot|terraform|gradle|maven|npm|openssl|openssh)"
    r"[ \t]+(?:v|version )?$"
)
_GEM_VERSION = re.compile(r"[a-z][\w-]* \($")
_PREFIX = re.compile(r"/([0-9]{1,3})(?![0-9])")
_IPV6 = re.compile(
    r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}::?[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:.]{3,45}"
    r"(?:%[\w.-]{1,15})?(?![\w:])"
)
_MAC = re.compile(
    # netfilter's MAC= (iptables, UFW): the link-layer header, destination, source and
    # EtherType, 14 groups on Ethernet
    r"(?<=MAC=)[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5,31}(?![\w:])|"
    r"(?<![\w.-])(?<![0-9A-Fa-f]:)[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"(?![\w-]|:[0-9A-Fa-f])"
    r"|(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])"
)
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w-])")
# an address's domain may also end before "-<digits>": MySQL's duplicate entry for a unique key
# of several columns joins them with "-" ('ana@example.net-1' for key 'EMAIL_WEBSITE_ID')
# The suffixes of systemd's unit types (no top-level domain): "getty@tty1.service" and
# "postgresql@15-main.service" name a template unit and its instance, not an address
_SYSTEMD_UNITS = (".service", ".socket", ".timer", ".mount", ".automount", ".target", ".slice",
                  ".scope", ".path", ".swap", ".device", ".journal")  # (and journald's files: system@…-….journal)
_EMAIL_DOMAIN = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?!\w|-(?![0-9]+(?![\w.@-])))")
# (a password may hold a "#" that nobody percent-encoded: postgres://app:N7v!q#LmZ@db:5432)
_URL_CRED = re.compile(
    r"//(?P<user>[^\s/:@?#\"']{0,128}):(?P<pw>[^\s/@?\"']{1,256})@"
)
_CARD = re.compile(r"(?<![\w.+-])[0-9](?:[ -]?[0-9]){11,18}(?![\w-]|\.[0-9])")
# (after a letter or digit only in MT940's field 86, whose subfield ?31 holds the IBAN)
_IBAN = re.compile(r"(?:(?<![A-Za-z0-9])|(?<=\?3[01]))[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,32}")
_SSN = re.compile(r"(?<![\w-])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![\w-])")
# National identity numbers other than the US SSN (_national_ids). Those of digits are read
# in the windows around runs of digits, the others where _IBAN_GATE passes (two capitals
# and two digits).
_NATIONAL_DIGITS = re.compile(
    r"(?<![\w.-])(?P<cpf>[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2})(?![\w-]|\.[0-9])"
    r"|(?<![\w-])(?P<dni>[0-9XYZ][0-9]{7}-?[A-Z])(?![\w-])"
    r"|(?<![\w-])(?<![0-9] )(?P<nir>[12] [0-9]{2} [0-9]{2} [0-9][0-9AB] [0-9]{3} [0-9]{3} [0-9]{2})(?![\w-]| [0-9])"
    r"|(?<![\w.+-])(?<![0-9][ -])(?P<aadhaar>[2-9][0-9]{3}(?P<sep>[ -])[0-9]{4}(?P=sep)[0-9]{4})(?![\w-]|[ -][0-9])"
    # China's resident identity number: region, date of birth, sequence, check character
    r"|(?<![\w.-])(?P<cnid>[1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[0-3][0-9][0-9]{3}[0-9Xx])(?![\w-])"
    r"|(?<![\w-])(?P<nric>[STFG][0-9]{7}[A-Z])(?![\w-])"  # Singapore's NRIC and FIN
)
_NATIONAL_LETTERS = re.compile(
    r"(?<![\w-])(?P<nino>[A-Z]{2}(?P<sp> ?)[0-9]{2}(?P=sp)[0-9]{2}(?P=sp)[0-9]{2}(?P=sp)[A-D])(?![\w-])"
    r"|(?<![\w-])(?P<cf>[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z])(?![\w-])"
)
_NATIONAL_CHECKS = {
    "cpf": is_cpf_valid, "dni": is_dni_valid, "nir": is_nir_valid, "aadhaar": is_aadhaar_valid,
    "cnid": is_cn_resident_id_valid,
    "nino": is_nino_valid, "cf": is_codice_fiscale_valid, "nric": is_nric_valid,
}  # fmt: skip
_PHONES = (
    re.compile(
        r"(?<![\w+])\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?)(?:[ .-]?[0-9]{2,5}){1,5}"
        r"(?![\w]|[.:][0-9])"
    ),
    re.compile(
        r"(?<![\w+./-])(?:1[ .-])?(?:\([2-9][0-9]{2}\)[ .-]?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-]"
        r"[0-9]{4}(?![\w-]|[.:][0-9])"
    ),
    re.compile(r"(?<![\w+.:/-])0[1-9][0-9]{1,3}(?:[ -][0-9]{3,8}){1,2}(?![\w-]|[.:][0-9])"),
    re.compile(r"(?<![\w+.:/-])0[1-9](?:[ .-][0-9]{2}){4}(?![\w-]|[.:][0-9])"),
    # Brazil's national format: the area code in brackets, 8 digits or a mobile's 9
    re.compile(r"(?<![\w+.-])\([1-9][0-9]\) ?9?[0-9]{4}-[0-9]{4}(?![\w-]|[.:][0-9])"),
    # a trunk 0 and pairs at the end: Turkey's 0532 123 45 67, Sweden's 070-555 12 34
    re.compile(r"(?<![\w+.:/-])0[1-9][0-9]{1,3}[ -][0-9]{2,3}(?: [0-9]{2}){2,3}(?![\w-]|[.:][0-9])"),
    # the international prefix written 00 instead of +: 0048 601 234 567
    re.compile(r"(?<![\w+.:/-])00[1-9][0-9]{0,2}(?:[ .-][0-9]{2,5}){3,5}(?![\w]|[.:][0-9])"),
    # the Netherlands' mobile numbers: 06-12345678
    re.compile(r"(?<![\w+.:/-])06-[1-9][0-9]{7}(?![\w-]|[.:][0-9])"),
)
# an international number URL-encoded without separators: %2B and 8-15 digits
_PHONE_URL = re.compile(r"(?<![\w%])%2[Bb]([1-9][0-9]{7,14})(?![\w%]|[.:][0-9])")
_GEO = re.compile(
    r"(?<![\w.])-?[1-8]?[0-9]\.[0-9]{3,8}\s?,\s?-?(?:1[0-7][0-9]|[1-9]?[0-9])\.[0-9]{3,8}(?![\w.])"
)
_JWT = re.compile(r"(?<![\w-])eyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)?")
_AUTH_SCHEME = re.compile(r"(?i)\b(bearer|basic)\s+([A-Za-z0-9._~+/-]{6,}=*)")
_AWS = re.compile(
    r"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}"
    r"(?![A-Za-z0-9])"
)
_API_KEY = re.compile(
    r"(?<![\w-])(?:[spr]k_(?:live|test)_[A-Za-z0-9]{10,}|sk-(?:proj-|ant-(?:api[0-9]{2}-)?)?"
    r"[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|SG\.[\w-]{16,}\.[\w-]{16,}|glpat-[\w-]{20,}|"
    r"npm_[A-Za-z0-9]{36}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|dop_v1_[a-f0-9]{64}|"
    r"whsec_[A-Za-z0-9]{20,}|key-[0-9a-z]{32}|hf_[A-Za-z0-9]{30,}|dckr_pat_[A-Za-z0-9_-]{20,}|"
    r"GOCSPX-[A-Za-z0-9_-]{24,}|hv[sbr]\.[A-Za-z0-9_-]{24,}|pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{40,}|"
    # Atlassian API tokens, Linear API keys
    r"ATATT3[A-Za-z0-9_=-]{40,}|lin_api_[A-Za-z0-9]{32,}|"
    # a Firebase Cloud Messaging registration token (names one device, and so its owner)
    r"[A-Za-z0-9_-]{11,64}:APA91b[A-Za-z0-9_-]{50,}|"
    # Stripe's client secrets (a PaymentIntent's or SetupIntent's, which browsers log), HubSpot's
    # private app tokens, Django's signed values (a session's data, a signed cookie)
    r"(?:pi|seti|src)_[A-Za-z0-9]{14,40}_secret_[A-Za-z0-9]{10,}|pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-"
    r"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\.?e(?:J|yJ)[A-Za-z0-9_-]{16,}:[A-Za-z0-9_-]{4,8}:[A-Za-z0-9_-]{27,86})(?![\w-])"
)
_GITHUB = re.compile(r"(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})")
_SLACK = re.compile(
    r"(?<![\w-])(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})"
    r"|hooks\.slack\.com/services/(?P<hook>[A-Za-z0-9/]{20,})"
)
_PRIVATE_KEY = re.compile(
    r"-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----.*?(?:-----END [A-Z ]{0,20}PRIVATE KEY-----|$)",
    re.S,
)
_PHRASE = re.compile(
    r"(?i)(?<![^\W_])(?P<who>user|customer|member|account|acct|client|session|patient|employee|payee|mrn|passport|imsi|imei|iccid|msisdn|pesel|uid|"
    + _ROLE_WHO + ")"
    # (and in prose a key after the word, "for user id=564077", "customer ID: 123456", not user_id=)
    r"(?:(?:[ _-]?id|[ ](?:no\.?|number))?\s+|[ ](?:id|no\.?|number)[ \t]*[=:#][ \t]*"
    r"|(?:(?<=imsi)|(?<=imei)(?:sv)?)[\[-](?=[0-9]))"
    r"(?P<v>#?[A-Za-z_-]{0,16}[0-9][\w-]{0,62})(?![\w.@])"
)
_NAME_PHRASE = re.compile(
    r"(?<![^\W\d_])(?:" + _NAME_CUES + r" (?P<q>['\"])?(?P<title>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? )?|"
    r"(?P<alone>" + _TITLES_ALONE + r"))(?P<v>[A-ZÀ-Þ][\w'’-]+(?: [\w'’-]+){0,3})"
)
# the cues of other languages apart (tried only where their words are: one alternation of
# both made each try at an English cue's place slower)
_NAME_PHRASE_OTHER = re.compile(
    r"(?<![^\W\d_])" + _NAME_CUES_OTHER + r":? (?P<title>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? )?"
    r"(?P<v>[A-ZÀ-Þ][\w'’-]+(?: [\w'’-]+){0,3})"
)
# the lower-cased _TITLES_ALONE, where _names looks for them; the gate (_NAME_WORDS) tests
# "mr" for the first four (a word fewer to test is ~0.25 µs less per string)
_TITLE_WORDS = ("mr. ", "mrs. ", "mr ", "mrs ", "ms. ", "mx. ", "sra. ", "srta. ", "herr", "frau ", "mme ", "mlle ")
# the starts of the cues added for other languages and for who wrote a message (_NAME_CUES)
_OTHER_NAME_STARTS = (
    "plátce", "vásárló", "conducente", "kierowca", "fahrer", "chauffeur", "motorista", "entregador", "repartidor",
    "livreur", "kurier", "fattorino", "bezorger",
    "kund", "müşteri", "musteri", "asiakas", "zákazn", "zakazn", "clienta", "clientul", "medarbe", "comprador",
    "mitarbeiter", "emplead", "employ",
    "funcion", "dipendente", "pracownik", "medewerker", "pagador", "zahler", "payeur", "pagatore", "abonn",
    "suscriptor", "assinante", "abbonat", "destinatari", "receptor", "patientin", "paciente", "paziente", "pacjent",
    "patiënt", "benutzer", "usuari", "utilisat", "utente", "użytkownik", "gebruiker", "kullan", "sayın",
    "estimad", "geachte", "szanown", "beste ", "liebe", "querid", "alıcı:", "l'assur", "empfänger",
    "antragsteller", "hakija", "borger", "sökande", "ansøger", "wnioskodawca", "richiedente", "solicitante",
    "requerente", "demandeur", "aanvrager", "trabajador", "trabalhador", "viajer", "benefici", "danneggiat",
    "assur", "ubezpiecz", "tomador", "asegurad", "versicherungsnehmer", "versicherte", "contraente", "assicurat",
    "sigortal", "mieter", "locataire", "inquilin", "huurder", "najemca", "halter", "sürücü", "käufer", "acheteu",
    "salari", "houder", "ontvanger", "afzender", "verzekerde", "debiteur", "crediteur", "contribu", "débiteur",
    "créancier", "creancier", "souscripteur", "titular", "deudor", "afiliad", "devedor", "schuldner", "kontoinhaber",
    "absender", "sig.", "dott.", "avv.", "destinatá",
    "soy", "me llamo", "mi nombre es", "meu nome", "je m'appelle", "ich heiße", "ich heisse", "mein name ist",
    "mi chiamo", "il mio nome", "mijn naam is", "nazywam się", "jmenuji se", "benim adım", "ismim", "hi it's",
    "hi, it's",
    "odbiorca:", "destinataire:", "hi, this is", "hi this is", "hello, this is", "hello this is",
    "hey, this is", "hey this is", "thanks,", "thank you,", "many thanks,", "regards,", "best regards,",
    "kind regards,", "cheers,", "sincerely,", "best wishes,",
)  # fmt: skip
# the role words that _NAME_CUES ends with, lower-cased, in both lists below
# a family's words before a name, after which a listed given name alone is taken
_FAMILY_WORDS = frozenset({"father", "mother", "daughter", "son", "wife", "husband", "brother", "sister",
                           "grandmother", "grandfather", "spouse"})
_ROLE_NAME_WORDS = ("guardian ", "carer ", "caregiver ", "pupil ", "donor ", "supporter ", "candidate ",
                    "executor ", "buyer ", "seller ", "signer ", *sorted(w + " " for w in _FAMILY_WORDS))
_NAME_WORDS = ("holder", "recipient", "passenger", "patient", "dear ", "customer ", "name is ", "user ",
               "hi ", "hi,", "hello", "hey ", "hey,", "hola", "ciao", "bonjour", "hallo", "olá", "hej ", "hej,",
               "i am ", "i'm ", "dr. ", "prof. ",
               "member ", "contact ", "owner ", "ed to", "paid to", "behalf of ", "beneficiary", "payee",
               "applicant ", "guarantor ", "employee ", "guest ", "subscriber ", "courier ", "debtor ", "creditor ",
               "claimant ", "student ", "visitor ", "acknowledged by", "approved by", "inhaber", "empfänger", "titulaire", "bénéficiaire", "destinataire",
               "titular", "beneficiario", "intestatario", "kunde", "kundin", "cliente", "klient", "klant", "mr",
               *_ROLE_NAME_WORDS,
               *(w for w in _TITLE_WORDS if not w.startswith("mr")))
_PHRASE_WORDS = ("user", "customer", "member", "account", "acct", "client", "session", "patient", "employee", "payee", "mrn", "passport",
                 "imsi", "imei", "iccid", "msisdn", "pesel", "uid")
_PHRASE_AND_ROLE_WORDS = _PHRASE_WORDS + _ROLE_WHO_WORDS
_CLI_WORDS = ("pass", "pwd", "token", "secret", "apikey", "api-key", "mysql", "curl", "wget")
# What the login lines hold besides "user", "@" and " name:" (see find_spans), as they are written
_LOGIN_MARKS = (
    "sudo:", "sudo[", "(to ", "(uid=", " for '", ' for "', "arn:aws", '" does not exist', "] OK ", "] FAIL ",
    "] Peer Connection", "SENT CONTROL [", "Login OK: [", "Login incorrect", " from client", 'UserName">',
    "and/or password", "authentication of [", "attempts exceeded for ", "keyboard-interactive for ",
    "uthentication failed for ", "uthentication finally failed for ", " failed for peer ",
)  # fmt: skip
_LOGIN_MARKS_GATE = r"(?i:user| name:)|@|" + "|".join(re.escape(w).replace("\\ ", " ") for w in _LOGIN_MARKS)


def _words_gate(words: tuple[str, ...]) -> str:
    """A gate for ``_has_any(text.lower(), words)``: the words, case-insensitively (it
    passes wherever the substring tests do; a letter that only case-folds to one of
    theirs, such as ſ for s, makes it pass where they do not, which costs a call, not a
    result)."""
    assert all(re.fullmatch(r"[\w .,'-]+", w) for w in words), words
    return "(?i:" + "|".join(w.replace(".", r"\.") for w in words) + ")"


_NAME_STARTS = (*_TITLE_WORDS, "account holder", "cardholder", "card holder", "recipient", "passenger", "patient",
                "dear ", "customer ", "name is ", "user ", "member ", "contact ", "owner ", "issued to",
                "hi ", "hi,", "hello", "hey ", "hey,", "hola", "ciao", "bonjour", "hallo", "olá", "hej ", "hej,",
               "i am ", "i'm ", "dr. ", "prof. ",
                "shipped to", "delivered to", "refunded to", "transferred to", "assigned to", "paid to",
                "on behalf of ", "beneficiary", "payee", "applicant ", "policyholder ", "guarantor ",
                "employee ", "acknowledged by ", "approved by ", "escalated to ", "guest ", "subscriber ", "courier ",
                "holder ", "debtor ", "creditor ", "claimant ", "student ", "visitor ",
                "kontoinhaber", "karteninhaber", "inhaber", "empfänger", "titulaire", "bénéficiaire", "destinataire",
                "titular", "beneficiario", "intestatario", "kunde ", "kundin ", "cliente", "klient", "klant",
                *_ROLE_NAME_WORDS)
_IPV4_GATE = re.compile(r"[0-9]\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]")
_IPV6_GATE = re.compile(r"[0-9A-Fa-f]::?[0-9A-Fa-f]|::[0-9A-Fa-f]|[0-9A-Fa-f]::")
_MAC_GATE = re.compile(
    r"[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}"
)
_CISCO_GATE = re.compile(r"\.[0-9A-Fa-f]{4}\.")
_NUMRUN = re.compile(r"[0-9](?:[ ()./+,-]{0,3}[0-9]){6,}")
_IBAN_GATE = re.compile(r"[A-Z]{2} ?[0-9]{2}")  # and the UK's and Italy's national ids
_DOVECOT_GATE = re.compile(_DOVECOT_NAMES)
_PROSE_GATE = re.compile(_PROSE_GATE_PATTERN)
# _PROSE_GATE's parts for one text at a time, cheaper in Python's re than the whole (an
# alternation with no literal to start from costs it ~20 µs on a stack trace)
_STREET_EN_GATE = re.compile(r" (?:" + _STREET_TYPES + r"|" + _STREET_TYPES_CAPS + r")(?:[^A-Za-z]|$)")
_STREET_FOREIGN = ("straße", "strasse", "str. ", "weg ", "gasse", "allee", "platz", "damm ", "ufer ", "chaussee ",
                   "markt ", "straat", "gracht", "laan ", "plein ", "gatan ", "gata ", "gaten ", "gade ", "vägen ",
                   "vegen ", "vej ", "veien ", "katu ", "Straße ", "Strasse ", "Str. ", "Allee ", "Platz ", "Weg ",
                   "Gasse ", "Damm ", "Ufer ", "Chaussee ", "STRASSE ", "STR. ", "WEG ", "GASSE ", "ALLEE ", "PLATZ ",
                   "DAMM ", "STRAAT ", "GRACHT ", "LAAN ", "GATAN ", "GADE ", "VEJ ", "VEIEN ", "ul. ", "UL. ",
                   *(w + " " for w in _ROMANCE_STREET_WORDS + _FRENCH_STREET_ARTICLED),
                   *((" " + w + " ") if w.islower() else (w + " ") for w in _FRENCH_STREET_WORDS),
                   *(w + " No" for w in _TURKISH_STREET_WORDS), *(w + " " for w in _GERMAN_STREET_PREPOSITIONS))


def _may_prose(text: str, lowered: str) -> bool:
    """Whether :data:`_PROSE_GATE` could match (a superset: its parts tested one by one)."""
    return (_has_any(lowered, _BIRTH_WORDS) or _has_any(lowered, _POSTAL_WORDS)
            or _STREET_EN_GATE.search(text) is not None or _has_any(text, _STREET_FOREIGN))


# A postal code after the words that name it, in prose ("ZIP code 60614 does not match",
# "no slots for postcode E8 3RL", "CEP 01310-100"): the shapes of the US, Brazil, Japan,
# the Netherlands, the UK and Canada, or four to six digits
_POSTAL_WORDS = ("zip code", "zip-code", "zipcode", "postal code", "postcode", "post code", "cep ", "cep:")
_POSTAL_PHRASE = re.compile(
    r"(?i:zip[ -]?code|postal code|post ?code|cep)(?: is| of)?:? ['\"]?(?P<v>"
    r"[0-9]{5}(?:-[0-9]{4}|-[0-9]{3})?|[0-9]{3}-[0-9]{4}|[0-9]{4} ?[A-Z]{2}|"
    r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[0-9]{4,6})(?![\w-])"
)


def _postal_phrases(text: str, out: list[Span]) -> None:
    for m in _POSTAL_PHRASE.finditer(text):
        out.append(Span(m.start("v"), m.end("v"), "address", 2))
_AWS_WORDS = ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA")
_API_WORDS = ("k_live_", "k_test_", "sk-", "key-", "AIza", "SG.", "glpat-", "npm_", "shp", "dop_v1_", "whsec_",
              ":APA91b", "hf_", "dckr_pat_", "GOCSPX-", "hvs.", "hvb.", "hvr.", "pypi-AgEI", ":AA", "ATATT3",
              "lin_api_", "_secret_", "pat-na", "pat-eu", "pat-ap", ".eJ", "eyJ")
_GITHUB_WORDS = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")
# "does any of these words occur": one search of their alternation, not a loop
_AWS_WORDS_RE, _API_WORDS_RE, _GITHUB_WORDS_RE = (
    re.compile("|".join(re.escape(w) for w in words)) for words in (_AWS_WORDS, _API_WORDS, _GITHUB_WORDS)
)
# every word one of _secrets' detectors starts from
_SECRET_WORDS_ = (
    "eyJ", *_AWS_WORDS, *_API_WORDS, *_GITHUB_WORDS, "xox", "xapp-", "hooks.slack", "PRIVATE KEY",
    "/api/webhooks/", "?code=", "&code=", "AUTH PLAIN ", "AUTH XOAUTH2 ", "$2a$", "$2b$", "$2x$", "$2y$", "$argon2", "$5$", "$6$", "$P$", "$H$",
)  # fmt: skip
_SECRET_GATE = re.compile("|".join(w.replace(".", r"\.").replace("?", r"\?").replace("$", r"\$") for w in _SECRET_WORDS_))
# Discord's webhook URLs carry their secret in the path; an OAuth authorization code in a
# callback's query string (nginx and load-balancer access logs) is a short-lived password
# SMTP's AUTH command with its initial response (RFC 4954; mail servers' debug logs and
# SMTP client traces): PLAIN is base64 of "\0user\0password", XOAUTH2 of the user and a token
_SMTP_AUTH = re.compile(r"\bAUTH (PLAIN|XOAUTH2) ([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])")
_DISCORD = re.compile(r"discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/(?P<hook>[A-Za-z0-9_-]{60,80})")
# a Telegram bot's token, also in its API's URLs (…/bot123456789:AAE…/sendMessage)
_TELEGRAM = re.compile(r"(?:(?<=/bot)|(?<![\w:-]))[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])")
# A password's hash in the crypt formats (bcrypt, argon2, sha256-crypt and sha512-crypt):
# from a users table or /etc/shadow, it is a password to anyone with a GPU
_PASSWORD_HASH = re.compile(
    r"\$2[abxy]\$[0-9]{2}\$[./A-Za-z0-9]{53}"
    r"|\$argon2(?:id|i|d)\$v=[0-9]+\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}"
    r"|\$[56]\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}"
    # phpass (WordPress, phpBB, Drupal 7): $P$ or $H$, a cost letter, a salt and the hash
    r"|\$[PH]\$[./A-Za-z0-9]{31}(?![./A-Za-z0-9])"
)
# a random-looking value after the word token, separated by blanks only (with = or : it is a key's)
_TOKEN_WORD = re.compile(
    r"(?<![\w-])(?:token|Token|TOKEN)[ \t]+(?P<q>[\"']?)(?P<v>[A-Za-z0-9_.=+/-]{20,512})(?P=q)(?![\w.=+/-])"
)
_OAUTH_CODE = re.compile(r"[?&]code=(?P<v>[A-Za-z0-9._~/%-]{20,512})")

# The words before a number (_cued_values), read backwards from the number on the reversed
# text: a "+" or "(", a separator or a verb, a phrase ("de contacto"), a link ("No",
# "-nummer"), a dot, the word; the word must start a word ("TFN", not "XTFN").
_CUE_BEFORE = re.compile(
    r"[ \t]*(?:[:=#：][ \t]*|(?i:" + _alternation(_CUE_VERBS, True) + r")[ \t]+)?"
    r"(?:(?i:" + _alternation(_CUE_PHRASES, True) + r")[ \t]+)?"
    r"(?:(?i:" + _alternation(_CUE_LINKS, True) + r")[ \t]*)?\.?"
    # (an acronym may have a word of whose number it is after it: "NIP nabywcy 7743128592",
    # "CNP cumpărător …", "NIF do adquirente …": lower case, read backwards here)
    r"(?:(?:[a-zß-ÿā-žа-яёіїєґ]{3,16}(?:[ \t]+(?:od|ad|ed|ud|led|fo|sed))?[ \t]+)?(?:"
    + _alternation(_ID_CUE_ACRONYMS, True) + r")|(?i:" + _alternation(_ID_CUE_WORDS, True) + r")"
    r"|(?P<ph>(?i:" + _alternation(_PHONE_CUE_WORDS, True) + r")))(?![A-Za-zÀ-ɏЀ-ӿ0-9_.-])"
)
# the number after the word: digits with blanks, dots, dashes, slashes and brackets
# (an identity number may end with a check letter: Finland's 230591-284H)
_CUED_NUMBER = re.compile(r"\+?\(?[0-9][0-9 ()./-]{4,22}[0-9](?:[A-Y](?![\w-]))?(?![\w-]|[.,/-][0-9])")
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}")
# The same words before a code of capitals and digits (_cued_codes): Germany's KVNR
# T481927365, a codice fiscale RSSMRA85T10A562S, a CURP, an MBI 3KT7WN2RY48, a PAN
# AQWPR4821K. The code holds a letter and four digits or more, capitals only: each such word
# is found first, then the cue read backwards before it (a search for the cue words took
# 28 µs a text in Python; the tokens and a match at each take a few)
_CODE_TOKEN = re.compile(r"(?<![\w-])[A-Z0-9]{6,24}(?![\w-])")
_CODE_CUE_BEFORE = re.compile(
    r"[ \t]*(?:[:=#：][ \t]*|(?i:" + _alternation(_CUE_VERBS, True) + r")[ \t]+)?"
    r"(?:(?i:" + _alternation(_CUE_LINKS, True) + r")[ \t]*)?\.?"
    r"(?P<c>" + _alternation(_ID_CUE_ACRONYMS, True) + r"|(?i:" + _alternation(_ID_CUE_WORDS, True) + r"))"
    r"(?![A-Za-zÀ-ɏЀ-ӿ0-9_.-])"
)
# a quote may open the value after its word: BSN '123456782', numer PESEL "90081512345"
_CUE_QUOTES = "'\"«“„‘「"

# The word lists some detectors start from, as gates. In one process find_spans tests them
# as substrings of the lowered text (the same answers, cheaper there than these regexes);
# the batch path gets their bits from polars with the others.
_WORD_GATES = (_words_gate(_PHRASE_WORDS), _words_gate(_NAME_WORDS), _words_gate(_CLI_WORDS), _LOGIN_MARKS_GATE,
               _words_gate(_ROLE_WHO_WORDS))  # (the role words apart: looking each up in every text doubled _at_words' time)
# The gates find_spans puts before its costlier detector families, in bit order. Each is
# written in the syntax shared by Python's ``re`` and the Rust ``regex`` crate (no
# look-arounds, no back-references), so that the batch path can run them over a whole
# column in polars and hand find_spans the answers (``gate_bits``); a test holds that
# both engines agree.
GATE_PATTERNS: tuple[str, ...] = (
    _SECRET_GATE.pattern, _IPV4_GATE.pattern, _IPV6_GATE.pattern, _MAC_GATE.pattern,
    _CISCO_GATE.pattern, _NUMRUN.pattern, _IBAN_GATE.pattern, _DOVECOT_GATE.pattern, _PROSE_GATE.pattern,
    *_WORD_GATES, _OTHER_SHAPES,
)  # fmt: skip
_GATES = (_SECRET_GATE, _IPV4_GATE, _IPV6_GATE, _MAC_GATE, _CISCO_GATE, _NUMRUN, _IBAN_GATE, _DOVECOT_GATE,
          _PROSE_GATE, *(re.compile(p) for p in _WORD_GATES), re.compile(_OTHER_SHAPES))  # fmt: skip
(_G_SECRET, _G_IPV4, _G_IPV6, _G_MAC, _G_CISCO, _G_NUMRUN, _G_IBAN, _G_DOVECOT, _G_PROSE, _G_PHRASE_WORDS,
 _G_NAME_WORDS, _G_CLI_WORDS, _G_LOGIN_MARKS, _G_ROLE_WHO, _G_OTHER_SHAPES, _G_KEYS, _G_SMALL,
 _G_NAMES) = (1 << i for i in range(18))
assert GATE_PATTERNS[-1] == SHAPE_PATTERNS[-1] == _OTHER_SHAPES
# The last pattern (G_OTHER_SHAPES) is the last part of SHAPE_PATTERNS too (names after a cue in other languages, numbers
# after the word that names them): the batch path computes it once for both.
G_OTHER_SHAPES = _G_OTHER_SHAPES
# The last bit of the gates (G_KEYS) says whether a key=value pair in the text could find
# anything: :data:`KEY_RUN_PATTERN` finds every key that has a key word in it, with its
# separator and the start of its value, and :func:`key_run_matters` says whether the key
# under that run could name personal data. Without the bit, find_spans reads keys only for
# identifiers (``order_id=``, which keep numeric detectors off their values).
G_KEYS = _G_KEYS
# Bit G_SMALL says whether SMALL_PATTERN (the part of the shapes that announces the detectors
# of session 19: URL-encoded text, callers, game servers, Windows' names in other languages,
# DICOM, HL7-style names, ASTM) occurs; the batch path computes it with the shapes.
G_SMALL = _G_SMALL
SMALL_PATTERN = _SMALL_BRANCHES
_SMALL = re.compile(_SMALL_BRANCHES)
# Bit G_NAMES says whether one of NAME_GATE_PATTERNS (a name or a login from the word lists
# of names) occurs; the batch path computes it with the shapes.
G_NAMES = _G_NAMES
_NAME_GATES: list[re.Pattern[str]] = []  # compiled on first use: find_spans does not need them (0.3 s)


def _names_gate(text: str) -> bool:
    if not _NAME_GATES:
        _NAME_GATES.extend(re.compile(p) for p in NAME_GATE_PATTERNS)
    return any(g.search(text) is not None for g in _NAME_GATES) or any(
        t in NAME_TOKENS for t in _NAME_TOKEN.findall(text))
_SHORT_KEY = r"[A-Za-z_][A-Za-z0-9_.\-]{0,63}"
_NEXT_KEY_SHORT = r"[ \t,]+" + _SHORT_KEY + r"[ \t]*[=:]"
_RUN_KEY_CHARS = r"[A-Za-z0-9_.\-\[\]" + _UNI + "]"
_RUN_SEP_PATTERN = r"\\?[\"']?[ \t]{0,3}[=:：]"
# an object's opening brace (the key may name a person: customer={...}); a hexadecimal
# value that ends where the value would (addr=0x18 pc=0x4a2b in a Go panic); or a < where
# the value would start, which ends it before it starts (email=<email:k1a2b:7f3a9c1e02ab>,
# a value this package or another tool already replaced)
_RUN_TAIL_PATTERN = (
    r"(?:>?[ \t]{0,3}(?:\{|\[[ \t]{0,3}\{|<|0x[0-9A-Fa-f]+(?:" + _NEXT_KEY_SHORT + r"|[\r\n&;|\"'<>\\{}\[\]]|$)"
    # (a Chinese or Korean value's first letter: a name under a key that says only "name")
    r"|[\"']?[一-鿿가-힣]))"
)
KEY_RUN_PATTERN = (
    _RUN_KEY_CHARS + "*" + r"(?i:" + _KEY_WORDS + r")" + _RUN_KEY_CHARS + "*"
    + _RUN_SEP_PATTERN + _RUN_TAIL_PATTERN + "?"
)
# The same matches found in linear time by Python's backtracking engine (the pattern above
# tries every key word at every position of a long run): each run of key characters, then
# a separator, kept when a key word is in it.
_RUN_CHARS = re.compile(_RUN_KEY_CHARS + "+")
_RUN_SEP_AT = re.compile(_RUN_SEP_PATTERN)
_RUN_TAIL_AT = re.compile(_RUN_TAIL_PATTERN)
_KEY_WORD = re.compile(r"(?i:" + _KEY_WORDS + r")")


def key_runs(text: str) -> list[str]:
    """The matches of :data:`KEY_RUN_PATTERN` in ``text``, left to right, without overlap
    (what polars' ``str.extract_all`` gives).

    Examples
    --------
    >>> key_runs('panic: x addr=0x18 pc=0x4a2b user_email="a"')
    ['panic:', 'addr=0x18 pc=', 'user_email=']
    """
    runs: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _RUN_CHARS.search(text, pos)
        if m is None:
            break
        sep = _RUN_SEP_AT.match(text, m.end())
        if sep is None:
            pos = m.end()
            continue
        pos = sep.end()
        if _KEY_WORD.search(text, m.start(), m.end()) is None:
            continue
        tail = _RUN_TAIL_AT.match(text, pos)
        if tail is not None:
            pos = tail.end()
        runs.append(text[m.start() : pos])
    return runs
_HEX_TAIL = re.compile(r"0x[0-9A-Fa-f]+(?:[ \t,]+(?P<next>" + _SHORT_KEY + r")[ \t]*[=:])?")
_KEY_START = re.compile(r"(?i:(?:^|[^a-z])(?:" + _KEY_WORDS + r"))")
_COOKIE_ATTRS = frozenset({
    "path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "version",
    "comment", "priority", "partitioned",
})  # fmt: skip
_NAME_PARTICLES = frozenset({
    "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
    "bin", "bint", "al", "el", "ibn", "ter", "ten", "mc", "st",
})  # fmt: skip
_NARROW_STOP = frozenset(" \t\r\n&;,|)}]\"'<>\\，；、。）")  # and CJK text's fullwidth punctuation
_LINE_STOP = frozenset("\r\n&;|\"'<>\\{}[]—；。")  # an em dash ends a clause in prose
# the first character of each set at or after a position: one search instead of a loop
_NARROW_STOP_RE = re.compile("[" + re.escape("".join(sorted(_NARROW_STOP))) + "]")
_LINE_STOP_RE = re.compile("[" + re.escape("".join(sorted(_LINE_STOP))) + "]")
_QUOTED_STOP = {'"': re.compile(r'["\\]'), "'": re.compile(r"['\\]")}
_NEXT_KEY = re.compile(r"[ \t,，]+[\"']?[^\W\d][\w.\-]{0,63}[\"']?[ \t]*[=:：]")


# --- value extents after key= ----------------------------------------------------


def _quoted_end(text: str, i: int, quote: str) -> int:
    j = i
    n = len(text)
    stops = _QUOTED_STOP[quote]
    while j < n:
        m = stops.search(text, j)  # only a quote or a backslash can end or escape
        if m is None:
            return n
        j = m.start()
        c = text[j]
        if c == "\\" and quote == '"' and j + 1 < n and text[j + 1] != '"':
            j += 2
            continue
        if c == quote:
            return j
        if c == "\\" and text.startswith('\\"', j):
            return j
        j += 1
    return n


_BRACKETED = re.compile(r"\[[^\[\]{}\"',\s]{1,256}\]")


# LEEF's pairs are separated by a caret (its header may name another delimiter, the tab
# is the default): usrName=v.ionescu^domain=CORP^src=5.2.197.44
_CARET_KEY = re.compile(r"\^[A-Za-z_][\w.]{0,63}=")


def _caret_key(text: str, i: int, end: int) -> int:
    """Where the value from ``i`` ends: ``end``, or before a ``^key=`` in between."""
    if text.find("^", i, end) < 0:
        return end
    m = _CARET_KEY.search(text, i, end)
    return end if m is None else m.start()


def _value_extent(text: str, i: int, mode: str) -> tuple[int, int] | None:
    n = len(text)
    if i >= n:
        return None
    c = text[i]
    if text.startswith('\\"', i):
        end = text.find('\\"', i + 2)
        return (i + 2, n if end < 0 else end)
    if c in "\"'":
        return (i + 1, _quoted_end(text, i + 1, c))
    if c == "[":  # a bracketed scalar, Elasticsearch's audit "principal=[jdoe]"; not an array
        m = _BRACKETED.match(text, i)
        return None if m is None else (i + 1, m.end() - 1)
    if c == "{":
        return None
    if mode == "narrow":
        m = _NARROW_STOP_RE.search(text, i)
        end = n if m is None else m.start()
        return (i, _caret_key(text, i, end))
    if mode in ("phone", "geo"):
        allowed = "+()-. " if mode == "phone" else "+-., "
        j = i
        if mode == "phone" and text[i:i + 3] in ("%2B", "%2b"):
            j += 3  # a URL-encoded + (phone=%2B14155550199)
        while j < n and (text[j].isdigit() or text[j] in allowed):
            j += 1
        if mode == "phone" and j < n and text[j].isalpha() and text[j - 1].isdigit():
            cut = max(text.rfind(" ", i, j), text.rfind("(", i, j))
            if cut > i:
                j = cut  # digits glued to a word are not the number's: "%2B447700900123 (312ms)"
        while j > i and (text[j - 1] in " .-(," or (text[j - 1] == ")" and "(" not in text[i:j])):
            j -= 1  # (a JSON number's comma: "latitude":48.85,"lon…; a ")" that closes no "(")
        return (i, j)
    # line and words: stop at a delimiter or where the next key=value starts
    stop = n
    nxt = _NEXT_KEY.search(text, i)
    if nxt is not None:
        stop = nxt.start()
    m = _LINE_STOP_RE.search(text, i, stop)
    end = _caret_key(text, i, stop if m is None else m.start())
    while end > i and text[end - 1] in " \t,.:":
        end -= 1
    if mode == "name":
        words = text[i:end].split(" ")
        kept: list[str] = []
        pos = i
        for w in words[:6]:
            clean = w.rstrip(",.:;)")
            if kept and not (
                clean[:1].isupper()
                or clean.lower() in _NAME_PARTICLES
                or (len(clean) <= 2 and w.endswith("."))
            ):
                break
            kept.append(w)
            if w != clean:
                pos += len(clean)
                break
            pos += len(w) + 1
        else:
            pos -= 1
        end = min(end, max(i, pos if kept else i))
        while end > i and text[end - 1] in " ,.:;)":
            end -= 1
    elif mode == "words":
        parts = text[i:end].split(" ")
        end = min(end, i + len(" ".join(parts[:3])))
    elif mode == "postcode":  # the code (one or two parts) and a town after it, to a comma
        parts = _POSTCODE_STOP.split(text[i:end], maxsplit=1)[0].split(" ")
        k = 2 if len(parts) > 1 and _CODE_PART.fullmatch(parts[1]) else 1  # (H2X 1Y4, 114 55, 1016 GV)
        while k < len(parts) and parts[k][:1].isupper() and parts[k].replace("-", "").isalpha():
            k += 1  # "postcode=114 55 Stockholm"; not "zip=75024 state=TX"
        end = min(end, i + len(" ".join(parts[:k])))
        while end > i and text[end - 1] in " .":
            end -= 1
    return (i, end) if end > i else None


_POSTCODE_STOP = re.compile(r"[,;&|]")
_CODE_PART = re.compile(r"[A-Z0-9]{1,4}")
# the keys of a postal code (postal, PostCode, zip, plz) or a town: the code and the town's words
_POSTCODE_KEY = re.compile(
    r"(?i)(?:postal|post_?code|postal_?code|zip|zip_?code|plz|postleitzahl|city|town|ort|stadt|state|province)$"
)  # (and an address's town: address_city=Berlin in /var/www/…: the town, not the rest of the line)


_MODE = {
    "person_name": "name", "named_person": "name", "person_role": "name", "address": "line", "dob": "words", "phone": "phone",
    "secret": "narrow", "password": "narrow", "geo": "geo",
}  # fmt: skip
_SCHEME = re.compile(r"(?i)(?:bearer|basic|token|digest|negotiate|apikey|ssws|hmac|aws4-hmac-sha256)\s+")
# any other scheme's word before the credentials of an Authorization header
_ANY_SCHEME = re.compile(r"[A-Za-z][\w.-]{1,30} (?=[^\s\"',;]{8})")
# a postal code written in digits, as a line of an address starts with it (Sweden's "114 55"
# before the others, which would take its first three digits)
_POSTAL_CODE = re.compile(r"[0-9]{3} [0-9]{2}(?![0-9])|[0-9]{4} ?[A-Z]{2}(?![A-Za-z])|[0-9]{2,5}(?:-[0-9]{3,4})?(?![0-9])")
# a date of birth written in digits only, where a "words" value (12 March 1990) would go on
_DIGIT_DATE = re.compile(r"(?:[0-9]{8}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4})(?=[ ,;])")


_COOKIE_END = re.compile(r"""[\r\n"']|\\[nr"]""")


def cookie_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The values of ``name=value`` pairs in a Cookie or Set-Cookie header value.

    Cookie names and attributes (``Path``, ``Expires``...) are kept; values are
    secrets.

    Examples
    --------
    >>> t = "sid=abc123; theme=dark; Path=/; HttpOnly"
    >>> [t[s.start:s.end] for s in cookie_spans(t)]
    ['abc123', 'dark']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    # a cookie value has no spaces, commas, semicolons, quotes or backslashes (RFC 6265)
    for m in re.finditer(r"(?:^|;|,)\s*([^=;,\s]+)=([^;,\s\"\\]*)", text[start:end]):
        name = m.group(1)
        if name.lower() in _COOKIE_ATTRS:
            continue
        vs, ve = m.span(2)
        value = m.group(2).strip()
        if value and not is_neutral(value):
            out.append(Span(start + vs, start + vs + len(m.group(2).rstrip()), "cookie", 3))
    return out


_VALUE_OBJECT = re.compile(r"\{[ \t]*(?P<b>\\?)\"(?:value|val|text|nbr|number|data)(?P=b)\"[ \t]*:[ \t]*(?P=b)\""
                           r"(?P<v>[^\"\\\n]{1,256})(?P=b)\"")
_BARE_COOKIE = re.compile(r"[A-Za-z0-9._~+/%-]{16,4096}=*(?=[\s;,\"']|$)")
_OBJECT_LIST = re.compile(r"\[[ \t]{0,3}\{")


def _quoted(q: str) -> str:
    """A string in quotes ``q``, with backslash escapes, up to 256 characters."""
    return q + r"(?:[^" + q + r"\\\n]|\\.){0,256}" + q


def _string_list(q: str) -> re.Pattern[str]:
    """A list of up to 32 strings in quotes ``q``: ``["Ada", "M."]``."""
    return re.compile(r"\[[ \t]{0,3}" + _quoted(q) + r"(?:[ \t]{0,3},[ \t]{0,3}" + _quoted(q) + r"){0,31}[ \t]{0,3}\]")


_JSON_STRING = re.compile('"(' + _quoted('"')[1:-1] + ')"')
_STRING_LIST = _string_list('"')
# the same in Python's repr (Django's QueryDict: {'first_name': ['Siobhán']})
_PY_STRING = re.compile("'(" + _quoted("'")[1:-1] + ")'")
_PY_STRING_LIST = _string_list("'")
_NOT_LISTED = frozenset({"id", "weak_secret", "record_key", "cookie"})  # classes whose lists are not read


def _brace_end(text: str, i: int, pair: str = "{}") -> int:
    depth = 0
    limit = min(len(text), i + 4096)
    opening, closing = pair[0], pair[1]
    for j in range(i, limit):
        c = text[j]
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return j
    return limit


# the key before a separator, read backwards: spaces, a quote, a backslash, the key
_KEY_REV = re.compile(r"[ \t]{0,3}([\"'])?(\\)?([A-Za-z0-9_.\-\[\]" + _UNI + r"]{1,64})")
# a coordinate right after a colon, as Go's %+v prints a struct ({Lat:52.37022 Lng:4.89517}): in
# the reversed text, one to three digits, perhaps a minus, then the decimal point (_key_values
# takes such a value only under a key of class geo)
_GEO_AFTER_REV = r"(?<=\.[0-9]:)|(?<=\.[0-9]{2}:)|(?<=\.[0-9]{3}:)|(?<=\.[0-9]-:)|(?<=\.[0-9]{2}-:)|(?<=\.[0-9]{3}-:)"
# The separators _key_values reads, each with the key before it, in one search of the
# reversed text: every ``=``, and every ``:`` that is not a URL scheme's (``://``), part of
# ``::`` or followed by a digit (file:line, a time) unless a quote ends the key before it
# (compact JSON: "lat":48.85) -- in the reversed text what followed the colon comes before
# it; then _KEY_REV. Found from the end, so used in reverse.
_SEP_KEY_REV = re.compile(
    r"(?:=|：|:(?<!//:)(?<!::)(?!:)(?:(?<![0-9]:)|(?=[ \t]{0,3}[\"'])|(?=[dD][iI])|" + _GEO_AFTER_REV + r"))"
    + _KEY_REV.pattern  # (a number after an id's key: userId:40991, read when the key is a person's)
)
_REJECTED = "rejected value ["
_CJK_RUN = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]{1,4}")
_CJK_GIVEN = re.compile(  # (not the next key: name=佐藤 電話=…)
    r"[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,4}(?![\u4e00-\u9fff\u3040-\u30ff]|[ \t]*[=:：])"
)
# (the object's gate, PERSON_OBJECT_GATE, is defined with the hint above)
_PERSON_OBJECT = re.compile(
    r"(?<![\w$])(?P<cls>" + _PERSON_CLASSES + _PERSON_CLASS_SUFFIX + r")(?:@[0-9a-f]{1,16})? ?(?P<open>[{(\[])(?= ?[A-Za-z_]+ ?[=:])"
)
_CLOSING = {"{": "{}", "(": "()", "[": "[]"}
_PERSON_SEARCH = re.compile(r"(?<![\w.-])(?P<cls>" + _PERSON_SEARCHES + r")(?P<open>\?)(?=[A-Za-z_][\w.-]* ?=)")
_URL_END = re.compile(r"[\s\"'<>]")
def _person_search_at(text: str) -> bool:
    """Whether a word of :data:`_SEARCH_WORDS` ends just before one of the ``?`` of ``text``."""
    i = text.find("?")
    while i >= 0:
        if text.endswith(_SEARCH_WORDS, max(0, i - 13), i):
            return True
        i = text.find("?", i + 1)
    return False
_OBJECT_OPEN = re.compile(r"[{(\[] ?[A-Za-z_]+ ?[=:]")  # what _PERSON_OBJECT needs after the name: cheap first


def _is_personal_parent(key: str) -> bool:
    return is_personal_parent(key)


@lru_cache(maxsize=65536)
def _has_key_word(key: str) -> bool:
    if _KEY_START.search(key) is not None:
        return True
    # a key word after a camelCase boundary (registrationAddress, primaryEmail), or spelt
    # with an accent the words leave out; the key as written must hold a key word somewhere,
    # as the batch path's key runs do (DocNo is doc_no only once normalized: not read)
    return (not key.islower() and _KEY_START.search(normalize_key(key)) is not None
            and _KEY_WORD.search(key) is not None)


_NO_KEY = "-"  # not a class: the key's value is not read


@lru_cache(maxsize=65536)
def _key_class(key: str, parent: str | None) -> str | None:
    """``classify_key(key, parent)``, or :data:`_NO_KEY` when a value under ``key`` is not
    read (the key is no identifier and the hint pattern knows no word of it)."""
    cls = classify_key(key, parent)
    if cls != "id" and not _has_key_word(key) and (parent is None or cls is None):
        # (a key inside an object that describes a person, "customer": {"id": …}, is read:
        # the parent's own key run lets the text through the batch gate)
        return _NO_KEY
    return cls


_NOT_STREET_BEFORE = re.compile(r"(?i)\b(?:e-?mail|mail|ip|mac|memory|network|server|web|return|remote|local) $")
_CODE_REF = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*")  # a name or attribute in code
_RESOURCE_SID = re.compile(r"[A-Z]{2}[0-9a-f]{32}")
_KEY_AHEAD = re.compile(r"[A-Za-z_][\w.\-]{0,63}=")
_ID_KEY_END = re.compile(r"(?:[Ii][Dd]|_?(?:[Nn]umber|NUMBER|[Nn]o|NO|[Nn]r|NR))$")
_BARE_NUMBER = re.compile(r"[0-9]{2,20}(?![\w:.\-/])")
_STATUS_REASON = re.compile(  # an HTTP status and its reason phrase (not "189 Lake Shore Dr")
    r"[1-5][0-9]{2} (?:OK|Created|Accepted|No Content|Moved Permanently|Found|See Other|Not Modified|"
    r"Temporary Redirect|Permanent Redirect|Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|"
    r"Not Found|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Gone|Precondition Failed|"
    r"Payload Too Large|Unsupported Media Type|Unprocessable|Too Many Requests|Internal Server Error|"
    r"Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout)\b"
)
# What a status says after a label ("Session: expired after 30m"); never the value itself
_STATUS_WORDS = frozenset({
    "not", "found", "expired", "declined", "reset", "failed", "missing", "invalid", "required",
    "locked", "disabled", "pending", "unknown", "denied", "suspended", "rejected", "blocked",
    "verified", "updated", "created", "deleted", "removed", "added", "ok", "success", "successful",
    "error", "timeout", "unavailable", "refused", "revoked", "changed", "active", "inactive",
    "enabled", "valid", "accepted", "approved", "closed", "opened", "started", "stopped",
    "mismatch", "empty", "exists", "already", "unauthorized", "forbidden", "ignored", "skipped",
    "retrying", "saved", "sent", "received", "queued", "processing", "completed", "cancelled",
    "canceled", "authenticated", "unverified", "incomplete", "incorrect", "wrong", "too",
})  # fmt: skip


def _first_word(value: str) -> str:
    return value.split(" ", 1)[0].rstrip(".,;:!)").lower()


def _ruby_symbol(text: str, j: int, after_sep: int) -> bool:
    """Whether the key at ``text[j]`` is a Ruby symbol before a hash rocket:
    ``{:password=>"hunter2", :first_name=>"Nina"}`` (its colon starts it, after ``{``, a
    space, a comma or the start)."""
    return (
        text[j - 1] == ":"
        and (j == 1 or text[j - 2] in "{( \t,")
        and after_sep < len(text)
        and text[after_sep] == ">"
        and text[after_sep - 1] == "="
    )


def _key_matters(key: str, rest: str) -> bool:
    """Whether a separator after the key characters ``key`` could give a finding: whatever
    part of them ``_key_values`` takes for the key (it reads at most the last 64, from a
    letter or ``_`` that follows no letter or digit), with any parent. ``rest`` is what the
    run holds after the separator: ``{`` (an object), ``<`` (a token or mask: no value is
    read, only a cookie header's other pairs), a hexadecimal value, or nothing."""
    brace = rest.startswith("{") or (rest.startswith("[") and rest.endswith("{"))
    angle, machine_address = rest == "<", rest.startswith("0x")
    script = rest[-1:] >= "\u3000"  # a Chinese or Korean value (see _SCRIPT_NAME_KEYS)
    n = len(key)
    for i in range(max(0, n - 64), n):
        c = key[i]
        if not (c.isalpha() or c == "_") or (i > 0 and key[i - 1].isalnum()):
            continue
        k = key[i:]
        cls = _key_class(k, None)
        if cls is _NO_KEY or (angle and cls != "cookie"):
            continue
        if brace and is_personal_parent(k):
            return True
        if script and cls is None and k.lower() in _SCRIPT_NAME_KEYS:
            return True
        if cls in (None, "id") or (cls == "address" and machine_address):
            continue
        return True
    return False


_RUN_SEP = re.compile(r"[\\\"' \t]*[=:：]>?[ \t]*")


@lru_cache(maxsize=65536)
def key_run_matters(run: str) -> bool:
    """Whether a match of :data:`KEY_RUN_PATTERN` could let find_spans find anything.

    False only when no key the run can hold names personal data (its class is an
    identifier or nothing, or it is an ``address`` whose value is a machine address), or
    when the value starts with ``<``, where ``_key_values`` reads none (a token or mask).

    Examples
    --------
    >>> key_run_matters("email="), key_run_matters("KeyError:"), key_run_matters("addr=0x18 ")
    (True, False, False)
    >>> key_run_matters("customer={"), key_run_matters("addr=0x18 password=")
    (True, True)
    >>> key_run_matters("email=<"), key_run_matters("Cookie: <")
    (False, True)
    """
    m = _RUN_SEP.search(run)
    if m is None:  # not a match of the pattern
        return True
    key, rest = run[: m.start()], run[m.end():]
    tail = _HEX_TAIL.match(rest) if rest.startswith("0x") else None
    if tail is not None and tail.group("next") and _key_matters(tail.group("next"), "{"):
        return True  # the next key, which the hexadecimal value's end took in (any value)
    return _key_matters(key, rest)


_POSTAL_KEYS = frozenset({"zip", "zipcode", "zip_code", "postal_code", "postalcode", "postcode", "post_code"})


@lru_cache(maxsize=4096)
def _is_postal_key(key: str) -> bool:
    """A postal code's key: its digits are the code, not a machine address (``"zip":"97403"``,
    ``"billing_zip":"94107"``)."""
    k = normalize_key(key)
    if k in _POSTAL_KEYS:
        return True
    return k.rsplit("_", 1)[-1] in ("zip", "zipcode", "postcode", "code") and classify_key(key) == "address"


# the classes of keys whose values _class_value never reads (an identifier, a record's key, a
# cookie's pairs, or nothing)
_UNREAD_CLASSES = frozenset({None, "id", "record_key", "cookie"})
_PAM_TYPES = ("auth)", "account)", "session)", "password)", "setcred)", "chauthtok)")


# Oracle's and JDBC drivers' bind variables printed with the statement: "WHERE nazwisko = :B2
# AND pesel = :B3 … Bind variables: :B2='Zielińska' :B3='02241187650'": each value read
# under the column its name is compared with (only a column whose key a key word starts, so
# that the key gate lets the text through)
_BIND_USE = re.compile(r"(?<![\w.])(?P<k>[A-Za-z_][\w]{0,63})[ \t]*(?:=|<>|!=|(?i:like))[ \t]*:(?P<b>[A-Za-z_]?[0-9A-Za-z_]{0,30})\b")
_BIND_VALUE = re.compile(r"(?<![\w:]):(?P<b>[A-Za-z_]?[0-9A-Za-z_]{0,30})[ \t]*=[ \t]*'(?P<v>[^'\n]{1,256})'")


def _bind_values(text: str, out: list[Span]) -> None:
    columns: dict[str, str] = {}
    for m in _BIND_USE.finditer(text):
        cls = _key_class(m.group("k"), None)
        if cls not in (_NO_KEY, None, "id"):
            columns.setdefault(m.group("b"), cls)  # type: ignore[arg-type]
    if columns:
        for m in _BIND_VALUE.finditer(text):
            cls = columns.get(m.group("b"))
            if cls is not None:
                _class_value(m.group("v"), cls, m.start("v"), out)


def _key_values(text: str, out: list[Span], ids: list[tuple[int, int]]) -> None:
    if "='" in text and " :" in text:
        _bind_values(text, out)
    regions: list[tuple[int, int, str]] = []
    n = len(text)
    if ("=" in text or ": " in text) and _OBJECT_OPEN.search(text) is not None:
        for om in _PERSON_OBJECT.finditer(text):
            if is_personal_parent(om.group("cls")):
                at = om.start("open")
                regions.append((at, _brace_end(text, at, _CLOSING[om.group("open")]), om.group("cls")))
    if "?" in text and _person_search_at(text):
        for om in _PERSON_SEARCH.finditer(text):
            if is_personal_parent(om.group("cls")):
                end = _URL_END.search(text, om.end())
                regions.append((om.start("open"), len(text) if end is None else end.start(), om.group("cls")))
    objects = regions[:]
    rev = text[::-1]
    # a URL scheme, a C++/Rust path, file:line or a time is not key:value (_SEP_KEY_REV skips
    # them); each separator with a key before it, left to right
    for km in reversed(list(_SEP_KEY_REV.finditer(rev))):
        j, key_end = n - km.end(3), n - km.start(3)
        for rs, _, _ in objects:
            if j <= rs < key_end:  # Buyer@1c7f4b2e[id=: the key starts after the object's bracket
                j = rs + 1
        k0 = j
        while j < key_end and not (text[j].isalpha() or text[j] == "_"):
            j += 1
        if k0 < j < key_end and text[j - 1].isdigit() and text[k0:j].isdigit():
            # a key that starts with digits (3GPP-IMSI): its last part that starts a word, as
            # the key runs read it (_key_matters), or none (12Vorname)
            while j < key_end and not ((text[j].isalpha() or text[j] == "_") and not text[j - 1].isalnum()):
                j += 1
        if j >= key_end or (j > 0 and (text[j - 1].isalnum() or text[j - 1] in "=:/")
                            and not _ruby_symbol(text, j, n - km.start())):
            continue  # inside a word, or a value that merely contains a colon
        key = text[j:key_end]
        if key.isupper() and (text.endswith("OK ", 0, j) or text.endswith("FAIL ", 0, j)):
            continue  # vsftpd's outcome, "[jdoe] FAIL LOGIN: Client …", not a key
        parent = None
        for rs, rend, rk in regions:
            if rs <= j < rend:
                parent = rk
        cls = _key_class(key, parent)
        if cls is _NO_KEY:
            continue  # only keys the hint pattern knows may find values (batch == per event)
        vstart = n - km.start()  # just after the separator
        if (cls != "geo" and text[vstart - 1] == ":" and "\"" not in text[key_end:vstart] and "'" not in text[key_end:vstart]
                and vstart < n
                and (text[vstart].isdigit() or (text[vstart] == "-" and text[vstart + 1:vstart + 2].isdigit()))
                and not (cls == "user_id" and _ID_KEY_END.search(key) is not None and _BARE_NUMBER.match(text, vstart))):
            # a colon and a number (file:line, a time, a version): a key only for a coordinate, or
            # for a person's id by a key that says so, before a plain number ("userId:40991")
            continue
        if j > 0 and text[j - 1] == "(" and text.startswith(_PAM_TYPES, vstart):
            continue  # a PAM module's service and type, pam_sss(login:auth), not a login
        if vstart < n and text[vstart] == "=" and text[vstart - 1] == "=":
            continue  # a comparison, not an assignment: github.actor == 'release-bot'
        if vstart < n and text[vstart] == ">" and text[vstart - 1] == "=":
            vstart += 1  # Ruby's hash rocket: {"name"=>"Nina Weber"}
        # values aligned in a column after an environment variable's name (kubectl describe's
        # "  DB_PASSWORD:      hunter2") may be far from it; elsewhere a few spaces at most
        limit = min(n, vstart + (48 if text[vstart - 1] == ":" and key.isupper() else 3))
        spaced = vstart
        while vstart < limit and text[vstart] in " \t":
            vstart += 1
        if vstart + 1 < n and text[vstart] in "NE" and text[vstart + 1] == "'" and text[vstart - 1] in " =\t":
            vstart += 1  # SQL Server's N'…' and PostgreSQL's E'…' string literals: the quote starts the value
        if vstart > spaced and text[spaced - 1] == "=" and cls != "cookie" and _KEY_AHEAD.match(text, vstart):
            continue  # an empty value, then the next pair: "logname= uid=0 euid=0" (PAM)
        if vstart < n and text[vstart] == "{" and _is_personal_parent(key):
            regions.append((vstart, _brace_end(text, vstart), key))
            continue
        if vstart < n and text[vstart] == "{" and cls not in _UNREAD_CLASSES:
            vm = _VALUE_OBJECT.match(text, vstart)
            if vm is not None:  # a field's value wrapped in an object: "email": {"value": "…"} (MyInfo, FHIR)
                _class_value(vm.group("v"), cls, vm.start("v"), out)
            continue
        if vstart < n and text[vstart] == "[" and _is_personal_parent(key) and _OBJECT_LIST.match(text, vstart):
            # a list of objects that describe a person: FHIR's "name": [{"family": …}]
            regions.append((vstart, _brace_end(text, vstart, "[]"), key))
            continue
        if cls is None:
            at = vstart + 1 if vstart < n and text[vstart] in "\"'" else vstart
            if at < n and text[at] >= "\u3000" and key.lower() in _SCRIPT_NAME_KEYS:
                sm = _SCRIPT_NAME_VALUE.match(text, at)
                if sm is not None and sm.group("jg") not in _JP_BUSINESS_WORDS:
                    # name=陈思远, receiver=李晓燕, name=山田太郎: a name by its shape (see is_script_name)
                    out.append(Span(sm.start(), sm.end(), "person_name", 2))
            continue
        if cls == "cookie":
            # the whole header value: every pair in it, not only the first (the next
            # pair's name=value would otherwise end it as a new key)
            if text.startswith(('\\"', '"', "'"), vstart):  # quoted: inside the quotes
                ext = _value_extent(text, vstart, "narrow")
            else:
                m = _COOKIE_END.search(text, vstart, min(n, vstart + 8192))
                ext = (vstart, m.start() if m else min(n, vstart + 8192))
            if ext is not None:
                found = cookie_spans(text, ext[0], ext[1])
                if not found:  # a bare value, no name=value pair: GlobalProtect's "prelogon cookie=eyJ…"
                    bm = _BARE_COOKIE.match(text, ext[0], ext[1])
                    if bm is not None and looks_random(bm.group()):
                        found = [Span(bm.start(), bm.end(), "cookie", 3)]
                out.extend(found)
            continue
        if text.startswith(_REJECTED, vstart):
            close = text.find("]", vstart + len(_REJECTED))
            ext = (vstart + len(_REJECTED), n if close < 0 else close)
        else:
            if cls in ("secret", "password"):
                sm2 = _SCHEME.match(text, vstart)
                if sm2 is None and key.lower().endswith("authorization"):
                    sm2 = _ANY_SCHEME.match(text, vstart)  # Authorization: Splunk <token>, GenieKey <key>
                if sm2 is not None:
                    vstart = sm2.end()
            mode = _MODE.get(cls, "narrow")
            ext = _value_extent(text, vstart, mode)
            if cls == "address" and ext is not None and _POSTCODE_KEY.search(key) is not None and is_plausible(
                    cls, text[ext[0]:ext[1]]):  # (the whole line first: "postcode: is not a valid UK postcode")
                ext = _value_extent(text, vstart, "postcode")
        if ext is None and vstart < n and text[vstart] == "[" and cls not in _NOT_LISTED:
            # a JSON list of strings under a personal key: FHIR's "given": ["Ada", "M."]
            lm = _STRING_LIST.match(text, vstart)
            item = _JSON_STRING
            if lm is None and text.startswith("['", vstart):
                lm, item = _PY_STRING_LIST.match(text, vstart), _PY_STRING
            if lm is not None:
                for im in item.finditer(text, lm.start(), lm.end()):
                    value = im.group(1)
                    if cls in ROLE_CLASSES:
                        kind = role_kind(cls, value) if value else None
                        if kind is not None:
                            out.append(Span(im.start(1), im.end(1), kind, 3))
                    elif value and not is_neutral(value) and is_plausible(cls, value):
                        out.append(Span(im.start(1), im.end(1), cls, 3))
            continue
        if ext is None or ext[1] <= ext[0]:
            continue
        vs, ve = ext
        if cls == "dob" and ve - vs > 10:
            dm = _DIGIT_DATE.match(text, vs, ve)
            if dm is not None and text[dm.end()] == " ":
                ve = dm.end()  # "DOB=19490112 Rx#6281940", "dob=2011-07-23 below minimum age": the date only
        if cls == "address" and " " in text[vs:ve] and "0" <= text[vs] <= "9" and _is_postal_key(key):
            pm = _POSTAL_CODE.match(text, vs, ve)
            if pm is not None and pm.end() + 1 < ve and text[pm.end()] == " " and (
                    text[pm.end() + 1].isdigit() or text[pm.end() + 1] == "("):
                ve = pm.end()  # "zip=75011 500 (Internal Server Error)": the code, not the status after it
        if cls in ("user_id", "person_name") and ve - vs <= 4 and _CJK_RUN.fullmatch(text, vs, ve):
            gm = _CJK_GIVEN.match(text, ve)  # a family name, a space, a given name: "佐藤 由紀"
            if gm is not None:
                ve = gm.end()
        value = text[vs:ve]
        if is_neutral(value):
            continue
        if value.lower() == key.lower() or (
            (value[-1] in "[(" or (ve < n and text[ve] in "[(")) and "." in value
            and _CODE_REF.fullmatch(value.rstrip("[("))
        ):
            continue  # code, not a value: create(user=user, cpf=form.cleaned_data["cpf"])
        if (j > 0 and text[j - 1] in "'\"" and vs == key_end + 1 and text[key_end] == ":" and ve < n
                and text[ve] == text[j - 1] and cls not in ("password", "secret")):
            continue  # a scope or a permission in quotes: 'key:write', "user:email"
        if "1" <= text[vs] <= "5" and _STATUS_REASON.match(text, vs) is not None:
            continue  # "Login: 401 Unauthorized": an HTTP status and its reason, not a value
        if (text[spaced - 1] == ":" and cls not in ("password", "secret", "weak_secret")
                and _first_word(value) in _STATUS_WORDS):
            continue  # "Customer: not found", "Card: declined (…)": a label and a status, in prose
        if cls == "address" and j > 1 and text[j - 1] == " " and _NOT_STREET_BEFORE.search(text, max(0, j - 12), j):
            continue  # "not a valid email address: An email address must…", "IP address: …"
        if cls == "user_id" and value.startswith("system:"):
            continue  # Kubernetes' own identities: system:anonymous, system:serviceaccount:…
        if (cls in ROLE_CLASSES or cls in ("user_id", "person_name")) and _KEY_AHEAD.match(value) and not (
                value.endswith("=") and len(value.rstrip("=")) >= 8 and looks_random(value.rstrip("="))):
            # (not base64's padding: a GraphQL relay id, "userId":"VXNlcjo0NDgyMQ==")
            # "Failed Login: username=jdoe", Dovecot's "Login: user=<jdoe>", "beneficiario: nombre=…":
            # a pair, read on its own
            continue
        if cls == "user_id" and value.startswith("arn:"):
            continue  # "User: arn:aws:iam::…:user/jdoe": the login detector takes the user only
        if key == "PWD" and value[:1] in "/~":
            continue  # the shell's working directory (sudo, env dumps), not a password
        if key == "PASS" and value.isdigit():
            continue  # a test summary's count: dbt's "PASS=56 WARN=0 ERROR=0", ctest, automake
        if cls == "session_id" and _RESOURCE_SID.fullmatch(value):
            continue  # Twilio's resource ids under "sid" (VE…, AC…, SM… and 32 hex digits): no session
        if cls == "user_id" and (value.endswith("[bot") or text.startswith("[bot]", ve)):
            continue  # actor=github-actions[bot]: an app's account, no one's
        if cls == "user_id" and value.lower() in SYSTEM_ACCOUNTS:
            continue  # USER=root: an account every system has names no one
        if cls == "id":
            ids.append((vs, ve))
        elif cls == "weak_secret":
            if looks_random(value):
                out.append(Span(vs, ve, "secret", 3))
        elif cls == "record_key":
            if is_plausible("record_key", value) and not _VALUE_ATTRIBUTE.match(text, ve):
                out.append(Span(vs, ve, "record_key", 3))
        elif cls in ROLE_CLASSES:
            kind = role_kind(cls, value)  # owner=Piotr Kowalski, rider=usr_51f0b7a9c3
            if kind is not None:
                out.append(Span(vs, ve, kind, 3))
        elif is_plausible(cls, value) or (
            cls == "address" and _is_postal_key(key) and not value.startswith("0x")
            and any(c.isdigit() for c in value) and not is_placeholder(value)
        ):
            out.append(Span(vs, ve, cls, 3))


# A bare ``name`` key, not part of a longer one (customer_name= is read with the keys),
# also PHP's print_r ``[name] =>``; and a bare ``holder`` (an account's, or a lock's:
# holder=worker-3 stays, only a person's name is taken)
# what _OTHER_NAME_KEYS needs, as lower-case substrings (cheaper than the regex per text)
_OTHER_NAME_KEY_WORDS = ("nimi", "navn", "namn", "név", "jméno", "naam", "nome", "nombre", "isim", "nume", "nama", 'nom"', "nom'", "nom ",
                         "nom=", "nom:", "nom\\", "nom\t", "ad:", "ad=", 'ad"', "ad'", "ad :", "ad =")  # (Turkish Ad=AYŞE)
_BARE_NAME_KEY = re.compile(
    r"(?:(?<![\w.\-\[\]])(?:name|Name|NAME|holder|Holder|HOLDER|" + _OTHER_NAME_KEYS + r")(?:\\?[\"'])?"
    r"|(?<=\[)(?:name|Name|NAME)\])[ \t]{0,3}(?:=>?|:)[ \t]{0,3}"
)


# a given or a family name's key: beside one, a bare name key holds the other part
# (Name=Özdemir, Vorname=Elif; "NOM":"Roux","PRENOM":"Thomas"; Ad: Mehmet, Soyad: Kaya)
_NAME_PART_KEY = re.compile(
    r"(?i)(?<![a-z])(?:vorname|nachname|first_?name|last_?name|given_?name|family_?name|surname|pr[eé]nom|"
    r"apellidos?|cognome|sobrenome|voornaam|achternaam|nazwisko|imi[eę]|soyad[ıi]?|etunimi|sukunimi|fornavn|"
    r"etternavn|f[oö]rnamn|efternamn)(?:\\?[\"'])?[ \t]{0,3}(?:=>?|:)"
)
_ONE_NAME = re.compile(_NAME_WORD + r"|[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]+(?: [A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]+){0,2}")


# two to four title-cased words under a bare name key, with a middle initial and particles
# between them (DeShawn M. Pruitt, Ana Lúcia Ferreira dos Santos; a name word may start with
# Mc, Mac, De, La, Di...: McDonald, LaToya)
_CAMEL_NAME_WORD = r"(?:Mc|Mac|De|La|Le|Di|Du|Van|Von)?" + _NAME_WORD
_BARE_PERSON_VALUE = re.compile(
    _CAMEL_NAME_WORD + r"(?: (?:[A-Z]\. )?(?:(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten|le|la|bin|al|y|e) )"
    r"{0,2}" + _CAMEL_NAME_WORD + r"){1,3}"
)
# a register's SURNAME,GIVEN under a bare name key (Name=GARCIA,ROSA; NAME: KOWALSKI, ANNA)
_CAPS_COMMA_NAME = re.compile(r"[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]{2,}, ?[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]{2,}(?: [A-Z]\.?)?")


_BLANK = re.compile(r"\s")


def _listed_caps_name(value: str) -> bool:
    """A name in capitals, as registers write it ("MARIANA CONCEICAO DOS SANTOS"), of two
    to four words, one of them a listed given name or surname."""
    if CAPS_NAME.fullmatch(value) is None:
        return False
    words = [w.title() for w in value.split(" ") if len(w) > 1]
    return len(words) >= 2 and any(is_given_name(w) or is_surname(w) for w in words)


def _bare_names(text: str, out: list[Span]) -> None:
    """A person's name under a bare ``name`` key (``name=Anna Kowalczyk``), which names
    services, pods and jobs as often: only two or three title-cased words that no message
    or service name uses ("Checkout Service", "Payment Failed" stay). Beside a given or a
    family name's key, one word or a name in capitals is the other part (``Name=Özdemir,
    Vorname=Elif``, ``Nombre: JAVIER`` after ``Apellidos:``), and Turkish ``Ad`` is a key."""
    paired: bool | None = None
    for m in _BARE_NAME_KEY.finditer(text):
        ext = _value_extent(text, m.end(), "name")
        if ext is None:
            continue
        if m.start() > 0 and text[m.start() - 1] in "?&" and "=" in text[m.start():m.end()]:
            # in a query string, whose value a blank ends: nombre=Carmen+L%C3%B3pez+Garc%C3%ADa HTTP/1.1
            blank = _BLANK.search(text, ext[0], ext[1])
            if blank is not None:
                ext = (ext[0], blank.start())
        value = text[ext[0]:ext[1]]
        if ("%" in value or "+" in value) and "=" in text[m.start():m.end()]:
            value = unquote_plus(value)
        short = text.startswith("Ad", m.start())
        if short or (_BARE_PERSON_VALUE.fullmatch(value) is None and _CAPS_COMMA_NAME.fullmatch(value) is None
                     and not _listed_caps_name(value)):
            if paired is None:
                paired = _NAME_PART_KEY.search(text) is not None
            if not paired or _ONE_NAME.fullmatch(value) is None:
                continue
        if any(w.lower() in _NOT_NAME_WORDS for w in value.split(" ")):
            continue
        out.append(Span(ext[0], ext[1], "person_name", 2))


# --- the detectors ---------------------------------------------------------------


# The fixed user names of token logins (GitHub's, GitLab's, Bitbucket's, OAuth2's, AWS ECR's):
# the password is the secret, the name is no one's
_TOKEN_USERS = frozenset({"x-access-token", "oauth2", "x-token-auth", "gitlab-ci-token", "x-oauth-basic",
                          "token", "aws", "apikey", "api", "_token", "__token__", "anonymous"})


def _url_creds(text: str) -> list[re.Match[str]]:
    found = []
    i = text.find("://")
    while i >= 0:
        m = _URL_CRED.match(text, i + 1)
        if m is not None:
            found.append(m)
        i = text.find("://", i + 3)
    return found


# the characters of an e-mail's local part (str.isalnum or one of ._%+-) as a character
# class (``[^\W_]`` is exactly str.isalnum, so ``\w`` adds ``_``)
_LOCAL_REV = re.compile(r"[\w.%+-]{1,65}")


# a Message-ID's left part, which mail software makes of a time, a counter and random hex
# (no mailbox: <20240314120001.1.A7C3E9B2F1D40E58@mg.…>, <CAKx…=…@mail.gmail.com>)
_MACHINE_LOCAL = re.compile(r"(?=[^@<>]*[.=$]|[^@<>]{20})[^@<>]*(?:[0-9A-Fa-f]{12}|[0-9]{10})")


_TYPO_LOCAL = re.compile(r"[a-z][a-z0-9-]*\.[a-z0-9.-]*[a-z0-9]")  # (first.last: not PostgreSQL's app_user@db)
_TYPO_DOMAIN = re.compile(r"[a-z][a-z0-9-]{1,30}(?:,[a-z]{2,6}(?:\.[a-z]{2,3})?)?(?![\w@.-])")


def _mailish(text: str) -> bool:
    """Whether ``text`` speaks of e-mail."""
    lowered = text.lower()
    return "mail" in lowered or "correo" in lowered or "courriel" in lowered


# The handles of India's UPI payment addresses (name@handle, no dot): the payment apps' and
# the banks' most used
_UPI_HANDLE = re.compile(
    r"(?:okicici|okhdfcbank|oksbi|okaxis|ybl|ibl|axl|paytm|ptyes|ptaxis|pthdfc|ptsbi|apl|yapl|rapl|upi|"
    r"waicici|wahdfcbank|wasbi|waaxis|icici|sbi|hdfcbank|axisbank|axisb|kotak|kmbl|idfcbank|idfcfirst|"
    r"indus|federal|aubank|yesbank|yesbankltd|pnb|boi|unionbank|cnrb|barodampay|freecharge|airtel|jio|"
    r"jupiteraxis|fam|slice|naviaxis|abfspay|timecosmos|dbs|hsbc|sc|citi|rbl|equitas|fbl|jkb|kbl|tjsb)"
    r"(?![\w.@-])"
)


# mailboxes of a mail system's function, no one's (RFC 2142's and the senders that take no
# replies); a business's contact mailboxes (info@, support@) stay read: a sole trader's are theirs
_ROLE_MAILBOXES = frozenset({
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "postmaster", "mailer-daemon",
    "hostmaster", "webmaster", "abuse", "catchall", "catch-all", "bounce", "bounces", "nobody",
})  # fmt: skip
_SIP_USER = re.compile(r"\+?[0-9]{5,16}")


def _emails(text: str, out: list[Span], identifiers: bool = False) -> None:
    rev = None
    n = len(text)
    for sep in ("@", "%40"):
        i = text.find(sep)
        while i >= 0:
            # the run of local-part characters (_LOCAL_REV) just before i, up to 65 of them:
            # an address's local part has 1 to 64 (a longer run is not one)
            if rev is None:
                rev = text[::-1]
            m = _LOCAL_REV.match(rev, n - i)
            j = i - (m.end() - m.start() if m is not None else 0)
            if "%" in text[j:i]:
                j = _after_encoded_delimiter(text, j, i)
            if j < i and i - j <= 64:
                m = _EMAIL_DOMAIN.match(text, i + len(sep))
                if m is None and sep == "@" and text.startswith("@", i + 1):
                    m = _EMAIL_DOMAIN.match(text, i + 2)  # a typed address a form rejects: ana@@gmail.com
                if m is None and sep == "@" and _TYPO_LOCAL.fullmatch(text, j, i) and _mailish(text):
                    # an address a validation error rejects, in a text about mail: its domain
                    # without a suffix or with a comma for a dot (alessandro.ferri@libero, ana.souza@uol,com.br)
                    m = _TYPO_DOMAIN.match(text, i + 1)
                if m is None and sep == "@":
                    um = _UPI_HANDLE.match(text, i + 1)
                    if um is not None:  # India's UPI address, a person's payment address: priya.sharma@okicici
                        out.append(Span(j, um.end(), "user_id"))
                if m is not None and sep == "@" and text.endswith(_SYSTEMD_UNITS, 0, m.end()):
                    m = None  # a systemd template unit's instance: postgresql@15-main.service
                elif m is not None and j > 0 and text[j - 1] == "/" and m.group().isupper():
                    m = None  # a Kerberos service's principal: krbtgt/CORP.ACME.LAN@CORP.ACME.LAN
                elif m is not None and m.group().endswith("gserviceaccount.com"):
                    m = None  # a Google Cloud service account: etl-runner@acme-prod.iam.gserviceaccount.com
                elif m is not None and sep == "@" and (
                        m.group().endswith(".cluster.local")
                        or (m.group().startswith(text[j:i]) and m.group()[i - j:i - j + 1] in "-0123456789"
                            and m.group().count(".") >= 2)):
                    m = None  # an Erlang node (emqx@emqx-core-1.emqx-headless…, rabbit@rabbit-0) or a cluster's pod
                elif (m is not None
                      and ((j > 0 and text[j - 1] == "<" and text.startswith(">", m.end()))
                           or (identifiers and j == 0 and m.end() == n))
                      and _MACHINE_LOCAL.match(text, j, i) is not None):
                    # a Message-ID, in its brackets (<20240314120001.1.A7C3E9B2F1D40E58@mg.…>) or
                    # alone under an id's key ("message-id": "20240718103555.b6f1a9c2e3d4@mg.…")
                    m = None
                if m is not None and sep == "@" and text[j:i].lower().split("+", 1)[0] in _ROLE_MAILBOXES:
                    m = None  # a role's mailbox, no one's: noreply@, postmaster@, catchall@
                elif m is not None and j >= 4 and _SIP_USER.fullmatch(text, j, i) and (
                        text[j - 4:j].lower() in ("sip:", "tel:") or text[j - 5:j].lower() == "sips:"):
                    out.append(Span(j, i, "phone"))  # sip:+4930123456789@sip.carrier.de: the number, not the host
                    if m.end() < n and text[m.end()] in ">;":
                        k = text.rfind("<", j - 6, j)  # and the caller's name before <sip:…> (see below)
                        if k > 1 and text[k - 1] == " " and text[k + 1:j - 1].lower() in ("sip", "sips", "tel"):
                            _display_name(text, k - 1, out)
                    m = None
                if m is not None:
                    out.append(Span(j, m.end(), "email"))
                    if j > 1 and text[j - 2] == " " and m.end() < n:
                        if text[j - 1] == "<" and text[m.end()] == ">":
                            _display_name(text, j - 2, out)
                        elif text[j - 1] == "(" and text[m.end()] == ")":
                            _display_name(text, j - 2, out, loose=True)
                    elif j > 5 and text[j - 1] == ":" and m.end() < n and text[m.end()] in ">;":
                        # a SIP or tel URI in angle brackets: From: "Helga Brandt" <sip:+4930…@…>
                        k = text.rfind("<", j - 6, j)
                        if k > 1 and text[k - 1] == " " and text[k + 1:j - 1].lower() in ("sip", "sips", "tel"):
                            _display_name(text, k - 1, out)
            i = text.find(sep, i + 1)
    if _may_spell_at(text):
        for m in _SPELT_EMAIL.finditer(text):
            out.append(Span(m.start(), m.end(), "email"))


# An address with its "@" (and dots) spelt out against harvesters, as people type it into forms
# and support tickets, and validators reject it: ana.souza[at]uol.com.br, jan (at) seznam (dot) cz
_SPELT_AT = r"\s?[\[({<](?:at|AT|At)[\])}>]\s?"
_SPELT_DOT = r"(?:\.|\s?[\[({<](?:dot|DOT|Dot)[\])}>]\s?)"
_SPELT_EMAIL = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9](?:[\w.+-]{0,62}[A-Za-z0-9_])?" + _SPELT_AT
    + r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?" + _SPELT_DOT + r")+[A-Za-z]{2,24}(?![\w-])"
)


def _may_spell_at(text: str) -> bool:
    """Whether ``text`` may hold an address with its "@" spelt out (:data:`_SPELT_EMAIL`)."""
    return "at]" in text or "at)" in text or "AT]" in text or "AT)" in text or "at}" in text or "at>" in text


# URL-encoded characters no local part holds: a quote, colon, comma, brace, bracket, space,
# = or & (JSON or a form URL-encoded in a query string: data=%7B%22email%22%3A%22a%40b.com)
_ENCODED_DELIMITER = re.compile(r"%(?:22|27|3[AaDd]|2[Cc]|7[Bb]|5[Bb]|20|26)")


def _after_encoded_delimiter(text: str, j: int, i: int) -> int:
    """Where a local part found in ``text[j:i]`` starts: after its last URL-encoded
    delimiter, if it has one."""
    end = j
    for m in _ENCODED_DELIMITER.finditer(text, j, i):
        end = m.end()
    return end


# The display name of an address written "Jean-Pierre Dubois <jp@example.fr>" or
# '"Dubois, Jean" <jp@example.fr>' (RFC 5322): one to four capitalized words, or a quoted
# phrase (its quotes doubled in a CSV field: """Dubois, Jean"" <…>"), right before the bracket. Not a log level or other all-capital word.
# (reversed: "Pieter de Vries" is "seirV ed reteiP"; a particle only between two words)
_PARTICLES_REV = r"(?:ed|ad|id|ud|nav|nov|red|ned|led|alled|al|el|sod|sad|nib|nbi|ret|net|y)"
_CAP_WORD_REV = r"[\w'.-]*[a-zà-þā-žα-ωа-яё][\w'.-]*[A-ZÀ-ÞĀ-ŽΑ-ΩА-ЯЁ]"
_DISPLAY_REV = re.compile(
    r"\"\"?(?P<q>[^\"<>\n]{2,64})\"|(?P<w>(?:" + _CAP_WORD_REV + r"(?: |$)(?:" + _PARTICLES_REV + r" (?:" + _PARTICLES_REV + r" )?(?="
    + _CAP_WORD_REV + r"))?){1,4})"
)


def _display_name(text: str, space: int, out: list[Span], loose: bool = False) -> None:
    """A display name ending just before ``text[space]`` (the space before ``<``). With
    ``loose`` (an address in brackets, "from Aoife Byrne (ab@example.ie)", a form no RFC
    defines): two capitalized words at least, none a message or service word ("Payment
    Failed (ops@example.com)" stays), and not a quoted phrase."""
    a = max(0, space - 96)
    rev = text[a:space][::-1]
    m = _DISPLAY_REV.match(rev)
    if m is None:
        return
    if m.group("q") is not None:
        if not loose:
            out.append(Span(space - m.end("q"), space - m.start("q"), "person_name", 2))
        return
    words = m.group("w").rstrip(" ")
    start = space - len(words)
    if loose:
        parts = text[start:space].split(" ")  # (the match is in the reversed text)
        if len(parts) < 2 or any(w.lower() in _NOT_NAME_WORDS for w in parts):
            return
    if start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'(:,;[":
        return  # the words run on from something else (x.Name <a@b>)
    out.append(Span(start, space, "person_name", 2))


# A chat mention as the APIs write it: Slack's <@U024BE7LH> (or <@U024BE7LH|jdoe>),
# Discord's <@80351110224678912> / <@!80351110224678912>
_MENTION = re.compile(r"<@(?:!?(?P<d>[0-9]{17,20})|(?P<s>[UW][A-Z0-9]{8,10})(?:\|(?P<n>[^\s<>|]{1,80}))?)>")


_GAME = re.compile(_GAME_BRANCH)
_STEAM_ID = r"(?:7656119[0-9]{10}|STEAM_[0-5]:[01]:[0-9]{1,10}|\[U:1:[0-9]{1,10}\])"
_STEAM_IDS = re.compile(r"(?<![\w:\[])" + _STEAM_ID + r"(?![\w:])")
_PLAYER_LINES = re.compile(
    # the Source engine (srcds) log: "Dr. Kebab<23><[U:1:418529004]><Blue>"
    r"\"(?P<src>[^\"<>\n]{1,64})<[0-9]{1,6}><(?:\[U:1:[0-9]{1,10}\]|STEAM_[0-5]:[01]:[0-9]{1,10})><[^<>\"\n]{0,24}>"
    # a name before its Steam id: Sh4dowFox (STEAM_0:1:52817364), Pavel Novák[76561198034567812], …/7656…/Name joined
    r"|(?:^(?P<bol>[^\s()\[\]<>\"/:]{2,32}(?: [^\s()\[\]<>\"/:]{2,32}){1,2})|(?<![^\s:\]>])(?P<bef>[^\s()\[\]<>\"/:]{2,32}))"
    r" ?[(\[](?:7656119[0-9]{10}|STEAM_[0-5]:[01]:[0-9]{1,10})[)\]]"
    r"|/7656119[0-9]{10}/(?P<aft>[^\n/\[\]]{2,32}?) (?:joined|has)"
    # Minecraft (vanilla, Paper, Velocity), Valheim
    r"|UUID of player (?P<mcu>[A-Za-z0-9_]{2,16}) is |(?<![^\s:\]>])(?P<mcl>[A-Za-z0-9_]{2,16})\[/[0-9A-Fa-f.:\[\]]{3,64}\] logged in with entity id "
    r"|INFO\]: <(?P<mcc>[A-Za-z0-9_]{3,16})> |\[connected player\] (?P<mcp>[A-Za-z0-9_]{2,16}) \(|ZDOID from (?P<vh>[^\s:]{2,32}) : "
    r"|(?:^|\]: |: )(?P<mcj>[A-Za-z0-9_]{2,16}) (?:joined the game|left the game|lost connection: )"
    # BattlEye (Arma, DayZ): Player #7 Ghost_Rider (185.42.18.203:2304) connected, … - BE GUID: …; DayZ's Player "Name"
    r"|Player #[0-9]{1,4} (?P<be>[^\s()]{2,32}) (?:\(|- (?:BE )?GUID: (?P<guid>[0-9a-f]{32}))"
    r"|Player \"(?P<dz>[^\"\n]{2,48})\" ?\((?:DEAD\) \()?(?:id|steamID)=(?P<dzid>[A-Za-z0-9+/=_-]{8,64})",
    re.MULTILINE,
)
_PLAYER_GROUPS = ("src", "bol", "bef", "aft", "mcu", "mcl", "mcc", "mcp", "vh", "mcj", "be", "guid", "dz", "dzid")
_NOT_PLAYERS = frozenset({"Console", "BOT", "Server", "Unknown", "Player", "console", "server"})


def _game_servers(text: str, out: list[Span]) -> None:
    """Players as game servers log them: Steam's ids in prose (SteamID64, ``STEAM_0:1:…``,
    ``[U:1:…]``) and the names beside them, the Source engine's ``"Name<uid><steamid><team>"``,
    Minecraft's join, chat and UUID lines, Valheim's, BattlEye's ``Player #7 Name (…)`` and
    GUIDs, DayZ's ``Player "Name" (id=…)``. (A name found once is replaced wherever the
    text repeats it.)"""
    for m in _STEAM_IDS.finditer(text):
        out.append(Span(m.start(), m.end(), "user_id", 2))
    for m in _PLAYER_LINES.finditer(text):
        for g in _PLAYER_GROUPS:
            v = m.group(g)
            if v is not None and v not in _NOT_PLAYERS and not is_neutral(v):
                out.append(Span(m.start(g), m.end(g), "user_id", 2))


# A record printed whole, in brackets or quotes, by a database, a driver or a loader that
# rejected it: "Failing row contains (…)", a Python tuple or list of a row, a CSV line
_ROW = re.compile(
    r"\((?P<p>[^()\n]{12,800})\)|\[(?P<b>[^\[\]\n]{12,800})\]|'(?P<q>[^'\n]{12,800})'|\"(?P<d>[^\"\n]{12,800})\""
)
_CONTACT_KINDS = frozenset({"email", "phone", "ssn", "iban"})
_ROW_ITEM, _ROW_ITEM_SEMI = (  # one value of a row, and its separator (a CSV of semicolons: the second)
    re.compile(r"\s*(?:'(?P<s>[^'\n]*)'|\"(?P<d>[^\"\n]*)\"|(?P<o>[^" + sep + r"]*))\s*(?:" + sep + r"|$)")
    for sep in ",;"
)
_ROW_PARTICLES = r"(?:de|van|von|der|den|da|del|dos|du|di|la|le|el|al|bin|ter|ten)"
_ROW_NAME = re.compile(
    r"(?:" + _ROW_PARTICLES + r" )*[A-ZÀ-ÞĀ-ŽА-Я][\w'’.-]*(?: (?:" + _ROW_PARTICLES
    + r" )*[A-ZÀ-ÞĀ-ŽА-Я][\w'’.-]*){0,3}"
)
_ROW_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{6,18}[0-9]")
_ROW_DATE = re.compile(r"(?:19[0-9]{2}|20(?:0[0-9]|1[0-5]))-[01][0-9]-[0-3][0-9]")
_ROW_ID = re.compile(r"[A-Z]{0,3}-?[0-9]{3,12}")
_ROW_STREET = re.compile(r"[^\d,]{3,40} [0-9]{1,4}[a-z]?(?: ?[a-z]{1,3})?|[0-9]{1,5}[a-z]? [^\d,]{3,40}")


# A name under a key written in two words, as Java's toString() and Adyen's additionalData
# print them: "shopperName=[first name=Yusuf, last name=Al-Rashid]", "Last name: Okafor".
# (Not in _key_values: a key run holds no space, so the batch path's key gate sees only
# "name=", which names no one; this detector has a shape branch of its own.)
_SPACED_NAME_KEY = re.compile(r"(?<![\w-])(?i:first|last|given|family|middle) name[ \t]*[=:][ \t]*")


def _spaced_name_keys(text: str, out: list[Span]) -> None:
    for m in _SPACED_NAME_KEY.finditer(text):
        ext = _value_extent(text, m.end(), "name")
        if ext is None or ext[1] <= ext[0]:
            continue
        value = text[ext[0]:ext[1]]
        first = value.split(" ", 1)[0].lower()
        if (value[0].isupper() or (not value.isascii() and not value[0].islower())) and first not in _STATUS_WORDS \
                and first not in _NOT_NAME_WORDS and not is_neutral(value) and is_plausible("person_name", value):
            out.append(Span(ext[0], ext[1], "person_name", 2))


# A table printed with its header: a CSV export's rejected rows, Spark's show(), psql's and
# a data-quality tool's sample of failing rows. Each value is read under its column's class
# (the header's name), once anything personal was found in the rows; a column named only
# "name" holds a person's name there.
_HEADER_CELL = re.compile(r"[^\W\d][\w .#/-]{0,40}")
_TABLE_RULE = re.compile(r"[\s+|=:-]*")  # a ruled line between the header and the rows: +----+----+, ---|---
_BARE_NAMES = frozenset({"name", "names", "nombre", "nom", "nome", "naam", "navn", "namn", "imię", "imie", "isim", "ad"})


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The cells of one line of a table (offsets in ``line``), split at ``sep``; a value in
    double quotes may hold the separator; the outer pipes of an ASCII table are no cells."""
    cells: list[tuple[int, int]] = []
    a, n = 0, len(line)
    if sep == "|":
        while a < n and line[a] == " ":
            a += 1
        if line.startswith("|", a):
            a += 1
        end = line.rstrip(" ")
        n = len(end) - 1 if end.endswith("|") and len(end) - 1 >= a else len(end)
    i = a
    while i <= n:
        if i < n and line[i] == '"' and sep != "|":
            close = line.find('"', i + 1, n)
            if close > 0:
                j = line.find(sep, close, n)
                j = n if j < 0 else j
                cells.append((i + 1, close))
                i = j + 1
                continue
        j = line.find(sep, i, n)
        j = n if j < 0 else j
        cs, ce = i, j
        while cs < ce and line[cs] == " ":
            cs += 1
        while ce > cs and line[ce - 1] == " ":
            ce -= 1
        cells.append((cs, ce))
        i = j + 1
    return cells


def _header_rows(text: str, cands: list[Span], out: list[Span]) -> None:
    """The values of a table under a header line (see :data:`_HEADER_CELL`)."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    ends = [x - 1 for x in starts[1:]] + [len(text)]
    k = 0
    while k < len(starts) - 1:
        line = text[starts[k]:ends[k]].rstrip("\r")
        sep = next((c for c in "|\t;," if line.count(c) >= 2), None)
        if sep is None:
            k += 1
            continue
        head = _cells(line, sep)
        names = [line[a:b].strip("\"' ") for a, b in head]
        if len(names) < 3 or not all(_HEADER_CELL.fullmatch(x) for x in names):
            k += 1
            continue
        classes = [classify_key(x) for x in names]
        if all(c in _UNREAD_CLASSES for c in classes):
            k += 1
            continue
        classes = ["person_name" if c is None and x.lower() in _BARE_NAMES else c for c, x in zip(classes, names, strict=True)]
        rows: list[tuple[int, list[tuple[int, int]]]] = []
        r = k + 1
        while r < len(starts):
            row = text[starts[r]:ends[r]].rstrip("\r")
            ruled = _TABLE_RULE.fullmatch(row) is not None
            if sep in row and not ruled:
                cells = _cells(row, sep)
                if len(cells) != len(head):
                    break
                rows.append((starts[r], cells))
            elif not ruled or not row.strip():
                break
            r += 1
        if rows:
            lo, hi = rows[0][0], rows[-1][0] + rows[-1][1][-1][1]
            if any(lo <= c.start and c.end <= hi for c in cands):
                for at, cells in rows:
                    for (a, b), cls in zip(cells, classes, strict=True):
                        _class_value(text[at + a:at + b], cls, at + a, out)
        k = max(r, k + 1)


def _contact_rows(text: str, out: list[Span]) -> None:
    """The other values of a person's record printed whole: a row, a tuple or a CSV line
    of four values or more in which an e-mail address, a phone number, a national id or an
    IBAN was found
    (``Failing row contains (88213901, Chen, Jiahui, …, 138 0013 8000, …)``, a loader's
    rejected ``['10442', 'Daan', 'de Vries', 'Keizersgracht 123', …, 'daan@…']``; its values
    may be separated by semicolons, as European CSV exports write them). Its
    capitalized words are the person's names, a number after a street's name (or before it)
    their address, a date before 2016 their birth date, and a first value shaped like an id
    their id. Numbers, codes, timestamps and lower-case words stay."""
    contact = [(c.start, c.end) for c in out if c.kind in _CONTACT_KINDS]
    for m in _ROW.finditer(text):
        g = next(k for k in ("p", "b", "q", "d") if m.group(k) is not None)
        a, b = m.start(g), m.end(g)
        if not any(a <= cs and ce <= b for cs, ce in contact):
            continue
        semis = text.count(";", a, b)
        item = _ROW_ITEM_SEMI if semis >= 3 and semis > text.count(",", a, b) else _ROW_ITEM
        items: list[tuple[int, int]] = []
        pos = a
        while pos < b:
            im = item.match(text, pos, b)
            if im is None or im.end() == pos:
                break
            vg = "s" if im.group("s") is not None else "d" if im.group("d") is not None else "o"
            vs, ve = im.start(vg), im.end(vg)
            while vs < ve and text[vs] == " ":
                vs += 1
            while ve > vs and text[ve - 1] == " ":
                ve -= 1
            items.append((vs, ve))
            pos = im.end()
        if len(items) < 4 or '":' in text[a:b] or "{" in text[a:b]:
            continue  # (a JSON object's members: its keys say what each value is)
        for i, (vs, ve) in enumerate(items):
            v = text[vs:ve]
            if (not v or any(vs < ce and cs < ve for cs, ce in contact) or ":" in v or "=" in v
                    or v.upper() == v and not any(c.isdigit() for c in v)):
                continue  # (NULL, DE, F: a code; "StatusCode: 400": a message's words)
            if i == 0 and _ROW_ID.fullmatch(v):
                out.append(Span(vs, ve, "user_id", 1))
            elif _ROW_DATE.fullmatch(v):
                out.append(Span(vs, ve, "dob", 1))
            elif _ROW_PHONE.fullmatch(v) and sum(c.isdigit() for c in v) >= 9 and not v.isdigit():
                out.append(Span(vs, ve, "phone", 1))  # (digits alone may be any number: an id, an amount)
            elif (_ROW_NAME.fullmatch(v) and not any(c.isdigit() for c in v) and v.upper() != v
                  and not any(w.lower() in _NOT_NAME_WORDS for w in v.split(" "))):
                out.append(Span(vs, ve, "person_name", 1))
            elif _ROW_STREET.fullmatch(v) and any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
                out.append(Span(vs, ve, "address", 1))


_CARET_NAME_GATE = re.compile(_CARET_NAME_BRANCH)
_CARET_NAME = re.compile(
    r"(?:(?<=[\s(\[\"'=:])|^)[A-ZÀ-Þ][A-ZÀ-Þ'-]+\^[A-ZÀ-Þ][A-ZÀ-Þ'-]{2,}(?: [A-ZÀ-Þ][A-ZÀ-Þ'-]+)?(?:\^[A-ZÀ-Þ]{0,3}\.?)*(?=[\s)\]\"',;]|$)"
)
_ASTM_GATE = re.compile(_ASTM_BRANCH, re.MULTILINE)
# an ASTM E1394 patient record's fields after "P|" (the sequence number is 1): P.3-P.5 the
# patient's ids, P.6 the name, P.7 the mother's maiden name, P.8 the birth date, P.11 the
# address, P.13 the phone, P.14 the attending physician
_ASTM_FIELDS = {2: "user_id", 3: "user_id", 4: "user_id", 5: "person_name", 6: "person_name", 7: "dob",
                10: "address", 12: "phone", 13: "person_name"}


_CJK_NAME = re.compile(
    r"(?:" + _CJK_CUES + r")[ \t]*[:：=]?[ \t　]*"
    r"(?P<v>[가-힣]{2,5}(?![가-힣])|[\u4e00-\u9fff]{1,3}[ 　]?[\u4e00-\u9fff\u3040-\u30ff]{1,4}"
    r"(?![\u4e00-\u9fff\u3040-\u30ff]|[ \t]*[=:：])"  # (not the next key: 收件人=黃柏翰 手機=…)
    r"|[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,2}(?![\w-]))"
)
# what follows a name and is none of it: an honorific (様, さん, 殿, 님, 씨)
_CJK_HONORIFICS = ("さん", "さま", "様", "殿", "님", "씨")
_CJK_NOT_NAMES = frozenset({"未設定", "不明", "なし", "未登録", "未入力", "不详", "未知", "없음", "미지정", "미입력", "알수없음"})


def _cjk_names(text: str, out: list[Span]) -> None:
    """A person's name after a word of Japanese, Chinese or Korean that says it is one
    (``氏名``, ``契約者``, ``收件人``, ``성명``, ``예약자``…): two to five Hangul syllables, a
    family and a given name in Han characters and kana, or a name in Latin capitals as a
    card or a passport carries it; an honorific after it (``様``, ``님``) stays."""
    for m in _CJK_NAME.finditer(text):
        start, end = m.span("v")
        value = m.group("v")
        for h in _CJK_HONORIFICS:
            if value.endswith(h) and len(value) - len(h) >= 2:
                end -= len(h)
                value = value[: -len(h)]
                break
        if value.strip() in _CJK_NOT_NAMES or (value[0].isascii() and any(
                w.lower() in _NOT_NAME_WORDS for w in value.split(" "))):
            continue
        out.append(Span(start, end, "person_name", 1))


_SCRIPT_NAME_FULL = re.compile(_SCRIPT_NAME)
_VIET_NAME = r"(?:" + _NAME_WORD + r")(?: " + _NAME_WORD + r"){1,3}"
# a name after its cue: the name in the cue's script, then no letter (a CJK or Hangul name
# ends at a blank or a mark, which is what sets it apart from the words after it); a Korean
# name needs a bracket, a comma or an honorific after it, Arabic and Devanagari names are
# two words
_SCRIPT_CUE_NAME = re.compile(
    r"(?:(?<![\w])(?:" + _SCRIPT_CUES + r")|" + _HAN_CUES + r")[ \t\u3000]*[:：=]?[ \t\u3000]*(?P<v>"
    + _CYR_WORD + r"(?: " + _CYR_WORD + r"){0,2}"
    r"|[" + _HAN_SURNAMES + r"][\u4e00-\u9fff]{1,2}(?![\w])|(?:" + _JP_SURNAMES + r"|[" + _HAN_SURNAMES + r"])"
    r"[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3}(?![\w])"
    r"|[" + _HANGUL_SURNAMES + r"][가-힣]{1,3}(?=[ ]?[(（,，)]|님|씨|$)"
    r"|[\u0621-\u0652]{2,}(?: [\u0621-\u0652]{2,}){1,2}|[\u0900-\u0963]{2,}(?: [\u0900-\u0963]{2,})?"
    # Hebrew; Thai, perhaps after its title (นาย, นาง, นางสาว: left out of the name below)
    r"|[\u05d0-\u05ea]{2,} [\u05d0-\u05ea]{2,}|[\u0e01-\u0e4e]{2,} [\u0e01-\u0e4e]{2,}"
    r"|" + _VIET_NAME + r")(?![\w])"
)
_THAI_TITLE = re.compile(r"นางสาว|นาย|นาง")
_PATRONYMIC = "(?:" + "|".join("(?<=" + e + ")" for e in _PATRONYMIC_ENDS) + ")"
_FULL_CYR_NAME = re.compile(
    r"(?<![\w])(?:" + _CYR_WORD + " " + _CYR_WORD + " " + _CYR_WORD + _PATRONYMIC + "|"
    + _CYR_WORD + " " + _CYR_WORD + _PATRONYMIC + " " + _CYR_WORD + r")(?![\w])"
)
_VIET_FULL_NAME = re.compile(r"(?<![\w])(?:" + "|".join(_VIET_SURNAMES) + r")(?: " + _NAME_WORD + r"){1,3}(?![\w])")
# the small words of Hindi that follow a name (राहुल का भुगतान: Rahul's payment)
_HINDI_POSTPOSITIONS = frozenset({"का", "के", "की", "को", "ने", "से", "में", "पर", "और"})


# keys that say nothing of whose name or what value they hold (name, receiver): a whole Chinese,
# Japanese or Korean name under one is a person's (Chinese, Korean and Taiwanese back ends
# write name=陈思远, receiver=李晓燕): a family and two given characters or syllables (two
# Han characters are as often a word: 高级), or a Japanese family and given name with a
# space; a Latin value under them is left to its own shapes
_SCRIPT_NAME_KEYS = frozenset({"name", "receiver", "sender", "consignee", "holder", "applicant", "realname"})
_SCRIPT_NAME_VALUE = re.compile(
    r"(?:[" + _HAN_SURNAMES + r"][\u4e00-\u9fff]{2}|(?:" + _JP_SURNAMES + r"|[" + _HAN_SURNAMES + r"])"
    r"[ \u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3}|[" + _HANGUL_SURNAMES + r"][가-힣]{2,3}"
    # a Japanese family name and a given name of one or two kanji or two or three kana, unspaced
    # (山田太郎, 佐藤さくら), unless the rest is a business's word (山田商店, 田中工業)
    r"|(?:" + _JP_SURNAMES + r")(?P<jg>[\u4e00-\u9fff]{1,2}|[\u3040-\u309f]{2,3}))(?![\w])"
)
_JP_BUSINESS_WORDS = frozenset({
    "商店", "商事", "商会", "工業", "工務", "建設", "産業", "病院", "医院", "銀行", "会社", "物産", "電機", "電気", "工場",
    "書店", "薬局", "歯科", "内科", "運輸", "倉庫", "興業", "技研", "製作", "組", "店", "屋", "家", "様", "氏", "邸",
})  # fmt: skip


def is_script_name(value: str) -> bool:
    """Whether ``value`` is a whole name in a script other than Latin (see :data:`_SCRIPT_NAME`):
    ``Смирнов Алексей``, ``王芳``, ``佐藤 健``, ``김민준``, ``محمد العتيبي``.

    Examples
    --------
    >>> is_script_name("王芳"), is_script_name("김민준"), is_script_name("订单服务")
    (True, True, False)
    """
    return not value.isascii() and _SCRIPT_NAME_FULL.fullmatch(value.strip()) is not None


def _script_names(text: str, out: list[Span]) -> None:
    """A person's name in Cyrillic, Greek, Han, kana, Hangul, Arabic or Devanagari script
    after a word that says whose it is (``плательщик: Иванов Сергей Петрович``, ``由用户 陈伟
    启动``, ``للعميل محمد العتيبي``), a Vietnamese one after its cue (``Tài xế Trần Thị Mai``);
    and with no cue, a Russian full name with its patronymic and a Vietnamese name that
    starts with a family name written with its marks (``Nguyễn Văn An``)."""
    for m in _SCRIPT_CUE_NAME.finditer(text):
        start, end = m.span("v")
        words = m.group("v").split(" ")
        if len(words) == 2 and words[1] in _HINDI_POSTPOSITIONS:
            end = start + len(words[0])
        if words[0].lower() in _NOT_NAME_WORDS:
            continue
        title = _THAI_TITLE.match(text, start) if "\u0e01" <= text[start] <= "\u0e4e" else None
        if title is not None and title.end() < end and text[title.end()] != " ":
            start = title.end()  # "ชื่อ นายสมชาย ใจดี": the name after the title
        out.append(Span(start, end, "person_name", 1))
    if "вич" in text or "вна" in text or "ична" in text or "ьич" in text:
        for m in _FULL_CYR_NAME.finditer(text):
            out.append(Span(m.start(), m.end(), "person_name", 1))
    if _has_any(text, _VIET_SURNAMES):
        for m in _VIET_FULL_NAME.finditer(text):
            if not any(w.lower() in _NOT_NAME_WORDS for w in m.group().split(" ")[1:]):
                out.append(Span(m.start(), m.end(), "person_name", 1))


_ACCOUNT_WORD_RE = (r"(?:[Bb]enutzer(?:s|name)?|[Uu]suari[oa]|[Uu]suári[oa]|[Uu]tilizador(?:a)?|[Uu]tilisat(?:eur|rice)|[Uu]tente|"
                    r"[Aa]nvändare(?:n)?|[Gg]ebruiker|[Uu]żytkownik(?:a|iem)?|[Kk]ullanıcı(?:sı)?|"
                    r"[Пп]ользовател[ьяюе]|用户|用戶|ユーザー?|사용자|[Ii]dentifiant)")
# quoted, or bare when it is shaped like a login (a dot, an underscore or digits in it)
_ACCOUNT_OTHER = re.compile(
    r"(?<![^\W\d_])" + _ACCOUNT_WORD_RE + r"[ \t]*[:：=]?[ \t]*(?:"
    r"(?P<q>\\?[\"'«「“‘]) ?(?P<v>[^\s\"'«»「」“”‘’<>\\:=,;][^\s\"'«»「」“”‘’<>\\]{0,63}) ?\\?[\"'»」”’]"
    r"|(?<=[ \t:：=])(?P<u>[A-Za-z][\w-]*(?:[._][\w-]+)+|[A-Za-z][A-Za-z-]*[0-9]{1,6})(?![\w@.]|\.\w))"
)
_PASSWORD_WORD_RE = (r"(?i:passwort|kennwort|mot de passe|contraseña|contrasena|senha|wachtwoord|hasło|haslo|"
                     r"lösenord(?:et)?|salasana|heslo|şifre|пароль|パスワード|密码|密碼|비밀번호)")
_PASSWORD_OTHER = re.compile(
    r"(?<![^\W\d_])(?:" + _PASSWORD_WORD_RE + r"[ \t]*(?:"
    r"[:：=]?[ \t]*\\?[\"'«「“] ?(?P<v>[^\s\"'«»「」“”\\:=,;][^\s\"'«»「」“”\\]{0,127}) ?\\?[\"'»」”]"
    r"|[:：=][ \t]*(?P<u>[^\s,;()\[\]{}\"'<>]{4,128}))"
    # and English, quoted inside a quoted message (msg="… (password \"Kasia1987!\" does not match)")
    r"|(?:password|passwd) \\[\"'](?P<e>[^\s\"'\\]{1,128})\\[\"'])"
)
# what MySQL says after "using password:" in every language, and other answers that are no password
_NOT_PASSWORDS = frozenset({"yes", "no", "oui", "non", "ja", "nein", "sí", "si", "sim", "não", "nao", "tak", "nie",
                            "evet", "hayır", "да", "нет", "true", "false", "none", "null", "empty", "required",
                            "incorrect", "invalid", "expired"})  # fmt: skip


def _accounts_in_prose(text: str, out: list[Span]) -> None:
    """An account and a password named in prose in another language (see
    :data:`_ACCOUNT_WORDS_OTHER`): quoted after their word, or bare when the account is
    shaped like a login and the password follows a colon and holds a digit or a sign."""
    for m in _ACCOUNT_OTHER.finditer(text):
        g = "v" if m.group("v") is not None else "u"
        v = m.group(g)
        if v.lower() in SYSTEM_ACCOUNTS or is_neutral(v) or is_placeholder(v) or v.lower() in _KIND_WORDS:
            continue
        out.append(Span(m.start(g), m.end(g), "user_id", 2))
    for m in _PASSWORD_OTHER.finditer(text):
        g = "v" if m.group("v") is not None else "u" if m.group("u") is not None else "e"
        v = m.group(g).rstrip(".")
        if (v.lower() in _NOT_PASSWORDS or is_neutral(v) or is_placeholder(v)
                or (g == "u" and (v.isalpha() or set(v) <= _FILLER))):
            continue
        out.append(Span(m.start(g), m.start(g) + len(v), "password", 2))


# the same written as a name is (Kessler^Naomi, Ramirez^Jose^Luis, D4471^Kapoor^Arjun: an
# XCN's id before it): taken where its family name or its given name is in the word lists,
# inside segments too (a coded value's text, 99213^Office Visit, holds neither)
_CARET_TITLED = re.compile(
    r"(?:(?<=[\s(\[\"'=:|])|^)(?:(?P<id>[A-Z0-9]{1,15})\^)?(?P<f>[A-ZÀ-Þ][a-zß-ÿā-ž'’]+(?:[- ][A-ZÀ-Þ][a-zß-ÿā-ž'’]+)?)"
    r"\^(?P<g>[A-ZÀ-Þ][a-zß-ÿā-ž'’]+(?: [A-ZÀ-Þ][a-zß-ÿā-ž'’]+)?)(?:\^(?P<m>[A-ZÀ-Þ][a-zß-ÿā-ž'’]*))?"
    r"(?=[\^\s)\]\"',;|&~]|$)"
)


# (after a key's = or :, a quote or a bracket too: "subscriber=NM1*IL*1*…")
# (a segment logged without its ~ ends before a key=value: "…*MI*ZGP812004519 dob=…")
_X12_SEGMENT = re.compile(
    r"(?:^|(?<=[~\s=:'\"(\[]))(NM1|DMG|N3|N4|REF|PER)\*([^~\r\n]*?)(?=~|[\r\n]|\s+[\w.-]{1,40}=|$)")
# REF qualifiers of a person's numbers: subscriber, member, SSN, client, patient account
_X12_REFS = {"0F": "user_id", "1W": "user_id", "SY": "ssn", "23": "user_id", "EJ": "user_id", "IG": "user_id"}


def _has_listed_word(value: str) -> bool:
    """Whether a word of ``value`` (split at blanks and commas) is a listed given name or
    surname: what tells a person's name from a department's or a business's in a field that
    holds either (an X12 PER contact, an EDIFACT party)."""
    return any(is_given_name(w) or is_surname(w) for w in value.replace(",", " ").split())


def _x12_segments(text: str, out: list[Span]) -> None:
    """A person's data in ASC X12 segments (``NM1*IL*1*PETROVA*ELENA****MI*W882019344~``,
    ``DMG*D8*19690411*F~``, ``REF*0F*339104872~``): an NM1 of entity type 1 gives the
    names and its id, and the N3, N4, DMG and PER after it, up to the next NM1, are that
    person's address, birth date and phone."""
    person = False
    for m in _X12_SEGMENT.finditer(text):
        seg = m.group(1)
        elements = m.group(2).split("*")
        wanted: dict[int, str] = {}
        if seg == "NM1":
            person = len(elements) > 2 and elements[1] == "1"
            if person:
                wanted = {2: "person_name", 3: "person_name", 4: "person_name"}
                if len(elements) > 8:
                    wanted[8] = "ssn" if elements[7] == "34" else "user_id"
        elif seg == "REF" and len(elements) > 1 and elements[0] in _X12_REFS:
            wanted = {1: _X12_REFS[elements[0]]}
        elif person and seg == "DMG" and elements[0] == "D8":
            wanted = {1: "dob"}
        elif person and seg == "N3":
            wanted = {0: "address", 1: "address"}
        elif person and seg == "N4":
            wanted = {0: "address", 2: "address"}
        elif seg == "PER" and (person or (len(elements) > 1 and elements[1].strip() != "")):
            # a person's contact numbers, or a named contact's (PER*BD*Jane Roe*TE*6145550187)
            wanted = {i: "email" if elements[i - 1] == "EM" else "phone" for i in (3, 5, 7)
                      if i < len(elements) and elements[i - 1] in ("TE", "CP", "HP", "WP", "EM")}
            if _has_listed_word(elements[1]):
                wanted[1] = "person_name"  # the contact's name (PER*IC*JANE ROE*TE*…), not a department's
        pos = m.start(2)
        for i, e in enumerate(elements):
            kind = wanted.get(i)
            if kind is not None and e.strip() and not is_neutral(e):
                out.append(Span(pos, pos + len(e), kind, 1))
            pos += len(e) + 1


# a German MT940 statement line's counterparty (:86: … ?32Name ?33more of it)
_MT940_NAME = re.compile(r"\?3[23](?P<v>[^?\r\n]{3,27})")
# a NACHA (ACH) entry detail record: 6, the transaction code, the bank's routing number and
# check digit, the account (17), the amount (10), the individual's id (15) and name (22)
_NACHA_ENTRY = re.compile(
    r"(?:^|(?<=[\s'\"]))6[0-9]{2}[0-9]{9}(?P<acct>[0-9A-Za-z -]{17})[0-9]{10}(?P<id>[^\r\n]{15})(?P<name>[^\r\n]{22})")


def _bank_files(text: str, out: list[Span]) -> None:
    """A counterparty's name in MT940 statements and a person's account, id and name in NACHA
    entries (see :data:`_MT940_NAME`, :data:`_NACHA_ENTRY`); a business's name stays."""
    if "?3" in text:
        for m in _MT940_NAME.finditer(text):
            v = m.group("v").strip()
            if is_plausible("person_name", v) and any(is_given_name(w) or is_surname(w) for w in v.split()):
                out.append(Span(m.start("v"), m.start("v") + len(v), "person_name", 2))
    for m in _NACHA_ENTRY.finditer(text):
        for group, kind in (("acct", "iban"), ("id", "user_id"), ("name", "person_name")):
            v = m.group(group).strip()
            if not v or is_neutral(v) or (group != "name" and not any(c.isdigit() for c in v)):
                continue
            if kind == "person_name" and not is_plausible(kind, v):
                continue
            a = m.start(group) + m.group(group).index(v)
            out.append(Span(a, a + len(v), kind, 2))


# UN/EDIFACT segments about a person: NAD (name and address: qualifier, party id, unstructured
# lines, the name's components, street, city, region, postcode, country), COM (a number and
# its channel: TE, EM, FX, AL…), DTM with qualifier 329 (date of birth) and DOC (a travel
# document's number, PAXLST); ' ends a segment, + an element, : a component, ? escapes
# (a segment logged without its ' ends before the next one: "NAD+CN+++Jane Roe COM+…")
_EDIFACT_SEGMENT = re.compile(
    r"(?:^|(?<=[\s'=:\"(\[]))(NAD|COM|DTM|DOC)\+((?:[^'?\r\n]|\?.)*?)(?='|[\r\n]|\s+[A-Z]{3}\+|$)")
_EDIFACT_TITLE = re.compile(r"(?i:mme|mlle|mr|mrs|ms|miss|dr|herr|frau|sr|sra|m)\.? ")


def _edifact_parts(value: str, start: int, sep: str) -> list[tuple[int, str]]:
    """``value``'s parts between ``sep`` (not after the release character ?) with their offsets."""
    parts: list[tuple[int, str]] = []
    begin = i = 0
    while i < len(value):
        if value[i] == "?":
            i += 2
            continue
        if value[i] == sep:
            parts.append((start + begin, value[begin:i]))
            begin = i + 1
        i += 1
    parts.append((start + begin, value[begin:]))
    return parts


def _edifact_segments(text: str, out: list[Span]) -> None:
    """A person's name, address, numbers, birth date and travel document in EDIFACT segments
    (``NAD+DP++MME CLAIRE VASSEUR+12 ALLEE DES TILLEULS+VILLEURBANNE++69100'``,
    ``COM+0176 55318824:TE'``, ``DTM+329:690823'``, ``DOC+P:110:111+C4RJ7PL29'``). A party
    whose name has a company's legal form (``Baumarkt Süd GmbH``) is a business: its
    address stays."""
    for m in _EDIFACT_SEGMENT.finditer(text):
        seg = m.group(1)
        elements = _edifact_parts(m.group(2), m.start(2), "+")
        if seg == "NAD":
            # the name in C080 (the 4th element), or in the unstructured lines of C058 (the
            # 3rd: name:street:city) when C080 is empty; street, city and postcode follow it
            # (a C080 that starts with a digit is a street: the name was in C058). Most parties
            # are businesses: a name counts when a passenger's or crew member's (PAXLST's FL,
            # FM), or when one of its words is a listed given name or surname
            at = 3 if len(elements) > 3 and elements[3][1].strip()[:1].isalpha() else 2
            if len(elements) <= at or not elements[at][1].strip():
                continue
            parts = _edifact_parts(elements[at][1], elements[at][0], ":")
            names = [(a, v) for a, v in parts if v.strip()]
            lines: list[tuple[int, str]] = []
            if at == 2:
                names, lines = names[:1], names[1:]
            if not names or any(not is_plausible("person_name", v) for _, v in names):
                continue
            if elements[0][1] not in ("FL", "FM") and not any(_has_listed_word(v) for _, v in names):
                continue
            for a, v in names:
                t = _EDIFACT_TITLE.match(v)
                cut = t.end() if t is not None and t.end() < len(v) else 0
                if not is_neutral(v):
                    out.append(Span(a + cut, a + len(v), "person_name", 2))
            for index in (at + 1, at + 2, at + 4):
                if index < len(elements):
                    lines += _edifact_parts(elements[index][1], elements[index][0], ":")
            for a, v in lines:
                if v.strip() and not is_neutral(v):
                    out.append(Span(a, a + len(v), "address", 2))
        elif seg == "COM" and elements:
            parts = _edifact_parts(elements[0][1], elements[0][0], ":")
            if len(parts) == 2 and parts[1][1] in ("TE", "FX", "AL", "AJ", "AV", "MB") and parts[0][1].strip():
                a, v = parts[0]
                if sum(c.isdigit() for c in v) >= 6 and not is_neutral(v):
                    out.append(Span(a, a + len(v), "phone", 2))
        elif seg == "DTM" and elements:
            parts = _edifact_parts(elements[0][1], elements[0][0], ":")
            if len(parts) >= 2 and parts[0][1] == "329" and parts[1][1].isdigit():
                out.append(Span(parts[1][0], parts[1][0] + len(parts[1][1]), "dob", 2))
        elif seg == "DOC" and len(elements) > 1:
            a, v = elements[1]
            v = v.split(":", 1)[0]
            if len(v) >= 5 and any(c.isdigit() for c in v) and not is_neutral(v):
                out.append(Span(a, a + len(v), "ssn", 2))


_FILE_NAME = re.compile(
    r"(?<=[/_\-. ])(?P<a>[A-ZÀ-Þ][a-zß-ÿā-ž]+)[_-](?P<b>[A-ZÀ-Þ][a-zß-ÿā-ž]+)(?=\." + _FILE_EXTENSIONS + r"(?![\w]))"
)


def _file_names(text: str, out: list[Span]) -> None:
    """A person's name in a document's file name, family and given name or the reverse, both
    from the word lists (``Lohnabrechnung_2024_02_Krause_Maximilian.pdf``)."""
    for m in _FILE_NAME.finditer(text):
        a, b = m.group("a"), m.group("b")
        if (is_surname(a) and is_given_name(b)) or (is_given_name(a) and is_surname(b)):
            out.append(Span(m.start("a"), m.end("b"), "person_name", 1))


_CUSTOMER_NUMBER = re.compile(
    _CUSTOMER_NUMBER_GATE + r"\.?[ \t]*[:=#：]?[ \t]*(?P<v>[A-Z]{0,4}-?[0-9][0-9A-Z/-]{2,20})(?![\w-])"
)


def _customer_numbers(text: str, out: list[Span]) -> None:
    for m in _CUSTOMER_NUMBER.finditer(text):
        start = m.start()
        if start > 0 and (text[start - 1].isalpha() and text[start - 1].isascii()):
            continue  # inside a longer word
        out.append(Span(m.start("v"), m.end("v"), "user_id", 2))


# A person's name in brackets after their id or login ("usuario 'mrojas' (Rosa Salazar)",
# "assignee: yuki.tanabe (Tanabe Yuki)"): taken when a word of it is in the lists of names
_AFTER_ID_NAME = re.compile(r"['\"»]? \((?P<v>[A-ZÀ-ÞА-ЯЁΑ-Ω][\w'’-]+(?: [A-ZÀ-ÞА-ЯЁΑ-Ω][\w'’-]+){1,2})\)")
# and the other way round, a login in brackets after a person's name that it is made of:
# "Luca Ferrari (lferrari, …)", "Anna Nowak (anowak)"
_LOGIN_AFTER_NAME = re.compile(r"['\"’]?[ \t]?\((?P<v>[a-z][a-z0-9._-]{2,30})(?=[),;])")


def _names_after_ids(text: str, out: list[Span]) -> None:
    for c in [c for c in out if c.kind == "user_id"]:
        m = _AFTER_ID_NAME.match(text, c.end)
        if m is None:
            continue
        words = m.group("v").split(" ")
        if any(w.lower() in _NOT_NAME_WORDS for w in words):
            continue
        if not words[0][0].isascii() and not "À" <= words[0][0] <= "Þ":
            # Cyrillic or Greek, title-cased words in brackets after an account (OFFICE\\asmirnov
            # (Алексей Смирнов)): the lists are of Latin letters
            out.append(Span(m.start("v"), m.end("v"), "person_name", 1))
        elif any(is_given_name(w) or is_surname(w) for w in words):
            out.append(Span(m.start("v"), m.end("v"), "person_name", 1))
    for c in [c for c in out if c.kind == "person_name"]:
        m = _LOGIN_AFTER_NAME.match(text, c.end)
        if m is None:
            continue
        login = m.group("v")
        parts = [w.lower() for w in text[c.start:c.end].replace("-", " ").split(" ") if len(w) >= 3]
        if login not in SYSTEM_ACCOUNTS and any(p.isascii() and p in login for p in parts):
            out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


# a position in words: "at lat 52.37403 lon 4.88969", "latitude: 48.8566, longitude: 2.3522"
_GEO_WORDS = re.compile(
    r"(?i:\blat(?:itude)?)[ \t]*[:=]?[ \t]*(?P<a>[-+]?[0-9]{1,2}\.[0-9]{3,})[ \t]*,?[ \t]*"
    r"(?i:lon(?:g(?:itude)?)?|lng)[ \t]*[:=]?[ \t]*(?P<b>[-+]?[0-9]{1,3}\.[0-9]{3,})(?![0-9])"
)


def _geo_words(text: str, out: list[Span]) -> None:
    for m in _GEO_WORDS.finditer(text):
        out.append(Span(m.start("a"), m.end("a"), "geo", 2))
        out.append(Span(m.start("b"), m.end("b"), "geo", 2))


# A number a message went to or came from, the + left out, where SMS gateways, SMPP and
# the mobile core write it: "to": "447700900312", dest_addr=447911123456, "Message to
# 447911123456 rejected", "unknown dst: 447700900777 (from 447700900555)"
_PARTY_NUMBER_RUN = re.compile(r"(?<![\w.+])\+?[1-9][0-9]{9,14}(?![\w.:-])")
_PARTY_BEFORE = re.compile(
    r"(?:(?<![\w-])" + _PARTY_KEYS + _PARTY_KEY_SEP
    + r"|(?<![\w-])(?:[Mm]essage|SMS|sms) (?:to|from) |(?<![\w-])(?:dst|src):? |\((?:from|to) "
    r"|(?<![\w-])" + _SUBSCRIBER_WORDS + r" )\Z"
)


def _party_numbers(text: str, out: list[Span]) -> None:
    """Each run of ten to fifteen digits (a + before it or not), read backwards for the key or
    the words before it (a search for the words first took 21 µs a text)."""
    for m in _PARTY_NUMBER_RUN.finditer(text):
        v = m.group()
        if len(v) - v.startswith("+") < 11 and not _PARTY_BEFORE_KEY.search(text, max(0, m.start() - 40), m.start()):
            continue  # (ten digits only after a key: prose needs eleven)
        if _PARTY_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None:
            continue
        if role_kind("party", v) == "phone":
            out.append(Span(m.start(), m.end(), "phone", 2))


_PARTY_BEFORE_KEY = re.compile(r"(?<![\w-])" + _PARTY_KEYS + _PARTY_KEY_SEP + r"\Z")


# Go's %+v of a struct, &{ID:7731 Username:jdoe IMEI:356938035643809 …}: each field under
# its name's class (a colon before a digit is a key's here, not a file's line)
_GO_STRUCT = re.compile(r"(?<![\w$])&?\{(?=[A-Z][A-Za-z0-9]*:)")
_GO_FIELD = re.compile(r"(?:(?<=\{)|(?<= ))(?P<k>[A-Z][A-Za-z0-9]*):(?P<v>[^ {}\[\]]+)(?=[ }])")


def _go_structs(text: str, out: list[Span]) -> None:
    for m in _GO_STRUCT.finditer(text):
        end = text.find("}", m.end())
        if end < 0:
            continue
        for f in _GO_FIELD.finditer(text, m.end() - 1, end + 1):
            key, value = f.group("k"), f.group("v")
            cls = classify_key(key, None)
            if cls in ("id", None) and key in ("ID", "Id") and _PERSON_GO_FIELDS.search(text, m.end(), end):
                cls = "user_id"  # the id of a struct that holds a person's login or e-mail
            _class_value(value, cls, f.start("v"), out)


_PERSON_GO_FIELDS = re.compile(r" (?:Username|UserName|Email|FullName|FirstName|LastName|Login|Phone):")


_PLATE = re.compile(
    r"(?<![\w-])" + _PLATE_WORDS + r"\\?[\"']?[ \t]*[:=]?[ \t]*\\?[\"']?"
    r"(?P<v>[A-Z0-9]{1,4}(?:[- ][A-Z0-9]{1,4}){1,3})(?![\w-])"
    r"|(?<![\w-])(?i:cvv2?|cvc2?|csc)[ \t]*[:=]?[ \t]*(?P<c>[0-9]{3,4})(?![\w])"
    r"|(?<![\w-])VIN[ \t]*[:=#]?[ \t]*[\"']?(?P<vin>[A-HJ-NPR-Z0-9]{17})(?![\w-])"
    r"|(?<![\w-])" + _ONE_RUN_PLATE_WORDS + r"[ \t]*[:=]?[ \t]*[\"']?(?P<run>[A-Z0-9]{5,10})(?![\w-])"
)


# A card's expiry date after its word, month and year (exp 11/27, "expirationDate":"09/2027",
# caducidad=2712: Redsys's YYMM): the card's data as much as its number
_CARD_EXPIRY = re.compile(
    r"(?<![\w-])" + _EXPIRY_WORDS + r"\\?[\"']?[ \t]?[=:]?[ \t]?\\?[\"']?"
    r"(?P<v>(?:0[1-9]|1[0-2]) ?/ ?(?:20)?[0-9]{2})(?![0-9/.:-])"
    r"|(?<![\w-])(?i:caducidad|exp(?:iry)?_?(?:date|yymm|mmyy)?)\\?[\"']?[=:]\\?[\"']?(?P<v2>[0-9]{4})(?![0-9])"
)
# what says a text is about a payment card (a certificate's or a token's expiry is no card's)
_CARD_CONTEXT = re.compile(r"(?i)card|cvc|cvv|\bpan\b|tarjeta|karte|carte|cart[aã]o|\bcarta\b|\bkart|visa|mastercard|amex|titular")
# A one-time code in a text about one (_OTP_WORDS): its value after a code's word, six to eight
# digits after "code" (a code of fewer digits is an error's or a status's), four to eight after
# otp, pin, tan, passcode ("Ihr Bestätigungscode lautet 739204", code=093145, "vars":{"code":"482913"})
_ONE_TIME_CODE = re.compile(
    r"(?<![\w-])(?P<w>[^\W\d_]*(?i:code|codigo|código|codice|kod|otp|pin|tan|passcode|コード|码|번호))"
    r"(?:[ \t][^\W\d_]{2,12}){0,4}?\\?[\"']?[ \t]?(?:[=:]|lautet|is|est|es|é|è|jest|ist)?[ \t]?\\?[\"']?"
    r"(?P<v>[0-9]{4,8})(?![\w.,/:-])"
)
_NOT_ONE_TIME = ("error", "err", "status", "http", "response", "return", "exit", "reason", "result", "country",
                 "zip", "postal", "post", "area", "product", "event", "message", "msg", "fault", "bank", "branch",
                 "sort", "swift", "tax", "promo", "discount", "coupon", "voucher", "ean", "qr", "bar", "mcc", "naics")


def _one_time_codes(text: str, out: list[Span]) -> None:
    """One-time codes (:data:`_ONE_TIME_CODE`) in a text about them."""
    for m in _ONE_TIME_CODE.finditer(text):
        w = m.group("w").lower()
        if w.startswith(_NOT_ONE_TIME) or (len(m.group("v")) < 6 and w.endswith(("code", "codigo", "código", "codice", "kod"))):
            continue
        out.append(Span(m.start("v"), m.end("v"), "secret", 1))


# A Salesforce record id of a person (_salesforce_people): a contact's (003), a lead's (00Q) or a
# user's (005), 18 characters with the three that check the case of the fifteen before them, or
# 15 in a text that names Salesforce; not of digits only
_SALESFORCE_ID = re.compile(r"(?<![\w-])(?P<id>(?:003|00Q|005)[A-Za-z0-9]{12})(?P<ck>[A-Z0-5]{3})?(?![\w-])")
_SALESFORCE_WORDS = ("salesforce", "sfdc", "apex", "soql", "contact", "lead", "sobject", "force.com")


def salesforce_checksum(record_id: str) -> str:
    """The three characters Salesforce appends to a 15-character record id: for each five
    characters, which of them are capitals, as a letter or digit of ``A-Z0-5``.

    Examples
    --------
    >>> salesforce_checksum("0033x00002ZkQ1A")
    'AAV'
    """
    out = []
    for i in range(0, 15, 5):
        bits = sum(1 << j for j, c in enumerate(record_id[i:i + 5]) if "A" <= c <= "Z")
        out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits])
    return "".join(out)


def _salesforce_people(text: str, lowered: str, out: list[Span]) -> None:
    named = None
    for m in _SALESFORCE_ID.finditer(text):
        rid = m.group("id")
        if rid.isdigit():
            continue
        if m.group("ck") is not None:
            if salesforce_checksum(rid) != m.group("ck"):
                continue
        else:
            if named is None:
                named = _has_any(lowered, _SALESFORCE_WORDS)
            if not named:
                continue
        out.append(Span(m.start(), m.end(), "user_id", 1))


# A device's name that holds its owner's (Laptop-FSANTOS, DESKTOP-JMARTIN, Galaxy-S23-Marta,
# NB-LISA-WEBER, iphone-kemal, ALICE-PC): the kind of device, perhaps a model or a department,
# then a listed given name, an initial and a listed surname, or a login of a name; or a listed
# given name before -PC. Not Windows' own names (DESKTOP-7F3K2LQ): their letters are no name.
_DEVICE_NAME = re.compile(
    r"(?<![\w.-])(?:" + _DEVICE_KINDS + r"(?P<m>(?:-[A-Za-z0-9]{1,6}){0,2})[-_]"
    r"(?P<n>[^\W\d_]{3,20}(?:[-_][^\W\d_]{2,20})?)|(?P<p>[^\W\d_]{3,20})-(?:PC|LAPTOP|MBP|MAC))(?![\w-])"
)


def _is_owner_word(word: str) -> bool:
    """Whether one word of a device's name is its owner's (see :data:`_DEVICE_NAME`)."""
    w = word.lower()
    if len(w) < 3 or w in WORD_SURNAMES or w in _NOT_NAME_WORDS:
        return False
    return is_given_name(w) or (len(w) >= 5 and _is_family_name(w)) or (
        len(w) >= 5 and w not in JOINED_WORDS and _is_family_name(w[1:]))


def _is_family_name(w: str) -> bool:
    return is_surname(w) or w in COMMON_WORD_SURNAMES


def _device_names(text: str, out: list[Span]) -> None:
    """Devices named after their owners (:data:`_DEVICE_NAME`)."""
    for m in _DEVICE_NAME.finditer(text):
        if m.group("p") is not None:
            if is_given_name(m.group("p")) and m.group("p").lower() not in _NOT_NAME_WORDS:
                out.append(Span(m.start(), m.end(), "user_id", 1))
            continue
        words = re.split(r"[-_]", m.group("m") + "-" + m.group("n"))
        if any(_is_owner_word(w) for w in words) or (len(words) == 2 and _is_name_login(m.group("n").lower())):
            out.append(Span(m.start(), m.end(), "user_id", 1))


# A travel document's machine-readable zone (ICAO 9303), as check-in, border and hotel systems
# log it: the holder's names (SURNAME<<GIVEN<NAMES, after the document's header P<UTO or alone as
# an ID card's third line), and the document's number and the birth date in the line of numbers,
# taken when their check digits hold (TD3 and TD2: number, check, nationality, birth date, check,
# sex, expiry, check; TD1's first line: header, number, check)
_MRZ_NAME = re.compile(
    r"(?:(?<![A-Z0-9<])[PIACV][A-Z<][A-Z<]{3}|(?<![A-Z0-9<]))"
    r"(?P<n>[A-Z]{1,39}(?:<[A-Z]{1,39}){0,4}<<[A-Z]{1,39}(?:<[A-Z]{1,39}){0,5})<*(?![A-Z0-9])"
)
_MRZ_NUMBERS = re.compile(
    r"(?<![A-Z0-9<])(?P<doc>[A-Z0-9][A-Z0-9<]{8})(?P<c1>[0-9])[A-Z<]{3}(?P<dob>[0-9]{6})(?P<c2>[0-9])[MFX<]"
    r"(?P<exp>[0-9]{6})(?P<c3>[0-9])"
)
_MRZ_TD1 = re.compile(r"(?<![A-Z0-9<])[ACI][A-Z<][A-Z]{3}(?P<doc>[A-Z0-9][A-Z0-9<]{8})(?P<c1>[0-9])[A-Z0-9<]{15}")
_MRZ_TD1_DOB = re.compile(r"(?<![A-Z0-9<])(?P<dob>[0-9]{6})(?P<c2>[0-9])[MFX<](?P<exp>[0-9]{6})(?P<c3>[0-9])[A-Z<]{3}")


# A boarding pass's bar code (IATA BCBP, as scanners and departure control systems log it):
# M and the number of legs, the passenger's name in 20 characters (SURNAME/GIVEN), the electronic
# ticket's E, the booking reference in 7, then the legs' airports, carrier, flight, date and class
_BCBP = re.compile(
    r"(?<![A-Za-z0-9])M[1-4](?P<n>[A-Z][A-Z'. -]{0,18}/[A-Z][A-Z'. -]{0,18})(?<=M[1-4].{20})"
    r"[E ](?P<pnr>[A-Z0-9]{5,7}) {0,2}[A-Z]{6}[A-Z0-9 ]{3}"
)


def mrz_check_digit(field: str) -> str:
    """The check digit ICAO 9303 gives ``field`` (digits, capitals and ``<``, weighted 7, 3, 1).

    Examples
    --------
    >>> mrz_check_digit("L898902C3"), mrz_check_digit("740812")
    ('6', '2')
    """
    total = 0
    for i, c in enumerate(field):
        v = int(c) if c.isdigit() else (ord(c) - 55 if "A" <= c <= "Z" else 0)
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def _mrz_number(m: re.Match[str]) -> Span:
    """The document number of a zone's match, without the fillers (``<``) after it."""
    return Span(m.start("doc"), m.start("doc") + len(m.group("doc").rstrip("<")), "ssn", 2)


def _mrz(text: str, out: list[Span]) -> None:
    """A machine-readable zone's holder, document number and birth date (:data:`_MRZ_NAME`)."""
    numbers = False
    for m in _MRZ_NUMBERS.finditer(text):
        if mrz_check_digit(m.group("doc")) == m.group("c1") and mrz_check_digit(m.group("dob")) == m.group("c2"):
            numbers = True
            out.append(_mrz_number(m))
            out.append(Span(m.start("dob"), m.end("dob"), "dob", 2))
    for m in _MRZ_TD1.finditer(text):
        if mrz_check_digit(m.group("doc")) == m.group("c1"):
            numbers = True
            out.append(_mrz_number(m))
    if numbers:  # an ID card's second line: birth date, sex, expiry, nationality
        for m in _MRZ_TD1_DOB.finditer(text):
            if mrz_check_digit(m.group("dob")) == m.group("c2") and mrz_check_digit(m.group("exp")) == m.group("c3"):
                out.append(Span(m.start("dob"), m.end("dob"), "dob", 2))
    if numbers or "P<" in text or "I<" in text:
        for m in _MRZ_NAME.finditer(text):
            out.append(Span(m.start("n"), m.end("n"), "person_name", 2))


# A database's user as DDL names it (pgaudit's and MySQL's audit logs, migrations' errors):
# CREATE USER / ALTER USER, and a role that can log in (CREATE ROLE k_nowak LOGIN); not a
# group role, and not the accounts every database has (postgres, root)
_DDL_USER = re.compile(
    r"(?i:(?P<verb>CREATE|ALTER) (?P<what>USER|ROLE) (?:IF NOT EXISTS )?)"
    r"(?P<q>[\"'`]?)(?P<v>[A-Za-z_][\w.-]{0,62})(?P=q)(?:@[\"'`]?[\w.%-]+[\"'`]?)?(?P<rest>[^;\n]{0,200})"
)
_DDL_LOGIN = re.compile(r"(?i)\bLOGIN\b")
_DDL_AFTER = re.compile(r"@|\s+(?i:with|identified|login|nologin|password|valid|in role)\b")


def _ddl_users(text: str, out: list[Span]) -> None:
    for m in _DDL_USER.finditer(text):
        v = m.group("v")
        if v.lower() in SYSTEM_ACCOUNTS or v.upper() in ("IF", "CURRENT_USER", "SESSION_USER", "PUBLIC"):
            continue
        if m.group("what").upper() == "ROLE" and _DDL_LOGIN.search(m.group("rest")) is None:
            continue  # a group role (hr_readonly), no one's login
        if not (m.group("verb").isupper() or m.group("q") or _DDL_AFTER.match(m.group("rest"))):
            continue  # "create user failed: quota": prose, not a statement
        out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


def _plates(text: str, out: list[Span]) -> None:
    for m in _PLATE.finditer(text):
        if m.group("c") is not None:
            out.append(Span(m.start("c"), m.end("c"), "card", 2))
            continue
        if m.group("run") is not None:
            run = m.group("run")
            if sum(c.isdigit() for c in run) >= 2 and sum(c.isalpha() for c in run) >= 2:
                out.append(Span(m.start("run"), m.end("run"), "user_id", 1))
            continue
        if m.group("vin") is not None:
            vin = m.group("vin")
            if any(c.isdigit() for c in vin) and any(c.isalpha() for c in vin):
                out.append(Span(m.start("vin"), m.end("vin"), "user_id", 1))
            continue
        v = m.group("v")
        if 5 <= len(v) <= 13 and any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
            out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


# Crypto-currency addresses, which name their holder as an account number does: Ethereum's
# (0x and forty hex digits; EIP-55's mixed-case check needs Keccak, which hashlib lacks, so the
# shape alone, not a 64-digit transaction hash), Bitcoin's, Litecoin's and Tron's Base58Check
# and Bech32 addresses (their checksums); and a vehicle identification number, its keeper's:
# the check digit in the ninth place, or after a word that names it (Europe's makers need not
# write one: "FIN WVWZZZ1K48W139204", "chassis …")
_WALLET = re.compile(
    r"(?<![\w$])(?:0x[0-9a-fA-F]{40}(?![0-9A-Za-z_])|(?P<b58>[13LMT][1-9A-HJ-NP-Za-km-z]{25,34})(?![\w-])"
    r"|(?P<bech>(?:bc|tb|ltc)1[02-9ac-hj-np-z]{8,87})(?![\w-]))"
)
_VIN_ANY = re.compile(r"(?<![\w-])[A-HJ-NPR-Z0-9]{14}[0-9]{3}(?![\w-])")
_VIN_CUE = re.compile(
    r"(?i:\bvin|\bfin|chassis|châssis|bastidor|telaio|fahrgestell(?:nummer)?|vehicle|véhicule|fahrzeug)"
    r"(?:[ \t]?(?:no\.?|number|nr\.?|#))?[ \t]*[:=#(]?[ \t]*[\"']?$"
)


def _wallets_and_vins(text: str, out: list[Span]) -> None:
    for m in _WALLET.finditer(text):
        b58, bech = m.group("b58"), m.group("bech")
        if (b58 is not None and not is_base58check_valid(b58)) or (bech is not None and not is_bech32_valid(bech)):
            continue
        out.append(Span(m.start(), m.end(), "user_id", 2))
    for m in _VIN_ANY.finditer(text):
        vin = m.group()
        letters = sum(c.isalpha() for c in vin)
        if not 2 <= letters <= 12:
            continue
        if is_vin_valid(vin) or _VIN_CUE.search(text, max(0, m.start() - 24), m.start()) is not None:
            out.append(Span(m.start(), m.end(), "user_id", 1))


# A UK driving licence number (DVLA: five letters of the surname padded with 9s, the decade of
# birth, the month (plus 50 for a woman), the day, the year's last digit, two initials, a digit,
# two letters: WHITF862037GW9AB), and a licence after "DL" with its state perhaps ("DL CA
# D4829175", "DL# R163-482-91-337-0", "DL TX 40918275")
_UK_LICENCE = re.compile(r"(?<![\w-])[A-Z][A-Z9]{4}[0-9](?P<m>[0156][0-9])(?P<d>[0-3][0-9])[0-9][A-Z9]{2}[0-9][A-Z]{2}(?![\w-])")
_DL_CUE = re.compile(
    r"(?<![\w-])DL(?:#|:|[ \t]?(?:no\.?|number))?[ \t]*(?:[A-Z]{2}[ \t]+)?(?P<v>[A-Z]{0,2}[0-9][0-9-]{4,18}[0-9A-Z])(?![\w-])"
)


# A postal code in the words after an address found (", 69008 Lyon", " bus 3, 9000 Gent",
# "Jakarta Barat 11530", ", Pretoria, 0081"): the shapes of Brazil (04538-133), Poland
# (90-006), Portugal (4000-457), Czechia and Slovakia (100 00), the Netherlands (3511 AZ),
# Argentina (C1045AAH), or four to seven digits; before a title-cased word (its town), a
# comma, a quote, a bracket or the end. The words end at a line's, a field's or a sentence's end.
_POSTCODE_AFTER = re.compile(
    r"(?:^|(?<=[ ,]))(?:(?P<pc>[0-9]{5}-[0-9]{3}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{3} [0-9]{2}(?= [A-ZÀ-Þ])|"
    r"[0-9]{4} [A-Z]{2}(?![\w])|[A-Z][0-9]{4}[A-Z]{3})(?= [A-ZÀ-ÞĀ-Ž\u0e00-\u0e7f][^\s,;]|[,;\"')]|$)"
    # (digits alone only before their town or the quote that ends the address)
    r"|(?P<digits>[0-9]{4,7})(?= [A-ZÀ-ÞĀ-Ž\u0e00-\u0e7f][^\s,;0-9]{2}|[\"'](?:[^\w]|$)))"
)
_WINDOW_END = re.compile(r"[\n;|=]| — | - ")


def _postcodes_after_addresses(text: str, out: list[Span]) -> None:
    for a in [c for c in out if c.kind == "address"]:
        end = min(len(text), a.end + 60)
        stop = _WINDOW_END.search(text, a.end, end)
        if stop is not None:
            end = stop.start()
        m = _POSTCODE_AFTER.search(text[a.end:end])
        if m is None:
            continue
        g = "pc" if m.group("pc") is not None else "digits"
        if _DATE_DIGITS.fullmatch(m.group(g)) is None:
            out.append(Span(a.end + m.start(g), a.end + m.end(g), "address", 1))


# the city of an address written beside its street or postcode, under its own key in JSON,
# key=value or XML ("city": "Boise", <City>Uppsala</City>, plaats=Amsterdam, CITY Madrid)
_CITY_FIELD = re.compile(
    r"(?i:(?<![\w-])[\"']?(?:city|town|ciudad|cidade|ville|ort|stadt|plaats|woonplaats|citt[aà]|comune|miasto|"
    r"kota|locality|localidad|municipio|poblacion|kommune|kaupunki|mesto|varos)[\"']?(?:[ \t]*[=:][ \t]*|[ \t]+(?=[A-Z]))"
    r"|<(?P<x>city|town|ciudad|cidade|ville|ort|stadt|plaats|citta|comune|miasto|locality|cityname|ctyofbirth|twnnm)>)"
    r"(?P<q>[\"']?)(?P<v>[A-ZÀ-ÞĀ-Ž][\w'’.-]*(?: [\w'’.-]+){0,3})"
)


def _cities_of_addresses(text: str, out: list[Span]) -> None:
    """The city under its own key in a text where a street or postcode was found: a
    part of the same person's address (a city alone stays: it names no one)."""
    for m in _CITY_FIELD.finditer(text):
        end = m.end("v")
        q = m.group("q")
        if q and text.find(q, m.start("v")) >= 0:
            end = text.find(q, m.start("v"))  # a quoted city ends at its quote
        elif m.group("x") is not None:
            close = text.find("<", m.start("v"))
            end = close if close >= 0 else end
        else:
            cut = _CITY_END.search(text, m.start("v"), end + 1)
            if cut is not None:
                end = cut.start()  # (city=London postcode=…: the next key ends it)
        v = text[m.start("v"):end].rstrip(" ")
        if 2 <= len(v) <= 40 and not is_placeholder(v) and v.lower() not in _NOT_CITY_WORDS:
            out.append(Span(m.start("v"), m.start("v") + len(v), "address", 1))


_CITY_END = re.compile(r"[,;&\]}\n]| [\w.-]+[=:]")
_NOT_CITY_WORDS = frozenset({"null", "none", "unknown", "n/a", "na", "true", "false", "default", "other"})


def _driving_licences(text: str, out: list[Span]) -> None:
    for m in _UK_LICENCE.finditer(text):
        month, day = int(m.group("m")) % 50, int(m.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append(Span(m.start(), m.end(), "ssn", 1))
    if "DL" in text:
        for m in _DL_CUE.finditer(text):
            if sum(c.isdigit() for c in m.group("v")) >= 5:
                out.append(Span(m.start("v"), m.end("v"), "ssn", 1))


def _caret_names(text: str, out: list[Span]) -> None:
    """A name in capitals written family^given (HL7, DICOM, ASTM) outside their segments,
    in prose or brackets: ``(KOWALCZYK^ZOFIA)``. Not a message type (``ADT^A01``) or a coded
    value (``XCHES^XR Chest``): both parts are words in capitals of three letters or more."""
    for m in _CARET_NAME.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if _SEGMENT_LINE.match(text, line) is not None:
            continue  # inside a segment (its coded values: |CT HEAD^BRAIN WO CONTRAST|), read by _hl7_segments
        bar = text.rfind("|", line, m.start())
        if bar >= 0 and _SEGMENT_START.search(text, line, bar + 1) is not None:
            continue  # the same in a segment logged after other words ("request OBR|1|…|CT HEAD^BRAIN …")
        out.append(Span(m.start(), m.end(), "person_name", 1))
    for m in _CARET_TITLED.finditer(text):
        family, given = m.group("f"), m.group("g")
        if not (is_surname(family.split("-")[0].split(" ")[0]) or is_given_name(given.split(" ")[0])):
            continue
        if m.group("id") is not None and any(c.isdigit() for c in m.group("id")):
            out.append(Span(m.start("id"), m.end("id"), "user_id", 1))
        out.append(Span(m.start("f"), m.end(), "person_name", 1))


_SEGMENT_LINE = re.compile(r"[ \t]*(?:<STX>|\x02)?[0-9]?[A-Z][A-Z0-9]{0,2}\|")
_SEGMENT_START = re.compile(r"(?:^|(?<=[\s|])|(?<=\\[rn]))[A-Z][A-Z0-9]{2}\|")


def _astm_patients(text: str, out: list[Span]) -> None:
    """The patient's fields of an ASTM E1394 (LIS2-A2) patient record, as a laboratory
    analyser's interface logs it (``<STX>2P|1||0098811244||Rossi^Giulia||19880704|F``)."""
    for m in _ASTM_GATE.finditer(text):
        end_m = _ASTM_END.search(text, m.end())
        end = len(text) if end_m is None else end_m.start()
        pos = m.end() - 1 - len(text[m.start():m.end()].rsplit("|", 2)[-2])  # at the sequence number
        for number, value in enumerate(text[pos:end].split("|"), start=1):
            kind = _ASTM_FIELDS.get(number)
            if kind is not None and value.strip("^ ") and not is_neutral(value):
                out.append(Span(pos, pos + len(value), kind, 3))
            pos += len(value) + 1


_ASTM_END = re.compile(r"[\r\n]|<CR>|<ETX>|\x03|\x0d")


_DICOM_ELEMENT = re.compile(_DICOM_BRANCH)
# the data elements that name, identify or locate a patient or a physician (group, element)
_DICOM_PEOPLE: dict[str, str] = {
    "0010,0010": "person_name", "0010,0020": "user_id", "0010,0030": "dob", "0010,1000": "user_id",
    "0010,1001": "person_name", "0010,1005": "person_name", "0010,1040": "address", "0010,1060": "person_name",
    "0010,2154": "phone", "0010,21f0": "person_name", "0008,0090": "person_name", "0008,1048": "person_name",
    "0008,1050": "person_name", "0008,1060": "person_name", "0008,1070": "person_name", "0032,1032": "person_name",
    "0040,0006": "person_name", "0040,a123": "person_name", "0010,0050": "user_id", "0038,0010": "user_id",
}
_DICOM_VALUE = re.compile(
    r"\((?P<g>0010|0008|0032|0040|0038),[ ]?(?P<e>[0-9A-Fa-f]{4})\)[ \t]+(?:[A-Z][A-Za-z' ]{2,48}[ \t]+)?"
    r"(?:[A-Z]{2}[: \t][ \t]*)?(?:\[(?P<b>[^\]\n]{1,128})\]|'(?P<q>[^'\n]{1,128})'|\"(?P<d>[^\"\n]{1,128})\")"
)


def _dicom_elements(text: str, out: list[Span]) -> None:
    """A patient's or a physician's DICOM data elements as dcmdump (``(0010,0010) PN
    [Müller^Anna]``) and pydicom (``(0010,0010) Patient's Name  PN: 'Müller^Anna'``) print
    them: names, ids, birth date, address, phone."""
    for m in _DICOM_VALUE.finditer(text):
        kind = _DICOM_PEOPLE.get(f"{m.group('g')},{m.group('e').lower()}")
        if kind is None:
            continue
        g = "b" if m.group("b") is not None else "q" if m.group("q") is not None else "d"
        if m.group(g).strip("^ ") and not is_neutral(m.group(g)):
            out.append(Span(m.start(g), m.end(g), kind, 3))


_WINDOWS = re.compile(_WINDOWS_BRANCH)
_WINDOWS_NAMES = re.compile(
    r"(?P<k>" + "|".join(re.escape(k) for k in _WINDOWS_ACCOUNT_KEYS + _WINDOWS_HOST_KEYS + _WINDOWS_DISPLAY_KEYS)
    + r")(?: SAM)?[ \t]*[:：][ \t]+(?P<v>[^\n\r]{1,96})"
)
_WINDOWS_DISPLAY = frozenset(_WINDOWS_DISPLAY_KEYS)
_WINDOWS_HOSTS = frozenset(_WINDOWS_HOST_KEYS)


def _windows_names(text: str, out: list[Span]) -> None:
    """The Windows Security log's names as Event Viewer writes them in other languages
    (``Kontoname:\tm.schneider``, ``Nombre de cuenta:``, ``アカウント名:``) and, in any
    language, a workstation's name (a person's machine: ``PC-CLEFEBVRE``) and an account's
    display name (event 4720's ``Display Name:\tJosé García Pérez``, when shaped like a
    name). Not a computer's own account (``RDS-GW-02$``), ``SYSTEM`` or ``-``."""
    for m in _WINDOWS_NAMES.finditer(text):
        v = m.group("v").rstrip(" \t")
        vs = m.start("v")
        if m.group("k") in _WINDOWS_DISPLAY:
            if is_person_name(v):
                out.append(Span(vs, vs + len(v), "person_name", 2))
            continue
        w = _WINDOWS_VALUE.match(v)
        if w is None:
            continue
        v = w.group()
        if (v in ("-", "NULL", "localhost") or v.lower() in SYSTEM_ACCOUNTS or is_machine_account(v)
                or v.upper() == v and len(v) <= 15 and "-" not in v and not any(c.isdigit() for c in v)):
            continue  # (an all-capital word without a digit or a dash: a domain, SYSTEM, ANONYMOUS LOGON)
        if m.group("k") in _WINDOWS_HOSTS and (v + "$" in text or v + "." in text or f"Computer:\t{v}" in text):
            continue  # the server's own name (its machine account RDS-GW-02$, its FQDN): not a person's machine
        out.append(Span(vs, vs + len(v), "user_id", 2))


_WINDOWS_VALUE = re.compile(r"[^\s\"'(),;\[\]]{1,64}")


_CALLER_NAME = re.compile(r"\"\"?(?P<q>[^\"<>\n]{2,64})\"\"? <\+?[0-9]{2,15}>")


def _quoted_callers(text: str, out: list[Span]) -> None:
    """A caller's quoted name before their extension or number (Asterisk's ``clid``,
    ``CALLERID(all)``, a SIP header's display name): where it is shaped like a person's
    name, or written "Surname, Given" ("Queue" <500> stays)."""
    for m in _CALLER_NAME.finditer(text):
        q = m.group("q")
        if is_person_name(q) or (_SURNAME_COMMA.fullmatch(q) is not None and is_person_name(q.replace(",", ""))):
            out.append(Span(m.start("q"), m.end("q"), "person_name", 2))


_SURNAME_COMMA = re.compile(r"[^\W\d_][\w'’-]*, [^\W\d_][\w'’. -]*")


def _mentions(text: str, out: list[Span]) -> None:
    for m in _MENTION.finditer(text):
        for g in ("d", "s", "n"):
            if m.group(g) is not None:
                out.append(Span(m.start(g), m.end(g), "user_id", 2))


# A social media handle in prose or after a separator (creator @dudacostafit, account=@sanne.fotografie,
# "by @aiko_travels:"): an @ after a blank, a bracket or =, not inside a word (an e-mail
# address, image@sha256:, pkg@v1.2.3), not before a path, a call or a domain (@babel/core,
# @app.route(, @example.com), not a JSON key ("@timestamp"), not Slack's <@U…> (_mentions)
_HANDLE = re.compile(r"(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@/('\"-]|\.\w|:\S)")
# Java's and Python's annotations and decorators, JSDoc's and Javadoc's tags, chat's group
# mentions, JSON-LD's keywords: written with an @, no one's handle
_NOT_HANDLES = frozenset({
    "here", "channel", "everyone", "all", "timestamp", "version", "type", "id", "context", "value", "graph",
    "media", "import", "charset", "param", "return", "returns", "throws", "see", "since", "deprecated",
    "override", "author", "todo", "internal", "latest", "next", "property", "staticmethod", "classmethod",
    "dataclass", "abstractmethod", "cached_property", "lru_cache", "cache", "wraps", "contextmanager",
    "keyframes", "font", "supports", "mention", "example", "link", "inheritdoc", "code", "ts",
})  # fmt: skip
# the last part of a domain's name: "@example.com" names a domain, not an account
_DOMAIN_ENDS = frozenset({"com", "net", "org", "io", "de", "fr", "uk", "es", "it", "nl", "eu", "co", "info", "biz",
                          "app", "dev", "me", "ru", "jp", "cn", "br", "in", "au", "ca", "ch", "at", "be", "pl",
                          "se", "no", "dk", "fi", "pt", "cz", "local", "internal", "corp", "lan"})
_ANNOTATION = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*")


def _handles(text: str, out: list[Span]) -> None:
    i = text.find("@")
    while i >= 0:
        m = _HANDLE.match(text, i + 1) if i == 0 or text[i - 1] in " \t\n\r(=," else None
        i = text.find("@", i + 1)
        if m is None:
            continue
        h = m.group("h")
        if h.lower() in _NOT_HANDLES or _ANNOTATION.fullmatch(h) or h.isdigit() or len(h) < 3:
            continue  # @Override, @Transactional, @here, @2x
        if "." in h and h.rsplit(".", 1)[1].lower() in _DOMAIN_ENDS:
            continue  # @example.com
        out.append(Span(m.start("h"), m.end("h"), "user_id", 1))


_TRANSPORTS = ("IPV4/UDP/", "IPV4/TCP/", "IPV4/TLS/", "IPV4/WSS/", "IPV4/WS/")  # (a listener's tcp/10.0.0.5:53 stays)


def _ipv4(text: str, out: list[Span]) -> None:
    for m in _IPV4.finditer(text):
        s, e = m.span()
        if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
            continue  # release-1.2.3.4
        if (_VERSION_CTX.search(text, max(0, s - 24), s) and not text.endswith(_TRANSPORTS, max(0, s - 10), s)
                and _ADDRESS_SEGMENT.search(text, max(0, s - 24), s) is None):
            continue  # (not after a transport: Asterisk's RemoteAddress="IPV4/UDP/185.53.88.14/5114")
        if s > 2 and text[s - 1] in " \t" and _PRODUCT_BEFORE.search(text, max(0, s - 24), s):
            continue  # Rails 7.1.3.2, Windows NT 10.0.19045.4291
        if (s > 2 and text[s - 1] == "(" and text.startswith(") ", e)
                and _GEM_VERSION.search(text, max(0, s - 64), s)
                and text.startswith(("lib/", "app/", "exe/", "bin/"), e + 2)):
            continue  # a gem's version in a Ruby backtrace: activerecord (7.1.3.4) lib/…
        pm = _PREFIX.match(text, e)
        prefix = int(pm.group(1)) if pm else None
        if prefix is not None and prefix > 32:
            prefix = None
        if _server_port(text, e):
            continue  # a server's address: dial tcp 10.3.0.17:5432, upstream http://10.20.3.14:8443/
        if is_personal_ip(m.group(), prefix):
            out.append(Span(s, e, "ipv4"))


# The ports servers listen on: below 1024, and the common ones of databases, brokers, caches,
# web and application servers, RPC, directories and monitoring. A client's own port is an
# ephemeral one (32768 and up on Linux, 49152 and up on Windows), so an address with one of
# these after it is where a connection went, a server's, no person's (SIP's 5060 is left
# out: a phone's own port is 5060 too)
_SERVER_PORTS = frozenset({
    1433, 1521, 1812, 1813, 2049, 2181, 2375, 2376, 2379, 2380, 3000, 3306, 3389, 4317, 4318, 5000, 5432, 5433,
    5601, 5671, 5672, 5984, 6379, 6380, 6443, 7000, 7001, 7199, 7474, 7687, 8000, 8008, 8080, 8081, 8088, 8200,
    8443, 8500, 8761, 8883, 8888, 9000, 9042, 9090, 9091, 9092, 9093, 9094, 9100, 9200, 9300, 9418, 9443, 10250,
    11211, 15672, 26257, 27017, 27018, 28017, 50051,
})  # fmt: skip
_PORT_AFTER = re.compile(r"\]?:([0-9]{1,5})(?![0-9.]|:[0-9])")


def _server_port(text: str, end: int) -> bool:
    """Whether a server's port follows an address ending at ``end`` (``:5432``, ``]:443``)."""
    if end >= len(text) or text[end] not in ":]":
        return False
    m = _PORT_AFTER.match(text, end)
    if m is None:
        return False
    port = int(m.group(1))
    return (port < 1024 and port != 0) or port in _SERVER_PORTS


def _ipv6(text: str, out: list[Span]) -> None:
    for m in _IPV6.finditer(text):
        s, e = m.span()
        cand = m.group()
        while cand.endswith((".", ":")) and not cand.endswith("::"):
            cand = cand[:-1]
            e -= 1
        core = cand.split("%", 1)[0]
        if not any(c.isdigit() for c in core) or core.count(":") < 2:
            continue
        if "::" not in core and core.count(":") != 7 and "." not in core:
            continue
        if core.count(":") == 2 and (core.startswith("::") or core.endswith("::")):
            continue  # one group and "::" ("channel 1::", "::5"): a label's colons, not a host
        addr = parse_ip(core)  # ip_address reads a text with a colon as IPv6 or not at all
        if addr is None or addr.version != 6:
            continue
        pm = _PREFIX.match(text, e)
        prefix = int(pm.group(1)) if pm else None
        if prefix is not None and prefix > 128:
            prefix = None
        if is_personal_ip(core, prefix):
            out.append(Span(s, e, "ipv6"))


def _mac(text: str, out: list[Span]) -> None:
    for m in _MAC.finditer(text):
        if _NETWORK_MAC_KEY.search(text, max(0, m.start() - 16), m.start()) is not None:
            continue  # an access point's or a switch's own address: the network's, no one's
        v = m.group().lower()
        hexd = re.sub(r"[^0-9a-f]", "", v)
        if hexd in ("000000000000", "ffffffffffff"):
            continue
        if "." in v and not (any(c.isdigit() for c in hexd) and any(c.isalpha() for c in hexd)):
            continue
        out.append(Span(m.start(), m.end(), "mac"))


# (not a BSSID: a home's router is its household's)
_NETWORK_MAC_KEY = re.compile(r"(?i:ap_?mac|switch_?mac|controller_?mac)[\"']?[ \t]*[=:][ \t]*[\"']?$")
_CARD_CUE = re.compile(r"(?i:card|carte|karte|tarjeta|cart[aã]o|carta|kaart|karty|kort|\bpan\b)|カード|卡号|卡號|카드")


def _cards(text: str, out: list[Span], pos: int = 0, endpos: int | None = None) -> None:
    for m in _CARD.finditer(text, pos, len(text) if endpos is None else endpos):
        raw = m.group()
        seps = {c for c in raw if not c.isdigit()}
        if len(seps) > 1:
            continue
        digits = raw.replace(" ", "").replace("-", "")
        if seps:
            groups = [len(g) for g in re.split(r"[ -]", raw)]
            if not (
                all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4
                or groups in ([4, 6, 5], [4, 6, 4])
            ):
                continue
        if len(set(digits)) < 2:
            continue
        if card_issuer_matches(digits) and (
            is_luhn_valid(digits)
            # a number a person typed wrong is still theirs: after a word that says it is a
            # card's ("carte 4970 1012 3456 7890", "カード番号 4980 …"), 15 or 16 digits
            or (len(digits) in (15, 16) and _CARD_CUE.search(text, max(0, m.start() - 80), m.start()) is not None)
        ):
            out.append(Span(m.start(), m.end(), "card"))


_IBAN_WORD_BEFORE = re.compile(r"(?i:iban)[ \t]*[:=#]?[ \t]*[\"']?$")


def _ibans(text: str, out: list[Span]) -> None:
    for m in _IBAN.finditer(text):
        raw = m.group()
        length = IBAN_LENGTHS.get(raw[:2])
        if length is None:
            continue
        # after the word IBAN an account number is one, whatever its check digits or length
        # (a mistyped one is still someone's: "an IBAN DE68370400440532013374 zurückgehalten")
        if _IBAN_WORD_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None and not (
                m.end() < len(text) and text[m.end()].isalnum()):
            out.append(Span(m.start(), m.end(), "iban"))
            continue
        count = 0
        end = None
        for j, c in enumerate(raw):
            if c != " ":
                count += 1
                if count == length:
                    end = j + 1
                    break
        if end is None:
            continue
        after = m.start() + end
        if after < len(text) and text[after].isalnum():
            continue
        compact = raw[:end].replace(" ", "")
        moved = compact[4:] + compact[:4]
        if int("".join(str(int(c, 36)) for c in moved)) % 97 == 1:
            out.append(Span(m.start(), after, "iban"))


def _ssns(text: str, out: list[Span], pos: int = 0, endpos: int | None = None) -> None:
    for m in _SSN.finditer(text, pos, len(text) if endpos is None else endpos):
        if is_ssn_valid(m.group(1), m.group(2), m.group(3)):
            out.append(Span(m.start(), m.end(), "ssn"))


def _national_ids(
    text: str, out: list[Span], pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
) -> None:
    """National identity numbers other than the US SSN that ``pattern`` (one of the two
    above) finds, each with its check digit or letter (the UK's with the rules on its
    letters); kind ``ssn``, as under a ``national_id`` key."""
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        name = m.lastgroup  # the outer group of the branch that matched: it closes last
        if name in _NATIONAL_CHECKS and (_NATIONAL_CHECKS[name](m.group()) or _named_before(text, m.start(), name)):
            out.append(Span(m.start(), m.end(), "ssn"))


# what a number's own name is written as shortly before it: a number that fails its check
# is still the person's when the text names it ("CPF 527.384.190-06 inválido", a typo's echo)
_NATIONAL_NAMES = {
    "cpf": ("cpf",), "dni": ("dni", "nie", "nif"), "nir": ("nir", "insee", "sécurité sociale", "securite sociale"),
    "aadhaar": ("aadhaar", "aadhar"), "cnid": ("身份证", "身分證", "身份證", "id card", "resident id"),
    "nino": ("nino", "national insurance", "ni number"),
    "cf": ("codice fiscale", "codicefiscale", "cod. fisc", "fiscal", ".cf", "cf=", "cf:", "cf\"", "cf "),
    "nric": ("nric", "uinfin"),
}  # fmt: skip


def _named_before(text: str, start: int, name: str) -> bool:
    """Whether the number's name stands in the 48 characters before ``start`` with no digit
    after it: the name is this number's, not an earlier one's."""
    before = text[max(0, start - 48):start].lower()
    for w in _NATIONAL_NAMES.get(name, ()):
        at = before.rfind(w)
        if at >= 0 and not any(c.isdigit() for c in before[at + len(w):]):
            return True
    return False


def _phones(text: str, out: list[Span], pos: int = 0, endpos: int | None = None) -> None:
    end_at = len(text) if endpos is None else endpos
    first = len(out)
    _phone_shapes(text, out, pos, end_at)
    for k in range(first, len(out)):
        s, e = out[k].start, out[k].end
        if s > 1 and e < len(text) and text[e] == ">":
            # a caller's display name before their number: "Müller, Sabine" <+4915112345678>
            # (Asterisk's CDRs), Camille Lefèvre <+33612457890> (FreeSWITCH), <tel:+1…>
            if text[s - 1] == "<" and text[s - 2] == " ":
                _display_name(text, s - 2, out)
            elif s > 5 and text[s - 5:s] == "<tel:" and text[s - 6] == " ":
                _display_name(text, s - 6, out)


_DATE_DIGITS = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")


def _phone_shapes(text: str, out: list[Span], pos: int, end_at: int) -> None:
    for i, pattern in enumerate(_PHONES):
        if i == 0 and text.find("+", pos, end_at) < 0:
            continue  # the international pattern starts with a +
        for m in pattern.finditer(text, pos, end_at):
            raw = m.group()
            digits = re.sub(r"[^0-9]", "", raw)
            if i == 0:
                end = m.end()
                if raw[1] == "1" and len(digits) > 11:
                    # North American: +1 and ten digits; drop trailing groups
                    cut = raw
                    while len(re.sub(r"[^0-9]", "", cut)) > 11:
                        k = max(cut.rfind(" "), cut.rfind("-"), cut.rfind("."))
                        if k <= 2:
                            break
                        cut = cut[:k]
                    digits = re.sub(r"[^0-9]", "", cut)
                    end = m.start() + len(cut)
                if 8 <= len(digits) <= 15 and len(set(digits)) > 2:
                    out.append(Span(m.start(), end, "phone"))
            elif i == 2:
                if 10 <= len(digits) <= 12:
                    out.append(Span(m.start(), m.end(), "phone"))
            elif i == 7:
                if _DATE_DIGITS.fullmatch(digits, 2) is None:  # not 06-20240314, a date's id
                    out.append(Span(m.start(), m.end(), "phone"))
            elif i in (5, 6):
                if (10 if i == 5 else 11) <= len(digits) <= 15 and len(set(digits)) > 2:
                    out.append(Span(m.start(), m.end(), "phone"))
            else:
                out.append(Span(m.start(), m.end(), "phone"))
    if text.find("%2", pos, end_at) >= 0:
        for m in _PHONE_URL.finditer(text, pos, end_at):  # From=%2B14155550123 (Twilio's webhooks)
            if len(set(m.group(1))) > 2:
                out.append(Span(m.start(), m.end(), "phone"))


def _geo(text: str, out: list[Span], pos: int = 0, endpos: int | None = None) -> None:
    for m in _GEO.finditer(text, pos, len(text) if endpos is None else endpos):
        out.append(Span(m.start(), m.end(), "geo"))


def _secrets(text: str, out: list[Span]) -> None:
    if "eyJ" in text:
        for m in _JWT.finditer(text):
            out.append(Span(m.start(), m.end(), "jwt", 2))
    lowered = text.lower()
    if "bearer" in lowered or "basic" in lowered:
        for m in _AUTH_SCHEME.finditer(text):
            value = m.group(2)
            if m.group(1).lower() == "basic" and not (
                any(c.isdigit() for c in value) or "=" in value or "+" in value or "/" in value
                or (len(value) >= 12 and value.lower() != value and value.upper() != value)
            ):
                continue
            if m.group(1).lower() == "bearer" and value.isalpha() and value.islower():
                continue  # "bearer tokens are required"
            kind = "bearer" if m.group(1).lower() == "bearer" else "password"
            out.append(Span(m.start(2), m.end(2), kind, 2))
    if _AWS_WORDS_RE.search(text):
        for m in _AWS.finditer(text):
            out.append(Span(m.start(), m.end(), "aws_key", 2))
    if _API_WORDS_RE.search(text):
        for m in _API_KEY.finditer(text):
            out.append(Span(m.start(), m.end(), "api_key", 2))
    if _GITHUB_WORDS_RE.search(text):
        for m in _GITHUB.finditer(text):
            out.append(Span(m.start(), m.end(), "github_token", 2))
    if "xox" in text or "xapp-" in text or "hooks.slack" in text:
        for m in _SLACK.finditer(text):
            if m.group("hook"):
                out.append(Span(m.start("hook"), m.end("hook"), "slack_token", 2))
            else:
                out.append(Span(m.start(), m.end(), "slack_token", 2))
    if "PRIVATE KEY" in text:
        for m in _PRIVATE_KEY.finditer(text):
            # the whole block, over what a key before it names (SFTP_KEY=-----BEGIN …: that
            # value is read to its first space, the key's body would stay)
            out.append(Span(m.start(), m.end(), "secret", 3))
    if ":AA" in text:
        for m in _TELEGRAM.finditer(text):
            out.append(Span(m.start(), m.end(), "api_key", 2))
    if "/api/webhooks/" in text:
        for m in _DISCORD.finditer(text):
            out.append(Span(m.start("hook"), m.end("hook"), "secret", 2))
    if "AUTH " in text:
        for m in _SMTP_AUTH.finditer(text):
            out.append(Span(m.start(2), m.end(2), "password" if m.group(1) == "PLAIN" else "secret", 2))
    if "$2" in text or "$argon2" in text or "$5$" in text or "$6$" in text or "$P$" in text or "$H$" in text:
        for m in _PASSWORD_HASH.finditer(text):
            out.append(Span(m.start(), m.end(), "secret", 2))
    if "code=" in text:
        for m in _OAUTH_CODE.finditer(text):
            if looks_random(m.group("v").replace("%2F", "/")):
                out.append(Span(m.start("v"), m.end("v"), "secret", 2))


def _token_words(text: str, out: list[Span]) -> None:
    """A random-looking value after the word token, in prose: "auth failed with token 9f8e7d6c…"."""
    for m in _TOKEN_WORD.finditer(text):
        value = m.group("v")
        # a digit and a letter, and random-looking: a parser's token is a name
        # ("unexpected token IDENTIFIER_LIST", "bad token ThisIsAName")
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and looks_random(value):
            out.append(Span(m.start("v"), m.end("v"), "secret", 2))


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text`` (substring tests: faster than one search
    of their alternation, with the same answer)."""
    for w in words:  # noqa: SIM110 (a loop: no generator per call)
        if w in text:
            return True
    return False


def _at_words(text: str, lowered: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` anchored where one of ``words`` occurs (case-insensitively)."""
    if len(lowered) != len(text):
        return list(pattern.finditer(text))
    found = []
    for w in words:
        i = lowered.find(w)
        while i >= 0:
            m = pattern.match(text, i)
            if m is not None:
                found.append(m)
            i = lowered.find(w, i + 1)
    return found


_ID_CUE_WORD_SET = frozenset(_ID_CUE_WORDS)


def _cued_codes(text: str, out: list[Span]) -> None:
    """An identity, insurance or student number of capitals and digits after the word that
    names it (:data:`_CODE_CUE_BEFORE`): ``KVNR T481927365``, ``CURP HERG850922MDFRZD09``.
    The word is followed by what the cue gate (:data:`_CUE_GATE`) takes: a blank, a
    separator or a dot."""
    for m in _CODE_TOKEN.finditer(text):
        v = m.group()
        if v.isdigit() or v.isalpha() or sum(c.isdigit() for c in v) < 4:
            continue
        s = m.start()
        q = s - 1 if s > 0 and text[s - 1] in _CUE_QUOTES else s
        if 0 < q < s and text[q - 1] == "\\":
            q -= 1  # (and JSON's escaped quote)
        before = text[max(0, q - 48):q][::-1]
        cm = _CODE_CUE_BEFORE.match(before)
        if cm is not None and (before[cm.start("c") - 1] in " \t.:=#：-"
                               or before[:cm.end("c")][::-1].strip(" \t.:=#：-").lower() in _ID_CUE_WORD_SET):
            # (the word and its link as one word: Führerscheinnummer B072RRE2I55)
            out.append(Span(s, m.end(), "ssn", 2))


_GROUPED_ID = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{3}){2,3}(?:-[0-9Kk])?"
    # and dotted national formats: Switzerland's AHV 756.9482.1730.51, Brazil's NIT/PIS
    # 120.48271.93-8, Belgium's national number 85.03.21-183.23
    r"|756\.[0-9]{4}\.[0-9]{4}\.[0-9]{2}|[0-9]{3}\.[0-9]{5}\.[0-9]{2}-[0-9]|[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[0-9]{3}\.[0-9]{2}"
    # Indonesia's NPWP 09.254.294.3-407.000
    r"|[0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3}"
)


def _cued_values(text: str, out: list[Span], starts: list[int]) -> None:
    """A national identity number or a phone number after the word that names it, in prose:
    for each run of seven digits or more (``starts``: where :data:`_NUMRUN` matched), the
    word before it is read backwards (:data:`_CUE_BEFORE` on the reversed text: one match
    at one place, not a search); then the number (:data:`_CUED_NUMBER`): seven to eighteen
    digits for an identity number, seven to fifteen for a phone; no date, time or version."""
    for s in starts:
        v0 = s - 1 if s > 0 and text[s - 1] in "+(" else s
        q = v0 - 1 if v0 > 0 and text[v0 - 1] in _CUE_QUOTES else v0
        if 0 < q < v0 and text[q - 1] == "\\":
            q -= 1  # (and JSON's escaped quote)
        m = _CUE_BEFORE.match(text[max(0, q - 48):q][::-1])
        if m is None:
            continue
        vm = _CUED_NUMBER.match(text, v0)
        if vm is None:
            continue
        value = vm.group()
        if _GROUPED_ID.fullmatch(value) is None and (_DATE_LIKE.match(value) is not None or value.count(".") >= 2):
            continue  # (not an identity number in groups of three: DNI 31.456.789, RUT 12.345.678-5)
        digits = sum(c.isdigit() for c in value)
        if value[-1].isalpha() and m.group("ph") is not None:
            continue
        if m.group("ph") is None:
            k = value.find(" (")
            if k > 0 and sum(c.isdigit() for c in value[:k]) >= 7:
                value = value[:k]  # "RUN 20134587-1 (3/5)": the number ends before the bracket
                digits = sum(c.isdigit() for c in value)
            if digits <= 18:
                out.append(Span(vm.start(), vm.start() + len(value), "ssn", 2))
        elif digits <= 15 and len({c for c in value if c.isdigit()}) > 2:
            out.append(Span(vm.start(), vm.end(), "phone", 2))


# Japanese: an address from its prefecture to its block and house numbers ("〒154-0024
# 東京都世田谷区三軒茶屋2-14-9"), and a name before an honorific that only follows a person's
# name ("佐藤 花子 様", "山田太郎殿")
_JP_ADDRESS = re.compile(
    r"(?:〒 ?[0-9]{3}-[0-9]{4} ?)?(?:東京都|北海道|京都府|大阪府|[\u4e00-\u9fff]{2,3}県)"
    r"[\u4e00-\u9fff\u3040-\u30ff]{1,20}?[0-9０-９]{1,4}(?:[-－−ー丁目番地号の][0-9０-９]{1,4}){0,4}(?:号)?"
    r"|〒 ?[0-9]{3}-[0-9]{4}"
)
_JP_HONORIFIC = re.compile(
    r"(?<![\u4e00-\u9fff\u3040-\u30ff])(?P<n>[\u4e00-\u9fff]{1,4}[ \u3000]?[\u4e00-\u9fff\u3040-\u30ff]{1,4})[ \u3000]?(?:様|さま|殿)"
)


# A Windows security identifier of a domain's or a machine's account (S-1-5-21-…-RID, the
# RID 1000 or more: the built-in accounts and groups have smaller ones, S-1-5-18 is the system)
_ACCOUNT_SID = re.compile(r"(?<![\w-])S-1-5-21-[0-9]{1,10}-[0-9]{1,10}-[0-9]{1,10}-(?P<rid>[0-9]{4,10})(?![\w-])")


def _account_sids(text: str, out: list[Span]) -> None:
    for m in _ACCOUNT_SID.finditer(text):
        if int(m.group("rid")) >= 1000:
            out.append(Span(m.start(), m.end(), "user_id", 1))


def _japanese(text: str, out: list[Span]) -> None:
    for m in _JP_ADDRESS.finditer(text):
        out.append(Span(m.start(), m.end(), "address", 1))
    if "様" in text or "さま" in text or "殿" in text:
        for m in _JP_HONORIFIC.finditer(text):
            out.append(Span(m.start("n"), m.end("n"), "person_name", 1))


_BRACKETED_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:,? [A-ZÀ-Þ][\w'’-]+){1,3}(?=[,)])")


def _phrases(text: str, out: list[Span], lowered: str, roles: bool) -> None:
    for m in _at_words(text, lowered, _PHRASE_AND_ROLE_WORDS if roles else _PHRASE_WORDS, _PHRASE):
        value = m.group("v")
        if is_neutral(value) or re.fullmatch(r"#?[vV]?[0-9]+(?:[._-][0-9]+)*", value) and (
            len(value.lstrip("#")) < 4 or ("." in value and m.group("who").lower() in _ROLE_WHO_WORDS)
        ):
            continue  # "user 42", "Player #7", "player 2.14.1": a count, a slot or a version
        if re.fullmatch(r"[0-9a-f]{16,}", value):
            continue  # a hex id, not a person
        if text.startswith("*", m.end("v")):
            continue  # an X12 segment's name ("subscriber NM1*IL*1*…"), read by _x12_segments
        who = m.group("who").lower()
        if who == "session" and value.isdigit() and len(value) <= 6:
            continue  # FreeSWITCH's "Session 8812 (sofia/…) Ended": a switch's count, no secret
        if who == "client" and text.endswith("from ", 0, m.start()):
            continue  # FreeRADIUS' and MongoDB's "(from client wlc-bldg2 port 13)": a device's name
        kind = ("session_id" if who == "session" else "ssn" if who in ("passport", "pesel")
                else "phone" if who == "msisdn" else "user_id")
        out.append(Span(m.start("v"), m.end("v"), kind, 0))
        if kind == "user_id" and text.startswith(" (", m.end("v")):
            # the person's name in brackets after their id: "employee EMP-30418 (Gagnon,
            # Marie-Ève)", "payee 000142 (Jack O'Brien, TFN …)"
            nm = _BRACKETED_NAME.match(text, m.end("v") + 2)
            if nm is not None and not any(w.lower().strip(",") in _NOT_NAME_WORDS for w in nm.group().split(" ")):
                out.append(Span(nm.start(), nm.end(), "person_name", 0))


_GREETINGS = ("hi", "hello", "hey", "hola", "ciao", "bonjour", "hallo", "olá", "hej")
_NOT_GREETED = frozenset({"there", "folks", "guys", "friends", "both", "again", "world", "everybody", "y'all", "you"})


def _greeted(text: str, m: re.Match[str], word: str) -> bool:
    """Whether ``word``, the one name after a cue, is a greeting's (``Hi Jürgen,``): the cue
    is a greeting and a comma or an exclamation mark ends the word."""
    end = m.start("v") + len(word)
    return (text[m.start():m.start("v")].lower().startswith(_GREETINGS) and text.startswith((",", "!"), end)
            and len(word) > 2 and word.lower() not in _NOT_NAME_WORDS and word.lower() not in _NOT_GREETED)


# A name from the word lists (see NAME_GATE_PATTERNS): one or two given names and one or two
# surnames (particles between them), "Surname, Given", "SURNAME Given" or an initial and a
# surname, not inside a longer word; a hyphenated second part of the surname goes with it
_NAME_END = "(?!\\w|['’](?!s(?!\\w))\\w)"  # (a possessive's "'s" may follow, not O'Neil's "'Neil")
_NAME_SEQUENCES = tuple(re.compile(p) for p in (  # one per form: as one alternation, Python's engine
    # tried every branch at every position (330 ns a character against 56 for the four)
    "(?:" + _SEQ_GIVEN_FORMS + ")(?:" + _NAME_SPACE + "(?:" + _SEQ_GIVEN_FORMS + "))?" + _NAME_SPACE + "(?:(?:" + _PARTICLE_FORMS
    + ")" + _NAME_SPACE + ")?(?:" + _SEQ_SURNAME_WIDE + ")(?:" + _NAME_SPACE + "(?:(?:" + _PARTICLE_FORMS + ")"
    + _NAME_SPACE + ")?(?:" + _SEQ_SURNAME_WIDE + "))?(?:-[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+)?" + _NAME_END,
    "(?:" + _SEQ_SURNAME_WIDE + "), (?:" + _SEQ_GIVEN_FORMS + ")(?: (?:" + _SEQ_GIVEN_FORMS + "))?" + _NAME_END,
    "(?:" + _SEQ_SURNAME_CAPS + ") (?:" + _SEQ_GIVEN_TITLED + ")(?: (?:" + _SEQ_GIVEN_TITLED + "))?" + _NAME_END,
    "[A-Z]\\. (?:(?:" + _PARTICLE_FORMS + ") )?(?:" + _SEQ_SURNAME_FORMS + ")" + _NAME_END,
))
# A listed given name and a title-cased word after it that no list holds, a surname the lists
# do not know ("for candidate Aisha Bello", "tenant Harold Fitch says"), unless the word is
# one of messages, groups or products (_NOT_NAME_WORDS: "Diana Service"); the given names
# of the first list only (the wider one holds names that are words elsewhere)
_GIVEN_THEN_WORD = re.compile(
    "(?:" + _GIVEN_TITLED + ")(?: (?:" + _GIVEN_TITLED + "))? (?P<s>[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]{2,24}"
    "(?:-[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]{2,24})?(?: [A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]{2,24})?)" + _NAME_END  # (Mads Kristian Holm)
)
# A title-cased word that no list holds before a listed surname, a given name the lists do not
# know ("Worker: Amara Okonkwo", "Supplier: Chandra Venkataraman"), unless the word is one of
# messages, groups or products (_NOT_NAME_WORDS); the surnames of the first list only, not those
# that are common words (a word before "Price" or "Long" is no given name)
_WORD_THEN_SURNAME = re.compile(
    r"(?<![\w.@/\\-])(?<!\w['’])(?P<f>[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]{2,20}) (?:(?:" + _PARTICLE_FORMS + ") )?(?:"
    + word_pattern(written_forms(SURNAMES, capitals=False)) + ")" + _NAME_END
)
# words that start a sentence or a phrase before a name ("Using Chen's method", "Per Nguyen", "Ask Weber"),
# besides _NOT_NAME_WORDS, which are checked too and not repeated here
_SENTENCE_WORDS = frozenset({
    "using", "via", "per", "dear", "hello", "hi", "hey", "thanks", "thank", "contact", "call", "ask", "see", "after",
    "before", "when", "while", "if", "unless", "because", "until", "during", "about", "above", "below",
    "under", "over", "into", "onto", "upon", "within", "between", "among", "against", "through", "across",
    "behind", "near", "off", "out", "like", "than", "that", "this", "these", "those", "then", "there", "here",
    "where", "which", "who", "whom", "whose", "what", "why", "how", "any", "each", "every", "some",
    "no", "both", "either", "neither", "more", "most", "other", "such", "only", "own", "same", "so", "too",
    "very", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "just", "now", "also",
    "let", "please", "note", "warning", "caused", "called", "named", "sent", "received", "assigned", "added",
    "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "herr", "frau", "monsieur", "madame", "señor", "señora",
    "sehr", "geehrte", "geehrter", "liebe", "lieber", "bonjour", "hola", "ciao", "olá", "hallo", "an", "von",
    "für", "mit", "bei", "nach", "und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "pour",
    "avec", "chez", "par", "sur", "les", "une", "para", "con", "por", "los", "las", "una", "del",
    "dal", "della", "voor", "met", "bij", "naar", "het", "een", "dla", "przez", "according", "regards",
})  # fmt: skip
# A family name (one to three words) and a given name after a comma, as payroll, claims and HR
# systems write a person, in quotes or brackets ('Sørensen, Mette', "Kim, Soo-ah", (Nakashima,
# Kenji), 'Van den Broeck, Lotte', (LOPEZ, ROSA M)): either the given name's first word or a word
# of the family name must be listed, and the given name must be no place ('Austin, Texas')
_SURNAME_COMMA_GIVEN = re.compile(
    r"(?<=['\"(«\\/])(?P<n>(?P<s>(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]el|[Dd]a|[Dd]i|[Dd]u|[Ll]e|[Ll]a|den|der|dos) ){0,2}"
    r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+(?:[- ][A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+)?), "
    r"(?P<g>[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+(?:-[A-Za-zß-ÿā-ž]{2,})?(?: [A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+)?)(?: [A-Z]\.?)?"
    r"|(?P<cs>[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]+(?: [A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]+)?), "
    r"(?P<cg>[A-ZÀ-ÞĀ-Ž](?:[A-ZÀ-ÞĀ-Ž-]{2,}|[a-zß-ÿā-ž]+)(?: [A-ZÀ-ÞĀ-Ž](?:[A-ZÀ-ÞĀ-Ž-]+|[a-zß-ÿā-ž]+))?)(?: [A-Z]\.?)?)(?=['\")»\\/])"
)
# regions a city is followed by ('Austin, Texas', "Hamilton, Ontario"): no given names
_REGIONS = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "wisconsin", "wyoming", "ontario", "quebec", "alberta", "manitoba",
    "saskatchewan", "nova", "yukon", "victoria", "queensland", "tasmania", "england", "scotland", "wales",
    "ireland", "france", "germany", "spain", "italy", "portugal", "brazil", "mexico", "india", "china", "japan",
    "canada", "australia", "argentina", "chile", "colombia", "peru", "bavaria", "bayern", "sachsen", "hessen",
    "catalonia", "catalunya", "andalucia", "lombardia", "lazio", "toscana", "uk", "usa", "inc", "ltd", "llc",
})  # fmt: skip
# a given name and a surname in a row's two next fields, either way round (each a span of its own)
_NAME_FIELDS = re.compile(
    "(?P<a>(?:" + _SEQ_GIVEN_FORMS + "))(?P<q>[\"']?)[,;](?P=q)(?P<b>(?:" + _SEQ_SURNAME_FORMS + "))" + _NAME_END
    + "|(?P<c>(?:" + _SEQ_SURNAME_FORMS + "))(?P<r>[\"']?)[,;](?P=r)(?P<d>(?:" + _SEQ_GIVEN_FORMS + "))" + _NAME_END
)
# (each word of six letters or more, looked up in the sets: the surnames' prefix trees as a
# pattern took several times longer per text in Python)
_JOINED_TOKEN = re.compile(r"(?<![\w.@/\\-])[^\W\d_]{6,31}[0-9]{0,4}(?![\w@]|%40|[.-]\w)")
_JOINED_CAPS_SET = frozenset(s.upper() for s in _JOINED_SURNAMES)
_SLASH_NAME = re.compile(
    r"(?<![^\W\d_/])(?P<s>[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?)/(?P<g>[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?)"
    r"(?![\w/])"
)
_GLUED_TITLE = re.compile(r"(?:MRS|MR|MS|MISS|MSTR|DR|PROF)$")
_NEXT_CAPITALIZED = re.compile(r" [A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+(?:-[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+)?(?![\w'’-])")
_HYPHEN_BEFORE = re.compile(r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+-$")
# a login: a given name or an initial and a dot, a separator, a surname in lower case,
# perhaps a few digits; not part of a host, a domain, a module path or an address
_LOGIN_TAIL = re.compile("[._-](?:" + _LOGIN_SURNAMES + ")[0-9]{0,4}(?![^\\W_]|@|%40|[.-][^\\W\\d_])")


def _listed_names(text: str, out: list[Span]) -> None:
    """Names and logins made of listed given names and surnames (gate: G_NAMES)."""
    for m in (m for seq in _NAME_SEQUENCES for m in seq.finditer(text)):
        start, end = m.start(), m.end()
        if text[start + 1] == "." and end < len(text) and text[end] == " " and is_given_name(text[start + 3:end]):
            nm = _NEXT_CAPITALIZED.match(text, end)  # "M. Olivier Lambert": a title, a given name, the surname
            if nm is not None:
                end = nm.end()
        if start > 0:
            before = text[start - 1]
            if before.isalnum() or before == "_" or (
                before in "'’" and start > 1 and text[start - 2].isalpha()  # O'Neil, not 'Ingrid …'
            ):
                continue
            if before == "-":
                h = _HYPHEN_BEFORE.search(text, max(0, start - 24), start)
                if h is None:
                    continue
                start = h.start()
                if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-_"):
                    continue
        out.append(Span(start, end, "person_name", 0))
    for m in _GIVEN_THEN_WORD.finditer(text):
        start = m.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-./@\\" or (
            text[start - 1] in "'’" and start > 1 and text[start - 2].isalnum()  # O'Neil; 'Priya Raman' is quoted
        )):
            continue
        words = m.group("s").split(" ")
        if len(words) == 2 and words[1].lower() in _NOT_NAME_WORDS:
            words.pop()  # "Aisha Bello Created …": the name ends before the word
        if any(w.lower() in _NOT_NAME_WORDS or w.lower() in WORD_SURNAMES for word in words for w in word.split("-")):
            continue
        end = m.start("s") + len(" ".join(words))
        while text[end - 1] in "'’":
            end -= 1  # 'Marcus Whitley': the closing quote is not the name's
        out.append(Span(start, end, "person_name", 0))
    for m in _WORD_THEN_SURNAME.finditer(text):
        first = m.group("f")
        fl = first.lower()
        if (fl in _NOT_NAME_WORDS or fl in _SENTENCE_WORDS or fl in WORD_SURNAMES or fl in COMMON_WORD_SURNAMES
                or is_given_name(first)
                or is_surname(first) or first.endswith(("'", "’"))):
            continue  # (a listed first word: the name sequences' own)
        out.append(Span(m.start(), m.end(), "person_name", 0))
    if ", " in text:
        for m in _SURNAME_COMMA_GIVEN.finditer(text):
            family, given = m.group("s", "g") if m.group("s") is not None else m.group("cs", "cg")
            givens = given.split(" ")
            if givens[0].lower() in _REGIONS or not (
                is_given_name(givens[0].split("-")[0]) or any(is_surname(w) for w in family.replace("-", " ").split(" "))
            ):
                continue
            if not any(w.lower() in _NOT_NAME_WORDS for w in m.group("n").replace(",", "").split(" ")):
                out.append(Span(m.start("n"), m.end("n"), "person_name", 0))
    if "," in text or ";" in text:
        for m in _NAME_FIELDS.finditer(text):
            first, second = ("a", "b") if m.group("a") is not None else ("c", "d")
            start = m.start(first)
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'’"):
                continue
            out.append(Span(start, m.end(first), "person_name", 0))
            out.append(Span(m.start(second), m.end(second), "person_name", 0))
    for m in _JOINED_TOKEN.finditer(text):
        word = m.group().rstrip("0123456789")
        first = word[0]
        if (("a" <= first <= "z" and word[1:] in _JOINED_SURNAMES) or ("A" <= first <= "Z" and word[1:] in _JOINED_CAPS_SET)) \
                and word.lower() not in JOINED_WORDS:
            out.append(Span(m.start(), m.end(), "user_id", 1))
    if "/" in text:
        for m in _SLASH_NAME.finditer(text):
            surnames, givens = m.group("s").split(" "), m.group("g").split(" ")
            last, first = surnames[-1], givens[0]
            # the given name listed, or its first part (MARIEHELENE, AGNIESZKAMRS: a compound
            # name or a title run together with it); the surname listed too, or a word of
            # five letters or more that no message uses (STRAUSS/KONSTANTIN; not MARTIN/ASSOCIATES,
            # ANIA/SITA)
            given = first in _GIVEN_CAPS_SET or (
                last in _SURNAME_CAPS_SET and any(first[:k] in _GIVEN_CAPS_SET for k in range(4, len(first)))
            )
            if not given or not (last in _SURNAME_CAPS_SET or (len(last) >= 5 and last.lower() not in _NOT_NAME_WORDS)):
                continue
            start = m.start()
            if len(surnames) > 1 and len(surnames[0]) < 3:
                start = m.end("s") - len(last)  # "NM STRAUSS/…": WorldTracer's field label
            end = m.end("g") if len(givens) == 1 or len(givens[1]) >= 3 else m.start("g") + len(first)
            out.append(Span(start, end, "person_name", 1))  # (before a shorter one of the travel forms)
    for m in _LOGIN_TAIL.finditer(text):
        sep = m.start()
        j = sep
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        head = text[j:sep]
        if not head or (j > 0 and (text[j - 1].isalnum() or text[j - 1] in "._@'’")):
            continue
        if (len(head) == 1 and text[sep] == "." and head.islower()) or (
                head.islower() and (head in GIVEN_NAMES or head in _LOGIN_ROLE_HEADS)):
            out.append(Span(j, m.end(), "user_id", 1))


# a title or a role before a listed surname in a login (dr.vasquez, prof.ndiaye, lehrer.gruber,
# alumno.garcia22, adm.schulze)
_LOGIN_ROLE_HEADS = frozenset({
    "dr", "prof", "mr", "mrs", "ms", "adm", "admin", "adjuster", "lehrer", "lehrerin", "alumno", "alumna",
    "student", "teacher", "nurse", "agent", "tech", "ext", "extern", "ing", "sr", "sra", "doc", "dott", "mme",
    "herr", "frau", "docente", "profe", "maestro", "maestra", "arzt", "dra",
})  # fmt: skip


def _names(text: str, out: list[Span], lowered: str, starts: tuple[str, ...], pattern: re.Pattern[str]) -> None:
    for m in _at_words(text, lowered, starts, pattern):
        words = m.group("v").split(" ")
        kept = [words[0]]
        for w in words[1:]:
            if len(w) > 1 and w.isupper() and not words[0].isupper():
                break  # a label after the name: "holder Agnieszka Zielińska PESEL 8503…"
            if w[:1].isupper() or w.lower() in _NAME_PARTICLES:
                kept.append(w)
            else:
                break
        if pattern is _NAME_PHRASE and m.group("q") and kept:
            kept[-1] = kept[-1].rstrip(m.group("q"))  # "Customer 'Johanna Müller' has…": inside the quotes
        while kept and kept[-1].lower() in _NAME_PARTICLES:
            kept.pop()
        # two words at least, or one after a title (Dear Mr. Twist, Herrn Müller)
        titled = m.group("title") or (m.group("alone") if pattern is _NAME_PHRASE else None)
        if len(kept) == 1 and not titled and pattern is _NAME_PHRASE and _greeted(text, m, kept[0]):
            titled = "greeting"  # "Hi Jürgen," "Hello Amara!": a first name alone
        if (len(kept) == 1 and not titled and pattern is _NAME_PHRASE and is_given_name(kept[0])
                and text[m.start():m.start("v")].strip(" :'\"").lower() in _FAMILY_WORDS):
            titled = "family"  # "call his daughter Emily on …": a listed given name alone
        start = m.start("v")
        end = start + len(" ".join(kept))
        # "trabajador: MENDOZA QUISPE, ROSARIO;", "Customer SMITH, JOHN (…)": the given names after
        given = _CAPS_GIVEN.match(text, end) if all(len(w) > 1 and w.isupper() for w in kept) else None
        if len(kept) < (1 if titled or given else 2) or not all(c.isalpha() or c in "'’-" for c in "".join(kept)):
            continue
        if not titled and any(w.lower() in _NOT_NAME_WORDS for w in kept):
            continue  # "User Service Unavailable", "Customer Profile Not Found": a title-cased phrase
        if given is not None:
            if any(w.lower() in _NOT_NAME_WORDS for w in given.group("g").split(" ")):
                continue
            end = given.end("g")
        out.append(Span(start, end, "person_name", 0))


# The given names after a family name in capitals and a comma, as registers and payrolls
# write them ("GARCÍA LÓPEZ, ANTONIO;"), up to what ends the name: ";", ")", a line's end,
# a dash or a bracket
_CAPS_GIVEN = re.compile(
    r", (?P<g>[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’-]+(?: [A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’.-]*){0,2})"
    # (or before the next field: ", practitioner …", " DOB 07/22/1985", " MRN=…")
    r"(?=[;)\n]|$| [-—(]|, [a-z]| (?:DOB|D\.O\.B\.|MRN|SSN|NHS|DEA|NPI|ID|Tel|Ph)[ :=#])"
)
_START = attrgetter("start")

# ActiveRecord::RecordNotFound: "Couldn't find User with 'id'=771204": a person's record
_RAILS_NOT_FOUND = re.compile(
    r"Couldn't find (?P<cls>[A-Z]\w{1,40}) with '?(?P<k>\w{1,64})'?=(?P<q>\"?)(?P<v>[^\s\"',;)>]{1,128})(?P=q)"
)
# What databases and search engines echo of a rejected row, under its column's name:
# PostgreSQL's "Key (tax_id)=(48291736K) already exists." (and "is not present in table"),
# MySQL's "Duplicate entry 'a@b.io' for key 'users.email_UNIQUE'", Elasticsearch's
# "failed to parse field [date_of_birth] of type [date] … Preview of field's value: '…'",
# and a Rails GlobalID of a person's record in a job's arguments ("gid://shop/User/40917")
# (in any language PostgreSQL writes it: "La clé « (num_secu)=(…) » existe déjà", "La chiave
# (codice_fiscale)=(…) esiste già", "Schlüssel »(email)=(…)« existiert bereits": the columns'
# names in brackets, "=", the values in brackets)
_PG_KEY = re.compile(
    r"(?<![\w)])\((?P<k>\"?[A-Za-z_][\w$]{0,62}\"?(?:, ?\"?[A-Za-z_][\w$]{0,62}\"?){0,15})\)=\((?P<v>[^()\n]{0,512})\)"
)
# SQL Server's "… with unique index 'IX_Employees_NationalId'. The duplicate key value is
# (850101-12345)." (also after a constraint's name) and its Msg 2628, "String or binary data
# would be truncated in table 'HRDB.dbo.Dependents', column 'FullName'. Truncated value: '…'"
_MSSQL_DUPLICATE = re.compile(r"(?:index|constraint) '(?P<k>[^'\n]{1,128})'\.[^\n]{0,200}?"
                              r"The duplicate key value is \((?P<v>[^()\n]{1,512})\)")
_MSSQL_TRUNCATED = re.compile(r"column '(?P<k>[^'\n]{1,128})'\. Truncated value: '(?P<v>[^'\n]{1,512})'")
_MYSQL_DUPLICATE = re.compile(r"Duplicate entry '(?P<v>[^'\n]{1,256})' for key '(?P<k>[^'\n]{1,128})'")
_ES_FIELD = re.compile(
    r"failed to parse field \[(?P<k>[^\]\s]{1,128})\] of type \[\w{1,32}\][^\n]{0,200}?"
    r"Preview of field's value: '(?P<v>[^'\n]{1,256})'"
)
_GLOBAL_ID = re.compile(r"gid://[\w.-]{1,64}/(?:\w{1,64}::){0,4}(?P<cls>[A-Z]\w{0,63})/(?P<v>[\w-]{1,64})")
_INDEX_AFFIXES = frozenset({"unique", "uniq", "key", "idx", "index", "uk", "uq", "ux", "ix", "pkey", "fkey"})


def _index_class(name: str) -> str | None:
    """The class of the column a unique index is named for (``users_email_key``,
    ``uk_users_tax_id``, ``email_UNIQUE``): its name's last words that name one."""
    parts = [p for p in normalize_key(name.rsplit(".", 1)[-1]).split("_") if p not in _INDEX_AFFIXES]
    found = None
    for i in range(len(parts)):
        cls = classify_key("_".join(parts[i:]))
        if cls is not None and cls != "id":
            return cls
        found = found or cls  # (employees_national_id is an id; its last words, national_id, say whose)
    return found


# ActiveRecord's log of a statement's binds: 'Customer Update (1.4ms)  UPDATE … [["iban", "GB82…"],
# ["account_holder", "Priya Raman"], ["id", 30218]]', read under the model's columns
_RAILS_BINDS = re.compile(r"(?:(?P<model>[A-Z]\w{0,63}) (?:Load|Create|Update|Destroy|Exists\?|Count|Pluck|Insert|Upsert)"
                          r" \([0-9.]{1,12}ms\)[^\n]{0,4096}?)?\[\[\\?\"")
_RAILS_BIND = re.compile(r'\[\\?"(?P<k>\w{1,64})\\?", (?:\\?"(?P<s>(?:[^"\\\n]|\\[^"]){0,1024})\\?"|(?P<n>-?[0-9]{1,20}))\]')
# PostgreSQL's "DETAIL:  parameters: $1 = 'kwame.mensah', $2 = '17'", each value under the
# column the statement compares it with ("lower(username) = lower($1)")
_PG_PARAM = re.compile(r"\$(?P<n>[0-9]{1,4}) = '(?P<v>(?:[^'\n]|''){0,1024})'")


# A login named in prose ("my username is ahmed.elsayed", "login is jdoe_42"): a handle's
# shape, with a dot, an underscore or a digit in it (not "username is required")
_LOGIN_IS = re.compile(r"(?i:user ?name|login|user ?id) is (?P<v>[A-Za-z0-9][\w.-]{0,62}[A-Za-z0-9])(?![\w@-])")
# A cache's key with a person's id in it (Redis, Memcached): "user:58213:profile",
# "session:9f2c4e7a…", "customer:77881:contact"
_CACHE_KEY = re.compile(
    r"(?<![\w./-])(?<!::)(?P<k>user|customer|member|account|session|sess|patient|employee|uid)s?:"  # (cart:user:8821)
    r"(?P<v>[A-Za-z0-9_@.+-]{0,127}[0-9][A-Za-z0-9_@.+-]{0,127}?)(?=:[A-Za-z*]|[\"'\s,\]})]|$)"
)
# The gate of _logins_and_cache_keys (the shape branch of a login in prose, a cache key and
# the login forms) cut into its branches, each searched only where its mark is: one regex of
# them all, case-insensitive words first, took 18 µs a text; these take about 2.
_LOGIN_IS_GATE = re.compile(r"(?i:user ?name|login|user ?id) is ")
_CACHE_KEY_GATE_RE = re.compile(_CACHE_KEY_GATE)
_DOWNLEVEL_GATE = re.compile(_DOWNLEVEL_GATE_PATTERN)
# (in Python, only where a collection's name and a slash are in the text: the pattern has no
# literal start, and searching it in every text with a slash cost 0.48 s over the
# simulator's 122,876 texts, against 0.16-0.18 s for the substring tests and the pattern)
_REST_GATE = re.compile(_REST_GATE_PATTERN)
_COLLECTION_SLASHES = tuple(w + "/" for w in _PERSON_COLLECTIONS[3:-1].split("|"))


def _may_login_forms(text: str) -> bool:
    """Whether a login named in prose, a cache's key with a person's id or a login form
    (:data:`_LOGIN_FORMS_GATE`) can be in ``text``."""
    return (
        (" is " in text and _LOGIN_IS_GATE.search(text) is not None)
        or (":" in text and _CACHE_KEY_GATE_RE.search(text) is not None)
        or "User <" in text
        or ("\\" in text and _DOWNLEVEL_GATE.search(text) is not None)
        or ("/" in text and _has_any(text, _COLLECTION_SLASHES) and _REST_GATE.search(text) is not None)
    )
_CACHE_KEY_CLASS = {"user": "user_id", "customer": "user_id", "member": "user_id", "account": "user_id",
                    "patient": "user_id", "employee": "user_id", "uid": "user_id", "session": "session_id",
                    "sess": "session_id"}


# A Windows down-level logon name, DOMAIN\\user, where no key names it (Squid's and PAN-OS'
# user columns, VMware Horizon's "User EU\\k.nowak has logged in"): a NetBIOS domain in
# capitals (or corp/ad), then a lower-case account; not a path (no backslash after, no file)
_DOWNLEVEL = re.compile(
    r"(?<![\w\\/.-])(?:[A-Z][A-Z0-9-]{1,14}|(?i:corp|ad|intra|internal))\\{1,2}"
    r"(?P<v>[a-z][a-z0-9._-]{1,63})(?![\w\\/-]|\.[A-Za-z0-9])"
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# Cisco ASA's "Group <GP-AnyConnect> User <zhang.wei> IP <223.104.3.57>"
_ANGLED_USER = re.compile(r"\bUser <(?P<v>[^<>\s]{2,64})>")
# A person's id in a REST path: /api/v1/users/00u7k2m4n6p8Q1r3s5t7/factors, /customers/cus_8812443
_REST_PERSON = re.compile(  # (or a resource's name, "on resource users/8812-4471-0093")
    r"(?:/|(?<![\w.-]))" + _PERSON_COLLECTIONS + r"/(?P<v>[A-Za-z0-9_.@%+-]{0,63}[0-9@][A-Za-z0-9_.@%+-]{0,63})(?=[/?#\s\"',;)\]}]|$)"
)


# A name in brackets after a person's id, or before their contact details: "student
# s4412087 (Isabella García López)", "(Arjun Mehta, born 1975-02-14)", "(Rafael Oliveira,
# +55 11 98765-4321)"; and a FHIR reference to a person's resource ("Patient/pat-88120")
_PAREN_NAME = re.compile(
    r"\((?P<v>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: (?:[A-ZÀ-ÞĀ-Ž][\w'’-]+|de|da|van|von|del|la|le|dos|bin|al)){1,3})"
    r"(?=, ?(?:[\w.%+-]+@|\+?[0-9]|born|b\. |dob|DOB|n[ée]e? )|\))"
)
_FHIR_REFERENCE = re.compile(r"(?<!\w)(?:Patient|Person|Practitioner|RelatedPerson)/(?P<v>[A-Za-z0-9.-]{1,64})")


# A person's id in brackets just after their name: "member Aleksandra Kozłowska (ID
# 4471-220918)", "Benutzer Jürgen Hoffmann (ID 558201)", "'Frederik Holm' (participantId 5528410)"
_ID_AFTER_NAME = re.compile(
    r"['\"’]?[ \t]?\((?:ID|Id|id|[Uu]ser ?(?:ID|Id|id)|[a-z]{2,16}(?:Id|ID|_id)|No\.?|Nr\.?|n°|#)"
    r"(?:[ \t]*[:#=][ \t]*|[ \t]+|(?<=#))(?P<v>(?=[\w.-]*[0-9])[A-Za-z0-9][\w.-]{1,40})(?=[),;])"
)


def _ids_after_names(text: str, out: list[Span]) -> None:
    for c in [c for c in out if c.kind == "person_name"]:
        m = _ID_AFTER_NAME.match(text, c.end)
        if m is not None:
            out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


def _paren_names(text: str, out: list[Span]) -> None:
    for m in _PAREN_NAME.finditer(text):
        words = m.group("v").split(" ")
        if any(w.lower() in _NOT_NAME_WORDS or any(c.isdigit() for c in w) for w in words):
            continue  # (a name has no digits: "Zone 4711 (Fehler PV-422)")
        if text.startswith(")", m.end()) and _ID_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None:
            continue  # "(Internal Ops)": a bracketed name needs a person's id before it, or their details after
        out.append(Span(m.start("v"), m.end("v"), "person_name", 1))


def _fhir_references(text: str, out: list[Span]) -> None:
    for m in _FHIR_REFERENCE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "/" and not any(c.isdigit() for c in m.group("v")):
            continue  # in a REST path (PUT /fhir/Patient/8812774) only an id with a digit, not an operation
        out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


# A one-time code a person is sent to sign in ("sent login code 482913 to +91…",
# "verification code: 5521"; not "error code 4021" or "status code 500"), and a push
# service's device token (APNs' 64 hex digits: "APNs device token registered: 7c1e…", and
# the HTTP/2 path it is sent to, /3/device/<token>)
_SIGN_IN_CODE = re.compile(
    r"(?i:(?:login|log-in|sign[- ]?in|verification|verify|confirmation|security|one[- ]time|otp|sms|2fa|mfa|"
    r"auth(?:entication)?|access) code|passcode|otp)(?: is)?[ \t]*[:=]?[ \t]*(?P<v>[0-9]{4,8})(?![\w:/-]|[.,][0-9])"
)
_DEVICE_TOKEN = re.compile(
    r"(?:(?i:device|push|apns) token\b[^:=\n]{0,24}[:=][ \t]*|/3/device/)(?P<v>[0-9a-fA-F]{64})(?![0-9a-zA-Z])"
)


# A party's name in ISO 20022 payment messages (pain.001/002, pacs.008, camt: the creditor's,
# the debtor's, the ultimate ones', the initiating party's), and the name and street lines
# of a SWIFT MT103's ordering customer (:50K:, :50F:) and beneficiary (:59:, :59F:) after
# their optional /account line (the account too); the town, the message's last line of a party, is kept
_ISO20022_NAME = re.compile(r"<(?:Cdtr|Dbtr|UltmtCdtr|UltmtDbtr|InitgPty)>\s*<Nm>(?P<v>[^<>\n]{1,140})</Nm>")
_MT_PARTY = re.compile(
    r"(?m)^:(?:50K|50F|59|59F):(?:/(?P<acct>[^\n]*)\n)?(?P<body>(?:(?!:[0-9]{2}[A-Z]?:|-\})[^\n]+(?:\n|$)){1,4})"
)
_MT_LINE_NO = re.compile(r"[1-8]/")


def _bank_messages(text: str, out: list[Span]) -> None:
    if "<Nm>" in text:
        for m in _ISO20022_NAME.finditer(text):
            out.append(Span(m.start("v"), m.end("v"), "person_name", 1))
    if ":5" in text:
        for m in _MT_PARTY.finditer(text):
            acct = m.group("acct")
            if acct is not None and acct.strip() and not is_neutral(acct.strip()):
                out.append(Span(m.start("acct"), m.start("acct") + len(acct.rstrip()), "iban", 1))  # its account
            pos = m.start("body")
            lines = m.group("body").split("\n")
            if lines and not lines[-1]:
                lines.pop()
            keep_last = len(lines) >= 3  # name, street(s), town: the town stays
            if lines and not is_plausible("person_name", _MT_LINE_NO.sub("", lines[0], count=1)):
                continue  # a business (ACME PAYROLL LTD): its name and address stay
            for n, line in enumerate(lines):
                start, end = pos, pos + len(line)
                pos = end + 1
                if _MT_LINE_NO.match(line):
                    start += 2  # MT103's option F numbers its lines: 1/NAME, 2/ADDRESS
                if not line.strip() or (keep_last and n == len(lines) - 1):
                    continue
                out.append(Span(start, end, "person_name" if n == 0 else "address", 1))


_CODE_CUES = ("login", "log-in", "signin", "sign-in", "sign in", "verification", "verify", "confirmation", "security",
              "one-time", "one time", "otp", "sms", "2fa", "mfa", "auth", "authentication", "access")


def _may_sign_in_code(lowered: str) -> bool:
    """Whether :data:`_SIGN_IN_CODE` can match: ``passcode``, ``otp``, or ``code`` after one of its cues."""
    if "passcode" in lowered or "otp" in lowered:
        return True
    i = lowered.find(" code")
    while i >= 0:
        if lowered.endswith(_CODE_CUES, 0, i):
            return True
        i = lowered.find(" code", i + 1)
    return False


# IATA's name element, SURNAME/GIVEN NAMES and a title ("1.DUPONT/CLAIRE MRS", a boarding
# pass's "ABDULLAH/OMAR MR"); a PNR's SSR DOCS (document number, birth date, names), its APE
# e-mail (IATA writes @ as //) and FP CC card; a Salesforce id of a User (005), a Contact
# (003) or a Lead (00Q): 15 or 18 characters with a capital letter after the prefix
_IATA_NAME = re.compile(
    r"(?<![\w/])(?P<v>[A-Z][A-Z'-]{1,34}/[A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*){0,2}?) ?(?:MRS|MR|MS|MSTR|MISS)(?![A-Za-z])"
)
_SSR_DOCS = re.compile(
    r"SSR DOCS [A-Z0-9]{2} [A-Z]{2}[0-9] ?[A-Z]{0,2}/[A-Z]{3}/(?P<doc>[A-Z0-9]{4,20})/[A-Z]{3}/"
    r"(?P<dob>[0-9]{2}[A-Z]{3}[0-9]{2})/[MFUX]I?/[0-9]{2}[A-Z]{3}[0-9]{2}/(?P<sn>[A-Z' -]{1,35})/(?P<gn>[A-Z' -]{1,35})"
)
_APE = re.compile(r"\bAPE (?P<v>[A-Z0-9._%+-]{1,64}//[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,})")
_FP_CC = re.compile(r"\bFP CC[A-Z]{2}(?P<v>[0-9]{12,19})(?![0-9])")
_SALESFORCE_PERSON = re.compile(r"(?<![\w-])(?:005|003|00Q)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{12}(?:[A-Z0-9]{3})?(?![\w-])")


def _travel_and_crm(text: str, out: list[Span]) -> None:
    if "/" in text:
        if "MR" in text or "MS" in text or "MISS" in text:
            for m in _IATA_NAME.finditer(text):
                out.append(Span(m.start("v"), m.end("v"), "person_name", 1))
        if "SSR DOCS" in text:
            for m in _SSR_DOCS.finditer(text):
                out.append(Span(m.start("doc"), m.end("doc"), "ssn", 1))
                out.append(Span(m.start("dob"), m.end("dob"), "dob", 1))
                out.append(Span(m.start("sn"), m.end("gn"), "person_name", 1))
        if "APE " in text:
            for m in _APE.finditer(text):
                out.append(Span(m.start("v"), m.end("v"), "email", 1))
    if "FP CC" in text:
        for m in _FP_CC.finditer(text):
            if is_luhn_valid(m.group("v")):
                out.append(Span(m.start("v"), m.end("v"), "card", 1))
    if "005" in text or "003" in text or "00Q" in text:
        for m in _SALESFORCE_PERSON.finditer(text):
            out.append(Span(m.start(), m.end(), "user_id", 1))


# Mosquitto's "New client connected from … as <client> (p2, c1, k60, u'<user>')"; a Steam id
# (64-bit, 7656119…) and an Xbox user id (XUID, 2533274…); a coordinate pair written with its
# hemispheres (an eCall's "48.137154N 11.576124E")
_MOSQUITTO_USER = re.compile(r"New client connected from \S+ as \S+ \([^()]*u'(?P<v>[^'\s]{1,64})'\)")
_GAME_ID = re.compile(r"(?<![0-9])(?:7656119[0-9]{10}|2533274[0-9]{9})(?![0-9])")
_GEO_HEMISPHERES = re.compile(
    r"(?<![\w.])[1-8]?[0-9]\.[0-9]{4,8} ?[NS][ ,/]{1,3}(?:1[0-7][0-9]|[1-9]?[0-9])\.[0-9]{4,8} ?[EW](?![A-Za-z])"
)


def _players_and_places(text: str, out: list[Span]) -> None:
    if "New client connected from" in text:
        for m in _MOSQUITTO_USER.finditer(text):
            if m.group("v").lower() not in SYSTEM_ACCOUNTS:
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))
    if "7656119" in text or "2533274" in text:
        for m in _GAME_ID.finditer(text):
            out.append(Span(m.start(), m.end(), "user_id", 1))
    if "N " in text or "S " in text or "N," in text or "S," in text or "N/" in text or "S/" in text:
        for m in _GEO_HEMISPHERES.finditer(text):
            out.append(Span(m.start(), m.end(), "geo", 1))


def _sign_in_codes(text: str, lowered: str, out: list[Span]) -> None:
    if _may_sign_in_code(lowered):
        for m in _SIGN_IN_CODE.finditer(text):
            out.append(Span(m.start("v"), m.end("v"), "secret", 1))
    if "device token" in lowered or "push token" in lowered or "apns token" in lowered or "/3/device/" in text:
        for m in _DEVICE_TOKEN.finditer(text):
            out.append(Span(m.start("v"), m.end("v"), "secret", 1))


_ID_BEFORE = re.compile(r"(?:^|[\s=:])#?[A-Za-z_-]{0,12}[0-9][\w-]{2,40} \Z")


def _logins_and_cache_keys(text: str, lowered: str, out: list[Span]) -> None:
    if "\\" in text:
        for m in _DOWNLEVEL.finditer(text):
            v = m.group("v")
            if v not in SYSTEM_ACCOUNTS and not is_service_account(v):
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))
    if "User <" in text:
        for m in _ANGLED_USER.finditer(text):
            if m.group("v").lower() not in SYSTEM_ACCOUNTS:
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))
    if "/" in text:
        for m in _REST_PERSON.finditer(text):
            v = m.group("v")
            if (len(v) >= 3 and ("@" in v or sum(c.isdigit() for c in v) >= 2) and not is_placeholder(v)
                    and _YEAR.fullmatch(v) is None):
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))  # (not saml2, not a lake's /2024/)
    if " is " in text:
        for m in _LOGIN_IS.finditer(text):
            v = m.group("v")
            if any(c in v for c in "._0123456789") and not is_neutral(v) and v.lower() not in SYSTEM_ACCOUNTS:
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))
    if ":" in text:
        for m in _CACHE_KEY.finditer(text):
            v = m.group("v")
            if len(v) >= 3 and not is_neutral(v) and v.lower() not in SYSTEM_ACCOUNTS:
                out.append(Span(m.start("v"), m.end("v"), _CACHE_KEY_CLASS[m.group("k")], 1))


def _database_errors(text: str, out: list[Span]) -> None:
    if '[["' in text or '[[\\"' in text:
        for m in _RAILS_BINDS.finditer(text):
            model = m.group("model")
            at = m.end() - (3 if text[m.end() - 2] == "\\" else 2)
            while True:
                bm = _RAILS_BIND.match(text, at)
                if bm is None:
                    break
                group = "s" if bm.group("s") is not None else "n"
                _class_value(bm.group(group), classify_key(bm.group("k"), model), bm.start(group), out)
                at = bm.end()
                if not text.startswith(", ", at):
                    break
                at += 2
    if "parameters: $" in text:
        for m in _PG_PARAM.finditer(text, text.find("parameters: $")):
            col = re.search(r"(?P<c>[A-Za-z_]\w{0,63})\"?\)?\s*(?:=|<>|!=|(?i:i?like))\s*(?:(?i:lower|upper)\()?\$"
                            + m.group("n") + r"(?![0-9])", text)
            if col is not None:
                _class_value(m.group("v"), classify_key(col.group("c")), m.start("v"), out)
    if ")=(" in text:
        for m in _PG_KEY.finditer(text):
            cols = [c.strip().strip('"') for c in m.group("k").split(",")]
            start = m.start("v")
            values = m.group("v").split(", ") if len(cols) > 1 else [m.group("v")]
            if len(values) != len(cols):
                continue
            for column, value in zip(cols, values, strict=True):
                _class_value(value, classify_key(column), start, out)
                start += len(value) + 2
    if "Duplicate entry '" in text:
        for m in _MYSQL_DUPLICATE.finditer(text):
            _class_value(m.group("v"), _index_class(m.group("k")), m.start("v"), out)
    if "The duplicate key value is (" in text:
        for m in _MSSQL_DUPLICATE.finditer(text):
            if ", " not in m.group("v"):  # (one column's value: a composite key's are not told apart)
                _class_value(m.group("v"), _index_class(m.group("k")), m.start("v"), out)
    if "Truncated value: '" in text:
        for m in _MSSQL_TRUNCATED.finditer(text):
            cls = classify_key(m.group("k"))
            if cls in ("email", "person_name", "address") and not is_neutral(m.group("v")):
                out.append(Span(m.start("v"), m.end("v"), cls, 3))  # cut short: no longer shaped like one
            else:
                _class_value(m.group("v"), cls, m.start("v"), out)
    if "Preview of field's value: '" in text:
        for m in _ES_FIELD.finditer(text):
            parent, _, key = m.group("k").rpartition(".")
            _class_value(m.group("v"), classify_key(key, parent.rpartition(".")[2] or None), m.start("v"), out)
    if "gid://" in text:
        for m in _GLOBAL_ID.finditer(text):
            if is_personal_parent(m.group("cls")):
                out.append(Span(m.start("v"), m.end("v"), "user_id", 2))


# A password quoted after its word, in prose: "invalid password 'Sommer2024!' (attempt 4)"
# A name quoted after the word that names it, in prose (_quoted_names): 'surname "Patel"',
# "Employee name 'DeLuca Vincent J'", 'name "Kim, Soo-ah"': after a name part's word any
# name-shaped value, after a person's "… name" one shaped like a person's, after a bare
# "name" one with a word from the name lists (a bucket's or a table's name stays)
_NAME_QUOTED_AFTER = re.compile(
    r"(?<![\w-])(?i:(?P<part>surname|forename|first name|last name|given name|family name|maiden name)|"
    r"(?P<role>employee|patient|customer|member|account holder|cardholder|legal|full|contact|insured|driver|"
    r"payee|beneficiary|applicant) name|name)(?::? (?:is )?)(?P<q>['\"])(?P<v>[^'\"\n]{2,60})(?P=q)"
)
_COMMA_NAME = re.compile(_NAME_WORD + r"(?: " + _NAME_WORD + r")?, " + _NAME_WORD + r"(?:[ -]" + _NAME_WORD
                         + r")?(?: [A-Z]\.?)?")


def _listed_comma_name(value: str) -> bool:
    """A name written "Family, Given" with its family or its given name in the lists."""
    if _COMMA_NAME.fullmatch(value) is None:
        return False
    family, given = value.split(", ", 1)
    return is_surname(family.split(" ")[-1]) or is_given_name(given.split(" ")[0].split("-")[0])


def _quoted_names(text: str, out: list[Span]) -> None:
    for m in _NAME_QUOTED_AFTER.finditer(text):
        v = m.group("v").strip()
        if not v or v != m.group("v") or any(w.lower() in _NOT_NAME_WORDS for w in v.replace(",", "").split(" ")):
            continue
        if m.group("part") is not None:
            ok = _ONE_NAME.fullmatch(v) is not None or is_person_name(v) or _listed_comma_name(v)
        elif m.group("role") is not None:
            ok = is_person_name(v) or _listed_comma_name(v)
        else:
            words = v.replace(",", "").split(" ")
            ok = _listed_comma_name(v) or (is_person_name(v) and (is_given_name(words[0]) or is_surname(words[-1])))
        if ok:
            out.append(Span(m.start("v"), m.end("v"), "person_name", 2))


# and PowerShell's ConvertTo-SecureString "Gr33nTea!2024" -AsPlainText
_QUOTED_PASSWORD_WORDS = ("password '", 'password "', "passwd '", 'passwd "', "passphrase '", 'passphrase "',
                          "securestring '", 'securestring "', "securestring -string ")
_QUOTED_PASSWORD = re.compile(r"(?i:password|passwd|passphrase|securestring(?: -string)?) (?P<q>['\"])"
                              r"(?P<v>[^\s'\"]{1,128})(?P=q)")


# Account names in the lines that authentication services write: sshd and PAM
# ("Failed password for invalid user X from", "session opened for user X by"),
# databases ('password authentication failed for user "X"', "Login failed for user
# 'DOM\\X'"), and the authuser field of the Common Log Format ("host - X [date]").
_NAME_CHARS = r"[^\s\"'(),;\[\]]{1,64}"
_DOVECOT_USER = r"[^\s\"'()<>,:;\[\]]{1,64}"
_LOGIN_BRANCHES = {  # first word -> pattern of the branch, its value in group v
    "for": r"(?i:(?:for|from|by)(?: invalid| illegal| unknown| authenticating)? user) (?P<v>"
           + _NAME_CHARS + r")(?= (?:from|by|port)\b| \[|\s*\(uid=|$| [0-9A-Fa-f.:]{3,45} port\b"
           # a reason in brackets: "push rejected for user X (permission denied)", not
           # "for user preferences (cached)"
           r"| \([^)]{0,40}?(?:denied|invalid|fail|not |password|permission|locked|expired|disabled|unknown))",
    "invalid": r"(?i:(?:invalid|illegal) user) (?P<v>" + _NAME_CHARS + r") from\b",
    # a record or an account locked or changed by a user, quoted or at a clause's end:
    # "Patient account 4471 locked by user jwhitfield'", "changed by user m.rossi."
    "byuser": r"(?i:by user) (?P<v>[^\s\"'(),;\[\]]{1,64}(?=['\"])"
              r"|[A-Za-z][A-Za-z0-9]*[._-][A-Za-z0-9._-]*[A-Za-z0-9](?=[.,;]?(?:\s|$)))",
    # sshd: "maximum authentication attempts exceeded for jdoe from" (its "Postponed
    # keyboard-interactive for jdoe from" is the password branch's)
    "exceeded": r"attempts exceeded for (?!invalid user |illegal user )(?P<v>" + _NAME_CHARS + r") from\b",
    # OpenSearch's security plugin: "Authentication finally failed for jdoe from 203.0.113.5:40122";
    # strongSwan: "EAP method EAP_MSCHAPV2 failed for peer jdoe"
    "authentication": r"(?i:authentication)(?: finally)? failed for (?!invalid user |illegal user |user )(?P<v>"
                      + _NAME_CHARS + r") from\b",
    "peer": r"failed for peer (?P<v>[^\s\"'(),;\[\]]{0,63}[^\s\"'(),;\[\].])(?=\.?(?:\s|$))",
    "password": r"(?i:(?:password|publickey|keyboard-interactive(?:/pam)?|hostbased|gssapi-with-mic) for) "
                r"(?!invalid user |illegal user )(?P<v>" + _NAME_CHARS + r") from\b",
    "user": r"(?i:user(?:name)?)[ :=]{1,3}(?P<q>[\"'])(?P<v>[^\s\"'{}\[\]<>=]{1,64})(?P=q)",
    # systemd-logind: "New session 4 of user jdoe.", "Started Session 4 of user jdoe."
    "session": r"(?i:session) [0-9a-z]{1,16} of user (?P<v>[^\s\"'(),;\[\]]{0,63}[^\s\"'(),;\[\].])"
               r"(?=\.?(?:[\s,;]|$))",
    # the Windows Security log: "Account Name:\t\tjdoe", "User Name: jdoe"
    "name": r"(?i:(?:account|user) name):[ \t]+(?P<v>[^\s\"'(),;\[\]]{1,64})",
    # sudo: "sudo:   jdoe : TTY=pts/0 ; PWD=/home/jdoe ; USER=root ; COMMAND=/bin/ls", and
    # its refusals, "sudo[812]: jdoe : 3 incorrect password attempts ; TTY=pts/0 ; …",
    # "jdoe : user NOT in sudoers ; TTY=…" (journald shows the pid, syslog does not)
    "sudo": r"sudo(?:\[[0-9]{1,10}\])?:[ \t]+(?P<v>[^\s\"'(),;:\[\]]{1,64}) : "
            r"(?=[A-Z]+=|[^;\n]{1,80} ; (?:TTY|PWD|USER)=)",
    # su: "su: (to root) jdoe on pts/0", "su[812]: FAILED SU (to root) jdoe on pts/0"
    "su": r"su(?:\[[0-9]+\])?: (?:FAILED SU )?\(to [^\s)]{1,32}\) (?P<v>" + _NAME_CHARS + r") on\b",
    # PAM's newer session lines: "session opened for user root(uid=0) by jdoe(uid=1000)"
    "uid": r"(?i:by|for user) (?P<v>" + _NAME_CHARS + r")(?=\(uid=[0-9]+\))",
    # a quoted account after a login failure: 'Login failed for "maria.garcia"', not a
    # URL or an address ("Authentication failed for 'https://github.com/org/repo.git/'")
    "quoted": r"(?i:(?:log[io]n|sign[- ]?in|authentication|auth)(?: attempt)? "
              r"(?:failed|failure|error|denied|rejected|succeeded|successful|ok) for) "
              r"(?P<q>[\"'])(?P<v>[^\s\"'/:@]{1,64})(?P=q)",
    # PostgreSQL: 'FATAL:  role "jdoe" does not exist'
    "role": r"(?i:role) \"(?P<v>[^\s\"]{1,64})\" does not exist",
    # an IAM user or an assumed role's session name in an AWS ARN (CloudTrail, SDK errors):
    # "arn:aws:iam::123456789012:user/jdoe", "arn:aws:sts::123456789012:assumed-role/dev/jdoe"
    "arn": r"arn:aws(?:-[a-z]+)*:(?:iam|sts)::[0-9]{12}:(?:user|assumed-role/[\w+=,.@-]{1,64})/"
           r"(?:[\w+=,.@-]{1,64}/)*(?P<v>[\w+=,.@-]{1,64})",
    # Dovecot: "imap-login: Login: user=<jdoe>, method=PLAIN, rip=…" (the brackets are
    # part of the value: what replaces it stays one bracketed value, user=<user_id:…>)
    "dovecot": r"user=(?P<v><[^\s\"'<>:,;()\[\]]{1,64}>)",
    # Dovecot's mail processes, "imap(jdoe)<4242><AbCd>: Logged out", and its passdbs,
    # "auth: passwd-file(jdoe,203.0.113.5,<AbCd>): unknown user", "pam(jdoe,203.0.113.5)"
    "dovecot_process": r"(?:" + "|".join(_DOVECOT_PROCESSES) + r")\((?P<v>" + _DOVECOT_USER
                       + r")\)(?=<|:)",
    "dovecot_passdb": r"(?:" + "|".join(_DOVECOT_PASSDBS) + r")"
                      r"\((?P<v>" + _DOVECOT_USER + r"),(?=(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"
                      r"|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,41})[,)]|<)",
    # vsftpd: "[pid 12345] [jdoe] FAIL LOGIN: Client "203.0.113.5"", "[jdoe] OK DOWNLOAD: …"
    "vsftpd": r"pid [0-9]{1,10}\] \[(?P<v>[^\s\[\]<>]{1,64})\] (?:OK|FAIL) [A-Z]+:",
    # OpenVPN: "SENT CONTROL [jdoe]: 'PUSH_REPLY,…'"
    "openvpn": r"SENT CONTROL \[(?P<v>[^\s\[\]<>]{1,64})\]",
    # Apache's "AH01617: user jdoe: authentication failure for "/admin"", "user jdoe not
    # found: /admin"; ProFTPD's "USER jdoe: Login successful.", "USER jdoe (Login failed):";
    # Samba's "user [CORP]\[jdoe] at [...]"
    "apache": r"AH0161[78]: user (?P<v>" + _NAME_CHARS + r")(?:: authentication failure| not found:)",
    "proftpd": r"USER (?P<v>" + _NAME_CHARS + r")(?:: Login successful| \(Login failed\))",
    "samba": r"user \[[^\]\s]{0,64}\]\\\[(?P<v>[^\]\s\\<>]{1,64})\]",
    # MongoDB: "Successfully authenticated as principal jdoe on admin from client 203.0.113.5:51234",
    # "SASL SCRAM-SHA-256 authentication failed for jdoe on admin from client …"
    "mongo": r"(?:authenticated as principal|authentication failed for) (?P<v>" + _NAME_CHARS
             + r") on [\w.-]{1,64} from client\b",
    # the Windows event log as XML: <Data Name="TargetUserName">jdoe</Data>
    "winxml": r"<Data Name=\"(?:Target|Subject)?UserName\">(?P<v>[^<>\s]{1,64})</Data>",
    # Cassandra: "Provided username jdoe and/or password are incorrect"
    "cassandra": r"Provided username (?P<v>" + _NAME_CHARS + r") and/or password",
    # Elasticsearch: "authentication of [jdoe] using realm [ldap1] failed", "unable to
    # authenticate user [jdoe] for REST request", "action [...] is unauthorized for user [jdoe]"
    "elastic": r"(?:authentication of|authenticate user|unauthorized for user) \[(?P<v>[^\s\[\]<>]{1,64})\]",
    # FreeRADIUS: "Login OK: [jdoe] (from client …)", "Login incorrect (mschap: …): [jdoe]"
    "radius": r"Login (?:OK|incorrect)(?: \([^)]{0,120}\))?: \[(?P<v>[^\]\s/<>]{1,64})[\]/]",
}
# PostgreSQL's default log_line_prefix, "%m [%p] %q%u@%d ": "… [812] jdoe@orders FATAL:  …"
_PG_LEVELS = r"(?:LOG|FATAL|ERROR|WARNING|NOTICE|INFO|DETAIL|HINT|STATEMENT|CONTEXT|PANIC|DEBUG[1-5]?):  "
_PG_BRANCH = r"\] (?P<v>[A-Za-z_][\w.$-]{0,62})@[\w.$-]{1,63} " + _PG_LEVELS
_CLF_BRANCH = r"(?<!\S)[^\s\[]+ [^\s\[]+ (?P<v>[^\s\[]{1,64}) \[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:"
_AT_IP_BRANCH = (r"(?<![\w.+-])(?P<v>[A-Za-z_][\w.-]{0,31})@"
                 r"(?=[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9]))")
# OpenVPN: "jdoe/203.0.113.5:51234 MULTI_sva: pool returned …" (each line of a client's
# session starts with its user or certificate name, its address and port, after the
# syslog header if any), "MULTI: Learn: 10.8.0.6 -> jdoe/203.0.113.5:51234", and
# "203.0.113.5:51234 [jdoe] Peer Connection Initiated with …". Only there: inside a
# sentence, host/address:port is Java's InetSocketAddress ("Unable to connect to
# redis.cache.internal/10.27.219.217:6379", "(kafka-1/10.0.0.5:9092)"), a host name.
_SLASH_IP_BRANCH = (r"(?:^|\]: | -> )(?P<v>[A-Za-z_][\w.@-]{0,63})/"
                    r"(?=[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}:[0-9]{1,5}(?: [A-Z]|$))")
_PEER_BRANCH = r"\[(?P<v>[^\s\[\]<>]{1,64})\] Peer Connection Initiated"
# Each branch on its own, searched over the whole text (the reference the anchored search
# below is tested against, and its fallback): sshd and PAM ("Failed password for invalid
# user X from", "session opened for user X by", "by authenticating user X 203.0.113.7
# port"), databases ('failed for user "X"', "Login failed for user 'DOM\\X'"), the
# authuser of the Common Log Format ("host - X [date]"), and ssh/scp's user@address.
# Searched one by one, not as one alternation, so that a match of one branch cannot hide
# another's value inside it (an access-log head around a user@address).
_LOGIN_USER = tuple(
    [re.compile(r"\b" + b) for b in _LOGIN_BRANCHES.values()]
    + [re.compile(_CLF_BRANCH), re.compile(_AT_IP_BRANCH), re.compile(_SLASH_IP_BRANCH),
       re.compile(_PEER_BRANCH), re.compile(_PG_BRANCH)]
)
# The kinds this package writes as masks (<user_id>, <email>): Dovecot's user=<…> holding
# one of them is a masked value, not an account name.
_KIND_WORDS = frozenset({
    "email", "ipv4", "ipv6", "mac", "card", "iban", "ssn", "phone", "geo", "jwt", "api_key", "aws_key",
    "github_token", "slack_token", "secret", "password", "user_id", "person_name", "session_id", "dob",
    "address", "cookie", "record_key", "user", "value", "client_ip",
})  # fmt: skip
# Accounts every system has: they name no one and say much (a root login).
SYSTEM_ACCOUNTS = frozenset({
    "root", "admin", "administrator", "nobody", "daemon", "www-data", "postgres", "mysql",
    "sa", "system", "sshd", "ubuntu", "ec2-user", "centos", "git", "ftp",
    # the built-in users of Elasticsearch, Cassandra and RabbitMQ
    "elastic", "kibana", "kibana_system", "logstash_system", "beats_system", "apm_system",
    "remote_monitoring_user", "cassandra", "guest",
    # the users that images, installers and game servers' guides create for a service
    "steam", "minecraft", "jenkins", "gitlab-runner", "vagrant", "azureuser", "debian", "fedora", "opc",
    "nginx", "redis", "mongodb", "rabbitmq", "zabbix", "nagios", "prometheus", "grafana", "tomcat", "apache",
    "postfix", "dovecot", "bin", "sys",
})  # fmt: skip


# The same branches, each anchored at its first word, so that a long text is not scanned
# once per position by all six (a property test holds that both find the same values).
_LOGIN_AT = {word: re.compile(b) for word, b in _LOGIN_BRANCHES.items()}
_LOGIN_WORDS: tuple[tuple[str, str], ...] = (("for", "for"), ("from", "for"), ("by", "for"), ("invalid", "invalid"), ("illegal", "invalid"),
                ("password", "password"), ("publickey", "password"),
                ("keyboard-interactive", "password"), ("hostbased", "password"),
                ("attempts exceeded", "exceeded"), ("by user", "byuser"), ("authentication", "authentication"),
                ("failed for peer", "peer"),
                ("gssapi-with-mic", "password"), ("user", "user"), ("session", "session"),
                ("account", "name"), ("user", "name"), ("sudo", "sudo"), ("su", "su"), ("by", "uid"),
                ("for", "uid"), ("login", "quoted"), ("logon", "quoted"), ("sign", "quoted"),
                ("auth", "quoted"), ("arn:aws", "arn"), ("role", "role"), ("user=<", "dovecot"),
                ("pid ", "vsftpd"), ("sent control [", "openvpn"), ("ah0161", "apache"), ("user", "proftpd"),
                ("user", "samba"),
                ("login", "radius"), ("authenticated as", "mongo"), ("authentication failed", "mongo"),
                ("<data name=", "winxml"), ("provided username", "cassandra"), ("authentication of [", "elastic"),
                ("authenticate user [", "elastic"), ("unauthorized for user [", "elastic"))  # fmt: skip
_LOGIN_WORDS += tuple((w + "(", "dovecot_process") for w in _DOVECOT_PROCESSES) + tuple(
    (w + "(", "dovecot_passdb") for w in _DOVECOT_PASSDBS
)
_BRANCH_WORDS = tuple(  # the first words of each branch, the branch once
    (branch, tuple(w for w, b in _LOGIN_WORDS if b == branch)) for branch in dict.fromkeys(b for _, b in _LOGIN_WORDS)
)
# Words before "/address:port" that name a protocol, not an account (tcp/0.0.0.0:8080)
_PROTOCOLS = frozenset({
    "tcp", "udp", "tcp4", "tcp6", "udp4", "udp6", "ip", "ip4", "ip6", "sctp", "quic", "unix",
    "http", "https", "tls", "ssl", "grpc", "dns", "ws", "wss", "h2", "h2c", "inet", "inet6",
})  # fmt: skip
_CLF_DATE = re.compile(r"\[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:")
_CLF_HEAD = re.compile(r"(?<!\S)[^\s\[]+ [^\s\[]+ (?P<v>[^\s\[]{1,64}) \Z")
_USER_BEFORE_AT = re.compile(r"(?<![\w.+-])[A-Za-z_][\w.-]{0,31}\Z")
_IPV4_AHEAD = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9])")
_IPV4_PORT_AHEAD = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}:[0-9]{1,5}(?: [A-Z]|\Z)")
_USER_BEFORE_SLASH = re.compile(r"(?:^|\]: | -> )(?P<v>[A-Za-z_][\w.@-]{0,63})\Z")
_PG_AFTER_AT = re.compile(r"[\w.$-]{1,63} " + _PG_LEVELS)
_PG_USER_BEFORE_AT = re.compile(r"\] (?P<v>[A-Za-z_][\w.$-]{0,62})\Z")
_SLASH_IP_START = re.compile(r"[A-Za-z_][\w.@-]{0,63}/[0-9]")


def _may_slash_ip(text: str) -> bool:
    """Whether :data:`_SLASH_IP_BRANCH` can match: a slash, and the start of the text or
    one of the two places it looks after."""
    return (
        "/" in text
        and ("]: " in text or " -> " in text or _SLASH_IP_START.match(text) is not None)
        and text.count(".") >= 3
    )


_PEER = re.compile(_PEER_BRANCH)


def _login_matches(text: str, lowered: str, dovecot: bool | None = None) -> list[tuple[int, int]]:
    """Where the branches of :data:`_LOGIN_USER` find a value in ``text``, as sorted spans
    (each once). ``dovecot`` is whether :data:`_DOVECOT_GATE` occurs in it, when known."""
    if len(lowered) != len(text):  # a lower-cased letter changed length: no anchoring
        return sorted({m.span("v") for p in _LOGIN_USER for m in p.finditer(text)})
    found: set[tuple[int, int]] = set()
    with_user = "user" in lowered  # branches for, invalid, user and session need the word
    if dovecot is None:
        dovecot = _DOVECOT_GATE.search(text) is not None
    can = {  # which branches can match here (what each needs besides its first word)
        "password": " for " in lowered and " from" in text,
        "exceeded": "attempts exceeded for " in text,
        "authentication": " failed for " in text and " from" in text,
        "peer": " failed for peer " in text,
        "name": " name:" in lowered,
        "sudo": "sudo:" in text or "sudo[" in text,
        "su": "(to " in text,
        "uid": "(uid=" in text,
        "quoted": " for '" in text or ' for "' in text,
        "arn": "arn:aws" in text,
        "role": "\" does not exist" in text,
        "dovecot": "user=<" in text,
        "dovecot_process": dovecot,
        "dovecot_passdb": dovecot and "," in text,
        "vsftpd": "] OK " in text or "] FAIL " in text,
        "openvpn": "SENT CONTROL [" in text,
        "radius": "Login OK: [" in text or "Login incorrect" in text,
        "mongo": " from client" in text,
        "proftpd": "USER " in text,
        "samba": "user [" in text,
        "apache": "AH0161" in text,
        "winxml": "UserName\">" in text,
        "cassandra": "and/or password" in text,
        "elastic": " of [" in text or "user [" in text,
    }
    if with_user or any(can.values()):
        for branch, words in _BRANCH_WORDS:
            if not can.get(branch, with_user):
                continue
            pattern = _LOGIN_AT[branch]
            for word in words:
                i = lowered.find(word)
                while i >= 0:
                    if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # \b
                        m = pattern.match(text, i)
                        if m is not None:
                            found.add(m.span("v"))
                    i = lowered.find(word, i + 1)
    if " [" in text and "/" in text:
        for d in _CLF_DATE.finditer(text):
            m = _CLF_HEAD.search(text, 0, d.start())
            if m is not None:
                found.add(m.span("v"))
    i = text.find("@")
    while i >= 0:
        if _IPV4_AHEAD.match(text, i + 1) is not None:
            m = _USER_BEFORE_AT.search(text, max(0, i - 32), i)
            if m is not None:
                found.add(m.span())
        if _PG_AFTER_AT.match(text, i + 1) is not None:
            m = _PG_USER_BEFORE_AT.search(text, max(0, i - 66), i)
            if m is not None:
                found.add(m.span("v"))
        i = text.find("@", i + 1)
    if _may_slash_ip(text):
        i = text.find("/")
        while i >= 0:
            if _IPV4_PORT_AHEAD.match(text, i + 1) is not None:
                m = _USER_BEFORE_SLASH.search(text, max(0, i - 67), i)
                if m is not None:
                    found.add(m.span("v"))
            i = text.find("/", i + 1)
    if "] Peer Connection Initiated" in text:
        for m in _PEER.finditer(text):
            found.add(m.span("v"))
    return sorted(found)


# A user's home directory in a path: "/home/jdoe/app/main.py", "/Users/jdoe/…" (macOS),
# "C:\\Users\\jdoe\\AppData…" (also with JSON's doubled backslashes). Only the account
# segment is replaced, so the path stays readable. It must be followed by a separator, or
# be the whole value of a key (HOME=/home/jdoe); a path inside a URL or after an HTTP
# method is a route (GET /home/feed/1), not a directory.
_HOME = re.compile(
    r"(?<![\w.~-])(?<!GET )(?<!PUT )(?<!POST )(?<!HEAD )(?<!PATCH )(?<!DELETE )(?<!OPTIONS )"
    r"(?:/(?:var/)?home/|/Users/|(?:[A-Za-z]:)?\\{1,2}(?i:users)\\{1,2})"
    r"(?P<v>[A-Za-z0-9_][\w.@$-]{0,63})(?P<end>[/\\]|(?=[\s\"',;)\]]|$))"
)
# Home directories of accounts every system or build image has
HOME_ACCOUNTS = SYSTEM_ACCOUNTS | frozenset({
    "node", "runner", "runneradmin", "jenkins", "app", "appuser", "vagrant", "circleci", "pi",
    "user", "builder", "build", "docker", "ci", "gitlab-runner", "public", "default",
    "default user", "all users", "defaultuser0", "containeradministrator", "containeruser",
    "linuxbrew", "travis", "buildkite-agent", "jovyan", "debian",
})  # fmt: skip


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE = (
    r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}[./-][0-9]{1,2}[./-](?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{1,2}(?:st|nd|rd|th)? " + _MONTHS + r",? [0-9]{4}|" + _MONTHS + r" [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4})"
)
# "date of birth 1985-07-04", "DOB: 04/07/1985", "born on 4 July 1985", "birthdate is 1985-07-04"
_DOB_PHRASE = re.compile(
    r"(?<![A-Za-z])(?i:date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|d\.o\.b\.?|dob|born(?: on)?|"
    r"geb\.|geboren(?: am| op)?|geburtsdatum|date de naissance|n[ée]e? le|fecha de nacimiento|"
    r"data de nascimento|nascid[oa] em|nat[oa] il|data di nascita|dat[ay] urodzenia|geboortedatum|"
    r"doğum tarihi|födelsedatum|fødselsdato|syntymäaika|datum narození|dátum narodenia)"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+(?:is |was |of )?)[\"']?(?P<v>" + _DATE + r")(?![0-9])"
)


# A date of birth near its word though not right after it: a validation error's value
# ("Could not parse '17/13/1990' as DATE for field date_of_birth", "la colonne
# « date_naissance » contient « 31/06/1979 »", "Patient.birthDate (value: 19930812)",
# "column BIRTH_DT … |1979-13-02|", "生年月日 1988/03/27"): a date of a year from 1900 to
# 2015 (a run's or a record's date is later) on the same line, at most 100 characters away
# (each word holds one of _BIRTH_WORDS, the gate it runs behind)
_BIRTH_WORD = re.compile(r"(?i:birth|\bdob|d\.o\.b|naissance|nacimiento|nasci|geburt|geboorte|urodzenia|doğum|"
                         r"födelse|fødsel|syntymä|narození|narodenia|生年月日|出生日期|생년월일|дата рождения|"
                         r"дата народження)")
_OLD_DATE = re.compile(
    r"(?<![\w.:/-])(?:(?:19[0-9]{2}|20(?:0[0-9]|1[0-5]))(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[01][0-9][0-3][0-9])"
    r"|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19[0-9]{2}|20(?:0[0-9]|1[0-5])))(?![\w:]|[-/.][0-9])"
)


_GO_LAYOUTS = frozenset({"2006-01-02", "2006/01/02", "01/02/2006", "02/01/2006", "02.01.2006", "20060102"})  # Go's reference


def _dates_near_birth(text: str, out: list[Span]) -> None:
    lines: dict[int, list[re.Match[str]]] = {}  # a line's start -> its dates (found once per line)
    taken: set[int] = set()
    for w in _BIRTH_WORD.finditer(text):
        lo = text.rfind("\n", 0, w.start()) + 1
        dates = lines.get(lo)
        if dates is None:
            hi = text.find("\n", w.end())
            dates = lines[lo] = [m for m in _OLD_DATE.finditer(text, lo, len(text) if hi < 0 else hi)
                                 if m.group() not in _GO_LAYOUTS]
        for m in dates:
            if w.start() - 100 <= m.start() and m.end() <= w.end() + 100 and m.start() not in taken:
                taken.add(m.start())
                out.append(Span(m.start(), m.end(), "dob", 1))


def _dob_phrases(text: str, out: list[Span]) -> None:
    for m in _DOB_PHRASE.finditer(text):
        out.append(Span(m.start("v"), m.end("v"), "dob", 1))


# A street address in prose: a house number, one to three title-cased words and a street
# type ("221B Baker Street", "1600 Pennsylvania Ave"); German and Swiss "Hauptstraße 5",
# French "12, rue de Rivoli". The town, which names many people, is kept.
_HOUSE_NUMBER = r"[0-9]{1,4}[a-zA-Z]?(?:[/-][0-9]{1,4}[a-zA-Z]?){0,3}"  # 5, 14a, 84/12, 45/3/12, 118-2
# a word of a street's name, title-cased or in capitals (not a key: "Dest_Ville=")
_NAME_PART = r"[A-ZÀ-ÞĀ-Ž][^\W_]*(?:['’-][^\W_]+)*(?![\w=:])"
_ROMANCE_ARTICLES = r"(?:de|del|da|do|dos|das|di|della|dei|la|las|los|DE|DEL|DA|DO|DOS|DAS|LA|LAS|LOS)"
_FRENCH_ARTICLES = r"(?:de la |de l['’]|du |des |de |d['’]|DE LA |DU |DES |DE |D['’])"
_STREET = re.compile(
    r"(?<![\w.:/-])[0-9]{1,5}[A-Za-z]? (?:(?:[NSEW]|North|South|East|West)\.? )?(?:[A-Z][a-z]+ ){1,3}"
    r"(?:" + _STREET_TYPES + r")\b\.?"
    # the same in capitals, as the US Postal Service writes it ("2150 N CLARK ST")
    r"|(?<![\w.:/-])[0-9]{1,5}[A-Z]? (?:(?:[NSEW]|NORTH|SOUTH|EAST|WEST) )?(?:[A-Z][A-Z]+ ){1,3}"
    r"(?:" + _STREET_TYPES_CAPS + r")(?![\w-])"
    # German, Dutch and the Nordic languages' "Storgatan 12", "Nørregade 7", "Kungsvägen 3",
    # "Karl-Marx-Allee 90", "Hauptstr. 5", "Bochumer Str. 112", "Linzer Straße 45/3/12"
    r"|(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+-)*[A-ZÄÖÜÆØÅ][a-zäöüßæøå]+"
    r"(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|markt|straat|gracht|laan|plein|gatan|gata|gaten"
    r"|gade|vägen|vegen|vej|veien|katu|-Straße|-Strasse|-Str\.|-Allee|-Platz|-Weg|-Gasse|-Damm|-Ufer)"
    r" " + _HOUSE_NUMBER + r"(?![\w.])"
    r"|(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?:er|e|es) (?:Straße|Strasse|Str\.|Allee|Platz|Weg|Gasse|Damm|Ufer|Chaussee)"
    r" " + _HOUSE_NUMBER + r"(?![\w.])"
    r"|(?<![\w-])(?:[A-ZÄÖÜ][A-ZÄÖÜ]+-)*[A-ZÄÖÜ]+(?:STRASSE|STR\.|WEG|GASSE|ALLEE|PLATZ|DAMM|STRAAT|GRACHT|LAAN|GATAN|GADE"
    r"|VEJ|VEIEN) " + _HOUSE_NUMBER + r"(?![\w.])"
    # Polish "ul. Marszałkowska 84/92 m. 15", "UL. MARSZALKOWSKA 84/12"
    r"|(?<![\w.])(?:ul|UL)\. [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+(?: [A-ZĄĆĘŁŃÓŚŹŻ][\w-]+){0,2} " + _HOUSE_NUMBER +
    r"(?: m\. ?[0-9]{1,4})?(?![\w.])"
    # Spanish, Portuguese, Italian "Calle Mayor 5", "Rua Augusta, 100", "Via dei Mille 12",
    # "C/ de Alcalá 214", "Paseo de la Castellana 95", "CALLE DE ALCALA 118"
    r"|(?<![\w.])(?:" + "|".join(re.escape(w) for w in _ROMANCE_STREET_WORDS) + r") (?:" + _ROMANCE_ARTICLES +
    r" ){0,2}" + _NAME_PART + r"(?: (?:" + _ROMANCE_ARTICLES + r" ){0,2}" + _NAME_PART + r"){0,2},? (?:n\.?º ?|nº ?|No\.? ?)?"
    r"[0-9]{1,5}[a-zA-Z]?(?![\w.])"
    # French "12, rue de Rivoli", "27 Rue de Rivoli", "22 RUE DE LA REPUBLIQUE", "2 Place de la Gare"
    r"|(?<![\w.:/-])[0-9]{1,4}(?:bis|ter|BIS|TER)?,? (?:(?:" + "|".join(_FRENCH_STREET_WORDS) + r") " +
    _FRENCH_ARTICLES + r"?|(?:" + "|".join(_FRENCH_STREET_ARTICLED) + r") " + _FRENCH_ARTICLES + r")[ ]?" +
    _NAME_PART + r"(?: " + _NAME_PART + r"){0,2}"
    # and the name before the number, as Belgium and Switzerland write it ("Rue de la Loi 175",
    # "Rue Victor Hugo 27")
    r"|(?<![\w.])(?:Rue|RUE|Avenue|Boulevard|Chemin|Chaussée|Quai) " + _FRENCH_ARTICLES + r"?[ ]?" + _NAME_PART +
    r"(?: " + _NAME_PART + r"){0,2},? [0-9]{1,4}[a-z]?(?:bis|ter)?(?![\w.])"
    # Turkish "Bağdat Cad. No:215 D:7 Kadıköy/İstanbul", "Atatürk Bulvarı No 12"
    r"|(?<![\w-])(?:" + _NAME_PART + r" ){0,2}" + _NAME_PART + r" (?:" + "|".join(re.escape(w) for w in _TURKISH_STREET_WORDS)
    + r") No ?[:.]? ?[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})?(?: (?:D|Daire|Kat) ?[:.]? ?[0-9]{1,3})?"
    r"(?: [A-ZÇĞİÖŞÜ][\wçğıöşü]+/[A-ZÇĞİÖŞÜ][\wçğıöşü]+)?"
    # German names that start with a preposition, with the postal code and town they need
    # ("Am Stadtpark 3, 90409 Nürnberg", "AM STADTPARK 9 80331 MUENCHEN")
    r"|(?<![\w-])(?:" + "|".join(_GERMAN_STREET_PREPOSITIONS) + r") " + _NAME_PART + r" " + _HOUSE_NUMBER +
    r"(?=(?:,[ ]?| {1,8})[0-9]{5} [A-ZÄÖÜ])"
)


def _street_windows(text: str) -> list[tuple[int, int]]:
    """Where a street can be: around each street type or street word (merged windows), so
    that _STREET, which has no literal to start from, does not try every position of a
    long stack trace."""
    anchors = [m.start() for m in _STREET_EN_GATE.finditer(text)]
    for w in _STREET_FOREIGN:
        i = text.find(w)
        while i >= 0:
            anchors.append(i)
            i = text.find(w, i + 1)
    windows: list[list[int]] = []
    for a in sorted(anchors):
        lo, hi = max(0, a - 160), a + 160
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    out = []
    for lo, hi in windows:  # a window ends at a space, never inside a word
        end = text.find(" ", hi) if hi < len(text) else -1
        out.append((lo, len(text) if end < 0 else end))
    return out


# What follows a street in a written address and goes with it: a unit, then a city with a
# postal code (US with its state, UK, Canada) or a continental postal code with its city.
# A city alone is not taken: ", Status Pending" after a street is a message's next words.
_POSTAL_TAIL = (
    r",? (?:[A-Z]{2},? )?(?:[0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9])"
)
_ADDRESS_TAIL = re.compile(
    r"(?: (?:NE|NW|SE|SW|N|S|E|W)(?![\w-]))?"  # the quarter of a US city ("Peachtree St NE")
    r"(?:,? (?:Apt|APT|Apartment|Suite|STE|Ste|Unit|UNIT|Flat|Floor|Fl)\.? ?#?[0-9][0-9A-Za-z-]{0,5}"
    # a floor and door in Spain and Portugal (", 3º B", " 4B", ", 2º Dto"), Argentina ("piso 3 dpto B")
    r"|,? [0-9]{1,2} ?[ºª°] ?(?:[A-Z]|[Dd]to|[Ee]sq|[Ii]zq|[Dd]cha|[Ff]rente)?\.?(?![\w])|,? [0-9]{1,2}[A-Z](?![\w-])"
    r"|,? piso [0-9]{1,2}(?:,? (?:dpto|depto|dto|of)\.? ?[0-9A-Z]{1,3})?)?"
    r"(?:,[ ]?[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,2}" + _POSTAL_TAIL +
    # a continental postal code with its town, after a comma or spaces ("90409 Nürnberg",
    # "1016 GK AMSTERDAM", "00-514 WARSZAWA", "1100-053 Lisboa", "D-80331 München")
    r"|(?:,[ ]?| {1,8})(?:[A-Z]{1,2}-)?(?:[0-9]{4,5}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{4} ?[A-Z]{2})"
    r" [A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?)?(?![\w-])"
)


def _street_addresses(text: str, out: list[Span]) -> None:
    for lo, hi in _street_windows(text):
        for m in _STREET.finditer(text, lo, hi):
            value = m.group().rstrip(".")
            if any(w.lower() in _NOT_STREET_WORDS for w in value.split(" ")[1:-1]):
                continue  # "after 3 Retries Way": a phrase, not a street's name
            end = m.start() + len(value)
            tail = _ADDRESS_TAIL.match(text, m.end()) or _ADDRESS_TAIL.match(text, end)
            if tail is not None and tail.end() > m.end():
                end = tail.end()
            out.append(Span(m.start(), end, "address", 1))


# Title-cased words of messages, not of street names
_NOT_STREET_WORDS = frozenset({
    "error", "errors", "retries", "retry", "attempts", "requests", "items", "orders", "users", "times",
    "seconds", "minutes", "hours", "days", "failed", "found", "not", "the", "and", "of", "in", "on",
})  # fmt: skip


# HL7 v2 segments that describe or name a person, and what their fields hold (1-based, as the
# standard numbers them): PID (patient), NK1 (next of kin), GT1 (guarantor), IN1 (insured)…
# a segment's name and its first field, the set id (a number or nothing: "PID|PPID|CMD",
# the header of a process listing, is not one); EVN's is an event type (A01), ORC's an order
# control code (NW)
_HL7_SEGMENT = re.compile(r"(?:^|(?<=[\r\n| ])|(?<=\\[rn]))(PID|NK1|GT1|IN1|EVN|PV1|PD1|ORC|OBR|OBX|MRG|ROL)\|(?=(?:[0-9]{0,4}|(?<=EVN\|)[A-Z0-9]{2,3}|(?<=ORC\|)[A-Z]{2})\|[^|\r\n]*\|[^|\r\n]*\|[^|\r\n]*\|)")
_HL7_END = re.compile(r"[\r\n]|\\[rn]")


def _hl7_segments(text: str, out: list[Span]) -> None:
    """The person's fields of HL7 v2 segments (``PID|1||MRN…||Doe^Jane||19800101|F|||…``),
    in messages logged whole: each field is replaced whole, components and all."""
    for m in _HL7_SEGMENT.finditer(text):
        fields = HL7_FIELDS[m.group(1)]
        end_m = _HL7_END.search(text, m.end())
        end = len(text) if end_m is None else end_m.start()
        pos = m.end()
        for number, value in enumerate(text[pos:end].split("|"), start=1):
            kind = fields.get(number)
            if kind is not None and value.strip("^~& ") and not is_neutral(value):
                out.append(Span(pos, pos + len(value), kind, 3))
            pos += len(value) + 1


# INSERT INTO users (email, full_name) VALUES ('ada@example.com', 'Ada Lovelace'): the
# columns name the values (an UPDATE's SET col = 'v' and a WHERE are key=value already)
_SQL_INSERT = re.compile(
    r"(?i:insert\s+(?:ignore\s+)?into)\s+(?P<table>[\w.\"`\[\]]{1,128})\s*\((?P<cols>[^()]{1,2048})\)"
    r"(?:\s*(?i:output)\s+[^\n()]{1,256}?)?\s*(?i:values)\s*"
)
_SQL_LITERAL = re.compile(r"\s*(?:'(?P<s>(?:[^']|'')*)'|(?P<n>-?[0-9][0-9.eE+-]*)|(?P<o>[^,()']+?))\s*(?=[,)])")
# A bind parameter in a VALUES row: positional (%s, ?) or named (@p0, $1, :email, %(email)s)
_SQL_SLOT = re.compile(r"\s*(?P<p>%s|\?|\$[0-9]{1,4}|@\w{1,64}|:\w{1,64}|%\(\w{1,64}\)s)\s*(?=[,)])")
_SQL_SLOT_ANY = re.compile(r"[(,]\s*(?:%s|\?|\$[0-9]{1,4}|@\w{1,64}|:\w{1,64}|%\(\w{1,64}\)s)\s*(?=[,)])")
# any other item of such a row: a literal, or a call such as now()
_SQL_ITEM = re.compile(r"\s*(?:'(?:[^'\n]|''){0,1024}'|[\w.]{1,64}(?:\([^()\n]{0,256}\))?)\s*(?=[,)])")
# where a driver or ORM prints the values bound to them: SQLAlchemy's "[parameters: ('a',
# 'b')]" (positional), EF Core's "@p0='a' (Size = 4000)" and PostgreSQL's "$1 = 'a'" (named)
_SQLA_PARAMETERS = re.compile(r"\[parameters: \[?\(")
_PY_ITEM = re.compile(
    r"\s*(?:'(?P<s>(?:[^'\\\n]|\\.){0,1024})'|\"(?P<d>(?:[^\"\\\n]|\\.){0,1024})\"|"
    r"(?P<o>[\w.]{1,64}\((?:[^()\n]|\([^()\n]*\)){0,256}\)|[^,()'\"\]\n]{1,64}?))\s*(?=[,)])"
)


def _sql_inserts(text: str, out: list[Span]) -> None:
    for m in _SQL_INSERT.finditer(text):
        table = m.group("table").strip('"`[]').rsplit(".", 1)[-1]
        parent = table[:-1] if table.endswith("s") else table
        classes = [classify_key(c.strip().strip('"`[]'), parent) for c in m.group("cols").split(",")]
        if not any(c not in (None, "id") for c in classes):
            continue
        pos = m.end()
        close = text.find(")", pos)
        if text.startswith("(", pos) and close > 0 and _SQL_SLOT_ANY.search(text, pos, close + 1):
            _sql_bound(text, pos + 1, classes, out)  # (a literal may come first: DEFAULT, now())
            continue
        while pos < len(text) and text[pos] == "(":  # each row: (v1, v2, …), (…)
            pos += 1
            for cls in classes:
                lm = _SQL_LITERAL.match(text, pos)
                if lm is None:
                    return  # not a list of plain literals (a function call, a subquery)
                group = "s" if lm.group("s") is not None else "n" if lm.group("n") is not None else None
                if group is not None:
                    _class_value(lm.group(group), cls, lm.start(group), out)
                pos = lm.end()
                if pos < len(text) and text[pos] == ",":
                    pos += 1
            if not text.startswith(")", pos):
                return
            pos += 1
            while pos < len(text) and text[pos] in " \t,\r\n":
                pos += 1


# An INSERT's columns and placeholders, and the values an ORM logs as it binds them, in one
# text: Hibernate 5's "binding parameter [1] as [VARCHAR] - [Mia Jensen]", Hibernate 6's
# "binding parameter (1:VARCHAR) <- [Mia Jensen]", EF Core's "[Parameters=[@p0='Jan
# Kowalski' (Size = 4000), …]" with "INSERT INTO [Klienci] ([ImieNazwisko], …) … VALUES
# (@p0, …)": each value is read under its column's class
_BIND_INSERT = re.compile(
    r"(?i:insert into) [\w\[\]\"`.]{1,128} ?\((?P<cols>[^()]{1,2000})\)[\s\S]{0,300}?(?i:values) ?\((?P<vals>[^()]{1,2000})\)"
)
_HIBERNATE_BIND = re.compile(
    r"binding parameter (?:\[(?P<a>[0-9]{1,4})\] as \[[A-Z_]{1,32}\] - |\((?P<b>[0-9]{1,4}):[A-Z_]{1,32}\) <- )"
    r"\[(?P<v>[^\]\n]{0,500})\]"
)
_EF_BIND = re.compile(r"(?P<n>@p[0-9]{1,4})='(?P<v>(?:[^'\n]|''){0,500})'")


def _sql_binds(text: str, out: list[Span]) -> None:
    insert = _BIND_INSERT.search(text)
    if insert is None:
        return
    cols = [c.strip().strip('"`[]') for c in insert.group("cols").split(",")]
    vals = [v.strip() for v in insert.group("vals").split(",")]
    if len(cols) != len(vals):
        return
    by_place: dict[str, str] = {}
    n = 0
    for col, val in zip(cols, vals, strict=True):
        if val == "?":
            n += 1
            by_place[str(n)] = col
        elif val.startswith("@"):
            by_place[val] = col
    binds = ([(m.group("a") or m.group("b"), m) for m in _HIBERNATE_BIND.finditer(text)]
             if "binding parameter" in text else [(m.group("n"), m) for m in _EF_BIND.finditer(text)])
    for place, m in binds:
        col = by_place.get(place)
        if col is not None:
            cls = classify_key(col)
            if cls is None and record_role(col) == 4:
                cls = "named_person"  # a bare name column (name, nombre, nome): a name when shaped like one
            _class_value(m.group("v"), cls, m.start("v"), out)


def _class_value(value: str, cls: str | None, vs: int, out: list[Span]) -> None:
    """``value`` (at ``vs``) read under the class of its column or key, if plausible for it
    (an SQL row's values, XML elements, pydantic's input values)."""
    if cls is None or cls in _UNREAD_CLASSES or not value or is_neutral(value):
        return
    if cls in ROLE_CLASSES:
        kind = role_kind(cls, value)
        if kind is not None:
            out.append(Span(vs, vs + len(value), kind, 3))
        return
    if is_plausible(cls, value) if cls != "weak_secret" else looks_random(value):
        out.append(Span(vs, vs + len(value), "secret" if cls == "weak_secret" else cls, 3))


def _sql_bound(text: str, pos: int, classes: list[str | None], out: list[Span]) -> None:
    """The values bound to an INSERT's parameters (``VALUES (%s, %s)``, ``VALUES (@p0,
    @p1)``), where the same text prints them, read under their columns' classes."""
    slots: list[str] = []  # each item of the row: its parameter, or "" (a literal, now())
    while True:
        sm = _SQL_SLOT.match(text, pos)
        if sm is not None:
            slots.append(sm.group("p"))
        else:
            sm = _SQL_ITEM.match(text, pos)
            if sm is None:
                return
            slots.append("")
        pos = sm.end()
        if not text.startswith(",", pos):
            break
        pos += 1
    if len(slots) != len(classes) or not text.startswith(")", pos):
        return
    if slots[0] in ("%s", "?"):
        pm = _SQLA_PARAMETERS.search(text, pos)
        if pm is None:
            _listed_params(text, pos, slots, classes, out)
            return
        pos = pm.end()
        for cls in classes:
            im = _PY_ITEM.match(text, pos)
            if im is None:
                return
            group = "s" if im.group("s") is not None else "d" if im.group("d") is not None else None
            if group is not None:
                _class_value(im.group(group), cls, im.start(group), out)
            pos = im.end()
            if not text.startswith(",", pos):
                return
            pos += 1
        return
    for slot, cls in zip(slots, classes, strict=True):
        if cls in (None, "id") or not slot or slot[0] not in "@$":
            continue
        bm = re.search(r"(?<![\w@$])" + re.escape(slot) + r"(?: = |=)'(?P<v>(?:[^'\n]|''){0,1024})'", text)
        if bm is not None:
            _class_value(bm.group("v"), cls, bm.start("v"), out)
    _listed_params(text, pos, slots, classes, out)


# the values an ORM prints as a list after the statement: Prisma's "params: [\"a\",\"b\"]",
# knex's and Sequelize's "bindings"/"parameters"
_PARAMS_LIST = re.compile(r"\b(?:params|parameters|bindings|binds)\\?\"?:? ?\[")
_LIST_ITEM = re.compile(r'\s*(?:\\?"(?P<d>(?:[^"\\\n]|\\[^"]){0,1024})\\?"|'
                        r"'(?P<q>(?:[^'\\\n]|\\.){0,1024})'|(?P<n>[0-9]{1,20}(?=\s*[,\]]))|"
                        r'(?P<o>[^,\[\]"\n]{1,64}?))\s*(?=[,\]])')


def _listed_params(text: str, pos: int, slots: list[str], classes: list[str | None], out: list[Span]) -> None:
    """Values bound to an INSERT's ``$n`` or ``?`` slots, printed as a list after it: each
    ``$n`` takes the list's n-th item, each ``?`` the next one."""
    lm = _PARAMS_LIST.search(text, pos, pos + 4096)
    if lm is None:
        return
    items: list[tuple[str, int] | None] = []
    at = lm.end()
    while len(items) < 256:
        im = _LIST_ITEM.match(text, at)
        if im is None:
            break
        g = "d" if im.group("d") is not None else "q" if im.group("q") is not None else "n"
        items.append((im.group(g), im.start(g)) if im.group(g) is not None else None)  # (not a null, a call)
        at = im.end()
        if not text.startswith(",", at):
            break
        at += 1
    nth = 0
    for slot, cls in zip(slots, classes, strict=True):
        if slot == "?" or slot == "%s":
            k, nth = nth, nth + 1
        elif slot[:1] == "$":
            k = int(slot[1:]) - 1
        else:
            continue
        item = items[k] if 0 <= k < len(items) else None
        if cls not in (None, "id") and item is not None:
            _class_value(item[0], cls, item[1], out)


# A password or token given on a command line that a log kept: "--password hunter2",
# "--token=…", mysql's "-pSecret", curl's "-u user:pass"
_CLI_FLAG = re.compile(
    r"(?<![\w-])--?(?P<k>password|passwd|pass|pwd|token|secret|api-key|apikey|client-secret|access-token|"
    r"auth-token)(?:=| +)(?P<q>['\"]?)(?P<v>[^\s'\"=-][^\s'\"]{0,255})(?P=q)"
)
_MYSQL_P = re.compile(r"\b(?:mysql|mysqldump|mysqladmin)\b[^\n|;&]{0,200}? -p(?P<v>[^\s'\"]{1,128})")
# the account beside a password on the same command line ("docker login ghcr.io -u jdoe -p …",
# "helm repo add … --username jdoe --password …")
_CLI_USER = re.compile(r"(?<![\w-])(?:--username|--user|-u)(?:=| +)(?P<q>['\"]?)(?P<v>[A-Za-z_][\w.@-]{0,63})(?P=q)(?=\s)")
_CLI_P = re.compile(r"(?<![\w-])(?:-p|--password|--passwd)(?:=| +)\S")
_CURL_U = re.compile(
    r"\b(?:curl|wget)\b[^\n|;&]{0,200}? (?:-u|--user|--http-user) +['\"]?(?P<u>[^\s:'\"]{1,64}):(?P<v>[^\s'\"]{1,128})"
)



def _command_lines(text: str, out: list[Span]) -> None:
    for m in _CLI_FLAG.finditer(text):
        value, key = m.group("v"), m.group("k")
        if is_neutral(value) or (value.isalpha() and value.islower() and len(value) < 12):
            continue  # "use --password instead", "--token flag": prose about the flag
        if value[0] in "$%<{" or value.startswith("@"):
            continue  # a variable, a template slot or a file: "--token $TOKEN", "--password @file"
        kind = "password" if key.startswith("pass") or key == "pwd" else "secret"
        out.append(Span(m.start("v"), m.end("v"), kind, 2))
    if ("-u" in text or "--user" in text) and _CLI_P.search(text) is not None:
        for m in _CLI_USER.finditer(text):
            if m.group("v").lower() not in SYSTEM_ACCOUNTS and m.group("v").lower() not in _TOKEN_USERS:
                out.append(Span(m.start("v"), m.end("v"), "user_id", 2))
    if "mysql" in text:
        for m in _MYSQL_P.finditer(text):
            out.append(Span(m.start("v"), m.end("v"), "password", 2))
    if "curl" in text or "wget" in text:
        for m in _CURL_U.finditer(text):
            if m.group("u").lower() not in SYSTEM_ACCOUNTS:
                out.append(Span(m.start("u"), m.end("u"), "user_id", 2))
            out.append(Span(m.start("v"), m.end("v"), "password", 2))


_POSSESSIVE = re.compile(
    r"(?<![\w'’])(?P<v>[A-Z][a-z]{1,20})['’]s " + _DEVICES + r"\b"
    # the host name Apple and Android make of it: "Emmas-iPhone", "Johns-MacBook-Pro" (DHCP, mDNS)
    r"|(?<![\w-])(?P<h>[A-Z][a-z]{1,20})s-" + _DEVICES + r"(?![a-z])"
    # and in other languages: "MacBook-Pro-de-Camille", "iPhone-von-Jonas", "Galaxy-S21-di-Chiara"
    r"|(?<![\w-])" + _DEVICE_OF + r"(?P<o>[A-Za-z][a-z]{1,20})(?![\w])"
    r"|(?<![\w])" + _FAMILY_HOST + r"(?P<f>[A-Za-z][a-zß-ÿ]{2,20})(?![a-zß-ÿ])"
)
_DEVICE_PARTICLE = re.compile(r"[- ](?:de|von|di|van|da|do|du)[- ][A-Za-z]")  # (what _DEVICE_OF needs, cheap first)
_DEVICE_OF_GATE = re.compile(_DEVICE_OF + "[A-Za-z]|" + _FAMILY_HOST + "[A-Za-z]")


# An SSH public key's comment, which ssh-keygen sets to user@host (authorized_keys audits,
# cloud-init and provisioning logs print the key line whole); the key itself is public
_SSH_KEY_COMMENT = re.compile(
    r"(?<![\w-])(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp[0-9]{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)"
    r" AAAA[0-9A-Za-z+/]{8,}={0,3} (?P<u>[A-Za-z0-9._-]{1,64})@[A-Za-z0-9][A-Za-z0-9.-]{0,252}"
)


def _ssh_key_comments(text: str, out: list[Span]) -> None:
    for m in _SSH_KEY_COMMENT.finditer(text):
        if m.group("u").lower() not in SYSTEM_ACCOUNTS:
            out.append(Span(m.start("u"), m.end("u"), "user_id", 1))


_DEVICE_HOST_GATE = re.compile(r"[a-z]s-" + _DEVICES)
# pydantic's validation errors: the field's location on one line, then "  <message>
# [type=…, input_value='…', input_type=…]" (FastAPI and every pydantic app log them)
_PYDANTIC_ERROR = re.compile(
    r"(?m)^(?P<loc>[\w.\[\]-]{1,128})\n  [^\n]{0,400}?\[type=[\w.]{1,64}, "
    r"input_value=(?P<q>['\"])(?P<v>[^\n]{0,512}?)(?P=q), input_type="
)
# the same errors as a list of dicts (ValidationError.errors(), FastAPI's 422 "detail", as
# JSON or a Python repr): {'type': …, 'loc': ('body', 'email'), 'msg': '…', 'input': '…'}
_PYDANTIC_ITEM = re.compile(
    r"[\"']loc[\"']: ?[(\[](?P<loc>[^()\[\]\n]{1,256})[)\]], ?[\"']msg[\"']: ?"
    r"(?:'(?:[^'\\\n]|\\.){0,512}'|\"(?:[^\"\\\n]|\\.){0,512}\"), ?[\"']input[\"']: ?"
    r"(?P<q>[\"'])(?P<v>(?:(?!(?P=q))[^\\\n]|\\.){1,512})(?P=q)"
)
_QUOTED_NAME = re.compile(r"[\"']([^\"'\n]{1,64})[\"']")
# sudo's line where its "sudo:" prefix is elsewhere (journald's MESSAGE field, SYSLOG_IDENTIFIER
# "sudo"): "  jdoe : TTY=pts/0 ; PWD=/home/jdoe ; USER=root ; COMMAND=…"
_SUDO_BARE = re.compile(r"(?:^|(?<=[\"\n]))[ \t]*(?P<v>[^\s\"'(),;:\[\]]{1,64}) : (?=TTY=)")
# an XML element whose name names personal data: <Email>…</Email>, <sf:FirstName>…</sf:FirstName>
_XML_ELEMENT = re.compile(r"<(?P<k>(?:[A-Za-z_][\w.-]{0,31}:)?[A-Za-z_][\w.-]{0,63})>(?P<v>[^<>\n]{1,512})</(?P=k)>")


_INDEX = re.compile(r"\[[^\]]*\]")


def _last_field(path: str) -> str:
    """The last field of a path, its indexes left out: ``body.contacts[0].email`` -> ``email``."""
    return _INDEX.sub("", path).rsplit(".", 1)[-1]


def _pydantic_errors(text: str, out: list[Span]) -> None:
    if "input_value=" in text:
        for m in _PYDANTIC_ERROR.finditer(text):
            key = _last_field(m.group("loc"))
            _bound_value(key, m.group("v"), m.start("v"), out)
    if "input" in text:
        for m in _PYDANTIC_ITEM.finditer(text):
            names = _QUOTED_NAME.findall(m.group("loc"))
            if names:
                _bound_value(names[-1], m.group("v"), m.start("v"), out)


# A validation error's object that names the field and holds the value it rejected:
# express-validator's {"type":"field","value":"…","msg":"…","path":"password"}, Spring's
# {"field":"email","rejectedValue":"…"}, class-validator's {"property":…,"value":…}, Joi's
# context {"label":…,"value":…,"key":"email"}; or Angular's pattern error under the form
# control's name, {"licensePlate":{"pattern":{"requiredPattern":…,"actualValue":"…"}}}
_FLAT_OBJECT = re.compile(r"\{[^{}\n]{1,800}\}")
_REJECTED_VALUE = re.compile(
    r"[\"'](?:value|rejectedValue|actualValue|invalidValue)[\"']: ?"
    r"(?P<q>[\"'])(?P<v>(?:(?!(?P=q))[^\\\n]|\\.){1,256})(?P=q)"
)
_REJECTED_FIELD = re.compile(r"[\"'](?:path|param|field|property|key)[\"']: ?\[?[\"'](?P<k>[\w.\[\]-]{1,64})[\"']")
_ANGULAR_PATTERN_ERROR = re.compile(  # (its required pattern may hold braces: {1,3})
    r"[\"'](?P<k>[\w.-]{1,64})[\"']: ?\{[\"']pattern[\"']: ?\{[\"']requiredPattern[\"']: ?"
    r"(?P<q>[\"'])(?:(?!(?P=q))[^\\\n]|\\.){0,300}(?P=q), ?[\"']actualValue[\"']: ?"
    r"(?P<r>[\"'])(?P<v>(?:(?!(?P=r))[^\\\n]|\\.){1,256})(?P=r)"
)


def _validation_objects(text: str, out: list[Span]) -> None:
    for m in _FLAT_OBJECT.finditer(text):
        a, b = m.span()
        v = _REJECTED_VALUE.search(text, a, b)
        if v is None:
            continue
        f = _REJECTED_FIELD.search(text, a, b)
        if f is not None:
            _bound_value(_last_field(f.group("k")), v.group("v"), v.start("v"), out)
    if "requiredPattern" in text:
        for m in _ANGULAR_PATTERN_ERROR.finditer(text):
            _bound_value(m.group("k"), m.group("v"), m.start("v"), out)


_QUOTED_ID = re.compile(r"(?<![\w.$-])(?P<k>" + _QUOTED_ID_KEYS + r") (?P<q>[\"'])(?P<v>[^\"'\s]{1,128})(?P=q)")


def _quoted_ids(text: str, out: list[Span]) -> None:
    for m in _QUOTED_ID.finditer(text):
        _bound_value(m.group("k"), m.group("v"), m.start("v"), out)


# A value in corner brackets after the key that names it, as Japanese messages quote one
# (郵便番号「150-0002」と住所「…」が一致しません); the key is the longest known end of the run of
# letters before the bracket (と住所: 住所), with a particle before it
_CORNER_VALUE = re.compile(r"(?P<k>[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7afA-Za-z_]{1,16})「(?P<v>[^」\n]{1,128})」")


def _corner_values(text: str, out: list[Span]) -> None:
    for m in _CORNER_VALUE.finditer(text):
        run = m.group("k")
        for i in range(len(run) - 1):
            key = run[i:]
            if _key_class(key, None) not in (_NO_KEY, None):
                _bound_value(key, m.group("v"), m.start("v"), out)
                break


# A framework's message that quotes a value and the field it was given for (SAP
# SuccessFactors' "Invalid value 'Jenkins, Moira' for field 'managerId'", ORMs' and
# importers' "invalid value 'x' for column 'email'"): the value read under the field
_VALUE_FOR_FIELD = re.compile(
    r"(?i:value) (?P<q>['\"])(?P<v>[^'\"\n]{1,128})(?P=q) for (?i:field|property|column|attribute|parameter|key) "
    r"(?P<r>['\"])(?P<k>[\w.\[\]-]{1,64})(?P=r)"
)


def _values_for_fields(text: str, out: list[Span]) -> None:
    for m in _VALUE_FOR_FIELD.finditer(text):
        _bound_value(m.group("k").rsplit(".", 1)[-1], m.group("v"), m.start("v"), out)


# Expo's push token names one device (ExponentPushToken[xK3mP9qL2vN7rT4wY1aB6c])
_EXPO_TOKEN = re.compile(r"Expo(?:nent)?PushToken\[[A-Za-z0-9_-]{8,}\]")


def _sudo_bare(text: str, out: list[Span]) -> None:
    for m in _SUDO_BARE.finditer(text):
        if m.group("v").lower() not in SYSTEM_ACCOUNTS:
            out.append(Span(m.start("v"), m.end("v"), "user_id", 2))


# an element named as a bare name key: a person's name when its value is shaped like one
# (<Nombre>María José</Nombre>, not <name>checkout-service</name>)
_XML_NAME_TAGS = frozenset({"name", "nombre", "nom", "nome", "naam", "imie", "isim"})


def _xml_elements(text: str, out: list[Span]) -> None:
    for m in _XML_ELEMENT.finditer(text):
        tag = m.group("k").rsplit(":", 1)[-1]
        if tag.lower() in _XML_NAME_TAGS and is_person_name(m.group("v")):
            out.append(Span(m.start("v"), m.end("v"), "person_name", 3))
            continue
        _bound_value(tag, m.group("v"), m.start("v"), out)


# a setting's name and value as attributes: FreeSWITCH's <param name="password" value="…"/>,
# <variable name="effective_caller_id_name" …>, .NET's <add key="…" value="…"/>, Spring's and
# Ant's <property name="…" value="…"/>
_XML_ATTRIBUTES = re.compile(
    r"\b(?:name|key)=(?P<q>[\"'])(?P<k>[^\"'<>\n]{1,64})(?P=q)[ \t]+value=(?P<r>[\"'])(?P<v>[^\"'<>\n]{1,512})(?P=r)"
)
# what follows a setting's name as an attribute (<add key="Timeout" value="30"/>): the key names
# the setting, it is no record's key
_VALUE_ATTRIBUTE = re.compile(r"[\"']?[ \t]+value=[\"']")


def _xml_attributes(text: str, out: list[Span]) -> None:
    for m in _XML_ATTRIBUTES.finditer(text):
        _bound_value(m.group("k"), m.group("v"), m.start("v"), out)  # (a name without a key word reads nothing)


# The FIX protocol's fields that name a person or hold a credential, in a message written with
# "|" or SOH between its tag=value fields (QuickFIX's logs): Username (553), Password (554),
# NewPassword (925), RawData (96, a logon's credential), Account (1), PartyID (448), and the
# traders' sub-ids (SenderSubID 50, TargetSubID 57, OnBehalfOfSubID 116, DeliverToSubID 129).
# The firms' CompIDs (49, 56) and the order ids stay.
_FIX_FIELD = re.compile(r"(?:^|(?<=[|\x01]))(?P<t>553|554|925|96|1|448|50|57|116|129)=(?P<v>[^|\x01\n]{1,256})")
_FIX_CLASS = {"553": "user_id", "554": "password", "925": "password", "96": "secret", "1": "user_id",
              "448": "user_id", "50": "user_id", "57": "user_id", "116": "user_id", "129": "user_id"}
# a PartyID's source (447) that names a firm, not a person: a BIC, an LEI, a MIC, a CSD
# participant, a country
_FIX_FIRM_SOURCE = re.compile(r"[|\x01]447=[BNGHE](?=[|\x01])")


def _fix_fields(text: str, out: list[Span]) -> None:
    for m in _FIX_FIELD.finditer(text, text.find("8=FIX")):
        if is_neutral(m.group("v")):
            continue
        if m.group("t") == "448" and _FIX_FIRM_SOURCE.match(text, m.end()):
            continue  # 448=GB-LEI-…|447=N: a firm's LEI, as the party's source says
        out.append(Span(m.start("v"), m.end("v"), _FIX_CLASS[m.group("t")], 2))


# iCalendar's (RFC 5545) attendees and organizer by their common name: ATTENDEE;…;CN=Jonas Keller:mailto:…,
# ORGANIZER;CN="Weber, Sabine":mailto:…
_ICAL_CN = re.compile(r"(?:ATTENDEE|ORGANIZER);(?:[^\n:;]*;)*?CN=(?:\"(?P<q>[^\"\n]{1,128})\"|(?P<v>[^;:\"\n]{1,128}))[;:]")
_ICAL_NOT_PERSON = re.compile(r";CUTYPE=(?:ROOM|RESOURCE|GROUP|UNKNOWN)[;:]", re.I)


def _ical_names(text: str, out: list[Span]) -> None:
    for m in _ICAL_CN.finditer(text):
        g = "q" if m.group("q") is not None else "v"
        line_end = text.find("\n", m.start())
        if _ICAL_NOT_PERSON.search(text, m.start(), len(text) if line_end < 0 else line_end):
            continue  # a meeting room's or a group's name (CUTYPE=ROOM)
        if not is_neutral(m.group(g)):
            out.append(Span(m.start(g), m.end(g), "person_name", 2))


def _bound_value(key: str, value: str, start: int, out: list[Span]) -> None:
    """``value`` (at ``start``) under ``key`` outside key=value text, read as _key_values
    reads one: by the key's class, if plausible for it."""
    cls = _key_class(key, None)
    if cls is _NO_KEY or (cls == "user_id" and value.lower() in SYSTEM_ACCOUNTS):
        return
    _class_value(value, cls, start, out)


def _possessives(text: str, out: list[Span]) -> None:
    for m in _POSSESSIVE.finditer(text):
        if m.group("f") is not None:  # a family's name: a listed surname only (not "Casa Blanca")
            if is_surname(m.group("f")):
                out.append(Span(m.start("f"), m.end("f"), "person_name", 1))
            continue
        g = "v" if m.group("v") is not None else "h" if m.group("h") is not None else "o"
        if g == "o" and (m.group("o")[0].islower() or text[m.start("o") - 1] == " ") and not is_given_name(m.group("o")):
            continue  # in lower case or after a space, only a listed given name ("Phone de Google" stays)
        out.append(Span(m.start(g), m.end(g), "person_name", 1))


def _home_dirs(text: str, out: list[Span]) -> None:
    for m in _HOME.finditer(text):
        at = m.start()
        if at and text[at - 1] in "\"'":
            at -= 1  # a quoted value: cwd="/home/jdoe"
        if not m.group("end") and (at == 0 or text[at - 1] not in "=:"):
            continue  # no separator after it and not a key's value: a route or a word
        value = m.group("v")
        if value.lower() in HOME_ACCOUNTS or is_neutral(value):
            continue
        out.append(Span(m.start("v"), m.end("v"), "user_id", 1))


# LDAP and Active Directory distinguished names: "CN=John Smith,OU=Users,DC=corp,DC=com",
# "CN=Smith\\, John,CN=Users,DC=corp,…". Only a CN shaped like a person's name, in a DN that
# goes on with OU=, DC= or CN=: a TLS subject's CN is a host (CN=api.example.com,O=…), and a
# group's or a computer's names no one (CN=Domain Admins, CN=WS-0142).
_LDAP_CN = re.compile(r"(?<![\w-])(?i:cn)=(?P<v>(?:[^,=+<>#;\"\\\r\n]|\\.){1,128}?),(?=(?i:ou|dc|cn)=)")
# Ada, O'Neill, Jean-Luc; Latin letters with accents of Central European and Turkish names
# (Yılmaz, Wiśniewski) as well
_PERSON_CN = re.compile(
    _NAME_WORD + r"(?: (?:[A-Z]\.|" + _NAME_WORD + r"|van|von|de|da|del|der|den|di|du|dos|le|la|bin|al)){1,3}"
    # initials first: "J. de Vries", "T. van den Berg", "J.R. Tolkien"
    r"|(?:[A-Z]\. ?){1,2}(?:(?:van|von|de|da|del|der|den|ten|ter|di|du|dos|le|la) ){0,2}" + _NAME_WORD
    + r"|" + _NAME_WORD + r"(?: " + _NAME_WORD + r")?\\, " + _NAME_WORD + r"(?: [A-Z]\.?)?"
)
# Words of group, container and role names ("Domain Admins", "Sales Team"), never of a person's
_GROUP_WORDS = frozenset({
    "admins", "administrators", "users", "computers", "controllers", "operators", "servers", "group",
    "groups", "service", "services", "accounts", "account", "publishers", "readers", "writers",
    "guests", "owners", "policies", "managers", "team", "teams", "domain", "enterprise", "schema",
    "remote", "network", "windows", "system", "builtin", "backup", "print", "replicator", "key",
    "exchange", "organization", "management", "support", "sales", "finance", "marketing",
    "engineering", "default", "container", "configuration", "sites", "program", "data",
    "microsoft", "cert", "protected", "allowed", "denied", "access", "control", "event",
    "performance", "monitor", "storage", "terminal", "endpoint", "office", "department",
    "partners", "contractors", "vendors", "all", "everyone", "staff", "employees", "members",
    "workstations", "laptops", "desktops", "printers", "disabled", "archive", "shared",
    "mailbox", "mailboxes", "room", "rooms", "resources", "resource", "calendar", "helpdesk",
    "developers", "admin", "security", "policy", "settings", "objects", "principals", "roles",
})  # fmt: skip


# Title-cased words of messages, never of a person's name: "User Service Unavailable",
# "Customer Account Locked", "Member Profile Not Found" (besides group and role words)
_NOT_NAME_WORDS = _GROUP_WORDS | frozenset({
    # values and protocols a list in capitals holds (HTTP,HTTPS; TRUE, FALSE)
    "true", "false", "null", "none", "http", "https", "tcp", "udp", "debug", "warn",
    # who approves or acknowledges besides people (approved by Change Advisory Board)
    "board", "advisory", "committee", "council", "change", "automation", "rule", "rules", "workflow",
    "scheduler", "bot", "manager", "operator", "engine", "auto", "desk", "rotation", "escalation",
    "integration", "integrations", "pagerduty", "opsgenie", "slack", "webhook", "jira", "github", "gitlab",
    "datadog", "grafana", "sentry", "alertmanager", "prometheus", "servicenow", "zendesk", "jenkins",
    "argo", "argocd", "spinnaker", "actions",
    # statuses in the languages of the banking cues (Empfänger: Nicht Gefunden)
    "nicht", "unbekannt", "gefunden", "ungültig", "gesperrt", "inconnu", "introuvable", "invalide",
    "bloqué", "desconocido", "inválido", "bloqueado", "sconosciuto", "bloccato", "non", "valido",
    "unavailable", "available", "not", "found", "error", "errors", "exception", "request", "requests",
    "response", "timeout", "session", "sessions", "profile", "profiles", "login", "logout", "logon",
    "created", "deleted", "updated", "failed", "failure", "agent", "interface", "api", "id", "ids",
    "name", "names", "details", "info", "information", "list", "lookup", "cache", "store",
    "repository", "controller", "handler", "provider", "factory", "registry", "module", "model",
    "entity", "record", "records", "table", "query", "update", "delete", "create", "object", "type",
    "class", "status", "state", "preferences", "preference", "permissions", "permission", "role",
    "context", "token", "tokens", "credentials", "password", "authentication", "authorization",
    "auth", "registration", "signup", "notification", "notifications", "message", "messages",
    "events", "count", "limit", "quota", "is", "was", "has", "does", "cannot", "already", "exists",
    "missing", "invalid", "unknown", "locked", "expired", "blocked", "suspended", "active",
    "inactive", "pending", "new", "the", "and", "or", "of", "in", "on", "for", "to", "with",
    "without", "from", "by", "at", "as", "email", "address", "phone", "number", "identity", "portal",
    "dashboard", "directory", "sync", "import", "export", "migration", "job", "worker",
    "queue", "topic", "stream", "pool", "client", "server", "endpoint", "gateway", "proxy", "app",
    # the words of CI steps, jobs, services and products ("name: Run Tests", "name: Set Up
    # Python", "Web Frontend", "Premium Plan", "Daily Report")
    "run", "runs", "test", "tests", "testing", "build", "builds", "deploy", "deployment", "install",
    "installs", "setup", "set", "up", "check", "checks", "checkout", "lint", "upload", "download",
    "publish", "release", "cleanup", "clean", "start", "stop", "restart", "init", "configure",
    "prepare", "compile", "package", "packages", "push", "pull", "fetch", "restore", "migrate",
    "scan", "verify", "validate", "notify", "send", "report", "reports", "generate", "upgrade",
    "remove", "add", "get", "watch", "health", "ready", "live", "probe", "web", "frontend",
    "backend", "database", "db", "cluster", "node", "nodes", "pod", "pods", "image", "images",
    "volume", "ingress", "cron", "daily", "weekly", "nightly", "hourly", "monthly", "main",
    "primary", "secondary", "replica", "production", "staging", "development", "dev", "prod", "qa",
    "internal", "external", "public", "private", "global", "local", "cloud", "mobile", "desktop",
    "application", "platform", "core", "common", "base", "standard", "premium", "basic", "pro",
    "free", "trial", "plan", "plans", "tier", "order", "orders", "payment", "payments", "cart",
    "invoice", "invoices", "billing", "shipping", "product", "products", "catalog", "inventory",
    "search", "analytics", "metrics", "logs", "logging", "tracing", "alerts", "alert", "pipeline",
    "batch", "friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday", "sale",
    "deal", "deals", "offer", "discount", "coupon", "gift", "card", "cards", "subscription",
    "approval", "required", "valued", "since", "us", "success", "page", "home", "view", "edit",
    "python", "java", "go", "docker", "kubernetes", "terraform", "helm", "npm", "maven",
    "gradle", "artifact", "artifacts", "coverage", "docs", "documentation", "version",
    "tag", "tags", "branch", "merge", "commit", "corp", "corporation", "inc", "ltd", "llc", "gmbh", "ag",
    "bv", "co", "company", "limited", "plc", "bank", "savings", "checking", "wallet", "fund", "funds", "review", "code", "scheduled", "manual",
    # a business's name in a customer's or a supplier's name field (SAP's NAME1: Bello Design Studio)
    "design", "studio", "studios", "consulting", "consultants", "solutions", "associates", "agency", "trading",
    "logistics", "logistik", "transport", "handel", "bau", "immobilien", "holding", "ventures", "industries",
    "enterprises", "international", "restaurant", "café", "hotel", "bakery", "bäckerei", "apotheke", "kg", "ohg",
    "sarl", "sas", "srl", "spa", "nv", "oy", "kft", "ltda", "usługi", "remontowe", "servicios", "serviços",
})  # fmt: skip


_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof)\.? (?=[A-ZÀ-Þ])")


def is_person_name(value: str) -> bool:
    """Whether ``value`` is shaped like a person's name: two to four title-cased words
    (particles such as ``de`` or ``van`` between them), none a word of messages, groups or
    products. What a key naming a person's role (``owner=``, ``created_by``) holds is
    taken for a name only then.

    Examples
    --------
    >>> is_person_name("Piotr Kowalski"), is_person_name("Élodie de la Cruz")
    (True, True)
    >>> is_person_name("Platform Team"), is_person_name("team-payments"), is_person_name("Ada")
    (False, False, False)

    In capitals, as cards and bank messages write names, also the airlines' SURNAME/GIVEN:

    >>> is_person_name("PIETER VAN DER BERG"), is_person_name("SANTOS/JOAO"), is_person_name("TCP/IP")
    (True, True, False)
    """
    v = value.strip()
    if "%" in v or "+" in v:  # in a query string: inviter=Tom%C3%A1s%20Oliveira, name=Ada+Lovelace
        v = unquote_plus(v)
    v = _HONORIFIC.sub("", v, count=1)
    if not v.isascii() and is_script_name(v):
        return True  # (王芳, 김민준, Смирнов Алексей)
    if len(v) > 80 or (_PERSON_CN.fullmatch(v) is None and CAPS_NAME.fullmatch(v) is None):
        return False
    return not any(w in _NOT_NAME_WORDS for w in v.replace("\\,", " ").replace(",", " ").lower().split())


_PARTY_NUMBER = re.compile(r"\+?[1-9][0-9]{9,14}|0[1-9][0-9]{8,10}")


def role_kind(cls: str | None, value: str) -> str | None:
    """What ``value`` under a key of a person's role (class ``named_person`` or
    ``person_role``, see ``keys.ROLE_CLASSES``) is: ``person_name`` when it is shaped like a
    name, ``user_id`` when the role is one only people have and it is shaped like an id or
    a login (``keys.is_role_id``), or, for a role software takes too (``owner``,
    ``created_by``, ``reporter``), when it is a number of four digits or more or an id with
    a person's prefix (``usr_51f0b7a9c3``, ``cust-88214077``); else None (free text).

    Examples
    --------
    >>> role_kind("named_person", "Piotr Kowalski"), role_kind("person_role", "usr_51f0b7a9c3")
    ('person_name', 'user_id')
    >>> role_kind("named_person", "usr_51f0b7a9c3"), role_kind("named_person", "3381720")
    ('user_id', 'user_id')
    >>> role_kind("named_person", "svc_backup_7f3a21"), role_kind("person_role", "worker-3")
    (None, None)

    A message's party (class ``party``: ``to``, ``from``) is a phone number when it is all
    digits, the + left out:

    >>> role_kind("party", "4915773301928"), role_kind("party", "FRA"), role_kind("party", "1710252901388")
    ('phone', None, None)
    """
    if cls == "party":
        v = value.strip()
        if _PARTY_NUMBER.fullmatch(v) is None or (v[0] == "1" and len(v) in (10, 13)):
            return None  # (an epoch in seconds or milliseconds: a time range's "from")
        return "phone"
    if is_person_name(value):
        return "person_name"
    if cls == "person_role" and is_role_id(value):
        return "user_id"
    if cls == "named_person" and (
        (value.isdigit() and 4 <= len(value) <= 20) or _prefixed_person_id(_PREFIXED_PERSON_ID.fullmatch(value))
        or _is_name_login(value)
    ):
        return "user_id"
    return None


# a login of two words in lower case, one of them a listed given name or surname (yuki.tanabe,
# marco_ricci7), under a key of a role software takes too (assignee, owner, reporter)
_NAME_LOGIN = re.compile(r"(?P<a>[a-z]{2,20})[._-](?P<b>[a-z]{2,30})[0-9]{0,4}")


def _is_name_login(value: str) -> bool:
    """Whether ``value`` is a person's login made of a name (see :data:`_NAME_LOGIN`).

    Examples
    --------
    >>> _is_name_login("yuki.tanabe"), _is_name_login("marco_ricci7"), _is_name_login("platform.team")
    (True, True, False)
    """
    m = _NAME_LOGIN.fullmatch(value)
    return m is not None and any(
        w not in WORD_SURNAMES and (is_given_name(w) or is_surname(w)) for w in (m.group("a"), m.group("b"))
    )


def person_record(obj: dict[Any, Any]) -> int:
    """Whether ``obj`` is a person's record by what it holds: 0 no, 1 it has a contact key
    (``email``, ``phone``) with a text in it, 2 besides that a part of a name
    (``first_name``) or a whole name shaped like a person's (``"name": "Noah Fischer"``,
    not a Shopify order's ``"#2291"``), or FHIR's ``resourceType`` of a person, or a type
    that names a person (Okta's ``"type": "User"``); -1 a type that names no person
    (``"type": "PublicClientApp"``: its display name and id are not a person's).

    Examples
    --------
    >>> person_record({"name": "Noah Fischer", "email": "noah@example.ch"})
    2
    >>> person_record({"name": "#2291", "email": "noah@example.ch"}), person_record({"receipt_email": "n@example.ch"})
    (1, 0)
    >>> person_record({"type": "User", "id": "00u7k2"}), person_record({"type": "PublicClientApp", "id": "0oa4"})
    (2, -1)
    """
    return record_of((record_role(k), v) for k, v in obj.items() if isinstance(k, str) and isinstance(v, str))


def record_of(pairs: Iterable[tuple[int, str | None]]) -> int:
    """:func:`person_record` of an object given as the ``(record_role(key), value)`` of its
    fields (the batch path gives a struct column's row so); blank values say nothing.

    Examples
    --------
    >>> record_of([(1, "noah@example.ch"), (4, "Noah Fischer")]), record_of([(5, "PublicClientApp")])
    (2, -1)
    """
    contact = named = False
    typed: str | None = None
    for role, v in pairs:
        if not role or v is None or not v.strip():
            continue
        if role == 1:
            contact = True
        elif role == 2 or (role == 4 and is_person_name(v)):
            named = True
        elif role == 3 and v in FHIR_PEOPLE:
            return 2
        elif role == 5 and typed is None:
            typed = v
    if contact:
        return 2 if named else 1
    if typed is not None:
        return 2 if is_person_type(typed) else -1
    return 0


# An account's CN in a container of people: "CN=jdoe,OU=People,…", "CN=jdoe,CN=Users,…"
_ACCOUNT_CN = re.compile(r"[a-z][a-z0-9._-]{1,31}")
_PEOPLE_OU = re.compile(r"(?i:ou=(?:people|users|staff|employees|accounts|members|persons)|cn=users)(?=,|$|[\s\"'])")


def _ldap_names(text: str, out: list[Span]) -> None:
    for m in _LDAP_CN.finditer(text):
        value = m.group("v")
        if _PERSON_CN.fullmatch(value) is None:
            if (_ACCOUNT_CN.fullmatch(value) and _PEOPLE_OU.match(text, m.end())
                    and value not in SYSTEM_ACCOUNTS and value not in _GROUP_WORDS and value != "krbtgt"):
                out.append(Span(m.start("v"), m.end("v"), "user_id", 1))
            continue
        if any(w in _GROUP_WORDS for w in value.replace("\\,", " ").lower().split()):
            continue
        out.append(Span(m.start("v"), m.end("v"), "person_name", 1))


# FreeRADIUS with log_auth_badpass/goodpass: "Login incorrect (…): [jdoe/hunter2] (from client …)"
_RADIUS_PASSWORD = re.compile(
    r"Login (?:OK|incorrect)(?: \([^)]{0,120}\))?: \[[^\]\s/<>]{1,64}/(?P<pw>[^\n]{1,128}?)\](?= \(from client|$)"
)


def _radius_passwords(text: str, out: list[Span]) -> None:
    for m in _RADIUS_PASSWORD.finditer(text):
        pw = m.group("pw")
        if pw and not is_neutral(pw) and not pw.startswith("<"):  # "<via Auth-Type = eap>": none logged
            out.append(Span(m.start("pw"), m.end("pw"), "password", 2))


def _login_users(text: str, out: list[Span], lowered: str | None = None, dovecot: bool | None = None) -> None:
    for start, end in _login_matches(text, text.lower() if lowered is None else lowered, dovecot):
        value = text[start:end]
        if value[:1] == "<":  # Dovecot's user=<jdoe>: a bracketed value, not a mask
            if _TEMPLATE_SLOTS.fullmatch(value):
                continue  # user=<TOKEN>, user=<*>: a template's slot (fingerprints, Drain)
            value = value[1:-1]
            if value in _KIND_WORDS:
                continue  # user=<user_id>: a mask of this package
        cut = value.rfind("\\") + 1  # DOMAIN\user: the domain is an organisation's
        name = value[cut:].lower()
        if (name in SYSTEM_ACCOUNTS or name in _PROTOCOLS or is_neutral(value) or name.startswith("system:")
                or is_service_account(name) or is_machine_account(value)):
            continue  # (Kubernetes' own identities: system:anonymous, system:serviceaccount:…; billing-svc; DC01$)
        out.append(Span(start, end, "user_id", 1))


# A value a key names is read to its first space (``card=4242 4242 4242 4242``); a shape
# detector reads the whole of a spaced card, IBAN, phone or SSN.
_WIDENED = frozenset({"card", "iban", "phone", "ssn"})


def _widen_named(cands: list[Span]) -> None:
    """Where a shape detector found a longer value of the same kind starting where a
    key-named value starts, the key-named span takes that extent."""
    longest: dict[tuple[int, str], int] = {}
    for c in cands:
        if c.priority < 3 and c.kind in _WIDENED and c.end > longest.get((c.start, c.kind), -1):
            longest[(c.start, c.kind)] = c.end
    if not longest:
        return
    for i, c in enumerate(cands):
        if c.priority == 3:
            end = longest.get((c.start, c.kind), -1)
            if end > c.end:
                cands[i] = Span(c.start, end, c.kind, 3)


def _in_id(c: Span) -> bool:
    """Whether ``c`` is not taken inside an identifier's value: a number's kinds that an id
    holds by chance, not a MAC address written out in its six pairs (a station's id)."""
    return c.kind in _NUMERIC_KINDS and c.priority < 3 and not (c.kind == "mac" and c.end - c.start == 17)


def _resolve(cands: list[Span], protect: list[tuple[int, int]], ids: list[tuple[int, int]]) -> list[Span]:
    if not cands:
        return []
    if len(cands) == 1 and not protect:
        c = cands[0]
        if _in_id(c) and any(c.start < e and s < c.end for s, e in ids):
            return []
        return [c]
    cands.sort(key=lambda s: (-s.priority, s.start - s.end, s.start))
    taken: list[tuple[int, int]] = list(protect)
    accepted: list[Span] = []
    for c in cands:
        cs, ce = c.start, c.end
        clash = False
        for s, e in taken:
            if cs < e and s < ce:
                clash = True
                break
        if not clash and _in_id(c):
            for s, e in ids:
                if cs < e and s < ce:
                    clash = True
                    break
        if clash:
            continue
        taken.append((cs, ce))
        accepted.append(c)
    accepted.sort(key=_START)
    return accepted


_ECHO_MARKS = frozenset("0123456789@._-+ ")
# an account name of one lower-case word, as sshd and PAM log it (rcarvalho, mbenali): a
# login more than a word, so echoed too
_LOGIN_WORD = re.compile(r"[a-z]{6,32}")
_WORD_JOINS = frozenset("-./_:@")


def _echoes(text: str, found: list[Span], protect: list[tuple[int, int]]) -> list[Span]:
    """``found`` and the other occurrences, as whole words, of the values in it: a value
    found once where a key or phrase names it is as personal where the text repeats it
    (``uid=Xj3k9LmN0pQ2 path=/users/Xj3k9LmN0pQ2/profile``). Only values of six characters
    or more with a digit, a space or one of ``@._-+`` in them (an account, an id, a full
    name; not a single word such as a first name, which may be any word elsewhere), and
    accounts of one lower-case word."""
    extra: list[Span] = []
    seen: set[str] = set()
    for sp in found:
        value = text[sp.start:sp.end]
        if len(value) < 6 or value in seen or (
            _ECHO_MARKS.isdisjoint(value) and not (sp.kind == "user_id" and _LOGIN_WORD.fullmatch(value))
        ):
            continue
        seen.add(value)
        word = _ECHO_MARKS.isdisjoint(value)  # a one-word login: echoed only as a word of prose, not
        # in a name, a path or a host (mysql-ledger.db.svc, /ledger?)
        n = len(value)
        i = text.find(value, sp.end)
        if i < 0 and text.find(value, 0, sp.start + n - 1) < 0:
            continue  # the text holds it once
        i = text.find(value)
        while i >= 0:
            e = i + n
            if ((i == 0 or not text[i - 1].isalnum())
                    and (e == len(text) or not text[e].isalnum())
                    and not any(i < b and a < e for a, b in protect)
                    and not any(i < o.end and o.start < e for o in found)
                    and not any(i < o.end and o.start < e for o in extra)
                    and not (word and ((i > 0 and text[i - 1] in _WORD_JOINS)
                                       or (e < len(text) and text[e] in _WORD_JOINS)))):
                extra.append(Span(i, e, sp.kind, sp.priority))
            i = text.find(value, i + 1)
    if not extra:
        return found
    return sorted(found + extra, key=_START)


_ENCODED = re.compile(_ENCODED_BRANCH)
_PERCENT = re.compile(r"%([0-7][0-9A-Fa-f])")


def _decoded_view(text: str) -> tuple[str, list[int]]:
    """``text`` with its percent-encoded ASCII characters decoded once, and where each of
    its characters starts in ``text`` (one more entry: ``len(text)``)."""
    parts: list[str] = []
    where: list[int] = []
    last = 0
    for m in _PERCENT.finditer(text):
        s = m.start()
        parts.append(text[last:s])
        where.extend(range(last, s))
        parts.append(chr(int(m.group(1), 16)))
        where.append(s)
        last = m.end()
    parts.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(parts), where


def _decoded_spans(text: str, found: list[Span], identifiers: bool) -> list[Span]:
    """``found`` and what ``find_spans`` finds in ``text`` URL-decoded
    (``token%3DeyJhbGciOi…``, ``data%5Bemail%5D=…``), where ``found`` has nothing: each
    span of the decoded text covers its encoded characters in ``text``. Twice-encoded
    text (``%253D``) is decoded twice, by the same call on the decoded text."""
    decoded, where = _decoded_view(text)
    more = [
        Span(where[s.start], where[s.end], s.kind, s.priority)
        for s in find_spans(decoded, identifiers=identifiers)
    ]
    more = [s for s in more if not any(f.start < s.end and s.start < f.end for f in found)]
    if not more:
        return found
    return sorted(found + more, key=lambda s: s.start)


def gate_bits(text: str) -> int:
    """The answers of :data:`GATE_PATTERNS` for ``text``, as bits (bit ``i`` for pattern ``i``).

    The batch path computes the same bits for a whole column in polars; this is the
    reference it is tested against.

    Examples
    --------
    >>> gate_bits("no digits here"), gate_bits("from 203.0.113.9") == 1 << 1 | 1 << 5
    (0, True)
    """
    bits = 0
    for i, gate in enumerate(_GATES):
        if gate.search(text) is not None:
            bits |= 1 << i
    if _keys_matter(text):
        bits |= _G_KEYS
    if _SMALL.search(text) is not None:
        bits |= _G_SMALL
    if _names_gate(text):
        bits |= _G_NAMES
    return bits


_PERSON_OBJECT_GATE = re.compile(PERSON_OBJECT_GATE)


def _keys_matter(text: str) -> bool:
    """Whether a key in ``text`` could name personal data: a key run that matters, or an
    object that describes a person printed by its toString() (its bare ``id=``)."""
    return any(key_run_matters(run) for run in key_runs(text)) or _PERSON_OBJECT_GATE.search(text) is not None


def could_find(text: str) -> bool:
    """Whether ``find_spans`` could find anything in ``text``: False means it finds nothing.

    Tighter than :func:`has_hint`, which passes any key word before a colon (``panic:``,
    ``KeyError:``); this passes a key only when it could name personal data
    (:func:`key_run_matters`). The batch path computes the same answer for whole columns.

    Examples
    --------
    >>> could_find("panic: runtime error [signal SIGSEGV code=0x1 addr=0x18 pc=0x4a2b3c]")
    False
    >>> could_find("customer_email: ada@example.com"), could_find("password=hunter2")
    (True, True)
    """
    if _SHAPES.search(text) is not None or _names_gate(text):
        return True
    return _keys_matter(text)


def find_spans(text: str, *, identifiers: bool = False, gates: int | None = None) -> list[Span]:
    """Find personal and secret values in ``text``.

    Parameters
    ----------
    text : str
        Free text: a log message, stack trace, attribute value, report line.
    identifiers : bool
        The text is an identifier (a ``trace_id`` or ``order_id`` value): never
        read digits or dotted numbers in it as cards, phones or addresses.
    gates : int or None
        The answers of :data:`GATE_PATTERNS` and of the key runs for ``text`` as bits
        (see :func:`gate_bits`), when the caller already has them (the batch path
        computes them for a whole column in polars); None computes each one here when it
        is needed. The result does not depend on it.

    Returns
    -------
    list of Span
        Non-overlapping, sorted by position. Tokens and masks this package wrote
        are never found again, which makes anonymizing idempotent.

    Examples
    --------
    >>> t = 'login failed {"email": "Ada@Example.com", "password": "hunter2"} from 203.0.113.9'
    >>> [(s.kind, t[s.start:s.end]) for s in find_spans(t)]
    [('email', 'Ada@Example.com'), ('password', 'hunter2'), ('ipv4', '203.0.113.9')]
    """
    if not text:
        return []
    protect = [m.span() for m in _TOKEN.finditer(text)] if "<" in text else []
    if protect and "user=<" in text:  # Dovecot's user=<jdoe> is a value, not a mask
        protect = [(a, b) for a, b in protect
                   if not (text.endswith("user=", 0, a) and ":" not in text[a:b]
                           and text[a + 1:b - 1] not in _KIND_WORDS)]
    cands: list[Span] = []
    ids: list[tuple[int, int]] = []
    keys_later = False
    if "=" in text or ":" in text or "：" in text:
        if gates is None or gates & _G_KEYS:
            _key_values(text, cands, ids)
        else:
            keys_later = True  # no key can name personal data: only identifiers are read
    if "@" in text or "%40" in text or _may_spell_at(text):
        for m in _url_creds(text):
            if not is_neutral(m.group("pw")):
                cands.append(Span(m.start("pw"), m.end("pw"), "password", 2))
            user = m.group("user")
            if not is_neutral(user) and user.lower() not in SYSTEM_ACCOUNTS and user.lower() not in _TOKEN_USERS:
                cands.append(Span(m.start("user"), m.end("user"), "user_id", 2))
        _emails(text, cands, identifiers)
        if "<@" in text:
            _mentions(text, cands)
        if "@" in text:
            _handles(text, cands)
    lowered = text.lower()
    if (
        (gates & _G_SECRET if gates is not None else _SECRET_GATE.search(text) is not None)
        or "bearer" in lowered
        or "basic" in lowered
    ):
        _secrets(text, cands)
    if "token" in lowered:
        _token_words(text, cands)
    if not identifiers:
        dots = text.count(".")
        colons = text.count(":")
        if dots >= 3 and (gates & _G_IPV4 if gates is not None else _IPV4_GATE.search(text)):
            _ipv4(text, cands)
        if ("::" in text or colons >= 7) and (
            gates & _G_IPV6 if gates is not None else _IPV6_GATE.search(text)
        ):
            _ipv6(text, cands)
        if (
            (colons >= 5 or text.count("-") >= 5)
            and (gates & _G_MAC if gates is not None else _MAC_GATE.search(text))
        ) or (dots >= 2 and (gates & _G_CISCO if gates is not None else _CISCO_GATE.search(text))):
            _mac(text, cands)
        n = len(text)
        windows: list[list[int]] = []
        starts: list[int] = []
        runs = _NUMRUN.finditer(text) if gates is None or gates & _G_NUMRUN else ()
        for m in runs:
            starts.append(m.start())
            a, b = max(0, m.start() - 4), min(n, m.end() + 3)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = b
            else:
                windows.append([a, b])
        for a, b in windows:
            _cards(text, cands, a, b)
            if "-" in text:
                _ssns(text, cands, a, b)
            # from 8 more characters back: a Corsican NIR's run of digits starts after its 2A/2B;
            # before the phones, so that a number whose check digits pass is read as the id
            # where a phone's shape covers the same characters (a CPF, 001.000.000-37)
            _national_ids(text, cands, _NATIONAL_DIGITS, max(0, a - 8), b)
            _phones(text, cands, a, b)
            if "," in text:
                _geo(text, cands, a, b)
        if starts:
            _cued_values(text, cands, starts)
            _party_numbers(text, cands)
            if "lat" in lowered:
                _geo_words(text, cands)
        if gates is None or gates & _G_OTHER_SHAPES:  # (the cue gate is a part of the other shapes; with no
            _cued_codes(text, cands)  # gates, no gate first: the detector costs less than _CUE_GATE's search)
        if gates & _G_IBAN if gates is not None else _IBAN_GATE.search(text):
            if windows:
                _ibans(text, cands)
            _national_ids(text, cands, _NATIONAL_LETTERS)
    roles = bool(gates & _G_ROLE_WHO) if gates is not None else _has_any(lowered, _ROLE_WHO_WORDS)
    if roles or (gates & _G_PHRASE_WORDS if gates is not None else _has_any(lowered, _PHRASE_WORDS)):
        _phrases(text, cands, lowered, roles)
    if gates is None or gates & _G_NAMES:  # (no gate first: the detector's patterns cost what the gate's do)
        _listed_names(text, cands)
    if gates & _G_NAME_WORDS if gates is not None else _has_any(lowered, _NAME_WORDS):
        _names(text, cands, lowered, _NAME_STARTS, _NAME_PHRASE)
    if gates & _G_OTHER_SHAPES if gates is not None else _has_any(lowered, _OTHER_NAME_STARTS):
        _names(text, cands, lowered, _OTHER_NAME_STARTS, _NAME_PHRASE_OTHER)  # other languages, sign-offs
    dovecot = "(" in text and (
        bool(gates & _G_DOVECOT) if gates is not None else _DOVECOT_GATE.search(text) is not None
    )
    if (
        (gates & _G_LOGIN_MARKS if gates is not None else (
            "user" in lowered or "@" in text or " name:" in lowered or _has_any(text, _LOGIN_MARKS)))
        or (" for " in lowered and " from" in text) or (" [" in text and "/" in text)
        or dovecot or _may_slash_ip(text)
    ):
        # at least one branch can match (the same tests _login_matches makes per branch,
        # here first since most texts pass none: without it the batch path was 4-5% slower)
        _login_users(text, cands, lowered, dovecot)
    if "cn=" in lowered:
        _ldap_names(text, cands)
    if "/" in text and ("Login OK: [" in text or "Login incorrect" in text):
        _radius_passwords(text, cands)
    if "name" in lowered or "holder" in lowered or (
        gates & _G_OTHER_SHAPES if gates is not None else _has_any(lowered, _OTHER_NAME_KEY_WORDS)
    ):
        _bare_names(text, cands)
    if "|" in text and ("PID|" in text or "NK1|" in text or "GT1|" in text or "IN1|" in text or "EVN|" in text
                        or "PV1|" in text or "PD1|" in text or "ORC|" in text or "OBR|" in text or "OBX|" in text
                        or "MRG|" in text or "ROL|" in text):
        _hl7_segments(text, cands)
    if "insert" in lowered and "values" in lowered:
        _sql_inserts(text, cands)
        if "binding parameter" in text or "[Parameters=[@" in text:
            _sql_binds(text, cands)
    if "-" in text and (gates & _G_CLI_WORDS if gates is not None else _has_any(lowered, _CLI_WORDS)):
        _command_lines(text, cands)
    if ("input_value=" in text and "\n" in text) or "input'" in text or 'input"' in text:
        _pydantic_errors(text, cands)
    if "{" in text and ("alue'" in text or 'alue"' in text):
        _validation_objects(text, cands)
    if ('id "' in lowered or "id '" in lowered or 'login "' in lowered or "login '" in lowered or 'name "' in lowered
            or "name '" in lowered):
        _quoted_ids(text, cands)
    if "「" in text and not text.isascii():
        _corner_values(text, cands)
    if " for " in text and "alue " in lowered:
        _values_for_fields(text, cands)
    if "PushToken[" in text:
        for m in _EXPO_TOKEN.finditer(text):
            cands.append(Span(m.start(), m.end(), "secret", 2))
    if " : TTY=" in text:
        _sudo_bare(text, cands)
    if "</" in text:
        _xml_elements(text, cands)
    if " value=" in text:
        _xml_attributes(text, cands)
    small = bool(gates & _G_SMALL) if gates is not None else _SMALL.search(text) is not None
    if small and '" <' in text:
        _quoted_callers(text, cands)
    if small and ("layer" in text or "game" in text or "]: <" in text or "lost connection" in text or "STEAM_" in text
            or "[U:1:" in text or "7656119" in text or "ZDOID" in text) and _GAME.search(text) is not None:
        _game_servers(text, cands)
    if small and ("ame" in text or "nom" in lowered or "Konto" in text or "Nazwa" in text or "Tilin" in text
            or "naam" in text or "名" in text or "계정" in text) and _WINDOWS.search(text) is not None:
        _windows_names(text, cands)
    if small and not text.isascii():
        _cjk_names(text, cands)
    if not text.isascii() and (gates is None or gates & _G_OTHER_SHAPES):
        _script_names(text, cands)
    if (gates is None or gates & _G_OTHER_SHAPES) and (
            _has_any(lowered, _ACCOUNT_WORDS_OTHER) or _has_any(lowered, _PASSWORD_WORDS_OTHER)):
        _accounts_in_prose(text, cands)
    if (gates is None or gates & _G_OTHER_SHAPES) and _has_any(lowered, _CUSTOMER_NUMBER_WORDS):
        _customer_numbers(text, cands)
    if small and "." in text and ("_" in text or "-" in text):
        _file_names(text, cands)
    if small and "{" in text and ":" in text:
        _go_structs(text, cands)
    if small:
        _plates(text, cands)
        _wallets_and_vins(text, cands)
        _driving_licences(text, cands)
        if "/" in text or "=" in text or ":" in text:
            for m in _CARD_EXPIRY.finditer(text) if _CARD_CONTEXT.search(text) is not None else ():
                g = "v" if m.group("v") is not None else "v2"
                cands.append(Span(m.start(g), m.end(g), "card", 1))
        if _has_any(lowered, _OTP_WORDS):
            _one_time_codes(text, cands)
        if "-" in text or "_" in text:
            _device_names(text, cands)
    if small and "*" in text and ("NM1*" in text or "DMG*D8*" in text or "PER*" in text):
        _x12_segments(text, cands)
    if small and "+" in text and ("NAD+" in text or "COM+" in text or "DTM+329:" in text or "DOC+" in text):
        _edifact_segments(text, cands)
    if small and ("?3" in text or "6" in text):
        _bank_files(text, cands)
    if small and "^" in text and _CARET_NAME_GATE.search(text) is not None:
        _caret_names(text, cands)
    if small and "P|" in text and _ASTM_GATE.search(text) is not None:
        _astm_patients(text, cands)
    if small and "(00" in text and _DICOM_ELEMENT.search(text) is not None:
        _dicom_elements(text, cands)
    if small and ("003" in text or "00Q" in text or "005" in text):
        _salesforce_people(text, lowered, cands)
    if small and ("cus_" in text or "acct_" in text):
        for m in _VENDOR_PERSON_ID.finditer(text):
            cands.append(Span(m.start(), m.end(), "user_id", 1))
    if small and ("_" in text or "-" in text):
        for m in _PREFIXED_PERSON_ID.finditer(text):
            if _prefixed_person_id(m):
                cands.append(Span(m.start(), m.end(), "user_id", 1))
    if "<<" in text:
        _mrz(text, cands)
    if "create " in lowered or "alter " in lowered:
        _ddl_users(text, cands)
    if "/" in text and ("M1" in text or "M2" in text or "M3" in text or "M4" in text):
        for m in _BCBP.finditer(text):
            name = m.group("n").rstrip()
            cands.append(Span(m.start("n"), m.start("n") + len(name), "person_name", 2))
            cands.append(Span(m.start("pnr"), m.end("pnr"), "user_id", 2))
    if "8=FIX" in text:
        _fix_fields(text, cands)
    if "ATTENDEE;" in text or "ORGANIZER;" in text:
        _ical_names(text, cands)
    if "S-1-5-21-" in text:
        _account_sids(text, cands)
    if not text.isascii() and ("〒" in text or "県" in text or "都" in text or "道" in text or "府" in text
                               or "様" in text or "さま" in text or "殿" in text):
        _japanese(text, cands)
    if "'s " in text or "’s " in text or ("s-" in text and _DEVICE_HOST_GATE.search(text) is not None) or (
        ((_has_any(lowered, _DEVICE_WORDS) and _DEVICE_PARTICLE.search(text) is not None)
         or "amil" in lowered or "casa" in lowered)
        and _DEVICE_OF_GATE.search(text) is not None
    ):
        _possessives(text, cands)
    if "@" in text and ("ssh-" in text or "ecdsa-" in text):
        _ssh_key_comments(text, cands)
    if gates & _G_PROSE if gates is not None else _may_prose(text, lowered):
        if _has_any(lowered, _BIRTH_WORDS):
            _dob_phrases(text, cands)
            _dates_near_birth(text, cands)
        if _has_any(lowered, _POSTAL_WORDS):
            _postal_phrases(text, cands)
        _street_addresses(text, cands)
    _database_errors(text, cands)
    if "(" in text and _PAREN_GATE.search(text) is not None:
        _paren_names(text, cands)
    if "/" in text and ("Patient/" in text or "Person/" in text or "Practitioner/" in text):
        _fhir_references(text, cands)
    if _may_login_forms(text):
        _logins_and_cache_keys(text, lowered, cands)
    if "code" in lowered or "otp" in lowered or "token" in lowered or "/3/device/" in text:
        _sign_in_codes(text, lowered, cands)
    if "<Nm>" in text or ":5" in text:
        _bank_messages(text, cands)
    if "/" in text or "FP CC" in text or "005" in text or "003" in text or "00Q" in text:
        _travel_and_crm(text, cands)
    _players_and_places(text, cands)
    if "Couldn't find " in text:
        for m in _RAILS_NOT_FOUND.finditer(text):
            if is_personal_parent(m.group("cls")):
                _class_value(m.group("v"), classify_key(m.group("k"), m.group("cls")), m.start("v"), cands)
    if "name '" in lowered or 'name "' in lowered:
        _quoted_names(text, cands)
    if _has_any(lowered, _QUOTED_PASSWORD_WORDS):
        for m in _QUOTED_PASSWORD.finditer(text):
            if not is_placeholder(m.group("v")) and not is_neutral(m.group("v")):
                cands.append(Span(m.start("v"), m.end("v"), "password", 2))
    if "/home/" in text or "/Users/" in text or "users\\" in lowered:  # /home/, /var/home/, /Users/, C:\\Users\\
        _home_dirs(text, cands)
    if " name" in lowered and (" name=" in lowered or " name:" in lowered or " name " in lowered):
        _spaced_name_keys(text, cands)
    if cands and "\n" in text and (text.count(",") >= 4 or text.count("|") >= 4 or text.count(";") >= 4
                                    or text.count("\t") >= 4):
        _header_rows(text, cands[:], cands)
    if cands and (text.count(",") >= 3 or text.count(";") >= 3) and any(c.kind in _CONTACT_KINDS for c in cands):
        _contact_rows(text, cands)
    if keys_later and any(c.kind in _NUMERIC_KINDS and c.priority < 3 for c in cands):
        # an identifier's value (order_id=4111111111111111) is no card: read the keys after
        # all (what they find goes first, where it would have been)
        named: list[Span] = []
        _key_values(text, named, ids)
        cands[:0] = named
    if "(" in text and cands:
        _ids_after_names(text, cands)
        _names_after_ids(text, cands)
    if cands and any(c.kind == "address" for c in cands):
        _postcodes_after_addresses(text, cands)
        _cities_of_addresses(text, cands)
    if len(cands) > 1:
        _widen_named(cands)
    if ("{" in text or "$" in text) and any(text[c.start] in "{$" for c in cands):
        # a format slot stands for a value (Serilog's "for user {UserId}", a CI variable's
        # ${TOKEN} in a URL): there is nothing in it to find
        cands = [c for c in cands if text[c.start] not in "{$" or not is_placeholder(text[c.start:c.end])]
    found = _resolve(cands, protect, ids)
    if small and "%" in text and _ENCODED.search(text) is not None:
        found = _decoded_spans(text, found, identifiers)
    return _echoes(text, found, protect) if found else found


# --- compiled twin (features.privacy._native) ---
# The build compiles this file up to the line above; when a build for this source is
# loaded, its functions and classes take the place of the ones defined above.
from features.privacy._native import adopt as _adopt  # noqa: E402

_adopt(globals())
