"""The learned block scorer: the probability that a block is article content, from two boosted-tree stages.

Stage 1 reads the block features (features.py). Stage 2 reads them again with stage 1's probabilities of the
block's neighbours, so a block is judged by the stretch it stands in. The shipped models are JSON files in
this package (`html.json`, `text.json`); `cleaner train` rebuilds them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..record import Page
from .features import page_features
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


class BlockModel:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.mode = spec["mode"]
        self.stage1 = TreeEnsemble(spec["stage1"])
        self.stage2 = TreeEnsemble(spec["stage2"]) if spec.get("stage2") else None
        self.threshold = float(spec["threshold"])

    @classmethod
    def from_file(cls, path: str | Path) -> BlockModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def content_proba(self, page: Page) -> np.ndarray:
        """The probability that each block of the page is article content."""
        X = page_features(page)
        p = self.stage1.proba(X)
        if self.stage2 is not None:
            p = self.stage2.proba(np.hstack([X, stack_features(p)]))
        return p


@lru_cache(maxsize=4)
def shipped(mode: str) -> BlockModel | None:
    """The model shipped for a mode ("html" or "text"), or None if the package carries none."""
    name = f"{mode}.json"
    source = resources.files(__package__).joinpath(name)
    if not source.is_file():
        return None
    return BlockModel(json.loads(source.read_text(encoding="utf-8")))
