"""Every named rule on lines it must remove and lines of real article text it must keep, in English, French,
German and Spanish. The reason asserted is the one `--explain` shows."""

import pytest

from cleaner.classify import apply_rules
from cleaner.page import Block, Page
from cleaner.rules import all_rules

RULES = list(all_rules().values())
PARAGRAPH = (
    "The prime ministers of France and Belgium vowed on Monday to reinforce their cooperation in the fight "
    "against Islamist militants, including a faster exchange of information between their police forces."
)


def judged(blocks: list[Block], mode: str) -> list[str | None]:
    page = Page(blocks=blocks, mode=mode)
    apply_rules(page, RULES)
    return [b.reason for b in page.blocks]


def reasons(*lines: str, mode: str = "text") -> list[str | None]:
    return judged([Block(text=t, index=n) for n, t in enumerate(lines)], mode)


def reason_of(line: str) -> str | None:
    """The reason for one line standing between two article paragraphs."""
    return reasons(PARAGRAPH, line, PARAGRAPH)[1]


REMOVED = {
    "skip_link": [
        "Skip to content",
        "1. Skip to main menu",
        "Skip to more DW sites",
        "Aller au contenu principal",
        "Direkt zum Inhalt",
        "Zum Hauptmenü springen",
        "Saltar al contenido principal",
    ],
    "menu_label": ["Menu", "Search", "Toggle navigation", "Rechercher", "Menü öffnen", "Suche", "Buscar", "Menú"],
    "section_label": [
        "FRANCE - BELGIum",
        "Europe|France and Belgium Tighten Security",
        "POLITIQUE - FRANCE",
        "POLITIK - DEUTSCHLAND",
        "ESPAÑA | POLÍTICA",
    ],
    "breadcrumb": ["Home > World > Europe", "Accueil > Monde > Europe", "Startseite > Politik", "Inicio / Mundo"],
    "author_archive": [
        "View all posts by Ray Ansari",
        "More articles by Jane Doe »",
        "Alle Beiträge von Anna Schmidt",
        "Voir tous les articles de Marie Dupont",
        "Ver todos los artículos de Juan Pérez",
    ],
    "error_page": [
        "Page not found",
        "404 - Page not found",
        "The content you requested does not exist or is not available anymore.",
        "La page demandée n'existe pas",
        "Die angeforderte Seite existiert nicht",
        "Seite nicht gefunden",
        "La página que buscas no existe",
        "Oops! Something went wrong",
    ],
    "redirect_notice": [
        "301 Moved Permanently",
        "Moved Permanently",
        "The document has moved here.",
        "Object moved to here.",
        "You are being redirected.",
        "Click here if you are not redirected automatically.",
        "nginx",
        "Apache/2.4.41 (Ubuntu) Server at example.com Port 80",
    ],
    "browser_notice": [
        "NYTimes.com no longer supports Internet Explorer 9 or earlier. Please upgrade your browser.",
        "Please enable JavaScript to view this page",
        "Votre navigateur n'est plus à jour",
        "Bitte aktivieren Sie JavaScript",
        "Actualiza tu navegador para ver esta página",
    ],
    "cookie_banner": [
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Accept all cookies",
        "Nous utilisons des cookies pour améliorer votre expérience",
        "Tout accepter",
        "Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.",
        "Alle akzeptieren",
        "Utilizamos cookies propias y de terceros. Consulta nuestra política de cookies.",
        "Aceptar todas",
    ],
    "newsletter_promo": [
        "Daily newsletter",
        "Receive essential international news every morning",
        "Sign up for our morning briefing, delivered to your inbox",
        "Abonnez-vous à notre newsletter",
        "Newsletter abonnieren",
        "Suscríbete a nuestro boletín diario",
        "Never miss the latest news by signing up to our newsletter today!",
        "Do you want to be informed of our actions? Sign up here",
    ],
    "app_promo": [
        "For the latest stories download the Courier apps for iOS and Android.",
        "Keep up to date with international news by downloading the RFI app",
        "Download our app on the App Store and Google Play",
        "Téléchargez l'application France 24",
        "Laden Sie die DW-App herunter",
        "Descarga nuestra app gratis",
    ],
    "subscription_prompt": [
        "Already a subscriber? Log in",
        "Subscribe now to our weekend edition for the full story.",
        "If you're seeing this message but you're already a subscriber, you can log in for immediate access.",
        "If you enjoyed reading this post, would you consider supporting our work?",
        "Vous avez lu 1 des 4 articles gratuits ce mois-ci.",
        "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus.",
        "Sign in",
        "Déjà abonné ?",
        "Article réservé aux abonnés",
        "Jetzt abonnieren",
        "Bereits Abonnent? Anmelden",
        "Dieser Artikel ist nur für Abonnenten",
        "Ya soy suscriptor",
    ],
    "comment_count": ["12 Comments", "3 comments", "Comments (12)", "No comments", "14 Kommentare", "5 commentaires"],
    "copyright": [
        "© Daily Planet 2025",
        "© 2016 France 24 - All rights reserved",
        "Copyright © 2023 Example Media Group",
        "Copyright 2024 Example Ltd",
        "Alle Rechte vorbehalten",
        "Todos los derechos reservados",
    ],
    "share_prompt": [
        "Share :",
        "Share on Facebook",
        "Facebook Twitter Email",
        "Follow us on Twitter",
        "Partager sur Twitter",
        "Artikel teilen",
        "Compartir en WhatsApp",
    ],
    "advertising_label": [
        "Advertising",
        "Advertisement - Scroll to continue",
        "Publicité",
        "La suite après cette publicité",
        "Anzeige",
        "Weiter nach der Anzeige",
        "Publicidad",
    ],
    "agency_credit": [
        "(Reporting by Robert-Jan Bartunek; Editing by Philip Blenkinsop and Tom Heneghan)",
        "bik/jr (Reuters, AFP)",
        "(AFP)",
        "Avec AFP",
        "Mit Material von Agenturen",
        "dpa/AFP",
        "Con información de EFE",
    ],
    "photo_credit": [
        "Image: Reuters/F. Lenoir",
        "© Emmanuel Dunand, AFP | France's Prime Minister Manuel Valls at a press conference in Brussels",
        "Prime Minister Manuel Valls at the National Assembly JACQUES DEMARTHON / AFP",
        "Crédit photo : Reuters",
        "Foto: dpa",
        "Bild: Keystone/Peter Klaunzer",
        "Imagen: EFE",
    ],
    "date_stamp": [
        "February 2, 2016",
        "Latest update : 2016-02-02",
        "Date created : 2016-02-02",
        "Mis à jour le 2 février 2016 à 10h30",
        "Stand: 02.02.2016, 10:32 Uhr",
        "Actualizado el 2 de febrero de 2016",
        "vor 2 Stunden",
    ],
    "affiliate_disclosure": [
        "This post may contain affiliate links, view my full disclosure policy.",
        "As an Amazon Associate we earn from qualifying purchases.",
        "We independently review everything we recommend. When you buy through our links, we may earn a commission.",
        "Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler.",
        "Die folgenden Angebote sind mit Affiliate-Links versehen.",
        "Cet article contient des liens affiliés.",
        "Este artículo contiene enlaces de afiliados.",
    ],
    "reading_time": ["5 min read", "Temps de lecture : 4 min", "Lesezeit: 3 Minuten", "Tiempo de lectura: 3 minutos"],
    "page_action": [
        "Print this article",
        "Jump to RecipePrint Recipe",
        "Was this article helpful?",
        "Leave a comment",
        "Rezept drucken",
        "War der Artikel nützlich?",
        "Kommentar hinzufügen",
        "Cet article vous a-t-il été utile ?",
        "Deja un comentario",
        "View Comments",
        "Vos réactions (11)",
        "Dieses Skript als PDF herunterladen",
        "Mit Freunden teilen",
        "Inhaltsverzeichnis",
    ],
    "inline_teaser": [
        "Read more: Looted colonial art to return to Nigeria",
        "Related: Rich are paying more in taxes but not as much as they used to",
        "À lire aussi : Le gouvernement recule sur la réforme",
        "Lesen Sie auch: Die Bahn streicht Verbindungen",
        "Lea también: Impiden ingreso a reportero estadounidense",
        "Leia também: Governo anuncia novo pacote",
    ],
    "comment_form": [
        "Your email address will not be published. Required fields are marked *",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Tu dirección de correo electrónico no será publicada.",
    ],
    "post_navigation": [
        "← Previous post: Bridge works to close the coast road at night",
        "Next article →",
        "Vorheriger Beitrag Die Bahn streicht Verbindungen",
        "Article suivant Le gouvernement recule sur la réforme",
        "Entrada anterior",
    ],
    "post_meta": [
        "This entry was posted in News and tagged rail, strikes. Bookmark the permalink.",
        "Posted in Politics | Tagged Brussels, security | Leave a comment",
        "Dieser Beitrag wurde am 27. November 2019 um 15:21 Uhr unter Allgemein veröffentlicht.",
        "Veröffentlicht in Allgemein | Verschlagwortet mit Bahn | Schreibe einen Kommentar",
        "Ce billet a été publié dans Actualités. Bookmarquez ce permalien.",
        "Esta entrada fue publicada en Noticias. Guarda el enlace permanente.",
        "Tags: rail, strikes, Brussels",
        "Schlagwörter: Frauen aus der Sportwelt",
        "Kategorie: Alle Blogposts, Artikel, Go Green",
    ],
    "teaser_label": [
        "Read more",
        "Don't miss",
        "Related articles",
        "Lire aussi",
        "À lire aussi",
        "Lesen Sie auch",
        "Mehr zum Thema",
        "Ähnliche Beiträge",
        "Leggi anche",
        "Lees ook",
        "Leia também",
        "Zobacz również",
        "Beliebte Beiträge zum Thema:",
        "Mehr aus Thüringen",
        "Temas relacionados",
        "Weiterführende Links",
        "Lee también",
        "Noticias relacionadas",
    ],
    "footer": [
        "Accessibility concerns? Email us at accessibility@nytimes.com. We would love to hear from you.",
        "Privacy policy",
        "About | Careers | Press | Contact",
        "Mentions légales",
        "Impressum",
        "Aviso legal",
    ],
}

KEPT = [
    PARAGRAPH,
    "Belgium isn't lawless",
    "Michel praised the work between French and Belgian authorities.",
    "The cooperation between our services is excellent, Michel said.",
    # Article text that looks like furniture to a naive pattern, each from a rule that once removed it:
    "Put pie on a cookie sheet and use tinfoil to cover your pie edges so that they don't burn.",
    "New users can try the app for the first two weeks and cancel if they're not satisfied.",
    "Only install apps from trusted sources.",
    "Log in to your Google Play Developer Console and click on Create Application.",
    "Register for gifts at two or three places, including online options.",
    "I also identified 28 newsletters, a small subset of the newsletters I subscribe to, as the test set.",
    "74% of voters think he should get an opportunity to play every day in center field.",
    "Share of listings with price drops (2024)",
    "1. Facebook",
    "Note this product is no longer available in green.",
    "Contact us at extension@example.edu to get started!",
    "Produced by a leading venture capital firm, the podcast is a window into the minds of founders.",
    "Sid",
    "Brand | CORSAIR",
    "6:15 PM - 8:15 PM",
    "(c) It is not obvious that any given pointer is valid.",
    "Video: 4K/30p with no crop",
    "Credit/debit cards (Visa, Mastercard, American Express)",
    "Evaluation of course rigor, including AP/IB/Honors options.",
    "Cook for 5 minutes.",
    "FAQ",
    "Le Premier ministre a salué la coopération entre les services français et belges.",
    "Die Zusammenarbeit zwischen unseren Diensten ist ausgezeichnet, sagte Michel.",
    "La cooperación entre nuestros servicios es excelente, dijo Michel.",
    "Lesen Sie die Erklärung der Regierung im Wortlaut, die am Montag veröffentlicht wurde.",
    "The report was posted in full on the ministry's website on Monday.",
    "Thousands of people rushed to sign up for the scheme on Monday.",
    "Print the form on both sides and bring it to the town hall.",
    "Your email address will not be shared with the ministry, officials said.",
    "Next week the council will vote on the plan.",
    "If you enjoyed the show, the band plays again on Friday.",
    "Category: the one thing that matters is time.",
    "Previous studies have shown that the drug works.",
    "More stories by local authors will appear in next week's edition, the editor said.",
    "All posts by the way are moderated.",
    "Read more about the plan in the council's own report, published on Monday.",
    "Lea: I never thought we would win, but the team believed it.",
    "To measure these partnerships, implement affiliate links, UTM tracking and exclusive discount codes.",
    "Travel agents recommend insurance because they get a commission when you buy it.",
    "No affiliate links. No paid promotion. I've used every piece of gear in this post extensively.",
    "Copyright law changed in 2019 after a long fight over the rights of artists and their publishers.",
    "The comments section stayed open for a week, and 3 comments were removed by moderators afterwards.",
    "Einen Vertriebsmitarbeiter ohne eine Aussicht auf eine Provision zu beschäftigen, ist sinnlos.",
    "The company moved permanently to Leeds in 2019, and found new offices near the station.",
    "Nginx and Apache serve most of the web's pages, the survey found.",
]


@pytest.mark.parametrize("reason, line", [(reason, line) for reason, lines in REMOVED.items() for line in lines])
def test_rule_removes_furniture_with_its_name(reason, line):
    assert reason_of(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_text_is_kept(line):
    assert reason_of(line) is None


def test_every_text_rule_is_pinned_by_a_test():
    text_rules = {r.name for r in RULES if "text" in r.modes}
    pinned = set(REMOVED) | {"photo_caption", "teaser_list", "comment_thread"}
    assert text_rules == pinned


def test_a_reader_comment_over_the_copyright_line_is_no_caption():
    """Issue 23: a last reader comment above "© Daily Planet 2025" was removed as a photo caption."""
    comment = "Great piece, thanks for covering the council meeting so carefully"
    found = reasons(PARAGRAPH, comment, "© Daily Planet 2025")
    assert found[2] == "copyright" and found[1] != "photo_caption"


def test_caption_before_a_standalone_credit():
    caption = "French and Belgian prime ministers address the media during a joint press conference"
    assert reasons(PARAGRAPH, caption, "Image: Reuters/F. Lenoir", PARAGRAPH)[1:3] == ["photo_caption", "photo_credit"]
    legende = "Le Premier ministre Manuel Valls à l'Assemblée nationale"
    assert reasons(PARAGRAPH, legende, "Crédit photo : AFP", PARAGRAPH)[1] == "photo_caption"


def test_caption_repeated_by_its_credit_line():
    caption = "Prime Minister Manuel Valls at the National Assembly, 27 January 2015"
    lines = reasons(PARAGRAPH, caption, f"{caption} JACQUES DEMARTHON / AFP", PARAGRAPH)
    assert lines[1:3] == ["photo_caption", "photo_credit"]


def html_reasons(*blocks: tuple[str, str]) -> list[str | None]:
    return judged([Block(text=t, index=n, tag=tag) for n, (tag, t) in enumerate(blocks)], "html")


def test_a_figcaption_is_a_caption_with_or_without_its_credit():
    credited = "Des chalutiers à quai dans le port de Sète. Photo : Emmanuel Dunand, AFP"
    dated = "Prime Minister Manuel Valls at the National Assembly, 27 January 2015"
    found = html_reasons(("p", PARAGRAPH), ("figcaption", credited), ("figcaption", dated), ("p", PARAGRAPH))
    assert found == [None, "figure_caption", "figure_caption", None]


def test_a_figcaption_that_reads_as_text_stays():
    two_sentences = "The chart shows the price of diesel since 2020. Prices doubled in two years, then fell back."
    assert html_reasons(("p", PARAGRAPH), ("figcaption", two_sentences))[1] is None
    assert html_reasons(("p", PARAGRAPH), ("p", "Prime Minister Manuel Valls at the National Assembly"))[1] is None


@pytest.mark.parametrize(
    "line",
    [
        "How do consumers choose which device to use when they own both a smartphone and a tablet?",
        "Brunch was divine! Bloody Marys and warm cinnamon rolls. I can't wait to tell you about it.",
        "By Matt Soniak - August 8, 2012",
        "Registration: https://example.com/register",
    ],
)
def test_a_paragraph_before_a_credit_is_not_a_caption(line):
    assert reasons(PARAGRAPH, line, "Photo by Sara Bjork", PARAGRAPH)[1] is None


def test_a_comment_thread_goes_from_its_first_header_to_the_end_of_the_last_comment():
    lines = reasons(
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        "3 comments",
        "Peter Flom 07.08.12 at 13:24",
        "As George Box said, all models are wrong, but some are useful.",
        "Anonymous said...",
        "Great post, thanks for sharing this with us.",
        "Reply",
        "Jane Doe says: July 9, 2012 at 1:20 am",
        "I could not agree more with the point about linear fits.",
        "Reply",
        "Leave a Reply",
    )
    assert lines[5:13] == ["comment_thread"] * 8
    assert lines[:4] == [None] * 4


def test_blog_comment_headers_open_with_by_and_end_with_their_links():
    lines = reasons(
        "By Jane Doe on July 7, 2012",  # the article's byline, with no post above it: not a comment
        PARAGRAPH,
        PARAGRAPH,
        "15 comments",
        "by james on January 31, 2011 at 9:59 am. Reply #",
        "Great post, thanks for sharing this with us.",
        "by Damien on January 31, 2011 at 10:12 am | Permalink",
        "I could not agree more with the point about linear fits.",
    )
    assert lines[4:8] == ["comment_thread"] * 4
    assert lines[0] != "comment_thread" and lines[1:3] == [None, None]


def test_a_dated_line_above_the_article_does_not_hide_the_thread_below_it():
    lines = reasons(
        "Archive 07.01.12",  # a sidebar's dated entry, alone, further above the thread than comments stand apart
        *[PARAGRAPH] * 16,
        "Peter Flom 07.08.12 at 13:24",
        "As George Box said, all models are wrong, but some are useful.",
        "Anonymous said...",
        "Great post, thanks for sharing this with us.",
    )
    assert lines[17:21] == ["comment_thread"] * 4


def test_posts_with_no_article_above_them_are_a_forum_not_comments():
    lines = reasons(
        "Peter Flom 07.08.12 at 13:24",
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        "Anonymous said...",
        "Great post, thanks for sharing this with us.",
    )
    assert "comment_thread" not in lines


@pytest.mark.parametrize(
    "quote",
    [
        ["Hibu said:", "“We are stopping payments to our lenders.”", "The lenders said:", "“We will sue.”"],
        ["Washington, July 7, 2012", PARAGRAPH, "that said...", PARAGRAPH],
    ],
)
def test_quotes_and_datelines_in_an_article_are_not_a_thread(quote):
    assert "comment_thread" not in reasons(PARAGRAPH, *quote, PARAGRAPH)


def test_one_comment_header_alone_is_not_a_thread():
    assert reasons(PARAGRAPH, "Anonymous said...", PARAGRAPH, PARAGRAPH)[1] is None


def test_one_name_over_and_over_is_a_list_of_posts_not_a_thread():
    lines = reasons(PARAGRAPH, "Blogposting 01/24/2020", "Grundeinkommen", "Blogposting 01/26/2020", PARAGRAPH)
    assert "comment_thread" not in lines


def test_teaser_titles_under_a_list_header_and_before_read_more():
    lines = reasons(
        "Don't miss",
        "Macron makes Time 100 as France revolts",
        "Read more",
        "Sting and Shaggy on making musical magic together",
        "Read more",
    )
    assert lines == ["teaser_label", "teaser_list", "teaser_label", "teaser_list", "teaser_label"]
    french = reasons("Lire aussi", "Valls veut prolonger l'état d'urgence", "Le gouvernement présente son plan")
    assert french == ["teaser_label", "teaser_list", "teaser_list"]


def test_headline_after_a_teaser_list_is_not_a_teaser():
    lines = reasons(
        "Don't miss",
        "Macron makes Time 100 as France revolts",
        "Read more",
        "France, Belgium to step up counter-terrorism cooperation",
        "Latest update : 2016-02-02",
        PARAGRAPH,
    )
    assert lines[3] is None


def test_subheading_between_paragraphs_is_kept():
    assert reasons(PARAGRAPH, "Belgium isn't lawless", PARAGRAPH) == [None, None, None]


def test_html_only_rules_do_not_run_on_text():
    assert reasons("Home", mode="text") == [None]
    html_rules = {r.name for r in RULES if "text" not in r.modes}
    assert html_rules == {"page_chrome", "boilerplate_markup", "link_list", "figure_caption", "plugin_widget"}


@pytest.mark.parametrize(
    "path, reason",
    [
        ("body nav ul li", "page_chrome"),
        ("div.share-bar", "boilerplate_markup"),
        ("div#jp-relatedposts.jp-relatedposts div.jp-relatedposts-items p", "plugin_widget"),
        ("div.sharedaddy div.sd-content", "plugin_widget"),
        ("div.article-body", None),
    ],
)
def test_markup_rules(path, reason):
    page = Page(blocks=[Block(text="Some words here", path=path)], mode="html")
    apply_rules(page, RULES)
    assert page.blocks[0].reason == reason


def test_a_plugin_widget_leaves_even_where_the_model_keeps_it():
    from cleaner import Cleaner

    excerpt = "An unusually warm October confused the trees along the river, and some of them bloomed again."
    html = (
        f"<html><body><article><h1>Orchard news</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"
        f"<div class='jp-relatedposts'><p>{excerpt}</p></div><p>{PARAGRAPH}</p></article></body></html>"
    )
    article = Cleaner(mode="html").clean(html)
    assert excerpt not in article.body and PARAGRAPH in article.body
    assert [r["reason"] for r in article.removed if r["text"] == excerpt] == ["plugin_widget"]


def test_link_list():
    page = Page(blocks=[Block(text="World Business Sport", link_chars=20)], mode="html")
    apply_rules(page, RULES)
    assert page.blocks[0].reason == "link_list"


def test_rules_can_be_switched_off_by_name():
    from cleaner import Cleaner

    page = Cleaner(mode="text", disable=["share_prompt"]).page(f"{PARAGRAPH}\n\nShare :\n\n{PARAGRAPH}\n")
    assert [b.reason for b in page.blocks] == [None, None, None]
    with pytest.raises(ValueError, match="unknown rule"):
        Cleaner(disable=["no_such_rule"])


def test_section_words_are_footer_links_only_next_to_other_links():
    assert reasons(PARAGRAPH, "FAQ", PARAGRAPH)[1] is None
    assert reasons(PARAGRAPH, "FAQ", "Help", "Privacy policy") == [None, "footer", "footer", "footer"]


def test_teaser_bylines_and_dates_do_not_break_a_teaser_list():
    lines = reasons(
        "Most read",
        "Valls seeks to extend state of emergency",
        "By Anna Schmidt",
        "Paris attackers were known to police",
        "February 2, 2016",
        "Belgium arrests two more suspects",
    )
    assert lines == ["teaser_label", "teaser_list", None, "teaser_list", "date_stamp", "teaser_list"]


@pytest.mark.parametrize(
    "title",
    [
        "Zero-Knowledge Proofs in Blockchain Finance: Opportunity vs. Reality",
        "One Week in Japan Itinerary: Kyoto, Tokyo, Nara, Mt. Fuji",
        "3 min read",
        "iPhone sales beat forecasts",
    ],
)
def test_titles_with_abbreviations_digits_and_inner_capitals_are_titles(title):
    from cleaner.rules.teasers import title_like

    assert title_like(title)


@pytest.mark.parametrize(
    "line", ["this cake looks beautiful, you did a fantastic job", "Data looked dismal. Then it changed", "By REUTERS"]
)
def test_comments_two_sentences_and_bylines_are_not_titles(line):
    from cleaner.rules.teasers import title_like

    assert not title_like(line)
