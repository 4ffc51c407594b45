"""Body formats: Markdown and a safe HTML fragment written from what each kept block is, with the same words as the
text body (tests/test_structure_score.py scores them)."""

import pytest

from cleaner import Cleaner
from cleaner.devdata.structure import strip_markdown
from cleaner.urls import resolve

PAGE = """<html><head><title>Pensions rise | Example News</title><base href="/news/"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Pensions rise in April</h1>
<p>The state pension rises by 8.5 per cent in April, <a href="../money">the Treasury</a> said on Monday, in a move
that will benefit twelve million pensioners across the country.</p>
<h3>Who gets what</h3>
<p>The full new state pension goes up to £221.20 a week, and the basic state pension to £169.50, the department
said in a statement.</p>
<ul><li>Full rate: £221.20</li><li>Basic rate<ol><li>Men born before 1951</li><li>Women born before 1953</li></ol>
</li></ul>
<blockquote><p>We kept the promise we made to pensioners.</p><p>And we will keep it again.</p></blockquote>
<table><tr><th>Year</th><th>Weekly</th></tr><tr><td>2023</td><td>£203.85</td></tr><tr><td>2024</td><td>£221.20</td></tr>
</table>
<pre>rate = 221.20
  weekly</pre>
<p>1995. A year to remember, said the minister in the House.<br>Line two of the address</p>
<p><a href="javascript:alert(1)">A bad link</a> and <a href="https://x.org/a b">a spaced one</a> with [brackets] and
&lt;script&gt;alert(1)&lt;/script&gt; as text.</p>
</article></body></html>"""
URL = "https://example.com/2024/04/pensions.html"


@pytest.fixture(scope="module")
def cleaners():
    return {fmt: Cleaner(body_format=fmt, links=True) for fmt in ("text", "markdown", "html")}


def test_markdown_shows_the_article_structure(cleaners):
    body = cleaners["markdown"].clean(PAGE, url=URL).body
    assert body.split("\n\n") == [
        "The state pension rises by 8.5 per cent in April, [the Treasury](https://example.com/money) said on Monday, "
        "in a move that will benefit twelve million pensioners across the country.",
        "### Who gets what",  # an <h3> under the <h1> headline: two levels below the article's top heading
        "The full new state pension goes up to £221.20 a week, and the basic state pension to £169.50, the "
        "department said in a statement.",
        "- Full rate: £221.20\n- Basic rate\n  1. Men born before 1951\n  2. Women born before 1953",
        "> We kept the promise we made to pensioners.\n>\n> And we will keep it again.",
        "| Year | Weekly |\n|---|---|\n| 2023 | £203.85 |\n| 2024 | £221.20 |",
        "```\nrate = 221.20\n  weekly\n```",
        "1995\\. A year to remember, said the minister in the House.  \nLine two of the address",
        "A bad link and [a spaced one](https://x.org/a%20b) with \\[brackets\\] and \\<script>alert(1)\\</script> "
        "as text.",
    ]


def test_html_fragment_is_small_and_safe(cleaners):
    body = cleaners["html"].clean(PAGE, url=URL).body
    assert "<h3>Who gets what</h3>" in body
    assert "<ul><li>Full rate: £221.20</li><li>Basic rate<ol><li>Men born before 1951</li>" in body
    assert "<table><thead><tr><th>Year</th><th>Weekly</th></tr></thead><tbody><tr><td>2023</td>" in body
    assert '<a href="https://example.com/money">the Treasury</a>' in body
    assert "<p>1995. A year to remember, said the minister in the House.<br>Line two of the address</p>" in body
    assert "javascript" not in body and "<script>" not in body and "&lt;script&gt;" in body
    assert "<nav" not in body and "Home" not in body


def test_the_words_are_the_same_in_every_format(cleaners):
    text = cleaners["text"].clean(PAGE, url=URL).body
    markdown = cleaners["markdown"].clean(PAGE, url=URL).body
    assert strip_markdown(markdown).split() == text.replace("\n", " ").split()


def test_text_stays_the_default():
    assert Cleaner().clean(PAGE, url=URL).body == Cleaner(body_format="text").clean(PAGE, url=URL).body
    assert "[" not in Cleaner(body_format="markdown").clean(PAGE, url=URL).body.split("\n")[0]  # no --links


def test_a_layout_table_is_no_data_table():
    cells = "".join(
        f"<tr><td>Paragraph {n} of the story, which is long enough to be read as the article's own text and "
        f"not as the cell of a table that holds figures, names or dates, as data tables do.</td>"
        f"<td>The second column of row {n}, written as a whole paragraph of the story as well, with its words.</td>"
        "</tr>"
        for n in range(3)
    )
    body = Cleaner(body_format="markdown").clean(f"<html><body><table>{cells}</table></body></html>").body
    assert "|" not in body and body.count("\n\n") == 5


def test_a_cell_broken_by_br_and_a_described_row_stay_a_data_table():
    rows = "".join(
        f"<tr><td>Film {n}</td><td>{1960 + n}</td><td>A couple wakes up one sunny morning and finds that the day "
        f"repeats itself, again and again, until they learn what it asks of them ({n}).</td></tr>"
        for n in range(4)
    )
    table = f"<table><tr><th>Title</th><th>Year</th><th>Plot<br>(summary)</th></tr>{rows}</table>"
    body = Cleaner(body_format="markdown").clean(f"<html><body>{table}</body></html>").body
    assert "| Title | Year | Plot (summary) |" in body and body.count("\n| Film ") == 4


def test_text_pages_render_their_list_items():
    text = (
        "Pensions rise in April\n\nThe state pension rises by 8.5 per cent in April, the Treasury said on Monday, "
        "in a move that will benefit twelve million pensioners.\n\n* Full rate: £221.20 a week from April\n"
        "* Basic rate: £169.50 a week from April\n\nThe department said the rise follows the triple lock rule that "
        "links pensions to earnings, prices or 2.5 per cent."
    )
    body = Cleaner(mode="text", body_format="markdown").clean(text).body
    assert "- Full rate: £221.20 a week from April\n- Basic rate: £169.50 a week from April" in body


def test_a_short_title_line_between_paragraphs_of_a_text_is_a_subheading():
    paragraph = (
        "The state pension rises by 8.5 per cent in April, the Treasury said on Monday, in a move that will "
        "benefit twelve million pensioners across the country."
    )
    text = f"Pensions rise in April\n\n{paragraph}\n\nWho gets what\n\n{paragraph}\n\nIt is final.\n\n{paragraph}"
    body = Cleaner(mode="text", body_format="markdown").clean(text).body
    assert "\n\n## Who gets what\n\n" in body and "\n\nIt is final.\n\n" in body


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../a", "https://example.com/a"),
        ("java\tscript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("http://[::1", None),  # malformed: dropped, never raised
        ("mailto:desk@example.com", "mailto:desk@example.com"),
    ],
)
def test_addresses_resolve_and_unsafe_ones_go(href, expected):
    assert resolve("https://example.com/news/page.html", href) == expected
