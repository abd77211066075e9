using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Store.Tests;

/// <summary>
/// The base of the tests every store must pass: each test is a theory over the store kinds, so
/// SQLite and PostgreSQL (a throwaway server; left out when SITREP_SKIP_PG=1) run the same test
/// on the same reports and must give the same answers.
/// </summary>
[Collection("postgres")]
public abstract class StoreSuite(PgServer server) : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly List<IDisposable> _opened = [];
    private int _files;

    public static TheoryData<string> Kinds { get; } = Environment.GetEnvironmentVariable("SITREP_SKIP_PG") == "1" ? ["sqlite"] : ["sqlite", "postgres"];

    /// <summary>The throwaway PostgreSQL server, for a test that makes a database of its own.</summary>
    protected PgServer Server => server;

    /// <summary>This test's folder, deleted at its end.</summary>
    protected string Folder => _folder.Folder;

    /// <summary>A new, empty store of the kind, closed at the end of the test.</summary>
    protected IEventStore Open(string kind)
    {
        IEventStore store = kind switch
        {
            "sqlite" => EventStore.Open(Path.Combine(_folder.Folder, $"store{++_files}.db")),
            "postgres" => EventStores.OpenForWriting(server.CreateDatabase()),
            _ => throw new ArgumentException(kind),
        };
        _opened.Add(store);
        return store;
    }

    /// <summary>A new store of the kind holding the documents, each ingested in a call of its own.</summary>
    protected IEventReader Holding(string kind, params (Document Document, EventRecord[] Events)[] documents)
    {
        var store = Open(kind);
        foreach (var (document, events) in documents)
            store.Ingest([new ExtractedDocument(document, events)]);
        return Read(store);
    }

    /// <summary>The reading side of a store this suite opened; both kinds are both.</summary>
    protected static IEventReader Read(IEventStore store) => (IEventReader)store;

    public void Dispose()
    {
        foreach (var store in _opened)
            store.Dispose();
        // Each test's database has a pool of its own; idle connections would pile up past the server's limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
        _folder.Dispose();
    }
}
