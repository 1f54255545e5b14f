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
