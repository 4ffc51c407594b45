"""Newsletter, app and subscription promotions."""

from __future__ import annotations

import re

from .. import reasons
from . import line_rule, mentions, phrases, plain, stems, words

NEWSLETTER_LABEL = phrases(
    r"(?:daily |weekly |free |our |the )?newsletters?(?: sign[- ]up)?",
    r"(?:the |our )?(?:morning|evening|daily|weekly|weekend) (?:briefing|digest|newsletter)",
    r"sign up(?: now| here| today| for free)?|subscribe(?: now| here| today| for free)?",
    r"(?:get|receive) (?:our|the) [\w ]{0,30}newsletter|sign up for (?:our |the )?[\w ]{0,30}newsletter",
    r"(?:notre |la )?newsletter(?: quotidienne| hebdomadaire)?|s'abonner(?: à la newsletter)?|s'inscrire",
    r"inscrivez-vous|abonnez-vous à (?:notre|la) newsletter|recevoir la newsletter",
    r"(?:unser |der )?newsletter(?: abonnieren| bestellen)?|zum newsletter anmelden",
    r"(?:nuestro |el )?(?:boletín|newsletter)(?: diario| semanal)?|suscribirse|suscríbete|regístrate",
)
NEWSLETTER = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to)|subscribe to|get|receive)\b.{0,60}\b(?:newsletters?|briefing|e-?mail updates)\b|"
    r"[?!.]\s+sign up(?: now| here| today)?[.!]?$|\bfree sign[- ]up$|"
    r"\b(?:newsletters?|briefing)\b.{0,60}\b(?:in|to) your inbox\b|"
    r"\bsign up\b.{0,60}\b(?:delivered|sent) (?:straight )?to your inbox\b|"
    r"^(?:receive|get)\b.{0,60}\b(?:news|headlines|stories|briefing)\b.{0,30}\bevery (?:morning|day|week|evening)\b|"
    r"\b(?:abonnez-vous|inscrivez-vous)\b.{0,60}\b(?:newsletter|lettre d'information)\b|"
    r"\brecevez\b.{0,60}\b(?:newsletter|l'essentiel de l'actualité)\b|"
    r"\bnewsletter\b.{0,60}\b(?:abonnieren|anmelden|bestellen)\b|\b(?:melden sie sich|abonnieren sie)\b.{0,60}"
    r"\bnewsletter\b|\b(?:suscríbete|suscribirse|regístrate|recibe)\b.{0,60}\b(?:newsletter|boletín)\b",
    re.I,
)
_APP = r"(?:apps?|appli|application|aplicación)"
APP = re.compile(
    rf"\b(?:download|install)(?:ing)? (?:the|our)(?: free)? [\w' ]{{0,25}}\b{_APP}\b|"
    rf"\bget (?:the|our)(?: free)? [\w' ]{{0,25}}\b{_APP} (?:on|for|from|now|today)\b|"
    r"\b(?:available|get it|download it) on (?:the )?(?:app store|google play)\b|"
    r"\b(?:app store|google play)\b.{0,20}\b(?:and|or|&|/)\b.{0,10}\b(?:google play|app store)\b|"
    r"\btéléchargez (?:l'|notre |gratuitement l')?appli(?:cation)?\b|"
    r"\b(?:app|anwendung) (?:herunterladen|laden|installieren)\b|\blade(?:n sie)? (?:die|unsere) [\w-]{0,20}\s?app\b|"
    r"\bunsere (?:news-)?app\b|\bdescarga(?:r|te)? (?:la|nuestra) (?:app|aplicación)\b",
    re.I,
)
SUBSCRIPTION = phrases(
    r"already a subscriber\??(?: (?:log|sign) in)?|subscribe (?:now|today)|subscribers? only|log ?in|sign ?in|"
    r"register|log ?in(?: / | or )register|sign in(?: / | or )register|become a (?:member|subscriber)|"
    r"support (?:our|independent) journalism|subscribe to continue reading|create (?:a free|an) account",
    r"déjà abonné ?\??(?: (?:se connecter|connectez-vous|je me connecte))?|abonnez-vous|je m'abonne|"
    r"se connecter|connexion|réservé aux abonnés|article réservé aux abonnés",
    r"bereits abonnent\??(?: (?:jetzt |hier )?(?:anmelden|einloggen))?|jetzt abonnieren|plus-artikel|anmelden|"
    r"einloggen|registrieren|abo abschließen|exklusiv für abonnenten",
    r"ya soy suscriptor|¿?ya eres suscriptor\??(?: inicia sesión)?|suscríbete|iniciar sesión|inicia sesión|"
    r"regístrate|exclusivo para suscriptores|contenido exclusivo para suscriptores",
)
PAYWALL = re.compile(
    r"^(?:this (?:article|content|story) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)|"
    r"if you (?:enjoyed|liked|value|appreciate)\b.{0,80}\b(?:support|donat|subscrib)\w*|"
    r"wenn (?:ihnen|dir) (?:unser|dieser) (?:artikel|beitrag) gefallen hat|vous avez lu \d+ des? \d+ articles|"
    r"pour lire la suite|(?:jetzt |hier )?kostenlos (?:anmelden|registrieren)|"
    r"(?:to (?:view|read|continue reading) the full (?:story|article),? )?(?:please )?subscribe\b.{0,60}\bfull "
    r"(?:story|article)|if you(?:'|’)re (?:seeing this message but you(?:'|’)re )?already a subscriber|"
    r"(?:cet article|ce contenu) est réservé aux abonnés|dieser (?:artikel|inhalt) ist (?:nur )?für abonnenten|"
    r"(?:este artículo|este contenido) es (?:exclusivo )?para suscriptores)\b",
    re.I,
)
PROMO_WORDS = 30
NEWSLETTER_STEMS = stems(
    "newsletter",
    "briefing",
    "inbox",
    "e-mail updates",
    "email updates",
    "every",
    "lettre",
    "boletín",
    "l'essentiel",
    "sign up",
    "sign-up",
)
APP_STEMS = stems("app", "google play")


@line_rule(reasons.NEWSLETTER_PROMO)
def newsletter_promo(line):
    """ "Sign up for our newsletter": a short prompt to subscribe to e-mails."""
    text = plain(line)
    if NEWSLETTER_LABEL.match(text):
        return True
    return words(text) <= PROMO_WORDS and mentions(text, NEWSLETTER_STEMS) and bool(NEWSLETTER.search(text))


@line_rule(reasons.APP_PROMO)
def app_promo(line):
    """ "Download our app": a short prompt to install the site's app."""
    text = plain(line)
    return words(text) <= PROMO_WORDS and mentions(text, APP_STEMS) and bool(APP.search(text))


@line_rule(reasons.SUBSCRIPTION_PROMPT, score=0.9)
def subscription_prompt(line):
    """ "Subscribe now", "This article is for subscribers": a paywall or subscription prompt."""
    text = plain(line)
    return bool(SUBSCRIPTION.match(text)) or words(text) <= 25 and bool(PAYWALL.match(text))


# "This post contains affiliate links", "As an Amazon Associate we earn from qualifying purchases", "If you buy
# through our links, we may earn a commission", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision": the
# site's note on what its links earn it, the same on every page. An article that discusses affiliate links or
# commissions is not one (no "we" earn, no "this post" contains).
DISCLOSURE = re.compile(
    r"\bas an amazon (?:associate|affiliate)\b|\bearns? from qualifying purchases\b|"
    r"\b(?:this|the|our|my) (?:post|article|page|site|website|blog|review|guide|story|content|list|video)s?\b"
    r"[^.]{0,60}\b(?:contains?|includes?|uses?|has|features?|may contain|may include)\b[^.]{0,30}\baffiliate\b|"
    r"\b(?:we|i)(?: also)?(?: may| might| do)?(?: also)? use (?:some )?affiliate links\b|"
    r"\b(?:we|i|us)(?: may| might| could| will| would| can)? (?:earn|receive|get|make|be paid)s? (?:a |an )?"
    r"(?:small |tiny )?(?:affiliate )?(?:commissions?|kickback|percentage|share of)\b|"
    r"\bwe earn (?:a )?commissions?\b|\b(?:contains|uses) affiliate links\b|"
    r"\b(?:erhält|erhalten|bekommt|bekommen|verdienen|verdient)\b.{0,60}\bprovision\b|"
    r"\b(?:affiliate|partner|werbe|provisions)-?links?\b[^.]{0,40}\b(?:versehen|gekennzeichnet|markiert)\b|"
    r"\bliens? (?:affiliés?|d'affiliation)\b|\bnous (?:percevons|touchons|recevons|pouvons recevoir) une "
    r"(?:petite )?commission\b|\benlaces? de afiliad[oa]s?\b|\b(?:recibimos|podemos recibir|ganamos) una "
    r"(?:pequeña )?comisión\b",
    re.I,
)
DISCLOSURE_WORDS = 80
DISCLOSURE_STEMS = stems(
    "affiliate", "commission", "provision", "qualifying purchases", "kickback", "afiliad", "comisión", "affili"
)


@line_rule(reasons.AFFILIATE_DISCLOSURE, score=0.9)
def affiliate_disclosure(line):
    """ "As an Amazon Associate we earn from qualifying purchases": the site's note on what its links earn."""
    text = plain(line)
    return words(text) <= DISCLOSURE_WORDS and mentions(text, DISCLOSURE_STEMS) and bool(DISCLOSURE.search(text))
