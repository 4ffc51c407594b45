"""The cleaning pipeline: decode -> segment -> repair -> classify -> metadata -> record."""

from __future__ import annotations

from collections.abc import Iterable

from .classify import MODEL, apply_context, decide, mark_roles
from .deadline import DEFAULT_TIME_LIMIT, Expiry, PageTimeout, time_limit
from .decode import DecodeError, decode
from .limits import MAX_CHARS, PageTooLarge, check_size, too_large
from .meta import detect_language, extract
from .meta.language import load_profiles
from .model.scorer import shipped
from .record import Article, Page
from .repair import repair
from .rules import all_rules
from .segment import segment

MODES = ("auto", "html", "text")


class Cleaner:
    """A configured pipeline, built once and reused over many pages.

    `disable` names rules to switch off (the reasons shown by `--explain`); `mode` is the default mode;
    `time_limit` is the most seconds one page may take before it becomes an error record (None: no limit).
    """

    def __init__(
        self, mode: str = "auto", disable: Iterable[str] = (), time_limit: float | None = DEFAULT_TIME_LIMIT
    ) -> None:
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
        if time_limit is not None and time_limit < 0:
            raise ValueError("the time limit must be positive (or 0 for none)")
        self.time_limit = time_limit or None
        # Loaded now, outside any page's time limit: a timeout must never interrupt a load shared by all pages.
        load_profiles()
        for model_mode in ("html", "text") if self.use_model else ():
            shipped(model_mode)

    def page(
        self, content: str | bytes, url: str | None = None, mode: str | None = None, charset: str | None = None
    ) -> Page:
        """Segment and classify a page; every block carries its decision. (For `explain` and tests.)"""
        if isinstance(content, (bytearray, memoryview)):
            content = bytes(content)
        if not isinstance(content, (str, bytes)):
            raise DecodeError(f"not a page: the content must be text or bytes, not {type(content).__name__}")
        check_size(content)
        text = decode(content, charset)
        if len(text) > MAX_CHARS:
            raise too_large(len(text), "characters", MAX_CHARS)
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
        expiry = None
        try:
            with time_limit(self.time_limit) as expiry:
                page = self.page(content, url=url, mode=mode, charset=charset)
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
