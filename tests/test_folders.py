"""Nothing vanishes from a folder: every file is cleaned, rejected with a reason, or named as passed over
(issue 23, item 2)."""

import json

from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.io import read_inputs

runner = CliRunner()

PARAGRAPH = (
    "The harbour authority said on Tuesday that the new ferry service would start in the spring, after two years "
    "of delays caused by the rebuilding of the northern pier and a long dispute over the timetable."
)
PAGE = f"<html><head><title>Ferry</title></head><body><h1>Ferry to start</h1><p>{PARAGRAPH}</p></body></html>"


def _mixed(folder):
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "story.md").write_text(f"# Ferry to start in spring\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    (folder / "prices.csv").write_text("date,price\n2025-01-01,3.5\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "one.json").write_text(json.dumps({"id": "solo", "html": PAGE}), encoding="utf-8")
    (folder / "many.json").write_text(json.dumps([{"text": PARAGRAPH}, {"html": PAGE}, {"url": "x"}]))
    return folder


def test_every_file_of_a_folder_is_accounted_for(tmp_path):
    folder = _mixed(tmp_path / "mixed")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = runner.invoke(app, ["clean", str(folder), "-o", str(out), "--rejects", str(rejects)])
    assert result.exit_code == 1, result.output  # there were rejects
    records = {r["id"].replace(str(folder) + "/", ""): r for r in map(json.loads, out.read_text().splitlines())}
    rejected = {r["id"].replace(str(folder) + "/", ""): r for r in map(json.loads, rejects.read_text().splitlines())}
    assert sorted(records) == ["many.json:1", "many.json:2", "page.html", "solo", "story.md"]
    assert PARAGRAPH in records["story.md"]["body"]
    assert PARAGRAPH in records["solo"]["body"] and "<p>" not in records["solo"]["body"]
    assert PARAGRAPH in records["many.json:2"]["body"] and "<p>" not in records["many.json:2"]["body"]
    assert rejected["report.pdf"]["error"] == "not a page: PDF document"
    assert rejected["report.pdf"]["error_kind"] == "not_a_page"
    assert rejected["photo.jpg"]["error"] == "not a page: JPEG image"
    assert "no 'html' or 'text' field" in rejected["many.json:3"]["error"]
    assert set(rejected) == {"report.pdf", "photo.jpg", "many.json:3"}
    # The files passed over on purpose are named, once, on stderr.
    assert "passed over 2 file(s) that are not pages" in result.stderr
    assert "prices.csv" in result.stderr and ".DS_Store" in result.stderr


def test_a_json_file_is_pages_not_one_text_page(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"url": "https://example.com/a", "html": PAGE, "feed": "f"}), encoding="utf-8")
    (item,) = read_inputs([str(path)])
    assert item.mode == "html" and item.url == "https://example.com/a" and item.extra["feed"] == "f"


def test_a_json_array_of_strings_is_rejected_per_element(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('["just text"]', encoding="utf-8")
    (item,) = read_inputs([str(path)])
    assert item.error == "a page in JSON must be an object, not str"


def test_a_named_pdf_is_rejected_not_read_as_text(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_bytes(b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n" * 20)
    (item,) = read_inputs([str(path)])
    assert item.error == "not a page: PDF document"


def test_output_inside_an_input_folder_is_refused_whatever_its_name(tmp_path):
    folder = _mixed(tmp_path / "mixed")
    result = runner.invoke(app, ["clean", str(folder), "-o", str(folder / "story.md")])
    assert result.exit_code == 2 and "is one of the inputs" in result.stderr
