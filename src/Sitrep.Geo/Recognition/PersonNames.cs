using Sitrep.Geo.Text;

namespace Sitrep.Geo.Recognition;

/// <summary>
/// Marks words that belong to a person's (or a ship's) name, which are never places:
/// capitalized words after a title ("President", "Mr", "the cruiser") and a given name with
/// the capitalized words after it ("Vladimir Putin", "Mark Rutte").
/// </summary>
internal static class PersonNames
{
    /// <summary>Most words after a cue or a given name that a name runs on for.</summary>
    public const int MaxNameWords = 3;

    public static bool[] Mark(string text, List<WordToken> tokens, GeoLexicon lex)
    {
        var blocked = new bool[tokens.Count];
        Scan(text, new WordList(tokens), lex, blocked, null, complete: true);
        return blocked;
    }

    /// <summary>Marks the words of person names; adds the last word of each (the surname) to <paramref name="surnames"/>.</summary>
    public static bool[] Mark<TWords>(string text, TWords tokens, GeoLexicon lex, HashSet<string>? surnames) where TWords : IWordList
    {
        var blocked = new bool[tokens.Count];
        Scan(text, tokens, lex, blocked, surnames, complete: true);
        return blocked;
    }

    /// <summary>
    /// Marks names in <paramref name="blocked"/> (cleared first, when given) and adds their
    /// surnames. Unless <paramref name="complete"/>, the words are the start of a longer run
    /// still to come: surnames are added only before the first word whose name could run past
    /// them, and its index is returned, so that a reader fed the run piece by piece
    /// (<see cref="DocumentWords"/>) goes on from there with the next piece and finds what one
    /// scan of the whole run finds. Names are marked to the end of the words either way: up to
    /// that index the two scans take the same steps, so one scan serves both the recognizer's
    /// marks and the report's surnames where each used to read the words once.
    /// </summary>
    public static int Scan<TWords>(string text, TWords tokens, GeoLexicon lex, bool[]? blocked, HashSet<string>? surnames, bool complete)
        where TWords : IWordList
    {
        blocked?.AsSpan(0, tokens.Count).Clear();
        return Read(text, tokens, lex, 0, int.MaxValue, blocked, surnames, complete);
    }

    /// <summary>
    /// <see cref="Scan"/> from word <paramref name="from"/> on, with <paramref name="blocked"/> as
    /// it is. It returns the index of the first word it would read at or past
    /// <paramref name="halt"/>: a reader can scan up to a point, see whether a name ran past it,
    /// and go on from there. Without marks to make, a scan that is not complete ends at the index
    /// it returns; the words' count is returned when no word's name could run past them.
    /// </summary>
    public static int Read<TWords>(string text, TWords tokens, GeoLexicon lex, int from, int halt, bool[]? blocked, HashSet<string>? surnames, bool complete)
        where TWords : IWordList
    {
        var stop = tokens.Count;
        for (var i = from; i < tokens.Count; i++)
        {
            if (i >= halt)
                return i;
            if (!complete && stop == tokens.Count && i + MaxNameWords >= tokens.Count)
            {
                stop = i;
                if (blocked is null)
                    return stop;
                surnames = null;
            }
            var t = tokens[i];
            var isCue = lex.Is(t, t.Capitalized ? WordClass.PersonCue | WordClass.CapitalizedPersonCue : WordClass.PersonCue);
            var isGiven = t.Capitalized && lex.Is(t, WordClass.GivenName);
            if (!isCue && !isGiven)
                continue;
            var last = -1;
            for (var j = i + 1; j < tokens.Count && j <= i + MaxNameWords; j++)
            {
                if (!tokens[j].Capitalized || !NameGap(text, tokens[j - 1], tokens[j]))
                    break;
                if (lex.Is(tokens[j], WordClass.RegionWord | WordClass.WaterWord))
                    break;
                if (blocked is not null)
                    blocked[j] = true;
                last = j;
            }
            if (last < 0)
                continue;
            if (isGiven && blocked is not null)
                blocked[i] = true;
            surnames?.Add(tokens[last].Key);
            i = last;
        }
        return stop;
    }

    // Between the words of a name: spaces, or the period of "Capt." / "Lt.". Not a hyphen: a given
    // name joined by one is part of a place name (Volodymyr-Volynskyi).
    private static bool NameGap(string text, in WordToken left, in WordToken right)
    {
        if (right.Start - left.End > 3 || right.Start == left.End)
            return false;
        for (var k = left.End; k < right.Start; k++)
            if (text[k] is not (' ' or '.' or '\u00A0'))
                return false;
        return true;
    }
}
