"""Pass one of a two-pass run: every input page, segmented as the cleaner will see it, reduced to its site and
the set of its line hashes. In worker processes under --jobs; the sums do not depend on which worker counted
what, nor in what order, so the template (and the cleaning after it) is the same for any --jobs and input order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..deadline import DEFAULT_TIME_LIMIT, PageTimeout, time_limit
from ..io.readers import Item
from .sites import site_for
from .source import LearnedPage

NO_SITE = "no site"  # no `site` field, no URL, no --site: cleaned without a template
LEARN_TIME_LIMIT = DEFAULT_TIME_LIMIT
UNREADABLE = "unreadable"  # cannot be read or decoded: its error record comes from the cleaning pass


def learn_item(item: Item, mode: str = "auto", default_site: str | None = None) -> LearnedPage | str:
    """What learning keeps of an Item, or why it keeps nothing."""
    from ..pipeline import prepare  # here, not at the top: the pipeline imports this package

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
    """`learn_item` over every Item, in `jobs` processes when more than one (results in no particular order)."""
    if jobs <= 1:
        for item in items:
            yield learn_item(item, mode, default_site)
        return
    yield from _in_workers(items, mode, default_site, jobs)


def _pool(jobs: int) -> ProcessPoolExecutor:
    from ..parallel import watch_parent  # here, not at the top: parallel imports the pipeline, which imports this

    # spawn, as the cleaning pass does: no reader thread is copied into half a process. Each worker ends itself
    # when the run is killed, instead of waiting for work forever.
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )


def _in_workers(items: Iterable[Item], mode: str, default_site: str | None, jobs: int) -> Iterator[LearnedPage | str]:
    window = 4 * jobs  # Items in flight: a huge input is never read whole
    pool = _pool(jobs)
    pending: deque[tuple[Item, Future]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(learn_item, item, mode, default_site)))
            while len(pending) >= window or (pending and pending[0][1].done()):
                pool = yield from _next(pending, pool, mode, default_site, jobs)
        while pending:
            pool = yield from _next(pending, pool, mode, default_site, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _next(pending: deque, pool: ProcessPoolExecutor, mode: str, default_site: str | None, jobs: int):
    item, future = pending.popleft()
    try:
        yield future.result()
        return pool
    except BrokenProcessPool:
        # A page killed its worker (a crash in a C extension, the OOM killer). Learn the pages that were in
        # flight one at a time, each in its own process; the one that kills again is left out here and gets its
        # error record in the cleaning pass.
        suspects = [item] + [queued for queued, _ in pending]
        pending.clear()
        pool.shutdown(wait=True, cancel_futures=True)
        for suspect in suspects:
            single = _pool(1)
            try:
                yield single.submit(learn_item, suspect, mode, default_site).result()
            except BrokenProcessPool:
                yield UNREADABLE
            finally:
                single.shutdown(wait=True, cancel_futures=True)
        return _pool(jobs)
