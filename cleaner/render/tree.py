"""The kept blocks as a small document tree: headings, paragraphs (with their line breaks), nested lists, block
quotes, data tables, code blocks and figures, each holding its text as runs of plain text and links. The Markdown
and HTML writers read this tree; neither reads the page.

What a block is comes from segmentation (page.py): its kind, heading level, list depth, table row and column, and
the `unit` and `group` that tie one item's paragraphs, one quote's paragraphs and one table's cells together. A
text page's blocks carry kinds too (list items, and whatever else its segmenter says), without the groups: its
items nest by their indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import CLAUSE_END, paragraph_like, title_like
from ..page import CELL, ITEM, PARAGRAPH, PRE, QUOTE, Block, Page
from ..reasons import HEADLINE
from ..segment.text import strip_bullet
from ..urls import page_base, resolve


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of inline text; `href` (absolute) when it is a link's text."""

    text: str
    href: str | None = None


Line = list[Run]


@dataclass(slots=True)
class Heading:
    level: int  # 2 to 6: the record's headline is the article's top heading
    line: Line


@dataclass(slots=True)
class Paragraph:
    lines: list[Line]  # more than one where the page broke the line (<br>): a poem, an address


@dataclass(slots=True)
class ListItem:
    paragraphs: list[Paragraph]
    children: list[ListBlock] = field(default_factory=list)
    number: str | None = None  # a text page's own number for the item ("03. ..."): its words are the page's


@dataclass(slots=True)
class ListBlock:
    ordered: bool
    items: list[ListItem]


@dataclass(slots=True)
class Quote:
    paragraphs: list[Paragraph]


@dataclass(slots=True)
class Table:
    rows: list[list[Line]]  # the first row is the header


@dataclass(slots=True)
class Code:
    text: str


@dataclass(slots=True)
class Figure:
    src: str
    alt: str
    caption: str  # the caption (and credit) that left the body, shown with the image


Node = Heading | Paragraph | ListBlock | Quote | Table | Code | Figure


@dataclass(frozen=True, slots=True)
class Placed:
    """An in-article image to show before block `at` (meta/images.py finds them)."""

    at: int
    src: str
    alt: str
    caption: str = ""


# A table is data, not layout, when it has at least two rows and two columns and its cells are short: a cell that
# is a long paragraph (or many cells of many words) means the table lays out an article (docs/DECISIONS.md).
CELL_WORDS = 80
MEAN_CELL_WORDS = 15
_ORDERED = re.compile(r"^\d{1,3}[.)]\s")


def build(page: Page, links: bool = False, figures: list[Placed] | tuple[Placed, ...] = ()) -> list[Node]:
    """The document tree of the page's kept blocks; `links`: link texts carry their addresses; `figures`: images
    to place where they stand."""
    return _Builder(page, links, figures).run()


class _Builder:
    def __init__(self, page: Page, links: bool, figures) -> None:
        self.page = page
        self.base = page_base(page) if links else None
        self.links = links
        self.html = page.mode == "html"
        self.kept = [b for b in page.blocks if b.keep]
        self.levels = _heading_levels(page, self.kept)
        self.subheads = set() if self.html else _subheads(self.kept)
        self.figures = sorted(figures, key=lambda f: f.at)
        self.nodes: list[Node] = []
        self.lists: list[tuple[int, ListBlock, int]] = []  # open lists: (depth or indent, list, last item's unit)
        self.previous: Block | None = None

    def run(self) -> list[Node]:
        figures = iter(self.figures)
        waiting = next(figures, None)
        k = 0
        while k < len(self.kept):
            block = self.kept[k]
            while waiting is not None and waiting.at <= block.index:
                self._figure(waiting)
                waiting = next(figures, None)
            if block.kind == CELL and self.html:
                end = self._table_end(k)
                self._table(self.kept[k:end])
                k = end
                continue
            self._block(block)
            self.previous = block
            k += 1
        while waiting is not None:
            self._figure(waiting)
            waiting = next(figures, None)
        return self.nodes

    # --- blocks -----------------------------------------------------------------------------------------------

    def _block(self, block: Block) -> None:
        if block.kind == ITEM and (block.group >= 0 or not self.html):  # <dt> and <dd> read as paragraphs
            self._item(block)
            return
        self.lists.clear()
        line = self._line(block)
        if block.heading:
            self.nodes.append(Heading(self.levels.get(block.heading, 2), line))
        elif block.index in self.subheads:
            self.nodes.append(Heading(2, line))
        elif block.kind == PRE:
            self._code(block)
        elif block.kind == QUOTE:
            last = self.nodes[-1] if self.nodes else None
            if isinstance(last, Quote) and self._continues(block, same_unit=True):
                if not self._broken(block, last.paragraphs[-1], line):
                    last.paragraphs.append(Paragraph([line]))
            else:
                self.nodes.append(Quote([Paragraph([line])]))
        else:
            last = self.nodes[-1] if self.nodes else None
            if not (isinstance(last, Paragraph) and self._broken(block, last, line)):
                self.nodes.append(Paragraph([line]))

    def _continues(self, block: Block, same_unit: bool = False) -> bool:
        """Whether the block comes right after the previous kept block (no block left out between them), and with
        `same_unit` in the same quote or item (text pages have no units: neighbours are one)."""
        previous = self.previous
        if previous is None or previous.kind != block.kind:
            return False
        if not same_unit or not self.html:
            return True
        return block.unit == previous.unit

    def _broken(self, block: Block, paragraph: Paragraph, line: Line) -> bool:
        """A block after one <br> right after the previous block goes on the paragraph's next line."""
        previous = self.previous
        if not block.line_break or previous is None or previous.index != block.index - 1:
            return False
        paragraph.lines.append(line)
        return True

    def _code(self, block: Block) -> None:
        text = _code_text(block.raw if block.raw is not None else block.text)
        last = self.nodes[-1] if self.nodes else None
        previous = self.previous
        if isinstance(last, Code) and previous is not None and previous.kind == PRE and previous.unit == block.unit:
            last.text += "\n" + text  # one <pre> cut by a <br>
        else:
            self.nodes.append(Code(text))

    def _item(self, block: Block) -> None:
        if self.html:
            depth, ordered = max(block.depth, 1), self._ordered(block)
            text = block.text
        else:
            depth, ordered = block.indent, _ORDERED.match(block.text) is not None
            text = strip_bullet(block.text)
        number = _number(block.text) if ordered and not self.html else None
        while self.lists and self.lists[-1][0] > depth:
            self.lists.pop()
        line = self._line(block, text)
        if self.lists and self.lists[-1][0] == depth:
            _, current, unit = self.lists[-1]
            item = current.items[-1]
            if self.html and unit >= 0 and block.unit == unit:  # another paragraph of the same item
                if not self._broken(block, item.paragraphs[-1], line):
                    item.paragraphs.append(Paragraph([line]))
                return
            if current.ordered == ordered:
                current.items.append(ListItem([Paragraph([line])], number=number))
                self.lists[-1] = (depth, current, block.unit)
                return
            self.lists.pop()
        new = ListBlock(ordered, [ListItem([Paragraph([line])], number=number)])
        if self.lists:
            self.lists[-1][1].items[-1].children.append(new)
        else:
            self.nodes.append(new)
        self.lists.append((depth, new, block.unit))

    def _ordered(self, block: Block) -> bool:
        token = self.page.declared.elements.get(block.group, "")
        return token == "ol" or token.startswith(("ol.", "ol#"))

    # --- tables -----------------------------------------------------------------------------------------------

    def _table_end(self, start: int) -> int:
        """The end of the run of kept cells of one table from `start`."""
        group = self.kept[start].group
        end = start
        while end < len(self.kept) and self.kept[end].kind == CELL and self.kept[end].group == group:
            end += 1
        return end

    def _table(self, cells: list[Block]) -> None:
        self.lists.clear()
        self.previous = cells[-1]
        rows: dict[int, dict[int, list[Block]]] = {}
        for cell in cells:  # a cell broken by <br> or holding paragraphs is several blocks: one cell still
            rows.setdefault(cell.row, {}).setdefault(cell.col, []).append(cell)
        width = max(cell.col for cell in cells) + 1
        words = [sum(len(b.text.split()) for b in blocks) for row in rows.values() for blocks in row.values()]
        layout = len(rows) < 2 or width < 2 or max(words) > CELL_WORDS or sum(words) > MEAN_CELL_WORDS * len(words)
        if layout:  # a layout table: its cells are the article's paragraphs
            self.nodes.extend(Paragraph([self._line(cell)]) for cell in cells)
            return
        by_row = [row for _, row in sorted(rows.items())]
        self.nodes.append(Table([[self._cell(row.get(c, [])) for c in range(width)] for row in by_row]))

    def _cell(self, blocks: list[Block]) -> Line:
        line: Line = []
        for block in blocks:
            if line:
                line.append(Run(" "))
            line.extend(self._line(block))
        return line

    # --- inline -----------------------------------------------------------------------------------------------

    def _line(self, block: Block, text: str | None = None) -> Line:
        """The block's text as runs, its links' texts (when asked for) linked to their resolved addresses."""
        text = block.text if text is None else text
        if not self.links or not block.links:
            return [Run(text)]
        runs: Line = []
        at = 0
        for link in block.links:
            start = text.find(link.text, at)
            href = resolve(self.base, link.href)
            if start < 0 or href is None:
                continue
            if start > at:
                runs.append(Run(text[at:start]))
            runs.append(Run(link.text, href))
            at = start + len(link.text)
        if at < len(text):
            runs.append(Run(text[at:]))
        return runs

    def _figure(self, placed: Placed) -> None:
        self.lists.clear()
        self.previous = None
        self.nodes.append(Figure(placed.src, placed.alt, placed.caption))


def _heading_levels(page: Page, kept: list[Block]) -> dict[int, int]:
    """Each kept heading level as the body shows it: relative to the article's top heading, which is the
    record's headline (level 1, not in the body). When the headline stood in a heading above the body's headings,
    levels count from it (an <h1> title over <h3> sections gives ###); else the body's top heading is ##."""
    levels = sorted({b.heading for b in kept if b.heading})
    if not levels:
        return {}
    headline = [b.heading for b in page.blocks if b.role == HEADLINE and b.heading]
    top = headline[0] if headline and headline[0] < levels[0] else levels[0] - 1
    return {level: min(6, max(2, level - top + 1)) for level in levels}


SUBHEAD_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*$")


def _subheads(kept: list[Block]) -> set[int]:
    """In a scraped text, the short title-like lines between two paragraphs of prose: the article's subheadings
    (a dump keeps no markup to say so). A line that ends a clause or exclaims is a short paragraph."""
    found = set()
    for before, block, after in zip(kept, kept[1:], kept[2:], strict=False):
        text = block.text.rstrip()
        if block.heading or block.kind != PARAGRAPH or CLAUSE_END.search(text) or text.endswith("!"):
            continue
        if title_like(len(text.split()), max_words=SUBHEAD_WORDS) and _prose(before) and _prose(after):
            found.add(block.index)
    return found


def _prose(block: Block) -> bool:
    return block.kind == PARAGRAPH and paragraph_like(len(block.text.split()), bool(_SENTENCE_END.search(block.text)))


def _number(text: str) -> str | None:
    digits = re.match(r"\d+", text)
    return digits.group() if digits else None


def _code_text(raw: str) -> str:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)
