"""Page results added up: one Summary per dataset, variant and system, and the overall figures across datasets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from ..devdata.datasets import BenchPage
from ..devdata.score import META_FIELDS, NORMALISE, PRF, corpus_body, total
from .peers import REFERENCE
from .runner import PageRun


@dataclass(slots=True)
class Summary:
    dataset: str
    variant: str  # "html" or "text/<converter>"
    system: str
    pages: int
    errors: int
    seconds: float
    body: PRF | None = None
    snippets: PRF | None = None
    meta: dict[str, PRF] = field(default_factory=dict)
    vs_reference: float | None = None  # pages/second as a multiple of trafilatura's on the same pages
    empty: int | None = None  # pages it gave no body for (errors included); None for a system without a body

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds > 0 else None

    def to_dict(self) -> dict:
        record = asdict(self)
        record["pages_per_second"] = self.pages_per_second
        return record


def meta_gold_fields(pages: list[BenchPage]) -> dict[str, set[str]]:
    """Per dataset, the metadata fields that at least one annotated page has a value for."""
    found: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        if page.gold.meta_annotated:
            for name in META_FIELDS:
                if NORMALISE[name](getattr(page.gold, name)) is not None:
                    found[page.dataset].add(name)
    return found


def summarise(runs: list[PageRun], gold_fields: dict[str, set[str]]) -> list[Summary]:
    groups: dict[tuple[str, str, str], list[PageRun]] = defaultdict(list)
    for run in runs:  # dicts keep insertion order: datasets, variants and systems stay in run order
        groups[(run.dataset, run.variant, run.system)].append(run)
    summaries = []
    for (dataset, variant, system), group in groups.items():
        bodies = [r.body for r in group if r.body is not None]
        snippets = [r.snippets for r in group if r.snippets is not None]
        meta = {}
        for name in META_FIELDS:
            counts = [r.meta[name] for r in group if name in r.meta]
            if counts and name in gold_fields.get(dataset, ()):
                meta[name] = total(counts).prf()
        summaries.append(
            Summary(
                dataset=dataset,
                variant=variant,
                system=system,
                pages=len(group),
                errors=sum(r.error is not None for r in group),
                seconds=sum(r.seconds for r in group),
                body=corpus_body(bodies) if bodies else None,
                snippets=total(snippets).prf() if snippets else None,
                meta=meta,
                empty=sum(r.empty for r in group) if bodies or snippets else None,
            )
        )
    _relate_speeds(summaries)
    return summaries


def _relate_speeds(summaries: list[Summary]) -> None:
    """Each speed as a multiple of the reference's in HTML mode on the same dataset (the same pages)."""
    reference = {s.dataset: s.pages_per_second for s in summaries if s.system == REFERENCE and s.variant == "html"}
    for s in summaries:
        ref, own = reference.get(s.dataset), s.pages_per_second
        s.vs_reference = own / ref if ref and own else None


@dataclass(slots=True)
class Overall:
    """One system in one variant across all datasets: mean body F1 over the datasets with body gold (each
    dataset weighs the same), and speed over all pages."""

    variant: str
    system: str
    body_f1: dict[str, float]  # per dataset
    pages: int
    seconds: float
    vs_reference: float | None = None

    @property
    def mean_body_f1(self) -> float | None:
        return sum(self.body_f1.values()) / len(self.body_f1) if self.body_f1 else None

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds > 0 else None


def overall(summaries: list[Summary]) -> list[Overall]:
    rows: dict[tuple[str, str], Overall] = {}
    for s in summaries:
        row = rows.setdefault((s.variant, s.system), Overall(s.variant, s.system, {}, 0, 0.0))
        row.pages += s.pages
        row.seconds += s.seconds
        if s.body is not None:
            row.body_f1[s.dataset] = s.body.f1
    ref = rows.get(("html", REFERENCE))
    ref_speed = ref.pages_per_second if ref else None
    for row in rows.values():
        own = row.pages_per_second
        row.vs_reference = own / ref_speed if ref_speed and own else None
    return list(rows.values())
