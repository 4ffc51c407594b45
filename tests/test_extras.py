"""Commands whose extra is not installed say which one, and exit 2 before any work (issue 23, item 6). A module
is made missing the way Python marks one absent (None in sys.modules): its import fails as if uninstalled."""

import pytest
from typer.testing import CliRunner

from cleaner.cli import app

runner = CliRunner()


@pytest.mark.parametrize("module", ["sklearn", "inscriptis"])
def test_train_without_its_extra_names_it(monkeypatch, tmp_path, module):
    monkeypatch.setitem(__import__("sys").modules, module, None)
    data = tmp_path / "none.jsonl.gz"  # never read: the extra is checked first
    result = runner.invoke(app, ["train", str(data), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    assert f"training needs the [train] extra ({module} missing)" in result.stderr
    assert "pip install 'cleaner-news[train]'" in result.stderr
    assert "Traceback" not in result.output


def test_gate_without_the_converters_says_so_instead_of_scoring_zero(monkeypatch, data):
    monkeypatch.setitem(__import__("sys").modules, "html_text", None)
    result = runner.invoke(app, ["gate", "--data", str(data)])
    assert result.exit_code == 2
    assert "needs the [bench] extra (html_text missing)" in result.stderr
    assert "FAIL" not in result.output
