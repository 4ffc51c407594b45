"""Repairs: glued sentences are split, a doubled headline is kept once, and nothing else is touched."""

import pytest

from cleaner import Cleaner
from cleaner.repair import split_glued, undouble


@pytest.mark.parametrize(
    "text, parts",
    [
        ("the forgery of documents.Two and a half months", ["the forgery of documents.", "Two and a half months"]),
        ('our citizens," he addedApart from smoothing', ['our citizens," he added', "Apart from smoothing"]),
        ("Daily newsletterReceive essential news", ["Daily newsletter", "Receive essential news"]),
        ('the French capital."The threat is', ["the French capital.", '"The threat is']),
        ('"We stand together," he said."The threat', ['"We stand together," he said.', '"The threat']),
        ("the suicide bombings.(Reporting by Robert)", ["the suicide bombings.", "(Reporting by Robert)"]),
        ("Valls said.”Whereas when you", ["Valls said.”", "Whereas when you"]),
        ("Is it licensed there?The policies vary", ["Is it licensed there?", "The policies vary"]),
        ("la réunion de lundi.Les deux pays", ["la réunion de lundi.", "Les deux pays"]),
        ("sagte der Minister.Die Polizei ermittelt", ["sagte der Minister.", "Die Polizei ermittelt"]),
    ],
)
def test_glued_sentences_are_split(text, parts):
    assert split_glued(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Apple sold more iPhone models than McDonald sold burgers on eBay this year",
        "The U.S.The army said nothing",  # an abbreviation's last letter is a capital: no split
        "Read it at www.example.com/News and example.org.Uk today",
        "Write to press@example.Com for details",
        "Shares rose 3.5 percent to 12.75 euros",
        "Real Madrid vs.Barcelona kicks off tonight",
        "Import com.example.Main in the file",
        "The Maui.Gtk project brings a toolkit",
        "Since useState returns a pair, call it first",
        "Shares of easyJet fell sharply",
        "Console.WriteLine(message.Body);",
        "const [count, setCount] = useState(0);",
        "Dr.Smith and Mr.Jones met",
    ],
)
def test_names_urls_abbreviations_and_code_are_not_split(text):
    assert split_glued(text) == [text]


def test_doubled_headline_is_kept_once():
    assert undouble("France, Belgium Increase Anti-Terror DriveFrance, Belgium Increase Anti-Terror Drive") == (
        "France, Belgium Increase Anti-Terror Drive"
    )
    assert undouble("Frankreich und Belgien Frankreich und Belgien") == "Frankreich und Belgien"


@pytest.mark.parametrize("text", ["----------------------", "* * * * * *", "Casual Casual", "Title", "abcabc"])
def test_rules_labels_and_short_lines_are_not_undoubled(text):
    assert undouble(text) is None


def test_repair_in_the_pipeline_keeps_one_copy_with_a_reason():
    page = Cleaner(mode="text").page(
        "Intro line\n\nFrance, Belgium Increase Anti-Terror DriveFrance, Belgium Increase Anti-Terror Drive\n\n"
        "The prime ministers of France and Belgium have met in Brussels to announce increased cooperation "
        "against terrorism, officials said on Monday after the talks.\n"
    )
    texts = [(b.text, b.reason) for b in page.blocks if "Anti-Terror" in b.text]
    assert texts == [
        ("France, Belgium Increase Anti-Terror Drive", "headline"),
        ("France, Belgium Increase Anti-Terror Drive", "doubled_line"),
    ]


def test_html_pages_are_not_repaired():
    page = Cleaner(mode="html").page("<html><body><article><p>the end.Next one starts</p></article></body></html>")
    assert [b.text for b in page.blocks] == ["the end.Next one starts"]
