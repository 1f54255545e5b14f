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
nav-languages = Languages

## Citations: the "Cite this" block of report and metric pages, and each figure's
## "Cite". The citation itself (author, title, date) is data and is not translated.
cite-this-report = Cite this report
cite-this-metric = Cite this metric
cite-stable-address = Stable address:
# Followed by a link to the file, in brackets, and the BibTeX entry.
cite-bibtex = BibTeX
# Followed by a link to the file, in brackets, and the CSL-JSON item.
cite-csl-json = CSL-JSON, for Zotero, Mendeley and Pandoc
# The summary of one figure's citation (a screen reader hears the figure after it).
cite-figure = Cite
# Followed by links to the report's citation as BibTeX and CSL-JSON.
cite-report-files = The report:
