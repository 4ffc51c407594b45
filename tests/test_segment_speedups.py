"""The fast paths of decoding and segmentation give what the plain computations they replace give."""

from __future__ import annotations

import random
import re

import pytest

from cleaner import decode
from cleaner import repair as repair_module
from cleaner.invisible import strip_invisible
from cleaner.segment import candidates, html
from cleaner.segment import text as segment_text_module

# Pieces of class names: every name the author and title patterns list, joiners, cases, and characters that match
# ASCII letters case-insensitively (Kelvin sign, long s, dotted and dotless i).
CLASS_PIECES = ["author", "authors", "byline", "bylines", "by-author", "autor", "autorin", "autoren", "writer",
                "auteur", "p-author", "Author", "BYLINE", "Name", "name", "link", "box", "card", "info", "bio",
                "details", "comment", "entry", "post", "article", "story", "news", "blog", "single", "page",
                "td-post", "wp-block-post", "title", "headline", "heading", "Title", "HEADLINE", "article__title",
                "article__headline", "p-name", "title-post", "artikel-titel", "titel", "-", "_", "__", " ", "a1",
                "4ceOm", "x", "aut", "head", "\u212a", "\u017f", "\u0130", "\u0131", "\u00e9"]  # fmt: skip


def _plain_class_marks(class_attr: str) -> tuple[bool, bool]:
    classes = class_attr.split()
    return (
        any(candidates.AUTHOR_CLASS.match(c) or candidates.AUTHOR_NAME_CLASS.match(c) for c in classes),
        any(candidates.TITLE_CLASS.match(c) for c in classes),
    )


def test_class_marks_with_hints_match_the_patterns():
    rng = random.Random(11)
    for _ in range(20000):
        class_attr = "".join(rng.choice(CLASS_PIECES) for _ in range(rng.randint(0, 5)))
        assert candidates.class_marks.__wrapped__(class_attr) == _plain_class_marks(class_attr), class_attr


@pytest.mark.parametrize(
    ("pattern", "hint"),
    [
        (candidates.AUTHOR_CLASS, candidates.AUTHOR_HINT),
        (candidates.AUTHOR_NAME_CLASS, candidates.AUTHOR_HINT),
        (candidates.TITLE_CLASS, candidates.TITLE_HINT),
    ],
)
def test_every_name_a_pattern_lists_holds_its_hint(pattern, hint):
    """Each alternative the pattern spells out (a word of letters and dashes) in a name it matches holds the hint."""
    names = set(re.findall(r"[a-z][a-z_-]+", pattern.pattern)) - {"a-z0-9"}
    matched = [n for n in names | {f"x-{n}" for n in names} | {f"{n}-name" for n in names} if pattern.match(n)]
    assert matched
    for name in matched:
        assert hint.search(name), name


def _plain_element(tag: str, class_attr: str, id_attr: str) -> tuple[str, bool, bool, bool]:
    classes = class_attr.split()
    return (
        html._token.__wrapped__(tag, class_attr, id_attr),
        any(html.HIDDEN_CLASS.match(c) for c in classes),
        tag in ("article", "main")
        or any(html.CONTENT_CLASS.match(c) for c in classes)
        or bool(id_attr and html.CONTENT_CLASS.match(id_attr)),
        any(_plain_class_marks(class_attr)),
    )


def test_element_verdicts_match_the_plain_ones():
    rng = random.Random(5)
    pieces = CLASS_PIECES + ["hidden", "sr-only", "d-none", "entry-content", "article-body", "Main-Content"]
    for _ in range(5000):
        tag = rng.choice(["div", "article", "main", "span", "a", "h1"])
        class_attr = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        id_attr = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 2)))
        assert html._element.__wrapped__(tag, class_attr, id_attr) == _plain_element(tag, class_attr, id_attr)


ATTRIBUTES = {
    "class": ["", "author", "entry-title", "published", "byline-name", "x", "updated"],
    "itemprop": ["", "author", "headline", "name", "datePublished", "articleBody"],
    "content": ["", "2024-01-02"],
    "property": ["", "article:published_time", "og:title"],
    "rel": ["", "author", "nofollow author", "Author"],
    "href": ["", "/author/jane-doe/", "/news/", "https://x.com/AUTHORS/jane?p=1", "/writers/"],
    "title": ["", "2024-01-02"],
    "datetime": ["", "2024-01-02"],
    "id": ["", "main"],
}


def test_elements_the_walker_passes_over_mark_nothing():
    """`Candidates.enter` finds nothing in an element the walker does not hand it (see MARK_TAGS)."""
    tree = html.LexborHTMLParser("<p>Jane Doe</p>")
    node = tree.css_first("p")
    rng = random.Random(3)
    for _ in range(5000):
        tag = rng.choice(["div", "span", "a", "abbr", "time", "h1", "p"])
        attrs = {k: v for k, values in ATTRIBUTES.items() if (v := rng.choice(values + [None]))}
        get = attrs.get
        handed = any(candidates.class_marks(get("class") or "")) or bool(get("itemprop") or get("content"))
        handed = handed or tag in candidates.MARK_TAGS and (tag != "a" or candidates.author_link(attrs))
        if handed:
            continue
        found = candidates.Candidates()
        found.enter(node, tag, attrs, ["body", "div"], 0, False)
        assert not (found.times or found.authors or found.titles), (tag, attrs)


MOJIBAKE_PIECES = [chr(c) for c in range(0x80, 0x100)] + list("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") + ["a", " ", "é", "\u4e2d"]


def test_the_utf8_gate_passes_every_text_the_mojibake_scan_would_look_at():
    rng = random.Random(9)
    for _ in range(50000):
        text = "".join(rng.choice(MOJIBAKE_PIECES) for _ in range(rng.randint(1, 6)))
        if decode._MAYBE_MOJIBAKE.search(text):
            assert decode._MAYBE_MOJIBAKE_UTF8.search(text.encode("utf-8")), text


def test_normalise_mends_and_repairs_as_before():
    mojibake = "FuÃŸball und StraÃŸe"
    assert decode.normalise(mojibake) == "Fußball und Straße"
    assert decode.normalise("Fußball \ud800 StraÃŸe FuÃŸ") == "Fußball ? Straße Fuß"  # a lone surrogate
    assert decode.normalise("Café") == "Café"


def _plain_lines(text: str) -> list[tuple[str, int, int]]:
    """segment_text's lines as the per-line substitutions make them: text, blank lines before, indent (of the
    visible characters)."""
    lines, gap = [], 0
    for raw in text.split("\n"):
        visible = strip_invisible(raw)
        if not visible.strip():
            gap += 1
            continue
        line = segment_text_module._SPACES.sub(" ", visible).strip()
        lines.append((line, gap if lines else 0, len(visible) - len(visible.lstrip())))
        gap = 0
    return lines


def test_text_lines_match_the_per_line_substitutions():
    pieces = ["a", "Word", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u3000", "- ", "é"]
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        page = segment_text_module.segment_text(text)
        assert [(b.text, b.gap_before, b.indent) for b in page.blocks] == _plain_lines(text), repr(text)


def test_maybe_glued_finds_every_text_a_gate_matches():
    pieces = ["a", "B", "é", "À", ".", "!", '"', "(", " ", "x", "Ý", "?", ""]
    rng = random.Random(21)
    for _ in range(3000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 6))]
        expected = {
            i
            for i, text in enumerate(texts)
            if repair_module._WORDS_GATE.search(text) or repair_module._SENTENCE_GATE.search(text)
        }
        assert repair_module._maybe_glued(texts) == expected, texts
