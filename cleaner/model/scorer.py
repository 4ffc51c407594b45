"""The learned block scorer: the probability that a block is article content, from two boosted-tree stages.

Stage 1 reads the block features (features.py). Stage 2 reads them again with stage 1's probabilities of the
block's neighbours, so a block is judged by the stretch it stands in, and, for a model that has them, with where
it stands against the page's main stretch and the article's element (layout.py). The shipped models are JSON
files in this package (`html.json`, `text.json`); `cleaner train` rebuilds them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..page import Page
from .features import page_features
from .layout import CONTAINER_FEATURES, STRETCH_FEATURES, container_features, stretch_features
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
        columns.append(_window_min(p, w))
    columns.append(np.full(n, p.mean()))
    columns.append(np.argsort(np.argsort(p)) / max(n - 1, 1))
    return np.column_stack(columns).astype(np.float32)


def _window_min(p: np.ndarray, w: int) -> np.ndarray:
    """The least of each block's window of w blocks either side (1.0 past the page's ends): the least of the
    2w + 1 shifted copies, taken pairwise (a minimum is exact in any order)."""
    ones = np.ones(w, dtype=p.dtype)
    padded = np.concatenate([ones, p, ones])
    n = len(p)
    least = padded[:n]
    for k in range(1, 2 * w + 1):
        least = np.minimum(least, padded[k : k + n])
    return least


# What stage 2 may read besides the neighbourhood, in this order: a model reads a group if its file lists the
# group's columns (layout.py).
GROUPS = {"stretch": STRETCH_FEATURES, "container": CONTAINER_FEATURES}


def stage2_inputs(
    p: np.ndarray, X: np.ndarray, ancestry: list[tuple[int, ...]] | None, groups: tuple[str, ...]
) -> np.ndarray:
    """What stage 2 reads besides the block features X, from stage 1's probabilities p: the neighbourhood
    (stack_features) and the groups of layout features the model has, "stretch" (against the main stretch) and
    "container" (against the article's element; `ancestry` is each block's, segment/html.py)."""
    parts = [stack_features(p)]
    if "stretch" in groups:
        parts.append(stretch_features(p, X))
    if "container" in groups:
        parts.append(container_features(p, X, ancestry))
    return np.hstack(parts)


def stage2_names(groups: tuple[str, ...]) -> list[str]:
    """The names of `stage2_inputs`' columns, as a model file lists them after the block features."""
    names = [f"stack_{i}" for i in range(stack_features(np.zeros(1)).shape[1])]
    return names + [f"{group}_{name}" for group in GROUPS if group in groups for name in GROUPS[group]]


class BlockModel:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.mode = spec["mode"]
        self.stage1 = TreeEnsemble(spec["stage1"])
        self.stage2 = TreeEnsemble(spec["stage2"]) if spec.get("stage2") else None
        self.threshold = float(spec["threshold"])
        names = spec.get("features", ())
        self.groups = tuple(group for group in GROUPS if any(name.startswith(group + "_") for name in names))

    @classmethod
    def from_file(cls, path: str | Path) -> BlockModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def content_proba(self, page: Page) -> np.ndarray:
        """The probability that each block of the page is article content."""
        X = page_features(page)
        p = self.stage1.proba(X)
        if self.stage2 is not None:
            ancestry = [block.ancestry for block in page.blocks] if "container" in self.groups else None
            p = self.stage2.proba(np.hstack([X, stage2_inputs(p, X, ancestry, self.groups)]))
        return p


@lru_cache(maxsize=4)
def shipped(mode: str) -> BlockModel | None:
    """The model shipped for a mode ("html" or "text"), or None if the package carries none."""
    name = f"{mode}.json"
    source = resources.files(__package__).joinpath(name)
    if not source.is_file():
        return None
    return BlockModel(json.loads(source.read_text(encoding="utf-8")))
