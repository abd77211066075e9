using Sitrep.Clauses;
using Sitrep.Geo;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

// Which of a sentence's place mentions are where an event happened, and which event gets each.
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Place mentions that are not where the event happened: a side ("Kyiv's administration",
    /// "by Moscow", "Moscow said", "Moscow bears down"), a reference point ("18 km from the
    /// boundary of"), or a place described in passing (", which ..."). A place that names an
    /// office's patch ("head of the Luhansk region military administration") is kept apart as
    /// the jurisdiction: where an otherwise unplaced strike the office reports happened.
    /// </summary>
    private HashSet<int> AgentPlaces(SentenceReading r, ClauseAnalysis clauses, out List<int> jurisdiction)
    {
        // One set and one list per builder, refilled per sentence: neither outlives the sentence.
        var agents = _agents;
        agents.Clear();
        jurisdiction = _jurisdiction;
        jurisdiction.Clear();
        foreach (var p in r.Places)
        {
            var first = r.TokenAt(p.Mention.Start);
            var last = r.TokenAt(p.Mention.End - 1);
            var next = last + 1;
            if (next < r.Tokens.Count && r.Tokens[next].Norm == "'s")
                next++;
            var institution = InstitutionAfter(r, next);
            var cue = CueRightAfter(r, last);
            var by = first > 0 && Words.AgentPreposition.Has(r.Tokens[first - 1]);
            var side = p.Canonical is null && IsSide(r, p.Mention) && !AfterLocative(r, first) && !Listed(r, first, last);
            var origin = Origin(r, first) || OriginPhrase(r, clauses, first);
            // "the city's Kyivskyi district", "Kharkiv's Saltivskyi district": a part of a city
            // already named, not a namesake elsewhere.
            var cityDistrict = first > 0 && r.Tokens[first - 1].Norm == "'s"
                && (Words.CityPart.Has(r.Tokens[last])
                    || last + 1 < r.Tokens.Count && Words.CityPart.Has(r.Tokens[last + 1]));
            // "a Washington-based institute", "Kremlin-backed": the place qualifies a noun.
            var compound = p.Mention.End + 1 < text.Length && text[p.Mention.End] == '-' && char.IsLetter(text[p.Mention.End + 1]);
            // "KYIV (Reuters) -": where the reporter filed from, unless nothing else in the sentence places the event.
            var dateline = p.Mention.Dateline && AnyNotDateline(r);
            // "Kharkiv Axis: ...": a section label names the theatre; the sentence's own place, when it names one, is where it happened.
            var label = SectionLabel(r, first, last) && AnyOtherOnLand(r, p.Index, int.MinValue);
            if (institution.Value || cue || by || side || origin || compound || cityDistrict || dateline || label || Reference(r, first) || Yardstick(r, p.Index, first) || OpeningYardstick(r, p.Index, first, last) || InDescriptiveClause(r, first) || InSinceClause(r, first) || SaidThere(r, first))
            {
                agents.Add(p.Index);
                if (institution.Value && LocalOfficeAt(r, next))
                    jurisdiction.Add(p.Index);
            }
        }
        // "strikes on the port of Odesa on the Black Sea", "shelled Nikopol across the Dnieper":
        // a sea, river or strait named beside a place on land is that place's coast, bank or
        // route; the event is placed on land. Told alone ("sank in the Black Sea"), it stays.
        if (AnyOnLandNotAgent(r, agents))
        {
            foreach (var p in r.Places)
            {
                if (p.Mention.KindHint == PlaceKind.Water)
                    agents.Add(p.Index);
            }
        }
        return agents;
    }

    private static PhraseMatch<bool> InstitutionAfter(SentenceReading r, int next)
    {
        foreach (var i in r.Institutions)
        {
            if (i.First == next || i.First == next + 1 && r.Tokens[next].IsWord && !IsPreposition(r.Tokens[next]))
                return i;
        }
        return default;
    }

    private static bool CueRightAfter(SentenceReading r, int last)
    {
        foreach (var c in r.Cues)
        {
            if (c.First == last + 1 && c.Value.SourcePosition != CuePosition.After)
                return true;
        }
        return false;
    }

    private static bool AnyNotDateline(SentenceReading r)
    {
        foreach (var o in r.Places)
        {
            if (!o.Mention.Dateline)
                return true;
        }
        return false;
    }

    /// <summary>Another mention than <paramref name="index"/>, neither a country nor water, starting after token <paramref name="after"/>.</summary>
    private static bool AnyOtherOnLand(SentenceReading r, int index, int after)
    {
        foreach (var o in r.Places)
        {
            if (o.Index != index && o.Mention.KindHint is not (PlaceKind.Country or PlaceKind.Water)
                && (after == int.MinValue || r.TokenAt(o.Mention.Start) > after))
                return true;
        }
        return false;
    }

    private static bool LocalOfficeAt(SentenceReading r, int next)
    {
        foreach (var o in r.Offices)
        {
            if (o.Value.Scope == OfficeScope.Local && o.First >= next && o.First <= next + 2)
                return true;
        }
        return false;
    }

    private static bool AnyOnLandNotAgent(SentenceReading r, HashSet<int> agents)
    {
        foreach (var p in r.Places)
        {
            if (!agents.Contains(p.Index) && p.Mention.KindHint is not (PlaceKind.Water or PlaceKind.Country))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "missiles launched from bombers over the Caspian Sea": a place in the clause's origin
    /// attachment of a launching verb is where the weapon came from, and so is one in an
    /// attachment that runs on from a launcher named there (where the bombers flew). After a
    /// position that is no launcher ("an offensive from a base in the city of X") the place is
    /// where the fighting is.
    /// </summary>
    private static bool OriginPhrase(SentenceReading r, ClauseAnalysis clauses, int first)
    {
        if (clauses.ClauseOf(first) is not { } clause)
            return false;
        var chain = false;
        var end = -1;
        for (var n = 0; n < clause.Attachments.Count; n++)
        {
            var a = clause.Attachments[n];
            var origin = a.Role == AttachmentRole.Origin && clauses.GoverningGroup(a.Preposition) is { } g && Words.OriginVerb.Has(r.Tokens[g.Head]);
            if (a.Phrase.Contains(first))
                return origin || chain && a.Preposition == end;
            chain = origin ? WeaponIn(r, a.Phrase) : chain && a.Preposition == end;
            end = a.Phrase.Last;
        }
        return false;
    }


    /// <summary>
    /// "2. Kyiv Axis:", "- Donetsk direction:": a place that opens its line (after a list mark
    /// only), followed by a theatre noun and a colon, heads the section that follows.
    /// </summary>
    private static bool SectionLabel(SentenceReading r, int first, int last)
    {
        for (var k = 0; k < first; k++)
        {
            if (r.Tokens[k].IsWord)
                return false;
        }
        var k2 = last + 1;
        while (k2 < r.Tokens.Count && EventWords.SectionNoun.Has(r.Tokens[k2]))
            k2++;
        // The theatre noun may be inside the mention itself ("Kharkiv direction" is read as one area).
        return (k2 > last + 1 || EventWords.SectionNoun.Has(r.Tokens[last])) && k2 < r.Tokens.Count && r.Tokens[k2].Norm == ":";
    }

    private static bool WeaponIn(SentenceReading r, TokenSpan phrase)
    {
        foreach (var w in r.Weapons)
        {
            if (phrase.Contains(w.First))
                return true;
        }
        return false;
    }

    private static bool IsSide(SentenceReading r, PlaceMention m)
    {
        foreach (var a in r.Actors)
        {
            if (a.Value.Role != ActorRole.Adjective && a.Start <= m.Start && m.End <= a.End)
                return true;
        }
        return false;
    }

    /// <summary>
    /// "the Sumy, Kyiv and Poltava regions", "struck Lviv, Kyiv and Rivne": a side's name listed
    /// with places that are no side is one more place of the list. ("Moscow, Kyiv and Washington"
    /// lists sides.)
    /// </summary>
    private static bool Listed(SentenceReading r, int first, int last)
    {
        return first >= 2 && Words.ListJoiner.Has(r.Tokens[first - 1]) && NonSidePlaceAt(r, -1, first - 2)
            || last + 2 < r.Tokens.Count && Words.ListJoiner.Has(r.Tokens[last + 1]) && NonSidePlaceAt(r, last + 2, -1);
    }

    /// <summary>A place that is no side, starting at token <paramref name="start"/> or ending at <paramref name="end"/> (-1: either).</summary>
    private static bool NonSidePlaceAt(SentenceReading r, int start, int end)
    {
        foreach (var o in r.Places)
        {
            if ((start < 0 || r.TokenAt(o.Mention.Start) == start) && (end < 0 || r.TokenAt(o.Mention.End - 1) == end) && !IsSide(r, o.Mention))
                return true;
        }
        return false;
    }


    /// <summary>
    /// "on Kyiv", "into Moscow's business district", "near the Kremlin": a side's name used as a
    /// location. Not after a noun that takes a side ("sanctions on Moscow", "backing to Kyiv"),
    /// nor after a reaction felt by a government ("concern in Moscow", "alarm in Washington").
    /// </summary>
    private static bool AfterLocative(SentenceReading r, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            var t = r.Tokens[k];
            if (Words.Locative.Has(t))
                return !(k > 0 && (Words.PartisanNoun.Has(r.Tokens[k - 1]) || EventWords.ReactionNoun.Has(r.Tokens[k - 1])));
            if (!Words.LocativeFiller.Has(t))
                return false;
        }
        return false;
    }

    /// <summary>"missiles fired from occupied Crimea": where a weapon came from, not where it struck.</summary>
    private static bool Origin(SentenceReading r, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            var t = r.Tokens[k];
            if (Words.OriginPreposition.Has(t))
            {
                // "pushed south from X": a heading between the verb and "from".
                var v = k - 1;
                while (v > 0 && Words.Compass.Has(r.Tokens[v]))
                    v--;
                return v >= 0 && Words.OriginVerb.Has(r.Tokens[v]);
            }
            if (!Words.OriginFiller.Has(t))
                return false;
        }
        return false;
    }

    /// <summary>
    /// "Speaking at a news conference in Kyiv, the minister said talks had produced a plan",
    /// "told reporters in Washington that drones hit Odesa": a place in the setting of a speech,
    /// before the act the speaker reports, is where it was said. ("At a summit in Vilnius, the
    /// leaders agreed ..., officials said" reports the act first, and keeps its place.)
    /// </summary>
    private static bool SaidThere(SentenceReading r, int first)
    {
        var act = -1;
        foreach (var t in r.Triggers)
        {
            if (t.First < first)
                return false;
            if (t.First > first && (act < 0 || t.First < act))
                act = t.First;
        }
        if (act < 0 || !UnquotedCueBefore(r, act))
            return false;
        for (var k = first - 1; k >= 0 && k >= first - 4; k--)
        {
            var t = r.Tokens[k];
            if (Words.PhraseBreak.Has(t))
                return false;
            if (EventWords.SpeechSetting.Has(t))
                return true;
        }
        return false;
    }

    private static bool UnquotedCueBefore(SentenceReading r, int act)
    {
        foreach (var c in r.Cues)
        {
            if (c.First < act && !r.InQuote(c.First))
                return true;
        }
        return false;
    }

    /// <summary>"since the fall of Avdiivka in February": a place that dates the story, not where it happens.</summary>
    private static bool InSinceClause(SentenceReading r, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 8; k--)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct)
                return false;
            if (EventWords.SpanStart.Has(t))
                return true;
        }
        return false;
    }

    /// <summary>"18 kilometres (11 miles) from the boundary of X", "within two miles of X": X is a yardstick.</summary>
    private static bool Reference(SentenceReading r, int first)
    {
        var start = r.Tokens[Math.Max(0, first - 12)].Start;
        var at = r.Tokens[first].Start;
        var numbers = r.Numbers;
        for (var i = 0; i < numbers.Count; i++)
        {
            var q = numbers[i];
            if (q.Unit == QuantityUnit.Measure && q.Start >= start && q.End <= at)
            {
                for (var k = r.TokenAt(q.End); k < first; k++)
                {
                    if (EventWords.DistanceLink.Has(r.Tokens[k]))
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// "the regions of Chernihiv, north of Kyiv", "Lviv west of the capital": a compass phrase
    /// right after another place says where that place lies; its own place is a yardstick.
    /// ("fighting west of Kyiv" locates the fighting, and Kyiv stays its place.)
    /// </summary>
    private static bool Yardstick(SentenceReading r, int index, int first)
    {
        var k = first - 1;
        while (k >= 0 && Words.Article.Has(r.Tokens[k]))
            k--;
        if (k < 2 || !Words.NounJoiner.Has(r.Tokens[k]) || !Words.Compass.Has(r.Tokens[k - 1]))
            return false;
        k -= 2;
        if (r.Tokens[k].Kind == TokenKind.Punct && r.Tokens[k].Norm == ",")
            k--;
        if (k < 0)
            return false;
        foreach (var o in r.Places)
        {
            if (o.Index != index && r.TokenAt(o.Mention.End - 1) == k)
                return true;
        }
        return false;
    }

    /// <summary>
    /// "East of Kharkiv, Russian troops took Kupiansk": a compass phrase that opens the sentence
    /// sets the scene; when the sentence names a place of its own after it, the opening place
    /// is a yardstick.
    /// </summary>
    private static bool OpeningYardstick(SentenceReading r, int index, int first, int last)
    {
        var k = first - 1;
        while (k >= 0 && Words.Article.Has(r.Tokens[k]))
            k--;
        if (k < 1 || !Words.NounJoiner.Has(r.Tokens[k]) || !Words.Compass.Has(r.Tokens[k - 1]))
            return false;
        for (var j = k - 2; j >= 0; j--)
        {
            if (r.Tokens[j].IsWord)
                return false;
        }
        return last + 1 < r.Tokens.Count && Words.PhraseBreak.Has(r.Tokens[last + 1])
            && AnyOtherOnLand(r, index, last + 1);
    }

    private static bool SharesPlaces(EventType type) =>
        type is EventType.Strike or EventType.AirDefense or EventType.GroundCombat or EventType.TerritorialChange or EventType.Diplomacy;

    /// <summary>
    /// Each place goes to the nearest event; a place nearer a trigger dropped as not told as done
    /// ("may strike Odesa", "plans an offensive on X") is that act's, and no other event's.
    /// </summary>
    private void AssignPlaces(SentenceReading r, List<(EventDraft Draft, List<int> Anchors)> drafts, HashSet<int> agents, List<int> jurisdiction, List<int> unreal)
    {
        // Loops over per-builder scratch lists rather than LINQ: this runs for every sentence with an event (issue 12, allocation).
        var placed = _placed;
        placed.Clear();
        foreach (var d in drafts)
        {
            if (d.Draft.Type != EventType.Threat)
                placed.Add(d);
        }
        if (placed.Count == 0)
            return;
        var candidates = _candidates;
        candidates.Clear();
        foreach (var p in r.Places)
        {
            if (!agents.Contains(p.Index) && MinDistance(unreal, r.TokenAt(p.Mention.Start)) >= MinAnchorDistance(placed, r.TokenAt(p.Mention.Start)))
                candidates.Add(p);
        }
        foreach (var p in candidates)
        {
            // An aid package passes from one side to another: it goes to a country, and a town or a
            // region told with it is where the help is to be used ("for operations in the Donbas").
            var country = p.Mention.KindHint == PlaceKind.Country;
            // A place inside a quotation is not where a contact told outside it took place.
            var quoted = r.InQuote(r.TokenAt(p.Mention.Start));
            NearestTaker(r, placed, country, quoted, r.TokenAt(p.Mention.Start))?.Mentions.Add(p.Index);
        }
        foreach (var (draft, anchors) in placed)
        {
            var specific = AnySpecificCandidate(draft, candidates);
            // A second contact told in the sentence ("and then talked by telephone to Erdogan") is not
            // where the first one took place.
            var another = false;
            foreach (var o in placed)
                another |= o.Draft != draft && o.Draft.Type == draft.Type;
            if (!specific && !another && SharesPlaces(draft.Type) && draft.Strength == TriggerStrength.Strong)
            {
                foreach (var p in candidates)
                {
                    if (p.Mention.KindHint != PlaceKind.Country && !draft.Mentions.Contains(p.Index)
                        && (draft.Type != EventType.Diplomacy || AnyAnchorQuoted(r, anchors, r.InQuote(r.TokenAt(p.Mention.Start)))))
                        draft.Mentions.Add(p.Index);
                }
            }
            if (!specific && draft.Type == EventType.Strike && draft.Mentions.Count == 0)
                draft.Mentions.AddRange(jurisdiction);
        }
    }

    /// <summary>AssignPlaces' scratch lists: refilled per sentence, read only within the call.</summary>
    private readonly List<(EventDraft Draft, List<int> Anchors)> _placed = [];
    private readonly List<IndexedMention> _candidates = [];

    private static int MinDistance(List<int> anchors, int token)
    {
        var min = int.MaxValue;
        foreach (var a in anchors)
            min = Math.Min(min, Math.Abs(a - token));
        return min;
    }

    private static int MinAnchorDistance(List<(EventDraft Draft, List<int> Anchors)> drafts, int token)
    {
        var min = int.MaxValue;
        foreach (var d in drafts)
            min = Math.Min(min, MinDistance(d.Anchors, token));
        return min;
    }

    private static bool AnyAnchorQuoted(SentenceReading r, List<int> anchors, bool quoted)
    {
        foreach (var a in anchors)
        {
            if (r.InQuote(a) == quoted)
                return true;
        }
        return false;
    }

    private static bool AnySpecificCandidate(EventDraft draft, List<IndexedMention> candidates)
    {
        foreach (var i in draft.Mentions)
        {
            foreach (var c in candidates)
            {
                if (c.Index == i && c.Mention.KindHint != PlaceKind.Country)
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The draft nearest a place that may take it, as <see cref="Nearest"/> picks among them: a
    /// country goes to any placed draft, a place on land to any but aid; a contact takes only a
    /// place on its own side of a quotation.
    /// </summary>
    private static EventDraft? NearestTaker(SentenceReading r, List<(EventDraft Draft, List<int> Anchors)> placed, bool country, bool quoted, int token)
    {
        EventDraft? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (draft, anchors) in placed)
        {
            if (!country && draft.Type == EventType.Aid)
                continue;
            if (draft.Type == EventType.Diplomacy && !AnyAnchorQuoted(r, anchors, quoted))
                continue;
            best ??= draft;
            foreach (var a in anchors)
            {
                var d = Math.Abs(a - token);
                if (d < bestDistance)
                {
                    best = draft;
                    bestDistance = d;
                }
            }
        }
        return best;
    }
}
