"""The distribution installs by a name of its own (`cleaner` on PyPI is an unrelated package), the import package
and the command stay `cleaner`, and type hints ship (issue 23, item 10)."""

import re
from pathlib import Path

import pytest

import cleaner

tomllib = pytest.importorskip("tomllib")
ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = "cleaner-news"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_distribution_has_its_own_name_and_the_package_its_version():
    config = _project()
    assert config["project"]["name"] == DISTRIBUTION
    assert config["project"]["scripts"] == {"cleaner": "cleaner.__main__:main"}
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "cleaner.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", cleaner.__version__)


def test_every_install_command_names_the_distribution():
    """An install line that says `cleaner[...]` would install someone else's package."""
    texts = [
        ROOT / "README.md",
        ROOT / "pyproject.toml",
        *(ROOT / "cleaner").rglob("*.py"),
        *(ROOT / "docs").rglob("*.md"),
    ]
    wrong = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in texts
        for match in re.finditer(r"(?<![\w-])cleaner\[[\w,]+\]", path.read_text(encoding="utf-8"))
    ]
    assert not wrong
    assert f'pip install "{DISTRIBUTION}[scrapy]"' in (ROOT / "README.md").read_text(encoding="utf-8")


def test_type_hints_ship():
    assert (ROOT / "cleaner" / "py.typed").is_file()
    assert "py.typed" in _project()["tool"]["setuptools"]["package-data"]["cleaner"]
