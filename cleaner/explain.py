"""A page shown for people: each block kept (+) or removed (-) with the reason, then the record's metadata. A
block of scraped text shows the numbers of the user's lines it was read from."""

from __future__ import annotations

from .page import Block, Page
from .record import METADATA_FIELDS, Article


def render(page: Page, article: Article) -> str:
    lines = [_line(block) for block in [*page.blocks, *page.set_aside]]
    lines.append("")
    for name in METADATA_FIELDS:
        value = getattr(article, name)
        if isinstance(value, list):
            value = ", ".join(value) or None
        source = article.sources.get(name)
        lines.append(f"{name:9} {value if value is not None else '-'}" + (f"   [{source}]" if source else ""))
    return "\n".join(lines)


def _line(block: Block) -> str:
    where = ""
    if block.lines is not None:
        first, last = block.lines[0] + 1, block.lines[1] + 1
        where = f"{first if first == last else f'{first}-{last}':>9} "
    if block.keep:
        return f"+ {'':24} {where}{block.text}"
    tag = f"{block.reason} {block.score:.2f}"
    evidence = f"   [{block.detail}]" if block.detail else ""
    return f"- {tag:24} {where}{block.text}{evidence}"
