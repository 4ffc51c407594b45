"""Golden fixtures of a site whose template the per-page filters miss: the page keeps its site template beside it
(templates.json), and `cleaner fixtures add --templates STORE` writes one."""

import json
from pathlib import Path

import pytest
from news_site import build_site
from typer.testing import CliRunner

from cleaner import Cleaner, fixtures
from cleaner.cli import app
from cleaner.prepare import prepare
from cleaner.templates import LearnedPage, TemplateStore, site_for

ROOT = Path(__file__).resolve().parent.parent
SITE_FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("site-*") if (p / fixtures.EXPECTED).is_file())
runner = CliRunner()


def test_there_are_site_fixtures_in_both_modes():
    assert {fixtures.input_of(folder).suffix for folder in SITE_FIXTURES} == {".html", ".txt"}


@pytest.mark.parametrize("folder", SITE_FIXTURES, ids=lambda p: p.name)
def test_the_per_page_filters_miss_what_the_template_removes(folder):
    expected = fixtures.read_expected(folder)
    template_lines = [r["text"] for r in expected["removed"] if r["reason"] == "site_template"]
    assert template_lines and (folder / fixtures.TEMPLATES).is_file()
    without = Cleaner().clean(fixtures.input_of(folder).read_bytes(), url=expected["url"])
    missed = [line for line in template_lines if line in without.body.split("\n\n")]
    assert len(missed) >= 3, "the fixture must show furniture that only the site's template reveals"
    assert set(expected["body"].split("\n\n")) <= set(without.body.split("\n\n"))  # and it costs no article line


def test_fixtures_add_keeps_the_sites_template(tmp_path):
    site = build_site()
    store = tmp_path / "site.sqlite"
    with TemplateStore(store, writable=True) as learning:
        learning.learn(LearnedPage.of(prepare(p.text, "text", p.url), site_for(None, p.url)) for p in site)
    page = tmp_path / "page.txt"
    page.write_text(site[5].text, encoding="utf-8")
    directory = tmp_path / "fx"
    args = ["fixtures", "add", str(page), "--dir", str(directory), "--templates", str(store)]

    no_site = runner.invoke(app, [*args, "--name", "a"])
    assert no_site.exit_code == 2 and "needs the page's site" in no_site.stderr
    other = runner.invoke(app, [*args, "--name", "b", "--site", "elsewhere.example"])
    assert other.exit_code == 2 and "holds no pages of elsewhere.example" in other.stderr

    added = runner.invoke(app, [*args, "--name", "c", "--url", site[5].url])
    assert added.exit_code == 0, added.output
    # Without a URL the page takes its site from --site, and the fixture from its template's one site.
    by_site = runner.invoke(app, [*args, "--name", "d", "--site", "estuary-post.example"])
    assert by_site.exit_code == 0, by_site.output
    for name in ("c", "d"):
        record = json.loads((directory / name / fixtures.EXPECTED).read_text(encoding="utf-8"))
        assert any(r["reason"] == "site_template" for r in record["removed"])
    assert runner.invoke(app, ["fixtures", "check", str(directory)]).exit_code == 0
    # The fixture is checked against the template kept beside it, not against the store of the day.
    store.unlink()
    assert runner.invoke(app, ["fixtures", "check", str(directory)]).exit_code == 0
