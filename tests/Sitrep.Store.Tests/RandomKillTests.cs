using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store.Tests;

/// <summary>
/// One ingest interrupted by kill -9 at twenty moments drawn at random (seeded, so a failure
/// replays), each followed by a soundness check; after a last uninterrupted run the database must
/// equal the one an uninterrupted ingest wrote: the same documents, events and incidents.
/// </summary>
public sealed class RandomKillTests : IDisposable
{
    private const int Documents = 1500;
    private const int EventsPerDocument = 3;
    private const int Kills = 20;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Twenty_kills_at_random_moments_end_as_one_uninterrupted_ingest()
    {
        var events = Path.Combine(_db.Folder, "events.jsonl");
        var expected = SyntheticCorpus.WriteJsonl(events, Documents, EventsPerDocument);
        var oracle = Path.Combine(_db.Folder, "oracle.db");
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", oracle);
        Assert.True(exit == 0, stderr);

        // Each kill lands when the store has reached a random share of the documents, so the
        // moments spread over the whole ingest instead of bunching in start-up; the first one
        // lands at a random instant of start-up and schema creation, before any document.
        var random = new Random(20261201);
        var thresholds = Enumerable.Range(0, Kills - 1).Select(_ => random.Next(1, Documents)).Order().ToList();
        var killedAt = new List<long>();
        killedAt.Add(KillAfter(TimeSpan.FromMilliseconds(random.Next(0, 400)), atLeast: null, random));
        foreach (var threshold in thresholds)
            killedAt.Add(KillAfter(TimeSpan.FromSeconds(120), threshold, random));

        Assert.True(killedAt.Count(n => n > 0 && n < Documents) >= Kills / 2,
            $"too few kills landed inside the ingest to prove anything: {string.Join(", ", killedAt)}");

        (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(StoreSnapshot.Contents(oracle), StoreSnapshot.Contents(_db.Path));
        Assert.Equal(StoreSnapshot.Incidents(oracle), StoreSnapshot.Incidents(_db.Path));
        using var store = _db.Open();
        Assert.Equal(Documents, store.Count("documents"));
        Assert.Equal(0, store.Orphans());
        foreach (var (doc, ids) in expected)
            Assert.Equal(ids.Count, store.Connection.ExecuteScalar<long>("SELECT count(*) FROM events WHERE doc = @doc", new { doc }));
    }

    /// <summary>
    /// Starts an ingest over what is stored so far, kills it after <paramref name="wait"/> or once
    /// <paramref name="atLeast"/> documents are in (plus a random few milliseconds, so the kill
    /// does not always fall just after a commit), checks that only whole documents are stored,
    /// and returns how many are.
    /// </summary>
    private long KillAfter(TimeSpan wait, int? atLeast, Random random)
    {
        var events = Path.Combine(_db.Folder, "events.jsonl");
        using var ingest = Process.Start(SitrepProcess.StartInfo("ingest", "--events", events, "--db", _db.Path, "--batch", "7"))!;
        ingest.OutputDataReceived += (_, _) => { };
        ingest.ErrorDataReceived += (_, _) => { };
        ingest.BeginOutputReadLine();
        ingest.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < wait && !ingest.HasExited && (atLeast is not { } n || StoredDocuments() < n))
            Thread.Sleep(2);
        Thread.Sleep(random.Next(0, 15));
        if (!ingest.HasExited)
            ingest.Kill(entireProcessTree: true);
        ingest.WaitForExit();

        if (!File.Exists(_db.Path))
            return 0;
        using var store = _db.Open();
        Assert.Equal(0, store.Orphans());
        Assert.True(store.Check().Sound, store.Check().ToString());
        return store.Count("documents");
    }

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
