"""Share and social prompts ("Share :", "Share on Facebook", "Follow us", rows of network names), and the page's
own buttons around the article (print, rate, comment) and its comment form."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, phrases, plain, words

NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|email|e-mail|mail|print|copy link|"
    r"copy|messenger|flipboard|instagram|youtube|tiktok|threads|bluesky|mastodon|xing|tumblr|sms|imprimer|"
    r"drucken|imprimir|correo|comments?|kommentare?|commentaires?|comentarios?|link kopieren|copier le lien|"
    r"copiar enlace|e-mail senden|envoyer par e-mail|enviar por correo"
)
_NETWORK = rf"(?:{NETWORKS})"
SHARE = phrases(
    r"share(?: this)?(?: article| story| page| post| video| gallery)?",
    rf"share(?: this)?(?: article| story| page| post| video)? (?:on|via|with|to|by) (?:{NETWORKS}|a friend|friends)",
    rf"(?:click to )?share on {_NETWORK}|tweet(?: this)?|pin it|send by email|send to a friend|email this",
    r"follow us(?: on [\w ,&]{2,60})?",
    rf"partager(?: sur {_NETWORK}| cet article| l'article| par e-mail)?|partagez(?: cet article)?|"
    r"suivez-nous(?: sur [\w ,]{2,60})?",
    rf"(?:artikel |beitrag )?teilen(?: auf {_NETWORK}| per {_NETWORK})?|auf {_NETWORK} teilen|"
    r"folgen sie uns(?: auf [\w ,]{2,60})?|jetzt teilen|teilen sie dies mit|teile dies mit",
    rf"compartir(?: en {_NETWORK}| este artículo| artículo| por {_NETWORK})?|comparte(?: este artículo)?|"
    r"síguenos(?: en [\w ,]{2,60})?",
)
# A row of networks, each maybe with its prompt: "Facebook Twitter Email", "Share on Facebook Share on X Email".
_NETWORK_ROW = re.compile(
    rf"^(?:(?:share (?:on|via) |partager sur |teilen auf |compartir en )?{_NETWORK}\b[\s|,•·/]*)+$", re.I
)
_COUNT = re.compile(r"^\d[\d.,]*\s*(?:k|m)?\s*(?:shares?|likes?|partages?)$", re.I)
# "3 comments", "Comments (12)", "No comments", "12 Kommentare": how many readers commented, not a share button.
_COMMENTS = r"(?:comments?|kommentare?|comentarios?|commentaires?|réactions?|reactions?)"
COMMENT_COUNT = re.compile(
    rf"^(?:(?:\d[\d.,]*|no|one|zero|keine|aucun|sin)\s*{_COMMENTS}|{_COMMENTS}\s*[(\[:]?\s*\d[\d.,]*\s*[)\]]?)"
    r"\s*[»›>]?$",
    re.I,
)
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")


@line_rule(reasons.COMMENT_COUNT)
def comment_count(text):
    """ "3 comments", "Comments (12)", "No comments": how many readers commented."""
    return bool(COMMENT_COUNT.match(plain(text)))


@line_rule(reasons.SHARE_PROMPT)
def share_prompt(raw):
    """ "Share this:", "Facebook Twitter Email", "12 shares": a row of sharing buttons or counts."""
    text = plain(raw)
    if SHARE.match(text) or _COUNT.match(text):
        return True
    # A numbered "1. Facebook" is an article's list of networks; share bars are not numbered.
    return words(text) <= 12 and not _NUMBERED.match(raw) and bool(_NETWORK_ROW.match(text))


# A page's own buttons and prompts around the article: print it, rate it, comment on it, jump to its recipe.
PAGE_ACTION = phrases(
    r"(?:print|drucken|imprimer|imprimir|stampa|drukuj)(?: this)?(?: article| page| recipe| story)?",
    r"print (?:this )?(?:article|page|recipe)|(?:jump|skip) to recipe(?:\s*print recipe)?|print recipe",
    r"(?:artikel|seite|rezept|beitrag) drucken|rezept drucken(?: bei pinterest speichern)?|"
    r"imprimer (?:l'article|la page|la recette)|imprimir (?:artículo|página|receta)",
    r"was this (?:article|page|post|information) (?:helpful|useful)\??|did you find this (?:article )?helpful\??",
    r"(?:war|ist) (?:der|dieser|dies(?:er)? artikel) (?:artikel |beitrag )?(?:hilfreich|nützlich)\??|"
    r"cet article vous a-t-il (?:été )?utile ?\??|¿?(?:te|le) (?:ha )?(?:sido|resultó) útil(?: este artículo)?\??",
    r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen\??|artikel (?:bewerten|merken)",
    r"(?:add|post|write|leave) a (?:comment|reply)|kommentar (?:hinzufügen|schreiben|verfassen)|"
    r"(?:ajouter|laisser|écrire) un commentaire|(?:añadir|deja|dejar|escribir) (?:un )?comentario|"
    r"lascia un commento|dodaj komentarz",
    r"(?:view|show|read) (?:all )?comments(?: \(\d+\))?|vos réactions(?: \(\d+\))?|kommentieren sie hier|"
    r"kommentare anzeigen|ver comentarios",
    r"bild (?:anzeigen|schließen|vergrößern)(?: bild (?:anzeigen|schließen))?|zum rezept(?: drucken)?(?: pinnen)?|"
    r"(?:download|save) (?:this |the )?(?:article |page )?as (?:a )?pdf|(?:als|dieses [\w-]+ als) pdf herunterladen|"
    r"télécharger (?:l'article )?en pdf|descargar (?:en|como) pdf",
    r"mit freunden teilen|kommentieren sie|dołącz do dyskusji|udostępnij(?: na \w+)?(?: \(\d+\))?|"
    r"zurück zur vorherigen seite|back to the previous page",
    r"inhaltsverzeichnis|table of contents|sommaire|índice|spis treści",
)


@line_rule(reasons.PAGE_ACTION)
def page_action(text):
    """ "Print this article", "Rate this recipe", "Jump to recipe": the page's own buttons."""
    return bool(PAGE_ACTION.match(plain(text)))


# The comment form under a post, as blog engines word it (WordPress's own strings, in EN/DE/FR/ES).
COMMENT_FORM = re.compile(
    r"^(?:your e-?mail(?: address)? will not be published|required fields are marked|save my name,? e-?mail|"
    r"this site uses akismet|leave a (?:reply|comment)\s+cancel reply|you must be logged in to post a comment|"
    r"notify me of (?:follow-up comments|new posts)|"
    r"(?:deine|ihre) e-?mail-adresse wird nicht veröffentlicht|erforderliche felder sind|"
    r"meinen namen,? (?:meine )?e-?mail|diese website verwendet akismet|schreibe einen kommentar\s+antworten "
    r"abbrechen|du musst angemeldet sein, um einen kommentar|benachrichtige mich über|"
    r"votre adresse (?:e-?mail|de messagerie|électronique) ne sera pas publiée|les champs obligatoires sont indiqués|"
    r"enregistrer mon nom,? mon e-?mail|ce site utilise akismet|laisser un commentaire\s+annuler la réponse|"
    r"vous devez être connecté pour publier|tu (?:dirección de )?correo(?: electrónico)? no será publicad|"
    r"los campos obligatorios están marcados|guarda mi nombre,? correo|este sitio usa akismet|"
    r"deja una respuesta\s+cancelar (?:la )?respuesta|debes (?:haber iniciado sesión|estar registrado) para)",
    re.I,
)


@line_rule(reasons.COMMENT_FORM)
def comment_form(text):
    """ "Your email address will not be published": the comment form under a post."""
    return bool(COMMENT_FORM.match(plain(text)))
