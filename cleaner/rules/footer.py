"""Accessibility, contact, legal and copyright footers."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, mentions, phrases, plain, stems, words

FOOTER = re.compile(
    r"\baccessibility (?:concerns|statement|help)\b|"
    r"\b(?:questions|feedback|comments|corrections|problems|concerns)\?\s*(?:e-?mail|contact|write to) us\b|"
    r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|"
    r"\btodos los derechos reservados\b|\breservados todos los derechos\b|"
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|by\b)|"
    r"\bthis material may not be (?:published|reproduced|broadcast)\b|"
    r"\b(?:reproduction|toute reproduction)\b.{0,40}\binterdite\b|\bnachdruck\b.{0,40}\b(?:verboten|untersagt)\b|"
    r"\bterms (?:of|and) (?:use|service|conditions)\b.{0,40}\bprivacy\b",
    re.I,
)
# Links whose name says what they are, alone on a line.
LEGAL_LINK = phrases(
    r"contact us|about us|imprint|impressum|datenschutz(?:erklärung|hinweise)?|privacy(?: policy| notice| settings)",
    r"terms of (?:use|service)|terms & conditions|terms and conditions|cookie policy|sitemap|site map",
    r"mentions légales|politique de confidentialité|conditions générales(?: d'utilisation| de vente)?|"
    r"nous contacter|contactez-nous|qui sommes-nous|plan du site",
    r"nutzungsbedingungen|über uns|aviso legal|política de privacidad|contacto|contáctenos|quiénes somos|"
    r"mapa del sitio|términos y condiciones",
    r"about|contact|press|careers|jobs|archives?|accessibility|kontakt|karriere|presse|contacto|empleo",
    r"advertise with us|back to top|nach oben|haut de page|retour en haut(?: de (?:la )?page)?|volver arriba|"
    r"ir arriba",
)
# Short words that are links in a footer row ("FAQ | Help | RSS"), but head a section of an article when alone.
ROW_LINK = phrases(
    r"faq|help|rss|subscriptions?|terms|privacy|advertise|agb|hilfe|aide|emploi|recrutement|ayuda|prensa|legal|"
    r"cookies",
)
_LINK_SPLIT = re.compile(r"\s*[|•·/]\s*|\s{2,}")
_LINK_MARK = re.compile(r"[|•·/]|\s\s")  # what every split of _LINK_SPLIT holds: without one, a line is one part
FOOTER_WORDS = 60
ROW_WORDS = 25
FOOTER_STEMS = stems(
    "accessibility",
    " us",
    "reserv",
    "réserv",
    "rechte",
    "derechos",
    "©",
    "(c)",
    "copyright",
    "reproduc",
    "nachdruck",
    "terms",
)


def _footer_link(part: str) -> bool:
    return bool(LEGAL_LINK.match(part) or ROW_LINK.match(part))


def _row_link_next_to_links(page, i) -> bool:
    """ "About", "Jobs", "Press" alone head a section in an article; next to another footer link they are
    a footer's link list."""
    blocks = page.blocks
    if not ROW_LINK.match(plain(blocks[i].text)):
        return False
    return any(0 <= j < len(blocks) and _footer_link(plain(blocks[j].text)) for j in (i - 1, i + 1))


@line_rule(reasons.FOOTER, context=_row_link_next_to_links)
def footer(line):
    """ "© 2025 Example Ltd", "Privacy policy | Terms": the site's footer and legal links."""
    text = plain(line)
    if LEGAL_LINK.match(text):
        return True
    n = words(text)
    if n <= FOOTER_WORDS and mentions(text, FOOTER_STEMS) and FOOTER.search(text):
        return True
    if n > ROW_WORDS or not _LINK_MARK.search(text):
        return False
    parts = [p for p in _LINK_SPLIT.split(text) if p]
    return len(parts) >= 3 and sum(_footer_link(p) for p in parts) >= 0.6 * len(parts)
