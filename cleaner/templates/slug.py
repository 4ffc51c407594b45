"""A page's own title, told by its URL: the slug of ".../2013/03/08/read-comments-on-mobile-web/" spells the
title "Read comments on mobile Web". Other pages of the site list that title as a teaser, so on the site it
recurs; on the page it names it is the article's own."""

from __future__ import annotations

import re

from ..urls import url_path

TITLE_WORDS = 3  # a line this long whose words the slug spells is the page's own title
TITLE_SHARE = 0.8  # ... most of its words, that is (a slug drops some: "magazine’s" is "magazines")
STEM = 4  # letters two words must share at the start to match ("rafraîchir" against the slug's "rafra")
_TOKEN = re.compile(r"[^\W_]+")


def slug_words(url: str | None) -> frozenset[str]:
    """The words of the URL's path segment with the most words, numbers left out; empty for a short one."""
    path = url_path(url)
    words = max((_TOKEN.findall(segment.lower()) for segment in path.split("/")), key=len, default=[])
    return frozenset(w for w in words if not w.isdigit()) if len(words) >= TITLE_WORDS else frozenset()


def names_page(text: str, slug: frozenset[str]) -> bool:
    """The line is the title the slug spells."""
    words = [w for w in _TOKEN.findall(text.casefold()) if not w.isdigit()]
    if len(words) < TITLE_WORDS or not slug:
        return False
    spelled = sum(1 for w in words if w in slug or any(_same_stem(w, s) for s in slug))
    return spelled >= TITLE_SHARE * len(words)


def _same_stem(word: str, slug_word: str) -> bool:
    return len(slug_word) >= STEM and (word.startswith(slug_word) or slug_word.startswith(word))
