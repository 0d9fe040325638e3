#!/bin/sh
# Compiles src/main/scss/canopy-govuk.scss with the GOV.UK Frontend version the pom names (the WebJar's, whose
# JavaScript the layout keeps using) into src/main/resources/static/css/govuk-frontend.min.css. Needs node and npm;
# nothing is installed outside a temporary directory. Run it after changing either, and commit the CSS. No @charset or
# byte-order mark: one after the banner would spoil the first rule, and the pages are UTF-8 already.
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<govuk-frontend.version>\(.*\)</govuk-frontend.version>.*:\1:p' pom.xml)
sass_version=1.108.2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --no-save --no-audit --no-fund --ignore-scripts --silent \
    "sass@$sass_version" "govuk-frontend@$version")
out=src/main/resources/static/css/govuk-frontend.min.css
{
  printf '/*! GOV.UK Frontend %s (MIT), without the GOV.UK Transport font and crest: built by tools/build-govuk-css.sh from src/main/scss/canopy-govuk.scss */\n' "$version"
  "$work/node_modules/.bin/sass" --style=compressed --no-source-map --no-charset --quiet-deps --silence-deprecation=import \
      --load-path="$work/node_modules" src/main/scss/canopy-govuk.scss
} > "$out"
echo "Wrote $out ($(wc -c < "$out") bytes) from GOV.UK Frontend $version"
