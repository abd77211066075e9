using System.Diagnostics;
using Sitrep.Clauses;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

// Weapons with their counts, casualties, aid amounts and dates.
internal sealed partial class EventBuilder
{
    /// <summary>Words that may stand between a figure and what it counts: "six US-made ballistic missiles".</summary>
    private const int FigureGap = 3;

    private static bool Counts(EventType type) => type is EventType.Strike or EventType.AirDefense;

    /// <summary>
    /// "Drones struck Tu-95 bombers at the airfield": a weapon named as the object of an
    /// active verb of hitting whose subject names a weapon is what was hit, not what was used.
    /// </summary>
    private static bool StruckTarget(SentenceReading r, ClauseAnalysis clauses, int weapon)
    {
        var group = clauses.GoverningGroup(weapon);
        if (group is null || group.Voice != Voice.Active || group.Span.Last > weapon || clauses.IsAttached(r.Tokens, group, weapon))
            return false;
        // "hit", "struck", "destroyed" take a target; "fired", "launched" take what was used.
        var strikes = Words.TargetVerb.Has(r.Tokens[group.Head]) && TriggerIn(r, EventType.Strike, group.Span);
        return strikes && WeaponIn(r, clauses.SubjectOf(group));
    }

    private void AssignWeapons(SentenceReading r, ClauseAnalysis clauses, List<(EventDraft Draft, List<int> Anchors)> drafts)
    {
        if (!drafts.Any(d => Counts(d.Draft.Type)))
            return;
        var headline = r.Sentence.Role == SentenceRole.Headline;
        var weapons = r.Weapons;
        for (var i = 0; i < weapons.Count; i++)
        {
            // "ATACMS ballistic missiles", "X-59 missile": adjacent matches are one weapon.
            var first = weapons[i].First;
            var last = weapons[i].Last;
            var entry = weapons[i].Value;
            while (i + 1 < weapons.Count && weapons[i + 1].First == last)
            {
                var next = weapons[i + 1].Value;
                entry = entry.Model is not null ? entry : next.Model is not null ? next : entry;
                last = weapons[i + 1].Last;
                i++;
            }
            var target = drafts[Nearest(drafts, first)].Draft;
            if (!Counts(target.Type))
                target = drafts.First(d => Counts(d.Draft.Type)).Draft;
            // The defender's weapon ("intercepted by F-16 warplanes") and a subset ("including
            // 11 cruise missiles") are not what was launched at the target.
            if (InterceptedBy(r, first) || Interceptor(r, entry.Class, last) || Preceded(r, first, EventWords.Inclusion, 3))
                continue;
            if (entry.Class == WeaponClass.AirDefenseSystem || InWhereClause(r, first) || DamagedTarget(r, entry.Class, last)
                || StruckTarget(r, clauses, first))
                continue;
            // "80 MLRS attacks" counts attacks, not rockets launched.
            var head = last;
            if (head < r.Tokens.Count && r.Tokens[head].Norm == "(")
            {
                while (head < r.Tokens.Count && r.Tokens[head].Norm != ")")
                    head++;
                head++;
            }
            var countsAttacks = head < r.Tokens.Count && Words.AttackNoun.Has(r.Tokens[head]);
            var figure = countsAttacks ? null : FigureBefore(r, first);
            int? launched = null, intercepted = null;
            if (figure is { } n)
            {
                if (Intercepted(r, first, last))
                {
                    // "shot down 40 of the 52 drones": 52 came, 40 were downed.
                    if (PartOf(r, first) is { } part)
                    {
                        intercepted = part;
                        launched = n;
                    }
                    else
                    {
                        intercepted = n;
                    }
                }
                else
                {
                    launched = n;
                }
            }
            // "launched 48 drones, of which 30 were shot down"; "Of the 25 missiles fired, 20 were shot down"
            if (launched is not null && intercepted is null)
                intercepted = OfWhichDowned(r, last) ?? CountDownedAfter(r, last);
            target.AddWeapon(new WeaponDraft(entry.Class, entry.Model, launched, intercepted, headline));
        }
    }

    /// <summary>", where Su-34 bombers are based": what a place is known for, not what was used.</summary>
    private static bool InWhereClause(SentenceReading r, int token)
    {
        for (var k = token - 1; k > 0; k--)
        {
            if (r.Tokens[k].Kind == TokenKind.Punct && r.Tokens[k].Norm is "," or ";" or "(")
                return false;
            if (EventWords.PlaceRelative.Has(r.Tokens[k]) && r.Tokens[k - 1].Norm == ",")
                return true;
        }
        return false;
    }

    /// <summary>"at least one aircraft had been damaged": an aircraft hit on the ground is a target.</summary>
    private static bool DamagedTarget(SentenceReading r, WeaponClass cls, int last)
    {
        if (cls is not (WeaponClass.Aircraft or WeaponClass.Helicopter))
            return false;
        for (var k = last; k < r.Tokens.Count && k <= last + 4; k++)
        {
            // Passive only: "an aircraft had been damaged"; "an F-16 struck" is the weapon.
            if (Words.TargetVerb.Has(r.Tokens[k]) && k > last && Words.Auxiliary.Has(r.Tokens[k - 1]))
                return true;
            if (r.Tokens[k].Kind == TokenKind.Punct)
                return false;
        }
        return false;
    }

    /// <summary>"F-16 jets shot down six cruise missiles": an aircraft right before an interception word is the defender.</summary>
    private static bool Interceptor(SentenceReading r, WeaponClass cls, int last)
    {
        if (cls is not (WeaponClass.Aircraft or WeaponClass.Helicopter))
            return false;
        return TriggerIn(r, EventType.AirDefense, new TokenSpan(last, last + 1));
    }

    /// <summary>"intercepted by F-16 warplanes": the weapon after "by" is the defender's.</summary>
    private static bool InterceptedBy(SentenceReading r, int weapon)
    {
        if (!Preceded(r, weapon, Words.AgentPreposition, 2))
            return false;
        var by = weapon - 1;
        while (by > 0 && !Words.AgentPreposition.Has(r.Tokens[by]))
            by--;
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type == EventType.AirDefense && t.Last <= by && by - t.Last <= 2)
                return true;
        }
        return false;
    }

    /// <summary>Whether a trigger of the type starts inside the span.</summary>
    private static bool TriggerIn(SentenceReading r, EventType type, TokenSpan span)
    {
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type == type && span.Contains(t.First))
                return true;
        }
        return false;
    }

    private static bool Preceded(SentenceReading r, int token, WordClass word, int within)
    {
        for (var k = token - 1; k >= 0 && k >= token - within - 1; k--)
        {
            if (word.Has(r.Tokens[k]))
                return true;
            if (r.Tokens[k].Kind == TokenKind.Punct)
                return false;
        }
        return false;
    }

    /// <summary>A whole count just before a phrase, allowing a few modifiers between: "almost 200 drones".</summary>
    private static int? FigureBefore(SentenceReading r, int token)
    {
        // "71 of the drones": the figure stands before "of the".
        var k0 = token - 1;
        if (k0 >= 0 && EventWords.DefiniteArticle.Has(r.Tokens[k0]))
            k0--;
        if (k0 >= 1 && Words.NounJoiner.Has(r.Tokens[k0]))
            token = k0;
        var limit = token - FigureGap - 1;
        for (var k = token - 1; k >= 0 && k >= limit; k--)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct && t.Norm != "-")
                return null;
            // Index loops over r.Numbers here and below: a foreach over the IReadOnlyList boxes its enumerator.
            var numbers = r.Numbers;
            for (var qi = 0; qi < numbers.Count; qi++)
            {
                var q = numbers[qi];
                if (q.End <= t.End && q.End > t.Start && q.Unit == QuantityUnit.Count)
                    return q.Value is { } v && v >= 0 && v < 1e7 ? (int)v : null;
            }
            if (t.Kind == TokenKind.Word && (IsPreposition(t) || Words.FigureStop.Has(t)))
                return null;
        }
        return null;
    }

    /// <summary>"..., of which 30 were shot down", "... 30 of them were intercepted": the downed part of a launched whole.</summary>
    private static int? OfWhichDowned(SentenceReading r, int after)
    {
        for (var k = after; k + 2 < r.Tokens.Count && k <= after + 6; k++)
        {
            var t = r.Tokens[k];
            var ofWhich = Words.NounJoiner.Has(t) && EventWords.PartitivePronoun.Has(r.Tokens[k + 1]);
            if (!ofWhich)
                continue;
            var numbers = r.Numbers;
            for (var qi = 0; qi < numbers.Count; qi++)
            {
                var q = numbers[qi];
                var at = r.TokenAt(q.Start);
                var near = Math.Abs(at - k) <= 3 && q.Unit == QuantityUnit.Count;
                if (near && q.Value is { } v && TriggerIn(r, EventType.AirDefense, new TokenSpan(at + 1, at + 5)))
                    return (int)v;
            }
        }
        return null;
    }

    /// <summary>
    /// "Of the 25 missiles fired at the city, 20 were shot down": a bare count just before an
    /// interception word, later in the sentence and with no other weapon between, downs this one.
    /// </summary>
    private static int? CountDownedAfter(SentenceReading r, int after)
    {
        var numbers = r.Numbers;
        for (var qi = 0; qi < numbers.Count; qi++)
        {
            var q = numbers[qi];
            var at = r.TokenAt(q.Start);
            if (at <= after || at - after > 12 || q.Unit != QuantityUnit.Count || q.Value is not { } v)
                continue;
            if (WeaponIn(r, new TokenSpan(after, at + 2)))
                return null;
            if (TriggerIn(r, EventType.AirDefense, new TokenSpan(at + 1, at + 4)))
                return (int)v;
        }
        return null;
    }

    /// <summary>
    /// "…; nine were shot down.": a clause that downs a bare count names no weapon; it downs the
    /// weapon the event just told launched.
    /// </summary>
    private bool AttachLooseInterception(SentenceReading r)
    {
        if (_drafts.Count == 0)
            return false;
        var last = _drafts[^1];
        if (last.Section != r.Sentence.Section || _sentence - last.FirstSentence > 2 || last.Type != EventType.Strike)
            return false;
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type != EventType.AirDefense)
                continue;
            var count = r.Numbers.LastOrDefault(q => q.Unit == QuantityUnit.Count && q.End <= t.Start && t.First - r.TokenAt(q.Start) <= 3);
            if (count.Value is not { } v)
                continue;
            var i = last.Weapons.FindIndex(w => w.Launched is not null && w.Intercepted is null);
            if (i < 0)
                return false;
            last.Weapons[i] = last.Weapons[i] with { Intercepted = (int)v };
            last.Evidence.Add((r.Sentence.Start, r.Sentence.End));
            return true;
        }
        return false;
    }

    /// <summary>The N of "N of (the) M drones", when the figure before a weapon is such a whole.</summary>
    private static int? PartOf(SentenceReading r, int weapon)
    {
        var whole = r.Numbers.LastOrDefault(q => q.End <= r.Tokens[weapon].Start && q.Unit == QuantityUnit.Count);
        if (whole.Length == 0)
            return null;
        var k = r.TokenAt(whole.Start) - 1;
        if (k >= 0 && EventWords.DefiniteArticle.Has(r.Tokens[k]))
            k--;
        if (k < 1 || !Words.NounJoiner.Has(r.Tokens[k]))
            return null;
        var part = r.Numbers.LastOrDefault(q => q.End <= r.Tokens[k].Start && q.End > r.Tokens[k - 1].Start && q.Unit == QuantityUnit.Count);
        return part.Length > 0 && part.Value is { } v && v >= 0 ? (int)v : null;
    }

    /// <summary>
    /// Whether a weapon was met by air defence: an interception word governs it ("shot down
    /// 81 missiles") or follows it closely ("one drone was shot down").
    /// </summary>
    private static bool Intercepted(SentenceReading r, int first, int last)
    {
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type != EventType.AirDefense)
                continue;
            if (t.Last <= first && first - t.Last <= 6 && !Between(r, t.Last, first, EventType.Strike))
                return true;
            if (t.First >= last && t.First - last <= 4)
                return true;
        }
        return false;
    }

    private static bool Between(SentenceReading r, int from, int to, EventType type)
    {
        foreach (var t in r.Triggers)
        {
            if (t.Value.Type == type && t.First >= from && t.Last <= to)
                return true;
        }
        return false;
    }

    private void AssignCasualties(SentenceReading r, List<(EventDraft Draft, List<int> Anchors)> drafts)
    {
        // Most sentences have no casualty: skip the iterator ReadCasualties would allocate for nothing.
        if (r.Casualties.Count == 0)
            return;
        foreach (var (slot, value, token, _) in ReadCasualties(r))
        {
            var draft = drafts[Nearest(drafts, token)].Draft;
            if (draft.Type is not (EventType.Strike or EventType.GroundCombat or EventType.AirDefense))
            {
                var strike = drafts.FirstOrDefault(d => d.Draft.Type is EventType.Strike or EventType.GroundCombat).Draft;
                if (strike is null)
                    continue;
                draft = strike;
            }
            SetCasualty(draft, slot, value);
        }
    }

    private static void SetCasualty(EventDraft draft, string slot, int value)
    {
        if (slot == "killed")
            draft.Killed = Math.Max(draft.Killed ?? 0, value);
        else
            draft.Injured = Math.Max(draft.Injured ?? 0, value);
    }

    /// <summary>Figures of the dead and wounded as the sentence states them: "killing five", "eight wounded", "a guard was injured".</summary>
    private static IEnumerable<(string Slot, int Value, int Token, bool Toll)> ReadCasualties(SentenceReading r)
    {
        foreach (var c in r.Casualties)
        {
            // "the number of confirmed dead rose to 14": a running tally, whose figure follows its verb.
            var tally = TallyOf(r, c.First);
            int? value = tally ? TollFigure(r, c.Last) : null;
            var toll = value is not null;
            if (value is null && !tally && c.Value.FigurePosition != CuePosition.After)
                value = FigureBeforeCasualty(r, c.First);
            if (value is null && !tally && c.Value.FigurePosition != CuePosition.Before)
                value = FigureAfter(r, c.Last);
            // "the death toll rose to 14"
            if (value is null && EventWords.TollNoun.Has(r.Tokens[c.Last - 1]))
            {
                value = TollFigure(r, c.Last);
                toll = value is not null;
            }
            if (value is { } v)
                yield return (c.Value.Slot, v, c.First, toll);
        }
    }

    /// <summary>"the number of (confirmed) fatalities", "the count of dead": the cue is what a tally counts.</summary>
    private static bool TallyOf(SentenceReading r, int cue)
    {
        for (var k = cue - 1; k >= 0 && k >= cue - 3; k--)
        {
            var t = r.Tokens[k];
            if (Words.NounJoiner.Has(t))
                return k > 0 && EventWords.TallyHead.Has(r.Tokens[k - 1]);
            if (!t.IsWord)
                return false;
        }
        return false;
    }


    /// <summary>"one civilian was killed", "three others were injured", "a security guard was injured", "25 dead".</summary>
    private static int? FigureBeforeCasualty(SentenceReading r, int cue)
    {
        for (var k = cue - 1; k >= 0 && k >= cue - 6; k--)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct)
                return null;
            var numbers = r.Numbers;
            for (var qi = 0; qi < numbers.Count; qi++)
            {
                var q = numbers[qi];
                if (q.End <= t.End && q.End > t.Start && q.Unit == QuantityUnit.Count)
                    return q.Value is { } v && v >= 0 && v < 1e6 ? (int)v : null;
            }
            if (EventWords.IndefiniteArticle.Has(t) && k + 1 < cue && r.Tokens[k + 1].IsWord && AuxiliaryBetween(r, k + 1, cue))
                return 1;
            if (Words.CasualtyStop.Has(t))
                return null;
        }
        return null;
    }

    // A loop, not Enumerable.Range(...).Any: its lambda over r cost a closure at every call.
    private static bool AuxiliaryBetween(SentenceReading r, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (EventWords.SingularAuxiliary.Has(r.Tokens[j]))
                return true;
        }
        return false;
    }

    /// <summary>"The death toll from Tuesday's strike rose to 14": the figure after "to", "at" or "reached".</summary>
    private static int? TollFigure(SentenceReading r, int cueEnd)
    {
        for (var k = cueEnd; k + 1 < r.Tokens.Count && k <= cueEnd + 16; k++)
        {
            if (r.Tokens[k].Kind == TokenKind.Punct && r.Tokens[k].Norm is "." or ";")
                return null;
            if (EventWords.TollLevel.Has(r.Tokens[k]))
                return FigureAfter(r, k + 1);
        }
        return null;
    }

    private static int? FigureAfter(SentenceReading r, int cueEnd)
    {
        for (var k = cueEnd; k < r.Tokens.Count && k <= cueEnd + 2; k++)
        {
            var t = r.Tokens[k];
            if (t.Kind == TokenKind.Punct)
                return null;
            // "wounded a woman", "killing a soldier": one person.
            if (k == cueEnd && EventWords.IndefiniteArticle.Has(t) && k + 1 < r.Tokens.Count && r.Tokens[k + 1].IsWord && !r.Tokens[k + 1].Norm.EndsWith('s'))
                return 1;
            var numbers = r.Numbers;
            for (var qi = 0; qi < numbers.Count; qi++)
            {
                var q = numbers[qi];
                if (q.Start >= t.Start && q.Start < t.End && q.Unit == QuantityUnit.Count)
                    return q.Value is { } v && v >= 0 && v < 1e6 ? (int)v : null;
            }
        }
        return null;
    }

    /// <summary>A casualty figure in a sentence that names no event belongs to the event just told ("One person was killed as a result").</summary>
    private void AttachLooseCasualties(SentenceReading r, ClaimSource? claim)
    {
        if (r.Casualties.Count == 0 || _drafts.Count == 0)
            return;
        var last = _drafts[^1];
        if (last.Section != r.Sentence.Section || _sentence - last.FirstSentence > 3
            || last.Type is not (EventType.Strike or EventType.GroundCombat))
            return;
        var added = false;
        foreach (var (slot, value, _, toll) in ReadCasualties(r))
        {
            // A tally that rose since is the event's figure now; other figures only fill a gap.
            var held = slot == "killed" ? last.Killed : last.Injured;
            if (held is null || toll && value > held)
            {
                SetCasualty(last, slot, value);
                added = true;
            }
        }
        if (added)
        {
            last.Evidence.Add((r.Sentence.Start, r.Sentence.End));
            last.Claim ??= claim;
        }
    }

    private static void AssignAmounts(SentenceReading r, List<(EventDraft Draft, List<int> Anchors)> drafts)
    {
        var aid = drafts.FirstOrDefault(d => d.Draft.Type == EventType.Aid).Draft;
        if (aid is null)
            return;
        var numbers = r.Numbers;
        for (var i = 0; i < numbers.Count; i++)
        {
            var q = numbers[i];
            if (q.Unit != QuantityUnit.Money || q.Value is not { } value)
                continue;
            // Only dollars fill amount_usd: no exchange rate is guessed.
            aid.AmountUsd = q.AmountUsd;
            aid.Amount = (value, q.Currency ?? "");
            aid.AmountApproximate = q.Approximation != Approximation.Exact;
            break;
        }
    }

    /// <summary>
    /// The day each event happened: a date in the sentence nearest its trigger; else the date
    /// the paragraph set; else, for copy written as news of the day (present, perfect or
    /// future tense, or a headline), the publication date; else unknown.
    /// </summary>
    private void AssignDates(SentenceReading r, ClauseAnalysis clauses, List<(EventDraft Draft, List<int> Anchors)> drafts)
    {
        List<EventDraft>? forward = null;
        var dates = r.Dates;
        for (var di = 0; di < dates.Count; di++)
        {
            var d = dates[di];
            if (d.Date is null && d.OffsetDays is null)
                continue;
            var at = r.TokenAt(d.Start);
            // "since February", "until 2025": a span's edge, not the day of this event.
            if (at > 0 && Words.SpanEdge.Has(r.Tokens[at - 1]))
                continue;
            // A month or a year is context ("in October 2023"): old enough, it marks the
            // event as background; it never passes for the day it happened.
            if (d.Precision is DatePrecision.Month or DatePrecision.Year)
            {
                if (published is { } p0 && d.Date is { } coarse && p0.DayNumber - coarse.AddMonths(d.Precision == DatePrecision.Month ? 1 : 12).DayNumber > BackgroundDays)
                    drafts[Nearest(drafts, at)].Draft.Background = true;
                continue;
            }
            var draft = SpeechEventFor(r, drafts, at) ?? drafts[DateOwner(drafts, Nearest(drafts, at), at)].Draft;
            // "is set to meet on Sunday": a weekday told as planned or still to come is the coming
            // one. It dates an event told the same way; an event told as done in another clause
            // ("shelled Kherson as officials prepare to reopen schools on Monday") it does not date.
            var ahead = d.Ahead is not null && ToCome(clauses, at);
            if (ahead && AnchorsOf(drafts, draft) is var anchors && !AnyToCome(r, clauses, anchors))
            {
                if (!AnyInClauseOf(clauses, anchors, at))
                    continue;
                ahead = false;
            }
            // A coming day outranks a day of the same precision read from a clause told as done
            // ("declared Saturday ... ahead of a meeting Sunday").
            if (draft.DateStated && Rank(draft.DatePrecision) >= Rank(d.Precision) && !(ahead && (forward is null || !forward.Contains(draft))))
                continue;
            draft.Date = ahead ? d.Ahead : d.Date;
            if (ahead)
                (forward ??= []).Add(draft);
            draft.DatePrecision = d.Date is null ? null : d.Precision;
            draft.RelativeDays = d.Date is null ? d.OffsetDays : null;
            draft.DateStated = true;
            draft.DateRelative = d.Kind == DateKind.RelativeToEvent;
        }
        foreach (var (draft, _) in drafts)
        {
            if (!draft.DateStated)
            {
                if (_paragraphDate is { } carried)
                {
                    draft.Date = carried.Date;
                    draft.DatePrecision = carried.Precision;
                    draft.DateStated = true;
                }
                else if (published is { } day && (r.Sentence.Role == SentenceRole.Headline || NewsTense(r)))
                {
                    draft.Date = day;
                    draft.DatePrecision = DatePrecision.Day;
                }
            }
            if (published is { } p && draft.Date is { } date && draft.DateStated && p.DayNumber - date.DayNumber > BackgroundDays)
                draft.Background = true;
        }
    }

    private const Modality ToComeModality = Modality.Future | Modality.Intended | Modality.Possible;

    // Helpers rather than lambdas: a lambda over a parameter costs a closure at every call of its method, used or not.
    private static List<int> AnchorsOf(List<(EventDraft Draft, List<int> Anchors)> drafts, EventDraft draft)
    {
        foreach (var (d, anchors) in drafts)
        {
            if (d == draft)
                return anchors;
        }
        // A dated draft is always one of the sentence's own.
        throw new UnreachableException();
    }

    private static bool AnyToCome(SentenceReading r, ClauseAnalysis clauses, List<int> anchors)
    {
        foreach (var a in anchors)
        {
            if ((clauses.ModalityOf(r.Tokens, a) & ToComeModality) != 0)
                return true;
        }
        return false;
    }

    private static bool AnyInClauseOf(ClauseAnalysis clauses, List<int> anchors, int token)
    {
        foreach (var a in anchors)
        {
            if (clauses.ClauseOf(a) == clauses.ClauseOf(token))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a token stands where the clause tells what is planned or still to come: in a
    /// verb group's clause in the future, planned or possible ("will meet", "is set to meet",
    /// "could meet", "are scheduled for"; not "could have met", nor a past "vowed on Tuesday to
    /// retaliate", told of the vow; a passive's tense is its participle's, so it tells nothing),
    /// or in a noun group told that way ("ahead of a meeting", "a planned visit").
    /// </summary>
    internal static bool ToCome(ClauseAnalysis clauses, int token) =>
        clauses.GoverningGroup(token) is { } g && g.Tense != Tense.Perfect && !(g.Tense == Tense.Past && g.Voice == Voice.Active)
            && (g.Tense == Tense.Future || (g.Modality & ToComeModality) != 0)
        || (clauses.NounModalityOf(token) & ToComeModality) != 0;

    /// <summary>
    /// "..., Peskov said on Thursday": the date of the saying is the date of a threat or a
    /// policy told in the sentence, not of the strike the speaker talks about.
    /// </summary>
    private static EventDraft? SpeechEventFor(SentenceReading r, List<(EventDraft Draft, List<int> Anchors)> drafts, int dateToken)
    {
        var cue = false;
        foreach (var c in r.Cues)
            cue |= c.Last <= dateToken && dateToken - c.Last <= 2;
        if (!cue)
            return null;
        foreach (var (d, _) in drafts)
        {
            if (d.Type is EventType.Threat or EventType.Policy or EventType.Diplomacy)
                return d;
        }
        return null;
    }

    internal static int Rank(DatePrecision? p) => p switch
    {
        DatePrecision.Day => 4,
        DatePrecision.Week => 3,
        DatePrecision.Month => 2,
        DatePrecision.Year => 1,
        _ => 0,
    };

    /// <summary>Present perfect, present progressive or future: the way copy tells today's news.</summary>
    private static bool NewsTense(SentenceReading r)
    {
        foreach (var t in r.Tokens)
        {
            if (Words.NewsTense.Has(t))
                return true;
        }
        return false;
    }
}
