"""Where a block stands on the page, read from stage 1's probabilities (stage 2 of the block scorer reads these
besides its neighbours'): against the page's main stretch of likely content, and in HTML against the element
that holds the article."""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from .features import add_parents, feature_names, per_deepest, sums_below

LOG_WORDS = feature_names().index("log_words")
STRETCH_GAP = 3  # likely-content blocks this far apart are one stretch
STRETCH_FEATURES = ("before_share", "after_share", "in_main", "log_dist_main", "after_main", "main_share")
CONTAINER_BIAS = 0.8  # the article's element maximises (likely words - CONTAINER_BIAS * words) below it
CONTAINER_FEATURES = ("in_main", "log_levels_out", "branch_share", "main_share", "main_density")


def stretch_features(p: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Where a block stands against the page's main stretch of likely content (the run of blocks stage 1 scores
    as content, gaps of up to STRETCH_GAP blocks allowed, that carries the most probable words): the share of
    that mass before and after it, whether it is inside the stretch, how far outside, and the stretch's share."""
    n = len(p)
    out = np.zeros((n, len(STRETCH_FEATURES)), dtype=np.float32)
    if n == 0:
        return out
    mass = p * np.expm1(X[:, LOG_WORDS])  # stage-1 probability times words
    total = float(mass.sum()) or 1.0
    cum = np.cumsum(mass)
    out[:, 0] = (cum - mass) / total
    out[:, 1] = (total - cum) / total
    likely = np.flatnonzero(p >= 0.5)
    if not len(likely):
        out[:, 3] = math.log1p(n)
        return out
    breaks = np.flatnonzero(np.diff(likely) > STRETCH_GAP + 1)
    starts = likely[np.concatenate([[0], breaks + 1])]
    ends = likely[np.concatenate([breaks, [len(likely) - 1]])]
    padded = np.concatenate([[0.0], cum])
    best = int(np.argmax(padded[ends + 1] - padded[starts]))
    s, e = int(starts[best]), int(ends[best])
    idx = np.arange(n)
    dist = np.where(idx < s, s - idx, np.where(idx > e, idx - e, 0))
    out[:, 2] = dist == 0
    out[:, 3] = np.log1p(dist)
    out[:, 4] = idx > e
    out[:, 5] = (padded[e + 1] - padded[s]) / total
    return out


def container_features(p: np.ndarray, X: np.ndarray, ancestry: list[tuple[int, ...]]) -> np.ndarray:
    """Where a block stands against the article's likely element: the element whose blocks carry the most likely
    words less CONTAINER_BIAS times all their words (stage-1 probability times words, as Readability scores a
    container by its paragraphs, but learned). Per block: whether it is inside that element, how many levels
    above it the block's branch joins its ancestors, that branch's share of the page's likely words, and the
    element's share and density of them. A teaser stream, a sidebar or a comment list of likely-looking text
    below the article stands outside it or in a branch of its own.

    `ancestry` is each block's element ids, outermost first, parents numbered before children (segment/html.py);
    blocks without one (plain text) read as outside."""
    n = len(p)
    out = np.zeros((n, len(CONTAINER_FEATURES)), dtype=np.float32)
    if n == 0:
        return out
    words_array = np.expm1(X[:, LOG_WORDS])
    words, mass = words_array.tolist(), (p * words_array).tolist()
    total = sum(mass)
    parent: dict[int, int | None] = {}
    own_mass: dict[int, float] = {}
    own_words: dict[int, float] = {}
    for i, chain in enumerate(ancestry):
        if not chain:
            continue
        deepest = chain[-1]
        own_mass[deepest] = own_mass.get(deepest, 0.0) + mass[i]
        own_words[deepest] = own_words.get(deepest, 0.0) + words[i]
        if deepest not in parent:  # (else its whole chain is recorded)
            add_parents(parent, chain)
    if total <= 0 or not parent:
        return out
    order = sorted(parent)
    below_mass, below_words = sums_below(parent, order, own_mass, own_words)
    depth: dict[int, int] = {}
    for node in order:
        up = parent[node]
        depth[node] = 0 if up is None else depth[up] + 1
    main = max(order, key=lambda node: below_mass[node] - CONTAINER_BIAS * below_words[node])  # first of equals
    above = set()  # the element and its ancestors
    node = main
    while node is not None:
        above.add(node)
        node = parent[node]
    levels = depth[main]
    out[:, 3] = below_mass[main] / total
    out[:, 4] = below_mass[main] / below_words[main] if below_words[main] else 0.0
    # A block's columns depend on its chain alone.
    against = partial(
        _against_main, above=above, main=main, levels=levels, depth=depth, below_mass=below_mass, total=total
    )
    out[:, :3] = per_deepest(ancestry, against)
    return out


def _against_main(chain, above, main, levels, depth, below_mass, total) -> tuple[float, float, float]:
    """One chain's in_main, log_levels_out and branch_share."""
    k = len(chain) - 1
    while k >= 0 and chain[k] not in above:
        k -= 1
    if k < 0:  # no ancestor in common (or no ancestry)
        return 0.0, math.log1p(levels + 1), below_mass[chain[0]] / total if chain else 0.0
    join = chain[k]
    branch = chain[k + 1] if k + 1 < len(chain) else join
    if join == main:
        return 1.0, 0.0, below_mass[branch] / total
    return 0.0, math.log1p(levels - depth[join]), below_mass[branch] / total
