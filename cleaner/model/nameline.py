"""The name-line model: which candidate line of a scraped text names its author, when no "By" line does
(meta/nameline.py describes the candidates). A boosted-tree ensemble and the given names it knows, shipped as
JSON (`nameline.json`, never pickled); `cleaner train --mode byline` rebuilds it (train_nameline.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .packaged import load_packaged
from .trees import TreeEnsemble

FORMAT = "cleaner-name-line-model/1"

# The candidate features meta/nameline.py computes, in the order the model reads them.
FEATURES = (
    "dist",
    "no_head",
    "keep",
    "score",
    "words",
    "name_words",
    "rest_words",
    "has_date",
    "by_line",
    "by_start",
    "lower_share",
    "elsewhere",
    "in_url",
    "n_names",
    "sep",
    "rule",
    "date_before",
    "date_after",
    "given_any",
    "given_all",
    "linked",
)


@dataclass(frozen=True, slots=True)
class NameLineModel:
    features: tuple[str, ...]
    ensemble: TreeEnsemble
    threshold: float  # log-odds under which the best candidate is still no byline
    given: frozenset[str]  # given names (lower case) of the training pages' authors

    @classmethod
    def from_spec(cls, spec: dict) -> NameLineModel:
        if spec.get("format") != FORMAT:
            raise ValueError(f"not a name-line model (format {spec.get('format')!r}, expected {FORMAT!r})")
        return cls(
            tuple(spec["features"]), TreeEnsemble(spec["model"]), float(spec["threshold"]), frozenset(spec["given"])
        )


@lru_cache(maxsize=1)
def nameline_model() -> NameLineModel:
    """The shipped name-line model; its features must be the ones meta/nameline.py computes, in that order."""
    return load_packaged("nameline.json", NameLineModel.from_spec, FEATURES, "meta/nameline.py")
