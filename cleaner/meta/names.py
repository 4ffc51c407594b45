"""Person names from byline strings: strip the "By"/"View all posts by" boilerplate, roles ("Senior Autos
Reporter"), dates and affiliations, split several authors, and reject organisations, agencies, photographers,
desks and the site's own name.

Two strictnesses. A "By ..." line in running text must look like a name (two to five capitalised words). A field
the page declares as its author (JSON-LD Person, meta author, rel/itemprop/class author) may also hold a single
given name or a handle ("Susan", "gizzmo"): that is how the page names its author, so it is kept.
"""

from __future__ import annotations

import html
import re

from ..repair import undouble
from ..textcache import text_cache

_PREFIX = re.compile(
    r"^(?:(?:view|see|read|more|show) (?:all |more )?(?:posts|articles|stories|entries|beiträge) (?:by|from|von)|"
    r"alle beiträge von|(?:all )?(?:posts|articles|stories) by|"
    r"(?:written|posted|reported|published|compiled|story|text|words|reviewed|fact[- ]checked|updated|created|"
    r"edited|curated|submitted|presented|hosted|interview) by|"
    r"(?:un |une )?(?:article|artikel|beitrag|rezept|text|ein beitrag|un documentaire|un reportage|publié|"
    r"écrit|rédigé|veröffentlicht|geschrieben|verfasst|erstellt|gepostet|publicado|escrito) (?:von|par|por|de)|"
    r"by|par|von|vom|por|av|durch|"
    r"autor(?:in|en|/in|\*in|:in)?|author(?:s)?|contributors?|auteur(?:e|s)?|autora|autore|text|texto|reporter|written|from|"
    r"about the author|über den autor|à propos de l'auteur)\b\s*:?\s*",
    re.I,
)
# A photo or illustration credit is not a byline: its names are photographers.
PHOTO_CREDIT = re.compile(
    r"^\W*(?:photo(?:graph)?s?|images?|pictures?|illustrations?|fotos?|bild(?:er)?|crédits? photos?|video|"
    r"graphics?|grafik)\b\s*(?:by|von|par|de|:|/|©)|^\W*(?:©|\(c\)|copyright)",
    re.I,
)
# What follows a name in a byline: a date or time, a separator and more, "on ..." / "am ...", "for The Paper".
_CUT = re.compile(
    r"\s+(?:[|•·»—–]|-\s|\|)\s*.*$|\s+-$|\s+(?:on|le|am|el|il|the)\s+\d.*$|\s+on behalf of\b.*$|"
    r"\s+(?:last\s+|zuletzt\s+)?(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|"
    r"publicado)\b.*$|\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d.*$|"
    r"\s*\b\d{1,2}[:.h]\d{2}\b.*$|\s*\b\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\b.*$|"
    r"\s*\b(?:(?:on|le|am|el|the)\s+)?(?:\d{1,2}\.?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|"
    r"juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)"
    r"[a-zéû]*\.?\s+\d{1,4}\b.*$|"
    r"\s*\b(?:for|für|pour|para)\s+(?:the\s+|die\s+|der\s+|das\s+|le\s+|la\s+)?[A-Z][\w .&'-]{1,40}$|"
    r"\s*\b(?:\d+\s+)?(?:min(?:ute)?s?|minuten)\s+(?:read|lesezeit|de lecture)\b.*$|\s+\d+$",
    re.I,
)
# A label glued to the name by the markup ("Arricca Elin SanSonePublished Jan 5"): case tells where it starts.
_GLUED_LABEL = re.compile(r"(?<=[a-zà-ÿ])(?:Published|Updated|Posted|Veröffentlicht|Aktualisiert|Publié)\b.*$")
_SEPARATORS = re.compile(r"\s+(?:[|•·»—–]|-|\|)\s+|\s*[|•·»]\s*")
_SPLIT = re.compile(
    r"\s*(?:,|;|&|\+|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|\bmit\b|\bavec\b|\bcon\b|\bsowie\b)\s*", re.I
)
_URL_OR_MAIL = re.compile(r"https?://|www\.|\S@\S|\[email|\.(?:com|org|net|de|fr|uk|io)\b", re.I)
HONORIFICS = frozenset("dr dr. prof prof. mr mr. mrs mrs. ms ms. mag. dipl. ing. sir dame".split())
ROLE_WORDS = frozenset(
    """reporter reporters correspondent correspondents editor editors writer writers staff contributor
    contributors columnist columnists producer photographer photographers photo photos senior chief desk
    newsdesk team bureau service agency agencies newsroom admin administrator editorial the our view posts all
    published updated minutes minute read reading min associate assistant deputy managing political business
    sports science health technology tech autos culture opinion guest special international national foreign
    affairs analyst analysis contributing freelance journalist journalists author authors redaktion
    redaktionen rédaction redacción redazione correspondant correspondante envoyé spécial sonderkorrespondent
    korrespondent korrespondentin redakteur redakteurin journaliste periodista corresponsal blog website site
    wire wires official founder ceo cto coo cfo president director manager head lead consultant expert experts
    experte expertin former professor lecturer researcher student intern anchor host presenter moderator
    volunteer member members webmaster webteam communications content support customer clinician unknown
    anonymous user nutzer gast follow folge profile profil firm firms""".split()
)
# A part naming a group is not a person, whatever comes before ("TOI Lifestyle Desk", "ACO Rankings Team").
GROUP_WORDS = frozenset(
    """staff team desk newsdesk editors editorial redaktion rédaction redacción redazione newsroom bureau
    contributors writers reporters group network wire wires agency agencies""".split()
)
GENERIC = frozenset(
    """undefined null none unknown anonymous anónimo anonyme guest admin administrator user webmaster publisher
    protected kategorien categories category tags veröffentlicht publié publicado monday tuesday wednesday
    thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag zur zum alle
    beiträge artikelübersicht übersicht quelle quellen source sources fuente wordpress drupal joomla""".split()
)
# An article or a national adjective opens an organisation's name ("Die FURCHE", "El Mostrador", "Deutsche
# Welle"), and so does a word ending like a publication or an office ("Badische Zeitung", "Auswärtiges Amt").
ORGANISATION_START = frozenset("the die der das el la le les los las il lo l'".split())
_ORGANISATION_PART = re.compile(
    r"(?:zeitung|nachrichten|presse|magazin|verband|verlag|ministerium|fraktion|^amt|\w{4,}amt|kammer|gesellschaft|"
    r"stiftung|institut|blatt|kurier|anzeiger|rundschau|welle|funk|rundfunk|kitchens?|deutschland|"
    r"^deutsche[rs]?|^bundes\w*|^europäische[rs]?|^\w{3,}ische[rs]?|^national\w*)$",
    re.I,
)
AGENCIES = frozenset(
    "afp ap reuters dpa efe ansa kna epd apa sda belga anp bloomberg upi xinhua tass kyodo pa getty images "
    "shutterstock imago epa sipa associated keystone jiji yonhap".split()
)
# Words that make a part an organisation's name ("British Heart Foundation", "USA Today"): never trimmed to
# the words before them, always rejected.
ORGANISATION_WORDS = frozenset(
    """company group inc inc. ltd ltd. llc gmbh ag corp corporation network online digital magazine newspaper
    times post daily weekly journal herald tribune gazette today news foundation association society council
    ministry department office centre center school college academy university institute hospital church club
    e.v. verein gemeinde stadt community forum marketing agency press media services solutions games studios
    studio entertainment publishing publishers productions records union bund illustrierte organization
    organisation""".split()
)
_PARTICLES = frozenset("de da di del della van von der den du la le bin ibn al el y dos das ten ter st. st zu".split())
_CAPITALISED = re.compile(r"^(?:[A-ZÀ-ÝĀ-ſ][\w'’.\-]*|[A-Z]\.|O'[A-Z]\w*|Mc[A-Z]\w*)$")
_GLUED = re.compile(r"[a-zà-ÿ]{4,}[A-ZÀ-Ý]")  # "CategoryBy": two words run together, not a name
_HANDLE = re.compile(r"^[^\W\d_][\w'’\-]{1,30}$")  # "gizzmo", "Herr_Rein", "StephenT"
_LOWER_NAME = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'’\-]+(?: [a-zà-ÿ][a-zà-ÿ'’\-]+){1,3}$")  # "kirstin boatto"
MAX_NAME_CHARS = 60
SHORT_HANDLE = 3
MAX_RAW_CHARS = 300  # a longer "byline" is a bio or a whole header: names found in it are a guess


def _lowered(tokens: list[str]) -> list[str]:
    return [t.lower().strip(".,:;()") for t in tokens]


def _is_role(token: str) -> bool:
    """A role word, also inside a compound ("FOCUS-Online-Experte")."""
    return token in ROLE_WORDS or ("-" in token and any(p in ROLE_WORDS for p in token.split("-")))


def is_person(name: str, lenient: bool = False) -> bool:
    """A person's name: two to five capitalised words (particles and initials allowed); `lenient` also takes a
    single given name or handle, or an all-lower-case name."""
    tokens = name.split()
    if not tokens or len(name) > MAX_NAME_CHARS or _URL_OR_MAIL.search(name) or any(c.isdigit() for c in name):
        return False
    lowered = _lowered(tokens)
    if any(_is_role(t) or t in ORGANISATION_WORDS or t in AGENCIES or t in GENERIC for t in lowered):
        return False
    if lowered[0] in ORGANISATION_START and len(tokens) > 1 or any(_ORGANISATION_PART.search(t) for t in lowered):
        return False
    if any("admin" in t for t in lowered):
        return False
    if len(tokens) == 1:
        short_lower = len(name) <= SHORT_HANDLE and name.islower()  # "mf", "det": initials or a desk code
        return lenient and bool(_HANDLE.match(name)) and lowered[0] not in _PARTICLES and not short_lower
    if len(tokens) > 5:
        return False
    if lenient and _LOWER_NAME.match(name):
        return True
    names = [t for t, low in zip(tokens, lowered, strict=True) if low not in HONORIFICS]
    if any(_GLUED.search(t) for t in names):
        return False
    return (
        bool(names)
        and all(_CAPITALISED.match(t) or t.lower() in _PARTICLES for t in names)
        and bool(_CAPITALISED.match(names[-1]))
    )


def _name_before_role(part: str) -> str:
    """ "Keith Barry Senior Autos Reporter" -> "Keith Barry": the words before the first role word. A group
    word at the end names a group ("TOI Lifestyle Desk"), which stays whole (and is then rejected)."""
    tokens = part.split()
    lowered = _lowered(tokens)
    if lowered[-1] in GROUP_WORDS or any(t in ORGANISATION_WORDS for t in lowered):
        return part
    for i, token in enumerate(lowered):
        if _is_role(token) and i >= 2:
            return " ".join(tokens[:i])
    return part


def _strip_prefixes(text: str) -> str:
    for _ in range(3):
        stripped = _PREFIX.sub("", text).strip(" :-–—|·•")
        if stripped == text:
            break
        text = stripped
    return text


def _segments(text: str) -> list[str]:
    """A byline line split at its separators: "Dec. 19, 2025 · Niko Matsakis", "Jane Doe | 5 min read"."""
    return [p for p in _SEPARATORS.split(text) if p.strip()]


def person_names(raw: str, lenient: bool = False, sites: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Names of people in a byline string; [] when it names none ("Staff", "AFP", "View all posts")."""
    return list(_person_names(raw, lenient, tuple(sites)))


@text_cache(4096)
def _person_names(raw: str, lenient: bool, sites: tuple[str, ...]) -> tuple[str, ...]:
    """person_names, kept per string: a page's lines are read by the "By" line, name-line and byline-block
    checks in turn."""
    full = re.sub(r"\s+", " ", html.unescape(raw))
    text = full.strip(" \t:;,.-–—|·•")
    if not text or len(text) > MAX_RAW_CHARS or PHOTO_CREDIT.match(text):
        return ()
    text = " ".join(t for t in text.split() if not _URL_OR_MAIL.search(t))
    for segment in _segments(text):
        names = _names_in(segment, lenient, sites, full)
        if names:
            return tuple(names)
    return ()


def _names_in(text: str, lenient: bool, sites, full: str = "") -> list[str]:
    text = _CUT.sub("", _strip_prefixes(_GLUED_LABEL.sub("", text).strip(" :;,.-–—"))).strip(" ,;:-")
    text = undouble(text) or text  # "Olivier Minot Olivier Minot"
    names: list[str] = []
    parts = [_CUT.sub("", _strip_prefixes(p.strip(" .,;:()[]"))).strip(" .,;:()[]") for p in _SPLIT.split(text)]
    parts = [_initial_dot(_unrepeat(p), full) for p in parts if p]
    # A given name or handle alone is a declared author ("Susan", "Maria & Katerina"); in a list with full
    # names it is a role or an affiliation ("Chris Radich, VP, UiPath").
    # ("Frankfurt, Germany" and "Harm, Robert" are a place and a reversed name.)
    lenient = lenient and (len(parts) == 1 or ("," not in text and all(len(p.split()) == 1 for p in parts)))
    for part in parts:
        if part.isupper() and len(part) > 3:
            part = part.title()
        candidate = _name_before_role(part)
        if is_person(candidate, lenient) and not _is_site(candidate, sites):
            if candidate not in names:
                names.append(candidate)
        elif names and len(part.split()) > 1:
            break  # "Name, Role, Employer": after a role, the rest is an affiliation, not more authors
    return names


_LAST_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-Ý]$")


def _initial_dot(part: str, text: str) -> str:
    """ "Juan Carlos Muñoz C." keeps the full stop of its closing initial (stripped with the punctuation)."""
    if _LAST_INITIAL.search(part) and len(part.split()) > 1 and part + "." in text:
        return part + "."
    return part


def _unrepeat(part: str) -> str:
    """A name printed twice by the markup ("Facet Facet", "Bence Kovács Bence": a visible name and its
    screen-reader copy): once."""
    tokens = part.split()
    half = len(tokens) // 2
    if half and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    if len(tokens) >= 3 and tokens[-1] == tokens[0]:
        return " ".join(tokens[:-1])
    return part


def _is_site(name: str, sites: list[str] | tuple[str, ...]) -> bool:
    """The site's own name given as author ("EcoFlow"). A name that reads as a person's ("Kyle Howells") is
    kept even when the site is named after its author."""
    if len(name.split()) > 1 and is_person(name):
        return False
    key = re.sub(r"[\W_]+", "", name.lower())
    return any(key == site or (min(len(site), len(key)) >= 4 and (site in key or key in site)) for site in sites)
