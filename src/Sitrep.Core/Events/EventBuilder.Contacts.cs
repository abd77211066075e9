using Sitrep.Clauses;
using Sitrep.Recognizers;

namespace Sitrep.Events;

// One sentence, several contacts: "met Zelensky in Florida and later spoke by phone with Putin".
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Diplomatic words of one sentence that each name a different other party are different
    /// contacts: a meeting with one leader and a call with another. Each run of triggers that
    /// shares its party stays one event; a word with no party of its own joins the run before it.
    /// </summary>
    private static void SplitContacts(SentenceReading r, ClauseAnalysis clauses, List<(EventType Type, List<PhraseMatch<TriggerEntry>> Triggers, bool JoinOnly)> active)
    {
        var i = active.FindIndex(a => a.Type == EventType.Diplomacy);
        if (i < 0 || active[i].Triggers.Count < 2 || active[i].Triggers.Any(t => t.Value.Strength != TriggerStrength.Strong))
            return;
        var (type, triggers, joinOnly) = active[i];
        triggers.Sort((a, b) => a.First.CompareTo(b.First));
        var runs = new List<List<PhraseMatch<TriggerEntry>>>();
        string? party = null;
        for (var n = 0; n < triggers.Count; n++)
        {
            var until = n + 1 < triggers.Count ? triggers[n + 1].First : r.Tokens.Count;
            var other = OtherParty(r, clauses, triggers[n], until);
            if (runs.Count == 0 || other is not null && party is not null && other != party)
                runs.Add([]);
            runs[^1].Add(triggers[n]);
            party = other ?? party;
        }
        if (runs.Count < 2)
            return;
        active.RemoveAt(i);
        active.InsertRange(i, runs.Select(run => (type, run, joinOnly)));
    }

    /// <summary>The first side named after a diplomatic word in its clause, before the next such word: whom it was with.</summary>
    private static string? OtherParty(SentenceReading r, ClauseAnalysis clauses, PhraseMatch<TriggerEntry> t, int until)
    {
        var clause = clauses.ClauseOf(t.First);
        foreach (var a in r.Actors)
        {
            if (a.First >= t.Last && a.First < until && (clause is null || clause.Span.Contains(a.First)))
                return a.Value.Code;
        }
        return null;
    }
}
