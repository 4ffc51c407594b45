"""Site templates in batch runs, on a scraped news site of our own (news_site.py): dozens of pages sharing a
header, a footer, a newsletter box and teaser lists around real article text. The template lines go, no article
line goes, whatever the input order or --jobs; a store learned once serves later runs."""

import json
import math
from pathlib import Path

import pytest
from helpers import read_records, run_cleaner
from news_site import build_site, score
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.prepare import prepare
from cleaner.templates import LearnedPage, MemoryTemplates, TemplateStore, site_for, threshold
from cleaner.templates.decide import DOMINANT_SHARE
from cleaner.templates.normalise import line_hash

runner = CliRunner()
SITE = build_site()


def write_pages(path: Path, kind: str, pages=SITE) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps({"id": page.id, "url": page.url, kind: getattr(page, kind)}) + "\n")
    return path


def clean(*args: str) -> list[dict]:
    result = runner.invoke(app, ["clean", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def lost(records: list[dict]) -> set[tuple[str, str]]:
    by_id = {r["id"]: r for r in records}
    bodies = {i: {" ".join(p.split()) for p in r["body"].split("\n\n")} for i, r in by_id.items()}
    return {(p.id, line) for p in SITE if p.id in by_id for line in p.article if line not in bodies[p.id]}


def test_the_site_is_what_the_tests_need():
    assert len(SITE) >= 30 and len({p.url for p in SITE}) == len(SITE)
    # The shared background paragraph recurs often enough to be a template candidate, not enough to be dominant:
    # only where it stands and its length keep it.
    counts = MemoryTemplates()
    for page in SITE:
        counts.add(LearnedPage.of(prepare(page.html, "html", page.url), site_for(None, page.url)))
    shared = [line for line in {t for p in SITE for t in p.article} if sum(line in p.article for p in SITE) > 1]
    found = counts.counts("estuary-post.example", "html", [line_hash(t) for t in shared])
    assert threshold(found.pages) <= max(found.lines.values()) < math.ceil(DOMINANT_SHARE * found.pages)
    assert min(found.lines.values()) == 2  # the quote two stories share


@pytest.mark.parametrize("kind", ["html", "text"])
def test_two_pass_removes_the_template_and_no_article_line(tmp_path, kind):
    pages = write_pages(tmp_path / "pages.jsonl", kind)
    without = clean(str(pages), "--explain")
    learned = clean(str(pages), "--explain", "--two-pass")
    before, after = score(SITE, {r["id"]: r for r in without}), score(SITE, {r["id"]: r for r in learned})
    assert before["template_left"] > 2 * len(SITE)  # the per-page filters miss a good part of this template
    assert after["template_left"] == 0
    # What the per-page filters lose (plain text: lines taken for the headline) the template does not add to.
    assert lost(learned) == lost(without)
    if kind == "html":
        assert lost(learned) == set()
    reasons = [r for record in learned for r in record["removed"] if r["reason"] == "site_template"]
    assert reasons and all(r["detail"].endswith(f"of {len(SITE)} pages of estuary-post.example") for r in reasons)


def test_same_output_whatever_the_input_order_or_jobs(tmp_path):
    forward = write_pages(tmp_path / "forward.jsonl", "html")
    backward = write_pages(tmp_path / "backward.jsonl", "html", SITE[::-1])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_cleaner(str(forward), "--two-pass", "--explain", "-o", str(one)).returncode == 0
    proc = run_cleaner(str(backward), "--two-pass", "--explain", "--jobs", "2", "-o", str(two))
    assert proc.returncode == 0, proc.stderr
    assert "learned site templates from 31 page(s) of 1 site(s)" in proc.stderr
    by_id = {r["id"]: r for r in read_records(two)}
    assert [r["id"] for r in read_records(two)] == [p.id for p in SITE[::-1]]
    assert [by_id[r["id"]] for r in read_records(one)] == read_records(one)


def test_a_store_learned_once_cleans_later_runs(tmp_path):
    store = tmp_path / "site.sqlite"
    first, later = SITE[::2], SITE[1::2]
    learn = runner.invoke(
        app, ["templates", "learn", str(store), str(write_pages(tmp_path / "a.jsonl", "html", first))]
    )
    assert learn.exit_code == 0 and f"from {len(first)} page(s) of 1 site(s)" in learn.stderr
    shown = runner.invoke(app, ["templates", "show", str(store)])
    assert f"estuary-post.example\thtml\t{len(first)}\t" in shown.stdout

    records = clean(str(write_pages(tmp_path / "b.jsonl", "html", later)), "--templates", str(store))
    found = score(later, {r["id"]: r for r in records})
    assert found["template_left"] == 0 and found["article_lost"] == 0
    with TemplateStore(store) as opened:  # cleaning reads the store, it does not add to it
        assert [s.pages for s in opened.summaries(threshold)] == [len(first)]

    # --two-pass with the store adds the run's pages to it, once however often it runs
    for _ in range(2):
        clean(str(tmp_path / "b.jsonl"), "--templates", str(store), "--two-pass")
    with TemplateStore(store) as opened:
        assert [s.pages for s in opened.summaries(threshold)] == [len(SITE)]


def test_text_files_without_a_url_take_the_site_from_the_option(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    for page in SITE:
        (folder / f"{page.id}.txt").write_text(page.text, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(folder), "--two-pass"])
    assert result.exit_code == 0 and f"{len(SITE)} page(s) no site (use --site" in result.stderr
    assert score(SITE, {Path(r["id"]).stem: r for r in map(json.loads, result.stdout.splitlines())})["template_left"]
    records = clean(str(folder), "--two-pass", "--site", "estuary")
    assert score(SITE, {Path(r["id"]).stem: r for r in records})["template_left"] == 0


def test_the_jsonl_site_field_groups_pages(tmp_path):
    path = tmp_path / "pages.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for page in SITE:
            out.write(json.dumps({"id": page.id, "site": "Estuary", "text": page.text}) + "\n")
    records = clean(str(path), "--two-pass")
    assert score(SITE, {r["id"]: r for r in records})["template_left"] == 0
    assert records[0]["site"] == "Estuary"  # passed through, as every input field is


def test_bad_template_options_are_usage_errors(tmp_path):
    pages = write_pages(tmp_path / "pages.jsonl", "html", SITE[:3])
    missing = runner.invoke(app, ["clean", str(pages), "--templates", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 2 and "no template store at" in missing.stderr
    (tmp_path / "junk.sqlite").write_text("junk " * 200)
    junk = runner.invoke(app, ["clean", str(pages), "--templates", str(tmp_path / "junk.sqlite")])
    assert junk.exit_code == 2 and "is not a template store" in junk.stderr
    stdin = runner.invoke(app, ["clean", "-", "--two-pass"], input=pages.read_text())
    assert stdin.exit_code == 2 and "reads the input twice" in stdin.stderr


def test_a_killed_two_pass_run_leaves_no_temporary_folder_and_resumes(tmp_path):
    import os
    import signal
    import subprocess
    import time

    from helpers import cleaner_command

    pages = tmp_path / "pages.jsonl"
    lines = write_pages(tmp_path / "site.jsonl", "html").read_text().splitlines()
    with open(pages, "w") as f:
        for n in range(200):
            f.write(json.dumps({**json.loads(lines[n % len(lines)]), "id": f"p{n}"}) + "\n")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out.jsonl"
    store = tmp_path / "out.jsonl.part.templates.sqlite"
    env = {**os.environ, "TMPDIR": str(tmp)}
    run = subprocess.Popen(cleaner_command(str(pages), "--two-pass", "-o", str(out)), env=env)
    deadline = time.monotonic() + 60
    while not store.exists() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert store.exists() and not out.exists()  # killed mid-run: its store stays beside the output's .part
    assert list(tmp.iterdir()) == []
    proc = run_cleaner(str(pages), "--two-pass", "-o", str(out), "--resume", env=env)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in read_records(out)] == [f"p{n}" for n in range(200)]
    listed = sorted(p.name for p in tmp_path.iterdir())
    assert listed == [".out.jsonl.cleaner-run", "out.jsonl", "pages.jsonl", "site.jsonl", "tmp"]  # and its run record
    assert list(tmp.iterdir()) == []


def test_a_learning_worker_ends_when_its_run_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    script = (
        "import os, signal\n"
        "from cleaner.parallel import _new_pool\n"
        "from cleaner.templates.learn import LearnTask\n"
        "if __name__ == '__main__':\n"
        "    pool = _new_pool(LearnTask('auto', None), 1)  # the learning pass's pool (parallel.run_parallel)\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    (tmp_path / "run.py").write_text(script)
    proc = subprocess.run([sys.executable, str(tmp_path / "run.py")], capture_output=True, text=True, timeout=60)
    worker = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 20
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{worker}").exists()  # it did not wait for work forever


def test_learning_a_page_stops_at_the_time_limit(monkeypatch):
    from cleaner.bench.hostile import one_line_text
    from cleaner.io.readers import Item
    from cleaner.templates import learn

    monkeypatch.setattr(learn, "LEARN_TIME_LIMIT", 0.01)
    slow = Item(id="slow", content=one_line_text(300_000), url="http://a.example/1", mode="text")
    assert learn.learn_item(slow) == learn.UNREADABLE  # left out here; the cleaning pass gives its error record
