using Microsoft.Data.Sqlite;
using SQLitePCL;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// SQLite's writer prepares its many-row place statement only for a batch that has a whole
/// statement's rows (64): a batch of a few documents writes its places one row at a time and
/// never compiles it. Counted by SQLite's authorizer, which it asks once for every INSERT it
/// compiles into event_places (a trigger's own inserts name the trigger, and are not counted).
/// </summary>
public sealed class PlaceStatementTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private sealed class PlaceInserts
    {
        public int Compiled;
    }

    private static PlaceInserts Count(SqliteConnection connection)
    {
        var count = new PlaceInserts();
        raw.sqlite3_set_authorizer(connection.Handle, (_, action, table, _, _, trigger) =>
        {
            if (action == raw.SQLITE_INSERT && table.utf8_to_string() == "event_places" && trigger.utf8_to_string() is null)
                count.Compiled++;
            return raw.SQLITE_OK;
        }, null);
        return count;
    }

    private static ExtractedDocument Document(string id, int places) =>
        new(Doc(id), [.. Enumerable.Range(0, places).Select(i => Strike(id, $"{id}-{i}", i % 2 == 0 ? Kharkiv : Odesa, killed: i))]);

    [Fact]
    public void A_batch_of_fewer_place_rows_than_a_statement_holds_compiles_only_the_single_row_insert()
    {
        using var store = _db.Open();
        var compiled = Count(store.Connection);

        store.Ingest([Document("a", 3), Document("b", 60)]);

        Assert.Equal(1, compiled.Compiled);
        Assert.Equal(63L, Scalar(store.Connection, "SELECT count(*) FROM event_places"));
        Assert.Equal(63L, Scalar(store.Connection, "SELECT count(*) FROM event_places_tree"));
    }

    [Fact]
    public void A_batch_of_a_whole_statement_of_place_rows_and_more_compiles_both_inserts_once()
    {
        using var store = _db.Open();
        var compiled = Count(store.Connection);

        store.Ingest([Document("a", 64), Document("b", 66), Document("c", 1)]);

        Assert.Equal(2, compiled.Compiled);
        Assert.Equal(131L, Scalar(store.Connection, "SELECT count(*) FROM event_places"));
        Assert.Equal(131L, Scalar(store.Connection, "SELECT count(*) FROM event_places_tree"));
        Assert.Equal(0L, Scalar(store.Connection,
            "SELECT count(*) FROM event_places p LEFT JOIN event_places_tree t ON t.id = p.event * 65536 + p.ord WHERE t.id IS NULL"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
