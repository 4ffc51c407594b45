"""The body of a record from the page's kept blocks: plain text (the default: paragraphs separated by a blank line),
Markdown, or a safe HTML fragment (tree.py builds the structure both read; markdown.py and html.py write it)."""

from __future__ import annotations

from collections.abc import Sequence

from ..page import Page
from .html import html
from .markdown import markdown
from .tree import Placed, build

TEXT, MARKDOWN, HTML = "text", "markdown", "html"
FORMATS = (TEXT, MARKDOWN, HTML)

__all__ = ["FORMATS", "Placed", "body_text", "render"]


def body_text(page: Page) -> str:
    """The kept blocks, paragraphs separated by a blank line."""
    return "\n\n".join(b.text for b in page.blocks if b.keep)


def render(page: Page, fmt: str = TEXT, links: bool = False, figures: Sequence[Placed] = ()) -> str:
    """The body in `fmt`; `links`: link texts keep their addresses, `figures`: images shown where they stand
    (Markdown and HTML only: the text body is the words alone)."""
    if fmt == TEXT:
        return body_text(page)
    nodes = build(page, links, figures)
    if fmt == MARKDOWN:
        return markdown(nodes, escape=page.mode == "html")
    if fmt == HTML:
        return html(nodes)
    raise ValueError(f"unknown body format {fmt!r}: use one of {', '.join(FORMATS)}")
