using System.Diagnostics;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Store;
using Dapper;
using Sitrep.Store.Export;
using Sitrep.Store.Query;

namespace Sitrep.Bench;

/// <summary>
/// Store benchmark, run by hand (see BENCHMARKS.md):
///   Sitrep.Bench generate DIR DOCUMENTS [--text] [--days N] [--most-told K]
///     (1 M events at about 150 reports a day over four years: generate DIR 222222 --days 1461 --most-told 8)
///   Sitrep.Bench measure DIR DB SITREP_DLL
///   Sitrep.Bench queries DB [rows|incidents|stats|stats-days]   (the typical queries, or only those of incidents, of stats,
///     or of stats filtered by dates alone)
///   Sitrep.Bench queries DB rows [strikes|odesa]   (the full-row queries, or one of them, with a digest of the records)
///   Sitrep.Bench record-parts DB     (a month of strikes' full rows stage by stage: SQLite, checksum, parse)
///   Sitrep.Bench stats-parts DB      (stats all time statement by statement, with what each allocates)
///   Sitrep.Bench check DB            (after a kill -9 by hand: is every document whole?)
///   Sitrep.Bench cluster DB [PASSES] (the incident clusterer alone on the store's reports, each family's stretches of days)
///   Sitrep.Bench plans DB OTHER_DB   (runs every timed query once on DB, then shows each statement's
///     query plan on both files where they differ: does a file's sqlite_stat1 change what SQLite does?)
///   Sitrep.Bench sql DB STATEMENT... (each statement through the SQLite the store ships, not the
///     system's sqlite3, whose planner is another version: EXPLAIN QUERY PLAN, ANALYZE, timed)
/// 'measure' ingests DIR/events.jsonl with the real CLI in its own process (whole-process rate),
/// ingests it again (the idempotent re-run), then times typical queries, exports and stats.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["generate", var folder, var count, .. var rest] && int.TryParse(count, out var documents))
        {
            var clock = Stopwatch.StartNew();
            var (docs, events) = new CorpusGenerator(seed: 20240224).Write(folder, documents, text: rest.Contains("--text"),
                days: Option(rest, "--days") ?? 730, mostTold: Option(rest, "--most-told") ?? 4);
            Console.Error.WriteLine($"generate: {docs:N0} documents, {events:N0} events in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        if (args is ["measure", var dir, var db, var cli])
            return Measure(dir, db, cli);
        if (args is ["queries", var queryDb])
        {
            using var store = EventStore.OpenReadOnly(queryDb);
            TimeQueries(store, Console.Out);
            return 0;
        }
        if (args is ["queries", var rowsDb, "rows", .. var only])
        {
            using var store = EventStore.OpenReadOnly(rowsDb);
            TimeFullRows(store, Console.Out, only.FirstOrDefault());
            return 0;
        }
        if (args is ["queries", var incidentsDb, "incidents"])
        {
            using var store = EventStore.OpenReadOnly(incidentsDb);
            TimeIncidents(store, Console.Out);
            return 0;
        }
        if (args is ["queries", var statsDb, ("stats" or "stats-days") and var which])
        {
            // Opening a file made before the current schema upgrades it once: timed apart from the queries.
            var clock = Stopwatch.StartNew();
            using var store = EventStore.OpenReadOnly(statsDb);
            Console.Error.WriteLine($"open: {clock.Elapsed.TotalSeconds:0.0} s");
            TimeStats(store, Console.Out, daysOnly: which == "stats-days");
            return 0;
        }
        if (args is ["stats-parts", var partsDb])
        {
            using var store = EventStore.OpenReadOnly(partsDb);
            StatsParts(store);
            return 0;
        }
        if (args is ["record-parts", var recordsDb])
        {
            using var store = EventStore.OpenReadOnly(recordsDb);
            RecordParts(store);
            return 0;
        }
        if (args is ["sql", var sqlDb, .. var statements] && statements.Length > 0)
            return RunSql(sqlDb, statements);
        if (args is ["plans", var planDb, var otherDb])
            return ComparePlans(planDb, otherDb);
        if (args is ["cluster", var clusterDb, .. var clusterPasses])
            return ClusterBench.Run(clusterDb, clusterPasses is [var p] && int.TryParse(p, out var n) && n > 0 ? n : 10);
        if (args is ["check", var checkDb])
        {
            using var store = EventStore.OpenReadOnly(checkDb);
            var check = store.Check();
            Console.WriteLine(check);
            return check.Sound ? 0 : 1;
        }
        Console.Error.WriteLine("usage: Sitrep.Bench generate DIR DOCUMENTS [--text] [--days N] [--most-told K] | measure DIR DB SITREP_DLL | queries DB [rows|incidents|stats|stats-days] | stats-parts DB | record-parts DB | check DB | cluster DB [PASSES] | plans DB OTHER_DB | sql DB STATEMENT...");
        return 2;
    }

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
            return null;
        if (at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0)
            return value;
        throw new ArgumentException($"{name} takes a positive whole number");
    }

    private static int Measure(string dir, string db, string cli)
    {
        var events = Path.Combine(dir, "events.jsonl");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(f);

        var (first, firstCpu) = Ingest(cli, events, db);
        var (again, againCpu) = Ingest(cli, events, db);
        using var store = EventStore.OpenReadOnly(db);
        var totals = store.Statistics().Totals;
        var size = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);

        var o = Console.Out;
        o.WriteLine($"| measure | value |");
        o.WriteLine($"|---|---|");
        o.WriteLine($"| documents / events / incidents | {totals.Documents:N0} / {totals.Events:N0} / {totals.Incidents:N0} |");
        o.WriteLine($"| first ingest, whole process, wall clock | {first:0.0} s: {totals.Documents / first:N0} documents/s, {totals.Events / first:N0} events/s |");
        o.WriteLine($"| first ingest, CPU time of the process | {firstCpu:0.0} s: {totals.Documents / firstCpu:N0} documents/s, {totals.Events / firstCpu:N0} events/s per CPU-second |");
        o.WriteLine($"| re-ingest of the same file (all unchanged), wall clock | {again:0.0} s: {totals.Documents / again:N0} documents/s (CPU {againCpu:0.0} s) |");
        o.WriteLine($"| database size | {size / 1048576.0:0.0} MB: {size / 1048576.0 / (totals.Documents / 1000.0):0.00} MB per 1,000 documents |");
        o.WriteLine();
        TimeQueries(store, o);
        return 0;
    }

    private static void TimeQueries(EventStore store, TextWriter o)
    {
        var kharkiv = (49.9935, 36.2304);
        var queries = new (string Name, EventQuery Query)[]
        {
            ("strikes in one month (--type strike --from 2024-03-01 --to 2024-03-31)", new EventQuery { Types = [EventType.Strike], From = "2024-03-01", To = "2024-03-31" }),
            ("one oblast, one week (--oblast Kharkiv --from 2024-03-01 --to 2024-03-07)", new EventQuery { Oblast = "Kharkiv", From = "2024-03-01", To = "2024-03-07" }),
            ("within 25 km of Kharkiv, one month", new EventQuery { Near = new GeoCircle(kharkiv.Item1, kharkiv.Item2, 25), From = "2024-03-01", To = "2024-03-31" }),
            ("within 25 km of Kharkiv, all time", new EventQuery { Near = new GeoCircle(kharkiv.Item1, kharkiv.Item2, 25) }),
            ("full text 'Kinzhal', one month", new EventQuery { Text = "Kinzhal", From = "2024-03-01", To = "2024-03-31" }),
            ("full text '\"residential streets\"', first 100", new EventQuery { Text = "\"residential streets\"", Limit = 100 }),
            ("full text 'Kinzhal', all time, best 100 (--rank --limit 100)", new EventQuery { Text = "Kinzhal", Rank = true, Limit = 100 }),
            ("full text '\"residential streets\"', best 100 (--rank --limit 100)", new EventQuery { Text = "\"residential streets\"", Rank = true, Limit = 100 }),
            ("weapon Shahed-136, one month", new EventQuery { Weapon = "Shahed-136", From = "2024-03-01", To = "2024-03-31" }),
            ("actor UA + type strike, all time, first 100", new EventQuery { Actor = "UA", Types = [EventType.Strike], Limit = 100 }),
            ("place Odesa, all time", new EventQuery { Place = "Odesa" }),
            ("place Odesa, one month", new EventQuery { Place = "Odesa", From = "2024-03-01", To = "2024-03-31" }),
            ("strikes in one month, first 100 (a page)", new EventQuery { Types = [EventType.Strike], From = "2024-03-01", To = "2024-03-31", Limit = 100 }),
        };
        o.WriteLine("| query (events, from the library) | rows | median | p95 | CPU median |");
        o.WriteLine("|---|---|---|---|---|");
        foreach (var (name, query) in queries)
        {
            var (rows, median, p95) = Time(() => store.Query(query).Count());
            o.WriteLine($"| {name} | {rows:N0} | {median:0.0} ms | {p95:0.0} ms | {s_cpu:0.0} ms |");
        }
        TimeIncidents(store, o, header: false);
        var (statsRows, sm, sp) = Time(() => store.Statistics().Daily.Count, runs: 11);
        o.WriteLine($"| stats, all time (daily series rows) | {statsRows:N0} | {sm:0.0} ms | {sp:0.0} ms | {s_cpu:0.0} ms |");
        var (csvRows, cm, cp) = Time(() => AcledCsvExporter.Write(store.QueryIncidents(new EventQuery()), TextWriter.Null), runs: 3);
        o.WriteLine($"| export csv, all incidents | {csvRows:N0} | {cm:0.0} ms | {cp:0.0} ms | {s_cpu:0.0} ms |");
        var (geoRows, gm, gp) = Time(() => GeoJsonExporter.Write(store.QueryIncidents(new EventQuery()), Stream.Null).Written, runs: 3);
        o.WriteLine($"| export geojson, all incidents | {geoRows:N0} | {gm:0.0} ms | {gp:0.0} ms | {s_cpu:0.0} ms |");
    }

    /// <summary>
    /// The queries that return whole records (`queries DB rows [strikes|odesa]`), alone or one of
    /// them (to profile), each row with a digest of every record as the writer writes it: two
    /// builds that read records differently can be shown to return the same events.
    /// </summary>
    private static void TimeFullRows(EventStore store, TextWriter o, string? only)
    {
        var queries = new (string Key, string Name, EventQuery Query)[]
        {
            ("strikes", "strikes in one month, full rows", new EventQuery { Types = [EventType.Strike], From = "2024-03-01", To = "2024-03-31" }),
            ("odesa", "place Odesa, all time", new EventQuery { Place = "Odesa" }),
        };
        o.WriteLine("| query (full rows, from the library) | rows | median | p95 | CPU median | allocated a run | digest |");
        o.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (key, name, query) in queries)
        {
            if (only is not null && only != key)
                continue;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (rows, median, p95) = Time(() => store.Query(query).Count());
            var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 22 / 1048576.0;
            o.WriteLine($"| {name} | {rows:N0} | {median:0.0} ms | {p95:0.0} ms | {s_cpu:0.0} ms | {perRun:0.0} MB | {Digest(store.Query(query))} |");
        }
    }

    private static string Digest(IEnumerable<EventRecord> events)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var e in events)
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(EventJson.Serialize(e) + "\n"));
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>The incident queries alone (`queries DB incidents`): a month, and a first page of all time.</summary>
    private static void TimeIncidents(EventStore store, TextWriter o, bool header = true)
    {
        if (header)
        {
            o.WriteLine("| query (incidents, from the library) | rows | median | p95 | CPU median |");
            o.WriteLine("|---|---|---|---|---|");
        }
        var month = new EventQuery { From = "2024-03-01", To = "2024-03-31" };
        var (incidents, im, ip) = Time(() => store.QueryIncidents(month).Count());
        o.WriteLine($"| incidents of one month | {incidents:N0} | {im:0.0} ms | {ip:0.0} ms | {s_cpu:0.0} ms |");
        var (page, pm, pp) = Time(() => store.QueryIncidents(new EventQuery { Limit = 100 }).Count());
        o.WriteLine($"| incidents, all time, first 100 | {page:N0} | {pm:0.0} ms | {pp:0.0} ms | {s_cpu:0.0} ms |");
    }

    /// <summary>
    /// Stats alone (`queries DB stats`): all time, then with each filter. Each row ends with a
    /// digest of the whole result (every daily, weapon, type and oblast row in order), so two
    /// builds or two stores can be shown to give the same figures.
    /// </summary>
    private static void TimeStats(EventStore store, TextWriter o, bool daysOnly = false)
    {
        var queries = new (string Name, StatsQuery Query)[]
        {
            ("stats, all time", new StatsQuery()),
            ("stats, one month (--from 2024-03-01 --to 2024-03-31)", new StatsQuery { From = "2024-03-01", To = "2024-03-31" }),
            ("stats, one year (--from 2024-01-01 --to 2024-12-31)", new StatsQuery { From = "2024-01-01", To = "2024-12-31" }),
            ("stats --actor RU", new StatsQuery { Actor = "RU" }),
            ("stats --claimed-by UA", new StatsQuery { ClaimedBy = "UA" }),
            ("stats --claimed-by ru, one year", new StatsQuery { ClaimedBy = "ru", From = "2024-01-01", To = "2024-12-31" }),
        };
        o.WriteLine("| query (stats, from the library) | weapon rows | median | p95 | CPU median | digest |");
        o.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, query) in queries)
        {
            if (daysOnly && (query.Actor ?? query.ClaimedBy) is not null)
                continue;
            var (rows, median, p95) = Time(() => store.Statistics(query).Weapons.Count, runs: daysOnly ? 21 : 11);
            o.WriteLine($"| {name} | {rows:N0} | {median:0.0} ms | {p95:0.0} ms | {s_cpu:0.0} ms | {Digest(store.Statistics(query))} |");
        }
    }

    /// <summary>
    /// Stats all time part by part (`stats-parts DB`), each statement as stats runs it, 21 times
    /// after the rest have run once: where its time goes, with the bytes each part allocates.
    /// </summary>
    private static void StatsParts(EventStore store)
    {
        store.Statistics();
        var c = store.Connection;
        var bounds = StatsSql.DayBounds(new StatsQuery());
        var days = StatsSql.Days(new StatsQuery());
        void Part(string name, Func<int> run)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var (rows, median, p95) = Time(run);
            Console.WriteLine($"| {name} | {rows:N0} | {median:0.0} ms | {p95:0.0} ms | {s_cpu:0.0} ms | {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 22 / 1024.0:N0} KB |");
        }
        Console.WriteLine("| part of stats, all time | rows | median | p95 | CPU median | allocated a run |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Part("totals", () => c.Query<StoreTotals>(StatsSql.Totals).Count());
        Part("daily", () => c.Query<DailyFigures>(StatsSql.SummaryDaily, days).Count());
        Part("weapons (packs)", () => WeaponPacks.Read(c, bounds).Count);
        Part("by type", () => c.Query<GroupCount>(StatsSql.SummaryGroups("type", bounds, keyIndex: true), days).Count());
        Part("by oblast", () => c.Query<GroupCount>(StatsSql.SummaryGroups("oblast", bounds, keyIndex: true), days).Count());
        Part("by oblast, without the key index", () => c.Query<GroupCount>(StatsSql.SummaryGroups("oblast", bounds, keyIndex: false), days).Count());
        Part("the whole", () => store.Statistics().Weapons.Count);
    }

    /// <summary>
    /// A month of strikes' full rows stage by stage (`record-parts DB`), each stage over the same
    /// 10,672 records 21 times: the rows read from SQLite as bytes, the checksum, the serializer's
    /// parse, the record reader's, the whole query. Where the time of a row goes.
    /// </summary>
    private static void RecordParts(EventStore store)
    {
        const string sql = "SELECT e.record, e.record_sum FROM events e WHERE e.type IN ('strike') AND e.date >= '2024-03-01' AND e.date <= '2024-03-31' ORDER BY e.date, e.key";
        // Timed, the rows are dropped as they come, as a query drops them: kept alive (to be
        // parsed below), 10,672 records are the collector's to copy, which no query pays.
        int Rows(List<(byte[] Record, byte[] Sum)>? keep)
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = sql;
            using var rows = command.ExecuteReader();
            var count = 0;
            for (; rows.Read(); count++)
            {
                var (record, sum) = (rows.GetFieldValue<byte[]>(0), rows.GetString(1));
                keep?.Add((record, System.Text.Encoding.ASCII.GetBytes(sum)));
            }
            return count;
        }
        var records = new List<(byte[] Record, byte[] Sum)>();
        Rows(records);
        void Part(string name, Func<int> run)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var (rows, median, p95) = Time(run);
            Console.WriteLine($"| {name} | {rows:N0} | {median:0.0} ms | {p95:0.0} ms | {s_cpu:0.0} ms | {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 22 / 1048576.0:0.0} MB |");
        }
        Console.WriteLine("| part of a month of strikes, full rows | rows | median | p95 | CPU median | allocated a run |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Part("rows from SQLite (record bytes and sum)", () => Rows(null));
        Part("rows through SQLite's C interface (spans, no copies)", () =>
        {
            SQLitePCL.raw.sqlite3_prepare_v2(store.Connection.Handle, sql, out var statement);
            using (statement)
            {
                var count = 0;
                long bytes = 0;
                while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW)
                {
                    bytes += SQLitePCL.raw.sqlite3_column_blob(statement, 0).Length + SQLitePCL.raw.sqlite3_column_blob(statement, 1).Length;
                    count++;
                }
                return bytes > 0 ? count : 0;
            }
        });
        Part("checksums", () => records.Count(r => RecordChecksum.Holds(r.Record, r.Sum)));
        Part("parse, serializer", () => records.Count(r => System.Text.Json.JsonSerializer.Deserialize(r.Record, EventJsonContext.Default.EventRecord) is not null));
        Part("parse, record reader", () => records.Count(r => EventJsonReader.TryRead(r.Record, out _)));
        Part("the whole query", () => store.Query(new EventQuery { Types = [EventType.Strike], From = "2024-03-01", To = "2024-03-31" }).Count());
    }

    private static string Digest(StoreStatistics s)
    {
        var text = string.Join("\n", new object[] { s.Totals }.Concat(s.Daily).Concat(s.Weapons).Concat(s.ByType).Concat(s.ByOblast));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Runs one ingest; returns its wall-clock and CPU seconds (the machine is shared, so both are reported).</summary>
    private static (double Wall, double Cpu) Ingest(string cli, string events, string db)
    {
        // GNU time reports the child's user+system seconds as the last line of stderr.
        var start = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "%U %S", "dotnet", cli, "ingest", "--events", events, "--db", db })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        string? last = null;
        while (process.StandardError.ReadLine() is { } line)
        {
            last = line;
            if (line.StartsWith("ingest:", StringComparison.Ordinal))
                Console.Error.WriteLine(line);
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ingest exited {process.ExitCode}");
        var parts = (last ?? "0 0").Split(' ');
        var cpu = double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture);
        return (clock.Elapsed.TotalSeconds, cpu);
    }

    private static int RunSql(string db, string[] statements)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        foreach (var statement in statements)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.CommandTimeout = 0;
            using (var reader = command.ExecuteReader())
            {
                do
                {
                    while (reader.Read())
                        Console.WriteLine(string.Join("\t", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                } while (reader.NextResult());
            }
            Console.Error.WriteLine($"{clock.Elapsed.TotalMilliseconds:0.0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU: {statement}");
        }
        return 0;
    }

    private static int ComparePlans(string db, string otherDb)
    {
        var statements = new List<string>();
        using (var store = EventStore.OpenReadOnly(db))
        {
            // The legacy trace hands over each statement with its parameters written in.
            SQLitePCL.raw.sqlite3_trace(store.Connection.Handle, (_, sql) => statements.Add(sql.utf8_to_string()), null);
            s_once = true;
            TimeQueries(store, TextWriter.Null);
            TimeStats(store, TextWriter.Null);
            s_once = false;
        }
        var distinct = statements.Where(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        var differ = 0;
        foreach (var sql in distinct)
        {
            var (plan, other) = (Plan(db, sql), Plan(otherDb, sql));
            if (plan == other)
                continue;
            differ++;
            Console.WriteLine($"-- {sql.ReplaceLineEndings(" ")}\n{db}:\n{plan}{otherDb}:\n{other}");
        }
        Console.WriteLine($"{distinct.Count} statements, {differ} with another plan");
        return 0;
    }

    private static string Plan(string db, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new System.Text.StringBuilder();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
                plan.Append(reader.GetInt64(1)).Append(' ').AppendLine(reader.GetString(3));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The store's own functions (distance_km) exist only on its connections: no plan, on either file.
            plan.AppendLine(e.Message);
        }
        return plan.ToString();
    }

    // The median CPU time of the process per run in the last Time call (all threads: the GC's too),
    // which a loaded machine distorts less than wall clock.
    private static double s_cpu;

    // Set by ComparePlans: each query runs once, to be traced, not timed.
    private static bool s_once;

    private static (int Rows, double Median, double P95) Time(Func<int> run, int runs = 21)
    {
        var rows = run(); // warm: first run pays for JIT and the page cache
        if (s_once)
            return (rows, 0, 0);
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        s_cpu = cpu[cpu.Count / 2];
        return (rows, times[times.Count / 2], times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)]);
    }
}
