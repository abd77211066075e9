using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Benchmarks;

/// <summary>
/// Reports as ingest --events sees them: the synthetic corpus of the store benchmark
/// (bench/Sitrep.Bench: incidents told by one to four outlets, about 140 reports a day),
/// generated into a temporary folder with a fixed seed.
/// </summary>
internal static class StoreCorpus
{
    public static List<ExtractedDocument> Generate(int documents, string folder)
    {
        new Sitrep.Bench.CorpusGenerator(seed: 20240224).Write(folder, documents, text: false);
        var events = Path.Combine(folder, "events.jsonl");
        return File.ReadLines(events)
            .Select(line => EventJson.Deserialize(line) ?? throw new InvalidDataException($"{events}: empty record"))
            .GroupBy(e => e.Doc)
            .Select(g => new ExtractedDocument(new Document(g.Key, events, "", DocumentMeta.Empty, g.Key), g.ToList()))
            .ToList();
    }

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>One ingest of <see cref="Docs"/> reports' records into a new store, in one batch as ingest writes them.</summary>
[MemoryDiagnoser]
public class StoreInsert
{
    private string _folder = "";
    private List<ExtractedDocument> _batch = [];
    private EventStore? _store;

    [Params(100, 1000)]
    public int Docs { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        _folder = StoreCorpus.TemporaryFolder();
        _batch = StoreCorpus.Generate(Docs, _folder);
    }

    [IterationSetup]
    public void NewStore()
    {
        var db = Path.Combine(_folder, "events.db");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(f);
        _store = EventStore.Open(db);
    }

    [Benchmark]
    public int Ingest() => _store!.Ingest(_batch).Count;

    [IterationCleanup]
    public void CloseStore() => _store?.Dispose();

    [GlobalCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);
}

/// <summary>
/// The typical filters of an analyst, one benchmark each, on a store of <see cref="Docs"/>
/// synthetic reports (two years of them) built in set-up; each counts the rows it reads.
/// </summary>
[MemoryDiagnoser]
public class StoreQueries
{
    private static readonly GeoCircle NearKharkiv = new(49.9935, 36.2304, 25);
    private string _folder = "";
    private EventStore _store = null!;

    [Params(1_000, 10_000)]
    public int Docs { get; set; }

    [GlobalSetup]
    public void Build()
    {
        _folder = StoreCorpus.TemporaryFolder();
        var db = Path.Combine(_folder, "events.db");
        using (var writer = EventStore.Open(db))
            foreach (var batch in StoreCorpus.Generate(Docs, _folder).Chunk(500))
                writer.Ingest(batch);
        _store = EventStore.OpenReadOnly(db);
    }

    [GlobalCleanup]
    public void Remove()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private int Rows(EventQuery query) => _store.Query(query).Count();

    [Benchmark]
    public int TypeAndMonth() => Rows(new EventQuery { Types = [EventType.Strike], From = "2024-03-01", To = "2024-03-31" });

    [Benchmark]
    public int OblastAndWeek() => Rows(new EventQuery { Oblast = "Kharkiv", From = "2024-03-01", To = "2024-03-07" });

    [Benchmark]
    public int Within25KmAndMonth() => Rows(new EventQuery { Near = NearKharkiv, From = "2024-03-01", To = "2024-03-31" });

    [Benchmark]
    public int FullTextAndMonth() => Rows(new EventQuery { Text = "Kinzhal", From = "2024-03-01", To = "2024-03-31" });

    [Benchmark]
    public int FullTextFirst100() => Rows(new EventQuery { Text = "\"residential streets\"", Limit = 100 });

    [Benchmark]
    public int WeaponAndMonth() => Rows(new EventQuery { Weapon = "Shahed-136", From = "2024-03-01", To = "2024-03-31" });

    [Benchmark]
    public int ActorAndTypeFirst100() => Rows(new EventQuery { Actor = "UA", Types = [EventType.Strike], Limit = 100 });

    [Benchmark]
    public int Place() => Rows(new EventQuery { Place = "Odesa" });

    [Benchmark]
    public int IncidentsOfMonth() => _store.QueryIncidents(new EventQuery { From = "2024-03-01", To = "2024-03-31" }).Count();

    [Benchmark]
    public int Stats() => _store.Statistics().Daily.Count;
}
