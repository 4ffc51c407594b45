"""The headline of scraped text: the title-like line that reads as the article's title.

Every short, title-like line is a candidate, scored by what surrounds it: an article's title is followed soon by
its text (maybe past a byline, a date stamp, a caption), is often repeated (a breadcrumb, a "Title - Site" line),
matches the URL's slug when the URL is known, and stands above the page's longest run of paragraphs. The
weights were fitted (logistic regression, rounded) on the `train` side of the development data, on the text of
its pages as two converters (html-text and inscriptis) dump it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..memo import text_cache
from ..record import Page
from .byline import by_line_names
from .dateclues import stamp
from .dates import find_dates
from .sitename import strip_site, text_site_names

# Blocks that the rules dropped and that may stand between a headline and its article.
BETWEEN = frozenset(
    "photo_caption photo_credit date_stamp advertising_label share_prompt doubled_line section_label "
    "agency_credit byline reading_time".split()
)
# Rules that may drop a headline by mistake (a title in a list of titles, a title repeated), and the model (the
# gold bodies it learned from leave titles out); a line any other rule dropped (a menu, a skip link, a caption, a
# cookie notice) is no headline.
MAY_DROP_TITLE = frozenset({"teaser_list", "doubled_line", "model"})
MAX_GAP = 3  # short lines (subheadings, captions) inside an article; more end its run of paragraphs
LOOK_AHEAD = 8  # lines after a title within which its article starts
NEAR_ARTICLE = 15  # lines above the longest run of paragraphs
MIN_TITLE_WORDS, MAX_TITLE_WORDS, MAX_TITLE_CHARS = 2, 25, 200
_NORM = re.compile(r"[\W_]+")
_END = re.compile(r"[.:;,][\"'”’»)\]]*$")
WEIGHTS = {
    "slug": 3.0,
    "contained": 2.45,  # inside a longer line: "Title - Site" (the <title> a converter dumps), a breadcrumb
    "first_candidate": 2.2,
    "para_next_1": 1.85,
    "para_next_3": 1.65,
    "between_next": 1.55,
    "near_article": 1.45,
    "repeated": 1.2,
    "closest_above_article": 1.15,
    "para_next_8": 0.75,
    "early": 0.65,
    "title_case": 0.4,
    "question_or_colon": 0.2,
    "words_8_14": -0.35,
    "words_15": -0.55,
    "dropped": -0.6,
    "words_4_7": -1.8,
    "words_2_3": -3.7,
}
BIAS = -6.4
THRESHOLD = -3.9  # log-odds (a probability of 0.02): below it no line reads as the title


# Pure functions of a line's text, asked of every line of every page: kept per distinct line (menus, footers
# and bylines recur on a page and across a site's pages).
per_text = text_cache(16384)


@per_text
def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


@per_text
def _paragraph_like(text: str) -> bool:
    n = len(text.split())
    return n >= 20 or (n >= 10 and text.rstrip("\"'”’)").endswith((".", "!", "?")))


@per_text
def _between(text: str) -> bool:
    """A line that stands between a headline and its article: a byline or a date stamp."""
    return bool(by_line_names(text, []) or stamp(text))


def _title_like(text: str) -> bool:
    n = len(text.split())
    return MIN_TITLE_WORDS <= n <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS and not _END.search(text)


def article_run(page: Page) -> tuple[int, int] | None:
    """The first and last paragraph of the page's longest run of paragraphs (by words)."""
    best, best_words = None, 0
    run_start, run_words, gap = 0, 0, MAX_GAP + 1
    for i, block in enumerate(page.blocks):
        if not (block.keep and _paragraph_like(block.text)):
            gap += 1
            continue
        if gap > MAX_GAP:
            run_start, run_words = i, 0
        run_words += len(block.text.split())
        gap = 0
        if run_words > best_words:
            best_words = run_words
        if run_words == best_words:
            best = (run_start, i)
    return best


def _slug_words(url: str | None) -> set[str]:
    path = urlsplit(url).path if url else ""
    return {w for w in _NORM.split(path.lower()) if len(w) > 2 and not w.isdigit()}


class _Longer:
    """Whether a normalised line stands, as whole words, inside a longer one of the page (at most 59 characters
    longer). The page's distinct lines are laid end to end by length, so each question is one `str.find` over
    the slice of lines of the lengths that qualify, instead of a loop over every line."""

    def __init__(self, norms: Iterable[str]) -> None:
        by_length = sorted(norms, key=len)
        self.lengths = [len(n) for n in by_length]
        self.offsets = [0]
        for n in by_length:  # each line as " n \n": a key (" k ", no newline) never spans two lines
            self.offsets.append(self.offsets[-1] + len(n) + 3)
        self.text = "".join(f" {n} \n" for n in by_length)

    def contains(self, norm: str) -> bool:
        # A line that holds " norm " and is not norm itself is longer than norm (norms have single spaces).
        lo = bisect_right(self.lengths, len(norm))
        hi = bisect_left(self.lengths, len(norm) + 60)
        return lo < hi and self.text.find(f" {norm} ", self.offsets[lo], self.offsets[hi]) >= 0


def candidates(page: Page) -> dict[int, Counter]:
    """Per candidate line, the features the weights apply to."""
    blocks = page.blocks
    run = article_run(page)
    start = run[0] if run else None
    norms = [_norm(b.text) for b in blocks]
    counts = Counter(norms)
    longer = _Longer(counts)
    slug = _slug_words(page.url)
    found: dict[int, Counter] = {}
    closest = None
    # Neighbours are looked at from up to LOOK_AHEAD candidates above them: their verdicts are kept per block.
    paragraphs: dict[int, bool] = {}
    betweens: dict[int, bool] = {}

    def paragraph_at(j: int) -> bool:
        if j not in paragraphs:
            paragraphs[j] = _paragraph_like(blocks[j].text)
        return paragraphs[j]

    def between_at(j: int) -> bool:
        if j not in betweens:
            betweens[j] = _between(blocks[j].text)
        return betweens[j]

    for i, block in enumerate(blocks):
        text = block.text
        if not (block.keep or block.reason in MAY_DROP_TITLE) or not _title_like(text) or not norms[i]:
            continue
        if between_at(i) or find_dates(text):
            continue  # a byline, a date stamp, a dated caption
        if run and run[0] < i < run[1]:
            continue  # a subheading inside the article
        f: Counter = Counter()
        distance = None
        for j in range(i + 1, min(len(blocks), i + 1 + LOOK_AHEAD)):
            if paragraph_at(j):
                distance = j - i
                break
            if between_at(j) or blocks[j].reason in BETWEEN:
                f["between_next"] = 1
        if distance is not None:
            f["para_next_1" if distance == 1 else "para_next_3" if distance <= 3 else "para_next_8"] = 1
        f["repeated"] = int(counts[norms[i]] > 1)
        f["contained"] = int(longer.contains(norms[i]))
        words = set(norms[i].split())
        f["slug"] = int(bool(slug) and len(words & slug) >= max(2, len(words) // 2))
        n = len(text.split())
        f["words_2_3" if n <= 3 else "words_4_7" if n <= 7 else "words_8_14" if n <= 14 else "words_15"] = 1
        if start is not None and start - NEAR_ARTICLE <= i < start:
            f["near_article"] = 1
            closest = i
        f["early"] = int(i < max(10, len(blocks) // 5))
        f["dropped"] = int(not block.keep and block.reason not in BETWEEN)
        capitals = sum(w[:1].isupper() for w in text.split())
        f["title_case"] = int(capitals >= 0.6 * n)
        f["question_or_colon"] = int(text.rstrip().endswith("?") or ":" in text)
        f["first_candidate"] = int(not found)
        found[i] = f
    if closest is not None:
        found[closest]["closest_above_article"] = 1
    return found


def score(f: Counter) -> float:
    return BIAS + sum(WEIGHTS.get(name, 0.0) * count for name, count in f.items())


def text_headline(page: Page) -> tuple[str, str] | None:
    scored = candidates(page)
    if not scored:
        return None
    best = max(scored, key=lambda i: (score(scored[i]), -i))
    if score(scored[best]) < THRESHOLD:
        return None
    return strip_site(page.blocks[best].text, text_site_names(page)), "title-line"
