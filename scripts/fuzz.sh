#!/usr/bin/env bash
# By-hand fuzz run: mutated reports, HTML and sidecars from samples/ through the real CLI.
# Usage: scripts/fuzz.sh [CASES] [SEED] [MINUTES]   (default 100000 cases, a seed from the clock, no time limit)
# Results: .cache/fuzz/last-SEED.txt; failing batches stay under .cache/fuzz for a rerun.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export SITREP_FUZZ_CASES="${1:-100000}"
export SITREP_FUZZ_SEED="${2:-$(date +%s)}"
export SITREP_FUZZ_MINUTES="${3:-0}"
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$PWD/.cache/gazetteer.idx}"
echo "fuzz: $SITREP_FUZZ_CASES cases, seed $SITREP_FUZZ_SEED" >&2
dotnet test tests/Sitrep.Cli.Tests -c Release --nologo --filter "FullyQualifiedName~FuzzTests" --logger "console;verbosity=normal"
cat ".cache/fuzz/last-$SITREP_FUZZ_SEED.txt"
