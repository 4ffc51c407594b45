"""Person names from byline strings: strip roles and boilerplate, split several authors, reject organisations,
agencies, photographers and dates."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^(?:(?:view|see|more) (?:all )?(?:posts|articles|stories) by|(?:written|posted|reported|published|"
    r"compiled|story|text|words|reviewed|fact[- ]checked|updated) by|by|par|von|por|av|door|"
    r"autor(?:in)?|author|auteur|autora|text|texto|reporter|from)\s*:?\s+",
    re.I,
)
_CUT = re.compile(
    r"\s+(?:[|•·—–]|-\s)\s*.*$|\s+(?:on|le|am|el|published|updated|posted)\s+\d.*$|\s*\d{1,2}[:.]\d{2}.*$|"
    r"\s*\b(?:for|für|pour|para)\s+(?:the\s+)?[A-Z][\w ]{1,40}$",
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|\bmit\b|\bavec\b|\bcon\b)\s*", re.I)
ROLE_WORDS = frozenset(
    """reporter reporters correspondent correspondents editor editors writer writers staff contributor
    contributors columnist producer photographer photographers photo photos senior chief news desk team bureau
    service services agency agencies press media newsroom admin administrator editorial the our view posts
    all published updated minutes minute read reading min associate assistant deputy managing political
    business sports science health technology tech autos culture opinion guest special international national
    foreign affairs analyst analysis contributing freelance journalist journalists author authors redaktion
    rédaction redacción correspondant correspondante envoyé spécial sonderkorrespondent korrespondent
    redakteur redakteurin journaliste periodista corresponsal
    company group inc ltd llc gmbh corp corporation network online digital magazine newspaper times post
    daily weekly journal herald tribune gazette blog website site wire wires international""".split()
)
AGENCIES = frozenset(
    "afp ap reuters dpa efe ansa kna epd apa sda belga anp bloomberg upi xinhua tass kyodo pa getty images "
    "shutterstock imago epa sipa associated".split()
)
_PARTICLES = frozenset("de da di del della van von der den du la le bin ibn al el y dos das ten ter st. st".split())
_TOKEN = re.compile(r"^[A-ZÀ-ÝĀ-ſ][\w'’.\-]*$|^[A-Z]\.$")
_URL_OR_MAIL = re.compile(r"https?://|www\.|@|\.com\b|\.org\b")


def is_person(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or len(name) > 60 or _URL_OR_MAIL.search(name):
        return False
    if any(ch.isdigit() for ch in name):
        return False
    lowered = [t.lower().strip(".,") for t in tokens]
    if any(t in ROLE_WORDS or t in AGENCIES for t in lowered):
        return False
    if sum(t.isupper() and len(t) > 1 for t in tokens) == len(tokens) and len(tokens) > 1 and len(name) > 30:
        return False
    return all(_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens) and bool(_TOKEN.match(tokens[-1]))


def person_names(raw: str) -> list[str]:
    """Names of people in a byline string; [] when it names none ("Staff", "AFP", "View all posts")."""
    text = re.sub(r"\s+", " ", raw).strip(" \t:;,.-–—|")
    if not text or len(text) > 300:
        return []
    for _ in range(2):
        text = _PREFIX.sub("", text).strip()
    text = _CUT.sub("", text).strip(" ,;")
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .,;:()[]")
        if part.isupper() and len(part) > 3:
            part = part.title()
        if is_person(part) and part not in names:
            names.append(part)
    return names
