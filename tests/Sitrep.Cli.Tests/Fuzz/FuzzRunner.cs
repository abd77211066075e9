using System.Diagnostics;
using Sitrep.Documents;

namespace Sitrep.Cli.Tests.Fuzz;

/// <summary>What a fuzz run found; every count but <see cref="Cases"/> should be zero.</summary>
internal sealed record FuzzResult(int Cases, int Batches, int Crashes, int Hangs, int BadExitCodes, int SpecViolations, int Unaccounted, int EventLines, int RefusedInputs, TimeSpan Elapsed, List<string> Examples)
{
    public bool Clean => Crashes == 0 && Hangs == 0 && BadExitCodes == 0 && SpecViolations == 0 && Unaccounted == 0;

    public override string ToString() =>
        $"{Cases:N0} cases in {Batches:N0} runs of the CLI, {Elapsed.TotalSeconds:0} s: {Crashes} crashes, {Hangs} hangs, {BadExitCodes} bad exit codes, " +
        $"{SpecViolations} spec violations, {Unaccounted} reports neither read nor named; {EventLines:N0} event lines checked, {RefusedInputs:N0} inputs refused by name";
}

/// <summary>
/// Writes generated cases into a folder a batch at a time and runs the real CLI on it, as a
/// user would: the exit code must be 0 or 1, no report may fail as "extraction failed" or with
/// a stack trace, every line on stdout must be a valid event whose evidence is the text at its
/// offsets, and every report must either give its events or be named on stderr.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>
    /// Runs up to <paramref name="cases"/> cases, starting no new batch once <paramref name="limit"/>
    /// has passed; after each batch the counts so far go to <paramref name="onBatch"/>.
    /// </summary>
    public static FuzzResult Run(int seed, int cases, int batchSize, string workFolder, Func<string[], TimeSpan, CliResult?> cli,
        TimeSpan limit, Action<FuzzResult> onBatch)
    {
        var mutator = new Mutator(seed, Path.Combine(Repo.Root, "samples", "reports"));
        var clock = Stopwatch.StartNew();
        int batches = 0, crashes = 0, hangs = 0, badExit = 0, violations = 0, unaccounted = 0, lines = 0, refused = 0;
        var examples = new List<string>();
        void Example(string what)
        {
            if (examples.Count < 20)
                examples.Add(what);
        }

        var done = 0;
        FuzzResult Result() => new(done, batches, crashes, hangs, badExit, violations, unaccounted, lines, refused, clock.Elapsed, examples);
        for (var first = 0; first < cases && clock.Elapsed < limit; first += batchSize)
        {
            var folder = Path.Combine(workFolder, $"batch-{seed}-{first:D6}");
            Directory.CreateDirectory(folder);
            var batch = Enumerable.Range(first, Math.Min(batchSize, cases - first)).Select(mutator.Next).ToList();
            foreach (var c in batch)
            {
                File.WriteAllBytes(Path.Combine(folder, c.Name + c.Extension), c.Report);
                if (c.Meta is not null)
                    File.WriteAllBytes(Path.Combine(folder, c.Name + ".meta.json"), c.Meta);
            }
            batches++;
            done += batch.Count;
            var keep = false;
            // A minute for the CLI to start plus a second a report: far past any honest run.
            var run = cli(["extract", folder], TimeSpan.FromSeconds(60 + batch.Count));
            if (run is null)
            {
                hangs++;
                keep = true;
                Example($"hang: sitrep extract {folder}");
                onBatch(Result());
                continue;
            }
            if (run.ExitCode is not (0 or 1))
            {
                badExit++;
                keep = true;
                Example($"exit {run.ExitCode}: sitrep extract {folder}");
            }

            var stderr = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in stderr)
            {
                if (line.Contains("extraction failed", StringComparison.Ordinal) || line.Contains("Unhandled exception", StringComparison.Ordinal)
                    || line.StartsWith("   at ", StringComparison.Ordinal))
                {
                    crashes++;
                    keep = true;
                    Example($"crash: {line}");
                }
            }

            // The reference text of each report, read the way the CLI reads it.
            var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var c in batch)
            {
                var path = Path.Combine(folder, c.Name + c.Extension);
                try
                {
                    texts[c.Name] = DocumentReader.Read(path).Text;
                }
                catch (DocumentException)
                {
                    texts[c.Name] = null;
                }
            }

            var docsWithEvents = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                lines++;
                string? doc = null;
                var problems = EventSpec.Problems(line, d =>
                {
                    doc = d;
                    return texts.GetValueOrDefault(d);
                });
                if (doc is not null)
                    docsWithEvents.Add(doc);
                if (problems.Count > 0)
                {
                    violations++;
                    keep = true;
                    Example($"spec: {string.Join("; ", problems)} in {line[..Math.Min(line.Length, 200)]}");
                }
            }

            foreach (var c in batch)
            {
                var path = Path.Combine(folder, c.Name + c.Extension);
                var named = stderr.Any(l => !l.Contains(": warning: ", StringComparison.Ordinal) && (l.Contains(path, StringComparison.Ordinal)
                    || l.Contains(Path.Combine(folder, c.Name + ".meta.json"), StringComparison.Ordinal)));
                if (named)
                    refused++;
                if (named && docsWithEvents.Contains(c.Name))
                {
                    unaccounted++;
                    keep = true;
                    Example($"named as failed yet gave events: {path} ({c.Recipe})");
                }
                else if (!named && texts[c.Name] is null)
                {
                    unaccounted++;
                    keep = true;
                    Example($"unreadable but not named: {path} ({c.Recipe})");
                }
            }
            if (!keep)
                Directory.Delete(folder, recursive: true);
            onBatch(Result());
        }
        return Result();
    }
}
