using System.Buffers;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract PATH...</c>: reports in, one JSON line per event out.</summary>
internal sealed class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Report files (.txt, .html, .htm) or folders of them; each may have a NAME.meta.json sidecar",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "jsonl (one event per line) or table (for people)",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for reports without a meta.json; anchors 'yesterday', 'on Tuesday'",
        };
        var background = new Option<bool>("--background")
        {
            Description = "Also list events the reports mention only as past context",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Also write, to stderr, what was recognized in each sentence (triggers, weapons, actors, places, numbers, dates)",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Reports read in parallel (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var budget = new Option<double>("--time-budget")
        {
            Description = "Seconds one report may take; a report over it is named on stderr and skipped, the batch goes on",
            DefaultValueFactory = _ => ReportBudget.DefaultSeconds,
        };
        var gazetteer = CommonOptions.Gazetteer();

        var command = new Command("extract", "Read news reports and write the events they report");
        CommonOptions.RejectOptionLikePaths(paths);
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(published);
        command.Options.Add(background);
        command.Options.Add(threads);
        command.Options.Add(explain);
        command.Options.Add(budget);
        command.Options.Add(gazetteer);
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(format) ?? "jsonl",
            result.GetValue(published),
            result.GetValue(background),
            result.GetValue(explain) ? 1 : result.GetValue(threads),
            result.GetValue(budget),
            result.GetValue(gazetteer),
            result.GetValue(explain)));
        return command;
    }

    /// <summary>The most reports PLINQ reads at once; far more than any machine has cores.</summary>
    private const int MaxThreads = 512;

    private static int Run(string[] paths, string format, string? publishedText, bool background, int threads, double budgetSeconds, string? gazetteerPath, bool explain)
    {
        if (threads is < 1 or > MaxThreads)
        {
            Console.Error.WriteLine($"sitrep extract: --threads {threads} is out of range; give 1 to {MaxThreads} (this machine has {Environment.ProcessorCount} cores)");
            return ExitCodes.Usage;
        }
        if (ReportBudget.FromSeconds(budgetSeconds) is not { } budget)
        {
            Console.Error.WriteLine($"sitrep extract: --time-budget {budgetSeconds} is not a number of seconds above 0");
            return ExitCodes.Usage;
        }
        try
        {
            return Extract(paths, format, publishedText, background, threads, budget, gazetteerPath, explain);
        }
        catch (SpillException e)
        {
            Console.Error.WriteLine($"sitrep extract: cannot keep the first pass's events aside: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            // Every input error is caught per report; what reaches here is stdout refusing the events.
            Console.Error.WriteLine($"sitrep extract: cannot write the events to standard output: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static int Extract(string[] paths, string format, string? publishedText, bool background, int threads, TimeSpan budget, string? gazetteerPath, bool explain)
    {
        DateOnly? published = null;
        if (publishedText is not null)
        {
            published = DocumentReader.ParsePublished(publishedText);
            if (published is null || !DocumentReader.IsPlausiblyPublished(published.Value))
            {
                Console.Error.WriteLine($"sitrep extract: --published '{publishedText}' is not a publication date (YYYY-MM-DD, years 1900 to 2100)");
                return ExitCodes.Usage;
            }
        }
        // The lexicons, patterns and JSON metadata load on another core while this one loads the
        // place index: a one-report run waits for the slower of the two, not for both in turn.
        var prepared = Task.Run(Prepare);
        var places = CommonOptions.LoadGazetteer(gazetteerPath);
        if (places is null)
            return ExitCodes.Usage;
        prepared.Wait();
        var pipeline = ReportPipeline.Create(places, new ExtractionOptions
        {
            IncludeBackground = background,
            Explain = explain ? Console.Error : null,
        });

        var failures = 0;
        var documents = 0;
        var events = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        var progress = new Progress(clock);
        var files = DocumentReader.Expand(paths, (path, problem) =>
        {
            Console.Error.WriteLine($"sitrep extract: {path}: {problem}");
            Interlocked.Increment(ref failures);
        });

        // JSON Lines go out as the UTF-8 bytes they were made in; the table is text.
        using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        using var stdout = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        var table = format == "table" ? new EventTable(stdout) : null;
        var newline = Encoding.UTF8.GetBytes(stdout.NewLine);
        // Two passes: the first reads every report and surveys the places each settles on its own;
        // the second reads again, toward where the rest of the run places the war that week, only
        // the reports with same-named villages their text leaves tied. The first pass's lines wait
        // in a temporary file, so memory holds each report's survey, not its events or its text.
        using var spill = ExtractSpill.Create();
        ReportBudget.KeepTimersFree(threads);
        var prior = new RunPrior();
        // --explain reads each sentence aloud once, in the first pass; its second pass reads from the file.
        var keeping = explain ? null : new KeptReadings();
        var surveyed = new List<Surveyed>();
        // Reports are handed out one at a time, not in PLINQ's growing chunks: a report takes
        // milliseconds, and a chunk of dozens left to one thread at the end of a pass idles the others.
        // One thread, or one report: read in turn on this thread. PLINQ's workers and merge would
        // only hand the report to another thread and back, and a one-report run paid for setting
        // them up (and JIT-compiling them) about as much as for reading the report.
        var inTurn = threads == 1 || AtMostOne(ref files);
        Func<string, (Surveyed, Document?, ReportSurvey?, byte[]?)> first = path => SurveyOne(pipeline, path, published, budget, newline, keeping);
        var firstPass = inTurn
            ? files.Select(first)
            : Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering)
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(threads)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(first);
        foreach (var (report, document, survey, lines) in firstPass)
        {
            if (survey is null)
            {
                surveyed.Add(report);
                continue;
            }
            prior.Add(document!, survey);
            var (offset, length) = spill.Append(lines!);
            surveyed.Add(report with { Offset = offset, Length = length });
        }
        var readAgain = 0;
        var again = explain ? ReportPipeline.Create(places, new ExtractionOptions { IncludeBackground = background }) : pipeline;
        Func<Surveyed, ((Surveyed, byte[]?), bool)> second = s => s.Open is { Error: null } open && prior.PriorFor(open.Doc, open.Published, priorCanDecide: true) is { } front
            ? (Revisit(again, front, s, published, budget, newline), true)
            : ((s.Open is { Error: null } ? s with { Open = null } : s, null), false);
        var results = inTurn
            ? surveyed.Select(second)
            : Partitioner.Create(surveyed, loadBalance: true)
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(threads)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(second);
        foreach (var ((report, fresh), wasReadAgain) in results)
        {
            if (wasReadAgain)
                readAgain++;
            if (report.Open?.Error is { } error)
            {
                Console.Error.WriteLine($"sitrep extract: {error}");
                failures++;
                continue;
            }
            documents++;
            bytes += report.Chars;
            events += report.Events;
            var lines = fresh is not null ? fresh : spill.Read(report.Offset, report.Length);
            if (table is null)
                output.Write(lines.Span);
            else
                foreach (var line in Encoding.UTF8.GetString(lines.Span).Split(stdout.NewLine, StringSplitOptions.RemoveEmptyEntries))
                    table.Add(EventJson.Deserialize(line)!);
            progress.Report(documents, bytes, events);
        }
        progress.Done(documents, bytes, events, failures, readAgain);
        table?.Flush();
        stdout.Flush();
        output.Flush();
        return failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    /// <summary>
    /// Whether <paramref name="items"/> holds at most one item. Looks at no more than two, and
    /// leaves <paramref name="items"/> giving every item once, the ones looked at first.
    /// </summary>
    internal static bool AtMostOne<T>(ref IEnumerable<T> items)
    {
        var rest = items.GetEnumerator();
        var head = new List<T>(2);
        while (head.Count < 2 && rest.MoveNext())
            head.Add(rest.Current);
        items = Resume(head, rest);
        return head.Count < 2;
    }

    private static IEnumerable<T> Resume<T>(List<T> head, IEnumerator<T> rest)
    {
        using (rest)
        {
            foreach (var item in head)
                yield return item;
            while (rest.MoveNext())
                yield return rest.Current;
        }
    }

    private static void Prepare()
    {
        try
        {
            ReportPipeline.Prepare();
            EventJson.Prepare();
        }
        catch (Exception)
        {
            // A lexicon or pattern that fails to load fails again, named, when the pipeline is made.
        }
    }

    /// <summary>
    /// What the run keeps of one report between its passes: where its first-pass lines lie in the
    /// spill, and only for a report that failed or that its week's prior may change the rest
    /// (<see cref="Open"/>). A run of a year's reports keeps one of these for each, so a report whose
    /// first pass stands keeps no strings.
    /// </summary>
    private readonly record struct Surveyed(long Offset, int Length, int Chars, int Events, Unsettled? Open);

    /// <summary>
    /// A report that failed (<see cref="Error"/>), or one the second pass may read again: its file,
    /// its id and date, and the reading the run kept of it, which the second pass starts from
    /// instead of the file.
    /// </summary>
    private sealed record Unsettled(string Path, string? Error, string Doc, DateOnly? Published, ReportReading? Reading);

    private static (Surveyed Report, Document? Document, ReportSurvey? Survey, byte[]? Lines) SurveyOne(
        ReportPipeline pipeline, string path, DateOnly? published, TimeSpan budget, byte[] newline, KeptReadings? keeping)
    {
        Document? document = null;
        var problem = Guarded(path, budget, clock =>
        {
            document = DocumentReader.Read(path, published, warn: w => Console.Error.WriteLine($"sitrep extract: warning: {w}"));
            return keeping is null ? pipeline.Survey(document, clock) : pipeline.SurveyKeeping(document, clock);
        }, out var survey);
        if (problem is not null)
            return (new Surveyed(0, 0, 0, 0, new Unsettled(path, problem, "", null, null)), null, null, null);
        // An undated report, or one whose places no prior can change, is settled by its first pass.
        var open = survey!.PriorCanDecide && document!.Meta.Published is not null
            ? new Unsettled(path, null, document.Id, document.Meta.Published, survey.Reading is { } r && keeping!.TryKeep(r.Text.Length) ? r : null)
            : null;
        return (new Surveyed(0, 0, document!.Text.Length, survey.Events.Count, open), document, survey, Lines(survey.Events, newline));
    }

    /// <summary>
    /// The second pass for a report its week's prior may change: from the reading the run kept,
    /// else read from its file again.
    /// </summary>
    private static (Surveyed Report, byte[]? Lines) Revisit(
        ReportPipeline pipeline, FrontPrior prior, Surveyed report, DateOnly? published, TimeSpan budget, byte[] newline)
    {
        var open = report.Open!;
        var chars = report.Chars;
        // Its warnings were written in the first pass.
        var problem = Guarded(open.Path, budget, clock =>
        {
            if (open.Reading is { } reading)
                return pipeline.Extract(reading, prior, clock);
            var document = DocumentReader.Read(open.Path, published, warn: _ => { });
            chars = document.Text.Length;
            return pipeline.Extract(document, prior, clock);
        }, out var events);
        if (problem is not null)
            return (report with { Open = open with { Error = problem, Reading = null } }, null);
        return (report with { Chars = chars, Events = events!.Count, Open = null }, Lines(events, newline));
    }

    /// <summary>Where a thread writes one report's lines before they are copied out at their size.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _lineBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _lineWriter;

    /// <summary>One report's JSON lines as UTF-8, written straight from the records (no string per line).</summary>
    internal static byte[] Lines(IReadOnlyList<EventRecord> events, byte[] newline)
    {
        if (events.Count == 0)
            return [];
        var buffer = _lineBuffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        var writer = _lineWriter ??= new Utf8JsonWriter(buffer);
        foreach (var e in events)
        {
            writer.Reset(buffer);
            EventJson.Serialize(writer, e);
            writer.Flush();
            buffer.Write(newline);
        }
        var lines = buffer.WrittenSpan.ToArray();
        // A report with thousands of events should not pin its buffer for the rest of the run.
        if (buffer.Capacity > 1 << 20)
            _lineBuffer = null;
        return lines;
    }

    /// <summary>One step on one report under its time budget; a failure is named, never thrown, so the batch goes on.</summary>
    private static string? Guarded<T>(string path, TimeSpan budget, Func<CancellationToken, T> step, out T? result) where T : class
    {
        result = null;
        using var clock = new CancellationTokenSource(budget);
        try
        {
            result = step(clock.Token);
            return null;
        }
        catch (DocumentException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (clock.IsCancellationRequested)
        {
            return $"{path}: {ReportBudget.Exceeded(budget)} (raise it with --time-budget)";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One report that trips a rule must not sink the batch; say which, and go on.
            return $"{path}: extraction failed: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Progress on stderr, at most every two seconds, and only for runs long enough to need it.</summary>
    private sealed class Progress(Stopwatch clock)
    {
        private long _lastMs;

        public void Report(int documents, long chars, int events)
        {
            var now = clock.ElapsedMilliseconds;
            // The first report also pays for loading the lexicons: one report is no run to show progress for.
            if (now - _lastMs < 2000 || documents < 2)
                return;
            _lastMs = now;
            StatusWriter.Progress($"sitrep extract: {documents:N0} reports, {chars / 1e6:0.0} M chars, {events:N0} events, {chars / 1e6 / (now / 1000.0):0.0} M chars/s");
        }

        public void Done(int documents, long chars, int events, int failures, int readAgain)
        {
            if (_lastMs > 0 || failures > 0)
                Console.Error.WriteLine($"sitrep extract: {documents:N0} reports read ({readAgain:N0} again toward the run's places of their week), {events:N0} events, {failures:N0} inputs failed, {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
