"""The context pass: a short line between removed lines goes with them, a short line inside the article stays."""

from cleaner.classify import CONTENT_SURE, CONTEXT, apply_context
from cleaner.page import Block, Page

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


def test_metadata_lines_are_looked_through():
    # A standfirst between the headline and the date is article text: the date line is no evidence.
    assert context_reasons(
        (PARAGRAPH, None),
        ("France and Belgium increase cooperation", "headline"),
        ("A proposed passenger record would help track travellers", None),
        ("February 2, 2016", "date_stamp"),
        (PARAGRAPH, None),
    ) == [None, "headline", None, "date_stamp", None]
    # Between a date line and the article, a short line is the article's first (a subheading, a lead-in).
    assert context_reasons(
        ("Share :", "share_prompt"), ("February 2, 2016", "date_stamp"), ("In brief", None), (PARAGRAPH, None)
    ) == ["share_prompt", "date_stamp", None, None]


def test_short_lines_above_the_headline_at_the_top_of_the_page_go():
    assert context_reasons(
        ("World", None), ("Europe", None), ("France and Belgium increase cooperation", "headline"), (PARAGRAPH, None)
    ) == [CONTEXT, CONTEXT, "headline", None]


def test_long_lines_are_never_taken_by_context():
    assert context_reasons(("Share :", "share_prompt"), (PARAGRAPH, None), ("Advertising", "advertising_label")) == [
        "share_prompt",
        None,
        "advertising_label",
    ]


def test_a_run_above_the_headline_goes_with_the_menu_before_it():
    assert context_reasons(
        ("Skip to content", "skip_link"),
        ("World", None),
        ("Europe and the Middle East", None),
        ("France and Belgium increase cooperation", "headline"),
        ("February 2, 2016", "date_stamp"),
        (PARAGRAPH, None),
    ) == ["skip_link", CONTEXT, CONTEXT, "headline", "date_stamp", None]


def test_a_long_run_of_short_lines_between_removed_lines_goes():
    menu = [(f"Section number {n} of the site menu", None) for n in range(8)]
    article = ("The council approved the budget on Tuesday after a long debate about the schools and the roads.", None)
    reasons = context_reasons(("Skip to content", "skip_link"), *menu, ("Advertising", "advertising_label"), article)
    assert reasons[1:-2] == [CONTEXT] * 8
    assert reasons[-1] is None


def test_the_context_pass_never_empties_a_page_but_an_error_page():
    """Short lines that are all the body a page has left are its text (a photo page, a note), not stranded
    furniture; on a "Page not found" page they go."""
    lines = [("Skip to content", "skip_link"), ("Harbour at dawn", None), ("Photo: Anna Berg", "photo_credit")]
    assert context_reasons(*lines)[1] is None
    assert context_reasons(*lines, ("404 - Page not found", "error_page"))[1] == CONTEXT


def _headed(*spec: tuple[str, int, bool]) -> Page:
    blocks = []
    for i, (text, level, keep) in enumerate(spec):
        block = Block(text=text, index=i, tag=f"h{level}" if level else "p", heading=level)
        if not keep:
            block.drop("link_list", 0.8)
        blocks.append(block)
    return Page(blocks=blocks, mode="html")


ARTICLE = "The council approved the plan on Tuesday after a long debate about its cost and its timetable."


def test_a_heading_over_removed_lines_only_goes():
    page = _headed(
        ("Budget", 2, True),
        (ARTICLE, 0, True),
        ("Related posts", 2, True),
        ("Other story", 0, False),
        ("Comments", 2, True),
        ("Nice post!", 0, False),
    )
    apply_context(page)
    assert [b.text for b in page.blocks if b.keep] == ["Budget", ARTICLE]
    assert page.blocks[2].reason == page.blocks[4].reason == CONTEXT


def test_a_heading_over_kept_text_or_a_subheading_stays():
    page = _headed(
        (ARTICLE, 0, True),
        ("Budget", 2, True),
        ("Share", 0, False),
        (ARTICLE, 0, True),
        ("Costs", 2, True),
        ("Details", 3, True),
        (ARTICLE + " Again.", 0, True),
    )
    apply_context(page)
    assert all(b.keep for b in page.blocks if b.text != "Share")


def test_an_empty_section_heading_stays_when_the_page_has_no_paragraph_besides():
    page = _headed(
        ("Photo of the day", 2, True),
        ("A bridge at dawn", 0, True),
        ("More photos", 2, True),
        ("Gallery link", 0, False),
    )
    apply_context(page)
    assert page.blocks[2].keep


def test_a_line_the_model_is_sure_of_stays_between_removed_lines():
    # An ingredient list between an advert and a share bar: the model scored two items as sure content.
    page = page_of(
        (PARAGRAPH, None),
        ("Advertising", "advertising_label"),
        ("200 g flour", None),
        ("2 eggs", None),
        ("Subscribe", None),
        ("Share :", "share_prompt"),
    )
    for block, score in zip(page.blocks[2:5], (0.05, 0.15, 0.7), strict=True):
        block.score = score
    apply_context(page, sure=CONTENT_SURE)
    assert [b.reason for b in page.blocks] == [None, "advertising_label", None, None, CONTEXT, "share_prompt"]
    apply_context(page)  # without a model's scores, the run goes as a whole
    assert [b.reason for b in page.blocks][2:5] == [CONTEXT] * 3
