"""The cleaning pipeline: decode -> segment -> repair -> classify -> metadata -> record."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .classify import (
    CONTENT_SURE,
    LINK_LIST,
    MODEL,
    SITE_TEMPLATE,
    apply_context,
    apply_site_template,
    context_drops,
    decide,
    drop_link_pages,
    keep_inner_lines,
    mark_roles,
)
from .deadline import DEFAULT_TIME_LIMIT, Expiry, PageTimeout, time_limit
from .decode import DecodeError, decode
from .limits import MAX_CHARS, PageTooLarge, check_size, too_large
from .meta import Metadata, detect_language, extract
from .meta.language import load_profiles
from .model.scorer import shipped
from .record import Article, Block, Page
from .repair import repair
from .rules import all_rules
from .segment import segment
from .templates import TemplateSource, match_template, open_templates, site_for

if TYPE_CHECKING:
    import numpy as np

MODES = ("auto", "html", "text")
METADATA = "metadata"  # disabled by this name, the record has no headline, byline, date or language: the body only


def prepare(content: str | bytes, mode: str, url: str | None = None, charset: str | None = None) -> Page:
    """Decode, segment and repair: the page's blocks as every later stage (and template learning) sees them."""
    if isinstance(content, (bytearray, memoryview)):
        content = bytes(content)
    if not isinstance(content, (str, bytes)):
        raise DecodeError(f"not a page: the content must be text or bytes, not {type(content).__name__}")
    check_size(content)
    text = decode(content, charset)
    if len(text) > MAX_CHARS:
        raise too_large(len(text), "characters", MAX_CHARS)
    page = segment(text, mode, url)
    repair(page)
    return page


class Cleaner:
    """A configured pipeline, built once and reused over many pages.

    `disable` names rules to switch off (the reasons shown by `--explain`), or `model`, `context`,
    `site_template`, or `metadata` (no headline, byline, date or language: the body only, faster); `mode` is the
    default mode.
    `templates` is a source of site templates (a store file's path, or a `TemplateSource`): lines that recur
    across a site's pages leave as `site_template`. A page's site is the one `clean` is given, else its URL's
    host, else `site`. `time_limit` is the most CPU seconds one page may take before it becomes an error record
    (None or 0: no limit; deadline.py).
    """

    def __init__(
        self,
        mode: str = "auto",
        disable: Iterable[str] = (),
        templates: TemplateSource | str | os.PathLike | None = None,
        site: str | None = None,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        registry = all_rules()
        disabled = set(disable)
        unknown = disabled - set(registry) - {"context", MODEL, SITE_TEMPLATE, METADATA}
        if unknown:
            raise ValueError(f"unknown rule name(s): {', '.join(sorted(unknown))}")
        self.mode = mode
        self.use_context = "context" not in disabled
        self.use_metadata = METADATA not in disabled
        self.rules = [r for name, r in registry.items() if name not in disabled]
        self.use_model = MODEL not in disabled
        self.drop_link_pages = LINK_LIST not in disabled
        if time_limit is not None and time_limit < 0:
            raise ValueError("the time limit must be positive (or 0 for none)")
        self.time_limit = time_limit or None
        self.templates = open_templates(templates) if SITE_TEMPLATE not in disabled else None
        self.site = site
        # Loaded now, outside any page's time limit: a timeout must never interrupt a load shared by all pages.
        load_profiles()
        for model_mode in ("html", "text") if self.use_model else ():
            shipped(model_mode)

    def judge(self, page: Page) -> np.ndarray | None:
        """Keep or drop each block of a prepared page by the model and the rules (the decisions the metadata
        is read from); the model's content probabilities, or None without a model."""
        model = shipped(page.mode) if self.use_model else None
        proba = model.content_proba(page) if model is not None and page.blocks else None
        if proba is not None:
            decide(page, self.rules, proba, model.threshold)
            if self.drop_link_pages:
                drop_link_pages(page)
        else:
            decide(page, self.rules)
        return proba

    def page(
        self,
        content: str | bytes,
        url: str | None = None,
        mode: str | None = None,
        charset: str | None = None,
        site: str | None = None,
    ) -> Page:
        """Segment and classify a page; every block carries its decision. (For `explain` and tests.)"""
        page = prepare(content, mode or self.mode, url, charset)
        proba = self.judge(page)
        meta = extract(page) if self.use_metadata else Metadata()
        mark_roles(page, meta.roles)
        site = site_for(site, url, self.site) if self.templates is not None else None
        found = match_template(page, self.templates, site, scored=proba is not None) if site else None
        spare: frozenset[int] = frozenset()
        sure = CONTENT_SURE if proba is not None else None  # the model's sure content stays, wherever it stands
        if found is not None and self.use_context:
            # The template spares lines its own removals would strand, not lines the context pass drops anyway.
            spare = found.spare - set(context_drops(page))
        apply_site_template(page, found)
        if self.use_context:
            apply_context(page, spare=spare, sure=sure)
        if proba is not None:
            keep_inner_lines(page)
        page.meta["extracted"] = meta
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
            return Article.failed(why, id=id, url=url)
        expiry = None
        try:
            with time_limit(self.time_limit) as expiry:
                page = self.page(content, url=url, mode=mode, charset=charset, site=site)
                return self.article(page, id=id, extra=extra)
        except PageTimeout:
            return Article.failed(self._timed_out(), id=id, url=url, extra=extra)
        except MemoryError:
            return Article.failed("ran out of memory cleaning this page", id=id, url=url, extra=extra)
        except Exception as exc:  # a bug on one page must never reach the caller's loop; the record says what
            return Article.failed(self._failure(exc, expiry), id=id, url=url, extra=extra)

    def _timed_out(self) -> str:
        return f"stopped at the time limit: the page took more than {self.time_limit:g} s to clean"

    def _failure(self, exc: Exception, expiry: Expiry | None) -> str:
        if expiry is not None and expiry.fired:  # a library caught the timeout and raised its own error
            return self._timed_out()
        if isinstance(exc, (DecodeError, PageTooLarge)):
            return str(exc)
        if isinstance(exc, (ValueError, RecursionError)):
            return f"could not clean this page: {type(exc).__name__}: {exc}"
        return f"internal error: {type(exc).__name__}: {exc}"

    def article(self, page: Page, id: str | None = None, extra: dict | None = None) -> Article:
        meta = page.meta["extracted"]
        body = "\n\n".join(b.text for b in page.blocks if b.keep)
        removed = [_removed(b) for b in page.blocks if not b.keep]
        sources = dict(meta.sources)
        language = detect_language(body) if self.use_metadata else None
        if language:
            sources["language"] = "langdetect"
        return Article(
            id=id,
            url=page.url,
            headline=meta.headline,
            byline=list(meta.byline),
            date=meta.date,
            language=language,
            body=body,
            removed=removed,
            sources=sources,
            extra=dict(extra or {}),
        )


def _removed(block: Block) -> dict:
    entry = {"text": block.text, "reason": block.reason, "score": round(block.score, 3)}
    if block.detail:
        entry["detail"] = block.detail
    return entry


_DEFAULT: Cleaner | None = None


def clean(content: str | bytes, url: str | None = None, mode: str = "auto") -> Article:
    """Clean one page (HTML or scraped text, str or bytes) with the default configuration."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(content, url=url, mode=mode)
