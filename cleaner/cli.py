"""The command line: `cleaner clean`, `cleaner explain`, `cleaner fixtures add|check|update`, `cleaner templates
learn|show`, `cleaner bench`, `cleaner gate`.

A command imports the pipeline, the batch and the fixtures when it runs, so `cleaner --help`, `--version` and a
usage error load none of them (numpy, the rules, the models)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .bench.commands import bench, gate
from .clihelp import PlainHelpGroup
from .config import Config, Mode, default, help_text
from .io.writers import WriteFailed, output_format
from .templates.commands import app as templates_app

if TYPE_CHECKING:
    from .pipeline import Cleaner

EXIT_STATUS = (
    "Exit status: 0 when every input became a record; 1 when some became error records (see --rejects) or a "
    "write failed; 2 on a usage error (a bad option or name, an output that cannot be written, a missing extra), "
    "before any work."
)
app = typer.Typer(
    cls=PlainHelpGroup,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Strip page furniture from scraped news pages into structured article records.",
    epilog=EXIT_STATUS,
)
fixtures_app = typer.Typer(no_args_is_help=True, help="Golden fixtures: a page and the record expected from it.")
app.add_typer(fixtures_app, name="fixtures")
app.add_typer(templates_app, name="templates")
app.command()(bench)
app.command()(gate)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    pass


@app.command()
def rules() -> None:
    """List every rule (its name is the reason it gives, and what --disable takes), its family and what it finds;
    then the passes --disable also takes."""
    from .pipeline import PASS_NAMES
    from .rules import all_rules

    for rule in all_rules().values():
        typer.echo(f"{rule.name:24} {rule.family:11} {rule.about}")
    typer.echo(f"\npasses: {', '.join(PASS_NAMES)}")


class Format(str, Enum):
    jsonl = "jsonl"
    text = "text"


class BodyFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"


def _error(message: str) -> None:
    typer.echo(f"cleaner: {message}", err=True)


def _make_cleaner(
    mode: Mode, disable: list[str] | None, templates: Path | None = None, site: str | None = None
) -> Cleaner:
    from .pipeline import Cleaner

    try:
        return Cleaner(mode=mode.value, disable=disable or (), templates=templates, site=site)
    except ValueError as exc:
        _error(str(exc))
        raise typer.Exit(code=2) from None


@app.command()
def clean(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, globs or - for stdin (.txt .html .htm .jsonl .warc, also .gz)."),
    ] = None,
    mode: Annotated[Mode, typer.Option(help=help_text("mode"))] = Mode.auto,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Output file (.gz compresses, .parquet: Parquet); OUTPUT.part until done."),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", help="jsonl records, or plain text for people (default: from -o's name, else jsonl)."),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help=help_text("explain"))] = False,
    rejects: Annotated[str | None, typer.Option(help="Write error records here instead of the output.")] = None,
    html_field: Annotated[str, typer.Option(help="JSONL field holding HTML.")] = "html",
    text_field: Annotated[str, typer.Option(help="JSONL field holding scraped text.")] = "text",
    disable: Annotated[list[str] | None, typer.Option(help=help_text("disable"))] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (output stays in input order).")
    ] = 1,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue an interrupted run: keep OUTPUT.part and skip the inputs it holds."),
    ] = False,
    two_pass: Annotated[
        bool,
        typer.Option(
            "--two-pass",
            help="Learn each site's template from the whole input first, then clean (into --templates if given).",
        ),
    ] = False,
    templates: Annotated[
        str | None, typer.Option(help="Site template store (SQLite) to clean with; with --two-pass, learned into.")
    ] = None,
    site: Annotated[str | None, typer.Option(help=help_text("site"))] = None,
    time_limit: Annotated[float, typer.Option(min=0, help=help_text("time_limit"))] = default("time_limit"),
    body_format: Annotated[BodyFormat, typer.Option(help=help_text("body_format"))] = BodyFormat.text,
    links: Annotated[bool, typer.Option(help=help_text("links"))] = False,
    images: Annotated[bool, typer.Option(help=help_text("images"))] = False,
    comments: Annotated[bool, typer.Option(help=help_text("comments"))] = False,
    articles_only: Annotated[bool, typer.Option(help=help_text("articles_only"))] = False,
) -> None:
    """Clean pages into JSON Lines records (one per input, in input order); `-o x.parquet` writes Parquet."""
    from .batch import BatchOptions, run_batch
    from .parallel import WorkerStartError

    if not inputs:
        if sys.stdin.isatty():
            _error("no input given (name files, folders, globs, or - for stdin)")
            raise typer.Exit(code=2)
        inputs = ["-"]
    try:
        config = Config(
            mode=mode.value,
            disable=tuple(disable or ()),
            templates=templates,
            site=site,
            time_limit=time_limit,
            explain=explain,
            body_format=body_format.value,
            links=links,
            images=images,
            comments=comments,
            articles_only=articles_only,
        )
        options = BatchOptions(
            inputs=inputs,
            config=config,
            output=output,
            fmt=output_format(output, fmt.value if fmt else None),
            rejects=rejects,
            html_field=html_field,
            text_field=text_field,
            jobs=jobs,
            resume=resume,
            two_pass=two_pass,
        )
        with _stop_on_sigterm():
            tally = run_batch(options)
    except (ValueError, WorkerStartError) as exc:  # bad options, a leftover .part, a missing extra, no workers
        _error(str(exc))
        raise typer.Exit(code=2) from None
    except WriteFailed:  # a full disk: the run has said so, and where its records are for --resume
        raise typer.Exit(code=1) from None
    except BrokenPipeError:  # the reader of the pipe left (`| head`): stop quietly, as other Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=1) from None
    if tally.errors:
        raise typer.Exit(code=1)


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (`kill`, a scheduler ending a job) stops a run as Ctrl-C does: the records written so far stay in
    OUTPUT.part for --resume, and the run says so, instead of the process vanishing without a word."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
def explain(
    page: Annotated[Path, typer.Argument(help="A page (HTML or scraped text).", exists=True, dir_okay=False)],
    mode: Annotated[Mode, typer.Option(help="html, text, or auto.")] = Mode.auto,
    url: Annotated[str | None, typer.Option(help="The page's URL, if known.")] = None,
    templates: Annotated[Path | None, typer.Option(help="Site template store to clean with.")] = None,
    site: Annotated[str | None, typer.Option(help="The page's site, if not its URL's host.")] = None,
) -> None:
    """Show a page line by line: kept (+) or removed (-) and why, then the metadata and where it came from."""
    from . import fixtures
    from .explain import render

    cleaner = _make_cleaner(mode, None, templates, site)
    article, page_result = fixtures.run(cleaner, page, url=url)
    if article.error:
        _error(f"{page}: {article.error}")
        raise typer.Exit(code=1)
    typer.echo(render(page_result, article))


class ModelMode(str, Enum):
    html = "html"
    text = "text"
    title = "title"
    byline = "byline"
    page_type = "page-type"


@app.command()
def train(
    datasets: Annotated[list[Path], typer.Argument(help="Development datasets (.jsonl.gz) to learn from.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the model (JSON).")],
    mode: Annotated[
        ModelMode,
        typer.Option(
            help="Train the HTML or the plain-text block scorer, the title-line, the name-line or the page-type model."
        ),
    ] = ModelMode.html,
    seed: Annotated[int, typer.Option(help="Random seed: same data and seed, same model.")] = 0,
    refit: Annotated[
        bool,
        typer.Option(
            help="Block scorers: refit each stage on all pages, instead of averaging each stage's fold models "
            "(the default: stage 2 then reads stage-1 probabilities like those it was trained on)."
        ),
    ] = False,
) -> None:
    """Train a block scorer, or the title-line or name-line model, on the `train` side of the site split (needs
    the [train] extra)."""
    from .extras import TRAIN, MissingExtra, require

    try:
        require("train", TRAIN, "training")
    except MissingExtra as exc:
        _error(str(exc))
        raise typer.Exit(code=2) from None
    from .train.blocks import save
    from .train.blocks import train as fit
    from .train.nameline import train as fit_nameline
    from .train.pagetype import train as fit_page_type
    from .train.title import train as fit_title

    missing = [str(p) for p in datasets if not p.is_file()]
    if missing:
        _error(f"no such dataset file: {', '.join(missing)}")
        raise typer.Exit(code=2)
    paths, log = [str(p) for p in datasets], lambda m: typer.echo(m, err=True)
    if mode is ModelMode.title:
        model = fit_title(paths, seed=seed, log=log)
    elif mode is ModelMode.byline:
        model = fit_nameline(paths, seed=seed, log=log)
    elif mode is ModelMode.page_type:
        model = fit_page_type(paths, seed=seed, log=log)
    else:
        model = fit(paths, mode.value, seed=seed, refit=refit, log=log)
    save(model, output)
    typer.echo(f"wrote {output}", err=True)


def _fixture_names(directory: Path) -> list[str]:
    """A folder without fixtures is a usage error: a mistyped path must not pass as "0 of 0 match"."""
    from . import fixtures

    names = fixtures.names(directory)
    if not names:
        _error(f"no fixtures in {directory} (a fixture is a folder with an input page and {fixtures.EXPECTED})")
        raise typer.Exit(code=2)
    return names


@fixtures_app.command("add")
def fixtures_add(
    page: Annotated[Path, typer.Argument(help="The page to keep as a fixture.", exists=True, dir_okay=False)],
    name: Annotated[str, typer.Option(help="Fixture name (a folder under DIR).")],
    url: Annotated[str | None, typer.Option(help="The page's URL, if known.")] = None,
    directory: Annotated[Path, typer.Option("--dir", help="Fixtures folder.")] = Path("fixtures"),
    templates: Annotated[
        Path | None, typer.Option(help="Keep the page's site template from this store beside it (templates.json).")
    ] = None,
    site: Annotated[str | None, typer.Option(help="The page's site, if not its URL's host.")] = None,
    body_format: Annotated[BodyFormat, typer.Option(help=help_text("body_format"))] = BodyFormat.text,
    links: Annotated[bool, typer.Option(help=help_text("links"))] = False,
    images: Annotated[bool, typer.Option(help=help_text("images"))] = False,
    comments: Annotated[bool, typer.Option(help=help_text("comments"))] = False,
) -> None:
    """Record PAGE and the cleaner's current output for it as fixture NAME (with options: kept as options.json)."""
    from . import fixtures

    options = {"body_format": body_format.value, "links": links, "images": images, "comments": comments}
    try:
        target = fixtures.add(page, name, directory, url=url, templates=templates, site=site, options=options)
    except (FileExistsError, ValueError) as exc:
        _error(str(exc))
        raise typer.Exit(code=2) from None
    typer.echo(f"added {target}")


@fixtures_app.command("check")
def fixtures_check(
    directory: Annotated[Path, typer.Argument(help="Fixtures folder.")] = Path("fixtures"),
) -> None:
    """Compare every fixture with the cleaner's output now; exit 1 with a diff on any difference."""
    from . import fixtures

    failures = 0
    names = _fixture_names(directory)
    for name in names:
        diff = fixtures.check(directory / name)
        if diff:
            failures += 1
            typer.echo(diff)
    typer.echo(f"{len(names) - failures} of {len(names)} fixtures match", err=True)
    if failures:
        raise typer.Exit(code=1)


@fixtures_app.command("update")
def fixtures_update(
    directory: Annotated[Path, typer.Argument(help="Fixtures folder.")] = Path("fixtures"),
) -> None:
    """Rewrite every fixture's expected record from the cleaner's output now (review the diff)."""
    from . import fixtures

    changed = [name for name in _fixture_names(directory) if fixtures.update(directory / name)]
    for name in changed:
        typer.echo(f"updated {name}")
    typer.echo(f"{len(changed)} fixture(s) changed", err=True)


def main() -> None:  # pragma: no cover
    app()
