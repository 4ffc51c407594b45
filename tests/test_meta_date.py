"""Publication dates: parsing, stamps, the clues a page gives and the one chosen; no wall clock."""

from datetime import date

import pytest

from cleaner import Cleaner
from cleaner.meta.dateclues import parse_value, stamp
from cleaner.meta.dates import find_dates

BODY = (
    "<p>The council approved the plan on Tuesday after a long debate about its cost and about the streets that "
    "would lose parking spaces to the new lanes.</p><p>Work starts in the summer on the station road.</p>"
)


def dated(head: str = "", body: str = "", url: str | None = None, lang: str = "en"):
    html = f'<html lang="{lang}"><head>{head}</head><body><article><h1>Council backs new bike lanes</h1>{body}{BODY}'
    return Cleaner(mode="html").clean(html + "</article></body></html>", url=url)


@pytest.mark.parametrize(
    "text, day_first, value",
    [
        ("February 2, 2016", None, date(2016, 2, 2)),
        ("2 février 2016", None, date(2016, 2, 2)),
        ("Donnerstag, 4. November 2021", None, date(2021, 11, 4)),
        ("19.10.19 um 14:34 Uhr", None, date(2019, 10, 19)),
        ("12/19/2025", None, date(2025, 12, 19)),
        ("3/4/2025", False, date(2025, 3, 4)),
        ("3/4/2025", True, date(2025, 4, 3)),
    ],
)
def test_find_dates(text, day_first, value):
    assert find_dates(text, day_first)[0][0] == value


def test_an_ambiguous_date_without_a_locale_is_no_date():
    assert not find_dates("3/4/2025")


def test_a_timestamp_keeps_the_day_it_was_written_in():
    # 23:30 in New York is the next day in UTC; the page's own day is the one it states.
    assert parse_value("2017-02-23T23:30:00-05:00") == date(2017, 2, 23)


@pytest.mark.parametrize(
    "line, kind, value, source",
    [
        ("Latest update : 2016-02-02", "modified", date(2016, 2, 2), "text:latest update"),
        ("Date created : 2016-02-02", "published", date(2016, 2, 2), "text:date created"),
        ("Veröffentlicht am 3. März 2020", "published", date(2020, 3, 3), "text:veröffentlicht am"),
        ("Monday, February 1, 2016 10:32 GMT", "plain", date(2016, 2, 1), "text:date-line"),
    ],
)
def test_stamp(line, kind, value, source):
    assert stamp(line) == (kind, value, source)


@pytest.mark.parametrize(
    "line",
    [
        "Prime Minister Manuel Valls at the National Assembly, 27 January 2015",
        "Copyright 12.01.2023 Kreisbote Verlag GmbH",
        "The meeting on February 1, 2016 ended late.",
    ],
)
def test_a_date_inside_other_words_is_not_a_stamp(line):
    assert stamp(line) is None


def test_published_beats_modified():
    head = (
        '<meta property="article:published_time" content="2024-03-01T08:00:00+00:00">'
        '<meta property="article:modified_time" content="2024-05-10T16:45:00+00:00">'
    )
    article = dated(head, '<p class="meta">Updated May 10, 2024</p>')
    assert (article.date, article.sources["date"]) == ("2024-03-01", "meta:article:published_time")


def test_a_caption_or_a_teaser_date_is_not_the_article_date():
    body = (
        "<figure><figcaption>Valls at the Assembly, 27 January 2015</figcaption></figure>"
        '<div class="related-posts"><p>March 9, 2016</p></div><p class="dateline">Published February 2, 2016</p>'
    )
    article = dated("", body)
    assert (article.date, article.sources["date"]) == ("2016-02-02", "text:published")


def test_the_url_dates_a_page_that_says_nothing_else():
    article = dated(url="https://example.org/2019/05/14/council-backs-lanes/")
    assert (article.date, article.sources["date"]) == ("2019-05-14", "url")


def test_a_copyright_line_in_the_footer_is_not_a_date():
    html = (
        "<html><body><article><h1>Council backs new bike lanes</h1>" + BODY + "</article>"
        "<footer><p>Copyright 12.01.2023 Example Verlag GmbH</p></footer></body></html>"
    )
    assert Cleaner(mode="html").clean(html).date is None


def test_a_date_after_the_last_modification_is_in_the_pages_future():
    head = '<meta property="article:modified_time" content="2024-05-10T16:45:00+00:00">'
    lines = '<p class="meta">Next session: June 30, 2031</p><p class="meta">Posted May 8, 2024</p>'
    assert dated(head, lines).date == "2024-05-08"
    # Without a declared modification the page is taken at its word, and its header's plain date wins.
    assert dated("", lines).date == "2031-06-30"


def test_a_modified_stamp_before_the_declared_publication_does_not_drop_it():
    head = (
        '<meta property="article:published_time" content="2022-01-07T10:00:00+01:00">'
        '<meta property="article:modified_time" content="2021-08-18T09:00:00+01:00">'
    )
    article = dated(head)
    assert (article.date, article.sources["date"]) == ("2022-01-07", "meta:article:published_time")


def test_the_shown_date_wins_over_a_declared_one_the_page_never_shows():
    head = '<meta property="article:published_time" content="2021-12-20T08:00:00+01:00">'
    article = dated(head, '<p class="meta">January 27, 2022</p>')
    assert (article.date, article.sources["date"]) == ("2022-01-27", "text:date-line")
    # Shown as an update, it stays an update: the declared publication wins.
    assert dated(head, '<p class="meta">Updated January 27, 2022</p>').date == "2021-12-20"
    # Shown next to the declared date, another date is a teaser's or a comment's.
    shown_too = '<p class="meta">December 20, 2021</p><p>January 27, 2022</p>'
    assert dated(head, shown_too).date == "2021-12-20"


def test_an_aside_under_the_headline_is_the_articles_header_box():
    box = '<aside class="meta"><p>October 18, 2023</p></aside>'
    article = dated("", box)
    assert (article.date, article.sources["date"]) == ("2023-10-18", "text:date-line")
    # A sidebar further down dates something else.
    sidebar = "<p>" + "A paragraph of the story that goes on about the lanes and the council. " * 3 + "</p>"
    assert dated("", sidebar * 5 + box).date is None


def test_no_wall_clock_a_far_future_date_on_a_page_with_nothing_else_is_taken_at_its_word():
    # The same page gives the same record whenever it is cleaned: nothing is compared with today.
    article = dated('<meta property="article:published_time" content="2091-01-01">')
    assert article.date == "2091-01-01"


def test_a_date_before_the_web_is_not_a_publication_date():
    assert dated('<meta property="article:published_time" content="1850-06-01">').date is None


def test_month_first_on_us_english_pages_day_first_elsewhere():
    assert dated("", '<p class="date">3/4/2025</p>', lang="en-US").date == "2025-03-04"
    assert dated("", '<p class="date">3/4/2025</p>', lang="fr").date == "2025-04-03"


def test_text_mode_takes_the_stated_date_only():
    text = (
        "Council backs new bike lanes\n\nThe council approved the plan on February 1, 2016 after a long debate about "
        "its cost and about the streets that would lose parking spaces.\n\nLatest update : 2016-02-03\n\n"
        "Date created : 2016-02-02\n"
    )
    article = Cleaner(mode="text").clean(text)
    assert (article.date, article.sources["date"]) == ("2016-02-02", "text:date created")


def test_a_date_in_an_embedded_post_is_not_the_articles():
    tweet = '<blockquote class="twitter-tweet"><p>Win</p><p>— West Ham (@WestHam) October 31, 2021</p></blockquote>'
    assert dated("", tweet).date is None


def test_a_layout_named_after_its_sidebar_does_not_hide_the_articles_date():
    html = (
        '<html><body><div class="panel-two-col-sidebar-right"><article><h1>Council backs new bike lanes</h1>'
        f'<p class="byline">April 5, 2018 | 6:00 PM</p>{BODY}</article>'
        '<aside class="sidebar"><p>March 1, 2018</p></aside></div></body></html>'
    )
    assert Cleaner(mode="html").clean(html).date == "2018-04-05"


def test_text_without_a_stamp_line_takes_the_dated_line_under_its_title():
    text = (
        "Council backs new bike lanes\n\nBy Jane Doe | March 3, 2025\n\nThe council approved the plan on Tuesday "
        "after a long debate about its cost and about the streets that would lose parking spaces.\n"
    )
    assert Cleaner(mode="text").clean(text).date == "2025-03-03"


def test_a_dated_lines_source_is_its_label_not_the_words_between_it_and_the_date():
    from cleaner.meta.dateclues import line_source
    from cleaner.meta.dates import find_dates

    for line, source in (
        ("Posted by Colin Watson on March 3, 2025", "text:posted"),
        ("Publié le 3 mars 2025", "text:publié le"),
        ("Updated: 08:39 GMT 3 March 2025", "text:updated"),
        ("March 3, 2025", "text:date-line"),
    ):
        [(_, (start, _))] = find_dates(line)
        assert line_source(line, start) == source
