"""A template store that learns the pages it is asked about, for cleaning as pages arrive (the Scrapy pipeline):
each page is cleaned with what the store held, then counted; counts are committed every `batch` pages and on
close. The first pages of a new site are cleaned without a template; as the crawl goes on its template builds up,
and the next crawl starts with it. (For results that do not depend on the order pages arrive in, learn first:
`cleaner templates learn`, or `cleaner clean --two-pass`.)"""

from __future__ import annotations

import os
from collections.abc import Collection

from .source import LearnedPage, SiteCounts
from .store import TemplateStore

COMMIT_PAGES = 100


class LiveTemplates:
    def __init__(self, path: str | os.PathLike, batch: int = COMMIT_PAGES) -> None:
        self.store = TemplateStore(path, writable=True)
        self.batch = batch
        self.pending: list[LearnedPage] = []

    def counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        return self.store.counts(site, mode, hashes)

    def observe(self, page: LearnedPage) -> None:
        """Count a page the cleaner has just matched against the store (committed with the next batch)."""
        self.pending.append(page)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.learn(self.pending)
            self.pending.clear()

    def close(self) -> None:
        self.flush()
        self.store.close()
