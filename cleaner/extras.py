"""The optional parts of the distribution (its extras) and the one sentence a command says when the extra it needs
is not installed, before any work: which extra, which modules are missing, and the `pip install` to run."""

from __future__ import annotations

from importlib import import_module

DISTRIBUTION = "cleaner-news"
# The modules each command imports from its extra, as pyproject.toml lists them.
TRAIN = ("sklearn", "trafilatura", "html_text", "inscriptis", "lxml", "bs4", "html2text", "markdownify")
GATE = ("html_text", "inscriptis")  # the gate's two text variants are dumps made by these converters


class MissingExtra(RuntimeError):
    """An optional part a command needs is not installed."""


def missing(modules: tuple[str, ...]) -> list[str]:
    """The modules of `modules` that cannot be imported."""
    absent = []
    for name in modules:
        try:
            import_module(name)
        except ImportError:
            absent.append(name)
    return absent


def require(extra: str, modules: tuple[str, ...], what: str) -> None:
    """Raise MissingExtra naming the extra to install when any of `modules` is missing."""
    absent = missing(modules)
    if absent:
        raise MissingExtra(
            f"{what} needs the [{extra}] extra ({', '.join(absent)} missing): "
            f"pip install '{DISTRIBUTION}[{extra}]' (from a checkout: pip install -e '.[{extra}]')"
        )
