"""The one place where blocks are kept or dropped: named rules, then the metadata lines (headline, byline,
date) that move into record fields, then a context pass over neighbours."""

from __future__ import annotations

from collections.abc import Iterable

from .record import Page
from .rules import Rule

CONTEXT = "context"
SHORT_WORDS = 10  # a line this short is judged by its neighbours


def rule_hits(page: Page, rules: Iterable[Rule]) -> list[Rule | None]:
    """The first rule that matches each block (None where none does)."""
    active = [r for r in rules if page.mode in r.modes]
    hits: list[Rule | None] = []
    for i in range(len(page.blocks)):
        hits.append(next((r for r in active if r.check(page, i)), None))
    return hits


def apply_rules(page: Page, rules: Iterable[Rule]) -> None:
    decide(page, rule_hits(page, rules))


MODEL = "model"


def decide(page: Page, hits: list[Rule | None], proba=None, threshold: float = 0.5) -> None:
    """Keep or drop each block. Without a model, a matching rule drops the block. With one, the model (which
    reads the rule hits among its features) decides; a dropped block is named after the rule that matched it,
    or `model` when none did, and scored with the model's furniture probability."""
    for i, (block, hit) in enumerate(zip(page.blocks, hits, strict=True)):
        if not block.keep:
            continue
        if proba is None:
            if hit is not None:
                block.drop(hit.name, hit.score)
            continue
        furniture = round(1.0 - float(proba[i]), 3)
        if proba[i] < threshold:
            block.drop(hit.name if hit is not None else MODEL, furniture)
        else:
            block.score = furniture


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
