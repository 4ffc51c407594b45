"""A page becomes an ordered list of blocks: `segment(text, mode)` picks the HTML or the text segmenter."""

from __future__ import annotations

import re

from ..page import Page
from .html import segment_html
from .text import segment_text

_TAG = re.compile(r"<(?:!doctype html|html|head|body|div|p|span|a|br|meta|article|section|table|script)\b", re.I)
_DOCUMENT_START = re.compile(r"<(?:!doctype|html|\?xml|head|body)", re.I)


def _starts_like_document(head: str) -> bool:
    """Whether `head` opens with a document tag after blanks and comments. A loop, not one pattern: a pattern
    repeating "<!--.*?-->" can end each comment at any later "-->", and tries every way on a page of comments."""
    pos = 0
    while True:
        pos = len(head) - len(head[pos:].lstrip())
        if not head.startswith("<!--", pos):
            return _DOCUMENT_START.match(head, pos) is not None
        end = head.find("-->", pos + 4)
        if end < 0:
            return False
        pos = end + 3


def looks_like_html(text: str) -> bool:
    """HTML when it starts like a document, or when tags are frequent enough that it cannot be prose."""
    head = text[:2000]
    if _starts_like_document(head):
        return True
    tags = len(_TAG.findall(text[:20000]))
    return tags >= 3 and tags * 200 >= min(len(text), 20000)


def segment(text: str, mode: str = "auto", url: str | None = None, links: bool = False) -> Page:
    """The page's blocks; `links`: an HTML page's blocks also carry their inline links."""
    if mode == "auto":
        mode = "html" if looks_like_html(text) else "text"
    if mode == "html":
        return segment_html(text, url, links)
    if mode == "text":
        return segment_text(text, url)
    raise ValueError(f"unknown mode {mode!r}: use auto, html or text")
