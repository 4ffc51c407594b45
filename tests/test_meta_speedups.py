"""The metadata fast paths give what the plain computations they stand for give."""

from __future__ import annotations

import random

from cleaner import lines
from cleaner.meta import byline, dates, sitename, titleline

# Pieces that make dates, by-lines and titles, with the characters that fold case oddly (a long s, a Kelvin sign,
# a dotted capital I) and the separators the fast paths test for.
PIECES = ["By", "by", "BY", "Von", "par", "POR", "Autor:", "Authors :", "Contributors:", "Text:", "Texto :",
          "ByJane", "Jane", "Doe", "Müller", "written", "posted by", " ", "  ", ",", ".", ":", "-", "|", "/", "·", "»",
          "\\", "\t",
          "ſ", "\u212a", "İ", "é", "2", "3", "03", "12", "19", "20", "2016", "1999", "2025", "16", "st", "th", "º",
          "March", "mar", "févr.", "de", "del", "Dezember", "oct", "T10:32", "Z", "GMT", "Monday", "on", "Updated",
          "Published", "\u0663", "_", "News", "Site", "Home", "Example"]  # fmt: skip


# Dates in the forms the patterns read ("March 2nd, 2016", "2. Dezember 2016", "2016-03-12T10:32Z", "12.03.16"), with
# odd parts and joins: the screens must pass every one that a pattern matches.
FORMS = ["{m} {d}, {y}", "{d} {m} {y}", "{d}. {m} {y}", "{d} de {m} del {y}", "{y}-{n}-{d}T10:32Z", "{y}/{n}/{d}",
         "{d}.{n}.{y}", "{d}/{n}/{y}", "{d}.{n}.{y}"]  # fmt: skip
MONTHS = "March mar. févr. Dezember oct MAI ſept Monday 03 12".split()
DAYS = "2 3 03 12 31 1st 2nd 3RD 2º 2° ſt 44 \u0663 2\u0663".split()
YEARS = "2016 1999 2025 16 19 20 1890 20163".split()
JOINS = ["", " ", "  ", ",", ". ", "\t", "/", "-", "."]
WORDS = ["", "Posted on ", "Updated: ", "x", "© ", " at 10:32", " GMT"]


def _strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def _date_strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found = []
    for _ in range(n):
        parts = {"m": rng.choice(MONTHS), "d": rng.choice(DAYS), "n": rng.choice(DAYS), "y": rng.choice(YEARS)}
        text = rng.choice(FORMS).format(**parts)
        if rng.random() < 0.3:
            text = text.replace(" ", rng.choice(JOINS), 1)
        found.append(rng.choice(WORDS) + text + rng.choice(WORDS))
    return found


def test_the_by_line_screen_passes_every_line_the_patterns_could_match():
    matched = 0
    for text in _strings(20_000, 1):
        unglued = byline._unglue(text)
        if byline.BY_LINE.match(unglued) or byline._BY_WORD.search(unglued):
            matched += 1
            assert byline._may_be_by_line(text), text
    assert matched > 1000


def test_dates_found_with_the_screens_are_those_of_every_pattern(monkeypatch):
    texts = _strings(10_000, 2) + _date_strings(20_000, 2)
    fast = [dates.find_dates.__wrapped__(t) for t in texts]
    for text in texts:  # the year screen's literals
        if dates._MAYBE_DATE.search(text):
            assert "19" in text or "20" in text or "." in text, text
    monkeypatch.setattr(dates, "_NEEDS", [None] * len(dates._PATTERNS))
    assert fast == [dates.find_dates.__wrapped__(t) for t in texts]
    assert sum(map(bool, fast)) > 500


def test_normalised_lines_match_the_substitution():
    for text in _strings(5_000, 3):
        assert lines.normal_words(text) == lines.NON_WORD.sub(" ", text.lower()).strip()


def test_titles_without_a_separator_character_are_one_part():
    for text in _strings(20_000, 4):
        title = " ".join(text.split())
        if not sitename._SEPARATOR_CHAR.search(title):
            assert len(sitename.split_title(title)) == 1, title


def test_next_paragraphs_and_the_article_run_match_a_walk():
    rng = random.Random(5)
    for _ in range(500):
        paragraphs = [rng.random() < 0.3 for _ in range(rng.randint(0, 30))]
        following = titleline._next_paragraphs(paragraphs)
        for i in range(len(paragraphs) + 1):
            assert following[i] == next((j for j in range(i, len(paragraphs)) if paragraphs[j]), len(paragraphs))
