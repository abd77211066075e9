using System.CommandLine;
using System.Diagnostics;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep ingest PATH...</c>: reports (or pre-extracted records) into the event database.</summary>
internal sealed class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Report files (.txt, .html, .htm) or folders of them",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var events = new Option<string?>("--events")
        {
            Description = "Store these pre-extracted records (JSON Lines from 'sitrep extract') instead of extracting; " +
                          "with PATHs, each report is stored with the records naming it; alone, each document's records must be on consecutive lines",
        };
        var batch = new Option<int>("--batch")
        {
            Description = $"Documents per transaction, 1 to {MaxBatch:N0} (a crash loses at most the open one, which the next run redoes)",
            DefaultValueFactory = _ => DefaultBatch,
        };
        // Reads the token itself: a value that is not a number is the parser's to report.
        batch.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var n) && n is < 1 or > MaxBatch)
                r.AddError($"--batch {n} is out of range: give 1 to {MaxBatch:N0} documents per transaction");
        });
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for reports without a meta.json; anchors 'yesterday', 'on Tuesday'",
        };
        var queue = new Option<bool>("--queue")
        {
            Description = "Put the reports in the PostgreSQL database's work queue instead of extracting them; 'sitrep worker' processes take them from there",
        };
        var db = CommonOptions.Database();
        var gazetteer = CommonOptions.Gazetteer();

        var command = new Command("ingest", "Store reports and their events in the database; unchanged reports are skipped, changed ones replaced");
        CommonOptions.RejectOptionLikePaths(paths);
        command.Arguments.Add(paths);
        command.Options.Add(events);
        command.Options.Add(batch);
        command.Options.Add(published);
        command.Options.Add(queue);
        command.Options.Add(db);
        command.Options.Add(gazetteer);
        command.SetAction(result =>
        {
            DateOnly? publishedDate = null;
            if (result.GetValue(published) is { } text)
            {
                publishedDate = Sitrep.Documents.DocumentReader.ParsePublished(text);
                if (publishedDate is null)
                {
                    Console.Error.WriteLine($"sitrep ingest: --published '{text}' is not a date (YYYY-MM-DD)");
                    return ExitCodes.Usage;
                }
            }
            if (result.GetValue(queue))
                return QueueReports(result.GetValue(paths) ?? [], result.GetValue(events), result.GetValue(batch), result.GetValue(db)!, publishedDate);
            return Run(result.GetValue(paths) ?? [], result.GetValue(events), result.GetValue(batch), result.GetValue(db)!, result.GetValue(gazetteer), publishedDate);
        });
        return command;
    }

    private const int MaxBatch = 100_000;

    // Each transaction clusters again the days its reports touch and the day either side, and
    // summarizes again every incident whose reports changed: a thousand reports (about a week)
    // share that work, where a hundred did it some ten times over. A commit also comes once a
    // second (see Write), so a crash still loses at most about a second's work.
    private const int DefaultBatch = 1000;

    // What the reports read ahead of the writer may hold (IngestWeight). The writer is the slower
    // side, so the queue stays full: at 2,000 items (twice the batch) the real articles held about
    // 45 MB there, and reports ten times longer would hold ten times that. 24 MB is about 1,000
    // real articles, as many as a commit takes, so extraction still runs on through a commit.
    private const long ReadAheadBytes = 24L << 20;

    private static int Run(string[] paths, string? eventsFile, int batchSize, string dbPath, string? gazetteerPath, DateOnly? published)
    {
        if (paths.Length == 0 && eventsFile is null)
        {
            Console.Error.WriteLine("sitrep ingest: name reports to ingest, or --events FILE.jsonl");
            return ExitCodes.Usage;
        }
        if (eventsFile is not null && !File.Exists(eventsFile))
        {
            Console.Error.WriteLine($"sitrep ingest: --events {eventsFile}: no such file");
            return ExitCodes.Usage;
        }
        if (eventsFile is not null && published is not null)
        {
            Console.Error.WriteLine("sitrep ingest: --published dates reports for extraction; records given with --events are already extracted");
            return ExitCodes.Usage;
        }
        if (!EventStores.IsPostgres(dbPath) && Directory.Exists(dbPath))
        {
            Console.Error.WriteLine($"sitrep ingest: --db {dbPath} is a folder, not a database file");
            return ExitCodes.Usage;
        }

        // Records alone: the writer's thread is the only one to touch the store (extraction
        // reads stored events from its own threads, so it keeps SQLite's locking). The store
        // disposes every command it makes (StatementLeakTests): a statement left to the finalizer
        // thread crashed an upgrade of an older schema in this mode (BENCHMARKS.md, Stop 27 and 28).
        if (eventsFile is not null && !EventStores.IsPostgres(dbPath))
            EventStore.OneThreadPerConnection();
        var store = StoreAccess.TryOpen("ingest", () => EventStores.OpenForWriting(dbPath));
        if (store is null)
            return ExitCodes.Usage;
        using (store)
        {
            IEnumerable<IngestItem> items;
            if (eventsFile is not null)
            {
                items = paths.Length == 0 ? IngestSources.Records(eventsFile) : IngestSources.RecordsWithReports(eventsFile, paths);
            }
            else
            {
                var places = CommonOptions.LoadGazetteer(gazetteerPath);
                if (places is null)
                    return ExitCodes.Usage;
                items = IngestSources.Extracted(paths, ReportPipeline.Create(places), store.DocumentHashes(), published,
                    (from, to) => StoredBetween(dbPath, from, to));
            }
            return Write(store, items, batchSize);
        }
    }

    /// <summary>
    /// The stored events of a span of days, read on a connection of their own: the writer's is busy
    /// storing the reports of the first pass when the second pass asks. What this run has stored
    /// so far is of its own reports, which the run prior leaves out of the stored events anyway.
    /// </summary>
    private static IEnumerable<EventRecord> StoredBetween(string db, DateOnly from, DateOnly to)
    {
        using var reader = EventStores.OpenForReading(db);
        foreach (var e in reader.Query(EventQuery.Between(from, to)))
            yield return e;
    }

    /// <summary>
    /// <c>--queue</c>: reads the reports (text, sidecar, content hash) and queues them for the
    /// workers, a transaction per batch; extraction waits for <c>sitrep worker</c>.
    /// </summary>
    private static int QueueReports(string[] paths, string? eventsFile, int batchSize, string db, DateOnly? published)
    {
        if (!EventStores.IsPostgres(db))
        {
            Console.Error.WriteLine($"sitrep ingest: --queue needs a PostgreSQL database (--db postgres://user@host/database), not {db}");
            return ExitCodes.Usage;
        }
        if (eventsFile is not null || paths.Length == 0)
        {
            Console.Error.WriteLine("sitrep ingest: --queue takes report files or folders for the workers to extract, not --events");
            return ExitCodes.Usage;
        }
        var queue = StoreAccess.TryOpen("ingest", () => Sitrep.Store.Postgres.PgQueue.Open(db));
        if (queue is null)
            return ExitCodes.Usage;
        using (queue)
        {
            long queued = 0, known = 0, failures = 0;
            var clock = Stopwatch.StartNew();
            var batch = new List<Sitrep.Documents.Document>(batchSize);
            var ids = new IdsTaken();
            void Send()
            {
                foreach (var added in queue.Enqueue(batch))
                    _ = added ? queued++ : known++;
                batch.Clear();
                StatusWriter.Progress($"ingest --queue: {queued:N0} queued, {known:N0} already queued or stored, {failures:N0} failed");
            }
            try
            {
                foreach (var (document, failure) in IngestSources.Read(paths, published))
                {
                    if (document is null)
                    {
                        Console.Error.WriteLine($"sitrep ingest: {failure!.Path}: {failure.Problem}");
                        failures++;
                    }
                    else if (!ids.TryTake(document.Id, document.Path))
                    {
                        Console.Error.WriteLine($"sitrep ingest: {document.Path}: document id '{document.Id}' is already taken by {ids.FirstPath(document.Id)} in this run; skipped");
                        failures++;
                    }
                    else
                    {
                        batch.Add(document);
                        if (batch.Count >= batchSize)
                            Send();
                    }
                }
                Send();
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"sitrep ingest: {e.Message}; documents queued so far are kept, run again to finish");
                return ExitCodes.Usage;
            }
            var counts = queue.Counts();
            Console.Error.WriteLine($"ingest --queue: {queued:N0} queued, {known:N0} already queued or stored, {failures:N0} failed, {clock.Elapsed:hh\\:mm\\:ss}; " +
                                    $"the queue holds {counts.Pending:N0} waiting ({counts.Claimed:N0} being worked on), {counts.Failed:N0} set aside as failed");
            return failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        }
    }

    /// <summary>
    /// The items, read (and extracted) on a thread of their own, up to <paramref name="capacity"/>
    /// items and <paramref name="capacityBytes"/> of what they hold (<see cref="IngestWeight"/>)
    /// ahead of the writer, each document's stored form worked out there too: reading, parsing
    /// and extraction overlap the writer's transactions instead of waiting for them. Order is kept,
    /// and an exception of the reading side is raised here, on the writer's side, as it was.
    /// </summary>
    internal static IEnumerable<IngestItem> ReadAhead(IEnumerable<IngestItem> items, int capacity, long capacityBytes)
    {
        var queue = new IngestQueue<IngestItem>(Math.Max(1, capacity), capacityBytes);
        using var stop = new CancellationTokenSource();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var item in items)
                {
                    if (item is IngestItem.Ready ready && EventStore.Problem(ready.Item) is null)
                        EventStore.Prepare(ready.Item);
                    queue.Add(item, IngestWeight.Of(item), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "ingest reader" };
        reader.Start();
        try
        {
            foreach (var item in queue.Consuming())
                yield return item;
            reader.Join();
            failure?.Throw();
        }
        finally
        {
            // The writer stopped early (a store error): the reader must not wait on a full queue.
            stop.Cancel();
            reader.Join();
        }
    }

    private static int Write(IEventStore store, IEnumerable<IngestItem> items, int batchSize)
    {
        var progress = new IngestProgress();
        var batch = new List<ExtractedDocument>(batchSize);
        var sinceCommit = Stopwatch.StartNew();
        // A document's id is its file name: two files of one name in one run would replace each
        // other on every run, so the second is refused and named.
        var ids = new IdsTaken();

        void Commit()
        {
            if (batch.Count == 0)
                return;
            var outcomes = store.Ingest(batch);
            for (var i = 0; i < batch.Count; i++)
                progress.Stored(outcomes[i], batch[i].Events.Count);
            batch.Clear();
            sinceCommit.Restart();
        }

        try
        {
            foreach (var item in ReadAhead(items, 2 * batchSize, ReadAheadBytes))
            {
                switch (item)
                {
                    case IngestItem.Failed failed:
                        Console.Error.WriteLine($"sitrep ingest: {failed.Path}: {failed.Problem}");
                        progress.Failed();
                        break;
                    case IngestItem.Unchanged:
                        progress.Stored(IngestOutcome.Unchanged, 0);
                        break;
                    case IngestItem.Ready ready when !ids.TryTake(ready.Item.Document.Id, ready.Item.Document.Path):
                        Console.Error.WriteLine($"sitrep ingest: {ready.Item.Document.Path}: document id '{ready.Item.Document.Id}' is already taken by {ids.FirstPath(ready.Item.Document.Id)} in this run; skipped");
                        progress.Failed();
                        break;
                    case IngestItem.Ready ready when EventStore.Problem(ready.Item) is { } problem:
                        Console.Error.WriteLine($"sitrep ingest: {ready.Item.Document.Path}: {problem}");
                        progress.Failed();
                        break;
                    case IngestItem.Ready ready:
                        batch.Add(ready.Item);
                        break;
                }
                // Commit by size, and by time so a slow extraction still shows up in the database.
                if (batch.Count >= batchSize || sinceCommit.ElapsedMilliseconds > 1000)
                    Commit();
                progress.Tick();
            }
            Commit();
        }
        catch (StoreException e)
        {
            progress.Done();
            Console.Error.WriteLine($"sitrep ingest: {e.Message}; documents committed so far are kept, run again to finish");
            return ExitCodes.Usage;
        }
        catch (CorruptRecordException e)
        {
            progress.Done();
            Console.Error.WriteLine($"sitrep ingest: {store.Path}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (SpillException e)
        {
            progress.Done();
            Console.Error.WriteLine($"sitrep ingest: cannot keep the first pass's events aside: {e.Message}; documents committed so far are kept, run again to finish");
            return ExitCodes.Usage;
        }
        progress.Done();
        return progress.Failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}

/// <summary>Counts of a running ingest, shown on stderr about once a second and once at the end.</summary>
internal sealed class IngestProgress(string verb = "ingest")
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _added, _replaced, _unchanged, _events, _lastShown;

    public int Failures { get; private set; }

    public void Stored(IngestOutcome outcome, int events)
    {
        switch (outcome)
        {
            case IngestOutcome.Added: _added++; _events += events; break;
            case IngestOutcome.Replaced: _replaced++; _events += events; break;
            default: _unchanged++; break;
        }
    }

    public void Failed() => Failures++;

    public void Tick()
    {
        if (_clock.ElapsedMilliseconds - _lastShown < 1000)
            return;
        _lastShown = _clock.ElapsedMilliseconds;
        Show(final: false);
    }

    public void Done() => Show(final: true);

    private void Show(bool final)
    {
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var done = _added + _replaced + _unchanged;
        var line = $"{verb}: {done:N0} documents ({_added:N0} added, {_replaced:N0} replaced, {_unchanged:N0} unchanged, {Failures:N0} failed), " +
                   $"{_events:N0} events stored, {done / seconds:N0} docs/s, {_clock.Elapsed:hh\\:mm\\:ss}";
        if (final)
            Console.Error.WriteLine(line); // wipes the drawn progress on a terminal first
        else
            StatusWriter.Progress(line);
    }
}
