"""One Item to one Article, with every failure turned into an error record: the unit of work of a batch, run
in the calling process or in a worker."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .io.item import Item
from .pipeline import Cleaner
from .record import INTERNAL, Article


def clean_item(cleaner: Cleaner, item: Item, mode: str | None = None) -> Article:
    """One Item to one Article; an unreadable item, or an unexpected failure, becomes an error record."""
    if item.error is not None:
        return Article.failed(item.error_kind, item.error, id=item.id, url=item.url, extra=item.extra)
    try:
        return cleaner.clean(
            item.content,
            url=item.url,
            mode=item.mode or mode or (item.hint if cleaner.mode == "auto" else None),
            id=item.id,
            extra=item.extra,
            charset=item.charset,
            site=_site_field(item),
        )
    except Exception as exc:  # a bug on one page must not stop the batch; the record says what happened
        return Article.failed(
            INTERNAL, f"internal error: {type(exc).__name__}: {exc}", id=item.id, url=item.url, extra=item.extra
        )


def _site_field(item: Item) -> str | None:
    """The site a JSONL input names in its `site` field, for its site template."""
    site = item.extra.get("site")
    return site if isinstance(site, str) else None


def clean_items(cleaner: Cleaner, items: Iterable[Item], mode: str | None = None) -> Iterator[Article]:
    for item in items:
        yield clean_item(cleaner, item, mode)
