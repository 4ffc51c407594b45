"""The per-page time limit: the last line of defence behind the caps (limits.py) and the linear algorithms.

`time_limit(seconds)` raises `PageTimeout` inside the code it wraps once `seconds` have passed. In the main
thread (the CLI, each `--jobs` worker, a Scrapy crawl, a datatrove task) the seconds are CPU seconds of the
process, counted by the kernel's profiling timer (SIGPROF): a page's cost, so a machine busy with other work
does not turn a slow page into a stopped one, and the same page stops (or not) on every run. Python runs the
handler between bytecodes, and the regular expression engine checks for it mid-match. In any other thread the
seconds are wall-clock: a timer thread asks the interpreter to raise the exception in the page's thread
(PyThreadState_SetAsyncExc), which acts between bytecodes only. Neither can stop a C extension that never
returns to Python: in `--jobs` workers `StuckPageWatch` ends the process then, and the batch records the page
as failed (parallel.py).

If SIGPROF already has a handler or a timer of its owner (a sampling profiler), the thread mechanism is used
instead, so the limit never takes a signal from the code that holds it. SIGALRM (pytest-timeout, an
application's own alarm) is never touched.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

DEFAULT_TIME_LIMIT = 30.0  # CPU seconds per page; the worst pathological page measured takes about 14 (README)
REPEAT_SECONDS = 0.5


class PageTimeout(BaseException):
    """A page ran past its time limit. A BaseException, like KeyboardInterrupt, so that no `except Exception`
    between the limit and the page's code (a library's, a rule's) can swallow it."""


class Expiry:
    """What `time_limit` yields: whether the limit fired. A library may catch PageTimeout with a bare `except:`
    and raise its own error instead (langdetect's profile loader does): the caller asks this, not the type."""

    fired = False


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[Expiry]:
    """Raise PageTimeout in the wrapped code after `seconds` (None or 0: no limit)."""
    expiry = Expiry()
    if not seconds:
        yield expiry
    elif _cpu_timer_is_free():
        with _cpu_timer(seconds, expiry):
            yield expiry
    else:
        with _raise_in_thread(seconds, expiry):
            yield expiry


def _cpu_timer_is_free() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    )


@contextlib.contextmanager
def _cpu_timer(seconds: float, expiry: Expiry) -> Iterator[None]:
    armed = True

    def expire(signum, frame) -> None:
        # A signal that arrives as the page finishes must not fire outside it.
        if armed:
            expiry.fired = True
            raise PageTimeout(seconds)

    previous = signal.signal(signal.SIGPROF, expire)
    # Then again every REPEAT_SECONDS: code that swallows the first PageTimeout (a bare `except:`) gets another.
    signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)  # before the handler goes: SIGPROF's default action kills
        signal.signal(signal.SIGPROF, previous)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc if hasattr(ctypes, "pythonapi") else None


@contextlib.contextmanager
def _raise_in_thread(seconds: float, expiry: Expiry) -> Iterator[None]:
    if _set_async_exc is None:  # not CPython: no way to interrupt another thread
        yield
        return
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = expiry.fired = True
                _set_async_exc(target, ctypes.py_object(PageTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
        timer.cancel()
        if state["fired"]:
            _set_async_exc(target, None)  # the page ended as the timer fired: drop the exception not yet raised


class StuckPageWatch:
    """In a worker process: end the process when one page has gone well past its time limit, stuck where
    `time_limit` cannot reach. A thread polls twice a second; `page()` marks the cleaning of a page.

    Stuck means twice the limit (plus a second) of the process's CPU time, as the limit counts it, or ten times
    the limit of wall-clock time, for code that waits rather than computes: a machine busy with other work
    slows a page's wall-clock time several fold, and must not get a sound page's worker killed.
    """

    POLL_SECONDS = 0.5

    def __init__(self, limit: float | None) -> None:
        self.cpu_grace = 2 * limit + 1 if limit else None
        self.wall_grace = 10 * limit + 1 if limit else None
        self.started: tuple[float, float] | None = None  # (wall clock, CPU clock) when the page began
        self.page_id: str | None = None

    @contextlib.contextmanager
    def page(self, page_id: str) -> Iterator[None]:
        self.page_id = page_id
        self.started = (time.monotonic(), time.process_time())
        try:
            yield
        finally:
            self.started = None

    def stuck(self) -> bool:
        started = self.started
        if started is None or self.cpu_grace is None or self.wall_grace is None:
            return False
        wall, cpu = time.monotonic() - started[0], time.process_time() - started[1]
        return cpu > self.cpu_grace or wall > self.wall_grace

    def end_if_stuck(self) -> None:
        if self.stuck():
            print(
                f"cleaner: stopping a worker process: page {self.page_id} has run far past its time limit "
                "without answering it",
                file=sys.stderr,
                flush=True,
            )
            os._exit(70)
