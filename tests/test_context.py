"""The context pass: a short line between removed lines goes with them, a short line inside the article stays."""

from cleaner.classify import CONTEXT, apply_context
from cleaner.record import Block, Page

PARAGRAPH = (
    "The prime ministers of France and Belgium vowed on Monday to reinforce their cooperation in the fight "
    "against Islamist militants, including a faster exchange of information between their police forces."
)


def page_of(*lines: tuple[str, str | None]) -> Page:
    blocks = []
    for n, (text, reason) in enumerate(lines):
        block = Block(text=text, index=n)
        if reason:
            block.drop(reason)
        blocks.append(block)
    return Page(blocks=blocks, mode="text")


def context_reasons(*lines: tuple[str, str | None]) -> list[str | None]:
    page = page_of(*lines)
    apply_context(page)
    return [b.reason for b in page.blocks]


def test_short_line_between_removed_lines_goes():
    assert context_reasons(
        (PARAGRAPH, None), ("Share :", "share_prompt"), ("WhatsApp", None), ("Advertising", "advertising_label")
    ) == [None, "share_prompt", CONTEXT, "advertising_label"]


def test_short_line_inside_the_article_stays():
    assert context_reasons((PARAGRAPH, None), ("Belgium isn't lawless", None), (PARAGRAPH, None)) == [None] * 3


def test_short_line_with_kept_text_on_one_side_stays():
    assert context_reasons((PARAGRAPH, None), ("Belgium isn't lawless", None), ("Share :", "share_prompt")) == [
        None,
        None,
        "share_prompt",
    ]


def test_page_edge_counts_as_removed_next_to_furniture():
    assert context_reasons(("Menu", None), ("World", None), ("Skip to content", "skip_link"), (PARAGRAPH, None)) == [
        CONTEXT,
        CONTEXT,
        "skip_link",
        None,
    ]
    assert context_reasons((PARAGRAPH, None), ("Read more", "teaser_label"), ("Top stories today", None)) == [
        None,
        "teaser_label",
        CONTEXT,
    ]


def test_metadata_lines_are_not_evidence_of_furniture():
    # A standfirst between the headline and the date is article text, and so is a kicker at the top.
    assert context_reasons(
        ("Introduction", None),
        ("France and Belgium increase cooperation", "headline"),
        ("A proposed passenger record would help track travellers", None),
        ("February 2, 2016", "date_stamp"),
        (PARAGRAPH, None),
    ) == [None, "headline", None, "date_stamp", None]


def test_long_lines_are_never_taken_by_context():
    assert context_reasons(("Share :", "share_prompt"), (PARAGRAPH, None), ("Advertising", "advertising_label")) == [
        "share_prompt",
        None,
        "advertising_label",
    ]


def test_a_long_run_goes_only_when_its_lines_are_menu_sized():
    table = [(f"Combined ratio line {n} value 9{n}.4", None) for n in range(5)]
    reasons = context_reasons(("Share :", "share_prompt"), *table, ("Advertising", "advertising_label"))
    assert reasons[1:-1] == [None] * 5
    menu = [(word, None) for word in ("World", "Europe", "Business", "Sport", "Culture")]
    reasons = context_reasons(("Skip to content", "skip_link"), *menu, ("Advertising", "advertising_label"))
    assert reasons[1:-1] == [CONTEXT] * 5
