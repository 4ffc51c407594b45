"""Start-up: what one small page costs from the command line, the cleaner's `cleaner clean PAGE` beside
trafilatura's command line extracting the same page with its metadata as JSON (`trafilatura --json
--with-metadata < PAGE`: given a file name with `-i`, trafilatura reads the file as a list of URLs and extracts
nothing), each a fresh process, CPU seconds (user + system, from the children's resource usage) and wall seconds,
the median of a few runs. `cleaner bench` reports it; on its own:

    python -m cleaner.bench.startup PAGE [REPEATS]

Both run as installed: Python's bytecode cached (pip compiles a package's modules when it installs it), so an
environment that turns the cache off (PYTHONDONTWRITEBYTECODE) is not passed on, and each command runs once
untimed first to fill it.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPEATS = 5
TRAFILATURA = "trafilatura --json --with-metadata"


def _run(command: list[str], page: Path) -> tuple[float, float]:
    """CPU and wall seconds of one run of `command` (the page on its standard input when it names none)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(page, "rb") as stdin:
        subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def commands(page: Path) -> dict[str, list[str]]:
    """The command lines compared (trafilatura's only where it is installed)."""
    found = {"cleaner clean": [sys.executable, "-m", "cleaner", "clean", str(page)]}
    trafilatura = shutil.which("trafilatura") or shutil.which("trafilatura", path=os.path.dirname(sys.executable))
    if trafilatura:
        found[TRAFILATURA] = [trafilatura, *TRAFILATURA.split()[1:]]
    return found


def measure(page: Path, repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    """{command: {"cpu_seconds", "wall_seconds"}}, medians over `repeats` runs, the commands taking turns."""
    compared = commands(page)
    for command in compared.values():
        _run(command, page)  # untimed: fills the bytecode cache
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in compared}
    for _ in range(repeats):
        for name, command in compared.items():
            runs[name].append(_run(command, page))
    return {
        name: {
            "cpu_seconds": round(statistics.median(cpu for cpu, _ in timed), 3),
            "wall_seconds": round(statistics.median(wall for _, wall in timed), 3),
        }
        for name, timed in runs.items()
    }


def rows(measured: dict[str, dict[str, float]]) -> list[list[str]]:
    return [[name, f"{m['cpu_seconds']:.2f}", f"{m['wall_seconds']:.2f}"] for name, m in measured.items()]


if __name__ == "__main__":  # pragma: no cover
    figures = measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else REPEATS)
    for row in rows(figures):
        print("\t".join(row))
