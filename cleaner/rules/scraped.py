"""The other half of the rules' check: on the plain-text view of real pages (what a naive scraper keeps), how
much furniture the text pipeline removes and how much of the gold article it keeps, scored as the datasets'
README defines body scores (4-token shingles, page means, F1 of the means). Only the `train` side is read.

    python -m cleaner.rules.scraped ../shared/datasets/wcxb-dev.jsonl.gz --converter html_text

Needs the converter installed (`pip install html-text` or `pip install inscriptis`); it is not a dependency.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..bench.split import split_of
from ..pipeline import Cleaner

_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(predicted: str, gold: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the README leaves the page out of that mean."""
    p, g = shingles(predicted), shingles(gold)
    tp = sum((p & g).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    precision = None if not p else (1.0 if fp == fn == 0 else tp / (tp + fp))
    recall = None if not g else (1.0 if fp == fn == 0 else tp / (tp + fn))
    return precision, recall


def converter(name: str) -> Callable[[str], str]:
    if name == "html_text":
        import html_text

        return lambda html: html_text.extract_text(html, guess_layout=True)
    if name == "inscriptis":
        import inscriptis

        return inscriptis.get_text
    raise ValueError(f"unknown converter {name!r}: use html_text or inscriptis")


def rows(path: Path, side: str, articles_only: bool) -> Iterator[dict]:
    dataset = path.name.split(".")[0]
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if articles_only and row.get("page_type") not in (None, "article"):
                continue
            if row.get("body") and row.get("html") and split_of(row, dataset) == side:
                yield row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaner.rules.scraped", description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--converter", default="html_text", choices=("html_text", "inscriptis"))
    parser.add_argument("--side", default="train", choices=("train", "validation"))
    parser.add_argument("--all-page-types", action="store_true", help="not only wcxb's `article` pages")
    args = parser.parse_args(argv)
    to_text = converter(args.converter)
    cleaner = Cleaner(mode="text")
    precisions: list[float] = []
    recalls: list[float] = []
    raw_precisions: list[float] = []
    reasons: Counter[str] = Counter()
    seconds = 0.0
    for path in args.datasets:
        for row in rows(path, args.side, not args.all_page_types):
            text = to_text(row["html"])
            start = time.process_time()
            page = cleaner.page(text, mode="text")
            seconds += time.process_time() - start
            reasons.update(b.reason for b in page.blocks if not b.keep)
            body = "\n\n".join(b.text for b in page.blocks if b.keep)
            precision, recall = page_scores(body, row["body"])
            raw_precision, _ = page_scores(text, row["body"])
            if precision is not None:
                precisions.append(precision)
            if recall is not None:
                recalls.append(recall)
            if raw_precision is not None:
                raw_precisions.append(raw_precision)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    print(
        f"{len(recalls)} pages, converter {args.converter}, "
        f"{seconds / len(recalls) * 1000:.1f} ms CPU per page (text pipeline)"
    )
    print(f"uncleaned text: precision {sum(raw_precisions) / len(raw_precisions):.3f}")
    print(f"cleaned body:   precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    print("lines removed by reason: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
