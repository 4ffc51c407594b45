"""Interrupted runs: a real run killed with SIGKILL leaves only whole records in OUTPUT.part and no OUTPUT;
--resume finishes it, and the result is byte for byte the output of a run that was never interrupted."""

import functools
import gzip
import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers import cleaner_command, read_records, run_cleaner, write_jsonl_batch

PAGES = 400


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def kill_when_part_has(command: list[str], part, lines: int) -> set[int]:
    """Run `command`, SIGKILL it once `part` holds `lines` records; return the pids of its child processes."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if part.exists() and part.read_bytes().count(b"\n") >= lines:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        children = children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
        return children
    finally:
        proc.wait()


def wait_gone(pids: set[int], timeout: float = 20) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = {pid for pid in pids if Path(f"/proc/{pid}").exists()}
        if not alive:
            return alive
        time.sleep(0.1)
    return alive


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_resume_after_sigkill_misses_and_repeats_nothing(tmp_path, jobs):
    pages = tmp_path / "pages.jsonl"
    ids = write_jsonl_batch(pages, PAGES)
    out, part = tmp_path / "out.jsonl", tmp_path / "out.jsonl.part"
    children = kill_when_part_has(cleaner_command(str(pages), "-o", str(out), "--jobs", jobs), part, 30)

    assert wait_gone(children) == set(), "worker processes outlived their killed parent"
    if jobs == "2":
        assert len(children) >= 2
    assert not out.exists()
    written = part.read_bytes()
    assert 30 <= written.count(b"\n") < PAGES
    # Whatever the kill interrupted, a write of a record is also cut short here, as a kill inside write() would.
    part.write_bytes(written[: written.rindex(b"\n") + 1] + b'{"id": "page-9999", "body": "half a rec')

    proc = run_cleaner(str(pages), "-o", str(out), "--jobs", jobs, "--resume")
    assert proc.returncode == 0, proc.stderr
    assert "resumed: " in proc.stderr
    assert not part.exists()
    assert [r["id"] for r in read_records(out)] == ids

    uninterrupted = tmp_path / "whole.jsonl"
    assert run_cleaner(str(pages), "-o", str(uninterrupted)).returncode == 0
    assert out.read_bytes() == uninterrupted.read_bytes()


def test_a_leftover_part_needs_resume_or_deleting(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl_batch(pages, 3)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.part").write_text("")
    proc = run_cleaner(str(pages), "-o", str(out))
    assert proc.returncode == 2
    assert "left from an interrupted run: add --resume" in proc.stderr
    assert not out.exists()


def test_resume_of_a_complete_output_does_nothing(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl_batch(pages, 3)
    out = tmp_path / "out.jsonl"
    assert run_cleaner(str(pages), "-o", str(out)).returncode == 0
    before = out.read_bytes()
    proc = run_cleaner(str(pages), "-o", str(out), "--resume")
    assert proc.returncode == 0
    assert "is complete: nothing to resume" in proc.stderr
    assert out.read_bytes() == before


def test_resume_counts_the_rejects_file_too(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text('{"id": "a", "text": "One line of text that is a page."}\n{"id": "b", "html": ""}\n{"id": "c"}\n')
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    # An interrupted run had written the first record and the first reject.
    assert run_cleaner(str(pages), "-o", str(out), "--rejects", str(rejects)).returncode == 1
    out.rename(tmp_path / "out.jsonl.part")
    lines = rejects.read_text().splitlines(keepends=True)
    rejects.unlink()
    (tmp_path / "rejects.jsonl.part").write_text(lines[0])

    proc = run_cleaner(str(pages), "-o", str(out), "--rejects", str(rejects), "--resume")
    assert proc.returncode == 1  # the one reject made in this run
    assert [r["id"] for r in read_records(out)] == ["a"]
    assert [r["id"] for r in read_records(rejects)] == ["b", "c"]
    assert "resumed: 2 input(s)" in proc.stderr


def test_gz_output_is_completed_from_the_part_file(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_jsonl_batch(pages, 12)
    plain, packed = tmp_path / "out.jsonl", tmp_path / "out.jsonl.gz"
    assert run_cleaner(str(pages), "-o", str(plain)).returncode == 0
    (tmp_path / "out.jsonl.gz.part").write_bytes(plain.read_bytes()[: plain.read_bytes().index(b"\n") + 1])
    proc = run_cleaner(str(pages), "-o", str(packed), "--resume")
    assert proc.returncode == 0, proc.stderr
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    listed = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))  # each run's record aside
    assert listed == ["out.jsonl", "out.jsonl.gz", "pages.jsonl"]


def write_batch_with_rejects(path, count: int) -> list[str]:
    """`count` inputs, every seventh one a JSONL line the cleaner must reject; returns all their ids in order."""
    ids = write_jsonl_batch(path, count)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for n in range(0, count, 7):
        lines[n] = json.dumps({"id": ids[n], "html": 42}) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return ids


def records_of(path) -> list[dict]:
    if path.name.endswith(".parquet"):
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


@pytest.mark.parametrize(
    "stop, jobs, suffix",
    [(signal.SIGINT, "1", ".jsonl.gz"), (signal.SIGTERM, "2", ".parquet"), (signal.SIGTERM, "1", ".jsonl")],
)
def test_a_signalled_run_keeps_whole_records_and_resume_finishes_it(tmp_path, stop, jobs, suffix):
    """SIGINT (Ctrl-C) and SIGTERM (kill) stop a run with the records so far in the `.part` files of the output
    and the rejects, whole, and no final files; --resume completes both, every input exactly once."""
    pages = tmp_path / "pages.jsonl"
    ids = write_batch_with_rejects(pages, PAGES)
    out, rejects = tmp_path / f"out{suffix}", tmp_path / "rejects.jsonl.gz"
    part = tmp_path / f"out{suffix}.part"
    command = cleaner_command(str(pages), "-o", str(out), "--rejects", str(rejects), "--jobs", jobs)
    # A shell starts background jobs with SIGINT ignored, and a child inherits that: restore Ctrl-C's default.
    restore_sigint = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=restore_sigint
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (part.exists() and part.read_bytes().count(b"\n") >= 30):
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(stop)
    _, stderr = proc.communicate(timeout=60)

    assert proc.returncode != 0
    assert "run again with --resume to finish" in stderr and "done: " not in stderr
    assert not out.exists() and not rejects.exists()
    for leftover in (part, tmp_path / "rejects.jsonl.gz.part"):
        data = leftover.read_bytes()
        assert data.endswith(b"\n")
        assert all(json.loads(line)["id"] in ids for line in data.splitlines())  # whole records only

    finish = run_cleaner(str(pages), "-o", str(out), "--rejects", str(rejects), "--jobs", jobs, "--resume")
    assert finish.returncode == 1, finish.stderr  # some inputs are rejects
    kept, rejected = records_of(out), records_of(rejects)
    assert sorted(r["id"] for r in kept + rejected) == sorted(ids)  # none missing, none twice
    assert [r["id"] for r in rejected] == ids[::7]
    assert [r["id"] for r in kept] == [i for n, i in enumerate(ids) if n % 7]
    listed = sorted(p.name for p in tmp_path.iterdir())
    assert listed == sorted(["pages.jsonl", out.name, rejects.name, f".{out.name}.cleaner-run"])  # and its run record


def test_a_kill_between_the_two_commits_is_resumed_with_every_reject_once(tmp_path):
    """The rejects file is completed before the output: a run killed between the two leaves OUTPUT.part and a
    complete rejects file, and --resume finishes the output and re-makes the rejects, each once."""
    pages = tmp_path / "pages.jsonl"
    ids = write_batch_with_rejects(pages, 30)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    assert run_cleaner(str(pages), "-o", str(out), "--rejects", str(rejects)).returncode == 1
    whole_out, whole_rejects = out.read_bytes(), rejects.read_bytes()
    out.rename(tmp_path / "out.jsonl.part")  # as a kill after the rejects' commit and before the output's leaves it

    proc = run_cleaner(str(pages), "-o", str(out), "--rejects", str(rejects), "--resume")
    assert proc.returncode == 1, proc.stderr
    assert out.read_bytes() == whole_out and rejects.read_bytes() == whole_rejects
    assert sorted(r["id"] for r in read_records(out) + read_records(rejects)) == sorted(ids)


def in_process(*args: str):
    """`cleaner clean` in this process, where the process is not the point (a refusal before any work)."""
    from typer.testing import CliRunner

    from cleaner.cli import app

    return CliRunner().invoke(app, ["clean", *args])


@pytest.mark.parametrize("link", ["out.jsonl.part", "out.jsonl", "rejects.jsonl.part"])
def test_resume_refuses_to_write_through_a_symlink(tmp_path, link):
    pages = tmp_path / "pages.jsonl"
    write_jsonl_batch(pages, 2)
    victim = tmp_path / "precious.txt"
    victim.write_text("not to be truncated\n")
    (tmp_path / link).symlink_to(victim)
    if link != "out.jsonl.part":
        (tmp_path / "out.jsonl.part").write_text("")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    done = in_process(str(pages), "-o", str(out), "--rejects", str(rejects), "--resume")
    assert done.exit_code == 2
    assert f"{tmp_path / link} is a symbolic link" in done.stderr
    assert victim.read_text() == "not to be truncated\n"


def test_a_second_run_on_the_same_output_is_refused_while_the_first_goes_on(tmp_path):
    out = tmp_path / "out.jsonl"
    first = subprocess.Popen(
        cleaner_command("-", "-o", str(out)),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first.stdin.write(json.dumps({"id": "a", "text": "A line of text that makes a page."}) + "\n")
        first.stdin.flush()
        part = tmp_path / "out.jsonl.part"
        deadline = time.monotonic() + 60
        while not (part.exists() and part.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.1)  # the first run holds the lock and waits for more input
        pages = tmp_path / "pages.jsonl"
        write_jsonl_batch(pages, 2)
        for extra in (["--resume"], []):
            proc = run_cleaner(str(pages), "-o", str(out), *extra)
            assert proc.returncode == 2
            wanted = "another run is writing" if extra else "left from an interrupted run"
            assert wanted in proc.stderr, proc.stderr
    finally:
        first.stdin.close()
        assert first.wait(timeout=60) == 0, first.stderr.read()
    assert [r["id"] for r in read_records(out)] == ["a"]


def test_an_output_that_is_one_of_the_inputs_is_refused_before_any_work(tmp_path):
    pages = tmp_path / "crawl" / "pages.jsonl"
    pages.parent.mkdir()
    write_jsonl_batch(pages, 2)
    before = pages.read_bytes()
    for args in (
        [str(pages), "-o", str(pages)],
        [str(tmp_path / "crawl" / "*.jsonl"), "-o", str(pages)],
        [str(tmp_path / "crawl"), "-o", str(pages)],
        [str(tmp_path / "crawl"), "--rejects", str(pages), "-o", str(tmp_path / "out.jsonl")],
    ):
        done = in_process(*args)
        assert done.exit_code == 2 and "is one of the inputs" in done.stderr, done.stderr
        assert pages.read_bytes() == before and not (tmp_path / "out.jsonl").exists()


def _limit_file_size(size: int):
    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_write_that_fails_stops_with_one_line_and_resume_finishes(tmp_path):
    pages = tmp_path / "pages.jsonl"
    ids = write_jsonl_batch(pages, 12)
    out = tmp_path / "out.jsonl"
    proc = run_cleaner(str(pages), "-o", str(out), preexec_fn=_limit_file_size(6_000))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        f"cleaner: stopped: cannot write {out}.part: File too large; the records so far are in {out}.part: "
        "run again with --resume to finish"
    ], proc.stderr
    assert not out.exists() and 0 < (tmp_path / "out.jsonl.part").stat().st_size <= 6_000
    proc = run_cleaner(str(pages), "-o", str(out), "--resume")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in read_records(out)] == ids


def test_a_full_disk_is_said_in_one_line(tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    pages = tmp_path / "pages.jsonl"
    write_jsonl_batch(pages, 12)
    command = " ".join(cleaner_command(str(pages), "-o", str(full / "out.jsonl")))
    # A 16 KB tmpfs, mounted in a private user and mount namespace (no root needed where those are allowed).
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=16k tmpfs {full} || exit 77; {command}"],
        capture_output=True,
        text=True,
    )
    if proc.returncode == 77 or "unshare:" in proc.stderr:
        pytest.skip("no tmpfs can be mounted here (user namespaces are off)")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"cleaner: stopped: cannot write {full}/out.jsonl.part: No space left on device; the records so far are in "
        f"{full}/out.jsonl.part: run again with --resume to finish"
    ], proc.stderr
