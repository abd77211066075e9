using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Core.Tests;

/// <summary>A window of a text to read, with the date that anchors it.</summary>
internal readonly record struct Window(string Text, int Start, int End, DateOnly? Published);

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

    /// <summary>Every sentence of the eval articles; none when the checkout has no eval set.</summary>
    public static IEnumerable<Window> ArticleSentences() => Articles() is { } files ? Sentences(files) : [];

    /// <summary>Every sentence of the benchmark corpus; none when the checkout has no corpus.</summary>
    public static IEnumerable<Window> CorpusSentences() =>
        BenchmarkCorpus() is { } corpus ? Sentences(DocumentReader.Expand([corpus], (_, _) => { })) : [];

    /// <summary>Fails with the first disagreements, if any.</summary>
    public static void AssertNone(List<string> differences) =>
        Xunit.Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));

    /// <summary>Every sentence of the reports in <paramref name="files"/>, as the pipeline segments them.</summary>
    public static IEnumerable<Window> Sentences(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var document = DocumentReader.Read(file);
            foreach (var s in Segmenter.Default.Segment(document.Text).Sentences)
                yield return new Window(document.Text, s.Start, s.End, document.Meta.Published);
        }
    }

    /// <summary>The windows on which two readers disagree, described for a failure message.</summary>
    public static List<string> Disagreements<T>(IEnumerable<Window> windows, Func<Window, IReadOnlyList<T>> first, Func<Window, IReadOnlyList<T>> second)
    {
        var differences = new List<string>();
        foreach (var w in windows)
        {
            var a = first(w);
            var b = second(w);
            if (!a.SequenceEqual(b))
                differences.Add($"'{w.Text[w.Start..w.End]}' ({w.Published}): [{string.Join("; ", a)}] against [{string.Join("; ", b)}]");
        }
        return differences;
    }
}

/// <summary>A fact over the eval articles of ../shared/eval: skipped, saying so, when the checkout has none.</summary>
internal sealed class FactWithEvalArticlesAttribute : FactAttribute
{
    public FactWithEvalArticlesAttribute()
    {
        if (EvalFiles.Articles() is not { Count: > 0 })
            Skip = "needs the articles of ../shared/eval (news, dev), which are absent here";
    }
}

/// <summary>A fact over the benchmark corpus: skipped, saying so, when the checkout has none.</summary>
internal sealed class FactWithBenchmarkCorpusAttribute : FactAttribute
{
    public FactWithBenchmarkCorpusAttribute()
    {
        if (EvalFiles.BenchmarkCorpus() is null)
            Skip = "needs .cache/real-corpus-5mb (bench/corpus/make-real-corpus.sh --mb 5 --out .cache/real-corpus-5mb)";
    }
}
