using System.Security.Cryptography;
using Dapper;
using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// A database another Sitrep made, as a user meets it: the previous schema upgraded in place, any
/// other refused whole, with the file and the way out named.
/// </summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Ingesting_into_a_database_of_a_schema_it_cannot_upgrade_is_refused_naming_the_file_and_the_way_out_and_leaves_it_unchanged()
    {
        using (var store = _db.Open())
            store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, killed: 2)]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'");
        }
        var before = SHA256.HashData(File.ReadAllBytes(_db.Path));
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Strike("b", "e1", Odesa))]);

        var (exit, stdout, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(_db.Path, stderr);
        Assert.Contains("schema 3, this one reads 2", stderr);
        Assert.Contains("ingest the reports into a new database", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(_db.Path)));
    }

    /// <summary>A database built by schema 1's DDL, holding three reports the old rule merged into one incident.</summary>
    private void BuildSchema1()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false");
        connection.Open();
        connection.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-1.sql")));
    }

    [Fact]
    public void Ingesting_into_a_database_of_the_previous_schema_upgrades_it_in_place_keeping_every_report_once()
    {
        BuildSchema1();
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Strike("k", "e1", Kharkiv, killed: 2))]);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path);

        Assert.True(exit == 0, stderr);
        using var store = _db.Open();
        var c = store.Connection;
        Assert.Equal("2", c.ExecuteScalar<string>("SELECT value FROM store_meta WHERE key = 'schema_version'"));
        Assert.Equal(["b", "c", "e", "k"], c.Query<string>("SELECT id FROM documents ORDER BY id"));
        Assert.Equal(["b", "c", "e", "k"], c.Query<string>("SELECT doc FROM events ORDER BY doc"));
        Assert.Equal("2025-01-01T10:00:00Z", c.ExecuteScalar<string>("SELECT ingested_at FROM documents WHERE id = 'b'"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM events WHERE record_sum IS NULL OR record_sum = ''"));
        // The full-text index is rebuilt with its text, and the reports are clustered again by today's rule.
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FROM evidence WHERE evidence MATCH 'residential'"));
        Assert.Equal(4, c.ExecuteScalar<long>("SELECT count(DISTINCT incident) FROM incident_members"));
        Assert.Equal(4, c.ExecuteScalar<long>("SELECT count(*) FROM incident_summary"));
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT count(*) FROM event_cluster WHERE doc IN ('b', 'c', 'e')"));
    }

    [Fact]
    public void Querying_a_database_of_the_previous_schema_upgrades_it_first_and_reads_every_report()
    {
        BuildSchema1();

        var (exit, stdout, stderr) = SitrepProcess.Run("query", "--format", "jsonl", "--db", _db.Path);

        Assert.True(exit == 0, stderr);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var store = _db.Open();
        Assert.Equal("2", store.Connection.ExecuteScalar<string>("SELECT value FROM store_meta WHERE key = 'schema_version'"));
    }
}
