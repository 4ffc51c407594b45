"""Start-up: what one small page costs from the command line, the cleaner's `cleaner clean PAGE` beside
trafilatura's `trafilatura -i PAGE`, each a fresh process, CPU seconds (user + system, from the children's
resource usage) and wall seconds, the median of a few runs. `cleaner bench` reports it; on its own:

    python -m cleaner.bench.startup PAGE [REPEATS]
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


def _run(command: list[str]) -> tuple[float, float]:
    """CPU and wall seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def commands(page: Path) -> dict[str, list[str]]:
    """The command lines compared (trafilatura's only where it is installed)."""
    found = {"cleaner clean": [sys.executable, "-m", "cleaner", "clean", str(page)]}
    trafilatura = shutil.which("trafilatura") or shutil.which("trafilatura", path=os.path.dirname(sys.executable))
    if trafilatura:
        found["trafilatura -i"] = [trafilatura, "-i", str(page)]
    return found


def measure(page: Path, repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    """{command: {"cpu_seconds", "wall_seconds"}}, medians over `repeats` runs, the commands taking turns."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands(page)}
    for _ in range(repeats):
        for name, command in commands(page).items():
            runs[name].append(_run(command))
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
