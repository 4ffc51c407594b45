"""A batch run: inputs -> Items -> Articles (here or in worker processes) -> records, in input order.

Every input becomes one record, in the output or in the rejects file. File outputs are written to `.part`
files and completed at the end (see io/writers.py), so an interrupted run can be resumed: `resume` skips the
inputs whose records the `.part` files already hold.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from . import runrecord
from .config import Config
from .io import Item, open_output, read_inputs
from .io.count import count_pages
from .io.readers import input_named
from .io.writers import PART_SUFFIX, Output, OutputError, WriteFailed
from .items import clean_item, clean_items
from .parallel import clean_parallel
from .pipeline import Cleaner
from .progress import Reporter
from .record import INTERNAL, REJECTIONS, Article
from .templates.twopass import learn_inputs, template_store

__all__ = ["BatchOptions", "Tally", "clean_item", "clean_items", "run_batch"]


@dataclass(slots=True)
class Tally:
    records: int = 0
    errors: int = 0
    rejected: int = 0  # pages that are no article, with --articles-only (not errors: the run asked for it)
    resumed: int = 0  # inputs skipped because an earlier, interrupted run wrote their records
    kinds: dict[str, int] = field(default_factory=dict)  # error records by kind (record.py's ERROR_KINDS)
    started: float = field(default_factory=time.monotonic)

    def count(self, article: Article) -> None:
        if article.error is None:
            self.records += 1
            return
        kind = article.error_kind or INTERNAL
        if kind in REJECTIONS:
            self.rejected += 1
            kind = f"{article.page_type} page" if article.page_type else kind
        else:
            self.errors += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def summary(self) -> str:
        """One line for the end of a run: records, error records by kind, and time."""
        seconds = time.monotonic() - self.started
        line = f"done: {self.records:,} record(s), {self.errors:,} error record(s)"
        if self.rejected:
            line += f", {self.rejected:,} rejected"
        if self.kinds:
            by_kind = sorted(self.kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            line += " (" + "; ".join(f"{count:,} {kind.replace('_', ' ')}" for kind, count in by_kind) + ")"
        return line + f" in {seconds:,.1f} s"


@dataclass(slots=True)
class BatchOptions:
    """A batch run: what to read and write, and the Cleaner's configuration (its `templates`, a store path, is
    also what a two-pass run learns into)."""

    inputs: list[str]
    config: Config = field(default_factory=Config)
    output: str | None = None  # None or "-": stdout
    fmt: str = "jsonl"
    rejects: str | None = None
    html_field: str = "html"
    text_field: str = "text"
    jobs: int = 1
    resume: bool = False
    live: bool | None = None  # progress display; None: when stderr is a terminal
    two_pass: bool = False  # learn the site templates of the whole input first, then clean


def run_batch(options: BatchOptions) -> Tally:
    """Clean every input into the outputs. Raises ValueError (bad options) or OutputError before any work."""
    _check_outputs(options)
    with template_store(
        options.config.templates, options.two_pass, options.inputs, options.output, options.resume
    ) as templates:
        return _run(options, templates)


def _run(options: BatchOptions, templates: str | None) -> Tally:
    make_cleaner = functools.partial(Cleaner, replace(options.config, templates=templates))
    cleaner = make_cleaner()  # here too in parallel runs: a bad option fails now, not in every worker
    tally = Tally()
    if options.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    if options.resume and _already_complete(options.output):
        _check_same_run(options)
        Reporter(live=False).note(f"{options.output} is complete: nothing to resume")
        return tally
    out = open_output(options.output, options.fmt, resume=options.resume)
    bad = None
    try:
        bad = open_output(options.rejects, "jsonl", resume=options.resume) if options.rejects else None
        if out.path is not None and options.resume:
            _check_same_run(options)  # once the .part is locked: a run still writing it is said as such
        if out.path is not None and not (options.resume and runrecord.read(out.path)):
            runrecord.write(out.path, _this_run(options))
    except BaseException:
        if bad is not None:
            bad.discard()
        out.discard()
        raise
    if options.two_pass and templates is not None:
        _learn(options, templates, out, bad)
    skipped: Counter[str] = Counter()
    passed_over: list[str] = []
    items = read_inputs(
        options.inputs, options.html_field, options.text_field, skipped=skipped, passed_over=passed_over
    )
    done = out.done + (bad.done if bad else Counter())
    if done:
        items = _skip_done(items, done, tally)
    parallel = options.jobs > 1
    articles = clean_parallel(items, make_cleaner, options.jobs) if parallel else clean_items(cleaner, items)
    reporter = Reporter(options.live)
    if reporter.live:  # a total and an ETA, when the inputs say cheaply how many pages they hold
        total = count_pages(options.inputs)
        reporter.set_total(None if total is None else total - sum(done.values()))
    # closing(): stop the workers and the reader thread now if writing fails, not when the generator is collected.
    with reporter, contextlib.closing(articles):
        try:
            for article in articles:
                _write(article, out, bad, options.config.explain, reporter)
                tally.count(article)
            # Rejects first: a complete OUTPUT is what tells a later --resume that the run finished, so a kill
            # between the two commits must leave OUTPUT.part behind, never REJECTS.part (the rejects would then be
            # re-made).
            if bad:
                bad.commit()
            out.commit()
        except WriteFailed as exc:
            _keep_parts(out, bad, reporter, why=str(exc))
            raise
        except BaseException:
            _keep_parts(out, bad, reporter)
            raise
    _summarise(tally, skipped, passed_over, reporter)  # once the bar is finished, under it
    return tally


def _learn(options: BatchOptions, templates: str, out: Output, bad: Output | None) -> None:
    """Pass one of a two-pass run. Stopped here, the outputs stay as .part files, as when cleaning stops."""
    reporter = Reporter(live=False)
    try:
        learned = learn_inputs(
            templates,
            options.inputs,
            options.config.mode,
            options.html_field,
            options.text_field,
            options.config.site,
            options.jobs,
        )
    except BaseException:
        _keep_parts(out, bad, reporter)
        raise
    reporter.note(learned.describe())


def _check_outputs(options: BatchOptions) -> None:
    """Refuse, before any work, an output or rejects file that is one of the inputs (it would be replaced while
    read), or the two being the same file."""
    for flag, path in (("-o", options.output), ("--rejects", options.rejects)):
        found = input_named(path, options.inputs) if path else None
        if found is not None:
            raise OutputError(f"{flag} {path} is one of the inputs ({found}): write the records somewhere else")
    if options.rejects and options.output and os.path.abspath(options.rejects) == os.path.abspath(options.output):
        raise OutputError("--rejects must name another file than -o")


def _this_run(options: BatchOptions) -> dict:
    """The inputs and the options that decide what a run's records are (not --jobs: any number gives the same
    output), as recorded beside its output."""
    config = options.config
    recorded = {
        "format": options.fmt,
        "rejects": os.path.abspath(options.rejects) if options.rejects else None,
        "html_field": options.html_field,
        "text_field": options.text_field,
        "two_pass": options.two_pass,
        "mode": config.mode,
        "disable": sorted(config.disable),
        "templates": os.path.abspath(config.templates) if isinstance(config.templates, (str, os.PathLike)) else None,
        "site": config.site,
        "time_limit": config.time_limit,
        "explain": config.explain,
    }
    return runrecord.describe(options.inputs, recorded)


def _check_same_run(options: BatchOptions) -> None:
    """Refuse to resume an output that another run (other inputs or options) started or completed."""
    assert options.output is not None
    recorded = runrecord.read(options.output)
    if recorded is None:
        return  # an older cleaner's output, or one made by hand: nothing to compare with
    changed = runrecord.differences(recorded, _this_run(options))
    if not changed:
        return
    what = f"{options.output}{PART_SUFFIX}" if not _already_complete(options.output) else options.output
    raise OutputError(
        f"--resume: {what} was written by another run ({'; '.join(changed)}): run again with that run's inputs "
        f"and options to finish it, or without --resume (after deleting any {PART_SUFFIX} file) to start over"
    )


def _already_complete(output: str | None) -> bool:
    return bool(output) and output != "-" and os.path.exists(output) and not os.path.exists(output + PART_SUFFIX)


def _skip_done(items: Iterable[Item], done: Counter[str], tally: Tally) -> Iterator[Item]:
    """Items whose record is not written yet. Ids count as a multiset, so repeated ids in the input stay exact."""
    for item in items:
        if done[item.id] > 0:
            done[item.id] -= 1
            tally.resumed += 1
            continue
        yield item


def _write(article: Article, out: Output, bad: Output | None, explain: bool, reporter: Reporter) -> None:
    record = article.to_dict(explain=explain)
    if article.error is not None:
        reporter.note(f"{article.id}: {article.error}")
        (bad or out).write(record)
    else:
        out.write(record)
    reporter.advance(error=article.error is not None)


def _keep_parts(out: Output, bad: Output | None, reporter: Reporter, why: str | None = None) -> None:
    for output in (out, bad):
        if output is not None:
            with contextlib.suppress(OSError):  # the disk that failed a write may fail the close too
                output.close()
    parts = [o.part for o in (out, bad) if o is not None and o.path is not None and os.path.exists(o.part)]
    stopped = f"stopped: {why}" if why else "stopped"
    if parts:
        reporter.note(f"{stopped}; the records so far are in {', '.join(parts)}: run again with --resume to finish")
    elif why:
        reporter.note(stopped)


SHOWN_PASSED_OVER = 10  # names of files passed over that the summary lists; past that, how many more


def _summarise(tally: Tally, skipped: Counter[str], passed_over: list[str], reporter: Reporter) -> None:
    if passed_over:
        names = ", ".join(passed_over[:SHOWN_PASSED_OVER])
        more = len(passed_over) - SHOWN_PASSED_OVER
        names += f" and {more:,} more" if more > 0 else ""
        reporter.note(f"passed over {len(passed_over):,} file(s) that are not pages (hidden, data or code): {names}")
    if skipped:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(skipped.items(), key=lambda kv: -kv[1]))
        reporter.note(f"skipped {sum(skipped.values()):,} WARC record(s) that are not HTML pages: {kinds}")
    if tally.resumed:
        reporter.note(f"resumed: {tally.resumed:,} input(s) already written were skipped")
    reporter.note(tally.summary())
