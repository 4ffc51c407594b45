"""Finding and parsing dates in text, in English, French, German and Spanish (and ISO and numeric forms)."""

from __future__ import annotations

import re
from datetime import date

from ..textcache import text_cache

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        "january jan janvier janv januar jänner jän enero ene gennaio janeiro januari",
        "february feb febr février févr fevrier februar febrero febbraio fevereiro februari",
        "march mar mars märz mär maerz marzo março maart",
        "april apr avril avr abril abr aprile",
        "may mai mayo maggio maio mei",
        "june jun juin juni junio giugno junho",
        "july jul juillet juil juli julio luglio julho",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct octobre oktober okt octubre ottobre outubro",
        "november nov novembre noviembre novembro",
        "december dec décembre déc decembre dezember dez diciembre dic dicembre dezembro",
    ),
    start=1,
):
    for name in names.split():
        MONTHS[name] = number

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|sonnabend|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|mo|di|mi|do|fr|sa|so"
)

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?:[T ][\d:.+\-Z]*)?", re.I),
    re.compile(rf"\b{_YEAR}/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # February 2, 2016
    re.compile(rf"\b{_DAY}\s*(?:de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR}\b", re.I),  # 2 février 2016
    re.compile(rf"\b(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?{_YEAR}\b"),  # 02.02.2016
    re.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b"),  # 02/02/2016: day and month order unknown
    # 19.10.19: day first in the locales that write it (a US page's 11.03.17 is November 3)
    re.compile(r"\b(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.(?P<short_year>[12]\d)\b(?![.\d])"),
]


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Every pattern has a four-digit year or a d.m.yy date: a line with neither holds no date (most lines). Both
# forms write "19", "20" or "." literally, which `in` finds faster than the pattern.
_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\d\.\d{1,2}\.\d\d")
# What a text must hold for each of _PATTERNS to match in it, asked first (a dated line is written in one or two
# of the forms): a character the pattern writes literally, or for "February 2, 2016" its own end from the day's
# last digit on (its month names are slow to try at every word of a line). None: no test.
_NEEDS: list[str | re.Pattern[str] | None] = [
    "-",
    "/",
    re.compile(rf"\d(?:st|nd|rd|th|er|º|°)?\.?,?\s+{_YEAR}\b", re.I),
    None,
    ".",
    "/",
    ".",
]


def _may_match(needs: str | re.Pattern[str] | None, text: str) -> bool:
    if needs is None:
        return True
    return needs in text if isinstance(needs, str) else needs.search(text) is not None


@text_cache(32768)
def find_dates(text: str, day_first: bool | None = None) -> tuple[tuple[date, tuple[int, int]], ...]:
    """Every calendar date written in `text`, with its span, in text order. Ambiguous d/m vs m/d dates are
    resolved when one reading is impossible or both agree, else by `day_first` (the page's locale) if given."""
    if not (("19" in text or "20" in text or "." in text) and _MAYBE_DATE.search(text)):
        return ()
    found: list[tuple[date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for pattern, needs in zip(_PATTERNS, _NEEDS, strict=True):
        if not _may_match(needs, text):
            continue  # the pattern cannot match: skipping it changes nothing
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            parts = match.groupdict()
            year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["short_year"])
            if "a" in parts:
                a, b = int(parts["a"]), int(parts["b"])
                if a > 12 >= b or (a <= 12 and b <= 12 and day_first):
                    value = _valid(year, b, a)
                elif b > 12 >= a or a == b or (a <= 12 and b <= 12 and day_first is False):
                    value = _valid(year, a, b)
                else:
                    value = None
            else:
                month = parts["month"]
                month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
                value = _valid(year, month_number, int(parts["day"])) if month_number else None
            if value:
                found.append((value, span))
                taken.append(span)
    found.sort(key=lambda item: item[1][0])
    return tuple(found)


_TIME = re.compile(
    r"\b\d{1,2}(?:[:.h]\d{2}){1,2}(?:\s?[ap]\.?m\.?)?(?:\s?uhr)?\b|\b\d{1,2}\s?[ap]\.?m\.?(?=\W|$)", re.I
)
_ZONE = re.compile(r"\b(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MST|MDT|BST|IST|ET|PT|MEZ|MESZ|Z)(?:[+-]\d+)?\b")
_FILLER = re.compile(
    rf"\b(?:{WEEKDAYS}|on|at|am|um|le|el|à|a las|a la|de|del|the|of|und|and|et|y|hours?|heures?|uhr|horas?)\b",
    re.I,
)
_LEFTOVER = re.compile(r"[\W_]+")


def is_date_only(text: str) -> bool:
    """A line that is a date (with weekday, time, zone) and nothing else: "Monday, February 1, 2016 10:32 GMT"."""
    if len(text) > 80:
        return False
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for _, (start, end) in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _FILLER.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", rest)))
    return not _LEFTOVER.sub("", rest)
