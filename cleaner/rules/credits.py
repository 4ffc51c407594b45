"""Agency and editing credits: "(Reporting by X; Editing by Y)", "bik/jr (Reuters, AFP)", "(AFP)"; and copyright
notices: "© Daily Planet 2025", "Copyright 2024 Example Ltd. All rights reserved."."""

from __future__ import annotations

import re

from .. import reasons
from . import cached, line_rule, plain, words

# Case matters: "AP" and "SID" are agencies, "Sid" is a name and "ap" nothing.
AGENCY_NAMES = (
    r"AFP|AP|Reuters|dpa|DPA|EFE|ANSA|KNA|epd|APA|SDA|Belga|ANP|Europa Press|Associated Press|"
    r"Agence France-Presse|Bloomberg|UPI|Xinhua|TASS|Kyodo|PA|SID|AA|Keystone-SDA|ATS|Notimex|EP|REUTERS|"
    r"ASSOCIATED PRESS|BLOOMBERG"
)
_ROLE = (
    r"(?:additional )?reporting|writing|written|editing|edited|compiled|research|translated|translation|"
    r"production|produced|graphics?|(?:additional )?contributions?|"
    r"avec|rédaction|édité|traduit|mitarbeit|redaktion|bearbeitet|übersetzt|"
    r"redacción|edición|editado|traducido|traducción|información"
)
STAFF_CREDIT = re.compile(rf"^(?P<open>\()?\s*(?:{_ROLE})\s+(?:by|par|von|de|por)\b(?P<rest>.{{2,400}}?)\)?\.?$", re.I)
# Between names: connectors, places ("in Amman"), and the next role ("; Editing by").
_CONNECTOR = re.compile(
    rf"^(?:and|und|et|y|e|with|avec|mit|con|in|from|at|à|en|aus|de|del|von|van|der|da|du|le|la|al|"
    rf"{_ROLE}|by|par|por)$",
    re.I,
)
NAMES_WORDS = 20  # an unbracketed credit longer than this is a sentence


def _names_only(rest: str) -> bool:
    """ "Hans Obrist and Kostas Stasinopoulos; Editing by Y": capitalised words and connectors only."""
    tokens = re.findall(r"[^\s,;:&]+", rest)
    return 0 < len(tokens) <= NAMES_WORDS and all(t[0].isupper() or _CONNECTOR.match(t) for t in tokens)


@cached
def is_staff_credit(text: str) -> bool:
    match = STAFF_CREDIT.match(text)
    if not match:
        return False
    return bool(match.group("open")) and text.rstrip(".").endswith(")") or _names_only(match.group("rest"))


# DW's initials-and-agencies sign-off, "bik/jr (Reuters, AFP)", and the like: "dpa/AFP/AP", "jdw/rs (dpa, AP)".
SIGN_OFF = re.compile(
    rf"^[a-z]{{1,5}}(?:/[a-z]{{1,5}})*\s*\((?:{AGENCY_NAMES})(?:\s*[,/;]\s*(?:{AGENCY_NAMES}))*\)\.?$"
)
_AGENCY_LIST = rf"(?:{AGENCY_NAMES})(?:\s*(?:[,/;&]|and|et|und|y)\s*(?:{AGENCY_NAMES}))*"
AGENCY_ONLY = re.compile(
    rf"^\W{{0,3}}(?:\(?{_AGENCY_LIST}\)?|"
    rf"(?i:with|by|par|von|por|avec|mit|con|source|sources|quelle|quellen|fuente|fuentes|agencies|agences|agenturen|agencias|"
    rf"with (?:files|reporting) from|con información de|mit material von|d'après)"
    rf"\s*:?\s*{_AGENCY_LIST}|"
    r"(?i:(?:with )?(?:wire )?(?:agencies|news agencies|agences|agenturen|agencias)|mit material von agenturen)|"
    rf"©?\s*(?i:copyright\s*)?(?:\d{{4}}\s*)?(?i:the )?{_AGENCY_LIST}(?: (?i:news))?)[\s:.()\d]*$"
)


CREDIT_CHARS = 600  # longer than any credit line, even "(Reporting by ... in ...; Editing by ...)"


@cached
def is_agency_credit(text: str) -> bool:
    """ "(Reporting by X; Editing by Y)", "AFP": a news agency's or editors' credit line."""
    text = plain(text)
    if len(text) > CREDIT_CHARS:
        return False
    return bool(is_staff_credit(text) or SIGN_OFF.match(text) or AGENCY_ONLY.match(text))


line_rule(reasons.AGENCY_CREDIT)(is_agency_credit)


# A copyright notice: a © (or "(c)", "Copyright") with a year, or a reservation of rights. A © with a name and no
# year is a photo credit ("© Emmanuel Dunand, AFP": captions.py); a "(c)" without a year numbers a list item.
_COPYRIGHT_MARK = re.compile(r"^[(\[]?(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_RIGHTS = re.compile(
    r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|"
    r"\btodos los derechos reservados\b|\breservados todos los derechos\b",
    re.I,
)
COPYRIGHT_WORDS = 25
NAME_AND_YEAR_WORDS = 6


@cached
def is_copyright_notice(text: str) -> bool:
    """ "© Daily Planet 2025", "Copyright 2024 Example Ltd. All rights reserved.": whose the page's words are."""
    text = plain(text)
    if words(text) > COPYRIGHT_WORDS:
        return False
    mark = _COPYRIGHT_MARK.match(text)
    if mark and mark.group().strip():
        rest = text[mark.end() :]
        # the year first ("© 2025 Daily Planet ..."), or a short name and its year ("© Daily Planet 2025")
        if _YEAR.match(rest) or words(rest) <= NAME_AND_YEAR_WORDS and _YEAR.search(rest):
            return True
    return bool(_RIGHTS.search(text))


line_rule(reasons.COPYRIGHT)(is_copyright_notice)
