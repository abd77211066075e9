using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>What the whole document says, gathered from the previous pass.</summary>
internal sealed class DocumentContext
{
    public HashSet<string> Countries { get; private init; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> RegionCounts { get; private init; } = new(StringComparer.Ordinal);
    public List<(int Owner, int Entry, double Lat, double Lon)> Anchors { get; private init; } = [];

    public static DocumentContext From(MentionState[] states, Gazetteer g)
    {
        var ctx = new DocumentContext();
        foreach (var s in states)
        {
            if (s.Best is not { } best)
                continue;
            ref readonly var e = ref g.Entry(best);
            switch ((PlaceKind)e.Kind)
            {
                case PlaceKind.Country when CountryCode.Unpack(e.Country) is { } cc:
                    ctx.Countries.Add(cc);
                    break;
                case PlaceKind.Region when g.Admin1Key(best) is { } key:
                    ctx.RegionCounts[key] = ctx.RegionCounts.GetValueOrDefault(key) + 1;
                    if (CountryCode.Unpack(e.Country) is { } rc)
                        ctx.Countries.Add(rc);
                    break;
            }
        }
        return ctx;
    }

    /// <summary>The settlements resolved with a clear margin become anchors for their neighbours.</summary>
    /// <summary>The sentence number of each mention, for weighing anchors.</summary>
    public int[] Sentence { get; private init; } = [];

    public DocumentContext WithAnchors(MentionState[] states, Gazetteer g, int[] sentence)
    {
        var anchors = new List<(int, int, double, double)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < states.Length; i++)
        {
            var s = states[i];
            if (s.Best is { } best && (PlaceKind)g.Entry(best).Kind == PlaceKind.Settlement && s.Margin >= Weights.ConfidentMargin && seen.Add(best))
                anchors.Add((i, best, g.Entry(best).Lat, g.Entry(best).Lon));
        }
        return new DocumentContext { Countries = Countries, RegionCounts = RegionCounts, Anchors = anchors, Sentence = sentence };
    }
}
