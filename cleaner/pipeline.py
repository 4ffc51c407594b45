"""The cleaning pipeline: `prepare` (decode -> detect -> segment -> repair) turns content into a Page, then the
Cleaner's passes, in the order `Cleaner.pass_names` lists them, decide about its blocks and read its metadata,
and `Cleaner.article` makes the record.

    model          the learned scorer's content probability of each block                 (page.proba)
    rules          keep or drop each block: the model decides, the first matching rule names a drop, and the
                   rules precise enough overrule the model; without the model, the rules decide
    link_pages     a page whose every kept block is link text has no article (with the model)
    metadata       headline, byline and date, and the blocks they were read from leave the body  (page.found)
    site_template  lines that recur across the site's pages leave (with a template source)
    context        short lines stranded between furniture leave, short lines inside the article stay
    inner_lines    short lines the model dropped between kept blocks stay (with the model)
    rescue         a body left empty or all furniture is looked for again (rescue.py)
    language       the language of the body that is left
    images         the article's own images (record `images` with --images; the lead image when none is declared)
    page_type      article, listing, error or other (meta/pagetype.py)
    comments       readers' comments into `comments`, and out of the body (with --comments)

Any pass but `rules` can be switched off by name (`Cleaner(disable=["context"])`), and so can any rule; with
`metadata` off the record has no headline, byline, date, language or page type (those passes go with it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .classify import (
    CONTENT_SURE,
    apply_context,
    apply_site_template,
    context_drops,
    decide,
    drop_link_pages,
    keep_inner_lines,
    mark_roles,
)
from .config import Config
from .deadline import Expiry, PageTimeout, time_limit
from .decode import DecodeError
from .invisible import strip_invisible
from .limits import PageTooLarge
from .meta import Metadata, detect_language, extract
from .meta.comments import drop_comment_lines, reader_comments
from .meta.images import article_images
from .meta.language import load_profiles
from .meta.pagetype import page_type
from .model.scorer import shipped
from .page import Page
from .prepare import prepare
from .record import (
    ARTICLE,
    INTERNAL,
    NOT_A_PAGE,
    NOT_ARTICLE,
    OUT_OF_MEMORY,
    TIMEOUT,
    TOO_LARGE,
    UNPARSABLE,
    Article,
    removal,
)
from .render import Placed, body_text, render
from .rescue import rescue
from .rules import all_rules
from .rules.dispatch import RuleDispatch
from .templates import match_template, open_templates, site_for

METADATA = "metadata"
LANGUAGE = "language"
IMAGES = "images"
COMMENTS = "comments"
PAGE_TYPE = "page_type"


@dataclass(frozen=True, slots=True)
class Pass:
    """One step over a prepared page, known by the name that switches it off."""

    name: str
    run: Callable[[Page], None]


# The passes --disable takes (every pass but the rules', whose rules it takes one by one).
PASS_NAMES = (
    "model",
    "link_pages",
    METADATA,
    "site_template",
    "context",
    "inner_lines",
    "rescue",
    LANGUAGE,
    IMAGES,
    PAGE_TYPE,
    COMMENTS,
)


class Cleaner:
    """A configured pipeline, built once and reused over many pages (and safe to share between threads: every
    value derived while cleaning a page lives with that page).

    The options are `Config`'s (config.py): `Cleaner(mode="text", disable=["share_prompt"])`, or
    `Cleaner(config)`. `templates` is a source of site templates (a store file's path, or a `TemplateSource`);
    a page's site is the one `clean` is given, else its URL's host, else `site`. `time_limit` is the most CPU
    seconds one page may take before it becomes an error record (None or 0: no limit; deadline.py).
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = config = Config.of(config, **options)
        registry = all_rules()
        passes = [
            Pass("model", self._score),
            Pass("rules", self._decide),
            Pass("link_pages", drop_link_pages),
            Pass(METADATA, self._read_metadata),
            Pass("site_template", self._apply_template),
            Pass("context", self._apply_context),
            Pass("inner_lines", keep_inner_lines),
            Pass("rescue", rescue),
            Pass(LANGUAGE, self._detect_language),
            Pass(IMAGES, self._find_images),
            Pass(PAGE_TYPE, self._classify_page),
            Pass(COMMENTS, self._read_comments),
        ]
        assert tuple(p.name for p in passes if p.name != "rules") == PASS_NAMES
        disabled = set(config.disable)
        unknown = disabled - set(registry) - set(PASS_NAMES)
        if unknown:
            raise ValueError(
                f"unknown rule or pass name(s): {', '.join(sorted(unknown))}; the passes: {', '.join(PASS_NAMES)}; "
                f"the rules: {', '.join(sorted(registry))} (`cleaner rules` says what each finds)"
            )
        if METADATA in disabled:
            disabled |= {LANGUAGE, PAGE_TYPE}  # the language alone is no metadata record; the page type reads it
        self.passes = [p for p in passes if p.name not in disabled]
        rules = [r for name, r in registry.items() if name not in disabled]
        self.rules = {mode: RuleDispatch(r for r in rules if mode in r.modes) for mode in ("html", "text")}
        self.overruling = {
            mode: RuleDispatch(r for r in d.rules if r.overrules_model) for mode, d in self.rules.items()
        }
        self.time_limit = config.time_limit or None
        self.templates = open_templates(config.templates) if "site_template" not in disabled else None
        self.uses_model = "model" in self.pass_names
        self.uses_context = "context" in self.pass_names
        # Loaded now, outside any page's time limit: a timeout must never interrupt a load shared by all pages.
        if LANGUAGE in self.pass_names:
            load_profiles()
        for model_mode in ("html", "text") if self.uses_model else ():
            shipped(model_mode)

    @property
    def mode(self) -> str:
        return self.config.mode

    @property
    def pass_names(self) -> list[str]:
        """The passes this Cleaner runs, in order."""
        return [p.name for p in self.passes]

    # --- the passes ---------------------------------------------------------------------------------------

    def _score(self, page: Page) -> None:
        if page.blocks:
            page.proba = shipped(page.mode).content_proba(page)

    def _decide(self, page: Page) -> None:
        if page.proba is None:
            decide(page, self.rules[page.mode])
        else:
            decide(page, self.rules[page.mode], self.overruling[page.mode], shipped(page.mode).threshold)

    def _read_metadata(self, page: Page) -> None:
        page.found = extract(page)
        mark_roles(page, page.found.roles)

    def _apply_template(self, page: Page) -> None:
        if self.templates is None:
            return
        site = site_for(page.site, page.url, self.config.site)
        found = match_template(page, self.templates, site, scored=page.proba is not None) if site else None
        if found is not None and self.uses_context:
            # The template spares lines its own removals would strand, not lines the context pass drops anyway.
            page.spared = found.spare - set(context_drops(page))
        apply_site_template(page, found)

    def _apply_context(self, page: Page) -> None:
        # With the model, the lines it is sure are content stay wherever they stand.
        apply_context(page, spare=page.spared, sure=CONTENT_SURE if page.proba is not None else None)

    def _detect_language(self, page: Page) -> None:
        found = page.found if page.found is not None else Metadata()
        found.language = detect_language(body_text(page))
        if found.language:
            found.sources["language"] = "langdetect"
        page.found = found

    def _find_images(self, page: Page) -> None:
        """The article's images into `images` (with --images), and the first as the lead image when the page
        declares none."""
        found = page.found if page.found is not None else Metadata()
        page.found = found
        wanted = self.config.images or (METADATA in self.pass_names and "image" not in found.fields)
        images = article_images(page) if wanted else []
        if self.config.images and images:
            found.fields[IMAGES] = [image.record() for image in images]
            found.sources[IMAGES] = "html"
        if images and "image" not in found.fields and METADATA in self.pass_names:
            found.fields["image"], found.sources["image"] = images[0].src, "article-image"

    def _classify_page(self, page: Page) -> None:
        found = page.found if page.found is not None else Metadata()
        page.found = found
        found.fields[PAGE_TYPE], found.sources[PAGE_TYPE] = page_type(page, found)

    def _read_comments(self, page: Page) -> None:
        if not self.config.comments:
            return
        found = page.found if page.found is not None else Metadata()
        page.found = found
        comments = reader_comments(page)
        if comments:
            found.fields[COMMENTS], found.sources[COMMENTS], lines = comments
            drop_comment_lines(page, lines)

    # --- a page, an article -------------------------------------------------------------------------------

    def page(
        self,
        content: str | bytes,
        url: str | None = None,
        mode: str | None = None,
        charset: str | None = None,
        site: str | None = None,
    ) -> Page:
        """Prepare a page and run the passes over it; every block carries its decision. (For `explain` and
        tests.)"""
        page = prepare(content, mode or self.config.mode, url, charset, links=self.config.links)
        page.site = site
        return self.run(page)

    def run(self, page: Page, until: str | None = None) -> Page:
        """Run the passes over a prepared page, in order; with `until`, stop before the pass of that name (the
        trainers read a page as the metadata pass does: `until="metadata"`)."""
        for step in self.passes:
            if step.name == until:
                break
            step.run(page)
        return page

    def clean(
        self,
        content: str | bytes,
        url: str | None = None,
        mode: str | None = None,
        id: str | None = None,
        extra: dict | None = None,
        charset: str | None = None,
        site: str | None = None,
    ) -> Article:
        """Clean one page into an Article. Never raises on bad content: the Article carries `error` instead."""
        if extra is not None and not isinstance(extra, dict):
            why = f"extra must be a dict of fields to pass through, not {type(extra).__name__}"
            return Article.failed(INTERNAL, why, id=id, url=url)  # the caller's bug, said in the message
        expiry = None
        try:
            with time_limit(self.time_limit) as expiry:
                page = self.page(content, url=url, mode=mode, charset=charset, site=site)
                return self._rejected(self.article(page, id=id, extra=extra))
        except PageTimeout:
            return Article.failed(TIMEOUT, self._timed_out(), id=id, url=url, extra=extra)
        except MemoryError:
            return Article.failed(OUT_OF_MEMORY, "ran out of memory cleaning this page", id=id, url=url, extra=extra)
        except Exception as exc:  # a bug on one page must never reach the caller's loop; the record says what
            return Article.failed(*self._failure(exc, expiry), id=id, url=url, extra=extra)

    def _rejected(self, article: Article) -> Article:
        """With `articles_only`, a page of another type becomes a rejected record: its type is the reason."""
        if self.config.articles_only and article.page_type not in (None, ARTICLE):
            article.error, article.error_kind = f"not an article: {article.page_type} page", NOT_ARTICLE
        return article

    def _timed_out(self) -> str:
        return f"stopped at the time limit: the page took more than {self.time_limit:g} s to clean"

    def _failure(self, exc: Exception, expiry: Expiry | None) -> tuple[str, str]:
        """The kind of a failure and its message."""
        if expiry is not None and expiry.fired:  # a library caught the timeout and raised its own error
            return TIMEOUT, self._timed_out()
        if isinstance(exc, PageTooLarge):
            return TOO_LARGE, str(exc)
        if isinstance(exc, DecodeError):
            return NOT_A_PAGE, str(exc)
        if isinstance(exc, (ValueError, RecursionError)):
            return UNPARSABLE, f"could not clean this page: {type(exc).__name__}: {exc}"
        return INTERNAL, f"internal error: {type(exc).__name__}: {exc}"

    def _figures(self, page: Page) -> list[Placed]:
        """The images a Markdown or HTML body shows where they stand (with --images)."""
        if not self.config.images or self.config.body_format == "text":
            return []
        return [image.placed() for image in article_images(page)]

    def article(self, page: Page, id: str | None = None, extra: dict | None = None) -> Article:
        found = page.found if page.found is not None else Metadata()
        values = {name: value for name, value in found.record_values().items() if value is not None}
        if values.get("headline"):
            values["headline"] = strip_invisible(values["headline"])
        if values.get("byline"):
            values["byline"] = [strip_invisible(name) for name in values["byline"]]
        return Article(
            id=id,
            url=page.url,
            body=render(page, self.config.body_format, self.config.links, self._figures(page)),
            removed=[removal(b) for b in page.blocks if not b.keep] + [removal(b) for b in page.set_aside],
            sources=dict(found.sources),
            extra=dict(extra or {}),
            **values,
        )


_DEFAULT: Cleaner | None = None


def clean(content: str | bytes, url: str | None = None, mode: str = "auto") -> Article:
    """Clean one page (HTML or scraped text, str or bytes) with the default configuration."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(content, url=url, mode=mode)
