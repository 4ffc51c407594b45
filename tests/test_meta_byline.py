"""Bylines from markup and lines: people only, the article's own author, and the lines they came from leave
the body."""

from cleaner import Cleaner

BODY = (
    "<p>The council approved the plan on Tuesday after a long debate about its cost and about the streets that "
    "would lose parking spaces to the new lanes.</p><p>Work starts in the summer on the station road.</p>"
)


def clean(head: str = "", body: str = "", after: str = ""):
    html = f"<html><head>{head}</head><body><article><h1>Council backs new bike lanes</h1>{body}{BODY}</article>"
    return Cleaner(mode="html").clean(html + after + "</body></html>")


def ld(author: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"headline": "Council backs new bike lanes", "author": {author}}}</script>'
    )


def test_json_ld_person_is_an_author_an_organization_is_not():
    assert clean(ld('{"@type": "Person", "name": "Jane Doe"}')).byline == ["Jane Doe"]
    assert clean(ld('{"@type": "Organization", "name": "Reuters"}')).byline == []
    both = '[{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Acme Media"}]'
    assert clean(ld(both)).byline == ["Jane Doe"]


def test_meta_author_with_source():
    article = clean('<meta name="author" content="Jane Doe">')
    assert (article.byline, article.sources["byline"]) == (["Jane Doe"], "meta:author")


def test_the_unfurl_cards_written_by_names_the_author_the_page_shows():
    card = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nadia Brook">'
    shown = clean(card, after="<footer><p>Nadia Brook writes about cities.</p></footer>")
    assert (shown.byline, shown.sources["byline"]) == (["Nadia Brook"], "meta:twitter:data1")
    # The posting account's name, written nowhere on the page, is no byline.
    assert clean(card).byline == []
    # Another label ("Est. reading time") says nothing about the author.
    assert clean(card.replace("Written by", "Est. reading time")).byline == []


def test_an_authors_or_contributors_line_names_the_authors():
    article = clean("", "<p>Authors: Julie Weisenhorn and Natalie Hoidal</p>")
    assert article.byline == ["Julie Weisenhorn", "Natalie Hoidal"]
    assert clean("", "<p>Contributors: Janet Loughrey</p>").byline == ["Janet Loughrey"]


def test_the_shown_byline_names_the_co_authors_the_markup_leaves_out():
    article = clean('<meta name="author" content="Rui Ma">', '<p class="byline">By Rui Ma and Heba Ledwon</p>')
    assert article.byline == ["Rui Ma", "Heba Ledwon"]
    assert "By Rui Ma" not in article.body


def test_a_label_line_and_a_name_line():
    article = clean("", "<p>Written by</p><p>Edzel Tabing</p>")
    assert (article.byline, article.sources["byline"]) == (["Edzel Tabing"], "by-label")


def test_by_glued_to_the_name_by_inline_markup():
    article = clean("", "<div><span>By</span><span>Daryl Austin</span></div>")
    assert (article.byline, article.sources["byline"]) == (["Daryl Austin"], "by-line")
    assert "Austin" not in article.body
    assert clean("", "<p>Byron Bay hosts the festival.</p>").byline == []  # a word, not "By" and a name


def test_a_css_modules_author_class_marks_the_author():
    article = clean("", '<div class="Author_wrapper__TpbI2"><p class="Author_author__4ceOm">Nick van Mead</p></div>')
    assert (article.byline, article.sources["byline"]) == (["Nick van Mead"], "class-author")


def test_a_filing_line_is_as_long_as_its_byline_part():
    line = "by Daniel Gibson | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes and Pads |"
    assert clean("", f"<p>{line}</p>").byline == ["Daniel Gibson"]
    sentence = "By using this site you agree that we may store cookies on your device to improve it for you | More"
    assert clean("", f"<p>{sentence}</p>").byline == []


def test_posted_on_a_date_by_a_name():
    article = clean("", "<p>Posted on March 3, 2025 by Colin Watson</p>")
    assert article.byline == ["Colin Watson"]


def test_authors_of_comments_teasers_and_captions_are_not_the_byline():
    after = (
        '<div class="related-posts"><span class="author">Mark Twain</span></div>'
        '<div id="comments"><span class="comment-author">Jane Reader</span><p class="author">Joe Blogs</p></div>'
    )
    body = '<figure><figcaption><span class="author">Photo: Ed Marshall</span></figcaption></figure>'
    assert clean("", body, after).byline == []


def test_view_all_posts_and_roles_are_stripped_from_author_marks():
    body = '<div class="author-name">Keith Barry Senior Autos Reporter</div>'
    assert clean("", body).byline == ["Keith Barry"]
    assert clean("", '<a rel="author" href="/a/ray">View all posts by Ray Ansari</a>').byline == ["Ray Ansari"]


def test_reporting_credit_names_the_reporter_not_the_editors():
    article = clean("", "", "<p>(Reporting by Ana Ruiz; Editing by Tom Hale)</p>")
    assert (article.byline, article.sources["byline"]) == (["Ana Ruiz"], "reporting-credit")


def test_text_by_line_and_agency():
    text = (
        "Port workers end strike\n\nBy AFP\n\nDock workers returned to work on Tuesday after unions and operators "
        "agreed on a new wage scale, ending a strike that left dozens of ships waiting.\n"
    )
    assert Cleaner(mode="text").clean(text).byline == []
    article = Cleaner(mode="text").clean(text.replace("By AFP", "By Jane Doe, AFP"))
    assert (article.byline, article.sources["byline"]) == (["Jane Doe"], "by-line")


def graph(person: dict) -> str:
    import json

    payload = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "headline": "Council backs new bike lanes", "author": {"@id": "/#person"}},
            {"@type": "Person", "@id": "/#person", **person},
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(payload)}</script>'


def test_a_json_ld_author_given_by_reference_counts_when_the_page_writes_the_name():
    shown = '<p class="bio">Jane Doe covers city hall.</p>'
    assert clean(graph({"name": "Jane Doe"}), after=shown).byline == ["Jane Doe"]
    # The CMS's account name the theme never prints is not shown to readers.
    assert clean(graph({"name": "jdoe_admin2"})).byline == []
    assert clean(graph({"name": "Jane Doe"})).byline == []


def test_a_link_to_an_author_page_names_the_author_when_it_reads_as_a_name():
    link = '<p><a href="https://example.com/author/jane-doe/">Jane Doe</a></p>'
    article = clean(body=link)
    assert (article.byline, article.sources["byline"]) == (["Jane Doe"], "href-author")
    assert clean(body='<p><a href="/author/jane-doe/">More from Jane</a></p>').byline == []


def test_an_author_mark_in_the_articles_aside_is_the_last_resort():
    card = '<aside class="info"><h3>Author</h3><p><a rel="author" href="/u/1">Jane Doe</a></p></aside>'
    assert clean(body=card).byline == ["Jane Doe"]


def test_a_by_line_in_the_aside_under_the_headline_is_the_articles_own():
    # The post's meta box, right under the headline, beats the markup's account name.
    box = '<aside class="meta"><p>Written by Todd Bates</p></aside>'
    article = clean(ld('{"@type": "Person", "name": "Todd"}'), box)
    assert (article.byline, article.sources["byline"]) == (["Todd Bates"], "by-line")
    # Further down, an aside's "By" line is another article's.
    far = "<p>" + "A paragraph of the story that goes on about the lanes and the council. " * 3 + "</p>"
    assert clean(body=far * 5 + box).byline == []


def test_a_page_builders_widgets_are_not_asides():
    body = '<div class="elementor-widget-container"><p>By Jane Doe</p></div>'
    assert clean(body=body).byline == ["Jane Doe"]


def test_co_authors_linked_one_by_one_on_a_line_are_one_byline():
    line = '<p><a href="/author/rui-ma/">Rui Ma</a>, <a href="/author/heba-ledwon/">Heba Ledwon</a></p>'
    assert clean(body=line).byline == ["Rui Ma", "Heba Ledwon"]


def test_the_by_line_under_the_headline_beats_markup_naming_someone_else():
    article = clean('<meta name="author" content="Luke Daigle">', "<p>By Paul Fenaroli</p>")
    assert article.byline == ["Paul Fenaroli"]


def test_a_sentence_starting_with_by_names_no_one():
    line = "<p>By using Example, you agree to our Terms of Service and Privacy Policy.</p>"
    assert clean(body=line).byline == []


STORY = (
    "Port workers end strike\n\n{line}\n\nDock workers returned to work on Tuesday after unions and operators agreed "
    "on a new wage scale, ending a strike that left dozens of ships waiting.\n\nThe port authority said the backlog "
    "would be cleared by the end of the week, and that no cargo had been lost.\n"
)


def test_a_name_line_under_the_headline_of_a_text_is_its_byline():
    from cleaner.model.nameline import nameline_model

    assert {"jane", "david"} <= nameline_model().given
    article = Cleaner(mode="text").clean(STORY.format(line="David Miller | 3 March 2025"))
    assert (article.byline, article.sources["byline"]) == (["David Miller"], "name-line")
    assert "David Miller" not in article.body
    # Words that are also written in lower case in the text are words, not a name; a "By" line still wins.
    assert Cleaner(mode="text").clean(STORY.format(line="Dock Workers")).byline == []
    assert Cleaner(mode="text").clean(STORY.format(line="By Jane Doe")).sources["byline"] == "by-line"


def test_name_line_features_and_the_given_names():
    from cleaner.meta.nameline import candidates, given_features, given_name
    from cleaner.model.nameline import FEATURES
    from cleaner.prepare import prepare

    assert (given_name("Jane Doe"), given_name("gizzmo"), given_name("J. Doe")) == ("jane", None, None)
    assert given_name("Staff Writer") is given_name("The Diggs Team") is given_name("Redaktion Sport") is None
    assert given_features(["Jane Doe", "Zorblax Quint"], {"jane"}.__contains__) == {"given_any": 1, "given_all": 0}
    page = prepare(STORY.format(line="David Miller | 3 March 2025"), "text")
    page.headline = "Port workers end strike"
    [(at, names, features)] = candidates(page)
    assert (at, names) == (1, ["David Miller"])
    assert (features["dist"], features["has_date"], features["sep"], features["rest_words"]) == (1, 1, 1, 4)
    assert set(features) | {"given_any", "given_all"} == set(FEATURES)


def test_name_lines_are_looked_for_under_the_headlines_own_line_not_the_title_line_at_the_top():
    from cleaner.meta.dateclues import headline_at
    from cleaner.prepare import prepare

    menu = "\n\n".join(f"Section {n}" for n in range(12))
    page = prepare(f"Port workers end strike | Harbour News\n\n{menu}\n\n" + STORY.format(line="Ana Ruiz"), "text")
    page.headline = "Port workers end strike"
    assert headline_at(page, prefix=True) == 13  # the headline's own line, under the menu
    page.headline = "Port workers end"
    assert headline_at(page, prefix=True) == 0  # no line is the headline: the first that starts with it


def test_name_line_candidates_without_the_bullet_and_a_single_name_over_a_date():
    from cleaner.meta.nameline import candidates
    from cleaner.prepare import prepare

    page = prepare(STORY.format(line="* Kalyn Keen\n* Jun 9, 2025"), "text")
    page.headline = "Port workers end strike"
    assert [names for _, names, _ in candidates(page)] == [["Kalyn Keen"]]
    page = prepare(STORY.format(line="Mazi\n\nDecember 19, 2025"), "text")
    page.headline = "Port workers end strike"
    [(at, names, _)] = candidates(page)
    assert (at, names) == (1, ["Mazi"])
    # A single word with no date beside it is no candidate.
    page = prepare(STORY.format(line="Mazi"), "text")
    page.headline = "Port workers end strike"
    assert candidates(page) == []


def test_authors_alone_is_a_menus_link_and_authors_with_a_colon_a_label():
    links = "Archive\n\nAuthors\n\nContact Us\n\nCorporate Site\n\n"
    assert Cleaner(mode="text").clean(links + STORY.format(line="Reading time: 3 minutes")).byline == []
    label = Cleaner(mode="text").clean(STORY.format(line="Authors:\nAna Ruiz and Tom Hale"))
    assert label.byline == ["Ana Ruiz", "Tom Hale"]
