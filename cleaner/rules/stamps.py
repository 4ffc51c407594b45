"""Date and update stamps ("Latest update : 2016-02-02", "Date created : ...", "February 2, 2016", "2 hours ago")
and reading-time labels ("5 min read"), and the blog engine's filing line under a post ("This entry was posted in
News. Bookmark the permalink.")."""

from __future__ import annotations

import re

from .. import reasons
from ..meta.dates import is_date_only
from . import cached, line_rule, plain

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


STAMP_CHARS = 120  # a longer line is a sentence that mentions a date


# Every date that `is_date_only` finds holds a digit (a year or a d.m.yy date), and stamp_parts reads no other.
_DIGIT = re.compile(r"\d")


@cached
def is_date_stamp(text: str) -> bool:
    """ "Date created : 2016-02-02", "Updated 3 hours ago": a line that only states a date."""
    if len(text) > STAMP_CHARS:
        return False
    line = plain(text)
    return _DIGIT.search(line) is not None and stamp_parts(text) is not None or bool(RELATIVE.match(line))


line_rule(reasons.DATE_STAMP, metadata_like=True)(is_date_stamp)


_MINUTES = (
    r"(?:ca\.\s*|about\s*|environ\s*|unos\s*)?\d{1,3}(?:\s*(?:-|to|bis|à|a)\s*\d{1,3})?[\s-]*"
    r"(?:min(?:ute)?s?|minuten|minutos)\.?"
)
# A duration is a reading time only with its label ("Lesezeit: 3 Minuten") or its tail ("5 min read").
READING_TIME = re.compile(
    rf"^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*{_MINUTES}|"
    rf"{_MINUTES}\s*(?:read|reading|reading time|lesezeit|lesen|de lecture|de lectura|lectura))$",
    re.I,
)


@line_rule(reasons.READING_TIME, metadata_like=True)
def reading_time(line):
    """ "5 min read", "Lesezeit: 3 Minuten", "Temps de lecture : 4 min", "Tiempo de lectura: 3 minutos"."""
    text = plain(line)
    return len(text) <= 50 and bool(READING_TIME.match(text))


# A blog engine's line under the post: where it was filed, its tags, and the permalink ("This entry was posted in
# News and tagged rail. Bookmark the permalink.", "Posted in News | Tagged rail | Leave a comment").
POST_META = re.compile(
    r"^(?:this entry was posted|posted in\b.{1,120}\|\s*(?:tagged|leave a comment|\d+ comments?)|"
    r"dieser beitrag wurde\b.{0,60}\b(?:veröffentlicht|abgelegt)|der beitrag wurde am\b.{1,80}\bveröffentlicht|"
    r"veröffentlicht (?:in|unter)\b.{1,120}\|\s*(?:verschlagwortet|schreibe einen kommentar|\d+ kommentare?)|"
    r"ce (?:billet|article) a été publié dans|publié dans\b.{1,120}\|\s*(?:marqué|étiqueté|laisser un commentaire)|"
    r"esta entrada fue publicada en|publicado en\b.{1,120}\|\s*(?:etiquetado|deja un comentario)|"
    r"(?:tags|tagged(?: with)?|filed under|categor(?:y|ies)|schlagw(?:ö|o)rte(?:r)?|kategorien?|markiert(?: mit)?|"
    r"verschlagwortet(?: mit)?|étiquettes|mots-clés|catégories?|etiquetas|categorías?)\s*:\s*[^\s.!?][^.!?]{0,200}$)",
    re.I,
)
POST_META_CHARS = 400


@line_rule(reasons.POST_META, max_chars=POST_META_CHARS)
def post_meta(text):
    """ "Posted in News | 3 Comments", "Filed under": a blog's filing line."""
    return bool(POST_META.match(plain(text)))
