"""Authors as a list of person names.

Declared: JSON-LD `author` (a Person, never an Organization), meta author tags, and the unfurl card's "Written
by" field (twitter:label1/twitter:data1) when the page shows that name. Shown: author marks in the page
(rel=author, itemprop=author, "byline"/"author" classes) outside teasers, comments and captions, and "By ..."
lines. When both exist and name someone in common, the shown one wins (it is what readers see, co-authors
included); when they name different people the declared one is trusted less than the shown one only if the
shown one comes from a "By" line or an author mark in the article's header.
Text: "By ..." lines, then "(Reporting by X; Editing by Y)" credits (X only).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..segment.candidates import place_of
from . import ld
from .dateclues import header_range, headline_at, of_article, under_headline
from .names import person_names
from .sitename import site_names

BY_LINE = re.compile(
    r"^(?:(?:written|posted|reported|story|words|text|article|published|veröffentlicht|geschrieben|publié|"
    r"écrit|publicado|escrito) (?:by|von|par|por)|by|par|von|por)\s*:?\s+\S|"
    r"^(?:autor(?:in|en)?|authors?|auteurs?|contributors?|texto|text)\s*:\s*\S",
    re.I,
)
# "Posted on March 3, 2025 by Jane Doe", "Last updated March 3, 2025 by Erik Demaine."
BY_AFTER_DATE = re.compile(
    r"^(?:(?:posted|published|updated|last updated|veröffentlicht|publié)(?: on| am| le)?\s+)?"
    r"[\w.,: ]{4,40}?\d{4}\s*,?\s+(?:by|von|par|por)\s+(?P<rest>.+)$",
    re.I,
)
# "By" and the name in two inline elements with nothing between them: "ByDaryl Austin".
GLUED_BY = re.compile(r"^(By|Par|Von|Por)(?=[A-ZÀ-Ý][a-zà-ÿ])")
_BY_WORD = re.compile(r"\s(?:by|von|par|por)\s", re.I)
# A label on a line of its own, the name on the next: "Written by" / "Edzel Tabing", "Author" / "Lisa D. Ellis".
# "Authors" alone is a menu's link to the authors' index ("Authors" / "Contact Us"); "Authors:" is a label.
BY_LABEL = re.compile(
    r"^(?:(?:written by|posted by|article by|story by|words by|by|author|autor(?:in)?|auteur|von|par|"
    r"text|texto)\s*:?|authors\s*:)$",
    re.I,
)
_BIO = re.compile(r"^(?P<name>(?:[A-ZÀ-Ý][\w'’.\-]+ ){1,3}[A-ZÀ-Ý][\w'’.\-]+) (?:is|was|ist|est|es|writes) ")
REPORTING_BY = re.compile(r"^\(?\s*(?:additional )?reporting by\s+(?P<names>[^;)]+)", re.I)
BY_LINE_WORDS = 14  # a "By ..." line longer than this is a sentence, not a byline
# A blog's filing line, "by Jane Doe | Mar 11, 2023 | Brakes, Repair": only its part before a separator must be short
META_SEPARATOR = re.compile(r"\s[|•·]\s")
META_KEYS = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
)
# The unfurl card's labelled fields (Yoast and kin): twitter:label1 "Written by", twitter:data1 "Jane Doe".
WRITTEN_BY = frozenset({"written by", "author", "geschrieben von", "verfasst von", "écrit par", "escrito por"})
ORGANISATIONS = frozenset({"organization", "newsmediaorganization", "corporation", "educationalorganization"})
SHOWN_ORDER = ("rel-author", "itemprop-author", "by-line", "by-label", "class-author", "href-author")
MAX_MARK_CHARS = 160  # a longer author mark is a bio box, not a byline
BYLINE_BLOCK_WORDS = 16  # a longer line that names the author is a sentence about them, and stays


@dataclass(frozen=True, slots=True)
class Byline:
    names: tuple[str, ...]
    source: str
    blocks: tuple[int, ...] = ()  # the lines it was read from; they leave the body


def _key(byline: Byline) -> frozenset[str]:
    return frozenset(n.lower() for n in byline.names)


def _ld_bylines(page: Page, sites: list[str]) -> list[Byline]:
    """The article object's authors. One given only as an {"@id": ...} reference is looked up in the graph,
    where CMSs (Yoast and kin) name the post's account for every post, shown or not: such a name counts only
    when the page writes it."""
    for obj in ld.page_articles(page):
        authors = obj.get("author") or obj.get("creator")
        if not authors:
            continue
        names: list[str] = []
        for author in authors if isinstance(authors, list) else [authors]:
            found = ld.resolve(page, author)
            if isinstance(found, dict) and ld.types(found) & ORGANISATIONS:
                continue
            text = ld.text_of(found)
            if not text:
                continue
            for name in person_names(text, lenient=True, sites=sites):
                if name not in names and (found is author or _visible(page, name)):
                    names.append(name)
        return [Byline(tuple(names), "json-ld")] if names else []
    return []


def declared_bylines(page: Page, sites: list[str]) -> list[Byline]:
    found = _ld_bylines(page, sites)
    meta = page.declared.meta
    for key in META_KEYS:
        names: list[str] = []
        for value in meta.get(key, []):
            names.extend(n for n in person_names(value, lenient=True, sites=sites) if n not in names)
        if names:
            found.append(Byline(tuple(names), f"meta:{key}"))
    card = _card_byline(page, meta, sites)
    if card is not None:
        found.append(card)
    return found


def _card_byline(page: Page, meta: dict[str, list[str]], sites: list[str]) -> Byline | None:
    """The author the page's unfurl card labels "Written by" (twitter:label1/twitter:data1, up to four pairs),
    when the page also writes the name: CMSs fill the card with the posting account's name, shown or not."""
    for n in range(1, 5):
        labels, values = meta.get(f"twitter:label{n}"), meta.get(f"twitter:data{n}")
        if labels and values and labels[0].strip().lower() in WRITTEN_BY:
            names = [name for name in person_names(values[0], lenient=True, sites=sites) if _visible(page, name)]
            return Byline(tuple(names), f"meta:twitter:data{n}") if names else None
    return None


def _unglue(text: str) -> str:
    glued = GLUED_BY.match(text)
    return text if glued is None else f"{glued.group(1)} {text[glued.end() :]}"


def _may_be_by_line(text: str) -> bool:
    """Whether BY_LINE or _BY_WORD can match: each needs "by", "von", "par" or "por" in the line, or a label
    starting it with "aut" ("Autor:", "Authors:"), "contr" ("Contributors:") or "text" ("Text:", "Texto:"). None
    of their letters has a case-insensitive twin other than its capital, so the lowered line holds them as
    written. Most lines hold none, and this test is several times cheaper than the patterns."""
    low = text.lower()
    return "by" in low or "von" in low or "par" in low or "por" in low or low.startswith(("aut", "contr", "text"))


def by_line_names(text: str, sites: list[str]) -> list[str]:
    """The names of a "By ..." line ("By Jane Doe", "Posted on May 1, 2025 by Jane Doe"); [] for any other."""
    if not _may_be_by_line(text):
        return []
    text = _unglue(text)
    match = BY_LINE.match(text)
    if not match and not _BY_WORD.search(text):
        return []
    if len(text.split()) > BY_LINE_WORDS and len(META_SEPARATOR.split(text, maxsplit=1)[0].split()) > BY_LINE_WORDS:
        return []
    if match:
        names = person_names(text, sites=sites)
        # The name comes right after "By": "By using Conductor, you agree to our ... Privacy Policy" names no one.
        after = text[match.end() - 1 :].lstrip(" :").casefold()
        return names if names and after.startswith(names[0].split()[0].casefold().rstrip(".")) else []
    match = BY_AFTER_DATE.match(text)
    return person_names(match.group("rest"), sites=sites) if match else []


def _by_lines(page: Page, sites: list[str]) -> Iterator[Byline]:
    """The page's "By" lines (and "Written by" labels with the name on the next line), in page order."""
    blocks = page.blocks
    header = under_headline(headline_at(page))
    for i, block in enumerate(blocks):
        text = block.text.strip()
        names = by_line_names(text, sites)
        source, lines = "by-line", (i,)
        if not names and BY_LABEL.match(text) and i + 1 < len(blocks):
            names = person_names(blocks[i + 1].text, sites=sites)
            source, lines = "by-label", (i, i + 1)
        if not names:
            continue
        if page.mode == "html" and not of_article(place_of(block.path.split()), block.in_content, i, header):
            continue
        yield Byline(tuple(names), source, lines)


def shown_bylines(page: Page, sites: list[str], aside: bool = False) -> list[Byline]:
    """Author marks and "By" lines, in page order. With `aside`, only the explicit author marks (not links to
    author pages) that stand in an aside or a footer within the page's content: an article's info card
    ("Author: Jane Doe" in an <aside>), a post's own footer, trusted when nothing else names an author."""
    found = []
    last_tag = None
    header = under_headline(headline_at(page))
    for mark in page.declared.authors:
        text = mark["text"] or ""
        inside = of_article(mark["place"], mark.get("in_content", False), mark["at"], header)
        if aside:
            in_card = mark.get("in_content", False) and mark["place"] in ("aside", "footer")
            if inside or not in_card or mark["source"] == "href-author":
                continue
        elif not inside:
            continue
        bio = _BIO.match(text)
        if bio:  # an author box: "Lauren Vetter is a growth-focused marketer ..."
            text = bio.group("name")
        if len(text) <= MAX_MARK_CHARS:
            # A link to an author page is also how teasers and "more by" links point: it must read as a name.
            names = person_names(text, lenient=mark["source"] != "href-author", sites=sites)
            if not names:
                continue
            last = found[-1] if found else None
            if last and last[0] == mark["at"] and last[1].source == mark["source"] and last_tag == mark["tag"] == "a":
                # Co-authors linked one by one on the same line: one byline. (Other marks on one line nest: a
                # byline box and the name inside it.)
                merged = last[1].names + tuple(n for n in names if n not in last[1].names)
                found[-1] = (mark["at"], Byline(merged, mark["source"]))
            else:
                found.append((mark["at"], Byline(tuple(names), mark["source"])))
            last_tag = mark["tag"]
    if not aside:
        found.extend((b.blocks[0], b) for b in _by_lines(page, sites))
    # In page order; on one line, the most telling source first.
    found.sort(key=lambda item: (item[0], SHOWN_ORDER.index(item[1].source)))
    return [b for _, b in found]


def _visible(page: Page, name: str) -> bool:
    """The name is written in the page's text."""
    return name.lower() in page.once(_lower_text)


def _lower_text(page: Page) -> str:
    return "\n".join(b.text for b in page.blocks).lower()


def _in_header(page: Page, byline: Byline) -> bool:
    """The line stands around the headline, where an article's own byline is (not in a card further down)."""
    at = headline_at(page)
    return at is not None and bool(byline.blocks) and byline.blocks[0] in header_range(at)


def _choose(page: Page, declared: list[Byline], shown: list[Byline]) -> Byline | None:
    if not declared:
        return shown[0] if shown else None
    if not shown:
        return declared[0]
    for candidate in shown:
        for other in declared:
            if _key(candidate) & _key(other):
                # Same people: the fuller list, worded as the page shows it when it is not shorter.
                return other if _key(candidate) < _key(other) else candidate
    if shown[0].source in ("by-line", "by-label") and _in_header(page, shown[0]):
        # The page says "By Jane Doe" above the article while its markup names someone else (the account that
        # posted it, a template's default): readers see the line.
        return shown[0]
    return declared[0]


def html_byline(page: Page) -> Byline | None:
    sites = site_names(page)
    chosen = _choose(page, declared_bylines(page, sites), shown_bylines(page, sites))
    if chosen is None:
        marks = shown_bylines(page, sites, aside=True)
        chosen = marks[0] if marks else None
    return chosen or reporting_credit(page)


def text_byline(page: Page) -> Byline | None:
    """A "By ..." line, else the reporter of a "(Reporting by X; Editing by Y)" credit."""
    first = next(_by_lines(page, []), None)  # the lines after it are not read
    return first if first is not None else reporting_credit(page)


def reporting_credit(page: Page) -> Byline | None:
    """The reporter of a "(Reporting by X; Editing by Y)" credit: X, never the editors."""
    for i, block in enumerate(page.blocks):
        match = REPORTING_BY.match(block.text.strip())
        if match:
            names = person_names(match.group("names"))
            if names:
                return Byline(tuple(names), "reporting-credit", (i,))
    return None


def byline_blocks(page: Page, byline: Byline) -> list[int]:
    """Lines that carry the byline and little else ("By Jane Doe", "Jane Doe | March 3, 2025"): "By" lines and
    the short lines holding an author mark, when they name the byline's people."""
    found = set(byline.blocks)
    wanted = {n.lower() for n in byline.names}
    marked = {mark["at"] for mark in page.declared.authors}
    for i, block in enumerate(page.blocks):
        if i in found or len(block.text.split()) > BYLINE_BLOCK_WORDS:
            continue
        if not (BY_LINE.match(_unglue(block.text.strip())) or i in marked):
            continue
        if {n.lower() for n in person_names(block.text, lenient=True)} & wanted:
            found.add(i)
    return sorted(found)
