"""The body's language (ISO 639-1) with langdetect, seeded for identical output, on a bounded sample."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

from ..textcache import text_cache

SAMPLE_CHARS = 400  # enough letters for a stable answer
# langdetect's default is 7 random trials on all the text; 3 trials on 400 characters gave the same language as 7
# trials on 2,000 characters for 435 of 436 validation bodies (wcxb-dev, trafilatura-eval), at 2.0 ms a page
# instead of 5.1.
TRIALS = 3
MIN_LETTERS = 40  # less text than this gives no reliable language
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.word_lang_prob_map, factory.langlist = _read_profiles(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def _read_profiles(directory: str) -> tuple[_WordProbabilities, list[str]]:
    """langdetect's profiles as its DetectorFactory.load_profile reads them (the same files in the same order,
    so the same languages at the same indices), without building every word's row up front: that loop took
    0.64 s of the 0.8 s it took to load them, and a page asks for a few hundred words."""
    names = os.listdir(directory)
    profiles, languages = [], []
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            profile = json.load(f)
        profiles.append((profile["freq"], profile["n_words"]))
        languages.append(profile["name"])
    return _WordProbabilities(profiles, len(names)), languages


class _WordProbabilities(dict):
    """langdetect's word -> probability in each language, each word's row built the first time it is asked for,
    with the values DetectorFactory.add_profile gives it."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], size: int) -> None:
        super().__init__()
        self._profiles = profiles
        self._size = size
        self._words = frozenset().union(*(freq for freq, _ in profiles))

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __missing__(self, word: str) -> list[float]:
        if word not in self._words:
            raise KeyError(word)
        row = [0.0] * self._size
        if 1 <= len(word) <= 3:
            for index, (freq, n_words) in enumerate(self._profiles):
                count = freq.get(word)
                if count is not None:
                    row[index] = 1.0 * count / n_words[len(word) - 1]
        self[word] = row
        return row


def load_profiles() -> None:
    """Load langdetect's profiles once per process (about 0.2 s): a Cleaner does it when it is built."""
    _factory()


def detect_language(text: str) -> str | None:
    return _language(text[:SAMPLE_CHARS])


@text_cache(4096)
def _language(sample: str) -> str | None:
    """The sample's language (seeded, langdetect gives a sample the same answer every time)."""
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]
