"""The cleaner's worst pages, block by block: what it kept (+) and removed (-, with the reason), and which of
those decisions cost score (!), so a developer sees where the score is lost."""

from __future__ import annotations

from pathlib import Path

from ..devdata.datasets import BenchPage
from ..devdata.dumps import CONVERTERS
from ..devdata.score import collapse, meta_counts, shingles
from .runner import PageRun

SYSTEM = "cleaner"
IN_GOLD = 0.5  # a block with at least this share of its shingles in the gold belongs to the article


def page_f1(run: PageRun) -> float | None:
    """The page's own score, to rank pages: body F1 where there is body gold, else snippet F."""
    if run.body is not None:
        return run.body.f1
    if run.snippets is not None and (run.snippets.tp + run.snippets.fp + run.snippets.fn):
        return run.snippets.prf().f1
    return None


def worst(runs: list[PageRun], count: int) -> list[PageRun]:
    """The `count` lowest-scoring pages of the cleaner per dataset and variant (ties: page order)."""
    chosen: list[PageRun] = []
    groups: dict[tuple[str, str], list[PageRun]] = {}
    for run in runs:
        if run.system == SYSTEM and page_f1(run) is not None:
            groups.setdefault((run.dataset, run.variant), []).append(run)
    for group in groups.values():
        chosen += sorted(group, key=lambda r: page_f1(r) or 0.0)[:count]
    return chosen


def _share_in_gold(text: str, gold: set) -> float:
    own = shingles(text)
    return sum(n for s, n in own.items() if s in gold) / sum(own.values()) if own else 0.0


def _mark(keep: bool, text: str, page: BenchPage, gold: set) -> str:
    """'!' on a decision that cost score: furniture kept or article text removed."""
    if page.gold.body is not None:
        in_gold = _share_in_gold(text, gold) >= IN_GOLD
        return "!" if keep != in_gold else " "
    flat = collapse(text)
    wanted = any(collapse(s) and collapse(s) in flat for s in page.gold.with_ or [])
    unwanted = any(collapse(s) and collapse(s) in flat for s in page.gold.without or [])
    return "!" if (keep and unwanted) or (not keep and wanted) else " "


def render(run: PageRun, page: BenchPage) -> str:
    from cleaner import Cleaner

    mode, _, converter = run.variant.partition("/")
    content = CONVERTERS[converter](page.html) if converter else page.html
    cleaner = Cleaner(mode=mode)
    lines = [f"## {page.dataset} {run.variant} {page.id}  F1 {page_f1(run):.3f}", f"url: {page.url or '-'}"]
    if run.body is not None:
        p, r = run.body.precision, run.body.recall
        lines.append(f"body precision {p if p is None else round(p, 3)}, recall {r if r is None else round(r, 3)}")
    if run.snippets is not None:
        c = run.snippets
        lines.append(f"snippets: {c.tp} found, {c.fn} missed, {c.fp} unwanted found")
    try:
        classified = cleaner.page(content, url=page.url)
        article = cleaner.article(classified)
    except Exception as exc:  # the cleaner failing on a page is the worst score of all: show why
        lines.append(f"error: {type(exc).__name__}: {exc}")
        return "\n".join(lines) + "\n"
    gold = set(shingles(page.gold.body))
    for block in classified.blocks:
        sign = "+" if block.keep else "-"
        reason = "" if block.keep else f"[{block.reason}]"
        lines.append(f"{_mark(block.keep, block.text, page, gold)}{sign} {reason:20} {block.text}")
    if page.gold.meta_annotated:
        for name in ("headline", "byline", "date"):
            mine, gold_value = getattr(article, name), getattr(page.gold, name)
            verdict = meta_counts(name, mine, gold_value)
            outcome = "TP" if verdict.tp else "FP" if verdict.fp else "FN" if verdict.fn else "--"
            lines.append(f"{name:8} {outcome}  cleaner: {mine!r}  gold: {gold_value!r}")
    return "\n".join(lines) + "\n"


def dump(runs: list[PageRun], pages: list[BenchPage], path: Path, count: int) -> Path:
    by_key = {(p.dataset, p.id): p for p in pages}
    chosen = worst(runs, count)
    legend = (
        "# The cleaner's worst pages\n\n"
        "Each block: + kept, - removed [reason]; ! marks a decision that cost score "
        "(furniture kept, or article text removed, judged against the gold).\n\n"
    )
    parts = [render(run, by_key[(run.dataset, run.page_id)]) for run in chosen]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(legend + "\n".join(parts), encoding="utf-8")
    return path
