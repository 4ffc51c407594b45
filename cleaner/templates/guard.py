"""What a template store file may make SQLite do. A store is a file from elsewhere (a colleague's, a fixture's, a
download) and SQLite runs what its schema says: a `lines` view that recurses forever, a trigger on an insert.
So a store is used only when its schema is this cleaner's own (four tables, their columns, nothing else), and
every query runs where Ctrl-C, SIGTERM and the page time limit still stop it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import threading
from collections.abc import Iterator

TABLES = {
    "info": ["key", "value"],
    "sites": ["id", "site", "mode", "pages"],
    "pages": ["site_id", "page"],
    "lines": ["site_id", "hash", "pages"],
}
PROGRESS_STEPS = 10_000  # SQLite virtual-machine steps between two looks for a signal (well under a millisecond)


def schema_problem(
    db: sqlite3.Connection, tables: tuple[str, ...] = tuple(TABLES), empty_ok: bool = False
) -> str | None:
    """What in the file's schema this cleaner never makes, or None: a view, a trigger, an index of its own, or,
    when all of `TABLES` are asked for, a table of another name or one with other columns. Reads `sqlite_master`,
    which runs nothing. (Asked first for `info` alone, so that a store of another format can say so.)"""
    rows = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    if not rows and empty_ok:
        return None  # a new file: the schema is about to be made
    whole = set(tables) == set(TABLES)
    for kind, name in rows:
        ours = name in TABLES or not whole  # (another format's tables are for the format check to name)
        if kind == "index" and name.startswith("sqlite_autoindex_") or kind == "table" and ours:
            continue
        return f"its schema holds {kind} {name!r}, which a template store never has"
    for table in tables:
        found = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        if found != TABLES[table]:
            return f"its table {table!r} has columns {found}" if found else f"it has no table {table!r}"
    return None


def read_only_fs(path: os.PathLike | str) -> bool:
    """Whether the folder of `path` is on a file system mounted read-only."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


class _Stop:
    """SIGINT and SIGTERM while SQLite runs: noted here, the query asked to stop, and delivered once it has."""

    def __init__(self) -> None:
        self.caught: int | None = None

    def __call__(self, signum: int, frame: object) -> None:
        if self.caught is None:
            self.caught = signum

    def progress(self) -> int:
        return 1 if self.caught is not None else 0  # non-zero: SQLite stops the query ("interrupted")


@contextlib.contextmanager
def interruptible(db: sqlite3.Connection) -> Iterator[None]:
    """Run queries on `db` where a signal stops them. SQLite runs in C, where Python's own handlers wait for it
    to return; a progress handler lets Python in every PROGRESS_STEPS steps. There SIGPROF's handler (the page
    time limit) raises and stops the query; SIGINT and SIGTERM are noted, the query stopped, and each is then
    delivered to the handler it had before (KeyboardInterrupt, the CLI's SystemExit, or the default action)."""
    if threading.current_thread() is not threading.main_thread():
        db.set_progress_handler(lambda: 0, PROGRESS_STEPS)  # handlers run in the main thread only
        try:
            yield
        finally:
            db.set_progress_handler(None, 0)
        return
    stop = _Stop()
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if handler not in (signal.SIG_IGN, None):
            previous[signum] = signal.signal(signum, stop)
    db.set_progress_handler(stop.progress, PROGRESS_STEPS)
    try:
        yield
    finally:
        db.set_progress_handler(None, 0)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if stop.caught is not None:
            _deliver(stop.caught, previous[stop.caught])


def _deliver(signum: int, handler: object) -> None:
    if callable(handler):
        handler(signum, None)  # raises: KeyboardInterrupt (Python's SIGINT handler), SystemExit (the CLI's SIGTERM)
    else:
        signal.raise_signal(signum)  # the default action, as if the signal came now
