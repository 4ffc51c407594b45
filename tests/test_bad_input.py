"""Bad input: a clear message on stderr, an error record (or a line in --rejects), the batch goes on, exit status 1
when some input failed and 2 for usage errors; inputs in = records out + rejects."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.batch import clean_items
from cleaner.cli import app
from cleaner.decode import DecodeError, decode
from cleaner.io.readers import Item
from cleaner.rules import Rule
from cleaner.rules.dispatch import RuleDispatch

runner = CliRunner()
ARTICLE = (
    "France and Belgium increase cooperation\n\n"
    "The prime ministers of France and Belgium have met in Brussels to announce increased cooperation against "
    "terrorism, after the attacks that killed 130 people in Paris in November.\n"
)


def run(*args: str):
    result = runner.invoke(app, ["clean", *args])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\n \t\n", "empty file"),
        ("binary.html", bytes(range(256)) * 20, "binary content"),
        ("mis-encoded.txt", b"\xff\xfe\x00\x00" + bytes(range(128, 256)) * 3, "mis-encoded"),
        ("truncated.txt.gz", gzip.compress(ARTICLE.encode() * 50)[:60], "truncated file"),
        ("not-gzip.txt.gz", b"this was never compressed", "cannot read"),
    ],
)
def test_a_bad_file_becomes_an_error_record_and_the_batch_goes_on(tmp_path, good, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    result, records = run(str(bad), str(good))
    assert result.exit_code == 1
    assert [r.get("error", "") for r in records][1] == ""
    assert message in records[0]["error"] and records[0]["id"] == str(bad)
    assert f"cleaner: {bad}: " in result.stderr and message in result.stderr
    assert "done: 1 record(s), 1 error record(s) (1 " in result.stderr


def test_missing_paths_and_empty_globs_are_errors_not_silence(tmp_path, good):
    result, records = run(str(tmp_path / "nope.txt"), str(tmp_path / "*.html"), str(good))
    assert result.exit_code == 1
    assert [r.get("error") for r in records] == ["no such file or folder", "no file matches this pattern", None]


def test_legacy_encodings_are_decoded():
    text = "Le Premier ministre a salué la coopération; Café crème à Bruxelles."
    assert decode(text.encode("cp1252")) == text
    assert decode(text.encode("utf-16")) == text
    assert decode("Größere Zusammenarbeit, sagte der Minister.".encode("latin-1")) == (
        "Größere Zusammenarbeit, sagte der Minister."
    )
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x00\x01\x02" * 100)


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_utf8_read_as_a_legacy_encoding_is_mended(wrong):
    text = "Größere Zusammenarbeit – „schön“, sagte der Minister. Dziękujemy, café crème."
    mojibake = text.encode("utf-8").decode(wrong)  # "GrÃ¶ÃŸere Zusammenarbeit â€“ ..."
    assert mojibake != text
    assert decode(mojibake) == text
    assert decode(mojibake.encode("utf-8")) == text  # the bytes of a page that was saved that way


@pytest.mark.parametrize(
    "text",
    [
        "„Fuß“, „Gruß“ und „Spaß“: German quotes after ß.",  # ß + “ would read as an N'Ko letter
        "A text about mojibake may quote one Ã© and stay as it is.",
    ],
)
def test_real_text_is_not_mended(text):
    assert decode(text) == text


def test_bad_jsonl_lines_are_rejected_one_by_one(tmp_path):
    lines = [
        json.dumps({"id": "ok-1", "text": ARTICLE, "source": "crawl-7", "tags": ["eu"]}),
        "this is not json",
        "[1, 2, 3]",
        json.dumps({"id": "wrong-type", "html": 42}),
        json.dumps({"id": "no-content", "title": "x"}),
        json.dumps({"id": 7, "text": ARTICLE}),
        "",
        '{"id": "truncated", "text": "Fra',
    ]
    dump = tmp_path / "pages.jsonl"
    dump.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "bad-bytes", "text": "\xff\xfe"}\n')
    rejects = tmp_path / "rejects.jsonl"
    result, records = run(str(dump), "--rejects", str(rejects))
    rejected = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 1
    assert [r["id"] for r in records] == ["ok-1", "7"]
    assert records[0]["source"] == "crawl-7"  # unknown fields pass through
    assert records[0]["tags"] == [] and records[0]["input_tags"] == ["eu"]  # and the record's names replace none
    assert [r["id"] for r in rejected] == [
        f"{dump}:2",
        f"{dump}:3",
        "wrong-type",
        "no-content",
        f"{dump}:8",
        f"{dump}:9",
    ]
    assert "invalid JSON" in rejected[0]["error"] and "must be an object" in rejected[1]["error"]
    assert "'html' is empty or not a string" in rejected[2]["error"]
    assert "no 'html' or 'text' field" in rejected[3]["error"]
    # Inputs in = records out + rejects: eight non-blank lines and one of bad bytes.
    assert len(records) + len(rejected) == 8
    # The summary counts the error records by kind, and says how long the run took.
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("cleaner: done: 2 record(s), 6 error record(s) (") and summary.endswith(" s")
    assert "(4 invalid json; 2 no content) in " in summary
    assert [r["error_kind"] for r in rejected] == ["invalid_json"] * 2 + ["no_content"] * 2 + ["invalid_json"] * 2


def test_truncated_gzip_jsonl_keeps_the_records_before_the_damage(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"id": f"p{n}", "text": ARTICLE}).encode() + b"\n" for n in range(300)))
    dump = tmp_path / "pages.jsonl.gz"
    dump.write_bytes(data[: len(data) // 2])
    result, records = run(str(dump))
    assert result.exit_code == 1
    assert records[-1]["error"].startswith("cannot read further: truncated file")
    assert all("error" not in r for r in records[:-1]) and len(records) > 1


def test_a_crash_on_one_page_does_not_stop_the_batch():
    def explode(page, i):
        if "explode" in page.blocks[i].text:
            raise KeyError("a bug in a rule")
        return False

    cleaner = Cleaner(mode="text")
    exploding = Rule("exploding_rule", explode, 1.0, frozenset({"text"}), "tests", "explodes")
    for dispatches in (cleaner.rules, cleaner.overruling):
        dispatches["text"] = RuleDispatch([exploding, *dispatches["text"].rules])
    items = [Item(id="a", content="explode here"), Item(id="b", content=ARTICLE)]
    articles = list(clean_items(cleaner, items))
    assert articles[0].error == "internal error: KeyError: 'a bug in a rule'"
    assert articles[0].error_kind == "internal"
    assert articles[1].error is None and "130 people" in articles[1].body


@pytest.mark.parametrize(
    "args",
    [
        ["--mode", "bogus", "x.txt"],
        ["--disable", "no_such_rule", "x.txt"],
        ["--no-such-option", "x.txt"],
        ["--format", "xml", "x.txt"],
    ],
)
def test_usage_errors_exit_2(args):
    result = runner.invoke(app, ["clean", *args])
    assert result.exit_code == 2


def test_unwritable_output_is_a_usage_error(tmp_path, good):
    result = runner.invoke(app, ["clean", str(good), "-o", str(tmp_path / "no" / "such" / "dir" / "out.jsonl")])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    result = runner.invoke(app, ["clean", str(good), "-o", str(tmp_path / "out.jsonl"), "--rejects", "/no/such/r"])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == [good]  # the half-opened output was discarded


def test_exit_status_in_a_real_process(tmp_path, good):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ok = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(good)], capture_output=True, text=True)
    failed = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(empty), str(good)], capture_output=True, text=True
    )
    usage = subprocess.run([sys.executable, "-m", "cleaner", "clean", "--mode", "x"], capture_output=True, text=True)
    assert (ok.returncode, failed.returncode, usage.returncode) == (0, 1, 2)
    assert len(failed.stdout.splitlines()) == 2 and "empty file" in failed.stderr


def test_an_over_long_jsonl_line_is_rejected_without_reading_it_whole(tmp_path, monkeypatch):
    from cleaner.io import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1_000)  # the real cap is 100 MB; the logic is the same
    dump = tmp_path / "pages.jsonl"
    long_line = json.dumps({"id": "long", "text": "word " * 1_000})
    dump.write_text(
        "\n".join([json.dumps({"id": "a", "text": ARTICLE}), long_line, json.dumps({"id": "b", "text": ARTICLE})])
    )
    result, records = run(str(dump))
    assert [(r["id"], r.get("error")) for r in records] == [
        ("a", None),
        (f"{dump}:2", "line longer than 1,000 bytes; not a single page"),
        ("b", None),
    ]


BAD_URL = "http://[oops"
PAGE_WITH_HEAD = (
    "<html><head><title>Council backs the new budget</title>{head}</head><body><article>"
    "<h1>Council backs the new budget</h1><p>" + ARTICLE.split("\n\n")[1] + "</p></article></body></html>"
)


@pytest.mark.parametrize(
    "head",
    [
        f'<link rel="canonical" href="{BAD_URL}">',
        f'<meta property="og:url" content="{BAD_URL}">',
        f'<base href="{BAD_URL}">',
        f'<link rel="canonical" href="{BAD_URL}"><meta property="og:url" content="{BAD_URL}">',
    ],
)
def test_a_bad_url_in_the_page_is_ignored_not_fatal(head):
    article = Cleaner().clean(PAGE_WITH_HEAD.format(head=head))
    assert article.error is None and "cooperation against terrorism" in article.body


def test_a_bad_url_given_with_the_page_is_ignored_not_fatal(tmp_path):
    cleaner = Cleaner(templates=None)
    for mode, page in (("html", PAGE_WITH_HEAD.format(head="")), ("text", ARTICLE)):
        article = cleaner.clean(page, url=BAD_URL, mode=mode)
        assert article.error is None and "cooperation against terrorism" in article.body
        assert article.url == BAD_URL  # kept as given: the record says what the input said
    dump = tmp_path / "pages.jsonl"
    dump.write_text(json.dumps({"id": "a", "url": BAD_URL, "text": ARTICLE}) + "\n", encoding="utf-8")
    result, records = run(str(dump), "--site", "example.com")
    assert result.exit_code == 0 and "error" not in records[0] and records[0]["url"] == BAD_URL


def _strict(line: str):
    def refuse(name):
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(line, parse_constant=refuse)


def test_nan_and_infinity_in_passed_through_fields_are_written_as_null(tmp_path):
    dump = tmp_path / "numbers.jsonl"
    dump.write_text(
        '{"id": "a", "s": 1e999, "n": NaN, "m": [-Infinity, 1.5], "text": ' + json.dumps(ARTICLE) + "}\n",
        encoding="utf-8",
    )
    for out in (tmp_path / "out.jsonl", None):
        args = [str(dump)] + (["-o", str(out)] if out else [])
        result, _ = run(*args)
        lines = (out.read_text(encoding="utf-8") if out else result.stdout).splitlines()
        record = _strict(lines[0])
        assert (record["s"], record["n"], record["m"]) == (None, None, [None, 1.5])
    # and a record built in Python with such values is written as valid JSON too
    from cleaner.io.writers import to_json_line

    assert _strict(to_json_line({"id": "x", "f": float("nan"), "g": {"h": [float("inf")]}})) == {
        "id": "x",
        "f": None,
        "g": {"h": [None]},
    }


def test_clean_with_extra_fields_that_are_not_a_dict_gives_an_error_record():
    for content in (None, ARTICLE):
        article = Cleaner().clean(content, extra=[1, 2], id="x")
        assert article.id == "x" and article.error == "extra must be a dict of fields to pass through, not list"
        assert article.error_kind == "internal"  # the caller's bug
        assert article.to_dict()["error"] == article.error


def test_an_input_field_called_error_is_not_carried_onto_a_successful_record(tmp_path):
    dump = tmp_path / "pages.jsonl"
    fields = {"id": "a", "error": "HTTP 500 on first try", "error_kind": "http", "text": ARTICLE}
    dump.write_text(json.dumps(fields) + "\n")
    result, records = run(str(dump))
    assert result.exit_code == 0 and "done: 1 record(s), 0 error record(s)" in result.stderr
    assert "error" not in records[0] and records[0]["input_error"] == "HTTP 500 on first try"
    assert "error_kind" not in records[0] and records[0]["input_error_kind"] == "http"
    # and from Python: a field in `extra` never makes a cleaned page look failed
    record = Cleaner().clean(ARTICLE, extra={"error": "stale", "error_kind": "timeout"}).to_dict()
    assert "error" not in record and "error_kind" not in record


@pytest.mark.parametrize("name, content", [("empty.jsonl", b""), ("blank.jsonl", b"\n \n\t\n"), ("e.jsonl.gz", b"")])
def test_an_empty_jsonl_file_is_an_error_record_as_an_empty_page_is(tmp_path, good, name, content):
    dump = tmp_path / name
    dump.write_bytes(gzip.compress(content) if name.endswith(".gz") else content)
    result, records = run(str(dump), str(good))
    assert result.exit_code == 1
    assert records[0]["id"] == str(dump) and records[0]["error"] == "empty file"
    assert records[0]["error_kind"] == "no_content"
    assert "error" not in records[1]


BUDGET = "The council approved the budget on Tuesday after a long debate about schools and roads. " * 3


@pytest.mark.parametrize("label", ["punycode", "undefined", "utf-7", "cp037", "utf-16", "utf-16-le", "UTF-16BE", "x"])
def test_a_charset_no_browser_applies_to_an_8bit_page_is_ignored(label):
    page = (
        f'<html><head><meta charset="{label}"><title>Budget</title></head><body><article>'
        f"<h1>Council approves the budget</h1><p>{BUDGET}</p><p>+ADw-p+AD4-</p></article></body></html>"
    ).encode()
    article = Cleaner().clean(page)
    assert article.error is None, article.error
    assert BUDGET.strip() in article.body and "+ADw-p+AD4-" in article.body


def test_charset_labels_follow_the_whatwg_table():
    from cleaner.encodings import codec_for_label

    assert decode("café €".encode("cp1252"), "ISO-8859-1") == "café €"  # browsers read latin1 as 1252
    assert decode("é".encode("cp1252") + b" \x81", "us-ascii") == "é \x81"  # ... with its five undefined bytes
    assert decode("Привет".encode("koi8-r"), "koi8") == "Привет"
    assert decode("中文".encode("gb18030"), "gb2312") == "中文"
    assert decode("한국어".encode("cp949"), "euc_kr") == "한국어"  # a caller's Python codec name, if browsers use it
    assert decode("x".encode("utf-16-le"), "utf-16") == "x"  # from outside the page (HTTP), UTF-16 is honoured
    assert codec_for_label("utf-16", in_meta=True) == "utf-8"  # inside an 8-bit page, it cannot be
    assert [codec_for_label(n) for n in ("utf-7", "punycode", "undefined", "cp037", "iso-2022-kr")] == [None] * 5
