using Dapper;
using Microsoft.Data.Sqlite;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// Every statement the store prepares is finalized by the code that prepared it, never by the
/// garbage collector: a statement left to its finalizer is finalized on the finalizer's thread,
/// which in SQLite's multi-thread mode (no connection mutex, as records ingest runs it) races the
/// writer on the same connection and can crash the process.
/// </summary>
public sealed class StatementLeakTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// The SQL of the statements the connection still holds prepared, but for those SQLite's own
    /// virtual tables (full text, R*Tree) keep for the connection's life and finalize with it,
    /// which name their tables with the schema quoted.
    /// </summary>
    private static List<string> Unfinalized(SqliteConnection connection) =>
        Prepared(connection).Where(sql => !sql.Contains("'main'.", StringComparison.Ordinal)).ToList();

    /// <summary>The SQL of every statement the connection holds prepared, SQLite's own included.</summary>
    private static List<string> Prepared(SqliteConnection connection)
    {
        var held = new List<string>();
        var db = connection.Handle!.DangerousGetHandle();
        // SQLitePCL's own sqlite3_next_stmt refuses unless enabled at open, which the store does not do.
        for (var statement = NextStatement(db, IntPtr.Zero); statement != IntPtr.Zero; statement = NextStatement(db, statement))
            held.Add(System.Runtime.InteropServices.Marshal.PtrToStringUTF8(StatementSql(statement)) ?? "");
        return held;
    }

    [System.Runtime.InteropServices.DllImport("e_sqlite3", EntryPoint = "sqlite3_next_stmt")]
    private static extern IntPtr NextStatement(IntPtr db, IntPtr statement);

    [System.Runtime.InteropServices.DllImport("e_sqlite3", EntryPoint = "sqlite3_sql")]
    private static extern IntPtr StatementSql(IntPtr statement);

    private void BuildSchema1()
    {
        using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=false");
        connection.Open();
        connection.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-1.sql")));
    }

    [Fact]
    public void Upgrading_a_database_of_the_previous_schema_leaves_no_statement_to_the_finalizer()
    {
        BuildSchema1();

        using var store = _db.Open();

        Assert.Equal("", string.Join("\n--\n", Unfinalized(store.Connection)));
    }

    [Fact]
    public void Opening_a_new_database_and_ingesting_into_it_leaves_no_statement_to_the_finalizer()
    {
        using var store = _db.Open();
        Assert.Equal("", string.Join("\n--\n", Unfinalized(store.Connection)));

        store.Ingest(Doc("a"), [Strike("a", "a-1", Kharkiv, killed: 2)]);
        store.Ingest(Doc("b"), [Strike("b", "b-1", Kharkiv, killed: 2)]);
        store.Ingest(Doc("a", text: "changed"), [Strike("a", "a-1", Odesa, killed: 3)]);

        Assert.Equal("", string.Join("\n--\n", Unfinalized(store.Connection)));
    }

    [Fact]
    public void Opening_a_file_made_before_the_summaries_and_the_place_tree_leaves_no_statement_to_the_finalizer()
    {
        using (var store = _db.Open())
            store.Ingest(Doc("a"), [Strike("a", "a-1", Kharkiv, killed: 2)]);
        using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("DROP TABLE stats_day_weapon_packs; DROP TABLE event_places_tree;");
        }

        using var reopened = _db.Open();

        Assert.Equal("", string.Join("\n--\n", Unfinalized(reopened.Connection)));
    }

    [Fact]
    public void A_collection_between_the_batches_of_an_ingest_into_an_upgraded_database_finalizes_none_of_its_statements()
    {
        BuildSchema1();
        using var store = _db.Open();
        var batches = new[]
        {
            (Doc("a"), Strike("a", "a-1", Kharkiv, killed: 2)),
            (Doc("b"), Strike("b", "b-1", Odesa, killed: 1)),
            (Doc("a", text: "changed"), Strike("a", "a-1", Kharkiv, killed: 3)),
        };

        foreach (var (document, strike) in batches)
        {
            var before = Prepared(store.Connection);
            // What the finalizer's thread would do at any moment of a run: whatever it finalizes
            // here was a statement of this connection it could have finalized under the writer.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(before, Prepared(store.Connection));
            store.Ingest(document, [strike]);
        }
        Assert.Equal(4, store.Connection.ExecuteScalar<long>("SELECT count(*) FROM documents"));
    }

    [Fact]
    public void SQLite_keeps_its_locking_once_a_connection_was_opened()
    {
        // Process-wide and only before the first connection: the test process has one open here,
        // so the call must refuse rather than change the mode under the connections of other tests.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        Assert.False(EventStore.OneThreadPerConnection());
    }
}
