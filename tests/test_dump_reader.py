"""Reading a scraper's dump back into paragraphs (segment/dump.py): wrapped lines joined, Markdown and a text
browser's link numbers read as what they mean, fragments of a sentence put back together, and every paragraph
pointing at the user's own lines."""

from cleaner import Cleaner
from cleaner.page import HEADING, ITEM, PARAGRAPH, QUOTE, Link
from cleaner.prepare import prepare
from cleaner.segment.dump import dump_style, read_dump

PROSE = (
    "The city council of Lyon approved on Tuesday a plan to plant twenty thousand trees along its main avenues "
    "over the next six years, a project that officials say will lower summer temperatures in the densest "
    "districts by up to two degrees, and that the opposition says costs too much for what it will change."
)


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    import textwrap

    return textwrap.wrap(text, width - len(indent), initial_indent=indent, subsequent_indent=indent)


def lynx_dump() -> str:
    lines = ["   [1]Skip to main content", "", "     * [2]Home", "     * [3]World", "", "Lyon plants trees", ""]
    for _ in range(4):
        lines += wrap(PROSE, 79, "   ") + [""]
    lines += ["   By [4]Claire Martin", "", "References", "", "   1. file:///#main", "   2. https://example.com/"]
    lines += ["   3. https://example.com/world", "   4. https://example.com/staff/claire-martin"]
    return "\n".join(lines) + "\n"


def test_a_text_browser_dump_is_read_as_paragraphs_links_and_its_reference_list():
    text = lynx_dump()
    style = dump_style(text, text.split("\n"))
    assert style.link_numbers and style.width is not None and style.margin == 3 and style.references is not None
    paragraphs = list(read_dump(text))
    assert [p.text for p in paragraphs[:3]] == ["Skip to main content", "* Home", "* World"]
    assert all(p.link_chars == len(p.text) - 2 for p in paragraphs[1:3])  # the bullet is no link text
    assert paragraphs[3].text == "Lyon plants trees" and paragraphs[3].heading == 2  # set out of the margin
    body = paragraphs[4]
    assert body.text == PROSE and (body.first, body.last) == (7, 7 + len(wrap(PROSE, 79, "   ")) - 1)
    assert paragraphs[-2].text == "By Claire Martin"
    assert paragraphs[-1].references and paragraphs[-1].text.startswith("References 1. file:///#main")


def test_the_reference_list_is_set_aside_and_explained_with_the_users_line_numbers():
    page = Cleaner(mode="text").page(lynx_dump())
    assert [b.reason for b in page.set_aside] == ["link_references"]
    assert all(b.lines is not None for b in page.blocks)
    record = Cleaner(mode="text").clean(lynx_dump()).to_dict(explain=True)
    assert record["removed"][-1]["reason"] == "link_references"
    assert record["removed"][-1]["lines"][1] == len(lynx_dump().split("\n")) - 1
    assert "[4]" not in record["body"] and "file:///" not in record["body"]


MARKDOWN = """Skip to main content

  * [Home](/)
  * [World](/world)

# Lyon plants trees

By [Claire Martin](/staff/claire-martin "Claire's page")

![](lyon.jpg)The banks of the **Rhône** in Lyon, during the heat wave of August
2023.

The city council of [Lyon](https://www.lyon.fr/conseil-
municipal) approved a plan on Tuesday.

> We cannot wait for the next heat wave.

[Login
Account](#)
"""


def test_markdown_is_read_as_headings_links_images_and_quotes():
    page = prepare(MARKDOWN, "text")
    found = [(b.text, b.kind, b.heading) for b in page.blocks]
    assert found == [
        ("Skip to main content", PARAGRAPH, 0),
        ("* Home", ITEM, 0),
        ("* World", ITEM, 0),
        ("Lyon plants trees", HEADING, 1),
        ("By Claire Martin", PARAGRAPH, 0),
        ("The banks of the Rhône in Lyon, during the heat wave of August 2023.", PARAGRAPH, 0),
        ("The city council of Lyon approved a plan on Tuesday.", PARAGRAPH, 0),
        ("We cannot wait for the next heat wave.", QUOTE, 0),
        ("Login Account", PARAGRAPH, 0),
    ]
    assert page.blocks[4].links == (Link("Claire Martin", "/staff/claire-martin"),)
    assert page.blocks[6].links == (Link("Lyon", "https://www.lyon.fr/conseil-municipal"),)
    assert page.blocks[8].link_chars == len("Login Account")
    assert [(i.src, i.at) for i in page.declared.images] == [("lyon.jpg", 5)]


def test_fragments_of_a_dump_without_blank_lines_are_put_back_into_their_sentences():
    lines = ["Home", "World", "Lyon plants trees", "by", "Claire Martin", "January 14, 2025"]
    lines += ["The council approved a plan proposed by the", "deputy mayor", "in charge of", "urban planning", "."]
    lines += ["It was the", "largest", "vote of the year.", "Share", "Email"] * 3
    texts = [p.text for p in read_dump("\n".join(lines))]
    assert texts[:5] == ["Home", "World", "Lyon plants trees", "by Claire Martin", "January 14, 2025"]
    assert texts[5] == "The council approved a plan proposed by the deputy mayor in charge of urban planning."
    assert texts[6] == "It was the largest vote of the year."


def test_a_plain_dump_stays_a_line_a_paragraph():
    text = "Lyon plants trees\n\n" + "\n\n".join([PROSE] * 5) + "\n\nShare\nEmail\n"
    style = dump_style(text, text.split("\n"))
    assert style == dump_style("", [""])  # nothing to read: no Markdown, no numbers, not wrapped, not fragmented
    assert [p.text for p in read_dump(text)] == ["Lyon plants trees", *[PROSE] * 5, "Share", "Email"]
