"""A page shown for people: each block kept (+) or removed (-) with the reason, then the record's metadata."""

from __future__ import annotations

from .page import Page
from .record import METADATA_FIELDS, Article


def render(page: Page, article: Article) -> str:
    lines = []
    for block in page.blocks:
        if block.keep:
            lines.append(f"+ {'':24} {block.text}")
        else:
            tag = f"{block.reason} {block.score:.2f}"
            evidence = f"   [{block.detail}]" if block.detail else ""
            lines.append(f"- {tag:24} {block.text}{evidence}")
    lines.append("")
    for name in METADATA_FIELDS:
        value = getattr(article, name)
        if isinstance(value, list):
            value = ", ".join(value) or None
        source = article.sources.get(name)
        lines.append(f"{name:9} {value if value is not None else '-'}" + (f"   [{source}]" if source else ""))
    return "\n".join(lines)
