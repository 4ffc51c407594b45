"""Pathological pages, and a measurement of what each costs: `python -m cleaner.bench.hostile [NAME...]`.

Each page is built by a function of its size, so the tests can run the same shapes small and the measurement
full size (issue 8: 10 MB on one line, 100,000 nested <div>s, a million <a> tags, one repeated character).
The measurement cleans each page in a fresh process and prints its wall time, CPU time, peak memory and the
record's outcome; the README's "Hostile input" section states the bounds these figures support.
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import pkgutil
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_SENTENCE = "Item {} of the council's budget was approved.Officials said the vote was close. "


def one_line_text(size: int) -> str:
    """Glued sentences on one line, no newline: every repair and line rule sees one huge block. Numbered, so
    the line is never one half twice (which a repair would treat as a scraper's doubled line)."""
    sentences = (_SENTENCE.format(n) for n in range(size // len(_SENTENCE.format(0)) + 1))
    return "".join(sentences)[:size]


def one_line_html(size: int) -> str:
    return "<html><body><article><p>" + one_line_text(size) + "</p></article></body></html>"


def nested_divs(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>"


def unclosed_divs(depth: int) -> str:
    """Nested <div>s never closed: the parser keeps every one of them open to the end."""
    return "<html><body>" + "<div class=x>word " * depth


def many_links(count: int) -> str:
    return "<html><body><p>" + "<a>link</a> " * count + "</p></body></html>"


def tags_at_cap(size: int) -> str:
    """As many elements as the size cap lets in (2.5 million): past the element cap, refused before parsing."""
    return "<a>x</a>" * (size // 8)


def elements(count: int) -> str:
    """Elements up to the element cap: the largest tree the parser is let build."""
    return "<a>x</a>" * count


def many_paragraphs(count: int) -> str:
    return "<html><body>" + "<p>A short line of text.</p>" * count + "</body></html>"


def repeated(char: str) -> Callable[[int], str]:
    def page(size: int) -> str:
        return char * size

    page.__doc__ = f"{char!r} repeated"
    return page


def many_comments(count: int) -> str:
    """Comment openers without closers, then a document: bait for "comments, then a tag" patterns."""
    return "<!-- -- " * count + "<html>"


def many_lines(count: int) -> str:
    return "Skip to content\n" * count


# name -> (page builder, full size measured by `python -m cleaner.bench.hostile`, small size the tests use)
PAGES: dict[str, tuple[Callable[[int], str], int, int]] = {
    "one-line-text-10MB": (one_line_text, 10_000_000, 200_000),
    "one-line-html-10MB": (one_line_html, 10_000_000, 200_000),
    "nested-divs-100k": (nested_divs, 100_000, 20_000),
    "unclosed-divs-100k": (unclosed_divs, 100_000, 20_000),
    "links-1M": (many_links, 1_000_000, 20_000),
    "tags-at-cap-20MB": (tags_at_cap, 20_000_000, 200_000),
    "elements-2M": (elements, 2_000_000, 20_000),
    "paragraphs-100k": (many_paragraphs, 100_000, 60_000),
    "lines-1M": (many_lines, 1_000_000, 60_000),
    "char-a-10MB": (repeated("a"), 10_000_000, 200_000),
    "char-lt-10MB": (repeated("<"), 10_000_000, 200_000),
    "char-dot-10MB": (repeated("."), 10_000_000, 200_000),
    "char-space-10MB": (repeated(" "), 10_000_000, 200_000),
    "char-newline-10MB": (repeated("\n"), 10_000_000, 200_000),
    "comments-1M": (many_comments, 1_000_000, 20_000),
}


# Where the cleaner's patterns live (issue 8: every regex of the rules, metadata, repairs and segmenters).
PATTERN_PACKAGES = ("cleaner.rules", "cleaner.meta", "cleaner.segment", "cleaner.model")
PATTERN_MODULES = ("cleaner.repair", "cleaner.decode", "cleaner.classify")


def patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern at module level (alone, or in a module-level list, tuple or dict), by where."""
    names = list(PATTERN_MODULES)
    for package in PATTERN_PACKAGES:
        names.append(package)
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules(importlib.import_module(package).__path__)]
    found: dict[str, re.Pattern] = {}
    seen: set[tuple] = set()
    for name in names:
        for attr, value in vars(importlib.import_module(name)).items():
            if isinstance(value, (list, tuple, dict)):
                members = value.items() if isinstance(value, dict) else enumerate(value)
                candidates = {f"{name}.{attr}[{key!r}]": member for key, member in members}
            else:
                candidates = {f"{name}.{attr}": value}
            for where, pattern in candidates.items():
                if isinstance(pattern, re.Pattern) and (pattern.pattern, pattern.flags) not in seen:
                    seen.add((pattern.pattern, pattern.flags))
                    found[where] = pattern
    return found


def _literals(pattern: re.Pattern) -> set[str]:
    """The characters a pattern names (literals, class members, range starts): what its repeats feed on."""
    found: set[str] = set()

    def walk(parsed) -> None:
        for op, arg in parsed:
            op = str(op)
            if op == "LITERAL":
                found.add(chr(arg))
            elif op.endswith("_REPEAT"):
                walk(arg[2])
            elif op == "SUBPATTERN":
                walk(arg[-1])
            elif op == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif op == "IN":
                found.update(chr(a if str(o) == "LITERAL" else a[0]) for o, a in arg if str(o) in ("LITERAL", "RANGE"))

    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    walk(sre_parse.parse(source, pattern.flags & ~re.ASCII if isinstance(pattern.pattern, str) else pattern.flags))
    return found


def bait(pattern: re.Pattern, size: int) -> Iterator[str]:
    """Strings that make a backtracking pattern try every split: runs of one character it names, that
    character alternating with a space or a letter, and all its characters in turn, each without a match at the
    end the pattern hopes for."""
    chars = sorted(_literals(pattern) | set(" a1A.\n"))
    for char in chars:
        yield char * size
        yield (char + " ") * (size // 2)
        yield (char + "a") * (size // 2)
    cycle = "".join(chars)
    yield (cycle * (size // len(cycle) + 1))[:size]


def bait_pages(strings: list[str]) -> Iterator[tuple[str, str]]:
    """(mode, page) pairs that put `strings` where the cleaner's patterns read: text lines, and in HTML the
    title, the author meta tag, JSON-LD, a heading, paragraphs and a link."""
    yield "text", "\n".join(strings)
    quoted = [html.escape(s, quote=True) for s in strings]
    ld = json.dumps({"@type": "NewsArticle", "headline": strings[0], "author": {"name": strings[-1]}})
    ld = ld.replace("</", "<\\/")  # a "</script>" in the bait must not end the script
    yield (
        "html",
        (
            f'<html><head><title>{quoted[0]}</title><meta name=author content="{quoted[-1]}">'
            f"<script type=application/ld+json>{ld}</script></head><body><article>"
            f"<h1>{quoted[0]}</h1>" + "".join(f"<p>{q}</p>" for q in quoted) + f"<a href=/x>{quoted[-1]}</a>"
            "</article></body></html>"
        ),
    )


def _measure_one(name: str, size: int | None) -> dict:
    """In this process: build the page, clean it once, report the costs."""
    from ..pipeline import Cleaner

    cleaner = Cleaner(time_limit=None)  # measure the real cost, not the limit
    cleaner.clean("<html><body><p>Warm up the rules and the parser.</p></body></html>")
    build, full, _ = PAGES[name]
    page = build(size or full)
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    article = cleaner.clean(page, id=name)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "page": name,
        "chars": len(page),
        "wall_s": round(wall, 2),
        "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
        "peak_rss_MB": round(after.ru_maxrss / 1024),
        "outcome": article.error or f"record, body {len(article.body):,} chars",
    }


def _measure_bait(size: int) -> None:
    """CPU seconds of cleaning each pattern's bait pages (text and HTML), the slowest first, then the total."""
    from ..pipeline import Cleaner

    cleaner = Cleaner(time_limit=None)
    costs = []
    for where, pattern in patterns().items():
        for mode, page in bait_pages(list(bait(pattern, size))):
            start = time.process_time()
            article = cleaner.clean(page, mode=mode)
            costs.append((time.process_time() - start, where, mode, len(page), article.error))
    costs.sort(reverse=True)
    for cpu, where, mode, chars, error in costs[:10]:
        print(json.dumps({"pattern": where, "mode": mode, "chars": chars, "cpu_s": round(cpu, 2), "error": error}))
    print(
        json.dumps(
            {"patterns": len(costs) // 2, "pages": len(costs), "total_cpu_s": round(sum(c[0] for c in costs), 1)}
        )
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"pages to measure (default: all): {', '.join(PAGES)}")
    parser.add_argument("--size", type=int, help="build each page at this size instead of its full size")
    parser.add_argument("--bait", type=int, metavar="SIZE", help="instead: every pattern's bait pages at SIZE")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process's side
    args = parser.parse_args(argv)
    if args.bait:
        _measure_bait(args.bait)
        return
    if args.one:
        print(json.dumps(_measure_one(args.one, args.size)))
        return
    for name in args.names or PAGES:
        command = [sys.executable, "-m", "cleaner.bench.hostile", "--one", name]
        if args.size:
            command += ["--size", str(args.size)]
        done = subprocess.run(command, capture_output=True, text=True)
        print(done.stdout.strip() or json.dumps({"page": name, "failed": done.stderr.strip()[-500:]}), flush=True)


if __name__ == "__main__":
    main()
