using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Resolution;

/// <summary>
/// What a qualifier admits: the first-level divisions its name stands for (an oblast, or the
/// oblast whose capital it names), the raion of that name, or the towns a hromada is named after.
/// </summary>
internal sealed class DivisionScope
{
    private const double HromadaKm = 25;

    private readonly HashSet<string> _admin1 = new(StringComparer.Ordinal);
    private readonly HashSet<string> _raions = new(StringComparer.Ordinal);
    private readonly List<(float Lat, float Lon)> _seats = [];

    public PlaceQualifier Qualifier { get; }

    /// <summary>The region entry a compass word is read from, or -1.</summary>
    public int RegionEntry { get; } = -1;

    public DivisionScope(Gazetteer g, PlaceQualifier q)
    {
        Qualifier = q;
        var node = g.NodeOf(q.Name);
        if (q.Level is DivisionLevel.Any or DivisionLevel.Oblast && node >= 0)
        {
            foreach (var p in g.Postings(node))
            {
                ref readonly var e = ref g.Entry(p.Entry);
                var kind = (PlaceKind)e.Kind;
                // An oblast by any of its names; a regional capital only by its own ("Kherson" for Kherson oblast).
                if ((p.Source & NameSource.Venue) != 0)
                    continue;
                var oblast = kind == PlaceKind.Region && e.Rank >= 5
                             || kind == PlaceKind.Settlement && e.Rank == 5 && (p.Source & NameSource.Alternate) == 0;
                if (oblast && g.Admin1Key(p.Entry) is { } key && _admin1.Add(key) && RegionEntry < 0)
                    RegionEntry = g.RegionEntry(key);
            }
        }
        if (q.Level is DivisionLevel.Any or DivisionLevel.Raion || q.Level == DivisionLevel.Oblast && _admin1.Count == 0)
        {
            if (RaionStem(q.Name) is { } stem)
                _raions.Add(stem);
            // A raion the index knows by the name as written ("Zaporizkyi raion" for Zaporizhzhya
            // Raion): its own GeoNames name gives the stem its villages carry.
            foreach (var (word, level) in Recognition.GeoLexicon.Default.Divisions)
                if (level == DivisionLevel.Raion)
                    AddRaionsNamed(g, g.NodeOf($"{q.Name} {word}"));
            AddRaionsNamed(g, node);
        }
        if (q.Level == DivisionLevel.Hromada && node >= 0)
        {
            foreach (var p in g.Postings(node))
            {
                ref readonly var e = ref g.Entry(p.Entry);
                if ((PlaceKind)e.Kind == PlaceKind.Settlement && (p.Source & NameSource.Alternate) == 0)
                    _seats.Add((e.Lat, e.Lon));
            }
        }
    }

    /// <summary>True when the entry lies in the division.</summary>
    public bool Contains(Gazetteer g, int entry)
    {
        if (_admin1.Count > 0 && g.Admin1Key(entry) is { } key && _admin1.Contains(key))
            return true;
        if (_raions.Count > 0 && g.RaionStemOf(entry) is { } stem && _raions.Contains(stem))
            return true;
        ref readonly var e = ref g.Entry(entry);
        foreach (var (lat, lon) in _seats)
            if (GreatCircle.Km(lat, lon, e.Lat, e.Lon) <= HromadaKm)
                return true;
        return false;
    }

    /// <summary>The one first-level division the qualifier names, or null.</summary>
    public string? SingleAdmin1 => _admin1.Count == 1 ? _admin1.First() : null;

    /// <summary>True when the qualifier's name stands for some division at all.</summary>
    public bool Known => _admin1.Count > 0 || _seats.Count > 0 || _raions.Count > 0;

    private void AddRaionsNamed(Gazetteer g, int node)
    {
        if (node < 0)
            return;
        foreach (var p in g.Postings(node))
        {
            ref readonly var e = ref g.Entry(p.Entry);
            if ((PlaceKind)e.Kind == PlaceKind.Region && e.Rank == Index.FeatureRank.Of('A', "ADM2") && RaionStem(g.String(e.Name)) is { } stem)
                _raions.Add(stem);
        }
    }

    /// <summary>
    /// The stem raion names share however they are written: "Pokrovsk Raion", "Pokrovskyi district"
    /// and "Pokrovs'kyy rayon" all give "pokrov"; "Horlivka" and "Horlivskyi" give "horliv". The
    /// adjective suffix of the raion and the -sk, -ka or final vowel of its town name come off.
    /// </summary>
    public static string? RaionStem(string name)
    {
        var tokens = TextFold.SkeletonTokens(name);
        var lex = Recognition.GeoLexicon.Default;
        tokens.RemoveAll(t => lex.Divisions.ContainsKey(t) || lex.RegionWords.Contains(t));
        if (tokens.Count == 0)
            return null;
        var last = tokens[^1];
        if (last.EndsWith("ski", StringComparison.Ordinal) || last.EndsWith("ska", StringComparison.Ordinal) || last.EndsWith("ske", StringComparison.Ordinal))
            last = last[..^3];
        else if (last.EndsWith("sk", StringComparison.Ordinal))
            last = last[..^2];
        else if (last.EndsWith("ka", StringComparison.Ordinal) && last.Length > 5)
            last = last[..^2];
        else if (last.Length > 4 && last[^1] is 'a' or 'e' or 'i' or 'o')
            last = last[..^1];
        tokens[^1] = last;
        return string.Join(' ', tokens);
    }
}
