using System.Runtime.InteropServices;
using Sitrep.Geo.Index;
using Sitrep.Geo.Recognition;
using Sitrep.Geo.Resolution;
using Sitrep.Geo.Text;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>
/// Resolves the mentions of one document together, so that the region and the other places
/// named pick among same-named candidates. Recall, then rank on typed features, with an explicit
/// no-match: a mention whose best candidate scores below it is not a place in context.
/// </summary>
public sealed class Geocoder(Gazetteer gazetteer)
{
    private readonly GeoLexicon _lex = GeoLexicon.Default;

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>Where the war is beyond this report (the run's other events, the store, a front-line file); null for none.</summary>
    public FrontPrior? Prior { get; init; }

    /// <summary>Let the report's own unambiguous places decide between namesakes nothing else tells apart.</summary>
    public bool DocumentPrior { get; init; } = true;

    /// <summary>One result per mention, in order: a Place (coordinates null when unresolved), or null when the mention is not a place in context.</summary>
    /// <param name="sentences">The document's sentences as the segmenter found them, in text order; when null, sentence ends are guessed from punctuation.</param>
    public IReadOnlyList<Place?> Resolve(string text, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<SentenceSpan>? sentences = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        return Rank(text, mentions, sentences).Select(r => r.Place).ToList();
    }

    /// <summary>
    /// The document's places, which of them the text alone settles beyond doubt (places a run's
    /// other reports may lean on), and whether a prior from outside the report could change any.
    /// </summary>
    /// <param name="words">The report's words as the recognizer split them; when null, the text is split again.</param>
    public PlaceSurvey Survey(string text, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<SentenceSpan>? sentences = null, DocumentWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        // Read from the ranking's own arrays: a result record per mention was a sixth of what ranking allocated.
        var states = RankStates(text, mentions, sentences, words, out var places, out var outcomes);
        var unambiguous = new bool[states.Length];
        var priorAsked = false;
        for (var i = 0; i < states.Length; i++)
        {
            unambiguous[i] = Unambiguous(states[i], places[i], outcomes[i]);
            priorAsked |= states[i].PriorAsked;
        }
        return new PlaceSurvey(places, unambiguous, priorAsked);
    }

    /// <summary>The same geocoder, leaning on <paramref name="prior"/> for namesakes the text leaves tied.</summary>
    public Geocoder WithPrior(FrontPrior? prior) => new(Gazetteer) { Prior = prior, DocumentPrior = DocumentPrior };

    /// <summary>
    /// A settlement the text places on its own: resolved, clear of every namesake by more than
    /// any prior could bridge. Such places may steer other reports; a place the prior chose may not,
    /// or one guess would breed the next.
    /// </summary>
    private static bool Unambiguous(MentionState s, Place? place, MentionOutcome outcome) =>
        outcome == MentionOutcome.Resolved && place is { Kind: PlaceKind.Settlement, Lat: not null } && !s.Mention.CityPart
        && !s.PriorAsked && s.Best is not null && s.Margin >= Weights.PriorTierMargin;

    /// <summary>
    /// The mention states of the reports this thread ranks, reused report after report: the
    /// results of <see cref="Rank"/> hold them, so they are good until the thread's next ranking.
    /// </summary>
    [ThreadStatic]
    private static List<MentionState>? _states;

    /// <summary>A live blog's thousands of mentions are ranked with states of their own, not kept for the thread.</summary>
    private const int MaxPooledStates = 1 << 12;

    /// <summary>The full ranking per mention, for tests and the benchmark's failure analysis; good until this thread's next ranking.</summary>
    internal IReadOnlyList<Resolution.MentionResult> Rank(string text, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<SentenceSpan>? sentences = null, DocumentWords? words = null)
    {
        var states = RankStates(text, mentions, sentences, words, out var places, out var outcomes);
        var results = new List<MentionResult>(states.Length);
        for (var i = 0; i < states.Length; i++)
            results.Add(new MentionResult(states[i].Mention, places[i], outcomes[i], states[i]));
        return results;
    }

    /// <summary>
    /// The ranking: each mention's state (the thread's, good until its next ranking), place and outcome.
    /// </summary>
    private MentionState[] RankStates(string text, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<SentenceSpan>? sentences, DocumentWords? words,
        out Place?[] places, out MentionOutcome[] outcomes)
    {
        // One set per thread, cleared per report: a new set per report copied all its surnames into fresh buckets.
        var surnames = _surnames ??= new HashSet<string>(StringComparer.Ordinal);
        surnames.Clear();
        (words ?? new DocumentWords(text)).AddSurnames(text, surnames);

        var pool = _states ??= [];
        var states = new MentionState[mentions.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var m = mentions[i];
            if (i == pool.Count && pool.Count < MaxPooledStates)
                pool.Add(new MentionState());
            var s = states[i] = (i < pool.Count ? pool[i] : new MentionState()).Reset(m, i, Divisions(m));
            if (SameRecall(states, i) is { } earlier)
                s.Candidates.AddRange(CollectionsMarshal.AsSpan(earlier.Candidates));
            else
                Recall(m, s.FoldedName, s.Candidates);
            s.IsPerson = IsPersonName(m, surnames);
        }
        var order = TextOrder(states);
        Link(text, states, order);

        var ctx = DocumentContext.ForReport();
        // Pass 1: priors only. Pass 2: the document's regions, countries, qualifiers and aliases.
        // Pass 3: nearness to the places pass 2 resolved with confidence.
        foreach (var s in states)
            Score(s, states, ctx);
        var sentenceOf = sentences is null ? SentenceNumbers(text, states, order) : SentenceNumbers(sentences, states);
        ctx.Gather(states, Gazetteer, sentenceOf);
        foreach (var s in states)
            Score(s, states, ctx);
        ctx.AddAnchors(states, Gazetteer, Positions(order));
        foreach (var s in states)
            Score(s, states, ctx);

        places = new Place?[states.Length];
        outcomes = new MentionOutcome[states.Length];
        for (var i = 0; i < states.Length; i++)
            (places[i], outcomes[i]) = Decide(states[i], ctx);
        ResolveCityParts(states, places, outcomes, order);
        ResolveForeignRegions(states, places, outcomes);
        return states;
    }

    /// <summary>
    /// A region far from the war named bare ("met in Florida") stands for the one town of it the
    /// report names ("talks held at Mar-a-Lago" in Palm Beach): copy names the state for a venue
    /// it told elsewhere. With two or more towns of it named, or none, the region stays.
    /// The war's own regions never narrow so: "the Kharkiv region" is not Kharkiv.
    /// </summary>
    private void ResolveForeignRegions(MentionState[] states, Place?[] places, MentionOutcome[] outcomes)
    {
        var g = Gazetteer;
        Dictionary<string, int>? townOf = null;
        for (var i = 0; i < states.Length; i++)
        {
            if (outcomes[i] != MentionOutcome.Resolved || states[i].Best is not { } best || (PlaceKind)g.Entry(best).Kind != PlaceKind.Settlement
                || g.Admin1Key(best) is not { } key)
                continue;
            townOf ??= new Dictionary<string, int>(StringComparer.Ordinal);
            townOf[key] = townOf.TryGetValue(key, out var other) && other != best ? -1 : best;
        }
        if (townOf is null)
            return;
        for (var i = 0; i < states.Length; i++)
        {
            var m = states[i].Mention;
            if (outcomes[i] != MentionOutcome.Resolved || places[i] is not { Kind: PlaceKind.Region, Country: not ("UA" or "RU") }
                || m.End != m.Start + m.Name.Length || states[i].Best is not { } region || g.Admin1Key(region) is not { } key
                || !townOf.TryGetValue(key, out var town) || town < 0)
                continue;
            (places[i], outcomes[i]) = (g.ToPlace(town, m.Text), MentionOutcome.Resolved);
        }
    }

    /// <summary>
    /// A named part of a city ("the Novyi neighbourhood") is a settlement told before it: the one
    /// a feature of that name lies in or beside (GeoNames keeps many city parts and absorbed
    /// villages), else the last one told; with none told, no place.
    /// </summary>
    private void ResolveCityParts(MentionState[] states, Place?[] places, MentionOutcome[] outcomes, int[] order)
    {
        var g = Gazetteer;
        var told = new List<int>();
        foreach (var i in order)
        {
            var s = states[i];
            if (s.Mention.CityPart)
            {
                int? city = told.Count > 0 ? told[^1] : null;
                var nearest = Weights.CityPartKm;
                foreach (var t in told)
                    foreach (var c in s.Candidates)
                    {
                        ref readonly var a = ref g.Entry(t);
                        ref readonly var b = ref g.Entry(c.Entry);
                        var km = GreatCircle.Km(a.Lat, a.Lon, b.Lat, b.Lon);
                        if (km < nearest)
                            (nearest, city) = (km, t);
                    }
                (places[i], outcomes[i]) = city is { } found
                    ? (g.ToPlace(found, s.Mention.Text), MentionOutcome.Resolved)
                    : (null, MentionOutcome.NoMatch);
                continue;
            }
            if (outcomes[i] == MentionOutcome.Resolved && s.Best is { } best && (PlaceKind)g.Entry(best).Kind == PlaceKind.Settlement)
                told.Add(best);
        }
    }

    /// <summary>The sentence each mention stands in, counted by sentence-ending marks before it.</summary>
    private static int[] SentenceNumbers(string text, MentionState[] states, int[] order)
    {
        var numbers = new int[states.Length];
        var sentence = 0;
        var pos = 0;
        foreach (var i in order)
        {
            var start = Math.Clamp(states[i].Mention.Start, pos, text.Length);
            for (; pos < start; pos++)
                if (text[pos] is '.' or '!' or '?' or '\n' && (pos + 1 >= text.Length || char.IsWhiteSpace(text[pos + 1])))
                    sentence++;
            numbers[i] = sentence;
        }
        return numbers;
    }

    /// <summary>The sentence of the layout each mention starts in (the last one starting at or before it).</summary>
    private static int[] SentenceNumbers(IReadOnlyList<SentenceSpan> sentences, MentionState[] states)
    {
        var numbers = new int[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            int lo = 0, hi = sentences.Count - 1, at = 0;
            var start = states[i].Mention.Start;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (sentences[mid].Start <= start)
                {
                    at = mid;
                    lo = mid + 1;
                }
                else
                    hi = mid - 1;
            }
            numbers[i] = at;
        }
        return numbers;
    }

    /// <summary>Each mention's rank in text order.</summary>
    private static int[] Positions(int[] order)
    {
        var position = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
            position[order[k]] = k;
        return position;
    }

    /// <summary>Mention indices by position in the text: callers may hand mentions over in any order.</summary>
    /// <remarks>
    /// Worked out once per report and shared by every step that walks the text. An insertion sort,
    /// stable like the ordering it replaced: the recognizer hands mentions over in text order, so
    /// it is one pass, where OrderBy made keys, maps and delegates four times a report.
    /// </remarks>
    private static int[] TextOrder(MentionState[] states)
    {
        var order = new int[states.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var start = states[i].Mention.Start;
            var k = i;
            for (; k > 0 && states[order[k - 1]].Mention.Start > start; k--)
                order[k] = order[k - 1];
            order[k] = i;
        }
        return order;
    }

    private DivisionScope[] Divisions(PlaceMention m)
    {
        if (m.Qualifiers.Count == 0)
            return [];
        var divisions = new DivisionScope[m.Qualifiers.Count];
        for (var k = 0; k < divisions.Length; k++)
            divisions[k] = new DivisionScope(Gazetteer, m.Qualifiers[k]);
        return divisions;
    }

    /// <summary>
    /// An earlier mention of the report whose candidates <see cref="Recall"/> would give mention
    /// <paramref name="i"/> too, or null. Recall reads only the name's node (or its folded name
    /// when it has none), the fold, whether venues are left out and the fuzzy entries; a report
    /// names its places again and again, and each recall walked every posting of the name.
    /// Only the few mentions before are looked at, so a long live blog stays linear.
    /// </summary>
    private static MentionState? SameRecall(MentionState[] states, int i)
    {
        var m = states[i].Mention;
        if (m.FuzzyEntries is not null)
            return null;
        for (var k = i - 1; k >= 0 && k >= i - SameRecallReach; k--)
        {
            var o = states[k].Mention;
            if (o.FuzzyEntries is null && o.Node == m.Node && o.NoVenue == m.NoVenue
                && (m.Node >= 0 ? states[k].FoldedName == states[i].FoldedName : o.Name == m.Name))
                return states[k];
        }
        return null;
    }

    /// <summary>How many mentions back <see cref="SameRecall"/> looks for the same name.</summary>
    private const int SameRecallReach = 64;

    /// <summary>The surnames of the report being ranked; one set per thread, reused.</summary>
    [ThreadStatic]
    private static HashSet<string>? _surnames;

    /// <summary>Fills <paramref name="result"/> (empty) with the mention's candidates; <paramref name="folded"/> is its name folded.</summary>
    private void Recall(PlaceMention m, string folded, List<Candidate> result)
    {
        var g = Gazetteer;
        if (m.FuzzyEntries is { } fuzzy)
        {
            foreach (var e in fuzzy)
                result.Add(new Candidate(e, NameSource.Primary, Exact: false, Fuzzy: true));
            return;
        }
        var node = m.Node >= 0 ? m.Node : g.NodeOf(m.Name);
        if (node < 0)
            return;
        var index = _recallIndex ??= new Dictionary<int, int>();
        index.Clear();
        foreach (var p in g.Postings(node))
        {
            if (m.NoVenue && (p.Source & NameSource.Venue) != 0)
                continue;
            var exact = g.Folded(p.Variant) == folded;
            var source = p.Source;
            // "New York" for New York City, "Kuwait" for Kuwait City: the name without its "City" is the city's own.
            if ((source & NameSource.Alternate) != 0 && exact && (PlaceKind)g.Entry(p.Entry).Kind == PlaceKind.Settlement
                && IsNamePlusSuffix(g.Folded(g.Entry(p.Entry).Name), folded))
                source = NameSource.Primary;
            var c = new Candidate(p.Entry, source, exact, Fuzzy: false, AnyExact: exact);
            if (index.TryGetValue(p.Entry, out var at))
            {
                var old = result[at];
                if (c.ByMainName && !old.ByMainName || c.ByMainName == old.ByMainName && c.Exact && !old.Exact)
                    result[at] = c with { AnyExact = c.AnyExact || old.AnyExact };
                else if (exact)
                    result[at] = old with { AnyExact = true };
                continue;
            }
            index[p.Entry] = result.Count;
            result.Add(c);
        }
        // The writer chose a spelling: when some place has exactly that name, places that only
        // share its transliteration skeleton are not namesakes (Zaporizhzhia the city, not the village Zaporizhzhya).
        // A city of note stays in the running however it is spelt ("Kyyiv", "Khmelnitskiy"): a
        // village that happens to list that spelling must still beat it on the ranking.
        var anyExact = false;
        foreach (var c in result)
            anyExact |= c.AnyExact;
        if (anyExact)
        {
            // In place, keeping the order: RemoveAll with a lambda over this made a delegate per mention.
            var kept = 0;
            for (var k = 0; k < result.Count; k++)
                if (result[k].AnyExact || Major(g.Entry(result[k].Entry)))
                    result[kept++] = result[k];
            result.RemoveRange(kept, result.Count - kept);
        }
    }

    /// <summary>Where <see cref="Recall"/> finds a candidate it has already taken, by entry; one per thread, cleared per mention.</summary>
    [ThreadStatic]
    private static Dictionary<int, int>? _recallIndex;

    private static bool Major(in EntryRecord e) =>
        (PlaceKind)e.Kind == PlaceKind.Settlement && (e.Population >= Weights.MajorCityPopulation || e.Rank >= 5);

    private bool IsNamePlusSuffix(string primary, string folded) =>
        primary.Length > folded.Length + 1 && primary.StartsWith(folded, StringComparison.Ordinal) && primary[folded.Length] == ' '
        && _lex.CitySuffixes.Contains(primary[(folded.Length + 1)..]);

    /// <summary>A one-word name the document also uses as a surname ("Mr Peskov ... Peskov said").</summary>
    private static bool IsPersonName(PlaceMention m, HashSet<string> surnames)
    {
        if (m.KindHint is PlaceKind.Region or PlaceKind.Water || m.Name.Contains(' '))
            return false;
        return surnames.Contains(TextFold.Skeleton(m.Name));
    }

    /// <summary>
    /// Links a mention to the next one when only qualifier words stand between them ("Lozova in the
    /// northeastern Kharkiv region", "Bakhmut, Donetsk region"), or alias words ("Krasnoye, called Sontsivka").
    /// </summary>
    private void Link(string text, MentionState[] states, int[] order)
    {
        for (var k = 0; k + 1 < order.Length; k++)
        {
            int i = order[k], j = order[k + 1];
            var a = states[i].Mention;
            var b = states[j].Mention;
            if (b.Start < a.End || b.Start - a.End > 60)
                continue;
            var gap = text.AsSpan(a.End, b.Start - a.End);
            if (gap.IndexOfAny(".;!?\n") >= 0)
                continue;
            // One pass over the gap's words, stopping at the first that is neither kind of link word.
            var qualifying = b.KindHint == PlaceKind.Country && a.KindHint != PlaceKind.Country
                             || b.KindHint == PlaceKind.Region && a.KindHint is not (PlaceKind.Region or PlaceKind.Country);
            var words = new SkeletonWords(gap);
            var count = 0;
            var allAlias = true;
            var allQualifier = qualifying;
            while ((allAlias || allQualifier) && words.Next() is { } w)
            {
                count++;
                allAlias &= _lex.AliasWords.Contains(w);
                allQualifier &= _lex.QualifierWords.Contains(w) || _lex.Directions.ContainsKey(w);
            }
            if (count > 0 && allAlias || count == 0 && gap.Trim().SequenceEqual("("))
            {
                states[i].AliasOf.Add(j);
                states[j].AliasOf.Add(i);
            }
            else if (allQualifier && (count > 0 || gap.Trim().SequenceEqual(",") || gap.Trim().SequenceEqual("(")))
            {
                states[i].Qualifier = j;
            }
        }
    }

    private void Score(MentionState s, MentionState[] states, DocumentContext ctx)
    {
        var g = Gazetteer;
        var m = s.Mention;
        // Every pass writes every candidate's score, so a pass reuses the arrays of the one before,
        // and a state's first pass of a report the arrays of the thread's earlier reports.
        var scores = s.Scores.Length == s.Candidates.Count ? s.Scores : ScoreArrays.Exchange(s.Scores, s.Candidates.Count);
        var evidence = s.Evidence.Length == s.Candidates.Count ? s.Evidence : ScoreArrays.Exchange(s.Evidence, s.Candidates.Count);
        if (!s.TraitsRead)
            ReadTraits(s);
        var traits = s.Traits;
        if (ctx.Gathered && !s.DocumentTermsRead && s.DocumentTerms.Length < s.Candidates.Count)
            s.DocumentTerms = new DocumentTerms[Math.Max(s.Candidates.Count, 2 * s.DocumentTerms.Length)];
        List<PullingAnchor>? anchors = null;
        var maxWeight = 0.0;
        // The mention's own, the same for each of its candidates.
        var multiWordName = m.Name.Contains(' ');
        var candidates = CollectionsMarshal.AsSpan(s.Candidates);
        for (var k = 0; k < candidates.Length; k++)
        {
            ref readonly var c = ref candidates[k];
            ref readonly var e = ref g.Entry(c.Entry);
            var kind = (PlaceKind)e.Kind;
            ref readonly var t = ref traits[k];
            var cc = t.Country;
            var admin1 = t.Admin1;
            // What the document's countries and regions add: the same in the last two passes, read in the first of them.
            DocumentTerms terms;
            if (s.DocumentTermsRead)
                terms = s.DocumentTerms[k];
            else
            {
                terms = ReadDocumentTerms(s, in c, in e, in t, ctx);
                if (ctx.Gathered)
                    s.DocumentTerms[k] = terms;
            }
            var score = terms.Score;
            var ev = terms.RegionEvidence;
            var told = 0.0;   // what the text says outright: its region, its country, another name of it
            if (s.Qualifier is { } q && states[q].Best is { } qb)
                told += QualifierFit(c.Entry, admin1, cc, qb, states[q].Mention);
            foreach (var division in s.Divisions)
                told += DivisionFit(c.Entry, division);
            foreach (var a in s.AliasOf)
                if (HasEntry(states[a].Candidates, c.Entry))
                    told += Weights.AliasPartner;
            ev += told;
            if (kind == PlaceKind.Settlement && m.KindHint == PlaceKind.Settlement && ctx.HasAnchors)
            {
                // The nearest other place of the report pulls by its nearness. Only the nearest: a
                // crowded front must not pull a village named like a regional capital away from it.
                // A place named in the same sentence ("Lyman and Siversk") says more than one named
                // elsewhere; places far off in the text (a long live blog) say nothing.
                // The mention's anchors are the same for each of its candidates: gathered once.
                if (anchors is null)
                {
                    anchors = PullingAnchors(s, states, ctx);
                    maxWeight = ProximityPull.MaxWeight(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(anchors));
                }
                var pull = ProximityPull.Of(e.Lat, e.Lon, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(anchors), maxWeight);
                ev += Weights.Proximity * pull;
            }
            // A small place known by an old or foreign name ("Krasnoye") needs the text to point at it
            // (its region, another name of it); nearness alone does not.
            if (kind == PlaceKind.Settlement && !c.ByMainName && !c.Fuzzy && told < 0.5 && e.Population < Weights.AlternateMinPopulation && e.Rank < 4)
                score += Weights.UnsupportedAlternate;
            if (c.Exact && multiWordName && kind != PlaceKind.Settlement)
                score += Weights.MultiWordName;
            scores[k] = score + ev;
            evidence[k] = ev;
        }
        s.Scores = scores;
        s.Evidence = evidence;
        s.DocumentTermsRead |= ctx.Gathered;
        s.Best = null;
        s.Margin = double.PositiveInfinity;
        var best = -1;
        for (var k = 0; k < scores.Length; k++)
            if (best < 0 || scores[k] > scores[best])
                best = k;
        if (best < 0 || scores[best] < Weights.NoMatch || s.IsPerson)
            return;
        s.Best = candidates[best].Entry;
        for (var k = 0; k < scores.Length; k++)
        {
            // A gap no smaller than the margin so far cannot lower it: the namesake's distance is not asked.
            var gap = scores[best] - scores[k];
            if (k != best && !(gap >= s.Margin) && !SamePlace(candidates[k].Entry, candidates[best].Entry))
                s.Margin = Math.Min(s.Margin, gap);
        }
    }

    /// <summary>
    /// A candidate's score terms from its traits and the document's countries and regions, and the
    /// evidence of its region named in the document: the first terms of <see cref="Score"/>'s sums,
    /// in their order. The document's sets are filled once (<see cref="DocumentContext.Gather"/>),
    /// so the last two passes read the same terms; the first pass reads them with the sets empty.
    /// </summary>
    private static DocumentTerms ReadDocumentTerms(MentionState s, in Candidate c, in EntryRecord e, in CandidateTraits t, DocumentContext ctx)
    {
        var m = s.Mention;
        var kind = (PlaceKind)e.Kind;
        var cc = t.Country;
        var score = t.Prior;
        // The document's sets are empty in the first pass, and a set still hashes the key it is asked.
        var countryNamed = cc is not null && ctx.Countries.Count > 0 && ctx.Countries.Contains(cc);
        if (countryNamed && kind != PlaceKind.Country)
            score += Weights.CountryInDocument;
        // A venue's name (venues.tsv) says which town is meant however small or far it is.
        var venue = (c.Source & NameSource.Venue) != 0;
        var foreign = kind == PlaceKind.Settlement && cc is not ("UA" or "RU") && !venue;
        // A small town far from the war is meant only when the text names its country beside it
        // ("Pargas on the coast of southern Finland"); a country named elsewhere in the report
        // does not make every small namesake there likely ("the Arab world" is not Arab, Alabama).
        // Asked only of a foreign town, the one kind it can change.
        var countryNear = foreign && cc is not null && ctx.Sentence.Length > 0 && ctx.CountriesBySentence.Count > 0
                          && ctx.CountriesBySentence.Contains((ctx.Sentence[s.Index], cc));
        if (foreign && e.Rank < 6
            && e.Population < (countryNear ? Weights.ForeignMinPopulationNamedCountry : Weights.ForeignMinPopulation))
            score += Weights.SmallForeignPlace;
        // An old or foreign name of a far-away town ("Africa" for Mahdia) is not what English copy means by it.
        else if (foreign && !c.ByMainName && !countryNear && e.Rank < 6 && e.Population < Weights.ForeignKnownByOtherNames)
            score += Weights.SmallForeignPlace;
        if (kind == PlaceKind.Region && m.KindHint != PlaceKind.Region && cc is not ("UA" or "RU") && !countryNamed)
            score += Weights.SmallForeignPlace;
        if (kind is PlaceKind.Settlement or PlaceKind.Region)
            score += Weights.RankStep * e.Rank;
        // Only by its own name: Donetsk is not every "Oleksandrivka" it was once called.
        if (kind == PlaceKind.Settlement && e.Rank >= 5 && c.ByMainName)
            score += Weights.Capital;
        if (kind == PlaceKind.Settlement)
            score += t.Population;
        if (c.Source.HasFlag(NameSource.Curated) && kind is PlaceKind.Facility or PlaceKind.Area || venue)
            score += Weights.CuratedLandmark;
        var ev = 0.0;
        var admin1 = t.Admin1;
        if (kind != PlaceKind.Region && admin1 is not null && ctx.RegionCounts.Count > 0 && ctx.RegionCounts.TryGetValue(admin1, out var n))
            ev += Weights.RegionInDocument * Math.Min(n, 2);
        return new DocumentTerms(score, ev);
    }

    /// <summary>
    /// Reads each candidate's <see cref="CandidateTraits"/> into the state: the terms of its score
    /// that no pass changes, summed as <see cref="Score"/> sums them, so the score is the same bits.
    /// </summary>
    private void ReadTraits(MentionState s)
    {
        var g = Gazetteer;
        var m = s.Mention;
        var count = s.Candidates.Count;
        if (s.Traits.Length < count)
            s.Traits = new CandidateTraits[Math.Max(count, 2 * s.Traits.Length)];
        var askedKindExists = m.KindHint switch
        {
            PlaceKind.Region => AnyOfKind(s.Candidates, PlaceKind.Region, PlaceKind.Area),
            PlaceKind.Water => AnyOfKind(s.Candidates, PlaceKind.Water, PlaceKind.Water),
            _ => true,
        };
        for (var k = 0; k < count; k++)
        {
            var c = s.Candidates[k];
            ref readonly var e = ref g.Entry(c.Entry);
            var kind = (PlaceKind)e.Kind;
            var cc = CountryCode.Unpack(e.Country);
            double score = c.Fuzzy ? Weights.FuzzyName : c.ByMainName ? Weights.MainName : Weights.AlternateName;
            if (!c.Exact && !c.Fuzzy)
                score += Weights.LooseSpelling;
            score += KindFit(m, kind, e, g, askedKindExists);
            var admin1 = g.Admin1Key(c.Entry);
            // Where a city shares its region's name (Donetsk, Kharkiv, New York) a bare name is the city;
            // a region no town of its own is named after (Florida, Volyn) is what the bare name means.
            if (m.KindHint == PlaceKind.Settlement && kind == PlaceKind.Region && e.Rank >= 5 && admin1 is { } own && !HasCityIn(s.Candidates, own))
                score += Weights.RegionOwnName - Weights.RegionForBareName;
            if (cc == "UA")
                score += Weights.Ukraine;
            else if (cc == "RU")
                score += Weights.Russia;
            var population = kind == PlaceKind.Settlement
                ? (c.ByMainName ? Weights.PopulationMain : Weights.PopulationAlternate) * Math.Log10(e.Population + 1.0)
                : 0;
            s.Traits[k] = new CandidateTraits(score, population, cc, admin1);
        }
        s.TraitsRead = true;
    }

    /// <summary>The anchors near a mention, one per spot; the thread's list, refilled per mention.</summary>
    [ThreadStatic]
    private static List<PullingAnchor>? _pullingAnchors;

    /// <summary>
    /// The anchors that may pull a mention's candidates: within the anchor window, not the
    /// mention's own name, each spot once with the harder of its weights. A report names its
    /// places again and again, and the same spot at the same weight pulls by the same bits; at a
    /// lower weight, by no more. The pull is their maximum, the same whatever their order.
    /// </summary>
    private static List<PullingAnchor> PullingAnchors(MentionState s, MentionState[] states, DocumentContext ctx)
    {
        var anchors = _pullingAnchors ??= [];
        anchors.Clear();
        var here = ctx.Position[s.Index];
        var anchorAt = ctx.AnchorAt;
        var from = Math.Max(0, here - Weights.AnchorWindow);
        var to = Math.Min(anchorAt.Length - 1, here + Weights.AnchorWindow);
        for (var p = from; p <= to; p++)
        {
            if (p == here || anchorAt[p] is not { } anchor)
                continue;
            var owner = ctx.StateAt[p];
            if (states[owner].FoldedName == s.FoldedName)
                continue;
            var weight = ctx.Sentence[owner] == ctx.Sentence[s.Index] ? 1.0 : Weights.OtherSentence;
            var k = 0;
            while (k < anchors.Count && !(anchors[k].Lat == anchor.Lat && anchors[k].Lon == anchor.Lon))
                k++;
            if (k == anchors.Count)
                anchors.Add(new PullingAnchor(anchor.Lat, anchor.Lon, ctx.AnchorCos[p], weight));
            else if (weight > anchors[k].Weight)
                anchors[k] = anchors[k] with { Weight = weight };
        }
        // A long live blog's window may hold many spots; keep the list from pinning them.
        if (anchors.Capacity > 1 << 10)
            _pullingAnchors = null;
        return anchors;
    }

    // Loops, not lambdas: a lambda over the candidate in Score's loop made a closure per candidate per pass.
    private bool AnyOfKind(List<Candidate> candidates, PlaceKind kind, PlaceKind orKind)
    {
        foreach (var c in candidates)
            if ((PlaceKind)Gazetteer.Entry(c.Entry).Kind is var k && (k == kind || k == orKind))
                return true;
        return false;
    }

    private static bool HasEntry(List<Candidate> candidates, int entry)
    {
        foreach (var c in candidates)
            if (c.Entry == entry)
                return true;
        return false;
    }

    /// <summary>
    /// Whether a settlement candidate lies in the first-level division <paramref name="admin1"/>:
    /// asked only of an oblast-rank region candidate, so a scan beats a set made per mention.
    /// </summary>
    private bool HasCityIn(List<Candidate> candidates, string admin1)
    {
        foreach (var c in candidates)
            if ((PlaceKind)Gazetteer.Entry(c.Entry).Kind == PlaceKind.Settlement && Gazetteer.Admin1Key(c.Entry) == admin1)
                return true;
        return false;
    }

    /// <summary>
    /// How well a candidate's kind fits what the wording asked for. When no candidate is of the kind
    /// asked ("Pokrovsk district" with no such district), the others are taken as they are.
    /// </summary>
    private static double KindFit(PlaceMention m, PlaceKind kind, in EntryRecord e, Gazetteer g, bool askedKindExists)
    {
        var notAsked = askedKindExists ? Weights.NotWhatWasAsked : 0;
        switch (m.KindHint)
        {
            case PlaceKind.Region:
                if (kind == PlaceKind.Area)
                    return Weights.RegionWanted;
                if (kind != PlaceKind.Region)
                    return notAsked;
                var name = g.String(e.Name);
                // A span, not a substring: asked of every region candidate in every pass.
                var lastWord = name.AsSpan(name.LastIndexOf(' ') + 1);
                return Weights.RegionWanted + (GeoLexicon.Default.RegionWords.Contains(TextFold.Skeleton(lastWord)) ? Weights.TrueRegionName : 0);
            case PlaceKind.Water:
                return kind == PlaceKind.Water ? Weights.RegionWanted : notAsked;
            default:
                return kind switch
                {
                    PlaceKind.Settlement => m.SettlementCue ? Weights.SettlementCued : 0,
                    PlaceKind.Region => e.Rank >= 5 ? Weights.RegionForBareName : Weights.DistrictForBareName,
                    PlaceKind.Country => Weights.CountryForBareName,
                    PlaceKind.Water => e.Rank >= 4 ? 0 : Weights.WaterForBareName,
                    PlaceKind.Facility => Weights.FacilityForBareName,
                    _ => 0,
                };
        }
    }

    /// <summary>Agreement with the region or country that qualifies the mention, and with its compass word.</summary>
    private double QualifierFit(int entry, string? admin1, string? country, int qualifierEntry, PlaceMention qualifier)
    {
        var g = Gazetteer;
        ref readonly var q = ref g.Entry(qualifierEntry);
        var fit = 0.0;
        switch ((PlaceKind)q.Kind)
        {
            case PlaceKind.Region:
                var inside = admin1 is not null && admin1 == g.Admin1Key(qualifierEntry);
                fit += inside ? Weights.QualifierRegionMatch : Weights.QualifierRegionMismatch;
                if (!inside)
                    return fit;
                break;
            case PlaceKind.Country:
                var inCountry = country == CountryCode.Unpack(q.Country);
                fit += inCountry ? Weights.QualifierCountryMatch : Weights.QualifierCountryMismatch;
                if (!inCountry || (PlaceKind)q.Kind == PlaceKind.Country)
                    return fit;    // a country's centre says little about "southern Finland"
                break;
            default:
                return 0;
        }
        if (qualifier.Bearing is not { } bearing || bearing < 0)
            return fit;
        ref readonly var e = ref g.Entry(entry);
        var actual = GreatCircle.Bearing(q.Lat, q.Lon, e.Lat, e.Lon);
        var diff = Math.Abs(((actual - bearing) % 360 + 540) % 360 - 180);
        return fit + (diff <= 60 ? Weights.DirectionMatch : diff > 100 ? Weights.DirectionMismatch : 0);
    }

    /// <summary>Agreement with a division folded into the mention, and with its compass word.</summary>
    private double DivisionFit(int entry, DivisionScope division)
    {
        var g = Gazetteer;
        if (!division.Contains(g, entry))
            return Weights.QualifierRegionMismatch;
        var fit = Weights.QualifierRegionMatch;
        if (division.Qualifier.Bearing is not { } bearing || bearing < 0 || division.RegionEntry < 0)
            return fit;
        ref readonly var q = ref g.Entry(division.RegionEntry);
        ref readonly var e = ref g.Entry(entry);
        var actual = GreatCircle.Bearing(q.Lat, q.Lon, e.Lat, e.Lon);
        var diff = Math.Abs(((actual - bearing) % 360 + 540) % 360 - 180);
        return fit + (diff <= 60 ? Weights.DirectionMatch : diff > 100 ? Weights.DirectionMismatch : 0);
    }

    /// <summary>
    /// Among namesakes that tie on everything the text says, the one clearly nearest the prior:
    /// within <see cref="Weights.PriorMaxKm"/> of it, and the next one at least twice as far and
    /// <see cref="Weights.PriorLeadKm"/> farther. Otherwise null: left unresolved, not guessed.
    /// </summary>
    private int? PriorChoice(MentionState s, DocumentContext ctx)
    {
        if ((Prior is null || Prior.IsEmpty) && !(DocumentPrior && ctx.HasAnchors))
            return null;
        var g = Gazetteer;
        var top = s.Scores.Length == 0 ? double.NegativeInfinity : s.Scores.Max();
        var tier = new List<(int Entry, double Km)>();
        for (var k = 0; k < s.Candidates.Count; k++)
        {
            var entry = s.Candidates[k].Entry;
            ref readonly var e = ref g.Entry(entry);
            if ((PlaceKind)e.Kind != PlaceKind.Settlement || s.Scores[k] < top - Weights.PriorTierMargin || InTier(tier, entry))
                continue;
            tier.Add((entry, PriorKm(s, ctx, e.Lat, e.Lon)));
        }
        if (tier.Count < 2)
            return null;
        tier.Sort((a, b) => a.Km.CompareTo(b.Km));
        var (nearest, second) = (tier[0].Km, tier[1].Km);
        return nearest <= Weights.PriorMaxKm && second >= 2 * nearest && second - nearest >= Weights.PriorLeadKm ? tier[0].Entry : null;
    }

    private bool InTier(List<(int Entry, double Km)> tier, int entry)
    {
        foreach (var t in tier)
            if (SamePlace(t.Entry, entry))
                return true;
        return false;
    }

    /// <summary>
    /// Kilometres to where the war is: the given prior, and the report's own settlements resolved
    /// with confidence within the anchor window (so that a long document stays linear to resolve).
    /// </summary>
    private double PriorKm(MentionState s, DocumentContext ctx, double lat, double lon)
    {
        var km = Prior?.Km(lat, lon) ?? double.PositiveInfinity;
        if (!DocumentPrior || !ctx.HasAnchors)
            return km;
        var here = ctx.Position[s.Index];
        var anchorAt = ctx.AnchorAt;
        var to = Math.Min(anchorAt.Length - 1, here + Weights.AnchorWindow);
        var cosLat = double.NaN;
        for (var p = Math.Max(0, here - Weights.AnchorWindow); p <= to; p++)
            if (p != here && anchorAt[p] is { } anchor && !GreatCircle.SurelyBeyond(lat, anchor.Lat, km))
            {
                if (double.IsNaN(cosLat))
                    cosLat = GreatCircle.CosLat(lat);
                km = Math.Min(km, GreatCircle.Km(lat, lon, cosLat, anchor.Lat, anchor.Lon, ctx.AnchorCos[p]));
            }
        return km;
    }

    private (Place? Place, MentionOutcome Outcome) Decide(MentionState s, DocumentContext ctx)
    {
        var g = Gazetteer;
        var m = s.Mention;
        if (s.IsPerson)
            return (null, MentionOutcome.Person);
        if (s.Candidates.Count == 0)
            return (InDivision(Unresolved(m, []), s), MentionOutcome.NotInIndex);
        if (s.Best is not { } best)
            return (null, MentionOutcome.NoMatch);
        ref readonly var e = ref g.Entry(best);
        // A loop, not FindIndex: its lambda over best made a closure for every mention decided, found or not.
        var bestIndex = 0;
        while (s.Candidates[bestIndex].Entry != best)
            bestIndex++;
        var evidence = s.Evidence[bestIndex];
        // Same-named small villages that what the text says does not tell apart (nothing, or the same
        // oblast for several): where the war is decides when it clearly can.
        var village = (PlaceKind)e.Kind == PlaceKind.Settlement && e.Population < 20_000 && e.Rank < 4;
        var tied = village && s.Margin < Weights.AmbiguityMargin;
        s.PriorAsked = village && s.Margin < Weights.PriorTierMargin;
        if (village && s.Margin < Weights.PriorTierMargin && PriorChoice(s, ctx) is { } chosen)
            return (AsSector(g.ToPlace(chosen, m.Text), m), MentionOutcome.Resolved);
        // With nothing in the text for any of them, or only what is as true of a namesake (one oblast
        // named for several Pavlivkas): keep the mention, do not guess. Population and rank alone
        // only break ties the text has already narrowed to one place.
        if (tied && (evidence < 0.5 || !TextSeparates(s, bestIndex)))
            return (Unresolved(m, TiedWith(s, bestIndex)), MentionOutcome.Ambiguous);
        return (AsSector(g.ToPlace(best, m.Text), m), MentionOutcome.Resolved);
    }

    /// <summary>
    /// Whether the best candidate stands clear of every namesake within the ambiguity margin of it:
    /// by what the text says, or by being an order of magnitude the bigger place (a town and a hamlet
    /// of one oblast: copy that names the oblast means the town). Villages of like size are not.
    /// </summary>
    private bool TextSeparates(MentionState s, int bestIndex)
    {
        var best = s.Candidates[bestIndex].Entry;
        var bestPrior = s.Scores[bestIndex] - s.Evidence[bestIndex];
        for (var k = 0; k < s.Candidates.Count; k++)
            if (k != bestIndex && s.Scores[bestIndex] - s.Scores[k] < Weights.AmbiguityMargin && !SamePlace(s.Candidates[k].Entry, best)
                && s.Evidence[bestIndex] - s.Evidence[k] < Weights.TextSeparates
                && bestPrior - (s.Scores[k] - s.Evidence[k]) < Weights.PopulationMain)
                return false;
        return true;
    }

    /// <summary>The best candidate and those within the ambiguity margin of it: what an unresolved mention may still say of its country and region.</summary>
    private static List<int> TiedWith(MentionState s, int bestIndex)
    {
        var tied = new List<int>();
        for (var k = 0; k < s.Candidates.Count; k++)
            if (s.Scores[bestIndex] - s.Scores[k] < Weights.AmbiguityMargin)
                tied.Add(s.Candidates[k].Entry);
        return tied;
    }

    /// <summary>
    /// "the Kupiansk direction": an area tied to the town, under the town's name, spot and GeoNames
    /// id (so that the town and its sector told in one event are one place); the mention keeps the sector word.
    /// </summary>
    private static Place AsSector(Place town, PlaceMention m) =>
        m.Sector is not null && town.Kind == PlaceKind.Settlement ? town with { Kind = PlaceKind.Area } : town;

    /// <summary>A place the index does not know, in the one oblast its qualifier names ("Hnylytsia, Kharkiv region").</summary>
    private Place InDivision(Place place, MentionState s)
    {
        foreach (var d in s.Divisions)
            if (d.SingleAdmin1 is { } key && Gazetteer.RegionEntry(key) is var region and >= 0)
                return place with { Country = key[..2], Admin1 = Gazetteer.Admin1Name(region) };
        return place;
    }

    /// <summary>A place kept without coordinates; country and region only when every candidate agrees.</summary>
    private Place Unresolved(PlaceMention m, List<int> entries)
    {
        var g = Gazetteer;
        var countries = entries.Select(e => g.Entry(e).Country).Distinct().ToList();
        var regions = entries.Select(e => g.Admin1Name(e)).Distinct().ToList();
        return new Place(m.Name, m.KindHint, countries.Count == 1 ? CountryCode.Unpack(countries[0]) : null,
            regions.Count == 1 ? regions[0] : null, null, null, null, m.Text);
    }

    private const double SamePlaceKm = 25;

    private bool SamePlace(int a, int b)
    {
        ref readonly var x = ref Gazetteer.Entry(a);
        ref readonly var y = ref Gazetteer.Entry(b);
        return a == b || x.Kind == y.Kind && !GreatCircle.SurelyBeyond(x.Lat, y.Lat, SamePlaceKm) && GreatCircle.Km(x.Lat, x.Lon, y.Lat, y.Lon) < SamePlaceKm;
    }
}
