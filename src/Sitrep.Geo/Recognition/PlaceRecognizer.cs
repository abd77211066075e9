using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo;

/// <summary>
/// Finds place mentions in a span of text: the longest name of the index over folded words,
/// written as a proper name, that is not part of a person's or an organisation's name, with
/// the region or water word after it and the compass word before it.
/// </summary>
public sealed partial class PlaceRecognizer(Gazetteer gazetteer)
{
    private const int MinFuzzyLength = 7;

    private readonly Recognition.GeoLexicon _lex = Recognition.GeoLexicon.Default;

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>Mentions in text[start..end), in text order, not overlapping.</summary>
    public IReadOnlyList<PlaceMention> Find(string text, int start, int end) => Find(text, start, end, null);

    /// <summary>Mentions in text[start..end); the span's words are kept in <paramref name="words"/> for the geocoder.</summary>
    public IReadOnlyList<PlaceMention> Find(string text, int start, int end, DocumentWords? words)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || end > text.Length || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"span {start}..{end} is outside the text (length {text.Length})");
        var scratch = _scratch ??= new Scratch();
        var tokens = WordTokenizer.Tokenize(text, start, end, scratch.Tokens);
        var blocked = scratch.Blocked(tokens.Count);
        if (words?.Add(text, start, end, tokens, blocked) != true)
            Recognition.PersonNames.Scan(text, new WordList(tokens), _lex, blocked, null, complete: true);
        var found = scratch.Found;
        found.Clear();
        var from = 0;
        if (Dateline(text, tokens, blocked) is { } dateline)
        {
            found.Add(dateline.Mention);
            from = dateline.LastToken + 1;
        }
        // The list is not changed below: its words are read in place.
        var sentence = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (var i = from; i < sentence.Length; i++)
        {
            if (blocked[i] || !sentence[i].Capitalized)
                continue;
            var (last, node) = LongestName(text, tokens, blocked, i);
            int[]? fuzzy = null;
            if (NotAPlace(text, tokens, i, Math.Max(i, last)) is { } notPlaceLast)
            {
                i = notPlaceLast;
                continue;
            }
            if (last < 0)
            {
                fuzzy = FuzzyMatch(text, tokens, i);
                if (fuzzy is null)
                    continue;
                last = i;
            }
            else if (!Plausible(text, tokens, i, last, node))
            {
                continue;
            }
            if (last + 1 < tokens.Count && _lex.Is(tokens[last + 1], Recognition.WordClass.OrgWord)
                && WordTokenizer.Adjacent(text, tokens[last], tokens[last + 1]))
            {
                i = last + 1;
                continue;
            }
            if (Owner(text, tokens, last))
            {
                i = last;
                continue;
            }
            var noVenue = false;
            if (fuzzy is null && VenueName(node) is var venue && venue != VenueUse.None && !VenueAsLocation(text, tokens, i, last))
            {
                if (venue == VenueUse.Only)
                {
                    i = last;
                    continue;
                }
                noVenue = true;
            }
            if (CityPart(text, tokens, i, last))
            {
                found.Add(MakeMention(text, tokens, i, last, node, fuzzy, cityPart: true, noVenue: false));
                i = last + 1;
                continue;
            }
            found.Add(MakeMention(text, tokens, i, last, node, fuzzy, cityPart: false, noVenue));
            i = last + (found[^1].End > tokens[last].End ? 1 : 0);
        }
        var result = AttachQualifiers(text, tokens, blocked, DropWaterOfPorts(text, tokens, SpreadPluralRegion(text, found)));
        // The caller keeps the mentions and the next sentence reuses the thread's list: an exact copy out.
        return ReferenceEquals(result, found) ? (found.Count == 0 ? [] : found.ToArray()) : result;
    }

    /// <summary>
    /// A sentence's words and their person-name marks, made once per thread: <see cref="Find"/>
    /// is done with them when it returns (mentions keep offsets and strings, never the lists), and
    /// it copies the mentions it found out of its list.
    /// </summary>
    private sealed class Scratch
    {
        public readonly List<WordToken> Tokens = [];
        public readonly List<PlaceMention> Found = [];
        private bool[] _blocked = [];

        public bool[] Blocked(int count)
        {
            if (_blocked.Length < count)
                _blocked = new bool[Math.Max(count, 2 * _blocked.Length)];
            return _blocked;
        }
    }

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>
    /// A weapon, an aircraft maker, a unit or a side named like a place ("Oreshnik", "Sukhoi",
    /// "Azov", "DPR"). A self-styled republic is a territory after a locative ("in the DPR").
    /// </summary>
    /// <returns>The last token of the name that is no place, or null when the name is a place.</returns>
    private int? NotAPlace(string text, List<WordToken> tokens, int first, int last)
    {
        // The first word's key rules out almost every name before the folded span is built.
        if (!_lex.Is(tokens[first], Recognition.WordClass.NotPlaceFirst))
            return null;
        // The group's name may run past the place's ("Luhansk People's Militia" holds Luhansk).
        var end = -1;
        var territoryAfterLocative = false;
        for (var k = last; k < tokens.Count && k <= last + MaxNotPlaceTail; k++)
        {
            if (k > last && (!tokens[k].Capitalized || !WordTokenizer.Adjacent(text, tokens[k - 1], tokens[k])))
                break;
            if (_lex.NotPlaces.TryGetValue(TextFold.Fold(text.AsSpan(tokens[first].Start, tokens[k].End - tokens[first].Start)), out var territory))
                (end, territoryAfterLocative) = (k, territory);
        }
        if (end < 0)
            return null;
        if (!territoryAfterLocative)
            return end;
        var p = first - 1;
        while (p >= 0 && !tokens[p].Capitalized && _lex.Is(tokens[p], Recognition.WordClass.Article))
            p--;
        return p < 0 || !_lex.Is(tokens[p], Recognition.WordClass.Locative) ? end : null;
    }

    /// <summary>Words a non-place's name may run past the place name it starts with.</summary>
    private const int MaxNotPlaceTail = 3;

    /// <summary>"the Novyi neighbourhood": a named part of a city, not the village of that name.</summary>
    private bool CityPart(string text, List<WordToken> tokens, int first, int last)
    {
        if (last + 1 >= tokens.Count || !_lex.Is(tokens[last + 1], Recognition.WordClass.CityPart) || !WordTokenizer.Adjacent(text, tokens[last], tokens[last + 1]))
            return false;
        if (first == 0 || !_lex.Is(tokens[first - 1], Recognition.WordClass.Article))
            return false;
        return last + 2 >= tokens.Count || !_lex.Is(tokens[last + 2], Recognition.WordClass.Of);
    }

    /// <summary>Longest run of words from token i that is a name in the trie and ends on a capitalized word.</summary>
    private (int Last, int Node) LongestName(string text, List<WordToken> tokens, bool[] blocked, int i)
    {
        var g = Gazetteer;
        // Read in place: every capitalised word of every sentence starts a walk here.
        var words = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        int node = 0, bestLast = -1, bestNode = -1;
        for (var j = i; j < words.Length; j++)
        {
            ref readonly var t = ref words[j];
            if (j > i && (blocked[j] || !WordTokenizer.Adjacent(text, words[j - 1], t)))
                break;
            var word = t.Word;
            if (!ReferenceEquals(word.Index, g))
            {
                (word.Token, word.Root) = g.Word(word.Key);
                word.Index = g;
            }
            var child = node == 0 ? word.Root : g.Child(node, word.Token);
            if (j > i && !t.Capitalized && !_lex.Is(t, Recognition.WordClass.Connector) && child < 0)
                break;
            node = child;
            if (node < 0)
                break;
            // A long name may go on in lower case ("Zaporizhzhia nuclear power plant").
            if ((t.Capitalized || j - i >= 2) && g.HasPostings(node))
            {
                bestLast = j;
                bestNode = node;
            }
        }
        return (bestLast, bestNode);
    }

    /// <summary>
    /// A one-word name that is also an English word ("Victory", "Mobile", "Reading") or a name
    /// opening a sentence counts only when it can be a large place or a country.
    /// </summary>
    private bool Plausible(string text, List<WordToken> tokens, int first, int last, int node)
    {
        if (first != last)
            return true;
        if (Compass(tokens[first]))
            return false;
        var word = text.AsSpan(tokens[first].Start, tokens[first].Length);
        // "I", "Ii": one- and two-letter words are not worth the risk.
        if (word.Length < 3 && !IsAcronym(word))
            return false;
        // "NATO", "EEA", "SBU": an acronym is a place only by a curated name written just so ("US", "UK").
        if (IsAcronym(word))
        {
            foreach (var p in Gazetteer.Postings(node))
                if ((p.Source & NameSource.Curated) != 0 && word.SequenceEqual(Gazetteer.String(p.Variant)))
                    return true;
            return false;
        }
        var common = _lex.IsCommon(text, tokens[first]);
        // A venue's name ("Chequers", "Pentagon") is judged by the words before it, not as a word.
        if (!common || VenueName(node) != VenueUse.None)
            return true;
        foreach (var p in Gazetteer.Postings(node))
        {
            ref readonly var e = ref Gazetteer.Entry(p.Entry);
            var kind = (PlaceKind)e.Kind;
            var exactName = (p.Source & NameSource.Alternate) == 0;
            if (exactName && (kind is PlaceKind.Country or PlaceKind.Water && e.Rank >= 4
                              || kind == PlaceKind.Settlement && (e.Population >= 100_000 || e.Rank >= 5)))
                return !SentenceInitial(text, tokens, first) || kind == PlaceKind.Country;
        }
        return false;
    }

    /// <summary>
    /// "East of the river", "South, the army", "in the East": a compass word on its own is a
    /// direction, though GeoNames has regions so named (East in Cameroon, South in Iceland). Names
    /// that hold one ("North Macedonia", "West Bank") are matched whole before this is asked.
    /// </summary>
    private bool Compass(WordToken token) => _lex.Is(token, Recognition.WordClass.Direction);

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 5)
            return false;
        foreach (var c in word)
            if (!char.IsUpper(c))
                return false;
        return true;
    }

    private static bool SentenceInitial(string text, List<WordToken> tokens, int i)
    {
        for (var k = tokens[i].Start - 1; k >= 0; k--)
        {
            var c = text[k];
            if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '\u201C')
                return true;
            if (!char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }

    /// <summary>"Kropynmytskyi": one word, long, unknown, within one or two letters of exactly one Ukrainian or Russian place of some size.</summary>
    private int[]? FuzzyMatch(string text, List<WordToken> tokens, int i)
    {
        var key = tokens[i].Key;
        // A capitalized word opening a sentence is as likely any word as a misspelt place.
        if (key.Length < MinFuzzyLength || Compass(tokens[i]) || _lex.IsCommon(text, tokens[i]) || !char.IsLower(text[tokens[i].Start + 1])
            || SentenceInitial(text, tokens, i))
            return null;
        return _fuzzyMemo.TryGetValue(key, out var known) ? known : Remember(key, ScanFuzzy(key));
    }

    /// <summary>
    /// Fuzzy results by folded word. The same unknown words ("Ukrainian", "Telegram") come up in
    /// every report, and each scan compares against thousands of names, so a word is scanned once.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]?> _fuzzyMemo = new(StringComparer.Ordinal);

    /// <summary>Bounds the memo so memory stays flat over a year of news.</summary>
    private const int FuzzyMemoLimit = 200_000;

    private int[]? Remember(string key, int[]? result)
    {
        if (_fuzzyMemo.Count >= FuzzyMemoLimit)
            _fuzzyMemo.Clear();
        _fuzzyMemo[key] = result;
        return result;
    }

    private int[]? ScanFuzzy(string key)
    {
        var max = key.Length >= 11 ? 2 : 1;
        var best = max + 1;
        var hits = new List<int>();
        var places = new HashSet<(float, float)>();
        var g = Gazetteer;
        foreach (var f in g.FuzzyByFirstLetter(key[0]))
        {
            var (entry, name) = g.Fuzzy(f);
            if (Math.Abs(name.Length - key.Length) > max)
                continue;
            var d = TextFold.EditDistance(key, name, Math.Min(max, best));
            if (d > max || d > best)
                continue;
            if (d < best)
            {
                best = d;
                hits.Clear();
                places.Clear();
            }
            hits.Add(entry);
            places.Add((g.Entry(entry).Lat, g.Entry(entry).Lon));
        }
        if (hits.Count == 0)
            hits = SameConsonants(key);
        // Unambiguous means one place: a city and its region share a name but not a spot, so both must agree.
        if (hits.Count == 0 || hits.Select(h => g.String(g.Entry(h).Name)).Distinct().Count() > 1)
            return null;
        return hits.ToArray();
    }

    /// <summary>Fewest consonants a vowel-blind match needs: shorter keys meet too many names by chance.</summary>
    private const int MinConsonants = 5;

    /// <summary>
    /// Places whose consonants are the word's and whose vowels hold the word's in order, when no
    /// name is a letter or two off: vowels dropped from a long name ("Zaprozhia", "Sevrodonetsk").
    /// English words share consonants with places too ("Multiple", Melitopol) but not their vowels.
    /// </summary>
    private List<int> SameConsonants(string key)
    {
        var hits = new List<int>();
        var consonants = Recognition.ConsonantKey.Of(key);
        if (consonants.Length < MinConsonants)
            return hits;
        var g = Gazetteer;
        foreach (var f in g.FuzzyByConsonants(consonants))
        {
            var (entry, name) = g.Fuzzy(f);
            if (name.Length > 0 && name[0] == key[0] && name.Length >= key.Length && name.Length - key.Length <= 4 && Recognition.ConsonantKey.VowelsWithin(key, name))
                hits.Add(entry);
        }
        return hits;
    }

    private PlaceMention MakeMention(string text, List<WordToken> tokens, int first, int last, int node, int[]? fuzzy, bool cityPart = false, bool noVenue = false)
    {
        var start = tokens[first].Start;
        var nameEnd = tokens[last].End;
        var end = nameEnd;
        var hint = HintFromIndex(node, fuzzy);
        string? sector = null;
        if (_lex.Is(tokens[last], Recognition.WordClass.RegionWord) && last > first)
            hint = PlaceKind.Region;
        else if ((_lex.Is(tokens[last], Recognition.WordClass.WaterWord) || _lex.Is(tokens[first], Recognition.WordClass.WaterWord)) && last > first)
            hint = PlaceKind.Water;
        else if (last + 1 < tokens.Count && WordTokenizer.Adjacent(text, tokens[last], tokens[last + 1]))
        {
            var next = tokens[last + 1];
            if (_lex.Is(next, Recognition.WordClass.RegionWord) && hint != PlaceKind.Country)
            {
                hint = PlaceKind.Region;
                end = tokens[last + 1].End;
            }
            else if (_lex.Is(next, Recognition.WordClass.SectorWord) && hint == PlaceKind.Settlement && !next.Capitalized)
            {
                sector = text[tokens[last + 1].Start..tokens[last + 1].End];
                end = tokens[last + 1].End;
            }
            else if (_lex.Is(next, Recognition.WordClass.WaterWord))
            {
                hint = PlaceKind.Water;
                end = tokens[last + 1].End;
            }
        }
        var settlementCue = false;
        var p = first - 1;
        if (p >= 0 && _lex.Is(tokens[p], Recognition.WordClass.Of) && p - 1 >= 0 && _lex.Is(tokens[p - 1], Recognition.WordClass.SettlementCue))
            settlementCue = true;
        if (p >= 0 && _lex.Is(tokens[p], Recognition.WordClass.SettlementCue) && !tokens[p].Capitalized)
            settlementCue = true;
        if (settlementCue && hint == PlaceKind.Region && end == nameEnd)
            hint = PlaceKind.Settlement;
        var surface = text[start..end];
        return new PlaceMention(start, end, surface, hint)
        {
            // Most mentions are their name alone: one string serves as both.
            Name = nameEnd == end ? surface : text[start..nameEnd],
            CityPart = cityPart,
            NoVenue = noVenue,
            Bearing = BearingBefore(text, tokens, first),
            Fuzzy = fuzzy is not null,
            SettlementCue = settlementCue,
            Sector = sector,
            Node = node,
            FuzzyEntries = fuzzy,
        };
    }

    /// <summary>The kind the most important exact name says: "Crimea" a region, "Finland" a country, "Kyiv" a settlement.</summary>
    private PlaceKind HintFromIndex(int node, int[]? fuzzy)
    {
        var g = Gazetteer;
        if (fuzzy is not null)
            return (PlaceKind)g.Entry(fuzzy[0]).Kind;
        if (node < 0)
            return HintOfPostings(node);
        // The hint is the node's alone, and reports name the same places over and over: each
        // node's is read once (kind + 1; 0 not yet). Blocks are made as first asked, as the index's
        // strings are; threads that race write the same value.
        var blocks = _hints ??= new byte[]?[(g.NodeCount >> HintBlockBits) + 1];
        var block = blocks[node >> HintBlockBits] ??= new byte[1 << HintBlockBits];
        ref var known = ref block[node & ((1 << HintBlockBits) - 1)];
        if (known == 0)
            known = (byte)((int)HintOfPostings(node) + 1);
        return (PlaceKind)(known - 1);
    }

    private const int HintBlockBits = 10;

    /// <summary>The hint of each node asked, by node id, in blocks of 2^<see cref="HintBlockBits"/>.</summary>
    private byte[]?[]? _hints;

    private PlaceKind HintOfPostings(int node)
    {
        var g = Gazetteer;
        var bestKind = PlaceKind.Settlement;
        var bestScore = -1;
        foreach (var p in g.Postings(node))
        {
            ref readonly var e = ref g.Entry(p.Entry);
            // A venue is a building, though it is read as the town it stands in.
            var kind = (p.Source & NameSource.Venue) != 0 ? PlaceKind.Facility : (PlaceKind)e.Kind;
            // Alternates speak only for places big enough to be known by them ("Kirovohrad", "Kharkov").
            if ((p.Source & NameSource.Alternate) != 0 && !(kind == PlaceKind.Settlement && (e.Population >= 10_000 || e.Rank >= 4))
                && !(kind == PlaceKind.Water && e.Rank >= 4))
                continue;
            // Settlements outrank regions of the same name (Donetsk the city); countries outrank all.
            var score = kind switch
            {
                PlaceKind.Country => 100,
                PlaceKind.Settlement => 10 + e.Rank * 2,
                PlaceKind.Region => e.Rank * 2,
                PlaceKind.Water => e.Rank >= 4 ? 20 : 1,
                _ => 5,
            };
            if (score > bestScore)
            {
                bestScore = score;
                bestKind = kind;
            }
        }
        return bestScore < 0 ? PlaceKind.Settlement : bestKind;
    }

    /// <summary>"the northeastern Kharkiv region" → 45; "north-eastern" joins its two words.</summary>
    private int? BearingBefore(string text, List<WordToken> tokens, int first)
    {
        var p = first - 1;
        if (p < 0 || !_lex.Directions.TryGetValue(tokens[p].Key, out var bearing))
            return null;
        if (p - 1 >= 0 && _lex.Directions.TryGetValue(tokens[p - 1].Key, out var before) && before >= 0 && bearing >= 0
            && text.AsSpan(tokens[p - 1].End, tokens[p].Start - tokens[p - 1].End).Trim().SequenceEqual("-"))
            bearing = CircularMean(before, bearing);
        return bearing;
    }

    private static int CircularMean(int a, int b)
    {
        var x = Math.Cos(a * Math.PI / 180) + Math.Cos(b * Math.PI / 180);
        var y = Math.Sin(a * Math.PI / 180) + Math.Sin(b * Math.PI / 180);
        return ((int)Math.Round(Math.Atan2(y, x) * 180 / Math.PI) + 360) % 360;
    }

    /// <summary>"Luhansk and Kharkiv regions", "Donetsk, Luhansk and Zaporizhzhia oblasts": the plural region word covers every name of the list.</summary>
    private static List<PlaceMention> SpreadPluralRegion(string text, List<PlaceMention> found)
    {
        var plural = false;
        for (var k = found.Count - 1; k >= 0; k--)
        {
            var m = found[k];
            var nameEnd = m.Start + m.Name.Length;
            if (m.KindHint == PlaceKind.Region && m.End > nameEnd)
            {
                plural = TextFold.Skeleton(text.AsSpan(nameEnd, m.End - nameEnd)).EndsWith('s');
                continue;
            }
            if (plural && k + 1 < found.Count)
            {
                var gap = text.AsSpan(m.End, found[k + 1].Start - m.End).Trim();
                if (gap.SequenceEqual(",") || gap.SequenceEqual("and") || gap.SequenceEqual(", and") || gap.SequenceEqual("or"))
                {
                    found[k] = m with { KindHint = PlaceKind.Region };
                    continue;
                }
            }
            plural = false;
        }
        return found;
    }
}
