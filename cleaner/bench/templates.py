"""`cleaner bench --site-templates`: the cleaner beside itself cleaning with site templates learned from the
run's own pages, per dataset and site (the URL's host, as `cleaner clean` finds it; for a page without a URL,
the dataset's site, as a JSONL `site` field gives it).

Two ways, as a batch uses them:
- `two-pass`: learn every page of the run, then clean each with all of them, itself included (`cleaner clean
  --two-pass`);
- `held-out`: clean each page with what the other pages of its site taught (a store learned before the page
  arrived: `cleaner clean --templates FILE` on a later crawl). The page never counts towards its own template.

In plain-text mode a page is counted once per site with the lines of both converters' dumps (a line either
converter writes is one of the page's lines), so both text variants clean with the same counts.
Learning is pass one of the run and is not charged to the system's pages per second; `learn` returns its time.
"""

from __future__ import annotations

import time
from collections.abc import Collection

from ..devdata.datasets import BenchPage
from ..devdata.dumps import CONVERTERS
from ..prepare import prepare
from ..templates import LearnedPage, MemoryTemplates, SiteCounts
from ..templates.normalise import block_hashes, page_key
from .peers import System, _article, _cleaner, _same

HOW = ("two-pass", "held-out")


class HeldOut:
    """Counts without the page being cleaned: every line the page asks about was counted once for the page itself
    (it is one of the page's lines), and so was the page."""

    def __init__(self, learned: MemoryTemplates) -> None:
        self.learned = learned

    def counts(self, site: str, mode: str, hashes: Collection[int]) -> SiteCounts | None:
        found = self.learned.counts(site, mode, hashes)
        if found is None:
            return None
        return SiteCounts(found.pages - 1, {h: n - 1 for h, n in found.lines.items() if n > 1})


def learn(pages: list[BenchPage], modes: tuple[str, ...], converters: tuple[str, ...]) -> tuple[MemoryTemplates, float]:
    """The counts of every page that has a site, in each mode run; and the seconds learning took."""
    started = time.process_time()
    learned = MemoryTemplates()
    for page in pages:
        site = page.batch_site()
        if site is None:
            continue
        try:
            if "html" in modes:
                learned.add(LearnedPage.of(prepare(page.html, "html", page.url), site))
            if "text" in modes and converters:
                views = [block_hashes(prepare(CONVERTERS[name](page.html), "text", page.url)) for name in converters]
                union = frozenset(h for view in views for h in view if h is not None)
                learned.add(LearnedPage(site, "text", page_key(views[0]), union))
        except Exception:  # a page the cleaner or a converter cannot read teaches nothing; the run reports it
            continue
    return learned, time.process_time() - started


def with_templates(systems: list[System], learned: MemoryTemplates, how: str) -> list[System]:
    """`systems` and, after each cleaner, its twin `cleaner+<how>` cleaning with the learned templates."""
    if how not in HOW:
        raise ValueError(f"unknown --site-templates {how!r}: use {', '.join(HOW)}")
    source = learned if how == "two-pass" else HeldOut(learned)
    found: list[System] = []
    for system in systems:
        found.append(system)
        if system.name == "cleaner":
            found.append(
                System(
                    f"cleaner+{how}",
                    system.mode,
                    _cleaner(system.mode, (), source),
                    _article,
                    _same,
                    fields=system.fields,
                    about=f"Cleaner(mode={system.mode!r}) with site templates ({how})",
                    site_aware=True,
                )
            )
    return found
