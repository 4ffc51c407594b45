"""Agency and editing credits: "(Reporting by X; Editing by Y)", "bik/jr (Reuters, AFP)", "(AFP)"."""

from __future__ import annotations

import re

from . import cached, phrases, plain, rule

AGENCY_NAMES = (
    r"AFP|AP|Reuters|dpa|DPA|EFE|ANSA|KNA|epd|APA|SDA|Belga|ANP|Europa Press|Associated Press|"
    r"Agence France-Presse|Bloomberg|UPI|Xinhua|TASS|Kyodo|PA|sid|SID|KNA|AA"
)
STAFF_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional )?reporting|writing|editing|edited|compiled|research|translated|"
    r"translation|production|produced|graphics?|(?:additional )?contributions?)\s+by\b.{2,300}\)?\.?$",
    re.I,
)
# DW's initials-and-agencies sign-off, "bik/jr (Reuters, AFP)", and the like: "dpa/AFP/AP", "jdw/rs (dpa, AP)".
SIGN_OFF = re.compile(
    rf"^[a-z]{{1,5}}(?:/[a-z]{{1,5}})*\s*\((?:{AGENCY_NAMES})(?:\s*[,/;]\s*(?:{AGENCY_NAMES}))*\)\.?$"
)
AGENCY_ONLY = phrases(
    rf"\(?(?:{AGENCY_NAMES})(?:\s*[,/;&]\s*(?:{AGENCY_NAMES}))*\)?",
    rf"(?:with|avec|mit|con|source|sources|quelle|fuente|agencies|agences|agenturen)\s*:?\s*(?:{AGENCY_NAMES})"
    rf"(?:\s*(?:,|/|and|et|und|y)\s*(?:{AGENCY_NAMES}))*",
    r"(?:with )?(?:wire )?(?:agencies|news agencies|agences|agenturen|agencias)",
    rf"©?\s*(?:copyright\s*)?(?:\d{{4}}\s*)?(?:the )?(?:{AGENCY_NAMES})(?: news)?",
)


@cached
def is_agency_credit(text: str) -> bool:
    text = plain(text)
    return bool(STAFF_CREDIT.match(text) or SIGN_OFF.match(text) or AGENCY_ONLY.match(text))


@rule("agency_credit")
def agency_credit(page, i):
    return is_agency_credit(page.blocks[i].text)
