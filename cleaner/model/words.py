"""Small word lists the features count: stop words (a sign of running prose) and furniture words (a sign of
page chrome), in English, French, German, Spanish, Italian, Portuguese and Dutch."""

STOP_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that
    these those he she they we you i his her their our your my not no so than then there here which who whom what
    when where why how all any each more most other some such only own same too very can will just should would
    could has have had do does did also into about over after before under again further once up down out off
    le la les un une des du de et ou mais si à au aux en dans sur par pour avec sans est sont était été être ce
    cette ces il elle ils elles nous vous je tu son sa ses leur leurs qui que quoi dont où ne pas plus comme
    der die das ein eine einer eines einem einen und oder aber wenn von zu im in auf an bei für mit aus als ist
    sind war waren sein es dieser diese dieses er sie wir ihr ich nicht kein keine auch nur noch schon wie was
    dass den dem des sich hat haben wird werden
    el la los las un una unos unas y o pero si de del a al en con sin por para es son era fue ser este esta
    estos estas ese esa él ella ellos ellas nosotros que qué cual no más como también muy ya lo le se su sus
    il lo gli i uno una e o ma se di da in con su per tra fra è sono era essere questo questa che non più come
    o a os as um uma e ou mas se de do da dos das em no na com sem por para é são era ser este esta que não mais
    de het een en of maar als van in op aan bij voor met uit is zijn was waren dit dat die deze hij zij wij niet
    geen ook nog wel""".split()
)

FURNITURE_WORDS = frozenset(
    """share shares shared tweet facebook twitter linkedin whatsapp pinterest instagram youtube email print
    subscribe subscription subscribers newsletter sign login log register account password menu search home
    navigation skip cookie cookies consent privacy policy terms conditions copyright rights reserved contact
    advertisement advertising advertise sponsored ad ads related recommended trending popular read more next
    previous prev comments comment reply replies posted tags tag category categories archive archives
    follow followers download app click here view all see load continue back top sitemap faq help about
    partager abonner abonnez connexion rechercher accueil suivant précédent lire aussi publicité commentaires
    teilen abonnieren anmelden suche startseite weiter zurück mehr lesen werbung kommentare impressum datenschutz
    compartir suscribirse suscríbete buscar inicio siguiente anterior leer más publicidad comentarios""".split()
)
