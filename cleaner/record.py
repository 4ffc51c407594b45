"""The data model every stage shares: a page is a list of Blocks, the result is an Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Keys the cleaner writes; an input field with one of these names is replaced, any other is passed through.
RECORD_FIELDS = ("id", "url", "headline", "byline", "date", "language", "body")


@dataclass(slots=True)
class Block:
    """One line (text mode) or one block-level element (HTML mode) of a page, with what the classifier needs."""

    text: str
    index: int = 0
    tag: str = "line"  # block tag in HTML mode ("p", "li", "h2", ...); "line" in text mode
    path: str = ""  # ancestors as "tag.class#id" tokens, from the outermost content container down (HTML mode)
    in_content: bool = False  # inside <article>, <main> or an element whose class marks the article body
    ancestry: tuple[int, ...] = ()  # ids of the enclosing elements, outermost first (HTML mode)
    heading: int = 0  # 1..6 for <h1>..<h6> (or a text line that looks like a title), else 0
    link_chars: int = 0  # characters of text inside <a>
    gap_before: int = 0  # blank lines before this line (text mode)
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
class Page:
    """A segmented page: blocks in reading order plus metadata candidates found in markup."""

    blocks: list[Block]
    mode: str  # "html" or "text"
    url: str | None = None
    title: str | None = None  # <title> in HTML mode
    meta: dict[str, Any] = field(default_factory=dict)  # candidates: json-ld, og:*, meta author, <time>, lang
    headline: str | None = None  # decided headline, available to rules that look for its repeats

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.keep]


@dataclass(slots=True)
class Article:
    """One cleaned page: the record of DESIGN.md."""

    id: str | None = None
    url: str | None = None
    headline: str | None = None
    byline: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    body: str = ""
    removed: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # where each metadata value came from
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # input fields passed through unchanged

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = dict(self.extra)
        record.pop("error", None)  # only a record that could not be cleaned says `error` (README, "Hostile input")
        record.update(
            id=self.id,
            url=self.url,
            headline=self.headline,
            byline=list(self.byline),
            date=self.date,
            language=self.language,
            body=self.body,
        )
        if explain:
            record["removed"] = list(self.removed)
            record["sources"] = dict(self.sources)
        if self.error is not None:
            record["error"] = self.error
        return record

    @classmethod
    def failed(cls, error: str, id: str | None = None, url: str | None = None, extra=None) -> Article:
        return cls(id=id, url=url, error=error, extra=dict(extra) if isinstance(extra, dict) else {})
