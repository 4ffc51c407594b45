"""The progress display: on a terminal (a real pseudo-terminal here) stderr shows pages, pages/second and errors;
when stderr is not a terminal, only the notes."""

import re

from helpers import ROOT, cleaner_command, on_terminal, run_cleaner


def test_progress_is_shown_when_stderr_is_a_terminal(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    command = cleaner_command(str(ROOT / "seeds"), str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out.jsonl"))
    status, text = on_terminal(command, columns=120, timeout=60)
    assert status == 1
    assert "6 pages" in text
    assert "pages/s" in text
    assert "1 errors" in text
    assert "bad.txt: binary content" in text


def test_no_progress_display_when_stderr_is_a_file(tmp_path):
    proc = run_cleaner(str(ROOT / "seeds"), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 0
    # No progress line, only the summary the run ends with.
    assert re.fullmatch(r"cleaner: done: 5 record\(s\), 0 error record\(s\) in \d+\.\d s\n", proc.stderr)
