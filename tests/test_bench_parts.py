"""The bench's smaller parts: gold from readability's HTML, the converters, C4's line rules, dataset rows."""

from cleaner.bench.c4 import c4_clean, keep_line
from cleaner.bench.peers import select
from cleaner.devdata.datasets import find_datasets_dir, gold_of
from cleaner.devdata.dumps import CONVERTERS, STYLES, html_to_paragraphs, missing


def test_html_to_paragraphs_breaks_blocks_and_joins_inline():
    html = (
        "<div><h1>Title</h1><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul><script>x()</script>tail</div>"
    )
    assert html_to_paragraphs(html) == "Title\n\nOne bold word.\n\na\n\nb\n\ntail"
    assert html_to_paragraphs("") == ""
    assert html_to_paragraphs("<p>" * 3000 + "deep") == "deep"  # deeper than Python's recursion limit


def test_converters_keep_all_visible_text():
    html = "<html><body><nav>Home</nav><p>Article text here.</p><script>var x;</script></body></html>"
    not_here = missing(list(STYLES))
    for name, convert in CONVERTERS.items():
        if name in not_here:
            continue
        text = convert(html)
        # trafilatura's own extraction is the one style that already leaves the page's furniture out
        assert ("Home" in text or name == "trafilatura") and "Article text here." in text and "var x" not in text
        assert convert("") == ""


def test_c4_keeps_sentences_and_drops_furniture():
    assert keep_line("The prime ministers met in Brussels on Monday.")
    assert keep_line('He said: "we stand together."')
    assert not keep_line("Skip to content")  # no terminal punctuation
    assert not keep_line("Read more.")  # fewer than 3 words
    assert not keep_line("Please enable JavaScript to view the comments.")
    assert not keep_line("This site uses cookies to improve your experience.")
    assert not keep_line("Lorem ipsum dolor sit amet.")
    assert not keep_line("function f() { return 1; }.")
    assert not keep_line("And then it went on and on...")
    assert c4_clean("Menu\nThe prime ministers met in Brussels.\nShare") == "The prime ministers met in Brussels."


def test_gold_of_rows():
    readability = gold_of({"id": "1", "html": "", "body_html": "<p>A b</p><p>c</p>", "headline": "T", "author": None})
    assert readability.body == "A b\n\nc" and readability.meta_annotated and readability.byline is None
    unannotated = gold_of({"id": "2", "html": "", "with_": ["x"], "without": [], "headline": None, "date": None})
    assert unannotated.with_ == ["x"] and unannotated.body is None and not unannotated.meta_annotated
    annotated_none = gold_of({"id": "3", "html": "", "with_": [], "without": [], "headline": "T", "author": ""})
    assert annotated_none.meta_annotated and annotated_none.byline is None
    assert not gold_of({"id": "4", "html": "", "body": "text"}).meta_annotated


def test_select_systems_by_name_across_modes():
    assert [(s.mode, s.name) for s in select(["cleaner"], ("html", "text"))] == [
        ("html", "cleaner"),
        ("text", "cleaner"),
    ]
    assert {s.name for s in select(None, ("text",))} == {
        "cleaner",
        "cleaner-markdown",
        "c4-lines",
        "justext-lines",
        "as-is",
    }


def test_datasets_are_found_in_order_and_only_where_there_are_some(tmp_path):
    empty, full, other = tmp_path / "empty", tmp_path / "full", tmp_path / "other"
    for folder in (empty, full, other):
        folder.mkdir()
    (full / "x.jsonl.gz").write_bytes(b"")
    (other / "y.jsonl.gz").write_bytes(b"")
    assert find_datasets_dir([None, empty, full, other]) == full
    assert find_datasets_dir([empty, tmp_path / "missing"]) is None


def test_a_page_left_empty_is_counted_and_scored_as_such():
    from cleaner.bench.runner import run
    from cleaner.bench.summary import summarise
    from cleaner.devdata.datasets import BenchPage, Gold

    page = BenchPage("d", "1", None, "<html><body><nav>Menu</nav></body></html>", Gold(body="Article text here."))
    runs = run([page], select(["c4-lines", "as-is"], ("text",)), converters=("html-text",))
    c4, as_is = runs
    assert (c4.empty, c4.body.precision, c4.body.recall) == (True, None, 0.0)
    assert (as_is.empty, as_is.body.precision) == (False, 0.0)
    assert [s.empty for s in summarise(runs, {})] == [1, 0]


def test_each_page_starts_with_empty_line_caches():
    """No page is cleaned (or timed by the bench) faster for the pages cleaned before it: the caches of pure text
    functions are emptied when a page is prepared."""
    from cleaner import Cleaner
    from cleaner.meta.dates import find_dates
    from cleaner.prepare import prepare
    from cleaner.rules import plain

    Cleaner(mode="text").clean("Brussels, 2 February 2016\n\nThe prime ministers met on Monday.\n\nShare :")
    assert plain.cache_info().currsize > 0 and find_dates.cache_info().currsize > 0
    prepare("page", "text")
    assert plain.cache_info().currsize == 0 and find_dates.cache_info().currsize == 0
