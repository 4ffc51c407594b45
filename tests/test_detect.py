"""Auto mode reads a saved page as HTML whatever it carries before its document (issue 23, item 1)."""

import codecs
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.httphead import split_head
from cleaner.segment import looks_like_html

runner = CliRunner()

PARAGRAPH = (
    "The harbour authority said on Tuesday that the new ferry service would start in the spring, after two years "
    "of delays caused by the rebuilding of the northern pier and a long dispute over the timetable."
)
DOCUMENT = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN" "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml">\n  \n  \n<head>\n'
    '<link rel="stylesheet" type="text/css" href="/css/main.css" />\n'
    '<meta name="viewport" content="width=device-width" />\n'
    "<title>Ferry service to start in spring</title>\n"
    "<script>var settings = {lang: 'en', edition: 'uk'};\n"
    + "function load(name) { return settings[name] || document.getElementById(name); }\n"
    * 150
    + "</script>\n"
    "</head>\n<body>\n<h1>Ferry service to start in spring</h1>\n"
    + "".join(f"<p>{PARAGRAPH}</p>\n" for _ in range(4))
    + "</body>\n</html>\n"
)
# Real pages carry kilobytes of inline script in their head: too few tags per character to pass as HTML by
# their density alone.
# What saved pages carry before the document, as seen on real pages.
PREFIXES = {
    "text-wrapper": '\n<text id="http://bbc.co.uk/news/business-21302969"> \n\n',
    "text-wrapper-with-attributes": '\n<text id="http://example.com/blog/1" title="" encoding="utf-8">\n\n',
    "xml-declaration": '<?xml version="1.0" encoding="UTF-8"?>\n',
    "comments": "<!-- saved from url=(0042)http://example.com/news/ferry -->\n<!-- cached 2013-02-04 -->\n",
    "svg-sprite": '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'
    + "".join(
        f'<symbol id="icon-{n}" viewBox="0 0 24 24"><title>icon {n}</title><path d="M0 0h24v24H0z"/></symbol>'
        for n in range(300)
    )
    + "</svg>\n",
}


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
def test_leading_junk_still_reads_as_html(prefix):
    assert looks_like_html(PREFIXES[prefix] + DOCUMENT)


def test_prose_that_mentions_html_tags_stays_text():
    text = (PARAGRAPH + "\n\n") * 3 + "Every page starts with <html> and has a <body>.\n\n" + PARAGRAPH
    assert not looks_like_html(text)


def _cleaned_on_stdin(content: bytes, *args: str) -> dict:
    result = runner.invoke(app, ["clean", "-", *args], input=content)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
def test_clean_on_stdin_gives_the_article_not_the_markup(prefix):
    record = _cleaned_on_stdin((PREFIXES[prefix] + DOCUMENT).encode())
    assert record["headline"] == "Ferry service to start in spring"
    assert "<" not in record["body"] and "settings" not in record["body"]
    assert PARAGRAPH in record["body"]


def test_byte_order_mark_then_document():
    record = _cleaned_on_stdin(codecs.BOM_UTF8 + ("\n" + DOCUMENT).encode())
    assert record["headline"] == "Ferry service to start in spring"
    assert "<" not in record["body"]


CYRILLIC = "Паром начнёт ходить весной, сообщили в администрации порта во вторник."


def _curl_saved(charset: str) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset={charset}\r\n\r\n"
    body = DOCUMENT.replace(PARAGRAPH, CYRILLIC * 3)
    return head.encode("ascii") + body.encode(charset)


def test_http_head_is_read_and_dropped():
    body, head = split_head(_curl_saved("koi8-r"))
    assert head is not None and head.charset == "koi8-r" and head.html
    assert body.startswith(b"<!DOCTYPE")


def test_curl_saved_page_honours_the_charset_and_drops_the_head():
    record = _cleaned_on_stdin(_curl_saved("koi8-r"))
    assert CYRILLIC in record["body"]
    assert "HTTP/1.1" not in record["body"] and "nginx" not in record["body"]
    assert record["headline"] == "Ferry service to start in spring"


def test_curl_followed_redirects_leave_every_head_out():
    redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/news/ferry\r\n\r\n"
    record = _cleaned_on_stdin(redirect + _curl_saved("utf-8"))
    assert "Moved" not in record["body"] and "Location" not in record["body"]
    assert CYRILLIC in record["body"]


def test_html_suffix_means_html(tmp_path):
    fragment = f"<p>{PARAGRAPH}</p>\n<p>{PARAGRAPH} Again.</p>\n"
    assert not looks_like_html(fragment)  # too few tags to tell from the content alone
    (tmp_path / "story.html").write_text(fragment, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path / "story.html")])
    assert result.exit_code == 0, result.output
    assert "<p>" not in json.loads(result.stdout)["body"]
    # The user's --mode wins over the name.
    result = runner.invoke(app, ["clean", str(tmp_path / "story.html"), "--mode", "text"])
    assert "<p>" in json.loads(result.stdout)["body"]


def test_explain_reads_a_wrapped_page_as_html(tmp_path):
    page = tmp_path / "saved.txt"  # the name says nothing: the content must
    page.write_text(PREFIXES["text-wrapper"] + DOCUMENT, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(page)])
    assert result.exit_code == 0, result.output
    assert "<link" not in result.stdout and "<meta" not in result.stdout
    assert re.search(r"^headline +Ferry service to start in spring", result.stdout, re.M)


def test_python_api_sees_through_the_wrapper():
    article = Cleaner().clean(PREFIXES["text-wrapper"] + DOCUMENT)
    assert article.headline == "Ferry service to start in spring"


def test_fixture_input_html_is_html(tmp_path):
    from cleaner import fixtures

    page = tmp_path / "page.html"
    page.write_text(f"<p>{PARAGRAPH}</p>\n<p>{PARAGRAPH} Again.</p>\n", encoding="utf-8")
    folder = fixtures.add(page, "fragment", tmp_path / "fixtures")
    assert PARAGRAPH in fixtures.read_expected(folder)["body"]
    assert "<p>" not in fixtures.read_expected(folder)["body"]
    assert Path(folder / "input.html").is_file()
