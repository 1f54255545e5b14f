# Interface text in French. Machine-translated from en.ftl (not from an official
# UN source): to be reviewed by a native speaker. See en.ftl for the notes on each
# string; a key ending in `-html` holds markup: keep its tags as they are.

language-name = Français

## The header and footer of every page
skip-to-content = Aller au contenu
search-label = Rechercher sur le site
search-placeholder = Rechercher des rapports, des indicateurs…
search-button = Rechercher
search-form-label = Site
nav-main = Principale
nav-languages = Langues
nav-home = Accueil
feed-title = { $site } : rapports
footer-open-data-html = Chaque chiffre renvoie à la phrase du rapport qui l’énonce. Données ouvertes : <a href="{ $base }data/metrics.csv">chiffres (CSV)</a>, <a href="{ $base }data/metrics.json">indicateurs (JSON)</a>, <a href="{ $base }data/reports.json">rapports (JSON)</a>, <a href="{ $base }data/datapackage.json">paquet de données avec schémas</a>. Construit avec wsis.
breadcrumb-label = Fil d’Ariane

## Words several pages share: headings, table columns, labels of facts
shared-action-line = Grande orientation
shared-action-lines = Grandes orientations
shared-organization = Organisation
shared-organizations = Organisations
shared-reports = Rapports
shared-metric = Indicateur
shared-metrics = Indicateurs
shared-targets = Cibles
shared-target = Cible
shared-kind = Type
shared-year = Année
shared-years = Années
shared-value = Valeur
shared-change = Variation
shared-source = Source
shared-deadline = Échéance
shared-latest = Dernière valeur
shared-latest-evidence = Dernière donnée probante
shared-status = État
shared-coverage = Couverture
shared-frameworks = Cadres
shared-documents = Documents
shared-indicator = Indicateur
shared-source-is = Source :
citation-paragraph = { $symbol }, paragraphe { $paragraph }
shared-none = aucun
shared-no-link = aucun lien
shared-in-year = en { $year }
shared-value-in-year = { $value } en { $year }
shared-cited-from-html = (cité d’après { $source })
shared-words = { $count ->
    [one] { $count } mot
   *[other] { $count } mots
}

## The 404 page
not-found-title = Page introuvable
not-found-text = Il n’y a aucune page à cette adresse. Elle a peut-être été déplacée lorsqu’un rapport a été renommé.

## The home page
home-targets-title = Où en sont les cibles
home-targets-caption = Les cibles les plus proches de leur échéance
home-all-targets = Toutes les cibles
home-how-status = comment l’état est établi
home-count-reports-html = <strong>{ $count }</strong> { $count ->
    [one] rapport
   *[other] rapports
}
home-count-organizations-html = <strong>{ $count }</strong> { $count ->
    [one] organisation
   *[other] organisations
}
home-count-action-lines-html = <strong>{ $count }</strong> { $count ->
    [one] grande orientation
   *[other] grandes orientations
}
home-count-metrics-html = <strong>{ $count }</strong> { $count ->
    [one] indicateur
   *[other] indicateurs
}
home-count-figures-html = <strong>{ $count }</strong> { $count ->
    [one] chiffre relié à sa phrase
   *[other] chiffres reliés à leur phrase
}
home-latest-reports = Derniers rapports
home-all-reports = Tous les rapports
home-headline-metrics = Indicateurs suivis sur plusieurs années
home-all-metrics = Tous les indicateurs
home-all-figures-csv = tous les chiffres en CSV

## Lists shared by several pages: reports, figures, metrics, coverage
report-list-meta-html = { $kind } · porte sur { $year } · publié le { $date }
observations-change-from-previous = Variation par rapport à l’année précédente
observations-stated-by = (énoncé par { $org } ; pas la valeur de la série)
observations-stated-by-citing = (énoncé par { $org }, citant { $source } ; pas la valeur de la série)
observations-not-year-value = (pas la valeur de l’année)
observations-restated-in-html = (repris dans { $reports })
observations-not-compared = { $status } : non comparé
observations-first-value = première valeur
observations-cite = Citer
observations-cite-which = le chiffre { $value } de { $year }
metrics-table-caption = { $heading } : dernière valeur, variation et tendance
metrics-trend = Tendance
metrics-no-values = pas encore de valeurs
coverage-caption = Quelle organisation a rendu compte de quelle grande orientation, et en quelles années
coverage-caption-some-html = Quelle organisation a rendu compte de quelle grande orientation, et en quelles années : les { $shown } organisations ayant le plus de rapports, sur { $total } (toutes figurent sur la <a href="{ $url }">page des organisations</a>)
sections-none = Aucune section sur { $code }.
targets-table-goal = objectif : { $goal }
targets-none-yet = aucune pour l’instant
targets-summary-total = { $total ->
    [one] Sur { $total } cible.
   *[other] Sur { $total } cibles.
}
targets-summary-total-as-of = { $total ->
    [one] Sur { $total } cible, d’après les chiffres de { $year }.
   *[other] Sur { $total } cibles, d’après les chiffres de { $year }.
}
targets-serving-caption = Cibles au service de { $name } : état et échéance
targets-serving = Cibles au service de { $name }

## Action lines
action-lines-title = Grandes orientations du SMSI
action-lines-lead = Les onze grandes orientations du Plan d’action de Genève, avec les organismes des Nations Unies qui en facilitent la mise en œuvre et les rapports qui les traitent.
action-lines-facilitated-by-html = Facilitation : { $list }
action-lines-counts = { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
}, { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}
line-facilitators = Facilitateurs
line-facilitators-none = Aucun renseigné
line-stated-in = Énoncée dans
line-reported = Ce qui a été rapporté
line-year-pages-intro = Les sections sur { $code } sont réparties sur une page par année :
line-year-counts = { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
} tirées de { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
}
line-no-sections = Aucun rapport n’a encore de section sur cette grande orientation.
line-all-reports = Tous les rapports mentionnant { $code }
line-year-other-years = Autres années de { $code }
line-year-reported = Ce qui a été rapporté en { $year }
line-frameworks-title = Objectifs de développement durable et Pacte numérique mondial
line-frameworks-intro = Chaque lien est établi par la source indiquée à côté.
line-frameworks-intro-crosswalk-html = Chaque lien est établi par la source indiquée à côté ; tous figurent dans <a href="{ $url }">la table de correspondance</a>.
line-frameworks-caption = Les objectifs, cibles et objectifs du Pacte auxquels { $code } est relié, avec leurs sources
line-frameworks-linked-to = Relié à

## Organizations
organizations-lead = Qui rend compte de la mise en œuvre des textes issus du SMSI, et qui facilite les grandes orientations.
organizations-caption = Les organisations, leur type et leurs rapports
organizations-facilitates = Facilite
organization-website = Site web
organization-reports-on = Rend compte de
organization-no-reports = Pas encore de rapports.

## Reports
reports-lead-html = { $total ->
    [one] { $total } rapport, classé selon l’année qu’il couvre.
   *[other] { $total } rapports, classés selon l’année qu’ils couvrent.
} <a href="{ $url }">Métadonnées des rapports en JSON</a>.
reports-covering-year = { $count ->
    [one] { $count } rapport portant sur { $year }
   *[other] { $count } rapports portant sur { $year }
}
report-covers = Porte sur
report-published = Publié le
report-kind-submitted-to = { $kind }, soumis à { $body }
report-original = Original
report-other-reports = Autres rapports de { $org }
report-previous = ← Précédent : { $title }
report-next = Suivant : { $title } →
report-what-changed = Ce qui a changé depuis
report-figures-title = Chiffres de ce rapport
report-figures-caption = Chiffres énoncés dans ce rapport, chacun relié à sa phrase
report-sentence = Phrase
report-restates-html = (reprend { $report })
report-contents = Sommaire
report-compare-title = Comparaison avec le rapport précédent
compare-no-change-outlook = une prévision ou un objectif n’est pas comparé
compare-no-change-not-later = pas une année plus récente
report-compare-intro-html = Ce qui a changé depuis { $previous } ({ $year }).
report-compare-figures-caption = Chiffres énoncés par les deux rapports
report-compare-lines-caption = Sections des deux rapports par grande orientation, et leur longueur

## Metrics
metrics-lead = { $total ->
    [one] { $total } chiffre suivi, par organisation. Chaque valeur renvoie à la phrase du rapport qui l’énonce.
   *[other] { $total } chiffres suivis, par organisation. Chaque valeur renvoie à la phrase du rapport qui l’énonce.
}
metrics-open-data-html = Données ouvertes : <a href="{ $base }data/metrics.csv">tous les chiffres en CSV</a> · <a href="{ $base }data/metrics.json">les indicateurs et leurs séries en JSON</a> · <a href="{ $base }data/reports.json">les rapports en JSON</a> · <a href="{ $base }data/datapackage.json">le paquet de données décrivant chaque table (Frictionless)</a>
metrics-org-count-html = <a href="{ $url }">{ $count ->
    [one] { $count } indicateur
   *[other] { $count } indicateurs
}</a> avec leurs dernières valeurs et leurs tendances.
metric-unit = Unité
metric-data = Données
metric-data-described-html = (décrites dans le <a href="{ $url }">paquet de données</a>)
metric-chart-caption = { $metric } par année. Lorsqu’une année a plusieurs valeurs, la plus sûre est tracée (une valeur effective plutôt qu’une estimation, puis la plus récente), avec à côté les chiffres énoncés par d’autres ; toutes figurent dans le tableau ci-dessous. La légende sous le graphique explique les bornes, les fourchettes, les projections et les cibles lorsqu’il y en a : une ligne ne relie que les valeurs exactes et approchées.
metric-targets = Cibles qu’il mesure
metric-targets-caption = Cibles ayant pour indicateur { $metric }
metric-values = Valeurs par année
metric-values-caption = { $metric }, tel qu’énoncé dans les rapports
metric-no-values = Aucun rapport n’énonce encore de valeur.

## Years
years-counts = { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
}, { $values ->
    [one] { $values } valeur
   *[other] { $values } valeurs
}
year-other-years = Autres années
year-reports = Rapports portant sur { $year }
year-no-reports = Aucun rapport ne porte sur { $year } ; les valeurs ci-dessous proviennent de rapports d’autres années.
year-values = Valeurs pour { $year }
year-values-caption = Toutes les valeurs énoncées pour { $year }

## Targets
targets-lead-html = Les engagements et cibles du cadre du SMSI+20, chacun avec sa situation d’après les chiffres énoncés dans les rapports. <a href="#method">Comment l’état est établi</a>.
targets-by-framework = Cibles par cadre
targets-all = Toutes les cibles
targets-method = Méthode
targets-all-caption = Toutes les cibles : leur état, leur échéance et le dernier chiffre de leur indicateur
targets-method-title = Comment l’état est établi
targets-method-intro = Une cible comportant un nombre à atteindre est mesurée par son indicateur, un indicateur de ce site. Seuls les chiffres qui décrivent ce qui s’est produit comptent comme données probantes (valeurs effectives et estimations) ; les projections et les cibles énoncées dans les rapports sont affichées, jamais comptées. Une borne compte pour ce dont elle est sûre : « au moins 40 » vaut 40 lorsque la cible est de monter, et ne dit rien lorsqu’elle est de baisser ; une hausse partant de « au moins 40 » peut n’avoir été aucune hausse.
targets-method-on-track = la dernière donnée probante atteint la cible, ou le rythme observé entre la valeur de référence (à défaut, la première donnée) et la dernière donnée, prolongé jusqu’à l’échéance, l’atteint même dans le cas le moins favorable que permettent les bornes des chiffres.
targets-method-off-track = l’échéance est passée sans que la cible soit atteinte, ou le rythme ne l’atteint pas même dans le cas le plus favorable que permettent les bornes.
targets-method-insufficient-data = pas d’indicateur, pas de donnée probante, pas de valeur antérieure à partir de laquelle mesurer un rythme, ou des bornes trop larges pour conclure.
targets-method-not-measured = une cible énoncée en mots ; les rapports sur ses grandes orientations en sont les données probantes.
targets-method-deadlines = Les échéances sont jugées par rapport à la dernière année couverte par un rapport, et non au jour de la construction du site, de sorte que le même contenu donne toujours le même état. La page de chaque cible indique quelles valeurs et quelles années ont été comparées.
targets-method-deadlines-as-of = Les échéances sont jugées par rapport à la dernière année couverte par un rapport ({ $year }), et non au jour de la construction du site, de sorte que le même contenu donne toujours le même état. La page de chaque cible indique quelles valeurs et quelles années ont été comparées.
status-on-track = En bonne voie
status-off-track = En retard
status-insufficient-data = Données insuffisantes
status-not-measured = Non mesurée
target-source-reads = La source indique : « { $quote } »
target-where-it-stands = Où en est la cible
target-how-status-html = Comment l’état est établi : <a href="{ $url }">la méthode</a>.
target-end-state = État visé
target-baseline = Valeur de référence
target-serves = Sert
target-latest-in-html = { $link } en { $year }
target-chart-caption = { $indicator } par année, avec la cible : la valeur de référence sous forme de losange, la valeur à atteindre en ligne horizontale pointillée et l’échéance en ligne verticale. Tous les chiffres figurent dans le tableau ci-dessous.
target-figures = Chiffres de l’indicateur
target-figures-caption = { $indicator }, tel qu’énoncé dans les rapports
target-no-figures-html = Aucun rapport n’énonce encore de chiffre pour <a href="{ $url }">{ $indicator }</a>.
target-reports-say = Ce que disent les rapports
target-latest-sections = Les dernières sections de rapports sur { $codes } ; toutes figurent sur les pages des grandes orientations.
target-section-meta-html = { $org } : { $report } · porte sur { $year } · { $words ->
    [one] { $words } mot
   *[other] { $words } mots
}
target-no-sections-lines = Aucun rapport n’a encore de section sur ses grandes orientations.
target-no-sections = Aucun rapport n’a encore de section sur cette cible.
reason-qualitative = Une cible qualitative : aucun statut n’est calculé ; les rapports qui en traitent montrent où elle en est.
reason-no-indicator = Aucun indicateur du site ne mesure encore cette cible : il n’y a pas de chiffres à comparer à son objectif.
reason-no-evidence = « { $metric } » n’a encore aucun chiffre réel ou estimé (les projections et les cibles sont des plans, pas des preuves).
reason-baseline-only = Seule la valeur de référence est connue ({ $baseline } en { $year }) : « { $metric } » n’a encore aucun chiffre réel ou estimé.
reason-reached = Atteinte : { $latest }, ce qui atteint l’objectif de { $goal }.
reason-reached-late = Atteinte en retard : { $latest }, ce qui atteint l’objectif de { $goal }, après l’échéance de { $deadline }.
reason-past-deadline = L’échéance, { $deadline }, est passée (les rapports couvrent jusqu’à { $as-of }), et le dernier chiffre, { $latest }, ne montre pas l’objectif de { $goal } atteint.
reason-one-year = Une seule année a des chiffres ({ $latest }) et aucune valeur de référence n’est donnée : un rythme demande une valeur d’une année antérieure.
reason-baseline-not-earlier = La valeur de référence, { $baseline } en { $year }, n’est pas antérieure au dernier chiffre, { $latest } : il n’y a pas encore de rythme à mesurer.
reason-pace = De { $start } en { $year } à { $latest }, le rythme atteint { $projected } en { $deadline }, { $outcome }.
reason-pace-open = De { $start } en { $year } à { $latest }, les bornes des chiffres laissent le rythme ouvert : elles ne permettent pas de dire si l’objectif de { $goal } sera atteint en { $deadline }.
reason-start-baseline = la valeur de référence de { $value }
reason-outcome-meets = ce qui atteint l’objectif de { $goal }
reason-outcome-short = en deçà de l’objectif de { $goal }
reason-outcome-above = encore au-dessus de l’objectif de { $goal }
reason-outcome-open = et les bornes ne permettent pas de dire si cela atteint l’objectif de { $goal }
reason-figure = { $figure } en { $year }

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = Comment les grandes orientations du SMSI servent les objectifs de développement durable et le Pacte numérique mondial. Un lien n’est affiché que lorsqu’une source l’établit, et chaque lien nomme sa source et en cite les termes.
frameworks-open-data-label = Données ouvertes :
frameworks-csv = la table de correspondance en CSV
frameworks-json = en JSON
frameworks-documents = les documents sources
frameworks-sdgs = Objectifs de développement durable
frameworks-gdc = Objectifs du Pacte numérique mondial
frameworks-matrix = Matrice
frameworks-matrix-caption = Les grandes orientations face aux objectifs : chaque marque est un lien fondé sur une source (le code d’une cible, « objectif » pour l’objectif dans son ensemble) et mène à sa ligne de la table de correspondance ci-dessous
frameworks-crosswalk = Table de correspondance
frameworks-crosswalk-caption = Tous les liens de la table de correspondance, avec la source qui les établit
frameworks-no-links = Aucun lien n’a encore été renseigné.
crosswalk-linked = Relié
crosswalk-to = À
crosswalk-source = La source et ses termes
crosswalk-in-crosswalk = dans la table de correspondance
crosswalk-which = { $from } et { $to }
goal-linked-lines = Grandes orientations reliées
goal-crosswalk-caption = Les liens de { $goal } dans la table de correspondance, avec leurs sources
goal-no-links = Aucun lien fondé sur une source vers une grande orientation n’a encore été renseigné.
goal-line-metrics = Indicateurs des grandes orientations reliées
goal-latest-reports = Derniers rapports sur les grandes orientations reliées
goal-latest-reports-intro-html = { $lines } : la page de chaque grande orientation les présente tous.
sdg-targets = Cibles de l’objectif

## Documents: resolutions and outcome documents
documents-lead = Les résolutions et documents finals que cite le site. Chaque paragraphe numéroté a sa propre adresse, de sorte qu’un engagement ou un lien peut renvoyer au paragraphe exact qui l’énonce.
documents-paragraphs = { $count ->
    [one] { $count } paragraphe
   *[other] { $count } paragraphes
}
document-issued-by = Publié par
document-date = Date
document-official-text = Texte officiel
document-excerpt-note = { $excerpt }. Le site ne transcrit que les paragraphes qu’il cite ; le texte officiel les contient tous.
document-cited-by = Cité par :
document-untranscribed = Paragraphes cités non transcrits ici

## Search
search-title = Recherche
search-lead = Rechercher dans les rapports, les grandes orientations, les organisations, les indicateurs, les cibles et les documents sources. Les résultats renvoient à la section du rapport qui correspond le mieux. Les mots sont reconnus sous toutes leurs formes : « network » trouve aussi « networks » et « networking ».
search-page-form-label = Page de recherche
search-words = Mots à rechercher
search-noscript-html = La recherche s’exécute dans votre navigateur et nécessite JavaScript, qui est désactivé. Parcourez plutôt les <a href="{ $base }reports/">rapports</a>, les <a href="{ $base }action-lines/">grandes orientations</a>, les <a href="{ $base }organizations/">organisations</a> et les <a href="{ $base }metrics/">indicateurs</a>.
search-help = Les flèches passent d’un résultat à l’autre, Entrée ouvre un résultat, Échap revient au champ de recherche.
search-results = Résultats
search-searching = Recherche en cours…
search-short = Saisissez un mot plus long.
search-common = « { $query } » ne contient que des mots courants, qui ne sont pas recherchés : ajoutez un mot plus précis.
search-none = Aucun résultat pour « { $query } ».
search-results-count = Résultats pour « { $query } » : { $count }.
search-best = Les { $shown } meilleurs sont affichés.
search-failed = La recherche a échoué : { $error }
search-old-browser = Ce navigateur est trop ancien pour lire l’index de recherche : la recherche nécessite une version de navigateur de 2023 ou plus récente.
search-kind-report = Rapport
search-kind-action-line = Grande orientation
search-kind-organization = Organisation
search-kind-metric = Indicateur
search-kind-target = Cible
search-kind-sdg = Objectif de développement durable
search-kind-gdc = Objectif du Pacte numérique mondial
search-kind-document = Document source

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code } : { $title } en { $year }
description-action-line = Grande orientation { $code } du SMSI : { $title }. Ce que les organisations en ont rapporté, année par année.
description-action-line-year = Ce que les organisations ont rapporté sur la grande orientation { $code } du SMSI en { $year }.
description-organization = Rapports et chiffres de { $org } sur la mise en œuvre des textes issus du SMSI.
description-metric = { $metric } ({ $org }), année par année, chaque valeur reliée à la phrase qui l’énonce.
description-year = Rapports sur la mise en œuvre des textes issus du SMSI portant sur { $year }, et toutes les valeurs énoncées pour cette année.
description-targets = Où en est chaque engagement et chaque cible du SMSI+20, d’après les chiffres énoncés dans les rapports.
description-target = { $target }, échéance { $deadline } : l’engagement, où il en est et les chiffres sur lesquels cela repose.
org-kind-un-system = Système des Nations Unies
org-kind-intergovernmental = Intergouvernemental
org-kind-government = Gouvernement
org-kind-civil-society = Société civile
org-kind-technical-community = Communauté technique
org-kind-private-sector = Secteur privé
org-kind-academia = Milieu universitaire
org-kind-coalition = Coalition
report-kind-annual-progress = Rapport annuel sur les progrès accomplis
report-kind-review-submission = Contribution à l’examen
report-kind-questionnaire-response = Réponse à un questionnaire
document-kind-resolution = Résolution
document-kind-outcome-document = Document final
document-kind-declaration = Déclaration
document-kind-plan-of-action = Plan d’action
document-kind-agenda = Programme
document-kind-report = Rapport

## The change of a figure from an earlier year
change-since = depuis { $year }
change-since-indicative = depuis { $year }, indicatif : chiffres non exacts
change-since-from = depuis { $year } ({ $from })
change-since-from-indicative = depuis { $year } ({ $from }), indicatif : chiffres non exacts
change-range = de { $low } à { $high }
change-or-more = { $value } ou plus
change-not-comparable = non comparable
change-other-source = avec { $year } ({ $from }) : { $this_source } et { $from_source } sont des sources différentes
change-not-comparable-note = avec { $year } ({ $from }) : { $this } et { $from } ne disent pas dans quel sens la valeur a évolué

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = Comment les grandes orientations du SMSI, les objectifs de développement durable et les objectifs du Pacte numérique mondial sont reliés, chaque lien avec la source qui l’établit.
description-sdg = Objectif de développement durable { $number } : { $title }. Les grandes orientations du SMSI qui y sont reliées, avec leurs sources, et les cibles et rapports qui le servent.
title-gdc = Objectif { $number } du Pacte numérique mondial : { $short }
description-gdc = Objectif { $number } du Pacte numérique mondial : { $title }. Les grandes orientations du SMSI qui y sont reliées, avec leurs sources, et les cibles et rapports qui le servent.
description-documents = Les résolutions et documents finals que cite le site, chaque paragraphe pouvant être lié par son numéro.
description-document = { $title } ({ $issuer }, { $date }) : les paragraphes que cite le site, chacun avec son propre lien.
citer-sdg = ODD
citer-sdg-target = Cible des ODD
citer-gdc-objective = Objectif du Pacte
citer-crosswalk-link = Lien de la table de correspondance
citer-baseline = Valeur de référence
citer-baseline-of = de { $target }
citer-target = Cible
targets-by-gdc = Par objectif du Pacte numérique mondial
targets-by-sdg = Par objectif de développement durable
targets-by-action-line = Par grande orientation
targets-group-gdc = Objectif { $number } : { $short }

## Curated content in the page's language
content-not-translated = Pas encore traduit ; affiché en { $language ->
    [en] anglais
    [fr] français
    [es] espagnol
    [ar] arabe
    [zh] chinois
    [ru] russe
   *[other] version originale
}.
report-translations = Autres langues

## Figures
figure-usd = { $value } $ US
figure-usd-million = { $value } millions de dollars US
figure-usd-billion = { $value } milliards de dollars US
figure-percent = { $value } %
figure-unit = { $value } { $unit }
figure-about = environ { $value }
figure-at-least = au moins { $value }
figure-up-to = jusqu’à { $value }
figure-between = entre { $low } et { $high }
figure-estimate = { $value } (estimation)
figure-projected = { $value } (prévision)
figure-target = { $value } (objectif)

## Citations
cite-this-report = Citer ce rapport
cite-this-metric = Citer cet indicateur
cite-stable-address = Adresse permanente :
cite-bibtex = BibTeX
cite-csl-json = CSL-JSON, pour Zotero, Mendeley et Pandoc

## Graphiques
chart-point = { $year } : { $figure }
chart-point-stated-by = { $year } : { $figure } (selon { $by })
chart-points-separator = { " ; " }
chart-desc-with-target = { $figures }. { $target }
chart-trend = Évolution de { $title } : { $points }
chart-desc-baseline = Valeur de référence : { $value } en { $year }.
chart-desc-goal = Objectif : { $value } (une ligne horizontale en tirets).
chart-desc-deadline = Échéance : { $year } (une ligne verticale).
chart-baseline-title = Valeur de référence : { $value } en { $year }
chart-goal-title = Objectif : { $value } d’ici { $year }
chart-deadline-title = Échéance : { $year }
chart-baseline-label = référence
chart-goal-label = objectif { $value }
chart-deadline-label = échéance { $year }
chart-mark-estimate = estim.
chart-mark-projected = prévision
chart-mark-target = objectif
chart-legend-value = valeur
chart-legend-about = environ
chart-legend-estimate = estimation
chart-legend-at-least = au moins : peut être plus élevé
chart-legend-up-to = jusqu’à : peut être plus bas
chart-legend-range = fourchette : du bas au haut
chart-legend-projected = prévision
chart-legend-target = objectif
chart-legend-beside = selon d’autres sources

## Codes et listes
# ODD : Objectif de développement durable, l’abréviation des Nations Unies.
code-sdg = ODD { $number }
code-titled = { $code } : { $title }
# Le Pacte numérique mondial n’a pas d’abréviation française officielle sûre :
# le code anglais GDC est gardé.
code-gdc = GDC { $number }
list-separator = { ", " }
list-separator-strong = { " ; " }
list-last = { $init } et { $last }
document-excerpt = Extrait : { $count ->
    [one] paragraphe
   *[other] paragraphes
} { $list }
nav-previous-year = ← { $year }
nav-next-year = { $year } →

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = Pages
pager-page-of = Page { $page } sur { $pages }
pager-previous = ← Page précédente
pager-next = Page suivante →
pager-page = Page { $page }
pager-number = { $page }
pager-title = { $title }, page { $page } sur { $pages }
