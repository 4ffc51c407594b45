"""Work on Items in N worker processes, with results in input order: the one pool of the package, for cleaning
(`clean_parallel`: each worker builds its Cleaner once) and for learning site templates (templates/learn.py).

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
from typing import Any, Protocol

from .deadline import StuckPageWatch
from .io.item import Item
from .items import clean_item
from .pipeline import Cleaner
from .record import INTERNAL, Article


class Task(Protocol):
    """What the workers do: built in each worker by `setup`, then called once per Item. `failed` is the result
    for an Item whose worker died (a crash, the OOM killer, stuck past `time_limit`). Must pickle (a worker gets
    a copy)."""

    def setup(self) -> float | None:
        """Build what the work needs, once per worker; the seconds one Item may take (None: no limit)."""
        ...

    def __call__(self, item: Item) -> Any: ...

    def failed(self, item: Item, why: str) -> Any: ...


class CleanTask:
    """Clean each Item with a Cleaner built once per worker by `make_cleaner` (picklable: a class, a module-level
    function, or a functools.partial of one)."""

    def __init__(self, make_cleaner: Callable[[], Cleaner], mode: str | None = None) -> None:
        self.make_cleaner = make_cleaner
        self.mode = mode
        self.cleaner: Cleaner | None = None

    def __getstate__(self) -> dict:
        return {"make_cleaner": self.make_cleaner, "mode": self.mode, "cleaner": None}

    def setup(self) -> float | None:
        self.cleaner = self.make_cleaner()
        return self.cleaner.time_limit

    def __call__(self, item: Item) -> Article:
        assert self.cleaner is not None, "worker started without a Cleaner"
        return clean_item(self.cleaner, item, self.mode)

    def failed(self, item: Item, why: str) -> Article:
        # clean_item already turns every error inside a worker into a record; this is the transport failing.
        return Article.failed(INTERNAL, f"internal error: {why}", id=item.id, url=item.url, extra=item.extra)


_worker_task: Task | None = None
_worker_watch: StuckPageWatch | None = None


def _start_worker(task: Task, parent: int) -> None:
    global _worker_task, _worker_watch
    # Ctrl-C reaches the whole process group; the parent decides what to do, the workers just stop with it.
    # (SIGTERM stays deadly: the pool ends the workers of a broken pool with it.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_task = task
    _worker_watch = StuckPageWatch(task.setup())
    # `parent` comes from the parent itself: asked here, after the task is set up, getppid() would name init
    # if the parent had died meanwhile, and the watch would wait on init forever.
    threading.Thread(target=_watch, args=(parent, _worker_watch), daemon=True).start()


def _watch(parent: int, pages: StuckPageWatch) -> None:
    # A worker holds both ends of its task queue, so it never sees EOF when its parent is killed (SIGKILL, OOM):
    # without this watch it would wait for work forever. The same thread ends a worker stuck on one page where
    # the time limit cannot reach (deadline.py); the pool then breaks and _isolate names the page.
    while os.getppid() == parent:
        pages.end_if_stuck()
        time.sleep(StuckPageWatch.POLL_SECONDS)
    os._exit(1)


def _in_worker(item: Item) -> Any:
    assert _worker_task is not None and _worker_watch is not None, "worker started without its task"
    with _worker_watch.page(item.id):
        return _worker_task(item)


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
    """Articles for `items`, in order, cleaned by `jobs` processes (see CleanTask)."""
    return run_parallel(items, CleanTask(make_cleaner, mode), jobs, window)


def run_parallel(items: Iterable[Item], task: Task, jobs: int, window: int | None = None) -> Iterator[Any]:
    """`task(item)` for each of `items`, in order, in `jobs` worker processes."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    window = window or 4 * jobs
    events: queue.Queue = queue.Queue()
    feed = _Feed(items, window, events)
    pool = _new_pool(task, jobs)
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
                    pool = yield from _isolate(suspects, task, jobs)
                    for _ in suspects:
                        feed.slots.release()
                    break
                feed.slots.release()
                yield _result(task, item, future)
            if ended and not pending:
                return
            kind, value = events.get()
            if kind == "error":
                raise value
            if kind == "item":
                if value is _Feed.END:
                    ended = True
                    continue
                future = _submit(pool, value)
                future.add_done_callback(lambda _: events.put(("done", None)))
                pending.append((value, future))
    finally:
        feed.stop()
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, item: Item) -> Future:
    try:
        return pool.submit(_in_worker, item)
    except BrokenProcessPool as exc:
        # The pool broke since the last look at the head of the queue: this item is one more suspect.
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


class WorkerStartError(RuntimeError):
    """Worker processes cannot start at all: no page is to blame, so the run stops instead of failing each one."""


def _ready() -> bool:
    return True


def _new_pool(task: Task, jobs: int) -> ProcessPoolExecutor:
    # spawn, not fork: the reader thread (and a progress display's) must not be copied into half a process.
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(task, os.getpid()),
    )
    # A first task before any page: if a worker cannot even start (its task fails to set up, or the calling
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


def _isolate(suspects: list[Item], task: Task, jobs: int) -> Generator[Any, None, ProcessPoolExecutor]:
    """Work on the pages that were in flight when a worker died one at a time; the one that kills a worker
    again gets the task's `failed` result. Returns a fresh pool for the rest of the input."""
    pool = _new_pool(task, 1)
    try:
        for item in suspects:
            future = pool.submit(_in_worker, item)
            try:
                yield future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(task, 1)
                yield task.failed(
                    item,
                    "the worker process died while cleaning this page (a crash, no memory left, "
                    "or stuck past its time limit)",
                )
            except Exception as exc:
                yield task.failed(item, f"{type(exc).__name__}: {exc}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return _new_pool(task, jobs)


def _result(task: Task, item: Item, future: Future) -> Any:
    exc = future.exception()
    if exc is None:
        return future.result()
    return task.failed(item, f"{type(exc).__name__}: {exc}")
