"""Named heuristic rules. A rule's registered name (a constant of reasons.py) is the reason it gives in
`--explain` and the name that switches it off (`Cleaner(disable=["share_prompt"])`).

A rule is a function `(page, i) -> bool` that says whether `page.blocks[i]` is furniture. Rules read text
patterns of the block and its neighbours, never other rules' decisions, so their order only decides which
name a block gets when two rules agree: `FAMILIES` below, specific patterns before broad ones. A line rule
(`line_rule`) reads the block's text alone, so its verdict on a text holds wherever that text stands: the
dispatcher (dispatch.py) asks it once per distinct line of a page, not once per block.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..fastre import folded
from ..page import Page
from ..segment.text import strip_bullet
from ..textcache import text_cache

Check = Callable[[Page, int], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    check: Check
    score: float  # how sure the rule is that a matching block is furniture
    modes: frozenset[str]
    family: str  # the module it is defined in (navigation, promo, ...)
    about: str  # one line: what it finds (the first line of its docstring)
    max_chars: int | None = None  # longer blocks are never this rule's (a fast path: most blocks are prose)
    # Reads the page's structure rather than a line's words: with a learned model it only names the blocks the
    # model drops (the model reads the same markup), where every other rule overrules the model.
    structural: bool = False
    # Its lines stand with the record's metadata (a date stamp, a reading time under the headline): the context
    # pass looks through them as it looks through the headline, byline and date lines themselves.
    metadata_like: bool = False
    # A line rule's check is `line(text) or context(page, i)`: the part that reads the block's text alone, and
    # the part (if any) that reads its neighbours too.
    line: Callable[[str], bool] | None = None
    context: Check | None = None

    @property
    def overrules_model(self) -> bool:
        """Precise enough to drop a block the learned model would keep (model card: overruling with every line
        rule scored at least as well as with none or any subset tried)."""
        return not self.structural


REGISTRY: dict[str, Rule] = {}


# No line rule matches more than about 80 words (cookie banners are the longest): blocks past this are prose.
LINE_RULE_CHARS = 700


def _about(function: Callable) -> str:
    doc = (function.__doc__ or "").strip()
    return " ".join(doc.split("\n\n")[0].split())


def _register(rule: Rule) -> None:
    if rule.name in REGISTRY:
        raise ValueError(f"rule {rule.name!r} registered twice")
    REGISTRY[rule.name] = rule


def rule(
    name: str,
    score: float = 1.0,
    modes: Iterable[str] = ("text", "html"),
    max_chars: int | None = LINE_RULE_CHARS,
    structural: bool = False,
) -> Callable[[Check], Check]:
    """Register a rule under `name`."""

    def register(check: Check) -> Check:
        family = check.__module__.rsplit(".", 1)[-1]
        _register(Rule(name, check, score, frozenset(modes), family, _about(check), max_chars, structural))
        return check

    return register


def line_rule(
    name: str,
    score: float = 1.0,
    max_chars: int | None = LINE_RULE_CHARS,
    context: Check | None = None,
    metadata_like: bool = False,
) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
    """Register a rule (both modes) whose verdict is `line(text)` on the block's text, or else `context(page, i)`."""

    def register(line: Callable[[str], bool]) -> Callable[[str], bool]:
        def check(page: Page, i: int) -> bool:
            return line(page.blocks[i].text) or context is not None and context(page, i)

        family = line.__module__.rsplit(".", 1)[-1]
        modes = frozenset(("text", "html"))
        _register(Rule(name, check, score, modes, family, _about(line), max_chars, False, metadata_like, line, context))
        return line

    return register


class Phrases:
    """A whole-line pattern that answers at once for lines too long to be a label (most lines are paragraphs), and
    asks ASCII lines (most lines) its case-sensitive twin on their lowered text: `re.I` is the slow part."""

    def __init__(self, pattern: re.Pattern[str], max_chars: int) -> None:
        self.pattern = pattern
        self.max_chars = max_chars
        self._folded = folded(pattern)

    def match(self, text: str) -> bool:
        if len(text) > self.max_chars:
            return False
        if self._folded is not None and text.isascii():
            return self._folded.match(lowered(text)) is not None
        return self.pattern.match(text) is not None


PHRASE_CHARS = 120


def phrases(*alternatives: str, max_chars: int = PHRASE_CHARS) -> Phrases:
    """A whole-line pattern: one of the alternatives, with optional trailing punctuation, arrows or counts."""
    body = "|".join(alternatives)
    return Phrases(re.compile(rf"^\W{{0,3}}(?:{body})[\s:.!…»›>→|/\-–()\d]*$", re.I), max_chars)


# Text predicates are pure and asked of the same line by several rules (and of neighbours): cached while a page is
# cleaned (textcache.py).
cached = text_cache(16384)


@cached
def plain(text: str) -> str:
    """A line as rules match it: without a list marker and surrounding space."""
    return strip_bullet(text).strip()


@cached
def words(text: str) -> int:
    return len(text.split())


@cached
def lowered(text: str) -> str:
    return text.lower()


def stems(*words: str) -> re.Pattern[str]:
    """Lower-case stems as one literal alternation, for `mentions`."""
    return re.compile("|".join(re.escape(word) for word in words))


def mentions(text: str, stems: re.Pattern[str]) -> bool:
    """Whether the line contains one of `stems` (made by `stems(...)`): a cheap gate before a costly search,
    since most lines are article paragraphs that no rule matches."""
    return stems.search(lowered(text)) is not None


def neighbour(page: Page, i: int, step: int) -> str | None:
    """The text of the next (step=1) or previous (step=-1) block, or None at the page edge."""
    j = i + step
    return page.blocks[j].text if 0 <= j < len(page.blocks) else None


# Rule modules in the order they are consulted; within a module, definition order.
FAMILIES = (
    "navigation",
    "errors",
    "consent",
    "promo",
    "social",
    "ads",
    "credits",
    "captions",
    "stamps",
    "comments",
    "footer",
    "teasers",
    "markup",
)


def all_rules() -> dict[str, Rule]:
    """Every rule by name, in the order they are consulted."""
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")
    rank = {family: n for n, family in enumerate(FAMILIES)}
    return {r.name: r for r in sorted(REGISTRY.values(), key=lambda r: rank[r.family])}
