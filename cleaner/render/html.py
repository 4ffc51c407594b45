"""The document tree as a small, safe HTML fragment: only the elements written here (h2-h6, p, br, ul, ol, li,
blockquote, table, thead, tbody, tr, th, td, pre, code, figure, img, figcaption, a), only the href, src, alt and
title attributes, every text and attribute escaped, and only addresses that urls.py lets through (never a
javascript: or data: URL). Nothing of the page's own markup is copied: the fragment is written from the tree."""

from __future__ import annotations

from html import escape

from .tree import Code, Figure, Heading, Line, ListBlock, Node, Paragraph, Quote, Table


def html(nodes: list[Node]) -> str:
    return "\n".join(_node(node) for node in nodes)


def _node(node: Node) -> str:
    if isinstance(node, Paragraph):
        return f"<p>{_paragraph(node)}</p>"
    if isinstance(node, Heading):
        return f"<h{node.level}>{_line(node.line)}</h{node.level}>"
    if isinstance(node, ListBlock):
        return _list(node)
    if isinstance(node, Quote):
        return "<blockquote>" + "".join(f"<p>{_paragraph(p)}</p>" for p in node.paragraphs) + "</blockquote>"
    if isinstance(node, Table):
        head = "".join(f"<th>{_line(cell)}</th>" for cell in node.rows[0])
        body = "".join("<tr>" + "".join(f"<td>{_line(cell)}</td>" for cell in row) + "</tr>" for row in node.rows[1:])
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(node, Code):
        return f"<pre><code>{escape(node.text, quote=False)}</code></pre>"
    if isinstance(node, Figure):
        image = f'<img src="{escape(node.src)}" alt="{escape(node.alt)}">'
        caption = f"<figcaption>{escape(node.caption, quote=False)}</figcaption>" if node.caption else ""
        return f"<figure>{image}{caption}</figure>"
    raise TypeError(f"not a node: {node!r}")


def _paragraph(paragraph: Paragraph) -> str:
    return "<br>".join(_line(line) for line in paragraph.lines)


def _line(line: Line) -> str:
    return "".join(_run(run.text, run.href) for run in line)


def _run(text: str, href: str | None) -> str:
    return f'<a href="{escape(href)}">{escape(text, quote=False)}</a>' if href else escape(text, quote=False)


def _list(block: ListBlock) -> str:
    tag = "ol" if block.ordered else "ul"
    items = []
    for item in block.items:
        if len(item.paragraphs) == 1:
            inner = _paragraph(item.paragraphs[0])
        else:
            inner = "".join(f"<p>{_paragraph(p)}</p>" for p in item.paragraphs)
        items.append(f"<li>{inner}{''.join(_list(child) for child in item.children)}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>"
