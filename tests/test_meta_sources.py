"""Every metadata value says where it came from (`--explain`), and the same page gives the same record."""

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.meta.language import detect_language

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "meta-modified-published" / "input.html"


def test_each_value_has_its_source_in_explain():
    record = Cleaner().clean(FIXTURE.read_bytes()).to_dict(explain=True)
    assert record["sources"] == {
        "headline": "h1",
        "byline": "class-author",
        "date": "meta:article:published_time",
        "modified": "json-ld-modified",
        "language": "langdetect",
        "page_type": "model",
    }
    assert record["modified"] > record["date"]  # the update, kept apart from the publication
    assert "sources" not in Cleaner().clean(FIXTURE.read_bytes()).to_dict()


def test_cli_explain_writes_the_sources():
    result = CliRunner().invoke(app, ["clean", "--explain", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"]["date"] == "meta:article:published_time"


def test_language_needs_enough_letters():
    assert detect_language("Oui.") is None
    assert detect_language("Der Stadtrat hat am Donnerstagabend den Bau von vier neuen Radwegen beschlossen.") == "de"


def test_same_page_same_record_in_a_new_process():
    code = (
        "import json, sys; from cleaner import Cleaner; "
        "print(json.dumps(Cleaner().clean(open(sys.argv[1], 'rb').read()).to_dict(explain=True), sort_keys=True))"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code, str(FIXTURE)], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    assert json.loads(runs[0].stdout)["date"] == "2024-03-01"
