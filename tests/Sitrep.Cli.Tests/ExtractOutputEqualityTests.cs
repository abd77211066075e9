using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The safety net for speed work: a faster extractor must print the same events. `extract` over
/// the sample reports and the shared eval sets must give the same bytes at one and two threads,
/// and, with the place index the digests were made with, the bytes recorded in
/// Golden/extract-digests.txt. A change meant to change events (a rule, a lexicon, the index)
/// regenerates that file with scripts/update-extract-golden.sh and says so in its commit.
/// </summary>
public sealed class ExtractOutputEqualityTests
{
    [FactRequiresGazetteer]
    public void Sample_reports_give_the_same_events_at_one_and_two_threads() => SameAtOneAndTwoThreads("samples");

    [FactRequiresDevSet]
    public void Dev_articles_give_the_same_events_at_one_and_two_threads() => SameAtOneAndTwoThreads("dev");

    [FactRequiresNewsSet]
    public void News_articles_give_the_same_events_at_one_and_two_threads() => SameAtOneAndTwoThreads("news");

    [FactRequiresGoldenIndex]
    public void Extract_output_matches_the_recorded_digests()
    {
        var golden = Golden.Read();
        var differ = new List<string>();
        foreach (var ((corpus, threads), expected) in golden.Digests)
        {
            if (Corpus.Folder(corpus) is null)
                continue;
            var actual = Digest(Extract(corpus, threads));
            if (actual != expected)
                differ.Add($"{corpus} at {threads} thread(s): recorded {expected[..12]}, now {actual[..12]}");
        }
        Assert.True(differ.Count == 0,
            "extract output changed: " + string.Join("; ", differ)
            + ". If the change is meant to change events, run scripts/update-extract-golden.sh and say so in the commit.");
    }

    private static void SameAtOneAndTwoThreads(string corpus)
    {
        var one = Extract(corpus, 1);
        var two = Extract(corpus, 2);
        Assert.False(string.IsNullOrEmpty(one), $"extract printed no events for {corpus}");
        Assert.Equal(one, two);
    }

    /// <summary>Each (corpus, threads) run once per test process: the golden test reuses the runs of the others.</summary>
    private static readonly ConcurrentDictionary<(string, int), Lazy<string>> Runs = new();

    private static string Extract(string corpus, int threads) =>
        Runs.GetOrAdd((corpus, threads), key => new Lazy<string>(() =>
        {
            var folder = Corpus.Folder(key.Item1) ?? throw new DirectoryNotFoundException($"no folder for corpus '{key.Item1}'");
            var run = CliRun.Run("extract", folder, "--threads", key.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(run.ExitCode == 0, $"extract {folder} --threads {key.Item2} failed ({run.ExitCode}): {run.Stderr}");
            return run.Stdout;
        })).Value;

    /// <summary>SHA-256 of the UTF-8 bytes, lower-case hex: what <c>sha256sum</c> prints for the same stdout.</summary>
    internal static string Digest(string stdout) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stdout)));
}

/// <summary>The corpora the digests cover, by the names the golden file and its script use.</summary>
internal static class Corpus
{
    /// <summary>The folder of a corpus, or null when it is not on this machine (../shared is absent on some).</summary>
    public static string? Folder(string name)
    {
        var folder = name switch
        {
            "samples" => Path.Combine(Repo.Root, "samples", "reports"),
            "dev" or "news" => Path.Combine(Repo.Shared, "eval", name),
            _ => throw new ArgumentException($"unknown corpus '{name}' in {Golden.Path}"),
        };
        return Directory.Exists(folder) ? folder : null;
    }
}

/// <summary>Golden/extract-digests.txt: the index size the digests hold for, and one digest per corpus and thread count.</summary>
internal sealed record Golden(long IndexBytes, IReadOnlyDictionary<(string Corpus, int Threads), string> Digests)
{
    public static string Path => System.IO.Path.Combine(Repo.Root, "tests", "Sitrep.Cli.Tests", "Golden", "extract-digests.txt");

    public static Golden Read()
    {
        long? indexBytes = null;
        var digests = new Dictionary<(string, int), string>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f is ["index-bytes", var size] && long.TryParse(size, out var n))
                indexBytes = n;
            else if (f is [var corpus, var t, var hex] && int.TryParse(t, out var threads) && hex.Length == 64)
                digests[(corpus, threads)] = hex;
            else
                throw new FormatException($"{Path}:{number}: expected 'index-bytes N' or 'CORPUS THREADS SHA256'");
        }
        return new Golden(indexBytes ?? throw new FormatException($"{Path}: no 'index-bytes N' line"), digests);
    }
}

/// <summary>
/// The recorded digests hold only for the place index they were made with (told by its size):
/// with another index the places differ, so the comparison is skipped, saying why.
/// </summary>
public sealed class FactRequiresGoldenIndexAttribute : FactAttribute
{
    public FactRequiresGoldenIndexAttribute()
    {
        if (Repo.Gazetteer is not { } index)
        {
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
            return;
        }
        var expected = Golden.Read().IndexBytes;
        var actual = new FileInfo(index).Length;
        if (actual != expected)
            Skip = $"the recorded digests were made with a place index of {expected:N0} bytes; {index} has {actual:N0}, so its places may differ";
    }
}
