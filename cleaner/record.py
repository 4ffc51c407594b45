"""The record: one Article per input. Its fields are the one schema that every writer and integration reads
(JSON Lines, plain text, Parquet, the Scrapy item, datatrove's metadata): `FIELDS` lists them with their type
and when they are written."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .page import Block

# Kinds of error record: what went wrong, for counting and routing (`error_kind`); `error` says it in words.
NOT_FOUND = "not_found"  # an input names no file (no such file or folder, a pattern that matches none)
UNREADABLE = "unreadable"  # the input could not be read (a file, a truncated gzip, a broken WARC record)
INVALID_JSON = "invalid_json"  # a JSON line that is not JSON, or not an object
NO_CONTENT = "no_content"  # nothing to clean: an empty file or payload, no html or text field
NOT_A_PAGE = "not_a_page"  # the content is no text (not str or bytes, or no encoding reads it)
TOO_LARGE = "too_large"  # past a size cap (limits.py)
TIMEOUT = "timeout"  # past the time limit
OUT_OF_MEMORY = "out_of_memory"
UNPARSABLE = "unparsable"  # the page broke a parser or a cap on its structure
INTERNAL = "internal"  # a bug: the message says where
NOT_ARTICLE = "not_article"  # with --articles-only: a page that is no article (a listing, an error page...)
ERROR_KINDS = (
    NOT_FOUND,
    UNREADABLE,
    INVALID_JSON,
    NO_CONTENT,
    NOT_A_PAGE,
    TOO_LARGE,
    TIMEOUT,
    OUT_OF_MEMORY,
    UNPARSABLE,
    INTERNAL,
    NOT_ARTICLE,
)
REJECTIONS = frozenset((NOT_ARTICLE,))  # kinds that are a choice of the run, not a failure

# When a field is written: on every record, on records of a run with --explain, or on error records only.
ALWAYS, EXPLAIN, ON_ERROR = "always", "explain", "error"
# What a field holds, for writers that need a type (Parquet): a text, a list of texts, a text -> text mapping,
# or a list of records of one shape (`ITEMS` gives each shape).
TEXT, TEXTS, MAPPING, REMOVALS, IMAGES, COMMENTS = "text", "texts", "mapping", "removals", "images", "comments"
# A removed block in `removed`: its text, the reason (a rule's or a pass's name), the score, the evidence, and in
# scraped text the first and last of the user's lines it was read from (1-based).
REMOVAL = {"text": TEXT, "reason": TEXT, "score": "number", "detail": TEXT, "lines": "numbers"}
IMAGE = {"src": TEXT, "alt": TEXT, "caption": TEXT, "credit": TEXT}  # an in-article image in `images`
COMMENT = {"author": TEXT, "date": TEXT, "text": TEXT}  # a reader's comment in `comments`
ITEMS = {REMOVALS: REMOVAL, IMAGES: IMAGE, COMMENTS: COMMENT}
# What a page can be (`page_type`); `--articles-only` rejects all but the first.
ARTICLE, LISTING, ERROR_PAGE, OTHER = "article", "listing", "error", "other"
PAGE_TYPES = (ARTICLE, LISTING, ERROR_PAGE, OTHER)


def _field(kind: str, written: str = ALWAYS, metadata: bool = False, default: Any = None, factory=None) -> Any:
    info = {"kind": kind, "written": written, "metadata": metadata}
    if factory is not None:
        return field(default_factory=factory, metadata=info)
    return field(default=default, metadata=info)


@dataclass(slots=True)
class Article:
    """One cleaned page: the record of DESIGN.md."""

    id: str | None = _field(TEXT)
    url: str | None = _field(TEXT)
    canonical_url: str | None = _field(TEXT, metadata=True)
    page_type: str | None = _field(TEXT, metadata=True)  # one of PAGE_TYPES
    headline: str | None = _field(TEXT, metadata=True)
    byline: list[str] = _field(TEXTS, metadata=True, factory=list)
    date: str | None = _field(TEXT, metadata=True)
    modified: str | None = _field(TEXT, metadata=True)
    language: str | None = _field(TEXT, metadata=True)
    site_name: str | None = _field(TEXT, metadata=True)
    description: str | None = _field(TEXT, metadata=True)
    image: str | None = _field(TEXT, metadata=True)  # the lead image's URL
    images: list[dict[str, Any]] = _field(IMAGES, metadata=True, factory=list)  # each an IMAGE
    tags: list[str] = _field(TEXTS, metadata=True, factory=list)
    categories: list[str] = _field(TEXTS, metadata=True, factory=list)
    body: str = _field(TEXT, default="")
    comments: list[dict[str, Any]] = _field(COMMENTS, metadata=True, factory=list)  # each a COMMENT
    removed: list[dict[str, Any]] = _field(REMOVALS, EXPLAIN, factory=list)
    sources: dict[str, str] = _field(MAPPING, EXPLAIN, factory=dict)  # where each metadata value came from
    error: str | None = _field(TEXT, ON_ERROR)
    error_kind: str | None = _field(TEXT, ON_ERROR)  # one of ERROR_KINDS
    extra: dict[str, Any] = field(default_factory=dict)  # input fields passed through unchanged (not a field)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The record: the input's own fields, then the record's. An input field that a record field of the same
        name would replace with another value stays beside it as `input_<name>` (a scraper's own `tags`)."""
        record: dict[str, Any] = dict(self.extra)
        for name in _ON_ERROR:  # only a record that could not be cleaned says `error` (README, "Hostile input")
            record.pop(name, None)
        for spec in FIELDS:
            if spec.written == ALWAYS or spec.written == EXPLAIN and explain:
                value = _copy(getattr(self, spec.name))
            elif spec.written == ON_ERROR and self.error is not None:
                value = getattr(self, spec.name)
            else:
                continue
            if spec.name in self.extra and spec.name not in PASSED and self.extra[spec.name] != value:
                record[f"input_{spec.name}"] = self.extra[spec.name]
            record[spec.name] = value
        return record

    @classmethod
    def failed(
        cls, kind: str, error: str, id: str | None = None, url: str | None = None, extra: dict | None = None
    ) -> Article:
        return cls(id=id, url=url, error=error, error_kind=kind, extra=dict(extra) if isinstance(extra, dict) else {})


PASSED = ("id", "url")  # the input's own id and URL are the record's


def removal(block: Block) -> dict[str, Any]:
    """A removed block as `removed` lists it."""
    entry: dict[str, Any] = {"text": block.text, "reason": block.reason, "score": round(block.score, 3)}
    if block.detail:
        entry["detail"] = block.detail
    if block.lines is not None:
        entry["lines"] = [block.lines[0] + 1, block.lines[1] + 1]
    return entry


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return dict(value) if isinstance(value, dict) else value


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str  # TEXT, TEXTS, MAPPING, or a list of ITEMS (REMOVALS, IMAGES, COMMENTS)
    written: str  # ALWAYS, EXPLAIN or ON_ERROR
    metadata: bool  # read from the page by the passes (meta/), not made by the pipeline (id, url, body, removed...)


FIELDS = tuple(
    FieldSpec(f.name, f.metadata["kind"], f.metadata["written"], f.metadata["metadata"])
    for f in fields(Article)
    if "kind" in f.metadata
)
NAMES = tuple(spec.name for spec in FIELDS)
_ON_ERROR = tuple(spec.name for spec in FIELDS if spec.written == ON_ERROR)
METADATA_FIELDS = tuple(spec.name for spec in FIELDS if spec.metadata)


def written(explain: bool = False, error: bool = False) -> tuple[str, ...]:
    """The names of the fields a record carries: always, with --explain, on an error record."""
    return tuple(
        spec.name
        for spec in FIELDS
        if spec.written == ALWAYS or spec.written == EXPLAIN and explain or spec.written == ON_ERROR and error
    )
