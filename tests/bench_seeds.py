"""A tiny synthetic dataset for the bench's tests, written from the repository's own seed pages (never from the
shared datasets): each seed as HTML (one <p> per line) with gold body, headline, byline and date."""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAME = "seeds"
# Hand-checked metadata of the seeds (the same values tests/test_seeds.py asserts).
META = {
    "000": ("France and Belgium increase cooperation in terror fight", None, "2016-02-02"),
    "001": ("France, Belgium to step up anti-terror cooperation", None, None),
    "002": ("France and Belgium Tighten Security Cooperation Post Attacks", "Robert-Jan Bartunek", None),
    "003": ("France, Belgium Increase Anti-Terror Drive", None, None),
    "004": (
        "France, Belgium to step up counter-terrorism cooperation in wake of Paris attacks",
        None,
        "2016-02-02",
    ),
}
ARTICLE_WORDS = 15  # the seeds' article paragraphs are long; their furniture lines are short


def gold_body(text: str) -> str:
    # A wire credit "(Reporting by ...)" closes some paragraphs: furniture, not article.
    lines = (line.split("(Reporting by")[0].strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if len(line.split()) >= ARTICLE_WORDS)


def as_html(text: str, headline: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><title>{html.escape(headline)}</title></head><body>\n{paragraphs}</body></html>"


def rows() -> list[dict]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        prefix = path.name[:3]
        headline, author, date = META[prefix]
        text = path.read_text(encoding="utf-8")
        found.append(
            {
                "id": prefix,
                "url": f"https://seed{prefix}.example.org/news/{prefix}",
                "html": as_html(text, headline),
                "body": gold_body(text),
                "headline": headline,
                "author": author,
                "date": date,
            }
        )
    return found


def write(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{NAME}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for row in rows():
            out.write(json.dumps(row) + "\n")
    return path
