"""Which rule names a block: the first of a list of rules, in order, whose check matches it.

The plain loop is `for r in rules: if len(text) <= r.max_chars and r.check(page, i): return r`. A line rule's
verdict depends on the block's text alone, so its part is asked once per distinct text of the page and the
answer kept in the page's memo (menus, share bars and bylines recur); the rules that also read the page are
asked of the block where it stands, in order, up to the first line rule that matched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..page import Page
from . import Rule

_NO_LIMIT = float("inf")


class RuleDispatch:
    """The first matching rule of `rules` (in their order) for each block of a page."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        limits = [_NO_LIMIT if r.max_chars is None else r.max_chars for r in self.rules]
        lines = [n for n, r in enumerate(self.rules) if r.line is not None]
        # The line rules that read a text of each size: a text is asked only of the rules whose limit it is under,
        # found once per distinct limit (a few) rather than tested rule by rule.
        self._lines_by_limit: list[tuple[float, tuple[tuple[int, Callable[[str], bool]], ...]]] = [
            (bound, tuple((n, self.rules[n].line) for n in lines if limits[n] >= bound))  # type: ignore[misc]
            for bound in sorted({limits[n] for n in lines})
        ]
        # The rules that read the page where the block stands: whole-page rules, and line rules' context parts.
        self._on_page = [
            (n, limits[n], r.check if r.line is None else r.context)
            for n, r in enumerate(self.rules)
            if r.line is None or r.context is not None
        ]

    def first(self, page: Page, i: int) -> Rule | None:
        """The first rule that matches block i, or None."""
        text = page.blocks[i].text
        hit = self._first_line_rule(page, text)
        size = len(text)
        for n, limit, check in self._on_page:
            if n >= hit:
                break
            if size <= limit and check(page, i):
                return self.rules[n]
        return self.rules[hit] if hit < len(self.rules) else None

    def _first_line_rule(self, page: Page, text: str) -> int:
        """The position of the first line rule whose line part matches `text`; len(rules) when none does."""
        verdicts = page.once(self._verdicts)
        found = verdicts.get(text)
        if found is None:
            found = len(self.rules)
            size = len(text)
            for bound, reading in self._lines_by_limit:
                if size <= bound:
                    for n, line in reading:
                        if line(text):
                            found = n
                            break
                    break
            verdicts[text] = found
        return found

    def _verdicts(self, page: Page) -> dict[str, int]:
        """A new memo of this dispatcher's verdicts for one page (`Page.once` keeps it with the page)."""
        return {}
