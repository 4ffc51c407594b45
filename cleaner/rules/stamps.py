"""Date and update stamps: "Latest update : 2016-02-02", "Date created : ...", "February 2, 2016", "2 hours ago"."""

from __future__ import annotations

import re

from ..meta.dates import is_date_only
from . import cached, plain, rule

STAMP_LABEL = re.compile(
    r"^(?P<label>latest update|last updated?(?: on)?|last modified(?: on)?|updated(?: on| at)?|update|"
    r"published(?: on| at)?|first published(?: on)?|posted(?: on| at)?|date created|created(?: on)?|dated?|"
    r"publié(?: le)?|mis à jour(?: le)?|dernière mise à jour(?: le)?|modifié le|créé le|date de (?:création|"
    r"publication)|veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|stand|erstellt(?: am)?|"
    r"datum|publicado(?: el)?|actualizado(?: el)?|última actualización|fecha(?: de publicación)?|creado(?: el)?)"
    r"\s*[:.,\-–|]?\s*(?P<rest>.+)$",
    re.I,
)
RELATIVE = re.compile(
    r"^(?:(?:updated|published|posted|aktualisiert|publié|actualizado)\s+)?(?:"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|"
    r"il y a \d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois)|"
    r"vor \d+\s+(?:sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?)|"
    r"hace \d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses?)|"
    r"just now|yesterday|today|gestern|heute|hier|ayer|hoy)$",
    re.I,
)


def stamp_parts(text: str) -> tuple[str | None, str] | None:
    """(label, date text) when the line is a date stamp, else None. A bare date has label None."""
    text = plain(text)
    match = STAMP_LABEL.match(text)
    if match and is_date_only(match.group("rest")):
        return match.group("label").lower(), match.group("rest")
    if is_date_only(text):
        return None, text
    return None


@cached
def is_date_stamp(text: str) -> bool:
    return stamp_parts(text) is not None or bool(RELATIVE.match(plain(text)))


@rule("date_stamp")
def date_stamp(page, i):
    return is_date_stamp(page.blocks[i].text)
