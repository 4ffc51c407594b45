"""Person names from byline strings: roles, boilerplate, agencies, photographers, organisations and dates go."""

import pytest

from cleaner.meta.names import is_person, person_names


@pytest.mark.parametrize(
    "raw, names",
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("View all posts by Ray Ansari", ["Ray Ansari"]),
        ("Keith Barry Senior Autos Reporter", ["Keith Barry"]),
        ("By Evan Halper Staff Writer Feb. 19, 2020 4 AM", ["Evan Halper"]),
        ("Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines", ["Benjamin Johnson"]),
        ("Thomas Broderick, Nalea Ko, and ACO Rankings Team", ["Thomas Broderick", "Nalea Ko"]),
        ("Glen Owen and Brendan Carlin for The Mail on Sunday", ["Glen Owen", "Brendan Carlin"]),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"]),
        ("Kristian Larsen July 13, 2025 — 7 minutes read", ["Kristian Larsen"]),
        ("Von Tomas Spahn Fr, 18. Oktober 2019", ["Tomas Spahn"]),
        ("Veröffentlicht von Chris Jung", ["Chris Jung"]),
        ("Par Claire Fontaine", ["Claire Fontaine"]),
        ("Olivier Minot Olivier Minot", ["Olivier Minot"]),
        ("Dr. Sebastian Brüggemann", ["Dr. Sebastian Brüggemann"]),
        ("Jean-Pierre Dupont", ["Jean-Pierre Dupont"]),
        ("Anna Fischer", ["Anna Fischer"]),
        ("by Nadia Brook on March 4, 2025", ["Nadia Brook"]),
        ("Posted by Marty Baron on March 25, 2013 at 7:05 am", ["Marty Baron"]),
        ("Von Anna Schmidt am 3. März 2024", ["Anna Schmidt"]),
        ("By Jason March", ["Jason March"]),
    ],
)
def test_names_are_found(raw, names):
    assert person_names(raw) == names


@pytest.mark.parametrize(
    "raw",
    [
        "Staff",
        "AFP",
        "By AFP",
        "Reuters",
        "Our Editors",
        "TOI Lifestyle Desk",
        "Great Day Editorial Team",
        "© Emmanuel Dunand, AFP",
        "Image: Reuters/F. Lenoir",
        "Photograph by Ed Marshall",
        "Badische Zeitung",
        "Die FURCHE",
        "Deutsche Welle",
        "El Mostrador",
        "British Heart Foundation",
        "Auto Illustrierte",
        "Organization",
        "WordPress",
        "Bund der Energieverbraucher",
        "Türkisch-Islamische Union der Anstalt",
        "https://www.facebook.com/janedoe",
        "March 3, 2025",
        "CategoryBy Manufacturer",
    ],
)
def test_non_people_are_rejected(raw):
    assert person_names(raw, lenient=True) == []


def test_a_declared_field_may_name_an_author_by_given_name_or_handle():
    assert person_names("Susan") == []
    assert person_names("Susan", lenient=True) == ["Susan"]
    assert person_names("gizzmo", lenient=True) == ["gizzmo"]
    assert person_names("Maria &amp; Katerina", lenient=True) == ["Maria", "Katerina"]


def test_a_place_or_a_reversed_name_is_not_two_authors():
    assert person_names("Frankfurt, Germany", lenient=True) == []
    assert person_names("Chris Radich, VP, UiPath", lenient=True) == ["Chris Radich"]


def test_generic_accounts_and_codes_are_not_authors():
    for raw in ("admin", "q_admin", "undefined", "mf", "Donnerstag", "Quelle", "Source"):
        assert person_names(raw, lenient=True) == [], raw


def test_the_site_itself_is_not_an_author_but_a_person_named_like_it_is():
    assert person_names("EcoFlow", lenient=True, sites=["ecoflow", "ecoflowcom"]) == []
    assert person_names("Kyle Howells", lenient=True, sites=["kylehowells"]) == ["Kyle Howells"]


def test_is_person_needs_capitalised_words_unless_lenient():
    assert is_person("Ana María de la Cruz")
    assert not is_person("kirstin boatto")
    assert is_person("kirstin boatto", lenient=True)
    assert not is_person("One Two Three Four Five Six")


def test_a_closing_initial_keeps_its_full_stop_and_a_doubled_name_is_one():
    from cleaner.meta.names import person_names

    assert person_names("By Juan Carlos Muñoz C.") == ["Juan Carlos Muñoz C."]
    assert person_names("Jane Doe.") == ["Jane Doe"]
    assert person_names("Bence Kovács Bence", lenient=True) == ["Bence Kovács"]
    assert person_names("Facet Facet", lenient=True) == ["Facet"]
    assert person_names("Zur Artikelübersicht", lenient=True) == []


def test_a_label_glued_to_the_name_and_a_publisher_are_not_names():
    from cleaner.meta.names import person_names

    assert person_names("By Arricca Elin SanSonePublished: Jan 5, 2024") == ["Arricca Elin SanSone"]
    assert person_names("Published by Happy Camper Games") == []
