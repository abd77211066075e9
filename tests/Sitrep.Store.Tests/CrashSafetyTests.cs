using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store.Tests;

/// <summary>
/// Runs the real CLI in its own process, kills it hard in the middle of an ingest, and checks
/// that the database holds whole documents only and that running again completes it exactly once.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Documents = 2000;
    private const int EventsPerDocument = 3;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void An_ingest_killed_midway_leaves_whole_documents_and_a_rerun_stores_each_exactly_once()
    {
        var events = Path.Combine(_db.Folder, "events.jsonl");
        var expected = SyntheticCorpus.WriteJsonl(events, Documents, EventsPerDocument);

        // Small transactions: many commits, so the kill lands between and inside them.
        using (var ingest = StartIngest(events, batch: 10))
        {
            var storedBeforeKill = WaitForDocuments(ingest, atLeast: 100);
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();
            Assert.True(storedBeforeKill < Documents, "the ingest finished before it could be killed; the test proves nothing");
        }

        var afterKill = StoredEvents();
        Assert.InRange(afterKill.Count, 1, Documents - 1);
        foreach (var (doc, ids) in afterKill)
            Assert.Equal(expected[doc], ids);
        AssertNoOrphans();

        using (var rerun = StartIngest(events, batch: 500))
        {
            rerun.WaitForExit();
            Assert.True(rerun.ExitCode == 0, $"rerun exited {rerun.ExitCode}: {rerun.StandardError.ReadToEnd()}");
        }

        var final = StoredEvents();
        Assert.Equal(expected.Count, final.Count);
        foreach (var (doc, ids) in expected)
            Assert.Equal(ids, final[doc]);
        using var store = _db.Open();
        Assert.Equal(Documents, store.Count("documents"));
        Assert.Equal(Documents * EventsPerDocument, store.Count("events"));
        Assert.Equal(0, store.Orphans());
    }

    private Process StartIngest(string events, int batch)
    {
        var process = Process.Start(SitrepProcess.StartInfo("ingest", "--events", events, "--db", _db.Path, "--batch", batch.ToString()))!;
        // Drain stdout; stderr is read on failure, and a full pipe must not stall the ingest.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Polls the database read-only, as any second process could, until enough documents are in.</summary>
    private long WaitForDocuments(Process ingest, int atLeast)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (ingest.HasExited)
                throw new Xunit.Sdk.XunitException($"ingest exited {ingest.ExitCode} before it was killed: {ingest.StandardError.ReadToEnd()}");
            if (File.Exists(_db.Path))
            {
                try
                {
                    using var connection = new SqliteConnection($"Data Source={_db.Path};Mode=ReadOnly;Pooling=False");
                    connection.Open();
                    var count = connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
                    if (count >= atLeast)
                        return count;
                }
                catch (SqliteException)
                {
                    // The schema is not there yet, or the file is being created.
                }
            }
            Thread.Sleep(10);
        }
        throw new Xunit.Sdk.XunitException("no documents were stored within 60 s");
    }

    private Dictionary<string, HashSet<string>> StoredEvents()
    {
        using var store = _db.Open();
        var stored = store.Connection.Query<string>("SELECT id FROM documents").ToDictionary(d => d, _ => new HashSet<string>());
        foreach (var (doc, id) in store.Connection.Query<(string, string)>("SELECT doc, id FROM events"))
            stored[doc].Add(id);
        return stored;
    }

    private void AssertNoOrphans()
    {
        using var store = _db.Open();
        Assert.Equal(0, store.Orphans());
    }
}
