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
