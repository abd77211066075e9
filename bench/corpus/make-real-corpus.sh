#!/usr/bin/env bash
# Builds the real-text extraction corpus: the articles of ../shared/eval/dev and ../shared/eval/news
# (with their .meta.json), copied over and over in a seeded shuffled order until the report files
# add up to --mb megabytes (10^6 bytes). Real reporting, not generated text; the copies are real
# files (extract reads each inode once), named SEQ_ARTICLE so a run reads them in shuffled order,
# 1,000 to a folder. The corpus lives in .cache (git-ignored): the articles never enter the project.
#
#   bench/corpus/make-real-corpus.sh [--mb 50] [--seed 42] [--out .cache/real-corpus]
#
# Skips the work when OUT already holds a corpus made with the same settings and articles.
# OUT/CORPUS says what was made: "docs=N bytes=N articles=N".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared/eval"
mb=50
seed=42
out="$root/.cache/real-corpus"
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "make-real-corpus: unknown argument $1" >&2; exit 2 ;;
  esac
done
for set in dev news; do
  [ -d "$shared/$set" ] || { echo "make-real-corpus: $shared/$set is missing: the corpus is made of its articles" >&2; exit 2; }
done

fingerprint="seed=$seed mb=$mb $(cat "$root/bench/corpus/make-real-corpus.sh" "$shared"/dev/* "$shared"/news/* | sha256sum | cut -c1-16)"
if [ -f "$out/FINGERPRINT" ] && [ "$(cat "$out/FINGERPRINT")" = "$fingerprint" ]; then
  echo "make-real-corpus: $out is up to date ($(cat "$out/CORPUS"))" >&2
  exit 0
fi
rm -rf "$out"
mkdir -p "$out"
python3 - "$shared" "$out" "$mb" "$seed" <<'PY'
import os, random, shutil, sys
shared, out, mb, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
articles = []
for s in ("dev", "news"):
    folder = os.path.join(shared, s)
    for name in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(name)
        if ext in (".txt", ".html", ".htm"):
            meta = os.path.join(folder, stem + ".meta.json")
            articles.append((s, os.path.join(folder, name), meta if os.path.exists(meta) else None))
if not articles:
    sys.exit("make-real-corpus: no articles found under " + shared)
rng = random.Random(seed)
target = mb * 1e6
total, seq = 0, 0
while total < target:
    order = articles[:]
    rng.shuffle(order)
    for s, path, meta in order:
        if total >= target:
            break
        sub = os.path.join(out, f"{seq // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        stem, ext = os.path.splitext(os.path.basename(path))
        name = f"{seq:06d}_{s}_{stem}"
        shutil.copyfile(path, os.path.join(sub, name + ext))
        if meta:
            shutil.copyfile(meta, os.path.join(sub, name + ".meta.json"))
        total += os.path.getsize(path)
        seq += 1
with open(os.path.join(out, "CORPUS"), "w") as f:
    f.write(f"docs={seq} bytes={total} articles={len(articles)}\n")
PY
echo "$fingerprint" >"$out/FINGERPRINT"
echo "make-real-corpus: wrote $out ($(cat "$out/CORPUS"))" >&2
