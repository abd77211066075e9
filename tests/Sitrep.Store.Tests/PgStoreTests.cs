using Npgsql;
using Sitrep.Store.Postgres;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>The PostgreSQL store against the SQLite one on the same reports, and what only PostgreSQL does.</summary>
[Collection("postgres")]
public sealed class PgStoreTests(PgServer server) : IDisposable
{
    private readonly TempDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private static List<ExtractedDocument> Corpus() =>
        IncidentCorpus.Generate(days: 4, incidentsPerOblastPerDay: 3).Documents.Select(d => new ExtractedDocument(d.Document, d.Events)).ToList();

    private static void IngestInBatches(IEventStore store, IEnumerable<ExtractedDocument> documents, int size)
    {
        foreach (var batch in documents.Chunk(size))
            store.Ingest(batch);
    }

    [PgFact]
    public void The_same_reports_give_the_same_documents_events_and_incidents_in_both_stores()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count > 50);
        using var sqlite = _sqlite.Open();
        using var pg = EventStores.OpenForWriting(server.CreateDatabase());
        IngestInBatches(sqlite, corpus, 25);
        // Another order and other batches: the grouping depends only on the set of reports.
        IngestInBatches(pg, corpus.OrderByDescending(d => d.Document.Id, StringComparer.Ordinal), 7);

        StoreContents.AssertSame(StoreContents.Stored(sqlite), StoreContents.Stored(pg));
        StoreContents.AssertSame(StoreContents.Incidents(sqlite), StoreContents.Incidents(pg));
        Assert.Equal(0, StoreContents.Orphans(pg));

        // Corrections: every fifth document comes again with its first event dropped.
        var corrected = corpus.Where((_, i) => i % 5 == 0)
            .Select(d => new ExtractedDocument(d.Document with { ContentHash = d.Document.ContentHash + "-v2" }, d.Events.Skip(1).ToList()))
            .ToList();
        Assert.All(sqlite.Ingest(corrected), o => Assert.Equal(IngestOutcome.Replaced, o));
        Assert.All(pg.Ingest(corrected), o => Assert.Equal(IngestOutcome.Replaced, o));

        StoreContents.AssertSame(StoreContents.Stored(sqlite), StoreContents.Stored(pg));
        StoreContents.AssertSame(StoreContents.Incidents(sqlite), StoreContents.Incidents(pg));
        Assert.Equal(0, StoreContents.Orphans(pg));
    }

    [PgFact]
    public void Writers_in_parallel_store_what_one_writer_stores()
    {
        var corpus = Corpus();
        using var sqlite = _sqlite.Open();
        IngestInBatches(sqlite, corpus, 50);

        var uri = server.CreateDatabase();
        using (EventStores.OpenForWriting(uri)) { }
        // Four writers on interleaved slices, each also given the next slice's first documents:
        // two writers storing one document at once must store it once.
        var slices = Enumerable.Range(0, 4).Select(w => corpus.Where((_, i) => i % 4 == w || i % 4 == (w + 1) % 4 && i % 3 == 0).ToList()).ToList();
        Parallel.ForEach(slices, new ParallelOptions { MaxDegreeOfParallelism = 4 }, slice =>
        {
            using var store = EventStores.OpenForWriting(uri);
            IngestInBatches(store, slice, 3);
        });

        using var pg = EventStores.OpenForWriting(uri);
        StoreContents.AssertSame(StoreContents.Stored(sqlite), StoreContents.Stored(pg));
        StoreContents.AssertSame(StoreContents.Incidents(sqlite), StoreContents.Incidents(pg));
        Assert.Equal(0, StoreContents.Orphans(pg));
    }

    [PgFact]
    public void Evidence_is_searchable_by_tsvector()
    {
        using var store = (PgEventStore)EventStores.OpenForWriting(server.CreateDatabase());
        store.Ingest([
            new ExtractedDocument(Doc("a"), [Strike("a", "a-1", Kharkiv, evidence: "Drones hit a substation near the river.")]),
            new ExtractedDocument(Doc("b"), [Strike("b", "b-1", Odesa, evidence: "Missiles struck the port.")]),
        ]);
        using var command = new NpgsqlCommand(
            "SELECT e.doc FROM evidence v JOIN events e ON e.key = v.event WHERE v.tsv @@ plainto_tsquery('simple', @q)", store.Connection);
        command.Parameters.AddWithValue("q", "Substation");
        Assert.Equal("a", command.ExecuteScalar());
    }

    [PgFact]
    public void Distance_in_the_database_is_the_stores_haversine()
    {
        using var store = (PgEventStore)EventStores.OpenForWriting(server.CreateDatabase());
        foreach (var (a, b) in new[] { (Kharkiv, Merefa), (Kharkiv, Kyiv), (Odesa, Odesa) })
        {
            using var command = new NpgsqlCommand("SELECT distance_km(@a, @b, @c, @d)", store.Connection);
            command.Parameters.AddWithValue("a", a.Lat!.Value);
            command.Parameters.AddWithValue("b", a.Lon!.Value);
            command.Parameters.AddWithValue("c", b.Lat!.Value);
            command.Parameters.AddWithValue("d", b.Lon!.Value);
            Assert.Equal(GeoMath.DistanceKm(a.Lat.Value, a.Lon.Value, b.Lat.Value, b.Lon.Value), (double)command.ExecuteScalar()!, 6);
        }
    }

    [PgFact]
    public void A_database_holding_other_tables_is_refused_by_name()
    {
        var uri = server.CreateDatabase();
        using (var connection = new NpgsqlConnection(PgUri.ToConnectionString(uri)))
        {
            connection.Open();
            using var create = new NpgsqlCommand("CREATE TABLE invoices (id int)", connection);
            create.ExecuteNonQuery();
        }
        var error = Assert.Throws<StoreException>(() => EventStores.OpenForWriting(uri));
        Assert.Contains("not a Sitrep database", error.Message);
        Assert.StartsWith(uri, error.Message);
    }

    [PgFact]
    public void A_server_that_is_not_there_is_a_clear_error()
    {
        var error = Assert.Throws<StoreException>(() => EventStores.OpenForWriting("postgres://nobody:secret@127.0.0.1:1/sitrep"));
        Assert.StartsWith("postgres://nobody:***@127.0.0.1:1/sitrep: ", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}

public sealed class PgUriTests
{
    [Fact]
    public void A_uri_becomes_npgsqls_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(PgUri.ToConnectionString("postgres://ana:p%40ss@db.example:6543/events?sslmode=require"));
        Assert.Equal(("db.example", 6543, "events", "ana", "p@ss", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void Defaults_and_a_socket_folder_given_as_host_option()
    {
        var plain = new NpgsqlConnectionStringBuilder(PgUri.ToConnectionString("postgresql://localhost"));
        Assert.Equal(("localhost", 5432, "sitrep"), (plain.Host, plain.Port, plain.Database));
        var socket = new NpgsqlConnectionStringBuilder(PgUri.ToConnectionString("postgres:///sitrep?host=/run/postgresql"));
        Assert.Equal("/run/postgresql", socket.Host);
    }

    [Fact]
    public void Bad_uris_are_named_without_their_password()
    {
        var option = Assert.Throws<StoreException>(() => PgUri.ToConnectionString("postgres://u:pw@h/db?colour=blue"));
        Assert.Contains("colour", option.Message);
        Assert.DoesNotContain("pw@", option.Message);
        Assert.Throws<StoreException>(() => PgUri.ToConnectionString("postgres:///db"));
        Assert.True(EventStores.IsPostgres("POSTGRES://h/db"));
        Assert.False(EventStores.IsPostgres("postgres.db"));
    }
}

/// <summary>The command line with <c>--db postgres://...</c>, run as users run it.</summary>
[Collection("postgres")]
public sealed class PgCliTests(PgServer server) : IDisposable
{
    private readonly TempDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [PgFact]
    public void Ingest_into_postgres_stores_what_sqlite_stores_and_a_bad_line_loses_nothing_else()
    {
        var records = Path.Combine(_sqlite.Folder, "records.jsonl");
        SyntheticCorpus.WriteJsonl(records, documents: 40, eventsPerDocument: 2);
        var lines = File.ReadAllLines(records).ToList();
        lines.Insert(31, "{ this is not a record");
        File.WriteAllLines(records, lines);
        var uri = server.CreateDatabase();

        var toSqlite = SitrepProcess.Run("ingest", "--events", records, "--db", _sqlite.Path, "--batch", "7");
        var toPg = SitrepProcess.Run("ingest", "--events", records, "--db", uri, "--batch", "7");

        Assert.Equal(1, toSqlite.Exit);
        Assert.Equal((1, ""), (toPg.Exit, toPg.Stdout));
        Assert.Contains($"{records}:32", toPg.Stderr);
        using var sqlite = _sqlite.Open();
        using var pg = EventStores.OpenForWriting(uri);
        Assert.Equal(40, StoreContents.Count(pg, "documents"));
        StoreContents.AssertSame(StoreContents.Stored(sqlite), StoreContents.Stored(pg));
        StoreContents.AssertSame(StoreContents.Incidents(sqlite), StoreContents.Incidents(pg));

        var again = SitrepProcess.Run("ingest", "--events", records, "--db", uri);
        Assert.Contains("0 added, 0 replaced, 40 unchanged, 1 failed", again.Stderr);
    }

    [PgFact]
    public void Reading_verbs_refuse_an_empty_database_without_creating_one_and_a_dead_server_is_named()
    {
        var uri = server.CreateDatabase();
        var query = SitrepProcess.Run("query", "--db", uri);
        Assert.Equal(2, query.Exit);
        Assert.Contains("no Sitrep database here", query.Stderr);
        using (var connection = new NpgsqlConnection(PgUri.ToConnectionString(uri)))
        {
            connection.Open();
            using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", connection);
            Assert.Equal(0L, tables.ExecuteScalar());
        }

        var records = Path.Combine(_sqlite.Folder, "records.jsonl");
        SyntheticCorpus.WriteJsonl(records, documents: 1, eventsPerDocument: 1);
        var dead = SitrepProcess.Run("ingest", "--events", records, "--db", "postgres://ana:secret@127.0.0.1:1/sitrep");
        Assert.Equal(2, dead.Exit);
        Assert.StartsWith("sitrep ingest: postgres://ana:***@127.0.0.1:1/sitrep: ", dead.Stderr);
        Assert.DoesNotContain("secret", dead.Stderr);
    }
}
