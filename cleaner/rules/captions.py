"""Photo captions and credits: "Image: Reuters/F. Lenoir", "© Emmanuel Dunand, AFP | ...", "NAME / AFP"."""

from __future__ import annotations

import re

from . import cached, plain, rule, words

AGENCIES = (
    r"AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|EFE|dpa|ANP|ANSA|Belga|Sipa|Xinhua|Imago|picture alliance|"
    r"Shutterstock|iStock(?:photo)?|Bloomberg|Associated Press|PA(?: Images| Wire)?|Keystone|Alamy|NurPhoto|"
    r"SOPA Images|Anadolu(?: Agency)?|TASS|Europa Press|Hans Lucas|Abaca|Zuma(?: Press)?|Corbis|Wikimedia Commons"
)
_CREDIT_LABEL = re.compile(
    r"^[(\[]?(?:image|images|photo|photos|picture|pictures|photograph|photography|pic|credit|photo credit|"
    r"foto|fotos|bild|bilder|bildquelle|crédit photo|crédits? photos?|crédits?|illustration|imagen|fotografía|"
    r"video)\s*(?:by|:|/|©)\s*\S",
    re.I,
)
_COPYRIGHT_NAME = re.compile(r"^[(\[]?(?:©|\(c\)|copyright)\s*(?![0-9]{4}\b)[^\s|]", re.I)
_NAME_SLASH_AGENCY = re.compile(rf"(?:^|\s)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*\s?/\s?(?:{AGENCIES})\b\W*$")
_AGENCY_PHOTO = re.compile(rf"\b(?:{AGENCIES})\s*(?:photo|foto|/)", re.I)
_CREDIT_TAIL = re.compile(
    rf"\((?:photo|image|picture|foto|bild|credit)s?\s*(?::|by)?\s*[^()]{{0,60}}(?:{AGENCIES})[^()]{{0,30}}\)$", re.I
)


@cached
def is_credit_line(text: str) -> bool:
    """A photo credit, possibly carrying its caption ("© X, AFP | caption", "caption NAME / AFP")."""
    text = plain(text)
    if _CREDIT_LABEL.match(text) and words(text) <= 25:
        return True
    if _COPYRIGHT_NAME.match(text):
        return True
    if len(text) <= 300 and (_NAME_SLASH_AGENCY.search(text) or _CREDIT_TAIL.search(text)):
        return True
    return words(text) <= 12 and bool(_AGENCY_PHOTO.search(text))


@rule("photo_credit")
def photo_credit(page, i):
    return is_credit_line(page.blocks[i].text)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


STANDALONE_CREDIT_WORDS = 10


@rule("photo_caption", score=0.8)
def photo_caption(page, i):
    """The line that a standalone credit follows, or that a caption-with-credit line repeats."""
    blocks = page.blocks
    if i + 1 >= len(blocks):
        return False
    text = plain(blocks[i].text)
    nxt = plain(blocks[i + 1].text)
    if not is_credit_line(nxt) or is_credit_line(text) or words(text) > 40:
        return False
    if nxt.startswith(text):
        return True
    if words(nxt) > STANDALONE_CREDIT_WORDS:  # the credit line carries its own caption
        return False
    # A caption rarely reads as a finished paragraph: one sentence at most, usually no final period.
    return not _SENTENCE_END.search(text) or text.count(". ") == 0 and words(text) <= 30


def is_caption_line(text: str) -> bool:
    return is_credit_line(text)
