using Sitrep.Clauses;
using Sitrep.Recognizers;

namespace Sitrep.Events;

// "The president toured Irpin, a town where homes have lain in ruins since the war began": an aside's past is not the event's.
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Whether the sentence's cue of past context ("since the start of", "previously") is told
    /// of this event. A cue inside a relative clause that does not hold the event's leading
    /// trigger ("Irpin, a town where ... since the war began") tells that clause's
    /// past only; one on a saying verb ("ISW previously assessed that ...") covers what is said.
    /// </summary>
    private bool PastContext(SentenceReading r, ClauseAnalysis clauses, List<PhraseMatch<TriggerEntry>> triggers)
    {
        if (!r.BackgroundCue)
            return false;
        var clause = clauses.ClauseOf(MinFirst(triggers));
        // A loop, not Any: a lambda over the parameter clauses costs a closure at every call, cue or not.
        foreach (var c in Lexicons.Default.BackgroundCues.Match(text, r.Tokens))
        {
            if (clauses.ClauseOf(c.First) is not { Kind: ClauseKind.Relative } other || other == clause)
                return true;
        }
        return false;
    }
}
