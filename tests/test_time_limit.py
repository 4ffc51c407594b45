"""The per-page time limit, the last line of defence: a page that runs past it becomes an error record, in the
main thread (CPU time, SIGPROF), in any other thread, in `--jobs` workers, and a worker stuck where the limit
cannot reach is ended and its page named. The slow page is real: 10 MB of glued sentences on one line take
seconds."""

import functools
import json
import signal
import threading
import time

import pytest
from helpers import SEEDS, run_cleaner

from cleaner import Cleaner
from cleaner.bench.hostile import one_line_text
from cleaner.deadline import StuckPageWatch, time_limit
from cleaner.io import Item
from cleaner.parallel import clean_parallel

SLOW_PAGE = one_line_text(10_000_000)
STOPPED = "stopped at the time limit: the page took more than 0.2 s to clean"


def test_a_page_past_the_limit_becomes_an_error_record_and_the_next_page_is_cleaned():
    cleaner = Cleaner(time_limit=0.2)
    slow = cleaner.clean(SLOW_PAGE, id="slow", url="http://x.example/slow", extra={"feed": "f"})
    assert (slow.error, slow.id, slow.url, slow.extra) == (STOPPED, "slow", "http://x.example/slow", {"feed": "f"})
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # no timer left behind
    assert signal.getsignal(signal.SIGPROF) is signal.SIG_DFL
    assert cleaner.clean(SEEDS[0].read_bytes()).error is None


def test_the_limit_works_outside_the_main_thread():
    results = []
    worker = threading.Thread(target=lambda: results.append(Cleaner(time_limit=0.2).clean(SLOW_PAGE)))
    worker.start()
    worker.join()
    assert results[0].error == STOPPED


@pytest.mark.parametrize("timer, signum", [(signal.ITIMER_PROF, signal.SIGPROF), (signal.ITIMER_REAL, signal.SIGALRM)])
def test_a_timer_someone_else_holds_is_left_alone(timer, signum):
    """A profiler's SIGPROF timer, or an application's SIGALRM (pytest-timeout uses one), keeps its handler and
    its time; the limit then works as in other threads."""
    fired = []
    previous = signal.signal(signum, lambda *_: fired.append(True))
    signal.setitimer(timer, 3600)
    try:
        assert Cleaner(time_limit=0.2).clean(SLOW_PAGE).error == STOPPED
        assert 3500 < signal.getitimer(timer)[0] <= 3600
        assert signal.getsignal(signum) is not signal.SIG_DFL
        assert not fired
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)


def test_no_limit_and_a_finished_page_leave_no_exception_behind():
    with time_limit(None):
        pass
    with time_limit(0.05):
        pass
    sum(range(3_000_000))  # CPU time: a timer left armed would fire here
    with pytest.raises(ValueError, match="time limit"):
        Cleaner(time_limit=-1)


def test_the_cli_limit_in_worker_processes(tmp_path):
    pages = tmp_path / "pages.jsonl"
    lines = [{"id": "seed", "text": SEEDS[0].read_text(encoding="utf-8")}, {"id": "slow", "text": SLOW_PAGE}]
    pages.write_text("".join(json.dumps(line) + "\n" for line in lines * 2), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cleaner(str(pages), "-o", str(out), "--jobs", "2", "--time-limit", "0.2")
    assert proc.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r.get("error")) for r in records] == [("seed", None), ("slow", STOPPED)] * 2
    assert "done: 2 record(s), 2 error record(s) (2 timeout) in " in proc.stderr


class CleanerStuckInC(Cleaner):
    """A page that never answers its time limit, as a C extension stuck without returning to Python would:
    the timer's signal is ignored and the page waits on."""

    def page(self, content, *args, **kwargs):
        if b"STUCK" in content:
            signal.signal(signal.SIGPROF, signal.SIG_IGN)
            time.sleep(600)
        return super().page(content, *args, **kwargs)


def test_a_worker_stuck_past_its_limit_is_ended_and_its_page_named():
    items = [Item(id=f"page-{n}", content=SEEDS[n % len(SEEDS)].read_bytes()) for n in range(6)]
    items[2] = Item(id="stuck", content=b"STUCK")
    make = functools.partial(CleanerStuckInC, mode="text", time_limit=0.5)
    articles = list(clean_parallel(items, make, jobs=2))
    assert [a.id for a in articles] == [i.id for i in items]
    assert [a.id for a in articles if a.error] == ["stuck"]
    assert articles[2].error.startswith("internal error: the worker process died while cleaning this page")


def test_the_watch_marks_only_a_page_in_progress():
    watch = StuckPageWatch(1.0)  # gives up after 2 * 1 + 1 = 3 s of CPU, or 10 * 1 + 1 = 11 s of wall clock
    with watch.page("p"):
        assert not watch.stuck()
        watch.end_if_stuck()  # not stuck: this process goes on
        wall, cpu = watch.started
        watch.started = (wall - 10, cpu)  # as if the page had waited 10 s: a busy machine, not stuck yet
        assert not watch.stuck()
        watch.started = (wall - 11.5, cpu)  # 11.5 s: stuck waiting
        assert watch.stuck()
        watch.started = (wall, cpu - 3.5)  # 3.5 s of CPU: stuck computing
        assert watch.stuck()
    assert not watch.stuck()
    assert not StuckPageWatch(None).stuck()
