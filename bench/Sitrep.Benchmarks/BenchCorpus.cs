using Sitrep.Documents;
using Sitrep.Geo;

namespace Sitrep.Benchmarks;

/// <summary>
/// What the scenarios read. Reports: the articles of ../shared/eval/dev and ../shared/eval/news
/// (real reporting, read in place, never copied into the project), or SITREP_BENCH_CORPUS, or
/// samples/reports when neither is there; taken in order and repeated until a run has as many as
/// it asks for. Places: the index the CLI would use (SITREP_GAZETTEER, else .cache/gazetteer.idx).
/// </summary>
public static class BenchCorpus
{
    private static Gazetteer? _gazetteer;

    /// <summary>The checkout: BenchmarkDotNet runs each scenario from a folder under bin/, so walk up to Sitrep.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> Folders()
    {
        if (Environment.GetEnvironmentVariable("SITREP_BENCH_CORPUS") is { Length: > 0 } chosen)
            return [chosen];
        var eval = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));
        string[] real = [Path.Combine(eval, "dev"), Path.Combine(eval, "news")];
        return real.All(Directory.Exists) ? real : [Path.Combine(Root, "samples", "reports")];
    }

    /// <summary><paramref name="count"/> reports, the corpus repeated as often as it takes.</summary>
    public static List<Document> Documents(int count)
    {
        var paths = DocumentReader.Expand(Folders(), (path, problem) => Console.Error.WriteLine($"bench: {path}: {problem}")).ToList();
        if (paths.Count == 0)
            throw new InvalidOperationException($"no reports under {string.Join(", ", Folders())}");
        var distinct = paths.Select(p => DocumentReader.Read(p)).ToList();
        return Enumerable.Range(0, count).Select(i => distinct[i % distinct.Count]).ToList();
    }

    /// <summary>Loaded once per process: every scenario that places shares it, as extract does.</summary>
    public static Gazetteer Gazetteer()
    {
        if (_gazetteer is not null)
            return _gazetteer;
        var path = Sitrep.Geo.Gazetteer.DefaultPath()
            ?? throw new InvalidOperationException("no place index: set SITREP_GAZETTEER or run ./sitrep gazetteer build");
        return _gazetteer = Sitrep.Geo.Gazetteer.Load(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
