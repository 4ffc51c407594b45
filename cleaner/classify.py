"""The one place where blocks are kept or dropped: named rules, then the metadata lines (headline, byline,
date) that move into record fields, then the site's template (in batch runs with templates), then a context
pass over neighbours."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np

from .page import Block, Page
from .reasons import CONTEXT, DOUBLED_LINE, ERROR_PAGE, HEADLINE, LINK_LIST, MODEL, ROLES, SITE_TEMPLATE
from .rules import Rule, all_rules
from .rules.dispatch import RuleDispatch
from .templates import TemplateMatch

SHORT_WORDS = 10  # a line this short is judged by its neighbours
HEADING_WORDS = 12  # a heading this short may title a furniture section
CONTENT_SURE = 0.2  # a learned model's furniture probability under which the context pass leaves a line


def decide(page: Page, rules: RuleDispatch, overruling: RuleDispatch | None = None, threshold: float = 0.5) -> None:
    """Keep or drop each block.

    Without a model (`page.proba` is None), the first matching rule drops a block. With one, the model decides,
    and a block it drops is named after the first rule that matches it (or `model` when none does) and scored
    with the model's furniture probability; a kept block carries that probability too, unless one of the
    `overruling` rules (those precise enough to overrule the model) matches it and drops it."""
    proba = page.proba
    # float64 probabilities as Python floats: the same doubles, cheaper to read block by block
    probs = proba.tolist() if isinstance(proba, np.ndarray) and proba.dtype == np.float64 else proba
    for i, block in enumerate(page.blocks):
        if not block.keep:
            continue
        if probs is None:
            hit = rules.first(page, i)
            if hit is not None:
                block.drop(hit.name, hit.score)
            continue
        furniture = round(1.0 - float(probs[i]), 3)
        if probs[i] < threshold:
            hit = rules.first(page, i)
            block.drop(hit.name if hit is not None else MODEL, furniture)
        elif overruling is not None and overruling.rules and (hit := overruling.first(page, i)) is not None:
            block.drop(hit.name, hit.score)
        else:
            block.score = furniture


def apply_rules(page: Page, rules: Iterable[Rule]) -> None:
    """The rules alone decide: the first of `rules` (those of the page's mode) that matches a block drops it."""
    decide(page, RuleDispatch(r for r in rules if page.mode in r.modes))


def mark_roles(page: Page, roles: dict[str, Iterable[int]]) -> None:
    """Blocks that a metadata field was taken from leave the body, with the field's name as the reason."""
    for role, indices in roles.items():
        for i in indices:
            block = page.blocks[i]
            if block.keep:
                block.drop(role, 1.0, role=role)
            else:
                block.role = role


def apply_site_template(page: Page, found: TemplateMatch | None) -> None:
    """Kept blocks that recur across the site's pages leave as `site_template`, scored with the share of the
    site's pages they are on; the count goes into `detail` for --explain."""
    if found is None:
        return
    for i, count in found.drops:
        block = page.blocks[i]
        block.drop(SITE_TEMPLATE, min(1.0, count / found.pages))
        block.detail = f"on {count} of {found.pages} pages of {found.site}"


def _short(text: str) -> bool:
    return len(text.split()) <= SHORT_WORDS


# Lines that left the body because they are the record's metadata (or stand with it), not furniture: the
# context pass looks through them, so a standfirst between the headline and the date stays, and so does a
# headline above its date and reading time.
METADATA_REASONS = frozenset(
    {*ROLES, DOUBLED_LINE, *(rule.name for rule in all_rules().values() if rule.metadata_like)}
)
STANDFIRST_LINES = 2  # a run this short next to metadata lines may be a standfirst or a kicker


def _neighbour(blocks: list[Block], start: int, step: int) -> Block | None:
    """The nearest block from `start` on (going by `step`) that is not a metadata line; None at the edge."""
    k = start
    while 0 <= k < len(blocks):
        if blocks[k].keep or blocks[k].reason not in METADATA_REASONS:
            return blocks[k]
        k += step
    return None


def context_drops(page: Page, spare: Collection[int] = ()) -> list[int]:
    """A run of short kept lines with removed lines on both sides (or a removed line on one side and the
    page edge on the other) is furniture too: a label, a button, a teaser between two removed blocks.
    Metadata lines (headline, byline, date, reading time) are looked through, not counted as removed, except
    that a run right above the headline is closed by it. A short line with kept text on either side (a
    subheading, a standfirst between headline and date) stays, and so do the blocks at the indices in `spare`
    (the page's own title, which the site template found recurring as a teaser on other pages)."""
    blocks = page.blocks
    found: list[int] = []
    n = len(blocks)
    i = 0
    while i < n:
        if not (blocks[i].keep and _short(blocks[i].text)):
            i += 1
            continue
        j = i
        while j < n and blocks[j].keep and _short(blocks[j].text):
            j += 1
        if j - i > STANDFIRST_LINES:  # a menu or a list, not a standfirst: metadata lines close it too
            before = blocks[i - 1] if i > 0 else None
            after = blocks[j] if j < n else None
        else:
            before = _neighbour(blocks, i - 1, -1)
            # Above the headline is the top of the page (menus, section names): the headline closes a run there.
            after = blocks[j] if j < n and blocks[j].reason == HEADLINE else _neighbour(blocks, j, 1)
        closed = (before is None or not before.keep) and (after is None or not after.keep)
        if closed and (before or after):
            found.extend(k for k in range(i, j) if k not in spare)
        i = j
    return found


def apply_context(page: Page, spare: Collection[int] = (), sure: float | None = None) -> None:
    """Drop the blocks `context_drops` finds, as `context`, unless they are all the body the page has left: then
    those short lines are the page's text (a photo page, a short note), and an error page aside, they stay.

    `sure` (with a learned model, CONTENT_SURE): a line the model scored under it is content wherever it stands,
    the cells of a table or the items of a list between two removed blocks. (Both measured: docs/DECISIONS.md.)"""
    drops = context_drops(page, spare)
    kept = {i for i, b in enumerate(page.blocks) if b.keep}
    if kept and kept <= set(drops) and not any(b.reason == ERROR_PAGE for b in page.blocks):
        return
    for k in drops:
        if sure is None or page.blocks[k].score >= sure:
            page.blocks[k].drop(CONTEXT, 0.6)
    for k in empty_sections(page, spare):
        page.blocks[k].drop(CONTEXT, 0.6)


def empty_sections(page: Page, spare: Collection[int] = ()) -> list[int]:
    """Kept headings that title nothing kept: removed lines follow them up to the next heading of their level
    or above, or up to the page's end ("Related posts" over a dropped teaser list, "16 Responses" over dropped
    comments). An article does not end on a heading, nor leave a section empty. Only on a page whose kept text
    holds a paragraph besides them, so a short page's heading is never all that is left (docs/DECISIONS.md)."""
    blocks = page.blocks
    kept = [i for i, b in enumerate(blocks) if b.keep]
    found = []
    for n, i in enumerate(kept):
        heading = blocks[i]
        if not heading.heading or len(heading.text.split()) > HEADING_WORDS or i in spare:
            continue
        after = kept[n + 1] if n + 1 < len(kept) else len(blocks)
        if all(b.reason in METADATA_REASONS for b in blocks[i + 1 : after]):
            continue  # nothing removed under it: a heading right above another, or over its metadata
        if after == len(blocks) or 0 < blocks[after].heading <= heading.heading:
            found.append(i)
    rest = (b for k, b in enumerate(blocks) if b.keep and k not in found)
    return found if any(not _short(b.text) for b in rest) else []


def keep_inner_lines(page: Page) -> None:
    """A short line the model dropped (no rule names it) between two kept blocks is inside the article: a
    subheading, a one-line paragraph. It stays, as it would with the rules alone. (Without the model, nothing to
    do.)"""
    if page.proba is None:
        return
    blocks = page.blocks
    i = 1
    while i < len(blocks) - 1:
        j = i
        while j < len(blocks) and not blocks[j].keep and blocks[j].reason == MODEL and _short(blocks[j].text):
            j += 1
        if i < j <= i + STANDFIRST_LINES and j < len(blocks) and blocks[i - 1].keep and blocks[j].keep:
            for block in blocks[i:j]:
                block.keep, block.reason = True, None
        i = max(j, i + 1)


LINK_PAGE_DENSITY = 0.85


def drop_link_pages(page: Page) -> None:
    """An article is not made of links: when every block the model kept is link text (an index page, a list of
    headlines), none of it stays, and the page has no body. (With the model only: the link_list rule reads the
    same link density, block by block, without it.)"""
    if page.proba is None:
        return
    kept = [b for b in page.blocks if b.keep]
    if kept and all(b.link_density >= LINK_PAGE_DENSITY for b in kept):
        for block in kept:
            block.drop(LINK_LIST, block.score)
