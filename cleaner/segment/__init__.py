"""A page becomes an ordered list of blocks: `segment(text, mode)` picks the HTML or the text segmenter."""

from __future__ import annotations

from ..page import Page
from .detect import looks_like_html
from .html import segment_html
from .text import segment_text

__all__ = ["looks_like_html", "segment"]


def segment(text: str, mode: str = "auto", url: str | None = None, links: bool = False) -> Page:
    """The page's blocks; `links`: an HTML page's blocks also carry their inline links."""
    if mode == "auto":
        mode = "html" if looks_like_html(text) else "text"
    if mode == "html":
        return segment_html(text, url, links)
    if mode == "text":
        return segment_text(text, url)
    raise ValueError(f"unknown mode {mode!r}: use auto, html or text")
