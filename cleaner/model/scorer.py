"""The learned block scorer: the probability that a block is article content, from two boosted-tree stages.

Stage 1 reads the block features (features.py). Stage 2 reads them again with stage 1's probabilities of the
block's neighbours, so a block is judged by the stretch it stands in. The shipped models are JSON files in
this package (`html.json`, `text.json`); `cleaner train` rebuilds them.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..record import Page
from .features import feature_names, page_features
from .trees import TreeEnsemble

STACK_WINDOWS = (1, 2, 4, 8)


def stack_features(p: np.ndarray) -> np.ndarray:
    """Neighbourhood of stage-1 probabilities: previous, next, windowed means and minima, page mean, rank."""
    n = len(p)
    if n == 0:
        return np.zeros((0, 4 + 2 * len(STACK_WINDOWS)), dtype=np.float32)
    padded = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)
    columns = [np.concatenate([[0.0], p[:-1]]), np.concatenate([p[1:], [0.0]])]
    for w in STACK_WINDOWS:
        lo = np.maximum(idx - w, 0)  # (np.clip costs more, and never reaches the other bound here)
        hi = np.minimum(idx + w + 1, n)
        columns.append((padded[hi] - padded[lo]) / (hi - lo))
        windows = np.lib.stride_tricks.sliding_window_view(np.pad(p, w, constant_values=1.0), 2 * w + 1)
        columns.append(windows.min(axis=1))
    columns.append(np.full(n, p.mean()))
    columns.append(np.argsort(np.argsort(p)) / max(n - 1, 1))
    return np.column_stack(columns).astype(np.float32)


LOG_WORDS = feature_names().index("log_words")
STRETCH_GAP = 3  # likely-content blocks this far apart are one stretch
STRETCH_FEATURES = ("before_share", "after_share", "in_main", "log_dist_main", "after_main", "main_share")


def stretch_features(p: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Where a block stands against the page's main stretch of likely content (the run of blocks stage 1 scores
    as content, gaps of up to STRETCH_GAP blocks allowed, that carries the most probable words): the share of
    that mass before and after it, whether it is inside the stretch, how far outside, and the stretch's share."""
    n = len(p)
    out = np.zeros((n, len(STRETCH_FEATURES)), dtype=np.float32)
    if n == 0:
        return out
    mass = p * np.expm1(X[:, LOG_WORDS])  # stage-1 probability times words
    total = float(mass.sum()) or 1.0
    cum = np.cumsum(mass)
    out[:, 0] = (cum - mass) / total
    out[:, 1] = (total - cum) / total
    likely = np.flatnonzero(p >= 0.5)
    if not len(likely):
        out[:, 3] = math.log1p(n)
        return out
    breaks = np.flatnonzero(np.diff(likely) > STRETCH_GAP + 1)
    starts = likely[np.concatenate([[0], breaks + 1])]
    ends = likely[np.concatenate([breaks, [len(likely) - 1]])]
    padded = np.concatenate([[0.0], cum])
    best = int(np.argmax(padded[ends + 1] - padded[starts]))
    s, e = int(starts[best]), int(ends[best])
    idx = np.arange(n)
    dist = np.where(idx < s, s - idx, np.where(idx > e, idx - e, 0))
    out[:, 2] = dist == 0
    out[:, 3] = np.log1p(dist)
    out[:, 4] = idx > e
    out[:, 5] = (padded[e + 1] - padded[s]) / total
    return out


def stage2_inputs(p: np.ndarray, X: np.ndarray, stretch: bool) -> np.ndarray:
    """What stage 2 reads besides the block features X, from stage 1's probabilities p: the neighbourhood
    (stack_features) and, for a model that has them, the main stretch (stretch_features)."""
    return np.hstack([stack_features(p), stretch_features(p, X)]) if stretch else stack_features(p)


def stage2_names(stretch: bool) -> list[str]:
    """The names of `stage2_inputs`' columns, as a model file lists them after the block features."""
    names = [f"stack_{i}" for i in range(stack_features(np.zeros(1)).shape[1])]
    return names + [f"stretch_{name}" for name in STRETCH_FEATURES] if stretch else names


class BlockModel:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.mode = spec["mode"]
        self.stage1 = TreeEnsemble(spec["stage1"])
        self.stage2 = TreeEnsemble(spec["stage2"]) if spec.get("stage2") else None
        self.threshold = float(spec["threshold"])
        self.stretch = any(name.startswith("stretch_") for name in spec.get("features", ()))

    @classmethod
    def from_file(cls, path: str | Path) -> BlockModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def content_proba(self, page: Page) -> np.ndarray:
        """The probability that each block of the page is article content."""
        X = page_features(page)
        p = self.stage1.proba(X)
        if self.stage2 is not None:
            p = self.stage2.proba(np.hstack([X, stage2_inputs(p, X, self.stretch)]))
        return p


@lru_cache(maxsize=4)
def shipped(mode: str) -> BlockModel | None:
    """The model shipped for a mode ("html" or "text"), or None if the package carries none."""
    name = f"{mode}.json"
    source = resources.files(__package__).joinpath(name)
    if not source.is_file():
        return None
    return BlockModel(json.loads(source.read_text(encoding="utf-8")))
