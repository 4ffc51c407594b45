"""A block's identity across the pages of a site: its text normalised (case, digits, whitespace, the bullets and
pipes that converters draw differently) and hashed to 8 bytes, so that a site's template is kept as hashes, never
as text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from hashlib import blake2b

from ..page import Page

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# Bullets, pipes, arrows and quotes at the edges: "• Sign up", "Sign up |" and "Sign up »" are one line.
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w")


def line_key(text: str) -> str:
    """The normalised text: '' for a block without a letter or digit (a rule, a lone bullet)."""
    key = _SPACE.sub(" ", _DIGITS.sub("0", text.casefold()))
    key = _EDGES.sub("", key)
    return key if _WORD.search(key) else ""


def _hash64(data: bytes) -> int:
    # A signed 64-bit integer: what SQLite stores in an INTEGER column.
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big", signed=True)


def line_hash(text: str) -> int | None:
    """The block's hash, the same in every process and run (Python's own hash() is salted per process)."""
    key = line_key(text)
    return _hash64(key.encode("utf-8")) if key else None


def block_hashes(page: Page) -> list[int | None]:
    """One hash per block of the page, None for blocks that carry no text to compare."""
    return [line_hash(block.text) for block in page.blocks]


def page_key(hashes: Iterable[int | None]) -> int:
    """A page's identity: the same page crawled twice (another URL, another timestamp) counts once for its site,
    or an article republished under two URLs would make all its lines look like template."""
    digest = blake2b(digest_size=8)
    for value in hashes:
        if value is not None:
            digest.update(value.to_bytes(8, "big", signed=True))
    return int.from_bytes(digest.digest(), "big", signed=True)
