using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>What the whole document says, gathered from the previous pass.</summary>
internal sealed class DocumentContext
{
    public HashSet<string> Countries { get; private init; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> RegionCounts { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>Countries by the sentence that names them: a small far-away town needs its country close by.</summary>
    public HashSet<(int Sentence, string Country)> CountriesBySentence { get; private init; } = [];

    public static DocumentContext From(MentionState[] states, Gazetteer g, int[] sentence)
    {
        var ctx = new DocumentContext { Sentence = sentence };
        foreach (var s in states)
        {
            if (s.Best is not { } best)
                continue;
            ref readonly var e = ref g.Entry(best);
            switch ((PlaceKind)e.Kind)
            {
                case PlaceKind.Country when CountryCode.Unpack(e.Country) is { } cc:
                    ctx.Countries.Add(cc);
                    ctx.CountriesBySentence.Add((sentence[s.Index], cc));
                    break;
                // A foreign capital named brings its country into the report ("Washington" the United
                // States); Ukraine and Russia are in every report already.
                // So does a venue ("talks at Mar-a-Lago"): Sitrep's own table says where it stands.
                case PlaceKind.Settlement when (e.Rank >= 6 || ByVenue(s, best)) && CountryCode.Unpack(e.Country) is { } capital and not ("UA" or "RU"):
                    ctx.Countries.Add(capital);
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

    private static bool ByVenue(MentionState s, int entry)
    {
        foreach (var c in s.Candidates)
            if (c.Entry == entry)
                return (c.Source & NameSource.Venue) != 0;
        return false;
    }

    /// <summary>The settlement each mention was resolved to with a clear margin, by text position (null when none).</summary>
    public (double Lat, double Lon)?[] AnchorAt { get; private init; } = [];

    /// <summary>The cosine of each anchor's latitude: every candidate near it measures against it.</summary>
    public double[] AnchorCos { get; private init; } = [];

    /// <summary>State index of the mention at each text position.</summary>
    public int[] StateAt { get; private init; } = [];

    /// <summary>The rank of each mention in text order.</summary>
    public int[] Position { get; private init; } = [];

    /// <summary>The sentence number of each mention, for weighing anchors.</summary>
    public int[] Sentence { get; private init; } = [];

    public bool HasAnchors { get; private init; }

    /// <summary>The settlements resolved with a clear margin become anchors for their neighbours in the text.</summary>
    public DocumentContext WithAnchors(MentionState[] states, Gazetteer g, int[] sentence, int[] position)
    {
        var anchorAt = new (double, double)?[states.Length];
        var anchorCos = new double[states.Length];
        var stateAt = new int[states.Length];
        var any = false;
        for (var i = 0; i < states.Length; i++)
        {
            stateAt[position[i]] = i;
            var s = states[i];
            if (s.Best is { } best && (PlaceKind)g.Entry(best).Kind == PlaceKind.Settlement && s.Margin >= Weights.ConfidentMargin)
            {
                anchorAt[position[i]] = (g.Entry(best).Lat, g.Entry(best).Lon);
                anchorCos[position[i]] = GreatCircle.CosLat(g.Entry(best).Lat);
                any = true;
            }
        }
        return new DocumentContext
        {
            Countries = Countries, CountriesBySentence = CountriesBySentence, RegionCounts = RegionCounts, AnchorAt = anchorAt, AnchorCos = anchorCos, StateAt = stateAt,
            Position = position, Sentence = sentence, HasAnchors = any,
        };
    }
}
