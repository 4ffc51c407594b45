"""`cleaner bench` end to end on the synthetic seed dataset: every system, both modes, every output file."""

import json
import subprocess
import sys

import bench_seeds
from typer.testing import CliRunner

from cleaner.bench import startup
from cleaner.bench.peers import select
from cleaner.bench.runner import run
from cleaner.cli import app
from cleaner.devdata.datasets import load
from cleaner.devdata.dumps import HELD_OUT, STYLES, missing

runner = CliRunner()


def test_bench_runs_every_system_and_writes_its_reports(data, tmp_path):
    out, plot, pages = tmp_path / "out", tmp_path / "bench.png", tmp_path / "worst.md"
    args = ["bench", "--data", str(data), "--split", "all", "--out", str(out), "--plot", str(plot)]
    result = runner.invoke(app, [*args, "--pages", str(pages), "--worst", "2"])
    assert result.exit_code == 0, result.output

    report = json.loads((out / "results.json").read_text())
    ran = {(s["variant"], s["system"]) for s in report["summaries"]}
    html = {"cleaner", "trafilatura", "trafilatura-no-meta", "readability", "justext", "newspaper4k", "htmldate"}
    assert {("html", name) for name in html | {"html-text"}} <= ran
    styles = [name for name in STYLES if name not in missing(list(STYLES))]  # every style that can run here
    assert {"html-text", "inscriptis", "bs4-lines", "bs4-glued", "html2text", "markdownify", "trafilatura"} <= set(
        styles
    )
    for converter in styles:
        assert {(f"text/{converter}", n) for n in ("cleaner", "c4-lines", "justext-lines", "as-is")} <= ran
    assert report["converters"] == styles and report["held_out_of_training"] == [s for s in styles if s in HELD_OUT]
    by_key = {(s["variant"], s["system"]): s for s in report["summaries"]}
    cleaner = by_key[("text/html-text", "cleaner")]
    assert cleaner["pages"] == 5 and cleaner["errors"] == 0 and cleaner["empty"] == 0 and cleaner["body"]["f1"] > 0.8
    assert set(cleaner["meta"]) == {"headline", "byline", "date"}
    assert by_key[("html", "trafilatura")]["vs_reference"] == 1.0
    # Start-up, the two command lines side by side (bench/startup.py), in the report and its tables.
    assert set(report["startup"]) == {"cleaner clean", startup.TRAFILATURA}
    assert "start-up: one page from the command line" in (out / "results.md").read_text()
    htmldate = by_key[("html", "htmldate")]
    assert set(htmldate["meta"]) == {"date"} and htmldate["body"] is None and htmldate["empty"] is None
    # the raw text is the floor: a cleaner that cannot beat it on the seeds is broken
    assert cleaner["body"]["precision"] > by_key[("text/html-text", "as-is")]["body"]["precision"]

    markdown = (out / "results.md").read_text()
    assert "## Body F1, HTML mode" in markdown and "## seeds, plain text (inscriptis)" in markdown
    assert "## Text dump styles" in markdown and "| markdownify, held out | cleaner |" in markdown
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    worst = pages.read_text()
    assert worst.count("## seeds ") == 2 * (1 + len(styles))  # 2 pages for each variant: HTML and every style
    assert "- [" in worst and "headline " in worst


def test_a_subset_of_systems_in_one_mode(data):
    result = runner.invoke(
        app,
        ["bench", "--data", str(data), "--split", "all", "--mode", "text", "--systems", "cleaner,c4-lines"]
        + ["--converters", "html-text,bs4-lines"],
    )
    assert result.exit_code == 0, result.output
    assert "c4-lines" in result.output and "trafilatura" not in result.output.replace("vs trafilatura", "")


def test_a_subset_of_converters_and_one_that_cannot_run(data, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no lynx here: the bench says so and runs the others
    monkeypatch.setattr("cleaner.devdata.dumps._binary_version", lambda program: None)
    out = tmp_path / "out"
    args = ["bench", "--data", str(data), "--split", "all", "--mode", "text", "--systems", "as-is", "--out", str(out)]
    result = runner.invoke(app, [*args, "--converters", "bs4-glued,lynx"])
    assert result.exit_code == 0, result.output
    assert "converter lynx not run: program lynx is not installed (apt-get install lynx)" in result.stderr
    report = json.loads((out / "results.json").read_text())
    assert {s["variant"] for s in report["summaries"]} == {"text/bs4-glued"}
    assert "- converter lynx not run: program lynx" in (out / "results.md").read_text()


def test_bad_options_are_clear_errors(data, tmp_path):
    assert runner.invoke(app, ["bench", "--data", str(data), "--converters", "nope"]).exit_code == 2
    assert runner.invoke(app, ["bench", "--data", str(data), "--systems", "nope"]).exit_code == 2
    assert runner.invoke(app, ["bench", "--data", str(data), "--dataset", "missing"]).exit_code == 2
    assert runner.invoke(app, ["bench", "--data", str(tmp_path)]).exit_code == 2  # no dataset, no pages


def test_jobs_give_the_same_scores_as_one_process(data):
    pages = load(data, bench_seeds.NAME, split="all")
    systems = select(["cleaner", "c4-lines"], ("html", "text"))
    one, two = run(pages, systems), run(pages, systems, jobs=2)
    assert [(r.page_id, r.variant, r.system, r.body, r.meta) for r in one] == [
        (r.page_id, r.variant, r.system, r.body, r.meta) for r in two
    ]


def test_bench_in_a_real_process(data, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "bench", "--data", str(data), "--split", "all", "--systems", "cleaner"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Body F1, plain-text mode" in proc.stdout
