"""Content to a Page: decode (bytes to text), detect (HTML or scraped text), segment (blocks) and repair (text
lines rebuilt), as every pass of the pipeline, template learning and the trainers see a page."""

from __future__ import annotations

from .decode import DecodeError, decode
from .httphead import split_head
from .invisible import strip_invisible
from .limits import MAX_CHARS, check_size, too_large
from .page import Page
from .repair import repair
from .segment import segment
from .textcache import start_page


def prepare(
    content: str | bytes, mode: str, url: str | None = None, charset: str | None = None, links: bool = False
) -> Page:
    """Decode, detect, segment and repair: the page's blocks as every pass (and template learning) sees them."""
    start_page()
    if isinstance(content, (bytearray, memoryview)):
        content = bytes(content)
    if not isinstance(content, (str, bytes)):
        raise DecodeError(f"not a page: the content must be text or bytes, not {type(content).__name__}")
    check_size(content)
    content, head = split_head(content)
    if head is not None:
        charset = charset or head.charset
        mode = "html" if head.html and mode == "auto" else mode
    text = strip_invisible(decode(content, charset))
    if len(text) > MAX_CHARS:
        raise too_large(len(text), "characters", MAX_CHARS)
    page = segment(text, mode, url, links)
    repair(page)
    return page
