"""Cleaning Items in N worker processes, each building its Cleaner once, with results in input order.

Memory is bounded: a reader thread pulls Items from the input only while fewer than `window` are in flight
(read, cleaning, or cleaned and waiting for an earlier one), so a huge input is never loaded whole. Results are
handed on as soon as they are next in order, even while the reader waits for more input, so the same code serves
a live pipe. A worker that dies (a crash in a C extension, the OOM killer) costs one error record, not the batch:
the pages that were in flight are retried one at a time in a fresh pool to find the one that killed it.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .deadline import StuckPageWatch
from .io.readers import Item
from .items import clean_item
from .pipeline import Cleaner
from .record import Article

_worker_cleaner: Cleaner | None = None
_worker_watch: StuckPageWatch | None = None


def _start_worker(make_cleaner: Callable[[], Cleaner], parent: int) -> None:
    global _worker_cleaner, _worker_watch
    # Ctrl-C reaches the whole process group; the parent decides what to do, the workers just stop with it.
    # (SIGTERM stays deadly: the pool ends the workers of a broken pool with it.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_cleaner = make_cleaner()
    _worker_watch = StuckPageWatch(_worker_cleaner.time_limit)
    # `parent` comes from the parent itself: asked here, after the Cleaner is built, getppid() would name init
    # if the parent had died meanwhile, and the watch would wait on init forever.
    threading.Thread(target=_watch, args=(parent, _worker_watch), daemon=True).start()


def _watch(parent: int, pages: StuckPageWatch | None) -> None:
    # A worker holds both ends of its task queue, so it never sees EOF when its parent is killed (SIGKILL, OOM):
    # without this watch it would wait for work forever. The same thread ends a worker stuck on one page where
    # the time limit cannot reach (deadline.py); the pool then breaks and _isolate names the page.
    while os.getppid() == parent:
        if pages is not None:
            pages.end_if_stuck()
        time.sleep(StuckPageWatch.POLL_SECONDS)
    os._exit(1)


def watch_parent(parent: int) -> None:
    """In a worker of another pool (the learning pass of --two-pass): end this process when `parent` dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as in the cleaning workers: the parent decides
    threading.Thread(target=_watch, args=(parent, None), daemon=True).start()


def _clean_in_worker(item: Item, mode: str | None) -> Article:
    assert _worker_cleaner is not None and _worker_watch is not None, "worker started without a Cleaner"
    with _worker_watch.page(item.id):
        return clean_item(_worker_cleaner, item, mode)


class _Feed:
    """A thread that reads Items into a queue, never more than `window` ahead of what has been handed on."""

    END = object()

    def __init__(self, items: Iterable[Item], window: int, events: queue.Queue) -> None:
        self.slots = threading.Semaphore(window)
        self.events = events
        self.stopped = False
        self.thread = threading.Thread(target=self._read, args=(iter(items),), daemon=True, name="cleaner-feed")
        self.thread.start()

    def _read(self, items: Iterator[Item]) -> None:
        try:
            while True:
                self.slots.acquire()
                if self.stopped:
                    return
                item = next(items, self.END)
                self.events.put(("item", item))
                if item is self.END:
                    return
        except BaseException as exc:  # handed to the consumer, which re-raises it
            self.events.put(("error", exc))

    def stop(self) -> None:
        self.stopped = True
        self.slots.release()


def clean_parallel(
    items: Iterable[Item],
    make_cleaner: Callable[[], Cleaner],
    jobs: int,
    mode: str | None = None,
    window: int | None = None,
) -> Iterator[Article]:
    """Articles for `items`, in order, cleaned by `jobs` processes. `make_cleaner` must be picklable
    (a class, a module-level function, or a functools.partial of one)."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    window = window or 4 * jobs
    events: queue.Queue = queue.Queue()
    feed = _Feed(items, window, events)
    pool = _new_pool(make_cleaner, jobs)
    pending: deque[tuple[Item, Future]] = deque()
    ended = False
    try:
        while True:
            while pending and pending[0][1].done():
                item, future = pending.popleft()
                if isinstance(future.exception(), BrokenProcessPool):
                    suspects = [item] + [queued for queued, _ in pending]
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = yield from _isolate(suspects, make_cleaner, jobs, mode)
                    for _ in suspects:
                        feed.slots.release()
                    break
                feed.slots.release()
                yield _result(item, future)
            if ended and not pending:
                return
            kind, value = events.get()
            if kind == "error":
                raise value
            if kind == "item":
                if value is _Feed.END:
                    ended = True
                    continue
                future = _submit(pool, value, mode)
                future.add_done_callback(lambda _: events.put(("done", None)))
                pending.append((value, future))
    finally:
        feed.stop()
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, item: Item, mode: str | None) -> Future:
    try:
        return pool.submit(_clean_in_worker, item, mode)
    except BrokenProcessPool as exc:
        # The pool broke since the last look at the head of the queue: this item is one more suspect.
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


class WorkerStartError(RuntimeError):
    """Worker processes cannot start at all: no page is to blame, so the run stops instead of failing each one."""


def _ready() -> bool:
    return True


def _new_pool(make_cleaner: Callable[[], Cleaner], jobs: int) -> ProcessPoolExecutor:
    # spawn, not fork: the reader thread (and a progress display's) must not be copied into half a process.
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(make_cleaner, os.getpid()),
    )
    # A first task before any page: if a worker cannot even start (the Cleaner fails to build, or the calling
    # script cannot be re-imported, as with `python -` or a script without a __main__ guard), every page would
    # otherwise be blamed in turn for killing it.
    try:
        pool.submit(_ready).result()
    except BrokenProcessPool as exc:
        pool.shutdown(wait=True, cancel_futures=True)
        raise WorkerStartError(
            f"worker processes cannot start ({exc}); run from a file with an `if __name__ == '__main__':` guard, "
            "or with one job"
        ) from None
    return pool


def _isolate(
    suspects: list[Item], make_cleaner: Callable[[], Cleaner], jobs: int, mode: str | None
) -> Generator[Article, None, ProcessPoolExecutor]:
    """Clean the pages that were in flight when a worker died one at a time; the one that kills a worker
    again gets an error record. Returns a fresh pool for the rest of the input."""
    pool = _new_pool(make_cleaner, 1)
    try:
        for item in suspects:
            future = pool.submit(_clean_in_worker, item, mode)
            try:
                yield future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(make_cleaner, 1)
                yield _failed(
                    item,
                    "the worker process died while cleaning this page (a crash, no memory left, "
                    "or stuck past its time limit)",
                )
            except Exception as exc:
                yield _failed(item, f"{type(exc).__name__}: {exc}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return _new_pool(make_cleaner, jobs)


def _result(item: Item, future: Future) -> Article:
    exc = future.exception()
    if exc is None:
        return future.result()
    return _failed(item, f"{type(exc).__name__}: {exc}")


def _failed(item: Item, why: str) -> Article:
    # clean_item already turns every error inside a worker into a record; this is the transport failing.
    return Article.failed(f"internal error: {why}", id=item.id, url=item.url, extra=item.extra)
