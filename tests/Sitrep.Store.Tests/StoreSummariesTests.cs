using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Store.Query;

namespace Sitrep.Store.Tests;

/// <summary>
/// SQLite's writer keeps copies of what the incident listing and stats read (StoreSummaries).
/// Read from the copies, both must give exactly what the SQL over the incidents gives, after
/// any batches, corrections that move incidents to other days or delete them, and when a file
/// made before the copies is opened.
/// </summary>
public sealed class StoreSummariesTests : IDisposable
{
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly StatsQuery[] Asked =
    [
        new(), new() { From = "2024-03-02" }, new() { To = "2024-03-03" }, new() { From = "2024-03-02", To = "2024-03-03" },
        new() { From = "2024-03-04", To = "2024-03-04" }, new() { From = "2030-01-01" },
    ];

    private static readonly EventQuery[] Listed =
    [
        new(), new() { From = "2024-03-02", To = "2024-03-03" }, new() { Types = [EventType.Strike] }, new() { Limit = 7 },
        new() { Undated = true }, new() { Oblast = "Kharkiv Oblast", From = "2024-03-02" },
    ];

    // The incident corpus with weapon counts on some reports and some undated ones, so every part of stats has rows.
    private static List<ExtractedDocument> Corpus() =>
        IncidentCorpus.Generate(days: 5, incidentsPerOblastPerDay: 3).Documents.Select((d, di) => new ExtractedDocument(d.Document, d.Events.Select((e, ei) => (di + ei) switch
        {
            var n when n % 5 == 0 && e.Type == EventType.Strike => e with { Weapons = [new Weapon(WeaponClass.Drone, "Shahed-136", 10 + n % 7, 8 + n % 3)] },
            var n when n % 7 == 0 => e with { Weapons = [new Weapon(WeaponClass.Missile, n % 2 == 0 ? "Kh-101" : null, null, n % 4)], ClaimedBy = n % 3 == 0 ? "UA" : null },
            var n when n % 11 == 0 => e with { Date = null, DatePrecision = null },
            _ => e,
        }).ToList())).ToList();

    [Fact]
    public void The_copies_give_what_the_incidents_give_through_batches_and_corrections()
    {
        var corpus = Corpus();
        using var store = EventStore.Open(Path.Combine(_folder.Folder, "kept.db"));
        foreach (var batch in corpus.OrderBy(d => d.Document.Id.GetHashCode() & 0xff).ThenBy(d => d.Document.Id, StringComparer.Ordinal).Chunk(17))
            store.Ingest(batch);
        AssertSame(store);

        // Corrections: some documents come again a day later (their incidents move or split),
        // some with their first event dropped, some with no events at all (an incident may go).
        var corrected = corpus.Where((_, i) => i % 4 == 0).Select((d, i) => new ExtractedDocument(
            d.Document with { ContentHash = d.Document.ContentHash + "-v2" },
            (i % 3) switch
            {
                0 => d.Events.Select(e => e with { Date = e.Date is null ? null : DateOnly.Parse(e.Date).AddDays(1).ToString("yyyy-MM-dd") }).ToList(),
                1 => d.Events.Skip(1).ToList(),
                _ => [],
            })).ToList();
        foreach (var batch in corrected.Chunk(9))
            store.Ingest(batch);
        AssertSame(store);
    }

    [Theory]
    [InlineData("", "9999-12-31", true)]
    [InlineData("2024-03-02", "9999-12-31", true)]
    [InlineData("", "2024-03-03", true)]
    [InlineData("2023-01-01", "2024-12-31", true)]
    [InlineData("2024-01-01", "2024-12-31", false)]
    [InlineData("2024-03-01", "2024-03-31", false)]
    [InlineData("2024-03-04", "2024-03-04", false)]
    [InlineData("2024-03-04", "2024-03-01", false)]
    public void By_type_and_oblast_over_years_walk_the_key_index_and_a_short_span_the_days(string from, string to, bool wide)
    {
        Assert.Equal(wide, StatsSql.Wide((from, to)));
        using var store = EventStore.Open(Path.Combine(_folder.Folder, "plans.db"));
        store.Ingest(Corpus());
        foreach (var kind in new[] { "type", "oblast" })
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + StatsSql.SummaryGroups(kind, (from, to), keyIndex: true);
            command.Parameters.AddWithValue("@from", from);
            command.Parameters.AddWithValue("@to", to);
            var plan = new List<string>();
            using (var rows = command.ExecuteReader())
                while (rows.Read())
                    plan.Add(rows.GetString(3));
            var scan = Assert.Single(plan, step => step.Contains("stats_days", StringComparison.Ordinal));
            Assert.Contains(wide ? "COVERING INDEX stats_days_by_key" : "PRIMARY KEY", scan, StringComparison.Ordinal);
            Assert.Equal(wide, !plan.Any(step => step.Contains("GROUP BY", StringComparison.Ordinal)));
            // A file without the index groups by the days whatever the span.
            command.CommandText = "EXPLAIN QUERY PLAN " + StatsSql.SummaryGroups(kind, (from, to), keyIndex: false);
            using var old = command.ExecuteReader();
            while (old.Read())
                Assert.DoesNotContain(StatsSql.KeyIndex, old.GetString(3), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_made_before_the_copies_gets_them_built_when_opened()
    {
        var path = Path.Combine(_folder.Folder, "old.db");
        using (var store = EventStore.Open(path))
            foreach (var batch in Corpus().Chunk(25))
                store.Ingest(batch);
        Drop(path);
        using (var reader = EventStore.OpenReadOnly(path))
            AssertSame(reader);
        Drop(path);
        using var upgraded = EventStore.Open(path);
        AssertSame(upgraded);
        // And kept from then on.
        upgraded.Ingest([.. Corpus().Take(6).Select(d => new ExtractedDocument(d.Document with { ContentHash = "changed" }, d.Events.Skip(1).ToList()))]);
        AssertSame(upgraded);
    }

    private static void Drop(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE incident_listing; DROP TABLE stats_days; DROP TABLE stats_day_weapons;";
        command.ExecuteNonQuery();
    }

    private static void AssertSame(EventStore store)
    {
        var plain = new StoreReader(store.Connection, ReadDialect.Sqlite, () => (store.Connection, false), placeTree: true, summaries: false);
        var weapons = 0;
        foreach (var query in Asked)
        {
            var expected = plain.Statistics(query);
            var actual = store.Statistics(query);
            Assert.Equal(expected.Totals, actual.Totals);
            Assert.Equal(expected.Daily, actual.Daily);
            Assert.Equal(expected.Weapons, actual.Weapons);
            Assert.Equal(expected.ByType, actual.ByType);
            Assert.Equal(expected.ByOblast, actual.ByOblast);
            weapons += expected.Weapons.Count;
        }
        Assert.True(weapons > 20, $"the queries tallied only {weapons} weapon rows; the comparison shows little");
        var claims = 0;
        foreach (var query in Listed)
        {
            var expected = plain.QueryIncidents(query).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, store.QueryIncidents(query).ToList());
            claims += expected.Count(i => i.Claims is not null && i.Urls is not null && i.Titles is not null);
        }
        Assert.True(claims > 10, "too few incidents with sources and claims to show the copies are theirs");
    }
}
