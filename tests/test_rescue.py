"""The rescue pass (rescue.py): a body left empty, or all link text, is looked for again; a body with text is not."""

from pathlib import Path

from cleaner import Cleaner
from cleaner.explain import render
from cleaner.meta import Metadata
from cleaner.page import Block, Page
from cleaner.rescue import rescue

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "The prime ministers of France and Belgium vowed on Monday to reinforce their cooperation in the fight "
    "against Islamist militants, including a faster exchange of information between their police forces."
)


def _dropped(text: str, reason: str, **fields) -> Block:
    block = Block(text=text, **fields)
    block.drop(reason)
    return block


def test_an_empty_body_is_looked_for_again_under_the_headline():
    blocks = [
        _dropped("Home", "page_chrome"),
        _dropped("Lyon to plant 20,000 trees", "headline", heading=1),
        _dropped(PARAGRAPH, "model"),
        _dropped("Cookies help us deliver our services. By using them you accept our use of cookies.", "cookie_banner"),
        _dropped("Leave a comment", "comment_form"),
        _dropped(PARAGRAPH.replace("France", "Spain"), "model"),
    ]
    page = Page(blocks=blocks, mode="text", found=Metadata(roles={"headline": [1]}))
    rescue(page)
    # Under the headline up to the comment form; the cookie banner, named precisely, stays out.
    assert [b.keep for b in page.blocks] == [False, False, True, False, False, False]
    assert page.blocks[2].detail == "rescued: under the headline (was model)"


def test_without_a_headline_the_densest_run_of_paragraphs_comes_back():
    blocks = [_dropped("Menu", "model"), _dropped(PARAGRAPH, "model"), _dropped(PARAGRAPH, "model")]
    page = Page(blocks=blocks, mode="text", found=Metadata())
    rescue(page)
    assert [b.keep for b in page.blocks] == [False, True, True]
    assert page.blocks[1].detail == "rescued: densest text (was model)"


def test_a_body_with_text_is_not_looked_at_again():
    page = Page(blocks=[Block(text="A short note."), _dropped(PARAGRAPH, "model")], mode="text")
    rescue(page)
    assert [b.keep for b in page.blocks] == [True, False]


def test_an_error_page_stays_empty():
    blocks = [_dropped("Page not found", "error_page"), _dropped(PARAGRAPH, "model")]
    page = Page(blocks=blocks, mode="text", found=Metadata())
    rescue(page)
    assert not any(b.keep for b in page.blocks)


def test_the_pass_can_be_switched_off_and_explain_shows_where_a_line_came_from():
    html = (ROOT / "fixtures" / "en-html-rescue" / "input.html").read_text(encoding="utf-8")
    cleaner = Cleaner(mode="html")
    page = cleaner.page(html)
    shown = render(page, cleaner.article(page))
    assert "rescued: " in shown
    off = Cleaner(mode="html", disable=["rescue"])
    assert not off.article(off.page(html)).body
