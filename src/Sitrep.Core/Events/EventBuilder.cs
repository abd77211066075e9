using Sitrep.Clauses;
using Sitrep.Geo;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Turns sentence readings into event drafts: which event types a sentence reports (its
/// triggers, with support for the weak ones), and which of the sentence's places, weapons,
/// figures, dates and actors belong to which event (each goes to the nearest trigger).
/// Carries what a careful reader carries from sentence to sentence: the date and the source
/// of a paragraph, the side last named in a section.
/// </summary>
internal sealed partial class EventBuilder(string text, DateOnly? published)
{
    /// <summary>Events told as of more than this many days before publication are past context.</summary>
    private const int BackgroundDays = 30;

    private readonly List<EventDraft> _drafts = [];
    /// <summary>Tokens of the sentence's triggers dropped as not told as done, whose places go with them.</summary>
    private readonly List<int> _unreal = [];
    /// <summary>The sentence's place mentions that are not where its events happened, and their jurisdiction (see AgentPlaces).</summary>
    private readonly HashSet<int> _agents = [];
    private readonly List<int> _jurisdiction = [];
    // The sentence's event types and drafts, cleared for each sentence: most sentences report no
    // event, and two new lists for each of them were among the builder's largest costs (issue 12).
    private readonly List<(EventType Type, List<PhraseMatch<TriggerEntry>> Triggers, bool JoinOnly)> _active = [];
    private readonly List<(EventDraft Draft, List<int> Anchors)> _sentenceDrafts = [];
    private int _paragraph = -1;
    private ClaimSource? _paragraphClaim;
    /// <summary>The token of the cue the sentence's claim was read from.</summary>
    private int _claimCue = -1;
    /// <summary>The latest source named in the section, for "he said".</summary>
    private ClaimSource? _sectionClaim;
    private DateMention? _paragraphDate;
    private int _section = -1;
    private string? _sectionSide;
    private int _sentence = -1;
    private bool _quoteOpen;
    private bool _sectionSideSpoke;

    public IReadOnlyList<EventDraft> Drafts => _drafts;

    /// <summary>Mentions that are phrases for a place ("the capital"), by mention index, with the name they stand for.</summary>
    public Dictionary<int, string> PhraseMentions { get; } = [];

    /// <summary>What the last sentence's frames were built from, for --explain; kept only when <see cref="Explaining"/>.</summary>
    public List<string> Notes { get; } = [];

    public bool Explaining { get; init; }

    public void Add(SentenceReading r, ClauseAnalysis clauses)
    {
        _sentence++;
        Notes.Clear();
        var s = r.Sentence;
        if (s.Paragraph != _paragraph)
        {
            _paragraph = s.Paragraph;
            _paragraphClaim = null;
            _paragraphDate = null;
            _quoteOpen = false;
        }
        r.StartsInQuote = _quoteOpen;
        _quoteOpen = r.EndsInQuote;
        // A line set in capitals is a teaser for another story: it neither opens a new stretch
        // of this report nor names who speaks in the sentences after it, nor reports an event.
        var teaser = WrittenInCapitals(s);
        if (s.Section != _section)
        {
            _section = s.Section;
            if (!teaser)
            {
                _sectionSide = null;
                _sectionSideSpoke = false;
                _sectionClaim = null;
            }
        }

        foreach (var p in r.Places)
        {
            if (p.Canonical is not null)
                PhraseMentions[p.Index] = p.Canonical;
        }
        // A teaser tells another story: it reports no event of this one.
        if (teaser)
            return;
        var agents = AgentPlaces(r, clauses, out var jurisdiction);
        var claim = ReadClaim(r, clauses, out var claimTokens);
        if (claim is null && FramedClaim(r, clauses, claimTokens) is { } framed)
        {
            claim = framed;
            if (Explaining)
                Notes.Add($"claim {framed.Code ?? framed.Office?.ToString().ToLowerInvariant()}: speaker of an attribution frame");
        }
        for (var i = r.Triggers.Count - 1; i >= 0; i--)
        {
            if (InDescriptiveClause(r, r.Triggers[i].First) || InDashAside(r, r.Triggers[i].First))
                r.Triggers.RemoveAt(i);
        }
        ApplyModality(r, clauses);
        DropPassingPolicy(r, clauses);
        ApplyFrames(r, clauses);
        var events = ActiveTriggers(r, clauses, agents, _active);
        SplitContacts(r, events);
        var drafts = _sentenceDrafts;
        drafts.Clear();
        foreach (var (type, triggers, joinOnly) in events)
        {
            var draft = new EventDraft
            {
                Type = type,
                Subtype = FirstSubtype(triggers, type),
                Section = s.Section,
                Paragraph = s.Paragraph,
                FirstSentence = _sentence,
                FromHeadline = s.Role == SentenceRole.Headline,
                Strength = AnyStrong(triggers) ? TriggerStrength.Strong : TriggerStrength.Weak,
                ActorInverse = AnyInverse(triggers),
                Background = PastContext(r, clauses, triggers),
                JoinOnly = joinOnly,
                Another = AnyTellsAnother(r, clauses, triggers),
            };
            draft.Evidence.Add((s.Start, s.End));
            var anchors = new List<int>(triggers.Count);
            foreach (var t in triggers)
                anchors.Add(t.First);
            drafts.Add((draft, anchors));
        }

        // "nine were shot down": an interception with no weapon of its own finishes the strike just told.
        if (drafts.Count > 0 && r.Weapons.Count == 0 && drafts.TrueForAll(static d => d.Draft.Type == EventType.AirDefense) && AttachLooseInterception(r))
            drafts.Clear();
        if (drafts.Count == 0)
        {
            AttachLooseCasualties(r, claim);
        }
        else
        {
            AssignPlaces(r, drafts, agents, jurisdiction, _unreal);
            AssignWeapons(r, clauses, drafts);
            AssignCasualties(r, drafts);
            AssignAmounts(r, drafts);
            AssignDates(r, clauses, drafts);
            foreach (var (draft, anchors) in drafts)
            {
                // "Attacks killed 12 across Ukraine over the past day": a total, not an attack.
                if (r.AggregateCue && !AnySpecificMention(r, draft))
                    draft.Background = draft.Total = true;
                AssignActor(r, clauses, draft, anchors, claimTokens, claim);
                ShareContactSubject(drafts, draft);
                // "hours after Biden had announced new aid": a cue in a subordinate clause with its
                // own object attributes only that clause.
                var ownClauseOnly = claim is not null && _claimCue >= 0 && OnlyItsOwnClause(r, clauses, _claimCue)
                    && clauses.ClauseOf(_claimCue) != clauses.ClauseOf(anchors[0]);
                draft.Claim = ownClauseOnly ? _paragraphClaim : claim ?? _paragraphClaim;
                _drafts.Add(draft);
                if (Explaining)
                    Notes.Add($"frame {draft.Type} at \"{text[r.Tokens[anchors[0]].Start..r.Tokens[anchors[0]].End]}\": actor {draft.Actor ?? "-"} ({draft.ActorRule ?? "none"}), claim {draft.Claim?.Code ?? draft.Claim?.Office?.ToString().ToLowerInvariant() ?? "-"}");
            }
        }

        if (claim is not null)
            _paragraphClaim = _sectionClaim = claim;
        // Index loops over the reading's IReadOnlyList properties: a foreach boxes their enumerator.
        var dates = r.Dates;
        for (var i = 0; i < dates.Count; i++)
        {
            var d = dates[i];
            // A day still to come is no day the paragraph's later events happened on.
            if (d.Date is not null && d.Precision == DatePrecision.Day && !(d.Ahead is not null && ToCome(clauses, r.TokenAt(d.Start))))
                _paragraphDate = d;
        }
        NoteSide(r, claim);
    }

    private static string? FirstSubtype(List<PhraseMatch<TriggerEntry>> triggers, EventType type)
    {
        foreach (var t in triggers)
        {
            if (t.Value.Type == type && t.Value.Subtype is not null)
                return t.Value.Subtype;
        }
        return null;
    }

    private static bool AnyInverse(List<PhraseMatch<TriggerEntry>> triggers)
    {
        foreach (var t in triggers)
        {
            if (t.Value.Inverse)
                return true;
        }
        return false;
    }

    private static bool AnyTellsAnother(SentenceReading r, ClauseAnalysis clauses, List<PhraseMatch<TriggerEntry>> triggers)
    {
        foreach (var t in triggers)
        {
            if (TellsAnother(r, clauses, t.First))
                return true;
        }
        return false;
    }

    /// <summary>Whether a draft has a mention of the sentence's that is no country.</summary>
    private static bool AnySpecificMention(SentenceReading r, EventDraft draft)
    {
        foreach (var i in draft.Mentions)
        {
            foreach (var p in r.Places)
            {
                if (p.Index == i && p.Mention.KindHint != PlaceKind.Country)
                    return true;
            }
        }
        return false;
    }

    /// <summary>Fewest words a line needs before its capitals say "teaser" rather than an acronym or a name.</summary>
    private const int TeaserWords = 3;

    /// <summary>"RUSSIA FIRES NEW MISSILE, KREMLIN SAYS": a line of several words with no lower-case letter.</summary>
    private bool WrittenInCapitals(Sentence s)
    {
        var words = 0;
        var inWord = false;
        for (var i = s.Start; i < s.End; i++)
        {
            var c = text[i];
            if (char.IsLower(c))
                return false;
            var letter = char.IsLetter(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        return words >= TeaserWords;
    }

    /// <summary>
    /// Event types the sentence reports. A strong trigger is enough; a weak one ("attack",
    /// "visit") needs support in the same sentence. When one sentence reports both a strike
    /// and its interception, it is one strike; a cyberattack is not also a strike.
    /// </summary>
    private static List<(EventType Type, List<PhraseMatch<TriggerEntry>> Triggers, bool JoinOnly)> ActiveTriggers(SentenceReading r, ClauseAnalysis clauses, HashSet<int> agents,
        List<(EventType Type, List<PhraseMatch<TriggerEntry>> Triggers, bool JoinOnly)> active)
    {
        // Loops rather than LINQ and closures: this runs for every sentence (issue 12, allocation).
        active.Clear();
        var striking = FirstStrikingWeapon(r);
        var weapon = striking >= 0;
        // "Two people were killed by a Russian drone": a weapon and the dead tell a strike
        // even without an attack word.
        if (weapon && r.Casualties.Count > 0 && !AnyTriggerOf(r, EventType.Strike, EventType.AirDefense))
        {
            var w = r.Weapons[striking];
            r.Triggers.Add(new PhraseMatch<TriggerEntry>(w.First, w.Last, w.Start, w.End, ImpliedStrike));
        }
        // "Two civilians were killed in Kherson": the dead in a named place tell a strike even
        // without a weapon or an attack word, when nothing else in the sentence is an event.
        if (!weapon && r.Triggers.Count == 0
            && FirstUnquotedCasualty(r) is { Value: not null } dead
            && (PlaceAttached(r, clauses, agents) || PlaceDescribed(r, clauses, agents, dead.First)))
        {
            r.Triggers.Add(new PhraseMatch<TriggerEntry>(dead.First, dead.Last, dead.Start, dead.End, ImpliedStrike));
        }
        // "attacked Ukrainian positions": an attack on positions with no weapon named is a ground assault.
        for (var i = 0; i < r.Triggers.Count; i++)
        {
            var t = r.Triggers[i];
            // "artillerymen destroyed a howitzer": what is destroyed on the ground was struck, not shot down.
            if (t.Value.Type == EventType.AirDefense && t.Value.Strength == TriggerStrength.Weak
                && OnlyGroundObjectsAfter(r, t.Last))
            {
                r.Triggers[i] = t with { Value = t.Value with { Type = EventType.Strike, Subtype = null } };
                continue;
            }
            if (t.Value.Type == EventType.Strike && t.Value.Strength == TriggerStrength.Weak && !weapon && AtPositions(r, t.Last))
                r.Triggers[i] = t with { Value = GroundAssault };
        }
        // The triggers by type, types in the order they first appear (as GroupBy gave them).
        for (var g = 0; g < r.Triggers.Count; g++)
        {
            var key = r.Triggers[g].Value.Type;
            if (TypeSeenBefore(r.Triggers, g))
                continue;
            // Quoted speech is rhetoric ("every strike we endured") unless it names what was fired,
            // or, for aid, the sum given ("I am announcing $50 million in aid").
            var named = weapon || (key == EventType.Aid && AnyMoney(r));
            List<PhraseMatch<TriggerEntry>>? kept = null;
            for (var i = g; i < r.Triggers.Count; i++)
            {
                var t = r.Triggers[i];
                if (t.Value.Type != key)
                    continue;
                if ((t.Value.Strength == TriggerStrength.Strong || !r.InQuote(t.First) || named)
                    && !StruckByNothing(r, t) && !GuardedAgainst(r, t))
                {
                    // Sized to the type's triggers, most often one: a list's first array holds four.
                    (kept ??= new(CountOfType(r.Triggers, g))).Add(t);
                }
            }
            if (kept is null)
                continue;
            var triggers = kept;
            var strong = AnyStrong(triggers);
            // "The visit came as ...", "the latest decisions": a definite weak word refers back to
            // an event already told; it may add to it but does not report a new one.
            var joinOnly = !strong && AllJoinOrReferBack(r, triggers);
            if (!(strong || joinOnly || Supported(key, r, agents, triggers)))
            {
                // A weak word with a stated day may carry on an event already told.
                if (AnyDayDate(r) && key is EventType.Diplomacy)
                    joinOnly = true;
                else
                    continue;
            }
            // Fighting and territory are always somewhere: without a place it is commentary.
            if (key is EventType.GroundCombat or EventType.TerritorialChange && !HasSpecificPlace(r, agents))
                continue;
            active.Add((key, triggers, joinOnly));
        }
        // Types in `active` are distinct (one entry per type), so an entry's own triggers say whether its type is strong.
        if (ActiveIndex(active, EventType.Cyber) >= 0)
        {
            for (var i = active.Count - 1; i >= 0; i--)
            {
                if (active[i].Item1 is EventType.Strike or EventType.AirDefense && !AnyStrong(active[i].Item2))
                    active.RemoveAt(i);
            }
        }
        // "used Patriot missiles to shoot down a Kinzhal": when every weapon the strike words
        // could rest on is what was downed, the sentence reports only the interception.
        var strikeAt = ActiveIndex(active, EventType.Strike);
        var defenseAt = ActiveIndex(active, EventType.AirDefense);
        if (strikeAt >= 0 && defenseAt >= 0 && !AnyStrong(active[strikeAt].Item2))
        {
            var firstDefense = MinFirst(active[defenseAt].Item2);
            if (StrikingWeaponsAllAfter(r, firstDefense) && r.Places.Count == 0 && r.Casualties.Count == 0)
                active.RemoveAt(strikeAt);
        }
        strikeAt = ActiveIndex(active, EventType.Strike);
        defenseAt = ActiveIndex(active, EventType.AirDefense);
        if (strikeAt >= 0 && defenseAt >= 0)
        {
            var strike = active[strikeAt];
            var defense = active[defenseAt];
            strike.Item2.AddRange(defense.Item2);
            strike.Item2.Sort((a, b) => a.First.CompareTo(b.First));
            active.RemoveAt(defenseAt);
        }
        // "repelled a Russian attack on Novopavlivka": with no weapon named, the attack is the ground fighting.
        strikeAt = ActiveIndex(active, EventType.Strike);
        if (ActiveIndex(active, EventType.GroundCombat) >= 0 && strikeAt >= 0 && !AnyStrong(active[strikeAt].Item2) && !weapon)
            active.RemoveAt(strikeAt);
        if (ActiveIndex(active, EventType.Policy) >= 0 && ActiveIndex(active, EventType.Diplomacy) is var diplomacyAt and >= 0
            && !AnyStrong(active[diplomacyAt].Item2))
            active.RemoveAt(diplomacyAt);
        active.Sort((a, b) => a.Item2[0].First.CompareTo(b.Item2[0].First));
        return active;
    }

    private static int ActiveIndex(List<(EventType, List<PhraseMatch<TriggerEntry>>, bool)> active, EventType type)
    {
        for (var i = 0; i < active.Count; i++)
        {
            if (active[i].Item1 == type)
                return i;
        }
        return -1;
    }

    /// <summary>Triggers from the one at `from` on of its type.</summary>
    private static int CountOfType(List<PhraseMatch<TriggerEntry>> triggers, int from)
    {
        var n = 0;
        for (var i = from; i < triggers.Count; i++)
        {
            if (triggers[i].Value.Type == triggers[from].Value.Type)
                n++;
        }
        return n;
    }

    private static bool TypeSeenBefore(List<PhraseMatch<TriggerEntry>> triggers, int at)
    {
        for (var i = 0; i < at; i++)
        {
            if (triggers[i].Value.Type == triggers[at].Value.Type)
                return true;
        }
        return false;
    }

    private static bool AnyStrong(List<PhraseMatch<TriggerEntry>> triggers)
    {
        foreach (var t in triggers)
        {
            if (t.Value.Strength == TriggerStrength.Strong)
                return true;
        }
        return false;
    }

    private static bool AllJoinOrReferBack(SentenceReading r, List<PhraseMatch<TriggerEntry>> triggers)
    {
        foreach (var t in triggers)
        {
            if (!(t.Value.Strength == TriggerStrength.Join || RefersBack(r, t.First)))
                return false;
        }
        return true;
    }

    private static int MinFirst(List<PhraseMatch<TriggerEntry>> triggers)
    {
        var min = triggers[0].First;
        for (var i = 1; i < triggers.Count; i++)
            min = Math.Min(min, triggers[i].First);
        return min;
    }

    private static bool AnyTriggerOf(SentenceReading r, EventType a, EventType b)
    {
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type == a || t.Value.Type == b)
                return true;
        }
        return false;
    }

    /// <summary>Index of the first weapon that is not an air-defence system, or -1.</summary>
    private static int FirstStrikingWeapon(SentenceReading r)
    {
        for (var i = 0; i < r.Weapons.Count; i++)
        {
            if (r.Weapons[i].Value.Class != WeaponClass.AirDefenseSystem)
                return i;
        }
        return -1;
    }

    private static bool StrikingWeaponsAllAfter(SentenceReading r, int token)
    {
        foreach (var w in r.Weapons)
        {
            if (w.Value.Class != WeaponClass.AirDefenseSystem && w.First <= token)
                return false;
        }
        return true;
    }

    private static PhraseMatch<CasualtyEntry> FirstUnquotedCasualty(SentenceReading r)
    {
        foreach (var c in r.Casualties)
        {
            if (!r.InQuote(c.First))
                return c;
        }
        return default;
    }

    /// <summary>Weapons within four tokens after a trigger, at least one, none of them flying at its target.</summary>
    private static bool OnlyGroundObjectsAfter(SentenceReading r, int last)
    {
        var any = false;
        foreach (var w in r.Weapons)
        {
            if (w.First >= last && w.First - last <= 4)
            {
                if (Aerial(w.Value.Class))
                    return false;
                any = true;
            }
        }
        return any;
    }

    private static bool AnyMoney(SentenceReading r)
    {
        for (var i = 0; i < r.Numbers.Count; i++)
        {
            if (r.Numbers[i].Unit == QuantityUnit.Money)
                return true;
        }
        return false;
    }

    private static bool AnyDayDate(SentenceReading r)
    {
        for (var i = 0; i < r.Dates.Count; i++)
        {
            if (r.Dates[i].Precision == DatePrecision.Day && r.Dates[i].Date is not null)
                return true;
        }
        return false;
    }

    /// <summary>"the visit", "the chancellor's visit": the trigger word is a noun with a definite determiner right before it.</summary>
    private static bool RefersBack(SentenceReading r, int trigger) =>
        trigger > 0 && Words.Definite.Has(r.Tokens[trigger - 1]);

    /// <summary>
    /// A trigger its clause tells as not done (denied, planned, possible, still to come) reports
    /// no event unless its type is told that way (a threat, a planned visit: event-types.tsv);
    /// one told as tried or failed is what its type's row says an attempt is ("tried to advance"
    /// is an assault).
    /// </summary>
    private void ApplyModality(SentenceReading r, ClauseAnalysis clauses)
    {
        const Modality denied = Modality.Negated | Modality.Denied;
        const Modality unreal = Modality.Possible | Modality.Future | Modality.Intended;
        _unreal.Clear();
        for (var i = r.Triggers.Count - 1; i >= 0; i--)
        {
            var t = r.Triggers[i];
            var row = EventTypes.Of(t.Value.Type);
            var m = clauses.ModalityOf(r.Tokens, t.First);
            // A negation inside the trigger phrase is the phrase's own ("not go unpunished").
            for (var k = t.First; k < t.Last && (m & Modality.Negated) != 0; k++)
            {
                if (Words.Negator.Has(r.Tokens[k]))
                    m &= ~Modality.Negated;
            }
            // A type told in the negative keeps its strong phrases ("will not go unpunished");
            // a weak word that is negated ("never threatened") is simply denied.
            string? why = (m & denied) != 0 && (!row.KeepsNegated || t.Value.Strength == TriggerStrength.Weak) ? "denied"
                : (m & unreal) != 0 && !row.KeepsPlanned ? "not told as done"
                : null;
            if (why is not null)
            {
                if (Explaining)
                    Notes.Add($"dropped {t.Value.Type} \"{text[t.Start..t.End]}\": {why} ({m.ToString().ToLowerInvariant()})");
                r.Triggers.RemoveAt(i);
                _unreal.Add(t.First);
            }
            else if ((m & (Modality.Attempted | Modality.Failed)) != 0 && row.AttemptedAs is { } attempt)
            {
                if (Explaining)
                    Notes.Add($"{t.Value.Type} \"{text[t.Start..t.End]}\" tried, read as {attempt}");
                r.Triggers[i] = t with { Value = t.Value with { Type = attempt, Subtype = null, Inverse = false } };
            }
        }
    }

    /// <summary>
    /// A policy told as a noun inside a circumstance of another act ("shipping slowed under
    /// sanctions", "an economy hit by a wave of sanctions") sets the scene: no one imposes it in
    /// this sentence. The noun group is walked back through "of" to the word that governs it.
    /// </summary>
    private void DropPassingPolicy(SentenceReading r, ClauseAnalysis clauses)
    {
        for (var i = r.Triggers.Count - 1; i >= 0; i--)
        {
            var t = r.Triggers[i];
            if (t.Value.Type != EventType.Policy || clauses.GroupAt(t.First) is not null || !InCircumstance(r, clauses, t.First))
                continue;
            if (Explaining)
                Notes.Add($"dropped policy \"{text[t.Start..t.End]}\": told in passing, inside a circumstance");
            r.Triggers.RemoveAt(i);
        }
    }

    /// <summary>A lone participle read as a verb inside a noun group after "of" ("a wave of coordinated sanctions").</summary>
    private static bool Modifier(SentenceReading r, ClauseAnalysis clauses, int k) =>
        clauses.GroupAt(k) is { } g && g.Span.First == k && g.Span.Last == k + 1 && k > 0 && Words.NounJoiner.Has(r.Tokens[k - 1])
        && ClauseReader.ParticipleShape(r.Tokens[k]);

    private static bool InCircumstance(SentenceReading r, ClauseAnalysis clauses, int noun)
    {
        for (var k = noun - 1; k >= 0 && (clauses.GroupAt(k) is null || Modifier(r, clauses, k)); k--)
        {
            var tok = r.Tokens[k];
            if (clauses.GroupAt(k) is not null)
                continue;
            if (tok.Kind == TokenKind.Punct)
                return false;
            // "because" governs a noun only through "of"; before a clause it is a subordinator.
            if (Words.CircumstancePreposition.Has(tok))
                return !Words.Subordinator.Has(tok) || Words.NounJoiner.Has(r.Tokens[k + 1]);
            // A passive's agent, or that of a participle with no "be" ("an economy battered by ...").
            if (Words.AgentPreposition.Has(tok))
            {
                if (clauses.ClauseOf(k) is { } c && HasAttachment(c, AttachmentRole.Agent, k))
                    return true;
                return k > 0 && ClauseReader.ParticipleShape(r.Tokens[k - 1]) && (clauses.GroupAt(k - 1) is not { } g || g.Head == k - 1);
            }
            if (Words.NounJoiner.Has(tok))
                continue;
            // "in retaliation for sanctions": the noun is the cause of another act.
            if (Words.Preposition.Has(tok) && k > 0 && EventWords.CauseNoun.Has(r.Tokens[k - 1]))
                return true;
            if (Words.Preposition.Has(tok) || Words.Coordinator.Has(tok) || Words.Subordinator.Has(tok) || Words.LooseSubordinator.Has(tok))
                return false;
        }
        return false;
    }

    private static readonly TriggerEntry GroundAssault = new(EventType.GroundCombat, "assault", TriggerStrength.Strong, false);

    private static bool AtPositions(SentenceReading r, int after)
    {
        for (var k = after; k < r.Tokens.Count && k <= after + 3; k++)
        {
            if (Words.GroundObject.Has(r.Tokens[k]))
                return true;
        }
        return false;
    }

    /// <summary>Weapons that fly at their target, so that destroying one is shooting it down.</summary>
    private static bool Aerial(WeaponClass c) =>
        c is WeaponClass.Missile or WeaponClass.Drone or WeaponClass.Aircraft or WeaponClass.Helicopter or WeaponClass.GlideBomb;

    private static readonly TriggerEntry ImpliedStrike = new(EventType.Strike, null, TriggerStrength.Weak, false);

    /// <summary>A specific place attached to a verb as where it happened ("were killed in Kherson").</summary>
    private static bool PlaceAttached(SentenceReading r, ClauseAnalysis clauses, HashSet<int> agents)
    {
        foreach (var p in r.Places)
        {
            if (agents.Contains(p.Index) || p.Mention.KindHint == PlaceKind.Country)
                continue;
            var k = r.TokenAt(p.Mention.Start);
            if (clauses.ClauseOf(k) is { } c && LocationHolds(c, k))
                return true;
        }
        return false;
    }

    /// <summary>"the city of Cherkasy, where one person died": the dead are told in a relative clause about a place.</summary>
    private static bool PlaceDescribed(SentenceReading r, ClauseAnalysis clauses, HashSet<int> agents, int casualty)
    {
        if (clauses.ClauseOf(casualty) is not { Kind: ClauseKind.Relative } clause)
            return false;
        foreach (var p in r.Places)
        {
            if (agents.Contains(p.Index) || p.Mention.KindHint == PlaceKind.Country)
                continue;
            var last = r.TokenAt(p.Mention.End - 1);
            if (last < clause.Span.First && clause.Span.First - last <= 2)
                return true;
        }
        return false;
    }

    private static bool HasAttachment(Clause c, AttachmentRole role, int preposition)
    {
        for (var i = 0; i < c.Attachments.Count; i++)
        {
            var a = c.Attachments[i];
            if (a.Role == role && a.Preposition == preposition)
                return true;
        }
        return false;
    }

    private static bool LocationHolds(Clause c, int token)
    {
        for (var i = 0; i < c.Attachments.Count; i++)
        {
            var a = c.Attachments[i];
            if (a.Role == AttachmentRole.Location && a.Phrase.Contains(token))
                return true;
        }
        return false;
    }

    private static bool HasSpecificPlace(SentenceReading r, HashSet<int> agents)
    {
        foreach (var p in r.Places)
        {
            if (!agents.Contains(p.Index) && p.Mention.KindHint != PlaceKind.Country)
                return true;
        }
        return false;
    }

    private static bool Supported(EventType type, SentenceReading r, HashSet<int> agents, List<PhraseMatch<TriggerEntry>> triggers)
    {
        var place = HasSpecificPlace(r, agents);
        var weapon = FirstStrikingWeapon(r) >= 0;
        return type switch
        {
            EventType.Strike => weapon || place || r.Casualties.Count > 0,
            EventType.AirDefense => weapon,
            EventType.GroundCombat => place,
            // "captured the moment ... near the Kremlin": what is taken follows the verb closely.
            EventType.TerritorialChange => TakenPlaceFollows(r, agents, triggers),
            EventType.Diplomacy => place,
            EventType.Aid => AnyMoney(r),
            EventType.Policy or EventType.Threat or EventType.Cyber => r.Actors.Count > 0,
            _ => false,
        };
    }

    private static bool TakenPlaceFollows(SentenceReading r, HashSet<int> agents, List<PhraseMatch<TriggerEntry>> triggers)
    {
        foreach (var p in r.Places)
        {
            if (agents.Contains(p.Index) || p.Mention.KindHint is not (PlaceKind.Settlement or PlaceKind.Region))
                continue;
            var k = r.TokenAt(p.Mention.Start);
            foreach (var t in triggers)
            {
                if (k >= t.Last && k - t.Last <= 10)
                    return true;
            }
        }
        return false;
    }

    /// <summary>"to the European Union", "of Russia": a side named as an object, not a subject.</summary>
    private static bool AfterPreposition(SentenceReading r, int first)
    {
        var k = first - 1;
        while (k >= 0 && Words.Determiner.Has(r.Tokens[k]))
            k--;
        return k >= 0 && IsPreposition(r.Tokens[k]);
    }

    private static bool IsPreposition(Token t) => Words.Preposition.Has(t);

    /// <summary>Distance in tokens from an item to the nearest anchor of a draft.</summary>
    private static int Nearest(List<(EventDraft Draft, List<int> Anchors)> drafts, int token)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < drafts.Count; i++)
        {
            foreach (var a in drafts[i].Anchors)
            {
                var d = Math.Abs(a - token);
                if (d < bestDistance)
                {
                    best = i;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The side a section is speaking about, for "the ministry said": the source of the
    /// latest claim, else the first side named as a subject in the latest sentence that names one.
    /// </summary>
    private void NoteSide(SentenceReading r, ClaimSource? claim)
    {
        if (claim?.Code is { } source)
        {
            _sectionSide = source;
            _sectionSideSpoke = true;
            return;
        }
        // A side that spoke in this section stays the one "the ministry" refers to.
        if (_sectionSideSpoke)
            return;
        foreach (var a in r.Actors)
        {
            if (a.Value.Role != ActorRole.Adjective && !r.InQuote(a.First) && !AfterPreposition(r, a.First))
            {
                _sectionSide = a.Value.Code;
                return;
            }
        }
    }

    /// <summary>How far before an attack word its guard's "against" may stand, in tokens.</summary>
    private const int GuardReach = 8;

    /// <summary>
    /// "defence against drone attacks", "protection against chemical and dirty bomb attacks": the
    /// attacks a guard is against are a kind of threat, not an attack that happened.
    /// </summary>
    private static bool GuardedAgainst(SentenceReading r, PhraseMatch<TriggerEntry> t)
    {
        // A short list of kinds may stand between: "against drone, missile and artillery attacks".
        for (var k = t.First - 1; k >= 1 && k >= t.First - GuardReach; k--)
        {
            var w = r.Tokens[k];
            if (EventWords.GuardPreposition.Has(w))
                return EventWords.GuardNoun.Has(r.Tokens[k - 1]);
            if (w.Kind == TokenKind.Punct && w.Norm != ",")
                return false;
        }
        return false;
    }

    /// <summary>"was struck by the state of the towns": a passive whose agent is neither a side nor a weapon.</summary>
    private static bool StruckByNothing(SentenceReading r, PhraseMatch<TriggerEntry> t)
    {
        if (t.Value.Strength != TriggerStrength.Weak || t.Last >= r.Tokens.Count || !Words.AgentPreposition.Has(r.Tokens[t.Last]))
            return false;
        var k = t.Last + 1;
        while (k < r.Tokens.Count && Words.Article.Has(r.Tokens[k]))
            k++;
        if (k >= r.Tokens.Count)
            return false;
        foreach (var a in r.Actors)
        {
            if (a.First <= k && k < a.Last + 2)
                return false;
        }
        foreach (var w in r.Weapons)
        {
            if (w.First <= k + 2 && k <= w.First)
                return false;
        }
        return true;
    }

    /// <summary>
    /// A non-restrictive relative clause (", which has seen heavy fighting,") describes; it
    /// does not report. Triggers inside one make no event.
    /// </summary>
    private static bool InDescriptiveClause(SentenceReading r, int token)
    {
        for (var k = token - 1; k > 0; k--)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct && t.Norm is "," or ";" or "(" or ")")
                return false;
            if (Words.DescriptiveRelative.Has(t) && r.Tokens[k - 1].Kind == TokenKind.Punct && r.Tokens[k - 1].Norm is "," or "-")
                return true;
        }
        return false;
    }
}
