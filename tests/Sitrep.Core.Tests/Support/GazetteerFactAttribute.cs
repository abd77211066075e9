using Sitrep.Geo;

namespace Sitrep.Core.Tests.Support;

/// <summary>
/// A fact that needs the full place index (.cache/gazetteer.idx, or $SITREP_GAZETTEER):
/// skipped with the reason when the index is absent, as on a fresh clone.
/// </summary>
public sealed class GazetteerFactAttribute : FactAttribute
{
    public GazetteerFactAttribute()
    {
        if (Gazetteers.Path is null)
            Skip = "no place index: build one with 'sitrep gazetteer build' into .cache/gazetteer.idx or set SITREP_GAZETTEER";
    }
}

/// <summary>The full gazetteer, loaded once for every test that needs it.</summary>
internal static class Gazetteers
{
    public static readonly string? Path = Locate();

    private static readonly Lazy<Gazetteer> Loaded = new(() =>
        Gazetteer.Load(Path ?? throw new InvalidOperationException("no place index; the test should have been skipped")));

    public static Gazetteer Full => Loaded.Value;

    private static string? Locate() => Gazetteer.DefaultPath() is { } p && File.Exists(p) ? p : null;
}
