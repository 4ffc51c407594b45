"""A small candidate model shipped as JSON package data (the title-line and name-line models): loaded and checked
against the features the code computes today, and asked which candidate it scores highest."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import TypeVar

import numpy as np

from .trees import TreeEnsemble

M = TypeVar("M")


def load_packaged(filename: str, from_spec: Callable[[dict], M], features: Sequence[str], computed_by: str) -> M:
    """The model in `filename` (beside this module); its features must be `features`, in that order."""
    source = resources.files(__package__).joinpath(filename)
    model = from_spec(json.loads(source.read_text(encoding="utf-8")))
    if list(model.features) != list(features):  # type: ignore[attr-defined]
        raise ValueError(f"{filename} was trained on other features than {computed_by} computes: retrain it")
    return model


def feature_matrix(rows: Sequence[Mapping[str, float]], features: Sequence[str]) -> np.ndarray:
    """One row per candidate, its features in the model's order (a feature a row lacks is 0)."""
    found = np.array([[row.get(name, 0) for name in features] for row in rows], dtype=np.float64)
    return found.reshape(len(rows), len(features))


def best_scored(
    ensemble: TreeEnsemble, rows: Sequence[Mapping[str, float]], features: Sequence[str]
) -> tuple[int, float]:
    """The index of the candidate the model scores highest (ties: the earlier one) and its log-odds."""
    raw = ensemble.raw(feature_matrix(rows, features))
    best = max(range(len(rows)), key=lambda k: (raw[k], -k))
    return best, float(raw[best])
