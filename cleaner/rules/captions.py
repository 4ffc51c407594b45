"""Photo captions and credits: "Image: Reuters/F. Lenoir", "© Emmanuel Dunand, AFP | ...", "NAME / AFP"."""

from __future__ import annotations

import re

from .. import reasons
from . import cached, line_rule, plain, rule, words
from .credits import is_agency_credit, is_copyright_notice
from .stamps import is_date_stamp

AGENCIES = (
    r"AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|EFE|dpa|ANP|ANSA|Belga|Sipa|Xinhua|Imago|picture alliance|"
    r"picture-alliance|Shutterstock|iStock(?:photo)?|Bloomberg|Associated Press|PA(?: Images| Wire)?|Keystone|"
    r"Alamy|NurPhoto|SOPA Images|Anadolu(?: Agency)?|TASS|Europa Press|Hans Lucas|Abaca|Zuma(?: Press)?|Corbis|"
    r"Wikimedia Commons|Agence France-Presse|KEYSTONE|MAXPPP|Le Parisien|Cordon Press"
)
# "Photo: ...", "Bild: ...", "Crédit photo : ...", "Imagen: ...": a credit label, then a name or an agency.
_CREDIT_LABEL = re.compile(
    r"^[(\[]?(?:image|images|photo|photos|picture|pictures|photograph|photography|pic|credit|credits|"
    r"photo credit|image credit|image source|photo source|foto|fotos|fotografie|bild|bilder|bildquelle|"
    r"crédit photo|crédits? photos?|crédit|illustration|imagen|fotografía|crédito|créditos)"
    r"\s*(?::|by|par|von|de|por|©)\s*(?P<rest>.+)$",
    re.I,
)
_NAME_START = re.compile(rf"^(?:©\s*)?(?:[A-ZÀ-Ý]|(?:{AGENCIES})\b)")
_COPYRIGHT_NAME = re.compile(r"^[(\[]?(?:©|copyright\s*©|\(c\))\s*(?![0-9]{4}\b)[^\s|]")
_NAME_SLASH_AGENCY = re.compile(rf"(?:^|\s|\()[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*\s?/\s?(?:{AGENCIES})\b\W*$")
# "Reuters/F. Lenoir", but not "dpa/AFP" (agencies signing an article, see credits.py).
_AGENCY_SLASH_NAME = re.compile(
    rf"(?:^|\s|\()(?:{AGENCIES})\s?/\s?(?!(?:{AGENCIES})\b)[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){{0,3}}\)?$"
)
_AGENCY_PHOTO = re.compile(rf"(?:^|\s|\()(?:{AGENCIES})\s+(?:photo|foto|images?)\b", re.I)
_PHOTO_WORD = re.compile(r"photo|foto|image", re.I)  # in every _AGENCY_PHOTO match: a cheap search first
_CREDIT_TAIL = re.compile(
    rf"\((?:photo|image|picture|foto|bild|credit)s?\s*(?::|by)?\s*[^()]{{0,60}}(?:{AGENCIES})[^()]{{0,30}}\)$", re.I
)
CREDIT_NAME_WORDS = 8  # "Photo: Jane Doe for The Times" is a credit; a longer rest is a sentence about photos


def _labelled_credit(text: str) -> bool:
    match = _CREDIT_LABEL.match(text)
    if not match:
        return False
    rest = match.group("rest").split("|")[0].strip()
    return bool(_NAME_START.match(rest)) and words(rest) <= CREDIT_NAME_WORDS and not rest.endswith((".", "?", "!"))


def _copyright_credit(text: str) -> bool:
    """ "© Emmanuel Dunand, AFP | caption": a © and a name; a "(c)" only when short ("(c) AFP"), since "(c)"
    also numbers list items."""
    if not _COPYRIGHT_NAME.match(text):
        return False
    name = text.split("|")[0]
    if text.lstrip("([").lower().startswith("(c)"):
        return words(name) <= 5 and not name.rstrip().endswith(".")
    return words(name) <= CREDIT_NAME_WORDS


@cached
def is_credit_line(text: str) -> bool:
    """A photo credit, possibly carrying its caption ("© X, AFP | caption", "caption NAME / AFP")."""
    text = plain(text)
    if is_copyright_notice(text):  # the page's notice, not a photo's credit
        return False
    if _labelled_credit(text) or _copyright_credit(text):
        return True
    if len(text) <= 300 and "/" in text and (_NAME_SLASH_AGENCY.search(text) or _AGENCY_SLASH_NAME.search(text)):
        return True
    if len(text) <= 300 and text.endswith(")") and _CREDIT_TAIL.search(text):
        return True
    return words(text) <= 6 and _PHOTO_WORD.search(text) is not None and bool(_AGENCY_PHOTO.search(text))


line_rule(reasons.PHOTO_CREDIT)(is_credit_line)


_SENTENCE_END = re.compile(r"[.!][\"'”’)]*$")
# Lines that stand above a picture without describing it: bylines, post stamps, links.
_NOT_CAPTION = re.compile(r"^(?:by|posted|published|von|par|por)\b|https?://|www\.", re.I)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"“(]?[A-ZÀ-Ý]")
STANDALONE_CREDIT_WORDS = 10
CAPTION_WORDS = 40


@cached
def caption_like(text: str) -> bool:
    """A caption describes a picture in one sentence at most: no question, no second sentence."""
    text = plain(text)
    if words(text) > CAPTION_WORDS or text.rstrip("\"'”’)").endswith("?") or _INNER_SENTENCE_END.search(text):
        return False
    if _NOT_CAPTION.search(text) or is_date_stamp(text):
        return False
    return not text.rstrip().endswith(":")


@rule(reasons.PHOTO_CAPTION, score=0.8)
def photo_caption(page, i):
    """The line that a standalone credit follows, or that a caption-with-credit line repeats."""
    blocks = page.blocks
    if i + 1 >= len(blocks):
        return False
    text = plain(blocks[i].text)
    nxt = plain(blocks[i + 1].text)
    if not is_credit_line(nxt) or is_agency_credit(nxt) or is_credit_line(text) or not caption_like(text):
        return False
    if nxt.startswith(text):
        return True
    if words(nxt) > STANDALONE_CREDIT_WORDS:  # the credit line carries its own caption
        return False
    # A caption rarely reads as a finished paragraph: usually no final period, and short when it has one.
    return not _SENTENCE_END.search(text) or words(text) <= 25


def is_caption_line(text: str) -> bool:
    return is_credit_line(text)


_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S[^.!?]*$)")


@rule(reasons.FIGURE_CAPTION, score=0.8, modes=("html",))
def figure_caption(page, i):
    """An HTML <figcaption> that reads as a caption (one sentence at most, maybe followed by its credit: "Des
    chalutiers à quai. Photo : Emmanuel Dunand, AFP"): it describes a picture."""
    block = page.blocks[i]
    if block.tag != "figcaption":
        return False
    parts = _LAST_SENTENCE.split(plain(block.text), maxsplit=1)
    text = parts[0] if len(parts) == 2 and is_credit_line(parts[1]) else block.text
    return caption_like(text)
