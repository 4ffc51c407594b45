"""Training the name-line model (`cleaner train --mode byline`). Needs the `[train]` extra.

From the `train` side of the site split, every page with metadata gold (wcxb-dev's articles, readability-pages,
trafilatura-eval) is dumped to text by both converters and judged as the cleaner judges it (block model, rules,
the title line); each candidate line (meta/nameline.py) is labelled by whether its names are the gold byline's.

Given names: the first words of the gold authors' names. A page's own author must not tell the model that his
name is a given name, or the model would trust the feature more than it can on pages of new sites: on a
training page, a name counts as given only when an author of another site bears it.

The threshold is the lowest log-odds at which the bylines found (the rules' "By" lines, else the model's line)
keep their precision, out of fold (five folds by site): on no dataset (its converters pooled) does the precision
fall more than PRECISION_SLACK below the rules' alone. Pooled, because a style that drops the byline altogether
(trafilatura's own text) leaves the rules a handful of lines, whose precision moves by a whole line's worth. A
wrong author is worse than none. Retrain it after the text block model and the title-line model: it reads their
verdicts. Same data and seed, same model.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..devdata.datasets import load
from ..devdata.score import meta_counts, normalise_byline
from ..meta.byline import text_byline
from ..meta.nameline import candidates, given_features, given_name
from ..meta.titleline import text_headline
from ..model.nameline import FEATURES, FORMAT
from ..model.packaged import feature_matrix
from ..model.trees import from_sklearn
from ..pipeline import Cleaner
from .textviews import VIEWS, judged_views

PARAMS = {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15, "l2_regularization": 1.0}
THRESHOLDS = (-1.0, 0.0, 1.0, 2.0, 3.0)
PRECISION_SLACK = 0.02
FOLDS = 5
BYLINE_DATASETS = ("wcxb-dev", "readability-pages", "trafilatura-eval")


class Data:
    """Candidates (their features but the given-name ones, names, labels) and per text view its rules' outcome."""

    def __init__(self) -> None:
        self.rows: list[dict[str, float]] = []
        self.names: list[list[str]] = []
        self.y: list[bool] = []
        self.view_of: list[int] = []  # the candidate's text view
        self.views: list[tuple] = []  # (dataset, converter, page, site, rules found a byline, tp, fp, fn)
        self.authors: dict[str, set[str]] = defaultdict(set)  # given name -> sites whose gold authors bear it


def examples(paths: list[str], log=print) -> Data:
    cleaner = Cleaner(mode="text")
    data = Data()
    for path in paths:
        name = Path(path).name.split(".")[0]
        if name not in BYLINE_DATASETS:
            continue
        pages = 0
        for bench_page in load(Path(path).parent, name, "train"):
            if not bench_page.gold.meta_annotated:
                continue
            pages += 1
            site = bench_page.site or ""
            gold = normalise_byline(bench_page.gold.byline)
            for author in gold or ():
                first = given_name(author)
                if first:
                    data.authors[first].add(site)
            for view, page in judged_views(cleaner, bench_page):
                head = text_headline(page)
                page.headline = head[0] if head else None
                rules = text_byline(page)
                found = list(rules.names) if rules else []
                counts = meta_counts("byline", found, bench_page.gold.byline)
                data.views.append((name, view, bench_page.id, site, bool(found), counts.tp, counts.fp, counts.fn))
                for _, names, features in candidates(page):
                    data.rows.append(features)
                    data.names.append(names)
                    data.y.append(gold is not None and normalise_byline(names) == gold)
                    data.view_of.append(len(data.views) - 1)
        log(f"  {name}: {pages} training pages")
    return data


def _fit(X, y, seed: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**PARAMS, random_state=seed, early_stopping=False).fit(X, y)


def _fold(site: str) -> int:
    return hashlib.sha1(site.encode("utf-8")).digest()[1] % FOLDS


def _features(data: Data, candidates_at, authors: dict[str, set[str]], leave_site_out: bool) -> np.ndarray:
    rows = []
    for k in candidates_at:
        site = data.views[data.view_of[k]][3]

        def known(first: str, site=site) -> bool:
            bearers = authors.get(first, ())
            return bool(set(bearers) - {site}) if leave_site_out else bool(bearers)

        rows.append(dict(data.rows[k], **given_features(data.names[k], known)))
    return feature_matrix(rows, FEATURES)


def outcomes(data: Data, raw: np.ndarray, threshold: float | None, pooled: bool = False) -> dict:
    """(F1, precision) per (dataset, converter), or per dataset if `pooled`, of the rules' bylines, else the best
    candidate's if scored at least `threshold` (None: the rules alone)."""
    best: dict[int, int] = {}
    for k, view in enumerate(data.view_of):
        if view not in best or raw[k] > raw[best[view]]:
            best[view] = k
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for v, (name, view, _, _, found, tp, fp, fn) in enumerate(data.views):
        k = best.get(v)
        if threshold is not None and not found and k is not None and raw[k] >= threshold:
            tp, fp, fn = (1, 0, 0) if data.y[k] else (0, 1, 0)  # a wrong value is a false positive, not a miss
        tally = counts[name if pooled else (name, view)]
        tally[0] += tp
        tally[1] += fp
        tally[2] += fn
    return {
        key: (2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp / (tp + fp) if tp + fp else 0.0)
        for key, (tp, fp, fn) in sorted(counts.items())
    }


def _mean(found: dict[tuple, tuple[float, float]], at: int) -> float:
    return float(np.mean([v[at] for v in found.values()])) if found else 0.0


def train(paths: list[str], seed: int = 0, log=print) -> dict:
    started = time.time()
    data = examples(paths, log=log)
    y = np.array(data.y, dtype=bool)
    log(f"{len(y)} candidate lines, {int(y.sum())} of them bylines: {time.time() - started:.0f}s")
    if len(set(y)) < 2:
        raise ValueError("the datasets give no byline line, or nothing but byline lines: nothing to learn from")
    folds = np.array([_fold(data.views[v][3]) for v in data.view_of])
    raw = np.full(len(y), -np.inf)  # a fold with nothing to learn from picks no line
    for k in range(FOLDS):
        train_at, test_at = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        # The training folds' authors only: the test fold's sites are new sites.
        authors = {first: {s for s in sites if _fold(s) != k} for first, sites in data.authors.items()}
        if len(test_at) and len(set(y[train_at])) == 2:  # a fold of a small dataset may hold nothing to learn
            model = _fit(_features(data, train_at, authors, True), y[train_at], seed)
            raw[test_at] = model.decision_function(_features(data, test_at, authors, False))
    rules = outcomes(data, raw, None)
    found = {t: outcomes(data, raw, t) for t in THRESHOLDS}
    floor = {name: p - PRECISION_SLACK for name, (_, p) in outcomes(data, raw, None, pooled=True).items()}
    kept = [t for t in THRESHOLDS if all(p >= floor[k] for k, (_, p) in outcomes(data, raw, t, pooled=True).items())]
    threshold = min(kept) if kept else max(THRESHOLDS)
    log(f"out of fold, the rules alone: mean byline F1 {_mean(rules, 0):.4f}, precision {_mean(rules, 1):.4f}")
    for t, f in found.items():
        log(f"  threshold {t}: mean byline F1 {_mean(f, 0):.4f}, precision {_mean(f, 1):.4f}")
    chosen = found[threshold]
    shown = (f"{d}/{VIEWS[v]} {f:.3f} ({p:.3f})" for (d, v), (f, p) in chosen.items())
    log("out-of-fold byline F1 (precision): " + ", ".join(shown))
    final = from_sklearn(_fit(_features(data, range(len(y)), data.authors, True), y, seed))
    log(f"fitted: {time.time() - started:.0f}s; threshold {threshold}")
    return {
        "format": FORMAT,
        "features": list(FEATURES),
        "threshold": threshold,
        "given": sorted(data.authors),
        "model": final,
        "training": {
            "datasets": [Path(p).name for p in paths if Path(p).name.split(".")[0] in BYLINE_DATASETS],
            "split": "train side of cleaner.devdata.split (by site)",
            "candidates": len(y),
            "bylines": int(y.sum()),
            "params": PARAMS,
            "seed": seed,
            "out_of_fold_rules": {f"{d}/{VIEWS[v]}": [round(f, 4), round(p, 4)] for (d, v), (f, p) in rules.items()},
            "out_of_fold": {f"{d}/{VIEWS[v]}": [round(f, 4), round(p, 4)] for (d, v), (f, p) in chosen.items()},
        },
    }
