"""Site templates in a batch run (`cleaner clean`): which store the run cleans with, and the learning pass of a
two-pass run.

`--templates FILE` alone cleans with the store as it is (read only: every page of the run sees the same counts,
so the output does not depend on input order or --jobs). `--two-pass` first learns every input page into the
store, `--templates FILE` when given (the run's pages are added to it, for later runs), else one of its own that
is removed when the run completes (beside the output's `.part`, so an interrupted run's is resumed with it; in a
temporary folder when the output is stdout); then it cleans with it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..io import read_inputs
from ..io.writers import PART_SUFFIX
from .learn import learn_items
from .source import LearnedPage
from .store import TemplateStore


@dataclass(slots=True)
class Learned:
    counted: int = 0  # pages added to the store
    known: int = 0  # pages the store had counted before (same page, by key)
    sites: int = 0
    left_out: Counter[str] | None = None  # pages learning passed over, by why

    def describe(self) -> str:
        text = f"learned site templates from {self.counted:,} page(s) of {self.sites:,} site(s)"
        if self.known:
            text += f"; {self.known:,} page(s) were in the store already"
        for why, count in sorted((self.left_out or Counter()).items()):
            text += f"; {count:,} page(s) {why}" + (" (use --site or a `site` field)" if why == "no site" else "")
        return text


@contextlib.contextmanager
def template_store(
    templates: str | None, two_pass: bool, inputs: list[str], output: str | None = None, resume: bool = False
) -> Iterator[str | None]:
    """The path of the store a run cleans with (None: no templates). Raises ValueError on unusable options."""
    if two_pass and "-" in inputs:
        raise ValueError("--two-pass reads the input twice: give files or folders, not - (stdin)")
    if not two_pass:
        if templates is not None and not templates.endswith(".json"):  # a fixture's JSON template reads as well
            TemplateStore(templates).close()  # missing, not a store, another format: a usage error now
        yield templates
        return
    if templates is not None and templates.endswith(".json"):
        raise ValueError(f"--two-pass learns into a template store (SQLite), not into {templates}")
    if templates is not None:
        TemplateStore(templates, writable=True).close()
        yield templates
        return
    if output not in (None, "-"):
        # Beside the output's `.part`, not in a temporary folder: a run killed where no cleanup can run (SIGKILL,
        # the OOM killer) leaves it there, and --resume goes on learning into it (pages counted are skipped).
        path = output + PART_SUFFIX + STORE_SUFFIX
        if not resume and not os.path.exists(output + PART_SUFFIX):
            _remove_store(path)  # no run owns it: left by one that ended between its two cleanups
        TemplateStore(path, writable=True).close()
        yield path
        _remove_store(path)  # reached only when the run completes: an interrupted one keeps it for --resume
        return
    with tempfile.TemporaryDirectory(prefix="cleaner-templates-") as folder:
        path = os.path.join(folder, "templates.sqlite")
        TemplateStore(path, writable=True).close()
        yield path


STORE_SUFFIX = ".templates.sqlite"


def _remove_store(path: str) -> None:
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def learn_inputs(
    store_path: str,
    inputs: list[str],
    mode: str = "auto",
    html_field: str = "html",
    text_field: str = "text",
    site: str | None = None,
    jobs: int = 1,
) -> Learned:
    """Pass one: every page of the inputs counted into the store at `store_path`."""
    left_out: Counter[str] = Counter()
    sites: set[tuple[str, str]] = set()

    def pages() -> Iterator[LearnedPage]:
        for found in learn_items(read_inputs(inputs, html_field, text_field), mode, site, jobs):
            if isinstance(found, str):
                left_out[found] += 1
            else:
                sites.add((found.site, found.mode))
                yield found

    with TemplateStore(store_path, writable=True) as store:
        counted, known = store.learn(pages())
    return Learned(counted, known, len({s for s, _ in sites}), left_out)
