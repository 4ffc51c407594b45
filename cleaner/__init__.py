"""cleaner: strip page furniture from scraped news pages into structured article records.

>>> from cleaner import clean
>>> article = clean(open("page.html", "rb").read(), url="https://example.com/news/1")
>>> article.headline, article.byline, article.date, article.language
>>> article.to_dict()
"""

from .page import Block
from .pipeline import Cleaner, clean
from .record import Article

__all__ = ["Article", "Block", "Cleaner", "clean"]
__version__ = "0.1.0"
