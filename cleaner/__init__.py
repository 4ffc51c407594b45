"""cleaner: strip page furniture from scraped news pages into structured article records.

>>> from cleaner import clean
>>> article = clean(open("page.html", "rb").read(), url="https://example.com/news/1")
>>> article.headline, article.byline, article.date, article.language
>>> article.to_dict()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .page import Block
    from .pipeline import Cleaner, clean
    from .record import Article

__all__ = ["Article", "Block", "Cleaner", "clean"]
__version__ = "0.1.0"

# The public names and the modules they live in. They load when first asked for (PEP 562), so that a process that
# needs only part of the package (the command line before it knows its command, a worker) does not load it all.
_EXPORTS = {"Article": "record", "Block": "page", "Cleaner": "pipeline", "clean": "pipeline"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
