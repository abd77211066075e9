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
        var gazetteer = CommonOptions.Gazetteer();

        var command = new Command("extract", "Read news reports and write the events they report");
        CommonOptions.RejectOptionLikePaths(paths);
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(published);
        command.Options.Add(background);
        command.Options.Add(threads);
        command.Options.Add(explain);
        command.Options.Add(gazetteer);
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(format) ?? "jsonl",
            result.GetValue(published),
            result.GetValue(background),
            result.GetValue(explain) ? 1 : Math.Max(1, result.GetValue(threads)),
            result.GetValue(gazetteer),
            result.GetValue(explain)));
        return command;
    }

    private static int Run(string[] paths, string format, string? publishedText, bool background, int threads, string? gazetteerPath, bool explain)
    {
        DateOnly? published = null;
        if (publishedText is not null)
        {
            published = DocumentReader.ParsePublished(publishedText);
            if (published is null)
            {
                Console.Error.WriteLine($"sitrep extract: --published '{publishedText}' is not a date (YYYY-MM-DD)");
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
        var results = files
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(threads)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(path => ExtractOne(pipeline, path, published));
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
        progress.Done(documents, bytes, events, failures);
        table?.Flush();
        stdout.Flush();
        return failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static (string Path, Document? Document, IReadOnlyList<EventRecord>? Events, string? Error) ExtractOne(
        ReportPipeline pipeline, string path, DateOnly? published)
    {
        try
        {
            var document = DocumentReader.Read(path, published);
            return (path, document, pipeline.Extract(document), null);
        }
        catch (DocumentException e)
        {
            return (path, null, null, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One report that trips a rule must not sink the batch; say which, and go on.
            return (path, null, null, $"{path}: extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Progress on stderr, at most every two seconds, and only for runs long enough to need it.</summary>
    private sealed class Progress(Stopwatch clock)
    {
        private long _lastMs;

        public void Report(int documents, long chars, int events)
        {
            var now = clock.ElapsedMilliseconds;
            if (now - _lastMs < 2000)
                return;
            _lastMs = now;
            Console.Error.Write($"\rsitrep extract: {documents:N0} reports, {chars / 1e6:0.0} M chars, {events:N0} events, {chars / 1e6 / (now / 1000.0):0.0} M chars/s   ");
        }

        public void Done(int documents, long chars, int events, int failures)
        {
            if (_lastMs > 0)
                Console.Error.WriteLine();
            if (_lastMs > 0 || failures > 0)
                Console.Error.WriteLine($"sitrep extract: {documents:N0} reports read, {events:N0} events, {failures:N0} inputs failed, {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
