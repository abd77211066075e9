using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Query;

namespace Sitrep.Store.Tests;

/// <summary>
/// --near reads candidates from the R*Tree of places; it must find exactly the events the plain
/// distance filter finds, in the same order, whatever the radius, dates and undated places.
/// </summary>
public sealed class PlaceTreeTests : IDisposable
{
    private readonly TempDatabase _folder = new();

    private static readonly (GeoCircle Circle, string? From, string? To)[] Asked =
    [
        (new GeoCircle(49.9935, 36.2304, 25), "2024-03-01", "2024-03-31"),
        (new GeoCircle(49.9935, 36.2304, 25), null, null),
        (new GeoCircle(49.5, 36.5, 80), "2024-02-10", null),
        (new GeoCircle(50.2, 35.9, 5), null, "2024-04-15"),
        (new GeoCircle(49.9, 36.3, 40), "2024-03-15", "2024-03-15"),
        (new GeoCircle(49.9, 36.3, 0.5), null, null),
    ];

    [Fact]
    public void The_tree_finds_what_the_distance_filter_finds()
    {
        using var store = EventStore.Open(Path.Combine(_folder.Folder, "near.db"));
        store.Ingest(Scattered(300));
        AssertSameAsPlainFilter(store);
    }

    [Fact]
    public void A_database_without_the_tree_gets_it_filled_on_open()
    {
        var path = Path.Combine(_folder.Folder, "old.db");
        using (var store = EventStore.Open(path))
            store.Ingest(Scattered(120));
        using (var old = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            old.Open();
            using var drop = old.CreateCommand();
            drop.CommandText = """
                DROP TRIGGER event_places_tree_insert; DROP TRIGGER event_places_tree_delete; DROP TRIGGER event_places_tree_update;
                DROP TABLE event_places_tree;
                """;
            drop.ExecuteNonQuery();
        }
        using (var reader = EventStore.OpenReadOnly(path))
            AssertSameAsPlainFilter(reader);
        using var again = EventStore.Open(path);
        // A replaced document's places leave the tree with it.
        again.Ingest(Scattered(120, seed: 11, text: "changed"));
        AssertSameAsPlainFilter(again);
    }

    [Fact]
    public void A_batch_stores_its_places_as_documents_written_one_at_a_time_do()
    {
        // Hundreds of places, so the writer's statements of many rows and its single rows both
        // run; five documents given again later in the same batch replace their first versions.
        var batch = Scattered(120).Concat(Scattered(5, seed: 11, text: "changed")).ToList();
        using var together = EventStore.Open(Path.Combine(_folder.Folder, "together.db"));
        Assert.Equal(5, together.Ingest(batch).Count(o => o == IngestOutcome.Replaced));
        using var apart = EventStore.Open(Path.Combine(_folder.Folder, "apart.db"));
        foreach (var document in batch)
            apart.Ingest([document]);

        foreach (var sql in new[]
        {
            "SELECT event, ord, name, kind, country, admin1, admin2, lat, lon, geonames_id, admin1_key, name_key, family, date FROM event_places ORDER BY event, ord",
            "SELECT id, lat_min, lat_max, lon_min, lon_max, day_min, day_max FROM event_places_tree ORDER BY id",
        })
        {
            var rows = Rows(together, sql);
            Assert.True(rows.Count > 300, $"{rows.Count} rows from {sql}");
            Assert.Equal(Rows(apart, sql), rows);
        }
        AssertSameAsPlainFilter(together);
    }

    private static List<string> Rows(EventStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private static void AssertSameAsPlainFilter(EventStore store)
    {
        var plain = new StoreReader(store.Connection, ReadDialect.Sqlite, () => (store.Connection, false), placeTree: false);
        var found = 0;
        foreach (var (circle, from, to) in Asked)
            foreach (var undated in new[] { false, true })
            {
                var query = new EventQuery { Near = circle, From = from, To = to, IncludeUndated = undated };
                var expected = plain.Query(query).Select(e => e.Doc + "/" + e.Id).ToList();
                Assert.Equal(expected, store.Query(query).Select(e => e.Doc + "/" + e.Id).ToList());
                found += expected.Count;
            }
        Assert.True(found > 100, $"the circles found only {found} events; the comparison shows little");
    }

    /// <summary>Events scattered over Kharkiv oblast in March and April 2024, some undated, some with two places or none located.</summary>
    private static List<ExtractedDocument> Scattered(int documents, int seed = 5, string text = "")
    {
        var random = new Random(seed);
        var list = new List<ExtractedDocument>();
        for (var d = 0; d < documents; d++)
        {
            var doc = $"near-{d:D4}";
            var events = new List<EventRecord>();
            for (var e = 0; e < 3; e++)
            {
                Place Somewhere() => Reports.City($"Village {random.Next(1000)}", "Kharkiv", 49 + random.NextDouble() * 1.6, 35.4 + random.NextDouble() * 2.0);
                var date = random.Next(10) == 0 ? null : new DateOnly(2024, 3, 1).AddDays(random.Next(0, 61)).ToString("yyyy-MM-dd");
                var strike = Reports.Strike(doc, $"{doc}-e{e}", Somewhere(), date ?? "2024-03-01") with { Date = date };
                strike = random.Next(5) switch
                {
                    0 => strike with { Places = [Somewhere(), Somewhere()] },
                    1 => strike with { Places = [Reports.KharkivOblast with { Lat = null, Lon = null }] },
                    _ => strike,
                };
                events.Add(strike);
            }
            list.Add(new ExtractedDocument(Reports.Doc(doc, text: $"Report {doc} {text}"), events));
        }
        return list;
    }

    public void Dispose() => _folder.Dispose();
}
