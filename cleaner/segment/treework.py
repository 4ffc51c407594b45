"""What the HTML parser will do with a page beyond building one element per start tag, counted before it runs
(nesting.py's scan calls this): the attributes it compares, and the formatting elements it copies.

Attributes: lexbor, like the HTML standard's tokenizer, checks each new attribute of an element against the ones
it has, so an element with n attributes costs about n² steps inside one C call that no time limit can stop (200,000
attributes on one element: minutes). The scan adds up n² over the page's elements and refuses the page past
`MAX_ATTRIBUTE_WORK` (real pages stay under 150,000).

Formatting elements (<b>, <i>, <font>, ...): the tree builder keeps the ones left open in a list and, after every
block that closed them, opens a copy of each again ("reconstructs the active formatting elements"), so 3,300 open
<b>s followed by 6,600 <p>s build 22 million elements (7.9 GB). The scan keeps that list as the standard does
(at most three identical entries, an end tag or a new <a> removes one) and counts the copies the next
block could need after each tag that may close the elements holding them; they are elements like any other,
under the same cap. Where it cannot tell (markers of
table cells, which hide entries until the cell closes), it keeps entries rather than drops them, so the count is
never lower than what the parser builds.

A cheap test (`needs_scan`) tells, from counts and searches done in C, the pages that cannot hold either, which
are nearly all real pages with few tags: those are parsed unscanned, as before.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque

from ..limits import MAX_ELEMENTS, too_many_attributes

FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# Elements whose start the parser may make a marker in the list (a table cell, ...): entries before it can no
# longer be removed by an end tag until it closes, which the scan does not try to know.
MARKERS = frozenset("applet caption marquee object template td th".split())
NOAH = 3  # identical entries the list keeps (the standard's "Noah's Ark" clause)
# Start tags that may close open elements (a <p>, a list item, a cell, ...), leaving the entries inside them to be
# copied; an end tag may too. Other start tags (<span>, <img>, <b>) close nothing.
CLOSERS = frozenset(
    "address applet article aside blockquote body button caption center col colgroup dd details dialog dir div dl "
    "dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe li "
    "listing main marquee menu nav noembed noframes noscript object ol optgroup option p plaintext pre rb rp rt rtc "
    "search section select summary table tbody td template textarea tfoot th thead title tr ul xmp".split()
)
MAX_ATTRIBUTE_WORK = 100_000_000  # sum over a page's elements of (attributes)²: about 0.25 s of the parser

_WS = "\t\n\f\r "
# One attribute, as the tokenizer reads it: separators, a name (which may start with "="), and maybe a value.
_ATTRIBUTE = re.compile(
    rf"""[{_WS}/]*((?:=|[^{_WS}/>=])[^{_WS}/>=]*)(?:[{_WS}]*=[{_WS}]*(?:"[^"]*"?|'[^']*'?|[^{_WS}>]*))?"""
)
_TAG_NAME = re.compile(rf"[A-Za-z][^{_WS}/>]*")
# Candidates for an element with many attributes, found in C: a tag start with no ">" in the next 510 characters,
# and a quoted value holding a ">" (the only way a tag goes on past one: the search above cannot see past it).
_LONG_TAG = re.compile(r"<[A-Za-z][^>]{510}")
_QUOTED_GT = re.compile(rf"""=[{_WS}]*(?:"[^">]*>|'[^'>]*>)""")
CANDIDATE_ATTRIBUTES = 256  # a tag with fewer than this many, found either way, needs no scan
# One search for both: formatting start tags with attributes or a slash (group 1; each distinct one can hold
# NOAH entries in the list), and the long tags above.
_CHEAP = re.compile(
    r"<(?:((?:[bB](?:[iI][gG])?|[cC][oO][dD][eE]|[eE][mM]|[fF][oO][nN][tT]|[iI]|[sS](?:[mM][aA][lL][lL]|"
    r"[tT][rR](?:[iI][kK][eE]|[oO][nN][gG]))?|[tT][tT]|[uU])[\t\n\f\r /][^>]*)|[A-Za-z][^>]{510})"
)
# Entries the list can hold without attributes: NOAH of each formatting tag but <a> and <nobr>, one of those.
_PLAIN_ENTRIES = NOAH * (len(FORMATTING) - 2) + 2


def attribute_names(html: str, pos: int, limit: int) -> list[str]:
    """The names of the attributes that start at `pos` (after a tag's name or an attribute's value), at most
    `limit` of them."""
    names = []
    while len(names) < limit and (found := _ATTRIBUTE.match(html, pos)):
        names.append(found.group(1))
        pos = found.end()
    return names


def needs_scan(html: str, tags: int) -> bool:
    """Whether the page may hold an element with CANDIDATE_ATTRIBUTES attributes or more, or enough formatting
    elements left open to be copied past the element cap: then only the full scan can tell."""
    formatting: set[str] = set()
    for found in _CHEAP.finditer(html):
        if found.group(1) is not None:
            formatting.add(found.group(1))
            continue
        name = _TAG_NAME.match(html, found.start() + 1)
        if name and len(attribute_names(html, name.end(), CANDIDATE_ATTRIBUTES)) >= CANDIDATE_ATTRIBUTES:
            return True
    if tags * (1 + _PLAIN_ENTRIES + NOAH * len(formatting)) > MAX_ELEMENTS:
        return True
    for found in _QUOTED_GT.finditer(html):  # the attributes after such a value, up to the tag's real end
        quote = found.group().lstrip("=" + _WS)[0]
        close = html.find(quote, found.end())
        if close >= 0 and len(attribute_names(html, close + 1, CANDIDATE_ATTRIBUTES)) >= CANDIDATE_ATTRIBUTES:
            return True
    return False


class Attributes:
    """The parser's attribute work over the page so far, for the full scan."""

    EXACT_FROM = 24  # characters after a tag's name from which its attributes are counted one by one

    def __init__(self) -> None:
        self.work = 0
        self.most = 0

    def tag(self, html: str, after_name: int, end: int) -> None:
        rest = end - after_name
        if rest < self.EXACT_FROM:
            count = (rest + 1) // 2  # each attribute takes at least a character and a separator
        else:
            count = len(attribute_names(html, after_name, rest))
            self.most = max(self.most, count)
        self.work += count * count
        if self.work > MAX_ATTRIBUTE_WORK:
            raise too_many_attributes(MAX_ATTRIBUTE_WORK, self.most)


class Formatting:
    """The list of active formatting elements, kept as the parser keeps it (or longer), and the copies of its
    entries the parser may make: at every tag, at most one copy of each entry."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []  # (name, key): the tag name, and its attributes as written
        self.alive: list[bool] = []
        self.count = 0  # entries alive
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_key: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        self.barrier = 0  # entries before it sit behind a possible marker: no end tag removes them
        self.copies = 0

    def closing(self) -> None:
        """A tag that may close elements holding entries: the next text or start tag may copy each entry once."""
        self.copies += self.count

    def start(self, name: str, key: str) -> None:
        if name in MARKERS:
            self.barrier = len(self.entries)
        if name in CLOSERS:
            self.closing()
        if name not in FORMATTING:
            return
        if name in ("a", "nobr"):
            self.end(name)  # a new <a> ends the open one (the adoption agency, then removal)
            self.closing()
        same = self.by_key[(name, key)]
        while same and not self.alive[same[0]]:
            same.popleft()
        if len(same) >= NOAH:
            self._remove(same.popleft())
        index = len(self.entries)
        self.entries.append((name, key))
        self.alive.append(True)
        self.count += 1
        self.by_name[name].append(index)
        same.append(index)

    def end(self, name: str) -> None:
        """An end tag (or a new <a>, <nobr>): the last entry of that name after the barrier leaves the list."""
        stack = self.by_name.get(name)
        while stack and not self.alive[stack[-1]]:
            stack.pop()
        if stack and stack[-1] >= self.barrier:
            self._remove(stack.pop())

    def _remove(self, index: int) -> None:
        if self.alive[index]:
            self.alive[index] = False
            self.count -= 1
