"""The body's language (ISO 639-1) with langdetect, seeded for identical output, on a bounded sample."""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 600  # about 2 ms of langdetect; enough letters for a stable answer
MIN_LETTERS = 40  # less text than this gives no reliable language
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def load_profiles() -> None:
    """Load langdetect's profiles once per process (about half a second): a Cleaner does it when it is built."""
    _factory()


def detect_language(text: str) -> str | None:
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]
