"""How a Cleaner cleans: one `Config`, read by the Python API (`Cleaner(**options)`), the command line, the Scrapy
pipeline (its `CLEANER_<NAME>` settings) and the datatrove step (its keyword arguments). Each option's help text
lives here, once, and every interface shows it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from .deadline import DEFAULT_TIME_LIMIT

if TYPE_CHECKING:
    from .templates import TemplateSource

MODES = ("auto", "html", "text")
BODY_FORMATS = ("text", "markdown", "html")  # render/__init__.py writes each


class Mode(str, Enum):
    """`--mode`'s choices, for every command that takes it."""

    auto = "auto"
    html = "html"
    text = "text"


def _option(default: Any, help: str, **kwargs: Any) -> Any:
    return field(default=default, metadata={"help": help}, **kwargs)


@dataclass(frozen=True, slots=True)
class Config:
    mode: str = _option("auto", "html, text, or auto (decided per page).")
    disable: tuple[str, ...] = _option(
        (), "Switch a rule off by its reason name, or a pass by its name (model, context, site_template, metadata...)."
    )
    templates: str | os.PathLike | TemplateSource | None = _option(
        None, "Site template store (SQLite) to clean with: lines that recur across a site's pages leave."
    )
    site: str | None = _option(None, "Site of pages that name none (no URL, no `site` field), for templates.")
    time_limit: float | None = _option(
        DEFAULT_TIME_LIMIT, "CPU seconds one page may take before it becomes an error record (0: none)."
    )
    explain: bool = _option(False, "Add every removed block with its reason and score, and where metadata came from.")
    body_format: str = _option(
        "text", "The body as plain text (paragraphs between blank lines), Markdown, or a safe HTML fragment."
    )
    links: bool = _option(
        False, "Keep the body's inline links, with absolute URLs, in a Markdown or HTML body (HTML pages)."
    )
    images: bool = _option(
        False,
        "List in-article images with their caption and credit in `images`, and show them in a Markdown or "
        "HTML body where they stand.",
    )
    comments: bool = _option(False, "Extract readers' comments into `comments` (they never stay in the body).")
    articles_only: bool = _option(
        False, "Send pages that are no article (listing, error, other) to the rejects, their type as the reason."
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}: use one of {', '.join(MODES)}")
        if self.body_format not in BODY_FORMATS:
            raise ValueError(f"unknown body format {self.body_format!r}: use one of {', '.join(BODY_FORMATS)}")
        if self.time_limit is not None and self.time_limit < 0:
            raise ValueError("the time limit must be positive (or 0 for none)")
        if isinstance(self.disable, str):
            object.__setattr__(self, "disable", (self.disable,))
        else:
            object.__setattr__(self, "disable", tuple(self.disable or ()))

    @classmethod
    def of(cls, config: Config | None = None, **options: Any) -> Config:
        """`config` (or the defaults) with `options` replacing its fields; an unknown option is an error."""
        unknown = set(options) - set(names())
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))} (the options: {', '.join(names())})")
        return replace(config or cls(), **options)


def names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Config))


def help_text(name: str) -> str:
    """The one description of an option, for every interface that shows it."""
    return next(f.metadata["help"] for f in fields(Config) if f.name == name)


def default(name: str) -> Any:
    return next(f.default for f in fields(Config) if f.name == name)
