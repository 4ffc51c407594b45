"""The template store: a real SQLite file, learned into, read from, interrupted, shared between processes."""

import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from cleaner.templates import LearnedPage, StoreError, TemplateStore, threshold
from cleaner.templates.guard import interruptible
from cleaner.templates.normalise import line_hash


def page(site: str, n: int, lines: list[str]) -> LearnedPage:
    hashes = frozenset(line_hash(t) for t in lines)
    return LearnedPage(site, "html", n, hashes)


def pages(count: int, site: str = "a.example") -> list[LearnedPage]:
    return [page(site, n, ["Masthead", "Footer", f"Story {chr(65 + n % 26)}{n}"]) for n in range(count)]


def test_learn_count_and_read(tmp_path):
    path = tmp_path / "t.sqlite"
    with TemplateStore(path, writable=True) as store:
        assert store.learn(pages(12)) == (12, 0)
        assert store.learn(pages(3, "b.example")) == (3, 0)
    with TemplateStore(path) as store:  # read only
        found = store.counts("a.example", "html", [line_hash("Masthead"), line_hash("Story A0"), line_hash("x")])
        assert found.pages == 12 and found.lines == {line_hash("Masthead"): 12, line_hash("Story A0"): 1}
        assert store.counts("a.example", "text", [line_hash("Masthead")]) is None
        assert [(s.site, s.pages, s.lines, s.recurring) for s in store.summaries(threshold)] == [
            ("a.example", 12, 14, 2),
            ("b.example", 3, 5, 2),
        ]
        with pytest.raises(StoreError, match="reading only"):
            store.learn(pages(1))


def test_a_page_learned_again_is_not_counted_again(tmp_path):
    with TemplateStore(tmp_path / "t.sqlite", writable=True) as store:
        store.learn(pages(5))
        assert store.learn(pages(8)) == (3, 5)
        assert store.counts("a.example", "html", [line_hash("Footer")]).lines == {line_hash("Footer"): 8}


def test_an_interrupted_learning_run_keeps_its_commits_and_a_rerun_finishes_it(tmp_path):
    path = tmp_path / "t.sqlite"

    def interrupted():
        yield from pages(25)[:7]
        raise KeyboardInterrupt

    with TemplateStore(path, writable=True) as store, pytest.raises(KeyboardInterrupt):
        store.learn(interrupted(), batch=3)
    with TemplateStore(path) as store:
        assert store.counts("a.example", "html", [line_hash("Footer")]).pages == 6  # two batches of three
    with TemplateStore(path, writable=True) as store:
        assert store.learn(pages(25), batch=3) == (19, 6)
        assert store.counts("a.example", "html", [line_hash("Footer")]).lines == {line_hash("Footer"): 25}


def test_unusable_files_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="no template store at"):
        TemplateStore(tmp_path / "missing.sqlite")
    (tmp_path / "notes.txt").write_text("not a database, just text " * 100)
    with pytest.raises(StoreError, match="is not a template store"):
        TemplateStore(tmp_path / "notes.txt")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.executescript(
            "CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT); INSERT INTO info VALUES ('format', 'x')"
        )
    with pytest.raises(StoreError, match="learn it again"):
        TemplateStore(other)


def test_a_reader_keeps_reading_while_a_writer_learns(tmp_path):
    path = tmp_path / "t.sqlite"
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(10))
    reader = TemplateStore(path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a learning run in the middle of a batch
    writer.execute("UPDATE sites SET pages = pages + 100")
    assert reader.counts("a.example", "html", [line_hash("Footer")]).pages == 10  # not blocked, not half-written
    writer.execute("COMMIT")
    assert reader.counts("a.example", "html", [line_hash("Footer")]).pages == 110
    reader.close()
    writer.close()


LEARN = """
import sys
from cleaner.templates import LearnedPage, TemplateStore
from cleaner.templates.normalise import line_hash
first = int(sys.argv[2])
with TemplateStore(sys.argv[1], writable=True) as store:
    for n in range(first, first + 300, 10):
        batch = [LearnedPage("a.example", "html", k, frozenset({line_hash("Footer"), k})) for k in range(n, n + 10)]
        store.learn(batch)
"""


def test_two_processes_learning_at_once_take_turns(tmp_path):
    path = tmp_path / "t.sqlite"
    TemplateStore(path, writable=True).close()
    runs = [subprocess.Popen([sys.executable, "-c", LEARN, str(path), str(first)]) for first in (0, 1000)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    with TemplateStore(path) as store:
        assert store.counts("a.example", "html", [line_hash("Footer")]).lines == {line_hash("Footer"): 600}


def test_a_store_pickles_as_its_path_and_reopens(tmp_path):
    path = tmp_path / "t.sqlite"
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(6))
    again = pickle.loads(pickle.dumps(TemplateStore(path)))
    assert again.counts("a.example", "html", [line_hash("Masthead")]).pages == 6


def test_what_a_learner_commits_is_in_the_file_itself_though_a_reader_is_open(tmp_path):
    path = tmp_path / "t.sqlite"
    TemplateStore(path, writable=True).close()
    reader = TemplateStore(path)  # a cleaning run's Cleaner, opened before its two-pass learning
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(8))
    assert reader.counts("a.example", "html", [line_hash("Masthead")]).pages == 8
    copy = tmp_path / "copy.sqlite"  # the .sqlite file alone, as a user copies it to another machine
    copy.write_bytes(path.read_bytes())
    reader.close()
    with TemplateStore(copy) as copied:
        assert copied.counts("a.example", "html", [line_hash("Masthead")]).pages == 8


RECURSING_VIEW = (
    "DROP TABLE lines; CREATE VIEW lines(site_id, hash, pages) AS WITH RECURSIVE r(n) AS "
    "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 1, n, 1 FROM r"
)


@pytest.mark.parametrize(
    "craft, named",
    [
        (RECURSING_VIEW, "view 'lines'"),
        ("CREATE TRIGGER t AFTER INSERT ON pages BEGIN DELETE FROM lines; END", "trigger 't'"),
        ("CREATE TABLE extra (x)", "table 'extra'"),
        ("CREATE INDEX i ON lines (pages)", "index 'i'"),
        ("ALTER TABLE lines ADD COLUMN note TEXT", "its table 'lines' has columns"),
    ],
)
def test_a_crafted_store_is_refused_not_run(tmp_path, craft, named):
    path = tmp_path / "crafted.sqlite"
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(3))
    with sqlite3.connect(path) as db:
        db.executescript(craft)
    for writable in (False, True):
        with pytest.raises(StoreError, match=f"is not a template store: .*{named}"):
            TemplateStore(path, writable=writable)


def test_a_crafted_store_given_to_clean_is_a_usage_error_at_once(tmp_path):
    path = tmp_path / "crafted.sqlite"
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(3))
    with sqlite3.connect(path) as db:
        db.executescript(RECURSING_VIEW)
    page_file = tmp_path / "page.txt"
    page_file.write_text("Masthead\nFooter\nThe council approved the budget after a long debate.\n")
    from typer.testing import CliRunner

    from cleaner.cli import app

    done = CliRunner().invoke(app, ["clean", str(page_file), "--templates", str(path), "--site", "a.example"])
    assert done.exit_code == 2 and "is not a template store: its schema holds view 'lines'" in done.stderr


def _exit_on_sigterm(signum, frame):  # as the CLI does
    raise SystemExit(128 + signum)


@pytest.mark.parametrize("signum, raised", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, SystemExit)])
def test_signals_stop_a_query_inside_sqlite(tmp_path, signum, raised):
    path = tmp_path / "t.sqlite"
    with TemplateStore(path, writable=True) as store:
        store.learn(pages(3))
    store = TemplateStore(path)
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signum))
    started = time.monotonic()
    try:
        timer.start()
        with pytest.raises(raised), interruptible(store.db):  # a query that never ends on its own
            store.db.execute("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r")
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, previous)
        store.close()
    assert time.monotonic() - started < 10
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handlers as they were


def test_a_store_on_a_read_only_file_system_is_read_and_said_to_be_read_only(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    page_file = tmp_path / "page.txt"
    page_file.write_text("Masthead\nThe council approved the budget after a long debate about roads.\n")
    store = folder / "t.sqlite"
    clean = f"{sys.executable} -m cleaner clean {page_file} --site a.example --templates {store}"
    script = (
        f"mount -t tmpfs -o size=1m tmpfs {folder} || exit 77; "
        f"{sys.executable} -m cleaner templates learn {store} {page_file} --site a.example || exit 3; "
        f"mount -o remount,ro {folder} || exit 77; "
        f"{clean} > /dev/null || exit 4; {clean} --two-pass"
    )
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    if done.returncode == 77 or "unshare:" in done.stderr:
        pytest.skip("no tmpfs can be mounted here (user namespaces are off)")
    assert done.returncode == 2, done.stderr
    assert f"cannot learn into {store}: it is on a read-only file system" in done.stderr
