"""Caches of pure functions of a line's text: rule predicates, the dates a line states, the names in a byline. A
page asks them of the same lines many times (every rule and every metadata field reads a line), so each answer is
kept; `start_page()` empties them all when a new page is prepared (pipeline.py), so they only ever hold the
current page's lines, and no page is cleaned faster for the pages (or the other forms of the same page) cleaned
before it. Being functions of the text alone, they never change an answer; `functools.lru_cache` is safe to use
from several threads (a page started in one thread only costs another its cached answers)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

_CACHES: list = []


def text_cache(maxsize: int) -> Callable[[Callable], Callable]:
    """`functools.lru_cache(maxsize)`, emptied by `start_page`."""

    def wrap(function: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached

    return wrap


def start_page() -> None:
    for cached in _CACHES:
        cached.cache_clear()
