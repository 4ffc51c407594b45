"""Pathological pages (issue 8): each finishes within the per-page time limit, as a record or as an error record
that names the cap it broke; the work is bounded by construction (depth, blocks, windows), checked by counting.
Timings are measured by `python -m cleaner.bench.hostile` (README, "Hostile input"), never asserted here."""

import pytest

from cleaner import Cleaner
from cleaner.bench.hostile import PAGES, bait, bait_pages, many_links, nested_divs, one_line_text, patterns
from cleaner.limits import MAX_BLOCKS, MAX_DEPTH, PageTooLarge
from cleaner.segment.html import segment_html
from cleaner.segment.nesting import flatten

# Generous: the slowest page measured takes a few seconds of CPU; only a hang or a blow-up reaches this.
GENEROUS = 120.0
TIMED_OUT = "stopped at the time limit"


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(time_limit=GENEROUS)


def finished(article) -> bool:
    return article.error is None or not article.error.startswith(TIMED_OUT)


# The issue's own cases at full size: 10 MB on one line, 100,000 nested <div>s, a million <a> tags, 10 MB of
# one character.
@pytest.mark.parametrize(
    "name",
    ["one-line-text-10MB", "one-line-html-10MB", "nested-divs-100k", "unclosed-divs-100k", "char-lt-10MB"],
)
def test_the_issues_pathological_pages_give_a_record_in_bounded_time(cleaner, name):
    build, size, _ = PAGES[name]
    article = cleaner.clean(build(size), id=name)
    assert article.error is None, article.error  # a record: what its body keeps is the classifier's decision
    assert article.id == name


def test_a_million_links_give_a_record(cleaner):
    page = many_links(1_000_000)  # 12 MB: a million <a> tags within the size cap
    assert page.count("<a>") == 1_000_000
    article = cleaner.clean(page)
    assert article.error is None


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_pathological_shape_small_finishes(cleaner, name):
    build, _, small = PAGES[name]
    article = cleaner.clean(build(small), id=name)
    assert finished(article), article.error
    assert article.id == name


def test_pages_past_a_cap_become_error_records_that_name_it(cleaner):
    lines = cleaner.clean("Skip to content\n" * (MAX_BLOCKS + 1), id="lines")
    assert lines.error == f"too many lines for one page: more than {MAX_BLOCKS:,}, so not a single article page"
    blocks = cleaner.clean("<html><body>" + "<p>A short line.</p>" * (MAX_BLOCKS + 1))
    assert blocks.error.startswith("too many blocks for one page")
    huge = cleaner.clean("x" * 20_000_001, id="huge")
    assert huge.error == "page too large: 20,000,001 characters (the limit is 20,000,000)" and huge.id == "huge"
    assert cleaner.clean(b"x" * 80_000_001).error.startswith("page too large: 80,000,001 bytes")
    # Elements are counted by the scan before parsing (the real cap is 2,000,000; counted the same way).
    tags = "<html><body>" + "<p>x<br>" * 60_000
    assert flatten(tags, max_elements=120_002) == tags
    with pytest.raises(PageTooLarge, match="too many HTML elements for one page: more than 120,001$"):
        flatten(tags, max_elements=120_001)


def test_deep_nesting_is_cut_to_the_depth_cap_and_keeps_its_text():
    page = segment_html(nested_divs(100_000))
    assert [b.text for b in page.blocks] == ["deep text"]
    assert all(len(b.ancestry) <= MAX_DEPTH for b in page.blocks)
    # The scan removes opening and closing tags past the cap, nothing else.
    flat = flatten(nested_divs(100_000))
    assert flat.count("<div>") == flat.count("</div>") <= MAX_DEPTH
    shallow = "<div><p>x</p></div>" * 20_000
    assert flatten(shallow) == shallow


def test_deep_nesting_under_the_cap_is_untouched():
    page = nested_divs(MAX_DEPTH - 1) + "<p>" * 20_000  # many tags, but <p> closes its sibling: never deep
    assert flatten(page) == page


def test_repairs_look_at_a_window_not_the_whole_line():
    """Glued sentences on one 2 MB line are split at every join, as they are on a short line."""
    from cleaner.repair import repair
    from cleaner.segment.text import segment_text

    for size in (2_000, 2_000_000):
        blocks = [b.text for b in repair(segment_text(one_line_text(size))).blocks]
        assert len(blocks) >= size // 100
        assert not any("approved.Officials" in text for text in blocks)


# Every pattern of the rules, metadata, repairs and segmenters, fed strings built to make it backtrack, where
# the cleaner applies it: text lines, and in HTML the title, author meta, JSON-LD, heading, paragraphs and links.
ALL_PATTERNS = patterns()


def test_the_patterns_are_found():
    where = set(ALL_PATTERNS)
    assert len(where) >= 90
    for module in ("cleaner.repair.", "cleaner.meta.names.", "cleaner.rules.captions.", "cleaner.segment."):
        assert any(w.startswith(module) for w in where), module


@pytest.mark.parametrize("where", sorted(ALL_PATTERNS))
def test_backtracking_bait_for_every_pattern_finishes(cleaner, where):
    strings = list(bait(ALL_PATTERNS[where], 5_000))
    for mode, page in bait_pages(strings):
        article = cleaner.clean(page, mode=mode, id=where)
        assert finished(article), f"{where} in {mode}: {article.error}"


def test_repairs_add_blocks_up_to_the_block_cap_only(monkeypatch):
    from cleaner import repair as repairs
    from cleaner.segment.text import segment_text

    monkeypatch.setattr(repairs, "MAX_BLOCKS", 100)  # the real cap is 50,000; the counting is the same
    text = one_line_text(20_000)  # about 250 glued sentences on one line
    page = repairs.repair(segment_text(text + "\nA second line.\nA second line.A second line."))
    assert len(page.blocks) == 100
    assert page.blocks[-1].text == "A second line.A second line."  # no spare block left to undouble or split
    assert "".join(b.text for b in page.blocks[:-2]) == text.strip()  # split, never lost
