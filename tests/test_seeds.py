"""The five seed pages: every article paragraph kept, the furniture gone, the metadata right."""

from pathlib import Path

import pytest

from cleaner import clean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean(path.read_bytes(), mode="text")


@pytest.mark.parametrize(
    "prefix, headline, date, byline",
    [
        ("000", "France and Belgium increase cooperation in terror fight", "2016-02-02", []),
        ("001", "France, Belgium to step up anti-terror cooperation", None, []),
        ("002", "France and Belgium Tighten Security Cooperation Post Attacks", None, ["Robert-Jan Bartunek"]),
        ("003", "France, Belgium Increase Anti-Terror Drive", None, []),
        ("004", "France, Belgium to step up counter-terrorism cooperation in wake of Paris attacks", "2016-02-02", []),
    ],
)
def test_seed_metadata(prefix, headline, date, byline):
    article = seed(prefix)
    assert (article.headline, article.date, article.byline, article.language) == (headline, date, byline, "en")


FURNITURE = [
    "Skip to",
    "Image: Reuters",
    "bik/jr",
    "FRANCE - BELGIum",
    "Advertising",
    "JACQUES DEMARTHON",
    "newsletter",
    "RFI app",
    "Share :",
    "Page not found",
    "does not exist",
    "Internet Explorer",
    "Europe|",
    "Reporting by",
    "Accessibility concerns",
    "Don't miss",
    "Read more",
    "Macron makes Time 100",
    "Emmanuel Dunand",
    "Latest update",
    "Date created",
    "state of emergency",
]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_body_has_no_furniture(prefix):
    body = seed(prefix).body
    assert [f for f in FURNITURE if f in body] == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_body_keeps_every_paragraph(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    body = seed(prefix).body
    text = path.read_text(encoding="utf-8")
    # Every long line of the page (an article paragraph; furniture lines are short) survives, in its words.
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= 25 and "Emmanuel Dunand" not in line and "Reporting by" not in line:
            first_words = " ".join(line.split()[:8])
            assert first_words in body, first_words


def test_subheading_inside_article_stays():
    assert "Belgium isn't lawless" in seed("000").body.split("\n\n")


def test_glued_sentences_are_split():
    paragraphs = seed("002").body.split("\n\n")
    assert any(p.startswith("Two and a half months after") for p in paragraphs)
    assert any(p.startswith("Apart from smoothing") for p in paragraphs)
    assert not any("addedApart" in p or "documents.Two" in p for p in paragraphs)
