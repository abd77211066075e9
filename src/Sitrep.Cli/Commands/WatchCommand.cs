using System.CommandLine;
using System.Runtime.InteropServices;
using Sitrep.Feeds;
using Sitrep.Pipeline;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep watch FEEDS.txt</c>: polls RSS/Atom feeds and folders, storing each new or revised article as it appears.</summary>
internal sealed class WatchCommand
{
    public static Command Create()
    {
        var feeds = new Argument<string>("feeds") { Description = "A file of feed addresses (http/https) and folders, one a line; '#' starts a comment" };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls", DefaultValueFactory = _ => 300 };
        var once = new Option<bool>("--once") { Description = "Poll every feed and folder once, then exit" };
        var perHost = new Option<double>("--per-host-seconds") { Description = "Least time between two requests to one host", DefaultValueFactory = _ => 1 };
        var db = CommonOptions.Database();
        var gazetteer = CommonOptions.Gazetteer();
        var command = new Command("watch", "Keep the database current from RSS/Atom feeds and folders; Ctrl+C or SIGTERM stops it between articles");
        command.Arguments.Add(feeds);
        command.Options.Add(interval);
        command.Options.Add(once);
        command.Options.Add(perHost);
        command.Options.Add(db);
        command.Options.Add(gazetteer);
        command.SetAction(result =>
        {
            var seconds = result.GetValue(interval);
            var hostSeconds = result.GetValue(perHost);
            if (!double.IsFinite(seconds) || seconds < 0 || !double.IsFinite(hostSeconds) || hostSeconds < 0 || seconds > 86_400 || hostSeconds > 3_600)
            {
                Console.Error.WriteLine("sitrep watch: --interval takes 0 to 86400 seconds, --per-host-seconds 0 to 3600");
                return ExitCodes.Usage;
            }
            var options = new WatchOptions(result.GetValue(db)!, TimeSpan.FromSeconds(seconds), result.GetValue(once),
                new FetchPolicy { PerHost = TimeSpan.FromSeconds(hostSeconds) });
            return Run(result.GetValue(feeds)!, options, result.GetValue(gazetteer));
        });
        return command;
    }

    private static int Run(string feedsFile, WatchOptions options, string? gazetteerPath)
    {
        if (!File.Exists(feedsFile))
        {
            Console.Error.WriteLine($"sitrep watch: {feedsFile}: no such file");
            return ExitCodes.Usage;
        }
        var sources = FeedList.Read(feedsFile, problem => Console.Error.WriteLine($"sitrep watch: {problem}"));
        if (sources.Count == 0)
        {
            Console.Error.WriteLine($"sitrep watch: {feedsFile} names no feed or folder");
            return ExitCodes.Usage;
        }
        var places = CommonOptions.LoadGazetteer(gazetteerPath);
        if (places is null)
            return ExitCodes.Usage;
        using var store = EventStore.Open(options.Database);
        var pipeline = ReportPipeline.Create(places);
        var hashes = store.DocumentHashes();

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // end between articles, not in the middle of one
            if (!stop.IsCancellationRequested)
                Console.Error.WriteLine("sitrep watch: stopping after the current article");
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        int Store(IReadOnlyList<string> paths)
        {
            var failures = 0;
            var batch = new List<ExtractedDocument>();
            foreach (var item in IngestSources.Extracted(paths, pipeline, hashes))
            {
                switch (item)
                {
                    case IngestItem.Failed failed:
                        Console.Error.WriteLine($"sitrep watch: {failed.Path}: {failed.Problem}");
                        failures++;
                        break;
                    case IngestItem.Ready ready when EventStore.Problem(ready.Item) is { } problem:
                        Console.Error.WriteLine($"sitrep watch: {ready.Item.Document.Path}: {problem}");
                        failures++;
                        break;
                    case IngestItem.Ready ready:
                        batch.Add(ready.Item);
                        break;
                }
            }
            var outcomes = store.Ingest(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                hashes[batch[i].Document.Id] = batch[i].Document.ContentHash;
                if (outcomes[i] != IngestOutcome.Unchanged)
                    Console.Error.WriteLine($"sitrep watch: {outcomes[i].ToString().ToLowerInvariant()} {batch[i].Document.Path}: {batch[i].Events.Count} events");
            }
            return failures;
        }

        var watcher = new FeedWatcher(sources, options, Store, line => Console.Error.WriteLine($"sitrep {line}"));
        watcher.RunAsync(stop.Token).GetAwaiter().GetResult();
        return watcher.Failures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
