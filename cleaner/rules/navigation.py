"""Skip links, numbered skip menus, section labels and breadcrumbs."""

from __future__ import annotations

import re

from . import phrases, plain, rule, words

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


@rule("skip_link")
def skip_link(page, i):
    return bool(SKIP_LINK.match(plain(page.blocks[i].text)))


_SEPARATOR = re.compile(r"\s[-–—|/›»>•·]\s|\|")
_SECTION_PREFIX = re.compile(r"^[A-Z][\w&.' -]{1,30}\|\S")


@rule("section_label", score=0.9)
def section_label(page, i):
    """'FRANCE - BELGIum', 'Europe|France and Belgium ...': a mostly upper-case label, or a 'Section|' prefix."""
    text = plain(page.blocks[i].text)
    if _SECTION_PREFIX.match(text):
        return True
    if words(text) > 6 or len(text) > 50 or not _SEPARATOR.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


BREADCRUMB = re.compile(
    r"^(?:home|start|startseite|accueil|inicio|portada|news|nachrichten|actualités|noticias)\s*[>›»/|]\s*\S.{0,120}$",
    re.I,
)
_CRUMB_SPLIT = re.compile(r"\s*[>›»/|]\s*")


@rule("breadcrumb", score=0.9)
def breadcrumb(page, i):
    text = plain(page.blocks[i].text)
    if not BREADCRUMB.match(text):
        return False
    parts = _CRUMB_SPLIT.split(text)
    return len(parts) >= 2 and all(words(p) <= 6 for p in parts)
