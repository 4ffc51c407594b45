"""One Cleaner shared by threads (issue 25, item 6): every value derived from a page lives on that page, and the
caches of pure text functions (textcache.py) are emptied, never read half-made, so threads sharing a Cleaner give
the records one thread gives, page by page."""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cleaner import Cleaner, fixtures

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _pages() -> list[tuple[str, str]]:
    """Every fixture's page as (text, mode): HTML and text dumps, articles and furniture."""
    pages = []
    for name in fixtures.names(FIXTURES):
        path = fixtures.input_of(FIXTURES / name)
        pages.append((path.read_text(encoding="utf-8", errors="replace"), "html" if path.suffix == ".html" else "text"))
    return pages


def test_a_cleaner_shared_by_threads_gives_what_one_thread_gives():
    pages = _pages() * 3
    cleaner = Cleaner()

    def record(page: tuple[str, str]) -> str:
        return json.dumps(cleaner.clean(page[0], mode=page[1]).to_dict(explain=True), sort_keys=True)

    alone = [record(page) for page in pages]
    with ThreadPoolExecutor(max_workers=8) as pool:
        shared = list(pool.map(record, pages))
    assert shared == alone
    assert sum('"body": ""' not in r for r in alone) >= 0.8 * len(alone)  # articles, not a run of error records
