"""datatrove: reader -> CleanArticles -> writer on real files, run by the LocalPipelineExecutor over several tasks
in worker processes."""

import gzip
import json
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from helpers import SEEDS, SITE

from cleaner.integrations.datatrove import CleanArticles

PAGES = {
    "bridge": ("news/harbour-bridge.html", "https://harbour.example/news/harbour-bridge.html"),
    "library": ("news/library.html", "https://harbour.example/news/library.html"),
    "festival": ("news/festival.html", "https://harbour.example/news/festival.html"),
    "index": ("index.html", "https://harbour.example/"),
    "listing": ("tags/city.html", "https://harbour.example/tags/city.html"),
}


def write_inputs(folder: Path) -> None:
    """Three input files, as a crawl's export would shard them: HTML pages and a scraped-text page."""
    folder.mkdir()
    docs = []
    for doc_id, (name, url) in PAGES.items():
        html = (SITE / name).read_bytes().decode("latin-1" if "festival" in name else "utf-8")
        docs.append({"id": doc_id, "text": html, "metadata": {"url": url, "date": "2024-11-02T10:00:00Z"}})
    docs.append({"id": "rfi", "text": SEEDS[0].read_text(encoding="utf-8"), "metadata": {"url": None}})
    for shard in range(3):
        with gzip.open(folder / f"shard-{shard}.jsonl.gz", "wt", encoding="utf-8") as f:
            for doc in docs[shard::3]:
                f.write(json.dumps(doc) + "\n")


def read_docs(folder: Path) -> dict[str, dict]:
    docs = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                docs[doc["id"]] = doc
    return docs


def test_local_executor_cleans_every_document_over_three_tasks(tmp_path):
    write_inputs(tmp_path / "input")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "input")),
            CleanArticles(exclusion_writer=JsonlWriter(str(tmp_path / "excluded"))),
            JsonlWriter(str(tmp_path / "output")),
        ],
        tasks=3,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    kept = read_docs(tmp_path / "output")
    assert sorted(kept) == ["bridge", "festival", "library", "rfi"]
    assert len(list((tmp_path / "output").glob("*.jsonl.gz"))) == 3  # one output file per task

    bridge = kept["bridge"]
    assert bridge["text"].startswith("The old harbour bridge opened to traffic again on Thursday morning")
    assert "cookies" not in bridge["text"] and "<p>" not in bridge["text"]
    record = bridge["metadata"]["cleaner"]
    assert (record["headline"], record["byline"], record["date"], record["language"]) == (
        "Harbour bridge reopens after two years of repairs",
        ["Maria Lindqvist"],
        "2024-03-14",
        "en",
    )
    assert bridge["metadata"]["date"] == "2024-11-02T10:00:00Z"  # the reader's own metadata survives
    reasons = {removed["reason"] for removed in record["removed"]}
    assert reasons and None not in reasons
    assert any("Accept all cookies" in removed["text"] for removed in record["removed"])

    rfi = kept["rfi"]["metadata"]["cleaner"]
    assert rfi["headline"] == "France and Belgium increase cooperation in terror fight"
    assert kept["festival"]["metadata"]["cleaner"]["language"] == "de"

    excluded = read_docs(tmp_path / "excluded")
    assert sorted(excluded) == ["index", "listing"]
    assert {doc["metadata"]["filter_reason"] for doc in excluded.values()} == {"cleaner_no_article"}

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if s["name"].startswith("✂️ - FORMAT"))
    assert step["stats"]["total"] == 6
    assert step["stats"]["forwarded"] == 4
    assert step["stats"]["dropped_cleaner_no_article"] == 2


def test_articles_only_excludes_other_pages_whatever_drop_empty_says():
    from datatrove.data import Document

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    docs = [
        Document(text=(fixtures / name / "input.html").read_text(encoding="utf-8"), id=name, metadata={})
        for name in ("en-html-table", "en-html-404", "en-html-section-front")
    ]
    step = CleanArticles(articles_only=True, drop_empty=False)
    kept = list(step.run(iter(docs)))
    assert [doc.id for doc in kept] == ["en-html-table"]
    assert kept[0].metadata["cleaner"]["page_type"] == "article"
    assert step.stats["dropped_cleaner_error_page"].total == 1
    assert step.stats["dropped_cleaner_listing_page"].total == 1
