#!/usr/bin/env bash
# Generates the extraction benchmark corpus from the bundled sample reports (samples/reports):
# each document is a sample with places, figures and dates varied, padded with sections of other
# samples and page noise to 3-15 KB; about 1 in 8 is HTML; each has a NAME.meta.json.
# Deterministic: the same samples, --seed and --mb give the same files.
#
#   bench/corpus/make-corpus.sh [--mb 60] [--seed 42] [--out .cache/corpus]
#
# Skips the work when OUT already holds a corpus made with the same settings (OUT/CORPUS).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mb=60
seed=42
out="$root/.cache/corpus"
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "make-corpus: unknown argument $1" >&2; exit 2 ;;
  esac
done

# What the corpus depends on: settings, generator source and samples.
fingerprint="seed=$seed mb=$mb $(cat "$root"/bench/extract/CorpusGenerator.cs "$root"/samples/reports/* | sha256sum | cut -c1-16)"
if [ -f "$out/FINGERPRINT" ] && [ "$(cat "$out/FINGERPRINT")" = "$fingerprint" ]; then
  echo "make-corpus: $out is up to date ($(cat "$out/CORPUS"))" >&2
  exit 0
fi

bin="$root/.cache/bench-bin"
mkdir -p "$root/.cache"
if [ ! -f "$bin/Sitrep.Bench.dll" ] || [ -n "$(find "$root/bench/extract" "$root/src" -name '*.cs' -newer "$bin/Sitrep.Bench.dll" -print -quit)" ]; then
  echo "make-corpus: building bench/extract..." >&2
  dotnet build "$root/bench/extract/ExtractBench.csproj" -c Release -o "$bin" -v quiet -nologo >"$root/.cache/bench-build.log" 2>&1 \
    || { cat "$root/.cache/bench-build.log" >&2; exit 2; }
  touch "$bin/Sitrep.Bench.dll"
fi
dotnet "$bin/Sitrep.Bench.dll" corpus --samples "$root/samples/reports" --out "$out" --mb "$mb" --seed "$seed"
echo "$fingerprint" >"$out/FINGERPRINT"
