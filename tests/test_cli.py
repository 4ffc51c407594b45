import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_clean_seeds_in_process():
    result = runner.invoke(app, ["clean", str(ROOT / "seeds")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert [r["id"].rsplit("/", 1)[-1][:3] for r in records] == ["000", "001", "002", "003", "004"]


def test_clean_seeds_real_subprocess(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(ROOT / "seeds"), "-o", str(out), "--explain"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert all(r["removed"] and all(x["reason"] for x in r["removed"]) for r in records)
