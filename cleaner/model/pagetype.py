"""The page-type model: is the page an article, and if not, a listing (links to articles) or another page (a
product, a forum thread, documentation, a service). Two boosted-tree ensembles over one page's features
(meta/pagetype.py computes them), shipped as JSON (`pagetype.json`, never pickled); `cleaner train --mode
page-type` rebuilds it (train/pagetype.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..meta.pagetype import FEATURES
from .packaged import feature_matrix, load_packaged
from .trees import TreeEnsemble

FORMAT = "cleaner-page-type-model/1"


@dataclass(frozen=True, slots=True)
class ModeModel:
    """The two ensembles of one input mode (HTML pages declare more than scraped texts)."""

    article: TreeEnsemble
    article_threshold: float  # log-odds over which a page is an article
    listing: TreeEnsemble  # among the other pages: a listing, or another kind of page
    listing_threshold: float

    @classmethod
    def from_spec(cls, spec: dict) -> ModeModel:
        return cls(
            TreeEnsemble(spec["article"]),
            float(spec["article_threshold"]),
            TreeEnsemble(spec["listing"]),
            float(spec["listing_threshold"]),
        )


@dataclass(frozen=True, slots=True)
class PageTypeModel:
    features: tuple[str, ...]
    modes: dict[str, ModeModel]  # "html", "text"

    @classmethod
    def from_spec(cls, spec: dict) -> PageTypeModel:
        if spec.get("format") != FORMAT:
            raise ValueError(f"not a page-type model (format {spec.get('format')!r}, expected {FORMAT!r})")
        return cls(tuple(spec["features"]), {mode: ModeModel.from_spec(spec[mode]) for mode in ("html", "text")})

    def _row(self, features: Mapping[str, float]) -> np.ndarray:
        return feature_matrix([features], self.features)

    def article_score(self, mode: str, features: Mapping[str, float]) -> float:
        return float(self.modes[mode].article.raw(self._row(features))[0])

    def is_article(self, mode: str, features: Mapping[str, float]) -> bool:
        return self.article_score(mode, features) > self.modes[mode].article_threshold

    def is_listing(self, mode: str, features: Mapping[str, float]) -> bool:
        found = self.modes[mode]
        return float(found.listing.raw(self._row(features))[0]) > found.listing_threshold


@lru_cache(maxsize=1)
def page_type_model() -> PageTypeModel:
    """The shipped page-type model; its features must be the ones meta/pagetype.py computes, in that order."""
    return load_packaged("pagetype.json", PageTypeModel.from_spec, FEATURES, "meta/pagetype.py")
