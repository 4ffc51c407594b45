"""Golden fixtures: every page in fixtures/ still gives its expected record, and the `cleaner fixtures` commands
work on a user's own folder."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import fixtures
from cleaner.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
runner = CliRunner()


@pytest.mark.parametrize("name", fixtures.names(FIXTURES))
def test_fixture(name):
    fixtures.assert_matches(FIXTURES / name)


def test_fixture_set_covers_every_rule_both_modes_and_four_languages():
    names = fixtures.names(FIXTURES)
    records = [fixtures.read_expected(FIXTURES / n) for n in names]
    reasons = {r["reason"] for record in records for r in record["removed"]}
    from cleaner.rules import all_rules

    assert set(all_rules()) - reasons == set()
    # The context pass is pinned by tests/test_context.py: with the model, most short lines between furniture are
    # already the model's to drop, so no fixture needs to show it.
    assert {"model", "doubled_line", "headline", "byline"} <= reasons
    assert {record["language"] for record in records} >= {"en", "fr", "de", "es"}
    inputs = {fixtures.input_of(FIXTURES / n).suffix for n in names}
    assert inputs == {".txt", ".html"}
    assert len(names) >= 25


@pytest.mark.parametrize("name", [n for n in fixtures.names(FIXTURES) if n.endswith("-clean")])
def test_a_clean_article_loses_nothing(name):
    record = fixtures.read_expected(FIXTURES / name)
    page = fixtures.input_of(FIXTURES / name).read_bytes()
    assert record["removed"] == []
    if page.lstrip().startswith(b"<"):
        return
    paragraphs = [p.strip() for p in page.decode("utf-8").split("\n\n") if p.strip()]
    assert record["body"].split("\n\n") == paragraphs


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    page = tmp_path / "page.txt"
    shutil.copyfile(ROOT / "seeds" / "001_ace7b6f46e57d16b.txt", page)
    return tmp_path


def test_add_check_update_in_process(user_dir):
    directory = user_dir / "my-fixtures"
    page = user_dir / "page.txt"
    added = runner.invoke(app, ["fixtures", "add", str(page), "--name", "rfi", "--dir", str(directory)])
    assert added.exit_code == 0, added.output
    record = json.loads((directory / "rfi" / "expected.json").read_text(encoding="utf-8"))
    assert record["id"] == "rfi" and record["removed"]
    assert (directory / "rfi" / "input.txt").read_bytes() == page.read_bytes()

    again = runner.invoke(app, ["fixtures", "add", str(page), "--name", "rfi", "--dir", str(directory)])
    assert again.exit_code == 2 and "already exists" in again.stderr

    checked = runner.invoke(app, ["fixtures", "check", str(directory)])
    assert checked.exit_code == 0 and "1 of 1 fixtures match" in checked.stderr

    # A site redesign: the page changes, the check fails with a readable diff, update accepts the new output.
    (directory / "rfi" / "input.txt").write_text(
        page.read_text(encoding="utf-8").replace("Advertising", "Advertising\nA new paragraph of the article."),
        encoding="utf-8",
    )
    failed = runner.invoke(app, ["fixtures", "check", str(directory)])
    assert failed.exit_code == 1
    assert "--- rfi/expected.json" in failed.stdout and "+++ rfi/actual" in failed.stdout
    assert "+" in failed.stdout and "A new paragraph of the article." in failed.stdout
    updated = runner.invoke(app, ["fixtures", "update", str(directory)])
    assert updated.exit_code == 0 and "updated rfi" in updated.stdout
    assert runner.invoke(app, ["fixtures", "check", str(directory)]).exit_code == 0
    unchanged = runner.invoke(app, ["fixtures", "update", str(directory)])
    assert "0 fixture(s) changed" in unchanged.stderr


def test_assert_matches_shows_the_diff(user_dir):
    directory = user_dir / "fx"
    fixtures.add(user_dir / "page.txt", "rfi", directory)
    expected = directory / "rfi" / fixtures.EXPECTED
    expected.write_text(expected.read_text(encoding="utf-8").replace('"Share :"', '"Share it"'), encoding="utf-8")
    with pytest.raises(AssertionError, match=r'(?s)-      "text": "Share it".*\+      "text": "Share :"'):
        fixtures.assert_matches(directory / "rfi")


def test_check_of_a_folder_without_fixtures_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["fixtures", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no fixtures in" in result.stderr


def test_fixtures_in_a_real_process(user_dir):
    directory = user_dir / "fx"
    command = [sys.executable, "-m", "cleaner", "fixtures"]
    add = subprocess.run(
        [*command, "add", str(user_dir / "page.txt"), "--name", "rfi", "--dir", str(directory)],
        capture_output=True,
        text=True,
    )
    assert add.returncode == 0, add.stderr
    check = subprocess.run([*command, "check", str(directory)], capture_output=True, text=True)
    assert check.returncode == 0 and "1 of 1 fixtures match" in check.stderr
    (directory / "rfi" / "input.txt").write_text("A different page altogether.\n", encoding="utf-8")
    check = subprocess.run([*command, "check", str(directory)], capture_output=True, text=True)
    assert check.returncode == 1 and "@@" in check.stdout
