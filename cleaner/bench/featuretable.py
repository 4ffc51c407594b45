"""The README's feature table, checked by running each system on the fixtures' real pages (`python -m
cleaner.bench.featuretable`, extra `[bench]`): a feature is claimed only where the system's output shows it.

Each check runs the system's documented option for the feature and looks for it in the output: a Markdown table
row on a page with a data table, a nested list item on a page with nested lists, a resolved link, an in-article
image with its caption, the readers' comments apart from the body, each metadata field equal to what the page
declares, and no system given a plain-text dump pretending to parse HTML. A system without the option gets "no".
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TABLE, LISTS, GALLERY, COMMENTS = "en-html-table", "en-html-lists", "en-html-gallery", "en-html-comments-wordpress"
TEXT_PAGE = "en-text-navigation"
FRONT, ERROR = "en-html-section-front", "en-html-404"
URL = {
    TABLE: "https://dailycourier.example/money/2025/01/14/state-pension-rise-april",
    LISTS: "https://trailnotes.example/garden/autumn-jobs/",
    GALLERY: "https://harbourtimes.example/news/2024/07/tall-ships-leave/",
    COMMENTS: "https://example.org/2012/07/a-post/",
}
# What en-html-table declares (its expected.json): each metadata check compares with these.
DECLARED = {
    "headline": "State pension to rise by 4.1% in April: what it means for you",
    "author": "Priya Raman",
    "date": "2025-01-14",
    "modified": "2025-01-15",
    "site_name": "The Daily Courier",
    "description": "The full new state pension will rise to £230.25 a week from April.",
    "image": "pension-coins.jpg",
    "tags": "triple lock",  # as JSON-LD keywords; en-html-gallery declares its tags as article:tag (META_TAG)
    "categories": "Money",
    "canonical_url": "/money/2025/01/14/state-pension-rise-april",
}
META_TAG = "tall ships"
FEATURES = (
    "Markdown body",
    "HTML body",
    "data tables as tables",
    "nested lists",
    "inline links, absolute",
    "in-article images with captions",
    "readers' comments, apart from the body",
    "page type (article, listing, error...)",
    *(f"metadata: {name}" for name in DECLARED),
    "plain-text input (a scraped dump)",
    "a reason for each removed line",
)


def page(name: str) -> str:
    folder = FIXTURES / name
    path = next(p for p in folder.iterdir() if p.name.startswith("input"))
    return path.read_text(encoding="utf-8")


def _cleans_dump(output: object) -> bool:
    """Whether a system's output for the scraped dump TEXT_PAGE keeps its article's first paragraph and drops
    the furniture lines the fixture's record names (menus, share buttons, copyright...)."""
    import json

    expected = json.loads((FIXTURES / TEXT_PAGE / "expected.json").read_text(encoding="utf-8"))
    first = expected["body"].split("\n\n")[0]
    furniture = [r["text"] for r in expected["removed"] if len(r["text"].split()) >= 2]
    return _has(output, first) and not any(line in output for line in furniture)


def _has(text: object, *needles: str) -> bool:
    return isinstance(text, str) and all(needle in text for needle in needles)


_NESTED = re.compile(r"^ {2,}(?:[-*+]|\d+\.) \S", re.M)


def _metadata(found: dict[str, object], gallery_tags: object = None) -> dict[str, bool | str]:
    """Each DECLARED field found as declared; tags: "yes" from both declarations, else the one it read."""
    out: dict[str, bool | str] = {}
    for name, value in DECLARED.items():
        got = found.get(name)
        got = " ".join(got) if isinstance(got, (list, tuple)) else got
        out[f"metadata: {name}"] = bool(got) and value.lower() in str(got).lower()
    meta_tags = META_TAG in (gallery_tags or ())
    if meta_tags != out["metadata: tags"]:
        out["metadata: tags"] = "article:tag only" if meta_tags else "JSON-LD only"
    return out


# --- the systems ------------------------------------------------------------------------------------------------


def cleaner() -> dict[str, bool | str]:
    from cleaner import Cleaner

    md = Cleaner(body_format="markdown", links=True, images=True)
    table, lists = md.clean(page(TABLE), url=URL[TABLE]), md.clean(page(LISTS), url=URL[LISTS])
    gallery = md.clean(page(GALLERY), url=URL[GALLERY])
    html = Cleaner(body_format="html").clean(page(TABLE), url=URL[TABLE]).body
    comments = Cleaner(comments=True).clean(page(COMMENTS), url=URL[COMMENTS])
    text = Cleaner().clean(page(TEXT_PAGE))
    found = table.to_dict()
    found["author"] = found["byline"]
    return {
        "Markdown body": _has(table.body, "## The new weekly rates"),
        "HTML body": _has(html, "<h2>", "<table>"),
        "data tables as tables": _has(table.body, "|---|", "| Full new state pension | £221.20 |"),
        "nested lists": bool(_NESTED.search(lists.body)),
        "inline links, absolute": _has(table.body, "](https://www.gov.uk/"),
        "in-article images with captions": _has(gallery.body, "tall-ships-crew.jpg)\n*Cadets")
        and any(i["caption"] for i in gallery.images),
        "readers' comments, apart from the body": bool(comments.comments)
        and comments.comments[0]["text"] not in comments.body,
        "page type (article, listing, error...)": (table.page_type, _cleaner_type(FRONT), _cleaner_type(ERROR))
        == ("article", "listing", "error"),
        **_metadata(found, gallery.tags),
        "plain-text input (a scraped dump)": _cleans_dump(text.body),
        "a reason for each removed line": bool(table.removed) and all(r["reason"] for r in table.removed),
    }


def _cleaner_type(name: str) -> str | None:
    from cleaner import Cleaner

    return Cleaner().clean(page(name)).page_type


def trafilatura() -> dict[str, bool | str]:
    from trafilatura import bare_extraction, extract

    def md(name: str, **options) -> str | None:
        return extract(page(name), url=URL.get(name), output_format="markdown", **options)

    table = md(TABLE, include_links=True, include_tables=True)
    html = extract(page(TABLE), url=URL[TABLE], output_format="html")
    gallery = md(GALLERY, include_images=True)
    doc = bare_extraction(page(COMMENTS), url=URL[COMMENTS], include_comments=True, with_metadata=True)
    meta = bare_extraction(page(TABLE), url=URL[TABLE], with_metadata=True).as_dict()
    meta["headline"], meta["site_name"], meta["canonical_url"] = meta.get("title"), meta.get("sitename"), meta["url"]
    text = extract(page(TEXT_PAGE))
    gallery_meta = bare_extraction(page(GALLERY), url=URL[GALLERY], with_metadata=True).as_dict()
    types = []
    for name in (FRONT, ERROR):
        found = bare_extraction(page(name), with_metadata=True)
        types.append(found.as_dict().get("pagetype") if found else None)
    return {
        "Markdown body": _has(table, "The new weekly rates") and "#" in (table or ""),
        "HTML body": _has(html, "<table"),
        "data tables as tables": _has(table, "| Full new state pension"),
        "nested lists": bool(_NESTED.search(md(LISTS) or "")),
        "inline links, absolute": _has(table, "](https://www.gov.uk/"),
        "in-article images with captions": _has(gallery, "tall-ships-crew.jpg", "Cadets stand"),
        "readers' comments, apart from the body": bool(doc.comments) and doc.comments not in (doc.text or ""),
        # `pagetype` is what the page declares (og:type, JSON-LD): "website" for the section front, nothing for the 404
        "page type (article, listing, error...)": bool(meta.get("pagetype")) and None not in types,
        **_metadata(meta, gallery_meta.get("tags")),
        "plain-text input (a scraped dump)": _cleans_dump(text),
        "a reason for each removed line": False,
    }


def newspaper4k() -> dict[str, bool | str]:
    from newspaper import Article

    def parsed(name: str, **options) -> Article:
        article = Article(URL.get(name, "https://example.org/"), keep_article_html=True, **options)
        article.download(input_html=page(name))
        article.parse()
        return article

    table, lists, gallery = parsed(TABLE), parsed(LISTS), parsed(GALLERY)
    meta = {
        "headline": table.title,
        "author": table.authors,
        "date": str(table.publish_date or ""),
        "modified": str(table.meta_data.get("article", {}).get("modified_time", "")) if table.meta_data else "",
        "site_name": table.meta_site_name,
        "description": table.meta_description,
        "image": table.top_image or table.meta_img,
        "tags": sorted(table.tags or ()),
        "categories": "",
        "canonical_url": table.canonical_link,
    }
    return {
        "Markdown body": False,
        "HTML body": _has(table.article_html, "<table") or _has(table.article_html, "<h2"),
        "data tables as tables": _has(table.article_html, "<td"),
        "nested lists": _has(lists.article_html, "<li")
        and lists.article_html.count("<ul") + lists.article_html.count("<ol") > 2,
        "inline links, absolute": _has(table.article_html, 'href="https://www.gov.uk/'),
        "in-article images with captions": _has(gallery.article_html, "tall-ships-crew.jpg", "Cadets stand"),
        "readers' comments, apart from the body": False,
        "page type (article, listing, error...)": False,
        **_metadata(meta, gallery.tags),
        "plain-text input (a scraped dump)": _cleans_dump(parsed(TEXT_PAGE).text),
        "a reason for each removed line": False,
    }


def readability() -> dict[str, bool | str]:
    from readability import Document

    table, lists, gallery = (Document(page(name), url=URL[name]).summary() for name in (TABLE, LISTS, GALLERY))
    dump = Document(page(TEXT_PAGE)).summary()
    return {
        "Markdown body": False,
        "HTML body": _has(table, "<h2"),
        "data tables as tables": _has(table, "<td"),
        "nested lists": bool(re.search(r"<li>[^<]*(?:<[^/][^>]*>[^<]*)*<(?:ul|ol)", lists)),
        "inline links, absolute": _has(table, 'href="https://www.gov.uk/'),
        "in-article images with captions": _has(gallery, "tall-ships-crew.jpg", "Cadets stand"),
        "readers' comments, apart from the body": False,
        "page type (article, listing, error...)": False,
        **_metadata({"headline": Document(page(TABLE)).short_title()}),
        "plain-text input (a scraped dump)": _cleans_dump(dump),
        "a reason for each removed line": False,
    }


def justext() -> dict[str, bool | str]:
    import justext as jt

    dump = jt.justext(page(TEXT_PAGE).encode("utf-8"), jt.get_stoplist("English"))
    return {
        "Markdown body": False,
        "HTML body": False,
        "data tables as tables": False,
        "nested lists": False,
        "inline links, absolute": False,
        "in-article images with captions": False,
        "readers' comments, apart from the body": False,
        "page type (article, listing, error...)": False,
        **_metadata({}),
        "plain-text input (a scraped dump)": _cleans_dump("\n".join(p.text for p in dump if not p.is_boilerplate)),
        "a reason for each removed line": False,  # each paragraph gets a class (bad, short), not a reason
    }


SYSTEMS: dict[str, Callable[[], dict[str, bool | str]]] = {
    "cleaner": cleaner,
    "trafilatura": trafilatura,
    "newspaper4k": newspaper4k,
    "readability-lxml": readability,
    "jusText": justext,
}


def table() -> str:
    found = {}
    for name, check in SYSTEMS.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found[name] = check()
    lines = ["| feature | " + " | ".join(found) + " |", "|---|" + "---:|" * len(found)]
    for feature in FEATURES:
        lines.append(f"| {feature} | " + " | ".join(_cell(found[s][feature]) for s in found) + " |")
    return "\n".join(lines)


def _cell(value: bool | str) -> str:
    return value if isinstance(value, str) else "yes" if value else "no"


if __name__ == "__main__":
    print(table())
