"""Accessibility, contact, legal and copyright footers."""

from __future__ import annotations

import re

from . import phrases, plain, rule, words

FOOTER = re.compile(
    r"\baccessibility (?:concerns|statement|help)\b|\b(?:e-?mail|contact|write to) us at\b|"
    r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b|"
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}|by\b)|\bthis material may not be (?:published|reproduced)\b|"
    r"\bwe would love to hear from you\b|\bterms (?:of|and) (?:use|service|conditions)\b.{0,40}\bprivacy\b",
    re.I,
)
LEGAL_LINK = phrases(
    r"contact(?: us)?|about(?: us)?|imprint|impressum|datenschutz(?:erklärung)?|privacy(?: policy| notice| settings)?",
    r"terms(?: of (?:use|service))?|terms & conditions|terms and conditions|cookie policy|sitemap|site map|faq|help",
    r"mentions légales|politique de confidentialité|conditions générales(?: d'utilisation)?|nous contacter|"
    r"qui sommes-nous",
    r"kontakt|agb|nutzungsbedingungen|über uns|aviso legal|política de privacidad|contacto|quiénes somos",
    r"advertise(?: with us)?|careers|jobs|press|rss|accessibility|subscriptions?|archives?|back to top|top",
    r"nach oben|haut de page|volver arriba|retour en haut",
)
_LINK_SPLIT = re.compile(r"\s*[|•·/]\s*|\s{2,}")


@rule("footer")
def footer(page, i):
    text = plain(page.blocks[i].text)
    if LEGAL_LINK.match(text):
        return True
    if words(text) <= 60 and FOOTER.search(text):
        return True
    parts = [p for p in _LINK_SPLIT.split(text) if p]
    return len(parts) >= 3 and sum(bool(LEGAL_LINK.match(p)) for p in parts) >= 0.6 * len(parts)
