using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Sitrep.Store.Postgres;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>The PostgreSQL work queue through its API: what is queued once, and who holds a claim.</summary>
[Collection("postgres")]
public sealed class PgQueueTests(PgServer server)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private static ExtractedDocument Extracted(Sitrep.Documents.Document d) =>
        new(d, [Strike(d.Id, $"{d.Id}-1", Kharkiv, killed: 2)]);

    [PgFact]
    public void A_document_is_queued_once_until_its_content_changes_and_not_at_all_when_stored()
    {
        using var queue = PgQueue.Open(server.CreateDatabase());
        var docs = new[] { Doc("a"), Doc("b"), Doc("c") };
        queue.Store.Ingest([Extracted(Doc("stored"))]);

        Assert.Equal([true, true, true], queue.Enqueue(docs));
        Assert.Equal([false, false, false], queue.Enqueue(docs));
        Assert.Equal([false], queue.Enqueue([Doc("stored")]));
        // A new version of a waiting report replaces it, and of a stored one is queued.
        Assert.Equal([true, true], queue.Enqueue([Doc("b", text: "Report b, corrected."), Doc("stored", text: "Stored report, corrected.")]));
        Assert.Equal(new QueueCounts(4, 0, 0), queue.Counts());

        var claimed = queue.Claim("w", 10, Long);
        Assert.Equal(["a", "c", "b", "stored"], claimed.Select(c => c.Document.Id));
        Assert.Equal("Report b, corrected.", claimed[2].Document.Text);
        Assert.Equal(docs[0], claimed[0].Document);
        // Queued again while claimed: nothing changes, the claim stands.
        Assert.Equal([false], queue.Enqueue([docs[0]]));
        Assert.Equal(new QueueCounts(0, 4, 0), queue.Counts());

        var finish = queue.Finish(claimed.Take(3).Select(c => Extracted(c.Document)).ToList(),
            new Dictionary<string, string> { ["stored"] = "extraction failed: test" });
        Assert.Equal([IngestOutcome.Added, IngestOutcome.Added, IngestOutcome.Added], finish.Outcomes);
        Assert.Equal(new QueueCounts(0, 0, 1), queue.Counts());
        // Stored now, so not queued; the failed one is queued afresh when given again.
        Assert.Equal([false, true], queue.Enqueue([docs[0], Doc("stored", text: "Stored report, corrected.")]));
        Assert.Equal(4, StoreContents.Count(queue.Store, "documents"));
    }

    [PgFact]
    public void A_claim_whose_lease_ran_out_is_taken_by_another_worker_and_the_first_stores_nothing()
    {
        var uri = server.CreateDatabase();
        using var holder = PgQueue.Open(uri);
        using var first = PgQueue.Open(uri);
        using var second = PgQueue.Open(uri);
        first.Enqueue([Doc("a"), Doc("b"), Doc("c")]);

        // A live lease is not taken; a lease that has run out (here at once) is.
        Assert.Equal(["a"], holder.Claim("holder", 1, Long).Select(c => c.Document.Id));
        var expired = first.Claim("first", 2, TimeSpan.Zero);
        Assert.Equal(["b", "c"], expired.Select(c => c.Document.Id));
        Assert.Equal(new QueueCounts(0, 3, 0), first.Counts());

        var taken = second.Claim("second", 10, Long);
        Assert.Equal(["b", "c"], taken.Select(c => c.Document.Id));
        Assert.All(taken, c => Assert.Equal(("first", 2), (c.Previous, c.Attempts)));

        var late = first.Finish(expired.Select(c => Extracted(c.Document)).ToList(), new Dictionary<string, string>());
        Assert.Equal((2, 0), (late.Lost, late.Outcomes.Count(o => o is not null)));
        Assert.Equal(0, StoreContents.Count(first.Store, "documents"));

        var done = second.Finish(taken.Select(c => Extracted(c.Document)).ToList(), new Dictionary<string, string>());
        Assert.Equal([IngestOutcome.Added, IngestOutcome.Added], done.Outcomes);
        Assert.Equal([IngestOutcome.Added], holder.Finish([Extracted(Doc("a"))], new Dictionary<string, string>()).Outcomes);
        Assert.Equal(3, StoreContents.Count(second.Store, "documents"));
        Assert.Equal(0, second.Counts().Pending);
        Assert.Equal(0, StoreContents.Orphans(second.Store));
    }

    [PgFact]
    public void A_new_version_queued_while_the_old_is_being_extracted_voids_the_old_claim()
    {
        using var queue = PgQueue.Open(server.CreateDatabase());
        queue.Enqueue([Doc("a")]);
        var old = queue.Claim("w", 1, Long);
        Assert.Equal([true], queue.Enqueue([Doc("a", text: "Report a, corrected.")]));

        var finish = queue.Finish([Extracted(old[0].Document)], new Dictionary<string, string>());
        Assert.Equal(1, finish.Lost);
        Assert.Equal(0, StoreContents.Count(queue.Store, "documents"));
        var fresh = queue.Claim("w", 1, Long);
        Assert.Equal("Report a, corrected.", Assert.Single(fresh).Document.Text);
    }
}

/// <summary>
/// Three worker processes of the real CLI on one queue, one killed with SIGKILL mid-way: every
/// report is stored once, and the database equals one uninterrupted single-process ingest of
/// the same reports.
/// </summary>
[Collection("postgres")]
public sealed partial class PgWorkerTests(PgServer server) : IDisposable
{
    private const int Documents = 300;
    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [PgExtractionFact]
    public void Three_workers_one_killed_midway_store_every_report_once_as_one_ingest_does()
    {
        var reports = ExtractionCrashSafetyTests.WriteReports(Directory.CreateDirectory(Path.Combine(_folder.Folder, "reports")).FullName, Documents);
        var oracle = server.CreateDatabase();
        var (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", oracle, "--gazetteer", PlaceIndex.Path!);
        Assert.True(exit == 0, stderr);

        var uri = server.CreateDatabase();
        (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", uri, "--queue");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"{Documents} queued, 0 already queued or stored", stderr);
        (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", uri, "--queue");
        Assert.Contains($"0 queued, {Documents} already queued or stored", stderr);

        var workers = Enumerable.Range(0, 3).Select(_ => new Worker(uri)).ToList();
        using var watch = PgQueue.Open(uri);
        try
        {
            var victim = workers[0];
            // Killed while it holds a claim: a progress line is printed after a commit, and a kill
            // in the moment before the next claim would leave no lease to run out.
            var clock = Stopwatch.StartNew();
            while ((victim.Stored < 10 || HeldBy(watch, victim) == 0) && !victim.Process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
                Thread.Sleep(20);
            Assert.False(victim.Process.HasExited, $"the worker to kill exited first: {victim.Stderr}");
            Assert.True(victim.Stored >= 10, $"the worker to kill stored too little in 90 s: {victim.Stderr}");
            victim.Process.Kill();
            victim.Process.WaitForExit();
            // Read before the lease (3 s) can run out: what the victim died holding.
            var diedHolding = HeldBy(watch, victim);

            foreach (var survivor in workers.Skip(1))
            {
                Assert.True(survivor.Process.WaitForExit(TimeSpan.FromSeconds(90)), $"a worker did not finish: {survivor.Stderr}");
                survivor.Process.WaitForExit();
                Assert.True(survivor.Process.ExitCode == 0, survivor.Stderr);
            }
            Assert.True(victim.Stored < Documents, "the killed worker had stored everything; the test proves nothing");
            // The victim died holding a claim, which a survivor took over when its lease ran out.
            // (It holds none only if it committed in the instant between the look and the kill.)
            if (diedHolding > 0)
                Assert.Contains(workers.Skip(1), w => w.Stderr.Contains("whose lease ran out"));
        }
        finally
        {
            foreach (var w in workers.Where(w => !w.Process.HasExited))
                w.Process.Kill();
        }

        using var want = EventStores.OpenForWriting(oracle);
        using var queue = PgQueue.Open(uri);
        Assert.Equal(new QueueCounts(0, 0, 0), queue.Counts());
        Assert.Equal(Documents, StoreContents.Count(queue.Store, "documents"));
        Assert.True(StoreContents.Count(queue.Store, "events") >= Documents, "the reports gave too few events to test anything");
        StoreContents.AssertSame(StoreContents.Stored(want), StoreContents.Stored(queue.Store));
        StoreContents.AssertSame(StoreContents.Incidents(want), StoreContents.Incidents(queue.Store));
        Assert.Equal(0, StoreContents.Orphans(queue.Store));
        Assert.Equal(Documents, StoreContents.Connection(queue.Store).ExecuteScalar<long>("SELECT count(DISTINCT id) FROM documents"));
    }

    /// <summary>Queued documents claimed by <paramref name="worker"/>'s process (the queue names a worker by host and process).</summary>
    private static long HeldBy(PgQueue queue, Worker worker) =>
        StoreContents.Connection(queue.Store).ExecuteScalar<long>(
            "SELECT count(*) FROM ingest_queue WHERE claimed_by = @who AND claim IS NOT NULL",
            new { who = $"{Environment.MachineName}:{worker.Process.Id}" });

    /// <summary>A <c>sitrep worker</c> process; <see cref="Stored"/> is what its progress lines last said.</summary>
    private sealed partial class Worker
    {
        private readonly System.Text.StringBuilder _stderr = new();

        public Worker(string uri)
        {
            // A short lease, so the killed worker's claim comes back within the test.
            Process = Process.Start(SitrepProcess.StartInfo("worker", "--db", uri, "--exit-when-empty", "--batch", "5", "--lease", "3",
                "--poll", "0.5", "--gazetteer", PlaceIndex.Path!))!;
            Process.OutputDataReceived += (_, _) => { };
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not { } line)
                    return;
                lock (_stderr)
                    _stderr.AppendLine(line);
                if (ProgressLine().Match(line) is { Success: true } m)
                    Stored = long.Parse(m.Groups[1].Value.Replace(",", ""));
            };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public long Stored { get; private set; }

        public string Stderr
        {
            get
            {
                lock (_stderr)
                    return _stderr.ToString();
            }
        }

        [GeneratedRegex(@"^worker: ([\d,]+) documents")]
        private static partial Regex ProgressLine();
    }
}

/// <summary>A test that extracts reports into PostgreSQL: skipped when SITREP_SKIP_PG=1 or, saying how to build one, without a place index.</summary>
public sealed class PgExtractionFactAttribute : FactAttribute
{
    public PgExtractionFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SITREP_SKIP_PG") == "1")
            Skip = "SITREP_SKIP_PG=1";
        else if (PlaceIndex.Path is null)
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
    }
}
