using Sitrep.Geo.Index;
using Sitrep.Geo.Resolution;
using Sitrep.Geo.Text;

namespace Sitrep.Geo;

// Admin qualifiers: "Novoselivka, Kherson", "Petrivka (Kharkiv oblast)", "Ivanivka in the Bakhmut
// raion", "Kalynivka of the Kupiansk hromada". The division narrows the place before it and is
// folded into that mention, so no later stage takes it for a place of its own.
public sealed partial class PlaceRecognizer
{
    private const int MaxQualifiers = 2;
    private const int MaxDivisionNameWords = 3;

    /// <summary>Folds each qualifier into the mention it qualifies; returns the mentions left.</summary>
    private List<PlaceMention> AttachQualifiers(string text, List<WordToken> tokens, bool[] blocked, List<PlaceMention> found)
    {
        if (found.Count == 0)
            return found;
        found = AddUnknownQualified(text, tokens, blocked, found);
        // Most sentences' mentions have no qualifier: the list is copied only from the first that has one.
        List<PlaceMention>? result = null;
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            // A region's bare name may be a village's too ("Chechnya, Donetsk region"): the division after it says which.
            if (a.KindHint is not (PlaceKind.Settlement or PlaceKind.Facility) && !(a.KindHint == PlaceKind.Region && a.End == a.Start + a.Name.Length))
            {
                result?.Add(a);
                continue;
            }
            var at = i;
            List<PlaceQualifier>? qualifiers = null;
            var from = a.End;
            var regionName = a.KindHint == PlaceKind.Region;
            while ((qualifiers?.Count ?? 0) < MaxQualifiers && ReadQualifier(text, tokens, found, i + 1, from, a, qualifiers is null) is { } q
                   && (!regionName || SettlementInside(q.Qualifier, a)))
            {
                (qualifiers ??= []).Add(q.Qualifier);
                from = q.Qualifier.End;
                // Mentions inside the qualifier are the division's name, not places.
                while (i + 1 < found.Count && found[i + 1].Start < from)
                    i++;
            }
            if (qualifiers is null)
            {
                result?.Add(a);
                continue;
            }
            if (result is null)
            {
                result = new List<PlaceMention>(found.Count);
                for (var k = 0; k < at; k++)
                    result.Add(found[k]);
            }
            result.Add(a with { Qualifiers = qualifiers, KindHint = regionName ? PlaceKind.Settlement : a.KindHint });
        }
        return result ?? found;
    }

    /// <summary>
    /// "near Hnylytsia, Kharkiv region": a village the index does not know, told with its division,
    /// is a place of its own (kept without coordinates) rather than leaving the division to stand for it.
    /// </summary>
    private List<PlaceMention> AddUnknownQualified(string text, List<WordToken> tokens, bool[] blocked, List<PlaceMention> found)
    {
        List<PlaceMention>? result = null;
        for (var i = 0; i < found.Count; i++)
        {
            var b = found[i];
            var first = FirstTokenFrom(tokens, b.Start);
            var w = first - 1;
            // "Hnylytsia in the Kharkiv region", "Chop of the Uzhhorod district": the worded division after a preposition.
            var before = first;
            if (w >= 0 && _lex.Is(tokens[w], Recognition.WordClass.Article) && !tokens[w].Capitalized)
                w--;
            if (w >= 0 && _lex.Is(tokens[w], Recognition.WordClass.Within) && !tokens[w].Capitalized)
                before = w--;
            if (w < 1 || b.KindHint is PlaceKind.Country or PlaceKind.Water || !Worded(text, tokens, b))
                continue;
            var gap = text.AsSpan(tokens[w].End, tokens[before].Start - tokens[w].End).Trim();
            var joined = before < first ? gap.IsEmpty || gap.SequenceEqual(",") : gap.SequenceEqual(",") || gap.SequenceEqual("(");
            if (!joined || (i > 0 && found[i - 1].End > tokens[w].Start))
                continue;
            var word = tokens[w];
            var cue = tokens[w - 1];
            if (!word.Capitalized || blocked[w] || word.Length < 3 || cue.Capitalized || !_lex.Is(cue, Recognition.WordClass.UnknownPlaceCue))
                continue;
            var common = _lex.IsCommon(text, word);
            var known = Gazetteer.NodeOf(text[word.Start..word.End]) is var node && node >= 0 && Gazetteer.HasPostings(node);
            // "in Chop, Uzhhorod district", "near Smile (Sumy oblast)": an English word the index
            // knows as a village, told with its division, is that village; found only here, since
            // the word alone is left to prose.
            PlaceMention mention;
            if (common && known)
                mention = MakeMention(text, tokens, w, w, node, null) with { KindHint = PlaceKind.Settlement };
            else if (!common && !known && word.Length >= 4)
                mention = new PlaceMention(word.Start, word.End, text[word.Start..word.End], PlaceKind.Settlement);
            else
                continue;
            result ??= [.. found];
            result.Insert(result.IndexOf(b), mention);
        }
        return result ?? found;
    }

    /// <summary>True when a division word follows the mention's name ("Kharkiv region", "Bakhmut raion").</summary>
    private bool Worded(string text, List<WordToken> tokens, PlaceMention b)
    {
        var k = FirstTokenFrom(tokens, b.Start + b.Name.Length);
        return k >= 0 && _lex.Is(tokens[k], Recognition.WordClass.Division) && tokens[k].Start - (b.Start + b.Name.Length) <= 1
               || EndsInDivisionWord(tokens, b);
    }

    /// <summary>True when the index knows the division with its word ("Sumskyi district", "Bakhmutskyi raion" are raion names).</summary>
    private bool EndsInDivisionWord(List<WordToken> tokens, PlaceMention b)
    {
        var end = b.Start + b.Name.Length;
        var k = FirstTokenFrom(tokens, b.Start);
        if (k < 0)
            return false;
        while (k + 1 < tokens.Count && tokens[k + 1].End <= end)
            k++;
        return tokens[k].End == end && tokens[k].Start > b.Start && _lex.Is(tokens[k], Recognition.WordClass.Division);
    }

    private (PlaceQualifier Qualifier, int LastToken)? ReadQualifier(
        string text, List<WordToken> tokens, List<PlaceMention> found, int next, int from, PlaceMention a, bool first)
    {
        var p = FirstTokenFrom(tokens, from);
        if (p < 0)
            return null;
        var gap = text.AsSpan(from, tokens[p].Start - from).Trim();
        // "Yampil’, Sumy": the soft sign's apostrophe ends the name, not the gap.
        while (gap.Length > 0 && TextFold.IsApostrophe(gap[0]))
            gap = gap[1..].TrimStart();
        var comma = gap.SequenceEqual(",");
        var paren = gap.SequenceEqual("(") && first;
        if (!comma && !paren && gap.Length > 0)
            return null;
        // "in the", "of the", ", in the": a preposition makes the division word compulsory.
        var preposition = false;
        if (_lex.Is(tokens[p], Recognition.WordClass.Within) && !tokens[p].Capitalized)
        {
            preposition = true;
            p++;
        }
        if (!comma && !paren && !preposition)
            return null;
        if (p < tokens.Count && _lex.Is(tokens[p], Recognition.WordClass.Article) && !tokens[p].Capitalized)
            p++;
        while (p < tokens.Count && !tokens[p].Capitalized && _lex.Is(tokens[p], Recognition.WordClass.Direction))
            p++;
        if (p >= tokens.Count || !tokens[p].Capitalized)
            return null;
        var bearing = BearingBefore(text, tokens, p);

        // The division's name: a mention found there, or capitalized words before a division word.
        var nameFirst = p;
        var nameLast = -1;
        var mention = next < found.Count && found[next].Start == tokens[p].Start ? found[next] : null;
        if (mention is not null)
        {
            if (mention.KindHint is PlaceKind.Country or PlaceKind.Water)
                return null;
            nameLast = FirstTokenFrom(tokens, mention.Start);
            while (nameLast >= 0 && nameLast + 1 < tokens.Count && tokens[nameLast].End < mention.Start + mention.Name.Length)
                nameLast++;
            bearing ??= mention.Bearing;
        }
        else
        {
            for (var k = p; k < tokens.Count && k < p + MaxDivisionNameWords && tokens[k].Capitalized; k++)
            {
                if (k > p && !WordTokenizer.Adjacent(text, tokens[k - 1], tokens[k]))
                    break;
                if (k + 1 < tokens.Count && _lex.Is(tokens[k + 1], Recognition.WordClass.Division) && WordTokenizer.Adjacent(text, tokens[k], tokens[k + 1]))
                {
                    nameLast = k;
                    break;
                }
            }
        }
        if (nameLast < 0)
            return null;
        var level = DivisionLevel.Any;
        var last = nameLast;
        if (mention is not null && nameLast > p && _lex.Divisions.TryGetValue(tokens[nameLast].Key, out var named))
        {
            level = named;
            nameLast--;
        }
        else if (nameLast + 1 < tokens.Count && _lex.Divisions.TryGetValue(tokens[nameLast + 1].Key, out var worded)
            && WordTokenizer.Adjacent(text, tokens[nameLast], tokens[nameLast + 1]))
        {
            level = worded;
            last = nameLast + 1;
        }
        // After "in", a bare name qualifies only when it names a region and no city of note:
        // "Palm Beach in Florida", "Dzhankoi in Crimea"; "Bucha in Kyiv" may be two places.
        if (level == DivisionLevel.Any && (preposition && !(mention is not null && RegionOnly(mention)) || ListGoesOn(text, tokens, last)))
            return null;
        if (paren && !CloseParenAfter(text, tokens[last].End))
            return null;
        var q = new PlaceQualifier(tokens[nameFirst].Start, tokens[last].End, text[tokens[nameFirst].Start..tokens[nameLast].End], level) { Bearing = bearing };
        return Admits(q, a, level == DivisionLevel.Any) ? (q, last) : null;
    }

    /// <summary>True when the name is a first-level division's own and no large town's ("Florida", "Crimea", not "Kharkiv").</summary>
    private bool RegionOnly(PlaceMention m)
    {
        var node = m.Node >= 0 ? m.Node : Gazetteer.NodeOf(m.Name);
        if (node < 0)
            return false;
        var region = false;
        foreach (var p in Gazetteer.Postings(node))
        {
            if ((p.Source & (NameSource.Alternate | NameSource.Venue)) != 0)
                continue;
            ref readonly var e = ref Gazetteer.Entry(p.Entry);
            var kind = (PlaceKind)e.Kind;
            if (kind == PlaceKind.Region && e.Rank >= 5)
                region = true;
            else if (kind == PlaceKind.Settlement && e.Population >= Resolution.Weights.MajorCityPopulation)
                return false;
        }
        return region;
    }

    private static int FirstTokenFrom(List<WordToken> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < tokens.Count ? lo : -1;
    }

    /// <summary>"Kherson, Mykolaiv and Odesa": a bare name followed by more names is a list, not a qualifier.</summary>
    private bool ListGoesOn(string text, List<WordToken> tokens, int last)
    {
        if (last + 1 >= tokens.Count)
            return false;
        var between = text.AsSpan(tokens[last].End, tokens[last + 1].Start - tokens[last].End).Trim();
        var nextWord = tokens[last + 1];
        if (between.SequenceEqual(",") && nextWord.Capitalized)
            return true;
        if (between.Length == 0 && _lex.Is(nextWord, Recognition.WordClass.Coordinator) && last + 2 < tokens.Count && tokens[last + 2].Capitalized)
            return true;
        return between.SequenceEqual(",") && _lex.Is(nextWord, Recognition.WordClass.Coordinator);
    }

    private static bool CloseParenAfter(string text, int offset)
    {
        for (var k = offset; k < text.Length; k++)
        {
            if (text[k] == ')')
                return true;
            if (!char.IsWhiteSpace(text[k]))
                return false;
        }
        return false;
    }

    /// <summary>
    /// A bare name qualifies a place only when some place of that name lies in it, and not when the
    /// first name is also a large place outside it ("Kharkiv, Kyiv" is a list). A worded division
    /// ("Bakhmut raion") qualifies unless the first name is a large place outside it.
    /// </summary>
    private bool Admits(PlaceQualifier q, PlaceMention a, bool bare)
    {
        var g = Gazetteer;
        var scope = new DivisionScope(g, q);
        if (!scope.Known)
            return false;
        var inside = false;
        var largeOutside = false;
        foreach (var entry in EntriesOf(a))
        {
            ref readonly var e = ref g.Entry(entry.Entry);
            if ((PlaceKind)e.Kind is not (PlaceKind.Settlement or PlaceKind.Facility))
                continue;
            if (scope.Contains(g, entry.Entry))
                inside = true;
            else if (entry.Main && (e.Rank >= 5 || e.Population >= 100_000))
                largeOutside = true;
        }
        // A division word says "qualifier" even when the gazetteer has no namesake inside it.
        return bare ? inside && !largeOutside : inside || !largeOutside;
    }

    /// <summary>True when a settlement of the mention's name lies in the division.</summary>
    private bool SettlementInside(PlaceQualifier q, PlaceMention a)
    {
        var scope = new DivisionScope(Gazetteer, q);
        return scope.Known && EntriesOf(a).Any(x => (PlaceKind)Gazetteer.Entry(x.Entry).Kind == PlaceKind.Settlement && scope.Contains(Gazetteer, x.Entry));
    }

    private IEnumerable<(int Entry, bool Main)> EntriesOf(PlaceMention a)
    {
        if (a.FuzzyEntries is { } fuzzy)
        {
            foreach (var e in fuzzy)
                yield return (e, true);
            yield break;
        }
        var node = a.Node >= 0 ? a.Node : Gazetteer.NodeOf(a.Name);
        if (node < 0)
            yield break;
        var postings = Gazetteer.Postings(node).ToArray();
        foreach (var p in postings)
            yield return (p.Entry, (p.Source & NameSource.Alternate) == 0);
    }
}
