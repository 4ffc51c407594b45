"""What a batch run tells the person watching it, on stderr: a live line (pages, pages/second, errors) when
stderr is a terminal, and notes (one per error record, a summary at the end) in either case."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


def _live_display() -> Any:
    """rich's progress display, imported only when there is a terminal to show it on (start-up: 0.05 s): pages
    done (of the total, when known), pages/second, errors, time elapsed and, with a total, the time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Pages(ProgressColumn):
        def render(self, task: Task) -> Text:
            of = f"/{task.total:,.0f}" if task.total is not None else ""
            return Text(f"{task.completed:,.0f}{of} pages")

    class TimeLeft(TimeRemainingColumn):
        def render(self, task: Task) -> Text:
            return Text("") if task.total is None else Text("ETA ") + super().render(task)

    class PagesPerSecond(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.finished_time if task.finished else task.elapsed
            rate = task.completed / elapsed if elapsed else 0.0
            return Text(f"{rate:,.1f} pages/s")

    return Progress(
        BarColumn(bar_width=20),  # a pulse when the total is not known
        Pages(),
        PagesPerSecond(),
        TextColumn("{task.fields[errors]:,} errors"),
        TimeElapsedColumn(),
        TimeLeft(),
        console=Console(file=sys.stderr),
        redirect_stdout=False,  # records go to stdout untouched; the display lives on stderr only
        redirect_stderr=False,
    )


class Reporter:
    """`advance(error)` after each record; `note(message)` for a line that must stay on screen."""

    def __init__(self, live: bool | None = None) -> None:
        self.live = sys.stderr.isatty() if live is None else live
        self._progress: Any = None
        self._task = None
        self.errors = 0
        if self.live:
            self._progress = _live_display()
            self._task = self._progress.add_task("cleaning", total=None, errors=0)

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress is not None:
            if kind is None:  # finished: the bar shows every page done, whatever the count said
                task = self._progress.tasks[0]
                self._progress.update(self._task, total=task.completed)
            self._progress.stop()

    def set_total(self, total: int | None) -> None:
        """The number of pages the run will write, when known: the bar fills and shows the time left."""
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def advance(self, error: bool) -> None:
        self.errors += error
        if self._progress is not None:
            self._progress.update(self._task, advance=1, errors=self.errors)

    def note(self, message: str) -> None:
        line = f"cleaner: {message}"
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=sys.stderr, flush=True)
