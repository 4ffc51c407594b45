"""Advertising labels."""

from __future__ import annotations

from .. import reasons
from . import line_rule, phrases, plain

ADVERTISING = phrases(
    r"advertising|advertisement|advertisements|advert|ads?|sponsored(?: content| links?| stories| by [\w .&'-]{1,40})?",
    r"paid (?:content|post|partnership)|partner content|promoted(?: content| stories)?",
    r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading below",
    r"advertisement ?[-–—:] ?scroll to continue|scroll to continue with content|ad feedback|report (?:this )?ad",
    r"close ad|skip ad|remove ads|ad-free",
    r"publicité|pub|contenu (?:sponsorisé|partenaire)|sponsorisé|annonce|"
    r"(?:la )?suite (?:de l'article )?après (?:cette |la )?(?:publicité|annonce)",
    r"anzeige|werbung|gesponsert|sponsored by|(?:artikel|text) (?:wird )?(?:geht )?(?:nach|unter) der anzeige "
    r"(?:fortgesetzt|weiter)|weiter nach der anzeige|weiterlesen nach der anzeige",
    r"publicidad|patrocinado|contenido patrocinado|publicación patrocinada|anuncio|"
    r"(?:sigue leyendo|continúa|la noticia continúa) (?:después|debajo) del anuncio",
    r"reklama|pubblicità|publicidade|advertentie",
)


@line_rule(reasons.ADVERTISING_LABEL)
def advertising_label(text):
    """ "Advertisement", "Anzeige", "Publicité": the label over an advertisement."""
    return bool(ADVERTISING.match(plain(text)))
