"""A page saved with its HTTP response head (`curl -i`, `curl -iL` through redirects): the head is read for
what it says of the body (its charset, whether it is HTML) and dropped, so it is neither text nor the headline."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A status line, then header lines, to the first empty line; up to 64 KB (servers cap a head well below that).
_HEAD = re.compile(rb"\A\s*HTTP/\d(?:\.\d)? \d{3}[^\n]{0,200}\n(?:[^\n]{0,8000}\n){0,200}?\r?\n")
_CONTENT_TYPE = re.compile(rb"^content-type:[ \t]*([^\r\n]{0,300})", re.I | re.M)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]{1,40})""", re.I)


@dataclass(slots=True)
class ResponseHead:
    charset: str | None = None
    html: bool = False  # the Content-Type says HTML (text/html, application/xhtml+xml)


def split_head(content: str | bytes) -> tuple[str | bytes, ResponseHead | None]:
    """The body without its HTTP response heads, and what the last head says of it; (content, None) when the
    content does not start with one."""
    if not content[:16].lstrip().startswith("HTTP/" if isinstance(content, str) else b"HTTP/"):
        return content, None
    # Offsets in the latin-1 bytes of a str are its characters' offsets.
    data = content.encode("latin-1", "replace") if isinstance(content, str) else content
    head = None
    cut = 0
    while match := _HEAD.match(data, cut):  # each redirect followed (curl -iL) left a head of its own
        head, cut = match.group(), match.end()
    if head is None:
        return content, None
    return content[cut:], _read(head)


def _read(head: bytes) -> ResponseHead:
    content_type = _CONTENT_TYPE.search(head)
    if not content_type:
        return ResponseHead()
    value = content_type.group(1)
    charset = _CHARSET.search(value)
    return ResponseHead(
        charset=charset.group(1).decode("ascii") if charset else None,
        html=b"html" in value.lower(),
    )
