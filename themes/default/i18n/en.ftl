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
