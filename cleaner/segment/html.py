"""HTML to blocks with selectolax: one block per block-level element's own text, with its markup features,
plus the metadata candidates the page declares (title, meta tags, JSON-LD, <time>, author links, lang)."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

from ..fastre import finder
from ..limits import MAX_BLOCKS, MAX_DEPTH, MAX_TOKEN_CHARS, too_many_blocks
from ..page import CAPTION, CELL, HEADING, ITEM, PARAGRAPH, PRE, QUOTE, Block, Declared, Image, Link, Page
from .candidates import MARK_TAGS, Candidates, author_link, class_marks, json_ld, meta_tags
from .nesting import flatten
from .streamed import place_streamed

# MathML is read (its tokens are the equation's text), but not its annotations: the same formula again as TeX or
# as another markup.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe head select option textarea button input object embed canvas "
    "video audio map picture source track link meta title annotation annotation-xml".split()
)
MATH_TOKENS = frozenset(("mi", "mn", "mo", "ms", "mtext"))  # one token each: "a ≠ 0", not "a≠0"
BLOCK_TAGS = frozenset(
    "p div section article main header footer nav aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th "
    "thead tbody tfoot caption blockquote pre figure figcaption form fieldset address details summary hr br "
    "center body html dialog menu legend".split()
)
BODY_TAGS = ("article", "main")  # elements that hold the article body whatever their attributes
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# The kind an element gives the blocks inside it (the innermost such element decides; a heading is a heading).
KIND_OF = {"figcaption": CAPTION, "caption": CAPTION, "pre": PRE, "td": CELL, "th": CELL, "li": ITEM, "dd": ITEM,
           "dt": ITEM, "blockquote": QUOTE}  # fmt: skip
STRUCTURE_TAGS = frozenset((*KIND_OF, "img", "ul", "ol", "table", "tr", "figure"))  # what the walker notes about blocks
# ... and with `links`, the links: their texts cost about 1.5 % of a clean (docs/DECISIONS.md), paid only when asked.
WITH_LINKS = STRUCTURE_TAGS | {"a"}
MAX_IMAGES = 1000
CONTENT_CLASS = re.compile(
    r"^(?:entry-content|post-content|post-body|post-entry|article-body|article-content|article__body|articlebody|"
    r"article-text|story-body|story-content|story-text|content-body|main-content|maincontent|td-post-content|"
    r"field-body|body-text|text-body|article__content|c-entry-content|l-article-body|page-content|single-content|"
    r"blog-post-body|entry-body|news-content|article-main|main-article)$",
    re.I,
)
HIDDEN_CLASS = re.compile(r"^(?:hidden|sr-only|visually-hidden|screen-reader-text|visuallyhidden|d-none)$", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACES = re.compile(r"\s+")
_is_hidden_class, _is_content_class = finder(HIDDEN_CLASS, "match"), finder(CONTENT_CLASS, "match")
MAX_CLASSES = 4


@lru_cache(maxsize=4096)
def _element(tag: str, class_attr: str, id_attr: str) -> tuple[str, bool, bool, bool]:
    """What an element's tag, class and id say, worked out once per distinct triple (pages repeat them): its
    "tag.class#id" token, whether its class hides it, whether they mark the article body (an itemprop or role
    may also mark it: `_marks_body`), and whether its class marks an author or a title."""
    return (
        _token(tag, class_attr, id_attr),
        _hidden_class(class_attr),
        tag in BODY_TAGS or _content_class(class_attr) or bool(id_attr and _is_content_class(id_attr)),
        any(class_marks(class_attr)),
    )


@lru_cache(maxsize=4096)
def _token(tag: str, class_attr: str, id_attr: str) -> str:
    token = tag
    classes = class_attr.split()[:MAX_CLASSES]
    if classes:
        token += "." + ".".join(classes)
    if id_attr:
        token += "#" + id_attr.replace(" ", "")
    return token[:MAX_TOKEN_CHARS]


def _hidden(attrs: dict) -> bool:
    """Whether an element's attributes other than its class hide it (`_element` reads the class)."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


# Pages repeat their class attributes: their verdicts are cached.
@lru_cache(maxsize=4096)
def _hidden_class(class_attr: str) -> bool:
    return any(map(_is_hidden_class, class_attr.split()))


@lru_cache(maxsize=4096)
def _content_class(class_attr: str) -> bool:
    return any(map(_is_content_class, class_attr.split()))


def _marks_body(attrs: dict) -> bool:
    """Whether an element's itemprop or role says it holds the article body (`_element` reads its tag, class and
    id)."""
    return attrs.get("itemprop") == "articleBody" or attrs.get("role") == "main"


def _template_twin(noscript) -> bool:
    """Whether a <noscript> follows a <script type="text/template"> (Blogger's posts): the script holds the
    content as escaped markup for the page's code to render, the <noscript> the same content as markup."""
    node = noscript.prev
    while node is not None and node.tag == "-text" and not (node.text_content or "").strip():
        node = node.prev
    return node is not None and node.tag == "script" and (node.attributes.get("type") or "") == "text/template"


class _Walker:
    """Depth-first walk without recursion (pages nest deeper than Python's stack allows)."""

    def __init__(self, skip: frozenset[str] = SKIP_TAGS, links: bool = False) -> None:
        self.skip = skip
        self.structure_tags = WITH_LINKS if links else STRUCTURE_TAGS
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.link_chars = 0
        self.ancestors: list[str] = []
        self.ids: list[int] = []
        self.next_id = 0
        self.node_tokens: dict[int, str] = {}  # element id -> "tag.class#id", for container features
        self.block_tags: list[str] = []
        self.container_at: int | None = None  # index in ancestors of the outermost content container
        self.links = 0
        self.candidates = Candidates()  # metadata marks: <time>, authors, titles
        # What the blocks are (page.py): the kind each open structural element gives its blocks (innermost last)
        # and that element's id, the open lists' ids, each open table's current row and column and its id, the
        # open figures' ids, the <br>s since the last block, the open links (address, where their text starts in
        # the buffer), the links ended since the last block, and the images seen.
        self.kinds: list[str] = []
        self.units: list[int] = []
        self.lists = 0
        self.list_ids: list[int] = []
        self.tables: list[list[int]] = []
        self.figures: list[int] = []
        self.breaks = 0
        self.anchors: list[tuple[str, int]] = []
        self.ended_links: list[Link] = []
        self.images: list[Image] = []

    def flush(self) -> None:
        if not self.buffer:
            return
        raw = "".join(self.buffer) if self.kinds and self.kinds[-1] == PRE else None
        text = " ".join("".join(self.buffer).split())  # runs of whitespace as one space (split's = \s's set)
        link_chars = self.link_chars
        self.buffer.clear()
        self.link_chars = 0
        if self.anchors:  # an open link's text goes on in the next block
            self.anchors = [(href, 0) for href, _ in self.anchors]
        links = ()
        if self.ended_links:
            links, self.ended_links = tuple(self.ended_links), []
        if not text:
            return
        if len(self.blocks) >= MAX_BLOCKS:
            raise too_many_blocks("blocks")
        tag = self.block_tags[-1] if self.block_tags else "body"
        start = self.container_at if self.container_at is not None else 0
        kind = HEADING if tag in HEADINGS else self.kinds[-1] if self.kinds else PARAGRAPH
        row, col, group = self.tables[-1] if kind == CELL and self.tables else (-1, -1, -1)
        if kind == ITEM and self.list_ids:
            group = self.list_ids[-1]
        self.blocks.append(
            Block(
                text=text,
                index=len(self.blocks),
                kind=kind,
                tag=tag,
                path=" ".join(self.ancestors[start:]),
                in_content=self.container_at is not None,
                heading=HEADINGS.get(tag, 0),
                depth=self.lists,
                row=row,
                col=col,
                link_chars=min(link_chars, len(text)),
                links=links,
                list_item="li" in self.block_tags,
                ancestry=tuple(self.ids),
                unit=self.units[-1] if self.units else -1,
                group=group,
                line_break=self.breaks == 1,
                raw=raw,
            )
        )
        self.breaks = 0

    def enter_structure(self, tag: str, attrs) -> None:
        """Note what an element says about the blocks inside it: their kind, their list depth, where a table row
        or cell starts, a link's address, an image."""
        kind = KIND_OF.get(tag)
        if kind is not None:
            self.kinds.append(kind)
            self.units.append(self.next_id)  # called before the element takes its id
        if tag == "a":
            self.anchors.append(((attrs.get("href") or "") if attrs else "", len(self.buffer)))
        elif tag == "ul" or tag == "ol":
            self.lists += 1
            self.list_ids.append(self.next_id)
        elif tag == "img":
            if attrs and len(self.images) < MAX_IMAGES:
                self.add_image(attrs)
        elif tag == "table":
            self.tables.append([-1, -1, self.next_id])
        elif tag == "figure":
            self.figures.append(self.next_id)
        elif self.tables and tag == "tr":
            self.tables[-1][0] += 1
            self.tables[-1][1] = -1
        elif self.tables and (tag == "td" or tag == "th"):
            self.tables[-1][1] += 1

    def add_image(self, attrs) -> None:
        src = image_source(attrs)
        if not src:
            return
        alt = " ".join((attrs.get("alt") or "").split())
        title = " ".join((attrs.get("title") or "").split())
        start = self.container_at if self.container_at is not None else 0
        figure = self.figures[-1] if self.figures else -1
        path = " ".join(self.ancestors[start:])
        self.images.append(Image(src, alt, len(self.blocks), "figure" in self.block_tags, figure, path, title))

    def leave_structure(self, tag: str) -> None:
        if tag in KIND_OF and self.kinds:
            self.kinds.pop()
            self.units.pop()
        if tag == "a" and self.anchors:
            href, start = self.anchors.pop()
            text = " ".join("".join(self.buffer[start:]).split())
            if href and text:
                self.ended_links.append(Link(text, href))
        elif (tag == "ul" or tag == "ol") and self.lists:
            self.lists -= 1
            self.list_ids.pop()
        elif tag == "table" and self.tables:
            self.tables.pop()
        elif tag == "figure" and self.figures:
            self.figures.pop()

    def walk(self, root) -> None:
        # The stack holds a node's next sibling rather than all its children (a <body> of a million links would
        # hold them all), so it stays as deep as the page. Elements past MAX_DEPTH are walked for their text but
        # not entered: their text joins the deepest block, and no block carries more than MAX_DEPTH ancestors.
        # Entering and leaving an element are written out in the loop: it runs once per node of the page.
        # An entry is a node to enter, or the tag (a str) of an element to leave.
        stack: list[object] = [root]
        buffer, ancestors, ids, block_tags = self.buffer, self.ancestors, self.ids, self.block_tags
        node_tokens, candidates, skip = self.node_tokens, self.candidates, self.skip
        structure_tags = self.structure_tags
        while stack:
            node = stack.pop()
            if node.__class__ is str:  # leaving the element whose tag this is
                ancestors.pop()
                ids.pop()
                if self.container_at is not None and len(ancestors) <= self.container_at:
                    self.container_at = None
                if node == "a":
                    self.links -= 1
                if node in BLOCK_TAGS:
                    if buffer:
                        self.flush()
                    block_tags.pop()
                    if node != "br":
                        self.breaks = 0
                if node in structure_tags:  # after the block's text is out: it was inside
                    self.leave_structure(node)
                continue
            if node is not root and (sibling := node.next) is not None:
                stack.append(sibling)
            tag = node.tag
            if tag == "-text":
                text = node.text_content
                if text:
                    buffer.append(text)
                    if self.links:
                        self.link_chars += len(text.strip())
                continue
            if not tag or tag[0] == "-" or tag in skip and not (tag == "noscript" and _template_twin(node)):
                continue  # comments, doctype, processing instructions, and what a reader never sees
            attrs = node.attributes
            if attrs:
                get = attrs.get
                token, hidden_class, in_body, class_marks = _element(tag, get("class") or "", get("id") or "")
                if hidden_class or _hidden(attrs):
                    continue
                in_body = in_body or _marks_body(attrs)
                # What `Candidates.enter` may find a mark in (MARK_TAGS); other elements would pass it for nothing.
                marks = class_marks or bool(get("itemprop") or get("content"))
                marks = marks or tag in MARK_TAGS and (tag != "a" or author_link(attrs))
            else:  # an element without attributes marks nothing but a <time>
                token, in_body, marks = tag[:MAX_TOKEN_CHARS], tag in BODY_TAGS, tag == "time"
            if tag in MATH_TOKENS:
                buffer.append(" ")
            if len(ancestors) < MAX_DEPTH:
                if tag in BLOCK_TAGS:
                    if buffer:
                        self.flush()
                    block_tags.append(tag)
                    self.breaks = self.breaks + 1 if tag == "br" else 0
                if tag == "a":
                    self.links += 1
                if tag in structure_tags:
                    self.enter_structure(tag, attrs)
                if marks:
                    candidates.enter(node, tag, attrs, ancestors, len(self.blocks), self.container_at is not None)
                if in_body and self.container_at is None:
                    self.container_at = len(ancestors)
                ancestors.append(token)
                ids.append(self.next_id)
                node_tokens[self.next_id] = token
                self.next_id += 1
                stack.append(tag)
            if (child := node.child) is not None:
                stack.append(child)


_PLACEHOLDER = ("data:", "about:", "javascript:")


def image_source(attrs) -> str:
    """The address of an <img>: `src`, unless it is a placeholder a lazy-loading script replaces (a data: URI, a
    missing src), then `data-src` and its kin, else the first `srcset` entry."""
    src = (attrs.get("src") or "").strip()
    if src and not src.lower().startswith(_PLACEHOLDER):
        return src
    for key in ("data-src", "data-lazy-src", "data-original", "data-url"):
        value = (attrs.get(key) or "").strip()
        if value and not value.lower().startswith(_PLACEHOLDER):
            return value
    for key in ("srcset", "data-srcset"):
        first = (attrs.get(key) or "").strip().split(",")[0].split()
        if first and not first[0].lower().startswith(_PLACEHOLDER):
            return first[0]
    return ""


def _walk(root, skip: frozenset[str] = SKIP_TAGS, links: bool = False) -> _Walker:
    walker = _Walker(skip, links)
    if root is not None:
        walker.walk(root)
        walker.flush()
    return walker


def segment_html(html: str, url: str | None = None, links: bool = False) -> Page:
    """The page's blocks (with their inline links when `links`) and what it declares."""
    tree = LexborHTMLParser(flatten(html))
    place_streamed(tree, html)
    root = tree.body or tree.root
    walker = _walk(root, links=links)
    if not walker.blocks and root is not None and tree.css_first("noscript") is not None:
        walker = _walk(
            root, SKIP_TAGS - {"noscript"}, links
        )  # a page that shows its text only to browsers without scripts
    title_node = tree.css_first("title")
    html_node = tree.css_first("html")
    canonical = tree.css_first('link[rel="canonical"]')
    base = tree.css_first("base[href]")
    title = SPACES.sub(" ", title_node.text()).strip() if title_node else None
    declared = Declared(
        title=title or None,
        meta=meta_tags(tree),
        json_ld=json_ld(tree),
        times=walker.candidates.times,
        authors=walker.candidates.authors,
        titles=walker.candidates.titles,
        lang=html_node.attributes.get("lang") if html_node else None,
        canonical=canonical.attributes.get("href") if canonical else None,
        base=base.attributes.get("href") if base else None,
        elements=walker.node_tokens,
        images=walker.images,
    )
    return Page(blocks=walker.blocks, mode="html", url=url, declared=declared)
