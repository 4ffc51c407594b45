"""The CI quality gate: the cleaner alone on a fixed subset of validation pages (the first pages of each
dataset's validation side, in file order), both modes, compared with floors pinned in `floors.json`.

A score more than `margin` below its floor fails the gate. `pin` raises floors to the scores measured (never
lowers them); lowering needs `allow_lower` as well, so a regression cannot be pinned by accident.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..devdata.datasets import available, load
from .peers import cleaner_systems
from .runner import run
from .summary import Summary, meta_gold_fields, summarise

FLOORS = Path(__file__).with_name("floors.json")
DEFAULT_MARGIN = 0.01
DEFAULT_PAGES = 60
# The dump styles the gate watches: the two the text model was first trained on, a glued dump, a Markdown dump,
# trafilatura's own text, and markdownify, held out of training. All made by Python packages of the [bench] extra,
# so the gate needs no Debian package (lynx, w3m and Chromium are in `cleaner bench`).
GATE_STYLES = ("html-text", "inscriptis", "bs4-glued", "html2text", "markdownify", "trafilatura")


@dataclass(slots=True)
class Floors:
    floors: dict[str, float]
    margin: float = DEFAULT_MARGIN
    pages_per_dataset: int = DEFAULT_PAGES
    split: str = "validation"

    @classmethod
    def read(cls, path: Path) -> Floors:
        if not Path(path).is_file():
            return cls(floors={})
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["floors"], data["margin"], data["pages_per_dataset"], data["split"])

    def write(self, path: Path) -> None:
        data = {
            "about": "Quality floors of `cleaner gate` (see cleaner/bench/gate.py); re-pin with `cleaner gate --pin`.",
            "margin": self.margin,
            "pages_per_dataset": self.pages_per_dataset,
            "split": self.split,
            "floors": dict(sorted(self.floors.items())),
        }
        Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def datasets(self) -> list[str]:
        return list(dict.fromkeys(key.split("/", 1)[0] for key in self.floors))


def metrics(summaries: list[Summary]) -> dict[str, float]:
    """Every score the gate watches, as "dataset/variant/metric" (variant "html" or "text/<converter>")."""
    found: dict[str, float] = {}
    for s in summaries:
        prefix = f"{s.dataset}/{s.variant}"
        if s.body is not None:
            found[f"{prefix}/body_f1"] = s.body.f1
        if s.snippets is not None:
            found[f"{prefix}/snippet_f1"] = s.snippets.f1
        for name, prf in s.meta.items():
            found[f"{prefix}/{name}_f1"] = prf.f1
    return found


def measure(
    data_dir: Path,
    datasets: list[str],
    pages_per_dataset: int,
    split: str = "validation",
    disable: tuple[str, ...] = (),
) -> dict[str, float]:
    pages = []
    for name in datasets:
        pages += load(data_dir, name, split=split, limit=pages_per_dataset)
    runs = run(pages, cleaner_systems(disable), converters=GATE_STYLES)
    return metrics(summarise(runs, meta_gold_fields(pages)))


@dataclass(frozen=True, slots=True)
class Check:
    key: str
    floor: float | None
    score: float | None
    status: str  # "ok", "FAIL" (below floor - margin), "missing" (floor but no score), "new" (score, no floor)


def compare(floors: Floors, scores: dict[str, float]) -> list[Check]:
    checks = []
    for key in sorted(set(floors.floors) | set(scores)):
        floor, score = floors.floors.get(key), scores.get(key)
        if floor is None:
            status = "new"
        elif score is None:
            status = "missing"
        else:
            status = "ok" if score >= floor - floors.margin else "FAIL"
        checks.append(Check(key, floor, score, status))
    return checks


def failed(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status in ("FAIL", "missing")]


def pin(floors: Floors, scores: dict[str, float], allow_lower: bool = False) -> Floors:
    """Floors raised to the scores (rounded down, so a re-run at the same quality passes exactly); lowered only
    with `allow_lower`."""
    pinned = dict(floors.floors)
    for key, score in scores.items():
        value = math.floor(score * 10_000) / 10_000
        if key not in pinned or value > pinned[key] or allow_lower:
            pinned[key] = value
    return Floors(pinned, floors.margin, floors.pages_per_dataset, floors.split)


def gate_datasets(floors: Floors, data_dir: Path, chosen: list[str] | None) -> list[str]:
    """The datasets named, else those the floors mention, else every dataset present."""
    return list(chosen or floors.datasets() or available(data_dir))
