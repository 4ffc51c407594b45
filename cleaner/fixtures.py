"""Golden fixtures: `fixtures/<name>/` holds the input page (`input.txt` or `input.html`) and `expected.json`,
the full record the cleaner gives for it (`removed` included). A change in output shows as a diff.

`expected.json` is written for review: pretty-printed, the body as a list of its paragraphs (a changed word shows
as one changed paragraph, not as two lines of the whole body), and each removal's score to SCORE_DIGITS digits
(a refit of a model moves the third digit of many scores; what leaves and why is what a fixture pins). A stored
file is compared in this form whatever its own (an older single-string body, a missing final newline).

A fixture cleaned with options other than the defaults (a Markdown body, links, images, comments) keeps them
beside it as `options.json` (Config's names and values: `{"body_format": "markdown", "comments": true}`).

A page whose furniture only its site's other pages reveal keeps its site's template beside it, as
`templates.json` (line hashes and the number of pages each was on, exported from a template store by
`cleaner fixtures add --templates STORE`): the fixture is checked against that template, not the store of the day.

In a pytest suite (see the README):

    @pytest.mark.parametrize("name", fixtures.names(FIXTURES))
    def test_fixture(name):
        fixtures.assert_matches(FIXTURES / name)
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

from .config import default
from .page import Page
from .pipeline import Cleaner
from .record import Article
from .segment.detect import mode_of_name
from .templates import MemoryTemplates, TemplateStore, site_for

INPUT_NAMES = ("input.html", "input.txt")
EXPECTED = "expected.json"
TEMPLATES = "templates.json"
OPTIONS = "options.json"

_CLEANER: Cleaner | None = None


def _default() -> Cleaner:
    global _CLEANER
    if _CLEANER is None:
        _CLEANER = Cleaner()
    return _CLEANER


def run(cleaner: Cleaner, page_path: Path, url: str | None = None, id: str | None = None) -> tuple[Article, Page]:
    """Clean one page file, keeping the classified page for display."""
    data = page_path.read_bytes()
    mode = mode_of_name(page_path.name) if cleaner.mode == "auto" else None
    article = cleaner.clean(data, url=url, id=id, mode=mode)
    if article.error:
        return article, Page(blocks=[], mode="text")
    page = cleaner.page(data, url=url, mode=mode)
    return cleaner.article(page, id=id), page


def input_of(folder: Path) -> Path:
    for name in INPUT_NAMES:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{folder} has no {' or '.join(INPUT_NAMES)}")


def names(directory: Path) -> list[str]:
    if not directory.is_dir():
        return []
    return sorted(p.name for p in directory.iterdir() if p.is_dir() and (p / EXPECTED).is_file())


def cleaner_for(folder: Path) -> Cleaner:
    """The default cleaner, or one with the fixture's options (options.json), and for a fixture with a site
    template, one that cleans with it (its one site is the page's site when the page has no URL)."""
    path = folder / TEMPLATES
    options = _options(folder)
    if not path.is_file():
        return Cleaner(**options) if options else _default()
    templates = MemoryTemplates.read(path)
    sites = {site for site, _ in templates.sites}
    return Cleaner(templates=templates, site=sites.pop() if len(sites) == 1 else None, **options)


def _options(folder: Path) -> dict:
    path = folder / OPTIONS
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def record_for(folder: Path, url: str | None = None) -> dict:
    expected = folder / EXPECTED
    if url is None and expected.is_file():
        url = json.loads(expected.read_text(encoding="utf-8")).get("url")
    page = input_of(folder)
    article = cleaner_for(folder).clean(page.read_bytes(), url=url, id=folder.name, mode=mode_of_name(page.name))
    return article.to_dict(explain=True)


SCORE_DIGITS = 2


def dump(record: dict) -> str:
    """A record as expected.json holds it (see the module's docstring)."""
    return json.dumps(reviewable(record), ensure_ascii=False, indent=2) + "\n"


def reviewable(record: dict) -> dict:
    shown = dict(record)
    if isinstance(shown.get("body"), str):
        shown["body"] = shown["body"].split("\n\n") if shown["body"] else []
    if isinstance(shown.get("removed"), list):
        shown["removed"] = [_rounded(removal) for removal in shown["removed"]]
    return shown


def _rounded(removal: dict) -> dict:
    score = removal.get("score")
    return {**removal, "score": round(score, SCORE_DIGITS)} if isinstance(score, float) else removal


def read_expected(folder: Path) -> dict:
    """A fixture's expected record as the cleaner writes records: the body one string."""
    record = json.loads((folder / EXPECTED).read_text(encoding="utf-8"))
    if isinstance(record.get("body"), list):
        record["body"] = "\n\n".join(record["body"])
    return record


def _stored(folder: Path) -> str:
    """The stored expected.json in the form `dump` writes."""
    return dump(json.loads((folder / EXPECTED).read_text(encoding="utf-8")))


def add(
    page: Path,
    name: str,
    directory: Path,
    url: str | None = None,
    templates: Path | None = None,
    site: str | None = None,
    options: dict | None = None,
) -> Path:
    """A new fixture NAME from PAGE; with `templates`, the page's site template exported from that store; with
    `options`, cleaned with those Cleaner options (kept as options.json)."""
    folder = directory / name
    if folder.exists():
        raise FileExistsError(f"fixture {name!r} already exists in {directory}")
    template = _site_template(templates, site_for(site, url)) if templates is not None else None
    options = {key: value for key, value in (options or {}).items() if value != default(key)}
    Cleaner(**options)  # a bad option fails before the folder is made
    folder.mkdir(parents=True)
    if options:
        (folder / OPTIONS).write_text(json.dumps(options, indent=2) + "\n", encoding="utf-8")
    suffix = ".html" if page.suffix.lower() in (".html", ".htm") else ".txt"
    shutil.copyfile(page, folder / f"input{suffix}")
    if template is not None:
        (folder / TEMPLATES).write_text(template.to_json(), encoding="utf-8")
    (folder / EXPECTED).write_text(dump(record_for(folder, url=url)), encoding="utf-8")
    return folder


def _site_template(store_path: Path, site: str | None) -> MemoryTemplates:
    if site is None:
        raise ValueError("a fixture with a site template needs the page's site: give --url or --site")
    with TemplateStore(store_path) as store:
        template = store.export(site)
    if not template.sites:
        raise ValueError(f"{store_path} holds no pages of {site}")
    return template


def check(folder: Path) -> str:
    """'' when the fixture matches, else a unified diff of expected against actual."""
    expected = _stored(folder)
    actual = dump(record_for(folder))
    if expected == actual:
        return ""
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{folder.name}/expected.json",
            tofile=f"{folder.name}/actual",
        )
    )


def assert_matches(folder: Path) -> None:
    """Raise AssertionError with a unified diff when the fixture's expected record is not the output now."""
    diff = check(folder)
    if diff:
        raise AssertionError(
            f"fixture {folder.name} differs from the cleaner's output "
            f"(review, then `cleaner fixtures update {folder.parent}`):\n{diff}"
        )


def update(folder: Path) -> bool:
    actual = dump(record_for(folder))
    path = folder / EXPECTED
    if path.is_file() and path.read_text(encoding="utf-8") == actual:
        return False  # (a file that differs in form only is rewritten: the next diff of it is then readable)
    path.write_text(actual, encoding="utf-8")
    return True
