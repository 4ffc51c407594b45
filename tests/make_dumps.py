"""The committed text dumps of the project's own HTML pages, every page in every dump style (cleaner/devdata/dumps.py),
for tests that must not need lynx, w3m or a network: `tests/dumps/<page>/<style>.txt`.

The pages are the golden fixtures' HTML inputs (`fixtures/*-html-*/input.html`) and the test site's pages
(`tests/site/`, as `site-<path>`). Never the development datasets: they are not ours to commit.

    python tests/make_dumps.py            # write them all again (needs the [bench] extra, lynx and w3m)
    python tests/make_dumps.py --check    # exit 1 when a committed dump is not what the styles give now

A style whose tool is missing stops the script: a partial set is never written.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUMPS = Path(__file__).resolve().parent / "dumps"


def pages() -> dict[str, Path]:
    """Every page to dump, by the name of its folder under tests/dumps."""
    found = {p.parent.name: p for p in sorted((ROOT / "fixtures").glob("*-html-*/input.html"))}
    site = Path(__file__).resolve().parent / "site"
    for path in sorted(site.rglob("*.html")):
        found["site-" + "-".join(path.relative_to(site).with_suffix("").parts)] = path
    return found


def html_of(path: Path) -> str:
    """The page as the cleaner reads it (its declared charset honoured): the text a scraper's tool was given."""
    from cleaner.decode import decode

    return decode(path.read_bytes())


def dumps() -> dict[Path, str]:
    from cleaner.devdata.dumps import STYLES, dump, missing

    not_here = missing(list(STYLES))
    if not_here:
        raise SystemExit("cannot make every style: " + "; ".join(f"{n}: {why}" for n, why in not_here.items()))
    made = {}
    for name, path in pages().items():
        html = html_of(path)
        for style in STYLES:
            made[DUMPS / name / f"{style}.txt"] = dump(style, html)
    return made


def main(argv: list[str]) -> int:
    made = dumps()
    if "--check" in argv:
        stale = [p for p, text in made.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in made.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(made)} dumps of {len(pages())} pages in {DUMPS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
