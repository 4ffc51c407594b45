"""The article's headline.

HTML: the title the page shows (its <h1>, or an element marked as the entry's title) when it agrees with a title
the page declares (JSON-LD headline, og:title, twitter:title, <title>, each without the site name); a shown title
that agrees with none is a logo or a section name, and the declared titles then decide among themselves.
Text: see titleline.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lines import NON_WORD
from ..page import Page
from ..segment.candidates import place_of
from . import ld
from .sitename import is_site, site_names, strip_site

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
DECLARED_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "parsely-title", "sailthru.title")
SHOWN_AGREES = 0.5  # token overlap (Dice) above which a shown title and a declared one name the same article
HEADING_AGREES = 0.8  # an <h2>/<h3> must agree more: pages use them for every section and teaser
DECLARED_AGREES = 0.8
MIN_CHARS, MAX_CHARS = 2, 300
PREFIX_CHARS = 10  # a one-word title that starts another agrees only if it is this long
FALLBACK_WORDS = 4  # a shown title that agrees with no declared one still wins if it is this long
MIN_INNER_WORDS = 3  # a declared title shorter than this inside a heading may be a coincidence


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    source: str
    in_content: bool = False


def norm(text: str) -> str:
    return NON_WORD.sub(" ", text.lower()).strip()


def tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.lower()))


def agreement(a: str, b: str) -> float:
    """Dice overlap of the two titles' word sets: 1 for the same words, 0 for none shared. A title that
    starts the other ("Vom Boden aus gedacht" of "Vom Boden aus gedacht - Ann Cotten verwebt ...") agrees."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    shorter, longer = sorted((norm(a), norm(b)), key=len)
    if longer.startswith(shorter + " ") and (len(shorter.split()) >= 2 or len(shorter) >= PREFIX_CHARS):
        return 1.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def declared_titles(page: Page, sites: list[str]) -> list[Title]:
    """Titles from markup, site name stripped, most specific first."""
    found: list[Title] = []
    for obj in ld.page_articles(page)[:1]:
        text = ld.text_of(obj.get("headline")) or ld.text_of(obj.get("name"))
        if text:
            found.append(Title(strip_site(text, sites), "json-ld"))
    meta = page.declared.meta
    for key in DECLARED_KEYS:
        if meta.get(key):
            found.append(Title(strip_site(meta[key][0], sites), key))
    if page.title:
        found.append(Title(strip_site(page.title, sites), "title"))
    return [t for t in found if MIN_CHARS <= len(t.text) <= MAX_CHARS and not is_site(t.text, sites)]


def shown_titles(page: Page, sites: list[str], level: int = 1) -> list[Title]:
    """Visible headings of `level` (1: <h1> and elements marked as the entry's title; 2: <h2>/<h3>)."""
    found: list[Title] = []
    if level == 1:
        for mark in page.declared.titles:
            if mark["place"] == "page":
                found.append(Title(mark["text"], mark["source"]))
    for block in page.blocks:
        if ((block.heading == 1) if level == 1 else block.heading in (2, 3)) and place_of(block.path.split()) == "page":
            found.append(Title(block.text, f"h{block.heading}", block.in_content))
    return [t for t in found if MIN_CHARS <= len(t.text) <= MAX_CHARS and not is_site(t.text, sites)]


def _agreeing_shown(shown: list[Title], declared: list[Title], floor: float) -> Title | None:
    best, best_key = None, None
    for rank, title in enumerate(shown):
        score = max(agreement(title.text, d.text) for d in declared)
        # Ties: a title inside the article container, then the earlier one.
        key = (score, title.in_content, -rank)
        if score >= floor and (best_key is None or key > best_key):
            best, best_key = title, key
    return best


def _consensus(declared: list[Title]) -> Title | None:
    """The declared title most others agree with; ties go to the more specific source. A truncated one
    ("... via...") only when it is alone."""
    best, best_key = None, None
    for rank, title in enumerate(declared):
        votes = sum(agreement(title.text, other.text) >= DECLARED_AGREES for other in declared)
        key = (not _TRUNCATED.search(title.text), votes, -rank)
        if best_key is None or key > best_key:
            best, best_key = title, key
    return best


def _without_kicker(shown: Title, declared: list[Title]) -> Title:
    """A shown heading that carries a kicker, a date or a label before the declared title ("Corona-Pandemie
    „Es kommt ...“", "Dec 18 2025 Preparing ...") gives the declared title itself. (Words after it are a
    subtitle, which the heading keeps.)"""
    key = norm(shown.text)
    for title in declared:
        inner = norm(title.text)
        if inner != key and len(inner.split()) >= MIN_INNER_WORDS and key.endswith(f" {inner}"):
            return Title(title.text, title.source, shown.in_content)
    return shown


def html_headline(page: Page) -> tuple[str, str] | None:
    sites = site_names(page)
    declared = declared_titles(page, sites)
    shown = shown_titles(page, sites)
    if not declared:
        return (shown[0].text, shown[0].source) if shown else None
    chosen = _agreeing_shown(shown, declared, SHOWN_AGREES)
    chosen = chosen or _agreeing_shown(shown_titles(page, sites, level=2), declared, HEADING_AGREES)
    if chosen:
        chosen = _without_kicker(chosen, declared)
    elif shown and len(shown[0].text.split()) >= FALLBACK_WORDS:
        # The page shows a title of its own that its markup words differently ("Top 10: Best Language
        # Learning App" for "Best Apps to Learn a Language in 2025"): readers see the shown one.
        chosen = shown[0]
    else:
        chosen = _consensus(declared)
    return (chosen.text, chosen.source) if chosen else None


def headline_lines(page: Page, headline: str) -> list[int]:
    """Blocks that repeat the headline, alone or with a site name or section label around it."""
    key = norm(headline)
    if not key:
        return []
    sites = site_names(page)
    first = key.split()[0]
    found = []
    for i, block in enumerate(page.blocks):
        if len(block.text) > len(headline) + 80 or first not in block.text.lower():
            continue  # cheap tests first: most lines are not the headline
        text = norm(block.text)
        if text == key:
            found.append(i)
        elif key in text and len(text) <= len(key) + 60 and headline in block.text:
            rest = block.text.replace(headline, " ")
            if len(norm(rest).split()) <= 6 or is_site(rest, sites):
                found.append(i)
    return found
