#!/usr/bin/env bash
# Regenerates tests/Sitrep.Cli.Tests/Golden/extract-digests.txt: the SHA-256 of what
# `sitrep extract FOLDER --threads N` prints for the sample reports and the shared eval sets
# (dev, news) at 1 and 2 threads, and the size of the place index they were made with.
# Run it after a change that is meant to change events (rules, lexicons, the index), and say so
# in the commit; ExtractOutputEqualityTests compares every later build against the file.
#
#   scripts/update-extract-golden.sh        (uses ./sitrep, so the build is current)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
golden="$root/tests/Sitrep.Cli.Tests/Golden/extract-digests.txt"
shared="$(cd "$root/.." && pwd)/shared/eval"
index="${SITREP_GAZETTEER:-$root/.cache/gazetteer.idx}"
if [ ! -f "$index" ]; then
  echo "update-extract-golden: no place index at $index (copy one or run ./sitrep gazetteer build)" >&2
  exit 2
fi
for set in dev news; do
  if [ ! -d "$shared/$set" ]; then
    echo "update-extract-golden: $shared/$set is missing; the digests must cover it" >&2
    exit 2
  fi
done

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
{
  echo "# SHA-256 of the stdout of \`sitrep extract FOLDER --threads N\`, one line per corpus and N;"
  echo "# written by scripts/update-extract-golden.sh, checked by ExtractOutputEqualityTests."
  echo "# The digests hold only for a place index of this many bytes:"
  echo "index-bytes $(stat -c %s "$index")"
} >"$tmp"
for corpus in samples dev news; do
  case "$corpus" in
    samples) folder="$root/samples/reports" ;;
    *) folder="$shared/$corpus" ;;
  esac
  for threads in 1 2; do
    # pipefail: a failed extract fails the substitution, not only an empty digest.
    digest="$(SITREP_GAZETTEER="$index" "$root/sitrep" extract "$folder" --threads "$threads" 2>/dev/null | sha256sum | cut -d' ' -f1)" \
      || { echo "update-extract-golden: extract $folder --threads $threads failed" >&2; exit 1; }
    echo "$corpus $threads $digest" >>"$tmp"
    echo "update-extract-golden: $corpus at $threads thread(s): $digest" >&2
  done
done
mv "$tmp" "$golden"
trap - EXIT
echo "update-extract-golden: wrote $golden" >&2
