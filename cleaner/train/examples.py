"""Training examples' sources: the benchmark's dataset rows and gold, the plain-text views, snippet labels."""

from __future__ import annotations

import random

import numpy as np

from ..devdata.dumps import CONVERTERS, augment, runnable


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


BASIC_VIEWS = ("html-text", "inscriptis")  # every training page is seen through these two dumps
OTHER_VIEWS = 3  # ... and through this many of the other training styles, chosen per page


def text_views(html: str, rng: random.Random | None = None) -> list[str]:
    """The page as the training dump styles dump it (devdata/dumps.py: TRAIN_STYLES, never a held-out one). With
    `rng`, a sample that keeps the training set's size in bounds while every style is seen as often: html-text and
    inscriptis, OTHER_VIEWS of the other styles, and an augmented copy (`augment`) of one of those views."""
    names = list(runnable())
    if rng is not None:
        others = [n for n in names if n not in BASIC_VIEWS]
        names = [n for n in names if n in BASIC_VIEWS] + rng.sample(others, min(OTHER_VIEWS, len(others)))
    views = []
    for name in names:
        try:
            views.append(CONVERTERS[name](html))
        except Exception:  # a converter failing on one page costs that view, not the training run
            continue
    if rng is not None and views:
        views.append(augment(rng.choice(views), rng))
    return views
