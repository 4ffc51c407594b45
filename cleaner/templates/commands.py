"""`cleaner templates learn|show`: a template store learned once, from a crawl, for later runs to clean with
(`cleaner clean --templates FILE`, the Scrapy pipeline's CLEANER_TEMPLATES, datatrove's CleanArticles)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..config import Mode, help_text
from .decide import MIN_SITE_PAGES, threshold
from .store import StoreError, TemplateStore

app = typer.Typer(no_args_is_help=True, help="Site templates: lines that recur across a site's pages.")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"cleaner: {message}", err=True)
    return typer.Exit(code=2)


@app.command("learn")
def learn(
    store: Annotated[Path, typer.Argument(help="The template store (SQLite; created if missing, else added to).")],
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs of pages, as `cleaner clean` takes.")],
    mode: Annotated[Mode, typer.Option(help=help_text("mode"))] = Mode.auto,
    html_field: Annotated[str, typer.Option(help="JSONL field holding HTML.")] = "html",
    text_field: Annotated[str, typer.Option(help="JSONL field holding scraped text.")] = "text",
    site: Annotated[str | None, typer.Option(help="Site of pages that name none (no `site` field, no URL).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
) -> None:
    """Count the lines of every page into STORE, per site: a page learned before (same text) is not counted again,
    and an interrupted run keeps what it committed."""
    from .twopass import learn_inputs  # here: the pipeline loads for this command only (cli.py)

    if "-" in inputs:
        raise _fail("learn from files or folders, not - (stdin)")
    try:
        TemplateStore(store, writable=True).close()
        learned = learn_inputs(str(store), inputs, mode.value, html_field, text_field, site, jobs)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"cleaner: {learned.describe()}", err=True)


@app.command("show")
def show(store: Annotated[Path, typer.Argument(help="The template store.")]) -> None:
    """Every site in STORE: its pages, the distinct lines seen, and how many recur enough to be its template."""
    try:
        opened = TemplateStore(store)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    with opened:
        typer.echo("site\tmode\tpages\tlines\ttemplate lines")
        for s in opened.summaries(threshold):
            recurring = s.recurring if s.pages >= MIN_SITE_PAGES else f"0 (under {MIN_SITE_PAGES} pages)"
            typer.echo(f"{s.site}\t{s.mode}\t{s.pages}\t{s.lines}\t{recurring}")
