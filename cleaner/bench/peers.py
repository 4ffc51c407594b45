"""The systems the bench compares, one small adapter each.

An adapter has three parts so that only the system's own work is timed: `prepare` turns the page into the
system's input (untimed), the callable that `load` builds is the system's call (timed), and `finish` turns its
result into an Output for scoring (untimed). `load` imports the system, so running a subset (`--systems cleaner`)
needs none of the others installed.
"""

from __future__ import annotations

import functools
import html as html_lib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..devdata.dumps import html_to_paragraphs
from ..devdata.structure import strip_markdown
from .c4 import c4_clean

Call = Callable[..., Any]  # (prepared input, url) -> raw result; a site-aware call also takes site=
REFERENCE = "trafilatura"  # speeds are reported as a ratio to this system (HTML mode), measured in the same run
BODY_ONLY = frozenset({"body"})
ALL_FIELDS = frozenset({"body", "headline", "byline", "date"})
MARKDOWN = frozenset({"body", "markdown"})


@dataclass(slots=True)
class Output:
    body: str = ""
    headline: str | None = None
    byline: str | list[str] | None = None
    date: str | None = None
    error: str | None = None
    markdown: str | None = None  # a Markdown body as the system wrote it (`body` is its words), for structure
    page_type: str | None = None


def _same(value: Any) -> Any:
    return value


def _body(value: str | None) -> Output:
    return Output(body=value or "")


@dataclass(frozen=True, slots=True)
class System:
    name: str
    mode: str  # "html": gets the page's HTML; "text": gets a plain-text view of it
    load: Callable[[], Call]
    finish: Callable[[Any], Output] = _body
    prepare: Callable[[str], Any] = _same
    fields: frozenset[str] = BODY_ONLY  # what it gives: body and/or headline, byline, date
    about: str = field(default="", compare=False)
    site_aware: bool = False  # its call takes the page's batch site (a cleaner with site templates)


# --- the cleaner, always through its public API, so improvements show up here unchanged -------------------


def _load_cleaner(mode: str, disable: tuple[str, ...] = (), templates: Any = None, markdown: bool = False) -> Call:
    from cleaner import Cleaner

    options = {"body_format": "markdown", "links": True, "images": True} if markdown else {}
    cleaner = Cleaner(mode=mode, disable=disable, templates=templates, **options)
    return lambda content, url, site=None: cleaner.clean(content, url=url, site=site)


def _cleaner(
    mode: str, disable: tuple[str, ...] = (), templates: Any = None, markdown: bool = False
) -> Callable[[], Call]:
    # A partial of a module-level function, not a closure: a System pickles to --jobs workers whole.
    return functools.partial(_load_cleaner, mode, disable, templates, markdown)


def _article(article: Any) -> Output:
    found = Output(article.body, article.headline, list(article.byline), article.date, article.error)
    found.page_type = article.page_type
    return found


def _markdown_article(article: Any, numbers: bool = False) -> Output:
    """A Markdown body: its words scored as the body, the Markdown kept for the structure score. In text mode a
    list's numbers are the dump's own words (`strip_markdown`)."""
    found = _article(article)
    found.markdown, found.body = article.body, strip_markdown(article.body, numbers)
    return found


_markdown_text_article = functools.partial(_markdown_article, numbers=True)


# --- HTML peers ---------------------------------------------------------------------------------------------


def _trafilatura_meta() -> Call:
    from trafilatura import bare_extraction

    # Comments off: every gold here is the article without its comments.
    return lambda html, url: bare_extraction(html, url=url, with_metadata=True, include_comments=False)


def _trafilatura_document(document: Any) -> Output:
    if document is None:
        return Output()
    found = document.as_dict()
    return Output(found.get("text") or "", found.get("title"), found.get("author"), found.get("date"))


def _trafilatura_markdown() -> Call:
    from trafilatura import extract

    return lambda html, url: extract(
        html, url=url, output_format="markdown", with_metadata=False, include_comments=False, include_tables=True
    )


def _markdown(value: str | None) -> Output:
    return Output(body=strip_markdown(value), markdown=value or "")


def _trafilatura_body() -> Call:
    from trafilatura import extract

    return lambda html, url: extract(html, url=url, with_metadata=False, include_comments=False)


def _readability() -> Call:
    from readability import Document

    return lambda html, url: Document(html, url=url).summary(html_partial=True)


def _summary(html: str) -> Output:
    return Output(body=html_to_paragraphs(html))


@cache
def _stoplist() -> frozenset[str]:
    """jusText with the union of all its stoplists: the language-independent setting trafilatura's own
    comparison uses, as the datasets are multilingual."""
    import justext

    words: set[str] = set()
    for language in justext.get_stoplists():
        words.update(justext.get_stoplist(language))
    return frozenset(words)


def _justext() -> Call:
    import justext

    stoplist = _stoplist()
    return lambda data, url: justext.justext(data, stoplist, encoding="utf-8")


def _utf8(html: str) -> bytes:
    return html.encode("utf-8", "replace")


def _paragraphs(paragraphs: Any) -> Output:
    return Output(body="\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def _html_text() -> Call:
    import html_text

    return lambda html, url: html_text.extract_text(html, guess_layout=True)


def _newspaper() -> Call:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # it would fetch every image over the network to size it
    config.memorize_articles = False
    config.disable_category_cache = True

    def parse(html: str, url: str | None) -> Any:
        article = newspaper.Article(url or "", config=config)
        article.download(input_html=html)
        article.parse()
        return article

    return parse


def _newspaper_article(article: Any) -> Output:
    date = article.publish_date.isoformat() if article.publish_date else None
    return Output(article.text or "", article.title or None, list(article.authors), date)


def _date_only(date: str | None) -> Output:
    return Output(date=date)


def _htmldate() -> Call:
    from htmldate import find_date

    return lambda html, url: find_date(html, url=url, original_date=True)


# --- plain-text peers -----------------------------------------------------------------------------------------


def _c4() -> Call:
    return lambda text, url: c4_clean(text)


def _lines_as_html(text: str) -> bytes:
    """Each line of the scraped text as a paragraph, so jusText judges lines as it judges HTML paragraphs."""
    lines = (line.strip() for line in text.splitlines())
    body = "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines if line)
    return f"<html><body>{body}</body></html>".encode()


def _as_is() -> Call:
    return lambda text, url: text


SYSTEMS: tuple[System, ...] = (
    System("cleaner", "html", _cleaner("html"), _article, _same, ALL_FIELDS, "Cleaner(mode='html')"),
    System("cleaner-no-meta", "html", _cleaner("html", ("metadata",)), _article, _same, about="body only"),
    System(
        "trafilatura",
        "html",
        _trafilatura_meta,
        _trafilatura_document,
        fields=ALL_FIELDS,
        about="bare_extraction(with_metadata=True)",
    ),
    System("trafilatura-no-meta", "html", _trafilatura_body, about="extract(with_metadata=False)"),
    System(
        "cleaner-markdown",
        "html",
        _cleaner("html", markdown=True),
        _markdown_article,
        fields=MARKDOWN,
        about="body_format='markdown', links, images; body F1 of the Markdown stripped of its markup",
    ),
    System(
        "trafilatura-markdown",
        "html",
        _trafilatura_markdown,
        _markdown,
        fields=MARKDOWN,
        about="extract(output_format='markdown'); body F1 of the Markdown stripped of its markup",
    ),
    System("readability", "html", _readability, _summary, about="readability-lxml Document.summary()"),
    System("justext", "html", _justext, _paragraphs, _utf8, about="all stoplists"),
    System("newspaper4k", "html", _newspaper, _newspaper_article, fields=ALL_FIELDS, about="Article.parse()"),
    System("htmldate", "html", _htmldate, _date_only, fields=frozenset({"date"}), about="dates only"),
    System("html-text", "html", _html_text, about="all visible text: the raw baseline"),
    System("cleaner", "text", _cleaner("text"), _article, _same, ALL_FIELDS, "Cleaner(mode='text')"),
    System(
        "cleaner-markdown",
        "text",
        _cleaner("text", markdown=True),
        _markdown_text_article,
        fields=MARKDOWN,
        about="body_format='markdown'; body F1 of the Markdown stripped of its markup",
    ),
    System("c4-lines", "text", _c4, about="C4's line rules"),
    System("justext-lines", "text", _justext, _paragraphs, _lines_as_html, about="jusText over the lines"),
    System("as-is", "text", _as_is, about="the scraped text unchanged"),
)


def cleaner_systems(disable: tuple[str, ...] = ()) -> list[System]:
    """The cleaner in both modes, with rules switched off by name (the gate's test makes it worse this way)."""
    return [
        System("cleaner", mode, _cleaner(mode, disable), _article, _same, ALL_FIELDS, f"disable={list(disable)}")
        for mode in ("html", "text")
    ]


def select(names: list[str] | None, modes: tuple[str, ...]) -> list[System]:
    """The systems of `modes`, all or those named (a name picks that system in every mode it runs in)."""
    known = {s.name for s in SYSTEMS}
    unknown = set(names or ()) - known
    if unknown:
        raise ValueError(f"unknown system(s) {', '.join(sorted(unknown))}: use {', '.join(sorted(known))}")
    return [s for s in SYSTEMS if s.mode in modes and (not names or s.name in names)]


def quiet() -> None:
    """Peers warn on odd pages (encodings, empty documents); the bench reports failures itself."""
    warnings.filterwarnings("ignore")
    import logging

    for name in ("trafilatura", "htmldate", "readability", "newspaper", "justext", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
