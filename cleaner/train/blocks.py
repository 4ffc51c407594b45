"""Training the block scorer from the development datasets (`cleaner train`). Needs the `[train]` extra.

Only rows on the `train` side of the site split (devdata/split.py) are read. Each page is segmented as the
cleaner segments it (HTML blocks, or the lines of each plain-text converter's view of the page), and each block
is labelled by its overlap with the gold body (labels.py); trafilatura-eval pages give weak labels from their
snippets. Stage 1 is fitted on each half of the sites, in one or more ways of halving them (SPLITS), so that stage 2
learns from out-of-fold stage-1 probabilities (per page, the mean over the splits of the fold model that did not
see its site); stage 2 is cross-fitted the same way, and the decision threshold is the one that maximises the
page-level body F1 of its out-of-fold probabilities. Each stage shipped is the mean of its fold models, so stage 2
reads stage-1 probabilities like those it learned from (`refit=True` refits both stages on every page instead).
Same data and seed, same model.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..devdata.datasets import gold_of, rows
from ..devdata.score import corpus_body, shingle_score, shingles, tokens, word_shingles
from ..devdata.split import site_of, split_of
from ..model.features import feature_names, page_features
from ..model.scorer import stage2_inputs, stage2_names
from ..model.trees import average, from_sklearn
from ..repair import repair
from ..segment import segment
from .examples import snippet_labels, text_views
from .labels import LABEL_THRESHOLD, gold_index, overlap

# Per mode, per fold model. HTML: three site splits (SPLITS), each cut in two folds, so each stage shipped is the
# mean of six models of 33 shallow trees: as many trees as two fold models of 100 (the cost of a stage is trees x
# depth: a tree's walk is one step per level), and out of fold by site the mean of six scored higher than the mean
# of two (see the model card). Text keeps the settings its shipped model was fitted with.
PARAMS = {
    "html": {"max_iter": 33, "learning_rate": 0.4, "max_leaf_nodes": 31, "max_depth": 6, "l2_regularization": 1.0},
    "text": {"max_iter": 150, "learning_rate": 0.15, "max_leaf_nodes": 31, "max_depth": 8, "l2_regularization": 1.0},
}
# The site splits per mode, each named by the salt of its hash ("" is the split the text model was fitted on).
SPLITS = {"html": ("", "a", "b"), "text": ("",)}
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
# What stage 2 reads besides the neighbourhood, per mode (layout.py): where a block stands against the page's main
# stretch, and in HTML against the article's element (text has no elements).
STAGE2_GROUPS = {"html": ("stretch", "container"), "text": ("stretch",)}


@dataclass(slots=True)
class Example:
    """One segmented training page."""

    site: str
    X: np.ndarray
    y: np.ndarray  # overlap with the gold in [0, 1]; NaN where unknown (weak labels)
    weight: np.ndarray
    texts: list[str]
    gold: str | None
    ancestry: list[tuple[int, ...]]  # each block's enclosing elements (HTML)


def examples(paths: list[str], mode: str, seed: int = 0, log=print) -> Iterator[Example]:
    for path in paths:
        dataset = Path(path).name.split(".")[0]
        count = 0
        for row in rows(Path(path)):
            if split_of(row, dataset) != "train":
                continue
            gold = gold_of(row).body
            if mode == "html":
                views = [row["html"]]
            else:  # a sample of the dump styles, the same for the same page and seed
                views = text_views(row["html"], random.Random(f"{seed}:{dataset}:{row.get('id')}"))
            for content in views:
                page = segment(content, mode, row.get("url"))
                repair(page)
                if not page.blocks:
                    continue
                texts = [b.text for b in page.blocks]
                if gold:
                    index = gold_index(gold)
                    y = np.array([overlap(t, index) for t in texts], dtype=np.float32)
                else:
                    y = snippet_labels(texts, row.get("with_") or [], row.get("without") or [])
                words = np.array([len(t.split()) for t in texts], dtype=np.float32)
                X = page_features(page)
                ancestry = [b.ancestry for b in page.blocks]
                yield Example(site_of(row, dataset), X, y, np.sqrt(words), texts, gold, ancestry)
            count += 1
        log(f"  {dataset}: {count} training pages")


def _fold(example: Example, salt: str = "") -> int:
    """The example's fold (0 or 1) in the site split named `salt`."""
    return hashlib.sha1((salt + example.site).encode("utf-8")).digest()[1] % 2


def _matrix(items: list[Example], extra=None):
    Xs, ys, ws = [], [], []
    for i, ex in enumerate(items):
        known = ~np.isnan(ex.y)
        if not known.any():
            continue
        X = ex.X if extra is None else np.hstack([ex.X, extra[i]])
        Xs.append(X[known])
        ys.append(ex.y[known] >= LABEL_THRESHOLD)
        ws.append(ex.weight[known])
    return np.vstack(Xs), np.concatenate(ys), np.concatenate(ws)


def _fit(X, y, w, seed: int, params: dict):
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**params, random_state=seed, early_stopping=False)
    return model.fit(X, y, sample_weight=w)


def _page_f1s(items: list[Example], probs: list[np.ndarray], thresholds: tuple[float, ...]) -> dict[float, float]:
    """For each threshold, the corpus body F1 of the blocks whose probability reaches it. The tokens of a text are
    those of its blocks in order (no token runs across the blank line between two blocks), so each page's blocks
    are cut into tokens, and its gold into shingles, once for all the thresholds."""
    scores: dict[float, list] = {t: [] for t in thresholds}
    for ex, pr in zip(items, probs, strict=True):
        if not ex.gold:
            continue
        words, gold = [tokens(t) for t in ex.texts], shingles(ex.gold)
        for t in thresholds:
            kept = [w for block, p in zip(words, pr, strict=True) if p >= t for w in block]
            scores[t].append(shingle_score(word_shingles(kept), gold))
    found = {t: corpus_body(s) for t, s in scores.items()}
    return {t: result.f1 if result else 0.0 for t, result in found.items()}


def _mean_proba(models: dict, splits: tuple[str, ...], example: Example, X: np.ndarray) -> np.ndarray:
    """The mean over the site splits of the probability from the fold model that did not see the example's site."""
    return np.mean([models[(salt, 1 - _fold(example, salt))].predict_proba(X)[:, 1] for salt in splits], axis=0)


def _folds_named(splits: int) -> str:
    if splits == 1:
        return "mean of the two fold models"
    return f"mean of the {2 * splits} fold models of {splits} site splits"


def train(paths: list[str], mode: str, seed: int = 0, refit: bool = False, log=print) -> dict:
    started = time.time()
    items = list(examples(paths, mode, seed, log=log))
    params = PARAMS[mode]
    log(f"{len(items)} pages, {sum(len(ex.texts) for ex in items)} blocks")
    splits = SPLITS[mode]
    # Stage 1, fitted on each fold of each split; a page's out-of-fold probability is the mean over the splits of
    # the fold model that did not see its site.
    stage1_folds = {
        (salt, k): _fit(*_matrix([ex for ex in items if _fold(ex, salt) == k]), seed, params)
        for salt in splits
        for k in (0, 1)
    }
    log(f"stage 1 on {len(stage1_folds)} folds: {time.time() - started:.0f}s")
    oof = [_mean_proba(stage1_folds, splits, ex, ex.X) for ex in items]
    groups = STAGE2_GROUPS[mode]
    stacks = [stage2_inputs(p, ex.X, ex.ancestry, groups) for p, ex in zip(oof, items, strict=True)]
    # Stage 2 is cross-fitted too, so that the threshold is chosen on probabilities from sites it never saw.
    stage2_folds = {}
    for salt in splits:
        for k in (0, 1):
            part = [j for j, ex in enumerate(items) if _fold(ex, salt) == k]
            matrix = _matrix([items[j] for j in part], [stacks[j] for j in part])
            stage2_folds[(salt, k)] = _fit(*matrix, seed, params)
    oof2 = [_mean_proba(stage2_folds, splits, ex, np.hstack([ex.X, st])) for ex, st in zip(items, stacks, strict=True)]
    f1s = _page_f1s(items, oof2, THRESHOLDS)
    threshold = max(THRESHOLDS, key=f1s.get)
    log("out-of-fold page F1 by threshold: " + ", ".join(f"{t}: {f:.4f}" for t, f in f1s.items()))
    if refit:
        stage2 = from_sklearn(_fit(*_matrix(items, stacks), seed, params))
        stage1 = from_sklearn(_fit(*_matrix(items), seed, params))
    else:  # the fold models of each stage, averaged: every page seen once per split and stage
        stage2 = average([from_sklearn(m) for m in stage2_folds.values()])
        stage1 = average([from_sklearn(m) for m in stage1_folds.values()])
    log(f"both stages fitted: {time.time() - started:.0f}s; threshold {threshold}")
    return {
        "format": "cleaner-block-model/1",
        "mode": mode,
        "features": feature_names() + stage2_names(groups),
        "threshold": threshold,
        "stage1": stage1,
        "stage2": stage2,
        "training": {
            "datasets": [Path(p).name for p in paths],
            "split": "train side of cleaner.devdata.split (by site)",
            "pages": len(items),
            "blocks": int(sum(len(ex.texts) for ex in items)),
            "params": params,
            "seed": seed,
            "final_models": "refitted on all pages" if refit else _folds_named(len(splits)),
        },
    }


def save(model: dict, path: str | Path) -> None:
    Path(path).write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
