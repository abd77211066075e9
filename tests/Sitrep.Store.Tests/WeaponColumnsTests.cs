using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Events;
using Sitrep.Store.Postgres;
using Sitrep.Store.Query;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// event_weapons carries its event's type, actors and claimant so that stats never reads the
/// events' rows. The tally must be what it was when it joined the events, with every filter, and a
/// store made before those columns must get them filled when a writer opens it.
/// </summary>
public sealed class WeaponColumnsTests(PgServer server) : StoreSuite(server)
{
    private static readonly StatsQuery[] Asked =
    [
        new(),
        new() { From = "2024-05-11", To = "2024-05-12" },
        new() { Actor = "ua" },
        new() { ClaimedBy = "UA" },
        new() { ClaimedBy = "ru", From = "2024-05-10" },
        new() { ClaimedBy = "unattributed" },
        new() { Types = [EventType.AirDefense] },
        new() { Oblast = "Kharkiv Oblast" },
    ];

    [Fact]
    public void The_tally_from_the_weapon_rows_is_the_tally_joined_to_the_events()
    {
        using var store = EventStore.Open(Path.Combine(Folder, "weapons.db"));
        store.Ingest(Attacks());
        var joined = new StoreReader(store.Connection, ReadDialect.Sqlite, () => (store.Connection, false), weaponColumns: false);
        var rows = 0;
        foreach (var query in Asked)
        {
            var expected = joined.Statistics(query);
            var stats = store.Statistics(query);
            Assert.Equal(expected.Weapons, stats.Weapons);
            Assert.Equal(expected.Daily, stats.Daily);
            rows += expected.Weapons.Count;
        }
        Assert.True(rows > 20, $"the queries tallied only {rows} weapon rows; the comparison shows little");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_store_made_before_the_columns_gets_them_filled_from_its_events(string kind)
    {
        var fresh = Open(kind);
        fresh.Ingest(Attacks());

        string? path = kind == "sqlite" ? Path.Combine(Folder, "old.db") : null;
        string? uri = kind == "sqlite" ? null : Server.CreateDatabase();
        using (var old = path is not null ? EventStore.Open(path) : EventStores.OpenForWriting(uri!))
            old.Ingest(Attacks());
        DropColumns(path, uri);
        if (path is not null)
        {
            // A reader upgrades the file when it can write it.
            using var reader = EventStore.OpenReadOnly(path);
            AssertSameTally(Read(fresh), reader);
        }
        using var upgraded = path is not null ? EventStore.Open(path) : EventStores.OpenForWriting(uri!);
        AssertSameTally(Read(fresh), Read(upgraded));
        // New rows are written with the columns beside the filled ones.
        fresh.Ingest([new ExtractedDocument(Doc("late"), [Strike("late", "e1", Kyiv, date: "2024-05-12", claimedBy: "UA", weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 7, 5)])])]);
        upgraded.Ingest([new ExtractedDocument(Doc("late"), [Strike("late", "e1", Kyiv, date: "2024-05-12", claimedBy: "UA", weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 7, 5)])])]);
        AssertSameTally(Read(fresh), Read(upgraded));
    }

    private static void AssertSameTally(IEventReader expected, IEventReader actual)
    {
        foreach (var query in Asked)
            Assert.Equal(expected.Statistics(query).Weapons, actual.Statistics(query).Weapons);
    }

    private const string Drop = """
        ALTER TABLE event_weapons DROP COLUMN claimed_by;
        ALTER TABLE event_weapons DROP COLUMN target_actor;
        ALTER TABLE event_weapons DROP COLUMN actor;
        ALTER TABLE event_weapons DROP COLUMN type;
        """;

    private static void DropColumns(string? path, string? uri)
    {
        if (path is not null)
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Drop;
            command.ExecuteNonQuery();
        }
        else
        {
            using var connection = new NpgsqlConnection(PgUri.ToConnectionString(uri!));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Drop;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Strikes and interceptions over three days in two oblasts, told by several outlets with
    /// different claimants (none, UA, RU), some by one side's own count of the other's drones.
    /// </summary>
    private static List<ExtractedDocument> Attacks()
    {
        var list = new List<ExtractedDocument>();
        var claimants = new[] { null, "UA", "RU", "ua" };
        var places = new[] { Kyiv, City("Kharkiv", "Kharkiv Oblast", 49.99, 36.23), Odesa };
        for (var d = 0; d < 24; d++)
        {
            var doc = $"attack-{d:D2}";
            var date = $"2024-05-{10 + d % 3}";
            var claimant = claimants[d % claimants.Length];
            var place = places[d % places.Length];
            var strike = Strike(doc, "e1", place, date: date, claimedBy: claimant, actor: d % 5 == 0 ? null : "RU",
                weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 20 + d, d % 4 == 0 ? null : 15 + d), new Weapon(WeaponClass.Missile, d % 2 == 0 ? null : "Kh-101", 4, 3)]);
            var defence = Event(doc, "e2", EventType.AirDefense, place, date, actor: d % 2 == 0 ? "UA" : "RU") with
            {
                TargetActor = d % 2 == 0 ? "RU" : "UA",
                ClaimedBy = claimants[(d + 1) % claimants.Length],
                Weapons = [new Weapon(WeaponClass.Drone, null, null, 10 + d % 7)],
            };
            list.Add(new ExtractedDocument(Doc(doc, $"Outlet {d % 5}", published: date), [strike, defence]));
        }
        return list;
    }
}
