#!/usr/bin/env bash
# The PostgreSQL workers benchmark of BENCHMARKS.md ("Workers"): real reports (the articles of
# ../shared/eval/news and dev and samples/reports, copied COPIES times under other names) stored
# by 1, 2 or 4 `sitrep worker` processes on one throwaway PostgreSQL server, against one SQLite
# `sitrep ingest` of the same reports. Each timed step starts from an empty database, so it can
# be run again and again under `/usr/bin/time -v`:
#
#   bench/run-worker-bench.sh setup [COPIES]   # server on 127.0.0.1:55433 under /tmp/sitrep-workerbench, corpus (default 5 copies)
#   /usr/bin/time -v bench/run-worker-bench.sh sqlite
#   /usr/bin/time -v bench/run-worker-bench.sh queue       # ingest --queue alone, into a fresh database
#   /usr/bin/time -v bench/run-worker-bench.sh workers 2   # fresh database, ingest --queue, then 2 workers until the queue is empty
#   bench/run-worker-bench.sh check 2                      # the workers' database equals a single-process ingest: documents, events, incidents
#   bench/run-worker-bench.sh server 1                     # the server's execution time a document in that run (pg_stat_statements)
#   bench/run-worker-bench.sh stop
#
# As root the server runs as the postgres user. The workers print where their time went (claim,
# extraction, the writers' lock) on their last stderr line; the log of the last `workers` run is
# /tmp/sitrep-workerbench/workers.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir=/tmp/sitrep-workerbench
port=55433
corpus=$dir/reports
uri="postgres://postgres@127.0.0.1:$port"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export SITREP_GAZETTEER="${SITREP_GAZETTEER:-$root/.cache/gazetteer.idx}"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_admin() { psql -q -h 127.0.0.1 -p $port -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
fresh() { psql_admin -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

case "${1:-}" in
  setup)
    copies="${2:-5}"
    rm -rf "$dir"; mkdir -p "$corpus"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c shared_preload_libraries=pg_stat_statements" start >/dev/null
    psql_admin -c "CREATE EXTENSION pg_stat_statements"
    for n in $(seq -w 1 "$copies"); do
      for d in "$root/../shared/eval/news" "$root/../shared/eval/dev" "$root/samples/reports"; do
        for f in "$d"/*.txt "$d"/*.html "$d"/*.meta.json; do [ -f "$f" ] && cp "$f" "$corpus/r$n-$(basename "$f")"; done
      done
    done
    "$root/sitrep" --help >/dev/null   # builds the CLI once, outside the timed runs
    echo "run-worker-bench: $(ls "$corpus" | grep -cv '\.meta\.json$') reports in $corpus, server on $uri" >&2
    ;;
  sqlite)
    rm -f "$dir/sqlite.db"
    "$root/sitrep" ingest "$corpus" --db "$dir/sqlite.db"
    ;;
  queue)
    fresh queued
    "$root/sitrep" ingest "$corpus" --db "$uri/queued" --queue
    ;;
  workers)
    n="${2:?how many workers}"
    fresh "workers$n"
    "$root/sitrep" ingest "$corpus" --db "$uri/workers$n" --queue 2>"$dir/workers.log"
    pids=()
    for _ in $(seq "$n"); do
      "$root/sitrep" worker --db "$uri/workers$n" --exit-when-empty 2>>"$dir/workers.log" & pids+=($!)
    done
    status=0
    for p in "${pids[@]}"; do wait "$p" || status=$?; done
    grep -h "^worker: .* per document" "$dir/workers.log" >&2 || true
    exit $status
    ;;
  check)
    n="${2:?which workers database}"
    fresh single
    "$root/sitrep" ingest "$corpus" --db "$uri/single" 2>/dev/null
    for db in single "workers$n"; do
      psql -h 127.0.0.1 -p $port -U postgres -d "$db" -At -c \
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM incidents),
                (SELECT md5(string_agg(doc || '/' || id || ':' || record_sum, ',' ORDER BY doc, id)) FROM events),
                (SELECT md5(string_agg(m, ';' ORDER BY m)) FROM (SELECT string_agg(e.doc || '/' || e.id, ' ' ORDER BY e.doc, e.id) m
                   FROM incident_members i JOIN events e ON e.key = i.event GROUP BY i.incident) x)" | sed "s/^/$db: /"
    done
    ;;
  server)
    # The server's own execution time in the last `workers N` run, per document: all statements,
    # those under the writers' lock (everything but claims, renewals and queueing), and claims.
    n="${2:?which workers database}"
    docs=$(ls "$corpus" | grep -cv '\.meta\.json$')
    psql_admin -At -F' ' -c "
      WITH s AS (SELECT query, total_exec_time FROM pg_stat_statements JOIN pg_database d ON d.oid = dbid WHERE d.datname = 'workers$n')
      SELECT 'all', round(sum(total_exec_time)::numeric / $docs, 3) FROM s
      UNION ALL SELECT 'claim', round(sum(total_exec_time)::numeric / $docs, 3) FROM s WHERE query LIKE 'UPDATE ingest_queue q%'
      UNION ALL SELECT 'queue-in', round(sum(total_exec_time)::numeric / $docs, 3) FROM s WHERE query LIKE 'INSERT INTO ingest_queue%'
      UNION ALL SELECT 'under-lock', round(sum(total_exec_time)::numeric / $docs, 3) FROM s
        WHERE query NOT LIKE 'UPDATE ingest_queue%' AND query NOT LIKE 'INSERT INTO ingest_queue%'
          AND query NOT LIKE '%pg_advisory_xact_lock%' AND query NOT LIKE 'SELECT record, record_sum%'" | sed 's/$/ ms a document (server execution)/'
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    ;;
  *)
    echo "usage: bench/run-worker-bench.sh setup [COPIES] | sqlite | queue | workers N | check N | server N | stop" >&2
    exit 2
    ;;
esac
