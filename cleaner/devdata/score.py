"""The scores of the datasets' README: body shingles, snippets, and headline/byline/date matches.

Each scorer has a per-page part (what one page contributes) and a corpus part (how pages are added up), because
the README averages body scores over pages but sums snippet and metadata counts over the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    """Contiguous 4-token windows as a multiset; a text of 1 to 3 tokens is one shingle, an empty text none."""
    return word_shingles(tokens(text))


def word_shingles(words: list[str]) -> Counter[tuple[str, ...]]:
    """`shingles` of a text already cut into its tokens."""
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


@dataclass(frozen=True, slots=True)
class BodyScore:
    """One page's body score. `precision` is None when the prediction is empty and `recall` None when the gold
    is: such pages are left out of that mean."""

    tp: float
    fp: float
    fn: float
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float:
        """The page's own F1 (empty parts count as 0), used to rank pages, never to build the corpus F1."""
        return harmonic(self.precision or 0.0, self.recall or 0.0)


def body_score(predicted: str | None, gold: str | None) -> BodyScore:
    return shingle_score(shingles(predicted), shingles(gold))


def shingle_score(pred: Counter[tuple[str, ...]], true: Counter[tuple[str, ...]]) -> BodyScore:
    """`body_score` of a prediction and a gold already cut into their shingles."""
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    total = tp + fp + fn
    tp_n, fp_n, fn_n = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    return BodyScore(
        tp=tp_n,
        fp=fp_n,
        fn=fn_n,
        precision=_ratio(tp_n, fp_n, fn_n) if pred else None,
        recall=_ratio(tp_n, fn_n, fp_n) if true else None,
    )


def _ratio(tp: float, wrong: float, other: float) -> float:
    """TP/(TP+wrong), with the README's edge cases: 1 when nothing is wrong on either side, 0 when TP = wrong = 0."""
    if wrong == 0 and other == 0:
        return 1.0
    if tp + wrong == 0:
        return 0.0
    return tp / (tp + wrong)


def harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def corpus_body(scores: Iterable[BodyScore]) -> PRF | None:
    """Mean page precision (pages with a prediction) and mean page recall (pages with gold); F1 of the two means.
    None when no page has gold or a prediction."""
    precisions, recalls = [], []
    for score in scores:
        if score.precision is not None:
            precisions.append(score.precision)
        if score.recall is not None:
            recalls.append(score.recall)
    if not precisions and not recalls:
        return None
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF(p, r, harmonic(p, r))


@dataclass(frozen=True, slots=True)
class Counts:
    """Summed outcomes: TP, FP, FN (and TN for snippets, which no score uses but a reader may want)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    def prf(self) -> PRF:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF(p, r, 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0)


def collapse(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def snippet_counts(predicted: str | None, with_: Iterable[str], without: Iterable[str]) -> Counts:
    """`with_` snippets found are TP, missed FN; `without` snippets found are FP, absent TN."""
    text = collapse(predicted)
    found = [collapse(s) in text for s in with_ if collapse(s)]
    leaked = [collapse(s) in text for s in without if collapse(s)]
    return Counts(tp=sum(found), fn=len(found) - sum(found), fp=sum(leaked), tn=len(leaked) - sum(leaked))


def total(counts: Iterable[Counts]) -> Counts:
    result = Counts()
    for c in counts:
        result = result + c
    return result


# --- metadata ---------------------------------------------------------------------------------------------

_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›]")
_BY = re.compile(r"^(?:(?:written|posted|reported|words|text|story)\s+by|by|von|par|por|door|av|af)\s+", re.I)
# An editor's credit names no author ("Written by A / Edited by B"): the part is left out.
_EDITED = re.compile(r"^(?:edited|editing|reviewed|fact[- ]checked)\s+by\b", re.I)
_TITLE = re.compile(r"^(?:dr|prof|mr|mrs|ms)\.?\s+(?=\S)", re.I)
# "A, B, and C": the serial comma and its conjunction are one separator, so no name starts with "and".
_NAME_SPLIT = re.compile(
    r"\s*(?:,\s*(?:and|und|et|y|e|en|og|och)\s|[,;|/\n]|\s&\s|\s(?:and|und|et|y|e|en|og|och)\s)\s*", re.I
)
# Degrees and post-nominals that follow a name after a comma ("Jane Doe, MD, PhD"): not names themselves.
_CREDENTIALS = frozenset(
    "phd md ms ma mba msc bsc ba rd rn np pa do dds dvm jd llm cpa cfp cfa mph facp faan fand esq jr sr ii iii".split()
)
_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:[-.](\d{1,2}))?")


def normalise_text(value: str | None) -> str | None:
    """Case, quotes and whitespace do not count: `“Hello”  World` equals `hello world`."""
    if value is None:
        return None
    text = collapse(_QUOTES.sub("", unicodedata.normalize("NFKC", value))).casefold()
    return text or None


def normalise_byline(value: str | list[str] | None) -> frozenset[str] | None:
    """A byline as a set of person names: split on commas, semicolons, '&', 'and' (and its translations), bars and
    slashes, without a leading 'By' ('Written by'), a trailing full stop, credentials ('MD', 'Ph.D.'), editors'
    credits ('Edited by ...') or parts with digits (a date glued to the byline). None when no name is left."""
    if not value:
        return None
    parts = value if isinstance(value, list) else [value]
    names = set()
    for part in parts:
        for piece in _NAME_SPLIT.split(part):
            if _EDITED.match(piece.strip()):
                continue
            name = normalise_text(_TITLE.sub("", _BY.sub("", piece.strip())).rstrip(" .,;:"))
            if not name or any(ch.isdigit() for ch in name):
                continue
            if name.replace(".", "").replace(" ", "") in _CREDENTIALS:
                continue
            names.add(name)
    return frozenset(names) or None


def normalise_date(value: str | None) -> str | None:
    """ISO dates and timestamps to YYYY-MM-DD (YYYY-MM when the day is unknown)."""
    if not value:
        return None
    match = _DATE.search(value)
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


NORMALISE = {"headline": normalise_text, "byline": normalise_byline, "date": normalise_date}
META_FIELDS = tuple(NORMALISE)


def meta_counts(field: str, predicted, gold) -> Counts:
    """Equal after normalising: TP. A different value, or a value where the gold has none: FP. No value where
    the gold has one: FN. (Neither value: nothing to count.)"""
    pred, true = NORMALISE[field](predicted), NORMALISE[field](gold)
    if pred is None:
        return Counts(fn=1) if true is not None else Counts()
    return Counts(tp=1) if pred == true else Counts(fp=1)
