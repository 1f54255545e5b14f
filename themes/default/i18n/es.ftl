# Interface text in Spanish. Machine-translated from en.ftl (not from an official
# UN source): to be reviewed by a native speaker. See en.ftl for the notes on each
# string; a key ending in `-html` holds markup: keep its tags as they are.

language-name = Español

## The header and footer of every page
skip-to-content = Ir al contenido
search-label = Buscar en el sitio
search-placeholder = Buscar informes, indicadores…
search-button = Buscar
search-form-label = Sitio
nav-main = Principal
nav-languages = Idiomas
nav-home = Inicio
feed-title = { $site }: informes
footer-open-data-html = Cada cifra enlaza con la frase del informe que la enuncia. Datos abiertos: <a href="{ $base }data/metrics.csv">cifras (CSV)</a>, <a href="{ $base }data/metrics.json">indicadores (JSON)</a>, <a href="{ $base }data/reports.json">informes (JSON)</a>, <a href="{ $base }data/datapackage.json">paquete de datos con esquemas</a>. Creado con wsis.
breadcrumb-label = Ruta de navegación

## Words several pages share: headings, table columns, labels of facts
shared-action-line = Línea de acción
shared-action-lines = Líneas de acción
shared-organization = Organización
shared-organizations = Organizaciones
shared-reports = Informes
shared-metric = Indicador
shared-metrics = Indicadores
shared-targets = Metas
shared-target = Meta
shared-kind = Tipo
shared-year = Año
shared-years = Años
shared-value = Valor
shared-change = Variación
shared-source = Fuente
shared-deadline = Plazo
shared-latest = Último valor
shared-latest-evidence = Último dato
shared-status = Situación
shared-coverage = Cobertura
shared-frameworks = Marcos
shared-documents = Documentos
shared-indicator = Indicador
shared-source-is = Fuente:
citation-paragraph = { $symbol }, párrafo { $paragraph }
shared-none = ninguno
shared-no-link = sin vínculo
shared-in-year = en { $year }
shared-value-in-year = { $value } en { $year }
shared-cited-from-html = (citado de { $source })
shared-words = { $count ->
    [one] { $count } palabra
   *[other] { $count } palabras
}

## The 404 page
not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Puede que se haya movido al cambiar el nombre de un informe.

## The home page
home-targets-title = Situación de las metas
home-targets-caption = Las metas con el plazo más próximo
home-all-targets = Todas las metas
home-how-status = cómo se determina la situación
home-count-reports-html = <strong>{ $count }</strong> { $count ->
    [one] informe
   *[other] informes
}
home-count-organizations-html = <strong>{ $count }</strong> { $count ->
    [one] organización
   *[other] organizaciones
}
home-count-action-lines-html = <strong>{ $count }</strong> { $count ->
    [one] línea de acción
   *[other] líneas de acción
}
home-count-metrics-html = <strong>{ $count }</strong> { $count ->
    [one] indicador
   *[other] indicadores
}
home-count-figures-html = <strong>{ $count }</strong> { $count ->
    [one] cifra vinculada a su frase
   *[other] cifras vinculadas a su frase
}
home-latest-reports = Últimos informes
home-all-reports = Todos los informes
home-headline-metrics = Indicadores seguidos durante varios años
home-all-metrics = Todos los indicadores
home-all-figures-csv = todas las cifras en CSV

## Lists shared by several pages: reports, figures, metrics, coverage
report-list-meta-html = { $kind } · abarca { $year } · publicado el { $date }
observations-change-from-previous = Variación respecto del año anterior
observations-stated-by = (enunciado por { $org }; no es el valor de la serie)
observations-stated-by-citing = (enunciado por { $org }, citando a { $source }; no es el valor de la serie)
observations-not-year-value = (no es el valor del año)
observations-restated-in-html = (repetido en { $reports })
observations-not-compared = { $status }: no comparado
observations-first-value = primer valor
observations-cite = Citar
observations-cite-which = la cifra { $value } de { $year }
metrics-table-caption = { $heading }: último valor, variación y tendencia
metrics-trend = Tendencia
metrics-no-values = aún no hay valores
coverage-caption = Qué organización informó sobre qué línea de acción, y en qué años
coverage-caption-some-html = Qué organización informó sobre qué línea de acción, y en qué años: las { $shown } organizaciones con más informes, de { $total } (todas figuran en la <a href="{ $url }">página de organizaciones</a>)
sections-none = Ninguna sección sobre { $code }.
targets-table-goal = objetivo: { $goal }
targets-none-yet = aún ninguno
targets-summary-total = { $total ->
    [one] De { $total } meta.
   *[other] De { $total } metas.
}
targets-summary-total-as-of = { $total ->
    [one] De { $total } meta, según las cifras de { $year }.
   *[other] De { $total } metas, según las cifras de { $year }.
}
targets-serving-caption = Metas al servicio de { $name }: situación y plazo
targets-serving = Metas al servicio de { $name }

## Action lines
action-lines-title = Líneas de acción de la CMSI
action-lines-lead = Las once líneas de acción del Plan de Acción de Ginebra, con los organismos de las Naciones Unidas que las facilitan y los informes que las abordan.
action-lines-facilitated-by-html = Facilitada por { $list }
action-lines-counts = { $reports ->
    [one] { $reports } informe
   *[other] { $reports } informes
}, { $sections ->
    [one] { $sections } sección
   *[other] { $sections } secciones
}
line-facilitators = Facilitadores
line-facilitators-none = Ninguno registrado
line-stated-in = Enunciada en
line-reported = Lo que se informó
line-year-pages-intro = Las secciones sobre { $code } están en una página por año:
line-year-counts = { $sections ->
    [one] { $sections } sección
   *[other] { $sections } secciones
} de { $reports ->
    [one] { $reports } informe
   *[other] { $reports } informes
}
line-no-sections = Ningún informe tiene todavía una sección sobre esta línea de acción.
line-all-reports = Todos los informes que mencionan { $code }
line-year-other-years = Otros años de { $code }
line-year-reported = Lo que se informó en { $year }
line-frameworks-title = Objetivos de Desarrollo Sostenible y Pacto Digital Global
line-frameworks-intro = Cada vínculo lo establece la fuente que figura a su lado.
line-frameworks-intro-crosswalk-html = Cada vínculo lo establece la fuente que figura a su lado; todos están en <a href="{ $url }">la tabla de correspondencias</a>.
line-frameworks-caption = Los objetivos, metas y objetivos del Pacto con los que se vincula { $code }, con sus fuentes
line-frameworks-linked-to = Vinculado con

## Organizations
organizations-lead = Quién informa sobre la aplicación de los resultados de la CMSI y quién facilita las líneas de acción.
organizations-caption = Las organizaciones, su tipo y sus informes
organizations-facilitates = Facilita
organization-website = Sitio web
organization-reports-on = Informa sobre
organization-no-reports = Aún no hay informes.

## Reports
reports-lead-html = { $total ->
    [one] { $total } informe, por el año que abarca.
   *[other] { $total } informes, por el año que abarcan.
} <a href="{ $url }">Metadatos de los informes en JSON</a>.
reports-covering-year = { $count ->
    [one] { $count } informe que abarca { $year }
   *[other] { $count } informes que abarcan { $year }
}
report-covers = Abarca
report-published = Publicado
report-kind-submitted-to = { $kind }, presentado a { $body }
report-original = Original
report-other-reports = Otros informes de { $org }
report-previous = ← Anterior: { $title }
report-next = Siguiente: { $title } →
report-what-changed = Qué ha cambiado desde entonces
report-figures-title = Cifras de este informe
report-figures-caption = Cifras enunciadas en este informe, cada una vinculada a su frase
report-sentence = Frase
report-restates-html = (repite { $report })
report-contents = Índice
report-compare-title = Comparación con el informe anterior
compare-no-change-outlook = una proyección o meta no se compara
compare-no-change-not-later = no es un año posterior
report-compare-intro-html = Qué ha cambiado desde { $previous } ({ $year }).
report-compare-figures-caption = Cifras que enuncian ambos informes
report-compare-lines-caption = Secciones de ambos informes por línea de acción y su extensión

## Metrics
metrics-lead = { $total ->
    [one] { $total } cifra seguida, por organización. Cada valor enlaza con la frase del informe que lo enuncia.
   *[other] { $total } cifras seguidas, por organización. Cada valor enlaza con la frase del informe que lo enuncia.
}
metrics-open-data-html = Datos abiertos: <a href="{ $base }data/metrics.csv">todas las cifras en CSV</a> · <a href="{ $base }data/metrics.json">los indicadores con sus series en JSON</a> · <a href="{ $base }data/reports.json">los informes en JSON</a> · <a href="{ $base }data/datapackage.json">el paquete de datos que describe cada tabla (Frictionless)</a>
metrics-org-count-html = <a href="{ $url }">{ $count ->
    [one] { $count } indicador
   *[other] { $count } indicadores
}</a> con sus últimos valores y tendencias.
metric-unit = Unidad
metric-data = Datos
metric-data-described-html = (descritos en el <a href="{ $url }">paquete de datos</a>)
metric-chart-caption = { $metric } por año. Cuando un año tiene varios valores, se traza el más seguro (un valor efectivo antes que una estimación, luego el más reciente), con las cifras enunciadas por otros a su lado; todas figuran en la tabla siguiente. La leyenda bajo el gráfico explica los límites, los intervalos, las proyecciones y las metas cuando los hay: una línea solo une valores exactos y aproximados.
metric-targets = Metas que mide
metric-targets-caption = Metas que tienen { $metric } como indicador
metric-values = Valores por año
metric-values-caption = { $metric }, según lo enunciado en los informes
metric-no-values = Ningún informe enuncia todavía un valor.

## Years
years-counts = { $reports ->
    [one] { $reports } informe
   *[other] { $reports } informes
}, { $values ->
    [one] { $values } valor
   *[other] { $values } valores
}
year-other-years = Otros años
year-reports = Informes que abarcan { $year }
year-no-reports = Ningún informe abarca { $year }; los valores siguientes proceden de informes de otros años.
year-values = Valores de { $year }
year-values-caption = Todos los valores enunciados para { $year }

## Targets
targets-lead-html = Los compromisos y metas del marco de la CMSI+20, cada uno con su situación según las cifras que enuncian los informes. <a href="#method">Cómo se determina la situación</a>.
targets-by-framework = Metas por marco
targets-all = Todas las metas
targets-method = Método
targets-all-caption = Todas las metas: su situación, su plazo y la última cifra de su indicador
targets-method-title = Cómo se determina la situación
targets-method-intro = Una meta con un número por alcanzar se mide con su indicador, un indicador de este sitio. Solo cuentan como datos las cifras que describen lo ocurrido (valores efectivos y estimaciones); las proyecciones y las metas enunciadas en los informes se muestran, pero nunca se cuentan. Un límite cuenta por aquello de lo que está seguro: «al menos 40» es 40 cuando la meta es subir, y no dice nada cuando es bajar; un aumento que parte de «al menos 40» puede no haber sido un aumento.
targets-method-on-track = el último dato alcanza la meta, o el ritmo desde el valor de referencia (o, en su defecto, el primer dato) hasta el último dato, prolongado hasta el plazo, la alcanza incluso en el caso menos favorable que permiten los límites de las cifras.
targets-method-off-track = el plazo ha vencido sin que se alcance la meta, o el ritmo no la alcanza ni siquiera en el caso más favorable que permiten los límites.
targets-method-insufficient-data = no hay indicador, ni datos, ni un valor anterior desde el cual medir un ritmo, o los límites son demasiado amplios para concluir.
targets-method-not-measured = una meta enunciada en palabras; los informes sobre sus líneas de acción son sus datos.
targets-method-deadlines = Los plazos se juzgan respecto del último año que abarca un informe, no del día en que se generó el sitio, de modo que el mismo contenido siempre da la misma situación. La página de cada meta indica qué valores y años se compararon.
targets-method-deadlines-as-of = Los plazos se juzgan respecto del último año que abarca un informe ({ $year }), no del día en que se generó el sitio, de modo que el mismo contenido siempre da la misma situación. La página de cada meta indica qué valores y años se compararon.
status-on-track = En buen camino
status-off-track = Rezagada
status-insufficient-data = Datos insuficientes
status-not-measured = No medida
target-source-reads = La fuente dice: «{ $quote }»
target-where-it-stands = Situación
target-how-status-html = Cómo se determina la situación: <a href="{ $url }">el método</a>.
target-end-state = Estado final
target-baseline = Valor de referencia
target-serves = Contribuye a
target-latest-in-html = { $link } en { $year }
target-chart-caption = { $indicator } por año, con la meta: el valor de referencia como un rombo, el valor por alcanzar como una línea horizontal discontinua y el plazo como una línea vertical. Todas las cifras figuran en la tabla siguiente.
target-figures = Cifras del indicador
target-figures-caption = { $indicator }, según lo enunciado en los informes
target-no-figures-html = Ningún informe enuncia todavía una cifra de <a href="{ $url }">{ $indicator }</a>.
target-reports-say = Lo que dicen los informes
target-latest-sections = Las últimas secciones de informes sobre { $codes }; todas están en las páginas de las líneas de acción.
target-section-meta-html = { $org }: { $report } · abarca { $year } · { $words ->
    [one] { $words } palabra
   *[other] { $words } palabras
}
target-no-sections-lines = Ningún informe tiene todavía una sección sobre sus líneas de acción.
target-no-sections = Ningún informe tiene todavía una sección sobre esta meta.
reason-qualitative = Una meta cualitativa: no se calcula ningún estado; los informes que tratan de ella muestran en qué punto está.
reason-no-indicator = Ningún indicador del sitio mide todavía esta meta, así que no hay cifras que comparar con su objetivo.
reason-no-evidence = «{ $metric }» aún no tiene ninguna cifra real o estimada (las proyecciones y las metas son planes, no pruebas).
reason-baseline-only = Solo se conoce el valor de referencia ({ $baseline } en { $year }): «{ $metric }» aún no tiene ninguna cifra real o estimada.
reason-reached = Alcanzada: { $latest }, que cumple el objetivo de { $goal }.
reason-reached-late = Alcanzada con retraso: { $latest }, que cumple el objetivo de { $goal }, después del plazo de { $deadline }.
reason-past-deadline = El plazo, { $deadline }, ha vencido (los informes abarcan hasta { $as-of }), y la última cifra, { $latest }, no muestra alcanzado el objetivo de { $goal }.
reason-one-year = Solo un año tiene cifras ({ $latest }) y no se da ningún valor de referencia: un ritmo necesita un valor de un año anterior.
reason-baseline-not-earlier = El valor de referencia, { $baseline } en { $year }, no es anterior a la última cifra, { $latest }: todavía no hay ritmo que medir.
reason-pace = De { $start } en { $year } a { $latest }, el ritmo llega a { $projected } en { $deadline }, { $outcome }.
reason-pace-open = De { $start } en { $year } a { $latest }, los límites de las cifras dejan el ritmo abierto: no permiten saber si el objetivo de { $goal } se cumplirá en { $deadline }.
reason-start-baseline = el valor de referencia de { $value }
reason-outcome-meets = lo que cumple el objetivo de { $goal }
reason-outcome-short = por debajo del objetivo de { $goal }
reason-outcome-above = aún por encima del objetivo de { $goal }
reason-outcome-open = y los límites no permiten saber si eso cumple el objetivo de { $goal }
reason-figure = { $figure } en { $year }

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = Cómo las líneas de acción de la CMSI contribuyen a los Objetivos de Desarrollo Sostenible y al Pacto Digital Global. Un vínculo solo se muestra cuando una fuente lo establece, y cada vínculo nombra su fuente y cita sus palabras.
frameworks-open-data-label = Datos abiertos:
frameworks-csv = la tabla de correspondencias en CSV
frameworks-json = en JSON
frameworks-documents = los documentos de origen
frameworks-sdgs = Objetivos de Desarrollo Sostenible
frameworks-gdc = Objetivos del Pacto Digital Global
frameworks-matrix = Matriz
frameworks-matrix-caption = Las líneas de acción frente a los objetivos: cada marca es un vínculo respaldado por una fuente (el código de una meta, «objetivo» para el objetivo en su conjunto) y lleva a su fila de la tabla de correspondencias siguiente
frameworks-crosswalk = Tabla de correspondencias
frameworks-crosswalk-caption = Todos los vínculos de la tabla de correspondencias, con la fuente que los establece
frameworks-no-links = Todavía no se ha registrado ningún vínculo.
crosswalk-linked = Vinculado
crosswalk-to = Con
crosswalk-source = La fuente y sus palabras
crosswalk-in-crosswalk = en la tabla de correspondencias
crosswalk-which = { $from } y { $to }
goal-linked-lines = Líneas de acción vinculadas
goal-crosswalk-caption = Los vínculos de { $goal } en la tabla de correspondencias, con sus fuentes
goal-no-links = Todavía no se ha registrado ningún vínculo con fuente hacia una línea de acción.
goal-line-metrics = Indicadores de las líneas de acción vinculadas
goal-latest-reports = Últimos informes sobre las líneas de acción vinculadas
goal-latest-reports-intro-html = { $lines }: la página de cada línea de acción los reúne todos.
sdg-targets = Metas del objetivo

## Documents: resolutions and outcome documents
documents-lead = Las resoluciones y documentos finales que cita el sitio. Cada párrafo numerado tiene su propia dirección, de modo que un compromiso o un vínculo puede remitir al párrafo exacto que lo enuncia.
documents-paragraphs = { $count ->
    [one] { $count } párrafo
   *[other] { $count } párrafos
}
document-issued-by = Publicado por
document-date = Fecha
document-official-text = Texto oficial
document-excerpt-note = { $excerpt }. El sitio solo transcribe los párrafos que cita; el texto oficial los contiene todos.
document-cited-by = Citado por:
document-untranscribed = Párrafos citados no transcritos aquí

## Search
search-title = Búsqueda
search-lead = Busque en los informes, las líneas de acción, las organizaciones, los indicadores, las metas y los documentos de origen. Los resultados enlazan con la sección del informe que mejor coincide. Las palabras se reconocen en todas sus formas: «network» también encuentra «networks» y «networking».
search-page-form-label = Página de búsqueda
search-words = Palabras que buscar
search-noscript-html = La búsqueda se ejecuta en su navegador y necesita JavaScript, que está desactivado. Consulte en su lugar los <a href="{ $base }reports/">informes</a>, las <a href="{ $base }action-lines/">líneas de acción</a>, las <a href="{ $base }organizations/">organizaciones</a> y los <a href="{ $base }metrics/">indicadores</a>.
search-help = Las flechas pasan de un resultado a otro, Intro abre un resultado y Esc vuelve al campo de búsqueda.
search-results = Resultados
search-searching = Buscando…
search-short = Escriba una palabra más larga.
search-common = «{ $query }» solo contiene palabras comunes, que no se buscan: añada una palabra más específica.
search-none = No hay resultados para «{ $query }».
search-results-count = Resultados para «{ $query }»: { $count }.
search-best = Se muestran los { $shown } mejores.
search-failed = La búsqueda falló: { $error }
search-old-browser = Este navegador es demasiado antiguo para leer el índice de búsqueda: la búsqueda necesita una versión de navegador de 2023 o posterior.
search-kind-report = Informe
search-kind-action-line = Línea de acción
search-kind-organization = Organización
search-kind-metric = Indicador
search-kind-target = Meta
search-kind-sdg = Objetivo de Desarrollo Sostenible
search-kind-gdc = Objetivo del Pacto Digital Global
search-kind-document = Documento de origen

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code }: { $title } en { $year }
description-action-line = Línea de acción { $code } de la CMSI: { $title }. Lo que las organizaciones informaron sobre ella, año por año.
description-action-line-year = Lo que las organizaciones informaron sobre la línea de acción { $code } de la CMSI en { $year }.
description-organization = Informes y cifras de { $org } sobre la aplicación de los resultados de la CMSI.
description-metric = { $metric } ({ $org }), año por año, cada valor vinculado a la frase que lo enuncia.
description-year = Informes sobre la aplicación de los resultados de la CMSI que abarcan { $year }, y todos los valores enunciados para ese año.
description-targets = La situación de cada compromiso y meta de la CMSI+20, según las cifras que enuncian los informes.
description-target = { $target }, con plazo en { $deadline }: el compromiso, su situación y las cifras en que se basa.
org-kind-un-system = Sistema de las Naciones Unidas
org-kind-intergovernmental = Intergubernamental
org-kind-government = Gobierno
org-kind-civil-society = Sociedad civil
org-kind-technical-community = Comunidad técnica
org-kind-private-sector = Sector privado
org-kind-academia = Mundo académico
org-kind-coalition = Coalición
report-kind-annual-progress = Informe anual sobre los progresos
report-kind-review-submission = Contribución al examen
report-kind-questionnaire-response = Respuesta a un cuestionario
document-kind-resolution = Resolución
document-kind-outcome-document = Documento final
document-kind-declaration = Declaración
document-kind-plan-of-action = Plan de acción
document-kind-agenda = Agenda
document-kind-report = Informe

## The change of a figure from an earlier year
change-since = desde { $year }
change-since-indicative = desde { $year }, indicativo: cifras no exactas
change-since-from = desde { $year } ({ $from })
change-since-from-indicative = desde { $year } ({ $from }), indicativo: cifras no exactas
change-range = de { $low } a { $high }
change-or-more = { $value } o más
change-not-comparable = no comparable
change-other-source = con { $year } ({ $from }): { $this_source } y { $from_source } son fuentes distintas
change-not-comparable-note = con { $year } ({ $from }): { $this } y { $from } no indican en qué sentido varió

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = Cómo se vinculan las líneas de acción de la CMSI, los Objetivos de Desarrollo Sostenible y los objetivos del Pacto Digital Global, cada vínculo con la fuente que lo establece.
description-sdg = Objetivo de Desarrollo Sostenible { $number }: { $title }. Las líneas de acción de la CMSI vinculadas con él, con sus fuentes, y las metas e informes que contribuyen a él.
title-gdc = Objetivo { $number } del Pacto Digital Global: { $short }
description-gdc = Objetivo { $number } del Pacto Digital Global: { $title }. Las líneas de acción de la CMSI vinculadas con él, con sus fuentes, y las metas e informes que contribuyen a él.
description-documents = Las resoluciones y documentos finales que cita el sitio, cada párrafo enlazable por su número.
description-document = { $title } ({ $issuer }, { $date }): los párrafos que cita el sitio, cada uno enlazable por su número.
citer-sdg = ODS
citer-sdg-target = Meta de los ODS
citer-gdc-objective = Objetivo del Pacto
citer-crosswalk-link = Vínculo de la tabla de correspondencias
citer-baseline = Valor de referencia
citer-baseline-of = de { $target }
citer-target = Meta
targets-by-gdc = Por objetivo del Pacto Digital Global
targets-by-sdg = Por Objetivo de Desarrollo Sostenible
targets-by-action-line = Por línea de acción
targets-group-gdc = Objetivo { $number }: { $short }

## Curated content in the page's language
content-not-translated = Aún sin traducir; se muestra en { $language ->
    [en] inglés
    [fr] francés
    [es] español
    [ar] árabe
    [zh] chino
    [ru] ruso
   *[other] su idioma original
}.
report-translations = Otros idiomas

## Figures
figure-usd = { $value } USD
figure-usd-million = { $value } millones de USD
figure-usd-billion = { $value } mil millones de USD
figure-percent = { $value } %
figure-unit = { $value } { $unit }
figure-about = alrededor de { $value }
figure-at-least = al menos { $value }
figure-up-to = hasta { $value }
figure-between = entre { $low } y { $high }
figure-estimate = { $value } (estimación)
figure-projected = { $value } (proyección)
figure-target = { $value } (meta)

## Citations
cite-this-report = Citar este informe
cite-this-metric = Citar este indicador
cite-stable-address = Dirección permanente:
cite-bibtex = BibTeX
cite-csl-json = CSL-JSON, para Zotero, Mendeley y Pandoc

## Gráficos
chart-point = { $year }: { $figure }
chart-point-stated-by = { $year }: { $figure } (según { $by })
chart-points-separator = { "; " }
chart-desc-with-target = { $figures }. { $target }
chart-trend = Evolución de { $title }: { $points }
chart-desc-baseline = Valor de referencia: { $value } en { $year }.
chart-desc-goal = Meta: { $value } (una línea horizontal discontinua).
chart-desc-deadline = Plazo: { $year } (una línea vertical).
chart-baseline-title = Valor de referencia: { $value } en { $year }
chart-goal-title = Meta: { $value } para { $year }
chart-deadline-title = Plazo: { $year }
chart-baseline-label = referencia
chart-goal-label = meta { $value }
chart-deadline-label = plazo { $year }
chart-mark-estimate = est.
chart-mark-projected = proyección
chart-mark-target = meta
chart-legend-value = valor
chart-legend-about = alrededor de
chart-legend-estimate = estimación
chart-legend-at-least = al menos: puede ser mayor
chart-legend-up-to = hasta: puede ser menor
chart-legend-range = intervalo: de mínimo a máximo
chart-legend-projected = proyección
chart-legend-target = meta
chart-legend-beside = según otras fuentes

## Códigos y listas
# ODS: Objetivo de Desarrollo Sostenible, la abreviatura de las Naciones Unidas.
code-sdg = ODS { $number }
code-titled = { $code }: { $title }
# El Pacto Digital Global no tiene una abreviatura española oficial segura: se
# conserva el código inglés GDC.
code-gdc = GDC { $number }
list-separator = { ", " }
list-separator-strong = { "; " }
list-last = { $init } y { $last }
document-excerpt = Extracto: { $count ->
    [one] párrafo
   *[other] párrafos
} { $list }
nav-previous-year = ← { $year }
nav-next-year = { $year } →

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = Páginas
pager-page-of = Página { $page } de { $pages }
pager-previous = ← Página anterior
pager-next = Página siguiente →
pager-page = Página { $page }
pager-number = { $page }
pager-title = { $title }, página { $page } de { $pages }
