"""The record's fields beyond headline, byline and date: what the page declares, its type, its images and its
readers' comments (the fixtures pin each on whole pages; these check the rules behind them)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.meta.images import _split_credit
from cleaner.record import FIELDS, IMAGE, ITEMS, written

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def page(name: str) -> bytes:
    folder = FIXTURES / name
    return next(p for p in folder.iterdir() if p.name.startswith("input")).read_bytes()


def test_every_new_field_is_in_the_one_schema():
    names = {spec.name for spec in FIELDS}
    assert {"site_name", "description", "image", "images", "tags", "categories", "canonical_url", "modified"} <= names
    assert {"page_type", "comments"} <= names
    assert set(written()) >= names - {"removed", "sources", "error", "error_kind"}
    assert ITEMS["images"] == IMAGE


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Boats at the quay. Photo: Emmanuel Dunand, AFP", "Boats at the quay.", "Photo: Emmanuel Dunand, AFP"),
        ("© Emmanuel Dunand, AFP | Boats at the quay", "Boats at the quay", "© Emmanuel Dunand, AFP"),
        ("Boats at the quay (Reuters/F. Lenoir)", "Boats at the quay", "Reuters/F. Lenoir"),
        ("Credit: Reviewed / Jane Doe", "", "Credit: Reviewed / Jane Doe"),
        ("Boats at the quay, where the ferries wait.", "Boats at the quay, where the ferries wait.", ""),
    ],
)
def test_a_caption_and_its_credit_are_told_apart(text, caption, credit):
    assert _split_credit(text) == (caption, credit)


def test_images_are_the_articles_own_with_caption_and_credit():
    article = Cleaner(images=True).clean(page("en-html-gallery"), url="https://harbourtimes.example/x")
    assert [i["src"].rsplit("/", 1)[1] for i in article.images] == [
        "tall-ships-parade.jpg",
        "tall-ships-crew.jpg",
        "tall-ships-crowd.jpg",  # the lazy loader's address, not its placeholder
    ]  # not the share icons, the related gallery's thumbnail or the tracking pixel
    assert article.images[1]["credit"] == "Photo: Mark Ellery/PA"
    assert Cleaner().clean(page("en-html-gallery")).images == []  # only with --images


def test_page_types_and_articles_only(tmp_path):
    for name in ("en-html-404", "en-html-section-front", "en-html-table"):
        (tmp_path / f"{name}.html").write_bytes(page(name))
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "--articles-only", "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output  # a page that is no article is no error
    kept = [json.loads(line) for line in result.stdout.splitlines()]
    rejected = {Path(r["id"]).stem: r for r in map(json.loads, rejects.read_text().splitlines())}
    assert [Path(r["id"]).stem for r in kept] == ["en-html-table"] and kept[0]["page_type"] == "article"
    assert rejected["en-html-404"]["error"] == "not an article: error page"
    assert rejected["en-html-section-front"]["page_type"] == "listing"
    assert {r["error_kind"] for r in rejected.values()} == {"not_article"}
    assert "2 rejected" in result.stderr


@pytest.mark.parametrize("name", ["en-html-comments-wordpress", "en-html-comments-disqus", "en-html-comments-says"])
def test_comments_are_extracted_and_never_in_the_body(name):
    plain = Cleaner().clean(page(name))
    article = Cleaner(comments=True).clean(page(name))
    assert len(article.comments) >= 2 and plain.comments == []
    for comment in article.comments:
        assert comment["author"] and comment["date"] and comment["text"]
        assert comment["text"] not in article.body and comment["text"] not in plain.body
    assert article.body == plain.body
