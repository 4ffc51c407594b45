"""Error fragments ("Page not found") and browser-upgrade or JavaScript notices."""

from __future__ import annotations

import re

from . import plain, rule, words

ERROR = re.compile(
    r"^(?:error )?404\b|\bpage (?:not found|introuvable|non trouvée)\b|\b(?:seite|inhalt) nicht gefunden\b|"
    r"\bpágina no (?:encontrada|existe)\b|\bthe (?:page|content|article) you (?:requested|are looking for|were "
    r"looking for)\b|\b(?:does not|doesn't|no longer) exists?\b.{0,40}\b(?:available|moved|removed)\b|"
    r"\bis not available anymore\b|\bno longer available\b|\bhas been (?:removed|deleted|moved)\b|"
    r"\bla page (?:demandée |que vous recherchez )?n'existe (?:pas|plus)\b|\bcontenu (?:demandé )?n'(?:existe|est) "
    r"(?:pas|plus)\b|\bdie (?:angeforderte |gesuchte )?seite (?:existiert nicht|wurde nicht gefunden|ist nicht "
    r"verfügbar)\b|\bla página (?:que buscas |solicitada )?no (?:existe|está disponible)\b|^oops\b|^sorry,? "
    r"(?:the|this|we couldn'?t find)\b",
    re.I,
)
BROWSER = re.compile(
    r"\b(?:no longer supports?|does not support|doesn't support)\b.{0,40}\b(?:internet explorer|browser)\b|"
    r"\b(?:upgrade|update) your browser\b|\b(?:outdated|unsupported|old) browser\b|\byour browser (?:is|does not|"
    r"doesn't|may not)\b|\b(?:enable|activate) javascript\b|\bjavascript (?:is )?(?:disabled|required|turned off)\b|"
    r"\bvotre navigateur\b|\bmettre à jour votre navigateur\b|\bactivez javascript\b|\bihr browser\b|"
    r"\bjavascript aktivieren\b|\baktivieren sie javascript\b|\btu navegador\b|\bactualiza tu navegador\b|"
    r"\bhabilita javascript\b|\bbrowser (?:is not|isn't) supported\b",
    re.I,
)


@rule("error_page")
def error_page(page, i):
    text = plain(page.blocks[i].text)
    return words(text) <= 30 and bool(ERROR.search(text))


@rule("browser_notice")
def browser_notice(page, i):
    text = plain(page.blocks[i].text)
    return words(text) <= 40 and bool(BROWSER.search(text))
