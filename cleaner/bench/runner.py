"""Running the systems over the pages: every system in the same process on the same pages, each call timed
alone, each output scored against the page's gold.

Time is the CPU time of the call (`time.process_time`): the work the system does, which other processes on a
shared machine do not inflate the way they inflate wall-clock time. The systems are CPU-bound and do no I/O
here (newspaper4k's image fetching is switched off), so on an idle core the two agree.

A page runs in HTML mode (`variant` "html") and, per dump style, in text mode ("text/html-text", "text/lynx", ...;
devdata/dumps.py). The dump is the scraper's work, the input's preparation: it is timed apart and charged to no
system.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from ..devdata.datasets import BenchPage
from ..devdata.dumps import BASIC, CONVERTERS
from ..devdata.score import META_FIELDS, BodyScore, Counts, body_score, meta_counts, snippet_counts, tokens
from ..devdata.structure import StructureScore, gold_elements, markdown_elements, structure_score
from .peers import Call, Output, System, quiet

_clock = time.process_time
WARM_UP_HTML = "<html><head><title>Warm up</title></head><body><p>One short paragraph of text.</p></body></html>"


@dataclass(slots=True)
class PageRun:
    """One system on one page in one variant: its time and its scores (the output itself is not kept)."""

    dataset: str
    page_id: str
    variant: str
    system: str
    seconds: float
    error: str | None = None
    body: BodyScore | None = None
    snippets: Counts | None = None
    meta: dict[str, Counts] = field(default_factory=dict)
    empty: bool = False  # the system gives a body and gave none (no word) for this page
    structure: StructureScore | None = None  # a Markdown body's structure against the page's HTML gold
    page_type_right: bool | None = None  # article or not, as the dataset's page_type says (wcxb-dev)


def variants(modes: tuple[str, ...], converters: tuple[str, ...]) -> list[str]:
    found = ["html"] if "html" in modes else []
    if "text" in modes:
        found += [f"text/{name}" for name in converters]
    return found


def score(page: BenchPage, system: System, output: Output) -> tuple[BodyScore | None, Counts | None, dict]:
    gold = page.gold
    body = body_score(output.body, gold.body) if gold.body is not None and "body" in system.fields else None
    snippets = None
    if gold.with_ is not None and "body" in system.fields:
        snippets = snippet_counts(output.body, gold.with_, gold.without or [])
    meta = {}
    if gold.meta_annotated:
        for name in META_FIELDS:
            if name in system.fields:
                meta[name] = meta_counts(name, getattr(output, name), getattr(gold, name))
    return body, snippets, meta


def score_structure(page: BenchPage, system: System, output: Output) -> StructureScore | None:
    """Headings, list items, quotes and table cells of a Markdown body against the page's HTML gold."""
    if page.gold.structure_html is None or "markdown" not in system.fields or output.markdown is None:
        return None
    return structure_score(markdown_elements(output.markdown), gold_elements(page.gold.structure_html))


class Bench:
    """The loaded systems of one process (a worker under --jobs builds its own)."""

    def __init__(self, systems: list[System], converters: tuple[str, ...]) -> None:
        quiet()
        self.systems = systems
        self.converters = converters
        self.calls: dict[tuple[str, str], Call] = {}
        for system in systems:
            call = system.load()
            # The first call pays for lazy imports and model loading: warm up, untimed.
            warm = WARM_UP_HTML if system.mode == "html" else "Warm up.\nOne short paragraph of text."
            with contextlib.suppress(Exception):  # a peer that fails on the warm-up page still runs on real ones
                call(system.prepare(warm), None)
            self.calls[(system.mode, system.name)] = call
        self.conversion_seconds: dict[str, float] = dict.fromkeys(converters, 0.0)

    def run_system(
        self, system: System, content: str, url: str | None, site: str | None = None
    ) -> tuple[Output, float]:
        call = self.calls[(system.mode, system.name)]
        start = 0.0
        try:
            prepared = system.prepare(content)
            start = _clock()
            raw = call(prepared, url, site=site) if system.site_aware else call(prepared, url)
            seconds = _clock() - start
            return system.finish(raw), seconds
        except Exception as exc:  # a peer failing on one page is a result (empty output), not a crash
            seconds = _clock() - start if start else 0.0
            return Output(error=f"{type(exc).__name__}: {exc}"[:300]), seconds

    def run_page(self, page: BenchPage) -> list[PageRun]:
        runs: list[PageRun] = []
        inputs: list[tuple[str, str, str]] = []  # (variant, mode, content)
        if any(s.mode == "html" for s in self.systems):
            inputs.append(("html", "html", page.html))
        if any(s.mode == "text" for s in self.systems):
            for name in self.converters:
                start = _clock()
                try:
                    text = CONVERTERS[name](page.html)
                except Exception:  # a page the converter cannot read gives every text system nothing to clean
                    text = ""
                self.conversion_seconds[name] += _clock() - start
                inputs.append((f"text/{name}", "text", text))
        for variant, mode, content in inputs:
            for system in self.systems:
                if system.mode != mode:
                    continue
                output, seconds = self.run_system(system, content, page.url, page.batch_site())
                body, snippets, meta = score(page, system, output)
                empty = "body" in system.fields and not tokens(output.body)
                run = PageRun(
                    page.dataset, page.id, variant, system.name, seconds, output.error, body, snippets, meta, empty
                )
                run.structure = score_structure(page, system, output)
                if page.page_type and output.page_type:
                    run.page_type_right = (output.page_type == "article") == (page.page_type == "article")
                runs.append(run)
        return runs


_WORKER: Bench | None = None


def _start_worker(systems: list[System], converters: tuple[str, ...]) -> None:
    """Systems are built of module-level functions (and partials of them), so they pickle to the worker whole,
    a cleaner with options or site templates included."""
    global _WORKER
    _WORKER = Bench(systems, converters)


def _work(page: BenchPage) -> list[PageRun]:
    assert _WORKER is not None
    return _WORKER.run_page(page)


def run(
    pages: list[BenchPage],
    systems: list[System],
    converters: tuple[str, ...] = BASIC,
    jobs: int = 1,
    progress: Callable[[BenchPage], None] | None = None,
) -> list[PageRun]:
    """Every system on every page, in page order. `jobs` > 1 spreads pages over processes (each process times
    its own calls, so pages/second stays a one-core figure)."""
    results: list[PageRun] = []
    for page, page_runs in zip(pages, _map(pages, systems, converters, jobs), strict=True):
        results.extend(page_runs)
        if progress:
            progress(page)
    return results


def _map(pages: list[BenchPage], systems: list[System], converters: tuple[str, ...], jobs: int) -> Iterator:
    if jobs <= 1:
        bench = Bench(systems, converters)
        return (bench.run_page(page) for page in pages)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(systems, converters))
    return _ordered(pool, pages)


def _ordered(pool: ProcessPoolExecutor, pages: list[BenchPage]) -> Iterator[list[PageRun]]:
    with pool:
        yield from pool.map(_work, pages, chunksize=4)
