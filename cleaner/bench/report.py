"""The bench's results as tables: built once, shown on the console (rich) and written as Markdown and JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..devdata.dumps import HELD_OUT
from ..devdata.score import META_FIELDS, PRF
from ..devdata.structure import KINDS
from .peers import REFERENCE
from .summary import Overall, Summary


@dataclass(slots=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _speed(value: float | None) -> str:
    return "–" if value is None else (f"{value:.0f}" if value >= 100 else f"{value:.1f}")


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _prf(value: PRF | None) -> list[str]:
    return [_num(None)] * 3 if value is None else [_num(value.precision), _num(value.recall), _num(value.f1)]


def _style(variant: str) -> str:
    """A text variant's dump style, marked when the learned text model never saw it in training."""
    name = variant.split("/", 1)[1]
    return f"{name}, held out" if name in HELD_OUT else name


def _variant_title(variant: str) -> str:
    return "HTML" if variant == "html" else f"plain text ({_style(variant)})"


def dataset_tables(summaries: list[Summary], descriptions: dict[str, str]) -> list[Table]:
    """Per dataset: one body table per variant, then one metadata table."""
    tables: list[Table] = []
    for dataset in dict.fromkeys(s.dataset for s in summaries):
        mine = [s for s in summaries if s.dataset == dataset]
        has_body = any(s.body for s in mine)
        has_snippets = any(s.snippets for s in mine)
        for variant in dict.fromkeys(s.variant for s in mine):
            header = ["system"]
            header += ["body P", "body R", "body F1"] if has_body else []
            header += ["snippet P", "snippet R", "snippet F"] if has_snippets else []
            header += ["pages", "empty", "errors", "pages/s", f"vs {REFERENCE}"]
            rows = []
            for s in (s for s in mine if s.variant == variant):
                row = [s.system]
                row += _prf(s.body) if has_body else []
                row += _prf(s.snippets) if has_snippets else []
                empty = "–" if s.empty is None else str(s.empty)
                row += [str(s.pages), empty, str(s.errors), _speed(s.pages_per_second), _ratio(s.vs_reference)]
                rows.append(row)
            title = f"{dataset}, {_variant_title(variant)}: {descriptions.get(dataset, '')}".rstrip(": ")
            tables.append(Table(title, header, rows))
        fields = [f for f in META_FIELDS if any(f in s.meta for s in mine)]
        if fields:
            header = ["mode", "system"] + [f"{f} {m}" for f in fields for m in ("P", "R", "F1")]
            rows = [
                [_variant_title(s.variant), s.system] + [c for f in fields for c in _prf(s.meta.get(f))]
                for s in mine
                if s.meta
            ]
            tables.append(Table(f"{dataset}, metadata", header, rows))
    return tables


def overall_tables(rows: list[Overall], summaries: list[Summary]) -> list[Table]:
    """Across datasets, per mode: body F1 on each dataset with body gold, its mean, and speed over all pages."""
    datasets = list(dict.fromkeys(s.dataset for s in summaries if s.body))
    tables = []
    for mode in ("html", "text"):
        mine = [r for r in rows if r.variant.split("/")[0] == mode and r.body_f1]
        if not mine:
            continue
        header = ["system"] + (["converter"] if mode == "text" else []) + datasets
        header += ["mean body F1", "pages/s", f"vs {REFERENCE}"]
        table_rows = []
        for r in mine:
            row = [r.system] + ([_style(r.variant)] if mode == "text" else [])
            row += [_num(r.body_f1.get(d)) for d in datasets]
            row += [_num(r.mean_body_f1), _speed(r.pages_per_second), _ratio(r.vs_reference)]
            table_rows.append(row)
        title = "Body F1, HTML mode" if mode == "html" else "Body F1, plain-text mode"
        tables.append(Table(title, header, table_rows))
    tables += style_tables(rows, summaries)
    tables += structure_tables(summaries) + page_type_tables(summaries)
    tables += _pivot(summaries, "Snippet F", lambda s: {s.dataset: s.snippets.f1} if s.snippets else {})
    tables += _pivot(
        summaries, "Metadata F1", lambda s: {f"{s.dataset} {name}": prf.f1 for name, prf in s.meta.items()}
    )
    return tables


def structure_tables(summaries: list[Summary]) -> list[Table]:
    """Markdown bodies against an HTML gold: headings, list items, quotes and table cells rendered as the same
    kind of element (mean page precision and recall), and per kind the elements matched of those predicted and
    of the gold's."""
    mine = [s for s in summaries if s.structure is not None]
    if not mine:
        return []
    kinds = [k for k in KINDS if any(k in s.structure_kinds for s in mine)]
    header = ["dataset", "mode", "system", "pages", "P", "R", "F1"] + [f"{k} P / R" for k in kinds]
    rows = []
    for s in mine:
        row = [s.dataset, _variant_title(s.variant), s.system, str(s.pages), *_prf(s.structure)]
        for kind in kinds:
            c = s.structure_kinds.get(kind, {"matched": 0, "predicted": 0, "gold": 0})
            p = c["matched"] / c["predicted"] if c["predicted"] else None
            r = c["matched"] / c["gold"] if c["gold"] else None
            row.append(f"{_num(p, 2)} / {_num(r, 2)}")
        rows.append(row)
    return [Table("Structure of Markdown bodies against the gold HTML", header, rows)]


def page_type_tables(summaries: list[Summary]) -> list[Table]:
    """Article or not, against the dataset's page types (wcxb-dev, with --all-page-types)."""
    mine = [s for s in summaries if s.page_types]
    if not mine:
        return []
    rows = [
        [s.dataset, _variant_title(s.variant), s.system, str(s.page_types), _num(s.page_types_right / s.page_types)]
        for s in mine
    ]
    return [Table("Page type: article or not", ["dataset", "mode", "system", "pages", "right"], rows)]


SNIPPETS, META_ON = "trafilatura-eval", "wcxb-dev"  # the style table's snippet and metadata columns


def style_tables(rows: list[Overall], summaries: list[Summary]) -> list[Table]:
    """Text mode, one row per dump style and system: body F1 per dataset, snippet F, the metadata F1 (with the
    byline's precision) on the dataset that has all three, and speed."""
    text = [r for r in rows if r.variant.startswith("text/")]
    if not text:
        return []
    datasets = list(dict.fromkeys(s.dataset for s in summaries if s.body))
    by_key = {(s.dataset, s.variant, s.system): s for s in summaries}
    meta_on = next((d for d in (META_ON, *dict.fromkeys(s.dataset for s in summaries)) if _has_meta(summaries, d)), "")
    snippets_on = SNIPPETS if any(s.snippets for s in summaries if s.dataset == SNIPPETS) else None
    fields = [f for f in META_FIELDS if any(f in s.meta for s in summaries if s.dataset == meta_on)]
    header = ["converter", "system", *datasets, "mean body F1"] + (["snippet F"] if snippets_on else [])
    header += [f"{f} F1" for f in fields] + (["byline P"] if "byline" in fields else [])
    header += ["pages/s", f"vs {REFERENCE}"]
    table_rows = []
    for r in text:  # in run order: style by style
        row = [_style(r.variant), r.system, *(_num(r.body_f1.get(d)) for d in datasets), _num(r.mean_body_f1)]
        if snippets_on:
            found = by_key.get((snippets_on, r.variant, r.system))
            row.append(_num(found.snippets.f1 if found and found.snippets else None))
        meta = by_key.get((meta_on, r.variant, r.system))
        found_meta = meta.meta if meta else {}
        row += [_num(found_meta[f].f1 if f in found_meta else None) for f in fields]
        if "byline" in fields:
            row.append(_num(found_meta["byline"].precision if "byline" in found_meta else None))
        row += [_speed(r.pages_per_second), _ratio(r.vs_reference)]
        table_rows.append(row)
    about = [f"snippets on {snippets_on}"] if snippets_on else []
    about += [f"metadata on {meta_on}"] if fields else []
    return [Table("Text dump styles" + (f" ({', '.join(about)})" if about else ""), header, table_rows)]


def _has_meta(summaries: list[Summary], dataset: str) -> bool:
    return any(s.meta for s in summaries if s.dataset == dataset)


def _pivot(summaries: list[Summary], title: str, cells) -> list[Table]:
    """One row per mode and system, one column per key that `cells(summary)` gives (F1s across datasets)."""
    rows: dict[tuple[str, str], dict[str, float]] = {}
    for s in summaries:
        found = cells(s)
        if found:
            rows.setdefault((s.variant, s.system), {}).update(found)
    if not rows:
        return []
    columns = list(dict.fromkeys(key for values in rows.values() for key in values))
    body = [
        [_variant_title(variant), system] + [_num(values.get(c)) for c in columns]
        for (variant, system), values in rows.items()
    ]
    return [Table(title, ["mode", "system", *columns], body)]


def markdown(tables: list[Table], heading: str = "###") -> str:
    out = []
    for table in tables:
        out.append(f"{heading} {table.title}\n")
        out.append("| " + " | ".join(table.header) + " |")
        out.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(table.header))) + "|")
        out.extend("| " + " | ".join(row) + " |" for row in table.rows)
        out.append("")
    return "\n".join(out)


def console(tables: list[Table]) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    screen = Console(width=max(Console().width, 140))
    for table in tables:
        shown = RichTable(title=table.title, title_justify="left")
        for i, name in enumerate(table.header):
            shown.add_column(name, justify="left" if i == 0 else "right")
        for row in table.rows:
            shown.add_row(*row)
        screen.print(shown)


def write(out: Path, info: dict, summaries: list[Summary], rows: list[Overall], tables: list[Table]) -> list[Path]:
    """results.json (every figure, plus how it was made) and results.md (the tables) in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    data = {
        **info,
        "summaries": [s.to_dict() for s in summaries],
        "overall": [
            {
                "variant": r.variant,
                "system": r.system,
                "body_f1": r.body_f1,
                "mean_body_f1": r.mean_body_f1,
                "pages": r.pages,
                "seconds": r.seconds,
                "pages_per_second": r.pages_per_second,
                "vs_reference": r.vs_reference,
            }
            for r in rows
        ],
    }
    json_path, md_path = out / "results.json", out / "results.md"
    json_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    preface = ["# Benchmark results\n", f"Command: `{info.get('command', '')}`\n"]
    preface += [f"- {k}: {v}" for k, v in info.items() if k not in ("command",) and not isinstance(v, dict | list)]
    preface += [f"- {name}: {about}" for name, about in info.get("datasets", {}).items()]
    if info.get("converters"):
        held = ", ".join(info.get("held_out_of_training") or []) or "none"
        preface.append(f"- text dump styles: {', '.join(info['converters'])} (held out of training: {held})")
    preface += [f"- converter {name} not run: {why}" for name, why in (info.get("converters_not_run") or {}).items()]
    preface.append("")
    failures = info.get("failures") or []
    if failures:  # a failed call is scored as an empty output; say which, so nobody mistakes it for a bad score
        rows = [
            [f["dataset"], f["variant"], f["system"], f["page"], f["error"][:120].replace("|", "/")] for f in failures
        ]
        tables = [
            *tables,
            Table("Failures (scored as empty output)", ["dataset", "mode", "system", "page", "error"], rows),
        ]
    md_path.write_text("\n".join(preface) + "\n" + markdown(tables, "##"), encoding="utf-8")
    return [json_path, md_path]
