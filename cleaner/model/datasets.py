"""Reading the development datasets for training: rows, gold bodies, snippet labels and plain-text views."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import numpy as np


def read_rows(path: str) -> Iterator[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def gold_body(row: dict, dataset: str) -> str | None:
    """The gold article text: `body`, or readability's expected HTML (`body_html`) as text."""
    if row.get("body"):
        return row["body"]
    if row.get("body_html"):
        import html_text

        return html_text.extract_text(row["body_html"], guess_layout=True)
    return None


def _squash(text: str) -> str:
    return " ".join(text.split())


def snippet_labels(texts: list[str], with_: list[str], without: list[str]) -> np.ndarray:
    """Weak labels: 1 for a block holding a must-have snippet, 0 for one holding a must-not, NaN otherwise."""
    labels = np.full(len(texts), np.nan, dtype=np.float32)
    keep = [_squash(s) for s in with_ if s and s.strip()]
    drop = [_squash(s) for s in without if s and s.strip()]
    for i, text in enumerate(texts):
        flat = _squash(text)
        if any(s in flat for s in keep):
            labels[i] = 1.0
        elif any(s in flat for s in drop):
            labels[i] = 0.0
    return labels


def text_views(html: str) -> list[str]:
    """The page as two naive scrapers would dump it: html-text with layout guessing, and inscriptis."""
    import html_text
    import inscriptis

    views = []
    for convert in (lambda h: html_text.extract_text(h, guess_layout=True), inscriptis.get_text):
        try:
            views.append(convert(html))
        except Exception:  # a converter failing on one page costs that view, not the training run
            continue
    return views
