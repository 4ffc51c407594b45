"""Site templates where the pages are: a real Scrapy crawl of our news site served on localhost (the template
builds up in the store as the crawl goes, and the next crawl cleans with it), datatrove's two runs (learn, then
clean) over several tasks, and `cleaner bench --site-templates` on a dataset written from the same site."""

import gzip
import json
from pathlib import Path

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from helpers import serve
from news_site import build_site, score
from test_scrapy import crawl
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.integrations.datatrove import CleanArticles, LearnSiteTemplates
from cleaner.templates import TemplateStore, threshold

SITE = build_site()


@pytest.fixture
def site_url(tmp_path):
    folder = tmp_path / "www"
    (folder / "news").mkdir(parents=True)
    links = "".join(f'<li><a href="news/{p.id}.html">{p.headline}</a></li>' for p in SITE)
    (folder / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    for page in SITE:
        (folder / "news" / f"{page.id}.html").write_text(page.html, encoding="utf-8")
    with serve(folder) as url:
        yield url


def crawled(feed: Path) -> dict[str, dict]:
    return {Path(item["url"]).stem: item for item in map(json.loads, feed.read_text().splitlines())}


def test_scrapy_learns_the_template_as_it_crawls_and_the_next_crawl_cleans_with_it(site_url, tmp_path):
    store = tmp_path / "site.sqlite"
    first = crawl(site_url, tmp_path / "first.jsonl", f"CLEANER_TEMPLATES={store}")
    assert first.returncode == 0, first.stderr
    items = crawled(tmp_path / "first.jsonl")
    assert sorted(items) == sorted(p.id for p in SITE)
    assert score(SITE, items)["template_left"] > 0  # a new site: no template yet while it is first crawled
    with TemplateStore(store) as opened:
        assert [(s.site, s.pages) for s in opened.summaries(threshold)] == [("127.0.0.1", len(SITE) + 1)]

    second = crawl(site_url, tmp_path / "second.jsonl", f"CLEANER_TEMPLATES={store}", "CLEANER_TEMPLATES_LEARN=False")
    assert second.returncode == 0, second.stderr
    found = score(SITE, crawled(tmp_path / "second.jsonl"))
    assert found["template_left"] == 0 and found["article_lost"] == 0
    with TemplateStore(store) as opened:  # read only: the same pages as before
        assert [s.pages for s in opened.summaries(threshold)] == [len(SITE) + 1]


def write_docs(folder: Path) -> None:
    folder.mkdir()
    for shard in range(2):
        with gzip.open(folder / f"shard-{shard}.jsonl.gz", "wt", encoding="utf-8") as f:
            for page in SITE[shard::2]:
                f.write(json.dumps({"id": page.id, "text": page.html, "metadata": {"url": page.url}}) + "\n")


def test_datatrove_learns_in_one_run_and_cleans_in_the_next(tmp_path):
    write_docs(tmp_path / "input")
    store = str(tmp_path / "site.sqlite")
    learn = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "input")), LearnSiteTemplates(store)],
        tasks=2,
        workers=2,  # two tasks writing to the store at once take turns
        logging_dir=str(tmp_path / "logs-learn"),
    )
    clean = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "input")),
            CleanArticles(templates=store),
            JsonlWriter(str(tmp_path / "output")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs-clean"),
        depends=learn,
    )
    clean.run()
    with TemplateStore(store) as opened:
        assert [(s.site, s.pages) for s in opened.summaries(threshold)] == [("estuary-post.example", len(SITE))]
    docs = {}
    for path in (tmp_path / "output").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.update((d["id"], {"body": d["text"]}) for d in map(json.loads, f))
    found = score(SITE, docs)
    assert found["template_left"] == 0 and found["article_lost"] == 0


def test_bench_runs_the_cleaner_beside_itself_with_templates(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with gzip.open(data / "estuary.jsonl.gz", "wt", encoding="utf-8") as f:
        for page in SITE:
            row = {"id": page.id, "url": page.url, "html": page.html, "body": "\n\n".join(page.article)}
            f.write(json.dumps(row) + "\n")
    out = tmp_path / "out"
    args = ["bench", "--data", str(data), "--dataset", "estuary", "--split", "all", "--systems", "cleaner"]
    result = CliRunner().invoke(app, [*args, "--site-templates", "held-out", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "results.json").read_text())
    assert report["site_templates"]["how"] == "held-out"
    by_key = {(s["variant"], s["system"]): s["body"] for s in report["summaries"]}
    for variant in ("html", "text/html-text", "text/inscriptis"):
        plain, learned = by_key[(variant, "cleaner")], by_key[(variant, "cleaner+held-out")]
        assert learned["precision"] > plain["precision"] + 0.05
        assert learned["recall"] >= plain["recall"] - 0.005


def test_bench_groups_pages_without_a_url_by_their_dataset_site(tmp_path):
    # dragnet's rows have no URL: the bench files them under the site the by-site split gives them.
    data = tmp_path / "data"
    data.mkdir()
    with gzip.open(data / "estuary.jsonl.gz", "wt", encoding="utf-8") as f:
        for page in SITE:
            row = {"id": page.id, "site": "estuary-post.example", "html": page.html, "body": "\n\n".join(page.article)}
            f.write(json.dumps(row) + "\n")
    out = tmp_path / "out"
    args = ["bench", "--data", str(data), "--dataset", "estuary", "--split", "all", "--systems", "cleaner"]
    result = CliRunner().invoke(app, [*args, "--mode", "html", "--site-templates", "two-pass", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "results.json").read_text())
    by_key = {(s["variant"], s["system"]): s["body"] for s in report["summaries"]}
    plain, learned = by_key[("html", "cleaner")], by_key[("html", "cleaner+two-pass")]
    assert learned["precision"] > plain["precision"] + 0.05
