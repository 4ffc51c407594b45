"""Headlines: the shown title when the markup agrees with it, site names stripped, logos and section names
passed over, kickers cut."""

import pytest

from cleaner import Cleaner
from cleaner.meta.headline import agreement
from cleaner.meta.sitename import is_site, strip_site

BODY = (
    "<p>The council approved the plan on Tuesday after a long debate about its cost and about the streets that "
    "would lose parking spaces to the new lanes.</p>"
)


def page(head: str, body: str, url: str | None = None):
    html = f"<html><head>{head}</head><body>{body}{BODY}</body></html>"
    return Cleaner(mode="html").clean(html, url=url)


@pytest.mark.parametrize(
    "title, sites, stripped",
    [
        (
            "Brief History of Coffee - Charleston Coffee Roasters",
            ["charlestoncoffeeroasters"],
            "Brief History of Coffee",
        ),
        ("NYTimes.com: Europe | Talks resume", ["nytimes", "nytimescom"], "Talks resume"),
        ("Talks resume | NYTimes.com", ["nytimes"], "Talks resume"),
        ("Was ist Freie Software - MyOOS Community Forum", ["myoos"], "Was ist Freie Software"),
        (
            "Zimbabwe coup: Mugabe insists he finishes his term",
            ["bbc"],
            "Zimbabwe coup: Mugabe insists he finishes his term",
        ),
        ("Home", ["example"], "Home"),
    ],
)
def test_strip_site(title, sites, stripped):
    assert strip_site(title, sites) == stripped


def test_a_title_that_starts_with_a_host_label_is_not_the_site():
    assert not is_site("Teaching Online: Effective Practices", ["teaching", "osu"])
    assert is_site("psychiatry.org", ["psychiatryorg"])


def test_agreement():
    assert agreement("Best Travel Insurance for Seniors", "Best Travel Insurance for Seniors in 2025") > 0.8
    assert agreement("Vom Boden aus gedacht", "Vom Boden aus gedacht - Ann Cotten verwebt") == 1.0
    assert agreement("Lorem", "Base URL test") == 0.0


def test_shown_title_wins_when_the_markup_agrees():
    head = '<title>Top 10 Health Trends for 2026 | Tastewise</title><meta property="og:site_name" content="Tastewise">'
    article = page(head, "<h1>Top 10 Health and Nutrition Trends to Watch</h1>")
    assert (article.headline, article.sources["headline"]) == ("Top 10 Health and Nutrition Trends to Watch", "h1")


def test_a_logo_or_section_heading_gives_way_to_the_declared_title():
    head = "<title>Base URL test</title>"
    assert page(head, "<h1>Lorem</h1>").headline == "Base URL test"
    head = '<title>Talks resume in Brussels - Example News</title><meta property="og:site_name" content="Example News">'
    article = page(head, "<header><h1>Example News</h1></header>")
    assert (article.headline, article.sources["headline"]) == ("Talks resume in Brussels", "title")


def test_a_kicker_before_the_declared_title_is_cut():
    head = '<meta property="og:title" content="Daten von Rheinmetall gehackt">'
    article = page(head, "<h1>Interne Unterlagen im Netz Daten von Rheinmetall gehackt</h1>")
    assert article.headline == "Daten von Rheinmetall gehackt"


def test_a_subtitle_after_the_declared_title_stays():
    head = '<meta property="og:title" content="Big Data Analytics in Retail">'
    article = page(head, "<h1>Big Data Analytics in Retail: Enhancing Customer Insights</h1>")
    assert article.headline == "Big Data Analytics in Retail: Enhancing Customer Insights"


def test_the_site_name_comes_from_the_url_host_too():
    article = page(
        "<title>Go ahead, self-host Postgres | Pierce Freeman</title>", "", url="https://piercefreeman.com/x"
    )
    assert article.headline == "Go ahead, self-host Postgres"


def test_text_headline_skips_the_byline_and_strips_the_site_named_in_the_copyright_line():
    text = (
        "Menu\n\nBrief History of Coffee - Charleston Coffee Roasters\n\nBy Maya Lindqvist, Staff Writer\n\n"
        "Long before it became the morning ritual of half the planet, coffee grew wild in the highland forests of "
        "Ethiopia, where a goat herder noticed his animals dancing.\n\n© 2024 Charleston Coffee Roasters. All rights "
        "reserved.\n"
    )
    article = Cleaner(mode="text").clean(text)
    assert article.headline == "Brief History of Coffee"
    assert article.byline == ["Maya Lindqvist"]
    assert "Brief History" not in article.body


def test_a_text_of_one_line_keeps_it_as_its_body():
    article = Cleaner(mode="text").clean("Council backs new bike lanes")
    assert (article.headline, article.body) == (None, "Council backs new bike lanes")
    titled = Cleaner(mode="text").clean(
        "Council backs new bike lanes\n\nThe council approved the plan on Tuesday after a long debate about cost."
    )
    assert titled.headline == "Council backs new bike lanes"
    assert titled.body.startswith("The council approved")


def test_a_headline_written_as_a_list_item_loses_its_bullet():
    from cleaner.meta.titleline import headline_text

    assert headline_text("+ Best Mattress For Side Sleepers", []) == "Best Mattress For Side Sleepers"
    assert headline_text("* Brief History of Coffee - Charleston Coffee Roasters", ["charlestoncoffeeroasters"]) == (
        "Brief History of Coffee"
    )


def test_the_title_line_at_the_top_of_a_dump_marks_the_line_that_is_its_end():
    from cleaner.meta.sitename import text_site_names
    from cleaner.meta.titleline import candidates
    from cleaner.prepare import prepare

    text = (
        "Port workers end strike | Harbour News\n\nHome\n\nPort workers end strike\n\nDock workers returned to work "
        "on Tuesday after unions and operators agreed on a new wage scale, ending a long strike.\n"
    )
    page = prepare(text, "text")
    found = candidates(page, text_site_names(page))
    assert found[2]["title_part"] == 1
    assert found.get(0, {}).get("title_part", 0) == 0
