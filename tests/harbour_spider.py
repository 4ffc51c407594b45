"""The spider the Scrapy test crawls the test site with: every page becomes an item with its HTML."""

import scrapy


class HarbourSpider(scrapy.Spider):
    name = "harbour"
    custom_settings = {
        "ADDONS": {"cleaner.integrations.scrapy.CleanerAddon": 0},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
    }

    def __init__(self, start_url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        yield {"url": response.url, "html": response.text, "status": response.status}
        yield from response.follow_all(css="a", callback=self.parse)
