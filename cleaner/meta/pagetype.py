"""What kind of page this is: an `article`, a `listing` (a section front, a tag, search or home page: links to
articles), an `error` page ("Page not found"), or `other` (a product, a forum thread, documentation, a service's
page).

An error page is told by its error lines (the `error_page` rule) with little else on the page. The others are told
by a small learned model (`cleaner/model/pagetype.json`, two boosted-tree ensembles: article or not, then listing or
other) from what the page declares (its JSON-LD types, og:type, a publication date), its address (a dated or
slugged path, /tag/, /product/, /docs/), and what the cleaning left (the article's share of the page's text, how
much of it is prose, links, list items, table cells or code). `cleaner train --mode page-type` rebuilds it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .. import reasons
from ..page import CELL, ITEM, PRE, Page
from ..record import ARTICLE, ERROR_PAGE, LISTING, OTHER
from . import ld

if TYPE_CHECKING:
    from . import Metadata

ERROR_WORDS = 120  # an error page says little else: a longer body is an article that mentions a 404
PROSE_WORDS = 20
_PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|\$|EUR|USD|GBP)\b)")
_CART = re.compile(
    r"\b(?:add to (?:cart|basket|bag)|buy now|in den warenkorb|ajouter au panier|añadir al carrito)\b", re.I
)
_URL_DATE = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d)(?:/|$)|/(?:19|20)\d\d[-/][01]\d[-/][0-3]\d|\d{8}")
_URL_WORDS = {
    "url_article": re.compile(r"/(?:article|articles|story|stories|news|post|posts|blog|blogs|\d{4})/", re.I),
    "url_listing": re.compile(
        r"/(?:tag|tags|category|categories|topic|topics|section|search|archive|archives|page/\d+|author)(?:/|$)|"
        r"[?&](?:s|q|page|query|search)=",
        re.I,
    ),
    "url_product": re.compile(r"/(?:product|products|shop|store|p|item|dp|buy|pricing|plans)(?:/|$|-)", re.I),
    "url_docs": re.compile(
        r"/(?:docs?|documentation|manual|reference|api|guide|guides|wiki|help|kb|faq)(?:/|$|\.)", re.I
    ),
    "url_forum": re.compile(r"/(?:forum|forums|thread|threads|t|topic|questions|discussion|community|r)(?:/|$)", re.I),
    "url_service": re.compile(
        r"/(?:services?|solutions?|what-we-do|consulting|agency|industries|capabilities)(?:/|$|-)", re.I
    ),
}
# What a page's title says it is.
_TITLE_WORDS = {
    "title_service": re.compile(
        r"\b(?:services?|solutions?|consult(?:ing|ants?)|agency|company|companies|experts?|specialists?|hire)\b", re.I
    ),
    "title_shop": re.compile(r"\b(?:shop|store|buy|sale|price|prices|pricing|order|rent|rental|deals?|cart)\b", re.I),
    "title_forum": re.compile(r"\b(?:forum|forums|thread|community|discussion|reddit|r/\w+|question|answers?)\b", re.I),
    "title_docs": re.compile(r"\b(?:docs|documentation|reference|api|manual|glossary|wiki|readme|changelog)\b", re.I),
    "title_howto": re.compile(
        r"^\d+\b|\b(?:how to|what is|what are|why|guide|tips|ways|best|review|vs\.?|explained)\b", re.I
    ),
    "title_home": re.compile(r"^\s*(?:home|homepage|welcome|startseite|accueil|inicio)\b", re.I),
}
LD_KINDS = {
    "ld_article": ld.ARTICLE_TYPES,
    "ld_product": frozenset(("product", "offer", "aggregateoffer", "productgroup", "softwareapplication")),
    "ld_listing": frozenset(("collectionpage", "itemlist", "searchresultspage", "blog", "profilepage")),
    "ld_forum": frozenset(("discussionforumposting", "qapage", "question", "answer", "comment")),
    "ld_faq": frozenset(("faqpage", "howto", "techarticle", "apireference")),
    "ld_organization": frozenset(("organization", "localbusiness", "service", "corporation", "event")),
    "ld_webpage": frozenset(("webpage", "aboutpage", "contactpage", "itempage")),
}
OG_TYPES = ("article", "website", "product", "blog", "profile")
# Words that say who writes to whom and about what, counted over the kept text: a company about itself ("we",
# "our services"), a shop, a forum, documentation, a news report ("said", "according to").
LEXICONS = {
    "words_we": "we our us ours",
    "words_i": "i my me mine",
    "words_you": "you your yours",
    "words_shop": "price prices cart shipping stock buy order checkout delivery warranty sku discount sale reviews "
    "rating ratings",
    "words_forum": "reply replies posted joined posts thread quote member members moderator thanks upvote",
    "words_docs": "example examples parameter parameters returns syntax function argument arguments default "
    "configuration install command api method class string value values",
    "words_service": "contact consultation quote services clients team experts solutions call free schedule request "
    "experience trusted certified professional",
    "words_news": "said says according reported told announced monday tuesday wednesday thursday friday saturday "
    "sunday yesterday officials percent",
}
# Short lines that are a forum's or a social site's buttons, and a company's calls to action.
_ACTION = re.compile(
    r"^\W*(?:reply|replies|share|report|quote|like|likes|upvote|downvote|vote|award|permalink|save|follow|"
    r"\d+ (?:points?|votes?|replies|comments?|likes?)|posts?: \d+|joined:?.{0,20})\W*$",
    re.I,
)
_CALL = re.compile(
    r"^\W*(?:contact us|get (?:a|your) (?:free )?(?:quote|estimate|consultation)|book (?:now|a call|a demo|online)|"
    r"request (?:a )?(?:demo|quote|consultation|call)|get started|learn more|schedule (?:a )?\w+|call (?:us|now)|"
    r"sign up|start (?:your |a )?free trial|try (?:it )?(?:for )?free|talk to (?:us|an expert|sales)|"
    r"buy now|shop now|add to (?:cart|basket))\W*$",
    re.I,
)
_LEXICON = {word: name for name, words in LEXICONS.items() for word in words.split()}
_WORD = re.compile(r"[^\W\d_]+")

FEATURES = (
    *LD_KINDS,
    *(f"og_{kind}" for kind in OG_TYPES),
    "og_none",
    "meta_published",
    "has_date",
    "has_byline",
    "has_headline",
    "headline_in_title",
    "title_question",
    *_TITLE_WORDS,
    "has_url",
    "url_depth",
    "url_slug_words",
    "url_dated",
    "url_root",
    "url_trailing_slash",
    "url_html",
    *_URL_WORDS,
    "blocks",
    "kept_blocks",
    "kept_words",
    "kept_share",
    "prose_share",
    "prose_blocks",
    "mean_kept_words",
    "heading_share",
    "item_share",
    "cell_share",
    "pre_share",
    "page_link_density",
    "kept_link_density",
    "link_blocks_share",
    "linked_headings",
    "teaser_drops",
    "comment_drops",
    "prices",
    "cart",
    "times",
    "authors",
    "author_names",
    "h1s",
    "first_prose",
    "images",
    "error_lines",
    "in_content_share",
    "comment_path_share",
    "action_lines",
    "call_lines",
    "time_values",
    *LEXICONS,
    "past_share",
    "sentence_words",
)


def features(page: Page, found: Metadata | None) -> dict[str, float]:
    """The page's features for the page-type model (FEATURES names them)."""
    f: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    kinds = set()
    for obj in ld.iter_objects(page.declared.json_ld):
        kinds |= ld.types(obj)
    for name, types in LD_KINDS.items():
        f[name] = float(bool(kinds & types))
    og = (page.declared.meta.get("og:type") or [""])[0].lower()
    for kind in OG_TYPES:
        f[f"og_{kind}"] = float(og.startswith(kind))
    f["og_none"] = float(not og)
    f["meta_published"] = float(any(k in page.declared.meta for k in ("article:published_time", "datepublished")))
    if found is not None:
        f["has_date"] = float(found.date is not None)
        f["has_byline"] = float(bool(found.byline))
        f["has_headline"] = float(found.headline is not None)
        f["headline_in_title"] = float(bool(found.headline and page.title and found.headline in page.title))
    title = page.title or (found.headline if found is not None else None) or ""
    f["title_question"] = float(title.rstrip().endswith("?"))
    for name, pattern in _TITLE_WORDS.items():
        f[name] = float(bool(pattern.search(title)))
    _url_features(f, page.url or page.declared.canonical or "")
    _block_features(f, page)
    _word_features(f, page)
    f["times"] = float(len(page.declared.times))
    f["authors"] = float(len(page.declared.authors))
    f["time_values"] = float(len({mark["datetime"] or mark["text"] for mark in page.declared.times}))
    f["author_names"] = float(len({mark["text"].lower() for mark in page.declared.authors if mark["text"]}))
    f["images"] = float(len(page.declared.images))
    return f


def _url_features(f: dict[str, float], url: str) -> None:
    """What the address says; nothing when there is none (a text file, a dump without URLs)."""
    if not url:
        return
    f["has_url"] = 1.0
    try:
        parts = urlsplit(url)
    except ValueError:
        return
    path = parts.path or "/"
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    f["url_depth"] = float(len(segments))
    f["url_slug_words"] = float(len(re.findall(r"[^\W_]+", last.rsplit(".", 1)[0])))
    f["url_dated"] = float(bool(_URL_DATE.search(path)))
    f["url_root"] = float(not segments)
    f["url_trailing_slash"] = float(path.endswith("/"))
    f["url_html"] = float(last.endswith((".html", ".htm", ".php", ".aspx")))
    target = path + ("?" + parts.query if parts.query else "")
    for name, pattern in _URL_WORDS.items():
        f[name] = float(bool(pattern.search(target)))


def _block_features(f: dict[str, float], page: Page) -> None:
    blocks = page.blocks
    total_chars = link_chars = kept_chars = kept_link = 0
    kept = prose = headings = items = cells = pres = link_blocks = linked_headings = 0
    kept_words = prose_words = teasers = comments = errors = prices = h1s = 0
    first_prose = -1
    in_content = actions = calls = commented = 0
    cart = False
    for block in blocks:
        n = len(block.text)
        total_chars += n
        link_chars += block.link_chars
        if block.link_density >= 0.6:
            link_blocks += 1
            if block.heading:
                linked_headings += 1
        reason = block.reason
        if reason in (reasons.TEASER_LIST, reasons.TEASER_LABEL, reasons.INLINE_TEASER, reasons.LINK_LIST):
            teasers += 1
        elif reason == reasons.COMMENT_THREAD:
            comments += 1
        elif reason == reasons.ERROR_PAGE:
            errors += 1
        if n < 40 and ("$" in block.text or "€" in block.text or "£" in block.text) and _PRICE.search(block.text):
            prices += 1
        if n < 40:
            if not cart and _CART.search(block.text):
                cart = True
            if n < 30 and _ACTION.match(block.text):
                actions += 1
            elif _CALL.match(block.text):
                calls += 1
        if "comment" in block.path:
            commented += 1
        h1s += block.heading == 1
        if not block.keep:
            continue
        words = len(block.text.split())
        kept += 1
        in_content += block.in_content
        kept_chars += n
        kept_link += block.link_chars
        kept_words += words
        if words >= PROSE_WORDS and block.kind not in (ITEM, CELL) and block.link_density < 0.3:
            prose += 1
            prose_words += words
            if first_prose < 0:
                first_prose = block.index
        headings += bool(block.heading)
        items += block.kind == ITEM
        cells += block.kind == CELL
        pres += block.kind == PRE
    f["blocks"] = float(len(blocks))
    f["kept_blocks"] = float(kept)
    f["kept_words"] = float(kept_words)
    f["kept_share"] = kept_chars / total_chars if total_chars else 0.0
    f["prose_share"] = prose_words / kept_words if kept_words else 0.0
    f["prose_blocks"] = float(prose)
    f["mean_kept_words"] = kept_words / kept if kept else 0.0
    for name, count in (("heading_share", headings), ("item_share", items), ("cell_share", cells)):
        f[name] = count / kept if kept else 0.0
    f["pre_share"] = pres / kept if kept else 0.0
    f["page_link_density"] = link_chars / total_chars if total_chars else 0.0
    f["kept_link_density"] = kept_link / kept_chars if kept_chars else 0.0
    f["link_blocks_share"] = link_blocks / len(blocks) if blocks else 0.0
    f["linked_headings"] = float(linked_headings)
    f["teaser_drops"] = teasers / len(blocks) if blocks else 0.0
    f["comment_drops"] = float(comments)
    f["prices"] = float(prices)
    f["cart"] = float(cart)
    f["error_lines"] = float(errors)
    f["h1s"] = float(h1s)
    f["in_content_share"] = in_content / kept if kept else 0.0
    f["comment_path_share"] = commented / len(blocks) if blocks else 0.0
    f["action_lines"] = float(actions)
    f["call_lines"] = float(calls)
    f["first_prose"] = first_prose / len(blocks) if first_prose >= 0 else 1.0


def _word_features(f: dict[str, float], page: Page) -> None:
    """Each lexicon's share of the kept words, the share of words in -ed, and words per sentence."""
    kept = [block.text for block in page.blocks if block.keep]
    sentences = sum(1 + text.count(". ") + text.count("? ") + text.count("! ") for text in kept)
    counts = dict.fromkeys(LEXICONS, 0)
    words = past = 0
    for word, n in Counter(_WORD.findall("\n".join(kept).lower())).items():  # each distinct word once
        words += n
        name = _LEXICON.get(word)
        if name is not None:
            counts[name] += n
        elif len(word) > 4 and word.endswith("ed"):
            past += n
    for name, count in counts.items():
        f[name] = count / words if words else 0.0
    f["past_share"] = past / words if words else 0.0
    f["sentence_words"] = words / sentences if sentences else 0.0


def is_error_page(page: Page, f: dict[str, float]) -> bool:
    """Error lines ("Page not found", "The page you requested does not exist") and little else: a short body."""
    return f["error_lines"] > 0 and f["kept_words"] <= ERROR_WORDS and not f["ld_article"]


def page_type(page: Page, found: Metadata | None) -> tuple[str, str]:
    """The page's type and what decided it (for `sources`)."""
    f = features(page, found)
    if is_error_page(page, f):
        return ERROR_PAGE, reasons.ERROR_PAGE
    from ..model.pagetype import page_type_model

    model = page_type_model()
    if model.is_article(page.mode, f):
        return ARTICLE, "model"
    return (LISTING if model.is_listing(page.mode, f) else OTHER), "model"
