using Sitrep.Clauses;
using Sitrep.Geo;
using Sitrep.Recognizers;

namespace Sitrep.Events;

/// <summary>
/// Verb frames whose support is who stands on each side of the word rather than a place or a
/// sum: "the chancellor met the Ukrainian president", "Biden's call with Zelensky", "Germany
/// sent missiles to Ukraine". The frame's row in triggers.tsv says which support it needs.
/// </summary>
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Weak triggers whose row names a frame: with its support found, the word reports an event
    /// as surely as a strong one; a frame that needs its parties and lacks them reports nothing.
    /// Runs after modality, so "did not meet" and "may send" are already gone.
    /// </summary>
    private void ApplyFrames(SentenceReading r, ClauseAnalysis clauses)
    {
        for (var i = r.Triggers.Count - 1; i >= 0; i--)
        {
            var t = r.Triggers[i];
            if (t.Value.Strength != TriggerStrength.Weak || t.Value.Support == FrameSupport.Type)
                continue;
            var clause = clauses.ClauseOf(t.First);
            var holds = t.Value.Support switch
            {
                FrameSupport.Supply => SupplyFrame(r, clause, t),
                // The one who acts may stand clauses away ("Putin put the forces, described as
                // deterrence forces, on their highest alert"): any side named before the word.
                FrameSupport.Agent => UnquotedSideBefore(r, t.First),
                // "the cruiser sank in the Black Sea": a ship goes down at sea; "the rouble sank" does not.
                FrameSupport.Water => WaterIn(r, clause),
                _ => PartyOnEachSide(r, clause, t, recipient: t.Value.Type == EventType.Aid),
            };
            if (holds)
            {
                r.Triggers[i] = t with { Value = t.Value with { Strength = TriggerStrength.Strong } };
                if (Explaining)
                    Notes.Add($"frame {t.Value.Type} \"{text[t.Start..t.End]}\": {t.Value.Support.ToString().ToLowerInvariant()} found");
            }
            else if (t.Value.Support != FrameSupport.PartiesOrType)
            {
                r.Triggers.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// A side or person named before the word, in its clause or as its clause's subject, and a
    /// different one after it in the clause ("met her Ukrainian counterpart"). Aid goes to its
    /// receiver: the side after must follow "to" or "for" ("military aid to Ukraine").
    /// </summary>
    private static bool PartyOnEachSide(SentenceReading r, Clause? clause, PhraseMatch<TriggerEntry> t, bool recipient)
    {
        if (clause is null || SideBefore(r, clause, t) is not { } before)
            return false;
        // The first side after the word is its other party ("a meeting with the defence minister
        // and the chief of the Russian staff" is one side's own meeting, whoever is named later).
        foreach (var a in r.Actors)
        {
            if (a.First < t.Last || !clause.Span.Contains(a.First))
                continue;
            return a.Value.Code != before && (!recipient || (a.First > 0 && Words.RecipientPreposition.Has(r.Tokens[a.First - 1])));
        }
        return false;
    }

    /// <summary>
    /// The side or person named last before the word, in its clause or as its clause's subject.
    /// One that heads its own phrase or follows "by" is a party before one that is only the
    /// object of a preposition ("the minister's remarks on aid to Kyiv and call with Duda").
    /// </summary>
    private static string? SideBefore(SentenceReading r, Clause clause, PhraseMatch<TriggerEntry> t)
    {
        string? before = null, party = null;
        foreach (var a in r.Actors)
        {
            if (a.Last <= t.First && (clause.Span.Contains(a.First) || clause.Subject.Contains(a.First)) && !r.InQuote(a.First))
            {
                before = a.Value.Code;
                if (a.First == 0 || !IsPreposition(r.Tokens[a.First - 1]) || Words.AgentPreposition.Has(r.Tokens[a.First - 1]))
                    party = a.Value.Code;
            }
        }
        return party ?? before;
    }

    /// <summary>"The Pentagon sent HARM missiles to Ukraine": a giver before, a weapon after and a receiver after "to" or "for".</summary>
    private static bool SupplyFrame(SentenceReading r, Clause? clause, PhraseMatch<TriggerEntry> t)
    {
        if (clause is null)
            return false;
        var weapon = false;
        foreach (var w in r.Weapons)
            weapon |= w.First >= t.Last && clause.Span.Contains(w.First);
        return weapon && PartyOnEachSide(r, clause, t, recipient: true);
    }

    // A helper, not a lambda: one over r and clause cost two closures for every weak trigger, framed or not.
    private static bool WaterIn(SentenceReading r, Clause? clause)
    {
        if (clause is null)
            return false;
        foreach (var p in r.Places)
        {
            if (p.Mention.KindHint == PlaceKind.Water && clause.Span.Contains(r.TokenAt(p.Mention.Start)))
                return true;
        }
        return false;
    }

    private static bool UnquotedSideBefore(SentenceReading r, int token)
    {
        foreach (var a in r.Actors)
        {
            if (a.Last <= token && !r.InQuote(a.First))
                return true;
        }
        return false;
    }
}
