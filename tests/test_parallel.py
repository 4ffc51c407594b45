"""--jobs N: real worker processes, output identical to one process and in input order, bounded read-ahead,
and a worker that dies costs one error record, not the batch."""

import functools
import os

import pytest
from helpers import SEEDS, read_records, run_cleaner, write_jsonl_batch

from cleaner import Cleaner
from cleaner.io import Item, read_inputs
from cleaner.parallel import WorkerStartError, clean_parallel


def test_jobs_2_gives_the_same_output_as_one_process(tmp_path):
    pages = tmp_path / "pages.jsonl"
    ids = write_jsonl_batch(pages, 40)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_cleaner(str(pages), "-o", str(one), "--explain").returncode == 0
    proc = run_cleaner(str(pages), "-o", str(two), "--explain", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in read_records(two)] == ids
    assert two.read_bytes() == one.read_bytes()


def test_read_ahead_stays_within_the_window():
    pulled = 0

    def items():
        nonlocal pulled
        for n in range(30):
            pulled += 1
            yield Item(id=f"seed-{n}", content=SEEDS[n % len(SEEDS)].read_bytes(), mode="text")

    handed_on = 0
    most_ahead = 0
    for article in clean_parallel(items(), Cleaner, jobs=2, window=3):
        assert article.id == f"seed-{handed_on}"
        handed_on += 1
        most_ahead = max(most_ahead, pulled - handed_on)
    assert handed_on == 30
    assert most_ahead <= 3


class CleanerThatDies(Cleaner):
    """A Cleaner whose process dies on one page, as a crash in a C extension or the OOM killer would end it."""

    def clean(self, content, *args, **kwargs):
        if b"KILL THE WORKER" in content:
            os._exit(70)
        return super().clean(content, *args, **kwargs)


def test_a_dying_worker_costs_one_error_record_per_killing_page(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(24):
        body = b"KILL THE WORKER" if n in (5, 17) else SEEDS[n % len(SEEDS)].read_bytes()
        (pages / f"page-{n:02d}.txt").write_bytes(body)
    articles = list(clean_parallel(read_inputs([str(pages)]), functools.partial(CleanerThatDies, mode="text"), jobs=2))
    assert [os.path.basename(a.id) for a in articles] == [f"page-{n:02d}.txt" for n in range(24)]
    assert [n for n, a in enumerate(articles) if a.error] == [5, 17]
    assert {a.error for a in articles if a.error} == {
        "internal error: the worker process died while cleaning this page (a crash, no memory left, "
        "or stuck past its time limit)"
    }
    assert all(a.body for a in articles if not a.error)


def test_workers_that_cannot_start_stop_the_run_instead_of_failing_every_page():
    items = (Item(id=f"seed-{n}", content=seed.read_bytes()) for n, seed in enumerate(SEEDS))
    broken_config = functools.partial(Cleaner, disable=["no-such-rule"])  # fails in every worker's initializer
    with pytest.raises(WorkerStartError, match="worker processes cannot start"):
        list(clean_parallel(items, broken_config, jobs=2))
