"""HTML-only rules from the markup: navigation and page chrome elements, boilerplate class words, link lists.

`Block.path` lists the block's ancestors from the innermost content container down (see segment/html.py),
as `tag`, `tag.class` or `tag#id` tokens, so a share bar inside an article counts but the article's own
`class="has-sidebar"` wrapper does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import reasons
from . import rule

CHROME_TAGS = re.compile(r"(?:^|\s)(?:nav|aside|footer|form|button|menu|dialog)(?=[\s.#]|$)")
BOILERPLATE_WORDS = re.compile(
    r"[.#](?:[\w-]*[-_])?(?:nav|navbar|navigation|menu|menus|footer|sidebar|side-bar|breadcrumbs?|share|sharing|"
    r"social|socials|related|comments?|cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|advert|"
    r"adverts|advertisement|ads|ad|banner|promo|promotion|outbrain|taboola|popup|modal|widget|widgets|tags|"
    r"tagcloud|pagination|pager|skip|toolbar|masthead|topbar|login|paywall|recommended|recommendations|trending|"
    r"most-popular|mostpopular|popular|more-stories|teaser|teasers|byline-social|author-bio|bio|disclaimer|"
    r"copyright|legal|print|button|btn|icons?|hidden|sr-only|visually-hidden|screen-reader-text)(?:[-_][\w-]*)?(?=[\s.#]|$)",
    re.I,
)
SITE_HEADER = re.compile(r"(?:^|\s)header(?=[\s.#]|$)")

# Widgets that plugins and recommendation networks put on article pages, named by the plugin: Jetpack's and YARPP's
# related posts, AddToAny's and ShareThis' buttons, Outbrain's and Taboola's feeds. Unlike a class word such as
# "related" or "share" (which the model weighs with everything else), the name says what the block is.
PLUGIN_WIDGET = re.compile(
    r"[.#](?:jp-relatedposts|yarpp|crp_related|rp4wp|wp_rp|related-posts|relatedposts|sharedaddy|sd-sharing|addtoany|"
    r"a2a_kit|sharethis|shareaholic|swp_social|essb_links|heateor|outbrain|ob-widget|taboola|trc_related|zergnet|"
    r"revcontent)[\w-]*(?=[\s.#]|$)",
    re.I,
)


CHROME, HEADER, BOILERPLATE, ARTICLE, PLUGIN = 1, 2, 4, 8, 16


@lru_cache(maxsize=65536)
def _element(token: str) -> int:
    """What one path element says; elements recur on every block below them and across a site's pages."""
    return (
        (CHROME if CHROME_TAGS.match(token) else 0)
        | (HEADER if SITE_HEADER.match(token) else 0)
        | (BOILERPLATE if BOILERPLATE_WORDS.search(token) else 0)
        | (ARTICLE if token.startswith("article") else 0)
        | (PLUGIN if PLUGIN_WIDGET.search(token) else 0)
    )


@lru_cache(maxsize=16384)
def path_flags(path: str) -> int:
    flags = 0
    for token in path.split(" ") if path else ():
        flags |= _element(token)
    return flags


@rule(reasons.PAGE_CHROME, score=0.9, modes=("html",), max_chars=None, structural=True)
def page_chrome(page, i):
    """Inside <nav>, <aside>, <footer>, <form>, or a site <header> outside the article."""
    block = page.blocks[i]
    flags = path_flags(block.path)
    return bool(flags & CHROME) or (bool(flags & HEADER) and not block.heading and not flags & ARTICLE)


@rule(reasons.BOILERPLATE_MARKUP, score=0.8, modes=("html",), max_chars=None, structural=True)
def boilerplate_markup(page, i):
    """Inside an element whose class or id names furniture (nav, share, related, comments, cookie, ...)."""
    return bool(path_flags(page.blocks[i].path) & BOILERPLATE)


@rule(reasons.LINK_LIST, score=0.8, modes=("html",), max_chars=None, structural=True)
def link_list(page, i):
    """A block that is mostly link text and short: menu entries, teaser titles, tag lists."""
    block = page.blocks[i]
    return block.link_density >= 0.6 and len(block.text) < 200 or block.link_density >= 0.85


@rule(reasons.PLUGIN_WIDGET, score=0.9, modes=("html",), max_chars=None)
def plugin_widget(page, i):
    """Inside a related-posts, share or recommendation widget that its plugin's class names."""
    return bool(path_flags(page.blocks[i].path) & PLUGIN)
