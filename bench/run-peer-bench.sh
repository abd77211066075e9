#!/usr/bin/env bash
# Sitrep against its peer (issue 12): `sitrep extract` at one thread and wink-nlp
# (bench/peer/wink-read.js, installed here with npm) read the same real-article corpus
# (bench/corpus/make-real-corpus.sh), in turn, --runs times each (A B A B ...), each run timed
# with /usr/bin/time -v. Prints the median wall, CPU (user+sys), MB per CPU-second and peak RSS
# of each, and the ratio of wink's CPU to Sitrep's pair by pair (above 1: Sitrep is faster).
#
#   bench/run-peer-bench.sh [--mb 10] [--runs 5] [--dll PATH]
#
# Raw /usr/bin/time outputs go to .cache/bench-results/peer/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=10
runs=5
dll=
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --dll) dll="$2"; shift 2 ;;
    *) echo "run-peer-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in /usr/bin/time node npm; do
  command -v "$tool" >/dev/null || { echo "run-peer-bench: $tool missing (apt-get install -y time nodejs npm)" >&2; exit 2; }
done
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$root/.cache/gazetteer.idx}"
[ -f "$SITREP_GAZETTEER" ] || { echo "run-peer-bench: no place index at $SITREP_GAZETTEER (run ./sitrep once)" >&2; exit 2; }

peer="$root/bench/peer"
[ -d "$peer/node_modules/wink-nlp" ] || (cd "$peer" && npm install --no-audit --no-fund >&2)
corpus="$root/.cache/real-corpus-${mb}mb"
"$root/bench/corpus/make-real-corpus.sh" --mb "$mb" --out "$corpus"
if [ -z "$dll" ]; then
  "$root/sitrep" extract "$root/samples/reports" >/dev/null   # builds .cache/bin when sources changed
  dll="$root/.cache/bin/sitrep.dll"
fi
bytes=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$corpus/CORPUS")
docs=$(sed -n 's/.*docs=\([0-9]*\).*/\1/p' "$corpus/CORPUS")
results="$root/.cache/bench-results/peer"
rm -rf "$results" && mkdir -p "$results"
find "$corpus" -type f -exec cat {} + >/dev/null   # page cache warm, outside the timed runs

field() { sed -n "s/^\s*$2: //p" "$1"; }
wall() { field "$1" 'Elapsed (wall clock) time (h:mm:ss or m:ss)' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
cpu() { echo "$(field "$1" 'User time (seconds)') $(field "$1" 'System time (seconds)')" | awk '{ print $1 + $2 }'; }
rss() { echo $(( $(field "$1" 'Maximum resident set size (kbytes)') / 1024 )); }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for i in $(seq "$runs"); do
  /usr/bin/time -v -o "$results/sitrep-$i.time" dotnet "$dll" extract "$corpus" --threads 1 >"$results/sitrep.jsonl"
  /usr/bin/time -v -o "$results/wink-$i.time" node "$peer/wink-read.js" "$corpus" >"$results/wink.jsonl" 2>/dev/null
done

echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); dotnet $(dotnet --version); node $(node --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Corpus: $corpus, $docs reports, $bytes bytes; medians of $runs runs each, run in turn"
echo
echo "| reader | wall s | CPU s (user+sys) | MB per CPU-s | MB/s (wall) | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
for who in sitrep wink; do
  w=$(for f in "$results/$who"-*.time; do wall "$f"; done | median)
  c=$(for f in "$results/$who"-*.time; do cpu "$f"; done | median)
  r=$(for f in "$results/$who"-*.time; do rss "$f"; done | median)
  awk -v who="$who" -v w="$w" -v c="$c" -v r="$r" -v b="$bytes" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.2f | %.2f | %d |\n", who, w, c, b / 1e6 / c, b / 1e6 / w, r }'
done
ratios=$(for i in $(seq "$runs"); do echo "$(cpu "$results/wink-$i.time") $(cpu "$results/sitrep-$i.time")" | awk '{ printf "%.2f\n", $1 / $2 }'; done)
echo
echo "wink CPU / Sitrep CPU, pair by pair: median $(echo "$ratios" | median) (range $(echo "$ratios" | sort -g | head -1)–$(echo "$ratios" | sort -g | tail -1))"
