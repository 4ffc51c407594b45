"""Progress that helps (issue 23, item 7): with a known number of inputs, a total and the time left, the bar
finished before the closing summary. A real process on a real pseudo-terminal: the terminal is the point."""

import json

from helpers import ARTICLES, cleaner_command, on_terminal

from cleaner.io.count import count_pages


def _pages(folder):
    folder.mkdir()
    for article in ARTICLES:
        (folder / article.name).write_bytes(article.read_bytes())
    page = ARTICLES[-1].read_bytes().decode("utf-8")
    lines = [json.dumps({"id": f"j{n}", "html": page}) for n in range(2)]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return folder


def test_the_inputs_are_counted_cheaply(tmp_path):
    folder = _pages(tmp_path / "pages")
    assert count_pages([str(folder)]) == len(ARTICLES) + 2
    assert count_pages([str(folder), str(tmp_path / "missing.html")]) == len(ARTICLES) + 3  # an error record
    assert count_pages(["-"]) is None


def _shown(command):
    status, text = on_terminal(command, columns=140, timeout=120)
    assert status == 0
    return text


def test_progress_shows_the_total_and_the_time_left_and_ends_before_the_summary(tmp_path):
    folder = _pages(tmp_path / "pages")
    total = len(ARTICLES) + 2
    text = _shown(cleaner_command(str(folder), "-o", str(tmp_path / "out.jsonl")))
    assert f"{total}/{total} pages" in text
    assert "ETA" in text
    assert text.rindex("pages/s") < text.index("cleaner: done:")  # the summary comes under the finished bar
