using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Events;

namespace Sitrep.Store.Tests;

/// <summary>
/// Sitrep's writer packs each weapons day it touched once per batch, with the packs' triggers
/// standing aside for its row in store_meta; every other writer of stats_day_weapons still has the
/// triggers pack for it. Either way a day's pack must be what the triggers make of its rows.
/// </summary>
public sealed class WriterPacksTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static List<ExtractedDocument> Corpus(int seed) =>
        IncidentCorpus.Generate(days: 5, incidentsPerOblastPerDay: 2, seed: seed).Documents.Select((d, di) => new ExtractedDocument(d.Document,
            d.Events.Select((e, ei) => (di + ei + seed) % 3 == 0
                ? e with { Weapons = [new Weapon(WeaponClass.Drone, "Shahed-136", 10 + di % 5, 8), new Weapon(WeaponClass.Missile, null, null, ei % 4)] }
                : e).ToList())).ToList();

    /// <summary>Each day's pack as the delete trigger of Schema.sql makes it from the day's rows, by day.</summary>
    private static List<(string Day, string Rows)> PackedByTrigger(SqliteConnection connection) =>
        connection.Query<string>("SELECT DISTINCT day FROM stats_day_weapons ORDER BY day").Select(day => (day, connection.ExecuteScalar<string>("""
            SELECT json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
            FROM (SELECT * FROM stats_day_weapons WHERE day = $day ORDER BY launched_by, claimant, weapon, rowid)
            """, new { day })!)).ToList();

    private static List<(string Day, string Rows)> Packs(SqliteConnection connection) =>
        connection.Query<(string, string)>("SELECT day, rows FROM stats_day_weapon_packs ORDER BY day").ToList();

    [Fact]
    public void Batches_replacements_and_removed_weapons_leave_each_day_packed_as_its_rows_are()
    {
        using var store = _db.Open();
        var first = Corpus(seed: 3);
        foreach (var chunk in first.Chunk(7))
            store.Ingest(chunk);
        Assert.True(Packs(store.Connection).Count >= 4);
        Assert.Equal(PackedByTrigger(store.Connection), Packs(store.Connection));

        // The same documents changed: some lose their weapons, so days lose rows or empty whole.
        var changed = first.Select((item, i) => i % 2 == 0
            ? item with
            {
                Document = item.Document with { ContentHash = Reports.Hash(item.Document.Id + "changed") },
                Events = item.Events.Select(e => e with { Weapons = [] }).ToList(),
            }
            : item).ToList();
        store.Ingest(changed);

        Assert.Equal(PackedByTrigger(store.Connection), Packs(store.Connection));
        Assert.Equal(0L, store.Connection.ExecuteScalar<long>("SELECT count(*) FROM stats_day_weapon_packs p WHERE NOT EXISTS (SELECT 1 FROM stats_day_weapons w WHERE w.day = p.day)"));
        // The writer's row lives only inside its transaction.
        Assert.Equal(["schema_version"], store.Connection.Query<string>("SELECT key FROM store_meta"));
    }

    [Fact]
    public void Another_writer_of_the_rows_after_an_ingest_still_has_the_triggers_pack_for_it()
    {
        using var store = _db.Open();
        store.Ingest(Corpus(seed: 5));
        var day = store.Connection.ExecuteScalar<string>("SELECT min(day) FROM stats_day_weapons")!;

        store.Connection.Execute("""
            INSERT INTO stats_day_weapons (day, launched_by, claimant, weapon, incidents, launched, intercepted)
            VALUES ($day, 'RU', 'UA', 'Kh-101', 4, 9, 7), ('2031-01-01', NULL, 'UA', 'Kh-101', 1, NULL, NULL);
            DELETE FROM stats_day_weapons WHERE rowid = (SELECT max(rowid) FROM stats_day_weapons WHERE day <> '2031-01-01');
            """, new { day });

        Assert.Equal(PackedByTrigger(store.Connection), Packs(store.Connection));
        Assert.Contains(Packs(store.Connection), p => p.Day == "2031-01-01");
    }

    [Fact]
    public void A_file_whose_triggers_pack_every_row_gets_the_waiting_triggers_when_a_writer_opens_it_and_keeps_its_packs()
    {
        using (var store = _db.Open())
            store.Ingest(Corpus(seed: 7));
        using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            // The triggers as a6786a9 made them: no WHEN clause.
            var triggers = connection.Query<(string Name, string Sql)>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stats_day_weapons'").ToList();
            Assert.Equal(3, triggers.Count);
            foreach (var (name, sql) in triggers)
            {
                var unguarded = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+WHEN NOT EXISTS \(SELECT 1 FROM store_meta WHERE key = 'stats_packs_by_writer'\)", "");
                Assert.NotEqual(sql, unguarded);
                connection.Execute($"DROP TRIGGER {name}; {unguarded};");
            }
        }
        byte[] packsBefore;
        using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND instr(sql, 'stats_packs_by_writer') > 0"));
            packsBefore = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Packs(connection)));
        }

        using var reopened = _db.Open();

        Assert.Equal(3L, reopened.Connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stats_day_weapons' AND instr(sql, 'stats_packs_by_writer') > 0"));
        Assert.Equal(packsBefore, System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Packs(reopened.Connection))));
        reopened.Ingest(Corpus(seed: 8));
        Assert.Equal(PackedByTrigger(reopened.Connection), Packs(reopened.Connection));
    }
}
