"""The block features' fast paths give exactly what their plain definitions give (the shipped models were trained
on these features: a last-bit difference would be a different model)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cleaner.model import features
from cleaner.model.scorer import _window_min, stack_features, stage2_inputs
from cleaner.page import Block, Page


@pytest.mark.parametrize("w", [1, 3, 5, 8])
def test_window_means_of_columns_are_those_of_each_column(w):
    rng = np.random.default_rng(w)
    for n in (1, 2, 7, 40, 301):
        values = rng.random((n, 5)) * rng.integers(1, 1000, (n, 5))
        together = features._window_mean(values, w)
        for k in range(5):
            assert np.array_equal(together[:, k], features._window_mean(values[:, k].copy(), w))


@pytest.mark.parametrize("w", [1, 2, 4, 8])
def test_window_minima_are_the_sliding_windows(w):
    rng = np.random.default_rng(w)
    for n in (1, 2, 3, 16, 17, 200):
        p = rng.random(n)
        windows = np.lib.stride_tricks.sliding_window_view(np.pad(p, w, constant_values=1.0), 2 * w + 1)
        assert np.array_equal(_window_min(p, w), windows.min(axis=1))


def _run_lengths_plain(blocks):
    out, i = np.zeros(len(blocks)), 0
    while i < len(blocks):
        key = (blocks[i].tag, blocks[i].path, blocks[i].indent)
        j = i
        while j < len(blocks) and (blocks[j].tag, blocks[j].path, blocks[j].indent) == key:
            j += 1
        out[i:j] = math.log1p(j - i)
        i = j
    return out


def _blocks(texts, **fields):
    return [Block(text=t, index=i, **fields) for i, t in enumerate(texts)]


def test_run_lengths_and_container_shares_match_their_definitions():
    blocks = _blocks(["a", "bb", "", "ccc"], tag="li", path="div.menu ul")
    blocks += _blocks(["Body text, long enough.", ""], tag="p", path="div.main article")
    blocks += _blocks(["x", "y"], tag="line", indent=4) + _blocks(["z"], tag="line")
    assert np.array_equal(features._run_lengths(blocks), _run_lengths_plain(blocks))
    total = sum(len(b.text) for b in blocks)
    for levels, shares in zip((1, 2), features._container_shares(blocks), strict=True):
        keys = [features._parent(b.path, levels) if b.path else f"indent{b.indent}" for b in blocks]
        chars = {k: sum(len(b.text) for b, key in zip(blocks, keys, strict=True) if key == k) for k in keys}
        assert np.array_equal(shares, np.array([chars[k] / total for k in keys]))


@pytest.mark.parametrize(
    "texts", [[], ["One block, alone."], ["", "", ""], ["", "Text between empties.", ""], ["ΟΔΟΣ ΣΑΣ", "19 20 @"]]
)
def test_edge_pages_have_the_full_width_of_features(texts):
    for mode, fields in (("text", {"tag": "line"}), ("html", {"tag": "p", "path": "div.content", "ancestry": (0, 1)})):
        page = Page(blocks=_blocks(texts, **fields), mode=mode)
        X = features.page_features(page)
        assert X.shape == (len(texts), len(features.feature_names())) and X.dtype == np.float32
        assert np.isfinite(X).all()
        p = np.linspace(0.0, 1.0, len(texts))
        inputs = stage2_inputs(p, X, [b.ancestry for b in page.blocks], ("stretch", "container"))
        assert inputs.shape[0] == len(texts) and inputs.shape[1] >= stack_features(np.zeros(1)).shape[1]


def test_chinese_and_japanese_words_are_counted_without_spaces():
    """A paragraph written without spaces reads as a paragraph of sentences, not as one long word; the ASCII fast
    path gives the words the general pattern gives."""
    story = "図書館は今年で開館百年を迎え、町の人たちが記念の展示を準備しています。館長は来月末まで続けると話しました。"
    row = features._text_features(story, [len(story), 0, 0, 2, len(story)])
    log_words, terminal, log_sentences, paragraph = row[1], row[5], row[7], row[15]
    assert log_words > math.log1p(20)
    assert terminal == 1.0 and paragraph == 1.0
    assert log_sentences == math.log1p(2)
    for text in ("Plain ASCII words_and digits 2024", "naïve café — déjà vu"):
        assert features._ASCII_WORD.findall(text) == features._WORD.findall(text)
