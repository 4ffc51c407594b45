"""Deep nesting flattened before the HTML is parsed: opening tags past `MAX_DEPTH` levels (and their closing
tags) are cut out, so their content becomes the siblings' of the deepest element kept, as browsers do.

Why before parsing: lexbor, like the HTML standard's tree builder, looks through the stack of open elements
at each start tag, so 100,000 nested <div>s cost 5 billion steps inside one C call that no time limit can
interrupt; and every block carries its ancestors, so depth multiplies the cost of every block below it.

The scan is one pass over the markup with searches that stop at their first match (never backtrack), and it
keeps a stack of open elements that closes as the standard does: a closing tag pops everything opened after
its element, a new <a> closes the open one, void elements and elements closed by their next sibling (<p>,
<li>, <td>, ...) never stack. Comments, raw text (<script>, <style>, ...) and bogus comments are skipped as the
tokenizer skips them. Where it cannot tell, it errs towards a deeper estimate: a page cut here at worst loses
some tags of elements nested past `MAX_DEPTH`, never their text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..limits import MAX_DEPTH, MAX_ELEMENTS, too_many_elements
from .treework import FORMATTING, Attributes, Formatting, needs_scan

VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen frame basefont bgsound image".split()
)
SIBLING_CLOSED = frozenset(
    "p li dt dd option optgroup tr td th rb rt rp rtc tbody thead tfoot colgroup caption html head body".split()
)
RAW_TEXT = {name: re.compile(rf"</{name}", re.I) for name in "script style textarea title xmp iframe noembed".split()}
FOREIGN = ("svg", "math")  # only inside these does "<x/>" close itself; elsewhere the slash is ignored
# Elements the parser opens on its own inside these ones: a <table>'s cell sits three levels down.
WEIGHT = {"table": 4, "ul": 2, "ol": 2, "dl": 2, "menu": 2}
# The parser's work per start tag grows with the depth it is opened at (up to the square of the tag count in
# all): 10,000 tags nested in one another take 0.13 s; 8,192 tags, 0.08 s (measured, lexbor in selectolax 1.0).
PARSE_UNCHECKED_TAGS = 10_000
_MARKUP = re.compile(r"<(?:(/?)([A-Za-z][^\s/>]*)|!|\?)")
_COMMENT_END = re.compile(r"--!?>")
# The rest of a tag up to its ">": a ">" inside a quoted attribute value does not end it.
_TAG_REST = re.compile(r"""[^>"'=]*(?:(?:=[\t\n\f\r ]*(?:"[^"]*"|'[^']*')|[="'])[^>"'=]*)*""")
# Elements after which the adoption agency (a formatting element's end tag with one of these inside it) leaves
# the nesting as deep as it was: it moves a copy of the formatting element inside them instead of closing them.
SPECIAL = frozenset(
    "address applet article aside blockquote button center details dialog dir div dl fieldset figcaption figure "
    "footer form frameset h1 h2 h3 h4 h5 h6 header hgroup iframe listing main marquee menu nav noembed noframes "
    "noscript object ol plaintext pre script search section select style summary table template textarea title "
    "ul xmp".split()
)


class _Stack:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.counts: Counter[str] = Counter()
        self.depth = 0

    def push(self, name: str) -> None:
        self.names.append(name)
        self.counts[name] += 1
        self.depth += WEIGHT.get(name, 1)

    def pop_through(self, name: str) -> None:
        """Close `name` and everything opened inside it (each element is popped once: linear overall)."""
        while self.names:
            top = self.names.pop()
            self.counts[top] -= 1
            self.depth -= WEIGHT.get(top, 1)
            if top == name:
                return

    def close_formatting(self, name: str) -> None:
        """A formatting element's end tag, or a new <a> while one is open: closed with what it holds, unless a
        block opened inside it is still open (the adoption agency keeps that one open, a copy of the formatting
        element inside it: as deep as before, and `<a><div>x` repeated nests ever deeper)."""
        at = len(self.names) - 1 - self.names[::-1].index(name)
        if not any(inner in SPECIAL for inner in self.names[at + 1 :]):
            self.pop_through(name)


def flatten(html: str, max_depth: int = MAX_DEPTH, max_elements: int = MAX_ELEMENTS) -> str:
    """`html` with the tags of elements nested deeper than `max_depth` removed (unchanged when none are).
    Raises PageTooLarge past `max_elements` elements (start tags, and the copies of formatting elements the
    parser will make) or past the attribute work treework.py allows, before the parser builds any of them.

    Pages with few tags and nothing that treework.py's cheap test finds are passed as they are, unscanned: the
    parser's cost is at most the square of their tag count, a fraction of a second below `PARSE_UNCHECKED_TAGS`
    (and 98% of real pages are below it).
    """
    tags = html.count("<")
    if tags <= PARSE_UNCHECKED_TAGS and not needs_scan(html, tags):
        return html
    stack = _Stack()
    formatting = Formatting()
    attributes = Attributes()
    elements = 0
    dropped: Counter[str] = Counter()  # opening tags cut, by name, whose closing tags are still to cut
    cuts: list[tuple[int, int]] = []
    pos = 0
    while match := _MARKUP.search(html, pos):
        start = match.start()
        name = match.group(2)
        if name is None:  # <!-- comment -->, <!doctype>, <?xml?>, <![CDATA[...]]>
            if html.startswith("<!--", start):
                if html.startswith(("<!-->", "<!--->"), start):
                    pos = html.index(">", start + 4) + 1
                    continue
                end_match = _COMMENT_END.search(html, start + 4)
                if end_match is None:
                    break  # the rest of the page is a comment
                pos = end_match.end()
                continue
            end = html.find(">", start + 2)
            if end < 0:
                break
            pos = end + 1
            continue
        end = _TAG_REST.match(html, match.end()).end()
        if end >= len(html):
            break  # an unfinished tag at the end of the page: the parser drops it
        pos = end + 1
        name = name.lower()
        if match.group(1):
            if dropped[name]:
                dropped[name] -= 1
                cuts.append((start, pos))
                continue
            if name in FORMATTING:
                formatting.end(name)
                if stack.counts[name]:
                    stack.close_formatting(name)
            elif stack.counts[name]:
                stack.pop_through(name)
            formatting.closing()
            if elements + formatting.copies > max_elements:
                raise too_many_elements(max_elements, formatting.copies)
            continue
        attributes.tag(html, match.end(), end)
        if name in RAW_TEXT:
            closing = RAW_TEXT[name].search(html, pos)
            if closing is None:
                break
            pos = closing.start()
            continue
        if name == "plaintext":
            break
        elements += 1
        self_closed = html[end - 1] == "/" and any(stack.counts[f] for f in FOREIGN)
        if name in VOID or name in SIBLING_CLOSED or self_closed:
            formatting.start(name, "")  # a <p> or a cell may close elements (a cell starts a marker)
        else:
            if name in ("a", "nobr") and stack.counts[name]:
                stack.close_formatting(name)  # a new link closes the open one
            if stack.depth + WEIGHT.get(name, 1) > max_depth:
                dropped[name] += 1
                cuts.append((start, pos))
                continue
            formatting.start(name, html[match.end() : end])
            stack.push(name)
        if elements + formatting.copies > max_elements:
            raise too_many_elements(max_elements, formatting.copies)
    if not cuts:
        return html
    pieces = []
    kept_from = 0
    for start, end in cuts:
        pieces.append(html[kept_from:start])
        kept_from = end
    pieces.append(html[kept_from:])
    return "".join(pieces)
