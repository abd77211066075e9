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

    /// <summary>
    /// "who met Zelensky and later spoke with Putin": a later contact of the sentence with no
    /// side of its own shares the subject of the first.
    /// </summary>
    private static void ShareContactSubject(List<(EventDraft Draft, List<int> Anchors)> drafts, EventDraft draft)
    {
        if (draft.Actor is not null || drafts.FirstOrDefault(o => o.Draft != draft && o.Draft.Type == draft.Type).Draft is not { Actor: { } shared } first)
            return;
        draft.Actor = shared;
        draft.ActorExplicit = first.ActorExplicit;
        draft.ActorRule = "subject shared with the sentence's first contact";
    }

    /// <summary>
    /// A day follows the act it dates: in "met X in Florida on Friday and later called Y", the
    /// day is the meeting's, though the call's word stands nearer. Among drafts of one type, a
    /// date goes to the last one told before it.
    /// </summary>
    private static int DateOwner(List<(EventDraft Draft, List<int> Anchors)> drafts, int nearest, int date)
    {
        if (drafts[nearest].Anchors.Any(a => a < date))
            return nearest;
        var owner = nearest;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (i != nearest && drafts[i].Draft.Type == drafts[nearest].Draft.Type && drafts[i].Anchors.Any(a => a < date))
                owner = i;
        }
        return owner;
    }
}
