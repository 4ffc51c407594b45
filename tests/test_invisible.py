"""Soft hyphens and zero-width characters leave the body and the metadata, so a search for a word the page shows
finds it; joiners stay where a script needs them (issue 23, item 11)."""

from cleaner import Cleaner
from cleaner.invisible import strip_invisible

cleaner = Cleaner()
SENTENCE = (
    "Der Fußballverein der Stadt hat am Dienstag mitgeteilt, dass das neue Stadion im Frühjahr eröffnet wird, "
    "nach zwei Jahren Bauzeit und einem langen Streit über die Kosten des Projekts."
)


def _page(headline: str, paragraph: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        + f"<p>{paragraph}</p>" * 4
        + "</article></body></html>"
    )


def test_soft_hyphens_and_zero_width_spaces_leave_an_html_page():
    hidden = SENTENCE.replace("Fußballverein", "Fuß\u00adball&shy;ver&#8203;ein").replace("Stadion", "Sta\u200bdion")
    article = cleaner.clean(_page("Neues Sta&shy;dion er\u00adöffnet", hidden))
    assert SENTENCE in article.body
    assert article.headline == "Neues Stadion eröffnet"
    assert not any(char in article.body for char in "\u00ad\u200b\u2060\ufeff")


def test_soft_hyphens_leave_a_text_page():
    text = "Neues Stadion er\u00adöffnet\n\n" + "\n\n".join([SENTENCE.replace("Stadion", "Sta\u00addion")] * 3)
    article = cleaner.clean(text, mode="text")
    assert SENTENCE in article.body and "\u00ad" not in article.body


def test_joiners_stay_where_the_script_needs_them():
    persian = "می\u200cخواهم"  # "I want": the non-joiner keeps the prefix apart, as the word is written
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined
    assert strip_invisible(persian) == persian
    assert strip_invisible(family) == family
    assert strip_invisible("hid\u200cden wo\u200drd") == "hidden word"


def test_a_persian_text_page_keeps_its_non_joiners():
    line = "دولت اعلام کرد که می\u200cخواهد بندر جدید را در بهار افتتاح کند و کار ساخت آن دو سال طول کشیده است."
    article = cleaner.clean("\n\n".join([line] * 4), mode="text")
    assert "می\u200cخواهد" in article.body
