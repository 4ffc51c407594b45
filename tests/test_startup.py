"""`cleaner clean` imports only what cleaning needs (issue 23, item 4): the benchmark's scoring and peers, training,
Parquet and rich stay out of a run that does not use them. The start-up figures themselves are the benchmark's
(bench/startup.py), never a timed assertion here."""

import json
import subprocess
import sys

from helpers import ARTICLES

from cleaner.bench import startup

NOT_NEEDED = (
    "rich",
    "pyarrow",
    "sklearn",
    "trafilatura",
    "cleaner.train",
    "cleaner.io.parquet",
    "cleaner.bench.runner",
    "cleaner.bench.peers",
    "cleaner.bench.gate",
    "cleaner.bench.report",
)

PROGRAM = """
import json, sys
from cleaner.cli import app
try:
    app(["clean", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_clean_imports_only_what_it_needs():
    proc = subprocess.run([sys.executable, "-c", PROGRAM, str(ARTICLES[-1])], capture_output=True, text=True)
    assert json.loads(proc.stdout)["headline"]
    loaded = json.loads(proc.stderr.splitlines()[-1])
    assert [m for m in loaded if m.split(".")[0] in NOT_NEEDED or m in NOT_NEEDED or m.startswith(NOT_NEEDED)] == []


def test_the_start_up_comparison_runs_both_command_lines(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(ARTICLES[-1].read_bytes())
    measured = startup.measure(page, repeats=1)
    assert set(measured) == {"cleaner clean", startup.TRAFILATURA}  # trafilatura comes with the test extra
    assert all(figures["cpu_seconds"] > 0 and figures["wall_seconds"] > 0 for figures in measured.values())


def test_the_package_loads_its_parts_when_asked():
    """`import cleaner` alone loads no numpy, so the command line's entry (cleaner/__main__.py) sets the process up
    before numpy loads; the public names still come from the package."""
    program = (
        "import sys, cleaner; before = 'numpy' in sys.modules; cleaner.Cleaner, cleaner.clean, cleaner.Article; "
        "print(before, 'numpy' in sys.modules, cleaner.Block.__module__)"
    )
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "True", "cleaner.page"]


def test_help_and_version_load_no_pipeline():
    """`cleaner --help` and `--version` answer without the pipeline, the rules or the models."""
    program = (
        "import sys\nfrom cleaner.cli import app\nfor args in (['--help'], ['--version'], ['clean', '--help']):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('numpy', 'cleaner.pipeline', 'cleaner.rules') if m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert "cleaner 0." in proc.stdout and "Usage" in proc.stdout
    assert proc.stderr.splitlines()[-1] == "[]"
