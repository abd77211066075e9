using System.Text;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Store.Export;

namespace Sitrep.Store.Tests;

/// <summary>
/// The same reports ingested into SQLite and into PostgreSQL: every filter, the incident
/// listing, each incident in full, the statistics and the exports must come out the same, row
/// for row and in the same order.
/// </summary>
[Collection("postgres")]
public sealed class ReadingEquivalenceTests(PgServer server) : IDisposable
{
    private readonly TempDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    // The incident corpus, with weapon counts on some strikes, an undated event and a background mention, so every filter has rows to pick.
    private static List<ExtractedDocument> Corpus()
    {
        var documents = IncidentCorpus.Generate(days: 4, incidentsPerOblastPerDay: 3).Documents;
        return documents.Select((d, di) => new ExtractedDocument(d.Document, d.Events.Select((e, ei) => (di + ei) switch
        {
            var n when n % 5 == 0 && e.Type == EventType.Strike => e with { Weapons = [new Weapon(WeaponClass.Drone, "Shahed-136", 10 + n % 7, 8 + n % 3)] },
            var n when n % 7 == 0 => e with { Weapons = [new Weapon(WeaponClass.Missile, n % 2 == 0 ? "Kh-101" : null, null, n % 4)] },
            var n when n % 11 == 0 => e with { Date = null, DatePrecision = null },
            var n when n % 13 == 0 => e with { Background = true },
            _ => e,
        }).ToList())).ToList();
    }

    [PgFact]
    public void Queries_incidents_statistics_and_exports_are_the_same_in_both_stores()
    {
        var corpus = Corpus();
        using var sqliteStore = EventStore.Open(_sqlite.Path);
        using var pgStore = EventStores.OpenForWriting(server.CreateDatabase());
        foreach (var batch in corpus.Chunk(25))
        {
            sqliteStore.Ingest(batch);
            pgStore.Ingest(batch);
        }
        var (sqlite, pg) = ((IEventReader)sqliteStore, (IEventReader)pgStore);
        var village = corpus[3].Events[0].Places[0].Name;
        EventQuery[] queries =
        [
            new(), new() { Types = [EventType.AirDefense, EventType.GroundCombat] }, new() { From = "2024-03-02", To = "2024-03-03" },
            new() { From = "2024-03-02", IncludeUndated = true }, new() { Undated = true }, new() { Place = village.ToUpperInvariant() },
            new() { Oblast = "Donetsk Oblast" }, new() { Near = new GeoCircle(48.3, 37.8, 35) }, new() { Actor = "ru" }, new() { ClaimedBy = "ua" },
            new() { Weapon = "drone" }, new() { Weapon = "KH-101" }, new() { WithCasualties = true }, new() { Conflicting = true },
            new() { Text = "shelled OR struck" }, new() { Text = "\"last night\"" }, new() { Text = "attack NOT overnight" }, new() { Text = "explo*" }, new() { ExcludeBackground = true },
            new() { Limit = 9 }, new() { Oblast = "kharkiv", Types = [EventType.Strike], WithCasualties = true, From = "2024-03-02", Limit = 4 },
        ];
        foreach (var query in queries)
        {
            var events = sqlite.Query(query).Select(e => $"{e.Doc}/{e.Id}").ToList();
            Assert.True(events.Count > 0, $"{query} finds nothing: the comparison would prove nothing");
            Assert.Equal(events, pg.Query(query).Select(e => $"{e.Doc}/{e.Id}").ToList());
            Assert.Equal(sqlite.Count(query with { Limit = null }), pg.Count(query with { Limit = null }));
            Assert.Equal(EventsCsv(sqlite, query), EventsCsv(pg, query));
            var incidents = Incidents(sqlite, query);
            Assert.Equal(incidents, Incidents(pg, query));
            Assert.Equal(AcledCsv(incidents), AcledCsv(Incidents(pg, query)));
            Assert.Equal(GeoJson(incidents), GeoJson(Incidents(pg, query)));
        }

        foreach (var stats in new StatsQuery[]
                 {
                     new(), new() { From = "2024-03-02", To = "2024-03-03" }, new() { ClaimedBy = "ua" }, new() { Actor = "RU", Types = [EventType.Strike] },
                     new() { Oblast = "Zaporizhzhia Oblast" },
                 })
            Assert.Equal(JsonSerializer.Serialize(sqlite.Statistics(stats)), JsonSerializer.Serialize(pg.Statistics(stats)));

        var sqliteIds = Ranks(sqlite);
        var pgIds = Ranks(pg);
        Assert.Equal(sqliteIds.Count, pgIds.Count);
        foreach (var (id, rank) in sqliteIds)
        {
            var other = pgIds.Single(p => p.Value == rank).Key;
            Assert.Equal(JsonSerializer.Serialize(sqlite.GetIncident(id)! with { Id = rank }), JsonSerializer.Serialize(pg.GetIncident(other)! with { Id = rank }));
        }
        var first = corpus[0].Events[0];
        Assert.Equal(sqliteIds[sqlite.IncidentOf(first.Doc, first.Id)!.Value], pgIds[pg.IncidentOf(first.Doc, first.Id)!.Value]);
        Assert.Equal(sqlite.Locate(village), pg.Locate(village));
        Assert.Equal(sqlite.DocumentSource(first.Doc), pg.DocumentSource(first.Doc));
    }

    // Incident ids are the stores' own (SQLite may hand a deleted id out again, PostgreSQL never
    // does), so rows are compared with each id replaced by its rank, and without the time of writing.
    private static Dictionary<long, long> Ranks(IEventReader store) =>
        store.QueryIncidents(new EventQuery()).Select(i => i.Id).Order().Select((id, rank) => (id, rank)).ToDictionary(p => p.id, p => (long)p.rank);

    private static List<IncidentRow> Incidents(IEventReader store, EventQuery query)
    {
        var ranks = Ranks(store);
        return store.QueryIncidents(query).Select(i => i with { Id = ranks[i.Id], UpdatedAt = "" }).ToList();
    }

    private static string EventsCsv(IEventReader store, EventQuery query)
    {
        var text = new StringWriter();
        EventCsvExporter.Write(store.Query(query), store.DocumentSource, text);
        return text.ToString();
    }

    private static string AcledCsv(IEnumerable<IncidentRow> incidents)
    {
        var text = new StringWriter();
        AcledCsvExporter.Write(incidents, text);
        return text.ToString();
    }

    private static string GeoJson(IEnumerable<IncidentRow> incidents)
    {
        using var stream = new MemoryStream();
        GeoJsonExporter.Write(incidents, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
