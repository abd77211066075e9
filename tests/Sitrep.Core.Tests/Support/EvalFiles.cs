namespace Sitrep.Core.Tests;

/// <summary>Text read at test time from outside the repository: the shared eval articles and the benchmark corpus.</summary>
internal static class EvalFiles
{
    private static string? Root { get; } = FindRoot();

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>The .txt articles of ../shared/eval/news and dev, or null when the checkout has no eval set.</summary>
    public static List<string>? Articles()
    {
        var eval = Root is null ? null : Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));
        if (eval is null || !Directory.Exists(eval))
            return null;
        return new[] { "news", "dev" }
            .Select(d => Path.Combine(eval, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>.cache/real-corpus-5mb when this checkout has one (bench/corpus/make-real-corpus.sh).</summary>
    public static string? BenchmarkCorpus()
    {
        var corpus = Root is null ? null : Path.Combine(Root, ".cache", "real-corpus-5mb");
        return corpus is not null && Directory.Exists(corpus) ? corpus : null;
    }
}
