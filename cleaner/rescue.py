"""Never an empty body where the page has an article (the `rescue` pass).

When the passes before it leave no article paragraph in the body (nothing, or only furniture-sized lines), the
article is looked for again, in this order, and the first place that gives one is kept:

1. the JSON-LD `articleBody` the page declares: the blocks whose words it holds;
2. the page's headline and the paragraphs under it, up to the first comment, teaser or footer line;
3. the densest text: the element holding the most paragraph words (HTML), the longest run of paragraphs (text).

Only blocks that the model or the passes dropped come back: a line a rule named precisely (a cookie banner, a
newsletter box) stays out, and so do the headline, byline and date lines. An error page is left as it is. Each block
brought back carries its source in `detail` ("rescued: articleBody"), which `--explain` shows.
"""

from __future__ import annotations

import re

from .lines import normal_words, paragraph_like
from .meta.ld import page_articles, text_of
from .page import Block, Page
from .reasons import (
    BOILERPLATE_MARKUP,
    COMMENT_FORM,
    COMMENT_THREAD,
    CONTEXT,
    ERROR_PAGE,
    FOOTER,
    HEADLINE,
    MODEL,
    PAGE_CHROME,
    PLUGIN_WIDGET,
    POST_NAVIGATION,
    RESCUED,
    SITE_TEMPLATE,
    TEASER_LABEL,
    TEASER_LIST,
)

# Reasons that judged a block by where it stands or how it is marked up, not by its words: such a block may be the
# article the other passes missed.
SOFT = frozenset({MODEL, CONTEXT, PAGE_CHROME, BOILERPLATE_MARKUP, PLUGIN_WIDGET, SITE_TEMPLATE})
# Lines that end an article: below them are the readers, the other stories, the site's footer.
ENDS = frozenset({COMMENT_THREAD, COMMENT_FORM, TEASER_LABEL, TEASER_LIST, FOOTER, POST_NAVIGATION})
MIN_WORDS = 25  # what a look again must find to count as an article
HEADLINE_WORDS = 5  # ... or, under the page's own headline, a line of text
SHORT_WORDS = 3
LINKED = 0.5  # a body made only of link text is furniture (a short note of plain lines is kept as it is)
_READERS = re.compile(r"comment|respond|reply|discussion|disqus|forum", re.I)  # class words of readers' posts
BODY_WORDS = 20  # a declared articleBody shorter than this is a summary
AFTER_HEADLINE = 80  # blocks under the headline to look through
_END = re.compile(r"[.!?…][\"'”’»)]*$")


def _words(text: str) -> int:
    return len(text.split())


def _paragraph(block: Block) -> bool:
    return paragraph_like(_words(block.text), bool(_END.search(block.text)))


def _candidate(block: Block) -> bool:
    """A block the passes dropped for where it stands, not for what it says."""
    return not block.keep and block.reason in SOFT


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = normal_words(text).split()
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))} if words else set()


def _from_article_body(page: Page) -> list[int]:
    declared = [text_of(obj.get("articleBody")) for obj in page_articles(page)] if page.mode == "html" else []
    body = max((b for b in declared if b), key=len, default=None)
    if body is None or _words(body) < BODY_WORDS:
        return []
    grams = _trigrams(body)
    found = []
    for i, block in enumerate(page.blocks):
        if not _candidate(block) or _words(block.text) < 3:
            continue
        own = _trigrams(block.text)
        if own and len(own & grams) >= 0.6 * len(own):
            found.append(i)
    return found


def _after_headline(page: Page) -> list[int]:
    blocks = page.blocks
    heads = page.found.roles.get(HEADLINE) if page.found is not None else None
    if not heads:
        return []
    h = min(heads)
    level = blocks[h].heading
    found = []
    for k in range(h + 1, min(len(blocks), h + 1 + AFTER_HEADLINE)):
        block = blocks[k]
        if block.reason in ENDS or level and 0 < block.heading <= level or _READERS.search(block.path):
            break
        if _candidate(block) and _words(block.text) >= SHORT_WORDS and block.link_density < LINKED:
            found.append(k)
    paragraphs = [k for k in found if _paragraph(blocks[k])]
    return paragraphs or found  # a photo post's one line of text is its article


def _densest(page: Page) -> list[int]:
    blocks = page.blocks
    candidates = [i for i, b in enumerate(blocks) if _candidate(b) and _paragraph(b) and not _READERS.search(b.path)]
    if not candidates:
        return []
    groups: dict[object, list[int]] = {}
    if page.mode == "html":
        for i in candidates:
            parent = blocks[i].ancestry[-2] if len(blocks[i].ancestry) >= 2 else None
            groups.setdefault(parent, []).append(i)
    else:  # runs of paragraphs, one or two other lines between them allowed
        run: list[int] = []
        for i in candidates:
            if run and i - run[-1] > 3:
                groups[run[0]] = run
                run = []
            run.append(i)
        groups[run[0]] = run
    return max(groups.values(), key=lambda g: sum(_words(blocks[i].text) for i in g))


SOURCES = (("articleBody", _from_article_body), ("under the headline", _after_headline), ("densest text", _densest))


def rescue(page: Page) -> None:
    """The `rescue` pass (module docstring)."""
    blocks = page.blocks
    kept = [b for b in blocks if b.keep]
    if not blocks or kept and not all(b.link_density >= LINKED for b in kept):
        return
    if any(b.reason == ERROR_PAGE for b in blocks):
        return
    for source, look in SOURCES:
        found = look(page)
        if sum(_words(blocks[i].text) for i in found) >= (HEADLINE_WORDS if look is _after_headline else MIN_WORDS):
            for i in found:
                block = blocks[i]
                block.keep, block.detail = True, f"{RESCUED}: {source} (was {block.reason})"
                block.reason = None
            return
