"""The publication date: every date the page states about itself is a clue (see dateclues.py); each calendar
date found is scored by the clues that name it, and the best one wins if it scores enough.

The weights were fitted (logistic regression, then rounded) on the `train` side of the development data's
site split; what they say: a declared published date (meta, JSON-LD, URL) counts most, a date shown in the
article's header next, a modified date little, a shown date that contradicts the declared one less (when the
page shows the declared one too, or labels its own an update), and a date lost among many dated lines (a listing)
not at all. (The fit: one row per calendar date of a page, its
`features()`, labelled by whether it is the gold date; the threshold chosen by 5-fold cross-validation by site.)

No wall clock: "a date in the future" is judged against the page itself, never against today, so the same page
gives the same date whenever it is cleaned. A date after the latest date the page declares it was modified (an
upcoming event, a "next meeting" line) is in the page's future and dropped; a page that declares no
modification is taken at its word. Dates before 1990 are never publication dates of a web page.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from .. import reasons
from ..page import Page
from .dateclues import Clue, collect, day_first, stamp

WEIGHTS = {
    "meta_published": 2.2,
    "line_plain_near": 1.6,
    "visible": 1.55,
    "url_published": 1.45,
    "line_modified_near": 1.3,
    "line_published_near": 1.05,
    "earliest": 1.0,
    "line_published_far": 1.0,
    "latest": 0.9,
    "page_nothing_visible": 0.85,
    "json-ld_published": 0.8,
    "time_plain_near": 0.5,
    "json-ld_modified": 0.45,
    "time_published_far": 0.4,
    "line_modified_far": 0.35,
    "time_published_near": 0.35,
    "time_plain_far": 0.25,
    "time_modified_far": 0.05,
    "n_sources": 0.05,
    "line_plain_far": -0.2,
    "meta_modified": -0.25,
    "time_modified_near": -0.7,
    "declared_other": -1.2,
    "many_lines": -1.3,
}
BIAS = -3.7
THRESHOLD = -1.1  # log-odds (a probability of 0.25): below it the page's dates are too contradictory
LISTING_DATES = 4  # this many different dates on visible lines: the page lists things, its lines date them
# Published and modified stamps are often written in different time zones, and a late fix may be stamped a
# little before the post goes out: a published date this close after the last modification is not impossible.
MODIFIED_SLACK = timedelta(days=7)


# Dropped lines whose dates are another thing's: a photo's, a teaser's.
NOT_STAMPING = frozenset({reasons.PHOTO_CAPTION, reasons.PHOTO_CREDIT, reasons.TEASER_LIST})


def features(clues: list[Clue]) -> dict[date, Counter]:
    """Per calendar date, the clue features the weights apply to."""
    values = sorted({c.value for c in clues})
    line_values = {c.value for c in clues if c.family == "line"}
    any_visible = any(c.family in ("line", "time") for c in clues)
    # Dates the page declares in its markup as its publication date: when the page also shows one of them, a
    # visible date that disagrees is more often a teaser's or a comment's than the article's own. When it shows
    # none of them, its own shown date is the one readers see (the markup's may be an import's or a template's),
    # unless that date is labelled an update.
    declared = {c.value for c in clues if c.kind == "published" and c.family in ("meta", "json-ld", "url")}
    declared_shown = any(c.value in declared for c in clues if c.family in ("line", "time"))
    found: dict[date, Counter] = {}
    for value in values:
        named = [c for c in clues if c.value == value]
        f: Counter = Counter()
        for clue in named:
            key = f"{clue.family}_{clue.kind}"
            if clue.family in ("line", "time"):
                key += "_near" if clue.near else "_far"
            f[key] = 1
        f["earliest"] = int(value == values[0])
        f["latest"] = int(value == values[-1])
        f["many_lines"] = int(len(line_values) >= LISTING_DATES) * f["line_plain_far"]
        f["visible"] = int(any(c.family in ("line", "time") for c in named))
        f["page_nothing_visible"] = int(not any_visible)
        f["n_sources"] = len({c.family for c in named})
        updated = any(c.kind == "modified" for c in named if c.family in ("line", "time"))
        f["declared_other"] = int(bool(declared) and value not in declared and (declared_shown or updated))
        found[value] = f
    return found


def _score(f: Counter) -> float:
    return BIAS + sum(WEIGHTS.get(name, 0.0) * count for name, count in f.items())


def latest_possible(page: Page, clues: list[Clue]) -> date | None:
    """The last day the page can have been published: its latest declared modification (plus slack); None when
    it declares none. (A copyright year is no bound: stale footers say "© 2019" on 2025 articles.) A page whose
    markup declares it published after that contradicts itself, and the declared publication is the bound: a
    modified stamp left behind by a draft or an import must not drop the date the page declares."""
    modified = [c.value for c in clues if c.kind == "modified" and c.family in ("json-ld", "meta")]
    if not modified:
        return None
    published = [c.value for c in clues if c.kind == "published" and c.family in ("json-ld", "meta")]
    return max([max(modified) + MODIFIED_SLACK, *published])


def choose(page: Page, clues: list[Clue]) -> tuple[str, str] | None:
    limit = latest_possible(page, clues)
    if limit:
        clues = [c for c in clues if c.value <= limit]
    scored = features(clues)
    if not scored:
        return None
    # Ties go to the earlier date: a page is published before it is updated.
    value = max(scored, key=lambda v: (_score(scored[v]), -v.toordinal()))
    if _score(scored[value]) < THRESHOLD:
        return None
    source = _source(value, clues)
    return value.isoformat(), source


_SOURCE_ORDER = ("meta", "json-ld", "url", "time", "line")


def _source(value: date, clues: list[Clue]) -> str:
    """The most explicit clue that names the chosen date, for --explain."""
    named = [c for c in clues if c.value == value]
    named.sort(key=lambda c: (c.kind != "published", _SOURCE_ORDER.index(c.family)))
    return named[0].source


def html_date(page: Page) -> tuple[str, str] | None:
    return choose(page, collect(page))


STAMP_RANK = {"published": 0, "plain": 1, "modified": 2}


def text_date(page: Page) -> tuple[str, str] | None:
    """In scraped text a stated date counts: a line that is a date stamp ("Date created : 2016-02-02",
    "February 2, 2016"), published before plain before updated, the earliest line first; never a date inside a
    sentence or a caption. A page with no such line is left to the clues a text can give (dated short lines by
    where they stand from the title, the URL), scored as in HTML (docs/DECISIONS.md)."""
    order = day_first(page)
    found = []
    for i, block in enumerate(page.blocks):
        if block.reason in NOT_STAMPING:
            continue
        parsed = stamp(block.text, order)
        if parsed:
            kind, value, source = parsed
            found.append((STAMP_RANK[kind], i, value, source))
    if found:
        _, _, value, source = min(found)
        return value.isoformat(), source
    return choose(page, collect(page))
