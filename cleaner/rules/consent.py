"""Cookie and consent banners."""

from __future__ import annotations

import re

from . import phrases, plain, rule, words

COOKIE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|policy|settings|preferences|experience|"
    r"utilisons|utilise|accepter|paramètres|politique|verwenden|verwendet|nutzen|akzeptieren|einstellungen|"
    r"richtlinie|utilizamos|utiliza|aceptar|política|configuración)\b|"
    r"\b(?:we use|this (?:site|website) uses|nous utilisons|wir verwenden|utilizamos|usamos)\b.{0,40}\bcookies?\b|"
    r"\b(?:your privacy choices|manage (?:your )?(?:privacy|consent)|privacy preferences|consent preferences)\b",
    re.I,
)
CONSENT_BUTTON = phrases(
    r"accept(?: all)?(?: cookies)?|reject(?: all)?|decline|i agree|agree|got it|ok,? (?:got it|i agree)",
    r"manage (?:preferences|settings|cookies|options)|cookie settings|cookies? policy|customi[sz]e",
    r"tout accepter|accepter(?: et fermer)?|tout refuser|refuser|paramétrer les cookies|gérer mes choix",
    r"alle akzeptieren|akzeptieren|ablehnen|alle ablehnen|einstellungen|cookie-einstellungen|zustimmen",
    r"aceptar(?: todo| todas)?|rechazar(?: todo)?|configurar|configuración de cookies|acepto",
)


@rule("cookie_banner")
def cookie_banner(page, i):
    text = plain(page.blocks[i].text)
    return bool(CONSENT_BUTTON.match(text)) or words(text) <= 80 and bool(COOKIE.search(text))
