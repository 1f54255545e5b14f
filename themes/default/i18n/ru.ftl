# Interface text in Russian. Machine-translated from en.ftl (not from an official
# UN source): to be reviewed by a native speaker. See en.ftl for the notes on each
# string; a key ending in `-html` holds markup: keep its tags as they are.
# Plural categories: one (1, 21, 31…), few (2–4, 22–24…), many (0, 5–20, 25–30…),
# other (fractions).

language-name = Русский

## The header and footer of every page
skip-to-content = Перейти к содержанию
search-label = Поиск по сайту
search-placeholder = Искать доклады, показатели…
search-button = Найти
search-form-label = Сайт
nav-main = Основная навигация
nav-languages = Языки
nav-home = Главная
feed-title = { $site }: доклады
footer-open-data-html = Каждая цифра ведёт к предложению доклада, в котором она приведена. Открытые данные: <a href="{ $base }data/metrics.csv">цифры (CSV)</a>, <a href="{ $base }data/metrics.json">показатели (JSON)</a>, <a href="{ $base }data/reports.json">доклады (JSON)</a>, <a href="{ $base }data/datapackage.json">пакет данных со схемами</a>. Сайт создан с помощью wsis.
breadcrumb-label = Навигационная цепочка

## Words several pages share: headings, table columns, labels of facts
shared-action-line = Направление деятельности
shared-action-lines = Направления деятельности
shared-organization = Организация
shared-organizations = Организации
shared-reports = Доклады
shared-metric = Показатель
shared-metrics = Показатели
shared-targets = Цели
shared-target = Цель
shared-kind = Вид
shared-year = Год
shared-years = Годы
shared-value = Значение
shared-change = Изменение
shared-source = Источник
shared-deadline = Срок
shared-latest = Последнее значение
shared-latest-evidence = Последние данные
shared-status = Состояние
shared-coverage = Охват
shared-frameworks = Рамочные документы
shared-documents = Документы
shared-indicator = Индикатор
shared-source-is = Источник:
citation-paragraph = { $symbol }, пункт { $paragraph }
shared-none = нет
shared-no-link = нет связи
shared-in-year = в { $year } г.
shared-value-in-year = { $value } в { $year } г.
shared-cited-from-html = (по данным: { $source })
shared-words = { $count ->
    [one] { $count } слово
    [few] { $count } слова
    [many] { $count } слов
   *[other] { $count } слова
}

## The 404 page
not-found-title = Страница не найдена
not-found-text = По этому адресу страницы нет. Возможно, она переместилась, когда доклад был переименован.

## The home page
home-targets-title = Положение дел с целями
home-targets-caption = Цели с ближайшим сроком
home-all-targets = Все цели
home-how-status = как определяется состояние
home-count-reports-html = <strong>{ $count }</strong> { $count ->
    [one] доклад
    [few] доклада
    [many] докладов
   *[other] доклада
}
home-count-organizations-html = <strong>{ $count }</strong> { $count ->
    [one] организация
    [few] организации
    [many] организаций
   *[other] организации
}
home-count-action-lines-html = <strong>{ $count }</strong> { $count ->
    [one] направление деятельности
    [few] направления деятельности
    [many] направлений деятельности
   *[other] направления деятельности
}
home-count-metrics-html = <strong>{ $count }</strong> { $count ->
    [one] показатель
    [few] показателя
    [many] показателей
   *[other] показателя
}
home-count-figures-html = <strong>{ $count }</strong> { $count ->
    [one] цифра, связанная с её предложением
    [few] цифры, связанные со своими предложениями
    [many] цифр, связанных со своими предложениями
   *[other] цифры, связанные со своими предложениями
}
home-latest-reports = Последние доклады
home-all-reports = Все доклады
home-headline-metrics = Показатели, отслеживаемые на протяжении нескольких лет
home-all-metrics = Все показатели
home-all-figures-csv = все цифры в формате CSV

## Lists shared by several pages: reports, figures, metrics, coverage
report-list-meta-html = { $kind } · за { $year } г. · опубликован { $date }
observations-change-from-previous = Изменение по сравнению с предыдущим годом
observations-stated-by = (приведено организацией { $org }; не значение ряда)
observations-stated-by-citing = (приведено организацией { $org } со ссылкой на { $source }; не значение ряда)
observations-not-year-value = (не значение за год)
observations-restated-in-html = (повторено в: { $reports })
observations-not-compared = { $status }: не сравнивается
observations-first-value = первое значение
observations-cite = Цитировать
observations-cite-which = значение { $value } за { $year } г.
metrics-table-caption = { $heading }: последнее значение, изменение и динамика
metrics-trend = Динамика
metrics-no-values = значений пока нет
coverage-caption = Какая организация и в какие годы представляла доклады по какому направлению деятельности
coverage-caption-some-html = Какая организация и в какие годы представляла доклады по какому направлению деятельности: { $shown } организаций с наибольшим числом докладов из { $total } (все они есть на <a href="{ $url }">странице организаций</a>)
sections-none = Нет раздела о { $code }.
targets-table-goal = цель: { $goal }
targets-none-yet = пока нет
targets-summary-total = { $total ->
    [one] Всего { $total } цель.
    [few] Всего { $total } цели.
    [many] Всего { $total } целей.
   *[other] Всего { $total } цели.
}
targets-summary-total-as-of = { $total ->
    [one] Всего { $total } цель, по данным за { $year } г.
    [few] Всего { $total } цели, по данным за { $year } г.
    [many] Всего { $total } целей, по данным за { $year } г.
   *[other] Всего { $total } цели, по данным за { $year } г.
}
targets-serving-caption = Цели, которым служит { $name }: состояние и срок
targets-serving = Цели, которым служит { $name }

## Action lines
action-lines-title = Направления деятельности ВВУИО
action-lines-lead = Одиннадцать направлений деятельности Женевского плана действий, их координаторы из системы ООН и доклады, в которых они рассматриваются.
action-lines-facilitated-by-html = Координаторы: { $list }
action-lines-counts = { $reports ->
    [one] { $reports } доклад
    [few] { $reports } доклада
    [many] { $reports } докладов
   *[other] { $reports } доклада
}, { $sections ->
    [one] { $sections } раздел
    [few] { $sections } раздела
    [many] { $sections } разделов
   *[other] { $sections } раздела
}
line-facilitators = Координаторы
line-facilitators-none = Не указаны
line-stated-in = Где сформулировано
line-reported = О чём сообщалось
line-year-pages-intro = Разделы о { $code } размещены на отдельной странице для каждого года:
line-year-counts = { $sections ->
    [one] { $sections } раздел
    [few] { $sections } раздела
    [many] { $sections } разделов
   *[other] { $sections } раздела
} из { $reports ->
    [one] { $reports } доклада
    [few] { $reports } докладов
    [many] { $reports } докладов
   *[other] { $reports } докладов
}
line-no-sections = Ни в одном докладе пока нет раздела об этом направлении деятельности.
line-all-reports = Все доклады, в которых упоминается { $code }
line-year-other-years = Другие годы для { $code }
line-year-reported = О чём сообщалось в { $year } г.
line-frameworks-title = Цели в области устойчивого развития и Глобальный цифровой договор
line-frameworks-intro = Каждая связь подтверждается источником, указанным рядом с ней.
line-frameworks-intro-crosswalk-html = Каждая связь подтверждается источником, указанным рядом с ней; все они приведены в <a href="{ $url }">таблице соответствия</a>.
line-frameworks-caption = Цели, задачи и задачи Договора, с которыми связано { $code }, с источниками
line-frameworks-linked-to = Связано с

## Organizations
organizations-lead = Кто представляет доклады о выполнении решений ВВУИО и кто координирует направления деятельности.
organizations-caption = Организации, их вид и их доклады
organizations-facilitates = Координирует
organization-website = Веб-сайт
organization-reports-on = Доклады по
organization-no-reports = Докладов пока нет.

## Reports
reports-lead-html = { $total ->
    [one] { $total } доклад, по годам, за которые он представлен.
    [few] { $total } доклада, по годам, за которые они представлены.
    [many] { $total } докладов, по годам, за которые они представлены.
   *[other] { $total } доклада, по годам, за которые они представлены.
} <a href="{ $url }">Метаданные докладов в формате JSON</a>.
reports-covering-year = { $count ->
    [one] { $count } доклад за { $year } г.
    [few] { $count } доклада за { $year } г.
    [many] { $count } докладов за { $year } г.
   *[other] { $count } доклада за { $year } г.
}
report-covers = Охватываемый год
report-published = Опубликован
report-kind-submitted-to = { $kind }, представлен: { $body }
report-original = Оригинал
report-other-reports = Другие доклады { $org }
report-previous = ← Предыдущий: { $title }
report-next = Следующий: { $title } →
report-what-changed = Что изменилось с тех пор
report-figures-title = Цифры в этом докладе
report-figures-caption = Цифры, приведённые в этом докладе, каждая со ссылкой на своё предложение
report-sentence = Предложение
report-restates-html = (повторяет { $report })
report-contents = Содержание
report-compare-title = Сравнение с предыдущим докладом
compare-no-change-outlook = прогноз или цель не сравниваются
compare-no-change-not-later = не более поздний год
report-compare-intro-html = Что изменилось со времени доклада { $previous } ({ $year } г.).
report-compare-figures-caption = Цифры, приведённые в обоих докладах
report-compare-lines-caption = Разделы обоих докладов по направлениям деятельности и их объём

## Metrics
metrics-lead = { $total ->
    [one] { $total } отслеживаемая величина, по организациям. Каждое значение ведёт к предложению доклада, в котором оно приведено.
    [few] { $total } отслеживаемые величины, по организациям. Каждое значение ведёт к предложению доклада, в котором оно приведено.
    [many] { $total } отслеживаемых величин, по организациям. Каждое значение ведёт к предложению доклада, в котором оно приведено.
   *[other] { $total } отслеживаемой величины, по организациям. Каждое значение ведёт к предложению доклада, в котором оно приведено.
}
metrics-open-data-html = Открытые данные: <a href="{ $base }data/metrics.csv">все цифры в формате CSV</a> · <a href="{ $base }data/metrics.json">показатели с их рядами в формате JSON</a> · <a href="{ $base }data/reports.json">доклады в формате JSON</a> · <a href="{ $base }data/datapackage.json">пакет данных с описанием каждой таблицы (Frictionless)</a>
metrics-org-count-html = <a href="{ $url }">{ $count ->
    [one] { $count } показатель
    [few] { $count } показателя
    [many] { $count } показателей
   *[other] { $count } показателя
}</a> с последними значениями и динамикой.
metric-unit = Единица измерения
metric-data = Данные
metric-data-described-html = (описаны в <a href="{ $url }">пакете данных</a>)
metric-chart-caption = { $metric } по годам. Если за год есть несколько значений, на графике показано самое достоверное (фактическое значение предпочтительнее оценки, затем самое позднее), а рядом — цифры, приведённые другими; все они есть в таблице ниже. Легенда под графиком объясняет границы, диапазоны, прогнозы и целевые значения, если они есть: линия соединяет только точные и приблизительные значения.
metric-targets = Цели, которые он измеряет
metric-targets-caption = Цели, индикатором которых служит { $metric }
metric-values = Значения по годам
metric-values-caption = { $metric } по данным докладов
metric-no-values = Ни в одном докладе пока не приведено значение.

## Years
years-counts = { $reports ->
    [one] { $reports } доклад
    [few] { $reports } доклада
    [many] { $reports } докладов
   *[other] { $reports } доклада
}, { $values ->
    [one] { $values } значение
    [few] { $values } значения
    [many] { $values } значений
   *[other] { $values } значения
}
year-other-years = Другие годы
year-reports = Доклады за { $year } г.
year-no-reports = Докладов за { $year } г. нет; приведённые ниже значения взяты из докладов за другие годы.
year-values = Значения за { $year } г.
year-values-caption = Все значения, приведённые за { $year } г.

## Targets
targets-lead-html = Обязательства и цели рамок ВВУИО+20 и положение дел с каждой из них по цифрам, приведённым в докладах. <a href="#method">Как определяется состояние</a>.
targets-by-framework = Цели по рамочным документам
targets-all = Все цели
targets-method = Метод
targets-all-caption = Все цели: их состояние, срок и последняя цифра их индикатора
targets-method-title = Как определяется состояние
targets-method-intro = Цель с числовым значением измеряется её индикатором — одним из показателей этого сайта. Данными считаются только цифры, описывающие то, что произошло (фактические значения и оценки); прогнозы и целевые значения, приведённые в докладах, показываются, но не учитываются. Граница учитывается в той мере, в какой она достоверна: «не менее 40» означает 40, если цель — рост, и ничего не говорит, если цель — снижение; рост, начинающийся с «не менее 40», мог вовсе не быть ростом.
targets-method-on-track = последние данные достигают цели, либо темп от базового значения (а при его отсутствии — от самых ранних данных) до последних данных, продолженный до срока, достигает её даже в наименее благоприятном случае, допускаемом границами цифр.
targets-method-off-track = срок прошёл, а цель не достигнута, либо темп не достигает её даже в наиболее благоприятном случае, допускаемом границами.
targets-method-insufficient-data = нет индикатора, нет данных, нет более раннего значения, от которого можно измерить темп, или границы слишком широки для вывода.
targets-method-not-measured = цель, сформулированная словами; данными для неё служат доклады по её направлениям деятельности.
targets-method-deadlines = Сроки оцениваются относительно последнего года, охватываемого докладами, а не дня сборки сайта, поэтому одно и то же содержание всегда даёт одно и то же состояние. На странице каждой цели указано, какие значения и годы сравнивались.
targets-method-deadlines-as-of = Сроки оцениваются относительно последнего года, охватываемого докладами ({ $year } г.), а не дня сборки сайта, поэтому одно и то же содержание всегда даёт одно и то же состояние. На странице каждой цели указано, какие значения и годы сравнивались.
status-on-track = Выполняется
status-off-track = Отстаёт
status-insufficient-data = Недостаточно данных
status-not-measured = Не измеряется
target-source-reads = В источнике сказано: «{ $quote }»
target-where-it-stands = Положение дел
target-how-status-html = Как определяется состояние: <a href="{ $url }">метод</a>.
target-end-state = Конечное состояние
target-baseline = Базовое значение
target-serves = Служит
target-latest-in-html = { $link } в { $year } г.
target-chart-caption = { $indicator } по годам, с целью: базовое значение показано ромбом, значение, которое нужно достичь, — горизонтальной пунктирной линией, срок — вертикальной линией. Все цифры приведены в таблице ниже.
target-figures = Цифры индикатора
target-figures-caption = { $indicator } по данным докладов
target-no-figures-html = Ни в одном докладе пока не приведена цифра для <a href="{ $url }">{ $indicator }</a>.
target-reports-say = Что говорится в докладах
target-latest-sections = Последние разделы докладов о { $codes }; все они есть на страницах направлений деятельности.
target-section-meta-html = { $org }: { $report } · за { $year } г. · { $words ->
    [one] { $words } слово
    [few] { $words } слова
    [many] { $words } слов
   *[other] { $words } слова
}
target-no-sections-lines = Ни в одном докладе пока нет раздела о её направлениях деятельности.
target-no-sections = Ни в одном докладе пока нет раздела об этой цели.
reason-qualitative = Качественная цель: статус не вычисляется; о её положении говорят доклады, которые её касаются.
reason-no-indicator = Ни один показатель сайта пока не измеряет эту цель, поэтому нет цифр для сравнения с её целевым значением.
reason-no-evidence = У показателя «{ $metric }» пока нет фактических или оценочных цифр (прогнозы и цели — это планы, а не данные).
reason-baseline-only = Известно только базовое значение ({ $baseline } в { $year } г.): у показателя «{ $metric }» пока нет фактических или оценочных цифр.
reason-reached = Достигнута: { $latest }, что соответствует целевому значению { $goal }.
reason-reached-late = Достигнута с опозданием: { $latest }, что соответствует целевому значению { $goal }, после срока { $deadline } г.
reason-past-deadline = Срок, { $deadline } г., истёк (доклады охватывают период до { $as-of } г.), а последняя цифра, { $latest }, не показывает достижения целевого значения { $goal }.
reason-one-year = Цифры есть только за один год ({ $latest }), а базовое значение не указано: для оценки темпа нужно значение за более ранний год.
reason-baseline-not-earlier = Базовое значение, { $baseline } в { $year } г., не раньше последней цифры, { $latest }: темп пока не измерить.
reason-pace = От { $start } в { $year } г. до { $latest } темп даёт { $projected } к { $deadline } г., { $outcome }.
reason-pace-open = От { $start } в { $year } г. до { $latest } границы цифр оставляют темп открытым: нельзя сказать, будет ли достигнуто целевое значение { $goal } к { $deadline } г.
reason-start-baseline = базового значения { $value }
reason-outcome-meets = что соответствует целевому значению { $goal }
reason-outcome-short = что ниже целевого значения { $goal }
reason-outcome-above = что всё ещё выше целевого значения { $goal }
reason-outcome-open = и границы не позволяют сказать, соответствует ли это целевому значению { $goal }
reason-figure = { $figure } в { $year } г.

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = Как направления деятельности ВВУИО служат целям в области устойчивого развития и Глобальному цифровому договору. Связь показывается только там, где её подтверждает источник, и для каждой связи указан источник и приведены его слова.
frameworks-open-data-label = Открытые данные:
frameworks-csv = таблица соответствия в формате CSV
frameworks-json = в формате JSON
frameworks-documents = исходные документы
frameworks-sdgs = Цели в области устойчивого развития
frameworks-gdc = Цели Глобального цифрового договора
frameworks-matrix = Матрица
frameworks-matrix-caption = Направления деятельности и цели: каждая отметка — подтверждённая источником связь (код задачи или «цель» для цели в целом), ведущая к своей строке таблицы соответствия ниже
frameworks-crosswalk = Таблица соответствия
frameworks-crosswalk-caption = Все связи таблицы соответствия с подтверждающими их источниками
frameworks-no-links = Связи пока не внесены.
crosswalk-linked = Что связано
crosswalk-to = С чем
crosswalk-source = Источник и его слова
crosswalk-in-crosswalk = в таблице соответствия
crosswalk-which = { $from } и { $to }
goal-linked-lines = Связанные направления деятельности
goal-crosswalk-caption = Связи { $goal } в таблице соответствия, с источниками
goal-no-links = Подтверждённые источником связи с направлениями деятельности пока не внесены.
goal-line-metrics = Показатели связанных направлений деятельности
goal-latest-reports = Последние доклады по связанным направлениям деятельности
goal-latest-reports-intro-html = { $lines }: на странице каждого направления деятельности собраны все доклады.
sdg-targets = Задачи цели

## Documents: resolutions and outcome documents
documents-lead = Резолюции и итоговые документы, которые цитирует сайт. У каждого пронумерованного пункта есть собственный адрес, поэтому обязательство или связь могут ссылаться именно на тот пункт, в котором они сформулированы.
documents-paragraphs = { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
    [many] { $count } пунктов
   *[other] { $count } пункта
}
document-issued-by = Кем издан
document-date = Дата
document-official-text = Официальный текст
document-excerpt-note = { $excerpt }. Сайт воспроизводит только те пункты, которые цитирует; в официальном тексте есть все.
document-cited-by = Цитируется в:
document-untranscribed = Цитируемые пункты, не воспроизведённые здесь

## Search
search-title = Поиск
search-lead = Поиск по докладам, направлениям деятельности, организациям, показателям, целям и исходным документам. Результаты ведут к наиболее подходящему разделу доклада. Слова находятся во всех формах: «network» находит также «networks» и «networking».
search-page-form-label = Страница поиска
search-words = Что искать
search-noscript-html = Поиск работает в вашем браузере и требует JavaScript, который отключён. Вместо этого просмотрите <a href="{ $base }reports/">доклады</a>, <a href="{ $base }action-lines/">направления деятельности</a>, <a href="{ $base }organizations/">организации</a> и <a href="{ $base }metrics/">показатели</a>.
search-help = Стрелки переходят между результатами, Enter открывает результат, Escape возвращает к полю поиска.
search-results = Результаты
search-searching = Идёт поиск…
search-short = Введите слово длиннее.
search-common = «{ $query }» содержит только общеупотребительные слова, по которым поиск не ведётся: добавьте более конкретное слово.
search-none = Нет результатов по запросу «{ $query }».
search-results-count = Результаты по запросу «{ $query }»: { $count }.
search-best = Показаны лучшие: { $shown }.
search-failed = Ошибка поиска: { $error }
search-old-browser = Этот браузер слишком старый, чтобы прочитать поисковый индекс: для поиска нужна версия браузера 2023 года или новее.
search-kind-report = Доклад
search-kind-action-line = Направление деятельности
search-kind-organization = Организация
search-kind-metric = Показатель
search-kind-target = Цель
search-kind-sdg = Цель в области устойчивого развития
search-kind-gdc = Цель Глобального цифрового договора
search-kind-document = Исходный документ

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code }: { $title }, { $year } г.
description-action-line = Направление деятельности ВВУИО { $code }: { $title }. Что сообщали о нём организации, год за годом.
description-action-line-year = Что сообщали организации о направлении деятельности ВВУИО { $code } в { $year } г.
description-organization = Доклады и цифры { $org } о выполнении решений ВВУИО.
description-metric = { $metric } ({ $org }) по годам; каждое значение связано с предложением, в котором оно приведено.
description-year = Доклады о выполнении решений ВВУИО за { $year } г. и все значения, приведённые за этот год.
description-targets = Положение дел с каждым обязательством и каждой целью ВВУИО+20 по цифрам, приведённым в докладах.
description-target = { $target }, срок — { $deadline } г.: обязательство, положение дел и цифры, на которых оно основано.
org-kind-un-system = Система ООН
org-kind-intergovernmental = Межправительственная организация
org-kind-government = Правительство
org-kind-civil-society = Гражданское общество
org-kind-technical-community = Техническое сообщество
org-kind-private-sector = Частный сектор
org-kind-academia = Академические круги
org-kind-coalition = Коалиция
report-kind-annual-progress = Ежегодный доклад о ходе работы
report-kind-review-submission = Материалы для обзора
report-kind-questionnaire-response = Ответ на вопросник
document-kind-resolution = Резолюция
document-kind-outcome-document = Итоговый документ
document-kind-declaration = Декларация
document-kind-plan-of-action = План действий
document-kind-agenda = Программа
document-kind-report = Доклад

## The change of a figure from an earlier year
change-since = с { $year } г.
change-since-indicative = с { $year } г., ориентировочно: цифры неточные
change-since-from = с { $year } г. ({ $from })
change-since-from-indicative = с { $year } г. ({ $from }), ориентировочно: цифры неточные
change-range = от { $low } до { $high }
change-or-more = { $value } или больше
change-not-comparable = несопоставимо
change-other-source = с { $year } г. ({ $from }): { $this_source } и { $from_source } — разные источники
change-not-comparable-note = с { $year } г. ({ $from }): по { $this } и { $from } нельзя сказать, в каком направлении изменилось значение

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = Как связаны направления деятельности ВВУИО, цели в области устойчивого развития и цели Глобального цифрового договора; для каждой связи указан подтверждающий её источник.
description-sdg = Цель в области устойчивого развития { $number }: { $title }. Связанные с ней направления деятельности ВВУИО с источниками, а также служащие ей цели и доклады.
title-gdc = Цель { $number } Глобального цифрового договора: { $short }
description-gdc = Цель { $number } Глобального цифрового договора: { $title }. Связанные с ней направления деятельности ВВУИО с источниками, а также служащие ей цели и доклады.
description-documents = Резолюции и итоговые документы, которые цитирует сайт; на каждый пункт можно сослаться по его номеру.
description-document = { $title } ({ $issuer }, { $date }): пункты, которые цитирует сайт, на каждый можно сослаться по номеру.
citer-sdg = ЦУР
citer-sdg-target = Задача ЦУР
citer-gdc-objective = Цель Договора
citer-crosswalk-link = Связь таблицы соответствия
citer-baseline = Базовое значение
citer-baseline-of = для цели «{ $target }»
citer-target = Цель
targets-by-gdc = По целям Глобального цифрового договора
targets-by-sdg = По целям в области устойчивого развития
targets-by-action-line = По направлениям деятельности
targets-group-gdc = Цель { $number }: { $short }

## Curated content in the page's language
content-not-translated = Ещё не переведено; показано на { $language ->
    [en] английском
    [fr] французском
    [es] испанском
    [ar] арабском
    [zh] китайском
    [ru] русском
   *[other] языке оригинала
}.
report-translations = Другие языки

## Figures
figure-usd = { $value } долл. США
figure-usd-million = { $value } млн долл. США
figure-usd-billion = { $value } млрд долл. США
figure-percent = { $value } %
figure-unit = { $value } { $unit }
figure-about = около { $value }
figure-at-least = не менее { $value }
figure-up-to = до { $value }
figure-between = от { $low } до { $high }
figure-estimate = { $value } (оценка)
figure-projected = { $value } (прогноз)
figure-target = { $value } (цель)

## Citations
cite-this-report = Цитировать этот доклад
cite-this-metric = Цитировать этот показатель
cite-stable-address = Постоянный адрес:
cite-bibtex = BibTeX
cite-csl-json = CSL-JSON для Zotero, Mendeley и Pandoc

## Диаграммы
chart-point = { $year }: { $figure }
chart-point-stated-by = { $year }: { $figure } (по данным { $by })
chart-points-separator = { "; " }
chart-desc-with-target = { $figures }. { $target }
chart-trend = Динамика: { $title }: { $points }
chart-desc-baseline = Базовое значение: { $value } в { $year } г.
chart-desc-goal = Цель: { $value } (горизонтальная пунктирная линия).
chart-desc-deadline = Срок: { $year } г. (вертикальная линия).
chart-baseline-title = Базовое значение: { $value } в { $year } г.
chart-goal-title = Цель: { $value } к { $year } г.
chart-deadline-title = Срок: { $year } г.
chart-baseline-label = базовое значение
chart-goal-label = цель { $value }
chart-deadline-label = срок { $year }
chart-mark-estimate = оценка
chart-mark-projected = прогноз
chart-mark-target = цель
chart-legend-value = значение
chart-legend-about = около
chart-legend-estimate = оценка
chart-legend-at-least = не менее: может быть выше
chart-legend-up-to = до: может быть ниже
chart-legend-range = диапазон: от меньшего к большему
chart-legend-projected = прогноз
chart-legend-target = цель
chart-legend-beside = по данным других источников

## Коды и списки
# ЦУР: цель в области устойчивого развития, сокращение ООН.
code-sdg = ЦУР { $number }
code-titled = { $code }: { $title }
# У Глобального цифрового договора нет надёжного официального русского
# сокращения: сохраняется английский код GDC.
code-gdc = GDC { $number }
list-separator = { ", " }
list-separator-strong = { "; " }
list-last = { $init } и { $last }
# The noun names the paragraphs, whatever their number: singular for one alone.
document-excerpt = Выдержка: { $count ->
    [1] пункт
    [one] пункты
    [few] пункты
    [many] пункты
   *[other] пункты
} { $list }
nav-previous-year = ← { $year }
nav-next-year = { $year } →

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = Страницы
pager-page-of = Страница { $page } из { $pages }
pager-previous = ← Предыдущая страница
pager-next = Следующая страница →
pager-page = Страница { $page }
pager-number = { $page }
pager-title = { $title }, страница { $page } из { $pages }
