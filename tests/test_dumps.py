"""The dump styles (cleaner/devdata/dumps.py): the committed dumps of the project's own pages (tests/dumps, made by
tests/make_dumps.py) look like their scrapers' output and clean without error, keeping the article's first
paragraph; augmentation only moves the layout; lynx and w3m, where installed, dump UTF-8 and are cached."""

from __future__ import annotations

import random
import re

import make_dumps
import pytest

from cleaner import Cleaner
from cleaner.devdata import dumps
from cleaner.devdata.dumps import HELD_OUT, STYLES, TRAIN_STYLES, augment

DUMPS = make_dumps.DUMPS
PAGES = make_dumps.pages()
# The link markers and Markdown link targets a dump adds to the article's words.
_ADDED = re.compile(r"\[\d+\]|\]\([^)]*\)")


def _text(page: str, style: str) -> str:
    return (DUMPS / page / f"{style}.txt").read_text(encoding="utf-8")


def _html(page: str) -> str:
    return make_dumps.html_of(PAGES[page])


def test_every_page_is_dumped_in_every_style():
    assert len(PAGES) >= 15
    for page in PAGES:
        assert sorted(p.stem for p in (DUMPS / page).glob("*.txt")) == sorted(STYLES), page


def test_styles_are_split_into_trained_and_held_out():
    assert set(TRAIN_STYLES) | set(HELD_OUT) == set(STYLES) and not set(TRAIN_STYLES) & set(HELD_OUT)
    assert {"w3m", "markdownify"} <= set(HELD_OUT)  # the siblings of lynx and html2text, kept to measure on
    assert {"html-text", "inscriptis", "bs4-lines", "bs4-glued", "lynx", "html2text", "trafilatura"} <= set(
        TRAIN_STYLES
    )


def test_the_committed_dumps_look_like_their_scrapers():
    for page in PAGES:
        html = _html(page)
        lynx, w3m = _text(page, "lynx"), _text(page, "w3m")
        if "<a " in html:
            assert "\nReferences\n" in lynx and re.search(r"\[\d+\]\S", lynx), page
            assert re.search(r"^ +1\. \S+", lynx.split("\nReferences\n")[1], re.M), page
        assert all(len(line) <= 79 for line in lynx.split("\nReferences\n")[0].splitlines()), page
        assert all(len(line) <= 80 for line in w3m.splitlines()), page
        if re.search(r"<h[1-6]\b", html):
            for style in ("html2text", "markdownify"):
                assert re.search(r"^#{1,6} \S", _text(page, style), re.M), (page, style)
        lines = _text(page, "bs4-lines")
        assert "\n\n" not in lines and "\n\n" not in _text(page, "bs4-glued"), page
    furniture = "en-html-furniture"
    assert "\nBy\nClaire Martin\n" in _text(furniture, "bs4-lines")  # cut at the link
    assert "HomeWorldBusinessClimate" in _text(furniture, "bs4-glued")  # glued
    assert "  * [Home](/)" in _text(furniture, "html2text") and "* [Home](/)" in _text(furniture, "markdownify")
    assert "By [10]Claire Martin" in _text(furniture, "lynx") and "  • Home" in _text(furniture, "w3m")
    assert "Skip to main content" not in _text(furniture, "trafilatura")  # already extracted


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", _ADDED.sub(" ", text).lower())
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


@pytest.fixture(scope="module")
def first_paragraphs() -> dict[str, str]:
    """Each page's first article paragraph, as the cleaner reads it from the HTML ('' for a page with no article:
    an error page, a section front)."""
    html = Cleaner(mode="html")
    records = {page: html.clean(_html(page)) for page in PAGES}
    return {page: r.body.split("\n\n")[0] if r.page_type == "article" else "" for page, r in records.items()}


# The dump reader leaves this short lynx page's paragraph wrapped (too few lines to find the wrap width), and its
# second line is read as the headline. Strict: a fix shows as XPASS, and the entry goes.
_WRAPPED_FIRST_PARAGRAPH = {("en-html-rescue", "lynx")}
_CASES = [
    pytest.param(
        page,
        style,
        marks=pytest.mark.xfail(strict=True, reason="a wrapped line of the first paragraph read as the headline")
        if (page, style) in _WRAPPED_FIRST_PARAGRAPH
        else (),
    )
    for page in PAGES
    for style in STYLES
]


@pytest.fixture(scope="module")
def text_cleaner() -> Cleaner:
    return Cleaner(mode="text")


@pytest.mark.parametrize(("page", "style"), _CASES)
def test_every_dump_cleans_and_keeps_the_first_paragraph(page, style, first_paragraphs, text_cleaner):
    dumped = _text(page, style)
    record = text_cleaner.clean(dumped)
    assert record.error is None
    first = first_paragraphs[page]
    wanted = _grams(first)
    if not first or len(wanted & _grams(dumped)) < 0.9 * len(wanted):
        # en-html-streamed in a browser: the article waits, hidden, for a script the fixture leaves empty
        pytest.skip("the dump itself has no article paragraph")
    assert len(wanted & _grams(record.body)) >= 0.9 * len(wanted)


def test_augment_moves_the_layout_not_the_words():
    text = _text("en-html-furniture", "lynx")
    words = [w for w in re.findall(r"\w+", text) if not w.isdigit()]
    seen = set()
    for seed in range(24):
        once = augment(text, random.Random(seed))
        assert once == augment(text, random.Random(seed))  # a pure function of the text and the random state
        assert [w for w in re.findall(r"\w+", once) if not w.isdigit()] == words
        seen.add(once)
    assert len(seen) >= 20
    assert any("\n\n" not in s for s in seen) and any("\n\n\n" in s for s in seen)  # none, one or two blank lines
    assert any(max(map(len, s.splitlines())) > 79 for s in seen)  # lynx's wrapped paragraphs joined or re-wrapped
    bullets = {m for s in seen for m in re.findall(r"^\s*([*\-•+]|\d+\.) \S", s, re.M)}
    assert {"*", "-", "•"} <= bullets


def test_augment_takes_markdown_out_or_puts_it_in():
    text = _text("en-html-furniture", "html2text")
    found = [augment(text, random.Random(seed)) for seed in range(20)]
    assert any("[Home]" not in s and "Home" in s for s in found)
    assert any("](/)" in s for s in found)
    plain = _text("en-html-furniture", "bs4-lines")
    assert any(re.search(r"^#{1,3} ", augment(plain, random.Random(seed)), re.M) for seed in range(20))


def test_a_missing_program_is_a_reason_not_a_crash(monkeypatch):
    monkeypatch.setattr(dumps, "_binary_version", lambda program: None)
    monkeypatch.setattr(dumps, "_package_version", lambda name: None if name == "markdownify" else "1")
    assert dumps.missing(["lynx", "markdownify", "html-text"]) == {
        "lynx": "program lynx is not installed (apt-get install lynx)",
        "markdownify": "Python package markdownify is not installed (pip install -e '.[bench]')",
    }


_PAGE = (
    '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><nav><a href="/a">Start</a></nav>'
    "<script>alert('a dialog waits for a click')</script><h1>Grüße aus Köln</h1>"
    "<p>Erster Absatz mit <a href='https://example.org/x'>einem Link</a>.</p></body></html>"
)


@pytest.mark.parametrize("style", ["lynx", "w3m", "chromium"])
def test_the_browsers_dump_utf8_and_are_cached(style, tmp_path, monkeypatch):
    if dumps.missing([style]):
        pytest.skip(f"{style} is not installed (.ci/run installs it)")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = dumps.dump(style, _PAGE)
    assert "Grüße aus Köln" in text and "Erster Absatz" in text  # the page's declared charset is not obeyed
    cached = list((tmp_path / "cleaner-dumps" / style).rglob("*.txt"))
    assert len(cached) == 1 and cached[0].read_text(encoding="utf-8") == text
    cached[0].write_text("from the cache", encoding="utf-8")
    assert dumps.dump(style, _PAGE) == "from the cache"
    if style == "chromium":
        assert "Start\n" in text and "[" not in text  # a browser copy: no link markers
    if style == "lynx":
        assert "[2]einem Link" in text and "https://example.org/x" in text.split("References")[1]
        assert "/tmp" not in text and "lynx" not in text.split("References")[1]  # no temporary path in the links
