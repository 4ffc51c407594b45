"""Training the title-line model (`cleaner train --mode title`). Needs the `[train]` extra.

From the `train` side of the site split, every page with a gold headline (wcxb-dev's articles,
readability-pages, trafilatura-eval) is dumped to text by both converters and judged by the shipped plain-text
block model and rules, as the cleaner judges it before reading metadata; each candidate line (titleline.py) is
labelled by whether, stripped of the site's name, it is the gold headline. The decision threshold is the one
that maximises the mean headline F1 over datasets and converters of out-of-fold scores (two folds by site).
Retrain it after the text block model: it reads that model's verdicts. Same data and seed, same model.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..devdata.datasets import load
from ..devdata.score import normalise_text
from ..meta.sitename import text_site_names
from ..meta.titleline import candidates, headline_text
from ..model.packaged import feature_matrix
from ..model.title import FEATURES, FORMAT
from ..model.trees import from_sklearn
from ..pipeline import Cleaner
from .textviews import VIEWS, judged_views

PARAMS = {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15, "l2_regularization": 1.0}
THRESHOLDS = (-12.0, -10.0, -8.0, -6.0, -5.0, -4.0, -3.0, -2.0)
HEADLINE_DATASETS = ("wcxb-dev", "readability-pages", "trafilatura-eval")


def examples(paths: list[str], log=print) -> tuple[np.ndarray, np.ndarray, list[tuple]]:
    """Candidate features X, labels y, and per row (dataset, view, page, site)."""
    cleaner = Cleaner(mode="text")
    X, y, keys = [], [], []
    for path in paths:
        name = Path(path).name.split(".")[0]
        if name not in HEADLINE_DATASETS:
            continue
        pages = 0
        for bench_page in load(Path(path).parent, name, "train"):
            gold = normalise_text(bench_page.gold.headline)
            if not gold:
                continue
            pages += 1
            for view, page in judged_views(cleaner, bench_page):
                sites = text_site_names(page)
                found = candidates(page, sites)
                X.append(feature_matrix(list(found.values()), FEATURES))
                for i in found:
                    y.append(normalise_text(headline_text(page.blocks[i].text, sites)) == gold)
                    keys.append((name, view, bench_page.id, bench_page.site or ""))
        log(f"  {name}: {pages} training pages")
    return np.vstack(X) if X else np.zeros((0, len(FEATURES))), np.array(y, dtype=bool), keys


def _fit(X, y, seed: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**PARAMS, random_state=seed, early_stopping=False).fit(X, y)


def _fold(site: str) -> int:
    return hashlib.sha1(site.encode("utf-8")).digest()[1] % 2


def mean_f1(raw: np.ndarray, y: np.ndarray, keys: list[tuple], threshold: float) -> float:
    """Headline F1 per dataset and view, averaged."""
    f1s = view_f1s(raw, y, keys, threshold)
    return float(np.mean(list(f1s.values()))) if f1s else 0.0


def view_f1s(raw: np.ndarray, y: np.ndarray, keys: list[tuple], threshold: float) -> dict[tuple, float]:
    """Headline F1 per (dataset, view): each page's best candidate, if scored over the threshold."""
    pages: dict[tuple, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        pages[key[:3]].append(k)
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, rows in pages.items():
        best = max(rows, key=lambda k: (raw[k], -k))
        tally = counts[key[:2]]
        tally[2 if raw[best] < threshold else 0 if y[best] else 1] += 1
    return {key: 2 * tp / (2 * tp + fp + fn) if tp else 0.0 for key, (tp, fp, fn) in sorted(counts.items())}


def train(paths: list[str], seed: int = 0, log=print) -> dict:
    started = time.time()
    X, y, keys = examples(paths, log=log)
    log(f"{len(y)} candidate lines, {int(y.sum())} of them headlines: {time.time() - started:.0f}s")
    folds = np.array([_fold(key[3]) for key in keys])
    raw = np.zeros(len(y))
    for k in (0, 1):
        model = _fit(X[folds != k], y[folds != k], seed)
        raw[folds == k] = model.decision_function(X[folds == k])
    f1s = {t: mean_f1(raw, y, keys, t) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: (f1s[t], t))
    log("out-of-fold mean headline F1 by threshold: " + ", ".join(f"{t}: {f:.4f}" for t, f in f1s.items()))
    views = view_f1s(raw, y, keys, threshold)
    log("out-of-fold headline F1: " + ", ".join(f"{d}/{VIEWS[v]} {f:.3f}" for (d, v), f in views.items()))
    final = from_sklearn(_fit(X, y, seed))
    log(f"fitted: {time.time() - started:.0f}s; threshold {threshold}")
    return {
        "format": FORMAT,
        "features": list(FEATURES),
        "threshold": threshold,
        "model": final,
        "training": {
            "datasets": [Path(p).name for p in paths if Path(p).name.split(".")[0] in HEADLINE_DATASETS],
            "split": "train side of cleaner.devdata.split (by site)",
            "candidates": len(y),
            "headlines": int(y.sum()),
            "params": PARAMS,
            "seed": seed,
            "out_of_fold_mean_f1": round(f1s[threshold], 4),
            "out_of_fold_f1": {f"{d}/{VIEWS[v]}": round(f, 4) for (d, v), f in views.items()},
        },
    }
