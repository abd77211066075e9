using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>What the whole document says, gathered from the previous pass.</summary>
/// <remarks>
/// One per thread, emptied per report (<see cref="ForReport"/>) and filled pass by pass: two
/// contexts a report, with their sets and arrays, were a tenth of what ranking allocated. The
/// sets are only asked what they hold, never walked, so reusing them changes no answer.
/// </remarks>
internal sealed class DocumentContext
{
    public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> RegionCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Countries by the sentence that names them: a small far-away town needs its country close by.</summary>
    public HashSet<(int Sentence, string Country)> CountriesBySentence { get; } = [];

    [ThreadStatic]
    private static DocumentContext? _thread;

    /// <summary>The thread's context, empty, for a report's first pass (priors only).</summary>
    public static DocumentContext ForReport()
    {
        var ctx = _thread ??= new DocumentContext();
        ctx.Countries.Clear();
        ctx.RegionCounts.Clear();
        ctx.CountriesBySentence.Clear();
        ctx.Sentence = [];
        ctx.Position = [];
        ctx._anchored = 0;
        ctx.HasAnchors = false;
        ctx.Gathered = false;
        return ctx;
    }

    /// <summary>The countries and regions the previous pass resolved, and each mention's sentence.</summary>
    public void Gather(MentionState[] states, Gazetteer g, int[] sentence)
    {
        Sentence = sentence;
        Gathered = true;
        foreach (var s in states)
        {
            if (s.Best is not { } best)
                continue;
            ref readonly var e = ref g.Entry(best);
            switch ((PlaceKind)e.Kind)
            {
                case PlaceKind.Country when CountryCode.Unpack(e.Country) is { } cc:
                    Countries.Add(cc);
                    CountriesBySentence.Add((sentence[s.Index], cc));
                    break;
                // A foreign capital named brings its country into the report ("Washington" the United
                // States); Ukraine and Russia are in every report already.
                // So does a venue ("talks at Mar-a-Lago"): Sitrep's own table says where it stands.
                case PlaceKind.Settlement when (e.Rank >= 6 || ByVenue(s, best)) && CountryCode.Unpack(e.Country) is { } capital and not ("UA" or "RU"):
                    Countries.Add(capital);
                    break;
                case PlaceKind.Region when g.Admin1Key(best) is { } key:
                    RegionCounts[key] = RegionCounts.GetValueOrDefault(key) + 1;
                    if (CountryCode.Unpack(e.Country) is { } rc)
                        Countries.Add(rc);
                    break;
            }
        }
    }

    private static bool ByVenue(MentionState s, int entry)
    {
        foreach (var c in s.Candidates)
            if (c.Entry == entry)
                return (c.Source & NameSource.Venue) != 0;
        return false;
    }

    private (double Lat, double Lon)?[] _anchorAt = [];
    private double[] _anchorCos = [];
    private int[] _stateAt = [];
    private int _anchored;

    /// <summary>The settlement each mention was resolved to with a clear margin, by text position (null when none).</summary>
    public ReadOnlySpan<(double Lat, double Lon)?> AnchorAt => _anchorAt.AsSpan(0, _anchored);

    /// <summary>The cosine of each anchor's latitude: every candidate near it measures against it.</summary>
    public ReadOnlySpan<double> AnchorCos => _anchorCos.AsSpan(0, _anchored);

    /// <summary>State index of the mention at each text position.</summary>
    public ReadOnlySpan<int> StateAt => _stateAt.AsSpan(0, _anchored);

    /// <summary>The rank of each mention in text order.</summary>
    public int[] Position { get; private set; } = [];

    /// <summary>The sentence number of each mention, for weighing anchors.</summary>
    public int[] Sentence { get; private set; } = [];

    public bool HasAnchors { get; private set; }

    /// <summary>
    /// The countries, regions and sentences are filled (<see cref="Gather"/>, once a report): what
    /// a candidate's score reads of them stays the same from then on.
    /// </summary>
    public bool Gathered { get; private set; }

    /// <summary>The settlements resolved with a clear margin become anchors for their neighbours in the text.</summary>
    public void AddAnchors(MentionState[] states, Gazetteer g, int[] position)
    {
        var n = states.Length;
        if (_anchorAt.Length < n)
        {
            _anchorAt = new (double, double)?[n];
            _anchorCos = new double[n];
            _stateAt = new int[n];
        }
        else
            Array.Clear(_anchorAt, 0, n);
        _anchored = n;
        Position = position;
        var any = false;
        for (var i = 0; i < n; i++)
        {
            _stateAt[position[i]] = i;
            var s = states[i];
            if (s.Best is { } best && (PlaceKind)g.Entry(best).Kind == PlaceKind.Settlement && s.Margin >= Weights.ConfidentMargin)
            {
                _anchorAt[position[i]] = (g.Entry(best).Lat, g.Entry(best).Lon);
                _anchorCos[position[i]] = GreatCircle.CosLat(g.Entry(best).Lat);
                any = true;
            }
        }
        HasAnchors = any;
    }
}
