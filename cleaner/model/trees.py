"""Evaluating a boosted tree ensemble with numpy: every block walks every tree at once, one level per step.

The ensemble is plain arrays (stored as JSON, never pickled): for each node its feature, threshold, left and
right child (a leaf points to itself) and value; `roots` gives each tree's first node.
"""

from __future__ import annotations

import numpy as np


class TreeEnsemble:
    def __init__(self, spec: dict) -> None:
        self.feature = np.asarray(spec["feature"], dtype=np.int32)
        self.threshold = np.asarray(spec["threshold"], dtype=np.float64)
        self.left = np.asarray(spec["left"], dtype=np.int32)
        self.right = np.asarray(spec["right"], dtype=np.int32)
        self.children = np.stack([self.right, self.left], axis=1)  # [node, went left]
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int32)
        self.depth = int(spec["depth"])
        self.baseline = float(spec["baseline"])
        # The walk's lookups as native indices: a child is `_next[2 * node + went_left]`.
        self._next = self.children.astype(np.intp).ravel()
        self._feature = self.feature.astype(np.intp)
        self._roots = self.roots.astype(np.intp)[:, None]

    def raw(self, X: np.ndarray) -> np.ndarray:
        """The ensemble's log-odds for each row of X."""
        n, width = X.shape
        if n == 0:
            return np.zeros(0)
        # thresholds are float64: compare as sklearn does. Feature-major, so a node's value is [feature * n + row].
        by_feature = np.ascontiguousarray(X.T, dtype=np.float64).ravel()
        rows = np.arange(n, dtype=np.intp)
        feature_at = self._feature * n
        node = np.repeat(self._roots, n, axis=1)  # trees x rows
        for _ in range(self.depth):  # `take` is plain indexing without fancy indexing's overhead
            go_left = by_feature.take(feature_at.take(node) + rows) <= self.threshold.take(node)
            node = self._next.take(2 * node + go_left)
        return self.baseline + self.value.take(node).sum(axis=0)

    def proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(X)))


def from_sklearn(model) -> dict:
    """The arrays of a fitted sklearn HistGradientBoostingClassifier (binary), as JSON-ready lists."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        offset = len(feature)
        roots.append(offset)
        for i, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(0.0 if leaf else float(node["num_threshold"]))
            left.append(offset + i if leaf else offset + int(node["left"]))
            right.append(offset + i if leaf else offset + int(node["right"]))
            value.append(float(node["value"]) if leaf else 0.0)
            depth = max(depth, int(node["depth"]))
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return {
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": [round(v, 7) for v in value],
        "roots": roots,
        "depth": depth,
        "baseline": baseline,
    }


def average(specs: list[dict]) -> dict:
    """One ensemble whose log-odds are the mean of several ensembles' (their trees side by side)."""
    k = len(specs)
    merged: dict = {"feature": [], "threshold": [], "left": [], "right": [], "value": [], "roots": []}
    for spec in specs:
        offset = len(merged["feature"])
        merged["feature"] += spec["feature"]
        merged["threshold"] += spec["threshold"]
        merged["left"] += [offset + i for i in spec["left"]]
        merged["right"] += [offset + i for i in spec["right"]]
        merged["value"] += [round(v / k, 7) for v in spec["value"]]
        merged["roots"] += [offset + r for r in spec["roots"]]
    merged["depth"] = max(spec["depth"] for spec in specs)
    merged["baseline"] = sum(spec["baseline"] for spec in specs) / k
    return merged
