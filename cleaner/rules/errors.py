"""Error fragments ("Page not found"), the text of a redirect response ("Moved Permanently") and browser-upgrade
or JavaScript notices."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, mentions, plain, stems, words

_THING = r"(?:page|article|content|story|video|link|url|site|resource)"
ERROR = re.compile(
    r"^(?:error\s*)?404\b\W*(?:error|not found|page|seite|introuvable|no encontrada|nicht gefunden|\w+ not)|"
    r"^(?:error|erreur|fehler)\s*404\b|"
    r"\bpage (?:not found|introuvable|non trouvée)\b|\b(?:seite|inhalt) nicht gefunden\b|"
    r"\bpágina no (?:encontrada|existe)\b|"
    rf"\bthe {_THING} you (?:requested|are looking for|were looking for|tried to access)\b|"
    rf"\b(?:this|the|that) {_THING} (?:(?:does not|doesn't|no longer) exists?|is (?:no longer|not) available|"
    r"(?:could not|couldn't|cannot|can't) be found|has been (?:removed|deleted|moved))\b|"
    rf"\bthe {_THING} (?:you requested )?(?:does not|doesn't) exist or is not available\b|"
    r"\bla page (?:demandée |que vous (?:recherchez|cherchez) )?n'existe (?:pas|plus)\b|"
    r"\bcontenu (?:demandé )?n'(?:existe|est) (?:pas|plus)\b|"
    r"\bcette page (?:n'existe (?:pas|plus)|est introuvable|a été supprimée)\b|"
    r"\bdie (?:angeforderte |gesuchte |von ihnen gesuchte )?seite (?:existiert nicht|existiert nicht mehr|wurde nicht "
    r"gefunden|ist nicht (?:mehr )?verfügbar|konnte nicht gefunden werden)\b|"
    r"\bla página (?:que buscas |solicitada |que estás buscando )?no (?:existe|está disponible|se ha encontrado)\b|"
    r"^(?:oops|uh oh|whoops)\W+(?:something went wrong|we can'?t find|that page|page not found|looks like)|"
    r"^sorry,? (?:the page|this page|we couldn'?t find)\b",
    re.I,
)
# What a server or a CMS writes in a redirect's body, saved in place of the page it points to (a crawler that did
# not follow it, `curl` without -L): the status, "The document has moved here.", "You are being redirected", and
# the server's signature line under it.
REDIRECT = re.compile(
    r"^(?:30[12378]\s+)?(?:moved permanently|moved temporarily|found|see other|temporary redirect|"
    r"permanent redirect|object moved(?: to here)?|document moved|redirecting(?: to\b.*|\W*))\W*$|"
    r"^the document has moved(?: here| permanently)?\W*$|"
    r"\byou (?:are being|will be|should be) redirected\b|\bif you are not (?:automatically )?redirected\b|"
    r"^(?:nginx|apache|openresty|cloudflare|microsoft-iis)(?:/[\d.]+)?(?:\s.*\bport \d+)?(?:\s\(.*\))?\W*$",
    re.I,
)
REDIRECT_WORDS = 25
BROWSER = re.compile(
    r"\b(?:no longer supports?|does not support|doesn't support)\b.{0,40}\b(?:internet explorer|browser)\b|"
    r"\b(?:upgrade|update) your browser\b|\b(?:outdated|unsupported|old) (?:web )?browser\b|"
    r"\byour (?:web )?browser (?:is (?:out of date|outdated|not supported)|does not|doesn't|may not)\b|"
    r"\b(?:enable|activate|turn on) javascript\b|\bjavascript (?:is )?(?:disabled|required|turned off|deactivated)\b|"
    r"\bvotre navigateur (?:n'est|est|ne)\b|\bmettre à jour votre navigateur\b|\bactivez (?:le )?javascript\b|"
    r"\bihr browser (?:ist|wird|unterstützt)\b|\bjavascript (?:aktivieren|ist deaktiviert)\b|"
    r"\baktivieren sie (?:bitte )?javascript\b|\btu navegador (?:no|está)\b|\bactualiza tu navegador\b|"
    r"\b(?:habilita|activa) (?:el )?javascript\b|\bbrowser (?:is not|isn't) supported\b",
    re.I,
)
ERROR_WORDS = 30
NOTICE_WORDS = 40
ERROR_STEMS = stems(
    "404",
    "not found",
    "page",
    "seite",
    "página",
    "exist",
    "introuvable",
    "oops",
    "whoops",
    "uh oh",
    "sorry",
    "available",
    "verfügbar",
    "disponible",
    "found",
    "removed",
    "deleted",
    "moved",
    "requested",
    "looking for",
    "contenu",
    "tried",
)
BROWSER_STEMS = stems("browser", "navigat", "navega", "javascript", "explorer")


@line_rule(reasons.ERROR_PAGE)
def error_page(line):
    """ "Page not found", "404": a short line saying the page could not be shown."""
    text = plain(line)
    return words(text) <= ERROR_WORDS and mentions(text, ERROR_STEMS) and bool(ERROR.search(text))


@line_rule(reasons.REDIRECT_NOTICE)
def redirect_notice(line):
    """ "Moved Permanently", "The document has moved here.": the text of a redirect response, not a page."""
    text = plain(line)
    return words(text) <= REDIRECT_WORDS and bool(REDIRECT.search(text))


@line_rule(reasons.BROWSER_NOTICE)
def browser_notice(line):
    """ "Your browser is out of date", "Please enable JavaScript": a short notice about the browser."""
    text = plain(line)
    return words(text) <= NOTICE_WORDS and mentions(text, BROWSER_STEMS) and bool(BROWSER.search(text))
