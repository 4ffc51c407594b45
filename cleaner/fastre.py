"""Case-insensitive patterns asked of ASCII text, at a fraction of the cost.

Python's `re.I` is several times slower than a case-sensitive match. A case-insensitive pattern written in
lower-case ASCII words, classes of them, groups, alternatives, repeats and anchors (no escapes, no upper case)
finds the same in ASCII text as its case-sensitive twin finds in the lowered text: lowering ASCII changes only
A-Z, which the pattern meets only as the letters it names. Other text, where a Kelvin sign "K" or a long "ſ"
matches k or s case-insensitively, goes to the pattern itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

_FOLDABLE = re.compile(r"[a-z0-9|\-_ ^$()?:+*{},!.\[\]]*")


def finder(pattern: re.Pattern[str], method: str = "search") -> Callable[[str], bool]:
    """`pattern.search(text)` (or `.match`) as a truth value."""
    ask = getattr(pattern, method)
    if not (pattern.flags & re.I and _FOLDABLE.fullmatch(pattern.pattern)):
        return lambda text: ask(text) is not None
    folded = getattr(re.compile(pattern.pattern, pattern.flags & ~re.I), method)

    def found(text: str) -> bool:
        if text.isascii():
            return folded(text.lower()) is not None
        return ask(text) is not None

    return found


# Escapes whose meaning does not depend on case: a lowered ASCII letter stays a word character, and so on.
_CASELESS_ESCAPES = frozenset("wWsSdDbB")


@cache
def _matches_ascii(char: str) -> bool:
    """Whether a non-ASCII pattern character matches some ASCII character case-insensitively (the Kelvin sign
    matches k, a long s matches s)."""
    pattern = re.compile(re.escape(char), re.I)
    return any(pattern.fullmatch(chr(code)) for code in range(128))


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive pattern, which finds in lowered ASCII text what the pattern
    finds in the text; None when the pattern is not of that kind.

    Wider than `finder`'s words-only patterns: the twin is exact for a pattern with no upper-case ASCII letter
    (outside the escapes above), no other letter or digit escape, no inline flags or named groups, class ranges
    only within a-z or 0-9, and only such non-ASCII characters as match no ASCII character in any case. On ASCII
    text such a pattern's atoms meet A-Z only as the lower-case letters they name."""
    if not pattern.flags & re.I:
        return None
    source = pattern.pattern
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escaped = source[i + 1 : i + 2]
            if not escaped or escaped.isalnum() and escaped not in _CASELESS_ESCAPES or not escaped.isascii():
                return None
            i += 2
            continue
        if not char.isascii():
            if _matches_ascii(char):
                return None
        elif char.isupper():
            return None
        elif char == "(" and not in_class and source[i + 1 : i + 2] == "?":
            if source[i + 2 : i + 3] not in (":", "=", "!") and source[i + 2 : i + 4] not in ("<=", "<!"):
                return None
        elif char == "[" and not in_class:
            in_class = True
            if source[i + 1 : i + 2] == "]" or source[i + 1 : i + 3] == "^]":
                return None  # a literal "]" first in a class: not worth parsing
        elif char == "]" and in_class:
            in_class = False
        elif char == "-" and in_class and source[i - 1] != "[" and source[i + 1 : i + 2] != "]":
            ends = source[i - 1] + source[i + 1 : i + 2]
            if source[i - 2] == "\\" or not (ends.isascii() and (ends.isalpha() or ends.isdigit())):
                return None  # a range: only a-z or 0-9 ones, whose case twins are all in or all out
        i += 1
    return re.compile(source, pattern.flags & ~re.I)
