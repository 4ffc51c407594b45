"""Scoring a Markdown body: its words (the markup stripped, to score against the same gold as a text body) and its
structure (headings, list items, block quotes and table cells, against the elements of an HTML gold such as
readability-pages' `body_html`).

Structure: the gold's elements and the Markdown's (parsed by markdown-it, CommonMark with GitHub's tables) are
each a kind and a text: a heading's text, a list item's own text (without its nested lists), a quote's text, a
table cell's text. A predicted element matches a gold element of the same kind whose words it shares (token F1 at
least MATCH); each gold element is matched once. A page's precision is its matched share of the predicted
elements, its recall the matched share of the gold's; the corpus figures are means over pages (pages without
predicted elements are left out of precision, pages without gold elements out of recall), as for the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from selectolax.lexbor import LexborHTMLParser

from .score import tokens

KINDS = ("heading", "item", "quote", "cell")
MATCH = 0.8

# --- the words of a Markdown body ------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```+|~~~+)")
_IMAGE_LINE = re.compile(r"^\s*!\[(?:[^\]\\]|\\.)*\]\((?:[^()\\\s]|\\.)*\)\s*$")
_CAPTION_LINE = re.compile(r"^\s*\*.*\*\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^(?:\s*>\s?)+")
_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|$)")
_LIST = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])\s+")
_BULLET = re.compile(r"^\s*[-+*]\s+")
_LINK = re.compile(r"!?\[((?:[^\]\\]|\\.)*)\]\((?:[^()\\\s]|\\.)*\)")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def strip_markdown(markdown: str | None, numbers: bool = False) -> str:
    """The text of a Markdown body without its markup: headings', list items' and quotes' markers, table bars
    and rules, code fences, link addresses (their text stays), images with the caption line under them, and
    backslash escapes. What is left is the words a text body gives for the same page. `numbers`: an ordered
    list's numbers are words (a scraped text's own "1. Multimeter"), not markup (an HTML page's <ol>)."""
    bullet = _BULLET if numbers else _LIST
    out: list[str] = []
    in_code = False
    after_image = False
    for line in (markdown or "").split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            out.append(line)
            continue
        if _IMAGE_LINE.match(line):
            after_image = True
            continue
        if after_image and _CAPTION_LINE.match(line):
            after_image = False
            continue
        after_image = False
        if _TABLE_RULE.match(line):
            continue
        line = bullet.sub("", _HEADING.sub("", _QUOTE.sub("", line)), count=1)
        line = _LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), line)
        if line.lstrip().startswith("|"):
            line = " ".join(cell.strip() for cell in _CELL_BAR.split(line.strip().strip("|")))
        out.append(_ESCAPE.sub(r"\1", line).rstrip())
    return "\n".join(out)


# --- structure ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Element:
    kind: str  # one of KINDS
    words: tuple[str, ...]


def gold_elements(html: str | None) -> list[Element]:
    """Headings, list items (their own text), block quotes and table cells of an HTML fragment."""
    if not html:
        return []
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return []
    found = []
    for node in root.css("h1, h2, h3, h4, h5, h6, li, blockquote, td, th"):
        tag = node.tag
        if tag == "li":
            kind, text = "item", _own_text(node)
        elif tag == "blockquote":
            kind, text = "quote", node.text(separator=" ")
        elif tag in ("td", "th"):
            kind, text = "cell", node.text(separator=" ")
        else:
            kind, text = "heading", node.text(separator=" ")
        words = _words(text)
        if words:
            found.append(Element(kind, words))
    return found


def _own_text(node) -> str:
    """A list item's text without the nested lists it holds."""
    parts = []
    stack = [node.child]
    while stack:
        child = stack.pop()
        if child is None:
            continue
        stack.append(child.next)
        if child.tag in ("ul", "ol"):
            continue
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag not in ("script", "style"):
            stack.append(child.child)
    return " ".join(parts)


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_elements(markdown: str | None) -> list[Element]:
    """Headings, list items (their own text), block quotes and table cells of a Markdown body."""
    if not markdown:
        return []
    found: list[Element] = []
    open_: list[tuple[str, list[str], int]] = []  # (kind, texts, list nesting when opened)
    lists = 0
    for token in _parser().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind in ("heading_open", "list_item_open", "blockquote_open", "td_open", "th_open"):
            name = {"heading_open": "heading", "list_item_open": "item", "blockquote_open": "quote"}.get(kind, "cell")
            open_.append((name, [], lists))
        elif kind in ("heading_close", "list_item_close", "blockquote_close", "td_close", "th_close"):
            if open_:
                name, texts, _ = open_.pop()
                words = _words(" ".join(texts))
                if words:
                    found.append(Element(name, words))
        elif kind == "inline":
            text = "".join(_INLINE_TEXT.get(c.type, c.content) for c in token.children or () if c.type in _INLINE_KEPT)
            for name, texts, nesting in open_:
                # An item's own text: not that of the lists nested in it.
                if name != "item" or nesting == lists:
                    texts.append(text)
    return found


_INLINE_KEPT = frozenset(("text", "code_inline", "softbreak", "hardbreak"))
_INLINE_TEXT = {"softbreak": " ", "hardbreak": " "}


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in tokens(text))


@dataclass(frozen=True, slots=True)
class StructureScore:
    """One page: matched elements, predicted and gold counts, per kind."""

    matched: Counter
    predicted: Counter
    gold: Counter

    @property
    def precision(self) -> float | None:
        total = sum(self.predicted.values())
        return sum(self.matched.values()) / total if total else None

    @property
    def recall(self) -> float | None:
        total = sum(self.gold.values())
        return sum(self.matched.values()) / total if total else None


def structure_score(predicted: list[Element], gold: list[Element]) -> StructureScore:
    matched: Counter = Counter()
    for kind in KINDS:
        mine = [e.words for e in predicted if e.kind == kind]
        theirs = [e.words for e in gold if e.kind == kind]
        matched[kind] = _matches(mine, theirs)
    return StructureScore(matched, Counter(e.kind for e in predicted), Counter(e.kind for e in gold))


def _matches(predicted: list[tuple[str, ...]], gold: list[tuple[str, ...]]) -> int:
    """Greedy one-to-one matching: exact texts first, then each remaining predicted element with its most similar
    unmatched gold element, if similar enough."""
    left = Counter(gold)
    count = 0
    rest = []
    for words in predicted:
        if left[words] > 0:
            left[words] -= 1
            count += 1
        else:
            rest.append(words)
    pool = [Counter(words) for words, n in left.items() for _ in range(n)]
    for words in rest:
        mine = Counter(words)
        best, best_f = -1, MATCH
        for k, theirs in enumerate(pool):
            shared = sum((mine & theirs).values())
            f = 2 * shared / (sum(mine.values()) + sum(theirs.values())) if shared else 0.0
            if f >= best_f:
                best, best_f = k, f
        if best >= 0:
            pool.pop(best)
            count += 1
    return count
