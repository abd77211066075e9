#!/usr/bin/env bash
# Whole-process extraction benchmark: builds the CLI (Release, through ./sitrep), generates the
# corpus if missing (bench/corpus/make-corpus.sh), then times `./sitrep extract CORPUS --threads N`
# with /usr/bin/time -v for wall time and peak RSS. Also times an empty folder (start-up plus
# gazetteer load) and a smaller corpus (is memory flat?). Prints a Markdown table for BENCHMARKS.md.
#
#   bench/run-extract-bench.sh [--mb 60] [--small-mb 15] [--threads "1 2"] [--seed 42]
#
# Big runs: at ~0.15 MB/s per core a 60 MB corpus takes minutes per thread count.
# Raw /usr/bin/time outputs are kept in .cache/bench-results/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=60
small_mb=15
threads="1 2"
seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --small-mb) small_mb="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "run-extract-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "run-extract-bench: /usr/bin/time missing; install it with: apt-get install -y time" >&2
  exit 2
fi
if [ ! -f "$root/.cache/gazetteer.idx" ] && [ -z "${SITREP_GAZETTEER:-}" ]; then
  echo "run-extract-bench: no place index at .cache/gazetteer.idx (copy one or run ./sitrep gazetteer build)" >&2
  exit 2
fi

corpus="$root/.cache/corpus"
small="$root/.cache/corpus-${small_mb}mb"
empty="$root/.cache/bench-empty"
results="$root/.cache/bench-results"
mkdir -p "$results" "$empty"
rm -f "$empty"/*

"$root/bench/corpus/make-corpus.sh" --mb "$mb" --seed "$seed" --out "$corpus"
"$root/bench/corpus/make-corpus.sh" --mb "$small_mb" --seed "$seed" --out "$small"
# Build (Release, into .cache/bin) and warm the disk cache outside the timed runs.
"$root/sitrep" extract "$root/samples/reports" >/dev/null
cat "$corpus"/*/* "$small"/*/* >/dev/null

field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" "$2/CORPUS"; }

# run NAME PATH THREADS: one timed whole-process run; prints "wall_s rss_mb events cpu_s load"
# (cpu_s = user + sys, less sensitive than wall time to other work on a shared machine).
run() {
  local name="$1" path="$2" n="$3" out="$results/$1.time"
  /usr/bin/time -v -o "$out" "$root/sitrep" extract "$path" --threads "$n" >/dev/null 2>"$results/$name.stderr" || true
  local wall rss events cpu load
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$out")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$out")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out")
  events=$(sed -n 's/.* \([0-9,]*\) events, .*/\1/p' "$results/$name.stderr" | tail -1 | tr -d ,)
  echo "$wall $rss ${events:-0} $cpu $load"
}

echo "run-extract-bench: empty folder (start-up + gazetteer load)..." >&2
read -r empty_wall empty_rss _ empty_cpu _ < <(run empty "$empty" 1)

cpu="$(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo
echo "Machine: $cpu; $(uname -sr); dotnet $(dotnet --version); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Empty folder (process start, gazetteer load, no reports): ${empty_wall} s wall, ${empty_cpu} s CPU, ${empty_rss} MB peak RSS."
echo
echo "| corpus | docs | MB (report files) | threads | wall s | MB/s | docs/s | events | events/s | peak RSS MB | CPU s (user+sys) | MB per CPU-s | load avg (1 min) at end |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for c in "$small" "$corpus"; do
  docs=$(field docs "$c")
  bytes=$(field bytes "$c")
  for n in $threads; do
    name="$(basename "$c")-t$n"
    echo "run-extract-bench: $name..." >&2
    read -r wall rss events cpu load < <(run "$name" "$c" "$n")
    awk -v c="$(basename "$c")" -v d="$docs" -v b="$bytes" -v n="$n" -v w="$wall" -v r="$rss" -v e="$events" -v u="$cpu" -v l="$load" 'BEGIN {
      mb = b / 1048576;
      printf "| %s | %d | %.1f | %d | %.1f | %.3f | %.1f | %d | %.0f | %d | %.1f | %.3f | %s |\n", c, d, mb, n, w, mb / w, d / w, e, e / w, r, u, mb / u, l }'
  done
done
