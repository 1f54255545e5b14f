# The default theme's interface text in English: the source every other language's
# file translates, and the fallback for a string a language lacks.
# Keys are lower case words joined by hyphens; `{ $name }` is a variable the page
# fills in. A key ending in `-html` is markup (a sentence holding a link): keep its
# tags and attributes as they are and translate the words around them.
# Format: https://projectfluent.org/fluent/guide/

# The language's own name, shown in the language switcher.
language-name = English

## The header and footer of every page
skip-to-content = Skip to content
search-label = Search the site
search-placeholder = Search reports, metrics…
search-button = Search
search-form-label = Site
nav-main = Main
nav-languages = Languages
nav-home = Home
# The title of the Atom feed of new reports; $site is the site's title.
feed-title = { $site }: reports
# $base is the address of the site's root.
footer-open-data-html = Every figure links to the sentence of the report that states it. Open data: <a href="{ $base }data/metrics.csv">figures (CSV)</a>, <a href="{ $base }data/metrics.json">metrics (JSON)</a>, <a href="{ $base }data/reports.json">reports (JSON)</a>, <a href="{ $base }data/datapackage.json">data package with schemas</a>. Built with wsis.
breadcrumb-label = Breadcrumb

## Words several pages share: headings, table columns, labels of facts
shared-action-line = Action line
shared-action-lines = Action lines
shared-organization = Organization
shared-organizations = Organizations
shared-reports = Reports
shared-metric = Metric
shared-metrics = Metrics
shared-targets = Targets
shared-target = Target
shared-kind = Kind
shared-year = Year
shared-years = Years
shared-value = Value
shared-change = Change
shared-source = Source
shared-deadline = Deadline
shared-latest = Latest
shared-latest-evidence = Latest evidence
shared-status = Status
shared-coverage = Coverage
shared-frameworks = Frameworks
shared-documents = Documents
shared-indicator = Indicator
# Before the citation of a goal, objective or target's source.
shared-source-is = Source:
# A citation of a numbered paragraph of a document: its symbol (A/RES/70/125) and
# the paragraph's number.
citation-paragraph = { $symbol }, paragraph { $paragraph }
# A mark in an empty table cell, read out by screen readers only.
shared-none = none
shared-no-link = no link
# After a figure's value: the year it is for.
shared-in-year = in { $year }
# A figure's value, then the year it is for.
shared-value-in-year = { $value } in { $year }
# After a figure: the outside source a report quotes it from. $source is the
# source's name, possibly a link.
shared-cited-from-html = (cited from { $source })
# A section's length.
shared-words = { $count ->
    [one] { $count } word
   *[other] { $count } words
}

## The 404 page
not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved when a report was renamed.

## The home page
home-targets-title = Where the targets stand
home-targets-caption = The targets due soonest
home-all-targets = All targets
home-how-status = how the status is worked out
# Counts of what the site holds: the number is in bold.
home-count-reports-html = <strong>{ $count }</strong> { $count ->
    [one] report
   *[other] reports
}
home-count-organizations-html = <strong>{ $count }</strong> { $count ->
    [one] organization
   *[other] organizations
}
home-count-action-lines-html = <strong>{ $count }</strong> { $count ->
    [one] action line
   *[other] action lines
}
home-count-metrics-html = <strong>{ $count }</strong> { $count ->
    [one] metric
   *[other] metrics
}
home-count-figures-html = <strong>{ $count }</strong> { $count ->
    [one] figure traced to its sentence
   *[other] figures traced to their sentence
}
home-latest-reports = Latest reports
home-all-reports = All reports
home-headline-metrics = Metrics tracked over several years
home-all-metrics = All metrics
home-all-figures-csv = all figures as CSV

## Lists shared by several pages: reports, figures, metrics, coverage
# $kind is the kind of report (annual report, ...), $year the year it covers, $date
# the day it was published (as markup: a <time> element).
report-list-meta-html = { $kind } · covers { $year } · published { $date }
observations-change-from-previous = Change from previous year
# The figure is stated by another organization than the series' own.
observations-stated-by = (stated by { $org }; not the series' value)
observations-stated-by-citing = (stated by { $org }, citing { $source }; not the series' value)
observations-not-year-value = (not the year's value)
# $reports is a list of links to the reports that restate the figure.
observations-restated-in-html = (restated in { $reports })
# $status: projected or target.
observations-not-compared = { $status }: not compared
observations-first-value = first value
observations-cite = Cite
# Read out by screen readers after "Cite": which figure the citation is for.
observations-cite-which = the { $year } figure { $value }
metrics-table-caption = { $heading }: latest value, change and trend
metrics-trend = Trend
metrics-no-values = no values yet
coverage-caption = Which organization reported on which action line, and in which years
# The matrix shows only some organizations: $shown of $total, the rest being on the
# organizations page at $url.
coverage-caption-some-html = Which organization reported on which action line, and in which years: the { $shown } organizations with the most reports, of { $total } (all are on the <a href="{ $url }">organizations page</a>)
# Above a report section shown inside another page; $link is a link to it.
sections-none = No section on { $code }.
targets-table-goal = goal: { $goal }
targets-none-yet = none yet
# How many targets there are; $total of them, as of the latest figures' year $year.
targets-summary-total = { $total ->
    [one] Of { $total } target.
   *[other] Of { $total } targets.
}
targets-summary-total-as-of = { $total ->
    [one] Of { $total } target, as of the figures for { $year }.
   *[other] Of { $total } targets, as of the figures for { $year }.
}
# Caption of a table of targets; $name is an action line's code or a goal's label.
targets-serving-caption = Targets serving { $name }: status and deadline
targets-serving = Targets serving { $name }

## Action lines
action-lines-title = WSIS action lines
action-lines-lead = The eleven action lines of the Geneva Plan of Action, with their UN facilitators and the reports that address them.
# $list: links to the organizations that facilitate the action line.
action-lines-facilitated-by-html = Facilitated by { $list }
action-lines-counts = { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}, { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}
line-facilitators = Facilitators
line-facilitators-none = None curated
line-stated-in = Stated in
line-reported = What was reported
line-year-pages-intro = The sections on { $code } are on one page per year:
line-year-counts = { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
} from { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}
line-no-sections = No report has a section on this action line yet.
line-all-reports = All reports listing { $code }
line-year-other-years = Other years of { $code }
line-year-reported = What was reported in { $year }
line-frameworks-title = Sustainable Development Goals and Global Digital Compact
line-frameworks-intro = Each link is stated by the source beside it.
line-frameworks-intro-crosswalk-html = Each link is stated by the source beside it; all of them are in <a href="{ $url }">the crosswalk</a>.
line-frameworks-caption = The goals, targets and objectives { $code } is linked to, with sources
line-frameworks-linked-to = Linked to

## Organizations
organizations-lead = Who reports on the implementation of the WSIS outcomes, and who facilitates the action lines.
organizations-caption = Organizations, their kind and their reports
organizations-facilitates = Facilitates
organization-website = Website
organization-reports-on = Reports on
organization-no-reports = No reports yet.

## Reports
reports-lead-html = { $total ->
    [one] { $total } report, by the year it covers.
   *[other] { $total } reports, by the year they cover.
} <a href="{ $url }">Report metadata as JSON</a>.
reports-covering-year = { $count ->
    [one] { $count } report covering { $year }
   *[other] { $count } reports covering { $year }
}
report-covers = Covers
report-published = Published
report-kind-submitted-to = { $kind }, submitted to { $body }
report-original = Original
report-other-reports = Other reports of { $org }
report-previous = ← Previous: { $title }
report-next = Next: { $title } →
report-what-changed = What changed since then
report-figures-title = Figures in this report
report-figures-caption = Figures stated in this report, each linked to its sentence
report-sentence = Sentence
# $source is the outside source's name, possibly a link; $report a link to the report
# the figure restates.
report-restates-html = (restates { $report })
report-contents = Contents
report-compare-title = Compared with the previous report
# Why a figure of the previous report is not compared with this one.
compare-no-change-outlook = a projection or target is not compared
compare-no-change-not-later = not a later year
# $previous is a link to the previous report, $year the year it covers.
report-compare-intro-html = What changed since { $previous } ({ $year }).
report-compare-figures-caption = Figures both reports state
report-compare-lines-caption = Action line sections of both reports, and how long each is

## Metrics
metrics-lead = { $total ->
    [one] { $total } tracked figure, by organization. Each value links to the sentence of the report that states it.
   *[other] { $total } tracked figures, by organization. Each value links to the sentence of the report that states it.
}
# $base is the address of the site's root.
metrics-open-data-html = Open data: <a href="{ $base }data/metrics.csv">every figure as CSV</a> · <a href="{ $base }data/metrics.json">metrics with their series as JSON</a> · <a href="{ $base }data/reports.json">reports as JSON</a> · <a href="{ $base }data/datapackage.json">the data package describing every table (Frictionless)</a>
# $url: the organization's metrics.
metrics-org-count-html = <a href="{ $url }">{ $count ->
    [one] { $count } metric
   *[other] { $count } metrics
}</a> with their latest values and trends.
metric-unit = Unit
metric-data = Data
# $url: the data package.
metric-data-described-html = (described in the <a href="{ $url }">data package</a>)
metric-chart-caption = { $metric } by year. Where a year has several values, the most certain is drawn (an actual value over an estimate, then the latest), with figures stated by others beside it; all are in the table below. The key under the chart explains bounds, ranges, projections and targets when there are any: a line joins exact and approximate values only.
metric-targets = Targets it measures
metric-targets-caption = Targets with { $metric } as their indicator
metric-values = Values by year
metric-values-caption = { $metric }, as stated in reports
metric-no-values = No report states a value yet.

## Years
years-counts = { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}, { $values ->
    [one] { $values } value
   *[other] { $values } values
}
year-other-years = Other years
year-reports = Reports covering { $year }
year-no-reports = No report covers { $year }; the values below come from reports of other years.
year-values = Values for { $year }
year-values-caption = Every value stated for { $year }

## Targets
targets-lead-html = The commitments and targets of the WSIS+20 frame, each with where it stands by the figures the reports state. <a href="#method">How the status is worked out</a>.
targets-by-framework = Targets by framework
targets-all = All targets
targets-method = Method
targets-all-caption = Every target: its status, deadline and the latest figure of its indicator
targets-method-title = How the status is worked out
targets-method-intro = A target with a number to reach is measured by its indicator, a metric of this site. Only figures that describe what happened count as evidence (actual values and estimates); projections and targets stated in reports are shown, never counted. A bound counts for what it is sure of: “at least 40” is 40 when the target is to rise, and says nothing when it is to fall; a rise that starts from “at least 40” may have been no rise at all.
# Each follows the name of a status, such as "On track".
targets-method-on-track = the latest evidence reaches the target, or the pace from the baseline (else the earliest evidence) to the latest evidence, carried on to the deadline, reaches it even in the least favourable case the figures' bounds allow.
targets-method-off-track = the deadline has passed without the target reached, or the pace does not reach it even in the most favourable case the bounds allow.
targets-method-insufficient-data = no indicator, no evidence, no earlier value to measure a pace from, or bounds too wide to tell.
targets-method-not-measured = a target stated in words; the reports on its action lines are its evidence.
targets-method-deadlines = Deadlines are judged against the latest year a report covers, not the day the site was built, so the same content always gives the same status. Each target's page says which values and years were compared.
targets-method-deadlines-as-of = Deadlines are judged against the latest year a report covers ({ $year }), not the day the site was built, so the same content always gives the same status. Each target's page says which values and years were compared.
# The words for each status, wherever a target's status is shown.
status-on-track = On track
status-off-track = Off track
status-insufficient-data = Insufficient data
status-not-measured = Not measured
target-source-reads = The source reads: “{ $quote }”
target-where-it-stands = Where it stands
target-how-status-html = How the status is worked out: <a href="{ $url }">the method</a>.
target-end-state = End state
target-baseline = Baseline
target-serves = Serves
# $link: the figure, as a link.
target-latest-in-html = { $link } in { $year }
target-chart-caption = { $indicator } by year, with the target: the baseline as a diamond, the value to reach as a dashed horizontal line and the deadline as a vertical line. All figures are in the table below.
target-figures = Figures of the indicator
target-figures-caption = { $indicator }, as stated in reports
target-no-figures-html = No report states a figure of <a href="{ $url }">{ $indicator }</a> yet.
target-reports-say = What the reports say
target-latest-sections = The latest report sections on { $codes }; all are on the action line pages.
# $org and $report are links; $year is the year the report covers, $words the section's length.
target-section-meta-html = { $org }: { $report } · covers { $year } · { $words ->
    [one] { $words } word
   *[other] { $words } words
}
target-no-sections-lines = No report has a section on its action lines yet.
target-no-sections = No report has a section on this target yet.
# The sentence beside a target's status: which values of which years were compared,
# and what followed. Values come written with their unit, bound and status; $metric is
# the indicator's title, $goal the value to reach, $deadline and $as-of years.
reason-qualitative = A qualitative target: no status is computed; the reports that speak to it show where it stands.
reason-no-indicator = No metric of the site measures this target yet, so there are no figures to compare with its goal.
reason-no-evidence = “{ $metric }” has no actual or estimated figure yet (projections and targets are plans, not evidence).
reason-baseline-only = Only the baseline is known ({ $baseline } in { $year }): “{ $metric }” has no actual or estimated figure yet.
# $latest is a figure with its year (reason-figure).
reason-reached = Reached: { $latest }, which meets the goal of { $goal }.
reason-reached-late = Reached late: { $latest }, which meets the goal of { $goal }, after the deadline of { $deadline }.
reason-past-deadline = The deadline, { $deadline }, has passed (the reports cover up to { $as-of }), and the latest figure, { $latest }, does not show the goal of { $goal } reached.
reason-one-year = Only one year has figures ({ $latest }) and no baseline is given: a pace needs a value from an earlier year.
reason-baseline-not-earlier = The baseline, { $baseline } in { $year }, is not earlier than the latest figure, { $latest }: there is no pace to measure yet.
# $start is the value the pace is measured from: a figure, or reason-start-baseline;
# $projected the value the pace gives at the deadline; $outcome one of reason-outcome-*.
reason-pace = From { $start } in { $year } to { $latest }, the pace reaches { $projected } by { $deadline }, { $outcome }.
reason-pace-open = From { $start } in { $year } to { $latest }, the figures' bounds leave the pace open: they cannot tell whether the goal of { $goal } will be met by { $deadline }.
reason-start-baseline = the baseline of { $value }
reason-outcome-meets = which meets the goal of { $goal }
reason-outcome-short = short of the goal of { $goal }
reason-outcome-above = still above the goal of { $goal }
reason-outcome-open = and the bounds cannot tell whether that meets the goal of { $goal }
# A figure and the year it describes.
reason-figure = { $figure } in { $year }

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = How the WSIS action lines serve the Sustainable Development Goals and the Global Digital Compact. A link is shown only where a source states it, and each link names its source and quotes its words.
frameworks-open-data-label = Open data:
frameworks-csv = the crosswalk as CSV
frameworks-json = as JSON
frameworks-documents = the source documents
frameworks-sdgs = Sustainable Development Goals
frameworks-gdc = Global Digital Compact objectives
frameworks-matrix = Matrix
frameworks-matrix-caption = Action lines against the goals and objectives: each mark is a sourced link (a target's code, “goal” for the goal as a whole), and leads to its row of the crosswalk below
frameworks-crosswalk = Crosswalk
frameworks-crosswalk-caption = Every link of the crosswalk, with the source that states it
frameworks-no-links = No link has been curated yet.
crosswalk-linked = Linked
crosswalk-to = To
crosswalk-source = Source and its words
crosswalk-in-crosswalk = in the crosswalk
# Read out by screen readers after "in the crosswalk": the two ends of the link.
crosswalk-which = { $from } and { $to }
goal-linked-lines = Linked action lines
goal-crosswalk-caption = The crosswalk links of { $goal }, with sources
goal-no-links = No sourced link to an action line has been curated yet.
goal-line-metrics = Metrics of the linked action lines
goal-latest-reports = Latest reports on the linked action lines
# $lines: links to the linked action lines.
goal-latest-reports-intro-html = { $lines }: each action line's page has all of them.
sdg-targets = Targets of the goal

## Documents: resolutions and outcome documents
documents-lead = The resolutions and outcome documents the site quotes. Each numbered paragraph has its own address, so a commitment or a link can point at the exact paragraph that states it.
documents-paragraphs = { $count ->
    [one] { $count } paragraph
   *[other] { $count } paragraphs
}
document-issued-by = Issued by
document-date = Date
document-official-text = Official text
# $excerpt says which paragraphs the site transcribes.
document-excerpt-note = { $excerpt }. The site transcribes only the paragraphs it quotes; the official text has them all.
document-cited-by = Cited by:
document-untranscribed = Cited paragraphs not transcribed here

## Search
search-title = Search
search-lead = Search the reports, action lines, organizations, metrics, targets and source documents. Results link to the section of the report that matches best. Words are matched in all their forms: “network” also finds “networks” and “networking”.
search-page-form-label = Search page
search-words = Words to find
# $base is the address of the site's root.
search-noscript-html = Search runs in your browser and needs JavaScript, which is turned off. Browse the <a href="{ $base }reports/">reports</a>, <a href="{ $base }action-lines/">action lines</a>, <a href="{ $base }organizations/">organizations</a> and <a href="{ $base }metrics/">metrics</a> instead.
# For search.js: it fills in { $query }, { $count }, { $shown } and { $error } itself,
# so the page passes them through as `{query}` and so on.
search-help = Use the arrow keys to move between results, Enter to open one, Escape to return to the search field.
search-results = Results
search-searching = Searching…
search-short = Type a longer word.
# A query made only of words too common to search ("the of"), with { $query } as typed.
search-common = “{ $query }” has only common words, which are not searched: add a more specific word.
search-none = No results for “{ $query }”.
search-results-count = Results for “{ $query }”: { $count }.
search-best = The best { $shown } are shown.
search-failed = Search failed: { $error }
search-old-browser = This browser is too old to read the search index: search needs a browser version from 2023 or later.
search-kind-report = Report
search-kind-action-line = Action line
search-kind-organization = Organization
search-kind-metric = Metric
search-kind-target = Target
search-kind-sdg = Sustainable Development Goal
search-kind-gdc = Global Digital Compact objective
search-kind-document = Source document

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code }: { $title } in { $year }
description-action-line = WSIS action line { $code }: { $title }. What organizations reported on it, year by year.
description-action-line-year = What organizations reported on WSIS action line { $code } in { $year }.
description-organization = Reports and figures of { $org } on the implementation of the WSIS outcomes.
description-metric = { $metric } ({ $org }), year by year, each value linked to the sentence that states it.
description-year = Reports on the implementation of the WSIS outcomes covering { $year }, and every value stated for it.
description-targets = Where each WSIS+20 commitment and target stands, from the figures the reports state.
description-target = { $target }, due by { $deadline }: the commitment, where it stands and the figures it rests on.
org-kind-un-system = UN system
org-kind-intergovernmental = Intergovernmental
org-kind-government = Government
org-kind-civil-society = Civil society
org-kind-technical-community = Technical community
org-kind-private-sector = Private sector
org-kind-academia = Academia
org-kind-coalition = Coalition
report-kind-annual-progress = Annual progress report
report-kind-review-submission = Review submission
report-kind-questionnaire-response = Questionnaire response
document-kind-resolution = Resolution
document-kind-outcome-document = Outcome document
document-kind-declaration = Declaration
document-kind-plan-of-action = Plan of action
document-kind-agenda = Agenda
document-kind-report = Report

## The change of a figure from an earlier year. $year is the earlier year, $from the
## earlier figure, $this the later one.
change-since = since { $year }
change-since-indicative = since { $year }, indicative: not exact figures
change-since-from = since { $year } ({ $from })
change-since-from-indicative = since { $year } ({ $from }), indicative: not exact figures
# A change known only as a range: "+2 to +5".
change-range = { $low } to { $high }
change-or-more = { $value } or more
change-not-comparable = not comparable
# After "not comparable": $this_source and $from_source name who states each figure.
change-other-source = with { $year } ({ $from }): { $this_source } and { $from_source } are different sources
change-not-comparable-note = with { $year } ({ $from }): { $this } and { $from } do not say which way it moved

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = How the WSIS action lines, the Sustainable Development Goals and the Global Digital Compact's objectives are linked, each link with the source that states it.
description-sdg = Sustainable Development Goal { $number }: { $title }. The WSIS action lines linked to it, with sources, and the targets and reports that serve it.
title-gdc = GDC objective { $number }: { $short }
description-gdc = Objective { $number } of the Global Digital Compact: { $title }. The WSIS action lines linked to it, with sources, and the targets and reports that serve it.
description-documents = The resolutions and outcome documents the site quotes, each paragraph linkable by its number.
description-document = { $title } ({ $issuer }, { $date }), the paragraphs the site quotes, each linkable by its number.
citer-sdg = SDG
citer-sdg-target = SDG target
citer-gdc-objective = GDC objective
citer-crosswalk-link = Crosswalk link
citer-baseline = Baseline
citer-baseline-of = of { $target }
citer-target = Target
targets-by-gdc = By Global Digital Compact objective
targets-by-sdg = By Sustainable Development Goal
targets-by-action-line = By action line
targets-group-gdc = Objective { $number }: { $short }

## Curated content in the page's language
# Under a description shown in its original language for want of a translation;
# `$language` is the original's tag (`en`): name the language in yours.
content-not-translated = Not yet translated; shown in { $language ->
    [en] English
    [fr] French
    [es] Spanish
    [ar] Arabic
    [zh] Chinese
    [ru] Russian
   *[other] its original language
}.
# The report page's list of the same report in other languages.
report-translations = Other languages

## Figures: the words around a number. `$value` is the number as the page's language
## writes it (digits and separators come from CLDR), so word order can change.
figure-usd = ${ $value }
figure-usd-million = ${ $value } million
figure-usd-billion = ${ $value } billion
figure-percent = { $value }%
# A figure in a unit the site curates by name (`hours`, `gbps`).
figure-unit = { $value } { $unit }
figure-about = about { $value }
figure-at-least = at least { $value }
figure-up-to = up to { $value }
figure-between = between { $low } and { $high }
figure-estimate = { $value } (estimate)
figure-projected = { $value } (projected)
figure-target = { $value } (target)

## Citations: the "Cite this" block of report and metric pages, and each figure's
## "Cite" (observations-cite). The citation itself (author, title, date) is data and
## is not translated.
cite-this-report = Cite this report
cite-this-metric = Cite this metric
cite-stable-address = Stable address:
# Followed by a link to the file, in brackets.
cite-bibtex = BibTeX
# Followed by a link to the file, in brackets.
cite-csl-json = CSL-JSON, for Zotero, Mendeley and Pandoc

## Charts: the text alternative of a chart (read by screen readers), the tooltips
## of its marks, the labels on it and its legend. `$figure` and `$value` are
## written as the page writes figures; `$year` is a year.
chart-point = { $year }: { $figure }
# A figure another organization states ($by), shown beside the metric's own.
chart-point-stated-by = { $year }: { $figure } (stated by { $by })
# Between the figures of a chart's description.
chart-points-separator = { "; " }
# A target's chart: its figures, then the target's marks ($target).
chart-desc-with-target = { $figures }. { $target }
# The label of a small trend line in lists; $points are its figures.
chart-trend = Trend of { $title }: { $points }
chart-desc-baseline = Baseline: { $value } in { $year }.
chart-desc-goal = Target: { $value } (a dashed horizontal line).
chart-desc-deadline = Deadline: { $year } (a vertical line).
chart-baseline-title = Baseline: { $value } in { $year }
chart-goal-title = Target: { $value } by { $year }
chart-deadline-title = Deadline: { $year }
# Short labels drawn on the chart: keep them short.
chart-baseline-label = baseline
chart-goal-label = target { $value }
chart-deadline-label = deadline { $year }
chart-mark-estimate = est.
chart-mark-projected = projected
chart-mark-target = target
# The legend under a chart: one entry per kind of mark drawn.
chart-legend-value = value
chart-legend-about = about
chart-legend-estimate = estimate
chart-legend-at-least = at least: may be higher
chart-legend-up-to = up to: may be lower
chart-legend-range = range: low to high
chart-legend-projected = projected
chart-legend-target = target
chart-legend-beside = stated by others

## Codes of goals and objectives, and lists. $number is the goal's number or a
## target's code (`9.c`).
code-sdg = SDG { $number }
# A code ("SDG 4", "GDC 2") with the short title of its goal or objective.
code-titled = { $code }: { $title }
code-gdc = GDC { $number }
# Between the items of a list (`C1, C3, C7`).
list-separator = { ", " }
# Between the items of a list whose items hold commas themselves.
list-separator-strong = { "; " }
# The last two items of a list: $init is the items before, joined by list-separator.
list-last = { $init } and { $last }
# A document of which only some paragraphs are transcribed; $list their numbers.
document-excerpt = Excerpt: { $count ->
    [one] paragraph
   *[other] paragraphs
} { $list }
# Links to the previous and the next year: the arrows point the reading way.
nav-previous-year = ← { $year }
nav-next-year = { $year } →

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = Pages
pager-page-of = Page { $page } of { $pages }
pager-previous = ← Previous page
pager-next = Next page →
pager-page = Page { $page }
pager-number = { $page }
pager-title = { $title }, page { $page } of { $pages }
