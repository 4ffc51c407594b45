"""The page model: segmentation says what each block is (its kind, heading level, list depth, table cell, inline
links) and what the page declares (its images, base URL), so later stages can render structure without parsing
the page again."""

from cleaner.page import CAPTION, CELL, HEADING, ITEM, PARAGRAPH, PRE, QUOTE, Link
from cleaner.prepare import prepare

HTML = """<html><head><base href="https://example.com/news/"></head><body><article>
<h2>Pensions rise in April</h2>
<p>The state pension rises, <a href="/money">the Treasury</a> said.</p>
<ul><li>Full rate</li><li>Basic rate<ol><li>Men born before 1951</li></ol></li></ul>
<blockquote><p>We kept the promise.</p></blockquote>
<table><tr><th>Year</th><th>Weekly</th></tr><tr><td>2024</td><td>£221.20</td></tr></table>
<figure><img src="chart.png" alt="A chart"><figcaption>The rise since 2010.</figcaption></figure>
<pre>rate = 221.20</pre>
<p>After the table.</p>
</article></body></html>"""


def test_html_blocks_say_what_they_are_and_where_they_stand():
    page = prepare(HTML, "html", links=True)
    found = [(b.text, b.kind, b.heading, b.depth, b.row, b.col) for b in page.blocks]
    assert found == [
        ("Pensions rise in April", HEADING, 2, 0, -1, -1),
        ("The state pension rises, the Treasury said.", PARAGRAPH, 0, 0, -1, -1),
        ("Full rate", ITEM, 0, 1, -1, -1),
        ("Basic rate", ITEM, 0, 1, -1, -1),
        ("Men born before 1951", ITEM, 0, 2, -1, -1),
        ("We kept the promise.", QUOTE, 0, 0, -1, -1),
        ("Year", CELL, 0, 0, 0, 0),
        ("Weekly", CELL, 0, 0, 0, 1),
        ("2024", CELL, 0, 0, 1, 0),
        ("£221.20", CELL, 0, 0, 1, 1),
        ("The rise since 2010.", CAPTION, 0, 0, -1, -1),
        ("rate = 221.20", PRE, 0, 0, -1, -1),
        ("After the table.", PARAGRAPH, 0, 0, -1, -1),
    ]
    assert page.blocks[1].links == (Link("the Treasury", "/money"),)
    assert prepare(HTML, "html").blocks[1].links == ()  # links are read when asked for
    (image,) = page.declared.images
    assert (image.src, image.alt, image.at, image.in_figure) == ("chart.png", "A chart", 10, True)
    assert image.figure in page.blocks[10].ancestry  # the caption stands in the image's figure
    assert page.declared.base == "https://example.com/news/"


def test_text_lines_with_a_list_marker_are_items():
    page = prepare("A headline\n\n* First point\n* Second point\n\nA paragraph of the article.", "text")
    assert [b.kind for b in page.blocks] == [PARAGRAPH, ITEM, ITEM, PARAGRAPH]


GROUPS = """<html><body><article><p>Roses are red<br>violets are blue<br><br>A new paragraph</p>
<pre>  a = 1
    b = 2</pre>
<ol><li><p>One</p><p>and more of one</p></li><li>Two</li></ol>
<table><tr><td>a</td><td>b</td></tr></table>
<figure><img src="data:image/gif;base64,R0l" data-src="/lazy.jpg" alt="Lazy"></figure>
</article></body></html>"""


def test_blocks_say_what_groups_them():
    page = prepare(GROUPS, "html")
    blocks = {b.text: b for b in page.blocks}
    assert [b.line_break for b in page.blocks[:3]] == [False, True, False]  # one <br> is a line break, two are not
    assert blocks["a = 1 b = 2"].raw == "  a = 1\n    b = 2"  # the text collapses the spaces, `raw` keeps them
    one, more, two = blocks["One"], blocks["and more of one"], blocks["Two"]
    assert one.unit == more.unit != two.unit  # two paragraphs of one list item
    assert one.group == two.group and page.declared.elements[one.group] == "ol"
    assert blocks["a"].group == blocks["b"].group and page.declared.elements[blocks["a"].group] == "table"
    assert [i.src for i in page.declared.images] == ["/lazy.jpg"]  # the lazy loader's address, not its placeholder
