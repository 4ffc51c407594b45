"""What the cleaner asks of a site's template, and the simplest source of answers: counts held in memory.

A template source answers one question per page: of the pages of this site it learned from, how many, and on
how many of them did each of this page's lines appear? The SQLite store (store.py) answers it from disk for the
command line, the Scrapy pipeline and datatrove; `MemoryTemplates` answers it from dictionaries for the
benchmark, the tests and the golden fixtures (which keep their template next to the page as JSON).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..page import Page
from .normalise import block_hashes, page_key

JSON_FORMAT = 1
_MASK = (1 << 64) - 1


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


@dataclass(frozen=True, slots=True)
class LearnedPage:
    """What learning keeps of a page: its site, its mode, its identity and the set of its line hashes."""

    site: str
    mode: str
    key: int
    hashes: frozenset[int]

    @classmethod
    def of(cls, page: Page, site: str, hashes: Sequence[int | None] | None = None) -> LearnedPage:
        hashes = block_hashes(page) if hashes is None else hashes
        return cls(site, page.mode, page_key(hashes), frozenset(h for h in hashes if h is not None))


@dataclass(slots=True)
class SiteCounts:
    """A source's answer for one page: the pages it learned of the site, and for each of the page's lines seen on
    the site the number of pages it was on (lines it never saw are absent)."""

    pages: int
    lines: dict[int, int]


@runtime_checkable
class TemplateSource(Protocol):
    def counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        """None when the source knows nothing of the site in this mode."""
        ...


@dataclass(slots=True)
class _Site:
    pages: int = 0
    lines: Counter[int] = field(default_factory=Counter)
    seen: set[int] = field(default_factory=set)


class MemoryTemplates:
    """Counts per (site, mode) in memory. Adding pages is a sum over sets, so the result does not depend on the
    order they come in; a page seen before (same key) is not counted again."""

    def __init__(self) -> None:
        self.sites: dict[tuple[str, str], _Site] = {}

    def add(self, page: LearnedPage) -> bool:
        """Count a page; False when this page (by key) was counted before."""
        site = self.sites.setdefault((page.site, page.mode), _Site())
        if page.key in site.seen:
            return False
        site.seen.add(page.key)
        site.pages += 1
        site.lines.update(page.hashes)
        return True

    def put(self, site: str, mode: str, pages: int, lines: dict[int, int]) -> None:
        """Set a site's counts as another source holds them (an export, a JSON file)."""
        self.sites[(site, mode)] = _Site(pages, Counter(lines))

    def add_all(self, pages: Iterable[LearnedPage]) -> int:
        return sum(self.add(page) for page in pages)

    def counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        found = self.sites.get((site, mode))
        if found is None:
            return None
        return SiteCounts(found.pages, {h: found.lines[h] for h in set(hashes) if h in found.lines})

    def to_json(self, min_pages: int = 2) -> str:
        """The counts of lines seen on at least `min_pages` pages (a line seen once is never template), as JSON
        with hexadecimal hashes: a golden fixture's template, small and diffable."""
        sites = [
            {
                "site": site,
                "mode": mode,
                "pages": counts.pages,
                "lines": {f"{h & _MASK:016x}": n for h, n in sorted(counts.lines.items()) if n >= min_pages},
            }
            for (site, mode), counts in sorted(self.sites.items())
        ]
        return json.dumps({"format": JSON_FORMAT, "sites": sites}, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> MemoryTemplates:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
            raise ValueError(f"not a template file of format {JSON_FORMAT}")
        templates = cls()
        for entry in data["sites"]:
            lines = {_signed(int(hexa, 16)): int(count) for hexa, count in entry["lines"].items()}
            templates.put(entry["site"], entry["mode"], int(entry["pages"]), lines)
        return templates

    @classmethod
    def read(cls, path: str | Path) -> MemoryTemplates:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))
