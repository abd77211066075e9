using System.Security.Cryptography;
using Dapper;
using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>A database an earlier Sitrep made, as a user meets it: refused whole, with the file and the way out named.</summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Ingesting_into_a_database_of_an_older_schema_is_refused_naming_the_file_and_the_way_out_and_leaves_it_unchanged()
    {
        using (var store = _db.Open())
            store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, killed: 2)]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'");
        }
        var before = SHA256.HashData(File.ReadAllBytes(_db.Path));
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Strike("b", "e1", Odesa))]);

        var (exit, stdout, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(_db.Path, stderr);
        Assert.Contains("schema 1, this one reads 2", stderr);
        Assert.Contains("ingest the reports into a new database", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(_db.Path)));
    }
}
