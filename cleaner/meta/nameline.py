"""A plain text's author line without a "By": "Jane Doe" alone under the headline, "Jane Doe | 3 March 2025".

Scraped text loses the markup that marks the author, and many sites never write "By". A line that reads as a
person's name is a candidate when it stands near the headline (eight lines above to twelve below, or among the
first sixty lines of a text without one) and is short. The name-line model (model/nameline.py) scores the
candidates; the best one, if the model is sure enough, is the byline. Its features: where the line stands and
what the block model made of it, how much of it is the name (the rest: a date, a separator, other words), "By"
at its start, a date stamp just above or below it, whether the name's words are also written in lower case in
the text (then they are words, not a name: "Social Share"), whether the name recurs, is in the URL, and whether
its first word is a given name that the training pages' authors bear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from .. import reasons
from ..model.nameline import FEATURES, nameline_model
from ..model.packaged import best_scored
from ..page import Page
from ..segment.text import strip_bullet
from .byline import BY_LINE, Byline, by_line_names
from .dateclues import headline_at
from .dates import find_dates
from .names import AGENCIES, GENERIC, GROUP_WORDS, ORGANISATION_START, ORGANISATION_WORDS, ROLE_WORDS, person_names

ABOVE, BELOW = 8, 12  # lines above and below the headline where the author's line stands
TOP = 60  # without a headline in the text: its first lines
MAX_WORDS = 14
STAMP_WORDS = 8  # a line this short with a date in it is a date stamp ("Dec 04, 2025", "Updated Feb 27, 2026")
NO_HEADLINE = 99  # the distance of every candidate in a text whose headline is not a line of it
SEPARATORS = ("|", "·", "•", " - ", " — ")
_WORD = re.compile(r"[^\W\d_]+")
NOT_GIVEN = ROLE_WORDS | GROUP_WORDS | ORGANISATION_WORDS | ORGANISATION_START | GENERIC | AGENCIES


def given_name(name: str) -> str | None:
    """The first word of a name of two words or more, lower-cased, when it is all letters and no word that
    starts a role, a team or an organisation: "jane" of "Jane Doe"; None for "Staff Writer", "The Diggs Team", a
    single name or a handle."""
    words = name.split()
    if len(words) < 2 or not _WORD.fullmatch(words[0]) or len(words[0]) < 2:
        return None
    first = words[0].lower()
    return None if first in NOT_GIVEN else first


def _stamp(text: str) -> bool:
    return len(text.split()) <= STAMP_WORDS and bool(find_dates(text))


def _dated_neighbour(blocks: list, i: int) -> bool:
    """A date stamp stands on the line just above or below."""
    return (i > 0 and _stamp(blocks[i - 1].text)) or (i + 1 < len(blocks) and _stamp(blocks[i + 1].text))


def _lower_word(token: str, words: set[str]) -> bool:
    """The token is also a word of the text in lower case ("share" for "Social Share")."""
    word = token.lower()
    return word.islower() and word in words


def candidates(page: Page) -> list[tuple[int, list[str], dict[str, float]]]:
    """(line, its names, its features but the given-name ones) for every candidate line, in page order."""
    blocks = page.blocks
    at = headline_at(page, prefix=True)
    lo, hi = (0, min(len(blocks), TOP)) if at is None else (max(0, at - ABOVE), min(len(blocks), at + BELOW))
    found = []
    everything: str | None = None
    words: set[str] = set()
    url = (page.url or "").lower()
    for i in range(lo, hi):
        block = blocks[i]
        text = strip_bullet(block.text.strip())  # "* Kalyn Keen" above "* Jun 9"
        n = len(text.split())
        if not 1 <= n <= MAX_WORDS:
            continue
        names = person_names(text)
        single = not names and n == 1 and _dated_neighbour(blocks, i)
        if single:
            names = person_names(text, lenient=True)  # "Mazi" over "December 19, 2025": a blog's author
        if not names:
            continue
        if everything is None:
            everything = "\n".join(b.text for b in blocks)
            words = set(_WORD.findall(everything))
        tokens = [t for name in names for t in name.split()]
        found.append(
            (
                i,
                names,
                {
                    "dist": i - at if at is not None else NO_HEADLINE,
                    "no_head": int(at is None),
                    "keep": int(block.keep),
                    "score": block.score,
                    "words": n,
                    "name_words": len(tokens),
                    "rest_words": n - len(tokens),
                    "has_date": int(bool(find_dates(text))),
                    "by_line": int(bool(by_line_names(text, []))),
                    "by_start": int(bool(BY_LINE.match(text))),
                    "lower_share": sum(_lower_word(t, words) for t in tokens) / len(tokens),
                    "elsewhere": everything.count(names[0]) - 1,
                    "in_url": int(any(t.lower() in url for t in tokens if len(t) > 2)),
                    "n_names": len(names),
                    "sep": int(any(s in text for s in SEPARATORS)),
                    "rule": int(not block.keep and block.reason not in (reasons.MODEL, reasons.CONTEXT)),
                    "date_before": int(i > 0 and _stamp(blocks[i - 1].text)),
                    "date_after": int(i + 1 < len(blocks) and _stamp(blocks[i + 1].text)),
                    "linked": block.link_density,  # an author's name links to the author's page
                },
            )
        )
    return found


def given_features(names: list[str], known: Callable[[str], bool]) -> dict[str, int]:
    """Whether the first word of any, and of every, name is a given name: `known(word)` says."""
    firsts = [given_name(name) for name in names]
    hits = [f is not None and known(f) for f in firsts]
    return {"given_any": int(any(hits)), "given_all": int(all(hits))}


def name_line(page: Page, given: Collection[str] | None = None, threshold: float | None = None) -> Byline | None:
    """The best candidate's names, if the model scores them at least `threshold` (log-odds; the model's own by
    default). `given`: the given names (the model's own by default)."""
    found = candidates(page)
    if not found:
        return None
    model = nameline_model()
    given = model.given if given is None else given
    rows = [dict(f, **given_features(names, given.__contains__)) for _, names, f in found]
    best, raw = best_scored(model.ensemble, rows, FEATURES)
    if raw < (model.threshold if threshold is None else threshold):
        return None
    i, names, _ = found[best]
    return Byline(tuple(names), "name-line", (i,))
