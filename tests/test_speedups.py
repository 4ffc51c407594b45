"""The fast paths give what the plain computations they replace give."""

from __future__ import annotations

import dataclasses
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from cleaner import fixtures
from cleaner import repair as repair_module
from cleaner.fastre import finder, folded
from cleaner.meta import language, titleline
from cleaner.meta.titleline import _Longer
from cleaner.model import features
from cleaner.model.scorer import STACK_WINDOWS, shipped, stack_features
from cleaner.page import Block, Page
from cleaner.prepare import prepare
from cleaner.repair import repair
from cleaner.rules import Phrases, all_rules, teasers
from cleaner.rules.dispatch import RuleDispatch
from cleaner.segment import candidates, html
from cleaner.segment.text import segment_text

ROOT = Path(__file__).resolve().parent.parent

CLASS_PATTERNS = [
    (html.HIDDEN_CLASS, "match"),
    (html.CONTENT_CLASS, "match"),
    (candidates.AUTHOR_CLASS, "match"),
    (candidates.AUTHOR_NAME_CLASS, "match"),
    (candidates.TITLE_CLASS, "match"),
] + [(getattr(features, name), "search") for name in ("_BOILER", "_CONTENT", "_COMMENT", "_POSITIVE", "_NEGATIVE")]
PIECES = ["Author", "NAME", "comment", "entry", "Title", "post", "-", "_", "byline", "Link", "hidden", "SR-only",
          "headline", "a1", "Article", "Content", "Nav", "hid", " ", "ſ", "\u212a", "K", "é", "x"]  # fmt: skip


@pytest.mark.parametrize(("pattern", "method"), CLASS_PATTERNS)
def test_finder_agrees_with_the_case_insensitive_pattern(pattern, method):
    ask, fast = getattr(pattern, method), finder(pattern, method)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        assert fast(text) == (ask(text) is not None), text


def test_finder_keeps_patterns_it_cannot_fold():
    upper = re.compile(r"datePublished", re.I)  # an upper-case letter: lowering the text would lose it
    assert finder(upper)("x-datepublished") and finder(upper)("DATEPUBLISHED")
    escaped = re.compile(r"\bnav\b", re.I)
    assert finder(escaped)("main NAV bar") and not finder(escaped)("canvas")
    assert finder(re.compile("sk", re.I))("\u017fk")  # a long s matches s case-insensitively


def _rule_phrases():
    all_rules()
    modules = [m for name, m in sorted(sys.modules.items()) if name.startswith("cleaner.rules.")]
    return [v for m in modules for v in vars(m).values() if isinstance(v, Phrases)]


LABEL_PIECES = ["Read more", "SKIP TO CONTENT", "Related Articles", "share on Facebook", "Cookie Policy", "Sign Up",
                "newsletter", "Anzeige", "Terms of Use", "MORE", "Print", "About", "us", " ", "  ", "-", "1",
                "20", ":", "!", "...", "\u2192", "\u00bb", "(", ")", "|", "/", "'", "\u00e9", "\u212a", "\u017f", "x",
                "Top"]  # fmt: skip


def test_phrases_agree_with_their_case_insensitive_pattern():
    phrases = _rule_phrases()
    assert phrases and all(p._folded is not None for p in phrases)  # all of today's labels fold
    rng = random.Random(17)
    for _ in range(4000):
        text = "".join(rng.choice(LABEL_PIECES) for _ in range(rng.randint(0, 4)))
        for phrase in phrases:
            expected = len(text) <= phrase.max_chars and phrase.pattern.match(text) is not None
            assert phrase.match(text) == expected, (phrase.pattern.pattern[:40], text)


def test_folded_keeps_patterns_it_cannot_fold():
    for source in [r"datePublished", r"(?i:x)", r"(?P<name>x)", r"[A-Z]x", r"[0-z]", r"[!-~]", "[a-\u00ff]",
                   "\u212a", "\u017f", r"\Ax", r"(x)\1"]:  # fmt: skip
        assert folded(re.compile(source, re.I)) is None, source
    assert folded(re.compile("x")) is None  # already case-sensitive
    twin = folded(re.compile("^\\W{0,3}(?:caf\u00e9|[a-z]\\d)[\\s.\\-]*$", re.I))
    assert twin is not None and twin.match("cafe -") is None and twin.match("q7 .") is not None


def test_longer_line_containment_matches_the_plain_scan():
    rng = random.Random(3)
    words = "a b ab abc x y zz".split()
    for _ in range(500):
        norms = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(rng.randint(1, 10))]
        longer = _Longer(Counter(norms))
        for norm in norms:
            plain = any(f" {norm} " in f" {n} " and n != norm for n in norms if len(n) < len(norm) + 60)
            assert longer.contains(norm) == plain


def _walk_one_by_one(ensemble, X):
    """The ensemble's log-odds, one row and one tree at a time."""
    out = []
    for row in X.astype(np.float64):
        total = np.zeros(len(ensemble.roots))
        for t, node in enumerate(ensemble.roots):
            while ensemble.left[node] != node:
                go_left = row[ensemble.feature[node]] <= ensemble.threshold[node]
                node = ensemble.left[node] if go_left else ensemble.right[node]
            total[t] = ensemble.value[node]
        out.append(ensemble.baseline + total.sum())
    return np.array(out)


@pytest.mark.parametrize("mode", ["html", "text"])
def test_tree_walk_matches_a_walk_row_by_row(mode):
    model = shipped(mode)
    width = int(model.stage1.feature.max()) + 1
    X = np.random.default_rng(5).normal(0.3, 1.0, size=(9, width)).astype(np.float32)
    assert np.allclose(model.stage1.raw(X), _walk_one_by_one(model.stage1, X), rtol=0, atol=1e-9)


def _teaser_list_walking_back(page, i):
    """teaser_list as first written: walk back from every title to the list header."""
    blocks = page.blocks
    if not teasers.title_like(blocks[i].text) or teasers.is_more_link(blocks[i].text):
        return False
    if teasers.is_list_header(blocks[i].text):
        return False
    if i + 1 < len(blocks) and teasers.is_more_link(blocks[i + 1].text):
        return True
    j = i - 1
    while j >= 0 and j >= i - 40:
        text = blocks[j].text
        if teasers.is_list_header(text):
            before = any(len(b.text.split()) >= teasers.ARTICLE_WORDS for b in blocks[:j])
            return before or teasers._continues_list(page, i)
        if not (teasers.title_like(text) or teasers.is_more_link(text) or teasers._teaser_detail(text)):
            return False
        j -= 1
    return False


def test_teaser_list_run_stops_match_walking_back():
    rng = random.Random(11)
    lines = ["Related", "Read more", "Don't miss", "A Title Here", "Another Big Story", "By Anna Schmidt",
             "March 5, 2026", "This is a long paragraph of article text that goes on for more than twenty words so "
             "that it reads as the article itself and not as a teaser or a label.", "short line.", "More"]  # fmt: skip
    for _ in range(300):
        page = Page(blocks=[Block(text=rng.choice(lines)) for _ in range(rng.randint(1, 70))], mode="text")
        for i in range(len(page.blocks)):
            assert teasers.teaser_list(page, i) == _teaser_list_walking_back(page, i), i


def _first_rule_plainly(page, i, rules):
    """The first rule that matches block i, every rule asked in turn."""
    size = len(page.blocks[i].text)
    return next((r for r in rules if (r.max_chars is None or size <= r.max_chars) and r.check(page, i)), None)


def _fixture_pages():
    for name in fixtures.names(ROOT / "fixtures"):
        path = fixtures.input_of(ROOT / "fixtures" / name)
        yield prepare(path.read_bytes(), "html" if path.suffix == ".html" else "text")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield prepare(path.read_text(encoding="utf-8"), "text")


def test_rule_dispatch_finds_the_rule_the_plain_loop_finds():
    """On the fixtures' and seeds' lines, as they stand and shuffled (a remembered line verdict meets the same
    text between other neighbours), and with rules left out."""
    registry = list(all_rules().values())
    rng = random.Random(13)
    for page in _fixture_pages():
        rules = tuple(r for r in registry if page.mode in r.modes)
        checks = RuleDispatch(rules)
        fewer = tuple(r for r in rules if rng.random() < 0.6)
        some = RuleDispatch(fewer)
        for _ in range(3):
            for i in range(len(page.blocks)):
                assert checks.first(page, i) == _first_rule_plainly(page, i, rules), page.blocks[i].text
                assert some.first(page, i) == _first_rule_plainly(page, i, fewer), page.blocks[i].text
            rng.shuffle(page.blocks)


def test_kept_text_features_match_the_features_of_each_page_alone():
    """Text features kept from earlier pages are what the page's own computation gives."""
    for page in _fixture_pages():
        texts = [b.text for b in page.blocks]
        plain = [features._text_features(t, c) for t, c in zip(texts, features._char_counts(texts), strict=True)]
        assert features._texts_features(texts) == plain
        assert features._texts_features(texts[::-1]) == plain[::-1]


def test_title_line_verdicts_kept_per_text_match_fresh_ones():
    """The title-line look-ahead's kept verdicts are those of the plain functions, on every fixture line twice."""
    for page in _fixture_pages():
        for text in [b.text for b in page.blocks] * 2:
            for kept in (titleline._norm, titleline._paragraph_like, titleline._between):
                assert kept(text) == kept.__wrapped__(text)


def test_repair_keeps_only_blocks_equal_to_their_copies():
    """A line repair leaves whole is kept as the segmenter made it: the same block a copy would be."""
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *(ROOT / "fixtures").glob("*/input.txt")]:
        fresh = segment_text(path.read_bytes().decode("utf-8", "replace"))
        made = set(map(id, fresh.blocks))
        for block in repair(fresh).blocks:
            if id(block) in made:
                assert block == dataclasses.replace(repair_module._copy(block, block.text), index=block.index)


def test_kept_languages_match_langdetect_asked_afresh_in_any_order():
    """langdetect is seeded per call, so a sample's kept language is the one a fresh call gives."""
    bodies = [" ".join(b.text for b in page.blocks) for page in _fixture_pages()]
    samples = [body[: language.SAMPLE_CHARS] for body in bodies]
    language._language.cache_clear()
    kept = [language.detect_language(body) for body in bodies]
    assert kept == [language._language.__wrapped__(s) for s in reversed(samples)][::-1]
    assert [language.detect_language(body) for body in bodies] == kept


def _window_mean_clipped(values, w):
    """The windowed mean as first written, its bounds clipped to the page at both ends."""
    padded = np.concatenate([[0.0], np.cumsum(values)])
    n = len(values)
    lo = np.clip(np.arange(n) - w, 0, n)
    hi = np.clip(np.arange(n) + w + 1, 0, n)
    return (padded[hi] - padded[lo]) / (hi - lo)


def test_window_means_match_the_clipped_bounds():
    rng = np.random.default_rng(3)
    for n in range(1, 40):
        values = rng.random(n)
        for w in (*features.WINDOWS, 2, 4, 5):
            assert np.array_equal(features._window_mean(values, w), _window_mean_clipped(values, w))
        p = rng.random(n)
        stacked = stack_features(p)
        for k, w in enumerate(STACK_WINDOWS):
            assert np.array_equal(stacked[:, 2 + 2 * k], _window_mean_clipped(p, w).astype(np.float32))


def test_verdicts_live_with_their_page_and_text_caches_start_empty_on_each_page():
    """A dispatcher's verdicts are kept in the page they were asked on (a new page starts without them), and the
    caches of pure text functions (textcache.py) are emptied when the next page is prepared."""
    from cleaner import Cleaner

    cleaner = Cleaner(mode="text")
    text = "Brussels, 2 February 2016\n\nThe prime ministers of France and Belgium met on Monday.\n\nShare :"
    page = cleaner.page(text)
    dispatch = cleaner.overruling["text"]  # (the model keeps every line here: only the overruling rules are asked)
    assert page.once(dispatch._verdicts) and not prepare(text, "text").once(dispatch._verdicts)
    cached = [titleline._norm, titleline._paragraph_like, language._language]
    cleaner.clean(text)
    assert all(c.cache_info().currsize for c in cached)
    prepare("Another page.", "text")
    assert not any(c.cache_info().currsize for c in cached)
