"""The command line reads well (issue 23, item 5): --version, `cleaner rules`, unknown names listed, plain help at
80 columns, conflicting flags refused, --explain in the text format, the exit status documented."""

import json
import subprocess
import sys

import pytest
from helpers import ARTICLES
from typer.testing import CliRunner

import cleaner
from cleaner.cli import app
from cleaner.rules import all_rules

runner = CliRunner()
COMMANDS = [
    [],
    ["clean"],
    ["explain"],
    ["rules"],
    ["train"],
    ["bench"],
    ["gate"],
    ["fixtures", "add"],
    ["fixtures", "check"],
    ["fixtures", "update"],
    ["templates", "learn"],
    ["templates", "show"],
]


def test_version_real_process():
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout == f"cleaner {cleaner.__version__}\n"


def test_rules_lists_every_rule_with_its_family_and_what_it_finds():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line.split(None, 2) for line in result.stdout.splitlines() if line.strip()}
    for name, rule in all_rules().items():
        assert lines[name][1] == rule.family and rule.about and lines[name][2] == rule.about
    assert "passes: model, link_pages, metadata" in result.stdout


def test_an_unknown_disable_name_lists_the_valid_ones():
    result = runner.invoke(app, ["clean", str(ARTICLES[-1]), "--disable", "share_promt"])
    assert result.exit_code == 2
    assert "unknown rule or pass name(s): share_promt" in result.stderr
    assert "share_prompt" in result.stderr and "context" in result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "cleaner")
def test_help_is_plain_and_fits_80_columns(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    for typer_ism in ("<bool>", "<str>", "<int", "<float", "<path>", "<file>", "list[str]", "{", "╭", "--no-"):
        assert typer_ism not in text, f"{typer_ism!r} in the help of {command}"
    assert max(len(line) for line in text.splitlines()) <= 80


def test_help_keeps_square_brackets_and_states_the_exit_status():
    assert "[train] extra" in runner.invoke(app, ["train", "--help"], env={"COLUMNS": "80"}).stdout
    assert "Exit status: 0" in " ".join(runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout.split())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "text", "-o", "x.parquet"], "--format text contradicts -o"),
        (["-o", "out.csv"], "not CSV"),
        (["--format", "jsonl", "-o", "out.txt"], "--format jsonl contradicts -o"),
    ],
)
def test_conflicting_outputs_are_refused_before_any_work(tmp_path, args, said):
    args = [a if not a.startswith(("x.", "out.")) else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["clean", str(ARTICLES[-1]), *args])
    assert result.exit_code == 2 and said in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_text_format_follows_the_output_name_and_shows_removals_with_explain(tmp_path):
    out = tmp_path / "out.txt"
    result = runner.invoke(app, ["clean", str(ARTICLES[-1]), "-o", str(out), "--explain"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and not text.startswith("{")
    record = json.loads(runner.invoke(app, ["clean", str(ARTICLES[-1]), "--explain"]).stdout)
    first = record["removed"][0]
    assert f"- [{first['reason']}] {first['text']}" in text
