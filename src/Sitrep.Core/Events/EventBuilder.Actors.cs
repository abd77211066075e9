using Sitrep.Clauses;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

// Who did it, and who says so.
internal sealed partial class EventBuilder
{
    private readonly HashSet<int> _sourceTokens = [];

    /// <summary>How far from a cue ("said", "according to") its source may stand, in tokens.</summary>
    private const int CueReach = 10;

    /// <summary>
    /// The source the sentence attributes its facts to: the actor or office nearest a cue, on
    /// the side the cue expects ("Moscow said", "according to DeepState"). The source's tokens
    /// are returned so that the source is not also taken for the one who acted.
    /// </summary>
    private ClaimSource? ReadClaim(SentenceReading r, ClauseAnalysis clauses, out HashSet<int> sourceTokens)
    {
        // One set per builder, refilled per sentence: it is read only while the sentence is built.
        sourceTokens = _sourceTokens;
        sourceTokens.Clear();
        _claimCue = -1;
        foreach (var cue in r.Cues)
        {
            if (r.InQuote(cue.First))
                continue;
            var position = cue.Value.SourcePosition;
            if (position != CuePosition.After && SourceBefore(r, cue.First, sourceTokens) is { } before)
            {
                _claimCue = cue.First;
                return before;
            }
            // "..., said Moscow." names the source; "said Russian drones hit" opens the reported clause.
            if (position == CuePosition.After || position == CuePosition.Either && EndsClause(r, cue.Last))
            {
                if (SourceAfter(r, cue.Last, sourceTokens) is { } after)
                {
                    _claimCue = cue.First;
                    return after;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// "hours after Biden had announced new aid": a cue in a subordinate clause with its own
    /// object attributes only that clause; "..., as Russia claimed" attributes the sentence.
    /// </summary>
    /// (An object that is a pronoun, "as Zelensky described it", points back at the sentence.)
    private static bool OnlyItsOwnClause(SentenceReading r, ClauseAnalysis clauses, int cue) =>
        clauses.ClauseOf(cue) is { Kind: ClauseKind.Subordinate, Object.IsEmpty: false } c && clauses.Clauses.Count > 1
        && !Words.Pronoun.Has(r.Tokens[c.Object.First]);

    /// <summary>A word written with a capital: a name, or a title in front of one ("President", "Defence Minister").</summary>
    private bool Capitalized(Token t) => t.IsWord && char.IsUpper(text[t.Start]);

    /// <summary>Whether a few name-like words after a cue end the clause: "said the Kremlin spokesman.".</summary>
    private bool EndsClause(SentenceReading r, int cueEnd)
    {
        for (var k = cueEnd; k < r.Tokens.Count && k < cueEnd + CueReach; k++)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct && t.Norm is "," or "." or ";" or ":")
                return true;
            var name = Capitalized(t);
            if (!name && !Words.SpeakerGlue.Has(t) && !Words.SpeakerTitle.Has(t)
                && !InOffice(r, k))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The speaker before a cue: walking back over names, titles and offices ("Kremlin
    /// spokesman Dmitry Peskov said", "Ukraine's cyber spy chief told"), stopping at the
    /// first ordinary word, so "an oil firm in a NATO country, researchers say" names no source.
    /// </summary>
    private ClaimSource? SourceBefore(SentenceReading r, int cue, HashSet<int> sourceTokens)
    {
        for (var k = cue - 1; k >= 0 && k >= cue - CueReach; k--)
        {
            if (SourceAt(r, k, sourceTokens) is { } source)
                return source;
            var t = r.Tokens[k];
            var name = Capitalized(t);
            var glue = Words.SpeakerGlue.Has(t);
            var office = InOffice(r, k) || Words.SpeakerTitle.Has(t);
            if (!name && !glue && !office)
                break;
        }
        return null;
    }

    /// <summary>The speaker after a cue ("according to Ukraine's DeepState", "said Moscow"), walking over names and titles only.</summary>
    private ClaimSource? SourceAfter(SentenceReading r, int cueEnd, HashSet<int> sourceTokens)
    {
        for (var k = cueEnd; k < r.Tokens.Count && k < cueEnd + CueReach; k++)
        {
            if (SourceAt(r, k, sourceTokens) is { } source)
                return source;
            var t = r.Tokens[k];
            var name = Capitalized(t);
            if (!name && !Words.SpeakerGlue.Has(t) && !Words.SpeakerTitle.Has(t) || t.Norm is "," or ".")
                break;
        }
        return null;
    }

    /// <summary>An actor or office phrase ending at (or covering) token k, with any side named before it.</summary>
    private ClaimSource? SourceAt(SentenceReading r, int k, HashSet<int> sourceTokens)
    {
        foreach (var a in r.Actors)
        {
            if (a.First <= k && k < a.Last)
            {
                for (var j = a.First; j < a.Last; j++)
                    sourceTokens.Add(j);
                return new ClaimSource(a.Value.Code, null);
            }
        }
        foreach (var o in r.Offices)
        {
            if (o.First <= k && k < o.Last)
            {
                // "Ukraine's interior ministry", "the Russian Defence Ministry": the side is named.
                // Only a side attached to the office names it: "Ukraine's interior ministry",
                // "the Russian Defence Ministry", "Ukraine's cyber spy chief"; not "Russian shelling,
                // the regional administration said".
                // An office inside a longer one ("Russia's defence ministry spokesman") takes the side
                // named before the whole title; an office of a side ("the head of Ukraine's security
                // service", "a spokesman for the Russian army") takes the side after its link word.
                var side = SideAttachedBefore(r, o.First);
                if (side.Value is null)
                    side = SideOfOffice(r, o.Last);
                for (var j = o.First; j < o.Last; j++)
                    sourceTokens.Add(j);
                if (side.Value is not null)
                {
                    for (var j = side.First; j < side.Last; j++)
                        sourceTokens.Add(j);
                    return new ClaimSource(side.Value.Code, null);
                }
                // "The ministry said": the side that spoke earlier in the section, if one did.
                return o.Value.Scope == OfficeScope.National && _sectionSideSpoke && _sectionSide is not null
                    ? new ClaimSource(_sectionSide, null)
                    : new ClaimSource(null, o.Value.Scope);
            }
        }
        return null;
    }

    /// <summary>
    /// The last side named before an office with nothing but "'s", titles or office words
    /// between ("Ukraine's interior ministry"); the default match when there is none.
    /// </summary>
    private static PhraseMatch<ActorEntry> SideAttachedBefore(SentenceReading r, int officeFirst)
    {
        for (var i = r.Actors.Count - 1; i >= 0; i--)
        {
            var a = r.Actors[i];
            if (a.Last <= officeFirst && OnlyTitleWords(r, a.Last, officeFirst))
                return a;
        }
        return default;
    }

    private static bool OnlyTitleWords(SentenceReading r, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (!(r.Tokens[j].Norm == "'s" || Words.SpeakerTitle.Has(r.Tokens[j]) || InOffice(r, j)))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether a noun trigger is what an inverse verb acts on: "thwarted an assault", "helped
    /// the bank repel new attacks" (a bare verb inside the object counts too).
    /// </summary>
    private static bool FendedOff(SentenceReading r, ClauseAnalysis clauses, int anchor)
    {
        if (clauses.GroupAt(anchor) is not null || clauses.GoverningGroup(anchor) is not { } g || g.Span.Last > anchor)
            return false;
        for (var k = g.Head; k < anchor; k++)
        {
            if (Words.InverseVerb.Has(r.Tokens[k]))
                return true;
        }
        return false;
    }

    /// <summary>Whether token k stands in the speaker of an attribution frame that does not also hold the trigger.</summary>
    private static bool InSpeaker(SentenceReading r, ClauseAnalysis clauses, int k, int trigger)
    {
        for (var i = 0; i < clauses.Attributions.Count; i++)
        {
            var a = clauses.Attributions[i];
            if (a.Speaker.Contains(k) && !a.Speaker.Contains(trigger) && !r.InQuote(a.Cue.First))
                return true;
        }
        return false;
    }

    private static bool InOffice(SentenceReading r, int k)
    {
        foreach (var o in r.Offices)
        {
            if (o.First <= k && k < o.Last)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The side an office belongs to when a link word follows it: "head of Ukraine's security
    /// service", "spokesman for the Russian army". Over determiners and other offices only, so
    /// "the mayor of a city under Russian occupation" speaks for no side.
    /// </summary>
    private static PhraseMatch<ActorEntry> SideOfOffice(SentenceReading r, int officeEnd)
    {
        if (officeEnd >= r.Tokens.Count || !Words.OfficeLink.Has(r.Tokens[officeEnd]))
            return default;
        var k = officeEnd + 1;
        while (k < r.Tokens.Count && (Words.Determiner.Has(r.Tokens[k]) || InOffice(r, k)))
            k++;
        foreach (var a in r.Actors)
        {
            if (a.First == k && a.Value.Role != ActorRole.Person)
                return a;
        }
        return default;
    }

    /// <summary>
    /// The initiator: a side named as the attack's adjective ("Russian missile strike"), an
    /// agent after "by", or the nearest side named before the trigger that is neither the
    /// source of the claim nor a place the event happened at.
    /// </summary>
    private void AssignActor(SentenceReading r, ClauseAnalysis clauses, EventDraft draft, List<int> anchors, HashSet<int> claimTokens, ClaimSource? claim)
    {
        // A strike's own words name its side better than the interception told with it.
        var ordered = _ordered;
        ordered.Clear();
        var defenseLast = draft.Type == EventType.Strike;
        foreach (var a in anchors)
        {
            if (!defenseLast || TriggerAt(r, a)?.Type != EventType.AirDefense)
                ordered.Add(a);
        }
        if (defenseLast)
        {
            foreach (var a in anchors)
            {
                if (TriggerAt(r, a)?.Type == EventType.AirDefense)
                    ordered.Add(a);
            }
        }
        var trigger = ordered[0];
        string? actor = null;
        var rule = "side in the trigger's noun phrase";
        foreach (var anchor in ordered)
            actor ??= NounPhraseSide(r, anchor, claimTokens);
        // Leaders speak, visit and threaten; they do not fire or fight.
        var fights = draft.Type is EventType.Strike or EventType.AirDefense or EventType.GroundCombat or EventType.TerritorialChange;
        var framed = false;
        if (actor is null)
        {
            foreach (var anchor in ordered)
            {
                if (FrameSide(r, clauses, anchor, claimTokens, fights, out var why) is { } side)
                {
                    (actor, framed, rule) = (side, true, why);
                    break;
                }
            }
        }
        if (actor is null)
            rule = "agent after 'by'";
        if (actor is null)
        {
            foreach (var anchor in anchors)
            {
                var by = AgentAfter(r, anchor);
                if (by.Value is not null)
                {
                    actor = by.Value.Code;
                    break;
                }
            }
        }
        var fromSubject = actor is null;
        // "helped Kyivstar repel new cyber attacks": the side named before the verb fended the
        // attacks off; the attacker is its opponent.
        if (fromSubject && AnyFendedOff(r, clauses, anchors))
            draft.ActorInverse = true;
        if (actor is null)
        {
            rule = "nearest side named before the trigger";
            // The subject of another event's verb ("Putin vowed ... in retaliation for a
            // drone attack") is not this event's actor: look no further back than that verb.
            var floor = OtherVerbBefore(r, trigger, draft.Type);
            // Aid in this war flows to Ukraine: the donor is the side named that is not Ukraine.
            var donor = draft.Type == EventType.Aid;
            var hitSpans = _hitSpans;
            hitSpans.Clear();
            foreach (var anchor in anchors)
            {
                if (TriggerAt(r, anchor)?.Inverse != true && PassiveSubject(clauses, anchor) is { IsEmpty: false } h)
                    hitSpans.Add(h);
            }
            for (var n = 0; n < r.Actors.Count; n++)
            {
                var a = r.Actors[r.Actors.Count - 1 - n];
                if (donor && a.Value.Code == "UA")
                    continue;
                // Inside a quotation a side is the actor only of what the quotation tells.
                if (a.First >= trigger || a.First < floor || claimTokens.Contains(a.First) || r.InQuote(a.First) != r.InQuote(trigger))
                    continue;
                // "the head of Ukraine's security service said hackers ...": a side in the speaker's
                // title is whom the speaker speaks for, not who acted.
                if (InSpeaker(r, clauses, a.First, trigger))
                    continue;
                if (fights && AnyContains(hitSpans, a.First))
                    continue;
                if (fights && a.Value.Role == ActorRole.Person)
                    continue;
                if (fights && LeaderSide(r, a))
                    continue;
                if (a.First > 0 && IsPreposition(r.Tokens[a.First - 1]))
                    continue;
                // "the Russian city of Belgorod": an adjective far from the trigger names a place, not a side.
                if (a.Value.Role == ActorRole.Adjective && a.Last < r.Tokens.Count && !ForcesNoun(r.Tokens[a.Last]))
                    continue;
                actor = a.Value.Code;
                break;
            }
        }
        if (actor is null && r.Weapons.Count > 0)
        {
            rule = "side of the weapon";
            // "a Russian missile", "Russian drones": the side that fired them.
            foreach (var w in r.Weapons)
            {
                var adj = AdjectiveBefore(r, w.First);
                if (adj.Value is not null)
                {
                    // "destroyed 64 Ukrainian drones": the drones' side attacked; the defender is the other.
                    actor = draft.Type == EventType.AirDefense ? Sides.Opponent(adj.Value.Code) : adj.Value.Code;
                    break;
                }
            }
        }
        // A threat is the speaker's: "X would be a legitimate target, Zakharova said".
        if (draft.Type == EventType.Threat && claim?.Code is { } speaker)
            (actor, rule) = (speaker, "speaker of the threat");
        if (actor is not null)
        {
            draft.Actor = draft.ActorInverse && fromSubject && !framed ? Sides.Opponent(actor) : actor;
            draft.ActorExplicit = true;
            draft.ActorRule = rule;
            draft.ActorFramed = framed;
        }
        else if (claim?.Code is { } source && draft.Type is EventType.AirDefense or EventType.TerritorialChange or EventType.GroundCombat
                     or EventType.Threat or EventType.Policy or EventType.Aid or EventType.Diplomacy)
        {
            // "The ministry said its troops liberated...": the source speaks of its own side.
            draft.Actor = source;
            draft.ActorRule = "the source's own side";
        }
    }

    /// <summary>
    /// The actor a trigger's clause frame gives. A verb trigger: the active subject, or the
    /// passive "by" agent; with an inverse verb ("repelled", "shot down") the subject is the
    /// defender, so the actor is its opponent, and a passive subject ("were repelled") is the
    /// attacker. A noun trigger in the object of an active verb ("carried out strikes"): that
    /// verb's subject.
    /// </summary>
    private static string? FrameSide(SentenceReading r, ClauseAnalysis clauses, int anchor, HashSet<int> claimTokens, bool fights, out string why)
    {
        why = "";
        var entry = TriggerAt(r, anchor);
        var inverse = entry?.Inverse ?? false;
        var own = clauses.GroupAt(anchor);
        var group = own ?? clauses.GoverningGroup(anchor);
        if (group is null)
            return null;
        if (own is null)
        {
            // Only a noun the verb acts on: "Russia launched new attacks", not "Ukraine faced
            // attacks" (a trigger of no fighting type) nor "in response to attacks" (attached).
            // An announcement is the act of a policy or an aid package ("announced new sanctions"),
            // but only a report of an attack ("Ukraine reported attacks").
            var announced = entry?.Type is EventType.Policy or EventType.Aid;
            if (group.Voice != Voice.Active || group.Span.Last > anchor || !announced && entry?.Type is not (EventType.Strike or EventType.GroundCombat or EventType.Cyber)
                || clauses.IsAttached(r.Tokens, group, anchor) || group.IsSaying && !announced)
                return null;
            // Who announces a policy makes it, even when the announcement is also the claim.
            var s = SideIn(r, clauses.SubjectOf(group), announced ? [] : claimTokens, fights);
            // "Ukrainian troops thwarted an assault": the subject of an inverse verb fended the act off.
            if (FendedOff(r, clauses, anchor))
            {
                why = "opponent of the subject of the inverse verb whose object is the trigger";
                return Sides.Opponent(s);
            }
            why = "subject of the verb whose object is the trigger";
            return s;
        }
        if (group.Voice == Voice.Passive)
        {
            if (clauses.AgentOf(group) is { } agent && SideIn(r, agent, claimTokens, fights) is { } doer)
            {
                why = inverse ? "opponent of the passive agent of an inverse verb" : "passive agent";
                return inverse ? Sides.Opponent(doer) : doer;
            }
            if (inverse && SideIn(r, clauses.SubjectOf(group), claimTokens, fights) is { } attacker)
            {
                why = "passive subject of an inverse verb";
                return attacker;
            }
            // "Ukrainian positions were shelled": the subject of a passive verb of fighting is the
            // side hit; the side that fired is the other one.
            if (!inverse && fights && SideHit(r, clauses, anchor, claimTokens) is { } hit && Sides.Opponent(hit) is { } striker)
            {
                why = "opponent of the side hit, the passive subject";
                return striker;
            }
            return null;
        }
        if (SideIn(r, clauses.SubjectOf(group), claimTokens, fights) is { } subject)
        {
            why = inverse ? "opponent of the subject of an inverse verb" : "subject of the verb";
            return inverse ? Sides.Opponent(subject) : subject;
        }
        return null;
    }

    /// <summary>
    /// The side a span names as a doer: a state, a group, or a side's adjective before a noun of
    /// forces or weapons ("Russian troops"); not a person when the event is fighting, not the
    /// claim's source, not a side after a preposition ("the war in Ukraine").
    /// </summary>
    private static string? SideIn(SentenceReading r, TokenSpan span, HashSet<int> claimTokens, bool fights)
    {
        if (span.IsEmpty)
            return null;
        foreach (var a in r.Actors)
        {
            if (!span.Contains(a.First) || claimTokens.Contains(a.First) || fights && (a.Value.Role == ActorRole.Person || LeaderSide(r, a)))
                continue;
            if (a.First > span.First && IsPreposition(r.Tokens[a.First - 1]))
                continue;
            if (a.Value.Role == ActorRole.Adjective && !HeadsForces(r, a.Last, span.Last))
                continue;
            return a.Value.Code;
        }
        return null;
    }

    /// <summary>"the Ukrainian president": like the leader it names, a leader's side speaks of fighting and does not fight.</summary>
    private static bool LeaderSide(SentenceReading r, PhraseMatch<ActorEntry> a) =>
        a.Value.Role == ActorRole.Adjective && a.Last < r.Tokens.Count && EventWords.LeaderNoun.Has(r.Tokens[a.Last]);

    /// <summary>
    /// The subject of the passive verb group a trigger heads ("Ukrainian positions were
    /// shelled"): what was hit, so never the one who acted. Empty when the trigger is no passive verb.
    /// </summary>
    private static TokenSpan PassiveSubject(ClauseAnalysis clauses, int anchor) =>
        clauses.GroupAt(anchor) is { Voice: Voice.Passive } group ? clauses.SubjectOf(group) : default;

    /// <summary>
    /// The side named in a passive subject, as owner of what was hit: a state, a group, a person
    /// ("Putin's residence") or a side's adjective before any noun ("a Ukrainian village"),
    /// not the claim's source.
    /// </summary>
    private static string? SideHit(SentenceReading r, ClauseAnalysis clauses, int anchor, HashSet<int> claimTokens)
    {
        var span = PassiveSubject(clauses, anchor);
        if (span.IsEmpty)
            return null;
        foreach (var a in r.Actors)
        {
            if (span.Contains(a.First) && !claimTokens.Contains(a.First))
                return a.Value.Code;
        }
        return null;
    }

    /// <summary>
    /// Whether the noun group after a side's adjective ends in forces, weapons or officials,
    /// over a few words between ("the Japanese prime minister", "Russian special forces").
    /// </summary>
    private static bool HeadsForces(SentenceReading r, int from, int last)
    {
        for (var k = from; k < last && k < from + 3; k++)
        {
            var t = r.Tokens[k];
            if (ForcesNoun(t))
                return true;
            if (!t.IsWord || IsPreposition(t) || Words.Coordinator.Has(t))
                return false;
        }
        return false;
    }

    /// <summary>
    /// The source of an attribution frame whose speaker the nearby walk did not find: the
    /// first side or office in the speaker ("Ivan Petrenko, the mayor of the city, said";
    /// "the Ukrainian government said").
    /// </summary>
    private ClaimSource? FramedClaim(SentenceReading r, ClauseAnalysis clauses, HashSet<int> sourceTokens)
    {
        var attributions = clauses.Attributions;
        for (var i = 0; i < attributions.Count; i++)
        {
            var a = attributions[i];
            if (a.Denies || a.Speaker.IsEmpty || r.InQuote(a.Cue.First) || r.InQuote(a.Speaker.First)
)
                continue;
            _claimCue = a.Cue.First;
            // "He said": the speaker last named in the section.
            if (a.Speaker.Last - a.Speaker.First == 1 && Words.Pronoun.Has(r.Tokens[a.Speaker.First]) && _sectionClaim is { } earlier)
                return earlier;
            for (var k = a.Speaker.First; k < a.Speaker.Last; k++)
            {
                // "the Ukrainian presidency" speaks for Ukraine; "the mayor of a city under Russian
                // occupation" does not speak for Russia: a side inside an attachment is not the speaker.
                if (IsPreposition(r.Tokens[k]))
                    break;
                if (SourceAt(r, k, sourceTokens) is { } source)
                    return source;
            }
            for (var k = a.Speaker.First; k < a.Speaker.Last; k++)
            {
                if (InOffice(r, k) && SourceAt(r, k, sourceTokens) is { } office)
                    return office;
            }
        }
        return null;
    }

    private static TriggerEntry? TriggerAt(SentenceReading r, int token)
    {
        foreach (var t in r.Triggers)
        {
            if (t.First == token)
                return t.Value;
        }
        return null;
    }

    /// <summary>AssignActor's scratch lists: refilled per draft, read only within the call.</summary>
    private readonly List<int> _ordered = [];
    private readonly List<TokenSpan> _hitSpans = [];

    /// <summary>A side after "by" (or "by the") within six tokens after the anchor.</summary>
    private static PhraseMatch<ActorEntry> AgentAfter(SentenceReading r, int anchor)
    {
        foreach (var a in r.Actors)
        {
            if (a.First > anchor && a.First - anchor <= 6 && a.First > 0
                && Words.AgentPreposition.Has(r.Tokens[a.First - 1]) || a.First > 1 && Words.AgentPreposition.Has(r.Tokens[a.First - 2]) && a.First > anchor && a.First - anchor <= 6)
                return a;
        }
        return default;
    }

    private static bool AnyFendedOff(SentenceReading r, ClauseAnalysis clauses, List<int> anchors)
    {
        foreach (var a in anchors)
        {
            if (FendedOff(r, clauses, a))
                return true;
        }
        return false;
    }

    /// <summary>The last token of the latest trigger of another family ending by <paramref name="trigger"/>, else 0.</summary>
    private static int OtherVerbBefore(SentenceReading r, int trigger, EventType type)
    {
        var floor = 0;
        var any = false;
        foreach (var t in r.Triggers)
        {
            if (t.Last <= trigger && t.Value.Type != type && Family(t.Value.Type) != Family(type))
            {
                floor = any ? Math.Max(floor, t.Last) : t.Last;
                any = true;
            }
        }
        return floor;
    }

    private static bool AnyContains(List<TokenSpan> spans, int token)
    {
        foreach (var h in spans)
        {
            if (h.Contains(token))
                return true;
        }
        return false;
    }

    /// <summary>The last side adjective right before a weapon ("a Russian missile").</summary>
    private static PhraseMatch<ActorEntry> AdjectiveBefore(SentenceReading r, int weapon)
    {
        for (var i = r.Actors.Count - 1; i >= 0; i--)
        {
            var a = r.Actors[i];
            if (a.Value.Role == ActorRole.Adjective && a.Last <= weapon && weapon - a.Last <= 1)
                return a;
        }
        return default;
    }

    private static EventType Family(EventType t) => EventTypes.Of(t).Family;

    /// <summary>
    /// A side named inside the trigger's own noun phrase: "a Ukrainian airstrike", "Russian
    /// missile and drone attacks", "Kremlin-linked hackers". The walk stops at the phrase's
    /// determiner, a preposition or punctuation.
    /// </summary>
    private static string? NounPhraseSide(SentenceReading r, int trigger, HashSet<int> claimTokens)
    {
        // "a Russian Mi-8 helicopter was shot down": the downed weapon's side attacked; the defender is the other.
        var defense = TriggerAt(r, trigger)?.Type == EventType.AirDefense;
        for (var k = trigger - 1; k >= 0 && k >= trigger - 5; k--)
        {
            var t = r.Tokens[k];
            // "Ukraine's ATACMS strike": the possessor is the side.
            if (t.Norm == "'s" && k > 0)
            {
                foreach (var a in r.Actors)
                {
                    if (a.Last == k && a.Value.Role != ActorRole.Adjective && !claimTokens.Contains(a.First))
                        return a.Value?.Code;
                }
                return null;
            }
            if (t.Kind == TokenKind.Punct && t.Norm != "\"" || IsPreposition(t) || Words.Determiner.Has(t))
                return null;
            foreach (var a in r.Actors)
            {
                if (a.First <= k && k < a.Last && a.Value.Role is ActorRole.Adjective && !claimTokens.Contains(a.First))
                    return defense ? Sides.Opponent(a.Value.Code) : a.Value.Code;
            }
        }
        return null;
    }

    /// <summary>Nouns after which a side's adjective names an agent: its forces, weapons, attacks, or its officials.</summary>
    private static bool ForcesNoun(Token t) => Words.SideNoun.Has(t);
}
