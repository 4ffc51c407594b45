"""Pathological pages, and a measurement of what each costs: `python -m cleaner.bench.hostile [NAME...]`.

Each page is built by a function of its size, so the tests can run the same shapes small and the measurement
full size (issue 8: 10 MB on one line, 100,000 nested <div>s, a million <a> tags, one repeated character).
The measurement cleans each page in a fresh process and prints its wall time, CPU time, peak memory and the
record's outcome; hostile input files (issue 25: a JSONL line nested 3,000 deep, gzip of nothing but newlines, a
WARC header line of 2 GB, wrong Content-Lengths, a FIFO) are written to a temporary folder and cleaned by a real
`cleaner clean` in a fresh process, whose whole cost (start-up included) is reported. The README's "Hostile
input" section states the bounds these figures support.
"""

from __future__ import annotations

import argparse
import html
import importlib
import itertools
import json
import os
import pkgutil
import re
import resource
import subprocess
import sys
import time
from collections import Counter
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


_ARTICLE_P = "<p>The council approved the budget on Tuesday after a long debate.</p>"


def many_attributes(count: int) -> str:
    """One element with `count` attributes, each of another name (issue 25): the parser compares every pair."""
    names = " ".join(f"a{n}" for n in range(count))
    return f"<html><body><article><p {names}>The council approved the budget.</p>{_ARTICLE_P}</article></body></html>"


def many_attributes_behind_quoted_gt(count: int) -> str:
    """The same, with a quoted value holding ">" every 100 attributes, so that no search for "<" ... ">" sees a
    long tag."""
    names = " ".join(f'a{n} q{n}=">"' if n % 100 == 0 else f"a{n}" for n in range(count))
    return f"<html><body><article><p {names}>The council approved the budget.</p>{_ARTICLE_P}</article></body></html>"


def attributes_under_budget(elements: int) -> str:
    """Elements of 1,000 attributes each, as many as the attribute budget lets through (99 of them): the most
    attribute work a page may cost."""
    names = " ".join(f"a{n}" for n in range(1000))
    return "<html><body><article>" + f"<p {names}>A line of the story.</p>" * elements + "</article></body></html>"


def formatting_bomb(count: int) -> str:
    """`count` <b>s of different ids left open in a <p>, then twice as many <p>s (issue 25: 3,300 of them,
    65 KB, took 7.9 GB): the parser copies every open <b> into every <p>."""
    return "<body><p>" + "".join(f"<b id=b{n}>" for n in range(count)) + "<p>x" * (2 * count)


def formatting_bomb_in_blocks(count: int) -> str:
    """The same, each <b> closed by its block's end tag instead of nested: nothing deep for the depth cap to cut,
    and every <b> copied again at each new one."""
    return "<body>" + "".join(f"<div><b id=b{n}></div>" for n in range(count)) + "<p>x" * (2 * count)


def links_around_blocks(count: int) -> str:
    """<a><div>x repeated: each new <a> closes the open one around its <div> (the adoption agency), which
    leaves the <div> open, so the page nests one level deeper each time."""
    return "<html><body>" + "<a><div>x" * count


def _write_gz(path: str, pieces: Iterator[bytes]) -> None:
    import gzip

    with gzip.open(path, "wb", compresslevel=9) as f:
        for piece in pieces:
            f.write(piece)


def _repeated(piece: bytes, size: int) -> Iterator[bytes]:
    chunk = piece * (min(size, 1 << 24) // len(piece))
    for _ in range(size // len(chunk)):
        yield chunk
    yield piece * ((size % len(chunk)) // len(piece))


def newlines_jsonl_gz(path: str, size: int) -> None:
    """A .jsonl.gz of nothing but newlines (issue 25: 196 KB inflating to 200 MB cost 121 CPU s)."""
    _write_gz(path, _repeated(b"\n", size))


def deep_jsonl(path: str, depth: int) -> None:
    """A JSONL line whose passed-through field nests `depth` levels, between two good lines."""
    good = json.dumps({"id": "good", "text": "The council approved the budget on Tuesday."})
    deep = '{"id": "deep", "x": ' + "[" * depth + "]" * depth + ', "text": "Some text."}'
    with open(path, "w") as f:
        f.write(good + "\n" + deep + "\n" + good + "\n")


def long_jsonl_line(path: str, size: int) -> None:
    """One JSONL line of `size` bytes just under the line cap, of 4-byte characters (the widest a string can be
    in memory): the most one line costs to read."""
    emoji = "\U0001f600".encode()
    with open(path, "wb") as f:
        f.write(b'{"id": "long", "text": "')
        f.write(emoji * ((size - 40) // len(emoji)))
        f.write(b'"}\n')


def warc_long_header(path: str, size: int) -> None:
    """A .warc.gz whose one record has a WARC header line of `size` bytes (issue 25: its cost grew with its
    square)."""
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The council met.</p></body></html>"
    head = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nX-Long: "
    tail = b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body + b"\r\n\r\n"
    _write_gz(path, itertools.chain([head], _repeated(b"a", size), [tail]))


def warc_wrong_lengths(path: str, records: int) -> None:
    """A WARC of `records` responses: every third claims 10 GB, every third has no Content-Length."""
    with open(path, "wb") as f:
        for n in range(records):
            body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Story %d.</p></body></html>" % n
            length = [b"Content-Length: %d\r\n" % len(body), b"Content-Length: 10000000000\r\n", b""][n % 3]
            f.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%d>\r\n" % n + length)
            f.write(b"WARC-Target-URI: http://example.com/%d\r\n" % n)
            f.write(b"Content-Type: application/http; msgtype=response\r\n")
            f.write(b"\r\n" + body + b"\r\n\r\n")


def fifo(path: str, size: int) -> None:
    """A FIFO among the inputs, which nothing ever writes to (issue 25: the run waited forever)."""
    os.mkfifo(path)


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
    "attributes-200k": (many_attributes, 200_000, 20_000),
    "attributes-200k-quoted-gt": (many_attributes_behind_quoted_gt, 200_000, 20_000),
    "attributes-budget": (attributes_under_budget, 99, 10),
    "formatting-bomb-3300": (formatting_bomb, 3_300, 100),
    "formatting-bomb-blocks-3300": (formatting_bomb_in_blocks, 3_300, 100),
    "links-around-blocks-900k": (links_around_blocks, 900_000, 20_000),
}

# Hostile input files (issue 25), cleaned by a real `cleaner clean` in a fresh process: name -> (file name, the
# function that writes it at a size, full size, small size).
FILES: dict[str, tuple[str, Callable[[str, int], None], int, int]] = {
    "jsonl-deep-3000": ("deep.jsonl", deep_jsonl, 3_000, 1_000),
    "jsonl-line-100MB": ("long.jsonl", long_jsonl_line, 99_999_000, 1_000_000),
    "jsonl-gz-newlines-200MB": ("newlines.jsonl.gz", newlines_jsonl_gz, 200_000_000, 2_000_000),
    "jsonl-gz-newlines-10GB": ("newlines.jsonl.gz", newlines_jsonl_gz, 10_000_000_000, 2_000_000),
    "warc-header-line-2GB": ("long.warc.gz", warc_long_header, 2_000_000_000, 2_000_000),
    "warc-wrong-lengths-300": ("lengths.warc", warc_wrong_lengths, 300, 9),
    "fifo": ("pipe.html", fifo, 0, 0),
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


def _measure_file(name: str, size: int | None) -> dict:
    """In this process: write the file, clean it with a real `cleaner clean` (the only child of this process,
    so the children's resource usage is its own), report its costs and what it wrote."""
    import tempfile

    file_name, write, full, _ = FILES[name]
    with tempfile.TemporaryDirectory(prefix="cleaner-hostile-") as folder:
        path = os.path.join(folder, file_name)
        write(path, full if size is None else size)
        bytes_on_disk = os.path.getsize(path) if os.path.isfile(path) else 0
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "cleaner", "clean", path], capture_output=True, text=True)
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    kinds = Counter(r.get("error") or "record" for r in records)
    outcome = "; ".join(f"{count} × {kind}" for kind, count in kinds.items()) or done.stderr.strip()[-300:]
    return {
        "file": name,
        "bytes": bytes_on_disk,
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_MB": round(usage.ru_maxrss / 1024),
        "outcome": outcome[:300],
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
    every = ", ".join([*PAGES, *FILES])
    parser.add_argument("names", nargs="*", help=f"pages and files to measure (default: all): {every}")
    parser.add_argument("--size", type=int, help="build each page at this size instead of its full size")
    parser.add_argument("--bait", type=int, metavar="SIZE", help="instead: every pattern's bait pages at SIZE")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process's side
    parser.add_argument("--one-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bait:
        _measure_bait(args.bait)
        return
    if args.one:
        print(json.dumps(_measure_one(args.one, args.size)))
        return
    if args.one_file:
        print(json.dumps(_measure_file(args.one_file, args.size)))
        return
    for name in args.names or [*PAGES, *FILES]:
        command = [sys.executable, "-m", "cleaner.bench.hostile", "--one-file" if name in FILES else "--one", name]
        if args.size:
            command += ["--size", str(args.size)]
        done = subprocess.run(command, capture_output=True, text=True)
        print(done.stdout.strip() or json.dumps({"page": name, "failed": done.stderr.strip()[-500:]}), flush=True)


if __name__ == "__main__":
    main()
