"""Adapters that run the same Cleaner inside other engines: Scrapy (scrapy.py) and datatrove (datatrove.py).
Each imports its engine, so each is an optional extra: `cleaner-news[scrapy]`, `cleaner-news[datatrove]`."""
