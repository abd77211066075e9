using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo;

// Venues (venues.tsv): "talks at Mar-a-Lago", "hosted at Chequers", "visited the White House" name
// the town the venue stands in; "the Kremlin said", "a White House official" name an institution.
public sealed partial class PlaceRecognizer
{
    private const int MaxVenueFillers = 2;

    private enum VenueUse { None, Only, Shared }

    /// <summary>Whether the matched name is a venue's: only a venue's, or also some place's own name.</summary>
    private VenueUse VenueName(int node)
    {
        if (node < 0)
            return VenueUse.None;
        bool venue = false, other = false;
        foreach (var p in Gazetteer.Postings(node))
        {
            if ((p.Source & NameSource.Venue) != 0)
                venue = true;
            else
                other = true;
        }
        return !venue ? VenueUse.None : other ? VenueUse.Shared : VenueUse.Only;
    }

    /// <summary>
    /// A cue word before the name, over a filler or two ("at his Mar-a-Lago estate"), and no
    /// possessive after it: "at the Kremlin's request" is the institution asking.
    /// </summary>
    private bool VenueAsLocation(string text, List<WordToken> tokens, int first, int last)
    {
        var end = tokens[last].End;
        if (end + 1 < text.Length && TextFold.IsApostrophe(text[end]) && text[end + 1] is 's' or 'S')
            return false;
        for (var k = first - 1; k >= 0 && k >= first - 1 - MaxVenueFillers; k--)
        {
            if (_lex.Is(tokens[k], Recognition.WordClass.VenueCue))
                return true;
            if (!_lex.Is(tokens[k], Recognition.WordClass.VenueFiller))
                return false;
        }
        return false;
    }
}
