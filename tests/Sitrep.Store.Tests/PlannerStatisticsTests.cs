using Dapper;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// A store a writer leaves behind carries SQLite's planner statistics, so readers (which cannot
/// write them) plan with measured row counts, not the planner's guess of ten rows per key.
/// </summary>
public sealed class PlannerStatisticsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private long Measured(string table)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false");
        connection.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").ToList();
        return tables.Count == 0 ? 0 : connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_stat1 WHERE tbl = @table", new { table });
    }

    [Fact]
    public void A_writer_that_ingested_leaves_statistics_for_the_tables_readers_filter_on()
    {
        using (var store = _db.Open())
            store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, killed: 2), Strike("a", "e2", Odesa)]);

        Assert.True(Measured("events") > 0);
        Assert.True(Measured("event_places") > 0);
    }

    [Fact]
    public void A_reader_leaves_a_store_without_statistics_as_it_found_it()
    {
        using (var store = _db.Open())
            store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv)]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("DELETE FROM sqlite_stat1");
        }

        using (var reader = EventStore.OpenReadOnly(_db.Path))
            Assert.Single(reader.Query(new EventQuery()));

        Assert.Equal(0, Measured("events"));
    }
}
