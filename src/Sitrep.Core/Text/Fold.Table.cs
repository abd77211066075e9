namespace Sitrep.Text;

// Base letters of the precomposed Latin letters U+00C0..U+024F (from their Unicode
// decompositions, plus the letters that do not decompose: æ, ø, ł, ß, đ, ...). The build runs
// with InvariantGlobalization, where string.Normalize leaves such letters as they are, so the
// fold carries its own table. "" keeps the character (lower-cased).
public static partial class Fold
{
    private const char LatinStart = '\u00C0';

    private static readonly string[] LatinTable =
    [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
        "b", "b", "", "", "", "", "", "c", "c", "", "d", "", "", "", "", "",
        "", "f", "f", "g", "", "", "", "i", "k", "k", "l", "", "", "n", "n", "",
        "o", "o", "", "", "p", "p", "", "", "", "", "", "t", "t", "t", "t", "u",
        "u", "", "v", "y", "y", "z", "z", "", "", "", "", "", "", "", "", "",
        "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
        "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "", "a", "a",
        "a", "a", "", "", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "", "",
        "j", "dz", "dz", "dz", "g", "g", "", "", "n", "n", "a", "a", "", "", "", "",
        "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
        "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "", "h", "h",
        "", "d", "", "", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
        "o", "o", "y", "y", "l", "n", "t", "j", "", "", "a", "c", "c", "l", "t", "s",
        "z", "", "", "b", "u", "", "e", "e", "j", "j", "", "", "r", "r", "y", "y",
    ];

    private static string? LatinBase(char c)
    {
        var i = c - LatinStart;
        return i >= 0 && i < LatinTable.Length && LatinTable[i].Length > 0 ? LatinTable[i] : null;
    }
}
