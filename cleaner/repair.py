"""Repairs of scraped text before classification: sentences glued by the scraper are split into their own
blocks ("documents.Two" / "he addedApart" / "newsletterReceive"), and a line glued to itself is kept once.

A split is a guess about a lost paragraph break, so it is only made where nothing else explains the join:
never inside code, URLs, e-mail addresses, dotted names ("com.example.Main", "U.S."), decimals, common
abbreviations ("vs.Real"), or names with an inner capital ("iPhone", "McDonald", "eBay", "useState").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from .limits import MAX_BLOCKS
from .page import Block, Page
from .reasons import DOUBLED_LINE

# "documents.Two", "capital.\"The", "bombings.(Reporting": a sentence end with no space before the next one,
# which goes on as words ("Two and", not "Services.AddHttpClient" or "Twilio;").
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ0-9)%][a-zà-ÿ)%][.!?])(?=[\"“”(]?[A-ZÀ-Ý][a-zà-ÿ]*(?:['’][a-z]{1,2})?[\s,])")
# "he addedApart from", "newsletterReceive essential": a lower-case word running into a capitalised one that
# starts a sentence (a word follows it).
_GLUED_WORDS = re.compile(r"(?<![\w./@#'’-])([a-zà-ÿ]{3,})(?=[A-ZÀ-Ý][a-zà-ÿ]{2,}\s+[\w\"“(])")
# A token that a dot or a capital may sit inside without a sentence break.
_NOT_PROSE_TOKEN = re.compile(r"[/@_\\<>{}\[\]=]|://|^www\.|\.[^.\s]*\.")
# Code: braces, assignments, calls, arrows, statement ends, markup tags.
_CODE_LINE = re.compile(
    r"[{}]|=>|\w\(|\s=\s|;\s*$|</?\w+[ >]|^\s*(?:import|from|const|let|var|function|def|class|return|package)\s"
)
# Words after which a sentence does not end, so "the filterText", "with easyJet" are names, not glue.
_FUNCTION_WORDS = frozenset(
    "a an the to of in on at by for from with and or as is are be your our my its their this that these those "
    "le la les un une des du de au aux et ou der die das den dem des ein eine einen und oder mit von zu im el "
    "los las una y o con del al para por".split()
)
# Abbreviations a capitalised word follows without a sentence break ("vs.Real Madrid", "ca.Fünf").
_ABBREVIATIONS = frozenset("vs approx incl ca cf bzw vgl ggf inkl evtl sog ua zb av env".split())
# Brand names with a lower-case head that _GLUED_WORDS would otherwise split.
_NAMES = frozenset("easyjet easyhotel airbaltic freecodecamp".split())
# Heads of code identifiers in prose ("the getUser call", "Since filterText ..."): camelCase, not glue.
_CODE_HEADS = frozenset("use set get handle fetch init has filter on".split())
_WORDS = re.compile(r"\w+")
_SENTENCE_OPENERS = frozenset(
    "the a an this that these those it he she we they i you there here but and so if when while in on at for as "
    "after before what how why who der die das ein eine es er sie wir ich du man aber und doch wenn als im am auf "
    "le la les un une il elle nous vous ils elles on ce cette mais et si quand en dans el los las una él ella "
    "ellos pero y cuando".split()
)


def _first_word(text: str) -> str:
    match = _WORDS.search(text)
    return match.group(0).lower() if match else ""


_ENDS_WITH_WORD = re.compile(r"(\w+)[.!?]$")
# How far around a join the tests below look. Every split point is judged within this window, never against
# the whole line before it: a 10 MB line of glued sentences must cost 10 MB of work, not its square.
WINDOW = 200


def _token_start(text: str, point: int) -> int:
    floor = max(0, point - WINDOW)
    return max(text.rfind(" ", floor, point) + 1, floor)


def _token_at(text: str, point: int) -> str:
    start = _token_start(text, point)
    end = text.find(" ", point, point + WINDOW)
    return text[start : end if end >= 0 else min(len(text), point + WINDOW)]


def _word_before(text: str, point: int) -> str:
    words = text[max(0, point - WINDOW) : point].split()
    return words[-2].lower().strip("\"“”'’(") if len(words) >= 2 else ""


def _sentence_break(text: str, point: int) -> bool:
    """Whether a period, ! or ? right before `point` ends a sentence (not a name, URL or abbreviation)."""
    if _NOT_PROSE_TOKEN.search(_token_at(text, point).strip("\"“”'’(),.!?;:")):
        return False
    word = _ENDS_WITH_WORD.search(text[max(0, point - WINDOW) : point])
    if not word:
        return True
    if word.group(1).lower() in _ABBREVIATIONS:
        return False
    # After a capitalised word ("Maui.Gtk", "String.Index") only a word that opens sentences ("Minister.Die")
    # marks a break: German capitalises nouns, names do not continue with "The".
    return word.group(1)[0].islower() or _first_word(text[point : point + WINDOW]) in _SENTENCE_OPENERS


def _word_break(text: str, point: int) -> bool:
    """Whether a lower-case word running into a capitalised one at `point` is two sentences, not a name."""
    token = _token_at(text, point)
    if _NOT_PROSE_TOKEN.search(token) or token.lower().strip('.,;:!?"”') in _NAMES:
        return False
    start = _token_start(text, point)
    head = text[start:point].lower()
    if head in _FUNCTION_WORDS or head in _CODE_HEADS or _word_before(text, point) in _FUNCTION_WORDS:
        return False
    # A paragraph ends after some words: a token that starts its sentence is an identifier ("useState is").
    sentence = re.split(r"[.!?]\s", text[max(0, start - WINDOW) : start])[-1]
    return len(_WORDS.findall(sentence)) >= 1


# What any glue needs: a lower-case letter against a capital, or a sentence end against one. Most lines have
# neither, and these simple scans cost a fraction of the patterns above.
_WORDS_GATE = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")
_SENTENCE_GATE = re.compile(r"[.!?][\"“”(]?[A-ZÀ-Ý]")


def _maybe_glued(texts: list[str]) -> set[int]:
    """The indices of the texts that either gate matches in; `_split_points` finds nothing in the others.

    Each gate scans the texts joined by newlines once, instead of each text: no gate matches a newline, so each
    match lies inside one text, and every text holding a match holds one of the scan's (a match that ends in an
    earlier text ends before this one starts)."""
    joined = "\n".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))  # where each text's newline stands, plus one
    return {bisect_right(ends, m.start()) for gate in (_WORDS_GATE, _SENTENCE_GATE) for m in gate.finditer(joined)}


def _split_points(text: str) -> list[int]:
    glued_words = _WORDS_GATE.search(text) is not None
    glued_sentences = _SENTENCE_GATE.search(text) is not None
    if not (glued_words or glued_sentences) or _CODE_LINE.search(text):
        return []
    points = {m.end(1) for m in _GLUED_WORDS.finditer(text) if _word_break(text, m.end(1))} if glued_words else set()
    quotes, counted = 0, 0
    for match in _GLUED_SENTENCE.finditer(text) if glued_sentences else ():
        point = match.end()
        if not _sentence_break(text, point):
            continue
        quotes += text.count('"', counted, point)
        counted = point
        # A quote right after the period closes the sentence if it is ” or an odd-numbered straight quote.
        mark = text[point]
        if mark == "”" or (mark == '"' and quotes % 2 == 1):
            point += 1
        points.add(point)
    return sorted(p for p in points if 0 < p < len(text))


def split_glued(text: str, max_splits: int | None = None) -> list[str]:
    """The line's sentences where the scraper glued them; past `max_splits` splits the rest stays as it is."""
    points = _split_points(text)[:max_splits]
    if not points:
        return [text]
    parts = [text[a:b].strip() for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    return [p for p in parts if p]


_WORD = re.compile(r"[^\W\d_]{2,}")


def undouble(text: str) -> str | None:
    """The line's first half when the line is that half twice ("TitleTitle", "Title Title"), else None.

    Only for lines of words: a rule of dashes or "* * *" is drawn, not doubled, and a one-word line twice
    ("Casual Casual") is more often a table of labels than a scraper's repeat.
    """
    n = len(text)
    if n < 10:
        return None
    half = n // 2
    glued = n % 2 == 0 and text[:half] == text[half:]
    spaced = n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]
    if not (glued or spaced):
        return None
    single = text[:half]
    return single if len(_WORD.findall(single)) >= 2 else None


def repair(page: Page) -> Page:
    """Undouble and split the lines of a freshly segmented text page (its blocks carry only their layout)."""
    if page.mode != "text":
        return page
    repaired: list[Block] = []
    # Splits may add blocks up to the segmenters' cap and no further: every later stage costs per block, and a
    # line of a million glued sentences is not one article's paragraphs.
    spare = max(0, MAX_BLOCKS - len(page.blocks))
    maybe_glued = _maybe_glued([block.text for block in page.blocks])
    for at, block in enumerate(page.blocks):
        single = undouble(block.text) if spare > 0 else None
        if single is not None:
            spare -= 1
            repaired.append(_copy(block, single))
            repaired.append(_copy(block, single, gap=0))
            repaired[-1].drop(DOUBLED_LINE, 1.0)
            continue
        parts = split_glued(block.text, max_splits=spare) if at in maybe_glued else [block.text]
        if len(parts) == 1 and parts[0] == block.text:
            repaired.append(block)  # what a copy would be: a fresh block holds only its text and layout
            continue
        spare -= len(parts) - 1
        for n, part in enumerate(parts):
            repaired.append(_copy(block, part, gap=block.gap_before if n == 0 else 1))
    for index, block in enumerate(repaired):
        block.index = index
    page.blocks = repaired
    return page


def _copy(block: Block, text: str, gap: int | None = None) -> Block:
    """A fresh block for a part of `block`'s text (or the whole of it again): its layout and what its markup said,
    and its link text: all of it where the whole block was link text, none where only part of it was."""
    whole = text == block.text
    linked = len(text) if block.link_chars >= len(block.text) else 0
    return replace(
        block,
        text=text,
        gap_before=block.gap_before if gap is None else gap,
        link_chars=block.link_chars if whole else linked,
        links=block.links if whole else (),
    )
