using Sitrep.Geo.Index;

namespace Sitrep.Geo;

/// <summary>A candidate for a name, as <c>sitrep gazetteer lookup</c> lists them.</summary>
public sealed record PlaceCandidate(Place Place, string MatchedName, string FeatureCode, int Population, string HowMatched);

public sealed partial class Gazetteer
{
    /// <summary>Every feature a name (folded) can stand for, primary-name matches first, then by feature rank and population.</summary>
    public IReadOnlyList<PlaceCandidate> Lookup(string name)
    {
        var node = NodeOf(name);
        if (node < 0)
            return [];
        var result = new List<(PlaceCandidate C, int Order, byte Rank)>();
        foreach (var p in Postings(node))
        {
            ref readonly var e = ref Entry(p.Entry);
            var how = p.Source.HasFlag(NameSource.Curated) ? "curated" : p.Source.HasFlag(NameSource.Primary) ? "name"
                : p.Source.HasFlag(NameSource.Ascii) ? "ascii name" : "alternate name";
            var order = p.Source.HasFlag(NameSource.Alternate) ? 1 : 0;
            result.Add((new PlaceCandidate(ToPlace(p.Entry, name), String(p.Variant), String(e.FeatureCode), e.Population, how), order, e.Rank));
        }
        return result.OrderBy(r => r.Order)
                     .ThenByDescending(r => r.Rank)
                     .ThenByDescending(r => r.C.Population)
                     .Select(r => r.C).ToList();
    }
}
