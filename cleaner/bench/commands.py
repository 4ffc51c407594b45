"""`cleaner bench` and `cleaner gate`: the command-line side of the bench (cleaner/cli.py registers them)."""

from __future__ import annotations

import shlex
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .. import extras
from ..devdata.datasets import DATASETS, SPLITS, available, find_datasets_dir, load
from ..devdata.dumps import HELD_OUT, STYLES, missing, unknown

# The floors file (bench/gate.py's FLOORS), named here so that the command line does not import the gate's
# scoring to show its default.
FLOORS = Path(__file__).with_name("floors.json")


class BenchMode(str, Enum):
    html = "html"
    text = "text"
    both = "both"


class SiteTemplates(str, Enum):
    two_pass = "two-pass"
    held_out = "held-out"


class Split(str, Enum):
    validation = "validation"
    train = "train"
    all = "all"


assert tuple(s.value for s in Split) == SPLITS


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"cleaner: {message}", err=True)
    return typer.Exit(code=code)


def _startup(html: str) -> dict:
    """The start-up figures (bench/startup.py) on one of the run's pages."""
    import tempfile

    from .startup import measure

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(html, encoding="utf-8")
        return measure(page)


def _data_dir(data: Path | None) -> Path:
    found = data or find_datasets_dir()
    if found is None or not Path(found).is_dir():
        raise _fail("no datasets found: pass --data DIR or set $CLEANER_DATASETS")
    return Path(found)


def _names(values: list[str] | None) -> list[str] | None:
    """Repeatable options that also take comma-separated lists."""
    names = [n.strip() for v in values or () for n in v.split(",") if n.strip()]
    return names or None


def bench(
    data: Annotated[
        Path | None, typer.Option(help="Datasets folder (default: $CLEANER_DATASETS, ../shared/datasets).")
    ] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(help=f"Dataset to run (repeatable): {', '.join(DATASETS)}.")
    ] = None,
    mode: Annotated[
        BenchMode, typer.Option(help="HTML input, plain-text input (one run per dump style), or both.")
    ] = BenchMode.both,
    converters: Annotated[
        list[str] | None,
        typer.Option(
            help="Text mode's dump styles (repeatable or comma-separated; default: every style, those held out of "
            f"training included): {', '.join(STYLES)}."
        ),
    ] = None,
    split: Annotated[Split, typer.Option(help="Side of the by-site split to score on.")] = Split.validation,
    limit: Annotated[int | None, typer.Option(help="At most N pages per dataset.", min=1)] = None,
    systems: Annotated[
        list[str] | None, typer.Option(help="Only these systems (repeatable or comma-separated).")
    ] = None,
    all_page_types: Annotated[bool, typer.Option(help="wcxb-dev: score every page type, not only articles.")] = False,
    out: Annotated[Path | None, typer.Option(help="Write results.json and results.md here.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Write the F1 / pages-per-second plot (PNG) here.")] = None,
    pages: Annotated[Path | None, typer.Option(help="Write the cleaner's worst pages, block by block, here.")] = None,
    worst: Annotated[int, typer.Option(help="How many worst pages per dataset and mode for --pages.", min=1)] = 10,
    jobs: Annotated[int, typer.Option(help="Processes (each times its own calls: speeds stay per core).", min=1)] = 1,
    site_templates: Annotated[
        SiteTemplates | None,
        typer.Option(
            help="Also run the cleaner with site templates learned from the run's pages per URL host: two-pass "
            "(every page, itself included) or held-out (the site's other pages), as `cleaner+<how>`."
        ),
    ] = None,
) -> None:
    """Run the cleaner and its peers on the development datasets and score them (body, snippets, metadata, speed)."""
    from .peers import quiet, select
    from .plot import plot as draw
    from .report import Table, console, dataset_tables, overall_tables, write
    from .runner import run
    from .startup import REPEATS
    from .startup import rows as startup_rows
    from .summary import meta_gold_fields, overall, summarise
    from .worst import dump

    quiet()
    directory = _data_dir(data)
    names = _names(dataset) or available(directory)
    modes = ("html", "text") if mode is BenchMode.both else (mode.value,)
    styles, not_run = _styles(_names(converters), modes)
    try:
        chosen = select(_names(systems), modes)
        corpus = [
            load(directory, n, split.value, limit, None if all_page_types else frozenset({"article"})) for n in names
        ]
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    all_pages = [p for pages_of in corpus for p in pages_of]
    if not all_pages:
        raise _fail("no pages to run (check --dataset, --split and --limit)")
    learning = None
    if site_templates is not None:
        from .templates import learn, with_templates

        learned, learning = learn(all_pages, modes, styles)
        chosen = with_templates(chosen, learned, site_templates.value)
    descriptions = {
        n: f"{len(ps)} {split.value} pages" + (", articles" if n == "wcxb-dev" and not all_page_types else "")
        for n, ps in zip(names, corpus, strict=True)
    }
    started = time.time()
    runs = run(all_pages, chosen, styles, jobs=jobs, progress=_progress(len(all_pages)))
    summaries = summarise(runs, meta_gold_fields(all_pages))
    rows = overall(summaries)
    tables = overall_tables(rows, summaries) + dataset_tables(summaries, descriptions)
    # The start-up of the two command lines, side by side, when the run compares the two systems.
    startup = _startup(all_pages[0].html) if {"cleaner", "trafilatura"} <= {s.name for s in chosen} else None
    if startup:
        tables.append(
            Table(
                f"start-up: one page from the command line, a fresh process each, median of {REPEATS} runs",
                ["command", "CPU s", "wall s"],
                startup_rows(startup),
            )
        )
    console(tables)
    info = {
        "command": "cleaner bench " + shlex.join(sys.argv[2:]) if sys.argv[1:2] == ["bench"] else "cleaner bench",
        "split": split.value,
        "datasets": descriptions,
        "jobs": jobs,
        "converters": list(styles),
        "held_out_of_training": [name for name in styles if name in HELD_OUT],
        "converters_not_run": not_run,
        "wall_seconds": round(time.time() - started, 1),
        "startup": startup,
        "site_templates": None
        if site_templates is None
        else {"how": site_templates.value, "learning_cpu_seconds": round(learning or 0.0, 2)},
        "versions": _versions(),
        "failures": [
            {"dataset": r.dataset, "variant": r.variant, "system": r.system, "page": r.page_id, "error": r.error}
            for r in runs
            if r.error is not None
        ],
    }
    if out:
        for path in write(out, info, summaries, rows, tables):
            typer.echo(f"wrote {path}", err=True)
    if plot:
        typer.echo(f"wrote {draw(rows, plot, title=f'{len(all_pages)} {split.value} pages')}", err=True)
    if pages:
        typer.echo(f"wrote {dump(runs, all_pages, pages, worst)}", err=True)


def _styles(names: list[str] | None, modes: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The dump styles to run, and those asked for that cannot run here with why (each said on stderr)."""
    names = names or list(STYLES)
    bad = unknown(names)
    if bad:
        raise _fail(f"unknown converter(s) {', '.join(bad)}: use {', '.join(STYLES)}")
    if "text" not in modes:
        return (), {}
    not_run = missing(names)
    for name, why in not_run.items():
        typer.echo(f"cleaner bench: converter {name} not run: {why}", err=True)
    return tuple(n for n in names if n not in not_run), not_run


def _progress(total: int):
    """A count on stderr every 50 pages when it is a terminal, so long runs show they are alive."""
    if not sys.stderr.isatty():
        return None
    done = [0]

    def tick(_page) -> None:
        done[0] += 1
        if done[0] % 50 == 0 or done[0] == total:
            typer.echo(f"\r{done[0]}/{total} pages", err=True, nl=done[0] == total)

    return tick


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": sys.version.split()[0]}
    for name in (
        "cleaner",
        "trafilatura",
        "readability-lxml",
        "justext",
        "newspaper4k",
        "htmldate",
        "html-text",
        "inscriptis",
        "beautifulsoup4",
        "html2text",
        "markdownify",
    ):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    for name in ("lynx", "w3m", "chromium"):  # the programs of the subprocess dump styles
        found[name] = STYLES[name].version() or "not installed"
    return found


def gate(
    data: Annotated[
        Path | None, typer.Option(help="Datasets folder (default: $CLEANER_DATASETS, ../shared/datasets).")
    ] = None,
    floors: Annotated[Path, typer.Option(help="The floors file.")] = FLOORS,
    pin: Annotated[bool, typer.Option(help="Raise the floors to the scores measured now.")] = False,
    allow_lower: Annotated[bool, typer.Option(help="With --pin: also lower floors (an explicit regression).")] = False,
    dataset: Annotated[list[str] | None, typer.Option(help="Datasets (default: those in the floors file).")] = None,
    pages_per_dataset: Annotated[int | None, typer.Option(help="With --pin: the subset's size.", min=1)] = None,
    split: Annotated[
        Split | None, typer.Option(help="With --pin: the side of the split the subset comes from.")
    ] = None,
    disable: Annotated[list[str] | None, typer.Option(help="Switch cleaner rules off (to see the gate fail).")] = None,
) -> None:
    """The CI quality gate: the cleaner's body and metadata F1 on a fixed validation subset against pinned floors."""
    from . import gate as gates
    from .peers import quiet
    from .report import Table, console

    quiet()
    try:
        extras.require("bench", extras.GATE, "the quality gate (its plain-text variants)")
    except extras.MissingExtra as exc:
        raise _fail(str(exc)) from None
    if allow_lower and not pin:
        raise _fail("--allow-lower only makes sense with --pin")
    current = gates.Floors.read(floors)
    if (pages_per_dataset or split) and not pin:
        raise _fail(
            "--pages-per-dataset and --split change the subset: only with --pin (the floors are for one subset)"
        )
    if pages_per_dataset:
        current.pages_per_dataset = pages_per_dataset
    if split:
        current.split = split.value
    directory = _data_dir(data)
    names = gates.gate_datasets(current, directory, _names(dataset))
    started = time.time()
    try:
        scores = gates.measure(directory, names, current.pages_per_dataset, current.split, tuple(_names(disable) or ()))
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    checks = gates.compare(current, scores)
    rows = [
        [
            c.key,
            _f(c.floor),
            _f(c.score),
            _f(None if c.floor is None or c.score is None else c.score - c.floor),
            c.status,
        ]
        for c in checks
    ]
    console(
        [
            Table(
                f"quality gate: {current.pages_per_dataset} {current.split} pages per dataset, margin {current.margin}",
                ["score", "floor", "now", "change", "status"],
                rows,
            )
        ]
    )
    bad = gates.failed(checks)
    seconds = time.time() - started
    if pin:
        gates.pin(current, scores, allow_lower).write(floors)
        typer.echo(f"pinned {len(scores)} floor(s) in {floors}" + ("" if allow_lower else " (raised only)"), err=True)
        bad = gates.failed(gates.compare(gates.Floors.read(floors), scores))
    if bad:
        typer.echo(f"quality gate FAILED in {seconds:.0f}s: " + ", ".join(f"{c.key} {c.status}" for c in bad), err=True)
        raise typer.Exit(code=1)
    typer.echo(
        f"quality gate passed in {seconds:.0f}s: {len(scores)} score(s) within {current.margin} of their floors",
        err=True,
    )


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:+.4f}" if value < 0 else f"{value:.4f}"
