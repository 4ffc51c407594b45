"""Named heuristic rules. A rule's registered name is the reason it gives in `--explain` and the name that
switches it off (`Cleaner(disable=["share_prompt"])`).

A rule is a function `(page, i) -> bool` that says whether `page.blocks[i]` is furniture. Rules read text
patterns of the block and its neighbours, never other rules' decisions, so their order only decides which
name a block gets when two rules agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..record import Page
from ..segment.text import strip_bullet

Check = Callable[[Page, int], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    check: Check
    score: float  # how sure the rule is that a matching block is furniture
    modes: frozenset[str]


REGISTRY: dict[str, Rule] = {}


def rule(name: str, score: float = 1.0, modes: Iterable[str] = ("text", "html")) -> Callable[[Check], Check]:
    """Register a rule under `name`."""

    def register(check: Check) -> Check:
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} registered twice")
        REGISTRY[name] = Rule(name, check, score, frozenset(modes))
        return check

    return register


def phrases(*alternatives: str) -> re.Pattern[str]:
    """A whole-line pattern: one of the alternatives, with optional trailing punctuation, arrows or counts."""
    body = "|".join(alternatives)
    return re.compile(rf"^\W{{0,3}}(?:{body})[\s:.!…»›>→|/\-–()\d]*$", re.I)


# Text predicates are pure and asked of the same line by several rules (and of neighbours): cache them.
cached = lru_cache(maxsize=16384)


@cached
def plain(text: str) -> str:
    """A line as rules match it: without a list marker and surrounding space."""
    return strip_bullet(text).strip()


def words(text: str) -> int:
    return len(text.split())


def neighbour(page: Page, i: int, step: int) -> str | None:
    """The text of the next (step=1) or previous (step=-1) block, or None at the page edge."""
    j = i + step
    return page.blocks[j].text if 0 <= j < len(page.blocks) else None


def all_rules() -> dict[str, Rule]:
    """Every rule, in the order they are consulted (module order below, then definition order)."""
    # The order of these imports is the order rules are consulted: specific patterns before broad ones.
    from . import (  # noqa: F401, I001
        ads,
        captions,
        consent,
        credits,
        errors,
        footer,
        markup,  # noqa: F401
        navigation,  # noqa: F401  (imported for its registrations, like the modules below)
        promo,
        social,
        stamps,
        teasers,
    )

    return REGISTRY
