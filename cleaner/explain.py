"""A page shown for people: each block kept (+) or removed (-) with the reason, then the record's metadata. A
block of scraped text shows the numbers of the user's lines it was read from."""

from __future__ import annotations

from .page import Block, Page
from .record import METADATA_FIELDS, Article


def render(page: Page, article: Article) -> str:
    lines = [_line(block) for block in [*page.blocks, *page.set_aside]]
    lines.append("")
    width = max(map(len, METADATA_FIELDS))
    for name in METADATA_FIELDS:
        value = getattr(article, name)
        if isinstance(value, list):
            value = ", ".join(v if isinstance(v, str) else _item(v) for v in value) or None
        source = article.sources.get(name)
        lines.append(f"{name:{width}} {value if value is not None else '-'}" + (f"   [{source}]" if source else ""))
    return "\n".join(lines)


def _item(value: dict) -> str:
    """An image or a comment in one line: its address or author, and its caption or opening words."""
    head = value.get("src") or value.get("author") or "?"
    tail = value.get("caption") or value.get("text") or ""
    return f"{head} ({tail[:40]})" if tail else head


def _line(block: Block) -> str:
    where = ""
    if block.lines is not None:
        first, last = block.lines[0] + 1, block.lines[1] + 1
        where = f"{first if first == last else f'{first}-{last}':>9} "
    evidence = f"   [{block.detail}]" if block.detail else ""  # kept: where the rescue pass found it
    if block.keep:
        return f"+ {'':24} {where}{block.text}{evidence}"
    tag = f"{block.reason} {block.score:.2f}"
    return f"- {tag:24} {where}{block.text}{evidence}"
