"""HTML to text: the dump styles, the plain text that scrapers make of a page (the bench's text mode and the
text model's training pages), and the paragraph text of HTML outputs (readability's gold `body_html`,
readability-lxml's summary) for scoring.

Every scraper dumps a page its own way; each style here is one real scraper with the settings its users use
(scrapers.py has the calls):

- `html-text`: html-text with layout guessing, blocks on their own lines, blank lines around paragraphs;
- `inscriptis`: inscriptis' layout engine, tables as columns, lists indented with `*`;
- `bs4-lines`: BeautifulSoup `get_text("\\n", strip=True)`: one text node a line, paragraphs cut at inline tags;
- `bs4-glued`: BeautifulSoup `get_text()` with its blank lines dropped: paragraphs glued ("documents.Two");
- `lynx`: `lynx -dump` at 79 columns: hard-wrapped, `[12]` link markers, a References list at the end;
- `w3m`: `w3m -dump -cols 80`: hard-wrapped, tables drawn in columns, `•` bullets;
- `html2text`: Markdown with html2text's defaults (`# Heading`, `  * [link](url)`, `![alt](src)`, wrapped at 78);
- `markdownify`: Markdown with ATX headings, unwrapped, tables as pipes, the page's `<title>` first;
- `trafilatura`: trafilatura's own extraction (`extract(html)`): text another extractor already cleaned;
- `chromium`: a copy from a browser window (`document.body.innerText` in headless Chromium, scripts off).

TRAIN_STYLES are those the learned text model may be trained on. HELD_OUT are never to be trained on: they measure
how the cleaner does on a scraper it has never seen. `w3m` and `markdownify` are held out because each has a
sibling in training (`lynx`, `html2text`): the same kind of dump by another tool, which is the case a user's own
scraper puts us in; `chromium` because a browser copy is the commonest dump of all and none other is quite like it.

The subprocess styles (lynx, w3m, chromium) cost tens of milliseconds a page, so their dumps are cached on disk,
keyed by the style, the tool's version, the code that calls it and the HTML (`$XDG_CACHE_HOME/cleaner-dumps`, else
`~/.cache/cleaner-dumps`). A style whose tool is missing is reported by `missing`, and the bench runs the others.

`augment` varies a dump the way other scrapers would have written it (wrap width, bullets, blank lines,
indentation, Markdown), so that a model learns the furniture, not one converter's habits.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import os
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from . import scrapers

_SPACE = re.compile(r"\s+")
# Elements whose start and end break a paragraph; inline elements (a, b, span...) join their text to it.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIP = ("script", "style", "noscript", "template")


def html_to_paragraphs(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, paragraphs separated by a blank line."""
    if not html or not html.strip():
        return ""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_SKIP)):
        element.drop_tree()
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    # iterwalk, not recursion: some pages nest deeper than Python's recursion limit
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            if tag and element.text:
                current.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if element.tail and element is not root:
                current.append(element.tail)
    flush()
    return "\n\n".join(paragraphs)


# --- the styles ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    convert: Callable[[str], str]
    needs: str  # the Python distribution (package) or, with `binary`, the program that makes the dump
    install: str  # how to get it
    binary: bool = False  # a program run once per page: slow, so its dumps are cached on disk
    held_out: bool = False  # never trained on

    def version(self) -> str | None:
        """The tool's version (part of the cache key), or None when it is missing."""
        return _binary_version(self.needs) if self.binary else _package_version(self.needs)


_PIP = "pip install -e '.[bench]'"
STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style("html-text", scrapers.html_text, "html-text", _PIP),
        Style("inscriptis", scrapers.inscriptis, "inscriptis", _PIP),
        Style("bs4-lines", scrapers.bs4_lines, "beautifulsoup4", _PIP),
        Style("bs4-glued", scrapers.bs4_glued, "beautifulsoup4", _PIP),
        Style("lynx", scrapers.lynx, "lynx", "apt-get install lynx", binary=True),
        Style("w3m", scrapers.w3m, "w3m", "apt-get install w3m", binary=True, held_out=True),
        Style("html2text", scrapers.html2text_markdown, "html2text", _PIP),
        Style("markdownify", scrapers.markdownify_markdown, "markdownify", _PIP, held_out=True),
        Style("trafilatura", scrapers.trafilatura_text, "trafilatura", _PIP),
        Style("chromium", scrapers.chromium, "chromium", "apt-get install chromium", binary=True, held_out=True),
    )
}
TRAIN_STYLES: tuple[str, ...] = tuple(name for name, s in STYLES.items() if not s.held_out)
HELD_OUT: tuple[str, ...] = tuple(name for name, s in STYLES.items() if s.held_out)
# The two styles the shipped text model was trained on, and the quality gate's text variants.
BASIC: tuple[str, ...] = ("html-text", "inscriptis")


@cache
def _package_version(distribution: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version  # here: `cleaner clean` shows this module's names

    try:
        found = version(distribution)
    except PackageNotFoundError:
        return None
    module = {"beautifulsoup4": "bs4", "html-text": "html_text"}.get(distribution, distribution)
    return found if importlib.util.find_spec(module) is not None else None


@cache
def _binary_version(program: str) -> str | None:
    try:
        return scrapers.binary_version(program)
    except (OSError, ValueError, TimeoutError):
        return None


def missing(names: tuple[str, ...] | list[str]) -> dict[str, str]:
    """The styles among `names` that cannot run here, each with why (one line)."""
    found = {}
    for name in names:
        style = STYLES[name]
        if style.version() is None:
            what = "program" if style.binary else "Python package"
            found[name] = f"{what} {style.needs} is not installed ({style.install})"
    return found


@cache
def runnable(names: tuple[str, ...] = TRAIN_STYLES) -> tuple[str, ...]:
    """The styles among `names` that can run here (the trainers' views: TRAIN_STYLES by default)."""
    not_here = missing(names)
    return tuple(n for n in names if n not in not_here)


def unknown(names: list[str]) -> list[str]:
    return [n for n in names if n not in STYLES]


# --- dumping, through the disk cache ----------------------------------------------------------------------------


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cleaner-dumps"


@cache
def _recipe() -> str:
    """A digest of the code that runs the tools (scrapers.py: options, fixes), so that changing it changes the key."""
    return hashlib.sha256(inspect.getsource(scrapers).encode()).hexdigest()[:16]


def dump(name: str, html: str) -> str:
    """The page as style `name` dumps it; a subprocess style's dump is read from the cache when it was made before.
    Raises what the scraper raises on a page it cannot read."""
    style = STYLES[name]
    if not style.binary or not html.strip():
        return style.convert(html)
    key = hashlib.sha256(f"{name}\0{style.version()}\0{_recipe()}\0".encode())
    key.update(html.encode("utf-8", "surrogatepass"))
    digest = key.hexdigest()
    path = cache_dir() / name / digest[:2] / f"{digest}.txt"
    try:
        return path.read_bytes().decode("utf-8", "surrogatepass")
    except OSError:
        pass
    text = style.convert(html)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")  # two bench workers may dump the same page
        temporary.write_bytes(text.encode("utf-8", "surrogatepass"))
        os.replace(temporary, path)
    except OSError:  # a read-only or full cache costs speed, not the dump
        pass
    return text


# Every style by name, as html -> text (the bench, the trainers and the worst-pages report read this).
CONVERTERS: dict[str, Callable[[str], str]] = {name: partial(dump, name) for name in STYLES}


# --- augmentation -----------------------------------------------------------------------------------------------

_BULLET = re.compile(r"^(\s*)(?:[*\-+•·▪◦]|\d{1,3}[.)])\s+(?=\S)")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_BULLETS = ("*", "-", "•", "+", "1.")


def augment(text: str, rng: random.Random) -> str:
    """`text` as another scraper might have written it: its hard-wrapped lines joined and re-wrapped at a random
    width (or left as they are), bullets of one other kind, none, one or two blank lines between blocks, another
    indentation, and Markdown taken out, left, or put on short lines. Only the layout changes: the words are the
    page's, in its order. Same text and same random state, same result."""
    wrap = rng.choice((None, rng.randint(60, 100)))
    bullet = rng.choice(_BULLETS)
    blanks = rng.choice((0, 1, 1, 2))
    indent = rng.choice(("strip", "keep", "keep", "  ", "   ", "    "))
    markdown = rng.choice(("strip", "keep", "keep", "add"))
    out: list[str] = []
    number = 0
    for block in _blocks(text):
        if block is None:
            if out and out[-1] != "":
                out.append("")
            number = 0
            continue
        line = block
        if markdown == "strip":
            line = _MD_STRONG.sub(r"\2", _MD_LINK.sub(r"\1", _HEADING.sub("", line)))
        found = _BULLET.match(line)
        lead, hang = "", ""
        if found:
            number = number + 1 if bullet == "1." else 0
            marker = f"{number}." if bullet == "1." else bullet
            lead, line = f"{found.group(1)}{marker} ", line[found.end() :]
            hang = " " * len(lead)
        elif markdown == "add" and _heading_like(line) and rng.random() < 0.5:
            stripped = line.lstrip()
            line = line[: len(line) - len(stripped)] + "#" * rng.randint(1, 3) + " " + stripped
        margin = "" if indent == "strip" else (indent if indent != "keep" else "")
        if indent == "strip":
            lead = lead.lstrip()
            line = line.lstrip()
        if wrap and len(lead) + len(line) > wrap:
            width = max(20, wrap - len(margin) - len(lead))
            first, *rest = textwrap.wrap(line.strip(), width, break_long_words=False, break_on_hyphens=False) or [""]
            out.append(f"{margin}{lead}{first}")
            out.extend(f"{margin}{hang}{more}" for more in rest)
        else:
            out.append(f"{margin}{lead}{line}")
    return _separate(out, blanks)


def _heading_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 8 and not line.rstrip().endswith((".", ":", ",", ";")) and not _HEADING.match(line)


def _blocks(text: str) -> list[str | None]:
    """The text's lines with hard-wrapped ones joined (None for a blank line): in a text whose long lines stop at
    one width, a line that reaches near that width goes on in the next one unless that one starts a list item."""
    lines = [line.rstrip() for line in text.splitlines()]
    longest = sorted((len(line) for line in lines if line), reverse=True)
    width = longest[len(longest) // 20] if longest else 0  # the 95th percentile: a few long URLs do not count
    wrapped = 40 <= width <= 100 and sum(len(line) >= width - 15 for line in lines) >= 3
    blocks: list[str | None] = []
    joining = False
    for line in lines:
        if not line.strip():
            blocks.append(None)
            joining = False
            continue
        if joining and blocks and blocks[-1] is not None and not _BULLET.match(line):
            blocks[-1] = f"{blocks[-1]} {line.strip()}"
        else:
            blocks.append(line)
        joining = wrapped and len(line) >= width - 15
    return blocks


def _separate(lines: list[str], blanks: int) -> str:
    """The lines with every run of blank lines made `blanks` long (0: none at all)."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line)
        elif out and out[-1].strip():
            out.extend([""] * blanks)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + "\n" if out else ""
