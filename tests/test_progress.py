"""The progress display: on a terminal (a real pseudo-terminal here) stderr shows pages, pages/second and errors;
when stderr is not a terminal, only the notes."""

import os
import pty
import re
import subprocess

from helpers import ROOT, cleaner_command, run_cleaner


def test_progress_is_shown_when_stderr_is_a_terminal(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    main, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    proc = subprocess.Popen(
        cleaner_command(str(ROOT / "seeds"), str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out.jsonl")),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert proc.wait(timeout=60) == 1
    text = shown.decode("utf-8", "replace")
    assert "6 pages" in text
    assert "pages/s" in text
    assert "1 errors" in text
    assert "bad.txt: binary content" in text


def test_no_progress_display_when_stderr_is_a_file(tmp_path):
    proc = run_cleaner(str(ROOT / "seeds"), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 0
    # No progress line, only the summary the run ends with.
    assert re.fullmatch(r"cleaner: done: 5 record\(s\), 0 error record\(s\) in \d+\.\d s\n", proc.stderr)
