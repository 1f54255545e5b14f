# The default theme's interface text in English: the source every other language's
# file translates, and the fallback for a string a language lacks.
# Keys are lower case words joined by hyphens; `{ $name }` is a variable the page
# fills in. Format: https://projectfluent.org/fluent/guide/

# The language's own name, shown in the language switcher.
language-name = English

## The header and footer of every page
skip-to-content = Skip to content
search-label = Search the site
search-placeholder = Search reports, metrics…
search-button = Search
nav-main = Main

## The search page; `{query}`, `{count}`, `{shown}` and `{error}` are filled in by
## search.js, so they are passed through as they are.
search-lead = Search the reports, action lines, organizations, metrics, targets and source documents. Results link to the section of the report that matches best. Words are matched in all their forms: “network” also finds “networks” and “networking”.
search-help = Use the arrow keys to move between results, Enter to open one, Escape to return to the search field.
search-results = Results
search-searching = Searching…
search-short = Type a longer word.
search-none = No results for “{ $query }”.
search-results-count = { $count ->
    [one] 1 result for “{ $query }”.
   *[other] { $count } results for “{ $query }”.
}
search-best = The best { $shown } are shown.
search-failed = Search failed: { $error }
search-kind-report = Report
search-kind-action-line = Action line
search-kind-organization = Organization
search-kind-metric = Metric
search-kind-target = Target
search-kind-sdg = Sustainable Development Goal
search-kind-gdc = Global Digital Compact objective
search-kind-document = Source document
