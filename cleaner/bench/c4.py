"""C4-style line rules (Raffel et al. 2020, "Exploring the limits of transfer learning", section 2.2; the
parameters datatrove's C4QualityFilter uses), applied as a line cleaner: the baseline a corpus builder would run
over scraped text.

C4 drops a whole page for "lorem ipsum", a curly brace, bad words or fewer than a few sentences; a line cleaner
has no page to drop, so those become line rules (lorem ipsum, braces) or are left out (bad words, sentence count).
"""

from __future__ import annotations

# Terminal punctuation: C4's ". ? ! and end quotation marks", with the typographic closing quotes.
END_PUNCTUATION = (".", "?", "!", '"', "'", "”", "’", "»")
ELLIPSIS = "..."
MIN_WORDS = 3
MAX_WORD_LENGTH = 1000
POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


def keep_line(line: str) -> bool:
    line = line.strip()
    if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
        return False
    words = line.split()
    if len(words) < MIN_WORDS or any(len(w) > MAX_WORD_LENGTH for w in words):
        return False
    lower = line.lower()
    if "javascript" in lower or "lorem ipsum" in lower or "{" in line or "}" in line:
        return False
    return not any(p in lower for p in POLICY_SUBSTRINGS)


def c4_clean(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if keep_line(line))
