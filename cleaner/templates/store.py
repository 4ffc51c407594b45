"""The template store: one SQLite file holding, per site and mode, the pages learned (by key, so a page is counted
once however often it is learned) and on how many of them each line hash appeared. Hashes and counts, no text.

SQLite because the store must outlive a run and be shared: a learning run commits in batches, each one
transaction, so an interrupted run leaves the store as of its last commit and running it again finishes the job
(pages already counted are skipped by key). The file is in WAL mode, so readers (the workers of a cleaning run,
a Scrapy crawl) read a consistent snapshot while one writer learns; writers take turns.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .guard import TABLES, interruptible, read_only_fs, schema_problem
from .normalise import line_hash
from .source import LearnedPage, MemoryTemplates, SiteCounts

# The format of the file and of the hashes in it: a store whose lines were hashed another way would match nothing,
# so it is refused instead of silently removing nothing. Bump when normalise.py changes.
FORMAT = "cleaner-templates/1"
PROBE = line_hash("Probe 1, the hash of a known line")  # changes if normalising or hashing changes
BATCH_PAGES = 2_000  # pages per learning transaction: memory stays bounded, an interruption loses at most this
BUSY_SECONDS = 60.0  # how long a writer waits for another writer before giving up
_IN_CHUNK = 500  # hashes per "IN (...)" query, under SQLite's limit on bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, mode TEXT NOT NULL, pages INTEGER NOT NULL DEFAULT 0,
    UNIQUE (site, mode)
);
CREATE TABLE IF NOT EXISTS pages (site_id INTEGER NOT NULL, page INTEGER NOT NULL, PRIMARY KEY (site_id, page))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lines (
    site_id INTEGER NOT NULL, hash INTEGER NOT NULL, pages INTEGER NOT NULL, PRIMARY KEY (site_id, hash)
) WITHOUT ROWID;
"""


class StoreError(ValueError):
    """The file is not a template store this version can use (missing, not SQLite, another format)."""


@dataclass(frozen=True, slots=True)
class SiteSummary:
    site: str
    mode: str
    pages: int
    lines: int  # distinct lines seen on the site
    recurring: int  # lines seen on enough of its pages to be its template


class TemplateStore:
    """A store opened for reading (`writable=False`: the file must exist) or for learning (created if missing)."""

    def __init__(self, path: str | os.PathLike, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        if not writable and not self.path.is_file():
            raise StoreError(f"no template store at {self.path} (learn one: --two-pass, or `cleaner templates learn`)")
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._cannot_open(exc)) from None

    def _cannot_open(self, exc: sqlite3.DatabaseError) -> str:
        if self.writable and read_only_fs(self.path):
            return f"cannot learn into {self.path}: it is on a read-only file system"
        if isinstance(exc, sqlite3.OperationalError):  # a missing folder, no permission
            return f"cannot open the template store {self.path}: {exc}"
        return f"{self.path} is not a template store: {exc}"

    def _connect(self) -> sqlite3.Connection:
        if self.writable:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = _open(str(self.path))
            self._check_schema(db, ("info",), empty_ok=True)  # before anything is written: a trigger would run
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO info VALUES ('format', ?), ('probe', ?)", (FORMAT, str(PROBE)))
        else:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            try:
                db = _open(uri)
                self._check_schema(db, ("info",))
            except sqlite3.OperationalError:
                # Read only, SQLite still writes the -shm beside a WAL store; on a read-only file system nothing
                # can write there, or be writing the store: it is read as the file it is (immutable).
                if not read_only_fs(self.path):
                    raise
                if os.path.getsize(f"{self.path}-wal") if os.path.exists(f"{self.path}-wal") else 0:
                    raise StoreError(
                        f"{self.path} is on a read-only file system and its -wal file holds learning not yet folded "
                        "into it: copy both to a writable folder and open it there"
                    ) from None
                db = _open(uri + "&immutable=1")
                self._check_schema(db, ("info",))
        self.db = db
        self._check_format()
        self._check_schema(db)
        return db

    def _check_schema(self, db: sqlite3.Connection, tables: tuple[str, ...] = (), empty_ok: bool = False) -> None:
        problem = schema_problem(db, tables or tuple(TABLES), empty_ok)
        if problem:
            db.close()
            raise StoreError(f"{self.path} is not a template store: {problem}")

    def _check_format(self) -> None:
        with interruptible(self.db):
            info = dict(self.db.execute("SELECT key, value FROM info"))
        if info.get("format") != FORMAT or info.get("probe") != str(PROBE):
            made = info.get("format", "an unknown format")
            raise StoreError(f"{self.path} is a template store of {made}, this cleaner reads {FORMAT}: learn it again")

    def close(self) -> None:
        if self.writable:
            self._fold_log()
        self.db.close()

    def _fold_log(self) -> None:
        # What a learner commits goes to the write-ahead log (file-wal) first. SQLite folds the log into the file
        # when its last connection closes; a reader still open then (a cleaning run's own Cleaner, a crawl) can
        # not, and the learning would live in -wal alone: copy the .sqlite file and you would copy an empty store.
        # So the learner folds it in itself; readers between two queries do not hold it up.
        with contextlib.suppress(sqlite3.OperationalError):  # a reader in mid-query: the next learner's close does
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def __enter__(self) -> TemplateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Pickled (a worker's Cleaner is built from the path): the connection is reopened on the other side.
    def __getstate__(self) -> dict:
        return {"path": str(self.path), "writable": self.writable}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"], state["writable"])  # type: ignore[misc]

    def counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        with interruptible(self.db):
            return self._counts(site, mode, hashes)

    def _counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        wanted = list(set(hashes))
        self.db.execute("BEGIN")  # one snapshot: the page count and the line counts of the same commit
        try:
            row = self.db.execute("SELECT id, pages FROM sites WHERE site = ? AND mode = ?", (site, mode)).fetchone()
            if row is None:
                return None
            site_id, pages = row
            lines: dict[int, int] = {}
            for start in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[start : start + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT hash, pages FROM lines WHERE site_id = ? AND hash IN ({marks})"
                lines.update(self.db.execute(query, (site_id, *chunk)))
            return SiteCounts(pages, lines)
        finally:
            self.db.execute("COMMIT")

    def learn(self, pages: Iterable[LearnedPage], batch: int = BATCH_PAGES) -> tuple[int, int]:
        """Count pages into the store, `batch` pages per transaction. Returns (pages counted, pages skipped
        because the store had counted them before)."""
        if not self.writable:
            raise StoreError(f"{self.path} is open for reading only")
        counted = skipped = 0
        stream = iter(pages)
        while chunk := list(islice(stream, batch)):
            with interruptible(self.db):
                new = self._learn_batch(chunk)
            counted += new
            skipped += len(chunk) - new
        return counted, skipped

    def _learn_batch(self, chunk: list[LearnedPage]) -> int:
        lines: Counter[tuple[int, int]] = Counter()
        pages: Counter[int] = Counter()
        db = self.db
        db.execute("BEGIN IMMEDIATE")  # take the write lock now: two learners wait in turn instead of failing
        try:
            ids: dict[tuple[str, str], int] = {}
            for page in chunk:
                site_id = ids.get((page.site, page.mode))
                if site_id is None:
                    site_id = ids[(page.site, page.mode)] = self._site_id(page.site, page.mode)
                if db.execute("INSERT OR IGNORE INTO pages VALUES (?, ?)", (site_id, page.key)).rowcount == 0:
                    continue  # counted before (in this batch or an earlier run)
                pages[site_id] += 1
                lines.update((site_id, h) for h in page.hashes)
            db.executemany(
                "INSERT INTO lines VALUES (?, ?, ?) "
                "ON CONFLICT (site_id, hash) DO UPDATE SET pages = pages + excluded.pages",
                ((site_id, h, n) for (site_id, h), n in lines.items()),
            )
            db.executemany("UPDATE sites SET pages = pages + ? WHERE id = ?", ((n, i) for i, n in pages.items()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return sum(pages.values())

    def _site_id(self, site: str, mode: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO sites (site, mode) VALUES (?, ?)", (site, mode))
        return self.db.execute("SELECT id FROM sites WHERE site = ? AND mode = ?", (site, mode)).fetchone()[0]

    def summaries(self, min_pages: Callable[[int], int]) -> Iterator[SiteSummary]:
        """Every site and mode with its pages, its distinct lines and its lines on at least `min_pages(pages)`
        of its pages."""
        with interruptible(self.db):
            sites = self.db.execute("SELECT id, site, mode, pages FROM sites ORDER BY site, mode").fetchall()
        query = "SELECT COUNT(*), COALESCE(SUM(pages >= ?), 0) FROM lines WHERE site_id = ?"
        for site_id, site, mode, pages in sites:
            with interruptible(self.db):
                lines, recurring = self.db.execute(query, (min_pages(pages), site_id)).fetchone()
            yield SiteSummary(site, mode, pages, lines, recurring)

    def export(self, site: str, min_pages: int = 2) -> MemoryTemplates:
        """One site's counts (every mode), lines on fewer than `min_pages` pages left out: what a golden fixture
        keeps beside its page."""
        found = MemoryTemplates()
        with interruptible(self.db):
            sites = self.db.execute("SELECT id, mode, pages FROM sites WHERE site = ?", (site,)).fetchall()
            for site_id, mode, pages in sites:
                query = "SELECT hash, pages FROM lines WHERE site_id = ? AND pages >= ?"
                found.put(site, mode, pages, dict(self.db.execute(query, (site_id, min_pages))))
        return found


def _open(database: str) -> sqlite3.Connection:
    db = sqlite3.connect(
        database, uri=database.startswith("file:"), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    db.execute("PRAGMA trusted_schema = OFF")  # no function a schema names runs with the file's say-so
    return db
