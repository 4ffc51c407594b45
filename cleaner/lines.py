"""What a line reads as, shared by the stages that ask: a paragraph, a title, its words. Each caller counts words
its own way (the block model by `\\w+` matches, the title-line model by white space: each model learned from its
own count) and passes the counts in, so the definitions live here once."""

from __future__ import annotations

import re

PARAGRAPH_WORDS = 20  # a line this long is a paragraph
SENTENCE_WORDS = 10  # ... and so is a shorter one that ends a sentence
TITLE_WORDS = 20  # a title is no longer than this (the title-line model allows its own range)

NON_WORD = re.compile(r"[\W_]+")
# A list marker at the start of a line: a bullet or a number ("* ", "• ", "1. ", "2) ").
BULLET = re.compile(r"^(?:\d{1,3}[.)]|[*+•·▪►‣◦–-])\s+")
_WORD = re.compile(r"[^\W_]+")
# A line that ends like a clause (a full stop, a colon, a semicolon, a comma, before closing quotes or brackets)
# is no title.
CLAUSE_END = re.compile(r"[.:;,][\"'”’»)\]]*$")


def paragraph_like(words: int, ends_sentence: bool) -> bool:
    return words >= PARAGRAPH_WORDS or (words >= SENTENCE_WORDS and ends_sentence)


def word_count(text: str, enough: int) -> int:
    """The number of white-space-separated words in `text`, or `enough` when it holds at least that many: all a
    length test needs, and a long line is not split whole for it."""
    return min(len(text.split(maxsplit=enough)), enough)


def title_like(words: int, min_words: int = 1, max_words: int = TITLE_WORDS) -> bool:
    """A title's length in words (the callers add what else a title must not be: a clause, a sentence)."""
    return min_words <= words <= max_words


def normal_words(text: str) -> str:
    """The line's words, lowered, joined by single spaces: what `NON_WORD.sub(" ", text.lower()).strip()` gives
    (word characters are never white space), a little cheaper."""
    return " ".join(_WORD.findall(text.lower()))


def compact(text: str) -> str:
    """Lower-cased letters and digits only: "The New-York Times" -> "thenewyorktimes"."""
    return NON_WORD.sub("", text.lower())
