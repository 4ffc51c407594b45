"""HTML to text: the plain-text views that stand in for a naive scraper's dump, and the paragraph text of HTML
outputs (readability's gold `body_html`, readability-lxml's summary) for scoring."""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACE = re.compile(r"\s+")
# Elements whose start and end break a paragraph; inline elements (a, b, span...) join their text to it.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIP = ("script", "style", "noscript", "template")


def html_to_paragraphs(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, paragraphs separated by a blank line."""
    if not html or not html.strip():
        return ""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_SKIP)):
        element.drop_tree()
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    # iterwalk, not recursion: some pages nest deeper than Python's recursion limit
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            if tag and element.text:
                current.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if element.tail and element is not root:
                current.append(element.tail)
    flush()
    return "\n\n".join(paragraphs)


def html_text_view(html: str) -> str:
    """What html-text keeps of a page, laid out as a browser would (blocks on their own lines)."""
    import html_text

    return html_text.extract_text(html, guess_layout=True) if html.strip() else ""


def inscriptis_view(html: str) -> str:
    """What inscriptis keeps of a page (its own layout engine: tables as columns, indented lists)."""
    import inscriptis

    return inscriptis.get_text(html) if html.strip() else ""


# The plain-text views of the bench's text mode: at least two, so a cleaner tuned to one layout shows it.
CONVERTERS: dict[str, Callable[[str], str]] = {"html-text": html_text_view, "inscriptis": inscriptis_view}
