"""A small model shipped as JSON package data, checked against the features the code computes today."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from importlib import resources
from typing import TypeVar

M = TypeVar("M")


def load_packaged(filename: str, from_spec: Callable[[dict], M], features: Sequence[str], computed_by: str) -> M:
    """The model in `filename` (beside this module); its features must be `features`, in that order."""
    source = resources.files(__package__).joinpath(filename)
    model = from_spec(json.loads(source.read_text(encoding="utf-8")))
    if list(model.features) != list(features):  # type: ignore[attr-defined]
        raise ValueError(f"{filename} was trained on other features than {computed_by} computes: retrain it")
    return model
