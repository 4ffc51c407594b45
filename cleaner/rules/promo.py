"""Newsletter, app and subscription promotions."""

from __future__ import annotations

import re

from . import phrases, plain, rule, words

NEWSLETTER_LABEL = phrases(
    r"(?:daily |weekly |free |our |the )?newsletters?(?: sign[- ]up)?",
    r"sign up(?: now| here| today)?|subscribe(?: now| here| today)?|s'abonner|abonnieren|suscribirse|suscríbete",
    r"(?:get|receive) (?:our|the) [\w ]{0,30}newsletter",
)
NEWSLETTER = re.compile(
    r"\b(?:sign up (?:for|to)|subscribe to|get|receive)\b.{0,60}\b(?:newsletters?|inbox|e-?mail updates|briefing)\b|"
    r"\bnewsletters?\b.{0,80}\b(?:sign up|subscribe|inbox|every (?:morning|day|week)|delivered)\b|"
    r"\b(?:receive|get)\b.{0,60}\bevery (?:morning|day|week|evening)\b|"
    r"\b(?:abonnez-vous|inscrivez-vous)\b.{0,60}\b(?:newsletter|lettre)\b|\bnewsletter\b.{0,60}\b(?:abonnieren|"
    r"anmelden|bestellen)\b|\b(?:suscríbete|suscribirse|regístrate)\b.{0,60}\b(?:newsletter|boletín)\b",
    re.I,
)
APP = re.compile(
    r"\b(?:download|get|install|try)(?:ing)? (?:the|our|the free)? ?[\w' ]{0,30}\bapps?\b|"
    r"\bavailable on (?:the )?(?:app store|google play)\b|\b(?:app store|google play)\b.{0,40}\b(?:google play|"
    r"app store)\b|\btéléchargez (?:l'|notre )?appli(?:cation)?\b|\bapp (?:herunterladen|laden|installieren)\b|"
    r"\bunsere app\b|\bdescarga(?:r)? (?:la|nuestra) app\b",
    re.I,
)
SUBSCRIPTION = re.compile(
    r"^(?:already a subscriber\?|subscribe (?:now|today)|subscribers? only|log ?in|sign ?in|register|"
    r"become a (?:member|subscriber)|support (?:our|independent) journalism|this (?:article|content) is "
    r"(?:only )?(?:available|reserved) (?:to|for) subscribers|déjà abonné|abonnez-vous|bereits abonnent\?|"
    r"jetzt abonnieren|plus-artikel|ya soy suscriptor|suscríbete)\b",
    re.I,
)


@rule("newsletter_promo")
def newsletter_promo(page, i):
    text = plain(page.blocks[i].text)
    return bool(NEWSLETTER_LABEL.match(text)) or words(text) <= 30 and bool(NEWSLETTER.search(text))


@rule("app_promo")
def app_promo(page, i):
    text = plain(page.blocks[i].text)
    return words(text) <= 30 and bool(APP.search(text))


@rule("subscription_prompt", score=0.9)
def subscription_prompt(page, i):
    text = plain(page.blocks[i].text)
    return words(text) <= 25 and bool(SUBSCRIPTION.match(text))
