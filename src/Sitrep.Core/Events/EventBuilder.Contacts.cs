using Sitrep.Recognizers;

namespace Sitrep.Events;

// One sentence, several contacts: "met Stubb in Rome and then talked by telephone to Erdogan".
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Diplomatic words of one sentence that each name a different other party are different
    /// contacts: a meeting with one leader and a call with another. Each run of triggers that
    /// shares its party stays one event; a word with no party of its own joins the run before it.
    /// </summary>
    private void SplitContacts(SentenceReading r, List<(EventType Type, List<PhraseMatch<TriggerEntry>> Triggers, bool JoinOnly)> active)
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
            var other = OtherParty(r, triggers[n], until);
            if (runs.Count == 0 || other is not null && party is not null && other != party)
                runs.Add([]);
            runs[^1].Add(triggers[n]);
            party = other ?? party;
        }
        if (runs.Count < 2)
            return;
        active.RemoveAt(i);
        // A loop, not a Select: a lambda over type and joinOnly costs a closure at every call, split or not.
        for (var n = 0; n < runs.Count; n++)
            active.Insert(i + n, (type, runs[n], joinOnly));
    }

    /// <summary>Words a contact's other party may stand behind: "met with President Zelensky", "a call with the Polish leader".</summary>
    private const int PartyReach = 3;

    /// <summary>
    /// Whom a diplomatic word was with: the side named right after it, over "with", a
    /// determiner or a title ("spoke by phone with Putin", "met the Polish president"); not a
    /// side named further on, which may be the subject of the next clause.
    /// </summary>
    private string? OtherParty(SentenceReading r, PhraseMatch<TriggerEntry> t, int until)
    {
        for (var k = t.Last; k < until && k < r.Tokens.Count && k <= t.Last + PartyReach; k++)
        {
            var a = ActorStartingAt(r, k);
            if (a.Value is not null)
                return a.Value.Code;
            var tok = r.Tokens[k];
            var title = Capitalized(tok);
            if (!Words.InstrumentPreposition.Has(tok) && !Words.Determiner.Has(tok) && !title)
                return null;
        }
        return null;
    }

    private static PhraseMatch<ActorEntry> ActorStartingAt(SentenceReading r, int k)
    {
        foreach (var a in r.Actors)
        {
            if (a.First == k)
                return a;
        }
        return default;
    }

    /// <summary>
    /// "who met Zelensky and later spoke with Putin": a later contact of the sentence shares the
    /// subject of the first, unless its own clause names one ("and Putin spoke with Xi").
    /// </summary>
    private static void ShareContactSubject(List<(EventDraft Draft, List<int> Anchors)> drafts, EventDraft draft)
    {
        if (draft.ActorFramed || FirstOfType(drafts, draft.Type) is not { Actor: { } shared } first || first == draft)
            return;
        draft.Actor = shared;
        draft.ActorExplicit = first.ActorExplicit;
        draft.ActorRule = "subject shared with the sentence's first contact";
    }

    private static EventDraft? FirstOfType(List<(EventDraft Draft, List<int> Anchors)> drafts, EventType type)
    {
        foreach (var (d, _) in drafts)
        {
            if (d.Type == type)
                return d;
        }
        return null;
    }

    /// <summary>
    /// A day follows the act it dates: in "met X in Florida on Friday and later called Y", the
    /// day is the meeting's, though the call's word stands nearer. Among drafts of one type, a
    /// date goes to the last one told before it.
    /// </summary>
    private static int DateOwner(List<(EventDraft Draft, List<int> Anchors)> drafts, int nearest, int date)
    {
        if (AnyBefore(drafts[nearest].Anchors, date))
            return nearest;
        var owner = nearest;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (i != nearest && drafts[i].Draft.Type == drafts[nearest].Draft.Type && AnyBefore(drafts[i].Anchors, date))
                owner = i;
        }
        return owner;
    }

    private static bool AnyBefore(List<int> anchors, int token)
    {
        foreach (var a in anchors)
        {
            if (a < token)
                return true;
        }
        return false;
    }
}
