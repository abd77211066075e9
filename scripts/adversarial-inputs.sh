#!/usr/bin/env bash
# Writes the adversarial inputs of issue 9 into a folder (default /tmp/sitrep-adversarial) and
# times `sitrep extract` on each: wall and CPU seconds, peak memory, seconds per MB.
# Usage: scripts/adversarial-inputs.sh [FOLDER]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-/tmp/sitrep-adversarial}"
mkdir -p "$out"
python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
random.seed(1)
words = "drones hit the port of Odesa and missiles struck Kharkiv while officials said three people were killed near the plant".split()
run, size = [], 0
while size < 5_300_000:
    w = random.choice(words); run.append(w); size += len(w) + 1
run = " ".join(run)
files = {
    "nostop-400k.txt": run[:400_000],
    "nostop-5m.txt": run[:5_000_000],
    "div-40000.html": "<html><body>" + "<div>" * 40000 + "Drones hit Odesa." + "</div>" * 40000 + "</body></html>",
    "div-500.html": "<html><body>" + ("<div>" * 500 + "Drones hit Odesa. " + "</div>" * 500) * 150 + "</body></html>",
    "one-dot-100000.txt": "1." * 100000,
    "one-dot-space-100000.txt": "1. " * 100000,
    "credits-1m.txt": ("A crane lifts a slab. (Photo: Sample Wire) Jane Doe/AFP " * 20000)[:1_000_000],
    "quotes-1m.txt": ('a.")") ' * 200000)[:1_000_000],
}
for name, text in files.items():
    open(f"{out}/{name}", "w").write(text)
PY
./sitrep extract samples/reports/odesa-attack-third-outlet.txt > /dev/null 2>&1 # build first
for f in "$out"/*; do
  size=$(stat -c %s "$f")
  # median of three runs
  for i in 1 2 3; do /usr/bin/time -f "%e %U %S %M %x" ./sitrep extract "$f" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 2p |
    awk -v f="$(basename "$f")" -v s="$size" '{ printf "%-26s %8.2f MB  wall %6.2f s  cpu %6.2f s  %4d MB peak  exit %s  wall/MB %6.2f  cpu/MB %5.2f\n", f, s/1048576, $1, $2+$3, $4/1024, $5, $1/(s/1048576), ($2+$3)/(s/1048576) }'
done
