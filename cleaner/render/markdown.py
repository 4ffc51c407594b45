"""The document tree as Markdown (CommonMark, with GitHub's tables): `##` headings, paragraphs, `-` and `1.`
lists nested by indentation, `>` quotes, pipe tables, fenced code, `[text](url)` links and `![alt](src)` images
with their caption in italics on the next line.

Text from an HTML page is escaped where Markdown would read it as markup: a line that would open a heading, a list,
a quote or a fence, and the characters that open links and inline HTML. Text from a scraped-text page is written as
the dump wrote it (a Markdown dump's own syntax stays Markdown)."""

from __future__ import annotations

import re
from urllib.parse import quote

from .tree import Code, Figure, Heading, Line, ListBlock, Node, Paragraph, Quote, Table

_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s)|(\d{1,9})([.)])(?=\s)|```|~~~|=+\s*$|-+\s*$)")
_INLINE = re.compile(r"([\\\[\]<`])")
_URL_UNSAFE = re.compile(r"[\s()<>]")
HARD_BREAK = "  \n"


def markdown(nodes: list[Node], escape: bool = True) -> str:
    return "\n\n".join(_MarkdownWriter(escape).node(node) for node in nodes)


class _MarkdownWriter:
    def __init__(self, escape: bool) -> None:
        self.escape = escape

    def node(self, node: Node) -> str:
        if isinstance(node, Paragraph):
            return self.paragraph(node)
        if isinstance(node, Heading):
            return "#" * node.level + " " + self.line(node.line)
        if isinstance(node, ListBlock):
            return self.list_block(node)
        if isinstance(node, Quote):
            body = "\n\n".join(self.paragraph(p) for p in node.paragraphs)
            return "\n".join("> " + line if line else ">" for line in body.split("\n"))
        if isinstance(node, Table):
            return self.table(node)
        if isinstance(node, Code):
            fence = "```"
            while fence in node.text:
                fence += "`"
            return f"{fence}\n{node.text}\n{fence}"
        if isinstance(node, Figure):
            image = f"![{_escape_inline(node.alt)}]({_url(node.src)})"
            return image + (f"\n*{_escape_inline(node.caption)}*" if node.caption else "")
        raise TypeError(f"not a node: {node!r}")

    def paragraph(self, paragraph: Paragraph) -> str:
        return HARD_BREAK.join(self.line(line) for line in paragraph.lines)

    def line(self, line: Line) -> str:
        out = []
        for run in line:
            text = _escape_inline(run.text) if self.escape else run.text
            out.append(f"[{text}]({_url(run.href)})" if run.href else text)
        joined = "".join(out)
        return _escape_start(joined) if self.escape else joined

    def list_block(self, block: ListBlock, indent: str = "") -> str:
        lines = []
        for n, item in enumerate(block.items, start=1):
            marker = f"{item.number if item.number is not None else n}. " if block.ordered else "- "
            inner = indent + " " * len(marker)
            for k, paragraph in enumerate(item.paragraphs):
                text = self.paragraph(paragraph).replace("\n", "\n" + inner)
                if k == 0:
                    lines.append(indent + marker + text)
                else:
                    lines.append("")
                    lines.append(inner + text)
            for child in item.children:
                lines.append(self.list_block(child, inner))
        return "\n".join(lines)

    def table(self, table: Table) -> str:
        rows = [[_cell(self.line(cell)) for cell in row] for row in table.rows]
        width = len(rows[0])
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(out)


def _escape_inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def _escape_start(text: str) -> str:
    """A backslash before a line-opening marker, so a paragraph stays a paragraph ("1995. A year" is no list)."""
    match = _LINE_START.match(text)
    if not match:
        return text
    at = match.end(1)
    if match.group(3):  # "12. ": the escape goes before the period
        at += len(match.group(3))
    return text[:at] + "\\" + text[at:]


def _cell(text: str) -> str:
    return text.replace("|", "\\|") if text else " "


def _url(url: str | None) -> str:
    """An address as a Markdown link destination: the characters that would end or break it percent-encoded."""
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url or "")
