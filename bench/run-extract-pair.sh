#!/usr/bin/env bash
# Paired whole-process extraction runs: two builds (or one build under two runtime settings) on the
# same real-article corpus, alternated run by run (A B A B ...) so both see the same machine load.
# Each run is `/usr/bin/time -v dotnet DLL extract CORPUS --threads N`; a small start-up hook
# (built once into .cache/alloc-hook) prints the bytes the process allocated
# (GC.GetTotalAllocatedBytes) and its collections at exit. Prints one row per run and the medians
# per build and thread count: wall s, CPU s (user+sys), MB per CPU-s, MB/s (wall), peak RSS MB,
# bytes allocated per input byte, gen-0 collections, SHA-256 of the output (the two builds must
# agree), and the 1-minute load average when the run started.
#
#   bench/run-extract-pair.sh --a DLL_A [--a-env 'VAR=V ...'] --b DLL_B [--b-env 'VAR=V ...'] \
#       [--mb 5] [--threads "1 2"] [--runs 5]
#
# The corpus is bench/corpus/make-real-corpus.sh's (--mb 50 is .cache/real-corpus, else
# .cache/real-corpus-MBmb). Raw outputs go to .cache/bench-results/pair/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=5
threads="1 2"
runs=5
a= b= a_env= b_env=
while [ $# -gt 0 ]; do
  case "$1" in
    --a) a="$2"; shift 2 ;;
    --b) b="$2"; shift 2 ;;
    --a-env) a_env="$2"; shift 2 ;;
    --b-env) b_env="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "run-extract-pair: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$a" ] || [ -z "$b" ]; then
  echo "run-extract-pair: give both builds: --a DLL --b DLL (the same DLL twice to compare --a-env and --b-env)" >&2
  exit 2
fi
for dll in "$a" "$b"; do
  [ -f "$dll" ] || { echo "run-extract-pair: $dll: no such build" >&2; exit 2; }
done
if [ ! -x /usr/bin/time ]; then
  echo "run-extract-pair: /usr/bin/time missing; install it with: apt-get install -y time" >&2
  exit 2
fi
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$root/.cache/gazetteer.idx}"
[ -f "$SITREP_GAZETTEER" ] || { echo "run-extract-pair: no place index at $SITREP_GAZETTEER" >&2; exit 2; }

corpus="$root/.cache/real-corpus"
[ "$mb" = 50 ] || corpus="$root/.cache/real-corpus-${mb}mb"
"$root/bench/corpus/make-real-corpus.sh" --mb "$mb" --out "$corpus" >&2
bytes=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$corpus/CORPUS")

# The hook: a class StartupHook with a static Initialize, loaded by DOTNET_STARTUP_HOOKS.
hook_dir="$root/.cache/alloc-hook"
hook="$hook_dir/out/allochook.dll"
if [ ! -f "$hook" ]; then
  mkdir -p "$hook_dir"
  cat >"$hook_dir/allochook.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
</Project>
EOF
  cat >"$hook_dir/StartupHook.cs" <<'EOF'
internal class StartupHook
{
    public static void Initialize() =>
        System.AppDomain.CurrentDomain.ProcessExit += (_, _) => System.Console.Error.WriteLine(
            $"ALLOC {System.GC.GetTotalAllocatedBytes(true)} GEN0 {System.GC.CollectionCount(0)}");
}
EOF
  dotnet build "$hook_dir/allochook.csproj" -c Release -o "$hook_dir/out" -nologo -v q >&2
fi

results="$root/.cache/bench-results/pair"
mkdir -p "$results"
find "$corpus" -type f -exec cat {} + >/dev/null   # page cache warm, outside the timed runs

echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); dotnet $(dotnet --version); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Corpus: $corpus, $bytes bytes; A: $a ${a_env:+($a_env)}; B: $b ${b_env:+($b_env)}; $runs runs each, alternated"
echo
echo "| build | threads | run | load | wall s | CPU s | MB per CPU-s | peak RSS MB | bytes allocated per input byte | gen-0 GCs | output |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
rows="$results/rows.$$"
: >"$rows"
for n in $threads; do
  for r in $(seq 1 "$runs"); do
    for side in A B; do
      if [ "$side" = A ]; then dll="$a"; envs="$a_env"; else dll="$b"; envs="$b_env"; fi
      load=$(cut -d' ' -f1 /proc/loadavg)
      log="$results/$side-t$n-r$r.time"
      # shellcheck disable=SC2086
      env $envs DOTNET_STARTUP_HOOKS="$hook" /usr/bin/time -v -o "$log" \
        dotnet "$dll" extract "$corpus" --threads "$n" >"$results/$side.out" 2>"$results/$side.err"
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
      cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log")
      rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$log")
      alloc=$(sed -n 's/^ALLOC \([0-9]*\) GEN0 \([0-9]*\)$/\1/p' "$results/$side.err" | tail -1)
      gen0=$(sed -n 's/^ALLOC \([0-9]*\) GEN0 \([0-9]*\)$/\2/p' "$results/$side.err" | tail -1)
      perbyte=$(awk -v a="${alloc:-0}" -v b="$bytes" 'BEGIN { printf "%.0f", a / b }')
      mbcpu=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { printf "%.2f", b / 1e6 / c }')
      digest=$(sha256sum <"$results/$side.out" | cut -c1-12)
      echo "| $side | $n | $r | $load | $wall | $cpu | $mbcpu | $rss | $perbyte | $gen0 | $digest |"
      echo "$side $n $wall $cpu $rss $perbyte $gen0" >>"$rows"
    done
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "| build | threads | wall s (median) | CPU s (median) | MB per CPU-s | MB/s (wall) | peak RSS MB | bytes allocated per input byte |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for n in $threads; do
  for side in A B; do
    wall=$(awk -v s="$side" -v n="$n" '$1 == s && $2 == n { print $3 }' "$rows" | median)
    cpu=$(awk -v s="$side" -v n="$n" '$1 == s && $2 == n { print $4 }' "$rows" | median)
    rss=$(awk -v s="$side" -v n="$n" '$1 == s && $2 == n { print $5 }' "$rows" | median)
    per=$(awk -v s="$side" -v n="$n" '$1 == s && $2 == n { print $6 }' "$rows" | median)
    echo "| $side | $n | $wall | $cpu | $(awk -v b="$bytes" -v c="$cpu" 'BEGIN { printf "%.2f", b / 1e6 / c }') | $(awk -v b="$bytes" -v w="$wall" 'BEGIN { printf "%.2f", b / 1e6 / w }') | $rss | $per |"
  done
done
rm -f "$rows"
