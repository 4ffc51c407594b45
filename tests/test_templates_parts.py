"""Site templates, part by part: the line hash, the threshold, the decision (what is template, what is the
article's own), the in-memory source and its JSON form."""

import subprocess
import sys

import pytest

from cleaner import Cleaner
from cleaner.page import Block, Page
from cleaner.templates import LearnedPage, MemoryTemplates, SiteCounts, site_for, threshold
from cleaner.templates.decide import match, outside_threshold
from cleaner.templates.normalise import line_hash, line_key, page_key
from cleaner.templates.slug import names_page, slug_words

PARAGRAPH = (
    "The city council approved on Tuesday a plan to plant twenty thousand trees along its main avenues over the "
    "next six years, a project officials say will lower summer temperatures."
)
WEATHER = "Weather on the quay: 14°C, light wind from the west"
BACKGROUND = (
    "The bridge, opened in 1932, carries forty thousand vehicles a day between the old town and the port, and its "
    "closure has doubled journey times for commuters from the eastern districts."
)


def test_a_line_is_the_same_whatever_its_case_digits_spacing_and_bullets():
    assert line_key("  • Sign UP  for 3   newsletters |") == "sign up for 0 newsletters"
    assert line_hash("Weather: 14°C at 9:30") == line_hash("weather:  7°C at 10:05")
    assert line_hash("Sign up") != line_hash("Sign in")
    assert line_hash("• | –") is None and line_key("") == ""


def test_the_hash_is_the_same_in_another_process():
    # Python's hash() is salted per process; the store's hashes must not be.
    code = "from cleaner.templates.normalise import line_hash; print(line_hash('Daily newsletter'))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(other) == line_hash("Daily newsletter")


def test_threshold_grows_with_the_pages_seen():
    assert [threshold(n) for n in (5, 12, 30, 100, 10_000)] == [3, 4, 6, 10, 100]


def test_site_is_the_given_one_then_the_url_host_then_the_default():
    assert site_for("Le Monde", "https://www.bbc.co.uk/news") == "le monde"
    assert site_for(None, "https://www.BBC.co.uk/news/1", "fallback") == "bbc.co.uk"
    assert site_for(None, None, "harbour") == "harbour"
    assert site_for(None, "not a url") is None and site_for(None, "http://[::1") is None


def test_slug_names_the_page():
    slug = slug_words("https://x.example/wp/2013/03/08/read-comments-on-mobile-web-posting-coming-soon/")
    assert names_page("Read comments on mobile Web", slug)
    assert not names_page("Most read stories this week", slug)
    assert not names_page("Read more", slug)  # too short to be a title
    assert slug_words("https://bbc.co.uk/news/business-21302969") == frozenset()


def _page(lines: list[str], url: str | None = None) -> Page:
    return Page(blocks=[Block(text=t, index=i, tag="p") for i, t in enumerate(lines)], mode="html", url=url)


def _counts(pages: int, lines: dict[str, int]) -> MemoryTemplates:
    found = MemoryTemplates()
    found.put("site", "html", pages, {line_hash(t): n for t, n in lines.items()})
    return found


def _dropped(page: Page, source, scored: bool = False) -> dict[str, int]:
    found = match(page, source, "site", scored)
    return {} if found is None else {page.blocks[i].text: n for i, n in found.drops}


def test_recurring_lines_are_template_and_rare_ones_are_not():
    page = _page(["Subscribe now", "The Daily Courier", PARAGRAPH, PARAGRAPH + " More.", "Contact the newsroom"])
    source = _counts(30, {"Subscribe now": 30, "The Daily Courier": 2, "Contact the newsroom": 6})
    assert _dropped(page, source) == {"Subscribe now": 30, "Contact the newsroom": 6}  # 2 < outside_threshold(30)


def test_outside_the_article_a_line_needs_fewer_pages_inside_it_needs_the_threshold():
    assert [outside_threshold(n) for n in (5, 12, 30, 100, 10_000)] == [2, 2, 3, 5, 50]
    box = "Most read in Business"
    before, inside, after = (
        _page([box, PARAGRAPH, PARAGRAPH + " More."]),
        _page([PARAGRAPH, box, PARAGRAPH + " More."]),
        _page([PARAGRAPH, PARAGRAPH + " More.", box]),
    )
    assert _dropped(before, _counts(12, {box: 2})) == _dropped(after, _counts(12, {box: 2})) == {box: 2}
    assert _dropped(inside, _counts(12, {box: 2})) == {}  # two stories may share a line in their text
    assert _dropped(inside, _counts(12, {box: 4})) == {box: 4}  # threshold(12)
    assert _dropped(before, _counts(12, {box: 1})) == {}


def test_a_long_shared_paragraph_inside_the_article_stays_a_short_one_goes():
    lines = ["Top menu", PARAGRAPH, BACKGROUND, "Sign up for our newsletter today", PARAGRAPH + " Again.", "Footer"]
    page = _page(lines)
    source = _counts(30, {"Top menu": 30, BACKGROUND: 7, "Sign up for our newsletter today": 7, "Footer": 30})
    assert _dropped(page, source) == {"Top menu": 30, "Sign up for our newsletter today": 7, "Footer": 30}


def test_a_box_of_short_recurring_lines_inside_the_article_is_template_one_or_two_lines_are_not():
    box = ["In today's Magazine", "The ferry that never sank", "Quiz of the week"]
    counts = _counts(12, dict.fromkeys(box, 2))  # on 2 of 12 pages: under threshold(12) = 4
    inside = _page([PARAGRAPH, *box, PARAGRAPH + " More."])
    assert _dropped(inside, counts) == dict.fromkeys(box, 2)
    assert _dropped(_page([PARAGRAPH, *box[:2], PARAGRAPH + " More."]), counts) == {}  # a shared quote and its lead
    broken = _page([PARAGRAPH, box[0], "Advertisement", *box[1:], PARAGRAPH + " More."])
    broken.blocks[2].keep = False  # a removed block between them does not break the box
    assert _dropped(broken, counts) == dict.fromkeys(box, 2)
    listed = _page([box[0], *box[1:], PARAGRAPH, PARAGRAPH + " More."])
    listed.blocks[0].role = "headline"  # other pages list the page's headline, and the lines under it recur
    assert _dropped(listed, counts) == {}


def test_a_long_line_on_half_the_pages_is_template_even_inside_the_article():
    page = _page([PARAGRAPH, BACKGROUND, PARAGRAPH + " Again."])
    assert _dropped(page, _counts(30, {BACKGROUND: 15})) == {BACKGROUND: 15}
    assert _dropped(page, _counts(30, {BACKGROUND: 14})) == {}


def test_a_long_recurring_line_outside_the_article_is_template():
    page = _page([PARAGRAPH, PARAGRAPH + " Again.", BACKGROUND])  # after the last paragraph: a teaser's summary
    assert _dropped(page, _counts(30, {BACKGROUND: 7})) == {BACKGROUND: 7}


def test_the_models_scores_protect_or_expose_a_line():
    short_quote = '"We will not give up," she said.'
    page = _page([PARAGRAPH, short_quote, BACKGROUND, PARAGRAPH + " Again."])
    for block, furniture in zip(page.blocks, (0.05, 0.1, 0.6, 0.05), strict=True):
        block.score = furniture
    source = _counts(30, {short_quote: 7, BACKGROUND: 7})
    # The model is sure the quote is content; it doubts the long paragraph, so length alone does not save it.
    assert _dropped(page, source, scored=True) == {BACKGROUND: 7}
    assert _dropped(page, source, scored=False) == {short_quote: 7}


def test_the_pages_own_title_stays_though_other_pages_list_it():
    title = "Read comments on mobile Web"
    page = _page(["Latest posts", title, PARAGRAPH], url="https://x.example/2013/03/08/read-comments-on-mobile-web/")
    found = match(page, _counts(13, {"Latest posts": 13, title: 8}), "site")
    assert [page.blocks[i].text for i, _ in found.drops] == ["Latest posts"]
    assert 1 in found.spare  # the context pass leaves it too


def test_a_site_with_few_pages_or_unknown_has_no_template():
    page = _page(["Subscribe now", PARAGRAPH])
    assert match(page, _counts(4, {"Subscribe now": 4}), "site") is None
    assert match(page, _counts(30, {}), "elsewhere") is None


def test_the_cleaner_names_the_reason_and_the_count():
    story = f"<h1>Trees for the avenues</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH} 2.</p>"
    html = f"<html><body>{story}<p>{WEATHER}</p></body></html>"
    source = _counts(20, {WEATHER: 19})
    record = Cleaner(templates=source, site="site").clean(html).to_dict(explain=True)
    assert WEATHER not in record["body"]
    removed = next(r for r in record["removed"] if r["text"] == WEATHER)
    assert removed == {
        "text": WEATHER,
        "reason": "site_template",
        "score": 0.95,
        "detail": "on 19 of 20 pages of site",
    }
    # by name, like any rule: switched off, the line stays
    assert WEATHER in Cleaner(templates=source, site="site", disable=["site_template"]).clean(html).body
    # a page of another site is cleaned without it
    assert WEATHER in Cleaner(templates=source).clean(html, url="https://other.example/a").body


def test_memory_templates_count_sets_once_per_page_and_round_trip_through_json():
    learned = MemoryTemplates()
    hashes = [line_hash("Subscribe"), line_hash("Subscribe"), line_hash("Story text"), None]
    page = LearnedPage("site", "text", page_key(hashes), frozenset(h for h in hashes if h is not None))
    assert learned.add(page) and not learned.add(page)  # the same page twice counts once
    other = LearnedPage("site", "text", page_key([line_hash("Subscribe")]), frozenset({line_hash("Subscribe")}))
    learned.add(other)
    assert learned.counts("site", "text", [line_hash("Subscribe"), line_hash("Story text")]) == SiteCounts(
        2, {line_hash("Subscribe"): 2, line_hash("Story text"): 1}
    )
    again = MemoryTemplates.from_json(learned.to_json())
    assert again.counts("site", "text", [line_hash("Subscribe"), line_hash("Story text")]) == SiteCounts(
        2, {line_hash("Subscribe"): 2}
    )  # lines on one page are left out of the JSON: never template
    with pytest.raises(ValueError, match="not a template file"):
        MemoryTemplates.from_json('{"format": 99}')
