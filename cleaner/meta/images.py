"""The article's own images: those that stand among the kept blocks (or with their caption), outside the page's
chrome and furniture (menus, sidebars, share rows, related posts, avatars, icons), each with its alt text, its
caption and its credit, in page order (HTML pages; a text page shows no images).

The caption is the figure's <figcaption> (or the caption line that follows a bare image and left the body as a
caption); a credit inside it ("... Photo: Emmanuel Dunand, AFP") is split off, and a credit line of its own next
to the image ("Credit: Reviewed / Jane Doe") is the credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import reasons
from ..page import CAPTION, Image, Page
from ..render.tree import Placed
from ..rules.captions import is_credit_line
from ..rules.markup import BOILERPLATE, CHROME, path_flags
from ..urls import page_base, resolve

CAPTION_REASONS = frozenset({reasons.PHOTO_CAPTION, reasons.FIGURE_CAPTION, reasons.PHOTO_CREDIT})
# Lines that stand with the article's text though they left the body: an image next to them is the article's.
WITH_ARTICLE = CAPTION_REASONS | frozenset(
    {*reasons.ROLES, reasons.DATE_STAMP, reasons.READING_TIME, reasons.POST_META, reasons.DOUBLED_LINE}
)
# Icons, avatars, badges, tracking pixels and spacers, by their address.
NOT_A_PICTURE = re.compile(
    r"pixel|spacer|blank\.gif|1x1|transparent\.|tracking|beacon|doubleclick|gravatar|avatar|emoji|/icons?/|"
    r"[-_/]icon[-_.]|logo|sprite|badge|feedburner|share[-_]?button|/ads?/",
    re.I,
)
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S[^.!?]*$)")
_CREDIT_LABEL = re.compile(
    r"\s*[(\[]?\b(?:photo|photos|image|images|picture|foto|fotos|bild|credit|crédit photo|crédit|"
    r"photograph|fotografía|illustration)s?\s*(?::|by\b|par\b|von\b|©)",
    re.I,
)
_CREDIT_TAIL = re.compile(r"\s*[(\[]([^()\[\]]{3,80})[)\]]\s*$")
MAX_CAPTION = 600


@dataclass(frozen=True, slots=True)
class ArticleImage:
    src: str  # absolute when the page's URL or <base> is known
    alt: str
    caption: str
    credit: str
    at: int  # the block it stands before
    caption_shown: bool  # its caption stays in the body (the model kept it): a rendered figure need not repeat it

    def record(self) -> dict[str, str | None]:
        """As the record's `images` lists it (record.IMAGE)."""
        return {
            "src": self.src,
            "alt": self.alt or None,
            "caption": self.caption or None,
            "credit": self.credit or None,
        }

    def placed(self) -> Placed:
        """As a rendered body shows it: with its caption and credit, unless the caption stays in the body."""
        caption = "" if self.caption_shown else " ".join(filter(None, (self.caption, self.credit)))
        return Placed(self.at, self.src, self.alt, caption)


def article_images(page: Page) -> list[ArticleImage]:
    """The page's in-article images, worked out once per page (the record and the rendered body both ask)."""
    return page.once(_article_images)


def _article_images(page: Page) -> list[ArticleImage]:
    blocks = page.blocks
    kept = [b.index for b in blocks if b.keep]
    if page.mode != "html" or not kept or not page.declared.images:
        return []
    headline = [b.index for b in blocks if b.role == reasons.HEADLINE]
    low, high = min(kept + headline), kept[-1] + 1
    base = page_base(page)
    found: list[ArticleImage] = []
    seen: set[str] = set()
    for image in page.declared.images:
        if not low <= image.at <= high or not _picture(image) or not _with_article(page, image):
            continue
        src = resolve(base, image.src)
        if not src or src in seen:
            continue
        seen.add(src)
        caption, credit, shown = _caption(page, image)
        found.append(ArticleImage(src, image.alt, caption, credit, image.at, shown))
    return found


def _picture(image: Image) -> bool:
    """Not an icon, a badge or a pixel, and not in the page's chrome or furniture."""
    if NOT_A_PICTURE.search(image.src):
        return False
    if image.src.lower().split("?")[0].endswith(".svg") and not image.alt:
        return False
    return not path_flags(image.path) & (CHROME | BOILERPLATE)


def _with_article(page: Page, image: Image) -> bool:
    """The image stands next to the article's text (or in a figure with its caption), not in a dropped box."""
    if image.figure >= 0 and _figure_blocks(page, image):
        return True
    for k in (image.at - 1, image.at):
        if 0 <= k < len(page.blocks):
            block = page.blocks[k]
            if block.keep or block.reason in WITH_ARTICLE:
                return True
    return False


def _figure_blocks(page: Page, image: Image) -> list[int]:
    """The blocks inside the image's figure (its caption, its credit), which follow the image."""
    found = []
    k = image.at
    while k < len(page.blocks) and image.figure in page.blocks[k].ancestry:
        found.append(k)
        k += 1
    return found


def _caption(page: Page, image: Image) -> tuple[str, str, bool]:
    """(caption, credit, whether the caption stays in the body)."""
    blocks = page.blocks
    if image.figure >= 0:
        inside = _figure_blocks(page, image)
    else:  # a bare image: the caption line right after it, if it left the body as one or is marked as one
        inside = []
        k = image.at
        while (
            k < len(blocks) and len(inside) < 2 and (blocks[k].kind == CAPTION or blocks[k].reason in CAPTION_REASONS)
        ):
            inside.append(k)
            k += 1
    captions, credits, shown = [], [], False
    for k in inside:
        block = blocks[k]
        caption, credit = _split_credit(block.text)
        if caption:
            captions.append(caption)
            shown = shown or block.keep
        if credit:
            credits.append(credit)
    return " ".join(captions)[:MAX_CAPTION], " ".join(credits)[:MAX_CAPTION], shown


def _captioning(block) -> bool:
    return block.kind == CAPTION or block.reason in CAPTION_REASONS


def _split_credit(text: str) -> tuple[str, str]:
    """A caption line's description and its credit: "Boats at the quay. Photo: Emmanuel Dunand, AFP", "© AFP |
    Boats at the quay", "Boats at the quay (Reuters/F. Lenoir)", or a credit alone."""
    text = " ".join(text.split())
    if "|" in text:
        parts = [p.strip() for p in text.split("|")]
        credit = [p for p in parts if is_credit_line(p)]
        if credit:
            return " | ".join(p for p in parts if p not in credit), credit[0]
    label = _CREDIT_LABEL.search(text)
    if label and label.start() > 0 and is_credit_line(text[label.start() :].strip()):
        return text[: label.start()].strip(), text[label.start() :].strip(" ([)]")
    tail = _CREDIT_TAIL.search(text)
    if tail and is_credit_line(tail.group(1)):
        return text[: tail.start()].strip(), tail.group(1).strip()
    parts = _LAST_SENTENCE.split(text, maxsplit=1)
    if len(parts) == 2 and is_credit_line(parts[1]):
        return parts[0].strip(), parts[1].strip()
    if is_credit_line(text):
        return "", text
    return text, ""
