"""Text a reader sees although the markup hides it: React's streamed parts, sent hidden at the end of the body, are
read where their templates stand; a page that shows its text only inside <noscript> is read there."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.segment.streamed import place_streamed

ARTICLE = [
    "The small ferry that links the two halves of the harbour went back into service on Monday morning, four "
    "months after a storm tore one of its engines from its mounting.",
    "About two hundred passengers made the five-minute trip before nine o'clock, most of them workers from the "
    "fish market on the north quay who had spent the winter driving the long way round.",
]


def streamed_page(boundary: str = "B:0", part: str = "S:0", script: str = '$RC("B:0","S:0")') -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    return (
        "<!DOCTYPE html><html><head><title>Ferry returns</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><h1>Ferry returns</h1><!--$?--><template id='{boundary}'></template><div>Loading…</div><!--/$-->"
        "<p>Filed from the harbour office.</p></main>"
        "<footer><p>© 2025 Coastline Daily. All rights reserved.</p></footer>"
        f"<div hidden id='{part}'>{paragraphs}</div><script>{script}</script></body></html>"
    )


def test_a_streamed_part_moves_to_its_template_and_replaces_the_fallback():
    html = streamed_page()
    tree = LexborHTMLParser(html)
    assert place_streamed(tree, html) == 1
    main = tree.css_first("main").text(separator="\n")
    assert ARTICLE[0] in main and "Loading" not in main
    assert main.index(ARTICLE[1]) < main.index("Filed from the harbour office.")
    assert tree.css_first("template") is None and tree.css_first("div[hidden]") is None


def test_the_script_pairs_a_part_with_its_template_whatever_their_numbers():
    html = streamed_page(boundary="B:7", part="S:2", script='$RC("B:7","S:2")')
    tree = LexborHTMLParser(html)
    assert place_streamed(tree, html) == 1
    assert ARTICLE[0] in tree.css_first("main").text()


def test_a_part_without_a_template_is_shown_where_it_stands():
    html = streamed_page(boundary="other", script="")
    tree = LexborHTMLParser(html)
    assert place_streamed(tree, html) == 1
    assert tree.css_first("div[hidden]") is None and ARTICLE[0] in tree.body.text()


def test_a_page_without_streamed_parts_is_left_alone():
    html = "<html><body><div hidden><p>A hidden note.</p></div><p>Text.</p></body></html>"
    tree = LexborHTMLParser(html)
    assert place_streamed(tree, html) == 0
    assert tree.css_first("div[hidden]") is not None


def test_the_cleaner_keeps_a_streamed_article():
    article = Cleaner(mode="html").clean(streamed_page())
    assert all(text in article.body for text in ARTICLE)


def test_a_page_whose_text_is_all_in_noscript_is_read_there():
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    html = f"<html><body><noscript><div id='nojs'><h1>Ferry returns</h1>{paragraphs}</div></noscript></body></html>"
    article = Cleaner(mode="html").clean(html)
    assert all(text in article.body for text in ARTICLE)


def test_noscript_stays_unread_when_the_page_has_text_of_its_own():
    html = f"<html><body><noscript><p>Please enable JavaScript.</p></noscript><p>{ARTICLE[0]}</p></body></html>"
    article = Cleaner(mode="html").clean(html)
    assert "JavaScript" not in article.body and "Please enable JavaScript." not in [r["text"] for r in article.removed]


def test_a_post_kept_in_a_script_template_is_read_from_its_noscript_twin():
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    escaped = paragraphs.replace("<", "&lt;").replace(">", "&gt;")
    html = (
        "<html><head><title>Ferry returns</title></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Ferry returns</h1><div class='post-content'>"
        f"<script type='text/template'>{escaped}</script>\n<noscript>{paragraphs}</noscript></div>"
        f"<div class='sidebar'><noscript><p>Please enable JavaScript.</p></noscript></div></body></html>"
    )
    article = Cleaner(mode="html").clean(html)
    assert all(article.body.count(text) == 1 for text in ARTICLE)
    assert "JavaScript" not in article.body and "&lt;" not in article.body
