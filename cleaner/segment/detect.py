"""HTML or scraped text, for `--mode auto`: what a page's first characters say, looking past what saved pages
carry before their document (a scraper's `<text id=...>` wrapper, an XML declaration, comments, an SVG sprite)."""

from __future__ import annotations

import re

# The tags that open a document, wherever the junk before them ends.
_DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
_TAG = re.compile(r"<(?:!doctype html|html|head|body|div|p|span|a|br|meta|article|section|table|script)\b", re.I)
_HIDDEN_OPEN = re.compile(r"<(svg|script|style)\b")
_MARKUP = re.compile(r"<[^<>]{0,2000}>")
# How far the document's first tag may stand from the start (an inline SVG sprite runs to tens of KB), and how
# much text outside tags may come before it: a few words of a wrapper, not a paragraph of prose that mentions
# "<html>".
HEAD_CHARS = 200_000
MAX_TEXT_BEFORE = 200
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def looks_like_html(text: str) -> bool:
    """HTML when a document tag opens it after nothing but markup and a few words, or when tags are frequent
    enough that it cannot be prose."""
    match = _DOCUMENT_TAG.search(text, 0, HEAD_CHARS)
    if match and len(_MARKUP.sub("", _without_hidden(text[: match.start()])).strip()) <= MAX_TEXT_BEFORE:
        return True
    tags = len(_TAG.findall(text[:20000]))
    return tags >= 3 and tags * 200 >= min(len(text), 20000)


def _without_hidden(head: str) -> str:
    """`head` without the insides of <svg>, <script> and <style> elements (an icon sprite's titles are not
    prose). A scan with str.find, linear in the head, however its tags nest or fail to close."""
    lower = head.lower()
    kept, pos = [], 0
    while (match := _HIDDEN_OPEN.search(lower, pos)) is not None:
        kept.append(head[pos : match.start()])
        close = lower.find(f"</{match.group(1)}", match.end())
        if close < 0:
            return "".join(kept)
        pos = close
    kept.append(head[pos:])
    return "".join(kept)


def mode_of_name(name: str) -> str | None:
    """What a file's name says its content is: "html" for .html, .htm, .xhtml (also .gz), else None."""
    return "html" if name.lower().removesuffix(".gz").endswith(HTML_SUFFIXES) else None
