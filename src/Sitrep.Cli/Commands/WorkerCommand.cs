using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Postgres;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep worker --db postgres://...</c>: takes reports from the database's work queue
/// (filled by <c>sitrep ingest --queue</c>), extracts them as ingest does and stores them. Any
/// number run at once, on any number of machines.
/// </summary>
/// <remarks>
/// Why several workers end with the database one <c>sitrep ingest</c> of the same reports writes:
/// <list type="bullet">
/// <item>Each document is stored exactly once: the store write and the removal of its queue row
/// are one transaction, and only rows still carrying this worker's claim token are written
/// (<see cref="PgQueue"/>). A kill before the commit leaves the rows to another worker once the
/// lease runs out; a kill after it leaves nothing to redo.</item>
/// <item>Incidents: every store write runs under one advisory lock (<see cref="PgEventStore.Ingest"/>),
/// so writes are serial and each sees all earlier commits; the clustering it reruns for the
/// affected days depends only on the set of reports stored, not on their order or batching,
/// which the store tests check with other orders and four writers at once. Workers store their
/// batches in some serial order, which is therefore worth the same as one writer's.</item>
/// <item>Events: a batch is extracted as one ingest run is (<see cref="IngestSources.Extracted(IReadOnlyList{Sitrep.Documents.Document}, ReportPipeline, Func{DateOnly, DateOnly, IEnumerable{Sitrep.Events.EventRecord}}?)"/>),
/// its run prior being the batch and the events already stored. Where a report's own text
/// settles its places (nearly all) the events are those of any run; for a report whose
/// same-named villages only the week's other reports can tell apart, the answer can lean on
/// which reports were stored first, exactly as it does across two ingest runs.</item>
/// </list>
/// </remarks>
internal sealed class WorkerCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--exit-when-empty", "--once")
        {
            Description = "Exit once nothing is waiting or being worked on (batch jobs, tests); without it the worker polls for new reports until stopped",
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Documents claimed, extracted and stored at a time, 1 to 1,000",
            DefaultValueFactory = _ => 20,
        };
        var lease = new Option<double>("--lease")
        {
            Description = "Seconds a claim holds without renewal (renewed every third of it while working); a killed worker's documents wait this long for another",
            DefaultValueFactory = _ => 60,
        };
        var poll = new Option<double>("--poll")
        {
            Description = "Seconds between looks at an empty queue",
            DefaultValueFactory = _ => 2,
        };
        var db = CommonOptions.Database();
        var gazetteer = CommonOptions.Gazetteer();
        var command = new Command("worker", "Extract and store the reports queued in a PostgreSQL database by 'sitrep ingest --queue'; Ctrl+C stops it after the current batch");
        foreach (var option in new Option[] { once, batch, lease, poll, db, gazetteer })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            var size = result.GetValue(batch);
            var leaseSeconds = result.GetValue(lease);
            var pollSeconds = result.GetValue(poll);
            if (size is < 1 or > 1000 || !double.IsFinite(leaseSeconds) || leaseSeconds is < 1 or > 86_400 || !double.IsFinite(pollSeconds) || pollSeconds is < 0.1 or > 3_600)
            {
                Console.Error.WriteLine("sitrep worker: --batch takes 1 to 1000 documents, --lease 1 to 86400 seconds, --poll 0.1 to 3600 seconds");
                return ExitCodes.Usage;
            }
            var dbValue = result.GetValue(db)!;
            if (!EventStores.IsPostgres(dbValue))
            {
                Console.Error.WriteLine($"sitrep worker: --db must be a PostgreSQL database (postgres://user@host/database), not {dbValue}; the queue lives there");
                return ExitCodes.Usage;
            }
            return Run(dbValue, result.GetValue(gazetteer), size, TimeSpan.FromSeconds(leaseSeconds), TimeSpan.FromSeconds(pollSeconds), result.GetValue(once));
        });
        return command;
    }

    private static int Run(string db, string? gazetteerPath, int batchSize, TimeSpan lease, TimeSpan poll, bool exitWhenEmpty)
    {
        var places = CommonOptions.LoadGazetteer(gazetteerPath);
        if (places is null)
            return ExitCodes.Usage;
        var queue = StoreAccess.TryOpen("worker", () => PgQueue.Open(db));
        if (queue is null)
            return ExitCodes.Usage;

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // finish and commit the batch in hand; a second signal is no faster, the lease covers a kill
            if (!stop.IsCancellationRequested)
                Console.Error.WriteLine("sitrep worker: stopping after the current batch");
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var worker = $"{Environment.MachineName}:{Environment.ProcessId}";
        var pipeline = ReportPipeline.Create(places);
        var progress = new IngestProgress("worker");
        var costs = new WorkerCosts();
        long lost = 0;
        using (queue)
        using (new Timer(_ => queue.Renew(lease), null, lease / 3, lease / 3))
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var clock = Stopwatch.StartNew();
                    var claimed = queue.Claim(worker, batchSize, lease);
                    costs.Claims += clock.Elapsed;
                    if (claimed.Count == 0)
                    {
                        var counts = queue.Counts();
                        if (exitWhenEmpty && counts.Pending == 0)
                            break;
                        // Others hold the rest: wait, since a dead one's lease runs out and its documents come back.
                        stop.Token.WaitHandle.WaitOne(poll);
                        continue;
                    }
                    foreach (var c in claimed.Where(c => c.Previous is not null))
                        Console.Error.WriteLine($"sitrep worker: {c.Document.Path}: taken over from {c.Previous}, whose lease ran out");
                    lost += Work(queue, claimed, pipeline, progress, costs);
                    progress.Tick();
                }
            }
            catch (StoreException e)
            {
                progress.Done();
                Console.Error.WriteLine($"sitrep worker: {e.Message}; documents stored so far are kept, the claimed ones go back to the queue when their lease runs out");
                return ExitCodes.Usage;
            }
        }
        progress.Done();
        costs.Report();
        if (lost > 0)
            Console.Error.WriteLine($"sitrep worker: {lost:N0} claimed documents were taken over by other workers after this one's lease ran out; they stored them");
        return progress.Failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    /// <summary>Extracts one claimed batch and stores it with its queue rows; the claims lost to other workers.</summary>
    private static int Work(PgQueue queue, IReadOnlyList<ClaimedDocument> claimed, ReportPipeline pipeline, IngestProgress progress, WorkerCosts costs)
    {
        var clock = Stopwatch.StartNew();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var ready = new List<ExtractedDocument>();
        // A report that killed worker after worker is set aside, not handed to the next one.
        foreach (var c in claimed.Where(c => c.Attempts > PgQueue.MaxAttempts))
            failed[c.Document.Id] = $"claimed {c.Attempts - 1} times by workers that never finished it; set aside";
        var documents = claimed.Where(c => c.Attempts <= PgQueue.MaxAttempts).Select(c => c.Document).ToList();
        var items = IngestSources.Extracted(documents, pipeline, queue.Store.EventsBetween).ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            switch (items[i])
            {
                case IngestItem.Ready r when EventStore.Problem(r.Item) is { } problem:
                    failed[documents[i].Id] = problem;
                    break;
                case IngestItem.Ready r:
                    ready.Add(r.Item);
                    break;
                case IngestItem.Failed f:
                    failed[documents[i].Id] = f.Problem;
                    break;
            }
        }
        costs.Extraction += clock.Elapsed;
        costs.Batches++;
        costs.Documents += claimed.Count;
        var finish = queue.Finish(ready, failed);
        costs.LockWait += finish.LockWait;
        costs.LockHeld += finish.LockHeld;
        for (var i = 0; i < ready.Count; i++)
            if (finish.Outcomes[i] is { } outcome)
                progress.Stored(outcome, ready[i].Events.Count);
        foreach (var c in claimed.Where(c => failed.ContainsKey(c.Document.Id)))
        {
            Console.Error.WriteLine($"sitrep worker: {c.Document.Path}: {failed[c.Document.Id]}");
            progress.Failed();
        }
        return finish.Lost;
    }
}

/// <summary>
/// Where a worker's time went, said once at the end: what a model of many workers needs (the
/// share of a document's time spent under the writers' lock, which no two workers overlap).
/// </summary>
internal sealed class WorkerCosts
{
    public TimeSpan Claims, Extraction, LockWait, LockHeld;
    public long Batches, Documents;

    public void Report()
    {
        if (Documents == 0)
            return;
        double PerDocument(TimeSpan t) => t.TotalMilliseconds / Documents;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"worker: {Documents:N0} documents in {Batches:N0} claims; per document: claim {PerDocument(Claims):0.0} ms, " +
            $"extraction {PerDocument(Extraction):0.0} ms (wall, all cores), waiting for the writers' lock {PerDocument(LockWait):0.0} ms, " +
            $"holding it {PerDocument(LockHeld):0.0} ms"));
    }
}
