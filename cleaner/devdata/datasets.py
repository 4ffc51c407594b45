"""The development datasets: where they are, and their rows as pages with gold.

The datasets are never copied into the repository; they are found at run time (`find_datasets_dir`).
`python -m cleaner.devdata.datasets` prints the folder it finds, or exits 1 when there is none (for `.ci/run`).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..templates.sites import url_host
from .dumps import html_to_paragraphs
from .split import site_of, split_of

DATASETS = ("wcxb-dev", "trafilatura-eval", "readability-pages", "dragnet", "news-portals")
SPLITS = ("validation", "train", "all")
ROOT = Path(__file__).resolve().parents[2]
ENV = "CLEANER_DATASETS"


def find_datasets_dir(candidates: list[str | Path | None] | None = None) -> Path | None:
    """$CLEANER_DATASETS, else ../shared/datasets beside the repository, else /work/shared/datasets: the first
    folder that holds a *.jsonl.gz."""
    if candidates is None:
        candidates = [os.environ.get(ENV), ROOT.parent / "shared" / "datasets", "/work/shared/datasets"]
    for candidate in candidates:
        if candidate and any(Path(candidate).glob("*.jsonl.gz")):
            return Path(candidate)
    return None


@dataclass(slots=True)
class Gold:
    """What a page should give. None means the dataset has no gold of that kind for the page."""

    body: str | None = None
    with_: list[str] | None = None
    without: list[str] | None = None
    # Metadata is scored only on pages whose metadata was annotated; there a missing value means "none".
    meta_annotated: bool = False
    headline: str | None = None
    byline: str | list[str] | None = None
    date: str | None = None
    structure_html: str | None = None  # the article as HTML (readability-pages): its headings, lists, quotes, tables


@dataclass(slots=True)
class BenchPage:
    dataset: str
    id: str
    url: str | None
    html: str
    gold: Gold
    page_type: str | None = None
    # The dataset's site for the page (split.site_of): what a batch groups it by when it has no URL (dragnet).
    site: str | None = None

    def batch_site(self) -> str | None:
        """The site a batch files the page under: its URL's host, as `cleaner clean` finds it, else the dataset's
        site (as a JSONL `site` field would give it); within its dataset, as each dataset is a crawl of its own
        (dragnet's washingtonpost.com pages of 2012 do not share a template with news-portals' of 2013)."""
        site = url_host(self.url) or self.site
        return f"{self.dataset}/{site}" if site else None


def gold_of(row: dict) -> Gold:
    body = row.get("body")
    if body is None and row.get("body_html") is not None:
        body = html_to_paragraphs(row["body_html"])
    meta = {key: row.get(key) for key in ("headline", "author", "date")}
    snippets = row.get("with_") is not None or row.get("without") is not None
    return Gold(
        body=body,
        with_=list(row.get("with_") or []) if snippets else None,
        without=list(row.get("without") or []) if snippets else None,
        # trafilatura-eval leaves all three null on pages nobody annotated; elsewhere null means "none on the page"
        meta_annotated=any(key in row for key in meta) and any(value is not None for value in meta.values()),
        headline=meta["headline"] or None,
        byline=meta["author"] or None,
        date=meta["date"] or None,
        structure_html=row.get("body_html"),
    )


def rows(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load(
    directory: Path,
    name: str,
    split: str = "validation",
    limit: int | None = None,
    page_types: frozenset[str] | None = frozenset({"article"}),
) -> list[BenchPage]:
    """The pages of one dataset on one side of the split, in file order. `page_types` filters datasets that have
    a `page_type` (wcxb-dev); None keeps every type."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    path = Path(directory) / f"{name}.jsonl.gz"
    if not path.is_file():
        raise FileNotFoundError(f"no dataset {name!r} in {directory} (expected {path.name})")
    pages: list[BenchPage] = []
    for row in rows(path):
        if limit is not None and len(pages) >= limit:
            break
        if split != "all" and split_of(row, name) != split:
            continue
        if page_types is not None and row.get("page_type") and row["page_type"] not in page_types:
            continue
        pages.append(
            BenchPage(
                dataset=name,
                id=str(row.get("id")),
                url=row.get("url"),
                html=row.get("html") or "",
                gold=gold_of(row),
                page_type=row.get("page_type"),
                site=site_of(row, name),
            )
        )
    return pages


def available(directory: Path) -> list[str]:
    """The known datasets present in `directory`, in the order of DATASETS, then any other *.jsonl.gz."""
    present = {p.name.removesuffix(".jsonl.gz") for p in Path(directory).glob("*.jsonl.gz")}
    return [n for n in DATASETS if n in present] + sorted(present - set(DATASETS))


if __name__ == "__main__":
    found = find_datasets_dir()
    if found is None:
        sys.exit(1)
    print(found)
