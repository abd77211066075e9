using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
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
        var places = CommonOptions.LoadGazetteer(gazetteerPath);
        if (places is null)
            return ExitCodes.Usage;
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

        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var table = format == "table" ? new EventTable(stdout) : null;
        // Two passes: the first reads every report and surveys the places each settles on its own;
        // the second reads again, toward where the rest of the run places the war that week, only
        // the reports with same-named villages their text leaves tied.
        var surveyed = files
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(threads)
            .Select(path => SurveyOne(pipeline, path, published, budget))
            .ToList();
        var prior = new RunPrior();
        foreach (var s in surveyed)
            if (s.Survey is not null)
                prior.Add(s.Document!, s.Survey);
        var readAgain = surveyed.Count(s => s.Survey is { PriorCanDecide: true } && prior.Around(s.Document!.Id, s.Document.Meta.Published) is not null);
        var again = explain ? ReportPipeline.Create(places, new ExtractionOptions { IncludeBackground = background }) : pipeline;
        var results = surveyed
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(threads)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(s => s.Survey is null ? (s.Path, s.Document, null, s.Error) : Revisit(again, prior, s.Path, s.Document!, s.Survey, budget));
        foreach (var (path, document, found, error) in results)
        {
            if (error is not null)
            {
                Console.Error.WriteLine($"sitrep extract: {error}");
                failures++;
                continue;
            }
            documents++;
            bytes += document!.Text.Length;
            events += found!.Count;
            foreach (var e in found)
            {
                if (table is null)
                    stdout.WriteLine(EventJson.Serialize(e));
                else
                    table.Add(e);
            }
            progress.Report(documents, bytes, events);
        }
        progress.Done(documents, bytes, events, failures, readAgain);
        table?.Flush();
        stdout.Flush();
        return failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static (string Path, Document? Document, ReportSurvey? Survey, string? Error) SurveyOne(
        ReportPipeline pipeline, string path, DateOnly? published, TimeSpan budget)
    {
        Document? document = null;
        var problem = Guarded(path, budget, clock =>
        {
            document = DocumentReader.Read(path, published, warn: w => Console.Error.WriteLine($"sitrep extract: warning: {w}"));
            return pipeline.Survey(document, clock);
        }, out var survey);
        return (path, document, survey, problem);
    }

    private static (string Path, Document? Document, IReadOnlyList<EventRecord>? Events, string? Error) Revisit(
        ReportPipeline pipeline, RunPrior prior, string path, Document document, ReportSurvey survey, TimeSpan budget)
    {
        var problem = Guarded(path, budget, clock => prior.Revisit(pipeline, document, survey, clock), out var events);
        return (path, problem is null ? document : null, events, problem);
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
