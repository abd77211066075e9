using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>Why a mention ended as it did; the benchmark groups failures by it.</summary>
internal enum MentionOutcome { Resolved, Ambiguous, NoMatch, Person, NotInIndex }

internal sealed record MentionResult(PlaceMention Mention, Place? Place, MentionOutcome Outcome, MentionState State);

/// <summary>A mention during ranking: its candidates, links to other mentions, and the current scores.</summary>
internal sealed class MentionState(PlaceMention mention, List<Candidate> candidates)
{
    public PlaceMention Mention { get; } = mention;
    public List<Candidate> Candidates { get; } = candidates;
    public int Index { get; init; }
    public bool IsPerson { get; set; }
    /// <summary>The mention of the region or country that qualifies this one ("in the Kharkiv region").</summary>
    public int? Qualifier { get; set; }
    /// <summary>Mentions that name the same place another way ("Krasnoye, called Sontsivka").</summary>
    public List<int> AliasOf { get; } = [];
    public double[] Scores { get; set; } = [];
    public double[] Evidence { get; set; } = [];
    public int? Best { get; set; }
    public double Margin { get; set; } = double.PositiveInfinity;
}

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

/// <summary>Great-circle distance and initial bearing.</summary>
internal static class GreatCircle
{
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double Bearing(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var y = Math.Sin(dl) * Math.Cos(p2);
        var x = Math.Cos(p1) * Math.Sin(p2) - Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl);
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }
}
