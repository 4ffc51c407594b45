"""Cookie and consent banners."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, mentions, phrases, plain, stems, words

# "We use cookies ...", "Ce site utilise des cookies", "Diese Website verwendet Cookies", "Usamos cookies".
_SITE_USES_COOKIES = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|the (?:web)?site|nous|ce site|notre site|wir|diese (?:web)?seite|"
    r"diese website|unsere (?:web)?seite|unsere website|este (?:sitio|portal)(?: web)?|esta (?:web|página)|"
    r"nuestro (?:sitio|portal)(?: web)?)\b.{0,30}\b(?:use|uses|using|utilise|utilisons|verwendet|verwenden|"
    r"nutzt|nutzen|setzt|setzen|usa|usamos|utiliza|utilizamos)\b.{0,40}\bcookies?\b|"
    r"^(?:utilizamos|usamos|utilisons|verwenden wir|nutzen wir)\b.{0,40}\bcookies?\b",
    re.I,
)
# "cookies ... consent / policy / settings" within a clause: the vocabulary of banners, not of recipes.
_COOKIE_CONSENT = re.compile(
    r"\bcookies?\b.{0,80}\b(?:consent|policy|settings|preferences|privacy|accept|partners|third[- ]part(?:y|ies)|"
    r"consentement|politique|paramètres|partenaires|accepter|acceptez|traceurs|einwilligung|zustimmung|"
    r"richtlinie|einstellungen|datenschutz|akzeptieren|partner|consentimiento|política|configuración|aceptar|"
    r"acepta|aceptas|socios|privacidad)\b|"
    r"\b(?:consent|accept|accepter|acceptez|akzeptieren|aceptar|aceptas)\b.{0,40}\bcookies?\b",
    re.I,
)
CONSENT_LABEL = phrases(
    r"accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|decline|i agree|agree|got it|ok,? (?:got it|i agree)",
    r"manage (?:preferences|settings|cookies|options|consent)|cookie (?:settings|preferences|consent)|cookies? policy",
    r"customi[sz]e(?: settings)?|your privacy choices|privacy preferences|consent preferences|cookie banner",
    r"tout accepter|accepter(?: et fermer| et continuer)?|tout refuser|refuser|continuer sans accepter",
    r"paramétrer les cookies|gérer mes choix|gestion des cookies|politique (?:des|de) cookies",
    r"alle akzeptieren|akzeptieren|ablehnen|alle ablehnen|cookie-einstellungen|zustimmen|alle zulassen",
    r"einstellungen (?:verwalten|anpassen)|datenschutzeinstellungen|cookie-richtlinie",
    r"aceptar(?: todo| todas)?(?: las cookies)?|rechazar(?: todo| todas)?|configurar cookies|"
    r"configuración de cookies|política de cookies|acepto",
)
BANNER_WORDS = 80


COOKIE = stems("cookie")


@line_rule(reasons.COOKIE_BANNER)
def cookie_banner(line):
    """A cookie or consent banner: "This site uses cookies...", "Accept all"."""
    text = plain(line)
    if CONSENT_LABEL.match(text):
        return True
    if words(text) > BANNER_WORDS or not mentions(text, COOKIE):
        return False
    return bool(_SITE_USES_COOKIES.search(text) or _COOKIE_CONSENT.search(text))
