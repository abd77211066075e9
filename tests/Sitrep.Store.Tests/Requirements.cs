namespace Sitrep.Store.Tests;

/// <summary>The place index the extraction pipeline needs, if this machine has one.</summary>
internal static class PlaceIndex
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SITREP_GAZETTEER") is { Length: > 0 } named && File.Exists(named))
            return named;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, ".cache", "gazetteer.idx");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

/// <summary>A test that runs real extraction; without a place index it is skipped, saying how to build one.</summary>
public sealed class FactRequiresGazetteerAttribute : FactAttribute
{
    public FactRequiresGazetteerAttribute()
    {
        if (PlaceIndex.Path is null)
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
    }
}

/// <summary>A theory that runs real extraction or gazetteer lookups; without a place index it is skipped, saying how to build one.</summary>
public sealed class TheoryRequiresGazetteerAttribute : TheoryAttribute
{
    public TheoryRequiresGazetteerAttribute()
    {
        if (PlaceIndex.Path is null)
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
    }
}
