"""Readers' comments under a post: a thread is a run of comment headers ("Anonymous said...", "Peter Flom 07.08.12
at 13:24", "Jane Doe says: July 7, 2012 at 3:04 pm", "by jdoe on July 7, 2012 at 3:04 pm. Reply #") with the
comments between them. Comment markup names the thread in HTML; in a plain-text dump only these headers show where
the article ends and the readers begin."""

from __future__ import annotations

import re

from .. import reasons
from ..meta.dates import is_date_only
from . import cached, plain, rule, words
from .stamps import stamp_parts

# "NAME said...", "NAME says:", "NAME wrote:", in EN/DE/FR/ES.
_VERBS = r"said|says|wrote|sagt|schreibt|schrieb|meint|a dit|a écrit|dit|dijo|dice|escribió"
_SAID = re.compile(rf"^(?P<name>\S.{{0,60}}?)\s+(?P<verb>{_VERBS})(?P<mark>\s*(?:\.\.\.|…|:|,))?(?P<rest>.*)$", re.I)
# "NAME 07.08.12 at 13:24", "NAME on July 7, 2012 at 3:04 pm", "NAME | 3 March 2012": a name, then a date.
# A name: one word (a handle: "tRiSh", "Rarst"), or capitalised words ("Peter Flom", "The Flightless Darling").
_NAME = re.compile(r"^(?:[^\W\d_][\w.'’-]*|[A-ZÀ-Ý][\w.'’-]*(?: [A-ZÀ-Ý][\w.'’-]*){1,3})$")
# Words that say "said" in a sentence ("that said...", "He said:"), not a commenter's name.
_NOT_NAMES = frozenset(
    "that this it he she they we i you who which what one everyone someone somebody nobody and but so as er sie es "
    "man il elle on ils elles él ella ellos".split()
)
_BEFORE_DATE = r"on|am|le|el"  # "Jane Doe on July 7, 2012", "Anna am 3. März", "Paul le 4 mars"
_SEPARATOR = re.compile(rf"^(?:[|·•–,-]|{_BEFORE_DATE})$", re.I)
_SHORT_DATE = re.compile(
    r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s*(?:at|um|à|a las)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", re.I
)
# What every header holds, in a cheap first look: a digit (its date) or a "said" verb after a space.
_CLUE = re.compile(rf"\d|\s(?:{_VERBS})", re.I)
_REPORTED = frozenset(("said", "wrote", "schrieb", "a dit", "a écrit", "dijo", "escribió"))
_DOMAIN = re.compile(r"\w\.\w{2,}")  # "guardian.co.uk, Monday 29 October 2012": a source, not a commenter
_ON = re.compile(rf"^(?:{_BEFORE_DATE})\s+", re.I)
# "by jdoe on July 7, 2012": a commenter's header as blogs write it, and an article's byline too (see _thread).
_BY = re.compile(r"^(?:by|von|par|por)\s+(?=\S)", re.I)
# The comment's links after its date: "... at 3:04 pm. Reply #", "... | Permalink", "... Report abuse". A line
# that _ACTIONS trims ends with one of them (before a "#"): that cheap test comes first.
_ACTION_WORDS = (
    "reply",
    "permalink",
    "link",
    "report abuse",
    "report",
    "flag",
    "quote",
    "antworten",
    "melden",
    "répondre",
    "signaler",
    "responder",
    "denunciar",
)
_ACTIONS = re.compile(rf"(?:\s*[.|·•]?\s*(?:{'|'.join(_ACTION_WORDS)})\b\s*#?)+$", re.I)
HEADER_WORDS = 14  # a header is a name and a date: a longer line is a sentence
MIN_HEADERS = 2  # one "X said" is a quote; a thread has several headers
COMMENT_LINES = 15  # comments are short: headers further apart than this are not one thread
ARTICLE_WORDS = 50  # comments follow a post: a thread needs this many words of sentences before it (not a forum)
SENTENCE_WORDS = 12  # a line of at least this many words that ends a sentence is article text
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")


def _is_name(name: str) -> bool:
    return bool(_NAME.match(name)) and not _DOMAIN.search(name) and name.lower() not in _NOT_NAMES


def _dated(rest: str) -> bool:
    rest = _ON.sub("", rest.strip(" :|,–-")).rstrip(":")
    return not rest or is_date_only(rest) or bool(_SHORT_DATE.match(rest))


@cached
def comment_header(text: str) -> str | None:
    """The commenter's name when the line introduces a reader's comment (a name and "said", or a name and the
    comment's date), else None."""
    text = plain(text)
    if not 2 <= words(text) <= HEADER_WORDS or not _CLUE.search(text):
        return None
    if not text[:1].isdigit():  # a line that opens with a count ("3 comments | Reply") names no commenter: as it is
        text = _BY.sub("", text, count=1)
        if text.removesuffix("#").rstrip().lower().endswith(_ACTION_WORDS):  # most lines end otherwise: no search
            text = _ACTIONS.sub("", text)
    said = _SAID.match(text)
    if said:
        name = said.group("name")
        rest = said.group("rest").strip()
        mark = (said.group("mark") or "").strip()
        if not (mark or rest):  # "X said" ending a line is a broken sentence
            return None
        if mark == ":" and not rest and said.group("verb").lower() in _REPORTED:  # "Hibu said:" opens a quote
            return None
        return name if _is_name(name) and _dated(rest) else None
    if not any(c.isdigit() for c in text) or stamp_parts(text):  # a date, or a labelled one, heads a post
        return None
    parts = text.split()
    for cut in range(1, min(5, len(parts))):  # the name's last word
        rest = parts[cut + 1 :] if _SEPARATOR.match(parts[cut]) else parts[cut:]
        name = " ".join(parts[:cut]).rstrip(",|")
        if rest and _is_name(name) and _dated(" ".join(rest)):
            return name
    return None


def _sentence_words(text: str) -> int:
    n = words(text)
    return n if n >= SENTENCE_WORDS and _SENTENCE_END.search(text.rstrip()) else 0


def _thread(page) -> frozenset[int]:
    """The lines of the page's comment threads: runs of headers at most COMMENT_LINES apart, by at least two
    commenters (one name over and over is a list of posts: "Blogposting 01/24/2020"), after a post (a forum's
    thread, with no article above it, is the page's content), the comments between them, and the last comment (as
    long as the longest before it, within COMMENT_LINES)."""
    blocks = page.blocks
    names = {i: comment_header(block.text) for i, block in enumerate(blocks)}
    if not any(names.values()):
        return frozenset()
    before, words_above = [], 0  # words of sentences above each line
    for block in blocks:
        before.append(words_above)
        words_above += _sentence_words(block.text)
    # A header that opens with "by" is the article's own byline when no post stands above it.
    headers = [
        i for i, name in names.items() if name and (before[i] >= ARTICLE_WORDS or not _BY.match(plain(blocks[i].text)))
    ]
    lines: set[int] = set()
    start = 0
    for k in range(1, len(headers) + 1):
        if k < len(headers) and headers[k] - headers[k - 1] <= COMMENT_LINES:
            continue
        run = headers[start:k]
        start = k
        commenters = {names[i].lower() for i in run}
        if len(run) < MIN_HEADERS or len(commenters) < MIN_HEADERS:
            continue  # a dated line alone (a sidebar's entry, a dateline), or one poster's list of posts
        if before[run[0]] < ARTICLE_WORDS:
            return frozenset()  # no post above the thread: a forum's posts, or a page of comments
        longest = max(b - a for a, b in zip(run, run[1:], strict=False))
        lines.update(range(run[0], min(len(blocks), run[-1] + longest)))
    return frozenset(lines)


def thread(page) -> frozenset[int]:
    """The indices of the page's comment-thread lines (headers and comments), found once per page."""
    return page.once(_thread)


@rule(reasons.COMMENT_THREAD)
def comment_thread(page, i):
    """A line of a readers' comment thread (its headers and comments)."""
    return i in thread(page)
