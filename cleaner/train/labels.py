"""Training labels: a block is content when most of its words' trigrams occur in the gold body.

The gold is a text (the article body), so a block's label is its overlap with it: the share of the block's word
trigrams (for blocks of 1 to 3 words, the block's words as one unit) found in the gold body's trigrams. Blocks
above LABEL_THRESHOLD are content. Noise: furniture that repeats article words (a teaser quoting the first
sentence, a caption repeated in the text) is labelled content, and article text the gold annotators left out
(captions, subheadings, some lists) is labelled furniture; blocks between 0.2 and 0.8 are rare (under 3%).
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w+")
LABEL_THRESHOLD = 0.5


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def gold_index(gold: str) -> tuple[set, str]:
    words = tokens(gold)
    trigrams = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
    return trigrams, " " + " ".join(words) + " "


def overlap(text: str, index: tuple[set, str]) -> float:
    trigrams, joined = index
    words = tokens(text)
    if not words:
        return 0.0
    if len(words) < 3:
        return 1.0 if f" {' '.join(words)} " in joined else 0.0
    grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    return sum(g in trigrams for g in grams) / len(grams)
