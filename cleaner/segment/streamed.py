"""React's streamed HTML: a server that streams a page (React 18 `renderToPipeableStream`, the Next.js app router)
sends the shell first, with a `<template id="B:0">` where a late part belongs, then the part itself at the end
of the body inside `<div hidden id="S:0">`, and a script call `$RC("B:0","S:0")` that moves it into place. A
browser shows the part where the template stood, in place of the fallback that followed it (a spinner, "Loading…")
up to the boundary's closing comment `<!--/$-->`; a parser that skips hidden elements loses the part, and on many
such pages it is the whole article. `place_streamed` does what the script would.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

MARK = re.compile(r"""id=["']?S:""")  # what a streamed page holds; any other page is left as parsed
_MOVES = re.compile(r"""\$RC\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")


def place_streamed(tree: LexborHTMLParser, html: str) -> int:
    """Move every streamed part of the page to its template and show it; returns how many parts were shown."""
    if MARK.search(html) is None:
        return 0
    target = {part: boundary for boundary, part in _MOVES.findall(html)}
    shown = 0
    for part in tree.css('div[hidden][id^="S:"]'):
        part_id = part.attributes.get("id") or ""
        boundary_id = target.get(part_id, "B:" + part_id[2:])
        placeholder = tree.css_first(f'template[id="{boundary_id}"]') if _simple(boundary_id) else None
        del part.attrs["hidden"]
        if placeholder is not None:
            _drop_fallback(placeholder)
            placeholder.insert_before(part)  # a copy, shown where the template stood
            part.decompose()
            placeholder.decompose()
        shown += 1
    return shown


def _drop_fallback(placeholder: LexborNode) -> None:
    """Remove what follows the template up to the boundary's end, `<!--/$-->`; nothing when there is no such end."""
    fallback, node = [], placeholder.next
    while node is not None and not (node.tag == "-comment" and (node.comment_content or "").strip() == "/$"):
        fallback.append(node)
        node = node.next
    if node is not None:
        for stale in fallback:
            stale.decompose()


def _simple(boundary_id: str) -> bool:
    """An id that is safe to put in a selector as it is (React's are "B:0", "B:1a" ...)."""
    return re.fullmatch(r"[\w:.-]+", boundary_id) is not None
