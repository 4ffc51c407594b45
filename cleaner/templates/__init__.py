"""Site templates: lines that recur across many pages of one site are its furniture (`site_template`).

sites.py says which site a page is of; normalise.py hashes a block's text; source.py says what a template source
answers (and keeps counts in memory, or as a fixture's JSON); store.py keeps them in an SQLite file, live.py
learns into it as pages arrive; decide.py (with slug.py) picks a page's template lines; learn.py and twopass.py
are the learning pass of a batch run; commands.py is `cleaner templates learn|show`.
"""

from __future__ import annotations

import os

from .decide import TemplateMatch, threshold
from .decide import match as match_template
from .sites import site_for, url_host
from .source import LearnedPage, MemoryTemplates, SiteCounts, TemplateSource
from .store import StoreError, TemplateStore

__all__ = [
    "LearnedPage",
    "MemoryTemplates",
    "SiteCounts",
    "StoreError",
    "TemplateMatch",
    "TemplateSource",
    "TemplateStore",
    "match_template",
    "open_templates",
    "site_for",
    "threshold",
    "url_host",
]


def open_templates(templates: TemplateSource | str | os.PathLike | None) -> TemplateSource | None:
    """A template source from what a caller gives: a source as it is, a path as a store opened for reading (a
    JSON file, a golden fixture's template, in memory)."""
    if templates is None or isinstance(templates, TemplateSource):
        return templates
    path = os.fspath(templates)
    if not path.endswith(".json"):
        return TemplateStore(path)
    try:
        return MemoryTemplates.read(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path} is not a template file: {exc}") from None
