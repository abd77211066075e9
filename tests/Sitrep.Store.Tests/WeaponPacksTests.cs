using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Store.Query;

namespace Sitrep.Store.Tests;

/// <summary>
/// Stats reads the weapons tally from one packed value a day (stats_day_weapon_packs), which
/// triggers keep from the rows of stats_day_weapons. Whoever writes those rows, the packs must
/// give the rows exactly, in the order stats lists them.
/// </summary>
public sealed class WeaponPacksTests : IDisposable
{
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<ExtractedDocument> Corpus() =>
        IncidentCorpus.Generate(days: 4, incidentsPerOblastPerDay: 2).Documents.Select((d, di) => new ExtractedDocument(d.Document, d.Events.Select((e, ei) => (di + ei) % 3 == 0
            ? e with { Weapons = [new Weapon(WeaponClass.Drone, "Shahed-136", 10 + di % 5, 8), new Weapon(WeaponClass.Missile, null, null, ei % 4)] }
            : e).ToList())).ToList();

    [Fact]
    public void Packs_give_the_rows_whoever_writes_them()
    {
        var path = Path.Combine(_folder.Folder, "packs.db");
        using var store = EventStore.Open(path);
        store.Ingest(Corpus());
        AssertPacked(store, atLeast: 5);

        // An older build, or an analyst, writes the rows directly: values a pack must escape,
        // nulls, a long name, and a day of its own that is then emptied again.
        Run(store, """
            INSERT INTO stats_day_weapons (day, launched_by, claimant, weapon, incidents, launched, intercepted) VALUES
                ('2024-03-02', NULL, 'UA', 'say "drone" \ back', 1, NULL, NULL),
                ('2024-03-02', 'RU', 'Україна', '🚀 Kh-101', 2, 9007199254740993, 0),
                ('2024-03-02', 'RU', 'UA', 'Shahed-136', 1, 5, NULL),
                ('2024-03-02', 'RU', 'UA', 'Shahed-136', 1, 6, NULL),
                ('2024-03-03', 'RU', 'UA', printf('%.300c', 'w'), 3, 1, 1),
                ('2031-01-01', 'RU', 'UA', 'tab	and
            newline', 1, 2, 3);
            """);
        AssertPacked(store, atLeast: 11);
        Run(store, "UPDATE stats_day_weapons SET day = '2024-03-04', launched = 7 WHERE weapon LIKE '🚀%'");
        AssertPacked(store, atLeast: 11);
        Run(store, "DELETE FROM stats_day_weapons WHERE day = '2031-01-01' OR rowid % 3 = 0");
        AssertPacked(store, atLeast: 5);
        Assert.Equal(0L, Scalar(store, "SELECT count(*) FROM stats_day_weapon_packs WHERE day = '2031-01-01'"));
    }

    [Fact]
    public void A_file_with_the_copies_but_not_the_packs_gets_them_when_opened()
    {
        var path = Path.Combine(_folder.Folder, "old.db");
        using (var store = EventStore.Open(path))
            store.Ingest(Corpus());
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER stats_day_weapons_packed_insert; DROP TRIGGER stats_day_weapons_packed_delete;
                DROP TRIGGER stats_day_weapons_packed_update; DELETE FROM stats_day_weapon_packs WHERE day > '2024-03-02';
                INSERT INTO stats_day_weapon_packs (day, rows) VALUES ('2030-01-01', '[["RU","UA","stale",1,1,1]]');
                """;
            command.ExecuteNonQuery();
        }
        using var upgraded = EventStore.Open(path);
        AssertPacked(upgraded, atLeast: 5);
    }

    [Fact]
    public void A_pack_that_is_not_a_tally_is_reported_as_damaged()
    {
        using var store = EventStore.Open(Path.Combine(_folder.Folder, "damaged.db"));
        store.Ingest(Corpus());
        Run(store, "DROP TRIGGER stats_day_weapons_packed_insert; INSERT INTO stats_day_weapon_packs (day, rows) VALUES ('2030-01-01', '[[\"RU\",\"UA\",\"x\",1,1]]')");
        Assert.Throws<InvalidDataException>(() => store.Statistics());
    }

    [Fact]
    public void A_name_escaped_in_one_pack_and_not_in_another_is_one_name()
    {
        var names = new WeaponPacks.Names();
        var list = new List<WeaponFigures>();
        WeaponPacks.Read("2024-03-01", """[["RU","UA","Shahed-136",1,5,null],[null,"UA","Kh-101",2,null,1]]"""u8, list, names);
        WeaponPacks.Read("2024-03-02", """[["\u0052U","U\u0041","Shahed\u002d136",3,7,6],["RU","Україна","say \"x\" \\ 🚀",4,1,1]]"""u8, list, names);
        Assert.Equal(
        [
            new WeaponFigures("2024-03-01", "RU", "UA", "Shahed-136", 1, 5, null), new WeaponFigures("2024-03-01", null, "UA", "Kh-101", 2, null, 1),
            new WeaponFigures("2024-03-02", "RU", "UA", "Shahed-136", 3, 7, 6), new WeaponFigures("2024-03-02", "RU", "Україна", "say \"x\" \\ 🚀", 4, 1, 1),
        ], list);
        // Names read from the bytes are shared; an escaped one is read as its text.
        Assert.Same(list[0].Claimant, list[1].Claimant);
        Assert.Same(list[0].LaunchedBy, list[3].LaunchedBy);
    }

    // The tally as the rows give it, in stats' order (ties in the order the rows were written).
    private static void AssertPacked(EventStore store, int atLeast)
    {
        var rows = new List<WeaponFigures>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT day, launched_by, claimant, weapon, incidents, launched, intercepted FROM stats_day_weapons ORDER BY day, launched_by, claimant, weapon, rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(new WeaponFigures(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }
        Assert.True(rows.Count >= atLeast, $"only {rows.Count} weapon rows");
        Assert.Equal(rows, store.Statistics().Weapons);
        Assert.Equal(rows.Where(r => string.CompareOrdinal(r.Date, "2024-03-02") >= 0 && string.CompareOrdinal(r.Date, "2024-03-03") <= 0),
            store.Statistics("2024-03-02", "2024-03-03").Weapons);
    }

    private static void Run(EventStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(EventStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
