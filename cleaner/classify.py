"""The one place where blocks are kept or dropped: named rules, then the metadata lines (headline, byline,
date) that move into record fields, then a context pass over neighbours."""

from __future__ import annotations

from collections.abc import Iterable

from .record import Page
from .rules import Rule

CONTEXT = "context"
SHORT_WORDS = 10  # a line this short is judged by its neighbours


def apply_rules(page: Page, rules: Iterable[Rule]) -> None:
    active = [r for r in rules if page.mode in r.modes]
    for i, block in enumerate(page.blocks):
        if not block.keep:
            continue
        for candidate in active:
            if candidate.check(page, i):
                block.drop(candidate.name, candidate.score)
                break


def mark_roles(page: Page, roles: dict[str, Iterable[int]]) -> None:
    """Blocks that a metadata field was taken from leave the body, with the field's name as the reason."""
    for role, indices in roles.items():
        for i in indices:
            block = page.blocks[i]
            if block.keep:
                block.drop(role, 1.0, role=role)
            else:
                block.role = role


def _short(text: str) -> bool:
    return len(text.split()) <= SHORT_WORDS


def apply_context(page: Page) -> None:
    """A run of short kept lines with removed lines on both sides (or a removed line on one side and the
    page edge on the other) is furniture too: a label, a button, a teaser between two removed blocks.
    A short line with kept text on either side (a subheading inside the article) stays."""
    blocks = page.blocks
    n = len(blocks)
    i = 0
    while i < n:
        if not (blocks[i].keep and _short(blocks[i].text)):
            i += 1
            continue
        j = i
        while j < n and blocks[j].keep and _short(blocks[j].text):
            j += 1
        removed_before = i > 0 and not blocks[i - 1].keep
        removed_after = j < n and not blocks[j].keep
        if (removed_before or i == 0) and (removed_after or j == n) and (removed_before or removed_after):
            for block in blocks[i:j]:
                block.drop(CONTEXT, 0.6)
        i = j
