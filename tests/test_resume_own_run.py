"""--resume continues only its own run: the inputs and options a run started with are recorded beside its
output, and a .part or a complete output of another run is refused (issue 23, item 3)."""

import json

from helpers import ARTICLES
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()


def _pages(path, names):
    with open(path, "w", encoding="utf-8") as f:
        for name in names:
            page = ARTICLES[-1].read_bytes().decode("utf-8")
            f.write(json.dumps({"id": name, "html": page}) + "\n")
    return str(path)


def _clean(*args):
    return runner.invoke(app, ["clean", *args])


def test_a_part_left_by_a_run_over_other_inputs_is_refused(tmp_path):
    first, second = _pages(tmp_path / "a.jsonl", "abc"), _pages(tmp_path / "b.jsonl", "xyz")
    out = tmp_path / "out.jsonl"
    assert _clean(first, "-o", str(out)).exit_code == 0
    out.rename(tmp_path / "out.jsonl.part")  # as a run over a.jsonl interrupted at its end leaves it
    result = _clean(second, "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert "out.jsonl.part was written by another run" in result.stderr and "a.jsonl" in result.stderr
    assert not out.exists()  # nothing adopted, nothing written


def test_a_complete_output_of_fewer_inputs_is_not_nothing_to_resume(tmp_path):
    first, more = _pages(tmp_path / "a.jsonl", "abc"), _pages(tmp_path / "more.jsonl", "de")
    out = tmp_path / "out.jsonl"
    assert _clean(first, "-o", str(out)).exit_code == 0
    result = _clean(first, more, "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert "nothing to resume" not in result.stderr
    assert f"{out} was written by another run" in result.stderr and "more.jsonl" in result.stderr


def test_other_options_are_another_run(tmp_path):
    pages, out = _pages(tmp_path / "a.jsonl", "abc"), tmp_path / "out.jsonl"
    assert _clean(pages, "-o", str(out)).exit_code == 0
    out.rename(tmp_path / "out.jsonl.part")
    result = _clean(pages, "-o", str(out), "--resume", "--mode", "text")
    assert result.exit_code == 2 and "mode 'auto', now 'text'" in result.stderr


def test_the_same_run_resumes_whatever_its_jobs(tmp_path):
    pages, out = _pages(tmp_path / "a.jsonl", "abc"), tmp_path / "out.jsonl"
    assert _clean(pages, "-o", str(out)).exit_code == 0
    lines = out.read_text().splitlines(keepends=True)
    out.unlink()
    (tmp_path / "out.jsonl.part").write_text(lines[0])
    result = _clean(pages, "-o", str(out), "--resume", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b", "c"]
    assert "resumed: 1 input(s)" in result.stderr
    assert "is complete: nothing to resume" in _clean(pages, "-o", str(out), "--resume").stderr
