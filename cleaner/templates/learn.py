"""Pass one of a two-pass run: every input page, segmented as the cleaner will see it, reduced to its site and
the set of its line hashes. In worker processes under --jobs (parallel.py's pool); the sums do not depend on which
worker counted what, nor in what order, so the template (and the cleaning after it) is the same for any --jobs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..deadline import DEFAULT_TIME_LIMIT, PageTimeout, time_limit
from ..io.item import Item
from ..parallel import run_parallel
from ..prepare import prepare
from .sites import site_for
from .source import LearnedPage

NO_SITE = "no site"  # no `site` field, no URL, no --site: cleaned without a template
LEARN_TIME_LIMIT = DEFAULT_TIME_LIMIT
UNREADABLE = "unreadable"  # cannot be read or decoded: its error record comes from the cleaning pass


def learn_item(item: Item, mode: str = "auto", default_site: str | None = None) -> LearnedPage | str:
    """What learning keeps of an Item, or why it keeps nothing."""
    if item.error is not None or item.content is None:
        return UNREADABLE
    site = site_for(item.extra.get("site"), item.url, default_site)
    if site is None:
        return NO_SITE
    try:
        # Under the default time limit, as a page is cleaned: a page that would exceed it here is left out.
        with time_limit(LEARN_TIME_LIMIT):
            page = prepare(item.content, item.mode or mode, item.url, item.charset)
    except (Exception, PageTimeout):  # what fails here fails again in the cleaning pass, which says so
        return UNREADABLE
    return LearnedPage.of(page, site)


def learn_items(
    items: Iterable[Item], mode: str = "auto", default_site: str | None = None, jobs: int = 1
) -> Iterator[LearnedPage | str]:
    """`learn_item` over every Item, in `jobs` processes when more than one (parallel.py)."""
    if jobs <= 1:
        for item in items:
            yield learn_item(item, mode, default_site)
        return
    yield from run_parallel(items, LearnTask(mode, default_site), jobs)


class LearnTask:
    """learn_item as the worker processes' task: a page that kills its worker, or is stuck past the time limit
    where it cannot be stopped, is left out here (UNREADABLE) and gets its error record in the cleaning pass."""

    def __init__(self, mode: str, default_site: str | None) -> None:
        self.mode = mode
        self.default_site = default_site

    def setup(self) -> float | None:
        return LEARN_TIME_LIMIT

    def __call__(self, item: Item) -> LearnedPage | str:
        return learn_item(item, self.mode, self.default_site)

    def failed(self, item: Item, why: str) -> str:
        return UNREADABLE
