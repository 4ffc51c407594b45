"""Training the page-type model (`cleaner train --mode page-type`). Needs the `[train]` extra.

From the `train` side of the site split: every wcxb-dev page, labelled by its `page_type` (article or not; among
the others, a listing or collection or not), and the pages of the other datasets, all articles, at a lower weight
(OTHER_WEIGHT): they are older pages, often without an address or JSON-LD, and the model must not learn that an
article needs them. Each page is cleaned as the cleaner cleans it (meta/pagetype.py's features read the cleaned
page): in HTML, and for the text model dumped by html-text and inscriptis (a text declares nothing, and its
features say less: it has its own ensembles).

The article threshold is the one that scores best out of fold (five folds by site) on wcxb-dev's pages, as the
bench measures it (article or not, right), among those that still call at least OTHERS_FLOOR of the other
datasets' articles articles: `--articles-only` must not throw news away. Same data and seed, same model.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np

from ..devdata.datasets import load
from ..devdata.dumps import BASIC, CONVERTERS
from ..meta.pagetype import FEATURES, features
from ..model.packaged import feature_matrix
from ..model.pagetype import FORMAT
from ..model.trees import from_sklearn
from ..pipeline import Cleaner

PARAMS = {"max_iter": 200, "learning_rate": 0.1, "max_leaf_nodes": 8, "l2_regularization": 1.0, "min_samples_leaf": 10}
TYPED = "wcxb-dev"
LISTINGS = frozenset(("listing", "collection"))
OTHER_WEIGHT = 0.2
THRESHOLDS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5)
OTHERS_FLOOR = 0.97  # the other datasets' articles the model must still call articles, out of fold
FOLDS = 5


def examples(paths: list[str], mode: str, log=print) -> tuple[np.ndarray, list[str], list[str], np.ndarray]:
    """Features, page types ("article" for the datasets without them), sites, and whether the page is wcxb-dev's:
    in HTML mode one row a page, in text mode one a page and dump style (BASIC's two)."""
    cleaner = Cleaner(mode=mode, disable=["page_type"])  # the features read the page as the pass does
    rows, types, sites, typed = [], [], [], []
    for path in paths:
        name = Path(path).name.split(".")[0]
        pages = load(Path(path).parent, name, "train", page_types=None)
        for page in pages:
            for content in _views(page.html, mode):
                cleaned = cleaner.page(content, url=page.url)
                rows.append(features(cleaned, cleaned.found))
                types.append(page.page_type or "article")
                sites.append(page.site or page.id)
                typed.append(name == TYPED)
        log(f"  {name}: {len(pages)} training pages ({mode})")
    return feature_matrix(rows, FEATURES), types, sites, np.array(typed, dtype=bool)


def _views(html: str, mode: str) -> list[str]:
    if mode == "html":
        return [html]
    found = []
    for name in BASIC:
        try:
            found.append(CONVERTERS[name](html))
        except Exception:  # a converter failing on one page costs that view
            continue
    return found


def _fit(X, y, weights, seed: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**PARAMS, random_state=seed, early_stopping=False).fit(
        X, y, sample_weight=weights
    )


def _fold(site: str) -> int:
    return hashlib.sha1(site.encode("utf-8")).digest()[2] % FOLDS


def out_of_fold(X, y, weights, sites: list[str], seed: int) -> np.ndarray:
    folds = np.array([_fold(s) for s in sites])
    raw = np.zeros(len(y))
    for k in range(FOLDS):
        model = _fit(X[folds != k], y[folds != k], weights[folds != k], seed)
        raw[folds == k] = model.decision_function(X[folds == k])
    return raw


def train_mode(paths: list[str], mode: str, seed: int = 0, log=print) -> dict:
    """The two ensembles of one input mode, and how they scored out of fold."""
    X, types, sites, typed = examples(paths, mode, log)
    article = np.array([t == "article" for t in types])
    weights = np.where(typed, 1.0, OTHER_WEIGHT)
    raw = out_of_fold(X, article, weights, sites, seed)
    scores = {t: float(((raw > t) == article)[typed].mean()) for t in THRESHOLDS}
    kept = {t: float((raw > t)[~typed].mean()) if (~typed).any() else 1.0 for t in THRESHOLDS}
    allowed = [t for t in THRESHOLDS if kept[t] >= OTHERS_FLOOR] or [min(THRESHOLDS)]
    threshold = max(allowed, key=lambda t: (scores[t], -abs(t)))
    log(
        f"  {mode}: article or not, out of fold on {TYPED}: "
        + ", ".join(f"{t:+.1f}: {s:.4f}" for t, s in scores.items())
    )
    log(
        f"  {mode}: other datasets' articles called articles: "
        + ", ".join(f"{t:+.1f}: {s:.4f}" for t, s in kept.items())
    )
    log(f"  {mode}: threshold {threshold:+.1f}")
    rest = typed & ~article
    listing = np.array([t in LISTINGS for t in types])
    log(f"  {mode}: listing or other: {int(listing[rest].sum())} listings of {int(rest.sum())} other pages")
    return {
        "article": from_sklearn(_fit(X, article, weights, seed)),
        "article_threshold": threshold,
        "listing": from_sklearn(_fit(X[rest], listing[rest], np.ones(int(rest.sum())), seed)),
        "listing_threshold": 0.0,
        "out_of_fold": {"accuracy": round(scores[threshold], 4), "others_called_articles": round(kept[threshold], 4)},
    }


def train(paths: list[str], seed: int = 0, log=print) -> dict:
    started = time.time()
    model = {"format": FORMAT, "features": list(FEATURES)}
    for mode in ("html", "text"):
        model[mode] = train_mode(paths, mode, seed, log)
    log(f"  {time.time() - started:.0f} s")
    return model
