"""The title-line model: which candidate line of a scraped text is its headline (meta/titleline.py describes
the candidates). A boosted-tree ensemble shipped as JSON (`title.json`, never pickled); `cleaner train --mode
title` rebuilds it (train_title.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .packaged import load_packaged
from .trees import TreeEnsemble

FORMAT = "cleaner-title-model/1"

# The candidate features meta/titleline.py computes, in the order the model reads them.
FEATURES = (
    "slug contained para_next_1 para_next_3 para_next_8 between_next near_article "
    "closest_above_article repeated early title_case question_or_colon words_2_3 words_4_7 words_8_14 words_15 "
    "dropped lead_overlap body_overlap score kept site_name words before_article capitals digits h1 heading linked "
    "title_part list_item"
).split()


@dataclass(frozen=True, slots=True)
class TitleModel:
    features: tuple[str, ...]
    ensemble: TreeEnsemble
    threshold: float  # log-odds under which the best candidate is still no headline

    @classmethod
    def from_spec(cls, spec: dict) -> TitleModel:
        if spec.get("format") != FORMAT:
            raise ValueError(f"not a title model (format {spec.get('format')!r}, expected {FORMAT!r})")
        return cls(tuple(spec["features"]), TreeEnsemble(spec["model"]), float(spec["threshold"]))


@lru_cache(maxsize=1)
def title_model() -> TitleModel:
    """The shipped title model; its features must be the ones titleline.py computes, in that order."""
    return load_packaged("title.json", TitleModel.from_spec, FEATURES, "meta/titleline.py")
