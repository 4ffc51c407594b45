"""How many pages the inputs hold, when that is cheap to know, for a progress bar's total and ETA: a page file is
one, a plain JSON Lines file one per line that holds anything (read once, in C-speed line iteration). Compressed
files, WARCs, .json arrays and stdin are not counted: the total is then unknown, and the bar pulses."""

from __future__ import annotations

from collections.abc import Iterable

from .readers import JSON_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES, expand


def count_pages(inputs: Iterable[str]) -> int | None:
    """The number of Items reading `inputs` will give, or None when it is not cheap to know."""
    total = 0
    for path, error in expand(inputs):
        name = path.lower()
        if error is not None:
            total += 1  # an error record
        elif path == "-" or name.endswith((".gz", *WARC_SUFFIXES, *JSON_SUFFIXES)):
            return None
        elif name.endswith(JSONL_SUFFIXES):
            lines = _lines(path)
            if lines is None:
                return None
            total += max(lines, 1)  # an empty file is one error record
        else:
            total += 1
    return total


def _lines(path: str) -> int | None:
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if not line.isspace())
    except OSError:
        return None
