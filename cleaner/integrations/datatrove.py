"""datatrove: a pipeline step that cleans each document, so the same cleaning runs on datatrove's local, Slurm and
Ray executors.

`doc.text` (HTML or scraped text) becomes the article body, and the record goes into `doc.metadata["cleaner"]`:
headline, byline, date, language, and with `explain` (the default) every removed block with its reason and where
each metadata value came from. It is one nested key so that a reader's own metadata survives: WarcReader's `date`
is the crawl date, the record's `date` the publication date. Documents with no article, or that cannot be cleaned,
are dropped (`drop_empty`) with the reason in the step's statistics and, if given, written to `exclusion_writer`
with `metadata["filter_reason"]`, as datatrove's own filters do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from ..pipeline import Cleaner

METADATA_KEY = "cleaner"
RECORD_FIELDS = ("headline", "byline", "date", "language")


class CleanArticles(PipelineStep):
    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        mode: str = "auto",
        explain: bool = True,
        drop_empty: bool = True,
        disable: Iterable[str] = (),
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__()
        self.mode = mode
        self.explain = explain
        self.drop_empty = drop_empty
        self.disable = tuple(disable)
        self.exclusion_writer = exclusion_writer
        Cleaner(mode=mode, disable=self.disable)  # a bad option fails here, not in every task

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        # Built in the task, not in __init__: the step is pickled to every worker, the Cleaner need not be.
        cleaner = Cleaner(mode=self.mode, disable=self.disable)
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as excluded:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    article = cleaner.clean(doc.text, url=doc.metadata.get("url"), id=doc.id)
                record = article.to_dict(explain=self.explain)
                doc.metadata[METADATA_KEY] = {
                    name: record[name] for name in RECORD_FIELDS + (("removed", "sources") if self.explain else ())
                }
                reason = _drop_reason(article.error, article.body) if self.drop_empty else None
                if reason:
                    self.stat_update(StatHints.dropped, f"dropped_{reason}")
                    if excluded:
                        doc.metadata["filter_reason"] = article.error or reason
                        excluded.write(doc, rank)
                    continue
                if article.error is not None:
                    doc.metadata[METADATA_KEY]["error"] = article.error
                else:
                    doc.text = article.body
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc


def _drop_reason(error: str | None, body: str) -> str | None:
    if error is not None:
        return "cleaner_error"
    return None if body else "cleaner_no_article"
