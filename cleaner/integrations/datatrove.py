"""datatrove: a pipeline step that cleans each document, so the same cleaning runs on datatrove's local, Slurm and
Ray executors.

`doc.text` (HTML or scraped text) becomes the article body, and the record goes into `doc.metadata["cleaner"]`:
headline, byline, date, language, and with `explain` (the default) every removed block with its reason and where
each metadata value came from. It is one nested key so that a reader's own metadata survives: WarcReader's `date`
is the crawl date, the record's `date` the publication date. Documents with no article, or that cannot be cleaned,
are dropped (`drop_empty`) with the reason in the step's statistics and, if given, written to `exclusion_writer`
with `metadata["filter_reason"]`, as datatrove's own filters do.

Site templates take two runs, as `cleaner clean --two-pass` takes two passes: `LearnSiteTemplates(store)` counts
every document's lines into a template store (SQLite; its tasks take turns writing), then
`CleanArticles(templates=store)` cleans with it (run the second executor with `depends=` the first). A
document's site is `metadata["site"]`, else its URL's host, else `site`. The store is one file: on Slurm, keep it
on a filesystem with working locks (a local disk or Lustre, not NFS).
"""

from __future__ import annotations

import contextlib
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from ..config import Config
from ..io.item import Item
from ..pipeline import Cleaner
from ..record import REJECTIONS, Article, written
from ..templates import LearnedPage, TemplateStore
from ..templates.learn import learn_item
from ..templates.store import BATCH_PAGES
from . import not_an_article

METADATA_KEY = "cleaner"
NOT_IN_METADATA = ("id", "url", "body")  # the document has its own id and url, and the body becomes its text


class CleanArticles(PipelineStep):
    """Cleans each document. Takes every option of the Cleaner (config.py: mode, disable, templates, site,
    time_limit, explain, body_format, links, images, comments, articles_only; `explain` is on by default here),
    and its own `drop_empty` and `exclusion_writer`. With `articles_only`, a page of another type is excluded
    (`filter_reason` "not an article: listing page") whatever `drop_empty` says."""

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(self, drop_empty: bool = True, exclusion_writer: DiskWriter | None = None, **options: Any) -> None:
        super().__init__()
        options.setdefault("explain", True)
        self.config = Config.of(**options)
        self.drop_empty = drop_empty
        self.exclusion_writer = exclusion_writer
        self._cleaner()  # a bad option (or a missing template store) fails here, not in every task

    def _cleaner(self) -> Cleaner:
        return Cleaner(self.config)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        # Built in the task, not in __init__: the step is pickled to every worker, the Cleaner need not be.
        cleaner = self._cleaner()
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as excluded:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    article = cleaner.clean(
                        doc.text, url=doc.metadata.get("url"), id=doc.id, site=_site(doc.metadata.get("site"))
                    )
                record = article.to_dict(explain=self.config.explain)
                doc.metadata[METADATA_KEY] = {
                    name: record[name] for name in written(self.config.explain) if name not in NOT_IN_METADATA
                }
                reason = _drop_reason(article) if self.drop_empty or article.error_kind in REJECTIONS else None
                if reason:
                    self.stat_update(StatHints.dropped, f"dropped_{reason}")
                    if excluded:
                        doc.metadata["filter_reason"] = article.error or reason
                        excluded.write(doc, rank)
                    continue
                if article.error is not None:
                    doc.metadata[METADATA_KEY].update(error=article.error, error_kind=article.error_kind)
                else:
                    doc.text = article.body
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc


def _drop_reason(article: Article) -> str | None:
    """The statistic's name of why a document is dropped (integrations.not_an_article says it in words)."""
    if article.error_kind in REJECTIONS:  # --articles-only: a listing, an error page, another page
        return f"cleaner_{article.page_type}_page"
    why = not_an_article(article)
    if why is None:
        return None
    if article.error is not None:
        return "cleaner_error"
    return "cleaner_redirect" if why.startswith("a redirect") else "cleaner_no_article"


class LearnSiteTemplates(PipelineStep):
    """Counts every document's lines into the template store at `store`, per site; documents pass on unchanged."""

    name = "🧹 cleaner: learn site templates"
    type = "✂️ - FORMAT"

    def __init__(self, store: str, mode: str = "auto", site: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.mode = mode
        self.site = site
        TemplateStore(store, writable=True).close()  # an unusable store fails here, not in every task

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        learned: list[LearnedPage] = []
        with TemplateStore(self.store, writable=True) as store:
            for doc in data:
                item = Item(id=str(doc.id), content=doc.text, url=doc.metadata.get("url"))
                item.extra["site"] = _site(doc.metadata.get("site"))
                with self.track_time():
                    found = learn_item(item, self.mode, self.site)
                if isinstance(found, LearnedPage):
                    learned.append(found)
                    self.stat_update("learned")
                else:
                    self.stat_update(f"not_learned_{found.replace(' ', '_')}")
                if len(learned) >= BATCH_PAGES:
                    store.learn(learned)
                    learned.clear()
                yield doc
            store.learn(learned)


def _site(value: object) -> str | None:
    return value if isinstance(value, str) else None
