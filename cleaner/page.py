"""The page every stage reads and writes.

A `Page` is its blocks in reading order, each knowing what it is (a paragraph, a heading and its level, a list
item and its depth, a quote, a table cell and where it stands, preformatted text, a caption) and where it stands
(HTML: its element path; text: its layout); what an HTML page declares about itself (`Declared`: its title,
meta tags, JSON-LD, marked authors, titles and times, images); the decisions taken on it (each block's keep,
reason and score; the model's probabilities; the metadata found); and the values derived from it while it is
cleaned (`Page.once`), which live and die with the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy as np

    from .meta import Metadata

T = TypeVar("T")

# What a block is. Segmentation says it; rendering (Markdown, HTML bodies) and the metadata stages read it.
PARAGRAPH = "paragraph"
HEADING = "heading"  # Block.heading holds its level, 1 to 6
ITEM = "item"  # a list item; Block.depth is its list's nesting, 1 for a top-level list
QUOTE = "quote"
CELL = "cell"  # a table cell; Block.row and Block.col say where it stands in its table
PRE = "pre"  # preformatted text (code, poems): its line breaks matter
CAPTION = "caption"  # a figure's caption (<figcaption>, a table's <caption>)
KINDS = (PARAGRAPH, HEADING, ITEM, QUOTE, CELL, PRE, CAPTION)


@dataclass(frozen=True, slots=True)
class Link:
    """An inline link of a block: its text and its address as the page writes it (not resolved)."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Image:
    """An image of an HTML page, with the index of the block it stands before (len(blocks) at the page's end).

    `src` is the address the reader sees (a lazy-loading page's `data-src` or first `srcset` entry when `src` is a
    placeholder), as the page writes it; `figure` the element id of the <figure> it stands in (its caption's blocks
    carry that id in their ancestry), -1 outside one; `path` its ancestors as a block's `path` gives them."""

    src: str
    alt: str
    at: int
    in_figure: bool = False
    figure: int = -1
    path: str = ""
    title: str = ""


@dataclass(slots=True)
class Block:
    """One line (text mode) or one block-level element (HTML mode) of a page, with what the classifier needs."""

    text: str
    index: int = 0
    kind: str = PARAGRAPH  # one of KINDS
    tag: str = "line"  # block tag in HTML mode ("p", "li", "h2", ...); "line" in text mode
    path: str = ""  # ancestors as "tag.class#id" tokens, from the outermost content container down (HTML mode)
    in_content: bool = False  # inside <article>, <main> or an element whose class marks the article body
    ancestry: tuple[int, ...] = ()  # ids of the enclosing elements, outermost first (HTML mode)
    heading: int = 0  # 1..6 for <h1>..<h6> (or a text line that looks like a title), else 0
    depth: int = 0  # how many lists enclose the block (HTML mode)
    row: int = -1  # a table cell's row and column in its table, from 0 (HTML mode); -1 outside tables
    col: int = -1
    link_chars: int = 0  # characters of text inside <a>
    links: tuple[Link, ...] = ()  # the block's inline links (HTML mode)
    # What groups blocks into one structure (HTML mode), as element ids (`Declared.elements` names each): `unit`
    # the innermost list item, table cell, quote, caption or <pre> around the block (one item's paragraphs share
    # it), `group` the innermost list (an item) or table (a cell) around it; -1 for none.
    unit: int = -1
    group: int = -1
    line_break: bool = False  # the block follows one <br> in the same element: a line of a poem or an address
    raw: str | None = None  # a <pre>'s text with its line breaks and spaces (`text` collapses them)
    gap_before: int = 0  # blank lines before this line (text mode)
    lines: tuple[int, int] | None = None  # the first and last of the user's lines it was read from (text mode)
    indent: int = 0  # leading spaces (text mode)
    list_item: bool = False
    keep: bool = True
    reason: str | None = None
    score: float = 0.0  # probability that the block is furniture, as the deciding rule or model saw it
    role: str | None = None  # "headline", "byline", "date" when the block was moved into a record field
    detail: str | None = None  # the evidence behind a removal, for --explain ("on 11 of 12 pages of bbc.co.uk")

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    def drop(self, reason: str, score: float = 1.0, role: str | None = None) -> None:
        self.keep = False
        self.reason = reason
        self.score = score
        if role:
            self.role = role


@dataclass(slots=True)
class Declared:
    """What an HTML page declares about itself, gathered while it is segmented; a text page declares nothing."""

    title: str | None = None  # <title>
    meta: dict[str, list[str]] = field(default_factory=dict)  # meta tags' contents by lower-cased name or property
    json_ld: list[Any] = field(default_factory=list)  # the parsed JSON-LD payloads
    times: list[dict] = field(default_factory=list)  # <time> and date-marked elements (segment/candidates.py)
    authors: list[dict] = field(default_factory=list)  # author-marked elements
    titles: list[dict] = field(default_factory=list)  # title-marked elements
    lang: str | None = None  # <html lang>
    canonical: str | None = None  # <link rel="canonical" href>
    base: str | None = None  # <base href>
    elements: dict[int, str] = field(default_factory=dict)  # element id -> its "tag.class#id" token
    images: list[Image] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    """A segmented page: blocks in reading order, what it declares, and what the passes decided about it."""

    blocks: list[Block]
    mode: str  # "html" or "text"
    url: str | None = None
    site: str | None = None  # the site the caller says the page is from (for site templates)
    declared: Declared = field(default_factory=Declared)
    headline: str | None = None  # the decided headline, for rules and fields that look for its repeats
    proba: np.ndarray | None = None  # the learned model's content probability of each block (None without it)
    found: Metadata | None = None  # the metadata the metadata pass read (meta/__init__.py)
    spared: frozenset[int] = frozenset()  # blocks the site template spares from the context pass
    set_aside: list[Block] = field(default_factory=list)  # removed as it was read, never judged (a link list)
    _derived: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str | None:
        return self.declared.title

    def once(self, build: Callable[[Page], T]) -> T:
        """`build(page)`, computed the first time it is asked and kept for the rest of this page's cleaning: a
        scan of the whole page that a rule or a metadata field would otherwise redo for every block it asks
        about (the page's JSON-LD articles, its teaser cues). Block texts no longer change once a page is
        segmented and repaired, which is when these are asked."""
        try:
            return self._derived[build]
        except KeyError:
            value = self._derived[build] = build(self)
            return value
