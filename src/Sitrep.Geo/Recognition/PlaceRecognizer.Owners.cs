using Sitrep.Geo.Text;

namespace Sitrep.Geo;

// Places named only to say whose or which: the owner of an organisation ("Kyiv's nuclear
// operator") and the sea a port lies on ("the Azov Sea port of Berdiansk"). Neither is where
// something happened, so neither becomes a mention of its own.
public sealed partial class PlaceRecognizer
{
    private const int MaxOwnerModifiers = 3;

    /// <summary>
    /// True when the name ending at token <paramref name="last"/> is a possessive whose noun, after a
    /// few lower-case modifiers, is an organisation (<c>owner-nouns.txt</c>).
    /// </summary>
    private bool Owner(string text, List<WordToken> tokens, int last)
    {
        var end = tokens[last].End;
        if (end + 1 >= text.Length || !TextFold.IsApostrophe(text[end]) || text[end + 1] is not ('s' or 'S'))
            return false;
        for (var k = last + 1; k < tokens.Count && k <= last + 1 + MaxOwnerModifiers; k++)
        {
            if (tokens[k].Capitalized || !WordTokenizer.Adjacent(text, tokens[k - 1], tokens[k]))
                return false;
            if (_lex.Is(tokens[k], Recognition.WordClass.OwnerNoun))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Drops a sea, gulf or river told just before a settlement word and the settlement it
    /// qualifies ("the Azov Sea port of Berdiansk", "the Black Sea city of Ochakiv"): only the port is a place.
    /// </summary>
    private List<PlaceMention> DropWaterOfPorts(string text, List<WordToken> tokens, List<PlaceMention> found)
    {
        List<PlaceMention>? kept = null;
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].KindHint == PlaceKind.Water && i + 1 < found.Count && QualifiesPort(text, tokens, found[i], found[i + 1]))
            {
                kept ??= found.Take(i).ToList();
                continue;
            }
            kept?.Add(found[i]);
        }
        return kept ?? found;
    }

    private bool QualifiesPort(string text, List<WordToken> tokens, PlaceMention water, PlaceMention next)
    {
        if (next.KindHint is PlaceKind.Water or PlaceKind.Region or PlaceKind.Country || next.Start - water.End > 40)
            return false;
        var cue = false;
        var previousEnd = water.End;
        // The first token past the water's name, by binary search: a long report stays linear.
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < water.End)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (var k = lo; k < tokens.Count && tokens[k].Start < next.Start; k++)
        {
            var t = tokens[k];
            if (text.AsSpan(previousEnd, t.Start - previousEnd).Trim().Length > 0)
                return false;
            if (_lex.Is(t, Recognition.WordClass.SettlementCue) && !t.Capitalized)
                cue = true;
            else if (!_lex.Is(t, Recognition.WordClass.Of))
                return false;
            previousEnd = t.End;
        }
        return cue && text.AsSpan(previousEnd, next.Start - previousEnd).Trim().Length == 0;
    }
}
