"""What the interface tests share: real pages written to real files, and a real `cleaner clean` process."""

import contextlib
import functools
import json
import os
import pty
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SITE = Path(__file__).resolve().parent / "site"
ARTICLES = sorted((SITE / "news").glob("*.html"))


def write_jsonl_batch(path: Path, count: int) -> list[str]:
    """`count` pages (the seed texts and the test site's articles, in turn) as JSON Lines; returns their ids."""
    pages = [{"text": p.read_text(encoding="utf-8")} for p in SEEDS]
    pages += [{"html": p.read_bytes().decode("latin-1" if "festival" in p.name else "utf-8")} for p in ARTICLES]
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for n in range(count):
            ids.append(f"page-{n:04d}")
            f.write(json.dumps({"id": ids[-1], "feed": "test", **pages[n % len(pages)]}, ensure_ascii=False) + "\n")
    return ids


def cleaner_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", *args]


def run_cleaner(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cleaner_command(*args), capture_output=True, text=True, **kwargs)


def on_terminal(command: list[str], columns: int, timeout: float) -> tuple[int, str]:
    """Run `command` with its stderr on a real pseudo-terminal of `columns` columns: its exit status and what the
    terminal showed."""
    main, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": str(columns)}
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal, env=env)
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
    return proc.wait(timeout=timeout), shown.decode("utf-8", "replace")


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the client's own log says what was fetched
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A real HTTP server for `folder` on a free localhost port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
