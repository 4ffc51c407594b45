"""Reading a scraper's text dump back into paragraphs.

Every scraper writes a page its own way, and what it adds is not the page: a text browser (lynx, w3m) wraps
paragraphs at 80 columns, numbers its links (`[12]Home`) and lists their addresses at the end; a Markdown dump
(html2text, markdownify) writes `# Heading`, `* [Home](/)` and `![alt](src)`. `read_dump` finds which of these the
text shows (`DumpStyle`) and gives its paragraphs back as the page wrote them: wrapped lines joined, the markup
read as what it means (a heading and its level, a list item, a quote, a link, an image), its syntax gone from the
words. Each paragraph keeps the numbers of the user's lines it was read from, so every decision still points at
them. A dump with none of these marks (html-text, inscriptis, a browser copy) comes back a line a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..lines import BULLET, word_count
from ..page import Image, Link

# --- what the text shows -----------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\]\([^)\s]")  # "](x": the middle of [text](url)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6} \S", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(")
_MARKER = re.compile(r"\[(\d{1,5})\]")  # a text browser's link number
_REFERENCES = re.compile(r"^\s*(?:References|Visible links:?|Hidden links:?)\s*$")
_REFERENCE_LINE = re.compile(r"^\s*\d{1,5}\.\s+\S+:\S*\s*$")  # "  12. https://example.com/a"
MIN_MARKS = 3  # Markdown links or link numbers a dump must show before its syntax is read as such
STYLE_LINES = 20_000  # the lines a dump's style is read from (a page's worth; a huge input costs no more)
WIDTHS = range(40, 161)  # the wrap widths looked for
MIN_WRAPPED = 5  # lines of a wrapped dump that come within NEAR_WIDTH of its width, at least
WRAPPED_SHARE = 0.25  # ... and this share of its lines of five words or more
NEAR_WIDTH = 15
MIN_FRAGMENTS = 20  # a dump with no blank lines is read as fragments from this many lines on
BLANK_SHARE = 0.02  # (a blank line or two in a long dump still leaves it without paragraphs)
_UNBREAKABLE = re.compile(r"\S{30}")  # a token no wrapping could break
_UNWRAPPED = re.compile(r"\s*(?:[*+-]|\d{1,3}\.)\s|.*\|")


@dataclass(frozen=True, slots=True)
class DumpStyle:
    """What a dump's text shows of the scraper that wrote it."""

    markdown: bool = False  # Markdown links, headings or images
    link_numbers: bool = False  # a text browser's `[12]` link numbers
    width: int | None = None  # the column at which its paragraphs are wrapped, if they are
    margin: int = 0  # the indent of its body text (lynx: 3 spaces)
    fragmented: bool = False  # no blank lines: a text node a line, paragraphs cut at their links (get_text("\n"))
    references: int | None = None  # the line a text browser's list of link addresses starts at


def dump_style(text: str, lines: list[str]) -> DumpStyle:
    """What the text shows, read off its first STYLE_LINES lines (and a text browser's references at its end)."""
    head = text[: sum(map(len, lines[:STYLE_LINES])) + STYLE_LINES]
    markdown = len(_MD_LINK.findall(head)) >= MIN_MARKS or bool(_MD_HEADING.search(head) or _MD_IMAGE.search(head))
    numbers = _MARKER.findall(head[:50_000])
    link_numbers = len(numbers) >= MIN_MARKS and numbers[:3] == ["1", "2", "3"]
    references = _references_at(lines) if link_numbers else None
    body = lines[: min(STYLE_LINES, len(lines) if references is None else references)]
    width = _wrap_width(body)
    fragmented = not markdown and width is None and _without_blank_lines(body)
    return DumpStyle(markdown, link_numbers, width, _margin(body), fragmented, references)


def _without_blank_lines(lines: list[str]) -> bool:
    filled = sum(1 for line in lines if line.strip())
    return filled >= MIN_FRAGMENTS and len(lines) - filled <= BLANK_SHARE * filled


def _references_at(lines: list[str]) -> int | None:
    """Where a text browser's list of link addresses starts: a "References" line followed by numbered addresses
    to the end of the text."""
    for at in range(len(lines) - 1, -1, -1):
        if _REFERENCES.match(lines[at]) and lines[at].strip() == "References":
            rest = [line for line in lines[at + 1 :] if line.strip()]
            listed = sum(1 for line in rest if _REFERENCE_LINE.match(line) or _REFERENCES.match(line))
            return at if rest and listed >= 0.8 * len(rest) else None
    return None


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at: no line is longer (but one holding a token too long to break, an
    address), and many lines of several words come close to it. None when the lines were not wrapped."""
    longest = 0
    for line in lines:
        size = len(line.rstrip())
        # A Markdown converter may leave list items and table rows unwrapped: its paragraphs show the width.
        if size > longest and not _UNBREAKABLE.search(line) and not _UNWRAPPED.match(line):
            longest = size
    if longest not in WIDTHS:
        return None
    multiword = [len(line.rstrip()) for line in lines if word_count(line, 5) >= 5]
    near = sum(1 for size in multiword if size >= longest - NEAR_WIDTH)
    return longest if near >= MIN_WRAPPED and near >= WRAPPED_SHARE * len(multiword) else None


def _margin(lines: list[str]) -> int:
    """The indent most lines of five words or more share (a text browser's left margin)."""
    counts: dict[int, int] = {}
    for line in lines:
        if word_count(line, 5) >= 5:
            indent = len(line) - len(line.lstrip(" "))
            counts[indent] = counts.get(indent, 0) + 1
    return max(counts, key=lambda k: (counts[k], -k)) if counts else 0


# --- the paragraphs -----------------------------------------------------------------------------------------

_MD_HEADING_LINE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_QUOTE = re.compile(r"^>\s?")


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the dump: its text without the dump's syntax, and what the syntax said."""

    text: str
    first: int  # the numbers of the user's lines it was read from (0-based, inclusive)
    last: int
    gap_before: int = 0  # blank lines before it
    indent: int = 0
    heading: int = 0  # 1..6: a Markdown heading's level, or 2 for a text browser's heading
    quote: bool = False
    link_chars: int = 0
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    references: bool = False  # a text browser's list of link addresses (never the article)


def read_dump(text: str) -> Iterator[Paragraph]:
    """The dump's paragraphs, in order."""
    lines = text.split("\n")
    style = dump_style(text, lines)
    after_number = False
    for paragraph in _paragraphs(lines, style):
        if after_number:  # a text browser's link number alone on its line: the next line is the link's text
            paragraph.link_chars = len(paragraph.text)
        after_number = style.link_numbers and not paragraph.text
        yield paragraph


def _paragraphs(lines: list[str], style: DumpStyle) -> Iterator[Paragraph]:
    end = style.references if style.references is not None else len(lines)
    gap = 0
    pending: list[int] = []  # the lines of the paragraph being read
    for number in range(end):
        line = lines[number]
        if not line.strip():
            if pending:
                yield _paragraph(lines, pending, gap, style)
                pending, gap = [], 0
            gap += 1
            continue
        if pending and not _continues(lines, pending, number, style):
            yield _paragraph(lines, pending, gap, style)
            pending, gap = [], 0
        pending.append(number)
    if pending:
        yield _paragraph(lines, pending, gap, style)
        gap = 0
    if end < len(lines):
        filled = [k for k in range(end, len(lines)) if lines[k].strip()]
        text = " ".join(lines[k].strip() for k in filled)
        yield Paragraph(text, end, filled[-1], gap_before=gap, references=True)


def _continues(lines: list[str], pending: list[int], number: int, style: DumpStyle) -> bool:
    """Whether line `number` goes on the paragraph of the `pending` lines: a wrapped line's rest, or a Markdown
    link or image whose brackets the previous line left open."""
    previous = lines[pending[-1]]
    line = lines[number]
    stripped = line.lstrip(" ")
    if style.markdown:
        return _markdown_goes_on(previous, stripped) or _open_brackets(lines, pending)
    if style.fragmented:
        return _fragment_goes_on(previous.strip(), stripped, len(pending))
    if style.width is None or _starts_block(stripped, style):
        return False
    size = len(previous.rstrip())
    first_word = stripped.split(" ", 1)[0]
    if size + 1 + len(first_word) <= style.width:
        return False  # the next word would have fitted: the line ended where the page ended it
    return len(line) - len(stripped) == _continuation_indent(lines[pending[0]])


# Words a sentence does not end on: a line that ends on one was cut inside its sentence (before a link).
_GOES_ON = frozenset(
    "the a an of to by in on at for with from and or as that than into about via per is are was were be his her "
    "their its our your my this these those der die das den dem des ein eine einen einem und oder mit von zu im am "
    "auf für bei aus nach über le la les un une des du de au aux et ou par pour avec dans sur en el los las unos "
    "unas del al y o con por para il lo di da e per na no do em um uma het een van met op voor".split()
)
_CONTINUING = re.compile(r"^[,.;:!?)%\]]")  # a fragment that goes on the sentence before it
_ENDED = re.compile(r"[.!?:;\"”’)]$")  # a line that ends a sentence (or a label)
MAX_FRAGMENTS = 12  # lines joined into one paragraph at most (a run of joins is a guess each time)


def _fragment_goes_on(previous: str, line: str, joined: int) -> bool:
    """Whether a line of a fragmented dump goes on the sentence of the line before it: the previous line did
    not end its sentence, and the line starts with the sentence's punctuation or its lower-case words, or the
    previous line ended on a word no sentence ends on ("By" / "Claire Martin")."""
    if joined >= MAX_FRAGMENTS or _ENDED.search(previous) or BULLET.match(line):
        return False
    if _CONTINUING.match(line):
        return True
    last = previous.rsplit(" ", 1)[-1].lower()
    if last in _GOES_ON or previous.endswith(","):
        return line[:1].isalnum()
    if line[:1].islower():
        return word_count(line, 3) >= 3 or word_count(previous, 6) >= 6
    return False


def _markdown_goes_on(previous: str, stripped: str) -> bool:
    """Markdown's own rule: the lines of a paragraph follow each other without a blank line, until a line starts
    a block of its own (a list item, a heading, a quote, a table row) or the previous one ends in a hard break."""
    if BULLET.match(stripped) or stripped.startswith(("#", ">", "|", "```")) or "|" in previous:
        return False
    return not (previous.lstrip().startswith("#") or previous.endswith(("  ", "\\")))


def _open_brackets(lines: list[str], pending: list[int]) -> bool:
    """A Markdown link's text or address left open at the end of the pending lines ("[Corporate" ... "](url)")."""
    text = "\n".join(lines[k] for k in pending[-3:])
    return text.count("[") > text.count("]") or text.count("](") > text.count(")", text.rfind("]("))


def _starts_block(stripped: str, style: DumpStyle) -> bool:
    """A line that starts a paragraph of its own: a list item, a heading, a quote."""
    if BULLET.match(stripped):
        return True
    return style.markdown and (stripped.startswith("#") or stripped.startswith(">"))


def _continuation_indent(first: str) -> int:
    """The indent the wrapped lines of a paragraph starting with `first` have: a list item's hangs under its
    text, past the marker."""
    stripped = first.lstrip(" ")
    indent = len(first) - len(stripped)
    bullet = BULLET.match(stripped)
    return indent + bullet.end() if bullet else indent


def _paragraph(lines: list[str], numbers: list[int], gap: int, style: DumpStyle) -> Paragraph:
    raw = [lines[k] for k in numbers]
    first = raw[0]
    indent = len(first) - len(first.lstrip())
    text = _join([line.strip() for line in raw])
    paragraph = Paragraph(text, numbers[0], numbers[-1], gap_before=gap, indent=indent)
    if style.markdown:
        _read_markdown(paragraph)
    if style.link_numbers:
        _read_link_numbers(paragraph, raw)
    if style.width is not None and style.margin and indent < style.margin and not BULLET.match(paragraph.text):
        paragraph.heading = 2  # a text browser sets headings out of its margin
    return paragraph


def _join(parts: list[str]) -> str:
    """Wrapped lines or fragments as one: a space between them, none before the punctuation that goes on a
    sentence, nor where a Markdown address was broken at a hyphen."""
    text = parts[0]
    for part in parts[1:]:
        glued = text.endswith("-") and text.rfind("](") > text.rfind(")") or _CONTINUING.match(part)
        text = text + part if glued else text + " " + part
    return text


# --- Markdown ------------------------------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_LINK_TITLE = re.compile(r"\s+\"[^\"]*\"$")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _read_markdown(paragraph: Paragraph) -> None:
    text = paragraph.text
    heading = _MD_HEADING_LINE.match(text)
    if heading:
        paragraph.heading = len(heading.group(1))
        text = heading.group(2)
    elif _MD_QUOTE.match(text):
        paragraph.quote = True
        text = _MD_QUOTE.sub("", text).replace(" > ", " ")
    # Each pattern below needs a character most paragraphs lack: looking for it first skips a scan.
    if "![" in text:
        for alt, src in _IMAGE.findall(text):
            paragraph.images.append(Image(_LINK_TITLE.sub("", src).strip(), alt.strip(), 0))
        text = _IMAGE.sub("", text)
    linked = 0

    def link(match: re.Match) -> str:
        nonlocal linked
        words = " ".join(match.group(1).split())
        href = _LINK_TITLE.sub("", match.group(2)).strip()
        if words:
            linked += len(words)
            paragraph.links.append(Link(words, href))
        return words

    if "](" in text:
        text = _LINK.sub(link, text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    paragraph.text = " ".join(text.split())
    paragraph.link_chars = min(linked, len(paragraph.text))


# --- a text browser's link numbers ---------------------------------------------------------------------------

LINK_WORDS = 5  # a number marks the link text after it, up to the next number or the line's end, this many words


def _read_link_numbers(paragraph: Paragraph, raw: list[str]) -> None:
    """`[12]Home` is a link to "Home": the numbers go, the words after them count as link text."""
    linked = 0
    text = paragraph.text
    if any("[" in line for line in raw):  # (else the text, made of these lines' characters, holds no number)
        for line in raw:
            pieces = _MARKER.split(line)
            # pieces: text before the first number, then (number, text after it) pairs
            for after in pieces[2::2]:
                words = after.split()[:LINK_WORDS]
                linked += len(" ".join(words))
        text = _MARKER.sub("", text)
    paragraph.text = " ".join(text.split())
    paragraph.link_chars = min(paragraph.link_chars + linked, len(paragraph.text))
