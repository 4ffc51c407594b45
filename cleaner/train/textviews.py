"""What the metadata models learn from: a development page dumped to text by each converter, prepared and judged
by the block model and the rules, as the cleaner judges a text before it reads the metadata."""

from __future__ import annotations

from collections.abc import Iterator

from ..devdata.datasets import BenchPage
from ..devdata.dumps import CONVERTERS, TRAIN_STYLES, runnable
from ..page import Page
from ..pipeline import Cleaner
from ..prepare import prepare

VIEWS = TRAIN_STYLES  # the dump styles a model may learn from (never a held-out one)


def judged_views(cleaner: Cleaner, bench_page: BenchPage) -> Iterator[tuple[int, Page]]:
    """(view, judged page) per training dump style that can run here; a style failing on the page, or leaving no
    line, costs that view."""
    usable = runnable()
    for view, name in enumerate(VIEWS):
        if name not in usable:
            continue
        try:
            text = CONVERTERS[name](bench_page.html)
        except Exception:  # a converter failing on one page costs that view, not the training run
            continue
        page = prepare(text, "text", bench_page.url, None)
        if page.blocks:
            cleaner.run(page, until="metadata")
            yield view, page
