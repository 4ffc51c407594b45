"""Cleaning a stream of Items into records, in input order, with every failure turned into an error record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .io.readers import Item
from .pipeline import Cleaner
from .record import Article


@dataclass(slots=True)
class Tally:
    records: int = 0
    errors: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def count(self, article: Article) -> None:
        if article.error is None:
            self.records += 1
            return
        self.errors += 1
        reason = article.error.split(":")[0]
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


def clean_item(cleaner: Cleaner, item: Item, mode: str | None = None) -> Article:
    """One Item to one Article; an unreadable item, or an unexpected failure, becomes an error record."""
    if item.error is not None:
        return Article.failed(item.error, id=item.id, url=item.url, extra=item.extra)
    try:
        return cleaner.clean(
            item.content, url=item.url, mode=item.mode or mode, id=item.id, extra=item.extra, charset=item.charset
        )
    except Exception as exc:  # a bug on one page must not stop the batch; the record says what happened
        return Article.failed(
            f"internal error: {type(exc).__name__}: {exc}", id=item.id, url=item.url, extra=item.extra
        )


def clean_items(cleaner: Cleaner, items: Iterable[Item], mode: str | None = None) -> Iterator[Article]:
    for item in items:
        yield clean_item(cleaner, item, mode)
