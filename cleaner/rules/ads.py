"""Advertising labels."""

from __future__ import annotations

from . import phrases, plain, rule

ADVERTISING = phrases(
    r"advertising|advertisement|advertisements|advert|ads?|sponsored(?: content| links?| stories| by [\w .&'-]{1,40})?",
    r"paid (?:content|post|partnership)|partner content|promoted(?: content| stories)?|promotion",
    r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading below",
    r"publicité|pub|contenu sponsorisé|annonce|anzeige|werbung|gesponsert|sponsored by|publicidad|patrocinado",
    r"contenido patrocinado|publicación patrocinada|ad feedback|report (?:this )?ad|close ad|skip ad",
)


@rule("advertising_label")
def advertising_label(page, i):
    return bool(ADVERTISING.match(plain(page.blocks[i].text)))
