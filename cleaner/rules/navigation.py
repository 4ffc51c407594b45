"""Skip links, numbered skip menus, section labels, breadcrumbs and links to an author's archive."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, phrases, plain, words

SKIP_LINK = phrases(
    r"skip (?:to|navigation)(?: the)?(?: main| primary)? ?(?:content|navigation|menu|main menu|search|footer|"
    r"article|links?|more [\w ]{1,30}|[\w ]{1,20} (?:sites|content))?",
    r"jump to (?:main )?(?:content|navigation|search)",
    r"(?:aller|passer|accéder)(?: directement)? (?:au|à la|aux) (?:contenu|navigation|menu|recherche|pied de page)"
    r"(?: principale?)?",
    r"(?:direkt )?(?:zum|zur) (?:inhalt|hauptinhalt|hauptmenü|menü|navigation|suche|hauptnavigation|fußzeile)"
    r"(?: springen| wechseln| gehen)?",
    r"springe? (?:zum|zur) (?:inhalt|navigation|suche)",
    r"(?:navigation|inhalt|menü) überspringen",
    r"(?:saltar|ir|pasar) (?:al|a la|a) (?:contenido|menú|navegación|búsqueda|pie de página)(?: principal)?",
)


@line_rule(reasons.SKIP_LINK)
def skip_link(text):
    """ "Skip to content", "Aller au contenu": a link that lets keyboard users jump past the menu."""
    return bool(SKIP_LINK.match(plain(text)))


MENU_LABEL = phrases(
    r"(?:main |open |close |toggle )?(?:menu|navigation)|toggle navigation|hamburger menu|search|close|"
    r"(?:menü|navigation) (?:öffnen|schließen)|suche|suchen|menü|hauptmenü|startseite",
    r"rechercher|recherche|ouvrir le menu|fermer(?: le menu)?|menu principal|accueil",
    r"buscar|búsqueda|abrir menú|cerrar(?: menú)?|menú(?: principal)?|inicio|portada",
)


@line_rule(reasons.MENU_LABEL, score=0.9)
def menu_label(text):
    """ "Menu", "Search", "Startseite", "Rechercher": the words of a site's menu bar."""
    return bool(MENU_LABEL.match(plain(text)))


_SEPARATOR = re.compile(r"\s[-–—|/›»>•·]\s|\|")
_LABEL_PART = re.compile(r"^[^\W\d_][\w&.'’ -]*$")
# "Europe|France and Belgium ...": a section name glued to the headline by a bar.
_SECTION_PREFIX = re.compile(r"^[A-ZÀ-Ý][\w&.'’ -]{0,29}[^\W\d]\|[A-ZÀ-Ý\"“'‘]")
LABEL_WORDS = 6


def _upper_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


@line_rule(reasons.SECTION_LABEL, score=0.9)
def section_label(line):
    """'FRANCE - BELGIum', 'Europe|France and Belgium ...': an upper-case label of a few words between
    separators (not a table row or a time range: no digits or brackets), or a 'Section|' prefix."""
    text = plain(line)
    if "|" in text and _SECTION_PREFIX.match(text):  # the prefix holds a bar: most lines need no match
        return True
    if words(text) > LABEL_WORDS or len(text) > 50 or not _SEPARATOR.search(text):
        return False
    parts = [p.strip() for p in _SEPARATOR.split(text)]
    if len(parts) < 2 or not all(_LABEL_PART.match(p) for p in parts):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 4 and _upper_share(parts[0]) >= 0.8 and _upper_share(text) >= 0.6


BREADCRUMB = re.compile(
    r"^(?:home|start|startseite|accueil|inicio|portada|news|nachrichten|actualités|noticias)\s*[>›»/|]\s*\S.{0,120}$",
    re.I,
)
_CRUMB_SPLIT = re.compile(r"\s*[>›»/|]\s*")


@line_rule(reasons.BREADCRUMB, score=0.9)
def breadcrumb(line):
    """ "Home > News > World": the trail of sections above an article."""
    text = plain(line)
    if not BREADCRUMB.match(text):
        return False
    parts = _CRUMB_SPLIT.split(text)
    return len(parts) >= 2 and all(words(p) <= 6 for p in parts)


_AUTHOR = r"(?-i:[A-ZÀ-Ý])\S*(?:\s+\S+){0,4}"  # a name: up to five words, the first capitalised
AUTHOR_ARCHIVE = re.compile(
    rf"(?:(?:view|see|read|browse|show)\s+)?(?:all|more)\s+(?:posts|articles|stories|entries|columns)\s+by\s+{_AUTHOR}|"
    rf"(?:alle|weitere|mehr)\s+(?:beiträge|artikel|texte)\s+(?:von|des autors|der autorin)\s+{_AUTHOR}|"
    rf"(?:voir\s+)?(?:tous les|les autres|plus d['’])\s*(?:articles|billets|publications)\s+(?:de|d['’])\s*{_AUTHOR}|"
    rf"(?:ver\s+)?(?:todos los|más)\s+(?:artículos|posts|textos|publicaciones)\s+(?:de|del)\s+{_AUTHOR}",
    re.I,
)


@line_rule(reasons.AUTHOR_ARCHIVE)
def author_archive(line):
    """ "View all posts by Ray Ansari", "Alle Artikel von Anna Schmidt": the link to the author's other pieces."""
    return AUTHOR_ARCHIVE.fullmatch(plain(line).rstrip(" .:»›>→")) is not None
