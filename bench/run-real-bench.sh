#!/usr/bin/env bash
# Whole-process extraction benchmark on real articles: builds the CLI through ./sitrep (ReadyToRun),
# makes the corpus if missing (bench/corpus/make-real-corpus.sh: the eval articles repeated to
# --mb MB), then times `dotnet sitrep.dll extract CORPUS --threads N` with /usr/bin/time -v,
# --runs times per thread count, and prints one Markdown row per thread count with the medians:
# wall seconds, CPU seconds (user + sys), MB per CPU-second, MB per wall second, reports per wall
# second, peak RSS.
#
#   bench/run-real-bench.sh [--mb 50] [--threads "1 2"] [--runs 3] [--dll PATH]
#
# --dll times another build (an older checkout's .cache/bin/sitrep.dll) on the same corpus.
# Raw /usr/bin/time outputs go to .cache/bench-results/real-BUILD/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=50
threads="1 2"
runs=3
dll=
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --dll) dll="$2"; shift 2 ;;
    *) echo "run-real-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -x /usr/bin/time ]; then
  echo "run-real-bench: /usr/bin/time missing; install it with: apt-get install -y time" >&2
  exit 2
fi
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$root/.cache/gazetteer.idx}"
if [ ! -f "$SITREP_GAZETTEER" ]; then
  echo "run-real-bench: no place index at $SITREP_GAZETTEER (copy one or run ./sitrep gazetteer build)" >&2
  exit 2
fi

corpus="$root/.cache/real-corpus"
[ "$mb" = 50 ] || corpus="$root/.cache/real-corpus-${mb}mb"
"$root/bench/corpus/make-real-corpus.sh" --mb "$mb" --out "$corpus"
if [ -z "$dll" ]; then
  "$root/sitrep" extract "$root/samples/reports" >/dev/null   # builds .cache/bin when sources changed
  dll="$root/.cache/bin/sitrep.dll"
fi
bytes=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$corpus/CORPUS")
docs=$(sed -n 's/.*docs=\([0-9]*\).*/\1/p' "$corpus/CORPUS")
# One results folder per build, so two builds can be timed side by side.
results="$root/.cache/bench-results/real-$(dirname "$dll" | tr '/' '_')"
mkdir -p "$results"
find "$corpus" -type f -exec cat {} + >/dev/null   # page cache warm, outside the timed runs

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); dotnet $(dotnet --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Corpus: $corpus, $docs reports, $bytes bytes of report files; build: $dll; medians of $runs runs"
echo
echo "| threads | wall s | CPU s (user+sys) | MB per CPU-s | MB/s (wall) | docs/s (wall) | peak RSS MB | events |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for n in $threads; do
  : >"$results/real-t$n.rows"
  for i in $(seq 1 "$runs"); do
    out="$results/real-t$n-$i.time"
    echo "run-real-bench: $n thread(s), run $i of $runs..." >&2
    /usr/bin/time -v -o "$out" dotnet "$dll" extract "$corpus" --threads "$n" 2>"$results/real-t$n-$i.stderr" | wc -l >"$results/real-t$n-$i.events"
    awk -F': ' -v ev="$(cat "$results/real-t$n-$i.events")" '
      /User time|System time/ { cpu += $2 }
      /Elapsed \(wall clock\)/ { k = split($2, t, ":"); w = 0; for (j = 1; j <= k; j++) w = w * 60 + t[j] }
      /Maximum resident set size/ { rss = $2 / 1024 }
      /Exit status/ { status = $2 }
      END { print w, cpu, rss, ev, status }' "$out" >>"$results/real-t$n.rows"
  done
  if awk '$5 != 0 { bad = 1 } END { exit !bad }' "$results/real-t$n.rows"; then
    echo "run-real-bench: a run at $n thread(s) exited non-zero; see $results/real-t$n-*.stderr" >&2
  fi
  wall=$(cut -d' ' -f1 "$results/real-t$n.rows" | median)
  cpu=$(cut -d' ' -f2 "$results/real-t$n.rows" | median)
  rss=$(cut -d' ' -f3 "$results/real-t$n.rows" | median)
  events=$(cut -d' ' -f4 "$results/real-t$n.rows" | sort -u | tr '\n' ' ')
  awk -v n="$n" -v w="$wall" -v c="$cpu" -v r="$rss" -v e="$events" -v b="$bytes" -v d="$docs" 'BEGIN {
    mb = b / 1e6; printf "| %d | %.1f | %.1f | %.2f | %.2f | %.0f | %.0f | %s|\n", n, w, c, mb / c, mb / w, d / w, r, e }'
done
