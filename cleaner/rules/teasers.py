"""Teaser lists: "Read more", "Don't miss", "Related" labels and the lists of titles they come with."""

from __future__ import annotations

import re

from .. import reasons
from ..lines import CLAUSE_END
from ..lines import title_like as title_like_length
from . import cached, line_rule, phrases, plain, rule, words

# A label that follows each teaser title ("Title / Read more").
MORE_LINK = phrases(
    r"read (?:the )?(?:more|full (?:story|article))",
    r"continue reading",
    r"(?:view|see) (?:more|all)",
    r"more",
    r"lire (?:la suite|plus|l'article)",
    r"en savoir plus",
    r"weiterlesen|mehr lesen|zum artikel|mehr erfahren|mehr anzeigen",
    r"leer más|seguir leyendo|ver más|leer (?:el )?artículo",
)

# A label that heads a list of teaser titles.
LIST_HEADER = phrases(
    r"don'?t miss|do not miss|must read|editor'?s (?:picks|choice)|top stories|in case you missed it",
    r"related(?: articles?| stories| news| content| posts| coverage| topics| links| videos| reading)?",
    r"more (?:stories|news|articles|videos|headlines|on this (?:story|topic))(?: from [\w .'-]{1,30})?",
    r"more (?:from|in|on) [\w .'-]{1,30}",
    r"most (?:read|popular|viewed|shared|emailed|watched)(?: articles| stories| now)?",
    r"recommended(?: for you| stories| articles| reading)?|trending(?: now| stories)?|popular(?: now| stories)?",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|also read|see also|further reading",
    r"what to read next|latest (?:news|stories|headlines|articles)|up next|read next|next story",
    r"(?:à )?lire (?:aussi|également)|voir aussi|sur le même (?:sujet|thème)|les plus (?:lus|partagés|commentés)",
    r"à ne pas manquer|articles? (?:similaires|liés|recommandés)|dans la même rubrique|nos dernières actualités",
    r"lesen sie (?:auch|mehr)|auch interessant|das könnte sie (?:auch )?interessieren|meistgelesen(?:e artikel)?",
    r"am meisten gelesen|ähnliche artikel|verwandte (?:artikel|themen)|mehr zum thema|siehe auch|top-themen",
    r"(?:lee|lea) también|te puede interesar|le puede interesar|(?:también )?te (?:puede|podría) interesar",
    r"noticias relacionadas|artículos relacionados|lo más (?:leído|visto)|más (?:leídas|vistas|noticias)",
    r"relacionad[oa]s?|no te pierdas",
    r"(?:ähnliche|empfohlene|weitere|verwandte) (?:beiträge|artikel)|mehr zum thema(?: (?:auf|bei) [\w .'-]{1,30})?",
    r"das könnte dich (?:auch )?interessieren|passend zum thema",
    r"leggi anche|articoli correlati|(?:ti )?potrebbe(?:ro)? interessarti|i più letti|potrebbe interessarti anche",
    r"lees ook|gerelateerde artikelen|meest gelezen|ook interessant",
    r"leia também|veja também|(?:artigos|notícias) relacionad[ao]s|mais lidas",
    r"zobacz (?:też|również|także)|czytaj (?:też|także|również)|polecane(?: artykuły)?|najczęściej czytane",
    r"(?:podobne|powiązane) artykuły",
    r"beliebte (?:beiträge|artikel)(?: zum thema)?|mehr (?:aus|von) [\w .'-]{1,30}|explore further",
    r"weiterführende links|verwandte themen(?:bereiche)?|meist gelesen|lesen sie auch die folgenden beiträge|"
    r"weitere beiträge(?: aus [\w .'-]{1,30})?|temas relacionados|mir(?:á|a) también|otras noticias|polecamy|"
    r"więcej informacji",
)


@cached
def is_more_link(text: str) -> bool:
    return bool(MORE_LINK.match(plain(text)))


@cached
def is_list_header(text: str) -> bool:
    return bool(LIST_HEADER.match(plain(text)))


@line_rule(reasons.TEASER_LABEL)
def teaser_label(text):
    """ "Read more", "Related stories", "Don't miss": the label over a list of other articles."""
    return is_more_link(text) or is_list_header(text)


# A sentence ends inside the line: after a lower-case word, so not "vs. Reality", "Mt. Fuji" or "U.S. Army".
_INNER_SENTENCE_END = re.compile(r"[a-zà-ÿ]{3}[.!?]\s+[A-ZÀ-Ý]")
_FIRST_WORD = re.compile(r"[^\W_][\w'’-]*")
_BYLINE = re.compile(r"^(?:by|par|von|por)\s+\S+(?:\s+\S+){0,3}$", re.I)


@cached
def title_like(text: str) -> bool:
    """A short line that reads as a title: a few words, capitalised ("iPhone" counts), one sentence at most,
    no sentence-ending period."""
    text = plain(text)
    if not (title_like_length(words(text)) and len(text) <= 160) or CLAUSE_END.search(text):
        return False
    if _INNER_SENTENCE_END.search(text):
        return False
    if _BYLINE.match(text):  # "By REUTERS", "Von Anna Schmidt": a byline, not a title
        return False
    first = _FIRST_WORD.search(text)
    return first is None or first.group(0)[0].isdigit() or any(c.isupper() for c in first.group(0))


@rule(reasons.TEASER_LIST)
def teaser_list(page, i):
    """A title that a "Read more" follows, or a run of titles under a list header ("Don't miss", "Related").

    A title followed by the article (a long paragraph, maybe after a caption or date) is the headline, not a
    teaser, so a run under a header stops there.
    """
    if not page.once(_near_cue)[i]:
        return False
    blocks = page.blocks
    if not title_like(blocks[i].text) or is_more_link(blocks[i].text) or is_list_header(blocks[i].text):
        return False
    if i + 1 < len(blocks) and is_more_link(blocks[i + 1].text):
        return True
    # Walk back over the run of titles (and their "Read more" labels) to a list header, at most RUN_BACK lines.
    j = page.once(_RunStops).before(i)
    if j < max(0, i - RUN_BACK) or not is_list_header(blocks[j].text):
        return False
    return _article_before(page, j) or _continues_list(page, i)


RUN_BACK = 40


def _near_cue(page) -> list[bool]:
    """Per block: whether a "Read more" follows it or a list header stands at most RUN_BACK lines above it. A
    title is a teaser only then (the two ways `teaser_list` can answer yes), so most blocks need no more look."""
    texts = [b.text for b in page.blocks]
    near, header = [], -1  # the last list header above
    for i, text in enumerate(texts):
        near.append(i + 1 < len(texts) and is_more_link(texts[i + 1]) or header >= max(0, i - RUN_BACK))
        if is_list_header(text):
            header = i
    return near


class _RunStops:
    """Where the walk back from a block stops: the nearest line above it that is a list header or no teaser line
    (a title, a "Read more", a teaser's byline or date), or -1. Filled from the top as blocks ask, so each line
    is judged once per page, not once per title below it."""

    def __init__(self, page) -> None:
        self.blocks = page.blocks
        self.stops: list[int] = []

    def before(self, i: int) -> int:
        stops = self.stops
        for j in range(len(stops), i):
            text = self.blocks[j].text
            stop = is_list_header(text) or not (title_like(text) or is_more_link(text) or _teaser_detail(text))
            stops.append(j if stop else stops[j - 1] if j else -1)
        return stops[i - 1] if i else -1


@cached
def _teaser_detail(text: str) -> bool:
    """A teaser's byline or date between the titles of a list ("By Anna Schmidt", "March 5, 2026")."""
    from .stamps import is_date_stamp

    return bool(_BYLINE.match(plain(text))) or is_date_stamp(text)


ARTICLE_WORDS = 20  # a kept line this long is article text


def _article_before(page, j):
    """A list header after article text heads a teaser box inside or after the article, not the page's top."""
    return page.once(_first_article_line) < j


def _first_article_line(page) -> int:
    return next((k for k, b in enumerate(page.blocks) if words(b.text) >= ARTICLE_WORDS), len(page.blocks))


_FURNITURE_BETWEEN = 3  # captions, credits and date stamps that may stand between a headline and its article


def _continues_list(page, i):
    """True unless the article starts right after block i (then block i is a headline or subheading)."""
    from .captions import is_caption_line
    from .stamps import is_date_stamp

    blocks = page.blocks
    for j in range(i + 1, min(len(blocks), i + 2 + _FURNITURE_BETWEEN)):
        text = blocks[j].text
        if is_caption_line(text) or is_date_stamp(text) or _teaser_detail(text):
            continue
        return title_like(text) or is_more_link(text) or is_list_header(text)
    return True


# A link to another story set into the article: a "read also" label, a colon, the story's title ("Read more:
# Looted colonial art returns", "Lea también: ...", "À lire aussi : ..."), in the languages of LIST_HEADER.
INLINE_TEASER = re.compile(
    r"^\W{0,3}(?:(?:read|see) (?:also|more|next)|also read|related(?: story| article)?|more on this(?: story)?|"
    r"(?:à )?lire (?:aussi|également)|(?:à )?voir aussi|lesen sie (?:auch|mehr)|auch lesen|mehr dazu|lesetipp|"
    r"siehe auch|lea (?:también|más)|lee también|le puede interesar|te puede interesar|puedes ver|"
    r"ver también|también puede leer|leia (?:também|mais)|veja também|leggi anche|czytaj (?:też|także|więcej)|"
    r"zobacz (?:też|również)|lees (?:ook|meer))\s*[:>|»–—-]+\s*(?P<title>\S.*)$",
    re.I,
)
LINKED_TITLE_WORDS = 25  # the title after a link's label; a longer rest is a sentence that starts with the label


def _label_and_title(pattern: re.Pattern[str], text: str) -> bool:
    """The line is `pattern`'s label, then (if the pattern allows none, maybe) a title of a story's length."""
    match = pattern.match(plain(text))
    return match is not None and words(match.group("title") or "") <= LINKED_TITLE_WORDS


@line_rule(reasons.INLINE_TEASER)
def inline_teaser(line):
    """ "Read more: <title>", "See also: <title>": a link to another article inside the text."""
    return _label_and_title(INLINE_TEASER, line)


# The links to the site's previous and next post under an article ("← Previous post: Title", "Next article Title
# →", "Vorheriger Beitrag Title", "Article suivant Title"), or the bare labels.
POST_NAVIGATION = re.compile(
    r"^(?:[←«‹<]\s*)?(?:(?:previous|next|older|newer) (?:post|article|story|entry)|(?:previous|next)\s*:|"
    r"(?:vorherige[rs]?|nächste[rs]?|älterer|neuerer) (?:beitrag|artikel|eintrag)|"
    r"(?:article|billet) (?:précédent|suivant)|(?:entrada|artículo|publicación|nota) (?:anterior|siguiente))"
    r"(?:\s*[:\-–—»›>]?\s*(?P<title>.*))?$",
    re.I,
)


@line_rule(reasons.POST_NAVIGATION)
def post_navigation(line):
    """ "← Previous post: <title>", "Next article": the links to the neighbouring posts."""
    return _label_and_title(POST_NAVIGATION, line)
