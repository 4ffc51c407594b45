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


def text_views(html: str, rng: random.Random | None = None) -> list[str]:
    """The page as each training dump style that can run here dumps it (devdata/dumps.py: TRAIN_STYLES, never a
    held-out one); with `rng`, each view is followed by an augmented copy of it (`augment`)."""
    views = []
    for name in runnable():
        try:
            text = CONVERTERS[name](html)
        except Exception:  # a converter failing on one page costs that view, not the training run
            continue
        views.append(text)
        if rng is not None:
            views.append(augment(text, rng))
    return views
