"""Scrapy: an item pipeline that cleans each item's HTML or text field and adds the record's fields to the item,
and an add-on that enables it (`ADDONS = {"cleaner.integrations.scrapy.CleanerAddon": 0}`).

Settings: every option of the Cleaner (config.py) as `CLEANER_<NAME>`: CLEANER_MODE ("auto": the field says html
or text), CLEANER_DISABLE, CLEANER_TEMPLATES (a site template store, SQLite, to clean with), CLEANER_SITE (the site
of items with no `site` field or URL), CLEANER_TIME_LIMIT, CLEANER_EXPLAIN (add `removed` and `sources`),
CLEANER_BODY_FORMAT ("text", "markdown" or "html"), CLEANER_LINKS, CLEANER_IMAGES, CLEANER_COMMENTS,
CLEANER_ARTICLES_ONLY (drop pages that are no article, their type the reason) ...; and
the pipeline's own: CLEANER_ENABLED (True), CLEANER_HTML_FIELD ("html"), CLEANER_TEXT_FIELD ("text"),
CLEANER_DROP_EMPTY (True: drop items with no article or that cannot be cleaned, saying why; False: keep them, with
`error` when cleaning failed), CLEANER_DROP_SOURCE (False: remove the raw field once cleaned),
CLEANER_TEMPLATES_LEARN (True: count each cleaned page into the template store, so the template builds up as the
crawl goes and the next crawl starts with it).
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from .. import config
from ..pipeline import Cleaner
from ..record import REJECTIONS, written
from ..templates.live import LiveTemplates
from . import not_an_article

KEPT = ("id", "url")  # the item keeps its own


def config_from(settings) -> config.Config:
    """The Cleaner's options from their CLEANER_<NAME> settings, each read as its default's type."""
    options: dict[str, Any] = {}
    for name in config.names():
        key = f"CLEANER_{name.upper()}"
        if settings.get(key) is None:
            continue
        default = config.default(name)
        if isinstance(default, bool):
            options[name] = settings.getbool(key)
        elif isinstance(default, tuple):
            options[name] = tuple(settings.getlist(key))
        elif isinstance(default, float):
            options[name] = settings.getfloat(key)
        else:
            options[name] = settings.get(key)
    return config.Config(**options)


class CleanerPipeline:
    def __init__(self, settings) -> None:
        self.html_field = settings.get("CLEANER_HTML_FIELD", "html")
        self.text_field = settings.get("CLEANER_TEXT_FIELD", "text")
        self.drop_empty = settings.getbool("CLEANER_DROP_EMPTY", True)
        self.drop_source = settings.getbool("CLEANER_DROP_SOURCE", False)
        options = config_from(settings)
        self.templates = options.templates
        if options.templates and settings.getbool("CLEANER_TEMPLATES_LEARN", True):
            self.templates = LiveTemplates(options.templates)
        self.config = config.Config.of(options, templates=self.templates or None)
        self.cleaner = Cleaner(self.config)

    @classmethod
    def from_crawler(cls, crawler) -> CleanerPipeline:
        if not crawler.settings.getbool("CLEANER_ENABLED", True):
            raise NotConfigured("CLEANER_ENABLED is off")
        return cls(crawler.settings)

    # `spider` has a default so that Scrapy 2.13 (which passes it) and 2.14+ (which does not) both work.
    def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        field, mode = self._source(adapter)
        if field is None:
            if self.drop_empty:
                present = [f for f in (self.html_field, self.text_field) if f in adapter]
                if present:
                    raise DropItem(f"cleaner: the {present[0]!r} field is empty: an empty response is not an article")
                raise DropItem(f"cleaner: no {self.html_field!r} or {self.text_field!r} field to clean")
            return item
        mode = mode if self.config.mode == "auto" else self.config.mode
        site = adapter.get("site") if isinstance(adapter.get("site"), str) else None
        article = self.cleaner.clean(adapter[field], url=adapter.get("url"), mode=mode, site=site)
        if article.error_kind in REJECTIONS:  # CLEANER_ARTICLES_ONLY: a listing, an error page, another page
            raise DropItem(f"cleaner: {article.error}")
        why = not_an_article(article) if self.drop_empty else None
        if why is not None:
            raise DropItem(f"cleaner: {why}")
        record = article.to_dict(explain=self.config.explain)
        for name in written(self.config.explain, article.error is not None):
            if name not in KEPT:
                adapter[name] = record[name]  # an Item class must declare these fields; a dict item takes them all
        if self.drop_source:
            del adapter[field]
        return item

    def close_spider(self, spider: Any = None) -> None:
        if isinstance(self.templates, LiveTemplates):
            self.templates.close()  # commits the pages counted since the last batch

    def _source(self, adapter: ItemAdapter) -> tuple[str | None, str]:
        for field, mode in ((self.html_field, "html"), (self.text_field, "text")):
            if isinstance(adapter.get(field), (str, bytes)) and adapter[field].strip():
                return field, mode
        return None, "auto"


class CleanerAddon:
    """Enables CleanerPipeline at priority CLEANER_PRIORITY (300)."""

    def update_settings(self, settings) -> None:
        priority = settings.getint("CLEANER_PRIORITY", 300)
        settings["ITEM_PIPELINES"][CleanerPipeline] = priority
