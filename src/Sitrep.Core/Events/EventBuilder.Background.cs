using Sitrep.Clauses;
using Sitrep.Recognizers;

namespace Sitrep.Events;

// "Guterres toured Borodianka, on his first visit since the start of the invasion": an aside's past is not the event's.
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Whether the sentence's cue of past context ("since the start of", "previously") is told
    /// of this event. A cue inside a relative clause that does not hold the event's leading
    /// trigger ("Borodianka, where ... since the start of the invasion") tells that clause's
    /// past only; one on a saying verb ("ISW previously assessed that ...") covers what is said.
    /// </summary>
    private bool PastContext(SentenceReading r, ClauseAnalysis clauses, List<PhraseMatch<TriggerEntry>> triggers)
    {
        if (!r.BackgroundCue)
            return false;
        var clause = clauses.ClauseOf(triggers.Min(t => t.First));
        return Lexicons.Default.BackgroundCues.Match(text, r.Tokens)
            .Any(c => clauses.ClauseOf(c.First) is not { Kind: ClauseKind.Relative } other || other == clause);
    }
}
