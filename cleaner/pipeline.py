"""The cleaning pipeline: decode -> segment -> repair -> classify -> metadata -> record."""

from __future__ import annotations

from collections.abc import Iterable

from .classify import MODEL, apply_context, decide, mark_roles
from .decode import DecodeError, decode
from .meta import detect_language, extract
from .model.scorer import shipped
from .record import Article, Page
from .repair import repair
from .rules import all_rules
from .segment import segment

MODES = ("auto", "html", "text")
MAX_CHARS = 20_000_000  # larger inputs are not pages; refusing them keeps a batch's memory bounded


class Cleaner:
    """A configured pipeline, built once and reused over many pages.

    `disable` names rules to switch off (the reasons shown by `--explain`); `mode` is the default mode.
    """

    def __init__(self, mode: str = "auto", disable: Iterable[str] = ()) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        registry = all_rules()
        disabled = set(disable)
        unknown = disabled - set(registry) - {"context", MODEL}
        if unknown:
            raise ValueError(f"unknown rule name(s): {', '.join(sorted(unknown))}")
        self.mode = mode
        self.use_context = "context" not in disabled
        self.rules = [r for name, r in registry.items() if name not in disabled]
        self.use_model = MODEL not in disabled

    def page(
        self, content: str | bytes, url: str | None = None, mode: str | None = None, charset: str | None = None
    ) -> Page:
        """Segment and classify a page; every block carries its decision. (For `explain` and tests.)"""
        text = decode(content, charset)
        if len(text) > MAX_CHARS:
            raise DecodeError(f"page too large ({len(text):,} characters; the limit is {MAX_CHARS:,})")
        page = segment(text, mode or self.mode, url)
        repair(page)
        model = shipped(page.mode) if self.use_model else None
        if model is not None and page.blocks:
            decide(page, self.rules, model.content_proba(page), model.threshold)
        else:
            decide(page, self.rules)
        meta = extract(page)
        mark_roles(page, meta.roles)
        if self.use_context:
            apply_context(page)
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
    ) -> Article:
        """Clean one page into an Article. Never raises on bad content: the Article carries `error` instead."""
        try:
            page = self.page(content, url=url, mode=mode, charset=charset)
        except DecodeError as exc:
            return Article.failed(str(exc), id=id, url=url, extra=extra)
        except (ValueError, RecursionError, MemoryError) as exc:
            return Article.failed(
                f"could not clean this page: {type(exc).__name__}: {exc}", id=id, url=url, extra=extra
            )
        return self.article(page, id=id, extra=extra)

    @staticmethod
    def article(page: Page, id: str | None = None, extra: dict | None = None) -> Article:
        meta = page.meta["extracted"]
        body = "\n\n".join(b.text for b in page.blocks if b.keep)
        removed = [{"text": b.text, "reason": b.reason, "score": round(b.score, 3)} for b in page.blocks if not b.keep]
        sources = dict(meta.sources)
        language = detect_language(body)
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


_DEFAULT: Cleaner | None = None


def clean(content: str | bytes, url: str | None = None, mode: str = "auto") -> Article:
    """Clean one page (HTML or scraped text, str or bytes) with the default configuration."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(content, url=url, mode=mode)
