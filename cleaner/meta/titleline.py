"""The headline of scraped text: the title-like line that reads as the article's title.

Every short, title-like line is a candidate, described by what surrounds it: an article's title is followed soon
by its text (maybe past a byline, a date stamp, a caption), is often repeated (a breadcrumb, a "Title - Site"
line), matches the URL's slug when the URL is known, stands above the page's longest run of paragraphs, and
shares its words with the article's opening. A small boosted-tree model (`model/title.json`, `cleaner train
--mode title`) scores the candidates; the best one is the headline, stripped of the site's name. It was fitted
on the `train` side of the development data, on the text of its pages as two converters (html-text and
inscriptis) dump it, after the shipped plain-text block model has judged their lines (see the model card).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from .. import reasons
from ..lines import CLAUSE_END, NON_WORD, PARAGRAPH_WORDS, normal_words, paragraph_like, title_like, word_count
from ..model.packaged import best_scored
from ..model.title import FEATURES, title_model
from ..page import Page
from ..segment.text import strip_bullet
from ..textcache import text_cache
from ..urls import url_path
from .byline import by_line_names
from .dateclues import stamp
from .dates import find_dates
from .sitename import split_title, strip_site, text_site_names

# Blocks that the rules dropped and that may stand between a headline and its article (the title model reads
# them: a change here changes its inputs).
BETWEEN = frozenset(
    {
        reasons.PHOTO_CAPTION,
        reasons.PHOTO_CREDIT,
        reasons.DATE_STAMP,
        reasons.ADVERTISING_LABEL,
        reasons.SHARE_PROMPT,
        reasons.DOUBLED_LINE,
        reasons.SECTION_LABEL,
        reasons.AGENCY_CREDIT,
        reasons.BYLINE,
        reasons.READING_TIME,
    }
)
# Rules that may drop a headline by mistake (a title in a list of titles, a title repeated), and the model (the
# gold bodies it learned from leave titles out); a line any other rule dropped (a menu, a skip link, a caption, a
# cookie notice) is no headline.
MAY_DROP_TITLE = frozenset({reasons.TEASER_LIST, reasons.DOUBLED_LINE, reasons.MODEL})
MAX_GAP = 3  # short lines (subheadings, captions) inside an article; more end its run of paragraphs
LOOK_AHEAD = 8  # lines after a title within which its article starts
NEAR_ARTICLE = 15  # lines above the longest run of paragraphs
MIN_TITLE_WORDS, MAX_TITLE_WORDS, MAX_TITLE_CHARS = 2, 25, 200
# Pure functions of a line's text, asked of every line of a page by every candidate: kept while the page is
# cleaned (textcache.py).
per_text = text_cache(16384)
LEAD_WORDS = 150  # the article's opening, whose words a headline shares
MAX_TITLE_LINE = 400  # a longer first line is no page title ("Title | Site") but text glued to it


_norm = per_text(normal_words)


@per_text
def _paragraph_like(text: str) -> bool:
    return paragraph_like(word_count(text, PARAGRAPH_WORDS), text.rstrip("\"'”’)").endswith((".", "!", "?")))


@per_text
def _between(text: str) -> bool:
    """A line that stands between a headline and its article: a byline or a date stamp."""
    return bool(by_line_names(text, []) or stamp(text))


def _title_like(text: str) -> bool:
    if len(text) > MAX_TITLE_CHARS:
        return False
    words = word_count(text, MAX_TITLE_WORDS + 1)
    return title_like(words, MIN_TITLE_WORDS, MAX_TITLE_WORDS) and not CLAUSE_END.search(text)


def article_run(page: Page, paragraphs: list[bool] | None = None) -> tuple[int, int] | None:
    """The first and last paragraph of the page's longest run of paragraphs (by words); `paragraphs`: each
    block's `_paragraph_like` verdict, when the caller has them."""
    if paragraphs is None:
        paragraphs = [_paragraph_like(block.text) for block in page.blocks]
    best, best_words = None, 0
    run_start, run_words, gap = 0, 0, MAX_GAP + 1
    for i, block in enumerate(page.blocks):
        if not (block.keep and paragraphs[i]):
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


def _next_paragraphs(paragraphs: list[bool]) -> list[int]:
    """For each index, the first paragraph at or after it (len(paragraphs) when none): a title's distance to
    its article is read off this list instead of walking the lines after each candidate."""
    following = [len(paragraphs)] * (len(paragraphs) + 1)
    for i in range(len(paragraphs) - 1, -1, -1):
        following[i] = i if paragraphs[i] else following[i + 1]
    return following


def _slug_words(url: str | None) -> set[str]:
    path = url_path(url)
    return {w for w in NON_WORD.split(path.lower()) if len(w) > 2 and not w.isdigit()}


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


def _opening_and_body(page: Page, words: list[list[str]], run: tuple[int, int] | None) -> tuple[set[str], Counter]:
    """The words of the article's opening (its first LEAD_WORDS words), and how many kept lines hold each word
    (`words`: each line's normalised words)."""
    lead: list[str] = []
    kept = [i for i, block in enumerate(page.blocks) if block.keep]
    body = Counter(word for i in kept for word in set(words[i]))
    if run:
        for i in kept:
            if run[0] <= i <= run[1] and len(lead) < LEAD_WORDS:
                lead.extend(words[i])
    return set(lead[:LEAD_WORDS]), body


def _share(words: list[str], found: set[str]) -> float:
    """The share of `words` (with repeats) that are in `found`."""
    return sum([w in found for w in words]) / len(words) if words else 0.0


def _title_parts(first: str) -> set[str]:
    """The leading and trailing parts of a text's first line, split at its separators ("Title | Site" gives
    "title" and "site"), normalised: many dumps start with the page's `<title>`, and the line elsewhere that is
    one of its ends is the title the page gives itself."""
    parts = split_title(first)
    ends = {" ".join(parts[:k]) for k in range(1, len(parts))} | {" ".join(parts[k:]) for k in range(1, len(parts))}
    return {_norm(end) for end in ends} - {""}


def candidates(page: Page, sites: list[str]) -> dict[int, dict[str, float]]:
    """Per candidate line, its features (FEATURES; one a line lacks is 0); `sites` are the page's site names
    (text_site_names)."""
    blocks = page.blocks
    paragraphs = [_paragraph_like(b.text) for b in blocks]
    following = _next_paragraphs(paragraphs)
    run = article_run(page, paragraphs)
    start = run[0] if run else None
    norms = [_norm(b.text) for b in blocks]
    words = [n.split() for n in norms]
    counts = Counter(norms)
    longer = _Longer(counts)
    slug = _slug_words(page.url)
    title_parts = _title_parts(blocks[0].text) if blocks and len(blocks[0].text) <= MAX_TITLE_LINE else set()
    found: dict[int, dict[str, float]] = {}
    closest = None
    early = max(10, len(blocks) // 5)
    # Whether a line may stand between a title and its article, asked only of the lines that follow a candidate
    # before its article starts (reading every line of the page for a byline or a date stamp cost more).
    stands_between: dict[int, bool] = {}

    def between(k: int) -> bool:
        if k not in stands_between:
            stands_between[k] = blocks[k].reason in BETWEEN or _between(blocks[k].text)
        return stands_between[k]

    for i, block in enumerate(blocks):
        text = block.text
        if not (block.keep or block.reason in MAY_DROP_TITLE) or not _title_like(text) or not norms[i]:
            continue
        if run and run[0] < i < run[1]:
            continue  # a subheading inside the article
        if find_dates(text) or _between(text):
            continue  # a byline, a date stamp, a dated caption
        f: dict[str, float] = {}
        # The article starts at the first paragraph within LOOK_AHEAD lines; a byline, a date stamp or a block
        # the rules dropped as furniture (BETWEEN) may stand before it.
        ahead = min(len(blocks), i + 1 + LOOK_AHEAD)
        paragraph = following[i + 1]
        if any(between(k) for k in range(i + 1, min(paragraph, ahead))):
            f["between_next"] = 1
        if paragraph < ahead:
            distance = paragraph - i
            f["para_next_1" if distance == 1 else "para_next_3" if distance <= 3 else "para_next_8"] = 1
        f["repeated"] = int(counts[norms[i]] > 1)
        f["contained"] = int(longer.contains(norms[i]))
        f["title_part"] = int(i > 0 and norms[i] in title_parts)
        unique = set(words[i])
        f["slug"] = int(bool(slug) and len(unique & slug) >= max(2, len(unique) // 2))
        tokens = text.split()
        n = len(tokens)
        f["words_2_3" if n <= 3 else "words_4_7" if n <= 7 else "words_8_14" if n <= 14 else "words_15"] = 1
        if start is not None and start - NEAR_ARTICLE <= i < start:
            f["near_article"] = 1
            closest = i
        f["early"] = int(i < early)
        f["dropped"] = int(not block.keep and block.reason not in BETWEEN)
        capitals = sum([w[0].isupper() for w in tokens])  # split() gives no empty word
        f["title_case"] = int(capitals >= 0.6 * n)
        f["question_or_colon"] = int(text.rstrip().endswith("?") or ":" in text)
        f["words"] = n
        f["capitals"] = capitals / n
        f["digits"] = int(any(map(str.isdigit, text)))
        f["before_article"] = start - i if start is not None else 999
        f["score"] = block.score
        f["kept"] = int(block.keep)
        # What the dump's markup says, where it says anything (a Markdown "#", a text browser's heading, a link).
        f["h1"] = int(block.heading == 1)
        f["heading"] = int(block.heading > 1)
        f["linked"] = block.link_density
        f["list_item"] = int(block.list_item)  # a table of contents' entry, a menu's
        found[i] = f
    if closest is not None:
        found[closest]["closest_above_article"] = 1
    if found:
        lead, body = _opening_and_body(page, words, run)
        for i, f in found.items():
            text = blocks[i].text
            long_words = [w for w in words[i] if len(w) > 3]
            own = 1 if blocks[i].keep else 0  # the line's own words are not the body's echo of them
            f["lead_overlap"] = _share(long_words, lead)
            f["body_overlap"] = _share(long_words, {w for w in long_words if body.get(w, 0) > own})
            f["site_name"] = int(bool(sites) and strip_site(text, sites) != text)
    return found


def text_headline(page: Page, threshold: float | None = None) -> tuple[str, str] | None:
    """The best candidate, if the model scores it at least `threshold` (log-odds; the model's own by default)."""
    sites = text_site_names(page)
    scored = candidates(page, sites)
    if not scored:
        return None
    model = title_model()
    order = list(scored)
    best, raw = best_scored(model.ensemble, [scored[i] for i in order], FEATURES)
    if raw < (model.threshold if threshold is None else threshold):
        return None
    if not any(block.keep for i, block in enumerate(page.blocks) if i != order[best]):
        return None  # a text that is one line is its own body ("Council backs new bike lanes"), not a title
    return headline_text(page.blocks[order[best]].text, sites), "title-line"


def headline_text(line: str, sites: list[str]) -> str:
    """The headline a candidate line gives: without a list bullet ("+ Best Mattress For Side Sleepers") and
    without the site's name."""
    return strip_site(strip_bullet(line), sites)
