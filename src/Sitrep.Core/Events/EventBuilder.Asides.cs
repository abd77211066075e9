using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

// "In the east — where Moscow has promised a new push — officials said ...": an aside describes.
internal sealed partial class EventBuilder
{
    /// <summary>
    /// Whether a trigger stands in an aside set off by two dashes that opens with a relative
    /// word ("— where Moscow has vowed ... —"): it describes the place or thing before it, as a
    /// comma's ", which ..." does, and reports nothing of its own.
    /// </summary>
    private bool InDashAside(SentenceReading r, int token)
    {
        var open = -1;
        for (var k = token - 1; k >= 0; k--)
        {
            var t = r.Tokens[k];
            if (t.Kind != TokenKind.Punct)
                continue;
            if (StandaloneDash(t))
            {
                open = k;
                break;
            }
            if (Words.PhraseBreak.Has(t))
                return false;
        }
        if (open < 0 || open + 1 >= r.Tokens.Count || !Words.Relative.Has(r.Tokens[open + 1]))
            return false;
        for (var k = token + 1; k < r.Tokens.Count; k++)
        {
            if (StandaloneDash(r.Tokens[k]))
                return true;
        }
        return false;
    }

    /// <summary>A dash with a space before it, not a hyphen inside a word ("counter-offensive").</summary>
    private bool StandaloneDash(Token t) =>
        t.Kind == TokenKind.Punct && t.Norm == "-" && t.Start > 0 && char.IsWhiteSpace(text[t.Start - 1]);
}
