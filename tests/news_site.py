"""A scraped news site for the site-template tests: dozens of pages of "The Estuary Post" sharing a masthead, a
section menu, a weather line, a newsletter box inside the article, a "Most read" list that changes each day, an
"Editor's picks" list and a footer, around real article text (the golden fixtures' bodies: the five seed stories
and the Lyon, Leipzig, Valencia and earnings articles), each article cut into pages of three paragraphs or more.

Two stories' sharing is built in, as a site has it: a background paragraph that seven updates of one story
repeat, and a short quote that two stories share. Both are article text and must survive.

Every page comes as HTML and as the plain text a naive scraper dumps from it, with the truth: its article
paragraphs and its template lines. Also a command, to measure a cleaner run on the corpus:

    python tests/news_site.py write DIR        # DIR/pages-html.jsonl and DIR/pages-text.jsonl
    cleaner clean DIR/pages-html.jsonl --two-pass -o out.jsonl
    python tests/news_site.py score out.jsonl  # template lines left, article lines lost

The golden fixtures fixtures/site-estuary-post-html and -text are one page of this site (FIXTURE_PAGE), with the
template learned from all its pages: `python tests/news_site.py fixtures fixtures` makes them again.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cleaner import fixtures

ROOT = Path(__file__).resolve().parent.parent
HOST = "estuary-post.example"
SOURCES = (
    "seed-000",
    "seed-001",
    "seed-002",
    "seed-003",
    "seed-004",
    "en-html-clean",
    "de-html-clean",
    "es-html-clean",
    "fr-html-clean",
    "en-text-glued",
    "en-html-captions",
)
PARAGRAPHS_PER_PAGE = 3
FULL_PARAGRAPH = 15  # words
ORDINALS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
PAGES_PER_DAY = 12
AUTHORS = ("Ines Varga", "Tom Okafor", "Lena Brandt", "Pablo Ruiz")
SECTIONS = ("Front page", "Estuary", "Town hall", "Business", "Culture", "Sport", "Opinion")
MASTHEAD = ("The Estuary Post", "Independent journalism from the river towns since 1887")
NEWSLETTER = (
    "The Morning Tide",
    "Our editors pick the stories that matter to the river towns and send them to you before breakfast.",
    "Sign up free",
)
FOOTER = (
    "The Estuary Post, 12 Quay Street, Port Aurel",
    "Our journalism is paid for by readers like you: become a member from 3 euros a month.",
    "Tips and corrections: newsdesk@estuary-post.example",
    "© 2024 Estuary Post Media Ltd",
)
PICKS = (
    "Editor's picks",
    "Forty years of the ferry: the crossing that made Port Aurel",
    "Inside the oyster beds as the water warms",
    "The lighthouse keeper who never left",
)
# Article text that recurs across pages and must stay: one story's background, repeated by its seven updates
# (long, in the middle of the article), and a quote two stories share (on two pages: never a template).
UPDATES = 7
QUOTE_PAGES = (4, 21)
FIXTURE_PAGE = "page-012"  # one of the updates that repeat the background paragraph


@dataclass(slots=True)
class SitePage:
    id: str
    url: str
    headline: str
    byline: str
    date: str
    article: list[str]  # the article's paragraphs: every one must survive
    template: list[str] = field(default_factory=list)  # the site's furniture on this page: none may survive
    html: str = ""
    text: str = ""


def _articles() -> list[tuple[str, list[str]]]:
    found = []
    for name in SOURCES:
        record = fixtures.read_expected(ROOT / "fixtures" / name)
        paragraphs = [p.strip() for p in record["body"].split("\n\n") if p.strip()]
        found.append((record["headline"] or paragraphs[0][:60], paragraphs))
    return found


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _chunks(articles: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Each article cut into pages of at least PARAGRAPHS_PER_PAGE paragraphs, each page ending on a full
    paragraph (as a page of a series does: not on a subheading or half a list); a short tail joins the page
    before."""
    pages = []
    for headline, paragraphs in articles:
        parts: list[list[str]] = [[]]
        for paragraph in paragraphs:
            if len(parts[-1]) >= PARAGRAPHS_PER_PAGE and len(parts[-1][-1].split()) >= FULL_PARAGRAPH:
                parts.append([])
            parts[-1].append(paragraph)
        if len(parts) > 1 and (len(parts[-1]) < 2 or len(parts[-1][-1].split()) < FULL_PARAGRAPH):
            tail = parts.pop()
            parts[-1] += tail
        for n, part in enumerate(parts, 1):
            # Words, not digits: "part 1" and "part 2" are one line once digits are normalised.
            pages.append((headline if len(parts) == 1 else f"{headline}, part {ORDINALS[n]}", part))
    return pages


def build_site() -> list[SitePage]:
    """The site's pages, in publication order; the same every time."""
    chunks = _chunks(_articles())
    background = next(p for _, ps in chunks for p in ps if len(p.split()) >= 30)
    quote = '"We will not let this river town be divided," the mayor said.'
    pages: list[SitePage] = []
    for n, (headline, paragraphs) in enumerate(chunks):
        article = list(paragraphs)
        if n in range(10, 10 + UPDATES) and background not in article:
            article.insert(1, background)
        if n in QUOTE_PAGES:
            article.insert(1, quote)
        day = n // PAGES_PER_DAY
        date = f"2024-03-{11 + day:02d}"
        url = f"https://www.{HOST}/news/{date.replace('-', '/')}/{_slug(headline)}"
        byline = f"By {AUTHORS[n % len(AUTHORS)]}"
        pages.append(SitePage(f"page-{n:03d}", url, headline, byline, date, article))
    for n, page in enumerate(pages):
        day = n // PAGES_PER_DAY
        others = [p.headline for p in pages[day * PAGES_PER_DAY : (day + 1) * PAGES_PER_DAY] if p is not page]
        most_read = ["Most read", *others[:5]] if len(others) >= 5 else []
        weather = f"Weather on the quay: {9 + n % 7}°C, wind from the west at {10 + n % 5} km/h"
        page.template = [*MASTHEAD, *SECTIONS, weather, *NEWSLETTER, *most_read, *PICKS, *FOOTER]
        page.html = _html(page, weather, most_read)
        page.text = _text(page, weather, most_read)
    return pages


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _html(page: SitePage, weather: str, most_read: list[str]) -> str:
    menu = "".join(f'<li><a href="/{_slug(s)}">{_e(s)}</a></li>' for s in SECTIONS)
    paragraphs = [f"<p>{_e(p)}</p>" for p in page.article]
    box = "".join(f"<p>{_e(line)}</p>" for line in NEWSLETTER)
    paragraphs.insert(len(paragraphs) // 2, f'<div class="promo-box">{box}</div>')
    teasers = "".join(f'<li><a href="/news/{_slug(t)}">{_e(t)}</a></li>' for t in most_read[1:])
    picks = "".join(f'<li><a href="/features/{_slug(t)}">{_e(t)}</a></li>' for t in PICKS[1:])
    aside = (f"<h2>{most_read[0]}</h2><ol>{teasers}</ol>" if most_read else "") + f"<h2>{_e(PICKS[0])}</h2>"
    footer = "".join(f"<p>{_e(line)}</p>" for line in FOOTER)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(page.headline)} | '
        f"{MASTHEAD[0]}</title></head><body>\n"
        f'<div class="top"><div class="brand">{MASTHEAD[0]}</div><div class="motto">{_e(MASTHEAD[1])}</div>'
        f'<ul class="sections">{menu}</ul><div class="weather">{_e(weather)}</div></div>\n'
        f'<div class="story"><h1>{_e(page.headline)}</h1><div class="author">{_e(page.byline)}</div>'
        f'<div class="when">{page.date}</div>\n{"".join(paragraphs)}</div>\n'
        f'<div class="rail">{aside}<ul>{picks}</ul></div>\n<div class="bottom">{footer}</div>\n</body></html>\n'
    )


def _text(page: SitePage, weather: str, most_read: list[str]) -> str:
    """What a scraper that keeps every visible block writes: one block a line, a blank line between parts."""
    body = list(page.article)
    body[len(body) // 2 : len(body) // 2] = list(NEWSLETTER)
    parts = [
        [*MASTHEAD, *SECTIONS, weather],
        [page.headline, page.byline, page.date],
        body,
        [*most_read, *PICKS],
        list(FOOTER),
    ]
    return "\n\n".join("\n".join(part) for part in parts) + "\n"


def paragraphs_of(body: str) -> set[str]:
    return {" ".join(p.split()) for p in body.split("\n\n") if p.strip()}


def score(pages: list[SitePage], records: dict[str, dict]) -> dict[str, int]:
    """Over the site: template lines in the output bodies (left) and article paragraphs missing from them (lost)."""
    found = {"pages": 0, "template_lines": 0, "template_left": 0, "article_lines": 0, "article_lost": 0}
    for page in pages:
        body = paragraphs_of(records[page.id].get("body") or "")
        found["pages"] += 1
        found["template_lines"] += len(page.template)
        found["template_left"] += sum(" ".join(line.split()) in body for line in page.template)
        found["article_lines"] += len(page.article)
        found["article_lost"] += sum(" ".join(p.split()) not in body for p in page.article)
    return found


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pages = build_site()
    for kind in ("html", "text"):
        with open(folder / f"pages-{kind}.jsonl", "w", encoding="utf-8") as out:
            for page in pages:
                out.write(json.dumps({"id": page.id, "url": page.url, kind: getattr(page, kind)}) + "\n")


def make_fixtures(directory: Path) -> None:
    """The site fixtures: FIXTURE_PAGE as HTML and as text, each with its site template beside it."""
    import tempfile

    from cleaner import fixtures
    from cleaner.prepare import prepare
    from cleaner.templates import LearnedPage, TemplateStore, site_for

    pages = build_site()
    page = next(p for p in pages if p.id == FIXTURE_PAGE)
    with tempfile.TemporaryDirectory() as scratch:
        for kind, suffix in (("html", ".html"), ("text", ".txt")):
            store = Path(scratch) / f"{kind}.sqlite"
            with TemplateStore(store, writable=True) as learning:
                learning.learn(
                    LearnedPage.of(prepare(getattr(p, kind), kind, p.url), site_for(None, p.url)) for p in pages
                )
            source = Path(scratch) / f"page{suffix}"
            source.write_text(getattr(page, kind), encoding="utf-8")
            fixtures.add(source, f"site-estuary-post-{kind}", directory, url=page.url, templates=store)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "fixtures":
        make_fixtures(Path(argv[1]))
        return 0
    if len(argv) == 2 and argv[0] == "write":
        write(Path(argv[1]))
        return 0
    if len(argv) == 2 and argv[0] == "score":
        pages = build_site()
        records = {r["id"]: r for r in map(json.loads, Path(argv[1]).read_text(encoding="utf-8").splitlines())}
        print(json.dumps(score(pages, records)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
