"""Fixtures a person can review (issue 23, item 8): expected.json pretty-printed with the body as a list of
paragraphs and scores to two digits; a stored file is read whatever its form (an older single-string body, no
final newline), and a one-word change diffs as one paragraph."""

import json
import shutil
from pathlib import Path

from cleaner import fixtures

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "en-html-clean"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, folder)
    return folder


def test_the_body_is_a_list_of_paragraphs_and_scores_are_short():
    record = {"id": "x", "body": "One.\n\nTwo.", "removed": [{"text": "Menu", "reason": "model", "score": 0.98765}]}
    stored = json.loads(fixtures.dump(record))
    assert stored["body"] == ["One.", "Two."]
    assert stored["removed"][0]["score"] == 0.99
    assert fixtures.dump({"id": "x", "body": ""}).count("[]") == 1


def test_a_stored_file_in_the_old_form_or_without_a_final_newline_still_matches(tmp_path):
    folder = _copy(tmp_path)
    record = fixtures.read_expected(folder)
    (folder / fixtures.EXPECTED).write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    assert fixtures.check(folder) == ""


def test_a_changed_word_diffs_as_one_paragraph(tmp_path):
    folder = _copy(tmp_path)
    page = folder / "input.html"
    page.write_text(page.read_text(encoding="utf-8").replace("20,000 trees along", "20,000 oaks along"), "utf-8")
    changed = [
        line
        for line in fixtures.check(folder).splitlines()
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
    ]
    assert len(changed) == 2 and all(len(line) < 400 for line in changed)
    assert "oaks" in changed[1]
