using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>One place a mention may stand for, as recalled from the index.</summary>
/// <param name="Source">How the chosen name belongs to the entry: main names are preferred, even loosely spelt.</param>
/// <param name="Exact">The chosen name's fold equals the mention's.</param>
/// <param name="AnyExact">Some name of the entry, main or alternate, is spelt exactly as the mention.</param>
internal readonly record struct Candidate(int Entry, NameSource Source, bool Exact, bool Fuzzy, bool AnyExact = false)
{
    /// <summary>A primary, ASCII or curated name, not one of the many alternates.</summary>
    public bool ByMainName => (Source & NameSource.Alternate) == 0;
}
