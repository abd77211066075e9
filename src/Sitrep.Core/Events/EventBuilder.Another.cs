using Sitrep.Clauses;
using Sitrep.Recognizers;

namespace Sitrep.Events;

// "Ukraine's gas retailer also reported a cyberattack": one more event, not the one told before.
internal sealed partial class EventBuilder
{
    /// <summary>Words that may stand between an article and the act it brings in ("a new cyberattack").</summary>
    private const int ArticleReach = 3;

    /// <summary>
    /// Whether a trigger is told as one more of its kind: "another attack", "a second package", or an act brought in
    /// with "a"/"an" in a clause that says "also" before it. A retelling names its act with
    /// "the" ("the attack also hit ...") and so is not one.
    /// </summary>
    private static bool TellsAnother(SentenceReading r, ClauseAnalysis clauses, int trigger)
    {
        // A verb tells the act itself; "a second missile hit" counts the missiles, not the strikes.
        if (clauses.GroupAt(trigger) is not null)
            return false;
        var first = clauses.ClauseOf(trigger)?.Span.First ?? 0;
        var article = -1;
        for (var k = trigger - 1; k >= first && k >= trigger - ArticleReach; k--)
        {
            var t = r.Tokens[k];
            if (!t.IsWord)
                return false;
            // "another cyberattack" says "one more" inside the noun group itself.
            if (EventWords.OneMore.Has(t))
                return true;
            if (Words.Determiner.Has(t))
            {
                article = Words.Definite.Has(t) ? -1 : k;
                break;
            }
        }
        if (article < 0)
            return false;
        for (var k = article - 1; k >= first; k--)
        {
            if (EventWords.Additive.Has(r.Tokens[k]))
                return true;
        }
        return false;
    }
}
