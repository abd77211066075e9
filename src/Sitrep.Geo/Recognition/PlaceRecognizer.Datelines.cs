using Sitrep.Geo.Text;

namespace Sitrep.Geo;

// Datelines: "KYIV (Reuters) -", "ODESA, Ukraine —", "Kharkiv, Dec 3 (AP) -". The place opens a
// line and is followed, after an optional country, date and agency, by a dash: it says where the
// reporter filed from, which places the event only when nothing else in its sentence does.
public sealed partial class PlaceRecognizer
{
    private const int MaxDatelineTail = 60;

    /// <summary>The dateline mention opening the span, and the index of the last token it covers; null when the span opens no dateline.</summary>
    private (PlaceMention Mention, int LastToken)? Dateline(string text, List<WordToken> tokens, bool[] blocked)
    {
        if (tokens.Count == 0 || !tokens[0].Capitalized || blocked[0] || !OpensLine(text, tokens[0].Start))
            return null;
        var (last, node) = LongestName(text, tokens, blocked, 0);
        if (last < 0 || NotAPlace(text, tokens, 0, last) is not null)
            return null;
        // Up to the dash: capitalized words or figures (country, date), and an agency in brackets.
        var k = last + 1;
        var pos = tokens[last].End;
        var limit = Math.Min(text.Length, pos + MaxDatelineTail);
        var depth = 0;
        for (; pos < limit; pos++)
        {
            var c = text[pos];
            if (c is '(')
                depth++;
            else if (c is ')')
                depth--;
            else if (c is '\u2014' or '\u2013' or '-' && depth == 0 && (c != '-' || pos + 1 < text.Length && char.IsWhiteSpace(text[pos + 1])))
                break;
            else if (c is '.' or '\n' or ';' or ':' or '"')
                return null;
            if (k < tokens.Count && tokens[k].Start == pos)
            {
                if (depth == 0 && !tokens[k].Capitalized && !char.IsDigit(text[pos]))
                    return null;
                k++;
            }
        }
        if (pos >= limit)
            return null;
        var mention = MakeMention(text, tokens, 0, last, node, null) with { Dateline = true };
        return (mention, k - 1);
    }

    private static bool OpensLine(string text, int at)
    {
        for (var p = at - 1; p >= 0; p--)
        {
            if (text[p] == '\n')
                return true;
            if (!char.IsWhiteSpace(text[p]))
                return false;
        }
        return true;
    }
}
