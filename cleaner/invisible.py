"""Characters a reader never sees and a search never expects: soft hyphens (U+00AD, "Fuß­ball" with a hidden
break), zero-width spaces, word joiners and stray byte-order marks, written in text or as HTML entities. They
leave a page before it is read, so the body and the metadata hold the words the page shows. Zero-width joiners
and non-joiners (U+200D, U+200C) stay after a letter of a script that needs them (Persian "می‌خواهم", Indic
conjuncts, emoji sequences) and leave after Latin letters, spaces and punctuation, where they only hide."""

from __future__ import annotations

import re

# Always invisible: soft hyphen, zero-width space, word joiner, zero-width no-break space (BOM), and their
# entity forms (an HTML parser would turn them back into the characters).
_ALWAYS = r"\u00ad\u200b\u2060\ufeff"
_ENTITIES = r"&(?:shy|#0*173|#[xX]0*[aA][dD]|#0*8203|#[xX]0*200[bB]|#0*8288|#[xX]0*2060|ZeroWidthSpace);"
# A joiner or non-joiner after nothing, or after a character of the Latin, Greek or Cyrillic blocks or ASCII.
_JOINER_HIDING = r"(?:(?<![^\x00-\u052f])[\u200c\u200d])"
_INVISIBLE = re.compile(f"[{_ALWAYS}]+|{_ENTITIES}|{_JOINER_HIDING}")
_ENTITY = re.compile(_ENTITIES)
_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def strip_invisible(text: str) -> str:
    """`text` without the characters no reader sees (see the module's docstring)."""
    # Membership tests and one literal-led pattern first: about 0.03 ms on a 90 KB page, where scanning with the
    # whole pattern takes 1.8 ms, and most pages hold none of these.
    found = not text.isascii() and any(char in text for char in _CHARS)
    if not found and ("&" not in text or _ENTITY.search(text) is None):
        return text
    return _INVISIBLE.sub("", text)
