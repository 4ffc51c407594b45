"""Caches of what is computed from a line's own text (rule verdicts, the dates in it): a line recurs across a
site's pages, and a page's paragraphs recur across its HTML and its text dumps. `clear()` empties them all; the
bench does so before each page it times, so that no page is cleaned faster for having been cleaned before in
another form. Caches of loaded resources (the model, language profiles) and of markup tokens are not text caches."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache

# Held weakly: a memo that its owner dropped (a rule list's verdicts evicted from their own cache) goes with it.
_CACHES: list[weakref.ref] = []


def text_cache(maxsize: int) -> Callable[[Callable], Callable]:
    """`functools.lru_cache(maxsize)`, registered so that `clear` reaches it."""

    def wrap(function: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(weakref.ref(cached))
        return cached

    return wrap


class TextMemo(dict):
    """A dict of values computed from texts (the texts as keys), emptied by `clear` like the caches."""

    cache_clear = dict.clear


def text_memo() -> TextMemo:
    """A new `TextMemo`, registered so that `clear` reaches it."""
    memo = TextMemo()
    _CACHES.append(weakref.ref(memo))
    return memo


def clear() -> None:
    live = [(ref, cached) for ref in _CACHES if (cached := ref()) is not None]
    _CACHES[:] = [ref for ref, _ in live]
    for _, cached in live:
        cached.cache_clear()
