"""Page results added up: one Summary per dataset, variant and system, and the overall figures across datasets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from ..devdata.datasets import BenchPage
from ..devdata.score import META_FIELDS, NORMALISE, PRF, corpus_body, harmonic, total
from ..devdata.structure import KINDS, StructureScore
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
    structure: PRF | None = None  # a Markdown body's structure: mean page precision and recall (structure.py)
    structure_kinds: dict[str, dict[str, int]] = field(default_factory=dict)  # per kind: matched, predicted, gold
    page_types: int = 0  # pages with a page_type gold the system gave a type for
    page_types_right: int = 0  # ... and article-or-not right

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
        structures = [r.structure for r in group if r.structure is not None]
        typed = [r.page_type_right for r in group if r.page_type_right is not None]
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
                structure=corpus_structure(structures),
                structure_kinds=structure_kinds(structures),
                page_types=len(typed),
                page_types_right=sum(typed),
            )
        )
    _relate_speeds(summaries)
    return summaries


def corpus_structure(scores: list[StructureScore]) -> PRF | None:
    """Mean page precision (pages with predicted elements) and recall (pages with gold elements), as for bodies."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    if not precisions and not recalls:
        return None
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF(p, r, harmonic(p, r))


def structure_kinds(scores: list[StructureScore]) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        counts = {
            "matched": sum(s.matched[kind] for s in scores),
            "predicted": sum(s.predicted[kind] for s in scores),
            "gold": sum(s.gold[kind] for s in scores),
        }
        if any(counts.values()):
            found[kind] = counts
    return found


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
