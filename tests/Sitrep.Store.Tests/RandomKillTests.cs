using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sitrep.Store.Tests;

/// <summary>
/// One ingest interrupted by kill -9 at twenty moments drawn at random (seeded, so a failure
/// replays), each followed by a soundness check; after a last uninterrupted run the store must
/// equal the one an uninterrupted ingest wrote: the same documents, events and incidents.
/// The same trial runs against every store a user can give to <c>--db</c>.
/// </summary>
internal sealed class RandomKills(string folder, int documents)
{
    private const int EventsPerDocument = 3;
    private const int Kills = 20;

    /// <param name="target">What <c>--db</c> is given for the interrupted ingests.</param>
    /// <param name="oracle">Another, empty store of the same kind for the uninterrupted ingest.</param>
    /// <param name="storedDocuments">Documents stored so far, read while an ingest runs (0 before the schema exists).</param>
    public void Run(string target, string oracle, Func<long> storedDocuments)
    {
        var events = Path.Combine(folder, "events.jsonl");
        var expected = SyntheticCorpus.WriteJsonl(events, documents, EventsPerDocument);
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", oracle);
        Assert.True(exit == 0, stderr);

        // Each kill lands when the store has reached a random share of the documents, so the
        // moments spread over the whole ingest instead of bunching in start-up; the first one
        // lands at a random instant of start-up and schema creation, before any document.
        var random = new Random(20261201);
        var thresholds = Enumerable.Range(0, Kills - 1).Select(_ => random.Next(1, documents)).Order().ToList();
        var killedAt = new List<long> { KillAfter(events, target, TimeSpan.FromMilliseconds(random.Next(0, 400)), null, storedDocuments, random) };
        foreach (var threshold in thresholds)
            killedAt.Add(KillAfter(events, target, TimeSpan.FromSeconds(120), threshold, storedDocuments, random));

        Assert.True(killedAt.Count(n => n > 0 && n < documents) >= Kills / 2,
            $"too few kills landed inside the ingest to prove anything: {string.Join(", ", killedAt)}");

        (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", target);
        Assert.True(exit == 0, stderr);
        using var want = EventStores.OpenForWriting(oracle);
        using var got = EventStores.OpenForWriting(target);
        StoreContents.AssertSame(StoreContents.Stored(want), StoreContents.Stored(got));
        StoreContents.AssertSame(StoreContents.Incidents(want), StoreContents.Incidents(got));
        Assert.Equal(documents, StoreContents.Count(got, "documents"));
        Assert.Equal(0, StoreContents.Orphans(got));
        var perDocument = StoreContents.Connection(got).Query<(string Doc, long Events)>("SELECT doc, count(*) FROM events GROUP BY doc")
            .ToDictionary(r => r.Doc, r => r.Events);
        foreach (var (doc, ids) in expected)
            Assert.Equal(ids.Count, perDocument.GetValueOrDefault(doc));
    }

    /// <summary>
    /// Starts an ingest over what is stored so far, kills it after <paramref name="wait"/> or once
    /// <paramref name="atLeast"/> documents are in (plus a random few milliseconds, so the kill
    /// does not always fall just after a commit), checks that only whole documents are stored,
    /// and returns how many are.
    /// </summary>
    private static long KillAfter(string events, string target, TimeSpan wait, int? atLeast, Func<long> storedDocuments, Random random)
    {
        using var ingest = Process.Start(SitrepProcess.StartInfo("ingest", "--events", events, "--db", target, "--batch", "7"))!;
        ingest.OutputDataReceived += (_, _) => { };
        ingest.ErrorDataReceived += (_, _) => { };
        ingest.BeginOutputReadLine();
        ingest.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < wait && !ingest.HasExited && (atLeast is not { } n || storedDocuments() < n))
            Thread.Sleep(2);
        Thread.Sleep(random.Next(0, 15));
        if (!ingest.HasExited)
            ingest.Kill(entireProcessTree: true);
        ingest.WaitForExit();

        var stored = storedDocuments();
        if (stored == 0)
            return 0;
        using var store = EventStores.OpenForWriting(target);
        Assert.Equal(0, StoreContents.Orphans(store));
        if (store is EventStore sqlite)
            Assert.True(sqlite.Check().Sound, sqlite.Check().ToString());
        return stored;
    }
}

public sealed class RandomKillTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Twenty_kills_at_random_moments_end_as_one_uninterrupted_ingest() =>
        new RandomKills(_db.Folder, documents: 1500).Run(_db.Path, Path.Combine(_db.Folder, "oracle.db"), StoredDocuments);

    private long StoredDocuments()
    {
        if (!File.Exists(_db.Path))
            return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={_db.Path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            return connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
        }
        catch (SqliteException)
        {
            return 0; // the schema is being created
        }
    }
}

[Collection("postgres")]
public sealed class PgRandomKillTests(PgServer server) : IDisposable
{
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    // Fewer documents than on SQLite: a PostgreSQL write costs round trips, and the twenty
    // kills still spread over the whole ingest.
    [PgFact]
    public void Twenty_kills_at_random_moments_end_as_one_uninterrupted_ingest()
    {
        var target = server.CreateDatabase();
        new RandomKills(_folder.Folder, documents: 400).Run(target, server.CreateDatabase(), () => StoredDocuments(target));
    }

    private static long StoredDocuments(string uri)
    {
        try
        {
            using var connection = new NpgsqlConnection(Sitrep.Store.Postgres.PgUri.ToConnectionString(uri) + ";Pooling=false");
            connection.Open();
            return connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
        }
        catch (PostgresException)
        {
            return 0; // the schema is being created
        }
    }
}
