"""How much real article text each rule would remove: run every text-mode rule on every line of gold article
bodies (lines a human kept as the article) and count the hits. A rule's hits are its false removals, so this is
the precision check to run before and after changing a rule. Only the `train` side of the fixed split is read.

    python -m cleaner.bench.audit ../shared/datasets/wcxb-dev.jsonl.gz ../shared/datasets/dragnet.jsonl.gz

Two counts per reason: `alone`, the lines the rule matches when asked on its own (every rule sees every line),
and `pipeline`, the lines the whole text pipeline removes from the gold body with that reason (first rule wins,
plus repairs, metadata lines and the context pass).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..classify import apply_rules
from ..decode import normalise
from ..devdata.split import split_of
from ..pipeline import Cleaner
from ..reasons import DOUBLED_LINE
from ..repair import repair
from ..rules import Rule, all_rules
from ..segment.text import segment_text

EXAMPLES = 5


def gold_bodies(path: Path, side: str = "train") -> Iterator[str]:
    dataset = path.name.split(".")[0]
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            body = row.get("body")
            if isinstance(body, str) and body.strip() and split_of(row, dataset) == side:
                yield normalise(body)


class Audit:
    def __init__(self, examples: int = EXAMPLES) -> None:
        self.keep_examples = examples
        self.rules: list[Rule] = [r for r in all_rules().values() if "text" in r.modes]
        self.cleaner = Cleaner(mode="text")
        self.pages = 0
        self.lines = 0
        self.alone: Counter[str] = Counter()
        self.pipeline: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)
        self.rule_seconds = 0.0
        self.splits = 0  # new blocks made by splitting glued sentences: each one a paragraph break added

    def add(self, body: str) -> None:
        self.pages += 1
        lines = len(segment_text(body).blocks)
        page = repair(segment_text(body))
        self.lines += lines
        doubled = sum(1 for b in page.blocks if b.reason == DOUBLED_LINE)
        self.splits += len(page.blocks) - lines - doubled
        for i, block in enumerate(page.blocks):
            if not block.keep:  # dropped by a repair (a doubled line)
                self.alone[block.reason or "?"] += 1
                continue
            for candidate in self.rules:
                if candidate.check(page, i):
                    self.alone[candidate.name] += 1
                    if len(self.examples[candidate.name]) < self.keep_examples:
                        self.examples[candidate.name].append(block.text[:160])
        timed = repair(segment_text(body))
        start = time.process_time()
        apply_rules(timed, self.rules)
        self.rule_seconds += time.process_time() - start
        for block in self.cleaner.page(body, mode="text").blocks:
            if not block.keep:
                reason = block.reason or "?"
                self.pipeline[reason] += 1
                if reason not in self.alone and len(self.examples[reason]) < self.keep_examples:
                    self.examples[reason].append(block.text[:160])

    def report(self) -> str:
        out = [
            f"{self.pages} gold bodies, {self.lines} lines; rules took "
            f"{self.rule_seconds * 1e6 / self.lines:.1f} µs CPU per line (all rules, first match wins); "
            f"the glued-sentence repair split gold lines at {self.splits} points",
            "",
            f"{'reason':24} {'alone':>7} {'pipeline':>9}",
        ]
        names = [r.name for r in self.rules] + sorted(set(self.pipeline) - {r.name for r in self.rules})
        for name in names:
            out.append(f"{name:24} {self.alone.get(name, 0):7} {self.pipeline.get(name, 0):9}")
        out.append(f"{'total':24} {sum(self.alone.values()):7} {sum(self.pipeline.values()):9}")
        for name in names:
            if self.examples.get(name):
                out.append(f"\n{name}:")
                out.extend(f"  {text}" for text in self.examples[name])
        return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaner.bench.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path, help="dataset .jsonl.gz files with a gold `body` field")
    parser.add_argument("--side", default="train", choices=("train", "validation"))
    parser.add_argument("--examples", type=int, default=EXAMPLES, help="matched lines to show per rule")
    args = parser.parse_args(argv)
    audit = Audit(args.examples)
    for path in args.datasets:
        for body in gold_bodies(path, args.side):
            audit.add(body)
    print(audit.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
