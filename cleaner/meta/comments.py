"""Readers' comments as records `{author, date, text}` (with --comments): never part of the body.

HTML: the blocks in the page's comment section (its markup names it: WordPress's `comment-list`, Disqus's
`disqus_thread`, a `comments` box; segment/candidates.py reads the words), cut into one comment per comment
element (`li.comment`, `#comment-12`, `article.comment-body`...; the innermost, so a reply is a comment of its
own). Text, or HTML with no comment markup: the comment thread the `comment_thread` rule found by its headers
("Jane Doe says: July 7, 2012 at 3:04 pm"), a comment from one header to the next.

Each comment's author is its header's name (or its author mark), its date the first date of its <time> or header,
and its text the rest of its lines without the header and the action links ("Reply", "Report").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import reasons
from ..page import Block, Page
from ..rules.comments import comment_header, thread
from ..segment.candidates import place_of
from .dateclues import parse_value
from .dates import find_dates, is_date_only

COMMENT = "comment"
# A class or id that marks one comment (not the list of them, nor a part of one).
_ITEM = re.compile(
    r"^(?:comment|comment-item|comments-item|comment-single|single-comment|c-comment|wpd-comment|commentlist-item|"
    r"comment-thread-item|media-comment|comment-(?:\d+|[a-f0-9-]{8,})|li-comment-\d+|div-comment-\d+|post-\d+)$",
    re.I,
)
_PIECES = re.compile(r"[.#]")
_ACTION = re.compile(
    r"^\W*(?:reply|replies|\d+ repl(?:y|ies)|log in to reply|like|\d+ likes?|report(?: abuse)?|flag|share|quote|"
    r"permalink|edit|delete|upvote|downvote|antworten|melden|répondre|signaler|responder|denunciar|says:?|said:?|"
    r"#?\d{1,5})\W*$",
    re.I,
)
# "11. Jul, 2012 / Courtney says:": a header whose date comes first.
_SAYS = re.compile(r"(?:^|[/|·•]\s*)([^/|·•\d][^/|·•]{1,59}?)\s+(?:says|said|wrote)\s*:?\s*$", re.I)
_NAME_LINE = re.compile(r"^[^\W\d][\w.'’ -]{1,40}$")
MAX_HEADER_WORDS = 12
MAX_COMMENTS = 1000


def reader_comments(page: Page) -> tuple[list[dict], str, list[int]] | None:
    """The page's readers' comments, where they were found (`sources`), and the blocks they were read from; or
    None."""
    groups = list(_marked_groups(page)) if page.mode == "html" else []
    source = "html:comments"
    if not groups:
        groups = list(_thread_groups(page))
        source = "comment-thread"
    comments: list[dict] = []
    lines = sorted(i for group in groups for i in group)
    pending: dict | None = None  # a header without text (a <dt> over its <dd>): it heads the next comment
    for group in groups:
        comment = _comment(page, group)
        if pending is not None:
            comment["author"] = comment["author"] or pending["author"]
            comment["date"] = comment["date"] or pending["date"]
        pending = None if comment["text"] else comment
        if comment["text"]:
            comments.append(comment)
    return (comments[:MAX_COMMENTS], source, lines) if comments else None


def _marked_groups(page: Page) -> Iterator[list[int]]:
    """The blocks of the comment section, one group per comment element (its innermost one)."""
    elements = page.declared.elements
    current: list[int] = []
    current_id: int | None = None
    for block in page.blocks:
        # The whole chain of elements, not the block's path: that starts at the innermost content container, and
        # a comment's own "post-content" box is one.
        if place_of(tuple(elements.get(i, "") for i in block.ancestry)) != COMMENT:
            continue
        item = next((i for i in reversed(block.ancestry) if _is_item(elements.get(i, ""))), None)
        if item is None:
            continue
        if item != current_id and current:
            yield current
            current = []
        current_id = item
        current.append(block.index)
    if current:
        yield current


def _is_item(token: str) -> bool:
    return any(_ITEM.match(piece) for piece in _PIECES.split(token)[1:])


def _thread_groups(page: Page) -> Iterator[list[int]]:
    """The thread's lines cut at each header."""
    lines = sorted(thread(page))
    current: list[int] = []
    for i in lines:
        if comment_header(page.blocks[i].text) and current:
            yield current
            current = []
        current.append(i)
    if current:
        yield current


def _comment(page: Page, group: list[int]) -> dict:
    blocks = [page.blocks[i] for i in group]
    author, header = _author(page, blocks)
    date = _date(page, blocks, header)
    text = [b.text for b in blocks if b.index not in header and not _ACTION.match(b.text) and not _date_only(b)]
    return {"author": author, "date": date, "text": "\n\n".join(text)}


def _author(page: Page, blocks: list[Block]) -> tuple[str | None, set[int]]:
    """The commenter's name and the header lines it was read from."""
    for block in blocks[:3]:
        name = comment_header(block.text) if not _ACTION.match(block.text) else None
        said = _SAYS.search(block.text) if not name and len(block.text) < 100 else None
        if name or said:
            return name or said.group(1).strip(), {block.index}
    first, last = blocks[0].index, blocks[-1].index
    for mark in page.declared.authors:
        if first <= mark["at"] <= last and mark["text"] and len(mark["text"].split()) <= 5:
            header = {b.index for b in blocks[:3] if b.text.startswith(mark["text"])}
            return mark["text"], header
    head = blocks[0]
    if len(blocks) > 1 and _NAME_LINE.match(head.text) and len(head.text.split()) <= 4:
        return head.text, {head.index}
    return None, set()


def _date(page: Page, blocks: list[Block], header: set[int]) -> str | None:
    first, last = blocks[0].index, blocks[-1].index
    for mark in page.declared.times:
        if first <= mark["at"] <= last:
            value = parse_value(mark["datetime"]) or parse_value(mark["text"])
            if value:
                return value.isoformat()
    for block in blocks[:3]:
        if block.index in header or len(block.text.split()) <= MAX_HEADER_WORDS:
            found = find_dates(block.text)
            if found:
                return found[0][0].isoformat()
    return None


def _date_only(block: Block) -> bool:
    """A line that is the comment's date and nothing else ("July 7, 2012 at 3:04 pm")."""
    return len(block.text.split()) <= MAX_HEADER_WORDS and is_date_only(block.text)


ARTICLE_WORDS = 50  # the body left once the comments leave it must still be an article


def drop_comment_lines(page: Page, lines: list[int]) -> None:
    """Comment lines the other passes kept leave the body (as `comment_thread`): those after the article's start,
    when at least ARTICLE_WORDS words of the article remain (a page whose text is all in comment markup is a
    forum's or a guest book's, and its text stays)."""
    inside = set(lines)
    kept = [b for b in page.blocks if b.keep]
    first = next((b.index for b in kept if b.index not in inside), None)
    if first is None:
        return
    leaving = [b for b in kept if b.index in inside and b.index > first]
    remaining = sum(len(b.text.split()) for b in kept if b.index not in inside)
    if leaving and remaining >= ARTICLE_WORDS:
        for block in leaving:
            block.drop(reasons.COMMENT_THREAD, 1.0)
