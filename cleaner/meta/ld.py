"""Reading JSON-LD objects: flatten @graph and nesting, pick the article object."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

ARTICLE_TYPES = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "reviewnewsarticle backgroundnewsarticle livenblogposting liveblogposting techarticle scholarlyarticle "
    "report socialmediaposting discussionforumposting satiricalarticle advertisercontentarticle "
    "medicalscholarlyarticle askpublicnewsarticle".split()
)
MAX_NODES = 2000


def iter_objects(data: Any) -> Iterator[dict]:
    """Every dict in a JSON-LD payload, breadth-first, bounded."""
    queue = [data]
    seen = 0
    while queue and seen < MAX_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            yield item
            for value in item.values():
                if isinstance(value, (dict, list)):
                    queue.append(value)


def types(obj: dict) -> set[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, list):
        return {v.lower() for v in value if isinstance(v, str)}
    return set()


def article_objects(payloads: list) -> list[dict]:
    """JSON-LD objects that describe an article, most specific first (news types before WebPage)."""
    articles, pages = [], []
    for payload in payloads:
        for obj in iter_objects(payload):
            kinds = types(obj)
            if kinds & ARTICLE_TYPES:
                articles.append(obj)
            elif "webpage" in kinds or "itempage" in kinds:
                pages.append(obj)
    return articles + pages


def page_articles(page) -> list[dict]:
    """`article_objects` of a page's JSON-LD, worked out once per page (every metadata field asks)."""
    return page.once(_page_articles)


def _page_articles(page) -> list[dict]:
    return article_objects(page.declared.json_ld)


def by_id(page) -> dict[str, dict]:
    """Objects of a page's JSON-LD that describe something, by their @id, worked out once per page: a graph
    (Yoast and kin) names an article's author as a bare {"@id": ...} reference to a Person elsewhere."""
    return page.once(_by_id)


def _by_id(page) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for obj in iter_objects(page.declared.json_ld):
        key = obj.get("@id")
        if isinstance(key, str) and len(obj) > 1:
            found.setdefault(key, obj)
    return found


def resolve(page, value: Any) -> Any:
    """A bare {"@id": ...} reference replaced by the object it names (when the page has it); else the value."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id(page).get(value["@id"], value)
    return value


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list, or an object with a name."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    return None
