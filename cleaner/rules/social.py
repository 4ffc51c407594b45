"""Share and social prompts: "Share :", "Share on Facebook", "Follow us", rows of network names."""

from __future__ import annotations

import re

from . import phrases, plain, rule, words

NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|email|e-mail|mail|print|copy link|"
    r"copy|messenger|flipboard|instagram|youtube|tiktok|threads|bluesky|mastodon|xing|tumblr|sms|imprimer|"
    r"drucken|imprimir|correo|comments?|kommentare?|commentaires?|comentarios?"
)
SHARE = phrases(
    r"share(?: this)?(?: article| story| page| post| video)?(?: on| via| with)?(?: [\w ]{0,30})?",
    r"(?:click to )?share on [\w ]{2,30}|tweet(?: this)?|pin it|send by email|send to a friend",
    r"follow us(?: on [\w ,&]{2,60})?|partager(?: sur [\w ]{2,30}| cet article| l'article)?|partagez(?: cet article)?",
    r"(?:artikel |beitrag )?teilen(?: auf [\w ]{2,30}| per [\w-]{2,20})?|auf [\w ]{2,20} teilen",
    r"folgen sie uns[\w ]{0,30}|suivez-nous(?: sur [\w ,]{2,60})?",
    r"compartir(?: en [\w ]{2,30}| este artículo| artículo)?|síguenos(?: en [\w ,]{2,60})?",
)
_NETWORK_ROW = re.compile(rf"^(?:(?:{NETWORKS})\b[\s|,•·/]*)+$", re.I)
_COUNT = re.compile(r"^\d[\d.,]*\s*(?:k|m)?\s*(?:shares?|comments?|likes?|partages?|kommentare?|comentarios?)$", re.I)


@rule("share_prompt")
def share_prompt(page, i):
    text = plain(page.blocks[i].text)
    if SHARE.match(text) or _COUNT.match(text):
        return True
    return words(text) <= 12 and bool(_NETWORK_ROW.match(text))
